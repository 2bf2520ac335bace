"""`ionq backends`, `ionq sessions`, `ionq whoami`: the API's JSON and tables for people."""

from __future__ import annotations

import httpx

from ionq_emulator.server import EmulatorServer

from .conftest import Cli, table_rows


def test_backends_json_is_the_apis(cli: Cli) -> None:
    backends = cli.json("backends")
    by_name = {b["backend"]: b for b in backends}
    assert by_name["simulator"]["status"] == "available"
    assert by_name["qpu.forte-1"]["qubits"] == 36
    assert cli.json("backends", "qpu.aria-1")["backend"] == "qpu.aria-1"


def test_backends_table(cli: Cli) -> None:
    result = cli("backends")
    assert result.exit_code == 0
    rows = {row[0]: row[1:] for row in table_rows(result.stdout)}
    assert rows["simulator"][:3] == ["available", "29", "0 ms"]
    assert rows["qpu.forte-1"][:3] == ["available", "36", "20 min"]
    assert rows["qpu.harmony"][0] == "retired"


def test_unknown_backend_is_an_api_error(cli: Cli) -> None:
    result = cli("backends", "qpu.nonesuch")
    assert result.exit_code == 3
    assert "HTTP 404" in result.stderr


def test_whoami(cli: Cli) -> None:
    who = cli.json("whoami")
    assert set(who) >= {"key_id", "key_name"}
    assert cli.api_key not in str(who)
    table = cli("whoami")
    assert table.exit_code == 0
    assert who["key_id"] in table.stdout


def test_sessions(cli: Cli, server: EmulatorServer) -> None:
    assert cli.json("sessions")["sessions"] == []
    assert cli("sessions").stderr.strip() == "No sessions."
    with httpx.Client(headers={"Authorization": f"apiKey {cli.api_key}"}) as http:
        created = http.post(f"{server.base_url}/sessions", json={"backend": "qpu.aria-1"})
        created.raise_for_status()
    session_id = created.json()["id"]
    listed = cli.json("sessions", "--active")
    assert [s["id"] for s in listed["sessions"]] == [session_id]
    assert cli.json("sessions", session_id)["id"] == session_id
    table = cli("sessions")
    assert session_id in table.stdout
    assert "qpu.aria-1" in table.stdout
