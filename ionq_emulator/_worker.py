"""The simulation worker process (see workers.py): ``(circuit, options)`` pickles in on
stdin, one ``Outcome`` pickle out on stdout for each, until stdin closes."""

from __future__ import annotations

import os
import pickle
import sys
from typing import IO

from ionq_emulator.runner import run_circuit


def serve(requests: IO[bytes], answers: IO[bytes]) -> None:
    while True:
        try:
            circuit, options = pickle.load(requests)
        except EOFError:
            return
        pickle.dump(run_circuit(circuit, **options), answers)
        answers.flush()


if __name__ == "__main__":
    # The answers go to the real stdout; anything else printed goes to stderr.
    answers = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    sys.stdout = sys.stderr
    serve(sys.stdin.buffer, answers)
