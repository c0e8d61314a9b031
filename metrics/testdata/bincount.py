"""Times numpy's bincount over 10,000,000 NPS scores held as uint8, the
outside baseline quoted beside `go test -bench NPS ./metrics` in
BENCHMARKS.md. Run it in the same session as the Go benchmarks:

    python3 metrics/testdata/bincount.py
"""
import time

import numpy as np

N = 10_000_000
scores = np.random.default_rng(10).integers(0, 11, N, dtype=np.uint8)
best = float("inf")
for _ in range(20):
    t0 = time.perf_counter()
    h = np.bincount(scores, minlength=11)
    promoters, detractors = h[9:11].sum(), h[0:7].sum()
    best = min(best, time.perf_counter() - t0)
print(f"numpy {np.__version__} bincount: {best / N * 1e9:.3f} ns/score (best of 20)")
