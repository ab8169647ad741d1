"""Characters that hide, reorder or break text: invalid code points, controls, bidi marks.

Article text, file names and reasons quoted from hostile input may carry them:

* a lone surrogate (``"\\ud800"`` from a JSON escape, or a file name that is not UTF-8)
  cannot be encoded, and crashes whatever writes or hashes it; :func:`valid_text` turns
  each into U+FFFD at the reader, and counts them;
* a newline or an escape sequence in a name forges lines or recolours a terminal;
  :func:`shown` writes them as escapes, one line, always encodable;
* a right-to-left override (U+202E) reverses the text after it, citation marks and all;
  :func:`printable` drops such format and control characters (Markdown has no way to
  isolate them; the HTML page isolates instead, with ``<bdi>``).

Example:
    >>> valid_text("Dam \\ud800opens")
    ('Dam \\ufffdopens', 1)
    >>> shown("a\\nrejected: b\\x1b[31m")
    'a\\\\nrejected: b\\\\x1b[31m'
    >>> printable("price \\u202e001$")
    'price 001$'
"""

from __future__ import annotations

import re
import unicodedata

_SURROGATE = re.compile("[\ud800-\udfff]")
# Controls (C0, DEL, C1) other than tab and newline, bidi embeddings, overrides and
# isolates, and the line and paragraph separators.
_UNPRINTABLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]"
)


def valid_text(text: str) -> tuple[str, int]:
    """``text`` with each lone surrogate replaced by U+FFFD, and how many there were."""
    fixed, count = _SURROGATE.subn("\ufffd", text)
    return fixed, count


def printable(text: str) -> str:
    """``text`` without control characters (tab and newline kept), bidi marks, overrides
    and isolates, or lone surrogates: what Markdown and plain output may show."""
    return _UNPRINTABLE.sub("", valid_text(text)[0])


def shown(text: str) -> str:
    """``text`` as one safe terminal line: controls, bidi marks and separators escaped
    (``\\n``, ``\\x1b``, ``\\u202e``), an undecodable byte of a file name as ``\\udcxx``.

    Example:
        >>> shown("caf\\udce9.txt")
        'caf\\\\udce9.txt'
    """
    out: list[str] = []
    for ch in text:
        if _SURROGATE.match(ch) or _UNPRINTABLE.match(ch) or ch in "\t\n":
            out.append(ch.encode("unicode_escape").decode("ascii"))
        elif unicodedata.category(ch) == "Cc":
            out.append(f"\\x{ord(ch):02x}")
        else:
            out.append(ch)
    return "".join(out)


def followable_url(url: str | None) -> str | None:
    """``url`` when it is an ``http(s)`` address an output may link to, else None: no other
    scheme (``javascript:``, ``data:``), no whitespace or control characters, at most 2,000
    characters.

    Example:
        >>> followable_url(" https://example.org/a?b=1 "), followable_url("javascript:alert(1)")
        ('https://example.org/a?b=1', None)
    """
    if not url:
        return None
    url = url.strip()
    if len(url) > 2000 or any(c.isspace() or not c.isprintable() for c in url):
        return None
    scheme, _, rest = url.partition(":")
    if scheme.lower() not in {"http", "https"} or not rest.startswith("//") or len(rest) < 3:
        return None
    return url
