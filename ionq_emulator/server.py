"""Serving an Emulator over HTTP with uvicorn: in a background thread, or as the CLI.

The socket is bound here (port 0 picks a free one), so the URL is known before the
server runs. In a thread: ``with EmulatorServer(Emulator()) as server: server.base_url``.

Safe by default: it binds loopback only (anything else needs ``allow_remote`` /
``--allow-remote``, and warns); a request must name this server in ``Host`` (a page
whose name was rebound to 127.0.0.1 sends its own name, and is refused) and may not come
from another origin (``Origin``); a connection that has not sent a request's headers
within ``HEADER_TIMEOUT`` seconds is closed (slow or idle clients hold no connection),
as is a keep-alive connection idle for ``KEEP_ALIVE`` seconds.
"""

from __future__ import annotations

import argparse
import asyncio
import ipaddress
import json
import logging
import socket
import sys
import threading
import time
from collections.abc import Sequence
from types import TracebackType
from typing import Final

import h11
import uvicorn
from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send
from uvicorn.protocols.http.h11_impl import H11Protocol

from ionq_emulator.auth import load_key_file
from ionq_emulator.emulator import Emulator, EmulatorConfig
from ionq_emulator.errors import error_body
from ionq_emulator.faults import FaultConfig, parse_fault_spec
from ionq_emulator.spec import API_PREFIX

__all__ = ["HEADER_TIMEOUT", "KEEP_ALIVE", "EmulatorServer", "build_parser", "config_from_args",
           "is_loopback", "main"]  # fmt: skip

LOOPBACK = "127.0.0.1"
#: Seconds a connection has to send each request's headers.
HEADER_TIMEOUT: Final = 10.0
#: Seconds a keep-alive connection may sit idle between requests.
KEEP_ALIVE: Final = 5.0
#: Connections served at once; more get 503 from uvicorn.
MAX_CONNECTIONS: Final = 1000


def is_loopback(host: str) -> bool:
    """Whether ``host`` names this machine only (127.0.0.0/8, ::1, localhost)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def remote_warning(host: str) -> str:
    return (
        f"warning: the emulator listens on {host}, beyond this machine: anyone who can reach"
        " it can use its API (any key is accepted unless --keys is given)"
    )


class _NetworkGuard:
    """Refuses (403) a request that does not name this server in ``Host`` (when bound to
    loopback: DNS rebinding) or that comes from another origin (``Origin`` not this
    server's: a web page's cross-origin request)."""

    def __init__(self, app: ASGIApp, host: str, port: int) -> None:
        self.app = app
        names = {host.lower(), LOOPBACK, "localhost"}
        self.hosts: frozenset[str] | None = (
            frozenset({f"{name}:{port}" for name in names} | (names if port == 80 else set()))
            if is_loopback(host)
            else None
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            headers = {k: v.decode("latin-1") for k, v in scope["headers"] if k in _GUARDED}
            host, origin = headers.get(b"host", "").lower(), headers.get(b"origin")
            problem = None
            if self.hosts is not None and host not in self.hosts:
                problem = "its Host header does not name this emulator (127.0.0.1 or localhost)"
            elif origin is not None and origin.lower() != f"{scope['scheme']}://{host}":
                problem = "it comes from another origin"
            if problem is not None:
                body = error_body(403, f"Request refused: {problem}.", error="Forbidden")
                response = Response(json.dumps(body), 403, media_type="application/json")
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


_GUARDED: Final = frozenset({b"host", b"origin"})


class _H11WithHeaderDeadline(H11Protocol):
    """uvicorn's h11 protocol, closing a connection that has not sent a whole request
    head within ``header_timeout`` seconds of connecting or of its last answer (uvicorn's
    own keep-alive timer stops at the first byte, so a client dripping a header byte at a
    time, or one that connects and says nothing, would hold the connection forever)."""

    header_timeout: float = HEADER_TIMEOUT
    _deadline: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._arm()

    def connection_lost(self, exc: Exception | None) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
        super().connection_lost(exc)

    def _arm(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
        self._deadline = self.loop.call_later(self.header_timeout, self._expire)

    def _expire(self) -> None:
        # IDLE: no complete request line and headers since the deadline was armed.
        if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
            self.transport.close()


def _bind(host: str, port: int) -> socket.socket:
    # proto=IPPROTO_TCP: asyncio sets TCP_NODELAY on accepted sockets only when the
    # listening socket says TCP; without it every answer waits ~40 ms for a delayed ACK.
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    # Listening before uvicorn takes over: early clients wait in the backlog, not refused.
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def _uvicorn(
    app: ASGIApp,
    log_level: str,
    seeded: bool,
    *,
    sock: socket.socket | None = None,
    header_timeout: float = HEADER_TIMEOUT,
) -> uvicorn.Server:
    """uvicorn serving ``app``; guarded (see _NetworkGuard) for the address of ``sock``."""
    if sock is not None:
        host, port = sock.getsockname()[:2]
        app = _NetworkGuard(app, host, int(port))
    protocol = type("H11", (_H11WithHeaderDeadline,), {"header_timeout": header_timeout})
    config = uvicorn.Config(
        app,
        http=protocol,
        log_level=log_level,
        lifespan="off",
        access_log=False,
        # Reproducible answers: no Date/Server header when the emulator is seeded.
        date_header=not seeded,
        server_header=False,
        timeout_graceful_shutdown=1,
        timeout_keep_alive=int(KEEP_ALIVE),
        limit_concurrency=MAX_CONNECTIONS,
    )
    return uvicorn.Server(config)


class EmulatorServer:
    """An Emulator served on loopback by uvicorn in a background thread."""

    def __init__(
        self,
        emulator: Emulator | None = None,
        *,
        host: str = LOOPBACK,
        port: int = 0,
        log_level: str = "warning",
        allow_remote: bool = False,
        header_timeout: float = HEADER_TIMEOUT,
    ) -> None:
        if not is_loopback(host) and not allow_remote:
            raise ValueError(f"{host!r} is not loopback; pass allow_remote=True to listen there")
        self.emulator = emulator or Emulator()
        self.host = host
        self._header_timeout = header_timeout
        self._requested_port = port
        self._log_level = log_level
        self._sock: socket.socket | None = None
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self.port = 0

    @property
    def url(self) -> str:
        """``http://127.0.0.1:PORT`` (no API prefix)."""
        return f"http://{self.host}:{self.port}"

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:PORT/v0.4``, the base URL a client needs."""
        return self.url + API_PREFIX

    def start(self, timeout: float = 10.0) -> EmulatorServer:
        if self._thread is not None:
            raise RuntimeError("the server is already running")
        self._sock = _bind(self.host, self._requested_port)
        self.port = int(self._sock.getsockname()[1])
        self._server = _uvicorn(
            self.emulator.app,
            self._log_level,
            self.emulator.config.seed is not None,
            sock=self._sock,
            header_timeout=self._header_timeout,
        )
        sockets = [self._sock]
        self._thread = threading.Thread(
            target=self._server.run, kwargs={"sockets": sockets}, name="ionq-emulator", daemon=True
        )
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("the emulator server did not start")
            time.sleep(0.005)
        return self

    def stop(self, timeout: float = 10.0) -> None:
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout)
        if self._sock is not None:
            self._sock.close()
        self._server = self._thread = self._sock = None

    def __enter__(self) -> EmulatorServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def __repr__(self) -> str:
        return f"EmulatorServer({self.base_url if self.port else 'not started'})"


# -- the command line ---------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ionq-emulator",
        description="A local, stateful emulator of the IonQ v0.4 API. Prints its base URL.",
    )
    parser.add_argument("--host", default=LOOPBACK, help="address to listen on (default: loopback)")
    parser.add_argument("--port", type=int, default=0, help="port (0: any free port)")
    parser.add_argument(
        "--mode", choices=["clock", "manual"], default="clock",
        help="clock: jobs move after --dwell seconds per state; manual: via /_emulator/advance",
    )  # fmt: skip
    parser.add_argument("--dwell", type=float, default=0.05, help="seconds per state (clock mode)")
    parser.add_argument("--seed", type=int, default=None, help="reproducible ids, clock and noise")
    parser.add_argument("--db", default=None, help="SQLite file keeping jobs across restarts")
    parser.add_argument("--keys", default=None, help="JSON/YAML file mapping API keys to projects")
    parser.add_argument(
        "--fault", action="append", default=[], metavar="RULE",
        help="fault rule, e.g. route=/jobs*,429=0.1,503=0.05,latency=0.2,drop=0.01 (repeatable)",
    )  # fmt: skip
    parser.add_argument("--fault-seed", type=int, default=None, help="seed of fault injection")
    parser.add_argument("--log-level", default="warning", help="uvicorn log level")
    # -- who may use it (issue 14) --
    parser.add_argument(
        "--allow-remote", action="store_true",
        help="let --host be an address beyond loopback (anyone who can reach it can use it)",
    )  # fmt: skip
    parser.add_argument(
        "--control-token", default=None, metavar="TOKEN",
        help="token for whole-server controls (/_emulator/reset, clock, faults) as"
        " `Authorization: Bearer TOKEN`; default: a random one, printed on stderr",
    )  # fmt: skip
    parser.add_argument(
        "--open-controls", action="store_true",
        help="whole-server controls need no token (trusted machines only)",
    )  # fmt: skip
    return parser


def config_from_args(args: argparse.Namespace) -> EmulatorConfig:
    return EmulatorConfig(
        mode=args.mode,
        dwell=args.dwell,
        seed=args.seed,
        db=args.db,
        keys=load_key_file(args.keys) if args.keys else None,
        faults=FaultConfig([parse_fault_spec(rule) for rule in args.fault], args.fault_seed),
        control_token=args.control_token,
        open_controls=args.open_controls,
    )


def main(argv: Sequence[str] | None = None) -> int:
    """``ionq-emulator``: serve until interrupted; the first line of stdout is the base URL."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        config = config_from_args(args)
    except (OSError, ValueError, json.JSONDecodeError) as exc:
        parser.error(str(exc))
    if not is_loopback(args.host) and not args.allow_remote:
        parser.error(f"--host {args.host} is beyond loopback: add --allow-remote to listen there")
    if not is_loopback(args.host):
        print(remote_warning(args.host), file=sys.stderr, flush=True)
    logging.basicConfig(level=args.log_level.upper(), stream=sys.stderr)
    emulator = Emulator(config)
    sock = _bind(args.host, args.port)
    port = sock.getsockname()[1]
    print(f"http://{args.host}:{port}{API_PREFIX}", flush=True)
    if args.control_token is None and not args.open_controls:
        print(
            f"control token (for /_emulator/ reset, clock, faults): {emulator.control_token}",
            file=sys.stderr,
            flush=True,
        )
    try:
        _uvicorn(emulator.app, args.log_level, config.seed is not None, sock=sock).run(
            sockets=[sock]
        )
    finally:
        sock.close()
        emulator.close()
    return 0
