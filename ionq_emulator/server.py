"""Serving an Emulator over HTTP with uvicorn: in a background thread, or as the CLI.

The socket is bound here (port 0 picks a free one), so the URL is known before the
server runs. In a thread: ``with EmulatorServer(Emulator()) as server: server.base_url``.
"""

from __future__ import annotations

import argparse
import json
import logging
import socket
import sys
import threading
import time
from collections.abc import Sequence
from types import TracebackType
from typing import Any

import uvicorn

from ionq_emulator.auth import load_key_file
from ionq_emulator.emulator import Emulator, EmulatorConfig
from ionq_emulator.faults import FaultConfig, parse_fault_spec
from ionq_emulator.spec import API_PREFIX

__all__ = ["EmulatorServer", "build_parser", "config_from_args", "main"]

LOOPBACK = "127.0.0.1"


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


def _uvicorn(app: Any, log_level: str, seeded: bool) -> uvicorn.Server:
    config = uvicorn.Config(
        app,
        log_level=log_level,
        lifespan="off",
        access_log=False,
        # Reproducible answers: no Date/Server header when the emulator is seeded.
        date_header=not seeded,
        server_header=False,
        timeout_graceful_shutdown=1,
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
    ) -> None:
        self.emulator = emulator or Emulator()
        self.host = host
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
            self.emulator.app, self._log_level, self.emulator.config.seed is not None
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
    return parser


def config_from_args(args: argparse.Namespace) -> EmulatorConfig:
    return EmulatorConfig(
        mode=args.mode,
        dwell=args.dwell,
        seed=args.seed,
        db=args.db,
        keys=load_key_file(args.keys) if args.keys else None,
        faults=FaultConfig([parse_fault_spec(rule) for rule in args.fault], args.fault_seed),
    )


def main(argv: Sequence[str] | None = None) -> int:
    """``ionq-emulator``: serve until interrupted; the first line of stdout is the base URL."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        config = config_from_args(args)
    except (OSError, ValueError, json.JSONDecodeError) as exc:
        parser.error(str(exc))
    logging.basicConfig(level=args.log_level.upper(), stream=sys.stderr)
    emulator = Emulator(config)
    sock = _bind(args.host, args.port)
    port = sock.getsockname()[1]
    print(f"http://{args.host}:{port}{API_PREFIX}", flush=True)
    try:
        _uvicorn(emulator.app, args.log_level, config.seed is not None).run(sockets=[sock])
    finally:
        sock.close()
        emulator.close()
    return 0
