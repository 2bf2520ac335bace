"""From templates/endpoint_module.py.jinja: the request only (answers are read by views.py)."""

from collections.abc import Mapping
from typing import Any


def _get_kwargs(
    *,
    body: Mapping[str, Any],
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/jobs",
    }

    _kwargs["json"] = body
    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs
