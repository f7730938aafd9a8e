"""Generate the error reference (docs/errors.md) from the catalogue. ``main`` writes one file.

One section per diagnosis kind, grouped by category, in the help-page structure: what this
means, common causes, what to do (yourself, and what to ask your IT team for). Regenerate with::

    python -m smtpdiag._errorref docs/errors.md

and check that the committed page is current with ``python -m smtpdiag._errorref --check
docs/errors.md`` (the test suite does the same).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from ._catalogue import CATALOGUE, CatalogueEntry
from ._diagnosis import Audience, Category, Severity

__all__ = ["generate", "main"]

#: A heading and one sentence for each category, in the order the page lists them.
CATEGORY_TEXT: Mapping[Category, tuple[str, str]] = {
    Category.CONFIG: ("Settings", "Problems found in the settings before anything is sent."),
    Category.CONNECTION: (
        "Connection",
        "The server could not be reached, or the connection dropped.",
    ),
    Category.TLS: (
        "Encryption (TLS)",
        "The encrypted connection failed: handshake, certificates, STARTTLS, or a port and "
        "security setting that do not match.",
    ),
    Category.AUTH: (
        "Sign-in",
        "The login failed: user name and password, sign-in methods, disabled basic "
        "authentication, OAuth.",
    ),
    Category.SENDER: (
        "Sender (From)",
        "The From or envelope sender address is blank, invalid, unverified, or may not be used.",
    ),
    Category.RECIPIENT: (
        "Recipients",
        "A To, CC or BCC address is invalid, unknown, over quota or disabled, or there are too "
        "many.",
    ),
    Category.POLICY: (
        "Server policy",
        "The server's rules refuse the request: relaying, required sign-in or encryption, "
        "blocklists, spam filtering.",
    ),
    Category.MESSAGE: (
        "Message",
        "The message itself: its size, its headers, its line endings or its content.",
    ),
    Category.RATE_LIMIT: (
        "Sending limits",
        "Too many connections, messages or recipients in a period of time.",
    ),
    Category.SERVER: ("Server", "The server's own temporary or internal failure."),
    Category.PROTOCOL: (
        "Protocol",
        "The conversation with the server went wrong: syntax errors, commands out of order, "
        "commands the server does not support.",
    ),
    Category.UNKNOWN: (
        "Unrecognised",
        "Nothing specific matched; the diagnosis is built from the reply code alone.",
    ),
}

_HEADER = """\
# Error reference

<!-- Generated from smtpdiag.CATALOGUE by `python -m smtpdiag._errorref docs/errors.md`.
     Do not edit by hand: a test fails when this page is out of date. -->

Every diagnosis smtpdiag can give, grouped by category. Each one has a stable *kind* id (the
`kind` field of a `Diagnosis`, of `smtpdiag explain --json` and of `smtpdiag classify`), what it
means, its common causes and what to do: what you can do yourself, and what to ask your IT team
for. `smtpdiag explain "<the error text>"` prints the same page for a real error, with the exact
server reply.
"""


def _anchor(kind: str) -> str:
    # GitHub-style heading anchor of "`kind`": lowercase, dots removed, spaces to dashes.
    return "".join(ch for ch in kind.lower() if ch.isalnum() or ch in "-_")


def _remedy_line(text: str, audience: Audience) -> str:
    if audience is Audience.ADMIN and not text.lower().startswith("ask "):
        return f"- Ask your IT team: {text}"
    return f"- {text}"


def _section(entry: CatalogueEntry) -> list[str]:
    lines = [f"### `{entry.kind}`", "", f"**{entry.title}.**", ""]
    lines += ["**What this means**", "", entry.meaning, ""]
    if entry.causes:
        lines += ["**Common causes**", ""]
        lines += [f"- {cause}" for cause in entry.causes]
        lines.append("")
    user = [r for r in entry.remedies if r.audience is Audience.USER]
    admin = [r for r in entry.remedies if r.audience is not Audience.USER]
    if user:
        lines += ["**What to do**", ""]
        lines += [_remedy_line(r.text, r.audience) for r in user]
        lines.append("")
    if admin:
        lines += ["**What to ask your IT team for**", ""]
        lines += [_remedy_line(r.text, r.audience) for r in admin]
        lines.append("")
    facts = []
    if entry.severity is not Severity.ERROR:
        facts.append(f"severity: {entry.severity.value}")
    facts.append("retrying may help" if entry.retryable else "retrying will not help")
    if entry.fields:
        facts.append("settings involved: " + ", ".join(f"`{f}`" for f in entry.fields))
    summary = "; ".join(facts)
    lines += ["*" + summary[0].upper() + summary[1:] + ".*", ""]
    return lines


def generate(catalogue: Mapping[str, CatalogueEntry] | None = None) -> str:
    """The whole Markdown page for ``catalogue`` (default: :data:`smtpdiag.CATALOGUE`)."""
    entries = CATALOGUE if catalogue is None else catalogue
    by_category: dict[Category, list[CatalogueEntry]] = {}
    for entry in entries.values():
        by_category.setdefault(entry.category, []).append(entry)
    order = [c for c in CATEGORY_TEXT if c in by_category]
    lines = [_HEADER]
    lines += ["## Contents", ""]
    for category in order:
        heading, _ = CATEGORY_TEXT[category]
        kinds = sorted(by_category[category], key=lambda e: e.kind)
        links = ", ".join(f"[`{e.kind}`](#{_anchor(e.kind)})" for e in kinds)
        lines.append(f"- **{heading}** ({category.value}): {links}")
    lines.append("")
    for category in order:
        heading, blurb = CATEGORY_TEXT[category]
        lines += [f"## {heading} (`{category.value}.*`)", "", blurb, ""]
        for entry in sorted(by_category[category], key=lambda e: e.kind):
            lines += _section(entry)
    return "\n".join(lines).rstrip("\n") + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    """Write (or with ``--check``, compare) the error reference; return the exit status."""
    parser = argparse.ArgumentParser(
        prog="python -m smtpdiag._errorref",
        description="Generate the error reference page from the catalogue.",
    )
    parser.add_argument("output", nargs="?", help="file to write (default: standard output)")
    parser.add_argument(
        "--check",
        action="store_true",
        help="do not write; exit 1 when OUTPUT differs from what would be generated",
    )
    args = parser.parse_args(argv)
    page = generate()
    if args.output is None:
        if args.check:
            parser.error("--check needs the OUTPUT file to compare")
        sys.stdout.write(page)
        return 0
    path = Path(args.output)
    if args.check:
        current = path.read_text(encoding="utf-8") if path.exists() else ""
        if current != page:
            sys.stderr.write(f"{path} is out of date: run `python -m smtpdiag._errorref {path}`\n")
            return 1
        return 0
    path.write_text(page, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
