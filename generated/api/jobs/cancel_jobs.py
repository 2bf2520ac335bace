"""From templates/endpoint_module.py.jinja: the request only (answers are read by views.py)."""

from typing import Any

from ...models.job_ids import JobIds


def _get_kwargs(
    *,
    body: JobIds,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/jobs/status/cancel",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs
