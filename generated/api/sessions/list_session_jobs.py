from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_error import ApiError
from ...models.bad_request_error import BadRequestError
from ...models.job_list import JobList
from ...types import UNSET, Response, Unset


def _get_kwargs(
    session_id: str,
    *,
    ids: list[str] | Unset = UNSET,
    parent_job_id: str | Unset = UNSET,
    status: str | Unset = UNSET,
    target: str | Unset = UNSET,
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

    params["submitter_id"] = submitter_id

    params["limit"] = limit

    params["next"] = next_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/sessions/{session_id}/jobs".format(
            session_id=quote(str(session_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ApiError | BadRequestError | JobList | None:
    if response.status_code == 200:
        response_200 = JobList.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = BadRequestError.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ApiError.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ApiError.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ApiError.from_dict(response.json())

        return response_404

    if response.status_code == 429:
        response_429 = ApiError.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = ApiError.from_dict(response.json())

        return response_500

    if response.status_code == 502:
        response_502 = ApiError.from_dict(response.json())

        return response_502

    if response.status_code == 503:
        response_503 = ApiError.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ApiError | BadRequestError | JobList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    session_id: str,
    *,
    client: AuthenticatedClient | Client,
    ids: list[str] | Unset = UNSET,
    parent_job_id: str | Unset = UNSET,
    status: str | Unset = UNSET,
    target: str | Unset = UNSET,
    submitter_id: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    next_: str | Unset = UNSET,
) -> Response[ApiError | BadRequestError | JobList]:
    """List the jobs of one session, a page at a time.

    Args:
        session_id (str):
        ids (list[str] | Unset):
        parent_job_id (str | Unset):
        status (str | Unset): A job's status. Any string is accepted; `x-known-values` names the
            ones in use. `running` is the older name of `started`.
        target (str | Unset):
        submitter_id (str | Unset):
        limit (int | Unset):
        next_ (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | BadRequestError | JobList]
    """

    kwargs = _get_kwargs(
        session_id=session_id,
        ids=ids,
        parent_job_id=parent_job_id,
        status=status,
        target=target,
        submitter_id=submitter_id,
        limit=limit,
        next_=next_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    session_id: str,
    *,
    client: AuthenticatedClient | Client,
    ids: list[str] | Unset = UNSET,
    parent_job_id: str | Unset = UNSET,
    status: str | Unset = UNSET,
    target: str | Unset = UNSET,
    submitter_id: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    next_: str | Unset = UNSET,
) -> ApiError | BadRequestError | JobList | None:
    """List the jobs of one session, a page at a time.

    Args:
        session_id (str):
        ids (list[str] | Unset):
        parent_job_id (str | Unset):
        status (str | Unset): A job's status. Any string is accepted; `x-known-values` names the
            ones in use. `running` is the older name of `started`.
        target (str | Unset):
        submitter_id (str | Unset):
        limit (int | Unset):
        next_ (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | BadRequestError | JobList
    """

    return sync_detailed(
        session_id=session_id,
        client=client,
        ids=ids,
        parent_job_id=parent_job_id,
        status=status,
        target=target,
        submitter_id=submitter_id,
        limit=limit,
        next_=next_,
    ).parsed


async def asyncio_detailed(
    session_id: str,
    *,
    client: AuthenticatedClient | Client,
    ids: list[str] | Unset = UNSET,
    parent_job_id: str | Unset = UNSET,
    status: str | Unset = UNSET,
    target: str | Unset = UNSET,
    submitter_id: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    next_: str | Unset = UNSET,
) -> Response[ApiError | BadRequestError | JobList]:
    """List the jobs of one session, a page at a time.

    Args:
        session_id (str):
        ids (list[str] | Unset):
        parent_job_id (str | Unset):
        status (str | Unset): A job's status. Any string is accepted; `x-known-values` names the
            ones in use. `running` is the older name of `started`.
        target (str | Unset):
        submitter_id (str | Unset):
        limit (int | Unset):
        next_ (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | BadRequestError | JobList]
    """

    kwargs = _get_kwargs(
        session_id=session_id,
        ids=ids,
        parent_job_id=parent_job_id,
        status=status,
        target=target,
        submitter_id=submitter_id,
        limit=limit,
        next_=next_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    session_id: str,
    *,
    client: AuthenticatedClient | Client,
    ids: list[str] | Unset = UNSET,
    parent_job_id: str | Unset = UNSET,
    status: str | Unset = UNSET,
    target: str | Unset = UNSET,
    submitter_id: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    next_: str | Unset = UNSET,
) -> ApiError | BadRequestError | JobList | None:
    """List the jobs of one session, a page at a time.

    Args:
        session_id (str):
        ids (list[str] | Unset):
        parent_job_id (str | Unset):
        status (str | Unset): A job's status. Any string is accepted; `x-known-values` names the
            ones in use. `running` is the older name of `started`.
        target (str | Unset):
        submitter_id (str | Unset):
        limit (int | Unset):
        next_ (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | BadRequestError | JobList
    """

    return (
        await asyncio_detailed(
            session_id=session_id,
            client=client,
            ids=ids,
            parent_job_id=parent_job_id,
            status=status,
            target=target,
            submitter_id=submitter_id,
            limit=limit,
            next_=next_,
        )
    ).parsed
