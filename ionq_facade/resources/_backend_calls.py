"""What each backend and characterization operation sends and how its answer is read: no I/O
(bound to the clients by `_bindings.py`)."""

from __future__ import annotations

from ionq_facade import _validation as v
from ionq_facade._config import TimeoutTypes
from ionq_facade._flow import Call, given
from ionq_facade._generated.tables import Key
from ionq_facade._models import Backend, Characterization, CharacterizationPage

__all__ = [
    "get_backend",
    "get_characterization",
    "list_backends",
    "list_characterizations",
]


def _name(backend: str | Backend) -> str:
    return v.path_token(backend.name if isinstance(backend, Backend) else backend, Key.BACKEND)


def _backends(value: object) -> tuple[Backend, ...]:
    from ionq_facade._generated.views import _tuple, _view

    return _tuple(value, "backends", lambda b: _view(b, "Backend", Backend))


def list_backends(*, timeout: TimeoutTypes | None = None) -> Call[tuple[Backend, ...]]:
    """Every backend, with its status, qubits and queue time."""
    from ionq_facade._generated.api.backends import get_backends as endpoint

    return Call.of(endpoint._get_kwargs(), _backends, timeout=timeout)


def get_backend(backend: str | Backend, *, timeout: TimeoutTypes | None = None) -> Call[Backend]:
    """One backend by name, e.g. `qpu.forte-1` or `simulator`."""
    from ionq_facade._generated.api.backends import get_backend as endpoint

    return Call.of(endpoint._get_kwargs(_name(backend)), Backend._parse, timeout=timeout)


def list_characterizations(
    backend: str | Backend,
    *,
    start: str | None = None,
    end: str | None = None,
    limit: int | None = None,
    page: int | None = None,
    timeout: TimeoutTypes | None = None,
) -> Call[CharacterizationPage]:
    """A page of a backend's characterizations, newest first; `start`/`end` are ISO dates,
    `limit` the page size (1 to 10), `page` the page number from 1."""
    from ionq_facade._generated.api.characterizations import get_characterizations as endpoint

    request = endpoint._get_kwargs(
        _name(backend),
        start=given(v.optional_str(start, Key.START)),
        end=given(v.optional_str(end, Key.END)),
        limit=given(None if limit is None else v.int_at_least(limit, Key.LIMIT, most=10)),
        page=given(None if page is None else v.int_at_least(page, Key.PAGE)),
    )
    return Call.of(request, CharacterizationPage._parse, timeout=timeout)


def get_characterization(
    backend: str | Backend, characterization_id: str, *, timeout: TimeoutTypes | None = None
) -> Call[Characterization]:
    """One characterization of a backend, by id."""
    from ionq_facade._generated.api.characterizations import get_characterization as endpoint

    ident = v.path_token(characterization_id, Key.CHARACTERIZATION_ID)
    request = endpoint._get_kwargs(_name(backend), ident)
    return Call.of(request, Characterization._parse, timeout=timeout)
