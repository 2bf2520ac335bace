"""The façade imports nothing beyond its declared dependencies (pyproject's `dependencies`).

Every module of `ionq_facade` (the generated layer included) is imported in a fresh
interpreter; each third-party module then loaded must belong to a declared dependency or
to one of theirs. An import of a package that is only installed here (attrs, pyyaml, the
emulator's) would pass every other test and break a user's `pip install ionq-facade`.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[2]

# What `import httpx` loads itself is httpx's affair: it imports click, rich and pygments
# when they happen to be installed (its `cli` extra), as here.
_LOADED = """
import importlib, json, pkgutil, sys
import httpx
before = set(sys.modules)
import ionq_facade
for info in pkgutil.walk_packages(ionq_facade.__path__, "ionq_facade."):
    importlib.import_module(info.name)
top = {name.partition(".")[0] for name in set(sys.modules) - before}
print(json.dumps(sorted(top - set(sys.stdlib_module_names) - {"ionq_facade"})))
"""


def _distribution(name: str) -> str:
    return name.lower().replace("_", "-")


def _closure(requirements: list[str]) -> set[str]:
    """The distributions of `requirements` and, transitively, of what they require."""
    seen: set[str] = set()
    todo = [Requirement(r) for r in requirements]
    while todo:
        req = todo.pop()
        if req.marker is not None and not req.marker.evaluate({"extra": ""}):
            continue
        name = _distribution(req.name)
        if name in seen:
            continue
        seen.add(name)
        todo.extend(Requirement(r) for r in metadata.requires(req.name) or [])
    return seen


def test_the_facade_imports_only_its_declared_dependencies() -> None:
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    allowed = _closure(declared)
    done = subprocess.run(
        [sys.executable, "-c", _LOADED], capture_output=True, text=True, check=True, cwd=ROOT
    )
    owners = metadata.packages_distributions()
    used = {
        module: {_distribution(d) for d in owners.get(module, [module])}
        for module in json.loads(done.stdout)
    }
    undeclared = sorted(m for m, dists in used.items() if not dists & allowed)
    assert not undeclared, (
        f"ionq_facade imports {undeclared}, which pyproject.toml's dependencies "
        f"({', '.join(declared)}) do not bring: declare them, or import them elsewhere"
    )
    assert "httpcore" in used, "the check saw no httpcore: did the façade stop using httpx?"
