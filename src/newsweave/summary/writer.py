"""A summary written by a language model, each sentence kept only if its evidence supports it.

Optional. The model runs behind any OpenAI-compatible chat endpoint (Ollama, llama.cpp's
server, vLLM). It is shown the briefing's facts, most-reported first, numbered, each as one
sentence an outlet wrote, and asked for a short summary whose sentences end with the numbers
of the facts they use ("[2][5]"). Nothing it writes is trusted: a sentence is kept only when
:func:`newsweave.summary.support.check_support` finds its numbers, names, polarity and most of its
content words in the evidence sentences it cites; every other sentence is reported with the
reason.

Example:
    >>> _endpoint("http://localhost:11434")
    'http://localhost:11434/v1/chat/completions'
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from newsweave.errors import ConfigError, NewsweaveError
from newsweave.model import Briefing, Fact, Span, SummarySentence, UnsupportedSentence
from newsweave.summary.extractive import ranked_sentences
from newsweave.summary.support import check_support
from newsweave.summary.wording import words as words_of
from newsweave.text.sentences import split_sentences

if TYPE_CHECKING:
    import httpx

PROMPT_CHARS = 6000  # facts shown: ~1,300 tokens, so a 600-token reply fits a 2k context
MAX_FACTS = 30
EVIDENCE_CHARS = 400  # a longer evidence sentence is not shown
SENTENCE_WORDS = (4, 60)  # written sentences outside this many words are rejected
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

    The summary's own ranking and sentences (``summary.ranked_sentences``), uncompressed:
    facts several outlets report first, one sentence each, no sentence twice, at most
    ``max_facts`` and ``prompt_chars`` characters of them, none from an article with a
    flagged sentence (``Briefing.flagged``).
    """
    articles = {a.id: a for a in briefing.articles}
    # An article that addresses the model (prompt injection) shows it nothing at all: not
    # the instruction, and none of its other sentences to cite for what it asks.
    rogue = {f.span.article_id for f in briefing.flagged}
    shown: list[_Shown] = []
    seen: set[str] = set()
    used = 0
    for fact, span in ranked_sentences(briefing):
        if len(shown) >= max_facts:
            break
        if span.article_id in rogue:
            continue
        if rogue:  # a rogue outlet is never credited for what the model writes
            fact = replace(
                fact, support=tuple(x for x in fact.support if x.article_id not in rogue)
            )
        # The whole sentence, attribution and all: the model should know who says it.
        text = " ".join(_CONTROL.sub(" ", span.text(articles[span.article_id])).split())
        line = len(text) + 8
        if text in seen or len(text) > EVIDENCE_CHARS or used + line > prompt_chars:
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
        written = words_of(text)  # counted as the summary's limits count them
        size = len(written)
        key = " ".join(w.lower() for w in written)
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
        out += (_sentence(piece) for piece in split_sentences(line))
    return [s for s in out if s[0] or s[1]]


def _sentence(piece: str) -> tuple[str, tuple[int, ...], bool]:
    cites = tuple(
        dict.fromkeys(int(n) for m in _CITE.finditer(piece) for n in re.findall(r"\d+", m[1]))
    )
    text = " ".join(_CITE.sub(" ", piece).split())
    text = re.sub(r"\s+([.,;:!?])", r"\1", text)
    return text, cites, re.search(r"[.!?][\"”’)]*$", text) is not None


def _plain(text: str, limit: int) -> str:
    """``text`` on one line, without control characters, at most ``limit`` characters."""
    flat = " ".join(_CONTROL.sub(" ", text).split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"
