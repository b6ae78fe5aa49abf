"""Undoable operations: every change a reviewer makes is one of these.

Each operation has `apply` and `revert`, both run by the store inside one transaction, and both
return the `Changes` they made so views refresh only what changed. `revert` puts back exactly what
`apply` changed (the claim's version included), so apply-then-revert leaves the database as it was.

Optimistic locking: an operation remembers the claim version it was built against (or reads it on
first apply) and refuses to run when someone else changed the claim in between. Writing the new
version is the operation's first write, and that UPDATE names the version read in its WHERE
clause, so a change landing between our read and our write is refused as well, never overwritten.

One module per kind of thing changed (verdicts, sources, claims, articles, saved searches) over `base`;
callers import them all from here: `from factcheck import ops`, `ops.SetVerdict(...)`.
"""

from factcheck.errors import ConflictError, OperationError
from factcheck.ops.articles import EditArticleDetails
from factcheck.ops.base import ClaimOperation, Operation, saved_id
from factcheck.ops.claims import AddClaim, EditClaimText, SetClaimFields, SetDismissed, SetProposed
from factcheck.ops.past_verdicts import RecordPastVerdicts
from factcheck.ops.saved_searches import SAVED_SEARCH_NAME_LIMIT, DeleteSavedSearch, SaveSearch
from factcheck.ops.sources import AddSource, EditSource, RemoveSource, check_source_url
from factcheck.ops.verdicts import EditRationale, ReuseVerdict, SetVerdict

__all__ = [
    "ConflictError",
    "OperationError",
    "Operation",
    "ClaimOperation",
    "saved_id",
    "SetVerdict",
    "ReuseVerdict",
    "EditArticleDetails",
    "EditRationale",
    "check_source_url",
    "AddSource",
    "EditSource",
    "RemoveSource",
    "SetClaimFields",
    "EditClaimText",
    "SetDismissed",
    "SetProposed",
    "AddClaim",
    "RecordPastVerdicts",
    "SAVED_SEARCH_NAME_LIMIT",
    "SaveSearch",
    "DeleteSavedSearch",
]
