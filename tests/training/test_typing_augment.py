"""News-style variants of ACLED notes for the typer's training (``typing_augment``, issue 19)."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontline.events.detect import RuleTyper

NOTE = "Al Shabaab militants attacked a police station in Awdheegle village (Afgooye, Lower Shabelle). Two police officers were killed."
PASSIVE = "A civilian was shot dead by unknown gunmen in Hodan (Mogadishu, Banadir)."
PROTEST = "Teachers staged a protest in Beta town after the government cut their pay."


def test_headline_is_one_clause_in_the_present_without_articles_or_brackets() -> None:
    from frontline.training.typing_augment import news_variant

    headline = news_variant(NOTE, "headline")
    assert "attack" in headline.lower() and "attacked" not in headline.lower()
    assert "(" not in headline and " a " not in headline.lower() and not headline.endswith(".")
    # A passive note keeps its participle without the auxiliary ("Civilian shot dead by ...").
    passive = news_variant(PASSIVE, "headline").lower()
    assert "was " not in passive and "shot dead by unknown gunmen" in passive
    # "marched" keeps its past: its present is the month's word ("on 3 March" names no demonstration).
    assert "marched" in news_variant("Students marched in Dhaka demanding safe roads.", "headline").lower()


def test_a_denial_keeps_only_the_first_sentence() -> None:
    from frontline.training.typing_augment import news_variant

    denial = news_variant(NOTE, "denial")
    assert any(w in denial for w in (" denied ", " rejected claims ", " dismissed reports "))
    assert "al Shabaab militants attacked a police station" in denial.replace("Al Shabaab", "al Shabaab")
    assert "Two police officers" not in denial and denial.endswith(".")


def test_reported_speech_frames_the_first_sentence_and_keeps_the_rest() -> None:
    from frontline.training.typing_augment import news_variant

    variant = news_variant(NOTE, "reported")
    assert variant.endswith("Two police officers were killed.")
    assert any(w in variant for w in ("said", "according to", "According to", "told", "reported", "claimed"))
    assert "militants attacked a police station" in variant


def test_reordering_puts_the_time_place_or_cause_first() -> None:
    from frontline.training.typing_augment import news_variant

    variants = {news_variant(NOTE + " " * i, "reordered") for i in range(1)}
    variants |= {news_variant(NOTE.replace("Two", str(n)), "reordered") for n in range(2, 30)}
    firsts = {v.split(",")[0].split()[0] for v in variants}
    assert "In" in firsts  # the place phrase moved to the front ...
    assert firsts & {"On", "Overnight", "Late", "Early", "Yesterday", "Earlier", "Last", "This"}  # ... or a time phrase
    assert all("attacked a police station" in v for v in variants)
    causes = {news_variant(PROTEST.replace("their", w), "reordered") for w in ("their", "its", "the", "all", "some", "our")}
    assert any(v.startswith("After the government cut") for v in causes)


def test_background_sentences_tell_no_event() -> None:
    from frontline.training.typing_augment import news_variant

    rules = RuleTyper()
    notes = [f"Soldiers fought rebels near town number {i}." for i in range(300)]
    backgrounds = {news_variant(n, "background").replace(n, "").strip() for n in notes}
    assert len(backgrounds) >= 10
    assert all(rules.type_sentence(s) == [] for s in backgrounds)  # no trigger of the lexicon in the background
    variant = news_variant("Muslim clerics protest alleged corruption at courts", "background")
    assert "courts." in variant and len(variant.split(". ")) == 2


def test_variants_are_deterministic_and_cover_every_style() -> None:
    from frontline.training.typing_augment import STYLES, news_variant

    notes = [NOTE.replace("Two", str(n)) for n in range(2, 60)]
    assert [news_variant(n) for n in notes] == [news_variant(n) for n in notes]
    chosen = {style for n in notes for style in STYLES if news_variant(n) == news_variant(n, style)}
    assert chosen == set(STYLES)
    with pytest.raises(ValueError, match="unknown style"):
        news_variant(NOTE, "poem")


def test_variants_follow_their_notes_with_the_same_label(tmp_path: Path) -> None:
    from frontline.training.typing_train import acled_examples

    header = (
        "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,"
        "assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,"
        "geo_precision,source,source_scale,notes,fatalities,tags,timestamp\n"
    )
    rows = "".join(
        f"XYZ{i},2025-04-02,2025,1,Political violence,Battles,Armed clash,Military Forces of Xland (2020-),,State forces,Xland Liberation Army,,"
        f'Rebel group,State forces-Rebel group,,999,Eastern Africa,Xland,North,Upper,,Alpha,1.5,2.25,2,Local radio,National,"Soldiers fought '
        f'rebels near Alpha town number {i}.",4,,1\n'
        for i in range(40)
    )
    (tmp_path / "acled_x.csv").write_text(header + rows, encoding="utf-8")
    plain = acled_examples(tmp_path)
    examples = acled_examples(tmp_path, augment_share=0.5)
    assert examples[: len(plain)] == plain  # the notes themselves do not change
    variants = examples[len(plain):]
    assert 8 <= len(variants) <= 32
    for variant in variants:
        parent = examples[variant.parent]
        assert variant.source == "augment" and parent.source == "acled" and variant.label == parent.label
        assert variant.text != parent.text and "rebels" in variant.text.lower()
    assert acled_examples(tmp_path, augment_share=0.5) == examples
    with_denials = acled_examples(tmp_path, augment_share=0.5, denial_share=0.5)
    denials = [e for e in with_denials if e.label == "NO_EVENT"]
    assert 8 <= len(denials) <= 32
    assert all(e.source == "augment" and any(w in e.text for w in ("denied", "claims", "reports")) for e in denials)
    assert [e for e in with_denials if e.label != "NO_EVENT"] == examples


def test_cross_validation_holds_a_notes_variant_out_with_the_note(tmp_path: Path) -> None:
    # Each note is one made-up word with a label no other note predicts; its variant repeats the word. Were the
    # variant in training while its note is held out, CV would read the label off it and score near 1.
    pytest.importorskip("sklearn")
    from frontline.training.typing_train import Example, train

    labels = [("Armed clash", "Peaceful protest", "Attack")[(i * 7) % 3] for i in range(60)]
    words = ["qz" + "".join("abcdefghij"[int(d)] for d in f"{i:02d}") for i in range(60)]  # letters: numbers are one token
    notes = [Example(word, label, 1.0, "acled") for word, label in zip(words, labels)]
    variants = [Example(f"{word.upper()} said officials", label, 1.0, "augment", i) for i, (word, label) in enumerate(zip(words, labels))]
    report = train(tmp_path, tmp_path / "typing.npz", bits=16, folds=3, examples=notes + variants)
    assert report.cv_weighted_f1 is not None and report.cv_weighted_f1 < 0.8


def test_train_command_adds_variants_when_asked(tmp_path: Path) -> None:
    import json

    from typer.testing import CliRunner

    from frontline.cli import app

    data = tmp_path / "data"
    (data / "acled").mkdir(parents=True)
    header = (
        "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,"
        "assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,"
        "geo_precision,source,source_scale,notes,fatalities,tags,timestamp\n"
    )
    rows = "".join(
        f"A{i},2025-04-02,2025,1,Political violence,Battles,{sub},Military Forces of Xland (2020-),,State forces,Xland Liberation Army,,"
        f'Rebel group,State forces-Rebel group,,999,Eastern Africa,Xland,North,Upper,,Alpha,1.5,2.25,2,Local radio,National,"{text} {i}.",4,,1\n'
        for i in range(12)
        for sub, text in (("Armed clash", "Soldiers fought rebels near village"), ("Peaceful protest", "Teachers marched peacefully in town"))
    )
    (data / "acled" / "acled_fixture.csv").write_text(header + rows, encoding="utf-8")
    sources = {}
    for share in ("0", "1"):
        output = tmp_path / f"typing{share}.npz"
        args = ["train", "typing", "--data", str(data), "-o", str(output), "--folds", "0", "--bits", "12", "--augment-share", share]
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 0, result.output
        sources[share] = json.loads(output.with_suffix(".json").read_text())["examples_by_source"]
    assert "augment" not in sources["0"] and sources["1"]["augment"] == sources["1"]["acled"] == 24
