"""Prints the reliability figures (see `figures.py`) at the end of every run."""

from __future__ import annotations

import pytest

from .figures import FIGURES


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not FIGURES.tables:
        return
    terminalreporter.section("reliability figures")
    for line in FIGURES.render():
        terminalreporter.write_line(line)
