"""`ionq backends`, `ionq sessions` and `ionq whoami`: what the account can see and use."""

from __future__ import annotations

from typing import Annotated

import typer

from .completion import backend_names
from .context import state_of
from .options import TEXT, JsonOpt
from .output import (
    api_json,
    backends_table,
    emit_json,
    literal,
    sessions_table,
    whoami_table,
)

__all__ = ["backends", "sessions", "whoami"]


def backends(
    ctx: typer.Context,
    name: Annotated[
        str | None,
        typer.Argument(
            metavar="BACKEND",
            click_type=TEXT,
            help="Show only this backend, e.g. qpu.forte-1.",
            autocompletion=backend_names,
        ),
    ] = None,
    json_out: JsonOpt = False,
) -> None:
    """List the backends: status, qubits and average queue time."""
    state = state_of(ctx)
    with state.client() as client:
        raw = client.backends.with_raw_response
        if name is None:
            found, body = api_json(raw.list())
        else:
            one, body = api_json(raw.get(name))
            found = (one,)
    if json_out:
        emit_json(body)
    else:
        state.out.print(backends_table(found))


def sessions(
    ctx: typer.Context,
    session_id: Annotated[
        str | None,
        typer.Argument(metavar="SESSION_ID", click_type=TEXT, help="Show only this session."),
    ] = None,
    active: Annotated[bool, typer.Option("--active", help="Only sessions still open.")] = False,
    json_out: JsonOpt = False,
) -> None:
    """List the project's sessions."""
    state = state_of(ctx)
    with state.client() as client:
        raw = client.sessions.with_raw_response
        if session_id is None:
            found, body = api_json(raw.list(active=True if active else None))
        else:
            one, body = api_json(raw.get(session_id))
            found = (one,)
    if json_out:
        emit_json(body)
    elif found:
        state.out.print(sessions_table(found))
    else:
        state.err.print(literal("No sessions."))


def whoami(ctx: typer.Context, json_out: JsonOpt = False) -> None:
    """Show the API key in use and its project."""
    state = state_of(ctx)
    with state.client() as client:
        who, body = api_json(client.with_raw_response.whoami())
    if json_out:
        emit_json(body)
    else:
        state.out.print(whoami_table(who))
