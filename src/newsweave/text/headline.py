"""Which line of a scraped page is its headline.

The headline is the first headline-shaped line that is not boilerplate. A first line that
shares no word with the paragraphs under it ("Help Fund Honest Journalism", a score ticker)
is furniture; the headline is then the line above the body that the page's address names,
else the first line above the body that is about its lead.

Example:
    >>> text = "Kim arrives in Russia\\n\\nKim arrived in Russia on Tuesday by train."
    >>> find_title(text, [])
    (0, 21)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import urlsplit

from newsweave.lexicon.function_words import FUNCTION_WORDS
from newsweave.text.lines import is_timestamp
from newsweave.text.shapes import (
    TITLE_MAX_WORDS,
    Line,
    fold,
    headline_shaped,
    is_paragraph,
    split_lines,
    stripped_span,
    touched,
)

__all__ = ["DATELINE_LINES", "find_title", "headline_span", "slug_share", "slug_words"]

DATELINE_LINES = 25  # a page's furniture may push the body's first line this far down
HEAD_LINES = 8  # without the address's word, a headline stands this close below furniture


def find_title(
    text: str, removed: Sequence[tuple[int, int, str]], url: str | None = None
) -> tuple[int, int] | None:
    """The span of the headline: the first kept line, when it is headline-shaped.

    A first line that ends in a full stop is body text, not a headline.

    Example:
        >>> find_title("Kim arrives in Russia\\nThe leader arrived on Tuesday.", [])
        (0, 21)
        >>> find_title("The leader arrived on Tuesday.\\nHe met officials.", []) is None
        True
    """
    return headline_span(text, split_lines(text), removed, url)


KICKER_WORDS = 3  # a line this short above a longer headline is a section label


SLUG_MIN_WORDS = 4  # a URL slug this long says what the headline is about (not a name)
SLUG_TAKE = 0.6  # a line the slug names this much of is the headline


def headline_span(
    text: str,
    lines: list[Line],
    removed: Sequence[tuple[int, int, str]],
    url: str | None = None,
) -> tuple[int, int] | None:
    cut = touched(lines, [(s, e) for s, e, _ in removed])
    kept = [line for line, c in zip(lines, cut, strict=True) if not c and not is_timestamp(line)]
    first = _first_headline(text, kept) or _repeated_headline(text, kept)
    if first is not None:
        first = _shared_tail(text, kept, first)
    at = next((i for i, line in enumerate(kept) if first and line.start <= first[0] < line.end), -1)
    if at < 0 or _about_lead(kept[at], kept[at + 1 :]):
        return first  # no headline (the page opens with its body), or one about the body
    # A first line that says nothing of the article ("Help Fund Honest Journalism", a
    # score ticker) is furniture. The headline is then the line above the body that the
    # page's address names ("/spacex-successfully-launches-first-full-crew-…"), else the
    # first line above the body that is about its lead.
    body = next((i for i in range(at, len(kept)) if is_paragraph(kept[i])), len(kept))
    head = [
        (i, line)
        for i, line in enumerate(kept[at:body], at)
        if headline_shaped(line.text, TITLE_MAX_WORDS) and not line.text.endswith(":")
    ]
    slug = slug_words(url)
    scored = [(slug_share(line.text, slug), -i, line) for i, line in head]
    best = max(scored, key=lambda x: (x[0], x[1]), default=None)
    if best is not None and best[0] >= SLUG_TAKE:
        return stripped_span(text, best[2])
    # a short line skipped as a section kicker above the furniture may be the headline
    # itself ("Bridge to close" above "The Planet Weekly Digest")
    kickers = [
        (i, line)
        for i, line in enumerate(kept[:at])
        if line.words >= 3 and headline_shaped(line.text, TITLE_MAX_WORDS)
    ]
    near = kickers + [(i, line) for i, line in head if i < at + HEAD_LINES]
    topical = next((line for i, line in near if _about_lead(line, kept[i + 1 :])), None)
    return first if topical is None else stripped_span(text, topical)


def _repeated_headline(text: str, kept: list[Line]) -> tuple[int, int] | None:
    """ "Mine Rescue Effort Suspended Underground efforts to …" then "Mine Rescue Effort
    Suspended" alone: a page that opens with its title run into its summary, then gives
    the title on its own line."""
    for i, line in enumerate(kept[1:HEAD_LINES], 1):
        shaped = line.words >= 3 and headline_shaped(line.text, TITLE_MAX_WORDS)
        if shaped and any(k.text.startswith(line.text + " ") for k in kept[:i]):
            return stripped_span(text, line)
    return None


SHARED_TAIL_WORDS = 5  # two head lines ending in this many same words end in the headline


def _shared_tail(text: str, kept: list[Line], span: tuple[int, int]) -> tuple[int, int]:
    """ "Deutschland / Welt Angela Merkel erteilt Trump …" and "Nachrichten Politik
    Deutschland / Welt Angela Merkel erteilt Trump …": section paths before one headline.
    The words the two lines end in are the headline."""
    own = text[span[0] : span[1]]
    words = own.split()
    for other in kept[:HEAD_LINES]:
        if other.start <= span[0] < other.end:
            continue
        theirs = other.text.split()
        n = 0
        while n < min(len(words), len(theirs)) and words[-1 - n] == theirs[-1 - n]:
            n += 1
        if SHARED_TAIL_WORDS <= n < len(words):
            tail = " ".join(words[-n:])
            at = own.rfind(tail)
            if at > 0:
                return span[0] + at, span[1]
    return span


LEAD_LINES = 6  # the paragraphs below a headline it should be about


def _about_lead(line: Line, below: list[Line]) -> bool:
    """Whether the headline ``line`` shares a word with the paragraphs under it."""
    own = _content_words(line.text)
    lead: set[str] = set()
    for other in [b for b in below if is_paragraph(b)][:LEAD_LINES]:
        lead |= _content_words(other.text)
    return bool(own & lead)


def _content_words(text: str) -> set[str]:
    """Lower-case words of four letters or more, and their first five letters, so "flood"
    meets "flooding" and "Kohli's" meets "Kohli"."""
    words = {w for w in re.findall(r"[^\W\d_]{4,}", fold(text)) if w not in FUNCTION_WORDS}
    return {w[:5] for w in words}


def slug_words(url: str | None) -> list[str]:
    """The words of a URL's slug: ".../2021/08/23/at-least-21-dead-in-floods.html" gives
    at, least, 21, dead, in, floods. Ids and file endings are not words of it.

    Example:
        >>> slug_words("https://example.org/news/2021/kim-arrives-in-vladivostok-77123.html")
        ['kim', 'arrives', 'in', 'vladivostok']
        >>> slug_words("https://example.org/the-daily-planet/20211125/2814878")
        []
    """
    if not url:
        return []
    try:
        path = urlsplit(url[:2000]).path
    except ValueError:
        return []
    best: list[str] = []
    for segment in path.split("/"):
        segment = re.sub(r"\.[a-z]{2,5}$", "", segment.lower())
        words = [w for w in re.split(r"[-_+]+", fold(segment)) if w]
        while words and any(ch.isdigit() for ch in words[-1]) and len(words[-1]) >= 5:
            words.pop()  # "…-7275931": the site's id for the page
        if len(words) > len(best):
            best = words
    return best if len(best) >= SLUG_MIN_WORDS else []


def slug_share(text: str, slug: list[str]) -> float:
    """How much of the slug ``text`` says, when most of ``text`` is in the slug."""
    words = set(re.findall(r"\w+", fold(text).replace("'", "").replace("’", "")))
    wanted = set(slug)
    if not words or not wanted:
        return 0.0
    found = len(words & wanted)
    return found / len(wanted) if found / len(words) >= 0.5 else 0.0


def _first_headline(text: str, kept: list[Line]) -> tuple[int, int] | None:
    for i, line in enumerate(kept):
        nxt = kept[i + 1] if i + 1 < len(kept) else None
        below = kept[i + 1 : i + 4]
        if line.words <= KICKER_WORDS and any(
            b.words >= 4 and headline_shaped(b.text, TITLE_MAX_WORDS) for b in below
        ):
            continue  # "Europe", "National News" above the headline: a section kicker
        if not headline_shaped(line.text, TITLE_MAX_WORDS) or line.text.endswith(":"):
            return None
        if nxt is not None and nxt.block == line.block and nxt.text[:1].islower():
            return None  # the sentence goes on: a wrapped paragraph, not a headline
        return stripped_span(text, line)
    return None
