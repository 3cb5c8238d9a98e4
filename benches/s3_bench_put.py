#!/usr/bin/env python3
"""Generate the S3 benchmark data set into a bucket and (optionally) a local
directory with the same files, so S3 and local-disk scans can be compared.

  s3_bench_put.py ENDPOINT BUCKET small|large [LOCAL_DIR]

small: 10,000 objects of 1-4 KiB text (every 50th with an AWS secret key line)
large: 1 GiB of text: 192 objects of 4 MiB (downloaded whole) and 2 of 128 MiB
       (streamed: above the 64 MiB in-memory cap), under part1/..part4/
Credentials: AK / SK (the SeaweedFS identity of s3_bench.sh).
"""
import concurrent.futures as cf
import os
import sys

import boto3
from botocore.config import Config

SECRET = "aws_secret_access_key = k3Hq9+TbZ2mN8vLp4xWc7rYd1sFg6jAe0uIo5nBt\n"
LOG = ("2024-05-01T12:00:00Z INFO  request id=%06d user=alice path=/api/v1/orders "
       "status=200 bytes=5123 latency_ms=12 agent=Mozilla/5.0\n")


def text(n_bytes, seed, secret_every=0):
    out, i = [], 0
    size = 0
    while size < n_bytes:
        line = SECRET if secret_every and i % secret_every == secret_every - 1 else LOG % ((seed + i) % 1000000)
        out.append(line)
        size += len(line)
        i += 1
    return "".join(out).encode()[:n_bytes]


def main():
    endpoint, bucket, kind = sys.argv[1:4]
    local = sys.argv[4] if len(sys.argv) > 4 else None
    s3 = boto3.client("s3", endpoint_url=endpoint, aws_access_key_id="AK",
                      aws_secret_access_key="SK", region_name="us-east-1",
                      config=Config(max_pool_connections=32, retries={"max_attempts": 10}))
    try:
        s3.create_bucket(Bucket=bucket)
    except s3.exceptions.BucketAlreadyOwnedByYou:
        pass
    except Exception as e:  # noqa: BLE001 - SeaweedFS answers BucketAlreadyExists
        if "BucketAlready" not in str(e):
            raise
    if kind == "small":
        jobs = [(f"small/{i // 1000:02d}/obj{i:05d}.txt",
                 (1024 + (i * 37) % 3072, i, 50 if i % 50 == 0 else 0)) for i in range(10000)]
    else:
        jobs = [(f"part{1 + i % 4}/chunk{i:04d}.log", (4 << 20, i * 1000, 5000)) for i in range(192)]
        jobs += [(f"part{1 + i}/stream{i}.log", (128 << 20, i * 7777, 50000)) for i in range(2)]

    def put(job):
        key, (n, seed, every) = job
        body = text(n, seed, every if every else 0) if every else text(n, seed)
        if kind == "small" and every:
            body = body[: max(0, n - len(SECRET))] + SECRET.encode()
        s3.put_object(Bucket=bucket, Key=key, Body=body)
        if local:
            p = os.path.join(local, key)
            os.makedirs(os.path.dirname(p), exist_ok=True)
            with open(p, "wb") as f:
                f.write(body)
        return len(body)

    total = 0
    with cf.ThreadPoolExecutor(16) as ex:
        for n in ex.map(put, jobs):
            total += n
    print(f"{bucket}: {len(jobs)} objects, {total} bytes")


if __name__ == "__main__":
    main()
