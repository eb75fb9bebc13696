"""The errors the checker reports to users; defined with the rule language they share."""
from ruleset.errors import InputError, RuleError

__all__ = ["InputError", "RuleError"]
