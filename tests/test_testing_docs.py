"""The examples in docs/testing.md run as they are written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytest_plugins = ["pytester"]

DOC = Path(__file__).resolve().parent.parent / "docs" / "testing.md"
BLOCKS = [
    block
    for block in re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    if "def test_" in block
]


def test_the_page_has_runnable_examples() -> None:
    assert len(BLOCKS) >= 6
    text = DOC.read_text(encoding="utf-8")
    for topic in ("outbox", "partial recipient refusal", "expired Microsoft 365", "unittest"):
        assert topic.lower() in text.lower()


def test_examples_pass(pytester: pytest.Pytester) -> None:
    files = {f"test_doc_example_{i}": block for i, block in enumerate(BLOCKS)}
    pytester.makepyfile(**files)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-W", "error")
    tests = sum(block.count("def test_") for block in BLOCKS)
    result.assert_outcomes(passed=tests)
