"""A small load generator, run as its own process (loopback only, bounded in time).

    python -m benchmarks._load '{"url": "http://127.0.0.1:PORT/v0.4/jobs", "method": "GET",
                                 "body": null, "threads": 8, "seconds": 2.0}'

Each thread keeps one connection open (stdlib `http.client`, far lighter than an
async client in the same interpreter) and sends requests back to back until the time
is up. Prints one JSON line: requests answered, non-2xx answers, seconds.
"""

from __future__ import annotations

import http.client
import json
import sys
import threading
import time
from typing import Any
from urllib.parse import urlsplit

from ._fixtures import API_KEY

__all__ = ["generate"]

_LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def generate(
    url: str, method: str, body: bytes | None, threads: int, seconds: float
) -> dict[str, Any]:
    parts = urlsplit(url)
    if parts.hostname not in _LOOPBACK or parts.port is None:
        raise SystemExit(f"load is only ever sent to loopback, not {url}")
    host, port, path = parts.hostname, parts.port, parts.path
    headers = {"Authorization": f"apiKey {API_KEY}", "Content-Type": "application/json"}
    answered = [0] * threads
    failed = [0] * threads
    ready = threading.Barrier(threads + 1)
    deadline = 0.0

    def worker(index: int) -> None:
        conn = http.client.HTTPConnection(host, port, timeout=30)
        conn.connect()
        ready.wait()
        try:
            while time.monotonic() < deadline:
                conn.request(method, path, body=body, headers=headers)
                response = conn.getresponse()
                response.read()
                answered[index] += 1
                if not 200 <= response.status < 300:
                    failed[index] += 1
        finally:
            conn.close()

    pool = [threading.Thread(target=worker, args=(i,), daemon=True) for i in range(threads)]
    for thread in pool:
        thread.start()
    deadline = time.monotonic() + seconds  # set before the barrier releases the workers
    start = time.monotonic()
    ready.wait()
    for thread in pool:
        thread.join()
    took = time.monotonic() - start
    return {"requests": sum(answered), "failed": sum(failed), "seconds": took}


def main(argv: list[str]) -> int:
    (spec,) = argv
    options = json.loads(spec)
    body = options["body"].encode() if options.get("body") is not None else None
    result = generate(
        options["url"], options["method"], body, int(options["threads"]), float(options["seconds"])
    )
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
