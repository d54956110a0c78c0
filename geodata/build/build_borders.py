#!/usr/bin/env python3
"""Build geodata/borders.geojson: borders of Europe 1 Jan 1920 - 31 Dec 1922.

Run from the repository root:

    .venv/bin/python geodata/build/build_borders.py [--gpkg PATH] [--out PATH] [--allow-other-input]

The output depends only on the input file and the GEOS version: every set is
iterated in sorted order, so PYTHONHASHSEED does not matter.  The input's
sha256 is checked against ``recorded_input.py``; see geodata/README.md,
"Reproducing the build".

Method
------
1. Read the Natural Earth 1:10m admin-1 units (layer ``states_provinces`` of
   the QGIS ``world_map.gpkg``) inside the map window and clip them to it.
2. Give every unit a *region key* (e.g. ``PL`` core Poland, ``DE_EAST``
   German land now in Poland, ``VILNA`` the Vilnius region ...).
3. Split units where a 1920-22 line crosses them, using the project's own
   hand-drawn polygons (``handdrawn.py``).  Later cuts override earlier ones.
4. Each region key has a timeline: from which date it belongs to which
   *group* (state + name + status).  Every date on which any region changes
   hands is a breakpoint; for every group, consecutive periods with the same
   set of regions become one feature (valid_from .. valid_to, inclusive).
5. Geometry: the split units are simplified together with
   ``shapely.coverage_simplify`` (shared borders stay shared), snapped to a
   0.001 degree grid and dissolved per region and per feature, so the
   features valid on any one date tile the land without gaps or overlaps.
6. Colours 0..5 are assigned per state by greedy (DSATUR) colouring of the
   graph of states that share a border on any date.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import time
from collections import defaultdict

import numpy as np
import pyogrio
import shapely
from shapely.geometry import Polygon, box
from shapely.geometry.polygon import orient

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True
import corrections  # noqa: E402
import handdrawn as HD  # noqa: E402
import occupations  # noqa: E402
import places_on_land  # noqa: E402
import recorded_input  # noqa: E402
import war1920  # noqa: E402

DEFAULT_GPKG = recorded_input.GPKG
DEFAULT_OUT = os.path.normpath(os.path.join(HERE, "..", "borders.geojson"))

WINDOW = (-25.0, 28.0, 60.0, 72.0)
MIN_PART_AREA = 0.0004  # deg^2 (~3 km^2): smaller islands are dropped
SIMPLIFY_TOL = 0.015  # degrees, coverage_simplify tolerance
GRID = 0.001  # output precision (3 decimals)

D0 = "1920-01-01"
END = "1922-12-31"
NE = "Natural Earth 1:10m admin-1 units (public domain)"

# ---------------------------------------------------------------------------
# Groups = what a feature is: state id, contemporary name, status, base note
# ---------------------------------------------------------------------------
S, L, A, O, DI, P = ("sovereign", "league-of-nations", "allied-administration", "occupied", "disputed", "plain-land")

GROUPS = {
    # key: (state, name, status, note)
    "german-reich": (
        "german-reich",
        "German Reich",
        S,
        "Treaty of Versailles (signed 28 Jun 1919, in force 10 Jan 1920)",
    ),
    "de-usil": (
        "german-reich",
        "Upper Silesian plebiscite area (German Reich, Inter-Allied Commission)",
        A,
        "Versailles art. 88; plebiscite 20 Mar 1921",
    ),
    "de-schleswig": (
        "german-reich",
        "Schleswig plebiscite Zone I (International Commission)",
        A,
        "Versailles arts. 109-110; plebiscite 10 Feb 1920",
    ),
    "saar": ("saar-territory", "Saar Territory", L, "Versailles arts. 45-50: League of Nations governing commission"),
    "danzig-allied": ("free-city-of-danzig", "Danzig (Allied administration)", A, "Versailles arts. 100-108"),
    "danzig-free": (
        "free-city-of-danzig",
        "Free City of Danzig",
        L,
        "Versailles arts. 100-108; League of Nations protection",
    ),
    "memel": (
        "memel-territory",
        "Memel Territory",
        A,
        "Versailles art. 99: ceded to the Allied powers, French administration",
    ),
    "poland": ("poland", "Republic of Poland", S, "Versailles; Peace of Riga 18 Mar 1921 (eastern border)"),
    "central-lithuania": (
        "central-lithuania",
        "Central Lithuania",
        DI,
        "Zeligowski's mutiny 8-9 Oct 1920; Polish client state",
    ),
    "lithuania": ("lithuania", "Republic of Lithuania", S, "Soviet-Lithuanian peace treaty, Moscow 12 Jul 1920"),
    "latvia": ("latvia", "Republic of Latvia", S, "Latvian-Soviet peace treaty, Riga 11 Aug 1920"),
    "estonia": ("estonia", "Republic of Estonia", S, "Treaty of Tartu (Estonia-Soviet Russia) 2 Feb 1920"),
    "finland": ("finland", "Republic of Finland", S, "Treaty of Tartu (Finland-Soviet Russia) 14 Oct 1920"),
    "soviet": (
        "soviet-russia",
        "Soviet Russia (RSFSR with the Ukrainian and Byelorussian SSRs)",
        S,
        "one feature for the RSFSR and its allied Soviet republics",
    ),
    "ussr": (
        "soviet-russia",
        "Union of Soviet Socialist Republics",
        S,
        "Treaty on the Creation of the USSR 30 Dec 1922",
    ),
    "white-north": ("white-north-russia", "Northern Region (White government, Archangel)", DI, "Russian Civil War"),
    "white-south": ("white-south-russia", "Armed Forces of South Russia (Denikin)", DI, "Russian Civil War"),
    "white-crimea": ("white-south-russia", "Crimea (Wrangel's Russian Army)", DI, "Russian Civil War"),
    "georgia-drg": ("georgia", "Democratic Republic of Georgia", S, "Soviet-Georgian treaty 7 May 1920"),
    "georgia-ssr": ("georgia", "Georgian SSR", S, "Soviet republic"),
    "batum-british": ("batum-region", "Batum region (British occupation)", A, "British military governorate 1918-1920"),
    "armenia-rep": ("armenia", "Republic of Armenia", S, "First Republic of Armenia"),
    "armenia-ssr": ("armenia", "Armenian SSR", S, "Soviet republic"),
    "azerbaijan-adr": ("azerbaijan", "Azerbaijan Democratic Republic", S, ""),
    "azerbaijan-ssr": ("azerbaijan", "Azerbaijan SSR", S, "Soviet republic"),
    "khiva": ("khorezm", "Khanate of Khiva", S, "Red Army took Khiva Feb 1920"),
    "khorezm": ("khorezm", "Khorezm People's Soviet Republic", S, ""),
    "turkey-ottoman": ("turkey", "Ottoman Empire", S, "Armistice of Mudros 30 Oct 1918"),
    "turkey-gna": ("turkey", "Turkey (Grand National Assembly, Ankara)", S, "Grand National Assembly from 23 Apr 1920"),
    "constantinople": (
        "constantinople",
        "Constantinople (Ottoman government under Allied occupation)",
        A,
        "Allied occupation of Constantinople",
    ),
    "constantinople-2": (
        "constantinople",
        "Constantinople (Allied occupation; Ankara administration)",
        A,
        "Allied occupation of Constantinople (until 1923)",
    ),
    "ethrace-transfer": (
        "turkey",
        "Eastern Thrace (Allied missions, transfer to Turkey)",
        A,
        "Armistice of Mudanya 11 Oct 1922",
    ),
    "greece": ("greece", "Kingdom of Greece", S, "Treaty of Neuilly (in force 9 Aug 1920)"),
    "greece-ethrace": (
        "greece",
        "Eastern Thrace (Greek occupation)",
        O,
        "Treaty of Sevres 10 Aug 1920 (never ratified)",
    ),
    "greece-smyrna": (
        "greece",
        "Smyrna zone (Greek administration)",
        O,
        "Greek landing 15 May 1919; Treaty of Sevres arts. 65-83",
    ),
    "greece-anatolia": (
        "greece",
        "Western Anatolia (Greek military occupation)",
        O,
        "Greco-Turkish war 1919-1922; simplified to whole provinces",
    ),
    "france-cilicia": ("france", "Cilicia (French occupation)", O, "occupied by Britain 1918, by France from Nov 1919"),
    "inter-allied-thrace": (
        "western-thrace",
        "Inter-Allied Thrace",
        A,
        "Inter-Allied administration (Gen. Charpy) from Oct 1919",
    ),
    "bulgaria": ("bulgaria", "Kingdom of Bulgaria", S, "Treaty of Neuilly (in force 9 Aug 1920)"),
    "romania": (
        "romania",
        "Kingdom of Romania",
        S,
        "unions of Bessarabia (1918), Bukovina and Transylvania (1918); Trianon",
    ),
    "kingdom-scs": (
        "kingdom-scs",
        "Kingdom of the Serbs, Croats and Slovenes",
        S,
        "Saint-Germain, Trianon, Neuilly; Treaty of Rapallo 12 Nov 1920",
    ),
    "scs-carinthia": (
        "kingdom-scs",
        "Carinthian plebiscite Zone A (Yugoslav administration)",
        DI,
        "Treaty of Saint-Germain art. 49",
    ),
    "scs-baranya": ("kingdom-scs", "Baranya (Yugoslav occupation)", O, "occupied by Serbian troops since Nov 1918"),
    "austria": ("austria", "Republic of Austria", S, "Treaty of Saint-Germain (in force 16 Jul 1920)"),
    "hungary": ("hungary", "Kingdom of Hungary", S, "Treaty of Trianon (signed 4 Jun 1920, in force 26 Jul 1921)"),
    "hungary-sopron": (
        "hungary",
        "Sopron plebiscite area (Inter-Allied Generals' Commission)",
        A,
        "Venice Protocol 13 Oct 1921",
    ),
    "czechoslovakia": ("czechoslovakia", "Czechoslovak Republic", S, "Versailles, Saint-Germain, Trianon"),
    "teschen": (
        "teschen",
        "Teschen (Cieszyn) plebiscite area",
        A,
        "Inter-Allied plebiscite commission; provisional Polish-Czech line of 1919",
    ),
    "italy": ("italy", "Kingdom of Italy", S, "Saint-Germain; Treaty of Rapallo 12 Nov 1920"),
    "italy-occ": (
        "italy",
        "Italian military occupation (armistice line of 1918)",
        O,
        "Armistice of Villa Giusti 3 Nov 1918; Treaty of London 1915 line",
    ),
    "italy-dodecanese": ("italy", "Dodecanese (Italian occupation)", O, "occupied by Italy since 1912"),
    "italy-vlora": ("italy", "Valona (Italian occupation)", O, "occupied by Italy since 1914"),
    "fiume-occ": (
        "fiume",
        "Fiume (occupied by D'Annunzio's legionaries)",
        O,
        "D'Annunzio's seizure of Fiume 12 Sep 1919",
    ),
    "fiume-carnaro": ("fiume", "Italian Regency of Carnaro", DI, "proclaimed by D'Annunzio 8 Sep 1920"),
    "fiume-free": ("fiume", "Free State of Fiume", S, "Treaty of Rapallo 12 Nov 1920"),
    "albania": ("albania", "Principality of Albania", S, "Congress of Lushnje Jan 1920"),
    "france": ("france", "French Republic", S, "Alsace-Lorraine French (Versailles art. 51)"),
    "belgium": ("belgium", "Kingdom of Belgium", S, "Eupen-Malmedy per Versailles art. 34"),
    "netherlands": ("netherlands", "Kingdom of the Netherlands", S, ""),
    "luxembourg": ("luxembourg", "Grand Duchy of Luxembourg", S, ""),
    "switzerland": ("switzerland", "Swiss Confederation", S, ""),
    "liechtenstein": ("liechtenstein", "Principality of Liechtenstein", S, ""),
    "spain": ("spain", "Kingdom of Spain", S, ""),
    "portugal": ("portugal", "Portuguese Republic", S, ""),
    "andorra": ("andorra", "Andorra", S, ""),
    "san-marino": ("san-marino", "Republic of San Marino", S, ""),
    "denmark": ("denmark", "Kingdom of Denmark", S, "with the Faroe Islands"),
    "norway": ("norway", "Kingdom of Norway", S, ""),
    "sweden": ("sweden", "Kingdom of Sweden", S, ""),
    "iceland": ("iceland", "Kingdom of Iceland", S, "Danish-Icelandic Act of Union 1918"),
    "uk": (
        "united-kingdom",
        "United Kingdom of Great Britain and Ireland",
        S,
        "with the Isle of Man and the Channel Islands",
    ),
    "irish-free-state": ("irish-free-state", "Irish Free State", S, "Anglo-Irish Treaty 6 Dec 1921"),
    # rim areas outside the study region, drawn as neutral land
    "p-morocco": ("rim-morocco", "Morocco (French and Spanish protectorates)", P, ""),
    "p-algeria": ("rim-algeria", "Algeria (French)", P, ""),
    "p-tunisia": ("rim-tunisia", "Tunisia (French protectorate)", P, ""),
    "p-libya": ("rim-libya", "Libya (Italian)", P, ""),
    "p-egypt": ("rim-egypt", "Egypt", P, "British protectorate until 28 Feb 1922"),
    "p-levant": ("rim-levant", "Syria and Lebanon (French mandate)", P, "San Remo conference Apr 1920"),
    "p-palestine": ("rim-palestine", "Palestine (British mandate)", P, "San Remo conference Apr 1920"),
    "p-transjordan": ("rim-transjordan", "Transjordan (British mandate)", P, ""),
    "p-iraq": ("rim-iraq", "Mesopotamia / Iraq (British mandate)", P, ""),
    "p-arabia": ("rim-arabia", "Arabia", P, ""),
    "p-persia": ("rim-persia", "Persia", P, ""),
    "p-cyprus": ("rim-cyprus", "Cyprus (British)", P, ""),
    "p-malta": ("rim-malta", "Malta (British)", P, ""),
    "p-gibraltar": ("rim-gibraltar", "Gibraltar (British)", P, ""),
    "p-greenland": ("rim-greenland", "Greenland (Danish)", P, ""),
}

# The Polish-Soviet war of 1920 by stages (war1920.py), the occupations drawn
# as hatching (occupations.py) and the smaller corrections (corrections.py)
GROUPS.update(war1920.WAR_GROUPS)
GROUPS.update(occupations.OCCUPATION_GROUPS)
GROUPS.update(corrections.CORRECTION_GROUPS)
# group -> (occupied by, in words; occupier id): drawn hatched by the map page
OCCUPIERS = occupations.OCCUPIERS

# ---------------------------------------------------------------------------
# Region timelines: region key -> [(valid_from, group, note-of-the-change)]
# ---------------------------------------------------------------------------
VERS = "Treaty of Versailles in force 10 Jan 1920"
RIGA = (
    "Polish-Soviet armistice and preliminary peace of Riga 12 Oct 1920 "
    "(in force 18 Oct 1920); Peace of Riga 18 Mar 1921"
)
TARTU_FI = "Treaty of Tartu 14 Oct 1920, in force 31 Dec 1920"
USIL = (
    "Upper Silesia partitioned (Conference of Ambassadors 20 Oct 1921, Geneva "
    "Convention 15 May 1922); Polish army entered Katowice 20 Jun 1922, "
    "handover completed early Jul 1922"
)
USSR = "Treaty on the Creation of the USSR 30 Dec 1922"


def single(group):
    return [(D0, group, "")]


TIMELINES = {
    "DE": single("german-reich"),
    "DE_EAST": single("german-reich"),
    "SAAR": [
        (D0, "rhine-french", ""),  # in the French zone of the Rhineland occupation until 10 Jan 1920
        ("1920-01-10", "saar", VERS + " (governing commission took office 26 Feb 1920)"),
    ],
    "USIL_W": [
        (D0, "german-reich", ""),
        ("1920-02-11", "de-usil", "Inter-Allied Commission took over Upper Silesia 11 Feb 1920"),
        ("1922-06-20", "german-reich", USIL),
    ],
    "USIL_E": [
        (D0, "german-reich", ""),
        ("1920-02-11", "de-usil", "Inter-Allied Commission took over Upper Silesia 11 Feb 1920"),
        ("1922-06-20", "poland", USIL),
    ],
    "PL": single("poland"),
    "PL_WPR": [
        (D0, "german-reich", ""),
        ("1920-01-10", "poland", VERS + " (Polish troops took over Pomerania 17 Jan-10 Feb 1920)"),
    ],
    "DANZIG": [
        (D0, "german-reich", ""),
        ("1920-01-10", "danzig-allied", VERS),
        ("1920-11-15", "danzig-free", "Free City of Danzig constituted 15 Nov 1920"),
    ],
    "MEMEL": [(D0, "german-reich", ""), ("1920-01-10", "memel", VERS + " (French troops arrived 15 Feb 1920)")],
    "EUPEN": [
        (D0, "german-reich", ""),
        ("1920-01-10", "belgium", VERS + " (art. 34; confirmed by the League 20 Sep 1920)"),
    ],
    "N_SCHLESWIG": [
        (D0, "german-reich", ""),
        ("1920-01-10", "de-schleswig", VERS + "; International Commission took over the plebiscite zones"),
        ("1920-06-15", "denmark", "Zone I voted 10 Feb 1920; transferred to Denmark 15 Jun 1920"),
    ],
    "HLUCIN": [
        (D0, "german-reich", ""),
        ("1920-02-04", "czechoslovakia", "Versailles art. 83; Czechoslovak takeover 4 Feb 1920"),
    ],
    "TESCHEN_PL": [
        (D0, "teschen", ""),
        ("1920-07-28", "poland", "Conference of Ambassadors (Spa) divided Teschen 28 Jul 1920"),
    ],
    "TESCHEN_CZ": [
        (D0, "teschen", ""),
        ("1920-07-28", "czechoslovakia", "Conference of Ambassadors (Spa) divided Teschen 28 Jul 1920"),
    ],
    "CS": single("czechoslovakia"),
    # The war of 1920 stage by stage is war1920.py: it splits PL, PL_RIGA and
    # SOV by its fronts; these are the timelines before and after it.
    "PL_RIGA": [(D0, "pl-held", ""), ("1920-10-18", "poland", RIGA)],
    "VILNA": [
        (D0, "pl-held", ""),
        ("1920-07-14", "red-army", "Red Army took Vilna 14 Jul 1920 (Davies, White Eagle, Red Star)"),
        (
            "1920-08-26",
            "lithuania",
            "Soviet-Lithuanian treaty 12 Jul 1920; Red Army handed Vilnius to Lithuania 26 Aug 1920",
        ),
        (
            "1920-10-09",
            "central-lithuania",
            "Zeligowski took Vilnius 9 Oct 1920; Central Lithuania proclaimed 12 Oct 1920",
        ),
        (
            "1922-03-24",
            "poland",
            "Wilno Sejm vote 20 Feb 1922, accepted by the Polish Sejm 24 Mar 1922 (formal incorporation 18 Apr 1922)",
        ),
    ],
    "LT": single("lithuania"),
    "LV": single("latvia"),
    "EE": single("estonia"),
    "FI": single("finland"),
    "PETSAMO": [(D0, "soviet", ""), ("1920-12-31", "finland", TARTU_FI)],
    "REPOLA": [
        (D0, "finland", ""),
        ("1920-12-31", "soviet", TARTU_FI + " (Repola and Porajarvi handed back Feb 1921)"),
    ],
    "SOV": single("soviet"),
    "WHITE_N": [(D0, "white-north", ""), ("1920-02-21", "soviet", "Red Army entered Archangel 21 Feb 1920")],
    "WHITE_MURM": [(D0, "white-north", ""), ("1920-03-13", "soviet", "Murmansk taken by the Red Army 13 Mar 1920")],
    "WHITE_S": [
        (D0, "white-south", ""),
        ("1920-03-27", "soviet", "Novorossiysk taken 27 Mar 1920; North Caucasus taken Mar 1920"),
    ],
    "CRIMEA": [
        (D0, "white-south", ""),
        (
            "1920-03-27",
            "white-crimea",
            "Denikin's armies evacuated to Crimea (Novorossiysk 26-27 Mar 1920); Wrangel in command from 4 Apr 1920",
        ),
        ("1920-11-17", "soviet", "Red Army occupied Crimea 12-16 Nov 1920"),
    ],
    "RO": single("romania"),
    "BG": single("bulgaria"),
    "SCS": single("kingdom-scs"),
    "AT": single("austria"),
    "BURGENLAND": [
        (D0, "hungary", ""),
        (
            "1921-11-13",
            "austria",
            "Trianon in force 26 Jul 1921; Venice Protocol 13 Oct 1921; Austrian army entered Burgenland "
            "from 13 Nov 1921 (completed early Dec 1921)",
        ),
    ],
    "CARINTHIA_A": [
        (D0, "scs-carinthia", ""),
        (
            "1920-11-18",
            "austria",
            "Carinthian plebiscite 10 Oct 1920; Austrian administration of Zone A from 18 Nov 1920",
        ),
    ],
    "HU": single("hungary"),
    "BARANYA": [
        (D0, "scs-baranya", ""),
        (
            "1921-08-22",
            "hungary",
            "Yugoslav troops withdrew from Baranya; Hungarian troops entered Pecs 21-22 Aug 1921",
        ),
    ],
    "SOPRON": [
        (D0, "hungary", ""),
        (
            "1921-12-08",
            "hungary-sopron",
            "Inter-Allied generals took over the Sopron area c. 8 Dec 1921; plebiscite 14-16 Dec 1921",
        ),
        ("1922-01-01", "hungary", "Sopron area handed to Hungary 1 Jan 1922"),
    ],
    "IT": single("italy"),
    "IT_TYROL": [(D0, "italy-occ", ""), ("1920-07-16", "italy", "Treaty of Saint-Germain in force 16 Jul 1920")],
    "IT_JULIAN": [(D0, "italy-occ", ""), ("1920-11-12", "italy", "Treaty of Rapallo (Italy-Kingdom SCS) 12 Nov 1920")],
    "ZARA": [(D0, "italy-occ", ""), ("1920-11-12", "italy", "Treaty of Rapallo 12 Nov 1920: Zara to Italy")],
    "DALMATIA": [
        (D0, "italy-occ", ""),
        (
            "1921-06-13",
            "kingdom-scs",
            "Italian evacuation of northern Dalmatia under the Treaty of Rapallo; "
            "Yugoslav army entered Sibenik 13 Jun 1921",
        ),
    ],
    "FIUME": [
        (D0, "fiume-occ", ""),
        ("1920-09-08", "fiume-carnaro", "Italian Regency of Carnaro proclaimed 8 Sep 1920"),
        (
            "1920-12-31",
            "fiume-free",
            "Treaty of Rapallo 12 Nov 1920; D'Annunzio capitulated 31 Dec 1920 ('Bloody Christmas')",
        ),
    ],
    "DODECANESE": single("italy-dodecanese"),
    "AL": single("albania"),
    "VLORE": [
        (D0, "italy-vlora", ""),
        (
            "1920-09-03",
            "albania",
            "Tirana agreement 2 Aug 1920; last Italian troops left Valona 2 Sep 1920 (Italy kept Saseno)",
        ),
    ],
    "GR": single("greece"),
    "W_THRACE": [
        (D0, "inter-allied-thrace", ""),
        (
            "1920-05-14",
            "greece",
            "San Remo conference Apr 1920; Greek army entered Komotini 14 May 1920 (occupation completed 20 May)",
        ),
    ],
    "TR": [
        (D0, "turkey-ottoman", ""),
        ("1920-04-23", "turkey-gna", "Grand National Assembly opened in Ankara 23 Apr 1920"),
    ],
    "CONST": [
        (D0, "constantinople-defacto", ""),
        ("1920-03-16", "constantinople", "formal Allied occupation of Constantinople 16 Mar 1920"),
        ("1922-11-01", "constantinople-2", "Sultanate abolished 1 Nov 1922"),
    ],
    "E_THRACE": [
        (D0, "turkey-ottoman", ""),
        ("1920-07-25", "greece-ethrace", "Greek army occupied Eastern Thrace 20-25 Jul 1920 (Adrianople 25 Jul)"),
        (
            "1922-10-15",
            "ethrace-transfer",
            "Armistice of Mudanya 11 Oct 1922 (Greece acceded 14 Oct): Greek evacuation, Allied missions "
            "handed the region to Turkish administration Oct-Nov 1922",
        ),
    ],
    "SMYRNA": [(D0, "greece-smyrna", ""), ("1922-09-09", "turkey-gna", "Turkish army entered Smyrna 9 Sep 1922")],
    "ANATOLIA_A": [
        (D0, "turkey-ottoman", ""),
        ("1920-04-23", "turkey-gna", "Grand National Assembly opened in Ankara 23 Apr 1920"),
        (
            "1920-07-08",
            "greece-anatolia",
            "Greek summer offensive 22 Jun 1920: Balikesir 30 Jun, Bursa 8 Jul, Usak 29 Aug 1920",
        ),
        ("1922-09-09", "turkey-gna", "Turkish offensive from 26 Aug 1922; Greek army driven out by 9-18 Sep 1922"),
    ],
    "ANATOLIA_B": [
        (D0, "turkey-ottoman", ""),
        ("1920-04-23", "turkey-gna", "Grand National Assembly opened in Ankara 23 Apr 1920"),
        (
            "1921-07-19",
            "greece-anatolia",
            "Greek offensive Jul 1921: Afyon 13 Jul, Kutahya 17 Jul, Eskisehir 19 Jul 1921 "
            "(Sakarya 23 Aug-13 Sep 1921)",
        ),
        ("1922-09-09", "turkey-gna", "Turkish offensive from 26 Aug 1922; Greek army driven out by 9-18 Sep 1922"),
    ],
    "CILICIA": [
        (D0, "france-cilicia", ""),
        (
            "1922-01-05",
            "turkey-gna",
            "Franco-Turkish Treaty of Ankara 20 Oct 1921; French evacuation of Cilicia completed early Jan 1922",
        ),
    ],
    "KARS": [
        (D0, "armenia-rep", ""),
        (
            "1920-10-30",
            "turkey-gna",
            "Turkish army took Kars 30 Oct 1920; Treaty of Alexandropol 2-3 Dec 1920; "
            "Treaties of Moscow 16 Mar 1921 and Kars 13 Oct 1921",
        ),
    ],
    "ARDAHAN": [
        (D0, "georgia-drg", ""),
        (
            "1921-02-25",
            "turkey-gna",
            "Turkish occupation Feb-Mar 1921; Treaty of Moscow 16 Mar 1921; Treaty of Kars 13 Oct 1921",
        ),
    ],
    "ARTVIN": [
        (D0, "batum-british", ""),
        ("1920-07-07", "georgia-drg", "British handed the Batum region to Georgia 7 Jul 1920"),
        (
            "1921-02-25",
            "turkey-gna",
            "Turkish occupation Feb-Mar 1921; Treaty of Moscow 16 Mar 1921; Treaty of Kars 13 Oct 1921",
        ),
    ],
    "GE": [(D0, "georgia-drg", ""), ("1921-02-25", "georgia-ssr", "Red Army took Tiflis 25 Feb 1921")],
    "ADJARA": [
        (D0, "batum-british", ""),
        ("1920-07-07", "georgia-drg", "British handed the Batum region to Georgia 7 Jul 1920"),
        (
            "1921-03-19",
            "georgia-ssr",
            "Red Army entered Batum 19 Mar 1921; Batum to Soviet Georgia by the Treaty of Moscow 16 Mar 1921",
        ),
    ],
    "AM": [
        (D0, "armenia-rep", ""),
        ("1920-12-02", "armenia-ssr", "Soviet-Armenian agreement 2 Dec 1920: Armenia sovietized"),
    ],
    "AZ": [
        (D0, "azerbaijan-adr", ""),
        ("1920-04-28", "azerbaijan-ssr", "Red Army entered Baku 27-28 Apr 1920; Azerbaijan SSR proclaimed 28 Apr 1920"),
    ],
    "KHIVA": [(D0, "khiva", ""), ("1920-04-26", "khorezm", "Khorezm People's Soviet Republic proclaimed 26 Apr 1920")],
    "UK": single("uk"),
    "IE": [(D0, "uk", ""), ("1922-12-06", "irish-free-state", "Irish Free State constituted 6 Dec 1922")],
    "FR": single("france"),
    "BE": single("belgium"),
    "NL": single("netherlands"),
    "LU": single("luxembourg"),
    "CH": single("switzerland"),
    "LI": single("liechtenstein"),
    "ES": single("spain"),
    "PT": single("portugal"),
    "AD": single("andorra"),
    "SM": single("san-marino"),
    "DK": single("denmark"),
    "NO": single("norway"),
    "SE": single("sweden"),
    "IS": single("iceland"),
    "P_MOROCCO": single("p-morocco"),
    "P_ALGERIA": single("p-algeria"),
    "P_TUNISIA": single("p-tunisia"),
    "P_LIBYA": single("p-libya"),
    "P_EGYPT": single("p-egypt"),
    "P_LEVANT": single("p-levant"),
    "P_PALESTINE": single("p-palestine"),
    "P_TRANSJORDAN": single("p-transjordan"),
    "P_IRAQ": single("p-iraq"),
    "P_ARABIA": single("p-arabia"),
    "P_PERSIA": single("p-persia"),
    "P_CYPRUS": single("p-cyprus"),
    "P_MALTA": single("p-malta"),
    "P_GIBRALTAR": single("p-gibraltar"),
    "P_GREENLAND": single("p-greenland"),
}

# Occupations and corrections: their regions' timelines (some replace the above)
TIMELINES.update(occupations.OCCUPATION_TIMELINES)
TIMELINES.update(corrections.CORRECTION_TIMELINES)

# On 30 Dec 1922 every region then Soviet (incl. the Transcaucasian SSRs)
# becomes part of the USSR feature.
USSR_FROM = {"soviet", "georgia-ssr", "armenia-ssr", "azerbaijan-ssr"}

# ---------------------------------------------------------------------------
# Default region key of each admin-1 unit
# ---------------------------------------------------------------------------
ADM0_DEFAULT = {
    "DEU": "DE",
    "POL": "PL",
    "RUS": "SOV",
    "UKR": "SOV",
    "BLR": "SOV",
    "LTU": "LT",
    "LVA": "LV",
    "EST": "EE",
    "FIN": "FI",
    "ALD": "FI",
    "MDA": "RO",
    "ROU": "RO",
    "BGR": "BG",
    "CZE": "CS",
    "SVK": "CS",
    "AUT": "AT",
    "HUN": "HU",
    "SVN": "SCS",
    "HRV": "SCS",
    "BIH": "SCS",
    "SRB": "SCS",
    "MNE": "SCS",
    "MKD": "SCS",
    "KOS": "SCS",
    "ITA": "IT",
    "ALB": "AL",
    "GRC": "GR",
    "TUR": "TR",
    "GEO": "GE",
    "ARM": "AM",
    "AZE": "AZ",
    "KAZ": "SOV",
    "TKM": "SOV",
    "UZB": "KHIVA",
    "FRA": "FR",
    "MCO": "FR",
    "BEL": "BE",
    "NLD": "NL",
    "LUX": "LU",
    "CHE": "CH",
    "LIE": "LI",
    "ESP": "ES",
    "PRT": "PT",
    "AND": "AD",
    "SMR": "SM",
    "DNK": "DK",
    "FRO": "DK",
    "NOR": "NO",
    "SWE": "SE",
    "ISL": "IS",
    "GBR": "UK",
    "IMN": "UK",
    "JEY": "UK",
    "GGY": "UK",
    "IRL": "IE",
    "MAR": "P_MOROCCO",
    "DZA": "P_ALGERIA",
    "TUN": "P_TUNISIA",
    "LBY": "P_LIBYA",
    "EGY": "P_EGYPT",
    "SYR": "P_LEVANT",
    "LBN": "P_LEVANT",
    "ISR": "P_PALESTINE",
    "PSX": "P_PALESTINE",
    "JOR": "P_TRANSJORDAN",
    "IRQ": "P_IRAQ",
    "SAU": "P_ARABIA",
    "KWT": "P_ARABIA",
    "IRN": "P_PERSIA",
    "CYP": "P_CYPRUS",
    "CYN": "P_CYPRUS",
    "ESB": "P_CYPRUS",
    "WSB": "P_CYPRUS",
    "MLT": "P_MALTA",
    "GIB": "P_GIBRALTAR",
    "GRL": "P_GREENLAND",
}

UNIT_KEYS = {  # (adm0, unit name) -> region key (whole unit)
    ("DEU", "Saarland"): "SAAR",
    ("POL", "West Pomeranian"): "DE_EAST",
    ("POL", "Lubusz"): "DE_EAST",
    ("POL", "Lower Silesian"): "DE_EAST",
    ("POL", "Opole"): "DE_EAST",
    ("POL", "Warmian-Masurian"): "PL_WPR",
    ("POL", "Pomeranian"): "PL_WPR",
    ("POL", "Kuyavian-Pomeranian"): "PL_WPR",
    ("RUS", "Kaliningrad"): "DE_EAST",
    ("RUS", "Crimea"): "CRIMEA",
    ("RUS", "Sevastopol"): "CRIMEA",
    ("RUS", "Arkhangel'sk"): "WHITE_N",
    ("RUS", "Nenets"): "WHITE_N",
    ("RUS", "Murmansk"): "WHITE_MURM",
    ("UKR", "L'viv"): "PL",
    ("UKR", "Ternopil'"): "PL",
    ("UKR", "Ivano-Frankivs'k"): "PL",
    ("UKR", "Volyn"): "PL_RIGA",
    ("UKR", "Rivne"): "PL_RIGA",
    ("UKR", "Chernivtsi"): "RO",
    ("UKR", "Transcarpathia"): "CS",
    ("BLR", "Grodno"): "PL_RIGA",
    ("BLR", "Brest"): "PL_RIGA",
    ("BGR", "Dobrich"): "RO",
    ("BGR", "Silistra"): "RO",
    ("AUT", "Burgenland"): "BURGENLAND",
    ("HUN", "Baranya"): "BARANYA",
    ("HUN", "Pécs"): "BARANYA",
    ("HRV", "Istarska"): "IT_JULIAN",
    ("HRV", "Zadarska"): "DALMATIA",
    ("HRV", "Šibensko-Kninska"): "DALMATIA",
    ("ITA", "Bozen"): "IT_TYROL",
    ("ITA", "Trento"): "IT_TYROL",
    ("ITA", "Gorizia"): "IT_JULIAN",
    ("ITA", "Trieste"): "IT_JULIAN",
    ("ALB", "Vlorë"): "VLORE",
    ("TUR", "Istanbul"): "CONST",
    ("TUR", "Edirne"): "E_THRACE",
    ("TUR", "Kirklareli"): "E_THRACE",
    ("TUR", "Tekirdag"): "E_THRACE",
    ("TUR", "Izmir"): "SMYRNA",
    ("TUR", "Kars"): "KARS",
    ("TUR", "Iğdir"): "KARS",
    ("TUR", "Ardahan"): "ARDAHAN",
    ("TUR", "Artvin"): "ARTVIN",
    ("TUR", "Hatay"): "P_LEVANT",
    ("TUR", "Bursa"): "ANATOLIA_A",
    ("TUR", "Yalova"): "ANATOLIA_A",
    ("TUR", "Balikesir"): "ANATOLIA_A",
    ("TUR", "Manisa"): "ANATOLIA_A",
    ("TUR", "Aydin"): "ANATOLIA_A",
    ("TUR", "Usak"): "ANATOLIA_A",
    ("TUR", "Çanakkale"): "ANATOLIA_A",
    ("TUR", "Eskisehir"): "ANATOLIA_B",
    ("TUR", "Kütahya"): "ANATOLIA_B",
    ("TUR", "Afyonkarahisar"): "ANATOLIA_B",
    ("TUR", "Bilecik"): "ANATOLIA_B",
    ("TUR", "Adana"): "CILICIA",
    ("TUR", "Mersin"): "CILICIA",
    ("TUR", "Osmaniye"): "CILICIA",
    ("GEO", "Ajaria"): "ADJARA",
    ("TKM", "Tashauz"): "KHIVA",
}
for _u in [
    "Krasnodar",
    "Adygey",
    "Stavropol'",
    "Karachay-Cherkess",
    "Kabardin-Balkar",
    "North Ossetia",
    "Ingush",
    "Chechnya",
    "Dagestan",
]:
    UNIT_KEYS[("RUS", _u)] = "WHITE_S"

# Slovenian municipalities west of the Rapallo line (Italian 1920-1922)
for _m in [
    "Ilirska Bistrica",
    "Brda",
    "Izola",
    "Kobarid",
    "Ajdovščina",
    "Divaca",
    "Nova Goriška",
    "Idrija",
    "Komen",
    "Vipava",
    "Piran",
    "Hrpelje-Kozina",
    "Koper",
    "Bovec",
    "Tolmin",
    "Kanal",
    "Šempeter-Vrtojba",
    "Miren-Kostanjevica",
    "Sežana",
    "Postojna",
    "Pivka",
    "Cerkno",
]:
    UNIT_KEYS[("SVN", _m)] = "IT_JULIAN"
# Moldovan units on the left bank of the Dniester (Soviet Ukraine in 1920-22);
# one of the two units called "Rezina" is on the left bank (checked by x).
MDA_LEFT_BANK = {"Transnistria", "Stîngă Nistrului", "Camenca", "Grigoriopol", "Bender"}

# Cuts: (polygon name, new key, adm0, unit names or None, only-if-current-keys or None)
CUTS = [
    ("GERMAN_WEST", "DE_EAST", "POL", {"Pomeranian", "Greater Poland"}, None),
    ("EAST_PRUSSIA_PL", "DE_EAST", "POL", {"Pomeranian", "Warmian-Masurian"}, None),
    ("DANZIG", "DANZIG", "POL", {"Pomeranian"}, None),
    ("KP_RUSSIAN", "PL", "POL", {"Kuyavian-Pomeranian"}, None),
    ("PLEB_OPOLE", "USIL_W", "POL", {"Opole"}, None),
    ("PRASZKA", "PL", "POL", {"Opole"}, None),
    ("TESCHEN_PL", "TESCHEN_PL", "POL", {"Silesian"}, None),
    ("DE_USIL", "USIL_W", "POL", {"Silesian"}, None),
    ("PL1922", "USIL_E", "POL", None, {"USIL_W"}),
    ("TESCHEN_CZ", "TESCHEN_CZ", "CZE", {"Moravskoslezský"}, None),
    ("HLUCIN", "HLUCIN", "CZE", {"Moravskoslezský"}, None),
    ("N_SCHLESWIG", "N_SCHLESWIG", "DNK", {"Syddanmark"}, None),
    ("EUPEN_MALMEDY", "EUPEN", "BEL", {"Liege"}, None),
    ("MEMEL", "MEMEL", "LTU", None, None),
    ("RIGA_BY", "PL_RIGA", "BLR", {"Vitebsk", "Minsk"}, None),
    ("CENTRAL_LITHUANIA", "VILNA", "BLR", {"Grodno", "Vitebsk", "Minsk"}, None),
    ("CENTRAL_LITHUANIA", "VILNA", "LTU", None, {"LT"}),
    ("PETSERI", "EE", "RUS", {"Pskov"}, None),
    ("ABRENE", "LV", "RUS", {"Pskov"}, None),
    ("NARVA_EAST", "EE", "RUS", {"Leningrad"}, None),
    ("FINLAND_SOUTH", "FI", "RUS", {"Leningrad", "City of St. Petersburg", "Karelia"}, None),
    ("FINLAND_SALLA", "FI", "RUS", {"Karelia", "Murmansk"}, None),
    ("PETSAMO", "PETSAMO", "RUS", {"Murmansk"}, None),
    ("REPOLA", "REPOLA", "RUS", {"Karelia"}, None),
    ("PORAJARVI", "REPOLA", "RUS", {"Karelia"}, None),
    ("BUDJAK", "RO", "UKR", {"Odessa"}, None),
    ("BENDER", "RO", "MDA", None, {"SOV"}),
    ("ITALIAN_KVARNER", "IT_JULIAN", "HRV", {"Primorsko-Goranska"}, None),
    ("FIUME", "FIUME", "HRV", {"Primorsko-Goranska"}, None),
    ("ZARA", "ZARA", "HRV", {"Zadarska"}, None),
    ("CARINTHIA_A", "CARINTHIA_A", "AUT", {"Kärnten"}, None),
    ("SOPRON", "SOPRON", "HUN", {"Sopron", "Gyor-Moson-Sopron"}, None),
    ("WESTERN_THRACE", "W_THRACE", "GRC", {"Anatoliki Makedonia kai Thraki"}, None),
    ("DODECANESE", "DODECANESE", "GRC", {"Notio Aigaio"}, None),
    ("GALLIPOLI", "STRAITS_EU", "TUR", {"Çanakkale"}, None),
    ("SMYRNA_MANISA", "SMYRNA", "TUR", {"Manisa"}, None),
    ("KARS_ERZURUM", "KARS", "TUR", {"Erzurum"}, None),
    ("ARTVIN_OTTOMAN", "TR", "TUR", {"Artvin"}, None),
]

# Occupations and corrections (occupations.py, corrections.py): their cuts come
# last, so they win over the cuts above; their polygons live in those modules.
CUTS += occupations.OCCUPATION_CUTS + corrections.CORRECTION_CUTS
UNIT_KEYS.update(occupations.OCCUPATION_UNIT_KEYS)
UNIT_KEYS.update(corrections.CORRECTION_UNIT_KEYS)
POLYGON_MODULES = (HD, occupations, corrections)


def cut_polygon(name):
    """The coordinates of a cut polygon, from whichever module defines it."""
    for module in POLYGON_MODULES:
        if hasattr(module, name):
            return getattr(module, name)
    raise SystemExit(f"no cut polygon called {name}")


# ---------------------------------------------------------------------------
def log(*a):
    print(*a, file=sys.stderr, flush=True)


def polys_only(g):
    """Return the polygonal part of g (Polygon/MultiPolygon) or None."""
    if g is None or g.is_empty:
        return None
    if g.geom_type in ("Polygon", "MultiPolygon"):
        return g
    parts = [p for p in shapely.get_parts(g) if p.geom_type in ("Polygon", "MultiPolygon")]
    if not parts:
        return None
    return shapely.union_all(parts)


def drop_small(g, min_area):
    parts = [p for p in shapely.get_parts(g) if p.area >= min_area]
    if not parts:
        return None
    return shapely.multipolygons(parts) if len(parts) > 1 else parts[0]


def load_units(gpkg):
    df = pyogrio.read_dataframe(gpkg, layer=recorded_input.LAYER, columns=["name", "adm0_a3"], bbox=WINDOW)
    win = box(*WINDOW)
    pieces = []
    for name, adm0, geom in zip(df["name"], df["adm0_a3"], df.geometry.values, strict=False):
        g = polys_only(shapely.intersection(geom, win))
        if g is None:
            continue
        pieces.append([adm0, str(name), None, g, False])
    return pieces


def default_key(adm0, unit, geom):
    if (adm0, unit) in UNIT_KEYS:
        return UNIT_KEYS[(adm0, unit)]
    if adm0 == "MDA":
        if unit in MDA_LEFT_BANK or (unit == "Rezina" and geom.representative_point().x > 29.0):
            return "SOV"
        return "RO"
    if adm0 not in ADM0_DEFAULT:
        raise SystemExit(f"no default region for {adm0} / {unit}")
    return ADM0_DEFAULT[adm0]


def apply_cuts(pieces):
    names = {(p[0], p[1]) for p in pieces}
    for poly_name, new_key, adm0, units, only_keys in CUTS:
        if units:
            for u in sorted(units):
                if (adm0, u) not in names:
                    raise SystemExit(f"cut {poly_name}: unit {adm0}/{u} not found")
        P = shapely.make_valid(Polygon(cut_polygon(poly_name)))
        assert P.geom_type == "Polygon", poly_name
        out, hit = [], 0
        for pc in pieces:
            a0, un, key, g, _ = pc
            if a0 != adm0 or (units and un not in units) or (only_keys and key not in only_keys) or not g.intersects(P):
                out.append(pc)
                continue
            inside = polys_only(shapely.intersection(g, P))
            outside = polys_only(shapely.difference(g, P))
            if inside is not None:
                out.append([a0, un, new_key, inside, True])
                hit += 1
            if outside is not None:
                out.append([a0, un, key, outside, True])
        if not hit:
            raise SystemExit(f"cut {poly_name} -> {new_key} hit nothing")
        pieces = out
    return pieces


def node_coverage(pieces):
    """Re-node the pieces so that shared edges have identical vertices.

    Cutting a unit adds vertices where a cut line meets the unit boundary that
    the neighbouring unit lacks; polygonizing the union of all boundaries
    yields faces that form a valid coverage.  Each face inherits the region
    key of the piece that contains it.
    """
    geoms = np.array([pc[3] for pc in pieces], dtype=object)
    lines = shapely.union_all(shapely.boundary(geoms))
    faces = shapely.get_parts(shapely.polygonize(shapely.get_parts(lines)))
    pts = shapely.point_on_surface(faces)
    tree = shapely.STRtree(geoms)
    pt_idx, geom_idx = tree.query(pts, predicate="within")
    owner = {}
    for i, j in zip(pt_idx, geom_idx, strict=False):
        owner.setdefault(i, j)
    # drop small islands (whole land parts below MIN_PART_AREA), never
    # small inland units
    land_parts = shapely.get_parts(shapely.union_all(faces))
    small = [p for p in land_parts if p.area < MIN_PART_AREA]
    in_small = set()
    if small:
        st = shapely.STRtree(small)
        in_small = set(st.query(pts, predicate="within")[0])
    out = []
    for i, face in enumerate(faces):
        if i in owner and i not in in_small:
            pc = pieces[owner[i]]
            out.append([pc[0], pc[1], pc[2], face, pc[4]])
    return out


# ---------------------------------------------------------------------------
def d(s):
    return dt.date.fromisoformat(s)


def build_timelines(extra=None):
    tl = {}
    for region, entries in {**TIMELINES, **(extra or {})}.items():
        entries = sorted(entries, key=lambda e: e[0])
        last = entries[-1][1]
        if last in USSR_FROM and d(entries[-1][0]) < d("1922-12-30"):
            entries = entries + [("1922-12-30", "ussr", USSR)]
        tl[region] = entries
    return tl


def group_at(entries, day):
    cur = None
    for start, grp, note in entries:
        if d(start) <= day:
            cur = (grp, start, note)
    return cur


def periods(tl):
    bps = sorted({d(e[0]) for es in tl.values() for e in es})
    assert bps[0] == d(D0)
    out = []
    for i, b in enumerate(bps):
        e = bps[i + 1] - dt.timedelta(days=1) if i + 1 < len(bps) else d(END)
        out.append((b, e))
    return out


# ---------------------------------------------------------------------------
def dsatur(nodes, edges, ncol=6):
    adj = {n: set() for n in nodes}
    for a, b in edges:
        adj[a].add(b)
        adj[b].add(a)
    color = {}
    while len(color) < len(nodes):
        best = max(
            (n for n in nodes if n not in color),
            key=lambda n: (len({color[m] for m in adj[n] if m in color}), len(adj[n]), n),
        )
        used = {color[m] for m in adj[best] if m in color}
        free = [c for c in range(ncol) if c not in used]
        if not free:
            raise SystemExit(f"cannot colour {best} with {ncol} colours")
        # spread colours: prefer the least used colour so far
        counts = {c: sum(1 for v in color.values() if v == c) for c in free}
        color[best] = min(free, key=lambda c: (counts[c], c))
    return color


def ring_coords(ring):
    return [[round(x, 3) + 0.0, round(y, 3) + 0.0] for x, y in ring.coords]


def geom_json(g):
    polys = []
    for p in shapely.get_parts(g):
        p = orient(p, 1.0)
        rings = [ring_coords(p.exterior)] + [ring_coords(r) for r in p.interiors]
        polys.append(rings)
    if len(polys) == 1:
        return {"type": "Polygon", "coordinates": polys[0]}
    return {"type": "MultiPolygon", "coordinates": polys}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gpkg", default=DEFAULT_GPKG, help=f"Natural Earth admin-1 GeoPackage (default: {DEFAULT_GPKG})")
    ap.add_argument("--out", default=DEFAULT_OUT, help=f"output file (default: {DEFAULT_OUT})")
    ap.add_argument("--tolerance", type=float, default=SIMPLIFY_TOL)
    ap.add_argument(
        "--allow-other-input",
        action="store_true",
        help="build even when the input's sha256 is not the recorded one (warn only)",
    )
    args = ap.parse_args(argv)
    t0 = time.time()

    problem = recorded_input.input_problem(args.gpkg)
    if problem and not os.path.exists(args.gpkg):
        raise SystemExit(f"error: {problem}")
    if problem:
        why = (
            f"{problem}. A build from it may differ from the committed borders.geojson "
            f"(see geodata/README.md, 'Reproducing the build')."
        )
        if not args.allow_other_input:
            raise SystemExit(f"error: {why} Pass --allow-other-input to build anyway.")
        log(f"warning: {why}")
    found = recorded_input.tool_versions()
    log("tools: " + ", ".join(f"{k} {v}" for k, v in found.items()))
    differ = [f"{k} {v} (recorded {recorded_input.TOOLS[k]})" for k, v in found.items() if v != recorded_input.TOOLS[k]]
    if differ:
        log(
            "note: not the recorded tool versions: "
            + ", ".join(differ)
            + "; geometry may differ from the committed file"
        )

    pieces = load_units(args.gpkg)
    for pc in pieces:
        pc[2] = default_key(pc[0], pc[1], pc[3])
    have = {(pc[0], pc[1]) for pc in pieces}
    for k in UNIT_KEYS:
        if k not in have and k != ("GIB", "Gibraltar"):
            raise SystemExit(f"unit {k} not found in the admin-1 layer")
    log(f"{len(pieces)} admin-1 units in window ({time.time() - t0:.1f}s)")
    pieces = apply_cuts(pieces)
    pieces = war1920.split(pieces, shapely, polys_only)
    war_timelines = {
        key: war1920.timeline(key, TIMELINES) for key in sorted({pc[2] for pc in pieces if war1920.is_war_key(pc[2])})
    }
    hand_cut = {pc[2] for pc in pieces if pc[4]}
    log(f"{len(pieces)} pieces after cuts ({time.time() - t0:.1f}s)")

    pieces = node_coverage(pieces)
    geoms = np.array([pc[3] for pc in pieces], dtype=object)
    if not shapely.coverage_is_valid(geoms):
        raise SystemExit("pieces are not a valid coverage after noding")
    log(f"{len(pieces)} faces after noding ({time.time() - t0:.1f}s)")
    simp = shapely.coverage_simplify(geoms, args.tolerance)
    simp = shapely.set_precision(simp, GRID)
    log(f"simplified ({time.time() - t0:.1f}s)")
    # Every place on land (issue #12, part 6): see places_on_land.py.
    simp = places_on_land.reach_places(simp, geoms, places_on_land.place_points(WINDOW), GRID, log=log)

    region_parts = defaultdict(list)
    for pc, g in zip(pieces, simp, strict=False):
        if g is not None and not g.is_empty:
            region_parts[pc[2]].append(g)
    regions = {k: shapely.union_all(v, grid_size=GRID) for k, v in region_parts.items()}
    regions = {k: polys_only(v) for k, v in regions.items()}
    regions = {k: v for k, v in regions.items() if v is not None and not v.is_empty}

    tl = build_timelines(war_timelines)
    missing = set(regions) - set(tl)
    if missing:
        raise SystemExit(f"regions without timeline: {sorted(missing)}")
    unused = set(tl) - set(regions)
    if unused:
        log(f"note: timelines without geometry: {sorted(unused)}")
    for es in tl.values():
        for _, grp, _ in es:
            assert grp in GROUPS, grp

    # per period: group -> frozenset(regions)
    pers = periods({k: v for k, v in tl.items() if k in regions})
    chains = {}  # group -> list of [from, to, regionset]
    for b, e in pers:
        by_group = defaultdict(set)
        for region in regions:
            grp = group_at(tl[region], b)[0]
            by_group[grp].add(region)
        for grp, rs in by_group.items():
            rs = frozenset(rs)
            ch = chains.setdefault(grp, [])
            if ch and ch[-1][2] == rs and ch[-1][1] == b - dt.timedelta(days=1):
                ch[-1][1] = e
            else:
                ch.append([b, e, rs])

    # change notes for each feature version
    def notes_for(grp, start, rs, prev_rs):
        out = []
        # sorted: this order becomes the order of the notes in `source`
        for region in sorted(rs | (prev_rs or frozenset())):
            for s, _group, note in tl[region]:
                if d(s) == start and note and note not in out:
                    out.append(note)
        return out

    feats = []
    geom_cache = {}
    for grp, ch in chains.items():
        state, name, status, base = GROUPS[grp]
        prev = None
        for b, e, rs in ch:
            key = rs
            if key not in geom_cache:
                geom_cache[key] = polys_only(shapely.union_all([regions[r] for r in sorted(rs)], grid_size=GRID))
            g = geom_cache[key]
            src = [NE]
            if rs & hand_cut:
                src.append("lines hand-drawn for mapviewer")
            if base:
                src.append(base)
            if b != d(D0):
                for note in notes_for(grp, b, rs, prev):
                    if note in src or any(note in x for x in src):
                        continue
                    src = [x for x in src if x not in note]
                    src.append(note)
            feats.append(
                {
                    "id": f"{grp}-{b.isoformat()}",
                    "state": state,
                    "name": name,
                    "status": status,
                    "valid_from": b.isoformat(),
                    "valid_to": e.isoformat(),
                    "source": "; ".join(src),
                    "_geom": g,
                    "_regions": sorted(rs),
                    "_group": grp,
                }
            )
            prev = rs
    log(f"{len(feats)} features ({time.time() - t0:.1f}s)")

    # colours: states adjacent on any date (a pair of features is measured once,
    # however many dates it lives through together)
    edges = set()
    measured = set()
    for b, _end in pers:
        live = [f for f in feats if d(f["valid_from"]) <= b <= d(f["valid_to"])]
        gs = [f["_geom"] for f in live]
        tree = shapely.STRtree(gs)
        for i, j in zip(*tree.query(gs, predicate="intersects"), strict=False):
            if i < j and live[i]["state"] != live[j]["state"]:
                pair = tuple(sorted((live[i]["state"], live[j]["state"])))
                ids = (live[i]["id"], live[j]["id"])
                if pair in edges or ids in measured:
                    continue
                measured.add(ids)
                inter = shapely.intersection(gs[i].boundary, gs[j].boundary)
                if inter.length > 0:
                    edges.add(pair)
    states = sorted({f["state"] for f in feats})
    colors = dsatur(states, sorted(edges))
    log(f"{len(states)} states, {len(edges)} adjacencies, colours used {sorted(set(colors.values()))}")

    feats.sort(key=lambda f: (f["state"], f["valid_from"], f["id"]))
    out_lines = []
    for f in feats:
        props = {k: f[k] for k in ("id", "state", "name", "status", "valid_from", "valid_to", "source")}
        if f["_group"] in OCCUPIERS:
            props["occupied_by"], props["occupier"] = OCCUPIERS[f["_group"]]
        props["color"] = colors[f["state"]]
        out_lines.append(
            json.dumps(
                {"type": "Feature", "properties": props, "geometry": geom_json(f["_geom"])},
                ensure_ascii=False,
                separators=(",", ":"),
            )
        )
    text = (
        '{"type":"FeatureCollection","name":"mapviewer borders 1920-1922",'
        '"crs_note":"WGS84 lon/lat (EPSG:4326)","features":[\n' + ",\n".join(out_lines) + "\n]}\n"
    )
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as fh:
        fh.write(text)
    log(f"wrote {args.out}: {len(feats)} features, {len(text.encode()) / 1e6:.2f} MB ({time.time() - t0:.1f}s)")


if __name__ == "__main__":
    main()
