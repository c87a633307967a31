"""Keeping the garbage collector's full passes short once a big window is built.

CPython's full (generation 2) pass walks every object the app holds: Qt's
wrappers, the lesson, a class's results. With the teacher window open that
walk took 47-72 ms, and when one fell inside an import of a class or a
rescore the window stalled for over 100 ms (benchmarks/gradebook.py). What a
window holds once built lives as long as the window, so it is frozen out of
those passes (`gc.freeze`, as Instagram's servers and CPython's docs suggest
after start-up); later objects are collected as before. Measured: the longest
stall of an import of 150 files went from 103 to about 50 ms.
"""

from __future__ import annotations

import gc


def settle() -> None:
    """Collect what start-up left as garbage, then keep the rest out of later full passes."""
    gc.collect()
    gc.freeze()
