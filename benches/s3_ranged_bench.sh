#!/usr/bin/env bash
# Ranged reads of a large zip in SeaweedFS (figures for docs/s3.md).
#
#   cargo build --release && benches/s3_ranged_bench.sh
#
# Puts one 210 MiB zip (20 stored members of 10.5 MB of text, one small
# member with a secret) and scans it three ways, each under /usr/bin/time -v:
#   1. default: above the in-memory cap (64 MiB), read by ranged GETs (and
#      once more with 1 MiB instead of 4 MiB as the largest request)
#   2. --max-member-size 5MiB: the 20 large members are refused on their
#      declared size, so only the index and the small member are read
#   3. --ranged-above 1TiB: the previous path for comparison (one streamed
#      GET, the whole body spilled to a temporary file and mapped)
# and prints requests, ranged GETs, bytes transferred, wall time, peak RSS.
# Needs weed and a python with boto3 (as benches/s3_bench.sh).
set -euo pipefail
BENCH_TAG=s3-ranged
# shellcheck source=benches/seaweed_env.sh
source "$(dirname "$0")/seaweed_env.sh"
"$PY" - "$EP" "$D/big.zip" <<'PY'
import sys, zipfile, boto3
ep, path = sys.argv[1], sys.argv[2]
line = "row %08d: an ordinary line of text without anything sensitive in it\n"
with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as z:
    for m in range(20):
        with z.open("part/m%02d.txt" % m, "w", force_zip64=True) as f:
            for i in range(150_000):
                f.write((line % (m * 150_000 + i)).encode())
    z.writestr("small/keys.txt", "aws_secret_access_key = k3Hq9+TbZ2mN8vLp4xWc7rYd1sFg6jAe0uIo5nBt\n")
s3 = boto3.client("s3", endpoint_url=ep, aws_access_key_id="AK", aws_secret_access_key="SK", region_name="us-east-1")
s3.create_bucket(Bucket="ranged")
s3.upload_file(path, "ranged", "big.zip")
print("object size", s3.head_object(Bucket="ranged", Key="big.zip")["ContentLength"])
PY
run() { # name, args...
  local name="$1"; shift
  /usr/bin/time -v -o "$D/time.txt" "$PIISCAN" scan s3://ranged/big.zip --endpoint-url "$EP" "$@" --no-progress --format json -o "$D/out.json" --exit-zero 2> "$D/err.txt" || { cat "$D/err.txt"; exit 1; }
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/{n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$D/time.txt")
  rss=$(awk -F': ' '/Maximum resident set size/{print $2}' "$D/time.txt")
  "$PY" - "$D/out.json" "$name" "$wall" "$rss" <<'PY'
import sys, json
d = json.load(open(sys.argv[1])); name, wall, rss = sys.argv[2], float(sys.argv[3]), int(sys.argv[4])
r = d["results"][0]; q = d["summaries"][0]["requests"]
print("| %s | %s %s, AWS_CREDENTIALS %s | %d GET (%d ranged) | %s bytes (%.1f MiB) | %.2f s | %.0f MiB |" % (
    name, r["status"], r["outcome"], r["counts"].get("AWS_CREDENTIALS", 0), q["get"], q["rangedGet"],
    format(q["bytesTransferred"], ","), q["bytesTransferred"] / 1048576, wall, rss / 1024))
PY
}
echo "| scan | result | requests | transferred | wall | peak RSS |"
echo "|---|---|---|---|---|---|"
run "ranged (default)"
run "ranged, --range-window 1MiB" --range-window 1MiB
run "ranged, --max-member-size 5MiB" --max-member-size 5MiB
run "streamed + spill (--ranged-above 1TiB)" --ranged-above 1TiB
run "streamed + spill, --max-member-size 5MiB" --ranged-above 1TiB --max-member-size 5MiB
