"""scale.ray_briefs: stories briefed as Ray tasks equal the same stories briefed here, and a
story that fails is reported with its id while the others are briefed."""

from __future__ import annotations

import pytest

from newsweave.errors import UnknownComponentError
from newsweave.pipeline import brief_story
from newsweave.scale.ray_briefs import brief_on_ray
from newsweave.settings import load_settings
from storygold import own_set

SETTINGS = {"today": "2023-09-30", "embedder": "lexical"}


@pytest.mark.filterwarnings("ignore::DeprecationWarning", "ignore::FutureWarning")
def test_ray_briefs_equal_local_briefs(local_ray: None, nlp: object) -> None:
    articles, gold = own_set("close-events")
    by_id = {a.id: a for a in articles}
    stories = sorted(set(gold.values()))[:3]
    jobs = [
        (f"s-{story}", [by_id[aid] for aid, s in gold.items() if s == story], [])
        for story in stories
    ]
    settings = load_settings(**SETTINGS)
    remote = dict(brief_on_ray(iter(jobs), settings, in_flight=2))
    assert sorted(remote) == sorted(sid for sid, _, _ in jobs)
    for sid, arts, _ in jobs:
        here = brief_story(sid, arts, settings)
        briefing = remote[sid]
        assert not isinstance(briefing, BaseException)
        assert briefing.story.id == sid
        assert briefing.to_json() == here.to_json()


def test_a_failing_story_comes_back_as_its_error(local_ray: None) -> None:
    articles, _ = own_set("close-events")
    settings = load_settings(summarizer="no-such-writer")
    ((sid, outcome),) = brief_on_ray([("s1", articles[:2], [])], settings)
    assert sid == "s1"
    assert isinstance(outcome, UnknownComponentError)
    assert "no-such-writer" in str(outcome)
