"""A large database built from real texts through the store, shared by the search and similar benchmarks.

FACTCHECK_BENCH_CLAIMS claims (default 1,000,000) imported with `import_many` from the
BuzzFeed-Webis articles (corpus.py), then VERDICTS_GIVEN verdicts given as operations, as a desk
would have after a while. Building takes minutes and is not what is measured: a database built by
an earlier run of the same schema and size is reused from the temporary folder (delete it to
rebuild); one of the same size at an older schema is copied and brought to head by the
migrations, as a reviewer's database would be. Callers get the path; a copy is theirs to change.
"""

from __future__ import annotations

import itertools
import os
import random
import shutil
import sqlite3
import tempfile
import time
from pathlib import Path

from sqlalchemy import create_engine

from factcheck import ops
from factcheck.storage import migrate
from factcheck.store import Store
from tests.benchmarks.corpus import articles

TARGET_CLAIMS = int(os.environ.get("FACTCHECK_BENCH_CLAIMS", "1000000"))
VERDICTS_GIVEN = 5000


def _build(path: Path) -> float:
    began = time.perf_counter()
    with Store(path, reviewer="bench") as store:
        source = articles(10**9)
        while store.claim_count() < TARGET_CLAIMS:
            for _ in store.import_many(list(itertools.islice(source, 1000))):
                pass
        rng = random.Random(7)
        con = sqlite3.connect(path)
        proposed = [row[0] for row in con.execute("SELECT id FROM claim WHERE proposed = 1")]
        con.close()
        for claim_id in rng.sample(proposed, min(VERDICTS_GIVEN, len(proposed))):
            store.run(ops.SetVerdict(claim_id, verdict=rng.choice(("verified", "disputed", "unclear")),
                                     reviewer="bench"))
    return time.perf_counter() - began


def _cached(name: str, revision: str) -> Path:
    return Path(tempfile.gettempdir()) / f"factcheck-{name}-bench-{TARGET_CLAIMS}-{revision}.db"


def _upgrade(path: Path) -> float:
    """Bring a copy built at an older schema to head, without the backup a reviewer's open makes."""
    began = time.perf_counter()
    engine = create_engine(f"sqlite:///{path}")
    try:
        migrate.upgrade(engine)
        with engine.connect() as conn:
            conn.exec_driver_sql(f"PRAGMA user_version={migrate.USER_VERSION}")
    finally:
        engine.dispose()
    return time.perf_counter() - began


def big_database(name: str = "search") -> tuple[Path, float]:
    """The cached database's path, and the seconds it took to build (0 when reused)."""
    path = _cached(name, migrate.HEAD)
    if path.exists():
        return path, 0.0
    partial = path.with_suffix(".building")
    for leftover in partial.parent.glob(partial.name + "*"):
        leftover.unlink()
    older = next((_cached(name, r) for r in reversed(migrate.REVISIONS[:-1]) if _cached(name, r).exists()), None)
    if older is not None:
        began = time.perf_counter()
        shutil.copyfile(older, partial)
        seconds = time.perf_counter() - began + _upgrade(partial)
    else:
        seconds = _build(partial)
    partial.rename(path)
    return path, seconds


def index_sizes(path: Path) -> dict[str, int]:
    """Bytes on disk of each full-text index (its shadow tables together)."""
    con = sqlite3.connect(path)
    try:
        pages = dict(con.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name"))
    finally:
        con.close()
    return {index: sum(size for name, size in pages.items() if name.startswith(index))
            for index in migrate.FTS_TABLES}
