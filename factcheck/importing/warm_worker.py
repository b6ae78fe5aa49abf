"""Imported by the batch import's fork server (factcheck.importing.batch) before it forks any
worker: the analysis modules, numpy and the shipped models are then loaded once, and every
worker forked from the server starts with them instead of loading them itself.

Nothing else imports this module: importing it is what loads the models.
"""

from __future__ import annotations

from factcheck.analysis import claim_model
from factcheck.analysis.languages import SUPPORTED_LANGUAGES
from factcheck.importing import batch  # noqa: F401  (the workers' task functions and their imports)

for _language in SUPPORTED_LANGUAGES:
    try:
        claim_model.shipped_model(_language)
    except claim_model.ClaimModelError:
        pass  # a worker that needs the model reports it missing, with the way out, when it scores
