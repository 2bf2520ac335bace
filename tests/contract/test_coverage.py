"""Everything the spec declares reaches the façade, or this test names the file to change.

Derived from openapi.yaml: every operation has a façade method (`ionq_facade/_operations.py`
says which, or why not), every request field is a keyword of that method, every response
object is a generated view with a typed attribute per property.
"""

from __future__ import annotations

import importlib
import inspect
import typing
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from ionq_facade import AsyncIonQ, IonQ
from ionq_facade._operations import FILES, KEYWORDS, NOT_SERVED, SERVED

ROOT = Path(__file__).resolve().parents[2]
SPEC: dict[str, Any] = yaml.safe_load((ROOT / "openapi.yaml").read_text())
VIEWS: dict[str, Any] = yaml.safe_load((ROOT / "templates" / "views.yaml").read_text())
METHODS = {"get", "put", "post", "delete", "patch"}


def operations() -> Iterator[tuple[str, str, str, dict[str, Any]]]:
    for path, item in SPEC["paths"].items():
        for method, op in item.items():
            if method in METHODS:
                yield op["operationId"], method.upper(), path, op


def resolve(node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        *_, kind, name = node["$ref"].split("/")
        node = SPEC["components"][kind][name]
    return node


def ref_name(node: dict[str, Any]) -> str | None:
    return node["$ref"].rsplit("/", 1)[1] if "$ref" in node else None


def method_of(client: object, dotted: str) -> Callable[..., Any]:
    target: Any = client
    for part in dotted.split("."):
        target = getattr(target, part)
    return typing.cast(Callable[..., Any], target)


def keywords(method: Callable[..., Any]) -> set[str]:
    """The keywords a bound façade method takes, the keys of its `**Unpack[...]` included."""
    hints = typing.get_type_hints(method)
    names: set[str] = set()
    for name, param in inspect.signature(method).parameters.items():
        if param.kind is inspect.Parameter.VAR_KEYWORD:
            (typed,) = typing.get_args(hints[name])
            names |= set(typed.__optional_keys__)
        else:
            names.add(name)
    return names


def where(op_id: str, op: dict[str, Any]) -> str:
    return FILES.get(op["tags"][0], "ionq_facade/resources/<tag>.py")


def request_fields(op: dict[str, Any]) -> Iterator[str]:
    for param in op.get("parameters", []):
        param = resolve(param)
        if param["in"] == "query" and param["name"] != "next":
            yield param["name"]
    body = op.get("requestBody")
    if body is None:
        return
    schema = resolve(body["content"]["application/json"]["schema"])
    for variant in schema.get("anyOf", [schema]):
        for key, prop in resolve(variant).get("properties", {}).items():
            if "$ref" not in prop and prop.get("type") == "object" and "properties" in prop:
                yield from prop["properties"]  # an inline object is flattened into keywords
            else:
                yield key


@pytest.mark.parametrize(("op_id", "method", "path", "op"), list(operations()))
def test_every_operation_has_a_facade_method(
    op_id: str, method: str, path: str, op: dict[str, Any]
) -> None:
    if op_id in NOT_SERVED:
        return
    module = op_id[0].lower() + "".join(f"_{c.lower()}" if c.isupper() else c for c in op_id[1:])
    assert op_id in SERVED, (
        f"operation {op_id} ({method} {path}) has no façade method: define it in "
        f"{where(op_id, op)} as a function returning Call.of(ionq_facade._generated.api."
        f"{op['tags'][0]}."
        f"{module}._get_kwargs(...), <View>._parse), bind it to the resource classes, and "
        f"name it in ionq_facade/_operations.py SERVED (or NOT_SERVED, with the reason)"
    )
    for client in (IonQ, AsyncIonQ):
        instance = client(api_key="k", base_url="http://127.0.0.1:1/v0.4")
        assert callable(method_of(instance, SERVED[op_id])), f"{client.__name__}.{SERVED[op_id]}"


def test_the_table_names_only_operations_of_the_spec() -> None:
    known = {op_id for op_id, *_ in operations()}
    assert set(SERVED) | set(NOT_SERVED) <= known, "ionq_facade/_operations.py: stale entries"


@pytest.mark.parametrize(
    ("op_id", "method", "path", "op"), [o for o in operations() if o[0] in SERVED]
)
def test_every_request_field_is_a_keyword(
    op_id: str, method: str, path: str, op: dict[str, Any]
) -> None:
    client = IonQ(api_key="k", base_url="http://127.0.0.1:1/v0.4")
    accepted = keywords(method_of(client, SERVED[op_id]))
    renames = KEYWORDS.get(op_id, {})
    missing = sorted(f for f in request_fields(op) if renames.get(f, f) not in accepted)
    assert not missing, (
        f"{op_id} ({method} {path}): {missing} reach no keyword of {SERVED[op_id]}: add them "
        f"in {where(op_id, op)} (or a rename in ionq_facade/_operations.py KEYWORDS)"
    )


def response_schemas() -> Iterator[tuple[str, str]]:
    for op_id, _, _, op in operations():
        for status, answer in op["responses"].items():
            if status.startswith("2"):
                content = resolve(answer).get("content", {}).get("application/json", {})
                name = ref_name(content.get("schema", {}))
                if name and "properties" in SPEC["components"]["schemas"][name]:
                    yield op_id, name


@pytest.mark.parametrize(("op_id", "schema"), sorted(set(response_schemas())))
def test_every_response_object_is_a_view(op_id: str, schema: str) -> None:
    assert schema in VIEWS["classes"], (
        f"{op_id} answers {schema}, which has no view: add it to templates/views.yaml classes "
        "and run scripts/regenerate"
    )


@pytest.mark.parametrize("schema", sorted(VIEWS["classes"]))
def test_every_response_property_is_a_typed_attribute(schema: str) -> None:
    views = importlib.import_module("ionq_facade._generated.views")
    cls = getattr(views, VIEWS["classes"][schema])
    for key in SPEC["components"]["schemas"][schema].get("properties", {}):
        attr = VIEWS.get("renames", {}).get(f"{schema}.{key}", key)
        prop = inspect.getattr_static(cls, attr, None)
        assert isinstance(prop, property), f"{cls.__name__}.{attr} ({schema}.{key}): regenerate"
        assert "return" in typing.get_type_hints(prop.fget), f"{cls.__name__}.{attr}"
