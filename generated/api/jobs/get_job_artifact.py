from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_error import ApiError
from ...models.json_object import JsonObject
from ...types import Response


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


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ApiError | JsonObject | list[str] | None:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> JsonObject | list[str]:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_result_artifact_type_0 = JsonObject.from_dict(data)

                return componentsschemas_result_artifact_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, list):
                raise TypeError()
            componentsschemas_result_artifact_type_1 = cast(list[str], data)

            return componentsschemas_result_artifact_type_1

        response_200 = _parse_response_200(response.json())

        return response_200

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
) -> Response[ApiError | JsonObject | list[str]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    uuid: str,
    artifact_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ApiError | JsonObject | list[str]]:
    """Download one result artifact named by a job's `results` descriptors.

    Args:
        uuid (str):
        artifact_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | JsonObject | list[str]]
    """

    kwargs = _get_kwargs(
        uuid=uuid,
        artifact_id=artifact_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    uuid: str,
    artifact_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> ApiError | JsonObject | list[str] | None:
    """Download one result artifact named by a job's `results` descriptors.

    Args:
        uuid (str):
        artifact_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | JsonObject | list[str]
    """

    return sync_detailed(
        uuid=uuid,
        artifact_id=artifact_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    uuid: str,
    artifact_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ApiError | JsonObject | list[str]]:
    """Download one result artifact named by a job's `results` descriptors.

    Args:
        uuid (str):
        artifact_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | JsonObject | list[str]]
    """

    kwargs = _get_kwargs(
        uuid=uuid,
        artifact_id=artifact_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    uuid: str,
    artifact_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> ApiError | JsonObject | list[str] | None:
    """Download one result artifact named by a job's `results` descriptors.

    Args:
        uuid (str):
        artifact_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | JsonObject | list[str]
    """

    return (
        await asyncio_detailed(
            uuid=uuid,
            artifact_id=artifact_id,
            client=client,
        )
    ).parsed
