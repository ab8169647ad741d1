"""renderers.html_assets: the script's hash matches it, and the stylesheet covers phone,
desktop and print."""

from __future__ import annotations

import base64
import hashlib

from newsweave.renderers.html_assets import CSS, JS, JS_HASH


def test_the_csp_hash_is_that_of_the_script() -> None:
    digest = base64.b64encode(hashlib.sha256(JS.encode()).digest()).decode()
    assert f"sha256-{digest}" == JS_HASH


def test_the_script_writes_text_never_markup() -> None:
    assert "innerHTML" not in JS
    assert "outerHTML" not in JS
    assert "insertAdjacentHTML" not in JS
    assert "eval(" not in JS
    assert "textContent" in JS


def test_the_stylesheet_has_a_narrow_layout_and_a_print_layout() -> None:
    assert "@media (max-width:900px)" in CSS
    assert "@media print" in CSS
    # grid columns may shrink below their content: a wide table scrolls in its box
    assert "grid-template-columns:minmax(0,3fr) minmax(0,2fr)" in CSS
    assert "grid-template-columns:minmax(0,1fr)" in CSS
