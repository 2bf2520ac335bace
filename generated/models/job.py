from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.failure import Failure
    from ..models.job_metadata import JobMetadata
    from ..models.job_output import JobOutput
    from ..models.job_settings import JobSettings
    from ..models.job_stats import JobStats
    from ..models.noise import Noise
    from ..models.result_artifacts import ResultArtifacts
    from ..models.result_links import ResultLinks


T = TypeVar("T", bound="Job")


@_attrs_define
class Job:
    """A job. Fields the API sends as null before they apply are nullable.

    Attributes:
        id (str):
        status (str): A job's status. Any string is accepted; `x-known-values` names the ones in use. `running` is the
            older name of `started`.
        type_ (str):
        backend (str):
        dry_run (bool | Unset):
        submitter_id (str | Unset):
        project_id (None | str | Unset):
        parent_job_id (None | str | Unset):
        session_id (None | str | Unset):
        child_job_ids (list[str] | None | Unset):
        metadata (JobMetadata | None | Unset):
        name (None | str | Unset):
        submitted_at (None | str | Unset): ISO 8601 timestamp.
        started_at (None | str | Unset):
        completed_at (None | str | Unset):
        predicted_wait_time_ms (int | None | Unset):
        predicted_execution_duration_ms (int | None | Unset):
        execution_duration_ms (int | None | Unset):
        shots (int | Unset):
        noise (Noise | Unset):
        failure (Failure | None | Unset):
        cost_model (str | Unset):
        settings (JobSettings | Unset):
        stats (JobStats | Unset):
        output (JobOutput | Unset): What the job's processing produced; the compiled circuits once compiled.
        results (None | ResultArtifacts | ResultLinks | Unset):
    """

    id: str
    status: str
    type_: str
    backend: str
    dry_run: bool | Unset = UNSET
    submitter_id: str | Unset = UNSET
    project_id: None | str | Unset = UNSET
    parent_job_id: None | str | Unset = UNSET
    session_id: None | str | Unset = UNSET
    child_job_ids: list[str] | None | Unset = UNSET
    metadata: JobMetadata | None | Unset = UNSET
    name: None | str | Unset = UNSET
    submitted_at: None | str | Unset = UNSET
    started_at: None | str | Unset = UNSET
    completed_at: None | str | Unset = UNSET
    predicted_wait_time_ms: int | None | Unset = UNSET
    predicted_execution_duration_ms: int | None | Unset = UNSET
    execution_duration_ms: int | None | Unset = UNSET
    shots: int | Unset = UNSET
    noise: Noise | Unset = UNSET
    failure: Failure | None | Unset = UNSET
    cost_model: str | Unset = UNSET
    settings: JobSettings | Unset = UNSET
    stats: JobStats | Unset = UNSET
    output: JobOutput | Unset = UNSET
    results: None | ResultArtifacts | ResultLinks | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.failure import Failure  # noqa: PLC0415
        from ..models.job_metadata import JobMetadata  # noqa: PLC0415
        from ..models.result_artifacts import ResultArtifacts  # noqa: PLC0415
        from ..models.result_links import ResultLinks  # noqa: PLC0415

        id = self.id

        status = self.status

        type_ = self.type_

        backend = self.backend

        dry_run = self.dry_run

        submitter_id = self.submitter_id

        project_id: None | str | Unset
        if isinstance(self.project_id, Unset):
            project_id = UNSET
        else:
            project_id = self.project_id

        parent_job_id: None | str | Unset
        if isinstance(self.parent_job_id, Unset):
            parent_job_id = UNSET
        else:
            parent_job_id = self.parent_job_id

        session_id: None | str | Unset
        if isinstance(self.session_id, Unset):
            session_id = UNSET
        else:
            session_id = self.session_id

        child_job_ids: list[str] | None | Unset
        if isinstance(self.child_job_ids, Unset):
            child_job_ids = UNSET
        elif isinstance(self.child_job_ids, list):
            child_job_ids = self.child_job_ids

        else:
            child_job_ids = self.child_job_ids

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, JobMetadata):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        submitted_at: None | str | Unset
        if isinstance(self.submitted_at, Unset):
            submitted_at = UNSET
        else:
            submitted_at = self.submitted_at

        started_at: None | str | Unset
        if isinstance(self.started_at, Unset):
            started_at = UNSET
        else:
            started_at = self.started_at

        completed_at: None | str | Unset
        if isinstance(self.completed_at, Unset):
            completed_at = UNSET
        else:
            completed_at = self.completed_at

        predicted_wait_time_ms: int | None | Unset
        if isinstance(self.predicted_wait_time_ms, Unset):
            predicted_wait_time_ms = UNSET
        else:
            predicted_wait_time_ms = self.predicted_wait_time_ms

        predicted_execution_duration_ms: int | None | Unset
        if isinstance(self.predicted_execution_duration_ms, Unset):
            predicted_execution_duration_ms = UNSET
        else:
            predicted_execution_duration_ms = self.predicted_execution_duration_ms

        execution_duration_ms: int | None | Unset
        if isinstance(self.execution_duration_ms, Unset):
            execution_duration_ms = UNSET
        else:
            execution_duration_ms = self.execution_duration_ms

        shots = self.shots

        noise: dict[str, Any] | Unset = UNSET
        if not isinstance(self.noise, Unset):
            noise = self.noise.to_dict()

        failure: dict[str, Any] | None | Unset
        if isinstance(self.failure, Unset):
            failure = UNSET
        elif isinstance(self.failure, Failure):
            failure = self.failure.to_dict()
        else:
            failure = self.failure

        cost_model = self.cost_model

        settings: dict[str, Any] | Unset = UNSET
        if not isinstance(self.settings, Unset):
            settings = self.settings.to_dict()

        stats: dict[str, Any] | Unset = UNSET
        if not isinstance(self.stats, Unset):
            stats = self.stats.to_dict()

        output: dict[str, Any] | Unset = UNSET
        if not isinstance(self.output, Unset):
            output = self.output.to_dict()

        results: dict[str, Any] | None | Unset
        if isinstance(self.results, Unset):
            results = UNSET
        elif isinstance(self.results, ResultLinks):
            results = self.results.to_dict()
        elif isinstance(self.results, ResultArtifacts):
            results = self.results.to_dict()
        else:
            results = self.results

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
                "type": type_,
                "backend": backend,
            }
        )
        if dry_run is not UNSET:
            field_dict["dry_run"] = dry_run
        if submitter_id is not UNSET:
            field_dict["submitter_id"] = submitter_id
        if project_id is not UNSET:
            field_dict["project_id"] = project_id
        if parent_job_id is not UNSET:
            field_dict["parent_job_id"] = parent_job_id
        if session_id is not UNSET:
            field_dict["session_id"] = session_id
        if child_job_ids is not UNSET:
            field_dict["child_job_ids"] = child_job_ids
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if name is not UNSET:
            field_dict["name"] = name
        if submitted_at is not UNSET:
            field_dict["submitted_at"] = submitted_at
        if started_at is not UNSET:
            field_dict["started_at"] = started_at
        if completed_at is not UNSET:
            field_dict["completed_at"] = completed_at
        if predicted_wait_time_ms is not UNSET:
            field_dict["predicted_wait_time_ms"] = predicted_wait_time_ms
        if predicted_execution_duration_ms is not UNSET:
            field_dict["predicted_execution_duration_ms"] = (
                predicted_execution_duration_ms
            )
        if execution_duration_ms is not UNSET:
            field_dict["execution_duration_ms"] = execution_duration_ms
        if shots is not UNSET:
            field_dict["shots"] = shots
        if noise is not UNSET:
            field_dict["noise"] = noise
        if failure is not UNSET:
            field_dict["failure"] = failure
        if cost_model is not UNSET:
            field_dict["cost_model"] = cost_model
        if settings is not UNSET:
            field_dict["settings"] = settings
        if stats is not UNSET:
            field_dict["stats"] = stats
        if output is not UNSET:
            field_dict["output"] = output
        if results is not UNSET:
            field_dict["results"] = results

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.failure import Failure  # noqa: PLC0415
        from ..models.job_metadata import JobMetadata  # noqa: PLC0415
        from ..models.job_output import JobOutput  # noqa: PLC0415
        from ..models.job_settings import JobSettings  # noqa: PLC0415
        from ..models.job_stats import JobStats  # noqa: PLC0415
        from ..models.noise import Noise  # noqa: PLC0415
        from ..models.result_artifacts import ResultArtifacts  # noqa: PLC0415
        from ..models.result_links import ResultLinks  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        status = d.pop("status")

        type_ = d.pop("type")

        backend = d.pop("backend")

        dry_run = d.pop("dry_run", UNSET)

        submitter_id = d.pop("submitter_id", UNSET)

        def _parse_project_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        project_id = _parse_project_id(d.pop("project_id", UNSET))

        def _parse_parent_job_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        parent_job_id = _parse_parent_job_id(d.pop("parent_job_id", UNSET))

        def _parse_session_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        session_id = _parse_session_id(d.pop("session_id", UNSET))

        def _parse_child_job_ids(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                child_job_ids_type_0 = cast(list[str], data)

                return child_job_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        child_job_ids = _parse_child_job_ids(d.pop("child_job_ids", UNSET))

        def _parse_metadata(data: object) -> JobMetadata | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_1 = JobMetadata.from_dict(data)

                return metadata_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(JobMetadata | None | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_submitted_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        submitted_at = _parse_submitted_at(d.pop("submitted_at", UNSET))

        def _parse_started_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        started_at = _parse_started_at(d.pop("started_at", UNSET))

        def _parse_completed_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        completed_at = _parse_completed_at(d.pop("completed_at", UNSET))

        def _parse_predicted_wait_time_ms(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        predicted_wait_time_ms = _parse_predicted_wait_time_ms(
            d.pop("predicted_wait_time_ms", UNSET)
        )

        def _parse_predicted_execution_duration_ms(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        predicted_execution_duration_ms = _parse_predicted_execution_duration_ms(
            d.pop("predicted_execution_duration_ms", UNSET)
        )

        def _parse_execution_duration_ms(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        execution_duration_ms = _parse_execution_duration_ms(
            d.pop("execution_duration_ms", UNSET)
        )

        shots = d.pop("shots", UNSET)

        _noise = d.pop("noise", UNSET)
        noise: Noise | Unset
        if isinstance(_noise, Unset):
            noise = UNSET
        else:
            noise = Noise.from_dict(_noise)

        def _parse_failure(data: object) -> Failure | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                failure_type_1 = Failure.from_dict(data)

                return failure_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Failure | None | Unset, data)

        failure = _parse_failure(d.pop("failure", UNSET))

        cost_model = d.pop("cost_model", UNSET)

        _settings = d.pop("settings", UNSET)
        settings: JobSettings | Unset
        if isinstance(_settings, Unset):
            settings = UNSET
        else:
            settings = JobSettings.from_dict(_settings)

        _stats = d.pop("stats", UNSET)
        stats: JobStats | Unset
        if isinstance(_stats, Unset):
            stats = UNSET
        else:
            stats = JobStats.from_dict(_stats)

        _output = d.pop("output", UNSET)
        output: JobOutput | Unset
        if isinstance(_output, Unset):
            output = UNSET
        else:
            output = JobOutput.from_dict(_output)

        def _parse_results(
            data: object,
        ) -> None | ResultArtifacts | ResultLinks | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_job_results_type_0 = ResultLinks.from_dict(data)

                return componentsschemas_job_results_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_job_results_type_1 = ResultArtifacts.from_dict(data)

                return componentsschemas_job_results_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ResultArtifacts | ResultLinks | Unset, data)

        results = _parse_results(d.pop("results", UNSET))

        job = cls(
            id=id,
            status=status,
            type_=type_,
            backend=backend,
            dry_run=dry_run,
            submitter_id=submitter_id,
            project_id=project_id,
            parent_job_id=parent_job_id,
            session_id=session_id,
            child_job_ids=child_job_ids,
            metadata=metadata,
            name=name,
            submitted_at=submitted_at,
            started_at=started_at,
            completed_at=completed_at,
            predicted_wait_time_ms=predicted_wait_time_ms,
            predicted_execution_duration_ms=predicted_execution_duration_ms,
            execution_duration_ms=execution_duration_ms,
            shots=shots,
            noise=noise,
            failure=failure,
            cost_model=cost_model,
            settings=settings,
            stats=stats,
            output=output,
            results=results,
        )

        job.additional_properties = d
        return job

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
