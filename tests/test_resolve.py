"""Bounded resolution of the server name, through a stub resolver (no public DNS)."""

from __future__ import annotations

import socket
from typing import Any

import dns.resolver
import pytest

from smtpdiag._resolve import resolve


class Table:
    def __init__(self, answers: dict[tuple[str, str], Any]) -> None:
        self.answers = answers
        self.asked: list[tuple[str, str]] = []

    def resolve(self, qname: str, rdtype: str) -> Any:
        self.asked.append((qname, rdtype))
        answer = self.answers.get((qname, rdtype), dns.resolver.NoAnswer())
        if isinstance(answer, Exception):
            raise answer
        return [type("R", (), {"address": ip})() for ip in answer]


@pytest.mark.parametrize(
    ("host", "family", "ip"),
    [("192.0.2.7", socket.AF_INET, "192.0.2.7"), ("[2001:db8::1]", socket.AF_INET6, "2001:db8::1")],
)
def test_ip_literals_need_no_lookup(host: str, family: socket.AddressFamily, ip: str) -> None:
    resolver = Table({})
    (address,) = resolve(host, 25, timeout=1, resolver=resolver)
    assert address.family is family
    assert address.ip == ip
    assert resolver.asked == []


def test_ipv4_and_ipv6_answers_in_order() -> None:
    resolver = Table({("mx.example", "A"): ["192.0.2.1"], ("mx.example", "AAAA"): ["2001:db8::25"]})
    found = resolve("mx.example", 587, timeout=1, resolver=resolver)
    assert [str(a) for a in found] == ["192.0.2.1:587", "[2001:db8::25]:587"]


def test_nxdomain_stops_after_the_first_question() -> None:
    resolver = Table({("nope.example", "A"): dns.resolver.NXDOMAIN()})
    with pytest.raises(socket.gaierror) as info:
        resolve("nope.example", 25, timeout=1, resolver=resolver)
    assert info.value.errno == socket.EAI_NONAME
    assert resolver.asked == [("nope.example", "A")]


def test_a_failing_resolver_is_a_temporary_failure() -> None:
    failure = dns.resolver.NoNameservers()
    resolver = Table({("mx.example", "A"): failure, ("mx.example", "AAAA"): failure})
    with pytest.raises(socket.gaierror) as info:
        resolve("mx.example", 25, timeout=1, resolver=resolver)
    assert info.value.errno == socket.EAI_AGAIN


def test_getaddrinfo_path_for_localhost() -> None:
    found = resolve("localhost", 25, timeout=2)
    assert found
    assert all(a.sockaddr[1] == 25 for a in found)
