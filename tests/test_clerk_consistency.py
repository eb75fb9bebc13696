"""The clerk's tools and `delibcheck check` never disagree: on random meetings, the tool's answer is
the checker's verdict on the same facts written by hand, and the deadline or threshold it gives is
exactly where the checker's verdict turns."""
import datetime as dt

from hypothesis import example, given
from hypothesis import strategies as st

from clerk_support import check, commune, tool

# Where the law changes: the CGCT in force, ATR/ICPE versions, COVID periods, 2022 reforms, 29 February.
BOUNDARIES = [dt.date(*d) for d in (
    (1996, 2, 24), (2015, 8, 19), (2019, 12, 29), (2020, 3, 24), (2020, 4, 3), (2020, 5, 15), (2020, 7, 11),
    (2020, 8, 30), (2020, 8, 31), (2020, 11, 16), (2021, 9, 30), (2021, 10, 1), (2021, 11, 12), (2022, 7, 31),
    (2022, 8, 1), (2022, 7, 1), (2024, 2, 29), (2024, 5, 10), (2025, 1, 6), (2026, 3, 20))]
dates = st.one_of(st.dates(dt.date(1996, 3, 1), dt.date(2030, 12, 31)), st.sampled_from(BOUNDARIES))
populations = st.one_of(st.integers(0, 250_000), st.sampled_from([3499, 3500, 99, 100]))


def cited(doc_findings):
    return {(f["regle"], f["chemin"]) for f in doc_findings}


def statuses(findings, keys):
    return {findings[k]["statut"] for k in keys if k in findings}


@given(seance=dates, population=populations, before=st.integers(-1, 12), urgence=st.booleans(),
       alsace=st.booleans(), premiere=st.booleans())
@example(seance=dt.date(2023, 12, 19), population=62727, before=5, urgence=False, alsace=False, premiere=False)
@example(seance=dt.date(2024, 10, 4), population=1200, before=1, urgence=True, alsace=True, premiere=False)
@example(seance=dt.date(2026, 3, 20), population=5000, before=4, urgence=False, alsace=False, premiere=True)
def test_convocation_answer_is_the_checkers_verdict_and_its_last_day_is_where_the_verdict_turns(
        seance, population, before, urgence, alsace, premiere):
    envoi = seance - dt.timedelta(days=before)
    flags = [flag for flag, on in (("--urgence", urgence), ("--alsace-moselle", alsace),
                                   ("--premiere-reunion", premiere)) if on]
    result, doc = tool("convocation", "--seance", seance.isoformat(), "--population", population,
                       "--envoi", envoi.isoformat(), *flags)

    def by_hand(sent):
        record = commune(seance.isoformat(), population, sent.isoformat(), **({"urgence": True} if urgence else {}))
        if alsace:
            record["collectivite"]["departement"] = "57"
        if premiere:
            record["seance"]["premiere_reunion_apres_renouvellement"] = True
        return record

    keys = cited(doc["regles"])
    _, findings = check(by_hand(envoi))
    for finding in doc["regles"]:
        assert findings[(finding["regle"], finding["chemin"])]["statut"] == finding["statut"]
    verdicts = statuses(findings, keys)
    assert (doc["reponse"] == "non") == ("non_conforme" in verdicts) == (result.exit_code == 1)
    assert (doc["reponse"] == "oui") == (bool(verdicts) and verdicts == {"conforme"})
    if doc["dernier_jour_envoi"] is not None:
        last = dt.date.fromisoformat(doc["dernier_jour_envoi"])
        _, on_time = check(by_hand(last))
        _, a_day_late = check(by_hand(last + dt.timedelta(days=1)))
        assert statuses(on_time, keys) == {"conforme"}
        assert "non_conforme" in statuses(a_day_late, keys)
        assert doc["jours_de_retard"] == (max((envoi - last).days, 0) or None)


@st.composite
def meetings(draw):
    en_exercice = draw(st.integers(1, 69))
    presents = draw(st.integers(0, en_exercice))
    pouvoirs = draw(st.integers(0, en_exercice - presents))
    return draw(dates), en_exercice, presents, pouvoirs


@given(meeting=meetings())
@example(meeting=(dt.date(2021, 11, 15), 27, 9, 4))
@example(meeting=(dt.date(2022, 8, 1), 27, 9, 4))
@example(meeting=(dt.date(2020, 4, 15), 33, 9, 3))
@example(meeting=(dt.date(2020, 7, 15), 33, 9, 3))
def test_quorum_answer_is_the_checkers_verdict_and_the_members_required_are_where_it_turns(meeting):
    date, en_exercice, presents, pouvoirs = meeting
    result, doc = tool("quorum", "--en-exercice", en_exercice, "--presents", presents, "--pouvoirs", pouvoirs,
                       "--date", date.isoformat())

    def by_hand(present, proxies):
        return {"seance": {"date": date.isoformat(), "membres_en_exercice": en_exercice, "presents": present,
                           "representes": proxies},
                "deliberations": [{"numero": "1", "nomination": False}]}

    keys = cited(doc["regles"])
    assert keys, "une règle de quorum s'applique à toute commune"
    _, findings = check(by_hand(presents, pouvoirs))
    for finding in doc["regles"]:
        assert findings[(finding["regle"], finding["chemin"])]["statut"] == finding["statut"]
    verdicts = statuses(findings, keys)
    assert (doc["reponse"] == "non") == ("non_conforme" in verdicts) == (result.exit_code == 1)
    required = doc["presents_requis"]
    assert required is not None and 0 <= required <= en_exercice
    _, enough = check(by_hand(required, min(pouvoirs, en_exercice - required)))
    assert statuses(enough, keys) == {"conforme"}
    if required > 0:
        _, one_short = check(by_hand(required - 1, min(pouvoirs, en_exercice - required + 1)))
        assert "non_conforme" in statuses(one_short, keys)
    assert doc["presents_manquants"] == max(required - presents, 0)
