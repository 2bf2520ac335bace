"""Reading circuits back from JSON: untrusted input, checked like builder arguments."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ionq_facade._circuits import QASM3, Circuit, NativeCircuit, input_from_dict
from ionq_facade._errors import ArgumentTypeError, InvalidArgumentError

from .strategies import case_ids, native_circuits, no_deadline, qis_circuits

H0 = {"gate": "h", "target": 0}

# (what is wrong, the JSON, error type, message fragment) for Circuit.from_dict
QIS_BAD_JSON: list[tuple[str, Any, type[Exception], str]] = [
    ("not an object", [], ArgumentTypeError, "Circuit.from_dict: expected a JSON object"),
    ("a string", "{}", ArgumentTypeError, "expected a JSON object"),
    (
        "unknown field",
        {"circuit": [H0], "format": "ionq.circuit.v0"},
        InvalidArgumentError,
        "unexpected field(s) 'format'",
    ),
    (
        "native gateset",
        {"gateset": "native", "circuit": []},
        InvalidArgumentError,
        "gateset is 'native', expected 'qis'",
    ),
    ("no circuit", {"gateset": "qis", "qubits": 1}, InvalidArgumentError, "missing 'circuit'"),
    (
        "circuit not a list",
        {"qubits": 1, "circuit": {"gate": "h"}},
        ArgumentTypeError,
        "circuit must be a list",
    ),
    (
        "circuit a string",
        {"qubits": 1, "circuit": "h 0"},
        ArgumentTypeError,
        "circuit must be a list",
    ),
    (
        "qubits a string",
        {"qubits": "2", "circuit": [H0]},
        ArgumentTypeError,
        "qubits must be an int",
    ),
    (
        "qubits a float",
        {"qubits": 2.0, "circuit": [H0]},
        ArgumentTypeError,
        "qubits must be an int",
    ),
    (
        "zero qubits",
        {"qubits": 0, "circuit": []},
        InvalidArgumentError,
        "qubits must be at least 1",
    ),
    (
        "name a number",
        {"qubits": 1, "circuit": [H0], "name": 5},
        ArgumentTypeError,
        "name must be a string",
    ),
    (
        "nothing to infer qubits from",
        {"circuit": []},
        InvalidArgumentError,
        "no 'qubits' and no gates",
    ),
    (
        "gate not an object",
        {"qubits": 1, "circuit": [H0, "h"]},
        ArgumentTypeError,
        "circuit[1]: a gate must be a JSON object",
    ),
    (
        "gate without name",
        {"qubits": 1, "circuit": [{"target": 0}]},
        InvalidArgumentError,
        "circuit[0]: missing 'gate'",
    ),
    (
        "gate name not a string",
        {"qubits": 1, "circuit": [{"gate": 1, "target": 0}]},
        ArgumentTypeError,
        "'gate' must be a string",
    ),
    (
        "native gate in qis",
        {"qubits": 1, "circuit": [{"gate": "gpi", "target": 0, "phase": 0}]},
        InvalidArgumentError,
        "unknown qis gate 'gpi'",
    ),
    (
        "unknown gate",
        {"qubits": 1, "circuit": [{"gate": "H", "target": 0}]},
        InvalidArgumentError,
        "unknown qis gate 'H'",
    ),
    (
        "extra gate field",
        {"qubits": 1, "circuit": [{"gate": "h", "target": 0, "rotation": 1}]},
        InvalidArgumentError,
        "h: unexpected field(s) 'rotation'",
    ),
    (
        "controls on swap",
        {"qubits": 3, "circuit": [{"gate": "swap", "targets": [0, 1], "controls": [2]}]},
        InvalidArgumentError,
        "swap: unexpected field(s) 'controls'",
    ),
    (
        "target and targets",
        {"qubits": 2, "circuit": [{"gate": "h", "target": 0, "targets": [1]}]},
        InvalidArgumentError,
        "give 'target' or 'targets', not both",
    ),
    (
        "control and controls",
        {"qubits": 3, "circuit": [{"gate": "cnot", "target": 0, "control": 1, "controls": [2]}]},
        InvalidArgumentError,
        "give 'control' or 'controls', not both",
    ),
    (
        "no target",
        {"qubits": 1, "circuit": [{"gate": "x"}]},
        InvalidArgumentError,
        "x: missing 'target'",
    ),
    (
        "target past qubits",
        {"qubits": 2, "circuit": [H0, {"gate": "x", "target": 2}]},
        InvalidArgumentError,
        "circuit[1]: x: target 2 is not a qubit (the circuit has 2: 0..1)",
    ),
    (
        "negative target",
        {"circuit": [{"gate": "x", "target": -1}]},
        InvalidArgumentError,
        "x: target -1 is not a qubit",
    ),
    (
        "float target",
        {"qubits": 2, "circuit": [{"gate": "x", "target": 1.0}]},
        ArgumentTypeError,
        "x: target must be an int",
    ),
    (
        "null target",
        {"qubits": 2, "circuit": [{"gate": "x", "target": None}]},
        ArgumentTypeError,
        "x: target must be an int",
    ),
    (
        "two targets on h",
        {"qubits": 2, "circuit": [{"gate": "h", "targets": [0, 1]}]},
        InvalidArgumentError,
        "h: takes 1 target, got 2",
    ),
    (
        "one target on swap",
        {"qubits": 2, "circuit": [{"gate": "swap", "targets": [0]}]},
        InvalidArgumentError,
        "swap: takes 2 targets, got 1",
    ),
    (
        "targets not a list",
        {"qubits": 2, "circuit": [{"gate": "swap", "targets": 1}]},
        ArgumentTypeError,
        "swap: targets must be a list",
    ),
    (
        "cnot without control",
        {"qubits": 2, "circuit": [{"gate": "cnot", "target": 1}]},
        InvalidArgumentError,
        "cnot: needs a control",
    ),
    (
        "cnot on itself",
        {"qubits": 2, "circuit": [{"gate": "cnot", "control": 1, "target": 1}]},
        InvalidArgumentError,
        "cnot: qubit 1 is used twice",
    ),
    (
        "control a list",
        {"qubits": 3, "circuit": [{"gate": "cnot", "control": [0], "target": 1}]},
        ArgumentTypeError,
        "cnot: control must be an int",
    ),
    (
        "missing rotation",
        {"qubits": 1, "circuit": [{"gate": "rx", "target": 0}]},
        InvalidArgumentError,
        "rx: missing 'rotation'",
    ),
    (
        "null rotation",
        {"qubits": 1, "circuit": [{"gate": "rx", "target": 0, "rotation": None}]},
        ArgumentTypeError,
        "rx: rotation must be a real number",
    ),
    (
        "string rotation",
        {"qubits": 1, "circuit": [{"gate": "rx", "target": 0, "rotation": "1.5"}]},
        ArgumentTypeError,
        "rx: rotation must be a real number",
    ),
    (
        "bool rotation",
        {"qubits": 1, "circuit": [{"gate": "rx", "target": 0, "rotation": False}]},
        ArgumentTypeError,
        "rx: rotation must be a real number",
    ),
    (
        "pauliexp missing time",
        {
            "qubits": 1,
            "circuit": [{"gate": "pauliexp", "targets": [0], "terms": ["X"], "coefficients": [1]}],
        },
        InvalidArgumentError,
        "pauliexp: missing 'time'",
    ),
    (
        "pauliexp bad term",
        {
            "qubits": 1,
            "circuit": [
                {"gate": "pauliexp", "targets": [0], "terms": ["Q"], "coefficients": [1], "time": 1}
            ],
        },
        InvalidArgumentError,
        "term 'Q' must be 1 letters",
    ),
]

NATIVE_BAD_JSON: list[tuple[str, Any, type[Exception], str]] = [
    (
        "qis gateset",
        {"gateset": "qis", "circuit": []},
        InvalidArgumentError,
        "gateset is 'qis', expected 'native'",
    ),
    (
        "qis gate in native",
        {"qubits": 1, "circuit": [H0]},
        InvalidArgumentError,
        "unknown native gate 'h'",
    ),
    (
        "controls on gpi",
        {"qubits": 2, "circuit": [{"gate": "gpi", "target": 0, "phase": 0, "controls": [1]}]},
        InvalidArgumentError,
        "gpi: unexpected field(s) 'controls'",
    ),
    (
        "rotation on zz",
        {"qubits": 2, "circuit": [{"gate": "zz", "targets": [0, 1], "rotation": 0.1}]},
        InvalidArgumentError,
        "zz: unexpected field(s) 'rotation'",
    ),
    (
        "ms without phases",
        {"qubits": 2, "circuit": [{"gate": "ms", "targets": [0, 1]}]},
        InvalidArgumentError,
        "ms: missing 'phases'",
    ),
    (
        "ms with one phase",
        {"qubits": 2, "circuit": [{"gate": "ms", "targets": [0, 1], "phases": [0]}]},
        InvalidArgumentError,
        "ms: phases must be 2 numbers",
    ),
    (
        "gpi without phase",
        {"qubits": 1, "circuit": [{"gate": "gpi", "target": 0}]},
        InvalidArgumentError,
        "gpi: missing 'phase'",
    ),
    (
        "zz without angle",
        {"qubits": 2, "circuit": [{"gate": "zz", "targets": [0, 1]}]},
        InvalidArgumentError,
        "zz: missing 'angle'",
    ),
]


@pytest.mark.parametrize(
    ("_what", "data", "error", "fragment"), QIS_BAD_JSON, ids=case_ids(QIS_BAD_JSON)
)
def test_bad_qis_json_is_refused(
    _what: str, data: Any, error: type[Exception], fragment: str
) -> None:
    with pytest.raises(error, match=re.escape(fragment)):
        Circuit.from_dict(data)


@pytest.mark.parametrize(
    ("_what", "data", "error", "fragment"), NATIVE_BAD_JSON, ids=case_ids(NATIVE_BAD_JSON)
)
def test_bad_native_json_is_refused(
    _what: str, data: Any, error: type[Exception], fragment: str
) -> None:
    with pytest.raises(error, match=re.escape(fragment)):
        NativeCircuit.from_dict(data)


def test_message_names_the_class_and_the_gate_position() -> None:
    data = {"qubits": 2, "circuit": [H0, H0, {"gate": "rx", "target": 0, "rotation": "a"}]}
    with pytest.raises(ArgumentTypeError) as info:
        Circuit.from_dict(data)
    assert str(info.value).startswith("Circuit.from_dict: circuit[2]: rx: rotation")


# Spellings IonQ accepts besides the ones the builder writes, and what they mean.
EQUIVALENT_SPELLINGS: list[tuple[dict[str, Any], Circuit]] = [
    (
        {"qubits": 2, "circuit": [{"gate": "x", "targets": [1], "controls": [0]}]},
        Circuit(2).x(1, controls=[0]),
    ),
    (
        {"qubits": 2, "circuit": [{"gate": "x", "target": 1, "control": 0}]},
        Circuit(2).x(1, controls=0),
    ),
    (
        {"qubits": 3, "circuit": [{"gate": "cnot", "target": 0, "controls": [1, 2]}]},
        Circuit(3).cnot([1, 2], 0),
    ),
    (
        {"qubits": 2, "circuit": [{"gate": "cnot", "targets": [1], "controls": [0]}]},
        Circuit(2).cnot(0, 1),
    ),
    ({"circuit": [{"gate": "swap", "targets": [0, 3]}]}, Circuit(4).swap(0, 3)),
    (
        {"gateset": "qis", "qubits": 1, "circuit": [{"gate": "rx", "target": 0, "rotation": 1}]},
        Circuit(1).rx(0, 1.0),
    ),
    ({"qubits": 1, "circuit": [], "name": "empty"}, Circuit(1, name="empty")),
]


@pytest.mark.parametrize(("data", "expected"), EQUIVALENT_SPELLINGS)
def test_other_spellings_read_as_the_same_circuit(data: dict[str, Any], expected: Circuit) -> None:
    assert Circuit.from_dict(data) == expected


def test_missing_qubits_are_inferred_and_ms_angle_defaults() -> None:
    native = NativeCircuit.from_dict(
        {"circuit": [{"gate": "ms", "targets": [0, 2], "phases": [0, 0.5]}]}
    )
    assert native == NativeCircuit(3).ms(0, 2, phases=(0, 0.5), angle=0.25)
    assert native.qubits == 3


def test_from_dict_does_not_keep_references_to_the_input() -> None:
    data: dict[str, Any] = {"qubits": 2, "circuit": [{"gate": "swap", "targets": [0, 1]}]}
    circuit = Circuit.from_dict(data)
    data["circuit"][0]["targets"][1] = 0
    assert circuit.to_dict()["circuit"] == [{"gate": "swap", "targets": [0, 1]}]


def test_input_from_dict_picks_the_kind() -> None:
    assert input_from_dict({"data": "OPENQASM 3.0; qubit q;"}) == QASM3("OPENQASM 3.0; qubit q;")
    assert input_from_dict(
        {"gateset": "native", "circuit": [{"gate": "gpi", "target": 0, "phase": 0}]}
    ) == NativeCircuit(1).gpi(0, 0)
    assert input_from_dict({"circuit": [H0]}) == Circuit(1).h(0)
    with pytest.raises(InvalidArgumentError, match="gateset is 'other'"):
        input_from_dict({"gateset": "other", "circuit": []})
    with pytest.raises(ArgumentTypeError):
        input_from_dict(None)  # type: ignore[arg-type]


# --- fuzzing: whatever the JSON, the only failure is InvalidArgumentError ------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 6) | st.floats() | st.text(max_size=4),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
_FIELDS = (
    "gate",
    "target",
    "targets",
    "control",
    "controls",
    "rotation",
    "phase",
    "phases",
    "angle",
    "terms",
    "coefficients",
    "time",
    "qubits",
    "gateset",
    "circuit",
    "name",
)


@st.composite
def mangled(draw: st.DrawFn) -> object:
    """A valid circuit's JSON with one value replaced, one key dropped or one key added."""
    circuit = draw(qis_circuits(max_gates=4) | native_circuits(max_gates=4))
    data: Any = json.loads(json.dumps(circuit.to_dict()))
    node: Any = data
    if data["circuit"] and draw(st.booleans()):
        node = draw(st.sampled_from(data["circuit"]))
    action = draw(st.sampled_from(("replace", "drop", "add")))
    if action == "add" or not node:
        node[draw(st.sampled_from(_FIELDS))] = draw(json_values)
    elif action == "drop":
        del node[draw(st.sampled_from(sorted(node)))]
    else:
        node[draw(st.sampled_from(sorted(node)))] = draw(json_values)
    return data


@settings(no_deadline, max_examples=300)
@given(st.one_of(json_values, mangled()))
def test_any_json_either_parses_or_raises_invalid_argument(data: object) -> None:
    for reader in (Circuit.from_dict, NativeCircuit.from_dict, QASM3.from_dict, input_from_dict):
        try:
            result = reader(data)  # type: ignore[arg-type]
        except InvalidArgumentError:
            continue
        # Whatever parsed is a valid circuit: its own JSON reads back to the same JSON.
        # (`to_dict` is the job `input`, which carries no name, so compare JSON, not circuits.)
        assert type(result).from_dict(result.to_dict()).to_dict() == result.to_dict()
