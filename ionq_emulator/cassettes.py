"""Checking recorded cassettes against the contract: which recorded interactions break it?

    ionq-emulator check-cassettes cassettes/*.yaml [--spec other-openapi.yaml]
    python -m ionq_emulator.cassettes cassettes/

Every interaction of every vcrpy cassette (YAML) is matched to an operation of the
contract (ours by default; ``--spec`` names another version of it), then:

- its request: path and query parameters, and the JSON body, against the operation's
  schemas. A request the server refused (a 4xx answer) was meant to break them: only
  its answer is checked, which must be a documented refusal.
- its response: status documented, required headers present, body valid.

Each violation names the cassette, the interaction (0-based, as in the file's
``interactions`` list), the side and the JSON path. The exit status is 1 on any.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Final, Literal
from urllib.parse import parse_qs, urlsplit

import yaml

from ionq_emulator.conformance import json_path, match_route, response_problems
from ionq_emulator.errors import ApiError
from ionq_emulator.spec import SPEC_PATH, Operation, Spec, load_spec
from ionq_emulator.validation import _leaves as closest_errors
from ionq_emulator.validation import parse_params

__all__ = ["CassetteViolation", "check_cassettes", "main"]

_REFUSED: Final = range(400, 500)


@dataclass(frozen=True, slots=True)
class CassetteViolation:
    """One way one recorded interaction breaks the contract."""

    cassette: Path
    #: Index in the cassette's ``interactions`` list, from 0.
    interaction: int
    where: Literal["request", "response"]
    #: JSON path into the body (``$.jobs[0].status``), ``query.NAME``/``path.NAME`` for a
    #: parameter, ``$`` for the whole request or answer.
    path: str
    message: str

    def __str__(self) -> str:
        return (
            f"{self.cassette}: interaction {self.interaction}: {self.where} "
            f"{self.path}: {self.message}"
        )


def check_cassettes(paths: Sequence[Path], spec: Path | None = None) -> list[CassetteViolation]:
    """Every violation of the contract (``spec``, default ours) in the cassettes at
    ``paths`` (files, or directories searched for ``*.yaml``); empty when all conform."""
    contract = load_spec(Path(spec).resolve() if spec is not None else SPEC_PATH)
    found: list[CassetteViolation] = []
    for cassette in _cassette_files(paths):
        try:
            interactions = _interactions(cassette)
        except (OSError, ValueError, yaml.YAMLError) as exc:
            found.append(CassetteViolation(cassette, 0, "request", "$", f"unreadable: {exc}"))
            continue
        for index, interaction in enumerate(interactions):
            found += [
                CassetteViolation(cassette, index, where, path, message)
                for where, path, message in _interaction_problems(interaction, contract)
            ]
    return found


def _cassette_files(paths: Sequence[Path]) -> Iterator[Path]:
    for path in map(Path, paths):
        yield from sorted(path.rglob("*.yaml")) if path.is_dir() else [path]


def _interactions(cassette: Path) -> list[Mapping[str, Any]]:
    data = yaml.safe_load(cassette.read_text(encoding="utf-8"))
    interactions = data.get("interactions") if isinstance(data, dict) else None
    if not isinstance(interactions, list):
        raise ValueError("not a vcrpy cassette (no `interactions` list)")
    return interactions


_Problem = tuple[Literal["request", "response"], str, str]


def _interaction_problems(interaction: Mapping[str, Any], spec: Spec) -> Iterator[_Problem]:
    request, response = interaction["request"], interaction["response"]
    url = urlsplit(str(request["uri"]))
    method = str(request["method"]).upper()
    route = match_route(method, url.path, spec)
    if route is None:
        yield "request", "$", f"{method} {url.path} is not an operation of the contract"
        return
    op, path_params = route
    status = int(response["status"]["code"])
    if status not in _REFUSED:
        yield from _request_problems(op, path_params, url.query, request.get("body"))
    headers = {name: ", ".join(values) for name, values in response.get("headers", {}).items()}
    content = _text(response.get("body", {}).get("string")).encode()
    for path, message in response_problems(op, status, headers, content):
        yield "response", path, message


def _request_problems(
    op: Operation, path_params: dict[str, str], query: str, raw_body: Any
) -> Iterator[_Problem]:
    # One parameter at a time, so each bad one is named (parse_params stops at the first).
    values = parse_qs(query, keep_blank_values=True)
    for param in op.parameters:
        if param.location not in {"path", "query"}:
            continue
        single = replace(op, parameters=(param,))
        try:
            parse_params(single, path_params, values)
        except ApiError as exc:
            yield "request", f"{param.location}.{param.name}", exc.message
    body = _text(raw_body)
    if op.body_validator is None:
        return
    if not body.strip():
        if op.body_required:
            yield "request", "$", "a JSON request body is required"
        return
    try:
        parsed = json.loads(body)
    except ValueError as exc:
        yield "request", "$", f"body is not JSON ({exc})"
        return
    for error in op.body_validator.iter_errors(parsed):
        # Of an anyOf (the kinds of job), the branch the body came closest to matching,
        # as the emulator's own 400s report it.
        for leaf in closest_errors(error):
            yield "request", json_path(leaf.absolute_path), leaf.message


def _text(value: Any) -> str:
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return "" if value is None else str(value)


def main(argv: Sequence[str] | None = None) -> int:
    """``check-cassettes PATH... [--spec FILE]``: print each violation; 1 if any, else 0."""
    parser = argparse.ArgumentParser(
        prog="ionq-emulator check-cassettes",
        description="Check recorded vcrpy cassettes against the contract (openapi.yaml).",
    )
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="cassette or folder")
    parser.add_argument(
        "--spec", type=Path, default=None, metavar="FILE",
        help="the contract to check against (default: the emulator's openapi.yaml)",
    )  # fmt: skip
    args = parser.parse_args(argv)
    missing = [str(p) for p in [*args.paths, *([args.spec] if args.spec else [])] if not p.exists()]
    if missing:
        parser.error(f"no such file: {', '.join(missing)}")
    files = list(_cassette_files(args.paths))
    violations = check_cassettes(files, args.spec)
    for violation in violations:
        print(violation)
    broken = len({(v.cassette, v.interaction) for v in violations})
    verdict = f"{broken} interaction(s) break the contract" if violations else "all conform"
    print(f"{len(files)} cassette(s) checked: {verdict}", file=sys.stderr)
    return 1 if violations else 0


if __name__ == "__main__":
    sys.exit(main())
