"""From templates/endpoint_module.py.jinja: the request only (answers are read by views.py)."""

from typing import Any

from ...types import UNSET, Unset


def _get_kwargs(
    *,
    active: bool | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["active"] = active

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/sessions",
        "params": params,
    }

    return _kwargs
