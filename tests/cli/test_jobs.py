"""`ionq jobs ...` against the emulator: JSON parsed back, tables, exit codes, messages."""

from __future__ import annotations

import json
from pathlib import Path

from ionq_emulator.server import EmulatorServer

from .conftest import BELL, Cli

GHZ = {
    "gateset": "qis",
    "qubits": 3,
    "circuit": [
        {"gate": "h", "target": 0},
        {"gate": "cnot", "control": 0, "target": 1},
        {"gate": "cnot", "control": 1, "target": 2},
    ],
}
BELL_QASM = "OPENQASM 3;\ninclude \"stdgates.inc\";\nqubit[2] q;\nh q[0];\ncx q[0], q[1];\n"


def one_line(text: str) -> str:
    """The single line of an error message (fails when there is not exactly one)."""
    lines = text.strip().splitlines()
    assert len(lines) == 1, text
    return lines[0]


def test_create_reads_circuit_json_from_stdin(cli: Cli) -> None:
    answer = cli.json(
        "jobs", "create", "--shots", "123", "--name", "from stdin", input=json.dumps(BELL)
    )
    assert answer["status"] == "submitted"
    job = cli.json("jobs", "get", answer["id"])
    assert (job["id"], job["type"], job["shots"], job["name"]) == (
        answer["id"],
        "ionq.circuit.v1",
        123,
        "from stdin",
    )
    assert job["stats"]["gate_counts"] == {"1q": 1, "2q": 1}


def test_create_reads_a_whole_job_body_and_metadata_options(cli: Cli) -> None:
    body = {"type": "ionq.circuit.v1", "backend": "simulator", "input": BELL}
    answer = cli.json("jobs", "create", "-m", "team=qa", "-m", "run=7", input=json.dumps(body))
    job = cli.json("jobs", "get", answer["id"])
    assert job["metadata"] == {"team": "qa", "run": "7"}


def test_create_reads_openqasm_from_a_file_and_from_stdin(cli: Cli, tmp_path: Path) -> None:
    program = tmp_path / "bell.qasm"
    program.write_text(BELL_QASM)
    from_file = cli.json("jobs", "create", str(program))
    # On stdin, the OPENQASM header is what tells it apart from JSON.
    from_stdin = cli.json("jobs", "create", input="// a Bell pair\n" + BELL_QASM)
    for answer in (from_file, from_stdin):
        assert cli.json("jobs", "get", answer["id"])["type"] == "ionq.qasm3.v1"


def test_create_a_multi_circuit_job_from_a_list(cli: Cli, server: EmulatorServer) -> None:
    answer = cli.json("jobs", "create", input=json.dumps([BELL, GHZ]))
    job = cli.json("jobs", "get", answer["id"])
    assert job["type"] == "ionq.multi-circuit.v1"
    assert len(job["child_job_ids"]) == 2
    server.emulator.complete_all()
    result = cli("jobs", "results", answer["id"])
    assert result.exit_code == 0, result.output
    # One chart per circuit: the Bell pair's two states, then the GHZ state's.
    for state in ("|00⟩", "|11⟩", "|000⟩", "|111⟩"):
        assert state in result.stdout
    by_child = cli.json("jobs", "results", answer["id"])
    assert set(by_child) == set(job["child_job_ids"])


def test_bad_circuit_on_stdin_is_a_usage_error_on_one_line(cli: Cli) -> None:
    bad = {"qubits": 1, "circuit": [{"gate": "cnot", "control": 0, "target": 5}]}
    result = cli("jobs", "create", input=json.dumps(bad))
    assert result.exit_code == 2
    assert result.stdout == ""
    line = one_line(result.stderr)
    assert line.startswith("ionq: error: stdin: ")
    assert "target" in line


def test_neither_json_nor_qasm_is_a_usage_error(cli: Cli) -> None:
    result = cli("jobs", "create", input="h q[0];")
    assert result.exit_code == 2
    assert "nor OpenQASM 3" in one_line(result.stderr)


def test_a_missing_program_file_is_a_usage_error(cli: Cli, tmp_path: Path) -> None:
    result = cli("jobs", "create", str(tmp_path / "missing.json"))
    assert result.exit_code == 2
    assert "cannot read" in one_line(result.stderr)


def test_list_filters_and_follows_pages(cli: Cli, server: EmulatorServer) -> None:
    done = cli.submit()
    server.emulator.complete_all()
    queued = [cli.submit() for _ in range(3)]
    # One job a page: three pages for the three queued jobs, newest first.
    jobs = cli.json("jobs", "list", "--status", "submitted", "--page-size", "1", "--max", "10")
    assert [j["id"] for j in jobs] == queued[::-1]
    assert all(j["status"] == "submitted" for j in jobs)
    limited = cli.json("jobs", "list", "--page-size", "1", "--max", "2")
    assert len(limited) == 2
    table = cli("jobs", "list", "--status", "completed")
    assert table.exit_code == 0
    assert done in table.stdout
    assert not any(q in table.stdout for q in queued)


def test_get_shows_the_fields_for_people(cli: Cli) -> None:
    job_id = cli.submit(BELL, "--name", "people")
    result = cli("jobs", "get", job_id)
    assert result.exit_code == 0
    rows = {
        line.split()[0]: line.split()[1:] for line in result.stdout.splitlines() if line.strip()
    }
    assert rows["id"] == [job_id]
    assert rows["status"] == ["submitted"]
    assert rows["name"] == ["people"]


def test_wait_returns_the_completed_job(cli: Cli, server: EmulatorServer) -> None:
    job_id = cli.submit()
    server.emulator.advance(job_id, to="started")
    server.emulator.complete_all()
    job = cli.json("jobs", "wait", job_id, "--poll", "0.01")
    assert (job["id"], job["status"]) == (job_id, "completed")


def test_wait_for_several_lists_them(cli: Cli, server: EmulatorServer) -> None:
    ids = [cli.submit(), cli.submit()]
    server.emulator.complete_all()
    jobs = cli.json("jobs", "wait", *ids, "--poll", "0.01")
    assert [j["id"] for j in jobs] == ids


def test_wait_on_a_failed_job_exits_5_with_the_failure(cli: Cli, server: EmulatorServer) -> None:
    job_id = cli.submit()
    server.emulator.advance(job_id, to="failed")
    result = cli("jobs", "wait", job_id, "--json")
    assert result.exit_code == 5
    assert json.loads(result.stdout)["status"] == "failed"  # the job is still printed
    line = one_line(result.stderr)
    assert f"job {job_id} failed: QuantumComputerError" in line


def test_wait_on_a_canceled_job_exits_5(cli: Cli) -> None:
    job_id = cli.submit()
    assert cli("jobs", "cancel", job_id).exit_code == 0
    result = cli("jobs", "wait", job_id)
    assert result.exit_code == 5
    assert f"job {job_id} was canceled" in one_line(result.stderr)


def test_wait_timeout_exits_4(cli: Cli) -> None:
    job_id = cli.submit()  # nobody moves it on
    # Long enough for a first poll to be answered on a loaded machine ("not seen" otherwise).
    result = cli("jobs", "wait", job_id, "--timeout", "1.5", "--poll", "0.05")
    assert result.exit_code == 4
    line = one_line(result.stderr)
    assert "did not finish within 1.5s" in line
    assert "submitted" in line


def test_create_and_wait(cli: Cli, server: EmulatorServer) -> None:
    # A job completes only when advanced: a timeout shows the wait really waited.
    result = cli(
        "jobs", "create", "--wait", "--timeout", "0.2", "--poll", "0.05", input=json.dumps(BELL)
    )
    assert result.exit_code == 4
    server.emulator.complete_all()
    (job,) = cli.json("jobs", "list")
    assert job["status"] == "completed"


def test_move_of_a_completed_job_is_a_clear_409(cli: Cli, server: EmulatorServer) -> None:
    job_id = cli.submit()
    server.emulator.complete_all()
    result = cli("jobs", "move", job_id, "--backend", "qpu.aria-1")
    assert result.exit_code == 3
    assert result.stdout == ""
    line = one_line(result.stderr)
    assert line.startswith("ionq: error: HTTP 409 Conflict: ")
    assert job_id in line
    assert "cannot be moved" in line
    # No job was created.
    assert [j["id"] for j in cli.json("jobs", "list")] == [job_id]


def test_move_of_a_queued_job(cli: Cli) -> None:
    source = cli.submit(BELL, "--backend", "qpu.forte-1", "--shots", "50")
    moved = cli.json("jobs", "move", source, "--backend", "simulator")["id"]
    assert moved != source
    assert cli.json("jobs", "get", source)["status"] == "canceled"
    new = cli.json("jobs", "get", moved)
    assert new["metadata"]["original_job_id"] == source
    assert (new["backend"], new["shots"]) == ("simulator", 50)
    table = cli("jobs", "move", moved, "--backend", "qpu.aria-1")
    assert table.exit_code == 0
    assert f"Moved job {moved} to new job " in table.stdout


def test_clone_overrides_only_what_is_given(cli: Cli) -> None:
    source = cli.submit(BELL, "--shots", "100", "--name", "original")
    clone = cli.json("jobs", "clone", source, "--shots", "250")["id"]
    before, after = cli.json("jobs", "get", source), cli.json("jobs", "get", clone)
    assert after["shots"] == 250
    for key in ("name", "backend", "type", "noise", "settings", "metadata"):
        assert after[key] == before[key], key
    assert before["status"] == "submitted"  # a clone leaves the source alone


def test_cancel_one_and_several_and_a_409(cli: Cli, server: EmulatorServer) -> None:
    first = cli.submit()
    assert cli.json("jobs", "cancel", first)["id"] == first
    others = [cli.submit(), cli.submit()]
    assert set(cli.json("jobs", "cancel", *others)["ids"]) == set(others)
    again = cli("jobs", "cancel", first)
    assert again.exit_code == 3
    assert "HTTP 409" in one_line(again.stderr)


def test_results_and_cost(cli: Cli, server: EmulatorServer) -> None:
    job_id = cli.submit()
    early = cli("jobs", "results", job_id)
    assert early.exit_code == 3
    assert f"job {job_id} is submitted" in one_line(early.stderr)
    server.emulator.complete_all()
    assert cli.json("jobs", "results", job_id) == {"0": 0.5, "3": 0.5}
    chart = cli("jobs", "results", job_id)
    bars = [line for line in chart.stdout.splitlines() if "⟩" in line]
    assert [line.split()[0] for line in bars] == ["|00⟩", "|11⟩"]
    assert all(line.split()[-1] == "50.00%" for line in bars)
    cost = cli.json("jobs", "cost", job_id)
    assert cost["estimated_cost"]["unit"] == "usd"
    assert "billed" in cli("jobs", "cost", job_id).stdout


def test_delete_asks_for_yes_when_not_interactive(cli: Cli) -> None:
    job_id = cli.submit()
    refused = cli("jobs", "delete", job_id)
    assert refused.exit_code == 2
    assert "--yes" in one_line(refused.stderr)
    assert cli("jobs", "delete", job_id, "--yes").exit_code == 0
    gone = cli("jobs", "get", job_id)
    assert gone.exit_code == 3
    assert "HTTP 404" in one_line(gone.stderr)


def test_usage_errors_exit_2(cli: Cli) -> None:
    assert cli("jobs", "get").exit_code == 2
    assert cli("jobs", "create", "--shots", "0", input="{}").exit_code == 2
    assert cli("jobs", "frobnicate").exit_code == 2
    seedless = cli("jobs", "create", "--noise-seed", "3", input=json.dumps(BELL))
    assert seedless.exit_code == 2
    assert "--noise-seed needs --noise-model" in one_line(seedless.stderr)
    bad_id = cli("jobs", "get", "../whoami")
    assert bad_id.exit_code == 2
    assert "not a valid id" in one_line(bad_id.stderr)


def test_clone_and_move_can_wait_for_the_new_job(cli: Cli, server: EmulatorServer) -> None:
    from .test_conventions import complete_on_second_poll

    source = cli.submit()
    server.emulator.complete_all()
    complete_on_second_poll(server)  # the clone request, then its first poll: completed
    cloned = cli("jobs", "clone", source, "--wait", "--poll", "0.05", "--json")
    assert cloned.exit_code == 0, cloned.output
    clone = json.loads(cloned.stdout)
    assert (clone["status"], clone["id"] != source) == ("completed", True)
    queued = cli.submit()
    complete_on_second_poll(server)
    moved = cli("jobs", "move", queued, "--wait", "--poll", "0.05", "--json")
    assert moved.exit_code == 0, moved.output
    new = json.loads(moved.stdout)
    assert new["status"] == "completed"
    assert new["metadata"]["original_job_id"] == queued


def test_limit_is_not_a_cli_option(cli: Cli) -> None:
    # The Python API's `limit` is a page size: the CLI calls it --page-size, and the
    # most jobs to show --max, so no option means one thing here and another there.
    result = cli("jobs", "list", "--limit", "5")
    assert result.exit_code == 2
    assert "No such option: --limit" in result.stderr
