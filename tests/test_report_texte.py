"""The text report: an act in at most a dozen lines, organised around the decision; --detail for the evidence."""
import glob
import json

import pytest
from click.testing import CliRunner

from checker.cli import main

from conftest import ROOT
from test_decision import CORPUS, dossier


def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def acts(text: str) -> list[list[str]]:
    """The report cut into acts: blocks separated by a blank line, the footer left out."""
    blocks = [b for b in text.split("\n\n") if b.strip()]
    return [b.splitlines() for b in blocks if not b.startswith(("Proposition de l'outil", "Dossiers lus"))]


def test_each_act_fits_in_a_dozen_lines_with_action_deadline_and_violations():
    records = [dossier(convocation__date_envoi=d) for d in ("2023-02-27", "2023-02-22", "2023-02-21")]
    out = run("check", "-", "--entree", "jsonl", input="\n".join(json.dumps(r) for r in records)).stdout
    blocks = acts(out)
    assert len(blocks) == 3
    assert all(len(b) <= 12 for b in blocks)
    assert "RECOURS GRACIEUX" in blocks[0][2] and "jeudi 04/05/2023" in blocks[0][2]
    assert any(line.startswith("  ✗ L2121-11") for line in blocks[0])
    assert "OBSERVATIONS" in blocks[1][2]
    assert "AUCUNE SUITE" in blocks[2][2]
    assert "calculs :" not in out and "la décision appartient à l'agent" in out


def test_the_detail_gives_every_finding_with_its_evidence():
    out = run("check", "--detail", str(ROOT / "examples" / "convocation-tardive.yaml")).stdout
    assert "✗ NON CONFORME — L2121-12.delai" in out and "calculs :" in out
    assert "Proposition : OBSERVATIONS" in out


@pytest.mark.skipif(not CORPUS.is_dir(), reason="corpus réel absent")
def test_the_real_corpus_stays_within_a_dozen_lines_per_act():
    out = run("check", *sorted(glob.glob(str(CORPUS / "*.txt")))).stdout
    blocks = acts(out)
    assert len(blocks) >= 50
    assert max(len(b) for b in blocks) <= 12
