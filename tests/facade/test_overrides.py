"""Clone and move send exactly the keywords given; create sends what the job needs."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ionq_facade import (
    QASM3,
    ArgumentTypeError,
    Circuit,
    Compilation,
    ErrorMitigation,
    InvalidArgumentError,
    IonQ,
    JobRef,
    JobStatus,
    NativeCircuit,
    Noise,
    Settings,
)

from .conftest import FakeAPI, FakeClock, make_client, reply

CREATED = reply(201, {"id": "new-1", "session_id": None})  # IonQ's example omits status

text = st.text(max_size=12)
token = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9_-]{0,20}", fullmatch=True)
compilation = st.builds(
    Compilation,
    opt=st.none() | st.integers(0, 3),
    precision=st.none() | text,
    gate_basis=st.none() | text,
    service_version=st.none() | text,
)
mitigation = st.builds(
    ErrorMitigation,
    debiasing=st.none() | st.booleans(),
    symmetry_verification=st.none() | st.booleans(),
)
OVERRIDES: dict[str, st.SearchStrategy[Any]] = {
    "name": text,
    "shots": st.integers(1, 1_000_000),
    "backend": token,
    "metadata": st.dictionaries(text, text, max_size=3),
    "session_id": token,
    "settings": st.builds(
        Settings, compilation=st.none() | compilation, error_mitigation=st.none() | mitigation
    ),
    "noise": st.builds(Noise, model=text, seed=st.none() | st.integers(0, 2**31 - 1)),
    "dry_run": st.booleans(),
    "parent": token,
}


def _expected(value: Any) -> Any:
    """What a keyword's value looks like in the JSON body."""
    if isinstance(value, (Settings, Noise)):
        return value.to_dict()
    return value


@settings(max_examples=60, deadline=None)
@given(
    operation=st.sampled_from(["clone", "move"]),
    given_kwargs=st.fixed_dictionaries({}, optional=OVERRIDES),
)
def test_override_body_is_exactly_the_given_keywords(
    operation: str, given_kwargs: dict[str, Any]
) -> None:
    api = FakeAPI().on("POST", f"/jobs/src-1/{operation}", CREATED)
    with make_client(api, FakeClock()) as client:
        ref = getattr(client.jobs, operation)("src-1", **given_kwargs)
    assert ref == JobRef(id="new-1")
    [request] = api.requests
    assert request.method == "POST"
    assert request.url.path == f"/v0.4/jobs/src-1/{operation}"
    body = api.body()
    assert set(body) == set(given_kwargs)
    assert body == {k: _expected(v) for k, v in given_kwargs.items()}


def test_no_keywords_sends_an_empty_object(api: FakeAPI, client: IonQ) -> None:
    api.on("POST", "/jobs/src-1/clone", CREATED)
    client.jobs.clone("src-1")
    assert api.requests[0].content == b"{}"
    assert api.requests[0].headers["content-type"] == "application/json"


def test_settings_send_only_the_fields_set(api: FakeAPI, client: IonQ) -> None:
    api.on("POST", "/jobs/src-1/clone", CREATED)
    client.jobs.clone("src-1", settings=Settings(error_mitigation=ErrorMitigation(debiasing=False)))
    assert api.body() == {"settings": {"error_mitigation": {"debiasing": False}}}


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"shots": 0}, InvalidArgumentError),
        ({"shots": 1_000_001}, InvalidArgumentError),
        ({"shots": True}, ArgumentTypeError),
        ({"shots": 10.0}, ArgumentTypeError),
        ({"metadata": {"n": 3}}, ArgumentTypeError),
        ({"metadata": {1: "x"}}, ArgumentTypeError),
        ({"metadata": [("a", "b")]}, ArgumentTypeError),
        ({"name": 5}, ArgumentTypeError),
        ({"backend": ""}, ArgumentTypeError),
        ({"settings": {"compilation": {}}}, ArgumentTypeError),
        ({"noise": "ideal"}, ArgumentTypeError),
        ({"dry_run": "yes"}, ArgumentTypeError),
        ({"session_id": "../other"}, InvalidArgumentError),
    ],
)
@pytest.mark.parametrize("operation", ["clone", "move"])
def test_bad_overrides_are_refused_before_sending(
    api: FakeAPI, client: IonQ, operation: str, kwargs: dict[str, Any], error: type[Exception]
) -> None:
    with pytest.raises(error):
        getattr(client.jobs, operation)("src-1", **kwargs)
    assert api.requests == []


def test_create_single_circuit(api: FakeAPI, client: IonQ) -> None:
    api.on("POST", "/jobs", reply(201, {"id": "j-1", "status": "submitted", "session_id": None}))
    ref = client.jobs.create(
        Circuit(2, name="bell").h(0).cnot(0, 1),
        backend="simulator",
        shots=1000,
        metadata={"team": "q"},
        noise=Noise("aria-1", seed=4),
        dry_run=True,
    )
    assert ref.id == "j-1"
    assert ref.status is JobStatus.SUBMITTED
    assert api.body() == {
        "type": "ionq.circuit.v1",
        "backend": "simulator",
        "name": "bell",
        "shots": 1000,
        "metadata": {"team": "q"},
        "noise": {"model": "aria-1", "seed": 4},
        "dry_run": True,
        "input": {
            "gateset": "qis",
            "qubits": 2,
            "circuit": [{"gate": "h", "target": 0}, {"gate": "cnot", "control": 0, "target": 1}],
        },
    }


def test_create_sends_no_option_not_given(api: FakeAPI, client: IonQ) -> None:
    api.on("POST", "/jobs", CREATED)
    client.jobs.create(NativeCircuit(1).gpi(0, 0.25), backend="qpu.forte-1", name="n")
    body = api.body()
    assert set(body) == {"type", "backend", "input", "name"}
    assert body["input"]["gateset"] == "native"


def test_create_qasm3(api: FakeAPI, client: IonQ) -> None:
    api.on("POST", "/jobs", CREATED)
    source = "OPENQASM 3.0;\nqubit[1] q;\nh q[0];\n"
    client.jobs.create(QASM3(source), backend="simulator")
    assert api.body() == {
        "type": "ionq.qasm3.v1",
        "backend": "simulator",
        "input": {"data": source},
    }


def test_create_multi_circuit_mixed_gatesets(api: FakeAPI, client: IonQ) -> None:
    api.on("POST", "/jobs", CREATED)
    circuits: list[Circuit | NativeCircuit] = [
        Circuit(2, name="a").h(0),
        NativeCircuit(3, name="b").gpi(2, 0.5),
    ]
    client.jobs.create(circuits, backend="simulator", name="batch")
    body = api.body()
    assert body["type"] == "ionq.multi-circuit.v1"
    assert body["name"] == "batch"
    assert body["input"]["gateset"] == "qis"
    assert body["input"]["qubits"] == 3
    assert [(c["name"], c["gateset"]) for c in body["input"]["circuits"]] == [
        ("a", "qis"),
        ("b", "native"),
    ]


def test_create_multi_circuit_all_native(api: FakeAPI, client: IonQ) -> None:
    api.on("POST", "/jobs", CREATED)
    client.jobs.create((NativeCircuit(1).gpi(0, 0.1), NativeCircuit(1)), backend="simulator")
    assert api.body()["input"]["gateset"] == "native"


@pytest.mark.parametrize(
    ("program", "error"),
    [
        ("OPENQASM 3.0; qubit q;", ArgumentTypeError),
        ([], InvalidArgumentError),
        ([QASM3("OPENQASM 3.0; qubit q;")], ArgumentTypeError),
        ({"gateset": "qis", "circuit": []}, ArgumentTypeError),
        (42, ArgumentTypeError),
    ],
)
def test_create_refuses_what_is_not_a_program(
    api: FakeAPI, client: IonQ, program: Any, error: type[Exception]
) -> None:
    with pytest.raises(error):
        client.jobs.create(program, backend="simulator")
    assert api.requests == []


def test_create_answer_without_id_is_a_validation_error(api: FakeAPI, client: IonQ) -> None:
    from ionq_facade import APIResponseValidationError

    api.on("POST", "/jobs", reply(201, {"status": "submitted"}))
    with pytest.raises(APIResponseValidationError):
        client.jobs.create(Circuit(1), backend="simulator")
    assert len(api.requests) == 1


def test_request_headers(api: FakeAPI, client: IonQ) -> None:
    api.on("POST", "/jobs", CREATED)
    client.jobs.create(Circuit(1), backend="simulator")
    request: httpx.Request = api.requests[0]
    assert request.headers["authorization"].startswith("apiKey sk-test-")
    assert request.headers["user-agent"].startswith("ionq-facade/")
    assert request.headers["accept"] == "application/json"


def test_none_is_the_same_as_not_given(api: FakeAPI, client: IonQ) -> None:
    api.on("POST", "/jobs/src-1/clone", CREATED)
    client.jobs.clone("src-1", name=None, shots=None, metadata=None)
    assert api.requests[0].content == b"{}"


def test_an_unknown_keyword_is_refused(api: FakeAPI, client: IonQ) -> None:
    with pytest.raises(ArgumentTypeError, match="colour"):
        client.jobs.clone("src-1", colour="red")  # type: ignore[call-arg]
    with pytest.raises(ArgumentTypeError, match="parent"):
        client.jobs.create(Circuit(1), backend="simulator", parent="p-1")  # type: ignore[call-arg]
    assert api.requests == []
