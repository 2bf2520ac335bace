"""Property 4: random sequences of create/cancel/clone/move/advance against the emulator.

The model is the façade's lifecycle table (`ionq_facade._lifecycle`). After every step:
each server-side transition the emulator reports is an edge of that table; every
job's status, as the façade observes it and as the server holds it, is the one the
model predicts (manual mode: nothing moves unless told); and for cancel and move, the
façade's pre-check on a fresh snapshot agrees with the server: refused locally exactly
when the server answers 409, and then nothing changes and no job is created.
"""

from __future__ import annotations

import uuid
from typing import Any, ClassVar

import httpx
import pytest
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    MultipleResults,
    RuleBasedStateMachine,
    initialize,
    invariant,
    multiple,
    precondition,
    rule,
)

from ionq_emulator import LifecycleError
from ionq_emulator.lifecycle import lifecycle
from ionq_emulator.server import EmulatorServer
from ionq_facade import (
    InvalidTransitionError,
    IonQ,
    Job,
    JobConflictError,
    JobRef,
    JobStatus,
    _lifecycle,
)
from ionq_facade._lifecycle import INITIAL, TERMINAL, TRANSITIONS, is_reachable

from .scenarios import bell
from .stage import EmulatorControls, Stage

S = JobStatus
TARGETS = st.sampled_from([None, *(s.value for s in JobStatus if s is not S.UNKNOWN)])


class LifecycleMachine(RuleBasedStateMachine):
    """One project on a shared emulator; `server` is set by the test that runs it."""

    server: ClassVar[EmulatorServer]
    jobs = Bundle("jobs")

    def __init__(self) -> None:
        super().__init__()
        self.stage = Stage(
            EmulatorControls(self.server),
            emulated=True,
            base_url=self.server.base_url,
            http=httpx.Client,
            # A fresh key is a fresh project: runs never see each other's jobs.
            api_key=f"machine-{uuid.uuid4().hex}",
        )
        self.client: IonQ = self.stage.client()
        self.expected: dict[str, JobStatus] = {}

    def teardown(self) -> None:
        self.stage.close()

    # -- helpers ------------------------------------------------------------------------

    def _created(self, ref: JobRef) -> str:
        assert ref.status in INITIAL, f"a new job is {ref.status}"
        self.expected[ref.id] = ref.status
        return ref.id

    def _snapshot(self, job: str) -> Job:
        snapshot = self.client.jobs.get(job)
        assert snapshot.status is self.expected[job]
        return snapshot

    def _project_size(self) -> int:
        return int(self.server.emulator.state()["jobs"])

    # -- rules --------------------------------------------------------------------------

    @initialize(target=jobs)
    def first(self) -> str:
        return self._created(self.client.jobs.create(bell(), backend="simulator", shots=10))

    @rule(target=jobs)
    def create(self) -> str:
        return self._created(self.client.jobs.create(bell(), backend="simulator", shots=10))

    @rule(job=jobs, to=TARGETS)
    def advance(self, job: str, to: str | None) -> None:
        before = self.expected[job]
        try:
            moved = self.server.emulator.advance(job, to)
        except LifecycleError:
            # The server refuses exactly what the façade's table cannot reach.
            assert to is not None
            assert not is_reachable(before, S(to)), f"emulator refused {before} -> {to}"
            return
        if to is not None:
            assert is_reachable(before, S(to)), f"emulator moved {before} -> {to}"
        for step in moved:
            edge = (S(step.old), S(step.new))
            assert edge in TRANSITIONS, f"emulator made the illegal transition {edge}"
        mine = [step for step in moved if step.job_id == job]
        if mine:
            assert S(mine[0].old) is before
            self.expected[job] = S(mine[-1].new)
        elif to is not None:
            assert S(to) is before
        else:
            assert before in TERMINAL, f"{before} did not move one step"

    def _refused(self, operation: str, snapshot: Job, by_snapshot: bool) -> None:
        """A job the façade's table says cannot be canceled: refused by the pre-check
        (given a snapshot, without a request), and by the server (given the id: 409)."""
        job = snapshot.id
        call = self.client.jobs.cancel if operation == "cancel" else self.client.jobs.move
        size = self._project_size()
        if by_snapshot:
            with pytest.raises(InvalidTransitionError):
                call(snapshot)
        with pytest.raises(JobConflictError) as refusal:
            call(job)
        assert refusal.value.current_status is snapshot.status
        assert self._project_size() == size, f"a refused {operation} created a job"
        assert self._snapshot(job).status is snapshot.status

    @rule(job=jobs, by_snapshot=st.booleans())
    def cancel(self, job: str, by_snapshot: bool) -> None:
        snapshot = self._snapshot(job)
        if not snapshot.status.is_cancelable:
            self._refused("cancel", snapshot, by_snapshot)
            return
        # Allowed by the table: the server must accept (a 409 here fails the test).
        ref = self.client.jobs.cancel(snapshot if by_snapshot else job)
        assert ref.status is S.CANCELED
        self.expected[job] = S.CANCELED

    @rule(target=jobs, job=jobs, renamed=st.booleans())
    def clone(self, job: str, renamed: bool) -> str:
        snapshot = self._snapshot(job)
        ref = (
            self.client.jobs.clone(snapshot, name="copy")
            if renamed
            else self.client.jobs.clone(snapshot)
        )
        assert self._snapshot(job).status is snapshot.status  # the source is left as it was
        return self._created(ref)

    @rule(target=jobs, job=jobs, by_snapshot=st.booleans())
    def move(self, job: str, by_snapshot: bool) -> MultipleResults[str] | str:
        snapshot = self._snapshot(job)
        if not snapshot.status.is_cancelable:
            self._refused("move", snapshot, by_snapshot)
            return multiple()
        ref = self.client.jobs.move(snapshot if by_snapshot else job)
        self.expected[job] = S.CANCELED
        moved = self.client.jobs.get(ref)
        assert moved.metadata is not None
        assert moved.metadata["original_job_id"] == job
        return self._created(ref)

    @precondition(lambda self: len(self.expected) > 1)
    @rule(job=jobs)
    def observe(self, job: str) -> None:
        self._snapshot(job)

    # -- invariants ---------------------------------------------------------------------

    @invariant()
    def every_status_is_the_modelled_one(self) -> None:
        # Read in-process (no request): the server's truth against the model's prediction.
        actual = {job: S(self.server.emulator.job(job)["status"]) for job in self.expected}
        assert actual == self.expected


def test_the_facade_table_is_the_contract_table() -> None:
    contract = lifecycle()
    assert {(a.value, b.value) for a, b in TRANSITIONS} == set(contract.edges)
    assert {s.value for s in INITIAL} == set(contract.initial)
    assert {s.value for s in TERMINAL} == set(contract.terminal)
    assert {s.value for s in S if s.is_cancelable} == set(contract.cancelable)


def run_machine(server: EmulatorServer, **options: Any) -> None:
    LifecycleMachine.server = server
    run = LifecycleMachine.TestCase
    run.settings = settings(
        max_examples=30,
        stateful_step_count=20,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow],
        **options,
    )
    run("runTest").runTest()


def test_lifecycle_state_machine(emulator: EmulatorServer) -> None:
    run_machine(emulator)


def test_the_machine_catches_a_precheck_the_server_disagrees_with(
    emulator: EmulatorServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A façade that believes ended jobs can still be canceled (and moved).
    monkeypatch.setattr(_lifecycle, "CANCELABLE", _lifecycle.CANCELABLE | TERMINAL)
    with pytest.raises((AssertionError, JobConflictError)):
        run_machine(emulator, phases=[Phase.generate], report_multiple_bugs=False)
