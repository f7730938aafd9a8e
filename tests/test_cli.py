"""The command line: parser, exit codes, help texts, validate."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from smtpdiag import __version__
from smtpdiag._cli import EXIT_FOUND_ERROR, EXIT_OK, EXIT_USAGE, main

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


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


COMMANDS = ["explain", "validate", "check", "classify", "demo"]


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_help_has_an_example_and_the_exit_codes(
    command: str | None, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"] if command else ["--help"])
    assert exit_info.value.code == 0
    text = capsys.readouterr().out
    assert "example" in text
    assert "smtpdiag " in text.split("example", 1)[1]
    for line in ("0  no error found", "1  an error diagnosis was found", "2  usage error"):
        assert line in text
    assert all(len(line) <= 80 for line in text.splitlines())


def test_suggest_help_has_an_example(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["suggest", "--help"])
    text = capsys.readouterr().out
    assert "smtpdiag suggest " in text
    assert "exit status" in text


def test_validate_example_file_is_clean(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(EXAMPLES / "office365.toml")]) == EXIT_OK
    out = capsys.readouterr().out
    assert "smtp.office365.com" in out
    assert "replace-with" not in out
    assert "No problem found" in out
    assert "\x1b[" not in out


def test_validate_example_with_mistakes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--json", str(EXAMPLES / "smtp.toml")]) == EXIT_FOUND_ERROR
    kinds = {d["kind"] for d in json.loads(capsys.readouterr().out)["diagnoses"]}
    assert {
        "config.port_security_mismatch",
        "sender.from_missing",
        "recipient.address_invalid",
    } <= kinds


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


# -- explain ---------------------------------------------------------------------------------
M365 = (
    "535 5.7.139 Authentication unsuccessful, basic authentication is disabled. "
    "[BM1P287CA0015.INDP287.PROD.OUTLOOK.COM]"
)


def test_explain_prints_the_help_page(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", M365]) == EXIT_FOUND_ERROR
    out = capsys.readouterr().out
    assert out.startswith("Basic authentication")
    assert "[auth.basic_auth_disabled, error]" in out
    for heading in ("What this means", "Common causes", "What to do", "Server reply (exact)"):
        assert f"\n{heading}\n" in out
    assert f"  {M365}\n" in out
    assert "Ask your IT team" in out


def test_explain_joins_words_and_takes_stage_and_host(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(
        ["explain", "--stage", "rcpt", "--host", "smtp.gmail.com", "550", "5.1.1", "no", "such"]
    )
    assert status == EXIT_FOUND_ERROR
    out = capsys.readouterr().out
    assert "Stage: RCPT" in out
    assert "550 5.1.1 no such" in out


def test_explain_json(capsys: pytest.CaptureFixture[str]) -> None:
    main(["explain", "--json", M365])
    data = json.loads(capsys.readouterr().out)
    assert data["kind"] == "auth.basic_auth_disabled"
    assert data["reply"]["enhanced"] == "5.7.139"


def test_explain_reads_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("530 5.7.0 Must issue a STARTTLS command first\n"))
    assert main(["explain"]) == EXIT_FOUND_ERROR
    assert "policy.encryption_required" in capsys.readouterr().out


def test_explain_empty_input_is_a_usage_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("  \n"))
    assert main(["explain"]) == EXIT_USAGE
    assert "nothing to explain" in capsys.readouterr().err


def test_explain_bad_stage_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["explain", "--stage", "lunch", "550"])
    assert exit_info.value.code == EXIT_USAGE
    assert "unknown stage" in capsys.readouterr().err


# -- classify --------------------------------------------------------------------------------
LOG = (
    "550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown\n"
    "\n"
    f"{M365}\n"
    "smtplib.SMTPServerDisconnected: Connection unexpectedly closed: timed out\n"
)


def test_classify_files_write_json_lines_and_a_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = tmp_path / "a.log", tmp_path / "b.log"
    first.write_text(LOG)
    second.write_text("421 4.7.0 Try again later, closing connection.\n")
    assert main(["classify", str(first), str(second)]) == EXIT_FOUND_ERROR
    captured = capsys.readouterr()
    records = [json.loads(line) for line in captured.out.splitlines()]
    assert [(r["file"], r["line"]) for r in records] == [
        (str(first), 1),
        (str(first), 3),
        (str(first), 4),
        (str(second), 1),
    ]
    assert records[0]["kind"] == "recipient.unknown"
    assert records[0]["code"] == 550
    assert records[0]["enhanced"] == "5.1.1"
    assert records[1]["kind"] == "auth.basic_auth_disabled"
    assert records[1]["provider"] == "Microsoft 365"
    assert records[3]["retryable"] is True
    assert set(records[0]) == {
        "file",
        "line",
        "kind",
        "category",
        "retryable",
        "code",
        "enhanced",
        "provider",
    }
    assert "category" in captured.err
    assert "total" in captured.err
    assert "\r" not in captured.err  # no progress bar when stderr is not a terminal


def test_classify_stdin_without_file_names(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(LOG.encode())))
    main(["classify", "--no-summary"])
    captured = capsys.readouterr()
    records = [json.loads(line) for line in captured.out.splitlines()]
    assert [r["line"] for r in records] == [1, 3, 4]
    assert "file" not in records[0]
    assert captured.err == ""


def test_classify_missing_file_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["classify", str(tmp_path / "nope.log")]) == EXIT_USAGE
    assert "cannot read" in capsys.readouterr().err


def test_classify_with_worker_processes_keeps_order(tmp_path: Path) -> None:
    log = tmp_path / "mail.log"
    log.write_text(LOG * 3000)
    done = subprocess.run(
        [sys.executable, "-m", "smtpdiag", "classify", "--jobs", "2", "--no-summary", str(log)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == EXIT_FOUND_ERROR, done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(records) == 9000
    assert [r["line"] for r in records[:6]] == [1, 3, 4, 5, 7, 8]
    assert records[-1]["line"] == 12000
    assert records[-1]["kind"] == records[2]["kind"]
