"""extract: direct, partial and indirect quotes with speakers (acceptance: evals/test_quotes.py)."""

from __future__ import annotations

from newsweave.model import Article, Quote
from newsweave.pipeline import brief_articles


def _quotes(nlp, *texts: str) -> list[Quote]:
    articles = [Article(f"t{i}", f"outlet{i}", None, t) for i, t in enumerate(texts)]
    return list(brief_articles(articles, nlp=nlp).quotes)


def _one(quotes: list[Quote], start: str) -> Quote:
    hits = [q for q in quotes if q.text.startswith(start)]
    assert len(hits) == 1, [q.text for q in quotes]
    return hits[0]


LAYOUTS = """Harbour talks stall in Lowvale

Port director Miriam Hask said: “We are not leaving the table until the cranes move again.”

The union's leader, Colm Brady, was blunt – “The offer is an insult,” he said on Monday.

“We have waited eleven months for a fair rota,” Brady told reporters. “The members are
tired of waiting.”

“Nobody wins a long strike. Not the port, not the crews, not the city.

“That is why we will be back on Thursday,” Hask said.

The company warned of “serious losses” if the dispute ran into the holiday season.

According to the harbour authority, "ships are already being diverted to Saltmere."

Interfax quoted Hask as saying that the talks would resume.

Lowvale mayor Peter Amsel said that the city would offer to mediate between the two sides.

An unbalanced mark opens here: “the union would not say more
"""


def test_quote_layouts(nlp) -> None:
    quotes = _quotes(nlp, LAYOUTS)
    colon = _one(quotes, "We are not leaving")
    assert (colon.kind, colon.speaker and colon.speaker.name) == ("direct", "Miriam Hask")
    assert colon.role == "Port director"
    dash = _one(quotes, "The offer is an insult")
    assert (dash.kind, dash.speaker and dash.speaker.name) == ("direct", "Colm Brady")
    split = _one(quotes, "The members are")  # the second half of a split quote
    assert split.speaker is not None
    assert split.speaker.name == "Colm Brady"
    first = _one(quotes, "Nobody wins a long strike")  # runs on into the next paragraph
    assert first.text.endswith("not the city.")
    assert first.speaker is not None
    assert first.speaker.name == "Miriam Hask"
    partial = _one(quotes, "serious losses")
    assert partial.kind == "partial"
    straight = _one(quotes, "ships are already")
    assert straight.speaker is not None
    assert "harbour authority" in straight.speaker.name.lower()
    indirect = _one(quotes, "the city would offer to mediate")
    assert (indirect.kind, indirect.speaker and indirect.speaker.name) == (
        "indirect",
        "Peter Amsel",
    )
    unbalanced = _one(quotes, "the union would not say more")
    assert unbalanced.span.end <= len(LAYOUTS)


def test_every_quote_has_provenance(nlp) -> None:
    quotes = _quotes(nlp, LAYOUTS)
    for q in quotes:
        assert LAYOUTS[q.span.start : q.span.end] == q.text
        if q.cue is not None:
            assert LAYOUTS[q.cue.start : q.cue.end].strip()
        if q.speaker_span is not None:
            assert LAYOUTS[q.speaker_span.start : q.speaker_span.end].strip()


def test_headline_quotes_are_partial(nlp) -> None:
    text = "Minister backs ‘urgent review’ of dam rules\n\nThe minister spoke on Monday.\n"
    quote = _one(_quotes(nlp, text), "urgent review")
    assert quote.kind == "partial"
    assert quote.speaker is None


HEAD = "Harbour talks stall\n\n"


def test_scare_quotes_are_partial(quote_of) -> None:
    # “Saboteurs” — two words or fewer with no attribution after them: a word quoted
    text = HEAD + "“Saboteurs” was the word Miriam Hask used on Monday.\n"
    assert quote_of("Saboteurs", text).kind == "partial"


def test_a_short_quote_with_its_attribution_is_direct(quote_of) -> None:
    text = HEAD + "“Never,” Miriam Hask said.\n"
    quote = quote_of("Never", text)
    assert quote.kind == "direct"
    assert quote.speaker is not None
    assert quote.speaker.name == "Miriam Hask"


def test_cue_and_comma_introduce_a_direct_quote(quote_of) -> None:
    # He said, “We will …”
    text = HEAD + "Port director Miriam Hask said, “The cranes will move again by Friday.”\n"
    assert quote_of("The cranes will move", text).kind == "direct"


def test_reported_speech_is_an_indirect_quote(quote_of) -> None:
    # X said that … — the clause, without "that", with its speaker
    text = HEAD + "Lowvale mayor Peter Amsel said that the city would offer to mediate.\n"
    quote = quote_of("the city would offer", text)
    assert quote.kind == "indirect"
    assert quote.text == "the city would offer to mediate"
    assert quote.speaker is not None
    assert quote.speaker.name == "Peter Amsel"
