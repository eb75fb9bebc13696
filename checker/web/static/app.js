// delibcheck: the pages work without this script; with it, answers follow the form as it is filled.
"use strict";

function debounce(fn, ms) {
  let timer = null;
  return function () { clearTimeout(timer); timer = setTimeout(fn, ms); };
}

// Préparer une séance: the answers (convocation, quorum, checklist) recomputed by the server
// from the whole form, and put in place, as boxes are ticked and dates chosen.
function seanceEnDirect(form) {
  const target = document.getElementById("reponses");
  const url = form.dataset.reponses;
  if (!target || !url) return;
  let sequence = 0;
  const refresh = debounce(async function () {
    const mine = ++sequence;
    const data = new FormData(form);
    data.delete("registre");
    try {
      const response = await fetch(url, { method: "POST", body: data, credentials: "same-origin" });
      const html = await response.text();
      if (mine === sequence) {
        target.innerHTML = html;
        target.dataset.maj = String(mine);
      }
    } catch (e) {
      // The form can still be sent with its button.
    }
  }, 250);
  form.addEventListener("change", function (event) {
    if (event.target && event.target.name === "registre") return;
    refresh();
  });
}

// Vérifier un lot: the upload's progress, then the checking's, read from the batch's state.
function lotEnvoi(form) {
  const bar = document.getElementById("envoi");
  form.addEventListener("submit", function (event) {
    if (!window.XMLHttpRequest || !bar) return;
    event.preventDefault();
    const request = new XMLHttpRequest();
    bar.hidden = false;
    request.upload.addEventListener("progress", function (e) {
      if (e.lengthComputable) bar.value = Math.round((100 * e.loaded) / e.total);
    });
    request.addEventListener("load", function () {
      if (request.responseURL && request.status < 400) {
        window.location.assign(request.responseURL);
      } else {
        document.open();
        document.write(request.responseText);
        document.close();
      }
    });
    request.open("POST", form.action);
    request.send(new FormData(form));
  });
}

function lotProgression(section) {
  const faits = document.getElementById("faits");
  const total = document.getElementById("total");
  const bar = document.getElementById("avancement");
  async function poll() {
    try {
      const response = await fetch(section.dataset.etat, { credentials: "same-origin" });
      const etat = await response.json();
      if (etat.etat === "fini" || etat.etat === "echec") {
        window.location.assign(section.dataset.page);
        return;
      }
      if (faits) faits.textContent = String(etat.faits);
      if (total && etat.total) total.textContent = String(etat.total);
      if (bar) { if (etat.total) bar.max = etat.total; bar.value = etat.faits; }
    } catch (e) {
      // Next try below.
    }
    setTimeout(poll, 500);
  }
  poll();
}

// The body search, when the reference data is installed.
function rechercheCollectivite(input) {
  const list = document.getElementById(input.getAttribute("list"));
  input.addEventListener("input", debounce(async function () {
    if (input.value.trim().length < 3) return;
    const url = input.dataset.recherche + "?q=" + encodeURIComponent(input.value.trim());
    try {
      const response = await fetch(url, { credentials: "same-origin" });
      if (!response.ok) return;
      const data = await response.json();
      list.replaceChildren();
      for (const body of data.resultats || []) {
        const option = document.createElement("option");
        option.value = body.nom;
        option.label = body.libelle || body.nom;
        list.appendChild(option);
      }
    } catch (e) {
      // Typing the name stays possible.
    }
  }, 300));
}

document.addEventListener("DOMContentLoaded", function () {
  const seance = document.getElementById("form-seance");
  if (seance) seanceEnDirect(seance);
  const lot = document.getElementById("form-lot");
  if (lot) lotEnvoi(lot);
  const progression = document.getElementById("progression");
  if (progression && progression.dataset.etat) lotProgression(progression);
  const collectivite = document.querySelector("input[data-recherche]");
  if (collectivite) rechercheCollectivite(collectivite);
});
