"""The ``smtpdiag`` command line (argparse). Reads files, standard input and the environment;
prints reports; ``check`` and ``demo`` open SMTP connections.

Exit status: 0 when no error was found, 1 when an error diagnosis was found, 2 for a usage
error. Colour only when standard output is a terminal and ``NO_COLOR`` is not set.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Callable, Sequence
from typing import TextIO

from ._diagnosis import Diagnosis, Severity, Stage
from ._errors import SettingsError
from ._render import Style, render_full, terminal_width, wants_colour
from ._settings import SettingsModel
from ._validate import validate
from ._version import __version__

__all__ = ["EXIT_FOUND_ERROR", "EXIT_OK", "EXIT_USAGE", "main"]

EXIT_OK = 0
EXIT_FOUND_ERROR = 1
EXIT_USAGE = 2

_EXIT_TEXT = """exit status:
  0  no error found
  1  an error diagnosis was found
  2  usage error (bad arguments, unreadable input or settings file, missing extra)
"""

_MAIN_EPILOG = (
    """examples:
  smtpdiag demo                          see the classic failures diagnosed (no network)
  smtpdiag explain "535 5.7.8 Authentication credentials invalid"
  smtpdiag validate smtp.toml            check a settings file before sending
  smtpdiag check --config smtp.toml      try the settings against the real server
  smtpdiag classify mail.log > out.jsonl classify every line of a log

Run `smtpdiag COMMAND --help` for the options of each command.
Colour is used only on a terminal and never when NO_COLOR is set.

"""
    + _EXIT_TEXT
)

Handler = Callable[[argparse.Namespace, TextIO, TextIO], int]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _epilog(examples: str) -> str:
    return "example:\n" + examples.rstrip("\n") + "\n\n" + _EXIT_TEXT


class UsageError(Exception):
    """A problem with what the user typed or gave as input: exit status 2."""


# -- shared helpers --------------------------------------------------------------------------
def _style_for(out: TextIO) -> Style:
    return Style(wants_colour(out))


def _print_diagnoses(diagnoses: Sequence[Diagnosis], out: TextIO) -> None:
    style = _style_for(out)
    width = terminal_width(out)
    for number, diagnosis in enumerate(diagnoses, 1):
        if number > 1:
            out.write("\n")
        out.write(render_full(diagnosis, style, width) + "\n")


def _exit_for(diagnoses: Sequence[Diagnosis]) -> int:
    return EXIT_FOUND_ERROR if any(d.severity is Severity.ERROR for d in diagnoses) else EXIT_OK


# -- validate --------------------------------------------------------------------------------
def _add_validate(commands: argparse._SubParsersAction[_Parser]) -> None:
    cmd = commands.add_parser(
        "validate",
        help="check a settings file before sending (no network unless --check-dns)",
        description="Load settings from a TOML file (or SMTP_* environment variables) and "
        "report every problem found before anything touches the network.",
        epilog=_epilog(
            "  smtpdiag validate examples/smtp.toml\n"
            "  SMTP_HOST=smtp.office365.com SMTP_PORT=587 smtpdiag validate --env\n"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    source = cmd.add_mutually_exclusive_group(required=True)
    source.add_argument("config", nargs="?", metavar="FILE.toml", help="settings file")
    source.add_argument(
        "--env", action="store_true", help="read SMTP_* environment variables instead"
    )
    cmd.add_argument(
        "--prefix", default="SMTP_", help="environment variable prefix (default: SMTP_)"
    )
    cmd.add_argument(
        "--check-dns", action="store_true", help="also look up the server and the From domain"
    )
    cmd.add_argument("--json", action="store_true", help="print JSON instead of text")
    cmd.set_defaults(handler=_cmd_validate)


def _load_settings(args: argparse.Namespace) -> SettingsModel:
    if args.env:
        return SettingsModel.from_env(args.prefix)
    return SettingsModel.from_toml(args.config)


def _cmd_validate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    try:
        settings = _load_settings(args)
    except SettingsError as exc:
        err.write(f"smtpdiag: {exc}\n")
        return EXIT_USAGE
    diagnoses = validate(settings, check_dns=args.check_dns)
    if args.json:
        json.dump(
            {
                "settings": settings.to_dict(),
                "ok": _exit_for(diagnoses) == EXIT_OK,
                "diagnoses": [d.to_dict() for d in diagnoses],
            },
            out,
            ensure_ascii=False,
            indent=2,
        )
        out.write("\n")
        return _exit_for(diagnoses)
    out.write(settings.summary() + "\n\n")
    if diagnoses:
        _print_diagnoses(diagnoses, out)
        errors = sum(d.severity is Severity.ERROR for d in diagnoses)
        out.write(f"\n{errors} error(s), {len(diagnoses) - errors} warning(s) or note(s).\n")
    else:
        out.write(_style_for(out).green("No problem found in the settings.") + "\n")
    return _exit_for(diagnoses)


# -- parser ----------------------------------------------------------------------------------
def _build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="smtpdiag",
        description="Tells you why your mail did not go out and what to do about it.",
        epilog=_MAIN_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"smtpdiag {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    _add_validate(commands)
    return parser


def _stage(value: str) -> Stage:
    try:
        return Stage(value.strip().lower().replace(" ", "_"))
    except ValueError:
        choices = ", ".join(s.value for s in Stage)
        raise argparse.ArgumentTypeError(f"unknown stage {value!r}; use one of {choices}") from None


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = _build_parser()
    args = parser.parse_args(argv)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    out = sys.stdout
    if os.environ.get("PYTHONIOENCODING") is None:
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(AttributeError, ValueError):
                stream.reconfigure(errors="replace")  # type: ignore[union-attr]
    try:
        return handler(args, out, sys.stderr)
    except UsageError as exc:
        sys.stderr.write(f"smtpdiag: {exc}\n")
        return EXIT_USAGE
    except KeyboardInterrupt:
        sys.stderr.write("smtpdiag: interrupted\n")
        return 130
