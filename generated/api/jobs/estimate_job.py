"""From templates/endpoint_module.py.jinja: the request only (answers are read by views.py)."""

from typing import Any

from ...types import UNSET, Unset


def _get_kwargs(
    *,
    backend: str,
    type_: str | Unset = UNSET,
    qubits: int | Unset = UNSET,
    shots: int | Unset = UNSET,
    field_1q_gates: int | Unset = UNSET,
    field_2q_gates: int | Unset = UNSET,
    error_mitigation: bool | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["backend"] = backend

    params["type"] = type_

    params["qubits"] = qubits

    params["shots"] = shots

    params["1q_gates"] = field_1q_gates

    params["2q_gates"] = field_2q_gates

    params["error_mitigation"] = error_mitigation

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/jobs/estimate",
        "params": params,
    }

    return _kwargs
