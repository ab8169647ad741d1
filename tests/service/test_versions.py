"""service.versions: a version per change, stale stories found again after a crash, the list."""

from __future__ import annotations

from pathlib import Path

from newsweave.grouping.store import open_store
from newsweave.model import Article, Briefing
from newsweave.service.versions import latest, listing, save_version, stale_stories, versions

TEXT = "The Kariba dam on the Zambezi opened its floodgates on Monday after heavy rain, {}."


def _article(aid: str, source: str, detail: str) -> Article:
    return Article(aid, source, "Kariba dam opens floodgates", TEXT.format(detail))


def test_versions_follow_the_story_and_skip_repeats(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s.db", "lexical")
    first = [_article("m1", "Wire", "officials said"), _article("m2", "Post", "engineers said")]
    store.ingest(first)
    (story,) = store.stories()
    assert stale_stories(store) == [story.id]
    briefing = Briefing(story, tuple(first))
    assert save_version(store, briefing, made="2023-09-04T10:00:00+00:00") == 1
    assert save_version(store, briefing) == 1  # the same briefing is not a new version
    assert stale_stories(store) == []
    late = _article("a0", "Daily", "residents said")
    store.ingest([late])  # sorts first, yet the story keeps its id, and is stale again
    assert stale_stories(store) == [story.id]
    (grown,) = store.stories()
    assert (
        save_version(store, Briefing(grown, (*first, late)), made="2023-09-05T10:00:00+00:00") == 2
    )
    assert [v for v, _ in versions(store, story.id)] == [1, 2]
    at = latest(store, story.id, at="2023-09-04T12:00:00+00:00")
    assert at is not None
    assert (at.version, at.members) == (1, ("m1", "m2"))
    assert latest(store, story.id, at="2023-09-01T00:00:00+00:00") is None


def test_the_list_searches_titles_and_outlets_newest_first(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s.db", "lexical")
    dam = [_article("m1", "Wire", "officials said")]
    quake = [
        Article("q1", "Quake Daily", "Quake hits Vessmark", "A quake hit Vessmark on Tuesday.")
    ]
    store.ingest(dam + quake)
    by_members = {s.article_ids: s for s in store.stories()}
    save_version(store, Briefing(by_members[("m1",)], tuple(dam)), made="2023-09-04T10:00:00+00:00")
    save_version(
        store, Briefing(by_members[("q1",)], tuple(quake)), made="2023-09-05T10:00:00+00:00"
    )
    listed, total = listing(store)
    assert total == 2
    assert [s.title for s in listed] == ["Quake hits Vessmark", "Kariba dam opens floodgates"]
    assert [s.title for s in listing(store, q="quake daily")[0]] == ["Quake hits Vessmark"]
    assert listing(store, q="wire kariba")[1] == 1
    assert listing(store, q="%")[1] == 0  # LIKE's wildcards are plain text
    assert listing(store, since="2023-09-04T12:00:00+00:00")[1] == 1
    page, total = listing(store, limit=1, offset=1)
    assert ([s.title for s in page], total) == (["Kariba dam opens floodgates"], 2)
