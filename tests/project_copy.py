"""A copy of the parts of the project that scripts/regenerate reads and writes.

The tests that change the spec (or a template, or the bindings) and regenerate work on
such a copy, never on the checkout.
"""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

__all__ = ["ROOT", "copy_project"]


def copy_project(into: Path) -> Path:
    """`into`, holding the spec, the generator's settings, scripts/, templates/, generated/
    and ionq_facade/ (whose resource classes are written from its _bindings.py)."""
    for name in ["openapi.yaml", "openapi-python-client.yaml", "pyproject.toml"]:
        shutil.copy(ROOT / name, into / name)
    skip = shutil.ignore_patterns("__pycache__")
    for name in ["scripts", "templates", "generated", "ionq_facade"]:
        # symlinks=True keeps ionq_facade/_generated a link to generated/, as checked out.
        shutil.copytree(ROOT / name, into / name, ignore=skip, symlinks=True)
    return into
