"""smtpdiag: why your mail did not go out, and what to do about it.

Typed diagnoses for SMTP settings, server replies and smtplib failures. The public API is
re-exported here; everything in modules whose names start with ``_`` is private.
"""

from ._catalogue import CATALOGUE, CatalogueEntry, make_diagnosis
from ._classify import classify
from ._diagnosis import Audience, Category, Diagnosis, Remedy, Reply, Severity, Stage
from ._errors import SendError, SettingsError, SmtpdiagError
from ._oauth import MsalTokenProvider, TokenProvider
from ._providers import SuggestedAuth
from ._reply import parse_reply
from ._results import CheckResult, SendResult, StageRecord
from ._sender import Sender, Session
from ._settings import MASK, AuthMethod, Layer, OAuthCredentials, Security, SettingsModel
from ._suggest import ProbeResult, Suggestion, suggest
from ._validate import validate
from ._version import __version__

__all__ = [
    "CATALOGUE",
    "MASK",
    "Audience",
    "AuthMethod",
    "CatalogueEntry",
    "Category",
    "CheckResult",
    "Diagnosis",
    "Layer",
    "MsalTokenProvider",
    "OAuthCredentials",
    "ProbeResult",
    "Remedy",
    "Reply",
    "Security",
    "SendError",
    "SendResult",
    "Sender",
    "Session",
    "SettingsError",
    "SettingsModel",
    "Severity",
    "SmtpdiagError",
    "Stage",
    "StageRecord",
    "SuggestedAuth",
    "Suggestion",
    "TokenProvider",
    "__version__",
    "classify",
    "make_diagnosis",
    "parse_reply",
    "suggest",
    "validate",
]
