"""Hand-written name knowledge shared by the build and the importers.

Country aliases and ACLED's spellings of country names, admin1 name variants ("Idlib" -> "Idlib
Province", "Al Anbar" -> "Anbar"), the keys an admin name is known by, and which GeoNames alternate names
are codes rather than names.
"""

from __future__ import annotations

import re

from .normalize import normalize, skeleton_of_key

# Hand-written country aliases news uses (GeoNames' own names are "Syria", "Russia", "DR Congo"-style).
# Deliberately absent: "US" (the pronoun "us"), "CAR" (the noun "car").
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "SY": ("Syrian Arab Republic",),
    "RU": ("Russian Federation",),
    "CD": ("DRC", "DR Congo", "D.R. Congo", "Democratic Republic of Congo", "Congo-Kinshasa", "Zaire"),
    "CG": ("Congo", "Congo-Brazzaville", "Congo Republic", "Republic of Congo"),
    "CI": ("Côte d'Ivoire", "Cote d'Ivoire"),
    "MM": ("Burma",),
    "KP": ("DPRK", "Democratic People's Republic of Korea"),
    "KR": ("Republic of Korea",),
    "IR": ("Islamic Republic of Iran", "Persia"),
    "US": ("USA", "U.S.", "U.S.A.", "United States of America"),
    "GB": ("UK", "U.K.", "Britain", "Great Britain"),
    "AE": ("UAE", "U.A.E.", "Emirates"),
    "PS": ("Palestine", "State of Palestine", "Palestinian Territories", "Occupied Palestinian Territory"),
    "TR": ("Türkiye", "Turkiye"),
    "CZ": ("Czech Republic",),
    "MK": ("Macedonia",),
    "SZ": ("Swaziland",),
    "TL": ("East Timor", "Timor-Leste"),
    "CV": ("Cape Verde",),
    "VA": ("Holy See", "Vatican City"),
    "VN": ("Viet Nam",),
    "LA": ("Lao PDR",),
    "BA": ("Bosnia", "Bosnia-Herzegovina"),
    "GM": ("The Gambia",),
    "BS": ("The Bahamas",),
    "NL": ("Holland",),
    "SA": ("KSA",),
    "MD": ("Republic of Moldova",),
    "TZ": ("United Republic of Tanzania",),
    "VE": ("Bolivarian Republic of Venezuela",),
    "BO": ("Plurinational State of Bolivia",),
    "FM": ("Federated States of Micronesia",),
    "CN": ("People's Republic of China", "PRC", "P.R.C.", "Mainland China"),
}

# ACLED's country names where they differ from GeoNames' (checked against the ACLED exports in the shared
# data: the other 160 countries there match). Places and CountryInfo use these; GeoNames' stay aliases.
ACLED_COUNTRY_NAMES: dict[str, str] = {
    "CD": "Democratic Republic of Congo",
    "CG": "Republic of Congo",
    "CV": "Cape Verde",
    "CZ": "Czech Republic",
    "GG": "Bailiwick of Guernsey",
    "PS": "Palestine",
    "SZ": "eSwatini",
    "TL": "East Timor",
}

# Admin1 names: generic suffixes/prefixes to strip ("Al Muthanna Governorate" -> "Al Muthanna") and
# suffixes to add ("Idlib" -> "Idlib Province"), so "X province" in text finds the region itself.
_ADMIN_SUFFIX = re.compile(
    r"\s+(?:governorate|province|region|state|oblast|department|district|county|municipality|division|"
    r"prefecture|krai|kray|wilaya|wilayah)$",
    re.IGNORECASE,
)
_ADMIN_PREFIX = re.compile(
    r"^(?:muhafazat|wilayat|provincia de|province de|departamento de|departement de|estado de|region de|"
    r"province of)\s+",
    re.IGNORECASE,
)
_ADMIN_ADD = ("Governorate", "Province", "Region", "State", "Oblast")
# A leading Arabic article is optional in news: "Al Anbar" ~ "Anbar", "Ar-Raqqah" ~ "Raqqah".
_ADMIN_ARTICLE = re.compile(r"^(?:al|ar|as|ash|ad|an|at|az|ath|adh)[\s-]+(?=\S{3})", re.IGNORECASE)
# Hand-written admin1 aliases: OCHA's English names for Syria's governorates (which ACLED follows) where
# they differ from GeoNames', plus other common news spellings.
_ADMIN1_ALIASES: dict[str, tuple[str, ...]] = {
    "SY.01": ("Al-Hasakeh", "Hasakeh", "Hassakeh"),
    "SY.02": ("Lattakia",),
    "SY.04": ("Ar-Raqqa", "Raqqa"),
    "SY.05": ("As-Sweida", "Sweida", "Suweida"),
    "SY.06": ("Dar'a", "Deraa", "Daraa"),
    "SY.07": ("Deir al-Zour", "Deir Ezzor"),
    "SY.08": ("Rural Damascus", "Damascus Countryside", "Rif Dimashq", "Reef Damascus"),
    "SY.12": ("Idleb",),
    "SY.13": ("Damascus",),
    "SY.14": ("Tartous",),
}
# Abbreviations of admin1 regions that are not English words (case is lost in the keys: "IN", "OR" or
# "ME" would find Indiana, Oregon and Maine in every sentence, so two-letter US codes and AP forms like
# "Ga." stay with the code that reads them in context: ranker.us_state and recognize.ABBREVIATIONS).
# Australian states (Australia Post / common press forms) and Canadian provinces (Canada Post and the
# Canadian Press style); forms that are words or other places' names ("Vic", "Man.", "Alta.") are left out.
ADMIN1_ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "AU.02": ("NSW", "N.S.W."),
    "AU.04": ("Qld",),
    "CA.02": ("B.C.",),
    "CA.08": ("Ont.",),
    "CA.11": ("Sask.",),
    "CA.09": ("PEI", "P.E.I."),
    "CA.05": ("Nfld.",),
    "CA.13": ("NWT", "N.W.T."),
}
# GeoNames alternate names carry IATA/ICAO codes ("LTK" for Latakia, "DAM" for Damascus): not names.
CODE_LIKE = re.compile(r"[A-Z0-9]{2,4}")


def admin_variants(code: str, name: str, ascii_name: str) -> list[str]:
    """Admin1 names plus suffix-stripped and suffix-added variants: "Idlib" -> "Idlib Province", ..."""
    out = [name, ascii_name]
    bases = []
    for n in (name, ascii_name, *_ADMIN1_ALIASES.get(code, ())):
        base = _ADMIN_PREFIX.sub("", _ADMIN_SUFFIX.sub("", n)).strip()
        if len(base) >= 3:
            bases.append(base)
            bare = _ADMIN_ARTICLE.sub("", base)
            if bare != base:
                bases.append(bare)
    out.extend(bases)
    for base in dict.fromkeys(bases):
        out.extend(f"{base} {suffix}" for suffix in _ADMIN_ADD)
    return out


def admin_keys(name: str) -> list[str]:
    """Keys an admin name is known by: as is, without "Governorate"/"district"/articles, and skeletons."""
    base = _ADMIN_PREFIX.sub("", _ADMIN_SUFFIX.sub("", name.strip())).strip()
    bare = _ADMIN_ARTICLE.sub("", base)
    keys = [k for k in dict.fromkeys(normalize(n) for n in (name, base, bare)) if k]
    skels = [s for s in (skeleton_of_key(k) for k in keys) if s]
    return list(dict.fromkeys([*keys, *("~" + s for s in skels)]))
