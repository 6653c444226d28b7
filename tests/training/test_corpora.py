"""The benchmark readers on small hand-written files in each format."""

from __future__ import annotations

from pathlib import Path

from frontline.training.corpora.geoparsing import (
    read_geovirus,
    read_lgl,
    read_wiktor_gold,
)

LGL = """<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="7">
    <title>t</title>
    <text><![CDATA[Fire in Alexandria and Rapides Parish.]]></text>
    <toponyms count="2">
      <toponym><start>8</start><end>18</end><phrase>Alexandria</phrase>
        <gaztag geonameid="4314550"><name>Alexandria</name><fclass>P</fclass><fcode>PPL</fcode>
          <lat>31.3113</lat><lon>-92.4451</lon></gaztag></toponym>
      <toponym><start>23</start><end>37</end><phrase>Rapides Parish</phrase></toponym>
    </toponyms>
  </article>
</articles>
"""

# GeoVirus counts its offsets from 1; the reader shifts them onto the name.
GEOVIRUS = """<articles>
    <article>
        <source>https://example.org/a</source>
        <text>Cases rose in Pandi, Bulacan.</text>
        <locations>
            <location><name>Pandi</name><start>15</start><end>20</end><lat>14.87</lat><lon>120.95</lon></location>
            <location><name>Bulacan</name><start>21</start><end>28</end><lat>14.9</lat><lon>121.0</lon></location>
        </locations>
    </article>
    <!--<article><text></text></article>-->
</articles>
"""


def test_lgl(tmp_path: Path) -> None:
    path = tmp_path / "lgl.xml"
    path.write_text(LGL, encoding="utf-8")
    [doc] = list(read_lgl(path))
    assert doc.id == "7"
    first, second = doc.toponyms
    assert doc.text is not None and doc.text[first.start : first.end] == "Alexandria"
    assert (first.geonameid, first.feature_code, first.latitude) == (4314550, "PPL", 31.3113)
    # A toponym without a gazetteer tag is kept for recognition, with no coordinates.
    assert doc.text[second.start : second.end] == "Rapides Parish"
    assert second.latitude is None and second.geonameid is None


def test_geovirus_offsets_are_shifted_onto_the_name(tmp_path: Path) -> None:
    path = tmp_path / "geovirus.xml"
    path.write_text(GEOVIRUS, encoding="utf-8")
    [doc] = list(read_geovirus(path))
    assert doc.text is not None
    assert [doc.text[t.start : t.end] for t in doc.toponyms] == ["Pandi", "Bulacan"]
    assert doc.toponyms[0].longitude == 120.95


def test_wiktor_gold_lines(tmp_path: Path) -> None:
    path = tmp_path / "wiktor.txt"
    path.write_text(
        "Lima, New York,,Lima,,42.8937,,-77.61,,146,,150||Lima, New York,,Lima,,42.8937,,-77.61,,226,,230||\n\n"
        "Boston,,Boston,,42.3578,,-71.0594,,821,,827||\n",
        encoding="utf-8",
    )
    docs = list(read_wiktor_gold(path))
    assert [len(d.toponyms) for d in docs] == [2, 1]
    assert docs[0].text is None
    assert (docs[1].toponyms[0].start, docs[1].toponyms[0].end, docs[1].toponyms[0].text) == (821, 827, "Boston")
