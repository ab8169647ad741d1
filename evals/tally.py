"""A scorer's tally: counts that add up across stories, and the misses behind them.

Example:
    >>> from dataclasses import dataclass
    >>> @dataclass
    ... class Hits(Tally):
    ...     found: int = 0
    >>> total = Hits()
    >>> total.add(Hits(["missed x"], 2)); total.add(Hits([], 3))
    >>> total.found, total.misses
    (5, ['missed x'])
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Self


@dataclass
class Tally:
    misses: list[str] = field(default_factory=list)

    def add(self, other: Self) -> None:
        """Add ``other``'s counts (every int field) and misses to this tally."""
        for name, value in vars(other).items():
            if isinstance(value, int):
                setattr(self, name, getattr(self, name) + value)
        self.misses += other.misses
