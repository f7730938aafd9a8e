"""`smtpdiag validate`: loads settings, prints diagnoses in plain words, exit status."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from smtpdiag._cli import main

GOOD = """\
[smtp]
host = "smtp.office365.com"
port = 587
security = "TLS"
username = "alerts@contoso.com"
password = "Very-Distinctive-Password-1"
from_address = "alerts@contoso.com"
"""


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "good.toml"
    path.write_text(GOOD)
    return path


def test_valid_file_exits_0(good: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(good)]) == 0
    out = capsys.readouterr().out
    assert "No problem found" in out
    assert "Very-Distinctive-Password-1" not in out
    assert "●●●●●●●●" in out


def test_errors_exit_1_in_plain_words(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(GOOD.replace("587", "465").replace('"alerts@contoso.com"\n', '""\n'))
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    assert "Blank FROM address" in out
    assert "Port 465 expects SSL" in out
    assert "What to do" in out


def test_json_output(good: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--json", str(good)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["ok"] is True
    assert data["settings"]["password"] == "●●●●●●●●"


def test_bad_key_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "typo.toml"
    path.write_text('hots = "x"\n')
    assert main(["validate", str(path)]) == 2
    assert "did you mean host" in capsys.readouterr().err


def test_env(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("SMTP_HOST", "smtp.gmail.com")
    monkeypatch.setenv("SMTP_PORT", "465")
    monkeypatch.setenv("SMTP_SECURITY", "SSL")
    assert main(["validate", "--env"]) == 1  # no From, no credentials needed: From is blank
    assert "Blank FROM address" in capsys.readouterr().out


def test_console_script_runs(good: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "smtpdiag", "validate", str(good)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "SMTP Server" in result.stdout
