"""What a value is of, read off the parse: the thing a figure counts or measures, and the
noun a predicate is said of.

A figure's *measure* is ``noun:class``. The class is what happened to those counted, from
the casualty word the number hangs from, however far ("288 people have died", "killing at
least 78", "the death toll rose to 288", "left at least 156 people dead", "the 27 people
whose lives were lost" are all ``killed``), marked ``seriously injured`` or ``lightly
injured`` where the words say so, or ``aboard`` for people on a vehicle. The noun is what is
counted, folded to ``people`` for the words that only say "persons" ("passengers",
"migrants"); a count in an "including …" phrase, or "29 *of* the injured", is a part and
says so. A measure with a unit is its dimension and the word it measures ("distance:wide").

Example:
    >>> from newsweave.model import Annotation, Article, Sentence, Span, Token
    >>> art = Article("a", "Wire", None, "Nine people died.")
    >>> tokens = (
    ...     Token(0, 4, "nine", "NUM", "nummod", 1, 0),
    ...     Token(5, 11, "people", "NOUN", "nsubj", 2, 0),
    ...     Token(12, 16, "die", "VERB", "ROOT", 2, 0),
    ...     Token(16, 17, ".", "PUNCT", "punct", 2, 0),
    ... )
    >>> parse = ParseIndex(Annotation(art, (Sentence(Span("a", 0, 17), 0),), (), tokens))
    >>> d = StatedDetail("number", "people:killed", "Nine", "9", Span("a", 0, 4), 9, 9)
    >>> measure_of(parse, 0, d)
    'people:killed'
"""

from __future__ import annotations

from newsweave.facts.stated import StatedDetail
from newsweave.lexicon.events import (
    ABOARD_PLACES,
    CASUALTY_COMPLEMENTS,
    CASUALTY_VERBS,
    CHANGE_VERBS,
    COUNT_NEUTRAL_VERBS,
    COUNTED_SYNONYMS,
    INCREMENT_WORDS,
    LIGHT_VERBS,
    MILD_WORDS,
    SEVERITY_WORDS,
    SUFFERING_VERBS,
)
from newsweave.lexicon.function_words import PARTITIVE_PRONOUNS
from newsweave.lexicon.numbers import LENGTH_VERBS, LENGTH_WORDS, UNITS
from newsweave.lexicon.people import PEOPLE_NOUNS
from newsweave.lexicon.reporting import REPORTING_VERBS
from newsweave.model import Span
from newsweave.nlp.parse import ParseIndex

_DIMENSIONS = frozenset(dimension for dimension, _ in UNITS.values())


def measure_of(parse: ParseIndex, i: int, detail: StatedDetail) -> str:
    """What the number at token ``i`` counts or measures: ``noun:class`` for a count, the
    unit's dimension and the governing word for a measure."""
    if detail.about.startswith(("distance", "duration")):
        return f"{detail.about}:{_governing_word(parse, i)}"
    noun, _, verb = detail.about.partition(":")
    i = _repaired(parse, i)
    of = [k for k in parse.dependents(i, "prep") if parse.tokens[k].lemma.lower() == "of"]
    if of:  # "29 of the injured": a part, never the whole
        noun = "part"
        kind = _partitive_kind(parse, of[0])
        if kind:
            # "125 people have died, 32 of them children": the children among the dead.
            return f"{kind}:{_casualty_before(parse, i) or verb}"
    following = _casualty_after(parse, i)
    if following:
        verb = following  # "125 dead and more than 300 injured": each its own word
    if not verb or verb not in CASUALTY_VERBS.values():
        found = _casualty_class(parse, i)
        if found:
            verb = found
        elif verb in REPORTING_VERBS or verb in LIGHT_VERBS or verb in COUNT_NEUTRAL_VERBS:
            verb = ""  # "police said 34 people …", "the toll includes 17 children"
    if verb in {"", "injured"}:
        severity = _severity(parse, i)
        if severity:
            verb = f"{severity} injured"  # a part of the injured, never the whole
    if not verb and _aboard(parse, i):
        verb = "aboard"
    noun = COUNTED_SYNONYMS.get(noun, noun)
    if _increment(parse, i):
        noun = f"more-{noun or 'people'}"  # "15 more victims": added to a total, not one
    whole = _listed_under(parse, i)
    if noun and whole:
        # "16 Kurdish people, including four women": four of the 16, and only parts of one
        # whole compare ("three Ethiopians, including two women" are other women).
        noun = f"part-{noun}-of-{whole}"
    if noun[:1].isdigit() or (noun == "part" and verb.endswith(" injured")):
        noun = "people"  # "400-500 people"; "29 of the injured were in critical condition"
    if noun and noun not in PEOPLE_NOUNS and noun in CASUALTY_VERBS:
        noun = "people"  # "288 deaths": the noun is the measure
    return f"{noun or 'people'}:{verb}"


def _repaired(parse: ParseIndex, i: int) -> int:
    """The token to read a number's measure from: the number itself, or, where the parser
    hung it off a neighbouring phrase though the noun right after it is a subject ("219
    people were injured mildly and 68 people were badly injured", with 68 read as a
    conjunct of "mildly"), that noun."""
    tokens = parse.tokens
    j = i + 1
    if (
        j < len(tokens)
        and tokens[i].head != j
        and tokens[i].dep in {"conj", "appos", "dobj", "pobj", "npadvmod"}
        and tokens[j].pos == "NOUN"
        and tokens[j].dep in {"nsubj", "nsubjpass"}
    ):
        return j
    return i


def _partitive_kind(parse: ParseIndex, of: int) -> str:
    """What a part counted "of them" is, where the sentence says: "32 of them children",
    "nine of whom were women" (children, women), folded as the counted noun is; else ""."""
    tokens = parse.tokens
    pronouns = [
        k for k in parse.dependents(of, "pobj") if tokens[k].lemma.lower() in PARTITIVE_PRONOUNS
    ]
    if not pronouns:
        return ""
    after = pronouns[0] + 1
    if after < len(tokens) and tokens[after].pos == "NOUN":
        noun = after  # "32 of them children"
    else:  # "nine of whom were women"
        counted = tokens[of].head
        verb = tokens[counted].head
        found = [k for k in parse.dependents(verb, "attr") if tokens[k].pos == "NOUN"]
        if tokens[counted].dep not in {"nsubj", "nsubjpass"} or not found:
            return ""
        noun = found[0]
    lemma = tokens[noun].lemma.lower()
    return "people" if lemma in CASUALTY_VERBS else COUNTED_SYNONYMS.get(lemma, lemma)


def _casualty_before(parse: ParseIndex, i: int) -> str:
    """The casualty class of the nearest casualty word before token ``i`` in its sentence:
    what befell those a part is counted of ("125 people have died, 32 of them …")."""
    tokens = parse.tokens
    sentence = tokens[i].sentence
    for j in range(i - 1, -1, -1):
        if tokens[j].sentence != sentence:
            break
        found = CASUALTY_VERBS.get(tokens[j].lemma.lower())
        if found:
            return found
    return ""


def _casualty_after(parse: ParseIndex, i: int) -> str:
    """The casualty word right after a number or the noun it counts: "300 injured",
    "125 people dead"."""
    tokens = parse.tokens
    j = i + 1
    if j < len(tokens) and tokens[j].pos in {"NOUN", "PROPN"} and tokens[i].head == j:
        j += 1  # "125 people dead"
    skipped = 0
    while j < len(tokens) and tokens[j].pos in {"PUNCT", "ADV"} and skipped < 4:
        j, skipped = j + 1, skipped + 1  # "61 “potentially” unaccounted for", "109 still missing"
    if j < len(tokens) and tokens[j].pos in {"ADJ", "VERB"}:
        return CASUALTY_VERBS.get(tokens[j].lemma.lower(), "")
    return ""


def _casualty_class(parse: ParseIndex, i: int) -> str:
    """The casualty class of a number found beyond the word it hangs from: through a verb
    of change ("the death toll rose to 288"), a complement ("were among the dead"), or a
    clause on the noun counted ("the 27 people whose lives were lost")."""
    tokens = parse.tokens
    for here in parse.up(i, 4):
        tok = tokens[here]
        lemma = tok.lemma.lower()
        if lemma in CASUALTY_VERBS:
            return CASUALTY_VERBS[lemma]
        if _casualty_within(parse, here, depth=0):  # "lost their lives"
            return "killed"
        # "the toll rose to 288"; "the toll is 132"; "the number of deceased was 129"; "the
        # toll was recorded as 31 but downgraded to 27" (a shared subject); "bringing the
        # death toll to 79" (what a verb of change changes)
        subjects = parse.dependents(here, "nsubj", "nsubjpass")
        if not subjects and tok.dep == "conj":
            subjects = parse.dependents(tok.head, "nsubj", "nsubjpass")
        if lemma in CHANGE_VERBS:
            subjects = [*subjects, *parse.dependents(here, "dobj")]
        for k in subjects:
            found = _casualty_within(parse, k)
            if found:
                return found
        if lemma in CHANGE_VERBS:
            return ""
        for k in parse.children(here):
            suffered = tokens[k].dep == "dobj" and lemma in SUFFERING_VERBS  # "have injuries"
            if (tokens[k].dep in CASUALTY_COMPLEMENTS or suffered) and k != i:
                found = _casualty_within(parse, k, depth=2)
                if found:
                    return found
        if tok.pos in {"VERB", "AUX"}:
            return ""  # the clause the number stands in says nothing of casualties
    return ""


def _severity(parse: ParseIndex, i: int) -> str:
    """How gravely those counted at ``i`` are hurt, where the sentence says: "seriously"
    ("37 were seriously injured", "29 in critical condition", "37 serious injuries"),
    "lightly" ("253 lightly injured", "219 minor injuries"), else "".

    Only the words on the number's own path count: the noun it counts, the casualty word
    it hangs from and that word's modifiers, never a neighbouring clause's."""
    tokens = parse.tokens
    for here in parse.up(i, 4):
        kids = parse.children(here)
        words = {tokens[k].lemma.lower() for k in kids if tokens[k].dep in {"advmod", "amod"}}
        if tokens[here].lemma.lower() in SUFFERING_VERBS:  # "have light to moderate injuries"
            for k in parse.dependents(here, "dobj"):
                first, last = parse.subtree(k)
                words |= {tokens[j].lemma.lower() for j in range(first, last + 1)}
        for k in kids:  # "in critical condition"
            if tokens[k].dep == "prep":
                for p in parse.dependents(k, "pobj"):
                    words |= {tokens[a].lemma.lower() for a in parse.dependents(p, "amod")}
        if words & SEVERITY_WORDS:
            return "seriously"
        if words & MILD_WORDS:
            return "lightly"
        if tokens[here].lemma.lower() in CASUALTY_VERBS or tokens[here].pos in {"VERB", "AUX"}:
            return ""
    return ""


def subject_of(parse: ParseIndex, predicate: Span) -> str:
    """The noun a predicate is said of: its subject's head, or for "one of the women" and
    "none of the women", the women; "" for a pronoun or no subject."""
    tokens = parse.tokens
    at = parse.token_at(predicate.start)
    if at is None:
        return ""
    for here in parse.up(at, 3):
        for k in parse.dependents(here, "nsubj", "nsubjpass"):
            noun = k
            for prep in parse.dependents(k, "prep"):
                if tokens[prep].lemma.lower() == "of":
                    noun = next(iter(parse.dependents(prep, "pobj")), noun)
            if tokens[noun].pos not in {"NOUN", "PROPN"}:
                return ""
            # "the women victims": the kind of person, not the role
            kinds = [c for c in parse.dependents(noun, "compound") if tokens[c].pos == "NOUN"]
            return tokens[kinds[0] if kinds else noun].lemma.lower()
    return ""


def object_of(parse: ParseIndex, predicate: Span) -> str:
    """The noun a verb acts on, where it has one: "visited Khasan" → khasan."""
    tokens = parse.tokens
    at = parse.token_at(predicate.start)
    if at is None:
        return ""
    for k in parse.dependents(at, "dobj", "attr"):
        if tokens[k].pos in {"NOUN", "PROPN"}:
            return tokens[k].lemma.lower()
    return ""


def _increment(parse: ParseIndex, i: int) -> bool:
    """Whether the count at ``i`` is an increment: "15 more victims", "two additional
    bodies" (not "more than 150")."""
    tokens = parse.tokens
    near = [j for j in (i - 1, i + 1) if 0 <= j < len(tokens)]
    near += parse.children(i)
    if tokens[i].head != i:
        near += parse.children(tokens[i].head)
    return any(
        tokens[j].lemma.lower() in INCREMENT_WORDS
        and tokens[j].pos != "VERB"
        and not (j + 1 < len(tokens) and tokens[j + 1].lemma.lower() == "than")
        for j in near
    )


def _listed_under(parse: ParseIndex, i: int) -> str:
    """The group a count at ``i`` is listed under by an "including …" phrase (a part of it,
    never the whole of its kind): a named group it hangs from ("Ethiopians"), else "group";
    "" where there is none."""
    tokens = parse.tokens
    for here in parse.up(i, 6):
        tok = tokens[here]
        if tok.dep == "prep" and tok.lemma.lower() == "include":
            if tok.head == here:
                return "group"
            # A named group ("three Ethiopians, including two women", "16 Kurdish people,
            # including four women") is a whole of its own; "ten people", "the dead" or
            # "the attack" are the story's.
            names = [tok.head, *parse.dependents(tok.head, "amod", "compound")]
            named = [parse.word(k).lower() for k in names if parse.word(k)[:1].isupper()]
            return named[0] if named else "group"
        if tok.pos in {"VERB", "AUX"}:
            return ""
    return ""


def _aboard(parse: ParseIndex, i: int) -> bool:
    """Whether the count at ``i`` is of people on a vehicle: "50 people were on the boat",
    "300 people were present on the bridge"."""
    tokens = parse.tokens
    for here in parse.up(i, 4):
        holders = [here, *parse.dependents(here, "acomp", "attr")]
        for k in (p for h in holders for p in parse.dependents(h, "prep")):
            if tokens[k].lemma.lower() in {"on", "aboard", "onboard"} and any(
                tokens[p].lemma.lower() in ABOARD_PLACES for p in parse.dependents(k, "pobj")
            ):
                return True
        if tokens[here].pos in {"VERB", "AUX"}:
            return False
    return False


def _casualty_within(parse: ParseIndex, k: int, depth: int = 6) -> str:
    """A casualty class named in the subtree of token ``k`` ("the death toll", "the dead",
    "whose lives were lost"), at most ``depth`` links below it."""
    tokens = parse.tokens
    frontier, seen = [k], 0
    while frontier and seen <= depth:
        nxt: list[int] = []
        for j in frontier:
            lemma = tokens[j].lemma.lower()
            if lemma in CASUALTY_VERBS:
                return CASUALTY_VERBS[lemma]
            if lemma == "lose" and any(  # "whose lives were lost"
                tokens[c].lemma.lower() == "life" for c in parse.children(j)
            ):
                return "killed"
            nxt += parse.children(j)
        frontier, seen = nxt, seen + 1
    return ""


def _governing_word(parse: ParseIndex, i: int) -> str:
    """The verb or noun a measure hangs from ("sank 80 km off", "burned for two hours"), or
    the noun it is "of" ("after seven months of repairs": the repairs, not what came
    after them)."""
    tokens = parse.tokens
    unit = i if tokens[i].pos == "NOUN" else tokens[i].head  # "months" or "seven"
    if tokens[unit].lemma.lower().rstrip("s") in UNITS:
        for of in parse.dependents(unit, "prep"):
            if tokens[of].lemma.lower() == "of":
                measured = [k for k in parse.dependents(of, "pobj") if tokens[k].pos == "NOUN"]
                if measured:
                    return tokens[measured[0]].lemma.lower()
    for here in parse.up(i, 4):
        tok = tokens[here]
        if (
            here != i
            and tok.pos in {"VERB", "NOUN", "ADJ"}
            and tok.dep not in {"nummod", "compound"}
        ):
            lemma = tok.lemma.lower()
            if lemma in LENGTH_WORDS or (lemma in LENGTH_VERBS and tok.pos == "VERB"):
                return "long"
            if lemma.rstrip("s") not in UNITS:
                return lemma
    return ""


def describe(measure: str) -> str:
    """A measure in words, for a reader: "people:killed" → "people killed",
    "distance:wide" → "distance (wide)", "duration:" → "duration".

    Example:
        >>> describe("people:seriously injured"), describe("distance:wide")
        ('people seriously injured', 'distance (wide)')
    """
    head, _, tail = measure.replace("_", " ").partition(":")
    if head in _DIMENSIONS:
        return f"{head} ({tail})" if tail else head
    return " ".join(p for p in (head, tail) if p)
