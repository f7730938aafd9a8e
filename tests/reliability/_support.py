"""Shared pieces of the reliability suites: distinctive secrets, settings, messages, stub DNS,
token providers, a fake Entra ID that hands out a distinctive token, and a raw scripted TCP
server for the conversations SMTPTestServer cannot stage (I/O: loopback sockets only).
"""

from __future__ import annotations

import base64
import json
import socket
import threading
import time
from collections.abc import Callable
from contextlib import suppress
from email.message import EmailMessage
from typing import Any

from ..fake_azure import CLIENT_ID, TENANT, FakeEntra, FakeResponse
from ..test_sender import StaticToken as _StaticToken
from ..test_sender import settings_for as settings_for  # shared with the sender tests

USER = "alice@example.com"
# Distinctive secrets: no rendering has any reason to contain one of these strings.
PASSWORD = "Pw-7f3a9c1e-LEAKCANARY"
CLIENT_SECRET = "Cs~9b2d4f6a.LEAKCANARY"
TOKEN = "eyJ0eXAi.Tk-5e8c2a7d.LEAKCANARY"
SECRETS = (PASSWORD, CLIENT_SECRET, TOKEN)
OAUTH = {"client_id": CLIENT_ID, "tenant_id": TENANT, "client_secret": CLIENT_SECRET}
#: A string only the body of a test message contains: it must never cross in clear under TLS.
BODY_MARK = "BODY-MARK-3c9e1f"


def needles(secret: str, user: str = USER) -> tuple[bytes, ...]:
    """The forms in which ``secret`` could escape: verbatim and inside every AUTH encoding."""
    raw = secret.encode()
    forms = [
        raw,
        base64.b64encode(raw),
        base64.b64encode(b"\0" + user.encode() + b"\0" + raw),  # AUTH PLAIN
        base64.b64encode(f"user={user}\x01auth=Bearer {secret}\x01\x01".encode()),  # XOAUTH2
    ]
    return tuple(forms)


ALL_NEEDLES = tuple(n for s in SECRETS for n in needles(s))


def occurrences(blob: str | bytes) -> list[bytes]:
    """Which secret forms appear in ``blob`` (empty when none does)."""
    data = blob.encode("utf-8", "surrogatepass") if isinstance(blob, str) else blob
    return [n for n in ALL_NEEDLES if n in data]


def message(*to: str, subject: str = "Hello", size: int = 0) -> EmailMessage:
    msg = EmailMessage()
    msg["To"] = ", ".join(to or ("bob@example.com",))
    msg["Subject"] = subject
    msg.set_content(f"Hello Bob. {BODY_MARK}\n" + ("x" * 76 + "\n") * (size // 77))
    return msg


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class StaticToken(_StaticToken):
    """The sender tests' static token provider, handing out the distinctive token."""

    def __init__(self, token: str = TOKEN) -> None:
        super().__init__(token)


class TokenEntra(FakeEntra):
    """FakeEntra whose token endpoint hands out ``token`` (a distinctive one by default)."""

    def __init__(self, token: str = TOKEN, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.token = token

    def post(
        self, url: str, params: Any = None, data: Any = None, headers: Any = None, **kwargs: Any
    ) -> FakeResponse:
        response = super().post(url, params, data, headers, **kwargs)
        if response.status_code == 200 and url.endswith("/oauth2/v2.0/token"):
            body = json.loads(response.text)
            body["access_token"] = self.token
            response = FakeResponse(200, json.dumps(body))
        return response


# -- a raw scripted server -------------------------------------------------------------------
Script = Callable[[socket.socket, "RawServer"], None]


class RawServer:
    """A one-thread TCP listener on 127.0.0.1 that runs ``script`` for each connection.

    For conversations SMTPTestServer cannot stage (a drop in the middle of a TLS handshake, a
    server that stops reading in the middle of a message). ``received`` keeps every byte the
    clients sent, in clear (nothing here speaks TLS), for transcript checks.
    """

    def __init__(self, script: Script, *, rcvbuf: int | None = None) -> None:
        self.script = script
        self.received = bytearray()
        self.connections = 0
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._listener = socket.socket()
        if rcvbuf is not None:
            self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(8)
        self._listener.settimeout(0.05)
        self.port = int(self._listener.getsockname()[1])
        self._threads: list[threading.Thread] = []
        self._accepter = threading.Thread(target=self._accept, daemon=True)

    def __enter__(self) -> RawServer:
        self._accepter.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._accepter.join(5)
        for thread in self._threads:
            thread.join(5)
        self._listener.close()

    @property
    def stopping(self) -> bool:
        return self._stop.is_set()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with self._lock:
                self.connections += 1
            thread = threading.Thread(target=self._serve, args=(conn,), daemon=True)
            self._threads.append(thread)
            thread.start()

    def _serve(self, conn: socket.socket) -> None:
        with conn:
            conn.settimeout(0.05)
            with suppress(OSError):
                self.script(conn, self)

    def record(self, data: bytes) -> None:
        with self._lock:
            self.received.extend(data)

    def read_line(self, conn: socket.socket, limit: float = 10.0) -> bytes | None:
        """Read up to and including LF (recording it); None when the client went away."""
        out = bytearray()
        end = time.monotonic() + limit
        while not self.stopping and time.monotonic() < end:
            try:
                byte = conn.recv(1)
            except TimeoutError:
                continue
            if not byte:
                return None
            self.record(byte)
            out += byte
            if byte == b"\n":
                return bytes(out)
        return None

    def idle(self, conn: socket.socket, *, read: bool = True) -> None:
        """Stay connected, silent, until the client leaves or the server stops."""
        while not self.stopping:
            if not read:
                time.sleep(0.05)
                continue
            try:
                data = conn.recv(65536)
            except TimeoutError:
                continue
            if not data:
                return
            self.record(data)
