"""A stock openapi-python-client client of openapi.yaml, generated once per test run.

The shipped package (`ionq_facade._generated`) holds only requests and their body models;
answers are read by the views. Clients such as IonQ's ionq-core are this generator's
stock output, sync/asyncio functions and response models included: the tests that check
the contract (and the emulator) suit such a client generate one here, with the pinned
generator and the project's settings, minus our templates and pruning.
"""

from __future__ import annotations

import atexit
import importlib
import shutil
import subprocess
import sys
import tempfile
from functools import cache
from pathlib import Path
from types import ModuleType

import yaml

ROOT = Path(__file__).resolve().parent.parent
NAME = "ionq_stock_client"

__all__ = ["NAME", "endpoint", "models", "stock_client"]


@cache
def stock_client() -> ModuleType:
    """The generated package, imported as `ionq_stock_client`."""
    into = Path(tempfile.mkdtemp(prefix="stock-client-"))
    atexit.register(shutil.rmtree, into, ignore_errors=True)
    config = yaml.safe_load((ROOT / "openapi-python-client.yaml").read_text())
    config.update(package_name_override=NAME, post_hooks=[])
    (into / "config.yaml").write_text(yaml.safe_dump(config))
    generator = Path(sys.executable).parent / "openapi-python-client"
    done = subprocess.run(
        [
            str(generator if generator.exists() else "openapi-python-client"),
            "generate",
            "--path",
            str(ROOT / "openapi.yaml"),
            "--config",
            str(into / "config.yaml"),
            "--meta",
            "none",
            "--output-path",
            str(into / NAME),
            "--fail-on-warning",
        ],
        capture_output=True,
        text=True,
        cwd=into,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    # The folder holding the package (not the package: its types.py would shadow the stdlib).
    sys.path.insert(0, str(into))
    try:
        return importlib.import_module(NAME)
    finally:
        sys.path.remove(str(into))


def endpoint(tag: str, operation: str) -> ModuleType:
    """One endpoint module, e.g. endpoint("jobs", "create_job")."""
    stock_client()
    return importlib.import_module(f"{NAME}.api.{tag}.{operation}")


def models() -> ModuleType:
    """The package's models (every request and response schema)."""
    stock_client()
    return importlib.import_module(f"{NAME}.models")
