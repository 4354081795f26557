#!/usr/bin/env bash
# `make bench` (after the release build): on the same generated corpus of 2,000 reports,
#   (a) the floor: libyaml's event loop alone (bench/yaml_floor.c, built with the system cc)
#   (b) audit batch --jobs 1      (c) audit batch --jobs 2
#   (d) Python yaml.load(..., Loader=yaml.CSafeLoader), parse only
#   (e) peak RSS of (b) at 2,000 and at 10,000 reports
#   (f) (b) with --previous (b's own output: every outlet matched, the most trend work), and
#       the dashboard's detail sections and page timed alone (audit-bench --dashboard): what
#       trends and the dashboard add to a batch
#   (h) start-up: one `audit fixtures/example-report.yaml` process against a hello-world built
#       with the same flags (bench/hello.swift), best of BENCH_LAUNCHES launches each
#   (i) linearity: time per report at 2,000 and at 10,000 reports (from (b) and (e)), and
#       time per KB of one report ×1 and ×16 (bench/scale.py repeats its lists; audit-bench)
# then every ratio against its target (PASS/MISS), and last the single-report benchmark
# (audit-bench, the example report ×1000).
#
# Wall-clock times are the best of BENCH_RUNS runs (default 3; Python runs BENCH_PY_RUNS
# times, default 1). Knobs: BENCH_SEED, BENCH_COUNT, BENCH_LARGE_COUNT, BENCH_SKIP_LARGE=1,
# BENCH_PROFILE=1 (callgrind instruction counts of (a) and (b) on 200 reports),
# BENCH_AUDIT=PATH (another audit binary to measure), BENCH_BASELINE=PATH (an older build
# whose (b) and (h) are timed in the same run, alternating with this one's: before/after).
set -euo pipefail
cd "$(dirname "$0")/.."

SEED=${BENCH_SEED:-20260414}
COUNT=${BENCH_COUNT:-2000}
LARGE=${BENCH_LARGE_COUNT:-10000}
RUNS=${BENCH_RUNS:-3}
PY_RUNS=${BENCH_PY_RUNS:-1}
OUT=bench/out
AUDIT=${BENCH_AUDIT:-.build/release/audit}
LAUNCHES=${BENCH_LAUNCHES:-40}
BASELINE=${BENCH_BASELINE:-}
# The flags of `make release` (static Swift runtime: see the Makefile).
RELEASE_FLAGS=${RELEASE_FLAGS:--c release --static-swift-stdlib}
FLOOR=$OUT/yaml_floor
# Measured on the reference machine for 2,000 such files.
REF_A=0.74
REF_D=11.5

mkdir -p "$OUT"

# MARK: - Helpers

# GNU time gives the peak RSS; without it (and without a way to install it) bash's `time`
# still gives the wall clock.
if ! /usr/bin/time -f %e true >/dev/null 2>&1 && command -v apt-get >/dev/null && [[ $(id -u) == 0 ]]; then
  echo "installing GNU time (for peak RSS)"
  (apt-get update -qq && apt-get install -y -qq time) >/dev/null 2>&1 || true
fi
if /usr/bin/time -f %e true >/dev/null 2>&1; then HAVE_TIME=1; else HAVE_TIME=0; fi

# run_timed PREFIX CMD...: runs CMD once, stdout/stderr to PREFIX.stdout/.stderr;
# sets T_WALL (s), T_RSS (KB, empty without GNU time) and T_RC.
run_timed() {
  local prefix=$1 timing=$OUT/.time
  shift
  set +e
  if (( HAVE_TIME )); then
    /usr/bin/time -f '%e %M' -o "$timing" "$@" >"$prefix.stdout" 2>"$prefix.stderr"
    T_RC=$?
    read -r T_WALL T_RSS < <(tail -n 1 "$timing")
  else
    local TIMEFORMAT=%R
    { time "$@" >"$prefix.stdout" 2>"$prefix.stderr"; } 2>"$timing"
    T_RC=$?
    T_WALL=$(tail -n 1 "$timing")
    T_RSS=
  fi
  set -e
}

# best RUNS PREFIX CLEAN CMD...: the best wall time of RUNS runs (B_WALL) and the largest
# peak RSS (B_RSS); CLEAN (a folder, or -) is removed before each run.
best() {
  local runs=$1 prefix=$2 clean=$3 i
  shift 3
  B_WALL= B_RSS= B_RC=0
  for (( i = 1; i <= runs; i++ )); do
    [[ $clean == - ]] || rm -rf "$clean"
    run_timed "$prefix" "$@"
    (( T_RC > B_RC )) && B_RC=$T_RC
    if [[ -z $B_WALL ]] || awk -v a="$T_WALL" -v b="$B_WALL" 'BEGIN { exit !(a < b) }'; then B_WALL=$T_WALL; fi
    if [[ -n $T_RSS ]] && { [[ -z $B_RSS ]] || (( T_RSS > B_RSS )); }; then B_RSS=$T_RSS; fi
  done
}

mb() { [[ -n ${1:-} ]] && awk -v k="$1" 'BEGIN { printf "%.1f MB", k / 1024 }' || echo "n/a"; }
div() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
# verdict VALUE OP TARGET: PASS or MISS (n/a when VALUE is).
verdict() {
  [[ $1 == n/a ]] && { echo "n/a"; return; }
  awk -v v="$1" -v op="$2" -v t="$3" 'BEGIN { ok = (op == "<=") ? v <= t : v >= t; print ok ? "PASS" : "MISS" }'
}

# corpus COUNT DIR: generates DIR with the fixed seed unless it is there from the same
# generator and seed (a stamp beside it records both); writes DIR.list, the sorted paths.
corpus() {
  local count=$1 dir=$2 want
  want="count=$count seed=$SEED generator=$(sha256sum scripts/gen-corpus.py | cut -c1-16)"
  if [[ -d $dir && -f $dir.stamp && $(cat "$dir.stamp") == "$want" ]]; then
    echo "corpus $dir: present ($want)"
  else
    rm -rf "$dir" "$dir.stamp"
    python3 scripts/gen-corpus.py --out "$dir" --count "$count" --seed "$SEED"
    echo "$want" >"$dir.stamp"
  fi
  find "$dir" -name '*.yaml' | LC_ALL=C sort >"$dir.list"
}

summary_line() { cat "$1.stdout" "$1.stderr" | grep -oE 'scored [0-9]+, errors [0-9]+, total [0-9]+' | tail -n 1 || true; }

# MARK: - Inputs

# shellcheck disable=SC2086 # RELEASE_FLAGS is several flags
[[ -x $AUDIT ]] || swift build $RELEASE_FLAGS --product audit
SMALL_DIR=$OUT/corpus-$COUNT
LARGE_DIR=$OUT/corpus-$LARGE
corpus "$COUNT" "$SMALL_DIR"
[[ ${BENCH_SKIP_LARGE:-0} == 1 ]] || corpus "$LARGE" "$LARGE_DIR"
files=$(wc -l <"$SMALL_DIR.list")
bytes=$(du -sb "$SMALL_DIR" | cut -f1)

if [[ ! -x $FLOOR || bench/yaml_floor.c -nt $FLOOR ]]; then
  # shellcheck disable=SC2046 # pkg-config prints several flags
  cc -O2 -o "$FLOOR" bench/yaml_floor.c $(pkg-config --cflags --libs yaml-0.1)
fi

HAVE_BATCH=1
"$AUDIT" batch --help >/dev/null 2>&1 || HAVE_BATCH=0
HAVE_CYAML=1
python3 -c 'import sys, yaml; sys.exit(0 if yaml.__with_libyaml__ else 1)' 2>/dev/null || HAVE_CYAML=0

echo
echo "machine: $(nproc) cores, $(uname -m); libyaml $(pkg-config --modversion yaml-0.1);" \
  "$(python3 -c 'import sys, yaml; print(f"Python {sys.version.split()[0]}, PyYAML {yaml.__version__}")' 2>/dev/null || echo 'no PyYAML')"
echo "corpus: $SMALL_DIR: $files files, $(awk -v b="$bytes" 'BEGIN { printf "%.1f MB", b / 1e6 }'), seed $SEED; best of $RUNS runs"

# Warm the page cache so no measurement pays for the first read.
"$FLOOR" -l "$SMALL_DIR.list" >/dev/null 2>&1 || true

# MARK: - (a)–(e)

best "$RUNS" "$OUT/a" - "$FLOOR" -l "$SMALL_DIR.list"
A_WALL=$B_WALL A_RSS=$B_RSS
A_OUT=$(cat "$OUT/a.stdout")

B1_WALL=n/a F_WALL=n/a G_SECONDS= C_WALL=n/a B1_RSS= C_RSS= E_RSS= E_WALL=n/a B_SUMMARY= C_SUMMARY= E_SUMMARY=
if (( HAVE_BATCH )); then
  # (b) and (f) alternate, so that a slow spell of the machine falls on both.
  B1_WALL= F_WALL= B1_RSS= B1_RC=0
  for (( r = 1; r <= RUNS; r++ )); do
    best 1 "$OUT/b" "$OUT/batch-j1" "$AUDIT" batch "$SMALL_DIR" --out "$OUT/batch-j1" --jobs 1
    (( B_RC > B1_RC )) && B1_RC=$B_RC
    [[ -n $B_RSS ]] && { [[ -z $B1_RSS ]] || (( B_RSS > B1_RSS )); } && B1_RSS=$B_RSS
    if [[ -z $B1_WALL ]] || awk -v a="$B_WALL" -v b="$B1_WALL" 'BEGIN { exit !(a < b) }'; then B1_WALL=$B_WALL; fi
    best 1 "$OUT/f" "$OUT/batch-j1-previous" "$AUDIT" batch "$SMALL_DIR" --out "$OUT/batch-j1-previous" --jobs 1 --previous "$OUT/batch-j1"
    if [[ -z $F_WALL ]] || awk -v a="$B_WALL" -v b="$F_WALL" 'BEGIN { exit !(a < b) }'; then F_WALL=$B_WALL; fi
    if [[ -n $BASELINE ]]; then
      best 1 "$OUT/b0" "$OUT/batch-j1-baseline" "$BASELINE" batch "$SMALL_DIR" --out "$OUT/batch-j1-baseline" --jobs 1
      if [[ -z ${B0_WALL:-} ]] || awk -v a="$B_WALL" -v b="$B0_WALL" 'BEGIN { exit !(a < b) }'; then B0_WALL=$B_WALL; fi
    fi
  done
  B_SUMMARY=$(summary_line "$OUT/b")
  # shellcheck disable=SC2086
  [[ -x .build/release/audit-bench ]] || swift build $RELEASE_FLAGS --product audit-bench >/dev/null
  G_SECONDS=$(.build/release/audit-bench --dashboard "$files" "$(head -n 1 "$SMALL_DIR.list")" | awk '/^dashboard_seconds/ { print $2 }')
  best "$RUNS" "$OUT/c" "$OUT/batch-j2" "$AUDIT" batch "$SMALL_DIR" --out "$OUT/batch-j2" --jobs 2
  C_WALL=$B_WALL C_RSS=$B_RSS C_RC=$B_RC C_SUMMARY=$(summary_line "$OUT/c")
  if [[ ${BENCH_SKIP_LARGE:-0} != 1 ]]; then
    "$FLOOR" -l "$LARGE_DIR.list" >/dev/null 2>&1 || true
    best 1 "$OUT/e" "$OUT/batch-j1-$LARGE" "$AUDIT" batch "$LARGE_DIR" --out "$OUT/batch-j1-$LARGE" --jobs 1
    E_WALL=$B_WALL E_RSS=$B_RSS E_RC=$B_RC E_SUMMARY=$(summary_line "$OUT/e")
  fi
fi

D_WALL=n/a D_OUT=
if (( HAVE_CYAML )); then
  # What a script would do: load every file with the libyaml-backed loader, parse only.
  best "$PY_RUNS" "$OUT/d" - python3 -c '
import sys, yaml
files = errors = 0
for path in open(sys.argv[1], encoding="utf-8").read().splitlines():
    files += 1
    with open(path, "rb") as f:
        data = f.read()
    try:
        yaml.load(data, Loader=yaml.CSafeLoader)
    except Exception:
        errors += 1
print(f"files {files}, errors {errors}")
' "$SMALL_DIR.list"
  D_WALL=$B_WALL D_OUT=$(cat "$OUT/d.stdout")
fi

# MARK: - (h) start-up, (i) linearity

# The hello-world gets the release flags: a static Swift runtime when audit has one.
HELLO=$OUT/hello
HELLO_FLAGS=-O
ldd "$AUDIT" 2>/dev/null | grep -q libswiftCore || HELLO_FLAGS="-O -static-stdlib"
# shellcheck disable=SC2086
if [[ ! -x $HELLO || bench/hello.swift -nt $HELLO || $(cat "$HELLO.flags" 2>/dev/null) != "$HELLO_FLAGS" ]]; then
  swiftc $HELLO_FLAGS bench/hello.swift -o "$HELLO" 2>/dev/null && echo "$HELLO_FLAGS" >"$HELLO.flags"
fi
H_HELLO=n/a H_AUDIT=n/a H0_AUDIT=n/a
if [[ -x $HELLO ]]; then
  python3 bench/launch.py 5 "$AUDIT" fixtures/example-report.yaml >/dev/null  # warm
  H_HELLO=$(python3 bench/launch.py "$LAUNCHES" "$HELLO")
  H_AUDIT=$(python3 bench/launch.py "$LAUNCHES" "$AUDIT" fixtures/example-report.yaml)
  [[ -z $BASELINE ]] || H0_AUDIT=$(python3 bench/launch.py "$LAUNCHES" "$BASELINE" fixtures/example-report.yaml)
fi

# µs per KB of the audit of one corpus report (load + validate + evaluate), ×1 and ×16.
SCALE_ONE=$(head -n 1 "$SMALL_DIR.list")
python3 bench/scale.py 16 "$SCALE_ONE" "$OUT/scaled-16.yaml"
per_kb() {  # FILE ITERATIONS
  local kb us
  kb=$(awk -v b="$(wc -c <"$1")" 'BEGIN { print b / 1024 }')
  us=$(.build/release/audit-bench "$1" "$2" | awk '/^audit: load/ { for (i = 1; i <= NF; i++) if ($i == "µs/report") print $(i - 1) }')
  [[ -n $us ]] && awk -v u="$us" -v k="$kb" 'BEGIN { printf "%.2f", u / k }' || echo n/a
}
I_KB1=$(per_kb "$SCALE_ONE" 400)
I_KB16=$(per_kb "$OUT/scaled-16.yaml" 25)

# MARK: - Report

echo
printf '%-48s %9s %12s %10s\n' "" "wall s" "peak RSS" "reference"
printf '%-48s %9s %12s %10s\n' "(a) libyaml event loop only (C floor)" "$A_WALL" "$(mb "$A_RSS")" "$REF_A"
printf '%-48s %9s %12s %10s\n' "(b) audit batch --jobs 1" "$B1_WALL" "$(mb "$B1_RSS")" ""
printf '%-48s %9s %12s %10s\n' "(c) audit batch --jobs 2" "$C_WALL" "$(mb "$C_RSS")" ""
printf '%-48s %9s %12s %10s\n' "(d) Python yaml.load, CSafeLoader (parse only)" "$D_WALL" "" "$REF_D"
printf '%-48s %9s %12s %10s\n' "(e) audit batch --jobs 1, $LARGE reports" "$E_WALL" "$(mb "$E_RSS")" ""
printf '%-48s %9s %12s %10s\n' "(f) (b) with --previous (trends, all matched)" "$F_WALL" "" ""
printf '%-48s %9s %12s %10s\n' "(g) dashboard alone: sections + page" "$( [[ -n $G_SECONDS ]] && awk -v g="$G_SECONDS" 'BEGIN { printf "%.2f", g }' || echo n/a)" "" ""
printf '%-48s %9s %12s %10s\n' "(h) hello-world ($HELLO_FLAGS), ms" "$H_HELLO" "" ""
printf '%-48s %9s %12s %10s\n' "(h) audit fixtures/example-report.yaml, ms" "$H_AUDIT" "" ""
if [[ -n $BASELINE ]]; then
  printf '%-48s %9s %12s %10s\n' "(b0) baseline: audit batch --jobs 1" "${B0_WALL:-n/a}" "" ""
  printf '%-48s %9s %12s %10s\n' "(h0) baseline: audit example-report.yaml, ms" "$H0_AUDIT" "" ""
  echo "    baseline: $BASELINE"
fi
printf '%-48s %9s %12s %10s\n' "(i) µs/KB, one report ×1 ($(( $(wc -c <"$SCALE_ONE") / 1024 )) KB)" "$I_KB1" "" ""
printf '%-48s %9s %12s %10s\n' "(i) µs/KB, the same ×16 ($(( $(wc -c <"$OUT/scaled-16.yaml") / 1024 )) KB)" "$I_KB16" "" ""
echo
echo "(a) $A_OUT"
[[ -n $D_OUT ]] && echo "(d) $D_OUT"
(( HAVE_BATCH )) || echo "(b), (c), (e): n/a — this audit has no 'batch' command"
for run in "b:$B_SUMMARY:${B1_RC:-}" "c:$C_SUMMARY:${C_RC:-}" "e:$E_SUMMARY:${E_RC:-}"; do
  IFS=: read -r name line rc <<<"$run"
  [[ -n $rc ]] || continue
  echo "($name) ${line:-no 'scored S, errors E, total T' line}, exit $rc"
  if [[ -z $line ]] || (( rc > 2 )); then
    echo "    audit batch failed; see $OUT/$name.stderr" >&2
  fi
done
if [[ -n $B_SUMMARY ]]; then
  total=$(grep -oE 'total [0-9]+' <<<"$B_SUMMARY" | cut -d' ' -f2)
  [[ $total == "$files" ]] || echo "    warning: batch counted $total inputs, the corpus has $files files"
  for f in results.jsonl outlets.csv branches.csv rules.csv errors.jsonl dashboard.html; do
    [[ -f $OUT/batch-j1/$f ]] || echo "    warning: $OUT/batch-j1/$f was not written"
  done
fi

BA=$( [[ $B1_WALL == n/a ]] && echo n/a || div "$B1_WALL" "$A_WALL")
CB=$( [[ $C_WALL == n/a ]] && echo n/a || div "$C_WALL" "$B1_WALL")
DB=$( [[ $D_WALL == n/a || $B1_WALL == n/a ]] && echo n/a || div "$D_WALL" "$B1_WALL")
# What trends (f − b) and the dashboard (g) add to a batch, as a share of (b).
TRENDS=n/a DASH=n/a
[[ $F_WALL != n/a && $B1_WALL != n/a ]] && TRENDS=$(awk -v f="$F_WALL" -v b="$B1_WALL" 'BEGIN { printf "%.1f", (f - b) * 100 / b }')
[[ -n $G_SECONDS && $B1_WALL != n/a ]] && DASH=$(awk -v g="$G_SECONDS" -v b="$B1_WALL" 'BEGIN { printf "%.1f", g * 100 / b }')
HH=$( [[ $H_AUDIT == n/a || $H_HELLO == n/a ]] && echo n/a || div "$H_AUDIT" "$H_HELLO")
# Per report at 10,000 against 2,000 reports, per KB at ×16 against ×1: 1.00 is linear.
PER_REPORT=n/a
[[ $E_WALL != n/a && $B1_WALL != n/a ]] && PER_REPORT=$(awk -v e="$E_WALL" -v b="$B1_WALL" -v n="$COUNT" -v m="$LARGE" 'BEGIN { printf "%.2f", (e / m) / (b / n) }')
PER_KB=$( [[ $I_KB1 == n/a || $I_KB16 == n/a ]] && echo n/a || div "$I_KB16" "$I_KB1")
GROWTH=n/a
if [[ -n $B1_RSS && -n $E_RSS ]]; then
  GROWTH=$(awk -v a="$B1_RSS" -v b="$E_RSS" 'BEGIN { printf "%.1f", (b - a) * 100 / a }')
fi
echo
printf '%-34s %8s   %-12s %s\n' "b/a  audit vs the libyaml floor" "$BA" "target ≤ 1.5" "$(verdict "$BA" '<=' 1.5)"
[[ -n $BASELINE && -n ${B0_WALL:-} ]] && printf '%-34s %8s\n' "b0/a  the baseline, before" "$(div "$B0_WALL" "$A_WALL")"
printf '%-34s %8s   %-12s %s\n' "c/b  --jobs 2 vs --jobs 1" "$CB" "target ≤ 0.55" "$(verdict "$CB" '<=' 0.55)"
printf '%-34s %8s   %-12s %s\n' "d/b  Python vs audit" "$DB" "target ≥ 8" "$(verdict "$DB" '>=' 8)"
printf '%-34s %8s   %-12s %s\n' "RSS growth $COUNT → $LARGE reports" "$( [[ $GROWTH == n/a ]] && echo n/a || echo "$GROWTH%")" "target ≤ 20%" "$(verdict "$GROWTH" '<=' 20)"
printf '%-34s %8s   %-12s %s\n' "h  one report vs hello-world" "$HH" "target ≤ 2.5" "$(verdict "$HH" '<=' 2.5)"
[[ -n $BASELINE && $H0_AUDIT != n/a && $H_HELLO != n/a ]] && printf '%-34s %8s\n' "h0  the baseline, before" "$(div "$H0_AUDIT" "$H_HELLO")"
printf '%-34s %8s   %-12s %s\n' "per report, $LARGE vs $COUNT reports" "$PER_REPORT" "target ≤ 1.1" "$(verdict "$PER_REPORT" '<=' 1.1)"
[[ $PER_REPORT != n/a ]] && awk -v b="$B1_WALL" -v e="$E_WALL" -v n="$COUNT" -v m="$LARGE" \
  'BEGIN { printf "    %.2f ms per report at %d, %.2f ms at %d\n", b * 1000 / n, n, e * 1000 / m, m }'
printf '%-34s %8s   %-12s %s\n' "per KB, report ×16 vs ×1" "$PER_KB" "target ≤ 1.1" "$(verdict "$PER_KB" '<=' 1.1)"
printf '%-34s %8s   %-12s %s\n' "(f−b)/b  trends (--previous)" "$( [[ $TRENDS == n/a ]] && echo n/a || echo "$TRENDS%")" "target < 5%" "$(verdict "$TRENDS" '<=' 5)"
printf '%-34s %8s   %-12s %s\n' "g/b  dashboard (sections + page)" "$( [[ $DASH == n/a ]] && echo n/a || echo "$DASH%")" "target < 5%" "$(verdict "$DASH" '<=' 5)"
if grep -q MISS <<<"$(verdict "$BA" '<=' 1.5) $(verdict "$CB" '<=' 0.55) $(verdict "$DB" '>=' 8) $(verdict "$GROWTH" '<=' 20) $(verdict "$HH" '<=' 2.5)"; then
  echo "a target is missed: BENCH_PROFILE=1 make bench counts instructions with callgrind"
fi

# MARK: - Profile (BENCH_PROFILE=1)

if [[ ${BENCH_PROFILE:-0} == 1 ]]; then
  if ! command -v valgrind >/dev/null; then
    echo "BENCH_PROFILE: valgrind is not installed (apt-get install valgrind)"
  else
    echo
    echo "== callgrind, 200 reports (instructions are repeatable; wall time under valgrind is not)"
    PROFILE_DIR=$OUT/corpus-200
    corpus 200 "$PROFILE_DIR"
    valgrind --tool=callgrind --callgrind-out-file="$OUT/callgrind.floor" \
      "$FLOOR" -l "$PROFILE_DIR.list" >/dev/null 2>"$OUT/callgrind.floor.log"
    floor_ir=$(callgrind_annotate "$OUT/callgrind.floor" | awk '/PROGRAM TOTALS/ { gsub(",", "", $1); print $1 }')
    echo "(a) floor: $floor_ir instructions"
    if (( HAVE_BATCH )); then
      rm -rf "$OUT/batch-profile"
      valgrind --tool=callgrind --callgrind-out-file="$OUT/callgrind.batch" \
        "$AUDIT" batch "$PROFILE_DIR" --out "$OUT/batch-profile" --jobs 1 >/dev/null 2>"$OUT/callgrind.batch.log" || true
      batch_ir=$(callgrind_annotate "$OUT/callgrind.batch" | awk '/PROGRAM TOTALS/ { gsub(",", "", $1); print $1 }')
      echo "(b) audit batch --jobs 1: $batch_ir instructions, $(div "$batch_ir" "$floor_ir")× the floor"
      # Function names demangled when swift-demangle is there; each function once (the
      # annotation lists some twice, with and without the file's folder).
      demangle() { if command -v swift-demangle >/dev/null; then swift-demangle --simplified; else cat; fi; }
      annotate() {
        callgrind_annotate "$@" "$OUT/callgrind.batch" 2>/dev/null | sed -n '/^Ir/,$p' | grep -E '^ *[0-9,]+ ' \
          | sed -E 's/ \[[^]]*\] *$//' | demangle \
          | awk '{ name = $0; sub(/^[^:]*:/, "", name); if (!seen[name]++) print }'
      }
      echo "where (b) goes, inclusive (the stages: YAMLLoader.load, ReportValidator.validate, Auditor.audit, JSON):"
      annotate --inclusive=yes | grep -E 'Sources/|yaml_parser_parse' | sed -n '1,24p' | cut -c1-150
      echo "hottest functions of (b), self cost:"
      annotate | sed -n '2,16p' | cut -c1-150
      echo "full: callgrind_annotate --inclusive=yes $OUT/callgrind.batch | swift-demangle --simplified"
    fi
  fi
fi

# MARK: - single report ×1000

echo
echo "== single report ×1000"
# shellcheck disable=SC2086
[[ -x .build/release/audit-bench ]] || swift build $RELEASE_FLAGS --product audit-bench >/dev/null
.build/release/audit-bench fixtures/example-report.yaml 1000
