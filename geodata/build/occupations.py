"""Foreign occupations drawn as hatching over the sovereign state: the Rhineland, the Ruhr towns, the Straits.

Used by build_borders.py.  Each occupied area is a region of its own whose
feature keeps the sovereign state's ``state`` (``german-reich``, ``turkey``,
``constantinople``) and has status ``occupied`` (``allied-administration`` for
Constantinople) and two more properties the map page hatches it by:
``occupied_by`` (who, in words, for the tooltip and the place popups) and
``occupier`` (an id for the hatching colour).

The polygons were drawn for this project; each vertex is placed by the
reference towns named beside it.  Edges marked "outside" run through land the
polygon is not applied to.  The lines are those of the zones by administrative
district (Kreis), simplified to 10-15 km; the bridgeheads are the 30 km
semicircles (10 km at Kehl) of the Armistice of 11 Nov 1918, art. V.

Sources: Armistice of 11 Nov 1918; Treaty of Versailles arts. 428-432 and the
Rhineland Agreement of 28 Jun 1919 (in force with the treaty on 10 Jan 1920,
Inter-Allied Rhineland High Commission at Koblenz); the Cologne bridgehead's
edge as published in the Siegburger Kreisblatt, 22 Nov 1918; the American
zone reduced to the Kreise Koblenz, Koblenz-Land, Ahrweiler, Adenau, Cochem
and Mayen in 1919 (American Forces in Germany; Stadtmuseum Koblenz, "Stars
and Stripes am Deutschen Eck"); Bonn held by British, from February 1920 by
French troops (Stadtmuseum Bonn, "Bonn-sur-le-Rhin"); the French occupation
of Frankfurt, Darmstadt, Hanau, Homburg and Dieburg 6 Apr - 17 May 1920
(Hessisches Institut fuer Landesgeschichte, LAGIS); the sanctions of the
London conference, 3-7 Mar 1921: Duesseldorf, Duisburg and Ruhrort occupied
8 Mar 1921 by French, Belgian and British troops (until 25 Aug 1925); the
Armistice of Mudros 30 Oct 1918, the Allied fleet at Constantinople 13 Nov
1918, formal occupation 16 Mar 1920; the Zone of the Straits (Treaty of
Sevres arts. 178-180); Chanak held by a British garrison through the crisis
of Sep 1922 and the Armistice of Mudanya 11 Oct 1922; Izmit under British
occupation from 16 Mar 1920, Greek troops from Jul 1920, taken by the Turkish
army 28 Jun 1921 (A. J. Toynbee, The Western Question in Greece and Turkey,
1922; M. Llewellyn Smith, Ionian Vision, 1973).
"""

from __future__ import annotations

O, A = "occupied", "allied-administration"
RHINELAND = (
    "Armistice of 11 Nov 1918 (Allied troops on the Rhine from Dec 1918); Rhineland Agreement of 28 Jun 1919, "
    "in force 10 Jan 1920 (Inter-Allied Rhineland High Commission, Koblenz)"
)

# group -> (state, name, status, base note), plus who occupied it
OCCUPATION_GROUPS = {
    "rhine-british": (
        "german-reich",
        "Rhineland: British zone of occupation (Cologne)",
        O,
        RHINELAND,
    ),
    "rhine-french": (
        "german-reich",
        "Rhineland: French zone of occupation (Mainz)",
        O,
        RHINELAND,
    ),
    "rhine-belgian": (
        "german-reich",
        "Rhineland: Belgian zone of occupation (Aachen, Krefeld)",
        O,
        RHINELAND,
    ),
    "rhine-american": (
        "german-reich",
        "Rhineland: American zone of occupation (Coblenz)",
        O,
        RHINELAND + "; zone reduced to six Kreise in 1919",
    ),
    "frankfurt-1920": (
        "german-reich",
        "Frankfurt, Darmstadt, Hanau, Homburg: French occupation",
        O,
        "French answer to the Reichswehr's entry into the demilitarised Ruhr (Versailles arts. 42-44)",
    ),
    "ruhr-sanctions": (
        "german-reich",
        "Düsseldorf, Duisburg and Ruhrort: sanctions occupation",
        O,
        "sanctions of the London conference of Mar 1921 over reparations (evacuated 25 Aug 1925)",
    ),
    "straits-gallipoli": (
        "turkey",
        "Zone of the Straits: Gallipoli peninsula (Allied occupation)",
        O,
        "Armistice of Mudros 30 Oct 1918; Treaty of Sevres arts. 178-180 (Zone of the Straits)",
    ),
    "straits-chanak": (
        "turkey",
        "Zone of the Straits: Chanak (Allied occupation, British garrison)",
        O,
        "Armistice of Mudros 30 Oct 1918; Chanak crisis Sep 1922; Armistice of Mudanya 11 Oct 1922",
    ),
    "izmit": (
        "turkey",
        "Ismid peninsula (British, from Jul 1920 Greek occupation)",
        O,
        "British troops from 16 Mar 1920, Greek troops from Jul 1920 (Toynbee 1922)",
    ),
    "constantinople-defacto": (
        "constantinople",
        "Constantinople (Ottoman government; Allied occupation since 13 Nov 1918)",
        A,
        "Armistice of Mudros 30 Oct 1918; Allied fleet at Constantinople 13 Nov 1918",
    ),
}

# who occupied each group: (words for the reader, id for the hatching colour)
OCCUPIERS = {
    "rhine-british": ("the British Army of the Rhine", "united-kingdom"),
    "rhine-french": ("the French Army of the Rhine", "france"),
    "rhine-belgian": ("the Belgian army", "belgium"),
    "rhine-american": ("the American Forces in Germany", "united-states"),
    "frankfurt-1920": ("the French army", "france"),
    "ruhr-sanctions": ("French, Belgian and British troops", "allies"),
    "straits-gallipoli": ("Allied (British and French) troops", "allies"),
    "straits-chanak": ("British troops of the Allied Straits force", "united-kingdom"),
    "izmit": ("British, from Jul 1920 Greek troops", "greece"),
    "constantinople-defacto": ("the Allied powers (British, French, Italian)", "allies"),
    "constantinople": ("the Allied powers (British, French, Italian)", "allies"),
    "constantinople-2": ("the Allied powers (British, French, Italian)", "allies"),
}

# ---------------------------------------------------------------------------
# Region timelines
# ---------------------------------------------------------------------------
D0 = "1920-01-01"
OCCUPATION_TIMELINES = {
    "DE_RHINE_BE": [(D0, "rhine-belgian", "")],
    "DE_RHINE_BR": [(D0, "rhine-british", "")],
    "DE_RHINE_FR": [(D0, "rhine-french", "")],
    "DE_RHINE_US": [(D0, "rhine-american", "")],
    "DE_RHINE_BONN": [
        (D0, "rhine-british", ""),
        (
            "1920-02-01",
            "rhine-french",
            "French troops relieved the British in Bonn in Feb 1920 (Stadtmuseum Bonn); day not established",
        ),
    ],
    "DE_FRANKFURT": [
        (D0, "german-reich", ""),
        ("1920-04-06", "frankfurt-1920", "French troops entered Frankfurt, Darmstadt, Hanau 6 Apr 1920 (LAGIS)"),
        ("1920-05-18", "german-reich", "French troops evacuated the Main towns on 17 May 1920 (LAGIS)"),
    ],
    "DE_SANCTIONS": [
        (D0, "german-reich", ""),
        (
            "1921-03-08",
            "ruhr-sanctions",
            "London ultimatum of 3 Mar 1921: Allied troops entered Duesseldorf and Duisburg-Ruhrort 8 Mar 1921",
        ),
    ],
    "STRAITS_EU": [(D0, "straits-gallipoli", "")],
    "STRAITS_AS": [(D0, "straits-chanak", "")],
    "IZMIT": [
        (D0, "turkey-ottoman", ""),
        (
            "1920-03-16",
            "izmit",
            "British troops occupied Izmit with the formal occupation of Constantinople 16 Mar 1920",
        ),
        ("1921-06-28", "turkey-gna", "Greek army evacuated Izmit; Turkish army entered it 28 Jun 1921"),
    ],
}

# ---------------------------------------------------------------------------
# The Rhine, downstream from the Dutch border at Emmerich to Bingen; left
# bank = west/south.  Towns in brackets lie on the bank named.
# ---------------------------------------------------------------------------
RHINE_LOWER = [
    (6.10, 51.86),  # Dutch border at Spyck (Emmerich, right bank, east)
    (6.26, 51.81),  # below Emmerich
    (6.40, 51.75),  # Rees (right)
    (6.55, 51.67),  # Xanten (left) / Wesel (right)
    (6.66, 51.57),  # Orsoy (left)
    (6.72, 51.46),  # Homberg (left) / Ruhrort (right)
    (6.71, 51.38),  # Rheinhausen (left) / Duisburg (right)
    (6.71, 51.31),  # Uerdingen (left)
    (6.76, 51.24),  # Oberkassel (left) / Duesseldorf (right)
    (6.78, 51.18),  # Neuss (left) / Duesseldorf-Hamm (right)
    (6.86, 51.12),  # Zons (left) / Benrath (right)
    (6.90, 51.05),  # Dormagen (left) / Monheim (right)
    (6.97, 50.97),  # Cologne-Merkenich (left) / Leverkusen (right)
    (6.97, 50.93),  # Cologne (left) / Deutz (right)
    (7.01, 50.86),  # Rodenkirchen (left) / Porz (right)
    (7.03, 50.79),  # Wesseling (left)
    (7.11, 50.73),  # Bonn (left) / Beuel (right)
    (7.18, 50.66),  # Bad Godesberg (left) / Koenigswinter (right)
    (7.24, 50.58),  # Remagen (left) / Linz (right)
    (7.31, 50.51),  # Bad Breisig (left)
    (7.42, 50.44),  # Andernach (left) / Neuwied (right)
    (7.60, 50.37),  # Koblenz (left) / Ehrenbreitstein (right)
    (7.61, 50.29),  # Rhens (left) / Lahnstein (right)
    (7.61, 50.22),  # Boppard (left)
    (7.72, 50.15),  # St. Goar (left) / St. Goarshausen (right)
    (7.76, 50.08),  # Oberwesel (left) / Kaub (right)
    (7.84, 50.02),  # Bacharach (left) / Lorch (right)
    (7.91, 49.97),  # Bingen (left) / Ruedesheim (right)
]

# All of the left bank in North Rhine-Westphalia and Rhineland-Palatinate
# (applied first, to the French zone; the other zones are cut from it).
LEFT_BANK = (
    [(5.00, 52.20), (6.10, 52.00)]  # outside (Netherlands)
    + RHINE_LOWER
    + [
        (8.00, 50.04),  # Rhine between Bingen and Mainz: Rhineland-Palatinate lies south of it
        (9.00, 50.04),  # outside (Hesse)
        (9.00, 48.80),  # outside (Baden)
        (5.00, 48.80),  # outside (France)
    ]
)

# Belgian zone: the left bank from the Dutch border to Neuss and the Aachen
# district (Kleve, Geldern, Moers, Krefeld, Moenchengladbach, Neuss,
# Grevenbroich, Erkelenz, Heinsberg, Juelich, Aachen, Monschau Belgian;
# Dormagen, Bergheim, Dueren, Cologne British).
RHINE_BELGIAN = (
    [(5.00, 52.20), (6.10, 52.00)]  # outside (Netherlands)
    + RHINE_LOWER[:11]  # the Rhine down to Zons
    + [
        (6.80, 51.10),  # Neuss (Belgian) north, Dormagen (British) south
        (6.62, 51.03),  # Grevenbroich (Belgian) north-west
        (6.45, 50.95),  # Juelich (Belgian) west, Bergheim (British) east
        (6.40, 50.82),  # Dueren (British) east
        (6.28, 50.70),  # Monschau district (Belgian) west
        (6.18, 50.52),  # Belgian border near Kalterherberg
        (5.00, 50.40),  # outside (Belgium)
    ]
)

# British zone on the left bank: Cologne, Bergheim, Dueren, Euskirchen,
# Schleiden (Wesseling British; Bornheim, Rheinbach and Bonn French from
# Feb 1920; Ahrweiler and Adenau American; Pruem French).
RHINE_BRITISH = [
    (6.86, 51.12),  # Rhine at Zons (Belgian line)
    (6.90, 51.05),  # Rhine at Dormagen
    (6.97, 50.97),  # Rhine
    (6.97, 50.93),  # Cologne
    (7.01, 50.86),  # Rodenkirchen
    (7.03, 50.79),  # Wesseling (British) just north
    (6.93, 50.76),  # Bruehl (British) north, Bornheim (Bonn district) south
    (6.86, 50.68),  # Euskirchen (British) west, Rheinbach (Bonn area) east
    (6.88, 50.58),  # Ahr hills: Ahrweiler district (American) south-east
    (6.78, 50.46),  # Adenau district (American) east
    (6.55, 50.38),  # Schleiden district (British) north, Pruem (French) south
    (6.30, 50.32),  # Belgian border near St. Vith (outside)
    (6.00, 50.40),  # outside (Belgium)
    (6.18, 50.52),  # Belgian border near Kalterherberg
    (6.28, 50.70),
    (6.40, 50.82),
    (6.45, 50.95),
    (6.62, 51.03),
    (6.80, 51.10),
]

# Bonn and its district with Rheinbach: British until Feb 1920, then French.
RHINE_BONN = [
    (7.03, 50.79),  # Rhine at Wesseling
    (7.11, 50.73),  # Bonn (left bank)
    (7.18, 50.66),  # Bad Godesberg
    (7.22, 50.61),  # Rhine above Remagen; Remagen (American, Ahrweiler district) south
    (7.05, 50.60),  # Ahrweiler district (American) south
    (6.88, 50.58),
    (6.86, 50.68),  # Rheinbach (Bonn area) east, Euskirchen (British) west
    (6.93, 50.76),  # Bornheim (Bonn area) south, Bruehl (British) north
]

# American zone: the Kreise Koblenz, Koblenz-Land, Ahrweiler, Adenau, Cochem
# and Mayen on the left bank (Remagen, Andernach, Mayen, Cochem American;
# Boppard, Zell, Daun, Pruem French).
RHINE_AMERICAN = [
    (7.22, 50.61),  # Rhine above Remagen (American)
    (7.24, 50.58),  # Remagen
    (7.31, 50.51),  # Bad Breisig
    (7.42, 50.44),  # Andernach (American)
    (7.60, 50.37),  # Koblenz (American)
    (7.61, 50.27),  # Rhens (American); Boppard (French) south
    (7.45, 50.20),  # Hunsrueck edge: Emmelshausen (French) south
    (7.30, 50.12),  # Treis-Karden (American)
    (7.12, 50.08),  # Cochem district (American); Zell (French) south
    (6.98, 50.15),  # Ulmen area
    (6.92, 50.25),  # Daun (French) south-west
    (6.80, 50.40),  # Adenau (American) east
    (6.88, 50.58),  # Ahr hills
    (7.05, 50.60),  # Ahrweiler (American)
]

# Right-bank piece of the Landkreis Koblenz kept by the Americans:
# Ehrenbreitstein and Vallendar (Neuwied, Montabaur, Bad Ems French).
RHINE_AMERICAN_RIGHT = [
    (7.57, 50.44),  # Rhine below Vallendar (left-bank side, outside)
    (7.66, 50.44),  # Vallendar (American) west, Hoehr (French) east
    (7.69, 50.36),  # Ehrenbreitstein heights
    (7.65, 50.31),  # above Lahnstein (French)
    (7.59, 50.31),  # Rhine opposite Rhens
]

# Cologne bridgehead (British), edge from the Siegburger Kreisblatt of
# 22 Nov 1918: Holthausen, Haan, Wald, Solingen, Neunkirchen, Geistingen and
# Obercassel inside; Unterbach, Remscheid, Wermelskirchen, Lindlar and Much
# outside.
COLOGNE_BRIDGEHEAD = [
    (6.78, 51.18),  # Rhine at Duesseldorf-Hamm
    (6.85, 51.175),  # Holthausen (inside)
    (6.91, 51.19),  # Unterbach (outside) north
    (7.01, 51.20),  # Haan (inside)
    (7.06, 51.19),  # Solingen-Wald (inside)
    (7.13, 51.16),  # Solingen (inside), Remscheid (outside) east
    (7.18, 51.10),  # Wermelskirchen (outside) north-east
    (7.28, 51.03),  # Lindlar (outside) east
    (7.35, 50.93),  # Much (outside) east
    (7.36, 50.81),  # Neunkirchen (inside)
    (7.30, 50.74),  # Geistingen / Hennef (inside)
    (7.19, 50.69),  # Oberkassel near Bonn (inside); Koenigswinter
    (7.18, 50.66),  # Rhine at Bad Godesberg
    (7.11, 50.73),  # Rhine at Bonn
    (7.03, 50.79),  # Rhine at Wesseling
    (7.01, 50.86),  # Rhine at Porz
    (6.97, 50.93),  # Rhine at Cologne
    (6.97, 50.97),
    (6.90, 51.05),
    (6.86, 51.12),
]

# Koblenz bridgehead beyond the American strip (French from 1919): the
# 30 km semicircle from Linz to St. Goarshausen (Neuwied, Montabaur,
# Bad Ems, Nassau inside; Altenkirchen, Limburg, Diez outside).
KOBLENZ_BRIDGEHEAD = [
    (7.24, 50.58),  # Rhine at Linz
    (7.42, 50.63),  # Asbach area
    (7.60, 50.62),  # Altenkirchen (outside) north
    (7.78, 50.55),  # Hachenburg (outside) north-east
    (7.92, 50.45),  # Montabaur (inside) west
    (7.96, 50.36),  # Limburg and Diez (outside) east
    (7.88, 50.25),  # Nassau (inside) west
    (7.78, 50.17),  # Nastaetten
    (7.72, 50.15),  # Rhine at St. Goarshausen
    (7.61, 50.22),  # Rhine at Boppard
    (7.61, 50.29),
    (7.60, 50.37),  # Rhine at Koblenz
    (7.42, 50.44),  # Rhine at Andernach
    (7.31, 50.51),
]

# Mainz bridgehead (French): the 30 km semicircle from Lorch to Gernsheim
# (Wiesbaden, the Rheingau, Idstein, Koenigstein, Hoechst, Griesheim,
# Ruesselsheim, Gross-Gerau inside; Frankfurt's centre, Bad Homburg and
# Darmstadt outside).
MAINZ_BRIDGEHEAD = [
    (7.80, 50.05),  # Rhine at Lorch (left-bank side, outside)
    (7.84, 50.13),  # Wispertal
    (8.00, 50.22),  # Bad Schwalbach (inside)
    (8.22, 50.27),  # Idstein (inside)
    (8.42, 50.22),  # Koenigstein (inside), Bad Homburg (outside)
    (8.56, 50.13),  # Hoechst and Griesheim (inside); Frankfurt centre outside
    (8.57, 50.03),  # Kelsterbach (inside)
    (8.58, 49.92),  # Moerfelden (inside); Darmstadt (outside) east
    (8.50, 49.78),  # Gernsheim (inside)
    (8.40, 49.74),  # Rhine below Gernsheim
    (8.20, 49.90),  # left bank (outside)
    (7.80, 49.95),  # left bank (outside)
]

# Kehl bridgehead (French): about 10 km around Kehl opposite Strasbourg.
KEHL_BRIDGEHEAD = [
    (7.70, 48.66),  # Rhine (left-bank side, outside)
    (7.88, 48.66),  # Rheinbischofsheim area
    (7.96, 48.58),  # Appenweier (outside) east
    (7.90, 48.49),  # Willstaett
    (7.72, 48.48),  # Rhine (outside)
]

# The French occupation of the Main towns, 6 Apr - 17 May 1920: Frankfurt,
# Offenbach, Hanau, Bad Homburg, Darmstadt, Dieburg (inside).
FRANKFURT_1920 = [
    (8.52, 50.30),  # north of Bad Homburg
    (8.78, 50.30),  # Friedberg (outside) north
    (9.02, 50.17),  # Hanau (inside) east
    (9.00, 50.00),  # Seligenstadt
    (8.92, 49.86),  # Dieburg (inside)
    (8.70, 49.80),  # Darmstadt (inside) south
    (8.55, 49.86),
    (8.52, 50.10),
]

# The sanctions occupation of 8 Mar 1921 on the right bank: Duesseldorf,
# Duisburg and Ruhrort (Hamborn and Oberhausen outside).
SANCTIONS_1921 = [
    (6.72, 51.46),  # Rhine at Ruhrort
    (6.78, 51.47),  # Meiderich (inside), Hamborn (outside) north
    (6.86, 51.43),  # Duisburg (inside), Oberhausen (outside) north-east
    (6.86, 51.35),  # Duisburg-Wanheim; Ratingen (outside) east
    (6.86, 51.28),  # Duesseldorf-Rath (inside)
    (6.90, 51.22),  # Gerresheim (inside)
    (6.91, 51.19),  # Unterbach: the Cologne bridgehead begins south
    (6.85, 51.175),  # Holthausen (bridgehead)
    (6.78, 51.18),  # Rhine at Duesseldorf-Hamm
    (6.76, 51.24),  # Rhine at Duesseldorf
    (6.71, 51.31),
    (6.71, 51.38),
]

# ---------------------------------------------------------------------------
# The Straits
# ---------------------------------------------------------------------------

# Asian shore of the Dardanelles held by the Allies: Kumkale, Chanak
# (Canakkale), Nagara and Lapseki, about 10-15 km inland (Ezine, Bayramic
# and Biga outside).  Applied to Canakkale province after the Gallipoli cut.
CHANAK = [
    (26.15, 40.02),  # Aegean at Kumkale (outside, sea)
    (26.20, 39.93),  # Kumkale and Troy (inside) south-west
    (26.40, 39.98),  # inland of Intepe; Ezine (outside) south
    (26.52, 40.08),  # behind Chanak
    (26.62, 40.22),  # behind Nagara
    (26.78, 40.30),  # behind Lapseki (inside)
    (26.86, 40.42),  # Marmara shore east of Lapseki
    (26.68, 40.38),  # strait at Gelibolu (European side, outside)
    (26.395, 40.16),  # the narrows: Kilitbahir (outside) / Chanak (inside)
    (26.195, 40.03),  # strait mouth
]

# Cuts, applied after build_borders.CUTS in this order (later ones win):
# (polygon name in this module, new key, adm0, units, only-if-current-keys)
RHINE_UNITS = {"Nordrhein-Westfalen", "Rheinland-Pfalz"}
OCCUPATION_CUTS = [
    ("LEFT_BANK", "DE_RHINE_FR", "DEU", RHINE_UNITS, None),
    ("RHINE_BELGIAN", "DE_RHINE_BE", "DEU", {"Nordrhein-Westfalen"}, {"DE_RHINE_FR"}),
    ("RHINE_BRITISH", "DE_RHINE_BR", "DEU", RHINE_UNITS, {"DE_RHINE_FR"}),
    ("RHINE_BONN", "DE_RHINE_BONN", "DEU", RHINE_UNITS, {"DE_RHINE_FR"}),
    ("RHINE_AMERICAN", "DE_RHINE_US", "DEU", RHINE_UNITS, {"DE_RHINE_FR"}),
    ("SANCTIONS_1921", "DE_SANCTIONS", "DEU", {"Nordrhein-Westfalen"}, {"DE"}),
    ("COLOGNE_BRIDGEHEAD", "DE_RHINE_BR", "DEU", {"Nordrhein-Westfalen"}, {"DE"}),
    ("KOBLENZ_BRIDGEHEAD", "DE_RHINE_FR", "DEU", RHINE_UNITS, {"DE"}),
    ("RHINE_AMERICAN_RIGHT", "DE_RHINE_US", "DEU", {"Rheinland-Pfalz"}, {"DE_RHINE_FR"}),
    ("FRANKFURT_1920", "DE_FRANKFURT", "DEU", {"Hessen"}, None),
    ("MAINZ_BRIDGEHEAD", "DE_RHINE_FR", "DEU", {"Hessen"}, None),
    ("KEHL_BRIDGEHEAD", "DE_RHINE_FR", "DEU", {"Baden-Württemberg"}, None),
    ("CHANAK", "STRAITS_AS", "TUR", {"Çanakkale"}, {"ANATOLIA_A"}),
]
OCCUPATION_UNIT_KEYS = {("TUR", "Kocaeli"): "IZMIT"}
