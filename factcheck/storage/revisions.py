"""The schema revisions this version knows, without SQLAlchemy or Alembic.

Opening an up-to-date database is the common case and must be quick (the command line's reads and
the window's first screen check it), so the answer comes from these ids alone; factcheck.storage.migrate
loads Alembic only to create or upgrade. A test keeps these ids equal to the scripts' own chain.
"""

from __future__ import annotations

# Every revision in factcheck/storage/migrations/versions, oldest first; the last is the head.
REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008")
HEAD = REVISIONS[-1]
# PRAGMA user_version carries the head's number, so a database stamped higher is from a newer factcheck.
USER_VERSION = int(HEAD)
