"""`check --base`: each act recorded once with its identity, record, findings and history."""
import json

from sqlalchemy import func, select

from checker.store import Store
from checker.store.dossier import unpack
from checker.store.tables import elements_lot, lots, seances

from store.store_support import acts, check, versions, write

ACTES_ID = "059-215900097-20240115-2024_03-DE"


def seance(numero="2024-03", reception="2024-01-18", actes_id=None, presents=20):
    transmission = {"date_reception": reception}
    if actes_id:
        transmission["identifiant_actes"] = actes_id
    return {
        "collectivite": {"nom": "Commune de Saint-Essai", "population": 5000, "departement": "35"},
        "seance": {"date": "2024-01-15", "membres_en_exercice": 27, "presents": presents},
        "convocation": {"date_envoi": {"valeur": "2024-01-08", "source": "Convocation du 8 janvier 2024"}},
        "deliberations": [{"numero": numero, "objet": "Budget", "transmission": transmission}],
    }


def test_an_act_is_recorded_with_its_identity_record_provenance_and_findings(base, tmp_path):
    check(base, write(tmp_path, "a.json", seance()), write(tmp_path, "b.json", seance("2024-04", actes_id=ACTES_ID)))
    stored = acts(base)
    assert set(stored) == {"nom:commune de saint essai|2024-01-15|2024-03", f"actes:{ACTES_ID}"}
    row = stored["nom:commune de saint essai|2024-01-15|2024-03"]
    assert row.version == 1 and row.numero == "2024-03" and row.catalogue.startswith("0.")
    # Two months francs from Thursday 18 January 2024: Monday 19 March 2024.
    assert row.echeance_deferee.isoformat() == "2024-03-19" == row.echeance_suivi.isoformat()
    store = Store(base)
    with store.reading() as connection:
        dossier = unpack(connection.execute(select(seances.c.dossier).where(seances.c.id == row.seance_id)).scalar_one())
    store.close()
    assert dossier["convocation"]["date_envoi"] == {"valeur": "2024-01-08", "source": "Convocation du 8 janvier 2024"}
    [version] = versions(base, row.identite)
    constats = unpack(version.constats)
    assert constats["compte"]["non_applicable"] > 0
    delai = next(c for c in constats["constats"] if c["regle"] == "L2121-12.delai")
    assert delai["statut"] == "conforme"
    assert any(f.get("source") == "Convocation du 8 janvier 2024" for f in delai["faits"])


def test_a_rerun_records_nothing_twice(base, tmp_path):
    path = write(tmp_path, "a.json", seance())
    check(base, path)
    check(base, path)
    [row] = acts(base).values()
    assert row.version == 1 and len(versions(base, row.identite)) == 1
    store = Store(base)
    with store.reading() as connection:
        assert connection.execute(select(func.count()).select_from(seances)).scalar_one() == 1
        assert [r.etat for r in connection.execute(select(lots).order_by(lots.c.id))] == ["termine", "termine"]
    store.close()


def test_checking_a_changed_act_again_updates_it_and_keeps_its_history(base, tmp_path):
    check(base, write(tmp_path, "a.json", seance(presents=20)))
    check(base, write(tmp_path, "a.json", seance(presents=10)))
    [row] = acts(base).values()
    history = versions(base, row.identite)
    assert [v.version for v in history] == [1, 2] and row.version == 2
    assert row.empreinte == history[-1].empreinte != history[0].empreinte
    assert history[0].statut != history[1].statut == row.statut == "non_conforme"


def test_the_runs_counts_reconcile_with_the_store_errors_included(base, tmp_path):
    lines = tmp_path / "flux.jsonl"
    lines.write_text("\n".join([json.dumps(seance("1")), "{pas du json", json.dumps(seance("2"))]) + "\n")
    result = check(base, str(lines), expect=(3,))  # some inputs unreadable, none non-compliant (issue 14)
    assert "3 éléments enregistrés (2 dossiers, 1 erreurs) — concorde avec le résumé" in result.output
    summary = json.loads(result.stdout)["resume"]
    store = Store(base)
    with store.reading() as connection:
        items = list(connection.execute(select(elements_lot).order_by(elements_lot.c.rang)))
    store.close()
    assert len(items) == summary["lus"] == 3
    assert [i.statut for i in items].count("erreur") == summary["erreurs"] == 1
    assert "JSON mal formé" in items[1].erreur and items[1].seance_id is None
    assert len(acts(base)) == 2


def test_without_base_nothing_is_kept_and_the_output_is_unchanged(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from checker.cli import main
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    path = write(tmp_path, "a.json", seance())
    plain = CliRunner().invoke(main, ["check", path, "--format", "json"])
    stored = CliRunner().invoke(main, ["check", path, "--format", "json", "--base", str(tmp_path / "b.sqlite")])
    assert plain.exit_code == stored.exit_code == 0 and plain.stdout == stored.stdout
    assert "base" not in plain.stderr and "concorde" in stored.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json", "b.sqlite", "b.sqlite-shm", "b.sqlite-wal"] or \
        sorted(p.name for p in tmp_path.iterdir()) == ["a.json", "b.sqlite"]


def test_the_base_of_the_configuration_is_used_and_a_bad_base_is_a_french_error(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from checker.cli import main
    config = tmp_path / "delibcheck" / "config.yaml"
    config.parent.mkdir()
    config.write_text(f"base: {tmp_path / 'conf.sqlite'}\nauteur: Agent Test\n")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    path = write(tmp_path, "a.json", seance())
    result = CliRunner().invoke(main, ["check", path])
    assert result.exit_code == 0 and (tmp_path / "conf.sqlite").exists()
    bad = CliRunner().invoke(main, ["check", path, "--base", "mysql://x@y/z"])
    assert bad.exit_code == 2 and "non prise en charge" in bad.stderr and "Traceback" not in bad.output
    missing = CliRunner().invoke(main, ["check", path, "--base", str(tmp_path / "nulle" / "part.sqlite")])
    assert missing.exit_code == 2 and "dossier de la base introuvable" in missing.stderr


def test_an_unreachable_or_broken_base_is_a_french_error_without_its_password(tmp_path):
    from click.testing import CliRunner

    from checker.cli import main
    path = write(tmp_path, "a.json", seance())
    refused = CliRunner().invoke(main, ["check", path, "--base", "postgresql://agent:secret@127.0.0.1:1/actes"])
    assert refused.exit_code == 2 and "base inaccessible" in refused.stderr
    assert "secret" not in refused.output and "postgresql://agent@127.0.0.1:1/actes" in refused.stderr
    broken = tmp_path / "pas-une-base.sqlite"
    broken.write_bytes(b"ceci n'est pas une base SQLite" * 100)
    result = CliRunner().invoke(main, ["check", path, "--base", str(broken)])
    assert result.exit_code == 2 and "base inaccessible" in result.stderr and "Traceback" not in result.output
