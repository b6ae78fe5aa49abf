"""Item models over store queries, one per file."""
