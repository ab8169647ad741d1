"""The Markdown renderer: article text escaped, and the digest's sections (facts, who said
what, timeline) with the outlets behind each line."""

from __future__ import annotations

import pytest

from briefings import figure_briefing, hostile_briefing
from newsweave.model import Article, Briefing, Fact, Span, Story, Variant
from newsweave.renderers import render
from newsweave.renderers.markdown import escape, render_markdown


def test_markdown_escapes_everything_from_articles() -> None:
    md = render(hostile_briefing(), "md")
    assert "<script>" not in md
    assert "[click](" not in md  # the bracket is escaped, so no link forms
    assert "\\<script\\>" in md
    for line in md.splitlines():
        if line.startswith("| ") and "Source" not in line and "---" not in line:
            assert line.count(" | ") == 3  # a '|' in a title must not add a column


def test_who_said_what_lists_outlets_and_wording() -> None:
    md = render(hostile_briefing(), "md")
    section = md.split("## Who said what", 1)[1].split("\n## ", 1)[0]
    assert "Other Wire" in section
    assert "differs:" in section
    assert "<b>" not in section


def test_markdown_timeline_lists_dates_outlets_and_expectations() -> None:
    md = render(hostile_briefing(), "md")
    section = md.split("## Timeline", 1)[1].split("\n## ", 1)[0]
    lines = [line for line in section.splitlines() if line.startswith("- ")]
    assert lines[0].startswith("- **Sun 2023-09-10** — \\<script\\>")
    assert "Other Wire" in lines[0]
    assert lines[1].startswith("- **Sun 2023-09-10** (expected) — could meet")
    assert "<script>" not in section
    assert "| 2023-09 (inferred: 2023-09-01 to 2023-09-09) |" in md


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("Kim Jong-un (AP)", "Kim Jong-un (AP)"),
        ("a\n\n  b\tc", "a b c"),  # one line, whatever the breaks
        ("*x* _y_ `z` ~w~", "\\*x\\* \\_y\\_ \\`z\\` \\~w\\~"),
        ("[a](b) <i> | &amp; {c}", "\\[a\\](b) \\<i\\> \\| \\&amp; \\{c\\}"),
        ("# not a heading", "# not a heading"),  # our own text starts every line
    ],
)
def test_escape(text: str, escaped: str) -> None:
    assert escape(text) == escaped


def _facts_briefing(singles: int) -> Briefing:
    a, b, c = (Article(x, f"{x.upper()} Wire", f"Title {x}", "x" * 200) for x in "abc")
    span = {x: Span(x, 0, 10) for x in "abc"}
    facts = [
        Fact("f1", "The dam opened", "consensus", (span["a"], span["b"], span["c"])),
        Fact(
            "f2",
            "People were evacuated",
            "shared",
            (span["a"], span["b"]),
            variants=(Variant("200", ("a",)), Variant("300", ("b",))),
        ),
        Fact(
            "f3",
            "The mayor spoke",
            "shared",
            (span["a"], span["c"]),
            variants=(Variant("Lowe", ("a",), "naming", "place"),),
        ),
    ]
    facts += [Fact(f"s{n}", f"Detail {n}", "single", (span["c"],)) for n in range(singles)]
    return Briefing(Story("s", "Dam", ("a", "b", "c")), (a, b, c), facts=tuple(facts))


def _section(md: str, heading: str) -> list[str]:
    return md.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0].strip().splitlines()


def test_facts_are_sorted_into_corroborated_disputed_and_single() -> None:
    md = render_markdown(_facts_briefing(singles=2))
    assert _section(md, "Corroborated") == [
        "- The dam opened — 3 outlets: A Wire, B Wire, C Wire",
        "- The mayor spoke — 2 outlets: A Wire, C Wire",
        "  - place: “Lowe” — A Wire (two names for the same thing)",
    ]
    assert _section(md, "Where reports differ") == [
        "- People were evacuated",
        "  - number: “200” — A Wire",
        "  - number: “300” — B Wire",
    ]
    assert _section(md, "Reported by one outlet") == [
        "### C Wire: Title c",
        "",
        "- Detail 0",
        "- Detail 1",
    ]


def test_one_outlets_facts_stop_at_eight() -> None:
    lines = _section(render_markdown(_facts_briefing(singles=11)), "Reported by one outlet")
    assert lines[-2:] == ["- Detail 7", "- … and 3 more (see the JSON output)"]


def test_an_empty_briefing_has_only_its_heading_and_articles() -> None:
    md = render_markdown(Briefing(Story("s-9", "Dam", ("a",)), (Article("a", "Wire", None, "x"),)))
    assert md.startswith("# Dam\n\n1 article from 1 source; story `s-9`.\n")
    assert "| Wire | (no headline) | unknown | none |" in md
    assert "## Summary" not in md
    assert "## Timeline" not in md


def test_a_disputed_figure_shows_every_outlets_value_and_day() -> None:
    md = render_markdown(figure_briefing())
    assert _section(md, "Where reports differ")[1] == (
        "  - people killed, as of 2023-06-03: “233” — A Wire "
        "(earlier, since superseded by later reports)"
    )
    assert _section(md, "Figures by outlet") == [
        "### people killed",
        "",
        "| Outlet | Figure | As of | |",
        "|---|---|---|---|",
        "| A Wire | 233 | 2023-06-03 | replaced by a later figure |",
        "| B Wire | 288 | 2023-06-04 | latest |",
        "| C Wire | 288 | 2023-06-04 | latest |",
    ]


def test_rejected_names_cannot_break_out_into_markup() -> None:
    from newsweave.model import Article, Briefing, Rejected, Story

    name = "evil`<img src=x onerror=alert(1)>`.html"
    briefing = Briefing(
        Story("s-1", "Dam opens", ("a",)),
        (Article("a", "Wire", "Dam opens", "The dam opened."),),
        rejected=(Rejected(name, "reason with ` and \u202e reversed"),),
    )
    out = render_markdown(briefing)
    line = next(x for x in out.splitlines() if "onerror" in x)
    assert line == r"- evil\`\<img src=x onerror=alert(1)\>\`.html: reason with \` and reversed"
    assert "\u202e" not in out


def test_the_articles_table_links_each_outlet_to_its_original() -> None:
    from newsweave.model import Article, Briefing, Story
    from newsweave.renderers import render

    articles = (
        Article("a", "Wire", "Dam", "The dam opened.", url="https://example.org/dam|1"),
        Article("b", "Post", "Dam", "The dam opened.", url="javascript:alert(1)"),
    )
    md = render(Briefing(Story("s", "Dam", ("a", "b")), articles), "md")
    assert "| [Wire](<https://example.org/dam%7C1>) | Dam |" in md
    assert "| Post | Dam |" in md
    assert "javascript" not in md
