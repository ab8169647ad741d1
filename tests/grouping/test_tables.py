"""tables: story features written as rows and read back unchanged."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
from sqlalchemy import MetaData

from newsweave.grouping.features import featurize
from newsweave.grouping.tables import (
    article_row,
    document_row,
    feature_columns,
    features_from_rows,
    story_tables,
)
from newsweave.model import Article
from storygold import own_set


def test_features_survive_the_round_trip_through_rows() -> None:
    arts, _ = own_set("close-events")
    arts.append(Article("empty", "Wire", None, ""))  # no words, no names, no day
    f = featurize(arts, "lexical")
    rows = [SimpleNamespace(**article_row(f, r)) for r in range(len(f))]
    back = features_from_rows(rows, f.dense.shape[1])
    assert (back.ids, back.langs, back.titles) == (f.ids, f.langs, f.titles)
    assert np.array_equal(back.days, f.days)
    assert np.array_equal(back.dense, f.dense)
    for ours, theirs in ((back.words, f.words), (back.names, f.names)):
        assert ours.shape == theirs.shape
        assert (ours != theirs).nnz == 0


def test_a_new_row_belongs_to_no_story_yet() -> None:
    f = featurize([Article("a", "Wire", "Dam opens", "The dam opened.")], "lexical")
    assert article_row(f, 0)["story"] is None


def test_no_rows_read_as_empty_features() -> None:
    assert len(features_from_rows([], 4096)) == 0


def test_the_feature_columns_are_what_a_row_holds() -> None:
    tables = story_tables(MetaData())
    assert set(tables) == {
        "meta",
        "articles",
        "documents",
        "pairs",
        "stories",
        "briefings",
        "sources",
        "seen",
    }
    f = featurize([Article("a", "Wire", "Dam opens", "The dam opened.")], "lexical")
    names = {c.name for c in feature_columns(tables["articles"])}
    assert names == set(article_row(f, 0)) - {"story"}


def test_a_document_row_holds_the_whole_article_and_its_place() -> None:
    from newsweave.grouping.documents import article_from_json

    arts, _ = own_set("close-events")
    row = document_row(arts[0], 7)
    assert (row["id"], row["seq"], row["source"]) == (arts[0].id, 7, arts[0].source)
    assert row["published"] == (arts[0].published.isoformat() if arts[0].published else None)
    assert article_from_json(row["record"]) == arts[0]
    assert set(row) == {c.name for c in story_tables(MetaData())["documents"].columns}
