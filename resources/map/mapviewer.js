// mapviewer map page controller: draws places, highlights the selected event,
// filters the borders by date, and talks to Python over one QWebChannel bridge object.
// Every value from Python arrives as JSON data; text is only ever set with textContent.
"use strict";
(function () {
  // Fills for the states, muted like an atlas; neighbours get different indices.
  const PALETTE = ["#efe3c8", "#d9e6c5", "#f2d5c4", "#e1d7ea", "#f4efb8", "#cfe0e3"];
  const PLAIN_LAND = "#e4e1da";
  // Orange and blue read for colour-blind viewers and on washed-out projectors.
  const HIGHLIGHT = "#d35400";
  const PLACE_COLOUR = "#1f4e79";
  const NORMAL_RADIUS = { city: 5, site: 5, country: 4, region: 4 };
  const HIGHLIGHT_RADIUS = 10;
  const FLY_SECONDS = 0.6;
  const LABEL_LIMIT = 150;
  const MONTHS = ["January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December"];

  const mv = {
    map: null, borders: null, borderLayers: [], markers: {}, places: {}, events: {},
    selectedEvent: null, selectedPlace: null, date: null, links: null, bridge: null,
    dateControl: null, popup: null, highlightedStates: new Set(), standalone: null, editable: false,
    manyPlaces: false, bordersLoaded: false,
    view: null,  // a lecture step's saved view, shown instead of framing the event's places
  };

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function send(method, ...args) {
    if (mv.bridge && typeof mv.bridge[method] === "function") {
      mv.bridge[method](...args);
    } else if (mv.standalone) {
      // The exported page answers the reader itself.
      if (method === "placeClicked") selectPlace(args[0]);
      if (method === "eventChosen") chooseStandalone(args[0]);
    }
  }

  // Tell Python once the next frame, with the change in it, has been drawn.
  function confirm(kind, value) {
    requestAnimationFrame(function () { send("shown", kind, value); });
  }

  // ---- settling ------------------------------------------------------------
  // The map has settled when no flight is waiting or under way, no border fade is running,
  // no re-fit is pending and the borders are in. Python waits for this (exports, tests)
  // instead of guessing with timers.
  const busy = { frame: false, moving: false, refit: false };

  function idle() {
    return !busy.frame && !busy.moving && !busy.refit && fade === null && (mv.bordersLoaded || !!mv.standalone)
      && !water.pending;
  }

  // A fingerprint of where the map is, at full precision: a flight changes it every frame.
  function where() {
    const c = mv.map.getCenter();
    return [c.lat, c.lng, mv.map.getZoom()].join(",");
  }

  // Settled means idle, and the view the same two frames apart: a "moveend" can come from a
  // resize in the middle of a flight, so the flags alone cannot be trusted. By then the
  // settled picture has also been drawn and handed on for display.
  function maybeSettled() {
    if (!idle()) return;
    const before = where();
    requestAnimationFrame(function () {
      requestAnimationFrame(function () {
        if (idle() && !mv.map._animatingZoom && where() === before) {
          send("pageSettled", mv.selectedEvent || "", mv.date || "");
        } else if (idle()) {
          maybeSettled();  // still moving, though nothing said so: look again
        }
      });
    });
  }

  // ---- borders -------------------------------------------------------------

  function borderStyle(feature) {
    const p = feature.properties || {};
    const plain = p.status === "plain-land";
    if (mv.highlightedStates.has(p.state)) {
      // Lit up in orange, tinted by the state's own colour so that two belligerents lit up
      // together (Poland and Soviet Russia) stay apart; land held in war keeps its dashes.
      return { color: HIGHLIGHT, weight: 2.5, opacity: 1,
        fillColor: occupationFill(p, mixColours(PALETTE[(p.color || 0) % PALETTE.length], "#f2a774", 0.6)),
        fillOpacity: 1, dashArray: p.status === "occupied" ? "6 4" : null };
    }
    return {
      color: plain ? "#b8b2a7" : "#6b6257",
      weight: plain ? 0.5 : 0.9,
      opacity: 1,
      fillColor: occupationFill(p, plain ? PLAIN_LAND : PALETTE[(p.color || 0) % PALETTE.length]),
      fillOpacity: 1,
      dashArray: p.status && p.status !== "sovereign" && !plain ? "3 3" : null,
    };
  }

  // "#rrggbb" a and b mixed, t of b.
  function mixColours(a, b, t) {
    const channel = (hex, i) => parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16);
    const out = [0, 1, 2].map((i) => Math.round(channel(a, i) * (1 - t) + channel(b, i) * t));
    return "#" + out.map((v) => v.toString(16).padStart(2, "0")).join("");
  }

  function borderTooltip(feature) {
    const p = feature.properties || {};
    const box = el("div", "border-tip");
    box.appendChild(el("div", "border-name", p.name || ""));
    if (p.occupied_by) {
      box.appendChild(el("div", "border-status", "occupied by " + p.occupied_by));
    } else if (p.status && p.status !== "sovereign" && p.status !== "plain-land") {
      box.appendChild(el("div", "border-status", p.status.replace(/-/g, " ")));
    }
    return box;
  }

  function formatDate(iso) {
    const [y, m, d] = iso.split("-").map(Number);
    return d + " " + MONTHS[m - 1] + " " + y;
  }

  function validOn(layer, iso) {
    const p = layer.feature.properties || {};
    return (!p.valid_from || p.valid_from <= iso) && (!p.valid_to || iso <= p.valid_to);
  }

  // Borders that change fade over TRANSITION_MS; the rest of the map stays still.
  const TRANSITION_MS = 350;
  let fade = null;

  function showDate(iso, instant) {
    if (typeof iso !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return;
    if (iso === mv.date) return;
    mv.date = iso;
    if (!mv.bordersLoaded) {  // drawn when they arrive
      if (mv.dateControl) mv.dateControl.textContent = "Borders of " + formatDate(iso);
      confirm("date", iso);
      maybeSettled();
      return;
    }
    if (fade) fade.finish();
    const leaving = [], coming = [];
    for (const layer of mv.borderLayers) {
      const shown = mv.borders.hasLayer(layer), wanted = validOn(layer, iso);
      if (shown && !wanted) leaving.push(layer);
      if (!shown && wanted) coming.push(layer);
    }
    for (const layer of coming) {
      layer.setStyle({ fillOpacity: 0, opacity: 0 });
      mv.borders.addLayer(layer);
    }
    mv.borders.bringToBack();
    if (mv.dateControl) mv.dateControl.textContent = "Borders of " + formatDate(iso);
    refreshPopupOccupation();
    const started = performance.now();
    const finish = function () {
      for (const layer of leaving) mv.borders.removeLayer(layer);
      for (const layer of coming) layer.setStyle(borderStyle(layer.feature));
      for (const layer of coming) layer.bringToBack();
      fade = null;
      maybeSettled();
    };
    confirm("date", iso);
    const step = function (now) {
      if (fade !== current) return;
      const t = Math.min(1, (now - started) / TRANSITION_MS);
      if (t >= 1) { finish(); return; }
      for (const layer of coming) layer.setStyle({ fillOpacity: t, opacity: t });
      for (const layer of leaving) layer.setStyle({ fillOpacity: 1 - t, opacity: 1 - t });
      requestAnimationFrame(step);
    };
    const current = { finish: finish };
    if (!leaving.length && !coming.length) { maybeSettled(); return; }
    if (instant) { finish(); return; }
    fade = current;
    requestAnimationFrame(step);
  }

  // ---- occupations ---------------------------------------------------------
  // Land held by a foreign army keeps its sovereign's fill and is hatched in the
  // occupier's colour (features with "occupied_by"); a place inside such land, or
  // inside any land held in war ("occupied"), says so in its popup for the map's date.
  const OCCUPIER_INK = {
    "united-kingdom": "#a02a2a", france: "#1f4f9e", belgium: "#7d6400", "united-states": "#2d6e31",
    allies: "#6a3d9a", greece: "#17698a",
  };
  const hatches = {};

  function occupationFill(p, base) {
    if (!p.occupied_by || !mv.map || !mv.map.options.preferCanvas) return base;
    const ink = OCCUPIER_INK[p.occupier] || "#555555";
    const key = base + ink;
    if (!hatches[key]) {
      // One 8 px tile: the fill, and a diagonal stroke that meets its neighbours' seamlessly.
      const tile = document.createElement("canvas");
      tile.width = tile.height = 8;
      const g = tile.getContext("2d");
      g.fillStyle = base;
      g.fillRect(0, 0, 8, 8);
      g.strokeStyle = ink;
      g.lineWidth = 1.3;
      g.beginPath();
      g.moveTo(-1, 9); g.lineTo(9, -1);
      g.moveTo(-1, 1); g.lineTo(1, -1);
      g.moveTo(7, 9); g.lineTo(9, 7);
      g.stroke();
      hatches[key] = g.createPattern(tile, "repeat");
    }
    return hatches[key];
  }

  function ringContains(ring, x, y) {
    let inside = false;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const xi = ring[i][0], yi = ring[i][1], xj = ring[j][0], yj = ring[j][1];
      if ((yi > y) !== (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  }

  function geometryContains(geometry, lon, lat) {
    const polygons = geometry.type === "Polygon" ? [geometry.coordinates]
      : geometry.type === "MultiPolygon" ? geometry.coordinates : [];
    return polygons.some((rings) => ringContains(rings[0], lon, lat)
      && !rings.slice(1).some((hole) => ringContains(hole, lon, lat)));
  }

  // The border layers drawn for the map's date whose features contain a point.
  function layersAt(lat, lon) {
    return mv.borderLayers.filter((layer) => validOn(layer, mv.date)
      && geometryContains(layer.feature.geometry, lon, lat));
  }

  function occupationText(place) {
    const held = layersAt(place.lat, place.lon).map((layer) => layer.feature.properties)
      .find((p) => p.occupied_by || p.status === "occupied");
    if (!held) return "";
    const what = held.occupied_by ? "occupied by " + held.occupied_by + " \u2014 " + held.name : held.name;
    return formatDate(mv.date) + ": " + what;
  }

  // An open popup follows the date the map is drawn for.
  function refreshPopupOccupation() {
    const node = mv.popup && mv.popup.getElement() && mv.popup.getElement().querySelector(".place-occupation");
    const place = mv.selectedPlace && mv.places[mv.selectedPlace];
    if (node && place) {
      node.textContent = occupationText(place);
      mv.popup.options.minWidth = node.textContent ? 260 : 50;
      mv.popup.update();
    }
  }

  // ---- places --------------------------------------------------------------

  function labelSide(place, all) {
    // Put the label on the left when a neighbour sits just to the east, so that
    // pairs such as Genoa/Rapallo and Versailles/Paris do not overprint.
    for (const other of all) {
      if (other.id === place.id) continue;
      const dLon = other.lon - place.lon, dLat = Math.abs(other.lat - place.lat);
      if (dLon > 0 && dLon < 2.0 && dLat < 0.8) return "left";
    }
    return "right";
  }

  function markerStyle(place, highlighted) {
    if (highlighted) {
      return { radius: HIGHLIGHT_RADIUS, color: "#000000", weight: 2, fillColor: HIGHLIGHT, fillOpacity: 1 };
    }
    const area = place.kind === "country" || place.kind === "region";
    return {
      radius: NORMAL_RADIUS[place.kind] || 5,
      color: PLACE_COLOUR, weight: area ? 1.5 : 1,
      fillColor: area ? "#ffffff" : PLACE_COLOUR, fillOpacity: 0.9,
    };
  }

  function setIndex(data) {
    // Nothing of the previous index may stay on the map: markers, links, an open popup.
    if (mv.links) { mv.links.remove(); mv.links = null; }
    closePopup();
    for (const id in mv.markers) mv.markers[id].remove();
    mv.markers = {};
    shownIds = new Set();
    mv.places = {};
    mv.events = {};
    for (const e of data.events) mv.events[e.id] = e;
    // A book's thousand labels would bury the map and slow every frame: beyond
    // LABEL_LIMIT places only the highlighted ones keep their label (others on hover).
    mv.manyPlaces = data.places.length > LABEL_LIMIT;
    for (const p of data.places) {
      mv.places[p.id] = p;
      const marker = L.circleMarker([p.lat, p.lon], markerStyle(p, false));
      const side = labelSide(p, data.places);
      const label = el("span", "place-label place-" + p.kind);
      label.appendChild(el("span", "place-name", p.name));
      // Today's name beside the period one, unless the period name already holds it.
      if (p.modern_name && !p.name.toLowerCase().includes(p.modern_name.toLowerCase())) {
        label.appendChild(el("span", "place-modern", p.modern_name));
      }
      marker.bindTooltip(label, {
        permanent: !mv.manyPlaces, direction: side, offset: side === "left" ? [-6, 0] : [6, 0],
        className: "place-tooltip",
      });
      marker.on("click", function () { if (!mv.editable) send("placeClicked", p.id); });
      marker.on("mousedown", function (e) { startDrag(p.id, e); });
      marker.addTo(mv.map);
      mv.markers[p.id] = marker;
    }
    mv.selectedEvent = null;
    mv.selectedPlace = null;
    restyle();
    confirm("index", String(data.events.length));
  }

  // ---- selection -----------------------------------------------------------

  function highlightedIds() {
    const ev = mv.selectedEvent && mv.events[mv.selectedEvent];
    const ids = new Set(ev ? ev.places : []);
    if (mv.selectedPlace) ids.add(mv.selectedPlace);
    return ids;
  }

  // Only markers whose state changes are touched: a book has a thousand places.
  let shownIds = new Set();

  function restyle() {
    const ids = highlightedIds();
    mv.map.getContainer().classList.toggle("has-selection", ids.size > 0);
    // Countries and regions light up as territory: the states they stand for.
    const states = new Set();
    for (const id of ids) for (const state of (mv.places[id] && mv.places[id].states) || []) states.add(state);
    const changed = new Set([...states, ...mv.highlightedStates].filter(
      (s) => states.has(s) !== mv.highlightedStates.has(s)));
    if (changed.size) {
      mv.highlightedStates = states;
      // Every version of the state, shown or not: one that comes back with a later date
      // (the Rhineland zones, the stages of the war) must not bring back an old highlight.
      for (const layer of mv.borderLayers) {
        if (changed.has(layer.feature.properties.state)) layer.setStyle(borderStyle(layer.feature));
      }
    }
    for (const id of new Set([...shownIds, ...ids])) {
      const marker = mv.markers[id];
      if (!marker) continue;
      const on = ids.has(id);
      marker.setStyle(markerStyle(mv.places[id], on));
      if (mv.manyPlaces) {
        if (on) marker.openTooltip(); else marker.closeTooltip();
      }
      const tip = marker.getTooltip();
      const node = tip && tip.getElement();
      if (node) node.classList.toggle("highlighted", on);
      if (on) marker.bringToFront();
    }
    shownIds = ids;
  }

  function closePopup() {
    if (mv.popup) {
      const popup = mv.popup;
      mv.popup = null;
      mv.map.closePopup(popup);
    }
  }

  function selectEvent(id) {
    const ev = id ? mv.events[id] : null;
    mv.selectedEvent = ev ? id : null;
    mv.view = null;
    if (mv.links) { mv.links.remove(); mv.links = null; }
    closePopup();
    mv.selectedPlace = null;
    restyle();
    confirm("event", id || "");
    if (!ev || !ev.places.some((pid) => mv.places[pid])) { maybeSettled(); return; }
    const points = ev.places.filter((pid) => mv.places[pid])
      .map((pid) => [mv.places[pid].lat, mv.places[pid].lon]);
    if (points.length > 1) {
      mv.links = L.polyline(points, {
        color: HIGHLIGHT, weight: 3, opacity: 0.9, dashArray: "8 6", interactive: false,
      }).addTo(mv.map);
    }
    // The highlight is drawn in this frame; the flight starts in the next, so the reader
    // sees the places light up at once, then the map moves to them.
    busy.frame = true;
    requestAnimationFrame(function () {
      busy.frame = false;
      // A saved view asked for since (a lecture step's) wins over framing the places.
      if (mv.selectedEvent === ev.id && !mv.view) frame(ev);
      maybeSettled();
    });
  }

  function frame(ev) {
    const points = ev.places.filter((pid) => mv.places[pid])
      .map((pid) => [mv.places[pid].lat, mv.places[pid].lon]);
    if (points.length === 1) {
      mv.map.flyTo(points[0], Math.max(mv.map.getZoom(), 5), { duration: FLY_SECONDS });
    } else if (points.length > 1) {
      // More room on the right, where the labels of the highlighted places run.
      const big = document.body.classList.contains("presenting");
      mv.map.flyToBounds(L.latLngBounds(points), {
        paddingTopLeft: [big ? 150 : 110, 50],
        paddingBottomRight: [big ? 260 : 170, mv.standalone ? 90 : 60],
        maxZoom: 6, duration: FLY_SECONDS,
      });
    }
  }

  // A list of events as buttons; choosing one goes to Python, or, exported, to the page itself.
  function eventList(events, className) {
    const list = el("ol", className);
    for (const e of events) {
      const item = el("li");
      const button = el("button", "event-link");
      button.type = "button";
      button.dataset.event = e.id;
      button.appendChild(el("span", "event-date", e.date_label));
      button.appendChild(el("span", "event-title", e.title));
      button.addEventListener("click", function () { send("eventChosen", e.id); });
      item.appendChild(button);
      list.appendChild(item);
    }
    return list;
  }

  function selectPlace(id) {
    const place = id ? mv.places[id] : null;
    closePopup();
    mv.selectedPlace = place ? id : null;
    restyle();
    if (!place) return;
    const box = el("div", "place-popup");
    box.appendChild(el("div", "place-name", place.name));
    if (place.modern_name && place.modern_name !== place.name) {
      box.appendChild(el("div", "place-modern", "today: " + place.modern_name));
    }
    const occupation = box.appendChild(el("div", "place-occupation", occupationText(place)));
    const events = Object.values(mv.events).filter((e) => e.places.includes(id));
    const list = eventList(events, "place-events");
    if (!events.length) box.appendChild(el("div", "place-none", "No events here."));
    box.appendChild(list);
    const popup = L.popup({ maxWidth: 340, minWidth: occupation.textContent ? 260 : 50, autoPan: true,
      className: "mapviewer-popup" })
      .setLatLng([place.lat, place.lon]).setContent(box);
    popup.on("remove", function () {
      if (mv.popup === popup) { mv.popup = null; send("placeClosed", id); }
    });
    mv.popup = popup;
    popup.openOn(mv.map);
  }

  function clearSelection() {
    selectEvent(null);
  }

  // ---- what tests and the benchmark read back ------------------------------

  function state() {
    const highlighted = [];
    for (const id in mv.markers) {
      const o = mv.markers[id].options;
      if (o.radius === HIGHLIGHT_RADIUS && o.fillColor === HIGHLIGHT) highlighted.push(id);
    }
    const popup = mv.popup && mv.popup.isOpen() ? mv.popup.getElement() : null;
    const center = mv.map.getCenter();
    return {
      ready: !!mv.bridge || !!mv.standalone,
      sentence: mv.standalone ? mv.standalone.sentence.textContent : null,
      passageHighlight: mv.standalone ? Array.from(document.querySelectorAll(".standalone-passage .anchor.chosen"))
        .map((n) => n.textContent).join("") : null,
      sliderDate: mv.standalone ? isoOfDay(Number(mv.standalone.slider.value)) : null,
      mapLeft: mv.map.getContainer().getBoundingClientRect().left,
      chosenVisible: mv.standalone ? Array.from(document.querySelectorAll(
        ".standalone-events button.chosen, .standalone-passage .anchor.chosen")).map(function (node) {
        const r = node.getBoundingClientRect();
        const box = node.closest(".standalone-events, .standalone-passage").getBoundingClientRect();
        return r.top >= box.top && r.bottom <= box.bottom;
      }) : null,
      presenting: document.body.classList.contains("presenting"),
      editable: mv.editable,
      event: mv.selectedEvent,
      place: mv.selectedPlace,
      highlighted: highlighted.sort(),
      highlightedLabels: Array.from(document.querySelectorAll(".place-tooltip.highlighted .place-name"))
        .map((n) => n.textContent).sort(),
      modernLabels: Object.fromEntries(Object.keys(mv.markers).map((id) => {
        const tip = mv.markers[id].getTooltip();
        const node = tip && tip.getElement() && tip.getElement().querySelector(".place-modern");
        return [id, node ? node.textContent : null];
      })),
      links: mv.links ? mv.links.getLatLngs().length : 0,
      date: mv.date,
      transitioning: fade !== null,
      bordersLoaded: mv.bordersLoaded,
      settled: idle(),
      dateLabel: mv.dateControl ? mv.dateControl.textContent : "",
      borders: mv.borders.getLayers().map((l) => l.feature.properties.name).sort(),
      highlightedStates: mv.borders.getLayers()
        .filter((l) => l.options.color === HIGHLIGHT).map((l) => l.feature.properties.state)
        .filter((v, i, all) => all.indexOf(v) === i).sort(),
      labels: Object.keys(mv.markers).sort().map((id) => {
        const tip = mv.markers[id].getTooltip();
        const node = tip && tip.getElement() && tip.getElement().querySelector(".place-name");
        return node ? node.textContent : null;
      }),
      points: Object.fromEntries(Object.keys(mv.markers).map((id) => {
        const pt = mv.map.latLngToContainerPoint(mv.markers[id].getLatLng());
        return [id, [Math.round(pt.x), Math.round(pt.y)]];
      })),
      popupText: popup ? popup.textContent : null,
      popupEvents: popup ? Array.from(popup.querySelectorAll("button.event-link")).map((b) => b.dataset.event) : [],
      bounds: mv.map.getBounds().toBBoxString(),
      center: [center.lat, center.lng],
      zoom: mv.map.getZoom(),
    };
  }

  // A cheap fingerprint of the view, polled by Python to know when the map has landed.
  function view() {
    const c = mv.map.getCenter();
    return [c.lat.toFixed(5), c.lng.toFixed(5), mv.map.getZoom(), mv.date, !!fade].join(",");
  }

  // ---- water: lakes and rivers (geodata/water.geojson) ------------------------
  // Static: drawn once on the same canvas as the borders, above them and below the places,
  // never restyled, and not interactive, so selections and border tooltips are unaffected.
  const WATER_FILL = "#b7cfe0";  // the sea's colour in mapviewer.css
  const RIVER_COLOUR = "#6f9cc0";
  const RIVER_LABEL_ZOOM = 6;
  const water = { layer: null, labels: null, pending: false, fetchedAt: null, loadMs: null, drawMs: null };

  function waterStyle(feature) {
    if (feature.properties.kind === "river") {
      return { color: RIVER_COLOUR, weight: 1.3, opacity: 0.85, fill: false, interactive: false };
    }
    return { color: "#8db0c9", weight: 0.5, opacity: 1, fillColor: WATER_FILL, fillOpacity: 1, interactive: false };
  }

  // The borders go to the back whenever a date changes; the water sits just above them.
  function layWaterOnBorders() {
    if (!water.layer) return;
    water.layer.bringToBack();
    if (mv.borders) mv.borders.bringToBack();
  }

  function showRiverLabels() {
    if (!water.labels) return;
    const wanted = mv.map.getZoom() >= RIVER_LABEL_ZOOM;
    if (wanted !== mv.map.hasLayer(water.labels)) {
      if (wanted) water.labels.addTo(mv.map); else water.labels.remove();
    }
  }

  function addWater(data) {
    const started = performance.now();
    water.layer = L.geoJSON(data, { style: waterStyle, interactive: false, smoothFactor: 1.5 }).addTo(mv.map);
    water.labels = L.layerGroup();
    for (const f of data.features) {
      const p = f.properties || {};
      if (p.kind !== "river" || !Array.isArray(p.label)) continue;
      const icon = L.divIcon({ className: "river-label", html: el("span", "river-name", p.name), iconSize: null });
      water.labels.addLayer(L.marker([p.label[1], p.label[0]], { icon: icon, interactive: false, keyboard: false }));
    }
    layWaterOnBorders();
    showRiverLabels();
    mv.map.on("zoomend", showRiverLabels);
    water.pending = false;
    requestAnimationFrame(function () {  // timings for the benchmark: first frame with the water
      water.drawMs = performance.now() - started;
      if (water.fetchedAt !== null) water.loadMs = performance.now() - water.fetchedAt;
    });
    confirm("water", String(data.features.length));
    maybeSettled();
  }

  function loadWater(url) {
    water.pending = true;
    water.fetchedAt = performance.now();
    fetch(url).then((r) => r.json()).then(addWater).catch(function (e) {
      water.pending = false;
      console.error("mapviewer: the lakes and rivers could not be loaded: " + e);
    });
  }

  // The borders come first: the water is fetched once they are drawn, so it never delays them.
  function loadWaterAfterBorders(url) {
    water.pending = true;
    const wait = function () { if (mv.bordersLoaded) loadWater(url); else setTimeout(wait, 50); };
    wait();
  }

  function waterState() {
    const layers = water.layer ? water.layer.getLayers() : [];
    const names = (kind) => layers.filter((l) => l.feature.properties.kind === kind)
      .map((l) => l.feature.properties.name).filter((n) => n).sort();
    return {
      loaded: !!water.layer,
      loadMs: water.loadMs,
      drawMs: water.drawMs,
      lakes: layers.filter((l) => l.feature.properties.kind === "lake").length,
      namedLakes: names("lake"),
      rivers: names("river"),
      riverLabels: water.labels && mv.map.hasLayer(water.labels)
        ? water.labels.getLayers().map((m) => m.getElement().textContent).sort() : [],
      // Drawn just above the borders: every layer of the canvas below the water is a border.
      aboveBorders: !!water.layer && canvasOrder().every((l, i, all) =>
        !mv.borders.hasLayer(l) || i < all.indexOf(water.layer.getLayers()[0])),
      belowPlaces: !!water.layer && Object.values(mv.markers).every((m) =>
        canvasOrder().indexOf(m) > canvasOrder().indexOf(water.layer.getLayers()[0])),
    };
  }

  // The canvas renderer's drawing order, back to front.
  function canvasOrder() {
    const order = [];
    const renderer = mv.map.getRenderer(water.layer.getLayers()[0]);
    for (let o = renderer._drawFirst; o; o = o.next) order.push(o.layer);
    return order;
  }

  // ---- the edge of the data -------------------------------------------------
  // borders.geojson and water.geojson end in straight lines at the window below; the map
  // may not be panned or zoomed out past it, so no cut edge is ever in sight.
  // A quarter degree inside it: Leaflet leaves a view up to a pixel outside its bounds, and at
  // the smallest zoom a pixel is about 0.18 degrees.
  const EXTENT = L.latLngBounds([[28.25, -24.75], [71.75, 59.75]]);
  const MIN_ZOOM = 3;

  function fitMinZoom() {
    mv.map.options.minZoom = MIN_ZOOM;  // getBoundsZoom never goes below the current minimum
    mv.map.setMinZoom(Math.max(MIN_ZOOM, mv.map.getBoundsZoom(EXTENT, true)));
  }

  function keepInsideExtent() {
    mv.map.options.maxBoundsViscosity = 1.0;
    mv.map.setMaxBounds(EXTENT);
    fitMinZoom();
    mv.map.on("resize", fitMinZoom);
  }

  // ---- start-up ------------------------------------------------------------

  function setPresentation(on) {
    document.body.classList.toggle("presenting", !!on);
    mv.map.invalidateSize();
  }

  // When the window changes size around the map, frame the selected event anew.
  let refitTimer = null;
  function refitAfterResize() {
    clearTimeout(refitTimer);
    busy.refit = true;
    refitTimer = setTimeout(function () {
      busy.refit = false;
      const ev = mv.selectedEvent && mv.events[mv.selectedEvent];
      if (mv.view) setView(mv.view);
      else if (ev) frame(ev);
      maybeSettled();
    }, 150);
  }

  function setView(view) {
    if (view && isFinite(view.lat) && isFinite(view.lon) && isFinite(view.zoom)) {
      mv.view = view;
      mv.map.flyTo([view.lat, view.lon], view.zoom, { duration: FLY_SECONDS });
    }
  }

  // Editing: places can be dragged to a new position, which Python then records (undoably).
  function setEditable(on) {
    mv.editable = !!on;
    mv.map.getContainer().classList.toggle("editing", mv.editable);
  }

  function startDrag(id, event) {
    if (!mv.editable) return;
    L.DomEvent.stop(event);
    const marker = mv.markers[id];
    mv.map.dragging.disable();
    const move = function (e) { marker.setLatLng(e.latlng); };
    const drop = function (e) {
      mv.map.off("mousemove", move);
      mv.map.off("mouseup", drop);
      mv.map.dragging.enable();
      marker.setLatLng(e.latlng);
      send("placeMoved", id, e.latlng.lat, e.latlng.lng);
    };
    mv.map.on("mousemove", move);
    mv.map.on("mouseup", drop);
  }

  // Ctrl+plus/minus in the window: the map's labels grow and shrink with the rest of the type.
  function setTextScale(scale) {
    if (!isFinite(scale) || scale <= 0) return;
    document.body.style.setProperty("--text-scale", String(Math.min(4, Math.max(0.5, scale))));
    if (typeof window.mapviewerPlaceLabels === "function") window.mapviewerPlaceLabels();
    maybeSettled();
  }

  // Python asks for a "settled" report after commands that may not move the map at all.
  function reportSettled() {
    maybeSettled();
  }

  const COMMANDS = { setIndex, selectEvent, selectPlace, showDate, clearSelection, setPresentation, setView,
    setEditable, reportSettled, setTextScale };

  function dispatch(message) {
    const command = JSON.parse(message);
    if (!Object.prototype.hasOwnProperty.call(COMMANDS, command.fn)) {
      console.error("mapviewer: unknown page command " + String(command.fn));
      return;
    }
    COMMANDS[command.fn].apply(null, command.args || []);
  }

  function addDateControl() {
    const DateControl = L.Control.extend({
      onAdd: function () {
        const node = el("div", "date-control");
        L.DomEvent.disableClickPropagation(node);
        return node;
      },
    });
    const control = new DateControl({ position: "topright" });
    control.addTo(mv.map);
    mv.dateControl = control.getContainer();
  }

  function adoptBorders(offMap) {
    // Off the map while they are styled and sorted by date: only the features of the
    // map's date are ever projected and drawn, not every version of every state.
    const onMap = !!offMap || mv.map.hasLayer(mv.borders);
    if (onMap) mv.map.removeLayer(mv.borders);
    mv.borderLayers = mv.borders.getLayers();
    for (const layer of mv.borderLayers) {
      layer.setStyle(borderStyle(layer.feature));
      layer.bindTooltip(borderTooltip(layer.feature), { sticky: true, className: "border-tooltip" });
    }
    mv.bordersLoaded = true;
    const date = mv.date;
    mv.date = null;
    mv.borders.clearLayers();
    showDate(date, true);
    if (onMap) {
      mv.borders.addTo(mv.map);
      mv.borders.bringToBack();  // under the places, which may already be drawn
    }
    confirm("borders", String(mv.borderLayers.length));
    maybeSettled();
  }

  // The app's page fetches its borders after it is up, so the window is usable sooner;
  // the exported page carries them inline.
  function loadBorders(url) {
    fetch(url).then((r) => r.json()).then(function (data) {
      mv.map.removeLayer(mv.borders);  // adoptBorders puts it back with the features of the date only
      mv.borders.addData(data);
      adoptBorders(true);
    }).catch(function (e) { console.error("mapviewer: the borders could not be loaded: " + e); });
  }

  function init(map, borders, options) {
    mv.map = map;
    mv.borders = borders;
    mv.date = options.date;
    map.on("resize", refitAfterResize);
    map.on("movestart", function () { busy.moving = true; });
    map.on("moveend", function () { busy.moving = false; maybeSettled(); });
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution("Borders 1920\u201322: mapviewer, from Natural Earth");
    map.attributionControl.addAttribution("Lakes and rivers: GSHHG/WDB (LGPL)");
    addDateControl();
    if (mv.dateControl) mv.dateControl.textContent = "Borders of " + formatDate(options.date);
    if (options.bordersUrl) loadBorders(options.bordersUrl); else adoptBorders();
    if (options.waterUrl) loadWaterAfterBorders(options.waterUrl); else if (options.water) addWater(options.water);
    keepInsideExtent();
    if (typeof QWebChannel === "undefined" || typeof qt === "undefined") {
      startStandalone();  // an exported page: the data travels inside it
      return;
    }
    new QWebChannel(qt.webChannelTransport, function (channel) {
      mv.bridge = channel.objects.bridge;
      mv.bridge.command.connect(dispatch);
      mv.bridge.pageReady();
    });
  }

  // ---- the exported, self-contained page ------------------------------------

  // The exported page is the app in a browser: the passage and the events in a panel beside
  // the map (not over it, so framing needs no extra room), and a date slider under the map.
  const DAY_MS = 86400000;
  const FIRST_DAY = Date.UTC(1920, 0, 1);
  const LAST_DAY = Date.UTC(1922, 11, 31);

  function isoOfDay(day) {
    return new Date(FIRST_DAY + day * DAY_MS).toISOString().slice(0, 10);
  }

  function dayOfIso(iso) {
    const [y, m, d] = iso.split("-").map(Number);
    return Math.round((Date.UTC(y, m - 1, d) - FIRST_DAY) / DAY_MS);
  }

  function passageView(data) {
    const box = el("div", "standalone-passage");
    const marks = data.events.map((e) => ({ id: e.id, start: e.span[0], end: e.span[1] }))
      .sort((a, b) => a.start - b.start);
    for (const para of data.paragraphs) {
      const node = el("p", "passage-" + para.kind);
      let pos = 0;
      const text = para.text;
      for (const mark of marks) {
        const start = mark.start - para.start, end = Math.min(mark.end - para.start, text.length);
        if (start < pos || start >= text.length || end <= 0) continue;  // nested or elsewhere
        node.appendChild(document.createTextNode(text.slice(pos, start)));
        const span = el("span", "anchor", text.slice(start, end));
        span.dataset.event = mark.id;
        span.addEventListener("click", function () { chooseStandalone(mark.id); });
        node.appendChild(span);
        pos = end;
      }
      node.appendChild(document.createTextNode(text.slice(pos)));
      box.appendChild(node);
    }
    return box;
  }

  function addSlider() {
    const Slider = L.Control.extend({
      onAdd: function () {
        const box = el("div", "standalone-slider");
        const input = el("input");
        input.type = "range";
        input.min = "0";
        input.max = String(Math.round((LAST_DAY - FIRST_DAY) / DAY_MS));
        input.value = String(dayOfIso(mv.date));
        input.setAttribute("aria-label", "Date of the borders");
        input.addEventListener("input", function () { showDate(isoOfDay(Number(input.value))); });
        box.appendChild(el("span", "slider-end", "1920"));
        box.appendChild(input);
        box.appendChild(el("span", "slider-end", "1922"));
        L.DomEvent.disableClickPropagation(box);
        return box;
      },
    });
    const control = new Slider({ position: "bottomright" });
    control.addTo(mv.map);
    return control.getContainer().querySelector("input");
  }

  function startStandalone() {
    const script = document.getElementById("mapviewer-data");
    if (!script) return;
    const data = JSON.parse(script.textContent);
    setIndex(data);
    const panel = el("div", "standalone-panel");
    panel.appendChild(el("h1", "standalone-title", data.title || ""));
    panel.appendChild(el("div", "standalone-source", data.source || ""));
    const events = eventList(data.events, "standalone-events");
    panel.appendChild(events);
    const sentence = el("div", "standalone-sentence");
    panel.appendChild(sentence);
    panel.appendChild(passageView(data));
    document.body.appendChild(panel);
    document.body.classList.add("standalone");
    mv.map.invalidateSize();
    mv.standalone = { data: data, sentence: sentence, slider: addSlider(), panel: panel };
  }

  function chooseStandalone(id) {
    const e = mv.events[id];
    if (!e) return;
    selectEvent(id);
    showDate(e.map_date);
    mv.standalone.slider.value = String(dayOfIso(e.map_date));
    mv.standalone.sentence.textContent = e.sentence || "";
    for (const b of document.querySelectorAll(".standalone-events button")) {
      b.classList.toggle("chosen", b.dataset.event === id);
      if (b.dataset.event === id) b.scrollIntoView({ block: "nearest" });
    }
    for (const span of document.querySelectorAll(".standalone-passage .anchor")) {
      span.classList.toggle("chosen", span.dataset.event === id);
      if (span.dataset.event === id) span.scrollIntoView({ block: "center" });
    }
  }

  window.addEventListener("error", function (event) {
    console.error("mapviewer page error: " + event.message);
  });

  // What the map shows at a point on its date, and whether it is drawn hatched (tests read it back).
  function featureAt(lat, lon) {
    return layersAt(lat, lon).map((layer) => {
      const p = layer.feature.properties;
      return { id: p.id, state: p.state, name: p.name, status: p.status, occupied_by: p.occupied_by || null,
        hatched: typeof CanvasPattern !== "undefined" && layer.options.fillColor instanceof CanvasPattern };
    });
  }

  window.mapviewer = { init, state, view, dispatch, waterState, featureAt };
})();
