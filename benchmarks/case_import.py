"""Case 5: import time, as `python -X importtime` reports it, in fresh interpreters.

Each run imports one package in a new process and reads the cumulative time of its
top-level import. `httpx` is the floor: both clients import it. A second row times, by
the clock in a fresh process, `import ionq_facade` plus a first `jobs.create` (answered
by an in-process transport), so the imports done lazily on first use count too, against
`import httpx` timed the same way. Runs alternate, and each figure is the median of its
runs.

Every module loads from bytecode, as after `pip install` (which byte-compiles what it
installs): the children write and read `.pyc` files in a private cache
(`PYTHONPYCACHEPREFIX`, a temporary directory), filled by an untimed first run of each
snippet, so ours, httpx, ionq-core and the standard library are measured alike. Without
this, a machine that sets PYTHONDONTWRITEBYTECODE (as the development machine does)
would compile our editable-installed sources on every import but not pip's.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Mapping

from ._fixtures import Recorded
from ._measure import Samples
from ._report import Quantity, Row, Target, compare

__all__ = ["first_create_seconds", "import_seconds", "run"]

CASE = "5 import"
WITHIN_HTTPX = Target(1.3)
_CLOCKED = """
import time
start = time.perf_counter()
{body}
print(time.perf_counter() - start)
"""
_CREATE = """
import httpx
from ionq_facade import Circuit, IonQ
job = b'{"id": "00000000-0000-4000-8000-000000000000", "status": "submitted"}'
def answer(request):
    return httpx.Response(200, content=job, headers={"content-type": "application/json"})
http = httpx.Client(transport=httpx.MockTransport(answer))
client = IonQ(api_key="bench-0123456789abcdef", http_client=http)
client.jobs.create(Circuit(2).h(0).cnot(0, 1), backend="simulator", shots=1000)
"""
_LINE = re.compile(r"^import time:\s+(\d+) \|\s+(\d+) \| (\S.*)$")


def bytecode_env(cache: str) -> dict[str, str]:
    """The environment of a child that writes and reads its bytecode under `cache`."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = cache
    return env


def import_seconds(module: str, env: Mapping[str, str] | None = None) -> float:
    """Seconds `import module` took in a fresh interpreter (cumulative, from -X importtime)."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", f"import {module}"],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    for line in done.stderr.splitlines():
        match = _LINE.match(line)
        if match and match.group(3) == module:  # unindented: the top-level import itself
            return int(match.group(2)) / 1e6
    raise RuntimeError(f"no importtime line for {module}:\n{done.stderr[-2000:]}")


def first_create_seconds(body: str, env: Mapping[str, str] | None = None) -> float:
    """Seconds `body` took in a fresh interpreter, by its own clock."""
    code = _CLOCKED.format(body=body)
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    return float(done.stdout.split()[-1])


def run(recorded: Recorded, quick: bool) -> list[Row]:
    del recorded
    with tempfile.TemporaryDirectory(prefix="bench-pycache-") as cache:
        return _run(quick, bytecode_env(cache))


def _run(quick: bool, env: Mapping[str, str]) -> list[Row]:
    modules = {"facade": "ionq_facade", "core": "ionq_core", "httpx": "httpx"}
    clocked = {"facade+create": _CREATE, "httpx clocked": "import httpx"}
    for module in modules.values():  # untimed: the bytecode cache filled, disk caches warm
        import_seconds(module, env)
    for body in clocked.values():
        first_create_seconds(body, env)
    times: dict[str, list[float]] = {name: [] for name in [*modules, *clocked]}
    for r in range(5 if quick else 15):
        names = list(modules)[r % 3 :] + list(modules)[: r % 3]
        for name in names:
            times[name].append(import_seconds(modules[name], env))
        for name in list(clocked)[r % 2 :] + list(clocked)[: r % 2]:
            times[name].append(first_create_seconds(clocked[name], env))
    samples = {name: Samples(tuple(values)) for name, values in times.items()}
    shown = {name: Quantity(found.median, "s") for name, found in samples.items()}
    what = "import ionq_facade (bytecode)"
    return [
        compare(CASE, what, samples, shown, "facade", "core", "import ionq_core"),
        compare(CASE, what, samples, shown, "facade", "httpx", "import httpx (the floor)"),
        compare(
            CASE,
            "import + first jobs.create",
            samples,
            shown,
            "facade+create",
            "httpx clocked",
            "import httpx (the floor)",
            WITHIN_HTTPX,
        ),
    ]
