"""The cheap features that decide story membership: words, names, a dense lead, a day.

Story grouping must run over millions of articles, so it never parses: it reads the
headline and the lead, weights words and capitalised names by how rare they are in the
article's language (a fixed background table from ``wordfreq``, so an article's features
never depend on which other articles came with it), embeds headline and lead with the
sentence embedder, and takes a day from the metadata or the first full date in the lead.

Example:
    >>> from newsweave.model import Article
    >>> a = Article("a1", "Wire", "Quake hits Vessmark", "VESSMARK (Wire) — A quake hit Vessmark "
    ...             "on Sept 12, 2023, officials said.")
    >>> f = featurize([a], embedder="lexical")
    >>> f.ids, ordinal_day(int(f.days[0])), f.langs
    (('a1',), datetime.date(2023, 9, 12), ('en',))
    >>> sorted(names_of(a.title + ". " + a.text, "en"))
    ['quake', 'vessmark']
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from numpy.typing import NDArray
from scipy import sparse

from newsweave.dates.article_date import url_date
from newsweave.dates.written import find_full_dates
from newsweave.embed import Embedder, fold_word, get_embedder
from newsweave.lexicon.people import NOT_NAMES
from newsweave.model import Article
from newsweave.nlp.language import WORD_TOKEN as _TOKEN
from newsweave.nlp.language import language_of
from newsweave.text.clean import clean_article

FEATURE_VERSION = "story-features/3"  # stored with features; change it when they change
HASH_DIM = 1 << 20
LEAD_CHARS = 1500  # words and names come from the headline and this much of the kept body
DENSE_CHARS = 240  # the dense vector reads the headline and about two lead sentences
FEATURE_BLOCK = 2048  # articles featurised together (the embedder batches within)
MIN_IDF = 1.5  # terms commoner than this (Zipf above 5.5: "said", "people") are left out
DATE_CHARS = 800  # a full date this near the top of the text dates the article
NO_DAY = -1

_URL_LINE = re.compile(r"https?://\S+")
_SENTENCE_END = re.compile(r"[.!?…:;\"“”«»()\n—–]\s*$")
Floats = NDArray[np.float32]


@dataclass(frozen=True, slots=True)
class StoryFeatures:
    """Rows of features for a batch of articles, in the order given.

    Attributes:
        ids: article ids.
        days: proleptic ordinal of each article's day, ``NO_DAY`` when unknown.
        langs: ISO 639-1 codes, from the article or guessed from its function words.
        words: L2-normalised TF-IDF over hashed words (``HASH_DIM`` columns).
        names: L2-normalised TF-IDF over hashed capitalised names.
        dense: unit rows from the sentence embedder over headline and lead.
        titles: the headline, or the first line of the body when there is none.
    """

    ids: tuple[str, ...]
    days: NDArray[np.int64]
    langs: tuple[str, ...]
    words: sparse.csr_matrix
    names: sparse.csr_matrix
    dense: Floats
    titles: tuple[str, ...]

    def __len__(self) -> int:
        return len(self.ids)

    def take(self, rows: Sequence[int] | NDArray[np.intp]) -> StoryFeatures:
        """The features of ``rows`` only, in that order."""
        index = np.asarray(rows, dtype=np.intp)
        return StoryFeatures(
            ids=tuple(self.ids[i] for i in index),
            days=self.days[index],
            langs=tuple(self.langs[i] for i in index),
            words=self.words[index],
            names=self.names[index],
            dense=self.dense[index],
            titles=tuple(self.titles[i] for i in index),
        )


def concat_features(parts: Sequence[StoryFeatures], dim: int) -> StoryFeatures:
    """One :class:`StoryFeatures` holding ``parts`` in order; ``dim`` is the dense width."""
    if not parts:
        return StoryFeatures(
            (),
            np.zeros(0, dtype=np.int64),
            (),
            sparse.csr_matrix((0, HASH_DIM), dtype=np.float32),
            sparse.csr_matrix((0, HASH_DIM), dtype=np.float32),
            np.zeros((0, dim), dtype=np.float32),
            (),
        )
    return StoryFeatures(
        ids=tuple(i for p in parts for i in p.ids),
        days=np.concatenate([p.days for p in parts]),
        langs=tuple(x for p in parts for x in p.langs),
        words=sparse.vstack([p.words for p in parts], format="csr"),
        names=sparse.vstack([p.names for p in parts], format="csr"),
        dense=np.vstack([p.dense for p in parts]).astype(np.float32, copy=False),
        titles=tuple(t for p in parts for t in p.titles),
    )


def featurize(
    articles: Sequence[Article],
    embedder: Embedder | str = "auto",
    *,
    progress: Callable[[int], None] | None = None,
) -> StoryFeatures:
    """Story features for ``articles`` (see :class:`StoryFeatures`), a block at a time so
    memory holds the finished rows and one block's working set.

    Args:
        articles: articles as read; boilerplate is found and skipped here.
        embedder: an :class:`~newsweave.embed.Embedder` or its registered name.
        progress: called with the number of articles done after each block.
    """
    model = get_embedder(embedder) if isinstance(embedder, str) else embedder
    parts = []
    for start in range(0, len(articles), FEATURE_BLOCK):
        block = articles[start : start + FEATURE_BLOCK]
        parts.append(_featurize_block(block, model))
        if progress is not None:
            progress(len(block))
    return concat_features(parts, model.dim)


def _featurize_block(articles: Sequence[Article], model: Embedder) -> StoryFeatures:
    word_rows: list[dict[int, float]] = []
    name_rows: list[dict[int, float]] = []
    leads: list[str] = []
    days: list[int] = []
    langs: list[str] = []
    titles: list[str] = []
    for article in articles:
        title, lead, url = headline_and_lead(article)
        lang = language_of(article)
        text = f"{title}.\n{lead}" if title else lead
        words, names = terms_of(text, lang)
        word_rows.append(_weights(words, lang))
        name_rows.append(_weights(names, lang))
        leads.append(f"{title}. {lead[:DENSE_CHARS]}" if title else lead[:DENSE_CHARS])
        days.append(day_of(article, url))
        langs.append(lang)
        titles.append(title or lead.split("\n", 1)[0][:200])
    dense = model.encode(leads) if leads else np.zeros((0, model.dim), dtype=np.float32)
    return StoryFeatures(
        ids=tuple(a.id for a in articles),
        days=np.asarray(days, dtype=np.int64),
        langs=tuple(langs),
        words=_matrix(word_rows),
        names=_matrix(name_rows),
        dense=np.asarray(dense, dtype=np.float32),
        titles=tuple(titles),
    )


def headline_and_lead(article: Article) -> tuple[str, str, str]:
    """The headline, the first ``LEAD_CHARS`` of the kept body (boilerplate skipped), and
    the article's URL (its own, or a URL standing alone on the first line of a saved page).

    Example:
        >>> a = Article("a", "s", None, "https://x.org/a/1\\nQuake hits Vessmark\\nA quake hit.")
        >>> headline_and_lead(a)
        ('Quake hits Vessmark', 'A quake hit.', 'https://x.org/a/1')
    """
    cleaned = clean_article(article)
    title = (cleaned.title or "").strip()
    url = article.url or ""
    kept: list[str] = []
    size = 0
    for span in cleaned.kept_spans():
        for line in cleaned.text[span.start : span.end].split("\n"):
            line = line.strip()
            if not line:
                continue
            if not kept and not url and _URL_LINE.fullmatch(line):
                url = line
                continue
            kept.append(line)
            size += len(line)
        if size >= LEAD_CHARS:
            break
    lead = "\n".join(kept)[:LEAD_CHARS]
    if not title:
        first, _, rest = lead.partition("\n")
        if 0 < len(first) <= 200 and rest:
            return first.strip(), rest.strip(), url
    return title, lead, url


def day_of(article: Article, url: str = "") -> int:
    """The article's day as an ordinal: its metadata date, else the first full date near
    the top ("Updated: July 7, 2012", "2023-09-12"), else a date in its URL, else ``NO_DAY``."""
    if article.published is not None:
        return article.published.toordinal()
    found = find_full_dates(article.text[:DATE_CHARS])
    if found:
        return found[0][2].toordinal()
    day = url_date(url) if url else None
    return day.toordinal() if day else NO_DAY


def words_of(text: str, lang: str) -> Counter[str]:
    """Lower-cased content words and numbers of ``text`` (English words suffix-folded)."""
    return terms_of(text, lang)[0]


def names_of(text: str, lang: str) -> Counter[str]:
    """Capitalised names in ``text``: each name word, and each name of several words whole.

    A capitalised word opening a sentence counts only when it is rare as a common word
    ("Vessmark said" yes, "Officials said" no).

    Example:
        >>> sorted(names_of("Officials in North Harbor said. Mayor Ilse Marrow agreed.", "en"))
        ['harbor', 'ilse', 'ilse marrow', 'marrow', 'north', 'north harbor']
    """
    return terms_of(text, lang)[1]


def terms_of(text: str, lang: str) -> tuple[Counter[str], Counter[str]]:
    """:func:`words_of` and :func:`names_of` of ``text`` in one pass over its tokens."""
    words: Counter[str] = Counter()
    names: Counter[str] = Counter()
    run: list[str] = []
    for m in _TOKEN.finditer(text):
        word, folded, capital = _token(m.group(), lang)
        if folded:
            words[folded] += 1
        if capital:
            opens = _opens_sentence(text, m.start())
            if opens:  # a name never runs across sentences
                if len(run) > 1:
                    names[" ".join(run)] += 1
                run = []
                capital = not _common(word, lang)
        if capital:
            run.append(word)
            names[word] += 1
            continue
        if len(run) > 1:
            names[" ".join(run)] += 1
        run = []
    if len(run) > 1:
        names[" ".join(run)] += 1
    return words, names


@lru_cache(maxsize=1 << 18)
def _token(token: str, lang: str) -> tuple[str, str, bool]:
    """A token's lower-cased word, its word feature ("" for none) and whether it may be
    part of a name."""
    word = token.lower().removesuffix("'s").removesuffix("’s").strip(".")
    if len(word) <= 1:
        return word, "", False
    folded = fold_word(word) if lang == "en" else word
    return word, folded, token[0].isupper() and word not in NOT_NAMES


def _opens_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start]
    return not before.strip() or bool(_SENTENCE_END.search(before))


@lru_cache(maxsize=1 << 18)
def _common(word: str, lang: str) -> bool:
    return _zipf(word, lang) >= 4.0


@lru_cache(maxsize=1 << 20)
def _term(term: str, lang: str) -> tuple[int, float]:
    """Column and IDF-like weight of ``term``: 7 minus its Zipf frequency, so "the" weighs
    nothing and a word never seen (a new name) weighs most."""
    digest = hashlib.blake2b(term.encode(), digest_size=8).digest()
    column = int.from_bytes(digest, "little") % HASH_DIM
    zipf = max(_zipf(part, lang) for part in term.split(" ")) if " " in term else _zipf(term, lang)
    return column, max(0.0, 7.0 - zipf)


@lru_cache(maxsize=1 << 18)
def _zipf(word: str, lang: str) -> float:
    from wordfreq import zipf_frequency

    try:
        return float(zipf_frequency(word, lang if lang in _wordfreq_languages() else "en"))
    except (ValueError, LookupError):
        return 0.0


@lru_cache(maxsize=1)
def _wordfreq_languages() -> frozenset[str]:
    from wordfreq import available_languages

    return frozenset(available_languages())


def _weights(counts: Counter[str], lang: str) -> dict[int, float]:
    row: dict[int, float] = {}
    for term, count in counts.items():
        column, idf = _term(term, lang)
        if idf >= MIN_IDF:
            row[column] = row.get(column, 0.0) + (1.0 + math.log(count)) * idf
    norm = math.sqrt(sum(v * v for v in row.values()))
    return {k: v / norm for k, v in row.items()} if norm > 0 else {}


def _matrix(rows: list[dict[int, float]]) -> sparse.csr_matrix:
    indptr = np.zeros(len(rows) + 1, dtype=np.int64)
    indptr[1:] = np.cumsum([len(r) for r in rows])
    indices = np.fromiter((k for r in rows for k in r), dtype=np.int32, count=int(indptr[-1]))
    data = np.fromiter((v for r in rows for v in r.values()), np.float32, count=int(indptr[-1]))
    return sparse.csr_matrix((data, indices, indptr), shape=(len(rows), HASH_DIM))


def ordinal_day(value: int) -> dt.date | None:
    """The date of an ordinal from :attr:`StoryFeatures.days`, or None for ``NO_DAY``."""
    return None if value == NO_DAY else dt.date.fromordinal(value)
