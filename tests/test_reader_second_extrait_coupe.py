"""A document with no attendance of its own (a report, a note) cut mid-sentence, then, after a blank line,
another meeting's minutes whose heading has its roll right under it: the heading opens the other text even
though the cut sentence before it ends on words that would quote a meeting (« cette dernière »); the other
text's roll, proxies and votes are not the document's."""
from reader_support import schema_errors, value

from checker.reader import read_text
from checker.reader.normalize import Document

REPORT = ("RAPPORT D'ORIENTATION BUDGETAIRE 2023 Séance du 9 février 2023\n"
          + "Le présent rapport expose le contexte budgétaire de la communauté. " * 25 +
          "Ce niveau d'inflation est le fruit des mesures prises par le Gouvernement permettant de diminuer "
          "directement cette dernière d'un pe")
OTHER = ("CR du conseil municipal 17 septembre 2021\n"
         "Présents : Jean-Pierre, Yves, Jacques, David, Anne-Marie, Patrick, Mathieu, Agnès.\n"
         "Excusée : Maryline (pouvoir donné à Jean-Pierre)\nOrdre du jour\n1/ Motion ONF :\n"
         "Vote de la motion : 7 votes pour / 2 abstentions\n")


def test_the_blank_lines_of_the_text_as_extracted_are_kept_by_place():
    doc = Document("Premier passage\n\nSecond passage\nsuite\n \nfin")
    assert doc.text == "Premier passage Second passage suite fin"
    assert doc.paragraphs == (len("Premier passage"), len("Premier passage Second passage suite"))


def test_the_other_meeting_s_roll_proxies_and_vote_are_not_the_report_s():
    record = read_text(REPORT + "\n\n" + OTHER)
    assert schema_errors(record) == []
    seance = record["seance"]
    assert value(seance["date"]) == "2023-02-09"
    for key in ("presents", "representes", "votants", "pouvoirs", "membres"):
        assert key not in seance, key
    assert not any("vote" in d for d in record.get("deliberations", []))


def test_a_text_joined_on_one_line_has_no_blank_line_to_cut_at():
    # One line: « … cette dernière d'un pe CR du conseil municipal 17 septembre 2021 » reads as one sentence
    # that may quote a meeting; nothing marks where the other text begins.
    joined = Document(REPORT + " " + OTHER.replace("\n", " "))
    assert joined.paragraphs == ()


FIRST = ("Procès-verbal du Conseil municipal Séance du lundi 5 décembre 2022\n"
         "Présents : M. Paul EXEMPLE, Mme Anne MODELE, M. Jean TEST.\nSecrétaire de séance : Mme Anne MODELE.\n"
         + "Le conseil examine les tarifs communaux de l'année et la convention avec la communauté. " * 40)
SECOND = ("- Procès-verbal du Conseil Municipal de la ville d'Ailleurs du 27/03/23 - CONSEIL MUNICIPAL PROCÈS VERBAL "
          "DE LA SÉANCE OFFICIELLE DU LUNDI 27 MARS 2023 à 18 h 00 à la salle des fêtes Nombre de conseillers "
          "municipaux : 29 Le quorum étant atteint la séance est ouverte à 18h05 Sous la présidence de M. Marc "
          "AUTRE, Maire PRÉSENTS : AUTRE Marc, BLEU Lucie, VERT Henri\n")


def test_another_text_headed_in_capitals_far_into_the_document_gives_none_of_its_facts():
    record = read_text(FIRST + SECOND)
    seance = record["seance"]
    assert value(seance["date"]) == "2022-12-05"
    assert "heure" not in seance
    assert value(seance.get("president") or {"valeur": None}) != "Marc AUTRE"
    assert all("AUTRE" not in m["nom"] for m in seance.get("membres", []))


def test_an_item_in_capitals_approving_earlier_minutes_is_no_other_text():
    approval = ("D2022 090 ADOPTION DU PROCES VERBAL DU CONSEIL MUNICIPAL DU 24 MAI 2022 Le conseil municipal, après "
                "en avoir délibéré, à l'unanimité, approuve le procès-verbal. Présents : 3.")
    record = read_text(FIRST + approval)
    assert value(record["deliberations"][0]["vote"]["unanimite"]) is True


def test_minutes_named_for_approval_on_the_agenda_never_set_aside_the_meeting_s_own_text():
    # The agenda names earlier minutes for approval; this meeting's formula (« Le treize mars … s'est réuni »)
    # follows, then a second extract of another day with « L'an … » is joined after the text. The span from the
    # agenda to that later formula is no procès-verbal reproduced: this meeting's roll is read.
    first = ("CONSEIL MUNICIPAL DU 13 MARS 2023 18H00 Ordre du Jour Approbation du Procès-Verbal de la séance du "
             "13 février 2023 1. TARIFS 2. SUBVENTIONS Le treize mars deux mille vingt-trois à 18 heures 00, le "
             "Conseil Municipal de FIGEAC s'est réuni au lieu ordinaire de ses séances sous la présidence de M. André "
             "MELLINGER, Maire. Présents : M. André MELLINGER, Mme Lucie BLEU, M. Henri VERT. Secrétaire de séance : "
             "Mme Lucie BLEU. Le procès-verbal de la séance du 13 février 2023 est adopté à l'unanimité. "
             + "Le conseil examine les tarifs. " * 60)
    second = ("COMMUNE DE SAINT-AILLEURS DELIBERATIONS - SEANCE DU 9 AVRIL 2018 L'an deux mil dix huit, le neuf avril, "
              "à vingt heures trente, les membres du Conseil Municipal, convoqués le 30 mars, se sont réunis. "
              "Présents : M. Marc AUTRE, Mme Julie NOIR. Objet : Tarifs. Adopté à l'unanimité.")
    record = read_text(first + " " + second)
    seance = record["seance"]
    assert value(seance["date"]) == "2023-03-13"
    assert [m["nom"] for m in seance["membres"]] == ["André MELLINGER", "Lucie BLEU", "Henri VERT"]
    assert seance["secretaires"] == ["Lucie BLEU"]
