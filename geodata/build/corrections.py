"""Smaller corrections to the 1920-22 map, each with its source: islands, enclaves, the Saar, the Levant.

Used by build_borders.py.  The polygons were drawn for this project; each
vertex is placed by the reference towns named beside it.  Edges marked
"outside" run through sea or through units the polygon is not applied to.

* Imbros and Tenedos: Greek-administered from their occupation by the Greek
  navy in the First Balkan War (Oct 1912) until the Treaty of Lausanne (1923);
  assigned to Greece by the Treaty of Sevres, art. 84.
* Ayvalik and Aydin: held by the Greek army from May-July 1919 (Ayvalik
  29 May 1919; Aydin 27 May, lost 30 Jun, retaken 4 Jul 1919), inside the
  Milne line of Nov 1919; Turkish again in Sep 1922.
* The Saar Basin of the Treaty of Versailles (arts. 45-50, annex ch. II,
  about 1,910 km2), not the larger Saarland of 1947: Wadern, Losheim,
  Weiskirchen, Perl, Nonnweiler, Nohfelden and Freisen outside it (part of
  the French zone of the Rhineland occupation).
* Lastovo (Lagosta): in the Italian occupation zone of the Armistice of Villa
  Giusti (Nov 1918), Italian by the Treaty of Rapallo (12 Nov 1920), art. 2.
* Sycow (Gross Wartenberg) and Miedzyborz (Neumittelwalde): German until
  1945; Natural Earth's Greater Poland unit reaches too far west here.  The
  1920 line left Rychtal and Kobyla Gora to Poland (Versailles art. 87).
* Monaco: a sovereign principality (Franco-Monegasque treaty of 17 Jul 1918).
* Syria and Lebanon: the coast under French military administration
  (Occupied Enemy Territory Administration West), the interior and
  Transjordan under Faisal's Arab government (OETA East); Faisal proclaimed
  King of Syria by the Syrian National Congress on 8 Mar 1920; the French
  mandate awarded at San Remo on 25 Apr 1920 and imposed on the interior after
  the battle of Maysalun on 24 Jul 1920 (French troops in Damascus 25 Jul).
* Palestine and Mesopotamia: British military administration until the San
  Remo conference assigned the mandates on 25 Apr 1920; the Kingdom of Iraq
  from Faisal's coronation on 23 Aug 1921.
* Transjordan: part of Faisal's kingdom until Jul 1920, then local
  governments in the British mandate area (Herbert at Salt, 21 Aug 1920),
  from 11 Apr 1921 the Emirate of Transjordan under Abdullah (Cairo
  conference, Mar 1921).
"""

from __future__ import annotations

O, S, P = "occupied", "sovereign", "plain-land"
D0 = "1920-01-01"

CORRECTION_GROUPS = {
    "greece-islands": (
        "greece",
        "Imbros and Tenedos (Greek administration since 1912)",
        O,
        "occupied by the Greek navy Oct 1912 (First Balkan War); Treaty of Sevres art. 84; "
        "returned to Turkey by the Treaty of Lausanne 1923",
    ),
    "greece-1919": (
        "greece",
        "Aivali and Aidin (Greek occupation since 1919)",
        O,
        "Greek troops in Ayvalik 29 May 1919 and Aydin 27 May 1919 (lost 30 Jun, retaken 4 Jul 1919); "
        "Milne line Nov 1919",
    ),
    "monaco": ("monaco", "Principality of Monaco", S, "Franco-Monegasque treaty of 17 Jul 1918"),
    "p-levant-oeta": (
        "rim-levant",
        "Lebanon and the Syrian coast (French military administration, OETA West)",
        P,
        "Occupied Enemy Territory Administration (West) from Oct 1918",
    ),
    "p-syria-oeta": (
        "rim-arab-syria",
        "Syria (Arab government of Faisal, OETA East)",
        P,
        "Occupied Enemy Territory Administration (East) from Oct 1918",
    ),
    "p-syria-kingdom": (
        "rim-arab-syria",
        "Arab Kingdom of Syria (Faisal)",
        P,
        "Faisal proclaimed King of Syria by the Syrian National Congress 8 Mar 1920",
    ),
    "p-transjordan-local": (
        "rim-transjordan",
        "Transjordan (local governments, British mandate area)",
        P,
        "after Maysalun (24 Jul 1920); Herbert's meeting at Salt 21 Aug 1920",
    ),
    "p-palestine-oeta": (
        "rim-palestine",
        "Palestine (British military administration, OETA South)",
        P,
        "Occupied Enemy Territory Administration (South) from Dec 1917",
    ),
    "p-iraq-occupation": (
        "rim-iraq",
        "Mesopotamia (British military occupation)",
        P,
        "British occupation 1914-18 (Baghdad Mar 1917, Mosul Nov 1918)",
    ),
    "p-iraq-kingdom": (
        "rim-iraq",
        "Kingdom of Iraq (British mandate)",
        P,
        "Faisal crowned King of Iraq 23 Aug 1921",
    ),
    "p-transjordan": (
        "rim-transjordan",
        "Emirate of Transjordan (British mandate)",
        P,
        "Abdullah's government formed 11 Apr 1921 (Cairo conference Mar 1921)",
    ),
}

SAN_REMO = "San Remo conference: French mandate for Syria and Lebanon 25 Apr 1920"
MAYSALUN = "battle of Maysalun 24 Jul 1920; French troops entered Damascus 25 Jul 1920"
CORRECTION_TIMELINES = {
    "IMBROS_TENEDOS": [(D0, "greece-islands", "")],
    "AEGEAN_1919": [
        (D0, "greece-1919", ""),
        ("1920-07-08", "greece-anatolia", "Greek summer offensive from 22 Jun 1920 (Bursa 8 Jul 1920)"),
        ("1922-09-09", "turkey-gna", "Turkish offensive from 26 Aug 1922; Greek army driven out by 9-18 Sep 1922"),
    ],
    "LASTOVO": [
        (D0, "italy-occ", ""),
        ("1920-11-12", "italy", "Treaty of Rapallo 12 Nov 1920, art. 2: Lagosta (Lastovo) to Italy"),
    ],
    "MC": [(D0, "monaco", "")],
    "P_LEVANT": [(D0, "p-levant-oeta", ""), ("1920-04-25", "p-levant", SAN_REMO)],
    "P_SYRIA": [
        (D0, "p-syria-oeta", ""),
        ("1920-03-08", "p-syria-kingdom", "Syrian National Congress proclaimed the Arab Kingdom of Syria 8 Mar 1920"),
        ("1920-07-25", "p-levant", MAYSALUN + "; " + SAN_REMO),
    ],
    "P_PALESTINE": [
        (D0, "p-palestine-oeta", ""),
        (
            "1920-04-25",
            "p-palestine",
            "San Remo conference 25 Apr 1920: British mandate (civil administration 1 Jul 1920)",
        ),
    ],
    "P_IRAQ": [
        (D0, "p-iraq-occupation", ""),
        ("1920-04-25", "p-iraq", "San Remo conference 25 Apr 1920: British mandate for Mesopotamia"),
        ("1921-08-23", "p-iraq-kingdom", "Faisal crowned King of Iraq in Baghdad 23 Aug 1921"),
    ],
    "P_TRANSJORDAN": [
        (D0, "p-syria-oeta", ""),
        ("1920-03-08", "p-syria-kingdom", "Syrian National Congress proclaimed the Arab Kingdom of Syria 8 Mar 1920"),
        ("1920-07-25", "p-transjordan-local", MAYSALUN),
        ("1921-04-11", "p-transjordan", "Emirate of Transjordan: Abdullah's government formed 11 Apr 1921"),
    ],
}

# whole units -> region keys
CORRECTION_UNIT_KEYS = {
    ("MCO", "Monaco"): "MC",
    ("LBN", "Beqaa"): "P_SYRIA",  # Baalbek and the Beqaa were under the Arab government (OETA East)
}
for _unit in [
    "Aleppo",
    "Ar Raqqah",
    "As Suwayda'",
    "Damascus",
    "Dar`a",
    "Dayr Az Zawr",
    "Hamah",
    "Hasaka (Al Haksa)",
    "Homs (Hims)",
    "Idlib",
    "Quneitra",
    "Rif Dimashq",
    "UNDOF",
]:
    CORRECTION_UNIT_KEYS[("SYR", _unit)] = "P_SYRIA"

# ---------------------------------------------------------------------------
# Polygons
# ---------------------------------------------------------------------------

# Imbros (Goekceada) and Tenedos (Bozcaada), applied to Canakkale province.
IMBROS = [
    (25.60, 40.30),  # sea north-west of Imbros
    (26.05, 40.30),  # sea north-east
    (26.05, 40.03),  # sea south-east (the Gallipoli peninsula lies further east)
    (25.60, 40.03),  # sea south-west
]
TENEDOS = [
    (25.95, 39.88),  # sea north-west of Tenedos
    (26.12, 39.88),  # channel between Tenedos and the Troad
    (26.12, 39.76),  # channel
    (25.95, 39.76),  # sea south-west
]

# Ayvalik and its coast (Balikesir province); Edremit and Burhaniye outside.
AYVALIK = [
    (26.50, 39.45),  # sea north-west of the Ayvalik islands
    (26.86, 39.45),  # Burhaniye (outside) north-east
    (26.92, 39.28),  # inland of Ayvalik
    (26.86, 39.12),  # Dikili's hills (Izmir province, south)
    (26.50, 39.12),  # sea
]

# Aydin and the Menderes valley below it (Aydin province): Aydin, Incirliova,
# Germencik and Koesk inside; Nazilli (Turkish front line) and Soeke outside.
AYDIN = [
    (27.45, 38.05),  # Izmir province boundary (outside)
    (28.10, 38.05),  # hills north of Koesk
    (28.12, 37.82),  # Koesk (inside), Nazilli (outside) east
    (27.95, 37.74),  # Menderes south of Aydin
    (27.55, 37.74),  # Menderes; Soeke (outside) south-west
    (27.45, 37.85),  # Ortaklar
]

# The part of the modern Saarland outside the Saar Basin of 1920, applied to
# Saarland: Perl, Losheim, Weiskirchen, Wadern, Nonnweiler, Nohfelden and
# Freisen outside (north of the line); Mettlach, Merzig, Lebach, Tholey,
# St. Wendel and Ottweiler inside.
SAAR_1920_OUTSIDE = [
    (6.30, 49.70),  # outside (Luxembourg / Rhine Province)
    (6.30, 49.44),  # Moselle at Perl (outside)
    (6.50, 49.44),  # Orscholz area; Mettlach (inside) east
    (6.60, 49.50),  # north of Mettlach
    (6.70, 49.47),  # Merzig (inside) south, Losheim (outside) north
    (6.84, 49.48),  # Nunkirchen; Wadern (outside) north
    (6.96, 49.47),  # Lebach (inside) south
    (7.03, 49.51),  # Tholey (inside) south, Nonnweiler (outside) north
    (7.12, 49.50),  # Oberthal; Nohfelden (outside) north
    (7.20, 49.50),  # St. Wendel (inside) south
    (7.26, 49.50),  # Freisen (outside) north
    (7.45, 49.52),  # outside (Palatinate)
    (7.45, 49.70),  # outside
]

# Lastovo (Lagosta), applied to Dubrovnik-Neretva county (Korcula, at
# 42.9 N, and Mljet, east of 17.3 E, outside).
LASTOVO = [
    (16.68, 42.81),  # sea north-west of Lastovo
    (17.02, 42.81),  # sea north-east
    (17.02, 42.68),  # sea south-east
    (16.68, 42.68),  # sea south-west
]

# Sycow and Miedzyborz (German) cut from Natural Earth's Greater Poland unit;
# the 1920 line ran west of Kobyla Gora, Ostrzeszow and Rychtal (Polish).
SYCOW = [
    (17.40, 51.55),  # outside (Lower Silesia)
    (17.76, 51.50),  # Miedzyborz (German) west, Ostrzeszow (Polish) east
    (17.80, 51.40),  # Kobyla Gora (Polish) east
    (17.80, 51.28),  # Sycow (German) west
    (17.76, 51.20),  # Rychtal (Polish) south-east
    (17.40, 51.20),  # outside
]

# Cuts, applied after build_borders.CUTS and occupations.OCCUPATION_CUTS:
# (polygon name in this module, new key, adm0, units, only-if-current-keys)
CORRECTION_CUTS = [
    ("SAAR_1920_OUTSIDE", "DE_RHINE_FR", "DEU", {"Saarland"}, None),
    ("SYCOW", "DE_EAST", "POL", {"Greater Poland"}, None),
    ("LASTOVO", "LASTOVO", "HRV", {"Dubrovacko-Neretvanska"}, None),
    ("IMBROS", "IMBROS_TENEDOS", "TUR", {"Çanakkale"}, None),
    ("TENEDOS", "IMBROS_TENEDOS", "TUR", {"Çanakkale"}, None),
    ("AYVALIK", "AEGEAN_1919", "TUR", {"Balikesir"}, None),
    ("AYDIN", "AEGEAN_1919", "TUR", {"Aydin"}, None),
]
