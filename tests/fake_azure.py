"""An in-process stand-in for Microsoft Entra ID's endpoints, for msal's ``http_client``.

No I/O: msal is handed this object instead of a requests session, so no test reaches the
network. The responses follow the shapes Entra ID returns; the AADSTS7000222 body is the testing
toolkit's recorded one, and the AADSTS90002 text follows the same public error format.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlparse

from smtpdiag.testing import IDENTITY_FAILURES

AUTHORITY = "https://login.microsoftonline.com"
TENANT = "11111111-2222-3333-4444-555555555555"
CLIENT_ID = "66666666-7777-8888-9999-000000000000"


# The instance discovery document for the worldwide cloud (the public endpoint
# https://login.microsoftonline.com/common/discovery/instance?api-version=1.1), first group only.
INSTANCE_DISCOVERY = {
    "tenant_discovery_endpoint": (
        "https://login.microsoftonline.com/common/.well-known/openid-configuration"
    ),
    "api-version": "1.1",
    "metadata": [
        {
            "preferred_network": "login.microsoftonline.com",
            "preferred_cache": "login.windows.net",
            "aliases": [
                "login.microsoftonline.com",
                "login.windows.net",
                "login.microsoft.com",
                "sts.windows.net",
            ],
        }
    ],
}


@dataclass
class FakeResponse:
    status_code: int
    text: str
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "application/json"})

    def raise_for_status(self) -> None:
        if self.status_code >= 400:
            raise RuntimeError(f"HTTP {self.status_code}")

    def json(self) -> Any:
        return json.loads(self.text)


class FakeEntra:
    """Serves tenant discovery and the token endpoint; records every request."""

    def __init__(
        self,
        *,
        tenants: tuple[str, ...] = (TENANT,),
        token_error: dict[str, Any] | None = None,
        token_delay: float = 0.0,
    ) -> None:
        self.tenants = tenants
        self.token_error = token_error
        self.token_delay = token_delay
        self.requests: list[tuple[str, str]] = []
        self.token_posts = 0
        self._lock = threading.Lock()

    def _record(self, method: str, url: str) -> None:
        with self._lock:
            self.requests.append((method, url))

    def get(self, url: str, params: Any = None, headers: Any = None, **kwargs: Any) -> FakeResponse:
        self._record("GET", url)
        parts = urlparse(url)
        segments = [s for s in parts.path.split("/") if s]
        tenant = segments[0] if segments else ""
        if parts.path.endswith("/.well-known/openid-configuration"):
            if tenant not in self.tenants:
                return FakeResponse(400, json.dumps(_tenant_not_found(tenant)))
            base = f"{AUTHORITY}/{tenant}"
            return FakeResponse(
                200,
                json.dumps(
                    {
                        "token_endpoint": f"{base}/oauth2/v2.0/token",
                        "authorization_endpoint": f"{base}/oauth2/v2.0/authorize",
                        "device_authorization_endpoint": f"{base}/oauth2/v2.0/devicecode",
                        "issuer": f"https://login.microsoftonline.com/{tenant}/v2.0",
                        "end_session_endpoint": f"{base}/oauth2/v2.0/logout",
                        "token_endpoint_auth_methods_supported": [
                            "client_secret_post",
                            "private_key_jwt",
                            "client_secret_basic",
                        ],
                    }
                ),
            )
        if parts.path == "/common/discovery/instance":
            return FakeResponse(200, json.dumps(INSTANCE_DISCOVERY))
        return FakeResponse(404, json.dumps({"error": "not_found"}))

    def post(
        self, url: str, params: Any = None, data: Any = None, headers: Any = None, **kwargs: Any
    ) -> FakeResponse:
        self._record("POST", url)
        if not url.endswith("/oauth2/v2.0/token"):
            return FakeResponse(404, json.dumps({"error": "not_found"}))
        with self._lock:
            self.token_posts += 1
        if self.token_delay:
            time.sleep(self.token_delay)
        if self.token_error is not None:
            return FakeResponse(401, json.dumps(self.token_error))
        return FakeResponse(
            200,
            json.dumps(
                {
                    "token_type": "Bearer",
                    "expires_in": 3599,
                    "ext_expires_in": 3599,
                    "access_token": "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.fake.signature",
                }
            ),
        )

    def close(self) -> None:
        pass


def expired_secret_error() -> dict[str, Any]:
    """The token endpoint's 401 body for an expired client secret (AADSTS7000222).

    The error text is the testing toolkit's recorded one (public source noted there), plus the
    trace fields Entra ID adds to every error body.
    """
    body = IDENTITY_FAILURES["expired_secret"].as_dict()
    body.update(
        timestamp="2025-04-10 13:07:42Z",
        trace_id="de577a4f-a611-44e8-94e6-5ca7955a3800",
        correlation_id="b1f881fe-810c-4731-a772-fa920ee90430",
    )
    return body


def _tenant_not_found(tenant: str) -> dict[str, Any]:
    return {
        "error": "invalid_tenant",
        "error_description": (
            f"AADSTS90002: Tenant '{tenant}' not found. Check to make sure you have the correct "
            "tenant ID and are signing into the correct cloud. Check with your subscription "
            "administrator, this may happen if there are no active subscriptions for the tenant."
        ),
        "error_codes": [90002],
        "error_uri": "https://login.microsoftonline.com/error?code=90002",
    }
