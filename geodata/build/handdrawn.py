"""Hand-drawn cut polygons for the mapviewer border build (1920-1922).

All coordinates in this file were drawn for this project by placing vertices
relative to well-known reference towns (named in the comments); nothing here is
copied from another dataset.  Coordinates are (lon, lat) in WGS84 degrees.

How they are used (see build_borders.py): each polygon is intersected with a
few named Natural Earth admin-1 units only.  Therefore only the edge that runs
*through* those units is historically meaningful; the other edges deliberately
run far outside (into the sea or into neighbouring countries) and are marked
"outside".  The accuracy aimed at is 10-15 km, with every named reference town
on the correct side of the line.
"""

# ---------------------------------------------------------------------------
# German-Polish border of 1920-1922 (Treaty of Versailles)
# ---------------------------------------------------------------------------

# German territory WEST of the Polish Corridor, applied to the modern Polish
# voivodeships Pomeranian and Greater Poland (West Pomeranian and Lubusz are
# German in 1920-22 as a whole and need no cut).
GERMAN_WEST = [
    (18.07, 55.20),  # outside: Baltic Sea
    (18.075, 54.835),  # coast at the Piasnica mouth near Debki (Leba German, Karwia Polish)
    (18.05, 54.78),  # Piasnica river
    (18.03, 54.72),  # west shore of Lake Zarnowiec (lake Polish)
    (17.97, 54.66),  # between Leczyce (German) and Luzino (Polish)
    (17.93, 54.58),
    (17.90, 54.50),  # Linia (Polish) lies just east
    (17.86, 54.42),  # Cewice (German) west, Sierakowice (Polish) south-east
    (17.80, 54.35),
    (17.72, 54.27),  # Sulęczyno (Polish) east
    (17.66, 54.18),  # Bytow (German) west
    (17.62, 54.08),
    (17.55, 53.98),  # Borzyszkowy (German) west, Brusy (Polish) east
    (17.47, 53.88),
    (17.47, 53.76),  # Czluchow (German) west, Chojnice (Polish) east
    (17.45, 53.66),
    (17.40, 53.56),  # Debrzno (German) west, Kamien Krajenski (Polish) east
    (17.30, 53.45),  # Sepolno / Wiecbork (Polish) east
    (17.22, 53.36),  # Zlotow (German) west
    (17.15, 53.28),  # Lobzenica (Polish) east, Krajenka (German) west
    (17.02, 53.20),  # Wysoka (Polish) south-east
    (16.88, 53.13),
    (16.76, 53.08),  # Pila/Schneidemuhl (German) north, Ujscie (Polish) south
    (16.66, 53.01),  # along the Notec (Netze)
    (16.56, 52.93),  # Czarnkow (Polish) just south
    (16.40, 52.93),  # Trzcianka (German) north
    (16.20, 52.91),  # Wielen (Polish) just south
    (16.08, 52.90),  # between Wielen (P) and Krzyz (German)
    (15.95, 52.86),
    (15.80, 52.80),  # into Lubusz (German anyway)
    (15.00, 52.80),  # outside
    (14.00, 53.00),  # outside (Germany)
    (14.00, 55.20),  # outside (sea)
]

# German (East Prussian / Marienwerder) territory EAST of the Vistula, applied
# to the voivodeships Pomeranian and Warmian-Masurian.  The southern edge is
# the 1920 line that left Lobau/Neumark (Nowe Miasto Lubawskie, Lubawa) and the
# Soldau (Dzialdowo) district to Poland.  The Free City of Danzig is cut later
# and takes precedence in the north.
EAST_PRUSSIA_PL = [
    (18.86, 54.20),  # inside the Danzig Werder (Danzig overrides)
    (18.82, 54.09),  # Vistula east bank opposite Tczew (Tczew Polish)
    (18.81, 54.00),  # Vistula
    (18.86, 53.90),  # Vistula near Biala Gora (Nogat fork)
    (18.86, 53.80),  # Vistula east of Gniew (Gniew Polish)
    (18.85, 53.72),  # Vistula west of Kwidzyn/Marienwerder (German)
    (18.77, 53.65),  # Vistula at Nowe (Polish, west bank)
    (18.77, 53.58),  # Vistula north of Grudziadz (Polish)
    (19.05, 53.56),  # Gardeja (German) north, Lasin (Polish) south
    (19.20, 53.53),  # Kisielice (German) north
    (19.40, 53.47),  # Biskupiec Pomorski (German) north
    (19.52, 53.50),  # Ilawa (German) north, Kurzetnik (Polish) south
    (19.65, 53.53),  # Nowe Miasto Lubawskie (Polish) south
    (19.78, 53.56),  # Lubawa (Polish) just south
    (19.90, 53.53),  # Ostroda (German) north
    (19.97, 53.47),  # Rybno (Polish) south-west, Dabrowno (German) east
    (20.05, 53.40),
    (20.15, 53.36),  # Soldau district (Dzialdowo, Polish) south
    (20.30, 53.30),  # Napiwoda/Nidzica (German) north-east
    (20.38, 53.22),
    (20.42, 53.14),  # reaches the 1914 Prussian-Russian border
    (20.45, 52.90),  # outside (south of East Prussia)
    (23.50, 52.90),  # outside
    (23.50, 55.50),  # outside
    (19.40, 55.50),  # outside (sea)
    (19.40, 54.60),  # outside (sea)
    (18.95, 54.35),  # Danzig area (Danzig overrides)
]

# Free City of Danzig (1920-1939), applied to Pomeranian voivodeship.
DANZIG = [
    (18.56, 54.465),  # coast between Gdynia-Orlowo (Polish) and Sopot/Zoppot (Danzig)
    (18.50, 54.44),  # Oliwa forest (Danzig)
    (18.43, 54.40),  # Chwaszczyno (Polish) west, Matarnia (Danzig) east
    (18.40, 54.35),  # Zukowo (Polish) west
    (18.40, 54.28),  # Kolbudy (Danzig) east
    (18.33, 54.22),  # Przywidz (Danzig)
    (18.40, 54.15),  # Skarszewy (Polish) south
    (18.55, 54.13),  # Trabki Wielkie (Danzig) north
    (18.70, 54.15),  # Pszczolki (Danzig) north, Tczew (Polish) south
    (18.78, 54.12),  # Vistula north of Tczew
    (18.84, 54.10),  # east bank
    (18.90, 54.05),  # Szymankowo (Danzig)
    (19.01, 54.04),  # Nogat at Kaldowo; Malbork/Marienburg (German) east
    (19.05, 54.10),  # Nogat
    (19.15, 54.17),  # Nogat
    (19.25, 54.22),  # Nogat delta; Elblag (German) east
    (19.30, 54.30),  # Vistula Lagoon
    (19.33, 54.36),  # Vistula Spit west of Krynica Morska/Kahlberg (German)
    (19.33, 54.50),  # outside (sea)
    (18.75, 54.50),  # outside (Gulf of Danzig, south of the Hel peninsula)
]

# Kuyavian-Pomeranian: the part that was Russian Poland before 1914
# (Dobrzyn land, Wloclawek, Radziejow) - Polish throughout 1920-22; the rest
# (Torun, Bydgoszcz, Grudziadz, Chelmno) passed from Germany on 10 Jan 1920.
KP_RUSSIAN = [
    (19.70, 53.18),  # Gorzno (Prussian) north
    (19.45, 53.22),  # Drweca south of Brodnica (Prussian)
    (19.30, 53.20),
    (19.05, 53.10),  # Golub (Prussian) / Dobrzyn (Russian) on the Drweca
    (18.95, 53.04),
    (18.85, 52.97),
    (18.77, 52.93),  # Vistula east of Torun (Prussian)
    (18.66, 52.87),  # Aleksandrow Kujawski (Russian) south
    (18.55, 52.80),
    (18.45, 52.72),  # Inowroclaw (Prussian) west, Radziejow (Russian) east
    (18.37, 52.63),  # Lake Goplo, Kruszwica (Prussian) west
    (18.32, 52.50),
    (18.50, 52.30),  # outside
    (20.00, 52.30),  # outside
    (20.00, 53.30),  # outside
]

# Opole voivodeship: the Praszka/Rudniki area was Russian Poland (Polish
# throughout); the rest of the voivodeship was German Silesia.
PRASZKA = [
    (18.37, 51.12),  # Prosna river north of Praszka
    (18.41, 51.03),  # Gorzow Slaski (German) west, Praszka (Russian) east
    (18.47, 50.98),
    (18.58, 50.97),  # Rudniki (Russian) north
    (18.70, 50.98),
    (18.75, 51.10),  # outside (Lodz voivodeship)
    (18.50, 51.20),  # outside
]

# Silesian voivodeship: German Upper Silesia (pre-1914 German territory).
# North/east edge = 1914 German-Russian border (Liswarta, Brynica, Przemsza),
# south edge = German-Austrian border along the Vistula and east of the Olza.
DE_USIL = [
    (18.30, 51.10),  # outside
    (18.60, 50.97),  # Krzepice (Russian) north-east
    (18.75, 50.88),  # Liswarta; Klobuck (Russian) east
    (18.88, 50.78),  # Herby (border station)
    (18.93, 50.63),  # Woźniki (Russian) east
    (18.98, 50.55),
    (19.05, 50.48),  # upper Brynica; Tarnowskie Gory (German) west, Siewierz (Russian) east
    (19.05, 50.40),
    (19.06, 50.33),  # Brynica: Siemianowice (German) west, Czeladz (Russian) east
    (19.10, 50.28),  # Szopienice (German) west, Sosnowiec (Russian) east
    (19.16, 50.23),  # Three Emperors' Corner (Przemsza confluence), Myslowice German
    (19.17, 50.15),  # Przemsza: Imielin (German) west, Jaworzno (Austrian) east
    (19.19, 50.05),  # Przemsza mouth at the Vistula, Oswiecim (Austrian) east
    (19.15, 50.00),  # Vistula
    (19.00, 49.96),  # Vistula; Bierun (German) north, Czechowice (Austrian) south
    (18.90, 49.93),  # Vistula near Goczalkowice (German)
    (18.78, 49.93),  # Strumien (Austrian) just south
    (18.65, 49.92),
    (18.55, 49.91),  # Jastrzebie (German) north, Zebrzydowice (Austrian) south
    (18.45, 49.93),  # Godow (German)
    (18.33, 49.93),  # Olza-Oder confluence near Bohumin (Austrian)
    (18.00, 49.90),  # outside (Czechia)
    (18.00, 51.10),  # outside (Opole voivodeship)
]

# Opole voivodeship: the Upper Silesian plebiscite area (Kreise Oppeln,
# Kreuzburg, Rosenberg, Gross Strehlitz, Cosel, Leobschutz, Neustadt...).
# West of the line: Neisse, Grottkau, Brieg, Namslau, western Falkenberg
# (not in the plebiscite area).
PLEB_OPOLE = [
    (17.45, 50.25),  # Czech border; Glucholazy (Neisse, outside) west
    (17.50, 50.38),  # Prudnik/Neustadt (inside) east, Nysa (outside) west
    (17.58, 50.50),  # Korfantow area
    (17.70, 50.62),  # Niemodlin/Falkenberg (outside) west
    (17.80, 50.72),  # Opole (inside) east
    (17.80, 50.85),  # Popielow (inside)
    (17.87, 50.95),
    (17.95, 51.05),  # Namyslow (outside) west, Wolczyn (inside) east
    (17.95, 51.20),  # outside (Greater Poland)
    (19.00, 51.20),  # outside
    (19.00, 50.00),  # outside
    (17.45, 50.00),  # outside (Czechia)
]

# East Upper Silesia, transferred to Poland in June-July 1922 (Geneva line).
# Applied only to the German Upper Silesian pieces.
PL1922 = [
    (18.60, 50.97),  # near the 1914 border north of Lubliniec district
    (18.55, 50.85),  # Olesno (German) west
    (18.53, 50.75),  # Dobrodzien (German) west, Ciasna (Polish) east
    (18.55, 50.65),  # Zawadzkie/Kolonowskie (German) west, Lubliniec (Polish) east
    (18.60, 50.55),
    (18.68, 50.48),  # Wielowies/Toszek (German) west, Tworog (Polish) east
    (18.78, 50.44),  # Tarnowskie Gory (Polish) east
    (18.85, 50.39),  # Stolarzowice (German)
    (18.90, 50.37),  # north of Bytom/Beuthen (German); Radzionkow, Piekary (Polish)
    (18.96, 50.35),  # east of Bytom
    (18.94, 50.32),  # between Bytom (G) and Chorzow/Konigshutte (P)
    (18.88, 50.32),
    (18.84, 50.30),  # Zabrze/Hindenburg (G) west, Ruda (P) east
    (18.82, 50.26),
    (18.75, 50.245),  # Gliwice/Gleiwitz (G) north, Knurow (P) south
    (18.66, 50.255),
    (18.58, 50.22),
    (18.50, 50.18),  # Sosnicowice (G) north
    (18.42, 50.14),  # Kuznia Raciborska (G) west, Rybnik (P) east
    (18.38, 50.08),  # Raciborz/Ratibor (G) west, Rydultowy (P) east
    (18.33, 50.02),  # Krzyzanowice (G) west, Pszow (P) east
    (18.31, 49.97),  # Oder near the Olza mouth
    (18.30, 49.85),  # outside (Czechia)
    (19.60, 49.85),  # outside
    (19.60, 51.00),  # outside
]

# ---------------------------------------------------------------------------
# Teschen (Cieszyn Silesia) and Hlucin
# ---------------------------------------------------------------------------

# Polish part of the Teschen plebiscite area (applied to Silesian voivodeship).
# East edge: the Biala river at Bielsko-Biala (Biala was Galicia).
TESCHEN_PL = [
    (18.30, 49.97),  # outside / north edge (German Upper Silesia overrides)
    (19.10, 49.97),  # Biala mouth at the Vistula
    (19.05, 49.85),  # Biala river
    (19.03, 49.78),  # Bielsko (Silesia) west, Biala (Galicia) east
    (19.03, 49.65),  # Szczyrk area
    (19.00, 49.52),  # Beskid ridge; Milowka (Galicia) east
    (19.00, 49.38),  # Slovak border
    (18.30, 49.38),  # outside (Czechia/Slovakia)
]

# Czech part of the Teschen plebiscite area (applied to Moravian-Silesian
# region).  West edge: the Ostravice river (Silesian Ostrava / Frydek inside,
# Moravian Ostrava / Mistek outside); north edge: the Oder.
TESCHEN_CZ = [
    (18.28, 49.84),  # Ostravice mouth at Ostrava
    (18.31, 49.88),  # Oder
    (18.34, 49.92),  # Oder at Bohumin (inside)
    (18.40, 49.95),  # Olza, outside (Poland)
    (19.20, 50.10),  # outside
    (19.20, 49.30),  # outside (Slovakia)
    (18.50, 49.38),  # Beskids, Slovak border
    (18.42, 49.45),  # Ostravice source area
    (18.37, 49.55),  # Frydlant nad Ostravici
    (18.35, 49.69),  # Frydek (inside) / Mistek (outside)
]

# Hlucin region (Prussian until Feb 1920), applied to Moravian-Silesian region.
HLUCIN = [
    (17.85, 50.03),  # Sudice area, west end
    (17.88, 49.96),
    (17.97, 49.93),  # Opava river; Opava/Troppau (Austrian) south, Kravare (Prussian) north
    (18.08, 49.88),
    (18.20, 49.86),  # Hlucin (inside) north
    (18.28, 49.84),  # Opava-Oder confluence at Ostrava
    (18.31, 49.88),  # Oder
    (18.34, 49.92),  # Oder at Bohumin (Austrian, outside)
    (18.40, 50.05),  # outside (Poland)
    (17.85, 50.10),  # outside (Poland)
]

# ---------------------------------------------------------------------------
# Western borders of Germany
# ---------------------------------------------------------------------------

# North Schleswig (Danish since 15 June 1920), applied to Region of Southern
# Denmark.  North edge = 1864-1920 Kongeaa border (Ribe and Kolding Danish).
N_SCHLESWIG = [
    (7.90, 55.20),  # outside (North Sea)
    (8.55, 55.25),  # between Romo (Schleswig) and Mando (Danish)
    (8.72, 55.28),  # coast south of Ribe (Danish)
    (8.85, 55.33),  # around Ribe
    (8.95, 55.42),  # Kongeaa
    (9.10, 55.45),  # Kongeaa
    (9.28, 55.41),  # south of Vamdrup (Danish)
    (9.42, 55.45),
    (9.50, 55.48),  # south shore of Kolding fjord (Kolding Danish)
    (9.62, 55.42),  # Little Belt
    (9.72, 55.25),  # Little Belt, west of Funen
    (9.80, 55.12),  # between Als (Schleswig) and Funen
    (10.15, 55.02),  # east of Als, west of Aero (Danish before 1864)
    (10.15, 54.60),  # outside (Germany)
    (7.90, 54.60),  # outside
]

# Eupen-Malmedy (Belgian from 10 Jan 1920), applied to Liege province.
# West edge = 1914 Belgian-German border.
EUPEN_MALMEDY = [
    (6.03, 50.74),  # Vaalserberg / former Neutral Moresnet (left Belgian)
    (6.00, 50.68),  # Welkenraedt (Belgian) west, Lontzen (German) east
    (6.00, 50.62),  # Eupen (German) east
    (6.03, 50.56),  # Jalhay (Belgian) west
    (6.02, 50.49),  # Hautes Fagnes
    (5.97, 50.43),  # Malmedy (German) east, Stavelot (Belgian) west
    (5.98, 50.37),
    (6.02, 50.30),  # Vielsalm (Belgian) west, Recht (German) east
    (6.05, 50.22),  # Gouvy (Belgian) west, Burg-Reuland (German) east
    (6.10, 50.13),  # Luxembourg border
    (6.50, 50.00),  # outside (Germany)
    (6.50, 50.90),  # outside
]

# Memel Territory (north of the Neman), applied to Lithuanian counties.
# North/east edge = 1914 German-Russian border.
MEMEL = [
    (20.90, 55.90),  # outside (sea)
    (21.07, 55.875),  # coast between Nemirseta/Nimmersatt (G) and Palanga (R)
    (21.20, 55.84),  # Kretinga (Russian) north
    (21.30, 55.78),
    (21.38, 55.72),  # Gargzdai (Russian) just east
    (21.42, 55.62),
    (21.55, 55.52),  # Priekule (German) west
    (21.70, 55.45),
    (21.90, 55.36),
    (22.10, 55.28),  # Taurage/Tauroggen (Russian) north-east
    (22.25, 55.20),
    (22.45, 55.13),  # Pagegiai/Pogegen (German) south-west
    (22.68, 55.10),  # Smalininkai (German) west, Jurbarkas (Russian) east
    (22.75, 55.03),  # Neman
    (22.75, 54.80),  # outside (Kaliningrad oblast)
    (20.50, 54.80),  # outside
    (20.50, 55.90),  # outside
]

# ---------------------------------------------------------------------------
# Lithuania, Poland and the Riga line
# ---------------------------------------------------------------------------

# Vilnius region = Central Lithuania (Oct 1920 - Mar 1922), applied to the
# Lithuanian counties and to Belarusian Grodno, Vitebsk and Minsk oblasts.
# West edge = Polish-Lithuanian demarcation line (Kaunas, Ukmerge, Utena,
# Alytus, Siruvintos Lithuanian; Vilnius, Trakai, Svencionys, Druskininkai
# Polish).  East/south edge approximate (Wilno, Troki, Oszmiana, Swieciany,
# Braslaw and northern Lida districts inside; Grodno, Molodeczno, Postawy,
# Glebokie outside).
CENTRAL_LITHUANIA = [
    (26.35, 55.95),  # outside (Latvia)
    (26.35, 55.75),  # Daugava near the Latvian border
    (26.25, 55.66),  # Zarasai (Lithuanian) north
    (26.10, 55.52),  # Dukstas (Polish) east
    (25.90, 55.42),  # Utena (Lithuanian) west, Ignalina (Polish) east
    (25.70, 55.28),  # Moletai (Lithuanian) west
    (25.50, 55.14),
    (25.25, 55.12),  # Giedraiciai area (neutral zone)
    (25.05, 55.03),  # Sirvintos (Lithuanian) west
    (24.95, 54.93),  # Maisiagala (Polish) east
    (24.68, 54.80),  # Vievis (Polish) south-east, Zasliai (Lithuanian) west
    (24.55, 54.72),  # Zeizmariai (Lithuanian) west
    (24.40, 54.55),  # Stakliskes (Lithuanian) west, Aukstadvaris (Polish) east
    (24.30, 54.42),
    (24.25, 54.28),  # Alytus (Lithuanian) west
    (24.15, 54.15),  # Merkine area, Varena station (Polish) east
    (24.00, 54.06),  # Leipalingis (Lithuanian) west
    (23.85, 54.00),  # Druskininkai (Polish) east; modern border
    (24.20, 53.90),  # south edge through Grodno oblast; Grodno (outside) south-west
    (24.60, 53.78),
    (25.00, 53.72),  # Shchuchyn (outside) south
    (25.40, 53.72),  # Lida (inside) north
    (25.80, 53.85),  # Iwye (inside)
    (26.20, 54.05),
    (26.40, 54.10),  # Valozhyn (outside) east
    (26.55, 54.35),  # Smarhon (inside) west, Maladzyechna (outside) east
    (26.60, 54.60),
    (26.75, 54.85),  # Lake Narach
    (26.70, 55.10),  # Pastavy (outside) east
    (26.95, 55.35),
    (27.10, 55.55),  # Braslaw (inside)
    (27.20, 55.70),
    (27.00, 55.85),  # Daugava, Latvian border
    (26.90, 56.00),  # outside (Latvia)
]

# Polish part (Riga line of 1920/21) of the Belarusian Vitebsk and Minsk
# oblasts (Grodno and Brest oblasts are Polish as whole units).
# East edge = Riga line: Dzisna, Glebokie, Dokszyce, Radoszkowicze, Rakow,
# Stolpce, Nieswiez, Kleck Polish; Polotsk, Begoml, Pleshchenitsy, Zaslawye,
# Minsk, Dzyarzhynsk, Kapyl, Slutsk Soviet.
RIGA_BY = [
    (26.00, 56.00),  # outside (Latvia/Lithuania)
    (26.00, 55.85),  # outside
    (27.40, 55.85),  # in Latvia: the Daugava below Druja (Polish) is the Latvian border
    (27.60, 55.83),  # in Latvia
    (27.75, 55.775),  # Daugava east of Druja
    (27.94, 55.77),  # Daugava at Verkhnedvinsk/Drissa (Soviet, north bank)
    (28.05, 55.67),  # Daugava
    (28.21, 55.57),  # Daugava at Dzisna (Polish)
    (28.40, 55.53),  # Riga line leaves the Daugava west of Polotsk (Soviet)
    (28.35, 55.35),
    (28.25, 55.15),  # Ushachy (Soviet) east
    (28.00, 54.85),  # Dokshytsy (Polish) west, Begoml (Soviet) east
    (27.90, 54.72),
    (27.75, 54.60),  # Dolginovo (Polish) west
    (27.60, 54.45),  # Pleshchenitsy (Soviet) east
    (27.42, 54.30),
    (27.30, 54.17),  # Radoshkovichy (Polish) west
    (27.18, 54.02),  # Rakaw (Polish) west, Zaslawye (Soviet) east
    (27.12, 53.90),  # ~30 km west of Minsk
    (27.05, 53.70),  # Dzyarzhynsk/Koidanov (Soviet) east
    (26.95, 53.55),  # Stowbtsy (Polish) west, Negoreloye (Soviet) east
    (26.92, 53.40),
    (26.88, 53.20),  # Nyasvizh (Polish) west, Kapyl (Soviet) east
    (26.85, 53.05),  # Kletsk (Polish) west
    (26.95, 52.90),
    (26.90, 52.50),  # outside (Brest oblast, Polish as a whole)
    (23.00, 52.50),  # outside
    (23.00, 56.00),  # outside
]

# Soviet-side part of the 1920 Polish-Soviet war zone: land held by Poland at
# some time in 1920 east of the later Riga line (front on the Dvina,
# Berezina, at Mozyr, Korosten, Zhytomyr and Vinnytsia), applied to Belarusian
# and Ukrainian oblasts.  The Polish (Riga) part is cut afterwards and wins.
WAR_EAST = [
    (26.00, 55.85),  # outside
    (27.40, 55.85),  # in Latvia
    (27.60, 55.83),  # in Latvia
    (27.75, 55.775),  # Daugava (north bank stays Soviet)
    (27.94, 55.77),
    (28.05, 55.67),
    (28.21, 55.57),
    (28.40, 55.53),
    (28.70, 55.20),  # west of Polotsk
    (28.75, 54.90),  # Lepel (Polish-held 1919-20)
    (28.55, 54.50),
    (28.52, 54.20),  # Barysaw on the Berezina
    (28.90, 53.60),  # Berezina
    (29.25, 53.10),  # Babruysk
    (29.25, 52.60),
    (29.25, 52.00),  # Mazyr (Polish-held Mar-Jun 1920)
    (28.90, 51.40),
    (28.65, 50.90),  # Korosten
    (28.65, 50.25),  # Zhytomyr
    (28.40, 49.80),  # Berdychiv
    (28.45, 49.20),  # Vinnytsia (Polish/UNR-held Apr-Jun 1920)
    (28.10, 48.75),
    (27.80, 48.40),  # Mohyliv-Podilskyi on the Dniester
    (26.00, 48.30),  # outside (Romania)
]

# ---------------------------------------------------------------------------
# Baltic states' treaty borders (1920) beyond modern Estonia and Latvia
# ---------------------------------------------------------------------------

# Petseri county (Pechory), Estonian 1920-1944; applied to Pskov oblast.
PETSERI = [
    (27.50, 58.05),  # outside / Lake Pskov
    (27.85, 57.95),  # Lake Pskov
    (28.05, 57.80),  # east of Izborsk (Estonian)
    (28.10, 57.65),
    (27.85, 57.52),
    (27.50, 57.52),  # outside (Latvia)
]

# Narva trans-river area (Ivangorod, Narva vald, Piiri and Raja), Estonian
# 1920-1944 (Treaty of Tartu, art. III): a strip some 5 km wide east of the
# Narva, wider at Ivangorod; about 375 km2 (the area transferred to Leningrad
# oblast in Jan 1945, per Stoicescu, ICDS 2020).  Applied to Leningrad oblast.
NARVA_EAST = [
    (27.68, 58.95),  # outside (Lake Peipus)
    (27.77, 58.97),  # east bank at Vasknarva
    (27.86, 59.10),  # some 5 km east of the river
    (27.95, 59.24),  # east of the Narva reservoir's southern end
    (28.11, 59.285),  # south of the Narva reservoir
    (28.29, 59.34),  # east of Ivangorod (Estonian); Kingisepp (Soviet) 20 km east
    (28.31, 59.42),
    (28.18, 59.48),  # right bank below Narva
    (28.13, 59.52),  # coast a few km north-east of the Narva mouth
    (27.95, 59.55),  # outside (Gulf of Finland)
    (27.60, 59.00),  # outside (Estonia)
]

# Abrene (Pytalovo), Latvian 1920-1944; applied to Pskov oblast.
ABRENE = [
    (27.60, 57.35),
    (27.70, 57.35),
    (28.05, 57.30),
    (28.25, 57.15),  # Pytalovo (Latvian) west
    (28.20, 56.95),
    (27.95, 56.85),
    (27.60, 56.85),
]

# ---------------------------------------------------------------------------
# Finland's 1920 border with Soviet Russia (Treaty of Tartu)
# ---------------------------------------------------------------------------

# Karelian Isthmus and Ladoga Karelia (Finnish 1920-1940) plus the outer
# Gulf of Finland islands (Suursaari, Lavansaari, Seiskari); applied to
# Leningrad oblast and Karelia.  Kronstadt (Kotlin) and Sestroretsk stay
# Soviet; Terijoki, Vyborg, Kakisalmi, Sortavala, Salmi, Suojarvi Finnish.
# NB Lake Ladoga is land in the Natural Earth admin-1 layer, so the line
# crosses the lake from the Isthmus to the east shore.
FINLAND_SOUTH = [
    (26.50, 60.00),  # outside (Gulf of Finland)
    (27.50, 59.95),  # south of Suursaari / Lavansaari
    (28.50, 59.95),  # south of Seiskari
    (29.30, 60.05),  # north of Kotlin (Kronstadt, Soviet)
    (29.93, 60.14),  # Sestra mouth: Kuokkala (F) west, Sestroretsk (S) east
    (30.05, 60.20),  # Sestra; Beloostrov (Soviet)
    (30.20, 60.32),  # Sestra
    (30.30, 60.40),  # Lembolovo (Soviet) south
    (30.55, 60.45),
    (30.85, 60.48),  # Ladoga south-west shore, south of Taipale (F)
    (31.50, 60.90),  # across Lake Ladoga
    (32.15, 61.27),  # east shore: Salmi (F) north-west, Vidlitsa (S) south-east
    (32.45, 61.55),
    (32.80, 61.90),
    (32.85, 62.20),  # Suojarvi (F) west
    (32.50, 62.55),
    (31.90, 62.90),
    (31.45, 63.05),  # joins the modern border
    (29.00, 63.05),  # outside (Finland)
    (26.50, 61.50),  # outside
]

# Eastern Salla (Kuolajarvi) and Kuusamo (Paanajarvi) - Finnish 1920-1940;
# applied to Karelia and Murmansk oblast.  Approximate.
FINLAND_SALLA = [
    (29.00, 65.45),  # outside (Finland)
    (29.90, 65.55),
    (30.60, 65.90),
    (30.75, 66.30),  # Paanajarvi (F) west
    (30.40, 66.60),
    (30.30, 67.00),  # Kuolajarvi (F) west
    (29.90, 67.30),
    (29.50, 67.60),
    (28.50, 67.60),  # outside (Finland)
]

# Petsamo (Soviet until 30 Dec 1920, Finnish from 31 Dec 1920), applied to
# Murmansk oblast.  West edge = Norwegian border (Pasvik); east edge through
# the Sredny/Rybachy peninsulas (western parts Finnish).
PETSAMO = [
    (28.00, 70.20),  # outside (Barents Sea)
    (32.05, 70.20),  # outside
    (32.05, 69.70),  # Rybachy/Sredny peninsulas, western part Finnish
    (31.75, 69.55),
    (31.45, 69.30),
    (31.05, 69.00),
    (30.60, 68.75),
    (30.00, 68.55),
    (29.20, 68.35),
    (28.40, 68.40),  # meets the pre-1920 Finnish border (Inari)
    (28.00, 68.50),  # outside (Finland)
]

# Repola and Porajarvi parishes (East Karelia), Finnish-held 1918/19-1920 and
# returned to Soviet Russia by the Treaty of Tartu; applied to Karelia.
REPOLA = [
    (30.40, 63.55),  # modern border (west edge outside)
    (31.35, 63.55),
    (31.45, 64.05),
    (30.60, 64.10),  # Reboly (inside)
    (30.30, 63.80),  # outside (Finland)
]
PORAJARVI = [
    (31.90, 62.90),  # on the 1920 Finnish line
    (32.50, 62.55),  # on the 1920 Finnish line
    (33.10, 62.60),
    (33.10, 63.05),
    (32.20, 63.10),  # Porosozero (inside) south
]

# ---------------------------------------------------------------------------
# Romania (Bessarabia)
# ---------------------------------------------------------------------------

# Southern Bessarabia (Budjak) inside modern Odessa oblast: west of the
# Dniester estuary (Bilhorod-Dnistrovskyi/Akkerman Romanian, Ovidiopol Soviet).
BUDJAK = [
    (28.00, 45.00),  # outside (Danube delta, Romania)
    (30.00, 45.00),  # outside (Black Sea)
    (30.50, 46.05),  # Dniester estuary mouth near Zatoka
    (30.40, 46.20),  # estuary; Bilhorod-Dnistrovskyi (R) west, Ovidiopol (S) east
    (30.28, 46.30),
    (30.13, 46.42),  # estuary head near Mayaky / Palanca
    (29.90, 46.60),  # outside (Moldova)
    (28.00, 46.60),  # outside
]

# ---------------------------------------------------------------------------
# Adriatic: Fiume, Italian Kvarner and Zara
# ---------------------------------------------------------------------------

# Free State of Fiume (corpus separatum west of the Rjecina plus the coastal
# strip to Italian Volosko); applied to Primorje-Gorski Kotar county.
FIUME = [
    (14.33, 45.33),  # sea off Preluk, border with Italian Volosko/Opatija
    (14.34, 45.36),  # Kastav (Yugoslav) north
    (14.38, 45.38),
    (14.43, 45.37),
    (14.455, 45.34),  # Rjecina: Susak (Yugoslav) east
    (14.45, 45.30),  # sea
]

# Italian part of Primorje-Gorski Kotar county after Rapallo: Opatija/Volosko,
# Matulji, Klana and the islands of Cres and Losinj (Krk and Rab Yugoslav).
ITALIAN_KVARNER = [
    (14.33, 45.33),  # shared with Fiume
    (14.34, 45.36),  # shared with Fiume
    (14.32, 45.40),  # Matulji (Italian)
    (14.36, 45.48),  # Klana (Italian)
    (14.40, 45.55),
    (14.45, 45.60),  # Snežnik/Risnjak direction (outside, Slovenia)
    (14.00, 45.60),  # outside (Istria county, Slovenia)
    (14.00, 44.30),  # outside (sea)
    (14.60, 44.30),  # sea south of Losinj
    (14.60, 44.45),
    (14.55, 44.70),  # channel between Losinj and Rab (Yugoslav)
    (14.50, 44.90),
    (14.46, 45.05),  # channel between Cres (I) and Krk (Y)
    (14.40, 45.20),
]

# Zara (Zadar) enclave, Italian from Rapallo; applied to Zadar county.
ZARA = [
    (15.17, 44.15),
    (15.30, 44.15),
    (15.30, 44.08),
    (15.20, 44.08),
]

# ---------------------------------------------------------------------------
# Austria / Hungary
# ---------------------------------------------------------------------------

# Carinthian plebiscite Zone A (Yugoslav administration until Nov 1920);
# applied to Carinthia.  North edge: the Drava from Rosegg, then north of
# Volkermarkt to the Saualpe; Klagenfurt (Zone B) outside.
CARINTHIA_A = [
    (13.90, 46.50),  # Karawanks west end
    (13.95, 46.58),  # Rosegg (inside)
    (14.10, 46.60),  # Drava
    (14.30, 46.58),  # Drava; Ferlach (inside) south, Klagenfurt (outside) north
    (14.45, 46.60),
    (14.55, 46.64),
    (14.60, 46.72),  # Volkermarkt (inside), Diex
    (14.75, 46.76),  # Saualpe
    (14.88, 46.72),
    (14.98, 46.68),  # Lavamund (inside)
    (15.20, 46.50),  # outside (Slovenia)
    (15.20, 46.30),  # outside
    (13.90, 46.30),  # outside
]

# Sopron plebiscite area (Sopron and eight villages); applied to Hungarian
# units Sopron and Gyor-Moson-Sopron.
SOPRON = [
    (16.45, 47.67),  # Brennberg (inside)
    (16.52, 47.72),  # Agfalva (inside)
    (16.62, 47.76),  # Fertorakos (inside)
    (16.75, 47.74),  # Balf (inside)
    (16.75, 47.60),  # Nagycenk, Fertoboz (inside)
    (16.55, 47.60),  # Harka, Kophaza (inside)
]

# ---------------------------------------------------------------------------
# Greece, Turkey and the Caucasus
# ---------------------------------------------------------------------------

# Western Thrace (east of the Nestos), applied to the Greek region of
# Eastern Macedonia and Thrace.  Thasos and Samothrace (Greek since 1912)
# are left out.
WESTERN_THRACE = [
    (23.90, 41.80),  # outside (Bulgaria)
    (23.97, 41.42),  # Nestos enters Greece
    (24.25, 41.33),  # Nestos gorge
    (24.50, 41.25),
    (24.70, 41.15),  # Stavroupoli area
    (24.78, 41.00),  # Chrysoupoli (Macedonia) west, Xanthi (Thrace) east
    (24.80, 40.86),  # Nestos mouth
    (24.85, 40.80),  # sea, east of Thasos
    (25.60, 40.75),  # sea, north of Samothrace
    (26.10, 40.60),  # sea off the Evros delta
    (26.60, 40.60),  # outside (Turkey)
    (26.60, 41.80),  # outside
]

# Dodecanese (Italian 1912-1947), applied to the Greek South Aegean region
# (the Cyclades lie west of 26.1 E).
DODECANESE = [
    (26.10, 37.60),
    (30.00, 37.60),
    (30.00, 35.20),
    (26.10, 35.20),
]

# European side of Canakkale province (Gallipoli peninsula, Imbros),
# applied to Canakkale.  South-east edge = mid-line of the Dardanelles.
GALLIPOLI = [
    (25.50, 40.00),  # outside (Aegean)
    (26.195, 40.03),  # strait mouth between Seddulbahir (E) and Kumkale (A)
    (26.30, 40.08),
    (26.395, 40.16),  # narrows: Kilitbahir (E) / Canakkale (A)
    (26.48, 40.26),
    (26.55, 40.32),
    (26.68, 40.38),  # Gelibolu (E) north, Lapseki (A) south
    (26.80, 40.42),
    (27.00, 40.45),  # Sea of Marmara
    (27.20, 40.60),  # outside
    (27.20, 41.00),  # outside
    (25.50, 41.00),  # outside
]

# Western part of Manisa province inside the Smyrna zone (Manisa, Turgutlu,
# Akhisar area); Izmir province is taken whole.
SMYRNA_MANISA = [
    (26.50, 39.20),
    (27.90, 39.20),
    (27.90, 38.20),
    (26.50, 38.20),
]

# Russian (1878-1918) part of Erzurum province: Oltu, Olur, Senkaya
# (Tortum, Narman, Horasan Ottoman).
KARS_ERZURUM = [
    (41.60, 40.95),
    (42.50, 41.00),
    (42.75, 40.55),
    (42.55, 40.25),
    (42.15, 40.35),
    (41.80, 40.55),  # Narman (Ottoman) south
    (41.60, 40.75),
]

# Ottoman (pre-1918) part of Artvin province: the Hopa/Arhavi coast and
# Yusufeli; the rest of Artvin (Artvin, Borcka, Savsat, Ardanuc) was Russian.
ARTVIN_OTTOMAN = [
    (41.00, 41.60),
    (41.55, 41.60),  # coast between Hopa (O) and Sarp/Batumi (R)
    (41.55, 41.25),
    (41.60, 41.00),
    (41.90, 40.95),  # Artvin town (Russian) north-east
    (41.90, 40.40),
    (41.00, 40.40),
]

# Bender/Tighina (right bank of the Dniester, Romanian) inside the modern
# Transnistrian units of Moldova.
BENDER = [
    (29.38, 46.78),
    (29.50, 46.78),
    (29.52, 46.86),  # Dniester east of Bender; Tiraspol (Soviet) further east
    (29.48, 46.90),
    (29.38, 46.90),
]
