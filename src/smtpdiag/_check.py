"""``smtpdiag check``: gather settings from a file, the environment, flags and a hidden prompt,
validate them, then run the live check stage by stage (network I/O through :class:`Sender`).

Secrets are never read from the command line and never echoed: the password and the OAuth
client secret come from the settings file, ``SMTP_PASSWORD`` / ``SMTP_OAUTH_CLIENT_SECRET`` or a
``getpass`` prompt.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable, Mapping
from dataclasses import replace
from email.message import EmailMessage
from typing import Any, TextIO

from ._diagnosis import Diagnosis, Stage
from ._render import Style
from ._results import StageRecord
from ._settings import AuthMethod, OAuthCredentials, SettingsModel

__all__ = ["FLAG_KEYS", "build_test_message", "gather_settings", "run_live", "stage_line"]

#: Command-line flag (argparse dest) -> settings key. No secrets here, on purpose.
FLAG_KEYS: Mapping[str, str] = {
    "host": "host",
    "port": "port",
    "security": "security",
    "username": "username",
    "auth": "auth",
    "from_address": "from_address",
    "from_name": "from_name",
    "timeout": "timeout",
    "local_hostname": "local_hostname",
    "ca_file": "ca_file",
    "oauth_client_id": "oauth_client_id",
    "oauth_tenant_id": "oauth_tenant_id",
}

Prompt = Callable[[str], str]


def _base(args: argparse.Namespace, environ: Mapping[str, str]) -> SettingsModel:
    settings = SettingsModel()
    if args.config:
        settings = SettingsModel.from_toml(args.config)
    if args.env:
        from_env = SettingsModel.from_env(args.prefix, environ)
        keys = {key for key in from_env.sources if key != "oauth"}
        settings = _overlay(settings, from_env, keys, from_env.sources)
        if "oauth" in from_env.sources and from_env.oauth is not None:
            settings = _merge_oauth(settings, from_env.oauth, from_env.sources["oauth"])
    return settings


def _overlay(
    base: SettingsModel, top: SettingsModel, keys: set[str], sources: Mapping[str, str]
) -> SettingsModel:
    changes: dict[str, Any] = {key: getattr(top, key) for key in keys}
    merged = dict(base.sources)
    merged.update({key: sources[key] for key in keys if key in sources})
    return replace(base, **changes, sources=merged)


def _merge_oauth(
    base: SettingsModel, top: OAuthCredentials, source: str, *, only: set[str] | None = None
) -> SettingsModel:
    old = base.oauth or OAuthCredentials()
    names = only or {"client_id", "tenant_id", "client_secret"}
    values = {
        name: (getattr(top, name) if name in names and getattr(top, name) else getattr(old, name))
        for name in ("client_id", "tenant_id", "client_secret")
    }
    sources = dict(base.sources)
    sources["oauth"] = source
    return replace(base, oauth=OAuthCredentials(**values), sources=sources)


def gather_settings(
    args: argparse.Namespace,
    *,
    environ: Mapping[str, str] | None = None,
    prompt: Prompt | None = None,
) -> SettingsModel:
    """The settings for ``check``: file, then environment (``--env``), then flags, then secrets.

    A missing password (or OAuth client secret) is taken from ``SMTP_PASSWORD``
    (``SMTP_OAUTH_CLIENT_SECRET``) when set, else asked with ``prompt`` (a ``getpass``-like
    function; None to never ask). Raises :class:`~smtpdiag.SettingsError` for bad values.
    """
    env = os.environ if environ is None else environ
    settings = _base(args, env)
    flags = {
        key: getattr(args, dest)
        for dest, key in FLAG_KEYS.items()
        if getattr(args, dest, None) is not None
    }
    if flags:
        top = SettingsModel.from_mapping(flags, source="command line")
        plain = {key for key in flags if not key.startswith("oauth_")}
        settings = _overlay(settings, top, plain, top.sources)
        oauth_names = {key.removeprefix("oauth_") for key in flags if key.startswith("oauth_")}
        if oauth_names and top.oauth is not None:
            settings = _merge_oauth(settings, top.oauth, "command line", only=oauth_names)
    return _fill_secrets(settings, args, env, prompt)


def _fill_secrets(
    settings: SettingsModel,
    args: argparse.Namespace,
    env: Mapping[str, str],
    prompt: Prompt | None,
) -> SettingsModel:
    if getattr(args, "no_login", False):
        return settings
    method = settings.auth_method
    if method is AuthMethod.PASSWORD and not settings.password:
        variable = f"{args.prefix}PASSWORD"
        if env.get(variable):
            return _with_secret(
                settings, password=env[variable], source=f"environment ({variable})"
            )
        if prompt is not None and settings.username:
            where = f" on {settings.host}" if settings.host else ""
            secret = prompt(f"Password for {settings.username}{where}: ")
            if secret:
                return _with_secret(settings, password=secret, source="prompt")
    if method is AuthMethod.OAUTH:
        oauth = settings.oauth or OAuthCredentials()
        if not oauth.client_secret:
            variable = f"{args.prefix}OAUTH_CLIENT_SECRET"
            secret = env.get(variable, "")
            source = f"environment ({variable})"
            if not secret and prompt is not None and oauth.client_id:
                secret = prompt(f"OAuth client secret for application {oauth.client_id}: ")
                source = "prompt"
            if secret:
                return _merge_oauth(
                    settings,
                    OAuthCredentials(client_secret=secret),
                    settings.sources.get("oauth", source),
                    only={"client_secret"},
                )
    return settings


def _with_secret(settings: SettingsModel, *, password: str, source: str) -> SettingsModel:
    sources = dict(settings.sources)
    sources["password"] = source
    return replace(settings, password=password, sources=sources)


def build_test_message(settings: SettingsModel, address: str) -> EmailMessage:
    """The short message ``--send-test`` sends to ``address``."""
    message = EmailMessage()
    sender = settings.from_address
    message["From"] = f"{settings.from_name} <{sender}>" if settings.from_name else sender
    message["To"] = address
    message["Subject"] = "smtpdiag test message"
    message.set_content(
        "This is a test message sent by `smtpdiag check --send-test`.\n"
        f"It went through {settings.host}:{settings.port} ({settings.security.label}).\n"
        "If you can read it, these settings can send mail.\n"
    )
    return message


def stage_line(record: StageRecord, style: Style, width: int = 80) -> str:
    """One line for a stage: ``✓ resolved smtp.example.com → 192.0.2.1 (12 ms)``, ``✗ AUTH: …``."""
    label = _STAGE_LABEL.get(record.stage, record.stage.value.upper())
    if not record.ok:
        what = record.diagnosis.title if record.diagnosis is not None else record.detail
        return f"{style.fail()} {label}: {what}"
    detail = record.detail
    if record.stage is Stage.DNS:
        text = f"resolved {detail}"
    elif record.stage is Stage.CONNECT:
        text = detail or "connected"
    elif record.stage in (Stage.TLS, Stage.AUTH, Stage.CONFIG):
        text = detail or label
    elif detail.upper().startswith(label.upper()):
        text = detail
    else:
        text = f"{label}: {detail}" if detail else label
    timing = f" ({record.elapsed * 1000:.0f} ms)"
    room = width - 2 - len(timing)
    if len(text) > room:
        text = text[: max(room - 1, 10)] + "…"
    return f"{style.ok()} {text}{style.dim(timing)}"


#: The stages of ``--send-test`` worth a line (the connection was shown by the check).
_SEND_STAGES = frozenset({Stage.MAIL, Stage.RCPT, Stage.DATA})

_STAGE_LABEL = {
    Stage.CONFIG: "SETTINGS",
    Stage.DNS: "DNS",
    Stage.CONNECT: "CONNECT",
    Stage.TLS: "TLS",
    Stage.EHLO: "EHLO",
    Stage.AUTH: "AUTH",
    Stage.OAUTH_TOKEN: "OAUTH TOKEN",
    Stage.MAIL: "MAIL FROM",
    Stage.RCPT: "RCPT TO",
    Stage.DATA: "DATA",
    Stage.QUIT: "QUIT",
}


def run_live(
    settings: SettingsModel, args: argparse.Namespace, out: TextIO, style: Style, width: int
) -> Diagnosis | None:
    """The live check (and ``--send-test``), one line per stage as it happens.

    Returns the diagnosis of what failed, or None when everything worked.
    """
    from ._errors import SendError
    from ._sender import Sender

    def show(record: StageRecord) -> None:
        out.write(stage_line(record, style, width) + "\n")
        out.flush()

    sender = Sender(settings, allow_insecure_auth=args.allow_insecure_auth)
    out.write(f"Checking {settings.host}:{settings.port} ({settings.security.label}):\n")
    out.flush()
    result = sender.check(login=not args.no_login, on_stage=show)
    if result.diagnosis is not None:
        return result.diagnosis
    if args.send_test:
        out.write(f"Sending a test message to {args.send_test}:\n")
        out.flush()
        try:
            sent = sender.send(build_test_message(settings, args.send_test))
        except SendError as error:
            where = _STAGE_LABEL.get(error.stage, "send") if error.stage else "send"
            out.write(f"{style.fail()} {where}: {error.diagnosis.title}\n")
            return error.diagnosis
        for record in sent.stages:
            if record.stage in _SEND_STAGES or not record.ok:
                show(record)
        if sent.refused:
            return next(iter(sent.refused.values()))
        reply = ""
        if sent.reply is not None and sent.reply.text:
            text = sent.reply.text
            if sent.reply.code is not None and not text.startswith(str(sent.reply.code)):
                text = f"{sent.reply.code} {text}"
            reply = f": {text}"
        out.write(f"{style.ok()} test message accepted{reply}\n")
    done = "These settings work" + (
        ": the server accepted the test message." if args.send_test else "."
    )
    out.write("\n" + style.green(done) + "\n")
    return None
