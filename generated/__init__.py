"""A client library for accessing IonQ Quantum Cloud API"""

# From templates/package_init.py.jinja: the client is imported on first use, so that the
# façade's imports of `views`, `lifecycle` and the endpoints do not load it.
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)


def __getattr__(name: str) -> object:
    if name in __all__:
        from . import client

        return getattr(client, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
