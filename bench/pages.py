"""Does newsweave read real pages as a careful reader would? Score briefings of the pages set.

Usage:
    python bench/pages.py                      # this checkout, every folder of bench/data/pages
    python bench/pages.py --ref 414137d        # the same, and that commit beside it
    python bench/pages.py --show pages-a       # every miss of one folder (or 'all')

Each folder is briefed as a user would (``newsweave.brief`` on its ``articles.jsonl``,
rendered as ``newsweave.briefing/1`` JSON) and the JSON is scored per page
(``evals/pagesgold.py``):

* **boilerplate removed**: gold boilerplate stretches at least 80% inside the article's
  ``removed`` spans; **body removed**: removed stretches with 20 letters or more outside
  every gold boilerplate stretch and the headline; **quotes removed**: gold quotes touched
  by a removed span;
* **headlines**: the article's ``title`` equal to the gold headline (both absent counts),
  and titles that are a gold boilerplate line;
* **entity types**: gold body entities found by name among the page's entities, and of
  those the share with the gold type; **junk**: listed entities no gold entity names;
* **speakers**: named direct quotes whose quote newsweave credits to a speaker sharing a
  name word with the gold one; **foreign names**: speakers whose name is nowhere in the
  quote's own page;
* **other languages**: pages not in English read by their own model or left without
  entities.
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

sys.path.insert(0, str(REPO / "evals"))
from _briefs import pct, score_main  # noqa: E402
from pagesgold import Score, load_all, score  # noqa: E402

DATA = REPO / "bench" / "data" / "pages"


def report(label: str, scores: dict[str, Score]) -> Score:
    total = Score()
    for s in scores.values():
        total.add(s)
    print(f"\n== {label}")
    rows = [*scores.items(), ("TOTAL", total)]
    print(
        "folder      pages boilerplate  bodyRm quoteRm headlines    types        junk"
        "         speakers     foreign other-lang"
    )
    for slug, s in rows:
        print(
            f"{slug:<11} {s.pages:>5} {pct(s.removed, s.boilerplate):<12} {s.body_removed:>6}"
            f" {s.quotes_removed:>7} {pct(s.headlines_right, s.headlines):<12}"
            f" {pct(s.entities_typed, s.entities_found):<12} {pct(s.junk, s.listed):<12}"
            f" {pct(s.speakers_right, s.named_quotes):<12} {s.foreign_names:>7}"
            f" {pct(s.non_english_handled, s.non_english)}"
        )
    print(
        f"entities found by name: {pct(total.entities_found, total.entities)}; "
        f"headlines that are boilerplate: {total.headlines_boilerplate}"
    )
    return total


def main() -> None:
    score_main(__doc__ or "", DATA, load_all, score, report, "folder")


if __name__ == "__main__":
    main()
