"""Fault descriptions: validation, attempts, matching."""

from __future__ import annotations

import dataclasses

import pytest

from smtpdiag.testing import Fault, Script
from smtpdiag.testing._faults import faults_for_attempt, pick_fault, slow_faults


def test_constructors_build_frozen_values() -> None:
    fault = Fault.reject("rcpt", 550, "5.1.1 User unknown", match="*@gone.example")
    assert (fault.action, fault.stage, fault.code) == ("reject", "rcpt", 550)
    with pytest.raises(dataclasses.FrozenInstanceError):
        fault.code = 250  # type: ignore[misc]
    assert Fault.auth_fail().text == "5.7.8 Authentication credentials invalid"
    assert Fault.certificate_error("expired").certificate == "expired"
    assert Fault.starttls_refused().stage == "starttls"
    assert Fault.reject("tls", 454, "x").stage == "starttls"  # Stage.TLS spelling is accepted
    assert Fault.slow(0.5).stage is None


@pytest.mark.parametrize(
    "build",
    [
        lambda: Fault.reject("tcp", 550, "x"),
        lambda: Fault.reject("mail", 199, "x"),
        lambda: Fault.reject("data", 550, "x", match="a@b"),
        lambda: Fault.reject("nowhere", 550, "x"),
        lambda: Fault.auth_fail(235, "ok"),
        lambda: Fault.drop("tcp"),
        lambda: Fault.slow(-1),
        lambda: Fault.certificate_error("revoked"),
        lambda: Fault.drop("mail", times=0),
    ],
)
def test_invalid_faults_are_refused(build: object) -> None:
    with pytest.raises(ValueError):  # noqa: PT011 - each builder has its own message
        build()  # type: ignore[operator]


def test_times_and_scripts_select_faults_per_attempt() -> None:
    once = Fault.drop("mail", times=1)
    always = Fault.reject("rcpt", 550, "no")
    script = Script([once, always], None, always)
    assert faults_for_attempt([once, always], 0) == (once, always)
    assert faults_for_attempt([once, always], 1) == (always,)
    assert script.faults_for(0) == (once, always)
    assert script.faults_for(1) == ()
    assert script.faults_for(2) == (always,)
    assert script.faults_for(3) == ()
    assert faults_for_attempt(None, 0) == ()
    with pytest.raises(TypeError):
        faults_for_attempt(["not a fault"], 0)  # type: ignore[list-item]


def test_matching_is_a_case_insensitive_glob() -> None:
    fault = Fault.reject("rcpt", 550, "no", match="*@Blocked.example")
    assert fault.matches("Bob@blocked.EXAMPLE")
    assert not fault.matches("bob@ok.example")
    assert not fault.matches(None)
    assert pick_fault([fault], "rcpt", "x@blocked.example") is fault
    assert pick_fault([fault], "rcpt", "x@ok.example") is None
    assert pick_fault([fault], "mail", "x@blocked.example") is None


def test_slow_faults_apply_to_their_stage_or_every_stage() -> None:
    everywhere, greeting = Fault.slow(0.1), Fault.slow(0.2, "connect", drip=True)
    assert slow_faults([everywhere, greeting], "connect") == (everywhere, greeting)
    assert slow_faults([everywhere, greeting], "mail") == (everywhere,)


def test_multi_line_text() -> None:
    assert Fault.reject("mail", 550, "one\ntwo").reply_lines == ("one", "two")
    assert Fault.reject("mail", 550, "").reply_lines == ("",)


def test_the_server_refuses_a_tcp_timeout() -> None:
    from smtpdiag.testing import SMTPTestServer

    with pytest.raises(ValueError, match="SYN"):
        SMTPTestServer(faults=[Script([], [Fault.timeout("tcp")])])
