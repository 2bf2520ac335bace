"""`python -m ionq_cli`: the same as the `ionq` command."""

from __future__ import annotations

from . import main

main()
