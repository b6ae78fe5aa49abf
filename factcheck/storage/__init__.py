"""Keeping what was read: SQLModel tables, opening the database, migrations, backups, the writer.

Only the store and the operations reach in here; the GUI and the CLI see records.
"""
