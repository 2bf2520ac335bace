"""Write `tables.py` and `filters.py` into the generated package: a step of scripts/regenerate.

`tables.py` holds the contract's names the hand-written façade reads, so none is retyped
there (tests/contract/test_no_contract_literals.py checks it): `Key`, every property and
parameter name; `JobType` and `ResultFormat`, the known values of `Job.type` and
`ArtifactDescriptor.format`; `CircuitFormat`, the known keys of compiled circuits;
`RESULT_LINKS`, the short-name link serving each v1 result format; `ROUTES`, each
operation's method and path. It imports nothing of the package, so the emulator (which
must not import the façade) loads it too.

`filters.py` holds the keyword TypedDicts of the job listings, one per list operation,
from its query parameters.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

__all__ = ["constant", "emit"]

Schema = dict[str, Any]

# List operation -> the TypedDict of its filters.
FILTERS = {"listJobs": "JobFilters", "listSessionJobs": "SessionJobFilters"}
# Parameter component -> the wider type the façade takes for it (the schema's, else).
WIDER = {
    "Ids": "Iterable[str | Job | JobRef]",  # the jobs by id or by snapshot
    "Target": "str | Sequence[str]",  # several backends, joined by commas as documented
}
_SCALARS = {"string": "str", "integer": "int", "boolean": "bool", "number": "float"}
# Segments every format name shares; the rest names its constant.
_COMMON = {"ionq", "result", "json"}
_METHODS = ("get", "put", "post", "delete", "patch")


def constant(name: str) -> str:
    """The constant naming `name`: `statusCode` STATUS_CODE, `1q_gates` FIELD_1Q_GATES."""
    snake = re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name)
    ident = re.sub(r"\W+", "_", snake).strip("_").upper()
    return f"FIELD_{ident}" if ident[0].isdigit() else ident


def _format_constant(value: str) -> str:
    return constant("_".join(s for s in value.split(".") if s not in _COMMON))


def _walk(node: object) -> Iterator[Schema]:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


def _names(spec: Schema) -> list[str]:
    names: set[str] = set()
    for node in _walk(spec["components"]["schemas"]):
        if isinstance(node.get("properties"), dict):
            names |= set(node["properties"])
    for node in _walk([spec["paths"], spec["components"]["parameters"]]):
        if "in" in node and isinstance(node.get("name"), str):
            names.add(node["name"])
    return sorted(names)


def _namespace(name: str, doc: str, values: list[str], naming: Any) -> list[str]:
    by_constant: dict[str, str] = {}
    for value in values:
        ident = naming(value)
        if by_constant.setdefault(ident, value) != value:
            raise SystemExit(f"tables_codegen: {value!r} and {by_constant[ident]!r} are {ident}")
    lines = [f"class {name}:", f'    """{doc}"""', ""]
    lines += [f"    {ident}: Final = {value!r}" for ident, value in sorted(by_constant.items())]
    return [*lines, "", ""]


def emit_tables(spec: Schema) -> str:
    schemas = spec["components"]["schemas"]
    formats: list[str] = schemas["ArtifactDescriptor"]["properties"]["format"]["x-known-values"]
    types: list[str] = schemas["Job"]["properties"]["type"]["x-known-values"]
    compiled = schemas["CompilationOutput"]["properties"]["compiled_circuits"]["x-known-keys"]
    links = {
        f"ionq.result.{link}.json.v1": link
        for link in schemas["ResultLinks"]["properties"]
        if f"ionq.result.{link}.json.v1" in formats
    }
    routes = [
        (op["operationId"], method.upper(), path)
        for path, item in spec["paths"].items()
        for method, op in item.items()
        if method in _METHODS
    ]
    lines = [
        '"""The contract\'s names the hand-written façade reads: generated from openapi.yaml by',
        "scripts/regenerate (scripts/tables_codegen.py); never edit by hand.",
        "",
        "Imports nothing of the package: the emulator loads this module too.",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        "from collections.abc import Mapping",
        "from typing import Final",
        "",
        "",
        *_namespace("Key", "Every property and parameter name of the contract.", _names(spec),
                    constant),
        *_namespace("JobType", "The job types the contract knows (`Job.type`).", types,
                    _format_constant),
        *_namespace("ResultFormat", "The result formats the contract knows "
                    "(`ArtifactDescriptor.format`).", formats, _format_constant),
        *_namespace("CircuitFormat", "The compiled-circuit formats the contract knows "
                    "(`CompilationOutput.compiled_circuits`).", compiled, _format_constant),
        "# The short-name link (`ResultLinks`) that serves each v1 result format.",
        "RESULT_LINKS: Final[Mapping[str, str]] = {",
        *[f"    ResultFormat.{_format_constant(f)}: Key.{constant(k)}," for f, k in links.items()],
        "}",
        "# operationId -> (method, path template).",
        "ROUTES: Final[Mapping[str, tuple[str, str]]] = {",
        *[f"    {op!r}: ({method!r}, {path!r})," for op, method, path in routes],
        "}",
    ]  # fmt: skip
    return "\n".join(lines) + "\n"


def _resolve(spec: Schema, node: Schema) -> tuple[str | None, Schema]:
    """(component name, definition) of a parameter or schema that may be a `$ref`."""
    name = None
    while "$ref" in node:
        *_, kind, name = node["$ref"].split("/")
        node = spec["components"][kind][name]
    return name, node


def _filter_type(spec: Schema, component: str | None, param: Schema) -> str:
    if component in WIDER:
        return WIDER[component]
    ref, schema = _resolve(spec, param["schema"])
    if ref == "JobStatus":
        return "JobStatus | StatusName"
    if schema.get("type") == "array":
        return f"Sequence[{_SCALARS[schema['items']['type']]}]"
    return _SCALARS[schema["type"]]


def emit_filters(spec: Schema) -> str:
    operations = {
        op["operationId"]: op
        for item in spec["paths"].values()
        for method, op in item.items()
        if method in _METHODS
    }
    lines = [
        '"""The filters of the job listings, as keywords: generated from openapi.yaml (each',
        "list operation's query parameters) by scripts/regenerate; never edit by hand.",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        "from collections.abc import Iterable, Sequence",
        "from typing import TypedDict",
        "",
        "from ionq_facade._generated.lifecycle import JobStatus, StatusName",
        "from ionq_facade._generated.views import Job, JobRef",
        "",
    ]
    for op_id, name in FILTERS.items():
        op = operations[op_id]
        doc = (
            f"Filters of `{op_id}` ({op['summary'].rstrip('.').lower()}), as keywords; a "
            "filter not given is not sent. `target` is a backend or several; `limit` is the "
            "page size."
        )
        text = textwrap.fill(doc, 88, initial_indent='    """', subsequent_indent="    ")
        lines += ["", f"class {name}(TypedDict, total=False):", f'{text}"""', ""]
        for ref in op.get("parameters", []):
            component, param = _resolve(spec, ref)
            if param["in"] == "query" and param["name"] != "next":
                lines.append(f"    {param['name']}: {_filter_type(spec, component, param)} | None")
        lines.append("")
    return "\n".join(lines)


def emit(spec_path: Path, out: Path) -> list[Path]:
    """Write `tables.py` and `filters.py` into the generated package `out`."""
    spec = yaml.safe_load(spec_path.read_text())
    written = [out / "tables.py", out / "filters.py"]
    written[0].write_text(emit_tables(spec))
    written[1].write_text(emit_filters(spec))
    return written
