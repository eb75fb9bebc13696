"""Issue 13 §4: words agree with the numbers of a message (« 1 représenté », « 2 représentés »,
« 1 jour franc »), through the one agreement form of the message templates, `{n:# singulier|# pluriel}`."""
import re

import pytest

from checker.engine import Engine, _Formatter
from checker.findings import NON_APPLICABLE, format_value
from checker.record import build_record
from ruleset.errors import RuleError
from ruleset.loader import load_rule_file
from ruleset.messages import render, segments
from ruleset.values import Interval, Unknown

from test_rule_loading_errors import GOOD

JOURS = "{n:# jour franc|# jours francs}"


def _render(template, values):
    return render(template, values, _Formatter, format_value)


@pytest.mark.parametrize("n, expected", [(0, "0 jour franc"), (1, "1 jour franc"), (2, "2 jours francs"),
                                         (5, "5 jours francs"), (-1, "-1 jour franc"), (-3, "-3 jours francs")])
def test_a_number_takes_the_singular_below_two(n, expected):
    assert _render(JOURS, {"n": n}) == expected


def test_a_list_agrees_with_its_length_and_a_form_without_the_value_gives_the_words_alone():
    template = "{noms:# porte|# portent} {noms:un pouvoir de trop|des pouvoirs de trop}"
    assert _render(template, {"noms": ["Paul"]}) == "Paul porte un pouvoir de trop"
    assert _render(template, {"noms": ["Paul", "Marie"]}) == "Paul, Marie portent des pouvoirs de trop"


def test_bounds_agree_with_their_upper_bound():
    assert _render("{n:# membre|# membres}", {"n": Interval(28, 45, frozenset())}).endswith("membres")
    assert _render("{n:# membre|# membres}", {"n": Interval(0, 1, frozenset())}).endswith("membre")


def test_an_agreement_citing_an_unknown_value_in_an_optional_part_is_left_out():
    template = "Délai⟨ : {n:# jour franc|# jours francs}⟩."
    assert _render(template, {"n": Unknown.of("convocation.date_envoi")}) == "Délai."


@pytest.mark.parametrize("spec", ["{n:jours}", "{n:a|b|c}", "{n:|jours}", "{n!r}"])
def test_a_malformed_agreement_is_refused_with_the_file_and_line(tmp_path, spec):
    text = GOOD.replace('conforme: "ok {n}"', f'conforme: "ok {spec}"')
    path = tmp_path / "L9999-1.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RuleError) as error:
        load_rule_file(path, tmp_path)
    assert "L9999-1.yaml" in str(error.value) and "message" in str(error.value)


PLURAL_MARK = re.compile(r"\w\((?:s|es|e|nt|x)\)")


def test_no_rule_template_writes_a_plural_mark(rules):
    offenders = [f"{rule.id} [{version.period()}] {status} : {template}"
                 for rule in rules for version in rule.versions
                 for status, template in version.messages.items() if PLURAL_MARK.search(template)]
    assert not offenders, "« (s) » dans un message, à écrire {n:# singulier|# pluriel} :\n" + "\n".join(offenders)


# Nouns the rules count, singular → plural; a number before one of them must agree with it.
NOUNS = {"jour": "jours", "membre": "membres", "pouvoir": "pouvoirs", "représenté": "représentés",
         "présent": "présents", "abstention": "abstentions", "conseil": "conseils", "habitant": "habitants",
         "siège": "sièges", "envoi": "envois", "séance": "séances", "suffrage": "suffrages",
         "question": "questions", "demande": "demandes", "secrétaire": "secrétaires", "délégué": "délégués"}
PLURALS = {plural: singular for singular, plural in NOUNS.items()}
COUNTED = re.compile(r"(?<![\w,./-])(\d+) (\w+)")


def disagreements(message: str) -> list[str]:
    out = []
    for number, word in COUNTED.findall(message):
        if int(number) < 2 and word in PLURALS or int(number) >= 2 and word in NOUNS:
            out.append(f"« {number} {word} »")
    return out


def test_the_disagreement_finder_finds_what_the_issue_shows():
    assert disagreements("1 représentés, 2 représenté, 0 jours francs")
    assert not disagreements("1 représenté, 2 représentés, 0 jour franc, le 12/03/2024 membres")


def _with_every_count(values: dict, count: int) -> dict:
    return {k: (count if type(v) is int else v) for k, v in values.items()}


def test_every_rule_message_agrees_with_its_numbers_on_the_rule_examples(rules):
    """Each example's findings, and each template of the version rendered with its values where
    every count is set to 0, 1, 2 and 3: no word disagrees with the number before it."""
    engine = Engine(rules)
    offenders = []
    for rule in rules:
        for example in rule.exemples:
            record = build_record(example.dossier, f"{rule.id}::{example.nom}")
            for finding in engine.check(record, only={rule.id}):
                if finding.regle != rule.id:
                    continue
                found = disagreements(finding.message)
                if found:
                    offenders.append(f"{rule.id}::{example.nom} : {', '.join(found)} — {finding.message}")
                version = rule.version_at(record.date)
                if version is None or finding.statut == NON_APPLICABLE:
                    continue
                for status, template in version.messages.items():
                    for count in (0, 1, 2, 3):
                        message = _render(template, _with_every_count(finding.valeurs, count))
                        found = disagreements(message)
                        if found:
                            offenders.append(f"{rule.id}::{example.nom} [{status}, {count}] : {', '.join(found)} — {message}")
    assert not offenders, "accords fautifs :\n" + "\n".join(sorted(set(offenders))[:40])


def test_the_segments_of_an_agreement_name_its_value():
    [(optional, _, names)] = segments("{n:# jour franc|# jours francs}")
    assert not optional and names == ("n",)


def test_counts_outside_rule_messages_agree_too():
    from ruleset.messages import nombre
    assert [nombre(n, "# autre point|# autres points") for n in (0, 1, 2)] == ["0 autre point", "1 autre point",
                                                                              "2 autres points"]


def test_the_worklist_report_writes_no_plural_in_brackets():
    from pathlib import Path

    from click.testing import CliRunner

    from checker.cli import main
    corpus = Path(__file__).resolve().parent / "data" / "corpus"
    examples = Path(__file__).resolve().parent.parent / "examples"
    output = CliRunner().invoke(main, ["check", str(corpus), str(examples)]).stdout
    assert "Proposition" in output
    assert "(s)" not in output


def test_de_is_elided_before_a_vowel_in_messages_and_agreements():
    from ruleset.messages import agree, de
    assert de("Anne MARTIN") == "d'Anne MARTIN"
    assert de("Élodie") == "d'Élodie"
    assert de("Paul") == "de Paul"
    assert agree(["Anne"], "Pouvoir de # irrégulier|Pouvoirs de # irréguliers", "Anne") == "Pouvoir d'Anne irrégulier"
    assert agree(["Paul"], "Pouvoir de # irrégulier|Pouvoirs de # irréguliers", "Paul") == "Pouvoir de Paul irrégulier"
    assert agree(3, "# jour de retard|# jours de retard", "3") == "3 jours de retard"


def test_the_web_tracking_counts_agree_with_their_number():
    from pathlib import Path
    template = (Path(__file__).resolve().parent.parent / "checker" / "web" / "templates" / "suivi.html").read_text()
    assert "(s)" not in template
