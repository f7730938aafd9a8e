"""Secrets never leak: every scenario of the sender's matrix, successes and failures at each stage,
run with a distinctive password, OAuth client secret and access token; every rendering searched.

Renderings: repr, str, to_dict/JSON and summary() of the settings, the sender, diagnoses and
results; exception messages, args and formatted tracebacks with their __cause__/__context__
chains; pickles of diagnoses, results and exceptions; every record on the ``smtpdiag`` logger at
DEBUG (the SMTP conversation included); and the command line's human and JSON output. Each
secret is searched verbatim and inside the encodings AUTH uses (base64, PLAIN, XOAUTH2).

The settings object itself is not pickled here: its pickle is the configuration, secrets
included, like the settings file it came from.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import pickle
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from smtpdiag import (
    CheckResult,
    Diagnosis,
    MsalTokenProvider,
    Sender,
    SendError,
    SendResult,
    SettingsModel,
    classify,
)
from smtpdiag import _cli as cli
from smtpdiag.testing import Fault, SMTPTestServer

from .._stubdns import StubResolver
from ..fake_azure import expired_secret_error
from ._support import (
    CLIENT_SECRET,
    OAUTH,
    PASSWORD,
    TOKEN,
    USER,
    TokenEntra,
    closed_port,
    message,
    occurrences,
    settings_for,
)
from .conftest import Tally

GMAIL_CHALLENGE = '{"status":"400","schemes":"Bearer","scope":"https://mail.google.com/"}'


@dataclass
class Scenario:
    """One row of the matrix: a server (or none), settings and how the sender is built."""

    name: str
    mode: str | None = "plain"
    server: dict[str, Any] = field(default_factory=dict)
    settings: dict[str, Any] = field(default_factory=dict)
    oauth: bool = False
    insecure: bool = False
    trusted: bool = True
    entra: dict[str, Any] = field(default_factory=dict)
    recipients: tuple[str, ...] = ("bob@example.com",)


SCENARIOS = [
    Scenario("plain, password, sent", insecure=True),
    Scenario("starttls, password, sent", "starttls"),
    Scenario("ssl, password, sent", "ssl"),
    Scenario("starttls, oauth, sent", "starttls", oauth=True),
    Scenario("ssl, oauth, sent", "ssl", oauth=True),
    Scenario("config: invalid host", None, settings={"host": "smtp://mail.example.com"}),
    Scenario("dns: no such host", None, settings={"host": "smtp.nowhere.example"}),
    Scenario("connect: refused", None, settings={"host": "127.0.0.1", "port": -1}),
    Scenario("connect: 421 greeting", server={"faults": Fault.reject("connect", 421, "busy")}),
    Scenario("connect: expects ssl", "ssl", settings={"security": "starttls"}),
    Scenario("tls: untrusted certificate", "starttls", trusted=False),
    Scenario("tls: expired certificate", "ssl", server={"certificate": "expired"}),
    Scenario("tls: starttls unavailable", "plain", settings={"security": "starttls"}),
    Scenario("tls: starttls refused", "starttls", server={"faults": Fault.starttls_refused()}),
    Scenario("auth: wrong password", "starttls", server={"credentials": {USER: "other"}}),
    Scenario("auth: plaintext refused", "plain"),
    Scenario("auth: not offered", "plain", server={"mechanisms": ()}, insecure=True),
    Scenario("auth: token rejected", "starttls", oauth=True, server={"tokens": {USER: "other"}}),
    Scenario(
        "auth: xoauth2 challenge",
        "starttls",
        oauth=True,
        server={"faults": Fault.auth_fail(challenge=GMAIL_CHALLENGE)},
    ),
    Scenario("oauth: expired secret", "starttls", oauth=True, entra={"expired": True}),
    Scenario("oauth: unknown tenant", "starttls", oauth=True, entra={"tenants": ()}),
    Scenario(
        "mail: sender refused",
        server={"faults": Fault.reject("mail", 553, "5.7.1 not owned by user")},
        insecure=True,
    ),
    Scenario(
        "rcpt: all refused",
        server={"faults": Fault.reject("rcpt", 550, "5.1.1 User unknown")},
        insecure=True,
        recipients=("a@example.com", "b@example.com"),
    ),
    Scenario(
        "rcpt: some refused",
        server={"faults": Fault.reject("rcpt", 550, "5.1.1 User unknown", match="nobody@*")},
        insecure=True,
        recipients=("bob@example.com", "nobody@example.com"),
    ),
    Scenario(
        "data: rejected as spam",
        server={"faults": Fault.reject("message", 554, "5.7.1 rejected as spam")},
        insecure=True,
    ),
    Scenario("mail: connection dropped", server={"faults": Fault.drop("mail")}, insecure=True),
    Scenario("data: delivery unknown", server={"faults": Fault.drop("message")}, insecure=True),
    Scenario(
        "connect: silent listener",
        server={"faults": Fault.timeout("connect")},
        settings={"timeout": 1},
    ),
]


#: What each scenario's send() must end in: it really reached the stage its name says.
EXPECTED: dict[str, str | None] = {
    "config: invalid host": "config.host_invalid",
    "dns: no such host": "connection.host_not_found",
    "connect: refused": "connection.refused",
    "connect: 421 greeting": "connection.greeting_refused",
    "connect: expects ssl": "tls.port_expects_ssl",
    "tls: untrusted certificate": "tls.certificate_untrusted",
    "tls: expired certificate": "tls.certificate_expired",
    "tls: starttls unavailable": "tls.starttls_unavailable",
    "tls: starttls refused": "tls.starttls_unavailable",
    "auth: wrong password": "auth.invalid_credentials",
    "auth: plaintext refused": "auth.plaintext_refused",
    "auth: not offered": "auth.",
    "auth: token rejected": "auth.xoauth2_rejected",
    "auth: xoauth2 challenge": "auth.xoauth2_rejected",
    "oauth: expired secret": "auth.oauth_secret_expired",
    "oauth: unknown tenant": "auth.oauth_tenant_not_found",
    "mail: sender refused": "sender.",
    "rcpt: all refused": "recipient.unknown",
    "rcpt: some refused": "sent",
    "data: rejected as spam": "policy.spam_rejected",
    "mail: connection dropped": "connection.closed",
    "data: delivery unknown": "connection.delivery_unknown",
    "connect: silent listener": "connection.timeout",
}


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture
def smtpdiag_log() -> Iterator[_Records]:
    logger = logging.getLogger("smtpdiag")
    handler = _Records()
    old = logger.level
    logger.setLevel(logging.DEBUG)
    logger.addHandler(handler)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        logger.setLevel(old)


class Renderings:
    """Every text a scenario produced, by name; searched for the secrets at the end."""

    def __init__(self) -> None:
        self.texts: list[tuple[str, bytes | str]] = []

    def add(self, name: str, text: bytes | str) -> None:
        self.texts.append((name, text))

    def diagnosis(self, name: str, diagnosis: Diagnosis) -> None:
        self.add(f"{name} repr", repr(diagnosis))
        self.add(f"{name} str", str(diagnosis))
        self.add(f"{name} render", diagnosis.render())
        self.add(f"{name} json", json.dumps(diagnosis.to_dict(), ensure_ascii=False))
        self.add(f"{name} pickle", pickle.dumps(diagnosis))

    def result(self, name: str, result: SendResult | CheckResult) -> None:
        self.add(f"{name} repr", repr(result))
        self.add(f"{name} str", str(result))
        self.add(f"{name} json", json.dumps(result.to_dict(), ensure_ascii=False))
        blob = pickle.dumps(result)
        assert pickle.loads(blob) == result
        self.add(f"{name} pickle", blob)
        for number, record in enumerate(result.stages):
            self.add(f"{name} stage {number} str", str(record))
            self.add(f"{name} stage {number} json", json.dumps(record.to_dict()))
            if record.diagnosis is not None:
                self.diagnosis(f"{name} stage {number} diagnosis", record.diagnosis)
        if isinstance(result, SendResult):
            for address, diagnosis in result.refused.items():
                self.diagnosis(f"{name} refused {address}", diagnosis)
        else:
            if result.diagnosis is not None:
                self.diagnosis(f"{name} diagnosis", result.diagnosis)
            for number, warning in enumerate(result.warnings):
                self.diagnosis(f"{name} warning {number}", warning)

    def error(self, name: str, error: SendError) -> None:
        self.add(f"{name} traceback", "".join(traceback.format_exception(error)))
        self.add(f"{name} pickle", pickle.dumps(error))
        self.diagnosis(f"{name} diagnosis", error.diagnosis)
        for address, diagnosis in error.refused:
            self.diagnosis(f"{name} refused {address}", diagnosis)
        seen: set[int] = set()
        link: BaseException | None = error
        depth = 0
        while link is not None and id(link) not in seen:
            seen.add(id(link))
            self.add(f"{name} chain {depth} str", str(link))
            self.add(f"{name} chain {depth} repr", repr(link))
            self.add(f"{name} chain {depth} args", repr(link.args))
            link = link.__cause__ or link.__context__
            depth += 1

    def settings(self, name: str, settings: SettingsModel) -> None:
        self.add(f"{name} repr", repr(settings))
        self.add(f"{name} str", str(settings))
        self.add(f"{name} summary", settings.summary())
        self.add(f"{name} json", json.dumps(settings.to_dict(), ensure_ascii=False))

    def logs(self, name: str, records: list[logging.LogRecord]) -> None:
        formatter = logging.Formatter("%(name)s %(levelname)s %(message)s")
        for number, record in enumerate(records):
            self.add(f"{name} log {number}", formatter.format(record))
            self.add(f"{name} log {number} args", repr(record.args))

    def leaks(self) -> list[tuple[str, bytes]]:
        return [(name, hit) for name, text in self.texts for hit in occurrences(text)]


def _render(rows: list[tuple[str, int, int]]) -> str:
    scenarios = len({name for name, _, _ in rows})
    texts = sum(count for _, count, _ in rows)
    found = sum(hits for _, _, hits in rows)
    return (
        f"secrets: {scenarios} scenarios (send, check, session, CLI) × their renderings = "
        f"{texts} renderings checked for 3 secrets in 4 encodings each; occurrences found: "
        f"{found}"
    )


@pytest.fixture(scope="module")
def checked(tally: Tally) -> list[tuple[str, int, int]]:
    tally.render = _render
    rows: list[tuple[str, int, int]] = tally.rows
    return rows


def _settings(scenario: Scenario, server: SMTPTestServer | None) -> SettingsModel:
    values: dict[str, Any] = {
        "username": USER,
        "password": PASSWORD,
        "oauth": dict(OAUTH),
        "auth": "oauth" if scenario.oauth else "password",
        "timeout": 3,
    }
    values.update(scenario.settings)
    if values.get("port") == -1:
        values["port"] = closed_port()
    return settings_for(server, **values)


def _sender(scenario: Scenario, server: SMTPTestServer | None) -> Sender:
    entra = TokenEntra(
        token_error=expired_secret_error() if scenario.entra.get("expired") else None,
        **({"tenants": scenario.entra["tenants"]} if "tenants" in scenario.entra else {}),
    )
    return Sender(
        _settings(scenario, server),
        token_provider=MsalTokenProvider(http_client=entra),
        ssl_context=server.client_context if server is not None and scenario.trusted else None,
        allow_insecure_auth=scenario.insecure,
        resolver=StubResolver({("localhost", "A"): ["127.0.0.1"]}),
    )


def _exercise(scenario: Scenario, server: SMTPTestServer | None, out: Renderings) -> str:
    sender = _sender(scenario, server)
    out.settings("settings", sender.settings)
    out.add("sender repr", repr(sender))
    outcome = "sent"
    try:
        out.result("send result", sender.send(message(*scenario.recipients)))
    except SendError as error:
        out.error("send error", error)
        outcome = error.diagnosis.kind
    out.result("check result", sender.check())
    with sender.session() as session:
        for number in range(2):
            with contextlib.suppress(SendError):
                session.send(message(*scenario.recipients, subject=f"n{number}"))
    for number, item in enumerate(session.results):
        if isinstance(item, SendError):
            out.error(f"session {number} error", item)
        else:
            out.result(f"session {number} result", item)
    return outcome


def _session_error(scenario: Scenario) -> bool:
    # A session opens its connection on entry: a failure there is raised by __enter__.
    return scenario.name.split(":")[0] in {"config", "dns", "connect", "tls", "auth", "oauth"}


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.name for s in SCENARIOS])
def test_no_rendering_of_any_scenario_shows_a_secret(
    scenario: Scenario, smtpdiag_log: _Records, checked: list[tuple[str, int, int]]
) -> None:
    out = Renderings()
    server_values = dict(scenario.server)
    server_values.setdefault("credentials", {USER: PASSWORD})
    server_values.setdefault("tokens", {USER: TOKEN})
    server: SMTPTestServer | None = None
    if scenario.mode is not None:
        server = SMTPTestServer(scenario.mode, **server_values)  # type: ignore[arg-type]
        server.start()
    outcome = ""
    try:
        try:
            outcome = _exercise(scenario, server, out)
        except SendError as error:  # from session.__enter__
            assert _session_error(scenario), scenario.name
            out.error("session open error", error)
            outcome = error.diagnosis.kind
    finally:
        if server is not None:
            server.stop()
    expected = EXPECTED.get(scenario.name, "sent")
    assert outcome.startswith(expected) if expected is not None else outcome != "sent", outcome
    out.logs("smtpdiag", smtpdiag_log.records)
    # Nothing the classifier says about a failure, given these settings, shows a secret either.
    out.diagnosis("classify", classify(ValueError(), settings=_settings(scenario, server)))
    leaks = out.leaks()
    checked.append((scenario.name, len(out.texts), len(leaks)))
    assert leaks == []
    if scenario.name.endswith(", sent"):
        # The conversation, AUTH lines included, was logged and so searched.
        assert any(r.getMessage().startswith("C: AUTH") for r in smtpdiag_log.records)


# -- the command line -----------------------------------------------------------------------
def _commands() -> set[str]:
    parser = cli._build_parser()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return set(action.choices)
    return set()


COMMANDS = _commands()


def _toml(path: Path, server: SMTPTestServer | None, *, oauth: bool) -> Path:
    lines = [
        "[smtp]",
        'host = "localhost"',
        f"port = {server.port if server is not None else 587}",
        f'security = "{"none" if server is None or server.mode == "plain" else server.mode}"',
        f'username = "{USER}"',
        f'password = "{PASSWORD}"',
        f'from_address = "{USER}"',
        f'auth = "{"oauth" if oauth else "password"}"',
        "timeout = 3",
        f'oauth_client_id = "{OAUTH["client_id"]}"',
        f'oauth_tenant_id = "{OAUTH["tenant_id"]}"',
        f'oauth_client_secret = "{CLIENT_SECRET}"',
    ]
    if server is not None and server.mode != "plain":
        lines.append(f'ca_file = "{server.ca_file}"')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


CliRun = Callable[[list[str]], tuple[int, str, str]]


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str]) -> CliRun:
    def run(argv: list[str]) -> tuple[int, str, str]:
        code = cli.main(argv)
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


CLI_CASES: list[tuple[str, str | None, dict[str, Any], bool, list[str]]] = [
    ("validate, password", None, {}, False, ["validate", "{config}"]),
    ("validate, password, json", None, {}, False, ["validate", "{config}", "--json"]),
    ("validate, oauth", None, {}, True, ["validate", "{config}"]),
    ("validate, oauth, json", None, {}, True, ["validate", "{config}", "--json"]),
    ("explain", None, {}, False, ["explain", "535 5.7.8 Authentication credentials invalid"]),
    ("explain, json", None, {}, False, ["explain", "--json", "421 4.7.0 Try again later"]),
    (
        "check, plain, allowed",
        "plain",
        {},
        False,
        ["check", "--config", "{config}", "--allow-insecure-auth"],
    ),
    (
        "check, wrong password",
        "starttls",
        {"credentials": {USER: "other"}},
        False,
        ["check", "--config", "{config}"],
    ),
    (
        "check, sends a test message",
        "starttls",
        {},
        False,
        ["check", "--config", "{config}", "--send-test", "bob@example.com"],
    ),
    ("check, refused plaintext login", "plain", {}, False, ["check", "--config", "{config}"]),
]
PRESENT = [case for case in CLI_CASES if case[4][0] in COMMANDS]


@pytest.mark.parametrize(
    ("name", "mode", "server_values", "oauth", "argv"), PRESENT, ids=[c[0] for c in PRESENT]
)
def test_command_line_output_shows_no_secret(
    tmp_path: Path,
    run_cli: CliRun,
    smtpdiag_log: _Records,
    checked: list[tuple[str, int, int]],
    name: str,
    mode: str | None,
    server_values: dict[str, Any],
    oauth: bool,
    argv: list[str],
) -> None:
    server = None
    if mode is not None:
        server = SMTPTestServer(mode, **{"credentials": {USER: PASSWORD}, **server_values})  # type: ignore[arg-type]
        server.start()
    try:
        config = _toml(tmp_path / "smtp.toml", server, oauth=oauth)
        code, stdout, stderr = run_cli([part.format(config=config) for part in argv])
    finally:
        if server is not None:
            server.stop()
    assert code in (0, 1), stderr
    assert stdout
    if "--json" in argv:
        json.loads(stdout)
    out = Renderings()
    out.add("stdout", stdout)
    out.add("stderr", stderr)
    out.logs("smtpdiag", smtpdiag_log.records)
    leaks = out.leaks()
    checked.append((f"cli {name}", len(out.texts), len(leaks)))
    assert leaks == []


def test_the_search_finds_each_secret_in_every_encoding() -> None:
    # The detector itself: a rendering that did contain a secret would be caught.
    import base64

    for secret in (PASSWORD, CLIENT_SECRET, TOKEN):
        assert occurrences(f"x {secret} y")
        assert occurrences(base64.b64encode(f"\0{USER}\0{secret}".encode()))
        assert occurrences(
            base64.b64encode(f"user={USER}\x01auth=Bearer {secret}\x01\x01".encode())
        )
    assert not occurrences("nothing secret here ●●●●●●●●")
