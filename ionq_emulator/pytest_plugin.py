"""The pytest plugin of the emulator: fixtures for testing code that talks to IonQ.

Registered by the ``pytest11`` entry point of ionq-facade, so it is active wherever the
package is installed; no ``pytest_plugins`` line is needed. Nothing of the emulator is
imported until a fixture is used, so a suite that uses none of them (or an install
without the ``emulator`` extra) pays nothing.

Fixtures (``pytest --fixtures`` lists them): ``ionq_emulator`` (the running server),
``ionq_client`` (an ``IonQ``), ``ionq_async_client`` (an ``AsyncIonQ``), ``ionq_env``
(``IONQ_API_KEY``/``IONQ_API_URL`` pointing at it), ``ionq_emulator_options`` (the
options, to override in a conftest.py) and ``ionq_vcr_config`` (pytest-recording's
configuration for IonQ traffic). Per test, a marker::

    @pytest.mark.ionq_emulator(mode="manual", seed=7, faults=["route=/jobs*,503=0.2"])
    def test_retries(ionq_client): ...
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, Final

import pytest

if TYPE_CHECKING:
    from ionq_emulator.server import EmulatorServer
    from ionq_facade import AsyncIonQ, IonQ

__all__ = [
    "MARKER",
    "ionq_async_client",
    "ionq_client",
    "ionq_emulator",
    "ionq_emulator_options",
    "ionq_env",
    "ionq_vcr_config",
    "pytest_recording_configure",
]

MARKER: Final = "ionq_emulator"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        f"{MARKER}(**options): options of this test's emulator (mode='auto'|'manual'|'clock', "
        "seed, dwell, faults, keys, and any other EmulatorConfig field); "
        "they override the ionq_emulator_options fixture",
    )


@pytest.fixture
def ionq_emulator_options() -> dict[str, Any]:
    """Options of the emulator behind the ionq_* fixtures: ``{"mode": "auto"}``.

    Override this fixture (in a conftest.py, or a test module) to change them for many
    tests; the ``ionq_emulator`` marker changes them for one. Keys: ``mode`` (``auto``:
    jobs end at the next request, so ``jobs.wait`` returns at once; ``manual``: jobs move
    only through ``ionq_emulator.emulator.advance()``/``complete_all()``; ``clock``:
    after ``dwell`` seconds per state), ``seed`` (reproducible ids, clock, noise and
    faults), ``dwell``, ``faults`` (rule strings such as ``"route=/jobs*,503=0.2"``),
    ``keys`` (API key -> project), and any other ``EmulatorConfig`` field.
    """
    return {"mode": "auto"}


@pytest.fixture
def ionq_emulator(
    request: pytest.FixtureRequest, ionq_emulator_options: dict[str, Any]
) -> Iterator[EmulatorServer]:
    """A fresh emulator served on a free loopback port for this test (an
    ``EmulatorServer``: ``.base_url``, and ``.emulator`` for in-process controls such as
    ``advance()``, ``complete_all()``, ``set_faults()``, ``job(id)``).

    Configured by ``ionq_emulator_options`` and the ``ionq_emulator`` marker. Every answer
    is checked against the contract (openapi.yaml); the test errors at teardown, listing
    them, if any answer broke it.
    """
    from ionq_emulator.testing import checked_emulator_server, emulator_options

    marker = request.node.get_closest_marker(MARKER)
    if marker is not None and marker.args:
        raise TypeError(f"@pytest.mark.{MARKER} takes keyword options only")
    options = {**ionq_emulator_options, **(marker.kwargs if marker is not None else {})}
    with checked_emulator_server(**emulator_options(**options)) as server:
        yield server


@pytest.fixture
def ionq_client(ionq_emulator: EmulatorServer) -> Iterator[IonQ]:
    """An ``IonQ`` client of this test's emulator, with the test API key
    (``ionq_emulator.testing.TEST_API_KEY``); closed after the test."""
    from ionq_emulator.testing import client

    with client(ionq_emulator) as ionq:
        yield ionq


@pytest.fixture
def ionq_async_client(ionq_emulator: EmulatorServer) -> AsyncIonQ:
    """An ``AsyncIonQ`` client of this test's emulator, with the test API key.

    Usable from one event loop after another (pytest-asyncio, anyio, ``asyncio.run``):
    the client starts a fresh connection pool when the loop it last used has closed.
    """
    from ionq_emulator.testing import async_client

    return async_client(ionq_emulator)


@pytest.fixture
def ionq_env(ionq_emulator: EmulatorServer, monkeypatch: pytest.MonkeyPatch) -> EmulatorServer:
    """``IONQ_API_KEY`` and ``IONQ_API_URL`` set to this test's emulator (the test key and
    its base URL), for application code that builds its own ``IonQ()``."""
    from ionq_emulator.testing import TEST_API_KEY

    monkeypatch.setenv("IONQ_API_KEY", TEST_API_KEY)
    monkeypatch.setenv("IONQ_API_URL", ionq_emulator.base_url)
    return ionq_emulator


@pytest.fixture(scope="module")
def ionq_vcr_config() -> dict[str, Any]:
    """pytest-recording configuration for IonQ traffic (``ionq_emulator.recording``):
    the API key (the test key, ``IONQ_API_KEY``) and idempotency keys scrubbed, loopback
    origins recorded port-free, matching on method, path, query and JSON body. Use it as
    your ``vcr_config``::

        @pytest.fixture(scope="module")
        def vcr_config(ionq_vcr_config):
            return ionq_vcr_config
    """
    from ionq_emulator.recording import vcr_config

    return vcr_config()


@pytest.hookimpl(optionalhook=True)
def pytest_recording_configure(config: pytest.Config, vcr: Any) -> None:
    """pytest-recording's hook: register the matchers ``ionq_vcr_config`` names."""
    from ionq_emulator.recording import register_matchers

    register_matchers(vcr)
