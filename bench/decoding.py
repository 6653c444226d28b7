"""How well non-UTF-8 text is read: charset-normalizer alone, and ``frontline.text.decode.decode``.

Real English news paragraphs (LGL and GeoVirus, which hold curly quotes, dashes and accents; FA-KES,
plain ASCII) and hand-written French and Arabic news sentences are encoded in each codec such files come in,
whole and cut to their first ~200 characters. For each codec it prints how often the detector's text is the
original, the code pages it named, and its confidence (1 - chaos, as charset-normalizer's ``detect`` gives it)
and coherence; then the same for ``decode``; then the highest confidence it gives to bytes that are not text.
The confidence threshold ``MIN_CONFIDENCE`` is chosen from this (docs/reliability.md, "Decoding").

    PYTHONPATH=$PWD python bench/decoding.py [--limit 60]
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import statistics
import sys
import xml.etree.ElementTree as ET
import zlib
from collections import Counter
from pathlib import Path

import charset_normalizer

from frontline.text.decode import CANDIDATES, MIN_CONFIDENCE, Decoded, decode

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"

# Hand-written (no French or Arabic prose is in ../shared/data); place names from the OCHA Syria admin list.
FRENCH = [
    "Les forces gouvernementales ont bombardé la ville d'Ariha, dans la province d'Idleb, tuant trois civils.",
    "Selon l'Observatoire syrien des droits de l'homme, les combats se sont poursuivis jusqu'à l'aube.",
    "Des rebelles ont repris le contrôle de la colline stratégique après de violents affrontements.",
    "Une frappe aérienne a touché un marché très fréquenté, blessant au moins vingt-deux personnes.",
    "Le ministère de la Défense a démenti toute implication dans l'attaque contre l'hôpital.",
    "Des manifestants se sont rassemblés devant la préfecture pour réclamer la libération des détenus.",
    "L'armée a annoncé avoir neutralisé « plusieurs terroristes » lors d'une opération près de la frontière.",
    "Une voiture piégée a explosé à l'entrée du village, faisant quatre morts et une dizaine de blessés.",
    "Les secours peinent à atteindre les zones sinistrées, où l'électricité est coupée depuis mercredi.",
    "Le porte-parole du groupe armé a revendiqué l'enlèvement de deux employés d'une organisation humanitaire.",
    "Des tirs d'artillerie ont visé les quartiers est de la ville pendant la nuit de jeudi à vendredi.",
    "Le cessez-le-feu, négocié sous l'égide des Nations unies, a été violé à plusieurs reprises dès lundi.",
]
ARABIC = [
    "قصفت قوات النظام بلدة {place} في ريف إدلب يوم الاثنين، ما أدى إلى مقتل ثلاثة مدنيين.",
    "قال المرصد السوري لحقوق الإنسان إن الاشتباكات استمرت حتى ساعات الصباح الأولى.",
    "سيطرت فصائل المعارضة على التلة الاستراتيجية بعد معارك عنيفة مع قوات النظام.",
    "استهدفت غارة جوية سوقا شعبيا في مدينة {place}، وأصيب ما لا يقل عن اثنين وعشرين شخصا.",
    "نفت وزارة الدفاع أي علاقة لها بالهجوم على المستشفى الميداني.",
    "تظاهر العشرات أمام مبنى المحافظة مطالبين بالإفراج عن المعتقلين.",
    "أعلن الجيش مقتل عدد من المسلحين خلال عملية عسكرية قرب الحدود.",
    "انفجرت سيارة مفخخة عند مدخل قرية {place}، ما أسفر عن سقوط أربعة قتلى وعشرة جرحى.",
    "تواجه فرق الدفاع المدني صعوبة في الوصول إلى المناطق المتضررة بسبب القصف المستمر.",
    "تبنى التنظيم خطف اثنين من العاملين في منظمة إنسانية على الطريق الدولي.",
    "استهدف القصف المدفعي الأحياء الشرقية من المدينة طوال ليلة الخميس.",
    "خرق وقف إطلاق النار الذي تم التوصل إليه برعاية الأمم المتحدة عدة مرات منذ يوم الاثنين.",
]
CODECS = {
    "english": ["cp1252", "latin_1", "utf_16_le", "utf_16_be", "utf_16", "utf_8_sig"],
    "english-ascii": ["utf_16_le", "utf_16_be"],
    "french": ["cp1252", "latin_1", "utf_16_le", "utf_16_be"],
    "arabic": ["cp1256", "iso8859_6", "utf_16_le", "utf_16_be"],
}


def english(limit: int) -> list[str]:
    texts: list[str] = []
    for name in ("lgl.xml", "geovirus.xml"):
        root = ET.parse(DATA / "geoparsing" / name).getroot()
        found = 0
        for node in root.iter("text"):
            text = (node.text or "").strip()
            # Accented or typographic characters, and none of the source's own mojibake.
            if any(ord(c) > 127 for c in text) and not any("\x80" <= c <= "\x9f" or c == "â" for c in text):
                try:
                    text.encode("cp1252")
                except UnicodeEncodeError:
                    continue
                texts.append(text)
                found += 1
                if found >= limit // 2:
                    break
    return texts


def fakes(limit: int) -> list[str]:
    with (DATA / "corpora" / "fakes_syria" / "FA-KES-Dataset.csv").open(encoding="utf-8", errors="replace") as fh:
        rows = [r["article_content"] for r in csv.DictReader(fh) if "\ufffd" not in r["article_content"]]
    return rows[:limit]


def composed(sentences: list[str], limit: int, rng: random.Random, places: list[str]) -> list[str]:
    return [
        " ".join(s.format(place=rng.choice(places)) for s in rng.sample(sentences, rng.randint(3, 7)))
        for _ in range(limit)
    ]


def arabic_places() -> list[str]:
    path = DATA / "gazetteer" / "syria_ocha_admin" / "syr_admin3_attributes.csv"
    with path.open(encoding="utf-8") as fh:
        return [r["NAME_AR"] for r in csv.DictReader(fh) if r["NAME_AR"]] or ["أريحا"]


def short(text: str) -> str:
    cut = text[:200]
    return cut.rsplit(" ", 1)[0] if len(text) > 200 else cut


def summary(values: list[float]) -> str:
    if not values:
        return "-"
    return f"{min(values):.3f}/{statistics.median(values):.3f}"


def noisy(data: bytes, rate: float, rng: random.Random) -> bytes:
    """``data`` with ``rate`` of its bytes replaced by random high bytes: damaged text, or not text at all."""
    out = bytearray(data)
    for i in rng.sample(range(len(out)), int(len(out) * rate)):
        out[i] = rng.randrange(128, 256)
    return bytes(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=60, help="texts per language (default 60)")
    args = parser.parse_args()
    rng = random.Random(23)
    groups = {
        "english": english(args.limit),
        "english-ascii": fakes(args.limit),
        "french": composed(FRENCH, args.limit, rng, ["Ariha"]),
        "arabic": composed(ARABIC, args.limit, rng, arabic_places()),
    }
    print(f"MIN_CONFIDENCE = {MIN_CONFIDENCE}; candidates: {len(CANDIDATES)} code pages")
    print("confidence and coherence: min/median over the right readings\n")
    header = f"{'texts':<20} {'codec':<10} {'n':>4}  {'detector right':>14} {'confidence':>12} {'coherence':>12}  {'unrestricted right':>18}  {'decode right':>12} {'refused':>7}  named"
    print(header)
    refused_right: list[float] = []
    for group, texts in groups.items():
        for length in ("whole", "short"):
            sample = texts if length == "whole" else [short(t) for t in texts]
            for codec in CODECS[group]:
                encoded = []
                for text in sample:
                    try:
                        data = text.encode(codec)
                    except UnicodeEncodeError:
                        continue
                    if data.isascii() and not codec.startswith("utf"):
                        continue  # plain ASCII is UTF-8: nothing to detect
                    encoded.append((text, data))
                if not encoded:
                    continue
                right = unrestricted = decoded_right = refused = 0
                confidence: list[float] = []
                coherence: list[float] = []
                named: Counter[str] = Counter()
                for text, data in encoded:
                    best = charset_normalizer.from_bytes(data, cp_isolation=list(CANDIDATES), threshold=1.0).best()
                    if best is not None and str(best) == text:
                        right += 1
                        confidence.append(1.0 - best.chaos)
                        coherence.append(best.coherence)
                    free = charset_normalizer.from_bytes(data).best()
                    unrestricted += free is not None and str(free) == text
                    result = decode(data)
                    if isinstance(result, Decoded):
                        decoded_right += result.text == text
                        named[result.encoding] += 1
                    else:
                        refused += 1
                        if best is not None and str(best) == text:
                            refused_right.append(1.0 - best.chaos)
                n = len(encoded)
                names = ", ".join(f"{k} {v}" for k, v in named.most_common(3))
                print(
                    f"{group + ' ' + length:<20} {codec:<10} {n:>4}  {right:>14} {summary(confidence):>12} "
                    f"{summary(coherence):>12}  {unrestricted:>18}  {decoded_right:>12} {refused:>7}  {names}"
                )
    print(f"\nright detector readings that decode refused (confidence): {sorted(refused_right) or 'none'}")
    print("\nnot text, or damaged text (the confidence charset-normalizer gives; decode's verdict):")
    noise = random.Random(7)
    cases = {
        "random bytes, no NUL, 200 B": [bytes(noise.randrange(1, 256) for _ in range(200)) for _ in range(20)],
        "random bytes, no NUL, 4 KB": [bytes(noise.randrange(1, 256) for _ in range(4096)) for _ in range(10)],
        "compressed text, NULs dropped": [zlib.compress(t.encode()).replace(b"\x00", b"") for t in groups["english"][:20]],
        "random high bytes, 200 B": [bytes(noise.randrange(128, 256) for _ in range(200)) for _ in range(20)],
    }
    for rate in (0.02, 0.1, 0.3):
        for group, codec in (("english", "cp1252"), ("french", "cp1252"), ("arabic", "cp1256")):
            cases[f"{group} {codec}, {rate:.0%} bytes random"] = [
                noisy(t.encode(codec), rate, noise) for t in groups[group][:20]
            ]
    for label, blobs in cases.items():
        confidences = []
        verdicts: Counter[str] = Counter()
        for blob in blobs:
            best = charset_normalizer.from_bytes(blob, cp_isolation=list(CANDIDATES), threshold=1.0).best()
            confidences.append(1.0 - best.chaos if best is not None else 0.0)
            result = decode(blob)
            verdicts["read as " + result.encoding if isinstance(result, Decoded) else result.reason.split(" (")[0]] += 1
        print(f"  {label:<36} n={len(blobs):<3} confidence min/median/max {min(confidences):.3f}/{statistics.median(confidences):.3f}/{max(confidences):.3f}  {dict(verdicts)}")
    print(f"\n(python {sys.version.split()[0]}, charset-normalizer {charset_normalizer.__version__}, cpus {os.cpu_count()})")


if __name__ == "__main__":
    main()
