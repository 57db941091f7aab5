import Control
import EventModel
import GeoModel

/// `index.html`: one self-contained page (inline SVG, CSS and a small script of PlaceMap's own, no
/// network) showing the map with a day selector. Choosing a day shows that day's events, movements
/// and front line (the SVG's `data-day` groups) and lists its events; the choice is kept in the URL's
/// fragment (`index.html#2020-02-06`), which the page also honours when opened.
public enum HTMLPage {
    /// Events listed per day in the side panel at most (the map draws them all).
    public static let panelLimit = 400

    /// The page. Throws `LayersError.projection` when PROJ fails.
    public static func render(_ scene: MapScene) throws -> String {
        let svg = try SVGMap.render(scene, interactive: true)
        let title = Renderer(view: try MapView(box: scene.box ?? BoundingBox(west: 36, south: 35.4, east: 37.2, north: 36.4),
                                               width: SVGMap.width), scene: scene).title
        var page = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(xml(title)) · PlaceMap</title>
            <style>
            \(css)
            </style>
            </head>
            <body data-selected="all">
            <header><h1>\(xml(title))</h1>
            <nav><button id="prev" type="button" title="Previous day (←)">◀</button>
            <label for="day">Day</label> <select id="day">\(options(scene))</select>
            <button id="next" type="button" title="Next day (→)">▶</button>
            <span id="count"></span></nav></header>
            <main><div id="map">
            \(svg)</div>
            <aside id="panel"><h2 id="panel-title">All days</h2><div id="front"></div><ol id="list"></ol>
            <p class="note">Layers beside this page: events.geojson, days/, movements.geojson, frontlines.geojson, \
            places.geojson, highways.geojson, borders.geojson (RFC 7946 GeoJSON for QGIS, Leaflet, kepler.gl).</p></aside></main>
            <script type="application/json" id="placemap-data">
            """
        page += scriptSafe(JSONWriter.string(data(scene)))
        page += "</script>\n<script>\n\(script)</script>\n</body>\n</html>\n"
        return page
    }

    static func options(_ scene: MapScene) -> String {
        var s = "<option value=\"all\">All days</option>"
        for d in scene.days {
            let n = scene.partition.days[d]?.count ?? 0
            s += "<option value=\"\(d)\">\(d) (\(n) event\(n == 1 ? "" : "s"))</option>"
        }
        return s
    }

    /// The data the script lists: days, the last day with a front line, each day's events and figures.
    static func data(_ scene: MapScene) -> JSONValue {
        func item(_ e: Event) -> JSONValue {
            var o: [String: JSONValue] = [
                "id": .string(e.id), "what": .string(e.category.description),
                "place": .string((e.direction.map { "\($0) of " } ?? "") + e.place),
                "actors": .string(e.actorNames.joined(separator: " → ")), "symbol": .string(e.category.symbol.rawValue),
                "when": .string(e.start.map { s in e.end.map { $0 != s ? "\(s) to \($0)" : "\(s)" } ?? "\(s)" } ?? "undated"),
                "reports": .string(Array(Set(e.sources.map(\.report))).sorted().joined(separator: ", ")),
            ]
            if let f = e.fatalities { o["killed"] = .string("\(f)" + (e.claimed ? " (claimed)" : "")) }
            if let d = e.displaced { o["displaced"] = .int(d) }
            return .object(o)
        }
        var perDay: [String: JSONValue] = [:]
        for d in scene.days {
            perDay["\(d)"] = .array((scene.partition.days[d] ?? []).prefix(panelLimit).map { item(scene.events[Int($0)]) })
        }
        perDay["all"] = .array(scene.events.prefix(panelLimit).map(item))
        var fronts: [String: JSONValue] = [:]
        for (d, f) in scene.frontlines {
            fronts["\(d)"] = [
                "length_km": .number((f.lengthKm * 10).rounded() / 10),
                "changed_km2": .number((f.changedKm2 * 10).rounded() / 10),
                "advance_km": .number((f.advanceKm * 10).rounded() / 10),
                "government_km2": .number(((f.areaKm2["government"] ?? 0) * 10).rounded() / 10),
                "taken": .array(f.movements.map { .string("\($0.place) (\($0.fromSide.rawValue) → \($0.toSide.rawValue))") }),
            ]
        }
        let lastFront = scene.days.last { scene.frontlines[$0] != nil }
        return [
            "days": .array(scene.days.map { .string("\($0)") }), "lastFront": .string(lastFront?.description),
            "events": .object(perDay), "fronts": .object(fronts), "total": .int(scene.events.count),
        ]
    }

    /// JSON made safe inside a script element.
    static func scriptSafe(_ json: String) -> String {
        json.replacingOccurrences(of: "</", with: "<\\/").replacingOccurrences(of: "<!--", with: "<\\!--")
    }

    static let css = """
        * { box-sizing: border-box; }
        body { margin: 0; font: 14px/1.4 'DejaVu Sans', 'Helvetica Neue', Arial, sans-serif; color: #222; background: #f4f2ee; }
        header { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 24px; padding: 10px 16px; background: #fff; border-bottom: 1px solid #ddd; }
        h1 { font-size: 18px; margin: 0; }
        nav { display: flex; align-items: center; gap: 6px; }
        nav select, nav button { font: inherit; padding: 3px 8px; border: 1px solid #bbb; border-radius: 4px; background: #fff; cursor: pointer; }
        nav button:hover, nav select:hover { border-color: #b2182b; }
        #count { color: #666; margin-left: 8px; }
        main { display: flex; flex-wrap: wrap; gap: 12px; padding: 12px; align-items: flex-start; }
        #map { flex: 1 1 760px; max-width: 1100px; background: #fff; border: 1px solid #ddd; }
        #map svg { display: block; width: 100%; height: auto; }
        aside { flex: 1 1 280px; max-width: 420px; background: #fff; border: 1px solid #ddd; padding: 10px 14px; max-height: 92vh; overflow: auto; }
        aside h2 { font-size: 16px; margin: 4px 0 8px; }
        #front { font-size: 13px; color: #444; margin-bottom: 8px; }
        #front b { color: #b2182b; }
        ol { padding-left: 20px; margin: 0; }
        li { margin: 0 0 8px; }
        li .what { font-weight: bold; }
        li .meta { color: #555; font-size: 12.5px; }
        .note { color: #777; font-size: 12px; border-top: 1px solid #eee; padding-top: 8px; }
        """

    static let script = """
        (function () {
          'use strict';
          var data = JSON.parse(document.getElementById('placemap-data').textContent);
          var select = document.getElementById('day');
          var order = ['all'].concat(data.days);

          function text(tag, cls, value) {
            var el = document.createElement(tag);
            if (cls) { el.className = cls; }
            el.textContent = value;
            return el;
          }

          function panel(day) {
            var list = document.getElementById('list');
            while (list.firstChild) { list.removeChild(list.firstChild); }
            var items = data.events[day] || [];
            items.forEach(function (e) {
              var li = document.createElement('li');
              li.appendChild(text('div', 'what', e.what + ' — ' + e.place));
              var meta = e.when + (e.actors ? ' · ' + e.actors : '') + (e.killed ? ' · ' + e.killed + ' killed' : '') +
                (e.displaced ? ' · ' + e.displaced + ' displaced' : '') + (e.reports ? ' · ' + e.reports : '');
              li.appendChild(text('div', 'meta', meta));
              list.appendChild(li);
            });
            document.getElementById('panel-title').textContent = day === 'all' ? 'All days' : day;
            var shown = day === 'all' ? data.total : items.length;
            document.getElementById('count').textContent = shown + (shown === 1 ? ' event' : ' events');
            var front = document.getElementById('front');
            front.textContent = '';
            var f = data.fronts[day === 'all' ? data.lastFront : day];
            if (f) {
              front.appendChild(text('b', '', 'Front line' + (day === 'all' ? ' (' + data.lastFront + ')' : '') + ': '));
              front.appendChild(document.createTextNode(f.length_km + ' km long; changed ' + f.changed_km2 +
                ' km²; advance ' + f.advance_km + ' km' + (f.taken.length ? '; changed hands: ' + f.taken.join(', ') : '')));
            }
          }

          function show(day) {
            if (order.indexOf(day) < 0) { day = 'all'; }
            select.value = day;
            var front = day === 'all' ? data.lastFront : day;
            var groups = document.querySelectorAll('#map svg [data-day]');
            for (var i = 0; i < groups.length; i++) {
              var g = groups[i];
              var on = g.getAttribute('data-kind') === 'front' ? g.getAttribute('data-day') === front
                                                               : g.getAttribute('data-day') === day;
              if (on) { g.removeAttribute('display'); } else { g.setAttribute('display', 'none'); }
            }
            document.body.setAttribute('data-selected', day);
            panel(day);
            if (decodeURIComponent(location.hash.slice(1)) !== day) {
              try { history.replaceState(null, '', '#' + day); } catch (e) { /* some file:// pages refuse; the view still changes */ }
            }
          }

          function step(by) {
            var i = order.indexOf(select.value) + by;
            if (i >= 0 && i < order.length) { show(order[i]); }
          }

          select.addEventListener('change', function () { show(select.value); });
          document.getElementById('prev').addEventListener('click', function () { step(-1); });
          document.getElementById('next').addEventListener('click', function () { step(1); });
          document.addEventListener('keydown', function (e) {
            if (e.key === 'ArrowLeft') { step(-1); } else if (e.key === 'ArrowRight') { step(1); }
          });
          window.addEventListener('hashchange', function () { show(decodeURIComponent(location.hash.slice(1)) || 'all'); });
          show(decodeURIComponent(location.hash.slice(1)) || 'all');
        })();

        """
}
