"""From templates/endpoint_module.py.jinja: the request only (answers are read by views.py)."""

from typing import Any
from urllib.parse import quote


def _get_kwargs(
    uuid: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/jobs/{uuid}/status/cancel".format(
            uuid=quote(str(uuid), safe=""),
        ),
    }

    return _kwargs
