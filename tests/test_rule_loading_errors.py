"""A broken rule file is reported with its file, line and what is allowed (one fixture per failure)."""
import textwrap

import pytest

from ruleset.errors import RuleError
from ruleset.loader import load_rule_file

GOOD = """\
article: L9999-1
code: CGCT
titre: Article d'essai
legiarti: LEGIARTI000006389870
regles:
  - id: L9999-1.essai
    titre: Règle d'essai
    alinea: "1"
    citation: texte
    lecture: lecture
    confiance: haute
    sources: []
    gravite: illegalite
    portee: seance
    versions:
      - du: "1996-02-24"
        au: null
        texte: loi
        valeurs:
          n: seance.presents
        exigence: n >= 1
        message: {conforme: "ok {n}", non_conforme: "non", indetermine: "?"}
    exemples:
      - {nom: a, attendu: conforme, dossier: {seance: {date: "2020-01-01", presents: 2}}}
      - {nom: b, attendu: non_conforme, dossier: {seance: {date: "2020-01-01", presents: 0}}}
      - {nom: c, attendu: indetermine, dossier: {seance: {date: "2020-01-01"}}}
libelles:
  n: nombre de présents
"""


def load(tmp_path, text, name="L9999-1.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_rule_file(path, tmp_path)


def test_good_file_loads(tmp_path):
    [rule] = load(tmp_path, GOOD)
    assert rule.id == "L9999-1.essai"
    assert rule.url(rule.versions[0]).endswith("LEGIARTI000006389870")


@pytest.mark.parametrize("old, new, message, line", [
    ("    alinea: \"1\"\n", "    alinea: \"1\"\n    couleur: bleu\n", "clé inconnue « couleur »", 9),
    ("    portee: seance\n", "    portee: seance\n    portee: deliberation\n", "clé « portee » en double", 15),
    ("        exigence: n >= 1\n", "        exigence: __import__('os')\n", "fonction inconnue « __import__ »", 21),
    ("        exigence: n >= 1\n", "        exigence: n.__class__\n", "champ non admis", 21),
    ("        exigence: n >= 1\n", "        exigence: \"(lambda: 1)()\"\n", "seules les fonctions", 21),
    ("        exigence: n >= 1\n", "        exigence: inconnu >= 1\n", "nom inconnu « inconnu »", 21),
    ("        exigence: n >= 1\n", "        exigence: n >=\n", "syntaxe invalide", 21),
    ("        exigence: n >= 1\n", "        exigence: jours_francs(n)\n", "jours_francs attend 2 argument(s)", 21),
    ("ok {n}", "ok {m}", "cite {m}", 22),
    ("      - du: \"1996-02-24\"\n", "      - du: \"1996-02-30\"\n", "date impossible", 16),
    ("    gravite: illegalite\n", "    gravite: grave\n", "valeur « grave » non admise", 13),
    ("  - id: L9999-1.essai\n", "  - id: L1111-1.essai\n", "doit commencer par l'article", 6),
    ("legiarti: LEGIARTI000006389870\n", "", "n'a pas d'identifiant LEGIARTI", 5),
])
def test_error_names_file_line_and_what_is_allowed(tmp_path, old, new, message, line):
    assert old in GOOD
    with pytest.raises(RuleError) as caught:
        load(tmp_path, GOOD.replace(old, new))
    error = caught.value
    assert message in error.message
    assert error.fichier == "L9999-1.yaml"
    assert error.ligne == line


def test_file_must_be_named_after_its_article(tmp_path):
    with pytest.raises(RuleError, match="nom de son article"):
        load(tmp_path, GOOD, name="autre.yaml")


def test_overlapping_and_gapped_versions_are_refused(tmp_path):
    version = textwrap.indent(GOOD.split("    versions:\n")[1].split("    exemples:")[0], "")
    two = version.replace('au: null', 'au: "2010-01-01"') + version.replace('du: "1996-02-24"', 'du: "2005-01-01"')
    text = GOOD.replace(version, two)
    with pytest.raises(RuleError, match="se chevauchent"):
        load(tmp_path, text)
    gap = version.replace('au: null', 'au: "2010-01-01"') + version.replace('du: "1996-02-24"', 'du: "2011-01-01"')
    with pytest.raises(RuleError, match="trou entre les versions"):
        load(tmp_path, GOOD.replace(version, gap))


def test_yaml_aliases_are_refused(tmp_path):
    with pytest.raises(RuleError, match="alias"):
        load(tmp_path, GOOD.replace("    sources: []\n", "    sources: &s []\n    limites: *s\n"))


OBLIGATION = """    obligation_depuis:
      du: "{du}"
      texte: loi du 5 avril 1884, art. 50
      source: juricaf CE 12 déc. 1890, n° 69104
"""


def test_obligation_since_loads(tmp_path):
    [rule] = load(tmp_path, GOOD.replace("    portee: seance\n", "    portee: seance\n" + OBLIGATION.format(du="1884-04-06")))
    assert rule.obligation_depuis.du.isoformat() == "1884-04-06"
    assert "1884" in rule.obligation_depuis.texte


def test_obligation_since_must_precede_the_first_version(tmp_path):
    text = GOOD.replace("    portee: seance\n", "    portee: seance\n" + OBLIGATION.format(du="2000-01-01"))
    with pytest.raises(RuleError, match="doit précéder la première version"):
        load(tmp_path, text)


def test_obligation_since_needs_its_source(tmp_path):
    text = GOOD.replace("    portee: seance\n", "    portee: seance\n" + OBLIGATION.format(du="1884-04-06").replace(
        "      source: juricaf CE 12 déc. 1890, n° 69104\n", ""))
    with pytest.raises(RuleError, match="source"):
        load(tmp_path, text)


def test_earlier_law_must_name_a_known_rule(tmp_path):
    from ruleset.loader import load_rules
    (tmp_path / "L9999-1.yaml").write_text(
        GOOD.replace("    portee: seance\n", "    portee: seance\n    droit_anterieur: [L9999-1.absente]\n"), encoding="utf-8")
    with pytest.raises(RuleError, match="règle inconnue : « L9999-1.absente »"):
        load_rules(str(tmp_path))


def test_a_computed_value_needs_its_french_label(tmp_path):
    with pytest.raises(RuleError, match="la valeur « n » n'a pas de libellé en français"):
        load(tmp_path, GOOD.replace("libelles:\n  n: nombre de présents\n", ""))


def test_a_label_must_name_a_value_of_the_file(tmp_path):
    with pytest.raises(RuleError, match="libellé « m » sans valeur"):
        load(tmp_path, GOOD + "  m: autre chose\n")


def test_the_label_is_what_the_rule_says(tmp_path):
    [rule] = load(tmp_path, GOOD)
    assert rule.libelle("n") == "nombre de présents"
