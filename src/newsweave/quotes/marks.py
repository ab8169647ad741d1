"""Quotation marks: the stretches of an article's text that stand between them.

Curly and straight double quotes, guillemets and single curly quotes (told apart from
apostrophes); a quote left open at the end of its paragraph runs to the paragraph's end.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsweave.model import Annotation

OPENERS = {"“": "”", "«": "»", "„": "“", "‘": "’", '"': '"'}
# Scraped and edited copy mixes straight and curly double quotes: "… office,” said Vian.
_ALSO_CLOSES = {'"': "”", "“": '"'}


_MAX_QUOTE_CHARS = 3000


@dataclass(frozen=True, slots=True)
class QuoteMark:
    """The quoted words between one opening and one closing mark (or the block's end)."""

    start: int  # content start (after the opening mark)
    end: int  # content end (before the closing mark, or block end when unclosed)
    open_at: int
    close_at: int | None
    is_title: bool


def find_marks(annotation: Annotation) -> list[QuoteMark]:
    """Quoted stretches, block by block (a block is a paragraph or the headline)."""
    text = annotation.article.text
    blocks: dict[tuple[int, bool], list[int]] = {}
    for s in annotation.sentences:
        key = (s.paragraph, s.is_title)
        block = blocks.setdefault(key, [s.span.start, s.span.end])
        block[0], block[1] = min(block[0], s.span.start), max(block[1], s.span.end)
    marks: list[QuoteMark] = []
    for (_, is_title), (start, end) in sorted(blocks.items(), key=lambda kv: kv[1][0]):
        marks.extend(marks_in(text, start, end, is_title))
    return marks


def marks_in(text: str, start: int, end: int, is_title: bool) -> list[QuoteMark]:
    marks = []
    i = start
    while i < end:
        ch = text[i]
        if text.startswith(_DOUBLED, i) and _can_open_doubled(text, i, start):
            found = _doubled(text, i, end, is_title)
            if found is not None:
                marks.append(found)
                i = (found.close_at or end) + 1
                continue
        closer = OPENERS.get(ch)
        if closer is None or not _can_open(text, i, start):
            i += 1
            continue
        close = _find_close(text, i + 1, end, ch, closer)
        # An unpaired single mark is an apostrophe, and an unpaired straight one an inch
        # sign — unless it opens the paragraph: a quote running on into the next one.
        if close is None and (
            ch == "‘" or (ch == '"' and i != start and not _opens_sentence(text, i))
        ):
            i += 1
            continue
        content_end = close if close is not None else end
        s, e = i + 1, content_end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e and e - s <= _MAX_QUOTE_CHARS and any(c.isalpha() for c in text[s:e]):
            marks.append(QuoteMark(s, e, i, close, is_title))
        i = (close + 1) if close is not None else end
    return marks


# ''Met the minister this morning,'' Jaishankar said: two apostrophes for a double quote,
# as some wire copy writes them (closed by two again, or by ”).
_DOUBLED = "''"


def _can_open_doubled(text: str, i: int, block_start: int) -> bool:
    before = text[i - 1] if i > block_start else " "
    after = text[i + 2] if i + 2 < len(text) else " "
    return (before.isspace() or before in "([{—–-:/") and not after.isspace() and after != "'"


def _doubled(text: str, i: int, end: int, is_title: bool) -> QuoteMark | None:
    """The quote an opening '' starts: up to the next '' or ”, when that one closes (is
    not followed by a letter); another '' that opens first means this one never closes."""
    s = i + 2
    end = min(end, s + _MAX_QUOTE_CHARS + 2)
    two = text.find(_DOUBLED, s, end)
    curly = text.find("”", s, two if two != -1 else end)
    k = curly if curly != -1 else two
    if k == -1:
        return None
    width = 1 if k == curly else 2
    after = text[k + width] if k + width < len(text) else " "
    if after.isalnum():
        return None
    e = k
    while e > s and text[e - 1].isspace():
        e -= 1
    if s < e and any(c.isalpha() for c in text[s:e]):
        return QuoteMark(s, e, i, k + width - 1, is_title)
    return None


def _opens_sentence(text: str, i: int) -> bool:
    """'It has its quirks. "I think they come over …': a straight mark after a finished
    sentence, before a capital, opens a quote that may run on into the next paragraph
    (an inch sign follows a figure: 'a 12" pipe')."""
    before = text[max(0, i - 3) : i].rstrip()
    after = text[i + 1] if i + 1 < len(text) else " "
    return bool(before) and before[-1] in ".!?:" and after.isupper()


def _can_open(text: str, i: int, block_start: int) -> bool:
    before = text[i - 1] if i > block_start else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if after.isspace():
        return False
    return before.isspace() or before in "([{—–-:/" or text[i] in "“«„"


def _find_close(text: str, i: int, end: int, opener: str, closer: str) -> int | None:
    other = _ALSO_CLOSES.get(opener)
    while i < end:
        j = text.find(closer, i, end)
        if other is not None:
            k = text.find(other, i, end)
            after_k = text[k + 1] if 0 <= k < len(text) - 1 else " "
            closing_shape = k != -1 and not text[k - 1].isspace() and not after_k.isalnum()
            if closing_shape and (j == -1 or k < j):
                j = k
        if j == -1:
            return None
        if opener in "“«„":
            # “… “… — a new opening mark before any close: the first quote is unclosed.
            k = text.find(opener, i, j) if opener != closer else -1
            return None if k != -1 else j
        after = text[j + 1] if j + 1 < len(text) else " "
        if not after.isalnum():  # ’ in "Kim’s" is an apostrophe, not a close
            return j
        if opener == closer and text[j - 1].isspace():
            return None  # … "another opens here: the first mark never closed
        i = j + 1
    return None
