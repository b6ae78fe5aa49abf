"""Streaming a report out of the database into one of the export writers, with progress and Cancel.

The store decides the scope (a search becomes its ranked claim ids there); this reads the
records a slice of articles at a time and hands them to the writer, into a temporary file that
becomes the destination only when complete.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterator
from typing import TextIO

from sqlalchemy import Engine, select

from factcheck import __version__
from factcheck.errors import ExportError
from factcheck.export import FORMATS, claimreview, json_backup
from factcheck.export.files import atomic_text
from factcheck.export.records import ArticleEntry, Publisher, ReportHeader, ReportScope
from factcheck.records import ExportResult
from factcheck.storage import report_reads
from factcheck.storage.models import SAVED_SEARCHES


class _CancelledError(Exception):
    pass


def run(engine: Engine, fmt: str, output: str | os.PathLike[str] | TextIO, scope: ReportScope,
        selection: report_reads.Selection, publisher: Publisher, *,
        progress: Callable[[int, int, str], None] | None = None, cancelled: Callable[[], bool] = lambda: False,
        made_at: dt.datetime | None = None) -> ExportResult:
    spec = FORMATS.get(fmt)
    if spec is None:
        raise ExportError(f"There is no export format {fmt!r}.", f"Choose one of {', '.join(FORMATS)} (or pdf).")
    if fmt == "claimreview":
        claimreview.check_publisher(publisher)  # before any file is made
    reads = report_reads.Selection(selection.article_ids, selection.claim_ids, whole=spec.whole_articles)
    summary = report_reads.summary(engine, report_reads.Selection(selection.article_ids, selection.claim_ids))
    header = ReportHeader(scope, made_at or dt.datetime.now(dt.UTC), __version__, summary)
    step = progress or (lambda _done, _total, _label: None)
    counted = {"articles": 0, "claims": 0}

    def streamed() -> Iterator[ArticleEntry]:
        for article in report_reads.articles(engine, reads, full=spec.whole_articles):
            if cancelled():
                raise _CancelledError
            step(counted["articles"], summary.articles, article.title)
            counted["articles"] += 1
            counted["claims"] += len(article.claims)
            yield article

    def write(out: TextIO) -> None:
        if fmt == "json":
            json_backup.write(out, header, streamed(), publisher, _saved_searches(engine) if scope.kind == "database"
                              else ())
        else:
            spec.write(out, header, streamed(), publisher)

    path: str | None = None
    try:
        if isinstance(output, (str, os.PathLike)):
            path = os.fspath(output)
            with atomic_text(path) as out:
                write(out)
        else:
            write(output)
    except _CancelledError:
        return ExportResult(path, fmt, counted["articles"], counted["claims"], cancelled=True)
    except OSError as exc:
        raise ExportError(f"Could not write the export: {exc.strerror or exc}.",
                          "Check the destination and the free space, then export again.") from None
    step(summary.articles, summary.articles, "")
    return ExportResult(path, fmt, counted["articles"], counted["claims"])


def _saved_searches(engine: Engine) -> list[tuple[str, str]]:
    s = SAVED_SEARCHES.c
    with engine.connect() as conn:
        return [(row[0], row[1]) for row in conn.execute(select(s.name, s.query).order_by(s.name))]
