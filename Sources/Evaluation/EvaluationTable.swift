import EventModel
import Extraction
import FileIO
import GeoModel

/// `placemap evaluate`'s text report for a terminal: the overall lines first, then per theatre, per
/// article, every missed gold row and every false event (with its sentence and the closest row).
public enum EvaluationTable {
    /// The whole report, ending in a line end.
    public static func render(_ r: EvaluationResult) -> String {
        var out = overall(r)
        out += "\nby theatre\n" + columns([["theatre", "articles"] + scoreHeader + (r.toponyms != nil ? ["toponyms", "misused"] : [])]
            + r.theatres.map { t in
                [t.name, "\(t.articles)"] + scoreCells(t.tally) + (t.toponyms.map(toponymCells) ?? [])
            })
        out += "\nby article\n" + columns([["article", "theatre"] + scoreHeader + ["type", "fatal."] + (r.toponyms != nil ? ["toponyms", "misused"] : [])]
            + r.articles.map { a in
                [display(a.article), a.theatre] + scoreCells(a.tally)
                    + [percent(a.tally.typeExactShare), percent(a.tally.fatalitiesExactShare)]
                    + (a.toponyms.map { toponymCells($0.tally) } ?? [])
            })
        out += misses(r)
        out += falseEvents(r)
        if !r.goldArticlesNotGiven.isEmpty {
            out += "\ngold articles not among the inputs (not scored): \(r.goldArticlesNotGiven.joined(separator: ", "))\n"
        }
        return out
    }

    static let scoreHeader = ["gold", "found", "events", "matched", "bg", "recall", "precision", "F1"]

    /// The headline: events, then toponyms when scored.
    static func overall(_ r: EvaluationResult) -> String {
        let t = r.overall
        var s = "overall   recall \(percent(t.recall)) (\(t.goldFound)/\(t.goldRows))"
            + "  precision \(percent(t.precision)) (\(t.eventsMatched)/\(t.scoredEvents))  F1 \(percent(t.f1))\n"
        s += "          type exact \(percent(t.typeExactShare)) (\(t.typeExact)/\(t.goldFound))"
            + "  fatalities exact \(percent(t.fatalitiesExactShare)) (\(t.fatalitiesExact)/\(t.goldFound))"
            + "  claimed exact \(percent(t.claimedExactShare)) (\(t.claimedExact)/\(t.goldFound))\n"
        s += "          background rows found \(t.backgroundFound)/\(t.backgroundRows) (\(percent(t.backgroundRecall)))"
            + ", \(t.eventsOnBackground) events on background rows (left out of precision)"
            + (t.actorsUnchecked > 0 ? "; \(t.actorsUnchecked) gold actors without a lexicon side (actor not checked)" : "") + "\n"
        if let tp = r.toponyms {
            s += "toponyms  event locations placed within 2 km \(percent(tp.share)) (\(tp.placed)/\(tp.eventLocations))"
                + "  dateline/description places used as event places: \(tp.misused)\n"
        }
        for w in r.warnings { s += "warning: \(w)\n" }
        return s
    }

    static func scoreCells(_ t: Tally) -> [String] {
        ["\(t.goldRows)", "\(t.goldFound)", "\(t.events)", "\(t.eventsMatched)", "\(t.backgroundFound)/\(t.backgroundRows)",
         percent(t.recall), percent(t.precision), percent(t.f1)]
    }

    static func toponymCells(_ t: ToponymTally) -> [String] {
        ["\(percent(t.share)) (\(t.placed)/\(t.eventLocations))", "\(t.misused)"]
    }

    /// Every missed gold row, discrete ones first, each with the closest event and what it fails.
    static func misses(_ r: EvaluationResult) -> String {
        let all = r.articles.flatMap { a in a.missed.map { (a, $0) } }
        var s = ""
        for background in [false, true] {
            let some = all.filter { $0.0.gold[$0.1.gold].isBackground == background }
            s += "\nmissed \(background ? "background" : "gold") rows (\(some.count))\n"
            for (a, m) in some {
                let g = a.gold[m.gold]
                s += "  \(display(a.article)) #\(g.row)  \(span(g.dates.start, g.dates.end, undated: "…"))  \(g.place) (\(g.geoPrecision))"
                    + "  \(g.type.rawValue) / \(g.subType)  \(g.actor1)\n"
                s += "      " + why(m.why, other: m.why.other.map { summary(a.events[$0]) },
                                   taken: m.why.takenBy.map { "row #\(a.gold[$0].row)" }, none: "no event in this article") + "\n"
            }
        }
        return s
    }

    /// Every event matching no row, with its sentence and the closest row.
    static func falseEvents(_ r: EvaluationResult) -> String {
        let all = r.articles.flatMap { a in a.falseEvents.map { (a, $0) } }
        var s = "\nfalse events (\(all.count))\n"
        for (a, f) in all {
            let e = a.events[f.event]
            s += "  \(display(a.article)) \(summary(e))  [\(e.actorNames.joined(separator: "; "))]\n"
            s += "      \"\(e.sources.first?.sentence ?? "")\"\n"
            s += "      " + why(f.why, other: f.why.other.map { "row #\(a.gold[$0].row) \(a.gold[$0].place)" },
                               taken: f.why.takenBy.map { summary(a.events[$0]) }, none: "no gold row in this article") + "\n"
        }
        return s
    }

    /// "closest: X — fails date, place (12.3 km)" or "… met every rule but was taken by Y".
    static func why(_ n: NearMiss, other: String?, taken: String?, none: String) -> String {
        guard let other else { return none }
        let km = n.metres.map { " (\(NumberFormat.fixed($0 / 1000, 1)) km)" } ?? ""
        if n.failed.isEmpty { return "closest: \(other)\(km) met every rule but matched \(taken ?? "another")" }
        return "closest: \(other)\(km) — fails \(n.failed.map(\.rawValue).joined(separator: ", "))"
    }

    /// An event in one phrase: id, dates, place (precision), type / sub-type.
    static func summary(_ e: Event) -> String {
        let place = e.unresolvedPlace.map { "\(e.place) for '\($0)'" } ?? e.place
        return "\(e.id) \(span(e.start, e.end, undated: "undated")) \(place) (\(e.geoPrecision)) \(e.type.rawValue) / \(e.category)"
    }

    /// `start..end`, one day alone, `undated` for an event without dates or `…..end` for an undated gold row.
    static func span(_ start: Day?, _ end: Day?, undated: String) -> String {
        guard let end = end ?? start else { return undated }
        guard let start else { return "\(undated)..\(end)" }
        return start == end ? "\(start)" : "\(start)..\(end)"
    }

    /// A fraction as a percentage with one decimal, "—" when undefined.
    static func percent(_ x: Double?) -> String { x.map { NumberFormat.fixed($0 * 100, 1) + "%" } ?? "—" }

    /// An article name without its `.txt`.
    static func display(_ name: String) -> String { name.hasSuffix(".txt") ? String(name.dropLast(4)) : name }

    /// Rows as left-aligned columns two spaces apart (the first row is the header), ending in a line end.
    static func columns(_ rows: [[String]]) -> String {
        let count = rows.map(\.count).max() ?? 0
        let widths = (0..<count).map { c in rows.map { c < $0.count ? $0[c].count : 0 }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { c, cell in
                c == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[c] - cell.count)
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}
