"""Members present known by difference from members in office known as bounds: each finding is
decided for every possible number in office, and only a status they all share is kept."""

from pathlib import Path

from hypothesis import given, strategies as st

from checker.engine_cache import engine_for
from checker.record import build_record

CORPUS = Path(__file__).resolve().parent / "data" / "corpus"


def _record(office, represented: int, absents: int, pour=None):
    vote = {"mode": "main_levee", "resultat": "adoptee"}
    if pour is not None:
        vote.update(pour=pour, contre=0, abstentions=0)
    return build_record({
        "collectivite": {"nom": "Commune d'Essai", "nature": "commune", "population": 12000, "departement": "44"},
        "seance": {"date": "2023-12-19", "membres_en_exercice": office, "representes": represented,
                   "presence_par_difference": True,
                   "absents": [f"Absent {i}" for i in range(absents)],
                   "pouvoirs": [{"mandant": f"Mandant {i}", "mandataire": f"Mandataire {i}", "ecrit": True}
                                for i in range(represented)]},
        "convocation": {"date_envoi": "2023-12-12"},
        "deliberations": [{"numero": "1", "objet": "Essai", "vote": vote}],
    }, "essai.yaml")


def _statuses(record) -> dict:
    return {(f.regle, f.chemin): f.statut for f in engine_for(None).check(record)}


@given(low=st.integers(5, 60), width=st.integers(0, 12), represented=st.integers(0, 8),
       absents=st.integers(0, 30), data=st.data())
def test_a_finding_decided_on_bounds_holds_for_every_number_in_office(low, width, represented, absents, data):
    high = low + width
    office = {"min": low, "max": high} if width else low
    bounded = _statuses(_record(office, represented, absents))
    true_value = data.draw(st.integers(low, high), label="membres en exercice")
    if true_value - represented - absents < 0:
        return
    exact = _statuses(_record(true_value, represented, absents))
    for key, status in bounded.items():
        if status in ("conforme", "non_conforme"):
            assert exact.get(key) == status, (key, status, exact.get(key))


@given(office=st.integers(5, 60), represented=st.integers(0, 8), absents=st.integers(0, 20))
def test_a_point_interval_gives_the_plain_numbers_verdicts(office, represented, absents):
    if office - represented - absents < 0:
        return
    assert _statuses(_record({"min": office, "max": office}, represented, absents)) == \
        _statuses(_record(office, represented, absents))


def test_quorum_met_for_every_number_in_office_is_conforme():
    # 31 to 49 in office, 8 not present: at worst 23 present for a quorum of 16 (31 in office),
    # at best 41 for 25 (49). Compared bound by bound, 23 < 25 stays unknown; value by value it
    # always holds.
    statuses = _statuses(_record({"min": 31, "max": 49}, 6, 2))
    assert statuses[("L2121-17.quorum", "deliberations[0]")] == "conforme"


def test_quorum_failing_for_some_number_in_office_stays_undecided():
    # 10 to 30 in office, 12 not present: none present at 12 in office, quorum met at 30.
    statuses = _statuses(_record({"min": 12, "max": 30}, 6, 6))
    assert statuses[("L2121-17.quorum", "deliberations[0]")] == "indetermine"


def test_reference_document_quorum_is_decided_from_its_text_and_the_reference_data():
    from checker.batch import _Referentiel
    from checker.reader import read_text

    text = (CORPUS / "villeneuve-dascq-2023-12-19.txt").read_text(encoding="utf-8")
    record = build_record(read_text(text, "villeneuve.txt"), "villeneuve.txt")
    engine = engine_for(None)
    _Referentiel(engine)([record])
    statuses = {(f.regle, f.chemin): f.statut for f in engine.check(record)}
    assert statuses[("L2121-17.quorum", "deliberations[0]")] == "conforme"
