"""English word lists, kept once, as data: every stage imports the list it needs from here.

One module per kind of word:

* :mod:`~newsweave.lexicon.function_words`: stop words, negations, pronouns, contractions;
* :mod:`~newsweave.lexicon.reporting`: verbs of saying, and the words that mark expectation
  rather than fact ("could", "is expected to", "upcoming");
* :mod:`~newsweave.lexicon.people`: honorifics, titles and posts, ranks, organisation words;
* :mod:`~newsweave.lexicon.places`: facility and region nouns, institutions, venue words;
* :mod:`~newsweave.lexicon.calendar`: months, weekdays, seasons, parts of the day and year;
* :mod:`~newsweave.lexicon.numbers`: number words, units and the words that qualify a number;
* :mod:`~newsweave.lexicon.events`: verbs that count casualties, and verbs too light to say
  what happened;
* :mod:`~newsweave.lexicon.pages`: the words a web page's chrome is made of.

Lists hold lower-case words (lemmas where the name says so). Nothing here runs code beyond
building the sets, so importing the lexicon costs nothing.
"""
