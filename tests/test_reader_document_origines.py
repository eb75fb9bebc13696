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


# A first extract with its own formula, roll and decision, long enough to be a block of its own.
_FIRST = ("L'an deux mille vingt-quatre, le douze mars à vingt heures, le conseil municipal de la commune d'Exemple "
          "s'est réuni sous la présidence de M. Paul EXEMPLE, Maire. Présents : Paul EXEMPLE, Marie MODELE, "
          "Jean TEMOIN. Secrétaire de séance : Marie MODELE. Objet : Tarifs de la cantine. "
          + "Le conseil municipal examine les tarifs de la restauration scolaire pour l'année à venir. " * 14
          + "Après en avoir délibéré, le conseil municipal adopte les tarifs à l'unanimité. ")


def _second_read(second):
    from checker.reader import read_text
    return read_text(_FIRST + second)


def test_a_second_extract_s_counts_printed_under_its_heading_before_its_formula_are_not_read():
    record = _second_read("COMPTE RENDU PROCES-VERBAL DU CONSEIL MUNICIPAL + JEUDI 30 JANVIER 2020 Nombre de "
                          "conseillers : En exercice : 29 Présents : 27 Votants : 28 L'an deux mille vingt, le jeudi "
                          "30 janvier à 19h30, le Conseil municipal de la commune de Autreville s'est réuni sous la "
                          "présidence de M. Gérard AUTRE, Maire. Présents : Gérard AUTRE, Anne AUTRE.")
    assert record["seance"]["date"]["valeur"] == "2024-03-12"
    for key in ("membres_en_exercice", "presents", "votants"):
        assert (record["seance"].get(key) or {}).get("valeur") not in (29, 27, 28)


def test_a_second_extract_headed_by_a_title_with_its_roll_gives_none_of_its_votes():
    record = _second_read("CR du conseil municipal 17 septembre 2021 Présents : Jean-Pierre, Yves, Jacques. "
                          "Vote de la motion : 12 votes pour / 2 abstentions.")
    votes = [d.get("vote", {}) for d in record["deliberations"]]
    assert not any((v.get("pour") or {}).get("valeur") == 12 for v in votes)
    assert any((v.get("unanimite") or {}).get("valeur") is True for v in votes)
    assert not any("votes pour" in (v.get("unanimite") or {}).get("source", "") for v in votes)
    # The other meeting's 14 votes do not bound this meeting's three names present.
    assert record["seance"]["presents"]["valeur"] == 3


def test_a_meeting_the_text_quotes_does_not_end_the_meeting_s_block():
    from checker.reader.normalize import Document
    from checker.reader.seance import other_meetings, read_meeting_date
    doc = Document(_FIRST + "Point 2 : approbation du PV de la séance du 15 décembre 2022. Présents : tous. "
                   "Le procès-verbal est adopté à l'unanimité.")
    meeting = read_meeting_date(doc)
    assert other_meetings(doc, meeting, meeting.end) == []


def test_a_date_headed_with_its_weekday_and_hour_beats_a_formula_a_whole_decided_block_further_on():
    from checker.reader import read_text
    first = ("Compte rendu du conseil municipal. Vendredi 29 janvier 2021, 18:30. Salle polyvalente. Présents : "
             "Anne, Paul, Marc, Lise. Ordre du jour : I Convention de personnel. "
             + "La convention permet le remplacement d'un agent absent pour une durée limitée. " * 14
             + "ADOPTÉ à l'unanimité. ")
    second = ("SEANCE DU 19 NOVEMBRE 2018 L'an deux mil dix huit, le dix neuf novembre à vingt heures trente, les "
              "membres du Conseil Municipal de la Commune d'Autreville, convoqués le treize novembre deux mil dix "
              "huit, se sont réunis à la Mairie, sous la Présidence de Monsieur Sébastien AUTRE. Etaient présents : "
              "MM. Serge UN, Roland DEUX.")
    record = read_text(first + second)
    date = record["seance"]["date"]
    assert date["valeur"] == "2021-01-29" and date["confiance"] < 0.9
    assert record["seance"].get("heure") == "18:30"
    assert "president" not in record["seance"]
