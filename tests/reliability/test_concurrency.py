"""Concurrency: one Sender used from 16 threads at once sends every message exactly once, and the
OAuth token provider fetches one token for concurrent callers, not one each (requests counted
at the fake Entra ID token endpoint).
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable

import pytest

from smtpdiag import MsalTokenProvider, Sender, SendError, SendResult
from smtpdiag import _sender as sender_module
from smtpdiag.testing import SMTPTestServer

from ._support import OAUTH, PASSWORD, TOKEN, USER, TokenEntra, message, settings_for

THREADS = 16
PER_THREAD = 4


def _in_threads(work: Callable[[int], None], count: int = THREADS) -> list[BaseException]:
    """Run ``work(i)`` in ``count`` threads released together; the exceptions they raised."""
    barrier = threading.Barrier(count)
    errors: list[BaseException] = []
    lock = threading.Lock()

    def run(index: int) -> None:
        try:
            barrier.wait(10)
            work(index)
        except BaseException as exc:  # collected for the assertion in the test thread
            with lock:
                errors.append(exc)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not any(thread.is_alive() for thread in threads)
    return errors


@pytest.mark.parametrize("mode", ["plain", "starttls"])
def test_one_sender_from_16_threads_sends_every_message_exactly_once(
    mode: str, figure: list[str]
) -> None:
    results: list[SendResult] = []
    lock = threading.Lock()
    with SMTPTestServer(mode, credentials={USER: PASSWORD}) as server:  # type: ignore[arg-type]
        sender = Sender(
            settings_for(server, username=USER, password=PASSWORD, timeout=10),
            ssl_context=server.client_context,
            allow_insecure_auth=mode == "plain",
        )

        def work(index: int) -> None:
            for number in range(PER_THREAD):
                result = sender.send(message(f"t{index}@example.com", subject=f"{index}-{number}"))
                with lock:
                    results.append(result)

        errors = _in_threads(work)
        subjects = Counter(m.subject for m in server.messages)
        attempts = server.attempts
    expected = {f"{i}-{n}" for i in range(THREADS) for n in range(PER_THREAD)}
    assert errors == []
    assert len(results) == THREADS * PER_THREAD
    assert all(r.ok for r in results)
    assert set(subjects) == expected
    assert set(subjects.values()) == {1}  # every message exactly once
    assert attempts == THREADS * PER_THREAD  # one connection per send, none reused across threads
    figure.append(
        f"concurrency ({mode}): {THREADS} threads × {PER_THREAD} sends through one Sender: "
        f"{len(subjects)} distinct messages delivered, duplicates: "
        f"{sum(subjects.values()) - len(subjects)}, lost: {len(expected - set(subjects))}"
    )


def _oauth_server() -> SMTPTestServer:
    return SMTPTestServer("starttls", tokens={USER: TOKEN})


def test_one_token_for_16_concurrent_senders_of_one_sender(figure: list[str]) -> None:
    entra = TokenEntra(token_delay=0.3)  # slow enough that every thread asks while it waits
    provider = MsalTokenProvider(http_client=entra)
    with _oauth_server() as server:
        sender = Sender(
            settings_for(server, auth="oauth", oauth=OAUTH),
            token_provider=provider,
            ssl_context=server.client_context,
        )

        def work(index: int) -> None:
            sender.send(message(subject=str(index)))

        errors = _in_threads(work)
        delivered = len(server.messages)
        authenticated = {m.authenticated_as for m in server.messages}
    assert errors == []
    assert delivered == THREADS
    assert authenticated == {USER}
    assert entra.token_posts == 1
    figure.append(
        f"concurrency (OAuth): {THREADS} concurrent sends through one Sender, token requests at "
        f"the token endpoint: {entra.token_posts}"
    )


def test_one_token_for_16_senders_sharing_the_default_provider(
    monkeypatch: pytest.MonkeyPatch, figure: list[str]
) -> None:
    # Senders built without a token provider share the process-wide msal provider; point it at
    # the fake Entra ID (never the network) and build one Sender per thread.
    entra = TokenEntra(token_delay=0.3)
    monkeypatch.setattr(sender_module, "_default_provider", MsalTokenProvider(http_client=entra))
    with _oauth_server() as server:
        settings = settings_for(server, auth="oauth", oauth=OAUTH)

        def work(index: int) -> None:
            Sender(settings, ssl_context=server.client_context).send(message(subject=str(index)))

        errors = _in_threads(work)
        delivered = len(server.messages)
    assert errors == []
    assert delivered == THREADS
    assert entra.token_posts == 1
    figure.append(
        f"concurrency (OAuth, default provider): {THREADS} Senders in {THREADS} threads, token "
        f"requests: {entra.token_posts}"
    )


def test_a_failed_token_fetch_is_reported_to_every_caller() -> None:
    # Sharing one fetch must not share a failure silently: every caller gets its SendError.
    from ..fake_azure import expired_secret_error

    entra = TokenEntra(token_error=expired_secret_error(), token_delay=0.02)
    provider = MsalTokenProvider(http_client=entra)
    kinds: list[str] = []
    lock = threading.Lock()
    with _oauth_server() as server:
        sender = Sender(settings_for(server, auth="oauth", oauth=OAUTH), token_provider=provider)

        def work(index: int) -> None:
            try:
                sender.send(message())
            except SendError as error:
                with lock:
                    kinds.append(error.diagnosis.kind)

        errors = _in_threads(work)
        attempts = server.attempts
    assert errors == []
    assert kinds == ["auth.oauth_secret_expired"] * THREADS
    assert attempts == 0
