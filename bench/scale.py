#!/usr/bin/env python3
"""bench/scale.py K IN OUT: writes OUT, the report IN with every staff, call and case item
repeated K times (ids suffixed -2 … -K, so they stay unique; references still name the first
copies): the same report K times as large, for the per-KB linearity check of `make bench`."""
import re
import sys

k, source, target = int(sys.argv[1]), sys.argv[2], sys.argv[3]
lines = open(source, encoding="utf-8").read().split("\n")
out, i = [], 0
while i < len(lines):
    out.append(lines[i])
    if lines[i] in ("staff:", "calls:", "cases:"):
        i += 1
        items = []
        while i < len(lines) and (lines[i].startswith("  ") or lines[i] == ""):
            items.append(lines[i])
            i += 1
        out.extend(items)
        for copy in range(2, k + 1):
            out.extend(re.sub(r"^(  - id: )(.*)$", rf"\g<1>\g<2>-{copy}", line) for line in items)
        continue
    i += 1
open(target, "w", encoding="utf-8").write("\n".join(out))
