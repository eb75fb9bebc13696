"""`format_value` gives the values of lists and objects read whole without a call for each plain
item: the JSON is the same as formatting every item one by one, whatever the nesting and the
types (booleans are not numbers, dates become ISO text, unknown values null)."""
from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.findings import format_value
from ruleset.values import Asserted, Interval, Unknown


def _one_by_one(value):
    """Every item of a list or an object formatted by its own call, as JSON gives it."""
    if type(value) is list:
        return [_one_by_one(item) for item in value]
    if type(value) is dict:
        return {key: _one_by_one(item) for key, item in value.items()}
    return format_value(value, iso=True)


LEAVES = st.one_of(
    st.none(), st.booleans(), st.integers(), st.text(max_size=5),
    st.floats(allow_nan=False, allow_infinity=False), st.dates(min_value=dt.date(1990, 1, 1)),
    st.just(Unknown.of("seance.presents")), st.just(Asserted("convoqué dans les délais")),
    st.builds(lambda lo, span: Interval(lo, lo + span, frozenset()), st.integers(0, 50), st.integers(1, 9)))
VALUES = st.recursive(LEAVES, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=4), inner, max_size=4)), max_leaves=12)


@settings(max_examples=300, deadline=None)
@given(VALUES)
def test_lists_and_objects_are_formatted_as_each_of_their_items(value):
    shown = format_value(value, iso=True)
    expected = _one_by_one(value)
    assert shown == expected
    assert repr(shown) == repr(expected)
