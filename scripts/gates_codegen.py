"""Emit `gates.py`: the gate table and gate builder methods of the contract's gate schemas.

A gate schema is a schema with `x-gates` (QisGate, NativeGate). Its gateset is the
`gateset` enum of the circuit schemas whose `circuit` items it is; its gates are its `gate`
enum; a parameter's JSON key and kind come from its property (a number, a positive number,
a list of numbers, Pauli strings). What JSON Schema cannot say of a flat object (how many
targets, whether controls, which parameters each gate takes) is stated once in the spec,
in `x-gates`, `x-count` and `x-pauli`. `scripts/regenerate` runs this step after the
generator; `regenerate --check` compares its output byte-for-byte.

The output is self-contained (no import of the façade) and light to import: the circuit
builders import it, and building a circuit must not load the HTTP client.
"""

from __future__ import annotations

import keyword
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

Schema = dict[str, Any]

# The JSON keys of a gate object and of a circuit, each checked against the schemas.
GATE = "gate"
TARGET, TARGETS = "target", "targets"
CONTROL, CONTROLS = "control", "controls"
GATESET, QUBITS, CIRCUIT, NAME = "gateset", "qubits", "circuit", "name"
QASM_SCHEMA, DATA = "Qasm3Input", "data"
CONTROL_MODES = ("never", "optional", "required")
KEYS = {
    "GATE": GATE, "TARGET": TARGET, "TARGETS": TARGETS, "CONTROL": CONTROL,
    "CONTROLS": CONTROLS, "GATESET": GATESET, "QUBITS": QUBITS, "CIRCUIT": CIRCUIT,
    "NAME": NAME, "DATA": DATA,
}  # fmt: skip


@dataclass(frozen=True)
class Param:
    key: str
    kind: str  # real, positive, reals, paulis
    length: str | None  # its length equals that of `targets` or of another parameter

    @property
    def attr_type(self) -> str:
        return {"reals": "tuple[float, ...]", "paulis": "tuple[str, ...]"}.get(self.kind, "float")

    @property
    def arg_type(self) -> str:
        return {"reals": "Sequence[float]", "paulis": "Sequence[str]"}.get(self.kind, "float")


@dataclass(frozen=True)
class GateDef:
    name: str
    method: str
    arity: int | None  # None: one or more targets
    controls: str
    params: tuple[str, ...]
    defaults: Mapping[str, float]
    aliases: tuple[str, ...]
    summary: str | None


@dataclass(frozen=True)
class Gateset:
    name: str
    schema: str
    gates: tuple[GateDef, ...]


class SpecError(ValueError):
    """The gate schemas and their `x-gates` disagree."""


def _param(where: str, key: str, prop: Schema) -> Param:
    kind: str | None = None
    if prop.get("type") == "number":
        positive = prop.get("exclusiveMinimum") is True and prop.get("minimum") == 0
        kind = "positive" if positive else "real"
    elif prop.get("type") == "array":
        item = prop.get("items", {}).get("type")
        if item == "number":
            kind = "reals"
        elif item == "string" and prop.get("x-pauli") is True:
            kind = "paulis"
    if kind is None:
        raise SpecError(
            f"{where}.{key}: a gate parameter must be a number, a list of numbers "
            "or Pauli strings (x-pauli)"
        )
    if not key.isidentifier() or keyword.iskeyword(key):
        raise SpecError(f"{where}.{key}: a parameter key must be a Python name")
    count = prop.get("x-count")
    if count is not None and kind != "reals":
        raise SpecError(f"{where}.{key}: x-count is for lists of numbers")
    return Param(key, kind, count)


def _gates(where: str, schema: Schema, params: Mapping[str, Param]) -> tuple[GateDef, ...]:
    props: Schema = schema.get("properties", {})
    for key in (GATE, TARGET, TARGETS):
        if key not in props:
            raise SpecError(f"{where}: a gate schema has a {key!r} property")
    declared: Schema = schema["x-gates"]
    enum = props[GATE].get("enum", [])
    if set(declared) != set(enum):
        raise SpecError(
            f"{where}: x-gates must describe exactly the gate enum; only in the enum: "
            f"{sorted(set(enum) - set(declared))}, only in x-gates: "
            f"{sorted(set(declared) - set(enum))}"
        )
    known = {"targets", "controls", "params", "defaults", "aliases", "summary"}
    gates: list[GateDef] = []
    for name in enum:
        entry: Schema = declared[name]
        at = f"{where}.x-gates.{name}"
        if set(entry) - known:
            raise SpecError(f"{at}: unknown key(s) {sorted(set(entry) - known)}")
        targets = entry.get("targets")
        if not (targets == "many" or (isinstance(targets, int) and targets >= 1)):
            raise SpecError(f"{at}: targets must be a count or 'many', not {targets!r}")
        controls = entry.get("controls", "never")
        if controls not in CONTROL_MODES:
            raise SpecError(f"{at}: controls must be one of {CONTROL_MODES}")
        if controls != "never" and not {CONTROL, CONTROLS} <= set(props):
            raise SpecError(f"{at}: takes controls, but the schema has no {CONTROL}/{CONTROLS}")
        gate_params = tuple(entry.get("params", ()))
        defaults = dict(entry.get("defaults", {}))
        for key in (*gate_params, *defaults):
            if key not in params or key not in props:
                raise SpecError(f"{at}: {key!r} is not a parameter property of {where}")
        if set(defaults) - set(gate_params):
            raise SpecError(f"{at}: defaults for parameters it does not take")
        for key in gate_params:
            length = params[key].length
            if length not in (None, TARGETS, *gate_params):
                raise SpecError(f"{at}: {key} has the length of {length!r}, not of the gate")
        if not name.isidentifier():
            raise SpecError(f"{at}: a gate name must be a Python name")
        method = name + "_" if keyword.iskeyword(name) else name
        gates.append(
            GateDef(
                name=name,
                method=method,
                arity=None if targets == "many" else targets,
                controls=controls,
                params=gate_params,
                defaults=defaults,
                aliases=tuple(entry.get("aliases", ())),
                summary=entry.get("summary"),
            )
        )
    used = {key for gate in gates for key in gate.params}
    for key in props:
        if key in params and key not in used:
            raise SpecError(f"{where}.{key}: no gate in x-gates takes it")
    return tuple(gates)


def _gateset(spec: Schema, where: str) -> str:
    """The `gateset` value of the circuit schemas whose gates are `where`."""
    schemas: Schema = spec["components"]["schemas"]
    ref = f"#/components/schemas/{where}"
    found: set[str] = set()
    for name, schema in schemas.items():
        props = schema.get("properties", {})
        if props.get(CIRCUIT, {}).get("items", {}).get("$ref") != ref:
            continue
        if GATESET not in props:  # a compiled circuit's payload names no gateset
            continue
        if QUBITS not in props:
            raise SpecError(f"{name}: a circuit schema has a {QUBITS!r} property")
        values = props[GATESET].get("enum", [])
        if len(values) != 1:
            raise SpecError(f"{name}.{GATESET}: a circuit schema names one gateset")
        found.add(values[0])
    if len(found) != 1:
        raise SpecError(f"{where}: its circuit schemas name the gatesets {sorted(found)}")
    (gateset,) = found
    return str(gateset)


def gatesets(spec: Schema) -> tuple[dict[str, Param], tuple[Gateset, ...]]:
    """Every gate parameter by key, and every gate schema of the spec in order, checked."""
    schemas: Schema = spec["components"]["schemas"]
    if DATA not in schemas[QASM_SCHEMA].get("required", []):
        raise SpecError(f"{QASM_SCHEMA}: the program source is its required {DATA!r}")
    if not any(
        NAME in s.get("properties", {}) and CIRCUIT in s.get("properties", {})
        for s in schemas.values()
    ):
        raise SpecError(f"no circuit schema has a {NAME!r} (a multi-circuit entry's name)")
    params: dict[str, Param] = {}
    wheres = [name for name, schema in schemas.items() if "x-gates" in schema]
    for where in wheres:
        for key, prop in schemas[where]["properties"].items():
            if key in (GATE, TARGET, TARGETS, CONTROL, CONTROLS):
                continue
            param = _param(where, key, prop)
            if params.setdefault(key, param) != param:
                raise SpecError(f"{where}.{key}: differs from the {key!r} of another gateset")
    out = [Gateset(_gateset(spec, w), w, _gates(w, schemas[w], params)) for w in wheres]
    shapes: dict[str, tuple[object, ...]] = {}
    for gs in out:
        for gate in gs.gates:
            shape = (gate.method, gate.arity, gate.controls)
            if shapes.setdefault(gate.name, shape) != shape:
                # A gate's JSON is written from its name alone (Gate.to_dict).
                raise SpecError(
                    f"{gs.schema}.{gate.name}: another gateset's {gate.name} takes other qubits"
                )
    return params, tuple(out)


def _signature(gate: GateDef, params: Mapping[str, Param]) -> tuple[str, str, str]:
    """The builder method's parameters, and the `_add` call's targets and controls."""
    args: list[str] = []
    if gate.controls == "required":
        args.append(f"{CONTROL}: int | Sequence[int]")
    if gate.arity is None:
        args.append(f"{TARGETS}: Sequence[int]")
        targets = TARGETS
    elif gate.arity == 1:
        args.append(f"{TARGET}: int")
        targets = f"({TARGET},)"
    else:
        names = [f"q{i}" for i in range(gate.arity)]
        args += [f"{n}: int" for n in names]
        targets = f"({', '.join(names)})"
    for key in gate.params:
        default = f" = {gate.defaults[key]!r}" if key in gate.defaults else ""
        args.append(f"{key}: {params[key].arg_type}{default}")
    controls = "()"
    if gate.controls == "required":
        controls = CONTROL
    elif gate.controls == "optional":
        args += ["*", f"{CONTROLS}: int | Sequence[int] = ()"]
        controls = CONTROLS
    return ", ".join(args), targets, controls


def _mixin(gs: Gateset, params: Mapping[str, Param]) -> list[str]:
    lines = [
        f"class {gs.name.capitalize()}Gates:",
        f'    """The builder methods of the `{gs.name}` gates ({gs.schema})."""',
        "",
        f"    gateset: ClassVar[Gateset] = {gs.name!r}",
        "    __slots__ = ()",
        "",
        "    if TYPE_CHECKING:",
        "",
        "        def _add(",
        "            self, gate: str, targets: object, controls: object, /, **params: object",
        "        ) -> Self: ...",
        "",
    ]
    for gate in gs.gates:
        args, targets, controls = _signature(gate, params)
        call = ", ".join([repr(gate.name), targets, controls, *(f"{k}={k}" for k in gate.params)])
        lines.append(f"    def {gate.method}(self, {args}) -> Self:")
        if gate.summary:
            lines.append(f"        {_docstring(gate.summary)}")
        lines += [f"        return self._add({call})", ""]
        lines += [f"    {alias} = {gate.method}" for alias in gate.aliases]
        if gate.aliases:
            lines.append("")
    return lines


def _docstring(text: str) -> str:
    if '"""' in text or text.endswith('"') or "\\" in text:
        raise SpecError(f"summary {text!r} cannot be a docstring")
    return f'"""{text}"""'


HEADER = '''\
"""The gates of openapi.yaml: {schemas}, with their `x-gates`.

Generated by scripts/gates_codegen.py (run scripts/regenerate); do not edit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, Final, Literal, NamedTuple, Self, TypeAlias

Gateset: TypeAlias = Literal[{gateset_names}]
Controls: TypeAlias = Literal["never", "optional", "required"]
Kind: TypeAlias = Literal["real", "positive", "reals", "paulis"]


class Param(NamedTuple):
    """A gate parameter: how its value is read, and what its length must equal (the
    targets', or another parameter's)."""

    kind: Kind
    length: str | None


class Shape(NamedTuple):
    """The qubits a gate takes; a gate name in several gatesets has one shape."""

    method: str  # the builder method
    arity: int | None  # number of targets; None means one or more
    controls: Controls


class Spec(NamedTuple):
    """What one gate of a gateset takes: all `params` are required unless defaulted."""

    shape: Shape
    params: tuple[str, ...]
    defaults: Mapping[str, float]


# JSON keys: of a gate, of a circuit, and of an OpenQASM program.
'''


def render(spec: Schema) -> str:
    params, sets = gatesets(spec)
    out = [
        HEADER.format(
            schemas=", ".join(gs.schema for gs in sets),
            gateset_names=", ".join(repr(gs.name) for gs in sets),
        ).rstrip(),
        *(f"{name}: Final = {key!r}" for name, key in KEYS.items()),
        "",
        "# Every gate parameter, by JSON key (also its attribute and argument name).",
        "PARAMS: Final[Mapping[str, Param]] = {",
        *(f"    {p.key!r}: Param({p.kind!r}, {p.length!r})," for p in params.values()),
        "}",
        "",
        "GATES: Final[Mapping[Gateset, Mapping[str, Spec]]] = {",
    ]
    for gs in sets:
        out.append(f"    {gs.name!r}: {{")
        for g in gs.gates:
            shape = f"Shape({g.method!r}, {g.arity!r}, {g.controls!r})"
            out.append(f"        {g.name!r}: Spec({shape}, {g.params!r}, {dict(g.defaults)!r}),")
        out.append("    },")
    out += [
        "}",
        "",
        "SHAPES: Final[Mapping[str, Shape]] = {",
        "    name: spec.shape for specs in GATES.values() for name, spec in specs.items()",
        "}",
        "",
        "",
        "@dataclass(frozen=True, slots=True, kw_only=True)",
        "class GateParams:",
        '    """A gate\'s parameters; those the gate does not take are None."""',
        "",
        *(f"    {p.key}: {p.attr_type} | None = None" for p in params.values()),
        "",
        "",
    ]
    for gs in sets:
        out += [*_mixin(gs, params), ""]
    return "\n".join(out).rstrip() + "\n"


def emit(spec_path: Path, out: Path) -> Path:
    """Write `out/gates.py` from the spec (ruff formats it afterwards)."""
    spec = yaml.safe_load(spec_path.read_text())
    target = out / "gates.py"
    target.write_text(render(spec))
    return target
