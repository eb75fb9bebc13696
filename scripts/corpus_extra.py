"""Rebuild the texts of `bench/corpus/` from their public source, checked against their fingerprints.

    python scripts/corpus_extra.py [--source DIR] [--corpus ../shared/corpus] [--out bench/corpus]

The labels (`bench/corpus/{reglage,validation}/NNN.json`) are this project's work and are committed;
the texts they describe are not: they belong to their source and are rebuilt here, on each machine,
from a snapshot of github:Leo-Meg/Final-M2-Project-Date-Extraction-Pipeline (the `fetch` of the
search tool gives one; `DIR` defaults to $DELIBCHECK_CORPUS_SOURCE, else the usual mirror path). That
repository stores OCR text of the public LORIA/Datapolitics corpus of French local acts. Each text is
the column `context` of one row of `demo_data/cleaned_gold_label.csv` at the commit below, found by
its `doc_id`, the source address that opens the column removed, otherwise kept as is (OCR errors,
scrambled columns, about 8,000 characters), like `../shared/corpus/real/004–082`.

`bench/corpus/empreintes.json` holds the SHA-256 of every text as it was labelled: a rebuilt text
that differs is refused (its labels would no longer describe it); a text chosen for the first time
gets its fingerprint recorded.

The split is fixed by a rule, not by the contents: texts are numbered from 100 in the order of
`SELECTION`; within each kind of body (commune, EPCI, syndicate) they go in turn to the tuning part
(`reglage/`) and to the validation part (`validation/`), the first one to tuning. Appending to
`SELECTION` never moves a text already placed.

A text that duplicates one of `../shared/corpus/real/` (same document id in a label's `source`, or the
same first 300 letters and digits) is refused: the run stops and names the entry, never the text.

Other public sources (`OTHER_SOURCES`) are public repositories that store a body's own published PDFs (or the text
another project extracted from them, taken as stored, or the HTML another project made from the body's word-processor
files, read as a line per paragraph); a
`SELECTION` id « name:path » names one file of that source's snapshot at its pinned commit. Its text is
extracted with pypdf (a base dependency: every machine has it), whitespace cleaned only; another pypdf
version may extract it differently, and the fingerprint then refuses it rather than score labels against
another text. A missing snapshot is reported and its texts are left out; the run goes on.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import io
import os
import json
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REPOSITORY = "github:Leo-Meg/Final-M2-Project-Date-Extraction-Pipeline"
COMMIT = "68888572990c20f7ece1613c0f4e31baa5bdbe34"
TABLE = "demo_data/cleaned_gold_label.csv"
FIRST_NUMBER = 100
KINDS = ("commune", "epci", "syndicat")
DEFAULT_SOURCE = Path("/work/.mirror/Leo-Meg+Final-M2-Project-Date-Extraction-Pipeline/repo")
FINGERPRINTS = "empreintes.json"

# (kind, document id in the LORIA corpus), in the order the texts were chosen; only ever appended to.
SELECTION = [
    ("epci", "2515/213c7_proces-verbal-25-01-2023.pdf"),
    ("epci", "3132/6df22_cms_viewFile.php"),
    ("epci", "2120/6aa7b_8979238261_1352_pv-conseil-19-janvier-2023.pdf"),
    ("epci", "2983/5edce_PV-conseil-communautaire-6_-02-2023.pdf"),
    ("epci", "2842/547b473612b30ea1ff79e5ab609f32a24c21287e_PV-BUREAU-202402"),
    ("epci", "2939/f927e5448eb544d2bd5538c54e23cff31c7ca74c_PV-Conseil-du-09"),
    ("epci", "2983/b9b41_janvier_2020.pdf"),
    ("commune", "5371/98f72_CR-du-20.12.2022-2.pdf"),
    ("commune", "1700/f8f99_compte-rendu-cm-24-janvier-2020.pdf"),
    ("commune", "1038/ededb5073373170b7e05341b7c3ca6b48678e594_2022-12-PROCES-V"),
    ("epci", "3075/d77c7_200212-PV-Conseil-communataire-12-02-2020.pdf"),
    ("epci", "3018/850b0_q3kp6xirfjcdv2.pdf"),
    ("commune", "693/726fe_CM-2022-06-28_deliberations.pdf"),
    ("epci", "2690/f241c_DELBU2023-02-012-CESSION-TERRAIN-SAINT-LOUP-PABU-tampon.pdf"),
    ("commune", "669/c9b6d_7-Procs-verbal_20221212.pdf"),
    ("commune", "1555/264e4_2023-MARS-2023-PROCES-VERBAL-CONSEIL-MUNICIPAL.pdf"),
    ("commune", "1564/cd49c_PV_06_02_2023.pdf"),
    ("commune", "931/66a48_1-PV-CM-19-janv-2023.pdf"),
    ("epci", "2726/1b9b5818b354e5f5fc7fbccf89e6487e9bb247f4_PV-08-02-24.pdf"),
    ("epci", "3132/9146e_cms_viewFile.php"),
    ("commune", "1036/4fec5_7.PV-du-6-fevrier-2023.pdf"),
    ("commune", "204/0c1492b7c0d5578a8936bae374fb04c334a2be17_PV-9-02-2023-CM."),
    ("commune", "6357/8bef3_1698228857-PV---Conseil-Municipal-06-02-2023.pdf"),
    ("commune", "3904/25922b23670a649ceb3a73a62760d8e340779dd8_Proces-verbal-du"),
    ("commune", "3807/654e4d5863cbd353b3f1504b7416774a5502e671_23-02-07-CM-Proc"),
    ("commune", "234/51462_2023_02_23-proces-verbal-conseil-municipal.pdf"),
    ("commune", "1044/00d81_Deliberations_Conseil-Municipal_16-fevrier-2023.pdf"),
    ("epci", "2983/ae1b6_Decembre_2022.pdf"),
    ("epci", "3132/b91a1_cms_viewFile.php"),
    ("commune", "479/4bf714e44f23b173d30e050cc2e17d0e7ba8cfee_PV-30-MARS-2023-"),
    ("commune", "1821/1791b0d91e0fabc3e54271b402213dc72f2463c9_blois-cm-2022121"),
    ("commune", "992/e44e2_cr_sommaire_cm_du_7_fevrier.pdf"),
    ("epci", "1970/4b8988d9cbe60f1f628e777ed666a6c4c1dc18d5_6_Pieces_adminis"),
    ("syndicat", "295/ce115bef8800e8b3f85eec7d90bd851c128bbc6c__rob_2023_sipper"),
    ("commune", "1767/26b1d_cms_viewFile.php"),
    ("commune", "1557/07211_viewFile.php"),
    ("commune", "6923/9e59b3cfd42fedaae9cac10a512af6dbc213c885_PV-du-09-12-22.p"),
    ("commune", "5608/baffa9d29d3833b2125ac898177d6b8f3766eb8c_liste-delib-cm-d"),
    ("commune", "1924/c033e6e111d40c63bb1be0d62c4a20aafbc78dc8_1._Proces-verbal"),
    ("commune", "1220/55539_pv30012023-signe.pdf"),
    ("commune", "1086/eca87_2022_7_4.pdf"),
    ("commune", "2512/05207_cr_17_mars_2023.pdf"),
    ("commune", "1859/1a268b72f7a3aea0eb1724a771a2f47810fc778b_PV_CM_07122022.p"),
    ("commune", "1542/5587f_pv_cm_du_12-12-2022_signe.pdf"),
    ("commune", "1767/5f6d7_cms_viewFile.php"),
    ("commune", "1509/abedb_PV-9-FEVRIER-2023.pdf"),
    ("commune", "1408/f18a3_001_-_ag_-_02_-_proces-verbal_du_conseil_municipal_du_14_fevrier_2023.pdf"),
    ("commune", "1364/c4d88_conseil_municipal_2023-06-28_pv.pdf"),
    ("epci", "2459/7b13f_PROCES1.pdf"),
    ("commune", "couthenans:assets/pdf/CR_reunion_20210129.pdf"),
    ("commune", "1943/5b7c2_PV-seance-14-decembre-2022-signe.pdf"),
    ("commune", "couthenans:assets/pdf/CR_reunion_20210604.pdf"),
    ("commune", "1565/2d2a7_deliberations-et-annexes-conseil-municipal-31.01.23.pdf"),
    ("commune", "couthenans:assets/pdf/CR_reunion_20211105.pdf"),
    ("commune", "1565/3f5f0_proces-verbal-signe-conseil-municipal-pessac-21-mars-2023.pdf"),
    ("commune", "couthenans:assets/pdf/CR_conseil_municipal_28_10_2022.pdf"),
    ("commune", "693/fa565_compte_rendu__28_janvier_2020.pdf"),
    ("commune", "couthenans:assets/pdf/CR_conseil_municipal_24_02_2023.pdf"),
    ("commune", "1761/700d00b01799bc502e7ca67dfedd4edf7be58398_showFile.jsp"),
    ("commune", "1408/2c40d_001_-_ag_-_02_-_proces_verbal_de_la_seance_du_15_decembre_2022.pdf"),
    ("commune", "1509/84459_PV-22-JUIN-2023.pdf"),
    ("commune", "1843/3ebe32039c9e85a684615399f53cb9be2c8b961b_proces-verbal-du"),
    ("commune", "1749/bc84b_PV-CM-2-fevrier-2023-VF-1.pdf"),
    ("epci", "ragtor:data/example.pdf"),
    ("commune", "preuilly:content/services/services-publics/conseil-municipal/proces-verbal/PV.pdf"),
    ("commune", "847/fd11f_CM_20220627_-_Liste_des_deliberations_.pdf"),
    ("commune", "couthenans:assets/pdf/CR_reunion_20210409.pdf"),
    ("commune", "7001/aac1128da2b609d26f66215327a10d7daaebf1d0_20230216_PLUi_De"),
    # From 168 on each entry carries the part of its body, fixed when the body is chosen, before its texts are
    # read: all of a body's texts in one part, the parts kept even kind by kind.
    ("commune", "pierrefonds:static/compte-rendu-15-10-2015.pdf", "reglage"),
    ("epci", "pierrefonds:static/2025.09.25-Compte-rendu-du-CC-du-25-septembre-2025-approuve.pdf", "validation"),
    ("epci", "pierrefonds:static/2025.11.13-CR-CC-du-13-novembre-2025-approuve.pdf", "validation"),
    ("commune", "pierrefonds:static/compte-rendu-28-05-2019.pdf", "reglage"),
    ("commune", "pierrefonds:static/CM-06-avril-2021.pdf", "reglage"),
    ("epci", "pierrefonds:static/Compte-rendu-approuve-du-CC-du-13-mars-2025.pdf", "validation"),
    ("commune", "pierrefonds:static/compte-rendu-23-11-2020.pdf", "reglage"),
    ("commune", "pierrefonds:static/compte-rendu-02-02-2016.pdf", "reglage"),
    ("epci", "pierrefonds:static/Compte-rendu-approuve-du-CC-du-10-avril-2025.pdf", "validation"),
    ("commune", "pierrefonds:static/compte-rendu-09-10-2018.pdf", "reglage"),
    ("epci", "pierrefonds:static/2025.12.22-CR-du-Conseil-Communautaire-du-18-decembre-2025-approuve.pdf", "validation"),
    ("commune", "pierrefonds:static/20240613-PV-AFFICHAGE-1.pdf", "reglage"),
    ("commune", "pierrefonds:static/20250527-PV.pdf", "reglage"),
    ("commune", "lannion:data/raw/pdf/Procès verbal du conseil municipal du 25 mai.pdf", "validation"),
    ("commune", "lannion:data/raw/pdf/Procès verbal du conseil municipal\u00a0du 8 juin.pdf", "validation"),
    ("commune", "lannion:data/raw/pdf/Procès verbal conseil municipal du 5 juillet.pdf", "validation"),
    ("commune", "pierrefonds:static/compte-rendu-08-09-2020.pdf", "reglage"),
    ("commune", "pierrefonds:static/compte-rendu-15-12-2020.pdf", "reglage"),
    ("commune", "pierrefonds:static/CM-13-JANVIER-2022.pdf", "reglage"),
    ("commune", "pierrefonds:static/CM-22-novembre-2022.pdf", "reglage"),
    ("commune", "pierrefonds:static/CM-du-20-fevrier-2024.pdf", "reglage"),
    ("commune", "couthenans:assets/pdf/CR_reunion_20210917.pdf", "reglage"),
    ("commune", "couthenans:assets/pdf/CR_reunion_20211126.pdf", "reglage"),
    ("commune", "couthenans:assets/pdf/CR_reunion_20220121.pdf", "reglage"),
    ("commune", "couthenans:assets/pdf/CR_reunion_20220624.pdf", "reglage"),
    ("commune", "couthenans:assets/pdf/CR_conseil_municipal_07_10_2022.pdf", "reglage"),
    ("commune", "pierrefonds:static/compte-rendu-04-04-2017.pdf", "reglage"),
    ("commune", "pierrefonds:static/compte-rendu-10-12-2019.pdf", "reglage"),
    ("commune", "pierrefonds:static/CM-11-avril-2023.pdf", "reglage"),
    ("commune", "pierrefonds:static/20251120-PV.pdf", "reglage"),
    ("commune", "pierrefonds:static/compte-rendu-28-05-2020.pdf", "reglage"),
    ("epci", "1860/edf37_Conseil-de-Communaute-du-16-fevrier-2023.pdf", "validation"),
    ("epci", "2830/b03ce3ff9c291dd865773fe087f6243b68df615c_cahier_deliberat", "validation"),
    ("commune", "3878/038bda8f0a7930f010231ecb2201f998891ab4ad_Liste_des_dlibra", "validation"),
    ("commune", "4094/48c903506317b18c06d043d90537583cd95fa0fa_1-2_del20230003_", "reglage"),
    ("commune", "5346/9b2dd_del20220624_01-18_exec.pdf", "validation"),
    ("commune", "1364/c68e7_conseil_municipal_2022-12-14_liste.pdf", "validation"),
    ("commune", "1630/948cddab8040efebdb3d903ff5423d78b91411e3_Annexes-CM-28-02", "validation"),
    ("epci", "2465/79f2af9cf6cc4bbec5cbdc930c05aa2e6c1324f1_Rapport_Orientat", "reglage"),
    ("commune", "647/f71df_09B_Note_BP_2020.pdf", "reglage"),
    ("epci", "3540/1e9c9_AR-069-ANNEXE-4-RAPPORT-DACTIVITE-2021-VERT-MARINE.pdf", "validation"),
    ("commune", "3813/f0f3953b2c0f291dfe681fa818df5c2224659918_pv_cm_15_decembr", "validation"),
    ("commune", "1323/6c254_PRESENTATION-BP-2020-DEFINITIF.pdf", "validation"),
    ("commune", "putanges:public/datas/2016/compte-rendu-seance-du-26-01-2016.pdf", "reglage"),
    ("commune", "putanges:public/datas/2018/seance-du-19-11-2018-deliberations.pdf", "reglage"),
    ("commune", "putanges:public/datas/2020/registre-deliberations-seance-du-16-novembre-2020.pdf", "reglage"),
    ("commune", "putanges:public/datas/2022/registre-deliberations-pv-du-conseil-municipal-du-5-decembre-2022.pdf", "reglage"),
    ("commune", "demos:demos-trainer/src/test/resources/process/archiving/official_city_council_reports/text2.txt", "reglage"),
    ("commune", "demos:demos-trainer/src/test/resources/process/archiving/official_city_council_reports/text4.txt", "reglage"),
    ("commune", "demos:demos-trainer/src/test/resources/process/archiving/official_city_council_reports/text5.txt", "reglage"),
    ("commune", "demos:demos-trainer/src/test/resources/process/archiving/official_city_council_reports/text1.txt", "validation"),
    ("commune", "demos:demos-trainer/src/test/resources/process/archiving/official_city_council_reports/text3.txt", "validation"),
    ("commune", "demos:demos-trainer/src/test/resources/process/archiving/official_city_council_reports/text6.txt", "validation"),
    ("commune", "demos:demos-trainer/src/test/resources/process/training/text_dataset_producer/validation/city_council_report/CM%2004%2002%202013%20-%20PV.pdf.txt", "validation"),
    ("commune", "demos:demos-trainer/src/test/resources/process/training/text_dataset_producer/training/city_council_report/CM%2015%2009%202014-%20Proc%C3%A8s-verbal.pdf.txt", "validation"),
    ("commune", "demos:demos-trainer/src/test/resources/process/training/text_dataset_producer/training/city_council_report/Proc%C3%A8s%20verbal%20du%20conseil%20municipal%20du%204%20juillet%202016.pdf.txt", "validation"),
    ("commune", "demos:demos-trainer/src/test/resources/process/training/text_dataset_producer/training/city_council_report/CM04.07.2017%20-%20PV.pdf.txt", "validation"),
    ("commune", "montpellier:VilleMTP_MTP_PVCM/VilleMTP_MTP_PVCM_2011.zip!VilleMTP_MTP_PVCM_2011/PV_CM_07_02_2011.pdf", "validation"),
    ("commune", "montpellier:VilleMTP_MTP_PVCM/VilleMTP_MTP_PVCM_2014.zip!PV_CM_17_02_2014.pdf", "validation"),
    ("commune", "montpellier:VilleMTP_MTP_PVCM/VilleMTP_MTP_PVCM_2014.zip!PV_CM_24_04_2014.pdf", "validation"),
    ("commune", "montpellier:VilleMTP_MTP_Delibs/VilleMTP_MTP_Delib_2014_05_22.zip!VilleMTP_MTP_Delib_2014_05_22/2014-05-22-0000072016.pdf", "validation"),
    ("commune", "demos:demos-pdf-converter/src/test/resources/org/demos/pdfconverter/TestPdfConverter_cas2.pdf", "validation"),
    ("commune", "demos:demos-pdf-converter/src/test/resources/org/demos/pdfconverter/TestWebDocumentFilterBySize_file_small_enough.pdf", "reglage"),
    ("commune", "chemere:source-pdf/CM 26 mars 2008.pdf", "reglage"),
    ("commune", "chemere:source-pdf/CM 16 février 2010.pdf", "reglage"),
    ("commune", "chemere:source-pdf/CM 12 décembre 2012.pdf", "reglage"),
    ("commune", "chemere:source-pdf/CM 15 septembre 2015.pdf", "reglage"),
    ("commune", "aiglun:sources/comptes-rendus/pdf/CR CM 19122013.pdf", "validation"),
    ("commune", "aiglun:html/comptes-rendus/2012-03-02.html", "validation"),
    ("commune", "aiglun:html/comptes-rendus/2014-03-28.html", "validation"),
    ("commune", "montreuiltouraine:html/comptes-rendus/2008-05-09.html", "reglage"),
    ("commune", "montreuiltouraine:sources/atrier_renommer/2011/Séance du 17 février 2011/Séance du 17 février 2011 site.pdf", "reglage"),
    ("commune", "montreuiltouraine:sources/atrier_renommer/2014/Mars/28 mars.pdf", "reglage"),
    ("commune", "montreuiltouraine:sources/atrier_renommer/2016/28 juin.pdf", "reglage"),
    ("commune", "flaux:assets/documents/comptesrendus/liste des de\u0301libe\u0301rations 16 mai 2025.pdf", "validation"),
    ("syndicat", "295/d6cc0b38662d547297633c711e2b8db289ecafdd_pv_23.03.23-_sip", "reglage"),
    ("commune", "chemere:source-pdf/CM 22 avril 2014.pdf", "reglage"),
    ("commune", "montreuiltouraine:sources/comptes-rendus/pdf/tmp/2009CR09.04.2009.pdf", "reglage"),
    ("commune", "pierrefonds:static/Compte-rendu-du-Conseil-municipal-du-18-mai-2021.pdf", "reglage"),
    ("commune", "putanges:public/datas/2023/pv-de-la-seance-du-cm-du-5-juin-2023.pdf", "reglage"),
    ("commune", "putanges:public/datas/2019/seance-du-17-12-2019-deliberations.pdf", "reglage"),
    ("commune", "demos:demos-trainer/src/test/resources/process/training/text_dataset_producer/training/city_council_report/Proc%C3%A8s-verbal%20du%20conseil%20municipal%20du%2026%20juin%202018.pdf.txt", "validation"),
    ("commune", "aiglun:html/comptes-rendus/2015-04-10.html", "validation"),
    ("commune", "montpellier:VilleMTP_MTP_PVCM/VilleMTP_MTP_PVCM_2009.zip!VilleMTP_MTP_PVCM_2009/PV_CM_30_03_2009.pdf", "validation"),
    ("commune", "putanges:public/datas/2017/compte-rendu-registre-25-09-2017.pdf", "reglage"),
    ("commune", "demos:demos-trainer/src/test/resources/process/training/text_dataset_producer/training/city_council_report/CM17.03.06%20-%20PV.pdf.txt", "validation"),
    ("commune", "aiglun:html/comptes-rendus/2013-06-30.html", "validation"),
    ("commune", "putanges:public/datas/2016/compte-rendu-du-5-01-2016.pdf", "reglage"),
    ("commune", "montreuiltouraine:sources/atrier_renommer/2015/15 janvier.pdf", "reglage"),
    ("commune", "chemere:source-pdf/CM 21 avril 2009.pdf", "reglage"),
    ("commune", "putanges:public/datas/2018/compte-rendu-seance-09-avril-2018.pdf", "reglage"),
    ("commune", "montreuiltouraine:html/comptes-rendus/2009-01-24.html", "reglage"),
    ("commune", "montpellier:VilleMTP_MTP_Delibs/VilleMTP_MTP_Delib_2014_04_05.zip!2014-04-05-0000070899.pdf", "validation"),
    ("commune", "aiglun:html/comptes-rendus/2014-04-30.html", "validation"),
    ("commune", "demos:demos-trainer/src/test/resources/process/training/text_dataset_producer/training/city_council_report/Proc%C3%A8s%20verbal%20du%20conseil%20municipal%20du%209%20avril%202018.pdf.txt", "validation"),
    ("commune", "putanges:public/datas/2021/compte-rendu-seance-du-2-avril-2021.pdf", "reglage"),
    ("commune", "demos:demos-trainer/src/test/resources/process/training/text_dataset_producer/training/city_council_report/CM%2026%2001%202015%20-%20Proc%C3%A8s-verbal.pdf.txt", "validation"),
    ("commune", "putanges:public/datas/2022/cr-registre-du-conseil-municipal-seance-du-11.07.2022-version-conseillers-le-12-07-2022-1.pdf", "reglage"),
    ("commune", "aiglun:html/comptes-rendus/2016-06-20.html", "validation"),
    ("commune", "montreuiltouraine:sources/atrier_renommer/2015/1er octobre.pdf", "reglage"),
    ("epci", "pierrefonds:static/Compte-rendu-approuve-du-CC-du-26-juin-2025.md", "validation"),
    ("commune", "montpellier:VilleMTP_MTP_CRCM/VilleMTP_MTP_CRCM_2011.zip!VilleMTP_MTP_CRCM_2011/CR_CM_09_05_2011.pdf", "validation"),
    ("commune", "montpellier:VilleMTP_MTP_CRCM/VilleMTP_MTP_CRCM_2011.zip!VilleMTP_MTP_CRCM_2011/CR_CM_16_12_2011.pdf", "validation"),
    ("syndicat", "3031/86c1c_TOME-6_RNT_EES_PCAET_VF_janv-2023.pdf", "validation"),
    ("epci", "3020/68132_cms_viewFile.php", "reglage"),
    ("epci", "2933/049d8519b05417fbef5afb52766f1f14198ca719_C33-02-2020-1-_D", "reglage"),
]

# Texts taken out after they were placed: their number and part stay reserved (the split rule never
# moves a text), no text is rebuilt and no label is kept for them.
WITHDRAWN = {
    "116": "autre document de la séance du 6 février 2023 de Labastide-Saint-Pierre, déjà dans "
           "../shared/corpus/real/005 (partie de réglage)",
    "200": "Tours Métropole Val de Loire : son nom touche la commune de Tours (partie de validation) et un corps "
           "« Val de Loire » de la partie de réglage ; aucun côté ne l'isole",
}

# name: (repository, pinned commit, default snapshot of this machine, what the documents are, cut). A long
# document is cut like the LORIA texts: its first `cut` characters, to the end of that line (None: whole text).
OTHER_SOURCES = {
    "couthenans": ("github:SaugetMarc/couthenans.fr", "efd267404a1be7cab312ecb61933b2bcf1faad36",
                   Path("/work/.mirror/SaugetMarc+couthenans.fr/repo"),
                   "comptes rendus of the conseil municipal of Couthenans (Haute-Saône), 2021-2023, published "
                   "by the commune on https://couthenans.fr from this repository", None),
    "ragtor": ("github:alberto-lorente/RAGtor", "fbf9d162cf2e0039800b094b4108a4374f8ce62f",
               Path("/work/.mirror/alberto-lorente+RAGtor/repo"),
               "the procès-verbal of the conseil communautaire of Roannais Agglomération of 28 October 2021 "
               "(49 pages, as published by the communauté d'agglomération), stored as data/example.pdf", 8000),
    "preuilly": ("github:bjalon/municipal", "0723e0f4493a6f5980a4136a5b0439dbd9934adc",
                 Path("/work/.mirror/bjalon+municipal/repo"),
                 "the procès-verbal of the conseil municipal of Preuilly-sur-Claise (Indre-et-Loire) of 23 July 2020, "
                 "published on the commune's site built from this repository", 8000),
    "pierrefonds": ("github:guillesse94300/myMairie", "8dcbc9e0f45a0b76aea98fb45a90a4c513e10a27",
                    Path("/work/.mirror/guillesse94300+myMairie/repo"),
                    "comptes rendus and procès-verbaux of the conseil municipal of Pierrefonds (Oise), 2015-2025, and "
                    "comptes rendus of the conseil communautaire of the CC des Lisières de l'Oise (2025), PDFs published "
                    "by the two bodies, stored under static/ by a search application", 8000),
    "lannion": ("github:mthlht/lannion_cm", "9a6fe51e51150367cf33fef8f4b7d9dea6439f85",
                Path("/work/.mirror/mthlht+lannion_cm/repo"),
                "procès-verbaux of the conseil municipal of Lannion (Côtes-d'Armor), 2020-2021, as published by the "
                "commune, stored under data/raw/pdf/ by a study of councillors' attendance", 8000),
    "putanges": ("github:Alice-Po/ask-municipal-memory", "9d466f6a1b9dbb706b017045a6c4305fb6bd5296",
                 Path("/work/.mirror/Alice-Po+ask-municipal-memory/repo"),
                 "comptes rendus and procès-verbaux of the conseil municipal of Putanges-le-Lac (Orne, a commune nouvelle "
                 "since 2016), 2016-2025, as published by the commune, stored under public/datas/ by a search application",
                 8000),
    "demos": ("github:benjaminpochat/demos", "9a2b43073db3c3e8c9ffa8fdcd5eca353614d00d",
              Path("/work/.mirror/benjaminpochat+demos/repo"),
              "texts of procès-verbaux and comptes rendus of conseils municipaux (Avranches 2013-2018 and six other "
              "communes, 2006-2018), extracted from the PDFs the communes published and stored as test data under "
              "demos-trainer/src/test/resources/ by a project that classifies local public documents", 8000),
    "montpellier": ("github:jimmy1708/Opendata", "7db16be4dcf67e31b9c9c4fd5017cc24e6d3952b",
                    Path("/work/.mirror/jimmy1708+Opendata/repo"),
                    "open data of the Ville de Montpellier (Licence Ouverte): procès-verbaux of the conseil municipal and "
                    "extracts of its register of deliberations, 2009-2014, zip archives mirrored from "
                    "opendata.montpelliernumerique.fr; an id names « archive.zip!member.pdf »", 8000),
    "chemere": ("github:regardscitoyens/CM-chemere", "bfcc63f67dfb682067deb7dbd31d9fe86f35c5c6",
                Path("/work/.mirror/regardscitoyens+CM-chemere/repo"),
                "comptes rendus of the conseil municipal of Chéméré (Loire-Atlantique), 2004-2015, as the commune gave "
                "them (PDF under source-pdf/), stored by a Regards Citoyens open-data workshop", 8000),
    "aiglun": ("github:regardscitoyens/operation-libre-aiglun", "ab17be720ce7c085c390d5ebd266ab364adb8ac0",
               Path("/work/.mirror/regardscitoyens+operation-libre-aiglun/repo"),
               "comptes rendus of the conseil municipal of Aiglun (Alpes-de-Haute-Provence), 2012-2016, files the "
               "municipality gave to the Opération Libre 2016 (sources/comptes-rendus/)", 8000),
    "montreuiltouraine": ("github:Sebbaz/operation-libre-montreuil-en-touraine", "c681f11bb777770f0b66b7a18a9cafb770814313",
                          Path("/work/.mirror/Sebbaz+operation-libre-montreuil-en-touraine/repo"),
                          "extracts of the register and comptes rendus of the conseil municipal of Montreuil-en-Touraine "
                          "(Indre-et-Loire), 2008-2016, files the municipality gave to the Opération Libre 2016 (sources/, "
                          "and html/ for the word-processor files that project converted)", 8000),
    "flaux": ("github:Flaux-Village/flaux-village.github.io", "140ab15f06cc3fd31d0772e3793fd60f8b43f11d",
              Path("/work/.mirror/Flaux-Village+flaux-village.github.io/repo"),
              "documents the commune of Flaux (Gard) publishes on its site built from this repository "
              "(assets/documents/comptesrendus/: most are scans without a text layer)", 8000),
}

LORIA_TEXT_URL = re.compile(r'^\s*"?https?://\S+?\.txt\s*')


def fingerprint(text: str) -> str:
    """The first 300 letters and digits, without accents or case: the same OCR gives the same print."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "", plain)[:300]


def known_documents(shared: Path) -> tuple[set, list]:
    """Fingerprints of the texts already labelled, and the document ids their labels cite.

    Labels abbreviate long ids with « ... » (or « … »): an id is kept as (head, tail) and a document
    matches when its id starts with the head and ends with the tail, or is a prefix of the cited one
    (the CSV cuts long ids)."""
    prints = {fingerprint(path.read_text(encoding="utf-8")) for path in (shared / "real").glob("*.txt")}
    ids = []
    for path in (shared / "real").glob("*.json"):
        found = re.search(r"doc_id=(.*?)(?:; original|$)", json.loads(path.read_text(encoding="utf-8"))["source"])
        if found:
            cited = found.group(1).split(" (")[0].strip()
            parts = re.split(r"\.\.\.|…", cited, maxsplit=1)
            head, tail = parts[0], parts[1] if len(parts) > 1 else ""
            ids.append((head, tail))
    return prints, ids


def already_labelled(doc_id: str, text: str, prints: set, ids: list) -> bool:
    if fingerprint(text) in prints:
        return True
    for head, tail in ids:
        if tail and doc_id.startswith(head) and doc_id.endswith(tail):
            return True
        if not tail and (doc_id == head or head.startswith(doc_id) or doc_id.startswith(head)):
            return True
    return False


def rows(source: Path) -> dict:
    shown = subprocess.run(["git", "--git-dir", str(_git_dir(source)), "show", f"{COMMIT}:{TABLE}"],
                           check=True, capture_output=True).stdout.decode("utf-8")
    csv.field_size_limit(10 ** 9)
    table = {}
    for number, row in enumerate(csv.DictReader(io.StringIO(shown)), start=2):
        table.setdefault(row["doc_id"], (number, row))
    return table


def _git_dir(source: Path) -> Path:
    return source / ".git" if (source / ".git").exists() else source


def text_of(row: dict) -> str:
    """The column `context` without the source address the table puts before the text (glued to the
    text's first word, so it is cut by the row's own `url`, or the LORIA text address)."""
    context = row["context"]
    if row["url"] and context.startswith(row["url"]):
        return context[len(row["url"]):].strip() + "\n"
    return LORIA_TEXT_URL.sub("", context, count=1).strip() + "\n"


def shared_corpus() -> Path:
    """`../shared/corpus` beside the repository, or beside the worktrees' folder."""
    for base in (ROOT.parent, ROOT.parent.parent):
        if (base / "shared" / "corpus" / "real").is_dir():
            return base / "shared" / "corpus"
    return ROOT.parent / "shared" / "corpus"


def source_dir() -> Path:
    return Path(os.environ.get("DELIBCHECK_CORPUS_SOURCE") or DEFAULT_SOURCE)


def other_source_dir(name: str) -> Path:
    """The snapshot of one of OTHER_SOURCES: $DELIBCHECK_CORPUS_SOURCE_<NAME>, else the mirror path."""
    return Path(os.environ.get(f"DELIBCHECK_CORPUS_SOURCE_{name.upper()}") or OTHER_SOURCES[name][2])


def other_source(ident: str) -> tuple[str, str] | None:
    """(source name, path in its repository) when a SELECTION id names a file of OTHER_SOURCES."""
    name, sep, path = ident.partition(":")
    return (name, path) if sep and name in OTHER_SOURCES else None


def pdf_text(data: bytes, cut: int | None = None) -> str:
    """The text layer of a published PDF, page after page, whitespace cleaned only (no-break spaces, runs
    of spaces, blank lines): its wording, line breaks, typos and layout order are kept as published.

    With `cut`, pages stop being read once the text holds a line break past `cut` characters: the cleaning is
    line by line and pages are joined by a line break, so `cut_text` of the result is that of the whole text."""
    import logging
    from pypdf import PdfReader
    # A published PDF's broken cross-reference table is repaired by pypdf; its warnings say nothing about the text.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    kept: list[str] = []
    size = 0
    for page in PdfReader(io.BytesIO(data)).pages:
        for line in (page.extract_text() or "").splitlines():
            line = re.sub(r"[ \t]+", " ", line.replace("\xa0", " ")).strip()
            if line:
                kept.append(line)
                size += len(line) + 1
        if cut is not None and size > cut + 1:
            break
    return "\n".join(kept) + "\n"


# Tags that end a line of the rendered page (a paragraph, a heading, a table row, a list item, a line break).
_BLOCK_TAGS = {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "li", "table", "title", "dt", "dd",
               "blockquote", "pre", "hr"}


def html_text(data: bytes) -> str:
    """The text of an HTML page (a word-processor document saved as HTML), as a reader sees it: a line per paragraph,
    heading, table row or line break, the words of a paragraph joined by single spaces (the file's own line wraps are
    no line breaks), whitespace cleaned as in `pdf_text`; the head (title, styles) and scripts are left out."""
    from html.parser import HTMLParser

    class Page(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.lines, self.words, self.skip = [], [], 0

        def _end_line(self):
            line = re.sub(r"\s+", " ", "".join(self.words).replace("\xa0", " ")).strip()
            if line:
                self.lines.append(line)
            self.words = []

        def handle_starttag(self, tag, attrs):
            if tag in ("head", "style", "script"):
                self.skip += 1
            elif tag in _BLOCK_TAGS:
                self._end_line()

        def handle_endtag(self, tag):
            if tag in ("head", "style", "script"):
                self.skip = max(0, self.skip - 1)
            elif tag in _BLOCK_TAGS or tag == "td":
                if tag == "td":
                    self.words.append(" ")
                else:
                    self._end_line()

        def handle_data(self, text):
            if not self.skip:
                self.words.append(text)

    page = Page()
    page.feed(data.decode("utf-8", errors="replace"))
    page.close()
    page._end_line()
    return "\n".join(page.lines) + "\n"


def text_from_other_source(ident: str) -> str | None:
    """The text of a file of OTHER_SOURCES at its pinned commit; None when the snapshot is not here."""
    name, path = other_source(ident)
    git_dir = _git_dir(other_source_dir(name))
    if not git_dir.is_dir():
        return None
    stored, _, member = path.partition("!")
    data = subprocess.run(["git", "--git-dir", str(git_dir), "show", f"{OTHER_SOURCES[name][1]}:{stored}"],
                          check=True, capture_output=True).stdout
    if member:
        # « archive.zip!member.pdf »: one document of a zip archive the source publishes as one file.
        import zipfile
        data = zipfile.ZipFile(io.BytesIO(data)).read(member)
    if path.endswith((".html", ".htm")):
        # A document the repository stores converted to HTML (a word processor's file saved as HTML by that project).
        return cut_text(html_text(data), OTHER_SOURCES[name][4])
    if path.endswith(".txt"):
        # A text the repository already stores (extracted from the body's PDF by that project): taken as stored.
        return cut_text(data.decode("utf-8"), OTHER_SOURCES[name][4])
    if path.endswith(".md"):
        # The same, stored as Markdown: that project's own heading (its file name, the PDF it comes from) stands
        # before a line « --- »; only what follows is the document's text, taken as stored.
        return cut_text(stored_markdown_text(data.decode("utf-8")), OTHER_SOURCES[name][4])
    return cut_text(pdf_text(data, OTHER_SOURCES[name][4]), OTHER_SOURCES[name][4])


def stored_markdown_text(text: str) -> str:
    """The text after the first line « --- » of a Markdown file a source made from a PDF (the lines before it are
    the source's own heading, not the document's); a file without that line is taken whole."""
    head, rule, body = text.partition("\n---\n")
    return body.lstrip("\n") if rule else text


def cut_text(text: str, cut: int | None) -> str:
    """The first `cut` characters of a long text, to the end of the line they stop in."""
    if cut is None or len(text) <= cut:
        return text
    end = text.find("\n", cut)
    return text if end < 0 else text[:end + 1]


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


PARTS = ("reglage", "validation")


def placement() -> list:
    """(number, part, kind, id) of every selected text, by the split rule: an entry (kind, id) takes its turn
    within its kind; an entry (kind, id, part) was given the part of its body when the body was chosen."""
    seen = {kind: 0 for kind in KINDS}
    placed = []
    for offset, (kind, ident, *given) in enumerate(SELECTION):
        if given:
            part = given[0]
        else:
            part = "reglage" if seen[kind] % 2 == 0 else "validation"
            seen[kind] += 1
        placed.append((FIRST_NUMBER + offset, part, kind, ident))
    return placed


def build(source: Path, corpus: Path, out: Path, report=print) -> int:
    """Write every selected text under `out`; 0 when all are written and match their fingerprints, 3 when
    the snapshot of another source is missing (its texts are left out, the others written), 1 on a refusal."""
    prints, ids = known_documents(corpus)
    table = rows(source)
    recorded_path = out / FINGERPRINTS
    recorded = json.loads(recorded_path.read_text(encoding="utf-8")) if recorded_path.exists() else {}
    # Another document of a meeting already labelled (its agenda, its list of deliberations) would
    # carry the same facts: a validation text could leak into tuning, or the reverse.
    meetings = {(row["entity"], row["published"]) for doc_id, (_, row) in table.items()
                if already_labelled(doc_id, text_of(row), prints, ids)}
    written = set()
    status = 0
    for number, part, kind, ident in placement():
        key = f"{number:03d}"
        if key in WITHDRAWN:
            (out / part / f"{key}.txt").unlink(missing_ok=True)
            recorded.pop(key, None)
            continue
        if other_source(ident):
            text = text_from_other_source(ident)
            if text is None:
                name = other_source(ident)[0]
                report(f"{key} : copie de {OTHER_SOURCES[name][0]} introuvable ({other_source_dir(name)}), texte non reconstruit")
                status = 3
                continue
        elif ident not in table:
            report(f"{key} : document {ident} absent de {TABLE} à {COMMIT}")
            return 1
        else:
            text = text_of(table[ident][1])
            if (table[ident][1]["entity"], table[ident][1]["published"]) in meetings:
                report(f"{key} : {ident} est un autre document d'une séance déjà dans {corpus / 'real'}")
                return 1
        if already_labelled(ident, text, prints, ids):
            report(f"{key} : {ident} est déjà dans {corpus / 'real'}")
            return 1
        mark = fingerprint(text)
        if mark in written:
            report(f"{key} : {ident} répète un texte déjà choisi")
            return 1
        written.add(mark)
        if recorded.get(key, sha256(text)) != sha256(text):
            report(f"{key} : le texte reconstruit de {ident} diffère de celui qui a été étiqueté")
            return 1
        recorded[key] = sha256(text)
        target = out / part / f"{key}.txt"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    recorded_path.write_text(json.dumps(recorded, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return status


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=source_dir(),
                        help=f"clone ou miroir de {REPOSITORY} (défaut : $DELIBCHECK_CORPUS_SOURCE ou {DEFAULT_SOURCE})")
    parser.add_argument("--corpus", type=Path, default=shared_corpus(),
                        help="corpus étiqueté existant, pour refuser les doublons")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "corpus")
    args = parser.parse_args(argv)
    if not _git_dir(args.source).is_dir():
        print(f"source introuvable : {args.source} (une copie de {REPOSITORY})", file=sys.stderr)
        return 2
    if not (args.corpus / "real").is_dir():
        print(f"corpus introuvable : {args.corpus}", file=sys.stderr)
        return 2
    status = build(args.source, args.corpus, args.out, report=lambda line: print(line, file=sys.stderr))
    if status:
        return status
    counts = {(part, kind): 0 for part in PARTS for kind in KINDS}
    for number, part, kind, _ in placement():
        counts[(part, kind)] += f"{number:03d}" not in WITHDRAWN
    for part in PARTS:
        print(part, ", ".join(f"{kind} {counts[(part, kind)]}" for kind in KINDS))
    return 0


if __name__ == "__main__":
    sys.exit(main())
