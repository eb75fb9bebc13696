(function(){
"use strict";
// Rows stay out of the layout until the list is sorted and paged: a page of 10 000 acts would
// otherwise lay out every row once before showing fifty.
document.documentElement.classList.add("js");
const PAGE=50, PROCHE=15;
let actes=[], visibles=[], page=0, REGLES={};
function iso(d){return d.getFullYear()+"-"+String(d.getMonth()+1).padStart(2,"0")+"-"+String(d.getDate()).padStart(2,"0");}
function trier(){
  actes.sort((a,b)=>(a.dataset.rang-b.dataset.rang)||((a.dataset.echeance||"9999")<(b.dataset.echeance||"9999")?-1:(a.dataset.echeance||"9999")>(b.dataset.echeance||"9999")?1:0)||(a.dataset.ordre-b.dataset.ordre));
  const table=document.getElementById("liste"), frag=document.createDocumentFragment();
  for(const a of actes) frag.appendChild(a);
  table.appendChild(frag);
}
function marquer(){
  const today=new Date(), soon=new Date(today.getTime()+PROCHE*86400000), t=iso(today), s=iso(soon);
  for(const a of actes){
    const e=a.dataset.echeance, row=a.firstElementChild;
    row.classList.remove("depasse","proche");
    if(!e||a.dataset.action==="aucune_suite") continue;
    if(e<t) row.classList.add("depasse"); else if(e<=s) row.classList.add("proche");
  }
}
function valeur(id){return document.getElementById(id).value;}
function filtrer(){
  const act=valeur("f-action"), col=valeur("f-collectivite"), grav=valeur("f-gravite"), st=valeur("f-statut");
  visibles=actes.filter(a=>{
    if(act&&a.dataset.action!==act) return false;
    if(col&&a.dataset.collectivite!==col) return false;
    if(st&&a.dataset.statut!==st) return false;
    if(grav!==""){const r=(a.dataset.rangs||"").split(" ").filter(Boolean).map(Number); if(!r.some(x=>x<=Number(grav))) return false;}
    return true;
  });
  page=0; afficher();
}
function afficher(){
  const pages=Math.max(1,Math.ceil(visibles.length/PAGE)); if(page>=pages) page=pages-1;
  const debut=page*PAGE, fin=Math.min(visibles.length,debut+PAGE), montre=new Set(visibles.slice(debut,fin));
  for(const a of actes){const m=montre.has(a); if(a.classList.contains("montre")!==m) a.classList.toggle("montre",m);}
  document.getElementById("p-etat").textContent=visibles.length?("Actes "+(debut+1)+"–"+fin+" sur "+visibles.length+(visibles.length<actes.length?" (filtrés parmi "+actes.length+")":"")):"Aucun acte ne correspond aux filtres.";
  document.getElementById("p-prec").disabled=page===0;
  document.getElementById("p-suiv").disabled=page>=pages-1;
}
function ouvrir(bouton){
  const detail=document.getElementById(bouton.getAttribute("aria-controls"));
  const differe=detail.querySelector("script.differe");
  if(differe){
    // The detail was written by the report's templates with every value escaped; it is kept as
    // text until the act is opened, so that a page of 10 000 acts parses only its rows.
    const cell=differe.parentNode, html=differe.textContent; differe.remove(); cell.innerHTML=html;
    for(const li of cell.querySelectorAll("li[data-r]")){
      const r=REGLES[li.dataset.r]; if(!r) continue;
      const head=document.createElement("strong"); head.textContent=r[0]+" — "+r[1]+" : ";
      li.insertBefore(head,li.firstChild);
    }
  }
  const ouvert=bouton.getAttribute("aria-expanded")==="true";
  detail.hidden=ouvert; bouton.setAttribute("aria-expanded",String(!ouvert));
  bouton.textContent=ouvert?"▸":"▾";
  bouton.setAttribute("aria-label",(ouvert?"Ouvrir":"Fermer")+bouton.getAttribute("aria-label").replace(/^(Ouvrir|Fermer)/,""));
  if(!ouvert){const h=detail.querySelector("h3"); if(h){h.setAttribute("tabindex","-1"); h.focus({preventScroll:false});}}
}
document.addEventListener("DOMContentLoaded",()=>{
  const dico=document.getElementById("regles"); if(dico) REGLES=JSON.parse(dico.textContent);
  actes=Array.from(document.querySelectorAll("tbody.acte"));
  trier(); marquer();
  const sel=document.getElementById("f-collectivite"), noms=[...new Set(actes.map(a=>a.dataset.collectivite).filter(Boolean))].sort((a,b)=>a.localeCompare(b,"fr"));
  for(const n of noms){const o=document.createElement("option"); o.value=n; o.textContent=n; sel.appendChild(o);}
  const compte={}; for(const a of actes) compte[a.dataset.action]=(compte[a.dataset.action]||0)+1;
  const parts=[];
  for(const o of document.getElementById("f-action").options) if(o.value){parts.push(o.textContent+" : "+(compte[o.value]||0)); o.textContent+=" ("+(compte[o.value]||0)+")";}
  document.getElementById("repartition").textContent="Propositions — "+parts.join(" ; ");
  for(const id of ["f-action","f-collectivite","f-gravite","f-statut"]) document.getElementById(id).addEventListener("change",filtrer);
  document.getElementById("p-prec").addEventListener("click",()=>{page--; afficher();});
  document.getElementById("p-suiv").addEventListener("click",()=>{page++; afficher();});
  document.getElementById("liste").addEventListener("click",e=>{const b=e.target.closest("button.ouvrir"); if(b) ouvrir(b);});
  document.body.dataset.pret="oui";
  filtrer();
});
})();
