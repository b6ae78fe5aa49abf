"""The Qt GUI: a thin shell over factcheck.store. No SQL and no business rules live here."""
