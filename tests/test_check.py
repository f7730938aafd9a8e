"""`smtpdiag check` settings: file, environment, flags and secrets (never from the command line)."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from smtpdiag import AuthMethod, Security
from smtpdiag._check import build_test_message, gather_settings
from smtpdiag._cli import _build_parser, main
from smtpdiag.testing import SMTPTestServer


def _args(*argv: str) -> argparse.Namespace:
    return _build_parser().parse_args(["check", *argv])


def _never(question: str) -> str:
    raise AssertionError(f"unexpected prompt {question!r}")


def test_flags_override_file_and_record_their_source(tmp_path: Path) -> None:
    config = tmp_path / "smtp.toml"
    config.write_text(
        '[smtp]\nhost = "smtp.example.com"\nport = 465\nsecurity = "SSL"\n'
        'username = "me@example.com"\npassword = "from-file"\n'
    )
    settings = gather_settings(
        _args("--config", str(config), "--port", "587", "--security", "starttls"),
        environ={},
        prompt=_never,
    )
    assert settings.host == "smtp.example.com"
    assert settings.port == 587
    assert settings.security is Security.STARTTLS
    assert settings.password == "from-file"
    assert settings.sources["port"] == "command line"
    assert settings.sources["host"] == "file smtp.toml"


def test_environment_layer_over_file(tmp_path: Path) -> None:
    config = tmp_path / "smtp.toml"
    config.write_text('host = "smtp.example.com"\nusername = "me@example.com"\n')
    env = {"SMTP_HOST": "smtp.office365.com", "SMTP_PASSWORD": "from-env"}
    settings = gather_settings(_args("--config", str(config), "--env"), environ=env, prompt=_never)
    assert settings.host == "smtp.office365.com"
    assert settings.username == "me@example.com"
    assert settings.password == "from-env"
    assert settings.sources["host"] == "environment (SMTP_HOST)"


def test_password_from_environment_without_env_flag() -> None:
    settings = gather_settings(
        _args("--host", "smtp.example.com", "--username", "me@example.com"),
        environ={"SMTP_PASSWORD": "s3cret"},
        prompt=_never,
    )
    assert settings.password == "s3cret"
    assert settings.sources["password"] == "environment (SMTP_PASSWORD)"


def test_password_prompt_when_missing() -> None:
    asked: list[str] = []

    def prompt(question: str) -> str:
        asked.append(question)
        return "typed-secret"

    settings = gather_settings(
        _args("--host", "smtp.example.com", "--username", "me@example.com"),
        environ={},
        prompt=prompt,
    )
    assert asked == ["Password for me@example.com on smtp.example.com: "]
    assert settings.password == "typed-secret"
    assert "typed-secret" not in repr(settings)
    assert "typed-secret" not in settings.summary()


def test_no_login_never_prompts() -> None:
    settings = gather_settings(
        _args("--host", "smtp.example.com", "--username", "me@example.com", "--no-login"),
        environ={},
        prompt=_never,
    )
    assert settings.password == ""


def test_oauth_flags_and_secret_prompt() -> None:
    settings = gather_settings(
        _args(
            "--host",
            "smtp.office365.com",
            "--auth",
            "oauth",
            "--oauth-client-id",
            "11111111-2222-3333-4444-555555555555",
            "--oauth-tenant-id",
            "contoso.onmicrosoft.com",
        ),
        environ={},
        prompt=lambda question: "client-secret-value",
    )
    assert settings.auth_method is AuthMethod.OAUTH
    assert settings.oauth is not None
    assert settings.oauth.client_id == "11111111-2222-3333-4444-555555555555"
    assert settings.oauth.client_secret == "client-secret-value"


@pytest.mark.parametrize("flag", ["--password", "--oauth-client-secret", "--secret"])
def test_secrets_cannot_be_given_as_flags(flag: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        _args("--host", "smtp.example.com", flag, "hunter2")
    assert exit_info.value.code == 2
    assert "hunter2" not in capsys.readouterr().out


def test_test_message_headers() -> None:
    settings = gather_settings(
        _args("--host", "smtp.example.com", "--from", "me@example.com", "--from-name", "Me"),
        environ={},
        prompt=_never,
    )
    message = build_test_message(settings, "you@example.com")
    assert message["To"] == "you@example.com"
    assert message["From"] == "Me <me@example.com>"
    assert "smtp.example.com:587" in message.get_content()


# -- the live check against the loopback test server ------------------------------------------
def _check_argv(server: SMTPTestServer, *extra: str) -> list[str]:
    return [
        "check",
        "--host",
        server.host,
        "--port",
        str(server.port),
        "--security",
        "starttls",
        "--username",
        "me@example.com",
        "--from",
        "me@example.com",
        "--ca-file",
        server.ca_file,
        "--timeout",
        "5",
        *extra,
    ]


def test_live_check_prints_each_stage_and_sends_a_test_message(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SMTP_PASSWORD", "pw-for-the-test")
    with SMTPTestServer("starttls", credentials={"me@example.com": "pw-for-the-test"}) as server:
        status = main(_check_argv(server, "--send-test", "you@example.com"))
        assert [m.recipients for m in server.messages] == [("you@example.com",)]
    out = capsys.readouterr().out
    assert status == 0
    assert "✓ resolved 127.0.0.1" in out
    assert "✓ connected to 127.0.0.1" in out
    assert "✓ STARTTLS: TLSv1.3, certificate valid until" in out
    assert "✓ logged in as me@example.com" in out
    assert "✓ test message accepted" in out
    assert "pw-for-the-test" not in out


def test_live_check_wrong_password_exits_1_with_the_diagnosis(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SMTP_PASSWORD", "not-the-password")
    with SMTPTestServer("starttls", credentials={"me@example.com": "right"}) as server:
        status = main(_check_argv(server))
    out = capsys.readouterr().out
    assert status == 1
    assert "✗ AUTH:" in out
    assert "[auth.invalid_credentials, error]" in out
    assert "What to do" in out
    assert "535 5.7.8" in out
    assert "not-the-password" not in out


def test_check_stops_at_settings_errors(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["check", "--host", "smtp.example.com", "--port", "465", "--no-login"])
    out = capsys.readouterr().out
    assert status == 1
    assert "config.port_security_mismatch" in out
    assert "fix them before a live check" in out
    assert "Checking" not in out
