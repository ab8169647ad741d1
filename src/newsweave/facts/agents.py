"""Who did what: the person a statement says did a thing, as a detail reports can differ on.

"Modi spoke to Patel and sought urgent mobilisation" and "Modi said he had spoken to Patel,
who had sought urgent mobilisation" give two people for one act. The act is the verb and
the noun it acts on ("seek" "mobilisation"); the agent is the person the parse makes its
subject: the subject of the verb, of the verb it is coordinated with ("spoke … and
sought"), the noun a relative clause hangs from ("Patel, who had sought"), or the "by"
phrase of a passive ("was sought by Modi"). Only a person named there counts: a pronoun
says nobody, and reporting verbs say who spoke, not who acted.

Example:
    >>> _name_words("Narendra Modi"), _name_words("Bhupendra Patel's")
    (['narendra', 'modi'], ['bhupendra', 'patel'])
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from newsweave.facts.stated import StatedDetail
from newsweave.lexicon.events import LIGHT_VERBS
from newsweave.lexicon.function_words import RELATIVE_WORDS
from newsweave.lexicon.reporting import BELIEF_VERBS, DENIAL_VERBS, SPEECH_VERBS
from newsweave.model import Mention, Span
from newsweave.nlp.parse import ParseIndex

_NOT_ACTS = SPEECH_VERBS | BELIEF_VERBS | DENIAL_VERBS | LIGHT_VERBS
_SUBJECT = frozenset({"nsubj"})


def agents(
    parse: ParseIndex,
    statement: range,
    span: Span,
    entity_types: Mapping[tuple[str, int], str],
) -> list[StatedDetail]:
    """The acts of one statement with the person said to have done each.

    Each is a detail of kind ``agent`` about ``verb:object`` ("seek:mobilisation"), whose
    key is the words of the person's name: two reports whose names for one act share no
    word name two people.

    Args:
        parse: the parse index of the statement's article.
        statement: the statement's tokens.
        span: the statement's span.
        entity_types: a mention (article id, start) to its entity's story-wide type.
    """
    tokens = parse.tokens
    if not statement:
        return []
    # The whole sentence: "Patel, who had sought …" is a statement of its own.
    sentence = tokens[statement.start].sentence
    people = [
        m
        for m in parse.annotation.mentions
        if m.sentence == sentence
        and entity_types.get((m.span.article_id, m.span.start), m.label) == "PERSON"
    ]
    if not people:
        return []
    out: list[StatedDetail] = []
    for v in statement:
        tok = tokens[v]
        lemma = tok.lemma.lower()
        if tok.pos != "VERB" or lemma in _NOT_ACTS or _negated(parse, v):
            continue
        kids = parse.children(v, statement)
        objects = [k for k in kids if tokens[k].dep == "dobj" and tokens[k].pos == "NOUN"]
        passive = [k for k in kids if tokens[k].dep == "nsubjpass" and tokens[k].pos == "NOUN"]
        if objects:
            agent = _subject(parse, v, statement)
        elif passive:
            agent = next(
                (p for k in kids if tokens[k].dep == "agent" for p in parse.dependents(k, "pobj")),
                None,
            )
        else:
            continue
        if agent is None or parse.dependents(agent, "conj"):
            continue  # "Sarrin and Ostrell signed": more than one did it
        person = _person_at(parse, agent, people)
        if person is None:
            continue
        thing = tokens[(objects or passive)[0]].lemma.lower()
        key = " ".join(_name_words(person.text))
        if key:
            out.append(StatedDetail("agent", f"{lemma}:{thing}", person.text, key, person.span))
    return out


def _subject(parse: ParseIndex, verb: int, statement: range) -> int | None:
    """The token that did what ``verb`` says: its subject, a coordinated verb's subject, or
    what a relative clause's "who" stands for."""
    tokens = parse.tokens
    here = verb
    for _ in range(3):
        subject = next(
            (k for k in parse.children(here, statement) if tokens[k].dep in _SUBJECT), None
        )
        if subject is not None:
            if tokens[subject].lemma.lower() in RELATIVE_WORDS and tokens[here].dep == "relcl":
                return tokens[here].head  # "Patel, who had sought …": Patel
            return subject
        if tokens[here].dep != "conj" or tokens[here].head == here:
            return None
        here = tokens[here].head  # "Modi spoke to Patel and sought …": Modi
    return None


def _person_at(parse: ParseIndex, i: int, people: list[Mention]) -> Mention | None:
    """The person named at token ``i``, or at the name it is in apposition to ("Bhupendra
    Patel, the chief minister, who …")."""
    tokens = parse.tokens
    for here in (i, tokens[i].head if tokens[i].dep == "appos" else i):
        start, end = tokens[here].start, tokens[here].end
        for m in people:
            if m.span.start <= start and end <= m.span.end:
                return m
    return None


def _negated(parse: ParseIndex, verb: int) -> bool:
    return any(parse.tokens[k].dep == "neg" for k in parse.children(verb))


def _name_words(name: str) -> list[str]:
    """The words of a name, lower case, without a possessive. Two reports name one person
    when they share a word ("Narendra Modi", "Modi"; "Kim Jong Un", "Kim")."""
    return [w.lower() for w in re.findall(r"[^\W\d_]+", re.sub(r"['’]s\b", "", name))]
