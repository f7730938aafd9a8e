"""OAuth access tokens for SMTP XOAUTH2 (I/O: HTTPS to the identity provider, through msal).

:class:`TokenProvider` is the small protocol the sender asks for a token; :class:`MsalTokenProvider`
implements it for Microsoft 365 with the client-credentials flow. msal is imported only when a
token is first needed, so ``import smtpdiag`` stays light.
"""

from __future__ import annotations

import hashlib
import threading
from typing import Any, Protocol, runtime_checkable

from ._catalogue import make_diagnosis
from ._classify import classify
from ._diagnosis import Stage
from ._errors import SendError
from ._settings import OAuthCredentials, SettingsModel

__all__ = ["MsalTokenProvider", "TokenProvider", "xoauth2_response"]

#: Microsoft Entra ID's authority host for the worldwide cloud.
MICROSOFT_AUTHORITY_HOST = "https://login.microsoftonline.com"
#: The scope that grants SMTP.SendAsApp (and the other Exchange Online app permissions).
OUTLOOK_SCOPE = "https://outlook.office365.com/.default"


@runtime_checkable
class TokenProvider(Protocol):
    """Gives the sender an OAuth 2.0 access token for XOAUTH2.

    ``get_token`` is called once per connection that logs in, from any thread. Raise
    :class:`~smtpdiag.SendError` (stage ``oauth_token``) with a diagnosis when no token can be
    had; any other exception is classified by the sender.
    """

    def get_token(self, settings: SettingsModel) -> str: ...


def xoauth2_response(user: str, token: str) -> bytes:
    """The XOAUTH2 initial client response (before base64): ``user=…^Aauth=Bearer …^A^A``."""
    return f"user={user}\x01auth=Bearer {token}\x01\x01".encode()


def _fingerprint(credentials: OAuthCredentials) -> tuple[str, str, str]:
    # The secret is only kept as a digest in the key, so no repr of the cache can show it.
    digest = hashlib.sha256(credentials.client_secret.encode("utf-8")).hexdigest()
    return credentials.tenant_id.strip(), credentials.client_id.strip(), digest


class MsalTokenProvider:
    """Microsoft 365 tokens with msal's ``ConfidentialClientApplication`` (client credentials).

    The authority is ``{authority_host}/{tenant}`` and the scope
    ``https://outlook.office365.com/.default``. One msal application is kept per set of
    credentials, so msal's token cache serves later sends until the token nears expiry, and
    concurrent callers with the same credentials wait for one fetch. ``http_client`` is handed
    to msal (an object with requests' ``get``/``post`` interface), for proxies or tests.
    msal failures (an error result with ``error_codes``, or the ``ValueError`` for an unknown
    tenant) raise :class:`~smtpdiag.SendError` at stage ``oauth_token``.
    """

    def __init__(
        self,
        *,
        http_client: Any = None,
        authority_host: str = MICROSOFT_AUTHORITY_HOST,
        scopes: tuple[str, ...] = (OUTLOOK_SCOPE,),
        app_options: dict[str, Any] | None = None,
    ) -> None:
        self._http_client = http_client
        self._authority_host = authority_host.rstrip("/")
        self._scopes = list(scopes)
        self._app_options = dict(app_options or {})
        self._apps: dict[tuple[str, str, str], Any] = {}
        self._locks: dict[tuple[str, str, str], threading.Lock] = {}
        self._guard = threading.Lock()

    def __repr__(self) -> str:
        return (
            f"MsalTokenProvider(authority_host={self._authority_host!r}, scopes={self._scopes!r})"
        )

    def _lock(self, key: tuple[str, str, str]) -> threading.Lock:
        with self._guard:
            return self._locks.setdefault(key, threading.Lock())

    def _app(self, key: tuple[str, str, str], credentials: OAuthCredentials, timeout: float) -> Any:
        app = self._apps.get(key)
        if app is None:
            import msal  # lazily: only OAuth users pay for it

            options: dict[str, Any] = {"timeout": timeout}
            if self._http_client is not None:
                options["http_client"] = self._http_client
            options.update(self._app_options)
            app = msal.ConfidentialClientApplication(
                credentials.client_id.strip(),
                client_credential=credentials.client_secret,
                authority=f"{self._authority_host}/{credentials.tenant_id.strip()}",
                **options,
            )
            self._apps[key] = app
        return app

    def get_token(self, settings: SettingsModel) -> str:
        credentials = settings.oauth
        if credentials is None or not (
            credentials.client_id.strip()
            and credentials.tenant_id.strip()
            and credentials.client_secret
        ):
            raise SendError(
                make_diagnosis(
                    "auth.oauth_incomplete",
                    stage=Stage.OAUTH_TOKEN,
                    source=settings.source_of("oauth"),
                ),
                Stage.OAUTH_TOKEN,
            )
        key = _fingerprint(credentials)
        timeout = settings.timeout if isinstance(settings.timeout, float) else 30.0
        with self._lock(key):
            try:
                app = self._app(key, credentials, timeout)
                result = app.acquire_token_for_client(scopes=self._scopes)
            except SendError:
                raise
            except Exception as exc:  # msal's ValueError for an unknown tenant, HTTP errors, ...
                raise SendError(self._diagnose(exc, settings), Stage.OAUTH_TOKEN) from exc
        if isinstance(result, dict) and isinstance(result.get("access_token"), str):
            return str(result["access_token"])
        failure: Any = result if isinstance(result, dict) else {"error": repr(result)}
        raise SendError(self._diagnose(failure, settings), Stage.OAUTH_TOKEN)

    @staticmethod
    def _diagnose(failure: Any, settings: SettingsModel) -> Any:
        diagnosis = classify(failure, stage=Stage.OAUTH_TOKEN, settings=settings)
        if diagnosis.stage is None:
            diagnosis = diagnosis.with_changes(stage=Stage.OAUTH_TOKEN)
        return diagnosis
