"""From templates/endpoint_module.py.jinja: the request only (answers are read by views.py)."""

from typing import Any

from ...types import UNSET, Unset


def _get_kwargs(
    *,
    ids: list[str] | Unset = UNSET,
    parent_job_id: str | Unset = UNSET,
    status: str | Unset = UNSET,
    target: str | Unset = UNSET,
    session_id: str | Unset = UNSET,
    submitter_id: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    next_: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_ids: list[str] | Unset = UNSET
    if not isinstance(ids, Unset):
        json_ids = ids

    params["ids"] = json_ids

    params["parent_job_id"] = parent_job_id

    params["status"] = status

    params["target"] = target

    params["session_id"] = session_id

    params["submitter_id"] = submitter_id

    params["limit"] = limit

    params["next"] = next_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/jobs",
        "params": params,
    }

    return _kwargs
