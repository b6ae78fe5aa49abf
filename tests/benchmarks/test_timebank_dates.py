"""How well ``factcheck.analysis.dates`` finds and resolves the dates annotated in TimeBank.

Data: TimeBank 1.2 as distributed with TempEval-3 (Pustejovsky et al., "The TimeBank Corpus",
Corpus Linguistics 2003; UzZaman et al., "SemEval-2013 Task 1: TempEval-3", SemEval 2013;
LDC2006T08), 183 English news articles in TimeML, expected in ../shared/data/dates/timebank/.

Method: the text is the ``<TEXT>`` element with its tags removed (the header lines carry no
annotation, so dates there would count against precision unfairly); the reference date is the
value of the ``<DCT>`` TIMEX3. Every ``<TIMEX3 type="DATE">`` whose value is a day (YYYY-MM-DD),
a month (YYYY-MM) or a year (YYYY) is scored: *found* when one of our mentions overlaps it,
*resolved* when that mention's value equals the annotated value. Precision is the share of our
mentions that overlap any TIMEX3 of type DATE (whatever its value, "1998-W08" included).

Run: .venv/bin/python -m pytest tests/benchmarks/test_timebank_dates.py -s -p no:cacheprovider -o addopts=""
Set FACTCHECK_BENCH_VERBOSE=1 to list the misses, wrong values and unmatched mentions.
"""

from __future__ import annotations

import datetime as dt
import html
import os
import re
import statistics
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from factcheck.analysis.dates import DateMention, find_dates

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "dates" / "timebank"

_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_GRANULARITY = {
    re.compile(r"\d{4}-\d{2}-\d{2}"): "day",
    re.compile(r"\d{4}-\d{2}"): "month",
    re.compile(r"\d{4}"): "year",
}


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    text: str
    value: str
    granularity: str | None  # None: a DATE we do not score (weeks, quarters, PAST_REF, ...)


@dataclass(frozen=True)
class Document:
    name: str
    text: str
    reference: dt.date
    timexes: list[Timex]


def _granularity(value: str) -> str | None:
    for pattern, name in _GRANULARITY.items():
        if pattern.fullmatch(value):
            return name
    return None


def load(path: Path) -> Document:
    """Plain text of <TEXT>, its TIMEX3 DATE spans (offsets into that text) and the DCT."""
    raw = path.read_text(encoding="utf-8")
    dct = re.search(r"<DCT>\s*<TIMEX3[^>]*value=\"(\d{4}-\d{2}-\d{2})", raw)
    assert dct, f"{path.name}: no DCT"
    body = raw[raw.index("<TEXT>") + len("<TEXT>") : raw.index("</TEXT>")]
    parts: list[str] = []
    length = 0
    open_timex: tuple[int, dict[str, str]] | None = None
    timexes: list[Timex] = []
    position = 0
    for tag in _TAG.finditer(body):
        chunk = html.unescape(body[position : tag.start()])
        parts.append(chunk)
        length += len(chunk)
        position = tag.end()
        if tag[2] != "TIMEX3":
            continue
        if not tag[1]:
            open_timex = (length, dict(_ATTR.findall(tag[3])))
        elif open_timex is not None:
            start, attrs = open_timex
            open_timex = None
            if attrs.get("type") == "DATE":
                text = "".join(parts)[start:length]
                timexes.append(Timex(start, length, text, attrs.get("value", ""), _granularity(attrs.get("value", ""))))
    parts.append(html.unescape(body[position:]))
    return Document(path.name, "".join(parts), dt.date.fromisoformat(dct[1]), timexes)


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def _context(doc: Document, start: int, end: int) -> str:
    return repr(doc.text[max(0, start - 40) : end + 30])


def _share(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f}%" if whole else "   n/a"


def test_timebank_dates() -> None:
    files = sorted(DATA.glob("*.tml")) if DATA.is_dir() else []
    if not files:
        pytest.skip(f"TimeBank data not found in {DATA}")
    documents = [load(path) for path in files]
    verbose = bool(os.environ.get("FACTCHECK_BENCH_VERBOSE"))

    total, found, resolved = Counter(), Counter(), Counter()
    mentions_total = mentions_matched = 0
    for doc in documents:
        mentions: list[DateMention] = find_dates(doc.text, doc.reference, "en")
        mentions_total += len(mentions)
        for mention in mentions:
            assert doc.text[mention.start : mention.end] == mention.text
            if any(_overlaps(mention.start, mention.end, t.start, t.end) for t in doc.timexes):
                mentions_matched += 1
            elif verbose:
                print(f"EXTRA  {doc.name} {doc.reference} {mention.text!r} -> {mention.value}"
                      f"  ...{_context(doc, mention.start, mention.end)}")
        for timex in doc.timexes:
            if timex.granularity is None:
                continue
            total[timex.granularity] += 1
            hits = [m for m in mentions if _overlaps(m.start, m.end, timex.start, timex.end)]
            if hits:
                found[timex.granularity] += 1
                if any(m.value == timex.value for m in hits):
                    resolved[timex.granularity] += 1
                elif verbose:
                    print(f"WRONG  {doc.name} {doc.reference} {timex.text!r}={timex.value}"
                          f" got {[(m.text, m.value) for m in hits]}")
            elif verbose:
                print(f"MISSED {doc.name} {doc.reference} {timex.text!r}={timex.value}"
                      f"  ...{_context(doc, timex.start, timex.end)}")

    runs = []
    for _ in range(5):
        began = time.perf_counter()
        for doc in documents:
            find_dates(doc.text, doc.reference, "en")
        runs.append(time.perf_counter() - began)
    elapsed = statistics.median(runs)

    n = sum(total.values())
    print(f"\nTimeBank: {len(documents)} documents, {n} day/month/year DATE expressions")
    print(f"{'':8} {'count':>6} {'found':>7} {'resolved':>9}")
    for granularity in ("day", "month", "year"):
        g = total[granularity]
        print(f"{granularity:8} {g:6d} {_share(found[granularity], g):>7} {_share(resolved[granularity], g):>9}")
    print(f"{'overall':8} {n:6d} {_share(sum(found.values()), n):>7} {_share(sum(resolved.values()), n):>9}")
    print(f"precision: {_share(mentions_matched, mentions_total)} of {mentions_total} mentions overlap a TIMEX3 DATE")
    print(f"speed (median of 5): {1000 * elapsed / len(documents):.2f} ms per document, "
          f"{mentions_total / elapsed:,.0f} mentions/s")

    # Floors well under the measured figures: they catch a broken finder, not a small regression.
    assert sum(found.values()) / n > 0.85
    assert sum(resolved.values()) / n > 0.75
    assert mentions_matched / mentions_total > 0.9
