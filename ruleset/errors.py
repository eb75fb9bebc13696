"""Errors that reach the user: each carries a French message naming the file and the place."""
from ruleset.traduction import visible

# A message quotes values; whatever a value held, the message stays short enough to read.
MAX_MESSAGE = 1000


class InputError(Exception):
    """A record, a document or an option the user gave cannot be read.

    `fichier` is the file (or `-` for standard input), `ligne` the 1-based line when known,
    `champ` the path of the field in the record when known.
    """

    def __init__(self, message: str, fichier: str | None = None, ligne: int | None = None,
                 champ: str | None = None):
        if len(message) > MAX_MESSAGE:
            message = message[:MAX_MESSAGE] + f"… (message coupé : {len(message)} caractères)"
        super().__init__(message)
        self.message = message
        self.fichier = fichier
        self.ligne = ligne
        self.champ = champ

    def __reduce__(self):
        # Errors travel from worker processes to the one writing the report: keep the place.
        return (_rebuild, (type(self), self.message, self.fichier, self.ligne, self.champ))

    def __str__(self) -> str:
        place = visible(self.fichier or "")
        if self.ligne is not None:
            place += f", ligne {self.ligne}"
        if self.champ:
            place += f", champ « {self.champ} »"
        message = visible(self.message)
        return f"{place} : {message}" if place else message


class RuleError(InputError):
    """A rule file breaks the rule language: unknown key, bad expression, overlapping versions."""


def _rebuild(cls, message, fichier, ligne, champ):
    return cls(message, fichier=fichier, ligne=ligne, champ=champ)
