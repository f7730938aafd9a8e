"""The pytest plugin, the unittest mixin, and life without the testing extra."""

from __future__ import annotations

import smtplib
import subprocess
import sys
import textwrap
import unittest
from typing import Any, ClassVar

import pytest

import smtpdiag.testing
from smtpdiag.testing import FakeSMTPMixin, Fault, SMTPPatch, SMTPTestServer

pytest_plugins = ["pytester"]

MSG = b"Subject: hi\r\n\r\nhello\r\n"


def test_exported_names_are_sorted_and_resolve() -> None:
    names = smtpdiag.testing.__all__
    assert names == sorted(names, key=lambda n: (not n.isupper(), n))
    for name in names:
        assert getattr(smtpdiag.testing, name) is not None
    assert set(names) <= set(dir(smtpdiag.testing))
    assert set(names) == set(smtpdiag.testing._WHERE)  # complete: every lazily loaded name
    with pytest.raises(AttributeError):
        _ = smtpdiag.testing.NoSuchThing  # type: ignore[attr-defined]


def test_smtp_fake_fixture_records_the_outbox(smtp_fake: SMTPPatch) -> None:
    with smtplib.SMTP("smtp.example.com", 587) as smtp:
        smtp.starttls()
        smtp.login("u", "p")
        smtp.sendmail("a@example.com", ["b@example.com"], MSG)
    assert smtp_fake.outbox[0].recipients == ("b@example.com",)
    assert smtp_fake.attempts == 1


@pytest.mark.smtp_fake(faults=Fault.reject("rcpt", 550, "5.1.1 User unknown", match="x@*"))
def test_smtp_fake_marker_configures_faults(smtp_fake: SMTPPatch) -> None:
    with smtplib.SMTP("smtp.example.com", 25) as smtp:
        refused = smtp.sendmail("a@example.com", ["x@example.com", "y@example.com"], MSG)
    assert refused == {"x@example.com": (550, b"5.1.1 User unknown")}
    assert [m.recipients for m in smtp_fake.outbox] == [("y@example.com",)]


def test_smtp_server_fixture_is_a_real_server(smtp_server: SMTPTestServer) -> None:
    assert smtp_server.mode == "starttls"
    with smtplib.SMTP(smtp_server.host, smtp_server.port, timeout=5) as smtp:
        smtp.starttls(context=smtp_server.client_context)
        smtp.login("u", "p")
        smtp.sendmail("a@example.com", ["b@example.com"], MSG)
    assert smtp_server.messages[0].tls


@pytest.mark.smtp_server("ssl", credentials={"u": "p"})
def test_smtp_server_marker(smtp_server: SMTPTestServer) -> None:
    with (
        smtplib.SMTP_SSL(
            smtp_server.host, smtp_server.port, timeout=5, context=smtp_server.client_context
        ) as smtp,
        pytest.raises(smtplib.SMTPAuthenticationError),
    ):
        smtp.login("u", "wrong")


def test_plugin_is_registered_through_the_entry_point(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        """
        import smtplib

        def test_app(smtp_fake):
            with smtplib.SMTP("mail.example.com", 25) as smtp:
                smtp.sendmail("a@example.com", ["b@example.com"], b"hi")
            assert len(smtp_fake.outbox) == 1

        def test_restored():
            assert smtplib.SMTP.__module__ == "smtplib"
        """
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=2)


def test_patch_restores_classes_when_the_test_fails() -> None:
    original = smtplib.SMTP, smtplib.SMTP_SSL
    seen: list[type[smtplib.SMTP]] = []

    def failing_test() -> None:
        with smtpdiag.testing.patch_smtplib():
            seen.append(smtplib.SMTP)
            _ = 1 / 0

    with pytest.raises(ZeroDivisionError):
        failing_test()
    assert seen[0] is not original[0]
    assert original == (smtplib.SMTP, smtplib.SMTP_SSL)


def test_patch_as_decorator() -> None:
    patch = smtpdiag.testing.patch_smtplib()

    @patch
    def app() -> None:
        with smtplib.SMTP("h", 25) as smtp:
            smtp.sendmail("a@example.com", ["b@example.com"], MSG)

    app()
    app()
    assert len(patch.outbox) == 2
    assert smtplib.SMTP.__module__ == "smtplib"


class _MixinCase(FakeSMTPMixin, unittest.TestCase):
    smtp_fake_options: ClassVar[dict[str, Any]] = {
        "faults": [Fault.reject("mail", 553, "5.7.1 Not owned")]
    }

    def test_refused(self) -> None:
        with (
            smtplib.SMTP("h", 25) as smtp,
            self.assertRaises(  # noqa: PT027
                smtplib.SMTPSenderRefused
            ),
        ):
            smtp.sendmail("a@example.com", ["b@example.com"], MSG)
        self.assertEqual(len(self.smtp_fake.outbox), 0)  # noqa: PT009 - unittest on purpose


def test_unittest_mixin_runs_and_restores() -> None:
    original = smtplib.SMTP
    result = unittest.TestResult()
    unittest.defaultTestLoader.loadTestsFromTestCase(_MixinCase).run(result)
    assert result.wasSuccessful(), result.failures + result.errors
    assert result.testsRun == 1
    assert smtplib.SMTP is original


def _run_without_extra(code: str) -> subprocess.CompletedProcess[str]:
    prelude = "import sys\nsys.modules['aiosmtpd'] = None\nsys.modules['trustme'] = None\n"
    return subprocess.run(
        [sys.executable, "-c", prelude + textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_plugin_and_fakes_work_without_the_testing_extra() -> None:
    done = _run_without_extra(
        """
        import smtplib
        import smtpdiag.testing._pytest_plugin
        assert "asyncio" not in sys.modules and "smtplib" in sys.modules
        from smtpdiag.testing import patch_smtplib, SMTPTestServer
        with patch_smtplib() as mail:
            with smtplib.SMTP("h", 25) as smtp:
                smtp.sendmail("a@example.com", ["b@example.com"], b"hi")
        assert len(mail.outbox) == 1
        try:
            SMTPTestServer().start()
        except ModuleNotFoundError as exc:
            print("MISSING:", exc)
        """
    )
    assert done.returncode == 0, done.stderr
    assert "MISSING: SMTPTestServer needs aiosmtpd and trustme" in done.stdout
    assert "smtpdiag[testing]" in done.stdout
