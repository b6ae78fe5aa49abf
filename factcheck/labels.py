"""The three verdicts a reviewer can give, in the order buttons and reports show them.

A module of its own, with nothing to import, so the command line can build its parser (and answer
`--help`) without loading the read models.
"""

VERDICT_LABELS = ("verified", "disputed", "unclear")
