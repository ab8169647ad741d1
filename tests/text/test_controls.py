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
