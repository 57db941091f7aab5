import EventModel
import Extraction
import FileIO
import GeoModel

/// `placemap evaluate --format json`: one object. Top level: `recall`, `precision`, `f1` (fractions 0–1,
/// background rows apart; null when undefined), `type_exact`, `fatalities_exact`, `claimed_exact`,
/// `background_recall`, `counts`, `articles` (keyed by file name, the same scores per article with their
/// missed rows and false events), `theatres` (keyed by name), `toponyms` (with `--toponyms`),
/// `gold_articles_not_given` and `warnings`. Keys are sorted; fractions have at most 4 decimals.
public enum EvaluationJSON {
    /// The whole result as one JSON object (no trailing line end).
    public static func encode(_ r: EvaluationResult) -> String {
        var top = scores(r.overall)
        top["articles"] = .object(Dictionary(r.articles.map { ($0.article, article($0)) }, uniquingKeysWith: { a, _ in a }))
        top["theatres"] = .object(Dictionary(r.theatres.map { t in
            var o = scores(t.tally)
            o["articles"] = .int(t.articles)
            if let tt = t.toponyms { o["toponyms"] = toponyms(tt) }
            return (t.name, JSONValue.object(o))
        }, uniquingKeysWith: { a, _ in a }))
        if let t = r.toponyms { top["toponyms"] = toponyms(t) }
        top["gold_articles_not_given"] = .array(r.goldArticlesNotGiven.map { .string($0) })
        top["warnings"] = .array(r.warnings.map { .string($0) })
        return JSONWriter.string(.object(top))
    }

    /// A fraction rounded to 4 decimals, or null.
    static func fraction(_ x: Double?) -> JSONValue { .number(x.map { ($0 * 10_000).rounded() / 10_000 }) }

    /// The scores and counts of a tally.
    static func scores(_ t: Tally) -> [String: JSONValue] {
        [
            "recall": fraction(t.recall), "precision": fraction(t.precision), "f1": fraction(t.f1),
            "type_exact": fraction(t.typeExactShare), "fatalities_exact": fraction(t.fatalitiesExactShare),
            "claimed_exact": fraction(t.claimedExactShare), "background_recall": fraction(t.backgroundRecall),
            "counts": .object([
                "gold_rows": .int(t.goldRows), "gold_found": .int(t.goldFound),
                "background_rows": .int(t.backgroundRows), "background_found": .int(t.backgroundFound),
                "events": .int(t.events), "events_matched": .int(t.eventsMatched),
                "events_on_background": .int(t.eventsOnBackground), "type_exact": .int(t.typeExact),
                "fatalities_exact": .int(t.fatalitiesExact), "claimed_exact": .int(t.claimedExact),
                "actors_unchecked": .int(t.actorsUnchecked),
            ]),
        ]
    }

    static func toponyms(_ t: ToponymTally) -> JSONValue { .object(toponymFields(t)) }

    static func toponymFields(_ t: ToponymTally) -> [String: JSONValue] {
        ["event_locations": .int(t.eventLocations), "placed_within_2km": .int(t.placed),
         "share": fraction(t.share), "misused": .int(t.misused)]
    }

    /// One article: its scores, theatre, misses, false events and toponyms.
    static func article(_ a: ArticleResult) -> JSONValue {
        var o = scores(a.tally)
        o["theatre"] = .string(a.theatre)
        o["missed"] = .array(a.missed.map { m in
            let g = a.gold[m.gold]
            var x: [String: JSONValue] = [
                "row": .int(g.row), "place": .string(g.place), "date_start": .string(g.dates.start?.description),
                "date_end": .string(g.dates.end.description), "event_type": .string(g.type.rawValue),
                "sub_event_type": .string(g.subType), "actor1": .string(g.actor1), "background": .bool(g.isBackground),
                "closest_event": .string(m.why.other.map { a.events[$0].id }),
                "taken_by_row": .int(m.why.takenBy.map { a.gold[$0].row }),
            ]
            x.merge(why(m.why)) { a, _ in a }
            return .object(x)
        })
        o["false_events"] = .array(a.falseEvents.map { f in
            let e = a.events[f.event]
            var x: [String: JSONValue] = [
                "id": .string(e.id), "place": .string(e.place), "unresolved_place": .string(e.unresolvedPlace),
                "start": .string(e.start?.description), "end": .string(e.end?.description), "type": .string(e.type.rawValue),
                "sub_type": .string(e.subType?.rawValue), "actors": .array(e.actorNames.map { .string($0) }),
                "sentence": .string(e.sources.first?.sentence), "closest_row": .int(f.why.other.map { a.gold[$0].row }),
                "taken_by_event": .string(f.why.takenBy.map { a.events[$0].id }),
            ]
            x.merge(why(f.why)) { a, _ in a }
            return .object(x)
        })
        if let t = a.toponyms {
            var tj = toponymFields(t.tally)
            tj["unplaced"] = .array(t.unplaced.map { u in
                .object(["mention": .string(u.mention), "char_offset": .int(u.charOffset), "place_name": .string(u.placeName)])
            })
            tj["misused_mentions"] = .array(t.misused.map { m in
                .object(["mention": .string(m.toponym.mention), "char_offset": .int(m.toponym.charOffset),
                         "role": .string(m.toponym.role.rawValue), "event": .string(a.events[m.event].id)])
            })
            o["toponyms"] = .object(tj)
        }
        o["warnings"] = .array(a.warnings.map { .string($0) })
        return .object(o)
    }

    /// The failed criteria and the distance of a near miss.
    static func why(_ n: NearMiss) -> [String: JSONValue] {
        ["fails": .array(n.failed.map { .string($0.rawValue) }),
         "distance_km": .number(n.metres.map { ($0 / 100).rounded() / 10 })]
    }
}
