"""From templates/endpoint_module.py.jinja: the request only (answers are read by views.py)."""

from typing import Any

from ...models.session_create_request import SessionCreateRequest
from ...types import UNSET, Unset


def _get_kwargs(
    *,
    body: SessionCreateRequest,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/sessions",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs
