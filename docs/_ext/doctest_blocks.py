"""A griffe extension for the docs build: doctest examples (``>>>`` lines and the output
under them) in docstrings become Python code blocks, so Markdown does not read their
output (``[{'gate': 'h'}]``) as links. Docstrings stay plain doctests in the source."""

from __future__ import annotations

from typing import Any

import griffe


def fence_doctests(text: str) -> str:
    """``text`` with each run of doctest lines (a ``>>>`` line, then non-blank lines)
    wrapped in a ```` ```python ```` fence, unless it is inside a fence already."""
    out: list[str] = []
    in_fence = in_doctest = False
    for line in text.splitlines():
        stripped = line.strip()
        if in_doctest and not stripped:
            out.append("```")
            in_doctest = False
        if stripped.startswith("```") and not in_doctest:
            in_fence = not in_fence
        elif stripped.startswith(">>>") and not in_fence and not in_doctest:
            out.append("```python")
            in_doctest = True
        out.append(line.strip() if in_doctest else line)
    if in_doctest:
        out.append("```")
    return "\n".join(out)


class DoctestBlocks(griffe.Extension):
    def on_object(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = fence_doctests(obj.docstring.value)
