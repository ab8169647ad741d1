"""Sentences with a paraphrase from another outlet and an unrelated sentence, to check
that an embedder puts the paraphrase closer (tests/embed)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from newsweave.embed import Embedder

# (sentence, a paraphrase from another outlet, an unrelated sentence from the same story mix)
TRIPLES = (
    (
        "Firefighters pulled two residents from a burning flat in Leith early on Sunday.",
        "Two people were rescued by fire crews from a blazing apartment in Leith on Sunday "
        "morning.",
        "The central bank raised its main interest rate by half a percentage point.",
    ),
    (
        "The ferry operator cancelled all crossings to the island because of high winds.",
        "Gales forced the ferry company to call off every sailing to the island.",
        "Police have arrested a 34-year-old man in connection with the warehouse burglary.",
    ),
    (
        "The council voted to close the library on Harbour Street at the end of March.",
        "Councillors approved the closure of the Harbour Street library from the end of March.",
        "The striker scored twice as the home side won the cup final 3-1.",
    ),
    (
        "Hospital staff said the injured driver was in a stable condition.",
        "The injured driver's condition was described as stable by hospital staff.",
        "Shares in the mining group fell sharply after it cut its profit forecast.",
    ),
)
# The lexical embedder only sees shared words, so its paraphrases reuse some of them.
LEXICAL_TRIPLES = (
    (
        "The mayor opened the new harbour bridge on Tuesday.",
        "On Tuesday the new harbour bridge was opened by the mayor.",
        "Heavy rain flooded dozens of homes in the valley.",
    ),
    (
        "Rescuers searched the collapsed building for survivors overnight.",
        "Survivors were searched for overnight in the collapsed building by rescue teams.",
        "The minister resigned after criticism of the budget.",
    ),
    (
        "Three men were charged with fraud after a two-year investigation.",
        "After a two-year investigation, fraud charges were brought against three men.",
        "The orchestra's new season opens with a Mahler symphony.",
    ),
)


def assert_paraphrases_closer(embedder: Embedder, triples: Sequence[tuple[str, str, str]]) -> None:
    margins = []
    for sentence, paraphrase, unrelated in triples:
        rows = embedder.encode([sentence, paraphrase, unrelated])
        close, far = float(rows[0] @ rows[1]), float(rows[0] @ rows[2])
        print(f"{embedder.name}: paraphrase {close:.3f} unrelated {far:.3f} | {sentence[:40]}")
        margins.append(close - far)
        assert close > far, sentence
    print(f"{embedder.name}: mean margin {np.mean(margins):.3f}")
