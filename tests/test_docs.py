"""The committed rule pages match the rules (regenerate with `delibcheck documentation`)."""
from ruleset.docs import render_all

from conftest import ROOT


def test_committed_rule_docs_are_up_to_date(rules):
    directory = ROOT / "docs" / "regles"
    expected = render_all(rules)
    committed = {p.name: p.read_text(encoding="utf-8") for p in directory.glob("*.md")}
    stale = sorted(name for name in expected if committed.get(name) != expected[name])
    extra = sorted(set(committed) - set(expected))
    assert not stale and not extra, (
        f"docs/regles est périmé (pages à régénérer : {stale}, pages en trop : {extra}) ; "
        "lancer « delibcheck documentation »")


def test_each_page_cites_versions_examples_and_reading(rules):
    pages = render_all(rules)
    for rule in rules:
        page = pages[f"{rule.id}.md"]
        assert "## Versions" in page and "## Lecture" in page
        if rule.says_only_not_encoded():
            assert "## Ce qui reste indéterminé" in page and "## Quand la règle ne s'applique pas" in page
        else:
            assert "## Ce qui échoue" in page
