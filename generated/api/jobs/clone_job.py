"""From templates/endpoint_module.py.jinja: the request only (answers are read by views.py)."""

from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

from ...types import UNSET, Unset


def _get_kwargs(
    uuid: str,
    *,
    body: Mapping[str, Any],
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/jobs/{uuid}/clone".format(
            uuid=quote(str(uuid), safe=""),
        ),
    }

    _kwargs["json"] = body
    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs
