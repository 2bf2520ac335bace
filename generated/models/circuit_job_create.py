from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from ..models.circuit_job_create_type import (
    CircuitJobCreateType,
    check_circuit_job_create_type,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.job_metadata import JobMetadata
    from ..models.job_settings import JobSettings
    from ..models.native_circuit_input import NativeCircuitInput
    from ..models.noise import Noise
    from ..models.qasm_3_input import Qasm3Input
    from ..models.qis_circuit_input import QisCircuitInput


T = TypeVar("T", bound="CircuitJobCreate")


class CircuitJobCreate:
    """A single-circuit job, as a gate list (`ionq.circuit.v1`) or an OpenQASM 3 program (`ionq.qasm3.v1`).

    Attributes:
        type_ (CircuitJobCreateType):
        backend (str):
        input_ (NativeCircuitInput | Qasm3Input | QisCircuitInput):
        name (str | Unset):
        shots (int | Unset):
        metadata (JobMetadata | Unset): Free-form string metadata: at most 10 keys, names of at most 40 characters,
            values of at most 40,000 characters (IonQ's documented limits; more is refused with 400).
        session_id (str | Unset):
        settings (JobSettings | Unset):
        noise (Noise | Unset):
        dry_run (bool | Unset):
    """

    __slots__ = (
        "type_",
        "backend",
        "input_",
        "name",
        "shots",
        "metadata",
        "session_id",
        "settings",
        "noise",
        "dry_run",
    )

    def __init__(
        self,
        type_: CircuitJobCreateType,
        backend: str,
        input_: NativeCircuitInput | Qasm3Input | QisCircuitInput,
        name: str | Unset = UNSET,
        shots: int | Unset = UNSET,
        metadata: JobMetadata | Unset = UNSET,
        session_id: str | Unset = UNSET,
        settings: JobSettings | Unset = UNSET,
        noise: Noise | Unset = UNSET,
        dry_run: bool | Unset = UNSET,
    ) -> None:
        self.type_ = type_
        self.backend = backend
        self.input_ = input_
        self.name = name
        self.shots = shots
        self.metadata = metadata
        self.session_id = session_id
        self.settings = settings
        self.noise = noise
        self.dry_run = dry_run

    def __eq__(self, other: object) -> bool:
        if (
            not isinstance(other, CircuitJobCreate)
            or other.__class__ is not self.__class__
        ):
            return NotImplemented
        return (
            self.type_,
            self.backend,
            self.input_,
            self.name,
            self.shots,
            self.metadata,
            self.session_id,
            self.settings,
            self.noise,
            self.dry_run,
        ) == (
            other.type_,
            other.backend,
            other.input_,
            other.name,
            other.shots,
            other.metadata,
            other.session_id,
            other.settings,
            other.noise,
            other.dry_run,
        )

    def __repr__(self) -> str:
        return f"CircuitJobCreate(type_={self.type_!r}, backend={self.backend!r}, input_={self.input_!r}, name={self.name!r}, shots={self.shots!r}, metadata={self.metadata!r}, session_id={self.session_id!r}, settings={self.settings!r}, noise={self.noise!r}, dry_run={self.dry_run!r})"

    def to_dict(self) -> dict[str, Any]:
        from ..models.native_circuit_input import NativeCircuitInput  # noqa: PLC0415
        from ..models.qis_circuit_input import QisCircuitInput  # noqa: PLC0415

        type_: str = self.type_

        backend = self.backend

        input_: dict[str, Any]
        if isinstance(self.input_, QisCircuitInput):
            input_ = self.input_.to_dict()
        elif isinstance(self.input_, NativeCircuitInput):
            input_ = self.input_.to_dict()
        else:
            input_ = self.input_.to_dict()

        name = self.name

        shots = self.shots

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        session_id = self.session_id

        settings: dict[str, Any] | Unset = UNSET
        if not isinstance(self.settings, Unset):
            settings = self.settings.to_dict()

        noise: dict[str, Any] | Unset = UNSET
        if not isinstance(self.noise, Unset):
            noise = self.noise.to_dict()

        dry_run = self.dry_run

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "backend": backend,
                "input": input_,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if shots is not UNSET:
            field_dict["shots"] = shots
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
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
        from ..models.native_circuit_input import NativeCircuitInput  # noqa: PLC0415
        from ..models.noise import Noise  # noqa: PLC0415
        from ..models.qasm_3_input import Qasm3Input  # noqa: PLC0415
        from ..models.qis_circuit_input import QisCircuitInput  # noqa: PLC0415

        d = dict(src_dict)
        type_ = check_circuit_job_create_type(d.pop("type"))

        backend = d.pop("backend")

        def _parse_input_(
            data: object,
        ) -> NativeCircuitInput | Qasm3Input | QisCircuitInput:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                input_type_0 = QisCircuitInput.from_dict(data)

                return input_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                input_type_1 = NativeCircuitInput.from_dict(data)

                return input_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            input_type_2 = Qasm3Input.from_dict(data)

            return input_type_2

        input_ = _parse_input_(d.pop("input"))

        name = d.pop("name", UNSET)

        shots = d.pop("shots", UNSET)

        _metadata = d.pop("metadata", UNSET)
        metadata: JobMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = JobMetadata.from_dict(_metadata)

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

        circuit_job_create = cls(
            type_=type_,
            backend=backend,
            input_=input_,
            name=name,
            shots=shots,
            metadata=metadata,
            session_id=session_id,
            settings=settings,
            noise=noise,
            dry_run=dry_run,
        )

        return circuit_job_create
