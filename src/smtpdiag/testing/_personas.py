"""Provider personas: ready faults that answer the way real providers do. No I/O.

Each persona is a :class:`~smtpdiag.testing.Fault` carrying a reply copied from a public source
(the URL is in ``source``), the stage where the provider sends it, and the diagnosis kind
``smtpdiag.classify`` gives for it. Variable parts of a reply (server names, IP addresses, request
ids) are kept as the source shows them, except where noted in ``note``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from ._faults import Fault

__all__ = ["PERSONAS", "Persona"]


@dataclass(frozen=True, slots=True)
class Persona:
    """A provider's real answer to one situation, as a fault.

    Use it wherever faults are accepted: ``patch_smtplib(faults=PERSONAS["gmail.daily_limit"])``.
    ``kind`` is the diagnosis kind :func:`smtpdiag.classify` returns for the exception smtplib
    raises on this reply.
    """

    name: str
    provider: str
    situation: str
    fault: Fault
    kind: str
    source: str
    note: str = ""

    def faults_for(self, attempt: int) -> tuple[Fault, ...]:
        """The persona's fault, on every attempt."""
        return self.fault.faults_for(attempt)

    @property
    def code(self) -> int:
        """The reply code."""
        assert self.fault.code is not None
        return self.fault.code

    @property
    def text(self) -> str:
        """The reply text after the code (lines joined with ``"\\n"``, as smtplib joins them)."""
        return self.fault.text


def _p(
    name: str,
    provider: str,
    situation: str,
    fault: Fault,
    kind: str,
    source: str,
    note: str = "",
) -> Persona:
    return Persona(name, provider, situation, fault, kind, source, note)


_ROWS: tuple[Persona, ...] = (
    _p(
        "microsoft365.basic_auth_disabled",
        "Microsoft 365",
        "Basic authentication (a password) is switched off; only OAuth works.",
        Fault.auth_fail(
            535, "5.7.139 Authentication unsuccessful, basic authentication is disabled"
        ),
        "auth.basic_auth_disabled",
        "https://github.com/zainshahid630/Invoices/blob/HEAD/OUTLOOK_EMAIL_SETUP_GUIDE.md",
        note="Live replies end with a bracketed server name and time stamp, e.g. "
        "[YT3PR01CA0122.CANPRD01.PROD.OUTLOOK.COM ...].",
    ),
    _p(
        "microsoft365.smtp_auth_disabled",
        "Microsoft 365",
        "SMTP AUTH is disabled for the whole tenant.",
        Fault.auth_fail(
            535,
            "5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the "
            "Tenant. Visit https://aka.ms/smtp_auth_disabled for more information. "
            "[MN2PR05CA0004.namprd05.prod.outlook.com 2023-09-12T20:59:57.214Z 08DBB276B7E699C4]",
        ),
        "auth.smtp_auth_disabled",
        "https://github.com/simonrob/email-oauth2-proxy/issues/193",
    ),
    _p(
        "microsoft365.send_as_denied",
        "Microsoft 365",
        "The signed-in mailbox may not send as the From address.",
        Fault.reject(
            "message",
            550,
            "5.7.60 SMTP; Client does not have permissions to send as this sender "
            "[MW2PR1901MB2155.namprd19.prod.outlook.com]",
        ),
        "sender.send_as_denied",
        "https://github.com/swiftmailer/swiftmailer/issues/1030",
        note="Sent after the message body ('.'), per the trace in swiftmailer issue #1258.",
    ),
    _p(
        "microsoft365.starttls_required",
        "Microsoft 365",
        "The client tried to send without STARTTLS.",
        Fault.reject(
            "mail",
            451,
            "5.7.3 STARTTLS is required to send mail "
            "[SG2PR02CA0073.apcprd02.prod.outlook.com 2024-07-24T03:43:18.298Z 08DCAB6EB788477A]",
        ),
        "policy.encryption_required",
        "https://github.com/apache/hertzbeat/issues/2365",
    ),
    _p(
        "gmail.app_password_required",
        "Gmail",
        "The account uses 2-Step Verification; the normal password is refused.",
        Fault.auth_fail(
            534,
            "5.7.9 Application-specific password required. For more information, go to\n"
            "5.7.9  https://support.google.com/mail/?p=InvalidSecondFactor "
            "ffacd0b85a97d-368119970e7sm1809147f8f.21 - gsmtp",
        ),
        "auth.app_password_required",
        "https://github.com/Der-Henning/tgtg/issues/517",
    ),
    _p(
        "gmail.bad_credentials",
        "Gmail",
        "The user name or (app) password is wrong.",
        Fault.auth_fail(
            535,
            "5.7.8 Username and Password not accepted. Learn more at\n"
            "5.7.8  https://support.google.com/mail/?p=BadCredentials "
            "c9-20020a9d6849000000b006a3bd777dfdsm1292207oto.12 - gsmtp",
        ),
        "auth.invalid_credentials",
        "https://github.com/AlfredoSequeida/etext/issues/5",
    ),
    _p(
        "gmail.daily_limit",
        "Gmail",
        "The account reached its daily sending limit.",
        Fault.reject(
            "message", 550, "5.4.5 Daily user sending quota exceeded. s124sm6149838wme.29 - gsmtp"
        ),
        "rate_limit.daily_limit",
        "https://github.com/iiuni/projektzapisy/issues/960",
    ),
    _p(
        "ses.unverified_sender",
        "Amazon SES",
        "The From address is not a verified SES identity (or the account is in the sandbox).",
        Fault.reject(
            "message",
            554,
            "Message rejected: Email address is not verified. The following identities failed "
            "the check in region US-WEST-2: sender@example.com",
        ),
        "sender.not_verified",
        "https://github.com/sul-dlss/dlme/issues/813",
        note="The identity list is variable; the source shows a redacted address.",
    ),
    _p(
        "ses.throttled",
        "Amazon SES",
        "The account exceeded its maximum sending rate.",
        Fault.reject("data", 454, "Throttling failure: Maximum sending rate exceeded"),
        "rate_limit.throttled",
        "https://docs.aws.amazon.com/ses/latest/dg/manage-sending-quotas-errors.html",
        note="SES answers the DATA command, per https://aws.amazon.com/blogs/ses/"
        "how-to-handle-a-throttling-maximum-sending-rate-exceeded-error",
    ),
    _p(
        "yahoo.deferred",
        "Yahoo",
        "Yahoo defers mail from the sending IP for unexpected volume or complaints ([TSS04]).",
        Fault.reject(
            "mail",
            421,
            "4.7.0 [TSS04] Messages from 185.205.69.214 temporarily deferred due to unexpected "
            "volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes",
        ),
        "policy.reputation",
        "https://github.com/tutao/tutanota/issues/7113",
    ),
    _p(
        "postfix.relay_denied",
        "Postfix",
        "The server does not relay for this client to an outside domain.",
        Fault.reject("rcpt", 554, "5.7.1 <kijitora@example.org>: Relay access denied"),
        "policy.relay_denied",
        "https://github.com/sisimai/set-of-emails/blob/master/maildir/bsd/lhost-sendmail-07.eml",
    ),
    _p(
        "postfix.user_unknown",
        "Postfix",
        "The recipient mailbox does not exist on the server.",
        Fault.reject(
            "rcpt",
            550,
            "5.1.1 <kijitora@example.co.jp>: Recipient address rejected: "
            "User unknown in local recipient table",
        ),
        "recipient.unknown",
        "https://github.com/sisimai/set-of-emails/blob/master/maildir/bsd/lhost-mfilter-02.eml",
    ),
)

#: Every persona by name (``"<provider>.<situation>"``), read-only.
PERSONAS: Mapping[str, Persona] = MappingProxyType({p.name: p for p in _ROWS})
