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

from ._diagnosis import (
    Audience,
    Category,
    Diagnosis,
    Remedy,
    Reply,
    Severity,
    Stage,
    _new_diagnosis,
)

__all__ = ["CATALOGUE", "CatalogueEntry", "make_diagnosis"]

_CATEGORIES: Mapping[str, Category] = {category.value: category for category in Category}

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
        return _CATEGORIES[self.kind.split(".", 1)[0]]


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
            "The token request carried no client secret (AADSTS7000218): the secret is missing, or "
            "a device-code or username/password sign-in needs 'Allow public client flows' turned "
            "on in the app registration.",
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
_CLASSIFIER_ENTRIES: tuple[CatalogueEntry, ...] = (
    # ----------------------------------------------------------------------------------------
    # auth: the server or the identity platform refused the login
    _e(
        "auth.basic_auth_disabled",
        "Basic authentication (password login) is disabled",
        "The server no longer accepts a username and password for SMTP. Microsoft 365 reports "
        "this as 5.7.139 'basic authentication is disabled' when the tenant or the mailbox has "
        "turned off basic authentication, or when Security Defaults are on, and as 5.7.30 'Basic "
        "authentication is not supported for Client Submission' since Exchange Online retires "
        "password logins for SMTP AUTH.",
        [
            "Exchange Online no longer accepts Basic authentication for SMTP AUTH client "
            "submission: only OAuth works.",
            "Basic authentication for SMTP AUTH was turned off for the organisation.",
            "Security Defaults are enabled in Microsoft Entra ID, which block password logins.",
            "A Conditional Access policy blocks legacy authentication.",
        ],
        [
            (U, "Switch the login to OAuth (Secure Connection: OAuth) with an app registration."),
            (
                A,
                "Ask your IT team to set up OAuth for SMTP (an app registration with SMTP.Send), "
                "or, where the organisation still allows it, to allow authenticated SMTP (SMTP "
                "AUTH) with a password for this mailbox.",
            ),
        ],
        fields=["username", "password", "auth"],
    ),
    _e(
        "auth.smtp_auth_disabled",
        "SMTP AUTH is disabled for this mailbox or organisation",
        "The server knows the account, but authenticated SMTP submission (SMTP AUTH) is turned "
        "off for the mailbox or for the whole organisation, so no login over SMTP is allowed.",
        [
            "Microsoft 365 turns SMTP AUTH off by default for new tenants and mailboxes.",
            "An administrator disabled 'Authenticated SMTP' for the mailbox.",
        ],
        [
            (
                A,
                "Ask your IT team to turn on 'Authenticated SMTP' for this mailbox in the "
                "Microsoft 365 admin center (Users > Active users > Mail > Manage email apps), "
                "and to check that SmtpClientAuthenticationDisabled is not set for the "
                "organisation.",
            ),
            (U, "Use another sending method your organisation allows, such as an SMTP relay."),
        ],
        fields=["username", "auth"],
    ),
    _e(
        "auth.app_password_required",
        "An app password is required",
        "The account has 2-Step Verification or another extra sign-in protection, so the normal "
        "password cannot be used by mail applications. The provider asks for an app password "
        "(or OAuth) instead.",
        [
            "2-Step Verification is turned on for the account.",
            "The provider no longer lets 'less secure apps' log in with the normal password.",
        ],
        [
            (
                U,
                "Create an app password in the account's security settings (for Google: "
                "myaccount.google.com > Security > App passwords) and enter it as the password.",
            ),
            (
                A,
                "If app passwords are not available, ask your IT team to allow them or to use "
                "OAuth.",
            ),
        ],
        fields=["password"],
    ),
    _e(
        "auth.too_many_attempts",
        "Too many login attempts",
        "The server temporarily blocks logins for this account or address after too many "
        "attempts, usually failed ones.",
        [
            "A wrong password was retried many times, by this or another application.",
            "Several applications log in with the same account at the same moment.",
        ],
        [
            (
                U,
                "Wait before trying again, and correct the password first so the block is not "
                "renewed.",
            ),
            (A, "Ask your IT team to check the account's sign-in logs for blocked attempts."),
        ],
        fields=["username", "password"],
        retryable=True,
    ),
    _e(
        "auth.mechanism_unavailable",
        "No login method both sides support",
        "The server offers login methods that the application cannot use, or does not offer the "
        "one the application asked for. For example, a server that offers only XOAUTH2 needs an "
        "OAuth login rather than a password.",
        [
            "The server only accepts OAuth (XOAUTH2) logins.",
            "The chosen login method is not offered by the server.",
            "The server offers password logins only after STARTTLS or only on another port.",
        ],
        [
            (
                U,
                "Check which login method your provider documents and choose it (password or "
                "OAuth).",
            ),
            (U, "Use Secure Connection TLS with port 587 or SSL with port 465."),
        ],
        fields=["auth", "security"],
    ),
    _e(
        "auth.not_offered",
        "The server does not offer a login",
        "The server did not advertise SMTP AUTH, so a username and password cannot be used on "
        "this connection. Most servers only offer it after the connection is encrypted with "
        "STARTTLS, or only on the submission ports 587 and 465.",
        [
            "Secure Connection is None, and the server offers AUTH only after STARTTLS.",
            "Port 25 was used; it is meant for server-to-server delivery without login.",
            "The server is a relay that accepts mail without any login.",
        ],
        [
            (U, "Set Secure Connection to TLS with port 587, or SSL with port 465."),
            (
                U,
                "If the server is an internal relay that needs no login, clear the username and "
                "password.",
            ),
        ],
        fields=["security", "port", "username"],
    ),
    _e(
        "auth.account_disabled",
        "The account is disabled or locked",
        "The server recognised the account but will not let it log in or send, because it is "
        "disabled, locked, suspended or needs attention in a web browser first.",
        [
            "The account was disabled or blocked by an administrator or by the provider.",
            "The provider suspects abuse and asks for a sign-in in the web interface first.",
            "The password has expired and must be changed.",
        ],
        [
            (U, "Sign in to the account in a web browser and follow any instructions shown there."),
            (A, "Ask your IT team to check that the account is enabled and licensed for email."),
        ],
        fields=["username"],
    ),
    _e(
        "auth.xoauth2_rejected",
        "The OAuth login was rejected by the mail server",
        "The mail server refused the OAuth (XOAUTH2) access token. The token was obtained, but "
        "it does not allow sending mail as this user over SMTP.",
        [
            "The token was issued for the wrong scope (for example Microsoft Graph instead of "
            "https://outlook.office365.com/.default).",
            "The app's service principal has not been registered in Exchange Online or has no "
            "permission on the mailbox.",
            "The username does not match the mailbox the token is valid for.",
            "The token has expired.",
        ],
        [
            (
                U,
                "Check that the username is the mailbox's address and that the token is "
                "requested for the mail server's scope.",
            ),
            (
                A,
                "Ask your IT team to register the app's service principal in Exchange Online and "
                "to grant it FullAccess or SendAs permission on the mailbox.",
            ),
        ],
        fields=["username", "oauth_client_id"],
    ),
    _e(
        "auth.oauth_token_invalid",
        "The OAuth token or client assertion is not valid",
        "The identity platform or the mail server refused the token or the signed client "
        "assertion, for example because it has expired or is not yet valid.",
        [
            "This computer's clock is wrong, so signed assertions look expired or not yet valid.",
            "A cached token has expired.",
        ],
        [
            (U, "Check that this computer's date, time and time zone are correct, then try again."),
            (U, "Clear any cached token so that a new one is requested."),
        ],
        fields=["oauth_client_id"],
        retryable=True,
    ),
    _e(
        "auth.oauth_secret_expired",
        "The OAuth client secret has expired",
        "The client secret of the app registration has passed its expiry date, so Microsoft "
        "Entra ID refuses to issue tokens (AADSTS7000222).",
        [
            "Client secrets expire after the period chosen when they were created (at most "
            "24 months)."
        ],
        [
            (
                U,
                "Create a new client secret under Certificates & secrets in the app registration "
                "and enter its Value here.",
            ),
            (A, "Ask your IT team to create a new client secret for the app registration."),
        ],
        fields=["oauth_client_secret"],
    ),
    _e(
        "auth.oauth_secret_invalid",
        "The OAuth client secret is wrong",
        "Microsoft Entra ID rejected the client secret (AADSTS7000215). Very often the secret's "
        "ID was pasted instead of the secret's Value.",
        [
            "The Secret ID (a GUID) was copied instead of the Value.",
            "The secret belongs to another app registration.",
            "The secret was copied incompletely or with extra spaces.",
        ],
        [
            (
                U,
                "Under Certificates & secrets, create a new client secret and copy its Value "
                "column (not the Secret ID) immediately; it is shown only once.",
            ),
            (A, "Ask your IT team for the client secret's value."),
        ],
        fields=["oauth_client_secret"],
    ),
    _e(
        "auth.oauth_app_not_found",
        "The OAuth application was not found",
        "Microsoft Entra ID has no application with this client ID in the tenant (AADSTS700016).",
        [
            "The Application (client) ID is wrong, or the Object ID was copied instead.",
            "The app is registered in another tenant than the one given.",
            "The app registration was deleted.",
        ],
        [
            (U, "Copy the Application (client) ID from the app registration's Overview page."),
            (U, "Check that the Directory (tenant) ID is the tenant where the app is registered."),
        ],
        fields=["oauth_client_id", "oauth_tenant_id"],
    ),
    _e(
        "auth.oauth_tenant_not_found",
        "The OAuth tenant was not found",
        "Microsoft Entra ID does not know the Directory (tenant) ID or domain that was given, "
        "so no token can be requested (AADSTS90002, AADSTS900023, or 'Unable to get authority "
        "configuration').",
        [
            "The tenant ID is misspelled, or another GUID (client ID, object ID) was pasted.",
            "A domain was entered that is not a verified domain of the tenant.",
        ],
        [(U, "Copy the Directory (tenant) ID from the app registration's Overview page.")],
        fields=["oauth_tenant_id"],
    ),
    _e(
        "auth.oauth_user_not_found",
        "The user account was not found in the directory",
        "Microsoft Entra ID has no such user in this tenant (AADSTS50034).",
        [
            "The username is misspelled or belongs to another tenant.",
            "The account was deleted or renamed.",
        ],
        [(U, "Check the username against the mailbox's address in your organisation.")],
        fields=["username", "oauth_tenant_id"],
    ),
    _e(
        "auth.oauth_permission_missing",
        "The OAuth application lacks permission or consent",
        "The app registration has not been granted the permission needed to send mail, or an "
        "administrator has not consented to it (for example AADSTS65001).",
        [
            "The SMTP.SendAsApp (or SMTP.Send) permission was not added to the app.",
            "Admin consent was not granted for the permission.",
        ],
        [
            (
                A,
                "Ask your IT team to add the Office 365 Exchange Online SMTP.SendAsApp "
                "permission to the app registration and to grant admin consent.",
            ),
        ],
        fields=["oauth_client_id"],
    ),
    _e(
        "auth.oauth_scope_invalid",
        "The OAuth scope is not valid",
        "The token request asked for a scope that the identity platform does not accept "
        "(AADSTS70011, AADSTS1002012). For SMTP with client credentials the scope must be "
        "https://outlook.office365.com/.default.",
        ["The scope is missing '/.default', or names another API."],
        [(U, "Request the scope https://outlook.office365.com/.default for the token.")],
        fields=["oauth_client_id"],
    ),
    _e(
        "auth.oauth_failed",
        "The OAuth token request failed",
        "The identity platform refused to issue an access token. The error code in the details "
        "names the exact reason.",
        [
            "One of the client ID, tenant ID or client secret is wrong.",
            "The app registration is not set up for this kind of sign-in.",
        ],
        [
            (U, "Look up the AADSTS error code in Microsoft's documentation for the exact cause."),
            (A, "Ask your IT team to check the app registration."),
        ],
        fields=["oauth_client_id", "oauth_tenant_id", "oauth_client_secret"],
    ),
    _e(
        "auth.oauth_certificate_invalid",
        "The OAuth certificate or client assertion was not accepted",
        "The application signs in with a certificate (a signed client assertion) and Microsoft "
        "Entra ID did not accept it: the certificate is not registered for the app, its "
        "thumbprint does not match, it has expired or was revoked, or the assertion is malformed "
        "(AADSTS700027, AADSTS7000214, AADSTS1000502, AADSTS50027).",
        [
            "The certificate's public key was not uploaded to the app registration, or another "
            "certificate is used.",
            "The certificate has expired or was revoked.",
            "The assertion names the wrong tenant or audience.",
        ],
        [
            (
                U,
                "Upload the certificate's public key (.cer) under Certificates & secrets in the "
                "app registration and sign with the matching private key.",
            ),
            (U, "Check the certificate's validity dates and renew it if it has expired."),
            (A, "Ask your IT team to check the certificates registered for the app."),
        ],
        fields=["oauth_client_id", "oauth_tenant_id"],
    ),
    _e(
        "auth.oauth_policy_blocked",
        "Multi-factor authentication or Conditional Access blocked the sign-in",
        "Microsoft Entra ID requires multi-factor authentication, a compliant or managed device "
        "or another Conditional Access condition for this sign-in (AADSTS50076, AADSTS50079, "
        "AADSTS53003, AADSTS53000), and an application sending mail unattended cannot meet it.",
        [
            "Security defaults or a Conditional Access policy require MFA or a managed device.",
            "The application signs in as a user (username and password, or device code) instead "
            "of as itself.",
        ],
        [
            (
                U,
                "Use app-only OAuth (client credentials with the SMTP.SendAsApp permission), so "
                "that no user has to sign in.",
            ),
            (
                A,
                "Ask your IT team to exclude the sending account or app from the policy, or to "
                "allow the sign-in from this network.",
            ),
        ],
        fields=["oauth_client_id", "username"],
    ),
    _e(
        "auth.oauth_redirect_uri_mismatch",
        "The redirect URI is not registered for the app",
        "The sign-in used a redirect (reply) URI that the app registration does not list "
        "(AADSTS50011, AADSTS500113).",
        ["The app registration has no redirect URI, or a different one (another port or path)."],
        [
            (
                U,
                "Add the exact redirect URI the application uses (for example "
                "http://localhost:8080/) under Authentication in the app registration.",
            ),
            (A, "Ask your IT team to add the redirect URI to the app registration."),
        ],
        fields=["oauth_client_id"],
    ),
    _e(
        "auth.oauth_app_disabled",
        "The OAuth application is disabled",
        "The app registration exists, but it or its enterprise application (service principal) "
        "was disabled by an administrator or by Microsoft (AADSTS7000112).",
        ["An administrator disabled the enterprise application.", "Microsoft disabled the app."],
        [
            (
                A,
                "Ask your IT team to enable the enterprise application again, or to create a new "
                "app registration if Microsoft disabled it.",
            ),
        ],
        fields=["oauth_client_id"],
    ),
    _e(
        "auth.non_ascii_credentials",
        "The username or password contains characters that cannot be sent",
        "The username or password contains non-ASCII characters (such as é or ü). The standard "
        "Python mail client can only send ASCII credentials, so the login could not even be "
        "attempted.",
        ["The password contains accented letters or other non-ASCII characters."],
        [
            (U, "Change the password to one that uses only ASCII letters, digits and symbols."),
            (U, "Check for characters that look like ASCII but are not, such as curly quotes."),
        ],
        fields=["username", "password"],
    ),
    # ----------------------------------------------------------------------------------------
    # sender
    _e(
        "sender.send_as_denied",
        "The account may not send as this From address",
        "The server accepted the login but refused the From address, because the account has "
        "no permission to send as it (Microsoft 365 reports SendAsDenied, 5.7.60).",
        [
            "The From address is another user's or a shared mailbox's address.",
            "The From address is an alias the account does not own.",
        ],
        [
            (U, "Use the login account's own address as the From address."),
            (A, "Ask your IT team to give the account 'Send As' permission for the From address."),
        ],
        fields=["from_address", "username"],
    ),
    _e(
        "sender.mailbox_full",
        "Your own mailbox is full",
        "The sending mailbox is over its storage quota, so the server refuses to submit the "
        "message: Exchange Online keeps a copy in Sent Items and reports "
        "STOREDRV.Submission.Exception:QuotaExceededException (554 5.2.2).",
        ["The sending mailbox, with its Sent Items and Deleted Items, has reached its quota."],
        [
            (
                U,
                "Delete old messages from the sending mailbox and empty Sent Items and Deleted "
                "Items.",
            ),
            (A, "Ask your IT team to raise the mailbox quota or to turn on archiving."),
        ],
        fields=["username", "from_address"],
    ),
    _e(
        "sender.not_verified",
        "The From address is not verified with the sending service",
        "Services such as Amazon SES only send from addresses or domains that were verified "
        "first, and the From address is not.",
        [
            "The address or its domain has not been verified in the service's console.",
            "The account is still in the sandbox, where recipient addresses must be verified too.",
        ],
        [
            (U, "Verify the From address or its domain in the sending service's console."),
            (
                A,
                "Ask your IT team to verify the domain and to move the account out of the sandbox.",
            ),
        ],
        fields=["from_address"],
    ),
    _e(
        "sender.rejected",
        "The server refused the sender address",
        "The server refused the envelope sender (MAIL FROM). The reason in the server's reply "
        "says why.",
        [
            "The From address does not belong to the logged-in account.",
            "The sender's domain does not exist or is not accepted by the server.",
            "The sender address is blocked by the server's policy.",
        ],
        [
            (U, "Use the login account's own address as the From address."),
            (A, "Ask the receiving server's postmaster why the sender was refused."),
        ],
        fields=["from_address"],
    ),
    _e(
        "sender.domain_invalid",
        "The sender's domain is not accepted",
        "The server could not find the sender's domain in the DNS, or does not accept mail "
        "from it, so it refuses the sender address.",
        ["The From address's domain is misspelled or has no DNS records."],
        [(U, "Check the spelling of the From address's domain.")],
        fields=["from_address"],
    ),
    # ----------------------------------------------------------------------------------------
    # recipient
    _e(
        "recipient.unknown",
        "The recipient address does not exist",
        "The recipient's mail server says there is no mailbox with this address.",
        ["The address is misspelled.", "The mailbox was deleted or renamed."],
        [
            (
                U,
                "Check the spelling of the recipient address, or ask the recipient for a current "
                "one.",
            )
        ],
        fields=["to", "cc", "bcc"],
    ),
    _e(
        "recipient.mailbox_full",
        "The recipient's mailbox is full",
        "The recipient's mailbox is over its storage quota and cannot take new messages.",
        ["The recipient has not cleaned up the mailbox.", "The mailbox is abandoned."],
        [(U, "Try again later, or reach the recipient another way.")],
        fields=["to", "cc", "bcc"],
        retryable=True,
    ),
    _e(
        "recipient.disabled",
        "The recipient's mailbox is disabled",
        "The address exists but its mailbox is disabled, suspended or inactive, so it does not "
        "accept mail.",
        ["The account was suspended or closed.", "The mailbox has been inactive for a long time."],
        [(U, "Reach the recipient another way and ask for a working address.")],
        fields=["to", "cc", "bcc"],
    ),
    _e(
        "recipient.moved",
        "The recipient has moved",
        "The server says this recipient is not local any more or has a new address.",
        ["The person changed address or organisation."],
        [(U, "Use the new address given in the server's reply, or ask the recipient for it.")],
        fields=["to", "cc", "bcc"],
    ),
    _e(
        "recipient.domain_not_found",
        "The recipient's domain does not exist",
        "The domain part of the recipient address has no mail server in the DNS, so the mail "
        "cannot be delivered.",
        ["The domain is misspelled (for example gmial.com).", "The domain has expired."],
        [(U, "Check the spelling of the part after the @ in the recipient address.")],
        fields=["to", "cc", "bcc"],
    ),
    _e(
        "recipient.domain_not_accepting",
        "The recipient's domain does not accept mail",
        "The recipient's domain exists but declares that it does not receive email (a null MX, "
        "RFC 7505), or its server does not accept mail for it.",
        ["The domain is used only for websites.", "The domain's mail service was shut down."],
        [(U, "Ask the recipient for an address that receives email.")],
        fields=["to", "cc", "bcc"],
    ),
    _e(
        "recipient.rejected",
        "The server refused a recipient",
        "The server refused one of the recipient addresses. The reason in the server's reply "
        "says why.",
        ["The address is wrong or unknown.", "The recipient only accepts mail from some senders."],
        [(U, "Check the recipient address, and read the server's reply for the reason.")],
        fields=["to", "cc", "bcc"],
    ),
    _e(
        "recipient.too_many",
        "Too many recipients",
        "The message has more recipients than the server accepts for one message.",
        ["A long To, CC or BCC list was used in a single message."],
        [(U, "Split the recipients over several messages, or use a mailing list.")],
        fields=["to", "cc", "bcc"],
        retryable=True,
    ),
    # ----------------------------------------------------------------------------------------
    # policy
    _e(
        "policy.authentication_required",
        "The server requires a login before sending",
        "The server only accepts mail from clients that have logged in, and this connection "
        "sent the message without logging in (RFC 4954, 530 5.7.0).",
        [
            "The username and password are empty.",
            "Login was skipped because the server offered it only after STARTTLS.",
        ],
        [
            (U, "Enter the username and password of the sending mailbox."),
            (U, "Use Secure Connection TLS with port 587, or SSL with port 465."),
        ],
        fields=["username", "password", "security"],
    ),
    _e(
        "policy.relay_denied",
        "The server refuses to relay the message",
        "The server accepts mail only for its own domains from clients that have not logged "
        "in, so it refuses to pass this message on to another domain.",
        [
            "No login was made, or the login failed silently.",
            "The server is the recipient's server, not the sender's submission server.",
            "This machine's IP address is not allowed to relay through the server.",
        ],
        [
            (U, "Log in with the username and password of the sending mailbox."),
            (U, "Use your provider's submission server (port 587 or 465) rather than an MX host."),
            (
                A,
                "Ask your IT team to allow this machine's IP address to relay, or to create a "
                "relay connector.",
            ),
        ],
        fields=["host", "username"],
    ),
    _e(
        "policy.ip_blocklisted",
        "The sending IP address is blocked",
        "The receiving server refuses mail from this machine's IP address, because it is on a "
        "blocklist or has a poor reputation.",
        [
            "The IP address is listed on a public blocklist such as Spamhaus.",
            "The IP address belongs to a dynamic or residential range.",
            "The receiving organisation blocked the address or network.",
        ],
        [
            (U, "Send through your provider's submission server instead of directly."),
            (A, "Ask your IT team to check the IP address on blocklists and request delisting."),
        ],
        fields=["host"],
    ),
    _e(
        "policy.ptr_required",
        "The sending IP address has no valid reverse DNS",
        "The receiving server requires the sending IP address to have a reverse DNS (PTR) name "
        "that matches its forward name, and this one does not.",
        ["The IP address has no PTR record, or the name does not point back to the address."],
        [(A, "Ask your IT team or hosting provider to set a matching reverse DNS (PTR) record.")],
    ),
    _e(
        "policy.spam_rejected",
        "The message was refused as spam",
        "The receiving server's filter judged the message to be spam or bulk mail.",
        [
            "The content looks like spam: many links, URL shorteners, spammy words.",
            "The sender's domain lacks SPF, DKIM or DMARC records.",
            "Many recipients reported earlier mail as spam.",
        ],
        [
            (U, "Send a plainer message, or ask the recipient to add you to their safe senders."),
            (A, "Ask your IT team to set up SPF, DKIM and DMARC for the sending domain."),
        ],
    ),
    _e(
        "policy.virus_detected",
        "The message was refused because it contains a virus",
        "The receiving server's virus scanner found malware, or an attachment type it blocks.",
        ["An attachment is infected or is an executable or macro file."],
        [(U, "Remove the attachment, scan it for viruses, or send a link instead.")],
    ),
    _e(
        "policy.dmarc_failed",
        "The message failed sender authentication (SPF, DKIM or DMARC)",
        "The receiving server checked whether this server may send for the From domain, and "
        "the SPF, DKIM or DMARC check failed.",
        [
            "The sending server is not listed in the From domain's SPF record.",
            "The message is not DKIM-signed for the From domain.",
            "The From domain publishes a strict DMARC policy.",
        ],
        [
            (U, "Use a From address in a domain that this server is allowed to send for."),
            (
                A,
                "Ask your IT team to add the server to the domain's SPF record and to set up DKIM.",
            ),
        ],
        fields=["from_address"],
    ),
    _e(
        "policy.greylisted",
        "The server asks to try again later (greylisting)",
        "The receiving server deferred the message on purpose, to see whether the sender "
        "retries as real mail servers do.",
        ["This is the first message from this sender and server to this recipient."],
        [(U, "Retry after a few minutes; the second attempt is normally accepted.")],
        retryable=True,
        severity=Severity.WARNING,
    ),
    _e(
        "policy.rejected",
        "The server's policy refused the message",
        "The receiving server refused the message because of a local policy. The reason in "
        "the server's reply says which one.",
        [
            "The recipient only accepts mail from certain senders.",
            "The content or the sender breaks a rule of the receiving organisation.",
        ],
        [
            (U, "Read the server's reply for the reason, and contact the recipient another way."),
            (A, "Ask the receiving organisation's postmaster why the message was refused."),
        ],
    ),
    _e(
        "policy.reputation",
        "The receiving provider limits mail from this sender because of its reputation",
        "The receiving provider defers or refuses mail from this server or domain because of "
        "its sending reputation: user complaints, unexpected volume or past spam.",
        [
            "Recipients marked earlier mail as spam.",
            "A sudden rise in volume from a new or rarely used server.",
            "The server's IP address is shared with senders of spam.",
        ],
        [
            (U, "Send less at once and only to people who asked for the mail; retry later."),
            (
                A,
                "Ask your IT team to check the sending IP address and domain in the provider's "
                "postmaster tools and to set up SPF, DKIM and DMARC.",
            ),
        ],
        retryable=True,
    ),
    _e(
        "policy.helo_rejected",
        "The server refused the name this machine introduced itself with",
        "At the start of the conversation the client introduces itself with a host name (HELO "
        "or EHLO). The server refused that name, usually because it is not a fully qualified "
        "domain name that resolves in the DNS.",
        [
            "The machine's host name is a short or local name such as 'localhost' or 'PC-01'.",
            "The name does not resolve in the DNS or does not match the IP address.",
        ],
        [
            (U, "Set the local host name to a fully qualified name such as mail.example.com."),
            (A, "Ask your IT team for the public DNS name of the sending machine."),
        ],
        fields=["local_hostname"],
    ),
    # ----------------------------------------------------------------------------------------
    # message
    _e(
        "message.too_large",
        "The message is too large",
        "The message, with its attachments, is bigger than the server accepts. Attachments grow "
        "by about a third when they are encoded for email.",
        ["Large attachments.", "The receiving mailbox has a lower size limit."],
        [(U, "Make the attachments smaller, or share large files as a link.")],
    ),
    _e(
        "message.malformed",
        "The message is not formatted correctly",
        "The server refused the message because its headers or format break the email "
        "standards (RFC 5322).",
        [
            "A required header such as Date, From or Message-ID is missing or duplicated.",
            "Lines are too long or use bare line feeds.",
        ],
        [
            (U, "Build the message with a standard library (email.message.EmailMessage)."),
        ],
    ),
    _e(
        "message.non_ascii",
        "The message contains characters the server cannot accept",
        "An address or the message contains non-ASCII characters, and the server does not "
        "support internationalised email (SMTPUTF8), or the text was not encoded.",
        [
            "An address contains accented letters or other non-ASCII characters.",
            "The message body was passed as plain text instead of an encoded message.",
        ],
        [
            (U, "Use an ASCII-only address, or a server that supports SMTPUTF8."),
            (U, "Send the message as an email.message.EmailMessage so that it is encoded."),
        ],
        fields=["from_address", "to", "cc", "bcc"],
    ),
    _e(
        "message.content_rejected",
        "The message content was refused",
        "The server refused the message because of its content: a header, an attachment type "
        "or a word it does not allow.",
        ["An attachment type is blocked.", "A header or the body breaks a content rule."],
        [(U, "Remove or change the part of the message named in the server's reply.")],
    ),
    # ----------------------------------------------------------------------------------------
    # rate_limit
    _e(
        "rate_limit.throttled",
        "Sending too fast",
        "The server limits how many messages, recipients or connections it accepts in a short "
        "time, and that limit has been reached for now.",
        ["Many messages were sent in a burst.", "Several applications share the same account."],
        [(U, "Wait a few minutes and try again, then send more slowly.")],
        retryable=True,
    ),
    _e(
        "rate_limit.daily_limit",
        "The daily sending limit has been reached",
        "The account has sent as many messages or recipients as its provider allows in a day.",
        ["Bulk mail was sent from a personal or trial account.", "The account may be compromised."],
        [
            (U, "Wait up to 24 hours before sending again."),
            (A, "For bulk mail, ask your IT team for a bulk mail service or a higher limit."),
        ],
        retryable=True,
    ),
    _e(
        "rate_limit.too_many_connections",
        "Too many connections",
        "The server limits how many connections one client may hold at once, and this client "
        "is over the limit.",
        ["Several processes send in parallel.", "Connections are not closed after sending."],
        [(U, "Send over fewer connections at once, and close each one when done.")],
        retryable=True,
    ),
    # ----------------------------------------------------------------------------------------
    # server
    _e(
        "server.temporary",
        "The server had a temporary problem",
        "The server could not take the message right now, for a reason that should pass.",
        ["The server is busy or being maintained.", "A service it depends on is not answering."],
        [(U, "Try again in a few minutes.")],
        retryable=True,
    ),
    _e(
        "server.unavailable",
        "The mail service is not available",
        "The server answered that its mail service is not available at the moment (421) and "
        "closed the connection.",
        ["The server is overloaded, restarting or in maintenance."],
        [(U, "Try again later. If it lasts, check the provider's status page.")],
        retryable=True,
    ),
    _e(
        "server.insufficient_storage",
        "The server is out of storage",
        "The server has no room to take the message now (452 4.3.1).",
        ["The receiving server's disk or queue is full."],
        [(U, "Try again later.")],
        retryable=True,
    ),
    _e(
        "server.error",
        "The server had an internal error",
        "The server reported an error in its own processing, not a problem with the message "
        "or the settings.",
        ["A software or configuration fault on the server."],
        [
            (U, "Try again later."),
            (A, "If it persists, report the server's reply to the server's administrator."),
        ],
        retryable=True,
    ),
    # ----------------------------------------------------------------------------------------
    # tls
    _e(
        "tls.port_expects_ssl",
        "The port expects SSL (implicit TLS)",
        "The server on this port starts encryption immediately (SSL, implicit TLS), but the "
        "application connected in plaintext and waited for a greeting, which never came.",
        ["Port 465 is used with Secure Connection set to TLS (STARTTLS) or None."],
        [(U, "Set Secure Connection to SSL for port 465, or use port 587 with TLS.")],
        fields=["port", "security"],
    ),
    _e(
        "tls.port_expects_plaintext",
        "The port expects a plain start (STARTTLS), not SSL",
        "The application started an SSL (implicit TLS) handshake, but the server on this port "
        "speaks plain SMTP first, so the answer was not a TLS record ('wrong version number').",
        ["Port 587 or 25 is used with Secure Connection set to SSL."],
        [(U, "Set Secure Connection to TLS (STARTTLS) for port 587, or use port 465 with SSL.")],
        fields=["port", "security"],
    ),
    _e(
        "tls.starttls_unavailable",
        "The server does not offer STARTTLS",
        "The application asked to encrypt the connection with STARTTLS, but the server did "
        "not offer it on this port.",
        [
            "The port is an implicit-TLS port or a plaintext-only port.",
            "A firewall or antivirus program strips STARTTLS from the server's reply.",
        ],
        [
            (U, "Use port 587 with TLS, or port 465 with SSL, as your provider documents."),
            (A, "Ask your IT team whether a firewall inspects SMTP traffic."),
        ],
        fields=["port", "security"],
    ),
    _e(
        "tls.certificate_untrusted",
        "The server's certificate is not trusted",
        "The server's TLS certificate is self-signed or issued by a certificate authority that "
        "this machine does not trust, so the connection was stopped to protect the password.",
        [
            "The server uses a self-signed or internal-CA certificate.",
            "The server does not send its intermediate certificates.",
            "A firewall intercepts TLS with its own certificate.",
        ],
        [
            (
                U,
                "Set the CA file to the certificate of the authority that issued the server's "
                "certificate.",
            ),
            (
                A,
                "Ask your IT team for the internal CA certificate, or to install a trusted "
                "certificate.",
            ),
        ],
        fields=["host", "ca_file"],
    ),
    _e(
        "tls.certificate_expired",
        "The server's certificate has expired",
        "The server's TLS certificate is past its expiry date, so it cannot be trusted.",
        [
            "The server's administrator did not renew the certificate.",
            "This machine's clock is wrong.",
        ],
        [
            (U, "Check that this computer's date and time are correct."),
            (A, "Ask the server's administrator to renew its certificate."),
        ],
        fields=["host"],
    ),
    _e(
        "tls.hostname_mismatch",
        "The server's certificate is for another name",
        "The server's TLS certificate does not name the server that was connected to, so it "
        "may not be the right server.",
        [
            "The SMTP Server field holds an IP address or an alias instead of the name on the "
            "certificate.",
            "The provider documents another server name.",
        ],
        [
            (
                U,
                "Enter the server name exactly as your provider documents it (the name on its "
                "certificate).",
            )
        ],
        fields=["host"],
    ),
    _e(
        "tls.protocol_version",
        "No TLS version both sides support",
        "The client and the server could not agree on a TLS version. Old servers speak only "
        "TLS 1.0 or 1.1, which modern clients refuse.",
        ["The server is old or misconfigured.", "A security policy limits the TLS versions."],
        [(A, "Ask the server's administrator to enable TLS 1.2 or 1.3.")],
        fields=["host", "security"],
    ),
    _e(
        "tls.handshake_failed",
        "The TLS handshake failed",
        "The encrypted connection could not be set up.",
        [
            "The port and the Secure Connection setting do not match.",
            "A firewall interferes with TLS.",
        ],
        [(U, "Use port 587 with TLS, or port 465 with SSL, as your provider documents.")],
        fields=["port", "security"],
    ),
    _e(
        "tls.recipient_server_failed",
        "The recipient's mail server failed a TLS security check",
        "Your provider's server tried to pass the message on to the recipient's mail server, "
        "and that server failed a TLS check (DANE or DNSSEC that its domain publishes, or the "
        "trusted certificate an outbound connector requires): its certificate has expired, is "
        "not trusted or does not match its name or its TLSA records, or it offers no TLS. "
        "Nothing in your settings causes this.",
        [
            "The recipient's mail server has an expired, untrusted or wrong certificate.",
            "The recipient domain's TLSA (DANE) or DNSSEC records are wrong or out of date.",
            "The recipient's mail server does not offer STARTTLS although its domain requires it.",
        ],
        [
            (
                U,
                "Tell the recipient by another channel that their mail server fails its TLS "
                "check; their mail administrators must fix the certificate or the DNS records.",
            ),
            (U, "Send the message again once the recipient's side is fixed."),
        ],
    ),
    # ----------------------------------------------------------------------------------------
    # connection
    _e(
        "connection.host_not_found",
        "The SMTP server name was not found",
        "The DNS says that the SMTP server name does not exist, so there is no address to "
        "connect to.",
        ["The server name is misspelled.", "The name exists only on an internal network or VPN."],
        [(U, "Check the spelling of the SMTP server name against your provider's documentation.")],
        fields=["host"],
    ),
    _e(
        "connection.dns_failure",
        "The SMTP server name could not be looked up",
        "The DNS lookup of the server name failed temporarily, so no connection was attempted.",
        ["This machine has no working DNS resolver or no network.", "The DNS server timed out."],
        [(U, "Check this machine's network connection and try again.")],
        fields=["host"],
        retryable=True,
    ),
    _e(
        "connection.refused",
        "The connection was refused",
        "The server's address was reached, but nothing accepts connections on this port.",
        [
            "The port number is wrong.",
            "The server's mail service is not running.",
            "A firewall rejects the connection.",
        ],
        [
            (U, "Check the SMTP Port: 587 for TLS, 465 for SSL."),
            (A, "Ask your IT team whether the mail service is running and reachable on this port."),
        ],
        fields=["host", "port"],
        retryable=True,
    ),
    _e(
        "connection.timeout",
        "The connection timed out",
        "The server did not answer in time.",
        [
            "A firewall silently drops connections to the SMTP port (many hosting providers "
            "block port 25).",
            "The server name or port is wrong.",
            "The server is overloaded.",
        ],
        [
            (U, "Check the SMTP Server and SMTP Port; try port 587 if port 25 is used."),
            (A, "Ask your IT team whether outgoing connections to the SMTP port are allowed."),
        ],
        fields=["host", "port", "timeout"],
        retryable=True,
    ),
    _e(
        "connection.unreachable",
        "The server's network cannot be reached",
        "There is no network route from this machine to the server.",
        ["This machine is offline.", "An IPv6 address was tried on a network without IPv6."],
        [(U, "Check this machine's network connection.")],
        fields=["host"],
        retryable=True,
    ),
    _e(
        "connection.closed",
        "The server closed the connection",
        "The connection was closed or reset before the conversation was finished.",
        [
            "The server dropped the connection after an error or an idle period.",
            "A firewall or antivirus program cut the connection.",
        ],
        [(U, "Try again; if it keeps happening, check the port and Secure Connection settings.")],
        fields=["host", "port", "security"],
        retryable=True,
    ),
    _e(
        "connection.greeting_refused",
        "The server refused the connection at the greeting",
        "The server answered the connection with an error instead of its welcome message, so "
        "no mail could be sent.",
        [
            "The server is busy or in maintenance (421).",
            "The server refuses connections from this IP address (554).",
        ],
        [
            (U, "Try again later."),
            (A, "If it lasts, ask the server's administrator whether this IP address is blocked."),
        ],
        fields=["host"],
        retryable=True,
    ),
    _e(
        "connection.routing_failed",
        "The message could not be routed to the recipient's server",
        "A mail server on the way could not find or reach the next server for the recipient's "
        "domain, or the message went round in a loop between servers (RFC 3463 X.4.x: network "
        "and routing).",
        [
            "The recipient domain's MX records are wrong or point to a server that does not "
            "answer.",
            "Two servers forward the message to each other (a mail loop).",
            "A directory server that the receiving system depends on did not answer.",
        ],
        [
            (U, "Check the recipient's domain, and try again later."),
            (A, "If it lasts, ask the recipient's mail administrator to check their MX records."),
        ],
        fields=["to", "cc", "bcc"],
        retryable=True,
    ),
    # ----------------------------------------------------------------------------------------
    # protocol
    _e(
        "protocol.syntax_error",
        "The server did not understand a command",
        "The server reported a syntax error in a command or its parameters (500 or 501).",
        ["An address is malformed.", "The client and the server disagree about an extension."],
        [(U, "Check the addresses for stray characters; read the server's reply for the command.")],
    ),
    _e(
        "protocol.bad_sequence",
        "Commands were sent in the wrong order",
        "The server expected another command first (503), for example a login or EHLO.",
        ["The server expected AUTH or STARTTLS before this command.", "A previous command failed."],
        [(U, "Make sure login and encryption settings match what the server requires.")],
    ),
    _e(
        "protocol.not_implemented",
        "The server does not support a command or parameter",
        "The server does not implement a command or parameter the client used (502, 504, 555).",
        ["The client asked for an extension the server lacks."],
        [(U, "Choose another login method or option that the server supports.")],
    ),
    # ----------------------------------------------------------------------------------------
    # unknown: honest generic answers from the reply code class (RFC 3463)
    _e(
        "unknown.transient",
        "The server reported a temporary failure",
        "The server refused the request with a temporary (4xx) reply. It may succeed later.",
        ["A temporary condition on the server or in the network."],
        [(U, "Try again later; read the server's reply for details.")],
        retryable=True,
    ),
    _e(
        "unknown.permanent",
        "The server reported a permanent failure",
        "The server refused the request with a permanent (5xx) reply. Retrying as it is will "
        "not help.",
        ["See the server's reply for the reason."],
        [(U, "Read the server's reply; change what it names before trying again.")],
    ),
    _e(
        "unknown.security",
        "The server refused the request for a security or policy reason",
        "The server refused the request with an X.7.X status (RFC 3463: security or policy "
        "status), but its wording is not one smtpdiag recognises.",
        ["An authentication, permission or anti-spam rule of the server."],
        [
            (U, "Read the server's reply for the rule that was broken."),
            (A, "Ask the server's administrator what the policy requires."),
        ],
    ),
    _e(
        "unknown.unrecognized",
        "The failure was not recognised",
        "smtpdiag could not tell what went wrong from this error. The original text is kept "
        "in the details.",
        ["An error smtpdiag does not know yet."],
        [(U, "Read the original error text in the details.")],
    ),
    _e(
        "unknown.not_a_failure",
        "The server accepted the request",
        "This is a success reply (a 2xx reply code, RFC 5321 §4.2.1), not an error: the command "
        "it answers went through. If the mail still did not arrive, it was lost after this "
        "server accepted it.",
        [
            "The text is the server's answer to a command that worked, for example the reply "
            "to DATA after the message was queued.",
        ],
        [
            (
                U,
                "If the message did not arrive, look for a later bounce message, and ask the "
                "recipient to check the spam or junk folder.",
            ),
            (A, "Ask your IT team to trace the message with the queue id in this reply."),
        ],
        severity=Severity.INFO,
    ),
)


# Kinds the sender produces itself (safety refusals, delivery outcomes).
_SENDER_ENTRIES: tuple[CatalogueEntry, ...] = (
    _e(
        "config.ca_file_invalid",
        "The CA certificate file cannot be used",
        "The settings name a CA file to trust the server's certificate (for an internal relay "
        "with its own certificate authority), but the file could not be read or holds no "
        "certificate in PEM form, so no encrypted connection can be checked.",
        [
            "The path is wrong, or the file was moved or deleted.",
            "The application has no permission to read the file.",
            "The file is in DER or PKCS#12 form, or is a private key instead of the CA "
            "certificate.",
        ],
        [
            (U, "Check the path in the CA file setting and that the application can read it."),
            (
                A,
                "Ask your IT team for the certificate of the CA that signed the mail server's "
                "certificate, in PEM form (text starting with -----BEGIN CERTIFICATE-----).",
            ),
        ],
        fields=["ca_file"],
    ),
    _e(
        "auth.plaintext_refused",
        "Logging in over an unencrypted connection was refused",
        "Secure Connection is set to None, so the username and password would cross the network "
        "in clear, where anyone on the path can read them. smtpdiag does not send them that way "
        "unless told to.",
        [
            "Secure Connection was left at None while a login is configured.",
            "An internal relay without encryption is used, and it asks for a login.",
        ],
        [
            (
                U,
                "Set Secure Connection to TLS (STARTTLS, usually port 587) or SSL (port 465); "
                "almost every server offers one of them.",
            ),
            (
                U,
                "If the relay is on a trusted internal network and cannot encrypt, clear the "
                "username and password when it needs no login, or allow an insecure login "
                "explicitly (allow_insecure_auth=True).",
            ),
            (A, "Ask your IT team to enable STARTTLS on the relay."),
        ],
        fields=["security", "username", "password"],
    ),
    _e(
        "connection.delivery_unknown",
        "The message may or may not have been delivered",
        "The whole message was sent, but the connection failed before the server confirmed it. "
        "The server may have accepted the message or not; there is no way to tell from here.",
        [
            "The network connection dropped right after the message was sent.",
            "The server took longer than the timeout to confirm a large message.",
            "The server crashed or restarted while it processed the message.",
        ],
        [
            (
                U,
                "Check with the recipients (or in the Sent Items of the mailbox) whether the "
                "message arrived before sending it again, so it does not arrive twice.",
            ),
            (U, "If this happens with large messages, raise the timeout."),
            (A, "Ask your IT team to look for the message in the server's message trace."),
        ],
        fields=["timeout"],
        # Not retryable: the server may have the message, and a blind resend would deliver it
        # twice. The caller decides after checking (RFC 5321 §4.1.1.4 leaves it unknown).
        retryable=False,
    ),
)


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
# CatalogueEntry.category splits the kind; make_diagnosis runs once per classify() call.
_CATEGORY_OF: dict[str, Category] = {kind: entry.category for kind, entry in CATALOGUE.items()}


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
    if remedies:
        specific = tuple(remedies)
        general = tuple(r for r in entry.remedies if r not in specific)
        every = specific + general
    else:
        every = entry.remedies
    return _new_diagnosis(  # the classifier's hot path: the fast constructor, every field given
        entry.kind,
        _CATEGORY_OF[kind],
        entry.severity if severity is None else severity,
        entry.title,
        entry.meaning,
        entry.causes,
        every,
        entry.fields if fields is None else tuple(fields),
        source,
        entry.retryable if retryable is None else retryable,
        reply,
        stage,
        provider,
        detail,
    )


def _reply_diagnosis(
    kind: str, reply: Reply | None, stage: Stage | None, provider: str | None, detail: str | None
) -> Diagnosis:
    """``make_diagnosis`` for a classified reply: no specific remedies, fields or severity.

    Retrying helps when the reply is transient (4xx, RFC 5321 §4.2.1), else as the entry says.
    The classifier calls it once per ``classify()`` without settings, so it skips the keyword
    handling of :func:`make_diagnosis` (a test proves both agree for every kind).
    """
    entry = CATALOGUE[kind]
    code = None if reply is None else reply.code
    return _new_diagnosis(
        kind,
        _CATEGORY_OF[kind],
        entry.severity,
        entry.title,
        entry.meaning,
        entry.causes,
        entry.remedies,
        entry.fields,
        None,
        True if code is not None and 400 <= code < 500 else entry.retryable,  # RFC 5321 §4.2.1
        reply,
        stage,
        provider,
        detail,
    )
