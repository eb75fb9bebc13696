"""Imported by the reading processes' forkserver only: one small PDF and one text read at start-up.

Every document is read in a fresh child forked from that server. What the reader and pypdf build
on their first use (compiled patterns, lazily imported modules, font tables) is then built once
here and inherited by every child, instead of being built again for each document — it was half
of the reading time of a ten-page PDF.
"""
from __future__ import annotations

from checker.pdf_texte import text_pages_pdf
from checker.web.isolation import read_in_process


SAMPLE = ["COMMUNE DE SAINT-EXEMPLE", "EXTRAIT DU REGISTRE DES DELIBERATIONS DU CONSEIL MUNICIPAL",
          "Seance du 19 decembre 2023", "L'an deux mille vingt-trois, le dix-neuf decembre a 18h30, le conseil municipal",
          "legalement convoque le 13 decembre 2023, s'est reuni sous la presidence de M. Jean MARTIN, maire.",
          "Membres en exercice : 15 - Presents : 12 - Representes : 2 - Votants : 14",
          "Secretaire de seance : Mme Claire DUPONT", "Deliberation n° 2023-45 : budget primitif 2024",
          "Adopte par 12 voix pour, 2 contre, 0 abstention.", "Recu en prefecture le 21/12/2023"]


def warm() -> None:
    try:
        read_in_process(text_pages_pdf([SAMPLE]), "echauffement.pdf", 1)
        read_in_process("\n".join(SAMPLE).encode(), "echauffement.txt", 1)
    except Exception:
        # Warming is an optimisation: a reader that refuses the sample still reads real documents.
        pass


warm()
