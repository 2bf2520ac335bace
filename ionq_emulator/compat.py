"""Request shapes that existing v0.4 client libraries send, mapped onto the contract's.

The emulator validates every request against openapi.yaml. Where IonQ's client
libraries send something the contract does not describe, and the real API accepts it,
the request is rewritten here first, and only here. Each rule names who sends it:

- ``null`` for an optional field means "absent" (qiskit-ionq sends ``noise.seed: null``;
  generated clients send explicit nulls for unset fields).
- ``shots`` as a decimal string (cirq-ionq sends ``str(repetitions)``).
- ``lang: "json"`` beside ``input`` (cirq-ionq, a v0.3 leftover the API ignores).
- ``registers`` on the job or on a circuit (qiskit-ionq; IonQ's published schema has
  ``registers`` on multi-circuit entries). The emulator does not use them.
- a top-level ``error_mitigation`` object (qiskit-ionq) means ``settings.error_mitigation``.
- qubit indices and counts as integral floats (``0.0``): IonQ's published schema types
  them as doubles.
- list filters: ``ids`` repeated (``ids=a&ids=b``, ionq-core) or comma-separated
  (``ids=a,b``); ``status=running``, the pre-v0.4 name of ``started``.
"""

from __future__ import annotations

from typing import Any, Final

__all__ = ["normalize_job_body", "split_csv"]

_INDEX_FIELDS: Final = frozenset({"target", "targets", "control", "controls", "qubits"})


def _drop_nulls(node: Any) -> Any:
    if isinstance(node, dict):
        return {key: _drop_nulls(value) for key, value in node.items() if value is not None}
    if isinstance(node, list):
        return [_drop_nulls(item) for item in node]
    return node


def _integral(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, list):
        return [_integral(item) for item in value]
    return value


def _normalize_circuit(circuit: Any) -> Any:
    """A circuit entry (or single-circuit input): indices as ints, ``registers`` dropped."""
    if not isinstance(circuit, dict):
        return circuit
    out = {key: value for key, value in circuit.items() if key != "registers"}
    if "qubits" in out:
        out["qubits"] = _integral(out["qubits"])
    gates = out.get("circuit")
    if isinstance(gates, list):
        out["circuit"] = [
            {k: (_integral(v) if k in _INDEX_FIELDS else v) for k, v in gate.items()}
            if isinstance(gate, dict)
            else gate
            for gate in gates
        ]
    circuits = out.get("circuits")
    if isinstance(circuits, list):
        out["circuits"] = [_normalize_circuit(entry) for entry in circuits]
    return out


def normalize_job_body(body: Any) -> Any:
    """A create/clone/move body as the contract describes it (anything else unchanged)."""
    if not isinstance(body, dict):
        return body
    out: dict[str, Any] = _drop_nulls(body)
    if out.get("lang") == "json":
        del out["lang"]
    out.pop("registers", None)
    shots = out.get("shots")
    if isinstance(shots, str) and shots.strip().isdigit():
        out["shots"] = int(shots)
    mitigation = out.get("error_mitigation")
    if isinstance(mitigation, dict):
        del out["error_mitigation"]
        settings = out.setdefault("settings", {})
        if isinstance(settings, dict):
            settings.setdefault("error_mitigation", mitigation)
    if "input" in out:
        out["input"] = _normalize_circuit(out["input"])
    return out


def split_csv(values: list[str]) -> list[str]:
    """Repeated and comma-separated query values, flattened, empties dropped."""
    return [part.strip() for value in values for part in value.split(",") if part.strip()]
