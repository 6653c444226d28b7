"""The ingest stage on real files in tmp_path: text, HTML and folders become articles."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from frontline.records import Article, IngestError
from frontline.text.ingest import content_id, ingest

TEXT = "Rebels clashed with regime forces near Jisr al-Shughur on Tuesday."


def test_ingest_html_metadata_and_folders(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "story.html").write_text(
        """<html><head><title>Rebels take Kansaba</title>
        <meta property="article:published_time" content="2016-07-01T08:00:00Z">
        <meta property="og:site_name" content="Zaman al-Wasl"></head>
        <body><nav>Home | World</nav><article><h1>Rebels take Kansaba</h1>
        <p>Syrian rebels seized the strategic town of Kansaba in Latakia province early this week, taking
        a string of hilltops that overlook the coastal mountains, a monitoring group said on Friday.</p>
        <p>At least 113 soldiers were killed in the fighting in Jabal al-Akrad, a medical source said.</p>
        </article><footer>Share this article</footer></body></html>""",
        encoding="utf-8",
    )
    (tmp_path / "a" / "note.txt").write_text(TEXT)
    (tmp_path / "a" / "image.png").write_bytes(b"\x89PNG")  # other suffixes in folders are skipped
    items = list(ingest([tmp_path]))
    assert not [i for i in items if isinstance(i, IngestError)]
    html, txt = sorted((i for i in items if isinstance(i, Article)), key=lambda a: a.origin or "")
    assert html.origin.endswith("story.html") and txt.origin.endswith("note.txt")
    assert html.published == dt.date(2016, 7, 1)
    assert html.title == "Rebels take Kansaba"
    assert html.source == "Zaman al-Wasl"
    assert "113 soldiers were killed" in html.text and "Home | World" not in html.text
    assert txt.id == content_id(TEXT)


def test_cli_values_fill_what_the_input_lacks(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_text(TEXT)
    (article,) = ingest([path], published=dt.date(2016, 7, 1), source="Agency")
    assert isinstance(article, Article)
    assert (article.published, article.source) == (dt.date(2016, 7, 1), "Agency")
