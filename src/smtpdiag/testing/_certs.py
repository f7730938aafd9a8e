"""Test certificates made with trustme: a trusted CA and deliberately broken server certificates.

Does file I/O only: ssl.SSLContext.load_cert_chain needs files, so PEM data passes through
temporary files that are removed at once. No network I/O. Certificates are generated once per
process (ECDSA keys, a few milliseconds) and shared by every server.
"""

from __future__ import annotations

import datetime
import os
import ssl
import tempfile
import threading
from dataclasses import dataclass
from typing import Any, Literal, TypeAlias

__all__ = ["CertificateVariant", "TestCertificates", "certificates"]

#: The server certificate to present: a good one or one of the broken kinds.
CertificateVariant: TypeAlias = Literal[
    "valid", "self_signed", "untrusted", "expired", "wrong_host"
]

#: Names the valid certificate covers.
IDENTITIES = ("localhost", "127.0.0.1", "::1")
#: The only name the wrong-host certificate covers.
WRONG_HOST = "mail.example.com"


@dataclass(frozen=True, slots=True)
class _Pair:
    cert_chain_pem: bytes
    key_pem: bytes


class TestCertificates:
    """A CA the clients trust and one server certificate per :data:`CertificateVariant`."""

    __test__ = False  # not a pytest test class

    def __init__(self) -> None:
        import trustme

        self.ca: Any = trustme.CA(organization_name="smtpdiag test CA")
        other_ca: Any = trustme.CA(organization_name="smtpdiag untrusted CA")
        now = datetime.datetime.now(datetime.UTC)
        valid = self.ca.issue_cert(*IDENTITIES)
        expired = self.ca.issue_cert(
            *IDENTITIES,
            not_before=now - datetime.timedelta(days=30),
            not_after=now - datetime.timedelta(days=1),
        )
        wrong = self.ca.issue_cert(WRONG_HOST)
        untrusted = other_ca.issue_cert(*IDENTITIES)
        self._pairs: dict[str, _Pair] = {
            "valid": _Pair(_chain(valid), valid.private_key_pem.bytes()),
            "expired": _Pair(_chain(expired), expired.private_key_pem.bytes()),
            "wrong_host": _Pair(_chain(wrong), wrong.private_key_pem.bytes()),
            "untrusted": _Pair(_chain(untrusted), untrusted.private_key_pem.bytes()),
            # A CA certificate is self-signed: serving it as the leaf gives verify code 18.
            "self_signed": _Pair(other_ca.cert_pem.bytes(), other_ca.private_key_pem.bytes()),
        }
        self.ca_pem: bytes = self.ca.cert_pem.bytes()

    def server_context(self, variant: CertificateVariant = "valid") -> ssl.SSLContext:
        """A server-side context presenting the *variant* certificate."""
        pair = self._pairs[variant]
        ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        with tempfile.TemporaryDirectory(prefix="smtpdiag-cert-") as tmp:
            cert_path = os.path.join(tmp, "cert.pem")
            key_path = os.path.join(tmp, "key.pem")
            with open(cert_path, "wb") as fh:
                fh.write(pair.cert_chain_pem)
            with open(key_path, "wb") as fh:
                fh.write(pair.key_pem)
            ctx.load_cert_chain(cert_path, key_path)
        return ctx

    def client_context(self) -> ssl.SSLContext:
        """A verifying client context (host names checked) that trusts the test CA."""
        ctx = ssl.create_default_context()
        ctx.load_verify_locations(cadata=self.ca_pem.decode("ascii"))
        return ctx


def _chain(leaf: Any) -> bytes:
    return b"".join(blob.bytes() for blob in leaf.cert_chain_pems)


_lock = threading.Lock()
_cached: TestCertificates | None = None


def certificates() -> TestCertificates:
    """The process-wide test certificates, made on first use."""
    global _cached
    with _lock:
        if _cached is None:
            _cached = TestCertificates()
        return _cached
