"""One detail as one statement gives it: the value a report can be compared on.

:mod:`newsweave.facts.details` and :mod:`newsweave.facts.places` read them off the parse;
:mod:`newsweave.facts.claims` gives each what it measures and when.

Example:
    >>> from newsweave.model import Span
    >>> d = StatedDetail("number", "people:killed", "at least 78", "78", Span("a", 0, 11), 78, 1e9)
    >>> d.low <= 79 <= d.high
    True
"""

from __future__ import annotations

from dataclasses import dataclass

from newsweave.model import Detail, Span


@dataclass(frozen=True, slots=True)
class StatedDetail:
    """One detail as one statement gives it: what kind, of what, the value and its span.

    ``key`` is the value normalised for equality ("4", "neg", a place's name key). Numbers,
    and dates placed on the calendar, also carry the stretch ``low``–``high`` they allow.
    """

    detail: Detail
    about: str  # what the value is of: a unit and verb class, "venue", a verb lemma
    value: str  # as written
    key: str  # normalised, for equality
    span: Span
    low: float = 0.0
    high: float = 0.0
    within: tuple[str, ...] = ()  # places this place is said to be in: "the palace in Marseille"
