"""`delibcheck convocation` on the specification's edge cases (cgct.md §10, cases 1–17), and its
agreement with `delibcheck check` on the same facts."""
import datetime as dt

import pytest

from clerk_support import assert_agrees, check, commune, run, tool
from conftest import ROOT


def convocation(seance, population=None, envoi=None, *flags):
    args = ["convocation", "--seance", seance]
    if population is not None:
        args += ["--population", population]
    if envoi is not None:
        args += ["--envoi", envoi]
    return tool(*args, *flags)


@pytest.mark.parametrize("case, population, seance, envoi, answer, last, required", [
    ("1 — cinq jours francs exactement", 62727, "2023-12-19", "2023-12-13", "oui", "2023-12-13", 5),
    ("2 — quatre jours francs", 62727, "2023-12-19", "2023-12-14", "non", "2023-12-13", 5),
    ("3 — moins de 3 500, trois jours francs", 900, "2024-03-15", "2024-03-11", "oui", "2024-03-11", 3),
    ("4 — moins de 3 500, deux jours francs", 900, "2024-03-15", "2024-03-12", "non", "2024-03-11", 3),
    ("5 — le week-end compte", 900, "2024-06-10", "2024-06-06", "oui", "2024-06-06", 3),
    ("5 — envoi du vendredi", 900, "2024-06-10", "2024-06-07", "non", "2024-06-06", 3),
    ("6 — les fériés comptent", 900, "2024-05-10", "2024-05-06", "oui", "2024-05-06", 3),
    ("6 — envoi du 7 mai", 900, "2024-05-10", "2024-05-07", "non", "2024-05-06", 3),
    ("7 — nouvel an dans le délai", 3600, "2025-01-06", "2024-12-31", "oui", "2024-12-31", 5),
    ("7 — envoi le 1er janvier", 3600, "2025-01-06", "2025-01-01", "non", "2024-12-31", 5),
    ("8 — avant la loi ATR, trois jours pour toutes", 20000, "1989-12-26", "1989-12-21", "oui", "1989-12-22", 3),
    ("11 — envoi du vendredi avant le 1er mai", 12000, "2024-05-02", "2024-04-26", "oui", "2024-04-26", 5),
    ("11 — envoi du samedi", 12000, "2024-05-02", "2024-04-27", "non", "2024-04-26", 5),
    ("14 — 3 500 habitants", 3500, "2024-03-15", "2024-03-11", "non", "2024-03-09", 5),
    ("14 — 3 499 habitants", 3499, "2024-03-15", "2024-03-11", "oui", "2024-03-11", 3),
])
def test_edge_cases_of_the_specification(case, population, seance, envoi, answer, last, required):
    result, doc = convocation(seance, population, envoi)
    assert doc["reponse"] == answer, case
    assert result.exit_code == (0 if answer == "oui" else 1)
    assert doc["dernier_jour_envoi"] == last
    assert doc["jours_francs_requis"] == required
    assert doc["jours_francs"] == (dt.date.fromisoformat(seance) - dt.date.fromisoformat(envoi)).days - 1
    assert doc["regles"] and all(f["article"] and f["version"] for f in doc["regles"])
    assert_agrees(doc["regles"], commune(seance, population, envoi))


def test_text_answer_for_the_clerk_names_the_article_the_version_and_the_delay():
    result = run("convocation", "--seance", "2023-12-19", "--population", "62727", "--envoi", "2023-12-14")
    assert result.exit_code == 1
    out = result.stdout
    assert "Dernier jour d'envoi : mercredi 13/12/2023 (5 jours francs requis)." in out
    assert "HORS DÉLAI — 4 jours francs, 1 jour de retard" in out
    assert "article L2121-12, alinéa 3, version en vigueur depuis le 19/08/2015" in out
    assert "Note explicative de synthèse : OBLIGATOIRE" in out
    assert "sam. 16/12/2023  jour franc 2   (samedi)" in out


def test_without_a_sending_date_the_answer_is_the_last_day_and_the_rule_says_it_too():
    result, doc = convocation("2023-12-19", 62727)
    assert result.exit_code == 0 and doc["reponse"] is None
    assert doc["dernier_jour_envoi"] == "2023-12-13"
    delay = doc["regles"][0]
    assert delay["regle"] == "L2121-12.delai" and delay["valeurs"]["dernier_jour"] == "2023-12-13"
    assert {r["regle"] for r in doc["regles"]} <= {"L2121-12.delai", "L2121-11.envoi_la_veille_au_plus_tard"}
    assert delay["periode"] == "version en vigueur depuis le 19/08/2015"


def test_the_calendar_marks_weekends_and_holidays_and_counts_the_clear_days():
    _, doc = convocation("2024-05-10", 900, "2024-05-06")
    days = {d["date"]: d for d in doc["calendrier"]}
    assert days["2024-05-06"]["roles"] == ["dernier jour d'envoi", "envoi"]
    assert days["2024-05-08"]["ferie"] == "Fête de la Victoire" and days["2024-05-08"]["jour_franc"] == 2
    assert days["2024-05-09"]["ferie"] == "Ascension" and days["2024-05-09"]["jour_franc"] == 3
    assert days["2024-05-10"]["roles"] == ["séance"] and days["2024-05-10"]["jour_franc"] is None
    _, doc = convocation("2025-01-06", 3600, "2024-12-31")
    days = {d["date"]: d for d in doc["calendrier"]}
    assert days["2025-01-01"]["ferie"] == "Jour de l'an"
    assert days["2025-01-05"]["week_end"] and days["2025-01-05"]["jour_franc"] == 5


def test_alsace_moselle_local_holidays_are_marked_but_still_count():
    _, doc = convocation("2024-12-30", 1200, "2024-12-24", "--alsace-moselle")
    days = {d["date"]: d for d in doc["calendrier"]}
    assert days["2024-12-26"]["ferie"] == "Saint-Étienne"
    _, doc = convocation("2024-12-30", 1200, "2024-12-24")
    assert {d["date"]: d for d in doc["calendrier"]}["2024-12-26"]["ferie"] is None


@pytest.mark.parametrize("envoi, answer", [("2024-10-02", "oui"), ("2024-10-03", "non")])
def test_urgency_one_clear_day_at_least_cases_9_and_10(envoi, answer):
    result, doc = convocation("2024-10-04", 1200, envoi, "--urgence")
    assert doc["reponse"] == answer
    assert doc["dernier_jour_envoi"] == "2024-10-02"
    assert [f["regle"] for f in doc["en_seance"]] == ["L2121-11.urgence_prononcee"]
    assert_agrees(doc["regles"], commune("2024-10-04", 1200, envoi, urgence=True))


@pytest.mark.parametrize("envoi, answer", [("2026-03-16", "oui"), ("2026-03-17", "non")])
def test_first_meeting_after_the_renewal_three_clear_days_case_12(envoi, answer):
    result, doc = convocation("2026-03-20", 5000, envoi, "--premiere-reunion")
    assert doc["reponse"] == answer
    assert doc["jours_francs_requis"] == 3 and doc["dernier_jour_envoi"] == "2026-03-16"
    assert doc["regles"][0]["article"] == "L2121-7"
    assert not doc["hors_catalogue"]
    record = commune("2026-03-20", 5000, envoi)
    record["seance"]["premiere_reunion_apres_renouvellement"] = True
    assert_agrees(doc["regles"], record)


def test_first_meeting_of_a_syndicate_keeps_five_clear_days():
    _, doc = tool("convocation", "--seance", "2026-03-20", "--nature", "syndicat", "--membre", "Ville=4000",
                  "--premiere-reunion", "--envoi", "2026-03-16")
    assert doc["reponse"] == "non" and doc["jours_francs_requis"] == 5


def test_icpe_in_a_small_commune_needs_five_days_and_the_note_case_15():
    _, doc = convocation("2023-12-19", 800, "2023-12-15", "--icpe")
    assert doc["reponse"] == "non" and doc["jours_francs_requis"] == 5
    assert doc["note_explicative_synthese"]["requise"] is True


@pytest.mark.parametrize("population, required", [(3500, True), (3499, False)])
def test_the_note_is_required_from_3500_inhabitants_case_14(population, required):
    _, doc = convocation("2024-03-15", population)
    assert doc["note_explicative_synthese"]["requise"] is required
    if required:
        [note] = doc["note_explicative_synthese"]["regles"]
        assert note["regle"] == "L2121-12.note_synthese"
        record = commune("2024-03-15", population, "2024-03-09", note_explicative_synthese=False)
        _, checked = check(record)
        assert checked[("L2121-12.note_synthese", "deliberations[0]")]["statut"] == "non_conforme"


@pytest.mark.parametrize("members, answer, required", [
    (["Grande=4000", "A=900", "B=800", "C=700", "D=600"], "non", 5),
    (["A=3400", "B=1200"], "oui", 3),
])
def test_syndicate_follows_its_largest_member_case_16(members, answer, required):
    args = ["convocation", "--seance", "2024-06-14", "--nature", "syndicat", "--envoi", "2024-06-09"]
    for member in members:
        args += ["--membre", member]
    _, doc = tool(*args)
    assert doc["reponse"] == answer and doc["jours_francs_requis"] == required
    record = {"collectivite": {"nature": "syndicat_de_communes", "membres": [
        {"nom": m.split("=")[0], "population": int(m.split("=")[1])} for m in members]},
        "seance": {"date": "2024-06-14"}, "convocation": {"date_envoi": "2024-06-09"},
        "deliberations": [{"numero": "1"}]}
    assert_agrees(doc["regles"], record)


@pytest.mark.parametrize("flags, answer", [(["--alsace-moselle"], "oui"), ([], "non")])
def test_alsace_moselle_urgency_the_day_before_case_17(flags, answer):
    _, doc = convocation("2024-10-04", 1200, "2024-10-03", "--urgence", *flags)
    assert doc["reponse"] == answer
    record = commune("2024-10-04", 1200, "2024-10-03", urgence=True)
    if flags:
        record["collectivite"]["departement"] = "57"
        assert doc["regles"][0]["article"] == "L2541-2"
    assert_agrees(doc["regles"], record)


def test_alsace_moselle_commune_of_3500_keeps_five_clear_days():
    _, doc = convocation("2024-10-04", 5000, "2024-09-30", "--alsace-moselle")
    assert doc["reponse"] == "non" and doc["jours_francs_requis"] == 5


def test_an_open_syndicate_follows_its_statutes_and_the_tool_says_so():
    result = run("convocation", "--seance", "2024-06-14", "--nature", "smo")
    assert result.exit_code == 0
    assert "aucune règle du catalogue ne fixe le délai" in result.stdout
    assert "syndicat mixte ouvert suit ses statuts" in result.stdout


def test_a_situation_without_its_rule_is_said_plainly(tmp_path):
    # A catalogue without L2121-7: the first meeting answer is the general rule's, and the tool says so.
    rules = tmp_path / "regles" / "cgct"
    rules.mkdir(parents=True)
    for name in ("L2121-11.yaml", "L2121-12.yaml", "L2121-17.yaml"):
        (rules / name).write_text((ROOT / "rules" / "cgct" / name).read_text(encoding="utf-8"), encoding="utf-8")
    result = run("convocation", "--seance", "2026-03-20", "--population", "5000", "--premiere-reunion",
                 "--regles", str(tmp_path / "regles"))
    assert "Première réunion après le renouvellement général : aucune règle du catalogue (L2121-7" in result.stdout
    assert "Dernier jour d'envoi : samedi 14/03/2026 (5 jours francs requis)." in result.stdout


@pytest.mark.parametrize("args, message", [
    (["--seance", "2023-02-30", "--population", "100"], "--seance : date impossible « 2023-02-30 »"),
    (["--seance", "2023-12-19", "--population", "-5"], "--population : -5 n'est pas admis"),
    (["--seance", "2023-12-19", "--population", "beaucoup"], "« beaucoup » n'est pas un nombre entier"),
    (["--seance", "2023-12-19"], "--population est requise pour une commune"),
    (["--population", "100"], "option obligatoire manquante : --seance"),
    (["--seance", "2023-12-19", "--population", "100", "--envoi", "31/04/2023"], "date impossible « 31/04/2023 »"),
    (["--seance", "2023-12-19", "--nature", "syndicat"], "donner les communes membres"),
    (["--seance", "2023-12-19", "--nature", "syndicat", "--membre", "Ville"], "ne suit pas la forme NOM=POPULATION"),
    (["--seance", "2023-12-19", "--nature", "departement"], "--nature : « departement » n'est pas admis"),
    (["--seance", "2023-12-19", "--population", "100", "--urgent"], "option inconnue « --urgent »"),
])
def test_bad_options_are_french_messages_with_exit_code_2(args, message):
    result = run("convocation", *args)
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output and "Error:" not in result.output


def test_french_dates_are_accepted():
    _, doc = tool("convocation", "--seance", "19/12/2023", "--population", "62727", "--envoi", "14/12/2023")
    assert doc["seance"] == "2023-12-19" and doc["envoi"] == "2023-12-14"
