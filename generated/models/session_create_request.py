from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.session_create_request_settings import SessionCreateRequestSettings


T = TypeVar("T", bound="SessionCreateRequest")


class SessionCreateRequest:
    """
    Attributes:
        backend (str):
        settings (SessionCreateRequestSettings | Unset):
    """

    __slots__ = (
        "backend",
        "settings",
    )

    def __init__(
        self,
        backend: str,
        settings: SessionCreateRequestSettings | Unset = UNSET,
    ) -> None:
        self.backend = backend
        self.settings = settings

    def __eq__(self, other: object) -> bool:
        if (
            not isinstance(other, SessionCreateRequest)
            or other.__class__ is not self.__class__
        ):
            return NotImplemented
        return (
            self.backend,
            self.settings,
        ) == (
            other.backend,
            other.settings,
        )

    def __repr__(self) -> str:
        return f"SessionCreateRequest(backend={self.backend!r}, settings={self.settings!r})"

    def to_dict(self) -> dict[str, Any]:
        backend = self.backend

        settings: dict[str, Any] | Unset = UNSET
        if not isinstance(self.settings, Unset):
            settings = self.settings.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "backend": backend,
            }
        )
        if settings is not UNSET:
            field_dict["settings"] = settings

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.session_create_request_settings import (
            SessionCreateRequestSettings,  # noqa: PLC0415
        )

        d = dict(src_dict)
        backend = d.pop("backend")

        _settings = d.pop("settings", UNSET)
        settings: SessionCreateRequestSettings | Unset
        if isinstance(_settings, Unset):
            settings = UNSET
        else:
            settings = SessionCreateRequestSettings.from_dict(_settings)

        session_create_request = cls(
            backend=backend,
            settings=settings,
        )

        return session_create_request
