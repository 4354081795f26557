#!/usr/bin/env python3
"""bench/launch.py RUNS CMD... : the best wall time, in milliseconds, of RUNS launches of CMD
(output discarded). Used by `make bench` for the start-up ratio: one process per run is what
an inspector pays for `audit outlet.yaml`."""
import subprocess
import sys
import time

runs = int(sys.argv[1])
best = float("inf")
for _ in range(runs):
    start = time.perf_counter()
    subprocess.run(sys.argv[2:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    best = min(best, time.perf_counter() - start)
print(f"{best * 1000:.2f}")
