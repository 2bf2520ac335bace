"""From templates/endpoint_module.py.jinja: the request only (answers are read by views.py)."""

from typing import Any


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/whoami",
    }

    return _kwargs
