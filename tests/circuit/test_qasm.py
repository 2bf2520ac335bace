"""OpenQASM 3 programs: checked source, qubit count read from declarations."""

from __future__ import annotations

import re
from typing import Any

import pytest

from ionq_facade._circuits import QASM3
from ionq_facade._errors import ArgumentTypeError, InvalidArgumentError

from .strategies import case_ids

# IonQ's own example program, written on one line.
IONQ_EXAMPLE = (
    'OPENQASM 3.0;include "stdgates.inc";qubit[2] q;bit[2] c;h q[0];cx q[0], q[1];'
    "c[0] = measure q[0];c[1] = measure q[1];"
)


@pytest.mark.parametrize(
    ("source", "qubits"),
    [
        (IONQ_EXAMPLE, 2),
        ("OPENQASM 3.0;\nqubit[5] q;\nh q[0];\n", 5),
        ("OPENQASM 3.0;\nqubit [ 4 ] q ;", 4),
        ("OPENQASM 3.0;\nqubit a;\nqubit b;\nqubit[3] c;", 5),
        ("OPENQASM 3.0;\nqreg q[3];\nqreg r[2];", 5),
        ("OPENQASM 3.0;\nqubit[2] q; // qubit[9] r;\n/* qubit[7] s;\n qubit t; */ h q[0];", 2),
        ("OPENQASM 3.0;\nh $0;\ncx $0, $1;", None),  # physical qubits: nothing declared
        ("OPENQASM 3.0;\nconst uint n = 3;\nqubit[n] q;", None),  # sized by an expression
        ("OPENQASM 3.0;\nbit[4] c;\nmyqubit[2] x;", None),
    ],
)
def test_qubits_come_from_the_declarations(source: str, qubits: int | None) -> None:
    assert QASM3(source).qubits == qubits


def test_input_model_carries_the_source_untouched() -> None:
    program = QASM3(IONQ_EXAMPLE, name="bell")
    assert program.to_dict() == {"data": IONQ_EXAMPLE} == program.to_input()
    assert program.name == "bell"
    assert program.source == IONQ_EXAMPLE
    assert QASM3.from_dict(program.to_dict()) == QASM3(IONQ_EXAMPLE)
    assert QASM3.job_type == "ionq.qasm3.v1"


def test_equality_hash_and_repr() -> None:
    a = QASM3(IONQ_EXAMPLE, name="x")
    assert a == QASM3(IONQ_EXAMPLE, name="x")
    assert hash(a) == hash(QASM3(IONQ_EXAMPLE, name="x"))
    assert a != QASM3(IONQ_EXAMPLE)
    assert a != QASM3(IONQ_EXAMPLE + "\n")
    text = repr(a)
    assert text.startswith("QASM3('OPENQASM 3.0;include")
    assert "name='x'" in text
    assert "qubits=2" in text
    assert len(text) < 120


# The bad calls pass wrong types on purpose.
LooseQASM3: Any = QASM3

# (what is wrong, call, error type, message fragment)
BAD: list[tuple[str, Any, type[Exception], str]] = [
    ("empty source", lambda: LooseQASM3(""), InvalidArgumentError, "QASM3: source is empty"),
    ("blank source", lambda: LooseQASM3(" \n\t"), InvalidArgumentError, "QASM3: source is empty"),
    (
        "bytes source",
        lambda: LooseQASM3(b"OPENQASM 3.0;"),
        ArgumentTypeError,
        "source must be a string",
    ),
    ("no source", lambda: LooseQASM3(None), ArgumentTypeError, "source must be a string"),
    ("int name", lambda: LooseQASM3("x", name=1), ArgumentTypeError, "name must be a string"),
    ("from a list", lambda: LooseQASM3.from_dict([]), ArgumentTypeError, "expected a JSON object"),
    ("no data", lambda: LooseQASM3.from_dict({}), InvalidArgumentError, "missing 'data'"),
    (
        "null data",
        lambda: LooseQASM3.from_dict({"data": None}),
        ArgumentTypeError,
        "source must be",
    ),
    (
        "blank data",
        lambda: LooseQASM3.from_dict({"data": ""}),
        InvalidArgumentError,
        "source is empty",
    ),
    (
        "extra field",
        lambda: LooseQASM3.from_dict({"data": "x", "qubits": 2}),
        InvalidArgumentError,
        "unexpected field(s) 'qubits'",
    ),
]


@pytest.mark.parametrize(("_what", "call", "error", "fragment"), BAD, ids=case_ids(BAD))
def test_bad_programs_are_refused(
    _what: str, call: Any, error: type[Exception], fragment: str
) -> None:
    with pytest.raises(error, match=re.escape(fragment)):
        call()
