"""Property 2 (issue 4): monotonicity of the convocation delay, the quorum and the proxy rules.

Sending the convocation earlier, adding a present member, removing a proxy: each makes the
meeting more regular, never less, so a finding that held must still hold.
"""
import copy
import datetime as dt

import pytest
from hypothesis import assume, event, given, note
from hypothesis import strategies as st

from checker.findings import CONFORME, NON_CONFORME
from checker.record import build_record

from strategies import dossiers
from strategies.faits import est_enveloppe
from strategies.regles import (DELAIS_DE_CONVOCATION, POUVOIRS_PAR_MANDATAIRE, QUORUM, constats, famille,
                               par_id, verdict_de_famille)


def _unwrap(value):
    return value.get("valeur") if est_enveloppe(value) else value


def _shift(value, days: int):
    """A date fact moved `days` earlier, in whatever form it was written."""
    if est_enveloppe(value):
        if "valeur" not in value:
            return value
        return {**value, "valeur": _shift(value["valeur"], days)}
    return (dt.date.fromisoformat(value) - dt.timedelta(days=days)).isoformat()


@pytest.fixture(scope="module")
def delay_family(rules):
    by_id = par_id(rules)
    missing = [rule_id for rule_id in DELAIS_DE_CONVOCATION if rule_id not in by_id]
    if missing:
        pytest.skip(f"règle(s) de délai de convocation absente(s) : {', '.join(missing)}")
    return {r.id for base in DELAIS_DE_CONVOCATION for r in famille(rules, base)}


@given(data=dossiers(convocation_datee=True), earlier=st.integers(1, 60))
def test_sending_the_convocation_earlier_keeps_a_compliant_delay_finding_compliant(
        engine, delay_family, data, earlier):
    moved = copy.deepcopy(data)
    convocation = moved["convocation"]
    if "date_envoi" in convocation:
        convocation["date_envoi"] = _shift(convocation["date_envoi"], earlier)
    for envoi in convocation.get("envois", ()):
        for key in ("date_envoi", "date_reception"):
            if key in envoi:
                envoi[key] = _shift(envoi[key], earlier)
    before = constats(engine.check(build_record(data, "avant"), only=delay_family))
    after = constats(engine.check(build_record(moved, "apres"), only=delay_family))
    for key, finding in before.items():
        event(f"délai avant : {finding.statut}")
        if finding.statut == CONFORME:
            assert after[key].statut == CONFORME, (
                f"{key} : conforme avec l'envoi du {finding.valeurs.get('envoi')}, "
                f"{after[key].statut} avec un envoi {earlier} jour(s) plus tôt : {after[key].message}")


@pytest.fixture(scope="module")
def quorum_family(rules):
    if QUORUM not in par_id(rules):
        pytest.skip(f"règle {QUORUM} absente")
    return {r.id for r in famille(rules, QUORUM)}


def _present_from_the_opening(data) -> dict | None:
    """The record with one member who was away (and not represented) present from the opening."""
    out = copy.deepcopy(data)
    seance = out["seance"]
    deliberations = out["deliberations"]
    arriving = {nom for d in deliberations for nom in d.get("arrivees", ())}
    if "membres" in seance:
        away = [m for m in seance["membres"] if m.get("presence") in ("absent", "absent_excuse")
                and m["nom"] not in arriving]
        if not away:
            return None
        away[0]["presence"] = "present"
        away[0].pop("arrivee_avant", None)
    else:
        presents = _unwrap(seance.get("presents"))
        en_exercice = _unwrap(seance.get("membres_en_exercice"))
        representes = _unwrap(seance.get("representes", len(seance.get("pouvoirs", ()))))
        if not all(isinstance(x, int) for x in (presents, en_exercice, representes)):
            return None
        if presents + representes + len(arriving) >= en_exercice:
            return None
    if "presents" in seance:
        if isinstance(seance["presents"], int):
            seance["presents"] += 1
        elif est_enveloppe(seance["presents"]) and isinstance(seance["presents"].get("valeur"), int):
            seance["presents"] = {**seance["presents"], "valeur": seance["presents"]["valeur"] + 1}
        else:
            return None
    for deliberation in deliberations:
        if isinstance(deliberation.get("presents"), int):
            deliberation["presents"] += 1
    return out


def _departure_cancelled(data) -> dict | None:
    """The record where a member who left during the meeting stayed to the end."""
    leaving = [nom for d in data["deliberations"] for nom in d.get("departs", ())]
    if not leaving:
        return None
    out = copy.deepcopy(data)
    nom = leaving[0]
    for deliberation in out["deliberations"]:
        if nom in deliberation.get("departs", ()):
            deliberation["departs"].remove(nom)
            if not deliberation["departs"]:
                del deliberation["departs"]
            if isinstance(deliberation.get("presents"), int):
                deliberation["presents"] += 1
    for membre in out["seance"].get("membres", ()):
        if membre["nom"] == nom:
            membre.pop("depart_avant", None)
    return out


@given(data=dossiers(quorum_probable=True), how=st.sampled_from(("ouverture", "depart_annule")))
def test_adding_a_present_member_never_breaks_a_quorum_that_held(engine, quorum_family, data, how):
    more = _present_from_the_opening(data) if how == "ouverture" else _departure_cancelled(data)
    assume(more is not None)
    before = engine.check(build_record(data, "avant"), only=quorum_family)
    after = engine.check(build_record(more, "apres"), only=quorum_family)
    for index in range(len(data["deliberations"])):
        chemin = f"deliberations[{index}]"
        held = verdict_de_famille(before, QUORUM, chemin)
        now = verdict_de_famille(after, QUORUM, chemin)
        event(f"quorum avant : {held.statut}")
        note(f"avant : {held.regle} {held.message}")
        if held.statut == CONFORME:
            assert now.statut == CONFORME, f"{chemin} : {now.regle} {now.statut} avec un présent de plus : {now.message}"
        # Nor does the number of members present that the quorum is computed on go down.
        counted = held.valeurs.get("presents"), now.valeurs.get("presents")
        if all(isinstance(n, int) and not isinstance(n, bool) for n in counted):
            assert counted[1] >= counted[0], f"{chemin} : {counted[0]} présents avant, {counted[1]} avec un présent de plus"


@pytest.fixture(scope="module")
def proxy_rules(rules):
    if POUVOIRS_PAR_MANDATAIRE not in par_id(rules):
        pytest.skip(f"règle {POUVOIRS_PAR_MANDATAIRE} absente : la propriété sur les pouvoirs attend qu'elle existe")
    return {r.id for r in famille(rules, POUVOIRS_PAR_MANDATAIRE)} | {
        r.id for r in rules if r.id.startswith("L2121-20.pouvoir")}


def _remove_proxy(data, index: int) -> dict:
    out = copy.deepcopy(data)
    seance = out["seance"]
    removed = seance["pouvoirs"].pop(index)
    if isinstance(seance.get("representes"), int):
        seance["representes"] -= 1
    elif est_enveloppe(seance.get("representes")) and isinstance(seance["representes"].get("valeur"), int):
        seance["representes"] = {**seance["representes"], "valeur": seance["representes"]["valeur"] - 1}
    still_represented = any(p["mandant"] == removed["mandant"] for p in seance["pouvoirs"])
    for membre in seance.get("membres", ()):
        if membre["nom"] == removed["mandant"] and membre.get("presence") == "represente" and not still_represented:
            membre["presence"] = "absent_excuse"
    return out


@given(data=st.one_of(dossiers(), dossiers(defauts_de_pouvoir=("deux_par_mandataire",))))
def test_removing_a_proxy_never_makes_the_proxy_rule_fail(engine, proxy_rules, data):
    pouvoirs = data["seance"].get("pouvoirs") or []
    assume(pouvoirs)
    before = constats(engine.check(build_record(data, "avant"), only=proxy_rules))
    for index in range(min(len(pouvoirs), 6)):   # each proxy in turn
        fewer = _remove_proxy(data, index)
        after = constats(engine.check(build_record(fewer, "apres"), only=proxy_rules))
        for key, finding in after.items():
            event(f"pouvoirs avant → après : {before[key].statut} → {finding.statut}")
            if finding.statut == NON_CONFORME:
                assert before[key].statut == NON_CONFORME, (
                    f"{key} : {before[key].statut} avant, non conforme sans le pouvoir de "
                    f"{pouvoirs[index]['mandant']} : {finding.message}")
