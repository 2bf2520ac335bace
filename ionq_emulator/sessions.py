"""Sessions: a project's reservation of a backend for a run of jobs.

A session is ``created``, becomes ``started`` when its first job starts, and ``ended``
when ended by request or when its ``duration_limit_min`` has passed. Jobs can be
submitted into a session until it ends or reaches ``job_count_limit``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from ionq_emulator.auth import ORGANIZATION_ID, Principal
from ionq_emulator.catalog import BACKENDS
from ionq_emulator.clock import Clock, isoformat
from ionq_emulator.errors import ApiError
from ionq_emulator.store import SessionRecord, Store

__all__ = ["SessionService"]


#: Longer duration limits are treated as this many minutes (about 190 years).
_LONGEST_MIN: Final = 10**8


def _duration_s(session: SessionRecord) -> float | None:
    limit = session.settings.get("duration_limit_min")
    if isinstance(limit, int) and not isinstance(limit, bool):
        return 60.0 * min(limit, _LONGEST_MIN)
    return None


class SessionService:
    def __init__(self, store: Store, clock: Clock) -> None:
        self.store = store
        self.clock = clock

    def visible(self, principal: Principal, session_id: str) -> SessionRecord:
        session = self.store.sessions.get(session_id)
        if session is None or session.project_id != principal.project_id:
            raise ApiError.not_found(f"No session with id {session_id!r}.")
        return session

    def session_json(self, session: SessionRecord) -> dict[str, Any]:
        settings = dict(session.settings)
        duration = _duration_s(session)
        if duration is not None:
            settings["expires_at"] = isoformat(session.created_at + duration)
        return {
            "id": session.id,
            "status": session.status,
            "active": session.status != "ended",
            "backend": session.backend,
            "created_at": isoformat(session.created_at),
            "started_at": isoformat(session.started_at) if session.started_at is not None else None,
            "ended_at": isoformat(session.ended_at) if session.ended_at is not None else None,
            "organization_id": ORGANIZATION_ID,
            "project_id": session.project_id,
            "creator_id": session.creator_id,
            "ender_id": session.ender_id,
            "settings": settings,
        }

    def expire(self) -> None:
        """End every session whose duration limit has passed (call inside a unit)."""
        now = self.clock.now()
        for session in self.store.sessions.values():
            duration = _duration_s(session)
            if (
                session.status != "ended"
                and duration is not None
                and now >= session.created_at + duration
            ):
                session.status = "ended"
                session.ended_at = session.created_at + duration
                self.store.put_session(session)

    def create(self, principal: Principal, body: Mapping[str, Any]) -> dict[str, Any]:
        backend = BACKENDS.get(str(body["backend"]))
        if backend is None or backend.status == "retired":
            raise ApiError.bad_request(
                f"unknown or retired backend {body['backend']!r}", keys=["backend"], source="body"
            )
        with self.store.unit():
            session = SessionRecord(
                id=self.store.ids.new(),
                seq=self.store.next_seq(),
                project_id=principal.project_id,
                backend=backend.name,
                status="created",
                created_at=self.clock.now(),
                creator_id=principal.key_id,
                settings=dict(body.get("settings") or {}),
            )
            self.store.put_session(session)
            return self.session_json(session)

    def get(self, principal: Principal, session_id: str) -> dict[str, Any]:
        with self.store.lock:
            return self.session_json(self.visible(principal, session_id))

    def list_sessions(self, principal: Principal, active: bool | None) -> dict[str, Any]:
        with self.store.lock:
            sessions = sorted(
                (
                    s
                    for s in self.store.sessions.values()
                    if s.project_id == principal.project_id
                    and (active is None or (s.status != "ended") == active)
                ),
                key=lambda s: -s.seq,
            )
            return {
                "organization_id": ORGANIZATION_ID,
                "sessions": [self.session_json(s) for s in sessions],
            }

    def end(self, principal: Principal, session_id: str) -> dict[str, Any]:
        with self.store.unit():
            session = self.visible(principal, session_id)
            if session.status == "ended":
                raise ApiError.conflict(f"Session {session_id!r} has already ended.")
            session.status = "ended"
            session.ended_at = self.clock.now()
            session.ender_id = principal.key_id
            self.store.put_session(session)
            return self.session_json(session)
