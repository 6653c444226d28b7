"""Stage-level behaviour on hand-written inputs: dates, casualties, cleaning, typing, merging."""

from __future__ import annotations

import datetime as dt

import pytest

from frontline.records import Article
from frontline.text.casualties import find_casualties, parse_number
from frontline.text.clean import clean
from frontline.text.ingest import content_id
from frontline.text.timex import find_times

FRIDAY = dt.date(2016, 7, 1)


@pytest.mark.parametrize(
    ("text", "date", "precision"),
    [
        ("Moscow said Thursday it may negotiate", dt.date(2016, 6, 30), 1),
        ("told reporters on Friday", dt.date(2016, 7, 1), 1),
        ("launched an offensive early this week", dt.date(2016, 6, 27), 2),
        ("fighting last week", dt.date(2016, 6, 20), 2),
        ("had captured Kansaba in February", dt.date(2016, 2, 1), 3),
        ("since Russia intervened last September", dt.date(2015, 9, 1), 3),
        ("yesterday", dt.date(2016, 6, 30), 1),
        ("two days ago", dt.date(2016, 6, 29), 1),
        ("On 9 June 2016, regime forces shelled", dt.date(2016, 6, 9), 1),
        ("clashes on 28 June", dt.date(2016, 6, 28), 1),
        ("last month", dt.date(2016, 6, 1), 3),
        ("in March 2015", dt.date(2015, 3, 1), 3),
    ],
)
def test_time_expressions(text: str, date: dt.date, precision: int) -> None:
    found = find_times(text, FRIDAY)
    assert [(t.date, t.precision) for t in found] == [(date, precision)]


def test_may_the_verb_is_not_a_month() -> None:
    assert find_times("it may negotiate; this may change", FRIDAY) == []


def test_future_dates_and_missing_publication_date() -> None:
    assert find_times("talks on 9 May 2020", FRIDAY) == []
    assert find_times("on Thursday", None) == []
    assert [t.date for t in find_times("On 9 May 2020, clashes", None)] == [dt.date(2020, 5, 9)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("at least 113 Syrians troops had been killed and 300 more had been wounded", [(113, "killed"), (300, "wounded")]),
        ("an air strike killing dozens of civilians", [(12, "killed")]),
        ("between 10 and 15 people were killed", [(10, "killed")]),
        ("Two soldiers died and three were injured", [(2, "killed"), (3, "wounded")]),
        ("the death toll rose to 30", [(30, "killed")]),
        ("the five-year Syrian conflict", []),
        ("seizing several tanks and artillery guns", []),
        ("hospitals flooded with dead and wounded soldiers", []),
        ("he was killed 5 years ago", []),
        ("More than 330000 people have been killed in Syria since the conflict began", []),
        ("the five-year civil war which has killed more than 300000 people", []),
        ("21 November 2016 Ten civilians some of them children killed in airstrike", [(10, "killed")]),
        ("Last updated at Jun 182016 BEIRUT At least seven people died in rebel shelling", [(7, "killed")]),
        ("Get short URL 9427 At least 10 civilians were killed in strikes", [(10, "killed")]),
        ("Rebels fired a barrage of at least 300 shells into Aleppo killing nine civilians", [(9, "killed")]),
        ("Fighting in the war-torn city killed 5 people", [(5, "killed")]),
    ],
)
def test_casualties(text: str, expected: list[tuple[int, str]]) -> None:
    assert [(c.count, c.kind) for c in find_casualties(text)] == expected


def test_number_words() -> None:
    assert parse_number("twenty-one") == 21
    assert parse_number("1,200") == 1200
    assert parse_number("hundreds of") == 100
    assert parse_number("tens") == 10


def test_clean_drops_boilerplate_and_repeats_with_offsets() -> None:
    text = (
        "(Agency X)- Rebels took the town of A on Monday.\n"
        "Share this article\n"
        "Clashes continued in the area, witnesses said. (With Reuters)\n"
        "Rebels took the town of A on Monday.\n"
        "Clashes continued in the area, witnesses said.  (With Reuters)\n"
        "Comments About This Article\n"
        "Please fill the fields below."
    )
    doc = clean(Article(id=content_id(text), text=text))
    assert [p.text for p in doc.paragraphs] == [
        "(Agency X)- Rebels took the town of A on Monday.",
        "Clashes continued in the area, witnesses said. (With Reuters)",
    ]
    for p in doc.paragraphs:
        assert text[p.start : p.end] == p.text
    assert set(doc.removed_reasons) == {"boilerplate", "duplicate"}
    assert doc.attributions == ("Agency X", "Reuters")


def test_hard_wrapped_text_keeps_its_paragraphs_whole() -> None:
    text = "THE ARMY SAID\nTODAY THAT REBELS\nATTACKED A POST.\n\n   A SECOND\nBLOCK FOLLOWS.\n"
    doc = clean(Article(id="w", text=text))
    assert [p.text for p in doc.paragraphs] == ["THE ARMY SAID\nTODAY THAT REBELS\nATTACKED A POST.", "A SECOND\nBLOCK FOLLOWS."]


def test_present_tense_headline_toll() -> None:
    assert [(c.count, c.kind) for c in find_casualties("Air raids kill 29 civilians in north Syria town")] == [(29, "killed")]


def test_a_headline_inside_a_one_paragraph_body_keeps_the_body() -> None:
    """A scraped page's title line, then the whole report as one line that opens with the title again:
    the body contains the title, but it is no repeat of it, and dropping it lost every event."""
    title = "Militants attack Kurdish-held town on the border"
    body = (
        "Saturday 27 February 2016 " + title + ". Coalition war planes carried out ten air strikes to repel the "
        "assault, a monitoring group said. It said at least 45 militants and 20 Kurdish fighters had been killed. "
        "The attackers struck the town in the early hours of Saturday, a spokesman said."
    )
    doc = clean(Article(id="t", text=title + "\n\n" + body))
    assert [p.text for p in doc.paragraphs] == [title, body]
    # A repeat that only lost its dateline is still one.
    doc = clean(Article(id="d", text="BEIRUT, Syria (AP) -- " + body + "\n" + body))
    assert len(doc.paragraphs) == 1 and doc.removed_reasons == ("duplicate",)
