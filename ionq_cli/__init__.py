"""The `ionq` command line, over the façade (needs the `cli` extra: typer and rich).

Not imported by `ionq_facade` itself, so the library never pays for typer or rich.
"""

from __future__ import annotations

from .app import app, main

__all__ = ["app", "main"]
