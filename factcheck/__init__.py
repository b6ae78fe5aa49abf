"""factcheck: the Qt-free core of the fact-checking desk.

Nothing in this package imports Qt; the GUI (`ui/`) and the CLI are thin front ends over
`factcheck.store.Store`.
"""

__version__ = "0.1.0"
