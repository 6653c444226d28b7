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


def test_deeply_nested_html_is_read_as_a_browser_would(tmp_path: Path) -> None:
    """lxml stops at 256 levels; the page's visible text is read all the same, and a page of navigation
    alone stays an error."""
    report = "Syrian regime forces shelled the town of Ariha in Idlib province on Monday, killing three civilians, a monitoring group said."
    (tmp_path / "deep.html").write_text("<div>" * 5000 + f"<p>{report}</p><script>var x = 1;</script>" + "</div>" * 5000)
    (tmp_path / "nav.html").write_text("<div>" * 5000 + "<nav>Home | World</nav><p>Subscribe</p>" + "</div>" * 5000)
    deep, nav = list(ingest([tmp_path / "deep.html", tmp_path / "nav.html"]))
    assert isinstance(deep, Article) and deep.text == report
    assert isinstance(nav, IngestError) and nav.message == "HTML holds no readable main text"
