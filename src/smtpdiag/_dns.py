"""Bounded DNS look-ups through dnspython (I/O: DNS only).

Every look-up goes through a resolver object with dnspython's ``resolve(qname, rdtype)``
interface, so tests inject a stub or recorded answers and never reach a public resolver. A timeout
or a broken resolver is an answer of its own ("could not check"), never an exception.
"""

from __future__ import annotations

import enum
import threading
from dataclasses import dataclass
from typing import Any, Protocol

__all__ = ["DnsResult", "DnsStatus", "Resolver", "default_resolver", "lookup"]


class Resolver(Protocol):
    """What smtpdiag needs of a resolver: dnspython's ``Resolver.resolve(qname, rdtype)``."""

    def resolve(self, qname: str, rdtype: str) -> Any: ...


class DnsStatus(enum.StrEnum):
    OK = "ok"
    #: The name does not exist (NXDOMAIN).
    NXDOMAIN = "nxdomain"
    #: The name exists but has no records of that type.
    NO_ANSWER = "no_answer"
    #: No answer in time, or the resolver failed (SERVFAIL, no name servers): could not check.
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class DnsResult:
    status: DnsStatus
    records: tuple[Any, ...] = ()
    error: str = ""


def default_resolver(timeout: float) -> Resolver | None:
    """A dnspython resolver whose whole look-up (all retries) is bounded by ``timeout`` seconds.

    Returns None when the machine has no resolver configuration.
    """
    import dns.resolver

    try:
        resolver = dns.resolver.Resolver()
    except Exception:  # NoResolverConfiguration, unreadable resolv.conf, ...
        return None
    resolver.lifetime = timeout
    resolver.timeout = min(timeout, 2.0)
    return resolver


def lookup(
    resolver: Resolver, name: str, rdtype: str, *, timeout: float | None = None
) -> DnsResult:
    """Resolve ``name``/``rdtype`` and sort the outcome into a :class:`DnsStatus`. Never raises.

    With ``timeout``, the look-up runs in a daemon thread and gives up after that many seconds
    even when the resolver itself never returns (an injected resolver need not bound itself).
    """
    if timeout is None:
        return _lookup(resolver, name, rdtype)
    box: list[DnsResult] = []
    worker = threading.Thread(
        target=lambda: box.append(_lookup(resolver, name, rdtype)),
        name=f"smtpdiag-dns-{name}",
        daemon=True,
    )
    worker.start()
    worker.join(max(timeout, 0.0))
    if box:
        return box[0]
    return DnsResult(DnsStatus.UNKNOWN, error=f"no answer within {timeout:g} s")


def _lookup(resolver: Resolver, name: str, rdtype: str) -> DnsResult:
    import dns.exception
    import dns.resolver

    try:
        answer = resolver.resolve(name, rdtype)
    except dns.resolver.NXDOMAIN as exc:
        return DnsResult(DnsStatus.NXDOMAIN, error=str(exc))
    except dns.resolver.NoAnswer as exc:
        return DnsResult(DnsStatus.NO_ANSWER, error=str(exc))
    except dns.exception.Timeout as exc:
        return DnsResult(DnsStatus.UNKNOWN, error=f"timed out: {exc}")
    except Exception as exc:  # NoNameservers (SERVFAIL), YXDOMAIN, a broken stub, ...
        return DnsResult(DnsStatus.UNKNOWN, error=f"{type(exc).__name__}: {exc}")
    try:
        records = tuple(answer)
    except Exception as exc:
        return DnsResult(DnsStatus.UNKNOWN, error=f"unreadable answer: {exc}")
    if not records:
        return DnsResult(DnsStatus.NO_ANSWER)
    return DnsResult(DnsStatus.OK, records)
