"""Case 5: import time, as `python -X importtime` reports it, in fresh interpreters.

Each run imports one package in a new process and reads the cumulative time of its
top-level import. `httpx` is the floor: both clients import it. Runs of the three
alternate, and each figure is the median of its runs.
"""

from __future__ import annotations

import re
import subprocess
import sys

from ._fixtures import Recorded
from ._measure import Samples
from ._report import Quantity, Row, compare

__all__ = ["import_seconds", "run"]

CASE = "5 import"
_LINE = re.compile(r"^import time:\s+(\d+) \|\s+(\d+) \| (\S.*)$")


def import_seconds(module: str) -> float:
    """Seconds `import module` took in a fresh interpreter (cumulative, from -X importtime)."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", f"import {module}"],
        capture_output=True,
        text=True,
        check=True,
    )
    for line in done.stderr.splitlines():
        match = _LINE.match(line)
        if match and match.group(3) == module:  # unindented: the top-level import itself
            return int(match.group(2)) / 1e6
    raise RuntimeError(f"no importtime line for {module}:\n{done.stderr[-2000:]}")


def run(recorded: Recorded, quick: bool) -> list[Row]:
    del recorded
    modules = {"facade": "ionq_facade", "core": "ionq_core", "httpx": "httpx"}
    for module in modules.values():
        import_seconds(module)  # compiled files written, caches warm
    times: dict[str, list[float]] = {name: [] for name in modules}
    for r in range(5 if quick else 15):
        names = list(modules)[r % 3 :] + list(modules)[: r % 3]
        for name in names:
            times[name].append(import_seconds(modules[name]))
    samples = {name: Samples(tuple(values)) for name, values in times.items()}
    shown = {name: Quantity(found.median, "s") for name, found in samples.items()}
    what = "import ionq_facade"
    return [
        compare(CASE, what, samples, shown, "facade", "core", "import ionq_core"),
        compare(CASE, what, samples, shown, "facade", "httpx", "import httpx (the floor)"),
    ]
