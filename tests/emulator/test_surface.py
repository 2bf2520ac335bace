"""The emulator serves every operation of the contract; its server starts and stops."""

from __future__ import annotations

import httpx

from ionq_emulator.app import HANDLERS
from ionq_emulator.server import EmulatorServer
from ionq_emulator.spec import load_spec


def test_every_operation_has_a_handler() -> None:
    assert set(HANDLERS) == set(load_spec().operations)


def test_every_operation_is_routed(manual_server: EmulatorServer) -> None:
    headers = {"Authorization": "apiKey routing"}
    for op in load_spec().operations.values():
        path = op.path.replace("{backend}", "simulator")
        for name in ("{UUID}", "{session_id}", "{artifactId}"):
            path = path.replace(name, "x")
        response = httpx.request(op.method, manual_server.base_url + path, headers=headers)
        assert response.status_code != 405, op.operation_id
        assert "No such route." not in response.text, op.operation_id


def test_server_lifecycle_and_repr() -> None:
    server = EmulatorServer()
    assert "not started" in repr(server)
    with server:
        assert server.base_url.startswith("http://127.0.0.1:")
        assert server.base_url.endswith("/v0.4")
        assert httpx.get(server.base_url + "/backends").status_code == 200
        assert server.base_url in repr(server)
    try:
        httpx.get(server.url + "/v0.4/backends", timeout=1)
    except httpx.TransportError:
        pass
    else:
        raise AssertionError("the server still answers after stop()")
