#!/usr/bin/env bash
# `make bench`: release build, then the example report audited 1,000 times in one process
# against libyaml parsing it 1,000 times.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product audit-bench >/dev/null
.build/release/audit-bench fixtures/example-report.yaml 1000
