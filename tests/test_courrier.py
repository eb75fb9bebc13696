"""`delibcheck courrier`: the draft letters of the contrôle de légalité, in Markdown and DOCX."""
import json

import pytest
from click.testing import CliRunner

from checker.cli import main

from test_decision import dossier


def write(tmp_path, data, name="acte.json"):
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def run(*args):
    return CliRunner().invoke(main, ["courrier", *args], catch_exceptions=False)


def test_a_recours_letter_names_the_act_the_defect_its_law_and_the_deadline(tmp_path):
    data = dossier(convocation__date_envoi={"valeur": "2023-02-27", "source": "convoqué le 27 février 2023"})
    data["deliberations"][0]["transmission"]["identifiant_actes"] = "035-213500000-20230227-2023_08-DE"
    data["seance"]["president"] = {"valeur": "Jeanne PETIT", "source": "sous la présidence de Madame Jeanne PETIT"}
    result = run(write(tmp_path, data))
    assert result.exit_code == 0, result.output
    letter = result.stdout
    assert "Madame la Maire de Saint-Exemple" in letter
    assert "délibération n° 2023-08 du 27 février 2023 (« Budget primitif 2023 ») — lettre d'observations valant " \
           "recours gracieux" in letter
    assert "035-213500000-20230227-2023_08-DE" in letter and "reçue en préfecture le 3 mars 2023" in letter
    assert "article L. 2121-11 du code général des collectivités territoriales" in letter
    assert "« convoqué le 27 février 2023 »" in letter
    assert "retrait" in letter and "jeudi 4 mai 2023" in letter and "L. 2131-6" in letter
    assert "n° 62470" in letter
    assert "Je vous prie d'agréer, Madame la Maire" in letter


def test_a_request_for_documents_lists_them_and_says_the_deadline_is_deferred(tmp_path):
    result = run(write(tmp_path, dossier(seance__presents=None, seance__representes=None)), "--format", "texte")
    assert result.exit_code == 0, result.output
    letter = result.stdout
    assert "demande de pièces complémentaires" in letter
    assert "  - la feuille de présence" in letter
    assert "357031" in letter and "jeudi 4 mai 2023" in letter
    assert "[civilité à adapter]" in letter


def test_observations_for_a_defect_the_judge_may_neutralise(tmp_path):
    result = run(write(tmp_path, dossier(convocation__date_envoi="2023-02-22")))
    letter = result.stdout
    assert "lettre d'observations" in letter and "recours gracieux" not in letter
    assert "Danthony, n° 335033" in letter and "pour l'avenir" in letter


def test_no_letter_for_an_act_without_follow_up_unless_asked(tmp_path):
    path = write(tmp_path, dossier())
    result = run(path)
    assert result.exit_code == 2 and "aucune suite proposée" in result.output
    assert run(path, "--type", "pieces").exit_code == 2


def test_docx_is_written_and_readable(tmp_path):
    docx = pytest.importorskip("docx")
    out = tmp_path / "lettre.docx"
    result = run(write(tmp_path, dossier(convocation__date_envoi="2023-02-27")), "--format", "docx",
                 "--sortie", str(out))
    assert result.exit_code == 0, result.output
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "Objet : contrôle de légalité — délibération n° 2023-08" in text
    assert "article L. 2121-11" in text and "jeudi 4 mai 2023" in text


def test_the_batch_form_writes_one_letter_per_act_that_calls_for_one(tmp_path):
    records = [dossier(), dossier(convocation__date_envoi="2023-02-27"),
               dossier(seance__presents=None, seance__representes=None), dossier(convocation__date_envoi="2023-02-22")]
    source = tmp_path / "lot.jsonl"
    source.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    out = tmp_path / "courriers"
    result = run(str(source), "--sortie", str(out))
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in out.iterdir())
    assert len(names) == 3
    assert [n.rsplit("-", 1)[-1] for n in names] == ["observations.md", "pieces.md", "observations.md"]
    assert "3 courriers écrits" in result.output and "1 sans suite proposée" in result.output
