"""Synthetic news corpora with gold story labels, for benchmarking story clustering.

Usage:  python bench/_synth.py N [--seed S] [-o FILE.jsonl]   (JSON Lines; stdout without -o)

Everything is invented: names come from syllable lists, and the templates are our own.
A seeded world (about 16 countries with regions, towns, ministers, parties, companies,
unions, clubs, rivers, and 60 outlets) feeds 14 kinds of event. Each story is one event
with fixed facts; its articles render those facts through varied headline and body
templates, so two reports of one story share names and numbers but little wording.

What makes the clustering non-trivial:

* close neighbours: about a third of the stories repeat the kind, country and region of
  a recent story within a few days, sharing some names (the same union, river, club,
  prosecutor, party or acquirer) but not the town, the numbers or the witnesses;
* heavy-tailed story sizes (about 38 % singletons, a few stories of 30 to 60 articles,
  mean near 6), and dates over ``max(30, n / 300)`` days, so stories per day stay flat;
* early reports that under-count tolls, wire copies republished by other outlets with a
  small edit, outlet boilerplate ("Related: <another story's headline>"), datelines,
  generic sentences shared across kinds, and about 8 % of records without a date.

Records come in a seeded random order, with ids ``syn-000000`` upwards in that order.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path
from typing import Any

Facts = dict[str, Any]
Parts = tuple[str | tuple[str, ...], ...]


def _words(s: str) -> tuple[str, ...]:
    return tuple(s.split())


_START = date(2026, 1, 1)
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = _words(
    "January February March April May June July August September October November December"
)

# ---------------------------------------------------------------------------------------
# Names
# ---------------------------------------------------------------------------------------

_ONSETS = _words(
    "b br d dr f g gr h k kr l m n p pr r s sk st t tr v z sh ch j y b d k l m n r s t v"
)
_NUCLEI = _words("a e i o u a e o a i ai ei ou ia")
_CODAS = ("", "", "", "", "n", "r", "l", "s", "k", "m", "th", "nd", "rt", "v", "z", "sh")


class _Namer:
    """Invents pronounceable words, unique within one world."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def word(self, syllables: int, suffixes: tuple[str, ...] = ("",)) -> str:
        """A fresh capitalised word of ``syllables`` syllables plus one of ``suffixes``."""
        rng = self.rng
        while True:
            w = "".join(rng.choice(_ONSETS) + rng.choice(_NUCLEI) for _ in range(syllables))
            w = (w + rng.choice(_CODAS) + rng.choice(suffixes)).capitalize()
            if w not in self.used and 3 < len(w) < 13:
                self.used.add(w)
                return w


def _adjective(country: str) -> str:
    if country.endswith("a"):
        return country + "n"
    if country[-1] in "eiou":
        return country + "se"
    return country + "ian"


_SUFFIX = {1: "st", 2: "nd", 3: "rd"}


def _ordinal(k: int) -> str:
    if 10 <= k % 100 <= 20:
        return f"{k}th"
    return f"{k}{_SUFFIX.get(k % 10, 'th')}"


def _num(k: int) -> str:
    return f"{k:,}"


# ---------------------------------------------------------------------------------------
# World
# ---------------------------------------------------------------------------------------


@dataclass(slots=True, eq=False)
class _Region:
    name: str
    pop: str
    known: str
    share: int
    governor: str
    fire_chief: str
    police_chief: str
    towns: list[_Town] = field(default_factory=list)


@dataclass(slots=True, eq=False)
class _Town:
    name: str
    region: _Region
    pop: int
    dist: int
    direction: str
    villages: tuple[str, ...]


@dataclass(slots=True, eq=False)
class _Company:
    name: str
    sector: str
    town: _Town
    ceo: str


@dataclass(slots=True, eq=False)
class _Club:
    name: str
    town: _Town
    stadium: str
    coach: str
    players: tuple[str, ...]


@dataclass(slots=True, eq=False)
class _Country:
    name: str
    adj: str
    capital: str
    currency: str
    weight: float
    regions: list[_Region]
    towns: list[_Town]
    facts: dict[str, str]  # country-wide slots: officials and figures
    parties: list[tuple[str, str]]
    makers: list[_Company]
    firms: list[_Company]
    tech: list[_Company]
    banks: list[str]
    clubs: list[_Club]
    unions: dict[str, tuple[str, str]]
    rivers: list[str]
    league: str
    power_co: str
    weather: str


@dataclass(slots=True, eq=False)
class _Outlet:
    name: str
    home: _Country | None
    wire: bool
    dateline: bool
    copyright: bool
    newsletter: bool
    related: bool
    suffix: bool


_DIRECTIONS = ("north", "south", "east", "west", "north-east", "north-west", "south-east")
_KNOWN = (
    "vineyards",
    "lakes",
    "mountain villages",
    "textile mills",
    "fishing ports",
    "orchards",
    "old copper mines",
    "cheese",
    "ski resorts",
)
_MAKER_SECTORS = {
    "Chemicals": "solvents and paint",
    "Textiles": "fabric",
    "Foods": "frozen food",
    "Steel": "steel beams",
    "Plastics": "plastic packaging",
    "Furniture": "furniture",
    "Paper": "cardboard",
    "Motors": "car parts",
    "Pharma": "medicines",
}
_FIRM_SECTORS = {
    "Energy": "energy",
    "Logistics": "logistics",
    "Telecom": "telecoms",
    "Retail": "retail",
    "Insurance": "insurance",
    "Airlines": "aviation",
    "Media": "media",
    "Foods": "food",
}
_TECH_SUFFIXES = ("Systems", "Labs", "Electronics", "Mobile", "Devices", "Digital")
_STRIKE_SECTORS = (
    # key, workers, service disrupted, employer pattern
    ("rail", "train drivers", "train services", "{adj} Railways"),
    ("port", "dock workers", "cargo shipments", "the {town} Port Authority"),
    ("hospital", "hospital nurses", "routine operations", "the health ministry"),
    ("school", "teachers", "classes", "the education ministry"),
    ("postal", "postal workers", "mail deliveries", "{adj} Post"),
    ("airport", "airport ground staff", "flights", "{capital} Airports"),
    ("bus", "bus drivers", "bus routes", "the {town} Transport Company"),
    ("refinery", "refinery workers", "fuel deliveries", "{adj} Petroleum"),
)
_PARTY_ADJ = _words(
    "National Democratic Progressive Green Liberal Civic Popular United Social Free"
)
_PARTY_NOUN = _words("Alliance Union Movement Front Renewal League Party Congress")
_CLUB_SUFFIX = ("United", "City", "Athletic", "Rovers", "FC", "Wanderers", "Town", "Albion")
_JOBS = (
    "shopkeeper",
    "teacher",
    "taxi driver",
    "nurse",
    "retired engineer",
    "student",
    "farmer",
    "baker",
    "bus driver",
    "pharmacist",
    "mechanic",
    "café owner",
    "carpenter",
    "bookkeeper",
)
_OUTLET_NOUNS = (
    "Herald",
    "Courier",
    "Gazette",
    "Post",
    "Tribune",
    "Observer",
    "Chronicle",
    "Ledger",
    "Sentinel",
    "Express",
    "Times",
    "Mirror",
)


class _World:
    """Countries, people and outlets drawn once from the seed."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        nm = _Namer(rng)
        self.first = [nm.word(2, ("", "", "a", "o", "in", "el", "ia", "an")) for _ in range(320)]
        self.last = [
            nm.word(rng.choice((2, 2, 3)), ("", "", "", "sen", "ovic", "ari", "ez", "ell", "ano"))
            for _ in range(900)
        ]
        self.countries: list[_Country] = [self._country(nm, i) for i in range(16)]
        self.weights = [c.weight for c in self.countries]
        self.outlets = self._outlets(nm)
        self.outlet_names = [o.name for o in self.outlets]

    def person(self) -> str:
        """A random full name (not unique)."""
        return f"{self.rng.choice(self.first)} {self.rng.choice(self.last)}"

    def _country(self, nm: _Namer, index: int) -> _Country:
        rng = self.rng
        name = nm.word(rng.choice((2, 3)), ("ia", "a", "ora", "enia", "and", "ar", "istra"))
        adj = _adjective(name)
        capital = nm.word(2, ("", "a", "grad", "ovo", "ene"))
        regions: list[_Region] = []
        towns: list[_Town] = []
        for _ in range(4):
            pop = rng.randint(300, 3200) * 1000
            reg = _Region(
                name=nm.word(rng.choice((2, 3))),
                pop=f"{pop / 1e6:.1f} million" if pop >= 1_000_000 else _num(pop),
                known=rng.choice(_KNOWN),
                share=rng.randint(3, 30),
                governor=self.person(),
                fire_chief=self.person(),
                police_chief=self.person(),
            )
            regions.append(reg)
            for _ in range(6):
                town = _Town(
                    name=nm.word(rng.choice((2, 2, 3)), ("", "", "a", "ov", "stad", "mir", "ene")),
                    region=reg,
                    pop=rng.choice((8, 12, 20, 35, 50, 80, 120, 250)) * 1000
                    + rng.randint(0, 99) * 10,
                    dist=rng.randint(25, 480),
                    direction=rng.choice(_DIRECTIONS),
                    villages=tuple(nm.word(2) for _ in range(4)),
                )
                reg.towns.append(town)
                towns.append(town)
        people = {
            r: self.person()
            for r in _words(
                "pm president opp_leader interior transport economy justice labour foreign health"
                " prosecutor"
            )
        }
        people["country_pop"] = f"{rng.uniform(2, 40):.1f}"
        people["gov_year"] = str(rng.randint(2014, 2025))
        people["gdp"] = f"{rng.uniform(-1.5, 5.5):.1f}"
        parties = []
        for adj_, noun in zip(rng.sample(_PARTY_ADJ, 4), rng.sample(_PARTY_NOUN, 4), strict=True):
            pname = f"{adj_} {noun}" if noun == "Party" else f"{adj_} {noun} Party"
            parties.append((pname, self.person()))
        makers = [
            _Company(f"{nm.word(2)} {s}", s, rng.choice(towns), self.person())
            for s in rng.sample(sorted(_MAKER_SECTORS), 7)
        ]
        firms = [
            _Company(f"{nm.word(2)} {s}", s, rng.choice(towns), self.person())
            for s in sorted(_FIRM_SECTORS)
            for _ in range(2)
        ]
        tech = [
            _Company(
                f"{nm.word(2)} {rng.choice(_TECH_SUFFIXES)}",
                "tech",
                rng.choice(towns),
                self.person(),
            )
            for _ in range(5)
        ]
        clubs = []
        for town in rng.sample(towns, 12):
            clubs.append(
                _Club(
                    name=f"{town.name} {rng.choice(_CLUB_SUFFIX)}",
                    town=town,
                    stadium=f"{nm.word(2)} {rng.choice(('Park', 'Stadium', 'Arena', 'Ground'))}",
                    coach=self.person(),
                    players=tuple(self.person() for _ in range(8)),
                )
            )
        unions = {
            key: (f"{adj} Union of {workers.title()}", self.person())
            for key, workers, _, _ in _STRIKE_SECTORS
        }
        return _Country(
            name=name,
            adj=adj,
            capital=capital,
            currency=nm.word(1, ("", "a", "o")).lower() + "s",
            weight=1.0 / (1 + index) ** 0.7,
            regions=regions,
            towns=towns,
            facts=people,
            parties=parties,
            makers=makers,
            firms=firms,
            tech=tech,
            banks=[f"{nm.word(2)} {rng.choice(('Bank', 'Capital', 'Partners'))}" for _ in range(4)],
            clubs=clubs,
            unions=unions,
            rivers=[nm.word(2) for _ in range(4)],
            league=f"{adj} {rng.choice(('Premier Division', 'First League', 'Super League'))}",
            power_co=f"{nm.word(2)} Power",
            weather=f"{adj} {rng.choice(('Weather Service', 'Meteorological Office'))}",
        )

    def _outlets(self, nm: _Namer) -> list[_Outlet]:
        rng = self.rng
        out: list[_Outlet] = []
        for i in range(60):
            home: _Country | None = None
            wire = i < 8
            if wire:
                name = f"{nm.word(2)} {rng.choice(('Wire', 'News Agency', 'Press Service'))}"
            elif i < 12:
                name = f"The {nm.word(2)} {rng.choice(_OUTLET_NOUNS)}"
            else:
                home = self.countries[(i - 12) % len(self.countries)]
                style = rng.random()
                if style < 0.4:
                    town = rng.choice(home.towns).name
                    name = f"The {town} {rng.choice(_OUTLET_NOUNS)}"
                elif style < 0.7:
                    name = f"{nm.word(2)} {rng.choice(('Daily', 'Today', 'Online', 'Weekly'))}"
                else:
                    name = f"{home.adj} {rng.choice(('Broadcasting', 'Radio', 'News Network'))}"
            out.append(
                _Outlet(
                    name=name,
                    home=home,
                    wire=wire,
                    dateline=wire or rng.random() < 0.3,
                    copyright=rng.random() < 0.6,
                    newsletter=rng.random() < 0.3,
                    related=rng.random() < 0.35,
                    suffix=rng.random() < 0.15,
                )
            )
        return out


# ---------------------------------------------------------------------------------------
# Templates: "[a|b|]" picks one alternative per rendering, "{slot}" takes a fact.
# ---------------------------------------------------------------------------------------

_CHOICE = re.compile(r"\[([^\[\]]*)\]")


def _compile(template: str) -> Parts:
    parts: list[str | tuple[str, ...]] = []
    pos = 0
    for m in _CHOICE.finditer(template):
        if m.start() > pos:
            parts.append(template[pos : m.start()])
        parts.append(tuple(m.group(1).split("|")))
        pos = m.end()
    if pos < len(template):
        parts.append(template[pos:])
    if any(c in p for p in parts if type(p) is str for c in "[]|"):
        raise ValueError(f"unbalanced [...] in template {template!r}")
    return tuple(parts)


def _render(rng: random.Random, parts: Parts, slots: Facts) -> str:
    choice = rng.choice
    s = "".join([p if type(p) is str else choice(p) for p in parts]).format_map(slots)
    return s[0].upper() + s[1:]


_GENERIC = (
    "[Officials|Authorities] said [more details|further information] would be [released|given]"
    " on {weekday2}.",
    "{outlet} could not independently [verify|confirm] [all of |]the [figures|reports].",
    "[Local|Regional] media reported that [crowds|residents|onlookers] had gathered"
    " [near|outside] the town hall in {town}.",
    "{town}, a town of about {town_pop} people, lies {town_dist} kilometres {town_dir}"
    " of {capital}.",
    "[This is a developing story|This story is developing] and will be updated.",
    "A spokesperson for the regional government, {spokes}, [declined to comment further|said"
    " more information would follow|did not respond to questions].",
    "The {region} region has [a population of|about] {region_pop} [people|inhabitants]"
    "[ and is known for its {region_known}|].",
    "Opposition leader {opp_leader} [called for|demanded] [an inquiry|answers from the"
    " government|a debate in parliament][ on {weekday2}|].",
    "The news [was widely shared|spread quickly] on social media, where [residents|users]"
    " posted [photos|videos] from {town}.",
    "[Earlier this month|Last month], Prime Minister {pm} [visited|toured] the {region} region"
    " [to promote|to announce] [a new investment plan|road upgrades|a regional hospital].",
    "{witness2}, who has lived in {town} for {years_lived} years, said the [town|community]"
    " [talked of little else|had not seen anything like it].",
    "[Traffic|Road traffic] in the centre of {town} was [heavy|slow] [for much of the day|through"
    " the afternoon], [police said|according to police].",
    "The {country_adj} government [said|has said] it [was following|is following] the"
    " situation [closely|from {capital}].",
    "People in the nearby town of {town2} said [life|business] had [largely|mostly] carried on"
    " as normal.",
    "The {region} region [accounts for|produces] about {region_share} percent of {country}'s"
    " [economic output|exports].",
    "{outlet} has [asked|contacted] the [regional authorities|ministry] for [comment|further"
    " details].",
    "[The weather|Conditions] in {town} on {weekday} [was|were] [mild|cold|wet|dry and windy],"
    " with temperatures [around|near] {temp_c} degrees.",
    "The last time {town} made national headlines was in {past_year2}, [when|after] [a bridge"
    " collapsed|the local football club won the cup|a new motorway opened].",
    "The {country_adj} economy grew by {gdp} percent last year, [according to the national"
    " statistics office|official figures show].",
    "{capital}, the capital, is a journey of [several hours|around {drive_h} hours] from {town}"
    " on [the main highway|winding mountain roads].",
    "Regional elections are due in the {region} region [next year|in the spring], and"
    " politicians [of all parties|from all sides] have been [keen|quick] to appear [responsive|"
    "engaged].",
    "{spokes}, a spokesperson for the [regional|local] authorities, said [a hotline|an"
    " information line] had been set up for [residents|the public].",
    "[Our reporter|A reporter for {outlet}] in {town} [said the mood was|described the mood as]"
    " [tense|subdued|calm] [on {weekday}|by the evening].",
    "{country}, a country of about {country_pop} million people, has had a [coalition|minority]"
    " government [since {gov_year}|led by Prime Minister {pm} since {gov_year}].",
    "[Photos|Pictures] [shared|posted] online [showed|appeared to show] [crowds|people] in the"
    " streets of {town}; {outlet} could not [verify them independently|independently verify"
    " them].",
    "The {region} regional council [will hold|has called] an [extraordinary|emergency] session"
    " on {weekday2} to discuss the situation[, Governor {governor} said|].",
    "[Tourism|Hotel bookings] in {town} had been [rising|recovering] before the events of"
    " {weekday}, according to the regional tourism office.",
    "This article [was updated|has been updated] with [additional|more] details and"
    " [comments|reaction] from [officials|residents].",
)

# ---------------------------------------------------------------------------------------
# Event kinds
# ---------------------------------------------------------------------------------------


def _set_town(f: Facts, town: _Town) -> None:
    f["_town"] = town
    f["town"] = town.name
    f["town_pop"] = _num(town.pop)
    f["town_dist"] = town.dist
    f["town_dir"] = town.direction
    f["village"] = town.villages[0]


def _earthquake(
    rng: random.Random, w: _World, c: _Country, f: Facts, a: Facts | None
) -> dict[str, int]:
    deaths = max(2, int(10 ** rng.uniform(0.3, 2.4)))
    f.update(
        mag=f"{rng.uniform(4.9, 7.6):.1f}",
        depth=rng.randint(5, 60),
        dist=rng.randint(3, 40),
        buildings=_num(deaths * rng.randint(3, 20)),
        aftershocks=rng.randint(3, 60),
        after_mag=f"{rng.uniform(3.5, 5.2):.1f}",
        secs=rng.randint(10, 50),
        displaced=_num(deaths * rng.randint(40, 300)),
        days_emerg=rng.choice((3, 7, 10, 15, 30)),
        institute=f"{c.adj} Seismological Institute",
        rescue=f"{c.adj} Civil Protection Agency",
    )
    return {"deaths": deaths, "injured": deaths * rng.randint(2, 9)}


def _fire(rng: random.Random, w: _World, c: _Country, f: Facts, a: Facts | None) -> dict[str, int]:
    comp = rng.choice(c.makers)
    if a is not None and a["company"] == comp.name:
        comp = rng.choice(c.makers)
    deaths = max(1, int(10 ** rng.uniform(0, 1.4)))
    f.update(
        company=comp.name,
        product=_MAKER_SECTORS[comp.sector],
        workers=rng.randint(20, 400),
        employees=_num(rng.randint(150, 3000)),
        firefighters=rng.randint(30, 250),
        engines=rng.randint(6, 40),
        hours=rng.randint(2, 14),
        radius=rng.randint(1, 5),
        critical=rng.randint(1, 6),
        inspect_month=rng.choice(_MONTHS),
    )
    return {"deaths": deaths, "injured": deaths + rng.randint(2, 40)}


def _strike(
    rng: random.Random, w: _World, c: _Country, f: Facts, a: Facts | None
) -> dict[str, int]:
    if a is not None and rng.random() < 0.8:
        for k in ("union", "union_leader", "workers", "workers_t", "service", "service_t"):
            f[k] = a[k]
        f["employer"] = a["employer"].replace(a["town"], f["town"])
    else:
        key, workers, service, employer = rng.choice(_STRIKE_SECTORS)
        f["union"], f["union_leader"] = c.unions[key]
        f["workers"], f["workers_t"] = workers, workers.capitalize()
        f["service"], f["service_t"] = service, service.capitalize()
        f["employer"] = employer.format(adj=c.adj, town=f["town"], capital=c.capital)
    demand = rng.randint(6, 20)
    f.update(
        days=rng.choice((1, 1, 2, 3, 5, 7)),
        day_n=rng.randint(2, 6),
        strikers=_num(rng.randint(5, 300) * 100),
        demand=demand,
        offer=rng.randint(1, demand // 2),
        pct_out=rng.randint(30, 95),
        talk_hours=rng.randint(4, 30),
        nth=_ordinal(rng.randint(2, 6)),
        wait_min=rng.randint(20, 120),
        cost=rng.randint(2, 90),
        past_days=rng.randint(2, 21),
        past_rise=rng.randint(2, 9),
    )
    return {}


def _election(
    rng: random.Random, w: _World, c: _Country, f: Facts, a: Facts | None
) -> dict[str, int]:
    parties = rng.sample(c.parties, 3)
    if a is not None:
        keep = next(p for p in c.parties if p[0] == a["winner_party"])
        parties = [keep, *[p for p in parties if p is not keep]][:3]
    (wp, leader), (rp, _), (tp, _) = parties
    win = rng.randint(38, 62)
    run = rng.randint(max(20, 100 - win - 30), min(win - 2, 100 - win - 3))
    total = rng.randint(8, 160) * 1000
    f.update(
        winner=w.person(),
        runner=w.person(),
        incumbent=w.person(),
        winner_party=wp,
        party_leader=leader,
        runner_party=rp,
        third_party=tp,
        win_pct=win,
        run_pct=run,
        third_pct=max(1, 100 - win - run - rng.randint(0, 3)),
        turnout=rng.randint(35, 78),
        prev_turnout=rng.randint(35, 78),
        total_votes=_num(total),
        margin=_num(max(12, total * (win - run) // 100)),
        years_since=rng.randint(8, 40),
        since_year=rng.randint(1990, 2018),
        term_years=rng.randint(4, 20),
        street=f"{rng.choice(w.last)} {rng.choice(('Street', 'Avenue', 'Square'))}",
        swear_date=f["date_plus"],
        seats=(seats := rng.choice((21, 25, 31, 35, 41, 45))),
        won_seats=seats // 2 + rng.randint(-2, 6),
    )
    return {}


def _football(
    rng: random.Random, w: _World, c: _Country, f: Facts, a: Facts | None
) -> dict[str, int]:
    if a is not None:
        club_a: _Club = a["_club_a"]
        club_b = rng.choice([k for k in c.clubs if k is not club_a and k is not a["_club_b"]])
    else:
        club_a, club_b = rng.sample(c.clubs, 2)
    home = rng.choice((club_a, club_b))
    win, lose = (club_a, club_b) if rng.random() < 0.5 else (club_b, club_a)
    wg = rng.choice((1, 1, 2, 2, 2, 3, 3, 4, 5))
    lg = rng.randint(0, wg - 1)
    scorer, scorer2 = rng.sample(win.players, 2)
    l_scorer, l_player = rng.sample(lose.players, 2)
    _set_town(f, home.town)
    if wg - lg == 1:
        verb = rng.choice(("edge", "edge past", "beat", "squeeze past"))
    elif wg - lg >= 3:
        verb = rng.choice(("thrash", "hammer", "beat", "crush"))
    else:
        verb = rng.choice(("beat", "see off", "defeat", "overcome"))
    if wg >= 2:
        line2 = rng.choice(
            (
                f"{scorer2} added a second goal after the break.",
                f"{scorer2} doubled the lead early in the second half.",
                f"{scorer2} scored again with a low shot past the goalkeeper.",
            )
        )
    else:
        line2 = f"{win.name} held on for the rest of the match despite late pressure."
    if lg:
        l_line = rng.choice(
            (
                f"{l_scorer} pulled one back for {lose.name} shortly before half-time.",
                f"{lose.name} replied through {l_scorer}, whose header went in off the post.",
            )
        )
    else:
        l_line = f"{lose.name} failed to trouble the {win.name} goalkeeper for long spells."
    f.update(
        _club_a=club_a,
        _club_b=club_b,
        winner=win.name,
        loser=lose.name,
        w_coach=win.coach,
        l_coach=lose.coach,
        win_verb=verb,
        score=f"{wg}-{lg}",
        scorer=scorer,
        l_player=l_player,
        minute_ord=_ordinal(rng.randint(3, 88)),
        min_red_ord=_ordinal(rng.randint(20, 89)),
        w_line2=line2,
        l_line=l_line,
        stadium=home.stadium,
        league=c.league,
        attendance=_num(rng.randint(20, 600) * 100),
        table_pos_ord=_ordinal(rng.randint(1, 12)),
        points=rng.randint(1, 15),
        streak=rng.randint(2, 8),
        next_opp=rng.choice([k.name for k in c.clubs if k is not win and k is not lose]),
        season_goals=rng.randint(3, 22),
        loser_pos_ord=_ordinal(rng.randint(2, 12)),
        loser_points=rng.randint(3, 40),
        games=rng.randint(8, 25),
    )
    return {}


def _merger(
    rng: random.Random, w: _World, c: _Country, f: Facts, a: Facts | None
) -> dict[str, int]:
    if a is not None and rng.random() < 0.5:
        acq = a["_acq"]
        tgt = rng.choice([k for k in c.firms if k is not acq and k is not a["_tgt"]])
    elif a is not None:
        tgt = a["_tgt"]  # a rival bid for the same target
        acq = rng.choice([k for k in c.firms if k is not tgt and k is not a["_acq"]])
    else:
        acq, tgt = rng.sample(c.firms, 2)
    _set_town(f, acq.town)
    f.update(
        _acq=acq,
        _tgt=tgt,
        acquirer=acq.name,
        target=tgt.name,
        acq_ceo=acq.ceo,
        tgt_ceo=tgt.ceo,
        sector=_FIRM_SECTORS[acq.sector],
        sector_t=_FIRM_SECTORS[acq.sector].capitalize(),
        value=f"{rng.uniform(0.4, 30):.1f}",
        premium=rng.randint(12, 60),
        share_price=f"{rng.uniform(3, 180):.2f}",
        savings=rng.randint(20, 600),
        jobs=_num(rng.randint(2, 40) * 50),
        acq_drop=f"{rng.uniform(0.5, 6):.1f}",
        employees=_num(rng.randint(2, 90) * 1000),
        revenue=f"{rng.uniform(1, 60):.1f}",
        regulator=f"{c.adj} Competition Authority",
        quarter=rng.choice(("first", "second", "third", "fourth")),
        talks_year=rng.randint(2019, 2025),
        mkt_share=rng.randint(15, 55),
        advisor=c.banks[0],
        advisor2=c.banks[1 + rng.randrange(3)],
        town2=tgt.town.name if tgt.town is not acq.town else f["town2"],
    )
    return {}


def _flood(rng: random.Random, w: _World, c: _Country, f: Facts, a: Facts | None) -> dict[str, int]:
    f.update(
        river=a["river"] if a is not None and rng.random() < 0.7 else rng.choice(c.rivers),
        rain_mm=rng.randint(80, 400),
        hours=rng.choice((12, 24, 36, 48)),
        homes=_num(rng.randint(2, 300) * 10),
        level=f"{rng.uniform(3, 9):.1f}",
        aid=rng.randint(5, 200),
        no_power=_num(rng.randint(1, 80) * 500),
        villages=rng.randint(3, 30),
        damage=rng.randint(10, 600),
    )
    deaths = max(1, int(10 ** rng.uniform(0, 1.6)))
    return {"deaths": deaths, "evacuated": rng.randint(3, 400) * 50}


_CRASHES = (
    ("derailed", "derails", "came off the rails"),
    ("collided with a freight train", "collides with freight train", "hit a freight train"),
    ("hit a stationary goods train", "hits goods train", "ran into a goods train"),
)


def _rail(rng: random.Random, w: _World, c: _Country, f: Facts, a: Facts | None) -> dict[str, int]:
    crash, crash_h, crash2 = rng.choice(_CRASHES)
    deaths = max(1, int(10 ** rng.uniform(0, 1.8)))
    total = rng.randint(4, 12)
    f.update(
        crash=crash,
        crash_h=crash_h,
        crash2=crash2,
        origin=f["town2"],
        dest=c.capital,
        operator=f"{c.adj} Railways",
        investigator=f"{c.adj} Rail Accident Investigation Board",
        passengers=_num(rng.randint(80, 900)),
        carriages=rng.randint(1, total),
        total_cars=total,
        driver_age=rng.randint(26, 63),
        daily=_num(rng.randint(5, 120) * 100),
        renov_year=rng.randint(2005, 2024),
        mourn="three days" if deaths > 20 else rng.choice(("one day", "two days")),
    )
    return {"deaths": deaths, "injured": deaths * rng.randint(2, 8)}


_CHARGES = (
    ("corruption", "bribery"),
    ("fraud", "fraud"),
    ("embezzlement", "embezzlement"),
    ("money laundering", "laundering"),
    ("abuse of office", "contracts"),
    ("tax evasion", "tax"),
)
_DEF_ROLES = (
    "economy minister",
    "mayor of {town}",
    "head of the national roads agency",
    "regional governor",
    "health ministry official",
    "bank executive",
)


def _court(rng: random.Random, w: _World, c: _Country, f: Facts, a: Facts | None) -> dict[str, int]:
    if a is not None:
        for k in ("case", "case_year", "charge", "charge_short", "judge", "lawyer"):
            f[k] = a[k]
        if rng.random() < 0.5:
            f["judge"] = w.person()
    else:
        f["charge"], f["charge_short"] = rng.choice(_CHARGES)
        f["case"] = w.rng.choice(w.last)
        f["case_year"] = rng.randint(2016, 2024)
        f["judge"] = w.person()
        f["lawyer"] = w.person()
    years = rng.randint(2, 14)
    lo = rng.randint(1, 3)
    f.update(
        defendant=w.person(),
        def_role=rng.choice(_DEF_ROLES).format(town=f["town"]),
        court=f"{f['town']} Regional Court",
        prosecutor=c.facts["prosecutor"],
        years=years,
        sought=years + rng.randint(1, 6),
        amount=rng.randint(2, 400),
        fine=rng.randint(1, 20),
        ban_years=rng.randint(3, 10),
        co_count=rng.randint(2, 9),
        co_min=lo,
        co_max=lo + rng.randint(1, 6),
        trial_months=rng.randint(3, 30),
        end_year=rng.randint(2015, 2024),
        witnesses_n=rng.randint(12, 140),
        read_hours=rng.randint(2, 9),
        n_officials=rng.randint(2, 11),
    )
    return {}


_TOPICS = (
    ("cross-border rail links", "rail links", "a fast line connecting the three capitals"),
    ("energy security", "energy", "a shared electricity grid and gas storage"),
    ("fishing rights", "fisheries", "joint catch quotas for coastal fleets"),
    ("trade and customs", "trade", "removing customs checks on farm goods"),
    ("water management", "water", "new reservoirs and shared river monitoring"),
    ("migration", "migration", "joint border patrols and new reception centres"),
    ("air pollution", "clean air", "cutting coal use in border regions"),
    ("wildfire prevention", "wildfires", "a shared fleet of firefighting aircraft"),
)


def _summit(
    rng: random.Random, w: _World, c: _Country, f: Facts, a: Facts | None
) -> dict[str, int]:
    others = [k for k in w.countries if k is not c]
    if a is not None:
        g1: _Country = a["_g1"]
        g2 = rng.choice([k for k in others if k is not g1 and k is not a["_g2"]])
    else:
        g1, g2 = rng.sample(others, 2)
    topic, short, measure = rng.choice(_TOPICS)
    f.update(
        _g1=g1,
        _g2=g2,
        guest1=g1.facts["pm"],
        guest1_country=g1.name,
        guest2=g2.facts["pm"],
        guest2_country=g2.name,
        topic=topic,
        topic_short=short,
        measure=measure,
        target_year=rng.randint(2028, 2040),
        plan_years=rng.randint(3, 12),
        fund=rng.randint(20, 900),
        nego_months=rng.randint(3, 24),
        crowd=_num(rng.randint(2, 60) * 100),
        police_n=_num(rng.randint(5, 60) * 100),
        next_month=rng.choice(_MONTHS),
        past_summit_year=rng.randint(2015, 2025),
    )
    return {}


_PRODUCTS = (
    ("phone", "young buyers", ("a folding screen", "a three-lens camera", "two-day battery life")),
    ("laptop", "students", ("a fanless design", "a 16-hour battery", "a detachable keyboard")),
    ("electric scooter", "city commuters", ("a 60-kilometre range", "swappable batteries")),
    ("smartwatch", "runners", ("a heart-rate sensor", "offline maps", "a week of battery")),
    ("tablet", "families", ("a stylus", "a child mode", "an anti-glare screen")),
    ("home battery", "homeowners with solar panels", ("a 10-kWh capacity", "app control")),
    ("drone", "farmers", ("a 40-minute flight time", "crop-scanning cameras")),
)


def _launch(
    rng: random.Random, w: _World, c: _Country, f: Facts, a: Facts | None
) -> dict[str, int]:
    comp = rng.choice(c.tech)
    ptype, audience, feats = rng.choice(_PRODUCTS)
    if a is not None:  # a rival answers a few days later with a device of the same type
        comp = rng.choice([k for k in c.tech if k.name != a["company"]])
        ptype, audience, feats = a["_product"]
        rival = a["company"]
    else:
        rival = rng.choice([k.name for k in c.tech if k is not comp])
    f1, f2 = rng.sample(feats, 2) if len(feats) > 2 else feats
    f.update(
        _product=(ptype, audience, feats),
        company=comp.name,
        ceo=comp.ceo,
        product=f"{w.rng.choice(w.last)} {rng.choice(('', 'X', 'Pro ', 'S', 'Air '))}"
        f"{rng.randint(2, 12)}",
        ptype=ptype,
        audience=audience,
        feature1=f1,
        feature2=f2,
        rival=rival,
        price=_num(rng.randint(3, 250) * 10 - 1),
        release_date=f["date_plus"],
        audience_n=rng.randint(2, 40) * 50,
        preorders=_num(rng.randint(2, 400) * 100),
        jobs=rng.randint(3, 80) * 10,
        share_move=f"{rng.uniform(0.3, 9):.1f}",
        markets=rng.randint(3, 40),
        colours=rng.randint(2, 6),
        employees=_num(rng.randint(3, 120) * 100),
        revenue=f"{rng.uniform(0.2, 12):.1f}",
    )
    if rng.random() < 0.5:
        _set_town(f, comp.town)
    return {}


_CAUSES = (
    (
        "a sharp rise in fuel prices",
        "fuel price",
        "Fuel for people, not profits",
        "the fuel price rise is needed to balance the budget",
    ),
    (
        "plans for a motorway through the {town} forest",
        "motorway",
        "Trees, not tarmac",
        "the motorway will cut journey times and bring jobs",
    ),
    (
        "a reform raising the pension age",
        "pension",
        "We worked enough",
        "the pension system cannot survive without the reform",
    ),
    (
        "water shortages and rationing",
        "water",
        "Water is a right",
        "rationing is temporary and new wells are being drilled",
    ),
    (
        "the closure of the {town} hospital",
        "hospital",
        "Hands off our hospital",
        "patients will be better served by the larger hospital in {town2}",
    ),
    (
        "soaring rents",
        "housing",
        "Homes for living, not for profit",
        "new housing programmes will ease rents within two years",
    ),
    (
        "a new open-pit mining licence",
        "mining",
        "No mine in our valley",
        "the mine will meet strict environmental standards",
    ),
    (
        "cuts to university funding",
        "education",
        "Books, not budgets",
        "universities must share the burden of savings",
    ),
)


def _protest(
    rng: random.Random, w: _World, c: _Country, f: Facts, a: Facts | None
) -> dict[str, int]:
    if a is not None:
        for k in ("cause", "cause_short", "slogan", "cause_defence", "org_group", "org_leader"):
            f[k] = a[k]
    else:
        cause, short, slogan, defence = rng.choice(_CAUSES)
        f["cause"] = cause.format(town=f["town"])
        f["cause_short"], f["slogan"] = short, slogan
        f["cause_defence"] = defence.format(town2=f["town2"])
        f["org_group"] = rng.choice(("Citizens for ", "Save ", "Friends of ")) + f["town"]
        f["org_leader"] = w.person()
    crowd = rng.randint(20, 800) * 100
    f.update(
        crowd=_num(crowd),
        crowd_org=_num(crowd * rng.randint(2, 4)),
        police_hurt=rng.randint(1, 30),
        square=f"{rng.choice(w.last)} Square",
        move_months=rng.randint(2, 14),
    )
    return {"arrests": rng.randint(2, 120)}


def _wildfire(
    rng: random.Random, w: _World, c: _Country, f: Facts, a: Facts | None
) -> dict[str, int]:
    f.update(
        wind=rng.randint(40, 110),
        firefighters=_num(rng.randint(80, 1500)),
        aircraft=rng.randint(2, 20),
        helicopters=rng.randint(2, 15),
        villages=rng.randint(2, 14),
        homes=rng.randint(3, 300),
        temp=rng.randint(33, 46),
    )
    return {"hectares": rng.randint(3, 400) * 50, "evacuated": rng.randint(2, 300) * 50}


def _storm(rng: random.Random, w: _World, c: _Country, f: Facts, a: Facts | None) -> dict[str, int]:
    f.update(
        storm=w.rng.choice(w.first),
        wind=rng.randint(90, 190),
        flights=rng.randint(20, 400),
        power_co=c.power_co,
        calls=_num(rng.randint(3, 60) * 100),
        storm_nth=_ordinal(rng.randint(2, 9)),
        damage=rng.randint(10, 900),
        victim_desc=rng.choice(("motorist", "pensioner", "cyclist", "construction worker")),
    )
    deaths = max(1, int(10 ** rng.uniform(0, 1.2)))
    return {"deaths": deaths, "no_power": rng.randint(2, 300) * 1000}


@dataclass(slots=True)
class _Kind:
    name: str
    facts: Callable[[random.Random, _World, _Country, Facts, Facts | None], dict[str, int]]
    headlines: tuple[Parts, ...]
    leads: tuple[Parts, ...]
    body: tuple[Parts, ...]


def _kind(
    name: str,
    facts: Callable[[random.Random, _World, _Country, Facts, Facts | None], dict[str, int]],
    headlines: tuple[str, ...],
    leads: tuple[str, ...],
    body: tuple[str, ...],
) -> _Kind:
    return _Kind(
        name,
        facts,
        tuple(map(_compile, headlines)),
        tuple(map(_compile, leads)),
        tuple(map(_compile, body)),
    )


_KINDS = (
    _kind(
        "earthquake",
        _earthquake,
        (
            "Magnitude {mag} earthquake [strikes|hits|jolts] {country}'s {region} region",
            "[At least |]{deaths} [dead|killed] as [earthquake|quake|strong tremor]"
            " [rocks|shakes|hits] {town}",
            "[Rescuers|Emergency crews] [dig through|search] rubble after [deadly|powerful]"
            " quake near {town}",
            "{country} [quake|earthquake]: [death toll rises to|toll climbs to] {deaths}",
            "[Powerful|Strong] [earthquake|quake] [damages|flattens] {buildings} buildings"
            " in {town}",
        ),
        (
            "A magnitude {mag} earthquake [struck|hit|shook] [the area around |]{town} in"
            " {country} on {weekday}, [killing at least {deaths} people|leaving at least"
            " {deaths} people dead] and injuring {injured} [others|more], [officials said|"
            "authorities said|according to officials].",
            "At least {deaths} people [were killed|died] and {injured} were [hurt|injured] when"
            " a [strong|powerful|shallow] earthquake [struck|hit] {country}'s {region} region"
            " on {weekday}[, officials said|].",
            "[Residents of|People in] {town} [ran into the streets|fled their homes] on"
            " {weekday} as a magnitude {mag} [earthquake|quake|tremor] [shook|rattled] the"
            " {region} region of {country}, [killing at least {deaths} people|with at least"
            " {deaths} people reported dead].",
        ),
        (
            "The [quake|earthquake] was centred {dist} kilometres [from|outside] {town} at a"
            " depth of {depth} kilometres, according to the {institute}.",
            "Interior Minister {interior} said {buildings} buildings had [collapsed|been"
            " destroyed|been badly damaged] and that rescue teams were [still searching|combing]"
            " the rubble [for survivors|for people trapped inside].",
            "“We felt the ground [move|shake] for almost {secs} seconds,” said {witness}, a"
            " {witness_job} in {town}. “Everyone ran [into the street|outside].”",
            "At least {aftershocks} aftershocks were recorded in the [following hours|hours that"
            " followed], the strongest [measuring|of magnitude] {after_mag}.",
            "Hospitals in {town2} and {capital} [received|took in|were treating] many of the"
            " injured, [the health ministry said|according to the health ministry].",
            "Power and water [supplies|services] were cut in [several|many] districts of {town},"
            " and the main road to {town2} was blocked by [landslides|fallen rocks].",
            "Teams from the {rescue} [arrived|were flown in] from {capital} [overnight|early on"
            " {weekday2}] with [sniffer dogs|heavy lifting equipment|thermal cameras].",
            "[The government|Prime Minister {pm}] declared a {days_emerg}-day state of"
            " emergency in the {region} region.",
            "Governor {governor} said schools [would remain|will stay] closed until"
            " {weekday2} while engineers [inspect|check] the buildings.",
            "The region last [suffered|experienced] a major earthquake in {past_year}, when"
            " {past_deaths} people [died|were killed].",
            "Aid [agencies|groups] said about {displaced} people [had spent|spent] the night in"
            " tents, cars or [sports halls|school gyms].",
            "“[We are still finding people|There are still people] under the rubble,” said"
            " {witness2}, a volunteer from {town2}.",
            "President {president} [cut short a trip abroad|cancelled a planned visit] and"
            " returned to {capital}, the presidential office said.",
            "Television pictures showed [collapsed walls|cracked facades] and [cars crushed by"
            " masonry|streets covered in rubble] in the old centre of {town}.",
            "The {institute} said the fault near {town} had been [quiet|inactive] for [decades|"
            "many years] and [warned|cautioned] that further tremors were possible.",
        ),
    ),
    _kind(
        "factory-fire",
        _fire,
        (
            "[Fire|Blaze] [tears through|engulfs|destroys] {company} [factory|plant] in {town}",
            "{deaths} [dead|killed] in {town} factory [fire|blaze]",
            "[Huge|Massive|Large] fire at {product} plant [kills {deaths}|leaves {deaths} dead]",
            "Firefighters battle [blaze|fire] at {company} site near {town}",
        ),
        (
            "A fire [broke out|started] at a {product} factory [owned by|run by|operated by]"
            " {company} in {town} on {weekday}, killing {deaths} [workers|people] and injuring"
            " {injured}, [the fire service said|officials said].",
            "{deaths} [people|workers] [died|were killed] and {injured} were [injured|taken to"
            " hospital] after a [fire|blaze] [swept through|tore through] the {company} plant on"
            " the edge of {town} on {weekday}.",
            "[Thick black smoke|A column of dark smoke] [rose over|hung over] {town} on"
            " {weekday} as [a blaze|fire] [ripped through|gutted] a {product} factory, [leaving"
            " {deaths} people dead|killing {deaths} people].",
        ),
        (
            "About {workers} [employees|staff|workers] were on [the night shift|shift] when the"
            " fire [started|broke out], [according to|said] the company.",
            "Regional fire chief {fire_chief} said {firefighters} firefighters and {engines}"
            " engines [were sent|had been deployed] and the fire was brought under control"
            " after {hours} hours.",
            "The cause of the fire [was not immediately known|remains unclear|is under"
            " investigation], [but|and] investigators [were examining|are looking at] a"
            " [storage area|warehouse section|boiler room] where [witnesses said|it was thought]"
            " the flames started.",
            "“The whole [roof|building] was [on fire|in flames] within minutes,” said {witness},"
            " who works [at a neighbouring|in a nearby] warehouse.",
            "{company} said in a statement that it was [deeply saddened|devastated] and would"
            " [cooperate fully|work closely] with [investigators|the authorities].",
            "Residents within {radius} kilometres were told to keep windows closed because of"
            " [toxic|chemical] smoke[, the local council said|].",
            "The plant, which [makes|produces] {product}, employs about {employees} people and"
            " is one of the largest employers in the {region} region.",
            "Labour Minister {labour} [said|promised] an inquiry would [examine|look into] safety"
            " [standards|conditions] at the site.",
            "Police chief {police_chief} said [nobody had been arrested|no arrests had been made]"
            " [but|and] the site [manager|owner] would be questioned.",
            "[Injured workers|The injured] were taken to hospitals in {town} and {town2};"
            " {critical} [were|are] in [a critical|a serious] condition.",
            "A union representative, {witness2}, said workers had complained about [blocked fire"
            " exits|faulty alarms|poor ventilation] [for months|last year].",
            "The factory had passed a safety inspection in {inspect_month}, the regional"
            " authority said.",
            "[Neighbours|Residents] said [explosions|loud bangs] could be heard [for more than an"
            " hour|well into the night] as [gas cylinders|drums of material] caught fire.",
            "Environmental inspectors [took samples|began testing] [of the air and water|from a"
            " nearby stream] to check for [pollution|contamination] from the blaze.",
            "Production at the site [has been suspended|was halted], and {company} said [workers"
            " would continue to be paid|staff would be moved to other sites] [for now|in the"
            " meantime].",
        ),
    ),
    _kind(
        "strike",
        _strike,
        (
            "{workers_t} [walk out|go on strike|stage strike] [over pay|in pay dispute] in {town}",
            "[Strike|Walkout] by {workers} [halts|disrupts|paralyses] {service} in {town}",
            "{union} [calls|announces] {days}-day strike",
            "{country}: {workers} strike [enters day {day_n}|continues] as talks [stall|fail]",
        ),
        (
            "[Thousands of|About {strikers}] {workers} in {town} [walked out|went on strike|"
            "stopped work] on {weekday} [in a dispute over pay|demanding higher wages],"
            " [disrupting|halting] {service} across the {region} region.",
            "The {union} [began|launched] a {days}-day strike in {town} on {weekday}, [saying|"
            "arguing] that a pay offer of {offer} percent [was|is] far below [inflation|rising"
            " living costs].",
            "{service_t} in and around {town} were [severely disrupted|brought to a halt|"
            "cancelled] on {weekday} as {strikers} {workers} [joined|took part in] a strike"
            " [called|organised] by the {union}.",
        ),
        (
            "The union is [demanding|seeking|asking for] a pay rise of {demand} percent,"
            " [while|whereas] [the employer|management] has offered {offer} percent.",
            "“[Our members|Workers] [cannot|can no longer] [pay their rent|make ends meet] on"
            " these wages,” said union leader {union_leader} [at a rally|outside the main depot|"
            "to reporters] in {town}.",
            "Labour Minister {labour} [urged|called on] both sides to return to [talks|"
            "negotiations] and said the government [would not|could not] [intervene|set wages].",
            "About {pct_out} percent of [services|scheduled services] were [cancelled|not"
            " running] on {weekday}, [according to|said] {employer}.",
            "{employer} said the strike was [unjustified|irresponsible] and that its offer was"
            " [fair|the best it could afford].",
            "Talks [broke down|collapsed] on {weekday_prev} after {talk_hours} hours of"
            " negotiations[, both sides said|].",
            "[Picket lines|Strikers] [formed|gathered] outside [depots|workplaces] in {town} and"
            " {town2} [from early morning|before dawn].",
            "{witness}, a {witness_job} from {town2}, said the strike had [cost a day's work|made"
            " the trip to work impossible] and that [there was no information|nobody explained"
            " anything] for {wait_min} minutes.",
            "It is the {nth} strike in the sector this year[, and the longest|].",
            "Opposition leader {opp_leader} [accused the government of ignoring|blamed the"
            " government for ignoring] [workers|public sector staff] [for years|for too long].",
            "The union said it would [hold|stage] [another|a further] walkout on {weekday2} if"
            " no [new|improved] offer [was made|arrived].",
            "Business groups [in the {region} region|in {town}] [estimated|said] the strike"
            " [was costing|cost] about {cost} million {currency} a day.",
            "[Commuters|Passengers|Parents] in {town} [faced|had to deal with] [long queues|"
            "crowded alternatives|a day of improvised arrangements] as the walkout [began|took"
            " effect].",
            "The last large strike in the sector, in {past_year}, lasted {past_days} days and"
            " ended with a pay rise of {past_rise} percent.",
            "A mediator appointed by the labour ministry is expected to [meet|contact] both sides"
            " [on {weekday2}|later in the week].",
        ),
    ),
    _kind(
        "election",
        _election,
        (
            "{winner} [wins|takes|claims] {town} mayoral [race|election|vote]",
            "{winner_party} [candidate |]{winner} [elected|voted in as] mayor of {town}",
            "[Upset|Shock|Landslide] in {town} as {winner} [beats|defeats|ousts] {runner}",
            "{town} election: {winner} [wins|secures] {win_pct}%[ of the vote|]",
        ),
        (
            "{winner} of the {winner_party} [won|has won] the mayoral election in {town} with"
            " {win_pct} percent of the vote, [defeating|beating] {runner} of the {runner_party},"
            " [official results showed|according to results published] on {weekday}.",
            "Voters in {town} [have elected|elected] {winner} as their new mayor, [handing|"
            "giving] the {winner_party} [control of the town hall|a win in the town] for the"
            " first time [in {years_since} years|since {since_year}].",
            "The {winner_party} [claimed|declared] victory in {town} on {weekday} after its"
            " candidate, {winner}, [took|won] {win_pct} percent [of the vote|of ballots cast]"
            " against {run_pct} percent for {runner}.",
        ),
        (
            "Turnout was {turnout} percent, [compared with|against] {prev_turnout} percent"
            " [at the last election|four years ago], the electoral commission said.",
            "“[This is a victory for|Tonight belongs to] [every family in|the people of]"
            " {town},” {winner} told [supporters|a crowd of supporters] [at|outside] the party's"
            " [headquarters|offices] on {street}.",
            "{runner} [conceded defeat|accepted the result] [late on {weekday}|in a short"
            " speech] and [congratulated the winner|thanked voters].",
            "{winner} [campaigned|ran] on promises to [fix the town's roads|build affordable"
            " housing|cut local taxes|improve public transport|reopen the {town} hospital].",
            "The result is [seen as|being read as] a [test|setback|boost] for Prime Minister"
            " {pm} ahead of [next year's|the coming] national elections.",
            "Party leader {party_leader} [travelled to|visited] {town} [to celebrate|on election"
            " night] and [called the result|described the win as] “a [clear|strong] message to"
            " {capital}”.",
            "The margin of victory was {margin} votes [out of|from] about {total_votes} ballots"
            " cast.",
            "{incumbent}, the [outgoing|previous] mayor, [did not stand again|had stepped down]"
            " after {term_years} years in office.",
            "[Analysts|Political scientists] said [local issues|rising rents and traffic] had"
            " [dominated|shaped] the campaign.",
            "The {third_party} came third with {third_pct} percent[ of the vote|].",
            "{witness}, a {witness_job} who voted for {winner}, said: “[We wanted change|It was"
            " time for something new].”",
            "The new mayor [will be sworn in|takes office] on {swear_date}.",
            "Counting [went on|continued] [late into the night|until the early hours] in several"
            " districts, where the gap between the two [leading|main] candidates was [narrow|"
            "tight].",
            "{runner} had [led|been ahead] in [most|several] opinion polls [before the vote|during"
            " the campaign], [according to|said] local media.",
            "The {town} council has {seats} seats; the {winner_party} [will hold|is expected to"
            " hold] {won_seats} of them, [results showed|according to the results].",
        ),
    ),
    _kind(
        "football",
        _football,
        (
            "{winner} {win_verb} {loser} {score}",
            "{scorer} [scores|strikes|on target] as {winner} beat {loser}",
            "{league}: {winner} {score} {loser}",
            "{loser} [slip|fall] to {score} defeat against {winner}",
            "{w_coach} [hails|praises] [character|spirit] after {winner} win",
        ),
        (
            "{winner} [beat|defeated|overcame] {loser} {score} in the {league} on {weekday},"
            " [with {scorer} scoring|thanks to a goal from {scorer}] in the {minute_ord} minute.",
            "A goal in the {minute_ord} minute from {scorer} [helped|gave] {winner} [to |]a"
            " {score} [win|victory] over {loser} at {stadium} on {weekday}.",
            "{winner} moved up to {table_pos_ord} in the {league} [table|standings] after a"
            " {score} [win|victory] against {loser} in front of {attendance} [fans|spectators] at"
            " {stadium}.",
        ),
        (
            "{scorer} [opened the scoring|put {winner} ahead] in the {minute_ord} minute [with a"
            " header from a corner|after a quick counter-attack|with a low shot from the edge of"
            " the area|from the penalty spot].",
            "{l_line}",
            "{w_line2}",
            "“[The players showed real character|We deserved the three points|It was a hard game"
            " but we kept going],” said {winner} coach {w_coach} [after the match|afterwards].",
            "{loser} coach {l_coach} [said the team|admitted the side] had [been too slow|made"
            " too many mistakes|lacked energy] [in the first half|at the back].",
            "The result [leaves|puts] {winner} {points} points [from|off] the top of the"
            " {league}[ table|].",
            "A crowd of {attendance} [watched|attended] the match at {stadium}[ in {town}|].",
            "{loser} [have now lost|have not won in] {streak} [matches|games] [in all"
            " competitions|in the league].",
            "{l_player} was [shown a red card|sent off] in the {min_red_ord} minute for a [late"
            " tackle|second booking].",
            "{winner} [play|face|host] {next_opp} [next|on {weekday2}].",
            "[Police|Stewards] said the match passed [off |]without [serious incident|trouble].",
            "{scorer} has now scored {season_goals} goals this season[, more than anyone else in"
            " the league|].",
            "{winner} [dominated|controlled] possession [for long spells|in the first half],"
            " [while|and] {loser} [relied on|looked for] [long balls|counter-attacks].",
            "The referee [waved away|turned down] [a penalty appeal|strong appeals for a penalty]"
            " from {loser} [after half-time|in the closing minutes].",
            "{loser} [sit|are] {loser_pos_ord} in the table, [with|having collected]"
            " {loser_points} points from {games} games.",
        ),
    ),
    _kind(
        "merger",
        _merger,
        (
            "{acquirer} to [buy|acquire|take over] {target} in {value} billion {currency} deal",
            "{acquirer} [agrees|strikes deal] to [buy|take over] [rival|smaller rival|"
            "competitor] {target}",
            "{target} shares [jump|soar|surge] {premium}% on {acquirer} [bid|takeover offer]",
            "{sector_t} [deal|merger]: {acquirer} and {target} to combine",
        ),
        (
            "{acquirer} [has agreed to buy|said on {weekday} it would acquire|announced a deal to"
            " take over] {target} for {value} billion {currency}, [creating|forming] one of the"
            " largest {sector} [companies|groups] in {country}.",
            "{country_adj} {sector} [group|company] {acquirer} [will buy|is to acquire] [rival|"
            "competitor] {target} in a [cash-and-shares|cash|all-share] deal worth {value}"
            " billion {currency}, the companies said on {weekday}.",
            "Shares in {target} [rose|jumped|climbed] {premium} percent on {weekday} after"
            " {acquirer} [agreed|offered] to [buy|acquire] the company for {value} billion"
            " {currency}.",
        ),
        (
            "The offer [values|prices] each {target} share at {share_price} {currency}, a premium"
            " of {premium} percent [to|over] [{weekday_prev}'s closing price|the previous close].",
            "“[Together we will be stronger|This combination creates a stronger company|This is a"
            " natural fit] [for our customers|for our employees and shareholders],” {acq_ceo},"
            " chief executive of {acquirer}, said in a statement.",
            "{target} chief executive {tgt_ceo} [will join|is expected to join] the board of the"
            " combined company[, which will be based in {town}|].",
            "The deal [requires|still needs] approval from the {regulator}, which [is expected"
            " to|could] [examine|look closely at] its impact on [prices|competition].",
            "The companies [expect|said they expected] [annual savings|cost savings] of about"
            " {savings} million {currency} within three years.",
            "Unions [warned|said] that up to {jobs} jobs could be [at risk|cut], [particularly|"
            "especially] at [the {town2} site|sites in {town2}].",
            "Economy Minister {economy} said the government would [study|look at] the deal"
            " [carefully|closely] but [welcomed|did not oppose] [investment|consolidation] in the"
            " sector.",
            "{acquirer} [shares|stock] [fell|dropped|slipped] {acq_drop} percent [in {capital}"
            " trading|on the {capital} exchange].",
            "The combined [group|company] will have about {employees} employees and [annual"
            " sales|revenue] of {revenue} billion {currency}.",
            "[Analysts|Analysts at brokerages] said the [price|offer] was [generous|full|fair]"
            " [given|considering] {target}'s [recent losses|debt|weak results].",
            "The deal is expected to [close|be completed] [in the {quarter} quarter|by the end"
            " of the year].",
            "{advisor} [advised|is advising] {acquirer}, [while|and] {advisor2} [advised|is"
            " advising] {target}.",
            "The companies have held talks on and off since {talks_year}, [people familiar with"
            " the matter said|according to people close to the talks].",
            "The combined company would [control|have] about {mkt_share} percent of the"
            " {country_adj} {sector} market, according to estimates by {advisor2}.",
            "[Small|Smaller] rivals [urged|called on] the {regulator} to [block|examine carefully]"
            " the deal, [warning|saying] it would [raise prices|reduce choice] for [customers|"
            "consumers].",
        ),
    ),
    _kind(
        "flood",
        _flood,
        (
            "[Floods|Flooding] [hit|swamp|inundate] {town} as {river} [bursts its banks|overflows]",
            "{deaths} dead, thousands evacuated in {country} floods",
            "[Heavy rain|Torrential rain] [floods|swamps] {region} region",
            "{town} [under water|submerged] after [days of rain|record rainfall]",
        ),
        (
            "[At least {deaths} people died|{deaths} people were killed] and {evacuated} were"
            " [evacuated|forced from their homes] after the {river} [burst its banks|overflowed]"
            " in {town} on {weekday}, [officials|authorities] said.",
            "[Torrential|Heavy] rain [flooded|swamped] {town} and [surrounding|nearby] villages"
            " in {country}'s {region} region on {weekday}, killing {deaths} people and forcing"
            " {evacuated} from their homes.",
            "{rain_mm} millimetres of rain fell on {town} in {hours} hours[ on {weekday}|],"
            " [sending|pushing] the {river} [above|over] its banks and [flooding|inundating]"
            " {homes} homes.",
        ),
        (
            "Water levels on the {river} reached {level} metres [on {weekday}|overnight], [the"
            " highest since|a level not seen since] {past_year}.",
            "[Rescuers|Firefighters|Soldiers] [used boats|used inflatable boats|used"
            " helicopters] to [reach|rescue] people [trapped|stranded] on roofs [in|around]"
            " {town}.",
            "Interior Minister {interior} [visited|toured] [the area|{town}] and promised"
            " [emergency aid|{aid} million {currency} in aid] for [affected families|those"
            " affected].",
            "“[The water came up so fast|The water rose in minutes] — we [had no time|did not"
            " have time] to [save anything|move the car],” said {witness}, a {witness_job}.",
            "Forecasters at the {weather} [warned|said] more rain was [expected|likely]"
            " [until {weekday2}|in the coming days].",
            "[Roads|Several roads] and the railway line between {town} and {town2} were"
            " [closed|cut], and [about|some] {no_power} [households|homes] were without"
            " [power|electricity].",
            "Governor {governor} said {villages} villages [were cut off|had been isolated] and"
            " [army|military] trucks were [delivering|bringing] [food and water|drinking water].",
            "Schools in {town} [were closed|stayed shut] and [turned into|used as] [shelters|"
            "temporary shelters].",
            "[Farmers|Farm groups] said [large areas of|thousands of hectares of] [crops|"
            "farmland] had been [destroyed|ruined].",
            "[Critics|Residents] [said|complained] that flood defences [promised|planned] after"
            " floods in {past_year} had never been [built|finished].",
            "The {river} is expected to [peak|crest] in {town2}, [downstream|further south],"
            " [on {weekday2}|later this week].",
            "[Volunteers|Neighbours] [filled|stacked] sandbags [outside|along] [shops|the river"
            " front] [through the night|overnight].",
            "[Insurers|Insurance companies] [said|warned] that [claims|damage] could run to"
            " [tens of millions of|{damage} million] {currency}.",
            "In {village}, a village outside {town}, [water|floodwater] [reached|rose to] the"
            " [first floor|windows] of [houses|homes].",
            "The [army|government] [set up|opened] [emergency|reception] centres in {town2} for"
            " [those who had lost|people forced out of] their homes.",
        ),
    ),
    _kind(
        "rail-crash",
        _rail,
        (
            "[Train crash|Rail crash|Train accident] near {town} [kills {deaths}|leaves {deaths}"
            " dead]",
            "{deaths} dead as passenger train {crash_h} in {country}",
            "[Passenger train|Train] {crash_h} [near|outside] {town}[, many injured|]",
            "{country} rail crash: investigators [examine|focus on] [signals|track|speed]",
        ),
        (
            "A passenger train [travelling|running] from {origin} to {dest} {crash} near {town}"
            " on {weekday}, killing {deaths} people and injuring {injured}, [officials said|the"
            " operator said].",
            "At least {deaths} people [died|were killed] when a train {crash2} near {town} in"
            " {country} on {weekday}, [rescue services said|according to rescue services].",
            "[Rescue workers|Firefighters] [searched|worked] through the night near {town} after"
            " a [crowded|packed] train from {origin} {crash} on {weekday}, [killing|leaving dead]"
            " {deaths} people.",
        ),
        (
            "The train was carrying about {passengers} passengers, [according to|said] {operator}.",
            "{carriages} of the train's {total_cars} carriages [overturned|left the rails|were"
            " thrown on their side], [rescue workers said|witnesses said].",
            "Transport Minister {transport} [said|told reporters] the [cause|causes] of the"
            " [crash|accident] would be [investigated|established] by the {investigator}.",
            "[Investigators|Officials] [were examining|are looking at] [whether|if] a [signal"
            " fault|signalling error|problem with the track|excessive speed] [played a role|"
            "caused the crash].",
            "“[There was a huge bang|We heard a terrible noise] and then [everything went dark|"
            "the carriage turned over],” said {witness}, [who was travelling|a passenger"
            " travelling] to {dest}.",
            "{operator} [suspended|halted] services [on the line|between {origin} and {dest}]"
            " [until further notice|while the tracks are repaired].",
            "The driver, [aged|who is] {driver_age}, [survived|was among the injured] and"
            " [has been|was] questioned by police[, local media reported|].",
            "[Hospitals|Hospitals in {town} and {town2}] [declared|activated] [emergency|major"
            " incident] [plans|procedures] and [called in|asked for] [extra staff|blood donors].",
            "[Cranes|Heavy cranes] were brought in [to lift|to remove] the [carriages|wreckage]"
            " [on {weekday2}|overnight].",
            "[Rail unions|The train drivers' union] said [it had|they had] warned about [ageing|"
            "poorly maintained] [signals|track] on the line [for years|since {past_year}].",
            "It is the [deadliest|worst] rail accident in {country} since {past_year}, when"
            " {past_deaths} people [died|were killed].",
            "Prime Minister {pm} declared {mourn} of national mourning.",
            "The line between {origin} and {dest} is [one of the busiest|among the busiest] in"
            " {country}, used by about {daily} passengers a day.",
            "[Relatives|Families] [gathered|waited] [at|outside] {dest} station [for news|hoping"
            " for news] of [passengers|loved ones].",
            "The section of track [had been|was] [renovated|upgraded] in {renov_year}, {operator}"
            " said.",
        ),
    ),
    _kind(
        "court-verdict",
        _court,
        (
            "[Former|Ex-] {def_role} {defendant} [jailed for|sentenced to] {years} years for"
            " {charge}",
            "{defendant} found guilty of {charge}[ in {case} case|]",
            "Court [convicts|finds guilty] former {def_role} in {case} [case|affair]",
            "{court} [sentences|jails] {defendant} over {amount} million {currency} {charge_short}"
            " scheme",
        ),
        (
            "A court in {town} on {weekday} [sentenced|jailed] {defendant}, a former {def_role},"
            " to {years} years in prison for {charge}[, in a case that has gripped {country}|].",
            "The {court} [found|has found] {defendant} guilty of {charge} and [sentenced|jailed]"
            " the defendant to {years} years[ in prison|], [ending|closing] a trial that lasted"
            " {trial_months} months.",
            "{defendant}, who was {def_role} until {end_year}, was [convicted|found guilty] on"
            " {weekday} of {charge} linked to the so-called {case} affair.",
        ),
        (
            "Judge {judge} said the defendant had [abused|betrayed] [the trust of voters|public"
            " trust], causing losses of about {amount} million {currency}.",
            "Prosecutor {prosecutor} had [asked for|sought] a sentence of {sought} years.",
            "Defence lawyer {lawyer} [said|told reporters] [the verdict would be appealed|the"
            " defence would appeal] [to the Supreme Court|to a higher court].",
            "{defendant} [denied all the charges|has always denied wrongdoing] and [described|"
            "called] the case [politically motivated|a political trial].",
            "The court also [ordered|imposed] a fine of {fine} million {currency} and [banned|"
            "barred] {defendant} from public office for {ban_years} years.",
            "{co_count} [other defendants|co-defendants] received [sentences|prison terms] of"
            " between {co_min} and {co_max} years.",
            "[Dozens|A small group] of supporters [gathered|waited] outside the courthouse in"
            " {town}[, some holding banners|].",
            "The {case} affair [came to light|emerged] in {case_year} after [an investigation"
            " by|reports in] {outlet2} [into|about] [public contracts|road-building contracts|"
            "hospital purchases].",
            "Justice Minister {justice} said the ruling showed that “no one is above the law”.",
            "Justice Minister {justice} declined to comment on the ruling, citing the"
            " independence of the courts.",
            "[Anti-corruption campaigners|Transparency groups] [welcomed|praised] the [verdict|"
            "ruling] but said [larger|wider] [networks|schemes] [remained|were still]"
            " [unpunished|untouched].",
            "The trial [heard|was told] from {witnesses_n} witnesses over {trial_months} months.",
            "Reading the judgment took about {read_hours} hours, [and|while] {defendant}"
            " [listened without expression|took notes throughout].",
            "The {case} [affair|scandal] [led to|triggered] the [resignation|departure] of"
            " {n_officials} senior officials and [a reform of|new rules on] public procurement.",
        ),
    ),
    _kind(
        "summit",
        _summit,
        (
            "Leaders [meet|gather] in {town} for [talks|summit] on {topic}",
            "{country}, {guest1_country} and {guest2_country} [sign|agree] {topic_short}"
            " [pact|deal|accord]",
            "{town} summit [ends with|produces] [deal|agreement] on {topic}",
            "{pm} hosts {guest1} and {guest2} [for|at] {topic_short} summit",
        ),
        (
            "[Leaders of|Heads of government from] {country}, {guest1_country} and"
            " {guest2_country} [met|gathered] in {town} on {weekday} for a [two-day|one-day]"
            " summit [focused on|dedicated to] {topic}.",
            "Prime Minister {pm} [welcomed|hosted] {guest1}, [the leader|head of government] of"
            " {guest1_country}, and {guest2} of {guest2_country} in {town} on {weekday} for"
            " talks on {topic}.",
            "{country}, {guest1_country} and {guest2_country} [signed|agreed] [a deal|an"
            " agreement|an accord] on {topic} at a summit in {town} on {weekday}[, officials"
            " said|].",
        ),
        (
            "The agreement [sets out|includes] [plans for|commitments to] {measure} [by"
            " {target_year}|over the next {plan_years} years].",
            "“[This is a historic day|Today we have shown what cooperation can achieve|Our"
            " countries are stronger together],” {pm} told a [joint|closing] news conference.",
            "{guest1} said [the talks had been|discussions were] [frank|difficult but productive|"
            "constructive] and that [differences remained|work remained to be done] on"
            " [financing|the timetable].",
            "The leaders [agreed to set up|will create] a joint [fund|commission] [worth|with]"
            " {fund} million {currency}[ to oversee the plan|].",
            "Foreign Minister {foreign} said [officials|negotiators] had [worked|spent]"
            " {nego_months} months [preparing|drafting] the [text|deal].",
            "[Several hundred|About {crowd}] [protesters|demonstrators] [gathered|marched]"
            " [near|outside] the [conference centre|venue] in {town}, [calling for|demanding]"
            " [stronger|faster] action on {topic_short}.",
            "Security was [tight|heavy] in {town}, with [about|some] {police_n} police officers"
            " [deployed|on duty] and [roads|the city centre] [closed|sealed off].",
            "The next summit [will be held|is scheduled] in {guest2_country} [next year|in"
            " {next_month}].",
            "[Critics|Opposition politicians] [said|argued] the [deal|agreement] [lacked|did not"
            " include] [binding targets|clear funding].",
            "{guest2} [arrived|landed] in {town} [on {weekday_prev}|a day early] and [held|had]"
            " [separate|bilateral] talks with {pm}.",
            "It [was|is] the first meeting of the three leaders since {past_summit_year}[, when"
            " talks collapsed over {topic_short}|].",
            "[Business groups|Employers' associations] from the three countries [welcomed|said"
            " they welcomed] the [deal|outcome] [in a joint statement|on {weekday}].",
            "Officials said the [text|agreement] would need to be [approved|ratified] by the"
            " parliaments of all three countries.",
            "{guest1} and {guest2} [toured|visited] [a site near {town}|the old town of {town}]"
            " before the talks[, officials said|].",
        ),
    ),
    _kind(
        "product-launch",
        _launch,
        (
            "{company} [unveils|launches|shows off] {product} {ptype}",
            "{company}'s new {ptype} {product} to cost {price} {currency}",
            "{product}: {company} [bets on|pins hopes on] [new|cheaper] {ptype}",
            "[First look|Hands on]: the {company} {product}",
        ),
        (
            "{company} [unveiled|launched|presented] the {product}, a new {ptype}, at an event in"
            " {town} on {weekday}, [pricing it at|with a starting price of] {price} {currency}.",
            "{country_adj} [technology|tech] company {company} [on {weekday} introduced|"
            "introduced on {weekday}] the {product}, [its first|a new] {ptype} [aimed at|designed"
            " for] {audience}.",
            "The {product}, {company}'s [latest|newest] {ptype}, will go on sale on"
            " {release_date} for {price} {currency}, the company [said|announced] on {weekday}.",
        ),
        (
            "Chief executive {ceo} [told|said to] [an audience of|about] {audience_n}"
            " [developers|invited guests|journalists] that the {product} was “[the best thing we"
            " have ever built|a big step forward|built for everyday life]”.",
            "The {ptype} [has|comes with|offers] {feature1} and {feature2}, according to the"
            " company.",
            "[Analysts|Industry analysts] said the {product} [would|will] compete [directly|"
            "head-on] with [devices|products] from {rival}.",
            "{company} said it [had received|expected] {preorders} [pre-orders|advance orders]"
            " [in the first day|within 24 hours].",
            "The {product} will be [made|assembled] at the company's [plant|factory] in {town2},"
            " [creating|adding] {jobs} jobs.",
            "[Shares in|Stock of] {company} [rose|fell|edged up|slipped] {share_move} percent"
            " [after the launch|on the news].",
            "[Reviewers|Early reviewers] [praised|welcomed] {feature1} but [questioned|"
            "criticised] the [price|battery life|weight].",
            "The launch [comes|came] [after|a year after] the company [delayed|postponed] the"
            " {product} [because of|due to] [component shortages|software problems].",
            "{company} [plans|intends] to sell the {product} in {markets} [countries|markets]"
            " [by the end of the year|next year].",
            "The {product} comes in {colours} colours[ and ships with a charger|].",
            "{company} [employs|has] about {employees} people and [reported|posted] [sales|"
            "revenue] of {revenue} billion {currency} last year.",
            "The company [said|claims] the {product} [is|will be] [more energy efficient|faster"
            " and lighter] than its [previous model|predecessor].",
            "[Demonstrations|Product demonstrations] at the {town} event [included|featured] [a"
            " live test|a side-by-side comparison] with [an older model|a rival device].",
            "[Consumer groups|Privacy campaigners] [asked|questioned] how much [user data|personal"
            " information] the {product} would [collect|send back to {company}].",
        ),
    ),
    _kind(
        "protest",
        _protest,
        (
            "[Thousands|Tens of thousands] [protest|march|rally] in {town} [against|over] {cause}",
            "[Police|Riot police] [clash with|disperse] protesters in {town}",
            "{arrests} arrested as {cause_short} protest turns [violent|tense] in {town}",
            "{town} protesters [demand|call for] [end to|halt to] {cause_short} plans",
        ),
        (
            "[Thousands of|Some {crowd}] people [marched|protested|rallied] in {town} on"
            " {weekday} against {cause}, in [one of the largest|the biggest] [demonstrations|"
            "protests] the [town|region] has seen [in years|since {past_year}].",
            "Police [used tear gas|fired tear gas|used water cannon] to [disperse|break up] [a"
            " crowd of|about] {crowd} [protesters|demonstrators] in {square} in {town} on"
            " {weekday}, [arresting|detaining] {arrests} people.",
            "[Protesters|Demonstrators] [filled|packed] {square} in {town} on {weekday} to"
            " [oppose|denounce] {cause}, [organisers said|according to organisers].",
        ),
        (
            "Organisers from {org_group} [put the number|estimated the crowd] at {crowd_org},"
            " [while|but] police [said|gave a figure of] {crowd}.",
            "“[We will not stop|We will keep coming back] until the government [listens|backs"
            " down],” said {org_leader}, [one of the organisers|a spokesperson for {org_group}].",
            "Police chief {police_chief} said {police_hurt} officers were [injured|hurt] [when|"
            "after] [protesters threw stones|some protesters threw bottles|a group tried to break"
            " through barriers].",
            "Interior Minister {interior} [condemned|criticised] [the violence|the clashes]"
            " [but|and] said [peaceful protest|the right to protest] was [guaranteed|protected].",
            "The protest [began|started] [outside|at] the {town} [railway station|town hall|"
            "university] and [ended|finished] in {square} [in the evening|after dark].",
            "[Marchers|Protesters] [carried|held] [banners|placards|signs] reading “{slogan}”.",
            "{witness}, a {witness_job}, said: “[I came because|We are here because] [my"
            " children|our town] [deserve|deserves] better.”",
            "[Shops|Several shops] [along the route|in the centre] [closed early|pulled down"
            " their shutters] [as a precaution|amid fears of violence].",
            "The government [has said|insists] {cause_defence}.",
            "Similar [protests|rallies] [were held|took place] in {town2} and {capital}[, though"
            " they were smaller|].",
            "[Further|More] protests [are planned|have been called] for {weekday2}, [organisers"
            " said|the organisers said].",
            "Police said {arrests} people had been [arrested|detained] [for public disorder|for"
            " damaging property].",
            "[Public transport|Bus and tram services] in the centre of {town} [were|was]"
            " [diverted|suspended] [for several hours|during the march].",
            "[Counter-protesters|A small counter-demonstration] [gathered|assembled] [near|"
            "opposite] {square}, [but|and] police kept the two groups apart.",
            "The movement [began|started] [online|on social media] about {move_months} months ago"
            " and has [grown|spread] to [other towns|several cities].",
        ),
    ),
    _kind(
        "wildfire",
        _wildfire,
        (
            "[Wildfire|Forest fire] [forces|prompts] evacuation of {evacuated} near {town}",
            "[Fire|Blaze] [burns|scorches] {hectares} hectares in {country}'s {region} region",
            "Firefighters battle [wildfire|forest blaze] [near|outside] {town}",
            "[Strong winds|Winds] fan {region} [wildfire|forest fire]",
        ),
        (
            "A wildfire [fanned by strong winds|driven by gusts of up to {wind} km/h] [burned|"
            "destroyed|scorched] {hectares} hectares of forest near {town} on {weekday},"
            " [forcing|prompting] the evacuation of {evacuated} people.",
            "[More than|Some] {firefighters} firefighters [were battling|fought] a [forest fire|"
            "wildfire] near {town} in {country}'s {region} region on {weekday}, [officials said|"
            "the fire service said].",
            "[Authorities|Officials] [evacuated|ordered the evacuation of] {villages} villages"
            " [around|near] {town} on {weekday} as a [wildfire|forest fire] [spread|advanced]"
            " towards [houses|homes].",
        ),
        (
            "{aircraft} [water-bombing aircraft|planes] and {helicopters} helicopters [joined|"
            "supported] [crews on the ground|the firefighting effort].",
            "Regional fire chief {fire_chief} said the fire had spread [rapidly|quickly] because"
            " of [dry conditions|drought] and [winds|gusts] of up to {wind} kilometres per hour.",
            "[At least|About] {homes} [homes|houses] and [farm buildings|barns] were [destroyed|"
            "burned], [the regional government said|according to officials].",
            "“[The sky turned orange|We could see the flames from our garden] and [we left with"
            " nothing|we grabbed the children and drove],” said {witness}, [a {witness_job}|who"
            " lives] in {village}.",
            "[Police|Investigators] [were investigating|are looking into] [whether|if] the fire"
            " was [started deliberately|caused by a power line|started by a farm machine].",
            "Temperatures [reached|climbed to] {temp} degrees Celsius [on {weekday}|this week],"
            " [and|while] [no rain|little rain] [is forecast|is expected] until {weekday2}.",
            "Evacuees [were housed|spent the night] in [schools|sports halls] in {town2}[, aid"
            " workers said|].",
            "The main road between {town} and {town2} [was closed|remained closed] [because of"
            " smoke|as flames reached the verge].",
            "Interior Minister {interior} [said|announced] the government would [send|deploy]"
            " [soldiers|army units] to [help|support] [firefighters|fire crews].",
            "[Smoke|Thick smoke] [drifted|spread] [as far as|over] {capital}, [where|and]"
            " [authorities|officials] [advised|told] [residents|people] to stay indoors.",
            "It is the [largest|worst] fire in the region since {past_year}.",
            "[Satellite images|Images from satellites] [showed|revealed] a [burn scar|scorched"
            " area] [stretching|running] [for kilometres|across the hills] [north|south] of"
            " {town}.",
            "Farmers [lost|reported losing] [livestock|olive groves|hay stores] [and|as well as]"
            " [machinery|barns], [according to|said] a regional farmers' association.",
            "[Neighbouring|Other] regions [sent|offered] [fire crews|firefighting teams] [and|as"
            " well as] [water tankers|equipment] [on {weekday}|overnight].",
        ),
    ),
    _kind(
        "storm",
        _storm,
        (
            "Storm {storm} [batters|lashes|sweeps across] {region}",
            "{deaths} [dead|killed] as Storm {storm} [hits|slams into] {country}",
            "Storm {storm}: {no_power} homes without power[ in {region}|]",
            "[Winds|Gusts] of {wind} km/h [hit|lash] {town} as Storm {storm} arrives",
        ),
        (
            "Storm {storm} [swept across|battered|lashed] {country}'s {region} region on"
            " {weekday} with gusts of up to {wind} kilometres per hour, [killing {deaths}"
            " people|leaving {deaths} people dead] and [cutting power to {no_power} homes|leaving"
            " {no_power} households without electricity].",
            "{deaths} people [died|were killed] as Storm {storm} [brought|unleashed]"
            " [hurricane-force|fierce] winds and heavy rain to {town} and [the surrounding area|"
            "nearby towns] on {weekday}.",
            "[Trees|Falling trees] [blocked roads|crushed cars] and [roofs were torn off|roofs"
            " were ripped off] [buildings|houses] in {town} on {weekday} as Storm {storm} [hit|"
            "struck] {country}.",
        ),
        (
            "The {weather} [issued|had issued] a [red|top-level] warning for the {region}"
            " region [on {weekday_prev}|a day earlier].",
            "[Among the dead|One of the victims] was a {victim_desc} [hit by a falling tree|"
            "struck by debris] in {town2}, police said.",
            "{flights} flights were [cancelled|grounded] at {capital} airport and [ferry|rail]"
            " services [were suspended|halted].",
            "Power company {power_co} said [crews|engineers] were working to [restore|reconnect]"
            " [supplies|power] [but|and] [some homes|some areas] [could|might] [be without|remain"
            " without] electricity until {weekday2}.",
            "“[I have never seen wind like this|The whole house was shaking],” said {witness}, a"
            " {witness_job} in {town}.",
            "Firefighters [responded to|answered] {calls} [calls|emergency calls] [overnight|in"
            " 24 hours], [mostly|most of them] for [fallen trees|flooded basements].",
            "Schools in the {region} region [will stay|remained] closed on {weekday2}, Governor"
            " {governor} said.",
            "The storm [is expected to|was forecast to] [move|head] [north|east] towards {town2}"
            " [overnight|later on {weekday}], [weakening|losing strength] [as it goes|"
            "gradually].",
            "Storm {storm} is the {storm_nth} named storm of the season[, the {weather} said|].",
            "Insurers [estimated|said] [damage|claims] could [reach|exceed] {damage} million"
            " {currency}.",
            "Interior Minister {interior} [chaired|held] an emergency meeting [in {capital}|of the"
            " crisis committee].",
            "[Coastal|Low-lying] [roads|areas] near {town2} [were flooded|went under water] [as|"
            "when] [waves|a storm surge] [swept over|broke over] [sea walls|defences].",
            "Rail services in the {region} region were [suspended|cut] after [trees fell on the"
            " line|power lines came down on the tracks].",
            "[Dozens|Hundreds] of [trees|old trees] [were uprooted|came down] in {town}'s [parks|"
            "main park], [the council said|according to the council].",
        ),
    ),
)
_GENERIC_PARTS = tuple(map(_compile, _GENERIC))

# ---------------------------------------------------------------------------------------
# Stories and articles
# ---------------------------------------------------------------------------------------

_NEWSLETTER = (
    "Subscribe to our newsletter for the day's top stories.",
    "Sign up for our morning briefing, delivered free every weekday.",
    "Get breaking news alerts: subscribe to our newsletter.",
)


@dataclass(slots=True)
class _Day:
    iso: str
    weekday: str
    text: str
    year: int


_DAYS: list[_Day] = []


def _day(k: int) -> _Day:
    while len(_DAYS) <= k + 10:
        d = _START + timedelta(days=len(_DAYS))
        _DAYS.append(
            _Day(d.isoformat(), _WEEKDAYS[d.weekday()], f"{_MONTHS[d.month - 1]} {d.day}", d.year)
        )
    return _DAYS[k]


def _story_size(rng: random.Random) -> int:
    r = rng.random()
    if r < 0.38:
        return 1
    if r < 0.72:
        return rng.randint(2, 5)
    if r < 0.92:
        return rng.randint(6, 15)
    if r < 0.98:
        return rng.randint(16, 30)
    return rng.randint(31, 60)


def _base_facts(rng: random.Random, w: _World, c: _Country, town: _Town, day: int) -> Facts:
    region = town.region
    d0, d1, dm = _day(day), _day(day + 2), _day(max(0, day - 1))
    town2 = rng.choice(region.towns)
    if town2 is town:
        town2 = rng.choice(c.towns)
    if town2 is town:
        town2 = c.towns[(c.towns.index(town) + 1) % len(c.towns)]
    f: Facts = dict(c.facts)
    f.update(
        country=c.name,
        country_adj=c.adj,
        capital=c.capital,
        currency=c.currency,
        weather=c.weather,
        town2=town2.name,
        region=region.name,
        region_pop=region.pop,
        region_known=region.known,
        region_share=region.share,
        governor=region.governor,
        fire_chief=region.fire_chief,
        police_chief=region.police_chief,
        weekday=d0.weekday,
        weekday2=d1.weekday,
        weekday_prev=dm.weekday,
        date=d0.text,
        date_plus=_day(day + rng.randint(7, 40)).text,
        witness=w.person(),
        witness_job=rng.choice(_JOBS),
        witness2=w.person(),
        spokes=w.person(),
        outlet2=rng.choice(w.outlet_names),
        past_year=rng.randint(1962, 2019),
        past_deaths=rng.randint(4, 300),
        years_lived=rng.randint(3, 60),
        past_year2=rng.randint(1975, 2022),
        temp_c=rng.randint(-2, 31),
        drive_h=rng.randint(2, 7),
    )
    _set_town(f, town)
    return f


@dataclass(slots=True)
class _Story:
    label: str
    kind: _Kind
    country: _Country
    day: int
    size: int
    facts: Facts
    tolls: dict[str, int]


class _Generator:
    def __init__(self, n: int, seed: int) -> None:
        self.n = n
        self.rng = random.Random(seed)
        self.world = _World(self.rng)
        self.days = max(30, round(n / 300))
        self.recent: dict[str, list[_Story]] = {k.name: [] for k in _KINDS}
        self.titles: list[str] = []
        self.home_outlets: dict[int, list[_Outlet]] = {}
        for o in self.world.outlets:
            if o.home is not None:
                self.home_outlets.setdefault(id(o.home), []).append(o)

    def story(self, index: int, size: int) -> _Story:
        rng, w = self.rng, self.world
        kind = rng.choice(_KINDS)
        recent = self.recent[kind.name]
        anchor: _Story | None = None
        if recent and rng.random() < 0.33:
            anchor = rng.choice(recent)
        if anchor is not None:
            c = anchor.country
            old: _Town = anchor.facts["_town"]
            town = rng.choice([t for t in old.region.towns if t is not old])
            day = min(self.days - 1, max(0, anchor.day + rng.randint(-1, 4)))
        else:
            c = rng.choices(w.countries, w.weights)[0]
            town = rng.choice(c.towns)
            day = rng.randrange(self.days)
        f = _base_facts(rng, w, c, town, day)
        tolls = kind.facts(rng, w, c, f, anchor.facts if anchor is not None else None)
        for k, v in tolls.items():
            f[k] = _num(v)
        s = _Story(f"{kind.name}-{index:06d}", kind, c, day, size, f, tolls)
        recent.append(s)
        if len(recent) > 12:
            del recent[0]
        return s

    def outlet(self, c: _Country) -> _Outlet:
        rng = self.rng
        if rng.random() < 0.5:
            return rng.choice(self.home_outlets[id(c)])
        return rng.choice(self.world.outlets)

    def article(self, s: _Story, outlet: _Outlet, offset: int) -> tuple[str, list[str]]:
        rng, kind = self.rng, s.kind
        slots = s.facts
        if s.tolls and offset == 0 and rng.random() < 0.4:  # early reports under-count
            slots = dict(slots)
            for k, v in s.tolls.items():
                slots[k] = _num(max(1, round(v * rng.uniform(0.45, 0.95))))
        slots["outlet"] = outlet.name
        title = _render(rng, rng.choice(kind.headlines), slots)
        pool = [*kind.body, *rng.sample(_GENERIC_PARTS, rng.randint(5, 12))]
        rng.shuffle(pool)
        extra = outlet.copyright + outlet.newsletter + outlet.related + outlet.wire
        npar = max(4, rng.randint(4, 10) - extra)
        target = rng.randint(1250, 3000) - 60 * extra
        sentences = [_render(rng, rng.choice(kind.leads), slots)]
        total = len(sentences[0])
        while pool and (total < target or len(sentences) < npar):
            sentences.append(_render(rng, pool.pop(), slots))
            total += len(sentences[-1]) + 1
        npar = min(npar, len(sentences))
        cuts = [0, *sorted(rng.sample(range(1, len(sentences)), npar - 1)), len(sentences)]
        paras = [" ".join(sentences[i:j]) for i, j in pairwise(cuts)]
        return title, paras

    def record(
        self,
        s: _Story,
        outlet: _Outlet,
        day: int,
        title: str,
        paras: list[str],
        dateline: _Outlet | None,
    ) -> dict[str, str]:
        rng = self.rng
        parts = list(paras)
        if dateline is not None:
            parts[0] = (
                f"{s.facts['town'].upper()}, {s.country.name} ({dateline.name}) — " + parts[0]
            )
        if outlet.related and self.titles and len(parts) > 3:
            parts.insert(rng.randint(2, len(parts) - 1), "Related: " + rng.choice(self.titles))
        if outlet.newsletter:
            parts.insert(rng.randint(len(parts) // 2, len(parts)), rng.choice(_NEWSLETTER))
        if outlet.wire:
            parts.append(f"(Reporting by {self.world.person()}; editing by {self.world.person()})")
        d = _day(day)
        if outlet.copyright:
            parts.append(f"© {d.year} {outlet.name}. All rights reserved.")
        if outlet.suffix:
            title = f"{title} - {outlet.name}"
        rec = {"id": "", "title": title, "text": "\n\n".join(parts), "source": outlet.name}
        if rng.random() >= 0.08:
            rec["published"] = d.iso
        rec["lang"] = "en"
        rec["story"] = s.label
        return rec

    def stories(self, index: int, size: int) -> list[dict[str, str]]:
        rng = self.rng
        s = self.story(index, size)
        spread = 0.5 + size / 12
        made: list[tuple[str, list[str], _Outlet | None, int]] = []
        out: list[dict[str, str]] = []
        for _ in range(size):
            if made and rng.random() < 0.14:  # a wire copy: same text, another outlet, an edit
                title, paras, dateline, off = rng.choice(made)
                outlet = rng.choice(self.world.outlets)
                s.facts["outlet"] = outlet.name
                paras = list(paras)
                edit = rng.random()
                if edit < 0.35 and len(paras) > 4:
                    del paras[rng.randrange(1, len(paras))]
                elif edit < 0.6:
                    i = rng.randrange(len(paras))
                    paras[i] = paras[i].replace(" said", " told reporters", 1)
                elif edit < 0.8:
                    paras.append(_render(rng, rng.choice(_GENERIC_PARTS), s.facts))
                else:
                    title = _render(rng, rng.choice(s.kind.headlines), s.facts)
                if rng.random() < 0.3:
                    title = rng.choice(("UPDATE 1-", "UPDATE 2-", "WRAPUP 1-")) + title
                off += int(rng.random() < 0.3)
            else:
                off = min(14, int(rng.expovariate(1 / spread)))
                outlet = self.outlet(s.country)
                title, paras = self.article(s, outlet, off)
                dateline = outlet if outlet.dateline else None
                made.append((title, paras, dateline, off))
            out.append(self.record(s, outlet, s.day + off, title, paras, dateline))
            self.titles.append(title)
        if len(self.titles) > 2000:
            del self.titles[:1000]
        return out

    def run(self) -> list[dict[str, str]]:
        records: list[dict[str, str]] = []
        index = 0
        while len(records) < self.n:
            size = min(_story_size(self.rng), self.n - len(records))
            records.extend(self.stories(index, size))
            index += 1
        self.rng.shuffle(records)
        width = max(6, len(str(self.n - 1)))
        for i, rec in enumerate(records):
            rec["id"] = f"syn-{i:0{width}d}"
        return records


def synth_records(n: int, seed: int = 0) -> list[dict[str, str]]:
    """n synthetic articles as JSON-record dicts with a gold "story" label."""
    return _Generator(n, seed).run()


def main() -> None:
    """Write a synthetic corpus as JSON Lines and report its counts on stderr."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int, help="number of articles")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("-o", "--output", type=Path, help="JSON Lines file (default: stdout)")
    args = ap.parse_args()
    t0 = time.perf_counter()
    records = synth_records(args.n, args.seed)
    elapsed = time.perf_counter() - t0
    if args.output is None:
        out = sys.stdout
        for rec in records:
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    else:
        with args.output.open("w", encoding="utf-8") as fh:
            for rec in records:
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    sizes = Counter(rec["story"] for rec in records)
    dates = sorted({rec["published"] for rec in records if "published" in rec})
    print(
        f"{len(records)} articles, {len(sizes)} stories (mean {len(records) / len(sizes):.2f},"
        f" max {max(sizes.values())}, {sum(v == 1 for v in sizes.values())} singletons),"
        f" {sum('published' not in r for r in records)} undated, dates {dates[0]}..{dates[-1]},"
        f" {elapsed:.1f} s",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
