"""`delibcheck nouveau`: the next meeting's record from the body's roster, proxies followed from one
meeting to the next, and read by `delibcheck check` as any record."""
import json

import pytest
import yaml

from clerk_support import check, run

ROSTER = """\
collectivite: {nom: Commune de Saint-Exemple, nature: commune, population: 5000, departement: "35"}
membres_en_exercice: 7
membres:
  - Jean MARTIN
  - Claire DUPONT
  - {nom: Paul DURAND, date_naissance: "1961-04-02"}
  - Marie LEROY
  - Luc MOREAU
  - Anne PETIT
  - Hugo ROUX
pouvoirs:
  - {mandant: Luc MOREAU, mandataire: Claire DUPONT, premiere_seance: "2024-01-15", seances: SEANCES}
"""


@pytest.fixture
def roster(tmp_path):
    def write(seances=3, text=None, name="registre.yaml"):
        path = tmp_path / name
        path.write_text(text if text is not None else ROSTER.replace("SEANCES", str(seances)), encoding="utf-8")
        return str(path)
    return write


def nouveau(*args):
    return run("nouveau", *args)


def skeleton(path):
    return yaml.safe_load(open(path, encoding="utf-8"))


def test_skeleton_fills_presence_and_proxies_and_is_a_valid_record(roster, tmp_path):
    out = tmp_path / "s1.yaml"
    result = nouveau(roster(), "--date", "2024-01-15", "--envoi", "2024-01-09", "--absent", "Hugo ROUX",
                     "--point", "Budget primitif 2024", "--point", "Tarifs de la cantine", "--sortie", out)
    assert result.exit_code == 0, result.output
    assert "5 présents attendus, 1 représentés, 1 absents excusés" in result.stderr
    data = skeleton(out)
    presence = {m["nom"]: m["presence"] for m in data["seance"]["membres"]}
    assert presence["Luc MOREAU"] == "represente" and presence["Hugo ROUX"] == "absent_excuse"
    assert presence["Jean MARTIN"] == "present"
    assert data["seance"]["pouvoirs"] == [{"mandant": "Luc MOREAU", "mandataire": "Claire DUPONT", "ecrit": True,
                                           "seances_consecutives": 1}]
    assert [d["objet"] for d in data["deliberations"]] == ["Budget primitif 2024", "Tarifs de la cantine"]
    assert "delibcheck check --avant-vote" in out.read_text(encoding="utf-8").splitlines()[2]
    code, findings = check(data)
    assert findings[("L2121-17.quorum", "deliberations[0]")]["valeurs"]["presents"] == 5
    assert findings[("L2121-20.trois_seances_consecutives", "seance")]["statut"] == "conforme"
    assert findings[("L2121-12.delai", "deliberations[0]")]["statut"] == "conforme"


def test_a_proxy_for_several_meetings_is_followed_from_one_record_to_the_next(roster, tmp_path):
    path = roster(seances=5)
    previous = None
    for rank, date in enumerate(["2024-01-15", "2024-02-12", "2024-03-11", "2024-04-08"], start=1):
        out = tmp_path / f"{date}.yaml"
        args = [path, "--date", date, "--sortie", out] + (["--precedente", previous] if previous else [])
        result = nouveau(*args)
        assert result.exit_code == 0, result.output
        [proxy] = skeleton(out)["seance"]["pouvoirs"]
        assert proxy["seances_consecutives"] == rank
        previous = str(out)
    # cgct.md §10 case 30: a fourth consecutive meeting without illness; the rules, not the tool, say so.
    _, findings = check(skeleton(previous))
    assert findings[("L2121-20.trois_seances_consecutives", "seance")]["statut"] == "non_conforme"


def test_a_proxy_past_the_meetings_it_covers_is_dropped_and_said(roster, tmp_path):
    path = roster(seances=1)
    nouveau(path, "--date", "2024-01-15", "--sortie", tmp_path / "a.yaml")
    result = nouveau(path, "--date", "2024-02-12", "--precedente", tmp_path / "a.yaml", "--sortie", tmp_path / "b.yaml")
    assert result.exit_code == 0
    assert "couvrait 1 séance :" in result.stderr
    data = skeleton(tmp_path / "b.yaml")
    assert "pouvoirs" not in data["seance"]
    assert {m["nom"]: m["presence"] for m in data["seance"]["membres"]}["Luc MOREAU"] == "present"


def test_without_the_previous_record_the_rank_is_left_unknown_not_guessed(roster):
    result = nouveau(roster(), "--date", "2024-02-12", "--format", "json")
    assert result.exit_code == 0
    [proxy] = json.loads(result.stdout)["seance"]["pouvoirs"]
    assert "seances_consecutives" not in proxy
    assert "Rang inconnu du pouvoir de Luc MOREAU" in result.stderr


def test_a_proxy_given_for_this_meeting_only(roster):
    result = nouveau(roster(), "--date", "2024-01-15", "--pouvoir", "Anne PETIT:Jean MARTIN", "--format", "json")
    proxies = json.loads(result.stdout)["seance"]["pouvoirs"]
    assert {(p["mandant"], p["seances_consecutives"]) for p in proxies} == {("Luc MOREAU", 1), ("Anne PETIT", 1)}


def test_csv_roster(roster, tmp_path):
    text = ("nom;date_naissance;pouvoir_a;pouvoir_premiere_seance;pouvoir_seances;maladie\n"
            "Jean MARTIN;1958-02-01;;;;\n"
            "Claire DUPONT;;;;;\n"
            "Luc MOREAU;;Claire DUPONT;2024-01-15;6;oui\n")
    path = roster(text=text, name="registre.csv")
    result = nouveau(path, "--date", "2024-01-15", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["seance"]["membres_en_exercice"] == 3
    assert data["seance"]["pouvoirs"] == [{"mandant": "Luc MOREAU", "mandataire": "Claire DUPONT", "ecrit": True,
                                           "seances_consecutives": 1, "maladie": True}]
    assert data["seance"]["membres"][0] == {"nom": "Jean MARTIN", "date_naissance": "1958-02-01", "presence": "present"}


def test_the_skeleton_goes_straight_to_the_pre_vote_check(roster, tmp_path):
    out = tmp_path / "s.yaml"
    nouveau(roster(), "--date", "2024-01-15", "--envoi", "2024-01-09", "--sortie", out)
    result = run("check", "--avant-vote", out)
    assert result.exit_code == 0
    assert "à venir" in result.stdout.splitlines()[1] and "Avant le vote" in result.stdout


@pytest.mark.parametrize("args, text, message", [
    (["--date", "2024-01-15", "--absent", "Hugo RAUX"], None, "« Hugo RAUX » n'est pas un membre du registre ; vouliez-vous dire Hugo ROUX"),
    (["--date", "2024-02-30"], None, "--date : date impossible « 2024-02-30 »"),
    (["--date", "2024-01-15", "--pouvoir", "Anne PETIT"], None, "ne suit pas la forme MANDANT:MANDATAIRE"),
    (["--date", "2024-01-15"], "membres: [A, B]\nconseil: 3\n", "clé inconnue « conseil »"),
    (["--date", "2024-01-15"], "membres: [A, A]\n", "membre « A » inscrit deux fois"),
    (["--date", "2024-01-15"], "membres: [A, B]\npouvoirs: [{mandant: A, mandataire: C}]\n", "« C » n'est pas un membre"),
    (["--date", "2024-01-15"], "membres: [A]\ncollectivite: {population: -4}\n", "le dossier préparé n'est pas valide"),
    (["--date", "2024-01-15"], "membres: [A]\npouvoirs: [{mandant: A, mandataire: A}]\n", "pouvoir de « A » à lui-même"),
])
def test_bad_roster_or_options_exit_2_in_french(roster, args, text, message):
    result = nouveau(roster(text=text) if text is not None else roster(), *args)
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


def test_an_existing_file_is_not_overwritten_unless_asked(roster, tmp_path):
    out = tmp_path / "s.yaml"
    out.write_text("garder\n", encoding="utf-8")
    result = nouveau(roster(), "--date", "2024-01-15", "--sortie", out)
    assert result.exit_code == 2 and "existe déjà" in result.output
    assert out.read_text(encoding="utf-8") == "garder\n"
    assert nouveau(roster(), "--date", "2024-01-15", "--sortie", out, "--remplacer").exit_code == 0


def test_previous_record_must_precede(roster, tmp_path):
    nouveau(roster(), "--date", "2024-02-12", "--sortie", tmp_path / "b.yaml")
    result = nouveau(roster(), "--date", "2024-01-15", "--precedente", tmp_path / "b.yaml")
    assert result.exit_code == 2 and "ne précède pas" in result.output
