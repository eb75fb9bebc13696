"""Issue 13 §3: a body is judged by its own law, never silently by the commune's.

Every rule says which bodies it covers (`organes`; by default the bloc communal: communes, EPCI,
syndicates). A département or a région record meets none of the commune's rules: each is « non
applicable », on every date, whether a version is in force or not; the rule of its own body says
that its law is not encoded, so the act is « indéterminé », never « conforme ». A syndicat mixte
ouvert follows its statutes: without them, « indéterminé » (statuts non fournis).
"""
import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.findings import CONFORME, INDETERMINE, NON_APPLICABLE, NON_CONFORME
from checker.record import build_record
from checker.results import LeanResult

from strategies.dates import DERNIER_JOUR

DEBUTS = {"departement": dt.date(1884, 4, 6), "region": dt.date(1972, 7, 5)}


def _seance_complete(date: dt.date, nature: str) -> dict:
    """A meeting that gives the facts most rules read, breaking several commune obligations
    (delay, quorum, proxies, majority, agenda, a contract signed before transmission)."""
    return {
        "collectivite": {"nom": "Essai", "nature": nature, "population": 5000, "departement": "35",
                         "membres": [{"nom": "A", "population": 4000}]},
        "seance": {"date": date.isoformat(), "membres_en_exercice": 23, "presents": 5, "representes": 3,
                   "pouvoirs": [{"mandant": n, "mandataire": "Paul", "ecrit": True, "seances_consecutives": 4}
                                for n in ("Anne", "Bruno", "Chloé")],
                   "premiere_reunion_apres_renouvellement": True, "lieu_type": "hors_territoire"},
        "convocation": {"date_envoi": date.isoformat(), "convoque_par": "autre", "urgence": True,
                        "ordre_du_jour": ["Budget"], "note_explicative_synthese": False},
        "deliberations": [{"numero": "1", "objet": "Budget", "inscrite_ordre_du_jour": False,
                           "compte_administratif": True, "maire_present_au_vote": True,
                           "vote": {"mode": "main_levee", "pour": 3, "contre": 5, "abstentions": 0,
                                    "resultat": "adoptee"},
                           "transmission": {"date_reception": (date + dt.timedelta(days=20)).isoformat()},
                           "contrat": {"date_signature": (date + dt.timedelta(days=2)).isoformat()}}],
    }


def _statut(engine, record) -> str:
    return LeanResult("essai", record, engine, engine.evaluate(record)).statut


@settings(max_examples=60, deadline=None)
@given(nature=st.sampled_from(sorted(DEBUTS)), data=st.data())
def test_no_rule_of_the_bloc_communal_is_applied_to_a_departement_or_a_region(rules, engine, nature, data):
    date = data.draw(st.dates(DEBUTS[nature], DERNIER_JOUR))
    record = build_record(_seance_complete(date, nature), "essai")
    findings = engine.check(record)
    by_rule = {r.id: r for r in rules}
    communal = [f for f in findings if by_rule[f.regle].organes is None]
    assert communal, "aucune règle du bloc communal n'a été évaluée"
    for finding in communal:
        assert finding.statut == NON_APPLICABLE, (nature, date, finding.regle, finding.statut, finding.message)
        assert "autre organe délibérant" in finding.message, (finding.regle, finding.message)
    own = [f for f in findings if by_rule[f.regle].organes == (nature,)]
    assert own and all(f.statut == INDETERMINE for f in own), [(f.regle, f.statut) for f in own]
    assert any("organe non couvert" in m.chemin for f in own for m in f.manquants)
    assert _statut(engine, record) not in (CONFORME, NON_APPLICABLE)


def test_the_same_meeting_of_a_commune_is_non_compliant(engine):
    # The control: what the département escapes is the commune's law, which this record breaks.
    record = build_record(_seance_complete(dt.date(2023, 3, 13), "commune"), "essai")
    findings = engine.check(record)
    assert _statut(engine, record) == NON_CONFORME
    assert {f.regle for f in findings if f.statut == NON_CONFORME} >= {
        "L2121-17.quorum", "L2121-10.inscrite_ordre_du_jour", "L2122-21.signature_apres_caractere_executoire"}
    assert all(f.statut == NON_APPLICABLE for f in findings if f.regle.startswith(("L3121-", "L4132-")))


def test_the_rules_of_every_body_apply_to_a_departement(engine):
    # A deliberation needs a meeting, whatever the body (`organes: tous`).
    data = _seance_complete(dt.date(2023, 3, 13), "departement")
    data["seance"]["reunion_tenue"] = False
    findings = {f.regle: f for f in engine.check(build_record(data, "essai"))}
    assert findings["L2121-29.seance_tenue"].statut == NON_CONFORME
    assert findings["L2121-29.seance_tenue"].gravite == "inexistence"


def test_a_rule_before_its_first_version_is_not_said_unencoded_for_another_body(engine):
    # In 1950 the majority rule of the communes is « not encoded » (loi de 1884): for a
    # département it is simply not its law.
    record = build_record(_seance_complete(dt.date(1950, 6, 15), "departement"), "essai")
    majorites = [f for f in engine.check(record) if f.regle.endswith(".majorite_absolue")]
    assert majorites and all(f.statut == NON_APPLICABLE for f in majorites)
    assert all("autre organe délibérant" in f.message for f in majorites)


def test_a_syndicat_mixte_ouvert_without_statutes_is_undecided_not_judged_as_a_commune(engine):
    data = _seance_complete(dt.date(2023, 3, 13), "syndicat_mixte_ouvert")
    del data["deliberations"][0]["contrat"]
    record = build_record(data, "essai")
    findings = engine.check(record)
    statutaires = {f.regle: f for f in findings if f.regle.startswith("L5721-2.")}
    assert set(statutaires) == {"L5721-2.convoque_par", "L5721-2.delai", "L5721-2.quorum",
                                "L5721-2.autres_regles_statutaires"}
    for finding in statutaires.values():
        assert finding.statut == INDETERMINE
    for rule_id in ("L5721-2.convoque_par", "L5721-2.delai", "L5721-2.quorum"):
        assert "statuts non fournis" in statutaires[rule_id].message
    for rule_id in ("L2121-11.delai", "L2121-12.delai", "L2121-17.quorum", "L2121-10.convoque_par"):
        assert all(f.statut == NON_APPLICABLE for f in findings if f.regle == rule_id), rule_id
    assert _statut(engine, record) == INDETERMINE


def test_a_syndicat_mixte_ouvert_is_judged_by_its_statutes(engine):
    data = _seance_complete(dt.date(2023, 3, 13), "syndicat_mixte_ouvert")
    data["collectivite"]["statuts"] = {"convocation_par": ["president"],
                                       "delai_convocation": {"jours": 5, "francs": True},
                                       "quorum": {"regle": "majorite_des_membres_en_exercice",
                                                  "representes_comptent": True}}
    data["convocation"]["urgence"] = False
    findings = {f.regle: f for f in engine.check(build_record(data, "essai"))}
    assert findings["L5721-2.convoque_par"].statut == NON_CONFORME
    assert findings["L5721-2.delai"].statut == NON_CONFORME
    assert findings["L5721-2.quorum"].statut == NON_CONFORME
    data["seance"]["presents"] = 10
    data["convocation"].update(convoque_par="president", date_envoi="2023-03-07")
    findings = {f.regle: f for f in engine.check(build_record(data, "essai"))}
    assert findings["L5721-2.convoque_par"].statut == CONFORME
    assert findings["L5721-2.delai"].statut == CONFORME
    assert findings["L5721-2.quorum"].statut == CONFORME, findings["L5721-2.quorum"].message


def test_the_decision_says_a_departement_is_to_be_checked_by_hand(engine):
    from checker.decision import decide

    record = build_record(_seance_complete(dt.date(2023, 3, 13), "departement"), "essai")
    decision = decide(record, engine.check(record))
    assert "contrôle à faire à la main" in decision.motif
    assert any(key == "droit_non_encode" for key, _, _ in decision.non_verifie)
