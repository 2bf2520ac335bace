"""Child-process entry points of `_server` (not for direct use).

    python -m benchmarks._serve emulator '{"<api key>": <jobs>, ...}'
    python -m benchmarks._serve bare '{"GET": "<body>", "POST": "<body>"}'

Both serve on a free loopback port with the emulator's own uvicorn setup (the same
socket options, protocol and logging), and print the base URL first.
"""

from __future__ import annotations

import gc
import json
import sys
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from ionq_emulator import Emulator
from ionq_emulator.server import _bind, _uvicorn
from ionq_emulator.spec import API_PREFIX

from ._fixtures import replicate

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]


def bare_app(answers: dict[str, bytes]) -> Callable[[Scope, Receive, Send], Awaitable[None]]:
    """An ASGI app that reads the request and answers the method's constant body."""

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        assert scope["type"] == "http"
        more = True
        while more:
            more = (await receive()).get("more_body", False)
        body = answers[scope["method"]]
        await send(
            {
                "type": "http.response.start",
                "status": 201 if scope["method"] == "POST" else 200,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})

    return app


def _serve(app: Any) -> None:
    sock = _bind("127.0.0.1", 0)
    print(f"http://127.0.0.1:{sock.getsockname()[1]}{API_PREFIX}", flush=True)
    try:
        _uvicorn(app, "warning", False).run(sockets=[sock])
    finally:
        sock.close()


def main(argv: list[str]) -> int:
    kind, spec = argv
    if kind == "emulator":
        emulator = Emulator(mode="manual")
        for key, jobs in json.loads(spec).items():
            replicate(emulator, key, int(jobs))
        # The seeded jobs live as long as the server: keep the collector from walking them
        # again and again, pausing answers at random (noise on whichever client is timed).
        gc.collect()
        gc.freeze()
        _serve(emulator.app)
    elif kind == "bare":
        answers = {method: body.encode() for method, body in json.loads(spec).items()}
        _serve(bare_app(answers))
    else:
        raise SystemExit(f"unknown server kind {kind!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
