"""Errors that reach the user: each carries a French message naming the file and the place."""


class InputError(Exception):
    """A record, a document or an option the user gave cannot be read.

    `fichier` is the file (or `-` for standard input), `ligne` the 1-based line when known,
    `champ` the path of the field in the record when known.
    """

    def __init__(self, message: str, fichier: str | None = None, ligne: int | None = None,
                 champ: str | None = None):
        super().__init__(message)
        self.message = message
        self.fichier = fichier
        self.ligne = ligne
        self.champ = champ

    def __reduce__(self):
        # Errors travel from worker processes to the one writing the report: keep the place.
        return (_rebuild, (type(self), self.message, self.fichier, self.ligne, self.champ))

    def __str__(self) -> str:
        place = self.fichier or ""
        if self.ligne is not None:
            place += f", ligne {self.ligne}"
        if self.champ:
            place += f", champ « {self.champ} »"
        return f"{place} : {self.message}" if place else self.message


class RuleError(InputError):
    """A rule file breaks the rule language: unknown key, bad expression, overlapping versions."""


def _rebuild(cls, message, fichier, ligne, champ):
    return cls(message, fichier=fichier, ligne=ligne, champ=champ)
