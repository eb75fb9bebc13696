"""A « non applicable » message is the version's own, whatever version lived at its address before.

The engine keeps each version's plain messages (those with no value to render). Kept by the
version's id in a table of the module, a version freed (another catalogue loaded, a cache dropped)
left its message to the next version made at the same address: a rule could print another rule's
« sans objet » message."""
from __future__ import annotations

import dataclasses
import datetime as dt

from checker.engine import _plain_message
from checker.findings import NON_APPLICABLE
from ruleset.model import Version

DEFAULT = "Règle sans objet pour ce dossier."


def _version(messages: dict) -> Version:
    return Version(du=dt.date(1996, 2, 24), au=None, legiarti=None, texte="loi", alinea=None, citation=None,
                   applicable=None, valeurs=[], exigence=None, messages=messages)


def test_a_version_made_where_a_freed_one_was_gets_its_own_message():
    kept, reused = [], 0
    for _ in range(200):
        earlier = _version({NON_APPLICABLE: "Séance publique : règle sans objet."})
        address = id(earlier)
        assert _plain_message(earlier, NON_APPLICABLE) == "Séance publique : règle sans objet."
        del earlier
        later = _version({})
        assert _plain_message(later, NON_APPLICABLE) == DEFAULT
        if id(later) == address:
            reused += 1
        else:
            kept.append(later)
    # The case that printed the wrong message was met (CPython gives a freed address to the next
    # object of its size).
    assert reused > 0


def test_the_plain_message_is_kept_with_the_version_and_does_not_change_its_equality():
    version = _version({NON_APPLICABLE: "Aucun pouvoir : aucune voix à retrancher."})
    twin = dataclasses.replace(version)
    assert _plain_message(version, NON_APPLICABLE) == "Aucun pouvoir : aucune voix à retrancher."
    assert _plain_message(version, NON_APPLICABLE) is _plain_message(version, NON_APPLICABLE)
    assert version == twin
