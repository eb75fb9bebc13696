"""The HTML worklist as an agent sees it, in Chromium: order, filters, an act's detail, the timeline."""
import datetime as dt
import json

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from checker.cli import main
from checker.reports.html import LARGEUR, MARGE, timeline_layout

from conftest import ROOT
from test_decision import dossier

ARTEFACTS = ROOT / "test-artefacts"


def acte(nom, **changes):
    data = dossier(**changes)
    data["collectivite"]["nom"] = nom
    return data


def batch():
    """Four acts, one per action, the two recours with different deadlines."""
    return [
        acte("Commune calme"),                                                                    # aucune suite
        acte("Commune tardive", convocation__date_envoi="2023-02-27",
             deliberations__0__transmission={"date_reception": "2023-03-20"}),                  # recours, 22 mai
        acte("Commune pressée", convocation__date_envoi={"valeur": "2023-02-27",                # recours, 4 mai
                                                         "source": "convoqué le 27 février 2023"}),
        acte("Commune muette", seance__presents=None, seance__representes=None),                  # demande de pièces
        acte("Commune en retard", convocation__date_envoi="2023-02-22"),                          # observations
    ]


def write_page(tmp_path, records, name="liste.html"):
    source = tmp_path / "actes.jsonl"
    source.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(source), "--format", "html"], catch_exceptions=False)
    page = tmp_path / name
    page.write_text(result.stdout, encoding="utf-8")
    return page


def open_page(page, path):
    page.set_default_timeout(5000)
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(path.as_uri())
    page.wait_for_selector("body[data-pret=oui]")
    return requests


def visible_bodies(page):
    return page.eval_on_selector_all("tbody.acte.montre", "bs => bs.map(b => b.dataset.collectivite)")


def test_the_worklist_puts_the_most_urgent_act_first_and_filters_change_the_rows(page, tmp_path):
    path = write_page(tmp_path, batch())
    requests = open_page(page, path)
    ARTEFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTEFACTS / "liste-de-travail.png"), full_page=True)
    assert visible_bodies(page) == ["Commune pressée", "Commune tardive", "Commune muette", "Commune en retard",
                                    "Commune calme"]
    first = page.locator("tbody.acte.montre tr.ligne").first
    assert "recours gracieux" in first.inner_text() and "04/05/2023" in first.inner_text()
    page.select_option("#f-action", "demande_de_pieces")
    assert visible_bodies(page) == ["Commune muette"]
    page.select_option("#f-action", "")
    page.select_option("#f-collectivite", "Commune calme")
    assert visible_bodies(page) == ["Commune calme"]
    page.select_option("#f-collectivite", "")
    page.select_option("#f-gravite", "1")          # illégalité et plus grave
    assert visible_bodies(page) == ["Commune pressée", "Commune tardive"]
    page.select_option("#f-gravite", "")
    page.select_option("#f-statut", "indetermine")
    assert "Commune pressée" not in visible_bodies(page) and "Commune muette" in visible_bodies(page)
    assert all(url.startswith("file://") for url in requests)


def test_each_act_opens_with_its_deadline_in_its_header_and_violations_first(page, tmp_path):
    open_page(page, write_page(tmp_path, batch()))
    buttons = page.locator("tbody.acte.montre button.ouvrir")
    expected = {"Commune pressée": "jeudi 04/05/2023", "Commune tardive": "lundi 22/05/2023",
                "Commune calme": "jeudi 04/05/2023"}
    for index in range(buttons.count()):
        buttons.nth(index).click()
    for name, deadline in expected.items():
        header = page.locator(f"tbody.acte[data-collectivite='{name}'] .entete-acte")
        assert header.is_visible()
        assert deadline in header.inner_text()
    detail = page.locator("tbody.acte[data-collectivite='Commune pressée'] tr.detail")
    detail.screenshot(path=str(ARTEFACTS / "acte-recours.png"))
    text = detail.inner_text()
    assert text.index("Irrégularités") < text.index("Non vérifiable") < text.index("Conforme")
    assert "d'après" in text and "« " in text
    for violation in detail.locator(".violation").all():
        links = violation.locator("a")
        if links.count():
            assert links.first.get_attribute("href").startswith("https://www.legifrance.gouv.fr/")
        else:
            assert "lien Légifrance à vérifier" in violation.inner_text()
    quorum = page.locator("tbody.acte[data-collectivite='Commune muette'] tr.detail details").first
    quorum.locator("summary").click()
    assert "article L2121-10 — La convocation est faite par le maire" in quorum.inner_text()
    muette = page.locator("tbody.acte[data-collectivite='Commune muette'] tr.detail").inner_text()
    assert "Pièces à demander" in muette and "feuille de présence" in muette and "357031" in muette
    assert not page.locator("tbody.acte[data-collectivite='Commune pressée'] details").first.evaluate("d => d.open")


def test_every_timeline_label_lies_inside_the_drawing_without_overlap(page, tmp_path):
    records = [acte("Commune pressée", convocation__date_envoi="2023-02-27",
                    deliberations__0__publicite={"date_mise_en_ligne": "2023-02-28"},
                    deliberations__0__transmission={"date_reception": "2023-02-28"}),
               acte("Commune lente", convocation__date_envoi="2023-01-02",
                    deliberations__0__transmission={"date_reception": "2023-06-30"})]
    open_page(page, write_page(tmp_path, records))
    for index in range(2):
        page.locator("tbody.acte.montre button.ouvrir").nth(index).click()
    boxes = page.eval_on_selector_all("svg.chronologie", """svgs => svgs.map(svg => {
        const frame = svg.getBoundingClientRect();
        return {frame: [frame.left, frame.top, frame.right, frame.bottom],
                labels: [...svg.querySelectorAll('text')].map(t => {
                    const r = t.getBoundingClientRect();
                    return {text: t.textContent, box: [r.left, r.top, r.right, r.bottom]};
                })};
    })""")
    assert len(boxes) == 2
    for drawing in boxes:
        left, top, right, bottom = drawing["frame"]
        labels = drawing["labels"]
        assert any(label["text"].startswith("dernier jour du déféré") for label in labels)
        for label in labels:
            l, t, r, b = label["box"]
            assert left <= l and r <= right and top <= t and b <= bottom, label
        for i, one in enumerate(labels):
            for other in labels[i + 1:]:
                a, b = one["box"], other["box"]
                assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1], (one, other)
    page.locator("svg.chronologie").first.screenshot(path=str(ARTEFACTS / "chronologie.png"))


def test_the_list_is_keyboard_accessible(page, tmp_path):
    open_page(page, write_page(tmp_path, batch()))
    button = page.locator("tbody.acte.montre button.ouvrir").first
    button.focus()
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    focused = page.evaluate("document.activeElement.tagName")
    assert focused == "H3"
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "false"
    for control in ("#f-action", "#f-collectivite", "#f-gravite", "#f-statut"):
        assert page.locator(f"label[for='{control[1:]}']").count() == 1


def test_values_from_a_document_cannot_inject_markup(page, tmp_path):
    evil = acte("<img src=x onerror=\"window.pirate=1\">",
                convocation__date_envoi="2023-02-27",
                deliberations__0__objet="</script><script>window.pirate=2</script><b>gras</b>")
    path = write_page(tmp_path, [evil])
    open_page(page, path)
    page.locator("button.ouvrir").first.click()
    assert page.evaluate("window.pirate") is None
    assert page.locator("tbody.acte img, tbody.acte b").count() == 0
    assert "</script><script>window.pirate=2</script>" in page.locator("tbody.acte td.objet").inner_text()


def test_a_long_list_is_paged(page, tmp_path):
    records = [acte(f"Commune {i:03d}") for i in range(120)]
    open_page(page, write_page(tmp_path, records))
    assert len(visible_bodies(page)) == 50
    assert "Actes 1–50 sur 120" in page.inner_text("#p-etat")
    page.click("#p-suiv")
    page.click("#p-suiv")
    assert len(visible_bodies(page)) == 20
    assert page.locator("#p-suiv").is_disabled()


def test_the_print_stylesheet_hides_the_controls(page, tmp_path):
    open_page(page, write_page(tmp_path, batch()))
    page.emulate_media(media="print")
    assert not page.locator(".filtres").is_visible() and not page.locator(".pager").is_visible()
    assert page.locator("tbody.acte.montre tr.ligne").first.is_visible()


DAYS = st.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date(2030, 12, 31))


@given(st.lists(DAYS, min_size=2, max_size=6))
def test_timeline_labels_never_overlap_nor_leave_the_drawing(days):
    labels = ["convocation envoyée", "séance", "publicité", "reçu en préfecture", "dernier jour du déféré (au plus tôt)",
              "séance"]
    points = sorted(((labels[i], day, i == len(days) - 1) for i, day in enumerate(days)), key=lambda p: p[1])
    layout = timeline_layout(points)
    placed = layout["points"]
    assert len(placed) == len(points)
    for p in placed:
        width = len(p["texte"]) * 7.2
        assert MARGE - 0.5 <= p["tx"] and p["tx"] + width <= LARGEUR - MARGE + 0.5
        assert 0 < p["ty"] - 12 and p["ty"] + 4 <= layout["hauteur"]
    for i, a in enumerate(placed):
        for b in placed[i + 1:]:
            if a["ty"] == b["ty"]:
                wa, wb = len(a["texte"]) * 7.2, len(b["texte"]) * 7.2
                assert a["tx"] + wa <= b["tx"] or b["tx"] + wb <= a["tx"]


def test_the_header_counts_the_proposed_actions(page, tmp_path):
    open_page(page, write_page(tmp_path, batch()))
    text = page.inner_text("#repartition")
    assert "recours gracieux : 2" in text and "demande de pièces : 1" in text and "aucune suite : 1" in text


def test_overdue_and_nearly_due_deadlines_are_highlighted(page, tmp_path):
    received = dt.date.today() - dt.timedelta(days=55)          # last day in about a week
    meeting = received - dt.timedelta(days=3)
    soon = acte("Commune proche", seance__date=meeting.isoformat(), convocation__date_envoi=meeting.isoformat(),
                deliberations__0__transmission={"date_reception": received.isoformat()})
    old = acte("Commune ancienne", convocation__date_envoi="2023-02-27")
    open_page(page, write_page(tmp_path, [old, soon]))
    classes = {page.locator(f"tbody.acte[data-collectivite='{n}'] tr.ligne").get_attribute("class")
               for n in ("Commune proche", "Commune ancienne")}
    assert classes == {"ligne proche", "ligne depasse"}
    assert visible_bodies(page)[0] == "Commune ancienne"     # the overdue one, sooner, comes first
