"""The two quote extractors under test, reduced to one prediction record.

Both systems are turned into :class:`Predicted` records with character offsets into the
article text exactly as read, so the gold sets score them with the same code.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from newsweave.model import Briefing


@dataclass(frozen=True, slots=True)
class Predicted:
    """One predicted quote: content characters ``start:end`` of article ``doc``."""

    doc: str
    start: int
    end: int
    kind: str
    # Names the system gives for the speaker, best first: newsweave offers the resolved
    # entity's canonical name and the name as written; textacy only the words it found.
    speaker_names: tuple[str, ...] = ()
    speaker_start: int | None = None
    speaker_end: int | None = None
    group: str | None = None


def _inner(tokens: Sequence[Token]) -> Sequence[Token]:
    """Drop the quotation-mark tokens textacy keeps at both ends of its content."""
    first, last = 0, len(tokens)
    while first < last and tokens[first].is_quote:
        first += 1
    while last > first and tokens[last - 1].is_quote:
        last -= 1
    return tokens[first:last]


def textacy_quotes(doc_id: str, doc: Doc) -> tuple[list[Predicted], bool]:
    """Run ``textacy.extract.direct_quotations`` on a parsed doc.

    Returns the predictions and whether textacy gave up on the document: it raises
    ``ValueError`` when the number of quotation-mark tokens is odd (one stray ’ or ″ is
    enough), and then extracts nothing from the whole article. We count that as no
    predictions, which is what a user of textacy gets.
    """
    from textacy.extract import direct_quotations

    try:
        triples = list(direct_quotations(doc))
    except ValueError:
        return [], True
    out: list[Predicted] = []
    for triple in triples:
        content = _inner(list(triple.content))
        if not content:
            continue
        speaker = sorted(triple.speaker, key=lambda tok: tok.i)
        s_start = speaker[0].idx if speaker else None
        s_end = speaker[-1].idx + len(speaker[-1]) if speaker else None
        name = doc.text[s_start:s_end] if s_start is not None else ""
        out.append(
            Predicted(
                doc=doc_id,
                start=content[0].idx,
                end=content[-1].idx + len(content[-1]),
                kind="direct",
                speaker_names=(name,) if name else (),
                speaker_start=s_start,
                speaker_end=s_end,
            )
        )
    return out, False


def newsweave_quotes(briefing: Briefing) -> list[Predicted]:
    """Turn ``briefing.quotes`` into predictions (empty until quote extraction exists)."""
    entities = {entity.id: entity for entity in briefing.entities}
    out: list[Predicted] = []
    for quote in getattr(briefing, "quotes", ()):
        names: list[str] = []
        if quote.speaker is not None:
            entity = entities.get(quote.speaker.entity_id or "")
            if entity is not None:
                names.append(entity.name)
            names.append(quote.speaker.name)
        # speaker_span is newer than Quote itself; an older model simply has none.
        where = getattr(quote, "speaker_span", None)
        out.append(
            Predicted(
                doc=quote.span.article_id,
                start=quote.span.start,
                end=quote.span.end,
                kind=quote.kind,
                speaker_names=tuple(dict.fromkeys(n for n in names if n)),
                speaker_start=where.start if where is not None else None,
                speaker_end=where.end if where is not None else None,
                group=quote.group,
            )
        )
    return out


def by_doc(predictions: Iterable[Predicted]) -> dict[str, list[Predicted]]:
    """Group predictions by article id, keeping their order."""
    grouped: dict[str, list[Predicted]] = {}
    for prediction in predictions:
        grouped.setdefault(prediction.doc, []).append(prediction)
    return grouped


def join_interrupted(predictions: Iterable[Predicted], texts: dict[str, str]) -> list[Predicted]:
    """Join quotes split by their cue into one attribution, as PolNeAR annotates them.

    “It is over,” she said. “We lost.” is one PolNeAR attribution whose content runs from
    the first fragment to the last; both systems report two quotes. Two direct quotes of
    one article join when the text between them is short, stays in the paragraph, and
    they have the same speaker (or the second has none).
    """
    out: list[Predicted] = []
    for p in predictions:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.doc == p.doc
            and prev.kind == p.kind == "direct"
            and 0 <= p.start - prev.end <= 160
            and "\n" not in texts.get(p.doc, "")[prev.end : p.start]
            and (not p.speaker_names or p.speaker_names == prev.speaker_names)
        ):
            out[-1] = replace(prev, end=p.end)
            continue
        out.append(p)
    return out
