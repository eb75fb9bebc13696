"""The project's own schemas are valid JSON Schemas (checked here, not at every run)."""
import json
from importlib import resources

import jsonschema
import pytest

from ruleset.yaml_loader import load_yaml


@pytest.mark.parametrize("package, name", [("checker", "seance.schema.yaml"), ("ruleset", "regle.schema.yaml")])
def test_schema_is_a_valid_draft_2020_12_schema(package, name):
    text = resources.files(package).joinpath("schemas", name).read_text(encoding="utf-8")
    schema = json.loads(json.dumps(load_yaml(text, name)))
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"].endswith("2020-12/schema")
