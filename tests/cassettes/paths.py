"""Where this repository keeps its cassettes (how they are written: ionq_emulator.recording)."""

from __future__ import annotations

from pathlib import Path
from typing import Final

__all__ = ["CASSETTE_DIR", "LIVE_DIR", "ROOT"]

ROOT: Final = Path(__file__).resolve().parents[2]
CASSETTE_DIR: Final = ROOT / "cassettes"
#: Cassettes recorded against api.ionq.co by `scripts/record_cassettes --live`.
LIVE_DIR: Final = CASSETTE_DIR / "live"
