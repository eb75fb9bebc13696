"""Counts of members read from the phrasings of real extracts, and what a careful reader derives
from them; each excerpt is written in the style of the tuning texts, never copied from a validation one."""
from __future__ import annotations

from reader_support import schema_errors, value

from checker.confiance import SEUIL
from checker.reader import read_text

HEAD = ("Commune de Saint-Exemple. Extrait du registre des délibérations du conseil municipal. "
        "L'an deux mille vingt-trois, le 19 décembre à 18h45, le conseil municipal s'est réuni à la mairie. ")
BODY = " Objet : Budget primitif. Après en avoir délibéré, le conseil adopte à l'unanimité."


def counts(record) -> tuple:
    seance = record["seance"]
    return tuple(value(seance.get(k)) for k in ("membres_en_exercice", "presents", "representes", "votants"))


def rejected(record) -> dict:
    return {entry["champ"]: entry["raison"] for entry in record.get("lecture", {}).get("rejetees", [])}


def test_a_flattened_header_table_with_a_date_column_pairs_labels_and_values():
    record = read_text("COMMUNAUTÉ DE COMMUNES DU VAL D'EXEMPLE. Réunion du conseil de communauté du 13 février 2020 "
                       "Convocation envoyée le Nombre de Conseillers Communautaires Nombre de présents à "
                       "l'ouverture de la séance Nombre de procurations Nombre de votants 7 FEVRIER 2020 40 26 3 29 "
                       "Le conseil de communauté s'est réuni le 13 février 2020 à 18h30." + BODY)
    assert counts(record) == (40, 26, 3, 29)
    # The columns add up (26 + 3 = 29): the pairing is right, and trusted.
    assert all(record["seance"][k]["confiance"] >= SEUIL for k in ("membres_en_exercice", "presents", "votants"))
    assert schema_errors(record) == []


def test_a_flattened_table_whose_columns_do_not_pair_is_not_read():
    record = read_text(HEAD + "Convocation envoyée le Nombre de présents Nombre de procurations Nombre de votants "
                              "40 26 3 29" + BODY)
    # Four values for three count columns and a date column without a date: no pairing is sure.
    assert counts(record)[1:] == (None, None, None)


def test_counts_per_item_range_give_the_members_in_office_when_every_column_adds_up():
    text = ("VILLE D'EXEMPLE conseil municipal séance du 29 mars 2023 procès-verbal De l'ouverture à la question 5 "
            "De la question 6 à la 9 De la question 10 à la 27 Présents : 43 43 42 Absents : 2 3 3 "
            "Pouvoirs : 10 9 10 L'an 2023, le 29 mars à 19h05 les membres du conseil municipal se sont réunis "
            "en séance publique." + BODY)
    record = read_text(text)
    assert counts(record) == (55, 43, 10, 53)
    unequal = read_text(text.replace("Absents : 2 3 3", "Absents : 2 3 4"))
    assert value(unequal["seance"].get("membres_en_exercice")) is None


def test_a_counted_list_of_names_confirmed_by_the_members_in_office_is_exact():
    text = (HEAD + "Nombre de conseillers en exercice : 6. Présents : Jean DUPONT, Marie MARTIN, Paul DURAND, "
                   "Anne PETIT. Absents excusés ayant donné pouvoir : Luc MOREAU (pouvoir à Jean DUPONT), "
                   "Claire ROUX (pouvoir à Marie MARTIN). Secrétaire de séance : Paul DURAND." + BODY)
    record = read_text(text)
    # 4 names present + 2 proxies = 6 in office: nobody else can be absent, the lists are whole.
    assert counts(record) == (6, 4, 2, 6)
    assert record["seance"]["presents"]["confiance"] >= SEUIL
    assert record["seance"]["votants"]["source"].startswith("calculé")
    short = read_text(text.replace("en exercice : 6", "en exercice : 9"))
    # 4 + 2 ≠ 9 and no absent is listed: the count of names is not confirmed, only bounds are given.
    assert value(short["seance"]["presents"]) is None and "min" in short["seance"]["presents"]
    assert value(short["seance"].get("votants")) is None


def test_the_legal_size_is_the_number_in_office_when_the_members_accounted_for_fill_it():
    text = (HEAD + "Nombre légal de membres au Conseil municipal 49 Nombre de présents 45 Nombre de procurations 4 "
                   "Nombre de votants 49" + BODY)
    record = read_text(text)
    assert counts(record) == (49, 45, 4, 49)
    assert record["seance"]["membres_en_exercice"]["source"].startswith("calculé")
    assert value(record["collectivite"]["effectif_legal"]) == 49
    # A seat may be vacant: with fewer accounted for than the legal size, the number in office is unknown.
    vacant = read_text(text.replace("présents 45", "présents 44").replace("votants 49", "votants 48"))
    assert value(vacant["seance"].get("membres_en_exercice")) is None


def test_proxy_pairs_where_one_member_both_gives_and_holds_are_set_aside():
    record = {"seance": {"date": "2023-12-19",
                         "representes": {"valeur": 2, "source": "Pouvoirs : 2", "confiance": 0.9},
                         "pouvoirs": [{"mandant": "Claude ABLITZER", "mandataire": "Patrick BOURDY"},
                                      {"mandant": "Patrick BOURDY", "mandataire": "Daniel PERRIN"}]}}
    from checker.reader.coherence import cross_check
    cross_check(record)
    assert "pouvoirs" not in record["seance"]
    assert "à la fois comme mandant et comme mandataire" in rejected(record)["seance.pouvoirs"]
    assert value(record["seance"]["representes"]) == 2
