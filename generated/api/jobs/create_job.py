"""From templates/endpoint_module.py.jinja: the request only (answers are read by views.py)."""

from typing import Any

from ...models.circuit_job_create import CircuitJobCreate
from ...models.multi_circuit_job_create import MultiCircuitJobCreate
from ...types import UNSET, Unset


def _get_kwargs(
    *,
    body: CircuitJobCreate | MultiCircuitJobCreate,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/jobs",
    }

    if isinstance(body, CircuitJobCreate):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs
