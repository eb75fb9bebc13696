"""Versioned migrations: the head matches the tables the code uses; a store of the previous
schema version is upgraded in place, its acts kept and followed up."""
import datetime as dt
import json

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import MetaData, Table, func, select

from checker.store import Store
from checker.store.connexion import create, current_revision, head_revision, migrate
from checker.store.dossier import pack
from checker.store.tables import actes, metadata, operations
from store.store_support import acts, check, suivi, write


def test_the_head_revision_creates_exactly_the_tables_of_the_code(base):
    store = Store(base)
    with store.reading() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), metadata)
    store.close()
    assert differences == []
    assert current_revision(Store(base).engine) == head_revision() == "0003"


def _old_store(base, tmp_path):
    """A store made by the first schema version, with one act checked under it."""
    engine = create(base)
    migrate(engine, "0001")
    assert current_revision(engine) == "0001"
    old = MetaData()
    with engine.begin() as connection:
        seances = Table("seances", old, autoload_with=connection)
        actes_v1 = Table("actes", old, autoload_with=connection)
        assert "echeance_suivi" not in actes_v1.c
        now = dt.datetime(2024, 1, 20, 10, 0)
        record = {"collectivite": {"nom": "Commune de Saint-Essai"},
                  "seance": {"date": "2024-01-15"},
                  "deliberations": [{"numero": "2024-03", "transmission": {"date_reception": "2024-01-18"},
                                     "syndicat": {"operation": "adhesion", "nom": "Syndicat des eaux"}}]}
        seance_id = connection.execute(seances.insert().values(
            empreinte="v1", organisme="nom:commune de saint essai", nom_plie="commune de saint essai", siren=None,
            nature="commune", date_seance=dt.date(2024, 1, 15), fichier=str(tmp_path / "a.json"),
            dossier=pack(record), enregistre_le=now).returning(seances.c.id)).scalar_one()
        connection.execute(actes_v1.insert().values(
            identite="nom:commune de saint essai|2024-01-15|2024-03", organisme="nom:commune de saint essai",
            organisme_nom="Commune de Saint-Essai", nature="commune", date_seance=dt.date(2024, 1, 15),
            numero="2024-03", seance_id=seance_id, rang=0, version=1, empreinte="ancienne", catalogue="0.0.1+ancien",
            statut="indetermine", date_reception=dt.date(2024, 1, 18), echeance_deferee=dt.date(2024, 3, 19),
            modifie_le=now))
    engine.dispose()
    return record


def test_a_store_of_the_previous_version_is_migrated_and_its_acts_followed_up(base, tmp_path):
    record = _old_store(base, tmp_path)
    identite = "nom:commune de saint essai|2024-01-15|2024-03"
    store = Store(base)  # opening migrates
    assert current_revision(store.engine) == "0003"
    with store.reading() as connection:
        row = connection.execute(select(actes).where(actes.c.identite == identite)).one()
        assert connection.execute(select(func.count()).select_from(operations)).scalar_one() == 0
    store.close()
    assert (row.version, row.statut, row.catalogue) == (1, "indetermine", "0.0.1+ancien")
    assert row.echeance_suivi == dt.date(2024, 3, 19) and row.suivi_clos is False
    # Actions can be recorded on it: a recours gracieux sent on 1 March 2024 interrupts the
    # deadline; implicit rejection on 1 May 2024, then two months francs: Tuesday 2 July 2024.
    done = json.loads(suivi(base, "--format", "json", "recours", identite, "--date", "2024-03-01",
                            "--auteur", "Agent").stdout)
    assert done["echeance"] == "2024-07-02"
    # Checked again, the act gets its next version, and its syndicate operation is indexed.
    check(base, write(tmp_path, "a.json", record))
    row = acts(base)[identite]
    assert row.version == 2 and row.catalogue != "0.0.1+ancien"
    assert row.echeance_suivi == dt.date(2024, 7, 2)
    assert json.loads(row.attentes)[0]["operation"] == "adhesion"
