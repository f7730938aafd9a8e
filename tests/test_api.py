"""The public surface: __all__ sorted and complete, and `import smtpdiag` stays light."""

from __future__ import annotations

import subprocess
import sys

import smtpdiag


def _isort_style(name: str) -> tuple[int, str]:
    # The order ruff's RUF022 keeps: CONSTANTS, then Classes, then everything else.
    return (0 if name.isupper() else 1 if name[0].isupper() else 2, name)


def test_all_is_sorted_and_complete() -> None:
    assert smtpdiag.__all__ == sorted(smtpdiag.__all__, key=_isort_style)
    # Names starting with "@" are pytest's assertion rewriting: the pytest11 entry point makes
    # pytest rewrite the whole smtpdiag distribution.
    public = {name for name in dir(smtpdiag) if not name.startswith(("_", "@"))}
    public |= {"__version__"}
    exported = set(smtpdiag.__all__)
    submodules = {"testing"}
    assert public - submodules - exported == set()
    for name in smtpdiag.__all__:
        assert hasattr(smtpdiag, name)


def test_exported_names_belong_to_smtpdiag() -> None:
    for name in smtpdiag.__all__:
        value = getattr(smtpdiag, name)
        module = getattr(value, "__module__", "smtpdiag")
        assert module.startswith("smtpdiag"), name


def test_import_is_light() -> None:
    code = (
        "import sys, smtpdiag; "
        "heavy = [m for m in ('msal', 'requests', 'aiosmtpd', 'trustme') if m in sys.modules]; "
        "print(','.join(heavy))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == ""


def test_version() -> None:
    assert smtpdiag.__version__.count(".") == 2
