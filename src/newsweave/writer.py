"""A summary written by a language model, each sentence kept only if its evidence supports it.

Optional. The model runs behind any OpenAI-compatible chat endpoint (Ollama, llama.cpp's
server, vLLM). It is shown the briefing's facts, most-reported first, numbered, each as one
sentence an outlet wrote, and asked for a short summary whose sentences end with the numbers
of the facts they use ("[2][5]"). Nothing it writes is trusted: a sentence is kept only when
:func:`check_support` finds its numbers, names, polarity and most of its content words in
the evidence sentences it cites; every other sentence is reported with the reason.

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

import json
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from newsweave.errors import ConfigError, NewsweaveError
from newsweave.model import Briefing, Fact, Span, SummarySentence, UnsupportedSentence
from newsweave.summary import sentence_around

if TYPE_CHECKING:
    import httpx

PROMPT_CHARS = 6000  # facts shown: ~1,300 tokens, so a 600-token reply fits a 2k context
MAX_FACTS = 30
EVIDENCE_CHARS = 400  # a longer evidence sentence is not shown
SENTENCE_WORDS = (4, 60)  # written sentences outside this many words are rejected
# Share of a sentence's content words that must stand in its evidence. A sentence may
# reword a few (a synonym, an inflection the light stemmer misses: "travelled" for
# "arrived"), but with 0.7 a ten-word claim can bring in at most three words of its own.
CONTENT_SHARE = 0.7
MAX_REPLY_BYTES = 1_000_000  # a bigger reply is refused unread
MAX_REPLY_CHARS = 20_000  # of the reply's text, the rest is not read
MAX_SENTENCES = 60  # sentences of the reply that are checked
TEXT_CHARS = 300  # of a rejected sentence, as reported

_CITE_BODY = r"\[\s*(?:facts?\s*)?(\d{1,4}(?:\s*[,;]\s*(?:facts?\s*)?\d{1,4})*)\s*\]"
_CITE = re.compile(_CITE_BODY, re.IGNORECASE)
# "… on Tuesday. [1][3]" — citations after the full stop belong to the sentence before.
_CITE_AFTER_END = re.compile(r"([.!?][\"”’)]*)((?:\s*" + _CITE_BODY + r")+)", re.IGNORECASE)
_THINK = re.compile(r"<think>.*?(?:</think>|$)", re.DOTALL | re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069]")
_LIST_MARK = re.compile(r"^\s*(?:[-*•#>]+|\d{1,2}[.)])\s+")
_END = re.compile(r"[.!?][\"”’)]*(?=\s|$)")
_ABBREVIATION_TEXT = "mr mrs ms dr prof st gen sen rep gov lt col sgt jr sr vs no"
_ABBREVIATIONS = frozenset(_ABBREVIATION_TEXT.split())

_WORD = re.compile(r"[^\W_][\w'’-]*")
_NUMBER = re.compile(r"(?<![\w.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")
_UNITS_TEXT = """zero one two three four five six seven eight nine ten eleven twelve thirteen
    fourteen fifteen sixteen seventeen eighteen nineteen twenty"""
_TENS_TEXT = "thirty forty fifty sixty seventy eighty ninety"
_NUMBER_WORDS = {w: str(i) for i, w in enumerate(_UNITS_TEXT.split())}
_NUMBER_WORDS |= {w: str(10 * i) for i, w in enumerate(_TENS_TEXT.split(), 3)}
_SCALE_TEXT = "hundred thousand million billion trillion"
_SCALES = frozenset(_SCALE_TEXT.split())
_NEGATION = re.compile(
    r"\b(?:not|no|never|none|nobody|nothing|neither|nor|cannot)\b|\b\w+n[’']t\b", re.IGNORECASE
)
_STOP_TEXT = """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each few
    for from further had has have having he her here hers herself him himself his how i if in
    into is it its itself just let me more most my myself of off on once only or other our
    ours out over own same she should so some such than that the their theirs them themselves
    then there these they this those through to too under until up upon very was we were what
    when where which while who whom why will with would you your yours yet said says say
    saying told tells according reported reports amid however since"""
_STOP = frozenset(_STOP_TEXT.split())


class WriterError(NewsweaveError):
    """The model's endpoint failed or answered something unusable; the message names it."""


@dataclass(frozen=True, slots=True)
class WrittenSummary:
    """The sentences a model wrote that its evidence supports, and those it does not."""

    sentences: tuple[SummarySentence, ...]
    rejected: tuple[UnsupportedSentence, ...]
    model: str


@dataclass(frozen=True, slots=True)
class _Shown:
    """A fact as the model sees it: one sentence an outlet wrote."""

    fact: Fact
    text: str
    span: Span


def write_summary(
    briefing: Briefing,
    *,
    url: str,
    model: str,
    api_key: str | None = None,
    max_words: int = 250,
    timeout: float = 120.0,
    client: httpx.Client | None = None,
    prompt_chars: int = PROMPT_CHARS,
    max_facts: int = MAX_FACTS,
) -> WrittenSummary:
    """Ask the model at ``url`` for a cited summary of ``briefing``; keep what its evidence
    supports.

    ``url`` is the server's OpenAI base, such as ``http://localhost:11434/v1`` (Ollama) or
    ``http://127.0.0.1:8080/v1`` (llama.cpp); a bare ``http://host:port`` gets ``/v1``, and
    a URL ending in ``/chat/completions`` is used as given. ``prompt_chars`` bounds the
    facts shown, so the prompt fits a small context. A briefing without facts asks nothing.

    Raises:
        WriterError: the endpoint cannot be reached, times out, or answers with an error,
            an oversize reply or no message; the message names the endpoint.
        ConfigError: a bad argument.
    """
    endpoint = _endpoint(url)
    if not model.strip():
        raise ConfigError("LLM model name is empty; name a model the server runs")
    if max_words < 1 or timeout <= 0 or prompt_chars < 1 or max_facts < 1:
        raise ConfigError("max_words, timeout, prompt_chars and max_facts must be positive")
    shown = _show(briefing, prompt_chars, max_facts)
    if not shown:
        return WrittenSummary((), (), model)
    payload: dict[str, object] = {
        "model": model,
        "messages": _messages(shown, max_words),
        "temperature": 0,
        "max_tokens": 2 * max_words + 100,
        "stream": False,
    }
    headers = {"Accept-Encoding": "identity"}  # a compressed reply could hide its size
    if api_key:
        if not api_key.isascii() or not api_key.isprintable():
            raise ConfigError("the LLM API key holds characters an HTTP header cannot carry")
        headers["Authorization"] = f"Bearer {api_key}"
    if client is None:
        import httpx

        with httpx.Client(timeout=timeout) as own:
            reply, finished = _exchange(own, endpoint, payload, headers, timeout)
    else:
        reply, finished = _exchange(client, endpoint, payload, headers, timeout)
    return _judge(reply, finished, shown, max_words, model)


def _show(briefing: Briefing, prompt_chars: int, max_facts: int) -> list[_Shown]:
    """The facts the model is shown, in prompt order, each with the sentence shown for it.

    Most-reported first, then those nearest the top of their reports; one evidence sentence
    each (the one that says most of the fact's own statement), no sentence twice, at most
    ``max_facts`` and ``prompt_chars`` characters of them.
    """
    articles = {a.id: a for a in briefing.articles}

    def top(fact: Fact) -> float:
        at = [
            s.start / max(1, len(articles[s.article_id].text))
            for s in fact.support
            if s.article_id in articles
        ]
        return min(at, default=1.0)

    order = sorted(
        enumerate(briefing.facts), key=lambda p: (-len(p[1].article_ids), top(p[1]), p[0])
    )
    shown: list[_Shown] = []
    seen: set[str] = set()
    used = 0
    for _, fact in order:
        if len(shown) >= max_facts:
            break
        own = _content(fact.text)
        options: list[tuple[int, int, str, Span]] = []
        for span in fact.support:
            article = articles.get(span.article_id)
            if article is None:
                continue
            whole = sentence_around(article, span)
            text = " ".join(_CONTROL.sub(" ", whole.text(article)).split())
            size = len(_WORD.findall(text))
            if text in seen or len(text) > EVIDENCE_CHARS:
                continue
            if SENTENCE_WORDS[0] <= size <= SENTENCE_WORDS[1]:
                options.append((len(own & _content(text)), -len(text), text, whole))
        if not options:
            continue
        _, _, text, span = max(options, key=lambda o: (o[0], o[1], o[2]))
        line = len(text) + 8
        if used + line > prompt_chars:
            continue
        used += line
        seen.add(text)
        shown.append(_Shown(fact, text, span))
    return shown


def _messages(shown: Sequence[_Shown], max_words: int) -> list[dict[str, str]]:
    facts = "\n".join(f"[{i}] {s.text}" for i, s in enumerate(shown, 1))
    return [
        {
            "role": "system",
            "content": "You are a news editor. You write short, factual news summaries "
            "using only the numbered facts you are given.",
        },
        {
            "role": "user",
            "content": f"Facts:\n{facts}\n\n"
            f"Write a news summary of these facts in at most {max_words} words, as plain "
            "sentences: no title, no list. Use only what the facts say, and keep their "
            "names and numbers exactly. End every sentence with the numbers of the facts it "
            "uses, in square brackets: a sentence that uses facts 2 and 4 ends with [2][4].",
        },
    ]


def _endpoint(url: str) -> str:
    """The chat-completions URL for a server's base ``url``."""
    parts = urlsplit(url.strip())
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        raise ConfigError(f"LLM URL {url!r}: not an http(s) URL; e.g. http://localhost:11434/v1")
    base = url.strip().rstrip("/")
    if base.endswith("/chat/completions"):
        return base
    if parts.path.strip("/") == "":
        base += "/v1"  # Ollama, llama.cpp and vLLM all serve the OpenAI API under /v1
    return base + "/chat/completions"


def _exchange(
    client: httpx.Client,
    endpoint: str,
    payload: dict[str, object],
    headers: dict[str, str],
    timeout: float,
) -> tuple[str, bool]:
    """The message the endpoint answers with, and whether the model finished it."""
    import httpx

    deadline = time.monotonic() + timeout
    body = bytearray()
    try:
        with client.stream(
            "POST", endpoint, json=payload, headers=headers, timeout=httpx.Timeout(timeout)
        ) as response:
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > MAX_REPLY_BYTES:
                raise WriterError(f"{endpoint}: reply of {int(declared):,} bytes refused")
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > MAX_REPLY_BYTES:
                    raise WriterError(f"{endpoint}: reply over {MAX_REPLY_BYTES:,} bytes refused")
                if time.monotonic() > deadline:
                    raise httpx.ReadTimeout("reply still arriving", request=response.request)
            status = response.status_code
    except httpx.InvalidURL as e:
        raise ConfigError(f"LLM URL {endpoint!r}: {e}") from e
    except httpx.TimeoutException as e:
        raise WriterError(
            f"{endpoint}: no reply within {timeout:g} s; is the model loaded? "
            "a bigger timeout helps a slow machine"
        ) from e
    except httpx.HTTPError as e:
        raise WriterError(f"{endpoint}: cannot reach the server ({_plain(str(e), 120)})") from e
    text = body.decode("utf-8", errors="replace")
    if not 200 <= status < 300:
        hint = {401: "; check the API key", 403: "; check the API key"}.get(status, "")
        if status == 404:
            hint = "; is the model name right, and the URL the server's base (…/v1)?"
        raise WriterError(f"{endpoint}: HTTP {status}: {_plain(text, 200)}{hint}")
    try:
        data: Any = json.loads(text)
    except (ValueError, RecursionError) as e:
        raise WriterError(f"{endpoint}: the reply is not JSON: {_plain(text, 120)}") from e
    choices = data.get("choices") if isinstance(data, dict) else None
    choice = choices[0] if isinstance(choices, list) and choices else None
    message = choice.get("message") if isinstance(choice, dict) else None
    content = message.get("content") if isinstance(message, dict) else None
    if not isinstance(content, str):
        raise WriterError(f"{endpoint}: no choices[0].message.content in the reply")
    return content, not (isinstance(choice, dict) and choice.get("finish_reason") == "length")


def _judge(
    reply: str, finished: bool, shown: Sequence[_Shown], max_words: int, model: str
) -> WrittenSummary:
    """Keep the sentences of ``reply`` that their cited evidence supports, up to
    ``max_words``."""
    pieces = _sentences(reply)
    kept: list[SummarySentence] = []
    rejected: list[UnsupportedSentence] = []
    said: set[str] = set()
    words = 0
    for i, (text, cites, ended) in enumerate(pieces[:MAX_SENTENCES]):
        known = [n for n in cites if 1 <= n <= len(shown)]
        facts = [shown[n - 1] for n in known]
        ids = tuple(dict.fromkeys(a for s in facts for a in s.fact.article_ids))
        size = len(_WORD.findall(text))
        key = " ".join(w.lower() for w in _WORD.findall(text))
        reason: str | None
        if not ended and not finished and i == len(pieces) - 1:
            reason = "cut off at the token limit"
        elif not cites:
            reason = "no citation"
        elif len(known) < len(cites):
            reason = "cites unknown fact " + "".join(f"[{n}]" for n in cites if n not in known)
        elif size < SENTENCE_WORDS[0]:
            reason = f"too short ({size} words)"
        elif size > SENTENCE_WORDS[1]:
            reason = f"too long ({size} words)"
        elif key in said:
            reason = "repeats an earlier sentence"
        else:
            reason = check_support(text, [s.text for s in facts])
            if reason is None and words + size > max_words:
                reason = "over the word limit"
        said.add(key)
        if reason is not None:
            rejected.append(UnsupportedSentence(_plain(text, TEXT_CHARS), ids, reason))
            continue
        if not ended:
            text += "."
        words += size
        evidence = tuple(dict.fromkeys(s.span for s in facts))
        kept.append(SummarySentence(text, ids, evidence, origin="model"))
    if len(pieces) > MAX_SENTENCES:
        more = len(pieces) - MAX_SENTENCES
        rejected.append(UnsupportedSentence("…", (), f"{more} more sentences not read"))
    return WrittenSummary(tuple(kept), tuple(rejected), model)


def _sentences(reply: str) -> list[tuple[str, tuple[int, ...], bool]]:
    """The sentences of a reply: plain text, the fact numbers cited, and whether it ended
    with a full stop (or another end mark)."""
    text = _CONTROL.sub(" ", _THINK.sub(" ", reply[:MAX_REPLY_CHARS]))
    out: list[tuple[str, tuple[int, ...], bool]] = []
    for raw in text.splitlines():
        line = _LIST_MARK.sub("", raw)
        line = _CITE_AFTER_END.sub(lambda m: f"{m.group(2)}{m.group(1)}", line)
        start = 0
        for m in _END.finditer(line):
            if _ends_sentence(line, m):
                out.append(_sentence(line[start : m.end()]))
                start = m.end()
        out.append(_sentence(line[start:]))
    return [s for s in out if s[0] or s[1]]


def _ends_sentence(line: str, m: re.Match[str]) -> bool:
    if line[m.start()] != ".":
        return True
    before = line[max(0, m.start() - 24) : m.start()].split()[-1:] or [""]
    word = before[0].lstrip("(\"“‘'").lower()
    # "Mr. Kim", "J. Smith", "U.S." — a full stop after these ends no sentence
    return not (word in _ABBREVIATIONS or len(word) == 1 or "." in word)


def _sentence(piece: str) -> tuple[str, tuple[int, ...], bool]:
    cites = tuple(
        dict.fromkeys(int(n) for m in _CITE.finditer(piece) for n in re.findall(r"\d+", m[1]))
    )
    text = " ".join(_CITE.sub(" ", piece).split())
    text = re.sub(r"\s+([.,;:!?])", r"\1", text)
    return text, cites, re.search(r"[.!?][\"”’)]*$", text) is not None


def check_support(sentence: str, evidence: Sequence[str]) -> str | None:
    """None when ``sentence`` is supported by the evidence texts, else the reason.

    Supported means: every number of the sentence (digits, "1,000", "2.5", number words
    such as "nine") and every name (a capitalised word after the first) is in the
    evidence; the sentence says "not" (or "no", "never", "n't") only where the evidence
    does, and does not drop the negation of the evidence sentence it is closest to; and at
    least ``CONTENT_SHARE`` of its content words are in the evidence, inflections and
    possessives allowed ("Korea's" for "Korea", "talks" for "talk").

    Example:
        >>> check_support("Kim met Putin in Vladivostok.", ["Kim met Putin on Wednesday."])
        "name 'Vladivostok' not in its evidence"
    """
    texts = [t for t in evidence if t.strip()]
    if not texts:
        return "no evidence"
    pool = _Pool(" ".join(texts))
    for number in _numbers(sentence, sentence_side=True):
        if number not in pool.numbers:
            return f"number {number} not in its evidence"
    for name in _names(sentence):
        if not all(pool.has(w) for w in name.split()):
            return f"name '{name}' not in its evidence"
    cue = _NEGATION.search(sentence)
    if cue is not None and not any(_NEGATION.search(t) for t in texts):
        return f"says '{cue[0].lower()}' but its evidence does not"
    content = _content(sentence)
    if cue is None and content:
        overlaps = [len(content & _content(t)) + _fuzzy(content, _content(t)) for t in texts]
        closest = [t for t, o in zip(texts, overlaps, strict=True) if o == max(overlaps)]
        cues = [_NEGATION.search(t) for t in closest]
        if all(cues):
            said = next(c for c in cues if c is not None)[0].lower()
            return f"its evidence says '{said}' but the sentence does not"
    found = sum(1 for w in content if pool.has(w))
    if found < CONTENT_SHARE * len(content):
        return f"only {found} of {len(content)} content words in its evidence"
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
            elif w in _SCALES:
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


def _content(text: str) -> set[str]:
    """Content words: not stop words, numbers or number words, three letters or more."""
    return {
        w.lower()
        for w in _WORD.findall(text)
        if len(w) > 2
        and w[:1].isalpha()
        and w.lower() not in _STOP
        and w.lower() not in _NUMBER_WORDS
        and w.lower() not in _SCALES
    }


def _plain(text: str, limit: int) -> str:
    """``text`` on one line, without control characters, at most ``limit`` characters."""
    flat = " ".join(_CONTROL.sub(" ", text).split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"
