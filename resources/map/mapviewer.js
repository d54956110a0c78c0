// mapviewer map page controller: draws places, highlights the selected event,
// filters the borders by date, and talks to Python over one QWebChannel bridge object.
// Every value from Python arrives as JSON data; text is only ever set with textContent.
"use strict";
(function () {
  // Fills for the states, muted like an atlas; neighbours get different indices. Any two of
  // them, and the plain land beyond, stay apart for simulated deuteranopia, protanopia and
  // tritanopia as well as for normal sight (docs/accessibility.md, "Colour").
  const PALETTE = ["#dbc4a3", "#e4eecb", "#fbe9f2", "#dde5ff", "#c6c9ba", "#d6c7ce"];
  const PLAIN_LAND = "#e4e1da";
  // Orange and blue read for colour-blind viewers and on washed-out projectors.
  const HIGHLIGHT = "#d35400";
  // A highlighted state is filled darker than any state (the difference survives every kind of
  // colour blindness) and edged with a heavy dark line, a cue that needs no colour at all.
  const HIGHLIGHT_FILL = "#d9661f";
  const HIGHLIGHT_EDGE = "#3b1d08";
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
    keys: {}, keyboardPlace: null, announcer: null,  // for the keyboard and screen readers
    dateControl: null, dateNotice: null, popup: null, highlightedStates: new Set(), standalone: null, editable: false,
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
  const busy = { frame: false, moving: false, refit: false, labels: false, shapes: false };

  function idle() {
    return !busy.frame && !busy.moving && !busy.refit && !busy.labels && !busy.shapes && fade === null &&
      (mv.bordersLoaded || !!mv.standalone) && !water.pending && !resizePending();
  }

  // The window has changed the map's size, and Leaflet has not yet taken the new size in
  // (it does so a frame later, then fires "resize", which refits and reports again).
  function resizePending() {
    const size = mv.map.getSize(), container = mv.map.getContainer();
    return size.x !== container.clientWidth || size.y !== container.clientHeight;
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
          send("pageSettled", mv.selectedEvent || "", mv.date || "", window.innerWidth, window.innerHeight);
        } else if (idle()) {
          maybeSettled();  // still moving, though nothing said so: look again
        }
      });
    });
  }

  // ---- borders -------------------------------------------------------------

  // A highlighted state, drawn on the lit canvas over its plain self. Two belligerents lit up
  // together (Poland and Soviet Russia) are parted by the heavy edge; land held in war keeps
  // its dashes.
  function litStyle(feature) {
    const p = feature.properties || {};
    return { color: HIGHLIGHT_EDGE, weight: 3, opacity: 1, fillColor: occupationFill(p, HIGHLIGHT_FILL),
      fillOpacity: 1, dashArray: p.status === "occupied" ? "6 4" : null };
  }

  function borderStyle(feature) {
    const p = feature.properties || {};
    const plain = p.status === "plain-land";
    return {
      color: plain ? "#b8b2a7" : "#6b6257",
      weight: plain ? 0.5 : 0.9,
      opacity: 1,
      fillColor: occupationFill(p, plain ? PLAIN_LAND : PALETTE[(p.color || 0) % PALETTE.length]),
      fillOpacity: 1,
      dashArray: p.status && p.status !== "sovereign" && !plain ? "3 3" : null,
    };
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

  // Borders that change fade over TRANSITION_MS; the rest of the map stays still. The new
  // date's borders are drawn once, at once, and a picture of the map as it was fades out over
  // them: the canvas of 85,000 vertices is not drawn again in every frame of the fade (nor of a
  // flight that runs meanwhile), only the picture's opacity changes.
  const TRANSITION_MS = 350;
  let fade = null;

  function baseCanvas() {
    const renderer = mv.map.getRenderer(mv.borders);
    if (renderer._redrawRequest) {  // the picture must show what the reader saw, not a frame behind
      L.Util.cancelAnimFrame(renderer._redrawRequest);
      renderer._redrawRequest = null;
      renderer._redraw();
    }
    return renderer._container;
  }

  function fadeFrom(canvas) {
    const ghost = document.createElement("canvas");
    ghost.width = canvas.width;
    ghost.height = canvas.height;
    ghost.getContext("2d").drawImage(canvas, 0, 0);
    ghost.style.cssText = canvas.style.cssText;
    ghost.className = "border-fade";
    canvas.after(ghost);
    // It moves with the map's canvas through a flight; a new projection (the end of a move,
    // a zoom animation) ends the fade, since the picture no longer lies where it was drawn.
    const follow = function () { ghost.style.transform = canvas.style.transform; };
    const renderer = mv.map.getRenderer(mv.borders);
    const started = performance.now();
    const current = {
      finish: function () {
        ghost.width = ghost.height = 0;  // its pixels go now, not when the garbage collector comes
        ghost.remove();
        mv.map.off("zoom viewreset", follow);
        mv.map.off("zoomanim", current.finish);
        renderer.off("update", current.finish);
        if (fade === current) fade = null;
        maybeSettled();
      },
    };
    mv.map.on("zoom viewreset", follow);
    mv.map.once("zoomanim", current.finish);
    renderer.once("update", current.finish);
    const step = function (now) {
      if (fade !== current) return;
      const t = Math.min(1, (now - started) / (TRANSITION_MS * pace));
      if (t >= 1) { current.finish(); return; }
      ghost.style.opacity = String(1 - t);
      requestAnimationFrame(step);
    };
    fade = current;
    requestAnimationFrame(step);
  }

  function showDate(iso, instant) {
    if (typeof iso !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return;
    if (iso === mv.date) return;
    mv.date = iso;
    showDateLabel();
    scheduleLabels();
    if (!mv.bordersLoaded) {  // drawn when they arrive
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
    confirm("date", iso);
    if (!leaving.length && !coming.length) { maybeSettled(); return; }
    if (!instant && !still && mv.map.hasLayer(mv.borders)) {
      const canvas = baseCanvas();
      if (canvas.width && canvas.height) fadeFrom(canvas);  // a map not laid out yet has no picture
    }
    for (const layer of leaving) mv.borders.removeLayer(layer);
    for (const layer of coming) {
      layer.setStyle(borderStyle(layer.feature));
      mv.borders.addLayer(layer);
      layer.bringToBack();
    }
    lightStates();
    stackLit();
    refreshPopupOccupation();
    maybeSettled();
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

  // The date the borders are drawn for, and, when the chosen event lies outside the map's
  // years, a plain word that the map shows another day than the event's.
  function showDateLabel() {
    if (mv.dateControl && mv.date) mv.dateControl.textContent = "Borders of " + formatDate(mv.date);
    const ev = mv.selectedEvent && mv.events[mv.selectedEvent];
    const note = ev && ev.map_note && ev.map_date === mv.date ? ev.map_note : "";
    if (mv.dateNotice && mv.dateNotice.textContent !== note) mv.dateNotice.textContent = note;
  }

  // ---- places --------------------------------------------------------------

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
    for (const copy of [...lit.dots.values(), ...lit.under.values()]) copy.remove();
    lit.dots.clear();
    lit.under.clear();
    for (const id in mv.keys) mv.keys[id].remove();
    mv.markers = {};
    mv.keys = {};
    shownIds = new Set();
    mv.places = {};
    mv.events = {};
    for (const e of data.events) mv.events[e.id] = e;
    // A book's thousand labels would bury the map and slow every frame: beyond
    // LABEL_LIMIT places only the highlighted ones keep their label (others on hover).
    mv.manyPlaces = data.places.length > LABEL_LIMIT;
    const eventsAt = {};
    for (const e of data.events) for (const id of e.places) eventsAt[id] = (eventsAt[id] || 0) + 1;
    waitingTips = [];
    for (const p of data.places) {
      mv.places[p.id] = p;
      const marker = L.circleMarker([p.lat, p.lon], markerStyle(p, false));
      const label = el("span", "place-label place-" + p.kind);
      label.appendChild(el("span", "place-name", p.name));
      // Today's name beside the period one, unless the period name already holds it.
      if (p.modern_name && !p.name.toLowerCase().includes(p.modern_name.toLowerCase())) {
        label.appendChild(el("span", "place-modern", p.modern_name));
      }
      // Permanent labels are placed by placeLabels(); hover ones where Leaflet puts them.
      marker.bindTooltip(new PlaceTooltip({
        permanent: !mv.manyPlaces, direction: mv.manyPlaces ? "right" : "center",
        offset: mv.manyPlaces ? [6, 0] : [0, 0], className: "place-tooltip",
      }).setContent(label));
      marker.on("click", function () { if (!mv.editable) send("placeClicked", p.id); });
      marker.on("mousedown", function (e) { startDrag(p.id, e); });
      marker.addTo(mv.map);
      mv.markers[p.id] = marker;
      mv.keys[p.id] = placeKey(p, eventsAt[p.id] || 0).addTo(mv.map);
    }
    const tips = waitingTips;
    waitingTips = null;
    for (const tip of tips) tip.measure();  // reads only: one layout for all
    for (const tip of tips) if (tip._map) tip._updatePosition();
    mv.selectedEvent = null;
    mv.selectedPlace = null;
    restyle();
    showDateLabel();
    confirm("index", String(data.events.length));
  }

  // A place's label keeps its size while the map moves. Leaflet reads a tooltip's size back
  // from the page each time it moves it, which in a flight is every label in every frame, each
  // read forcing a layout after the last label's move; the size is read again only when the
  // label's classes or the text size have changed. Place labels sit "center" (placed) or
  // "right" (hover); other directions are Leaflet's own.
  // While setIndex adds the labels, their first positions wait, so that all their sizes are read
  // after one layout instead of one layout each.
  let waitingTips = null;

  const PlaceTooltip = L.Tooltip.extend({
    sizeKey: function () {
      return this._container.className + "|" + document.body.style.getPropertyValue("--text-scale");
    },
    measure: function () {
      this._size = { key: this.sizeKey(), w: this._container.offsetWidth, h: this._container.offsetHeight };
    },
    _setPosition: function (pos) {
      const direction = this.options.direction, node = this._container;
      if (direction !== "center" && direction !== "right") {
        L.Tooltip.prototype._setPosition.call(this, pos);
        return;
      }
      if (!this._size || this._size.key !== this.sizeKey()) {
        if (waitingTips) {
          waitingTips.push(this);
          return;
        }
        this.measure();
      }
      const sub = L.point(direction === "center" ? this._size.w / 2 : 0, this._size.h / 2, true);
      pos = pos.subtract(sub).add(L.point(this.options.offset)).add(this._getAnchor());
      for (const side of ["right", "left", "top", "bottom"]) L.DomUtil.removeClass(node, "leaflet-tooltip-" + side);
      L.DomUtil.addClass(node, "leaflet-tooltip-" + direction);
      L.DomUtil.setPosition(node, pos);
    },
  });

  // The dots are drawn on the canvas, out of reach of the keyboard and of screen readers: each
  // place also gets a button over its dot, named after it, that takes focus with Tab and opens
  // the place's events with Enter or Space as a click on the dot does. The mouse goes through it.
  // The keys cannot be seen (only the focused one's ring): while the map moves, a book's
  // thousand of them are not moved in every frame of a flight, only the focused one; all are
  // put back over their dots when the map stops.
  const keys = { asleep: false };

  const PlaceKey = L.Marker.extend({
    update: function () {
      if (keys.asleep && this._icon && document.activeElement !== this._icon) {
        this._asleep = true;
        return this;
      }
      this._asleep = false;
      return L.Marker.prototype.update.call(this);
    },
  });

  function wakeKeys() {
    keys.asleep = false;
    for (const id in mv.keys) if (mv.keys[id]._asleep) mv.keys[id].update();
  }

  function placeKey(p, count) {
    const modern = p.modern_name && p.modern_name !== p.name ? " (today " + p.modern_name + ")" : "";
    const key = new PlaceKey([p.lat, p.lon], {
      icon: L.divIcon({ className: "place-key", iconSize: [18, 18] }),
      keyboard: true, interactive: false, autoPanOnFocus: true,
    });
    key.on("add", function () {
      const node = key.getElement();
      node.setAttribute("aria-label", p.name + modern + ", " + count + (count === 1 ? " event" : " events"));
      node.dataset.place = p.id;
      node.addEventListener("keydown", function (e) {
        if ((e.key !== "Enter" && e.key !== " ") || mv.editable) return;
        e.preventDefault();
        const open = mv.popup && mv.selectedPlace === p.id && mv.popup.getElement();
        if (open) { focusPopup(open.querySelector(".place-popup")); return; }
        mv.keyboardPlace = p.id;  // its popup takes the focus when it opens
        send("placeClicked", p.id);
      });
    });
    return key;
  }

  // One polite live region tells a screen reader what the map now shows.
  function announce(text) {
    if (mv.announcer && mv.announcer.textContent !== text) mv.announcer.textContent = text;
  }

  function eventAnnouncement(ev) {
    const names = ev.places.filter((pid) => mv.places[pid]).map((pid) => mv.places[pid].name);
    return ev.title + ", " + ev.date_label + (names.length ? ". Places: " + names.join(", ") + "." : ".");
  }

  // ---- the lit canvas ------------------------------------------------------
  // What a selection lights up is drawn on a canvas of its own, above the map's: the
  // highlighted states, the lakes and rivers over them, the highlighted dots and the line
  // between them. A selection redraws only this canvas, with its few shapes; the map's canvas
  // of 85,000 vertices keeps its picture. The lit canvas lets the mouse through to the dots
  // and states beneath it, which answer as before.
  const lit = { renderer: null, states: new Map(), water: new Map(), under: new Map(), dots: new Map() };

  // The lit canvas takes in a move or a zoom after the map's own canvas has (its handlers wait
  // for a microtask, still before the frame), so its copies can borrow what their sources have
  // just computed, whichever renderer the map made first.
  const LitCanvas = L.Canvas.extend({
    getEvents: function () {
      if (!this._litEvents) {
        const events = L.Canvas.prototype.getEvents.call(this);
        for (const name of ["viewreset", "zoomend", "moveend"]) {
          const handler = events[name];
          events[name] = function () {
            queueMicrotask(() => { if (this._map) handler.call(this); });
          };
        }
        this._litEvents = events;
      }
      return this._litEvents;
    },
  });

  function initLit(map) {
    map.createPane("lit");
    lit.renderer = new LitCanvas({ pane: "lit" });
  }

  // A lit copy draws its source's own projected, clipped and simplified outline in its own
  // style: a selection projects nothing (Soviet Russia alone has thousands of vertices).
  function borrowing(Shape) {
    return Shape.extend({
      _project: function () {
        this._rings = this._source._rings || [];
        this._rawPxBounds = this._source._rawPxBounds;
        this._updateBounds();
      },
      _update: function () {
        if (!this._map) return;
        this._parts = this._source._parts || [];
        this._updatePath();
      },
    });
  }
  const LitPolygon = borrowing(L.Polygon), LitPolyline = borrowing(L.Polyline);

  function litCopy(layer, style) {
    const Copy = layer instanceof L.Polygon ? LitPolygon : LitPolyline;
    const copy = new Copy([], Object.assign({}, style, { renderer: lit.renderer, interactive: false }));
    copy._source = layer;
    return copy;
  }

  // The states of the selection, in their versions on the map's date.
  function lightStates() {
    if (!mv.map) return;
    const wanted = new Set(mv.borders.getLayers().filter(  // on the map: projected, to be borrowed
      (layer) => layer._map && mv.highlightedStates.has(layer.feature.properties.state)));
    for (const [layer, copy] of lit.states) {
      if (!wanted.has(layer)) { copy.remove(); lit.states.delete(layer); }
    }
    for (const layer of wanted) {
      if (!lit.states.has(layer)) lit.states.set(layer, litCopy(layer, litStyle(layer.feature)).addTo(mv.map));
    }
    lightOverLand();
  }

  // Lakes, rivers and the other places' dots lie over the land, lit or not: those within a lit
  // state's bounds are drawn again over it.
  function lightOverLand() {
    const lands = [...lit.states.keys()].map((layer) => layer.getBounds());
    const wanted = new Set(), under = new Set();
    if (water.layer && lands.length) {
      for (const w of water.layer.getLayers()) {
        const bounds = w.getBounds();
        if (lands.some((land) => land.intersects(bounds))) wanted.add(w);
      }
    }
    if (lands.length) {
      for (const id in mv.markers) {
        const at = mv.markers[id].getLatLng();
        if (lands.some((land) => land.contains(at))) under.add(id);
      }
    }
    for (const [w, copy] of lit.water) {
      if (!wanted.has(w)) { copy.remove(); lit.water.delete(w); }
    }
    for (const w of wanted) {
      if (!lit.water.has(w)) lit.water.set(w, litCopy(w, waterStyle(w.feature)).addTo(mv.map));
    }
    for (const [id, copy] of lit.under) {
      if (!under.has(id)) { copy.remove(); lit.under.delete(id); }
    }
    for (const id of under) {
      if (!lit.under.has(id)) {
        const p = mv.places[id];
        lit.under.set(id, L.circleMarker([p.lat, p.lon], Object.assign(markerStyle(p, false),
          { renderer: lit.renderer, interactive: false })).addTo(mv.map));
      }
    }
  }

  function lightDot(id, on) {
    const copy = lit.dots.get(id);
    if (on && !copy) {
      const p = mv.places[id];
      lit.dots.set(id, L.circleMarker([p.lat, p.lon], Object.assign(markerStyle(p, true),
        { renderer: lit.renderer, interactive: false })).addTo(mv.map));
    } else if (!on && copy) {
      copy.remove();
      lit.dots.delete(id);
    }
  }

  // States at the back, then the water, the other dots, the line between the places and
  // their dots over it.
  function stackLit() {
    for (const copy of lit.water.values()) copy.bringToFront();
    for (const copy of lit.under.values()) copy.bringToFront();
    if (mv.links) mv.links.bringToFront();
    for (const copy of lit.dots.values()) copy.bringToFront();
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
    mv.highlightedStates = states;
    lightStates();
    for (const id of new Set([...shownIds, ...ids])) {
      const marker = mv.markers[id];
      if (!marker) continue;
      const on = ids.has(id);
      lightDot(id, on);
      if (mv.manyPlaces) {
        if (on) marker.openTooltip(); else { marker.closeTooltip(); releaseLabel(marker.getTooltip()); }
      }
      const tip = marker.getTooltip();
      const node = tip && tip.getElement();
      if (node) node.classList.toggle("highlighted", on);
    }
    shownIds = ids;
    stackLit();
    scheduleLabels(true);
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
    showDateLabel();
    announce(ev ? eventAnnouncement(ev) : "");
    confirm("event", id || "");
    if (!ev || !ev.places.some((pid) => mv.places[pid])) { maybeSettled(); return; }
    const points = ev.places.filter((pid) => mv.places[pid])
      .map((pid) => [mv.places[pid].lat, mv.places[pid].lon]);
    if (points.length > 1) {
      mv.links = L.polyline(points, {
        color: HIGHLIGHT_EDGE, weight: 3, opacity: 0.9, dashArray: "8 6", interactive: false, renderer: lit.renderer,
      }).addTo(mv.map);
      stackLit();
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

  // A still map (exports, and readers who ask their system for reduced motion) jumps
  // where a moving one flies, and changes its borders without a fade.
  let still = !!(window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches);

  function setStill(on) {
    still = !!on;
  }

  // The length of flights and fades, as a share of their own (the tests that step through
  // every event run them at a tenth; the moves are the same).
  let pace = 1;

  function setPace(share) {
    if (typeof share === "number" && isFinite(share) && share > 0 && share <= 1) pace = share;
  }

  // Leaflet drops a view asked for while a zoom animation runs (a resize's, say), and the
  // animation then ends where it was going: a still map waits for it, then jumps.
  function jump(move) {
    if (mv.map._animatingZoom) mv.map.once("zoomend", move);
    else move();
  }

  function frame(ev) {
    const points = ev.places.filter((pid) => mv.places[pid])
      .map((pid) => [mv.places[pid].lat, mv.places[pid].lon]);
    if (points.length === 1) {
      // No closer than the reader already is (read when the move starts: a still map may wait).
      const zoom = () => Math.max(mv.map.getZoom(), 5);
      if (still) jump(() => mv.map.setView(points[0], zoom(), { animate: false }));
      else mv.map.flyTo(points[0], zoom(), { duration: FLY_SECONDS * pace });
    } else if (points.length > 1) {
      // More room on the right, where the labels of the highlighted places run.
      const big = document.body.classList.contains("presenting");
      const options = {
        paddingTopLeft: [big ? 150 : 110, 50],
        paddingBottomRight: [big ? 260 : 170, mv.standalone ? 90 : 60],
        maxZoom: 6,
      };
      if (still) jump(() => mv.map.fitBounds(L.latLngBounds(points), Object.assign(options, { animate: false })));
      else mv.map.flyToBounds(L.latLngBounds(points), Object.assign(options, { duration: FLY_SECONDS * pace }));
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
    const key = mv.keys[id] && mv.keys[id].getElement();
    popup.on("remove", function () {
      // The focus goes back to the place it came from.
      if (key && box.contains(document.activeElement)) key.focus({ preventScroll: true });
      if (mv.popup === popup) { mv.popup = null; send("placeClosed", id); }
    });
    box.addEventListener("keydown", function (e) {
      if (e.key === "Escape") { e.preventDefault(); closePopup(); }
    });
    mv.popup = popup;
    popup.openOn(mv.map);
    announce(place.name + ": " + (events.length === 1 ? "1 event" : events.length + " events") + ".");
    if (mv.keyboardPlace === id) focusPopup(box);
    mv.keyboardPlace = null;
  }

  // Into a place's popup: its first event, or the popup itself when the place has none.
  function focusPopup(box) {
    box.tabIndex = -1;
    (box.querySelector("button") || box).focus({ preventScroll: true });
  }

  function clearSelection() {
    selectEvent(null);
  }

  // ---- labels ----------------------------------------------------------------
  // The page places every label itself. After each change of view, size, selection, date
  // or index, placeLabels() runs once, in the next frame, and counts as busy until it has
  // run (so "settled" means placed). It takes the labels by priority: the highlighted
  // places, then the index's other places, then the states of the date. Each label gets
  // the first of its candidate positions that lies wholly inside the map and clear of the
  // map's controls, of every place dot, of the leader lines and of every label placed
  // before it; a label that fits nowhere is hidden. Places whose dots nearly touch (Genoa
  // and Rapallo, Paris and Versailles) get their labels set off, with a leader line back
  // to the dot. A state's name goes inside the state, only where it fits.

  const LABEL_GAP = 2;  // px kept clear between a label and anything else
  const STATE_NAME_GAP = 8;  // and between a state's name and the places, so neither reads as the other's
  const LABEL_MARGIN = 3;  // px kept clear inside the map's edge
  const NEAR_DOTS_PX = 8;  // dots whose rims are nearer than this read as one: their labels are set off
  const LEADER_REACH = [16, 30, 46];  // px beyond the dot's edge where a set-off label may stand
  // Around a dot: east, west, north, south, then the diagonals (container y grows downwards).
  const COMPASS = [[1, 0], [-1, 0], [0, -1], [0, 1], [1, -1], [1, 1], [-1, -1], [-1, 1]];
  const STATE_RASTER = 64;  // cells along the longer side of a state's shape
  const STATE_CHOICES = 10;  // positions tried for each form of a state's name, best first

  // A state's name is the short form of its period name (see docs/map-labels.md): a few
  // official styles have their usual short form, then a trailing qualifier in brackets
  // goes (the full name stays in the hover tooltip), then a leading "Kingdom of",
  // "Republic of" and the like.
  const SHORT_STATE_NAMES = {
    "Kingdom of the Serbs, Croats and Slovenes": "Kingdom SCS",
    "United Kingdom of Great Britain and Ireland": "United Kingdom",
    "Union of Soviet Socialist Republics": "USSR",
    "Swiss Confederation": "Switzerland",
    "French Republic": "France",
    "Portuguese Republic": "Portugal",
    "Czechoslovak Republic": "Czechoslovakia",
    "Azerbaijan Democratic Republic": "Azerbaijan",
    "Democratic Republic of Georgia": "Georgia",
    "Khorezm People's Soviet Republic": "Khorezm",
    "Italian Regency of Carnaro": "Carnaro",
    "Armed Forces of South Russia (Denikin)": "South Russia (Denikin)",
    "Crimea (Wrangel's Russian Army)": "Crimea (Wrangel)",
  };
  const STATE_NAME_PREFIXES = ["Kingdom of the ", "Kingdom of ", "Republic of ", "Principality of ",
    "Grand Duchy of ", "Free City of ", "Free State of ", "Khanate of "];
  // Names longer than this are set on two lines, at the space nearest their middle.
  const STATE_NAME_ONE_LINE = 14;

  const labels = {
    pane: null, nodes: new Map(), shapes: new Map(), wanted: new Set(), choices: null, choicesKey: "", dateStates: null,
    sizes: new Map(), shown: new Set(), weights: {},
    ms: 0,  // how long the last placement took
  };

  function shortStateName(name) {
    const whole = String(name || "").trim();
    if (Object.prototype.hasOwnProperty.call(SHORT_STATE_NAMES, whole)) return SHORT_STATE_NAMES[whole];
    const bare = whole.replace(/\s*\([^)]*\)\s*$/, "");
    if (Object.prototype.hasOwnProperty.call(SHORT_STATE_NAMES, bare)) return SHORT_STATE_NAMES[bare];
    for (const prefix of STATE_NAME_PREFIXES) {
      if (bare.startsWith(prefix) && bare.length > prefix.length) return bare.slice(prefix.length);
    }
    return bare || whole;
  }

  function twoLines(text) {
    let best = -1;
    for (let i = text.indexOf(" "); i >= 0; i = text.indexOf(" ", i + 1)) {
      if (best < 0 || Math.abs(i - text.length / 2) < Math.abs(best - text.length / 2)) best = i;
    }
    return text.slice(0, best) + "\n" + text.slice(best + 1);
  }

  // The forms a state's name is tried in, until one fits: as it comes, on two lines, then the
  // same in smaller type (small states get small type, as in a printed atlas).
  function nameForms(text) {
    const lines = text.indexOf(" ") < 0 ? [text]
      : text.length > STATE_NAME_ONE_LINE ? [twoLines(text)] : [text, twoLines(text)];
    return [false, true].flatMap((small) => lines.map((form) => ({ form, small })));
  }

  // ``afterNextFrame``: a selection's highlight is drawn in the next frame without waiting for
  // the labels to be placed (a few milliseconds); they are placed in the frame after.
  function scheduleLabels(afterNextFrame) {
    if (busy.labels || !mv.map) return;
    busy.labels = true;
    const place = function () {
      const started = performance.now();
      try {
        placeLabels();
      } finally {
        labels.ms = performance.now() - started;
        busy.labels = false;
        maybeSettled();
      }
    };
    requestAnimationFrame(afterNextFrame ? () => requestAnimationFrame(place) : place);
  }

  // -- geometry in container pixels: boxes are [left, top, right, bottom]

  function boxesMeet(a, b, gap) {
    return a[0] < b[2] + gap && b[0] < a[2] + gap && a[1] < b[3] + gap && b[1] < a[3] + gap;
  }

  function boxMeetsDot(box, dot, gap) {
    const dx = Math.max(box[0] - dot.x, 0, dot.x - box[2]);
    const dy = Math.max(box[1] - dot.y, 0, dot.y - box[3]);
    return dx * dx + dy * dy < (dot.r + gap) * (dot.r + gap);
  }

  // Whether the segment [x0, y0, x1, y1] passes through the box (clipping its parameter range).
  function segmentMeetsBox(s, box) {
    let t0 = 0, t1 = 1;
    const dx = s[2] - s[0], dy = s[3] - s[1];
    const sides = [[-dx, s[0] - box[0]], [dx, box[2] - s[0]], [-dy, s[1] - box[1]], [dy, box[3] - s[1]]];
    for (const [p, q] of sides) {
      if (p === 0) {
        if (q < 0) return false;
      } else if (p < 0) {
        t0 = Math.max(t0, q / p);
      } else {
        t1 = Math.min(t1, q / p);
      }
      if (t0 > t1) return false;
    }
    return true;
  }

  function rectIn(node, frame) {
    const r = node.getBoundingClientRect();
    return [r.left - frame.left, r.top - frame.top, r.right - frame.left, r.bottom - frame.top];
  }

  // What is already on the map: placed labels, their leader lines, the dots and the controls.
  function makeRoom(width, height, controls, dots) {
    const placed = [], leaders = [];
    const nearDots = (box) => dotsNear(dots, box);
    return {
      placed,
      // `cluster`: the ids of the label's own dot and its near neighbours, which its leader may cross.
      fits(box, leader, cluster, withDots, gap = LABEL_GAP) {
        if (box[0] < LABEL_MARGIN || box[1] < LABEL_MARGIN || box[2] > width - LABEL_MARGIN ||
            box[3] > height - LABEL_MARGIN) return false;
        for (const c of controls) if (boxesMeet(box, c, LABEL_GAP)) return false;
        for (const p of placed) if (boxesMeet(box, p.box, gap)) return false;
        for (const s of leaders) if (segmentMeetsBox(s, box)) return false;
        if (leader) for (const p of placed) if (segmentMeetsBox(leader, p.box)) return false;
        if (withDots) for (const d of nearDots(box)) if (boxMeetsDot(box, d, gap)) return false;
        if (leader && withDots) {
          const span = [Math.min(leader[0], leader[2]), Math.min(leader[1], leader[3]),
            Math.max(leader[0], leader[2]), Math.max(leader[1], leader[3])];
          for (const d of nearDots(span)) {
            if (!cluster.has(d.id) && segmentMeetsBox(leader, [d.x - d.r, d.y - d.r, d.x + d.r, d.y + d.r])) return false;
          }
        }
        return true;
      },
      take(box, leader) {
        placed.push({ box });
        if (leader) leaders.push(leader);
      },
    };
  }

  // -- places

  function placeItems(onlyHighlighted) {
    const ids = highlightedIds();
    const ev = mv.selectedEvent && mv.events[mv.selectedEvent];
    const rank = new Map();
    if (mv.selectedPlace) rank.set(mv.selectedPlace, -1);
    for (const [i, id] of (ev ? ev.places : []).entries()) if (!rank.has(id)) rank.set(id, i);
    if (labels.weights.events !== mv.events) {
      const counts = {};
      for (const e of Object.values(mv.events)) for (const id of e.places) counts[id] = (counts[id] || 0) + 1;
      labels.weights = { events: mv.events, counts };
    }
    const weight = labels.weights.counts;
    const items = [];
    // A book's places keep their labels only while highlighted (see setIndex).
    for (const id of mv.manyPlaces || onlyHighlighted ? ids : Object.keys(mv.markers)) {
      const marker = mv.markers[id], tip = marker && marker.getTooltip();
      const node = tip && marker.isTooltipOpen() ? tip.getElement() : null;
      if (!node) continue;
      const r = node.getBoundingClientRect();
      items.push({
        id, marker, tip, node, on: ids.has(id), rank: rank.has(id) ? rank.get(id) : Infinity,
        weight: weight[id] || 0, w: Math.ceil(r.width), h: Math.ceil(r.height),
        ow: node.offsetWidth, oh: node.offsetHeight,
      });
    }
    // Highlighted first, in the event's order; then the places with most events.
    items.sort((a, b) => (b.on - a.on) || (a.rank - b.rank) || (b.weight - a.weight) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return items;
  }

  // The place dots on the map, filed in a coarse grid (a book can put a thousand of them on
  // it). Where they are depends only on the view, so a new selection only reads their sizes.
  const DOT_BUCKET = 48;
  const DOT_REACH = HIGHLIGHT_RADIUS + 2 + STATE_NAME_GAP;  // the farthest a dot can matter

  function dotsOnMap(view) {
    const key = [view.scale, view.tx, view.ty, view.width, view.height].join(",");
    if (!labels.dots || labels.dots.key !== key || labels.dots.markers !== mv.markers) {
      labels.dots = { key, markers: mv.markers, ...fileDots(Object.keys(mv.markers), view) };
    }
    for (const dot of labels.dots.list) dot.r = dotRadius(dot.id);
    return labels.dots;
  }

  // A dot's reach on the map: the lit copy's, while it is highlighted.
  function dotRadius(id) {
    const o = (lit.dots.get(id) || mv.markers[id]).options;
    return (o.radius || 0) + (o.weight || 0) / 2;
  }

  function fileDots(ids, view) {
    const list = [], buckets = new Map();
    for (const id of ids) {
      const marker = mv.markers[id], pt = mv.map.latLngToContainerPoint(marker.getLatLng());
      if (pt.x < -DOT_REACH || pt.y < -DOT_REACH || pt.x > view.width + DOT_REACH || pt.y > view.height + DOT_REACH) continue;
      const dot = { id, marker, x: pt.x, y: pt.y, r: dotRadius(id) };
      list.push(dot);
      forBuckets([pt.x, pt.y, pt.x, pt.y], DOT_REACH, function (bucket) {
        if (!buckets.has(bucket)) buckets.set(bucket, []);
        buckets.get(bucket).push(dot);
      });
    }
    return { list, buckets };
  }

  function forBuckets(box, grow, visit) {
    const x0 = Math.floor((box[0] - grow) / DOT_BUCKET), x1 = Math.floor((box[2] + grow) / DOT_BUCKET);
    const y0 = Math.floor((box[1] - grow) / DOT_BUCKET), y1 = Math.floor((box[3] + grow) / DOT_BUCKET);
    for (let bx = x0; bx <= x1; bx++) for (let by = y0; by <= y1; by++) visit(bx * 65536 + by);
  }

  function dotsNear(dots, box) {
    const found = new Set();
    forBuckets(box, 0, function (bucket) { for (const d of dots.buckets.get(bucket) || []) found.add(d); });
    return found;
  }

  // The box of a w×h label whose nearest corner or side is `reach` px from the dot's centre.
  function boxAround(x, y, reach, dir, w, h) {
    const k = dir[0] && dir[1] ? reach * Math.SQRT1_2 : reach;
    const left = Math.round(dir[0] > 0 ? x + k : dir[0] < 0 ? x - k - w : x - w / 2);
    const top = Math.round(dir[1] > 0 ? y + k : dir[1] < 0 ? y - k - h : y - h / 2);
    return [left, top, left + w, top + h];
  }

  // From the dot's rim to the nearest point of its label.
  function leaderTo(dot, box) {
    const tx = Math.min(Math.max(dot.x, box[0]), box[2]), ty = Math.min(Math.max(dot.y, box[1]), box[3]);
    const length = Math.hypot(tx - dot.x, ty - dot.y) || 1;
    const start = (dot.r + 1) / length;
    return [dot.x + (tx - dot.x) * start, dot.y + (ty - dot.y) * start, tx, ty];
  }

  function placeCandidates(item, dot, dots) {
    const near = dots.filter((d) => d.id !== item.id && Math.hypot(d.x - dot.x, d.y - dot.y) < d.r + dot.r + NEAR_DOTS_PX);
    let compass = COMPASS;
    if (near.length) {
      // Set off away from the neighbours, so that each label stands on its own dot's side.
      let ax = 0, ay = 0;
      for (const d of near) { ax += dot.x - d.x; ay += dot.y - d.y; }
      const away = (dir) => (dir[0] * ax + dir[1] * ay) / Math.hypot(dir[0], dir[1]);
      compass = COMPASS.slice().sort((a, b) => away(b) - away(a));
    }
    const reaches = (near.length ? [] : [dot.r + LABEL_GAP + 1]).concat(LEADER_REACH.map((r) => dot.r + r));
    const cluster = new Set([item.id, ...near.map((d) => d.id)]);
    const out = [];
    for (const reach of reaches) {
      const setOff = reach > dot.r + LABEL_GAP + 1;
      for (const dir of compass) {
        const box = boxAround(dot.x, dot.y, reach, dir, item.w, item.h);
        out.push({ box, leader: setOff ? leaderTo(dot, box) : null, cluster });
      }
    }
    return out;
  }

  function showPlaceLabel(item, box, leader) {
    // Leaflet puts a "center" tooltip at its anchor, less half its size, plus the offset;
    // this offset makes Leaflet's own updates (zoom animations) keep the chosen spot.
    const anchor = mv.map.latLngToLayerPoint(item.marker.getLatLng());
    const topLeft = mv.map.containerPointToLayerPoint([box[0], box[1]]);
    item.tip.options.direction = "center";
    item.tip.options.offset = [topLeft.x - anchor.x + Math.round(item.ow / 2), topLeft.y - anchor.y + Math.round(item.oh / 2)];
    L.DomUtil.setPosition(item.node, topLeft);
    item.node.classList.remove("label-hidden");
    if (!leader) {
      dropLeader(item.node, item.tip);
      return;
    }
    const content = item.tip.getContent();
    const line = content.querySelector(".label-leader") || content.appendChild(el("span", "label-leader"));
    // The line lives inside the label, so it moves with it through pans and zooms.
    const [sx, sy, tx, ty] = leader;
    line.style.left = (tx - box[0]) + "px";
    line.style.top = (ty - box[1]) + "px";
    line.style.width = Math.hypot(sx - tx, sy - ty) + "px";
    line.style.transform = "rotate(" + Math.atan2(sy - ty, sx - tx) + "rad)";
    item.node.dataset.leader = leader.map((v) => v.toFixed(1)).join(",");
  }

  function hidePlaceLabel(item) {
    item.node.classList.add("label-hidden");
    dropLeader(item.node, item.tip);
  }

  function dropLeader(node, tip) {
    const line = tip.getContent().querySelector(".label-leader");
    if (line) line.remove();
    delete node.dataset.leader;
  }

  // A tooltip that only opens on hover goes back to Leaflet's plain placement.
  function releaseLabel(tip) {
    if (!tip) return;
    tip.options.direction = "right";
    tip.options.offset = [6, 0];
    const node = tip.getElement();
    if (node) {
      node.classList.remove("label-hidden");
      dropLeader(node, tip);
    }
  }

  // -- states

  function statesOfDate() {
    if (labels.dateStates && labels.dateStates.date === mv.date) return labels.dateStates.list;
    const groups = new Map();
    for (const layer of mv.borderLayers) {
      if (!validOn(layer, mv.date)) continue;
      const p = layer.feature.properties || {};
      if (!p.state) continue;
      if (!groups.has(p.state)) groups.set(p.state, []);
      groups.get(p.state).push(layer);
    }
    const list = [];
    for (const [state, layers] of groups) {
      // The state is named after its largest sovereign part, else its largest part.
      let best = null, bestSovereign = false;
      for (const layer of layers) {
        const part = largestPolygon(layer);
        if (!part) continue;
        const sovereign = layer.feature.properties.status === "sovereign";
        if (!best || (sovereign && !bestSovereign) || (sovereign === bestSovereign && part.area > best.area)) {
          best = { layer, area: part.area };
          bestSovereign = sovereign;
        }
      }
      if (!best) continue;
      const p = best.layer.feature.properties;
      list.push({ state, text: shortStateName(p.name), rim: p.status === "plain-land", layer: best.layer, area: best.area });
    }
    // Bigger states first: they are read first, and small ones fit where big ones would not.
    list.sort((a, b) => (a.rim - b.rim) || (b.area - a.area) || (a.state < b.state ? -1 : 1));
    labels.dateStates = { date: mv.date, list };
    return list;
  }

  // A state's largest polygon in the map's zoom-0 pixels, rasterised on a coarse grid: each
  // cell holds its distance to the outside (a chamfer distance transform), and a summed
  // table counts the cells near the edge, so "does this box fit inside" is four look-ups.
  function stateShape(layer) {
    const key = shapeKey(layer);
    if (!labels.shapes.has(key)) labels.shapes.set(key, buildShape((largestPolygon(layer) || {}).polygon));
    return labels.shapes.get(key);
  }

  function shapeKey(layer) {
    return layer.feature.properties.id || L.stamp(layer);
  }

  // A placement does not stop to build the shapes it lacks: that would hold back the frame
  // (the first one with the borders waited 90 ms for the states in view). It names the states
  // it has shapes for; the others' shapes are built in the page's idle moments, a slice at a
  // time (a click meanwhile is answered at once), and the names placed again. The map is not
  // settled until they are.
  function builtShape(layer) {
    const key = shapeKey(layer);
    if (labels.shapes.has(key)) return labels.shapes.get(key);
    if (typeof requestIdleCallback !== "function") return stateShape(layer);
    labels.wanted.add(layer);
    if (!busy.shapes) {
      busy.shapes = true;
      requestIdleCallback(buildWanted);
    }
    return undefined;
  }

  function buildWanted(deadline) {
    const until = performance.now() + SHAPE_SLICE_MS;
    for (const layer of labels.wanted) {
      stateShape(layer);  // at least one a slice, however short the idle moment
      labels.wanted.delete(layer);
      if (deadline.timeRemaining() <= 2 || performance.now() >= until) break;
    }
    if (labels.wanted.size) {
      requestIdleCallback(buildWanted);
      return;
    }
    busy.shapes = false;
    scheduleLabels();
  }

  // The shapes are built ahead, a few at a time in the page's idle moments once the borders
  // are in, so that the first placement at a new date or view does not wait for them. A slice
  // takes at most SHAPE_SLICE_MS, not all of an idle period (up to 50 ms): a click that comes
  // meanwhile waits for the slice to end.
  const SHAPE_SLICE_MS = 4;

  function prepareShapes() {
    if (typeof requestIdleCallback !== "function") return;
    const pending = mv.borderLayers.slice();
    requestIdleCallback(function step(deadline) {
      const until = performance.now() + SHAPE_SLICE_MS;
      while (pending.length && deadline.timeRemaining() > 2 && performance.now() < until) {
        const layer = pending.shift();
        stateShape(layer);
        mercatorOf(layer);
      }
      if (pending.length) requestIdleCallback(step);
    });
  }

  // ---- projecting ----------------------------------------------------------
  // Leaflet projects every vertex from latitude and longitude whenever a shape is added or the
  // zoom changes (a sine and a logarithm each). The borders and the water keep each vertex's
  // spherical-Mercator position, worked out once, so a new date's states or a new zoom cost a
  // multiply and an add per vertex. The result is Leaflet's own, to the pixel.
  function mercatorOf(layer) {
    if (!layer._mercator) {
      const projection = mv.map.options.crs.projection, rings = [];
      const walk = function (latlngs) {
        if (latlngs[0] instanceof L.LatLng) {
          const ring = new Float64Array(latlngs.length * 2);
          for (let i = 0; i < latlngs.length; i++) {
            const p = projection.project(latlngs[i]);
            ring[2 * i] = p.x;
            ring[2 * i + 1] = p.y;
          }
          rings.push(ring);
        } else {
          for (const inner of latlngs) walk(inner);
        }
      };
      walk(layer._latlngs);
      layer._mercator = rings;
    }
    return layer._mercator;
  }

  function projectFromMercator() {
    const map = this._map, crs = map.options.crs, t = crs.transformation;
    const scale = crs.scale(map.getZoom()), origin = map.getPixelOrigin();
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    this._rings = [];
    for (const m of mercatorOf(this)) {
      const ring = new Array(m.length / 2);
      for (let i = 0; i < ring.length; i++) {
        const x = Math.round(scale * (t._a * m[2 * i] + t._b)) - origin.x;
        const y = Math.round(scale * (t._c * m[2 * i + 1] + t._d)) - origin.y;
        ring[i] = new L.Point(x, y);
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
      this._rings.push(ring);
    }
    if (this._bounds.isValid() && minX <= maxX) {
      this._rawPxBounds = L.bounds([minX, minY], [maxX, maxY]);
      this._updateBounds();
    }
  }

  function projectedOnce(layer) {
    if (layer instanceof L.Polyline) layer._project = projectFromMercator;
  }

  // A feature's largest polygon and its area (square degrees, scaled by latitude: enough to compare).
  function largestPolygon(layer) {
    if (layer._mvLargest !== undefined) return layer._mvLargest;
    const geometry = layer.feature.geometry;
    const polygons = !geometry ? [] : geometry.type === "Polygon" ? [geometry.coordinates]
      : geometry.type === "MultiPolygon" ? geometry.coordinates : [];
    let largest = null;
    for (const polygon of polygons) {
      const ring = polygon[0];
      if (!ring || ring.length < 4) continue;
      let twice = 0, lat = 0;
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        twice += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
        lat += ring[i][1];
      }
      const area = Math.abs(twice / 2) * Math.cos((lat / ring.length) * Math.PI / 180);
      if (!largest || area > largest.area) largest = { polygon, area };
    }
    layer._mvLargest = largest;
    return largest;
  }

  // The map's zoom-0 pixels of [lon, lat]: spherical Mercator, as Leaflet's EPSG:3857 draws
  // (written out, as the library's per-point objects cost a third of the shape's time).
  function projector() {
    const crs = mv.map.options.crs;
    if (crs !== L.CRS.EPSG3857) {
      return function (lon, lat) { return crs.latLngToPoint(L.latLng(lat, lon), 0); };
    }
    const limit = L.Projection.SphericalMercator.MAX_LATITUDE, scale = crs.scale(0);
    return function (lon, lat) {
      const sin = Math.sin((Math.max(Math.min(limit, lat), -limit) * Math.PI) / 180);
      return { x: scale * (lon / 360 + 0.5), y: scale * (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) };
    };
  }

  function buildShape(polygon) {
    if (!polygon) return null;
    const project = projector();
    // Points nearer each other than half a cell change no cell: only the others are projected.
    let west = Infinity, east = -Infinity, south = Infinity, north = -Infinity;
    for (const [lon, lat] of polygon[0]) {
      west = Math.min(west, lon); east = Math.max(east, lon); south = Math.min(south, lat); north = Math.max(north, lat);
    }
    const tolerance = Math.max(east - west, north - south) / STATE_RASTER / 2;
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    const rings = polygon.map(function (ring) {
      const flat = [];
      let lastLon = Infinity, lastLat = Infinity;
      for (let i = 0; i < ring.length; i++) {
        const [lon, lat] = ring[i];
        if (i < ring.length - 1 && Math.abs(lon - lastLon) < tolerance && Math.abs(lat - lastLat) < tolerance) continue;
        const pt = project(lon, lat);
        flat.push(pt.x, pt.y);
        lastLon = lon;
        lastLat = lat;
      }
      return flat;
    });
    const outer = rings[0];
    for (let i = 0; i < outer.length; i += 2) {
      minX = Math.min(minX, outer[i]); maxX = Math.max(maxX, outer[i]);
      minY = Math.min(minY, outer[i + 1]); maxY = Math.max(maxY, outer[i + 1]);
    }
    const cell = Math.max(maxX - minX, maxY - minY) / STATE_RASTER || 1e-9;
    // A cell of outside all round, so the edge of the grid is always outside.
    const cols = Math.ceil((maxX - minX) / cell) + 2, rows = Math.ceil((maxY - minY) / cell) + 2;
    const shape = { ox: minX - cell, oy: minY - cell, cell, cols, rows };
    const inside = fillCells(rings, shape);
    shape.dist = distanceToOutside(inside, cols, rows);
    shape.deepest = 0;
    for (let i = 0; i < shape.dist.length; i++) shape.deepest = Math.max(shape.deepest, shape.dist[i]);
    // Cells nearer the outside than this may be cut by the border between cell centres.
    shape.edge = new Int32Array((cols + 1) * (rows + 1));
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        shape.edge[(r + 1) * (cols + 1) + c + 1] = (shape.dist[r * cols + c] < 1.5 ? 1 : 0) +
          shape.edge[r * (cols + 1) + c + 1] + shape.edge[(r + 1) * (cols + 1) + c] - shape.edge[r * (cols + 1) + c];
      }
    }
    return shape;
  }

  // Which cell centres lie inside the polygon (even-odd, so holes stay out), row by row.
  function fillCells(rings, shape) {
    const { ox, oy, cell, cols, rows } = shape;
    const crossings = Array.from({ length: rows }, () => []);
    for (const flat of rings) {
      const n = flat.length / 2;
      for (let i = 0, j = n - 1; i < n; j = i++) {
        const x1 = flat[2 * j], y1 = flat[2 * j + 1], x2 = flat[2 * i], y2 = flat[2 * i + 1];
        if (y1 === y2) continue;
        const lo = Math.min(y1, y2), hi = Math.max(y1, y2);
        for (let r = Math.max(0, Math.ceil((lo - oy) / cell - 0.5)); r < rows; r++) {
          const y = oy + (r + 0.5) * cell;
          if (y >= hi) break;
          if (y >= lo) crossings[r].push(x1 + ((y - y1) * (x2 - x1)) / (y2 - y1));
        }
      }
    }
    const inside = new Uint8Array(cols * rows);
    for (let r = 0; r < rows; r++) {
      const xs = crossings[r].sort((a, b) => a - b);
      for (let k = 0; k + 1 < xs.length; k += 2) {
        const first = Math.max(0, Math.ceil((xs[k] - ox) / cell - 0.5));
        const last = Math.min(cols - 1, Math.floor((xs[k + 1] - ox) / cell - 0.5));
        for (let c = first; c <= last; c++) inside[r * cols + c] = 1;
      }
    }
    return inside;
  }

  // Each cell's distance, in cells, to the nearest outside cell: two passes of a 3×3 chamfer.
  function distanceToOutside(inside, cols, rows) {
    const d = new Float32Array(cols * rows);
    for (let i = 0; i < d.length; i++) d[i] = inside[i] ? 1e9 : 0;
    const diagonal = Math.SQRT2;
    for (let r = 1; r < rows - 1; r++) {
      for (let c = 1; c < cols - 1; c++) {
        const i = r * cols + c;
        if (d[i]) d[i] = Math.min(d[i], d[i - 1] + 1, d[i - cols] + 1, d[i - cols - 1] + diagonal, d[i - cols + 1] + diagonal);
      }
    }
    for (let r = rows - 2; r > 0; r--) {
      for (let c = cols - 2; c > 0; c--) {
        const i = r * cols + c;
        if (d[i]) d[i] = Math.min(d[i], d[i + 1] + 1, d[i + cols] + 1, d[i + cols + 1] + diagonal, d[i + cols - 1] + diagonal);
      }
    }
    return d;
  }

  // Where a w×h name fits inside its state and the map: the few best centres, deepest
  // inside the state first, kept apart so that a second choice is not the first moved a pixel.
  function stateChoices(shape, w, h, view) {
    const { ox, oy, cell, cols, rows, dist, edge } = shape;
    const px = cell * view.scale;
    const deepEnough = h / 2 / px;
    if (w > (cols - 2) * px || h > (rows - 2) * px || shape.deepest < deepEnough) return [];
    const toCol = (x) => ((x - view.tx) / view.scale - ox) / cell;
    const toRow = (y) => ((y - view.ty) / view.scale - oy) / cell;
    const room = LABEL_MARGIN + LABEL_GAP;
    const c0 = Math.max(1, Math.ceil(toCol(room + w / 2) - 0.5));
    const c1 = Math.min(cols - 2, Math.floor(toCol(view.width - room - w / 2) - 0.5));
    const r0 = Math.max(1, Math.ceil(toRow(room + h / 2) - 0.5));
    const r1 = Math.min(rows - 2, Math.floor(toRow(view.height - room - h / 2) - 0.5));
    const apart = Math.max(2 * h, w / 2);
    // Centres a few pixels apart are enough: no need to try every cell of a large state.
    const step = Math.max(1, Math.floor(h / 3 / px));
    const best = [];
    for (let r = r0; r <= r1; r += step) {
      for (let c = c0; c <= c1; c += step) {
        const depth = dist[r * cols + c];
        if (depth < deepEnough) continue;
        const x = (ox + (c + 0.5) * cell) * view.scale + view.tx;
        const y = (oy + (r + 0.5) * cell) * view.scale + view.ty;
        const a = Math.floor(toCol(x - w / 2)), b = Math.floor(toCol(x + w / 2));
        const top = Math.floor(toRow(y - h / 2)), bottom = Math.floor(toRow(y + h / 2));
        if (a < 0 || top < 0 || b >= cols || bottom >= rows) continue;
        const nearEdge = edge[(bottom + 1) * (cols + 1) + b + 1] - edge[top * (cols + 1) + b + 1] -
          edge[(bottom + 1) * (cols + 1) + a] + edge[top * (cols + 1) + a];
        if (nearEdge) continue;
        keepBest(best, { depth, x, y }, apart);
      }
    }
    return best;
  }

  function keepBest(best, choice, apart) {
    for (let i = 0; i < best.length; i++) {
      if (Math.abs(best[i].x - choice.x) < apart && Math.abs(best[i].y - choice.y) < apart) {
        if (best[i].depth >= choice.depth) return;
        best.splice(i, 1);
        break;
      }
    }
    let at = best.length;
    while (at > 0 && best[at - 1].depth < choice.depth) at--;
    if (at >= STATE_CHOICES) return;
    best.splice(at, 0, choice);
    if (best.length > STATE_CHOICES) best.pop();
  }

  // One node for each form of each state's name; all but the one placed stay hidden.
  function stateNode(entry, form, i) {
    const key = entry.state + "|" + i;
    let node = labels.nodes.get(key);
    if (!node) {
      node = el("div", "state-label label-hidden");
      labels.pane.appendChild(node);
      labels.nodes.set(key, node);
    }
    if (node.textContent !== form.form) node.textContent = form.form;
    node.classList.toggle("rim", entry.rim);
    node.classList.toggle("small", form.small);
    node.dataset.state = entry.state;
    return node;
  }

  // -- the placement

  function placeLabels() {
    const map = mv.map, container = map.getContainer();
    const width = container.clientWidth, height = container.clientHeight;
    // The names of states sit in a pane that does not follow a zoom: they wait for the map to stop.
    const still = !busy.moving && !map._animatingZoom;
    labels.pane.classList.toggle("moving", !still);
    // Only the states the map shows part of are named (and measured, and shaped).
    const seen = map.getBounds();
    const states = mv.bordersLoaded && still ? statesOfDate().filter((e) => seen.intersects(e.layer.getBounds())) : [];
    const presenting = document.body.classList.contains("presenting");
    const unmeasured = [];
    for (const entry of states) {
      entry.forms = nameForms(entry.text).map(function (form, i) {
        const node = stateNode(entry, form, i), sizeKey = form.form + "|" + form.small + "|" + presenting;
        if (!labels.sizes.has(sizeKey)) { node.classList.add("measuring"); unmeasured.push([node, sizeKey]); }
        return { ...form, node, sizeKey };
      });
    }

    // Every size is read here, in one layout, before anything moves. A form of a state's
    // name is measured once; hidden, it takes no part in the page's layout.
    const frame = container.getBoundingClientRect();
    const controls = Array.from(container.querySelectorAll(".leaflet-control")).map((n) => rectIn(n, frame));
    const items = placeItems(!still);
    for (const [node, sizeKey] of unmeasured) {
      const r = node.getBoundingClientRect();
      labels.sizes.set(sizeKey, [Math.ceil(r.width), Math.ceil(r.height)]);
    }
    for (const [node] of unmeasured) node.classList.remove("measuring");
    for (const entry of states) for (const form of entry.forms) [form.w, form.h] = labels.sizes.get(form.sizeKey);

    const view = viewTransform(width, height);
    // While the map flies, only the highlighted labels are placed, among themselves (they
    // must stay readable); the others keep their spots until it stops and all are placed.
    const dots = still ? dotsOnMap(view) : fileDots(items.map((item) => item.id), view);
    const dotOf = Object.fromEntries(dots.list.map((d) => [d.id, d]));
    const room = makeRoom(width, height, controls, dots);
    const named = new Map();  // state id -> names its index places show, in lower case
    for (const item of items) {
      const dot = dotOf[item.id];
      let spot = null;
      // A place whose dot is off the map keeps no label on it.
      if (dot && dot.x >= 0 && dot.y >= 0 && dot.x <= width && dot.y <= height) {
        const around = 2 * (HIGHLIGHT_RADIUS + 2) + NEAR_DOTS_PX;
        const neighbours = [...dotsNear(dots, [dot.x - around, dot.y - around, dot.x + around, dot.y + around])];
        const candidates = placeCandidates(item, dot, neighbours);
        spot = candidates.find((c) => room.fits(c.box, c.leader, c.cluster, true));
        // A highlighted label may cover another place's dot rather than go missing.
        if (!spot && item.on) spot = candidates.find((c) => room.fits(c.box, c.leader, c.cluster, false));
      }
      if (!spot) { hidePlaceLabel(item); continue; }
      room.take(spot.box, spot.leader);
      showPlaceLabel(item, spot.box, spot.leader);
      const place = mv.places[item.id];
      if (place && (place.kind === "country" || place.kind === "region")) {
        for (const state of place.states || []) {
          if (!named.has(state)) named.set(state, new Set());
          named.get(state).add(place.name.toLowerCase());
        }
      }
    }

    // The choices depend only on the view and the date, so a new selection reuses them.
    const key = [view.scale, view.tx, view.ty, width, height, mv.date, presenting].join(",");
    if (labels.choicesKey !== key) { labels.choices = new Map(); labels.choicesKey = key; }
    const shown = new Set();
    for (const entry of states) {
      // An index place of the same name already labels this state.
      if (named.has(entry.state) && named.get(entry.state).has(entry.text.toLowerCase())) continue;
      for (const form of entry.forms) {
        const box = stateBox(entry, form, view, room);
        if (!box) continue;
        room.take(box, null);
        L.DomUtil.setPosition(form.node, map.containerPointToLayerPoint([box[0], box[1]]));
        shown.add(form.node);
        break;
      }
    }
    // Only the names that come or go are touched.
    for (const node of labels.shown) if (!shown.has(node)) node.classList.add("label-hidden");
    for (const node of shown) if (!labels.shown.has(node)) node.classList.remove("label-hidden");
    labels.shown = shown;
  }

  function stateBox(entry, form, view, room) {
    const key = entry.state + "|" + form.form + "|" + form.small + "|" + form.w + "x" + form.h;
    if (!labels.choices.has(key)) {
      const shape = builtShape(entry.layer);
      if (shape === undefined) return null;  // named once its shape is built
      labels.choices.set(key, shape ? stateChoices(shape, form.w, form.h, view) : []);
    }
    for (const choice of labels.choices.get(key)) {
      const left = Math.round(choice.x - form.w / 2), top = Math.round(choice.y - form.h / 2);
      const box = [left, top, left + form.w, top + form.h];
      if (room.fits(box, null, null, true, STATE_NAME_GAP)) return box;
    }
    return null;
  }

  // Container pixels from the map's zoom-0 pixels: x * scale + tx, y * scale + ty.
  function viewTransform(width, height) {
    const map = mv.map, crs = map.options.crs;
    const pane = map.layerPointToContainerPoint(L.point(0, 0)), origin = map.getPixelOrigin();
    const scale = crs.scale(map.getZoom()) / crs.scale(0);
    return { scale, tx: pane.x - origin.x, ty: pane.y - origin.y, width, height };
  }

  // The boxes of the labels on show, measured in the page, for tests and the benchmark.
  function labelBoxes() {
    const frame = mv.map.getContainer().getBoundingClientRect();
    const out = [];
    for (const id of Object.keys(mv.markers).sort()) {
      const marker = mv.markers[id], tip = marker.getTooltip();
      const node = tip && marker.isTooltipOpen() ? tip.getElement() : null;
      if (!node || node.classList.contains("label-hidden")) continue;
      const leader = node.dataset.leader ? node.dataset.leader.split(",").map(Number) : null;
      out.push({
        kind: "place", id, text: node.querySelector(".place-name").textContent,
        highlighted: node.classList.contains("highlighted"), box: rectIn(node, frame), leader,
      });
    }
    if (labels.pane && !labels.pane.classList.contains("moving")) {
      for (const node of labels.nodes.values()) {
        if (node.classList.contains("label-hidden")) continue;
        out.push({ kind: "state", id: node.dataset.state, text: node.textContent.replace("\n", " "),
          highlighted: false, box: rectIn(node, frame), leader: null });
      }
    }
    return out;
  }

  function initLabels(map) {
    labels.pane = map.createPane("stateLabels");
    // Any change of zoom leaves the names where they were: they hide until placed again.
    map.on("zoomstart zoom viewreset", function () { labels.pane.classList.add("moving"); });
    map.on("moveend zoomend resize", scheduleLabels);
  }

  // ---- what tests and the benchmark read back ------------------------------

  function state() {
    // What the lit canvas draws.
    const highlighted = [...lit.dots.keys()].filter((id) => mv.map.hasLayer(lit.dots.get(id)));
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
      lit: { states: lit.states.size, water: lit.water.size, under: lit.under.size, dots: lit.dots.size },
      date: mv.date,
      transitioning: fade !== null,
      bordersLoaded: mv.bordersLoaded,
      settled: idle(),
      dateLabel: mv.dateControl ? mv.dateControl.textContent : "",
      dateNotice: mv.dateNotice ? mv.dateNotice.textContent : "",
      borders: mv.borders.getLayers().map((l) => l.feature.properties.name).sort(),
      highlightedStates: [...new Set([...lit.states.keys()].filter((l) => mv.borders.hasLayer(l))
        .map((l) => l.feature.properties.state))].sort(),
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
      announcement: mv.announcer ? mv.announcer.textContent : null,
      focus: document.activeElement ? (document.activeElement.dataset.place ? "place:" + document.activeElement.dataset.place
        : document.activeElement.dataset.event ? "event:" + document.activeElement.dataset.event
          : document.activeElement.tagName.toLowerCase()) : null,
      popupEvents: popup ? Array.from(popup.querySelectorAll("button.event-link")).map((b) => b.dataset.event) : [],
      labelBoxes: labelBoxes(),
      labelMs: labels.ms,
      mapSize: [mv.map.getContainer().clientWidth, mv.map.getContainer().clientHeight],
      controlBoxes: Array.from(mv.map.getContainer().querySelectorAll(".leaflet-control"))
        .map((n) => rectIn(n, mv.map.getContainer().getBoundingClientRect())),
      stateNames: mv.bordersLoaded ? Object.fromEntries(statesOfDate().map((s) => [s.state, s.text])) : {},
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
    water.layer = L.geoJSON(data, { style: waterStyle, interactive: false, smoothFactor: 1.5 });
    water.layer.eachLayer(projectedOnce);
    water.layer.addTo(mv.map);
    water.labels = L.layerGroup();
    for (const f of data.features) {
      const p = f.properties || {};
      if (p.kind !== "river" || !Array.isArray(p.label)) continue;
      const icon = L.divIcon({ className: "river-label", html: el("span", "river-name", p.name), iconSize: null });
      water.labels.addLayer(L.marker([p.label[1], p.label[0]], { icon: icon, interactive: false, keyboard: false }));
    }
    layWaterOnBorders();
    lightOverLand();
    stackLit();
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
    // setMinZoom zooms in to the new minimum, but Leaflet drops a zoom asked for while a zoom
    // animation runs: the minimum is then kept once that animation ends.
    jump(function () {
      if (mv.map.getZoom() < mv.map.getMinZoom()) mv.map.setZoom(mv.map.getMinZoom(), { animate: false });
    });
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
    scheduleLabels();  // the labels' type grows even when the map keeps its size
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
      if (still) jump(() => mv.map.setView([view.lat, view.lon], view.zoom, { animate: false }));
      else mv.map.flyTo([view.lat, view.lon], view.zoom, { duration: FLY_SECONDS * pace });
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
    scheduleLabels();  // new sizes, new boxes: placed again
  }

  // Python asks for a "settled" report after commands that may not move the map at all.
  function reportSettled() {
    maybeSettled();
  }

  const COMMANDS = { setIndex, selectEvent, selectPlace, showDate, clearSelection, setPresentation, setView,
    setEditable, reportSettled, setTextScale, setStill, setPace };

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
        mv.dateControl = node.appendChild(el("div", "date-text"));
        mv.dateNotice = node.appendChild(el("div", "date-notice"));
        L.DomEvent.disableClickPropagation(node);
        return node;
      },
    });
    new DateControl({ position: "topright" }).addTo(mv.map);
  }

  function adoptBorders(offMap) {
    // Off the map while they are styled and sorted by date: only the features of the
    // map's date are ever projected and drawn, not every version of every state.
    const onMap = !!offMap || mv.map.hasLayer(mv.borders);
    if (onMap) mv.map.removeLayer(mv.borders);
    mv.borderLayers = mv.borders.getLayers();
    for (const layer of mv.borderLayers) {
      projectedOnce(layer);
      layer.setStyle(borderStyle(layer.feature));
      layer.bindTooltip(borderTooltip(layer.feature), { sticky: true, className: "border-tooltip" });
    }
    mv.bordersLoaded = true;
    labels.dateStates = null;
    prepareShapes();
    const date = mv.date;
    mv.date = null;
    mv.borders.clearLayers();
    showDate(date, true);
    if (onMap) {
      mv.borders.addTo(mv.map);
      mv.borders.bringToBack();  // under the places, which may already be drawn
      lightStates();  // the selection's states, now that they are drawn
      stackLit();
    }
    confirm("borders", String(mv.borderLayers.length));
    maybeSettled();
  }

  // The app's page fetches its borders after it is up, so the window is usable sooner;
  // the exported page carries them inline.
  function loadBorders(url) {
    fetch(url).then((r) => r.json()).then(addBorders)
      .catch(function (e) { console.error("mapviewer: the borders could not be loaded: " + e); });
  }

  function addBorders(data) {
    mv.map.removeLayer(mv.borders);  // adoptBorders puts it back with the features of the date only
    mv.borders.addData(data);
    adoptBorders(true);
  }

  function init(map, borders, options) {
    mv.map = map;
    mv.borders = borders;
    mv.date = options.date;
    map.on("resize", refitAfterResize);
    map.on("movestart", function () { busy.moving = true; keys.asleep = true; });
    map.on("moveend", function () { busy.moving = false; wakeKeys(); maybeSettled(); });
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution("Borders 1920\u201322: mapviewer, from Natural Earth");
    map.attributionControl.addAttribution("Lakes and rivers: GSHHG/WDB (LGPL)");
    addDateControl();
    mv.announcer = document.body.appendChild(el("div", "visually-hidden"));
    mv.announcer.setAttribute("role", "status");
    mv.announcer.setAttribute("aria-live", "polite");
    initLabels(map);
    initLit(map);
    showDateLabel();
    // Fetched at the first frame, once the window shows: not while the app is still building it
    // (the two would share the machine's cores).
    if (options.bordersUrl) requestAnimationFrame(() => loadBorders(options.bordersUrl));
    else if (options.borders) addBorders(options.borders);
    else adoptBorders();
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
    // A region of its own that takes the focus, so that the keys scroll it.
    box.tabIndex = 0;
    box.setAttribute("role", "region");
    box.setAttribute("aria-label", "The passage");
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
        input.setAttribute("aria-valuetext", formatDate(mv.date));  // read as a date, not a day number
        input.addEventListener("input", function () {
          showDate(isoOfDay(Number(input.value)));
          input.setAttribute("aria-valuetext", formatDate(mv.date));
        });
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
    events.setAttribute("aria-label", "Events");
    events.addEventListener("keydown", stepThroughEvents);
    panel.appendChild(events);
    const sentence = el("div", "standalone-sentence");
    panel.appendChild(sentence);
    panel.appendChild(passageView(data));
    document.body.appendChild(panel);
    document.body.classList.add("standalone");
    mv.map.invalidateSize();
    mv.standalone = { data: data, sentence: sentence, slider: addSlider(), panel: panel };
  }

  // Up and down arrows, Home and End move along the list of events (Tab reaches each as well).
  function stepThroughEvents(e) {
    const buttons = Array.from(e.currentTarget.querySelectorAll("button"));
    const at = buttons.indexOf(document.activeElement);
    const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: buttons.length - 1 }[e.key];
    if (at < 0 || to === undefined || !buttons[to]) return;
    e.preventDefault();
    buttons[to].focus();
  }

  function chooseStandalone(id) {
    const e = mv.events[id];
    if (!e) return;
    selectEvent(id);
    showDate(e.map_date);
    mv.standalone.slider.value = String(dayOfIso(e.map_date));
    mv.standalone.slider.setAttribute("aria-valuetext", formatDate(e.map_date));
    mv.standalone.sentence.textContent = e.sentence || "";
    for (const b of document.querySelectorAll(".standalone-events button")) {
      b.classList.toggle("chosen", b.dataset.event === id);
      if (b.dataset.event === id) b.setAttribute("aria-current", "true"); else b.removeAttribute("aria-current");
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
