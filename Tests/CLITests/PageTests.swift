import Foundation
import TestSupport
import XCTest

/// `index.html` in real headless Chromium (from `file://`, no network) on the bundled example, on a
/// hostile event file and on 10^5 generated events; `map.svg` binned past its threshold.
final class PageTests: XCTestCase {
    /// The bundled example mapped once, for the tests that only read it.
    nonisolated(unsafe) static var mappedExample: URL?

    func example() throws -> URL {
        if let m = Self.mappedExample { return m }
        let out = try temporaryDirectory("placemap-page").appendingPathComponent("out")
        let r = try Run.placemap(["map", "Examples", "--out", out.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        Self.mappedExample = out
        return out
    }

    static func features(_ url: URL) throws -> [[String: Any]] {
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
        return (json?["features"] as? [[String: Any]] ?? []).compactMap { $0["properties"] as? [String: Any] }
            .filter { $0["kind"] as? String == "event" }
    }

    /// "9 events in view of 9 drawn." → 9 drawn.
    static func drawn(_ note: String) -> Int? {
        guard let r = note.range(of: #"of ([\d,]+) drawn"#, options: .regularExpression) else { return nil }
        return Int(note[r].dropFirst(3).dropLast(6).replacingOccurrences(of: ",", with: ""))
    }

    func testThePageLoadsFromFileWithoutConsoleMessagesOrNetwork() throws {
        let out = try example()
        let o = try PageBrowser.run(out, fragment: "", steps: [
            PageBrowser.ready("all"), ["eval": "document.getElementById('title').textContent"],
            ["eval": "document.querySelectorAll('.pm-event, .marker-cluster').length"],
            ["eval": "document.getElementById('about').textContent"],
        ])
        XCTAssertTrue(o.ok(0), "the page drew its first view")
        XCTAssertEqual(o.messages, [], "no console message, exception or failed load")
        XCTAssertFalse(o.urls.isEmpty)
        for url in o.urls { XCTAssertTrue(url.hasPrefix(out.absoluteString), "loads only files beside the page: \(url)") }
        XCTAssertTrue(o.urls.contains { $0.hasSuffix("page/leaflet/leaflet.min.js") }, "Leaflet from the page's folder")
        XCTAssertFalse(o.urls.contains { $0.contains("/page/views/2020-") }, "a day's events load only when it is shown")
        XCTAssertEqual(o.string(1), "Idlib: conflict events, 3–6 February 2020")
        XCTAssertGreaterThan(o.value(2) as? Int ?? 0, 0, "events drawn")
        XCTAssertTrue(o.string(3).contains("libjs-leaflet"), "the page says where Leaflet came from")
        XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent("page/leaflet/COPYRIGHT.libjs-leaflet.txt").path))
    }

    func testSwitchingDaysChangesTheTitleTheListAndTheAddress() throws {
        let out = try example()
        let o = try PageBrowser.run(out, fragment: "2020-02-03", steps: [
            PageBrowser.ready("2020-02-03"),                                                   // 0
            ["eval": "document.getElementById('title').textContent"],                         // 1
            ["eval": PageBrowser.listedLabels],                                               // 2
            ["eval": "document.getElementById('events-note').textContent"],                   // 3
            ["click": "#next"], PageBrowser.ready("2020-02-04"),                              // 4, 5
            ["eval": "document.getElementById('title').textContent"],                         // 6
            ["eval": PageBrowser.listedLabels],                                               // 7
            ["eval": "location.hash"],                                                        // 8
            ["click": "#days button[data-day='2020-02-06']"], PageBrowser.ready("2020-02-06"), // 9, 10
            ["eval": "document.getElementById('events-note').textContent"],                   // 11
            ["eval": "document.getElementById('subtitle').textContent"],                      // 12
            ["click": "#days button[data-day='all']"], PageBrowser.ready("all"),              // 13, 14
            ["eval": "document.getElementById('events-note').textContent"],                   // 15
        ])
        XCTAssertEqual(o.messages, [])
        XCTAssertTrue(o.ok(0) && o.ok(5) && o.ok(10) && o.ok(14), "every view drew: \(o.steps)")
        XCTAssertEqual(o.string(1), "Idlib: conflict events, 3 February 2020")
        XCTAssertEqual(o.string(6), "Idlib: conflict events, 4 February 2020")
        XCTAssertNotEqual(o.string(2), o.string(7), "the list follows the day")
        XCTAssertEqual(o.string(8), "#2020-02-04", "the address follows the day")
        let day = { (d: String) in try Self.features(out.appendingPathComponent("days/\(d)/events.geojson")).count }
        XCTAssertEqual(Self.drawn(o.string(3)), try day("2020-02-03"), o.string(3))
        XCTAssertEqual(Self.drawn(o.string(11)), try day("2020-02-06"), o.string(11))
        XCTAssertEqual(Self.drawn(o.string(15)), try Self.features(out.appendingPathComponent("events.geojson")).count,
                       "All days shows every event: \(o.string(15))")
        XCTAssertTrue(o.string(12).contains("on 6 February 2020") && o.string(12).contains("front line"), o.string(12))
    }

    func testClickingAnEventOnTheMapOpensItsSourcesAndTheRulesThatCodedIt() throws {
        let out = try example()
        let o = try PageBrowser.run(out, fragment: "2020-02-04", steps: [
            PageBrowser.ready("2020-02-04"),
            ["click": ".leaflet-marker-pane .pm-event"],
            ["wait": "document.body.dataset.openEvent", "timeout": 10],
            ["eval": PageBrowser.popupText],
            ["click": "#events li button"],
            ["eval": "document.querySelector('#events li.active') !== null"],
        ])
        XCTAssertEqual(o.messages, [])
        let id = try XCTUnwrap(o.value(2) as? String, "a popup opened: \(o.steps)")
        let event = try XCTUnwrap(try Self.features(out.appendingPathComponent("events.geojson")).first { $0["id"] as? String == id })
        let popup = o.string(3)
        // Every source of the event (sources.csv holds them all) is in the popup.
        let table = try String(contentsOf: out.appendingPathComponent("sources.csv"), encoding: .utf8)
        var sources = 0
        for line in table.split(separator: "\n").dropFirst() where line.hasPrefix(id + ",") {
            sources += 1
            let report = line.split(separator: ",")[1]
            XCTAssertTrue(popup.contains(String(report)), "the report \(report): \(popup)")
        }
        XCTAssertEqual(sources, (event["sources"] as? Int) ?? -1, "the popup's event has its sources in sources.csv")
        let sentence = (event["source_sentence"] as? String ?? "?").replacingOccurrences(of: "…", with: "")
        XCTAssertTrue(popup.contains(sentence), "the sentence: \(popup)")
        XCTAssertTrue(popup.contains(event["sub_type"] as? String ?? "?"), popup)
        XCTAssertTrue(popup.contains("How it was coded") && popup.contains(" → "), "the --explain rules: \(popup)")
        XCTAssertTrue(popup.contains("Precision"), popup)
        XCTAssertEqual(o.value(5) as? Bool, true, "the list marks the open event")
    }

    func testAnUnknownDayInTheAddressSaysSoAndShowsAllDays() throws {
        let out = try example()
        let o = try PageBrowser.run(out, fragment: "2031-01-01", steps: [
            PageBrowser.ready("all"),
            ["eval": "document.getElementById('message').hidden ? '' : document.getElementById('message').textContent"],
            ["navigate": out.appendingPathComponent("index.html").absoluteString + "#yesterday"],
            PageBrowser.ready("all"),
            ["eval": "document.getElementById('message').textContent"],
        ])
        XCTAssertEqual(o.messages, [])
        XCTAssertTrue(o.string(1).contains("no day “2031-01-01”") && o.string(1).contains("3–6 February 2020"), o.string(1))
        XCTAssertTrue(o.string(4).contains("YYYY-MM-DD"), o.string(4))
    }

    func testOnlineTilesOnlyWhenAskedAndWithTheirCredit() throws {
        let base = try String(contentsOf: try example().appendingPathComponent("page/base.js"), encoding: .utf8)
        XCTAssertTrue(base.contains(#""tiles":null"#), "no tile layer by default")
        let out = try temporaryDirectory("placemap-tiles").appendingPathComponent("out")
        let template = "https://tiles.invalid/{z}/{x}/{y}.png"
        let noCredit = try Run.placemap(["map", "Examples", "--out", out.path, "--tiles", template])
        XCTAssertNotEqual(noCredit.status, 0)
        XCTAssertTrue(noCredit.stderr.contains("--tiles-attribution"), noCredit.stderr)
        let r = try Run.placemap(["map", "Examples", "--out", out.path, "--tiles", template, "--tiles-attribution", "Tiles © Example <org>"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let asked = try String(contentsOf: out.appendingPathComponent("page/base.js"), encoding: .utf8)
        XCTAssertTrue(asked.contains(#""tiles":{"attribution":"Tiles © Example \u003corg\u003e","url":"https://tiles.invalid/{z}/{x}/{y}.png"}"#), asked)
    }

    /// Report text that looks like markup stays text: the data files hold no `<`, and the popup shows it.
    func testReportTextIsShownAsTextNeverAsMarkup() throws {
        let dir = try temporaryDirectory("placemap-hostile")
        let file = dir.appendingPathComponent("hostile.jsonl")
        let sentence = "Rebels said </script><img src=x onerror=\"document.title='owned'\"> & left\u{2028}at\u{1} dawn."
        let event: [String: Any] = [
            "id": "hx-01", "kind": "event", "type": "Battles", "sub_type": "Armed clash", "start": "2020-02-06",
            "end": "2020-02-06", "date_precision": "day", "place": "Saraqib <b>bold</b>", "place_id": "geonames:164816",
            "lon": 36.80591, "lat": 35.86447, "geo_precision": 1, "actors": ["<script>alert(1)</script>"],
            "claimed": true, "fatalities": 3,
            "sources": [["report": "a<b>.txt", "sentence": sentence, "char_start": 0, "char_end": 10]],
        ]
        try JSONSerialization.data(withJSONObject: event).write(to: file)
        let out = dir.appendingPathComponent("out")
        let r = try Run.placemap(["map", file.path, "--out", out.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        for data in ["page/events/000000.js", "page/views/2020-02-06.js", "page/views/all.js", "page/base.js"] {
            let text = try String(contentsOf: out.appendingPathComponent(data), encoding: .utf8)
            XCTAssertFalse(text.contains("<") || text.contains("\u{2028}") || text.contains("\u{1}"), data)
        }
        let o = try PageBrowser.run(out, fragment: "2020-02-06", steps: [
            PageBrowser.ready("2020-02-06"), ["click": "#events li button"],
            ["wait": "document.body.dataset.openEvent", "timeout": 10],
            ["eval": PageBrowser.popupText],
            ["eval": "document.querySelectorAll('img, b, #map script').length + ' ' + document.title"],
        ])
        XCTAssertEqual(o.messages, [])
        let popup = o.string(3)
        XCTAssertTrue(popup.contains("Rebels said </script><img src=x onerror=\"document.title='owned'\"> & left\u{2028}at dawn."), popup)
        XCTAssertTrue(popup.contains("Saraqib <b>bold</b>") && popup.contains("<script>alert(1)</script>"), popup)
        XCTAssertTrue(popup.contains("Claimed by one side"), "claims are marked: \(popup)")
        XCTAssertFalse(o.string(4).contains("owned"), o.string(4))
        XCTAssertTrue(o.string(4).hasPrefix("0 "), "no element made from report text: \(o.string(4))")
    }

    /// Events at deterministic positions on a grid over Idlib: `count` of them over five days.
    static func gridEvents(_ count: Int, to url: URL) throws {
        var csv = "id,date,lon,lat,type\n"
        for i in 0..<count {
            csv += "g\(i),2020-02-0\(1 + i % 5),\(36.3 + Double(i % 50) * 0.02),\(35.5 + Double(i / 50) * 0.015),Battles\n"
        }
        try csv.write(to: url, atomically: true, encoding: .utf8)
    }

    /// (bins, their counts added up, any per-event symbol left) of a map.svg, read with Python's XML parser.
    static func svgBins(_ svg: URL) throws -> (bins: Int, total: Int, symbols: Int) {
        let out = try Python.run("""
            import sys, xml.etree.ElementTree as ET
            ns = '{http://www.w3.org/2000/svg}'
            root = ET.parse(sys.stdin.read().strip()).getroot()
            events = [g for g in root.iter(ns + 'g') if g.get('id') == 'events'][0]
            bins = [g for g in events.iter(ns + 'g') if g.get('class') == 'bin']
            symbols = [g for g in events.iter(ns + 'g') if (g.get('transform') or '').startswith('translate')]
            print(len(bins), sum(int(g.get('data-count')) for g in bins), len(symbols))
            """, input: svg.path, modules: ["xml"])
        let n = out.split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        return n.count == 3 ? (n[0], n[1], n[2]) : (0, 0, -1)
    }

    func testMapSVGBinsPastTheThresholdAndTheCountsAddUpToTheEvents() throws {
        let dir = try temporaryDirectory("placemap-bins")
        try Self.gridEvents(2500, to: dir.appendingPathComponent("grid.csv"))
        let out = dir.appendingPathComponent("out")
        let r = try Run.placemap(["map", dir.appendingPathComponent("grid.csv").path, "--out", out.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        let bins = try Self.svgBins(out.appendingPathComponent("map.svg"))
        XCTAssertGreaterThan(bins.bins, 10)
        XCTAssertLessThan(bins.bins, 2500, "fewer bins than events")
        XCTAssertEqual(bins.total, 2500, "the bins' counts add up to the events")
        XCTAssertEqual(bins.symbols, 0, "no symbol per event past the threshold")
        // under the threshold: one symbol an event, no bins
        let small = try Self.svgBins(try example().appendingPathComponent("map.svg"))
        XCTAssertEqual(small.bins, 0)
        XCTAssertGreaterThan(small.symbols, 0)
    }

    /// 10^5 events of the shared generator: the page loads without messages, "All days" counts them in
    /// a grid that adds up to them, a day lists and opens its events; map.svg bins them under 10 MB.
    func testTheSharedGeneratorsHundredThousandEvents() throws {
        let generator = try ProjectPaths.shared("bench/gen_events.py")
        _ = try Python.run("import numpy", modules: ["numpy"])
        let python = try Run.require("python3", installedBy: "Debian python3")
        let dir = try temporaryDirectory("placemap-1e5")
        let csv = dir.appendingPathComponent("events.csv")
        let g = try Run.program(python, [generator.path, "100000", "42", csv.path])
        XCTAssertEqual(g.status, 0, g.stderr)
        let out = dir.appendingPathComponent("out")
        let r = try Run.placemap(["map", csv.path, "--out", out.path])
        XCTAssertEqual(r.status, 0, r.stderr)

        let svg = out.appendingPathComponent("map.svg")
        XCTAssertLessThan(try FileManager.default.attributesOfItem(atPath: svg.path)[.size] as? Int ?? .max, 10_000_000)
        let bins = try Self.svgBins(svg)
        XCTAssertEqual(bins.total, 100_000, "the bins' counts add up to the events")
        XCTAssertEqual(bins.symbols, 0)

        let days = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("page/views").path)
            .filter { $0.hasPrefix("20") }.sorted()
        let first = try XCTUnwrap(days.first).replacingOccurrences(of: ".js", with: "")
        let o = try PageBrowser.run(out, fragment: "", steps: [
            PageBrowser.ready("all", timeout: 60),                                           // 0
            ["eval": "document.getElementById('events-note').textContent"],                 // 1
            ["eval": "document.getElementById('title').textContent"],                       // 2
            ["click": "#next"], PageBrowser.ready(first, timeout: 60),                      // 3, 4
            ["eval": "document.getElementById('title').textContent"],                       // 5
            ["eval": "document.getElementById('events-note').textContent"],                 // 6
            ["click": "#events li button"],                                                 // 7
            ["wait": "document.body.dataset.openEvent", "timeout": 30],                     // 8
            ["eval": PageBrowser.popupText],                                                // 9
        ])
        XCTAssertEqual(o.messages, [])
        XCTAssertTrue(o.ok(0) && o.ok(4), "\(o.steps)")
        XCTAssertTrue(o.string(1).contains("100,000 events") && o.string(1).contains("(100,000 events with a position)"),
                      "All days counts every event in its grid: \(o.string(1))")
        XCTAssertNotEqual(o.string(2), o.string(5), "the title follows the day")
        XCTAssertEqual(Self.drawn(o.string(6)), try Self.features(out.appendingPathComponent("days/\(first)/events.geojson")).count,
                       o.string(6))
        XCTAssertTrue(o.string(9).contains("Sources (1)") && o.string(9).contains("coded before PlaceMap"), o.string(9))
        XCTAssertLessThan(o.bytes, 10_000_000, "the first views load under 10 MB")
    }
}
