"""bench/reader_accuracy.py --votes-ecartes: what the vote counts the reader set aside would have scored."""
from __future__ import annotations

from conftest import ROOT, load_script

bench = load_script(ROOT / "bench" / "reader_accuracy.py")

LABEL = {"act_identifier": "2024-01", "vote": {"pour": 12, "contre": 1, "abstention": 0, "unanimite": False}}


def _record(aside: dict, index: int = 0) -> dict:
    return {"deliberations": [{"numero": "2024-01", "vote": {"unanimite": {"valeur": True}}}, {"numero": "2024-02"}],
            "lecture": {"rejetees": [{"champ": f"deliberations[{index}].vote", "valeur": aside, "raison": "r"},
                                     {"champ": "seance.presents", "valeur": 12, "raison": "r"}]}}


def test_counts_of_the_labelled_act_set_aside_are_scored_right_or_wrong():
    counter: dict = {}
    bench.votes_set_aside(counter, _record({"pour": 12, "contre": 1}), LABEL)
    bench.votes_set_aside(counter, _record({"pour": 12, "contre": 3}), LABEL)
    assert counter == {bench.SET_ASIDE_KINDS[0]: 1, bench.SET_ASIDE_KINDS[1]: 1}


def test_counts_of_another_act_are_counted_apart():
    counter: dict = {}
    bench.votes_set_aside(counter, _record({"pour": 12, "contre": 1}, index=1), LABEL)
    assert counter == {bench.SET_ASIDE_KINDS[2]: 1}
