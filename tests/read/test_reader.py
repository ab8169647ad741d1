"""What a reader is: a Source's defaults, and a FormatReader made of claims and a function."""

from __future__ import annotations

from newsweave.model import Article
from newsweave.read import feeds, html, records, text
from newsweave.read._article import Origin, Outcome
from newsweave.read.reader import FormatReader, Reader, Source
from newsweave.settings import Settings


def test_a_source_from_a_url_has_no_suffix_and_no_client() -> None:
    source = Source(b"x", Origin.for_url("https://wire.example/a"), Settings())
    assert (source.suffix, source.client) == ("", None)


def test_a_format_reader_hands_the_source_to_its_function() -> None:
    seen: list[Source] = []

    def reads(source: Source) -> tuple[Outcome, ...]:
        seen.append(source)
        return (Article("a", source.origin.fallback_source, None, source.data.decode()),)

    reader: Reader = FormatReader("csv", frozenset({".csv"}), frozenset({"text/csv"}), reads)
    source = Source(b"Dam opens", Origin.for_path("in/wire.csv"), Settings(), ".csv")
    assert reader.read(source) == (Article("a", "wire", None, "Dam opens"),)
    assert seen == [source]


def test_the_built_in_readers_claim_lower_case_suffixes_with_the_dot() -> None:
    built_in = (text.READER, html.READER, records.READER, feeds.READER)
    assert [r.name for r in built_in] == ["text", "html", "records", "feed"]
    for reader in built_in:
        assert reader.suffixes
        assert all(s.startswith(".") and s == s.lower() for s in reader.suffixes)
        assert all("/" in m for m in reader.media_types)
    claimed = [s for r in built_in for s in r.suffixes]
    assert len(claimed) == len(set(claimed))  # no suffix is claimed twice
