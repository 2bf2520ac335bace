"""From templates/endpoint_module.py.jinja: the request only (answers are read by views.py)."""

from typing import Any
from urllib.parse import quote


def _get_kwargs(
    backend: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/backends/{backend}".format(
            backend=quote(str(backend), safe=""),
        ),
    }

    return _kwargs
