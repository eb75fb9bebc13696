"""The letter written out: Markdown (also readable as plain text) and DOCX (python-docx), so that
the agent edits it in a word processor."""
from __future__ import annotations

from checker.decision.courrier import Lettre


def markdown(lettre: Lettre) -> str:
    out: list[str] = []
    for bloc in lettre.blocs:
        if bloc.kind == "entete":
            out.extend(line + "  " for line in bloc.text.splitlines())
        elif bloc.kind == "destinataire":
            out.extend(line + "  " for line in bloc.text.splitlines())
        elif bloc.kind == "objet":
            out.append(f"**{bloc.text}**")
        elif bloc.kind == "titre":
            out.append(f"### {bloc.text}")
        elif bloc.kind == "citation":
            out.append(f"> « {bloc.text} »")
        elif bloc.kind == "liste":
            out.extend(f"- {item}" for item in bloc.items)
        elif bloc.kind == "signature":
            out.extend(line + "  " for line in bloc.text.splitlines())
        elif bloc.kind == "note":
            out.append(f"*{bloc.text}*")
        else:
            out.append(bloc.text)
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def texte(lettre: Lettre) -> str:
    out: list[str] = []
    for bloc in lettre.blocs:
        if bloc.kind == "citation":
            out.append(f"    « {bloc.text} »")
        elif bloc.kind == "liste":
            out.extend(f"  - {item}" for item in bloc.items)
        else:
            out.append(bloc.text)
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def docx(lettre: Lettre, path) -> None:
    try:
        from docx import Document
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Pt
    except ImportError:
        from ruleset.errors import InputError
        raise InputError("le format DOCX demande python-docx : pip install 'delibcheck[courrier]' "
                         "(ou --format markdown)", fichier=str(path))
    document = Document()
    style = document.styles["Normal"]
    style.font.name = "Marianne"
    style.font.size = Pt(11)
    for bloc in lettre.blocs:
        if bloc.kind in ("entete", "signature"):
            paragraph = document.add_paragraph()
            for number, line in enumerate(bloc.text.splitlines()):
                run = paragraph.add_run(line)
                if number == 0 and bloc.kind == "entete":
                    run.bold = True
                if number < len(bloc.text.splitlines()) - 1:
                    run.add_break()
            if bloc.kind == "signature":
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        elif bloc.kind == "destinataire":
            paragraph = document.add_paragraph()
            lines = bloc.text.splitlines()
            for number, line in enumerate(lines):
                paragraph.add_run(line).add_break() if number < len(lines) - 1 else paragraph.add_run(line)
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        elif bloc.kind == "objet":
            document.add_paragraph().add_run(bloc.text).bold = True
        elif bloc.kind == "titre":
            document.add_paragraph().add_run(bloc.text).bold = True
        elif bloc.kind == "citation":
            paragraph = document.add_paragraph(f"« {bloc.text} »")
            paragraph.paragraph_format.left_indent = Pt(28)
            paragraph.runs[0].italic = True
        elif bloc.kind == "liste":
            for item in bloc.items:
                document.add_paragraph(item, style="List Bullet")
        elif bloc.kind == "note":
            document.add_paragraph().add_run(bloc.text).italic = True
        else:
            paragraph = document.add_paragraph(bloc.text)
            paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    document.save(str(path))
