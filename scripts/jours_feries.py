"""Write ruleset/jours_feries.py: the French public holidays of 1884–2100 as the `holidays`
library computes them (with the Alsace-Moselle local days), so that a check needs not import that
library (250 countries, a sixth of a one-record run's CPU) to know whether a day is a holiday.

    python scripts/jours_feries.py

tests/test_jours_feries.py checks the table against the library, year by year.
"""
from __future__ import annotations

from pathlib import Path

import holidays

FIRST, LAST = 1884, 2100
TARGET = Path(__file__).resolve().parent.parent / "ruleset" / "jours_feries.py"


def _days(calendar_) -> str:
    return ",".join(f"{d.month:02d}{d.day:02d}" for d in sorted(calendar_.keys()))


def main() -> None:
    general, local = [], []
    for year in range(FIRST, LAST + 1):
        national = holidays.France(years=year)
        moselle = holidays.France(subdiv="57", years=year)
        general.append(f"    {year}: \"{_days(national)}\",")
        extra = {d for d in moselle.keys() if d not in national}
        local.append(f"    {year}: \"{','.join(f'{d.month:02d}{d.day:02d}' for d in sorted(extra))}\",")
    TARGET.write_text(
        '"""French public holidays, 1884–2100, written by scripts/jours_feries.py from the `holidays`\n'
        f'library ({holidays.__version__}); tests/test_jours_feries.py checks them against it.\n\n'
        "Each year maps to its days as MMDD, comma-separated. LOCAL holds the Alsace-Moselle local days\n"
        '(Good Friday, 26 December) that come on top of the national ones. Generated: do not edit.\n"""\n\n'
        f"FIRST, LAST = {FIRST}, {LAST}\n\nNATIONAL = {{\n" + "\n".join(general) + "\n}\n\nLOCAL = {\n"
        + "\n".join(local) + "\n}\n", encoding="utf-8")


if __name__ == "__main__":
    main()
