"""Result formats: every artifact IonQ's v0.4 document defines, built from one simulation.

A completed circuit keeps one ``Outcome`` (runner.py), stored as JSON by ``stored``. Every
format is derived from it when asked for, so all of them agree:

- ``ionq.result.probabilities.json.v1``: ``{"3": 0.5}``, decimal states, qubit 0 the least
  significant bit. ``...histogram.json.v1``: the same keys, shot counts.
- ``ionq.result.shots.json.v1``: one decimal state per shot, in the order the shots ran.
- the v2 formats: one entry per classical register (a gate-list circuit has one register,
  ``output_all``, over every qubit, as in IonQ's published examples); register values as
  zero-padded bitstrings (bit 0 rightmost), each shot's register as a bit array
  (element ``i`` is bit ``i``).
- ``ionq.result.probabilities-aggregate.json.v1``: a multi-circuit job's children's
  distributions keyed by child job id.

Shots exist only where shots are sampled: noisy simulations and QPU backends (IonQ's
ideal simulator ignores ``shots``); there a job's histogram counts its shots and its
probabilities are their frequencies. When the simulator gave frequencies but not the
shots themselves, the shots are that multiset in an order drawn from the job's seeded
generator, so they are reproducible and consistent with the histogram. On the ideal
simulator the histogram holds the expected counts (probability x shots), which the
published schema allows (counts are numbers, not integers).

Per-register data comes from the simulation (``Outcome.registers``: register name ->
decimal register value -> probability; ``Outcome.register_shots``: name -> each shot's
decimal value); register widths from the program's declarations.

Debiasing, as the emulator models it: the shots run as ``DEBIAS_VARIANTS`` symmetrized
variants in turn. The default aggregate averages them (the job's frequencies);
``sharpen`` aggregates by plurality voting: only states that win at least one variant
keep their weight, renormalized.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

import numpy as np

from ionq_emulator._tables import RESULT_LINKS, ResultFormat
from ionq_emulator.runner import Outcome

__all__ = [
    "AGGREGATE_V1",
    "DEBIAS_VARIANTS",
    "DEFAULT_REGISTER",
    "FORMATS",
    "HISTOGRAM_V1",
    "HISTOGRAM_V2",
    "PROBABILITIES_V1",
    "PROBABILITIES_V2",
    "SHORT_NAMES",
    "SHOTS_V1",
    "SHOTS_V2",
    "ResultData",
    "payload",
    "sharpened",
    "stored",
    "variants",
]

# The names come from the contract, through the façade's generated table (a link to
# generated/tables.py: it imports nothing, so the emulator does not load the façade).
PROBABILITIES_V1: Final = ResultFormat.PROBABILITIES_V1
PROBABILITIES_V2: Final = ResultFormat.PROBABILITIES_V2
HISTOGRAM_V1: Final = ResultFormat.HISTOGRAM_V1
HISTOGRAM_V2: Final = ResultFormat.HISTOGRAM_V2
SHOTS_V1: Final = ResultFormat.SHOTS_V1
SHOTS_V2: Final = ResultFormat.SHOTS_V2
AGGREGATE_V1: Final = ResultFormat.PROBABILITIES_AGGREGATE_V1
#: Every format, in the order a job's ``results`` lists them.
FORMATS: Final = (
    PROBABILITIES_V1, PROBABILITIES_V2, HISTOGRAM_V1, HISTOGRAM_V2, SHOTS_V1, SHOTS_V2,
    AGGREGATE_V1,
)  # fmt: skip
_SAMPLED_ONLY: Final = frozenset({SHOTS_V1, SHOTS_V2})
#: The link names live clients read (``results.<name>.url``) and the format each serves.
SHORT_NAMES: Final = {link: fmt for fmt, link in RESULT_LINKS.items()}
DEFAULT_REGISTER: Final = "output_all"
DEBIAS_VARIANTS: Final = 25
# Classical registers of an OpenQASM program: `bit[2] c;`, `bit c;`, `creg c[2];`.
_BIT_DECL: Final = re.compile(r"\b(?:output\s+)?bit\s*(?:\[\s*(\d+)\s*\])?\s+([A-Za-z_]\w*)\s*;")
_CREG_DECL: Final = re.compile(r"\bcreg\s+([A-Za-z_]\w*)\s*(?:\[\s*(\d+)\s*\])?\s*;")


def stored(outcome: Outcome) -> dict[str, Any]:
    """What the store keeps of a successful outcome (JSON)."""
    return {
        "probabilities": dict(outcome.probabilities or {}),
        "registers": outcome.registers,
        "shots": outcome.shots,
        "register_shots": outcome.register_shots,
    }


def register_widths(program: str) -> dict[str, int]:
    """The classical registers an OpenQASM program declares, with their widths."""
    widths = {name: int(size or 1) for size, name in _BIT_DECL.findall(program)}
    widths.update((name, int(size or 1)) for name, size in _CREG_DECL.findall(program))
    return widths


@dataclass(frozen=True, slots=True)
class ResultData:
    """One circuit's results: what the simulation gave, and how its shots were taken."""

    probabilities: Mapping[str, float]
    qubits: int
    shots: int
    sampled: bool  # shots were drawn (noisy model or QPU), so per-shot data exists
    seed: int
    registers: Mapping[str, Mapping[str, float]] | None = None
    shot_list: Sequence[int] | None = None
    register_shots: Mapping[str, Sequence[int]] | None = None
    widths: Mapping[str, int] | None = None

    @classmethod
    def load(
        cls, value: Any, *, qubits: int, shots: int, sampled: bool, seed: int, program: str = ""
    ) -> ResultData:
        """From the store: a ``stored`` record, or bare probabilities (older databases)."""
        record = value if isinstance(value, Mapping) and "probabilities" in value else None
        widths = register_widths(program) if program else None
        if record is None:
            return cls(dict(value), qubits, shots, sampled, seed, widths=widths)
        return cls(
            probabilities=dict(record["probabilities"]),
            qubits=qubits,
            shots=shots,
            sampled=sampled,
            seed=seed,
            registers=record.get("registers"),
            shot_list=record.get("shots"),
            register_shots=record.get("register_shots"),
            widths=widths,
        )

    def formats(self) -> list[str]:
        """The formats this circuit serves (the aggregate belongs to multi-circuit jobs)."""
        return [
            f
            for f in FORMATS
            if f != AGGREGATE_V1
            and (self.sampled or f not in _SAMPLED_ONLY)
            and (f != SHOTS_V2 or self.shots_by_register() is not None)
        ]

    # -- the pieces every format is made of ----------------------------------------------

    def counts(self) -> dict[str, float]:
        """Shots per decimal state: counted when sampled, expected counts otherwise."""
        if not self.sampled:
            return {k: p * self.shots for k, p in self.probabilities.items()}
        return {str(k): float(v) for k, v in sorted(Counter(self.outcomes()).items())}

    def outcomes(self) -> list[int]:
        """Every shot's decimal state, in order."""
        if self.shot_list is not None:
            return list(self.shot_list)
        return _ordered_shots(_integer_counts(self.probabilities, self.shots), self.seed)

    def registers_by_name(self) -> dict[str, tuple[int, Mapping[str, float]]]:
        """Register name -> (width, decimal value -> probability)."""
        if self.registers is None:
            return {DEFAULT_REGISTER: (self.qubits, self.probabilities)}
        return {name: (self._width(name, dist), dist) for name, dist in self.registers.items()}

    def _width(self, name: str, values: Iterable[str]) -> int:
        declared = (self.widths or {}).get(name)
        if declared is not None:
            return declared
        return max((int(v).bit_length() for v in values), default=1) or 1

    def shots_by_register(self) -> dict[str, Sequence[int]] | None:
        if self.register_shots is not None:
            return dict(self.register_shots)
        if self.registers is None:  # the one register is the whole measurement
            return {DEFAULT_REGISTER: self.outcomes()}
        return None  # per-register shots the simulation did not keep cannot be made up

    def register_counts(self) -> dict[str, dict[str, float]]:
        if not self.sampled:
            return {
                name: {_bits(int(k), width): p * self.shots for k, p in dist.items()}
                for name, (width, dist) in self.registers_by_name().items()
            }
        widths = {name: width for name, (width, _) in self.registers_by_name().items()}
        return {
            name: {
                _bits(value, widths.get(name, 1)): float(count)
                for value, count in sorted(Counter(values).items())
            }
            for name, values in (self.shots_by_register() or {}).items()
        }


def _bits(value: int, width: int) -> str:
    return format(value, f"0{width}b")


def _bit_array(value: int, width: int) -> list[int]:
    return [(value >> i) & 1 for i in range(width)]


def _integer_counts(probabilities: Mapping[str, float], shots: int) -> dict[int, int]:
    """Whole shot counts summing to ``shots`` (largest remainders), exact for frequencies."""
    raw = {int(k): p * shots for k, p in probabilities.items()}
    counts = {k: int(v) for k, v in raw.items()}
    short = shots - sum(counts.values())
    for k in sorted(raw, key=lambda k: (counts[k] - raw[k], k))[: max(short, 0)]:
        counts[k] += 1
    return {k: c for k, c in counts.items() if c > 0}


def _ordered_shots(counts: Mapping[int, int], seed: int) -> list[int]:
    states = np.repeat(
        np.array(sorted(counts), dtype=np.int64), [counts[k] for k in sorted(counts)]
    )
    np.random.default_rng(seed % 2**64).shuffle(states)
    return [int(s) for s in states.tolist()]


def payload(fmt: str, data: ResultData) -> Any:
    """The artifact of format ``fmt`` (one of ``data.formats()``)."""
    if fmt == PROBABILITIES_V1:
        return dict(data.probabilities)
    if fmt == HISTOGRAM_V1:
        return data.counts()
    if fmt == SHOTS_V1:
        return [str(state) for state in data.outcomes()]
    if fmt == PROBABILITIES_V2:
        return {
            "probabilities": {
                "registers": {
                    name: {_bits(int(k), width): p for k, p in dist.items()}
                    for name, (width, dist) in data.registers_by_name().items()
                }
            }
        }
    if fmt == HISTOGRAM_V2:
        return {"histogram": {"registers": data.register_counts()}}
    if fmt == SHOTS_V2:
        per_register = data.shots_by_register() or {}
        widths = {name: width for name, (width, _) in data.registers_by_name().items()}
        total = min((len(v) for v in per_register.values()), default=0)
        return {
            "shots": [
                {
                    "registers": {
                        name: _bit_array(values[i], widths.get(name, 1))
                        for name, values in per_register.items()
                    }
                }
                for i in range(total)
            ]
        }
    raise KeyError(fmt)


def variants(data: ResultData) -> list[list[int]]:
    """The debiasing variants: the shots split in turn into ``DEBIAS_VARIANTS`` runs."""
    shots = data.outcomes()
    return [shots[i::DEBIAS_VARIANTS] for i in range(DEBIAS_VARIANTS) if shots[i::DEBIAS_VARIANTS]]


def sharpened(data: ResultData) -> dict[str, float]:
    """The plurality-voting aggregate: states winning some variant, renormalized."""
    winners: set[int] = set()
    for run in variants(data):
        tally = Counter(run)
        top = max(tally.values())
        winners.update(state for state, n in tally.items() if n == top)
    kept = {k: p for k, p in data.probabilities.items() if int(k) in winners}
    total = sum(kept.values())
    return {k: p / total for k, p in kept.items()} if total > 0 else dict(data.probabilities)
