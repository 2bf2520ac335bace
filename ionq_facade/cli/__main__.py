"""`python -m ionq_facade.cli`: the same as the `ionq` command."""

from __future__ import annotations

from . import main

main()
