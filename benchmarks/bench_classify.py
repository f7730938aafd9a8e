"""Benchmark smtpdiag.classify on a realistic mix of SMTP replies (no I/O).

Prints the median time per call beside a baseline measured in the same run: one ``re.match`` of
the reply-code pattern on the same strings. Goal (issue 3): median <= 10 us per call and no more
than 20 times the baseline.

    python benchmarks/bench_classify.py [rounds]
"""

from __future__ import annotations

import re
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

from smtpdiag import classify, make_diagnosis, parse_reply

# Replies as servers send them (sources in tests/test_classify.py and src/smtpdiag/_rules.py).
MIX: list[object] = [
    "535 5.7.8 Username and Password not accepted. Learn more at\n"
    "535 5.7.8  https://support.google.com/mail/?p=BadCredentials a1sm123 - gsmtp",
    "534-5.7.9 Application-specific password required. Learn more at\n"
    "534 5.7.9  https://support.google.com/mail/?p=InvalidSecondFactor o13sm2119833lfg.90 - gsmtp",
    "535 5.7.139 Authentication unsuccessful, basic authentication is disabled. "
    "[PN0PR01CA0024.INDPRD01.PROD.OUTLOOK.COM 2025-01-26T18:54:30.055Z 08DD3DD7D75D7743]",
    "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the "
    "Tenant. Visit https://aka.ms/smtp_auth_disabled for more information. "
    "[TY1PR01CA0183.jpnprd01.prod.outlook.com]",
    "535 5.7.3 Authentication unsuccessful [BN3PR03CA0067.namprd03.prod.outlook.com]",
    "550 5.7.60 SMTP; Client does not have permissions to send as this sender "
    "[MW2PR1901MB2155.namprd19.prod.outlook.com]",
    "530 5.7.57 Client not authenticated to send mail. [SN4PR0201CA0040.namprd02.prod.outlook.com]",
    "550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown in local recipient "
    "table",
    "550-5.1.1 The email account that you tried to reach does not exist. Please try\n"
    "550-5.1.1 double-checking the recipient's email address for typos or\n"
    "550 5.1.1 unnecessary spaces. https://support.google.com/mail/?p=NoSuchUser - gsmtp",
    "552-5.2.2 The email account that you tried to reach is over quota. - gsmtp",
    "554 5.7.1 <bob@relay.example>: Relay access denied",
    "530 5.7.0 Must issue a STARTTLS command first",
    "421 4.7.0 Try again later, closing connection.",
    "421 4.7.0 [TSS04] Messages from 192.0.2.25 temporarily deferred due to unexpected volume "
    "or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes",
    "554 Message rejected: Email address is not verified. The following identities failed the "
    "check in region US-EAST-1: alice@example.com",
    "454 Throttling failure: Maximum sending rate exceeded.",
    "552 5.3.4 Message size exceeds fixed limit",
    "550 5.4.5 Daily user sending limit exceeded.",
    "550-5.7.26 Unauthenticated email from example.com is not accepted due to domain's DMARC "
    "policy. - gsmtp",
    "554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org",
    "450 4.2.0 <bob@example.com>: Recipient address rejected: Greylisted",
    "451 4.7.500 Server busy. Please try again later from [192.0.2.1]. (S77719)",
    "553 sorry, that domain isn't in my list of allowed rcpthosts (#5.7.1)",
    "550 sorry, no mailbox here by that name. (#5.1.1)",
    (535, b"5.7.8 Authentication credentials invalid"),
    (550, b"5.1.1 User unknown"),
    "503 5.5.1 Error: need MAIL command",
    "500 5.5.2 Error: bad syntax",
    "452 4.3.1 Insufficient system storage",
    "250 2.0.0 OK",
]

_CODE = re.compile(r"\s*([2-5][0-9][0-9])(?:[ \t-]|$)")


def _texts() -> list[str]:
    out = []
    for item in MIX:
        if isinstance(item, tuple):
            out.append(f"{item[0]} {item[1].decode()}")
        else:
            out.append(str(item))
    return out


def _call_times_ns(func: Callable[[Any], object], items: list[Any], rounds: int) -> list[int]:
    """The time of every single call, in nanoseconds (timer overhead included for both)."""
    clock = time.perf_counter_ns
    times = []
    for _ in range(rounds):
        for item in items:
            start = clock()
            func(item)
            times.append(clock() - start)
    return times


def _result_only(text: str) -> object:
    """What every call must at least do: match the code, build the Reply and the Diagnosis."""
    _CODE.match(text)
    return make_diagnosis("unknown.permanent", reply=parse_reply(text))


def main(rounds: int = 300) -> None:
    texts = _texts()
    for item in MIX:  # warm up
        classify(item)
    calls = _call_times_ns(classify, MIX, rounds)
    base = _call_times_ns(_CODE.match, texts, rounds)
    floor = _call_times_ns(_result_only, texts, rounds)
    median, baseline = statistics.median(calls), statistics.median(base)
    least = statistics.median(floor)
    print(f"replies:   {len(MIX)} x {rounds} rounds")
    mean = statistics.mean(calls)
    print(f"classify:  median {median / 1000:.2f} us per call (mean {mean / 1000:.2f} us)")
    print(f"baseline:  median {baseline / 1000:.3f} us per call (one re.match of the reply code)")
    print(f"ratio:     {median / baseline:.1f}x")
    print(
        f"floor:     median {least / 1000:.2f} us per call ({least / baseline:.1f}x): parsing the "
        "reply and building the Reply and Diagnosis values alone, no classification"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 300)
