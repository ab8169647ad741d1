"""Tests for newsweave.text.clean: the real seeds, invented layouts, and properties."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsweave.model import Article
from newsweave.text.clean import clean_article, find_boilerplate, find_title

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"


def _lines(text: str) -> list[tuple[int, int, str]]:
    """Non-empty lines as (start, end, stripped text), end without the line break."""
    out, pos = [], 0
    for raw in text.split("\n"):
        if raw.strip():
            out.append((pos, pos + len(raw.rstrip("\r")), raw.strip()))
        pos += len(raw) + 1
    return out


def _reason_at(removed: list[tuple[int, int, str]], start: int, end: int) -> str | None:
    """The reason of the removed span covering [start, end), '!partial' if only overlapped."""
    for s, e, why in removed:
        if s <= start and end <= e:
            return why
        if s < end and start < e:
            return "!partial"
    return None


def _table_row(name: str, text: str, removed: list[tuple[int, int, str]]) -> str:
    counts = Counter(
        why for s, e, _ in _lines(text) if (why := _reason_at(removed, s, e)) is not None
    )
    title = find_title(text, removed)
    head = text[title[0] : title[1]][:40] if title else None
    listed = ", ".join(f"{k}={v}" for k, v in sorted(counts.items())) or "-"
    return f"{name:<10} {listed:<78} {head!r}"


# ---- acceptance on the real seeds --------------------------------------------------------
# For each seed: its headline (None: no headline line), then the boilerplate lines, by
# the start of the line, with the reason expected. Every other line must be kept.
SEED_EXPECT: dict[str, tuple[str | None, list[tuple[str, str]]]] = {
    "000": (
        "North Korea’s Kim Jong-un arrives in Russia ahead of arms deal meeting with Putin",
        [
            ("North Korea’s leader Kim Jong-un, center, steps down", "caption"),
            ("Russian president Vladimir Putin at the Eastern Economic Forum", "caption"),
            ("North Korea’s leader Kim Jong-un (AP)", "caption"),
        ],
    ),
    "001": (
        "Kim Jong Un in Russia ‘For Talks on Arms, Tech and Food’",
        [
            ("Type to search", "navigation"),
            ("North Korean leader Kim Jong Un is welcomed at Khasan", "caption"),
            ("An image from North Korea’s official", "caption"),
            ("ALSO SEE:", "promo"),
            ("• Reuters with additional reporting", "credit"),
            ("NOTE: Further details were added", "editor_note"),
            ("North Korea Leader Kim Orders War Preparations", "related"),
            ("Biden Likens China to", "related"),
            ("North Korea Hackers Breached", "related"),
            ("North Korea Hackers Targeted", "related"),
            ("US Slams ‘Reckless’", "related"),
            ("Jim Pollard is an Australian journalist", "bio"),
            ("Jim Pollard", "byline"),
            ("AF China Bond", "trailing"),
        ],
    ),
    "002": (None, []),
    "003": (
        "Kim Jong-un to hold weapons talks with Putin after"
        " ‘travelling to Russia in armoured train’",
        [("Additional reporting by agencies", "credit")],
    ),
    "004": (
        "Kim Jong-un expected to hold weapons talks with Putin at remote Russian space base",
        [("With Agence France-Presse", "credit")],
    ),
}
# Section crossheads inside seed 001's body: headline-shaped, and body all the same.
CROSSHEADS = (
    "Putin at economic forum in Vladivostok",
    "Russia running out of weapons, munitions",
    "Accompanied by defence industry and military officials",
    "Arms transfers would violate UNSC resolutions",
)


def _seed(prefix: str) -> str:
    if not SEEDS.is_dir():
        pytest.skip(f"{SEEDS} not found")
    found = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not found:
        pytest.skip(f"no seed {prefix}_*.txt in {SEEDS}")
    return found[0].read_text(encoding="utf-8")


@pytest.mark.seeds
def test_seed_table() -> None:
    """Print what is removed from each seed, so any failure below says by how much."""
    if not SEEDS.is_dir():
        pytest.skip(f"{SEEDS} not found")
    print(f"\n{'seed':<10} {'lines removed by reason':<78} title")
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        print(_table_row(path.stem[:10], text, find_boilerplate(text)))


@pytest.mark.seeds
@pytest.mark.parametrize("seed", sorted(SEED_EXPECT))
def test_seed_titles(seed: str) -> None:
    text = _seed(seed)
    expected, _ = SEED_EXPECT[seed]
    span = find_title(text, find_boilerplate(text))
    got = text[span[0] : span[1]] if span else None
    assert got == expected


@pytest.mark.seeds
@pytest.mark.parametrize("seed", sorted(SEED_EXPECT))
def test_seed_boilerplate_removed_and_body_kept(seed: str) -> None:
    text = _seed(seed)
    _, expected = SEED_EXPECT[seed]
    removed = find_boilerplate(text)
    wrong: list[str] = []
    matched: Counter[str] = Counter()
    for start, end, line in _lines(text):
        want = next((why for p, why in expected if line.startswith(p)), None)
        if want is not None:
            matched[want] += 1
        got = _reason_at(removed, start, end)
        if got != want:
            wrong.append(f"  want {want!s:<11} got {got!s:<11} {line[:70]!r}")
    print(f"\n{seed}: {len(wrong)} wrong line(s)\n" + "\n".join(wrong))
    assert not wrong
    # every expected entry named at least one line (a typo would silently pass)
    assert sum(matched.values()) >= len(expected)


@pytest.mark.seeds
def test_seed_crossheads_and_long_lines_kept() -> None:
    text = _seed("001")
    removed = find_boilerplate(text)
    kept = {line for s, e, line in _lines(text) if _reason_at(removed, s, e) is None}
    assert set(CROSSHEADS) <= kept
    for name in SEED_EXPECT:
        body = _seed(name)
        removed = find_boilerplate(body)
        expected = [p for p, _ in SEED_EXPECT[name][1]]
        for s, e, line in _lines(body):
            if len(line.split()) >= 12 and not any(line.startswith(p) for p in expected):
                assert _reason_at(removed, s, e) is None, line[:80]


# ---- invented layouts --------------------------------------------------------------------
# tests/data/clean/*.txt: invented articles, one layout each. A line may start with
# "[reason]" (expected removed for that reason) or "[title]" (the expected headline);
# unmarked lines must be kept.

LAYOUTS = Path(__file__).resolve().parents[1] / "data" / "clean"


def _layout(name: str) -> tuple[str, str | None, list[str | None]]:
    """The article text, its expected headline, and each line's expected reason."""
    lines, reasons, title = [], [], None
    for raw in (LAYOUTS / f"{name}.txt").read_text(encoding="utf-8").split("\n"):
        m = re.match(r"\[(\w+)\]", raw)
        line = raw[m.end() :] if m else raw
        reason = m.group(1) if m else None
        if reason == "title":
            title, reason = line, None
        lines.append(line)
        reasons.append(reason if line.strip() else None)
    return "\n".join(lines), title, reasons


@pytest.mark.parametrize("name", sorted(p.stem for p in LAYOUTS.glob("*.txt")))
def test_layouts(name: str) -> None:
    text, title, reasons = _layout(name)
    removed = find_boilerplate(text)
    wrong, pos = [], 0
    for line, want in zip(text.split("\n"), reasons, strict=True):
        if line.strip():
            got = _reason_at(removed, pos, pos + len(line))
            if got != want:
                wrong.append(f"  want {want!s:<11} got {got!s:<11} {line[:70]!r}")
        pos += len(line) + 1
    print("\n" + _table_row(name[:10], text, removed) + "\n" + "\n".join(wrong))
    assert not wrong
    span = find_title(text, removed)
    assert (text[span[0] : span[1]] if span else None) == title


def test_clean_article_sets_title_and_removed() -> None:
    text, _, _ = _layout("flood")
    art = Article(id="f1", source="Wire", title=None, text=text)
    out = clean_article(art)
    assert out.text == text
    assert out.title == "Floodwaters force evacuation of riverside town in Velmark"
    assert out.title_span is not None
    assert out.title_span.text(out) == out.title
    assert {r.reason for r in out.removed} >= {"navigation", "caption", "promo", "credit"}
    assert all(r.span.article_id == "f1" for r in out.removed)
    kept = " ".join(s.text(out) for s in out.kept_spans())
    assert "Rescue crews evacuated" in kept
    assert "Skip to content" not in kept


def test_clean_article_keeps_metadata_title() -> None:
    text = "Dam opens\n\nThe dam opened on Monday."
    art = Article(id="d", source="s", title="Dam opens", text=text)
    out = clean_article(art)
    assert out.title == "Dam opens"
    assert out.title_span is not None
    assert out.title_span.text(out) == "Dam opens"
    other = clean_article(Article(id="d", source="s", title="Another title", text=text))
    assert other.title == "Another title"
    assert other.title_span is None


def test_handles_crlf_line_breaks() -> None:
    text = "Dam opens\r\n\r\nAdvertisement\r\n\r\nThe dam opened on Monday.\r\n"
    removed = find_boilerplate(text)
    assert [(text[s:e], why) for s, e, why in removed] == [("Advertisement", "navigation")]
    assert find_title(text, removed) == (0, 9)


# ---- properties ----------------------------------------------------------------------------
_PIECES = [
    "Advertisement",
    "Skip to content",
    "By Jane Doe",
    "Photo: Jane Doe/Reuters",
    "A man walks past the site (AP)",
    "READ MORE: Something else happened",
    "Related",
    "Lake Ferry Opens Again",
    "Farmers Count Losses After Hail",
    "The council met on Monday and voted to close the road.",
    "“We will not give up,” she said.",
    "Mara Quinn",
    "Mara Quinn is a reporter covering energy.",
    "With AFP",
    "Editor's note: This article has been updated.",
    "",
    " ",
    "\r",
]
_docs = st.lists(st.sampled_from(_PIECES) | st.text(max_size=60), max_size=30).map(
    lambda parts: "\n".join(parts)
)
_any_text = st.text() | _docs


def _check_spans(text: str, spans: list[tuple[int, int, str]]) -> None:
    prev_end = 0
    for s, e, why in spans:
        assert 0 <= s <= e <= len(text)
        assert s >= prev_end, "spans overlap or are unsorted"
        assert isinstance(why, str)
        assert why
        prev_end = e


@settings(max_examples=200, deadline=None)
@given(_any_text)
def test_find_boilerplate_spans_are_valid(text: str) -> None:
    spans = find_boilerplate(text)
    _check_spans(text, spans)
    title = find_title(text, spans)
    if title is not None:
        s, e = title
        assert 0 <= s < e <= len(text)
        assert all(e <= rs or re_ <= s for rs, re_, _ in spans)


@settings(max_examples=200, deadline=None)
@given(_any_text)
def test_clean_article_never_changes_text(text: str) -> None:
    art = Article(id="p", source="s", title=None, text=text)
    out = clean_article(art)
    assert out.text == text
    _check_spans(text, [(r.span.start, r.span.end, r.reason) for r in out.removed])
    if out.title_span is not None:
        assert out.title == out.title_span.text(out)


def test_furniture_above_the_headline_and_the_sites_own_name_are_removed() -> None:
    text = (
        "UrduPoint.com\nNational News\nLatest news\nThumbnail\n\n"
        "Flood toll rises to 14 as waters recede in the valley\n\n"
        "MEXICO CITY (AP) — Flood waters receded on Friday, leaving 14 people dead and "
        "hundreds of homes damaged across the valley, officials said. The army sent trucks "
        "of drinking water to the worst-hit towns.\n\n"
        "Rescue teams searched the last flooded streets overnight, the mayor said."
    )
    article = clean_article(Article("a", "UrduPoint", None, text))
    assert article.title == "Flood toll rises to 14 as waters recede in the valley"
    removed = [r.span.text(article) for r in article.removed]
    for furniture in ("UrduPoint.com", "National News", "Thumbnail", "MEXICO CITY (AP) —"):
        assert any(furniture in r for r in removed), (furniture, removed)
    assert not any("Flood waters receded" in r for r in removed)
