"""From templates/endpoint_module.py.jinja: the request only (answers are read by views.py)."""

from typing import Any
from urllib.parse import quote

from ...types import UNSET, Unset


def _get_kwargs(
    uuid: str,
    *,
    sharpen: bool | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["sharpen"] = sharpen

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/jobs/{uuid}/results/probabilities".format(
            uuid=quote(str(uuid), safe=""),
        ),
        "params": params,
    }

    return _kwargs
