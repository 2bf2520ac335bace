"""What the generated views (`ionq_facade._generated.views`) cannot know: hand-written bases.

Named in templates/views.yaml. A job's status is normalized (`running` is `STARTED`,
an unknown value `UNKNOWN` with the exact string in `raw_status`); results have served
two shapes, both read. Everything else about a view comes from openapi.yaml.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, cast

from ionq_facade._generated.tables import Key

from ._errors import APIResponseValidationError
from ._lifecycle import JobStatus, parse_status

if TYPE_CHECKING:
    from ionq_facade._generated.views import Job, ResultArtifact

__all__ = ["JobExtras", "JobRefExtras", "JobResultsExtras", "PageExtras"]


class _Raw:
    __slots__ = ()
    _raw: dict[str, object]
    _cache: dict[str, object]


def _raw_status(view: _Raw, where: str, *, required: bool) -> str | None:
    value = view._raw.get(Key.STATUS)
    if type(value) is str or (value is None and not required):
        return value
    raise APIResponseValidationError(
        f"{where}.status: expected a string, got {value!r}", body=json.dumps(value).encode()
    )


class JobExtras(_Raw):
    __slots__ = ()

    @property
    def status(self) -> JobStatus:
        """Normalized: `running` is `STARTED`; a value this client does not know `UNKNOWN`."""
        value = self._raw.get(Key.STATUS)
        return parse_status(value if type(value) is str else self.raw_status)

    @property
    def raw_status(self) -> str:
        """The status string exactly as the server sent it."""
        status = _raw_status(self, "Job", required=True)
        assert status is not None
        return status

    def _field_error(self, key: str, exc: APIResponseValidationError) -> Exception:
        body = json.dumps(self._raw.get(key)).encode()
        return APIResponseValidationError(
            f"job {self._raw.get(Key.ID)}: field {key!r} does not parse ({exc.reason})", body=body
        )

    def __hash__(self) -> int:
        return hash((self._raw.get(Key.ID), self._raw.get(Key.STATUS)))

    def __repr__(self) -> str:
        raw = self._raw
        return (
            f"Job(id={raw.get(Key.ID)!r}, status={raw.get(Key.STATUS)!r}, "
            f"type={raw.get(Key.TYPE)!r}, backend={raw.get(Key.BACKEND)!r})"
        )


class JobRefExtras(_Raw):
    __slots__ = ()

    @property
    def status(self) -> JobStatus | None:
        """Normalized as `Job.status`; None when the answer did not say."""
        raw = self.raw_status
        return None if raw is None else parse_status(raw)

    @property
    def raw_status(self) -> str | None:
        return _raw_status(self, "JobRef", required=False)


class PageExtras(_Raw):
    """A page of jobs iterates over, and counts, its jobs."""

    __slots__ = ()

    if TYPE_CHECKING:

        @property
        def jobs(self) -> tuple[Job, ...]: ...

    def __iter__(self) -> Iterator[Job]:
        return iter(self.jobs)

    def __len__(self) -> int:
        return len(self.jobs)


class JobResultsExtras(_Raw):
    """Where a job's results are. The API has served two shapes, also both at once; all
    are read.

    `links` holds the short-name links (`probabilities`, `histogram`, `shots` -> URL path
    relative to the API host), `probabilities_url` the first of them; `artifacts` the
    descriptors keyed by result format (e.g. `ionq.result.probabilities.json.v1`).
    """

    __slots__ = ()

    @property
    def links(self) -> Mapping[str, str]:
        cached = self._cache.get("links")
        if cached is not None:
            return cast(Mapping[str, str], cached)
        from ionq_facade._generated.views import _keep

        raw = cast(dict[str, dict[str, str]], self._raw)  # checked when built
        found = {k: v[Key.URL] for k, v in raw.items() if _is_link(v)}
        return _keep(self, "links", MappingProxyType(found))

    @property
    def probabilities_url(self) -> str | None:
        return self.links.get(Key.PROBABILITIES)

    @property
    def artifacts(self) -> Mapping[str, ResultArtifact]:
        cached = self._cache.get("artifacts")
        if cached is not None:
            return cast("Mapping[str, ResultArtifact]", cached)
        from ionq_facade._generated.views import ResultArtifact, _checked, _keep

        found = {k: _checked(v, ResultArtifact) for k, v in self._raw.items() if not _is_link(v)}
        return _keep(self, "artifacts", MappingProxyType(found))

    def __repr__(self) -> str:
        return f"JobResults(links={dict(self.links)!r}, artifacts={dict(self.artifacts)!r})"

    @classmethod
    def _check_raw(cls, raw: dict[str, object]) -> None:
        """Every link's URL a string, every other entry an artifact descriptor."""
        from ionq_facade._generated.views import ResultArtifact, _check_view

        descriptors = []
        for key, value in raw.items():  # the links first, as `artifacts` reads them
            if not _is_link(value):
                descriptors.append((key, value))
                continue
            url = cast(dict[str, object], value)[Key.URL]
            if type(url) is not str:
                raise APIResponseValidationError(
                    f"JobResults.{key}.url: expected a string, got {url!r}",
                    body=json.dumps(url).encode(),
                )
        for key, value in descriptors:
            _check_view(value, f"JobResults.{key}", ResultArtifact)


def _is_link(value: object) -> bool:
    """A short-name link (`{"url": ...}`), as opposed to an artifact descriptor."""
    return isinstance(value, dict) and Key.URL in value and Key.ID not in value
