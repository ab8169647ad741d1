"""The word lists: lower-case data, kept once, in newsweave.lexicon and nowhere else."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from newsweave.lexicon import (
    calendar,
    events,
    function_words,
    languages,
    numbers,
    pages,
    people,
    places,
    reporting,
)

MODULES = (calendar, events, function_words, languages, numbers, pages, people, places, reporting)
SRC = Path(__file__).resolve().parents[1] / "src" / "newsweave"
# A literal with this many plain words or more is a word list (dependency labels, HTML tags
# and field names are shorter, or not words: the allowed ones are named below).
LIST_WORDS = 8
ALLOWED = {
    # HTML elements whose text a feed entry keeps as blocks: markup, not language.
    ("read/feeds.py", "address"),
    ("read/feeds.py", "hr"),
}


def _word_lists() -> list[tuple[str, frozenset[str] | tuple[str, ...]]]:
    found = []
    for module in MODULES:
        for name, value in vars(module).items():
            if name.isupper() and isinstance(value, frozenset | tuple | dict):
                words = value.keys() if isinstance(value, dict) else value
                if all(isinstance(w, str) for w in words):
                    found.append((f"{module.__name__}.{name}", tuple(words)))
    return found


@pytest.mark.parametrize(("name", "words"), _word_lists(), ids=lambda x: str(x)[:40])
def test_lists_hold_lower_case_words_once(name: str, words: tuple[str, ...]) -> None:
    assert words, name
    for word in words:
        assert word == word.strip().lower(), (name, word)
    assert len(set(words)) == len(words), name


def test_lists_that_extend_others_hold_them() -> None:
    assert reporting.REPORTING_VERBS <= reporting.SPEECH_VERBS
    assert reporting.QUOTING_ONLY_VERBS <= reporting.SPEECH_VERBS
    assert function_words.THIN_WORDS <= function_words.FUNCTION_WORDS
    assert events.AUXILIARY_VERBS <= events.LIGHT_VERBS
    assert places.LOWERCASE_FACILITY_HEADS <= places.FACILITY_HEADS
    assert places.REGION_SUFFIX_NOUNS <= places.REGION_NOUNS
    assert set(places.FACILITY_KINDS) - {"jail", "court"} <= places.FACILITY_HEADS
    assert not reporting.REPORTING_FORMS & function_words.FUNCTION_WORDS
    assert set(calendar.MONTHS) | set(calendar.WEEKDAYS) <= pages.TIMESTAMP_WORDS


def _literal_words(node: ast.AST) -> list[str] | None:
    """The words of a literal list of strings, or of ``"a b c".split()``."""
    if isinstance(node, ast.Set | ast.List | ast.Tuple):
        items = [e.value for e in node.elts if isinstance(e, ast.Constant)]
        if len(items) == len(node.elts) and all(isinstance(i, str) for i in items):
            return [str(i) for i in items]
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "split"
        and isinstance(node.func.value, ast.Constant)
        and isinstance(node.func.value.value, str)
    ):
        return node.func.value.value.split()
    return None


def test_no_word_list_lives_outside_the_lexicon() -> None:
    """Word lists live once: a stage imports the list it needs from newsweave.lexicon."""
    offenders = []
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC).as_posix()
        if rel.startswith("lexicon/"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        types = {
            id(n.slice) for n in ast.walk(tree) if isinstance(n, ast.Subscript)
        }  # Literal["calendar", "weekday", …] is a type, not a word list
        for node in ast.walk(tree):
            words = None if id(node) in types else _literal_words(node)
            if words is None:
                continue
            plain = [w for w in words if re.fullmatch(r"[a-z][a-z'’.-]*", w)]
            if len(plain) >= LIST_WORDS and (rel, plain[0]) not in ALLOWED:
                offenders.append(f"{rel}:{node.lineno}: {' '.join(plain[:8])} …")
    assert not offenders, "word lists outside newsweave.lexicon:\n" + "\n".join(offenders)


def test_language_markers_are_function_words_of_their_language() -> None:
    assert function_words.THIN_WORDS & languages.LANGUAGE_MARKERS["en"]
    assert all(len(words) == 6 for words in languages.LANGUAGE_MARKERS.values())


def test_number_words_count_as_written() -> None:
    assert numbers.NUMBER_WORDS["zero"] == 0
    assert numbers.NUMBER_WORDS["seventy"] == 70
    assert numbers.SCALES["thousand"] == 1000
    assert numbers.UNITS["fortnight"] == ("duration", 14)
