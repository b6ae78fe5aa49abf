"""Saved web pages in: the article text without the page around it, the page's metadata, and the
per-file refusals, through the same import path as text files. Pages are written for these tests."""

from __future__ import annotations

import email.message
import gzip
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.errors import IngestError
from factcheck.importing import reading
from factcheck.store import IMPORTABLE_SUFFIXES, Store

ROOT = Path(__file__).resolve().parents[1]

PARAGRAPHS = [
    "The city council of Riverton voted on Tuesday to raise the parking fee in the old town from "
    "two dollars to three dollars an hour, the first increase since 2011.",
    "Mayor Dana Whitfield said the extra money, about 1.4 million dollars a year, would pay for "
    "repairs to the bridge over the Mill River, which inspectors closed to trucks in March.",
    "Shop owners on Market Street said the increase would drive customers to the mall outside "
    "town. \"People already complain about the price,\" said Luis Ortega, who runs a bakery there.",
    "The new fee takes effect on the first of next month, and the council will review it in a year.",
]

ARTICLE_PAGE = """<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="utf-8">
<title>Riverton raises parking fees to pay for bridge repairs | Riverton Ledger</title>
<meta property="og:title" content="Riverton raises parking fees to pay for bridge repairs">
<meta property="og:site_name" content="Riverton Ledger">
<meta name="author" content="Jamie Holt">
<meta property="article:published_time" content="2025-04-15T09:30:00Z">
<link rel="canonical" href="https://ledger.example.com/news/2025/04/15/parking-fees">
<link rel="stylesheet" href="https://cdn.example.com/site.css">
<style>body {{ font-family: serif; }} .secret-style {{ color: red; }}</style>
<script>document.write("SCRIPT TEXT MUST NOT APPEAR"); fetch("https://tracker.example.com/x");</script>
<script src="https://ads.example.com/ads.js"></script>
</head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sports">Sports</a></li>
<li><a href="/weather">Weather</a></li><li><a href="/subscribe">Subscribe now</a></li></ul></nav>
<div class="ad">Advertisement: buy the best mattress in town today</div>
<article>
<h1>Riverton raises parking fees to pay for bridge repairs</h1>
<p class="byline">By Jamie Holt</p>
{paragraphs}
<img src="https://images.example.com/bridge.jpg" alt="The Mill River bridge">
</article>
<footer><p>Copyright 2025 Riverton Ledger. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
</body>
</html>
"""


def article_page(paragraphs: list[str] = PARAGRAPHS) -> str:
    return ARTICLE_PAGE.format(paragraphs="\n".join(f"<p>{p}</p>" for p in paragraphs))


BARE_PAGE = """<html><body><div>
<p>Water use in the county fell by twelve percent last summer, according to the utility's yearly
report, after the county limited lawn watering to two days a week.</p>
<p>The utility said households used an average of 310 litres a day, against 352 litres the year before.</p>
<p>Farmers, who draw most of the county's water, were not covered by the limits.</p>
</div></body></html>"""


def write(folder: Path, name: str, data: str | bytes) -> Path:
    path = folder / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def mhtml(html: str, saved_from: str) -> bytes:
    """A web archive as browsers save one: the page quoted-printable, then an image part."""
    archive = email.message.EmailMessage()
    archive["Snapshot-Content-Location"] = saved_from
    archive["Subject"] = "Riverton raises parking fees"
    archive.make_related()
    page = email.message.EmailMessage()
    page.set_content(html, subtype="html", cte="quoted-printable")
    page["Content-Location"] = saved_from
    archive.attach(page)
    image = email.message.EmailMessage()
    image.set_content(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, maintype="image", subtype="png")
    image["Content-Location"] = "https://images.example.com/bridge.jpg"
    archive.attach(image)
    return archive.as_bytes()


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Any attempt to open a connection is recorded and refused (the process boundary)."""
    attempts: list[object] = []

    def refuse(self: socket.socket, address: object) -> None:
        attempts.append(address)
        raise OSError("network access during import")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", lambda *args, **kwargs: attempts.append(args) or [])
    return attempts


def test_a_saved_page_becomes_its_article_with_the_pages_metadata(tmp_path, store: Store, no_network):
    path = write(tmp_path, "parking.html", article_page())
    report = store.import_paths([path])
    assert not report.failed, report.failed
    [(_, result)] = report.imported
    article = store.article(result.article_id)
    assert article is not None
    assert article.title == "Riverton raises parking fees to pay for bridge repairs"
    assert article.outlet == "Riverton Ledger"
    assert article.author == "Jamie Holt"
    assert article.url == "https://ledger.example.com/news/2025/04/15/parking-fees"
    assert article.published is not None and article.published.startswith("2025-04-15")
    assert article.language == "en"
    body = store.article_text(result.article_id).body
    # The article's paragraphs, each its own paragraph, in order; nothing of the page around it.
    assert body.split("\n\n")[-len(PARAGRAPHS):] == PARAGRAPHS
    for page_only in ("SCRIPT TEXT", "font-family", "secret-style", "Subscribe now", "mattress", "Copyright",
                      "Privacy policy"):
        assert page_only not in body
    claims = store.claims(result.article_id, proposed_only=True)
    assert any("1.4 million dollars" in c.text for c in claims)
    assert any(c.speaker == "Ortega" for c in store.claims(result.article_id))
    assert no_network == []


def test_what_the_page_lacks_is_left_empty_not_invented(tmp_path, store: Store):
    result = store.import_file(write(tmp_path, "water.htm", BARE_PAGE))
    article = store.article(result.article_id)
    assert article is not None
    assert (article.outlet, article.author, article.url, article.published) == ("", "", "", None)
    assert article.title  # the first line stands in, as for a text file without a title
    assert store.article_text(result.article_id).body.startswith("Water use in the county fell by twelve percent")


def test_command_line_overrides_beat_the_page(tmp_path):
    path = write(tmp_path, "parking.html", article_page())
    item = reading.read_file(path, outlet="The Ledger (print)", published="2025-04-16")
    assert item.outlet == "The Ledger (print)" and str(item.published) == "2025-04-16"
    assert item.author == "Jamie Holt"


def test_gzipped_page_and_web_archive_give_the_same_article(tmp_path, no_network):
    plain = reading.read_file(write(tmp_path, "a.html", article_page()))
    packed = reading.read_file(write(tmp_path, "b.html.gz", gzip.compress(article_page().encode())))
    archived = reading.read_file(write(tmp_path, "c.mhtml", mhtml(article_page(), "https://ledger.example.com/p")))
    assert packed.body == plain.body == archived.body
    assert packed.title == archived.title == plain.title
    assert archived.url == plain.url  # the page's canonical address beats the one it was saved from
    assert no_network == []


def test_a_web_archive_without_a_canonical_link_keeps_the_address_it_was_saved_from(tmp_path):
    item = reading.read_file(write(tmp_path, "w.mht", mhtml(BARE_PAGE, "https://water.example.org/report")))
    assert item.url == "https://water.example.org/report"


def test_a_folder_of_pages_and_text_files_is_imported_and_other_files_skipped(tmp_path, store: Store):
    folder = tmp_path / "saved"
    folder.mkdir()
    write(folder, "1-parking.html", article_page())
    write(folder, "2-water.htm", BARE_PAGE)
    write(folder, "3-archive.mhtml", mhtml(BARE_PAGE.replace("twelve", "eleven"), "https://w.example.org/"))
    write(folder, "4-packed.html.gz", gzip.compress(BARE_PAGE.replace("twelve", "ten").encode()))
    write(folder, "5-notes.txt", "A note about the council vote, kept beside the pages.\n")
    write(folder, "site.css", "body { color: red }")
    write(folder, "bridge.png", b"\x89PNG\r\n\x1a\n")
    report = store.import_paths([folder])
    assert not report.failed, report.failed
    assert [Path(name).name for name, _ in report.imported] == [
        "1-parking.html", "2-water.htm", "3-archive.mhtml", "4-packed.html.gz", "5-notes.txt"]
    assert store.article_count() == 5


def test_the_file_dialog_offers_pages():
    for suffix in (".html", ".htm", ".html.gz", ".mhtml", ".mht"):
        assert suffix in IMPORTABLE_SUFFIXES


@pytest.mark.parametrize("name, data, words", [
    ("empty.html", b"", ("empty",)),
    ("image.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 100, ("binary file",)),
    ("scripted.html", "<html><head><title>Loading</title><script>render('#app')</script></head>"
                      "<body><div id='app'></div></body></html>", ("no article text",)),
    ("broken.html.gz", b"\x1f\x8b\x08\x00garbage that is not deflate", ("gzip",)),
    ("cut.html.gz", gzip.compress(BARE_PAGE.encode())[:60], ("cut short",)),
    ("notes.mhtml", b"Just some text, not an archive at all.", ("not a web archive",)),
])
def test_bad_pages_are_refused_by_name_and_the_others_still_go_in(tmp_path, store: Store, name, data, words):
    bad = write(tmp_path, name, data)
    good = write(tmp_path, "good.html", BARE_PAGE)
    report = store.import_paths([bad, good])
    assert [Path(n).name for n, _ in report.imported] == ["good.html"]
    [(failed, message)] = report.failed
    assert Path(failed).name == name and name in message
    for word in words:
        assert word in message
    assert "\n" not in message and "Traceback" not in message


def test_a_page_over_the_size_limit_is_refused_with_the_limit_named(tmp_path, monkeypatch):
    monkeypatch.setattr(reading, "MAX_PAGE_BYTES", 1000)
    with pytest.raises(IngestError, match=r"too large .*the limit is 1,000 bytes"):
        reading.read_file(write(tmp_path, "big.html", BARE_PAGE + " " * 1000))


def test_a_small_gzip_that_unpacks_past_the_limit_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(reading, "MAX_PAGE_BYTES", 100_000)
    bomb = gzip.compress(b"<p>" + b"a" * 5_000_000 + b"</p>")
    assert len(bomb) < 100_000
    with pytest.raises(IngestError, match="unpacks to more than the limit"):
        reading.read_file(write(tmp_path, "bomb.html.gz", bomb))


def test_a_page_date_that_does_not_read_is_left_empty(tmp_path):
    page = article_page().replace("2025-04-15T09:30:00Z", "sometime last spring")
    page = page.replace("/2025/04/15/", "/")
    item = reading.read_file(write(tmp_path, "d.html", page))
    assert item.published is None or str(item.published).startswith("2025")  # never a made-up day


def test_the_extractor_is_loaded_only_when_a_page_is_imported():
    """Opening the window and `factcheck --help` never pay for trafilatura and lxml."""
    code = ("import sys, contextlib, io\n"
            "import factcheck.store, factcheck.importing.reading, factcheck.importing.paths\n"
            "from factcheck import cli\n"
            "with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):\n"
            "    cli.main(['--help'])\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('trafilatura', 'lxml', 'htmldate'))\n"
            "      + [m for m in sys.modules if m == 'factcheck.importing.web_page'])\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
