"""SettingsModel: constructors, accepted labels, layers, and secrets never shown."""

from __future__ import annotations

import contextlib
import json
import pickle
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smtpdiag import (
    MASK,
    AuthMethod,
    Layer,
    OAuthCredentials,
    Security,
    SettingsError,
    SettingsModel,
    SmtpdiagError,
)

PASSWORD = "pa55-Very-Distinctive-Secret"
CLIENT_SECRET = "cs~Another.Distinctive_Secret"


def full_settings() -> SettingsModel:
    return SettingsModel(
        host="smtp.office365.com",
        port=587,
        security="TLS",  # type: ignore[arg-type]
        username="alerts@contoso.com",
        password=PASSWORD,
        oauth=OAuthCredentials(
            "00001111-aaaa-2222-bbbb-3333cccc4444", "contoso.onmicrosoft.com", CLIENT_SECRET
        ),
        from_address="alerts@contoso.com",
        from_name="Alerts",
        cc="a@contoso.com; b@contoso.com",  # type: ignore[arg-type]
    )


@pytest.mark.parametrize(
    ("label", "security", "auth"),
    [
        ("None", Security.NONE, None),
        ("none", Security.NONE, None),
        ("SSL", Security.SSL, None),
        ("ssl", Security.SSL, None),
        ("TLS", Security.STARTTLS, None),
        ("STARTTLS", Security.STARTTLS, None),
        ("StartTLS", Security.STARTTLS, None),
        (" tls ", Security.STARTTLS, None),
        ("OAuth", Security.STARTTLS, AuthMethod.OAUTH),
        (Security.SSL, Security.SSL, None),
    ],
)
def test_security_labels_people_type(label: object, security: Security, auth: object) -> None:
    settings = SettingsModel.from_mapping({"host": "smtp.example.com", "security": label})
    assert settings.security is security
    assert settings.auth is auth


def test_unknown_security_label_is_a_clear_error() -> None:
    with pytest.raises(SettingsError) as info:
        SettingsModel.from_mapping({"security": "TLS1.2"})
    assert info.value.key == "security"
    assert "None, SSL, TLS" in str(info.value)


def test_port_as_text_and_address_lists_as_text() -> None:
    settings = SettingsModel.from_mapping(
        {"port": " 465 ", "cc": "a@example.com, b@example.com;c@example.com", "bcc": ""}
    )
    assert settings.port == 465
    assert settings.cc == ("a@example.com", "b@example.com", "c@example.com")
    assert settings.bcc == ()


def test_merely_wrong_values_build_fine() -> None:
    settings = SettingsModel.from_mapping({"port": 70000, "from_address": "bob example.com"})
    assert settings.port == 70000
    assert settings.from_address == "bob example.com"
    not_a_number = SettingsModel.from_mapping({"port": "abc"})
    assert not_a_number.port == "abc"  # type: ignore[comparison-overlap]


@pytest.mark.parametrize(
    ("mapping", "key"),
    [
        ({"hots": "smtp.example.com"}, "hots"),
        ({"host": 42}, "host"),
        ({"port": [587]}, "port"),
        ({"port": True}, "port"),
        ({"cc": 3}, "cc"),
        ({"timeout": "soon", "oauth": 5}, "oauth"),
        ({"oauth": {"client": "x"}}, "oauth.client"),
        ({"oauth_client_id": "x", "oauth": {"client_id": "y"}}, "oauth"),
    ],
)
def test_unknown_key_or_wrong_type_names_the_key(mapping: dict[str, object], key: str) -> None:
    with pytest.raises(SettingsError) as info:
        SettingsModel.from_mapping(mapping)
    assert info.value.key == key
    assert key in str(info.value)
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, SmtpdiagError)


def test_typo_gets_a_suggestion() -> None:
    with pytest.raises(SettingsError, match="did you mean password"):
        SettingsModel.from_mapping({"passwrod": "x"})


def test_flat_oauth_keys() -> None:
    settings = SettingsModel.from_mapping(
        {"oauth_client_id": "id", "oauth_tenant_id": "tenant", "oauth_client_secret": "s"}
    )
    assert settings.oauth == OAuthCredentials("id", "tenant", "s")
    assert settings.auth_method is AuthMethod.OAUTH
    assert settings.source_of("oauth_client_secret") == "mapping"


def test_auth_method_is_inferred() -> None:
    assert SettingsModel().auth_method is AuthMethod.NONE
    assert SettingsModel(username="u", password="p").auth_method is AuthMethod.PASSWORD
    assert SettingsModel(auth=AuthMethod.NONE, username="u").auth_method is AuthMethod.NONE


def test_from_env_reads_prefixed_variables_and_names_their_source() -> None:
    env = {
        "SMTP_HOST": "smtp.gmail.com",
        "SMTP_PORT": "465",
        "SMTP_SECURITY": "SSL",
        "SMTP_PASSWORD": PASSWORD,
        "SMTP_USERNAME": "me@gmail.com",
        "HOME": "/root",
    }
    settings = SettingsModel.from_env(environ=env)
    assert (settings.host, settings.port, settings.security) == (
        "smtp.gmail.com",
        465,
        Security.SSL,
    )
    assert settings.source_of("port") == "environment (SMTP_PORT)"


def test_from_env_rejects_a_misspelled_variable() -> None:
    with pytest.raises(SettingsError) as info:
        SettingsModel.from_env(environ={"SMTP_PASSWROD": "x"})
    assert info.value.key == "SMTP_PASSWROD"
    assert "SMTP_PASSWORD" in str(info.value)


def test_from_env_custom_prefix() -> None:
    settings = SettingsModel.from_env("MAIL_", environ={"MAIL_HOST": "h.example.com"})
    assert settings.host == "h.example.com"


def test_from_toml_top_level_and_smtp_table(tmp_path: Path) -> None:
    flat = tmp_path / "flat.toml"
    flat.write_text('host = "smtp.example.com"\nport = 587\nsecurity = "TLS"\n')
    table = tmp_path / "table.toml"
    table.write_text(
        '[smtp]\nhost = "smtp.example.com"\nport = "587"\ncc = ["a@example.com"]\n'
        '[smtp.oauth]\nclient_id = "c"\ntenant_id = "t"\nclient_secret = "s"\n'
    )
    assert SettingsModel.from_toml(flat).host == "smtp.example.com"
    loaded = SettingsModel.from_toml(table)
    assert loaded.cc == ("a@example.com",)
    assert loaded.oauth == OAuthCredentials("c", "t", "s")
    assert loaded.source_of("host") == "file table.toml"


def test_from_toml_errors_are_settings_errors(tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("host = \n")
    with pytest.raises(SettingsError, match="not valid TOML"):
        SettingsModel.from_toml(broken)
    with pytest.raises(SettingsError, match="cannot read"):
        SettingsModel.from_toml(tmp_path / "missing.toml")
    extra = tmp_path / "extra.toml"
    extra.write_text('other = 1\n[smtp]\nhost = "h"\n')
    with pytest.raises(SettingsError) as info:
        SettingsModel.from_toml(extra)
    assert info.value.key == "other"


def test_layers_override_in_order_and_remember_their_source() -> None:
    settings = SettingsModel.from_layers(
        [
            Layer("global", {"host": "smtp.office365.com", "port": 587, "from_name": "Org"}),
            Layer("module", {"from_name": "Billing"}),
            Layer("user", {"from_address": "me@contoso.com"}),
        ]
    )
    assert settings.from_name == "Billing"
    assert settings.sources == {
        "host": "global",
        "port": "global",
        "from_name": "module",
        "from_address": "user",
    }
    assert settings.notes == ()


def test_locked_field_keeps_its_value_and_the_override_is_reported() -> None:
    settings = SettingsModel.from_layers(
        [
            Layer("global", {"host": "smtp.office365.com", "port": 587}, locked={"host"}),
            Layer("module", {"host": "smtp.gmail.com", "port": 465}),
        ]
    )
    assert settings.host == "smtp.office365.com"
    assert settings.port == 465
    (note,) = settings.notes
    assert note.kind == "config.locked_override"
    assert note.fields == ("host",)
    assert note.source == "module"
    assert "global" in (note.detail or "")


def test_locking_an_unknown_field_is_an_error() -> None:
    with pytest.raises(SettingsError):
        SettingsModel.from_layers([Layer("global", {}, locked={"hostname"})])


def test_secrets_never_show_in_any_rendering() -> None:
    settings = full_settings()
    renderings = [
        repr(settings),
        str(settings),
        settings.summary(),
        json.dumps(settings.to_dict(), ensure_ascii=False),
        repr(settings.oauth),
        str(settings.oauth),
        repr(settings.summary_rows()),
    ]
    for text in renderings:
        assert PASSWORD not in text
        assert CLIENT_SECRET not in text
    assert MASK in settings.summary()
    assert settings.to_dict()["password"] == MASK
    assert settings.to_dict()["oauth"]["client_secret"] == MASK


def test_summary_has_the_admin_screen_rows() -> None:
    labels = [label for label, _ in full_settings().summary_rows()]
    for label in (
        "SMTP Server",
        "SMTP Port",
        "Secure Connection",
        "Username",
        "Password",
        "OAuth Client ID",
        "OAuth Tenant ID",
        "OAuth Client Secret",
    ):
        assert label in labels


def test_settings_are_frozen_and_pickle() -> None:
    settings = full_settings()
    with pytest.raises(AttributeError):
        settings.host = "x"  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(settings)) == settings


def test_with_values_keeps_sources_of_unchanged_fields() -> None:
    settings = SettingsModel.from_mapping({"host": "a.example.com", "port": 587})
    changed = settings.with_values(port=465)
    assert changed.port == 465
    assert changed.source_of("host") == "mapping"
    assert changed.source_of("port") is None


_values = st.one_of(
    st.text(),
    st.integers(),
    st.floats(allow_nan=True),
    st.booleans(),
    st.none(),
    st.lists(st.text(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.text(max_size=5), max_size=2),
)


@given(st.dictionaries(st.text(max_size=20), _values, max_size=6))
def test_from_mapping_raises_only_settings_error(mapping: dict[str, object]) -> None:
    with contextlib.suppress(SettingsError):
        SettingsModel.from_mapping(mapping)


_KEYS = st.sampled_from(
    [
        "host",
        "port",
        "security",
        "username",
        "password",
        "from_address",
        "cc",
        "bcc",
        "timeout",
        "reply_to",
        "from_name",
        "local_hostname",
        "oauth_client_id",
        "auth",
    ]
)


@given(st.dictionaries(_KEYS, st.text(), max_size=8))
def test_from_env_of_known_text_keys(mapping: dict[str, str]) -> None:
    try:
        SettingsModel.from_env(environ={f"SMTP_{k.upper()}": v for k, v in mapping.items()})
    except SettingsError as exc:
        assert exc.key in ("SMTP_SECURITY", "security", "SMTP_AUTH", "auth")


@given(st.text())
def test_from_toml_raises_only_settings_error(text: str) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "s.toml"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        with contextlib.suppress(SettingsError):
            SettingsModel.from_toml(path)
