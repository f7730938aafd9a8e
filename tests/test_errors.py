"""SendError carries its diagnosis, mirrors its constructor in args and pickles."""

from __future__ import annotations

import pickle

from hypothesis import given
from hypothesis import strategies as st

import smtpdiag
from smtpdiag import CATALOGUE, SendError, SmtpdiagError, Stage, make_diagnosis

diagnoses = st.builds(
    make_diagnosis,
    st.sampled_from(sorted(CATALOGUE)),
    detail=st.none() | st.text(max_size=40),
    stage=st.none() | st.sampled_from(list(Stage)),
)


@given(
    diagnosis=diagnoses,
    stage=st.none() | st.sampled_from(list(Stage)),
    refused=st.lists(st.tuples(st.text(min_size=1, max_size=20), diagnoses), max_size=3),
)
def test_send_error_round_trips_through_pickle(diagnosis, stage, refused) -> None:  # type: ignore[no-untyped-def]
    error = SendError(diagnosis, stage, refused)
    assert isinstance(error, SmtpdiagError)
    assert error.args == (diagnosis, stage, tuple(refused))
    assert error.stage == (stage if stage is not None else diagnosis.stage)
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is SendError
    assert again.args == error.args
    assert again.diagnosis == diagnosis
    assert again.stage == error.stage
    assert again.refused == tuple(refused)
    assert str(again) == str(diagnosis)


def test_sender_names_are_exported_and_all_is_sorted() -> None:
    for name in (
        "CheckResult",
        "MsalTokenProvider",
        "SendError",
        "SendResult",
        "Sender",
        "Session",
        "StageRecord",
        "TokenProvider",
    ):
        assert name in smtpdiag.__all__
        assert getattr(smtpdiag, name) is not None

    def order(name: str) -> tuple[int, str]:
        return (0 if name.isupper() else 1 if name[0].isupper() else 2, name)

    assert smtpdiag.__all__ == sorted(smtpdiag.__all__, key=order)
    assert set(smtpdiag.__all__) <= set(dir(smtpdiag))
