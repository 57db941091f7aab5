import Foundation
import TestSupport
import XCTest

/// The page in real headless Chromium, driven over the DevTools protocol on a pipe by
/// `Tests/PageBrowser/page_driver.py` (Python's standard library only).
enum PageBrowser {
    /// What one run of the driver saw.
    struct Outcome {
        /// Each step's answer: `ok`, `value`, `ms`.
        var steps: [[String: Any]]
        /// Console calls, uncaught exceptions and browser log entries (failed loads) of any level.
        var messages: [String]
        /// Every URL the page requested.
        var urls: [String]
        /// Bytes on disk of every file the page loaded.
        var bytes: Int

        func value(_ i: Int) -> Any? { steps.indices.contains(i) ? steps[i]["value"] as Any? : nil }
        func string(_ i: Int) -> String { value(i) as? String ?? "" }
        func ok(_ i: Int) -> Bool { steps.indices.contains(i) ? steps[i]["ok"] as? Bool ?? false : false }
    }

    /// A wait for the page to have drawn `view` ("all" or a day).
    static func ready(_ view: String, timeout: Double = 30) -> [String: Any] {
        ["wait": "document.body.dataset.ready === 'true' && document.body.dataset.view === '\(view)'", "timeout": timeout]
    }

    /// Opens `index.html#fragment` of `folder` and runs `steps` (see page_driver.py).
    static func run(_ folder: URL, fragment: String, steps: [[String: Any]]) throws -> Outcome {
        let chromium = try Run.require("chromium", installedBy: "Debian chromium")
        let python = try Run.require("python3", installedBy: "Debian python3")
        let driver = ProjectPaths.root.appendingPathComponent("Tests/PageBrowser/page_driver.py")
        let url = folder.appendingPathComponent("index.html").absoluteString + "#" + fragment
        let plan = try JSONSerialization.data(withJSONObject: ["url": url, "steps": steps])
        let r = try Run.program(python, [driver.path, chromium.path], input: String(decoding: plan, as: UTF8.self))
        guard r.status == 0, let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any] else {
            XCTFail("the page driver failed: \(r.stderr)")
            return Outcome(steps: [], messages: ["driver failed"], urls: [], bytes: 0)
        }
        var messages: [String] = []
        for c in json["console"] as? [[String: Any]] ?? [] { messages.append("console \(c["type"] ?? ""): \(c["text"] ?? "")") }
        for e in json["exceptions"] as? [String] ?? [] { messages.append("exception: \(e)") }
        for l in json["log"] as? [[String: Any]] ?? [] { messages.append("log \(l["level"] ?? ""): \(l["text"] ?? "") \(l["url"] ?? "")") }
        let resources = json["resources"] as? [[String: Any]] ?? []
        return Outcome(steps: json["results"] as? [[String: Any]] ?? [], messages: messages,
                       urls: resources.compactMap { $0["url"] as? String },
                       bytes: resources.reduce(0) { $0 + (($1["bytes"] as? Int) ?? 0) })
    }

    /// The JavaScript for the event list's labels, joined by "|".
    static let listedLabels = "Array.from(document.querySelectorAll('#events li')).map(function (li) { return li.textContent; }).join('|')"
    /// The JavaScript for the open popup's text.
    static let popupText = "(document.querySelector('.leaflet-popup-content') || {}).textContent || ''"
}
