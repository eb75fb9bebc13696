"""Issue 13 §3: the facts courts decide on, and the properties that would have caught each defect.

- a tie the president voted against (or abstained on) is never « adoptée » in conformity, and one
  he voted for is never « rejetée » in conformity, on any date since 1977;
- an insufficient note explicative de synthèse never gives « conforme », and a note whose
  sufficiency is not stated is never shown as sufficient;
- a secret ballot whose secrecy was not guaranteed is never a compliant nomination;
- a proxy naming no holder, or no meeting, weighs in the neutralisation exactly as an unwritten one;
- a grouped vote a councillor asked to split is never compliant;
- a convocation that kept the ordinary delay never needs a vote on urgency, whatever it says.
Families are found by the rules' local names, so that every article's version is covered.
"""
import datetime as dt

from hypothesis import assume, event, given
from hypothesis import strategies as st

from checker.findings import CONFORME, NON_APPLICABLE, NON_CONFORME
from checker.record import build_record

from strategies.dates import DERNIER_JOUR
from strategies.regles import verdict_de_famille

MODES = st.sampled_from([None, "main_levee", "scrutin_public", "scrutin_secret", "vote_electronique"])


def _local(regle: str) -> str:
    return regle.split(".", 1)[-1]


def _verdicts(rules, findings, name):
    """The deciding verdict of each family in force whose base rule is named `name` (its exception if one applied)."""
    bases = {r.id for r in rules if r.exception_de is None and _local(r.id) == name}
    verdicts = [verdict_de_famille(findings, f.regle, f.chemin) for f in findings if f.regle in bases]
    return [v for v in verdicts if v.statut != NON_APPLICABLE]


def _tie(date, mode, president, resultat, voix, abstentions):
    vote = {"pour": voix, "contre": voix, "abstentions": abstentions, "resultat": resultat,
            "vote_du_president": president}
    if mode:
        vote["mode"] = mode
    return {"seance": {"date": date.isoformat()}, "deliberations": [{"numero": "1", "vote": vote}]}


@given(date=st.dates(dt.date(1977, 3, 20), DERNIER_JOUR), mode=MODES,
       president=st.sampled_from(["contre", "abstention", "ne_prend_pas_part"]),
       voix=st.integers(min_value=0, max_value=40), abstentions=st.integers(min_value=0, max_value=10))
def test_a_tie_the_president_did_not_vote_for_is_never_adopted_in_conformity(rules, engine, date, mode, president,
                                                                             voix, abstentions):
    findings = engine.check(build_record(_tie(date, mode, president, "adoptee", voix, abstentions), "essai"))
    verdicts = _verdicts(rules, findings, "majorite_absolue")
    assert verdicts
    for verdict in verdicts:
        assert verdict.statut != CONFORME, (date, mode, president, verdict.regle, verdict.message)
    event(f"{date.year < 1996 and 'code des communes' or 'CGCT'} : {verdicts[0].statut}")


@given(date=st.dates(dt.date(1977, 3, 20), DERNIER_JOUR), mode=st.sampled_from(["main_levee", "scrutin_public"]),
       voix=st.integers(min_value=1, max_value=40))
def test_a_public_tie_the_president_voted_for_is_adopted_and_never_rejected(rules, engine, date, mode, voix):
    adopted = engine.check(build_record(_tie(date, mode, "pour", "adoptee", voix, 0), "essai"))
    rejected = engine.check(build_record(_tie(date, mode, "pour", "rejetee", voix, 0), "essai"))
    adopted, rejected = _verdicts(rules, adopted, "majorite_absolue"), _verdicts(rules, rejected, "majorite_absolue")
    assert adopted and all(v.statut == CONFORME for v in adopted)
    assert rejected and all(v.statut == NON_CONFORME for v in rejected)


@given(date=st.dates(dt.date(1996, 2, 24), DERNIER_JOUR), mode=st.sampled_from(["main_levee", "scrutin_public"]),
       voix=st.integers(min_value=1, max_value=40))
def test_the_old_fact_voix_preponderante_still_decides_an_adopted_tie(rules, engine, date, mode, voix):
    for given_fact, expected in ((True, CONFORME), (False, NON_CONFORME)):
        data = _tie(date, mode, "pour", "adoptee", voix, 0)
        vote = data["deliberations"][0]["vote"]
        del vote["vote_du_president"]
        vote["voix_preponderante"] = given_fact
        verdicts = _verdicts(rules, engine.check(build_record(data, "essai")), "majorite_absolue")
        assert verdicts and all(v.statut == expected for v in verdicts), (given_fact, verdicts)


def _note(date, population, suffisante, icpe, where):
    data = {"collectivite": {"population": population}, "seance": {"date": date.isoformat()},
            "convocation": {"date_envoi": (date - dt.timedelta(days=10)).isoformat(),
                            "note_explicative_synthese": True},
            "deliberations": [{"numero": "1", "icpe": icpe}]}
    if suffisante is not None:
        target = data["convocation"] if where == "convocation" else data["deliberations"][0]
        target["note_explicative_suffisante"] = suffisante
    return data


@given(date=st.dates(dt.date(1884, 4, 6), DERNIER_JOUR), population=st.sampled_from([300, 3499, 3500, 40000]),
       icpe=st.booleans(), where=st.sampled_from(["convocation", "deliberation"]))
def test_an_insufficient_note_never_gives_conforme(rules, engine, date, population, icpe, where):
    findings = engine.check(build_record(_note(date, population, False, icpe, where), "essai"))
    note = [f for f in findings if _local(f.regle).startswith("note_synthese")]
    assert all(f.statut != CONFORME or _local(f.regle) == "note_synthese" for f in note)
    sufficiency = [f for f in note if _local(f.regle) == "note_synthese_suffisante"]
    assert all(f.statut in (NON_CONFORME, NON_APPLICABLE) for f in sufficiency)
    if date >= dt.date(1996, 2, 24) and (population >= 3500 or (icpe and date >= dt.date(2015, 8, 19))):
        assert any(f.statut == NON_CONFORME for f in sufficiency), [(f.regle, f.statut) for f in note]
    event(f"suffisance : {sorted({f.statut for f in sufficiency})}")


@given(date=st.dates(dt.date(1992, 2, 8), DERNIER_JOUR), population=st.sampled_from([3500, 40000]))
def test_a_note_whose_sufficiency_is_not_stated_is_never_shown_sufficient(rules, engine, date, population):
    findings = engine.check(build_record(_note(date, population, None, False, "convocation"), "essai"))
    sufficiency = [f for f in findings if _local(f.regle) == "note_synthese_suffisante"]
    assert sufficiency and all(f.statut != CONFORME for f in sufficiency)
    sent = [f for f in findings if _local(f.regle) == "note_synthese" and f.statut == CONFORME]
    assert all("suffisante" not in f.message or "suffisance" in f.message for f in sent)


@given(date=st.dates(dt.date(1996, 2, 24), DERNIER_JOUR),
       kind=st.sampled_from(["nomination", "designation_delegues", "designation"]))
def test_a_secret_ballot_whose_secrecy_was_not_guaranteed_is_never_a_compliant_nomination(rules, engine, date, kind):
    # Without a unanimous decision to forgo the secret ballot (which would make an open vote lawful).
    deliberation = {"numero": "1", "vote": {"mode": "scrutin_secret", "secret_garanti": False}}
    if kind == "designation":
        deliberation["designation"] = {"organisme": {"nom": "CCAS", "nature": "ccas"}}
    else:
        deliberation[kind] = True
    findings = engine.check(build_record({"seance": {"date": date.isoformat()}, "deliberations": [deliberation]},
                                         "essai"))
    secrecy = [f for f in findings if _local(f.regle) == "secret_du_vote"]
    assert secrecy and all(f.statut == NON_CONFORME for f in secrecy)
    nominations = _verdicts(rules, findings, "scrutin_secret_nominations")
    assert nominations and all(v.statut != CONFORME for v in nominations), [(v.regle, v.message) for v in nominations]


def _proxy_meeting(date, pour, contre, resultat, mode, proxy):
    vote = {"pour": pour, "contre": contre, "resultat": resultat}
    if mode:
        vote["mode"] = mode
    pouvoir = {"mandant": "Anne Martin", "mandataire": "Paul Durand", "seances_consecutives": 1, **proxy}
    return {"seance": {"date": date.isoformat(), "presents": 30, "pouvoirs": [pouvoir]},
            "deliberations": [{"numero": "1", "presents": 30, "representes": 1, "vote": vote}]}


@given(date=st.dates(dt.date(1996, 2, 24), DERNIER_JOUR), pour=st.integers(0, 20), contre=st.integers(0, 20),
       resultat=st.sampled_from(["adoptee", "rejetee"]), mode=MODES,
       defect=st.sampled_from([{"mandataire_designe": False}, {"seance_designee": False},
                               {"mandataire_designe": False, "seance_designee": False}]))
def test_a_proxy_naming_no_holder_or_no_meeting_weighs_as_an_unwritten_one(rules, engine, date, pour, contre,
                                                                           resultat, mode, defect):
    def neutralisation(proxy):
        findings = engine.check(build_record(_proxy_meeting(date, pour, contre, resultat, mode, proxy), "essai"))
        [finding] = [f for f in findings if _local(f.regle) == "neutralisation_des_pouvoirs_irreguliers"]
        return finding.statut

    blank = neutralisation({"ecrit": True, **defect})
    assert blank == neutralisation({"ecrit": False})
    assert blank != CONFORME or neutralisation({"ecrit": True}) == CONFORME
    event(blank)


@given(date=st.dates(dt.date(1996, 2, 24), DERNIER_JOUR), objet_commun=st.sampled_from([None, True, False]))
def test_a_grouped_vote_a_councillor_asked_to_split_is_never_compliant(rules, engine, date, objet_commun):
    vote = {"mode": "main_levee", "pour": 12, "contre": 3, "vote_groupe": True, "vote_separe_demande": True}
    if objet_commun is not None:
        vote["objet_commun"] = objet_commun
    findings = engine.check(build_record({"seance": {"date": date.isoformat()},
                                          "deliberations": [{"numero": "1", "vote": vote}]}, "essai"))
    [finding] = [f for f in findings if _local(f.regle) == "vote_de_chaque_deliberation"]
    assert finding.statut == NON_CONFORME


@given(date=st.dates(dt.date(1977, 3, 20), DERNIER_JOUR), population=st.sampled_from([300, 3499, 3500, 40000]),
       departement=st.sampled_from(["35", "57"]), marge=st.integers(min_value=0, max_value=20),
       premiere=st.booleans(), dit_abrege=st.sampled_from([None, True, False]))
def test_an_ordinary_delay_kept_never_needs_a_vote_on_urgency(rules, engine, date, population, departement, marge,
                                                            premiere, dit_abrege):
    convocation = {"date_envoi": (date - dt.timedelta(days=6 + marge)).isoformat(), "urgence": True,
                   "urgence_prononcee": False}
    if dit_abrege is not None:
        convocation["delai_abrege"] = dit_abrege
    data = {"collectivite": {"population": population, "departement": departement},
            "seance": {"date": date.isoformat(), "premiere_reunion_apres_renouvellement": premiere},
            "convocation": convocation, "deliberations": [{"numero": "1"}]}
    findings = engine.check(build_record(data, "essai"))
    votes = [f for f in findings if _local(f.regle) == "urgence_prononcee"]
    assume(votes)
    assert all(f.statut != NON_CONFORME for f in votes), [(f.regle, f.message) for f in votes]
