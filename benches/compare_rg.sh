#!/usr/bin/env bash
# Whole-process timings of piiscan and ripgrep on the same generated data.
# Usage: benches/compare_rg.sh [SIZE]   (default 400MiB; needs `rg` on PATH)
# Prints wall and CPU seconds and MB per CPU-second for:
#   - ripgrep with 13 simple PII regexes (the reference point in DESIGN.md)
#   - piiscan scan with the recommended set and with --detectors all, one thread and all threads
set -euo pipefail
SIZE=${1:-400MiB}
cd "$(dirname "$0")/.."
cargo build --release --quiet
BIN=target/release/piiscan
DATA=${DATA:-/tmp/piiscan-bench-data}
[ -d "$DATA" ] || $BIN bench-data "$DATA" --size "$SIZE" --files 40
BYTES=$(du -sb "$DATA" | cut -f1)
run() {
  local name=$1; shift
  # exit codes are ignored: piiscan exits 1 when it finds something, rg 1 when it does not
  local tf; tf=$(mktemp)
  /usr/bin/time -o "$tf" -f '%e %U %S %M' "$@" > /dev/null 2>&1 || true
  local out; out=$(tail -n 1 "$tf"); rm -f "$tf"
  read -r wall user sys rss <<<"$out"
  awk -v n="$name" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" -v b="$BYTES" \
    'BEGIN { c=u+s; printf "%-48s wall %6.2fs  cpu %6.2fs  %7.1f MB/cpu-s  %6.1f MB/s  rss %d MB\n", n, w, c, b/1e6/c, b/1e6/w, r/1024 }'
}
echo "data: $DATA ($((BYTES / 1048576)) MiB)"
if command -v rg > /dev/null; then
  run "ripgrep, 13 PII regexes, -j1" rg -j1 -c \
    --regexp='\b\d{3}-\d{2}-\d{4}\b' --regexp='\b(?:\d[ -]?){13,16}\b' --regexp='[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}' \
    --regexp='AKIA[0-9A-Z]{16}' --regexp='\b[A-Z]{2}\d{2}[A-Z0-9]{11,30}\b' --regexp='\+\d{1,3}[ .-]?\d{2,4}[ .-]?\d{3,4}[ .-]?\d{3,4}' \
    --regexp='\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b' --regexp='ghp_[A-Za-z0-9]{36}' --regexp='-----BEGIN [A-Z ]*PRIVATE KEY-----' \
    --regexp='xox[baprs]-[A-Za-z0-9-]{10,}' --regexp='sk_live_[A-Za-z0-9]{24}' --regexp='AIza[0-9A-Za-z_-]{35}' --regexp='eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}' "$DATA"
else
  echo "(rg not found: cargo install ripgrep to compare)"
fi
run "piiscan, recommended, -j1" $BIN scan "$DATA" -j1 --no-progress --format jsonl
run "piiscan, all detectors, -j1" $BIN scan "$DATA" -j1 --no-progress --format jsonl --detectors all
run "piiscan, recommended, all cores" $BIN scan "$DATA" --no-progress --format jsonl
