"""Bulk work (imports, exports, key rebuilds): Python's garbage collector set aside.

Python's cyclic garbage collector runs every few hundred new objects and, every so often,
walks every object alive. Reading or writing a million entries makes tens of millions of
short-lived objects (entries, terms, keys, rows), none of them in reference cycles, so
the collector finds almost nothing and costs a tenth to a fifth of the time.

Inside :func:`bulk_work` automatic collection is off; the caller calls the function it
yields once a batch (a few thousand entries), which collects the objects made since the
last call (the young generations only: the cost of a batch, not of the whole heap).
Reference counting frees everything else as usual. Several bulk jobs may overlap (in
threads); collection is back on when the last one ends.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Callable, Iterator

_lock = threading.Lock()
_active = 0
_was_enabled = True


def collect_young() -> None:
    """Collect the objects made since the last collection (not the whole heap)."""
    gc.collect(1)


@contextlib.contextmanager
def bulk_work() -> Iterator[Callable[[], None]]:
    """Automatic garbage collection off for the block; call what it yields per batch."""
    global _active, _was_enabled
    with _lock:
        if _active == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _active += 1
    try:
        yield collect_young
    finally:
        with _lock:
            _active -= 1
            if _active == 0 and _was_enabled:
                gc.enable()
