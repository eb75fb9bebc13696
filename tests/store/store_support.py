"""Helpers of the store tests: write records, run `check --base`, read the store back."""
from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from sqlalchemy import select

from checker.cli import main
from checker.store import Store
from checker.store.dossier import unpack
from checker.store.tables import actes, versions_actes


def write(directory: Path, name: str, record: dict) -> str:
    path = directory / name
    path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    return str(path)


def check(base: str, *paths, expect=(0, 1)):
    result = CliRunner().invoke(main, ["check", *paths, "--base", base, "--format", "json"])
    assert result.exit_code in expect, result.output + str(result.exception)
    return result


def suivi(base: str, *args, expect=(0,)):
    result = CliRunner().invoke(main, ["suivi", "--base", base, "--aujourdhui", "2026-01-05", *args])
    assert result.exit_code in expect, result.output + str(result.exception)
    return result


def acts(base: str) -> dict:
    store = Store(base)
    with store.reading() as connection:
        rows = {r.identite: r for r in connection.execute(select(actes))}
    store.close()
    return rows


def versions(base: str, identite: str) -> list:
    store = Store(base)
    with store.reading() as connection:
        acte_id = connection.execute(select(actes.c.id).where(actes.c.identite == identite)).scalar_one()
        rows = list(connection.execute(select(versions_actes).where(versions_actes.c.acte_id == acte_id)
                                       .order_by(versions_actes.c.version)))
    store.close()
    return rows


def findings(version_row) -> dict:
    """The stored findings of one version, by rule."""
    return {c["regle"]: c for c in unpack(version_row.constats)["constats"]}


def finding(base: str, identite: str, rule: str) -> dict | None:
    return findings(versions(base, identite)[-1]).get(rule)
