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
import textwrap
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TextIO

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
  2  usage error (bad arguments, unreadable input or settings, missing extra)
"""

_MAIN_EPILOG = (
    """examples:
  smtpdiag demo                           the classic failures, diagnosed live
  smtpdiag explain "535 5.7.8 Authentication credentials invalid"
  smtpdiag validate smtp.toml             check a settings file before sending
  smtpdiag check --config smtp.toml       try the settings against the server
  smtpdiag classify mail.log > out.jsonl  classify every line of a log

Run `smtpdiag COMMAND --help` for the options of each command.
Colour is used only on a terminal and never when NO_COLOR is set.

"""
    + _EXIT_TEXT
)

Handler = Callable[[argparse.Namespace, TextIO, TextIO], int]


class _Formatter(argparse.RawDescriptionHelpFormatter):
    """Wraps one-line paragraphs (descriptions) and keeps multi-line ones (examples) as typed."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        paragraphs = []
        for paragraph in text.split("\n\n"):
            if "\n" in paragraph.strip("\n"):
                paragraphs.append(super()._fill_text(paragraph, width, indent))
            else:
                paragraphs.append(
                    textwrap.fill(
                        paragraph.strip(),
                        width,
                        initial_indent=indent,
                        subsequent_indent=indent,
                        break_on_hyphens=False,
                    )
                )
        return "\n\n".join(paragraphs)

    def _split_lines(self, text: str, width: int) -> list[str]:
        return textwrap.wrap(" ".join(text.split()), width, break_on_hyphens=False)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _command(
    commands: argparse._SubParsersAction[_Parser],
    name: str,
    *,
    help: str,
    description: str,
    examples: str,
    note: str = "",
) -> _Parser:
    """Add a subcommand whose --help ends with its examples and the exit statuses."""
    epilog = "example:\n" + examples.rstrip("\n") + "\n\n" + _EXIT_TEXT
    if note:
        epilog += f"  ({note})\n"
    return commands.add_parser(
        name, help=help, description=description, epilog=epilog, formatter_class=_Formatter
    )


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
    cmd = _command(
        commands,
        "validate",
        help="check a settings file before sending (no network)",
        description="Load settings from a TOML file (or SMTP_* environment variables) and "
        "report every problem found before anything touches the network.",
        examples=(
            "  smtpdiag validate examples/smtp.toml\n"
            "  SMTP_HOST=smtp.office365.com SMTP_PORT=587 smtpdiag validate --env\n"
        ),
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


# -- explain ---------------------------------------------------------------------------------
def _add_explain(commands: argparse._SubParsersAction[_Parser]) -> None:
    cmd = _command(
        commands,
        "explain",
        help="explain one server reply, pasted error or log line",
        description="Explain a server reply, an error message or a log line in plain words: "
        "what it means, its common causes, what to do, and what to ask your IT team for. "
        "With no TEXT, the text is read from standard input (paste it, then press Ctrl-D).",
        examples=(
            "  smtpdiag explain '535 5.7.8 Username and Password not accepted.'\n"
            "  smtpdiag explain --stage mail '530 5.7.0 Must issue a STARTTLS command first'\n"
            "  grep 'status=bounced' /var/log/mail.log | tail -1 | smtpdiag explain --json\n"
        ),
    )
    cmd.add_argument(
        "text",
        nargs="*",
        metavar="TEXT",
        help="the reply or error text (several words are joined; default: standard input)",
    )
    cmd.add_argument(
        "--stage",
        type=_stage,
        metavar="STAGE",
        help="where it happened: " + ", ".join(s.value for s in Stage),
    )
    cmd.add_argument("--host", help="the SMTP server it came from (helps to name the provider)")
    cmd.add_argument("--json", action="store_true", help="print the diagnosis as JSON")
    cmd.set_defaults(handler=_cmd_explain)


def _read_stdin_text(err: TextIO) -> str:
    stdin = sys.stdin
    if stdin is None:
        raise UsageError("no TEXT given and no standard input to read")
    with contextlib.suppress(ValueError, OSError):
        if stdin.isatty():
            err.write("Paste the error text, then press Ctrl-D (Ctrl-Z Enter on Windows):\n")
    return stdin.read()


def _cmd_explain(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ._classify import classify

    text = " ".join(args.text) if args.text else _read_stdin_text(err)
    if not text.strip():
        raise UsageError("nothing to explain: give the reply or error text")
    diagnosis = classify(text.strip(), stage=args.stage, host=args.host)
    if args.json:
        json.dump(diagnosis.to_dict(), out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        _print_diagnoses([diagnosis], out)
    return _exit_for([diagnosis])


# -- check -----------------------------------------------------------------------------------
def _add_check(commands: argparse._SubParsersAction[_Parser]) -> None:
    cmd = _command(
        commands,
        "check",
        help="validate settings, then try them against the server step by step",
        description="Validate the settings, then connect to the server and go through each "
        "stage (DNS, connection, TLS, EHLO, login), printing one line per stage as it "
        "happens, and finally the diagnosis. Settings come from --config, --env (SMTP_* "
        "variables) and the flags below, later ones overriding earlier ones. The password is "
        "never taken on the command line: it comes from the settings file, SMTP_PASSWORD, or "
        "a prompt that does not echo.",
        examples=(
            "  smtpdiag check --config smtp.toml\n"
            "  smtpdiag check --config smtp.toml --send-test me@example.com\n"
            "  smtpdiag check --host smtp.office365.com --port 587 --security starttls \\\n"
            "      --username me@contoso.com --from me@contoso.com\n"
        ),
    )
    source = cmd.add_argument_group("where the settings come from")
    source.add_argument("--config", metavar="FILE.toml", help="settings file")
    source.add_argument(
        "--env", action="store_true", help="read SMTP_* environment variables (over --config)"
    )
    source.add_argument(
        "--prefix", default="SMTP_", help="environment variable prefix (default: SMTP_)"
    )
    flags = cmd.add_argument_group("settings (override --config and --env)")
    flags.add_argument("--host", help="SMTP server name")
    flags.add_argument("--port", type=int, help="SMTP port (587, 465, 25)")
    flags.add_argument(
        "--security", metavar="MODE", help="none, ssl (implicit TLS) or starttls (also: tls)"
    )
    flags.add_argument("--username", help="login name (the password is asked for)")
    flags.add_argument("--auth", metavar="METHOD", help="none, password or oauth")
    flags.add_argument("--from", dest="from_address", metavar="ADDRESS", help="From address")
    flags.add_argument("--from-name", help="From display name")
    flags.add_argument("--timeout", type=float, metavar="SECONDS", help="network timeout")
    flags.add_argument("--local-hostname", metavar="NAME", help="name sent in EHLO")
    flags.add_argument("--ca-file", metavar="PEM", help="extra CA certificates to trust")
    flags.add_argument("--oauth-client-id", metavar="ID", help="Entra ID application id")
    flags.add_argument("--oauth-tenant-id", metavar="ID", help="Entra ID tenant id")
    what = cmd.add_argument_group("what to do")
    what.add_argument(
        "--no-login", action="store_true", help="stop before the login (no password needed)"
    )
    what.add_argument(
        "--send-test", metavar="ADDRESS", help="also send a short test message to ADDRESS"
    )
    what.add_argument(
        "--allow-insecure-auth",
        action="store_true",
        help="allow a login over an unencrypted connection (never needed for real providers)",
    )
    cmd.set_defaults(handler=_cmd_check)


def _prompt_secret(question: str) -> str:
    import getpass

    try:
        if not sys.stdin.isatty():
            return ""
    except (AttributeError, ValueError):
        return ""
    try:
        return getpass.getpass(question)
    except EOFError:
        return ""


def _cmd_check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ._check import build_test_message, gather_settings, run_live

    try:
        settings = gather_settings(args, prompt=_prompt_secret)
    except SettingsError as exc:
        raise UsageError(str(exc)) from exc
    style = _style_for(out)
    width = terminal_width(out)
    out.write(settings.summary() + "\n\n")
    message = build_test_message(settings, args.send_test) if args.send_test else None
    diagnoses = validate(settings, message)
    errors = [d for d in diagnoses if d.severity is Severity.ERROR]
    if diagnoses:
        _print_diagnoses(diagnoses, out)
        out.write("\n")
    if errors:
        out.write(
            style.red(f"{len(errors)} error(s) in the settings; fix them before a live check.")
            + "\n"
        )
        return EXIT_FOUND_ERROR
    diagnosis = run_live(settings, args, out, style, width)
    if diagnosis is not None:
        out.write("\n" + render_full(diagnosis, style, width) + "\n")
        return _exit_for([diagnosis])
    return EXIT_OK


# -- classify --------------------------------------------------------------------------------
def _add_classify(commands: argparse._SubParsersAction[_Parser]) -> None:
    cmd = _command(
        commands,
        "classify",
        help="classify every line of a log or reply list (JSON Lines out)",
        description="Classify one reply or log line per input line and write one JSON object "
        "per line (JSON Lines): line, file (with several files), kind, category, retryable, "
        "code, enhanced, provider. Blank lines are skipped. A summary by category goes to "
        "stderr at the end. Reads standard input when no FILE is given (or FILE is -); streams "
        "in constant memory.",
        examples=(
            "  smtpdiag classify /var/log/mail.log > diagnoses.jsonl\n"
            "  smtpdiag classify bounces-*.txt | jq -r .kind | sort | uniq -c\n"
            "  echo '550 5.1.1 User unknown' | smtpdiag classify\n"
        ),
        note="for classify, 1 means at least one line was diagnosed as an error",
    )
    cmd.add_argument("files", nargs="*", metavar="FILE", help="input files (default: stdin)")
    cmd.add_argument(
        "--stage", type=_stage, metavar="STAGE", help="the stage every line comes from"
    )
    cmd.add_argument("--host", help="the SMTP server every line comes from")
    cmd.add_argument(
        "--no-summary", action="store_true", help="do not print the summary table on stderr"
    )
    cmd.add_argument(
        "--no-progress", action="store_true", help="never show the progress bar on stderr"
    )
    cmd.add_argument(
        "--jobs",
        type=_positive_int,
        metavar="N",
        help="worker processes (default: one per CPU, up to 4, for files over 8 MB; else 1)",
    )
    cmd.set_defaults(handler=_cmd_classify)


_PARALLEL_BYTES = 8_000_000


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def _cmd_classify(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    import functools
    import time

    from ._batch import Source, classify_lines, classify_one, file_size, format_summary

    names: list[str] = args.files or ["-"]
    progress = not args.no_progress and _isatty(err)

    def sources() -> Iterator[Source]:
        for name in names:
            if name == "-":
                yield Source("<stdin>", sys.stdin.buffer)
                continue
            try:
                handle = open(name, "rb")  # noqa: SIM115 (closed below, one at a time)
            except OSError as exc:
                raise UsageError(f"cannot read {name}: {exc.strerror or exc}") from exc
            with handle:
                yield Source(name, handle, file_size(handle))

    jobs = args.jobs
    if jobs is None:  # automatic: worker processes only for big regular files
        sizes = [os.path.getsize(n) if n != "-" and os.path.isfile(n) else 0 for n in names]
        jobs = min(os.cpu_count() or 1, 4) if sum(sizes) >= _PARALLEL_BYTES else 1
    started = time.monotonic()
    stats = classify_lines(
        sources(),
        out,
        err,
        functools.partial(classify_one, stage=args.stage, host=args.host),
        with_file=len(names) > 1,
        progress=progress,
        jobs=jobs,
    )
    if not args.no_summary:
        err.write(format_summary(stats, time.monotonic() - started) + "\n")
    return EXIT_FOUND_ERROR if stats.errors else EXIT_OK


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


# -- demo ------------------------------------------------------------------------------------
def _add_demo(commands: argparse._SubParsersAction[_Parser]) -> None:
    from ._demo import SCENARIOS  # scenario names only; the test server is imported on use

    cmd = _command(
        commands,
        "demo",
        help="see the classic failures diagnosed against a local test server (no network)",
        description="Start the embedded SMTP test server on 127.0.0.1 and walk through the "
        "classic failures with the real Sender: the wrong port for the security setting, a "
        "wrong password, Microsoft 365 with basic authentication disabled, a blank From, a CC "
        "with a space, a server that wants STARTTLS first, relay denied, a partly refused "
        "recipient list and an expired OAuth client secret; then a successful send. Needs "
        "the testing extra: pip install 'smtpdiag[testing]'.",
        examples="  smtpdiag demo\n  smtpdiag demo --only wrong-password --only success\n",
        note="for demo, 1 means a scenario was not diagnosed as expected",
    )
    cmd.add_argument(
        "--only",
        action="append",
        default=[],
        metavar="NAME",
        help="run only this scenario (repeatable): " + ", ".join(s.name for s in SCENARIOS),
    )
    cmd.set_defaults(handler=_cmd_demo)


def _cmd_demo(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ._demo import SCENARIOS, missing_extras, run_demo

    missing = missing_extras()
    if missing:
        err.write(
            "smtpdiag demo needs the testing extra, which runs the local test server; "
            f"missing: {', '.join(missing)}.\n"
            "Install it with:  pip install 'smtpdiag[testing]'\n"
            "(from a checkout:  pip install '.[testing]')\n"
        )
        return EXIT_USAGE
    unknown = [name for name in args.only if name not in {s.name for s in SCENARIOS}]
    if unknown:
        raise UsageError(
            f"unknown scenario {unknown[0]!r}; use one of {', '.join(s.name for s in SCENARIOS)}"
        )
    results = run_demo(out, _style_for(out), terminal_width(out), only=args.only)
    return EXIT_OK if all(r.as_expected for r in results) else EXIT_FOUND_ERROR


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
        formatter_class=_Formatter,
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


# -- parser ----------------------------------------------------------------------------------
def _build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="smtpdiag",
        description="Tells you why your mail did not go out and what to do about it.",
        epilog=_MAIN_EPILOG,
        formatter_class=_Formatter,
    )
    parser.add_argument("--version", action="version", version=f"smtpdiag {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    _add_explain(commands)
    _add_validate(commands)
    _add_check(commands)
    _add_classify(commands)
    _add_demo(commands)
    _add_suggest_command(commands)
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
