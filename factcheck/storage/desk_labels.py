"""The desk's decisions about sentences, and the claim model weights fitted on them, in the database.

A decision is a sentence with the reviewer's word on it (migration 0008): a dismissed or demoted
claim is a 0; a promoted sentence, a claim made from a selection, and a proposed claim the
reviewer went on to judge are 1s. Sentences nobody has looked at say nothing and are left out.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, delete, insert, select

from factcheck.storage.models import ARTICLES, CLAIMS, ClaimModelRow, table_of

CLAIM_MODELS = table_of(ClaimModelRow)


@dataclass(frozen=True, slots=True)
class Decision:
    text: str
    language: str
    label: int  # 1 worth checking, 0 not
    kind: str  # dismissed, demoted, promoted, added or judged


@dataclass(frozen=True, slots=True)
class SavedWeights:
    language: str
    base: str
    weights: bytes
    intercept: float
    decisions: int
    figures: dict[str, Any]
    trained_at: dt.datetime


def decisions(engine: Engine) -> list[Decision]:
    """Every labelled sentence of the database, oldest article first."""
    c, a = CLAIMS.c, ARTICLES.c
    query = (
        select(c.text, a.language, c.desk_label, c.dismissed, c.start)
        .select_from(CLAIMS.join(ARTICLES, a.id == c.article_id))
        .where((c.desk_label.is_not(None)) | (c.verdict.is_not(None) & c.proposed & ~c.dismissed))
        .order_by(c.article_id, c.position)
    )
    with engine.connect() as conn:
        rows = conn.execute(query).all()
    found = []
    for text, language, label, dismissed, start in rows:
        if label is None:
            found.append(Decision(text, language, 1, "judged"))
        elif label:
            found.append(Decision(text, language, 1, "promoted" if start is not None else "added"))
        else:
            found.append(Decision(text, language, 0, "dismissed" if dismissed else "demoted"))
    return found


def saved(engine: Engine) -> dict[str, SavedWeights]:
    """The retrained weights kept in this database, by language."""
    m = CLAIM_MODELS.c
    with engine.connect() as conn:
        rows = conn.execute(select(m.language, m.base, m.weights, m.intercept, m.decisions, m.figures,
                                   m.trained_at)).all()
    return {r[0]: SavedWeights(r[0], r[1], r[2], r[3], r[4], json.loads(r[5] or "{}"), r[6]) for r in rows}


def save(engine: Engine, weights: SavedWeights) -> None:
    """Keep (or replace) one language's retrained weights, in one transaction."""
    with engine.begin() as conn:
        conn.execute(delete(CLAIM_MODELS).where(CLAIM_MODELS.c.language == weights.language))
        conn.execute(insert(CLAIM_MODELS).values(
            language=weights.language, base=weights.base, weights=weights.weights, intercept=weights.intercept,
            decisions=weights.decisions, figures=json.dumps(weights.figures), trained_at=weights.trained_at))


def forget(engine: Engine) -> int:
    """Back to the shipped model for every language; how many retrained models were removed."""
    with engine.begin() as conn:
        return conn.execute(delete(CLAIM_MODELS)).rowcount or 0


def shipped_identity(language: str) -> str:
    """The sha256 of the shipped model file a retrained model starts from."""
    from factcheck.analysis import claim_model

    path = claim_model.model_path(language)
    found = _IDENTITIES.get(path)
    if found is None:
        found = _IDENTITIES[path] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


_IDENTITIES: dict[Any, str] = {}


def weights_in_use(engine: Engine) -> dict[str, tuple[Any, float]]:
    """The retrained weights to score with, by language: those saved for the shipped model now
    installed (after an upgrade that ships another model, the old weights no longer fit it)."""
    kept = saved(engine)
    if not kept:
        return {}
    import numpy as np

    return {language: (np.frombuffer(w.weights, dtype="<f8").copy(), w.intercept)
            for language, w in kept.items() if w.base == shipped_identity(language)}
