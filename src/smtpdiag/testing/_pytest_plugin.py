"""The pytest plugin (entry point ``pytest11``): ``smtp_fake`` and ``smtp_server`` fixtures.

No I/O at import, and no imports beyond pytest: the toolkit is loaded inside the fixtures, so
installing smtpdiag without the ``testing`` extra never breaks pytest. Only ``smtp_server``
needs the extra (aiosmtpd and trustme).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from ._fake import SMTPPatch
    from ._server import SMTPTestServer


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "smtp_fake(**options): FakeMailServer options for the smtp_fake fixture "
        "(faults=, credentials=, require_auth=, ...)",
    )
    config.addinivalue_line(
        "markers",
        "smtp_server(mode='starttls', **options): SMTPTestServer options for the smtp_server "
        "fixture",
    )


def _marker(request: pytest.FixtureRequest, name: str) -> tuple[tuple[Any, ...], dict[str, Any]]:
    marker = request.node.get_closest_marker(name)
    if marker is None:
        return (), {}
    return tuple(marker.args), dict(marker.kwargs)


@pytest.fixture
def smtp_fake(request: pytest.FixtureRequest) -> Iterator[SMTPPatch]:
    """``smtplib.SMTP`` and ``smtplib.SMTP_SSL`` replaced by fakes; yields the handle.

    ``smtp_fake.outbox`` holds the accepted messages. Configure faults and options with
    ``@pytest.mark.smtp_fake(faults=[...], credentials={...})``.
    """
    from ._fake import patch_smtplib

    args, kwargs = _marker(request, "smtp_fake")
    with patch_smtplib(*args, **kwargs) as handle:
        yield handle


@pytest.fixture
def smtp_server_factory() -> Iterator[Callable[..., SMTPTestServer]]:
    """Start :class:`SMTPTestServer` instances on demand; all are stopped after the test."""
    from ._server import SMTPTestServer

    servers: list[SMTPTestServer] = []

    def make(mode: str = "starttls", **options: Any) -> SMTPTestServer:
        server = SMTPTestServer(mode, **options)  # type: ignore[arg-type]
        servers.append(server)
        return server.start()

    try:
        yield make
    finally:
        for server in servers:
            server.stop()


@pytest.fixture
def smtp_server(
    request: pytest.FixtureRequest, smtp_server_factory: Callable[..., SMTPTestServer]
) -> SMTPTestServer:
    """A running loopback :class:`SMTPTestServer` (STARTTLS mode unless the marker says else).

    Configure it with ``@pytest.mark.smtp_server("ssl", credentials={...}, faults=[...])``.
    """
    args, kwargs = _marker(request, "smtp_server")
    return smtp_server_factory(*args, **kwargs)
