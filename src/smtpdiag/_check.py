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
from typing import Any

from ._diagnosis import Diagnosis, Stage
from ._render import Style
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
            return _with_secret(settings, password=env[variable], source=f"environment ({variable})")
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


def stage_line(record: Any, style: Style, *, host: str = "") -> str:
    """One line for a stage record: ``✓ resolved smtp.example.com (12 ms)``, ``✗ AUTH: …``."""
    stage = record.stage
    ms = f"({record.elapsed * 1000:.0f} ms)"
    if not record.ok:
        what = record.diagnosis.title if record.diagnosis is not None else record.detail
        return f"{style.fail()} {_STAGE_LABEL.get(stage, stage.value.upper())}: {what}"
    detail = record.detail
    if stage is Stage.DNS:
        text = f"resolved {host}" + (f" to {detail}" if detail else "")
    elif stage is Stage.CONNECT:
        text = "connected" + (f" to {detail}" if detail else "")
    elif stage is Stage.TLS:
        text = detail or "TLS"
    elif stage is Stage.EHLO:
        text = "EHLO" + (f": {detail}" if detail else "")
    elif stage is Stage.AUTH:
        text = "logged in" + (f" ({detail})" if detail else "")
    else:
        text = f"{_STAGE_LABEL.get(stage, stage.value.upper())}" + (f": {detail}" if detail else "")
    return f"{style.ok()} {text} {style.dim(ms)}"


_STAGE_LABEL = {
    Stage.DNS: "DNS",
    Stage.CONNECT: "connect",
    Stage.TLS: "TLS",
    Stage.EHLO: "EHLO",
    Stage.AUTH: "AUTH",
    Stage.OAUTH_TOKEN: "OAuth token",
    Stage.MAIL: "MAIL FROM",
    Stage.RCPT: "RCPT TO",
    Stage.DATA: "DATA",
    Stage.QUIT: "QUIT",
}
