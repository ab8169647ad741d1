"""Find the boilerplate in a scraped news article: spans to skip, each with a reason.

Cleaning never rewrites the text. It marks whole lines (start of line to end of line,
without the line break) as removed, so every later offset still points into the
original. It works from general signals only: repetition, the shape of a line (length,
final punctuation, capitals, bullets), its position (the top and bottom of the page)
and short lexicons of navigation and credit cues.

Example:
    >>> text = "Dam opens\\n\\nSkip to content\\n\\nThe dam opened on Monday.\\n\\nWith AFP"
    >>> [(text[s:e], why) for s, e, why in find_boilerplate(text)]
    [('Skip to content', 'navigation'), ('With AFP', 'credit')]
    >>> find_title(text, find_boilerplate(text))
    (0, 9)
"""

from __future__ import annotations

import dataclasses
import itertools
import re

from newsweave.model import Article, Removed, Span
from newsweave.text.datelines import find_dateline, mark_place_lines, mark_stamps
from newsweave.text.headline import find_title, headline_span, slug_share, slug_words
from newsweave.text.lines import BIO, NAME_LINE, RELATED_LABEL, classify_line
from newsweave.text.shapes import (
    Line,
    is_listed_headline,
    is_paragraph,
    is_prose,
    norm,
    split_lines,
    touched,
)

__all__ = ["clean_article", "find_boilerplate", "find_title"]


def find_boilerplate(text: str) -> list[tuple[int, int, str]]:
    """Boilerplate lines of ``text`` as sorted, non-overlapping ``(start, end, reason)``.

    Reasons: caption, duplicate, navigation, promo, related, byline, signoff, bio, credit,
    editor_note, timestamp, trailing (and ``dateline``, from :func:`clean_article`;
    ``repeated`` comes from :mod:`newsweave.text.repeats`, across a source's articles).

    Example:
        >>> find_boilerplate("Kim arrives\\n\\nAdvertisement\\n\\nKim arrived on Tuesday.")
        [(13, 26, 'navigation')]
    """
    return _find_boilerplate(split_lines(text))


def _find_boilerplate(lines: list[Line]) -> list[tuple[int, int, str]]:
    n = len(lines)
    if not n:
        return []
    reasons: list[str | None] = [None] * n
    # Bottom zone: the last fifth, or the last five lines of a short article.
    bottom_from = min(n - 5, (n * 4) // 5)
    for i, line in enumerate(lines):
        reasons[i] = classify_line(line, i >= bottom_from)

    _mark_duplicates(lines, reasons)
    _mark_caption_blocks(lines, reasons)
    _mark_bios(lines, reasons, bottom_from)
    _mark_related(lines, reasons)
    _mark_trailing(lines, reasons)

    spans: list[tuple[int, int, str]] = []
    for i, (line, why) in enumerate(zip(lines, reasons, strict=True)):
        if why is None:
            continue
        # Neighbouring lines with the same reason make one span (blank lines included).
        if spans and spans[-1][2] == why and reasons[i - 1] == why:
            spans[-1] = (spans[-1][0], line.end, why)
        else:
            spans.append((line.start, line.end, why))
    return spans


def _mark_duplicates(lines: list[Line], reasons: list[str | None]) -> None:
    """A line seen before is scraper repetition; a repeated credited caption goes whole."""
    first: dict[str, int] = {}
    for i, line in enumerate(lines):
        key = norm(line.text)
        if key not in first:
            first[key] = i
            continue
        j = first[key]
        if reasons[j] == "caption" or reasons[i] == "caption":
            reasons[i] = reasons[j] = "caption"
        elif reasons[i] is None:
            reasons[i] = "duplicate"


def _blank_separated(lines: list[Line]) -> bool:
    """Whether paragraphs are set off by blank lines (not single line breaks)."""
    blank = sum(a.block != b.block for a, b in itertools.pairwise(lines))
    return blank >= 2 and blank > 2 * (len(lines) - 1 - blank)


def _mark_caption_blocks(lines: list[Line], reasons: list[str | None]) -> None:
    """Where blank lines separate paragraphs, the lines run into a caption are caption too.

    "Kim is welcomed at Khasan station." directly above "An image from KCNA … (via Reuters)."
    The credit closes a caption, so only the lines above it are taken.
    """
    if not _blank_separated(lines):
        return
    first_kept = next((i for i, r in enumerate(reasons) if r is None), -1)
    by_block: dict[int, list[int]] = {}
    for i, line in enumerate(lines):
        by_block.setdefault(line.block, []).append(i)
    for members in by_block.values():
        if not 2 <= len(members) <= 4:
            continue
        last = max((i for i in members if reasons[i] == "caption"), default=-1)
        for i in members:
            if i < last and reasons[i] is None and i != first_kept and lines[i].words <= 50:
                reasons[i] = "caption"


def _mark_bios(lines: list[Line], reasons: list[str | None], bottom_from: int) -> None:
    """An author box near the end: "Jim Pollard" then "Jim Pollard is a journalist …"."""
    for i in range(max(bottom_from, 1), len(lines)):
        if reasons[i] is not None or not BIO.match(lines[i].text[:400]):
            continue
        reasons[i] = "bio"
        name = lines[i - 1].text
        if reasons[i - 1] is None and NAME_LINE.match(name) and lines[i - 1].words <= 4:
            head = set(lines[i].text.split()[:4])
            if head & set(name.split()):
                reasons[i - 1] = "byline"


def _last_prose(lines: list[Line], reasons: list[str | None]) -> int:
    return max(
        (i for i, line in enumerate(lines) if reasons[i] is None and is_prose(line)), default=-1
    )


def _mark_related(lines: list[Line], reasons: list[str | None]) -> None:
    """Lists of other headlines: ≥3 headline-shaped lines after the body, or after a label.

    A lone headline-shaped line between paragraphs is a crosshead and stays.
    """
    n = len(lines)
    last_body = _last_prose(lines, reasons)
    first_prose = next((i for i, line in enumerate(lines) if is_prose(line)), n)

    i = 0
    while i < n:
        # "More on this story" is navigation on its own and a label above a list.
        labelled = reasons[i] == "related" or (
            reasons[i] == "navigation" and bool(RELATED_LABEL.match(lines[i].text))
        )
        j = i + 1 if labelled else i
        k = j
        while k < n and reasons[k] is None and is_listed_headline(lines[k], labelled):
            if k + 1 < n and is_paragraph(lines[k + 1]) and k <= first_prose:
                break  # the line right above the page's first paragraph is its headline
            k += 1
        if (labelled and k > j) or (k - j >= 3 and j > last_body and j >= n // 2):
            for m in range(i if labelled else j, k):
                reasons[m] = "related"
        i = max(k, i + 1)


def _mark_trailing(lines: list[Line], reasons: list[str | None]) -> None:
    """Short leftovers after the closing boilerplate (a tag, an ad label) are junk too."""
    n = len(lines)
    last_body = _last_prose(lines, reasons)
    closing = ("related", "bio", "byline", "credit")
    start = next((i for i in range(max(last_body + 1, n // 2), n) if reasons[i] in closing), None)
    if start is None:
        return
    for i in range(start + 1, n):
        if reasons[i] is None and not is_prose(lines[i]):
            reasons[i] = "trailing"


TOP_LINES = 15  # where a page's own furniture stands, above its headline
DATELINE_LINES = 25  # a page's furniture may push the body's first line this far down


def _mark_site_name(
    lines: list[Line], found: list[tuple[int, int, str]], source: str
) -> list[tuple[int, int, str]]:
    """The site's own name standing near the top: "UrduPoint.com", "BFMTV", "Göttinger
    Tageblatt | Ihre Zeitung aus Göttingen" (a short line holding every word of the
    source's name, or a very short one holding one of them)."""
    site = set(re.findall(r"[^\W\d_]{3,}", source.casefold()))
    if not site:
        return found
    cut = touched(lines, [(s, e) for s, e, _ in found])
    added = []
    for line, c in zip(lines[:TOP_LINES], cut, strict=False):
        if c or is_prose(line):
            continue
        words = set(re.findall(r"[^\W\d_]{3,}", line.text.casefold()))
        if (site <= words and line.words <= 12) or (site & words and line.words <= 2):
            added.append((line.start, line.end, "navigation"))
    return sorted([*found, *added])


def _mark_title_repeats(
    lines: list[Line],
    found: list[tuple[int, int, str]],
    title: tuple[int, int] | None,
    text: str,
) -> list[tuple[int, int, str]]:
    """What stands before the headline on its own line ("Deutschland / Welt " before it),
    and other lines of the page head that end in it (a longer section path)."""
    if title is None:
        return found
    headline = text[title[0] : title[1]]
    cut = touched(lines, [(s, e) for s, e, _ in found])
    added = []
    for line, c in zip(lines[:TOP_LINES], cut, strict=False):
        if c:
            continue
        if line.start <= title[0] < line.end:
            before = text[line.start : title[0]]
            if before.strip():  # the path before the headline, without the spaces around it
                start = line.start + len(before) - len(before.lstrip())
                added.append((start, line.start + len(before.rstrip()), "navigation"))
        elif line.text.endswith(headline) and _is_path(line.text[: -len(headline)]):
            added.append((line.start, line.end, "navigation"))
    return sorted([*found, *added])


_PATH = re.compile(r"\s(?:/|\||›|»|>)\s")


def _is_path(prefix: str) -> bool:
    """ "Nachrichten Politik ", "News / Europe ": section names before a headline; not a
    label ("Analysis: Why …") nor a sentence."""
    words = prefix.split()
    return bool(_PATH.search(prefix)) or (
        0 < len(words) <= 3 and ":" not in prefix and all(w[:1].isupper() for w in words)
    )


def _mark_above_title(
    lines: list[Line],
    found: list[tuple[int, int, str]],
    title: tuple[int, int] | None,
    slug: list[str],
) -> list[tuple[int, int, str]]:
    """Furniture above the headline: the short lines a page puts before its article
    ("National News", "Latest news", "Thumbnail", a score ticker). A kicker the page's
    address also names ("Vorstellung des Koalitionsvertrags" above its headline, in
    ".../vorstellung-des-koalitionsvertrags-beim-verweis-…") is the article's own."""
    if title is None:
        return found
    cut = touched(lines, [(s, e) for s, e, _ in found])
    added = [
        (line.start, line.end, "navigation")
        for line, c in zip(lines, cut, strict=True)
        if line.end <= title[0]
        and line.words <= 12
        and not is_prose(line)
        and not c
        and not (line.words >= 2 and slug_share(line.text, slug) > 0)
    ]
    return sorted([*found, *added])


def clean_article(article: Article) -> Article:
    """The article with its boilerplate recorded in ``removed`` and its headline found.

    The text is untouched. A title from metadata is kept; when it has none, the headline
    line (if any) becomes ``title`` and ``title_span``.

    Example:
        >>> a = clean_article(Article("a1", "AP", None, "Dam opens\\n\\nIt opened.\\n\\nWith AFP"))
        >>> a.title, [(r.span.text(a), r.reason) for r in a.removed]
        ('Dam opens', [('With AFP', 'credit')])
    """
    lines = split_lines(article.text)
    found = _mark_site_name(lines, _find_boilerplate(lines), article.source)
    span = headline_span(article.text, lines, found, article.url)
    found = _mark_above_title(lines, found, span, slug_words(article.url))
    found = _mark_title_repeats(lines, found, span, article.text)
    found = mark_stamps(article.text, lines, mark_place_lines(lines, found))
    dateline = find_dateline(article.text, lines, found, span)
    if dateline is not None:
        found = sorted([*found, (*dateline, "dateline")])
    removed = tuple(Removed(Span(article.id, s, e), why) for s, e, why in found)
    title, title_span = article.title, article.title_span
    if span is not None:
        headline = article.text[span[0] : span[1]]
        if title is None:
            title, title_span = headline, Span(article.id, *span)
        elif title_span is None and norm(title) == norm(headline):
            # The metadata title also heads the body: mark it so it is not read twice.
            title_span = Span(article.id, *span)
    return dataclasses.replace(article, removed=removed, title=title, title_span=title_span)
