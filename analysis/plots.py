"""One look for every figure: size, style, and a colour per institution.

Every figure in the book is made here so that it has a title, labelled
axes, the same colour for the same institution everywhere
(``analysis/data/colours.yml``, colour-blind-safe) and a fixed size that
reads well in the book's width. Functions return the matplotlib ``Figure``.
"""
from __future__ import annotations

import hashlib
import textwrap
from functools import lru_cache

import matplotlib
import matplotlib.pyplot as plt
import networkx as nx
import numpy as np
import pandas as pd
from matplotlib.patches import Patch

from .resources import load_yaml

WIDTH = 8.0
STYLE = {
    "figure.dpi": 100,
    "savefig.dpi": 100,
    "font.size": 10,
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": False,
    "legend.frameon": False,
    "svg.hashsalt": "news-analysis",
}


def use_style() -> None:
    """Apply the book's matplotlib style (called by every plotting function)."""
    matplotlib.rcParams.update(STYLE)


@lru_cache(maxsize=1)
def _colours() -> dict:
    return load_yaml("colours.yml")


def colour_for(institution: str | None) -> str:
    """The colour of an institution; several institutions and none have their own."""
    c = _colours()
    inst = (institution or "").strip()
    if not inst:
        return c["none"]
    if ";" in inst:
        return c["several"]
    if inst in c["institutions"]:
        return c["institutions"][inst]
    digest = int(hashlib.sha1(inst.encode("utf-8")).hexdigest(), 16)
    return c["fallback"][digest % len(c["fallback"])]


def position_colour(score: int) -> str:
    """The colour of a position on the -2 .. +2 scale."""
    return _colours()["positions"][str(int(score))]


def institution_label(institution: str | None) -> str:
    inst = (institution or "").strip()
    if not inst:
        return "institution not stated"
    if ";" in inst:
        return "several institutions"
    return inst


def _legend(ax, institutions, loc="lower right", **kw) -> None:
    seen = []
    for inst in institutions:
        label = institution_label(inst)
        if label not in [s[0] for s in seen]:
            seen.append((label, colour_for(inst)))
    ax.legend(handles=[Patch(color=c, label=l) for l, c in seen], loc=loc, fontsize=8, title="Institution",
              title_fontsize=8, **kw)


def _wrap(text: str, width: int = 38) -> str:
    return "\n".join(textwrap.wrap(str(text), width)) or str(text)


def mentions_chart(actors: pd.DataFrame, top: int = 20):
    """Horizontal bars: mentions per actor, coloured by institution."""
    use_style()
    df = actors.sort_values(["mentions", "actor_id"], ascending=[False, True]).head(top).iloc[::-1]
    fig, ax = plt.subplots(figsize=(WIDTH, max(3.0, 0.32 * len(df) + 1.2)))
    ax.barh([_wrap(n, 45) for n in df["name"]], df["mentions"], color=[colour_for(i) for i in df["institution"]])
    ax.set_xlabel("Mentions in the article (names, aliases, pronouns, descriptions)")
    ax.set_ylabel("Actor")
    ax.set_title("Who the story is about: mentions per actor")
    _legend(ax, df["institution"].iloc[::-1])
    fig.tight_layout()
    return fig


def sources_chart(summary: pd.DataFrame):
    """Bars: statements by named and unnamed sources."""
    use_style()
    fig, ax = plt.subplots(figsize=(WIDTH, 2.6))
    colours = {"named": "#0072B2", "unnamed": "#D55E00", "unresolved": "#BBBBBB"}
    ax.barh(summary["source"], summary["statements"], color=[colours.get(s, "#999999") for s in summary["source"]])
    for y, (v, share) in enumerate(zip(summary["statements"], summary["share"])):
        ax.text(v + 0.2, y, f"{v} ({share:.0%})", va="center", fontsize=9)
    ax.set_xlabel("Statements")
    ax.set_ylabel("Source")
    ax.set_title("Named and unnamed voices")
    ax.set_xlim(0, max(summary["statements"].max() * 1.3, 1))
    fig.tight_layout()
    return fig


def statements_chart(counts: pd.DataFrame):
    """Bars: statements and words per speaker, coloured by institution."""
    use_style()
    df = counts.iloc[::-1]
    fig, axes = plt.subplots(1, 2, figsize=(WIDTH, max(3.0, 0.32 * len(df) + 1.2)), sharey=True)
    colours = [colour_for(i) for i in df["institution"]]
    axes[0].barh([_wrap(n, 32) for n in df["speaker"]], df["statements"], color=colours)
    axes[0].set_xlabel("Statements")
    axes[0].set_ylabel("Speaker")
    axes[0].set_title("Statements")
    axes[1].barh([_wrap(n, 32) for n in df["speaker"]], df["words"], color=colours)
    axes[1].set_xlabel("Words attributed")
    axes[1].set_title("Words")
    fig.suptitle("Who gets to speak", fontweight="bold")
    _legend(axes[1], df["institution"].iloc[::-1])
    fig.tight_layout()
    return fig


def timeline_chart(quotes: pd.DataFrame, actors: pd.DataFrame, length: int):
    """Where in the article each voice speaks: one row per speaker, one mark per statement."""
    use_style()
    inst = dict(zip(actors["actor_id"], actors["institution"]))
    speakers = list(dict.fromkeys(quotes["speaker"]))
    fig, ax = plt.subplots(figsize=(WIDTH, max(2.6, 0.32 * len(speakers) + 1.2)))
    markers = {"direct": "o", "indirect": "s", "mixed": "D"}
    for y, name in enumerate(speakers):
        rows = quotes[quotes["speaker"] == name]
        ids = str(rows["speaker_id"].iloc[0]).split(";")
        colour = colour_for(inst.get(ids[0], "") if len(ids) == 1 else "a;b") if ids[0] else colour_for("")
        for r in rows.itertuples(index=False):
            ax.plot([r.start / length * 100, r.end / length * 100], [y, y], color=colour, lw=4, solid_capstyle="butt")
            ax.plot(r.start / length * 100, y, markers.get(r.kind, "o"), color=colour, ms=6)
    ax.set_yticks(range(len(speakers)), [_wrap(s, 32) for s in speakers])
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xlabel("Position in the article (% of characters)")
    ax.set_ylabel("Speaker")
    ax.set_title("Where each voice appears")
    ax.legend(handles=[plt.Line2D([], [], marker=m, ls="", color="#555555", label=k) for k, m in markers.items()],
              loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, title="Statement", title_fontsize=8)
    fig.tight_layout()
    return fig


def claims_chart(claims: pd.DataFrame):
    """Heatmap: claims by type (rows) and target (columns)."""
    use_style()
    df = claims.assign(target=claims["target"].replace("", "(no target)"))
    table = pd.crosstab(df["type"], df["target"])
    table = table.loc[:, table.sum().sort_values(ascending=False).index]
    fig, ax = plt.subplots(figsize=(WIDTH, 0.45 * len(table) + 2.4))
    im = ax.imshow(table.values, cmap="Blues", aspect="auto", vmin=0)
    ax.set_xticks(range(table.shape[1]), [_wrap(c, 16) for c in table.columns], rotation=45, ha="right", fontsize=8)
    ax.set_yticks(range(table.shape[0]), table.index)
    for (i, j), v in np.ndenumerate(table.values):
        if v:
            ax.text(j, i, str(v), ha="center", va="center", fontsize=8,
                    color="white" if v > table.values.max() / 2 else "black")
    ax.set_xlabel("Target of the claim")
    ax.set_ylabel("Type of claim")
    ax.set_title("What the claims do, and about whom")
    fig.colorbar(im, ax=ax, label="Claims", shrink=0.8)
    fig.tight_layout()
    return fig


def positions_chart(stances: pd.DataFrame, labels: dict):
    """Diverging bars: each voice's position, grouped by institution."""
    use_style()
    df = stances.copy()
    df["group"] = df["institution"].map(institution_label)
    order = df.groupby("group")["score"].mean().sort_values(ascending=False).index
    df["g"] = pd.Categorical(df["group"], categories=list(order), ordered=True)
    df = df.sort_values(["g", "score", "actor"], ascending=[True, False, True]).reset_index(drop=True)
    fig, ax = plt.subplots(figsize=(WIDTH, max(3.0, 0.34 * len(df) + 1.4)))
    y = np.arange(len(df))[::-1]
    values = [s if s != 0 else 0.08 for s in df["score"]]
    ax.barh(y, values, color=[colour_for(i) for i in df["institution"]], edgecolor="#333333", linewidth=0.4)
    ax.set_yticks(y, [_wrap(a, 40) for a in df["actor"]])
    ax.axvline(0, color="#333333", lw=0.8)
    ax.set_xlim(-2.4, 2.4)
    ax.set_xticks([-2, -1, 0, 1, 2], [_wrap(labels[k], 12) for k in (-2, -1, 0, 1, 2)], fontsize=8)
    ax.set_xlabel("Position on the policy")
    ax.set_ylabel("Voice (grouped by institution)")
    ax.set_title("Who stands where")
    prev = None
    for yy, g in zip(y, df["group"]):
        if g != prev:
            ax.axhline(yy + 0.5, color="#DDDDDD", lw=0.8, zorder=0)
            prev = g
    _legend(ax, df["institution"], loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=3)
    fig.tight_layout()
    return fig


def concept_heatmap(statements: pd.DataFrame, concepts: pd.DataFrame, actors: pd.DataFrame,
                    order: list[str] | None = None):
    """Actor x concept matrix: the position on the policy (K00) and agreement with each concept."""
    use_style()
    order_c = [c for c in concepts["concept_id"] if c in set(statements["concept_id"])]
    order_a = [a for a in (order or []) if a in set(statements["actor_id"])]
    order_a += [a for a in dict.fromkeys(statements.sort_values("actor_id")["actor_id"]) if a not in order_a]
    names = dict(zip(actors["actor_id"], actors["name"]))
    agree = _colours()["agreement"]
    rgb = np.ones((len(order_a), len(order_c), 3))
    values = {}
    for r in statements.itertuples(index=False):
        i, j = order_a.index(r.actor_id), order_c.index(r.concept_id)
        v = int(max(-2, min(2, r.agreement)))
        values[(i, j)] = v
        colour = position_colour(v) if r.concept_id == "K00" else (agree["congruence"] if v > 0 else agree["conflict"])
        rgba = matplotlib.colors.to_rgb(colour)
        mix = 1.0 if r.concept_id == "K00" else 0.55
        rgb[i, j] = [1 - mix + mix * c for c in rgba]
    fig, ax = plt.subplots(figsize=(WIDTH, 0.34 * len(order_a) + 2.6))
    ax.imshow(rgb, aspect="auto")
    ax.set_xticks(range(len(order_c)), order_c, fontsize=8)
    ax.set_yticks(range(len(order_a)), [_wrap(names[a], 36) for a in order_a], fontsize=8)
    for (i, j), v in values.items():
        ax.text(j, i, f"{v:+d}" if order_c[j] == "K00" else ("agree" if v > 0 else "disagree"),
                ha="center", va="center", fontsize=6.5)
    if "K00" in order_c:
        ax.axvline(order_c.index("K00") + 0.5, color="#333333", lw=0.8)
    ax.set_xlabel("Concept (K00: position on the policy, \u22122 to +2; others: see the table of concepts)")
    ax.set_ylabel("Actor (most supportive first)")
    ax.set_title("Who agrees and disagrees with what")
    fig.tight_layout()
    return fig


def network_chart(signed: nx.Graph, coalitions: pd.DataFrame, actors: pd.DataFrame):
    """The signed actor network: green ties for congruence, red for conflict."""
    use_style()
    inst = dict(zip(actors["actor_id"], actors["institution"]))
    names = dict(zip(actors["actor_id"], actors["name"]))
    coal = dict(zip(coalitions["actor_id"], coalitions["coalition"]))
    nodes = sorted(signed.nodes)
    # deterministic layout: coalitions on a circle of circles
    groups = sorted(set(coal.get(n, 0) for n in nodes))
    pos = {}
    spread = 2.2
    for k, g in enumerate(groups):
        members = [n for n in nodes if coal.get(n, 0) == g]
        cx = (k - (len(groups) - 1) / 2) * spread
        for j, n in enumerate(members):
            r = 0.25 + 0.09 * len(members)
            ang = np.pi / 2 + 2 * np.pi * j / max(1, len(members))
            pos[n] = (cx + r * np.cos(ang), r * np.sin(ang))
    fig, ax = plt.subplots(figsize=(WIDTH, 5.4))
    colours = _colours()["agreement"]
    for a, b, d in sorted(signed.edges(data=True)):
        w = d["weight"]
        if w == 0:
            continue
        ax.plot(*zip(pos[a], pos[b]), color=colours["congruence"] if w > 0 else colours["conflict"],
                lw=0.5 + 3 * abs(w), alpha=0.55, zorder=1)
    for n in nodes:
        ax.scatter(*pos[n], s=220, color=colour_for(inst.get(n, "")), edgecolor="#333333", zorder=2)
        ax.annotate(_wrap(names.get(n, n), 22), pos[n], xytext=(0, -14), textcoords="offset points",
                    ha="center", va="top", fontsize=7, zorder=3)
    for k, g in enumerate(groups):
        cx = (k - (len(groups) - 1) / 2) * spread
        top = 0.25 + 0.09 * sum(1 for n in nodes if coal.get(n, 0) == g)
        ax.text(cx, top + 0.25, f"Camp {g}", ha="center", fontsize=9, fontweight="bold")
    ax.set_title("Agreement (green) and conflict (red) between actors")
    ax.set_xlabel("Actors placed by coalition; line width shows the strength of the tie")
    ax.set_ylabel("")
    ax.set_xticks([])
    ax.set_yticks([])
    ax.margins(0.12)
    for side in ("left", "bottom"):
        ax.spines[side].set_visible(False)
    fig.tight_layout()
    return fig


def evaluation_chart(scores: pd.DataFrame):
    """Bars: the headline accuracy figures."""
    use_style()
    df = scores.iloc[::-1]
    fig, ax = plt.subplots(figsize=(WIDTH, 0.34 * len(df) + 1.4))
    ax.barh(df["label"], df["value"], color="#0072B2")
    for y, v in enumerate(df["value"]):
        ax.text(min(v, 1.0) + 0.01, y, f"{v:.2f}", va="center", fontsize=8)
    ax.set_xlim(0, 1.12)
    ax.set_xlabel("Score (1 = perfect)")
    ax.set_ylabel("Measure")
    ax.set_title("How well the analysis matches the hand annotation")
    fig.tight_layout()
    return fig
