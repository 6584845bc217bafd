"""Garbage-collector settings for a server process of the live layer (called by config/server.py).

Measured with bench/public_game.py, 2000 phones on one daphne process (docs/performance.md):
with CPython's defaults the process ran about ten full (generation 2) collections in a
10-question game, of 200-450 ms each, and every one stops the event loop: frames and answer
acknowledgements waited (ack p99 370-470 ms in three runs out of five). Two causes:

- the ~217 000 objects of Django, Wagtail and the apps, created at import and alive for the
  whole process, were scanned by every full collection: `gc.freeze()` moves them out of reach;
- at 2000 answers a second, short-lived objects still alive during a young collection (every 700
  allocations by default) were promoted, and a full collection ran whenever promoted objects
  reached a quarter of the heap: a young collection every 50 000 allocations promotes far fewer.

With both, one full collection ran in the game (after it, 180 ms), young ones stayed under 5 ms,
and the ack p99 was 23 ms.
"""
import gc

YOUNG_THRESHOLD = 50_000


def tune():
    """Freeze what exists now (call once the application is imported) and collect the young
    generation less often."""
    gc.collect()
    gc.freeze()
    _young, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, middle, old)
