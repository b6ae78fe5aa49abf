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

Split: the patterns were tuned on three files in four (sorted by name, every file but the 4th,
8th, ...); every 4th file is held out, never listed nor looked at while fixing, so its figures
say how the finder does on dated news it was not fitted to. Both are printed, and all files
together; the budgets asserted are at the end of the test.

A mention that overlaps no DATE but a TIMEX3 of type TIME ("10 p.m. Wednesday", "Thursday
evening": TimeML calls a date with a time of day a TIME) is an annotated date when the day we give
is the day of the TIME's value ("1998-02-11T22:00" for Wednesday 11 February); with a wrong day,
or on no TIMEX3 at all, it counts against precision. The strict figure, DATE only, is printed
beside it, so either reading can be compared with earlier runs.

Run: .venv/bin/python -m pytest tests/benchmarks/test_timebank_dates.py -s -p no:cacheprovider -o addopts=""
Set FACTCHECK_BENCH_VERBOSE=1 to list the misses, wrong values and unmatched mentions of the
tuning files (the held-out ones are never listed).
"""

from __future__ import annotations

import datetime as dt
import html
import os
import re
import statistics
import time
from collections import Counter
from dataclasses import dataclass, field
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
    times: list[Timex]  # TIMEX3 type="TIME": a date with a time of day ("10 p.m. Wednesday")


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
    times: list[Timex] = []
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
            text = "".join(parts)[start:length]
            if attrs.get("type") == "DATE":
                timexes.append(Timex(start, length, text, attrs.get("value", ""), _granularity(attrs.get("value", ""))))
            elif attrs.get("type") == "TIME":
                times.append(Timex(start, length, text, attrs.get("value", ""), None))
    parts.append(html.unescape(body[position:]))
    return Document(path.name, "".join(parts), dt.date.fromisoformat(dct[1]), timexes, times)


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def _context(doc: Document, start: int, end: int) -> str:
    return repr(doc.text[max(0, start - 40) : end + 30])


def _share(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f}%" if whole else "   n/a"


@dataclass
class Score:
    """Counts over a set of documents: scored expressions by granularity, and our mentions."""

    total: Counter[str] = field(default_factory=Counter)
    found: Counter[str] = field(default_factory=Counter)
    resolved: Counter[str] = field(default_factory=Counter)
    mentions: int = 0
    matched: int = 0  # on a TIMEX3 DATE
    on_times: int = 0  # on no DATE but on a TIMEX3 TIME whose day is the day we give

    def resolution(self) -> float:
        return sum(self.resolved.values()) / sum(self.total.values())

    def precision(self) -> float:
        """The share of our mentions that are annotated dates, with or without a time of day."""
        return (self.matched + self.on_times) / self.mentions

    def strict_precision(self) -> float:
        """The share of our mentions on a TIMEX3 of type DATE."""
        return self.matched / self.mentions


def score(documents: list[Document], verbose: bool) -> Score:
    result = Score()
    for doc in documents:
        mentions: list[DateMention] = find_dates(doc.text, doc.reference, "en")
        result.mentions += len(mentions)
        for mention in mentions:
            assert doc.text[mention.start : mention.end] == mention.text
            if any(_overlaps(mention.start, mention.end, t.start, t.end) for t in doc.timexes):
                result.matched += 1
                continue
            if any(_overlaps(mention.start, mention.end, t.start, t.end) and t.value[:10] == mention.value
                   for t in doc.times):
                result.on_times += 1
                continue
            if verbose:
                print(f"EXTRA  {doc.name} {doc.reference} {mention.text!r} -> {mention.value}"
                      f"  ...{_context(doc, mention.start, mention.end)}")
        for timex in doc.timexes:
            if timex.granularity is None:
                continue
            result.total[timex.granularity] += 1
            hits = [m for m in mentions if _overlaps(m.start, m.end, timex.start, timex.end)]
            if hits:
                result.found[timex.granularity] += 1
                if any(m.value == timex.value for m in hits):
                    result.resolved[timex.granularity] += 1
                elif verbose:
                    print(f"WRONG  {doc.name} {doc.reference} {timex.text!r}={timex.value}"
                          f" got {[(m.text, m.value) for m in hits]}")
            elif verbose:
                print(f"MISSED {doc.name} {doc.reference} {timex.text!r}={timex.value}"
                      f"  ...{_context(doc, timex.start, timex.end)}")
    return result


def _report(name: str, documents: list[Document], result: Score) -> None:
    n = sum(result.total.values())
    print(f"\n{name}: {len(documents)} documents, {n} day/month/year DATE expressions")
    print(f"{'':8} {'count':>6} {'found':>7} {'resolved':>9}")
    for granularity in ("day", "month", "year"):
        g = result.total[granularity]
        print(f"{granularity:8} {g:6d} {_share(result.found[granularity], g):>7} "
              f"{_share(result.resolved[granularity], g):>9}")
    print(f"{'overall':8} {n:6d} {_share(sum(result.found.values()), n):>7} "
          f"{_share(sum(result.resolved.values()), n):>9}")
    print(f"precision: {_share(result.matched + result.on_times, result.mentions)} of {result.mentions} mentions"
          f" are annotated dates: {result.matched} on a TIMEX3 DATE, {result.on_times} on a TIMEX3 TIME of the"
          f" same day (a date with its time of day); strict, DATE only: {_share(result.matched, result.mentions)}")


def test_timebank_dates() -> None:
    files = sorted(DATA.glob("*.tml")) if DATA.is_dir() else []
    if not files:
        pytest.skip(f"TimeBank data not found in {DATA}")
    documents = [load(path) for path in files]
    tuning = [doc for i, doc in enumerate(documents) if i % 4 != 3]
    held_out = [doc for i, doc in enumerate(documents) if i % 4 == 3]
    verbose = bool(os.environ.get("FACTCHECK_BENCH_VERBOSE"))

    scores = {"tuning files": (tuning, score(tuning, verbose)), "held-out files": (held_out, score(held_out, False))}
    scores["all files"] = (documents, score(documents, False))
    for name, (docs, result) in scores.items():
        _report(name, docs, result)

    runs = []
    for _ in range(5):
        began = time.perf_counter()
        for doc in documents:
            find_dates(doc.text, doc.reference, "en")
        runs.append(time.perf_counter() - began)
    elapsed = statistics.median(runs)
    mentions = scores["all files"][1].mentions
    print(f"speed (median of 5): {1000 * elapsed / len(documents):.2f} ms per document, "
          f"{mentions / elapsed:,.0f} mentions/s")

    # The budget (the claim-proposal issue, part 6): 90 % resolved on all of TimeBank without
    # losing precision. Before the tuning, all files gave 85.3 % resolved and 96.9 % of mentions on
    # an annotated date (656 of 677; strict, DATE only: 96.0 %); now 90.9 % and 96.9 % (699 of 721;
    # strict 95.8 %: the new patterns find real dates the annotators left out, "last year's $2.34
    # billion", "results for 1989"). The tuning files must reach 90 % and 96 %; the held-out and
    # strict floors sit just under what was measured (held out: 86.8 % resolved, 94.7 % precise,
    # against 84.4 % and 95.0 % before the tuning), so that a change that loses ground there fails.
    budgets = {"tuning files": (0.90, 0.96, 0.96), "all files": (0.90, 0.969, 0.955),
               "held-out files": (0.85, 0.94, 0.93)}
    for name, (resolution, precision, strict) in budgets.items():
        result = scores[name][1]
        assert result.resolution() >= resolution, f"{name}: {result.resolution():.1%} resolved, budget {resolution:.0%}"
        assert result.precision() >= precision, f"{name}: precision {result.precision():.1%}, budget {precision:.1%}"
        assert result.strict_precision() >= strict, (
            f"{name}: strict precision {result.strict_precision():.1%}, budget {strict:.1%}")
