"""Load news articles, check them, and clean a copy without losing offsets.

The first stage of the pipeline. :func:`load_article` reads one text file,
refuses bad input with an :class:`ArticleError` that names the file and the
problem, and returns an :class:`Article`:

``doc_id``
    the file stem.
``original``
    the text exactly as stored on disk (never modified), decoded; a leading
    byte-order mark is an encoding mark, not text, and is not part of it.
``text``
    the cleaned text that later stages parse. Cleaning only substitutes
    characters one for one or inserts characters, so every character of
    ``text`` maps back to the original (:meth:`Article.to_original`).
``paragraphs`` / ``sentences``
    :class:`Segment` records with offsets into the original and the cleaned
    text; headings are paragraphs of kind ``"heading"``. A sentence longer
    than ``max_sentence_tokens`` (``text_rules.yml``) is cut into parts of at
    most that many tokens (see :func:`_cut_long`): a text without sentence
    punctuation would otherwise be one sentence, and the later stages take
    time that grows with the square of a sentence's length.
``warnings``
    notes on text that is analysed but may give poor results: sentences cut
    as above, text that does not look like English.
``repairs``
    one :class:`Repair` per change cleaning made, with before/after excerpts.

Cleaning repairs what news text extracted from feeds and datasets gets
wrong: a sentence broken across lines, a heading run into the body, a
sentence glued to the next one without a space, straight quote marks,
and quotation marks that are opened and never closed. The rules' word lists
live in ``analysis/data/text_rules.yml``.
"""
from __future__ import annotations

import bisect
import codecs
import itertools
import re
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Iterable, Iterator

from .resources import load_yaml

#: Largest article accepted, in bytes. News stories are a few kilobytes; a file
#: above this limit is almost certainly not one article (a dump, a book, a log).
MAX_BYTES = 1_000_000

OPEN_DOUBLE, CLOSE_DOUBLE = "\u201c", "\u201d"
OPEN_SINGLE, CLOSE_SINGLE = "\u2018", "\u2019"
NEWLINE = "\n"
TERMINAL = ".!?:;\"\u201d\u2019)\u2026"
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Za-z.'\- ]*(?:,\s*[A-Za-z.'\- ]+)?(?:/[A-Z][A-Za-z.'\- ]*(?:,\s*[A-Za-z.'\- ]+)?)*)\s*"
    r"\((?P<source>[A-Za-z][A-Za-z .&]*)\)\s*[-\u2013\u2014]+\s*"
)


class ArticleError(ValueError):
    """An input file that cannot be analysed; the message names file and problem."""

    def __init__(self, path: str | Path, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


@dataclass(frozen=True)
class Segment:
    """A paragraph or sentence: offsets into the original and the cleaned text."""

    index: int
    start: int
    end: int
    clean_start: int
    clean_end: int
    paragraph: int
    kind: str  # "body" or "heading"


@dataclass(frozen=True)
class Repair:
    """One change made by cleaning, with excerpts before and after it."""

    kind: str
    start: int  # original offset (start == end for an insertion)
    end: int
    before: str
    after: str
    reason: str


@dataclass(frozen=True, eq=False)
class Article:
    """One article: original text, cleaned text, segments and repairs."""

    doc_id: str
    path: str
    original: str
    text: str
    char_map: tuple[int, ...]
    inserted: frozenset[int]
    paragraphs: tuple[Segment, ...]
    sentences: tuple[Segment, ...]
    repairs: tuple[Repair, ...]
    dateline: str = ""
    place: str = ""
    source: str = ""
    warnings: tuple[str, ...] = ()

    def to_original(self, clean_start: int, clean_end: int) -> tuple[int, int]:
        """Map a span of the cleaned text to the original, dropping inserted characters."""
        while clean_start < clean_end and clean_start in self.inserted:
            clean_start += 1
        while clean_end > clean_start and (clean_end - 1) in self.inserted:
            clean_end -= 1
        if clean_start >= clean_end:
            pos = self.char_map[clean_start]
            return pos, pos
        return self.char_map[clean_start], self.char_map[clean_end - 1] + 1

    def to_clean(self, start: int) -> int:
        """The cleaned offset of an original offset (first cleaned char at or after it)."""
        return bisect.bisect_left(self.char_map, start)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    @cached_property
    def _paragraph_starts(self) -> list[int]:
        return [p.start for p in self.paragraphs]

    def sentence_index(self, start: int) -> int:
        """Index of the sentence containing original offset ``start`` (nearest before it)."""
        return max(0, bisect.bisect_right(self._sentence_starts, start) - 1)

    def paragraph_index(self, start: int) -> int:
        """Index of the paragraph containing original offset ``start``."""
        return max(0, bisect.bisect_right(self._paragraph_starts, start) - 1)


# --------------------------------------------------------------------------- loading

def load_article(path: str | Path, encoding: str = "utf-8", max_bytes: int = MAX_BYTES) -> Article:
    """Read, check and clean one article file; raise :class:`ArticleError` on bad input.

    The file is only read, never written. See :func:`article_from_bytes` for
    the checks; the size limit (:data:`MAX_BYTES`) is checked before reading.
    """
    raw = read_article_bytes(path, max_bytes)
    path = Path(path)
    return article_from_bytes(raw, doc_id=path.stem, path=str(path), encoding=encoding, max_bytes=max_bytes)


def article_from_bytes(
    raw: bytes, doc_id: str, path: str = "", encoding: str = "utf-8", max_bytes: int = MAX_BYTES,
) -> Article:
    """Decode and check raw bytes, then build the :class:`Article`.

    Refused with an :class:`ArticleError` (one line naming the file and the
    problem): more than ``max_bytes`` bytes, empty or whitespace-only,
    binary, not decodable with ``encoding``, HTML instead of plain text.
    Accepted with a warning in :attr:`Article.warnings`: text that does not
    look like English (see :func:`english_share`). A byte-order mark at the
    start of the file is dropped: :attr:`Article.original` and every offset
    the analysis reports begin at the first character after it, so a file
    with a mark gives the same tables as the same file without one.
    """
    name = path or doc_id
    text = _decode(raw, name, encoding, max_bytes)
    article = article_from_text(text, doc_id=doc_id, path=path)
    share, words = english_share(text)
    if words >= LANGUAGE_MIN_WORDS and share < ENGLISH_MIN_SHARE:
        note = (
            f"does not look like English ({share:.0%} of {words} words are English stop words, "
            f"English news has {ENGLISH_MIN_SHARE:.0%} or more); analysed anyway, expect little to be found"
        )
        article = replace(article, warnings=article.warnings + (note,))
    return article


def _decode(raw: bytes, name: str, encoding: str, max_bytes: int) -> str:
    """The text of an article's bytes, without a byte-order mark; an :class:`ArticleError` when
    they are too many, empty, binary, not in ``encoding`` or HTML."""
    if len(raw) > max_bytes:
        raise ArticleError(name, _too_big(len(raw), max_bytes))
    wide = _is_wide_encoding(encoding)
    if not raw.strip():
        raise ArticleError(name, "file is empty" if not raw else "file contains only whitespace")
    if not wide:
        bom = _wide_bom(raw)
        if bom:
            raise ArticleError(name, f"file is {bom} text (byte-order mark); pass --encoding {bom.lower()}")
        if b"\x00" in raw[:8192]:
            raise ArticleError(name, "binary file (contains NUL bytes), not text")
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ArticleError(
            name,
            f"not valid {encoding} (byte {exc.start}: {raw[exc.start:exc.start + 1]!r}); "
            "pass --encoding if the file uses another encoding",
        ) from None
    except LookupError:
        raise ArticleError(name, f"unknown encoding {encoding!r}") from None
    if text.startswith("\ufeff"):
        # A byte-order mark says how the file is encoded; it is not part of the text
        # (Python's utf-8-sig and utf-16 codecs drop it too). Offsets count from after it.
        text = text[1:]
    if not text.replace("\ufeff", "").strip():
        raise ArticleError(name, "file contains only whitespace")
    if "\x00" in text:
        raise ArticleError(name, "binary file (contains NUL characters), not text")
    control = len(_CONTROL.findall(text))
    if control > max(3, len(text) // 100):
        raise ArticleError(name, "binary file (many control characters), not text")
    tags = html_tag_count(text)
    if tags:
        raise ArticleError(
            name, f"looks like HTML ({tags} tags), not plain text; save the article's text as a .txt file first",
        )
    return text


def article_from_text(text: str, doc_id: str = "article", path: str = "") -> Article:
    """Clean ``text`` and segment it into paragraphs and sentences."""
    if not text.strip():
        raise ArticleError(path or doc_id, "text is empty")
    return _clean(text, doc_id, path)


def iter_article_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Expand files and folders into article files (``*.txt``), sorted, each once.

    Raises :class:`ArticleError` for a folder that cannot be listed.
    """
    seen: set[Path] = set()
    for item in paths:
        item = Path(item)
        if item.is_dir():
            try:
                found = sorted(p for p in item.iterdir() if p.is_file() and p.suffix == ".txt")
            except OSError as exc:
                raise ArticleError(item, f"cannot read the folder ({exc.strerror or exc})") from None
        else:
            found = [item]
        for p in found:
            key = p.resolve()
            if key not in seen:
                seen.add(key)
                yield p


def load_articles(folder: str | Path, encoding: str = "utf-8") -> list[Article]:
    """Every ``*.txt`` article in a folder, sorted by file name."""
    return [load_article(p, encoding=encoding) for p in iter_article_paths([folder])]


# --------------------------------------------------------------------------- rules

@lru_cache(maxsize=1)
def _rules() -> dict:
    rules = load_yaml("text_rules.yml")
    return {
        "abbreviations": frozenset(rules["abbreviations"]),
        "prenominal": frozenset(rules["prenominal_abbreviations"]),
        "final_abbr": frozenset(rules["sentence_final_abbreviations"]),
        "starters": frozenset(rules["sentence_starters"]),
        "function": frozenset(rules["title_function_words"]),
        "attribution": frozenset(rules["attribution_forms"]),
        "window": int(rules["attribution_window"]),
        "max_tokens": int(rules["max_sentence_tokens"]),
        "joined_quote": int(rules["joined_quote_max_sentences"]),
        "cut_before": frozenset(rules["cut_before"]),
    }


class _Editable:
    """A cleaned text with its map back to the original, edited in passes."""

    def __init__(self, original: str) -> None:
        self.original = original
        self.text = original
        self.map = list(range(len(original) + 1))
        self.inserted = [False] * len(original)
        self.log: list[tuple[str, int, int, str]] = []

    def apply(self, edits: list[tuple[int, int, str, str, str]]) -> None:
        """Apply ``(start, end, replacement, kind, reason)`` edits in current coordinates.

        An edit either substitutes ``end - start`` characters one for one or
        inserts (``start == end``). Edits must not overlap.
        """
        if not edits:
            return
        edits = sorted(edits, key=lambda e: (e[0], e[1]))
        out: list[str] = []
        new_map: list[int] = []
        new_ins: list[bool] = []
        pos = 0
        for start, end, repl, kind, reason in edits:
            if start < pos:
                continue  # overlapping edit: keep the first
            if end - start != len(repl) and end != start:
                raise ValueError("cleaning edits must substitute one for one or insert")
            out.append(self.text[pos:start])
            new_map.extend(self.map[pos:start])
            new_ins.extend(self.inserted[pos:start])
            if end == start:
                out.append(repl)
                new_map.extend([self.map[start]] * len(repl))
                new_ins.extend([True] * len(repl))
            else:
                out.append(repl)
                new_map.extend(self.map[start:end])
                new_ins.extend(self.inserted[start:end])
            self.log.append((kind, self.map[start], self.map[end] if end > start else self.map[start], reason))
            pos = end
        out.append(self.text[pos:])
        new_map.extend(self.map[pos:])
        new_ins.extend(self.inserted[pos:])
        self.text = "".join(out)
        self.map = new_map
        self.inserted = new_ins


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in re.finditer("\n", text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


_WORDS = re.compile(r"\S+")
_SENTENCE_END = re.compile(r"[.!?\u2026][\u201d\u2019\"')]*$")


def _tokens(line: str, offset: int = 0) -> list[tuple[int, int, str]]:
    return [(m.start() + offset, m.end() + offset, m.group()) for m in _WORDS.finditer(line)]


def _is_caps(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _is_title_word(word: str) -> bool:
    core = word.strip("\u201c\u201d\u2018\u2019\"'()")
    return bool(core) and core[0].isupper() and any(c.islower() for c in core)


def _ends_sentence(word: str) -> bool:
    return bool(_SENTENCE_END.search(word))


def _is_heading_line(line: str) -> bool:
    """A short line of all-caps or Title Case words with no closing punctuation."""
    words = line.split()
    if not words or len(words) > 12 or line.rstrip()[-1] in TERMINAL.replace(")", ""):
        return False
    rules = _rules()
    if all(_is_caps(w) or not any(c.isalpha() for c in w) for w in words):
        return sum(1 for w in words if sum(c.isalpha() for c in w) >= 2) >= 2
    content = [w for w in words if w.lower() not in rules["function"]]
    return len(content) >= 2 and all(_is_title_word(w) or _is_caps(w) for w in content)


# --------------------------------------------------------------------------- passes

def _pass_whitespace(ed: _Editable) -> None:
    edits = []
    for m in re.finditer(r"[\r\t\f\v\u00a0\u2007\u202f\u2028\u2029\u200b\ufeff]", ed.text):
        ch = m.group()
        repl = "\n" if ch in "\u2028\u2029" else " "
        edits.append((m.start(), m.end(), repl, "whitespace", "unusual space or line-break character made plain"))
    ed.apply(edits)


_RUN_TOGETHER = re.compile(r"(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])|(?<=[.!?][\u201d\"])(?=[A-Z\u201c])"
                           r"|(?<=[\u201d\")\d][.!?])(?=[A-Z][a-z])")
#: Where :data:`_RUN_TOGETHER` can match: right after a sentence's last mark, before a capital or an
#: opening quote (found far faster than by trying its look-behinds at every character).
_RUN_TOGETHER_AT = re.compile(r"[.!?\u201d\"](?=[A-Z\u201c])")


def _pass_missing_space(ed: _Editable) -> None:
    edits = []
    for m in _RUN_TOGETHER_AT.finditer(ed.text):
        if _RUN_TOGETHER.match(ed.text, m.end()):
            edits.append((m.end(), m.end(), " ", "missing_space", "two sentences run together without a space"))
    ed.apply(edits)


def _pass_broken_lines(ed: _Editable) -> None:
    rules = _rules()
    edits = []
    spans = _line_spans(ed.text)
    for (s1, e1), (s2, e2) in zip(spans, spans[1:]):
        line1, line2 = ed.text[s1:e1].rstrip(), ed.text[s2:e2].strip()
        if not line1.strip() or not line2:
            continue
        last = line1.split()[-1]
        if last in rules["prenominal"] and not _is_caps(line1.replace(last, "")):
            join = True
        elif line1[-1] in TERMINAL:
            join = False
        elif _is_heading_line(line1):
            join = False
        else:
            join = line2[0].islower() or line1[-1] in ",-\u2013\u2014" or last[-1].islower() or last[-1].isdigit()
        if join:
            edits.append((e1, e1 + 1, " ", "joined_line", "sentence broken across two lines"))
    ed.apply(edits)


def _heading_runs(ed: _Editable) -> list[tuple[int, int, str]]:
    """Find headings run into the body of a line: ``(start, end, kind)`` in current coordinates."""
    rules = _rules()
    runs = []
    for ls, le in _line_spans(ed.text):
        toks = _tokens(ed.text[ls:le], ls)
        n = len(toks)
        i = 0
        while i < n:
            at_start = i == 0 or _ends_sentence(toks[i - 1][2])
            if not at_start:
                i += 1
                continue
            # all-caps run
            j = i
            while j < n and _is_caps(toks[j][2]) and not toks[j][2].startswith("("):
                j += 1
            if j < n and j - i >= 3 and (j > i and toks[j - 1][2] in ("A", "I")):
                j -= 1
            words = [t[2] for t in toks[i:j]]
            long_words = [w for w in words if sum(c.isalpha() for c in w) >= 2 and w not in rules["abbreviations"]]
            if j - i >= 3 and len(long_words) >= 2 and not (i == 0 and j == n):
                if j < n and not toks[j][2].startswith("("):
                    runs.append((toks[i][0], toks[j - 1][1], "caps"))
                    i = j
                    continue
            # Title Case run ending before a sentence starter
            if i > 0 and _is_title_word(toks[i][2]) and toks[i][2] not in rules["starters"]:
                j = i
                cut = None
                while j < n:
                    w = toks[j][2]
                    if w in rules["starters"] and j - i >= 2:
                        cut = j
                    if w.lower() in rules["function"] and not w[0].isupper():
                        j += 1
                        continue
                    if not (_is_title_word(w) or _is_caps(w)) or re.search(r"[,;:.!?]$", w) and w not in rules["abbreviations"]:
                        break
                    j += 1
                if cut is not None:
                    head = [t[2] for t in toks[i:cut]]
                    content = [w for w in head if w.lower() not in rules["function"]]
                    rest = [t[2] for t in toks[cut + 1:cut + 9]]
                    if (
                        len(content) >= 2
                        and head[-1].lower() not in rules["function"]
                        and any(w[0].islower() for w in rest if w[0].isalpha())
                    ):
                        runs.append((toks[i][0], toks[cut - 1][1], "title"))
                        i = cut
                        continue
            i += 1
    return runs


def _pass_headings(ed: _Editable) -> set[tuple[int, int]]:
    """Put each heading run into the body on a line of its own; return their original spans."""
    edits = []
    spans = set()
    for start, end, kind in _heading_runs(ed):
        reason = ("an all-caps heading" if kind == "caps" else "a Title Case heading") + " run into the body"
        spans.add((ed.map[start], ed.map[end - 1] + 1))
        if start > 0 and ed.text[start - 1] == " ":
            edits.append((start - 1, start, NEWLINE, "split_heading", reason))
        if end < len(ed.text) and ed.text[end] == " ":
            edits.append((end, end + 1, NEWLINE, "split_heading", reason))
    ed.apply(edits)
    return spans


_STRAIGHT_DOUBLE = re.compile('"|(?<!\')\'\'(?!\')')


def _pass_straight_quotes(ed: _Editable) -> None:
    """Straight double marks, and the two apostrophes some archives write for them (''...''),
    made curly by their position. Two apostrophes become the mark and a space on the side away
    from the quoted words (on the inside at the start or end of a line), so offsets stay one for one."""
    edits = []
    text = ed.text
    is_open = False
    for m in _STRAIGHT_DOUBLE.finditer(text):
        i, j = m.start(), m.end()
        prev = text[i - 1] if i > 0 else "\n"
        nxt = text[j] if j < len(text) else "\n"
        if prev == "\n":
            is_open = False
        if prev.isspace() or prev in "([{\u2014\u2013-/\u2018\u201c":
            mark = OPEN_DOUBLE
        elif nxt.isspace() or nxt in ".,;:!?)]}\u2014\u2013\u2019":
            mark = CLOSE_DOUBLE
        else:
            mark = CLOSE_DOUBLE if is_open else OPEN_DOUBLE
        is_open = mark == OPEN_DOUBLE
        if j - i == 2:
            outside_first = mark == OPEN_DOUBLE and prev != "\n" or mark == CLOSE_DOUBLE and nxt == "\n"
            mark = " " + mark if outside_first else mark + " "
        edits.append((i, j, mark, "straight_quote", "straight quote mark made curly by its position"))
    ed.apply(edits)


def _pass_quote_balance(ed: _Editable) -> None:
    """Close quotations that are never closed and nested quotes closed by a double mark."""
    text = ed.text
    edits = []
    open_pos: int | None = None
    nested: int | None = None
    i = 0
    n = len(text)

    def close_at_line_end(pos: int) -> None:
        end = text.find("\n", pos)
        end = n if end < 0 else end
        while end > pos and text[end - 1] == " ":
            end -= 1
        edits.append((end, end, CLOSE_DOUBLE, "closed_quote",
                      "a quotation opened and never closed; it ends with its line"))

    while i < n:
        # only quote marks and line breaks matter: jump to the next one
        event = _QUOTE_EVENTS.search(text, i)
        if event is None:
            break
        i = event.start()
        ch = text[i]
        if ch == OPEN_DOUBLE:
            if open_pos is not None and not _close_before_reopening(text, open_pos, i, edits):
                close_at_line_end(open_pos)
            open_pos, nested = i, None
        elif ch == CLOSE_DOUBLE:
            if open_pos is not None and nested is not None:
                edits.append((i, i, CLOSE_SINGLE, "nested_quote",
                              "a quotation inside a quotation closed only by the outer double mark"))
            open_pos, nested = None, None
        elif ch == OPEN_SINGLE:
            if open_pos is not None:
                nested = i
            elif _closed_by_double(text, i):
                edits.append((i, i + 1, OPEN_DOUBLE, "single_opening",
                              "a single opening mark closed by a double one"))
                open_pos = i
        elif ch == CLOSE_SINGLE and nested is not None:
            if i + 1 >= n or not text[i + 1].isalpha():
                nested = None
        elif ch == "\n" and open_pos is not None:
            # A quotation running over paragraphs: each paragraph opens with a mark and
            # only the last one closes. The inner opening marks are blanked so that the
            # whole run is one quotation.
            k = i + 1
            while k < n and text[k] in " \n":
                k += 1
            if k < n and text[k] == OPEN_DOUBLE and _closes_later(text, k + 1):
                edits.append((k, k + 1, " ", "continued_quote",
                              "a quotation continued in the next paragraph (opened again, closed once)"))
                i = k + 1
                continue
            if not _goes_on(text, i):
                close_at_line_end(open_pos)
                open_pos, nested = None, None
        i += 1
    if open_pos is not None:
        close_at_line_end(open_pos)
    ed.apply(edits)


def _close_before_reopening(text: str, open_pos: int, i: int, edits: list) -> bool:
    """'“A. “B.”' on one line: a quotation that ran over paragraphs, its paragraphs joined into one
    line (some archives keep a story as one paragraph). The first paragraph's quotation ends with
    its sentence, right before the mark that opens the next one; records that closing mark and
    says whether it did (not when the words before the new mark end no sentence)."""
    j = i
    while j > open_pos + 1 and text[j - 1] == " ":
        j -= 1
    if j == i or "\n" in text[open_pos:i] or text[j - 1] not in ".?!":
        return False
    rules = _rules()
    ends = [m.end() for m in _STOP_IN_LINE.finditer(text, open_pos, j)  # not after "Mr." nor "U.S."
            if text[text.rfind(" ", open_pos, m.end()) + 1:m.end()] not in rules["abbreviations"]]
    if len(ends) >= rules["joined_quote"]:
        # more sentences than a quotation paragraph holds: narrative paragraphs were joined in
        # too, and the quotation ends with its first sentence
        j = ends[0]
    edits.append((j, j, CLOSE_DOUBLE, "closed_quote",
                  "a quotation whose paragraph ended without a closing mark; it ends with its sentence"))
    return True


#: The end of a sentence inside a line: its stop, then a space and a capital or an opening mark.
_STOP_IN_LINE = re.compile(f"[.?!](?= +[A-Z{OPEN_DOUBLE}])")


def _closed_by_double(text: str, i: int) -> bool:
    """Is the single opening mark at ``i`` closed by a double mark on its line (before another opens)?"""
    line_end = text.find("\n", i)
    line_end = len(text) if line_end < 0 else line_end
    nxt_close = text.find(CLOSE_DOUBLE, i, line_end)
    nxt_open = text.find(OPEN_DOUBLE, i, line_end)
    return nxt_close >= 0 and (nxt_open < 0 or nxt_close < nxt_open)


def _goes_on(text: str, i: int) -> bool:
    """Does a quotation open at the line break ``i`` go on? Only if the next quote mark is a
    closing one, within four lines and before a blank line."""
    n = len(text)
    lines = 0
    for j in range(i + 1, n):
        c = text[j]
        if c == "\n":
            lines += 1
            if lines > 4 or (j + 1 < n and text[j + 1] == "\n"):
                return False
        elif c == OPEN_DOUBLE:
            return False
        elif c == CLOSE_DOUBLE:
            return True
    return False


_QUOTE_EVENTS = re.compile(f"[{OPEN_DOUBLE}{CLOSE_DOUBLE}{OPEN_SINGLE}{CLOSE_SINGLE}\n]")


def _closes_later(text: str, start: int) -> bool:
    """Is there a closing double mark after ``start`` before any other opening one?"""
    for ch in text[start:]:
        if ch == OPEN_DOUBLE:
            return False
        if ch == CLOSE_DOUBLE:
            return True
    return False


def _pass_single_quotes(ed: _Editable) -> None:
    """British style: ‘quotations’ in single marks, with “nested” ones in double marks.

    When an article quotes with single marks, swap them with the double marks so
    that the rest of the pipeline sees one convention. A closing single mark is a
    right single mark after a word or punctuation and before a space, punctuation or
    the end of the line, and not the apostrophe of a plural possessive.
    """
    text = ed.text
    openers = [m.start() for m in re.finditer(r"(?:^|(?<=[\s(\u2014\u2013]))\u2018", text, flags=re.M)]
    doubles_outside = len(re.findall(r"(?:^|(?<=\s))\u201c", text, flags=re.M))
    if len(openers) < 2 or doubles_outside > len(openers):
        return
    edits = []
    i = 0
    n = len(text)
    while i < n:
        if text[i] != OPEN_SINGLE or i not in openers:
            i += 1
            continue
        j = i + 1
        end = -1
        while j < n and text[j] != "\n":
            ch = text[j]
            if ch == CLOSE_SINGLE and j > 0 and not text[j - 1].isspace():
                after = text[j + 1] if j + 1 < n else "\n"
                possessive = text[j - 1] == "s" and after == " " and j + 2 < n and text[j + 2].islower()
                if not after.isalnum() and not possessive:
                    end = j
                    break
            j += 1
        if end < 0:
            i += 1
            continue
        edits.append((i, i + 1, OPEN_DOUBLE, "single_quotes", "single quotation marks (British style) made double"))
        for k in range(i + 1, end):
            if text[k] == OPEN_DOUBLE:
                edits.append((k, k + 1, OPEN_SINGLE, "single_quotes", "a quotation inside a quotation"))
            elif text[k] == CLOSE_DOUBLE:
                edits.append((k, k + 1, CLOSE_SINGLE, "single_quotes", "a quotation inside a quotation"))
        edits.append((end, end + 1, CLOSE_DOUBLE, "single_quotes", "single quotation marks (British style) made double"))
        i = end + 1
    ed.apply(edits)


# --------------------------------------------------------------------------- segmentation

def _split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans (cleaned offsets) of one body paragraph."""
    rules = _rules()
    toks = _tokens(text[start:end], start)
    bounds = [start]
    for k, (ts, te, word) in enumerate(toks[:-1]):
        if not _ends_sentence(word) or not any(c.isalnum() for c in word):
            continue
        nxt = toks[k + 1][2]
        core = word.rstrip("\u201d\u2019\"')")
        if core in rules["abbreviations"] or re.fullmatch(r"(?:[A-Z]\.)+", core) and len(core) <= 2:
            if core not in rules["final_abbr"] or nxt not in rules["starters"]:
                continue
        first = nxt.lstrip("\u201c\u2018\"'(")
        if not first or not (first[0].isupper() or first[0].isdigit() or nxt[0] in "\u201c\u2018\"'("):
            continue
        if re.search(r"[?!][\u201d\u2019\"']+$", word):
            window = [t[2].strip(",.").lower() for t in toks[k + 1:k + 1 + rules["window"]]]
            if any(w in rules["attribution"] for w in window):
                continue
        bounds.append(toks[k + 1][0])
    bounds.append(end)
    return [(a, b) for a, b in zip(bounds, bounds[1:]) if text[a:b].strip()]


def _strip(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


#: What :func:`_cut_long` counts as a token: a run of letters, a run of digits, a
#: punctuation mark or symbol, or a run of extra spaces (spaCy makes a token of it).
_UNITS = re.compile(r"[^\W\d_]+|\d+|_+|[^\w\s]|\s{2,}")
#: A part of an over-long sentence best ends after one of these marks.
_CUT_AFTER = frozenset(",;:\u2013\u2014")


def _cut_long(text: str, start: int, end: int, limit: int, cut_before: frozenset[str]) -> tuple[list[tuple[int, int]], int]:
    """Cut the sentence ``text[start:end]`` into parts of at most ``limit`` tokens.

    Returns the parts (cleaned offsets) and the sentence's length in tokens
    (counted as :data:`_UNITS` does, which is within a few tokens of spaCy's
    count; spaCy splits a few words such as "cannot" in two). A sentence
    within the limit is returned whole. Otherwise each part ends, in order of
    preference, after a comma, semicolon, colon or dash, before one of the
    ``cut_before`` words (conjunctions that open a clause), or at a space,
    the last such place in the second half of the part; a run of more than
    ``limit`` tokens without a space is cut between two tokens.
    Linear in the length of the sentence.
    """
    if end - start <= limit:  # a token has at least one character
        return [(start, end)], 0
    n = len(_UNITS.findall(text, start, end))
    if n <= limit:
        return [(start, end)], n
    units = [m.span() for m in _UNITS.finditer(text, start, end)]
    parts = []
    first = 0  # the first token of the part being cut
    while n - first > limit:
        punctuation = conjunction = space = None
        for k in range(first + limit, first + max(1, limit // 2) - 1, -1):  # the part ends before token k
            at, stop = units[k]
            if not text[at - 1].isspace():
                continue
            if text[units[k - 1][0]] in _CUT_AFTER:
                punctuation = k
                break
            if conjunction is None and text[at:stop].lower() in cut_before:
                conjunction = k
            if space is None:
                space = k
        cut = next((k for k in (punctuation, conjunction, space) if k is not None), first + limit)
        parts.append((units[first][0] if parts else start, units[cut][0]))
        first = cut
    parts.append((units[first][0], end))
    return parts, n


def _segment(ed: _Editable, headings: set[tuple[int, int]]) -> tuple[list[Segment], list[Segment], list[int]]:
    """Paragraphs and sentences, and the lengths in tokens of the sentences cut by :func:`_cut_long`."""
    text = ed.text
    rules = _rules()
    paragraphs: list[Segment] = []
    sentences: list[Segment] = []
    cut: list[int] = []

    def orig(a: int, b: int) -> tuple[int, int]:
        while a < b and ed.inserted[a]:
            a += 1
        while b > a and ed.inserted[b - 1]:
            b -= 1
        return (ed.map[a], ed.map[b - 1] + 1) if b > a else (ed.map[a], ed.map[a])

    for ls, le in _line_spans(text):
        a, b = _strip(text, ls, le)
        if a >= b:
            continue
        os_, oe = orig(a, b)
        kind = "heading" if (os_, oe) in headings or _is_heading_line(text[a:b]) else "body"
        p = len(paragraphs)
        paragraphs.append(Segment(p, os_, oe, a, b, p, kind))
        spans = [(a, b)] if kind == "heading" else _split_sentences(text, a, b)
        for span in spans:
            parts, length = _cut_long(text, *span, rules["max_tokens"], rules["cut_before"])
            if len(parts) > 1:
                cut.append(length)
            for sa, sb in parts:
                sa, sb = _strip(text, sa, sb)
                os_, oe = orig(sa, sb)
                sentences.append(Segment(len(sentences), os_, oe, sa, sb, p, kind))
    return paragraphs, sentences, cut


def _excerpt(s: str) -> str:
    return s.replace(NEWLINE, " \u23ce ")


def _merge_log(log: list[tuple[str, int, int, str]]) -> list[tuple[str, int, int, str]]:
    """One record per heading (its two line breaks) and per run of straight quotes."""
    merged: list[tuple[str, int, int, str]] = []
    for kind, s, e, reason in sorted(log, key=lambda r: (r[1], r[2])):
        if merged:
            pk, ps, pe, pr = merged[-1]
            if pk == kind and kind in ("split_heading", "straight_quote", "single_quotes") and s - pe <= 300:
                merged[-1] = (pk, ps, max(pe, e), pr)
                continue
        merged.append((kind, s, e, reason))
    return merged


def _clean(original: str, doc_id: str, path: str) -> Article:
    ed = _Editable(original)
    _pass_whitespace(ed)
    _pass_missing_space(ed)
    _pass_broken_lines(ed)
    headings = _pass_headings(ed)
    _pass_straight_quotes(ed)
    _pass_single_quotes(ed)
    _pass_quote_balance(ed)
    paragraphs, sentences, cut = _segment(ed, headings)
    clean_map = tuple(ed.map)
    repairs = []
    for kind, s, e, reason in _merge_log(ed.log):
        lo, hi = max(0, s - 30), min(len(original), e + 30)
        cs, ce = bisect.bisect_left(clean_map, lo), bisect.bisect_left(clean_map, hi)
        repairs.append(Repair(kind, s, e, _excerpt(original[lo:hi]), _excerpt(ed.text[cs:ce]), reason))
    m = _DATELINE.match(ed.text)
    return Article(
        doc_id=doc_id,
        path=path,
        original=original,
        text=ed.text,
        char_map=clean_map,
        inserted=frozenset(itertools.compress(range(len(ed.inserted)), ed.inserted)),
        paragraphs=tuple(paragraphs),
        sentences=tuple(sentences),
        repairs=tuple(repairs),
        dateline=m.group(0) if m else "",
        place=m.group("place").strip() if m else "",
        source=m.group("source").strip() if m else "",
        warnings=(_cut_warning(cut),) if cut else (),
    )


def _cut_warning(lengths: list[int]) -> str:
    """The warning for sentences cut by :func:`_cut_long` (their lengths in tokens)."""
    limit = _rules()["max_tokens"]
    many = f"{len(lengths)} sentences" if len(lengths) > 1 else "a sentence"
    return (
        f"{many} longer than {limit} tokens (the longest has {max(lengths):,}; text without sentence punctuation?) "
        f"cut into parts of at most {limit} at commas, conjunctions or spaces; statements across a cut may be missed"
    )


def quotation_spans(text: str) -> list[tuple[int, int]]:
    """Spans (cleaned offsets) of the words between each top-level pair of double marks.

    Cleaning balances the marks, so pairing is a simple scan here: an opening
    mark without a closing one before the next opening mark is skipped.
    """
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    for m in _DOUBLE_MARKS.finditer(text):
        if m.group() == OPEN_DOUBLE:
            open_at = m.start()
        elif open_at is not None:
            spans.append((open_at + 1, m.start()))
            open_at = None
    return spans


_DOUBLE_MARKS = re.compile(f"[{OPEN_DOUBLE}{CLOSE_DOUBLE}]")


# --------------------------------------------------------------------------- input checks

#: A text with fewer words than this is too short for the language check.
LANGUAGE_MIN_WORDS = 30
#: Share of English stop words below which a text is reported as not English.
#: English news runs at 35-50%; French, German, Spanish or Italian text at 0-10%.
ENGLISH_MIN_SHARE = 0.2

_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?")
#: Control characters other than tab, line feed, form feed and carriage return.
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f]")
_HTML_TAG = re.compile(
    r"<(?:!doctype\s+html|/?(?:html|head|body|title|meta|link|script|style|div|span|p|br|hr|a|img|table|tr|td|th|"
    r"ul|ol|li|h[1-6]|em|strong|b|i|iframe|article|section|nav|header|footer|form|input)\b[^<>]*)>",
    re.IGNORECASE,
)
_HTML_START = re.compile(r"\s*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE)


def read_article_bytes(path: str | Path, max_bytes: int = MAX_BYTES) -> bytes:
    """The bytes of an article file, checked for existence and size before reading.

    Raises :class:`ArticleError` for a missing or unreadable file or one over
    ``max_bytes``; never reads more than ``max_bytes + 1`` bytes.
    """
    path = Path(path)
    if not path.is_file():
        raise ArticleError(path, "no such file" if not path.exists() else "not a regular file")
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise ArticleError(path, _too_big(size, max_bytes))
        with path.open("rb") as fh:
            raw = fh.read(max_bytes + 1)
    except OSError as exc:
        raise ArticleError(path, f"cannot read the file ({exc.strerror or exc.__class__.__name__})") from None
    if len(raw) > max_bytes:  # grew since stat
        raise ArticleError(path, _too_big(len(raw), max_bytes))
    return raw


def html_tag_count(text: str) -> int:
    """Number of HTML tags if ``text`` looks like an HTML page or fragment, else 0.

    HTML is a page start (``<!DOCTYPE html>``, ``<html>``, ``<head>``, ``<body>``)
    or at least three tags; an article that merely mentions a tag is plain text.
    """
    count = len(_HTML_TAG.findall(text))
    if count >= 3 or (count and _HTML_START.match(text)):
        return count
    return 0


def english_share(text: str) -> tuple[float, int]:
    """``(share, words)``: the share of words that are English stop words, and the word count.

    The stop words are ``analysis/data/stopwords_en.csv``. A cheap language
    test that needs no model: function words make up a large, stable share
    of any English text and almost none of a text in another language.
    """
    from .resources import word_set

    stop = word_set("stopwords_en.csv")
    words = [w.replace("\u2019", "'") for w in _WORD.findall(text.lower())]
    if not words:
        return 0.0, 0
    return sum(1 for w in words if w in stop) / len(words), len(words)


def _too_big(size: int, max_bytes: int) -> str:
    return f"file is {size:,} bytes, over the {max_bytes:,}-byte limit for one article (see --max-bytes)"


def _is_wide_encoding(encoding: str) -> bool:
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        return False
    return name.startswith(("utf-16", "utf-32"))


def _wide_bom(raw: bytes) -> str:
    """``"UTF-16"`` or ``"UTF-32"`` if ``raw`` starts with that byte-order mark, else ``""``."""
    if raw.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "UTF-32"
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "UTF-16"
    return ""


def headline_sentences(article: Article) -> set[int]:
    """Sentences of a headline or standfirst: short lines above the first body paragraph (none
    when the story opens with a dateline), and headings run into the first lines."""
    out: set[int] = {s.index for s in article.sentences if s.kind == "heading" and s.index < 2}
    if article.dateline or len(article.paragraphs) < 2:
        return out  # a story that opens with its dateline, or is one paragraph, has no headline line
    for p in article.paragraphs[:min(3, len(article.paragraphs) - 1)]:
        text = article.original[p.start:p.end]
        words = text.split()
        if not words or len(words) > 25 or text.rstrip().endswith((":",)) or text.lstrip()[:1] in "\u201c\"":
            break
        out.update(s.index for s in article.sentences if s.paragraph == p.index)
        if len(words) > 12:
            break
    return out
