"""Totality: the settings constructors and validate() never raise an undocumented exception.

The default profile runs a few hundred examples in CI; `HYPOTHESIS_PROFILE=thorough` runs
100,000 per property by hand (figures in docs/reliability.md).
"""

from __future__ import annotations

import string
import tempfile
from email.message import Message
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from smtpdiag import Layer, OAuthCredentials, SettingsError, SettingsModel, validate

PAYLOADS = ["\r", "\n", "\r\n", "\x00", "\r\nBcc: victim@example.com", "\u2028", "\udcff"]
texts = (
    st.text(max_size=60)
    | st.sampled_from(PAYLOADS)
    | st.builds(
        lambda a, p, b: a + p + b,
        st.text(string.printable, max_size=10),
        st.sampled_from(PAYLOADS),
        st.text(string.printable, max_size=10),
    )
)
anything = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | texts | st.binary(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(texts, inner, max_size=3),
    max_leaves=6,
)
KEYS = [
    "host",
    "port",
    "security",
    "username",
    "password",
    "oauth",
    "auth",
    "from_address",
    "from_name",
    "reply_to",
    "cc",
    "bcc",
    "timeout",
    "local_hostname",
    "ca_file",
    "oauth_client_id",
    "oauth_tenant_id",
    "oauth_client_secret",
]
keys = st.sampled_from(KEYS) | texts


@given(st.dictionaries(keys, anything, max_size=8))
def test_from_mapping_and_validate_are_total(mapping: dict[Any, Any]) -> None:
    try:
        model = SettingsModel.from_mapping(mapping)
    except SettingsError as exc:
        assert isinstance(exc.key, str)
        return
    for diagnosis in validate(model):
        assert diagnosis.kind.split(".")[0] == diagnosis.category.value


@given(st.dictionaries(st.sampled_from(KEYS) | texts, anything, max_size=8))
def test_direct_construction_raises_only_settings_error(values: dict[Any, Any]) -> None:
    try:
        model = SettingsModel(**{str(k): v for k, v in values.items()})
    except SettingsError:
        return
    except TypeError as exc:  # an unknown keyword argument is Python's own error
        assert "unexpected keyword argument" in str(exc)
        return
    validate(model)


@given(st.dictionaries(texts, texts, max_size=6))
def test_from_env_is_total(environ: dict[str, str]) -> None:
    try:
        SettingsModel.from_env(environ={"SMTP_" + k: v for k, v in environ.items()})
    except SettingsError as exc:
        assert isinstance(exc.key, str)


@given(
    st.lists(
        st.tuples(texts, st.dictionaries(keys, anything, max_size=4), st.lists(keys, max_size=3)),
        max_size=4,
    )
)
def test_from_layers_is_total(layers: list[tuple[str, dict[Any, Any], list[Any]]]) -> None:
    try:
        model = SettingsModel.from_layers([Layer(n, v, locked) for n, v, locked in layers])
    except SettingsError as exc:
        assert isinstance(exc.key, str)
        return
    validate(model)


@hsettings(max_examples=50)
@given(st.binary(max_size=300))
def test_from_toml_is_total(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "settings.toml"
        path.write_bytes(data)
        try:
            SettingsModel.from_toml(path)
        except SettingsError as exc:
            assert isinstance(exc.key, str)


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["To", "Cc", "Bcc", "From", "Reply-To", "Subject", "X-Custom"]), texts
        ),
        max_size=6,
    ),
    texts,
    texts,
    texts,
)
def test_validate_with_message_is_total(
    headers: list[tuple[str, str]], client_id: str, tenant: str, secret: str
) -> None:
    message = Message()
    for name, value in headers:
        message[name] = value
    model = SettingsModel(
        host="smtp.example.com",
        username="a@example.com",
        password="p",
        from_address="a@example.com",
        oauth=OAuthCredentials(client_id, tenant, secret),
    )
    validate(model, message)


MEGABYTE = 1_000_000


def test_one_megabyte_values_are_validated_quickly() -> None:
    import time

    huge = {
        "host": "a" * MEGABYTE,
        "username": "u" * MEGABYTE,
        "password": "p" * MEGABYTE,
        "from_address": "x" * MEGABYTE + "@example.com",
        "from_name": "N" * MEGABYTE,
        "cc": ", ".join(f"c{i}@example.com" for i in range(10_000)),  # 10,000 addresses
        "local_hostname": "h" * MEGABYTE,
    }
    start = time.perf_counter()
    model = SettingsModel.from_mapping(huge)
    found = validate(model)
    took = time.perf_counter() - start
    assert found  # a 1 MB host name is reported, not accepted
    assert took < 5.0, took
