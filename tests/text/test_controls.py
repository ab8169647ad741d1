"""controls: invalid code points replaced, controls escaped for terminals, bidi dropped."""

from __future__ import annotations

from newsweave.text.controls import printable, shown, valid_text


def test_lone_surrogates_become_replacement_characters_and_are_counted() -> None:
    assert valid_text("a\ud800b\udfffc") == ("a\ufffdb\ufffdc", 2)
    assert valid_text("😀 fine") == ("😀 fine", 0)
    assert valid_text("\ud83d")[0].encode("utf-8") == "\ufffd".encode()


def test_a_shown_name_is_one_encodable_line() -> None:
    name = "x\nrejected: forged\x1b[31m\u202e\r\t\x00caf\udce9.txt"
    line = shown(name)
    assert "\n" not in line
    assert "\x1b" not in line
    assert "\u202e" not in line
    line.encode("utf-8")
    assert line.startswith("x\\nrejected: forged\\x1b[31m\\u202e")
    assert shown("Café – Zürich 東京") == "Café – Zürich 東京"


def test_printable_drops_what_reorders_or_hides_text() -> None:
    assert printable("a\u202eb\u2066c\u200fd\x07e\ud800f") == "abcde\ufffdf"
    assert printable("line one\nline two\tend") == "line one\nline two\tend"


def test_only_plain_http_addresses_are_followable() -> None:
    from newsweave.text.controls import followable_url

    assert followable_url("https://example.org/news?id=1") == "https://example.org/news?id=1"
    assert followable_url("HTTP://example.org") == "HTTP://example.org"
    for bad in (
        None,
        "",
        "javascript:alert(1)",
        " JavaScript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "https://example.org/a b",
        "https://example.org/\u202egnp.exe",
        "http:/example.org",
        "//example.org/a",
        "https://" + "a" * 2001,
    ):
        assert followable_url(bad) is None, bad
