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


def test_a_header_table_flattened_with_each_value_keeping_its_colon():
    # « En exercice / Présents / Pouvoirs / Votants » stacked, then « : 15 », « : 12 », … under them.
    record = read_text(HEAD + "\nEn exercice\nPrésents\nPouvoirs\nVotants\n: 15\n: 12\n: 2\n: 14\n" + BODY)
    assert counts(record) == (15, 12, 2, 14)
    # 12 + 2 = 14: the columns pair up, trusted.
    assert record["seance"]["votants"]["confiance"] >= SEUIL
    # One value short: the columns cannot be paired, and the first value is no count of the last label.
    unpaired = read_text(HEAD + "\nEn exercice\nPrésents\nPouvoirs\nVotants\n: 15\n: 12\n: 14\n" + BODY)
    assert counts(unpaired) == (None, None, None, None)


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
    # 4 names present + 2 proxies = 6 in office: nobody else can be absent, the lists are whole; but a
    # member present read among the givers or the absent would add up too, so the exact count stays
    # below the gate (coherence._corroborate), the check in its source.
    assert counts(record) == (6, 4, 2, 6)
    assert record["seance"]["presents"]["confiance"] < SEUIL
    assert "= membres en exercice (6)" in record["seance"]["presents"]["source"]
    assert record["seance"]["votants"]["source"].startswith("calculé")
    short = read_text(text.replace("en exercice : 6", "en exercice : 9"))
    # 4 + 2 ≠ 9 and no absent is listed: the total does not confirm the lists; the four names,
    # read alike by both readings of the list, stay the count, below the gate, and so do the votants.
    presents = short["seance"]["presents"]
    assert value(presents) == 4 and presents["confiance"] < SEUIL
    assert value(short["seance"]["votants"]) == 6 and short["seance"]["votants"]["confiance"] < SEUIL



def test_the_votants_of_a_list_the_seats_check_closed_do_not_hang_on_its_wording(monkeypatch):
    from checker.reader import coherence

    text = (HEAD + "Nombre de conseillers en exercice : 6. Présents : Jean DUPONT, Marie MARTIN, Paul DURAND, "
                   "Anne PETIT. Absents excusés ayant donné pouvoir : Luc MOREAU (pouvoir à Jean DUPONT), "
                   "Claire ROUX (pouvoir à Marie MARTIN). Secrétaire de séance : Paul DURAND." + BODY)
    closed = read_text(text)["seance"]["votants"]
    assert value(closed) == 6 and closed["confiance"] == coherence._SEATS_CLOSED
    # The seats check is known by where it closed the count, not by the words of its source: the same
    # votants, as sure, when the check is written otherwise.
    said = coherence._seats_check
    monkeypatch.setattr(coherence, "_seats_check",
                        lambda *args: said(*args).replace("membres en exercice", "sièges pourvus"))
    reworded = read_text(text)["seance"]
    assert "= sièges pourvus (6)" in reworded["presents"]["source"]
    assert reworded["votants"] == closed

def test_the_legal_size_is_the_number_in_office_when_the_members_accounted_for_fill_it():
    text = (HEAD + "Nombre légal de membres au Conseil municipal 49 Nombre de présents 45 Nombre de procurations 4 "
                   "Nombre de votants 49" + BODY)
    record = read_text(text)
    assert counts(record) == (49, 45, 4, 49)
    assert record["seance"]["membres_en_exercice"]["source"].startswith("calculé")
    assert value(record["collectivite"]["effectif_legal"]) == 49
    assert record["seance"]["membres_en_exercice"]["confiance"] >= SEUIL
    # A seat may be vacant: with fewer accounted for than the legal size, the number in office is not known
    # exactly, only that it is at most the legal size — given as such, below the gate.
    vacant = read_text(text.replace("présents 45", "présents 44").replace("votants 49", "votants 48"))
    office = vacant["seance"]["membres_en_exercice"]
    assert office["confiance"] < SEUIL
    assert "le plus que les membres en exercice puissent être" in office["source"]


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


def vote_of(text: str) -> dict:
    record = read_text(HEAD + "Membres en exercice : 29. Présents : 25. Votants : 28. " + text)
    vote = record["deliberations"][0].get("vote", {})
    return {k: value(v) for k, v in vote.items() if k in ("pour", "contre", "abstentions", "unanimite")}


def test_vote_counts_in_words_and_figures():
    assert vote_of("Objet : Budget primitif. Après en avoir délibéré, le conseil municipal adopte à la majorité par "
                   "25 voix pour, deux contre et une abstention le budget primitif.") == {
        "pour": 25, "contre": 2, "abstentions": 1, "unanimite": False}


def test_unanimity_of_the_expressed_votes_with_abstentions_is_not_unanimity():
    # Abstentions are not expressed votes: the council was not unanimous, and none voted against.
    # (18 + 9 votes: no more than the 29 members in office the heading prints, or the counts are not read.)
    assert vote_of("Objet : Désignation des représentants au collège. Le conseil municipal, à l'unanimité des "
                   "suffrages exprimés, 18 votes pour, 9 abstentions, DESIGNE M. Paul DURAND.") == {
        "pour": 18, "abstentions": 9, "unanimite": False}


def test_counts_with_none_against_nor_abstaining_are_a_unanimous_vote():
    assert vote_of("Objet : Tarifs de la cantine. VOTE : 13 POUR 0 CONTRE – 0 ABSTENTION") == {
        "pour": 13, "contre": 0, "abstentions": 0, "unanimite": True}


def test_a_majority_vote_is_not_unanimous_even_when_a_later_item_is():
    assert vote_of("Point n°1 Débat d'orientations budgétaires DCM 23.1.49 | Le Conseil municipal, à la majorité "
                   "avec 27 voix pour et une abstention de M. Paul DURAND, prend acte de la tenue du débat. "
                   "Point n°2 Rapport annuel | Le Conseil municipal, à l'unanimité, prend acte du rapport.") == {
        "pour": 27, "contre": 0, "abstentions": 1, "unanimite": False}


def test_a_majority_of_all_votes_for_leaves_unanimity_unsaid():
    assert vote_of("Objet : Procès-verbal. LE CONSEIL MUNICIPAL A la majorité par 28 voix pour Le procès-verbal "
                   "de la séance du 8 février 2023 est approuvé.") == {"pour": 28}


def test_minutes_approved_at_a_later_meeting_are_not_this_meetings_vote():
    record = read_text("Communauté d'agglomération d'Exemple. Procès-verbal - Conseil communautaire du 28/01/2021 - "
                       "Approuvé à l'unanimité le 25/02/2021 (64 voix). Le conseil communautaire s'est réuni le "
                       "28 janvier 2021 à 18h00. Objet : Budget. Le conseil prend acte du débat.")
    votes = [d.get("vote", {}) for d in record.get("deliberations", [])]
    assert not any("unanimite" in v for v in votes)


def test_lists_closed_by_their_own_count_in_brackets():
    record = read_text(HEAD + "Nombre de conseillers en exercice : 9. Conseillers présents : Mesdames et Messieurs "
                              "Jean DUPONT, Marie MARTIN, Paul DURAND, Anne PETIT, Luc MOREAU (5), Conseillers absents / "
                              "excusés : Mesdames et Messieurs Claire ROUX, Louis BLANC (2), Conseillers ayant donné "
                              "procuration : Mesdames et Messieurs Jeanne NOIR (par procuration à Jean DUPONT), Pierre "
                              "VERT (par procuration à Marie MARTIN) (2). Secrétaire de séance : Madame Anne PETIT." + BODY)
    assert counts(record) == (9, 5, 2, 7)
    assert record["seance"]["presents"]["source"].endswith("(5)")


def test_a_count_heading_its_list_is_printed_but_a_quorum_in_passing_is_not():
    record = read_text(HEAD + "Date de la convocation : 12 décembre 2023 En exercice : 6 5 membres du Bureau étaient "
                              "présents : Jean DUPONT, Marie MARTIN, Paul DURAND, Anne PETIT, Luc MOREAU. Étaient "
                              "absents/excusés : Claire ROUX. Secrétaire de séance : Paul DURAND." + BODY)
    assert value(record["seance"]["presents"]) == 5 and record["seance"]["presents"]["confiance"] >= SEUIL
    quorum = read_text(HEAD + "Le nombre des conseillers municipaux en exercice est de 35 (la condition de quorum est "
                              "de 18 membres présents)." + BODY)
    assert value(quorum["seance"].get("presents")) is None


def test_present_and_represented_printed_together_are_not_the_number_represented():
    for joined in ("Présents/représentés : 25", "Présents + représentés : 25", "Présents ou représentés : 25"):
        record = read_text(HEAD + f"Membres en exercice : 29 Présents : 21 {joined}" + BODY)
        assert counts(record) == (29, 21, 4, 25), joined


def test_fewer_proxies_listed_than_votants_minus_present_gives_way_to_the_printed_totals():
    record = read_text(HEAD + "Nombre de conseillers en exercice : 12. Nombre de conseillers présents : 8. "
                              "Votants : 11. Absents excusés ayant donné pouvoir : Luc MOREAU a donné pouvoir à Jean "
                              "DUPONT, Claire ROUX a donné pouvoir à Marie MARTIN." + BODY)
    # Two pairs read, three votes by proxy printed: a pair was lost, the totals give the number.
    assert counts(record) == (12, 8, 3, 11)
    assert record["seance"]["representes"]["source"].startswith("calculé : votants")
    assert "pouvoirs" not in record["seance"]


def test_votants_split_into_present_and_proxies():
    record = read_text(HEAD + "Conseillers municipaux en exercice : 29 Votants : 27 dont 22 Présents et 05 Procurations"
                       + BODY)
    assert counts(record) == (29, 22, 5, 27)
    assert all(record["seance"][k]["confiance"] >= SEUIL for k in ("presents", "representes", "votants"))


def test_a_substitute_sitting_for_a_delegate_is_not_a_proxy():
    record = read_text("COMMUNAUTÉ DE COMMUNES D'EXEMPLE. Le conseil communautaire s'est réuni le 20 janvier 2020 à "
                       "17h30. Présents : Mesdames PRAULT, PROT et MECHE, Messieurs JUBERT, ROCHET et LOUPIAS. Absents "
                       "excusés : Madame Chantal BERTHON Monsieur Bernard BARRE, représenté par son suppléant Monsieur "
                       "Gérard ROCHET Madame Martine SCHNEIDER a donné pouvoir à Madame Liliane PROT. "
                       "Objet : Budget. Le conseil communautaire, à l'unanimité, approuve.")
    pairs = [(p["mandant"], p["mandataire"]) for p in record["seance"].get("pouvoirs", [])]
    rejected_pairs = [e["valeur"] for e in record.get("lecture", {}).get("rejetees", []) if e["champ"] == "seance.pouvoirs"]
    everything = pairs + [(p["mandant"], p["mandataire"]) for v in rejected_pairs for p in v]
    assert ("Bernard BARRE", "Gérard ROCHET") not in everything
    assert ("Martine SCHNEIDER", "Liliane PROT") in everything


def test_the_president_sits_even_when_the_list_of_those_present_leaves_him_out():
    text = (HEAD.replace("s'est réuni à la mairie", "s'est réuni à la mairie sous la présidence de Monsieur René "
                                                    "BEGUIN, Maire")
            + "Nombre de conseillers en exercice : 8. Présents : Jean DUPONT, Marie MARTIN, Paul DURAND, Anne PETIT. "
              "Absents excusés : Luc MOREAU (pouvoir à René BEGUIN), Claire ROUX (pouvoir à Jean DUPONT). "
              "Absents : Louis BLANC. Secrétaire de séance : Paul DURAND." + BODY)
    record = read_text(text)
    # 4 listed + the Maire who presides and holds a proxy = 5; 5 + 2 represented + 1 absent = 8 in office.
    assert counts(record) == (8, 5, 2, 7)
    assert "René BEGUIN" in record["seance"]["presents"]["source"]


def test_votants_with_the_proxies_among_them():
    record = read_text(HEAD + "Membres en exercice : 29 Présents : 22 Votants : 25 (dont 3 pouvoirs)" + BODY)
    assert counts(record) == (29, 22, 3, 25)
    # A side of a vote « dont 3 procurations » is not the number represented.
    side = read_text(HEAD + "Objet : Budget. à la majorité 38 votes pour, dont 3 procurations (M. A, M. B, Mme C) "
                            "11 abstentions")
    assert value(side["seance"].get("representes")) is None


def test_a_vote_table_flattened_labels_first():
    assert vote_of("Objet : Tarifs. Le Conseil Municipal vote : Pour Contre Abstention 24 0 2 le budget.") == {
        "pour": 24, "contre": 0, "abstentions": 2, "unanimite": False}
    assert vote_of("Objet : Tarifs. POUR CONTRE ABSTENTIONS 14 / / adopté.") == {
        "pour": 14, "contre": 0, "abstentions": 0, "unanimite": True}


def test_counts_written_in_words():
    record = read_text(HEAD + "Conseillers en exercice : vingt-sept. Présents : vingt-deux. Votants : vingt-cinq." + BODY)
    assert counts(record) == (27, 22, 3, 25)
    prose = read_text(HEAD + "Le conseil, composé de vingt-sept membres en exercice, dont vingt-deux conseillers étaient "
                             "présents. Pouvoirs : 5." + BODY)
    # 22 + 5 = 27: the counts in words are confirmed by the members in office.
    assert counts(prose) == (27, 22, 5, 27)
    # « Cinq-Mars-la-Pile » is a commune, not five proxies.
    place = read_text(HEAD + "Procuration : cinq mars la pile Mme Sylvie POINTREAU." + BODY)
    assert value(place["seance"].get("representes")) != 5


def test_a_printed_number_of_absents_completes_the_members_in_office():
    record = read_text(HEAD + "Nombre de conseillers : 29 Présents : 22 Pouvoirs : 5 Absents : 2" + BODY)
    # « Nombre de conseillers » is read with doubt; 22 + 5 + 2 = 29 confirms it.
    assert counts(record) == (29, 22, 5, 27)
    unconfirmed = read_text(HEAD + "Nombre de conseillers : 29 Présents : 22 Pouvoirs : 5 Absents : 1" + BODY)
    assert value(unconfirmed["seance"].get("membres_en_exercice")) is None


def test_members_composing_the_council():
    record = read_text(HEAD + "Nombre de membres composant le conseil : 27 Présents : 20 Pouvoirs : 7" + BODY)
    assert counts(record) == (27, 20, 7, 27)


def test_present_from_the_first_vote_counted_side_by_side_when_the_names_agree():
    text = (HEAD + "Présents : Jean DUPONT, Marie MARTIN, Paul DURAND, Anne PETIT, Mme 13ERN4RD, Luc MOREAU, Louis "
                   "BLANC, Pierre VERT. Représentés : Claire ROUX par Jean DUPONT, Jeanne NOIR par Marie MARTIN. "
                   "Secrétaire de séance : Paul DURAND. Objet : Tarifs. (vote pour : 10 - Contre : 0 - Abstention : 0)")
    record = read_text(text)
    # 10 votes cast, 2 by proxy: 8 present, within two of the 7 names read (one was garbled by OCR,
    # and the count item by item, which meets it, does not confirm the 7).
    assert counts(record)[1:] == (8, 2, 10)
    assert record["seance"]["presents"]["confiance"] < SEUIL
    whole = read_text(text.replace("Mme 13ERN4RD, ", ""))
    # Seven names read alike both ways, but the first vote counts one voice more than the seven and
    # the two proxies, and no arrival is noted: a name is missing from the list. Its count is set
    # aside, with the check that contradicted it, and the vote's total less the proxies (within two
    # of the names) gives the number, below the gate, as for a list read one way only.
    assert counts(whole)[1:] == (8, 2, 10)
    assert whole["seance"]["presents"]["confiance"] < SEUIL
    assert whole["seance"]["presents"]["source"].startswith("calculé : total des voix")
    assert any("10 voix à un vote" in r["raison"] for r in whole["lecture"]["rejetees"])
    arrived = read_text(text.replace("Mme 13ERN4RD, ", "").replace("Pierre VERT.", "Pierre VERT, Eve GRIS (arrivée à 19 h)."))
    # The same vote with a member noted arriving after the opening: it is hers, and the seven at the
    # opening are confirmed (below the gate), the check in the source.
    assert counts(arrived)[1:] == (7, 2, 9)
    assert "recoupé par le plus grand vote" in arrived["seance"]["presents"]["source"]
    far = read_text(text.replace("vote pour : 10", "vote pour : 14"))
    # 12 present would be five more than the names listed: the two readings disagree, nothing is kept.
    assert value(far["seance"]["presents"]) is None


def test_unanimity_is_settled_only_by_a_vote_counted_side_by_side():
    # Abstentions alone, without the votes for, do not say how the council voted.
    assert "unanimite" not in vote_of("Objet : Tarifs. Pour : Contre : Abstentions : 2 (M. A, M. B) adopté.")
    # Against a written « à l'unanimité », votes against are a misread: the counts are set aside.
    assert vote_of("Objet : Tarifs. Le conseil, à l'unanimité, approuve. Pour : 20 Contre : 3") == {"unanimite": True}


def read_counts_of(text: str) -> dict:
    from checker.reader.counts import read_counts
    from checker.reader.normalize import Document
    return {field: count.value for field, count in read_counts(Document(text)).items()}


def test_counts_written_in_the_heading_of_the_list_or_after_it():
    assert read_counts_of("Etaient présents (18) : Mmes et MM. DUPONT, MARTIN")["presents"] == 18
    assert read_counts_of("Présents à la séance : 18 Pouvoirs : 2") == {"presents": 18, "representes": 2}
    assert read_counts_of("18 présents : Jean DUPONT, Marie MARTIN")["presents"] == 18
    assert read_counts_of("Titulaires présents : 16 Suppléants présents : 2")["presents"] == 18
    # « sur 23 » is the number in office, read with less trust than a label.
    assert read_counts_of("Présents : 18 sur 23") == {"presents": 18, "membres_en_exercice": 23}
    assert read_counts_of("soit 18 présents et 2 pouvoirs") == {"presents": 18, "representes": 2}


def test_an_item_number_before_a_row_of_counts_is_not_a_count():
    counted = read_counts_of("De la question 43 à la 45 Présents : 43 43 42 Absents : 2 3 4 Pouvoirs : 10 9 9")
    assert counted.get("presents") != 45
    # « 45 voix sur 50 » is a vote, not those present out of the members in office.
    assert "membres_en_exercice" not in read_counts_of("Présents : 45 sur 50 votants")


def test_a_bare_count_agreeing_with_the_names_listed_is_kept():
    text = (HEAD + "Le conseil compte 4 présents. Présents : Jean DUPONT, Marie MARTIN, Paul DURAND, Anne PETIT."
            + BODY)
    record = read_text(text)
    assert value(record["seance"]["presents"]) == 4
    assert record["seance"]["presents"]["source"].startswith("4 présents")
    # Five printed against four names read alike both ways: the printed number is not confirmed, and
    # the list, which disagrees with it, gives the count below the gate.
    other = read_text(text.replace("4 présents", "5 présents"))
    assert value(other["seance"]["presents"]) == 4 and other["seance"]["presents"]["confiance"] < SEUIL


def test_proxies_whose_holder_the_list_of_those_present_writes_another_way_are_kept():
    text = (HEAD + "Présents : M. DUPONT J., Mme MARTINLAVAL B., M. DURAND P., Mme PETIT A. Absents excusés : "
                   "M. MOREAU L. (pouvoir à Mme MARTIN-LAVAL B.)" + BODY)
    record = read_text(text)
    assert [(p["mandant"], p["mandataire"]) for p in record["seance"]["pouvoirs"]] == [
        ("MOREAU L.", "MARTIN-LAVAL B.")]
    assert record["lecture"]["confiances"]["seance.pouvoirs"] < SEUIL
    # A holder missing from the list of those present, under any spelling: the pair is not confirmed.
    stray = read_text(text.replace("pouvoir à Mme MARTIN-LAVAL B.", "pouvoir à Mme BLANC C."))
    assert "pouvoirs" not in stray["seance"]


def test_the_members_in_office_written_number_first_or_as_the_body_s_size():
    assert read_counts_of("le quorum (28 conseillers présents sur 35 conseillers en exercice) est constaté")[
        "membres_en_exercice"] == 35
    assert read_counts_of("la majorité des 23 membres en exercice étant présente")["membres_en_exercice"] == 23
    assert read_counts_of("Nombre de délégués : 23 Présents : 18")["membres_en_exercice"] == 23
    assert read_counts_of("Effectif : 23 Présents : 18")["membres_en_exercice"] == 23
    # The legal size is not the number in office (a seat may be vacant): read apart.
    assert read_counts_of("Effectif légal du comité syndical : 23 délégués") == {"effectif_legal": 23}


def test_a_printed_number_of_absents_beats_the_names_listed_as_absent_for_some_items():
    text = (HEAD + "Nombre de membres composant le conseil : 29 Présents : 22 Pouvoirs : 5 Absents : 2. "
                   "Sont absents : M. Paul DURAND, Mme Anne PETIT, M. Luc MOREAU (à partir de la délibération n° 4)."
            + BODY)
    record = read_text(text)
    # 22 + 5 + 2 = 29 confirms the number in office read loosely; of the three names, the one absent
    # only from item 4 on is not absent from the opening: the two others are, as the printed 2 says.
    assert counts(record) == (29, 22, 5, 27)
    assert record["seance"]["absents"] == ["Paul DURAND", "Anne PETIT"]


def test_a_label_turned_into_its_opposite_is_not_the_number_represented():
    for line in ("Conseillers en exercice : 27 Présents : 20 Excusés sans pouvoir : 2 Excusés avec pouvoir : 3",
                 "Conseillers en exercice : 27 Présents : 20 Absents non représentés : 2 Absents représentés : 3",
                 "Conseillers en exercice : 27 Présents : 20 Absents n'ayant pas donné procuration : 2 "
                 "Absents ayant donné procuration : 3"):
        record = read_text(HEAD + line + BODY)
        assert value(record["seance"]["representes"]) == 3, line
    alone = read_text(HEAD + "Conseillers en exercice : 27 Présents : 20 Excusés sans pouvoir : 2" + BODY)
    assert value(alone["seance"].get("representes")) != 2


def test_numbered_proxies_are_items_not_a_count():
    record = read_text(HEAD + "Membres en exercice : 27. Présents : 20. Pouvoir 1 : Mme Anne ALBERT à M. Bruno "
                              "BERT. Pouvoir 2 : M. Claude CHARLES à Mme Denise DUVAL. Pouvoir 3 : M. Eric EVRARD à "
                              "M. Bruno BERT. Votants : 23." + BODY)
    # Not « 1 » (the first item's number): the three pairs, which the votants confirm.
    assert value(record["seance"].get("representes")) == 3
    assert value(record["seance"].get("votants")) == 23


def test_a_run_of_counts_written_number_first():
    record = read_text(HEAD + "27 conseillers en exercice, 20 présents, 3 pouvoirs, 23 votants." + BODY)
    assert counts(record) == (27, 20, 3, 23)
    # Each read loosely: without totals that add up, none is kept.
    loose = read_text(HEAD + "Délégués : 54 en exercice, 40 présents, 6 pouvoirs." + BODY)
    assert counts(loose)[:3] == (None, None, None)
    assert "qu'aucun autre total ne confirme" in rejected(loose)["seance.representes"]
    # A row of values before its labels is not read number first (« 23 En exercice »).
    row = read_text(HEAD + "27 20 3 23 En exercice Présents Pouvoirs Votants" + BODY)
    assert value(row["seance"].get("membres_en_exercice")) != 23
    # « 38 voix pour dont 3 procurations » is a side of a vote, not the proxies of the meeting.
    vote = read_text(HEAD + "Présents : 20. Objet : Budget. Adopté par 22 voix pour dont 3 procurations et 1 contre.")
    assert value(vote["seance"].get("representes")) is None


def test_the_excused_with_the_number_of_them_who_gave_a_proxy():
    for line in ("Membres en exercice : 27. Présents : 20. Excusés : 7 dont 3 représentés.",
                 "Membres en exercice : 27. Présents : 20. Absents : 7 (dont 3 pouvoirs)."):
        record = read_text(HEAD + line + BODY)
        assert counts(record) == (27, 20, 3, 23), line


def test_unanimity_less_abstentions_or_votes_against_is_not_unanimity():
    for text, expected in (
            ("Objet : Tarifs. Adopté à l'unanimité moins deux abstentions.", {"abstentions": 2}),
            ("Objet : Tarifs. Adopté à l'unanimité (1 abstention : M. Paul DURAND).", {"abstentions": 1}),
            ("Objet : Tarifs. Le conseil décide, à l'unanimité sauf 3 voix contre, d'adopter les tarifs.",
             {"contre": 3})):
        assert vote_of(text) == dict(expected, unanimite=False), text


def test_vote_counts_as_labels_each_followed_by_its_value():
    # Not « 20 contre » and « 3 abstentions »: each label is followed by its own value.
    assert vote_of("Objet : Tarifs. Résultat du vote : Adopté Pour 20 Contre 3 Abstention 0") == {
        "pour": 20, "contre": 3, "abstentions": 0, "unanimite": False}
    # Numbers first stay read so.
    assert vote_of("Objet : Tarifs. Adopté : 20 pour 3 contre 0 abstention.") == {
        "pour": 20, "contre": 3, "abstentions": 0, "unanimite": False}


def test_a_numbered_list_of_names_is_not_a_count():
    record = read_text(HEAD + "Présents : 1. M. Jean DUPONT 2. Mme Marie MARTIN 3. M. Paul DURAND 4. Mme Anne PETIT. "
                              "Pouvoirs : 1) M. Luc MOREAU à M. Jean DUPONT 2) Mme Zoé LEROY à Mme Anne PETIT." + BODY)
    assert value(record["seance"].get("presents")) != 1
    assert value(record["seance"].get("representes")) != 1


def test_powers_delegated_by_the_council_are_not_proxies():
    record = read_text(HEAD + "Membres en exercice : 15. Présents : 12. Votants : 14. Compte rendu des délégations "
                              "de pouvoir : 4 décisions du maire." + BODY)
    assert counts(record) == (15, 12, 2, 14)


def test_substitutes_sitting_are_present_when_the_votants_show_it():
    for line in ("Délégués en exercice : 30 ; présents : 18 ; suppléants présents : 2 ; pouvoirs : 3 ; votants : 23.",
                 "Délégués en exercice : 30 Présents : 18 + 2 suppléants Pouvoirs : 3 Votants : 23",
                 "Délégués titulaires en exercice : 30 Délégués titulaires présents : 18 Délégués suppléants présents "
                 "avec voix délibérative : 2 Pouvoirs : 3 Votants : 23",
                 "Délégués en exercice : 30 Délégués suppléants présents : 2 Délégués présents : 20 Pouvoirs : 3 "
                 "Votants : 23"):
        assert counts(read_text(HEAD + line + BODY)) == (30, 20, 3, 23), line
    # Without the votants to show whether « présents » counts them, the suppléants are not added.
    alone = read_text(HEAD + "Délégués en exercice : 30 ; présents : 18 ; suppléants présents : 2 ; pouvoirs : 3." + BODY)
    assert value(alone["seance"]["presents"]) == 18


def test_an_item_number_before_a_label_is_not_its_count():
    record = read_text(HEAD + "En exercice : 27 Présents : 20 à l'ouverture, 22 à partir du point 4 Pouvoirs : 3 "
                              "Votants : 23" + BODY)
    assert counts(record) == (27, 20, 3, 23)
    assert "seance.representes" not in rejected(record)


def test_counts_printed_at_the_vote_of_a_single_deliberation():
    record = read_text(HEAD + "Présents au moment du vote : 21. Pouvoirs : 3. Votants : 24." + BODY)
    assert counts(record)[1:] == (21, 3, 24)


def test_label_value_pairs_after_titulaires():
    record = read_text(HEAD + "Nombre de délégués : titulaires 23 présents 15 représentés 2 votants 17." + BODY)
    # « 23 présents » is the value of « titulaires » followed by the next label, not 23 present.
    assert counts(record)[1:] == (15, 2, 17)


def test_a_side_left_out_is_none_when_the_others_make_up_the_votants():
    # 28 votants printed: 27 for and 1 abstention leave no one against.
    assert vote_of("Objet : Tarifs. Adopté à la majorité avec 27 voix pour et une abstention de M. Paul DURAND.") == {
        "pour": 27, "contre": 0, "abstentions": 1, "unanimite": False}
    # 26 for and 1 abstention out of 28 votants: the missing vote may be against; left unsaid.
    assert vote_of("Objet : Tarifs. Adopté à la majorité avec 26 voix pour et une abstention de M. Paul DURAND.") == {
        "pour": 26, "abstentions": 1, "unanimite": False}
    record = read_text(HEAD + "Membres en exercice : 29. Présents : 25. Votants : 28. Objet : Tarifs. Adopté par 27 "
                              "voix pour et 1 abstention.")
    contre = record["deliberations"][0]["vote"]["contre"]
    assert contre["valeur"] == 0 and contre["confiance"] < SEUIL and contre["source"].startswith("calculé")


def test_the_seats_written_as_the_council_s_size_are_kept_when_the_totals_fill_them():
    for line in ("Le conseil municipal, composé de 27 membres, s'est réuni. Présents : 20. Pouvoirs : 3. Absents : 4.",
                 "Nombre de membres du conseil : 27. Présents : 20. Pouvoirs : 3. Absents : 4.",
                 "Nombre de conseillers élus : 27. Présents : 20. Pouvoirs : 3. Absents : 4."):
        assert counts(read_text(HEAD + line + BODY)) == (27, 20, 3, 23), line
    # Read loosely: 20 + 3 + 2 does not fill 27 seats, so the size is not the number in office.
    short = read_text(HEAD + "Le conseil municipal, composé de 27 membres. Présents : 20. Pouvoirs : 3. Absents : 2."
                      + BODY)
    assert value(short["seance"].get("membres_en_exercice")) is None


def test_the_surer_label_of_the_members_in_office_wins_over_an_earlier_loose_one():
    record = read_text(HEAD + "Nombre de conseillers municipaux : 27 ; en exercice : 26 ; présents : 20 ; pouvoirs : 3."
                       + BODY)
    assert counts(record) == (26, 20, 3, 23)


def test_counts_after_dot_leaders_or_an_equals_sign():
    for line in ("En exercice........27 Présents........20 Pouvoirs........3 Votants........23",
                 "Conseillers en exercice = 27 ; présents = 20 ; procurations = 3 ; votants = 23"):
        assert counts(read_text(HEAD + line + BODY)) == (27, 20, 3, 23), line


def test_the_political_majority_is_no_vote():
    assert vote_of("Objet : Transports. M. Paul DURAND regrette la libéralisation mise en œuvre par la majorité "
                   "actuelle. Le conseil prend acte du rapport.") == {}


def test_a_vote_recalled_before_the_council_deliberates_is_not_this_vote():
    for text, expected in (
            ("Objet : Budget. Vu la délibération n° 2020-12 du 5 mars 2020, adoptée à l'unanimité, approuvant le projet ; "
             "Le conseil municipal, après en avoir délibéré, par 20 voix pour et 5 contre, approuve le budget.",
             {"pour": 20, "contre": 5, "unanimite": False}),
            ("Objet : Budget. Le 12 janvier 2021, le conseil avait approuvé à l'unanimité le principe du projet. Le "
             "conseil adopte le budget par 20 voix pour et 5 contre.", {"pour": 20, "contre": 5, "unanimite": False}),
            ("Objet : Marché. Considérant que le jury a retenu à l'unanimité l'offre de la société Exemple. Le conseil, "
             "à la majorité, attribue le marché.", {"unanimite": False})):
        assert vote_of(text) == expected, text
    # The council's own unanimity, with no other vote after it, or after its visas, stays.
    for text in ("Objet : Budget. Le conseil municipal, réuni le 12 mars 2023, à l'unanimité, approuve le budget. "
                 "Après en avoir délibéré, le maire est autorisé à signer.",
                 "Objet : Budget. Vu l'exposé du rapporteur, à l'unanimité, DÉCIDE d'approuver le budget.",
                 "Objet : Budget. VU le code général des collectivités territoriales, LE CONSEIL MUNICIPAL, à "
                 "l'unanimité, DÉCIDE d'approuver le budget.",
                 "Objet : Budget. Adopté à l'unanimité. Après en avoir délibéré, le conseil rappelle que la majorité "
                 "absolue est requise."):
        assert vote_of(text) == {"unanimite": True}, text


def test_present_out_of_the_members_in_office():
    for line in ("Présents : 22 membres sur 29. Pouvoirs : 3. Absents : 4.",
                 "Le quorum est atteint avec 22 présents sur 29 conseillers. Pouvoirs : 3. Absents : 4."):
        assert counts(read_text(HEAD + line + BODY)) == (29, 22, 3, 25), line


def test_more_votes_than_votants_are_kept_below_the_gate():
    # 30 votes: more than the 28 votants, not more than the 33 members in office (then none is read).
    record = read_text(HEAD + "Membres en exercice : 33. Présents : 25. Votants : 28. Objet : Tarifs. Adopté par 27 "
                              "voix pour et 3 contre.")
    vote = record["deliberations"][0]["vote"]
    assert (vote["pour"]["valeur"], vote["contre"]["valeur"]) == (27, 3)
    assert max(vote["pour"]["confiance"], vote["contre"]["confiance"]) < 0.8
    assert "abstentions" not in vote


def test_counts_under_labels_in_inclusive_writing():
    for line in ("Membres en exercice : 27. Présent(e)s : 20. Représenté(e)s : 3. Votant(e)s : 23.",
                 "Membres en exercice : 27. Présents : 20. Procuration(s) : 3. Votant(s) : 23.",
                 "Membres en exercice : 27. Présent·e·s : 20. Procurations : 3. Votant·e·s : 23."):
        record = read_text(HEAD + line + BODY)
        assert counts(record) == (27, 20, 3, 23), line
        assert record["seance"]["presents"]["source"].startswith("Présent")


def test_present_and_represented_in_words_number_first():
    record = read_text(HEAD + "Le conseil, composé de vingt-sept membres en exercice, dont vingt-deux présents et cinq "
                              "représentés." + BODY)
    assert counts(record) == (27, 22, 5, 27)
    # Read loosely: when they do not add up to the members in office, neither is kept.
    short = read_text(HEAD + "Le conseil, composé de vingt-sept membres en exercice, dont vingt-deux présents et trois "
                             "représentés." + BODY)
    assert value(short["seance"].get("representes")) is None


def test_a_side_counted_in_votes_in_a_row_of_sides_left_blank():
    assert vote_of("Objet : Budget. Adoptée par 28 voix Unanimité Présents ou représentés 28 voix Exprimés 28 voix "
                   "Pour 28 voix Contre Abstention NPPV") == {"pour": 28, "unanimite": True}
    # Not in prose.
    assert vote_of("Objet : Budget. Le projet présenté pour 20 voix de majorité est retiré.") == {}


def test_the_first_vote_counted_is_not_overridden_by_a_later_item_s_unanimity():
    assert vote_of("Objet : Comptes. Vote : - Contre : 2 (Mme Anne PETIT et M. Luc MOREAU) - Pour : 25 - Approbation "
                   "du compte administratif. Le maire quitte la séance. Vote : pour à l'unanimité.") == {
        "pour": 25, "contre": 2, "unanimite": False}
    assert vote_of("Objet : Mode de scrutin. Vote : 27 voix pour. Ordre du jour 1. Voirie. Le conseil approuve à "
                   "l'unanimité.") == {"pour": 27}


def test_a_unanimity_already_cast_or_a_rule_recalled_is_not_this_vote():
    assert vote_of("Objet : Motion. Les élus ne souhaitent pas déposer de motion contre ce projet déjà voté à "
                   "l'unanimité. Vote de la motion : 25 votes pour / 2 abstentions.") == {
        "pour": 25, "abstentions": 2, "unanimite": False}
    assert vote_of("Objet : Élection des adjoints. Le maire a rappelé que les adjoints sont élus au scrutin secret de "
                   "liste à la majorité absolue. L'élection a lieu à la majorité relative au troisième tour.") == {}


def test_a_lone_count_for_after_the_word_vote():
    assert vote_of("Objet : Comptes. Vote des comptes de gestion 2020 : 15 pour.") == {"pour": 15}
    assert vote_of("Objet : Comptes. Le maire propose 15 pour cent de hausse.") == {}


ROLL = ("Présents : Jean DUPONT, Marie MARTIN, Paul DURAND, Anne PETIT. Absents excusés ayant donné pouvoir : "
        "Luc MOREAU (pouvoir à Jean DUPONT). Secrétaire de séance : Paul DURAND.")


def test_counts_printed_under_another_bodys_heading_are_not_the_meetings():
    # The meeting prints no count (its roll is a list of names); the commission whose minutes follow
    # in the same document prints its own, of another date: they are the commission's.
    for heading in ("COMMISSION DES FINANCES\nRéunion du 2 février 2023\n",
                    "\nBUREAU COMMUNAUTAIRE DU 12 MARS 2021\n",
                    "\nProcès-verbal de la séance du 3 octobre 2022\n"):
        record = read_text(HEAD + ROLL + BODY + "\n" + heading +
                           "Membres en exercice : 9\nPrésents : 7\nPouvoirs : 1\nVotants : 8\n")
        assert counts(record)[0] is None, heading
        assert counts(record)[1] != 7 and counts(record)[3] != 8, heading
        aside = rejected(record)
        assert "seance.presents" in aside and "autre réunion" in aside["seance.presents"], heading


def test_counts_printed_after_the_meeting_under_its_own_date_are_the_meetings():
    # A page header restating the meeting's own date, and a sentence that only mentions an earlier
    # meeting, do not end the meeting's counts printed at the foot of the extract.
    for between in ("\nCONSEIL MUNICIPAL DU 19 DÉCEMBRE 2023\n",
                    "\nLe compte rendu de la séance du 14 novembre 2023 est approuvé à l'unanimité.\n",
                    "\nAPPROBATION DU PROCÈS-VERBAL DE LA SÉANCE DU 14 NOVEMBRE 2023\nAdopté à l'unanimité.\n",
                    "\nProcès-verbal du conseil municipal du 14 novembre 2023 : pas d'observations.\n"):
        record = read_text(HEAD + ROLL + BODY + between +
                           "Membres en exercice : 9\nPrésents : 4\nPouvoirs : 1\nVotants : 5\n")
        assert counts(record) == (9, 4, 1, 5), between


def test_counts_printed_with_an_arrival_or_a_departure_are_not_the_openings():
    # The opening lists its roll (4 present, 1 proxy); a member who arrives later, or one who leaves,
    # changes the count from that item on: that count is the item's, set aside with its reason.
    for moment, present in (("Arrivée de Mme Claire ROUX à 20h15 (présents : 5, votants : 6).", 5),
                            ("Départ de M. Paul DURAND. Présents : 3 Votants : 4", 3),
                            ("M. Luc MOREAU rejoint la séance : présents : 5 ; votants : 6.", 5)):
        record = read_text(HEAD + ROLL + " Objet : Budget primitif. " + moment +
                           " Après en avoir délibéré, le conseil adopte à l'unanimité.")
        assert counts(record)[1] != present and counts(record)[3] not in (present + 1,), moment
        aside = rejected(record)
        assert "arrivée ou un départ" in aside.get("seance.presents", ""), moment


def test_counts_printed_without_a_moment_after_the_business_are_the_meetings():
    # The same counts printed at the foot of the extract, with no arrival nor departure, are the
    # meeting's.
    record = read_text(HEAD + ROLL + BODY + " Présents : 4 Pouvoirs : 1 Votants : 5")
    assert counts(record)[1:] == (4, 1, 5)


def test_a_second_extract_after_the_first_gives_none_of_its_attendance():
    # Two extracts in one file: the second opens with its heading, of another date, and prints its
    # counts and its roll before its own opening formula. The facts are the first meeting's.
    second = ("\n\nExtrait du registre des délibérations du Conseil Municipal Jeudi 21 MARS 2024 "
              "Nombre de conseillers : En exercice : 29 Présents : 21 Pouvoirs : 5 Votants : 26 "
              "Présents : Hugo BLANC, Inès NOIR, Jules VERT, Léa ROSE, Marc GRIS. "
              "L'an deux mille vingt-quatre, le 21 mars à 19h30, le conseil municipal s'est réuni.")
    record = read_text(HEAD + "Nombre de conseillers en exercice : 5. " + ROLL + BODY + second)
    assert counts(record) == (5, 4, 1, 5)
    assert "seance.votants" in rejected(record)


def test_a_second_extract_without_its_formula_first_lends_no_proxy_to_the_first():
    # The second extract's heading comes first, its proxies before its opening formula: they are
    # its own, and the first meeting, which notes none, has 4 present and 4 voting.
    second = ("\n\nProcès-verbal du Conseil Municipal Séance du lundi 13 février 2023 "
              "Absents ayant donné procuration : Zoé LEBRUN à Hugo BLANC, Inès NOIR à Jules VERT. "
              "L'an deux mille vingt-trois, le lundi 13 février, à dix-neuf heures, s'est réuni le conseil municipal.")
    record = read_text(HEAD + "Présents : Jean DUPONT, Marie MARTIN, Paul DURAND, Anne PETIT. "
                              "Secrétaire de séance : Paul DURAND." + BODY + second)
    assert counts(record)[1:] == (4, 0, 4)
    assert not record["seance"].get("pouvoirs")


def test_the_end_of_an_item_range_is_not_a_count_of_the_label_after_it():
    # « De la question 43 à la 45 Conseillers présents : 43 … »: 45 ends the range of items.
    for before in ("De la question 29 à la 41 Question 42 De la question 43 à la 45",
                   "Du point 1 au 12"):
        record = read_text(HEAD + before + " Conseillers présents : 20 Procurations : 3 Votants : 23" + BODY)
        assert counts(record)[1:] == (20, 3, 23), before


def test_counts_in_words_after_labels_without_colons():
    record = read_text(HEAD + "Nombre de membres en exercice vingt-sept Nombre de présents vingt Nombre de "
                              "procurations trois Nombre de votants vingt-trois" + BODY)
    assert counts(record) == (27, 20, 3, 23)
    # Words that write no number of at least two after a label give nothing (« un » is an article).
    record = read_text(HEAD + "Présents un tiers des membres. Votants les membres présents." + BODY)
    assert counts(record)[1] is None and counts(record)[3] is None
    # Without « nombre de », a bare label followed by words is no label/value pair: a flattened table's
    # first value, a verb's object.
    record = read_text(HEAD + "Conseillers en exercice Présents Procurations Votants vingt-sept 20 3 23. "
                              "La subvention représente cinquante-quatre pour cent du coût." + BODY)
    assert counts(record)[2] != 54 and counts(record)[3] != 27


def test_a_dash_for_the_colon_after_a_count_label_or_a_counted_heading():
    record = read_text(HEAD + "Nombre de conseillers municipaux - 9 Nombre de conseillers municipaux présents - 7 "
                              "Pouvoirs - 2 Votants - 9" + BODY)
    # The seats, read loosely, are kept as the members in office where the totals fill them.
    assert counts(record) == (9, 7, 2, 9)
    # « 4 membres étaient présents - Mme A, … » heads its list; « 4 présents - 1 pouvoir » is a run.
    record = read_text(HEAD + "4 membres du Bureau étaient présents - Jean DUPONT, Marie MARTIN, Paul DURAND, "
                              "Anne PETIT." + BODY)
    assert counts(record)[1] == 4 and record["seance"]["presents"]["confiance"] >= SEUIL


def test_a_page_number_before_a_count_word_is_not_a_count():
    # « Page 1/5 44 PRÉSENTS : … »: a page footer, then a header line of digits, then the list's head.
    record = read_text(HEAD + "Page 1/5 44 PRÉSENTS : Jean DUPONT, Marie MARTIN, Paul DURAND, Anne PETIT." + BODY)
    assert counts(record)[1] != 44


def test_counts_in_words_in_a_row_of_values_are_no_labels_values():
    record = read_text(HEAD + "Nombre de conseillers en exercice Nombre de présents Nombre de votants "
                              "vingt-sept 20 23" + BODY)
    assert counts(record)[3] != 27


def test_a_second_extracts_register_heading_before_its_counts_and_its_dated_title():
    # « EXTRAIT DU REGISTRE … Nombre de présents : 11 … Séance du vendredi 9 mai 2008 »: the second
    # extract begins at its register heading, before its counts; its dated title comes after them.
    second = ("\nEXTRAIT DU REGISTRE DES DELIBERATIONS DU CONSEIL MUNICIPAL\nNombre de conseillers en exercice : 15\n"
              "Nombre de présents : 11\nNombre d'exprimés : 14 dont 3 pouvoirs\nSéance du vendredi 09 mai 2008\n"
              "L'an deux mil huit le neuf mai, à dix-neuf heures, le Conseil Municipal s'est réuni.")
    record = read_text(HEAD + ROLL + BODY + second)
    assert counts(record)[:2] == (None, 4)


def test_another_meetings_convocation_letter_and_an_agenda_item_quoting_an_earlier_meeting():
    # A convocation letter to another meeting annexed: what follows is not this meeting's attendance.
    letter = (" Objet : Convocation à la séance du Conseil Municipal du 26 juin 2024 Cher(e) collègue, "
              "Présents : 12 Pouvoirs : 3")
    record = read_text(HEAD + ROLL + BODY + letter)
    assert counts(record)[1:3] == (4, 1)
    # « 1/ COMPTE-RENDU Compte-rendu de la séance du … »: an item of this meeting; its counts printed at
    # the foot after it are still the meeting's.
    item = " 1/ COMPTE-RENDU Compte-rendu de la séance du Conseil Municipal du 22 avril 2023 Présents : 4 Votants : 5"
    record = read_text(HEAD + ROLL + BODY + item)
    assert counts(record)[1] == 4 and counts(record)[3] == 5


def test_a_page_number_before_another_meetings_heading_is_no_agenda_item():
    second = ("\n\nCommune de Saint-Autre CM du 16 février 2010\n- 1 -\nCOMPTE-RENDU\nCONSEIL MUNICIPAL DU 16 FEVRIER 2010\n"
              "Nombre de Conseillers en exercice : 17\nPrésents : 14\nVotants : 16\nProcurations : 2\n"
              "L'an deux mil dix, le seize février, à vingt heures, le Conseil Municipal s'est réuni.")
    record = read_text(HEAD + ROLL + BODY + second)
    assert counts(record)[1:] == (4, 1, 5)


def test_the_number_of_an_item_of_a_dashed_list_is_no_count():
    # « Procurations : 1- Mme A à M. B 2- M. C à Mme D »: 1 numbers the first proxy.
    for mark in ("1- ", "1 - ", "1 – "):
        text = (HEAD + f"Membres en exercice : 15. Présents : 11. Procurations : {mark}Mme Anne PETIT à M. Paul ROUX "
                + mark.replace("1", "2") + "M. Luc NOIR à Mme Eve BLANC. Votants : 13. Objet : Budget.")
        seance = read_text(text)["seance"]
        assert value(seance.get("representes")) == 2, (mark, seance.get("representes"))
    # A count followed by a dash and the next label is a count.
    seance = read_text(HEAD + "Présents : 12 - Procurations : 1 - Votants : 13 - Objet : Budget.")["seance"]
    assert value(seance["representes"]) == 1 and seance["representes"]["confiance"] >= SEUIL


def test_the_label_after_a_presents_with_its_own_number_is_a_count_of_its_own():
    # « 18/27 présents, Pouvoirs : 3 »: not « présents, pouvoirs : 3 » together.
    for text in ("18/27 présents, Pouvoirs : 3 Votants : 21", "18 conseillers présents - Pouvoirs : 3 Votants : 21"):
        seance = read_text(HEAD + text + ". Objet : Budget.")["seance"]
        assert seance["representes"]["source"].startswith("Pouvoirs"), seance["representes"]
        assert value(seance["representes"]) == 3 and value(seance["presents"]) == 18


def test_absents_printed_in_the_feminine_confirm_the_presents():
    # « Absentes excusées : 4 » counts the absent as « Absents excusés : 4 » does: 5 + 4 = 9 in office.
    for label in ("Absents, excusées", "Absentes excusées", "Absents excusés"):
        seance = read_text(HEAD + f"En exercice : 9 - Présents : 5 - {label} : 4 - Votants : 6. Objet : Budget.")["seance"]
        assert seance["presents"]["confiance"] >= SEUIL, (label, seance["presents"])


def test_the_minutes_of_a_time_before_the_list_heading_are_no_count():
    # « Réunion du 28 février 2007 à 19 h 30 Etaient présents : … »: 30 is the time's minutes.
    for when in ("à 19 h 30\n", "à 19h30\n", "à dix-neuf heures trente\n"):
        text = (f"Commune de Saint-Exemple. Réunion du conseil municipal du 28 février 2007 {when}Etaient présents :\n"
                "M. Jean DUPONT\nMme Anne MARTIN\nM. Paul ROUX\nObjet : Budget. Adopté à l'unanimité.")
        seance = read_text(text)["seance"]
        assert value(seance.get("presents")) in (None, 3), (when, seance.get("presents"))
    # A count stated in its own clause after the time is still read.
    seance = read_text(HEAD + "A 19 h 30, 18 conseillers étaient présents ; 2 avaient donné pouvoir. "
                              "Objet : Budget.")["seance"]
    assert value(seance["presents"]) == 18


def test_the_presents_are_the_votants_less_the_proxies_when_only_those_are_printed():
    # « Votants : 16 dont 2 pouvoirs », no number present and no list: each member present votes once and
    # each proxy once, so 14 present — a difference, not a print, below the gate.
    seance = read_text(HEAD + "Membres en exercice : 19. Votants : 16 dont 2 pouvoirs." + BODY)["seance"]
    assert value(seance["presents"]) == 14 and seance["presents"]["confiance"] < SEUIL
    assert seance["presents"]["source"].startswith("calculé : votants (16) − représentés (2)")
    # Printed, the number present is read as printed, never replaced by the difference.
    seance = read_text(HEAD + "Membres en exercice : 19. Présents : 13. Votants : 16 dont 2 pouvoirs." + BODY)["seance"]
    assert value(seance.get("presents")) != 14


def test_votants_split_in_brackets_after_their_own_word():
    # After the meeting's date in a header (« … 2023 16 votants »), the loose reading of « 16 votants » takes the
    # year for the end of a row of values; the split in brackets checks itself (14 + 2 = 16).
    for text in ("Séance du 19 décembre 2023\n16 votants (14 présents et 2 procurations) sur 19 membres en exercice.",
                 "Membres en exercice : 19. Votants : 16 (soit 14 présents + 2 pouvoirs)."):
        seance = read_text(HEAD + text + BODY)["seance"]
        assert counts({"seance": seance}) == (19, 14, 2, 16), text
        assert all(seance[k]["confiance"] >= SEUIL for k in ("presents", "representes", "votants")), text
    # Parts that do not add up to the votants are not read as a split.
    seance = read_text(HEAD + "16 votants (13 présents et 2 procurations)." + BODY)["seance"]
    assert not (value(seance.get("presents")) == 13 and seance["presents"]["confiance"] >= SEUIL)


def test_a_count_written_number_first_does_not_lend_its_noun_to_the_next_clause():
    # « compte 19 membres en exercice ; 14 sont présents »: 14 is the number present, not the members in office.
    seance = read_text(HEAD + "Le conseil compte 19 membres en exercice ; 14 sont présents et 2 sont représentés."
                       + BODY)["seance"]
    assert counts({"seance": seance}) == (19, 14, 2, 16)
    # A semicolon standing for the colon of a label keeps the label's value (« Nombre de présents ; 14 »).
    seance = read_text(HEAD + "Nombre de conseillers en exercice ; 19 Nombre de présents ; 14 Nombre de pouvoirs ; 2 "
                              "Nombre de votants ; 16." + BODY)["seance"]
    assert counts({"seance": seance}) == (19, 14, 2, 16)


def test_no_proxy_printed_in_words_is_none_represented():
    for none in ("Pouvoirs : néant", "Procurations : aucune", "Pouvoir(s) : Néant", "Membres représentés : aucun"):
        seance = read_text(HEAD + f"En exercice : 19. Présents : 14. {none}." + BODY)["seance"]
        assert value(seance.get("representes")) == 0, none
        assert value(seance.get("votants")) == 14, none
    # « aucun » opening a phrase about something else is no count of proxies.
    seance = read_text(HEAD + "En exercice : 19. Présents : 14. Pouvoirs : aucun de ceux donnés n'est valable." + BODY)
    assert value(seance["seance"].get("representes")) != 0


def test_members_in_office_read_loosely_stay_below_the_gate_when_they_leave_room_for_the_others():
    # « Effectif du conseil : 19 » is read loosely (the legal size is sometimes printed so); nothing adds up
    # to it (14 + 2 and no absent named), but it holds the présents and the votants: kept, below the gate.
    seance = read_text(HEAD + "Effectif du conseil : 19. Présents : 14. Votants : 16." + BODY)["seance"]
    assert value(seance["membres_en_exercice"]) == 19 and seance["membres_en_exercice"]["confiance"] < SEUIL
    # « composé de 5 membres » (a commune déléguée's council) cannot hold 14 present: set aside.
    record = read_text(HEAD + "Le conseil communal est composé de 5 membres. Présents : 14. Votants : 16." + BODY)
    assert value(record["seance"].get("membres_en_exercice")) is None
    assert "seance.membres_en_exercice" in rejected(record)
    # With no other count to hold, nothing vouches for it: set aside as before.
    record = read_text(HEAD + "Effectif du conseil : 19." + BODY)
    assert value(record["seance"].get("membres_en_exercice")) is None


def test_flattened_columns_held_by_the_members_in_office_printed_just_before():
    # « Nombre de délégués en exercice : 54 » printed with its value, then the other columns flattened labels
    # first: présents ≤ votants ≤ en exercice pairs them, as when the three are in the table.
    text = ("Nombre de délégués en exercice : 54 Nombre de présents Nombre de votants 31 33 M. Pierre DUVAL a été "
            "nommé secrétaire de séance.")
    seance = read_text(HEAD + text + BODY)["seance"]
    assert counts({"seance": seance})[1:] == (31, 2, 33)
    assert seance["votants"]["confiance"] >= SEUIL
    # Columns that the members in office cannot hold (more votants than seats) are not paired so.
    seance = read_text(HEAD + text.replace(": 54", ": 32") + BODY)["seance"]
    assert not (value(seance.get("votants")) == 33 and seance["votants"]["confiance"] >= SEUIL)


def test_a_list_counted_that_leaves_out_a_proxy_s_holder_is_not_the_attendance():
    # The roll in three headings: the names reader and the count take the suppléants' alone, which
    # leaves out Mme BOUSQUET and M. CASTEX, who hold proxies and so sit (L2121-20).
    text = ("SYNDICAT INTERCOMMUNAL DES EAUX DE LA VALLÉE D'EXEMPLE. Procès-verbal du comité syndical. "
            "Les membres du comité syndical se sont réunis le 14 mars 2022, à 18h00, à la salle des fêtes. Présents\n"
            "Délégués titulaires : M. Paul ARNAUDIN, Mme Claire BOUSQUET, M. Henri CASTEX, Mme Julie DARRIEU, "
            "M. Marc ESTRADE,\nDélégués suppléants avec voix délibérative : Mme Lucie FABRE, M. Louis GARROS, "
            "M. Denis HOURCADE,\nDélégués représentés par pouvoir : M. Jean IBARRA à Mme Claire BOUSQUET, "
            "Mme Anne JAUREGUY à M. Henri CASTEX,\nDélégués absents excusés : M. Pierre LABORDE, Mme Sophie "
            "MENDIBURU.\nSecrétaire de séance : M. Marc ESTRADE" + BODY)
    record = read_text(text)
    # Not the three names as an exact count: bounds around them at most, which say why, below the gate.
    presents = record["seance"].get("presents") or {}
    assert value(presents) in (None, 8)
    assert value(presents) == 8 or "tient un pouvoir" in presents.get("source", "")


_ROLL_HEAD = ("Commune de Saint-Exemple. Extrait du registre des délibérations du conseil municipal. "
              "L'an deux mille vingt-trois, le 19 décembre à 18h45, le conseil municipal s'est réuni à la mairie, "
              "sous la présidence de Madame Claire FONTAINE, Maire. ")
_ROLL_BODY = " Secrétaire de séance : Paul DURAND. Objet : Budget primitif. Après en avoir délibéré, le conseil adopte."


def test_proxy_pairs_set_aside_for_a_holder_left_off_the_roll_keep_their_number():
    record = read_text(_ROLL_HEAD + "Présents : Claire FONTAINE, Paul DURAND, Jean DUPONT, Marie MARTIN, Luc BLANC. "
                                    "Absents excusés : Anne PETIT (pouvoir à Marc NOIR), Louis ROUX (pouvoir à Jean "
                                    "DUPONT)." + _ROLL_BODY)
    # « Marc NOIR » holds a proxy but is not on the roll: who gave to whom is in doubt, not that two gave.
    assert "seance.pouvoirs" in rejected(record)
    assert value(record["seance"]["representes"]) == 2
    assert record["seance"]["representes"]["confiance"] < SEUIL
    assert schema_errors(record) == []


def test_proxy_pairs_whose_giver_is_on_the_roll_go_with_their_number():
    record = read_text(_ROLL_HEAD + "Présents : Claire FONTAINE, Paul DURAND, Jean DUPONT, Marie MARTIN, Luc BLANC, "
                                    "Anne PETIT. Absents excusés : Anne PETIT (pouvoir à Marc NOIR), Louis ROUX "
                                    "(pouvoir à Jean DUPONT)." + _ROLL_BODY)
    # A giver read present: she may have come in after giving her proxy, and the number at the opening is unsure.
    assert "representes" not in record["seance"]
    assert "seance.representes" in rejected(record)


def test_proxy_pairs_whose_holder_is_read_absent_keep_their_number():
    record = read_text(_ROLL_HEAD + "Présents : Claire FONTAINE, Paul DURAND, Jean DUPONT, Marie MARTIN, Luc BLANC. "
                                    "Absents excusés : Anne PETIT (pouvoir à Marc NOIR), Louis ROUX (pouvoir à Jean "
                                    "DUPONT). Absent : Marc NOIR." + _ROLL_BODY)
    # The holder read among the absent puts the lists in doubt, not that two members gave a proxy.
    assert "lu absent et mandataire" in rejected(record)["seance.pouvoirs"]
    assert value(record["seance"]["representes"]) == 2
    assert record["seance"]["representes"]["confiance"] < SEUIL
    assert schema_errors(record) == []


def test_proxy_pairs_with_a_proxy_word_outside_them_go_with_their_number():
    record = read_text(_ROLL_HEAD + "Présents : Claire FONTAINE, Paul DURAND, Jean DUPONT, Marie MARTIN, Luc BLANC. "
                                    "Absents excusés : Anne PETIT (pouvoir à Marc NOIR), Sophie VERT (pouvoir à Jean "
                                    "DUPONT), Louis ROUX par Luc BLANC." + _ROLL_BODY)
    # « Louis ROUX par Luc BLANC » may be a third pair not read: the two read may be one short.
    assert "hors d'un pouvoir lu" in rejected(record)["seance.pouvoirs"]
    assert "representes" not in record["seance"]
    assert "seance.representes" in rejected(record)


_EIGHT = "Claire FONTAINE, Paul DURAND, Jean DUPONT, Marie MARTIN, Luc BLANC, Anne PETIT, Louis ROUX, Sophie VERT"


def test_a_roll_read_whole_is_counted_exactly_below_the_gate():
    record = read_text(_ROLL_HEAD + f"Présents : {_EIGHT}." + _ROLL_BODY)
    assert value(record["seance"]["presents"]) == 8
    assert record["seance"]["presents"]["confiance"] < SEUIL


def test_a_roll_that_names_one_of_the_staff_gives_no_exact_count():
    # The staff who assist the council are no members (L2121-15): « Julie GRIS » is not one of the
    # members present, and the names reader counts her.
    for staff in ("Mme Julie GRIS (DGS)", "Mme Julie GRIS, secrétaire de mairie",
                  "Mme Julie GRIS, directrice générale des services"):
        record = read_text(_ROLL_HEAD + f"Présents : {_EIGHT}, {staff}." + _ROLL_BODY)
        presents = record["seance"].get("presents") or {}
        assert value(presents) != 9, staff
        assert "valeur" not in presents or presents["valeur"] == 8, staff


def test_the_staff_listed_apart_after_the_roll_leave_its_count_alone():
    record = read_text(_ROLL_HEAD + f"Présents : {_EIGHT}. Assistaient également : Mme Julie GRIS, directrice "
                                    "générale des services, M. Hugo BRUN, secrétaire de mairie." + _ROLL_BODY)
    assert value(record["seance"]["presents"]) == 8


def test_suppleants_without_a_vote_are_not_counted_present():
    # Suppléants « sans voix délibérative » sit beside their titulaires and do not vote.
    record = read_text(_ROLL_HEAD + f"Présents : {_EIGHT}. Suppléants présents sans voix délibérative : Julie GRIS, "
                                    "Hugo BRUN." + _ROLL_BODY)
    presents = record["seance"].get("presents") or {}
    assert value(presents) != 10
    assert "valeur" not in presents or presents["valeur"] == 8
    assert presents.get("min", 8) <= 8 <= presents.get("max", 8)


def test_suppleants_who_sit_for_a_titulaire_are_counted_present():
    record = read_text(_ROLL_HEAD + f"Présents : {_EIGHT}. Suppléants siégeant pour un titulaire : Julie GRIS "
                                    "(pour Marc NOIR)." + _ROLL_BODY)
    presents = record["seance"].get("presents") or {}
    assert value(presents) in (None, 9)
    assert presents.get("min", 9) <= 9 <= presents.get("max", 9)


def test_members_elected_are_read_as_the_seats_below_the_gate():
    for label in ("Membres élus : 19", "Conseillers élus : 19", "Nombre de membres élus : 19"):
        record = read_text(_ROLL_HEAD + f"{label} - Présents : 15 - Pouvoirs : 2 - Votants : 17." + _ROLL_BODY)
        office = record["seance"]["membres_en_exercice"]
        assert office["valeur"] == 19, label
        # Vacant seats are not filled: the members in office are at most 19, never a ground to accuse.
        assert office["confiance"] < SEUIL, label


def test_the_legal_size_alone_bounds_the_members_in_office_below_the_gate():
    for label in ("Membres afférents au conseil : 19", "Effectif légal du conseil : 19"):
        record = read_text(_ROLL_HEAD + f"{label}. Présents : 15. Votants : 17." + _ROLL_BODY)
        assert value(record["collectivite"]["effectif_legal"]) == 19, label
        office = record["seance"]["membres_en_exercice"]
        assert office["valeur"] == 19, label
        assert office["confiance"] < SEUIL, label
        assert "le plus que les membres en exercice puissent être" in office["source"], label
        assert schema_errors(record) == [], label


def test_a_legal_size_the_counts_exceed_bounds_nothing():
    record = read_text(_ROLL_HEAD + "Effectif légal du conseil : 15. Présents : 17. Pouvoirs : 2. Votants : 19."
                       + _ROLL_BODY)
    assert "membres_en_exercice" not in record["seance"]


def test_a_legal_size_that_the_members_fill_is_the_members_in_office():
    record = read_text(_ROLL_HEAD + "Membres afférents au conseil : 19 Présents : 15 Pouvoirs : 2 Absents : 2 "
                                    "Votants : 17" + _ROLL_BODY)
    office = record["seance"]["membres_en_exercice"]
    assert office["valeur"] == 19
    assert "= effectif légal" in office["source"]


def test_a_quorum_against_the_legal_size_is_met_or_undecided_never_missed(engine):
    from checker.findings import CONFORME, NON_CONFORME
    from checker.record import build_record
    met = read_text(_ROLL_HEAD + "Effectif légal du conseil : 19. Présents : 15. Votants : 17." + _ROLL_BODY)
    short = read_text(_ROLL_HEAD + "Effectif légal du conseil : 19. Présents : 9. Votants : 11." + _ROLL_BODY)
    quorum = {f.regle: f.statut for f in engine.check(build_record(met, "x"))}
    assert quorum["L2121-17.quorum"] == CONFORME
    # 9 of at most 19: the members in office may be 17 (two seats vacant), and 9 is then the quorum.
    quorum = {f.regle: f.statut for f in engine.check(build_record(short, "x"))}
    assert quorum["L2121-17.quorum"] != NON_CONFORME


def test_a_member_the_roll_says_left_during_the_meeting_is_counted_at_the_opening():
    # Counted at the opening (L2121-17): « (jusqu'à 21h45) » sat then; the names reader, which leaves a
    # member present for part of the meeting out of its count, and the roll differ by him alone.
    record = read_text(_ROLL_HEAD + f"Présents : {_EIGHT}, Julie GRIS (jusqu'à 21h45). Pouvoirs : Marc NOIR à "
                                    "Paul DURAND. Absents : Hugo BRUN, Julie GRIS (à partir de 21h45)." + _ROLL_BODY)
    assert value(record["seance"]["presents"]) == 9
    assert value(record["seance"]["votants"]) == 10
    assert record["seance"]["presents"]["confiance"] < SEUIL


def test_a_member_the_roll_says_arrived_later_is_not_counted_at_the_opening():
    record = read_text(_ROLL_HEAD + f"Présents : {_EIGHT}, Julie GRIS (arrivée à 21h). Pouvoirs : Marc NOIR à "
                                    "Paul DURAND. Absents : Hugo BRUN." + _ROLL_BODY)
    presents = record["seance"]["presents"]
    assert value(presents) in (None, 8)
    assert presents.get("min", 8) <= 8 <= presents.get("max", 8)


_DELEGATES = ("Comité syndical du Syndicat intercommunal des eaux de la Vallée Exemple. Extrait du registre. "
              "L'an deux mille vingt-quatre, le 12 mars à 18h00, le comité syndical s'est réuni à la salle des fêtes, "
              "sous la présidence de Monsieur Henri MOREL, Président. Étaient présents : M. MOREL (Aubin), "
              "Mme FAURE (Belcour), M. GARNIER (Castel), M. LEROUX (Daumas), Mme PERRIN (Estival), ")


def test_two_members_of_one_surname_told_apart_by_their_communes_are_two():
    record = read_text(_DELEGATES + "M. RIVIERE (Fontane), M. RIVIERE (Granges), Mme COLIN (Hautpré). Pouvoirs : "
                                    "M. BARON (Issy) à Mme FAURE. Secrétaire de séance : Mme COLIN. Objet : Budget "
                                    "primitif. Après en avoir délibéré, le comité adopte.")
    presents = record["seance"]["presents"]
    assert value(presents) == 8
    assert presents["confiance"] < SEUIL
    assert value(record["seance"]["votants"]) == 9


def test_a_name_written_twice_with_no_commune_to_tell_them_apart_gives_no_exact_count():
    record = read_text(_DELEGATES + "M. RIVIERE, M. RIVIERE, Mme COLIN (Hautpré). Pouvoirs : M. BARON (Issy) à "
                                    "Mme FAURE. Secrétaire de séance : Mme COLIN. Objet : Budget primitif. Après en "
                                    "avoir délibéré, le comité adopte.")
    presents = record["seance"].get("presents") or {}
    assert value(presents) is None
    assert presents.get("min", 7) <= 8 <= presents.get("max", 8)


def test_the_heading_of_a_remark_after_the_roll_is_no_member():
    # Counted at the opening (L2121-17): the member the remark names sat then.
    record = read_text(_ROLL_HEAD + f"Présents : {_EIGHT}. Précision : Madame Julie GRIS présente en début de séance a "
                                    "quitté la salle en cours de séance Absents excusés : Monsieur Hugo BRUN."
                       + _ROLL_BODY)
    presents = record["seance"]["presents"]
    assert value(presents) == 9
    assert presents["confiance"] < SEUIL


def test_another_heading_inside_the_roll_still_leaves_it_unsure():
    # « Invités : » is no remark: who follows may be no member, so the roll gives no exact count.
    record = read_text(_ROLL_HEAD + f"Présents : {_EIGHT}. Invités : Madame Julie GRIS." + _ROLL_BODY)
    assert value(record["seance"].get("presents")) != 9
