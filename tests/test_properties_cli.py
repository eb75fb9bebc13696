"""Property 7 (issue 4): the exit code of `delibcheck check`, and no traceback on invalid input.

0 when no finding is `non_conforme`, 1 exactly when one is, 2 when an input cannot be read as a
record (which takes precedence in a batch) — and then a French message, never a traceback.
Through click's CliRunner for the many drawn cases, and once in a real process for the traceback.
"""
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner
from hypothesis import event, example, given
from hypothesis import strategies as st

from checker.cli import FORMATS, main
from checker.findings import NON_CONFORME
from checker.joins import apply_joins
from checker.record import build_record

from conftest import ROOT, RULES_DIR
from strategies import dossiers, dossiers_du_schema, entrees_invalides
from strategies.invalides import (SUFFIXES, dates_impossibles, ecrire, imbrications_profondes, nombres_enormes,
                                  octets_aleatoires, pieges_yaml_json)

DOSSIERS_VALIDES = st.one_of(dossiers(), dossiers(coherent=False), dossiers_du_schema())
ENTREES = st.lists(st.one_of(
    st.tuples(st.just("valide"), DOSSIERS_VALIDES, st.sampled_from(SUFFIXES)),
    st.tuples(st.just("invalide"), entrees_invalides(), st.just(None)),
), min_size=1, max_size=3)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    return tmp_path_factory.mktemp("cli")


def _invoke(args, input=None):
    """Exit code and everything written (click's `output` holds standard output and error)."""
    result = CliRunner().invoke(main, args, input=input, catch_exceptions=False)
    return result.exit_code, result.output


@given(entrees=ENTREES, fmt=st.sampled_from(FORMATS))
def test_the_exit_code_is_1_on_a_non_conforme_else_3_on_an_unreadable_input_and_2_when_nothing_is_read(
        engine, workdir, entrees, fmt):
    paths, records, invalid = [], [], 0
    for index, (kind, content, suffixe) in enumerate(entrees):
        if kind == "valide":
            records.append(build_record(content, f"entree-{index}"))
            content = ecrire(content, suffixe)
        else:
            invalid += 1
            suffixe, content = content
        path = workdir / f"entree-{index}{suffixe}"
        path.write_bytes(content)
        paths.append(str(path))
    # The records of one run are joined first (a body's successive meetings, a syndicate and its
    # members), as the command does; then the engine says whether anything is non-compliant.
    apply_joins(records)
    non_conforme = any(f.statut == NON_CONFORME for record in records for f in engine.check(record))
    # 1 whatever else happened; 2 when nothing at all could be read; 3 when some inputs could not be.
    expected = 2 if invalid == len(entrees) else 1 if non_conforme else 3 if invalid else 0
    event(f"code attendu {expected}")
    code, output = _invoke(["check", "--format", fmt, "--regles", str(RULES_DIR), *paths])
    assert "Traceback" not in output
    assert code == expected, output[-3000:]


@given(entree=entrees_invalides())
# Found by this property: a YAML integer of more than 4 300 digits made PyYAML raise ValueError
# out of the loader, and the command crashed with a traceback and exit code 1.
@example(entree=(".yaml", b"seance: {date: '2023-01-01', presents: " + b"7" * 5000 + b"}\n"))
def test_invalid_input_on_standard_input_exits_2_with_a_message_and_no_traceback(entree):
    _, content = entree
    code, output = _invoke(["check", "--regles", str(RULES_DIR), "-"], input=content)
    assert "Traceback" not in output
    assert code == 2, output[-3000:]
    assert "delibcheck" in output or "ERREUR" in output


def _one_of_each_kind(tmp_path):
    """One invalid file per kind, drawn once with a fixed seed (a real process is slow to start)."""
    from hypothesis import HealthCheck, seed, settings

    files = []

    @seed(4)
    @settings(max_examples=12, database=None, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.one_of(dates_impossibles(), nombres_enormes(), imbrications_profondes(), octets_aleatoires(),
                     pieges_yaml_json()))
    def collect(entree):
        suffixe, content = entree
        path = tmp_path / f"invalide-{len(files):02d}{suffixe}"
        path.write_bytes(content)
        files.append(str(path))
    collect()
    # Found by this property: LibYAML composes by recursion in C, and the deep YAML killed the
    # process (SIGSEGV, exit 139, no message); a YAML integer of 5 000 digits, and a lone
    # surrogate escaped in JSON (which only a real process, writing UTF-8, trips on), ended in a
    # traceback and exit code 1.
    fixed = {
        "surrogat.json": '{"seance": {"date": "2023-01-01"}, "collectivite": {"nom": "\\ud800"}}',
        "profond.json": '{"seance": {"date": "2023-01-01", "membres": ' + "[" * 100_000 + "]" * 100_000 + "}}",
        "profond-flux.yaml": "seance: {date: '2023-01-01', membres: " + "[" * 100_000 + "]" * 100_000 + "}\n",
        "profond-tirets.yaml": "seance:\n  date: '2023-01-01'\n  membres:\n    " + "- " * 40_000 + "1\n",
        "enorme.yaml": "seance: {date: '2023-01-01', presents: " + "7" * 5000 + "}\n",
    }
    for name, text in fixed.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return files + [str(tmp_path / name) for name in fixed]


def test_a_real_process_exits_2_on_invalid_input_without_a_traceback(tmp_path):
    files = _one_of_each_kind(tmp_path)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "checker.cli", "check", "--regles", str(RULES_DIR)]
    batch = subprocess.run(command + files, capture_output=True, cwd=ROOT, env=env, timeout=300)
    stdin = subprocess.run(command + ["-"], input=bytes(range(256)) * 4, capture_output=True, cwd=ROOT, env=env,
                           timeout=300)
    for run in (batch, stdin):
        output = (run.stdout + run.stderr).decode("utf-8", "replace")
        assert "Traceback" not in output, output[-3000:]
        assert run.returncode == 2, output[-3000:]
    report = batch.stdout.decode("utf-8")
    assert all(os.path.basename(f) in report for f in files), report[-3000:]
