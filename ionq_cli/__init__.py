"""The `ionq` command line, over the façade (needs the `cli` extra: typer and rich).

Not imported by `ionq_facade` itself, so the library never pays for typer or rich.
"""

from __future__ import annotations

import sys

MISSING_EXTRA = "the ionq command needs the 'cli' extra: pip install 'ionq-facade[cli]'"

try:
    from .app import app, main
except ModuleNotFoundError as exc:
    # The console script is installed with the package, extra or not: without the extra
    # it says so in one line, as every other error, rather than with a traceback.
    if exc.name not in ("typer", "rich", "click"):
        raise
    _missing = exc.name

    def main() -> None:
        """The `ionq` console script, without the `cli` extra installed."""
        sys.stderr.write(f"ionq: error: {MISSING_EXTRA} (no module named {_missing!r})\n")
        raise SystemExit(2)


__all__ = ["MISSING_EXTRA", "app", "main"]
