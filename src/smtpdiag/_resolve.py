"""Bounded resolution of the SMTP server name to socket addresses (I/O: DNS only).

smtplib's ``timeout`` does not cover the name look-up (a silent resolver stalls it for 10 s,
measured), so the sender resolves the name itself, within a deadline: through an injected
dnspython-style resolver, or through ``getaddrinfo`` in a daemon thread. Failures are raised as
``socket.gaierror`` with the errno getaddrinfo itself would give, so there is one way to classify
them.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
from dataclasses import dataclass

from ._dns import DnsStatus, Resolver, lookup

__all__ = ["Address", "resolve"]


@dataclass(frozen=True, slots=True)
class Address:
    """One place to connect to: the address family and the socket address."""

    family: socket.AddressFamily
    sockaddr: tuple[str, int] | tuple[str, int, int, int]

    @property
    def ip(self) -> str:
        return self.sockaddr[0]

    def __str__(self) -> str:
        ip, port = self.sockaddr[0], self.sockaddr[1]
        return f"[{ip}]:{port}" if self.family is socket.AF_INET6 else f"{ip}:{port}"


def _literal(host: str, port: int) -> list[Address] | None:
    text = host[1:-1] if host.startswith("[") and host.endswith("]") else host
    try:
        ip = ipaddress.ip_address(text)
    except ValueError:
        return None
    if ip.version == 6:
        return [Address(socket.AF_INET6, (str(ip), port, 0, 0))]
    return [Address(socket.AF_INET, (str(ip), port))]


def _not_found(host: str) -> socket.gaierror:
    return socket.gaierror(socket.EAI_NONAME, f"Name or service not known ({host})")


def _temporary(host: str, why: str) -> socket.gaierror:
    return socket.gaierror(socket.EAI_AGAIN, f"Temporary failure in name resolution ({why})")


def resolve(
    host: str, port: int, *, timeout: float, resolver: Resolver | None = None
) -> list[Address]:
    """The addresses of ``host`` (IPv4 first with a resolver), within ``timeout`` seconds.

    Raises ``socket.gaierror``: ``EAI_NONAME`` when the name does not exist or has no address,
    ``EAI_AGAIN`` when no answer came in time or the resolver failed.
    """
    literal = _literal(host, port)
    if literal is not None:
        return literal
    if resolver is not None:
        return _with_resolver(host, port, timeout, resolver)
    return _with_getaddrinfo(host, port, timeout)


def _with_resolver(host: str, port: int, timeout: float, resolver: Resolver) -> list[Address]:
    end = time.monotonic() + timeout
    found: list[Address] = []
    statuses: list[DnsStatus] = []
    errors: list[str] = []
    for rdtype, family in (("A", socket.AF_INET), ("AAAA", socket.AF_INET6)):
        result = lookup(resolver, host, rdtype, timeout=max(end - time.monotonic(), 0.0))
        statuses.append(result.status)
        if result.error:
            errors.append(result.error)
        for record in result.records:
            ip = str(getattr(record, "address", record))
            if family is socket.AF_INET6:
                found.append(Address(family, (ip, port, 0, 0)))
            else:
                found.append(Address(family, (ip, port)))
        if result.status is DnsStatus.NXDOMAIN:
            break  # the name does not exist: no point asking for another type
        if found and time.monotonic() >= end:
            break
    if found:
        return found
    if DnsStatus.UNKNOWN in statuses:
        raise _temporary(host, "; ".join(errors) or "no answer")
    raise _not_found(host)


def _with_getaddrinfo(host: str, port: int, timeout: float) -> list[Address]:
    box: list[list[Address] | BaseException] = []

    def work() -> None:
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
            box.append(
                [Address(socket.AddressFamily(info[0]), info[4]) for info in infos]  # type: ignore[arg-type]
            )
        except BaseException as exc:  # handed to the caller below
            box.append(exc)

    worker = threading.Thread(target=work, name=f"smtpdiag-resolve-{host}", daemon=True)
    worker.start()
    worker.join(max(timeout, 0.0))
    if not box:
        raise _temporary(host, f"no answer within {timeout:g} s")
    outcome = box[0]
    if isinstance(outcome, BaseException):
        raise outcome
    unique: list[Address] = []
    for address in outcome:
        if address not in unique:
            unique.append(address)
    if not unique:
        raise _not_found(host)
    return unique
