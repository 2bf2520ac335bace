"""In-place kernel for (controlled) single-qubit gates on a flat statevector.

The state is a C-contiguous array of ``2**n`` complex128 amplitudes, index bit ``q``
holding qubit ``q``. Reshaping it as ``(.., 2, .., 2, ..)`` around the target and
control qubits gives views with no copy; the gate then runs over cache-sized tiles of
the two halves (target 0 / target 1, every control 1), so that its few temporaries stay
in the core's cache instead of streaming through memory: one read and one write of each
amplitude per gate.
"""

from __future__ import annotations

import concurrent.futures
import functools
import os
from collections.abc import Sequence
from typing import Any, Final

import numpy as np
from numpy.typing import NDArray

__all__ = ["TILE", "apply_one_qubit", "workers"]

#: Amplitudes of one half processed at once: four tiles of 2**13 complex128 (the two
#: halves and two temporaries) are 512 KiB, within a core's L2 cache.
TILE: Final = 2**13
#: Below this many elements per half a gate runs in the calling thread.
_THREADED: Final = 2**16

_Index = tuple[int | slice, ...]
_State = NDArray[np.complex128]


_THREADS: Final = os.cpu_count() or 1
#: Names of the shared pool's threads (they live as long as the process).
THREAD_PREFIX: Final = "ionq-emulator-kernel"


@functools.cache
def workers() -> concurrent.futures.ThreadPoolExecutor:
    """The shared pool: numpy releases the GIL in its loops, so disjoint parts of the
    state run in parallel threads."""
    return concurrent.futures.ThreadPoolExecutor(
        max_workers=_THREADS, thread_name_prefix=THREAD_PREFIX
    )


def _tiles(shape: tuple[int, ...], limit: int) -> list[_Index]:
    """Indices of disjoint tiles of at most ``limit`` elements covering ``shape``."""
    inner, k = 1, len(shape)
    while k > 0 and inner * shape[k - 1] <= limit:
        k -= 1
        inner *= shape[k]
    if k == 0:
        return [()]
    step = max(1, limit // inner)
    return [
        (*outer, slice(start, start + step))
        for outer in np.ndindex(*shape[: k - 1])
        for start in range(0, shape[k - 1], step)
    ]


def _halves(state: _State, n: int, target: int, controls: Sequence[int]) -> tuple[_State, _State]:
    """Views of the amplitudes with the target at 0 and at 1, every control at 1."""
    special = sorted({target, *controls}, reverse=True)
    dims: list[int] = []
    above = n
    for q in special:
        dims += [2 ** (above - q - 1), 2]
        above = q
    dims.append(2**above)
    view = state.view()
    view.shape = tuple(dims)  # raises rather than copy (the state must be contiguous)
    index: list[int | slice] = [slice(None)] * len(dims)
    for i in range(len(special)):
        index[2 * i + 1] = 1
    at = 2 * special.index(target) + 1
    halves = []
    for bit in (0, 1):
        index[at] = bit
        half = view[tuple(index)].squeeze()  # squeeze drops unit axes, never copies
        halves.append(half.reshape(1) if half.ndim == 0 else half)
    return halves[0], halves[1]


def apply_one_qubit(
    state: NDArray[np.complex128],
    n: int,
    matrix: NDArray[np.complex128],
    target: int,
    controls: Sequence[int] = (),
) -> None:
    """Apply the 2x2 ``matrix`` in place on qubit ``target`` of the flat ``state``
    (``2**n`` amplitudes, C-contiguous), where every qubit in ``controls`` is 1."""
    (a, b), (c, d) = matrix.tolist()
    if a == 1 and d == 1 and b == 0 and c == 0:
        return
    s0, s1 = _halves(state, n, target, controls)
    tiles = _tiles(s0.shape, TILE)
    coefficients = (a, b, c, d)

    def work(part: list[_Index]) -> None:
        keep = np.empty(TILE, dtype=np.complex128)
        scratch = np.empty(TILE, dtype=np.complex128)
        for tile in part:
            _kernel(s0[tile], s1[tile], coefficients, keep, scratch)

    if s0.size < _THREADED or len(tiles) < 2:
        work(tiles)
        return
    share = -(-len(tiles) // _THREADS)
    parts = [tiles[i : i + share] for i in range(0, len(tiles), share)]
    for done in workers().map(work, parts):
        del done


def _kernel(
    x0: NDArray[Any],
    x1: NDArray[Any],
    coefficients: tuple[Any, Any, Any, Any],
    keep_buffer: NDArray[Any],
    scratch_buffer: NDArray[Any],
) -> None:
    """x0, x1 <- a x0 + b x1, c x0 + d x1, in place; temporaries in the buffers."""
    a, b, c, d = coefficients
    if b == 0 and c == 0:  # diagonal: phases (z, s, t, rz, cz, ...)
        if a != 1:
            x0 *= a
        if d != 1:
            x1 *= d
        return
    keep = keep_buffer[: x0.size].reshape(x0.shape)
    if a == 0 and d == 0:  # anti-diagonal (x, y, gpi): a swap of the halves, scaled
        np.copyto(keep, x0)
        np.copyto(x0, x1) if b == 1 else np.multiply(x1, b, out=x0)
        np.copyto(x1, keep) if c == 1 else np.multiply(keep, c, out=x1)
        return
    scratch = scratch_buffer[: x0.size].reshape(x0.shape)
    np.multiply(x0, c, out=keep)  # c x0, before x0 changes
    x0 *= a
    np.multiply(x1, b, out=scratch)
    x0 += scratch
    x1 *= d
    x1 += keep
