"""A small hostile HTTP server on loopback, for the client's bounds (`test_client_bounds`).

`hostile_server(behaviour)` serves every request the same way, one thread per
connection, and stops (ending every dripping or hanging answer) when the block exits:

- `ok`: a job as JSON (after `delay` seconds), keep-alive.
- `drip`: status line and headers at once, then a 1,000-byte body one byte a second.
- `drip_headers`: the status line and headers themselves one byte a second.
- `hang`: reads the request, never answers.
- `endless`: a chunked body of 64 KiB chunks, as fast as the client reads, forever.
- `huge`: announces a 200 MB body (Content-Length) and sends it.
- `drop`: reads the request, closes the connection without a word.
- `error_body`: a 400 whose body is `body`.
"""

from __future__ import annotations

import contextlib
import json
import socket
import socketserver
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

__all__ = ["JOB", "Hostile", "hostile_server"]

JOB = {"id": "job-1", "status": "running", "type": "ionq.circuit.v1", "backend": "simulator"}
_CHUNK = b"x" * 65536


@dataclass
class Hostile:
    """What the server does, and what it saw (`requests`: request lines, in order)."""

    behaviour: str
    delay: float = 0.0
    body: bytes = b""
    port: int = 0
    requests: list[str] = field(default_factory=list)
    stopping: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v0.4"


def _read_request(conn: socket.socket) -> str | None:
    """The request line of the next request (its body skipped), or None at EOF."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return None
        data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    length = 0
    for line in lines[1:]:
        name, _, value = line.partition(":")
        if name.strip().lower() == "content-length":
            length = int(value.strip())
    while len(rest) < length:
        chunk = conn.recv(65536)
        if not chunk:
            return None
        rest += chunk
    return lines[0]


def _response(status: str, body: bytes, extra: str = "") -> bytes:
    return (
        f"HTTP/1.1 {status}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\n{extra}\r\n"
    ).encode() + body


class _Handler(socketserver.BaseRequestHandler):
    server: _Server

    def handle(self) -> None:
        h = self.server.hostile
        conn: socket.socket = self.request
        with contextlib.suppress(OSError):
            while not h.stopping.is_set():
                line = _read_request(conn)
                if line is None:
                    return
                with h.lock:
                    h.requests.append(line)
                if not self._answer(h, conn):
                    return

    def _answer(self, h: Hostile, conn: socket.socket) -> bool:
        """Answer one request; False to close the connection."""
        match h.behaviour:
            case "ok":
                if h.delay:
                    h.stopping.wait(h.delay)
                conn.sendall(_response("200 OK", json.dumps(JOB).encode()))
                return True
            case "drip":
                conn.sendall(
                    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                    b"Content-Length: 1000\r\n\r\n"
                )
                self._drip(h, conn, b" " * 1000)
            case "drip_headers":
                self._drip(h, conn, _response("200 OK", json.dumps(JOB).encode()))
            case "hang":
                h.stopping.wait()
            case "endless":
                conn.sendall(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n")
                frame = f"{len(_CHUNK):x}\r\n".encode() + _CHUNK + b"\r\n"
                while not h.stopping.is_set():
                    conn.sendall(frame)
            case "huge":
                size = 200_000_000
                conn.sendall(f"HTTP/1.1 200 OK\r\nContent-Length: {size}\r\n\r\n".encode())
                for _ in range(size // len(_CHUNK)):
                    if h.stopping.is_set():
                        break
                    conn.sendall(_CHUNK)
            case "error_body":
                conn.sendall(_response("400 Bad Request", h.body))
                return True
        return False

    @staticmethod
    def _drip(h: Hostile, conn: socket.socket, data: bytes) -> None:
        for i in range(len(data)):
            if h.stopping.wait(1.0):
                return
            conn.sendall(data[i : i + 1])


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 512
    hostile: Hostile


@contextlib.contextmanager
def hostile_server(behaviour: str, *, delay: float = 0.0, body: bytes = b"") -> Iterator[Hostile]:
    hostile = Hostile(behaviour, delay=delay, body=body)
    server = _Server(("127.0.0.1", 0), _Handler)
    server.hostile = hostile
    hostile.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield hostile
    finally:
        hostile.stopping.set()
        server.shutdown()
        server.server_close()
        thread.join()
        time.sleep(0)  # let handler threads see `stopping`
