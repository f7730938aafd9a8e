"""Reliability suites: each prints its figure (run with -s to see them, or read the report)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest

FIGURES: list[str] = []


@pytest.fixture
def figure() -> Iterator[list[str]]:
    """Append one line per figure; they are printed in the terminal summary."""
    lines: list[str] = []
    yield lines
    FIGURES.extend(lines)


@dataclass
class Tally:
    """Observations gathered by every test of a module, summed into one figure line at the end."""

    render: Callable[[list[Any]], str] | None = None
    rows: list[Any] = field(default_factory=list)


@pytest.fixture(scope="module")
def tally() -> Iterator[Tally]:
    """A module-wide :class:`Tally`; set ``render`` once, append ``rows`` in each test."""
    found = Tally()
    yield found
    if found.render is not None and found.rows:
        FIGURES.append(found.render(found.rows))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if FIGURES:
        terminalreporter.section("reliability figures")
        for line in FIGURES:
            terminalreporter.write_line(line)
