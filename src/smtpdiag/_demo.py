"""``smtpdiag demo``: the classic SMTP failures, diagnosed live against the embedded loopback
server (I/O: SMTP on 127.0.0.1 only; the OAuth token endpoint is an in-process fake).

Each scenario builds real settings, breaks the test server (or the settings) in one classic way,
sends with the real :class:`~smtpdiag.Sender` and prints the diagnosis it gets back. The last
scenario sends successfully.
"""

from __future__ import annotations

import importlib.util
import logging
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from email.message import EmailMessage
from typing import TYPE_CHECKING, Any, TextIO

from ._diagnosis import Diagnosis
from ._render import Style, render_compact

if TYPE_CHECKING:
    from .testing import SMTPTestServer

__all__ = ["SCENARIOS", "Scenario", "missing_extras", "run_demo"]

_FROM = "reports@example.com"
_USER = "reports@example.com"
_PASSWORD = "correct horse battery staple"  # the test server's own account, not a real secret

#: Microsoft 365's reply when basic authentication is off for the mailbox or tenant, verbatim
#: from https://github.com/rpremraj/mailR/issues/107 (javax.mail log of smtp.office365.com).
M365_BASIC_AUTH_DISABLED = (
    "5.7.139 Authentication unsuccessful, basic authentication is disabled. "
    "[BM1P287CA0015.INDP287.PROD.OUTLOOK.COM]"
)

#: Microsoft Entra ID's token endpoint answer for an expired client secret (HTTP 401), with the
#: description as quoted in https://github.com/dotnet/sign/issues/849 (trace ids replaced).
AADSTS7000222 = {
    "error": "invalid_client",
    "error_description": (
        "AADSTS7000222: The provided client secret keys for app "
        "'11111111-2222-3333-4444-555555555555' are expired. Visit the Azure portal to create "
        "new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate "
        "credentials for added security: https://aka.ms/certCreds. "
        "Trace ID: 00000000-0000-0000-0000-000000000000 "
        "Correlation ID: 00000000-0000-0000-0000-000000000000 Timestamp: 2025-04-10 13:07:42Z"
    ),
    "error_codes": [7000222],
    "timestamp": "2025-04-10 13:07:42Z",
    "trace_id": "00000000-0000-0000-0000-000000000000",
    "correlation_id": "00000000-0000-0000-0000-000000000000",
    "error_uri": "https://login.microsoftonline.com/error?code=7000222",
}


def missing_extras() -> list[str]:
    """The packages of the ``testing`` extra that are not installed."""
    return [name for name in ("aiosmtpd", "trustme") if importlib.util.find_spec(name) is None]


@dataclass(frozen=True, slots=True)
class Outcome:
    """What one scenario ended with: a diagnosis, or a note about a successful send."""

    diagnosis: Diagnosis | None
    note: str = ""


@dataclass(frozen=True, slots=True)
class Scenario:
    """One classic failure: what is set up wrong, the kind it should be diagnosed as, and how."""

    name: str
    title: str
    setup: str
    expect: str | None
    run: Callable[[], Outcome]


def _message(to: Sequence[str] = ("alice@example.com",), **headers: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = headers.pop("From", _FROM)
    message["To"] = ", ".join(to)
    for name, value in headers.items():
        message[name.replace("_", "-")] = value
    message["Subject"] = "Monthly report"
    message.set_content("The report is attached.\n")
    return message


@contextmanager
def _server(mode: str = "starttls", **options: Any) -> Iterator[SMTPTestServer]:
    from .testing import SMTPTestServer

    options.setdefault("credentials", {_USER: _PASSWORD})
    with SMTPTestServer(mode, **options) as server:  # type: ignore[arg-type]
        yield server


def _settings(server: SMTPTestServer, **values: Any) -> Any:
    from ._settings import SettingsModel

    base: dict[str, Any] = {
        "host": server.host,
        "port": server.port,
        "security": "starttls",
        "username": _USER,
        "password": _PASSWORD,
        "from_address": _FROM,
        "timeout": 5.0,
        "local_hostname": "demo.example.com",
    }
    base.update(values)
    return SettingsModel.from_mapping(base, source="demo")


def _send(server: SMTPTestServer, settings: Any, message: EmailMessage, **options: Any) -> Outcome:
    from . import Sender, SendError

    try:
        result = Sender(settings, ssl_context=server.client_context, **options).send(message)
    except SendError as error:
        return Outcome(error.diagnosis)
    if result.refused:
        address, diagnosis = next(iter(result.refused.items()))
        accepted = ", ".join(result.accepted)
        return Outcome(diagnosis, f"delivered to {accepted}; refused {address}")
    return Outcome(None, f"accepted for {', '.join(result.accepted)}")


# -- the scenarios ---------------------------------------------------------------------------
def _wrong_port() -> Outcome:
    with _server("ssl") as server:
        return _send(server, _settings(server, security="starttls"), _message())


def _wrong_password() -> Outcome:
    with _server() as server:
        return _send(server, _settings(server, password="Summer2024!"), _message())


def _basic_auth_disabled() -> Outcome:
    from .testing import Fault

    with _server(faults=[Fault.auth_fail(535, M365_BASIC_AUTH_DISABLED)]) as server:
        return _send(server, _settings(server), _message())


def _blank_from() -> Outcome:
    with _server() as server:
        return _send(server, _settings(server, from_address=""), _message(From=""))


def _cc_with_space() -> Outcome:
    with _server() as server:
        message = _message(Cc="bob smith@example.com")
        return _send(server, _settings(server), message)


def _starttls_first() -> Outcome:
    with _server("starttls", require_starttls=True, credentials=None) as server:
        settings = _settings(server, security="none", username="", password="", auth="none")
        return _send(server, settings, _message())


def _relay_denied() -> Outcome:
    from .testing import Fault

    fault = Fault.reject("rcpt", 554, "5.7.1 <partner@elsewhere.example.net>: Relay access denied")
    with _server(faults=[fault], credentials=None, auth_after_tls=True) as server:
        settings = _settings(server, username="", password="", auth="none")
        return _send(server, settings, _message(to=["partner@elsewhere.example.net"]))


def _partly_refused() -> Outcome:
    from .testing import Fault

    # Postfix's wording (postconf(5), virtual_mailbox_maps).
    fault = Fault.reject(
        "rcpt",
        550,
        "5.1.1 <old.colleague@example.com>: Recipient address rejected: "
        "User unknown in virtual mailbox table",
        match="old.colleague@*",
    )
    with _server(faults=[fault]) as server:
        message = _message(to=["alice@example.com", "old.colleague@example.com"])
        return _send(server, _settings(server), message)


def _oauth_secret_expired() -> Outcome:
    from ._oauth import MsalTokenProvider

    with _server(tokens={_USER: "never-issued"}) as server:
        settings = _settings(
            server,
            password="",
            auth="oauth",
            oauth={
                "client_id": "11111111-2222-3333-4444-555555555555",
                "tenant_id": "contoso.onmicrosoft.com",
                "client_secret": "expired-secret-value",
            },
        )
        provider = MsalTokenProvider(http_client=_FakeEntraID())
        return _send(server, settings, _message(), token_provider=provider)


def _success() -> Outcome:
    with _server() as server:
        outcome = _send(server, _settings(server), _message(to=["alice@example.com"]))
        if outcome.diagnosis is None and server.messages:
            return Outcome(None, outcome.note + "; the server received the message")
        return outcome


SCENARIOS: tuple[Scenario, ...] = (
    Scenario(
        "wrong-port",
        "Wrong port for the security setting",
        "The port speaks TLS from the first byte (like 465); the settings say STARTTLS.",
        "tls.port_expects_ssl",
        _wrong_port,
    ),
    Scenario(
        "wrong-password",
        "Wrong password",
        "The password is not the account's password.",
        "auth.invalid_credentials",
        _wrong_password,
    ),
    Scenario(
        "basic-auth-disabled",
        "Microsoft 365: basic authentication disabled",
        "The server answers the login with Microsoft's 535 5.7.139 reply.",
        "auth.basic_auth_disabled",
        _basic_auth_disabled,
    ),
    Scenario(
        "blank-from",
        "Blank From address",
        "The From address is empty.",
        "sender.from_missing",
        _blank_from,
    ),
    Scenario(
        "cc-space",
        "A CC address with a space in it",
        'The CC is "bob smith@example.com".',
        "recipient.address_invalid",
        _cc_with_space,
    ),
    Scenario(
        "starttls-first",
        "Must issue a STARTTLS command first",
        "Secure Connection is None; the server only takes mail after STARTTLS.",
        "policy.encryption_required",
        _starttls_first,
    ),
    Scenario(
        "relay-denied",
        "Relay denied",
        "Mail to an outside domain without logging in.",
        "policy.relay_denied",
        _relay_denied,
    ),
    Scenario(
        "partly-refused",
        "Some recipients refused",
        "Two recipients; the server does not know one of them.",
        "recipient.unknown",
        _partly_refused,
    ),
    Scenario(
        "oauth-secret-expired",
        "Expired OAuth client secret",
        "Microsoft Entra ID (a fake token endpoint) answers AADSTS7000222.",
        "auth.oauth_secret_expired",
        _oauth_secret_expired,
    ),
    Scenario(
        "success",
        "Everything right",
        "Correct settings, STARTTLS, a verified certificate, a good password.",
        None,
        _success,
    ),
)


class _FakeResponse:
    """Just enough of ``requests.Response`` for msal."""

    def __init__(self, status_code: int, payload: dict[str, Any]) -> None:
        import json

        self.status_code = status_code
        self.text = json.dumps(payload)
        self.headers = {"Content-Type": "application/json; charset=utf-8"}

    def json(self) -> Any:
        import json

        return json.loads(self.text)

    def raise_for_status(self) -> None:
        if self.status_code >= 400:
            raise RuntimeError(f"HTTP {self.status_code}")


class _FakeEntraID:
    """An in-process stand-in for login.microsoftonline.com: discovery works, the token call
    answers 401 with the recorded AADSTS7000222 error. Nothing leaves the process."""

    def get(self, url: str, **_: Any) -> _FakeResponse:
        tenant = url.split("login.microsoftonline.com/", 1)[-1].split("/", 1)[0]
        base = f"https://login.microsoftonline.com/{tenant}"
        return _FakeResponse(
            200,
            {
                "token_endpoint": f"{base}/oauth2/v2.0/token",
                "authorization_endpoint": f"{base}/oauth2/v2.0/authorize",
                "issuer": f"https://login.microsoftonline.com/{tenant}/v2.0",
                "tenant_region_scope": "EU",
                # msal's instance discovery answer shape
                "tenant_discovery_endpoint": f"{base}/v2.0/.well-known/openid-configuration",
                "metadata": [],
            },
        )

    def post(self, url: str, **_: Any) -> _FakeResponse:
        return _FakeResponse(401, AADSTS7000222)

    def close(self) -> None:
        return None


# -- running ---------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Result:
    """One scenario's outcome as shown, and whether it matched what was expected."""

    scenario: Scenario
    outcome: Outcome
    elapsed: float

    @property
    def as_expected(self) -> bool:
        if self.scenario.expect is None:
            return self.outcome.diagnosis is None
        return (
            self.outcome.diagnosis is not None
            and self.outcome.diagnosis.kind == self.scenario.expect
        )


def run_demo(out: TextIO, style: Style, width: int = 80, only: Sequence[str] = ()) -> list[Result]:
    """Run the scenarios (all, or those named in ``only``), printing each as it finishes."""
    chosen = [s for s in SCENARIOS if not only or s.name in only]
    quiet = _QuietAiosmtpd()
    server_log = logging.getLogger("mail.log")
    server_log.addFilter(quiet)
    try:
        return _run(chosen, out, style, width)
    finally:
        server_log.removeFilter(quiet)


class _QuietAiosmtpd(logging.Filter):
    """Drop aiosmtpd's "Session.login_data is deprecated" notice (its own AUTH code sets it)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "login_data is deprecated" not in record.getMessage()


def _run(chosen: Sequence[Scenario], out: TextIO, style: Style, width: int) -> list[Result]:
    out.write(
        style.bold("smtpdiag demo")
        + ": the classic SMTP failures, diagnosed live.\n"
        + style.dim("A test server runs on 127.0.0.1; nothing leaves this machine.")
        + "\n"
    )
    out.flush()
    results: list[Result] = []
    started = time.monotonic()
    for number, scenario in enumerate(chosen, 1):
        out.write(f"\n{number:>2}. {style.bold(scenario.title)}\n")
        out.write(_indent(scenario.setup, width) + "\n")
        out.flush()
        began = time.monotonic()
        outcome = scenario.run()
        elapsed = time.monotonic() - began
        result = Result(scenario, outcome, elapsed)
        results.append(result)
        out.write(_show(result, style, width) + "\n")
        out.flush()
    total = time.monotonic() - started
    good = sum(r.as_expected for r in results)
    summary = f"{good} of {len(results)} scenarios behaved as expected in {total:.1f} s."
    out.write("\n" + (style.green(summary) if good == len(results) else style.red(summary)) + "\n")
    if good == len(results):
        out.write(
            "Next: try your own settings with `smtpdiag validate FILE.toml` and\n"
            "`smtpdiag check --config FILE.toml`, or `smtpdiag explain` an error you have.\n"
        )
    return results


def _indent(text: str, width: int) -> str:
    import textwrap

    return textwrap.fill(text, width=width, initial_indent="    ", subsequent_indent="    ")


def _show(result: Result, style: Style, width: int) -> str:
    outcome = result.outcome
    timing = style.dim(f" ({result.elapsed:.2f} s)")
    if outcome.diagnosis is None:
        return f"  {style.ok()} {outcome.note}{timing}"
    lines = [render_compact(outcome.diagnosis, style, width, suffix=timing)]
    if outcome.note:
        lines.append(_indent(outcome.note, width))
    if not result.as_expected:
        lines.append(style.red(f"    (expected {result.scenario.expect})"))
    return "\n".join(lines)
