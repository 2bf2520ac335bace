"""Reading programs for `ionq jobs create`: every accepted shape, and clear refusals."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ionq_cli.errors import CliError, ExitCode
from ionq_cli.inputs import ProgramFormat, parse_pairs, parse_program, read_program
from ionq_facade import QASM3, Circuit, NativeCircuit

from .conftest import BELL

AUTO = ProgramFormat.AUTO
NATIVE = {
    "gateset": "native",
    "qubits": 1,
    "circuit": [{"gate": "gpi", "target": 0, "phase": 0.25}],
}


def parse(data: object, fmt: ProgramFormat = AUTO) -> object:
    text = data if isinstance(data, str) else json.dumps(data)
    return parse_program(text, fmt, where="test")


def refusal(data: object, fmt: ProgramFormat = AUTO) -> str:
    with pytest.raises(CliError) as caught:
        parse(data, fmt)
    assert caught.value.code is ExitCode.USAGE
    return str(caught.value)


def test_one_circuit() -> None:
    assert parse(BELL) == Circuit(2).h(0).cnot(0, 1)
    assert parse(NATIVE) == NativeCircuit(1).gpi(0, 0.25)


def test_a_job_body_uses_its_input() -> None:
    assert parse({"type": "ionq.circuit.v1", "input": BELL}) == Circuit(2).h(0).cnot(0, 1)


def test_several_circuits_as_a_list_or_an_object() -> None:
    named = {**BELL, "name": "bell"}
    as_list = parse([named, NATIVE])
    as_object = parse({"gateset": "qis", "circuits": [named, BELL]})
    assert as_list == [Circuit(2, name="bell").h(0).cnot(0, 1), NativeCircuit(1).gpi(0, 0.25)]
    assert as_object == [Circuit(2, name="bell").h(0).cnot(0, 1), Circuit(2).h(0).cnot(0, 1)]
    # The gateset named once for all circuits applies to each.
    entry = {"circuit": NATIVE["circuit"]}
    assert parse({"gateset": "native", "circuits": [entry]}) == [NativeCircuit(1).gpi(0, 0.25)]


def test_openqasm_by_header_or_by_format() -> None:
    source = "// Bell\n\nOPENQASM 3;\nqubit[2] q;\nh q[0];\n"
    assert parse(source) == QASM3(source)
    assert parse("qubit[1] q;", ProgramFormat.QASM) == QASM3("qubit[1] q;")
    assert parse({"data": source}) == QASM3(source)


def test_refusals_name_the_problem() -> None:
    assert "test: not circuit JSON" in refusal("h q[0];")
    assert "expected a JSON object or list, got int" in refusal(3)
    assert "circuits[1]" in refusal([BELL, {"circuit": [{"gate": "nope", "target": 0}]}])
    assert "at least one circuit" in refusal([])
    assert "'circuits' must be a list" in refusal({"circuits": {}})
    assert "circuits[0] must be a JSON object" in refusal(["x"])
    assert "unexpected field" in refusal({**BELL, "shots": 3})
    assert "source is empty" in refusal("  ", ProgramFormat.QASM)


def test_read_program_from_files(tmp_path: Path) -> None:
    qasm = tmp_path / "p.qasm"
    qasm.write_text("qubit q;\nh q;\n")  # no header: the suffix says QASM
    assert read_program(str(qasm)) == QASM3("qubit q;\nh q;\n")
    as_json = tmp_path / "p.json"
    as_json.write_text(json.dumps(BELL))
    assert read_program(str(as_json)) == Circuit(2).h(0).cnot(0, 1)
    binary = tmp_path / "p.bin"
    binary.write_bytes(b"\xff\xfe\x00")
    with pytest.raises(CliError, match="cannot read"):
        read_program(str(binary))
    as_json.write_text("{")
    with pytest.raises(CliError, match=f"{as_json}: not circuit JSON"):
        read_program(str(as_json))


def test_key_value_pairs() -> None:
    assert parse_pairs(["a=1", "b=x=y", "c="], "--metadata") == {"a": "1", "b": "x=y", "c": ""}
    for bad in ("novalue", "=1"):
        with pytest.raises(CliError, match="--metadata takes key=value"):
            parse_pairs([bad], "--metadata")
