"""Terminal rendering for the command line: colour decisions and diagnosis layouts (no I/O).

The help-page layout itself is :meth:`Diagnosis.render`; this module only decides whether to
colour it (a TTY and no ``NO_COLOR``), highlights its headings, and offers the compact form the
demo and ``check`` print.
"""

from __future__ import annotations

import difflib
import os
import shutil
import textwrap
from collections.abc import Mapping
from typing import TextIO

from ._diagnosis import Audience, Diagnosis, Severity

__all__ = [
    "HEADINGS",
    "Style",
    "render_compact",
    "render_full",
    "terminal_width",
    "wants_colour",
]

#: The section headings of :meth:`Diagnosis.render`, highlighted when colour is on.
HEADINGS = (
    "What this means",
    "Common causes",
    "What to do",
    "Server reply (exact)",
)


def wants_colour(stream: TextIO, environ: Mapping[str, str] | None = None) -> bool:
    """True when ``stream`` is a terminal and ``NO_COLOR`` is not set (https://no-color.org)."""
    env = os.environ if environ is None else environ
    if env.get("NO_COLOR"):
        return False
    if env.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except ValueError:  # a closed stream
        return False


def terminal_width(stream: TextIO, *, default: int = 80) -> int:
    """The width to wrap at: the terminal's (between 60 and 100 columns) or ``default``."""
    isatty = getattr(stream, "isatty", None)
    try:
        tty = bool(isatty and isatty())
    except ValueError:
        tty = False
    if not tty:
        return default
    columns = shutil.get_terminal_size((default, 24)).columns
    return max(60, min(columns - 1, 100))


class Style:
    """ANSI styles that collapse to plain text when colour is off."""

    __slots__ = ("enabled",)

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled

    def _wrap(self, code: str, text: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self.enabled and text else text

    def bold(self, text: str) -> str:
        return self._wrap("1", text)

    def dim(self, text: str) -> str:
        return self._wrap("2", text)

    def red(self, text: str) -> str:
        return self._wrap("1;31", text)

    def green(self, text: str) -> str:
        return self._wrap("32", text)

    def yellow(self, text: str) -> str:
        return self._wrap("33", text)

    def cyan(self, text: str) -> str:
        return self._wrap("36", text)

    def severity(self, severity: Severity, text: str) -> str:
        if severity is Severity.ERROR:
            return self.red(text)
        if severity is Severity.WARNING:
            return self.yellow(text)
        return self.cyan(text)

    def ok(self) -> str:
        return self.green("✓")

    def fail(self) -> str:
        return self.red("✗")


def render_full(diagnosis: Diagnosis, style: Style, width: int = 80) -> str:
    """:meth:`Diagnosis.render`, with the title and headings highlighted when colour is on."""
    text = diagnosis.render(width=width)
    if not style.enabled:
        return text
    lines = text.split("\n")
    lines[0] = style.severity(diagnosis.severity, lines[0])
    for index, line in enumerate(lines[1:], 1):
        if line in HEADINGS or line.startswith("Settings involved:"):
            lines[index] = style.bold(line)
    return "\n".join(lines)


def render_compact(
    diagnosis: Diagnosis,
    style: Style,
    width: int = 80,
    *,
    remedies: int = 2,
    detail_lines: int = 3,
    suffix: str = "",
) -> str:
    """A few lines: the title and kind, the finding, the first remedies and the server reply.

    ``suffix`` (such as a timing) follows the title. Remedies that repeat an earlier one are
    left out, and a long finding is cut to ``detail_lines`` lines.
    """
    indent = "    "
    wrap = textwrap.TextWrapper(
        width=width, initial_indent=indent, subsequent_indent=indent, break_on_hyphens=False
    )
    mark = style.fail() if diagnosis.severity is Severity.ERROR else style.yellow("!")
    title = textwrap.wrap(diagnosis.title, width=width - 4 - len(suffix), break_on_hyphens=False)
    lines = [f"  {mark} {style.bold(title[0])}" + (suffix if len(title) == 1 else "")]
    for number, part in enumerate(title[1:], 2):
        lines.append(f"    {style.bold(part)}" + (suffix if number == len(title) else ""))
    lines.append(wrap.fill(f"[{diagnosis.kind}]"))
    if diagnosis.detail:
        found = wrap.wrap(diagnosis.detail)
        if len(found) > detail_lines:
            found = found[:detail_lines]
            found[-1] = found[-1][: width - 1].rstrip() + "…"
        lines.extend(found)
    shown: list[str] = []
    for remedy in diagnosis.remedies:
        if len(shown) >= remedies:
            break
        text = remedy.text
        if remedy.audience is Audience.ADMIN and not text.lower().startswith("ask "):
            text = f"Ask your IT team: {text}"
        if any(_similar(text, earlier) for earlier in shown):
            continue
        shown.append(text)
        lines.append(
            textwrap.fill(
                text,
                width=width,
                initial_indent=indent + "→ ",
                subsequent_indent=indent + "  ",
                break_on_hyphens=False,
            )
        )
    if diagnosis.reply is not None and diagnosis.reply.text:
        reply = textwrap.wrap(
            " ".join(diagnosis.reply.text.split()),
            width=width,
            initial_indent=f"{indent}server: ",
            subsequent_indent=indent + " " * len("server: "),
            break_on_hyphens=False,
        )
        if len(reply) > 2:
            reply = reply[:2]
            reply[-1] = reply[-1][: width - 1].rstrip() + "…"
        lines.extend(style.dim(line) for line in reply)
    return "\n".join(lines)


def _similar(one: str, other: str) -> bool:
    """True when two remedies say nearly the same thing (one contains the other, or close)."""
    a, b = one.lower().rstrip("."), other.lower().rstrip(".")
    if a in b or b in a or a[:30] == b[:30]:
        return True
    return difflib.SequenceMatcher(None, a, b).ratio() > 0.75
