"""What mail providers document for sending (no I/O): the provider table behind ``suggest``.

Knowledge as data: each :class:`ProviderRow` says which address domains and which MX hosts belong
to one provider, and which submission endpoints (host, port, security) and logins it documents,
with the public page the settings come from. The matching engine (:mod:`smtpdiag._suggest`) knows
no provider by name; adding a provider is one row here.

Host templates may name a regular-expression group of the matching MX pattern, such as
``email-smtp.{region}.amazonaws.com`` with ``(?P<region>...)``: the engine fills it in.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ._settings import Security

__all__ = ["PROVIDERS", "Endpoint", "ProviderMatch", "ProviderRow", "SuggestedAuth"]


class SuggestedAuth(enum.StrEnum):
    """How a provider wants an application to log in."""

    #: The mailbox's normal password.
    PASSWORD = "password"
    #: A separate password generated for one application (needs two-step verification first).
    APP_PASSWORD = "app_password"
    #: Modern authentication: an OAuth 2.0 access token (SASL XOAUTH2).
    OAUTH = "oauth"

    @property
    def label(self) -> str:
        return {"password": "password", "app_password": "app password", "oauth": "OAuth"}[
            self.value
        ]


@dataclass(frozen=True, slots=True)
class Endpoint:
    """One documented submission endpoint. ``host`` may hold ``{group}`` placeholders."""

    host: str
    port: int
    security: Security


@dataclass(frozen=True, slots=True)
class ProviderRow:
    """One provider: how to recognise it and what it documents for sending."""

    provider: str
    #: Documented endpoints, the one the provider recommends first.
    endpoints: tuple[Endpoint, ...]
    #: Accepted logins, the one to use first.
    auth: tuple[SuggestedAuth, ...]
    #: The public page that documents these settings.
    source: str
    #: Regular expressions (full match, lower case) for address domains served directly.
    domains: tuple[str, ...] = ()
    #: Regular expressions (full match, lower case, no trailing dot) for the domain's MX hosts.
    mx: tuple[str, ...] = ()
    #: One plain sentence a user needs to know beyond host and port.
    note: str = ""


@dataclass(frozen=True, slots=True)
class ProviderMatch:
    """A row that matched, with the values its host templates need."""

    row: ProviderRow
    groups: Mapping[str, str]
    #: What matched, for the evidence line, e.g. "MX aspmx.l.google.com".
    what: str

    def endpoints(self) -> tuple[Endpoint, ...]:
        return tuple(
            Endpoint(e.host.format_map(dict(self.groups)), e.port, e.security)
            for e in self.row.endpoints
        )


def _names(*names: str) -> tuple[str, ...]:
    """Exact domain names as full-match patterns."""
    return tuple(re.escape(name) for name in names)


def _under(*names: str) -> tuple[str, ...]:
    """A name or any name below it, as full-match patterns."""
    return tuple(rf"(?:.+\.)?{re.escape(name)}" for name in names)


SSL = Security.SSL
STARTTLS = Security.STARTTLS
P = SuggestedAuth.PASSWORD
AP = SuggestedAuth.APP_PASSWORD
OA = SuggestedAuth.OAUTH

_ZOHO_TLDS = r"(?P<tld>com|eu|in|com\.au|jp|com\.cn|sa|ca)"

PROVIDERS: tuple[ProviderRow, ...] = (
    # Microsoft 365 (Exchange Online): SMTP AUTH client submission. MX hosts end in
    # mail.protection.outlook.com; domains with inbound DNSSEC/DANE use <x>.mx.microsoft (the
    # "*.mx.microsoft" Exchange entry of https://endpoints.office.com/endpoints/worldwide, and
    # the MX value Enable-DnssecForVerifiedDomain prints, e.g. "contoso-com.j-v1.mx.microsoft").
    # Source: "How to set up a multifunction device or application to send email using
    # Microsoft 365" (Server smtp.office365.com, port 587 recommended, TLS/StartTLS enabled;
    # OAuth recommended over Basic authentication). MX pattern also in thunderbird/autoconfig
    # ispdb/office365.com.
    ProviderRow(
        provider="Microsoft 365",
        endpoints=(Endpoint("smtp.office365.com", 587, STARTTLS),),
        auth=(OA, P),
        source="https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/"
        "how-to-set-up-a-multifunction-device-or-application-to-send-email-using-microsoft-365-or-office-365",
        domains=_under("onmicrosoft.com"),
        mx=(*_under("mail.protection.outlook.com"), *_under("mx.microsoft")),
        note="SMTP AUTH must be enabled for the mailbox; Basic authentication is being retired, "
        "so use OAuth where the application supports it.",
    ),
    # Outlook.com / Hotmail (consumer). Source: Microsoft support "POP, IMAP, and SMTP settings
    # for Outlook.com": SMTP server smtp-mail.outlook.com, port 587, STARTTLS, OAuth2/Modern Auth.
    # Domains and MX (*.olc.protection.outlook.com) and the second endpoint smtp.office365.com
    # from thunderbird/autoconfig ispdb/hotmail.com.xml.
    ProviderRow(
        provider="Outlook.com",
        endpoints=(
            Endpoint("smtp-mail.outlook.com", 587, STARTTLS),
            Endpoint("smtp.office365.com", 587, STARTTLS),
        ),
        auth=(OA, AP),
        source="https://support.microsoft.com/en-us/office/"
        "pop-imap-and-smtp-settings-8361e398-8af4-4e97-b147-6c6c4ac95353",
        domains=(
            *_names("outlook.com", "hotmail.com", "live.com", "msn.com", "windowslive.com"),
            r"(?:outlook|hotmail|live)\.(?:[a-z]{2}|co\.[a-z]{2}|com\.[a-z]{2})",
        ),
        mx=_under("olc.protection.outlook.com"),
        note="Outlook.com requires modern authentication (OAuth); an app password works only "
        "where Microsoft still allows it.",
    ),
    # Gmail and Google Workspace. Source: Google for Developers "IMAP, POP, and SMTP": "The
    # outgoing SMTP server, smtp.gmail.com, requires TLS. Use port 465, or port 587 if your client
    # begins with plain text before issuing the STARTTLS command", SASL XOAUTH2 for OAuth 2.0.
    # MX hosts: aspmx.l.google.com, alt1..4.aspmx.l.google.com, aspmx2..5.googlemail.com and the
    # single-record smtp.google.com.
    ProviderRow(
        provider="Google",
        endpoints=(Endpoint("smtp.gmail.com", 465, SSL), Endpoint("smtp.gmail.com", 587, STARTTLS)),
        auth=(AP, OA),
        source="https://developers.google.com/workspace/gmail/imap/imap-smtp",
        domains=_names("gmail.com", "googlemail.com"),
        mx=(*_under("aspmx.l.google.com"), r"aspmx\d*\.googlemail\.com", r"smtp\.google\.com"),
        note="Google accounts need 2-Step Verification and an app password, or OAuth.",
    ),
    # Yahoo Mail. Source: Yahoo help SLN4075 (smtp.mail.yahoo.com, 465 or 587, SSL required);
    # domains and MX (*.am0.yahoodns.net) from thunderbird/autoconfig ispdb/yahoo.com.xml.
    ProviderRow(
        provider="Yahoo",
        endpoints=(
            Endpoint("smtp.mail.yahoo.com", 465, SSL),
            Endpoint("smtp.mail.yahoo.com", 587, STARTTLS),
        ),
        auth=(AP, OA),
        source="https://help.yahoo.com/kb/SLN4075.html",
        domains=(
            *_names("yahoo.com", "ymail.com", "rocketmail.com", "myyahoo.com"),
            r"yahoo\.(?:[a-z]{2}|co\.[a-z]{2}|com\.[a-z]{2})",
        ),
        mx=_under("am0.yahoodns.net"),
        note="Yahoo refuses the normal password for other mail programs: create an app password.",
    ),
    # AOL Mail. Source: AOL help "How do I use other email applications to send and receive my
    # AOL Mail?"; smtp.aol.com 465 SSL, domains and MX (*.gm0.yahoodns.net) from
    # thunderbird/autoconfig ispdb/aol.com.xml.
    ProviderRow(
        provider="AOL",
        endpoints=(Endpoint("smtp.aol.com", 465, SSL),),
        auth=(AP, OA),
        source="https://help.aol.com/articles/"
        "how-do-i-use-other-email-applications-to-send-and-receive-my-aol-mail",
        domains=(
            *_names("aol.com", "aim.com", "netscape.net", "compuserve.com", "cs.com"),
            r"aol\.(?:[a-z]{2}|co\.[a-z]{2}|com\.[a-z]{2})",
        ),
        mx=_under("gm0.yahoodns.net"),
        note="AOL refuses the normal password for other mail programs: create an app password.",
    ),
    # Apple iCloud Mail. Source: Apple support "iCloud Mail server settings for other email client
    # apps" (HT202304): smtp.mail.me.com, port 587, SSL/TLS (STARTTLS), app-specific password.
    # Domains from thunderbird/autoconfig ispdb/me.com.xml; MX mx01/mx02.mail.icloud.com.
    ProviderRow(
        provider="iCloud",
        endpoints=(Endpoint("smtp.mail.me.com", 587, STARTTLS),),
        auth=(AP,),
        source="https://support.apple.com/HT202304",
        domains=_names("icloud.com", "me.com", "mac.com"),
        mx=_under("mail.icloud.com"),
        note="iCloud needs an app-specific password created at appleid.apple.com.",
    ),
    # Zoho Mail, personal (@zohomail.*) accounts: smtp.zoho.<region>. Source: Zoho Mail help
    # "SMTP Server Configuration": personal and free organisation users use smtp.zoho.com, 465 SSL
    # or 587 TLS; regional data centres use their own top-level domain (smtp.zoho.eu, .in, ...).
    ProviderRow(
        provider="Zoho Mail",
        endpoints=(
            Endpoint("smtp.zoho.{tld}", 465, SSL),
            Endpoint("smtp.zoho.{tld}", 587, STARTTLS),
        ),
        auth=(P, AP),
        source="https://www.zoho.com/mail/help/zoho-smtp.html",
        domains=(rf"zohomail\.{_ZOHO_TLDS}", rf"zoho\.{_ZOHO_TLDS}"),
        note="Use the server of your account's data centre (the address of your Zoho login page "
        "shows it); with two-factor authentication on, create an application-specific password.",
    ),
    # Zoho Mail for your own domain (MX mx.zoho.<region>, mx2..., mx3...): paid organisations use
    # smtppro.zoho.<region>, free organisations smtp.zoho.<region>. Source as above.
    ProviderRow(
        provider="Zoho Mail",
        endpoints=(
            Endpoint("smtppro.zoho.{tld}", 465, SSL),
            Endpoint("smtppro.zoho.{tld}", 587, STARTTLS),
            Endpoint("smtp.zoho.{tld}", 465, SSL),
            Endpoint("smtp.zoho.{tld}", 587, STARTTLS),
        ),
        auth=(P, AP),
        source="https://www.zoho.com/mail/help/zoho-smtp.html",
        mx=(rf"mx\d*\.zoho\.{_ZOHO_TLDS}", rf"mx\d*\.zohomail\.{_ZOHO_TLDS}"),
        note="Paid organisations use smtppro.zoho.*, free organisations smtp.zoho.*; with "
        "two-factor authentication on, create an application-specific password.",
    ),
    # Fastmail. Source: Fastmail help "Server names and ports": SMTP smtp.fastmail.com, port 465,
    # SSL/TLS (not STARTTLS), app password only; 587 with STARTTLS is also accepted. MX
    # in1/in2-smtp.messagingengine.com (thunderbird/autoconfig ispdb/messagingengine.com.xml).
    ProviderRow(
        provider="Fastmail",
        endpoints=(
            Endpoint("smtp.fastmail.com", 465, SSL),
            Endpoint("smtp.fastmail.com", 587, STARTTLS),
        ),
        auth=(AP,),
        source="https://www.fastmail.com/help/technical/servernamesandports.html",
        domains=_names("fastmail.com", "fastmail.fm", "messagingengine.com"),
        mx=_under("messagingengine.com"),
        note="Fastmail never accepts the normal password here: create an app password.",
    ),
    # GoDaddy email (Workspace Email / secureserver.net). Source: GoDaddy help "Server and port
    # settings for Workspace Email": outgoing smtpout.secureserver.net, 465 SSL (587 also
    # offered). MX mailstore1.secureserver.net / smtp.secureserver.net. Microsoft 365 from
    # GoDaddy has Microsoft MX records and is matched by the Microsoft 365 row.
    ProviderRow(
        provider="GoDaddy",
        endpoints=(
            Endpoint("smtpout.secureserver.net", 465, SSL),
            Endpoint("smtpout.secureserver.net", 587, STARTTLS),
        ),
        auth=(P,),
        source="https://www.godaddy.com/help/server-and-port-settings-for-workspace-email-6949",
        domains=_names("secureserver.net"),
        mx=_under("secureserver.net"),
    ),
    # Proton Mail through Proton Mail Bridge, which runs on the sending machine. Source: Proton
    # support "IMAP, SMTP, and POP3 setup" (Bridge SMTP on 127.0.0.1, port 1025, STARTTLS, with
    # the password Bridge shows); the same settings in public autoconfig files (gist kaplun
    # 7718e828, "localhost 1025 STARTTLS"). MX mail.protonmail.ch / mailsec.protonmail.ch.
    ProviderRow(
        provider="Proton Mail (Bridge)",
        endpoints=(Endpoint("127.0.0.1", 1025, STARTTLS),),
        auth=(AP,),
        source="https://proton.me/support/imap-smtp-and-pop3-setup",
        domains=_names("proton.me", "protonmail.com", "protonmail.ch", "pm.me"),
        mx=_under("protonmail.ch"),
        note="Proton Mail Bridge must run on this machine; log in with the password Bridge "
        "shows, and trust its self-signed certificate. Check the port in Bridge's settings.",
    ),
    # Amazon SES: domains that receive through SES (MX inbound-smtp.<region>.amazonaws.com) send
    # through the same region's SMTP endpoint. Sources: "Connecting to an Amazon SES SMTP
    # endpoint" (STARTTLS on 25, 587 or 2587; TLS Wrapper on 465 or 2465) and "Publishing an MX
    # record for Amazon SES email receiving" (inbound-smtp.us-west-2.amazonaws.com).
    ProviderRow(
        provider="Amazon SES",
        endpoints=(
            Endpoint("email-smtp.{region}.amazonaws.com", 587, STARTTLS),
            Endpoint("email-smtp.{region}.amazonaws.com", 465, SSL),
        ),
        auth=(P,),
        source="https://docs.aws.amazon.com/ses/latest/dg/smtp-connect.html",
        mx=(r"inbound-smtp\.(?P<region>[a-z]{2}(?:-[a-z]+)+-\d)\.amazonaws\.com",),
        note="Log in with SES SMTP credentials created for that region (not your AWS access "
        "keys), and verify the From domain in SES.",
    ),
    # GMX (Germany, Austria, Switzerland). Source: GMX Hilfe "IMAP Serverdaten": mail.gmx.net,
    # 465 SSL or 587 STARTTLS (thunderbird/autoconfig ispdb/gmx.net.xml).
    ProviderRow(
        provider="GMX",
        endpoints=(Endpoint("mail.gmx.net", 465, SSL), Endpoint("mail.gmx.net", 587, STARTTLS)),
        auth=(P,),
        source="https://hilfe.gmx.net/pop-imap/imap/imap-serverdaten.html",
        domains=_names("gmx.net", "gmx.de", "gmx.at", "gmx.ch", "gmx.eu"),
        note="Allow POP3 and IMAP access once in the GMX web mail settings.",
    ),
    # mailbox.org. Source: mailbox.org knowledge base "E-Mail-Konfiguration": smtp.mailbox.org,
    # 465 SSL/TLS or 587 STARTTLS (thunderbird/autoconfig ispdb/mailbox.org.xml).
    ProviderRow(
        provider="mailbox.org",
        endpoints=(
            Endpoint("smtp.mailbox.org", 465, SSL),
            Endpoint("smtp.mailbox.org", 587, STARTTLS),
        ),
        auth=(P, AP),
        source="https://kb.mailbox.org/de/privat/e-mail/e-mail-konfiguration/",
        domains=_names("mailbox.org"),
        mx=_under("mailbox.org"),
        note="With two-factor authentication on, use an application password.",
    ),
)


def _match(
    name: str, rows: Iterable[ProviderRow], patterns_of: str, label: str
) -> ProviderMatch | None:
    """The first row with a pattern (in its ``patterns_of`` field) that fully matches ``name``."""
    name = name.lower().rstrip(".")
    for row in rows:
        patterns: tuple[str, ...] = getattr(row, patterns_of)
        for pattern in patterns:
            found = re.fullmatch(pattern, name)
            if found:
                groups = {k: v for k, v in found.groupdict().items() if v is not None}
                return ProviderMatch(row, groups, f"{label} {name}")
    return None


def match_domain(domain: str, rows: Iterable[ProviderRow] = PROVIDERS) -> ProviderMatch | None:
    """The provider whose own address domain this is (gmail.com, outlook.com, ...), or None."""
    return _match(domain, rows, "domains", "domain")


def match_mx(host: str, rows: Iterable[ProviderRow] = PROVIDERS) -> ProviderMatch | None:
    """The provider that runs this MX host, or None."""
    return _match(host, rows, "mx", "MX")


def match_host(host: str, rows: Iterable[ProviderRow] = PROVIDERS) -> ProviderRow | None:
    """The provider whose documented submission server this is (smtp.gmail.com -> Google)."""
    name = host.lower().rstrip(".")
    for row in rows:
        for endpoint in row.endpoints:
            # A loopback endpoint (a local bridge) says nothing about who runs the server.
            if endpoint.host[:1].isdigit():
                continue
            if _template_matches(endpoint.host, name):
                return row
    return None


def _template_matches(template: str, name: str) -> bool:
    parts = re.split(r"\{[a-z]+\}", template)
    pattern = r"[a-z0-9.-]+".join(re.escape(part) for part in parts)
    return re.fullmatch(pattern, name) is not None
