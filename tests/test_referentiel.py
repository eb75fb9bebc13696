"""Reference data of bodies (issue 12): look-ups, the population at the last renewal, the facts
filled before the rules with their provenance, differences reported, and the reference document
decided from its commune's name alone."""
import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.record import build_record
from checker.referentiel.donnees import charger
from checker.referentiel.population import population_au_renouvellement
from checker.referentiel.recherche import identifier, par_nom
from checker.referentiel.remplissage import annoter, completer
from checker.referentiel.sieges import plancher
from ruleset.values import Interval

DATA = Path(__file__).resolve().parent / "data"
REFERENCE = DATA / "corpus" / "villeneuve-dascq-2023-12-19.txt"
DAY = dt.date(2023, 12, 19)


@pytest.fixture(scope="module")
def data():
    return charger()


def found(data, **collectivite):
    deliberations = collectivite.pop("deliberations", [])
    return identifier(data, collectivite, deliberations, DAY, collectivite.get("nature"))


@pytest.mark.parametrize("nom", ["Villeneuve d'Ascq", "VILLENEUVE-D'ASCQ", "Commune de Villeneuve d’Ascq",
                                 "ville de villeneuve d ascq"])
def test_a_name_is_found_whatever_its_accents_hyphens_case_and_prefix(data, nom):
    assert found(data, nom=nom).trouve.commune.code == "59009"


def test_saint_and_st_articles_and_former_names_lead_to_the_same_commune(data):
    assert found(data, nom="St-Jean-de-Luz").trouve.commune.code == found(data, nom="Saint-Jean-de-Luz").trouve.commune.code
    assert found(data, nom="Mans", departement="72").trouve.commune.code == "72181"
    former = found(data, nom="Annecy-le-Vieux")
    assert former.trouve.commune.code == "74010" and former.trouve.ancien_nom


def test_a_name_several_communes_bear_is_ambiguous_unless_the_departement_tells(data):
    ambiguous = found(data, nom="Saint-Denis")
    assert ambiguous.trouve is None and "ambigu" in ambiguous.motif and len(ambiguous.candidats) > 1
    assert found(data, nom="Saint-Denis", departement="93").trouve.commune.code == "93066"


def test_siren_insee_code_and_actes_identifier_find_the_body(data):
    assert found(data, siren="215900093").trouve.commune.code == "59009"
    assert found(data, code_insee="59009").trouve.commune.siren == "215900093"
    via_actes = found(data, deliberations=[{"transmission": {"identifiant_actes": "059-215900093-20231219-2023_45-DE"}}])
    assert via_actes.trouve.commune.code == "59009" and "ACTES" in via_actes.trouve.comment
    metropole = found(data, deliberations=[{"transmission": {"identifiant_actes": "059-200093201-20231219-1-DE"}}])
    assert metropole.trouve.epci.nature == "metropole"


def test_an_unknown_siren_falls_back_on_the_insee_code_and_a_syndicate_is_said_absent(data):
    assert found(data, siren="215900097", code_insee="59009").trouve.commune.code == "59009"
    syndicate = found(data, nom="Syndicat intercommunal des eaux", nature="syndicat_de_communes")
    assert syndicate.trouve is None and "syndicats" in syndicate.motif


def test_the_population_of_2026_is_exact_that_of_2020_a_range_and_that_of_2014_unknown(data):
    commune = data.commune("59009")
    after_2026 = population_au_renouvellement(data, commune, dt.date(2026, 6, 1))
    assert after_2026.bas == after_2026.haut == 62868 and "COG 2026" in after_2026.provenance
    mandate_2020 = population_au_renouvellement(data, commune, DAY)
    # 62 358 in force in 2019, 61 957 in 2022, widened: INSEE's 62 727 of 2021 must lie inside.
    assert mandate_2020.bas < 61957 and mandate_2020.haut > 62727
    assert population_au_renouvellement(data, commune, dt.date(2017, 5, 1)).motif
    between_rounds = population_au_renouvellement(data, commune, dt.date(2020, 5, 1))
    assert not between_rounds.connue and "installation" in between_rounds.motif
    both = population_au_renouvellement(data, commune, dt.date(2026, 3, 20))
    assert both.bas == mandate_2020.bas and both.haut == mandate_2020.haut


def test_a_commune_whose_perimeter_changed_since_the_renewal_gets_no_population(data):
    now = data.version_a(DAY)
    lines = [line for line in data.text.decode().split("\n") if line.startswith("C\t") and line.split("\t")[8]]
    communes = [data.commune(line.split("\t")[1]) for line in lines]
    merged = [c for c in communes if c.presente[0] and c.presente[now] and c.perimetre(0) != c.perimetre(now)]
    assert merged
    for commune in merged[:20]:
        population = population_au_renouvellement(data, commune, DAY)
        assert not population.connue and "périmètre" in population.motif


def test_members_in_office_bounds_follow_the_electoral_code():
    assert plancher(49, DAY) == 33                 # vacancies below a third (L258 al. 1, L270)
    assert plancher(49, dt.date(2025, 6, 1)) == 25  # the year before the renewal: up to half (L258 al. 2)


def record(data_dict):
    return build_record(data_dict, "dossier.yaml")


def test_filled_facts_carry_their_provenance_and_the_record_wins(engine):
    r = record({"collectivite": {"nom": "Villeneuve d'Ascq", "population": 3000},
                "seance": {"date": "2023-12-19"}, "deliberations": [{"numero": "1"}]})
    report = completer(r, engine.by_id)
    collectivite = r.root["collectivite"]
    assert collectivite["population"] == 3000
    assert collectivite["code_insee"] == "59009"
    assert collectivite.sources["code_insee"][0].startswith("référentiel : COG 2023")
    [ecart] = [e for e in report.ecarts if e.chemin == "collectivite.population"]
    assert ecart.dossier == 3000 and type(ecart.referentiel) is Interval
    findings = annoter(engine.check(r), report)
    delay = [f for f in findings if f.regle == "L2121-11.delai"]
    assert delay and "écart sur collectivite.population" in delay[0].message


def test_an_ambiguous_name_fills_nothing(engine):
    r = record({"collectivite": {"nom": "Saint-Denis"}, "seance": {"date": "2023-12-19"}})
    report = completer(r, engine.by_id)
    assert report.remplis == [] and "ambigu" in report.motif
    assert "population" not in r.root["collectivite"]


def test_a_threshold_straddled_by_the_range_is_not_decided(engine):
    # Châteauneuf-Grasse: 3 364 in force in 2019, 3 664 in 2022: the 2020 figure may be either side.
    r = record({"collectivite": {"code_insee": "06038"}, "seance": {"date": "2023-12-19"},
                "convocation": {"date_envoi": "2023-12-15"}, "deliberations": [{"numero": "1"}]})
    completer(r, engine.by_id)
    assert type(r.root["collectivite"]["population"]) is Interval
    statuses = {f.regle: f.statut for f in engine.check(r)}
    # Three clear days: enough under 3 500 habitants, not from 3 500 on. Whether the five days of
    # L2121-12 apply is unknown, so its failure is not a finding; the three days of L2121-11 are
    # met whichever applies.
    assert statuses["L2121-12.delai"] == "indetermine"
    assert statuses["L2121-11.delai"] == "conforme"


def test_an_epci_gets_its_member_communes_with_their_populations(engine):
    r = record({"collectivite": {"siren": "200093201"}, "seance": {"date": "2023-12-19"},
                "convocation": {"date_envoi": "2023-12-15"}, "deliberations": [{"numero": "1"}]})
    completer(r, engine.by_id)
    collectivite = r.root["collectivite"]
    assert collectivite["nature"] == "metropole"
    members = collectivite["membres"]
    assert len(members) > 90 and any(m["nom"] == "Villeneuve-d'Ascq" for m in members)
    statuses = {f.regle: f.statut for f in engine.check(r)}
    # Lille is far above 3 500: the five-day delay of L2121-12 applies (L5211-1), three days missed.
    assert statuses["L2121-12.delai"] == "non_conforme"


def test_a_partial_roll_never_counts_nobody_present(engine):
    r = record({"collectivite": {"population": 62000},
                "seance": {"date": "2023-12-19", "membres_en_exercice": 49,
                           "membres": [{"nom": "A", "presence": "absent"}, {"nom": "B", "presence": "represente"}]},
                "deliberations": [{"numero": "1"}]})
    assert "presents" not in r.root["seance"]
    assert [f.statut for f in engine.check(r) if f.regle == "L2121-17.quorum"] == ["indetermine"]


def test_presence_by_difference_gives_the_number_present_as_bounds(engine):
    r = record({"collectivite": {"nom": "Villeneuve d'Ascq"},
                "seance": {"date": "2023-12-19", "presence_par_difference": True, "representes": 6,
                           "absents": ["André LAURENT", "Dominique GUERIN"]},
                "deliberations": [{"numero": "1"}]})
    completer(r, engine.by_id)
    office, presents = r.root["seance"]["membres_en_exercice"], r.root["seance"]["presents"]
    assert (presents.lo, presents.hi) == (office.lo - 8, office.hi - 8)
    [quorum] = [f for f in engine.check(r) if f.regle == "L2121-17.quorum"]
    # Over the bounds alone the quorum is decided only when the fewest present reach the
    # majority of the most in office; each bound taken apart cannot tell that present = in
    # office − 8 (see test_the_reference_document_…).
    assert quorum.statut == ("conforme" if presents.lo >= office.hi // 2 + 1 else "indetermine")
    given = record({"collectivite": {"nom": "Villeneuve d'Ascq"},
                    "seance": {"date": "2023-12-19", "presence_par_difference": True, "representes": 6,
                               "absents": ["André LAURENT", "Dominique GUERIN"], "membres_en_exercice": 49},
                    "deliberations": [{"numero": "1"}]})
    completer(given, engine.by_id)
    assert given.root["seance"]["presents"] == 41
    assert [f.statut for f in engine.check(given) if f.regle == "L2121-17.quorum"] == ["conforme"]


def invoke(*args):
    return CliRunner().invoke(main, list(args))


def test_every_report_format_shows_the_provenance_and_the_switch_turns_it_off(tmp_path):
    path = tmp_path / "dossier.yaml"
    path.write_text("collectivite: {nom: Villeneuve d'Ascq}\nseance: {date: '2023-12-19', membres_en_exercice: 45, "
                    "presents: 30}\ndeliberations: [{numero: '1'}]\n", encoding="utf-8")
    for fmt in ("texte", "json", "jsonl", "html", "sarif", "junit"):
        result = invoke("check", str(path), "--format", fmt, "--tout")
        assert "référentiel" in result.output and "COG 2023" in result.output, fmt
    document = json.loads(invoke("check", str(path), "--format", "json").stdout)
    [acte] = document["resultats"]
    assert acte["referentiel"]["collectivite"].startswith("Villeneuve-d'Ascq")
    assert any(r["chemin"] == "collectivite.population" for r in acte["referentiel"]["remplis"])
    off = json.loads(invoke("check", str(path), "--format", "json", "--sans-referentiel").stdout)
    assert "referentiel" not in off["resultats"][0]
    assert "référentiel" not in json.dumps(off, ensure_ascii=False)


def test_the_reference_document_is_known_from_its_communes_name_alone():
    """« Villeneuve d'Ascq » and nothing else: the commune (Nord), its population band, its seats and so
    the five-day convocation rule of L2121-12 and the quorum (« tous les membres en exercice étaient
    présents ou représentés à l'exception de … »: present = in office − represented − absent, in
    bounds), without anyone typing a number."""
    document = json.loads(invoke("check", str(REFERENCE), "--format", "json", "--tout").stdout)
    [acte] = document["resultats"]
    referentiel = acte["referentiel"]
    filled = {r["chemin"]: r for r in referentiel["remplis"]}
    assert filled["collectivite.code_insee"]["valeur"] == "59009"
    assert filled["collectivite.departement"]["valeur"] == "59"
    population = filled["collectivite.population"]["valeur"]
    # The figure of 1 January 2020 is in no version: bounded by those around it (DONNEES.md),
    # which hold every figure INSEE gave for 2019 to 2023, and cross the 60 000 bracket of L2121-2.
    for figure in (62358, 62727, 61957, 61258):
        assert population["min"] <= figure <= population["max"]
    assert 3500 < population["min"] < 60000 <= population["max"] < 80000
    assert filled["collectivite.effectif_legal"]["valeur"] == {"min": 45, "max": 49}
    assert filled["seance.membres_en_exercice"]["valeur"] == {"min": 31, "max": 49}
    # The lean report lists the undecided findings in full, the others by rule.
    undecided = {c["regle"]: c for c in acte["constats"]}
    conformes = {r for rules in acte["conformes"].values() for r in rules}
    absent = {r for rules in acte["non_applicables"].values() for r in rules}
    assert "L2121-11.delai" in absent and "L2121-11.delai" not in undecided
    # The evidence of an undecided finding is its values and facts read, with their source (its
    # message, with the reference data's note, is in --preuves completes).
    delay = undecided["L2121-12.delai"]
    assert delay["valeurs"]["requis"] == 5
    read = {acte["faits"][i]["chemin"]: acte["faits"][i] for i in delay["faits_lus"]}
    assert read["collectivite.population"]["source"].startswith("référentiel : ")
    # 23 present at the fewest against a quorum of 25 at the most in office: undecided over the
    # bounds, and the finding shows both.
    quorum = undecided["L2121-17.quorum"]
    read = {acte["faits"][i]["chemin"]: acte["faits"][i] for i in quorum["faits_lus"]}
    assert read["deliberations[0].presents"]["valeur"] == {"min": 23, "max": 41}
    assert quorum["valeurs"]["en_exercice"] == {"min": 31, "max": 49}
    assert "L2121-2.effectif" in undecided and "L2121-2.effectif" not in conformes


def test_a_code_kept_by_a_commune_nouvelle_is_the_former_commune_before_its_creation():
    # Saint-Denis (93066) absorbed Pierrefitte-sur-Seine on 1 January 2025, under a new SIREN.
    before = json.loads(invoke("collectivite", "St-Denis", "--departement", "93", "--date", "2023-12-19",
                               "--format", "json").stdout)
    filled = {r["chemin"]: r["valeur"] for r in before["remplis"]}
    assert filled["collectivite.siren"] == "219300662" and "collectivite.commune_nouvelle" not in filled
    assert filled["collectivite.effectif_legal"] == 55
    after = invoke("collectivite", "Saint-Denis", "--departement", "93", "--date", "2026-12-19", "--format", "json")
    filled = {r["chemin"]: r["valeur"] for r in json.loads(after.stdout)["remplis"]}
    assert filled["collectivite.siren"] == "929939411" and filled["collectivite.commune_nouvelle"] is True
    assert "collectivite.effectif_legal" not in filled   # L2113-8 until its second renewal


def test_the_collectivite_command_exits_1_on_an_ambiguous_name_and_lists_an_epcis_members():
    ambiguous = invoke("collectivite", "Saint-Denis")
    assert ambiguous.exit_code == 1 and "ambigu" in ambiguous.stdout
    epci = json.loads(invoke("collectivite", "200093201", "--date", "2026-05-01", "--format", "json").stdout)
    assert epci["trouvee"] and any(m["nom"] == "Lille" and m["population"] > 200000 for m in epci["membres"])
    assert invoke("collectivite", "59009", "--date", "31/12/2023").exit_code == 2


def test_the_web_lookup_answers_what_the_command_prints():
    pytest.importorskip("starlette")
    pytest.importorskip("httpx")
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from starlette.testclient import TestClient
    from checker.web.app import create_app
    from checker.web.config import Settings
    with TestClient(create_app(Settings())) as web:
        answer = web.get("/api/v1/referentiel", params={"q": "Villeneuve d'Ascq"})
    assert answer.status_code == 200
    command = json.loads(invoke("collectivite", "Villeneuve d'Ascq", "--format", "json").stdout)
    web = answer.json()
    for key in ("collectivite", "trouvee_par", "remplis", "ecarts", "trouvee"):
        assert web[key] == command[key], key
