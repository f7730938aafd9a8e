"""The catalogue of diagnosis kinds, kept as data (no I/O).

Each :class:`CatalogueEntry` says, for one stable kind id, what people read: the title, what it
means, its common causes and what to do (for the user, and what to ask the IT team), the settings
fields involved and whether retrying can help. :func:`make_diagnosis` turns an entry plus the
specific finding into a :class:`~smtpdiag.Diagnosis`. The engines (validator, classifier, sender)
only pick kinds; all wording lives here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from ._diagnosis import Audience, Category, Diagnosis, Remedy, Reply, Severity, Stage

__all__ = ["CATALOGUE", "CatalogueEntry", "make_diagnosis"]

U = Audience.USER
A = Audience.ADMIN


@dataclass(frozen=True, slots=True)
class CatalogueEntry:
    """Everything that is always true of one diagnosis kind."""

    kind: str
    title: str
    meaning: str
    causes: tuple[str, ...]
    remedies: tuple[Remedy, ...]
    fields: tuple[str, ...] = ()
    retryable: bool = False
    severity: Severity = Severity.ERROR

    @property
    def category(self) -> Category:
        return Category(self.kind.split(".", 1)[0])


def _e(
    kind: str,
    title: str,
    meaning: str,
    causes: Iterable[str],
    remedies: Iterable[tuple[Audience, str]],
    *,
    fields: Iterable[str] = (),
    retryable: bool = False,
    severity: Severity = Severity.ERROR,
) -> CatalogueEntry:
    return CatalogueEntry(
        kind=kind,
        title=title,
        meaning=meaning,
        causes=tuple(causes),
        remedies=tuple(Remedy(text, audience) for audience, text in remedies),
        fields=tuple(fields),
        retryable=retryable,
        severity=severity,
    )


_FOUNDATION_ENTRIES: tuple[CatalogueEntry, ...] = (
    # ----------------------------------------------------------------------------------------
    # config: found in the settings before anything touches the network
    _e(
        "config.host_missing",
        "No SMTP server is set",
        "The SMTP Server field is empty, so there is nowhere to send the mail.",
        ["The SMTP Server field was left blank.", "A settings layer cleared the value."],
        [
            (
                U,
                "Enter your provider's SMTP server name, for example smtp.office365.com or "
                "smtp.gmail.com.",
            ),
            (A, "Ask your IT team which SMTP relay or submission server applications should use."),
        ],
        fields=["host"],
    ),
    _e(
        "config.host_invalid",
        "The SMTP server name is not valid",
        "The SMTP Server field must hold only a host name (such as smtp.example.com) or an IP "
        "address. What it holds now cannot be looked up.",
        [
            "A URL scheme such as smtp:// or https:// was typed in front of the name.",
            "The port was appended to the name (smtp.example.com:587) instead of being entered in "
            "the SMTP Port field.",
            "An email address was entered instead of the server name.",
            "The name contains spaces or characters that are not allowed in host names.",
        ],
        [
            (
                U,
                "Enter only the server name, for example smtp.example.com, and put the port number "
                "in the SMTP Port field.",
            )
        ],
        fields=["host"],
    ),
    _e(
        "config.host_unresolvable",
        "The SMTP server name does not exist",
        "The DNS has no address for the SMTP server name, so no connection can be made.",
        [
            "The server name is misspelled.",
            "The name only exists on an internal network or VPN that this machine is not on.",
        ],
        [
            (
                U,
                "Check the spelling of the SMTP server name against your provider's documentation.",
            ),
            (
                A,
                "Ask your IT team whether the server name is only resolvable inside the company "
                "network.",
            ),
        ],
        fields=["host"],
    ),
    _e(
        "config.dns_unchecked",
        "The DNS could not be checked",
        "A DNS lookup did not answer in time, so this check could not be made. This is not an "
        "error in the settings.",
        [
            "The DNS resolver is slow or unreachable from this machine.",
            "This machine has no network access.",
        ],
        [(U, "Try again later, or check this machine's network and DNS settings.")],
        retryable=True,
        severity=Severity.INFO,
    ),
    _e(
        "config.port_invalid",
        "The SMTP port is not valid",
        "The SMTP Port must be a whole number from 1 to 65535. Mail submission normally uses "
        "port 587 (TLS / STARTTLS) or 465 (SSL).",
        [
            "The port field holds text that is not a number.",
            "The number is outside the range 1 to 65535.",
        ],
        [
            (
                U,
                "Enter 587 with Secure Connection set to TLS, or 465 with SSL, as your provider "
                "documents.",
            )
        ],
        fields=["port"],
    ),
    _e(
        "config.port_security_mismatch",
        "The port and the Secure Connection setting do not match",
        "Port 465 expects SSL (implicit TLS: encryption starts immediately), while ports 587 "
        "and 25 expect a plain start that is upgraded with STARTTLS (TLS). With this "
        "combination the connection either hangs until it times out or fails with a "
        "'wrong version number' error.",
        [
            "The port was changed without changing Secure Connection, or the other way round.",
            "The provider's documentation says 'TLS' for port 587 and it was read as SSL.",
        ],
        [(U, "Use port 465 with Secure Connection set to SSL, or port 587 with TLS (STARTTLS).")],
        fields=["port", "security"],
    ),
    _e(
        "config.security_none",
        "The connection is not encrypted",
        "Secure Connection is set to None, so the password and the messages travel over the "
        "network in clear, and most providers refuse to log in or to send without encryption.",
        [
            "Secure Connection was left at None.",
            "An internal relay that accepts plaintext is used on purpose.",
        ],
        [
            (
                U,
                "Set Secure Connection to TLS (port 587) or SSL (port 465) unless you use an "
                "internal relay that does not support encryption.",
            )
        ],
        fields=["security"],
        severity=Severity.WARNING,
    ),
    _e(
        "config.timeout_invalid",
        "The timeout is not valid",
        "The timeout must be a positive number of seconds; without a bound, a silent server "
        "makes the application hang.",
        ["The timeout is zero, negative or not a number."],
        [(U, "Set the timeout to a positive number of seconds, for example 30.")],
        fields=["timeout"],
    ),
    _e(
        "config.locked_override",
        "A locked setting cannot be changed here",
        "This setting is locked (not editable) in an earlier settings layer, so the value given "
        "in a later layer was ignored and the locked value is used.",
        ["A module or user setting tries to change a value that the administrator locked."],
        [
            (
                U,
                "Remove the value from this settings layer, or ask for it to be changed where it "
                "is locked.",
            ),
            (A, "Ask your IT team to change the locked value or to unlock the setting."),
        ],
        severity=Severity.WARNING,
    ),
    # ----------------------------------------------------------------------------------------
    # auth: credentials found missing or malformed before sending
    _e(
        "auth.credentials_missing",
        "The username or password is missing",
        "Password authentication needs both a username and a password; one of them is empty.",
        [
            "The password field was left empty or was not saved.",
            "The username field was left empty.",
        ],
        [
            (U, "Enter both the username (usually the full email address) and the password."),
            (U, "If the server does not require a login, clear both fields."),
        ],
        fields=["username", "password"],
    ),
    _e(
        "auth.oauth_incomplete",
        "The OAuth settings are incomplete",
        "Microsoft OAuth needs three values from the app registration in Microsoft Entra ID: the "
        "Application (client) ID, the Directory (tenant) ID and a client secret value.",
        [
            "One of the OAuth fields was left empty.",
            "OAuth was chosen as the Secure Connection but the app registration details were not "
            "entered.",
        ],
        [
            (
                U,
                "Copy the Application (client) ID and Directory (tenant) ID from the app's "
                "Overview page in the Microsoft Entra admin center, and the secret's Value from "
                "Certificates & secrets.",
            ),
            (A, "Ask your IT team for the app registration used for sending mail."),
        ],
        fields=["oauth_client_id", "oauth_tenant_id", "oauth_client_secret"],
    ),
    _e(
        "auth.oauth_malformed",
        "An OAuth value has the wrong form",
        "The client ID must be a GUID, the tenant must be a GUID or a domain name, and the client "
        "secret is a random string that is not a GUID.",
        [
            "The secret's ID (a GUID) was pasted instead of the secret's Value.",
            "The object ID or another identifier was copied instead of the Application "
            "(client) ID.",
            "Extra characters or spaces were copied along with the value.",
        ],
        [
            (
                U,
                "In the Microsoft Entra admin center, open the app registration: copy the "
                "Application (client) ID and Directory (tenant) ID from Overview. Under "
                "Certificates & secrets, create a new client secret and copy its Value column "
                "immediately; it is shown only once.",
            ),
            (A, "Ask your IT team to create a new client secret and give you its value."),
        ],
        fields=["oauth_client_id", "oauth_tenant_id", "oauth_client_secret"],
    ),
    _e(
        "auth.invalid_credentials",
        "Error logging into server",
        "The server rejected the username and password.",
        [
            "The password is wrong or has been changed.",
            "The username is not the full email address the server expects.",
            "The account requires an app password or modern authentication (OAuth) instead of "
            "the normal password.",
            "Multi-factor authentication is enabled on the account.",
        ],
        [
            (U, "Re-enter the username (usually the full email address) and the password."),
            (
                U,
                "If the account uses multi-factor authentication, create an app password or use "
                "OAuth.",
            ),
            (A, "Ask your IT team whether the account is allowed to send mail with SMTP AUTH."),
        ],
        fields=["username", "password"],
    ),
    # ----------------------------------------------------------------------------------------
    # connection
    _e(
        "connection.failed",
        "Error connecting or logging into the SMTP server",
        "The application could not connect to the SMTP server, or connected but could not log in.",
        [
            "The SMTP server name or port is wrong.",
            "Secure Connection does not match the port (SSL with 465, TLS with 587).",
            "A firewall blocks outgoing connections to the SMTP port.",
            "The username or password is wrong.",
        ],
        [
            (
                U,
                "Check the SMTP Server, SMTP Port and Secure Connection against your provider's "
                "documentation.",
            ),
            (U, "Re-enter the username and password."),
            (A, "Ask your IT team whether outgoing connections to the SMTP port are allowed."),
        ],
        fields=["host", "port", "security", "username", "password"],
        retryable=True,
    ),
    # ----------------------------------------------------------------------------------------
    # sender
    _e(
        "sender.from_missing",
        "Blank FROM address",
        "There is no From address, so the server cannot tell who is sending the message. "
        "Without the check, smtplib would send it as MAIL FROM:<None>.",
        [
            "The From Address field was left empty.",
            "The message has no From header and no default From address is configured.",
        ],
        [(U, "Enter the From Address: usually the address of the mailbox you log in with.")],
        fields=["from_address"],
    ),
    _e(
        "sender.from_invalid",
        "Invalid FROM address",
        "The From address is not a valid email address, so the server will refuse it or the "
        "mail will be lost.",
        [
            "A typing mistake: a space, a missing or doubled @, a missing domain.",
            "A display name was typed into the address field.",
        ],
        [
            (
                U,
                "Enter a complete address such as name@example.com in the From Address field; put "
                "the display name in the From Name field.",
            )
        ],
        fields=["from_address"],
    ),
    _e(
        "sender.username_from_mismatch",
        "The From address is in another domain than the login",
        "You log in as one account but send as an address in another domain. Many servers, "
        "Microsoft 365 and Gmail among them, only let an account send as its own address or "
        "as addresses it has been given permission for.",
        [
            "The From address belongs to a shared mailbox or another domain.",
            "The username is a service account.",
        ],
        [
            (
                U,
                "Use the login's own address as the From address, or make sure the account may "
                "send as this address.",
            ),
            (A, "Ask your IT team to grant the account 'Send As' permission for the From address."),
        ],
        fields=["username", "from_address"],
        severity=Severity.WARNING,
    ),
    _e(
        "sender.domain_no_mail",
        "The From domain does not receive mail",
        "The From address's domain has no mail server (no MX record and no address, or a null "
        "MX), so replies and bounces cannot be delivered and many servers refuse such a sender.",
        ["The domain of the From address is misspelled.", "The domain is not set up for email."],
        [
            (U, "Check the spelling of the From address's domain."),
            (A, "Ask your IT team to publish MX records for the domain."),
        ],
        fields=["from_address"],
    ),
    # ----------------------------------------------------------------------------------------
    # recipient
    _e(
        "recipient.address_invalid",
        "Invalid TO / CC / BCC address",
        "A recipient address is not a valid email address. smtplib would silently cut it short "
        "or drop its domain, and the mail would be lost or go to the wrong place.",
        [
            "A typing mistake: a space, a missing or doubled @, a missing domain.",
            "Several addresses were separated by something other than a comma or semicolon.",
            "A display name was typed without the address in angle brackets.",
        ],
        [(U, "Correct the address; separate several addresses with commas or semicolons.")],
        fields=["to", "cc", "bcc", "reply_to"],
    ),
    _e(
        "recipient.none",
        "The message has no recipient",
        "The message has no To, CC or BCC address, so there is nobody to deliver it to.",
        ["The recipient list was empty when the message was built."],
        [(U, "Add at least one To, CC or BCC address.")],
        fields=["to", "cc", "bcc"],
    ),
    # ----------------------------------------------------------------------------------------
    # message
    _e(
        "message.header_injection",
        "A line break in an address, name or header",
        "A value that goes into a mail header contains a carriage return or line feed. That "
        "would let it add headers or SMTP commands of its own (header injection), so it is "
        "refused.",
        [
            "A value was copied with a trailing line break.",
            "User input was put into a header without being checked.",
        ],
        [(U, "Remove the line break from the value.")],
    ),
    # ----------------------------------------------------------------------------------------
    # policy
    _e(
        "policy.encryption_required",
        "The server refused the request because the connection does not meet its security "
        "requirements",
        "The server only accepts this command over an encrypted connection, and the connection "
        "is not encrypted.",
        [
            "Secure Connection is set to None while the server requires TLS.",
            "The server requires STARTTLS before AUTH or MAIL FROM.",
        ],
        [
            (U, "Set Secure Connection to TLS with port 587, or SSL with port 465."),
            (A, "Ask your IT team which encryption the server requires."),
        ],
        fields=["security", "port"],
    ),
)


# Kinds the classifier produces from replies, exceptions and identity errors. The reply texts and
# their public sources live in the rule tables, not here.
_CLASSIFIER_ENTRIES: tuple[CatalogueEntry, ...] = ()


# Kinds the sender produces itself (safety refusals, delivery outcomes).
_SENDER_ENTRIES: tuple[CatalogueEntry, ...] = ()


# Kinds the testing toolkit, the settings suggestions and other parts add.
_OTHER_ENTRIES: tuple[CatalogueEntry, ...] = (
    _e(
        "config.provider_mismatch",
        "The settings do not match the mail provider of the From address",
        "The From address's domain gets its mail from a provider that documents its own SMTP "
        "server, port and Secure Connection setting, and these settings use something else. "
        "Mail sent this way is usually refused at login, or rejected because the server may not "
        "send for that domain.",
        [
            "The settings were copied from another application or another provider's guide.",
            "The domain moved to a new provider (for example to Microsoft 365) and the SMTP "
            "settings were not changed.",
            "The port or Secure Connection setting was changed without checking the provider's "
            "documentation.",
        ],
        [
            (
                U,
                "Use the SMTP server, port and Secure Connection setting your mail provider "
                "documents; run 'smtpdiag suggest' with the From address to see them.",
            ),
            (
                A,
                "If the application must send through a different server on purpose (a company "
                "relay), ask your IT team to allow that server to send for the From domain.",
            ),
        ],
        fields=["host", "port", "security"],
        severity=Severity.WARNING,
    ),
)


_ENTRIES = _FOUNDATION_ENTRIES + _CLASSIFIER_ENTRIES + _SENDER_ENTRIES + _OTHER_ENTRIES


def _index(entries: Iterable[CatalogueEntry]) -> Mapping[str, CatalogueEntry]:
    table: dict[str, CatalogueEntry] = {}
    for entry in entries:
        if entry.kind in table:
            raise RuntimeError(f"duplicate catalogue kind {entry.kind!r}")
        table[entry.kind] = entry
    return MappingProxyType(table)


#: Every known diagnosis kind, by kind id.
CATALOGUE: Mapping[str, CatalogueEntry] = _index(_ENTRIES)


def make_diagnosis(
    kind: str,
    *,
    detail: str | None = None,
    fields: Iterable[str] | None = None,
    source: str | None = None,
    reply: Reply | None = None,
    stage: Stage | None = None,
    provider: str | None = None,
    severity: Severity | None = None,
    retryable: bool | None = None,
    remedies: Iterable[Remedy] = (),
) -> Diagnosis:
    """Build the :class:`Diagnosis` for ``kind`` from its catalogue entry and one finding.

    ``remedies`` are concrete remedies for this case; they come first, before the catalogue's
    general ones. ``fields``, ``severity`` and ``retryable`` override the entry's defaults.
    Raises ``KeyError`` for a kind that is not in the catalogue.
    """
    entry = CATALOGUE[kind]
    specific = tuple(remedies)
    general = tuple(r for r in entry.remedies if r not in specific)
    return Diagnosis(
        kind=entry.kind,
        category=entry.category,
        severity=entry.severity if severity is None else severity,
        title=entry.title,
        meaning=entry.meaning,
        causes=entry.causes,
        remedies=specific + general,
        fields=entry.fields if fields is None else tuple(fields),
        source=source,
        retryable=entry.retryable if retryable is None else retryable,
        reply=reply,
        stage=stage,
        provider=provider,
        detail=detail,
    )
