"""Typed compiled circuits (`jobs.compiled`) against the emulator, checked in qiskit."""

from __future__ import annotations

import asyncio

import pytest

from ionq_emulator.server import EmulatorServer
from ionq_emulator.testing import TEST_API_KEY
from ionq_facade import (
    AsyncIonQ,
    Circuit,
    CompiledCircuit,
    InvalidArgumentError,
    IonQ,
    Job,
    NoCompiledCircuitError,
)

pytest.importorskip("qiskit")

from tests.emulator.test_compiler import qiskit_native, qiskit_source, same

# Three qubits, entangling and controlled gates, arbitrary rotations.
SOURCE = Circuit(3).h(0).cnot(0, 1).ry(2, 0.7).t(1).x(2, controls=[0, 1]).rz(0, -1.3).swap(1, 2)


def dry_run(client: IonQ, server: EmulatorServer) -> Job:
    ref = client.jobs.create(SOURCE, backend="qpu.forte-1", dry_run=True)
    server.emulator.advance(ref.id, to="completed")
    return client.jobs.get(ref)


def simulated(compiled: CompiledCircuit) -> dict[str, float]:
    gates = [gate.to_dict() for gate in compiled.gates]
    return qiskit_native({"qubits": compiled.qubits, "circuit": gates})


def test_a_dry_run_compiles_to_a_native_circuit_that_simulates_to_its_source(
    emulated: IonQ, emulator: EmulatorServer
) -> None:
    job = dry_run(emulated, emulator)
    compiled = emulated.jobs.compiled(job)
    assert isinstance(compiled, CompiledCircuit)
    assert compiled.qubits == 3
    assert {gate.gate for gate in compiled.gates} <= {"gpi", "gpi2", "ms", "zz"}
    assert same(simulated(compiled), qiskit_source(SOURCE.to_dict()))
    assert compiled.to_circuit().gates == compiled.gates
    # Given by id, the job is read first; the value is the same.
    assert emulated.jobs.compiled(job.id, format="ionq.native.v1") == compiled


def test_a_job_without_that_compiled_circuit_names_what_it_has(
    emulated: IonQ, emulator: EmulatorServer
) -> None:
    ref = emulated.jobs.create(
        Circuit(1).h(0), backend="simulator", shots=10, dry_run=True
    )  # submitted: nothing compiled yet
    with pytest.raises(NoCompiledCircuitError, match=r"no ionq\.native\.v1 compiled circuit") as e:
        emulated.jobs.compiled(ref.id)
    assert e.value.formats == ()
    with pytest.raises(InvalidArgumentError, match="not read as a compiled circuit"):
        emulated.jobs.compiled(ref.id, format="ionq.qasm3.v1")
    # A snapshot listing another format is read as it is: no request.
    other = {"id": "a-1", "format": "ionq.qasm3.v1", "media_type": "text/plain"}
    job = Job.from_dict(
        {"id": "j-1", "status": "completed", "type": "ionq.circuit.v1", "backend": "qpu.forte-1",
         "output": {"compilation": {"compiled_circuits": {"ionq.qasm3.v1": other}}}}
    )  # fmt: skip
    with pytest.raises(NoCompiledCircuitError, match=r"\(it has: ionq\.qasm3\.v1\)") as e:
        emulated.jobs.compiled(job)
    assert e.value.formats == ("ionq.qasm3.v1",)


def test_malformed_compiled_circuits_are_type_errors() -> None:
    with pytest.raises(TypeError, match="expected"):
        CompiledCircuit._from_json({"circuit": []})
    with pytest.raises(TypeError, match="unknown native gate"):
        CompiledCircuit._from_json({"qubits": 1, "circuit": [{"gate": "h", "target": 0}]})


def test_async_twin(emulator: EmulatorServer) -> None:
    async def main() -> CompiledCircuit:
        async with AsyncIonQ(api_key=TEST_API_KEY, base_url=emulator.base_url) as c:
            ref = await c.jobs.create(SOURCE, backend="qpu.forte-1", dry_run=True)
            emulator.emulator.advance(ref.id, to="completed")
            return await c.jobs.compiled(ref.id)

    compiled = asyncio.run(main())
    assert same(simulated(compiled), qiskit_source(SOURCE.to_dict()))
