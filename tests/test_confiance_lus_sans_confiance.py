"""The reader's facts written as plain values, without a confidence of their own.

Three are measured on the tuning texts, the synthetic layouts and the variants (checker/confiance.py):
they stay as read. The others no label measures; rated below the gate, they never found a
`non_conforme`. Invented texts and records only.
"""
import copy

from checker.confiance import SEUIL, UNMEASURED, rate_plain_reads
from checker.reader import read_text
from checker.record import build_record

_TEXT = """COMMUNE DE SAINT-EXEMPLE
Séance du conseil municipal du 12 mars 2024
L'an deux mille vingt-quatre, le douze mars à vingt heures, le conseil municipal de la commune de Saint-Exemple, \
dûment convoqué par le maire le 5 mars 2024, s'est réuni en séance publique sous la présidence de M. Jean MARTIN, maire.
Membres en exercice : 15 - Présents : 12 - Représentés : 2 - Votants : 14
Secrétaire de séance : Mme Claire DURAND
Délibération n° 2024-01 - Objet : Tarifs de la cantine scolaire
Le maire présente les tarifs. Après en avoir délibéré, le conseil municipal, à main levée, adopte les tarifs à \
l'unanimité des suffrages exprimés.
"""

CONVOQUE_PAR = "L2121-10.convoque_par"


def test_plain_reads_no_label_measures_are_rated_below_the_gate():
    record = read_text(_TEXT, "invente.txt")
    vote = record["deliberations"][0]["vote"]
    assert vote["mode"] == "main_levee" and vote["resultat"] == "adoptee" and vote["unanimite_de"] == "exprimes"
    assert record["convocation"]["convoque_par"] == "maire"
    rated = record["lecture"]["confiances"]
    for path in ("convocation.convoque_par", "deliberations[0].vote.mode", "deliberations[0].vote.resultat",
                 "deliberations[0].vote.unanimite_de"):
        assert rated[path] == UNMEASURED < SEUIL


def test_measured_plain_reads_stay_as_read():
    record = read_text(_TEXT, "invente.txt")
    assert record["collectivite"]["nature"] == "commune" and record["seance"]["heure"] == "20:00"
    rated = record["lecture"]["confiances"]
    assert "collectivite.nature" not in rated and "seance.heure" not in rated


def test_a_lower_rating_already_given_is_kept():
    record = {"convocation": {"convoque_par": "maire"}, "lecture": {"confiances": {"convocation.convoque_par": 0.3}}}
    rate_plain_reads(record)
    assert record["lecture"]["confiances"]["convocation.convoque_par"] == 0.3


def test_a_record_without_plain_reads_is_left_untouched():
    record = {"seance": {"date": "2024-03-12"}, "deliberations": [{"vote": {"pour": {"valeur": 3}}}]}
    before = copy.deepcopy(record)
    rate_plain_reads(record)
    assert record == before


def _convened_by_the_president() -> dict:
    # A commune convened, as misread, by « le président »: L2121-10 would accuse on it.
    return {"collectivite": {"nature": "commune"},
            "convocation": {"date_envoi": "2024-03-05", "convoque_par": "president"},
            "seance": {"date": "2024-03-12", "membres_en_exercice": 15, "presents": 12},
            "deliberations": [{"numero": "1"}]}


def _status(engine, data):
    built = build_record(copy.deepcopy(data), "x")
    return next(f for f in engine.check(built) if f.regle == CONVOQUE_PAR)


def test_an_unmeasured_plain_read_founds_no_non_conforme(engine):
    given = _convened_by_the_president()
    assert _status(engine, given).statut == "non_conforme"
    read = _convened_by_the_president()
    rate_plain_reads(read)
    finding = _status(engine, read)
    assert finding.statut == "indetermine"
    assert "convocation.convoque_par lu avec une confiance de 0,8" in finding.doute
