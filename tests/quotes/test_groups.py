"""groups: the same statement across outlets, and how its wording differs."""

from __future__ import annotations

from collections import defaultdict

from newsweave.model import Quote, Span, Speaker
from newsweave.quotes.groups import group_quotes, quote_words, wording_differences


def _q(article: str, text: str, speaker: str | None = "e-1", kind: str = "direct") -> Quote:
    return Quote(
        id=f"q-{article}-{len(text)}",
        span=Span(article, 0, len(text)),
        text=text,
        kind=kind,  # type: ignore[arg-type]
        speaker=Speaker("X", speaker) if speaker else None,
    )


def test_trimmed_and_reworded_quotes_join() -> None:
    quotes = group_quotes(
        [
            _q("a", "When I get there, you will know,"),
            _q("b", "I’ve got my programme there, and when I get there you’ll know,"),
            _q("c", "the cranes will move again on Friday", "e-2"),
        ]
    )
    assert quotes[0].group is not None
    assert quotes[0].group == quotes[1].group
    assert quotes[2].group is None


def test_groups_join_in_chains_and_take_the_first_quotes_id() -> None:
    # a ~ b and b ~ d, though a and d share no words: one statement, three outlets
    quotes = group_quotes(
        [
            _q("c", "the cranes will move again on Friday", "e-2"),
            _q("a", "the cranes will move again on Friday"),
            _q("b", "the cranes will move again on Friday, when the harbour reopens"),
            _q("d", "when the harbour reopens and the ferries run"),
        ]
    )
    assert quotes[0].group is None
    assert quotes[1].group == quotes[2].group == quotes[3].group == "g-" + quotes[1].id[2:]


def test_different_speakers_or_one_outlet_do_not_join() -> None:
    same_text = "We will rebuild the bridge within a year"
    quotes = group_quotes(
        [_q("a", same_text, "e-1"), _q("b", same_text, "e-2"), _q("c", same_text, None)]
    )
    assert all(q.group is None for q in quotes)
    quotes = group_quotes([_q("a", same_text), _q("a", same_text + " or two")])
    assert all(q.group is None for q in quotes)


def test_indirect_quotes_are_not_grouped() -> None:
    text = "the bridge would stay closed for two weeks"
    quotes = group_quotes([_q("a", text, kind="indirect"), _q("b", text, kind="indirect")])
    assert all(q.group is None for q in quotes)


def test_wording_differences() -> None:
    assert wording_differences("would be a violation of UN rules", "would violate UN rules") == [
        ("be a violation of", "violate")
    ]
    assert quote_words("You’ll know") == ["you", "will", "know"]


def test_example_story_groups(example_briefing) -> None:
    source = {a.id: a.source for a in example_briefing.articles}
    groups: dict[str, set[str]] = defaultdict(set)
    speakers: dict[str, set[str]] = defaultdict(set)
    for q in example_briefing.quotes:
        if q.group:
            groups[q.group].add(source[q.span.article_id])
            speakers[q.group].add(q.speaker.name if q.speaker else "")
    for group, outlets in groups.items():
        print(group, sorted(speakers[group]), sorted(outlets))
    by_speaker = {next(iter(s)): len(groups[g]) for g, s in speakers.items() if len(s) == 1}
    assert by_speaker.get("Elena Varga", 0) >= 4  # the mayor's "darkest morning" statement
    assert by_speaker.get("Ana Lucia Pereira", 0) >= 3  # "No one should cross a bridge …"
