"""Read ECB+ (Cybulska & Vossen, LREC 2014) as articles with gold cross-document event links.

Usage:  python bench/_ecbplus.py [TOPIC ...]    (default topics 1 13 12; prints counts and timing)

The corpus is read at run time from ``shared/corpora/ecbplus`` (``NEWSWEAVE_SHARED`` points
at the shared folder, as for ``bench/quotes.py``); nothing of it is copied into the repo.

Layout: ``ECB+_LREC2014/ECB+/<topic>/<topic>_<n>ecb.xml`` (subtopic 1, the original ECB
event) and ``..._<n>ecbplus.xml`` (subtopic 2, a second event of the same kind). Each file
holds ``<token t_id sentence number>`` elements, then ``<Markables>`` anchored on token ids,
then ``<Relations>``. A ``CROSS_DOC_COREF`` relation links source mentions to one target
markable that has no tokens and carries the chain's ``instance_id`` (the relation's
``note`` repeats it); the same ``instance_id`` in two documents means the same event.
Sentence 0 of every ``ecbplus`` file is the page's URL, tokenised; we keep it, unspaced,
as the first paragraph so that paragraph ``i`` is ECB+ sentence ``i``.

Example:
    >>> docs = load_ecb_docs(["1"])  # doctest: +SKIP
    >>> start, end = docs[0].sentence_spans[1]  # doctest: +SKIP
    >>> docs[0].article.text[start:end][:14]  # doctest: +SKIP
    '"We appreciate'
"""

from __future__ import annotations

import csv
import os
import re
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from newsweave.errors import InputError
from newsweave.model import Article

DEFAULT_SHARED = Path(__file__).resolve().parents[2] / "shared"
RELEASE = "ECB+_LREC2014"
SENTENCES_CSV = "ECBplus_coreference_sentences.csv"

SentenceKey = tuple[str, int]
"""(document name, ECB+ sentence number), e.g. ``("1_10ecb", 3)``."""

_EVENT_TAGS = ("ACTION_", "NEG_ACTION_")
_DOC_NAME = re.compile(r"(\d+)_(\d+)(ecb|ecbplus)")

# Tokens glued to the token before them: "said ," -> "said,"; "did n't" -> "didn't".
_NO_SPACE_BEFORE = frozenset(
    {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'", "n't", "'s", "'re", "'ll", "'ve"}
    | {"'d", "'m", "”", "’"}
)
# Tokens glued to the token after them: "( AP" -> "(AP"; "$ 5" -> "$5".
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "$", "“", "‘"})
# What follows an apostrophe token in the ecbplus tokenisation: "Lawrence ’ s" -> "Lawrence’s".
_CLITIC_TAILS = frozenset({"s", "t", "re", "ll", "ve", "d", "m"})


@dataclass(frozen=True, slots=True)
class EcbDoc:
    """One ECB+ document as an :class:`Article`, with its sentences and gold event chains.

    ``sentence_spans[i]`` are the offsets of ECB+ sentence ``i`` in ``article.text``;
    ``sentence_chains[i]`` the cross-document event chains (``instance_id``) mentioned in
    it, leaving out chains found in only one loaded document; ``annotated`` the sentence
    numbers that ``ECBplus_coreference_sentences.csv`` lists for this document.

    Example:
        >>> art = Article("1_1ecb", "1_1ecb", None, "A b.\\n\\nC d.")
        >>> doc = EcbDoc(art, ((0, 4), (6, 10)), "1", "1_ecb")
        >>> doc.sentence_text(1)
        'C d.'
    """

    article: Article
    sentence_spans: tuple[tuple[int, int], ...]
    topic: str
    subtopic: str
    sentence_chains: tuple[frozenset[str], ...] = ()
    annotated: frozenset[int] = frozenset()

    @property
    def name(self) -> str:
        return self.article.id

    def sentence_text(self, number: int) -> str:
        """The text of ECB+ sentence ``number``."""
        start, end = self.sentence_spans[number]
        return self.article.text[start:end]


def shared_dir() -> Path:
    """The shared data folder: ``$NEWSWEAVE_SHARED``, else ``shared`` beside the repo."""
    return Path(os.environ.get("NEWSWEAVE_SHARED", DEFAULT_SHARED))


def default_root() -> Path:
    """Where ECB+ lies unless told otherwise: ``<shared>/corpora/ecbplus``."""
    return shared_dir() / "corpora" / "ecbplus"


def detokenise(
    tokens: Sequence[str], quote_open: bool = False, hyphens_split: bool = False
) -> tuple[str, bool]:
    """Join one sentence's tokens into readable text; return it and whether a quote is open.

    ``quote_open`` carries the state of straight double quotes across the sentences of a
    document, since a quotation may run over several sentences. ``hyphens_split`` says the
    tokeniser cut words at hyphens (the ``ecbplus`` files: "Bush - era"), so a lone ``-``
    between words is glued back; in the ``ecb`` files a lone ``-`` is a dash.

    Example:
        >>> detokenise(["``", "We", "did", "n't", ",", "''", "he", "said", "."])[0]
        '"We didn\\'t," he said.'
        >>> detokenise(["Lawrence", "’", "s", "$", "4", ".", "9", "(", "bn", ")"])[0]
        'Lawrence’s $4.9 (bn)'
    """
    joiners = ("-", "/") if hyphens_split else ("/",)
    words: list[str] = []
    glue_before: list[bool] = []
    glue_after: list[bool] = []
    toks = [t.strip() for t in tokens]
    toks = [t for t in toks if t]
    for i in range(len(toks) - 1, 0, -1):
        if toks[i] == toks[i - 1] == "'":  # "Scrubs , ' '" -- a closing '' cut in two
            toks[i - 1 : i + 1] = ["''"]
    last = len(toks) - 1
    for i, tok in enumerate(toks):
        prev = toks[i - 1] if i > 0 else ""
        nxt = toks[i + 1] if i < last else ""
        before = tok.lower() in _NO_SPACE_BEFORE
        after = tok in _NO_SPACE_AFTER
        word = tok
        if tok == "``":
            word, after, quote_open = '"', True, True
        elif tok == "''":
            word, before, quote_open = '"', True, False
        elif tok == '"':
            # "It's unfair . "  — first opens, last closes, otherwise follow the open state
            opening = (i == 0 and last > 0) or (i != last and not quote_open)
            before, after, quote_open = not opening, opening, opening
        else:
            word = tok.replace("``", '"').replace("''", '"')
            quote_open ^= word.count('"') % 2 == 1
            between_words = prev[-1:].isalnum() and nxt[:1].isalnum()
            between_digits = prev[-1:].isdigit() and nxt[:1].isdigit()
            if tok in ("’", "'") and prev[-1:].isalnum() and nxt.lower() in _CLITIC_TAILS:
                before = after = True  # "can ’ t" -> "can’t"
            elif (tok in joiners and between_words) or (tok in (".", ":") and between_digits):
                before = after = True  # "Bush - era", "6 / 6 / 2013", "12 : 28", "6 . 1"
            elif tok == "," and prev[-1:].isdigit() and re.fullmatch(r"\d{3}", nxt):
                before = after = True  # "20 , 000" -> "20,000"; not "June 20 , 2005"
            elif tok == nxt == "-":
                after = True  # "Bam - - situated" -> "Bam -- situated"
        words.append(word)
        glue_before.append(before)
        glue_after.append(after)
    parts: list[str] = []
    for i, word in enumerate(words):
        if i and not (glue_after[i - 1] or glue_before[i]):
            parts.append(" ")
        parts.append(word)
    return "".join(parts), quote_open


def _doc_sort_key(path: Path) -> tuple[int, int, int]:
    match = _DOC_NAME.fullmatch(path.stem)
    if not match:
        return (sys.maxsize, 0, 0)
    return (int(match[1]), match[3] == "ecbplus", int(match[2]))


def _topic_dirs(corpus: Path, topics: Sequence[str] | None) -> list[Path]:
    if not corpus.is_dir():
        raise InputError(
            f"{corpus}: ECB+ not found; set NEWSWEAVE_SHARED to the shared folder or pass root"
        )
    available = {p.name: p for p in corpus.iterdir() if p.is_dir()}
    if topics is None:
        return [available[name] for name in sorted(available, key=int)]
    unknown = [t for t in topics if str(t) not in available]
    if unknown:
        known = " ".join(sorted(available, key=int))
        raise InputError(f"{corpus}: no ECB+ topic {', '.join(unknown)}; topics are {known}")
    return [available[str(t)] for t in topics]


def _read_annotated(release: Path) -> dict[str, set[int]]:
    """Sentences per document that the annotators covered (``1,10ecbplus,3``)."""
    annotated: dict[str, set[int]] = defaultdict(set)
    with (release / SENTENCES_CSV).open(newline="", encoding="utf-8") as handle:
        rows = csv.reader(handle)
        next(rows, None)
        for row in rows:
            if len(row) == 3:  # a few rows carry a trailing space: "1,17ecb,0 "
                topic, file, number = (cell.strip() for cell in row)
                annotated[f"{topic}_{file}"].add(int(number))
    return annotated


@dataclass(frozen=True, slots=True)
class _Parsed:
    name: str
    path: Path
    text: str
    spans: tuple[tuple[int, int], ...]
    url: str | None
    chains: tuple[frozenset[str], ...]


def _parse_doc(path: Path) -> _Parsed:
    root = ET.parse(path).getroot()
    name = path.stem
    is_plus = name.endswith("ecbplus")
    sentence_of: dict[str, int] = {}
    sentences: list[list[str]] = []
    for token in root.iter("token"):
        number = int(token.get("sentence", "0"))
        while len(sentences) <= number:
            sentences.append([])
        sentences[number].append(token.text or "")
        sentence_of[token.get("t_id", "")] = number

    texts: list[str] = []
    quote_open = False
    for number, tokens in enumerate(sentences):
        if is_plus and number == 0:
            texts.append("".join(t.strip() for t in tokens))  # the source URL
        else:
            sentence, quote_open = detokenise(tokens, quote_open, hyphens_split=is_plus)
            texts.append(sentence)
    spans: list[tuple[int, int]] = []
    pos = 0
    for sentence in texts:
        spans.append((pos, pos + len(sentence)))
        pos += len(sentence) + 2
    url = texts[0] if is_plus and texts and texts[0].startswith("http") else None

    tags: dict[str, str] = {}
    instance: dict[str, str] = {}
    mention_sentences: dict[str, set[int]] = {}
    markables = root.find("Markables")
    for markable in markables if markables is not None else ():
        m_id = markable.get("m_id", "")
        tags[m_id] = markable.tag
        if markable.get("instance_id"):
            instance[m_id] = markable.get("instance_id", "")
        anchors = markable.findall("token_anchor")
        mention_sentences[m_id] = {sentence_of[a.get("t_id", "")] for a in anchors}

    chains: list[set[str]] = [set() for _ in sentences]
    relations = root.find("Relations")
    for relation in relations if relations is not None else ():
        target = relation.find("target")
        if relation.tag != "CROSS_DOC_COREF" or target is None:
            continue  # INTRA_DOC_COREF chains never leave their document
        target_id = target.get("m_id", "")
        chain = instance.get(target_id) or relation.get("note")
        if not chain or not tags.get(target_id, "").startswith(_EVENT_TAGS):
            continue
        for source in relation.iter("source"):
            m_id = source.get("m_id", "")
            if tags.get(m_id, "").startswith(_EVENT_TAGS):
                for number in mention_sentences.get(m_id, ()):
                    chains[number].add(chain)
    return _Parsed(
        name, path, "\n\n".join(texts), tuple(spans), url, tuple(frozenset(c) for c in chains)
    )


def load_ecb_docs(topics: Sequence[str] | None = None, root: Path | None = None) -> list[EcbDoc]:
    """Read the ECB+ documents of ``topics`` (all 43 when None), ordered by topic and name.

    ``root`` is the ``ecbplus`` folder (default :func:`default_root`). Event chains found
    in only one of the loaded documents are dropped; ECB+ event chains never cross topics,
    so this does not depend on which topics are loaded.

    Example:
        >>> [d.name for d in load_ecb_docs(["1"])][:3]  # doctest: +SKIP
        ['1_1ecb', '1_3ecb', '1_4ecb']
    """
    release = (root or default_root()) / RELEASE
    parsed = [
        _parse_doc(path)
        for topic_dir in _topic_dirs(release / "ECB+", topics)
        for path in sorted(topic_dir.glob("*.xml"), key=_doc_sort_key)
    ]
    annotated = _read_annotated(release)
    docs_of_chain = Counter(chain for p in parsed for chain in set().union(*p.chains))
    docs: list[EcbDoc] = []
    for p in parsed:
        match = _DOC_NAME.fullmatch(p.name)
        if match is None:
            raise InputError(f"{p.path}: not an ECB+ document name (<topic>_<n>ecb[plus].xml)")
        topic, kind = match[1], match[3]
        article = Article(
            id=p.name,
            source=p.name,
            title=None,
            text=p.text,
            url=p.url,
            path=str(p.path),
            lang="en",
            meta=(("topic", topic), ("subtopic", f"{topic}_{kind}")),
        )
        chains = tuple(frozenset(c for c in s if docs_of_chain[c] > 1) for s in p.chains)
        docs.append(
            EcbDoc(
                article=article,
                sentence_spans=p.spans,
                topic=topic,
                subtopic=f"{topic}_{kind}",
                sentence_chains=chains,
                annotated=frozenset(annotated.get(p.name, ())),
            )
        )
    return docs


def annotated_sentences(docs: Iterable[EcbDoc]) -> set[SentenceKey]:
    """The (document, sentence) pairs listed in ``ECBplus_coreference_sentences.csv``."""
    return {(doc.name, number) for doc in docs for number in doc.annotated}


def gold_sentence_pairs(
    docs: Sequence[EcbDoc], annotated_only: bool = True
) -> set[tuple[SentenceKey, SentenceKey]]:
    """Sentence pairs of different documents of one subtopic that share an event chain.

    Each pair is ordered, smaller key first. With ``annotated_only`` both sentences must
    be among :func:`annotated_sentences`, the ones the annotators covered.

    Example:
        >>> art = Article("1_1ecb", "1_1ecb", None, "x")
        >>> a = EcbDoc(art, ((0, 1),), "1", "1_ecb", (frozenset({"ACT1"}),), frozenset({0}))
        >>> b = EcbDoc(
        ...     Article("1_2ecb", "1_2ecb", None, "y"), ((0, 1),), "1", "1_ecb",
        ...     (frozenset({"ACT1"}),), frozenset(),
        ... )
        >>> gold_sentence_pairs([a, b], annotated_only=False)
        {(('1_1ecb', 0), ('1_2ecb', 0))}
        >>> gold_sentence_pairs([a, b])
        set()
    """
    members: dict[tuple[str, str], set[SentenceKey]] = defaultdict(set)
    for doc in docs:
        for number, chains in enumerate(doc.sentence_chains):
            if annotated_only and number not in doc.annotated:
                continue
            for chain in chains:
                members[(doc.subtopic, chain)].add((doc.name, number))
    return {
        (a, b)
        for keys in members.values()
        for a, b in combinations(sorted(keys), 2)
        if a[0] != b[0]
    }


def _report(topics: Sequence[str]) -> None:
    started = time.perf_counter()
    docs = load_ecb_docs(topics)
    load_s = time.perf_counter() - started
    print(f"ECB+ from {default_root()}  (cores: {os.cpu_count()})")
    header = (
        f"{'topic':>5} {'subtopic':>10} {'docs':>5} {'sents':>6} {'annot':>6} "
        f"{'ev.sents':>8} {'pairs(annot)':>12} {'pairs(all)':>10}"
    )
    print(header)
    for topic in topics:
        for kind in ("ecb", "ecbplus"):
            group = [d for d in docs if d.subtopic == f"{topic}_{kind}"]
            sents = sum(len(d.sentence_spans) for d in group)
            with_events = sum(1 for d in group for c in d.sentence_chains if c)
            print(
                f"{topic:>5} {topic + '_' + kind:>10} {len(group):>5} {sents:>6} "
                f"{len(annotated_sentences(group)):>6} {with_events:>8} "
                f"{len(gold_sentence_pairs(group)):>12} "
                f"{len(gold_sentence_pairs(group, annotated_only=False)):>10}"
            )
    print(f"load of {len(docs)} docs ({', '.join(topics)}): {load_s:.2f} s")
    started = time.perf_counter()
    every = load_ecb_docs()
    all_s = time.perf_counter() - started
    print(
        f"load of all {len(every)} docs, {len({d.topic for d in every})} topics: {all_s:.2f} s; "
        f"{sum(len(d.sentence_spans) for d in every)} sentences, "
        f"{len(annotated_sentences(every))} annotated, "
        f"{len(gold_sentence_pairs(every))} gold pairs annotated-only, "
        f"{len(gold_sentence_pairs(every, annotated_only=False))} in all"
    )


if __name__ == "__main__":
    _report(sys.argv[1:] or ["1", "13", "12"])
