(function () {
  'use strict';
  var B = null;             // page/base.js
  var views = {};           // page/views/KEY.js, by key
  var chunks = {};          // page/events/N.js, by number
  var waiting = {};         // callbacks of scripts being loaded, by tag
  var map = null, order = ['all'], current = null, openIndex = -1, started = false;
  var layers = { events: null, front: null, control: null, movements: null, highways: null, governorates: null, tiles: null };
  var markers = {};         // event number -> marker of the current view
  var on = { symbols: [], front: true, control: true, movements: true, highways: true, governorates: true, tiles: true };
  var LIST_LIMIT = 200;

  window.PlaceMap = {
    base: function (b) { B = b; start(); },
    view: function (key, v) { views[key] = v; done('view:' + key); },
    details: function (n, list) { chunks[n] = list; done('details:' + n); },
    show: function (key) { show(key); },
    openEvent: function (index) { focusEvent(index); }
  };

  // ---- small helpers ----
  function $(id) { return document.getElementById(id); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function clear(e) { while (e.firstChild) { e.removeChild(e.firstChild); } }
  function plural(n, word) { return n.toLocaleString('en') + ' ' + word + (n === 1 ? '' : 's'); }
  function message(text) { var m = $('message'); m.textContent = text; m.hidden = !text; }
  function isColour(c) { return /^#[0-9A-Fa-f]{6}$/.test(c); }
  function escapeHTML(s) { var d = document.createElement('div'); d.textContent = s; return d.innerHTML; }
  function dayText(key) {
    for (var i = 0; i < B.days.length; i++) { if (B.days[i].day === key) { return B.days[i].text; } }
    return key;
  }

  function load(tag, src, callback) {
    if (waiting[tag]) { waiting[tag].push(callback); return; }
    waiting[tag] = [callback];
    var s = document.createElement('script');
    s.src = src;
    s.onerror = function () {
      delete waiting[tag];
      message('Could not load ' + src + ': the page\'s folder is incomplete; run placemap map again.');
    };
    document.body.appendChild(s);
  }
  function done(tag) {
    var callbacks = waiting[tag] || [];
    delete waiting[tag];
    callbacks.forEach(function (cb) { cb(); });
  }
  function withView(key, callback) {
    if (views[key]) { callback(views[key]); return; }
    load('view:' + key, 'page/views/' + key + '.js', function () { callback(views[key]); });
  }
  function withDetails(index, callback) {
    var n = Math.floor(index / B.events_per_file);
    var take = function () { callback(chunks[n][index - n * B.events_per_file]); };
    if (chunks[n]) { take(); return; }
    var name = String(n);
    while (name.length < 6) { name = '0' + name; }
    load('details:' + n, 'page/events/' + name + '.js', take);
  }

  // ---- symbols (the legend's own shapes; checked before they become SVG) ----
  var symbolMarkup = [];
  function symbolSVG(i, faded, size) {
    var s = B.symbols[i], colour = isColour(s.colour) ? s.colour : '#999999';
    var opacity = faded ? ' fill-opacity="0.55"' : '';
    var shape;
    if (typeof s.d === 'string' && /^[MLHVZ0-9.,\- ]+$/.test(s.d)) {
      shape = '<path d="' + s.d + '" fill="' + colour + '"' + opacity + ' stroke="#fff" stroke-width="1.3"/>';
    } else {
      var r = Number(s.r) > 0 ? Number(s.r) : 6;
      shape = s.ring ? '<circle r="' + r + '" fill="#fff" stroke="' + colour + '" stroke-width="3.2"' + opacity + '/>'
                     : '<circle r="' + r + '" fill="' + colour + '"' + opacity + ' stroke="#fff" stroke-width="1.3"/>';
    }
    size = size || 22;
    return '<svg width="' + size + '" height="' + size + '" viewBox="-11 -11 22 22" aria-hidden="true">' + shape + '</svg>';
  }
  function symbolNode(i, faded, size) {
    var span = document.createElement('span');
    span.innerHTML = symbolSVG(i, faded, size);
    return span.firstChild;
  }
  var icons = {};
  function icon(symbol, precision) {
    var key = symbol + ':' + (precision === 3 ? 1 : 0);
    if (!icons[key]) {
      icons[key] = L.divIcon({ className: 'pm-event', html: symbolSVG(symbol, precision === 3), iconSize: [22, 22], iconAnchor: [11, 11], popupAnchor: [0, -8] });
    }
    return icons[key];
  }
  function lineSample(colour, dash, width) {
    var span = document.createElement('span');
    span.innerHTML = '<svg width="24" height="14" viewBox="0 0 24 14" aria-hidden="true"><path d="M1,7H23" stroke="' +
      (isColour(colour) ? colour : '#999999') + '" stroke-width="' + (width || 3) + '"' + (dash ? ' stroke-dasharray="' + dash + '"' : '') + '/></svg>';
    return span.firstChild;
  }
  function areaSample(colour, hatched) {
    var c = isColour(colour) ? colour : '#999999';
    var span = document.createElement('span');
    span.innerHTML = '<svg width="24" height="14" viewBox="0 0 24 14" aria-hidden="true"><rect x="1" y="1" width="22" height="12" fill="' + c +
      '" fill-opacity="' + (hatched ? '0.35' : '0.25') + '" stroke="' + c + '"' + (hatched ? ' stroke-dasharray="3 2"' : ' stroke-opacity="0"') +
      '/><circle cx="12" cy="7" r="3.5" fill="' + c + '" stroke="#fff"/></svg>';
    return span.firstChild;
  }

  // ---- start: the map, the base, the legend, the days ----
  function start() {
    if (started) { return; }
    started = true;
    on.symbols = B.symbols.map(function () { return true; });
    order = ['all'].concat(B.days.map(function (d) { return d.day; }));
    map = L.map('map', { zoomSnap: 0.5, minZoom: 4, maxZoom: 17 });
    map.attributionControl.setPrefix('');
    map.attributionControl.addAttribution(escapeHTML(B.credits + ' · Leaflet (BSD-2-Clause), from Debian'));
    [['pm-base', 250], ['pm-front', 380], ['pm-moves', 420]].forEach(function (p) { map.createPane(p[0]).style.zIndex = p[1]; });
    if (B.tiles && typeof B.tiles.url === 'string') {
      layers.tiles = L.tileLayer(B.tiles.url, { attribution: escapeHTML(B.tiles.attribution || ''), maxZoom: 19 }).addTo(map);
    }
    if (B.box) { map.fitBounds([[B.box[1], B.box[0]], [B.box[3], B.box[2]]], { padding: [24, 24] }); }
    else { map.setView([35.9, 36.7], 9); }
    drawBase();
    legend().addTo(map);
    L.control.scale({ imperial: false }).addTo(map);
    dayList();
    var slider = $('slider');
    slider.max = String(order.length - 1);
    slider.addEventListener('input', function () { show(order[Number(slider.value)]); });
    $('prev').addEventListener('click', function () { step(-1); });
    $('next').addEventListener('click', function () { step(1); });
    document.addEventListener('keydown', function (e) {
      var t = e.target && e.target.tagName;
      if (t === 'INPUT' || t === 'TEXTAREA' || t === 'SELECT') { return; }
      if (e.key === 'ArrowLeft') { step(-1); } else if (e.key === 'ArrowRight') { step(1); }
    });
    $('credits').textContent = B.credits;
    map.on('moveend', eventList);
    map.on('zoomend', zoomClass);
    zoomClass();
    window.addEventListener('hashchange', fromHash);
    fromHash();
  }

  function zoomClass() {
    var z = map.getZoom(), c = map.getContainer().classList;
    c.toggle('pm-z-low', z < 10);
    c.toggle('pm-z-mid', z >= 10 && z < 11.5);
    c.toggle('pm-z-high', z >= 11.5);
  }

  function drawBase() {
    var c = B.colours;
    function geo(kind) { return B.borders.filter(function (f) { return f.kind === kind; }).map(function (f) { return f.geometry; }); }
    L.geoJSON(geo('country_outline'), { pane: 'pm-base', interactive: false, style: { stroke: false, fillColor: c.land, fillOpacity: 1 } }).addTo(map);
    layers.governorates = L.layerGroup();
    L.geoJSON(geo('governorate'), { pane: 'pm-base', interactive: false, style: { color: c.governorate, weight: 1, dashArray: '5 3', fill: false } }).addTo(layers.governorates);
    B.borders.forEach(function (f) {
      if (f.kind !== 'governorate' || !f.label || !f.name) { return; }
      var label = el('div', null, String(f.name).replace(/ Governorate$/, ''));
      L.marker([f.label[1], f.label[0]], { pane: 'pm-base', interactive: false, keyboard: false,
        icon: L.divIcon({ className: 'pm-region-label', html: label, iconSize: [160, 16], iconAnchor: [80, 8] }) }).addTo(layers.governorates);
    });
    layers.governorates.addTo(map);
    L.geoJSON(geo('country_outline'), { pane: 'pm-base', interactive: false, style: { color: c.outline, weight: 1.2, fill: false } }).addTo(map);
    L.geoJSON(geo('border'), { pane: 'pm-base', interactive: false, style: { color: '#ffffff', weight: 5, fill: false } }).addTo(map);
    L.geoJSON(geo('border'), { pane: 'pm-base', interactive: false, style: { color: c.border, weight: 2, dashArray: '9 3 2 3', fill: false } }).addTo(map);
    layers.highways = L.layerGroup();
    B.highways.forEach(function (h) {
      L.geoJSON(h.geometry, { pane: 'pm-base', interactive: false, style: { color: c.highway_casing, weight: 6, opacity: 1 } }).addTo(layers.highways);
      L.geoJSON(h.geometry, { pane: 'pm-base', style: { color: c.highway, weight: 3.2, opacity: 1 } })
        .bindTooltip(el('span', null, (h.id || '') + (h.name ? ' — ' + h.name : ''))).addTo(layers.highways);
    });
    layers.highways.addTo(map);
    B.places.forEach(function (p, rank) {
      var cls = rank < 15 ? 'pm-rank1' : (rank < 60 ? 'pm-rank2' : 'pm-rank3');
      L.circleMarker([p[1], p[0]], { pane: 'pm-base', radius: 2.6, color: '#333333', weight: 0, fillColor: '#333333', fillOpacity: 1, interactive: false })
        .bindTooltip(el('span', null, p[2]), { permanent: true, direction: 'right', offset: [4, 0], className: 'pm-place-label ' + cls })
        .addTo(map);
    });
  }

  function legend() {
    var control = L.control({ position: 'topright' });
    control.onAdd = function () {
      var box = el('details', 'pm-legend');
      box.open = window.innerWidth > 900;
      box.appendChild(el('summary', null, 'Legend and layers'));
      function row(node, text, checked, change) {
        var label = el('label');
        var input = document.createElement('input');
        input.type = 'checkbox';
        input.checked = checked;
        input.addEventListener('change', function () { change(input.checked); });
        label.appendChild(input);
        label.appendChild(node);
        label.appendChild(el('span', null, text));
        box.appendChild(label);
        return input;
      }
      box.appendChild(el('h4', null, 'Events'));
      B.symbols.forEach(function (s, i) {
        if (!B.symbol_counts[i]) { return; }
        var input = row(symbolNode(i, false, 18), s.label + ' (' + B.symbol_counts[i].toLocaleString('en') + ')', true,
          function (v) { on.symbols[i] = v; redraw(); });
        input.setAttribute('data-symbol', s.key);
      });
      if (B.region_events > 0) {
        var faded = el('span', 'note', 'Faded symbol: only the region is known');
        box.appendChild(faded);
      }
      if (B.all_mode === 'grid' || B.days.some(function (d) { return d.count > B.point_limit; })) {
        var bins = el('span');
        bins.innerHTML = '<svg width="24" height="24" viewBox="0 0 24 24" aria-hidden="true"><circle cx="12" cy="12" r="10" fill="#004678" stroke="#fff" stroke-width="2"/></svg>';
        key(bins.firstChild, 'Number of events in a cell or a cluster');
      }
      function key(node, text) {
        var k = el('div', 'key');
        k.appendChild(node);
        k.appendChild(el('span', null, text));
        box.appendChild(k);
      }
      box.appendChild(el('h4', null, 'Front line and control (a model)'));
      row(lineSample(B.colours.front, null, 3), 'Front line', true, function (v) { on.front = v; setLayer('front', v); });
      row(el('span'), 'Control of settlements', true, function (v) { on.control = v; setLayer('control', v); });
      B.sides.forEach(function (s) { key(areaSample(s.colour, s.key === 'contested'), s.label); });
      box.appendChild(el('h4', null, 'Movements'));
      row(el('span'), 'Arrows', true, function (v) { on.movements = v; setLayer('movements', v); });
      B.arrows.forEach(function (a) { key(lineSample(a.colour, a.kind === 'displacement' ? '6 3' : null, 2.5), a.label); });
      box.appendChild(el('h4', null, 'Base'));
      row(lineSample(B.colours.highway, null, 3.2), 'Highways (M4, M5)', true, function (v) { on.highways = v; setLayer('highways', v); });
      row(lineSample(B.colours.governorate, '5 3', 1.5), 'Governorates (approximate)', true, function (v) { on.governorates = v; setLayer('governorates', v); });
      key(lineSample(B.colours.border, '9 3 2 3', 2), 'Syria–Turkey border');
      if (layers.tiles) {
        row(el('span'), 'Online tiles: ' + (B.tiles.attribution || B.tiles.url), true, function (v) { on.tiles = v; setLayer('tiles', v); });
      }
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      return box;
    };
    return control;
  }

  function setLayer(name, visible) {
    var layer = layers[name];
    if (!layer) { return; }
    if (visible && !map.hasLayer(layer)) { layer.addTo(map); }
    if (!visible && map.hasLayer(layer)) { map.removeLayer(layer); }
  }

  function dayList() {
    var list = $('days');
    var entries = [{ day: 'all', text: 'All days', count: B.total }].concat(B.days);
    entries.forEach(function (d) {
      var li = el('li');
      var b = el('button');
      b.type = 'button';
      b.setAttribute('data-day', d.day);
      b.appendChild(el('span', null, d.day === 'all' ? 'All days' : d.day));
      b.appendChild(el('span', 'count', d.count.toLocaleString('en')));
      b.addEventListener('click', function () { show(d.day); });
      li.appendChild(b);
      list.appendChild(li);
    });
  }

  // ---- choosing a view ----
  function fromHash() {
    var wanted = 'all';
    try { wanted = decodeURIComponent(location.hash.slice(1)) || 'all'; } catch (e) { wanted = location.hash.slice(1); }
    if (order.indexOf(wanted) >= 0) { show(wanted); return; }
    show('all');
    var shape = /^\d{4}-\d{2}-\d{2}$/.test(wanted) ? '' : ' (days are written YYYY-MM-DD)';
    message('There is no day “' + wanted + '” in this map' + shape + ': it covers ' + (B.dates || 'no dated day') +
      ' (' + plural(B.days.length, 'day') + '). Showing all days.');
  }

  function step(by) {
    var i = order.indexOf(current) + by;
    if (i >= 0 && i < order.length) { show(order[i]); }
  }

  function show(key) {
    if (order.indexOf(key) < 0) { key = 'all'; }
    message('');
    current = key;
    document.body.setAttribute('data-view', key);
    document.body.setAttribute('data-ready', 'false');
    var i = order.indexOf(key);
    $('slider').value = String(i);
    $('daylabel').textContent = key === 'all' ? 'All days' : key;
    $('prev').disabled = i <= 0;
    $('next').disabled = i >= order.length - 1;
    var buttons = document.querySelectorAll('#days button');
    for (var k = 0; k < buttons.length; k++) {
      var selected = buttons[k].getAttribute('data-day') === key;
      buttons[k].setAttribute('aria-current', selected ? 'true' : 'false');
      if (selected && buttons[k].scrollIntoView) { buttons[k].scrollIntoView({ block: 'nearest' }); }
    }
    var title = B.title + ', ' + (key === 'all' ? (B.dates || 'all days') : dayText(key));
    $('title').textContent = title;
    document.title = title + ' · PlaceMap';
    $('subtitle').textContent = 'Loading…';
    if (location.hash.slice(1) !== key) {
      try { history.replaceState(null, '', '#' + key); } catch (e) { /* some file:// pages refuse; the view still changes */ }
    }
    withView(key, function (v) {
      if (current !== key) { return; }
      draw(key, v);
      document.body.setAttribute('data-ready', 'true');
      if (!window.PlaceMapTimes) { window.PlaceMapTimes = { firstView: performance.now() }; }
    });
  }

  function subtitle(key, v) {
    if (key === 'all') {
      var s = plural(B.total, 'event') + ' (' + B.dated.toLocaleString('en') + ' dated) from ' + plural(B.sources, 'source');
      if (B.last_front) { s += ' · front line and control of ' + B.last_front_text + ': a model of the control table, not a surveyed line'; }
      return s;
    }
    var t = plural(v.count, 'event') + ' on ' + dayText(key);
    var f = v.front;
    if (f) {
      t += ' · front line ' + f.length_km + ' km, changed ' + f.changed_km2 + ' km², advance ' + f.advance_km + ' km';
      if (f.changed_hands.length) { t += '; changed hands: ' + f.changed_hands.join(', '); }
    } else {
      t += ' · no front line modelled this day';
    }
    return t;
  }

  // ---- drawing a view ----
  function draw(key, v) {
    $('subtitle').textContent = subtitle(key, v);
    ['front', 'control', 'movements'].forEach(function (name) {
      if (layers[name]) { map.removeLayer(layers[name]); layers[name] = null; }
    });
    if (v.front) { drawFront(v.front); }
    drawMovements(v.movements || []);
    redraw();
  }

  function redraw() {
    if (layers.events) { map.removeLayer(layers.events); layers.events = null; }
    markers = {};
    var v = views[current];
    if (!v) { return; }
    layers.events = v.mode === 'grid' ? gridLayer(v) : pointLayer(v);
    layers.events.addTo(map);
    eventList();
  }

  function clusterIcon(sum) {
    return function (cluster) {
      var n = sum ? cluster.getAllChildMarkers().reduce(function (a, m) { return a + m.options.pmCount; }, 0) : cluster.getChildCount();
      var size = Math.round(24 + 7 * Math.log10(Math.max(n, 1)));
      var div = el('div');
      div.appendChild(el('span', null, n >= 10000 ? Math.round(n / 1000) + 'k' : String(n)));
      return L.divIcon({ className: 'marker-cluster', html: div, iconSize: [size, size] });
    };
  }

  function pointLayer(v) {
    var group = L.markerClusterGroup({ chunkedLoading: true, maxClusterRadius: 30, showCoverageOnHover: false,
      spiderfyOnMaxZoom: true, iconCreateFunction: clusterIcon(false) });
    var p = v.points, list = [];
    for (var k = 0; k + 5 < p.length; k += 6) {
      var symbol = p[k + 2];
      if (!on.symbols[symbol]) { continue; }
      var m = L.marker([p[k + 1], p[k]], { icon: icon(symbol, p[k + 4]), keyboard: false, title: v.labels[p[k + 5]] });
      m.pmIndex = p[k + 3];
      m.on('click', onMarker);
      markers[m.pmIndex] = m;
      list.push(m);
    }
    group.addLayers(list);
    return group;
  }
  function onMarker(e) { openEvent(e.target.pmIndex, e.target); }

  function gridLayer(v) {
    var group = L.markerClusterGroup({ chunkedLoading: true, maxClusterRadius: 50, showCoverageOnHover: false,
      spiderfyOnMaxZoom: false, iconCreateFunction: clusterIcon(true) });
    var c = v.cells, stride = 3 + B.symbols.length, list = [];
    for (var k = 0; k + stride - 1 < c.length; k += stride) {
      var n = 0;
      for (var s = 0; s < B.symbols.length; s++) { if (on.symbols[s]) { n += c[k + 3 + s]; } }
      if (n === 0) { continue; }
      var size = Math.round(20 + 6 * Math.log10(n));
      var div = el('div');
      div.appendChild(el('span', null, n >= 10000 ? Math.round(n / 1000) + 'k' : String(n)));
      var m = L.marker([c[k + 1], c[k]], { icon: L.divIcon({ className: 'pm-bin', html: div, iconSize: [size, size] }), pmCount: n, keyboard: false });
      m.bindPopup(binPopup(c, k, n, v.cell_deg));
      list.push(m);
    }
    group.addLayers(list);
    return group;
  }
  function binPopup(c, k, n, cell) {
    var box = el('div', 'pm-popup');
    box.appendChild(el('h3', null, plural(n, 'event') + ' in this cell'));
    box.appendChild(el('p', 'note', 'A cell of ' + cell + '° (about ' + Math.round(cell * 111) + ' km); the point is the mean position of its events.'));
    var ol = el('ol');
    B.symbols.forEach(function (s, i) {
      if (c[k + 3 + i] && on.symbols[i]) { ol.appendChild(el('li', null, s.label + ': ' + c[k + 3 + i].toLocaleString('en'))); }
    });
    box.appendChild(ol);
    box.appendChild(el('p', 'note', 'Choose a day to see its events one by one.'));
    return box;
  }

  function drawFront(f) {
    var group = L.layerGroup(), colours = {};
    B.sides.forEach(function (s) { colours[s.key] = s.colour; });
    Object.keys(f.sides).forEach(function (side) {
      var contested = side === 'contested';
      L.geoJSON(f.sides[side], { pane: 'pm-front', interactive: false, style: contested
        ? { color: colours[side], weight: 1, dashArray: '4 3', fillColor: colours[side], fillOpacity: 0.35 }
        : { stroke: false, fillColor: colours[side], fillOpacity: 0.16 } }).addTo(group);
    });
    L.geoJSON(f.line, { pane: 'pm-front', interactive: false, style: { color: '#ffffff', weight: 7, opacity: 0.9 } }).addTo(group);
    L.geoJSON(f.line, { pane: 'pm-front', style: { color: B.colours.front, weight: 3.2 } })
      .bindTooltip(el('span', null, 'Front line of ' + dayText(f.day) + ' (model): ' + f.length_km + ' km')).addTo(group);
    layers.front = group;
    if (on.front) { group.addTo(map); }
    var control = L.layerGroup();
    f.control.forEach(function (c) {
      L.circleMarker([c[1], c[0]], { pane: 'pm-front', radius: 4, color: '#ffffff', weight: 1, fillColor: colours[c[2]] || '#999999', fillOpacity: 1 })
        .bindTooltip(el('span', null, c[3] + ' (' + c[2] + ')'), { permanent: true, direction: 'right', offset: [5, 0], className: 'pm-control-label' })
        .addTo(control);
    });
    layers.control = control;
    if (on.control) { control.addTo(map); }
  }

  function drawMovements(list) {
    var group = L.layerGroup(), colours = {};
    B.arrows.forEach(function (a) { colours[a.kind] = a.colour; });
    list.forEach(function (m) {
      var pts = m.line.map(function (p) { return [p[1], p[0]]; });
      if (pts.length < 2) { return; }
      var colour = colours[m.kind] || B.colours.front;
      var tip = (m.start || '') + ' ' + m.kind + ': ' + m.from + ' → ' + m.to + (m.length_km !== null ? ' (' + m.length_km + ' km)' : '');
      L.polyline(pts, { pane: 'pm-moves', color: colour, weight: 2.6, dashArray: m.kind === 'displacement' ? '7 4' : null })
        .bindTooltip(el('span', null, tip)).addTo(group);
      // the head: a fixed-size triangle turned along the last segment (Mercator keeps angles at every zoom)
      var pa = map.project(pts[pts.length - 2], 10), pb = map.project(pts[pts.length - 1], 10);
      var angle = Math.atan2(pb.y - pa.y, pb.x - pa.x) * 180 / Math.PI;
      L.marker(pts[pts.length - 1], { pane: 'pm-moves', interactive: false, keyboard: false, icon: L.divIcon({
        className: 'pm-arrowhead', iconSize: [28, 28], iconAnchor: [14, 14],
        html: '<svg width="28" height="28" viewBox="-14 -14 28 28" aria-hidden="true"><path d="M0,0L-13,-5.5L-13,5.5Z" fill="' +
          (isColour(colour) ? colour : '#999999') + '" transform="rotate(' + angle.toFixed(1) + ')"/></svg>' }) }).addTo(group);
    });
    layers.movements = group;
    if (on.movements) { group.addTo(map); }
  }

  // ---- the list of the view's events, and the details of one ----
  function eventList() {
    var v = views[current], list = $('events'), note = $('events-note');
    clear(list);
    if (!v) { return; }
    $('events-title').textContent = current === 'all' ? 'Events, all days' : 'Events on ' + dayText(current);
    if (v.mode === 'grid') {
      note.textContent = plural(v.count, 'event') + (current === 'all' ? '' : ' on this day') + ', too many to draw one by one: the map counts them in ' +
        plural(v.cells.length / (3 + B.symbols.length), 'cell') + ' of ' + v.cell_deg + '° (' + plural(v.binned, 'event') + ' with a position). ' +
        (current === 'all' ? 'Choose a day to list its events.' : '');
      return;
    }
    var bounds = map.getBounds(), p = v.points, inView = 0, drawn = 0;
    for (var k = 0; k + 5 < p.length; k += 6) {
      if (!on.symbols[p[k + 2]]) { continue; }
      drawn++;
      if (!bounds.contains([p[k + 1], p[k]])) { continue; }
      inView++;
      if (inView > LIST_LIMIT) { continue; }
      list.appendChild(listItem(v, p, k));
    }
    var t = plural(inView, 'event') + ' in view of ' + drawn.toLocaleString('en') + ' drawn';
    if (inView > LIST_LIMIT) { t += '; the first ' + LIST_LIMIT + ' listed, zoom in for the others'; }
    if (v.count > p.length / 6) { t += '; ' + plural(v.count - p.length / 6, 'event') + ' without a position not drawn'; }
    note.textContent = t + '.';
  }
  function listItem(v, p, k) {
    var li = el('li'), b = el('button'), index = p[k + 3];
    li.setAttribute('data-index', String(index));
    if (index === openIndex) { li.className = 'active'; }
    b.type = 'button';
    b.appendChild(symbolNode(p[k + 2], p[k + 4] === 3, 16));
    b.appendChild(el('span', null, v.labels[p[k + 5]]));
    b.addEventListener('click', function () { focusEvent(index); });
    li.appendChild(b);
    return li;
  }

  function focusEvent(index) {
    var m = markers[index];
    if (!m || !layers.events) { return; }
    layers.events.zoomToShowLayer(m, function () { openEvent(index, m); });
  }

  function openEvent(index, marker) {
    openIndex = index;
    var box = el('div', 'pm-popup');
    box.appendChild(el('p', 'note', 'Loading…'));
    marker.unbindPopup();
    marker.bindPopup(box, { maxWidth: 440, maxHeight: 420, autoPanPadding: [30, 30] }).openPopup();
    var items = document.querySelectorAll('#events li');
    for (var k = 0; k < items.length; k++) {
      var active = items[k].getAttribute('data-index') === String(index);
      items[k].className = active ? 'active' : '';
      if (active && items[k].scrollIntoView) { items[k].scrollIntoView({ block: 'nearest' }); }
    }
    withDetails(index, function (e) {
      if (openIndex !== index) { return; }
      clear(box);
      fill(box, e);
      marker.getPopup().update();
      document.body.setAttribute('data-open-event', e.id);
    });
  }

  function fill(box, e) {
    var h = el('h3');
    h.appendChild(symbolNode(e.symbol, false, 18));
    h.appendChild(document.createTextNode(' ' + (e.sub_type || e.type)));
    box.appendChild(h);
    if (e.sub_type && e.type) { box.appendChild(el('p', 'note', e.type)); }
    var dl = el('dl');
    function item(term, value, cls) {
      if (value === undefined || value === null || value === '') { return; }
      dl.appendChild(el('dt', null, term));
      dl.appendChild(el('dd', cls || null, value));
    }
    item('Date', e.when);
    item('Place', (e.direction ? e.direction + ' of ' : '') + e.place);
    item('Precision', e.precision);
    if (e.unresolved_place) { item('Named', e.unresolved_place + ' (not in the gazetteer: placed at ' + e.place + ')'); }
    item('Region', e.admin1);
    item('Actors', e.actors.length ? e.actors.join(' → ') : 'not named');
    if (e.fatalities !== undefined) {
      item('Killed', e.fatalities + (e.fatalities_detail ? ' (' + e.fatalities_detail + ')' : ''));
    }
    if (e.displaced !== undefined) { item('Displaced', e.displaced.toLocaleString('en')); }
    if (e.claimed) { item('Claim', 'Claimed by one side; not confirmed independently', 'claim'); }
    item('Notes', e.notes);
    box.appendChild(dl);
    box.appendChild(el('h4', null, 'Sources (' + e.sources.length + ')'));
    var sources = el('ol', 'sources');
    e.sources.forEach(function (s) {
      var li = el('li');
      li.appendChild(el('cite', null, s.report));
      if (s.sentence) { li.appendChild(el('blockquote', null, s.sentence)); }
      sources.appendChild(li);
    });
    box.appendChild(sources);
    box.appendChild(el('h4', null, 'How it was coded'));
    if (e.explain.length) {
      var rules = el('ol', 'rules');
      e.explain.forEach(function (line) { rules.appendChild(el('li', null, line)); });
      box.appendChild(rules);
    } else {
      box.appendChild(el('p', 'note', 'Read from an event file: coded before PlaceMap, so no rule of its own.'));
    }
    box.appendChild(el('p', 'id', 'Event ' + e.id));
  }
})();
