"""Recording: deterministic against the emulator, and the script's command line.

Re-recording every scenario into a scratch directory must reproduce the committed
cassettes byte for byte: that is the determinism the README promises (fresh seeded
emulator per scenario, virtual clock, canonical URIs, no volatile headers), and it
fails when the cassettes are stale (re-record with `scripts/record_cassettes`).
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from ionq_emulator.testing import emulator_server

from .paths import CASSETTE_DIR, ROOT
from .recording import record, record_live, replay
from .scenarios import SCENARIOS, Scenario
from .stage import Stage
from .test_secrets import secret_problems

SCRIPT = ROOT / "scripts" / "record_cassettes"


def test_rerecording_reproduces_the_committed_cassettes(tmp_path: Path) -> None:
    stale = [
        s.cassette
        for s in SCENARIOS.values()
        if record(s, tmp_path).read_bytes() != (CASSETTE_DIR / s.cassette).read_bytes()
    ]
    assert stale == [], "stale cassettes: re-record with scripts/record_cassettes"


def test_a_failed_recording_leaves_the_cassette_alone(tmp_path: Path) -> None:
    def broken(stage: Stage) -> None:
        stage.client().whoami()
        raise AssertionError("the scenario failed")

    committed = tmp_path / "broken.yaml"
    committed.write_text("recorded before\n", encoding="utf-8")
    with pytest.raises(AssertionError, match="the scenario failed"):
        record(Scenario("broken", broken), tmp_path)
    assert committed.read_text(encoding="utf-8") == "recorded before\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.yaml"]


def test_live_recording_scrubs_the_key_and_replays(tmp_path: Path) -> None:
    """Live mode's machinery (real time, no controls, URIs as sent), against an emulator
    standing in for api.ionq.co; the key is a realistic-looking one."""
    key = "Zq8Lr2Vt6Wx0Yb4Nc7Md1Kf5Jg9Hh3Pp"
    scenario = SCENARIOS["account_backends"]
    with emulator_server(mode="clock") as server:
        path = record_live(scenario, tmp_path, key, base_url=server.base_url)
    text = path.read_text(encoding="utf-8")
    assert key not in text
    assert server.base_url in text  # live URIs are kept as sent
    assert secret_problems(path) == []
    replay(scenario, tmp_path)


def test_live_recording_refuses_emulator_only_scenarios(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="needs the emulator"):
        record_live(SCENARIOS["clone_move_property"], tmp_path, "key")


def load_script() -> ModuleType:
    loader = importlib.machinery.SourceFileLoader("record_cassettes", str(SCRIPT))
    spec = importlib.util.spec_from_loader(loader.name, loader)
    assert spec is not None
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def test_script_lists_the_scenarios(capsys: pytest.CaptureFixture[str]) -> None:
    assert load_script().main(["--list"]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in listed] == list(SCENARIOS)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["no_such_scenario"], "unknown scenario"),
        (["--live", "--check"], "cannot be used with --live"),
    ],
)
def test_script_rejects_bad_invocations(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        load_script().main(args)
    assert exit_.value.code == 2
    assert message in capsys.readouterr().err


def test_script_live_mode_needs_a_key() -> None:
    """Run as a maintainer would (a subprocess), without IONQ_API_KEY."""
    environment = {k: v for k, v in os.environ.items() if k != "IONQ_API_KEY"}
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--live"],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2
    assert "IONQ_API_KEY" in done.stderr
