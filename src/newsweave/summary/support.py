"""Whether a sentence someone else wrote is supported by the evidence sentences it cites.

Deterministic and lexical, with no model: the check an LLM's summary sentence must pass
(``writer.py``). Numbers and names must stand in the evidence, negation must agree, and
most content words must be there, inflection forgiven. See docs/writer.md for what it does
not catch.

Example:
    >>> evidence = ["Nine people died in the fire in Vessmark on Monday, police said."]
    >>> check_support("Nine people died in the Vessmark fire.", evidence) is None
    True
    >>> check_support("Twelve people died in the Vessmark fire.", evidence)
    'number 12 not in its evidence'
    >>> check_support("Nobody died in the Vessmark fire.", evidence)
    "says 'nobody' but its evidence does not"
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsweave.lexicon.function_words import FUNCTION_WORDS, NEGATIONS
from newsweave.lexicon.numbers import NUMBER_WORDS, SCALES
from newsweave.lexicon.reporting import REPORTING_FORMS
from newsweave.text.patterns import alternatives

# Share of a sentence's content words that must stand in its evidence. A sentence may
# reword a few (a synonym, an inflection the light stemmer misses: "travelled" for
# "arrived"), but with 0.7 a ten-word claim can bring in at most three words of its own.
CONTENT_SHARE = 0.7

_WORD = re.compile(r"[^\W_][\w'’-]*")
_NUMBER = re.compile(r"(?<![\w.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")
_NUMBER_WORDS = {word: str(value) for word, value in NUMBER_WORDS.items()}
_NEGATION = re.compile(rf"\b(?:{alternatives(NEGATIONS)})\b|\b\w+n[’']t\b", re.IGNORECASE)
# Negation is checked on its own, so it is never discounted as a stop word.
_STOP = (FUNCTION_WORDS - NEGATIONS) | REPORTING_FORMS


def check_support(sentence: str, evidence: Sequence[str]) -> str | None:
    """None when ``sentence`` is supported by the evidence texts, else the reason.

    Supported means: every number of the sentence (digits, "1,000", "2.5", number words
    such as "nine") and every name (a capitalised word after the first) is in the
    evidence; the sentence says "not" (or "no", "never", "n't") only where the evidence
    does, and does not drop the negation of the evidence sentence it is closest to; and at
    least ``CONTENT_SHARE`` of its content words are in the evidence, inflections and
    possessives allowed ("Korea's" for "Korea", "talks" for "talk"), and no two content
    words in a row are new (a clause or predicate of its own: ", in a terrorist attack").

    Example:
        >>> check_support("Kim met Putin in Vladivostok.", ["Kim met Putin on Wednesday."])
        "name 'Vladivostok' not in its evidence"
    """
    texts = [t for t in evidence if t.strip()]
    if not texts:
        return "no evidence"
    pool = _Pool(" ".join(texts))
    missing = _missing(sentence, pool, skip_one=True, whole_names=True)
    if missing is not None:
        return missing
    cue = _NEGATION.search(sentence)
    if cue is not None and not any(_NEGATION.search(t) for t in texts):
        return f"says '{cue[0].lower()}' but its evidence does not"
    content = content_words(sentence)
    if cue is None and content:
        overlaps = [
            len(content & content_words(t)) + _fuzzy(content, content_words(t)) for t in texts
        ]
        closest = [t for t, o in zip(texts, overlaps, strict=True) if o == max(overlaps)]
        cues = [_NEGATION.search(t) for t in closest]
        if all(cues):
            said = next(c for c in cues if c is not None)[0].lower()
            return f"its evidence says '{said}' but the sentence does not"
    found = sum(1 for w in content if pool.has(w))
    if found < CONTENT_SHARE * len(content):
        return f"only {found} of {len(content)} content words in its evidence"
    added = _added_phrase(sentence, pool)
    if added is not None:
        return f"adds '{added}', which its evidence lacks"
    return None


def _added_phrase(sentence: str, pool: _Pool) -> str | None:
    """Two content words in a row (stop words between them aside) that are both missing
    from the evidence: a clause or a predicate of the sentence's own (", in a terrorist
    attack"; "ordered the collapse"), which a share of content words lets through. One
    new word alone is a rewording ("travelled" for "arrived") and passes.

    Example:
        >>> _added_phrase("The bridge fell in a terrorist attack.", _Pool("The bridge fell."))
        'terrorist attack'
    """
    previous: str | None = None
    for m in _WORD.finditer(sentence):
        word = m[0].lower()
        if word not in content_words(word):
            continue
        new = not pool.has(word)
        if new and previous is not None:
            return f"{previous} {word}"
        previous = word if new else None
    return None


def check_citation(sentence: str, evidence: Sequence[str]) -> str | None:
    """None when one cited article's ``evidence`` holds what ``sentence`` asserts that a
    reader checks first, else the reason: every number of the sentence, every name (by one
    of its words: "Putin" for "Vladimir Putin"), and its polarity (a "not" only where the
    evidence has one, and no negation the sentence drops).

    Lighter than :func:`check_support`: an outlet that reports the same fact in its own
    words supports it, but never one that gives another figure or another name.

    Example:
        >>> check_citation("Nine people died in Vessmark.", ["Nine died in the Vessmark fire."])
        >>> check_citation("Nine people died in Vessmark.", ["Twelve died in Vessmark."])
        'number 9 not in its evidence'
    """
    texts = [t for t in evidence if t.strip()]
    if not texts:
        return "no evidence"
    missing = _missing(sentence, _Pool(" ".join(texts)), skip_one=False, whole_names=False)
    if missing is not None:
        return missing
    said = _NEGATION.search(sentence) is not None
    if said != any(_NEGATION.search(t) for t in texts):
        return "its evidence and the sentence differ on negation"
    return None


def _missing(sentence: str, pool: _Pool, *, skip_one: bool, whole_names: bool) -> str | None:
    """The first number or name of ``sentence`` its evidence (``pool``) lacks, as a reason.

    ``skip_one``: "one" is not counted as a number (in a sentence it is as often a
    pronoun: "one of them");
    ``whole_names``: every word of a name must stand in the evidence, else any word of three
    letters or more ("Putin" reports what "Vladimir Putin" does, "Mr Kim" what "Kim
    Jong-un" does; "Calder Royal Infirmary" never stands in "St Brendan's").
    """
    for number in _numbers(sentence, sentence_side=skip_one):
        if number not in pool.numbers:
            return f"number {number} not in its evidence"
    for name in _names(sentence):
        words = name.split()
        held = (
            all(pool.has(w) for w in words)
            if whole_names
            else any(pool.has(w) for w in words if len(w) > 2)
        )
        if not held:
            return f"name '{name}' not in its evidence"
    return None


class _Pool:
    """The words and numbers of some evidence, for lookups that forgive inflection."""

    def __init__(self, text: str) -> None:
        self.numbers = _numbers(text, sentence_side=False)
        words = {w.lower() for w in _WORD.findall(text)}
        self.words = words | {p for w in words for p in w.split("-") if p}
        self.stems = {_stem(w) for w in self.words}

    def has(self, word: str) -> bool:
        w = word.lower()
        if "-" in w.strip("-"):  # "Jong-un" stands in "Kim Jong Un"
            return all(self.has(p) for p in w.split("-") if p)
        if w in self.words or _stem(w) in self.stems:
            return True
        # "Korean" for "Korea", "presidential" for "president"
        stem = _stem(w)
        return len(stem) >= 5 and any(
            len(e) >= 5
            and abs(len(e) - len(stem)) <= 3
            and (e.startswith(stem) or stem.startswith(e))
            for e in self.stems
        )


def _fuzzy(words: set[str], other: set[str]) -> int:
    """Words of ``words`` absent from ``other`` but in it as another inflection."""
    stems = {_stem(w) for w in other}
    return sum(1 for w in words - other if _stem(w) in stems)


def _stem(word: str) -> str:
    w = word.lower().replace("’", "'")
    w = w.removesuffix("'s").removesuffix("'")
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("ings", ""), ("ing", ""), ("ed", "")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)] + repl
            break
    else:
        if w.endswith(("ses", "xes", "ches", "shes")):
            w = w[:-2]
        elif w.endswith("s") and not w.endswith("ss") and len(w) > 3:
            w = w[:-1]
    return w.removesuffix("e") if len(w) > 3 else w


def _numbers(text: str, *, sentence_side: bool) -> set[str]:
    """The numbers of ``text``, normalised: "1,000" → "1000", "2.50" → "2.5", "nine" → "9".

    "one" counts only in evidence: in a sentence it is as often a pronoun ("one of them").
    """
    found = set()
    for m in _NUMBER.finditer(text):
        whole, _, part = m[0].replace(",", "").partition(".")
        part = part.rstrip("0")
        found.add(f"{int(whole)}.{part}" if part else str(int(whole)))
    for word in _WORD.findall(text):
        for w in word.lower().split("-"):
            w = w.removesuffix("s") if w.endswith(("hundreds", "thousands", "millions")) else w
            if w in _NUMBER_WORDS and not (sentence_side and w == "one"):
                found.add(_NUMBER_WORDS[w])
            elif w in SCALES:
                found.add(w)
    return found


def _names(sentence: str) -> list[str]:
    """The names of a sentence: runs of capitalised words after its first word.

    Example:
        >>> _names("The talks in Vladivostok drew Kim Jong Un and Russia's president.")
        ['Vladivostok', 'Kim Jong Un', "Russia's"]
    """
    runs: list[list[str]] = []
    last_end = -1
    for i, m in enumerate(_WORD.finditer(sentence)):
        word = m[0]
        capital = word[:1].isupper() and len(word) > 1 and word.lower() not in _STOP
        if i == 0 or not capital:
            last_end = -1
            continue
        if last_end >= 0 and sentence[last_end : m.start()].strip() == "":
            runs[-1].append(word)
        else:
            runs.append([word])
        last_end = m.end()
    return [" ".join(r) for r in runs]


def content_words(text: str) -> set[str]:
    """Content words, lower-cased: not stop words, numbers or number words, three letters
    or more.

    Example:
        >>> sorted(content_words("The 3 ferries sank near Skarra on Monday."))
        ['ferries', 'monday', 'near', 'sank', 'skarra']
    """
    return {
        w.lower()
        for w in _WORD.findall(text)
        if len(w) > 2
        and w[:1].isalpha()
        and w.lower() not in _STOP
        and w.lower() not in _NUMBER_WORDS
        and w.lower() not in SCALES
    }
