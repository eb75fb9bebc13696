"""Exit codes: each means one thing, so that a pipeline can branch on it (as with ruff and sqlfluff).

`--echec-sur` chooses which statuses fail the step; by default a non-compliant act (1) and an
unreadable input (3). Nothing read at all is never a success (2).
"""
SUCCES = 0
NON_CONFORME = 1
RIEN_LU = 2
USAGE = 2
ILLISIBLES = 3
ECRITURE = 4
INTERROMPU = 130
TUBE_FERME = 141
TERMINE = 143

FAILURE_STATUSES = ("non_conforme", "indetermine", "erreur")
DEFAULT_FAILURES = ("non_conforme", "erreur")

TABLE = (
    (SUCCES, "rien de non conforme, et toutes les entrées lues"),
    (NON_CONFORME, "au moins un acte non conforme (ou un statut choisi par --echec-sur), quoi qu'il arrive par ailleurs"),
    (USAGE, "usage ou configuration invalide, ou aucune entrée n'a pu être lue"),
    (ILLISIBLES, "des entrées n'ont pu être lues (statut « erreur »), aucun acte non conforme"),
    (ECRITURE, "le rapport n'a pu être écrit (disque plein, fichier de sortie impossible à créer)"),
    (INTERROMPU, "interrompu (Ctrl-C, SIGINT)"),
    (TUBE_FERME, "sortie fermée par le programme qui la lisait (tube rompu, « | head »)"),
    (TERMINE, "arrêté par SIGTERM ; les processus de contrôle sont arrêtés aussi"),
)


def help_text() -> str:
    """The table for `--help` (click keeps the lines of a paragraph that starts with \\b)."""
    return "\b\nCodes de sortie :\n" + "\n".join(f"  {code:>3}  {meaning}" for code, meaning in TABLE)
