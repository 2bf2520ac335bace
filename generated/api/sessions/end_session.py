"""From templates/endpoint_module.py.jinja: the request only (answers are read by views.py)."""

from typing import Any
from urllib.parse import quote


def _get_kwargs(
    session_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/sessions/{session_id}/end".format(
            session_id=quote(str(session_id), safe=""),
        ),
    }

    return _kwargs
