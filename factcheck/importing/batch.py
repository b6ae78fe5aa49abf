"""Importing many articles at once: analysis in worker processes, writing in this one.

Analysis (sentences, scores, speakers, dates) is pure Python and costs more than writing, so for
a batch it runs in a process pool while this process writes the results in order, one transaction
per article, as `Store.import_input` does. Small batches are analysed inline: starting a worker
costs more than a few articles.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from factcheck.analysis import article as analysis
from factcheck.analysis import claim_retrain
from factcheck.importing.reading import ArticleInput

# Below this many articles the pool's start-up (a fresh interpreter per worker) is not repaid.
POOL_THRESHOLD = 32
CHUNK = 8


def analyse_input(item: ArticleInput) -> list[analysis.SentenceRow]:
    found = analysis.analyse_article(item.body, item.language, analysis.reference_date(item.published))
    return analysis.as_rows(found)


def default_workers() -> int:
    """One worker per core: writing takes this process a third of the analysis time, so it
    shares a core well (measured on 2 cores: 1 worker 2.4 s, 2 workers 1.9 s per 1,000 articles)."""
    return max(1, os.cpu_count() or 1)


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
    # "spawn": forking a process that may hold Qt or database threads is unsafe.
    context = multiprocessing.get_context("spawn")
    done = 0
    try:
        with ProcessPoolExecutor(max_workers=workers or default_workers(), mp_context=context,
                                 initializer=claim_retrain.use_weights, initargs=(weights or {},)) as pool:
            results = pool.map(analyse_input, items, chunksize=CHUNK)
            try:
                for item, found in zip(items, results, strict=True):
                    if cancelled():
                        return
                    yield item, found
                    done += 1
            finally:
                pool.shutdown(wait=True, cancel_futures=True)
    except BrokenProcessPool:
        # A worker could not start (e.g. a host program without a main guard): analyse here.
        for item in items[done:]:
            if cancelled():
                return
            yield item, analyse_input(item)
