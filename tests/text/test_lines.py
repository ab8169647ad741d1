"""The cues one line gives on its own: each reason classify_line gives, and time stamps."""

from __future__ import annotations

import pytest

from newsweave.model import Article
from newsweave.text.clean import clean_article, find_boilerplate
from newsweave.text.lines import classify_line, is_timestamp
from newsweave.text.shapes import Line, split_lines


def line(text: str) -> Line:
    (only,) = split_lines(text)
    return only


# --- classify_line ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Skip to content", "navigation"),
        ("Home | World | Asia | Business", "navigation"),
        ("Home › World › Asia", "navigation"),
        ("Topics: Floods, Velmark", "navigation"),
        ("We use cookies to improve your experience. Accept all", "navigation"),
        ("Photo: Jane Doe/Reuters", "caption"),
        ("A man walks past the site (AP)", "caption"),
        ("Jane Doe/Reuters", "caption"),
        ("AFP via Getty Images", "caption"),
        ("Kim waves to the crowd. Photo: Jane Doe/Reuters", "caption"),
        ("Editor's note: This article has been updated.", "editor_note"),
        ("This story has been corrected to fix a name.", "editor_note"),
        ("READ MORE: Something else happened", "promo"),
        ("Sign up for our newsletter to get updates", "promo"),
        ("Related stories", "related"),
        ("You may also like", "related"),
        ("Reporting by Jane Doe; Editing by John Roe", "credit"),
        ("© 2023 The Daily Planet", "credit"),
        ("Associated Press writer Jo Roe contributed to this report.", "credit"),
        ("By Jane Doe and John Roe", "byline"),
        ("By Jane Doe | Senior reporter", "byline"),
        ("May 03, 2013", "timestamp"),
        ("Published 12 Sept 2023, 10:45 GMT", "timestamp"),
        ("The council met on Monday and voted to close the road.", None),
        ("By the end of the day, the road was closed.", None),
        ("More than 200 people were evacuated.", None),
        ("Mara Quinn", None),  # a name alone: only the document can tell (a bio's byline)
        ("Please ensure Javascript is enabled for purposes of website accessibility", "navigation"),
        ("gvw_ap_news", "navigation"),  # a site's code name
        ("Skip to main content", "navigation"),
        ("1 of 3 | Rescuers look for survivors in the rubble of a hotel.", "caption"),
        ("Die Kanzlerin bei der Pressekonferenz. Quelle: dpa", "caption"),
        ("From CNN’s Donie O’Sullivan", "byline"),
        ("From CNN Business' Catherine Thorbecke", "byline"),
        ("( With inputs from ANI )", "credit"),
        ("Disclaimer: This post has been auto-published from an agency feed.", "editor_note"),
        ("Updated 1339 GMT (2139 HKT) April 26, 2022", "timestamp"),
        ("Published: 23 Aug 2021 12:14 PM BdST Updated: 23 Aug 2021 12:14 PM BdST", "timestamp"),
        ("23.02.2020, 15.06 Uhr", "timestamp"),
        ("5:50 p.m. ET, April 25, 2022", "timestamp"),
        ("Faizan Hashmi 3 minutes ago Mon 25th November 2019 | 01:40 PM", "timestamp"),
        ("From the start, the talks went badly for Kim Jong Un.", None),
        ("Oh, right, this also settles the matter for the council.", None),
        ("1-(2-Chloroethyl)-3-(4-methylcyclohexyl)-1-nitrosourea (MeCCNU)", None),
        (">> Reuters", "credit"),
        ("U.S. President Joe Biden, left, and Prime Minister Rishi Sunak talk in Bali.", "caption"),
        ("Deutschland / Welt", "navigation"),
        ("xwhatsappmailcopy-link", "navigation"),  # a share bar's buttons run together
        ("Sort byDropdown arrow", "navigation"),
        ("Hide Ad", "navigation"),
        ("Laissez un Commentaire", "navigation"),
        ("Cargando...", "navigation"),
        ("lapagina.pe", "navigation"),  # the site's address alone
        ("Categories Earnings, Health Care", "navigation"),
        ("The crew waves after landing on the lake. AP", "caption"),
        ("Divers search the harbour on May 2, 2019. Jane Doe / Reuters", "caption"),
        ("The flooded square in a still from a video. VIDEO OBTAINED BY REUTERS", "caption"),
        ('Coach Mara Quinn: "We need one more win" - © © imagedesk / Jo Roe', "caption"),
        ("Image source Daily Planet", "caption"),
        ("El alcalde en el puente. Foto: Alcaldía.", "caption"),
        ("Sehen Sie im Video: Das sagte die Ministerin", "promo"),
        ("Lesen Sie den Ticker hier:", "promo"),
        ("À lire aussi : la crue de la Seine", "promo"),
        ("Lee también: el puente reabre", "promo"),
        ("Want the full results? Click here to read them", "promo"),
        ("Read the minister's full statement", "promo"),
        ("Ferry captain speaks after the rescue - video", "related"),
        ("This article is more than 2 years old", "editor_note"),
        ("Posted By: By Jo Roe, Daily Planet", "byline"),
        ("— Mara Quinn", "signoff"),  # a live blog's post signed off
        ("Daily Wire | Port Ennis | Updated: 29-06-2021 21:26 IST", "timestamp"),
        ("Coastline Press Agency, Sep 03, 2019 13:22:02 IST", "timestamp"),
        ("Updated: November 16, 2020 - 4:10pm", "timestamp"),
        ("The company said the deal was done. It expects more. Reuters", None),
        ("Read more carefully, the report says something else.", None),
        ("Foto: Die Ministerin bei der Abstimmung, über eine Agentur", "caption"),
        ("WOLFSBURG - MARCH 3, 2014: In this file photo the chief speaks.", "caption"),
        ("The minister (2e à droite) salue les sinistrés.", "caption"),
        ("Texas Gov. Tavish Orme (R), a veteran of three campaigns, spoke.", None),
        ("Groups under the 501(c)(4) rules may keep their status.", None),
        ("Editor: Mara Quinn | Source: Example.com", "credit"),
        ("By Jo ROE PORT ENNIS (AFP) -", "byline"),
        ("Pictures of the comet lander 0:58", "related"),
        ("Watch the latest news or stream it for free >>", "promo"),
        (">>Ferries: the strike goes on", "promo"),
        ("Have your say", "navigation"),
        ("Comments are closed.", "navigation"),
        ("|", "navigation"),
        ("* * *", "navigation"),
        ("2009-09-07 10:07 BJT", "timestamp"),
        ("Update 9:45 a.m. ET:", "timestamp"),
        ("The mayor talks to reporters outside the town hall in Lyon on May 18, 2019.", "caption"),
        ("The old bridge is seen from the river bank on 4 March 2021.", "caption"),
        ("The council voted to close the bridge on May 18, 2019.", None),  # no photo verb
        ("Mayor Orla Brennick speaks at the hall.", None),  # no date: a body sentence
        ("(Harbour Summit Press Pool)", "caption"),
        # body sentences the caption and link rules must leave alone (found in review)
        ("Growth is seen slowing to 1.5 percent in the year to March 31, 2025.", None),
        ("The company holds its annual shareholder meeting on May 18, 2024.", None),
        ("The prime minister visits Lyon for talks on trade on June 4, 2024.", None),
        ("The suspect, seen in this image released by police, is about 30, officers said.", None),
        ("The talks ended without agreement, according to two people familiar. Staff", None),
        ("Voting closes on March 3, 2025 at 10:45", None),
        ("Outplay", None),  # a word, not two buttons glued together
        ("''Met the minister this morning @minister_x,'' she said on Twitter.", None),
    ],
)
def test_classify_line(text: str, reason: str | None) -> None:
    assert classify_line(line(text), bottom=False) == reason
    assert classify_line(line(text), bottom=True) == reason


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("With AFP", "credit"),
        ("— Reuters", "credit"),
        ("Contact the author: jane@example.com", "bio"),
    ],
)
def test_some_lines_are_boilerplate_only_near_the_end(text: str, reason: str) -> None:
    assert classify_line(line(text), bottom=True) == reason
    assert classify_line(line(text), bottom=False) is None


def test_a_body_sentence_closed_by_an_agency_is_no_caption() -> None:
    # "… (Reuters)." ends a sentence of the story; "(Photo: Reuters)." would end a caption
    assert classify_line(line("The union confirmed the deal (Reuters)."), bottom=False) is None
    assert classify_line(line("The union leader at the port (Photo: Reuters)."), False) == "caption"


def test_timestamps_are_dates_and_times_only() -> None:
    assert is_timestamp(line("Updated 10:45 GMT, 12 Sept 2023"))
    assert not is_timestamp(line("Updated"))  # no digit
    assert not is_timestamp(line("12 people died on 12 Sept 2023"))


# --- through the cleaner ----------------------------------------------------------------


def test_body_sentence_with_agency_in_brackets_is_kept() -> None:
    text = (
        "Port strike ends\n\nDock workers went back to work on Friday.\n\n"
        "The union confirmed the deal to a news agency (Reuters).\n\nTalks went on for weeks."
    )
    assert find_boilerplate(text) == []


def test_long_hostile_lines_stay_fast_enough_to_finish() -> None:
    # Pathological input for backtracking regexes: long runs of near-matches.
    for text in (
        "(" * 50_000,
        "By " + "A " * 50_000,
        "a/" * 50_000 + "\n" * 10,
        "Photo: " * 20_000,
    ):
        for s, e, _ in find_boilerplate(text):
            assert 0 <= s <= e <= len(text)


def test_timestamp_lines_are_marked() -> None:
    text = "Headline\n\nMay 03, 2013\n\nPublished: 12 September 2023 10:45 BST\n\nThe body."
    article = clean_article(Article("a", "s", None, text))
    assert [(r.reason) for r in article.removed] == ["timestamp"]
    assert article.removed[0].span.text(article).startswith("May 03, 2013")


def test_an_embedded_post_ending_with_its_date_is_no_caption() -> None:
    post = line("Great day! The mayor speaks — Jo Roe (@joroe) May 3, 2017")
    assert classify_line(post, bottom=False) is None
