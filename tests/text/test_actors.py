"""Tests for frontline.text.actors: ACLED-style actor mentions."""

from __future__ import annotations

import csv
import itertools
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from frontline.text.actor_rules import ActorMatch
from frontline.text.actor_table import PACKAGED_TSV, read_actor_tsv
from frontline.text.actors import ActorDictionary

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "data"
SEED = SHARED / "examples" / "zaman-al-wasl-latakia-2016.txt"

NATIONALITIES = {
    "syrian": "SY",
    "russian": "RU",
    "turkish": "TR",
    "american": "US",
    "iraqi": "IQ",
    "afghan": "AF",
    "sudanese": "SD",
    "south sudanese": "SS",
    "filipino": "PH",
}
COUNTRY_NAMES = {
    "SY": "Syria",
    "RU": "Russia",
    "TR": "Turkey",
    "US": "United States",
    "IQ": "Iraq",
    "AF": "Afghanistan",
    "SD": "Sudan",
    "SS": "South Sudan",
    "PH": "Philippines",
    "SO": "Somalia",
}


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return ActorDictionary.load(
        nationalities=NATIONALITIES, country_names=COUNTRY_NAMES
    )


def found(
    d: ActorDictionary, text: str, country: str | None = "SY"
) -> list[tuple[str, str, int, str | None]]:
    return [(m.text, m.name, m.inter, m.country) for m in d.find(text, country=country)]


def only(d: ActorDictionary, text: str, country: str | None = "SY") -> ActorMatch:
    ms = d.find(text, country=country)
    assert len(ms) == 1, (text, ms)
    return ms[0]


# -- conventions -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, span",
    [
        ("The regime forces had captured Kansaba.", "regime forces"),
        ("Experts linked the regime's retreat to Moscow.", "regime"),
        ("Shelling by government forces hit the town.", "government forces"),
        ("Pro-government forces advanced.", "Pro-government forces"),
        ("The Syrian army retook the hill.", "Syrian army"),
        ("Syrian troops were killed.", "Syrian troops"),
        ("At least 113 Syrians troops had been killed.", "Syrians troops"),
        ("Dead and wounded soldiers arrived.", "soldiers"),
        ("Troops shelled the village.", "Troops"),
        ("The army said it repelled an attack.", "army"),
    ],
)
def test_state_forces(actors: ActorDictionary, text: str, span: str) -> None:
    m = only(actors, text)
    assert (m.text, m.name, m.inter, m.country, m.generic) == (
        span,
        "Military Forces of Syria",
        1,
        "SY",
        True,
    )


def test_police(actors: ActorDictionary) -> None:
    m = only(actors, "Police arrested two men.", "SY")
    assert (m.name, m.inter) == ("Police Forces of Syria", 1)


@pytest.mark.parametrize(
    "text, name, inter",
    [
        ("Rebels seized the town.", "Opposition Rebels (Syria)", 2),
        ("It was a base for the insurgents.", "Opposition Rebels (Syria)", 2),
        ("Opposition fighters shelled the road.", "Opposition Rebels (Syria)", 2),
        ("Militants attacked a checkpoint.", "Unidentified Armed Group (Syria)", 3),
        ("Gunmen opened fire.", "Unidentified Armed Group (Syria)", 3),
        ("Unidentified gunmen opened fire.", "Unidentified Armed Group (Syria)", 3),
        ("Protesters gathered in the square.", "Protesters (Syria)", 6),
        ("Demonstrators gathered in the square.", "Protesters (Syria)", 6),
        ("Rioters burned tyres.", "Rioters (Syria)", 5),
        ("A mob attacked the shop.", "Rioters (Syria)", 5),
        ("Two civilians were killed.", "Civilians (Syria)", 7),
        ("Residents fled.", "Civilians (Syria)", 7),
        ("Villagers fled.", "Civilians (Syria)", 7),
    ],
)
def test_generic_non_state(
    actors: ActorDictionary, text: str, name: str, inter: int
) -> None:
    m = only(actors, text)
    assert (m.name, m.inter, m.country, m.generic) == (name, inter, "SY", True)


def test_unidentified_gunmen_is_one_span(actors: ActorDictionary) -> None:
    assert (
        only(actors, "Unidentified gunmen opened fire.").text == "Unidentified gunmen"
    )


@pytest.mark.parametrize(
    "text, name, inter",
    [
        ("Nusra Front said in a statement", "Jabhat al Nusra", 2),
        ("fighters of al-Nusra Front", "Jabhat al Nusra", 2),
        ("Jabhat al-Nusra claimed it", "Jabhat al Nusra", 2),
        ("Jabhat Fateh al-Sham claimed it", "Jabhat al Nusra", 2),
        ("Hayat Tahrir al-Sham took Idlib", "HTS: Hayat Tahrir al Sham", 2),
        ("HTS took Idlib", "HTS: Hayat Tahrir al Sham", 2),
        ("ISIS claimed the attack", "Islamic State (Syria)", 2),
        ("Daesh claimed the attack", "Islamic State (Syria)", 2),
        ("the Islamic State group claimed", "Islamic State (Syria)", 2),
        ("The SDF advanced on Raqqa", "QSD: Syrian Democratic Forces", 2),
        ("Syrian Democratic Forces advanced", "QSD: Syrian Democratic Forces", 2),
        ("The YPG advanced", "YPG: Peoples Protection Units", 2),
        ("The Free Syrian Army advanced", "Free Syrian Army", 2),
        ("Hezbollah fighters advanced", "Hezbollah", 3),
        ("airstrikes carried out by the US-led international coalition", "Global Coalition Against Daesh", 8),
        ("the international coalition against ISIS said", "Global Coalition Against Daesh", 8),
    ],
)
def test_named_syria(actors: ActorDictionary, text: str, name: str, inter: int) -> None:
    m = only(actors, text)
    assert (m.name, m.inter, m.generic) == (name, inter, False)


@pytest.mark.parametrize(
    "text, country, name, inter",
    [
        ("The Taliban attacked a post", "AF", "Taliban", 2),
        ("Al-Shabaab attacked a base", "SO", "Al Shabaab", 2),
        ("al Shabab attacked a base", "SO", "Al Shabaab", 2),
        (
            "Boko Haram attacked a village",
            "NG",
            "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad",
            2,
        ),
        (
            "The Houthis fired a missile",
            "YE",
            "Military Forces of Yemen (2016-) Supreme Political Council",
            1,
        ),
        (
            "Ansar Allah fired a missile",
            "YE",
            "Military Forces of Yemen (2016-) Supreme Political Council",
            1,
        ),
        ("Wagner mercenaries arrived", "ML", "Wagner Group", 8),
        ("IS militants attacked", "IQ", "Islamic State (Iraq)", 2),
        ("Pakistani Taliban attacked", "PK", "TTP: Tehreek-i-Taliban Pakistan", 2),
    ],
)
def test_named_elsewhere(
    actors: ActorDictionary, text: str, country: str, name: str, inter: int
) -> None:
    m = only(actors, text, country)
    assert (m.name, m.inter) == (name, inter)


# -- the seed article --------------------------------------------------------------------

SEED_FRAGMENTS = [
    # Short fragments of the seed (Zaman al-Wasl, 2016-07-01, focus SY) with the mentions
    # a coder must get.
    (
        "Syrian rebels made remarkable gains in the coastal Latakia province.",
        [("Syrian rebels", "Opposition Rebels (Syria)", 2, "SY")],
    ),
    (
        "Rebels' gain was a rare in Latakia since Russia intervened.",
        [("Rebels", "Opposition Rebels (Syria)", 2, "SY")],
    ),
    (
        "The regime forces had captured Kansaba in February, backed by Russian air power.",
        [
            ("regime forces", "Military Forces of Syria", 1, "SY"),
            ("Russian air power", "Military Forces of Russia", 1, "RU"),
        ],
    ),
    (
        (
            "The al Qaeda-affiliated Nusra Front was among the groups that retook Kansaba, which had "
            "previously been an important base for the insurgents."
        ),
        [
            ("Nusra Front", "Jabhat al Nusra", 2, "SY"),
            ("insurgents", "Opposition Rebels (Syria)", 2, "SY"),
        ],
    ),
    (
        "Medical source told Zaman al-Wasl that at least 113 Syrians troops had been killed.",
        [("Syrians troops", "Military Forces of Syria", 1, "SY")],
    ),
    (
        "Rebels seized the strategic town of Kansaba and an array of hilltops that overlook on Salma town.",
        [("Rebels", "Opposition Rebels (Syria)", 2, "SY")],
    ),
]


@pytest.mark.parametrize("text, expected", SEED_FRAGMENTS)
def test_seed_fragments(actors: ActorDictionary, text: str, expected: list) -> None:
    assert found(actors, text, "SY") == expected


@pytest.mark.parametrize(
    "text",
    [
        "They overlook Salma town.",
        "The Front said nothing.",
        "(With Reuters)",
        "Moscow said Thursday it may negotiate.",
    ],
)
def test_no_actor(actors: ActorDictionary, text: str) -> None:
    assert actors.find(text, country="SY") == []


@pytest.mark.skipif(not SEED.exists(), reason="shared data not available")
def test_seed_article(actors: ActorDictionary) -> None:
    text = SEED.read_text(encoding="utf-8")
    got = {
        (m.text, m.name, m.inter, m.country) for m in actors.find(text, country="SY")
    }
    assert ("Syrian rebels", "Opposition Rebels (Syria)", 2, "SY") in got
    assert ("regime forces", "Military Forces of Syria", 1, "SY") in got
    assert ("Nusra Front", "Jabhat al Nusra", 2, "SY") in got
    assert ("Syrians troops", "Military Forces of Syria", 1, "SY") in got
    assert ("Russian air power", "Military Forces of Russia", 1, "RU") in got
    assert ("insurgents", "Opposition Rebels (Syria)", 2, "SY") in got
    assert ("Rebels", "Opposition Rebels (Syria)", 2, "SY") in got
    names = {g[1] for g in got}
    # Moscow, Reuters, Salma town, SOHR and al Qaeda (a modifier here) are no actors.
    assert names <= {
        "Opposition Rebels (Syria)",
        "Military Forces of Syria",
        "Military Forces of Russia",
        "Jabhat al Nusra",
    }


# -- adjectives, countries and names -------------------------------------------------------


def test_backed_is_not_a_nationality(actors: ActorDictionary) -> None:
    m = only(actors, "Turkish-backed rebels advanced.", "SY")
    assert (m.text, m.name, m.country) == ("rebels", "Opposition Rebels (Syria)", "SY")


def test_adjective_required(actors: ActorDictionary) -> None:
    assert actors.find("Warplanes struck the town.", country="SY") == []
    m = only(actors, "Russian warplanes struck the town.", "SY")
    assert (m.text, m.name, m.country, m.inter) == (
        "Russian warplanes",
        "Military Forces of Russia",
        "RU",
        1,
    )


def test_multiword_and_regional_adjectives(actors: ActorDictionary) -> None:
    assert (
        only(actors, "South Sudanese troops crossed.", "SD").name
        == "Military Forces of South Sudan"
    )
    assert (
        only(actors, "Sudanese troops crossed.", "SS").name
        == "Military Forces of Sudan"
    )
    # "Central American" is no American.
    m = only(actors, "Central American migrants were held.", "MX")
    assert m.text == "migrants" and m.country == "MX"


def test_possessive_country(actors: ActorDictionary) -> None:
    m = only(actors, "Russia's air force struck again.", "SY")
    assert (m.text, m.name) == ("Russia's air force", "Military Forces of Russia")


def test_the_in_state_names(actors: ActorDictionary) -> None:
    assert (
        only(actors, "American troops withdrew.", "SY").name
        == "Military Forces of the United States"
    )
    assert (
        only(actors, "Filipino police raided it.", "PH").name
        == "Police Forces of the Philippines"
    )
    assert (
        only(actors, "Protesters marched.", "US").name == "Protesters (United States)"
    )


def test_countryless_forms(actors: ActorDictionary) -> None:
    assert found(actors, "Rebels and troops clashed; civilians fled.", None) == [
        ("Rebels", "Opposition Rebels", 2, None),
        ("troops", "Military Forces", 1, None),
        ("civilians", "Civilians", 7, None),
    ]
    assert only(actors, "ISIS claimed it.", None).name == "Islamic State"


def test_without_mappings_adjectives_do_not_qualify() -> None:
    d = ActorDictionary.load()
    m = only(d, "The Syrian army retook it.", "SY")
    assert (m.text, m.name, m.country) == ("army", "Military Forces", "SY")
    assert d.find("Russian warplanes struck.", country="SY") == []


# -- matching rules --------------------------------------------------------------------------


def test_acronyms_are_case_sensitive(actors: ActorDictionary) -> None:
    assert only(actors, "IS fighters attacked.", "SY").name == "Islamic State (Syria)"
    assert actors.find("This is what it is.", country="SY") == []
    # In all-caps text every IS would look like the acronym.
    assert found(actors, "THE ARMY IS HERE", "SY") == [
        ("ARMY", "Military Forces of Syria", 1, "SY")
    ]


def test_modifiers_are_not_actors(actors: ActorDictionary) -> None:
    assert actors.find("They shelled rebel-held areas.", country="SY") == []
    assert actors.find("Anti-Houthi forces advanced.", country="YE") == []
    assert found(actors, "The al Qaeda-affiliated group.", "SY") == []


def test_named_group_absorbs_generic_noun(actors: ActorDictionary) -> None:
    m = only(actors, "Taliban militants attacked.", "AF")
    assert (m.text, m.name) == ("Taliban militants", "Taliban")
    m = only(actors, "the jihadist group Nusra Front said", "SY")
    assert (m.text, m.name) == ("jihadist group Nusra Front", "Jabhat al Nusra")


def test_longest_match_wins(actors: ActorDictionary) -> None:
    m = only(actors, "The Syrian Democratic Forces advanced.", "SY")
    assert m.text == "Syrian Democratic Forces"


def test_possessive_and_punctuation(actors: ActorDictionary) -> None:
    assert [
        m.text for m in actors.find("Rebels' gain; rebels, troops.", country="SY")
    ] == ["Rebels", "rebels", "troops"]


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("abcIS rebelstroops-'.,İ\n")), max_size=80)
)
def test_spans_are_consistent(text: str) -> None:
    d = _shared()
    ms = d.find(text, country="SY")
    assert ms == sorted(ms, key=lambda m: m.start)
    for a, b in itertools.pairwise(ms):
        assert a.end <= b.start
    for m in ms:
        assert text[m.start : m.end] == m.text


_SHARED: list[ActorDictionary] = []


def _shared() -> ActorDictionary:
    if not _SHARED:
        _SHARED.append(
            ActorDictionary.load(
                nationalities=NATIONALITIES, country_names=COUNTRY_NAMES
            )
        )
    return _SHARED[0]


# -- user dictionaries and the packaged TSV --------------------------------------------------


def test_user_tsv_overrides_and_extends(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    user = tmp_path / "mine.tsv"
    user.write_text(
        "# my actors\n"
        "rebels\tFree Syrian Army\t2\tSY\t0\tmine\n"
        "Kansaba Brigade\tKansaba Brigade\t3\tSY\t0\tmine\n"
        "broken row without columns\n",
        encoding="utf-8",
    )
    d = ActorDictionary.load(
        [user], nationalities=NATIONALITIES, country_names=COUNTRY_NAMES
    )
    assert found(d, "Rebels and the Kansaba Brigade clashed.", "SY") == [
        ("Rebels", "Free Syrian Army", 2, "SY"),
        ("Kansaba Brigade", "Kansaba Brigade", 3, "SY"),
    ]
    assert "malformed row" in caplog.text or "bad inter" in caplog.text


def test_packaged_tsv_is_sane() -> None:
    head = PACKAGED_TSV.read_text(encoding="utf-8").splitlines()[:3]
    assert head[0].startswith("#") and any(
        "build_actor_dictionary.py" in h for h in head
    )
    entries = read_actor_tsv(PACKAGED_TSV)
    assert 1000 < len(entries) < 6000
    keys = {e.pattern.lower() for e in entries if not e.case_sensitive}
    for word in (
        "unknown",
        "front",
        "state",
        "group",
        "the",
        "government",
        "moscow",
        "reuters",
    ):
        assert word not in keys
    origins = {e.origin for e in entries}
    assert origins == {"convention", "acled", "phoenix_mns", "phoenix_agent"}
    assert all(1 <= e.inter <= 8 for e in entries)


@pytest.mark.skipif(not (SHARED / "acled").exists(), reason="shared data not available")
def test_packaged_tsv_is_up_to_date(tmp_path: Path) -> None:
    out = tmp_path / "actors.tsv"
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "build_actor_dictionary.py"),
            "--out",
            str(out),
        ],
        check=True,
        capture_output=True,
    )
    assert out.read_text(encoding="utf-8") == PACKAGED_TSV.read_text(encoding="utf-8")


@pytest.mark.skipif(
    not (SHARED / "gazetteer").exists(), reason="shared data not available"
)
def test_with_shared_nationality_table() -> None:
    iso3: dict[str, str] = {}
    names: dict[str, str] = {}
    for line in (
        (SHARED / "gazetteer" / "countryInfo.txt")
        .read_text(encoding="utf-8")
        .splitlines()
    ):
        f = line.split("\t")
        if not line.startswith("#") and len(f) > 4 and f[2].isdigit():
            iso3[f[1]], names[f[0]] = f[0], f[4]
    nat: dict[str, str] = {}
    with (SHARED / "gazetteer" / "nationality_to_iso3.csv").open(
        encoding="utf-8"
    ) as fh:
        for row in csv.DictReader(fh):
            code = iso3.get((row.get("alpha_3_code") or "").strip())
            if code:
                nat.setdefault(row["nationality"].strip().lower(), code)
    d = ActorDictionary.load(nationalities=nat, country_names=names)
    assert found(d, "Syrian troops and Russian warplanes", "SY") == [
        ("Syrian troops", "Military Forces of Syria", 1, "SY"),
        ("Russian warplanes", "Military Forces of Russia", 1, "RU"),
    ]


def test_speed(actors: ActorDictionary) -> None:
    sentences = [
        "Syrian rebels seized the town of Kansaba on Tuesday.",
        "The regime forces shelled the village, killing three civilians.",
        "Russian warplanes struck rebel positions near Idlib.",
        "Nusra Front said it captured several tanks.",
        "Fighting picked up again in the area after a ceasefire.",
        "Police arrested two protesters in the capital.",
        "At least 113 Syrians troops had been killed.",
        "The truce has mostly unraveled in the west of the country.",
    ] * 250
    best = float("inf")
    for _ in range(5):
        t = time.perf_counter()
        for s in sentences:
            actors.find(s, country="SY")
        best = min(best, time.perf_counter() - t)
    assert len(sentences) / best >= 20_000
