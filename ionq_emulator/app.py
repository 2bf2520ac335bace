"""The HTTP face of the emulator: a Starlette app whose API routes come from openapi.yaml.

Each operation of the contract is served by one generic dispatcher that does, in order:
size limit (413), authentication when the operation requires it (401), parameters and
body validated against the contract (400), then the operation's handler. An operation
whose contract has an ``Idempotency-Key`` header keeps its first successful answer per
project, operation and key, with a fingerprint of the request (method, path, canonical
JSON body). A repeat of the key with the same request gets that answer again without
running the handler (the key is echoed in both answers); with a different request it is
refused with 400 and nothing is created. The answer is kept in the same unit of work as
the job it created, so both are persisted together. Every answer,
errors included, has the contract's shape; with ``validate_responses`` each one is also
checked against it. Test controls live outside the API prefix, under ``/_emulator/``:
with an API key they act on that key's project; whole-server actions (reset, clock,
faults, every project) need ``Authorization: Bearer <control token>``.

Everything but reading the body runs in a worker thread (bounded by anyio's limiter), so
validating a large body or finishing jobs never holds up the event loop; a body sent
with a content type other than JSON is refused, so no cross-origin "simple" request
(``text/plain``, forms) can carry one.
"""

from __future__ import annotations

import asyncio
import functools
import hashlib
import hmac
import json
import logging
import math
from collections.abc import Awaitable, Callable, Mapping
from typing import TYPE_CHECKING, Any, Final

import anyio.to_thread
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ionq_emulator import catalog, limits
from ionq_emulator.auth import Principal
from ionq_emulator.clock import parse_instant
from ionq_emulator.compat import normalize_job_body
from ionq_emulator.conformance import check_response
from ionq_emulator.errors import ApiError, error_body
from ionq_emulator.faults import FaultConfig
from ionq_emulator.lifecycle import LifecycleError
from ionq_emulator.spec import API_PREFIX, Operation, load_spec
from ionq_emulator.store import StoredAnswer
from ionq_emulator.validation import parse_body, parse_params, read_json

if TYPE_CHECKING:
    from ionq_emulator.emulator import Emulator

__all__ = ["ConnectionDropped", "build_app"]

log = logging.getLogger("ionq_emulator")

ADMIN_PREFIX: Final = "/_emulator"
def _create_body(body: Any) -> Any:
    limits.precheck_gates(body)  # before validation, whose cost grows with the gates
    return normalize_job_body(body)


# What a body goes through after it is read and before it is validated.
_NORMALIZE: Final[dict[str, Callable[[Any], Any]]] = {
    "createJob": _create_body,
    "cloneJob": normalize_job_body,
    "moveJob": normalize_job_body,
}
IDEMPOTENCY_HEADER: Final = "Idempotency-Key"

Handler = Callable[["Emulator", Principal | None, dict[str, Any], Any], tuple[int, Any]]


class ConnectionDropped(ConnectionError):
    """Fault injection dropped the connection where no socket exists (in-process transport)."""


def _json_bytes(payload: Any) -> bytes:
    text = json.dumps(payload, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    try:
        return text.encode()
    except UnicodeEncodeError:
        # A lone surrogate kept from before the boundary refused them: shown as U+FFFD
        # rather than failing the whole answer.
        return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace").encode()


def _json_response(status: int, payload: Any, headers: Mapping[str, str] | None = None) -> Response:
    return Response(
        _json_bytes(payload), status_code=status, headers=dict(headers or {}),
        media_type="application/json",
    )  # fmt: skip


def _principal(principal: Principal | None) -> Principal:
    if principal is None:  # the contract marks every job/session operation as authenticated
        raise ApiError(401, "This operation needs an API key.", error="Unauthorized")
    return principal


def _backend(name: str) -> catalog.BackendInfo:
    backend = catalog.find_backend(name)
    if backend is None:
        raise ApiError.not_found(f"No backend named {name!r}.")
    return backend


# -- handlers, one per operationId: (emulator, principal, params, body) -> (status, payload) --


def _characterizations(emu: Emulator, _: Principal | None, p: dict[str, Any], __: Any) -> Any:
    found = catalog.characterizations(_backend(p["backend"]))
    bounds: dict[str, float] = {}
    for name in ("start", "end"):
        if name in p:
            try:
                bounds[name] = parse_instant(p[name])
            except ValueError:
                raise ApiError.bad_request(
                    f"{name} is not an ISO 8601 date", keys=[name], source="query"
                ) from None
    found = [
        c
        for c in found
        if bounds.get("start", -math.inf) <= parse_instant(c["date"]) < bounds.get("end", math.inf)
    ]
    limit = int(p.get("limit", 10))
    page = int(p.get("page", 1))
    pages = max(1, -(-len(found) // limit))
    chunk = found[(page - 1) * limit : page * limit]
    return 200, {"characterizations": chunk, "pages": max(0, pages - page)}


def _characterization(emu: Emulator, _: Principal | None, p: dict[str, Any], __: Any) -> Any:
    found = catalog.characterization_json(_backend(p["backend"]), p["UUID"])
    if found is None:
        raise ApiError.not_found(f"No characterization {p['UUID']!r} of {p['backend']!r}.")
    return 200, found


HANDLERS: Final[dict[str, Handler]] = {
    "getWhoami": lambda e, who, p, b: (
        200,
        {
            "key_id": _principal(who).key_id,
            "key_name": _principal(who).key_name,
            "project_id": _principal(who).project_id,
        },
    ),
    "getBackends": lambda e, who, p, b: (
        200,
        [catalog.backend_json(x) for x in catalog.BACKENDS.values()],
    ),
    "getBackend": lambda e, who, p, b: (200, catalog.backend_json(_backend(p["backend"]))),
    "getCharacterizations": _characterizations,
    "getCharacterization": _characterization,
    "createJob": lambda e, who, p, b: (201, e.jobs.create(_principal(who), b)),
    "listJobs": lambda e, who, p, b: (200, e.jobs.list_jobs(_principal(who), p)),
    "deleteJobs": lambda e, who, p, b: (200, e.jobs.delete_many(_principal(who), b["ids"])),
    "cancelJobs": lambda e, who, p, b: (200, e.jobs.cancel_many(_principal(who), b["ids"])),
    "estimateJob": lambda e, who, p, b: (200, e.jobs.estimate(_principal(who), p)),
    "getJob": lambda e, who, p, b: (200, e.jobs.get(_principal(who), p["UUID"])),
    "deleteJob": lambda e, who, p, b: (200, e.jobs.delete(_principal(who), p["UUID"])),
    "cancelJob": lambda e, who, p, b: (200, e.jobs.cancel(_principal(who), p["UUID"])),
    "getJobCost": lambda e, who, p, b: (200, e.jobs.cost(_principal(who), p["UUID"])),
    "getJobProbabilities": lambda e, who, p, b: (
        200,
        e.jobs.probabilities(_principal(who), p["UUID"], sharpen=bool(p.get("sharpen"))),
    ),
    "getJobArtifact": lambda e, who, p, b: (
        200,
        e.jobs.artifact(_principal(who), p["UUID"], p["artifactId"]),
    ),
    "cloneJob": lambda e, who, p, b: (201, e.jobs.clone(_principal(who), p["UUID"], b)),
    "moveJob": lambda e, who, p, b: (201, e.jobs.move(_principal(who), p["UUID"], b)),
    "createSession": lambda e, who, p, b: (201, e.sessions.create(_principal(who), b)),
    "listSessions": lambda e, who, p, b: (
        200,
        e.sessions.list_sessions(_principal(who), p.get("active")),
    ),
    "getSession": lambda e, who, p, b: (200, e.sessions.get(_principal(who), p["session_id"])),
    "endSession": lambda e, who, p, b: (200, e.sessions.end(_principal(who), p["session_id"])),
    "listSessionJobs": lambda e, who, p, b: (
        200,
        e.jobs.list_jobs(
            _principal(who),
            p,
            session_id=e.sessions.visible(_principal(who), p["session_id"]).id,
        ),
    ),
}


async def _read_body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise ApiError(413, f"The request body is larger than {limit} bytes.")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise ApiError(413, f"The request body is larger than {limit} bytes.")
        chunks.append(chunk)
    raw = b"".join(chunks)
    # Absent is fine (curl, raw clients); a browser's simple request always names its type.
    media_type = request.headers.get("content-type", "json").partition(";")[0].strip().lower()
    if raw.strip() and not media_type.endswith("json"):
        raise ApiError.bad_request(
            "a request body must be sent as Content-Type: application/json",
            keys=["Content-Type"],
            source="headers",
        )
    return raw


async def _in_thread(function: Callable[[], Any]) -> Any:
    return await anyio.to_thread.run_sync(function)


def _endpoint(
    emu: Emulator, ops: Mapping[str, Operation]
) -> Callable[[Request], Awaitable[Response]]:
    async def endpoint(request: Request) -> Response:
        op = ops["GET" if request.method == "HEAD" else request.method]
        try:
            raw = await _read_body(request, emu.config.max_body_bytes) if op.body_validator else b""
            response: Response = await _in_thread(functools.partial(_answer, emu, op, request, raw))
        except ApiError as exc:
            response = _json_response(exc.status, exc.body, exc.headers)
        return response

    return endpoint


def _answer(emu: Emulator, op: Operation, request: Request, raw: bytes) -> Response:
    try:
        status, payload, headers = _dispatch(emu, op, request, raw)
        response = _json_response(status, payload, headers)
    except ApiError as exc:
        response = _json_response(exc.status, exc.body, exc.headers)
    except Exception:
        log.exception("unexpected error serving %s %s", op.method, op.path)
        response = _json_response(500, error_body(500, "The emulator failed unexpectedly."))
    if emu.config.validate_responses:
        _record(emu, op, response)
    return response


def _dispatch(
    emu: Emulator, op: Operation, request: Request, raw: bytes
) -> tuple[int, Any, dict[str, str]]:
    emu.before_request()
    principal = (
        emu.keyring.authenticate(request.headers.get("authorization")) if op.authenticated else None
    )
    query = {key: request.query_params.getlist(key) for key in request.query_params}
    params = parse_params(op, request.path_params, query)
    key = _idempotency_key(op, request)
    body = parse_body(op, raw, _NORMALIZE.get(op.operation_id))
    handler = HANDLERS[op.operation_id]
    if key is None:
        status, payload = handler(emu, principal, params, body)
        return status, payload, {}
    project = _principal(principal).project_id
    fingerprint = _fingerprint(request.method, request.url.path, body)  # before the handler
    with emu.store.unit():
        kept = emu.store.answer(project, op.operation_id, key)
        if kept is None:
            status, payload = handler(emu, principal, params, body)
            emu.store.keep_answer(
                project, op.operation_id, key, StoredAnswer(fingerprint, status, payload)
            )
        elif kept.request != fingerprint:
            raise ApiError.bad_request(
                f"{IDEMPOTENCY_HEADER} was already used in this project for a different"
                " request; send a new key with a new request",
                keys=[IDEMPOTENCY_HEADER],
                source="headers",
            )
        else:
            status, payload = kept.status, kept.body
    return status, payload, {IDEMPOTENCY_HEADER: key}


def _fingerprint(method: str, path: str, body: Any) -> str:
    """What makes two requests the same one: method, path and the body as validated (compat
    rewrites applied), in canonical JSON: keys sorted, so a retry that serializes its body
    differently is still the same request."""
    canonical = json.dumps(
        [method, path, body], sort_keys=True, separators=(",", ":"), ensure_ascii=False
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


def _idempotency_key(op: Operation, request: Request) -> str | None:
    """The request's Idempotency-Key, if the operation takes one and it was sent (checked
    against the contract: 400 when malformed)."""
    param = next((p for p in op.parameters if p.name == IDEMPOTENCY_HEADER), None)
    value = request.headers.get(IDEMPOTENCY_HEADER) if param is not None else None
    if param is None or value is None:
        return None
    if not param.validator.is_valid(value):
        raise ApiError.bad_request(
            f"{IDEMPOTENCY_HEADER} must be 1 to 255 characters",
            keys=[IDEMPOTENCY_HEADER],
            source="headers",
        )
    return value


def _record(emu: Emulator, op: Operation, response: Response) -> None:
    problems = check_response(op, response.status_code, dict(response.headers), response.body)
    if problems:
        log.error("non-conformant answer: %s", "; ".join(problems))
        emu.conformance_errors.extend(problems)


# -- test controls ------------------------------------------------------------------------------


def _controller(emu: Emulator, request: Request) -> str | None:
    """Who may use a control: the project id of an API key, or None for the whole server
    (the control token, or ``open_controls``). Raises the 401 ApiError otherwise."""
    header = request.headers.get("authorization", "")
    scheme, _, credential = header.strip().partition(" ")
    if scheme.lower() == "bearer" and credential.strip():
        if hmac.compare_digest(credential.strip().encode(), emu.control_token.encode()):
            return None
        raise ApiError(401, "Wrong control token.", error="Unauthorized")
    if scheme.lower() == "apikey":
        return emu.keyring.authenticate(header).project_id
    if emu.config.open_controls:
        return None
    raise ApiError(
        401,
        "The emulator's controls need `Authorization: apiKey <key>` (that key's project) or"
        " `Authorization: Bearer <control token>` (the whole server; printed at start).",
        error="Unauthorized",
    )


def _whole_server(project: str | None) -> None:
    if project is not None:
        raise ApiError(
            403,
            "This control acts on the whole server: it needs the control token"
            " (`Authorization: Bearer <token>`), not an API key.",
            error="Forbidden",
        )


async def _admin_json(request: Request) -> dict[str, Any]:
    raw = await _read_body(request, 1024 * 1024)
    if not raw.strip():
        return {}
    try:
        data = read_json(raw)
    except ValueError as exc:
        raise ApiError(400, f"the body {exc}") from None
    if not isinstance(data, dict):
        raise ApiError(400, "the body must be a JSON object")
    return data


def _text(body: dict[str, Any], name: str) -> str | None:
    value = body.get(name)
    if value is not None and not isinstance(value, str):
        raise ValueError(f"{name} must be a string")
    return value


Action = Callable[[str | None, dict[str, Any], dict[str, Any]], Any]


def _admin(emu: Emulator) -> list[BaseRoute]:
    def wrap(action: Action) -> Callable[[Request], Awaitable[Response]]:
        async def endpoint(request: Request) -> Response:
            try:
                project = _controller(emu, request)
                body = await _admin_json(request)
                call = functools.partial(action, project, body, dict(request.path_params))
                return _json_response(200, await _in_thread(call))
            except ApiError as exc:
                return _json_response(exc.status, exc.body)
            except LifecycleError as exc:
                return _json_response(409, error_body(409, str(exc)))
            except (ValueError, TypeError) as exc:
                return _json_response(400, error_body(400, str(exc)))

        return endpoint

    def transitions(changes: list[Any]) -> dict[str, Any]:
        return {"transitions": [{"id": c.job_id, "from": c.old, "to": c.new} for c in changes]}

    def set_faults(project: str | None, body: dict[str, Any], _: Any) -> dict[str, Any]:
        _whole_server(project)
        emu.set_faults(FaultConfig.from_json(body))
        return emu.faults.to_json()

    def get_faults(project: str | None, body: dict[str, Any], _: Any) -> dict[str, Any]:
        _whole_server(project)
        return emu.faults.to_json()

    def reset(project: str | None, body: dict[str, Any], _: Any) -> dict[str, Any]:
        _whole_server(project)
        emu.reset()
        return emu.state()

    def clock(project: str | None, body: dict[str, Any], _: Any) -> dict[str, Any]:
        _whole_server(project)
        return {"now": emu.set_clock(body.get("set"), advance=body.get("advance"))}

    actions: dict[tuple[str, str], Action] = {
        ("GET", "/state"): lambda project, body, _: emu.state(project=project),
        ("POST", "/advance"): lambda project, body, _: transitions(
            emu.advance(_text(body, "job_id"), _text(body, "to"), project=project)
        ),
        ("POST", "/complete_all"): lambda project, body, _: transitions(
            emu.complete_all(project=project)
        ),
        ("GET", "/jobs/{job_id}"): lambda project, body, path: emu.job(
            path["job_id"], project=project
        ),
        ("POST", "/reset"): reset,
        ("POST", "/clock"): clock,
        ("GET", "/faults"): get_faults,
        ("PUT", "/faults"): set_faults,
    }
    return [
        Route(ADMIN_PREFIX + path, wrap(action), methods=[method])
        for (method, path), action in actions.items()
    ]


# -- faults -------------------------------------------------------------------------------------


async def _drop(send: Send) -> None:
    # Under uvicorn the ``send`` callable belongs to the connection's protocol cycle, which
    # holds the socket transport: closing it drops the connection without a byte of answer.
    transport = getattr(getattr(send, "__self__", None), "transport", None)
    if transport is None:
        raise ConnectionDropped("connection dropped by fault injection")
    transport.close()
    for _ in range(3):  # let the server notice the closed connection before the app returns
        await asyncio.sleep(0)


class _FaultMiddleware:
    def __init__(self, app: ASGIApp, emu: Emulator) -> None:
        self.app = app
        self.emu = emu

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        faults = self.emu.faults
        path = scope.get("path", "")
        if scope["type"] != "http" or not faults.enabled or not path.startswith(API_PREFIX + "/"):
            await self.app(scope, receive, send)
            return
        decision = faults.decide(scope["method"], path.removeprefix(API_PREFIX))
        if decision.delay:
            await asyncio.sleep(decision.delay)
        if decision.action == "drop":
            await _drop(send)
        elif decision.action == "status":
            headers = {"Retry-After": str(decision.retry_after)} if decision.status != 502 else {}
            body = error_body(decision.status, "Injected fault: please retry.")
            response = _json_response(decision.status, body, headers)
            await response(scope, receive, send)
        elif decision.action == "drop_after":

            async def swallow(message: Message) -> None:
                return None

            await self.app(scope, receive, swallow)
            await _drop(send)
        else:
            await self.app(scope, receive, send)


# -- assembly -----------------------------------------------------------------------------------


def _route_order(path: str) -> tuple[int, str]:
    # Literal segments before parameters, so /jobs/estimate is not read as /jobs/{UUID}.
    return path.count("{"), path


def build_app(emu: Emulator) -> ASGIApp:
    """The ASGI app serving ``emu``: every operation of openapi.yaml, plus the test controls."""
    by_path: dict[str, dict[str, Operation]] = {}
    for op in load_spec().operations.values():
        if op.operation_id not in HANDLERS:
            raise RuntimeError(f"the emulator has no handler for {op.operation_id}")
        by_path.setdefault(op.path, {})[op.method] = op
    routes: list[BaseRoute] = [
        Route(API_PREFIX + path, _endpoint(emu, ops), methods=list(ops))
        for path, ops in sorted(by_path.items(), key=lambda item: _route_order(item[0]))
    ]
    routes += _admin(emu)

    async def http_error(request: Request, exc: Exception) -> Response:
        status = exc.status_code if isinstance(exc, HTTPException) else 500
        message = {404: "No such route.", 405: "Method not allowed on this route."}.get(
            status, "Request failed."
        )
        return _json_response(status, error_body(status, message))

    app = Starlette(routes=routes, exception_handlers={HTTPException: http_error})
    return _FaultMiddleware(app, emu)
