"""Colour decisions and the compact and full diagnosis layouts."""

from __future__ import annotations

import io

from smtpdiag import Reply, Stage, make_diagnosis
from smtpdiag._render import Style, render_compact, render_full, wants_colour


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_colour_only_on_a_terminal_without_no_color() -> None:
    assert wants_colour(_Tty(), environ={}) is True
    assert wants_colour(io.StringIO(), environ={}) is False
    assert wants_colour(_Tty(), environ={"NO_COLOR": "1"}) is False
    assert wants_colour(_Tty(), environ={"TERM": "dumb"}) is False


def test_full_layout_has_help_page_sections_and_no_escape_codes_when_plain() -> None:
    diagnosis = make_diagnosis(
        "auth.invalid_credentials",
        reply=Reply(535, "5.7.8", "535 5.7.8 Authentication credentials invalid"),
        stage=Stage.AUTH,
    )
    text = render_full(diagnosis, Style(False))
    assert "\x1b[" not in text
    for heading in ("What this means", "What to do", "Server reply (exact)"):
        assert f"\n{heading}\n" in text
    assert "535 5.7.8 Authentication credentials invalid" in text
    assert "Stage: AUTH" in text
    assert all(len(line) <= 80 for line in text.splitlines())
    coloured = render_full(diagnosis, Style(True))
    assert "\x1b[1mWhat this means\x1b[0m" in coloured


def test_admin_remedies_are_grouped_under_ask_your_it_team() -> None:
    diagnosis = make_diagnosis("config.host_missing")
    text = diagnosis.render()
    what_to_do = text.split("What to do\n", 1)[1]
    assert "  - Enter your provider's SMTP server name" in what_to_do
    assert "  Ask your IT team:\n  - which SMTP relay or submission server" in what_to_do
    assert what_to_do.index("Enter your provider's") < what_to_do.index("Ask your IT team:")
    assert "Ask your IT team: Ask" not in text


def test_compact_layout_fits_80_columns() -> None:
    diagnosis = make_diagnosis(
        "auth.invalid_credentials",
        reply=Reply(535, "5.7.8", "535 5.7.8 " + "x" * 200),
        detail="The server refused the username and password.",
    )
    text = render_compact(diagnosis, Style(False), 80)
    assert diagnosis.title in text
    assert "[auth.invalid_credentials]" in text
    assert "server: 535 5.7.8" in text
    assert all(len(line) <= 80 for line in text.splitlines())
