"""JUnit XML: one testsuite per act, one testcase per rule and subject.

JUnit knows pass, failure, error and skipped: `non_conforme` is a failure, an unreadable record an
error, `non_applicable` is skipped, and `indetermine` is skipped with a message that starts with
« indéterminé » so that it is not mistaken for a pass.
"""
from __future__ import annotations

import re
from xml.sax.saxutils import escape
from xml.sax.saxutils import quoteattr as _quoteattr

from checker.findings import ERREUR, INDETERMINE, NON_APPLICABLE, NON_CONFORME

# XML 1.0 admits no control character but tab and line ends, no surrogate, no U+FFFE/U+FFFF, not
# even escaped: one such character from a record made the whole file unreadable. They are
# written as visible escapes instead.
_NOT_XML = re.compile("[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _clean(value) -> str:
    return _NOT_XML.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}",
                        str(value))


def _text(value) -> str:
    return escape(_clean(value), {'"': "&quot;"})


def quoteattr(value) -> str:
    return _quoteattr(_clean(value))


class Writer:
    totals_first = False
    separator = ""

    def __init__(self, **options):
        self.options = options

    def header(self, rules) -> str:
        return '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="delibcheck">\n'

    def fragment(self, result) -> str:
        if result.statut == ERREUR:
            return (f'  <testsuite name={quoteattr(result.fichier)} tests="1" failures="0" errors="1" skipped="0">\n'
                    f'    <testcase name="lecture du dossier" classname={quoteattr(result.fichier)}>\n'
                    f'      <error message={quoteattr(result.error.message)}>{_text(result.error)}</error>\n'
                    f'    </testcase>\n  </testsuite>\n')
        findings = result.findings
        failures = sum(1 for f in findings if f.statut == NON_CONFORME)
        skipped = sum(1 for f in findings if f.statut in (INDETERMINE, NON_APPLICABLE) or f.statut == "a_venir")
        name = f"{result.record.label} ({result.fichier})"
        lines = [f'  <testsuite name={quoteattr(name)} tests="{len(findings)}" failures="{failures}" '
                 f'errors="0" skipped="{skipped}">']
        for finding in findings:
            case = f'{finding.regle} — {finding.objet}'
            lines.append(f'    <testcase name={quoteattr(case)} classname={quoteattr(finding.article)}>')
            detail = _text(f"{finding.message}\n{finding.url or ''}".strip())
            if finding.statut == NON_CONFORME:
                lines.append(f'      <failure message={quoteattr(finding.message)} type={quoteattr(finding.gravite)}>'
                             f'{detail}</failure>')
            elif finding.statut == INDETERMINE:
                lines.append(f'      <skipped message={quoteattr("indéterminé : " + finding.message)}/>')
            elif finding.statut == NON_APPLICABLE:
                lines.append(f'      <skipped message={quoteattr("non applicable : " + finding.message)}/>')
            elif finding.statut == "a_venir":
                lines.append(f'      <skipped message={quoteattr("à venir : " + finding.message)}/>')
            lines.append('    </testcase>')
        lines.append('  </testsuite>')
        return "\n".join(lines) + "\n"

    def footer(self, totals: dict) -> str:
        return "</testsuites>\n"
