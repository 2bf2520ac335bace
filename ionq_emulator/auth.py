"""API keys -> projects.

``Authorization: apiKey <key>`` is the only accepted form (IonQ's docs, ionq-core,
qiskit-ionq and cirq-ionq all send it). Without a key file every distinct key is its
own project. A key file maps keys to projects and is then the list of valid keys.

The key itself is never stored, logged or echoed: its id is a hash of it.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import yaml

from ionq_emulator.errors import ApiError

__all__ = ["KeyRing", "Principal", "load_key_file"]

_NAMESPACE: Final = uuid.UUID("0b5d1b52-8f0e-4b52-9a8b-6a7c0f1f4c11")
ORGANIZATION_ID: Final = "ionq-emulator-org"


@dataclass(frozen=True, slots=True)
class Principal:
    """Who is calling: a key (by id, never by value) and its project."""

    key_id: str
    key_name: str
    project_id: str

    def __repr__(self) -> str:
        return f"Principal(key_id={self.key_id!r}, project_id={self.project_id!r})"


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def _project_id(name: str) -> str:
    try:
        return str(uuid.UUID(name))
    except ValueError:
        return str(uuid.uuid5(_NAMESPACE, f"project:{name}"))


class KeyRing:
    """Resolves an Authorization header to a Principal, or raises the 401 ApiError."""

    def __init__(self, keys: Mapping[str, Any] | None = None) -> None:
        # key digest -> (project name, key name); None: any key is its own project.
        self._known: dict[str, tuple[str, str | None]] | None = None
        if keys is not None:
            self._known = {}
            for key, entry in keys.items():
                if isinstance(entry, str):
                    self._known[_digest(str(key))] = (entry, None)
                elif isinstance(entry, Mapping) and isinstance(entry.get("project"), str):
                    name = entry.get("name")
                    self._known[_digest(str(key))] = (
                        entry["project"],
                        name if isinstance(name, str) else None,
                    )
                else:
                    raise ValueError(
                        "each key file entry must be a project name or {project, name}"
                    )

    def principal_for_key(self, key: str) -> Principal:
        digest = _digest(key)
        key_id = str(uuid.uuid5(_NAMESPACE, f"key:{digest}"))  # a UUID, as IonQ's Whoami says
        if self._known is None:
            return Principal(key_id, f"emulator key {key_id[:8]}", _project_id(f"key:{digest}"))
        found = self._known.get(digest)
        if found is None:
            raise ApiError(401, "Invalid API key.", error="Unauthorized")
        project, name = found
        return Principal(key_id, name or f"emulator key {key_id[:8]}", _project_id(project))

    def authenticate(self, header: str | None) -> Principal:
        if header is None or not header.strip():
            raise ApiError(
                401,
                "Missing Authorization header; send `Authorization: apiKey <key>`.",
                error="Unauthorized",
            )
        scheme, _, key = header.strip().partition(" ")
        key = key.strip()
        if scheme.lower() != "apikey" or not key or any(c.isspace() for c in key):
            raise ApiError(
                401,
                "Malformed Authorization header; send `Authorization: apiKey <key>`.",
                error="Unauthorized",
            )
        return self.principal_for_key(key)


def load_key_file(path: str | Path) -> dict[str, Any]:
    """A JSON or YAML mapping ``key -> project`` (or ``key -> {project, name}``)."""
    text = Path(path).read_text(encoding="utf-8")
    data = json.loads(text) if str(path).endswith(".json") else yaml.safe_load(text)
    if not isinstance(data, dict):
        raise ValueError(f"{path}: a key file must be a mapping of API keys to projects")
    return data
