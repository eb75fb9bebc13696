"""Issue 13 §1: a date the catalogue does not cover is never « conforme ».

For every date since the loi du 5 avril 1884, a municipal meeting that breaks a core obligation
(convocation delay, quorum, agenda, proxies, majority) is never found compliant on that
obligation: a rule family in force says « non conforme » or « indéterminé », and before the first
encoded version the verdict is « droit applicable à cette date non encodé », never « non
applicable ». The families are found by their rule ids, so that rules added later (code des
communes, loi de 1884) are covered without listing them.
"""
import datetime as dt
import re

from hypothesis import event, given
from hypothesis import strategies as st

from checker.findings import CONFORME, INDETERMINE, NON_APPLICABLE, NON_CONFORME
from checker.record import build_record
from ruleset.functions.incertitude import NON_ENCODE as NOT_ENCODED

from strategies.dates import DERNIER_JOUR
from strategies.regles import verdict_de_famille

DEBUT = dt.date(1884, 4, 6)

OBLIGATIONS = {
    "delai": re.compile(r"\.(delai|envoi_la_veille_au_plus_tard)$"),
    "quorum": re.compile(r"\.quorum$"),
    "ordre_du_jour": re.compile(r"\.inscrite_ordre_du_jour$"),
    "pouvoirs": re.compile(r"\.pouvoirs_par_mandataire$"),
    "majorite": re.compile(r"\.majorite_absolue$"),
}


def _regular(date: dt.date, population, departement: str) -> dict:
    collectivite = {"nom": "Commune d'Essai", "departement": departement}
    if population is not None:
        collectivite["population"] = population
    return {
        "collectivite": collectivite,
        "seance": {"date": date.isoformat(), "membres_en_exercice": 23, "presents": 20,
                   "pouvoirs": [{"mandant": "Anne", "mandataire": "Paul", "ecrit": True, "seances_consecutives": 1}]},
        "convocation": {"date_envoi": (date - dt.timedelta(days=10)).isoformat(), "ordre_du_jour": ["Budget"],
                        "note_explicative_synthese": True},
        "deliberations": [{"numero": "1", "objet": "Budget", "inscrite_ordre_du_jour": True,
                           "vote": {"mode": "main_levee", "pour": 15, "contre": 3, "abstentions": 2,
                                    "resultat": "adoptee"}}],
    }


def _break(data: dict, kind: str, date: dt.date) -> dict:
    if kind == "delai":
        data["convocation"]["date_envoi"] = date.isoformat()
    elif kind == "quorum":
        data["seance"]["presents"] = 5
    elif kind == "ordre_du_jour":
        data["deliberations"][0]["inscrite_ordre_du_jour"] = False
    elif kind == "pouvoirs":
        data["seance"]["pouvoirs"] = [
            {"mandant": name, "mandataire": "Paul", "ecrit": True, "seances_consecutives": 1}
            for name in ("Anne", "Bruno", "Chloé")]
    elif kind == "majorite":
        data["deliberations"][0]["vote"].update(pour=3, contre=15)
    return data


@given(date=st.dates(DEBUT, DERNIER_JOUR), kind=st.sampled_from(sorted(OBLIGATIONS)),
       population=st.sampled_from([None, 300, 3499, 3500, 12000]),
       departement=st.sampled_from(["35", "57", "67", "78"]))
def test_a_broken_core_obligation_is_never_compliant_on_any_date(rules, engine, date, kind, population, departement):
    data = _break(_regular(date, population, departement), kind, date)
    findings = engine.check(build_record(data, "essai"))
    pattern = OBLIGATIONS[kind]
    bases = {r.id for r in rules if r.exception_de is None and pattern.search(r.id)}
    verdicts = [verdict_de_famille(findings, f.regle, f.chemin) for f in findings if f.regle in bases]
    assert verdicts, f"aucune règle ne contrôle « {kind} »"
    for verdict in verdicts:
        assert verdict.statut != CONFORME, (kind, date, verdict.regle, verdict.message)
    spoken = [v for v in verdicts if v.statut in (NON_CONFORME, INDETERMINE)]
    event(f"{kind} : {'non conforme' if any(v.statut == NON_CONFORME for v in spoken) else 'indéterminé'}")
    assert spoken, (kind, date, [(v.regle, v.statut, v.message) for v in verdicts])


def test_before_the_first_version_the_law_is_said_not_encoded(engine):
    # The majority rule of the loi de 1884 (« majorité absolue des votants ») is not encoded.
    data = _break(_regular(dt.date(1950, 6, 15), 800, "35"), "majorite", dt.date(1950, 6, 15))
    findings = [f for f in engine.check(build_record(data, "essai")) if f.regle.endswith(".majorite_absolue")]
    assert findings and all(f.statut != CONFORME for f in findings)
    assert any(f.statut == INDETERMINE and any("non encodé" in m.chemin for m in f.manquants) for f in findings)


def test_the_law_of_1884_decides_a_quorum_of_1950(engine):
    data = _break(_regular(dt.date(1950, 6, 15), 800, "35"), "quorum", dt.date(1950, 6, 15))
    findings = {f.regle: f for f in engine.check(build_record(data, "essai"))}
    assert findings["loi-1884-art-50.quorum"].statut == NON_CONFORME
    assert findings["L2121-17.quorum"].statut == NON_APPLICABLE
    assert "loi-1884-art-50.quorum" in findings["L121-11.quorum"].message


def test_no_obligation_before_the_law_that_created_it(engine):
    # The note explicative de synthèse dates from the loi ATR (8 February 1992): none is due in 1990.
    data = _regular(dt.date(1990, 6, 15), 12000, "35")
    data["convocation"]["note_explicative_synthese"] = False
    findings = [f for f in engine.check(build_record(data, "essai")) if f.regle.endswith(".note_synthese")]
    assert findings and all(f.statut == NON_APPLICABLE for f in findings)


# Issue 13 §3: the facts courts decide on (a meeting never held, a contract signed too early) and
# the bodies (syndicate, EPCI, syndicat mixte ouvert, département, région) are held to the same
# property: a record that breaks the obligation is never « conforme », on any date.

ACTE = {
    "seance_tenue": re.compile(r"\.seance_tenue$"),
    "contrat": re.compile(r"\.signature_apres_caractere_executoire$"),
}


def _break_act(data: dict, kind: str, date: dt.date) -> dict:
    if kind == "seance_tenue":
        data["seance"]["reunion_tenue"] = False
    elif kind == "contrat":
        deliberation = data["deliberations"][0]
        deliberation["transmission"] = {"date_reception": (date + dt.timedelta(days=30)).isoformat()}
        deliberation["publicite"] = {"date_affichage": (date + dt.timedelta(days=30)).isoformat(),
                                     "date_mise_en_ligne": (date + dt.timedelta(days=30)).isoformat()}
        deliberation["contrat"] = {"date_signature": (date + dt.timedelta(days=3)).isoformat()}
    return data


@given(date=st.dates(DEBUT, DERNIER_JOUR), kind=st.sampled_from(sorted(ACTE)),
       population=st.sampled_from([None, 300, 3500, 12000]))
def test_a_meeting_never_held_or_a_contract_signed_too_early_is_never_compliant(rules, engine, date, kind,
                                                                                 population):
    data = _break_act(_regular(date, population, "35"), kind, date)
    findings = engine.check(build_record(data, "essai"))
    pattern = ACTE[kind]
    verdicts = [f for f in findings if pattern.search(f.regle)]
    assert verdicts, f"aucune règle ne contrôle « {kind} »"
    for verdict in verdicts:
        assert verdict.statut in (NON_CONFORME, INDETERMINE), (kind, date, verdict.regle, verdict.message)
    if kind == "seance_tenue":
        assert all(v.statut == NON_CONFORME and v.gravite == "inexistence" for v in verdicts)
    event(f"{kind} : {verdicts[0].statut}")


# Since when each body deliberates: syndicates of communes (loi du 22 mars 1890), syndicats mixtes
# (décret n° 55-606 du 20 mai 1955), régions (loi n° 72-619 du 5 juillet 1972); communautés and
# départements are drawn from 1884 too — a record cannot be « conforme » for lack of a law.
ORGANES = {
    "syndicat_de_communes": dt.date(1890, 3, 22),
    "communaute_de_communes": DEBUT,
    "syndicat_mixte_ouvert": dt.date(1955, 5, 20),
    "departement": DEBUT,
    "region": dt.date(1972, 7, 5),
}
STATUTS = {"convocation_par": ["president"], "delai_convocation": {"jours": 5, "francs": True},
           "quorum": {"regle": "majorite_des_membres_en_exercice", "representes_comptent": False}}


def _for_body(data: dict, nature: str, statuts: bool) -> dict:
    collectivite = data["collectivite"]
    collectivite["nature"] = nature
    collectivite.pop("population", None)
    collectivite["membres"] = [{"nom": "A", "population": 4000}, {"nom": "B", "population": 900}]
    if nature == "syndicat_mixte_ouvert" and statuts:
        collectivite["statuts"] = STATUTS
    data["convocation"]["convoque_par"] = "president"
    return data


@given(nature=st.sampled_from(sorted(ORGANES)), kind=st.sampled_from(sorted(OBLIGATIONS) + sorted(ACTE)),
       statuts=st.booleans(), data=st.data())
def test_a_broken_obligation_is_never_compliant_for_any_body(rules, engine, nature, kind, statuts, data):
    from checker.results import LeanResult

    date = data.draw(st.dates(ORGANES[nature], DERNIER_JOUR))
    record = _regular(date, None, "35")
    record = _break_act(record, kind, date) if kind in ACTE else _break(record, kind, date)
    built = build_record(_for_body(record, nature, statuts), "essai")
    findings = engine.check(built)
    statut = LeanResult("essai", built, engine, engine.evaluate(built)).statut
    event(f"{nature} : {statut}")
    assert statut in (NON_CONFORME, INDETERMINE), (nature, kind, date, statut)
    pattern = {**OBLIGATIONS, **ACTE}[kind]
    bases = {r.id for r in rules if r.exception_de is None and pattern.search(r.id)}
    verdicts = [verdict_de_famille(findings, f.regle, f.chemin) for f in findings if f.regle in bases]
    for verdict in verdicts:
        assert verdict.statut != CONFORME, (nature, kind, date, verdict.regle, verdict.message)
    spoken = [v for v in verdicts if v.statut in (NON_CONFORME, INDETERMINE)]
    # Where no rule of the obligation speaks for this body, the rule of the body says why: its law
    # (département, région) or its statutes (syndicat mixte ouvert) are not encoded.
    body_rules = {r.id for r in rules if r.organes == (nature,)}
    not_encoded = [f for f in findings if f.regle in body_rules and f.statut == INDETERMINE
                   and any(NOT_ENCODED in m.chemin for m in f.manquants)]
    assert spoken or not_encoded, (nature, kind, date, [(v.regle, v.statut) for v in verdicts])
    if nature == "syndicat_mixte_ouvert" and kind in ("delai", "quorum"):
        # Its statutes' delay and quorum are rules of their own (L5721-2), known or not.
        assert any(v.regle.startswith("L5721-2.") for v in spoken), (kind, date, statuts)
    if nature in ("departement", "region"):
        communal = {r.id for r in rules if r.organes is None}
        assert not_encoded and all(v.statut == NON_APPLICABLE for v in verdicts if v.regle in communal)


@given(date=st.dates(DEBUT, DERNIER_JOUR), population=st.sampled_from([3500, 12000, 52000]),
       clear_days=st.sampled_from([2, 3, 4]))
def test_a_first_meeting_is_held_to_three_jours_francs_on_every_date(rules, engine, date, population, clear_days):
    # cgct.md §1.3: the first meeting after a general renewal takes place from the Friday to the
    # Sunday after the election; three jours francs, not five (L2121-7 since 2011; before, CE 28 déc.
    # 2001, under the code des communes since the loi ATR too). Before 1992 every commune had three.
    data = _regular(date, population, "35")
    data["seance"]["premiere_reunion_apres_renouvellement"] = True
    data["convocation"]["date_envoi"] = (date - dt.timedelta(days=clear_days + 1)).isoformat()
    findings = engine.check(build_record(data, "essai"))
    # The delay families themselves (not the floor « la veille au plus tard », met here).
    bases = {r.id for r in rules if r.exception_de is None and r.id.endswith(".delai")}
    verdicts = [verdict_de_famille(findings, f.regle, f.chemin) for f in findings if f.regle in bases]
    spoken = [v for v in verdicts if v.statut in (CONFORME, NON_CONFORME)]
    event(f"{clear_days} jours francs : {sorted({v.statut for v in spoken})}")
    if clear_days < 3:
        assert all(v.statut != CONFORME for v in verdicts), [(v.regle, v.message) for v in verdicts]
        assert any(v.statut == NON_CONFORME for v in verdicts), (date, [(v.regle, v.statut) for v in verdicts])
    else:
        assert all(v.statut != NON_CONFORME for v in verdicts), (date, [(v.regle, v.message) for v in verdicts])
