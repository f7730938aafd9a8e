"""A stub resolver with dnspython's ``resolve(qname, rdtype)`` interface, for DNS tests.

Answers are real dnspython rdata objects built with ``dns.rdata.from_text``; anything not listed
is NXDOMAIN. A value may also be an exception (class or instance) to raise. Never touches the
network.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from typing import Any

import dns.rdata
import dns.rdataclass
import dns.rdatatype
import dns.resolver
import pytest

import smtpdiag._suggest as suggest_module
import smtpdiag._validate as validate_module

Answer = Sequence[str] | BaseException | type[BaseException]


class StubResolver:
    def __init__(self, answers: Mapping[tuple[str, str], Answer] | None = None) -> None:
        self.answers = {
            (name.lower().rstrip("."), rdtype): v for (name, rdtype), v in (answers or {}).items()
        }
        self.queries: list[tuple[str, str]] = []
        self._lock = threading.Lock()

    def resolve(self, qname: str, rdtype: str) -> Any:
        key = (str(qname).lower().rstrip("."), rdtype)
        with self._lock:
            self.queries.append(key)
        value = self.answers.get(key, dns.resolver.NXDOMAIN)
        if isinstance(value, BaseException) or (
            isinstance(value, type) and issubclass(value, BaseException)
        ):
            raise value
        return [
            dns.rdata.from_text(dns.rdataclass.IN, dns.rdatatype.from_text(rdtype), text)
            for text in value
        ]


class SilentResolver:
    """Never answers until released (a resolver stuck on a dead network)."""

    def __init__(self) -> None:
        self.release = threading.Event()
        self.calls = 0

    def resolve(self, qname: str, rdtype: str) -> Any:
        self.calls += 1
        self.release.wait(30)
        raise dns.resolver.NXDOMAIN


def timeout_error() -> BaseException:
    return dns.resolver.LifetimeTimeout(timeout=1.0, errors={})


@pytest.fixture(autouse=True)
def no_default_resolver(monkeypatch: pytest.MonkeyPatch) -> None:
    """Import into a test module: building dnspython's default resolver fails the test, so no
    test can reach the public DNS (tests that want the lazy path patch in a stub)."""

    def refuse(timeout: float) -> None:
        raise AssertionError("a default resolver was built")

    monkeypatch.setattr(suggest_module, "default_resolver", refuse)
    monkeypatch.setattr(validate_module, "default_resolver", refuse)
