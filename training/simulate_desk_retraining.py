"""How much retraining on a desk's decisions helps: a simulation on the CLEF-2019 transcripts.

A base model is trained as the shipped English one is, but on the ClaimBuster ground truth alone,
so no CLEF-2019 transcript is in it. A desk then reviews k transcripts: of each one the base model
proposes, it dismisses the sentences not labelled check-worthy and keeps the check-worthy ones,
and it promotes the check-worthy sentences the base passed over; those are its decisions. The base
is fitted further on them exactly as the product does (factcheck.analysis.claim_retrain), and MAP
is measured on the other transcripts, for the base and the retrained model, over several draws of
the k transcripts.

    .venv/bin/python -m training.simulate_desk_retraining      (after `make model`'s set-up)
"""

from __future__ import annotations

import random
import statistics
import tempfile
from pathlib import Path

import numpy as np

from factcheck.analysis import claim_model, claim_retrain
from factcheck.analysis.claims import PROPOSE_THRESHOLD
from training.train_claim_model import (
    SHIPPED_EN,
    Settings,
    fit,
    load_claimbuster,
    load_clef,
    mean_ap,
    write_model,
)

DRAWS = 6
KS = (1, 3, 5)
PULLS = (claim_retrain.PULL,)


def main() -> None:
    clef = load_clef()
    seen = {t.strip().lower() for t in clef.texts}
    base_data = load_claimbuster("claimbuster-groundtruth.csv", seen).with_dense("en")
    st: Settings = SHIPPED_EN[0]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "base.npz"
        write_model(fit(st, base_data), "en", {}, path)
        base = claim_model.read_model(path)
    entries = claim_retrain.entries_for(base, clef.texts, "en")
    base_scores = 1 / (1 + np.exp(-claim_retrain.decision_values(entries, base.coef, base.intercept)))
    transcripts = sorted(set(clef.groups))
    groups = np.array(clef.groups)
    labels = clef.labels.astype(int)
    print(f"base (ClaimBuster ground truth only) on all {len(transcripts)} CLEF-2019 transcripts: "
          f"MAP {mean_ap(base_scores, clef.labels, clef.groups):.3f}")
    for pull in PULLS:
        for k in KS:
            rng = random.Random(k)
            before, after, sizes = [], [], []
            for _ in range(DRAWS):
                desk = set(rng.sample(transcripts, k))
                in_desk = np.isin(groups, list(desk))
                proposed = base_scores >= PROPOSE_THRESHOLD
                decided = in_desk & (proposed | (labels == 1))
                idx = np.flatnonzero(decided)
                sub = claim_retrain.entries_for(base, [clef.texts[i] for i in idx], "en")
                fitted = claim_retrain.fit_further(sub, labels[idx], base.coef, base.intercept, pull=pull)
                assert fitted is not None
                coef, intercept = fitted
                scores = 1 / (1 + np.exp(-claim_retrain.decision_values(entries, coef, intercept)))
                rest = np.flatnonzero(~in_desk)
                rest_groups = [clef.groups[i] for i in rest]
                before.append(mean_ap(base_scores[rest], clef.labels[rest], rest_groups))
                after.append(mean_ap(scores[rest], clef.labels[rest], rest_groups))
                sizes.append(len(idx))
            print(f"k={k}: {statistics.mean(sizes):.0f} decisions; MAP on the other transcripts "
                  f"{statistics.mean(before):.3f} -> {statistics.mean(after):.3f} (mean of {DRAWS} draws, "
                  f"pull {pull})", flush=True)


if __name__ == "__main__":
    main()
