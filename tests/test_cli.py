"""The command line: parser, exit codes, help texts, validate."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from smtpdiag import __version__
from smtpdiag._cli import EXIT_FOUND_ERROR, EXIT_OK, EXIT_USAGE, main

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "smtp.toml"


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"smtpdiag {__version__}"


def test_no_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == EXIT_USAGE
    assert "usage: smtpdiag" in capsys.readouterr().err


def test_unknown_option_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["validate", "--no-such-option", "x.toml"])
    assert exit_info.value.code == EXIT_USAGE


COMMANDS = ["validate"]


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_help_has_an_example_and_the_exit_codes(
    command: str | None, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"] if command else ["--help"])
    assert exit_info.value.code == 0
    text = capsys.readouterr().out
    assert "example" in text
    assert "smtpdiag " in text.split("example", 1)[1]
    for line in ("0  no error found", "1  an error diagnosis was found", "2  usage error"):
        assert line in text


def test_validate_example_file_is_clean(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(EXAMPLE)]) == EXIT_OK
    out = capsys.readouterr().out
    assert "smtp.office365.com" in out
    assert "replace-with" not in out
    assert "No problem found" in out
    assert "\x1b[" not in out


def test_validate_reports_errors_with_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "smtp.toml"
    config.write_text('host = "smtp.example.com"\nport = 465\nsecurity = "STARTTLS"\n')
    assert main(["validate", str(config), "--json"]) == EXIT_FOUND_ERROR
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is False
    kinds = {d["kind"] for d in report["diagnoses"]}
    assert "config.port_security_mismatch" in kinds


def test_validate_unreadable_file_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", str(tmp_path / "missing.toml")]) == EXIT_USAGE
    assert "cannot read" in capsys.readouterr().err


def test_validate_from_environment(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SMTP_HOST", "smtp.example.com")
    monkeypatch.setenv("SMTP_PASSWORD", "hunter2-secret")
    main(["validate", "--env"])
    out = capsys.readouterr().out
    assert "smtp.example.com" in out
    assert "hunter2-secret" not in out
