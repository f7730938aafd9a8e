"""Table tests for replies and pasted errors collected from public sources (December 2026 review).

One row per real text: (failure, stage, expected kind, source). The texts are copied exactly
from the source named (provider documentation, a bounce parser's quoted tables, or the public
issue where someone pasted the error).
"""

from __future__ import annotations

from typing import Any

import pytest

from smtpdiag import classify

MS_NDR = "MicrosoftDocs/SupportArticles-docs: Exchange/ExchangeOnline/email-delivery/ndr/non-delivery-reports-in-exchange-online.md"  # noqa: E501
MS_RETIRE = "https://techcommunity.microsoft.com/t5/exchange-team-blog/exchange-online-to-retire-basic-auth-for-client-submission-smtp/ba-p/4114750"
EXS = "evilashz/exchange-server-27065: Microsoft.Exchange.Data.Transport/Data/Transport/Smtp/SmtpResponse.cs"  # noqa: E501
EXS_NDR = "MicrosoftDocs/OfficeDocs-Exchange: ExchangeServer/mail-flow/non-delivery-reports-and-bounce-messages"  # noqa: E501
GOOGLE = (
    "sisimai/rb-sisimai: lib/sisimai/rhost/google.rb (quoting support.google.com/a/answer/3726730)"
)
RELAY = (
    "sisimai/rb-sisimai: lib/sisimai/rhost/google.rb (quoting support.google.com/a/answer/6140680)"
)

ROWS: list[tuple[Any, str | None, str, str]] = [
    # ---------------------------------------------------------------- Microsoft
    (
        "550 5.7.30 Basic authentication is not supported for Client Submission.",
        "auth",
        "auth.basic_auth_disabled",
        MS_RETIRE,
    ),
    (
        "550 5.7.30 Basic authentication is not supported for Client Submission.",
        "mail",
        "auth.basic_auth_disabled",
        MS_RETIRE,
    ),
    (
        "530 5.7.57 Client not authenticated to send mail. Error: 535 5.7.139 Authentication "
        "unsuccessful, the request did not meet the criteria to be authenticated successfully. "
        "Contact your administrator.",
        None,
        "auth.basic_auth_disabled",
        "public notes quoting Exchange Online (find_string '5.7.57 Client not authenticated')",
    ),
    (
        "(530, b'5.7.57 Client not authenticated to send mail. Error: 535 5.7.3 Authentication "
        "unsuccessful')",
        None,
        "auth.invalid_credentials",
        "public notes of a Python OAuth2 project (find_string '5.7.57 Client not authenticated')",
    ),
    (
        "Error in processing. The server response was 5.7.3 STARTTLS is required to send mail ",
        None,
        "policy.encryption_required",
        "https://github.com/r-smith/vmPing/issues/73",
    ),
    ("451 5.7.3 Require STARTTLS to authenticate", "auth", "policy.encryption_required", EXS),
    (
        "535 5.7.3 Authentication unsuccessful. Tenant locked out",
        "auth",
        "auth.account_disabled",
        EXS,
    ),
    (
        "550 5.7.1 Client does not have permissions to send on behalf of the from address",
        "mail",
        "sender.send_as_denied",
        EXS,
    ),
    ("550 5.2.2 Submission quota exceeded", None, "rate_limit.daily_limit", MS_NDR),
    ("550 5.4.1 Relay Access Denied", "rcpt", "policy.relay_denied", MS_NDR),
    (
        "550 5.4.1 Recipient address rejected: Access denied. AS(201806281)",
        "rcpt",
        "recipient.unknown",
        MS_NDR,
    ),
    ("451 4.7.550 Access denied, please try again later", None, "rate_limit.throttled", MS_NDR),
    ("550 5.7.501 Access denied, spam abuse detected", None, "auth.account_disabled", MS_NDR),
    ("550 5.7.502 Access denied, banned sender", None, "auth.account_disabled", MS_NDR),
    ("550 5.7.136 Sender was not authenticated", None, "policy.rejected", MS_NDR),
    ("550 5.7.13 Sender was not authenticated for public folder", None, "policy.rejected", MS_NDR),
    (
        "550 5.7.193 UnifiedGroupAgent; Delivery failed because the sender isn't a group member "
        "or external senders aren't permitted to send to this group.",
        None,
        "sender.rejected",
        "MicrosoftDocs/SupportArticles-docs: ndr/550-5-7-193-when-external-users-send-to-"
        "microsoft-365-group.md",
    ),
    (
        "4.7.322 certificate-expired: Destination mail server's certificate is expired.",
        None,
        "tls.certificate_expired",
        MS_NDR,
    ),
    ("421 4.3.2 System not accepting network messages", None, "server.unavailable", EXS),
    (
        "421 4.4.2 Message submission rate for this client has exceeded the configured limit",
        None,
        "rate_limit.throttled",
        EXS,
    ),
    (
        "451 4.7.700 PFA agent busy, please try again. [***.***.prod.protection.outlook.com]",
        "mail",
        "server.temporary",
        "sisimai/rb-sisimai: lib/sisimai/rhost/microsoft.rb",
    ),
    (
        "554 5.4.4 SMTPSEND.DNS.NonExistentDomain; nonexistent domain",
        None,
        "recipient.domain_not_found",
        EXS_NDR,
    ),
    (
        "550 5.1.6 Recipient addresses in single label domains not accepted",
        "rcpt",
        "recipient.address_invalid",
        EXS_NDR,
    ),
    ("501 5.1.8 UTF-8 addresses not supported", "mail", "message.non_ascii", EXS),
    ("454 4.7.5 Certificate validation failure", None, "tls.certificate_untrusted", EXS),
    # ---------------------------------------------------------------- Microsoft identity
    (
        "AADSTS90014: The request body must contain the following parameter: 'client_secret or "
        "client_assertion'.",
        None,
        "auth.oauth_secret_invalid",
        "https://github.com/Azure-Samples/active-directory-dotnet-graphapi-console/issues/1",
    ),
    (
        "[error] => invalid_client [error_description] => AADSTS70002: The request body must "
        "contain the following parameter: 'client_secret or client_assertion'.",
        None,
        "auth.oauth_secret_invalid",
        "https://github.com/vgrem/phpSPO/issues/44",
    ),
    (
        'WebResponse exception: {"error":"invalid_grant","error_description":"AADSTS70002: '
        "Error validating credentials. AADSTS54005: OAuth2 Authorization code was already "
        'redeemed, please retry with a new valid code or use an existing refresh token.",'
        '"error_codes":[70002,54005]}',
        None,
        "auth.oauth_token_invalid",
        "https://github.com/davidjrh/dnn.azureadprovider/issues/17",
    ),
    (
        "AADSTS70001: Application with identifier [guid1] was not found in the directory [guid2]",
        None,
        "auth.oauth_app_not_found",
        "https://github.com/microsoftgraph/ruby-connect-rest-sample/issues/9",
    ),
    (
        "ValueError: invalid_instance: The authority you provided, "
        "https://login.devfabric.azs.microsoft.com/organizations, is not whitelisted. If it is "
        "indeed your legit customized domain name, you can turn off this check by passing in "
        "validate_authority=False",
        None,
        "auth.oauth_tenant_not_found",
        "https://github.com/Azure/azure-cli/pull/27494",
    ),
    (
        "ValueError: OIDC Discovery endpoint rejects our request",
        None,
        "auth.oauth_tenant_not_found",
        "https://github.com/Azure/azure-cli/issues/20744",
    ),
    # ---------------------------------------------------------------- Gmail / Google Workspace
    (
        "550 5.7.30 This mail has been blocked because DKIM does not pass. Gmail requires all "
        "large senders to authenticate with DKIM.",
        "data",
        "policy.dmarc_failed",
        GOOGLE,
    ),
    (
        "421 4.7.27 Your email has been rate limited because SPF authentication didn't pass for "
        "this message.",
        "data",
        "policy.dmarc_failed",
        GOOGLE,
    ),
    (
        "421 4.7.32 Your email has been rate limited because the From: header (RFC5322) in this "
        "message isn't aligned with either the authenticated SPF or DKIM organizational domain.",
        "data",
        "policy.dmarc_failed",
        GOOGLE,
    ),
    (
        "421 4.7.29 Your email has been rate limited because this message wasn't sent over a TLS "
        "connection. Gmail requires all bulk email senders to use TLS/SSL for SMTP connections.",
        "data",
        "policy.encryption_required",
        GOOGLE,
    ),
    (
        "550 5.4.5 Daily SMTP relay limit exceeded for user. For more information on SMTP relay "
        "sending limits please contact your administrator or visit SMTP relay service error "
        "messages.",
        "mail",
        "rate_limit.daily_limit",
        RELAY,
    ),
    (
        "450 4.2.1 Peak SMTP relay limit exceeded for customer",
        "rcpt",
        "rate_limit.throttled",
        RELAY,
    ),
    (
        "550 5.7.1 Invalid credentials for relay 192.0.2.1. The IP address you've registered in "
        "your Workspace SMTP Relay service doesn't match the domain of the account this email is "
        "being sent from.",
        "mail",
        "policy.relay_denied",
        GOOGLE,
    ),
    (
        "550 5.7.1 Messages missing a valid address in the From: header, or having no From: "
        "header, are not accepted.",
        "data",
        "sender.from_missing",
        GOOGLE,
    ),
    (
        "550 5.7.1 Encoded-word syntax is not permitted in message header header-name. To reduce "
        "the amount of spam sent to Gmail, this message has been blocked.",
        "data",
        "message.malformed",
        GOOGLE,
    ),
    (
        "501 5.5.4 HELO/EHLO argument is invalid. https://support.google.com/mail/?p=helo",
        "ehlo",
        "policy.helo_rejected",
        GOOGLE,
    ),
    (
        "523 5.7.10 SMTP protocol violation, no commands allowed to pipeline after STARTTLS, see "
        "RFC 3207.",
        "tls",
        "protocol.bad_sequence",
        GOOGLE,
    ),
    ("504 5.7.4 XOAUTH is no longer supported.", "auth", "auth.mechanism_unavailable", GOOGLE),
    (
        "550-5.7.1 [2a02:8109::1] Our system has detected that\n550-5.7.1 this message does not "
        "meet IPv6 sending guidelines regarding PTR\n550-5.7.1 records and authentication. "
        "Please review\n550 5.7.1  https://support.google.com/mail/?p=IPv6AuthError - gsmtp",
        "data",
        "policy.ptr_required",
        "https://github.com/qnikst/HaskellNet/issues/47",
    ),
    (
        "SMTP ERROR: Password command failed: 534-5.7.14",
        "auth",
        "auth.account_disabled",
        "https://github.com/PHPMailer/PHPMailer/issues/1071",
    ),
    # ---------------------------------------------------------------- other providers
    (
        "550 5.4.6 Unusual sending activity detected.",
        "mail",
        "auth.account_disabled",
        "sisimai/rb-sisimai: lib/sisimai/rhost/zoho.rb",
    ),
    (
        "554 This IP has been blocked for the day, for attempting to send too many messages "
        "containing content judged to be spam by the Internet community. IB111",
        "connect",
        "policy.spam_rejected",
        "sisimai/rb-sisimai: lib/sisimai/rhost/godaddy.rb",
    ),
    (
        "550 5.7.1 Your email was rejected due to having a domain present in the Spamhaus DBL -- "
        "see https://www.spamhaus.org/dbl/",
        "data",
        "message.content_rejected",
        "sisimai/rb-sisimai: lib/sisimai/rhost/apple.rb",
    ),
    (
        "reply: b'553 5.7.1 <smart@box.li>: Sender address rejected: not logged in\\r\\n'",
        "rcpt",
        "policy.authentication_required",
        "https://github.com/home-assistant/core/issues/154774",
    ),
    (
        "535 5.7.8 Error: authentication failed: Invalid authentication mechanism",
        "auth",
        "auth.mechanism_unavailable",
        "https://github.com/splitbrain/dokuwiki-plugin-smtp/issues/65",
    ),
    # ---------------------------------------------------------------- services and MTAs
    (
        "SMTP Error: data not accepted.SMTP server error: DATA END command failed Detail: "
        "5.2.252 SendAsDenied; c___m@example.org not allowed to send as e______s@example.org\n"
        "SMTP code: 554",
        "data",
        "sender.send_as_denied",
        "https://github.com/SinergiaTIC/SinergiaCRM/pull/1371",
    ),
    (
        "450 4.7.1 <smtp.digital.nuance.com>: Helo command rejected: Host not found",
        "rcpt",
        "policy.helo_rejected",
        "https://github.com/anonaddy/docker/issues/167",
    ),
    (
        "550 SMTP AUTH is required for message submission on port 587 (in reply to RCPT TO "
        "command)",
        "rcpt",
        "policy.authentication_required",
        "public Postfix log quoting an Exim reply (find_string 'SMTP AUTH is required')",
    ),
    (
        "554 5.7.1 <mymail@mydomain.com>: Recipient address rejected: Access denied",
        "rcpt",
        "recipient.rejected",
        "https://github.com/Turgon37/docker-smtp-relay/issues/25",
    ),
    (
        "451 Internal resource temporarily unavailable - "
        "https://community.mimecast.com/docs/DOC-1369#451 [XXXXX]",
        "rcpt",
        "policy.greylisted",
        "https://github.com/tianon/dockerfiles/issues/96",
    ),
    (
        "550 5.1.7 No such domain neko.example.com",
        "rcpt",
        "recipient.domain_not_found",
        "sisimai reason test samples (HostUnknown)",
    ),
    (
        "535 5.7.8 Authentication blocked due to too many failed attempts",
        "auth",
        "auth.too_many_attempts",
        "https://faq.cyberimpact.com/en/articles/1531",
    ),
    (
        "452 4.5.3 Daily message limit exceeded",
        "mail",
        "rate_limit.daily_limit",
        "https://emailit.com/docs/smtp/troubleshooting/",
    ),
    (
        "Unable to connect SMTP server:smtpout.mail.zoho.com Reason:Authentication failed:554 "
        "5.1.8 Sender Address Blocked",
        None,
        "auth.account_disabled",
        "help.zoho.com community thread 'issue-with-outgoing-mail'",
    ),
    (
        "SMTP Error: data not accepted.SMTP server error: DATA END command failed Detail: "
        "Message rejected: Sending paused for this account. For more information, please check "
        "the inbox of the email address associated with your AWS account.\n SMTP code: 554",
        "data",
        "auth.account_disabled",
        "a public repository's HTML page quoting PHPMailer (find_string 'Sending paused')",
    ),
    (
        "SMTP server error: You are not allowed to use the domain hotmail.com as a sender domain.",
        "mail",
        "sender.send_as_denied",
        "https://github.com/PHPMailer/PHPMailer/issues/304",
    ),
    (
        'smtplib.SMTPDataError: (554, b"Access denied: User `arn:aws:iam::381491960855:user/'
        "mwaa-ses' is not authorized to perform `ses:SendRawEmail' on resource "
        "`arn:aws:ses:eu-west-2:381491960855:identity/jacob.woffenden@justice.gov.uk'\")",
        None,
        "sender.send_as_denied",
        "https://github.com/ministryofjustice/analytical-platform/issues/6944",
    ),
    (
        "421 Domain sandbox123.mailgun.org is not allowed to send: Please activate your Mailgun "
        "account. Check your inbox or log in to your control panel to resend the activation "
        "email.",
        None,
        "auth.account_disabled",
        "https://github.com/Monstarrrr/rebutify/issues/162",
    ),
    (
        "550 5.7.515 Access denied, sending domain EXAMPLE.JP doesn't meet the required "
        "authentication level. The sender's domain in the 5322.From address doesn't meet the "
        "authentication requirements defined for the sender.",
        None,
        "policy.dmarc_failed",
        "https://github.com/sisimai/go-sisimai/issues/150",
    ),
    (
        "452 4.2.2 Quota exceeded for the current period",
        "mail",
        "rate_limit.daily_limit",
        "https://faq.cyberimpact.com/en/articles/1531",
    ),
    (
        "550 Access denied - Invalid HELO name (See RFC2821 4.1.1.1)",
        "mail",
        "policy.helo_rejected",
        "https://github.com/groovemonkey/hands_on_linux-self_hosted_wordpress_for_linux_beginners"
        "/issues/3",
    ),
    (
        "504 PLAIN authentication is not permitted by this server.",
        "auth",
        "auth.mechanism_unavailable",
        "https://github.com/Enough-Software/enough_mail/issues/53",
    ),
    (
        "SMTPRecipientsRefused: {u'admin@example.com': (501, '5.1.5 Recipient address reserved "
        "by RFC 2606')}",
        "rcpt",
        "recipient.address_invalid",
        "https://github.com/frappe/frappe/issues/8514",
    ),
    # ---------------------------------------------------------------- pasted errors
    (
        "2026-01-02 19:20:25 SMTP ERROR: Failed to connect to server: Connection timed out (110)",
        "connect",
        "connection.timeout",
        "https://github.com/ChurchCRM/CRM/issues/7892",
    ),
    (
        "2016/08/11 01:06:27 worker.go:230: x509: certificate is valid for smtp.gmail.com, not "
        "smtp.gmail.com:587",
        "tls",
        "tls.hostname_mismatch",
        "https://github.com/gophish/gophish/issues/159",
    ),
    (
        "System.IO.IOException: Authentication failed because the remote party has closed the "
        "transport stream.",
        "tls",
        "tls.handshake_failed",
        "https://github.com/jstedfast/MailKit/issues/427",
    ),
    (
        "javax.mail.MessagingException: Could not connect to SMTP host: smtp.xxxxxxxx.com, port: "
        "587;\n  nested exception is:\n    javax.net.ssl.SSLException: Unrecognized SSL message, "
        "plaintext connection?",
        "connect",
        "tls.port_expects_plaintext",
        "https://github.com/grails-plugins/grails-mail/issues/27",
    ),
    (
        "javax.mail.MessagingException: Could not connect to SMTP host: smtp.gmail.com, port: "
        "465;\n  nested exception is:\n\tjavax.net.ssl.SSLHandshakeException: No appropriate "
        "protocol (protocol is disabled or cipher suites are inappropriate)",
        "tls",
        "tls.protocol_version",
        "https://github.com/convertigo/convertigo/issues/514",
    ),
    (
        "com.sun.mail.util.MailConnectException: Couldn't connect to host, port: smtp.gmail.com, "
        "465; timeout -1;",
        "connect",
        "connection.failed",
        "https://github.com/brandonjenniges/JavaMail-API-Android/issues/3",
    ),
    (
        "javax.mail.MessagingException: Could not convert socket to TLS",
        "tls",
        "tls.handshake_failed",
        "https://github.com/ec-jrc/re3gistry/issues/137",
    ),
    (
        "Error: Unexpected socket close\n      at Timeout._onTimeout (E:\\Vince\\Projects\\"
        "notification-hub\\node_modules\\nodemailer\\lib\\smtp-transport\\index.js:190:31)",
        None,
        "connection.closed",
        "https://github.com/nodemailer/nodemailer/issues/1447",
    ),
    (
        "Error: unable to verify the first certificate",
        "tls",
        "tls.certificate_untrusted",
        "https://github.com/dawidd6/action-send-mail/issues/20",
    ),
    (
        "PHP Warning:  stream_socket_enable_crypto(): Peer certificate CN='*.example.com' did "
        "not match expected CN='email-smtp.us-east-1.amazonaws.com' in "
        "/library/PHPMailer/class.smtp.php on line 355",
        "tls",
        "tls.hostname_mismatch",
        "https://github.com/PHPMailer/PHPMailer/issues/722",
    ),
    (
        "Send email failed: x509: cannot validate certificate for 10.0.0.9 because it doesn't "
        "contain any IP SANs",
        "tls",
        "tls.hostname_mismatch",
        "https://github.com/goharbor/harbor/issues/5966",
    ),
    (
        "The client and server cannot communicate, because they do not possess a common algorithm.",
        "tls",
        "tls.protocol_version",
        "https://github.com/serilog/serilog-sinks-email/issues/80",
    ),
    (
        "Error: Client network socket disconnected before secure TLS connection was established",
        "tls",
        "tls.handshake_failed",
        "https://github.com/nodemailer/nodemailer/issues/1240",
    ),
    (
        'Error: Missing credentials for "PLAIN"',
        "auth",
        "auth.credentials_missing",
        "https://github.com/nodemailer/nodemailer/issues/1255",
    ),
    (
        'err="*smtp.plainAuth failed: unencrypted connection"',
        "auth",
        "auth.plaintext_refused",
        "https://github.com/prometheus/alertmanager/issues/1358",
    ),
    (
        "System.Net.Mail.SmtpException: Server does not support secure connections.",
        "ehlo",
        "tls.starttls_unavailable",
        "https://github.com/saucepleez/taskt/issues/230",
    ),
    (
        "System.IO.IOException: An existing connection was forcibly closed by the remote host "
        "---> System.Net.Sockets.SocketException: An existing connection was forcibly closed by "
        "the remote host",
        None,
        "connection.closed",
        "https://github.com/jstedfast/MailKit/issues/1414",
    ),
    (
        "[v0.2.0.375] System.Net.Mail.SmtpException: Failure sending mail. ---> "
        "System.Net.WebException: The remote name could not be resolved: 'smtp.google.com'",
        "connect",
        "connection.host_not_found",
        "https://github.com/Radarr/Radarr/issues/866",
    ),
    (
        "SMTP ERROR: Failed to connect to server: Permission denied (13)",
        "connect",
        "connection.refused",
        "https://github.com/phpipam/phpipam/issues/3265",
    ),
    (
        "MailKit.Security.SslHandshakeException: An error occurred while attempting to establish "
        "an SSL or TLS connection.\n\nWhen connecting to an SMTP service, port 587 is typically "
        "reserved for plain-text connections. If you intended to connect to SMTP on the SSL "
        "port, try connecting to port 465 instead.",
        "tls",
        "tls.port_expects_plaintext",
        "https://github.com/datalust/seq-app-htmlemail/issues/85",
    ),
]


@pytest.mark.parametrize(("failure", "stage", "kind", "source"), ROWS, ids=[r[2] for r in ROWS])
def test_public_text(failure: Any, stage: str | None, kind: str, source: str) -> None:
    assert classify(failure, stage=stage).kind == kind, source


def test_a_provider_domain_inside_an_address_names_no_provider() -> None:
    # A Postfix server refusing <john@yahoo.com> is not Yahoo; a Yahoo trace id is.
    unknown_user = "550 5.1.1 <john@yahoo.com>: Recipient address rejected: User unknown"
    assert classify(unknown_user).provider is None
    assert classify("421 4.7.0 [TSS04] Messages from 192.0.2.25 temporarily deferred").provider
    assert classify("421 Message from (192.0.2.1) temporarily deferred").provider is None


def test_the_innermost_recognised_cause_decides() -> None:
    # The outer Java message alone says only "could not connect".
    outer = "javax.mail.MessagingException: Could not connect to SMTP host: smtp.example.com"
    assert classify(outer).kind == "connection.failed"
    nested = outer + ";\n  nested exception is:\n\tjava.net.ConnectException: Connection refused"
    assert classify(nested).kind == "connection.refused"
    # An unrecognised inner part leaves the outer answer standing.
    assert classify(outer + "; nested exception is: something odd").kind == "connection.failed"
