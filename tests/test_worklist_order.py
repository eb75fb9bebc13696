"""The agent's worklist: `check --tri echeance` orders acts by proposed action, then by the last
day of the déféré; every report's totals count the acts per action."""

import datetime as dt
import json
from pathlib import Path

import yaml
from click.testing import CliRunner

from checker.batch import Outcome, worklist_order
from checker.cli import main
from checker.decision import ACTIONS

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _batch(tmp_path: Path) -> Path:
    """Each example at three meeting dates (and its convocation moved with it), in an order that
    is neither by action nor by date, plus one unreadable file."""
    folder = tmp_path / "lot"
    folder.mkdir()
    shifts = (40, 0, 300)
    for example in sorted(EXAMPLES.glob("*.yaml")):
        record = yaml.safe_load(example.read_text(encoding="utf-8"))
        for shift in shifts:
            moved = json.loads(json.dumps(record))
            for section, key in (("seance", "date"), ("convocation", "date_envoi")):
                value = (moved.get(section) or {}).get(key)
                if isinstance(value, str):
                    moved[section][key] = (dt.date.fromisoformat(value) - dt.timedelta(days=shift)).isoformat()
            (folder / f"{shift:03d}-{example.stem}.yaml").write_text(
                yaml.safe_dump(moved, allow_unicode=True), encoding="utf-8")
    (folder / "000-illisible.yaml").write_text("seance: [\n", encoding="utf-8")
    return folder


def test_worklist_is_ordered_by_action_then_deadline(tmp_path):
    folder = _batch(tmp_path)
    result = CliRunner().invoke(main, ["check", str(folder), "--tri", "echeance", "--format", "jsonl"])
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert len(lines) == 3 * len(list(EXAMPLES.glob("*.yaml"))) + 1
    keys = []
    for line in lines:
        decision = line.get("decision")
        action = decision["action"] if decision else None
        day = decision.get("echeance") if decision else None
        keys.append(worklist_order(Outcome(line["statut"], "", echeance=dt.date.fromisoformat(day) if day else None,
                                           action=action)))
    assert keys == sorted(keys)
    actions = [(line.get("decision") or {}).get("action") for line in lines]
    # The examples propose more than one action, so the order is tested, not assumed.
    assert len({a for a in actions if a}) >= 2
    # The unreadable file comes after every act with something to do, before acts needing nothing.
    error_at = actions.index(None)
    assert all(a != "aucune_suite" for a in actions[:error_at])
    assert all(a == "aucune_suite" for a in actions[error_at + 1:])


def test_error_sorts_between_acts_to_act_on_and_acts_needing_nothing():
    day = dt.date(2024, 1, 1)
    error = worklist_order(Outcome("erreur", ""))
    for action in ACTIONS:
        key = worklist_order(Outcome("indetermine", "", echeance=day, action=action))
        assert (key < error) == (action != "aucune_suite")


def test_totals_count_acts_per_action_in_json_and_text(tmp_path):
    folder = _batch(tmp_path)
    document = json.loads(CliRunner().invoke(main, ["check", str(folder), "--format", "json"]).stdout)
    resume = document["resume"]
    assert set(resume["actions"]) == set(ACTIONS)
    assert sum(resume["actions"].values()) == resume["lus"] - resume["erreurs"]
    for action in ACTIONS:
        assert resume["actions"][action] == sum(
            1 for r in document["resultats"] if (r.get("decision") or {}).get("action") == action)
    text = CliRunner().invoke(main, ["check", str(folder)]).stdout
    line = next(line for line in text.splitlines() if line.startswith("Actions proposées"))
    assert f"recours gracieux : {resume['actions']['recours_gracieux']}" in line
    assert f"aucune suite : {resume['actions']['aucune_suite']}" in line
