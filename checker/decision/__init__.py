"""Findings → decision: the action proposed to the prefecture's agent for each act, its deadline,
its reason, the documents to ask for, and the letters (`courrier`). See `proposition.py` for how the
action is chosen and `signaux.py` for when something unknown is worth a request."""
from checker.decision.proposition import (ACTION_LABELS, ACTION_SHORT, ACTIONS, AUCUNE_SUITE, AVERTISSEMENT,
                                          DEMANDE_DE_PIECES, JURISPRUDENCE_PIECES, OBSERVATIONS, RECOURS_GRACIEUX,
                                          Decision, decide)

__all__ = ["ACTIONS", "ACTION_LABELS", "ACTION_SHORT", "AUCUNE_SUITE", "AVERTISSEMENT", "DEMANDE_DE_PIECES",
           "Decision", "JURISPRUDENCE_PIECES", "OBSERVATIONS", "RECOURS_GRACIEUX", "decide"]
