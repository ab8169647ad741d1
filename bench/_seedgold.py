"""Score quote predictions against ``shared/gold/quotes.json`` (the five seed reports).

Matching compares strings, because the gold gives each quote as text, not offsets:

* both strings are normalised: runs of whitespace become one space, and whitespace,
  quotation marks and ``, . ; :`` are stripped from both ends;
* **exact**: the normalised strings are equal;
* **lenient**: one contains the other and the shorter is at least 80 % of the longer
  (so ``It will be a full-fledged visit`` matches the gold quote with its trailing comma,
  but ``saboteurs`` does not match a whole sentence that contains it).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from _systems import Predicted

QUOTE_MARKS = "\"'“”‘’«»„‟‹›"
EDGE = QUOTE_MARKS + ",.;:" + " \t\r\n\u00a0"
LENIENT_RATIO = 0.8


@dataclass(frozen=True, slots=True)
class GoldQuote:
    """One hand-annotated quote of a seed report."""

    doc: str
    quote: str
    speaker: str
    partial: bool
    group: str | None


@dataclass(frozen=True, slots=True)
class SeedGold:
    """The gold quotes and, for each canonical speaker, the other names it goes by."""

    quotes: tuple[GoldQuote, ...]
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def groups(self) -> dict[str, list[int]]:
        """Gold group id -> indices of its quotes (only groups of two or more)."""
        groups: dict[str, list[int]] = {}
        for index, quote in enumerate(self.quotes):
            if quote.group:
                groups.setdefault(quote.group, []).append(index)
        return {key: members for key, members in groups.items() if len(members) > 1}


def load_seed_gold(path: Path) -> SeedGold:
    """Read ``quotes.json``."""
    data = json.loads(path.read_text(encoding="utf-8"))
    quotes = tuple(
        GoldQuote(
            doc=item["doc"],
            quote=item["quote"],
            speaker=item["speaker"],
            partial=bool(item.get("partial", False)),
            group=item.get("group"),
        )
        for item in data["quotes"]
    )
    aliases = {name: tuple(names) for name, names in data.get("speakers", {}).items()}
    return SeedGold(quotes=quotes, aliases=aliases)


def normalise(text: str) -> str:
    """Collapse whitespace and strip quote marks and ``,.;:`` from both ends."""
    return re.sub(r"\s+", " ", text).strip(EDGE)


def match_level(gold: str, predicted: str) -> str | None:
    """``"exact"``, ``"lenient"`` or ``None`` for a gold and a predicted quote text."""
    a, b = normalise(gold), normalise(predicted)
    if not a or not b:
        return None
    if a == b:
        return "exact"
    shorter, longer = sorted((a, b), key=len)
    if shorter in longer and len(shorter) >= LENIENT_RATIO * len(longer):
        return "lenient"
    return None


def _name_key(name: str) -> str:
    # "Putin's" compares without the possessive, "the US state department spokesperson"
    # without the article: neither changes who is named.
    name = re.sub(r"\s+", " ", name).strip(EDGE).casefold()
    name = re.sub(r"^the ", "", name)
    return re.sub(r"['’]s$", "", name).strip()


def speaker_correct(names: Sequence[str], gold: str, aliases: Sequence[str]) -> bool:
    """Whether any predicted name is the gold speaker.

    A name is right when it equals the canonical name or one of its aliases
    (case-insensitive, leading "the" and possessive dropped), or when its last word
    equals the canonical name's last word ("Russian President Vladimir Putin" for
    Vladimir Putin). A bare pronoun ("he") is never right: the user would not learn who
    spoke.
    """
    accepted = {_name_key(gold), *(_name_key(alias) for alias in aliases)}
    gold_last = _name_key(gold).split(" ")[-1]
    for name in names:
        key = _name_key(name)
        if not key:
            continue
        if key in accepted or key.split(" ")[-1] == gold_last:
            return True
    return False


@dataclass(frozen=True, slots=True)
class SeedScores:
    """Figures for one system at one matching level."""

    level: str
    direct_found: int
    direct_total: int
    partial_found: int
    partial_total: int
    correct_predictions: int
    predictions: int
    speaker_right: int
    speaker_total: int
    groups_found: int
    groups_total: int

    def as_dict(self) -> dict[str, float | int | str | None]:
        def ratio(a: int, b: int) -> float | None:
            return round(a / b, 4) if b else None

        return {
            "level": self.level,
            "direct_recall": ratio(self.direct_found, self.direct_total),
            "partial_recall": ratio(self.partial_found, self.partial_total),
            "precision": ratio(self.correct_predictions, self.predictions),
            "speaker_accuracy": ratio(self.speaker_right, self.speaker_total),
            "direct_found": self.direct_found,
            "direct_total": self.direct_total,
            "partial_found": self.partial_found,
            "partial_total": self.partial_total,
            "correct_predictions": self.correct_predictions,
            "predictions": self.predictions,
            "speaker_right": self.speaker_right,
            "speaker_total": self.speaker_total,
            "groups_found": self.groups_found,
            "groups_total": self.groups_total,
        }


def score_seeds(
    gold: SeedGold, predictions: Sequence[Predicted], texts: dict[str, str], level: str
) -> SeedScores:
    """Score direct and partial predictions against the seed gold at ``level``.

    ``level`` is ``"exact"`` (only exact matches count) or ``"lenient"`` (both count).
    Recall and precision each ask "is there any match in the same article", as the gold
    holds no duplicates; the speaker of a found gold quote is read from its best match
    (an exact one first, then the one closest in length).
    """
    accept = {"exact"} if level == "exact" else {"exact", "lenient"}
    quoted = [p for p in predictions if p.kind in ("direct", "partial")]
    pred_text = [texts[p.doc][p.start : p.end] for p in quoted]

    best: dict[int, int] = {}  # gold index -> prediction index
    correct = [False] * len(quoted)
    for g_index, g in enumerate(gold.quotes):
        candidates = []
        for p_index, p in enumerate(quoted):
            if p.doc != g.doc:
                continue
            found = match_level(g.quote, pred_text[p_index])
            if found in accept:
                correct[p_index] = True
                gap = abs(len(normalise(g.quote)) - len(normalise(pred_text[p_index])))
                candidates.append((found != "exact", gap, p_index))
        if candidates:
            best[g_index] = min(candidates)[2]

    speaker_right = sum(
        speaker_correct(
            quoted[p_index].speaker_names,
            gold.quotes[g_index].speaker,
            gold.aliases.get(gold.quotes[g_index].speaker, ()),
        )
        for g_index, p_index in best.items()
    )
    # A gold group is found when every member is found and the predictions that found
    # them carry one and the same group id.
    groups_found = 0
    for members in gold.groups.values():
        if all(m in best for m in members):
            ids = {quoted[best[m]].group for m in members}
            if len(ids) == 1 and None not in ids:
                groups_found += 1

    direct = [i for i, g in enumerate(gold.quotes) if not g.partial]
    partial = [i for i, g in enumerate(gold.quotes) if g.partial]
    return SeedScores(
        level=level,
        direct_found=sum(i in best for i in direct),
        direct_total=len(direct),
        partial_found=sum(i in best for i in partial),
        partial_total=len(partial),
        correct_predictions=sum(correct),
        predictions=len(quoted),
        speaker_right=speaker_right,
        speaker_total=len(best),
        groups_found=groups_found,
        groups_total=len(gold.groups),
    )
