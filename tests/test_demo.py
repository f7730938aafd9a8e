"""`smtpdiag demo`: every classic failure is diagnosed as its kind, then a message goes out."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from smtpdiag import CATALOGUE
from smtpdiag._cli import main
from smtpdiag._demo import SCENARIOS

EXPECTED = [s.expect for s in SCENARIOS if s.expect is not None]


def test_scenarios_expect_real_kinds() -> None:
    assert len(EXPECTED) == 9
    for kind in EXPECTED:
        assert kind in CATALOGUE
    assert SCENARIOS[-1].expect is None  # ends with a successful send


def _check_output(out: str) -> None:
    for kind in EXPECTED:
        assert f"[{kind}]" in out, kind
    assert "10 of 10 scenarios behaved as expected" in out
    assert "✓ accepted for alice@example.com" in out
    assert "535 5.7.139 Authentication unsuccessful, basic authentication" in out
    assert all(len(line) <= 80 for line in out.splitlines()), "wider than 80 columns"
    assert "\x1b[" not in out


def test_demo_in_process(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo"]) == 0
    captured = capsys.readouterr()
    _check_output(captured.out)
    assert captured.err == ""


def test_demo_as_a_subprocess() -> None:
    env = dict(os.environ, NO_COLOR="1", PYTHONIOENCODING="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "smtpdiag", "demo"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    _check_output(done.stdout)
    assert "Session.login_data" not in done.stderr


def test_demo_only_one_scenario(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--only", "wrong-password"]) == 0
    out = capsys.readouterr().out
    assert "[auth.invalid_credentials]" in out
    assert "1 of 1 scenarios" in out


def test_demo_unknown_scenario_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--only", "nope"]) == 2
    assert "unknown scenario" in capsys.readouterr().err


def test_demo_without_the_testing_extra(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: None if name == "aiosmtpd" else real(name, *a),
    )
    assert main(["demo"]) == 2
    err = capsys.readouterr().err
    assert "pip install 'smtpdiag[testing]'" in err
    assert "aiosmtpd" in err
