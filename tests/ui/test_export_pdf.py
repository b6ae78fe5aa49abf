"""The PDF report: Qt lays the HTML report out in pages of the preferred size, each with the title
at the top and its number at the foot, no line crossing an edge; the CLI reaches it in a process
of its own; nothing hostile becomes a live link or an action."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from factcheck import preferences
from factcheck.records import SourceInput
from factcheck.store import Store
from tests.export_data import hostile, reviewed
from ui.pdf_export import export_pdf, report_html
from ui.pdf_report import lay_out, page_images

LONG_URL = "https://archive.example/" + "x" * 40 + "/" + "averyveryverylongpathsegmentwithoutanybreaks" * 6


@pytest.fixture(autouse=True)
def _config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp) -> None:  # noqa: ANN001 - Qt's fonts need the app
    monkeypatch.setenv("FACTCHECK_CONFIG_DIR", str(tmp_path / "config"))


@pytest.fixture
def desk(store: Store) -> Store:
    ids = reviewed(store)
    store.set_verdict(ids["unsourced"], "unclear", rationale="W" * 400,  # a word too long for any line
                      sources=[SourceInput(LONG_URL, title=LONG_URL)])
    return store


def pdf_pages(data: bytes) -> list[tuple[float, float]]:
    """(width, height) in points of every page of a PDF, from its page objects."""
    boxes = re.findall(rb"/Type\s*/Page\b(?!s).*?/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]",
                       data, re.DOTALL)
    return [(float(x1) - float(x0), float(y1) - float(y0)) for x0, y0, x1, y1 in boxes]


def ink(image: QImage, top: int, bottom: int) -> list[int]:
    """The dark pixels of a band of rows, as a fingerprint of what is printed there."""
    return [x + y * image.width() for y in range(top, bottom) for x in range(0, image.width(), 2)
            if image.pixelColor(x, y).lightness() < 160]


def test_every_line_stays_inside_one_page_and_inside_the_margins(desk: Store) -> None:
    html, _ = report_html(desk)
    pages = lay_out(html, "A4")
    assert pages.count >= 3
    height, width = pages.body.height(), pages.body.width()
    layout = pages.document.documentLayout()
    block = pages.document.begin()
    lines = 0
    while block.isValid():
        top = layout.blockBoundingRect(block).top()
        text_layout = block.layout()
        for n in range(text_layout.lineCount()):
            line = text_layout.lineAt(n)
            y0, y1 = top + line.y(), top + line.y() + line.height()
            assert int(y0 // height) == int((y1 - 0.01) // height), (block.text()[:40], y0, y1)
            assert line.naturalTextWidth() <= width + 0.5, block.text()[:40]
            lines += 1
        block = block.next()
    assert lines > 50


def test_each_page_has_the_title_on_top_and_its_own_number_at_the_foot(desk: Store) -> None:
    html, _ = report_html(desk)
    images = list(page_images(html, "A4"))
    assert len(images) >= 3
    heads = [ink(image, 50, 80) for image in images]
    feet = [ink(image, image.height() - 75, image.height() - 40) for image in images]
    assert all(heads) and all(feet)
    assert heads[1] == heads[2]  # the same running title on the pages after the first
    assert len({tuple(f) for f in feet}) == len(feet)  # "Page 1 of N", "Page 2 of N"...: all different


@pytest.mark.parametrize(("size", "points"), [("A4", (595, 842)), ("Letter", (612, 792))])
def test_the_page_size_comes_from_the_preferences(desk: Store, tmp_path: Path, size: str, points) -> None:
    preferences.save(preferences.load().with_changes(page_size=size))
    target = tmp_path / "report.pdf"
    result = export_pdf(desk, target)
    assert result.path == str(target) and result.claims == 15
    found = pdf_pages(target.read_bytes())
    assert len(found) >= 3
    assert all(abs(w - points[0]) < 1.5 and abs(h - points[1]) < 1.5 for w, h in found), found
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".part"] == []


def test_the_command_line_writes_the_pdf_through_the_window_package(desk: Store, tmp_path: Path) -> None:
    target = tmp_path / "article.pdf"
    env = {**os.environ, "FACTCHECK_CONFIG_DIR": str(tmp_path / "config")}
    done = subprocess.run([sys.executable, "-m", "factcheck.cli", "--db", str(desk.path), "export", "--format", "pdf",
                           "--article", "2", "--output", str(target)], capture_output=True, text=True, env=env,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"{target}: 3 claims of 1 articles (pdf)\n"
    assert target.read_bytes().startswith(b"%PDF-") and len(pdf_pages(target.read_bytes())) >= 1
    bad = subprocess.run([sys.executable, "-m", "factcheck.cli", "--db", str(desk.path), "export", "--format", "pdf",
                          "--article", "77", "--output", str(tmp_path / "x.pdf")], capture_output=True, text=True,
                         env=env, timeout=120)
    assert bad.returncode == 1
    assert bad.stderr == "factcheck: There is no article 77. List them with: factcheck articles\n"
    assert not (tmp_path / "x.pdf").exists()


def test_nothing_hostile_becomes_a_script_an_action_or_a_non_web_link(store: Store, tmp_path: Path) -> None:
    hostile(store)
    target = tmp_path / "hostile.pdf"
    export_pdf(store, target)
    data = target.read_bytes()
    for name in (b"/JavaScript", b"/JS", b"/Launch", b"/OpenAction", b"/SubmitForm", b"/ImportData"):
        assert name not in data
    uris = re.findall(rb"/URI\s*\(((?:\\.|[^\\)])*)\)", data)
    assert uris and all(re.match(rb"https?://", uri) for uri in uris), uris  # links there are, web ones only
