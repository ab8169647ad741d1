"""renderers.excerpts: a briefing shared without its articles' full texts."""

from __future__ import annotations

from newsweave.model import Briefing
from newsweave.renderers.excerpts import cited_spans, without_article_text


def test_only_cited_passages_remain_at_their_offsets(example_briefing: Briefing) -> None:
    shared = without_article_text(example_briefing)
    originals = {a.id: a.text for a in example_briefing.articles}
    cited = set(cited_spans(example_briefing))
    for article in shared.articles:
        assert not article.full_text
        assert len(article.text) == len(originals[article.id])
        covered = [False] * len(article.text)
        for span in cited:
            if span.article_id == article.id:
                covered[span.start : span.end] = [True] * span.length
        kept = [c for c, keep in zip(article.text, covered, strict=True) if not keep]
        assert set(kept) <= {" "}, article.id  # nothing uncited survives
        assert article.text.split() != originals[article.id].split()
    for fact in shared.facts:
        for span in fact.support:
            shared_text = next(a.text for a in shared.articles if a.id == span.article_id)
            original = originals[span.article_id]
            assert shared_text[span.start : span.end] == original[span.start : span.end]


def test_markdown_and_json_need_no_full_text(example_briefing: Briefing) -> None:
    from newsweave.renderers import render

    shared = without_article_text(example_briefing)
    assert (
        render(shared, "md").split("\n## ")[1:3]
        == render(example_briefing, "md").split("\n## ")[1:3]
    )
    assert all(a["text"] is None for a in shared.to_dict()["articles"])
