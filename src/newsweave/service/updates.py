"""What changed in a story between two of its briefing versions: the ``updates`` section.

Computed from the briefings themselves (``newsweave.briefing/2`` data), not from times:

- ``articles``: articles the newer version briefs and the older did not;
- ``facts``: facts none of whose evidence was evidence of a fact before;
- ``figures``: values that changed (a toll that rose): for each thing counted or named
  (``about``), its values before and now, each with its outlets and the day it was given for;
- ``quotes``: quotes whose words were not quoted before;
- ``disputes``: points outlets now differ on that they did not differ on before.

Example:
    >>> old = {"articles": [{"id": "a"}], "facts": [], "quotes": []}
    >>> new = {"articles": [{"id": "a"}, {"id": "b", "source": "Post", "title": "T",
    ...        "url": None, "published": None}], "facts": [], "quotes": []}
    >>> [a["id"] for a in updates(old, new)["articles"]]
    ['b']
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

Data = Mapping[str, Any]


def updates(old: Data | None, new: Data) -> dict[str, Any]:
    """What ``new`` says that ``old`` did not (everything, when ``old`` is None)."""
    old = old or {"articles": [], "facts": [], "quotes": []}
    known = {a["id"] for a in old["articles"]}
    cited = {_key(e) for f in old["facts"] for e in f["evidence"]}
    quoted = {(q["article"], q["start"], q["end"]) for q in old["quotes"]}
    return {
        "articles": [
            {k: a.get(k) for k in ("id", "source", "title", "url", "published")}
            for a in new["articles"]
            if a["id"] not in known
        ],
        "facts": [f for f in new["facts"] if not any(_key(e) in cited for e in f["evidence"])],
        "figures": _figures(old, new),
        "quotes": [q for q in new["quotes"] if (q["article"], q["start"], q["end"]) not in quoted],
        "disputes": _disputes(old, new),
    }


def _key(span: Mapping[str, Any]) -> tuple[str, int, int]:
    return span["article"], span["start"], span["end"]


def _values(data: Data) -> dict[str, list[dict[str, Any]]]:
    """Each thing counted or named, by its ``about``, with the values outlets give it."""
    out: dict[str, list[dict[str, Any]]] = {}
    for fact in data["facts"]:
        for v in fact["variants"]:
            if v["relation"] == "naming" or not v["about"]:
                continue
            row = {"value": v["value"], "articles": v["articles"], "as_of": v["as_of"]}
            if row not in out.setdefault(v["about"], []):
                out[v["about"]].append(row)
    return out


def _figures(old: Data, new: Data) -> list[dict[str, Any]]:
    before, now = _values(old), _values(new)
    changed = []
    for about, values in now.items():
        was = before.get(about, [])
        if {v["value"] for v in values} != {v["value"] for v in was} and was:
            changed.append({"about": about, "before": was, "now": values})
    return changed


def _disputes(old: Data, new: Data) -> list[dict[str, Any]]:
    def points(data: Data) -> set[str]:
        return {
            v["about"] or f["text"]
            for f in data["facts"]
            if f["disputed"]
            for v in f["variants"]
            if v["relation"] != "naming"
        }

    had = points(old)
    return [
        f
        for f in new["facts"]
        if f["disputed"]
        and not {v["about"] or f["text"] for v in f["variants"] if v["relation"] != "naming"} <= had
    ]
