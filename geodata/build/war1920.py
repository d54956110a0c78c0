"""The Polish-Soviet war of 1920 by date: who held the land between the Vistula and the Dnieper.

Used by build_borders.py.  The war is told as a series of *stages*.  Each stage
has a first day and a hand-drawn front: the polygon of the land the Polish army
(with its Ukrainian ally in 1920) held on that day.  Everything in the war
theatre outside that polygon was held by the Red Army.  A stage lasts until
the next one begins; from 18 Oct 1920 (the armistice and preliminary peace of
Riga, signed 12 Oct, in force 18 Oct) the Riga line of the base timelines
takes over.

All coordinates were drawn for this project by placing vertices relative to
reference towns, named in the comments, whose capture dates are given in the
standard histories: N. Davies, *White Eagle, Red Star* (1972); P. S. Wandycz,
*Soviet-Polish Relations 1917-1921* (1969); the Great Soviet Encyclopedia's
article "Kiev Operation of 1920"; the IPN's account of the Kiev offensive.
A front of 1920 was a chain of positions, not a line: the aim is 20-30 km,
with the towns named in the comments on the stated side on the stage's day.
Edges marked "outside" run through land these stages never apply to
(Germany, the Baltic states, Romania) and have no meaning.

How a piece of land is assigned (``split`` and ``timeline``): the pieces whose
base region is Polish (``PL``, ``PL_RIGA``) or Soviet (``SOV``) are split by
every stage polygon, and each resulting piece remembers, stage by stage,
whether it was inside (Polish-held) or outside (Red Army-held).  Its timeline
then follows from its base region:

* Polish-held land that Poland kept at Riga or before (``PL``): Poland.
* Polish-held land east of the later border, or east of the Riga line
  (``PL_RIGA`` until 18 Oct 1920, ``SOV``): ``poland`` with status
  ``occupied``, named for the Civil Administration of the Eastern Lands in
  Lithuania and Belarus and for the Polish-Ukrainian alliance in Ukraine.
* Red Army-held land west of the later border (``PL``, ``PL_RIGA``):
  ``soviet-russia`` with status ``occupied``; in Galicia named for the
  Galician Revolutionary Committee at Tarnopol, in the rest of Poland from
  30 Jul 1920 for the Polish Revolutionary Committee (Polrevkom) at Bialystok.
* Red Army-held land east of the Riga line (``SOV``): Soviet Russia.

The Vilna region (``VILNA``) has its own timeline in build_borders.py, since
it passed from the Red Army to Lithuania and then to Zeligowski.
"""

from __future__ import annotations

import datetime as dt

# ---------------------------------------------------------------------------
# Groups (state, name, status, base note) added to build_borders.GROUPS
# ---------------------------------------------------------------------------
O, S = "occupied", "sovereign"
WAR_GROUPS = {
    "pl-held": (
        "poland",
        "Polish-held territory in the east (Polish army; in Ukraine with the Ukrainian People's Republic)",
        O,
        "Polish military and civil administration east of the Bug (Civil Administration of the Eastern "
        "Lands 1919-20); Pilsudski-Petliura Treaty of Warsaw 21 Apr 1920",
    ),
    "red-army": (
        "soviet-russia",
        "Red Army occupation (Polish-Soviet war)",
        O,
        "Red Army held land west of the later Riga line",
    ),
    "red-army-polrevkom": (
        "soviet-russia",
        "Red Army occupation (Polish Revolutionary Committee, Polrevkom, at Białystok)",
        O,
        "Polrevkom (Marchlewski, Dzierzynski) set up in Bialystok 30 Jul 1920, left it 22 Aug 1920",
    ),
    "red-army-galicia": (
        "soviet-russia",
        "Red Army occupation (Galician Revolutionary Committee, Tarnopol)",
        O,
        "Galician Soviet Socialist Republic proclaimed by the Galrevkom, Jul-Sep 1920",
    ),
}

POLREVKOM_FROM = "1920-07-30"  # the committee arrived in Bialystok 30 Jul 1920
RIGA_IN_FORCE = "1920-10-18"
RIGA_NOTE = (
    "Polish-Soviet armistice and preliminary peace of Riga 12 Oct 1920 "
    "(in force 18 Oct 1920); Peace of Riga 18 Mar 1921"
)

# ---------------------------------------------------------------------------
# Stages.  Each front is listed north to south; front_polygon() closes it to
# the west through Germany and the Baltic states (outside).
# ---------------------------------------------------------------------------
WEST, NORTH, SOUTH = 14.0, 56.6, 47.2

# Winter 1919/20: the line the Polish army had reached in autumn 1919 and held
# until spring: the Dvina (Daugava) from the Latvian border to west of Polotsk,
# Lepel, the Berezina with the bridgeheads of Borisov and Bobruisk, the Ptsich
# to the Pripyat; in Volhynia and Podolia the line Olevsk - Novograd-Volynsk -
# Shepetovka - Starokonstantinov - Bar (Davies ch. 3; Wandycz ch. 7).
DVINA_BEREZINA = [
    (26.90, 56.30),  # outside (Latvia)
    (27.40, 55.85),  # Dvina below Druja (Druja Polish, on the south bank); as the Riga line
    (27.60, 55.83),  # Dvina
    (27.75, 55.775),  # Dvina east of Druja
    (27.94, 55.77),  # Dvina at Drissa (Soviet, north bank)
    (28.05, 55.67),  # Dvina
    (28.21, 55.57),  # Dvina at Dzisna (Polish)
    (28.40, 55.53),  # the Riga line leaves the Dvina here
    (28.55, 55.45),  # west of Polotsk (Soviet)
    (28.70, 55.20),
    (28.85, 54.90),  # Lepel (Polish) just west
    (28.65, 54.55),  # Ula / Berezina watershed
    (28.62, 54.25),  # Borisov bridgehead on the east bank of the Berezina (Polish)
    (28.85, 53.85),  # Berezina
    (29.10, 53.50),  # Berezina
    (29.38, 53.15),  # Bobruisk bridgehead (Polish) east of the Berezina
]
POLESIE_WINTER = [
    (29.15, 52.80),  # Berezina below Bobruisk
    (28.75, 52.45),  # Ptsich
    (28.45, 52.10),  # Ptsich mouth at Petrikov, Pripyat (Mozyr, east, Soviet)
    (28.20, 51.75),  # Pripyat marshes
    (27.85, 51.30),  # Olevsk (Polish) just west
    (27.78, 50.95),
]
# 5-6 Mar 1920: the Polesie Group took Mozyr and Kalinkovichi (Davies ch. 3).
POLESIE_MOZYR = [
    (29.45, 52.75),  # Berezina above Parichi
    (29.55, 52.15),  # Kalinkovichi (Polish) west
    (29.45, 51.90),  # Mozyr (Polish) on the Pripyat
]
POLESIE_MOZYR_SOUTH = [
    (28.90, 51.60),  # south of the Pripyat
    (28.20, 51.40),
    (27.85, 51.05),  # Olevsk (Polish) north-west
]
PODOLIA_WINTER = [
    (27.75, 50.60),  # Novograd-Volynsk / Zwiahel (Polish) just west
    (27.40, 50.25),  # Shepetovka (Polish) west
    (27.40, 49.78),  # Starokonstantinov (Polish) west
    (27.70, 49.42),  # Letichev (Polish) west
    (27.85, 49.05),  # Bar (Polish) west
    (27.90, 48.45),  # Dniester at Mogilev-Podolsky
    (27.90, 48.00),  # outside (Romania)
]
FRONT_1920_01 = DVINA_BEREZINA + POLESIE_WINTER + PODOLIA_WINTER
FRONT_1920_03 = DVINA_BEREZINA + POLESIE_MOZYR + POLESIE_MOZYR_SOUTH + PODOLIA_WINTER

# 25-27 Apr 1920: the Kiev offensive's first days: Zhitomir and Berdichev
# taken 26 Apr, Korosten 27 Apr (Davies ch. 4; IPN "Kiev Offensive").
FRONT_1920_04 = (
    DVINA_BEREZINA
    + POLESIE_MOZYR
    + [
        (29.10, 51.40),  # north-east of Ovruch (Polish)
        (29.00, 50.95),  # Korosten (Polish) west
        (28.95, 50.50),
        (28.90, 50.25),  # Zhitomir (Polish) west
        (28.85, 49.90),  # Berdichev (Polish) west
        (28.60, 49.55),  # Vinnitsa and Zhmerinka not yet taken (early May)
        (28.10, 49.25),
    ]
    + PODOLIA_WINTER[4:]
)

# 7 May 1920: Kiev taken, a bridgehead held east of the Dnieper; the front
# ran Belaya Tserkov - Lipovets - Gaisin - Yampol (GSE "Kiev Operation of 1920";
# IPN: the Poles remained in Kiev until 13 Jun 1920).
FRONT_1920_05 = (
    DVINA_BEREZINA
    + POLESIE_MOZYR[:2]
    + [
        (29.60, 51.80),  # Pripyat below Mozyr
        (30.15, 51.35),  # Pripyat near Chernobyl (Polish)
        (30.60, 51.05),  # Dnieper above Kiev
        (30.95, 50.70),  # left-bank bridgehead (Brovary, Soviet, just east)
        (30.95, 50.35),  # left-bank bridgehead south of Darnitsa
        (30.60, 50.15),  # back on the Dnieper below Kiev
        (30.35, 49.85),  # Belaya Tserkov (Polish) west
        (29.60, 49.45),
        (29.20, 49.10),  # Lipovets (Polish) west; Vinnitsa (Polish) far west
        (29.55, 48.75),  # Gaisin (Polish) west
        (28.90, 48.45),
        (28.35, 48.15),  # Dniester at Yampol (Polish)
        (28.35, 47.80),  # outside (Romania)
    ]
)

# 14 Jun 1920: Budyonny broke through on 5 Jun, took Zhitomir and Berdichev on
# 7 Jun; the Poles left Kiev on 13 Jun (Red Army entered 12-14 Jun) and fell
# back to about the lines they had held before the offensive; in Belarus the
# Soviet May offensive had been thrown back by mid-June (GSE; Davies ch. 4).
FRONT_1920_06 = FRONT_1920_03

# 11 Jul 1920: Tukhachevsky's offensive of 4 Jul; Minsk fell 11 Jul, Rovno
# 4 Jul; the Polish armies fell back to the old German trench line of
# 1915-18 (Lake Naroch - Baranovichi - Pinsk) and in Volhynia and Podolia to
# the Zbruch (Davies ch. 5).  Vilna (Polish until 14 Jul) is its own region.
FRONT_1920_07A = [
    (26.40, 56.30),  # outside (Latvia)
    (26.55, 55.40),  # through the Vilna region (not in this theatre)
    (26.80, 54.80),  # Lake Naroch
    (26.45, 54.35),  # Krevo (Polish) west, Molodechno (Soviet) east
    (26.35, 53.85),  # Ivye (Polish)
    (26.25, 53.45),  # Stolbtsy and Nesvizh (Soviet) east
    (26.15, 53.15),  # Baranovichi (Polish) just west
    (26.10, 52.70),
    (26.30, 52.15),  # Pinsk (Polish) west
    (26.40, 51.70),
    (26.45, 51.30),  # Sarny (Soviet) east
    (26.05, 50.75),  # Rovno (Soviet since 4 Jul) east
    (25.90, 50.40),  # Dubno (Polish) west
    (25.95, 50.05),  # Kremenets (Polish)
    (26.24, 50.00),  # Zbruch (the old Austro-Russian border)
    (26.23, 49.60),  # Zbruch at Podwoloczyska (Polish) / Volochysk (Soviet)
    (26.21, 49.20),  # Zbruch
    (26.26, 48.80),  # Zbruch
    (26.33, 48.60),  # Zbruch mouth on the Dniester
    (26.33, 48.00),  # outside (Romania)
]

# 19 Jul 1920: Grodno fell on 19 Jul and the Red Army crossed the Niemen;
# the Polish line held on the Szczara (Slonim) and at Baranovichi a few days
# more (Davies ch. 5).
FRONT_1920_07C = (
    [
        (23.40, 56.30),  # outside (Lithuania)
        (23.45, 54.30),  # Lithuania
        (23.55, 53.95),  # Sopockinie
        (23.65, 53.72),  # Grodno (Soviet) east
        (24.00, 53.45),  # Niemen below Mosty
        (24.60, 53.35),  # Mosty on the Niemen
        (25.40, 53.25),  # Slonim (Polish) south on the Szczara
    ]
    + FRONT_1920_07A[6:]
)

# 28 Jul 1920: Grodno fell 19 Jul, Pinsk 26 Jul, Bialystok 28 Jul; Brest still
# Polish (fell 1 Aug); in the south Kovel, Lutsk, Brody and Tarnopol lost in
# the second half of July (Davies ch. 5).
FRONT_1920_07B = [
    (23.60, 56.30),  # outside (Lithuania)
    (23.45, 54.30),  # Lithuania
    (23.20, 53.95),  # Augustow (Polish) west
    (22.95, 53.55),
    (22.85, 53.20),  # Bialystok (Soviet) east
    (22.95, 52.85),
    (23.30, 52.55),  # Bielsk (Soviet) north-east
    (23.85, 52.40),  # around Brest fortress (Polish)
    (24.05, 52.10),  # Brest's eastern approaches
    (23.80, 51.80),
    (23.80, 51.40),  # Wlodawa (Polish) west
    (24.10, 51.05),  # Kovel (Soviet) east
    (24.30, 50.60),  # Vladimir-Volynsky
    (24.70, 50.25),
    (24.90, 49.95),  # Brody (Soviet) east, Zolochev (Polish)
    (25.35, 49.55),  # Tarnopol (Soviet) east
    (25.50, 49.05),
    (25.60, 48.60),  # Dniester
    (25.60, 48.00),  # outside (Romania)
]

# 1 Aug 1920: Brest taken in the night of 1-2 Aug; the front on the Bug and
# the Narew (Davies ch. 5).
FRONT_1920_08A = (
    FRONT_1920_07B[:6]
    + [
        (22.60, 52.70),  # Narew; Ostrow Mazowiecka (Polish) west
        (22.80, 52.35),  # Sokolow
        (23.10, 52.10),  # Bug below Brest
        (23.55, 51.80),  # Bug; Wlodawa (Polish)
    ]
    + FRONT_1920_07B[10:]
)

# 14-16 Aug 1920, the high-water mark: the Red Army at Radzymin (taken 14 Aug)
# and the Praga bridgehead, on the Wkra and the lower Vistula below Plock,
# Polish forces on the Wieprz; in Galicia Budyonny on Lwow's eastern
# outskirts (Zadworze 17 Aug) (Davies ch. 6; Wandycz ch. 9).
FRONT_1920_08B = [
    (19.95, 56.30),  # outside (East Prussia)
    (19.95, 53.40),  # East Prussian border at Dzialdowo (Soldau)
    (19.75, 53.05),  # Zuromin, Sierpc (Soviet) east
    (19.85, 52.70),  # Plock (Polish) south-west
    (20.30, 52.55),  # Plonsk (Soviet)
    (20.60, 52.45),  # Wkra above Modlin (Polish)
    (20.95, 52.42),  # Zegrze
    (21.10, 52.38),  # Radzymin (Soviet) east
    (21.22, 52.25),  # Praga bridgehead (Polish)
    (21.45, 52.05),  # Minsk Mazowiecki (Soviet) north-east
    (21.80, 51.75),  # Garwolin
    (21.95, 51.55),  # Deblin (Polish) on the Wieprz
    (22.45, 51.70),  # Kock (Polish)
    (22.85, 51.45),  # Lubartow (Polish)
    (23.20, 51.25),  # Chelm (Soviet) east
    (23.35, 50.90),
    (23.45, 50.60),  # Zamosc (Polish) west
    (23.75, 50.35),  # Tomaszow
    (24.12, 50.05),  # Zolkiew (Polish)
    (24.38, 49.85),  # Lwow (Polish) 25 km west; Zadworze (fought 17 Aug) and Busk (Soviet) east
    (24.50, 49.40),  # Rohatyn
    (24.85, 48.95),  # Stanislawow (Polish) west
    (25.40, 48.65),  # Dniester
    (25.40, 48.00),  # outside (Romania)
]

# 22 Aug 1920, the counter-offensive from the Wieprz (16 Aug): Brest retaken
# 19 Aug, Bialystok 22 Aug; the Soviet 4th Army cut off in the north and
# interned in East Prussia 25-26 Aug; Budyonny still before Lwow and turning
# on Zamosc (Komarow 31 Aug) (Davies ch. 6).
FRONT_1920_08C = (
    [
        (22.40, 56.30),  # outside (Lithuania)
        (22.40, 54.40),  # Lithuania
        (22.60, 53.85),  # Augustow (Polish) east
        (22.65, 53.55),  # Grajewo (Polish)
        (23.40, 53.25),  # Bialystok (Polish) west
        (23.75, 52.75),
        (24.05, 52.10),  # Brest (Polish) west
        (23.80, 51.60),  # Bug at Wlodawa (Polish)
        (23.60, 51.15),  # Chelm (Polish)
    ]
    + FRONT_1920_08B[15:]
)

# 26-28 Sep 1920, the battle of the Niemen: Grodno retaken 26 Sep, Pinsk
# 26 Sep, Lida 28 Sep; Kovel (13 Sep), Lutsk, Dubno and Tarnopol retaken
# in September; the Poles on the Zbruch in Podolia (Davies ch. 7).
FRONT_1920_09 = [
    (25.30, 56.30),  # outside (Lithuania)
    (25.30, 54.40),  # through the Vilna region (not in this theatre)
    (25.70, 53.85),  # east of Lida; Novogrudok (Soviet) east
    (25.55, 53.35),
    (25.55, 53.00),  # Slonim (Polish) west
    (25.70, 52.55),
    (26.35, 52.15),  # Pinsk (Polish) west
    (26.30, 51.70),
    (26.20, 51.30),  # Sarny (Soviet) east
    (26.05, 50.75),  # Rovno (Soviet) east
    (25.95, 50.40),  # Dubno (Polish)
    (26.24, 50.00),  # Zbruch (the old Austro-Russian border)
    (26.23, 49.60),  # Zbruch
    (26.21, 49.20),  # Zbruch
    (26.26, 48.80),  # Zbruch
    (26.33, 48.60),  # Zbruch mouth on the Dniester
    (26.33, 48.00),  # outside (Romania)
]

EVENTS = "Davies, White Eagle, Red Star (1972); Wandycz, Soviet-Polish Relations 1917-1921 (1969)"
STAGES = [
    # (first day, front, note on the change)
    ("1920-01-01", FRONT_1920_01, "winter line of 1919/20 on the Dvina, the Berezina and in Podolia"),
    ("1920-03-06", FRONT_1920_03, "Polish Polesie Group took Mozyr and Kalinkovichi 5-6 Mar 1920"),
    ("1920-04-26", FRONT_1920_04, "Kiev offensive from 25 Apr 1920: Zhitomir and Berdichev 26 Apr, Korosten 27 Apr"),
    (
        "1920-05-07",
        FRONT_1920_05,
        "Polish and Ukrainian troops entered Kiev 7 May 1920; front Belaya Tserkov - Lipovets - Gaisin - Yampol",
    ),
    (
        "1920-06-14",
        FRONT_1920_06,
        "Budyonny broke through 5 Jun 1920; the Poles held Kiev until 13 Jun and fell back westward",
    ),
    ("1920-07-11", FRONT_1920_07A, "Soviet offensive from 4 Jul 1920: Rovno 4 Jul, Minsk 11 Jul"),
    ("1920-07-19", FRONT_1920_07C, "Red Army took Grodno 19 Jul 1920 and crossed the Niemen"),
    ("1920-07-28", FRONT_1920_07B, "Pinsk 26 Jul and Bialystok 28 Jul 1920 taken by the Red Army"),
    ("1920-08-01", FRONT_1920_08A, "Red Army took Brest-Litovsk 1-2 Aug 1920 and crossed the Bug and the Narew"),
    (
        "1920-08-14",
        FRONT_1920_08B,
        "high-water mark: Radzymin taken 14 Aug 1920, the Red Army at the Vistula and before Lwow",
    ),
    (
        "1920-08-22",
        FRONT_1920_08C,
        "Polish counter-offensive from the Wieprz 16 Aug 1920: Brest retaken 19 Aug, Bialystok 22 Aug",
    ),
    (
        "1920-09-26",
        FRONT_1920_09,
        "battle of the Niemen 20-28 Sep 1920: Grodno and Pinsk retaken 26 Sep, Lida 28 Sep",
    ),
]
THEATRE_KEYS = ("PL", "PL_RIGA", "SOV")
THEATRE_ADM0 = ("POL", "BLR", "UKR", "RUS")


def front_polygon(front):
    """The Polish-held side of a front: the front closed westward through land outside the theatre."""
    (x0, _), (x1, _) = front[0], front[-1]
    return [(WEST, NORTH), (x0, NORTH)] + list(front) + [(x1, SOUTH), (WEST, SOUTH)]


def split(pieces, shapely, polys_only):
    """Split the theatre's pieces by every stage polygon; tag each with its stage-by-stage holder.

    A piece's region key becomes ``BASE@F@SIG``: BASE its region before the war
    split, F ``U`` (Ukraine), ``B`` (Belarus, Russia) or ``P`` (Poland), and SIG
    one character per stage, ``p`` Polish-held or ``r`` Red Army-held.  Pieces
    that keep their side of the front throughout keep their plain key.
    """
    from shapely.geometry import Polygon

    stage_polys = [shapely.make_valid(Polygon(front_polygon(front))) for _, front, _ in STAGES]
    reach = shapely.union_all(stage_polys)
    out = []
    for adm0, unit, key, geom, hand in pieces:
        if key not in THEATRE_KEYS or adm0 not in THEATRE_ADM0 or not geom.intersects(reach):
            out.append([adm0, unit, key, geom, hand])
            continue
        parts = [(geom, "")]
        for poly in stage_polys:
            nxt = []
            for g, sig in parts:
                inside = polys_only(shapely.intersection(g, poly))
                outside = polys_only(shapely.difference(g, poly))
                if inside is not None:
                    nxt.append((inside, sig + "p"))
                if outside is not None:
                    nxt.append((outside, sig + "r"))
            parts = nxt
        parts = absorb_slivers(parts, shapely)
        natural = "p" if key == "PL" else "r" if key == "SOV" else None
        flavour = "U" if adm0 == "UKR" else "P" if adm0 == "POL" else "B"
        for g, sig in parts:
            new_key = key if natural and set(sig) == {natural} else f"{key}@{flavour}@{sig}"
            out.append([adm0, unit, new_key, g, True])
    return out


# A front drawn a little off a unit's edge, not a change of hands: under ~20 km2, or a
# strip under ~4 km wide on average (twice the area over the perimeter).
SLIVER_AREA, SLIVER_WIDTH = 0.003, 0.04  # deg2, deg


def is_sliver(g):
    return g.area < SLIVER_AREA or 2 * g.area / g.length < SLIVER_WIDTH


def absorb_slivers(parts, shapely):
    """Give a sliver the stage-by-stage holders of the neighbour it shares most edge with.

    A hand-drawn front that runs beside, not on, a unit boundary (the Zbruch, the
    Dvina) leaves thin pieces on the wrong side; unmerged they would make a new
    version of a whole state for a strip no one fought over.
    """
    big = [(g, sig) for g, sig in parts if not is_sliver(g)]
    if not big:
        return parts
    out = list(big)
    for g, sig in parts:
        if not is_sliver(g):
            continue
        shared = [(shapely.intersection(g.boundary, b.boundary).length, i) for i, (b, _) in enumerate(big)]
        length, i = max(shared)
        out.append((g, big[i][1] if length > 0 else sig))
    return out


def is_war_key(key):
    return "@" in key


def _holder_group(base, flavour, side, day):
    """The group of a piece held by ``side`` ('p' or 'r') on ``day``."""
    if side == "p":
        return "poland" if base == "PL" else "pl-held"
    if base == "SOV":
        return "soviet"
    if base == "PL" and flavour == "U":
        return "red-army-galicia"
    if base == "PL" and day >= POLREVKOM_FROM:
        return "red-army-polrevkom"
    return "red-army"


def timeline(key, base_timelines):
    """The dated groups of a war-split region: stage by stage, then its base region's timeline from 18 Oct 1920."""
    base, flavour, sig = key.split("@")
    assert len(sig) == len(STAGES), key
    entries = []
    days = [s[0] for s in STAGES]
    for i, (day, _front, note) in enumerate(STAGES):
        entries.append((day, _holder_group(base, flavour, sig[i], day), f"{note} ({EVENTS})"))
        # the Polrevkom name begins inside a stage
        end = days[i + 1] if i + 1 < len(days) else RIGA_IN_FORCE
        if sig[i] == "r" and base == "PL" and flavour != "U" and day < POLREVKOM_FROM < end:
            entries.append(
                (
                    POLREVKOM_FROM,
                    "red-army-polrevkom",
                    "Polish Revolutionary Committee (Polrevkom) at Bialystok from 30 Jul 1920",
                )
            )
    base_entries = sorted(base_timelines[base], key=lambda e: e[0])
    at_riga = [e for e in base_entries if e[0] <= RIGA_IN_FORCE][-1]
    entries.append((RIGA_IN_FORCE, at_riga[1], RIGA_NOTE))
    entries += [e for e in base_entries if e[0] > RIGA_IN_FORCE]
    # keep only real changes: the first entry and every change of group
    out = []
    for e in entries:
        if not out or out[-1][1] != e[1]:
            out.append(e)
    return out


def stage_days():
    return [dt.date.fromisoformat(s[0]) for s in STAGES]
