"""The verdict agreement of bench/reader_accuracy.py: the checker's « conforme » and « non conforme » on
a record read, against those on the record built from the labels, counted rule by rule."""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import reader_accuracy as accuracy  # noqa: E402
from checker.findings import CONFORME, NON_CONFORME  # noqa: E402


def test_false_conforme_and_false_non_conforme_are_counted_per_rule_and_part():
    agreement = accuracy.Agreement()
    got = {("quorum", "seance"): CONFORME, ("convocation", "seance"): CONFORME,
           ("secretaire", "seance"): NON_CONFORME, ("publicite", "d1"): CONFORME}
    truth = {("quorum", "seance"): NON_CONFORME, ("secretaire", "seance"): CONFORME,
             ("publicite", "d1"): CONFORME}
    agreement.add("reglage", got, truth)
    agreement.add("validation", got, None)
    assert agreement.counts[("reglage", "quorum")] == {"c_lus": 1, "c_faux": 1, "c_faux_nc": 1, "nc_lus": 0,
                                                      "nc_faux": 0}
    # Undecided on the labelled record (absent from the decided verdicts): a false « conforme », not one
    # that hides a « non conforme ».
    assert agreement.counts[("reglage", "convocation")]["c_faux"] == 1
    assert agreement.counts[("reglage", "convocation")]["c_faux_nc"] == 0
    assert agreement.counts[("reglage", "secretaire")]["nc_faux"] == 1
    assert agreement.counts[("reglage", "publicite")]["c_faux"] == 0
    assert agreement.counts[("validation", "publicite")]["c_faux"] == 1


def test_the_table_shows_the_rules_with_a_disagreement_and_the_totals():
    agreement = accuracy.Agreement()
    agreement.add("reglage", {("quorum", "seance"): CONFORME, ("publicite", "d1"): CONFORME},
                  {("quorum", "seance"): NON_CONFORME, ("publicite", "d1"): CONFORME})
    lines = agreement.table(["reglage", "validation"])
    quorum = next(line for line in lines if line.startswith("quorum"))
    assert quorum.split("|")[1].split() == ["1", "1", "1", "0", "0"]
    assert quorum.split("|")[2].split() == ["0", "0", "0", "0", "0"]
    assert not any(line.startswith("publicite") for line in lines)
    assert lines[-1].startswith("TOUTES LES RÈGLES (2)") and lines[-1].split("|")[1].split() == ["2", "1", "1", "0", "0"]
