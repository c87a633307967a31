"""The garbage collector at start-up, and its full passes kept short once a big window is built.

CPython's full (generation 2) pass walks every object the app holds: Qt's
wrappers, the lesson, a class's results. With the teacher window open that
walk took 47-72 ms, and when one fell inside an import of a class or a
rescore the window stalled for over 100 ms (benchmarks/gradebook.py). What a
window holds once built lives as long as the window, so it is frozen out of
those passes (`gc.freeze`, as Instagram's servers and CPython's docs suggest
after start-up); later objects are collected as before. Measured: the longest
stall of an import of 150 files went from 103 to about 50 ms.

Start-up makes almost no garbage, but the collector's passes over the growing
heap of modules and Qt types took about 7 ms before the first paint (60 young
passes, 5 older ones). `hold()` (the installed command, first thing) stops
them until the student window is up with its store open; `resume()` then
freezes what start-up built and collects as usual from then on. (A collection
first would stall the open window ~25 ms to free the 64 objects start-up left.)

A frozen window that is closed and deleted (the teacher window) would leave its
reference cycles frozen for ever: `release()` collects them once it is gone.
"""

from __future__ import annotations

import gc

_held = False


def settle() -> None:
    """Collect what start-up left as garbage, then keep the rest out of later full passes."""
    gc.collect()
    gc.freeze()


def release() -> None:
    """A window `settle` froze is gone: what it held, reference cycles included, is collected
    (frozen objects never are), and what lives on frozen again. Closing a window may take the
    one full pass."""
    gc.unfreeze()
    settle()


def hold() -> None:
    """No collector passes until `resume()`: start-up's allocations live on."""
    global _held
    if gc.isenabled():
        gc.disable()
        _held = True


def resume() -> None:
    """The window is up: what start-up built frozen out of full passes, collection back on
    (nothing if `hold()` did not stop it)."""
    global _held
    if _held:
        _held = False
        gc.freeze()
        gc.enable()
