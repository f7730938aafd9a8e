"""The streaming classify engine: JSON Lines records, line numbers, summary, bounded cache."""

from __future__ import annotations

import io
import json

from smtpdiag import Diagnosis, Reply, make_diagnosis
from smtpdiag._batch import Source, classify_lines, format_summary


def _fake_classify(text: str) -> Diagnosis:
    # A stand-in with the classifier's signature, so the engine is tested on its own.
    if text.startswith("550"):
        return make_diagnosis(
            "recipient.address_invalid", reply=Reply(550, "5.1.1", text), provider="gmail"
        )
    return make_diagnosis("config.dns_unchecked")


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def _source(text: str, name: str = "a.log") -> Source:
    data = text.encode()
    return Source(name, io.BytesIO(data), len(data))


def test_one_record_per_non_blank_line_with_line_numbers() -> None:
    out, err = io.StringIO(), io.StringIO()
    stats = classify_lines(
        [_source("550 5.1.1 no such user\n\nsomething else\r\n")],
        out,
        err,
        _fake_classify,
        with_file=False,
        progress=False,
    )
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert records == [
        {
            "line": 1,
            "kind": "recipient.address_invalid",
            "category": "recipient",
            "retryable": False,
            "code": 550,
            "enhanced": "5.1.1",
            "provider": "gmail",
        },
        {
            "line": 3,
            "kind": "config.dns_unchecked",
            "category": "config",
            "retryable": True,
            "code": None,
            "enhanced": None,
            "provider": None,
        },
    ]
    assert stats.lines == 2
    assert stats.errors == 1
    assert stats.by_category == {"recipient": 1, "config": 1}
    assert err.getvalue() == ""


def test_file_names_when_several_inputs_and_numbers_restart() -> None:
    out = io.StringIO()
    classify_lines(
        [_source("550 a\n", "one.log"), _source("x\n550 b\n", "two.log")],
        out,
        io.StringIO(),
        _fake_classify,
        with_file=True,
        progress=False,
    )
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [(r["file"], r["line"]) for r in records] == [
        ("one.log", 1),
        ("two.log", 1),
        ("two.log", 2),
    ]


def test_progress_bar_is_drawn_then_erased() -> None:
    err = _Tty()
    classify_lines(
        [_source("550 x\n" * 5000)],
        io.StringIO(),
        err,
        _fake_classify,
        with_file=False,
        progress=True,
    )
    shown = err.getvalue()
    assert "100%" in shown
    assert "lines/s" in shown
    assert shown.endswith("\r")


def test_cache_keeps_memory_bounded_and_answers_stay_right() -> None:
    calls: list[str] = []

    def counting(text: str) -> Diagnosis:
        calls.append(text)
        return _fake_classify(text)

    lines = "".join(f"550 user{n % 5000}\n" for n in range(20_000))
    out = io.StringIO()
    stats = classify_lines(
        [_source(lines)], out, io.StringIO(), counting, with_file=False, progress=False
    )
    assert stats.lines == 20_000
    assert len(calls) == 5000
    assert out.getvalue().count("\n") == 20_000


def test_invalid_utf8_is_replaced_not_fatal() -> None:
    out = io.StringIO()
    stats = classify_lines(
        [Source("bin", io.BytesIO(b"550 \xff\xfe bad\n"))],
        out,
        io.StringIO(),
        _fake_classify,
        with_file=False,
        progress=False,
    )
    assert stats.lines == 1


def test_summary_table() -> None:
    out = io.StringIO()
    stats = classify_lines(
        [_source("550 a\n550 b\nx\n")],
        out,
        io.StringIO(),
        _fake_classify,
        with_file=False,
        progress=False,
    )
    table = format_summary(stats, 0.5)
    assert table.splitlines()[0].split() == ["category", "lines", "share"]
    assert "recipient" in table
    assert "66.7%" in table
    assert "total" in table
    assert "2 error(s)" in table
