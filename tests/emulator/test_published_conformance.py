"""Every emulator answer of the recorded scenarios, against IonQ's published document too.

The cassettes hold every answer the emulator gave in the recorded scenarios. Each is
checked against our openapi.yaml and against IonQ's published v0.4 document (with
format checking, so `format: uuid` counts), and each result artifact against the
published schema of its format (ResultFormatsCatalog). Differences are either fixed or
listed, with their reasons, in published_deviations.yaml.

IonQ's document is not part of the project (it is IonQ's); the test reads it from
$IONQ_PUBLISHED_OPENAPI, by default the snapshot in ../shared/reference beside the repo.
"""

from __future__ import annotations

import copy
import json
import os
import re
import uuid
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jsonschema  # type: ignore[import-untyped]
import pytest
import yaml

from ionq_emulator.conformance import check_response, match_operation
from ionq_emulator.spec import Operation, Spec, load_spec

ROOT = Path(__file__).resolve().parents[2]
CASSETTES = ROOT / "cassettes"
DEVIATIONS = Path(__file__).with_name("published_deviations.yaml")
# IonQ's document is not ours to vendor; CI and the team's checkouts have shared/ beside
# the repository.
PUBLISHED = Path(
    os.environ.get(
        "IONQ_PUBLISHED_OPENAPI",
        ROOT.parent / "shared" / "reference" / "ionq-openapi-v0.4-2026-09-02.json",
    )
)
LINKS = ("probabilities", "histogram", "shots")


@cache
def published() -> Spec:
    if not PUBLISHED.is_file():
        pytest.skip(f"IonQ's published document is not at {PUBLISHED} (IONQ_PUBLISHED_OPENAPI)")
    document = json.loads(PUBLISHED.read_text())
    for item in document["paths"].values():
        for op in item.values():
            if isinstance(op, dict) and "responses" in op:  # `default` is no status code
                op["responses"] = {k: v for k, v in op["responses"].items() if k.isdigit()}
    return Spec(document)


def answers() -> Iterator[tuple[str, str, str, int, dict[str, str], bytes]]:
    """(cassette, method, path, status, headers, body) of every recorded answer."""
    for cassette in sorted(CASSETTES.glob("*.yaml")):
        for item in yaml.safe_load(cassette.read_text())["interactions"]:
            request, response = item["request"], item["response"]
            headers = {k: v[0] for k, v in response["headers"].items()}
            body = response["body"]["string"]
            yield (
                cassette.name,
                request["method"],
                urlsplit(request["uri"]).path,
                response["status"]["code"],
                headers,
                body.encode() if isinstance(body, str) else body,
            )


def without_links(payload: Any) -> Any:
    """A job (or a page of jobs) without the short-name result links: the listed deviation."""
    if isinstance(payload, dict) and isinstance(payload.get("jobs"), list):
        return {**payload, "jobs": [without_links(j) for j in payload["jobs"]]}
    if isinstance(payload, dict) and isinstance(payload.get("results"), dict):
        results = {k: v for k, v in payload["results"].items() if k not in LINKS}
        return {**payload, "results": results}
    return payload


def strict(op: Operation, status: int, body: Any) -> list[str]:
    """Format checks (uuid, ...) that the plain validation does not make."""
    validator = op.responses.get(status)
    if validator is None:
        return []
    checked = validator.evolve(format_checker=jsonschema.FormatChecker())
    return [
        f"{op.method} {op.path} -> {status}: "
        f"{'/'.join(map(str, e.absolute_path)) or 'body'}: {e.message}"
        for e in checked.iter_errors(body)
        if e.validator == "format"
    ]


def problems_against_published() -> tuple[list[str], dict[str, str]]:
    """Every problem, and the format of every artifact id the jobs named."""
    spec = published()
    found: list[str] = []
    formats: dict[str, str] = {}
    for _, method, path, status, headers, raw in answers():
        op = match_operation(method, path, spec)
        if op is None:
            continue  # test controls (/_emulator/...) are no API operation
        body = json.loads(raw) if raw else raw
        for job in body.get("jobs", [body]) if isinstance(body, dict) else []:
            job = job if isinstance(job, dict) else {}
            compilation = (job.get("output") or {}).get("compilation") or {}
            named = {**(job.get("results") or {}), **compilation.get("compiled_circuits", {})}
            for key, descriptor in named.items():
                if isinstance(descriptor, dict) and "id" in descriptor:
                    formats[descriptor["id"]] = key
        payload = without_links(body) if raw else raw
        found += check_response(op, status, headers, json.dumps(payload).encode() if raw else raw)
        found += strict(op, status, payload)
    return found, formats


def deviations() -> list[dict[str, str]]:
    entries: list[dict[str, str]] = yaml.safe_load(DEVIATIONS.read_text())
    assert all(e.get("match") and e.get("reason") for e in entries), "every entry needs both"
    return entries


def test_every_answer_conforms_to_our_contract() -> None:
    ours = load_spec()
    problems = []
    for cassette, method, path, status, headers, body in answers():
        op = match_operation(method, path, ours)
        if op is not None:
            problems += [f"{cassette}: {p}" for p in check_response(op, status, headers, body)]
    assert problems == []


def test_every_answer_conforms_to_ionqs_published_document_or_is_a_listed_deviation() -> None:
    problems, _ = problems_against_published()
    entries = deviations()
    patterns = [re.compile(e["match"]) for e in entries]
    unlisted = sorted({p for p in problems if not any(r.search(p) for r in patterns)})
    assert unlisted == [], "\n".join(unlisted)
    unused = [e["match"] for e, r in zip(entries, patterns, strict=True)
              if not any(r.search(p) for p in problems)]  # fmt: skip
    assert unused == [], f"deviations nothing matches any more: {unused}"


def test_every_artifact_matches_the_published_schema_of_its_format() -> None:
    spec = published()
    _, formats = problems_against_published()
    schemas = spec.document["components"]["schemas"]
    catalog = {  # result artifacts, and compiled circuits (output.compilation)
        **schemas["ResultFormatsCatalog"]["properties"],
        **schemas["CircuitFormatsCatalog"]["properties"],
    }
    checked = 0
    for _, method, path, status, _, raw in answers():
        if method != "GET" or "/artifacts/" not in path or status != 200:
            continue
        fmt = formats[path.rsplit("/", 1)[1]]
        ref = catalog[fmt]["$ref"]
        errors = [e.message for e in spec.validator(ref).iter_errors(json.loads(raw))]
        assert errors == [], f"{fmt}: {errors[:3]}"
        checked += 1
    seen = set(formats.values())
    assert {"ionq.result.shots.json.v1", "ionq.result.shots.json.v2"} <= seen
    assert checked >= 6


def test_ionqs_own_client_parses_whoami() -> None:
    whoami = pytest.importorskip("ionq_core.models.whoami")
    for _, method, path, status, _, raw in answers():
        if method == "GET" and path.endswith("/whoami") and status == 200:
            body = json.loads(raw)
            parsed = whoami.Whoami.from_dict(copy.deepcopy(body))
            assert parsed.key_id == uuid.UUID(body["key_id"])
            return
    pytest.fail("no whoami answer was recorded")
