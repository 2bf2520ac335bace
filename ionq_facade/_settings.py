"""Job settings and noise: what `create`, `clone` and `move` accept and `Job` reports.

Frozen value classes checked when built, so a wrong type fails at the call site (or, read
from the server, becomes `APIResponseValidationError`). A field left None is not sent.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypedDict

from . import _parse as p
from ._errors import ArgumentTypeError, InvalidArgumentError

if TYPE_CHECKING:
    from ionq_api.models import JobSettings
    from ionq_api.models import Noise as ApiNoise

__all__ = ["Compilation", "ErrorMitigation", "JobOptions", "JobOverrides", "Noise", "Settings"]


def _check(value: object, kind: type | tuple[type, ...], name: str) -> None:
    """`value` is None or of `kind` (bools are not ints)."""
    if value is None:
        return
    if (isinstance(value, bool) and kind is int) or not isinstance(value, kind):
        raise ArgumentTypeError(f"{name} must be {_kind_name(kind)}, not {type(value).__name__}")


def _kind_name(kind: type | tuple[type, ...]) -> str:
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " or ".join(k.__name__ for k in kinds)


def _present(**values: object) -> dict[str, Any]:
    return {k: v for k, v in values.items() if v is not None}


@dataclass(frozen=True, slots=True)
class Compilation:
    """Compilation settings (`settings.compilation`)."""

    opt: int | None = None
    precision: str | None = None
    gate_basis: str | None = None
    service_version: str | None = None

    def __post_init__(self) -> None:
        _check(self.opt, int, "Compilation.opt")
        _check(self.precision, str, "Compilation.precision")
        _check(self.gate_basis, str, "Compilation.gate_basis")
        _check(self.service_version, str, "Compilation.service_version")

    def to_dict(self) -> dict[str, Any]:
        return _present(
            opt=self.opt,
            precision=self.precision,
            gate_basis=self.gate_basis,
            service_version=self.service_version,
        )

    @classmethod
    def _from_json(cls, value: object, what: str) -> Compilation:
        data = p.obj(value, what)
        return cls(
            opt=p.opt_int(data.get("opt"), f"{what}.opt"),
            precision=p.opt_str(data.get("precision"), f"{what}.precision"),
            gate_basis=p.opt_str(data.get("gate_basis"), f"{what}.gate_basis"),
            service_version=p.opt_str(data.get("service_version"), f"{what}.service_version"),
        )


@dataclass(frozen=True, slots=True)
class ErrorMitigation:
    """Error mitigation settings (`settings.error_mitigation`)."""

    debiasing: bool | None = None
    symmetry_verification: bool | None = None

    def __post_init__(self) -> None:
        _check(self.debiasing, bool, "ErrorMitigation.debiasing")
        _check(self.symmetry_verification, bool, "ErrorMitigation.symmetry_verification")

    def to_dict(self) -> dict[str, Any]:
        return _present(debiasing=self.debiasing, symmetry_verification=self.symmetry_verification)

    @classmethod
    def _from_json(cls, value: object, what: str) -> ErrorMitigation:
        data = p.obj(value, what)
        return cls(
            debiasing=p.opt_bool(data.get("debiasing"), f"{what}.debiasing"),
            symmetry_verification=p.opt_bool(
                data.get("symmetry_verification"), f"{what}.symmetry_verification"
            ),
        )


@dataclass(frozen=True, slots=True)
class Settings:
    """A job's `settings`: compilation and error mitigation."""

    compilation: Compilation | None = None
    error_mitigation: ErrorMitigation | None = None

    def __post_init__(self) -> None:
        _check(self.compilation, Compilation, "Settings.compilation")
        _check(self.error_mitigation, ErrorMitigation, "Settings.error_mitigation")

    def to_dict(self) -> dict[str, Any]:
        return _present(
            compilation=self.compilation.to_dict() if self.compilation else None,
            error_mitigation=self.error_mitigation.to_dict() if self.error_mitigation else None,
        )

    def _to_api(self) -> JobSettings:
        from ionq_api.models import JobSettings

        return JobSettings.from_dict(self.to_dict())

    @classmethod
    def _from_json(cls, value: object, what: str = "settings") -> Settings | None:
        if value is None:
            return None
        data = p.obj(value, what)
        compilation = data.get("compilation")
        mitigation = data.get("error_mitigation")
        return cls(
            compilation=None
            if compilation is None
            else Compilation._from_json(compilation, f"{what}.compilation"),
            error_mitigation=None
            if mitigation is None
            else ErrorMitigation._from_json(mitigation, f"{what}.error_mitigation"),
        )


@dataclass(frozen=True, slots=True)
class Noise:
    """Simulator noise: a `model` (`ideal`, `aria-1`, `forte-1`, ...) and an optional seed."""

    model: str
    seed: int | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.model, str):
            raise ArgumentTypeError(f"Noise.model must be str, not {type(self.model).__name__}")
        _check(self.seed, int, "Noise.seed")
        if self.seed is not None and not -(2**31) <= self.seed < 2**31:
            raise InvalidArgumentError(f"Noise.seed must fit in 32 bits, not {self.seed}")

    def to_dict(self) -> dict[str, Any]:
        return _present(model=self.model, seed=self.seed)

    def _to_api(self) -> ApiNoise:
        from ionq_api.models import Noise as ApiNoise

        return ApiNoise.from_dict(self.to_dict())

    @classmethod
    def _from_json(cls, value: object, what: str = "noise") -> Noise | None:
        if value is None:
            return None
        data = p.obj(value, what)
        return cls(
            model=p.req_str(data.get("model"), f"{what}.model"),
            seed=p.opt_int(data.get("seed"), f"{what}.seed"),
        )


class JobOptions(TypedDict, total=False):
    """The options of a new job, as keywords of `jobs.create`; one not given is not sent."""

    shots: int
    name: str
    metadata: Mapping[str, str]
    session_id: str
    settings: Settings
    noise: Noise
    dry_run: bool


class JobOverrides(JobOptions, total=False):
    """The keywords of `jobs.clone` and `jobs.move`: each one given overrides the source
    job's value, each one not given is inherited (and not sent)."""

    backend: str
    parent: str
