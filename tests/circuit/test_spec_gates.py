"""The gates come from openapi.yaml: a gate added to a copy of the spec is buildable after
scripts/regenerate, typed and checked, with nothing else changed; a gate the spec does not
describe fully stops the generator."""

from __future__ import annotations

import copy
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.project_copy import ROOT, copy_project

BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT / "scripts"))
import gates_codegen  # noqa: E402

# A two-qubit qis gate with a parameter no gate had: `theta`, a positive number.
QIS_ENUM = "rx, ry, rz, h, s, si, v, vi, t, ti, not, cnot, swap, xx, yy, zz, pauliexp]"
QIS_XGATE = "        zz: {targets: 2, params: [rotation]}\n"
QIS_PROP = "        rotation: {type: number, description: Angle in radians.}\n"
RZZ_XGATE = "        rzz: {targets: 2, controls: optional, params: [theta]}\n"
RZZ_PROP = "        theta: {type: number, exclusiveMinimum: true, minimum: 0}\n"

CONSUMER = """\
from collections.abc import Callable

from ionq_facade import Circuit, InvalidArgumentError, ArgumentTypeError

c = Circuit(3).rzz(2, 0, 0.5).rzz(0, 1, theta=1.5, controls=[2])
assert c.to_input() == {
    "gateset": "qis",
    "qubits": 3,
    "circuit": [
        {"gate": "rzz", "targets": [2, 0], "theta": 0.5},
        {"gate": "rzz", "controls": [2], "targets": [0, 1], "theta": 1.5},
    ],
}, c.to_input()
assert Circuit.from_dict(c.to_dict()) == c
assert eval(repr(c), {"Circuit": Circuit}) == c
assert c.gates[0].theta == 0.5


def refused(call: Callable[[], object], error: type[Exception]) -> None:
    try:
        call()
    except error as exc:
        print(exc)
    else:
        raise AssertionError("accepted")


refused(lambda: Circuit(2).rzz(0, 1, -1.0), InvalidArgumentError)
refused(lambda: Circuit(2).rzz(0, 0, 1.0), InvalidArgumentError)
refused(lambda: Circuit(2).rzz(0, 1, "x"), ArgumentTypeError)
print("ok")
"""


def _add_gate(spec: Path) -> None:
    text = spec.read_text()
    for anchor, added in [
        (QIS_ENUM, QIS_ENUM.replace("]", ", rzz]")),
        (QIS_XGATE, QIS_XGATE + RZZ_XGATE),
        (QIS_PROP, QIS_PROP + RZZ_PROP),
    ]:
        assert text.count(anchor) == 1, anchor
        text = text.replace(anchor, added)
    spec.write_text(text)


def test_a_gate_added_to_the_spec_is_buildable_after_regenerate(tmp_path: Path) -> None:
    copy_project(tmp_path)
    _add_gate(tmp_path / "openapi.yaml")
    env = dict(os.environ, PYTHONPATH=str(tmp_path))

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            args, cwd=tmp_path, env=env, capture_output=True, text=True, check=False, timeout=600
        )

    regenerated = run(sys.executable, "scripts/regenerate")
    assert regenerated.returncode == 0, regenerated.stderr
    (tmp_path / "consumer.py").write_text(CONSUMER)
    ran = run(sys.executable, "consumer.py")
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.splitlines() == [
        "rzz: theta must be positive, got -1.0",
        "rzz: qubit 0 is used twice (controls [], targets [0, 0]); "
        "a gate's qubits must be distinct",
        "rzz: theta must be a real number, got 'x' (str)",
        "ok",
    ]
    # The new method is typed: the one wrongly typed call is the only error.
    checked = run(str(BIN / "mypy"), "--no-incremental", "consumer.py")
    assert checked.returncode == 1, checked.stdout
    assert 'Argument 3 to "rzz" of "QisGates" has incompatible type "str"' in checked.stdout
    assert "Found 1 error" in checked.stdout, checked.stdout


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((ROOT / "openapi.yaml").read_text())
    return loaded


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (
            lambda s: s["properties"]["gate"]["enum"].append("sx"),
            r"x-gates must describe exactly the gate enum; only in the enum: \['sx'\]",
        ),
        (
            lambda s: s["x-gates"]["rx"].update(params=["phase"]),
            "'phase' is not a parameter property of QisGate",
        ),
        (
            lambda s: s["x-gates"]["zz"].update(targets=1),
            "another gateset's zz takes other qubits",
        ),
        (
            lambda s: s["x-gates"]["h"].update(targets=0),
            "targets must be a count or 'many'",
        ),
        (
            lambda s: s["x-gates"]["h"].update(controls="sometimes"),
            "controls must be one of",
        ),
        (
            lambda s: s["properties"].update(label={"type": "string"}),
            "QisGate.label: a gate parameter must be a number",
        ),
        (
            lambda s: s["x-gates"]["pauliexp"].pop("params"),
            "QisGate.terms: no gate in x-gates takes it",
        ),
    ],
)
def test_an_incomplete_gate_description_stops_the_generator(
    spec: dict[str, Any], edit: Any, message: str
) -> None:
    edited = copy.deepcopy(spec)
    edit(edited["components"]["schemas"]["QisGate"])
    with pytest.raises(gates_codegen.SpecError, match=message):
        gates_codegen.render(edited)
