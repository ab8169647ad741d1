"""attribution: the cue verb of a quote and its speaking subject, one rule per test."""

from __future__ import annotations

from collections.abc import Callable

from newsweave.model import Quote

QuoteOf = Callable[..., Quote]
HEAD = "Harbour talks stall\n\n"


def _speaker(quote: Quote) -> str | None:
    return quote.speaker.name if quote.speaker else None


def test_speaker_after_the_quote(quote_of: QuoteOf) -> None:
    # “…,” Mr Putin said.
    text = HEAD + "“We will not sell the port,” Miriam Hask said on Monday.\n"
    quote = quote_of("We will not sell", text)
    assert (quote.kind, _speaker(quote)) == ("direct", "Miriam Hask")
    assert quote.cue is not None
    assert text[quote.cue.start : quote.cue.end] == "said"


def test_attribution_after_a_quote_that_does_not_open_its_sentence(quote_of: QuoteOf) -> None:
    # Then “…,” X said. — a full quote, though words come before it
    text = HEAD + "Then “we will not sell the port,” Miriam Hask said.\n"
    quote = quote_of("we will not sell", text)
    assert (quote.kind, _speaker(quote)) == ("direct", "Miriam Hask")


def test_cue_verb_before_the_quote(quote_of: QuoteOf) -> None:
    # X said: “…” — the quote hangs from the saying verb; the title comes with the name.
    text = HEAD + "Port director Miriam Hask said: “The cranes will move again by Friday.”\n"
    quote = quote_of("The cranes will move", text)
    assert (quote.kind, _speaker(quote), quote.role) == ("direct", "Miriam Hask", "Port director")


def test_fragment_belongs_to_the_verb_it_hangs_from(quote_of: QuoteOf) -> None:
    # warned of “serious losses”
    text = HEAD + "Port director Miriam Hask warned of “serious losses” if the dispute ran on.\n"
    quote = quote_of("serious losses", text)
    assert (quote.kind, _speaker(quote)) == ("partial", "Miriam Hask")


def test_according_to_names_the_speaker(quote_of: QuoteOf) -> None:
    # according to X, “…”
    text = HEAD + "According to port director Miriam Hask, “the cranes will move by Friday.”\n"
    quote = quote_of("the cranes will move", text)
    assert _speaker(quote) == "Miriam Hask"
    assert quote.cue is not None
    assert text[quote.cue.start : quote.cue.end] == "According to"


def test_quoted_as_saying_names_the_relay(quote_of: QuoteOf) -> None:
    # Interfax quoted Shoigu as saying that … — Shoigu speaks, via Interfax.
    text = (
        "Dam inquiry opens\n\n"
        "The Lowvale Gazette quoted the engineer Ruth Okafor as saying that the spillway "
        "had never been tested at full load.\n"
    )
    quote = quote_of("the spillway", text)
    assert quote.kind == "indirect"
    assert quote.speaker is not None
    assert quote.speaker.name == "Ruth Okafor"
    assert quote.via is not None
    assert "Gazette" in quote.via


def test_quoted_as_saying_a_direct_quote(quote_of: QuoteOf) -> None:
    text = HEAD + (
        "The Lowvale Gazette quoted port director Miriam Hask as saying: "
        "“The cranes will move again by Friday.”\n"
    )
    quote = quote_of("The cranes will move", text)
    assert (_speaker(quote), quote.via) == ("Miriam Hask", "The Lowvale Gazette")


def test_quote_paragraph_with_no_cue_continues_the_previous_speaker(quote_of: QuoteOf) -> None:
    # “Do they understand …?” Mr Putin said. [new paragraph] “Are they trying …?”
    text = HEAD + (
        "“We will not sell the port,” Miriam Hask said on Monday.\n\n"
        "“The cranes will move again by Friday.”\n"
    )
    assert _speaker(quote_of("The cranes will move", text)) == "Miriam Hask"


def test_continuation_ends_after_a_paragraph(quote_of: QuoteOf) -> None:
    text = HEAD + (
        "“We will not sell the port,” Miriam Hask said on Monday.\n\n"
        "The ferries ran late all week.\n\n"
        "“The cranes will move again by Friday.”\n"
    )
    assert quote_of("The cranes will move", text).speaker is None


def test_quote_after_its_speakers_sentence(quote_of: QuoteOf) -> None:
    # The Kremlin spokesperson dismissed such warnings … “While implementing …”
    text = HEAD + (
        "Port director Miriam Hask dismissed the warnings on Monday. "
        "“The cranes will move again by Friday.”\n"
    )
    assert _speaker(quote_of("The cranes will move", text)) == "Miriam Hask"


def test_quote_running_on_takes_the_attribution_of_its_end(quote_of: QuoteOf) -> None:
    # “Nobody wins a long strike. [no closing mark] / “That is why …,” Hask said.
    text = HEAD + (
        "“Nobody wins a long strike. Not the port, not the crews.\n\n"
        "“That is why we will be back on Thursday,” Miriam Hask said.\n"
    )
    quote = quote_of("Nobody wins", text)
    assert quote.text.endswith("not the crews.")
    assert _speaker(quote) == "Miriam Hask"


def test_a_speaker_who_mentioned_it(quote_of: QuoteOf) -> None:
    text = "Talks end\n\n“We will save a great deal of money,” Mayor Ana Ruiz mentioned.\n"
    quote = quote_of("We will save", text)
    assert quote.speaker is not None
    assert "Ana Ruiz" in quote.speaker.name


def test_according_to_in_the_quotes_own_clause_wins_over_a_verb_above_it(
    quote_of: QuoteOf,
) -> None:
    # The parser may hang "was" off "demanded"; the clause the words stand in names its source.
    text = (
        "Harbour report\n\nEven so, the council’s use of wording from a June harbour report "
        "that criticised “the slow pace of repairs” and demanded “an urgent review” of the "
        "budget was a “real turning point,” according to Miriam Hask, director of the Port "
        "Trust.\n"
    )
    quote = quote_of("real turning point", text)
    assert quote.speaker is not None
    assert quote.speaker.name == "Miriam Hask"


def test_a_saying_verb_keeps_its_speaker_beside_according_to(quote_of: QuoteOf) -> None:
    # "according to a translation" says how the words came, not who said them
    text = (
        'Talks\n\nThe Westmarch leader Ana Ruiz said, "It was not easy to get here, and we '
        'are here today," according to a translation.\n'
    )
    quote = quote_of("It was not easy", text)
    assert quote.speaker is not None
    assert "Ana Ruiz" in quote.speaker.name


def test_according_to_inside_the_quote_is_no_attribution(quote_of: QuoteOf) -> None:
    # “But according to the report …”: the quote's own words name no speaker of it
    text = HEAD + (
        "“The search goes on,” Miriam Hask said on Monday. “But according to the report this "
        "morning, no one was found.”\n"
    )
    quote = quote_of("But according to the report", text)
    assert _speaker(quote) == "Miriam Hask"


def test_a_speaker_goes_on_through_a_paragraph_of_what_she_said(quote_of: QuoteOf) -> None:
    # “…,” Hask said. / She insisted that … / “…” — the quote with no cue is still hers
    text = HEAD + (
        "“We will not sell the port,” Miriam Hask said on Monday.\n\n"
        "The union met in the afternoon to discuss the offer.\n\n"
        "She insisted that the cranes would move again by Friday.\n\n"
        "“The first crane moves on Wednesday. The rest follow on Friday.”\n"
    )
    quote = quote_of("The first crane moves", text)
    assert _speaker(quote) == "Miriam Hask"


def test_a_new_subject_in_between_ends_the_speakers_turn(quote_of: QuoteOf) -> None:
    text = HEAD + (
        "“We will rebuild every street,” Miriam Hask said on Monday.\n\n"
        "The governor, Tavish Orme, toured the flooded quay on Tuesday.\n\n"
        "He promised to pay for the repairs.\n\n"
        "“Every family will get help before winter.”\n"
    )
    assert _speaker(quote_of("Every family will get help", text)) != "Miriam Hask"
