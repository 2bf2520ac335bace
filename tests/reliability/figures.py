"""The figures the reliability suite reports: filled by the tests, printed at the end.

Each test records one named table of (label, value) rows; `tests/reliability/conftest.py`
prints every table recorded during the run in the terminal summary, so the numbers
behind each target are visible on every run (and can be pasted into the README).
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["FIGURES", "Figures"]

Row = tuple[str, object]


class Figures:
    """Tables of figures by title, rendered in title order (titles start with a number)."""

    def __init__(self) -> None:
        self.tables: dict[str, list[Row]] = {}

    def record(self, title: str, rows: Iterable[Row]) -> None:
        """Set the table `title` (a later record of the same title replaces it)."""
        self.tables[title] = list(rows)

    def render(self) -> list[str]:
        lines: list[str] = []
        for title, rows in sorted(self.tables.items()):
            width = max((len(label) for label, _ in rows), default=0)
            lines.append(title)
            lines.extend(f"  {label:<{width}}  {_format(value)}" for label, value in rows)
        return lines


def _format(value: object) -> str:
    if isinstance(value, float):
        return f"{value:,.2f}"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return str(value)


FIGURES = Figures()
