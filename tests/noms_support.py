"""Helpers shared by the tests of the names reader (lists of présents, absents, pouvoirs)."""
from __future__ import annotations

import re
import unicodedata


def fold(name):
    """A name as a set of words: accents, case, a leading civility, hyphens and word order left
    aside, so that « M. Jean-Paul DUPONT » and « DUPONT Jean Paul » compare equal. None stays None."""
    if not name:
        return None
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    plain = re.sub(r"^(?:m|mme|mr|monsieur|madame)\.? +", "", plain)
    return " ".join(sorted(plain.replace("-", " ").split()))
