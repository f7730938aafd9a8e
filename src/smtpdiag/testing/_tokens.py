"""A fake OAuth token provider and real Microsoft Entra ID failures, for tests. No I/O.

:class:`FakeTokenProvider` satisfies :class:`smtpdiag.TokenProvider` (``get_token(settings)``):
it hands out a fixed token, or fails the way :class:`smtpdiag.MsalTokenProvider` does when Entra
ID refuses, so an application can test its "the client secret expired" path without msal or the
network. :data:`IDENTITY_FAILURES` holds msal result dictionaries copied from public reports.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

__all__ = ["IDENTITY_FAILURES", "FakeTokenProvider", "IdentityFailure"]


@dataclass(frozen=True, slots=True)
class IdentityFailure:
    """An msal ``acquire_token_*`` error result, its source and the kind classify gives it."""

    name: str
    result: Mapping[str, Any] = field(repr=False)
    kind: str
    source: str

    def as_dict(self) -> dict[str, Any]:
        """A fresh copy of the msal result dictionary."""
        return {k: list(v) if isinstance(v, list | tuple) else v for k, v in self.result.items()}


def _failure(name: str, code: int, description: str, kind: str, source: str) -> IdentityFailure:
    result = MappingProxyType(
        {
            "error": "invalid_client",
            "error_description": description,
            "error_codes": (code,),
            "error_uri": f"https://login.microsoftonline.com/error?code={code}",
        }
    )
    return IdentityFailure(name, result, kind, source)


_ROWS = (
    _failure(
        "expired_secret",
        7000222,
        "AADSTS7000222: The provided client secret keys for app "
        "'ccc25fb8-d83b-4225-b4b7-5f31bfb007be' are expired. Visit the Azure portal to create new "
        "keys for your app: https://aka.ms/NewClientSecret, or consider using certificate "
        "credentials for added security: https://aka.ms/certCreds. Trace ID: "
        "de577a4f-a611-44e8-94e6-5ca7955a3800 Correlation ID: "
        "b1f881fe-810c-4731-a772-fa920ee90430 Timestamp: 2025-04-10 13:07:42Z",
        "auth.oauth_secret_expired",
        "https://github.com/dotnet/sign/issues/849",
    ),
    _failure(
        "invalid_secret",
        7000215,
        "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the "
        "request is the client secret value, not the client secret ID, for a secret added to app "
        "'396c2760-2fa5-4948-b9d5-9839a7440836'.\r\nTrace ID: "
        "3ce379e4-441f-4eae-9730-fc0220183001\r\nCorrelation ID: "
        "54752956-bf4f-48f1-b808-6ecae2522f59\r\nTimestamp: 2022-06-18 03:16:39Z",
        "auth.oauth_secret_invalid",
        "https://github.com/interestingcn/365E5_subscription/issues/1",
    ),
)

#: Entra ID failures by name, read-only: ``"expired_secret"``, ``"invalid_secret"``.
IDENTITY_FAILURES: Mapping[str, IdentityFailure] = MappingProxyType({f.name: f for f in _ROWS})


class FakeTokenProvider:
    """A :class:`smtpdiag.TokenProvider` for tests.

    With *failure* ``None`` it returns *token*. With an msal result dictionary (or an
    :class:`IdentityFailure`) it raises :class:`smtpdiag.SendError` at stage ``oauth_token``
    carrying ``smtpdiag.classify(failure)``, exactly as :class:`smtpdiag.MsalTokenProvider` does;
    with an exception instance it raises that. ``calls`` counts the requests.
    """

    def __init__(
        self,
        token: str = "fake-access-token",
        *,
        failure: Mapping[str, Any] | IdentityFailure | BaseException | None = None,
    ) -> None:
        self._token = token
        self._failure = failure
        self._lock = threading.Lock()
        self.calls = 0

    def __repr__(self) -> str:
        state = "ok" if self._failure is None else "failing"
        return f"FakeTokenProvider({state}, calls={self.calls})"

    def get_token(self, settings: Any) -> str:
        """The token, or the configured failure."""
        with self._lock:
            self.calls += 1
        failure = self._failure
        if failure is None:
            return self._token
        if isinstance(failure, BaseException):
            raise failure
        import smtpdiag

        result = failure.as_dict() if isinstance(failure, IdentityFailure) else dict(failure)
        stage = smtpdiag.Stage.OAUTH_TOKEN
        diagnosis = smtpdiag.classify(result, stage=stage, settings=settings)
        raise smtpdiag.SendError(diagnosis, stage)
