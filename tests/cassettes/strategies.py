"""Hypothesis strategies for clone/move override sets.

An override set is drawn as the JSON the wire should carry (any subset of the fields,
nested objects with any subset of theirs) and turned into the façade's keywords from
that JSON, so the expected body is known independently of how the façade builds it.
`facade_kwargs` may also pass explicit `None` for fields left out: the façade's
"not given", which must not reach the wire either.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final, Literal

from hypothesis import strategies as st

from ionq_facade import Compilation, ErrorMitigation, Noise, Settings

__all__ = [
    "INT32",
    "CloneMoveCase",
    "OverrideCase",
    "World",
    "clone_move_cases",
    "facade_kwargs",
    "override_cases",
    "wire_overrides",
]

INT32: Final = (-(2**31), 2**31 - 1)
MAX_SHOTS: Final = 1_000_000
# What the façade accepts in a URL path segment.
_TOKEN: Final = r"[A-Za-z0-9][A-Za-z0-9._:~-]{0,40}"

Operation = Literal["clone", "move"]


def _optional_object(fields: Mapping[str, st.SearchStrategy[Any]]) -> st.SearchStrategy[Any]:
    """An object with any subset of `fields` (the empty one included)."""
    return st.fixed_dictionaries({}, optional=dict(fields))


def wire_overrides(
    *,
    backends: st.SearchStrategy[str],
    session_ids: st.SearchStrategy[str],
    parents: st.SearchStrategy[str],
    noise_models: st.SearchStrategy[str],
    text: st.SearchStrategy[str],
    opt: st.SearchStrategy[int],
) -> st.SearchStrategy[dict[str, Any]]:
    """Override bodies as JSON: every field of the contract's JobOverrides, any subset."""
    settings = _optional_object(
        {
            "compilation": _optional_object(
                {"opt": opt, "precision": text, "gate_basis": text, "service_version": text}
            ),
            "error_mitigation": _optional_object(
                {"debiasing": st.booleans(), "symmetry_verification": st.booleans()}
            ),
        }
    )
    noise = st.fixed_dictionaries(
        {"model": noise_models}, optional={"seed": st.integers(*INT32)}
    )
    return _optional_object(
        {
            "name": text,
            "shots": st.integers(1, MAX_SHOTS),
            "backend": backends,
            "metadata": st.dictionaries(text, text, max_size=4),
            "session_id": session_ids,
            "parent": parents,
            "settings": settings,
            "noise": noise,
            "dry_run": st.booleans(),
        }
    )


def facade_kwargs(wire: Mapping[str, Any], nones: Sequence[str] = ()) -> dict[str, Any]:
    """The façade keywords meaning `wire`, plus `None` (not given) for each of `nones`."""
    kwargs: dict[str, Any] = dict.fromkeys(nones)
    for key, value in wire.items():
        if key == "settings":
            compilation = value.get("compilation")
            mitigation = value.get("error_mitigation")
            kwargs[key] = Settings(
                compilation=None if compilation is None else Compilation(**compilation),
                error_mitigation=None if mitigation is None else ErrorMitigation(**mitigation),
            )
        elif key == "noise":
            kwargs[key] = Noise(**value)
        else:
            kwargs[key] = value
    return kwargs


@dataclass(frozen=True)
class OverrideCase:
    """An override set: the JSON expected on the wire, and the keywords that mean it."""

    wire: dict[str, Any]
    kwargs: dict[str, Any]


OVERRIDE_FIELDS: Final = (
    "name", "shots", "backend", "metadata", "session_id", "parent", "settings", "noise", "dry_run",
)  # fmt: skip


@st.composite
def override_cases(draw: st.DrawFn) -> OverrideCase:
    """Any override set the façade accepts, with strings and integers unconstrained."""
    wire = draw(
        wire_overrides(
            backends=st.text(min_size=1),
            session_ids=st.from_regex(_TOKEN, fullmatch=True),
            parents=st.from_regex(_TOKEN, fullmatch=True),
            noise_models=st.text(),
            text=st.text(),
            opt=st.integers(),
        )
    )
    absent = [name for name in OVERRIDE_FIELDS if name not in wire]
    nones = draw(st.lists(st.sampled_from(absent), unique=True)) if absent else []
    return OverrideCase(wire=wire, kwargs=facade_kwargs(wire, nones))


@dataclass(frozen=True)
class World:
    """What exists before override sets are drawn against a server: valid values."""

    backends: tuple[str, ...]
    session_ids: tuple[str, ...]
    parents: tuple[str, ...]
    noise_models: tuple[str, ...]


@dataclass(frozen=True)
class CloneMoveCase:
    """One clone or move: the source's status when it happens, how the source is
    passed (snapshot: the façade pre-checks it; id: it does not), and the overrides."""

    operation: Operation
    source_status: str
    pass_snapshot: bool
    wire: dict[str, Any]


# Where a source can be when cloned (any status) or moved (cancelable ones).
_SOURCE_STATUSES: Final[dict[Operation, tuple[str, ...]]] = {
    "clone": ("submitted", "ready", "started", "completed"),
    "move": ("submitted", "ready", "started"),
}


def _one_of(values: Sequence[str]) -> st.SearchStrategy[str]:
    return st.sampled_from(values) if values else st.nothing()


@st.composite
def clone_move_cases(draw: st.DrawFn, world: World) -> CloneMoveCase:
    """Clone/move cases a server accepts: backends, sessions and parents that exist."""
    operation: Operation = draw(st.sampled_from(("clone", "move")))
    # Short text, non-ASCII included but no control, private or unassigned characters:
    # these land in a cassette, which people read.
    text = st.text(
        st.characters(max_codepoint=0x2FFF, exclude_categories=("Cs", "Cc", "Co", "Cn")),
        max_size=12,
    )
    wire = draw(
        wire_overrides(
            backends=_one_of(world.backends),
            session_ids=_one_of(world.session_ids),
            parents=_one_of(world.parents),
            noise_models=_one_of(world.noise_models),
            text=text,
            opt=st.integers(0, 3),
        )
    )
    return CloneMoveCase(
        operation=operation,
        source_status=draw(st.sampled_from(_SOURCE_STATUSES[operation])),
        pass_snapshot=draw(st.booleans()),
        wire=wire,
    )
