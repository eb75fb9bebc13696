"""The name of a syndicate or community read from its heading in the layouts of comités syndicaux and conseils
communautaires: a heading whose line break was lost before the initials that name the body again, a name that goes
on in lower-case words before its place, and delegate lines that name member communes, not the body."""
from checker.reader import read_text
from checker.reader.body import read_body
from checker.reader.normalize import Document

OPENING = ("L'an deux mille vingt-trois, le quatorze mars à dix-huit heures, le comité syndical, régulièrement convoqué "
           "le 7 mars 2023, s'est réuni sous la présidence de M. Paul ORSINI. ")


def body(text):
    return read_body(Document(text))


def test_the_initials_after_a_heading_whose_line_break_was_lost_are_no_part_of_the_name():
    read = body("SYNDICAT INTERCOMMUNAL D'ALIMENTATION EN EAU POTABLE DE VERNIOLLE\nSIAEP de Verniolle Réunion du 14 "
                "mars 2023\n" + OPENING)
    assert read["nature"] == "syndicat_de_communes"
    assert read["nom"][0] == "Syndicat intercommunal D'ALIMENTATION EN EAU POTABLE DE VERNIOLLE"


def test_initials_alone_are_still_read_when_no_full_name_precedes_them():
    read = body("SIVOM du Val d'Aspe\nCompte rendu de la réunion du 14 mars 2023\n" + OPENING)
    assert read["nom"][0] == "SIVOM du Val d'Aspe"


def test_a_name_that_goes_on_in_lower_case_words_is_read_whole_with_less_trust():
    read = body("Procès-verbal du comité syndical du 14 mars 2023\nL'an deux mille vingt-trois, le quatorze mars, le "
                "comité syndical du Syndicat Intercommunal de Voirie du canton de Belloc, régulièrement convoqué, "
                "s'est réuni. Etaient présents : M. Paul ORSINI.")
    name, _, confidence = read["nom"]
    assert name == "Syndicat intercommunal de Voirie du canton de Belloc"
    assert confidence < 0.8


def test_a_name_whose_continuation_names_the_body_again_is_set_aside_for_the_initials():
    read = body("SYNDICAT INTERCOMMUNAL DE Voirie du canton SIVOM de Belloc\n" + OPENING)
    assert read["nom_ecarte"][0].startswith("SYNDICAT INTERCOMMUNAL DE Voirie")
    assert read["nom"][0] == "SIVOM de Belloc"


def test_delegate_lines_of_member_communes_do_not_name_the_body():
    record = read_text("COMPTE RENDU DE LA REUNION DU 14 MARS 2023\nEtaient présents :\nCommune de Saint-Lys : Monsieur "
                       "Orsini, Commune de Fonsorbes : Madame Dauriac, Commune de Muret : Messieurs Balma, Seilh\n"
                       "Le quorum étant atteint, la Présidente déclare la séance ouverte.\nDésignation secrétaire de "
                       "séance : Madame Dauriac\n1. Approbation du compte rendu du 7 février 2023\nLe compte rendu est "
                       "adopté à l'unanimité.")
    collectivite = record.get("collectivite", {})
    assert "nom" not in collectivite
    assert collectivite.get("nature") != "commune"


def test_one_lower_case_word_that_ends_the_name_is_read_with_it_and_with_doubt():
    read = body("Le Comité du Syndicat Mixte des Rivières du Vexin bocager, légalement convoqué le 7 mars 2023, s'est "
                "réuni sous la présidence de M. Paul ORSINI.")
    name, _, confidence = read["nom"]
    assert name == "Syndicat mixte des Rivières du Vexin bocager"
    assert confidence < 0.8


def test_a_participle_after_the_name_is_no_word_of_it():
    read = body("Syndicat Intercommunal des Eaux de la Basse Vallée réuni le 7 mars 2023. Le comité syndical s'est "
                "réuni sous la présidence de M. Paul ORSINI.")
    assert read["nom"][0] == "Syndicat intercommunal des Eaux de la Basse Vallée"
