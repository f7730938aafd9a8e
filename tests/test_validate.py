"""The pre-flight validator: table tests per kind, DNS through a stub resolver, totality."""

from __future__ import annotations

import time
from collections.abc import Mapping
from email.message import EmailMessage, Message
from typing import Any

import dns.exception
import dns.rdata
import dns.rdataclass
import dns.rdatatype
import dns.resolver
import pytest
from hypothesis import given
from hypothesis import strategies as st

from smtpdiag import (
    Diagnosis,
    Layer,
    OAuthCredentials,
    Security,
    SettingsError,
    SettingsModel,
    Severity,
    validate,
)

GOOD = {
    "host": "smtp.office365.com",
    "port": 587,
    "security": "TLS",
    "username": "alerts@contoso.com",
    "password": "secret",
    "from_address": "alerts@contoso.com",
}
GUID = "00001111-aaaa-2222-bbbb-3333cccc4444"


def settings(**changes: Any) -> SettingsModel:
    values: dict[str, Any] = {**GOOD, **changes}
    return SettingsModel.from_mapping({k: v for k, v in values.items() if v is not None})


def kinds(found: list[Diagnosis], severity: Severity | None = None) -> list[str]:
    return [d.kind for d in found if severity is None or d.severity is severity]


def only(found: list[Diagnosis], kind: str) -> Diagnosis:
    matches = [d for d in found if d.kind == kind]
    assert len(matches) == 1, kinds(found)
    return matches[0]


def test_a_valid_configuration_has_no_finding() -> None:
    assert validate(settings()) == []


@pytest.mark.parametrize(
    ("changes", "kind", "fields", "detail"),
    [
        ({"host": ""}, "config.host_missing", ("host",), None),
        ({"host": "   "}, "config.host_missing", ("host",), None),
        ({"host": "smtp://smtp.example.com"}, "config.host_invalid", ("host",), "scheme"),
        ({"host": "smtp.example.com:587"}, "config.host_invalid", ("host",), "port appended"),
        ({"host": "admin@example.com"}, "config.host_invalid", ("host",), "email address"),
        ({"host": "smtp example.com"}, "config.host_invalid", ("host",), "space"),
        ({"host": " smtp.example.com"}, "config.host_invalid", ("host",), "leading or trailing"),
        ({"host": "smtp..example.com"}, "config.host_invalid", ("host",), "empty part"),
        ({"host": "smtp_relay.example.com"}, "config.host_invalid", ("host",), "invalid part"),
        ({"host": "-smtp.example.com"}, "config.host_invalid", ("host",), "invalid part"),
        ({"host": "999.1.1.1"}, "config.host_invalid", ("host",), "IP address"),
        ({"host": "https://example.com/smtp"}, "config.host_invalid", ("host",), "scheme"),
        ({"port": "abc"}, "config.port_invalid", ("port",), "not a number"),
        ({"port": 0}, "config.port_invalid", ("port",), "outside"),
        ({"port": 70000}, "config.port_invalid", ("port",), "outside"),
        ({"port": 465}, "config.port_security_mismatch", ("port", "security"), "465 expects SSL"),
        (
            {"port": 587, "security": "SSL"},
            "config.port_security_mismatch",
            ("port", "security"),
            "587",
        ),
        (
            {"port": 25, "security": "SSL"},
            "config.port_security_mismatch",
            ("port", "security"),
            "25",
        ),
        ({"timeout": 0}, "config.timeout_invalid", ("timeout",), None),
        ({"timeout": "soon"}, "config.timeout_invalid", ("timeout",), None),
        ({"timeout": float("nan")}, "config.timeout_invalid", ("timeout",), None),
        ({"password": ""}, "auth.credentials_missing", ("password",), "password is empty"),
        ({"username": ""}, "auth.credentials_missing", ("username",), "username is empty"),
        ({"from_address": ""}, "sender.from_missing", ("from_address",), None),
        (
            {"from_address": "alerts@@contoso.com"},
            "sender.from_invalid",
            ("from_address",),
            "two @ signs",
        ),
        (
            {"from_address": "alerts contoso.com"},
            "sender.from_invalid",
            ("from_address",),
            "contains a space",
        ),
        ({"from_address": "alerts"}, "sender.from_invalid", ("from_address",), "has no @"),
        (
            {"from_address": "alerts@contoso"},
            "sender.from_invalid",
            ("from_address",),
            "domain has no dot",
        ),
        ({"cc": ["bob example.com"]}, "recipient.address_invalid", ("cc",), "contains a space"),
        ({"bcc": ["bob@@example.com"]}, "recipient.address_invalid", ("bcc",), "two @ signs"),
        ({"reply_to": ["bob"]}, "recipient.address_invalid", ("reply_to",), "has no @"),
        ({"cc": ["bob@example"]}, "recipient.address_invalid", ("cc",), "domain has no dot"),
        ({"cc": ["bob.@example.com"]}, "recipient.address_invalid", ("cc",), "not valid"),
        (
            {"from_name": "Alerts\r\nBcc: victim@example.com"},
            "message.header_injection",
            ("from_name",),
            "line break",
        ),
        (
            {"cc": ["bob@example.com\r\nBcc: x@example.com"]},
            "message.header_injection",
            ("cc",),
            "line break",
        ),
        (
            {"from_address": "a@contoso.com\n"},
            "message.header_injection",
            ("from_address",),
            "line break",
        ),
    ],
)
def test_each_kind_names_its_field_and_what_is_wrong(
    changes: dict[str, Any], kind: str, fields: tuple[str, ...], detail: str | None
) -> None:
    found = validate(settings(**changes))
    diagnosis = only(found, kind)
    assert diagnosis.fields == fields
    assert diagnosis.source == "mapping"
    assert diagnosis.is_error
    if detail is not None:
        assert detail in (diagnosis.detail or "")


def test_leading_space_in_a_list_entry_is_reported() -> None:
    plain = SettingsModel(**{**GOOD, "cc": (" bob@example.com",)})  # type: ignore[arg-type]
    assert "leading or trailing space" in (
        only(validate(plain), "recipient.address_invalid").detail or ""
    )


def test_port_mismatch_says_both_ways_to_fix_it() -> None:
    diagnosis = only(validate(settings(port=465)), "config.port_security_mismatch")
    text = " ".join(r.text for r in diagnosis.remedies)
    assert "465" in text
    assert "SSL" in text
    assert "587" in text
    assert "TLS" in text


def test_host_with_port_suggests_the_split() -> None:
    diagnosis = only(validate(settings(host="smtp.example.com:2525")), "config.host_invalid")
    assert "SMTP Port to 2525" in diagnosis.remedies[0].text


@pytest.mark.parametrize(
    "host",
    ["localhost", "127.0.0.1", "::1", "smtp.example.com.", "relay-01.corp.example", "bücher.de"],
)
def test_usable_hosts_pass(host: str) -> None:
    assert "config.host_invalid" not in kinds(validate(settings(host=host)))


def test_security_none_is_a_warning() -> None:
    found = validate(settings(security="None", port=25))
    assert kinds(found) == ["config.security_none"]
    assert found[0].severity is Severity.WARNING


def test_login_and_from_in_different_domains_is_a_warning() -> None:
    found = validate(settings(from_address="noreply@fabrikam.com"))
    diagnosis = only(found, "sender.username_from_mismatch")
    assert diagnosis.severity is Severity.WARNING
    assert kinds(found, Severity.ERROR) == []


def test_special_use_domain_is_a_warning_not_an_error() -> None:
    found = validate(settings(cc=["printer@corp.local"]))
    diagnosis = only(found, "recipient.address_invalid")
    assert diagnosis.severity is Severity.WARNING


def test_no_auth_needs_no_credentials() -> None:
    found = validate(settings(username=None, password=None, auth="none"))
    assert kinds(found) == []


# -- OAuth ------------------------------------------------------------------------------------
def oauth(
    client_id: str = GUID, tenant: str = "contoso.onmicrosoft.com", secret: str = "a~b.c"
) -> SettingsModel:
    return settings(
        username=None,
        password=None,
        security="OAuth",
        oauth={"client_id": client_id, "tenant_id": tenant, "client_secret": secret},
    )


def test_valid_oauth_passes() -> None:
    assert validate(oauth()) == []
    assert validate(oauth(tenant=GUID)) == []


def test_oauth_label_without_credentials_is_incomplete() -> None:
    found = validate(settings(username=None, password=None, security="OAuth"))
    diagnosis = only(found, "auth.oauth_incomplete")
    assert diagnosis.fields == ("oauth_client_id", "oauth_tenant_id", "oauth_client_secret")


def test_oauth_incomplete_says_which_value_is_missing() -> None:
    diagnosis = only(validate(oauth(secret="")), "auth.oauth_incomplete")
    assert diagnosis.fields == ("oauth_client_secret",)
    assert "client secret" in (diagnosis.detail or "")
    assert "client ID" not in (diagnosis.detail or "")


@pytest.mark.parametrize(
    ("kwargs", "field", "detail"),
    [
        ({"client_id": "my-app"}, "oauth_client_id", "not a GUID"),
        ({"tenant": "contoso"}, "oauth_tenant_id", "neither a GUID nor a domain"),
        ({"tenant": "common"}, "oauth_tenant_id", "not a tenant"),
        ({"secret": "9a8b7c6d-1234-4321-abcd-0123456789ab"}, "oauth_client_secret", "secret's ID"),
        ({"secret": " abc~def "}, "oauth_client_secret", "leading or trailing"),
    ],
)
def test_oauth_malformed(kwargs: dict[str, str], field: str, detail: str) -> None:
    diagnosis = only(validate(oauth(**kwargs)), "auth.oauth_malformed")
    assert diagnosis.fields == (field,)
    assert detail in (diagnosis.detail or "")


# -- the message ------------------------------------------------------------------------------
def message(**headers: str) -> EmailMessage:
    msg = EmailMessage()
    for name, value in headers.items():
        msg[name.replace("_", "-")] = value
    msg.set_content("hello")
    return msg


def test_message_without_recipient() -> None:
    found = validate(settings(), message(Subject="hi"))
    assert kinds(found) == ["recipient.none"]


def test_settings_cc_counts_as_a_recipient() -> None:
    assert validate(settings(cc=["a@example.com"]), message(Subject="x")) == []


def test_message_from_makes_up_for_blank_settings_from() -> None:
    found = validate(
        settings(from_address=""), message(From="alerts@contoso.com", To="a@example.com")
    )
    assert kinds(found) == []


@pytest.mark.parametrize(
    ("header", "value", "field", "detail"),
    [
        ("To", "bob example.com", "message.to", "contains a space"),
        ("To", "Bob <bob@@example.com>", "message.to", "two @ signs"),
        ("Cc", "carol@example.com, dave", "message.cc", "has no @"),
        ("Bcc", "eve@example", "message.bcc", "domain has no dot"),
    ],
)
def test_message_recipients_are_checked(header: str, value: str, field: str, detail: str) -> None:
    msg = Message()
    msg["To"] = "ok@example.com"
    msg[header] = value
    diagnosis = only(validate(settings(), msg), "recipient.address_invalid")
    assert diagnosis.fields == (field,)
    assert diagnosis.source == "message"
    assert detail in (diagnosis.detail or "")


def test_display_names_and_quoted_commas_are_fine() -> None:
    msg = Message()
    msg["To"] = '"Doe, Jane" <jane@example.com>, Bob <bob@example.com>; carol@example.com'
    assert validate(settings(), msg) == []


def test_invalid_message_from() -> None:
    msg = Message()
    msg["From"] = "alerts@"
    msg["To"] = "a@example.com"
    diagnosis = only(validate(settings(), msg), "sender.from_invalid")
    assert diagnosis.fields == ("message.from",)


def test_header_injection_in_a_compat32_message() -> None:
    msg = Message()
    msg["To"] = "a@example.com"
    msg["Subject"] = "Hello\r\nBcc: victim@example.com"
    diagnosis = only(validate(settings(), msg), "message.header_injection")
    assert diagnosis.fields == ("message.subject",)


def test_folded_header_is_not_injection() -> None:
    msg = Message()
    msg["To"] = "a@example.com"
    msg["Subject"] = "A long subject\r\n folded onto a second line"
    assert validate(settings(), msg) == []


# -- layers -----------------------------------------------------------------------------------
def test_findings_name_the_layer_the_value_came_from() -> None:
    layered = SettingsModel.from_layers(
        [
            Layer("global", {**GOOD}, locked={"port"}),
            Layer("module", {"cc": "bob example.com"}),
            Layer("user", {"port": 465}),
        ]
    )
    found = validate(layered)
    assert only(found, "recipient.address_invalid").source == "module"
    locked = only(found, "config.locked_override")
    assert locked.source == "user"
    assert locked.severity is Severity.WARNING
    assert kinds(found, Severity.ERROR) == ["recipient.address_invalid"]


def test_errors_come_first() -> None:
    found = validate(settings(security="None", port=25, from_address=""))
    assert [d.severity for d in found] == sorted(
        (d.severity for d in found), key=[Severity.ERROR, Severity.WARNING, Severity.INFO].index
    )


# -- DNS through a stub resolver ---------------------------------------------------------------
class StubResolver:
    """dnspython's resolve(qname, rdtype) interface over a table of answers (never the network)."""

    def __init__(self, answers: Mapping[tuple[str, str], Any], delay: float = 0.0) -> None:
        self.answers = answers
        self.delay = delay
        self.asked: list[tuple[str, str]] = []

    def resolve(self, qname: str, rdtype: str) -> list[Any]:
        self.asked.append((qname, rdtype))
        if self.delay:
            time.sleep(self.delay)
        value = self.answers.get((qname, rdtype), dns.resolver.NXDOMAIN())
        if isinstance(value, BaseException):
            raise value
        return [
            dns.rdata.from_text(dns.rdataclass.IN, dns.rdatatype.from_text(rdtype), v)
            for v in value
        ]


def test_dns_all_good() -> None:
    resolver = StubResolver(
        {
            ("smtp.office365.com", "A"): ["52.96.1.2"],
            ("smtp.office365.com", "AAAA"): dns.resolver.NoAnswer(),
            ("contoso.com", "MX"): ["0 contoso-com.mail.protection.outlook.com."],
        }
    )
    assert validate(settings(), check_dns=True, resolver=resolver) == []
    assert ("contoso.com", "MX") in resolver.asked


def test_dns_host_does_not_exist_and_from_domain_has_no_mail() -> None:
    resolver = StubResolver({})
    found = validate(settings(host="smtp.nonexistent.example"), check_dns=True, resolver=resolver)
    assert kinds(found) == ["config.host_unresolvable", "sender.domain_no_mail"]
    assert only(found, "config.host_unresolvable").fields == ("host",)


def test_dns_null_mx() -> None:
    resolver = StubResolver(
        {("smtp.office365.com", "A"): ["52.96.1.2"], ("contoso.com", "MX"): ["0 ."]}
    )
    diagnosis = only(
        validate(settings(), check_dns=True, resolver=resolver), "sender.domain_no_mail"
    )
    assert "null MX" in (diagnosis.detail or "")


def test_dns_no_mx_falls_back_to_address_records() -> None:
    resolver = StubResolver(
        {
            ("smtp.office365.com", "A"): ["52.96.1.2"],
            ("contoso.com", "MX"): dns.resolver.NoAnswer(),
            ("contoso.com", "A"): ["192.0.2.10"],
        }
    )
    assert validate(settings(), check_dns=True, resolver=resolver) == []


def test_dns_timeout_is_info_never_an_error() -> None:
    resolver = StubResolver(
        {
            ("smtp.office365.com", "A"): dns.exception.Timeout(),
            ("smtp.office365.com", "AAAA"): dns.exception.Timeout(),
            ("contoso.com", "MX"): dns.resolver.NoNameservers(),
        }
    )
    found = validate(settings(), check_dns=True, resolver=resolver)
    assert kinds(found) == ["config.dns_unchecked", "config.dns_unchecked"]
    assert all(d.severity is Severity.INFO for d in found)


def test_a_resolver_that_never_answers_is_bounded() -> None:
    resolver = StubResolver({}, delay=30)
    started = time.monotonic()
    found = validate(settings(), check_dns=True, resolver=resolver, dns_timeout=0.2)
    assert time.monotonic() - started < 2
    assert set(kinds(found)) == {"config.dns_unchecked"}


def test_no_dns_without_check_dns() -> None:
    resolver = StubResolver({})
    validate(settings(), resolver=resolver)
    assert resolver.asked == []


# -- totality ---------------------------------------------------------------------------------
_text = st.text(st.characters(codec="utf-8"), max_size=40) | st.sampled_from(
    ["", " ", "a@b.c", "x\r\ny", "smtp.example.com:25", "bob@@x.com", "\x00", "@", "ünï@cödé.de"]
)


@given(
    host=_text,
    port=st.one_of(st.integers(), _text),
    security=st.sampled_from(list(Security)),
    username=_text,
    password=_text,
    from_address=_text,
    from_name=_text,
    cc=st.lists(_text, max_size=3),
    oauth=st.none() | st.tuples(_text, _text, _text),
    timeout=st.one_of(st.floats(), _text),
)
def test_validate_never_raises(**values: Any) -> None:
    if values["oauth"] is not None:
        values["oauth"] = OAuthCredentials(*values["oauth"])
    try:
        model = SettingsModel(**values)
    except SettingsError:
        return
    for diagnosis in validate(model):
        assert diagnosis.kind
        assert diagnosis.title
        assert diagnosis.meaning


@given(st.dictionaries(st.sampled_from(["To", "Cc", "Bcc", "From", "Subject", "Reply-To"]), _text))
def test_validate_never_raises_on_messages(headers: dict[str, str]) -> None:
    msg = Message()
    for name, value in headers.items():
        msg[name] = value
    validate(settings(), msg)
