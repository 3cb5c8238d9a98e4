#!/usr/bin/env bash
# Big-file checks for docs/formats.md: a 1,000,000-row CSV and a 1 GiB
# (decompressed) gzip log, scanned by the release binary with peak RSS from
# /usr/bin/time -v. Files are generated under ${BIG_DIR:-/tmp/piiscan-big},
# never in the repository. Usage: benches/big_files.sh [threads]
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=target/release/piiscan
[ -x "$BIN" ] || cargo build --release
DIR=${BIG_DIR:-/tmp/piiscan-big}
J=${1:-1}
mkdir -p "$DIR"
AWS='aws_secret_access_key = k3Hq9+TbZ2mN8vLp4xWc7rYd1sFg6jAe0uIo5nBt'
echo '[{"name":"EmpId","regex":"EMP-[0-9]{6}","keywords":["employee"]}]' > "$DIR/custom.json"

if [ ! -s "$DIR/csv/people.csv" ]; then
  mkdir -p "$DIR/csv"
  awk 'BEGIN { print "id,employee_id,name,email_note,notes";
    for (i = 0; i < 1000000; i++)
      printf "%d,EMP-%06d,user %d,contact user%d at the office,free text about row %d with some words\n", i, i, i, i, i }' \
    > "$DIR/csv/people.csv"
fi
if [ ! -s "$DIR/gz/app.log.gz" ]; then
  mkdir -p "$DIR/gz"
  awk -v aws="$AWS" 'BEGIN { n = 0; i = 0;
    while (n < 1073741824) {
      if (i % 100000 == 0) line = sprintf("2026-12-01T00:00:%02dZ line %d %s", i % 60, i, aws);
      else line = sprintf("2026-12-01T00:00:%02dZ INFO request %d served in %d ms from host-%d path=/api/v1/items/%d", i % 60, i, i % 997, i % 13, i % 100003);
      print line; n += length(line) + 1; i++ } }' | gzip -1 > "$DIR/gz/app.log.gz"
fi

run() { # label path size_bytes
  local out
  out=$( { /usr/bin/time -v "$BIN" scan --no-progress --exit-zero -j "$J" --format json \
      --custom-identifiers "$DIR/custom.json" "$2" > "$DIR/$1.json"; } 2>&1 )
  local wall rss
  wall=$(echo "$out" | awk -F': ' '/Elapsed \(wall clock\)/ {print $2}')
  rss=$(echo "$out" | awk -F': ' '/Maximum resident set size/ {print $2}')
  local secs
  secs=$(echo "$wall" | awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }')
  echo "$1: $(($3 / 1048576)) MiB content in ${secs}s = $(awk -v b="$3" -v s="$secs" 'BEGIN { printf "%.1f", b / 1048576 / s }') MiB/s, peak RSS $((rss / 1024)) MiB"
}
CSV_BYTES=$(stat -c %s "$DIR/csv/people.csv")
LOG_BYTES=$(gzip -dc "$DIR/gz/app.log.gz" | wc -c)
run csv "$DIR/csv" "$CSV_BYTES"
run gzip "$DIR/gz" "$LOG_BYTES"
