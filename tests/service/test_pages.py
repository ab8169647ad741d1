"""service.pages: the list and the story page escape what they show."""

from __future__ import annotations

from newsweave.service.pages import list_page, message_page, story_page
from newsweave.service.versions import Listed

HOSTILE = "<script>alert(1)</script>"


def test_the_list_escapes_titles_outlets_and_the_query() -> None:
    story = Listed("s-1", HOSTILE, (HOSTILE, "Wire"), 3, "2023-09-04T10:00:00+00:00", 2, 1)
    page = list_page([story], 120, "'><img src=x>", offset=50, limit=50)
    assert "<script>alert" not in page
    assert "<img src=x>" not in page
    assert "&lt;script&gt;" in page
    assert "2 disputed points" in page
    assert "Stories 51–51 of 120" in page
    assert "← newer" in page
    assert "older →" in page
    assert "href='/stories/s-1'" in page


def test_the_story_page_gets_the_site_bar_and_the_updates() -> None:
    page = "<html><body><main><div class=report><p>brief</p></div></main></body></html>"
    news = {
        "articles": [{"source": HOSTILE, "title": None}],
        "figures": [
            {"about": "people:killed", "before": [{"value": "3"}], "now": [{"value": "4"}]}
        ],
        "quotes": [{"speaker": None, "text": HOSTILE}],
        "disputes": [],
        "facts": [],
    }
    shown = story_page(page, "2023-09-04", news)
    assert shown.index("All stories") < shown.index("New since 2023-09-04") < shown.index("brief")
    assert "Figure changed, people killed: was 3; now 4" in shown
    assert "<script>alert" not in shown
    assert story_page(page, None, None).count("id=updates") == 0
    assert "&lt;b&gt;" in message_page("<b>", "x")
