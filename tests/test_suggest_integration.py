"""The provider check in validate(check_dns=True) and the ``smtpdiag suggest`` command line."""

from __future__ import annotations

import json
from typing import Any

import pytest

import smtpdiag._suggest as suggest_module
from smtpdiag import CATALOGUE, SettingsModel, Severity, validate
from smtpdiag._cli import main

from ._stubdns import (
    StubResolver,
    no_default_resolver,  # noqa: F401
    timeout_error,
)


def _settings(**values: Any) -> SettingsModel:
    base: dict[str, Any] = {
        "host": "smtp.office365.com",
        "port": 587,
        "security": "starttls",
        "username": "jane@contoso.com",
        "password": "secret-pw",
        "from_address": "jane@contoso.com",
    }
    base.update(values)
    return SettingsModel.from_mapping(base, source="app.toml")


def _resolver(**mx: list[str]) -> StubResolver:
    answers: dict[tuple[str, str], Any] = {
        (host, "A"): ["192.0.2.1"]
        for host in (
            "smtp.office365.com",
            "smtp.gmail.com",
            "relay.contoso.com",
            "smtp-mail.outlook.com",
        )
    }
    for domain, records in mx.items():
        answers[(domain.replace("_", "."), "MX")] = records
    return StubResolver(answers)


M365 = ["0 contoso-com.mail.protection.outlook.com."]


def _mismatches(found: list[Any]) -> list[Any]:
    return [d for d in found if d.kind == "config.provider_mismatch"]


def test_catalogue_entry_is_a_warning() -> None:
    entry = CATALOGUE["config.provider_mismatch"]
    assert entry.severity is Severity.WARNING
    assert entry.fields == ("host", "port", "security")


def test_m365_domain_with_gmail_server_warns() -> None:
    found = validate(
        _settings(host="smtp.gmail.com", port=465, security="ssl"),
        check_dns=True,
        resolver=_resolver(contoso_com=M365),
    )
    (warning,) = _mismatches(found)
    assert warning.severity is Severity.WARNING
    assert warning.provider == "Microsoft 365"
    assert warning.source == "app.toml"
    assert "smtp.gmail.com is a Google server" in (warning.detail or "")
    first = warning.remedies[0].text
    assert "smtp.office365.com" in first
    assert "587" in first
    assert "TLS (STARTTLS)" in first
    assert "OAuth" in warning.remedies[1].text


def test_documented_settings_give_no_warning() -> None:
    found = validate(_settings(), check_dns=True, resolver=_resolver(contoso_com=M365))
    assert _mismatches(found) == []


def test_provider_server_with_wrong_port_warns() -> None:
    found = validate(
        _settings(host="smtp.office365.com", port=465, security="ssl"),
        check_dns=True,
        resolver=_resolver(contoso_com=M365),
    )
    (warning,) = _mismatches(found)
    assert "port 587 with TLS (STARTTLS)" in (warning.detail or "")
    assert warning.fields == ("port", "security")
    assert warning.remedies[0].text.startswith(
        "Set SMTP Port to 587 and Secure Connection to TLS (STARTTLS)"
    )


@pytest.mark.parametrize(
    ("port", "security", "warns"),
    [(465, "ssl", False), (587, "starttls", False), (587, "ssl", True), (25, "starttls", True)],
)
def test_gmail_pairs(port: int, security: str, warns: bool) -> None:
    found = validate(
        _settings(
            host="smtp.gmail.com",
            port=port,
            security=security,
            username="jane@gmail.com",
            from_address="jane@gmail.com",
        ),
        check_dns=True,
        resolver=_resolver(),
    )
    assert bool(_mismatches(found)) is warns


def test_unknown_server_is_not_contradicted() -> None:
    # A company relay may send for the domain on purpose: no warning.
    found = validate(
        _settings(host="relay.contoso.com", port=25, security="starttls"),
        check_dns=True,
        resolver=_resolver(contoso_com=M365),
    )
    assert _mismatches(found) == []


def test_outlook_com_address_on_office365_server_is_accepted() -> None:
    found = validate(
        _settings(from_address="jane@outlook.com", username="jane@outlook.com"),
        check_dns=True,
        resolver=_resolver(),
    )
    assert _mismatches(found) == []


def test_mx_timeout_gives_no_mismatch() -> None:
    resolver = _resolver()
    resolver.answers[("contoso.com", "MX")] = timeout_error()
    found = validate(_settings(host="smtp.gmail.com"), check_dns=True, resolver=resolver)
    assert _mismatches(found) == []
    assert any(d.kind == "config.dns_unchecked" for d in found)


def test_without_check_dns_nothing_is_looked_up() -> None:
    resolver = _resolver(contoso_com=M365)
    found = validate(_settings(host="smtp.gmail.com"), resolver=resolver)
    assert _mismatches(found) == []
    assert resolver.queries == []


# -- command line ---------------------------------------------------------------------------------
def test_cli_suggest_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["suggest", "Jane <jane@gmail.com>"]) == 0
    out = capsys.readouterr().out
    assert "Suggested settings for gmail.com" in out
    assert "1. SMTP Server smtp.gmail.com, SMTP Port 465, Secure Connection SSL" in out
    assert "Log in with: app password or OAuth" in out
    assert "https://developers.google.com/" in out


def test_cli_suggest_json_uses_dns(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    stub = _resolver(contoso_com=M365)
    monkeypatch.setattr(suggest_module, "default_resolver", lambda timeout: stub)
    assert main(["suggest", "jane@contoso.com", "--json", "--timeout", "2"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["domain"] == "contoso.com"
    best = data["suggestions"][0]
    assert best["host"] == "smtp.office365.com"
    assert best["port"] == 587
    assert best["security"] == "starttls"
    assert best["auth"] == "oauth"
    assert best["provider"] == "Microsoft 365"


def test_cli_suggest_nothing_found_exits_1(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(suggest_module, "default_resolver", lambda timeout: StubResolver())
    assert main(["suggest", "example.invalid"]) == 1
    assert "No suggestion for example.invalid" in capsys.readouterr().out


@pytest.mark.parametrize(
    "argv", [["suggest", "not an address"], ["suggest", "a.b", "--timeout", "0"]]
)
def test_cli_suggest_usage_errors_exit_2(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2
    assert "smtpdiag:" in capsys.readouterr().err


def test_cli_suggest_says_when_dns_could_not_be_checked(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    class Down:
        def resolve(self, qname: str, rdtype: str) -> None:
            raise timeout_error()

    monkeypatch.setattr(suggest_module, "default_resolver", lambda timeout: Down())
    assert main(["suggest", "jane@example.com", "--timeout", "1"]) == 1
    out = capsys.readouterr().out
    assert "The DNS could not be checked" in out
    assert "Check this machine's network" in out


def test_cli_suggest_json_lists_partial_dns_failures(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    stub = _resolver(contoso_com=M365)
    stub.answers[("_submission._tcp.contoso.com", "SRV")] = timeout_error()
    monkeypatch.setattr(suggest_module, "default_resolver", lambda timeout: stub)
    assert main(["suggest", "contoso.com", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["notes"] == [
        "Could not look up _submission._tcp.contoso.com (SRV): timed out: The resolution "
        "lifetime expired after 1.000 seconds: "
    ]
    assert data["suggestions"][0]["host"] == "smtp.office365.com"
