"""Toponym recognition: proposals, the learned filter, the re3d reader and the training command."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from frontline.cli import app
from frontline.geo.gazetteer import Gazetteer
from frontline.geo.geoparse import geoparse
from frontline.geo.patterns import sequence_words
from frontline.geo.recognize import Recognizer, proposal_rows
from frontline.geo.toponyms import find_toponyms
from frontline.records import Article
from frontline.training.corpora.re3d import Re3dError, name_core, read_re3d
from tests.conftest import SEED_PUBLISHED, SHARED


@pytest.fixture(scope="module")
def gazetteer(gazetteer_path: Path):  # type: ignore[no-untyped-def]
    with Gazetteer.open(gazetteer_path, build=False) as gaz:
        yield gaz


def spans(text: str, gazetteer: Gazetteer, **kwargs: object) -> set[str]:
    return {c.span.text for c in find_toponyms(text, gazetteer, **kwargs)}  # type: ignore[arg-type]


def test_seed_places_but_no_people_agencies_or_groups(pipeline, seed_text: str) -> None:  # type: ignore[no-untyped-def]
    result = pipeline.process(Article(id="seed", text=seed_text, published=SEED_PUBLISHED, source="Zaman al-Wasl"))
    found = {m.span.text for m in result.annotated.places}
    assert {"Kansaba", "Latakia", "Jabal al-Akrad", "Tartus", "Jableh"} <= found
    assert not {"Reuters", "Front", "Nusra Front", "Nusra", "Bashar", "Assad", "Zaman"} & found
    # "Salma town" is the Latakia town of Salma, which the default gazetteer (cities500) lacks: it may
    # be recognised from its cue, but must not be placed at a look-alike elsewhere.
    for mention in result.annotated.places:
        if mention.span.text == "Salma" and mention.place is not None:
            assert mention.place.country_code == "SY"


def test_a_person_named_salma_is_not_a_place(gazetteer: Gazetteer) -> None:
    text = (
        "Salma Hayek visited the camp on Monday. Salma said the shelling of Aleppo had not stopped, "
        "and Reuters reported that the Nusra Front withdrew from Idlib."
    )
    found = spans(text, gazetteer)
    assert "Salma" not in found and "Salma Hayek" not in found
    assert "Reuters" not in found and "Front" not in found
    assert {"Aleppo", "Idlib"} <= found


def test_surnames_seen_with_a_first_name_are_not_places(gazetteer: Gazetteer) -> None:
    text = (
        "Gov. Scott Walker signed the bill in Madison on Tuesday. Walker said the state would pay. "
        "Sheriff David Jones told reporters that Jones had not been in Laurel County since May."
    )
    found = spans(text, gazetteer)
    assert "Walker" not in found and "Jones" not in found and "David" not in found
    assert "Madison" in found
    assert "Laurel County" in found  # a county the gazetteer lacks, named by its suffix


def test_abbreviations_and_postal_codes(gazetteer: Gazetteer) -> None:
    text = "The fire in South Charleston, W.Va., spread overnight. A man from Columbus, OH was hurt."
    candidates = {c.span.text: c for c in find_toponyms(text, gazetteer)}
    assert {"South Charleston", "W.Va.", "Columbus", "OH"} <= set(candidates)
    assert any(p.feature_code == "ADM1" and p.country_code == "US" for p in candidates["W.Va."].places)


def test_cued_name_missing_from_the_gazetteer_is_found_without_coordinates(gazetteer: Gazetteer) -> None:
    text = "Rebels shelled the village of Mzeghla in Latakia province on Friday."
    assert not gazetteer.match("Mzeghla")
    resolved = {r.span.text: r for r in geoparse(text, gazetteer)}
    assert "Mzeghla" in resolved and resolved["Mzeghla"].place is None
    assert resolved["Mzeghla"].as_dict()["latitude"] is None
    assert "Latakia" in resolved


def test_transliterations_with_a_type_cue_are_kept(gazetteer: Gazetteer) -> None:
    for spelling in ("Kansaba", "Kinsabba", "Kensaba"):
        assert spelling in spans(f"Rebels seized the town of {spelling} near the Turkish border.", gazetteer)


def test_demonyms_only_when_asked(gazetteer: Gazetteer) -> None:
    text = "Russian troops moved toward Tbilisi after Georgian forces withdrew."
    assert "Russian" not in spans(text, gazetteer)
    assert {"Russian", "Georgian", "Tbilisi"} <= spans(text, gazetteer, demonyms=True)


def test_excluded_spans_are_not_proposed(gazetteer: Gazetteer) -> None:
    text = "Fighters of the Aleppo Brigade entered Aleppo."
    first = text.index("Aleppo")
    found = find_toponyms(text, gazetteer, exclude=[(first - 0, first + len("Aleppo Brigade"))])
    assert [c.span.start for c in found] == [text.rindex("Aleppo")]


def test_offsets_are_absolute(gazetteer: Gazetteer) -> None:
    text = "Clashes near Aleppo."
    (only,) = find_toponyms(text, gazetteer, offset=100)
    assert (only.span.start, only.span.end) == (113, 119) and only.span.text == "Aleppo"
    assert only.confidence > 0.9  # a gazetteer name after a place cue ("near") is kept with confidence


def test_hyphenated_names_split_between_capitals_but_not_after_articles() -> None:
    text = "Israeli-Palestinian talks; Ayn al-Qantra; Port-au-Prince"
    assert [text[s:e] for s, e in sequence_words(text, 0, 19)] == ["Israeli", "Palestinian"]
    start = text.index("Ayn")
    assert [text[s:e] for s, e in sequence_words(text, start, start + 13)] == ["Ayn", "al-Qantra"]
    start = text.index("Port")
    assert [text[s:e] for s, e in sequence_words(text, start, len(text))] == ["Port-au-Prince"]


def test_recognizer_round_trip_and_bad_files(tmp_path: Path, gazetteer: Gazetteer) -> None:
    model = Recognizer.default()
    again = Recognizer.from_dict(json.loads(json.dumps(model.to_dict())))
    text = "Walker said the fire in Gainesville spread to Hall County."
    _, rows = proposal_rows(text, gazetteer, model.lexicon)
    assert np.allclose(model.scores(rows), again.scores(rows))
    bad = tmp_path / "model.json"
    bad.write_text(json.dumps({"format": "something-else"}))
    with pytest.raises(ValueError, match=str(bad)):
        Recognizer.load(bad)
    broken = dict(model.to_dict(), weights=[0.0])
    bad.write_text(json.dumps(broken))
    with pytest.raises(ValueError, match="weights"):
        Recognizer.load(bad)


def test_re3d_reader_glues_arabic_letters_and_punctuation(tmp_path: Path) -> None:
    path = tmp_path / "mini.txt"
    lines = ["Fighting\tO", "in\tO", "Dayr\tB-Location", "az\tI-Location", "Zawr\tI-Location", ",\tO",
             "(\tO", "ا\tO", "ل\tO", ")\tO", "the\tB-Location", "city\tI-Location", "of\tI-Location",
             "Mosul\tI-Location", ".\tO", "", "Raqqah\tB-Location", "fell\tO", ""]  # fmt: skip
    path.write_text("\n".join(lines), encoding="utf-8")
    first, second = list(read_re3d(path))
    assert first.text == "Fighting in Dayr az Zawr, (ال) the city of Mosul."
    assert [t.text for t in first.toponyms] == ["Dayr az Zawr", "the city of Mosul"]
    assert all(first.text[t.start : t.end] == t.text for t in first.toponyms)
    mosul = first.toponyms[1]
    assert [first.text[s:e] for s, e in name_core(first.text, mosul.start, mosul.end)] == ["Mosul"]
    assert second.text == "Raqqah fell" and second.toponyms[0].text == "Raqqah"

    path.write_text("Fighting O\n", encoding="utf-8")
    with pytest.raises(Re3dError, match=r"mini\.txt:1"):
        list(read_re3d(path))


def test_train_command_writes_a_model_that_find_toponyms_uses(tmp_path: Path, gazetteer_path: Path) -> None:
    pytest.importorskip("sklearn")
    pytest.importorskip("faker")
    if not (SHARED / "ner" / "re3d" / "dev.txt").exists():
        pytest.skip(f"shared data not present: {SHARED}")
    out = tmp_path / "recognizer.json"
    result = CliRunner().invoke(
        app,
        ["train", "recognizer", "--data", str(SHARED), "--corpora", "re3d:dev", "--folds", "2",
         "-o", str(out), "--gazetteer", str(gazetteer_path)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "re3d:dev" in result.output
    model = Recognizer.load(out)
    assert model.meta["trained_on"] == ["re3d:dev"] and 0.0 < model.threshold < 1.0
    assert {"Alice", "Smith"} <= model.first_names | model.surnames
    with Gazetteer.open(gazetteer_path, build=False) as gaz:
        assert "Aleppo" in spans("Airstrikes hit Aleppo on Monday.", gaz, recognizer=model)


def test_train_command_rejects_a_folder_without_data(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["train", "recognizer", "--data", str(tmp_path)])
    assert result.exit_code == 2 and str(tmp_path) in result.output


def proposed(text: str, gazetteer: Gazetteer, **kwargs: object) -> dict[str, str]:
    from frontline.geo.proposals import propose

    return {text[p.start : p.end]: p.kind for p in propose(text, gazetteer, **kwargs)}  # type: ignore[arg-type]


def test_numbered_roads_are_proposed_without_candidates(gazetteer: Gazetteer) -> None:
    text = (
        "The crash closed Highway 19 near the exit to Interstate 45, and I-75 was slow. Crews also worked "
        "on County Road 43, Illinois Route 159 and KY 52 after the storm. Traffic on U.S. 79 moved."
    )
    found = proposed(text, gazetteer)
    for road in ("Highway 19", "Interstate 45", "I-75", "County Road 43", "Illinois Route 159", "KY 52"):
        assert found.get(road) == "road", road
    assert "U.S. 79" not in found and found.get("U.S.") == "abbreviation"  # LGL marks the country there
    assert not any(kind == "road" for kind in proposed(text.upper(), gazetteer).values())  # "IN 10 DAYS"


def test_street_names_keep_their_direction_and_period(gazetteer: Gazetteer) -> None:
    text = (
        "Police closed North Main Street and N. High St. on Friday. The shop on Main St. reopened. "
        "The Kanawha Circuit Court heard the case. He was seen at Price Chopper at Vivion Road."
    )
    found = proposed(text, gazetteer)
    assert found.get("North Main Street") == "street"
    assert found.get("N. High St.") == "street"
    assert found.get("Main St.") == "street"
    assert "Kanawha Circuit Court" not in found and found.get("Kanawha") == "gazetteer"
    assert "Price Chopper at Vivion Road" not in found  # a lowercase join word is not part of a street


def test_landmarks_and_generic_city_or_state_words(gazetteer: Gazetteer) -> None:
    text = "Residents of Squirrel Hill met the Dublin City Council and students of Ohio State University in Kansas City."
    found = proposed(text, gazetteer)
    assert found.get("Squirrel Hill") == "landmark"
    assert "Dublin" in found and "Dublin City" not in found
    assert "Ohio" in found and "Ohio State" not in found
    assert "Kansas City" in found  # a name of its own, not "Kansas" with a generic word


def test_demonyms_of_areas_when_demonyms_are_asked(gazetteer: Gazetteer) -> None:
    text = "Ohioans and South Ossetian officials met in Columbus."
    assert proposed(text, gazetteer, demonyms=True).get("Ohioans") == "demonym"
    assert "Ohioans" not in proposed(text, gazetteer)


def test_coherence_features_compare_a_name_with_the_others(gazetteer: Gazetteer) -> None:
    lexicon = Recognizer.default().lexicon
    text = "Greer police said the man drove from Spartanburg to Greenville, South Carolina, on Monday."
    proposals, rows = proposal_rows(text, gazetteer, lexicon)
    row = rows[[text[p.start : p.end] for p in proposals].index("Greer")]
    assert row["doc_admin1"] == 1.0 and 0 < row["doc_admin1_share"] <= 1
    assert row["doc_country"] == 1.0
    _alone, rows_alone = proposal_rows("Greer police said the man drove home.", gazetteer, lexicon)
    assert "doc_admin1" not in rows_alone[0] and "doc_country" not in rows_alone[0]


def test_a_state_named_with_its_word_stays_whole(gazetteer: Gazetteer) -> None:
    # Only an institution's name that goes on ("Ohio State University") drops the generic word.
    found = proposed("Troops were deployed in Rakhine State, Myanmar, on Monday.", gazetteer)
    assert "Rakhine State" in found and "Rakhine" not in found
