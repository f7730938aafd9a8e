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
    "PROVIDERS",
    "RULES",
    "ProviderSignature",
    "Rule",
]


@dataclass(frozen=True, slots=True)
class Rule:
    """One row: a reply that matches all given conditions means ``kind``.

    ``codes`` are reply codes separated by spaces (``"550 553"``) or a class (``"5xx"``);
    ``enhanced`` an RFC 3463 code (``"5.7.139"``); ``stages`` stage values separated by spaces
    (``"mail rcpt"``), the rule applies only when the stage is unknown or one of them; ``text`` a
    case-insensitive regular expression; ``provider`` the provider whose reply this is (reported
    when the reply itself names no provider).
    """

    kind: str
    codes: str = ""
    enhanced: str = ""
    text: str = ""
    stages: str = ""
    provider: str | None = None
    src: str = ""


def R(
    kind: str,
    codes: str = "",
    enhanced: str = "",
    text: str = "",
    *,
    stages: str = "",
    provider: str | None = None,
    src: str = "",
) -> Rule:
    return Rule(kind, codes, enhanced, text, stages, provider, src)


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
_SISIMAI = "sisimai/p5-sisimai: lib/Sisimai/Reason"

#: Reply rules, most specific first within each tier (see the engine for the tiers).
RULES: tuple[Rule, ...] = (
    # ---------------------------------------------------------------------------------------
    # Microsoft 365 / Exchange Online / Outlook.com
    # "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the
    # Tenant. Visit https://aka.ms/smtp_auth_disabled ..."  (simonrob/email-oauth2-proxy#193)
    R(
        "auth.smtp_auth_disabled",
        "535",
        "5.7.139",
        r"smtpclientauthentication is disabled|smtp_auth_disabled",
        provider=MS,
        src="https://github.com/simonrob/email-oauth2-proxy/issues/193",
    ),
    # "535 5.7.139 Authentication unsuccessful, basic authentication is disabled."
    R(
        "auth.basic_auth_disabled",
        "535",
        "5.7.139",
        r"basic authentication is disabled",
        provider=MS,
        src="https://github.com/rpremraj/mailR/issues/107",
    ),
    # "535 5.7.139 Authentication unsuccessful, the user credentials were incorrect."
    R(
        "auth.invalid_credentials",
        "535",
        "5.7.139",
        r"credentials were incorrect",
        provider=MS,
        src=_MS_SMTP_AUTH,
    ),
    # "535 5.7.139 Authentication unsuccessful, account locked due to too many failed logins" /
    # "... user is locked by your organization's security defaults policy."
    R(
        "auth.account_disabled",
        "535",
        "5.7.139",
        r"user is locked|account locked|account is disabled|security defaults",
        provider=MS,
        src=_MS_SMTP_AUTH,
    ),
    R("auth.basic_auth_disabled", "535", "5.7.139", provider=MS, src=_MS_SMTP_AUTH),
    # "535 5.7.3 Authentication unsuccessful [BN3PR03CA0067.namprd03.prod.outlook.com]"
    R(
        "auth.invalid_credentials",
        "535",
        "5.7.3",
        stages="auth",
        provider=MS,
        src="https://github.com/jstedfast/MailKit/issues/700",
    ),
    # "530 5.7.57 Client not authenticated to send mail. Error: 535 5.7.139 ..." - the inner
    # 5.7.139 text decides; without it this is an unauthenticated MAIL FROM.
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
    # "530 5.7.57 SMTP; Client was not authenticated to send anonymous mail during MAIL FROM"
    R("policy.authentication_required", "", "5.7.57", provider=MS, src=_MS_NDR),
    # "550 5.7.60 SMTP; Client does not have permissions to send as this sender"
    R(
        "sender.send_as_denied",
        "",
        "5.7.60",
        provider=MS,
        src="https://github.com/swiftmailer/swiftmailer/issues/1030",
    ),
    # "554 5.2.0 STOREDRV.Submission.Exception:SendAsDeniedException.MapiExceptionSendAsDenied"
    # "554 5.2.252 SendAsDenied; x not allowed to send as y; STOREDRV.Submission.Exception..."
    R(
        "sender.send_as_denied",
        "",
        "",
        r"sendasdenied|send as this sender|not allowed to send as|"
        r"permission to send as|permissions to send as",
        src="https://github.com/MicrosoftDocs/OfficeDocs-Support/issues/1187",
    ),
    # "550 5.7.708 Service unavailable. Access denied, traffic not accepted from this IP."
    R("policy.ip_blocklisted", "", "5.7.708", provider=MS, src=_MS_NDR),
    # "550 5.7.606 Access denied, banned sending IP [198.51.100.222]. To request removal ...
    # sender.office.com"  (sisimai corpus; NDR list 5.7.606-649)
    R(
        "policy.ip_blocklisted",
        "",
        "",
        r"banned sending ip|traffic not accepted from this ip|sender\.office\.com",
        provider=MS,
        src=_MS_NDR,
    ),
    # "451 4.7.500 Server busy. Please try again later from [x]. (S77719)"
    R("rate_limit.throttled", "", "4.7.500", provider=MS, src=_MS_NDR),
    # "554 5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException"
    R("recipient.mailbox_full", "", "", r"quotaexceeded|mailbox full|mailbox is full", src=_MS_NDR),
    # "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup"
    R(
        "recipient.unknown",
        "",
        "",
        r"resolver\.adr\.recip|recipnotfound|recipientnotfound|recipient not found",
        src=_MS_NDR,
    ),
    # "550 5.7.509 Access denied, sending domain [X] does not pass DMARC verification"
    R("policy.dmarc_failed", "", "5.7.509", provider=MS, src=_MS_NDR),
    # "4.7.650 The mail server [x] has been temporarily rate limited due to IP reputation."
    R("rate_limit.throttled", "", "4.7.650", provider=MS, src=_MS_NDR),
    # "550 5.4.1 Recipient address rejected: Access denied. AS(201806281)" (directory based
    # edge blocking: the address does not exist in the tenant)
    R(
        "recipient.unknown",
        "550",
        "5.4.1",
        r"recipient address rejected: access denied",
        provider=MS,
        src=_MS_NDR,
    ),
    # "5.7.3 ... Authentication unsuccessful" outside AUTH, and "Mailbox unavailable" texts.
    R(
        "auth.too_many_attempts",
        "",
        "",
        r"too many (?:failed )?(?:login|auth|authentication) (?:attempts|failures)|"
        r"too many bad auth|too many invalid logins|login attempts exceeded",
        src="https://support.google.com/mail/answer/7126229",
    ),
    # ---------------------------------------------------------------------------------------
    # Gmail / Google Workspace   (https://support.google.com/a/answer/3726730)
    # "534-5.7.9 Application-specific password required. Learn more at ... InvalidSecondFactor"
    R(
        "auth.app_password_required",
        "534",
        "",
        r"application-specific password|invalidsecondfactor",
        provider=GMAIL,
        src="https://github.com/iiuni/projektzapisy/issues/727",
    ),
    R(
        "auth.app_password_required",
        "",
        "",
        r"application-specific password|app password|invalidsecondfactor",
        src="https://github.com/mageplaza/magento-2-smtp/issues/181",
    ),
    # "534-5.7.14 <https://accounts.google.com/signin/continue?...> Please log in via your web
    # browser and then try again."
    R(
        "auth.account_disabled",
        "534",
        "5.7.14",
        provider=GMAIL,
        src=_GMAIL_CODES,
    ),
    R(
        "auth.account_disabled",
        "",
        "",
        r"log in via your web browser|webloginrequired|please log in with your web browser",
        src=_GMAIL_CODES,
    ),
    # "535-5.7.8 Username and Password not accepted. Learn more at ... BadCredentials"
    R(
        "auth.invalid_credentials",
        "",
        "",
        r"username and password not accepted|badcredentials|"
        r"authentication credentials invalid|invalid credentials|"
        r"authentication failed|authentication unsuccessful|"
        r"incorrect authentication data|invalid login|bad username or password|"
        r"incorrect password|invalid user name or password|login failed",
        stages="auth",
        src="https://github.com/PHPMailer/PHPMailer/issues/1708",
    ),
    # "550 5.4.5 Daily user sending limit exceeded."
    R(
        "rate_limit.daily_limit",
        "",
        "",
        r"daily (?:user )?sending (?:quota|limit)|daily message quota|daily limit|"
        r"sending limit exceeded|quota exceeded for|maximum sending quota",
        src=_GMAIL_CODES,
    ),
    # "421-4.7.0 Try again later, closing connection." / "421 4.7.28 ... unusual rate"
    R(
        "rate_limit.throttled",
        "",
        "4.7.28",
        provider=GMAIL,
        src=_GMAIL_CODES,
    ),
    # "550-5.7.26 Unauthenticated email from example.com is not accepted due to domain's DMARC
    # policy."  "550-5.7.26 This mail has been blocked because the sender is unauthenticated."
    R(
        "policy.dmarc_failed",
        "",
        "",
        r"dmarc|spf (?:check|fail|validation)|bad spf|spf record|failed spf|"
        r"dkim|unauthenticated email|sender is unauthenticated|"
        r"multiple authentication checks failed|not pass authentication",
        src=_GMAIL_CODES,
    ),
    R("policy.dmarc_failed", "", "5.7.26", src=_GMAIL_CODES),
    # "550-5.7.1 [x] Our system has detected that this message is likely unsolicited mail."
    R(
        "policy.spam_rejected",
        "",
        "",
        r"likely unsolicited|unsolicited mail|looks like spam|detected as spam|as spam|"
        r"spam message|spam content|identified as spam|considered spam|spam detected|"
        r"message is spam|spamassassin|content filter rejected|rejected due to spam|"
        r"high probability of spam|suspected spam|spam score|bulk mail|message content rejected",
        src=_GMAIL_CODES,
    ),
    # "550-5.2.1 The email account that you tried to reach is disabled." / "... is inactive"
    R(
        "recipient.disabled",
        "",
        "",
        r"account that you tried to reach is (?:disabled|inactive)|disableduser|"
        r"account (?:has been |is )?(?:disabled|discontinued|suspended|frozen|locked|inactive)|"
        r"mailbox (?:is )?(?:disabled|inactive|frozen|suspended)|disabled recipient|"
        r"recipient account is blocked|inactive email address|temporary locked|"
        r"user account (?:is )?(?:disabled|expired|suspended)|account is locked",
        stages="rcpt data",
        src=_GMAIL_CODES,
    ),
    # "550-5.1.1 The email account that you tried to reach does not exist."
    R(
        "recipient.unknown",
        "",
        "",
        r"account that you tried to reach does not exist|address couldn't be found|"
        r"user unknown|unknown user|no such user|user not found|no mailbox here|"
        r"mailbox unavailable|mailbox not found|invalid recipient|unknown recipient|"
        r"recipient unknown|no such mailbox|user doesn't exist|user does not exist|"
        r"user not exist|address rejected|unknown address|not listed in|"
        r"recipient rejected|no such recipient|doesn't have a|does not have an? |"
        r"invalid mailbox|mailbox does not exist|address does not exist|"
        r"is not a valid mailbox|unrouteable address|unknown local part|"
        r"user is unknown|addressee unknown|invalid address|not our customer|"
        r"recipient does not exist|account does not exist|no valid recipients|"
        r"invalid final delivery|bad destination mailbox",
        stages="rcpt data connect ehlo",
        src=_POSTFIX,
    ),
    R("policy.dmarc_failed", "", "5.7.26", src=_GMAIL_CODES),
    # "452-4.2.2 The email account that you tried to reach is over quota."
    R(
        "recipient.mailbox_full",
        "",
        "",
        r"over quota|overquota|quota exceeded|mailbox full|mailbox is full|"
        r"exceeded storage|insufficient (?:disk )?space|mailbox size limit|"
        r"exceed(?:s|ed)? (?:the )?(?:mailbox )?quota|disk quota|full mailbox|"
        r"out of storage|storage (?:quota|limit)|user has exceeded",
        stages="rcpt data",
        src=_GMAIL_CODES,
    ),
    # "552-5.2.3 Your message exceeded Google's message size limits."
    R(
        "message.too_large",
        "",
        "",
        r"message size exceeds|size limit|message too large|message is too large|"
        r"too big|exceeds? (?:the )?(?:maximum|max)?\s*(?:message )?size|"
        r"message length exceeds|mail size|databytes limit|message exceeded|"
        r"message file too big|exceeded the size|size exceeds",
        src=_GMAIL_CODES,
    ),
    # ---------------------------------------------------------------------------------------
    # Yahoo / AOL   (https://senders.yahooinc.com/smtp-error-codes/)
    # "421 4.7.0 [TSS04] Messages from x temporarily deferred due to unexpected volume or user
    # complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes"
    R(
        "rate_limit.throttled",
        "",
        "",
        r"\[ts(?:s)?0[1-4]\]|temporarily deferred|unexpected volume",
        provider=YAHOO,
        src=_YAHOO_CODES,
    ),
    # "553 5.7.1 [BL21] Connections will not be accepted from x, because the ip is in
    # Spamhaus's list"
    R("policy.ip_blocklisted", "", "", r"\[bl2[1-3]\]", provider=YAHOO, src=_YAHOO_CODES),
    # "554 5.7.9 Message not accepted for policy reasons."
    R(
        "policy.rejected",
        "554",
        "5.7.9",
        r"not accepted for policy reasons",
        provider=YAHOO,
        src=_YAHOO_CODES,
    ),
    # ---------------------------------------------------------------------------------------
    # Amazon SES    (https://docs.aws.amazon.com/ses/latest/dg/troubleshoot-error-messages.html)
    # "554 Message rejected: Email address is not verified. The following identities failed the
    # check in region US-EAST-1: x"
    R(
        "sender.not_verified",
        "",
        "",
        r"email address is not verified|identities failed the check|"
        r"not a verified sender|verified sender identity|domain is not verified|"
        r"sender signature|unverified sender|not verified",
        src="https://github.com/sul-dlss/dlme/issues/813",
    ),
    # "454 Throttling failure: Maximum sending rate exceeded."
    # "454 Throttling failure: Daily message quota exceeded."
    R("rate_limit.daily_limit", "", "", r"daily message quota", src=_SES),
    R("rate_limit.throttled", "", "", r"throttling|maximum sending rate|rate exceeded", src=_SES),
    # ---------------------------------------------------------------------------------------
    # Relaying and authentication required (Postfix, Sendmail, qmail, Exim, Exchange)
    # Postfix: "554 5.7.1 <x>: Relay access denied"; Sendmail: "550 5.7.1 <x>... Relaying
    # denied"; qmail: "553 sorry, that domain isn't in my list of allowed rcpthosts (#5.7.1)";
    # Exim: "550 relay not permitted"; Exchange: "550 5.7.54 SMTP; Unable to relay recipient in
    # non-accepted domain"; Zoho: "553 Relaying disallowed"
    R(
        "policy.relay_denied",
        "",
        "",
        r"relay access denied|relaying denied|relay not permitted|relaying disallowed|"
        r"unable to relay|not permitted to relay|relay denied|relaying not allowed|"
        r"no relay|allowed rcpthosts|not configured to relay|insecure mail relay|"
        r"relay prohibited|we do not relay|open relay|5\.7\.54",
        src=_POSTFIX,
    ),
    # "530 5.7.0 Must issue a STARTTLS command first" (Postfix, Gmail)
    R(
        "policy.encryption_required",
        "",
        "",
        r"must issue a starttls|starttls (?:is )?required|encryption required|"
        r"tls required|requires? (?:a )?(?:secure|encrypted) connection|"
        r"must use starttls|issue starttls",
        src="https://github.com/python/cpython: Lib/test/test_smtplib.py",
    ),
    # "530 5.7.0 Authentication required" / "530 5.7.1 Client was not authenticated"
    R(
        "policy.authentication_required",
        "",
        "",
        r"authentication required|authentication is required|not authenticated|"
        r"must authenticate|auth required|please authenticate|requires authentication|"
        r"sender address rejected: not logged in|smtp auth required|login required",
        stages="mail rcpt data ehlo connect",
        src=_POSTFIX,
    ),
    # Postfix: "553 5.7.1 <x>: Sender address rejected: not owned by user y"
    R(
        "sender.send_as_denied",
        "",
        "",
        r"not owned by user|not owned by",
        src=_POSTFIX,
    ),
    # Postfix: "450 4.1.8 <x>: Sender address rejected: Domain not found";
    # Sendmail: "553 5.1.8 <x>... Domain of sender address x does not exist"
    R(
        "sender.domain_invalid",
        "",
        "",
        r"domain of sender address|sender address rejected: domain not found|"
        r"sender domain|unresolvable sender|sender address rejected: unverified",
        src=_POSTFIX,
    ),
    # ---------------------------------------------------------------------------------------
    # Blocklists, reverse DNS, reputation
    R(
        "policy.ptr_required",
        "",
        "",
        r"reverse dns|cannot find your hostname|cannot find your reverse hostname|"
        r"no ptr|ptr record|rdns|reverse lookup|reverse hostname|ip name lookup failed|"
        r"does not resolve|reverse (?:dns )?(?:lookup|resolution)|"
        r"not have a valid (?:reverse|ptr)|hostname lookup failed",
        src=_POSTFIX,
    ),
    # Postfix: "554 5.7.1 Service unavailable; Client host [x] blocked using zen.spamhaus.org"
    R(
        "policy.ip_blocklisted",
        "",
        "",
        r"blocked using|blacklist|blocklist|spamhaus|spamcop|sorbs|barracudacentral|"
        r"listed (?:at|on|in|by)|dnsbl|rbl|bad reputation|poor reputation|"
        r"ip reputation|reputation|your ip|client host rejected|client host blocked|"
        r"ip address (?:has been )?(?:blocked|banned)|connection refused by|"
        r"not accepted from|dynamic ip|dial-?up|residential|access denied|"
        r"blocked by|has been blocked|is blocked|banned|bloquee",
        stages="connect ehlo mail rcpt data",
        src=_POSTFIX,
    ),
    # ---------------------------------------------------------------------------------------
    # Recipient domain and routing
    R(
        "recipient.domain_not_accepting",
        "",
        "",
        r"does not accept mail|doesn't receive email|no smtp service|null mx|"
        r"not accept(?:ing)? mail|does not receive (?:e)?mail|no mx",
        src=_SISIMAI,
    ),
    R(
        "recipient.domain_not_found",
        "",
        "",
        r"host or domain name not found|domain not found|domain does not exist|"
        r"no such domain|host unknown|unknown host|invalid domain|illegal host|"
        r"couldn't find any host|host not found|bad destination system|"
        r"domain is not reachable|nxdomain|domain name not found|unrouteable|"
        r"not a valid domain|mx lookup|name service error",
        src=_POSTFIX,
    ),
    R(
        "recipient.moved",
        "",
        "",
        r"has moved|user not local|no longer (?:valid|available|with|at)|new address",
        src=_SISIMAI,
    ),
    # ---------------------------------------------------------------------------------------
    # Greylisting, rates, too many recipients
    R(
        "policy.greylisted",
        "",
        "",
        r"greylist|graylist|grey-list|try again later.*greylist|postgrey",
        src="postfix-policyd / postgrey: 'Recipient address rejected: Greylisted'",
    ),
    R(
        "recipient.too_many",
        "",
        "",
        r"too many recipients|too many rcpt|recipient limit|maximum (?:number of )?recipients|"
        r"rcpt limit",
        src=_POSTFIX,
    ),
    R(
        "rate_limit.too_many_connections",
        "",
        "",
        r"too many (?:concurrent |simultaneous |open )?connections|connection limit|"
        r"too many sessions|max connections",
        src=_POSTFIX,
    ),
    R(
        "rate_limit.throttled",
        "",
        "",
        r"rate limit|too many messages|sending rate|try again later|too fast|"
        r"rate of|unusual rate|exceeded the rate|ratelimit|too many emails|"
        r"slow down|unusual sending activity",
        src=_GMAIL_CODES,
    ),
    # ---------------------------------------------------------------------------------------
    # Content, viruses, format
    R(
        "policy.virus_detected",
        "",
        "",
        r"virus|malware|infected|trojan|worm found|phishing",
        src=_SISIMAI,
    ),
    R(
        "message.malformed",
        "",
        "",
        r"rfc ?5322|rfc ?2822|rfc ?822|not compliant|malformed|message-id|"
        r"invalid header|header error|missing header|bare lf|line too long|"
        r"headers? (?:are|is) (?:not |in)valid|duplicate header",
        src=_SISIMAI,
    ),
    R(
        "message.content_rejected",
        "",
        "",
        r"content rejected|attachment|prohibited content|content not allowed|"
        r"banned content|forbidden content|file type",
        src=_SISIMAI,
    ),
    # ---------------------------------------------------------------------------------------
    # Login mechanisms
    R(
        "auth.mechanism_unavailable",
        "",
        "",
        r"unrecognized authentication type|unsupported authentication mechanism|"
        r"mechanism not supported|authentication mechanism is too weak|"
        r"no suitable authentication",
        src="https://github.com/aio-libs/aiosmtpd: aiosmtpd/smtp.py",
    ),
    # ---------------------------------------------------------------------------------------
    # Server trouble
    R(
        "server.insufficient_storage",
        "",
        "",
        r"insufficient system storage|insufficient storage|queue file write error|"
        r"disk full|no space left",
        src=_POSTFIX,
    ),
    R(
        "server.error",
        "",
        "",
        r"internal (?:server |system )?error|local error|system error|"
        r"error in processing|temporary failure|temporary error|could not load|"
        r"unable to contact ldap|transaction failed|insufficient permission",
        src=_POSTFIX,
    ),
    R(
        "server.unavailable",
        "",
        "",
        r"service (?:currently |temporarily )?(?:not )?(?:un)?available|"
        r"service refused|shutting down|closing transmission channel|server busy",
        src=_POSTFIX,
    ),
    # ---------------------------------------------------------------------------------------
    # Exact enhanced codes (RFC 3463, RFC 7372) that decide on their own, used after the text
    # rules. Sources: RFC 3463 §3, RFC 7372 §3, RFC 4954 §6.
    R("recipient.unknown", "", "5.1.1", stages="rcpt data", src="RFC 3463 §3.2 X.1.1"),
    R("recipient.unknown", "", "5.1.10", src="RFC 7505 / Exchange Online NDR 5.1.10"),
    R("recipient.domain_not_found", "", "5.1.2", stages="rcpt data", src="RFC 3463 X.1.2"),
    R("recipient.moved", "", "5.1.6", stages="rcpt data", src="RFC 3463 X.1.6"),
    R("sender.domain_invalid", "", "5.1.8", src="RFC 3463 X.1.8"),
    R("sender.domain_invalid", "", "4.1.8", src="RFC 3463 X.1.8"),
    R("sender.rejected", "", "5.1.7", src="RFC 3463 X.1.7"),
    R("recipient.disabled", "", "5.2.1", stages="rcpt", src="RFC 3463 X.2.1"),
    R("recipient.mailbox_full", "", "5.2.2", src="RFC 3463 X.2.2"),
    R("recipient.mailbox_full", "", "4.2.2", src="RFC 3463 X.2.2"),
    R("message.too_large", "", "5.2.3", src="RFC 3463 X.2.3"),
    R("message.too_large", "", "5.3.4", src="RFC 3463 X.3.4"),
    R("server.insufficient_storage", "", "4.3.1", src="RFC 3463 X.3.1"),
    R("recipient.too_many", "", "4.5.3", src="RFC 3463 X.5.3"),
    R("recipient.too_many", "", "5.5.3", src="RFC 3463 X.5.3"),
    R("auth.invalid_credentials", "", "5.7.8", src="RFC 4954 §6"),
    R("auth.mechanism_unavailable", "", "5.7.9", stages="auth", src="RFC 4954 §6"),
    R("policy.encryption_required", "", "5.7.11", src="RFC 4954 §6"),
    R("policy.encryption_required", "", "5.7.10", src="RFC 5248 X.7.10"),
    R("auth.account_disabled", "", "5.7.13", stages="auth", src="RFC 5248 X.7.13"),
    R("recipient.disabled", "", "5.7.13", stages="rcpt data", src="RFC 5248 X.7.13"),
    R("policy.dmarc_failed", "", "5.7.23", src="RFC 7372 X.7.23 (SPF)"),
    R("policy.dmarc_failed", "", "5.7.20", src="RFC 7372 X.7.20 (DKIM)"),
    R("policy.dmarc_failed", "", "5.7.25", src="RFC 7372 X.7.25"),
    R("policy.ptr_required", "", "5.7.25", stages="connect ehlo", src="RFC 7372 X.7.25"),
    R("message.too_large", "552", "", stages="data", src="RFC 5321 §4.5.3.1.10"),
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
    ProviderSignature(
        MS,
        (
            "prod.outlook.com",
            "protection.outlook.com",
            "storedrv",
            "aka.ms/",
            "smtpclientauthentication",
            "outlook.office365.com",
            "resolver.adr",
        ),
        ("office365.com", "protection.outlook.com", "outlook.office.com"),
        src=_MS_NDR,
    ),
    ProviderSignature(
        "Outlook.com",
        ("hotmail.com", "outlook.com", "live.com"),
        ("outlook.com", "hotmail.com", "live.com"),
        src=_MS_NDR,
    ),
    ProviderSignature(
        GMAIL,
        ("- gsmtp", "support.google.com", "gmail-smtp", "google.com/mail"),
        ("gmail.com", "google.com", "googlemail.com"),
        src=_GMAIL_CODES,
    ),
    ProviderSignature(
        YAHOO,
        ("yahooinc.com", "[tss0", "[ts0", "yahoo.com", "[bl2", "aol.com"),
        ("yahoodns.net", "yahoo.com", "aol.com", "yahoo.co.jp"),
        src=_YAHOO_CODES,
    ),
    ProviderSignature(
        "iCloud",
        ("icloud.com", "support.apple.com", "me.com"),
        ("icloud.com", "me.com", "mac.com", "apple.com"),
        src="https://support.apple.com/en-us/102322",
    ),
    ProviderSignature(
        "Zoho",
        ("zoho.com", "zohomail"),
        ("zoho.com", "zoho.eu", "zoho.in", "zohomail.com"),
        src="https://www.zoho.com/mail/help/smtp-error-codes.html",
    ),
    ProviderSignature(
        "Amazon SES",
        ("amazonses", "identities failed the check", "throttling failure"),
        ("amazonaws.com", "amazonses.com"),
        src=_SES,
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
        ("pphosted.com", "proofpoint", "ppe-hosted.com"),
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
        ("barracudanetworks.com", "ess.barracudanetworks.com"),
        src="https://campus.barracuda.com/product/emailsecuritygateway/doc/3866674/",
    ),
    ProviderSignature(
        "GoDaddy",
        ("secureserver.net",),
        ("secureserver.net",),
        src="https://www.godaddy.com/help/",
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
    50076: "auth.basic_auth_disabled",  # MFA required: a password-only login is refused.
    50079: "auth.basic_auth_disabled",  # The user must enroll in MFA.
    50053: "auth.too_many_attempts",  # Account is locked (smart lockout).
    50057: "auth.account_disabled",  # The user account is disabled.
    50055: "auth.account_disabled",  # The password is expired.
    65001: "auth.oauth_permission_missing",  # The user or administrator has not consented.
    500011: "auth.oauth_permission_missing",  # Resource principal not found in the tenant.
    7000112: "auth.oauth_app_not_found",  # Application is disabled.
    70011: "auth.oauth_scope_invalid",  # The provided value for the input parameter 'scope'.
    1002012: "auth.oauth_scope_invalid",  # The provided value for scope ... is not valid.
    70000: "auth.oauth_scope_invalid",  # The request was denied because scopes are invalid.
    700024: "auth.oauth_token_invalid",  # Client assertion is not within its valid time range.
    700027: "auth.oauth_token_invalid",  # Client assertion failed signature validation.
    7000218: "auth.oauth_secret_invalid",  # client_assertion or client_secret missing.
    50011: "auth.oauth_app_not_found",  # The reply URL does not match.
    700054: "auth.oauth_permission_missing",  # response_type 'id_token' is not enabled.
    50173: "auth.oauth_token_invalid",  # The provided grant has expired.
    70008: "auth.oauth_token_invalid",  # The refresh token has expired.
    53003: "auth.basic_auth_disabled",  # Blocked by Conditional Access.
}
