"""The generated error reference: complete, in the help-page structure, and committed fresh."""

from __future__ import annotations

from pathlib import Path

import pytest

from smtpdiag import CATALOGUE
from smtpdiag._errorref import generate, main

PAGE = Path(__file__).resolve().parent.parent / "docs" / "errors.md"


def test_committed_page_is_current() -> None:
    assert PAGE.read_text(encoding="utf-8") == generate(), (
        "docs/errors.md is stale: run `python -m smtpdiag._errorref docs/errors.md`"
    )


def test_every_kind_has_a_section_with_the_help_page_headings() -> None:
    page = generate()
    for kind, entry in CATALOGUE.items():
        heading = f"### `{kind}`"
        assert page.count(heading) == 1
        section = page.split(heading, 1)[1].split("\n### ", 1)[0]
        assert f"**{entry.title}.**" in section
        assert "**What this means**" in section
        assert entry.meaning in section
        for cause in entry.causes:
            assert f"- {cause}" in section
        for remedy in entry.remedies:
            assert remedy.text in section


def test_categories_group_kinds_in_order() -> None:
    page = generate()
    config = page.index("## Settings (`config.*`)")
    assert config < page.index("### `config.host_missing`")


def test_check_mode_reports_stale_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "errors.md"
    assert main(["--check", str(target)]) == 1
    assert "out of date" in capsys.readouterr().err
    assert main([str(target)]) == 0
    assert main(["--check", str(target)]) == 0
    assert target.read_text(encoding="utf-8") == generate()


def test_docs_index_links_every_page() -> None:
    docs = PAGE.parent
    index = (docs / "index.md").read_text(encoding="utf-8")
    for page in sorted(docs.glob("*.md")):
        if page.name != "index.md":
            assert f"]({page.name})" in index, f"docs/index.md does not link {page.name}"


def test_relative_links_in_readme_and_docs_resolve() -> None:
    import re

    root = PAGE.parent.parent
    for page in [root / "README.md", *sorted(PAGE.parent.glob("*.md"))]:
        text = page.read_text(encoding="utf-8")
        for target in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", text):
            assert (page.parent / target).exists(), f"{page.name} links missing {target}"
