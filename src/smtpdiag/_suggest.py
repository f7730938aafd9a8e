"""Suggest the sending settings for an address's domain (I/O: bounded DNS look-ups; with
``probe=True`` also short SMTP connections to the candidates).

Evidence, strongest first: the address domain of a well-known provider (no DNS at all), the
domain's RFC 6186 / RFC 8314 SRV records (``_submissions._tcp`` implicit TLS, ``_submission._tcp``
STARTTLS), its MX records matched against the provider table in :mod:`smtpdiag._providers`, and
last the guesses ``smtp.<domain>`` / ``mail.<domain>`` when those names resolve. Every DNS step
goes through :func:`smtpdiag._dns.lookup` with a timeout; the look-ups run in parallel, so a
silent resolver costs about one timeout and gives fewer suggestions, never an exception.
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket
import ssl
import time
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from typing import Any

from ._addresses import split_address
from ._catalogue import make_diagnosis
from ._diagnosis import Diagnosis, Remedy
from ._dns import DnsResult, DnsStatus, Resolver, default_resolver, lookup
from ._errors import SettingsError
from ._providers import ProviderMatch, SuggestedAuth, match_domain, match_host, match_mx
from ._settings import Security, SettingsModel

__all__ = [
    "ProbeResult",
    "Suggestion",
    "probe_suggestions",
    "provider_mismatch",
    "suggest",
    "suggest_with_notes",
]

# Confidence of each kind of evidence (0..1); later endpoints of one row lose _STEP each.
_DIRECT = 0.95
_SRV = 0.9
_MX = 0.8
_STEP = 0.05
_GUESSES = (("smtp", 0.3), ("mail", 0.25))
_SECURITY_WORDS = {Security.SSL: "implicit TLS", Security.STARTTLS: "STARTTLS"}


@dataclass(frozen=True, slots=True)
class ProbeResult:
    """What one candidate server did when smtpdiag connected to it."""

    #: The TCP connection (and, for implicit TLS, the handshake attempt) got through.
    connected: bool
    #: The server sent its 220 greeting.
    greeted: bool
    banner: str = ""
    #: EHLO advertised STARTTLS.
    starttls: bool = False
    #: The SASL mechanisms advertised by EHLO (after STARTTLS when it was used).
    auth_mechanisms: tuple[str, ...] = ()
    #: A TLS handshake completed (implicit TLS, or after STARTTLS).
    tls: bool = False
    #: The certificate verified against the trusted CAs and the host name; None when no TLS.
    certificate_valid: bool | None = None
    #: Why the probe stopped early, in plain words.
    error: str | None = None
    elapsed: float = 0.0

    @property
    def tier(self) -> int:
        """3: greeted over TLS with a valid certificate; 2: TLS, certificate not valid;
        1: greeted without TLS; 0: no answer."""
        if not self.greeted:
            return 0
        if not self.tls:
            return 1
        return 3 if self.certificate_valid else 2

    def describe(self) -> str:
        """One line for the evidence list."""
        if not self.connected:
            return f"probe: no connection ({self.error or 'unknown error'})"
        if not self.greeted:
            return f"probe: connected but no greeting ({self.error or 'unknown error'})"
        parts = ["probe: greeted"]
        if self.starttls:
            parts.append("STARTTLS advertised")
        if self.tls:
            parts.append(
                "TLS handshake with a valid certificate"
                if self.certificate_valid
                else "TLS handshake, but the certificate is not valid"
            )
        if self.auth_mechanisms:
            parts.append("AUTH " + " ".join(self.auth_mechanisms))
        else:
            parts.append("no AUTH advertised")
        line = ", ".join(parts)
        if self.error:
            line += f" ({self.error})"
        return line

    def to_dict(self) -> dict[str, Any]:
        return {
            "connected": self.connected,
            "greeted": self.greeted,
            "banner": self.banner,
            "starttls": self.starttls,
            "auth_mechanisms": list(self.auth_mechanisms),
            "tls": self.tls,
            "certificate_valid": self.certificate_valid,
            "error": self.error,
            "elapsed": round(self.elapsed, 3),
        }


@dataclass(frozen=True, slots=True)
class Suggestion:
    """One setting to try, how sure smtpdiag is of it, and why."""

    host: str
    port: int
    security: Security
    #: The login to use first; ``auth_options`` lists every one the provider accepts.
    auth: SuggestedAuth
    provider: str | None
    #: 0..1: 0.95 for a provider's own address domain, 0.9 for an SRV record, 0.8 for an MX
    #: match, 0.3 or less for a guessed name; a probe raises or lowers it.
    confidence: float
    #: Human-readable reasons, strongest first.
    evidence: tuple[str, ...]
    auth_options: tuple[SuggestedAuth, ...] = ()
    #: The public page that documents this setting, when a provider row gave it.
    source: str | None = None
    note: str | None = None
    probe: ProbeResult | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "host": self.host,
            "port": self.port,
            "security": self.security.value,
            "auth": self.auth.value,
            "auth_options": [a.value for a in self.auth_options or (self.auth,)],
            "provider": self.provider,
            "confidence": round(self.confidence, 2),
            "evidence": list(self.evidence),
            "source": self.source,
            "note": self.note,
            "probe": None if self.probe is None else self.probe.to_dict(),
        }

    def __str__(self) -> str:
        logins = " or ".join(a.label for a in self.auth_options or (self.auth,))
        who = f"{self.provider}, " if self.provider else ""
        return (
            f"{self.host}:{self.port} {self.security.label}, log in with {logins} "
            f"({who}confidence {self.confidence:.2f})"
        )


# -- entry point ----------------------------------------------------------------------------------
def suggest(
    address_or_domain: str,
    *,
    resolver: Resolver | None = None,
    timeout: float = 5.0,
    probe: bool = False,
    ssl_context: ssl.SSLContext | None = None,
    connect_to: Mapping[tuple[str, int], tuple[str, int]] | None = None,
) -> list[Suggestion]:
    """Suggest host, port, security and login for sending as ``address_or_domain``.

    Accepts ``user@example.com``, ``Name <user@example.com>`` or a bare domain. Returns the
    suggestions best first (an empty list when nothing was found). A well-known provider's own
    address domain (gmail.com, outlook.com, ...) is answered without DNS; otherwise the domain's
    SRV, MX and address records are looked up through ``resolver`` (dnspython's by default), all
    in parallel, each bounded by ``timeout`` seconds.

    With ``probe=True`` each candidate is connected to (in parallel, ``timeout`` seconds each) to
    see whether it greets, offers STARTTLS and AUTH, and completes a TLS handshake with a valid
    certificate (checked with ``ssl_context``, the system's trusted CAs by default); the list is
    then ranked by what answered. ``connect_to`` maps a candidate ``(host, port)`` to the address
    actually dialled (like curl's ``--connect-to``), for tests and tunnels; the certificate is
    still checked against the candidate's host name.

    Raises :class:`~smtpdiag.SettingsError` when the input holds no usable domain name.
    """
    return suggest_with_notes(
        address_or_domain,
        resolver=resolver,
        timeout=timeout,
        probe=probe,
        ssl_context=ssl_context,
        connect_to=connect_to,
    )[0]


def suggest_with_notes(
    address_or_domain: str,
    *,
    resolver: Resolver | None = None,
    timeout: float = 5.0,
    probe: bool = False,
    ssl_context: ssl.SSLContext | None = None,
    connect_to: Mapping[tuple[str, int], tuple[str, int]] | None = None,
) -> tuple[list[Suggestion], list[str]]:
    """:func:`suggest`, plus plain lines saying what could not be checked (DNS timeouts)."""
    domain = domain_of(address_or_domain)
    found: list[Suggestion] = []
    notes: list[str] = []
    direct = match_domain(domain)
    if direct is not None:
        found.extend(
            _from_match(direct, _DIRECT, f"{domain} is an address domain of {direct.row.provider}")
        )
    else:
        if resolver is None:
            resolver = default_resolver(timeout)
        if resolver is None:
            notes.append("This machine has no DNS resolver configuration, so no DNS was checked.")
        else:
            found.extend(_from_dns(domain, resolver, timeout, notes))
    suggestions = _merge(found)
    if probe and suggestions:
        suggestions = probe_suggestions(
            suggestions, timeout=timeout, ssl_context=ssl_context, connect_to=connect_to
        )
    return suggestions, notes


def domain_of(address_or_domain: str) -> str:
    """The lower-case ASCII domain of an address or domain; SettingsError when there is none."""
    if not isinstance(address_or_domain, str):
        raise SettingsError("address", f"{address_or_domain!r} is not text")
    address = split_address(address_or_domain.strip())[1].strip()
    domain = address.rpartition("@")[2].strip().rstrip(".").lower()
    try:
        ascii_domain = domain.encode("idna").decode("ascii") if not domain.isascii() else domain
    except UnicodeError:
        ascii_domain = ""
    labels = ascii_domain.split(".")
    if (
        len(labels) < 2
        or len(ascii_domain) > 253
        or not all(
            0 < len(label) <= 63 and label.replace("-", "").isalnum() and label.isascii()
            for label in labels
        )
        or any(label.startswith("-") or label.endswith("-") for label in labels)
    ):
        raise SettingsError(
            "address", f"{address_or_domain!r} is not an email address or a domain name"
        )
    return ascii_domain


# -- evidence -------------------------------------------------------------------------------------
def _from_match(match: ProviderMatch, base: float, why: str) -> list[Suggestion]:
    row = match.row
    out: list[Suggestion] = []
    for index, endpoint in enumerate(match.endpoints()):
        documented = (
            f"{row.provider} documents {endpoint.host}:{endpoint.port} with "
            f"{_SECURITY_WORDS.get(endpoint.security, endpoint.security.label)} ({row.source})"
        )
        out.append(
            Suggestion(
                host=endpoint.host,
                port=endpoint.port,
                security=endpoint.security,
                auth=row.auth[0],
                provider=row.provider,
                confidence=max(base - _STEP * index, 0.05),
                evidence=(why, documented),
                auth_options=row.auth,
                source=row.source,
                note=row.note or None,
            )
        )
    return out


def _from_dns(
    domain: str, resolver: Resolver, timeout: float, notes: list[str]
) -> list[Suggestion]:
    queries = [
        (f"_submissions._tcp.{domain}", "SRV"),
        (f"_submission._tcp.{domain}", "SRV"),
        (domain, "MX"),
    ]
    for label, _ in _GUESSES:
        queries += [(f"{label}.{domain}", "A"), (f"{label}.{domain}", "AAAA")]
    results = _lookup_all(resolver, queries, timeout)
    unknown = [(q, r) for q, r in results.items() if r.status is DnsStatus.UNKNOWN]
    if unknown and len(unknown) == len(results):
        notes.append(f"The DNS could not be checked: {unknown[0][1].error}")
    else:
        notes.extend(f"Could not look up {q[0]} ({q[1]}): {r.error}" for q, r in unknown)

    found: list[Suggestion] = []
    not_offered: set[Security] = set()
    for label, security in (("_submissions", Security.SSL), ("_submission", Security.STARTTLS)):
        name = f"{label}._tcp.{domain}"
        srv, refused = _from_srv(name, security, results[(name, "SRV")])
        found.extend(srv)
        if refused:
            not_offered.add(security)
    found.extend(_from_mx(domain, results[(domain, "MX")]))
    for label, confidence in _GUESSES:
        host = f"{label}.{domain}"
        kinds = [t for t in ("A", "AAAA") if results[(host, t)].status is DnsStatus.OK]
        if not kinds:
            continue
        why = (
            f"{host} resolves ({' and '.join(kinds)} record): a guess, since many domains run "
            "their submission server under this name"
        )
        for index, security, port in ((0, Security.STARTTLS, 587), (1, Security.SSL, 465)):
            if security in not_offered:
                continue
            found.append(
                Suggestion(
                    host=host,
                    port=port,
                    security=security,
                    auth=SuggestedAuth.PASSWORD,
                    provider=None,
                    confidence=confidence - _STEP * index,
                    evidence=(why,),
                    auth_options=(SuggestedAuth.PASSWORD,),
                )
            )
    return found


def _lookup_all(
    resolver: Resolver, queries: Sequence[tuple[str, str]], timeout: float
) -> dict[tuple[str, str], DnsResult]:
    """Run every look-up at once; each is bounded by ``timeout`` and never raises."""
    with ThreadPoolExecutor(max_workers=len(queries), thread_name_prefix="smtpdiag-dns") as pool:
        futures = {
            query: pool.submit(lookup, resolver, query[0], query[1], timeout=timeout)
            for query in queries
        }
        return {query: future.result() for query, future in futures.items()}


def _from_srv(name: str, security: Security, result: DnsResult) -> tuple[list[Suggestion], bool]:
    """Suggestions from one RFC 6186 SRV name, and whether it says "not offered" (target ".")."""
    if result.status is not DnsStatus.OK:
        return [], False
    records = sorted(
        result.records,
        key=lambda r: (_int(getattr(r, "priority", 0)), -_int(getattr(r, "weight", 0))),
    )
    targets = [(str(getattr(r, "target", "")).rstrip(".").lower(), r) for r in records]
    if all(target == "" for target, _ in targets):
        # RFC 6186 §3.4 (RFC 2782): a target of "." means the service is decidedly not offered.
        return [], True
    out: list[Suggestion] = []
    for rank, (target, record) in enumerate(t for t in targets if t[0]):
        port = _int(getattr(record, "port", 0))
        if not 0 < port < 65536:
            continue
        row = match_host(target)
        why = (
            f"SRV {name} points to {target}:{port} "
            f"({'RFC 8314' if security is Security.SSL else 'RFC 6186'}: "
            f"{_SECURITY_WORDS[security]} submission published by the domain)"
        )
        out.append(
            Suggestion(
                host=target,
                port=port,
                security=security,
                auth=row.auth[0] if row else SuggestedAuth.PASSWORD,
                provider=row.provider if row else None,
                confidence=max(_SRV - _STEP * rank, 0.5),
                evidence=(why,),
                auth_options=row.auth if row else (SuggestedAuth.PASSWORD,),
                source=row.source if row else None,
                note=(row.note or None) if row else None,
            )
        )
    return out, False


def _from_mx(domain: str, result: DnsResult) -> list[Suggestion]:
    if result.status is not DnsStatus.OK:
        return []
    records = sorted(result.records, key=lambda r: _int(getattr(r, "preference", 0)))
    out: list[Suggestion] = []
    seen: set[str] = set()
    for record in records:
        host = str(getattr(record, "exchange", "")).rstrip(".").lower()
        if not host:
            continue  # RFC 7505 null MX: the domain receives no mail.
        match = match_mx(host)
        if match is None or match.row.provider in seen:
            continue
        seen.add(match.row.provider)
        why = f"{domain} receives mail at {host}, which is run by {match.row.provider}"
        out.extend(_from_match(match, _MX, why))
    return out


def _int(value: object) -> int:
    try:
        return int(value)  # type: ignore[call-overload, no-any-return]
    except (TypeError, ValueError):
        return 0


def _merge(found: Iterable[Suggestion]) -> list[Suggestion]:
    """One suggestion per (host, port, security): the strongest, with every reason kept."""
    ranked = sorted(found, key=lambda s: -s.confidence)
    merged: dict[tuple[str, int, Security], Suggestion] = {}
    for item in ranked:
        key = (item.host.lower(), item.port, item.security)
        best = merged.get(key)
        if best is None:
            merged[key] = item
            continue
        extra = tuple(line for line in item.evidence if line not in best.evidence)
        merged[key] = replace(
            best,
            evidence=best.evidence + extra,
            provider=best.provider or item.provider,
            source=best.source or item.source,
        )
    return sorted(merged.values(), key=lambda s: -s.confidence)


# -- probing --------------------------------------------------------------------------------------
def probe_suggestions(
    suggestions: Sequence[Suggestion],
    *,
    timeout: float = 5.0,
    ssl_context: ssl.SSLContext | None = None,
    connect_to: Mapping[tuple[str, int], tuple[str, int]] | None = None,
) -> list[Suggestion]:
    """Connect to every candidate in parallel and rank them by what actually answered.

    Each probe is bounded by ``timeout`` seconds in total; it greets, sends EHLO, upgrades with
    STARTTLS where the candidate says so, and quits without logging in or sending anything.
    """
    if not suggestions:
        return []
    context = ssl_context if ssl_context is not None else ssl.create_default_context()
    with ThreadPoolExecutor(
        max_workers=min(len(suggestions), 8), thread_name_prefix="smtpdiag-probe"
    ) as pool:
        futures = [
            pool.submit(
                probe_server,
                s.host,
                s.port,
                s.security,
                timeout=timeout,
                ssl_context=context,
                address=(connect_to or {}).get((s.host, s.port)),
            )
            for s in suggestions
        ]
        results = [future.result() for future in futures]
    probed = [_with_probe(s, r) for s, r in zip(suggestions, results, strict=True)]
    return sorted(probed, key=lambda s: (-(s.probe.tier if s.probe else 0), -s.confidence))


def _with_probe(suggestion: Suggestion, result: ProbeResult) -> Suggestion:
    factor = {0: 0.3, 1: 0.6, 2: 1.0}.get(result.tier)
    confidence = (
        min(1.0, suggestion.confidence + 0.15) if factor is None else suggestion.confidence * factor
    )
    return replace(
        suggestion,
        confidence=round(confidence, 3),
        evidence=(*suggestion.evidence, result.describe()),
        probe=result,
    )


class _ProbeStop(Exception):
    """The conversation cannot go on; the message says why in plain words."""


class _Conversation:
    """A minimal RFC 5321 client over a socket, every read bounded by one deadline."""

    def __init__(self, sock: socket.socket, deadline: float) -> None:
        self.sock = sock
        self.deadline = deadline
        self.buffer = b""

    def _readline(self) -> str:
        while b"\n" not in self.buffer:
            remaining = self.deadline - time.monotonic()
            if remaining <= 0:
                raise _ProbeStop("no answer in time")
            self.sock.settimeout(remaining)
            chunk = self.sock.recv(4096)
            if not chunk:
                raise _ProbeStop("the server closed the connection")
            self.buffer += chunk
            if len(self.buffer) > 65536:
                raise _ProbeStop("the server sent an over-long line")
        line, _, self.buffer = self.buffer.partition(b"\n")
        return line.rstrip(b"\r").decode("utf-8", "replace")

    def reply(self) -> tuple[int, list[str]]:
        lines: list[str] = []
        while True:
            line = self._readline()
            if len(line) < 3 or not line[:3].isdigit():
                raise _ProbeStop(f"not an SMTP reply: {line[:80]!r}")
            lines.append(line[4:])
            if line[3:4] != "-":
                return int(line[:3]), lines

    def command(self, text: str) -> tuple[int, list[str]]:
        remaining = self.deadline - time.monotonic()
        if remaining <= 0:
            raise _ProbeStop("no answer in time")
        self.sock.settimeout(remaining)
        self.sock.sendall(text.encode("ascii") + b"\r\n")
        return self.reply()

    def starttls(self, context: ssl.SSLContext, host: str) -> None:
        self.sock.settimeout(max(self.deadline - time.monotonic(), 0.01))
        self.sock = context.wrap_socket(self.sock, server_hostname=host)
        self.buffer = b""


def probe_server(
    host: str,
    port: int,
    security: Security,
    *,
    timeout: float = 5.0,
    ssl_context: ssl.SSLContext | None = None,
    address: tuple[str, int] | None = None,
) -> ProbeResult:
    """Greet one server, look at its EHLO and its TLS; never logs in, never raises.

    When the certificate does not verify, a second connection without verification tells
    whether TLS itself works (a self-signed local bridge, for example).
    """
    context = ssl_context if ssl_context is not None else ssl.create_default_context()
    started = time.monotonic()
    result = _probe_once(host, port, security, timeout, context, address)
    if result.certificate_valid is False and not result.tls:
        insecure = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        insecure.check_hostname = False
        insecure.verify_mode = ssl.CERT_NONE
        second = _probe_once(host, port, security, timeout, insecure, address)
        if second.tls:
            result = replace(second, certificate_valid=False, error=result.error)
    return replace(result, elapsed=time.monotonic() - started)


def _probe_once(
    host: str,
    port: int,
    security: Security,
    timeout: float,
    context: ssl.SSLContext,
    address: tuple[str, int] | None,
) -> ProbeResult:
    deadline = time.monotonic() + timeout
    state: dict[str, Any] = {"connected": False, "greeted": False}
    try:
        raw = socket.create_connection(address or (host, port), timeout=timeout)
    except OSError as exc:
        return ProbeResult(connected=False, greeted=False, error=_plain_error(exc))
    conversation = _Conversation(raw, deadline)
    try:
        state["connected"] = True
        if security is Security.SSL:
            conversation.starttls(context, host)
            state.update(tls=True, certificate_valid=context.verify_mode != ssl.CERT_NONE)
        code, lines = conversation.reply()
        if code != 220:
            raise _ProbeStop(f"greeting {code} {' '.join(lines)[:120]}")
        state.update(greeted=True, banner=" ".join(lines)[:200])
        extensions = _ehlo(conversation, raw)
        state["starttls"] = "STARTTLS" in extensions
        state["auth_mechanisms"] = extensions.get("AUTH", ())
        if security is Security.STARTTLS:
            if "STARTTLS" not in extensions:
                raise _ProbeStop("STARTTLS is not advertised")
            code, lines = conversation.command("STARTTLS")
            if code != 220:
                raise _ProbeStop(f"STARTTLS refused: {code} {' '.join(lines)[:120]}")
            conversation.starttls(context, host)
            state.update(tls=True, certificate_valid=context.verify_mode != ssl.CERT_NONE)
            extensions = _ehlo(conversation, raw)
            state["auth_mechanisms"] = extensions.get("AUTH", ())
        with contextlib.suppress(OSError, _ProbeStop):
            conversation.command("QUIT")
    except ssl.SSLCertVerificationError as exc:
        state.update(tls=False, certificate_valid=False)
        state["error"] = f"certificate not valid: {exc.verify_message or exc.reason}"
    except ssl.SSLError as exc:
        state.update(tls=False, certificate_valid=None)
        state["error"] = f"TLS handshake failed: {exc.reason or exc}"
    except _ProbeStop as exc:
        state["error"] = str(exc)
    except OSError as exc:
        state["error"] = _plain_error(exc)
    finally:
        with contextlib.suppress(OSError):
            conversation.sock.close()
        with contextlib.suppress(OSError):
            raw.close()
    return ProbeResult(**state)


def _ehlo(conversation: _Conversation, raw: socket.socket) -> dict[str, tuple[str, ...]]:
    """Send EHLO and return the advertised extensions (keyword -> parameters)."""
    code, lines = conversation.command(f"EHLO {_ehlo_name(raw)}")
    if code != 250:
        code, lines = conversation.command(f"HELO {_ehlo_name(raw)}")
        if code != 250:
            raise _ProbeStop(f"EHLO and HELO refused: {code} {' '.join(lines)[:120]}")
        return {}
    extensions: dict[str, tuple[str, ...]] = {}
    for line in lines[1:]:
        words = (
            line.replace("=", " ", 1).split() if line.upper().startswith("AUTH=") else line.split()
        )
        if words:
            keyword = words[0].upper()
            params = tuple(w.upper() for w in words[1:])
            extensions[keyword] = extensions.get(keyword, ()) + tuple(
                p for p in params if p not in extensions.get(keyword, ())
            )
    return extensions


def _ehlo_name(raw: socket.socket) -> str:
    # RFC 5321 §4.1.3: an address literal when there is no meaningful host name.
    try:
        local = raw.getsockname()[0]
        ip = ipaddress.ip_address(local)
    except (OSError, ValueError, IndexError):
        return "[127.0.0.1]"
    return f"[IPv6:{ip}]" if ip.version == 6 else f"[{ip}]"


def _plain_error(exc: OSError) -> str:
    if isinstance(exc, TimeoutError):
        return "no answer in time"
    if isinstance(exc, ConnectionRefusedError):
        return "connection refused"
    if isinstance(exc, socket.gaierror):
        return "the name does not resolve"
    return f"{type(exc).__name__}: {exc}"


# -- the validator's check ------------------------------------------------------------------------
def provider_mismatch(
    settings: SettingsModel, domain: str, resolver: Resolver, timeout: float
) -> list[Diagnosis]:
    """Warn when the settings contradict what the From domain's provider documents.

    The provider is known from the domain itself (gmail.com) or from its MX records. A server of
    another known provider, or a port/security pair the provider does not document for its own
    server, gives ``config.provider_mismatch``; an unknown server (a company relay) gives nothing.
    """
    match = match_domain(domain)
    if match is None:
        mx = lookup(resolver, domain, "MX", timeout=timeout)
        if mx.status is DnsStatus.OK:
            for record in sorted(mx.records, key=lambda r: _int(getattr(r, "preference", 0))):
                match = match_mx(str(getattr(record, "exchange", "")))
                if match is not None:
                    break
    if match is None or not isinstance(settings.host, str):
        return []
    host = settings.host.strip().lower().rstrip(".")
    if not host:
        return []
    row = match.row
    endpoints = match.endpoints()
    own = [e for e in endpoints if e.host.lower() == host]
    port: Any = settings.port
    security = settings.security
    source = settings.source_of("host", "port", "security")
    if own:
        if any(e.port == port and e.security is security for e in own):
            return []
        pairs = " or ".join(f"port {e.port} with {e.security.label}" for e in own)
        return [
            make_diagnosis(
                "config.provider_mismatch",
                source=source,
                provider=row.provider,
                fields=("port", "security"),
                detail=(
                    f"{row.provider} documents {host} with {pairs}, but the settings use port "
                    f"{port} with {security.label}"
                ),
                remedies=[
                    Remedy(
                        f"Set SMTP Port to {e.port} and Secure Connection to {e.security.label}, "
                        f"as {row.provider} documents at {row.source}."
                    )
                    for e in own
                ],
            )
        ]
    other = match_host(host)
    if other is None or other.provider == row.provider:
        return []
    best = endpoints[0]
    logins = " or ".join(a.label for a in row.auth)
    return [
        make_diagnosis(
            "config.provider_mismatch",
            source=source,
            provider=row.provider,
            detail=(
                f"The From domain {domain} belongs to {row.provider} ({match.what}), but SMTP "
                f"Server {host} is a {other.provider} server"
            ),
            remedies=[
                Remedy(
                    f"Set SMTP Server to {best.host}, SMTP Port to {best.port} and Secure "
                    f"Connection to {best.security.label}, as {row.provider} documents at "
                    f"{row.source}."
                ),
                Remedy(f"Log in to {row.provider} with {logins}."),
            ],
        )
    ]
