"""Reliability suites: each prints its figure (run with -s to see them, or read the report)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

FIGURES: list[str] = []


@pytest.fixture
def figure() -> Iterator[list[str]]:
    """Append one line per figure; they are printed in the terminal summary."""
    lines: list[str] = []
    yield lines
    FIGURES.extend(lines)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if FIGURES:
        terminalreporter.section("reliability figures")
        for line in FIGURES:
            terminalreporter.write_line(line)
