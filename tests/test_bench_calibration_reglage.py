"""bench/reader_accuracy.py --calibration-reglage: per-field calibration of the tuning parts, never validation."""
from __future__ import annotations

from conftest import ROOT, load_script

bench = load_script(ROOT / "bench" / "reader_accuracy.py")


def test_each_band_counts_right_over_read_and_the_wrong_reads_that_can_accuse():
    calibration = [(0.9, True, "seance.date"), (0.95, False, "seance.date"), (0.6, True, "seance.date"),
                   (None, False, "seance.heure"), (None, True, "seance.heure")]
    lines = bench.calibration_by_field(calibration, unrated=True)
    [date] = [line for line in lines if "seance.date" in line]
    assert "0.6: 1/1" in date and "0.9: 1/2 (1 faux)" in date and "faux ≥ seuil : 1" in date
    [hour] = [line for line in lines if "seance.heure" in line]
    assert "sans: 1/2 (1 faux)" in hour and "faux sans confiance : 1" in hour


def test_the_validation_table_keeps_its_shape():
    lines = bench.calibration_by_field([(None, False, "seance.heure")])
    assert lines == ["  seance.heure                       sans: 0/1 (1 faux)"]


def test_the_tuning_groups_hold_no_validation_part():
    parts = {part for _, group in bench.TUNING_CALIBRATION for part in group}
    assert parts and not parts & set(bench.VALIDATION_PARTS)


def test_wrong_reads_at_the_gate_are_counted_apart_from_those_without_confidence():
    assert bench._wrong_at_gate([(0.9, False, "a"), (0.85, False, "a"), (None, False, "b"), (1.0, True, "a")]) == "1 (1)"
