"""Table tests for smtpdiag.classify: one row per real reply or failure, with its source.

Sources: a URL or ``repository: path`` where the exact text was seen in public, ``notes`` for
/work/shared/notes/smtplib-failures.md (failures measured with CPython 3.11 smtplib on loopback),
``sisimai`` for tests/data/sisimai-diagnostics.jsonl.
"""

from __future__ import annotations

import email.errors
import pickle
import smtplib
import socket
import ssl
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smtpdiag import (
    CATALOGUE,
    Category,
    Diagnosis,
    OAuthCredentials,
    Reply,
    SettingsModel,
    Stage,
    classify,
)
from smtpdiag._catalogue import _CLASSIFIER_ENTRIES

NOTES = "notes: /work/shared/notes/smtplib-failures.md"
GMAIL = "https://support.google.com/a/answer/3726730"
MS_NDR = "https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online"
ENTRA = "https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes"
RHOST = "sisimai/rb-sisimai: lib/sisimai/rhost/"
SISIMAI = "sisimai: tests/data/sisimai-diagnostics.jsonl"
POSTFIX = "postfix/postfix: src/smtpd/smtpd_check.c"
SES = "https://docs.aws.amazon.com/ses/latest/dg/troubleshoot-error-messages.html"

# (failure, stage, expected kind, source)
AMAVIS = (
    "amavisd-new 2.11.1 amavisd %smtp_reason_by_ccat "
    "(sisimai/p5-sisimai: lib/Sisimai/Lhost/Amavis.pm)"
)

ROWS: list[tuple[Any, str | None, str, str]] = [
    # ---------------------------------------------------------------- auth
    (
        "535 5.7.139 Authentication unsuccessful, basic authentication is disabled. "
        "[BM1P287CA0015.INDP287.PROD.OUTLOOK.COM]",
        None,
        "auth.basic_auth_disabled",
        "https://github.com/rpremraj/mailR/issues/107",
    ),
    (
        "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the "
        "Tenant. Visit https://aka.ms/smtp_auth_disabled for more information. "
        "[MN2PR05CA0004.namprd05.prod.outlook.com 2023-09-12T20:59:57.214Z 08DBB276B7E699C4]",
        None,
        "auth.smtp_auth_disabled",
        "https://github.com/simonrob/email-oauth2-proxy/issues/193",
    ),
    (
        "The SMTP server requires a secure connection or the client was not authenticated. The "
        "server response was: 5.7.57 Client not authenticated to send mail. Error: 535 5.7.139 "
        "Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.",
        None,
        "auth.smtp_auth_disabled",
        "https://github.com/MicrosoftDocs/OfficeDocs-Exchange/issues/3124",
    ),
    (
        "SMTPAuthenticationError(534, b'5.7.9 Application-specific password required. Learn "
        "more at\\n5.7.9 https://support.google.com/mail/?p=InvalidSecondFactor "
        "n18sm8811765wru.2 - gsmtp')",
        None,
        "auth.app_password_required",
        "https://github.com/iiuni/projektzapisy/issues/727",
    ),
    (
        "(534, b'5.7.9 Application-specific password required. For more information, go to\\n"
        "5.7.9  https://support.google.com/mail/?p=InvalidSecondFactor "
        "ffacd0b85a97d-368119970e7sm1809147f8f.21 - gsmtp')",
        None,
        "auth.app_password_required",
        "https://github.com/Der-Henning/tgtg/issues/517",
    ),
    (
        "454-4.7.0 Too many login attempts, please try again later.",
        "auth",
        "auth.too_many_attempts",
        GMAIL,
    ),
    (
        "535 5.7.0 (#AUTH005) Too many bad auth attempts.",
        "auth",
        "auth.too_many_attempts",
        "https://senders.yahooinc.com/smtp-error-codes/",
    ),
    (
        smtplib.SMTPException("No suitable authentication method found."),
        None,
        "auth.mechanism_unavailable",
        NOTES,
    ),
    (
        smtplib.SMTPAuthenticationError(504, b"5.5.4 Unrecognized authentication type"),
        None,
        "auth.mechanism_unavailable",
        NOTES,
    ),
    (
        smtplib.SMTPNotSupportedError("SMTP AUTH extension not supported by server."),
        None,
        "auth.not_offered",
        NOTES,
    ),
    ("503 AUTH command used when not advertised", None, "auth.not_offered", "exim: src/smtp_in.c"),
    (
        "534-5.7.14 <https://accounts.google.com/signin/continue?x> Please log in via your web "
        "browser and\n534-5.7.14 then try again. - gsmtp",
        "auth",
        "auth.account_disabled",
        GMAIL,
    ),
    (
        "554 5.2.0 STOREDRV.Submission.Exception:OutboundSpamException; WASCL UserAction verdict "
        "is not None. Actual verdict is Suspend, ShowTierUpgrade.",
        "data",
        "auth.account_disabled",
        MS_NDR,
    ),
    (
        "554 5.1.8 Email Outgoing Blocked.",
        "mail",
        "auth.account_disabled",
        "https://www.zoho.com/mail/help/smtp-error-codes.html",
    ),
    (
        smtplib.SMTPException("Server AUTH mechanism infinite loop. Last response: (334, b'x')"),
        None,
        "auth.xoauth2_rejected",
        NOTES,
    ),
    (
        '{"status":"400","schemes":"Bearer","scope":"https://mail.google.com/"}',
        "auth",
        "auth.xoauth2_rejected",
        NOTES,
    ),
    (
        "334 eyJzdGF0dXMiOiI0MDAiLCJzY2hlbWVzIjoiQmVhcmVyIiwic2NvcGUiOiJodHRwczovL21haWwuZ29v"
        "Z2xlLmNvbS8ifQ==",
        "auth",
        "auth.xoauth2_rejected",
        "https://developers.google.com/gmail/imap/xoauth2-protocol",
    ),
    (
        "AADSTS700024: Client assertion is not within its valid time range.",
        None,
        "auth.oauth_token_invalid",
        ENTRA,
    ),
    (
        "AADSTS7000222: The provided client secret keys for app 'x' are expired. Visit the Azure "
        "portal to create new keys for your app.",
        None,
        "auth.oauth_secret_expired",
        ENTRA,
    ),
    (
        {
            "error": "invalid_client",
            "error_description": "AADSTS7000215: Invalid client secret provided. Ensure the "
            "secret being sent in the request is the client secret value, not the client "
            "secret ID, for a secret added to app 'x'.",
            "error_codes": [7000215],
        },
        None,
        "auth.oauth_secret_invalid",
        ENTRA,
    ),
    (
        "AADSTS700016: Application with identifier 'x' was not found in the directory 'y'.",
        None,
        "auth.oauth_app_not_found",
        ENTRA,
    ),
    (
        "AADSTS90002: Tenant 'x' not found. Check to make sure you have the correct tenant ID.",
        None,
        "auth.oauth_tenant_not_found",
        ENTRA,
    ),
    (
        "AADSTS900023: Specified tenant identifier 'x' is neither a valid DNS name, nor a valid "
        "external domain.",
        None,
        "auth.oauth_tenant_not_found",
        ENTRA,
    ),
    (
        ValueError(
            "Unable to get authority configuration for https://login.microsoftonline.com/x. "
            "Authority would typically be in a format of "
            "https://login.microsoftonline.com/your_tenant"
        ),
        None,
        "auth.oauth_tenant_not_found",
        "AzureAD/microsoft-authentication-library-for-python: msal/authority.py",
    ),
    (
        "AADSTS50034: The user account {EUII Hidden} does not exist in the x directory.",
        None,
        "auth.oauth_user_not_found",
        ENTRA,
    ),
    (
        "AADSTS65001: The user or administrator has not consented to use the application.",
        None,
        "auth.oauth_permission_missing",
        ENTRA,
    ),
    (
        "AADSTS70011: The provided request must include a 'scope' input parameter.",
        None,
        "auth.oauth_scope_invalid",
        ENTRA,
    ),
    (
        "AADSTS1002012: The provided value for scope x is not valid. Client credential flows "
        "must have a scope value with /.default suffixed to the resource identifier.",
        None,
        "auth.oauth_scope_invalid",
        ENTRA,
    ),
    ("AADSTS9999999: Something new.", None, "auth.oauth_failed", ENTRA),
    (
        UnicodeEncodeError("ascii", "\0user\0p\xe4ssword", 7, 8, "ordinal not in range(128)"),
        None,
        "auth.non_ascii_credentials",
        NOTES,
    ),
    (
        "535 5.7.8 Authentication credentials invalid",
        "auth",
        "auth.invalid_credentials",
        NOTES,
    ),
    (
        "535-5.7.8 Username and Password not accepted. Learn more at\n535 5.7.8  "
        "https://support.google.com/mail/?p=BadCredentials - gsmtp",
        None,
        "auth.invalid_credentials",
        "https://github.com/PHPMailer/PHPMailer/issues/1708",
    ),
    (
        "5.7.3 Authentication unsuccessful [DB6P18901CA0015.EURP189.PROD.OUTLOOK.COM]",
        "auth",
        "auth.invalid_credentials",
        "https://github.com/mageplaza/magento-2-smtp/issues/108",
    ),
    # ---------------------------------------------------------------- sender
    (
        "550 5.7.60 SMTP; Client does not have permissions to send as this sender "
        "[MW2PR1901MB2155.namprd19.prod.outlook.com]",
        None,
        "sender.send_as_denied",
        "https://github.com/swiftmailer/swiftmailer/issues/1030",
    ),
    (
        "554 5.2.0 STOREDRV.Submission.Exception:SendAsDeniedException.MapiExceptionSendAsDenied;"
        " Failed to process message due to a permanent exception with message Cannot submit "
        "message.",
        "data",
        "sender.send_as_denied",
        "https://github.com/MicrosoftDocs/OfficeDocs-Support/issues/1187",
    ),
    (
        smtplib.SMTPSenderRefused(
            553, b"5.7.1 Sender address rejected: not owned by user", "notowned@example.com"
        ),
        None,
        "sender.send_as_denied",
        NOTES,
    ),
    (
        "554 Message rejected: Email address is not verified. The following identities failed "
        "the check in region US-WEST-2: email",
        None,
        "sender.not_verified",
        "https://github.com/sul-dlss/dlme/issues/813",
    ),
    (
        "550 The from address does not match a verified Sender Identity. Mail cannot be sent "
        "until this error is resolved.",
        "mail",
        "sender.not_verified",
        "https://www.twilio.com/docs/sendgrid/for-developers/sending-email/sender-identity",
    ),
    (
        "Connected to 192.0.2.225 but sender was rejected. Remote host said: 550 5.7.1 "
        "<root@nijo.example.jp>... Access denied",
        "mail",
        "sender.rejected",
        SISIMAI,
    ),
    (
        "host mx.cubicroot.jp[192.0.2.22] said: 553 5.1.8 <root@vagrant-centos65.vagrantup.com>"
        "... Domain of sender address root@vagrant-centos65.vagrantup.com does not exist (in "
        "reply to MAIL FROM command)",
        None,
        "sender.domain_invalid",
        SISIMAI,
    ),
    # ---------------------------------------------------------------- recipient
    (
        "SMTP; 550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown in local "
        "recipient table",
        None,
        "recipient.unknown",
        POSTFIX,
    ),
    (
        "550-5.1.1 The email account that you tried to reach does not exist. Please try\n"
        "550-5.1.1 double-checking the recipient's email address for typos or\n"
        "550 5.1.1 unnecessary spaces. https://support.google.com/mail/?p=NoSuchUser - gsmtp",
        None,
        "recipient.unknown",
        GMAIL,
    ),
    ("550 sorry, no mailbox here by that name. (#5.1.1)", None, "recipient.unknown", SISIMAI),
    (
        "Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found "
        "by SMTP address lookup'",
        None,
        "recipient.unknown",
        SISIMAI,
    ),
    (
        smtplib.SMTPRecipientsRefused({"unknown@example.com": (550, b"5.1.1 User unknown")}),
        None,
        "recipient.unknown",
        NOTES,
    ),
    (
        "552-5.2.2 The email account that you tried to reach is over quota. - gsmtp",
        None,
        "recipient.mailbox_full",
        GMAIL,
    ),
    (
        "550 5.2.2 <mailboxfull@bouncehammer.jp>... Mailbox Full",
        "rcpt",
        "recipient.mailbox_full",
        SISIMAI,
    ),
    (
        "The email account that you tried to reach is disabled. Learn more at "
        "https://support.google.com/mail/?p=DisabledUser",
        None,
        "recipient.disabled",
        SISIMAI,
    ),
    (
        "550 5.1.6 recipient no longer on server: kijitora@icloud.com",
        "rcpt",
        "recipient.moved",
        RHOST + "apple.rb",
    ),
    (
        "Host or domain name not found. Name service error for name=example.jp type=A: Host not "
        "found",
        None,
        "recipient.domain_not_found",
        SISIMAI,
    ),
    (
        "an MX or SRV record indicated no SMTP service",
        None,
        "recipient.domain_not_accepting",
        SISIMAI,
    ),
    (
        "553 sorry, your envelope recipient is in my badrcptto list (#5.7.1)",
        "rcpt",
        "recipient.rejected",
        "qmail-1.03: qmail-smtpd.c",
    ),
    (
        "550 5.5.0 Some reason not known to smtpdiag",
        "rcpt",
        "recipient.rejected",
        "RFC 5321 §4.2.3 (550 at RCPT)",
    ),
    ("452 4.5.3 Error: too many recipients", "rcpt", "recipient.too_many", POSTFIX),
    (smtplib.SMTPRecipientsRefused({}), None, "recipient.none", NOTES),
    (
        "Error: AADSTS700027: Client assertion contains an invalid signature. [Reason - The key "
        "was not found., Thumbprint of key used by client: '1C74D7']",
        None,
        "auth.oauth_certificate_invalid",
        "https://github.com/pnp/cli-microsoft365/issues/1621",
    ),
    (
        "Error: AADSTS50076: Due to a configuration change made by your administrator, or "
        "because you moved to a new location, you must use multi-factor authentication to access",
        None,
        "auth.oauth_policy_blocked",
        "https://github.com/Azure-Samples/active-directory-dotnetcore-console-up-v2/issues/44",
    ),
    (
        "AADSTS50011: The redirect URI 'http://localhost:8083/' specified in the request does "
        "not match the redirect URIs configured for the application 'xxxxxxxxxxx'.",
        None,
        "auth.oauth_redirect_uri_mismatch",
        "https://github.com/getmail6/getmail6/issues/178",
    ),
    (
        "Message: AADSTS7000112: Application 'f1a495bc-0000-0000-0000-000000000000'(mail api) "
        "is disabled.",
        None,
        "auth.oauth_app_disabled",
        "https://github.com/luoye663/e5/issues/30",
    ),
    (
        "554 5.2.2 mailbox full; STOREDRV.Submission.Exception:QuotaExceededException."
        "MapiExceptionShutoffQuotaExceeded",
        "data",
        "sender.mailbox_full",
        "https://learn.microsoft.com/en-us/exchange/troubleshoot/send-emails/"
        "smtp-submission-improvements",
    ),
    # ---------------------------------------------------------------- policy
    (
        smtplib.SMTPSenderRefused(530, b"5.7.0 Authentication required", "alice@example.com"),
        None,
        "policy.authentication_required",
        NOTES,
    ),
    (
        "530 5.7.57 SMTP; Client was not authenticated to send anonymous mail during MAIL FROM "
        "[SN4PR0201CA0040.namprd02.prod.outlook.com]",
        None,
        "policy.authentication_required",
        MS_NDR,
    ),
    (
        smtplib.SMTPSenderRefused(530, b"5.7.0 Must issue a STARTTLS command first", "a@x.com"),
        None,
        "policy.encryption_required",
        NOTES,
    ),
    (
        smtplib.SMTPAuthenticationError(
            538, b"5.7.11 Encryption required for requested authentication mechanism"
        ),
        None,
        "policy.encryption_required",
        NOTES,
    ),
    (
        smtplib.SMTPRecipientsRefused({"bob@relay.example": (554, b"5.7.1 Relay access denied")}),
        None,
        "policy.relay_denied",
        NOTES,
    ),
    (
        "553 sorry, that domain isn't in my list of allowed rcpthosts (#5.7.1)",
        "rcpt",
        "policy.relay_denied",
        "qmail-1.03: qmail-smtpd.c",
    ),
    (
        "554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org",
        None,
        "policy.ip_blocklisted",
        POSTFIX,
    ),
    (
        "550 5.7.708 Service unavailable. Access denied, traffic not accepted from this IP. "
        "[BN8NAM12FT053.eop-nam12.prod.protection.outlook.com]",
        None,
        "policy.ip_blocklisted",
        MS_NDR,
    ),
    (
        "553 5.7.1 [BL21] Connections will not be accepted from 192.0.2.25, because the ip is in "
        "Spamhaus's list; see http://postmaster.yahoo.com/550-bl23.html",
        None,
        "policy.ip_blocklisted",
        RHOST + "yahooinc.rb",
    ),
    (
        "550-5.7.25 [192.0.2.1] The IP address sending this message does not have a PTR record "
        "setup, or the corresponding forward DNS entry does not point to the sending IP.",
        None,
        "policy.ptr_required",
        GMAIL,
    ),
    (
        "550-5.7.1 [192.0.2.1] Our system has detected that this message is\n550-5.7.1 likely "
        "unsolicited mail. To reduce the amount of spam sent to Gmail,\n550 5.7.1 this message "
        "has been blocked. - gsmtp",
        None,
        "policy.spam_rejected",
        GMAIL,
    ),
    (smtplib.SMTPDataError(554, b"5.7.1 rejected as spam"), None, "policy.spam_rejected", NOTES),
    (
        "552 Virus infected message rejected. IB705",
        "data",
        "policy.virus_detected",
        RHOST + "godaddy.rb",
    ),
    (
        "550-5.7.26 Unauthenticated email from example.com is not accepted due to domain's DMARC "
        "policy. - gsmtp",
        None,
        "policy.dmarc_failed",
        GMAIL,
    ),
    (
        "450 4.2.0 <bob@example.com>: Recipient address rejected: Greylisted, see "
        "http://postgrey.schweikert.ch/help/example.com.html",
        "rcpt",
        "policy.greylisted",
        POSTFIX,
    ),
    (
        "550 5.7.1 [CS01] Message rejected due to local policy. Please visit "
        "https://support.apple.com/en-us/HT204137",
        None,
        "policy.rejected",
        RHOST + "apple.rb",
    ),
    (
        "554 5.7.9 Message not accepted for policy reasons. See "
        "https://postmaster.yahooinc.com/error-codes",
        None,
        "policy.rejected",
        RHOST + "yahooinc.rb",
    ),
    (
        "421 4.7.0 [TSS04] Messages from 192.0.2.25 temporarily deferred due to unexpected volume "
        "or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes",
        None,
        "policy.reputation",
        RHOST + "yahooinc.rb",
    ),
    (
        "504 5.5.2 <localhost>: Helo command rejected: need fully-qualified hostname",
        "ehlo",
        "policy.helo_rejected",
        POSTFIX,
    ),
    # ---------------------------------------------------------------- message
    (
        "554 5.7.0 Reject, id=12345-01 - BANNED: P=p003,L=1,M=multipart/mixed | "
        "P=p002,L=1/2,M=application/x-msdownload,T=exe,N=setup.exe",
        "data",
        "message.content_rejected",
        AMAVIS,
    ),
    (
        "554 5.7.0 Reject, id=12345-01 - UNCHECKED: encrypted",
        "data",
        "message.content_rejected",
        AMAVIS,
    ),
    ("554 5.7.0 Reject, id=12345-01 - spammy (tag3)", "data", "policy.spam_rejected", AMAVIS),
    ("554 5.6.0 Reject, id=12345-01 - BAD HEADER: MIME error", "data", "message.malformed", AMAVIS),
    (
        smtplib.SMTPDataError(552, b"5.3.4 Message size exceeds fixed limit"),
        None,
        "message.too_large",
        NOTES,
    ),
    (
        "552-5.2.3 Your message exceeded Google's message size limits. - gsmtp",
        None,
        "message.too_large",
        GMAIL,
    ),
    (
        "550-5.7.1 Messages with multiple addresses in From: header are not accepted. - gsmtp",
        "data",
        "message.malformed",
        SISIMAI,
    ),
    (
        "host gmail-smtp-in.l.google.com[192.0.2.1] said: 550-5.7.1 [192.0.2.2] Messages "
        "missing a valid Message-ID header are not 550-5.7.1 accepted. For more information, go "
        "to 550-5.7.1 https://support.google.com/mail/?p=RfcMessageNonCompliant and review 550 "
        "5.7.1 RFC 5322 specifications. xxx.420 - gsmtp (in reply to end of DATA command)",
        None,
        "message.malformed",
        "https://github.com/element-hq/matrix-authentication-service/issues/4747",
    ),
    (
        "550-5.7.1 [192.0.2.2] Messages missing a valid messageId header are not 550 5.7.1 "
        "accepted",
        None,
        "message.malformed",
        "https://github.com/muquit/mailsend-go/issues/51",
    ),
    (
        email.errors.HeaderParseError("expected ':' in header"),
        None,
        "message.malformed",
        NOTES,
    ),
    (
        smtplib.SMTPNotSupportedError(
            "One or more source or delivery addresses require internationalized email support, "
            "but the server does not advertise the required SMTPUTF8 capability"
        ),
        None,
        "message.non_ascii",
        NOTES,
    ),
    (
        UnicodeEncodeError("ascii", "rcpt TO:<bj\xf8rn@example.com>\r\n", 11, 12, "x"),
        None,
        "message.non_ascii",
        NOTES,
    ),
    ("500 5.6.1 Message content rejected", "data", "message.content_rejected", SISIMAI),
    (
        ValueError("Header values may not contain linefeed or carriage return characters"),
        None,
        "message.header_injection",
        NOTES,
    ),
    (
        ValueError(
            "command and arguments contain prohibited newline characters: mail FROM:<a@x.com>"
        ),
        None,
        "message.header_injection",
        NOTES,
    ),
    (
        email.errors.HeaderParseError("header value appears to contain an embedded header: x"),
        None,
        "message.header_injection",
        NOTES,
    ),
    # ---------------------------------------------------------------- rate_limit
    ("454 Throttling failure: Maximum sending rate exceeded.", None, "rate_limit.throttled", SES),
    (
        "553 Relaying disallowed as test@gmail.com",
        "data",
        "sender.send_as_denied",
        "https://github.com/getgrav/grav-plugin-email/issues/77",
    ),
    (
        "host smtp.sendgrid.net[52.220.95.193] said: 550 Unauthenticated senders not allowed (in "
        "reply to MAIL FROM command)",
        None,
        "policy.authentication_required",
        "https://github.com/Billionmail/BillionMail/issues/171",
    ),
    (
        "535 Authentication failed: Bad username / password",
        "auth",
        "auth.invalid_credentials",
        "https://github.com/sendgrid/docs/issues/2491",
    ),
    (
        "451 4.7.500 Server busy. Please try again later from [192.0.2.1]. (S77719)",
        None,
        "rate_limit.throttled",
        MS_NDR,
    ),
    ("550 5.4.5 Daily user sending limit exceeded.", None, "rate_limit.daily_limit", GMAIL),
    ("454 Throttling failure: Daily message quota exceeded.", None, "rate_limit.daily_limit", SES),
    (
        "421 Connection refused, too many sessions from This IP. Lower the number of concurrent "
        "sessions. IB007",
        "connect",
        "rate_limit.too_many_connections",
        RHOST + "godaddy.rb",
    ),
    (
        # Exim's smtp_accept_max_per_host refusal, as quoted in a public Postfix log
        "421 Too many concurrent SMTP connections from this IP address; please try again later.",
        "connect",
        "rate_limit.too_many_connections",
        "Exim smtp_accept_max_per_host; seen in public Postfix deferral logs",
    ),
    # ---------------------------------------------------------------- server
    ("451-4.3.0 Mail server temporarily rejected message.", None, "server.temporary", GMAIL),
    ("421 4.3.2 Service not available", "mail", "server.unavailable", "RFC 5321 §4.2.3"),
    ("452 4.3.1 Insufficient system storage", None, "server.insufficient_storage", POSTFIX),
    ("550 5.3.5 <x@example.org>... Internal System Error", None, "server.error", SISIMAI),
    # ---------------------------------------------------------------- tls
    (
        smtplib.SMTPServerDisconnected("Connection unexpectedly closed: timed out"),
        "connect",
        "connection.timeout",
        NOTES,
    ),
    (
        ssl.SSLError(1, "[SSL: WRONG_VERSION_NUMBER] wrong version number (_ssl.c:1006)"),
        None,
        "tls.port_expects_plaintext",
        NOTES,
    ),
    (
        "ssl.SSLError: [SSL: RECORD_LAYER_FAILURE] record layer failure (_ssl.c:1000)",
        None,
        "tls.port_expects_plaintext",
        "https://github.com/urllib3/urllib3/pull/3405",
    ),
    (
        smtplib.SMTPNotSupportedError("STARTTLS extension not supported by server."),
        None,
        "tls.starttls_unavailable",
        NOTES,
    ),
    (
        "[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer "
        "certificate (_ssl.c:1006)",
        None,
        "tls.certificate_untrusted",
        NOTES,
    ),
    (
        "ssl.SSLCertVerificationError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify "
        "failed: self-signed certificate (_ssl.c:1006)",
        None,
        "tls.certificate_untrusted",
        NOTES,
    ),
    (
        "[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: certificate has expired "
        "(_ssl.c:1006)",
        None,
        "tls.certificate_expired",
        NOTES,
    ),
    (
        "[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: Hostname mismatch, "
        "certificate is not valid for 'localhost'. (_ssl.c:1006)",
        None,
        "tls.hostname_mismatch",
        NOTES,
    ),
    (
        "[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: IP address mismatch, "
        "certificate is not valid for '127.0.0.1'. (_ssl.c:1006)",
        None,
        "tls.hostname_mismatch",
        NOTES,
    ),
    (
        "450 4.7.323 tlsa-invalid: The domain failed DANE validation.",
        None,
        "tls.recipient_server_failed",
        MS_NDR,
    ),
    (
        "[SSL: UNSUPPORTED_PROTOCOL] unsupported protocol (_ssl.c:1006)",
        None,
        "tls.protocol_version",
        "https://docs.python.org/3/library/ssl.html",
    ),
    (
        "ssl.SSLEOFError: EOF occurred in violation of protocol (_ssl.c:2427)",
        None,
        "tls.handshake_failed",
        "https://docs.python.org/3/library/ssl.html#ssl.SSLEOFError",
    ),
    # ---------------------------------------------------------------- connection
    (
        "451 4.4.2 Timeout - closing connection. n9sm6613295wrx.46 - gsmtp",
        "mail",
        "connection.closed",
        "https://support.google.com/a/answer/3221692 "
        "(via sisimai/rb-sisimai lib/sisimai/rhost/google.rb)",
    ),
    (socket.gaierror(-2, "Name or service not known"), None, "connection.host_not_found", NOTES),
    ("socket.gaierror: [Errno 11001] getaddrinfo failed", None, "connection.host_not_found", NOTES),
    (
        socket.gaierror(-3, "Temporary failure in name resolution"),
        None,
        "connection.dns_failure",
        NOTES,
    ),
    (ConnectionRefusedError(111, "Connection refused"), None, "connection.refused", NOTES),
    ("[Errno 111] Connection refused", None, "connection.refused", NOTES),
    (
        "ConnectionRefusedError: [WinError 10061] No connection could be made because the "
        "target machine actively refused it",
        None,
        "connection.refused",
        "https://learn.microsoft.com/en-us/windows/win32/winsock/windows-sockets-error-codes-2",
    ),
    (TimeoutError("timed out"), None, "connection.timeout", NOTES),
    (TimeoutError(110, "Connection timed out"), None, "connection.timeout", NOTES),
    (OSError(101, "Network is unreachable"), None, "connection.unreachable", NOTES),
    ("OSError: [Errno 113] No route to host", None, "connection.unreachable", NOTES),
    (
        smtplib.SMTPServerDisconnected(
            "Connection unexpectedly closed: [Errno 104] Connection reset by peer"
        ),
        None,
        "connection.closed",
        NOTES,
    ),
    (
        smtplib.SMTPServerDisconnected("Connection unexpectedly closed"),
        None,
        "connection.closed",
        NOTES,
    ),
    (
        smtplib.SMTPConnectError(421, b"4.7.0 Try again later"),
        None,
        "connection.greeting_refused",
        NOTES,
    ),
    ("554 5.4.6 Too many hops", None, "connection.routing_failed", SISIMAI),
    # ---------------------------------------------------------------- protocol
    ("500 5.5.2 Error: bad syntax", None, "protocol.syntax_error", POSTFIX),
    ("503 5.5.1 Error: need MAIL command", None, "protocol.bad_sequence", POSTFIX),
    ("502 5.5.2 Error: command not recognized", None, "protocol.not_implemented", POSTFIX),
    # ---------------------------------------------------------------- unknown
    (
        "459 4.9.9 Zorglub",
        None,
        "unknown.transient",
        "RFC 3463 §3.1 (class 4: persistent transient)",
    ),
    ("554 5.9.9 Zorglub", None, "unknown.permanent", "RFC 3463 §3.1 (class 5: permanent)"),
    ("550 5.7.99 Zorglub", None, "unknown.security", "RFC 3463 §3.8 (X.7.X security or policy)"),
    ("It did not work.", None, "unknown.unrecognized", "no information"),
    ("", None, "unknown.unrecognized", "no information"),
    (
        "454 4.7.0 TLS not available due to local problem",
        "tls",
        "tls.starttls_unavailable",
        "postfix/postfix: src/postscreen/postscreen_starttls.c",
    ),
    # .NET's SmtpException wraps every 530 in the same sentence; the quoted server response
    # decides (seen in public C# code handling Gmail's answer).
    (
        "The SMTP server requires a secure connection or the client was not authenticated. The "
        "server response was: 5.7.0 Authentication Required. Learn more at",
        None,
        "policy.authentication_required",
        "System.Net.Mail.SmtpException with Gmail's 530 5.7.0 reply, public C# projects",
    ),
    (
        "The SMTP server requires a secure connection or the client was not authenticated. The "
        "server response was: 5.7.0 Must issue a STARTTLS command first. x1sm123 - gsmtp",
        None,
        "policy.encryption_required",
        "System.Net.Mail.SmtpException with Gmail's 530 5.7.0 STARTTLS reply",
    ),
    # Success replies pasted by mistake are not failures (RFC 5321 §4.2.1).
    (
        "250 2.0.0 Ok: queued as 4ZkQ1x0Hn5z9tKc",
        "data",
        "unknown.not_a_failure",
        "postfix/postfix: src/smtpd/smtpd.c",
    ),
    ((250, b"2.0.0 OK  1700000000 a1sm123 - gsmtp"), "data", "unknown.not_a_failure", GMAIL),
]


def _id(row: tuple[Any, str | None, str, str]) -> str:
    return row[2]


@pytest.mark.parametrize(("failure", "stage", "kind", "source"), ROWS, ids=[_id(r) for r in ROWS])
def test_table(failure: Any, stage: str | None, kind: str, source: str) -> None:
    diagnosis = classify(failure, stage=stage)
    assert diagnosis.kind == kind, f"{source}: got {diagnosis.kind}"
    assert diagnosis.kind in CATALOGUE


def test_every_classifier_kind_has_a_row() -> None:
    covered = {row[2] for row in ROWS}
    # Kinds that need settings or a stage to be reached are tested below.
    reached_elsewhere = {"tls.port_expects_ssl"}
    missing = {e.kind for e in _CLASSIFIER_ENTRIES} - covered - reached_elsewhere
    assert not missing, sorted(missing)


# ------------------------------------------------------------------ stage, settings, provider


@pytest.mark.parametrize(
    ("reply", "stage", "kind"),
    [
        ("550 5.7.1 Access denied", "mail", "sender.rejected"),
        ("550 5.7.1 Access denied", "ehlo", "policy.ip_blocklisted"),
        ("530 5.7.0 Authentication required", "mail", "policy.authentication_required"),
        ("535 5.7.0 Authentication failed", "auth", "auth.invalid_credentials"),
        ("550 5.1.0 Address rejected", "mail", "sender.rejected"),
        ("550 5.1.0 Address rejected", "rcpt", "recipient.rejected"),
        ("552 Requested mail action aborted", "data", "message.too_large"),
        ("421 4.7.0 Try again later", "connect", "connection.greeting_refused"),
        ("554 No SMTP service here", "connect", "policy.rejected"),
    ],
)
def test_stage_sharpens(reply: str, stage: str, kind: str) -> None:
    assert classify(reply, stage=stage).kind == kind


def test_exception_class_implies_stage() -> None:
    assert classify(smtplib.SMTPSenderRefused(550, b"x", "a@b.c")).stage is Stage.MAIL
    assert classify(smtplib.SMTPRecipientsRefused({"a@b.c": (550, b"x")})).stage is Stage.RCPT
    assert classify(smtplib.SMTPDataError(554, b"x")).stage is Stage.DATA
    assert classify(smtplib.SMTPAuthenticationError(535, b"x")).stage is Stage.AUTH
    assert classify(smtplib.SMTPConnectError(421, b"x")).stage is Stage.CONNECT
    assert classify(smtplib.SMTPHeloError(501, b"x")).stage is Stage.EHLO


def test_timeout_at_greeting_on_port_465_means_implicit_tls() -> None:
    settings = SettingsModel(host="smtp.example.com", port=465, security="tls")
    diagnosis = classify(
        smtplib.SMTPServerDisconnected("Connection unexpectedly closed: timed out"),
        stage="connect",
        settings=settings,
    )
    assert diagnosis.kind == "tls.port_expects_ssl"
    assert diagnosis.remedies[0].text == (
        "You connect to port 465 with TLS (STARTTLS); port 465 expects SSL (implicit TLS). "
        "Set Secure Connection to SSL, or use port 587 with TLS."
    )


def test_ssl_on_a_plaintext_port_names_the_port() -> None:
    settings = SettingsModel(host="smtp.example.com", port=587, security="ssl")
    diagnosis = classify("[SSL: WRONG_VERSION_NUMBER] wrong version number", settings=settings)
    assert diagnosis.kind == "tls.port_expects_plaintext"
    assert "port 587 with SSL" in diagnosis.remedies[0].text


def test_oauth_settings_turn_535_into_a_rejected_token() -> None:
    settings = SettingsModel(
        host="smtp.office365.com",
        username="a@example.com",
        security="oauth",
        oauth=OAuthCredentials(client_id="c", tenant_id="t", client_secret="s"),
    )
    error = smtplib.SMTPAuthenticationError(535, b"5.7.3 Authentication unsuccessful")
    assert classify(error, settings=settings).kind == "auth.xoauth2_rejected"


def test_secrets_never_appear() -> None:
    settings = SettingsModel(host="smtp.example.com", username="a@x.com", password="hunter2!")
    diagnosis = classify("535 5.7.8 Bad password hunter2! for a@x.com", settings=settings)
    assert "hunter2!" not in str(diagnosis.to_dict())
    error = UnicodeEncodeError("ascii", "\0a@x.com\0p\xe4sswort", 10, 11, "x")
    assert "sswort" not in str(classify(error).to_dict())


@pytest.mark.parametrize(
    ("text", "host", "provider"),
    [
        (
            "550 5.7.1 Nope [BN8NAM12FT053.eop-nam12.prod.protection.outlook.com]",
            None,
            "Microsoft 365",
        ),
        ("550 5.7.1 Nope - gsmtp", None, "Gmail"),
        ("421 4.7.0 [TSS04] Messages deferred", None, "Yahoo"),
        ("550 5.7.1 Nope", "smtp.office365.com", "Microsoft 365"),
        ("550 5.7.1 Nope", "mta6.am0.yahoodns.net", "Yahoo"),
        ("550 5.7.1 Nope", "email-smtp.us-east-1.amazonaws.com", "Amazon SES"),
        ("550 5.7.1 Nope", "smtp.gmail.com", "Gmail"),
        ("550 5.7.1 Nope", "example.org", None),
        # The server that replied names the provider before a rule written for another's
        # wording: Azure Communication Services answers like Exchange Online.
        (
            "535 5.7.3 Authentication unsuccessful",
            "smtp.azurecomm.net",
            "Azure Communication Services",
        ),
        ("535 5.7.3 Authentication unsuccessful", None, "Microsoft 365"),
        ("535 Authentication failed", "smtp-relay.brevo.com", "Brevo"),
    ],
)
def test_provider_detection(text: str, host: str | None, provider: str | None) -> None:
    assert classify(text, host=host).provider == provider


def test_reply_kept_verbatim() -> None:
    text = "550-5.7.1 first line\n550 5.7.1 second line [X.prod.outlook.com]"
    diagnosis = classify(text)
    assert diagnosis.reply == Reply(550, "5.7.1", text)
    error = smtplib.SMTPDataError(552, b"5.3.4 Message size exceeds fixed limit")
    reply = classify(error).reply
    assert reply is not None
    assert (reply.code, reply.enhanced) == (552, "5.3.4")
    assert "Message size exceeds fixed limit" in reply.text


def test_transient_replies_are_retryable() -> None:
    assert classify("451 4.3.0 Try again").retryable
    assert not classify("550 5.1.1 User unknown").retryable


# ------------------------------------------------------------------ every exception class


def _smtplib_instances() -> list[BaseException]:
    instances: list[BaseException] = []
    for name in dir(smtplib):
        cls = getattr(smtplib, name)
        if not (isinstance(cls, type) and issubclass(cls, Exception)):
            continue
        if cls is smtplib.SMTPRecipientsRefused:
            instances.append(cls({"a@example.com": (550, b"5.1.1 User unknown")}))
        elif cls is smtplib.SMTPSenderRefused:
            instances.append(cls(553, b"5.7.1 Sender address rejected", "a@example.com"))
        elif issubclass(cls, smtplib.SMTPResponseException):
            instances.append(cls(554, b"5.7.1 Message rejected as spam"))
        elif cls is smtplib.SMTPServerDisconnected:
            instances.append(cls("Connection unexpectedly closed"))
        elif cls is smtplib.SMTPNotSupportedError:
            instances.append(cls("STARTTLS extension not supported by server."))
        else:
            instances.append(cls("No suitable authentication method found."))
    return instances


@pytest.mark.parametrize("exc", _smtplib_instances(), ids=lambda e: type(e).__name__)
def test_every_smtplib_exception_class_is_handled(exc: BaseException) -> None:
    assert classify(exc).category is not Category.UNKNOWN


@pytest.mark.parametrize(
    "exc",
    [
        ssl.SSLError(1, "[SSL: WRONG_VERSION_NUMBER] wrong version number (_ssl.c:1006)"),
        ssl.SSLEOFError(8, "EOF occurred in violation of protocol (_ssl.c:2427)"),
        ssl.SSLZeroReturnError(6, "TLS/SSL connection has been closed (EOF) (_ssl.c:1006)"),
        ssl.SSLSyscallError(5, "Some I/O error occurred (_ssl.c:1006)"),
        ssl.SSLCertVerificationError(1, "[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify"),
        socket.gaierror(-2, "Name or service not known"),
        socket.herror(1, "Unknown host"),
        TimeoutError("timed out"),
        ConnectionRefusedError(111, "Connection refused"),
        ConnectionResetError(104, "Connection reset by peer"),
        ConnectionAbortedError(103, "Software caused connection abort"),
        BrokenPipeError(32, "Broken pipe"),
    ],
    ids=lambda e: type(e).__name__,
)
def test_ssl_and_socket_exceptions_are_handled(exc: BaseException) -> None:
    assert classify(exc).category in (Category.TLS, Category.CONNECTION)


def test_cert_verify_code_decides() -> None:
    for code, kind in [
        (10, "tls.certificate_expired"),
        (18, "tls.certificate_untrusted"),
        (20, "tls.certificate_untrusted"),
        (62, "tls.hostname_mismatch"),
        (64, "tls.hostname_mismatch"),
    ]:
        error = ssl.SSLCertVerificationError(1, "certificate verify failed")
        error.verify_code = code
        assert classify(error).kind == kind


def test_context_decides_a_disconnect() -> None:
    exc = smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
    exc.__context__ = TimeoutError("timed out")
    assert classify(exc).kind == "connection.timeout"


class _AioSMTPResponseException(Exception):
    """Shaped like aiosmtplib's SMTPResponseException (code and message attributes)."""

    def __init__(self, code: int, message: str) -> None:
        super().__init__(code, message)
        self.code = code
        self.message = message


class SMTPAuthenticationError(_AioSMTPResponseException):
    pass


def test_aiosmtplib_shaped_exceptions() -> None:
    error = SMTPAuthenticationError(535, "5.7.8 Username and Password not accepted")
    diagnosis = classify(error)
    assert diagnosis.kind == "auth.invalid_credentials"
    assert diagnosis.stage is Stage.AUTH


# ------------------------------------------------------------------ totality


class _Hostile(Exception):
    def __str__(self) -> str:
        raise RuntimeError("no str for you")


failures = st.one_of(
    st.text(),
    st.binary(),
    st.tuples(st.integers(), st.one_of(st.binary(), st.text())),
    st.dictionaries(st.text(), st.one_of(st.text(), st.integers(), st.lists(st.integers()))),
    st.builds(ValueError, st.text()),
    st.builds(smtplib.SMTPResponseException, st.integers(), st.binary()),
    st.builds(smtplib.SMTPRecipientsRefused, st.dictionaries(st.text(), st.text())),
    st.builds(OSError, st.integers(), st.text()),
    st.builds(_Hostile),
    st.none(),
    st.integers(),
    st.lists(st.text()),
)


@given(failures, st.sampled_from([None, *Stage, "rcpt", "nonsense"]))
def test_total(failure: Any, stage: Any) -> None:
    diagnosis = classify(failure, stage=stage)
    assert isinstance(diagnosis, Diagnosis)
    assert diagnosis.kind in CATALOGUE
    assert pickle.loads(pickle.dumps(diagnosis)) == diagnosis
    assert Diagnosis.from_dict(diagnosis.to_dict()) == diagnosis


@given(st.text(alphabet="0123456789 -.#;()[]<>:SMTPsmtp\n", max_size=80))
def test_total_on_reply_like_text(text: str) -> None:
    assert classify(text).kind in CATALOGUE


def test_docs_list_every_classifier_kind() -> None:
    from pathlib import Path

    page = (Path(__file__).parent.parent / "docs" / "classification.md").read_text("utf-8")
    missing = [e.kind for e in _CLASSIFIER_ENTRIES if f"| `{e.kind}` |" not in page]
    assert not missing, missing
    # Every kind a rule or phrase table can give is on the page too (as a row, or in the
    # paragraph that names the kinds defined elsewhere).
    from smtpdiag import _rules

    named = (
        {rule.kind for rule in _rules.RULES}
        | {kind for _, kind in _rules.EXCEPTION_PHRASES + _rules.WRAPPER_PHRASES}
        | set(_rules.AADSTS_KINDS.values())
        | {kind for *_, kind in _rules.AADSTS_PHRASES}
        | set(_rules.OAUTH_ERROR_KINDS.values())
    )
    assert sorted(kind for kind in named if f"`{kind}`" not in page) == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "Traceback (most recent call last):\n"
            '  File "/app/send.py", line 10, in <module>\n'
            "    server.login(user, pw)\n"
            "smtplib.SMTPAuthenticationError: (535, b'5.7.139 Authentication unsuccessful, "
            "basic authentication is disabled. [PN0PR01CA0024.INDPRD01.PROD.OUTLOOK.COM]')",
            "auth.basic_auth_disabled",
        ),
        (
            "aiosmtplib.errors.SMTPAuthenticationError: (535, 5.7.8 Username and Password not "
            "accepted. Learn more at https://support.google.com/mail/?p=BadCredentials)",
            "auth.invalid_credentials",
        ),
        (
            "Error: Invalid login: 535-5.7.8 Username and Password not accepted",
            "auth.invalid_credentials",
        ),
        (
            "aiosmtplib.errors.SMTPConnectTimeoutError: Timed out connecting to smtp.gmail.com on "
            "port 587",
            "connection.timeout",
        ),
        (
            "OSError: [WinError 10013] An attempt was made to access a socket in a way forbidden "
            "by its access permissions",
            "connection.refused",
        ),
        # Public code search, find_string id 40110835928: Exchange Online's "432 4.3.2", a code
        # .NET has no words for.
        (
            "System.Net.Mail.SmtpException: Syntax error, command unrecognized. The server "
            "response was: 4.3.2 Concurrent connections limit exceeded.",
            "rate_limit.too_many_connections",
        ),
        (
            "Send-MailMessage : Mailbox unavailable. The server response was: Sender address "
            "rejected",
            "sender.rejected",
        ),
    ],
)
def test_pasted_exception_text(text: str, kind: str) -> None:
    assert classify(text).kind == kind


def _brute_force(
    compiled: list[Any], code: int | None, enhanced: str | None, low: str, stage: Stage | None
) -> Any:
    """The engine's tiers without any index or prefilter: every rule's pattern is searched."""

    def ok(rule: Any) -> bool:
        return rule.applies(code, stage) and (rule.regex is None or rule.regex.search(low))

    tiers = [
        [r for r in compiled if r.rule.enhanced and r.rule.text and r.rule.enhanced == enhanced],
        [r for r in compiled if not r.rule.enhanced and r.rule.text and code in r.codes],
        [
            r
            for r in compiled
            if r.rule.enhanced and not r.rule.text and r.rule.enhanced == enhanced
        ],
    ]
    for tier in tiers:
        for rule in tier:
            if ok(rule):
                return rule.rule
    if code is not None and code < 400:
        return None
    plain = [r for r in compiled if r.rule.text and not r.rule.enhanced and not r.codes]
    for weak in (False, True):
        for rule in plain:
            if rule.rule.weak is weak and ok(rule):
                return rule.rule
    for rule in compiled:
        if not rule.rule.text and not rule.rule.enhanced and code in rule.codes and ok(rule):
            return rule.rule
    return None


def test_prefilter_changes_no_answer() -> None:
    """The index and the needle scan are only an optimisation of the plain rule walk."""
    import json
    from pathlib import Path

    from smtpdiag import parse_reply
    from smtpdiag._classify import _ENGINE, RULES, _compile

    compiled = [_compile(rule) for rule in RULES]

    from .test_classify_public import ALL_ROWS

    rows = [*ROWS, *ALL_ROWS]
    texts = [row[0] for row in rows if isinstance(row[0], str)]
    corpus = Path(__file__).parent / "data" / "sisimai-diagnostics.jsonl"
    texts += [json.loads(line)["diagnostic"] for line in corpus.read_text("utf-8").splitlines()]
    for text in texts:
        reply = parse_reply(text)
        low = text.lower()
        for stage in (None, Stage.RCPT, Stage.MAIL):
            fast = _ENGINE.match(reply.code, reply.enhanced, low, stage)
            slow = _brute_force(compiled, reply.code, reply.enhanced, low, stage)
            assert fast == slow, text


def test_phrase_scan_changes_no_answer() -> None:
    """The phrase tables' needle scan answers exactly as a walk of the tables would."""
    import json
    from pathlib import Path

    from smtpdiag._classify import _EXCEPTION_PHRASES, _WRAPPER_PHRASES, _phrase_kind
    from smtpdiag._rules import EXCEPTION_PHRASES, WRAPPER_PHRASES

    from .test_classify_public import ALL_ROWS

    texts = [row[0] for row in [*ROWS, *ALL_ROWS] if isinstance(row[0], str)]
    corpus = Path(__file__).parent / "data" / "sisimai-diagnostics.jsonl"
    texts += [json.loads(line)["diagnostic"] for line in corpus.read_text("utf-8").splitlines()]
    # Every phrase on its own, and two phrases of different groups in one text.
    phrases = [phrase for group, _ in EXCEPTION_PHRASES + WRAPPER_PHRASES for phrase in group]
    texts += phrases + [f"x {a} y {b}" for a, b in zip(phrases, reversed(phrases), strict=True)]
    for text in texts:
        low = text.lower()
        assert _EXCEPTION_PHRASES(low) == _phrase_kind(low, EXCEPTION_PHRASES), text
        assert _WRAPPER_PHRASES(low) == _phrase_kind(low, WRAPPER_PHRASES), text


def test_xoauth2_markers_name_the_mechanism() -> None:
    """The XOAUTH2 login check looks for "xoauth2" first: every marker must contain it."""
    from smtpdiag._rules import XOAUTH2_MARKERS

    assert XOAUTH2_MARKERS
    assert all("xoauth2" in marker for marker in XOAUTH2_MARKERS)
    shown = "535 5.7.3 Authentication unsuccessful\nC: AUTH XOAUTH2 dXNlcj1h"
    assert classify(shown).kind == "auth.xoauth2_rejected"


# How logs and chats wrap what they quote: a time-stamped log line, a PHP/Laravel log, syslog,
# a quoted string.
_WRAPPERS = (
    "2026-11-30 10:12:01,345 ERROR [mailer] Failed to send email: {}",
    "[2026-11-30 10:12:01] production.ERROR: {}",
    "Nov 30 10:12:01 app1 mailer[311]: {}",
    "'{}'",
    '"{}"',
)
# A known exception: a module path that reads as a word once the exception no longer starts
# the text ("throttled_http_client").
_WRAPPED_DIFFER = ("msal.throttled_http_client.MsalServiceError: HTTP Error: 500",)


def test_log_wrappers_do_not_change_the_answer() -> None:
    """Every real text of the tables means the same inside a log line or quotes."""
    from .test_classify_public import ALL_ROWS

    texts = {row[0] for row in [*ROWS, *ALL_ROWS] if isinstance(row[0], str)}
    checked = 0
    for text in sorted(texts):
        if text.startswith(_WRAPPED_DIFFER):
            continue
        kind = classify(text).kind
        for wrapper in _WRAPPERS:
            assert classify(wrapper.format(text)).kind == kind, (wrapper, text)
            checked += 1
    assert checked > 3000


@pytest.mark.parametrize(
    ("text", "stage", "kind"),
    [
        (
            "2026-11-30 10:12:01,345 ERROR [mailer] Failed to send: "
            "SMTPSenderRefused: (550, b'5.7.1 Sender not authorized', 'app@example.com')",
            Stage.MAIL,
            "sender.rejected",
        ),
        (
            "[2026-11-30 10:12:01] celery.app.trace: Task mail.send raised unexpected: "
            "SMTPRecipientsRefused({'bob@example.com': (550, b'5.1.1 User unknown')})",
            Stage.RCPT,
            "recipient.unknown",
        ),
        (
            "2026-11-30 10:12:01 WARNING Failed to send: ssl.SSLEOFError: EOF occurred in "
            "violation of protocol (_ssl.c:2427)",
            Stage.TLS,
            "tls.handshake_failed",
        ),
    ],
)
def test_exception_named_inside_a_log_line(text: str, stage: Stage, kind: str) -> None:
    """The exception a log line names after its own words gives the stage and the reply."""
    diagnosis = classify(text)
    assert (diagnosis.kind, diagnosis.stage) == (kind, stage)
    if kind != "tls.handshake_failed":
        assert diagnosis.reply is not None and diagnosis.reply.code == 550


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # nodemailer reports every refused AUTH as "Invalid login: <reply>"
        # (lib/smtp-connection/index.js, EAUTH): the reply decides, not the word "login".
        ("Error: Invalid login: 421 4.3.2 Service not available", "server.unavailable"),
        (
            "Error: Invalid login: 454-4.7.0 Too many login attempts, please try again later. "
            "For more information, go to 4.7.0  https://support.google.com/mail/answer/7126229 "
            "- gsmtp",
            "auth.too_many_attempts",
        ),
        (
            "Error: Invalid login: 535-5.7.8 Username and Password not accepted. - gsmtp",
            "auth.invalid_credentials",
        ),
    ],
)
def test_library_wrapper_words_do_not_decide(text: str, kind: str) -> None:
    diagnosis = classify(text)
    assert (diagnosis.kind, diagnosis.stage) == (kind, Stage.AUTH)


def test_dotnet_smtp_exception_means_its_reply() -> None:
    """.NET names the reply code in words and quotes the rest: the reply decides, as alone."""
    from smtpdiag import parse_reply
    from smtpdiag._rules import DOTNET_STATUS_TEXTS

    from .test_classify_public import ALL_ROWS

    words = {code: text for text, code in reversed(DOTNET_STATUS_TEXTS.items()) if code}
    words[450] = words[550]  # MailboxBusy has MailboxUnavailable's words
    checked = 0
    for row in [*ROWS, *ALL_ROWS]:
        text = row[0]
        if not isinstance(text, str) or "\n" in text:
            continue
        reply = parse_reply(text)
        if reply.code not in words or not reply.enhanced or not text.startswith(str(reply.code)):
            continue
        described = words[reply.code]
        wrapped = (
            f"System.Net.Mail.SmtpException: {described[0].upper()}{described[1:]} "
            f"The server response was: {text[4:]}"
        )
        assert classify(wrapped).kind == classify(text).kind, wrapped
        checked += 1
    assert checked > 150


def test_multiline_reply_joined_by_a_log() -> None:
    """Postfix logs a multi-line reply on one line: the repeated codes are no words."""
    # Gmail's IPv6 PTR reply (https://github.com/qnikst/HaskellNet/issues/47) as Postfix logs it.
    text = (
        "Nov 30 10:12:01 mx postfix/smtp[811]: 4F1A2: to=<bob@gmail.com>, "
        "relay=gmail-smtp-in.l.google.com[2a00:1450:4013:c01::1a]:25, dsn=5.7.1, status=bounced "
        "(host gmail-smtp-in.l.google.com[2a00:1450:4013:c01::1a] said: 550-5.7.1 "
        "[2a02:8109::1] Our system has detected that 550-5.7.1 this message does not meet IPv6 "
        "sending guidelines regarding PTR 550-5.7.1 records and authentication. Please review "
        "550 5.7.1  https://support.google.com/mail/?p=IPv6AuthError - gsmtp (in reply to end "
        "of DATA command))"
    )
    diagnosis = classify(text)
    assert diagnosis.kind == "policy.ptr_required"
    assert diagnosis.stage is Stage.DATA
    assert diagnosis.reply is not None and diagnosis.reply.text == text


def test_unknown_aadsts_code_is_read_by_its_words() -> None:
    """An AADSTS code the table lacks is read by its description (AADSTS_WORDS): checked on the
    identity errors of the tables with their codes hidden."""
    import re

    from .test_classify_public import ALL_ROWS

    texts = {row[0] for row in [*ROWS, *ALL_ROWS] if isinstance(row[0], str) and "AADSTS" in row[0]}
    hidden = re.compile(r"AADSTS\d+")
    agree = sum(classify(hidden.sub("AADSTS9999999", t)).kind == classify(t).kind for t in texts)
    assert len(texts) > 50
    assert agree / len(texts) >= 0.9, agree / len(texts)
    unknown = "AADSTS7009999: The provided client secret keys for app 'x' are expired."
    assert classify(unknown).kind == "auth.oauth_secret_expired"


@pytest.mark.parametrize(
    ("name", "stage"),
    [
        ("RCPT TO", Stage.RCPT),
        ("rcpt_to", Stage.RCPT),
        ("MAIL FROM", Stage.MAIL),
        ("HELO", Stage.EHLO),
        ("CONN", Stage.CONNECT),
        ("end of DATA", Stage.DATA),
        ("STARTTLS", Stage.TLS),
        ("oauth-token", Stage.OAUTH_TOKEN),
        ("no such stage", None),
    ],
)
def test_stage_names_from_logs(name: str, stage: Stage | None) -> None:
    assert classify("451 4.3.0 Temporary failure", stage=name).stage is stage


def test_prefilters_cover_their_patterns() -> None:
    """The cheap substring tests before two slow searches let every possible match through."""
    import re

    from smtpdiag._classify import (
        _EXC_INSIDE,
        _EXC_WORDS,
        _OAUTH_ERROR_NAME,
        _OAUTH_ERROR_PARTS,
    )

    names = re.findall(r"[a-z]+(?:_[a-z]+)+", _OAUTH_ERROR_NAME.pattern)
    assert len(names) >= 10
    assert all(any(part in name for part in _OAUTH_ERROR_PARTS) for name in names)
    suffixes = re.search(r"\(\?:Error\|[^)]*\)", _EXC_INSIDE.pattern)
    assert suffixes is not None
    assert set(suffixes.group()[3:-1].split("|")) == set(_EXC_WORDS)


class _AppMailError(Exception):
    """An application's own exception around the failure it met."""


def test_an_application_exception_defers_to_its_cause() -> None:
    reply = b"5.7.139 Authentication unsuccessful, basic authentication is disabled."
    try:
        try:
            raise smtplib.SMTPAuthenticationError(535, reply)
        except smtplib.SMTPException as exc:
            raise _AppMailError("could not send the report") from exc
    except _AppMailError as wrapped:
        diagnosis = classify(wrapped)
    assert (diagnosis.kind, diagnosis.stage) == ("auth.basic_auth_disabled", Stage.AUTH)
    assert diagnosis.reply is not None and diagnosis.reply.code == 535


def test_a_pasted_chain_of_tracebacks_reads_the_cause() -> None:
    text = (
        "Traceback (most recent call last):\n"
        '  File "/usr/lib/python3.11/smtplib.py", line 662, in auth\n'
        "    raise SMTPAuthenticationError(code, resp)\n"
        "smtplib.SMTPAuthenticationError: (535, b'5.7.139 Authentication unsuccessful, basic "
        "authentication is disabled. [BN9PR03CA0123.namprd03.prod.outlook.com]')\n\n"
        "The above exception was the direct cause of the following exception:\n\n"
        "Traceback (most recent call last):\n"
        '  File "/app/mailer.py", line 45, in send\n'
        '    raise MailError("could not send the report") from exc\n'
        "mailer.MailError: could not send the report"
    )
    diagnosis = classify(text)
    assert diagnosis.kind == "auth.basic_auth_disabled"
    assert diagnosis.provider == "Microsoft 365"


@pytest.mark.parametrize(
    ("host", "provider"),
    [
        ("smtp.gmx.com", "GMX"),
        ("mail.gmx.net", "GMX"),
        ("smtp.mail.ru", "Mail.ru"),
        ("mx1.qq.com", "QQ Mail"),
        ("in1-smtp.messagingengine.com", "Fastmail"),
        ("mail.matt.net", None),  # a longer name is not AT&T's att.net
    ],
)
def test_mailbox_providers_by_host(host: str, provider: str | None) -> None:
    assert classify("550 5.1.1 User unknown", host=host).provider == provider


def test_failures_only_auth_meets_carry_its_stage() -> None:
    assert classify("535 5.7.8 Username and Password not accepted. - gsmtp").stage is Stage.AUTH
    assert classify("535 5.7.8 Authentication failed", stage="mail").stage is Stage.MAIL
    assert classify("550 5.1.1 User unknown").stage is None
    dane = "450 4.7.323 tlsa-invalid: The domain failed DANE validation."
    assert classify(dane).stage is None


def test_bytes_mean_what_their_text_means() -> None:
    """A line read from a binary log or a subprocess gets the answer its text gets."""
    from .test_classify_public import ALL_ROWS

    texts = {row[0] for row in [*ROWS, *ALL_ROWS] if isinstance(row[0], str)}
    assert len(texts) > 600
    for text in texts:
        assert classify(text.encode()) == classify(text), text


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "requests.exceptions.ConnectionError: HTTPSConnectionPool(host='login.microsoftonline"
            ".com', port=443): Max retries exceeded with url: /contoso.onmicrosoft.com/oauth2/v2.0"
            "/token (Caused by NewConnectionError('<urllib3.connection.HTTPSConnection object at "
            "0x7f1c>: Failed to establish a new connection: [Errno -2] Name or service not "
            "known'))",
            "connection.host_not_found",
        ),
        (
            "requests.exceptions.ProxyError: HTTPSConnectionPool(host='login.microsoftonline.com',"
            " port=443): Max retries exceeded with url: /x/v2.0/.well-known/openid-configuration "
            "(Caused by ProxyError('Cannot connect to proxy.', OSError('Tunnel connection failed: "
            "407 Proxy Authentication Required')))",
            "connection.failed",
        ),
    ],
)
def test_network_failures_of_the_token_request(text: str, kind: str) -> None:
    """A network failure on the way to Entra ID happened at the token request, not at SMTP."""
    diagnosis = classify(text)
    assert (diagnosis.kind, diagnosis.stage) == (kind, Stage.OAUTH_TOKEN)


def test_msal_service_error() -> None:
    from msal.exceptions import MsalServiceError

    error = MsalServiceError(
        error="invalid_client",
        error_description="AADSTS7000222: The provided client secret keys for app 'x' are expired.",
    )
    diagnosis = classify(error)
    assert diagnosis.kind == "auth.oauth_secret_expired"
    assert diagnosis.stage is Stage.OAUTH_TOKEN


def test_import_does_not_load_msal() -> None:
    import subprocess
    import sys

    code = "import sys, smtpdiag; smtpdiag.classify('x'); print('msal' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_settings_remedies_for_common_kinds() -> None:
    settings = SettingsModel(
        host="smtp.office365.com",
        port=25,
        security="none",
        username="a@example.com",
        password="pw",
        from_address="b@example.com",
    )
    refused = classify(ConnectionRefusedError(111, "Connection refused"), settings=settings)
    assert refused.remedies[0].text.startswith("Nothing accepts connections on smtp.office365.com")
    not_offered = classify(
        smtplib.SMTPNotSupportedError("SMTP AUTH extension not supported by server."),
        settings=settings,
    )
    assert "Secure Connection is None" in not_offered.remedies[0].text
    basic = classify(
        "535 5.7.139 Authentication unsuccessful, basic authentication is disabled.",
        settings=settings,
    )
    assert "with a password" in basic.remedies[0].text
    send_as = classify(
        smtplib.SMTPSenderRefused(
            550, b"5.7.60 SMTP; Client does not have permissions", "b@example.com"
        ),
        settings=settings,
    )
    assert send_as.kind == "sender.send_as_denied"
    assert send_as.detail == "The server refused the sender b@example.com."
    assert send_as.remedies[0].text.startswith(
        "You log in as a@example.com but send as b@example.com"
    )


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Error: connect ECONNREFUSED 127.0.0.1:587", "connection.refused"),
        ("Error: getaddrinfo ENOTFOUND smtp.gmail.com", "connection.host_not_found"),
        ("Error: connect ETIMEDOUT 192.0.2.1:587", "connection.timeout"),
        (
            "Error: Hostname/IP does not match certificate's altnames: Host: smtp.x.com. is not in "
            "the cert's altnames",
            "tls.hostname_mismatch",
        ),
        ("java.net.UnknownHostException: smtp.example.com", "connection.host_not_found"),
        (
            "javax.net.ssl.SSLHandshakeException: PKIX path building failed: unable to find valid "
            "certification path to requested target",
            "tls.certificate_untrusted",
        ),
        (
            "System.IO.IOException: Unable to read data from the transport connection: "
            "net_io_connectionclosed.",
            "connection.closed",
        ),
        ("dial tcp: lookup smtp.example.com: no such host", "connection.host_not_found"),
        ("x509: certificate signed by unknown authority", "tls.certificate_untrusted"),
        ("tls: first record does not look like a TLS handshake", "tls.port_expects_plaintext"),
        ("SMTP Error: Could not authenticate.", "auth.invalid_credentials"),
        ("SMTP connect() failed.", "connection.failed"),
    ],
)
def test_other_clients_errors(text: str, kind: str) -> None:
    """Errors of other SMTP clients (Node.js, Java, .NET, Go, PHPMailer) as people paste them."""
    assert classify(text).kind == kind


def test_greeting_never_received_on_465() -> None:
    settings = SettingsModel(host="smtp.example.com", port=465, security="tls")
    assert classify("Error: Greeting never received", settings=settings).kind == (
        "tls.port_expects_ssl"
    )


@given(
    st.text(min_size=0, max_size=200),
    st.text(alphabet=st.characters(min_codepoint=33, max_codepoint=126), min_size=6, max_size=20),
    st.sampled_from([25, 465, 587]),
    st.sampled_from(["none", "ssl", "tls", "oauth"]),
    st.sampled_from([None, "connect", "auth", "mail", "rcpt", "data"]),
)
def test_secrets_never_leak(
    text: str, secret: str, port: int, security: str, stage: str | None
) -> None:
    secret = "Zq9!" + secret  # a secret, not a word the diagnosis could contain anyway
    settings = SettingsModel(
        host="smtp.example.com",
        port=port,
        security=security,
        username="user@example.com",
        password=secret,
        from_address="user@example.com",
    )
    for failure in (f"535 5.7.8 {text} {secret}", f"{text}{secret}", (550, f"{secret} x".encode())):
        diagnosis = classify(failure, stage=stage, settings=settings, host=text or None)
        assert secret not in str(diagnosis.to_dict())
        assert secret not in diagnosis.render()


def test_a_carried_diagnosis_is_returned() -> None:
    diagnosis = classify("550 5.1.1 User unknown")
    assert classify(diagnosis) is diagnosis

    class CarryingError(Exception):
        def __init__(self, diagnosis: Diagnosis) -> None:
            super().__init__(str(diagnosis))
            self.diagnosis = diagnosis

    assert classify(CarryingError(diagnosis)) is diagnosis


@pytest.mark.parametrize("stage", [None, "mail", "rcpt", "data"])
def test_a_success_reply_is_not_a_failure_at_any_stage(stage: str | None) -> None:
    # RFC 3463's subject tables describe failures: "250 2.1.0 Ok" is no refused sender.
    assert classify("250 2.1.0 Ok", stage=stage).kind == "unknown.not_a_failure"
    assert classify("2.1.5 Recipient OK", stage=stage).kind == "unknown.not_a_failure"


@given(
    st.integers(200, 599),
    st.sampled_from(["5.1.1", "4.7.0", "5.7.139", "2.0.0", "5.07.01", "5.1.1.2", "x"]),
    st.sampled_from(["", " User unknown", " 550 5.7.1 inner", "\n550 5.1.1 more", "0 x"]),
)
def test_smtplib_tuples_parse_as_the_general_path_does(code: int, status: str, rest: str) -> None:
    from smtpdiag import parse_reply
    from smtpdiag._classify import _reply_with_code

    text = status + rest
    reply = parse_reply(text, code)
    if reply.text and not reply.text.lstrip().startswith(str(code)):
        reply = Reply(reply.code, reply.enhanced, f"{code} {reply.text}")
    assert _reply_with_code(code, text) == reply
