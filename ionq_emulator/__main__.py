"""``python -m ionq_emulator`` / ``ionq-emulator``: serve the emulator on loopback."""

from __future__ import annotations

import sys

from ionq_emulator.server import main

__all__ = ["main"]

if __name__ == "__main__":
    sys.exit(main())
