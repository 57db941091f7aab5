/// `index.html`: the page's frame (header with the day slider, the map, the side panel with the days,
/// the events and where everything came from) and the script tags that load Leaflet, the page's
/// script and `page/base.js`. Everything that varies with the data is filled in by the script from
/// the data files; the only data here is the title, escaped as XML.
enum PageHTML {
    static func render(_ page: PageInput) -> String {
        let full = page.title + (page.datesCovered.map { ", \($0)" } ?? "")
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(xml(full)) · PlaceMap</title>
            <link rel="stylesheet" href="page/leaflet/leaflet.css">
            <link rel="stylesheet" href="page/leaflet/MarkerCluster.css">
            <link rel="stylesheet" href="page/leaflet/MarkerCluster.Default.css">
            <link rel="stylesheet" href="page/placemap.css">
            </head>
            <body data-view="" data-ready="false">
            <header>
            <div id="titles"><h1 id="title">\(xml(full))</h1><p id="subtitle"></p></div>
            <nav id="daynav" aria-label="Day">
            <button id="prev" type="button" title="Previous day (←)" aria-label="Previous day">◀</button>
            <input id="slider" type="range" min="0" max="0" value="0" step="1" aria-label="Day">
            <button id="next" type="button" title="Next day (→)" aria-label="Next day">▶</button>
            <output id="daylabel" for="slider">All days</output>
            </nav>
            </header>
            <p id="message" role="alert" hidden></p>
            <main>
            <div id="map" role="region" aria-label="Map"></div>
            <aside id="panel">
            <section id="days-section"><h2>Days</h2><ol id="days"></ol></section>
            <section id="events-section"><h2 id="events-title">Events</h2><p id="events-note" class="note"></p><ol id="events"></ol></section>
            <section id="about"><h2>About this map</h2>
            <p>Events coded by PlaceMap from news reports or event files. The front line and control are a model
            (a Voronoi split of the control table's settlements), not a surveyed line. The base is drawn from
            the gazetteer's own layers; no tiles are loaded unless the map was made with <code>--tiles</code>.</p>
            <p>Map library: <a href="page/leaflet/COPYRIGHT.libjs-leaflet.txt">Leaflet</a> (BSD-2-Clause, © Vladimir
            Agafonkin, CloudMade) and <a href="page/leaflet/COPYRIGHT.libjs-leaflet.markercluster.txt">Leaflet.markercluster</a>
            (MIT, © David Leaver), from Debian's <code>libjs-leaflet</code> and <code>libjs-leaflet.markercluster</code>
            packages, copied beside this page with their copyright files.</p>
            <p>Layers beside this page: events.geojson, days/, movements.geojson, frontlines.geojson, places.geojson,
            highways.geojson, borders.geojson (RFC 7946 GeoJSON for QGIS, Leaflet, kepler.gl), map.svg.</p>
            <p id="credits"></p></section>
            </aside>
            </main>
            <noscript><p class="note">This page needs JavaScript. The layers beside it (events.geojson, days/, map.svg) do not.</p></noscript>
            <script src="page/leaflet/leaflet.min.js"></script>
            <script src="page/leaflet/leaflet.markercluster.min.js"></script>
            <script src="page/placemap.js"></script>
            <script src="page/base.js"></script>
            </body>
            </html>

            """
    }
}
