"""bench/reader_accuracy.py scores a name strictly but fairly where « M. » may be « Monsieur » or a first
name's initial: the label's « M. SALVAGNAC » and the read « SALVAGNAC M. » are one person, while an
initial the reader drops, or a first name it adds, still counts as wrong."""
from __future__ import annotations

import pytest
from conftest import ROOT, load_script


bench = load_script(ROOT / "bench" / "reader_accuracy.py")


@pytest.mark.parametrize("label, read", [
    ("M. SALVAGNAC", "SALVAGNAC M."),
    ("SALVAGNAC M.", "M. SALVAGNAC"),
    ("SALVAGNAC M.", "SALVAGNAC M."),
    ("M. DUPONT", "DUPONT"),
])
def test_one_person_whichever_side_prints_the_initial(label, read):
    assert bench.as_labelled([label], read) == bench.person(label)


@pytest.mark.parametrize("label, read", [
    ("SALVAGNAC M.", "SALVAGNAC"),
    ("M. DUPONT", "Jean DUPONT"),
    ("N. QUINTARD", "QUINTARD M."),
    ("M. SALVAGNAC", "SALVAGNAC N."),
])
def test_another_initial_or_a_dropped_one_is_another_name(label, read):
    assert bench.as_labelled([label], read) != bench.person(label)


def test_a_list_is_right_only_when_each_name_is_one_of_the_labelled():
    labels = ["M. SALVAGNAC", "QUINTARD N."]
    tally = bench.Tally("absents")
    expected = {bench.person(n) for n in labels}
    assert tally.many("t", expected, {bench.as_labelled(labels, n) for n in ("SALVAGNAC M.", "QUINTARD N.")}) == "juste"
    assert tally.many("t", expected, {bench.as_labelled(labels, n) for n in ("SALVAGNAC M.", "QUINTARD")}) == "faux"
