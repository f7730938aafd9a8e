"""Agreement with the public Sisimai bounce corpus (tests/data/sisimai-diagnostics.jsonl).

Sisimai's ``reason`` labels are mapped to smtpdiag categories as issue 3 lists them; reasons that
say nothing about the failure's cause (expired, onhold, undefined, delivered, feedback, vacation,
mailererror) are left out. Each diagnostic text is classified with the stage from
``smtpcommand`` and ``host=rhost``. Run this file directly to print the figure and the misses.
"""

from __future__ import annotations

import json
from pathlib import Path

from smtpdiag import Stage, classify

CORPUS = Path(__file__).parent / "data" / "sisimai-diagnostics.jsonl"

REASON_CATEGORIES: dict[str, frozenset[str]] = {
    **dict.fromkeys(
        ["userunknown", "hostunknown", "mailboxfull", "suspend", "hasmoved", "notaccept"],
        frozenset({"recipient"}),
    ),
    "filtered": frozenset({"recipient", "policy"}),
    "rejected": frozenset({"sender"}),
    **dict.fromkeys(
        [
            "blocked",
            "badreputation",
            "requireptr",
            "spamdetected",
            "virusdetected",
            "policyviolation",
            "authfailure",
            "norelaying",
        ],
        frozenset({"policy"}),
    ),
    "securityerror": frozenset({"auth", "tls", "policy"}),
    **dict.fromkeys(["speeding", "toomanyconn"], frozenset({"rate_limit"})),
    **dict.fromkeys(
        ["mesgtoobig", "exceedlimit", "contenterror", "notcompliantrfc"], frozenset({"message"})
    ),
    "syntaxerror": frozenset({"protocol"}),
    **dict.fromkeys(["systemerror", "systemfull"], frozenset({"server"})),
    "networkerror": frozenset({"connection"}),
}

STAGES = {
    "DATA": Stage.DATA,
    "RCPT": Stage.RCPT,
    "MAIL": Stage.MAIL,
    "EHLO": Stage.EHLO,
    "HELO": Stage.EHLO,
    "QUIT": Stage.QUIT,
    "CONN": Stage.CONNECT,
}


def evaluate() -> tuple[int, int, list[tuple[str, str, str, str]]]:
    total = agreed = 0
    misses: list[tuple[str, str, str, str]] = []
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        wanted = REASON_CATEGORIES.get(row["reason"])
        if wanted is None:
            continue
        total += 1
        stage = STAGES.get(row["smtpcommand"])
        diagnosis = classify(row["diagnostic"], stage=stage, host=row["rhost"] or None)
        if diagnosis.category.value in wanted:
            agreed += 1
        else:
            misses.append((row["reason"], diagnosis.kind, row["smtpcommand"], row["diagnostic"]))
    return total, agreed, misses


def test_sisimai_agreement_at_least_90_percent() -> None:
    total, agreed, _misses = evaluate()
    assert total > 500
    assert agreed / total >= 0.90, f"{agreed}/{total} = {agreed / total:.1%}"


if __name__ == "__main__":
    total, agreed, misses = evaluate()
    for reason, kind, command, text in misses:
        print(f"{reason:15} {kind:32} {command or '-':5} {text[:150]!r}")
    print(f"agreement: {agreed}/{total} = {agreed / total:.1%}")
