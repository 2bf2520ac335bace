"""`--profile`: where the façade's time goes in a case, by pyinstrument (`bench` extra).

Profiles only our side of the case, on the same recorded bodies and in-process
transport as the timed run, so the profile explains the row it belongs to.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from ionq_facade.resources._job_calls import list_page

from ._clients import facade_client, replay
from ._fixtures import BASE_URL, Recorded
from .case_parse import read_every_field

__all__ = ["PROFILES", "profile"]


def _percall(recorded: Recorded) -> Callable[[], object]:
    client = facade_client(BASE_URL, replay(recorded.job))

    def calls() -> None:
        for _ in range(3000):
            client.jobs.get(recorded.job_id)

    return calls


def _parse(recorded: Recorded) -> Callable[[], object]:
    parse = list_page(limit=recorded.page_jobs).parse

    def pages() -> None:
        for _ in range(30):
            read_every_field(parse(json.loads(recorded.page)))

    return pages


PROFILES: dict[str, Callable[[Recorded], Callable[[], object]]] = {
    "percall": _percall,
    "parse": _parse,
}


def profile(case: str, recorded: Recorded) -> str:
    """pyinstrument's text report of the façade's side of `case`."""
    try:
        from pyinstrument import Profiler
    except ImportError:
        raise SystemExit("--profile needs pyinstrument: pip install -e '.[bench]'") from None
    work = PROFILES[case](recorded)
    work()  # warm: imports, pools, caches
    profiler = Profiler(interval=0.0005)
    profiler.start()
    work()
    profiler.stop()
    text: str = profiler.output_text(unicode=False, color=False)
    return text
