"""The Qt GUI: a thin shell over factcheck.store. No SQL and no business rules live here."""

import os

# Qt's raster painter hands every fill taller than about a hundred lines (a scroll bar, a panel's
# background) to a pool of threads in slices and waits for them. The fills a key press repaints
# are small, and the hand-off costs more than the fill: on the 2-core development machine a scroll
# bar repaints in 0.07 ms inline against 0.22 ms through the pool, and the pool's waits were most
# of Shift+J's slowest presses while another program was busy. Qt reads this once, at its first
# paint, so it is set when the package is imported, before any of its windows exists.
os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")
