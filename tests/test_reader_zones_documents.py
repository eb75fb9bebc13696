"""Document-level zones: a file that joins another meeting's text after this one (a second extract,
an annexed procès-verbal) gives none of that text's facts to this meeting — its body, its votes,
its stamps are read in this meeting's own block."""
from reader_support import schema_errors, value

from checker.reader import read_text

FILLER = " ".join(["Le conseil municipal examine le rapport présenté par la commission des finances."] * 14)

FIRST = ("Extrait du registre des délibérations du conseil municipal. Le 12 mars 2024 à 20 h 00, le conseil "
         "municipal, dûment convoqué, s'est réuni sous la présidence de M. Paul EXEMPLE, Maire. Présents : "
         "M. Paul EXEMPLE, Mme Anne MODELE, M. Luc TEMOIN. Secrétaire de séance : Mme Anne MODELE. " + FILLER +
         " Délibération n° 2024-01 : Rapport d'activité. Le conseil municipal prend acte du rapport. ")
SECOND = ("COMMUNE DE SAINT-AUTRE Extrait du registre des délibérations. L'an deux mille vingt-trois, le cinq "
          "décembre à dix-huit heures, le conseil municipal de la commune de Saint-Autre s'est réuni. Présents : "
          "M. Jean AUTRE, Mme Lise AUTRE. Délibération n° 2023-40 : Tarifs. Après en avoir délibéré, par 12 voix "
          "pour et 3 contre, le conseil adopte. Affiché le 08/12/2023. Reçu en préfecture le 11/12/2023.")


def read(text):
    record = read_text(text)
    assert schema_errors(record) == []
    return record


def test_a_second_extract_joined_after_the_first_gives_it_neither_its_body_nor_its_vote_nor_its_stamps():
    record = read(FIRST + SECOND)
    assert value(record["seance"]["date"]) == "2024-03-12"
    assert "saint-autre" not in str(value(record.get("collectivite", {}).get("nom"))).lower()
    votes = [d.get("vote", {}) for d in record.get("deliberations", [])]
    assert not any(value(v.get("pour")) == 12 or value(v.get("contre")) == 3 for v in votes)
    stamps = [d.get(section, {}) for d in record.get("deliberations", []) for section in ("publicite", "transmission")]
    assert not any("2023-12" in str(stamp) for stamp in stamps)


def test_the_second_extract_read_alone_gives_them_all():
    # The same text read alone: its facts are read, so the test above tells a zone apart, not a miss.
    record = read(SECOND)
    assert value(record["seance"]["date"]) == "2023-12-05"
    votes = [d.get("vote", {}) for d in record.get("deliberations", [])]
    assert any(value(v.get("pour")) == 12 and value(v.get("contre")) == 3 for v in votes)
    assert any("2023-12-08" in str(d.get("publicite", {})) for d in record["deliberations"])


def test_a_deliberation_cited_in_capitals_opens_no_act_of_its_own():
    # « VU LA DÉLIBÉRATION 02/2016 DU 03/02/2016 » in a text set in capitals cites another act, as
    # « Vu la délibération 02/2016 » does in lower case: the minutes' first vote stays the approval.
    text = ("COMMUNE DE SAINT-EXEMPLE. Le 12 mars 2024 à 20 h, le conseil municipal s'est réuni. Présents : "
            "M. Paul EXEMPLE. Le compte rendu du conseil municipal du 13 février 2024 est approuvé à l'unanimité. "
            "Vu la délibération 02/2016 du 03/02/2016 fixant les tarifs, le conseil municipal décide de les "
            "maintenir. Délibération adoptée par 14 voix pour.")
    for variant in (text, text.upper()):
        record = read(variant)
        first = record["deliberations"][0]
        assert "numero" not in first or "2016" not in first["numero"]
        assert value(first["vote"]["unanimite"]) is True


REPRODUCED = ("Procès-verbal de la séance du 5 février 2024 soumis à approbation : L'an deux mille vingt-quatre, le "
              "cinq février à dix-huit heures, le conseil municipal s'est réuni sous la présidence de M. Jean ANCIEN. "
              "Présents : M. Jean ANCIEN, Mme Rose ANCIENNE. Secrétaire de séance : Mme Rose ANCIENNE. Le conseil "
              "adopte le budget par 9 voix pour et 2 contre. Fin du procès-verbal de la séance du 5 février 2024. ")
OWN = ("Le 12 mars 2024 à 20 h 00, le conseil municipal, dûment convoqué, s'est réuni sous la présidence de "
       "M. Paul EXEMPLE, Maire. Présents : M. Paul EXEMPLE, Mme Anne MODELE, M. Luc TEMOIN. Secrétaire de séance : "
       "Mme Anne MODELE. Délibération n° 2024-01 : le procès-verbal est approuvé à l'unanimité.")


def test_minutes_reproduced_for_approval_before_the_formula_give_none_of_this_meeting_s_facts():
    record = read("COMMUNE DE SAINT-EXEMPLE " + REPRODUCED + OWN)
    seance = record["seance"]
    assert value(seance["date"]) == "2024-03-12"
    assert seance["heure"] == "20:00"
    assert seance.get("secretaires") == ["Anne MODELE"]
    assert "ANCIEN" not in str(value(seance.get("president")))
    assert value(record["deliberations"][0]["vote"]["unanimite"]) is True


def test_minutes_approved_later_keep_their_only_formula():
    # The document is itself the procès-verbal, published once a later meeting approved it.
    record = read("COMMUNE DE SAINT-EXEMPLE Procès-verbal de la séance du 12 mars 2024 soumis à approbation. " + OWN)
    assert value(record["seance"]["date"]) == "2024-03-12"
    assert record["seance"].get("secretaires") == ["Anne MODELE"]


def test_a_later_meeting_joined_after_this_one_that_approves_its_minutes_does_not_unseat_it():
    # The second extract approves the first meeting's minutes: it names the first meeting's day
    # after the first formula, which stays the meeting's.
    later = ("Extrait du registre. L'an deux mille vingt-quatre, le neuf avril, le conseil municipal s'est réuni. "
             "Présents : M. Paul EXEMPLE. Approbation du procès-verbal de la séance du 12 mars 2024 : adopté à "
             "l'unanimité.")
    record = read(FIRST + later)
    assert value(record["seance"]["date"]) == "2024-03-12"


HEADER = "COMMUNE DE SAINT-EXEMPLE EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS"
FORMULA = ("L'an deux mille vingt-quatre, le douze mars à vingt heures, le conseil municipal, dûment convoqué, "
           "s'est réuni. Présents : M. Paul EXEMPLE, Mme Anne MODELE. Délibération n° 2024-01 : Tarifs. "
           "Adopté à l'unanimité.")
STAMP = ["Envoyé en préfecture le 20/03/2024", "Reçu en préfecture le 20/03/2024",
         "ID : 035-213500000-20240312-DEL2024_01-DE"]


def test_page_furniture_inside_the_formula_is_skipped_on_one_line_and_on_lines():
    cut = FORMULA.index(" le douze mars")
    one_line = HEADER + " " + FORMULA[:cut] + " Page 2/4 " + HEADER + FORMULA[cut:]
    lines = HEADER + "\n" + FORMULA[:cut] + "\nPage 2/4\n" + HEADER + "\n" + FORMULA[cut + 1:]
    for text in (one_line, lines):
        record = read(text)
        assert value(record["seance"]["date"]) == "2024-03-12"
        assert record["seance"]["heure"] == "20:00"


def test_a_stamp_that_cuts_the_formula_is_moved_after_the_sentence_and_still_read():
    cut = FORMULA.index(" le douze mars")
    one_line = HEADER + " " + FORMULA[:cut] + " " + " ".join(STAMP) + FORMULA[cut:]
    lines = HEADER + "\n" + FORMULA[:cut] + "\n" + "\n".join(STAMP) + "\n" + FORMULA[cut + 1:]
    for text in (one_line, lines):
        record = read(text)
        assert value(record["seance"]["date"]) == "2024-03-12"
        transmission = record["deliberations"][0]["transmission"]
        assert value(transmission["date_reception"]) == "2024-03-20"
        assert transmission["identifiant_actes"] == STAMP[2].split(": ")[1]


def test_another_act_s_identifier_dated_another_day_is_set_aside():
    other = "Reçu en préfecture le 02/01/2024 ID : 035-213500000-20231215-CONV12-DE"
    record = read(HEADER + " " + FORMULA + " " + other)
    for entry in record.get("deliberations", []):
        assert "identifiant_actes" not in entry.get("transmission", {})
    aside = [r for r in record["lecture"]["rejetees"] if r["champ"] == "transmission.identifiant_actes"]
    assert aside and "autre jour" in aside[0]["raison"]


def test_a_vote_box_above_the_heading_that_another_count_in_the_act_s_zone_contradicts_gives_neither():
    box = "Votants : 63 - Pour : 62 - Contre : 1 - Abstentions : 0 "
    act = ("DÉLIBÉRATION n° 2022/174 L'an deux mille vingt-deux, le 22 novembre à 18 heures, le conseil "
           "communautaire s'est réuni. Objet : Tarifs. Le conseil adopte.")
    record = read("Communauté de communes de l'Exemple " + box + act + " Pour : 60 - Contre : 1 - Abstention : 0")
    vote = record["deliberations"][0].get("vote", {})
    assert "pour" not in vote and "contre" not in vote
    assert any(r["champ"] == "deliberations[0].vote" for r in record["lecture"]["rejetees"])
    # The box alone is the act's vote.
    record = read("Communauté de communes de l'Exemple " + box + act)
    assert value(record["deliberations"][0]["vote"]["pour"]) == 62
    # A later numbered item that restates its own attendance ends the act's zone (test_reader_zones_points.py):
    # its count is its own, contradicts nothing of the act's, and the box is the act's vote.
    later = " 12. Questions diverses : locaux. Départ de deux conseillers. Pour : 60 - Contre : 1 - Abstention : 0"
    record = read("Communauté de communes de l'Exemple " + box + act + later)
    assert value(record["deliberations"][0]["vote"]["pour"]) == 62


TARIFS = "Le 12 mars 2024, le conseil municipal s'est réuni. Présents : M. Paul EXEMPLE. Objet : Tarifs. "


def test_vote_labels_whose_colon_became_a_dash_are_read_and_a_dash_alone_is_still_none():
    record = read(TARIFS + "Votes - pour - 21 ; contre - 2 ; abstention - 1. Le conseil adopte.")
    vote = record["deliberations"][0]["vote"]
    assert (value(vote["pour"]), value(vote["contre"]), value(vote["abstentions"])) == (21, 2, 1)
    record = read(TARIFS + "Pour : 20 Contre : - Abstention : - Le conseil adopte.")
    vote = record["deliberations"][0]["vote"]
    assert (value(vote["pour"]), value(vote["contre"])) == (20, 0)


def test_vote_labels_with_their_values_in_words_are_read_and_never_given_to_the_next_label():
    record = read(TARIFS + "Pour : vingt-huit Contre : zéro Abstention : deux Vu le code. Le conseil adopte.")
    vote = record["deliberations"][0]["vote"]
    # « vingt-huit Contre » is the value of « Pour », never 28 against.
    assert (value(vote["pour"]), value(vote["contre"]), value(vote["abstentions"])) == (28, 0, 2)
    record = read(TARIFS + "Votes : pour : vingt et un ; contre : zéro ; abstention : zéro. Le conseil adopte.")
    vote = record["deliberations"][0]["vote"]
    assert (value(vote["pour"]), value(vote["unanimite"])) == (21, True)


EARLIER = ("Procès-verbal de la séance du 5 février 2024 soumis à approbation : L'an deux mille vingt-quatre, le cinq "
           "février à dix-huit heures, le conseil municipal s'est réuni sous la présidence de M. Jean ANCIEN. Présents : "
           "M. Jean ANCIEN, Mme Rose ANCIENNE. Secrétaire de séance : Mme Rose ANCIENNE. Le conseil adopte le budget "
           "par 9 voix pour et 2 contre. " + FILLER + " L'ordre du jour étant épuisé, le maire lève la séance à 21 "
           "heures. ")
ITEMS = ("Délibération n° 2024-02 : Tarifs de la cantine. Le conseil municipal, après en avoir délibéré, adopte les "
         "tarifs par 11 voix pour et 1 contre.")


def test_minutes_reproduced_whole_after_the_formula_are_set_aside_and_the_items_after_them_read():
    own = OWN.replace(" Délibération n° 2024-01 : le procès-verbal est approuvé à l'unanimité.", " ")
    record = read("COMMUNE DE SAINT-EXEMPLE " + own + FILLER + " Délibération n° 2024-01 : Approbation du "
                  "procès-verbal. " + EARLIER + ITEMS)
    assert value(record["seance"]["date"]) == "2024-03-12"
    assert record["seance"].get("secretaires") == ["Anne MODELE"]
    votes = [d.get("vote", {}) for d in record.get("deliberations", [])]
    assert any(value(v.get("pour")) == 11 and value(v.get("contre")) == 1 for v in votes)
    assert not any(value(v.get("pour")) == 9 for v in votes)


def test_minutes_reproduced_without_a_closing_formula_still_end_this_meeting_s_block():
    # Where the reproduced minutes end cannot be told: the text is cut at their formula, as before.
    own = OWN.replace(" Délibération n° 2024-01 : le procès-verbal est approuvé à l'unanimité.", " ")
    earlier = EARLIER.replace(" L'ordre du jour étant épuisé, le maire lève la séance à 21 heures. ", " ")
    record = read("COMMUNE DE SAINT-EXEMPLE " + own + FILLER + " " + earlier + ITEMS)
    votes = [d.get("vote", {}) for d in record.get("deliberations", [])]
    assert not any(value(v.get("pour")) in (9, 11) for v in votes)
