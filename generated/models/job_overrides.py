from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.job_metadata import JobMetadata
    from ..models.job_settings import JobSettings
    from ..models.noise import Noise


T = TypeVar("T", bound="JobOverrides")


class JobOverrides:
    """The body of clone and move. Every field is optional and has no default: a field given overrides the source job's
    value, a field omitted is inherited.

        Attributes:
            parent (str | Unset):
            name (str | Unset):
            metadata (JobMetadata | Unset): Free-form string metadata: at most 10 keys, names of at most 40 characters,
                values of at most 40,000 characters (IonQ's documented limits; more is refused with 400).
            shots (int | Unset):
            backend (str | Unset):
            session_id (str | Unset):
            settings (JobSettings | Unset):
            noise (Noise | Unset):
            dry_run (bool | Unset):
    """

    __slots__ = (
        "parent",
        "name",
        "metadata",
        "shots",
        "backend",
        "session_id",
        "settings",
        "noise",
        "dry_run",
    )

    def __init__(
        self,
        parent: str | Unset = UNSET,
        name: str | Unset = UNSET,
        metadata: JobMetadata | Unset = UNSET,
        shots: int | Unset = UNSET,
        backend: str | Unset = UNSET,
        session_id: str | Unset = UNSET,
        settings: JobSettings | Unset = UNSET,
        noise: Noise | Unset = UNSET,
        dry_run: bool | Unset = UNSET,
    ) -> None:
        self.parent = parent
        self.name = name
        self.metadata = metadata
        self.shots = shots
        self.backend = backend
        self.session_id = session_id
        self.settings = settings
        self.noise = noise
        self.dry_run = dry_run

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, JobOverrides) or other.__class__ is not self.__class__:
            return NotImplemented
        return (
            self.parent,
            self.name,
            self.metadata,
            self.shots,
            self.backend,
            self.session_id,
            self.settings,
            self.noise,
            self.dry_run,
        ) == (
            other.parent,
            other.name,
            other.metadata,
            other.shots,
            other.backend,
            other.session_id,
            other.settings,
            other.noise,
            other.dry_run,
        )

    def __repr__(self) -> str:
        return f"JobOverrides(parent={self.parent!r}, name={self.name!r}, metadata={self.metadata!r}, shots={self.shots!r}, backend={self.backend!r}, session_id={self.session_id!r}, settings={self.settings!r}, noise={self.noise!r}, dry_run={self.dry_run!r})"

    def to_dict(self) -> dict[str, Any]:
        parent = self.parent

        name = self.name

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        shots = self.shots

        backend = self.backend

        session_id = self.session_id

        settings: dict[str, Any] | Unset = UNSET
        if not isinstance(self.settings, Unset):
            settings = self.settings.to_dict()

        noise: dict[str, Any] | Unset = UNSET
        if not isinstance(self.noise, Unset):
            noise = self.noise.to_dict()

        dry_run = self.dry_run

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if parent is not UNSET:
            field_dict["parent"] = parent
        if name is not UNSET:
            field_dict["name"] = name
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if shots is not UNSET:
            field_dict["shots"] = shots
        if backend is not UNSET:
            field_dict["backend"] = backend
        if session_id is not UNSET:
            field_dict["session_id"] = session_id
        if settings is not UNSET:
            field_dict["settings"] = settings
        if noise is not UNSET:
            field_dict["noise"] = noise
        if dry_run is not UNSET:
            field_dict["dry_run"] = dry_run

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.job_metadata import JobMetadata  # noqa: PLC0415
        from ..models.job_settings import JobSettings  # noqa: PLC0415
        from ..models.noise import Noise  # noqa: PLC0415

        d = dict(src_dict)
        parent = d.pop("parent", UNSET)

        name = d.pop("name", UNSET)

        _metadata = d.pop("metadata", UNSET)
        metadata: JobMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = JobMetadata.from_dict(_metadata)

        shots = d.pop("shots", UNSET)

        backend = d.pop("backend", UNSET)

        session_id = d.pop("session_id", UNSET)

        _settings = d.pop("settings", UNSET)
        settings: JobSettings | Unset
        if isinstance(_settings, Unset):
            settings = UNSET
        else:
            settings = JobSettings.from_dict(_settings)

        _noise = d.pop("noise", UNSET)
        noise: Noise | Unset
        if isinstance(_noise, Unset):
            noise = UNSET
        else:
            noise = Noise.from_dict(_noise)

        dry_run = d.pop("dry_run", UNSET)

        job_overrides = cls(
            parent=parent,
            name=name,
            metadata=metadata,
            shots=shots,
            backend=backend,
            session_id=session_id,
            settings=settings,
            noise=noise,
            dry_run=dry_run,
        )

        return job_overrides
