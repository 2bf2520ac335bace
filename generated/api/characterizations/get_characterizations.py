"""From templates/endpoint_module.py.jinja: the request only (answers are read by views.py)."""

from typing import Any
from urllib.parse import quote

from ...types import UNSET, Unset


def _get_kwargs(
    backend: str,
    *,
    start: str | Unset = UNSET,
    end: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    page: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["start"] = start

    params["end"] = end

    params["limit"] = limit

    params["page"] = page

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/backends/{backend}/characterizations".format(
            backend=quote(str(backend), safe=""),
        ),
        "params": params,
    }

    return _kwargs
