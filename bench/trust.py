"""Can a reader trust the facts? Score briefings of real coverage against the trust set.

Usage:
    python bench/trust.py                      # this checkout, every story in bench/data/trust
    python bench/trust.py --ref f103913        # the same, and that commit beside it
    python bench/trust.py --show itaewon       # every miss of one story, for reading

Each story is briefed as a user would (``newsweave.brief`` on its ``articles.jsonl``,
rendered as ``newsweave.briefing/1`` JSON), and the JSON is scored, so any commit's output
is scored by the same rules:

* **false consensus**: facts counted as agreed by 2+ outlets (no dispute on them) whose own
  sentence states a value of a quantity, or one side of a contested claim, that another
  outlet they count contradicts: in its evidence for the fact, or, where that evidence
  states no value of the quantity, everywhere in the article (no compatible value at all);
* **disagreements found**: quantities on which outlets give values that cannot both be
  true, found when one disputed fact has two variants whose evidence holds two such
  values; contested non-numeric claims, found when two variants' evidence lies in the
  sentences of two different sides;
* **invented disputes**: not-same pairs (dead vs injured, this wreck vs an earlier one)
  whose two values stand in two variants of one disputed fact;
* **consensus found**: gold consensus facts with an undisputed system fact over the same
  sentences whose outlets match the gold outlets with Jaccard >= 0.6;
* **citations**: for each summary sentence with a number, each cited article whose cited
  evidence holds every number of the sentence (a dispute sentence, which gives each
  outlet's own value: at least one); and summaries that give two incompatible values of
  one quantity in two sentences that are not a dispute.
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

sys.path.insert(0, str(REPO / "evals"))
from _briefs import pct, score_main  # noqa: E402
from trustgold import Score, load_all, score  # noqa: E402

DATA = REPO / "bench" / "data" / "trust"


def report(label: str, scores: dict[str, Score]) -> Score:
    total = Score()
    print(f"\n== {label}")
    head = (
        "story           arts falseCons  numeric     contested   invented    consensus   citations"
    )
    print(head)
    for slug, s in [*scores.items(), ("TOTAL", total)]:
        if slug == "TOTAL":
            for other in scores.values():
                total.add(other)
        print(
            f"{slug:<15} {s.articles:>4} {s.false_consensus:>3}/{s.agreed_facts:<5} "
            f"{pct(s.numeric_found, s.numeric):<11} {pct(s.contested_found, s.contested):<11} "
            f"{pct(s.invented, s.not_same):<11} {pct(s.consensus_found, s.consensus):<11} "
            f"{pct(s.citations_held, s.citations)}"
            + ("  SELF-CONTRADICTING" if s.summaries_contradicting else "")
        )
    print(
        "false consensus per 24 articles: "
        f"{24 * total.false_consensus / max(total.articles, 1):.1f}"
        f"; summaries contradicting themselves: {total.summaries_contradicting}/{len(scores)}"
    )
    return total


def main() -> None:
    score_main(__doc__ or "", DATA, load_all, score, report, "story")


if __name__ == "__main__":
    main()
