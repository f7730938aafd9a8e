"""The rule tables: every row names a known kind and the public source of its text."""

from __future__ import annotations

import re

from smtpdiag import CATALOGUE, Stage
from smtpdiag._rules import AADSTS_KINDS, EXCEPTION_PHRASES, PROVIDERS, RULES


def test_every_rule_names_a_kind_and_a_source() -> None:
    stages = {stage.value for stage in Stage}
    for rule in RULES:
        assert rule.kind in CATALOGUE, rule
        assert rule.src, rule
        assert rule.codes or rule.enhanced or rule.text, rule
        assert set(rule.stages.split()) <= stages, rule
        if rule.text:
            re.compile(rule.text)
        if rule.enhanced:
            assert re.fullmatch(r"[245]\.\d{1,3}\.\d{1,3}", rule.enhanced), rule


def test_identity_and_exception_tables_name_known_kinds() -> None:
    assert all(kind in CATALOGUE for kind in AADSTS_KINDS.values())
    for phrases, kind in EXCEPTION_PHRASES:
        assert kind in CATALOGUE
        assert all(phrase == phrase.lower() for phrase in phrases)


def test_provider_signatures_are_lower_case() -> None:
    for signature in PROVIDERS:
        assert signature.src
        assert all(needle == needle.lower() for needle in signature.needles)
        assert all(host == host.lower() for host in signature.hosts)


def test_every_text_rule_starts_each_alternative_with_a_literal_word() -> None:
    # The module docstring's promise, which the engine's speed rests on: a pattern whose
    # alternative starts with a group or a class has no needle, so it would be searched in the
    # whole text of every reply that reaches its tier (and would open its whole keyed bucket).
    from smtpdiag._classify import _ENGINE

    needle_less = [
        tier.rules[index].rule.text
        for tier in (_ENGINE.strong, _ENGINE.weak)
        for index in tier.always
    ]
    assert needle_less == []
    assert [key for key, needles in _ENGINE.bucket_needles.items() if needles is None] == []
