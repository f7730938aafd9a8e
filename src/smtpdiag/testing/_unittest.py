"""unittest support: a TestCase mixin that patches smtplib with the fake. No I/O."""

from __future__ import annotations

from typing import Any, ClassVar

from ._fake import SMTPPatch, patch_smtplib

__all__ = ["FakeSMTPMixin"]


class FakeSMTPMixin:
    """Mix into a ``unittest.TestCase`` to run every test against :func:`patch_smtplib`.

    ``smtp_fake_options`` holds the keyword arguments for the fake server (``faults=``,
    ``credentials=``, ...); ``self.smtp_fake`` is the patch handle with ``outbox`` and
    ``transcript``. The originals come back in a cleanup, also when the test fails::

        class SignupMailTests(FakeSMTPMixin, unittest.TestCase):
            def test_welcome_mail(self) -> None:
                send_welcome("bob@example.com")
                self.assertEqual(self.smtp_fake.outbox[0].recipients, ("bob@example.com",))
    """

    smtp_fake_options: ClassVar[dict[str, Any]] = {}
    smtp_fake: SMTPPatch

    def setUp(self) -> None:
        super().setUp()  # type: ignore[misc]
        self.smtp_fake = patch_smtplib(**self.smtp_fake_options)
        self.smtp_fake.__enter__()
        self.addCleanup(self.smtp_fake.__exit__, None, None, None)  # type: ignore[attr-defined]
