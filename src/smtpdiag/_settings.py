"""SettingsModel: one sending configuration, loaded from Python, mappings, the environment, TOML
or named layers (no network I/O; ``from_toml`` reads one file).

Secrets (the password and the OAuth client secret) never appear in ``repr``, ``str``,
``to_dict`` or ``summary``: they are masked as ``●●●●●●●●``.
"""

from __future__ import annotations

import enum
import os
import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ._catalogue import make_diagnosis
from ._diagnosis import Diagnosis
from ._errors import SettingsError

__all__ = [
    "IMPLICIT_TLS_PORTS",
    "MASK",
    "STARTTLS_PORTS",
    "AuthMethod",
    "Layer",
    "OAuthCredentials",
    "Security",
    "SettingsModel",
]

#: What every rendering shows instead of a secret.
MASK = "●●●●●●●●"

#: Ports whose security mode is fixed: RFC 8314 §3.3 (465: implicit TLS), and RFC 6409 / 5321
#: (587 submission and 25 relay: a plaintext start upgraded with STARTTLS).
IMPLICIT_TLS_PORTS = frozenset({465})
STARTTLS_PORTS = frozenset({25, 587})


class Security(enum.StrEnum):
    """The "Secure Connection" choice."""

    #: Plaintext, no encryption.
    NONE = "none"
    #: Implicit TLS: encryption from the first byte (usually port 465).
    SSL = "ssl"
    #: A plaintext start upgraded with STARTTLS (usually port 587). Admin screens call it "TLS".
    STARTTLS = "starttls"

    @property
    def label(self) -> str:
        """The label admin screens use: None, SSL or TLS."""
        return {"none": "None", "ssl": "SSL", "starttls": "TLS (STARTTLS)"}[self.value]


class AuthMethod(enum.StrEnum):
    """How the client logs in."""

    NONE = "none"
    PASSWORD = "password"
    OAUTH = "oauth"


# What people type in a "Secure Connection" box -> (security, implies OAuth).
_SECURITY_LABELS: Mapping[str, tuple[Security, bool]] = {
    "none": (Security.NONE, False),
    "plain": (Security.NONE, False),
    "plaintext": (Security.NONE, False),
    "no": (Security.NONE, False),
    "off": (Security.NONE, False),
    "false": (Security.NONE, False),
    "ssl": (Security.SSL, False),
    "ssl/tls": (Security.SSL, False),
    "implicit": (Security.SSL, False),
    "implicit tls": (Security.SSL, False),
    "implicit_tls": (Security.SSL, False),
    "smtps": (Security.SSL, False),
    "tls": (Security.STARTTLS, False),
    "starttls": (Security.STARTTLS, False),
    "start tls": (Security.STARTTLS, False),
    "start_tls": (Security.STARTTLS, False),
    "oauth": (Security.STARTTLS, True),
    "oauth2": (Security.STARTTLS, True),
}


def parse_security(value: object, key: str = "security") -> tuple[Security, bool]:
    """Read a Secure Connection label; return the mode and whether it implies OAuth."""
    if isinstance(value, Security):
        return value, False
    if isinstance(value, bool):
        return (Security.STARTTLS if value else Security.NONE), False
    if not isinstance(value, str):
        raise SettingsError(key, f"expected a text label, got {type(value).__name__}")
    label = value.strip().lower()
    if label in _SECURITY_LABELS:
        return _SECURITY_LABELS[label]
    raise SettingsError(
        key,
        f"unknown Secure Connection {value!r}; use None, SSL, TLS, STARTTLS or OAuth",
    )


def _mask(value: str) -> str:
    return MASK if value else ""


@dataclass(frozen=True, slots=True)
class OAuthCredentials:
    """Microsoft Entra ID (Azure AD) client-credentials for XOAUTH2 (the secret is masked)."""

    client_id: str = ""
    tenant_id: str = ""
    client_secret: str = field(default="", repr=False)

    def __repr__(self) -> str:
        return (
            f"OAuthCredentials(client_id={self.client_id!r}, tenant_id={self.tenant_id!r}, "
            f"client_secret={_mask(self.client_secret)!r})"
        )

    __str__ = __repr__

    def to_dict(self) -> dict[str, str]:
        return {
            "client_id": self.client_id,
            "tenant_id": self.tenant_id,
            "client_secret": _mask(self.client_secret),
        }


_ADDRESS_SPLIT = re.compile(r"[,;]")


def _split_addresses(value: str) -> tuple[str, ...]:
    # Keep each part as typed (spaces included) so the validator can say what is wrong with it;
    # only drop the whitespace around the separators and empty parts.
    return tuple(part.strip() for part in _ADDRESS_SPLIT.split(value) if part.strip())


def _as_text(key: str, value: object, *, optional: bool = False) -> Any:
    if value is None and optional:
        return None
    if isinstance(value, str):
        return value
    raise SettingsError(key, f"expected text, got {type(value).__name__}")


def _as_addresses(key: str, value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return _split_addresses(value)
    if isinstance(value, (list, tuple)):
        out: list[str] = []
        for item in value:
            if not isinstance(item, str):
                raise SettingsError(key, f"expected addresses as text, got {type(item).__name__}")
            out.extend(_split_addresses(item) if _ADDRESS_SPLIT.search(item) else [item])
        return tuple(out)
    raise SettingsError(key, f"expected an address list, got {type(value).__name__}")


def _as_port(key: str, value: object) -> Any:
    # A number-like value becomes an int; other text is kept as typed so that validate() can
    # report config.port_invalid naming the field, as a settings screen needs.
    if isinstance(value, bool):
        raise SettingsError(key, "expected a port number, got a boolean")
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        text = value.strip()
        if text.isascii() and text.isdigit():
            return int(text)
        return value
    raise SettingsError(key, f"expected a port number, got {type(value).__name__}")


def _as_timeout(key: str, value: object) -> Any:
    if isinstance(value, bool):
        raise SettingsError(key, "expected a number of seconds, got a boolean")
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.strip())
        except ValueError:
            return value
    raise SettingsError(key, f"expected a number of seconds, got {type(value).__name__}")


def _as_auth(key: str, value: object) -> AuthMethod | None:
    if value is None or isinstance(value, AuthMethod):
        return value
    if isinstance(value, str):
        label = value.strip().lower()
        if label in ("", "auto"):
            return None
        if label in ("app_password", "app password"):
            return AuthMethod.PASSWORD
        try:
            return AuthMethod(label)
        except ValueError:
            pass
        raise SettingsError(key, f"unknown auth method {value!r}; use none, password or oauth")
    raise SettingsError(key, f"expected none, password or oauth, got {type(value).__name__}")


_OAUTH_FLAT = ("oauth_client_id", "oauth_tenant_id", "oauth_client_secret")


@dataclass(frozen=True, slots=True)
class SettingsModel:
    """One sending configuration.

    Values are accepted as people type them: ``security`` as "None", "SSL", "TLS", "STARTTLS" or
    "OAuth" (STARTTLS plus OAuth), ``port`` as text, ``cc``/``bcc``/``reply_to`` as comma- or
    semicolon-separated text. A value of the wrong type raises :class:`~smtpdiag.SettingsError`;
    a value that parses but is wrong (port 70000, a malformed address, port text that is not a
    number) is kept so that :func:`~smtpdiag.validate` can report it against its field.

    ``sources`` maps a field name to the settings layer its value came from; ``notes`` holds
    findings made while building the settings (such as an override of a locked field), which
    :func:`~smtpdiag.validate` reports.
    """

    host: str = ""
    port: int = 587
    security: Security = Security.STARTTLS
    username: str = ""
    password: str = field(default="", repr=False)
    oauth: OAuthCredentials | None = None
    auth: AuthMethod | None = None
    from_address: str = ""
    from_name: str = ""
    reply_to: tuple[str, ...] = ()
    cc: tuple[str, ...] = ()
    bcc: tuple[str, ...] = ()
    timeout: float = 30.0
    local_hostname: str | None = None
    ca_file: str | None = None
    sources: Mapping[str, str] = field(default_factory=dict, repr=False, compare=False)
    notes: tuple[Diagnosis, ...] = field(default=(), repr=False, compare=False)

    def __post_init__(self) -> None:
        put = object.__setattr__
        for name in ("host", "username", "password", "from_address", "from_name"):
            put(self, name, _as_text(name, getattr(self, name)))
        for name in ("local_hostname", "ca_file"):
            put(self, name, _as_text(name, getattr(self, name), optional=True))
        put(self, "port", _as_port("port", self.port))
        put(self, "timeout", _as_timeout("timeout", self.timeout))
        security, implies_oauth = parse_security(self.security)
        put(self, "security", security)
        auth = _as_auth("auth", self.auth)
        if implies_oauth and auth is None:
            auth = AuthMethod.OAUTH
        put(self, "auth", auth)
        oauth = self.oauth
        if isinstance(oauth, Mapping):
            oauth = _oauth_from_mapping(oauth, "oauth")
        if oauth is not None and not isinstance(oauth, OAuthCredentials):
            raise SettingsError("oauth", f"expected OAuthCredentials, got {type(oauth).__name__}")
        put(self, "oauth", oauth)
        for name in ("reply_to", "cc", "bcc"):
            put(self, name, _as_addresses(name, getattr(self, name)))
        put(self, "sources", MappingProxyType(dict(self.sources)))
        put(self, "notes", tuple(self.notes))

    def __getstate__(self) -> dict[str, Any]:
        state = {f.name: getattr(self, f.name) for f in fields(self)}
        state["sources"] = dict(self.sources)
        return state

    def __setstate__(self, state: Mapping[str, Any]) -> None:
        for name, value in state.items():
            object.__setattr__(self, name, value)
        object.__setattr__(self, "sources", MappingProxyType(dict(self.sources)))

    # -- what it means ---------------------------------------------------------------------
    @property
    def auth_method(self) -> AuthMethod:
        """The login method: the ``auth`` field when set, else inferred from what is filled in."""
        if self.auth is not None:
            return self.auth
        if self.oauth is not None:
            return AuthMethod.OAUTH
        if self.username or self.password:
            return AuthMethod.PASSWORD
        return AuthMethod.NONE

    def source_of(self, *names: str) -> str | None:
        """The layer the first of ``names`` that has a recorded source came from."""
        for name in names:
            if name in self.sources:
                return self.sources[name]
            if name.startswith("oauth_") and "oauth" in self.sources:
                return self.sources["oauth"]
        return None

    # -- renderings (secrets masked) -------------------------------------------------------
    def __repr__(self) -> str:
        shown = ", ".join(
            f"{name}={value!r}" for name, value in self._public_items() if name != "password"
        )
        return f"SettingsModel({shown}, password={_mask(self.password)!r})"

    def __str__(self) -> str:
        return self.summary()

    def _public_items(self) -> list[tuple[str, Any]]:
        return [
            (f.name, getattr(self, f.name))
            for f in fields(self)
            if f.name not in ("sources", "notes")
        ]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-safe dictionary with the secrets masked."""
        out: dict[str, Any] = {}
        for name, value in self._public_items():
            if name == "password":
                out[name] = _mask(value)
            elif name == "oauth":
                out[name] = None if value is None else value.to_dict()
            elif isinstance(value, enum.Enum):
                out[name] = value.value
            elif isinstance(value, tuple):
                out[name] = list(value)
            else:
                out[name] = value
        out["auth"] = self.auth_method.value
        out["sources"] = dict(self.sources)
        return out

    def summary_rows(self) -> list[tuple[str, str]]:
        """The settings as (label, value) rows, in the order admin screens show them."""
        oauth = self.oauth or OAuthCredentials()
        return [
            ("SMTP Server", self.host),
            ("SMTP Port", str(self.port)),
            ("Secure Connection", self.security.label),
            ("Authentication", self.auth_method.value),
            ("Username", self.username),
            ("Password", _mask(self.password)),
            ("OAuth Client ID", oauth.client_id),
            ("OAuth Tenant ID", oauth.tenant_id),
            ("OAuth Client Secret", _mask(oauth.client_secret)),
            ("From Name", self.from_name),
            ("From Address", self.from_address),
            ("Reply-To", ", ".join(self.reply_to)),
            ("CC", ", ".join(self.cc)),
            ("BCC", ", ".join(self.bcc)),
            (
                "Timeout",
                f"{self.timeout:g} s" if isinstance(self.timeout, float) else str(self.timeout),
            ),
        ]

    def summary(self) -> str:
        """A two-column table of the settings, secrets masked."""
        rows = self.summary_rows()
        width = max(len(label) for label, _ in rows)
        return "\n".join(f"{label:<{width}}  {value or '(not set)'}" for label, value in rows)

    # -- constructors ----------------------------------------------------------------------
    @classmethod
    def from_mapping(
        cls, mapping: Mapping[str, Any], *, source: str | None = "mapping"
    ) -> SettingsModel:
        """Build settings from a mapping of field names.

        Takes the field names plus flat ``oauth_client_id``, ``oauth_tenant_id`` and
        ``oauth_client_secret``, or an ``oauth`` mapping. An unknown key or a value of the wrong
        type raises :class:`~smtpdiag.SettingsError` naming the key.
        """
        values = _normalise_mapping(mapping)
        sources = dict.fromkeys(values, source) if source else {}
        return cls(**values, sources=sources)

    @classmethod
    def from_env(
        cls, prefix: str = "SMTP_", environ: Mapping[str, str] | None = None
    ) -> SettingsModel:
        """Build settings from environment variables such as ``SMTP_HOST`` and ``SMTP_PORT``.

        Every variable that starts with ``prefix`` must name a setting, so that a typo such as
        ``SMTP_PASSWROD`` is an error rather than a silently missing password.
        """
        env = os.environ if environ is None else environ
        mapping: dict[str, str] = {}
        sources: dict[str, str] = {}
        for name, value in env.items():
            if not name.upper().startswith(prefix.upper()) or len(name) == len(prefix):
                continue
            key = name[len(prefix) :].lower()
            if key not in _KNOWN_KEYS or key == "oauth":
                raise SettingsError(name, _unknown_key_reason(key, prefix.upper()))
            mapping[key] = value
            sources[_canonical_source_key(key)] = f"environment ({name})"
        values = _normalise_mapping(mapping)
        return cls(**values, sources=sources)

    @classmethod
    def from_toml(cls, path: str | os.PathLike[str]) -> SettingsModel:
        """Build settings from a TOML file: keys at the top level or in an ``[smtp]`` table."""
        file = Path(path)
        try:
            with file.open("rb") as handle:
                data = tomllib.load(handle)
        except tomllib.TOMLDecodeError as exc:
            raise SettingsError(str(file), f"not valid TOML: {exc}") from exc
        except UnicodeDecodeError as exc:
            raise SettingsError(str(file), "not valid TOML: the file is not UTF-8 text") from exc
        except OSError as exc:
            raise SettingsError(str(file), f"cannot read the file: {exc.strerror or exc}") from exc
        if "smtp" in data and isinstance(data["smtp"], Mapping):
            extra = [key for key in data if key != "smtp"]
            if extra:
                raise SettingsError(extra[0], "unknown key beside the [smtp] table")
            return cls.from_mapping(data["smtp"], source=f"file {file.name}")
        return cls.from_mapping(data, source=f"file {file.name}")

    @classmethod
    def from_layers(cls, layers: Sequence[Layer]) -> SettingsModel:
        """Merge named layers, later ones overriding earlier ones except for locked fields.

        A field locked in a layer keeps that layer's value; a later layer that tries to change it
        is reported in ``notes`` as ``config.locked_override`` (a warning naming the field and the
        layer), never dropped silently. ``sources`` records the layer each value came from.
        """
        merged: dict[str, Any] = {}
        sources: dict[str, str] = {}
        locked_by: dict[str, str] = {}
        notes: list[Diagnosis] = []
        for layer in layers:
            values = _normalise_mapping(layer.values)
            for key, value in values.items():
                if key in locked_by:
                    if merged.get(key) != value:
                        notes.append(
                            make_diagnosis(
                                "config.locked_override",
                                fields=_diagnosis_fields(key),
                                source=layer.name,
                                detail=(
                                    f"'{key}' is locked in the '{locked_by[key]}' settings; the "
                                    f"value from '{layer.name}' was ignored"
                                ),
                            )
                        )
                    continue
                merged[key] = value
                sources[key] = layer.name
            for key in layer.locked:
                canonical = _canonical_source_key(_check_key(key))
                locked_by.setdefault(canonical, layer.name)
        return cls(**merged, sources=sources, notes=tuple(notes))

    def with_values(self, **changes: Any) -> SettingsModel:
        """A copy with some fields replaced (sources are kept for the unchanged ones)."""
        sources = {k: v for k, v in self.sources.items() if k not in changes}
        return replace(self, **changes, sources=sources)


@dataclass(frozen=True, slots=True)
class Layer:
    """One named layer of settings for :meth:`SettingsModel.from_layers`.

    ``locked`` names fields that later layers may not change ("Editable: No").
    """

    name: str
    values: Mapping[str, Any]
    locked: frozenset[str] = frozenset()

    def __init__(self, name: str, values: Mapping[str, Any], locked: Iterable[str] = ()) -> None:
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "values", values)
        object.__setattr__(self, "locked", frozenset(locked))

    def __repr__(self) -> str:
        keys = ", ".join(sorted(self.values))
        return f"Layer(name={self.name!r}, keys=[{keys}], locked={sorted(self.locked)!r})"


_MODEL_KEYS = frozenset(f.name for f in fields(SettingsModel) if f.name not in ("sources", "notes"))
_KNOWN_KEYS = _MODEL_KEYS | frozenset(_OAUTH_FLAT)


def _canonical_source_key(key: str) -> str:
    return "oauth" if key in _OAUTH_FLAT else key


def _diagnosis_fields(key: str) -> tuple[str, ...]:
    if key == "oauth":
        return _OAUTH_FLAT
    return (key,)


def _unknown_key_reason(key: str, prefix: str = "") -> str:
    import difflib

    close = difflib.get_close_matches(key, sorted(_KNOWN_KEYS), n=1)
    hint = f"; did you mean {prefix}{close[0].upper() if prefix else close[0]!s}?" if close else ""
    return f"unknown setting{hint}"


def _check_key(key: object) -> str:
    if not isinstance(key, str):
        raise SettingsError(repr(key), "setting names must be text")
    if key not in _KNOWN_KEYS:
        raise SettingsError(key, _unknown_key_reason(key))
    return key


def _oauth_from_mapping(mapping: Mapping[Any, Any], key: str) -> OAuthCredentials:
    values: dict[str, str] = {}
    for name, value in mapping.items():
        if name not in ("client_id", "tenant_id", "client_secret"):
            raise SettingsError(
                f"{key}.{name}", "unknown OAuth setting; use client_id, tenant_id, client_secret"
            )
        values[name] = _as_text(f"{key}.{name}", value)
    return OAuthCredentials(**values)


def _normalise_mapping(mapping: Mapping[str, Any]) -> dict[str, Any]:
    if not isinstance(mapping, Mapping):
        raise SettingsError("settings", f"expected a mapping, got {type(mapping).__name__}")
    out: dict[str, Any] = {}
    flat: dict[str, str] = {}
    for raw_key, value in mapping.items():
        key = _check_key(raw_key)
        if key in _OAUTH_FLAT:
            flat[key.removeprefix("oauth_")] = _as_text(key, value)
        elif key == "oauth":
            if value is None or isinstance(value, OAuthCredentials):
                out[key] = value
            elif isinstance(value, Mapping):
                out[key] = _oauth_from_mapping(value, key)
            else:
                raise SettingsError(
                    key, f"expected a table of OAuth values, got {type(value).__name__}"
                )
        elif key == "security":
            security, implies_oauth = parse_security(value)
            out[key] = security
            if implies_oauth:
                out.setdefault("auth", AuthMethod.OAUTH)
        elif key == "port":
            out[key] = _as_port(key, value)
        elif key == "timeout":
            out[key] = _as_timeout(key, value)
        elif key == "auth":
            out[key] = _as_auth(key, value)
        elif key in ("reply_to", "cc", "bcc"):
            out[key] = _as_addresses(key, value)
        elif key in ("local_hostname", "ca_file"):
            out[key] = _as_text(key, value, optional=True) or None
        else:
            out[key] = _as_text(key, value)
    if flat:
        if "oauth" in out:
            raise SettingsError("oauth", "give OAuth values either as a table or as oauth_* keys")
        out["oauth"] = OAuthCredentials(**flat)
    return out
