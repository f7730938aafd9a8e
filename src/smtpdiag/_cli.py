"""The ``smtpdiag`` command line (argparse). Reads files and the environment; prints reports."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Sequence
from typing import Any, TextIO

from ._diagnosis import Diagnosis, Severity
from ._errors import SettingsError
from ._settings import SettingsModel
from ._validate import validate
from ._version import __version__

__all__ = ["main"]

EXIT_OK = 0
EXIT_FOUND_ERROR = 1
EXIT_USAGE = 2

_EPILOG = """exit status:
  0  no error found
  1  an error diagnosis was found
  2  usage error (bad arguments, unreadable or invalid settings file)
"""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="smtpdiag",
        description="Tells you why your mail did not go out and what to do about it.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"smtpdiag {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    validate_cmd = commands.add_parser(
        "validate",
        help="check a settings file before sending (no network unless --check-dns)",
        description="Load settings from a TOML file (or the environment) and report every "
        "problem found before anything touches the network.",
        epilog="example:\n  smtpdiag validate smtp.toml\n  SMTP_HOST=smtp.office365.com "
        "smtpdiag validate --env\n\n" + _EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    source = validate_cmd.add_mutually_exclusive_group(required=True)
    source.add_argument("config", nargs="?", metavar="FILE.toml", help="settings file")
    source.add_argument(
        "--env", action="store_true", help="read SMTP_* environment variables instead"
    )
    validate_cmd.add_argument(
        "--prefix", default="SMTP_", help="environment variable prefix (default: SMTP_)"
    )
    validate_cmd.add_argument(
        "--check-dns", action="store_true", help="also look up the server and the From domain"
    )
    validate_cmd.add_argument("--json", action="store_true", help="print JSON instead of text")
    validate_cmd.set_defaults(handler=_cmd_validate)
    _add_suggest_command(commands)
    return parser


def _load_settings(args: argparse.Namespace) -> SettingsModel:
    if args.env:
        return SettingsModel.from_env(args.prefix)
    return SettingsModel.from_toml(args.config)


def _print_diagnoses(diagnoses: Sequence[Diagnosis], out: TextIO) -> None:
    for number, diagnosis in enumerate(diagnoses, 1):
        if number > 1:
            out.write("\n")
        out.write(diagnosis.render() + "\n")


def _cmd_validate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    try:
        settings = _load_settings(args)
    except SettingsError as exc:
        err.write(f"smtpdiag: {exc}\n")
        return EXIT_USAGE
    diagnoses = validate(settings, check_dns=args.check_dns)
    has_error = any(d.severity is Severity.ERROR for d in diagnoses)
    if args.json:
        json.dump(
            {
                "settings": settings.to_dict(),
                "ok": not has_error,
                "diagnoses": [d.to_dict() for d in diagnoses],
            },
            out,
            ensure_ascii=False,
            indent=2,
        )
        out.write("\n")
    else:
        out.write(settings.summary() + "\n\n")
        if diagnoses:
            _print_diagnoses(diagnoses, out)
            errors = sum(d.severity is Severity.ERROR for d in diagnoses)
            out.write(f"\n{errors} error(s), {len(diagnoses) - errors} warning(s) or note(s).\n")
        else:
            out.write("No problem found in the settings.\n")
    return EXIT_FOUND_ERROR if has_error else EXIT_OK


# -- smtpdiag suggest ----------------------------------------------------------------------------
_SUGGEST_EPILOG = """examples:
  smtpdiag suggest jane@contoso.com
  smtpdiag suggest gmail.com --json
  smtpdiag suggest jane@contoso.com --probe --timeout 3

exit status:
  0  at least one suggestion was found
  1  nothing was found (no known provider, no SRV record, no smtp./mail. name)
  2  usage error (not an email address or domain name)
"""


def _add_suggest_command(commands: Any) -> None:
    suggest_cmd = commands.add_parser(
        "suggest",
        help="suggest server, port, security and login for an address's domain",
        description="Tell which SMTP server, port, Secure Connection and login to use for an "
        "address, from its provider, its DNS records (SRV, MX) and, with --probe, from "
        "connecting to each candidate.",
        epilog=_SUGGEST_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    suggest_cmd.add_argument("address", metavar="ADDRESS", help="email address or domain name")
    suggest_cmd.add_argument(
        "--probe",
        action="store_true",
        help="connect to each candidate (greeting, STARTTLS, AUTH, certificate); no login",
    )
    suggest_cmd.add_argument("--json", action="store_true", help="print JSON instead of text")
    suggest_cmd.add_argument(
        "--timeout",
        type=float,
        default=5.0,
        metavar="S",
        help="seconds for each DNS look-up and each probe (default: 5)",
    )
    suggest_cmd.set_defaults(handler=_cmd_suggest)


def _cmd_suggest(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ._suggest import domain_of, suggest_with_notes

    if not args.timeout > 0:
        err.write("smtpdiag: --timeout must be a positive number of seconds\n")
        return EXIT_USAGE
    try:
        domain = domain_of(args.address)
    except SettingsError as exc:
        err.write(f"smtpdiag: {exc.reason}\n")
        return EXIT_USAGE
    suggestions, notes = suggest_with_notes(args.address, timeout=args.timeout, probe=args.probe)
    if args.json:
        json.dump(
            {
                "query": args.address,
                "domain": domain,
                "suggestions": [s.to_dict() for s in suggestions],
                "notes": notes,
            },
            out,
            ensure_ascii=False,
            indent=2,
        )
        out.write("\n")
    elif not suggestions and notes:
        out.write(f"No suggestion for {domain}.\n")
        for note in notes:
            out.write(f"- {note}\n")
        out.write("Check this machine's network and DNS settings, then try again.\n")
    elif not suggestions:
        out.write(
            f"No suggestion for {domain}: it is not a known provider's domain, and its DNS "
            "has no SRV record for mail submission, no MX record of a known provider and no "
            f"smtp.{domain} or mail.{domain} name.\nAsk whoever runs mail for {domain} for "
            "the SMTP server, port and Secure Connection setting.\n"
        )
    else:
        out.write(f"Suggested settings for {domain}, best first:\n")
        for number, item in enumerate(suggestions, 1):
            logins = " or ".join(a.label for a in item.auth_options or (item.auth,))
            out.write(
                f"\n{number}. SMTP Server {item.host}, SMTP Port {item.port}, Secure Connection "
                f"{item.security.label}\n   Log in with: {logins}\n"
            )
            who = f"{item.provider}, " if item.provider else ""
            out.write(f"   ({who}confidence {item.confidence:.2f})\n")
            for line in item.evidence:
                out.write(f"   - {line}\n")
            if item.note:
                out.write(f"   Note: {item.note}\n")
        for note in notes:
            out.write(f"\nNote: {note}\n")
    return EXIT_OK if suggestions else EXIT_FOUND_ERROR


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = _build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "handler", None) is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    out = sys.stdout
    if os.environ.get("PYTHONIOENCODING") is None and hasattr(out, "reconfigure"):
        with contextlib.suppress(AttributeError, ValueError):
            out.reconfigure(errors="replace")
    result: int = args.handler(args, out, sys.stderr)
    return result
