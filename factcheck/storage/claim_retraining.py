"""Retraining the claim proposal on this database's decisions, and going back to the shipped model.

The desk's labels (factcheck.storage.desk_labels) are fitted per language from the shipped model
(factcheck.analysis.claim_retrain) and the weights kept in the database, where every later import
and added claim of this database finds them; other databases keep the shipped model.
"""

from __future__ import annotations

import datetime as dt
import time
from collections import defaultdict
from collections.abc import Callable

from sqlalchemy import Engine

from factcheck.records import ClaimModelStatus, RetrainReport
from factcheck.storage import desk_labels

# Fewer decisions than this say too little to move a model trained on thousands of sentences.
MIN_DECISIONS = 10


def retrain(engine: Engine, progress: Callable[[int, int], None] | None = None,
            cancelled: Callable[[], bool] = lambda: False) -> RetrainReport:
    """Fit each language with enough decisions; nothing is saved when cancelled."""
    import numpy as np

    from factcheck.analysis import claim_model, claim_retrain

    began = time.perf_counter()
    by_language: dict[str, list[desk_labels.Decision]] = defaultdict(list)
    for decision in desk_labels.decisions(engine):
        by_language[decision.language].append(decision)
    trained: dict[str, int] = {}
    fitted: list[desk_labels.SavedWeights] = []
    ready = {lang: found for lang, found in by_language.items() if len(found) >= MIN_DECISIONS}
    too_few = {lang: len(found) for lang, found in by_language.items() if len(found) < MIN_DECISIONS}
    total = len(ready) * claim_retrain.STEPS
    for done, (language, found) in enumerate(sorted(ready.items())):
        base = claim_model.shipped_model(language)
        texts = [d.text for d in found]
        labels = np.array([d.label for d in found])
        entries = claim_retrain.entries_for(base, texts, language)
        step = None if progress is None else (
            lambda s, _n, offset=done * claim_retrain.STEPS: progress(offset + s, total))
        result = claim_retrain.fit_further(entries, labels, base.coef, base.intercept,
                                           progress=step, cancelled=cancelled)
        if result is None:
            return RetrainReport(cancelled=True, seconds=time.perf_counter() - began)
        coef, intercept = result
        kinds: dict[str, int] = defaultdict(int)
        for d in found:
            kinds[d.kind] += 1
        fitted.append(desk_labels.SavedWeights(
            language, desk_labels.shipped_identity(language), coef.astype("<f8").tobytes(), float(intercept),
            len(found), {"kinds": dict(kinds)}, dt.datetime.now(dt.UTC)))
        trained[language] = len(found)
    for weights in fitted:  # all or nothing: saved once every language is done
        desk_labels.save(engine, weights)
    return RetrainReport(trained, too_few, time.perf_counter() - began)


def status(engine: Engine) -> list[ClaimModelStatus]:
    """The model of each language this database has retrained or writes in."""
    kept = desk_labels.saved(engine)
    found = []
    for language in sorted({"en", "es", *kept}):
        w = kept.get(language)
        if w is None:
            found.append(ClaimModelStatus(language, False))
        else:
            stale = w.base != desk_labels.shipped_identity(language)
            found.append(ClaimModelStatus(language, True, w.decisions, w.trained_at, stale))
    return found


def forget(engine: Engine) -> int:
    return desk_labels.forget(engine)
