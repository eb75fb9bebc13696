"""bench/reader_accuracy.py --dates-causes: the fixed class of a labelled date the reader reads nowhere, and of a
body's name read wrong or not read. Invented strings."""
from __future__ import annotations

import pytest
from conftest import ROOT, load_script

bench = load_script(ROOT / "bench" / "reader_accuracy.py")

MEETING = "L'an deux mille vingt et un, le cinq mars, le conseil municipal s'est réuni sous la présidence du Maire. "


@pytest.mark.parametrize("text, cause", [
    ("Affiché le 12 mars 2021 en mairie", "lue : affich*"),
    ("Certifié exécutoire le 12/03/2021", "lue : executoire"),
    ("Reçu en préfecture le 12/03/2021", "lue : transmis*/prefecture"),
    ("Le conseil, convoqué le 12/03/2021", "lue : convoc*"),
    ("Il est rappelé un point sur les travaux de voirie engagés pour la rue des Lilas et le chemin du Moulin. "
     "Date 12/03/2021", "lue : aucun mot-clé à 15 mots"),
])
def test_a_parsed_date_is_classed_by_the_nearest_keyword_before_it(text, cause):
    assert bench.date_cause(MEETING + text, "2021-03-12").split(" ; ")[0] == cause


def test_a_parsed_date_says_where_it_stands_against_the_meeting_formula():
    assert bench.date_cause("Affiché le 12/03/2021. " + MEETING, "2021-03-12").endswith("Z1 bloc, avant la formule")
    assert bench.date_cause(MEETING + "Affiché le 12/03/2021.", "2021-03-12").endswith("Z2 bloc, après la formule")


@pytest.mark.parametrize("text, cause", [
    ("Affichage du 12 au 26 mars 2021", "non lue : plage du … au …"),
    ("Affiché le 12 03 2021", "non lue : chiffres à points ou espaces"),
    ("Affiché le 12 mars 21", "non lue : année à deux chiffres"),
    ("Affiché le 12 mar. 2021", "non lue : mois abrégé"),
    ("Affiché vendredi12 mars 2021", "non lue : mots collés"),
    ("Affiché le 12 mars", "non lue : sans année"),
    ("Affiché le 2021/03/12", "non lue : autre forme"),
    ("Affiché un jour de mars", "absente du texte"),
])
def test_a_date_not_parsed_is_classed_by_its_format(text, cause):
    assert bench.date_cause(MEETING + text, "2021-03-12") == cause


def test_every_class_printed_is_one_of_the_fixed_list():
    for text in ("Affiché le 12 mars 2021", "Affiché le 12 03 2021", "rien"):
        assert bench.date_cause(MEETING + text, "2021-03-12").split(" ; ")[0] in bench.DATE_CAUSES


TEXT = ("SYNDICAT INTERCOMMUNAL DES EAUX DU VAL\n" + MEETING + "Délégués : Commune de Brévigny : M. Paul DURAND.\n"
        "Le conseil approuve les travaux de voirie engagés pour la rue des Lilas, le chemin du Moulin et la place.\n"
        "Reçu en préfecture de la Marne le 12/03/2021.")


@pytest.mark.parametrize("label, read, cause", [
    ("Syndicat intercommunal des eaux du Val", "Syndicat intercommunal des eaux du Val de Marne",
     "faux : sous-chaîne"),
    ("Syndicat intercommunal des eaux du Val", "SIEV", "faux : sigle"),
    ("Syndicat intercommunal des eaux du Val", "Commune de Brévigny", "faux : ligne de délégué"),
    ("Syndicat intercommunal des eaux du Val", "Marne", "faux : tampon ou préfecture"),
])
def test_a_wrong_name_is_classed(label, read, cause):
    record = {"collectivite": {"nom": {"valeur": read, "confiance": 0.8}}}
    assert bench.name_cause(TEXT, {"collectivite": label, "type": "syndicat"}, record, bench.FAUX) == cause


def test_an_unread_name_is_classed_by_where_the_text_prints_it():
    label = {"collectivite": "Syndicat intercommunal des eaux du Val", "type": "syndicat"}
    assert bench.name_cause(TEXT, label, {}, bench.MANQUE) == "non lu : en tête"
    assert bench.name_cause(TEXT, {"collectivite": "Commune de Fontrelle"}, {}, bench.MANQUE) == "non lu : absent"
    assert bench.name_cause(TEXT, label, {}, bench.JUSTE) is None
