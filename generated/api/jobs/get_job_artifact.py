"""From templates/endpoint_module.py.jinja: the request only (answers are read by views.py)."""

from typing import Any
from urllib.parse import quote


def _get_kwargs(
    uuid: str,
    artifact_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/jobs/{uuid}/artifacts/{artifact_id}".format(
            uuid=quote(str(uuid), safe=""),
            artifact_id=quote(str(artifact_id), safe=""),
        ),
    }

    return _kwargs
