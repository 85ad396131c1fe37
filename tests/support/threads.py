"""Running one function in many threads at once, each thread on its own database connection (for the
PostgreSQL concurrency tests)."""

import threading

from django.db import connections


def run_in_threads(count, func):
    """Start ``count`` threads that call ``func(i)`` together (a barrier releases them at once); return
    (results, errors) — exceptions are collected, not raised, so the test can assert on them."""
    barrier = threading.Barrier(count)
    results, errors = [], []

    def worker(i):
        try:
            barrier.wait()
            results.append(func(i))
        except Exception as error:  # collected and asserted by the caller
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results, errors
