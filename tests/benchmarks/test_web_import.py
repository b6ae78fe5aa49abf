"""How well and how fast a saved web page becomes an article, beside trafilatura run alone.

Data: ``../shared/data/html/article-extraction-benchmark/`` (scrapinghub/article-extraction-benchmark,
MIT): 90 news pages as ``<sha>.html.gz`` and ``ground-truth.json`` mapping each sha to the
human-marked ``articleBody`` and the page's ``url``.

- Body: token F1 between the article body we store and the marked body (words, case folded,
  counted with repeats), averaged over the pages.
- Publication date: the set has no marked dates, so the truth is the day written in the page's
  address where it holds one (``/2019/11/19/``, ``/2019/nov/18/``); those pages are scored.
- Speed: pages per second through ``read_file`` (the file read, gunzip, decoding, JSON-LD,
  trafilatura, metadata checks, language), against the floor of ``trafilatura.bare_extraction``
  alone on the same pages already decompressed in memory, median of RUNS interleaved passes.

Budgets: mean F1 at least 0.95, and no more than 1.5 times the extractor's time. Run with:
``.venv/bin/python -m pytest tests/benchmarks/test_web_import.py -s -p no:cacheprovider -o addopts=""``
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
import time
from collections import Counter
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "html" / "article-extraction-benchmark"
RUNS = 3
_WORD = re.compile(r"\w+")
_MONTHS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}
_URL_DAY = re.compile(r"/(20\d\d|19\d\d)/(\d\d|[a-z]{3})/(\d\d)(?:/|$)")


def token_f1(found: str, truth: str) -> float:
    got, want = Counter(_WORD.findall(found.lower())), Counter(_WORD.findall(truth.lower()))
    common = sum((got & want).values())
    if not common:
        return 0.0
    precision, recall = common / sum(got.values()), common / sum(want.values())
    return 2 * precision * recall / (precision + recall)


def url_day(url: str) -> str | None:
    match = _URL_DAY.search(url.lower())
    if not match:
        return None
    year, month, day = match.groups()
    number = int(month) if month.isdigit() else _MONTHS.get(month)
    if not number or not 1 <= number <= 12 or not 1 <= int(day) <= 31:
        return None
    return f"{year}-{number:02d}-{int(day):02d}"


def load_pages(folder: Path = DATA) -> list[tuple[Path, bytes, str, str]]:
    """(file, decompressed html, marked body, url) for every page of the set."""
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    found = []
    for sha, entry in sorted(truth.items()):
        path = folder / f"{sha}.html.gz"
        if path.is_file():
            found.append((path, gzip.decompress(path.read_bytes()), entry["articleBody"], entry["url"]))
    return found


@pytest.fixture(scope="module")
def pages() -> list[tuple[Path, bytes, str, str]]:
    if not (DATA / "ground-truth.json").is_file():
        pytest.skip(f"the article-extraction benchmark is not in {DATA}")
    return load_pages()


def test_web_page_import_quality_and_speed(pages) -> None:
    import trafilatura

    from factcheck.importing import reading

    def ours() -> list[reading.ArticleInput | None]:
        results: list[reading.ArticleInput | None] = []
        for path, _, _, _ in pages:
            try:
                results.append(reading.read_file(path))
            except reading.IngestError:
                results.append(None)
        return results

    def floor() -> list[object]:
        return [trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
                for _, html, _, _ in pages]

    ours(), floor()  # warm: module loading and the extractor's first-use set-up are not per page
    our_times, floor_times = [], []
    for _ in range(RUNS):
        started = time.perf_counter()
        articles = ours()
        our_times.append(time.perf_counter() - started)
        started = time.perf_counter()
        documents = floor()
        floor_times.append(time.perf_counter() - started)
    our_s, floor_s = statistics.median(our_times), statistics.median(floor_times)

    our_f1 = [token_f1(a.body if a else "", body) for a, (_, _, body, _) in zip(articles, pages, strict=True)]
    floor_f1 = [token_f1(getattr(d, "text", None) or "", body)
                for d, (_, _, body, _) in zip(documents, pages, strict=True)]
    dated = [(a, url_day(url)) for a, (_, _, _, url) in zip(articles, pages, strict=True) if url_day(url)]
    right = sum(1 for a, day in dated if a is not None and a.published is not None
                and str(a.published)[:10] == day)
    missing = sum(1 for a, _ in dated if a is None or a.published is None)
    filled = {key: sum(1 for a in articles if a is not None and getattr(a, key))
              for key in ("title", "outlet", "author", "url", "published")}

    n = len(pages)
    print(f"\n{n} pages, {sum(a is None for a in articles)} refused")
    print(f"body token F1: mean {statistics.mean(our_f1):.3f}, median {statistics.median(our_f1):.3f} "
          f"(trafilatura alone: mean {statistics.mean(floor_f1):.3f})")
    print(f"publication date: {right}/{len(dated)} right on the pages whose address holds the day "
          f"({missing} left empty)")
    print("metadata filled: " + ", ".join(f"{key} {count}/{n}" for key, count in filled.items()))
    print(f"speed: {n / our_s:.1f} pages/s ({our_s * 1000 / n:.1f} ms a page); trafilatura alone "
          f"{n / floor_s:.1f} pages/s ({floor_s * 1000 / n:.1f} ms a page): {our_s / floor_s:.2f}x")

    assert statistics.mean(our_f1) >= 0.95
    assert our_s <= 1.5 * floor_s
