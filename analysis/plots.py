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
import numpy as np
import pandas as pd
from matplotlib.patches import FancyBboxPatch, Patch

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


def positions_chart(voices, labels: dict, title: str = "Who stands where"):
    """Diverging bars, one per voice (a principal with those who speak for it counted once),
    coloured by direction: blue support, red opposition, grey no clear side. The institution
    is written next to the name, so colour never has to say two things.

    ``voices`` is a list of :class:`analysis.report.Voice`, or a stances table.
    """
    use_style()
    rows = _voice_rows(voices)
    fig, ax = plt.subplots(figsize=(WIDTH, max(2.6, 0.36 * len(rows) + 1.6)))
    if not rows:
        ax.text(0, 0, "No voice takes a position on the issue", ha="center", va="center")
        ax.set_xlim(-2.4, 2.4)
        ax.set_ylim(-1, 1)
        ax.set_yticks([])
    y = np.arange(len(rows))[::-1]
    for yy, (name, score, note) in zip(y, rows):
        value = score if score != 0 else 0.06
        ax.barh(yy, value, color=position_colour(score), edgecolor="#333333", linewidth=0.4)
    if rows:
        ax.set_yticks(y, [_wrap(f"{name}{f' ({note})' if note else ''}", 44) for name, _s, note in rows], fontsize=8)
    ax.axvline(0, color="#333333", lw=0.8)
    ax.set_xlim(-2.4, 2.4)
    ax.set_xticks([-2, -1, 0, 1, 2], [_wrap(labels[k], 12) for k in (-2, -1, 0, 1, 2)], fontsize=8)
    ax.set_xlabel("Position on the issue at stake (left: against, right: for)")
    ax.set_ylabel("Voice")
    ax.set_title(title)
    handles = [Patch(color=position_colour(k), label=labels[k]) for k in (2, 1, 0, -1, -2)]
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=5, fontsize=7)
    fig.tight_layout()
    return fig


def _voice_rows(voices) -> list[tuple[str, int, str]]:
    if isinstance(voices, pd.DataFrame):
        return [(r.actor, int(r.score), "") for r in voices.sort_values(["score", "actor"],
                                                                        ascending=[False, True]).itertuples()]
    out = []
    for v in voices:
        note = f"and {len(v.members)} who speak for it" if v.members else ""
        out.append((v.name, int(v.score), note))
    return out


def camps_chart(camps, labels: dict, dividing: tuple[str, ...] = (), title: str = "The camps"):
    """The camps side by side, most supportive first: each an outlined box listing its members
    (a dot in the colour of each one's position) and, under it, what most of them agree with.
    The fault lines (concepts on which camps take opposite sides) are written between them.

    ``camps`` is a sequence of :class:`analysis.network.Camp`.
    """
    use_style()
    camps = list(camps)
    n = max(1, len(camps))
    height = max(3.0, 0.34 * max([len(c.members) for c in camps] + [1]) + 2.6)
    fig, ax = plt.subplots(figsize=(WIDTH, height))
    ax.set_xlim(0, n)
    rows = max([len(c.members) for c in camps] + [1])
    ax.set_ylim(-4.2, rows + 1.2)
    ax.axis("off")
    for k, camp in enumerate(camps):
        x0 = k + 0.06
        ax.add_patch(FancyBboxPatch((x0, -0.2), 0.88, rows + 0.9, boxstyle="round,pad=0.02",
                                                        facecolor="#F7F7F7", edgecolor=position_colour(
                                                            int(max(-2, min(2, round(camp.mean_score))))), lw=2))
        score = int(max(-2, min(2, round(camp.mean_score))))
        ax.text(k + 0.5, rows + 0.45, f"Camp {camp.coalition}: {labels[score]}", ha="center", va="center",
                fontsize=9, fontweight="bold")
        for j, (name, member_score) in enumerate(zip(camp.members, camp.scores or [score] * len(camp.members))):
            yy = rows - 0.4 - j
            ax.scatter(x0 + 0.08, yy, s=40, color=position_colour(int(member_score)), edgecolor="#333333", lw=0.4)
            ax.text(x0 + 0.15, yy, _wrap(name, max(14, int(60 / n))), va="center", fontsize=7)
        if camp.agrees_with:
            ax.text(k + 0.5, -0.45, _wrap("agrees: " + "; ".join(camp.agrees_with[:2]), max(18, int(70 / n))),
                    ha="center", va="top", fontsize=7, style="italic")
    if dividing and n > 1:
        ax.text(n / 2, -3.0, _wrap("Fault lines: " + "; ".join(dividing[:3]), 100), ha="center", va="top",
                fontsize=8, color=_colours()["agreement"]["conflict"])
    handles = [Patch(color=position_colour(k), label=labels[k]) for k in (2, 1, 0, -1, -2)]
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.02), ncol=5, fontsize=7,
              title="Each dot: one voice's position", title_fontsize=7)
    ax.set_title(title)
    fig.tight_layout()
    return fig


def validation_chart(rows: list[tuple[str, int, int, object]], title: str = "The program's positions and the annotators'"):
    """For each annotated voice: the annotators' interval (grey bar) and the program's position
    (a dot: filled when inside the interval, a cross when outside, absent when not placed)."""
    use_style()
    fig, ax = plt.subplots(figsize=(WIDTH, max(2.4, 0.32 * len(rows) + 1.4)))
    y = np.arange(len(rows))[::-1]
    for yy, (name, lo, hi, score) in zip(y, rows):
        ax.plot([lo - 0.15, hi + 0.15], [yy, yy], color="#BBBBBB", lw=7, solid_capstyle="round")
        if score is None:
            ax.text(2.35, yy, "not placed", va="center", ha="right", fontsize=7, color="#B2182B")
        elif lo <= score <= hi:
            ax.plot(score, yy, "o", color="#2166AC", ms=7)
        else:
            ax.plot(score, yy, "X", color="#B2182B", ms=8)
    ax.set_yticks(y, [_wrap(r[0], 40) for r in rows], fontsize=8)
    ax.set_xlim(-2.5, 2.5)
    ax.set_xticks([-2, -1, 0, 1, 2])
    ax.set_xlabel("Position (-2 opposed ... +2 support); grey: the annotators' interval")
    ax.set_ylabel("Voice")
    ax.set_title(title)
    ax.legend(handles=[plt.Line2D([], [], marker="o", ls="", color="#2166AC", label="inside"),
                       plt.Line2D([], [], marker="X", ls="", color="#B2182B", label="outside")],
              loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=2, fontsize=7)
    fig.tight_layout()
    return fig


