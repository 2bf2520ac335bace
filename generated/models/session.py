from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.session_settings import SessionSettings


T = TypeVar("T", bound="Session")


@_attrs_define
class Session:
    """
    Attributes:
        id (str):
        status (str):
        active (bool | Unset):
        backend (None | str | Unset):
        created_at (str | Unset):
        started_at (None | str | Unset):
        ended_at (None | str | Unset):
        organization_id (str | Unset):
        project_id (None | str | Unset):
        creator_id (None | str | Unset):
        ender_id (None | str | Unset):
        settings (SessionSettings | Unset):
    """

    id: str
    status: str
    active: bool | Unset = UNSET
    backend: None | str | Unset = UNSET
    created_at: str | Unset = UNSET
    started_at: None | str | Unset = UNSET
    ended_at: None | str | Unset = UNSET
    organization_id: str | Unset = UNSET
    project_id: None | str | Unset = UNSET
    creator_id: None | str | Unset = UNSET
    ender_id: None | str | Unset = UNSET
    settings: SessionSettings | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        status = self.status

        active = self.active

        backend: None | str | Unset
        if isinstance(self.backend, Unset):
            backend = UNSET
        else:
            backend = self.backend

        created_at = self.created_at

        started_at: None | str | Unset
        if isinstance(self.started_at, Unset):
            started_at = UNSET
        else:
            started_at = self.started_at

        ended_at: None | str | Unset
        if isinstance(self.ended_at, Unset):
            ended_at = UNSET
        else:
            ended_at = self.ended_at

        organization_id = self.organization_id

        project_id: None | str | Unset
        if isinstance(self.project_id, Unset):
            project_id = UNSET
        else:
            project_id = self.project_id

        creator_id: None | str | Unset
        if isinstance(self.creator_id, Unset):
            creator_id = UNSET
        else:
            creator_id = self.creator_id

        ender_id: None | str | Unset
        if isinstance(self.ender_id, Unset):
            ender_id = UNSET
        else:
            ender_id = self.ender_id

        settings: dict[str, Any] | Unset = UNSET
        if not isinstance(self.settings, Unset):
            settings = self.settings.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
            }
        )
        if active is not UNSET:
            field_dict["active"] = active
        if backend is not UNSET:
            field_dict["backend"] = backend
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if started_at is not UNSET:
            field_dict["started_at"] = started_at
        if ended_at is not UNSET:
            field_dict["ended_at"] = ended_at
        if organization_id is not UNSET:
            field_dict["organization_id"] = organization_id
        if project_id is not UNSET:
            field_dict["project_id"] = project_id
        if creator_id is not UNSET:
            field_dict["creator_id"] = creator_id
        if ender_id is not UNSET:
            field_dict["ender_id"] = ender_id
        if settings is not UNSET:
            field_dict["settings"] = settings

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.session_settings import SessionSettings  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        status = d.pop("status")

        active = d.pop("active", UNSET)

        def _parse_backend(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        backend = _parse_backend(d.pop("backend", UNSET))

        created_at = d.pop("created_at", UNSET)

        def _parse_started_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        started_at = _parse_started_at(d.pop("started_at", UNSET))

        def _parse_ended_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ended_at = _parse_ended_at(d.pop("ended_at", UNSET))

        organization_id = d.pop("organization_id", UNSET)

        def _parse_project_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        project_id = _parse_project_id(d.pop("project_id", UNSET))

        def _parse_creator_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        creator_id = _parse_creator_id(d.pop("creator_id", UNSET))

        def _parse_ender_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ender_id = _parse_ender_id(d.pop("ender_id", UNSET))

        _settings = d.pop("settings", UNSET)
        settings: SessionSettings | Unset
        if isinstance(_settings, Unset):
            settings = UNSET
        else:
            settings = SessionSettings.from_dict(_settings)

        session = cls(
            id=id,
            status=status,
            active=active,
            backend=backend,
            created_at=created_at,
            started_at=started_at,
            ended_at=ended_at,
            organization_id=organization_id,
            project_id=project_id,
            creator_id=creator_id,
            ender_id=ender_id,
            settings=settings,
        )

        session.additional_properties = d
        return session

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
