from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_error import ApiError
from ...models.bad_request_error import BadRequestError
from ...models.child_probabilities import ChildProbabilities
from ...models.probabilities import Probabilities
from ...types import UNSET, Response, Unset


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


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ApiError | BadRequestError | ChildProbabilities | Probabilities | None:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> ChildProbabilities | Probabilities:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_probabilities_response_type_0 = (
                    ChildProbabilities.from_dict(data)
                )

                return componentsschemas_probabilities_response_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_probabilities_response_type_1 = Probabilities.from_dict(
                data
            )

            return componentsschemas_probabilities_response_type_1

        response_200 = _parse_response_200(response.json())

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
) -> Response[ApiError | BadRequestError | ChildProbabilities | Probabilities]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    uuid: str,
    *,
    client: AuthenticatedClient | Client,
    sharpen: bool | Unset = UNSET,
) -> Response[ApiError | BadRequestError | ChildProbabilities | Probabilities]:
    """Get the probability distribution of a completed job.

     Keys are basis states as decimal integers in strings ("0", "3"). A multi-circuit job answers with
    one distribution per child job, keyed by the child job's id. 404 while the job has no results.

    Args:
        uuid (str):
        sharpen (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | BadRequestError | ChildProbabilities | Probabilities]
    """

    kwargs = _get_kwargs(
        uuid=uuid,
        sharpen=sharpen,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    uuid: str,
    *,
    client: AuthenticatedClient | Client,
    sharpen: bool | Unset = UNSET,
) -> ApiError | BadRequestError | ChildProbabilities | Probabilities | None:
    """Get the probability distribution of a completed job.

     Keys are basis states as decimal integers in strings ("0", "3"). A multi-circuit job answers with
    one distribution per child job, keyed by the child job's id. 404 while the job has no results.

    Args:
        uuid (str):
        sharpen (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | BadRequestError | ChildProbabilities | Probabilities
    """

    return sync_detailed(
        uuid=uuid,
        client=client,
        sharpen=sharpen,
    ).parsed


async def asyncio_detailed(
    uuid: str,
    *,
    client: AuthenticatedClient | Client,
    sharpen: bool | Unset = UNSET,
) -> Response[ApiError | BadRequestError | ChildProbabilities | Probabilities]:
    """Get the probability distribution of a completed job.

     Keys are basis states as decimal integers in strings ("0", "3"). A multi-circuit job answers with
    one distribution per child job, keyed by the child job's id. 404 while the job has no results.

    Args:
        uuid (str):
        sharpen (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | BadRequestError | ChildProbabilities | Probabilities]
    """

    kwargs = _get_kwargs(
        uuid=uuid,
        sharpen=sharpen,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    uuid: str,
    *,
    client: AuthenticatedClient | Client,
    sharpen: bool | Unset = UNSET,
) -> ApiError | BadRequestError | ChildProbabilities | Probabilities | None:
    """Get the probability distribution of a completed job.

     Keys are basis states as decimal integers in strings ("0", "3"). A multi-circuit job answers with
    one distribution per child job, keyed by the child job's id. 404 while the job has no results.

    Args:
        uuid (str):
        sharpen (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | BadRequestError | ChildProbabilities | Probabilities
    """

    return (
        await asyncio_detailed(
            uuid=uuid,
            client=client,
            sharpen=sharpen,
        )
    ).parsed
