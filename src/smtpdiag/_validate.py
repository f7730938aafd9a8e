"""The pre-flight validator: settings (and a message) in, diagnoses out.

No network I/O unless ``check_dns=True``, and then only bounded DNS look-ups through an
injectable resolver. Every finding names its field(s) and the settings layer they came from.
"""

from __future__ import annotations

import ipaddress
import math
import re
from collections.abc import Iterable
from email.message import Message
from typing import Any

from ._addresses import address_problem, has_line_break, split_address, split_address_list
from ._catalogue import make_diagnosis
from ._diagnosis import Diagnosis, Remedy, Severity
from ._dns import DnsStatus, Resolver, default_resolver, lookup
from ._settings import IMPLICIT_TLS_PORTS, STARTTLS_PORTS, AuthMethod, Security, SettingsModel
from ._suggest import provider_mismatch

__all__ = ["validate"]

_GUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
_LABEL = re.compile(r"^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$")
_HOST_PORT = re.compile(r"^(?P<host>[^:\s]+):(?P<port>\d{1,5})$")
_MULTI_TENANT = frozenset({"common", "organizations", "consumers"})


def validate(
    settings: SettingsModel,
    message: Message | None = None,
    *,
    check_dns: bool = False,
    resolver: Resolver | None = None,
    dns_timeout: float = 5.0,
) -> list[Diagnosis]:
    """Check ``settings`` (and ``message``) before anything touches the network.

    Returns every finding as a :class:`~smtpdiag.Diagnosis`, errors first; an empty list (or
    only warnings and info) means the configuration can be tried. With ``check_dns`` it also
    looks the SMTP server and the From domain up through ``resolver`` (dnspython's by default),
    each look-up bounded by ``dns_timeout``; a DNS timeout gives an info-severity diagnosis, never
    a false error. Never raises for any settings value.
    """
    found: list[Diagnosis] = list(settings.notes)
    src = settings.source_of

    found.extend(_check_host(settings))
    found.extend(_check_port(settings))
    if settings.security is Security.NONE:
        found.append(make_diagnosis("config.security_none", source=src("security")))
    timeout: Any = settings.timeout
    if not isinstance(timeout, (int, float)) or not math.isfinite(timeout) or timeout <= 0:
        found.append(
            make_diagnosis(
                "config.timeout_invalid",
                source=src("timeout"),
                detail=f"the timeout is {timeout!r}",
            )
        )
    found.extend(_check_auth(settings))
    found.extend(_check_sender(settings, message))
    found.extend(_check_recipients(settings, message))
    found.extend(_check_injection(settings, message))
    if check_dns:
        found.extend(_check_dns(settings, message, resolver, dns_timeout))
    order = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
    return sorted(found, key=lambda d: order[d.severity])


# -- host and port --------------------------------------------------------------------------------
def host_problem(host: str) -> str | None:
    """Say in plain words what is wrong with a server name, or None when it is usable."""
    if host != host.strip():
        return "has a leading or trailing space"
    if has_line_break(host):
        return "contains a line break"
    if "://" in host or re.match(r"^[a-z][a-z0-9+.-]*:(?!\d+$)", host, re.IGNORECASE):
        return "starts with a scheme such as smtp:// (enter only the server name)"
    if "@" in host:
        return "is an email address, not a server name"
    if re.search(r"\s", host):
        return "contains a space"
    try:
        ipaddress.ip_address(host)
        return None
    except ValueError:
        pass
    if _HOST_PORT.match(host):
        return "has a port appended (put the port in the SMTP Port field)"
    if "/" in host:
        return "contains a slash (enter only the server name, not a URL or path)"
    name = host[:-1] if host.endswith(".") else host
    try:
        ascii_name = name.encode("idna").decode("ascii") if not name.isascii() else name
    except UnicodeError:
        return "contains characters that are not allowed in host names"
    if not ascii_name or len(ascii_name) > 253:
        return "is not a valid host name (too long or empty)"
    for label in ascii_name.split("."):
        if not label:
            return "has an empty part (two dots in a row, or a leading dot)"
        if not _LABEL.match(label):
            return f"has an invalid part {label!r} (letters, digits and hyphens only)"
    if ascii_name.replace(".", "").isdigit():
        return "looks like an IP address but is not a valid one"
    return None


def _check_host(settings: SettingsModel) -> list[Diagnosis]:
    host: Any = settings.host
    if not isinstance(host, str) or not host.strip():
        return [make_diagnosis("config.host_missing", source=settings.source_of("host"))]
    problem = host_problem(host)
    if problem is None:
        return []
    remedies: list[Remedy] = []
    match = _HOST_PORT.match(host.strip())
    if match:
        remedies.append(
            Remedy(
                f"Set SMTP Server to {match.group('host')} and SMTP Port to {match.group('port')}."
            )
        )
    return [
        make_diagnosis(
            "config.host_invalid",
            source=settings.source_of("host"),
            detail=f"SMTP Server {host!r} {problem}",
            remedies=remedies,
        )
    ]


def _check_port(settings: SettingsModel) -> list[Diagnosis]:
    port: Any = settings.port
    source = settings.source_of("port")
    if isinstance(port, bool) or not isinstance(port, int):
        return [
            make_diagnosis(
                "config.port_invalid", source=source, detail=f"SMTP Port {port!r} is not a number"
            )
        ]
    if not 1 <= port <= 65535:
        return [
            make_diagnosis(
                "config.port_invalid",
                source=source,
                detail=f"SMTP Port {port} is outside 1 to 65535",
            )
        ]
    security = settings.security
    source = settings.source_of("port", "security")
    if port in IMPLICIT_TLS_PORTS and security is not Security.SSL:
        return [
            make_diagnosis(
                "config.port_security_mismatch",
                source=source,
                detail=(
                    f"Port {port} expects SSL (implicit TLS), but Secure Connection is "
                    f"{security.label}"
                ),
            )
        ]
    if port in STARTTLS_PORTS and security is Security.SSL:
        return [
            make_diagnosis(
                "config.port_security_mismatch",
                source=source,
                detail=(
                    f"Port {port} expects a plain start upgraded with STARTTLS, but Secure "
                    "Connection is SSL (implicit TLS)"
                ),
            )
        ]
    return []


# -- credentials ----------------------------------------------------------------------------------
def _check_auth(settings: SettingsModel) -> list[Diagnosis]:
    method = settings.auth_method
    if method is AuthMethod.PASSWORD:
        missing = [
            label
            for label, value in (("username", settings.username), ("password", settings.password))
            if not value
        ]
        if missing:
            return [
                make_diagnosis(
                    "auth.credentials_missing",
                    fields=missing,
                    source=settings.source_of(*missing),
                    detail=" and ".join(f"the {m}" for m in missing).capitalize()
                    + (" is" if len(missing) == 1 else " are")
                    + " empty",
                )
            ]
        return []
    if method is not AuthMethod.OAUTH:
        return []
    oauth = settings.oauth
    values = {
        "oauth_client_id": ("client ID", "" if oauth is None else oauth.client_id.strip()),
        "oauth_tenant_id": ("tenant ID", "" if oauth is None else oauth.tenant_id.strip()),
        "oauth_client_secret": ("client secret", "" if oauth is None else oauth.client_secret),
    }
    missing = [key for key, (_, value) in values.items() if not value]
    if missing:
        names = [values[key][0] for key in missing]
        return [
            make_diagnosis(
                "auth.oauth_incomplete",
                fields=missing,
                source=settings.source_of(*missing, "security"),
                detail="Missing: " + ", ".join(names),
            )
        ]
    found: list[Diagnosis] = []
    client_id, tenant, secret = (values[key][1] for key in values)
    if not _GUID.match(client_id):
        found.append(
            _oauth_malformed(
                settings,
                "oauth_client_id",
                "The client ID is not a GUID such as 00001111-aaaa-2222-bbbb-3333cccc4444; copy "
                "the Application (client) ID from the app registration's Overview page",
            )
        )
    if tenant.lower() in _MULTI_TENANT:
        found.append(
            _oauth_malformed(
                settings,
                "oauth_tenant_id",
                f"The tenant {tenant!r} is not a tenant: sending as an application needs your "
                "own Directory (tenant) ID or domain",
            )
        )
    elif not _GUID.match(tenant) and ("." not in tenant or host_problem(tenant) is not None):
        found.append(
            _oauth_malformed(
                settings,
                "oauth_tenant_id",
                "The tenant is neither a GUID nor a domain name such as contoso.onmicrosoft.com",
            )
        )
    if _GUID.match(secret.strip()):
        found.append(
            _oauth_malformed(
                settings,
                "oauth_client_secret",
                "The client secret is a GUID: that is usually the secret's ID, pasted instead of "
                "its Value",
            )
        )
    elif secret != secret.strip():
        found.append(
            _oauth_malformed(
                settings,
                "oauth_client_secret",
                "The client secret has a leading or trailing space",
            )
        )
    return found


def _oauth_malformed(settings: SettingsModel, field_name: str, detail: str) -> Diagnosis:
    return make_diagnosis(
        "auth.oauth_malformed",
        fields=[field_name],
        source=settings.source_of(field_name),
        detail=detail,
    )


# -- sender ---------------------------------------------------------------------------------------
def _message_addresses(message: Message | None, header: str) -> list[str]:
    if message is None:
        return []
    out: list[str] = []
    for value in message.get_all(header, []) or []:
        out.extend(split_address_list(str(value)))
    return out


def _check_sender(settings: SettingsModel, message: Message | None) -> list[Diagnosis]:
    found: list[Diagnosis] = []
    message_from = _message_addresses(message, "From")
    configured = settings.from_address
    if not configured.strip() and not message_from:
        found.append(
            make_diagnosis("sender.from_missing", source=settings.source_of("from_address"))
        )
    candidates: list[tuple[str, str, str | None]] = []
    if configured.strip():
        candidates.append(("from_address", configured, settings.source_of("from_address")))
    candidates.extend(("message.from", value, "message") for value in message_from)
    for field_name, value, source in candidates:
        if has_line_break(value):
            continue  # reported once, as header injection
        _, address = split_address(value)
        problem = address_problem(address)
        if problem is not None:
            text, blocking = problem
            found.append(
                make_diagnosis(
                    "sender.from_invalid",
                    fields=[field_name],
                    source=source,
                    detail=f"The From address {value!r} {text}",
                    severity=None if blocking else Severity.WARNING,
                )
            )
    login = settings.username.strip()
    sender = split_address(configured.strip() or (message_from[0] if message_from else ""))[1]
    if (
        settings.auth_method is AuthMethod.PASSWORD
        and "@" in login
        and "@" in sender
        and address_problem(sender) is None
        and login.rpartition("@")[2].lower() != sender.rpartition("@")[2].lower()
    ):
        found.append(
            make_diagnosis(
                "sender.username_from_mismatch",
                source=settings.source_of("from_address", "username"),
                detail=(
                    f"You log in as {login} but send as {sender}; the server may refuse to "
                    "send as that address"
                ),
            )
        )
    return found


# -- recipients -----------------------------------------------------------------------------------
_SETTINGS_LISTS = (("reply_to", "Reply-To"), ("cc", "CC"), ("bcc", "BCC"))
_MESSAGE_LISTS = (
    ("message.to", "To"),
    ("message.cc", "Cc"),
    ("message.bcc", "Bcc"),
    ("message.reply_to", "Reply-To"),
)


def _check_recipients(settings: SettingsModel, message: Message | None) -> list[Diagnosis]:
    found: list[Diagnosis] = []
    entries: list[tuple[str, str, str, str | None]] = []
    for field_name, label in _SETTINGS_LISTS:
        for value in getattr(settings, field_name):
            entries.append((field_name, label, value, settings.source_of(field_name)))
    for field_name, header in _MESSAGE_LISTS:
        for value in _message_addresses(message, header):
            entries.append((field_name, header, value, "message"))
    for field_name, label, value, source in entries:
        if has_line_break(value):
            continue  # reported once, as header injection
        _, address = split_address(value)
        problem = address_problem(address)
        if problem is None:
            continue
        text, blocking = problem
        found.append(
            make_diagnosis(
                "recipient.address_invalid",
                fields=[field_name],
                source=source,
                detail=f"The {label} address {value!r} {text}",
                severity=None if blocking else Severity.WARNING,
            )
        )
    if message is not None:
        recipients = [
            value
            for field_name, header in _MESSAGE_LISTS
            if field_name != "message.reply_to"
            for value in _message_addresses(message, header)
        ]
        if not recipients and not settings.cc and not settings.bcc:
            found.append(make_diagnosis("recipient.none", source="message"))
    return found


# -- injection ------------------------------------------------------------------------------------
def _check_injection(settings: SettingsModel, message: Message | None) -> list[Diagnosis]:
    checks: list[tuple[str, str, str | None]] = []
    for field_name in ("from_address", "from_name", "username", "local_hostname"):
        value = getattr(settings, field_name)
        if isinstance(value, str):
            checks.append((field_name, value, settings.source_of(field_name)))
    for field_name in ("reply_to", "cc", "bcc"):
        checks.extend(
            (field_name, value, settings.source_of(field_name))
            for value in getattr(settings, field_name)
        )
    found = [
        make_diagnosis(
            "message.header_injection",
            fields=[field_name],
            source=source,
            detail=f"The {field_name.replace('_', ' ')} value {value!r} contains a line break",
        )
        for field_name, value, source in checks
        if has_line_break(value)
    ]
    # Secrets and the CA path never go into a header, but a line break or NUL in one is a paste
    # error that no login can use; the value itself is never shown.
    oauth_secret = settings.oauth.client_secret if settings.oauth is not None else ""
    for field_name, label, value in (
        ("password", "password", settings.password),
        ("oauth_client_secret", "client secret", oauth_secret),
        ("ca_file", "CA file path", settings.ca_file),
    ):
        if isinstance(value, str) and has_line_break(value):
            found.append(
                make_diagnosis(
                    "message.header_injection",
                    fields=[field_name],
                    source=settings.source_of(field_name),
                    detail=f"The {label} contains a line break or a NUL character",
                )
            )
    if message is not None:
        for name, value in _raw_headers(message):
            if has_line_break(name) or has_line_break(value, header=True):
                found.append(
                    make_diagnosis(
                        "message.header_injection",
                        fields=[f"message.{name.lower().replace('-', '_')}"],
                        source="message",
                        detail=f"The {name} header {value!r} contains a line break",
                    )
                )
    return found


def _raw_headers(message: Message) -> Iterable[tuple[str, str]]:
    # The values as set, before any policy folding: Message.items() would refold them.
    for name, value in message.raw_items():
        yield str(name), value if isinstance(value, str) else str(value)


# -- DNS ------------------------------------------------------------------------------------------
def _check_dns(
    settings: SettingsModel,
    message: Message | None,
    resolver: Resolver | None,
    timeout: float,
) -> list[Diagnosis]:
    if resolver is None:
        resolver = default_resolver(timeout)
    if resolver is None:
        return [make_diagnosis("config.dns_unchecked", detail="This machine has no DNS resolver")]
    found: list[Diagnosis] = []
    host = settings.host.strip() if isinstance(settings.host, str) else ""
    if host and host_problem(host) is None and not _is_ip(host):
        statuses = [lookup(resolver, host, rdtype, timeout=timeout) for rdtype in ("A", "AAAA")]
        if any(s.status is DnsStatus.OK for s in statuses):
            pass
        elif any(s.status is DnsStatus.UNKNOWN for s in statuses):
            found.append(
                make_diagnosis(
                    "config.dns_unchecked",
                    fields=["host"],
                    detail=f"Could not check whether {host} exists: "
                    + next(s.error for s in statuses if s.status is DnsStatus.UNKNOWN),
                )
            )
        else:
            found.append(
                make_diagnosis(
                    "config.host_unresolvable",
                    source=settings.source_of("host"),
                    detail=f"{host} has no address in the DNS",
                )
            )
    sender = settings.from_address.strip() or next(iter(_message_addresses(message, "From")), "")
    address = split_address(sender)[1]
    if address and address_problem(address) is None and not address.endswith("]"):
        found.extend(_check_mail_domain(settings, address.rpartition("@")[2], resolver, timeout))
        found.extend(provider_mismatch(settings, address.rpartition("@")[2], resolver, timeout))
    return found


def _check_mail_domain(
    settings: SettingsModel, domain: str, resolver: Resolver, timeout: float
) -> list[Diagnosis]:
    source = settings.source_of("from_address")
    mx = lookup(resolver, domain, "MX", timeout=timeout)
    if mx.status is DnsStatus.UNKNOWN:
        return [
            make_diagnosis(
                "config.dns_unchecked",
                fields=["from_address"],
                detail=f"Could not check the mail servers of {domain}: {mx.error}",
            )
        ]
    if mx.status is DnsStatus.OK:
        # RFC 7505: a single MX of preference 0 and target "." says the domain accepts no mail.
        targets = [str(getattr(r, "exchange", "")).rstrip(".") for r in mx.records]
        if len(targets) == 1 and targets[0] == "":
            return [
                make_diagnosis(
                    "sender.domain_no_mail",
                    source=source,
                    detail=f"{domain} publishes a null MX record: it accepts no mail",
                )
            ]
        return []
    if mx.status is DnsStatus.NXDOMAIN:
        return [
            make_diagnosis(
                "sender.domain_no_mail",
                source=source,
                detail=f"The From domain {domain} does not exist",
            )
        ]
    # No MX: RFC 5321 §5.1 falls back to the domain's own address records.
    addresses = [lookup(resolver, domain, rdtype, timeout=timeout) for rdtype in ("A", "AAAA")]
    if any(a.status is DnsStatus.OK for a in addresses):
        return []
    if any(a.status is DnsStatus.UNKNOWN for a in addresses):
        return [
            make_diagnosis(
                "config.dns_unchecked",
                fields=["from_address"],
                detail=f"Could not check the mail servers of {domain}",
            )
        ]
    return [
        make_diagnosis(
            "sender.domain_no_mail",
            source=source,
            detail=f"The From domain {domain} has no MX record and no address",
        )
    ]


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True
