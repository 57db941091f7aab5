import EventModel
import Extraction
import Foundation
import GeoModel
import Places

/// Extraction throughput: MB of report text per second on a synthetic corpus, next to a naive geoparser
/// (a `contains` scan of the lower-cased text for every gazetteer name, the per-place regex of simple
/// tools) measured in the same run.
public enum ExtractionBench {
    /// Sentence templates in the project's own words, used when `Examples/` is absent; `{P}` / `{Q}` are
    /// place names, `{D}` a weekday, `{N}` a number.
    static let templates = [
        "Government warplanes struck {P} on {D}, killing at least {N} civilians, a monitoring group said.",
        "Fighting went on north of the town of {P} overnight as rebels pushed toward {Q}.",
        "Turkish forces shelled government positions near {P} on {D}, according to Ankara.",
        "Syrian troops captured the village of {P} earlier this week after clashes with militants.",
        "The Foreign Ministry said in Moscow that talks would continue.",
        "More than {N},000 people have fled {P} and nearby villages since December, the U.N. said.",
        "Rebels launched an attack on {P} under the cover of Turkish artillery later {D}.",
        "Turkish troops set up new positions in {P}, {Q} and the surrounding area.",
    ]

    /// The project's example reports (`Examples/*.txt` beside the gazetteer folder), or nil when absent.
    static func examples(besides gazetteer: Gazetteer) -> [String]? {
        let dir = gazetteer.directory.deletingLastPathComponent().appendingPathComponent("Examples")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else { return nil }
        let texts = names.filter { $0.hasSuffix(".txt") }.sorted().compactMap {
            try? String(contentsOf: dir.appendingPathComponent($0), encoding: .utf8)
        }
        return texts.isEmpty ? nil : texts
    }

    /// A corpus of about `megabytes` MB, deterministic: the example reports (else the templates above)
    /// repeated with their place names replaced by names drawn from the gazetteer's settlements in Syria
    /// (alternate spellings included), each with a dateline.
    public static func corpus(megabytes: Double, gazetteer: Gazetteer) -> [Report] {
        var rng = SplitMix64(seed: 7)
        let settlements = gazetteer.places.filter { $0.country == "SY" && $0.kind.isSettlement }
        let names = settlements.flatMap { [$0.name] + $0.alternateNames.filter { $0.unicodeScalars.allSatisfy(\.isASCII) } }
        let days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        // Place names of the examples, each replaced by a random name.
        let known = ["Saraqeb", "Saraqib", "al-Nayrab", "Nairab", "Taftanaz", "Teftanaz", "Binnesh", "Maaret Misrin",
                     "Islamin", "Trunbah"]
        let sources = examples(besides: gazetteer) ?? [templates.joined(separator: " ")]
        let date = Day(iso: "2020-02-06")!
        var reports: [Report] = []
        var total = 0
        let target = Int(megabytes * 1_000_000)
        while total < target {
            var text = sources[reports.count % sources.count]
            if let dash = text.range(of: " -- "), text.hasPrefix(" date ") { text = String(text[dash.upperBound...]) }
            text = " date 2020-02-06 BEIRUT -- " + text
            for k in known { text = text.replacingOccurrences(of: k, with: names[Int(rng.next() % UInt64(names.count))]) }
            for t in ["{P}", "{Q}"] { text = text.replacingOccurrences(of: t, with: names[Int(rng.next() % UInt64(names.count))]) }
            text = text.replacingOccurrences(of: "{D}", with: days[Int(rng.next() % 7)])
            text = text.replacingOccurrences(of: "{N}", with: String(2 + rng.next() % 40))
            total += text.utf8.count
            if let r = try? Report(name: "bench_\(reports.count).txt", text: text, date: date) { reports.append(r) }
        }
        return reports
    }

    /// Adds the extraction row: PlaceMap's extractor (one pass per sentence with the name matcher built
    /// once) over `megabytes` MB, and the naive scan over a slice of the same corpus.
    public static func run(megabytes: Double, gazetteer: Gazetteer, into table: inout BenchTable) {
        let lexicon: Lexicon
        do { lexicon = try Lexicon.load(besides: gazetteer) } catch {
            table.add("extract events", size: "-", "failed: \(error)")
            return
        }
        let reports = corpus(megabytes: megabytes, gazetteer: gazetteer)
        let bytes = reports.reduce(0) { $0 + $1.text.utf8.count }
        var extractor = Extractor(gazetteer: gazetteer, lexicon: lexicon)
        extractor.explains = false
        var events = 0
        let seconds = measureSeconds {
            for r in reports { events += (try? extractor.extract(report: r))?.events.count ?? 0 }
        }
        // The naive baseline on a slice (it is orders of magnitude slower).
        let names = Array(Set(gazetteer.places.flatMap { [$0.name] + $0.alternateNames }.map { $0.lowercased() }
            .filter { $0.count >= 3 })).sorted()
        var sliceBytes = 0
        var slice: [Report] = []
        for r in reports where sliceBytes < 60_000 { slice.append(r); sliceBytes += r.text.utf8.count }
        var hits = 0
        let naive = measureSeconds {
            for r in slice {
                let text = r.text.lowercased()
                for n in names where text.contains(n) { hits += 1 }
            }
        }
        precondition(events > 0 && hits > 0)
        let mb = Double(bytes) / 1e6, smb = Double(sliceBytes) / 1e6
        table.add("extract events (one core)", size: "\(BenchFormat.grouped(mb, decimals: 1)) MB, \(reports.count) reports",
                  "\(BenchFormat.grouped(mb / seconds, decimals: 2)) MB/s (\(BenchFormat.grouped(Double(events))) events)",
                  baseline: "contains() per gazetteer name (\(names.count) names, \(BenchFormat.grouped(smb, decimals: 1)) MB): "
                    + "\(BenchFormat.grouped(smb / naive, decimals: 3)) MB/s")
    }
}
