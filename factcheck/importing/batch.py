"""Importing many articles at once: analysis in worker processes, writing in this one.

Analysis (sentences, scores, speakers, dates) is pure Python and costs more than writing, so for
a batch it runs in a process pool while this process writes the results in order, one transaction
per article, as `Store.import_input` does. Small batches are analysed inline: starting a worker
costs more than a few articles.

A worker is handed CHUNK articles at a time and the model scores all their sentences in one
numpy batch (factcheck.analysis.article.analyse_articles). On Linux the workers are forked from
a fork server that has imported the analysis, numpy and the models once (factcheck.importing.
warm_worker): a worker then starts in milliseconds instead of importing all that itself, and
the server stays for the next import of the same program.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from multiprocessing.context import BaseContext

from factcheck.analysis import article as analysis
from factcheck.analysis import claim_retrain
from factcheck.importing.reading import ArticleInput

# Below this many articles the pool's start-up (a fresh interpreter per worker) is not repaid.
POOL_THRESHOLD = 32
# Articles per task: enough for one numpy batch to pay off, few enough that the first results
# arrive soon and the two workers end together.
CHUNK = 8
WARM_MODULE = "factcheck.importing.warm_worker"


def analyse_input(item: ArticleInput) -> list[analysis.SentenceRow]:
    return analyse_inputs([item])[0]


def analyse_inputs(items: list[ArticleInput]) -> list[list[analysis.SentenceRow]]:
    """The rows of each article; the model scores all their sentences in one batch."""
    found = analysis.analyse_articles(
        [(item.body, item.language, analysis.reference_date(item.published)) for item in items])
    return [analysis.as_rows(sentences) for sentences in found]


def default_workers() -> int:
    """One worker per core: writing takes this process a third of the analysis time, so it
    shares a core well (measured on 2 cores: 1 worker 2.4 s, 2 workers 1.9 s per 1,000 articles)."""
    return max(1, os.cpu_count() or 1)


def _context() -> BaseContext:
    """Where workers come from. Never a plain fork of this process, which may hold Qt or
    database threads. A fork server is a fresh single-threaded interpreter, safe to fork, and
    preloads only the analysis (not this program's main module); elsewhere, spawn."""
    if sys.platform.startswith("linux"):
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload([WARM_MODULE])
        return context
    return multiprocessing.get_context("spawn")


@contextmanager
def _main_module_left_behind() -> Iterator[None]:
    """While workers start, hide which script or module is this program's main one.

    multiprocessing has every spawned or fork-server worker import the parent's main module (as
    ``__mp_main__``) so that functions defined there can be unpickled. The workers' functions
    live in this module, and the window's launcher script imports PySide6 and the whole GUI:
    0.2 s and tens of megabytes in every worker of every import. The pool starts its workers in
    ``submit``, on the calling thread, so hiding the two attributes it reads for that long is
    enough; they are put back at once.
    """
    main = sys.modules.get("__main__")
    if main is None:
        yield
        return
    hidden: dict[str, object] = {name: main.__dict__.pop(name) for name in ("__file__", "__spec__")
                                 if name in main.__dict__}
    main.__spec__ = None  # read with getattr: None reads as "no module name"
    try:
        yield
    finally:
        del main.__spec__
        main.__dict__.update(hidden)


def _chunks(items: list[ArticleInput]) -> list[list[ArticleInput]]:
    return [items[i:i + CHUNK] for i in range(0, len(items), CHUNK)]


def analysed(items: list[ArticleInput], workers: int | None = None,
             cancelled: Callable[[], bool] = lambda: False,
             weights: claim_retrain.Weights | None = None) -> Iterator[tuple[ArticleInput, list]]:
    """Each item with its analysis, in the order given; stops early once `cancelled()` is true.
    `weights` are the database's retrained claim weights (none: the shipped model's)."""
    claim_retrain.use_weights(weights or {})
    if len(items) < POOL_THRESHOLD:
        for item in items:
            if cancelled():
                return
            yield item, analyse_input(item)
        return
    done = 0
    try:
        with ProcessPoolExecutor(max_workers=workers or default_workers(), mp_context=_context(),
                                 initializer=claim_retrain.use_weights, initargs=(weights or {},)) as pool:
            with _main_module_left_behind():
                results = pool.map(analyse_inputs, _chunks(items))
            try:
                for found in results:
                    for row in found:
                        if cancelled():
                            return
                        yield items[done], row
                        done += 1
            finally:
                pool.shutdown(wait=True, cancel_futures=True)
    except BrokenProcessPool:
        # A worker could not start (e.g. a host program without a main guard): analyse here.
        for item in items[done:]:
            if cancelled():
                return
            yield item, analyse_input(item)
