"""render_html: the self-contained page, parsed here and driven in a real headless Chromium.

The browser tests use Debian's Chromium (``.ci/chromium`` installs it and ``.ci/run`` sets
``NEWSWEAVE_TEST_CHROMIUM``) through Playwright's own driver; ``playwright install`` is never
run. They skip, saying why, where either is missing.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from briefings import figure_briefing
from newsweave.model import Article, Briefing, Removed, Span, Story, SummarySentence
from newsweave.renderers import render

if TYPE_CHECKING:
    from collections.abc import Iterator

    from playwright.sync_api import Browser, ConsoleMessage, Dialog, Page

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
# Each payload sets window.pwned or opens a dialog if the page ever runs it.
PAYLOADS = (
    "<script>window.pwned=1</script>",
    '<img src=x onerror="window.pwned=2">',
    "</script><script>window.pwned=3</script>",
    '<a href="javascript:window.pwned=4">read more</a>',
    "<svg onload=alert(5)></svg>",
    "[click](javascript:alert(6))",
)
HOSTILE_ID = "h1"
HOSTILE_TITLE = " ".join(PAYLOADS)
HOSTILE_TEXT = (
    "Menu</script><script>window.pwned=7</script>\n\n"
    + "\n".join(f"The report quoted {p} in full." for p in PAYLOADS)
    + "\n\nThe dam opened at noon & the river rose > 2 m."
)
VOID_TAGS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)


# --- the pages -----------------------------------------------------------------------------


def hostile_briefing() -> Briefing:
    """One article whose headline, outlet and text are markup and script, cited twice."""
    payload = HOSTILE_TEXT.index(PAYLOADS[2])
    dam = HOSTILE_TEXT.index("The dam")
    article = Article(
        HOSTILE_ID,
        PAYLOADS[1],
        HOSTILE_TITLE,
        HOSTILE_TEXT,
        removed=(Removed(Span(HOSTILE_ID, 0, 4), "navigation"),),
    )
    summary = (
        SummarySentence(PAYLOADS[0], (HOSTILE_ID,), (Span(HOSTILE_ID, payload, payload + 40),)),
        SummarySentence(
            "The dam opened.", (HOSTILE_ID,), (Span(HOSTILE_ID, dam, len(HOSTILE_TEXT)),)
        ),
    )
    return Briefing(Story("s-1", HOSTILE_TITLE, (HOSTILE_ID,)), (article,), summary=summary)


@pytest.fixture(scope="module")
def seed_html(seed_briefing: Briefing) -> str:
    """The seeds' briefing page, built once for this module (the NLP run takes seconds)."""
    return render(seed_briefing, "html")


@pytest.fixture(scope="module")
def hostile_html() -> str:
    return render(hostile_briefing(), "html")


def _url(html: str, path: Path) -> str:
    path.write_text(html, encoding="utf-8")
    return path.as_uri()


# --- parsed, no browser --------------------------------------------------------------------


class _PageParser(HTMLParser):
    """Collects what the checks below need, and every tag that is closed out of order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.links: list[tuple[str, str, str]] = []
        self.data_block: list[str] = []
        self._in_data = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in {"src", "href", "action", "formaction", "srcset", "poster"}:
                self.links.append((tag, name, value or ""))
        if tag == "script" and ("id", "nw-data") in attrs:
            self._in_data = True
        if tag not in VOID_TAGS:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.errors.append(f"self-closing <{tag}/>")

    def handle_endtag(self, tag: str) -> None:
        self._in_data = False
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else ''}>")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self._in_data:
            self.data_block.append(data)


def _parse(html: str) -> _PageParser:
    parser = _PageParser()
    parser.feed(html)
    parser.close()
    return parser


@pytest.fixture(params=["hostile", pytest.param("seeds", marks=pytest.mark.seeds)])
def page_html(request: pytest.FixtureRequest) -> tuple[str, Briefing]:
    if request.param == "hostile":
        return request.getfixturevalue("hostile_html"), hostile_briefing()
    return request.getfixturevalue("seed_html"), request.getfixturevalue("seed_briefing")


def test_page_parses_with_every_tag_closed_in_order(page_html: tuple[str, Briefing]) -> None:
    html, _ = page_html
    assert html.startswith("<!DOCTYPE html>")
    parser = _parse(html)
    assert parser.errors == []
    assert parser.stack == []


def test_page_fetches_nothing_and_links_only_the_articles(page_html: tuple[str, Briefing]) -> None:
    html, briefing = page_html
    links = _parse(html).links
    urls = {a.url for a in briefing.articles if a.url}
    outside = [link for link in links if not link[2].startswith("#")]
    assert all(tag == "a" and name == "href" and url in urls for tag, name, url in outside)
    assert "default-src 'none'" in html


def test_sources_link_to_http_addresses_only() -> None:
    good = "https://news.example.org/2021/dam?id=1&x=<b>"
    articles = (
        Article("a", "Wire", "Dam opens", "The dam opened.", url=good),
        Article("b", "Post", "Dam opens", "The dam opened.", url="javascript:alert(1)"),
        Article("c", "Daily", "Dam opens", "The dam opened.", url="data:text/html,<script>"),
        Article("d", "Wire", "Dam opens", "The dam opened at noon."),
    )
    page = render(Briefing(Story("s", "Dam", ("a", "b", "c", "d")), articles), "html")
    links = [link for link in _parse(page).links if not link[2].startswith("#")]
    assert links == [("a", "href", good)]
    sources = page.split("<section id=sources>", 1)[1].split("</section>", 1)[0]
    assert "rel='noopener noreferrer nofollow'" in sources
    assert "Wire (2)" in sources  # a second article of one outlet is told apart


def test_data_block_has_no_markup_and_carries_every_text_unchanged(
    page_html: tuple[str, Briefing],
) -> None:
    html, briefing = page_html
    block = "".join(_parse(html).data_block)
    assert block
    assert "<" not in block
    assert ">" not in block
    data = json.loads(block)
    assert {i: d["text"] for i, d in data.items()} == {a.id: a.text for a in briefing.articles}


def test_hostile_markup_is_escaped_in_the_page_source(hostile_html: str) -> None:
    for payload in PAYLOADS:
        if "<" in payload:  # the Markdown link is plain text in HTML
            assert payload not in hostile_html
    assert hostile_html.count("<script") == 2  # the data block and the page's own script


# --- in Chromium ---------------------------------------------------------------------------


class _Watch:
    """Everything a page did that it should not: requests, dialogs, script and console errors.

    A fetch the Content-Security-Policy blocks never becomes a request; it shows as a console
    error ("Refused to connect …"), so those count too.
    """

    def __init__(self, page: Page) -> None:
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("dialog", self._dialog)
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("console", self._console)

    def _dialog(self, dialog: Dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.errors.append(message.text)

    def foreign_requests(self, url: str) -> list[str]:
        return [r for r in self.requests if r != url and not r.startswith(("data:", "about:"))]


@pytest.fixture
def page(browser: Browser) -> Iterator[tuple[Page, _Watch]]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    watch = _Watch(page)
    yield page, watch
    context.close()


def _marked(page: Page, article_id: str) -> str:
    marks = page.locator(f'article[data-id="{article_id}"] .text mark')
    return "".join(marks.all_text_contents())


def _on_screen(page: Page, article_id: str) -> bool:
    """True when the first line of the highlight is the topmost thing at its centre."""
    return bool(
        page.evaluate(
            """id => {
              const m = document.querySelector(`article[data-id="${CSS.escape(id)}"] mark`);
              const r = m.getClientRects()[0];
              const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
              return hit !== null && m.contains(hit);
            }""",
            article_id,
        )
    )


@pytest.mark.seeds
def test_seed_page_highlights_the_cited_evidence_offline(
    page: tuple[Page, _Watch], seed_html: str, seed_briefing: Briefing, tmp_path: Path
) -> None:
    tab, watch = page
    url = _url(seed_html, tmp_path / "briefing.html")
    tab.goto(url)
    texts = {a.id: a.text for a in seed_briefing.articles}
    filled = tab.eval_on_selector_all(
        "article[data-id]",
        "els => els.map(e => [e.dataset.id, e.querySelector('.text').textContent])",
    )
    assert dict(filled) == texts

    chip = tab.locator("#brief button.chip").first
    article_id = chip.get_attribute("data-a") or ""
    start, end = int(chip.get_attribute("data-s") or -1), int(chip.get_attribute("data-e") or -1)
    assert article_id in texts
    assert 0 <= start < end <= len(texts[article_id])
    chip.click()
    mark = tab.locator(f'article[data-id="{article_id}"] .text mark').first
    mark.wait_for(state="attached")
    assert _marked(tab, article_id) == texts[article_id][start:end]
    assert mark.bounding_box() is not None
    assert _on_screen(tab, article_id)
    assert (
        tab.locator("mark").count() == tab.locator(f'article[data-id="{article_id}"] mark').count()
    )

    ARTIFACTS.mkdir(exist_ok=True)
    tab.screenshot(path=str(ARTIFACTS / "seeds-briefing.png"), full_page=True)
    assert watch.foreign_requests(url) == []
    assert watch.errors == []


@pytest.mark.seeds
def test_seed_page_greys_out_boilerplate(
    page: tuple[Page, _Watch], seed_html: str, seed_briefing: Briefing, tmp_path: Path
) -> None:
    tab, _ = page
    tab.goto(_url(seed_html, tmp_path / "briefing.html"))
    for article in seed_briefing.articles:
        greyed = tab.locator(f'article[data-id="{article.id}"] .text .boiler').all_text_contents()
        assert greyed == [article.text[r.span.start : r.span.end] for r in article.removed]


def test_hostile_page_runs_none_of_its_payloads(
    page: tuple[Page, _Watch], hostile_html: str, tmp_path: Path
) -> None:
    tab, watch = page
    url = _url(hostile_html, tmp_path / "hostile.html")
    tab.goto(url)
    cited = tab.locator("[data-a]")
    assert cited.count() == 3  # the lede, the key point and the source's "read"
    for i in range(cited.count()):
        cited.nth(i).click()
    tab.locator("#brief .points button.chip").click()  # the dam, last
    for link in tab.locator(f'article[data-id="{HOSTILE_ID}"] a, #brief a').all():
        link.click()  # none should exist; if one does, following it must run nothing
    tab.wait_for_timeout(200)  # let an onerror or onload fire, were there an element for it

    assert tab.evaluate("window.pwned") is None
    assert watch.dialogs == []
    assert watch.errors == []
    assert watch.foreign_requests(url) == []
    article = tab.locator(f'article[data-id="{HOSTILE_ID}"]')
    assert article.locator(".text").text_content() == HOSTILE_TEXT
    assert article.locator("h3").text_content() == f"{PAYLOADS[1]}: {HOSTILE_TITLE}"
    assert article.locator("img, svg, a, script").count() == 0
    dam = HOSTILE_TEXT.index("The dam")
    assert _marked(tab, HOSTILE_ID) == HOSTILE_TEXT[dam:]
    assert tab.title() == f"{HOSTILE_TITLE} · newsweave"


def test_highlight_after_an_astral_character_is_exact(
    page: tuple[Page, _Watch], tmp_path: Path
) -> None:
    text = "Flood 🌊 warning.\n\nThe dam opened at noon. Then the river rose."
    start, end = text.index("The dam"), text.index(" Then")
    article = Article("a", "Wire", "Flood", text)
    evidence = (Span("a", start, end),)
    briefing = Briefing(
        Story("s-1", "Flood", ("a",)),
        (article,),
        summary=(SummarySentence("The dam opened.", ("a",), evidence),),
    )
    tab, _ = page
    tab.goto(_url(render(briefing, "html"), tmp_path / "astral.html"))
    tab.locator("#brief button.chip").first.click()
    assert _marked(tab, "a") == "The dam opened at noon."


def test_the_matrix_shows_each_outlets_own_figure() -> None:
    page = render(figure_briefing(), "html")
    matrix = page.split("<section id=matrix>", 1)[1].split("</section>", 1)[0]
    assert "class=superseded data-a='a' data-s=0 data-e=3 title='233'>233</td>" in matrix
    assert matrix.count("class=figure") == 2
    assert "as of 2023-06-04" in page


def test_an_endless_word_and_a_bidi_override_stay_inside_their_place(
    browser: Browser, tmp_path: Path
) -> None:
    from newsweave.pipeline import brief_articles

    override = "Officials said \u202e the toll rose to 12 on Tuesday."
    articles = [
        Article("w1", "Wire One", "Bridge reopens", "A" * 100_000 + "\n\nThe bridge reopened."),
        Article("w2", "Wire Two", "Bridge reopens after repairs", override),
    ]
    html = render(brief_articles(articles), "html")
    context = browser.new_context(viewport={"width": 390, "height": 800})
    tab = context.new_page()
    tab.goto(_url(html, tmp_path / "wide.html"))
    width = tab.evaluate("document.scrollingElement.scrollWidth")
    isolated = tab.evaluate(
        """() => [...document.querySelectorAll('.text, .chip, td, li')]
             .every(e => getComputedStyle(e).unicodeBidi === 'isolate')"""
    )
    context.close()
    assert width <= 390
    assert isolated


# --- reading it: both widths, every chip there and back, print, sharing ----------------------


def _chip_round_trip(tab: Page, chip_selector: str, texts: dict[str, str]) -> int:
    """Choose every chip matching ``chip_selector``: each shows exactly its evidence,
    highlighted and on screen, and Back returns to the chip. Returns how many were chosen."""
    chips = tab.locator(chip_selector)
    for i in range(chips.count()):
        chip = chips.nth(i)
        article_id = chip.get_attribute("data-a") or ""
        start, end = int(chip.get_attribute("data-s") or -1), int(chip.get_attribute("data-e") or 0)
        chip.click()
        if end > start:
            assert _marked(tab, article_id) == texts[article_id][start:end], (chip_selector, i)
            assert _on_screen(tab, article_id)
        back = tab.locator("#back")
        assert back.is_visible()
        back.click()
        assert back.is_hidden()
        assert tab.evaluate("document.activeElement") is not None
        focused = tab.evaluate(
            "() => document.activeElement && document.activeElement.matches('.chip')"
        )
        assert focused, (chip_selector, i)
        box = chip.bounding_box()
        height = tab.viewport_size["height"] if tab.viewport_size else 0
        assert box is not None
        assert 0 <= box["y"] <= height, (chip_selector, i)
    return chips.count()


@pytest.mark.seeds
@pytest.mark.parametrize("width", [390, 1280])
def test_seed_page_reads_at_phone_and_desktop_width(
    browser: Browser, seed_html: str, seed_briefing: Briefing, tmp_path: Path, width: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 844 if width < 800 else 900})
    tab = context.new_page()
    watch = _Watch(tab)
    url = _url(seed_html, tmp_path / "briefing.html")
    tab.goto(url)
    assert tab.evaluate("document.scrollingElement.scrollWidth") <= width
    # the lede and the disputed points come before everything else
    order = tab.eval_on_selector_all("main section", "els => els.map(e => e.id)")
    assert order[:2] == ["brief", "disputes"]
    texts = {a.id: a.text for a in seed_briefing.articles}
    chosen = _chip_round_trip(tab, "#brief > .lede button.chip, #brief .points button.chip", texts)
    chosen += _chip_round_trip(tab, "#disputes button.chip", texts)
    assert chosen >= 5
    assert tab.evaluate("document.scrollingElement.scrollWidth") <= width
    assert tab.locator("#brief .points li").count() in range(3, 6)
    ARTIFACTS.mkdir(exist_ok=True)
    tab.screenshot(path=str(ARTIFACTS / f"seeds-{width}.png"))
    assert watch.errors == []
    assert watch.foreign_requests(url) == []
    context.close()


@pytest.mark.seeds
def test_the_matrix_shows_what_matters_and_the_rest_on_demand(
    page: tuple[Page, _Watch], seed_html: str, seed_briefing: Briefing, tmp_path: Path
) -> None:
    from newsweave.renderers.html import MAX_MATRIX

    tab, _ = page
    tab.goto(_url(seed_html, tmp_path / "briefing.html"))
    visible = tab.locator("#matrix > .scroll tbody tr")
    assert 0 < visible.count() <= MAX_MATRIX
    hidden = tab.locator("#matrix details tbody tr")
    assert visible.count() + hidden.count() == len(seed_briefing.facts)
    assert not hidden.first.is_visible()
    tab.locator("#matrix details > summary").click()
    assert hidden.first.is_visible()


def test_print_hides_the_reader_and_keeps_every_section(
    page: tuple[Page, _Watch], tmp_path: Path
) -> None:
    tab, _ = page
    tab.goto(_url(render(figure_briefing(), "html"), tmp_path / "print.html"))
    tab.emulate_media(media="print")
    assert tab.locator("aside").is_hidden()
    assert tab.locator("nav").is_hidden()
    assert tab.locator("#matrix").is_visible()
    assert tab.evaluate("getComputedStyle(document.querySelector('.chip'), '::before').content")
    pdf = tab.pdf()
    assert pdf.startswith(b"%PDF")


def test_a_shared_page_carries_no_full_text_and_still_shows_evidence(
    page: tuple[Page, _Watch], tmp_path: Path
) -> None:
    from newsweave.renderers.excerpts import without_article_text

    text = "Secret intro nobody cites.\n\nThe dam opened at noon.\n\nPrivate outro."
    start, end = text.index("The dam"), text.index("\n\nPrivate")
    article = Article("a", "Wire", "Dam", text, url="https://example.org/dam")
    summary = (SummarySentence("The dam opened.", ("a",), (Span("a", start, end),)),)
    shared = without_article_text(Briefing(Story("s", "Dam", ("a",)), (article,), summary=summary))
    html = render(shared, "html")
    assert "Secret intro" not in html
    assert "Private outro" not in html
    data = json.loads("".join(_parse(html).data_block))
    assert data["a"]["text"] is None
    tab, watch = page
    tab.goto(_url(html, tmp_path / "shared.html"))
    tab.locator("#brief button.chip").first.click()
    assert _marked(tab, "a") == "The dam opened at noon."
    assert "full text was left out" in (tab.locator("article .meta").text_content() or "")
    assert watch.errors == []
