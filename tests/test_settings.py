"""settings: defaults, environment, overrides and errors that name the setting."""

from __future__ import annotations

import pytest

from newsweave.errors import ConfigError
from newsweave.settings import Settings, load_settings


def test_environment_then_overrides() -> None:
    env = {
        "NEWSWEAVE_MAX_BYTES": "2048",
        "NEWSWEAVE_SPACY_MODEL": "en_core_web_md",
        "NEWSWEAVE_FETCH_TIMEOUT": "3.5",
    }
    settings = load_settings(env)
    assert (settings.max_bytes, settings.spacy_model, settings.fetch_timeout) == (
        2048,
        "en_core_web_md",
        3.5,
    )
    assert load_settings(env, max_bytes=10).max_bytes == 10
    assert load_settings({}, max_bytes=None) == Settings()


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"NEWSWEAVE_MAX_BYTES": "lots"}, "NEWSWEAVE_MAX_BYTES='lots': expected a int"),
        ({"NEWSWEAVE_MAX_BYTES": "0"}, "max_bytes = 0"),
        ({"NEWSWEAVE_BATCH_SIZE": "-1"}, "batch_size = -1"),
        ({"NEWSWEAVE_TODAY": "12/09/2023"}, "today = '12/09/2023': expected a date as YYYY-MM-DD"),
        ({"NEWSWEAVE_LLM_URL": "http://127.0.0.1:8080/v1"}, "needs a model name"),
        ({"NEWSWEAVE_LLM_TIMEOUT": "0"}, "llm_timeout = 0.0: must be a number of seconds above 0"),
        ({"NEWSWEAVE_FETCH_TIMEOUT": "nan"}, "fetch_timeout = nan: must be a number of seconds"),
        ({"NEWSWEAVE_FETCH_TIMEOUT": "inf"}, "fetch_timeout = inf: must be a number of seconds"),
        ({"NEWSWEAVE_FEED_BUDGET": "-1"}, "feed_budget = -1.0"),
        ({"NEWSWEAVE_ALLOW_PRIVATE_URLS": "maybe"}, "expected a bool"),
    ],
)
def test_bad_values_name_the_setting(env: dict[str, str], message: str) -> None:
    with pytest.raises(ConfigError, match=message.replace("(", r"\(")):
        load_settings(env)


def test_unknown_override_is_an_error() -> None:
    with pytest.raises(ConfigError, match="unknown settings: colour"):
        load_settings({}, colour="red")


def test_stories_have_their_own_embedder_setting() -> None:
    assert load_settings({"NEWSWEAVE_STORY_EMBEDDER": "lexical"}).story_embedder == "lexical"
    alignment_only = load_settings({"NEWSWEAVE_EMBEDDER": "lexical"})
    assert (alignment_only.embedder, alignment_only.story_embedder) == ("lexical", "auto")


def test_replace_checks() -> None:
    with pytest.raises(ConfigError):
        Settings().replace(fetch_timeout=0)


def test_today_sets_the_reference_day() -> None:
    import datetime as dt

    assert load_settings({"NEWSWEAVE_TODAY": "2023-09-12"}).reference_day == dt.date(2023, 9, 12)
    assert Settings().reference_day >= dt.date(2026, 1, 1)


def test_yes_no_settings_read_the_usual_words() -> None:
    assert load_settings({"NEWSWEAVE_ALLOW_PRIVATE_URLS": "Yes"}).allow_private_urls
    assert not load_settings({"NEWSWEAVE_ALLOW_PRIVATE_URLS": "false"}).allow_private_urls
    assert not load_settings({"NEWSWEAVE_ALLOW_PRIVATE_URLS": "0"}).allow_private_urls
