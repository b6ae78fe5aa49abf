"""Export speed and memory: 100,000 reviewed claims with two sources each, to CSV, JSON and HTML.

Each export runs in a child process of its own, which reports the time of the export call and its
peak resident memory, so one format's memory cannot hide in another's. The floor is
measured in the same run, also in a child: raw sqlite3 reading the same rows (claims with their
article, sources, verdicts) and writing them with the standard csv / json / html modules.
Median of RUNS. Budgets: CSV and JSON under 5 s, HTML under 15 s, every format under 300 MB.

The database is built once through the store's JSON backup import (no text analysis) and kept under
the system's temporary folder between runs, since building it takes a minute.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from factcheck.store import Store
from tests.export_data import bulk

ARTICLES, CLAIMS_PER_ARTICLE, SOURCES = 1000, 100, 2
RUNS = 3
BUDGET_S = {"csv": 5.0, "json": 5.0, "html": 15.0}
BUDGET_MB = 300
CACHE = Path(tempfile.gettempdir()) / f"factcheck-bench-export-{ARTICLES}x{CLAIMS_PER_ARTICLE}x{SOURCES}-v4.db"

# Peak resident memory of this process image. Linux's VmHWM starts afresh at exec; getrusage's
# maximum would start from the parent's size at fork (a test process that built the database).
PEAK = """
import resource
def peak_mb():
    try:
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:")) / 1024
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
"""

EXPORT = PEAK + """
import sys, time
from factcheck.store import Store
store = Store(sys.argv[1], reviewer="bench")
began = time.perf_counter()
result = store.export(sys.argv[2], sys.argv[3])
elapsed = time.perf_counter() - began
assert result.claims >= 100000 or sys.argv[2] != "csv", result
print(elapsed, peak_mb())
"""

FLOOR = PEAK + """
import csv, html, json, sqlite3, sys, time
from collections import defaultdict
began = time.perf_counter()
con = sqlite3.connect(sys.argv[1])
fmt = sys.argv[2]
articles = con.execute("SELECT id, title, outlet, url, published FROM article ORDER BY id").fetchall()
with open(sys.argv[3], "w", encoding="utf-8", newline="") as out:
    writer = csv.writer(out)
    for start in range(0, len(articles), 100):
        chunk = articles[start:start + 100]
        marks = ",".join("?" * len(chunk))
        ids = [a[0] for a in chunk]
        claims = con.execute(f"SELECT id, article_id, position, text, speaker, verdict, rationale, reviewer, "
                             f"reviewed_at FROM claim WHERE article_id IN ({marks}) AND proposed AND NOT dismissed "
                             f"ORDER BY article_id, position", ids).fetchall()
        sources = defaultdict(list)
        for s in con.execute(f"SELECT s.claim_id, s.url, s.title, s.publisher, s.accessed FROM source s JOIN claim c "
                             f"ON c.id = s.claim_id WHERE c.article_id IN ({marks}) ORDER BY s.id", ids):
            sources[s[0]].append(s)
        history = defaultdict(list)
        for v in con.execute(f"SELECT v.claim_id, v.label, v.reviewer, v.created_at, v.reused_from FROM verdict v "
                             f"JOIN claim c ON c.id = v.claim_id WHERE c.article_id IN ({marks}) ORDER BY v.id", ids):
            history[v[0]].append(v)
        by_article = {a[0]: a for a in chunk}
        for c in claims:
            a, srcs = by_article[c[1]], sources[c[0]]
            if fmt == "csv":
                writer.writerow([a[0], a[1], a[2], a[3], a[4], *c, len(srcs), " | ".join(s[1] for s in srcs),
                                 " | ".join(s[2] for s in srcs)])
            elif fmt == "json":
                out.write(json.dumps({"article": a, "claim": c, "sources": srcs, "history": history[c[0]]}) + "\\n")
            else:
                out.write("<div><p>" + "</p><p>".join(html.escape(str(x)) for x in (*a, *c)) + "</p><ul>" +
                          "".join(f'<li><a href="{html.escape(s[1])}">{html.escape(s[2])}</a></li>' for s in srcs) +
                          "</ul></div>\\n")
elapsed = time.perf_counter() - began
print(elapsed, peak_mb())
"""


def _database() -> Path:
    if CACHE.exists():
        return CACHE
    building = CACHE.with_name(CACHE.name + ".building")
    for leftover in (building, Path(f"{building}-wal"), Path(f"{building}-shm")):
        leftover.unlink(missing_ok=True)
    with Store(building, reviewer="bench") as store:
        bulk(store, ARTICLES, CLAIMS_PER_ARTICLE, SOURCES, per_call=100)
        assert store.claim_count() == ARTICLES * CLAIMS_PER_ARTICLE
    building.rename(CACHE)
    return CACHE


def _child(script: str, *args: str) -> tuple[float, float]:
    done = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, check=True)
    seconds, megabytes = done.stdout.split()
    return float(seconds), float(megabytes)


def test_export_100k_reviewed_claims_within_budget(tmp_path: Path) -> None:
    db = _database()
    figures = {}
    for fmt in ("csv", "json", "html"):
        runs = [_child(EXPORT, str(db), fmt, str(tmp_path / f"export.{fmt}")) for _ in range(RUNS)]
        floors = [_child(FLOOR, str(db), fmt, str(tmp_path / f"floor.{fmt}")) for _ in range(RUNS)]
        seconds = statistics.median(r[0] for r in runs)
        floor = statistics.median(f[0] for f in floors)
        peak = max(r[1] for r in runs)
        written = (tmp_path / f"export.{fmt}").stat().st_size / 2**20
        figures[fmt] = {"seconds": round(seconds, 2), "floor_seconds": round(floor, 2),
                        "ratio": round(seconds / floor, 2), "peak_mb": round(peak),
                        "floor_peak_mb": round(max(f[1] for f in floors)), "mb_written": round(written)}
        print(f"\n{fmt}: {seconds:.2f} s (floor {floor:.2f} s, {seconds / floor:.1f}x), peak {peak:.0f} MB, "
              f"runs {[round(r[0], 2) for r in runs]}")
    print(json.dumps(figures, indent=1))
    with (tmp_path / "export.csv").open(encoding="utf-8") as exported:
        lines = sum(1 for _ in exported)
    assert lines == ARTICLES * CLAIMS_PER_ARTICLE + 1
    for fmt, budget in BUDGET_S.items():
        assert figures[fmt]["seconds"] < budget, (fmt, figures[fmt])
        assert figures[fmt]["peak_mb"] < BUDGET_MB, (fmt, figures[fmt])
