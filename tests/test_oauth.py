"""MsalTokenProvider and XOAUTH2 against an in-process fake of Microsoft Entra ID (no network)."""

from __future__ import annotations

import subprocess
import sys
import threading

import pytest

from smtpdiag import MsalTokenProvider, SendError, SettingsModel, Stage, TokenProvider
from smtpdiag._oauth import xoauth2_response

from .fake_azure import CLIENT_ID, TENANT, FakeEntra, expired_secret_error

SECRET = "Qx~8Q~not-a-real-secret.value"


def settings(**oauth: str) -> SettingsModel:
    values = {"client_id": CLIENT_ID, "tenant_id": TENANT, "client_secret": SECRET, **oauth}
    return SettingsModel(host="smtp.office365.com", oauth=values, from_address="a@example.com")


def test_token_is_fetched_once_and_then_served_from_msal_cache() -> None:
    entra = FakeEntra()
    provider = MsalTokenProvider(http_client=entra)
    assert isinstance(provider, TokenProvider)
    first = provider.get_token(settings())
    second = provider.get_token(settings())
    assert first == second
    assert entra.token_posts == 1
    discovery, token = entra.requests[0][1], entra.requests[-1][1]
    assert discovery == (
        f"https://login.microsoftonline.com/{TENANT}/v2.0/.well-known/openid-configuration"
    )
    assert token == f"https://login.microsoftonline.com/{TENANT}/oauth2/v2.0/token"


def test_concurrent_callers_share_one_fetch() -> None:
    entra = FakeEntra(token_delay=0.2)
    provider = MsalTokenProvider(http_client=entra)
    tokens: list[str] = []
    workers = [
        threading.Thread(target=lambda: tokens.append(provider.get_token(settings())))
        for _ in range(5)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(5)
    assert len(tokens) == 5
    assert len(set(tokens)) == 1
    assert entra.token_posts == 1


def test_other_credentials_get_their_own_application() -> None:
    entra = FakeEntra()
    provider = MsalTokenProvider(http_client=entra)
    provider.get_token(settings())
    provider.get_token(settings(client_secret=SECRET + "2"))
    assert entra.token_posts == 2


def test_expired_secret_is_diagnosed_at_oauth_token() -> None:
    provider = MsalTokenProvider(http_client=FakeEntra(token_error=expired_secret_error()))
    with pytest.raises(SendError) as info:
        provider.get_token(settings())
    assert info.value.stage is Stage.OAUTH_TOKEN
    assert info.value.diagnosis.kind == "auth.oauth_secret_expired"
    assert SECRET not in str(info.value.diagnosis.to_dict())


def test_unknown_tenant_valueerror_is_diagnosed() -> None:
    provider = MsalTokenProvider(http_client=FakeEntra(tenants=()))
    with pytest.raises(SendError) as info:
        provider.get_token(settings())
    assert info.value.stage is Stage.OAUTH_TOKEN
    assert info.value.diagnosis.kind == "auth.oauth_tenant_not_found"
    assert isinstance(info.value.__cause__, ValueError)


def test_missing_credentials_are_diagnosed_without_msal() -> None:
    entra = FakeEntra()
    with pytest.raises(SendError) as info:
        MsalTokenProvider(http_client=entra).get_token(SettingsModel(host="h"))
    assert info.value.diagnosis.kind == "auth.oauth_incomplete"
    assert entra.requests == []


def test_provider_repr_shows_no_secret() -> None:
    provider = MsalTokenProvider(http_client=FakeEntra())
    provider.get_token(settings())
    assert SECRET not in repr(provider)
    assert SECRET not in repr(vars(provider))


def test_xoauth2_initial_response() -> None:
    assert (
        xoauth2_response("a@example.com", "tok") == b"user=a@example.com\x01auth=Bearer tok\x01\x01"
    )


def test_importing_smtpdiag_does_not_import_msal() -> None:
    code = "import sys, smtpdiag; print('msal' in sys.modules, 'requests' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
