"""The client's namespaces: `jobs`, `backends`, `characterizations`, `sessions`."""

from .backends import AsyncBackends, AsyncCharacterizations, Backends, Characterizations
from .jobs import AsyncJobs, Jobs
from .sessions import AsyncSessions, Sessions

__all__ = [
    "AsyncBackends",
    "AsyncCharacterizations",
    "AsyncJobs",
    "AsyncSessions",
    "Backends",
    "Characterizations",
    "Jobs",
    "Sessions",
]
