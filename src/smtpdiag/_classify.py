"""classify(): turn any sending failure into a Diagnosis (no I/O, no global state, never raises).

Three parts:

* :func:`_facts_from_exception` and :func:`_facts_from_text` reduce whatever was given (an
  exception, a pasted log line, a reply, a ``(code, bytes)`` tuple, an msal result dict) to the
  same :class:`_Facts`.
* :func:`_translate` is the ONE place that maps foreign failures (smtplib, ssl, socket/OSError,
  Unicode and header errors, msal, aiosmtplib) to catalogue kinds, most specific first.
* :class:`_Engine` walks the reply rules of :mod:`smtpdiag._rules`: rules indexed by enhanced
  code and by reply code first, text patterns tried only among candidates. It knows no provider
  by name.
"""

from __future__ import annotations

import ast
import base64
import binascii
import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ._catalogue import _reply_diagnosis, make_diagnosis
from ._diagnosis import Audience, Diagnosis, Remedy, Reply, Stage, _new_reply
from ._reply import _LABELLED_CODE, decode_reply_text, find_embedded_code, parse_reply
from ._rules import (
    AADSTS_KINDS,
    AADSTS_PHRASES,
    AADSTS_WORDS,
    DOTNET_STATUS_TEXTS,
    EXCEPTION_PHRASES,
    IDENTITY_ENDPOINTS,
    NESTED_CAUSE_MARKERS,
    OAUTH_ERROR_KINDS,
    OAUTH_ERRORS_NAMING_NO_CAUSE,
    PASSWORD_LOGIN_MARKERS,
    PROVIDERS,
    RULES,
    WRAPPER_PHRASES,
    XOAUTH2_MARKERS,
    Rule,
)
from ._settings import IMPLICIT_TLS_PORTS, MASK, AuthMethod, Security, SettingsModel

__all__ = ["classify"]

_MAX_TEXT = 20_000  # longer input is cut before any regular expression sees it


# ------------------------------------------------------------------------------------------------
# The rule engine


def _needles(pattern: str) -> tuple[tuple[str, ...], frozenset[str]] | None:
    """Lower-case literal prefixes, one per top-level alternative of ``pattern``.

    A text can only match when it contains one of them. None when some alternative does not
    start with a literal of at least three characters (the pattern is then always tried).
    The second value holds the needles that are a whole alternative: finding one is a match.
    """
    alternatives: list[str] = []
    depth = 0
    current: list[str] = []
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\" and i + 1 < len(pattern):
            current.append(pattern[i : i + 2])
            i += 2
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            alternatives.append("".join(current))
            current = []
            i += 1
            continue
        current.append(ch)
        i += 1
    alternatives.append("".join(current))
    needles: list[str] = []
    complete: set[str] = set()
    for alt in alternatives:
        literal: list[str] = []
        whole = True
        j = 0
        while j < len(alt):
            ch = alt[j]
            if ch == "\\":
                nxt = alt[j + 1 : j + 2]
                if nxt and not nxt.isalnum():
                    literal.append(nxt)
                    j += 2
                    continue
                if nxt == "b" and not literal:  # a word boundary at the start matches nothing
                    whole = False
                    j += 2
                    continue
                whole = False
                break
            if ch in ".^$*+?{}[]()|":
                if ch in "?*{" and literal:
                    literal.pop()
                whole = False
                break
            literal.append(ch)
            j += 1
        text = "".join(literal).lower()
        if len(text) < 3:
            return None
        needles.append(text)
        if whole:
            complete.add(text)
    return tuple(needles), frozenset(complete)


@dataclass(frozen=True, slots=True)
class _CompiledRule:
    rule: Rule
    codes: frozenset[int]
    code_class: int | None
    stages: frozenset[str]
    regex: re.Pattern[str] | None
    needles: tuple[str, ...] | None
    complete: frozenset[str]

    def applies(self, code: int | None, stage: Stage | None) -> bool:
        if self.codes and code is not None and code not in self.codes:
            return False
        if self.code_class is not None and code is not None and code // 100 != self.code_class:
            return False
        return not (self.stages and stage is not None and stage.value not in self.stages)

    def accepts(self, code: int | None, stage: Stage | None, low: str) -> bool:
        """The rule applies to this code and stage, and its pattern occurs in ``low``."""
        if not self.applies(code, stage):
            return False
        regex = self.regex
        if regex is None:
            return True
        if self.needles is not None:
            for needle in self.needles:
                if needle in low:
                    break
            else:
                return False
        return regex.search(low) is not None


def _compile(rule: Rule) -> _CompiledRule:
    codes: set[int] = set()
    code_class = None
    for token in rule.codes.split():
        if token.endswith("xx"):
            code_class = int(token[0])
        else:
            codes.add(int(token))
    # Rules are matched against lower-cased text; IGNORECASE makes a search several times slower,
    # so it is kept only for patterns that are not already all lower case.
    flags = 0 if rule.text == rule.text.lower() else re.IGNORECASE
    regex = re.compile(rule.text, flags) if rule.text else None
    found = _needles(rule.text) if rule.text else None
    return _CompiledRule(
        rule,
        frozenset(codes),
        code_class,
        frozenset(rule.stages.split()),
        regex,
        None if found is None else found[0],
        frozenset() if found is None else found[1],
    )


def _trie_pattern(words: Iterable[str]) -> str:
    """A regular expression matching any of ``words``, shaped as a trie (shared prefixes once)."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        branches = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


class _NeedleScan:
    """Finds which literal needles occur in a text, overlapping ones included, in one pass.

    One trie-shaped regular expression; at each position whose character can start a needle, a
    one-character lookbehind holds a lookahead that captures the longest needle starting there
    (``findall`` then steps one character on, so overlapping needles are all seen). The leading
    character class lets the regex engine skip the other positions in C. The needles that are
    prefixes of a found one occur there too and are added.
    """

    def __init__(self, needles: Iterable[str]) -> None:
        words = sorted(set(needles))
        self.prefixes: dict[str, frozenset[str]] = {
            needle: frozenset(other for other in words if needle.startswith(other))
            for needle in words
        }
        if words:
            first = "".join(sorted({re.escape(word[0]) for word in words}))
            pattern = f"[{first}](?<=(?=({_trie_pattern(words)}))(?s:.))"
        else:
            pattern = "(?!)"
        self.findall = re.compile(pattern).findall

    def __call__(self, low: str) -> set[str]:
        prefixes = self.prefixes
        return set().union(*[prefixes[needle] for needle in self.findall(low)])


class _TextTier:
    """Text-only rules, tried only when one of their literal needles occurs in the text.

    Only the rules owning a found needle (or having none) have their pattern tried, in table
    order; a needle that is a whole literal alternative proves the match on its own.
    """

    def __init__(self, rules: list[_CompiledRule]) -> None:
        self.rules = rules
        self.always: frozenset[int] = frozenset(
            index for index, compiled in enumerate(rules) if compiled.needles is None
        )
        owners: dict[str, set[int]] = {}
        for index, compiled in enumerate(rules):
            for needle in compiled.needles or ():
                owners.setdefault(needle, set()).add(index)
        self.owners: dict[str, frozenset[int]] = {
            needle: frozenset(indexes) for needle, indexes in owners.items()
        }

    def match(
        self, code: int | None, low: str, stage: Stage | None, found: set[str]
    ) -> Rule | None:
        owners = self.owners
        candidates = set(self.always)
        for needle in found:
            if needle in owners:
                candidates |= owners[needle]
        for index in sorted(candidates):
            candidate = self.rules[index]
            if not candidate.applies(code, stage):
                continue
            regex = candidate.regex
            if regex is None or not candidate.complete.isdisjoint(found):
                return candidate.rule
            if candidate.needles is None:
                if regex.search(low) is not None:
                    return candidate.rule
                continue
            # Every top-level alternative starts with its needle, so a match can only start
            # where one of the rule's found needles occurs: try the pattern there alone.
            match_at = regex.match
            for needle in candidate.needles:
                if needle in found:
                    at = low.find(needle)
                    while at >= 0:
                        if match_at(low, at) is not None:
                            return candidate.rule
                        at = low.find(needle, at + 1)
        return None


def _bucket_needles(bucket: list[_CompiledRule]) -> tuple[str, ...] | None:
    needles: list[str] = []
    for compiled in bucket:
        if compiled.regex is None or compiled.needles is None:
            return None
        needles.extend(n for n in compiled.needles if n not in needles)
    return tuple(needles)


class _Engine:
    """Rule tiers, tried in order; the first applicable matching rule wins.

    1. rules with an enhanced code and a text pattern, for that enhanced code;
    2. rules with a reply code and a text pattern, for that reply code;
    3. rules with only an enhanced code (decisive codes such as 5.7.139 or 5.1.1);
    4. rules with a strong text pattern only;
    5. rules with a weak (vague) text pattern only;
    6. rules with only a reply code.

    Tiers 1-3 are dictionary lookups followed by a few pattern searches; only a reply whose
    codes decide nothing reaches the text tiers, which scan the text once for their needles.
    """

    def __init__(self, rules: Iterable[Rule]) -> None:
        self.by_enhanced_text: dict[str, list[_CompiledRule]] = {}
        self.by_code_text: dict[int, list[_CompiledRule]] = {}
        self.by_enhanced: dict[str, list[_CompiledRule]] = {}
        self.by_code: dict[int, list[_CompiledRule]] = {}
        strong: list[_CompiledRule] = []
        weak: list[_CompiledRule] = []
        for rule in rules:
            compiled = _compile(rule)
            if rule.enhanced and rule.text:
                self.by_enhanced_text.setdefault(rule.enhanced, []).append(compiled)
            elif rule.enhanced:
                self.by_enhanced.setdefault(rule.enhanced, []).append(compiled)
            elif rule.text and compiled.codes:
                for code in compiled.codes:
                    self.by_code_text.setdefault(code, []).append(compiled)
            elif rule.text:
                (weak if rule.weak else strong).append(compiled)
            else:
                for code in compiled.codes:
                    self.by_code.setdefault(code, []).append(compiled)
        self.strong = _TextTier(strong)
        self.weak = _TextTier(weak)
        self.scan = _NeedleScan([*self.strong.owners, *self.weak.owners])
        # Every needle of a keyed bucket: when none occurs, none of its rules can match (None
        # when some rule has no needles and must always be tried).
        self.bucket_needles: dict[str | int, tuple[str, ...] | None] = {}
        for enhanced, bucket in self.by_enhanced_text.items():
            self.bucket_needles[enhanced] = _bucket_needles(bucket)
        for code, bucket in self.by_code_text.items():
            self.bucket_needles[code] = _bucket_needles(bucket)

    def _may_match(self, key: str | int, low: str) -> bool:
        needles = self.bucket_needles[key]
        if needles is None:
            return True
        for needle in needles:  # noqa: SIM110 (a plain loop: any() over a generator is slower)
            if needle in low:
                return True
        return False

    def match(
        self, code: int | None, enhanced: str | None, low: str, stage: Stage | None
    ) -> Rule | None:
        if enhanced and enhanced in self.by_enhanced_text and self._may_match(enhanced, low):
            for candidate in self.by_enhanced_text[enhanced]:
                if candidate.accepts(code, stage, low):
                    return candidate.rule
        if code is not None and code in self.by_code_text and self._may_match(code, low):
            for candidate in self.by_code_text[code]:
                if candidate.accepts(code, stage, low):
                    return candidate.rule
        if enhanced:
            for candidate in self.by_enhanced.get(enhanced, ()):
                if candidate.applies(code, stage):
                    return candidate.rule
        if code is not None and code < 400:
            return None  # 2xx and 3xx replies report no failure (RFC 5321 §4.2.1)
        found = self.scan(low)
        rule = self.strong.match(code, low, stage, found) or self.weak.match(
            code, low, stage, found
        )
        if rule is not None:
            return rule
        for candidate in self.by_code.get(code, ()) if code is not None else ():
            if candidate.applies(code, stage):
                return candidate.rule
        return None


_ENGINE = _Engine(RULES)


_PROVIDER_NEEDLES: tuple[tuple[str, str], ...] = tuple(
    (needle, signature.provider) for signature in PROVIDERS for needle in signature.needles
)


_TOKEN_EDGE = re.compile(r"[\s<>()\[\]\"',;]")


def _in_address(low: str, at: int) -> bool:
    """True when position ``at`` lies in the domain of an e-mail address (``bob@yahoo.com``)."""
    sign = low.rfind("@", 0, at)
    return sign >= 0 and _TOKEN_EDGE.search(low, sign, at) is None


def _host_provider(host: str | None) -> str | None:
    """The provider whose host name the server has (the server that replied)."""
    if host:
        name = host.strip().lower().rstrip(".")
        for signature in PROVIDERS:
            for suffix in signature.hosts:
                if name == suffix or name.endswith("." + suffix):
                    return signature.provider
    return None


def _detect_provider(low: str, host: str | None) -> str | None:
    """The provider by the host name of the server that replied, else by a trace id or signature.

    A signature inside an address or a longer name does not count: "550 5.1.1 <bob@yahoo.com>:
    User unknown" from a Postfix server is not a Yahoo reply, and "acme.com" is not "me.com".
    """
    by_host = _host_provider(host)
    if by_host is not None:
        return by_host
    for needle, provider in _PROVIDER_NEEDLES:
        if needle in low:  # (the operator is cheaper than find() on the usual miss)
            at = low.find(needle)
            while at >= 0:
                # A whole name ("me.com", not the end of "acme.com"), outside any address.
                before = low[at - 1 : at]
                if not (before.isalnum() or before == "-") and not _in_address(low, at):
                    return provider
                at = low.find(needle, at + 1)
    return None


# ------------------------------------------------------------------------------------------------
# Generic answers from the reply code and the RFC 3463 enhanced code


# RFC 5321 §4.2.2-4.2.3 and RFC 4954 §6: reply codes that decide on their own, by stage
# (None: any stage).
_CODE_KINDS: dict[tuple[int, str | None], str] = {
    (421, "connect"): "connection.greeting_refused",  # 421 instead of the 220 greeting (§3.1)
    (421, None): "server.unavailable",
    (452, "rcpt"): "recipient.too_many",  # §4.5.3.1.10
    (452, None): "server.insufficient_storage",
    (500, None): "protocol.syntax_error",
    (501, None): "protocol.syntax_error",
    (502, None): "protocol.not_implemented",
    (503, None): "protocol.bad_sequence",
    (504, None): "protocol.not_implemented",
    (530, None): "policy.authentication_required",
    (534, None): "auth.mechanism_unavailable",
    (535, None): "auth.invalid_credentials",
    (538, None): "policy.encryption_required",
    (551, None): "recipient.moved",
    (552, "data"): "message.too_large",
    (555, None): "protocol.not_implemented",
}

# RFC 3463 §3 subjects and details, by stage: (subject, detail or None, stage or None).
_SUBJECT_KINDS: dict[tuple[int, int | None, str | None], str] = {
    (0, 0, "mail"): "sender.rejected",
    (0, 0, "rcpt"): "recipient.rejected",
    (1, None, "mail"): "sender.rejected",
    (1, 1, None): "recipient.unknown",  # bad destination mailbox address
    (1, 2, None): "recipient.domain_not_found",  # bad destination system address
    (1, 3, None): "recipient.address_invalid",  # bad destination mailbox address syntax
    (1, 4, None): "recipient.rejected",  # destination mailbox address ambiguous
    (1, 7, None): "sender.domain_invalid",  # bad sender's mailbox address syntax
    (1, 8, None): "sender.domain_invalid",  # bad sender's system address
    (1, 10, None): "recipient.unknown",  # RFC 7505 recipient address has null MX
    (1, None, None): "recipient.rejected",
    (2, None, "mail"): "sender.rejected",
    (2, 1, None): "recipient.disabled",  # mailbox disabled
    (2, 2, None): "recipient.mailbox_full",
    (2, 3, None): "message.too_large",  # message length exceeds administrative limit
    (2, None, None): "recipient.rejected",
    (3, 1, None): "server.insufficient_storage",
    (3, 4, None): "message.too_large",
    (3, None, None): "server.error",
    (4, 5, None): "server.temporary",  # mail system congestion
    (4, None, None): "connection.routing_failed",  # network and routing status
    (5, 0, "mail"): "sender.rejected",
    (5, 0, "rcpt"): "recipient.rejected",
    (5, 2, None): "protocol.syntax_error",
    (5, 3, None): "recipient.too_many",
    (5, 4, None): "protocol.syntax_error",
    (5, None, None): "protocol.not_implemented",
    (6, 0, None): "message.content_rejected",
    (6, 1, None): "message.content_rejected",
    (6, None, None): "message.malformed",
    (7, None, "connect"): "policy.rejected",
    (7, None, "ehlo"): "policy.rejected",
    (7, None, "mail"): "sender.rejected",
    (7, 8, None): "auth.invalid_credentials",
    (7, 25, None): "policy.ptr_required",  # RFC 7372
    **{(7, detail, None): "policy.dmarc_failed" for detail in (20, 21, 22, 23, 24, 26, 27)},
    (7, None, None): "unknown.security",
}

# What a reply code means at a stage when neither the text nor the enhanced code decides.
_STAGE_CODE_KINDS: dict[tuple[int, str | None], str] = {
    **{(code, "mail"): "sender.rejected" for code in (501, 550, 553)},
    **{(code, "rcpt"): "recipient.rejected" for code in (550, 553, 554)},
    (554, "data"): "policy.rejected",
    (450, None): "server.temporary",
    (451, None): "server.temporary",
    (454, None): "server.temporary",
}


def _generic_kind(code: int | None, enhanced: str | None, stage: Stage | None) -> str | None:
    """RFC 5321 §4.2.3 reply codes and RFC 3463 subjects, sharpened by the stage."""
    where = None if stage is None else stage.value
    if code is not None:
        kind = _CODE_KINDS.get((code, where)) or _CODE_KINDS.get((code, None))
        if kind is not None:
            return kind
    parts = enhanced.split(".") if enhanced else ()
    if len(parts) == 3 and parts[1].isdigit() and parts[2].isdigit():
        subject, detail = int(parts[1]), int(parts[2])
        for key in ((subject, detail, where), (subject, None, where), (subject, detail, None)):
            kind = _SUBJECT_KINDS.get(key)
            if kind is not None:
                return kind
        if subject != 0:
            kind = _SUBJECT_KINDS.get((subject, None, None))
            if kind is not None:
                return kind
    if code is None:
        return None
    if code // 100 == 5 and stage in (Stage.CONNECT, Stage.EHLO):
        return "policy.rejected"  # RFC 5321 §3.1, §4.1.1.1: the server refuses this client
    return _STAGE_CODE_KINDS.get((code, where)) or _STAGE_CODE_KINDS.get((code, None))


def _unknown_kind(code: int | None, enhanced: str | None) -> str:
    if (code is not None and code // 100 == 2) or (enhanced and enhanced.startswith("2.")):
        return "unknown.not_a_failure"  # RFC 5321 §4.2.1 / RFC 3463: 2xx and 2.X.X are success
    if enhanced and enhanced.split(".")[1] == "7":
        return "unknown.security"
    if (code is not None and code // 100 == 4) or (enhanced and enhanced.startswith("4")):
        return "unknown.transient"
    if (code is not None and code // 100 == 5) or (enhanced and enhanced.startswith("5")):
        return "unknown.permanent"
    return "unknown.unrecognized"


# ------------------------------------------------------------------------------------------------
# Facts: what we know about a failure, whatever its form


@dataclass(slots=True)
class _Facts:
    names: frozenset[str] = frozenset()
    message: str = ""
    code: int | None = None
    reply_text: str | None = None
    errno: int | None = None
    ssl_reason: str | None = None
    verify_code: int | None = None
    recipients: list[tuple[str, Any]] | None = None
    aadsts: tuple[int, ...] = ()
    oauth_error: str | None = None
    encode_object: str | None = None
    sender: str | None = None
    context: _Facts | None = None
    frame_stage: Stage | None = None  # from the innermost smtplib frame of a pasted traceback


_STAGE_BY_NAME = {
    "SMTPSenderRefused": Stage.MAIL,
    "SMTPRecipientsRefused": Stage.RCPT,
    "SMTPRecipientRefused": Stage.RCPT,
    "SMTPDataError": Stage.DATA,
    "SMTPAuthenticationError": Stage.AUTH,
    "SMTPConnectError": Stage.CONNECT,
    "SMTPHeloError": Stage.EHLO,
    "SMTPConnectTimeoutError": Stage.CONNECT,
    "SMTPConnectResponseError": Stage.CONNECT,
}

_AADSTS = re.compile(r"AADSTS(\d{4,8})")
# The OAuth error beside an AADSTS text: JSON '"error":"invalid_grant"', PHP print_r
# "[error] => invalid_client", MSAL.NET "ErrorCode: invalid_grant"
_OAUTH_ERROR = re.compile(
    r'"error"\s*(?::|=>)\s*"([a-z_]+)"|\[error\] => ([a-z_]+)|ErrorCode: ([a-z_]+)'
)
# Without an AADSTS code, only the error names that cannot mean anything else count, wherever
# they stand: "RefreshTokenError: invalid_grant", "IdentityProviderException: invalid_grant in
# ...", oauthlib's "(token_expired)", "unauthorized_client: The client does not exist ...".
_OAUTH_ERROR_NAME = re.compile(
    r"\b(invalid_grant|invalid_client|unauthorized_client|invalid_scope|consent_required|"
    r"expired_token|token_expired|interaction_required|invalid_token|missing_token)\b"
)
_OAUTH_ERROR_PARTS = ("invalid_", "_client", "consent_", "_token", "token_", "interaction_")
_SSL_REASON = re.compile(r"\[SSL(?:: ?([A-Z0-9_]+))?\]")
# "[Errno 111]", "[WinError 10061]", "OSError(99, '...')", Rust's "(os error 10061)"
_ERRNO = re.compile(
    r"\[(?:Errno|WinError) (-?\d+)\]|(?:Error|Exception)\((-?\d+), ['\"]|\(os error (-?\d+)\)"
)
_EXC_TEXT = re.compile(
    r"^\s*(?:[A-Za-z_][\w]*\.)*([A-Za-z_]\w*(?:Error|Exception|Refused|Disconnected|"
    r"NotSupported|Timeout|Exit))\s*(?:\(|:\s*)(.*)$",
    re.DOTALL,
)


# An exception named inside a log line, after a space, a bracket or one colon (not inside a
# longer name such as Ruby's "Net::SMTPFatalError"), as "Name: message" or "Name(args)".
_EXC_INSIDE = re.compile(
    r"(?:[\s\[(]|(?<!:):)((?:[A-Za-z_]\w*\.)*([A-Za-z_]\w*(?:Error|Exception|Refused|"
    r"Disconnected|NotSupported|Timeout|Exit)))(?::\s|\()"
)
# One of them must occur for the search above to match (a test keeps the two in step).
_EXC_WORDS = ("Error", "Exception", "Refused", "Disconnected", "NotSupported", "Timeout", "Exit")


def _safe_str(value: object) -> str:
    try:
        text = str(value)
    except Exception:
        try:
            text = repr(value)
        except Exception:
            return ""
    return text[:_MAX_TEXT]


def _literal(text: str) -> Any:
    """ast.literal_eval that never raises (None on failure)."""
    if len(text) > _MAX_TEXT:
        return None
    try:
        return ast.literal_eval(text)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return None
    except Exception:
        return None


def _names_of(exc: BaseException) -> frozenset[str]:
    return frozenset(cls.__name__ for cls in type(exc).__mro__)


def _apply_args(facts: _Facts, args: tuple[Any, ...]) -> None:
    """Read smtplib-style arguments: (code, msg[, sender]) or ({rcpt: (code, msg)},)."""
    if len(args) >= 2 and isinstance(args[0], int) and not isinstance(args[0], bool):
        if not 200 <= args[0] <= 599:
            facts.errno = args[0]  # OSError-style (errno, strerror), e.g. (10060, "...")
        elif isinstance(args[1], bytes | bytearray | str):
            facts.code = args[0]
            facts.reply_text = decode_reply_text(args[1])
            if len(args) == 3 and isinstance(args[2], str | bytes):  # SMTPSenderRefused
                facts.sender = decode_reply_text(args[2])
    elif len(args) == 1 and isinstance(args[0], Mapping):
        facts.recipients = list(args[0].items())


def _facts_from_exception(exc: BaseException, depth: int = 0) -> _Facts:
    facts = _Facts(names=_names_of(exc), message=_safe_str(exc))
    code = getattr(exc, "smtp_code", None)
    if code is None:
        code = getattr(exc, "code", None)  # aiosmtplib
    if isinstance(code, int) and not isinstance(code, bool):
        facts.code = code
        error = getattr(exc, "smtp_error", None)
        if error is None:
            error = getattr(exc, "message", None)
        if isinstance(error, bytes | bytearray | str):
            facts.reply_text = decode_reply_text(error)
    recipients = getattr(exc, "recipients", None)
    if isinstance(recipients, Mapping):
        facts.recipients = list(recipients.items())
    elif isinstance(recipients, list | tuple) and "SMTPRecipientsRefused" in facts.names:
        facts.recipients = [(_safe_str(getattr(r, "recipient", "")), r) for r in recipients]
    sender = getattr(exc, "sender", None)
    if isinstance(sender, str | bytes):
        facts.sender = decode_reply_text(sender)
    errno = getattr(exc, "errno", None)
    if isinstance(errno, int) and not isinstance(errno, bool):
        facts.errno = errno
    reason = getattr(exc, "reason", None)
    if isinstance(reason, str) and "SSLError" in facts.names:
        facts.ssl_reason = reason
    elif "[SSL" in facts.message:
        # Another exception quoting the TLS error it met ("Connection unexpectedly closed:
        # [SSL: TLSV13_ALERT_CERTIFICATE_REQUIRED] ...")
        quoted = _SSL_REASON.search(facts.message)
        if quoted is not None:
            facts.ssl_reason = quoted.group(1) or ""
    verify_code = getattr(exc, "verify_code", None)
    if isinstance(verify_code, int):
        facts.verify_code = verify_code
    if isinstance(exc, UnicodeEncodeError):
        obj = exc.object
        facts.encode_object = obj if isinstance(obj, str) else None
    error_attr = getattr(exc, "error", None) or getattr(exc, "_error", None)
    if isinstance(error_attr, str):
        facts.oauth_error = error_attr
    description = getattr(exc, "error_description", None) or getattr(
        exc, "_error_description", None
    )
    if isinstance(description, str):
        facts.message = f"{facts.message} {description}"
    facts.aadsts = tuple(int(m) for m in _AADSTS.findall(facts.message))
    if facts.code is None and facts.recipients is None:
        _apply_args(facts, tuple(getattr(exc, "args", ()) or ()))
    if depth < 3:
        inner = exc.__cause__ or exc.__context__
        if isinstance(inner, BaseException) and inner is not exc:
            facts.context = _facts_from_exception(inner, depth + 1)
    return facts


def _facts_from_mapping(data: Mapping[Any, Any]) -> _Facts:
    """An msal result dict (``error``, ``error_description``, ``error_codes``) or similar."""
    facts = _Facts(message=_safe_str(data.get("error_description", "")))
    error = data.get("error")
    # An OAuth token error: a known error name, or Entra ID's fields beside it. An application's
    # own {"error": "Can't use Channel::Driver::Smtp: ... 535-5.7.8 ..."} is not one.
    if isinstance(error, str) and (
        error.lower() in OAUTH_ERROR_KINDS or "error_description" in data or "error_codes" in data
    ):
        facts.oauth_error = error
        facts.names = frozenset({"MsalResult"})
    codes = data.get("error_codes")
    found: list[int] = []
    if isinstance(codes, list | tuple):
        found.extend(c for c in codes if isinstance(c, int) and not isinstance(c, bool))
    found.extend(int(m) for m in _AADSTS.findall(facts.message))
    facts.aadsts = tuple(found)
    if not facts.oauth_error and not found:
        facts.message = _safe_str(data)
        if all(isinstance(k, str) and "@" in k for k in data) and data:
            facts.recipients = list(data.items())
            facts.names = frozenset({"SMTPRecipientsRefused"})
    return facts


_TRACEBACK_LINE = re.compile(
    r"^(?:[A-Za-z_][\w]*\.)*[A-Za-z_]\w*(?:Error|Exception|Refused|Disconnected|NotSupported)"
    r"(?::|\(| at )",
    re.MULTILINE,
)


# The messages smtplib gives SMTPServerDisconnected (Lib/smtplib.py).
_DISCONNECTED_WORDS = ("Connection unexpectedly closed", "please run connect() first")

# A Python stack frame line, and the smtplib (or aiosmtplib) method it names.
_FRAME = re.compile(r'^\s*File "[^"\n]*?(aio)?smtplib[^"\n]*", line \d+, in (\w+)', re.MULTILINE)
_FRAME_STAGES: dict[str, Stage] = {
    "connect": Stage.CONNECT,
    "_get_socket": Stage.CONNECT,
    "_create_connection": Stage.CONNECT,
    "ehlo": Stage.EHLO,
    "helo": Stage.EHLO,
    "ehlo_or_helo_if_needed": Stage.EHLO,
    "starttls": Stage.TLS,
    "login": Stage.AUTH,
    "auth": Stage.AUTH,
    "mail": Stage.MAIL,
    "rcpt": Stage.RCPT,
    "data": Stage.DATA,
}


def _frame_stage(text: str) -> Stage | None:
    """The stage the innermost smtplib method of a pasted traceback names (login: AUTH)."""
    for match in reversed(list(_FRAME.finditer(text))):
        name = match.group(2)
        stage = _FRAME_STAGES.get(name, Stage.AUTH if name.startswith("auth_") else None)
        if stage is not None:
            return stage
    return None


def _facts_from_text(text: str) -> _Facts:
    text = text[:_MAX_TEXT]
    if (
        "Traceback (most recent call last)" in text
        or "During handling of" in text
        or ('  File "' in text and ", line " in text)
    ):
        # A pasted traceback (its header is often left out): the last exception line is the
        # failure, earlier ones its context; the innermost smtplib frame names the stage.
        lines = [m.start() for m in _TRACEBACK_LINE.finditer(text)]
        if lines:
            # (Frames pasted after the exception line, as Sentry shows them, are not part of it.)
            last = text[lines[-1] :].split("\n\n", 1)[0].split('\n  File "', 1)[0]
            facts = _facts_from_text(last)
            if len(lines) > 1:
                facts.context = _facts_from_text(text[lines[-2] : lines[-1]].strip())
            facts.frame_stage = _frame_stage(text[: lines[-1]])
            return facts
    facts = _Facts(message=text)
    stripped = text.strip()
    if stripped.lower() in OAUTH_ERROR_KINDS:  # a bare OAuth error name, as pasted from a log
        facts.oauth_error = stripped.lower()
        return facts
    match = _EXC_TEXT.match(stripped)
    if match is None:
        # A log line names the exception after its own words ("2026-11-30 10:12:01 ERROR
        # [mailer] Failed to send: SMTPSenderRefused: (550, b'...')", "... ssl.SSLEOFError: EOF
        # occurred ..."): it is read as if it stood first (its name gives the stage, its
        # arguments the reply), and the whole line stays the message, verbatim.
        inner = (
            _EXC_INSIDE.search(stripped)
            if any(word in stripped for word in _EXC_WORDS)  # (the search is slow: most lines
            else None  # name no exception)
        )
        if inner is not None:
            facts = _facts_from_text(stripped[inner.start(1) :])
            facts.message = text
            return facts
    rest = stripped
    if match:
        name = match.group(1)
        facts.names = frozenset({name})
        rest = match.group(2).strip()
        if stripped[match.end(1) :].lstrip().startswith("(") and rest.endswith(")"):
            rest = rest[:-1]
            value = _literal("(" + rest + ",)")
            if isinstance(value, tuple):
                _apply_args(facts, value)
        elif rest.startswith(("(", "{")):
            value = _literal(rest)
            if isinstance(value, tuple):
                _apply_args(facts, value)
            elif isinstance(value, Mapping):
                _apply_args(facts, (value,))
        facts.message = rest
    elif stripped.startswith("(") and stripped.endswith(")"):
        value = _literal(stripped)
        if isinstance(value, tuple):
            _apply_args(facts, value)
    elif stripped.startswith("{") and stripped.endswith("}"):
        value = _literal(stripped)
        if value is None:
            try:
                value = json.loads(stripped)
            except (ValueError, RecursionError):
                value = None
        if isinstance(value, Mapping):
            sub = _facts_from_mapping(value)
            if sub.oauth_error or sub.aadsts or sub.recipients:
                return sub
    if facts.code is None and " The server response was:" in text:
        _read_dotnet_status(facts, text)
    if facts.recipients:
        facts.names = facts.names | {"SMTPRecipientsRefused"}
    if "SMTPServerDisconnected" not in facts.names and any(
        words in text for words in _DISCONNECTED_WORDS
    ):
        # smtplib's own words, wherever a log or a task runner quotes them (Celery's "raised
        # unexpected: SMTPServerDisconnected('Connection unexpectedly closed')", Ansible's "The
        # error was: ..."): the same failure as the exception itself.
        facts.names = facts.names | {"SMTPServerDisconnected"}
    facts.aadsts = tuple(int(m) for m in _AADSTS.findall(text))
    if not facts.oauth_error and (
        facts.aadsts or any(part in text for part in _OAUTH_ERROR_PARTS)
    ):  # (every name has one of these parts; the search is slow on long lines)
        named = (_OAUTH_ERROR if facts.aadsts else _OAUTH_ERROR_NAME).search(text)
        if named is not None:
            facts.oauth_error = next(group for group in named.groups() if group)
    ssl = _SSL_REASON.search(text)
    if ssl:
        facts.ssl_reason = ssl.group(1) or ""
        facts.names = facts.names | {"SSLError"}
    errno = _ERRNO.search(text)
    if errno:
        facts.errno = int(next(group for group in errno.groups() if group))
    return facts


_DOTNET_RESPONSE = " The server response was:"
_STACK_FRAME = re.compile(r"\r?\n\s*at ")


def _read_dotnet_status(facts: _Facts, text: str) -> None:
    """.NET's "<description of the code>. The server response was: <rest of the reply>"."""
    at = text.find(_DOTNET_RESPONSE)
    head = text[:at].rstrip().lower()
    response = _STACK_FRAME.split(text[at + len(_DOTNET_RESPONSE) :], maxsplit=1)[0].strip()
    if not response:
        return
    for description, code in DOTNET_STATUS_TEXTS.items():
        if head.endswith(description):
            if code is None:
                facts.message = response  # a code .NET has no words for: the server's decide
            else:
                if code == 550 and response[:2] == "4.":
                    code = 450  # MailboxBusy shares MailboxUnavailable's words
                facts.code, facts.reply_text = code, response
            return


def _facts(failure: object) -> _Facts:
    if isinstance(failure, BaseException):
        return _facts_from_exception(failure)
    if isinstance(failure, bytes | bytearray | memoryview):
        return _facts_from_text(decode_reply_text(failure))
    if isinstance(failure, str):
        return _facts_from_text(failure)
    if isinstance(failure, Mapping):
        return _facts_from_mapping(failure)
    if isinstance(failure, tuple | list):
        facts = _Facts(message=_safe_str(failure))
        _apply_args(facts, tuple(failure))
        if facts.code is None and len(failure) == 1 and isinstance(failure[0], str | bytes):
            return _facts(failure[0])
        return facts
    if isinstance(failure, Reply):
        return _Facts(message=failure.text, code=failure.code, reply_text=failure.text)
    return _Facts(message=_safe_str(failure))


# ------------------------------------------------------------------------------------------------
# The one translation of foreign failures


@dataclass(slots=True)
class _Finding:
    kind: str
    stage: Stage | None = None
    reply: Reply | None = None
    detail: str | None = None
    provider: str | None = None
    provider_searched: bool = False
    #: The kind came from the reply and enhanced codes alone (no rule matched the text).
    generic: bool = False


_HOST_NOT_FOUND_ERRNOS = frozenset({-2, -5, 8, 11001, 7})
_DNS_TEMPORARY_ERRNOS = frozenset({-3, 11002, 2, -4})
_REFUSED_ERRNOS = frozenset({111, 61, 10061})
_TIMEOUT_ERRNOS = frozenset({110, 60, 10060})
# (97, 47, 10047: EAFNOSUPPORT, an IPv6 address on a host without IPv6.)
_UNREACHABLE_ERRNOS = frozenset({101, 113, 51, 65, 10051, 10065, 99, 49, 10049, 97, 47, 10047})
# EACCES / WSAEACCES on connect: a local firewall or antivirus program blocks the port.
_BLOCKED_ERRNOS = frozenset({13, 10013})
_CLOSED_ERRNOS = frozenset({104, 54, 10054, 32, 103, 53, 10053})
_CERT_EXPIRED = frozenset({10})
_CERT_NAME = frozenset({62, 64})

_TIMEOUT_TEXT = re.compile(r"timed out|time-?out|timeout", re.IGNORECASE)


def _all_facts(facts: _Facts) -> Iterable[_Facts]:
    current: _Facts | None = facts
    while current is not None:
        yield current
        current = current.context


def _has_name(facts: _Facts, *names: str) -> bool:
    return any(name in f.names for f in _all_facts(facts) for name in names)


class _PhraseTable:
    """A phrase table's first group (in table order) with a phrase that occurs in a text.

    One needle scan finds every phrase present; the lowest group among them wins, exactly as a
    walk of the table would, without one substring test per phrase (there are hundreds).
    """

    def __init__(self, table: tuple[tuple[tuple[str, ...], str], ...]) -> None:
        self.group: dict[str, int] = {}
        for index, (phrases, _kind) in enumerate(table):
            for phrase in phrases:
                self.group.setdefault(phrase, index)
        self.kinds = [kind for _phrases, kind in table]
        self.scan = _NeedleScan(self.group)

    def __call__(self, low: str) -> str | None:
        found = self.scan(low)
        if not found:
            return None
        group = self.group
        return self.kinds[min(group[phrase] for phrase in found)]


_EXCEPTION_PHRASES = _PhraseTable(EXCEPTION_PHRASES)
_WRAPPER_PHRASES = _PhraseTable(WRAPPER_PHRASES)


def _text_kind(low: str) -> str | None:
    """Exception messages that name a network, TLS or input failure (pasted or raised)."""
    return _EXCEPTION_PHRASES(low)


def _phrase_kind(low: str, table: tuple[tuple[tuple[str, ...], str], ...]) -> str | None:
    """The table walk that _PhraseTable answers faster (kept as the reference for tests)."""
    for phrases, kind in table:
        for phrase in phrases:
            if phrase in low:
                return kind
    return None


def _network_kind(facts: _Facts) -> str | None:
    """ssl, socket and OSError failures from their attributes (errno, reason, verify_code)."""
    for f in _all_facts(facts):
        if f.verify_code is not None:
            if f.verify_code in _CERT_EXPIRED:
                return "tls.certificate_expired"
            if f.verify_code in _CERT_NAME:
                return "tls.hostname_mismatch"
            return "tls.certificate_untrusted"
        reason = (f.ssl_reason or "").upper()
        if reason in ("WRONG_VERSION_NUMBER", "RECORD_LAYER_FAILURE", "UNKNOWN_PROTOCOL"):
            return "tls.port_expects_plaintext"
        if reason in (
            "UNSUPPORTED_PROTOCOL",
            "TLSV1_ALERT_PROTOCOL_VERSION",
            "NO_PROTOCOLS_AVAILABLE",
            "TLSV1_ALERT_PROTOCOL_VERSION_",
        ):
            return "tls.protocol_version"
        if reason == "CERTIFICATE_VERIFY_FAILED":
            return _text_kind(f.message.lower()) or "tls.certificate_untrusted"
        errno = f.errno
        if "herror" in f.names:
            return "connection.host_not_found"
        if "gaierror" in f.names or (errno is not None and errno < 0):
            if errno in _DNS_TEMPORARY_ERRNOS:
                return "connection.dns_failure"
            if errno in _HOST_NOT_FOUND_ERRNOS:
                return "connection.host_not_found"
            if "gaierror" in f.names:
                return "connection.dns_failure"
        if "ConnectionRefusedError" in f.names or errno in _REFUSED_ERRNOS:
            return "connection.refused"
        if errno in _BLOCKED_ERRNOS and "UnicodeEncodeError" not in f.names:
            return "connection.refused"
        if errno in _UNREACHABLE_ERRNOS:
            return "connection.unreachable"
        if (
            "ConnectionResetError" in f.names
            or "BrokenPipeError" in f.names
            or "ConnectionAbortedError" in f.names
            or errno in _CLOSED_ERRNOS
        ):
            return "connection.closed"
    return None


def _is_timeout(facts: _Facts) -> bool:
    for f in _all_facts(facts):
        if (
            "TimeoutError" in f.names
            or "timeout" in f.names
            or "SMTPTimeoutError" in f.names
            or "SMTPConnectTimeoutError" in f.names
            or "SMTPReadTimeoutError" in f.names
            or f.errno in _TIMEOUT_ERRNOS
        ):
            return True
        if _TIMEOUT_TEXT.search(f.message) and f.code is None:
            return True
    return False


def _oauth_kind(facts: _Facts) -> str | None:
    error = (facts.oauth_error or "").lower()
    if not facts.aadsts:
        return OAUTH_ERROR_KINDS.get(error, "auth.oauth_failed") if error else None
    low = facts.message.lower()
    codes = set(facts.aadsts)
    # A code several causes share: its words decide first, then the parameter a "must contain
    # the following parameter" error names (AADSTS900144 and 90014 name 'client_id',
    # 'client_secret', 'scope' or 'grant_type').
    names_parameter = "following parameter" in low or "required field" in low
    for code, phrase, kind in AADSTS_PHRASES:
        if (code in codes or (code is None and names_parameter)) and phrase in low:
            return kind
    for code in facts.aadsts:
        mapped = AADSTS_KINDS.get(code)
        if mapped:
            return mapped
    # A code the table lacks: the parameter it names, then the OAuth error when it names a cause
    # on its own (invalid_grant does not: Conditional Access, unassigned users and expired
    # passwords come as invalid_grant too, and the code names the cause).
    for code, phrase, kind in AADSTS_PHRASES:
        if code is None and phrase in low:
            return kind
    # Then the words of its description, before the OAuth error name (invalid_client alone
    # cannot tell an expired secret from a wrong one).
    described = _aadsts_words(low)
    if described is not None:
        return described
    if error == "invalid_client" and ("assertion" in low or "certificate" in low):
        return "auth.oauth_certificate_invalid"
    if error in OAUTH_ERRORS_NAMING_NO_CAUSE:
        return "auth.oauth_failed"
    return OAUTH_ERROR_KINDS.get(error, "auth.oauth_failed")


def _aadsts_words(low: str) -> str | None:
    """The kind the words of an identity error's description name (:data:`AADSTS_WORDS`)."""
    for words, kind in AADSTS_WORDS:
        if all(word in low for word in words):
            return kind
    return None


_XOAUTH2_JSON = re.compile(r'"status"\s*:\s*"?(?:4\d\d|5\d\d)"?', re.IGNORECASE)
_B64_JSON = re.compile(r"eyJ[A-Za-z0-9+/=]{8,}")


def _xoauth2_login_shown(low: str) -> bool:
    """True when a pasted conversation or message shows an XOAUTH2 login and no password one."""
    if "xoauth2" not in low:  # (every marker names the mechanism; most texts do not)
        return False
    return any(marker in low for marker in XOAUTH2_MARKERS) and not any(
        marker in low for marker in PASSWORD_LOGIN_MARKERS
    )


def _xoauth2_challenge(text: str) -> bool:
    """The XOAUTH2 error challenge: JSON with a status, raw or base64 encoded (RFC 7628 §3.2.2)."""
    if '"' in text and _XOAUTH2_JSON.search(text) and "schemes" in text.lower():
        return True
    match = _B64_JSON.search(text)
    if match:
        try:
            decoded = base64.b64decode(match.group(0) + "==", validate=False)
        except (binascii.Error, ValueError):
            return False
        return b'"status"' in decoded
    return False


# Phrases by which MTAs name the command a reply answered (Postfix "(in reply to RCPT TO
# command)", Exim "after RCPT TO", Sendmail "... did not like our RCPT TO"). Lower-case.
_STAGE_HINTS: tuple[tuple[tuple[str, ...], Stage], ...] = (
    # curl: "curl: (55) RCPT failed: 550", "curl: (55) MAIL failed: 550"
    (
        ("rcpt to", "rcpt command", "after rcpt", "recipient address rejected", "rcpt failed"),
        Stage.RCPT,
    ),
    # PHPMailer "SMTP ERROR: Password command failed: 535 ...", nodemailer "Invalid login: 535 ..."
    (("password command failed", "username command failed", "invalid login:"), Stage.AUTH),
    (
        ("end of data", "final data", "data command", "after data", "data end command"),
        Stage.DATA,
    ),
    (("mail from", "mail command", "sender address rejected", "(55) mail failed"), Stage.MAIL),
    (("helo ", "ehlo ", "helo:", "ehlo:"), Stage.EHLO),
    (("initial connection", "refused to talk to me", "greeting"), Stage.CONNECT),
)


def _stage_from_text(low: str) -> Stage | None:
    """The stage a lower-case log line names, if any."""
    for phrases, stage in _STAGE_HINTS:
        for phrase in phrases:
            if phrase in low:
                return stage
    return None


# A line break and the reply code and enhanced code that start a continuation line.
# (It starts with the line break itself, so the regex engine jumps from one to the next.)
_CONTINUATION = re.compile(
    r"\n[ \t]*(?:[2-5][0-9][0-9](?:[ -]|$))?(?:#?[245]\.[0-9]{1,3}\.[0-9]{1,3}[ \t]+)?"
)
_WORD = re.compile(r"[a-z]{3}")


def _classify_reply(reply: Reply, stage: Stage | None, host: str | None) -> _Finding:
    full = reply.text
    low = full[:_MAX_TEXT].lower()
    if "\\n" in low:
        # Line breaks written out as "\n" (a pasted Python repr such as smtplib's b'...\n5.7.8
        # ...', a JSON or SQL log) are line breaks too.
        low = low.replace("\\r\\n", "\n").replace("\\n", "\n")
    if "\n" in low:
        # A multi-line reply is one text: "...regarding PTR\n550-5.7.1 records..." must still
        # read "regarding ptr records" (RFC 5321 §4.2.1 continuation lines).
        low = _CONTINUATION.sub(" ", low.replace("\r\n", "\n"))
    if "\t" in low:
        low = low.replace("\t", " ")
    while "  " in low:
        # Runs of spaces (a wrapped line rejoined by a bounce parser, a copied table, Gmail's
        # "5.7.8  https://...") read as one. (Plain replaces: cheaper than a regex here.)
        low = low.replace("  ", " ")
    code = reply.code
    if code is not None:
        digits = str(code)
        if low.count(digits) > 1 and (f" {digits}-" in low or f" {digits} " in low):
            # A multi-line reply whose lines a log joined with spaces (Postfix: "said:
            # 550-5.7.1 ... detected that 550-5.7.1 this message ... regarding PTR 550-5.7.1
            # records and ..."): the repeated codes are line starts, not words of the text.
            # (The first line's code stays: it is where the reply starts.)
            enhanced = reply.enhanced
            first = low.find(digits) + 3
            rest = low[first:]
            for mark in (f" {digits}-{enhanced} ", f" {digits} {enhanced} ", f" {digits}-"):
                if enhanced or mark[-1] == "-":
                    rest = rest.replace(mark, " ")
            low = low[:first] + rest
    scan = low
    if code is not None:
        as_sent = low.startswith(digits)
        # A reply as the server sent it starts with its code and names no command; a log line
        # or DSN around it often does ("(in reply to RCPT TO command)").
        if stage is None and (not as_sent or "address rejected" in low):
            stage = _stage_from_text(low)
        if not as_sent:
            # A log line, a DSN or a library's error: the reply starts at its code; what comes
            # before it is the client's (time stamps, queue ids, relay names, "Invalid login:",
            # "Message failed:"), and the server's words decide: nodemailer's "Invalid login: 421
            # 4.3.2 Service not available" is no rejected password. The first occurrence of the
            # code is at or before the reply's own code, so the scan never misses the reply (it
            # may include a little more). A "code=503" field of a key=value log is no reply start.
            at = low.find(digits)
            if (
                at > 0
                and low[at - 1] != "="
                and ("smtp code:" not in low or _LABELLED_CODE.search(low) is None)
                and _WORD.search(low, at + 3) is not None
            ):
                # (Only when the reply text follows the code: PHPMailer puts "Detail: <reply>
                # SMTP code: 554 Additional SMTP info: 5.7.1" at the end.)
                scan = low[at:]
    rule = _ENGINE.match(code, reply.enhanced, scan, stage)
    if rule is not None:
        kind = rule.kind
        if stage is Stage.CONNECT and code == 421 and kind.startswith(("server.", "unknown.")):
            kind = "connection.greeting_refused"  # RFC 5321 §3.1: 421 instead of the 220 greeting
        # The server that replied (its host name) names the provider first: Azure Communication
        # Services answers in Exchange Online's words. Otherwise a rule written for one
        # provider's wording names that provider, or the trace ids and signatures in the text do.
        provider = (host and _host_provider(host)) or rule.provider or _detect_provider(low, None)
        return _Finding(kind, stage, reply, None, provider, True)
    provider = _detect_provider(low, host)
    if _xoauth2_challenge(full):
        return _Finding(
            "auth.xoauth2_rejected", stage, reply, provider=provider, provider_searched=True
        )
    enhanced = reply.enhanced
    if (code is not None and code < 300) or (code is None and enhanced and enhanced[0] == "2"):
        # RFC 5321 §4.2.1 / RFC 3463 §3.1: a success; the subject tables below describe failures
        # ("250 2.1.0 Ok" is no refused sender).
        generic = "unknown.not_a_failure"
    else:
        generic = _generic_kind(code, enhanced, stage) or _unknown_kind(code, enhanced)
    if generic.startswith("unknown.") and code is not None and code >= 400:
        # A reply whose codes mean nothing known, in the words of a network failure ("426
        # connection timed out"): the words decide, as they would in an exception.
        worded = _text_kind(low) or (
            "connection.timeout" if _TIMEOUT_TEXT.search(low) is not None else None
        )
        if worded is not None and not worded.startswith("message."):
            return _Finding(worded, stage or _stage_of_kind(worded), reply, None, provider, True)
    return _Finding(generic, stage, reply, None, provider, True, True)


def _reply_with_code(code: int, text: str | None) -> Reply:
    """The reply smtplib carries as ``(code, message)``, its text starting with the code."""
    text = text or ""
    if text[:1] in _STATUS_START and not text.startswith(str(code)):
        # The usual "5.1.1 User unknown": the enhanced code leads the text.
        full = f"{code} {text}"
        usual = parse_reply(full)
        if usual.code == code and usual.enhanced is not None and find_embedded_code(text) is None:
            return usual
    reply = parse_reply(text, code)
    if reply.text and not reply.text.lstrip().startswith(str(code)):
        reply = _new_reply(reply.code, reply.enhanced, f"{code} {reply.text}")
    return reply


def _port_expects_ssl(settings: SettingsModel | None) -> bool:
    return (
        settings is not None
        and settings.port in IMPLICIT_TLS_PORTS
        and settings.security is not Security.SSL
    )


def _translate(
    facts: _Facts, stage: Stage | None, settings: SettingsModel | None, host: str | None
) -> _Finding:
    """Map the facts of one failure to a finding, most specific first."""
    names = facts.names
    if stage is None:
        for name in names:
            if name in _STAGE_BY_NAME:
                stage = _STAGE_BY_NAME[name]
                break
        else:
            stage = facts.frame_stage
    low = facts.message.lower()

    # Microsoft identity platform (msal exceptions, result dicts, pasted AADSTS text).
    oauth = _oauth_kind(facts)
    if oauth is not None:
        return _Finding(oauth, stage or Stage.OAUTH_TOKEN, detail=facts.message.strip() or None)

    # SMTPRecipientsRefused: one reply per recipient; the first decides, all are listed.
    if facts.recipients is not None and ("SMTPRecipientsRefused" in names or not facts.code):
        return _recipients_finding(facts.recipients, stage or Stage.RCPT, host)

    # A server reply (smtplib's smtp_code/smtp_error, aiosmtplib's code/message, a tuple).
    if facts.code is not None and 200 <= facts.code <= 599:
        finding = _classify_reply(_reply_with_code(facts.code, facts.reply_text), stage, host)
        if facts.sender:
            finding.detail = f"The server refused the sender {facts.sender[:320]}."
        return finding

    # The words of the message that name a known failure (an exception's wording), looked up
    # once and only when needed (a log line whose reply decides never needs them).
    phrase_kind: str | None = None
    phrased = False

    # Text that names no exception is likelier a reply or a DSN line; an exception's message
    # may carry a reply too ("Error: Invalid login: 535-5.7.8 ...").
    if facts.errno is None and facts.ssl_reason is None and facts.message.strip():
        reply = parse_reply(facts.message)
        if reply.code is None:
            phrase_kind, phrased = _text_kind(low), True
        # Without a reply code the text is likelier an error message than a reply: when it
        # names a known failure ("Could not find tenant id ..."), that decides, below.
        plain = reply.code is None and phrase_kind is not None
        if not plain and (not names or (reply.code is not None and reply.code >= 400)):
            finding = _classify_reply(reply, stage, host)
            # A log field such as Postfix's "dsn=4.4.1" is no reply: when its code alone gave
            # the kind, the words ("Connection timed out") decide first, below.
            if not finding.kind.startswith("unknown.") and not (
                finding.generic and reply.code is None
            ):
                return finding

    # TLS, DNS and socket failures from attributes first, then from the message text.
    if not phrased:
        phrase_kind = _text_kind(low)
    kind = _network_kind(facts)
    text_kind = phrase_kind or _text_kind(" ".join(sorted(names)).lower())
    if kind is None and text_kind is not None and not text_kind.startswith("message.non_ascii"):
        kind = text_kind
    if kind is None and _is_timeout(facts):
        if _port_expects_ssl(settings) and stage in (None, Stage.CONNECT, Stage.EHLO):
            kind = "tls.port_expects_ssl"
        else:
            kind = "connection.timeout"
    if kind is None:
        kind = _WRAPPER_PHRASES(low)
    greeting = stage in (None, Stage.CONNECT)
    if (
        kind in ("connection.closed", "connection.timeout")
        and greeting
        and _port_expects_ssl(settings)
    ):
        kind = "tls.port_expects_ssl"  # an implicit-TLS server gave up on the plaintext client
    if kind is not None:
        return _Finding(kind, stage or _stage_of_kind(kind), detail=_detail(facts))

    # Input errors that are not OSErrors: non-ASCII text, CR/LF in headers.
    if "UnicodeEncodeError" in names or text_kind == "message.non_ascii":
        obj = facts.encode_object
        credentials = stage is Stage.AUTH or (obj is not None and obj.startswith("\0"))
        if obj is not None and obj[:4].lower() in ("auth", "\0"):
            credentials = True
        kind = "auth.non_ascii_credentials" if credentials else "message.non_ascii"
        return _Finding(kind, stage, detail=_encode_detail(facts))
    if "HeaderParseError" in names:
        return _Finding("message.malformed", stage, detail=_detail(facts))

    # A TLS alert that smtplib met only at its first read under TLS 1.3 and reports as a closed
    # connection ("Connection unexpectedly closed: [SSL: TLSV13_ALERT_CERTIFICATE_REQUIRED]
    # ..."): the handshake failed (measured on loopback, OpenSSL 3.0).
    if any(f.ssl_reason for f in _all_facts(facts)):
        return _Finding("tls.handshake_failed", stage or Stage.TLS, detail=_detail(facts))
    # SMTPServerDisconnected and other smtplib errors without a reply.
    if _has_name(facts, "SMTPServerDisconnected"):
        if greeting and _port_expects_ssl(settings):
            return _Finding("tls.port_expects_ssl", stage or Stage.CONNECT, detail=_detail(facts))
        return _Finding("connection.closed", stage, detail=_detail(facts))
    if "SSLError" in names or "SSLEOFError" in names:
        return _Finding("tls.handshake_failed", stage or Stage.TLS, detail=_detail(facts))
    if _xoauth2_challenge(facts.message):
        return _Finding("auth.xoauth2_rejected", stage or Stage.AUTH, detail=_detail(facts))
    if "SMTPNotSupportedError" in names or "SMTPNotSupported" in names:
        return _Finding("protocol.not_implemented", stage, detail=_detail(facts))

    # Plain reply text (possibly inside a log line).
    if facts.message.strip():
        reply = parse_reply(facts.message)
        finding = _classify_reply(reply, stage, host)
        if finding.kind != "unknown.unrecognized":
            return finding
        if stage is Stage.OAUTH_TOKEN:
            return _Finding("auth.oauth_failed", stage, reply=reply, provider=finding.provider)
        if "SMTPAuthenticationError" in names or "AuthenticationFailedException" in names:
            # (JavaMail's AuthenticationFailedException: "failed to connect" and no reply.)
            return _Finding("auth.invalid_credentials", stage or Stage.AUTH, reply=reply)
        if "SMTPException" in names or "SMTPResponseException" in names:
            return _Finding("unknown.unrecognized", stage, reply=reply, detail=_detail(facts))
        return finding
    if "SMTPRecipientsRefused" in names:
        return _Finding("recipient.none", stage or Stage.RCPT)
    return _Finding("unknown.unrecognized", stage, detail=_detail(facts))


# Kinds that only the AUTH command meets: the stage when nothing else names one.
_AUTH_KINDS = frozenset(
    {
        "auth.invalid_credentials",
        "auth.basic_auth_disabled",
        "auth.smtp_auth_disabled",
        "auth.app_password_required",
        "auth.too_many_attempts",
        "auth.mechanism_unavailable",
        "auth.not_offered",
        "auth.xoauth2_rejected",
        "auth.non_ascii_credentials",
    }
)


def _stage_of_kind(kind: str) -> Stage | None:
    if kind.startswith("auth.oauth_"):
        return Stage.OAUTH_TOKEN
    if kind in ("connection.host_not_found", "connection.dns_failure"):
        return Stage.DNS
    if kind in ("connection.refused", "connection.unreachable"):
        return Stage.CONNECT
    if kind.startswith("tls.") and kind not in (
        "tls.port_expects_ssl",
        "tls.recipient_server_failed",
    ):
        return Stage.TLS
    return None


def _detail(facts: _Facts) -> str | None:
    text = facts.message.strip()
    if not text:
        return None
    return text[:500]


def _encode_detail(facts: _Facts) -> str | None:
    """Describe a UnicodeEncodeError without showing the text it was encoding (a password)."""
    if facts.encode_object is None:
        return _detail(facts)
    return "A character outside ASCII could not be encoded."


def _recipients_finding(
    recipients: list[tuple[str, Any]], stage: Stage, host: str | None
) -> _Finding:
    if not recipients:
        return _Finding("recipient.none", stage, detail="The server accepted no recipient.")
    findings: list[tuple[str, _Finding]] = []
    for address, value in recipients[:50]:
        if isinstance(value, tuple | list) and len(value) >= 2:
            facts = _Facts()
            _apply_args(facts, tuple(value))
        elif hasattr(value, "code"):
            facts = _facts_from_exception(value) if isinstance(value, BaseException) else _Facts()
        else:
            facts = _facts(value)
        if facts.code is not None:
            finding = _classify_reply(_reply_with_code(facts.code, facts.reply_text), stage, host)
        else:
            finding = _translate(facts, stage, None, host)
        findings.append((_safe_str(address), finding))
    first = findings[0][1]
    refused = ", ".join(
        f"{address} ({f.reply.text.splitlines()[0] if f.reply and f.reply.text else f.kind})"
        for address, f in findings
    )
    first.detail = f"Refused recipients: {refused}"[:1000]
    return first


# ------------------------------------------------------------------------------------------------
# Concrete remedies from the settings


def _port_465_needs_ssl(s: SettingsModel) -> str:
    return (
        f"You connect to port {s.port} with {s.security.label}; port {s.port} expects SSL "
        "(implicit TLS). Set Secure Connection to SSL, or use port 587 with TLS."
    )


def _port_needs_starttls(s: SettingsModel) -> str:
    alt = (
        "port 465 with SSL"
        if s.port not in IMPLICIT_TLS_PORTS
        else "SSL only if your provider documents it"
    )
    return (
        f"You connect to port {s.port} with SSL; port {s.port} expects a plain start upgraded "
        f"with STARTTLS. Set Secure Connection to TLS, or use {alt}."
    )


def _no_encryption(s: SettingsModel) -> str | None:
    if s.security is Security.NONE:
        return (
            "Secure Connection is None, so the connection is not encrypted and the server does "
            "not offer a login. Set Secure Connection to TLS with port 587, or SSL with port 465."
        )
    if s.port == 25:
        return (
            "Port 25 is meant for delivery between mail servers and often offers no login. Use "
            "port 587 with TLS, or 465 with SSL."
        )
    return None


def _relay(s: SettingsModel) -> str | None:
    if not s.username:
        return (
            "No username is set, so the server treats this as mail from an outside sender. "
            "Enter the username and password of the sending mailbox."
        )
    return _no_encryption(s)


def _send_as(s: SettingsModel) -> str | None:
    if not (s.username and s.from_address) or s.username.lower() == s.from_address.lower():
        return None
    return (
        f"You log in as {s.username} but send as {s.from_address}. Use {s.username} as the From "
        f"address, or have the account given 'Send As' permission for {s.from_address}."
    )


def _password_refused(s: SettingsModel) -> str | None:
    if s.auth_method is not AuthMethod.PASSWORD:
        return None
    return (
        f"You log in to {s.host or 'the server'} with a password. Switch the login to OAuth "
        "(Secure Connection: OAuth), or ask your IT team to allow SMTP AUTH for the mailbox."
    )


#: Concrete remedies from the settings, by kind. Each returns None when it has nothing to add.
_REMEDY_BUILDERS: dict[str, Callable[[SettingsModel], str | None]] = {
    "tls.port_expects_ssl": _port_465_needs_ssl,
    "tls.port_expects_plaintext": _port_needs_starttls,
    "tls.starttls_unavailable": (
        lambda s: _port_465_needs_ssl(s) if s.port in IMPLICIT_TLS_PORTS else None
    ),
    "connection.refused": lambda s: (
        f"Nothing accepts connections on {s.host or 'the server'} port {s.port}. Check the port: "
        "587 for TLS, 465 for SSL."
    ),
    "connection.timeout": lambda s: (
        f"{s.host or 'The server'} did not answer on port {s.port} within {s.timeout:g} seconds. "
        "Check the server name and port, and whether a firewall blocks outgoing connections to "
        "that port."
    ),
    "connection.host_not_found": lambda s: (
        f"The name {s.host} does not exist in the DNS. Check its spelling against your "
        "provider's documentation."
        if s.host
        else None
    ),
    "auth.not_offered": _no_encryption,
    "policy.encryption_required": _no_encryption,
    "policy.relay_denied": _relay,
    "policy.authentication_required": lambda s: (
        None
        if s.username
        else "No username is set. Enter the username and password of the sending mailbox."
    ),
    "sender.send_as_denied": _send_as,
    "auth.basic_auth_disabled": _password_refused,
    "auth.smtp_auth_disabled": _password_refused,
    "auth.app_password_required": lambda s: (
        f"Create an app password for {s.username} and enter it as the password."
        if s.username
        else None
    ),
    "auth.mechanism_unavailable": lambda s: (
        "You log in with a password, but the server may only accept OAuth. Check whether your "
        "provider requires OAuth (Secure Connection: OAuth)."
        if s.auth_method is AuthMethod.PASSWORD
        else None
    ),
    "tls.hostname_mismatch": lambda s: (
        f"The server's certificate is not valid for {s.host}. Enter the server name exactly as "
        "your provider documents it."
        if s.host
        else None
    ),
    "tls.certificate_untrusted": lambda s: (
        f"The certificate of {s.host} is not trusted by this machine. If it is an internal "
        "server, set CA file to your organisation's CA certificate."
        if s.host
        else None
    ),
}


def _remedies(kind: str, settings: SettingsModel | None) -> list[Remedy]:
    builder = _REMEDY_BUILDERS.get(kind)
    if settings is None or builder is None:
        return []
    text = builder(settings)
    return [] if text is None else [Remedy(text, Audience.USER)]


def _mask(text: str | None, settings: SettingsModel | None) -> str | None:
    if text is None or settings is None:
        return text
    for secret in (settings.password, settings.oauth.client_secret if settings.oauth else ""):
        if secret and len(secret) >= 3 and secret in text:
            text = text.replace(secret, MASK)
    return text


# ------------------------------------------------------------------------------------------------
# The public function


def _coerce_stage(stage: object) -> Stage | None:
    if isinstance(stage, Stage):
        return stage
    if isinstance(stage, str):
        value = " ".join(stage.strip().lower().replace("_", " ").replace("-", " ").split())
        value = _STAGE_ALIASES.get(value, value.replace(" ", "_"))
        try:
            return Stage(value)
        except ValueError:
            return None
    return None


# The names logs and other tools give the stages: SMTP commands (RFC 5321 §4.1), Sisimai's
# "CONN", Postfix's "end of DATA", words for the OAuth token request.
_STAGE_ALIASES = {
    "helo": "ehlo",
    "lhlo": "ehlo",
    "greeting": "connect",
    "banner": "connect",
    "conn": "connect",
    "connection": "connect",
    "mail from": "mail",
    "sender": "mail",
    "rcpt to": "rcpt",
    "recipient": "rcpt",
    "end of data": "data",
    "bdat": "data",
    "starttls": "tls",
    "login": "auth",
    "authentication": "auth",
    "oauth": "oauth_token",
    "token": "oauth_token",
}


def classify(
    failure: object,
    *,
    stage: Stage | str | None = None,
    settings: SettingsModel | None = None,
    host: str | None = None,
) -> Diagnosis:
    """Diagnose one sending failure. Pure and total: it never raises.

    ``failure`` is an exception (smtplib, ssl, socket, ``OSError``, ``UnicodeEncodeError``, the
    CR/LF ``ValueError``, ``email.errors.HeaderParseError``, msal's or aiosmtplib's), an msal
    result dict, a reply as text or bytes, a ``(code, text_or_bytes)`` tuple, a
    :class:`~smtpdiag.Reply` or error text pasted from a log. ``stage`` (a
    :class:`~smtpdiag.Stage` or its value) says where the failure happened and sharpens the
    answer; ``settings`` makes remedies concrete; ``host`` helps recognise the provider.
    Unrecognised input gives an ``unknown.*`` diagnosis that keeps the raw text.
    """
    try:
        return _classify(failure, stage if stage is None else _coerce_stage(stage), settings, host)
    except Exception:  # totality: a bug here must not hide the user's failure
        return make_diagnosis(
            "unknown.unrecognized",
            detail=_mask(_safe_str(failure)[:500], settings) or None,
            stage=_coerce_stage(stage),
        )


_REPLY_START = frozenset("2345")
_LEADING_CODE = re.compile(r"[2-5][0-9][0-9](?![0-9])")
_STATUS_START = frozenset("245")
_NESTED = re.compile("|".join(re.escape(marker) for marker in NESTED_CAUSE_MARKERS), re.IGNORECASE)


def _classify(
    failure: object, stage: Stage | None, settings: SettingsModel | None, host: str | None
) -> Diagnosis:
    if settings is not None and not isinstance(settings, SettingsModel):
        settings = None
    if host is not None and not isinstance(host, str):
        host = None
    if host is None and settings is not None and settings.host:
        host = settings.host
    facts: _Facts | None = None
    if isinstance(failure, bytes | bytearray | memoryview):
        failure = decode_reply_text(failure)  # read as the same text would be (a binary log)
    if isinstance(failure, str) and failure[:1] in "`*'\"":
        if failure[:1] in "`*":
            # Pasted from Markdown: "`2016-09-16 ... ERROR ...`", "**smtplib.SMTP...**"
            failure = failure.strip("`* \t\r\n")
        elif len(failure) > 2 and failure.rstrip()[-1] == failure[0]:
            # Quoted as a string in a log, JSON or a chat: "'ssl.SSLEOFError: EOF occurred ...'"
            failure = failure.rstrip()[1:-1]
    if isinstance(failure, str) and failure[:1] in _REPLY_START:
        # Fast path: a server reply as text (RFC 5321 §4.2: it starts with its code).
        parsed = parse_reply(failure[:_MAX_TEXT])
        finding = _classify_reply(parsed, stage, host)
        if "AADSTS" in failure or (
            (parsed.code is None or _LEADING_CODE.match(failure) is None)
            and not (
                parsed.code is None and parsed.enhanced and failure.startswith(parsed.enhanced)
            )
        ):
            # Not a reply after all (a log line that starts with a date: it is read as any
            # other pasted text, whatever its time stamp looks like), or a reply that quotes
            # the identity platform's error ("535 5.7.8 ... AADSTS65004: User declined to
            # consent"), whose code names the cause.
            facts = _facts(failure)
            finding = _translate(facts, stage, settings, host)
    elif (
        type(failure) is tuple
        and len(failure) == 2
        and type(failure[0]) is int
        and 200 <= failure[0] <= 599
        and isinstance(failure[1], str | bytes)
    ):
        # Fast path: smtplib's (code, message), as _translate reads it from _apply_args.
        text = decode_reply_text(failure[1])
        finding = _classify_reply(_reply_with_code(failure[0], text), stage, host)
    else:
        if isinstance(failure, Diagnosis):
            return failure
        if isinstance(failure, BaseException):
            carried = getattr(failure, "diagnosis", None)
            if isinstance(carried, Diagnosis):
                return carried  # smtpdiag.SendError already carries its diagnosis
        facts = _facts(failure)
        finding = _translate(facts, stage, settings, host)
    cause = facts.context if facts is not None else None
    while cause is not None and finding.kind.startswith("unknown."):
        # An application's own exception around the failure ("raise MailError(...) from exc",
        # or the last of a pasted chain of tracebacks) names no failure: the nearest cause that
        # does decides.
        inner = _translate(cause, stage, settings, host)
        if not inner.kind.startswith("unknown."):
            facts, finding = cause, inner
            break
        cause = cause.context
    if (facts is not None or finding.generic) and isinstance(failure, str):
        # Java's "nested exception is:", .NET's "--->" and the like name the cause last: the
        # innermost recognised cause decides ("Could not connect to SMTP host ... nested
        # exception is: javax.net.ssl.SSLException: Unrecognized SSL message").
        # (Spring repeats the outer exception after ". Failed messages:", which would hide the
        # nested cause.)
        text = failure[:_MAX_TEXT].split(". Failed messages:", 1)[0]
        low = text.lower()
        # (The substring test first: most texts name no nested cause, and a case-insensitive
        # split of every text is several times slower.)
        parts = _NESTED.split(text) if any(m in low for m in NESTED_CAUSE_MARKERS) else ()
        if len(parts) > 1:
            inner_facts = _facts(parts[-1])
            inner = _translate(inner_facts, stage, settings, host)
            if not inner.kind.startswith("unknown."):
                facts, finding = inner_facts, inner
    kind = finding.kind
    if kind == "auth.invalid_credentials" and (
        (settings is not None and settings.auth_method is AuthMethod.OAUTH)
        or (isinstance(failure, str) and _xoauth2_login_shown(failure.lower()))
    ):
        # The "password" was an OAuth access token (the settings say so, or the pasted SMTP
        # conversation shows "AUTH XOAUTH2").
        kind = "auth.xoauth2_rejected"
    provider = finding.provider
    reply = finding.reply
    detail = finding.detail
    if reply is None or not finding.provider_searched:
        message = (
            facts.message if facts is not None else failure if isinstance(failure, str) else ""
        )
        if provider is None and not finding.provider_searched:
            provider = _detect_provider(message[:_MAX_TEXT].lower(), host)
        if detail is None and reply is None and kind.startswith("unknown."):
            detail = message.strip()[:500] or None
    stage = finding.stage
    if stage is None and kind in _AUTH_KINDS:
        stage = Stage.AUTH  # these failures happen at AUTH and nowhere else
    elif (
        kind.startswith(("connection.", "tls."))
        and stage is not Stage.OAUTH_TOKEN
        and facts is not None
        and any(endpoint in facts.message for endpoint in IDENTITY_ENDPOINTS)
    ):
        stage = Stage.OAUTH_TOKEN  # the token request failed, not the way to the SMTP server
    if settings is None:
        # The usual call: no remedies to make concrete, nothing to mask.
        return _reply_diagnosis(kind, reply, stage, provider, detail)
    if reply is not None:
        masked = _mask(reply.text, settings)
        if masked != reply.text:  # parse again: the secret may have looked like a status code
            reply = parse_reply(masked or "", reply.code)
    code = None if reply is None else reply.code
    return make_diagnosis(
        kind,
        detail=_mask(detail, settings),
        reply=reply,
        stage=stage,
        provider=provider,
        retryable=True if code is not None and 400 <= code < 500 else None,  # RFC 5321 §4.2.1
        remedies=_remedies(kind, settings),
    )
