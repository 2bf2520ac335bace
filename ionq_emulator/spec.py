"""openapi.yaml, loaded once, as the emulator uses it: operations and JSON-Schema validators.

The emulator never retypes the contract. Routes, parameters, request bodies, response
schemas and the job lifecycle are all read from this file at runtime. OpenAPI 3.0 schemas
are not quite JSON Schema, so they are converted once (``nullable``, ``format: int32``)
and validated with ``jsonschema``.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Final

import yaml
from jsonschema import Draft7Validator  # type: ignore[import-untyped]
from jsonschema.protocols import Validator  # type: ignore[import-untyped]
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT7

__all__ = [
    "API_PREFIX",
    "SPEC_PATH",
    "Operation",
    "Parameter",
    "Spec",
    "load_spec",
]

SPEC_PATH: Final = Path(__file__).resolve().parent / "openapi.yaml"
#: Every route of the API lives under this prefix, like https://api.ionq.co/v0.4.
API_PREFIX: Final = "/v0.4"
_SPEC_URI: Final = "urn:ionq-emulator:openapi"
_INT32: Final = (-(2**31), 2**31 - 1)
_METHODS: Final = ("get", "put", "post", "delete", "patch")


@dataclass(frozen=True, slots=True)
class Parameter:
    """One path, query or header parameter of an operation."""

    name: str
    location: str  # "path" | "query" | "header"
    required: bool
    schema: Mapping[str, Any]
    validator: Validator


@dataclass(frozen=True, slots=True)
class Operation:
    """One operation of the contract, with everything needed to serve and check it."""

    operation_id: str
    method: str  # upper case
    path: str  # the spec's template, without the API prefix, e.g. "/jobs/{UUID}"
    authenticated: bool
    parameters: tuple[Parameter, ...]
    body_required: bool
    body_validator: Validator | None
    responses: Mapping[int, Validator | None]
    response_headers: Mapping[int, tuple[str, ...]]

    def response_validator(self, status: int) -> Validator | None:
        """The validator of the body documented for ``status`` (KeyError if undocumented)."""
        return self.responses[status]


def _convert(node: Any) -> Any:
    """OpenAPI 3.0 schema -> JSON Schema: ``nullable`` and ``format: int32`` made explicit."""
    if isinstance(node, list):
        return [_convert(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: _convert(value) for key, value in node.items()}
    if out.get("type") == "integer" and out.get("format") == "int32":
        low, high = _INT32
        out["minimum"] = max(out.get("minimum", low), low)
        out["maximum"] = min(out.get("maximum", high), high)
    if out.pop("nullable", False) is True:
        if isinstance(out.get("type"), str):
            out["type"] = [out["type"], "null"]
            if "enum" in out:
                out["enum"] = [*out["enum"], None]
        else:
            # No plain type to widen (allOf/anyOf/$ref): accept null beside the schema.
            out = {"anyOf": [out, {"type": "null"}]}
    return out


class Spec:
    """The parsed contract: raw document, converted schemas, operations by id."""

    def __init__(self, document: Mapping[str, Any]) -> None:
        self.document: Mapping[str, Any] = document
        converted = _convert(copy.deepcopy(dict(document)))
        self._converted: Mapping[str, Any] = converted
        resource = Resource.from_contents(converted, default_specification=DRAFT7)
        self._registry: Registry[Any] = Registry().with_resource(_SPEC_URI, resource)
        self._validators: dict[str, Validator] = {}
        self.operations: dict[str, Operation] = {
            op.operation_id: op for op in self._read_operations()
        }

    # -- schemas -------------------------------------------------------------------

    def validator(self, ref: str) -> Validator:
        """A validator for a JSON pointer into the document, e.g. ``#/components/schemas/Job``."""
        found = self._validators.get(ref)
        if found is None:
            schema = self._inline({"$ref": ref}, ())
            found = Draft7Validator(schema, registry=self._registry)
            self._validators[ref] = found
        return found

    def _inline(self, node: Any, active: tuple[str, ...]) -> Any:
        # References copied in place validate twice as fast as registry lookups; a
        # recursive one (none today) stays a reference, resolved through the registry.
        if isinstance(node, list):
            return [self._inline(item, active) for item in node]
        if not isinstance(node, dict):
            return node
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/"):
            if ref in active:
                return {"$ref": f"{_SPEC_URI}{ref}"}
            target: Any = self._converted
            for part in ref.removeprefix("#/").split("/"):
                key = part.replace("~1", "/").replace("~0", "~")
                target = target[int(key)] if isinstance(target, list) else target[key]
            return self._inline(target, (*active, ref))
        return {key: self._inline(value, active) for key, value in node.items()}

    def schema_validator(self, name: str) -> Validator:
        """A validator for ``components.schemas.<name>``."""
        return self.validator(f"#/components/schemas/{name}")

    def resolve(self, node: Mapping[str, Any]) -> Mapping[str, Any]:
        """Follow a local ``$ref`` (one level at a time until a non-ref node)."""
        while "$ref" in node:
            target: Any = self.document
            for part in str(node["$ref"]).removeprefix("#/").split("/"):
                target = target[part]
            node = target
        return node

    def _pointer(self, node: Mapping[str, Any], fallback: str) -> str:
        ref = node.get("$ref")
        return str(ref) if isinstance(ref, str) else fallback

    # -- operations ----------------------------------------------------------------

    @property
    def lifecycle(self) -> Mapping[str, Any]:
        """``components.schemas.JobStatus.x-lifecycle``."""
        found: Mapping[str, Any] = self.document["components"]["schemas"]["JobStatus"][
            "x-lifecycle"
        ]
        return found

    def _read_operations(self) -> Iterator[Operation]:
        default_security = self.document.get("security", [])
        for path, item in self.document["paths"].items():
            for method in _METHODS:
                op = item.get(method)
                if op is None:
                    continue
                where = f"#/paths/{_escape(path)}/{method}"
                yield Operation(
                    operation_id=op["operationId"],
                    method=method.upper(),
                    path=path,
                    authenticated=bool(op.get("security", default_security)),
                    parameters=tuple(self._parameters(op, item, where)),
                    body_required=bool(op.get("requestBody", {}).get("required", False)),
                    body_validator=self._body_validator(op, where),
                    responses=self._responses(op, where),
                    response_headers=self._response_headers(op),
                )

    def _parameters(
        self, op: Mapping[str, Any], item: Mapping[str, Any], where: str
    ) -> Iterator[Parameter]:
        for index, raw in enumerate([*item.get("parameters", []), *op.get("parameters", [])]):
            param = self.resolve(raw)
            pointer = self._pointer(raw, f"{where}/parameters/{index}")
            yield Parameter(
                name=param["name"],
                location=param["in"],
                required=bool(param.get("required", False)),
                schema=self.resolve(param.get("schema", {})),
                validator=self.validator(f"{pointer}/schema"),
            )

    def _body_validator(self, op: Mapping[str, Any], where: str) -> Validator | None:
        body = op.get("requestBody")
        if body is None:
            return None
        if "application/json" not in self.resolve(body).get("content", {}):
            return None
        pointer = self._pointer(body, f"{where}/requestBody")
        return self.validator(f"{pointer}/content/application~1json/schema")

    def _responses(self, op: Mapping[str, Any], where: str) -> dict[int, Validator | None]:
        out: dict[int, Validator | None] = {}
        for code, raw in op.get("responses", {}).items():
            response = self.resolve(raw)
            pointer = self._pointer(raw, f"{where}/responses/{code}")
            has_json = "application/json" in response.get("content", {})
            out[int(code)] = (
                self.validator(f"{pointer}/content/application~1json/schema") if has_json else None
            )
        return out

    def _response_headers(self, op: Mapping[str, Any]) -> dict[int, tuple[str, ...]]:
        """The headers each answer must carry: those marked `required` (OpenAPI's default
        is optional, e.g. an `Idempotency-Key` echoed only when one was sent)."""
        return {
            int(code): tuple(
                name
                for name, header in self.resolve(raw).get("headers", {}).items()
                if self.resolve(header).get("required", False) is True
            )
            for code, raw in op.get("responses", {}).items()
        }


def _escape(path: str) -> str:
    """JSON-pointer escaping of a path key."""
    return path.replace("~", "~0").replace("/", "~1")


@cache
def load_spec(path: Path = SPEC_PATH) -> Spec:
    """The contract, parsed once per process."""
    with path.open(encoding="utf-8") as handle:
        document = yaml.safe_load(handle)
    return Spec(document)
