"""Property 8 (issue 4): a record written out as YAML or JSON and read back gives the same findings.

The record is written the ways a person or a program would (block or flow YAML, keys sorted or
not, accents escaped or not, JSON indented or compact), read back from the file by the reader the
command uses, and checked: every finding, with its values, facts and missing facts, is the same
as for the record checked directly.
"""
import json

import pytest
import yaml
from hypothesis import assume, example, given
from hypothesis import strategies as st

from checker.record import build_record, read_record_file

from strategies import dossiers, dossiers_du_schema

FORMATS = st.one_of(
    st.fixed_dictionaries({"format": st.just("yaml"), "sort_keys": st.booleans(), "allow_unicode": st.booleans(),
                           "default_flow_style": st.sampled_from((False, True, None)), "suffixe": st.sampled_from((".yaml", ".yml"))}),
    st.fixed_dictionaries({"format": st.just("json"), "ensure_ascii": st.booleans(),
                           "indent": st.sampled_from((None, 0, 2)), "suffixe": st.just(".json")}),
)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    return tmp_path_factory.mktemp("aller-retour")


def _write(data, how, path):
    if how["format"] == "yaml":
        text = yaml.safe_dump(data, sort_keys=how["sort_keys"], allow_unicode=how["allow_unicode"],
                              default_flow_style=how["default_flow_style"])
        # PyYAML's emitter writes some characters raw that its own reader then folds (U+0085,
        # NEXT LINE, in a quoted text with allow_unicode): that file says something else, and it
        # is the writer's doing, not the checker's.
        assume(yaml.safe_load(text) == data)
    else:
        text = json.dumps(data, ensure_ascii=how["ensure_ascii"], indent=how["indent"])
    path.write_text(text, encoding="utf-8")


def _findings(engine, record):
    return [f.to_dict() for f in engine.check(record)]


@given(data=st.one_of(dossiers(), dossiers(coherent=False), dossiers_du_schema()), how=FORMATS)
# Found by this property: a part of the record read whole (the roll) was reported as its Python
# repr, whose key order followed the file's: the same record written with sorted keys differed.
@example(data={"seance": {"date": "2000-01-01", "membres": [{"presence": "present", "nom": "A"}]}},
         how={"format": "yaml", "sort_keys": True, "allow_unicode": False, "default_flow_style": False,
              "suffixe": ".yaml"})
def test_a_record_written_as_yaml_or_json_and_read_back_gives_the_same_findings(engine, workdir, data, how):
    path = workdir / f"dossier{how['suffixe']}"
    _write(data, how, path)
    direct = _findings(engine, build_record(data, str(path)))
    assert _findings(engine, read_record_file(path)) == direct
