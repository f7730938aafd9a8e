"""suggest(): provider domains, SRV, MX and guessed names, through a stub resolver only."""

from __future__ import annotations

import dataclasses
import json
import time

import dns.resolver
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import smtpdiag
import smtpdiag._suggest as suggest_module
from smtpdiag import Security, SettingsError, SuggestedAuth, Suggestion, suggest
from smtpdiag._providers import PROVIDERS, match_domain, match_host, match_mx
from smtpdiag._suggest import domain_of

from ._stubdns import (
    SilentResolver,
    StubResolver,
    no_default_resolver,  # noqa: F401
    timeout_error,
)


class _NoDns:
    def resolve(self, qname: str, rdtype: str) -> None:
        raise AssertionError(f"unexpected DNS query {qname} {rdtype}")


# -- a provider's own address domain: no DNS ------------------------------------------------------
CONSUMER_CASES = [
    # (address, provider, host, port, security, first auth)
    ("jane@gmail.com", "Google", "smtp.gmail.com", 465, Security.SSL, "app_password"),
    (
        "Jane Doe <jane@googlemail.com>",
        "Google",
        "smtp.gmail.com",
        465,
        Security.SSL,
        "app_password",
    ),
    ("jane@outlook.com", "Outlook.com", "smtp-mail.outlook.com", 587, Security.STARTTLS, "oauth"),
    ("jane@hotmail.co.uk", "Outlook.com", "smtp-mail.outlook.com", 587, Security.STARTTLS, "oauth"),
    ("jane@live.com", "Outlook.com", "smtp-mail.outlook.com", 587, Security.STARTTLS, "oauth"),
    ("jane@yahoo.com", "Yahoo", "smtp.mail.yahoo.com", 465, Security.SSL, "app_password"),
    ("jane@yahoo.co.uk", "Yahoo", "smtp.mail.yahoo.com", 465, Security.SSL, "app_password"),
    ("jane@aol.com", "AOL", "smtp.aol.com", 465, Security.SSL, "app_password"),
    ("jane@icloud.com", "iCloud", "smtp.mail.me.com", 587, Security.STARTTLS, "app_password"),
    ("jane@me.com", "iCloud", "smtp.mail.me.com", 587, Security.STARTTLS, "app_password"),
    ("jane@fastmail.com", "Fastmail", "smtp.fastmail.com", 465, Security.SSL, "app_password"),
    (
        "jane@proton.me",
        "Proton Mail (Bridge)",
        "127.0.0.1",
        1025,
        Security.STARTTLS,
        "app_password",
    ),
    ("jane@gmx.de", "GMX", "mail.gmx.net", 465, Security.SSL, "password"),
    ("jane@zohomail.eu", "Zoho Mail", "smtp.zoho.eu", 465, Security.SSL, "password"),
    ("jane@zohomail.com", "Zoho Mail", "smtp.zoho.com", 465, Security.SSL, "password"),
    ("jane@mailbox.org", "mailbox.org", "smtp.mailbox.org", 465, Security.SSL, "password"),
    (
        "contoso.onmicrosoft.com",
        "Microsoft 365",
        "smtp.office365.com",
        587,
        Security.STARTTLS,
        "oauth",
    ),
    ("GMAIL.COM.", "Google", "smtp.gmail.com", 465, Security.SSL, "app_password"),
]


@pytest.mark.parametrize(
    ("address", "provider", "host", "port", "security", "auth"), CONSUMER_CASES
)
def test_provider_domain_is_known_without_dns(
    address: str, provider: str, host: str, port: int, security: Security, auth: str
) -> None:
    result = suggest(address, resolver=_NoDns())
    best = result[0]
    assert (best.host, best.port, best.security) == (host, port, security)
    assert best.provider == provider
    assert best.auth == auth
    assert best.confidence >= 0.9
    assert best.source is not None
    assert best.source.startswith("https://")
    assert any("address domain" in line for line in best.evidence)


def test_provider_domain_without_resolver_builds_none() -> None:
    # The autouse fixture makes building a default resolver fail the test.
    result = suggest("someone@gmail.com")
    assert {(s.host, s.port) for s in result} == {("smtp.gmail.com", 465), ("smtp.gmail.com", 587)}


def test_default_resolver_is_built_lazily_for_other_domains(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    stub = StubResolver({("example.com", "MX"): ["10 aspmx.l.google.com."]})
    built: list[float] = []

    def fake(timeout: float) -> StubResolver:
        built.append(timeout)
        return stub

    monkeypatch.setattr(suggest_module, "default_resolver", fake)
    result = suggest("a@example.com", timeout=2.0)
    assert built == [2.0]
    assert result[0].host == "smtp.gmail.com"


def test_no_resolver_configuration_gives_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(suggest_module, "default_resolver", lambda timeout: None)
    assert suggest("a@example.com") == []


# -- MX records matched against the table ---------------------------------------------------------
MX_CASES = [
    # (MX records, provider, host, port, security)
    (
        ["0 contoso-com.mail.protection.outlook.com."],
        "Microsoft 365",
        "smtp.office365.com",
        587,
        Security.STARTTLS,
    ),
    (
        ["0 contoso-com.o-v1.mx.microsoft."],
        "Microsoft 365",
        "smtp.office365.com",
        587,
        Security.STARTTLS,
    ),
    (
        ["1 aspmx.l.google.com.", "5 alt1.aspmx.l.google.com.", "10 aspmx2.googlemail.com."],
        "Google",
        "smtp.gmail.com",
        465,
        Security.SSL,
    ),
    (["1 smtp.google.com."], "Google", "smtp.gmail.com", 465, Security.SSL),
    (["10 mx.zoho.eu.", "20 mx2.zoho.eu."], "Zoho Mail", "smtppro.zoho.eu", 465, Security.SSL),
    (["10 mx.zoho.com.au."], "Zoho Mail", "smtppro.zoho.com.au", 465, Security.SSL),
    (
        ["10 inbound-smtp.eu-west-1.amazonaws.com."],
        "Amazon SES",
        "email-smtp.eu-west-1.amazonaws.com",
        587,
        Security.STARTTLS,
    ),
    (
        ["0 mailstore1.secureserver.net.", "10 smtp.secureserver.net."],
        "GoDaddy",
        "smtpout.secureserver.net",
        465,
        Security.SSL,
    ),
    (
        ["10 in1-smtp.messagingengine.com.", "20 in2-smtp.messagingengine.com."],
        "Fastmail",
        "smtp.fastmail.com",
        465,
        Security.SSL,
    ),
    (
        ["10 mail.protonmail.ch.", "20 mailsec.protonmail.ch."],
        "Proton Mail (Bridge)",
        "127.0.0.1",
        1025,
        Security.STARTTLS,
    ),
    (["10 mx01.mail.icloud.com."], "iCloud", "smtp.mail.me.com", 587, Security.STARTTLS),
    (["1 mta5.am0.yahoodns.net."], "Yahoo", "smtp.mail.yahoo.com", 465, Security.SSL),
    (
        ["2 eur.olc.protection.outlook.com."],
        "Outlook.com",
        "smtp-mail.outlook.com",
        587,
        Security.STARTTLS,
    ),
]


@pytest.mark.parametrize(("mx", "provider", "host", "port", "security"), MX_CASES)
def test_mx_identifies_the_provider(
    mx: list[str], provider: str, host: str, port: int, security: Security
) -> None:
    resolver = StubResolver({("example.com", "MX"): mx})
    result = suggest("jane@example.com", resolver=resolver, timeout=2)
    best = result[0]
    assert (best.host, best.port, best.security) == (host, port, security)
    assert best.provider == provider
    assert best.confidence == pytest.approx(0.8)
    assert any("receives mail at" in line for line in best.evidence)
    # every step went through DNS; no duplicate suggestion
    keys = [(s.host, s.port, s.security) for s in result]
    assert len(keys) == len(set(keys))


def test_microsoft_365_suggests_oauth_first() -> None:
    resolver = StubResolver({("contoso.com", "MX"): ["0 contoso-com.mail.protection.outlook.com."]})
    best = suggest("contoso.com", resolver=resolver)[0]
    assert best.auth is SuggestedAuth.OAUTH
    assert best.auth_options == (SuggestedAuth.OAUTH, SuggestedAuth.PASSWORD)
    assert "SMTP AUTH" in (best.note or "")


def test_null_mx_suggests_no_provider() -> None:
    resolver = StubResolver({("example.com", "MX"): ["0 ."]})
    assert suggest("example.com", resolver=resolver) == []


def test_unknown_mx_gives_no_provider_suggestion() -> None:
    resolver = StubResolver({("example.com", "MX"): ["10 mx.example.com."]})
    assert suggest("example.com", resolver=resolver) == []


# -- SRV records (RFC 6186, RFC 8314) -------------------------------------------------------------
def test_srv_records_give_implicit_tls_and_starttls() -> None:
    resolver = StubResolver(
        {
            ("_submissions._tcp.example.org", "SRV"): ["0 1 465 mail.example.org."],
            ("_submission._tcp.example.org", "SRV"): ["0 1 587 mail.example.org."],
            ("mail.example.org", "A"): ["192.0.2.10"],
        }
    )
    result = suggest("bob@example.org", resolver=resolver)
    assert [(s.host, s.port, s.security) for s in result[:2]] == [
        ("mail.example.org", 465, Security.SSL),
        ("mail.example.org", 587, Security.STARTTLS),
    ]
    assert result[0].confidence == pytest.approx(0.9)
    assert "RFC 8314" in result[0].evidence[0]
    # The guess for mail.example.org:587 merged into the SRV suggestion, keeping both reasons.
    starttls = result[1]
    assert starttls.confidence == pytest.approx(0.9)
    assert any("resolves" in line for line in starttls.evidence)
    assert len(result) == 2


def test_srv_priority_orders_targets() -> None:
    resolver = StubResolver(
        {
            ("_submission._tcp.example.org", "SRV"): [
                "20 1 587 backup.example.org.",
                "10 1 587 primary.example.org.",
            ]
        }
    )
    result = suggest("example.org", resolver=resolver)
    assert [s.host for s in result] == ["primary.example.org", "backup.example.org"]
    assert result[0].confidence > result[1].confidence


def test_srv_dot_target_means_not_offered() -> None:
    resolver = StubResolver(
        {
            ("_submissions._tcp.example.org", "SRV"): ["0 0 0 ."],
            ("smtp.example.org", "A"): ["192.0.2.1"],
        }
    )
    result = suggest("example.org", resolver=resolver)
    assert [(s.host, s.port, s.security) for s in result] == [
        ("smtp.example.org", 587, Security.STARTTLS)
    ]


def test_srv_pointing_at_a_provider_names_it() -> None:
    resolver = StubResolver({("_submission._tcp.example.org", "SRV"): ["0 1 587 smtp.gmail.com."]})
    best = suggest("example.org", resolver=resolver)[0]
    assert best.provider == "Google"
    assert best.auth is SuggestedAuth.APP_PASSWORD
    assert best.confidence == pytest.approx(0.9)


# -- guessed names --------------------------------------------------------------------------------
def test_guessed_names_are_low_confidence() -> None:
    resolver = StubResolver(
        {("smtp.example.net", "AAAA"): ["2001:db8::25"], ("mail.example.net", "A"): ["192.0.2.2"]}
    )
    result = suggest("example.net", resolver=resolver)
    assert [(s.host, s.port) for s in result] == [
        ("smtp.example.net", 587),
        ("smtp.example.net", 465),
        ("mail.example.net", 587),
        ("mail.example.net", 465),
    ]
    assert all(s.confidence <= 0.3 and s.provider is None for s in result)
    assert "AAAA record" in result[0].evidence[0]


def test_provider_mx_outranks_guesses() -> None:
    resolver = StubResolver(
        {
            ("example.com", "MX"): ["0 example-com.mail.protection.outlook.com."],
            ("smtp.example.com", "A"): ["192.0.2.3"],
        }
    )
    result = suggest("example.com", resolver=resolver)
    assert result[0].host == "smtp.office365.com"
    assert result[-1].host == "smtp.example.com"


# -- bounded, never raising -----------------------------------------------------------------------
@pytest.mark.parametrize(
    "failure",
    [timeout_error(), dns.resolver.NoAnswer, dns.resolver.NoNameservers, RuntimeError("broken")],
)
def test_dns_failures_give_fewer_suggestions(failure: BaseException) -> None:
    answers: dict[tuple[str, str], object] = dict.fromkeys(
        [
            ("_submissions._tcp.example.com", "SRV"),
            ("_submission._tcp.example.com", "SRV"),
            ("example.com", "MX"),
            ("smtp.example.com", "AAAA"),
            ("mail.example.com", "A"),
            ("mail.example.com", "AAAA"),
        ],
        failure,
    )
    answers[("smtp.example.com", "A")] = ["192.0.2.4"]
    result = suggest("example.com", resolver=StubResolver(answers))  # type: ignore[arg-type]
    assert [(s.host, s.port) for s in result] == [
        ("smtp.example.com", 587),
        ("smtp.example.com", 465),
    ]


def test_silent_resolver_returns_within_the_bound() -> None:
    resolver = SilentResolver()
    started = time.monotonic()
    try:
        result = suggest("jane@example.com", resolver=resolver, timeout=0.3)
    finally:
        resolver.release.set()
    elapsed = time.monotonic() - started
    assert result == []
    assert elapsed < 2.0  # one timeout, the look-ups run in parallel
    assert resolver.calls == 7


def test_nothing_found_is_an_empty_list() -> None:
    resolver = StubResolver()
    assert suggest("nobody@example.invalid", resolver=resolver) == []
    assert ("example.invalid", "MX") in resolver.queries


# -- input ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("value", "domain"),
    [
        ("jane@example.com", "example.com"),
        ("Jane <jane@Example.COM>", "example.com"),
        ('"Doe, Jane" <jane@example.com>', "example.com"),
        ("example.com.", "example.com"),
        ("  example.com  ", "example.com"),
        ("jane@bücher.example", "xn--bcher-kva.example"),
    ],
)
def test_domain_of_accepts_addresses_and_domains(value: str, domain: str) -> None:
    assert domain_of(value) == domain


@pytest.mark.parametrize(
    "value", ["", "jane", "jane@", "localhost", "a@exa mple.com", "a@-bad.com", "a@b..com", "@."]
)
def test_domain_of_rejects_what_is_not_a_domain(value: str) -> None:
    with pytest.raises(SettingsError) as caught:
        suggest(value, resolver=_NoDns())
    assert isinstance(caught.value, ValueError)
    assert "not an email address or a domain name" in str(caught.value)


@settings(max_examples=100)
@given(st.text(max_size=40))
def test_suggest_never_raises_anything_but_settings_error(text: str) -> None:
    try:
        result = suggest(text, resolver=StubResolver(), timeout=1)
    except SettingsError:
        return
    assert isinstance(result, list)


# -- the value type -------------------------------------------------------------------------------
def test_suggestion_is_frozen_and_serialisable() -> None:
    item = suggest("jane@gmail.com", resolver=_NoDns())[0]
    assert isinstance(item, Suggestion)
    with pytest.raises(dataclasses.FrozenInstanceError):
        item.port = 25  # type: ignore[misc]
    data = item.to_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["security"] == "ssl"
    assert data["auth"] == "app_password"
    assert data["auth_options"] == ["app_password", "oauth"]
    assert data["probe"] is None
    assert "smtp.gmail.com:465 SSL" in str(item)


def test_public_names_are_exported() -> None:
    for name in ("suggest", "Suggestion", "SuggestedAuth", "ProbeResult"):
        assert name in smtpdiag.__all__
        assert getattr(smtpdiag, name) is not None


# -- the provider table ---------------------------------------------------------------------------
def test_every_row_names_its_public_source() -> None:
    for row in PROVIDERS:
        assert row.source.startswith("https://"), row.provider
        assert row.endpoints
        assert row.auth
        assert row.domains or row.mx, row.provider


def test_table_matchers() -> None:
    gmail = match_domain("gmail.com")
    assert gmail is not None
    assert gmail.row.provider == "Google"
    ses = match_mx("inbound-smtp.us-west-2.amazonaws.com.")
    assert ses is not None
    assert ses.endpoints()[0].host == "email-smtp.us-west-2.amazonaws.com"
    assert match_mx("inbound-smtp.amazonaws.com") is None
    host = match_host("email-smtp.ap-south-1.amazonaws.com")
    assert host is not None
    assert host.provider == "Amazon SES"
    assert match_host("SMTP.Office365.com.") is not None
    assert match_host("127.0.0.1") is None  # a local bridge says nothing about the provider
    assert match_host("smtp.example.com") is None
    assert match_domain("notgmail.com") is None
