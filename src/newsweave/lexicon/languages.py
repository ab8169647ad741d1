"""Function words that tell languages apart, six per language, to guess an article's language.

Example:
    >>> sorted(LANGUAGE_MARKERS)
    ['de', 'en', 'es', 'fr', 'it', 'nl', 'pt']
"""

from __future__ import annotations

# Part of the stored story features (grouping.features.FEATURE_VERSION): the language guess
# decides which word frequencies weigh an article's words.
LANGUAGE_MARKERS = {
    lang: frozenset(words.split())
    for lang, words in {
        "en": "the and of to is that",
        "de": "der die und das ist nicht",
        "es": "el los las del que una",
        "fr": "le les des est une dans",
        "it": "il che della gli una per",
        "pt": "os das não uma com para",
        "nl": "de het een van niet zijn",
    }.items()
}
