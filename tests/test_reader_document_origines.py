"""Document level, session 14: a fact the record derives from a doubtful one (« calculé : repris de
seance.presents ») shows, in the message of a finding the gate held back, why its origin is doubtful:
the origin's source in the document and the check it failed."""
from checker.engine import Engine
from checker.record import build_record
from ruleset.loader import load_rules

_ENGINE = None


def _engine():
    global _ENGINE
    if _ENGINE is None:
        _ENGINE = Engine(load_rules("rules"))
    return _ENGINE


def _quorum(record):
    built = build_record(record, "essai")
    return [f for f in _engine().check(built) if f.regle.startswith("L2121-17") and "calculé" in f.message]


def test_a_derived_presents_below_the_gate_shows_its_origin_s_source():
    record = {"seance": {"date": "2023-03-13", "membres_en_exercice": 27,
                         "presents": {"valeur": 9, "confiance": 0.6,
                                      "source": "compté sur la liste : Présents : A, B, C… (9 noms)"}},
              "deliberations": [{"numero": "1"}]}
    findings = _quorum(record)
    assert findings and all(f.statut == "indetermine" for f in findings)
    message = findings[0].message
    assert "calculé : repris de seance.presents" in message
    assert "où seance.presents est lu avec une confiance de 0,6 (« compté sur la liste : Présents : A, B, C… " in message


def test_a_derived_presents_shows_the_check_its_origin_failed():
    record = {"seance": {"date": "2023-03-13", "membres_en_exercice": 27,
                         "presents": {"valeur": 9, "confiance": 0.6, "source": "9 conseillers présents"}},
              "deliberations": [{"numero": "1"}],
              "lecture": {"rejetees": [{"champ": "seance.presents", "valeur": 9,
                                        "raison": "présents + représentés ≠ votants (nombre gardé, confiance abaissée "
                                                  "sous le seuil)"}]}}
    message = _quorum(record)[0].message
    assert "(« 9 conseillers présents »), présents + représentés ≠ votants" in message
    assert "nombre gardé" not in message


def test_an_origin_at_or_above_the_gate_is_not_shown_as_a_doubt():
    record = {"seance": {"date": "2023-03-13", "membres_en_exercice": 27,
                         "presents": {"valeur": 9, "confiance": 0.6, "source": "9 présents"},
                         "representes": {"valeur": 2, "confiance": 0.95, "source": "2 pouvoirs"}},
              "deliberations": [{"numero": "1"}]}
    findings = _quorum(record)
    assert findings and "où seance.presents" in findings[0].message
    for finding in findings:
        assert "où seance.representes" not in finding.message


def test_a_loose_count_set_aside_quotes_the_document_not_an_example():
    from checker.reader import read_text
    record = read_text("Le 12 mars 2024 à 20 h 00, le conseil communautaire s'est réuni sous la présidence de "
                       "M. Paul EXEMPLE. En exercice : 37 22 conseillers communautaires étaient présents. "
                       "Objet : Tarifs. Après en avoir délibéré, le conseil adopte.")
    entry = next(e for e in record["lecture"]["rejetees"] if e["champ"] == "seance.presents")
    assert entry["valeur"] == 22 and "22" in entry["source"]
    assert "«" not in entry["raison"]
