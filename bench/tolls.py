"""Tolls without a source: FA-KES through `frontline extract`, read the way ACLED counts deaths.

    python bench/tolls.py                         # extract the 804 articles, print the figures, check the ceiling
    python bench/tolls.py --keep out.jsonl        # ... and keep the extracted events
    python bench/tolls.py --events out.jsonl      # read events extracted before (no extraction)

Printed: the number of events whose toll is over 20 and larger than every number (other than a
year) in their own evidence spans — a toll no sentence states, so a sum of repeats, a misread
number or a vague word valued too high — the total fatalities and the events and total of tolls of
100 or more, then the top 20 unsourced tolls. Of those, the tolls that are the sum of counts one
evidence sentence gives in a row ("45 opposition fighters and 43 regime forces had been killed": 88) are
counted apart: ACLED's fatalities are every side's dead of the event, so these sums are what its coders
record, yet no single number states them. Both figures are checked against their ceilings in
bench/floors/tolls.json (``unsourced_tolls``: all; ``unsourced_tolls_not_sums``: the others; exit 1
above either; they may only fall).

Also printed: the events placed outside Syria and its neighbours (Turkey, Iraq, Lebanon, Jordan, Israel), by
country. Every FA-KES article is about the war in Syria (its metadata gives each a Syrian governorate), so an
event placed in Russia, the United States or Switzerland is almost surely a country named as who acted ("Russia
launched air strikes"), a dateline ("MOSCOW (Sputnik)") or where talks were held ("peace talks in Geneva"), not
where the event happened; border shelling and Mosul make the neighbours partly right, so they are not counted.
Of those events, how many name a Syrian place (a town or area of Syria in the gazetteer, or "Syria") in their
own evidence sentence: the place they could have had. Ceiling ``placed_abroad`` in bench/floors/tolls.json.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from frontline.text.casualties import parse_number

ROOT = Path(__file__).resolve().parents[1]
FAKES = ROOT.parent / "shared" / "data" / "corpora" / "fakes_syria" / "FA-KES-Dataset.csv"
CEILING = ROOT / "bench" / "floors" / "tolls.json"
csv.field_size_limit(sys.maxsize)

# A toll above this with no number of its size in its evidence is counted.
OVER = 20
_NUMBER = re.compile(
    r"\b\d{1,3}(?:,\d{3})+\b|\b\d+\b|\b(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-\w+)?\b"
    r"|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    r"|seventeen|eighteen|nineteen|dozens?|hundreds|scores|tens)\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"^(1[89]|20)\d\d$")


def fakes() -> Iterator[dict[str, str]]:
    """FA-KES's 804 articles in the contract's shape (as bench/extract_speed.py reads them)."""
    with FAKES.open(encoding="utf-8", errors="replace") as fh:
        for row in csv.DictReader(fh):
            month, day, year = row["date"].split("/")  # FA-KES writes M/D/YYYY
            yield {
                "id": f"fakes-{row['unit_id']}",
                "text": row["article_content"],
                "source": row["source"],
                "published": f"{int(year):04d}-{int(month):02d}-{int(day):02d}",
            }


def largest_number(text: str) -> int:
    """The largest number in ``text`` other than a year (0 when none)."""
    return max(numbers(text), default=0)


def unsourced(event: dict) -> bool:
    toll = int(event.get("fatalities") or 0)
    if toll <= OVER:
        return False
    return toll > largest_number(" ".join(s["text"] for s in event.get("evidence", [])))


def numbers(text: str) -> list[int]:
    """The numbers of ``text`` other than years, in order."""
    values = [parse_number(m.group(0).replace("-", " ")) for m in _NUMBER.finditer(text) if not _YEAR.match(m.group(0))]
    return [v for v in values if v is not None]


def sum_of_counts(event: dict) -> bool:
    """Whether the toll is the sum of two to four counts given in a row by one evidence sentence."""
    toll = int(event.get("fatalities") or 0)
    for span in event.get("evidence", []):
        values = numbers(span["text"])
        for i in range(len(values)):
            for j in range(i + 2, min(i + 4, len(values)) + 1):
                if sum(values[i:j]) == toll:
                    return True
    return False


# Syria and the countries where FA-KES's events partly are (border shelling, Mosul): not counted as abroad.
HOME_AND_NEIGHBOURS = frozenset({"Syria", "Turkey", "Iraq", "Lebanon", "Jordan", "Israel"})
_NAME = re.compile(r"\b(?:(?:al|el|ar|as|ad|ash|at|az)-)?[A-Z][\w-]+(?:\s+(?:(?:al|el)-?)?[A-Z][\w-]+){0,2}")


def placed_abroad(events: list[dict]) -> list[dict]:
    """The events placed in a country other than Syria and its neighbours."""
    return [e for e in events if e.get("country") and e["country"] not in HOME_AND_NEIGHBOURS]


def names_syrian_place(event: dict, gazetteer: object) -> tuple[bool, bool]:
    """Whether the event's own evidence sentence (its first) names a town or area of Syria, and whether it names
    Syria itself."""
    evidence = event.get("evidence") or [{"text": ""}]
    sentence = evidence[0]["text"]
    town = False
    for m in _NAME.finditer(sentence):
        words = m.group(0).split()
        for n in range(len(words), 0, -1):  # "Deir Ezzor" before "Deir"
            name = " ".join(words[:n])
            found = gazetteer.lookup(name, fuzzy=False)  # type: ignore[attr-defined]
            if any(p.country_code == "SY" and not p.feature_code.startswith("PCL") and (p.population >= 1000 or p.feature_class == "A")
                   for p in found):
                town = True
                break
    return town, bool(re.search(r"\bSyria\b", sentence))


def extract(dst: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "fakes.jsonl"
        src.write_text("".join(json.dumps(r) + "\n" for r in fakes()), encoding="utf-8")
        proc = subprocess.run(
            [sys.executable, "-m", "frontline.cli", "extract", str(src), "-o", str(dst)], check=False, capture_output=True, text=True
        )
        if proc.returncode not in (0, 1):
            sys.exit(f"frontline extract failed ({proc.returncode}):\n{proc.stderr[-2000:]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=Path, help="events extracted before (JSONL); skips the extraction")
    parser.add_argument("--keep", type=Path, help="where to keep the extracted events")
    args = parser.parse_args()
    path = args.events
    if path is None:
        if not FAKES.exists():
            sys.exit(f"FA-KES not found at {FAKES}")
        path = args.keep or Path(tempfile.mkdtemp()) / "fakes.out.jsonl"
        extract(path)
    events = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    flagged = sorted((e for e in events if unsourced(e)), key=lambda e: -int(e["fatalities"]))
    total = sum(int(e.get("fatalities") or 0) for e in events)
    big = [e for e in events if int(e.get("fatalities") or 0) >= 100]
    print(f"events {len(events)}  fatalities {total}  events of 100+ dead {len(big)} holding {sum(int(e['fatalities']) for e in big)}")
    print(f"tolls over {OVER} larger than every non-year number in their evidence: {len(flagged)}")
    summed = [sum_of_counts(e) for e in flagged]
    sums = sum(summed)
    print(f"  of which the sum of counts one sentence gives (every side's dead, as ACLED sums them): {sums}")
    print(f"  the others: {len(flagged) - sums}")
    for e, is_sum in zip(flagged[:20], summed, strict=False):
        evidence = " | ".join(s["text"] for s in e.get("evidence", []))
        kind = "sum " if is_sum else "    "
        print(f"  {e['fatalities']:>6}  {kind}{e['article_id']}  {e['sub_event_type']}: {evidence[:160]!r}")
    abroad = placed_abroad(events)
    by_country = Counter(e["country"] for e in abroad)
    from frontline.geo.gazetteer import (
        Gazetteer,  # deferred: the tolls alone need no gazetteer
    )

    gazetteer = Gazetteer.open(None, build=False)  # never a build from a bench
    named = [names_syrian_place(e, gazetteer) for e in abroad]
    print(f"events placed outside Syria and its neighbours (TR IQ LB JO IL): {len(abroad)} of {len(events)} "
          f"({', '.join(f'{c} {n}' for c, n in by_country.most_common())})")
    print(f"  of which their evidence sentence names a town or area of Syria: {sum(t for t, _ in named)}; "
          f"names Syria: {sum(s for _, s in named)}; either: {sum(t or s for t, s in named)}")
    ceilings = json.loads(CEILING.read_text()) if CEILING.exists() else {}
    failed = False
    for key, value in (("unsourced_tolls", len(flagged)), ("unsourced_tolls_not_sums", len(flagged) - sums), ("placed_abroad", len(abroad))):
        if key in ceilings and value > ceilings[key]:
            print(f"FAIL: {key} {value}, ceiling {ceilings[key]} (bench/floors/tolls.json)")
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
