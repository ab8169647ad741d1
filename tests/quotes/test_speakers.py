"""speakers: a speaking subject resolved to a story entity by name, pronoun or description."""

from __future__ import annotations

from collections.abc import Callable

from newsweave.model import Quote
from newsweave.quotes.context import ArticleContext, LastSpeaker
from newsweave.quotes.speakers import resolve_speaker

QuoteOf = Callable[..., Quote]
HEAD = "Harbour talks stall\n\n"
HASK_SPOKE = (
    "Port director Miriam Hask said the talks would go on. “We will not sell,” Hask said.\n\n"
)
BRADY_WALKED = "Colm Brady, the union's leader, spent the morning at the docks.\n\n"


def _speaker(quote: Quote) -> str | None:
    return quote.speaker.name if quote.speaker else None


def test_pronoun_after_the_quote_is_the_last_speaker(quote_of: QuoteOf) -> None:
    # “…,” he added. — the last speaker quoted, not the last person named
    text = HEAD + HASK_SPOKE + BRADY_WALKED + "“The cranes will move again by Friday,” she said.\n"
    quote = quote_of("The cranes will move", text)
    assert _speaker(quote) == "Miriam Hask"
    assert quote.speaker_span is not None
    assert text[quote.speaker_span.start : quote.speaker_span.end] == "she"


def test_pronoun_long_after_the_last_speaker_is_the_nearest_person(quote_of: QuoteOf) -> None:
    # more than two paragraphs since Hask spoke: "he" is no longer taken to be her
    text = (
        HEAD
        + HASK_SPOKE
        + BRADY_WALKED
        + (
            "The ferries ran late all week.\n\n"
            "The cafés by the quay stayed shut.\n\n"
            "“The cranes will move again by Friday,” he said.\n"
        )
    )
    assert _speaker(quote_of("The cranes will move", text)) == "Colm Brady"


def test_pronoun_is_the_subject_of_the_sentence_before(quote_of: QuoteOf) -> None:
    # Hask met Brady. “…,” she said. — the subject, though Brady was named last
    text = HEAD + (
        "Port director Miriam Hask met union leader Colm Brady on Monday. "
        "“The cranes will move again by Friday,” she said.\n"
    )
    assert _speaker(quote_of("The cranes will move", text)) == "Miriam Hask"


def test_pronoun_is_the_subject_of_its_own_sentence(quote_of: QuoteOf) -> None:
    # In June, Kim sent a message to Putin …, where he said — the sentence's own subject
    text = HEAD + (
        "On Monday Miriam Hask wrote to Colm Brady, in which she said the cranes would "
        "move again by Friday.\n"
    )
    assert _speaker(quote_of("the cranes would move", text)) == "Miriam Hask"


def test_last_speaker_is_passed_explicitly(story: Callable[..., tuple]) -> None:
    text = HEAD + BRADY_WALKED + "“The cranes will move again by Friday,” she said.\n"
    annotations, entities = story(text)
    ctx = ArticleContext.of(annotations[0], entities)
    she = next(i for i in range(len(ctx.parse.tokens)) if ctx.parse.word(i) == "she")
    before = text.index("The cranes")
    hask = LastSpeaker("Miriam Hask", None, paragraph=0)
    found = resolve_speaker(ctx, she, before, hask)
    assert found is not None
    assert found[0].name == "Miriam Hask"
    found = resolve_speaker(ctx, she, before, None)  # nobody spoke yet: the nearest person
    assert found is not None
    assert found[0].name == "Colm Brady"


def test_description_speakers_resolve_to_entities(quote_of: QuoteOf) -> None:
    # the Kremlin's spokesperson → the entity whose role is Kremlin spokesman
    text = (
        "Water board spokesman Peter Amsel confirmed the closure on Monday.\n\n"
        "Later the spokesman added: “The reservoir is safe and the dam will hold.”\n"
    )
    quote = quote_of("The reservoir is safe", text)
    assert quote.speaker is not None
    assert quote.speaker.name == "Peter Amsel"
    assert quote.speaker.entity_id is not None


def test_a_description_is_never_a_name_only_other_outlets_give(quote_of: QuoteOf) -> None:
    # The other outlet names the spokesman; this one does not, so he stays undescribed.
    named = "Water board spokesman Peter Amsel confirmed the closure on Monday.\n"
    unnamed = (
        "The reservoir was closed on Monday.\n\n"
        "Later the spokesman added: “The reservoir is safe and the dam will hold.”\n"
    )
    quote = quote_of("The reservoir is safe", named, unnamed)
    assert quote.speaker is not None
    assert quote.speaker.name == "spokesman"
    assert quote.speaker.entity_id is None


def test_possessive_description_resolves_by_role(quote_of: QuoteOf) -> None:
    text = (
        "Dam shut\n\n"
        "Water board spokesman Peter Amsel confirmed the closure on Monday.\n\n"
        "The water board's spokesman said: “The reservoir is safe and the dam will hold.”\n"
    )
    quote = quote_of("The reservoir is safe", text)
    assert (_speaker(quote), quote.role) == ("Peter Amsel", "water board's spokesman")


def test_plural_description_is_many_people(quote_of: QuoteOf) -> None:
    # "Officials said": nobody in particular, though a director was just named
    text = HEAD + (
        "Port director Miriam Hask left early. On Monday the directors said: “The cranes will "
        "move.”\n"
    )
    quote = quote_of("The cranes will move", text)
    assert quote.speaker is not None
    assert (quote.speaker.name, quote.speaker.entity_id) == ("directors", None)


def test_name_in_apposition_speaks(quote_of: QuoteOf) -> None:
    # the top-ranking US military officer, General Mark Milley, said … — the name, though
    # the title alone would fit the deputy, who is mentioned more
    text = HEAD + (
        "Colm Brady, the port's deputy director, spoke first. Brady left at noon.\n\n"
        "The port's director, Miriam Hask, said: “The cranes will move by Friday.”\n"
    )
    quote = quote_of("The cranes will move", text)
    assert (_speaker(quote), quote.role) == ("Miriam Hask", "port's director")


def test_a_surname_the_parser_reads_as_a_noun_still_names_its_person(quote_of: QuoteOf) -> None:
    # "Hask responded: …" after another speaker's quote: the parser may take "Hask" for a
    # common noun with no name tagged; it still names this article's Miriam Hask.
    text = HEAD + (
        "Port director Miriam Hask met the union on Monday.\n\n"
        "“It was not easy to get here,” union leader Colm Brady said.\n\n"
        "Hask responded: “That is true.”\n"
    )
    quote = quote_of("That is true", text)
    assert _speaker(quote) == "Miriam Hask"


def test_a_capitalised_word_two_people_share_names_neither(quote_of: QuoteOf) -> None:
    text = HEAD + (
        "Miriam Hask and her brother Tomas Hask run the port.\n\nHask responded: “That is true.”\n"
    )
    quote = quote_of("That is true", text)
    assert quote.speaker is None or quote.speaker.entity_id is None


def test_a_document_speaks_for_whoever_issued_it(quote_of: QuoteOf) -> None:
    # "a U.N. resolution that demanded …": the relative pronoun stands for the resolution,
    # and the resolution for the organisation named in it
    text = HEAD + (
        "The port board cited a Harbour Council resolution that demanded "
        "“the immediate reopening of the eastern quay” last spring.\n"
    )
    quote = quote_of("the immediate reopening", text)
    assert _speaker(quote) == "Harbour Council"


def test_the_company_stays_unnamed_rather_than_guessed(quote_of: QuoteOf) -> None:
    # an article may name several organisations, or miss the company's name: "the company"
    # is left as written, not filled in with whichever organisation came last
    text = HEAD + (
        "Norvane Motors reported record earnings on Tuesday, well above forecasts.\n\n"
        "“Demand stayed strong through the quarter,” said the company in its statement.\n"
    )
    quote = quote_of("Demand stayed strong", text)
    assert quote.speaker is not None
    assert (quote.speaker.name, quote.speaker.entity_id) == ("company", None)


def test_a_new_subject_acting_on_the_last_speaker_takes_the_next_quote(quote_of: QuoteOf) -> None:
    # “…,” Hask said. / Brady later thanked Hask. / “…,” he told the crowd. — Brady's
    text = HEAD + (
        "“We will not sell the port,” Miriam Hask said on Monday.\n\n"
        "Union leader Colm Brady later thanked Hask.\n\n"
        "“The cranes will move again by Friday,” he told the crowd.\n"
    )
    assert _speaker(quote_of("The cranes will move", text)) == "Colm Brady"


def test_a_last_speaker_still_talking_keeps_the_next_quote(quote_of: QuoteOf) -> None:
    # … while Hask told reporters … / “…,” she said. — Hask goes on
    text = HEAD + (
        "“We will not sell the port,” Miriam Hask said on Monday.\n\n"
        "Union leader Colm Brady asked for calm, while Hask told reporters the talks went on.\n\n"
        "“The cranes will move again by Friday,” she said.\n"
    )
    assert _speaker(quote_of("The cranes will move", text)) == "Miriam Hask"


def test_a_possessive_is_no_one_acted_on(quote_of: QuoteOf) -> None:
    # "… criticised Smith's plan" keeps Smith the one talking
    text = HEAD + (
        "“We will cut taxes,” said Prime Minister Tavish Orme.\n\n"
        "Opposition leader Miriam Hask criticised Orme's plan on Tuesday.\n\n"
        "“It is fully funded,” he said.\n"
    )
    assert _speaker(quote_of("It is fully funded", text)) == "Tavish Orme"
