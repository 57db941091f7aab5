import EventModel
import GeoModel

/// Many varied events (more than one formatting block of 4096), deterministic: every optional field
/// both present and absent, strings that need escaping, multi-day, ongoing and undated events.
public enum VariedEvents {
    public static let words = ["Saraqeb", "Taftanaz", "Nairab", "Idleb", "Tell \"Sultan\"", "back\\slash", "line\nbreak",
                        "tab\there", "bell\u{07}", "Ma'arat al-Nu'man", "Sarmīn", "✓ checked", "", "a"]

    public static func make(_ count: Int, seed: UInt64 = 7) -> [Event] {
        var g = SplitMix64(seed: seed)
        func word() -> String { words.randomElement(using: &g)! }
        func maybe<T>(_ value: @autoclosure () -> T) -> T? { Bool.random(using: &g) ? value() : nil }
        let day0 = Day(iso: "2020-01-20")!
        return (0..<count).map { i in
            let start: Day? = Int.random(in: 0..<20, using: &g) == 0 ? nil : day0.adding(days: Int.random(in: 0..<40, using: &g))
            let span = [0, 0, 0, 0, 1, 2, 6, 7, 9].randomElement(using: &g)!
            let end = start.map { $0.adding(days: span) }
            var lon = Double.random(in: 35...38, using: &g), lat = Double.random(in: 34...37, using: &g)
            if i % 97 == 0 { lon = Double.random(in: -1...1, using: &g); lat = Double.random(in: -0.5...0.5, using: &g) }
            let sources = (0..<Int.random(in: 0...3, using: &g)).map { k in
                EventSource(report: "r\(k).txt", sentence: word() + " " + word(), charStart: k * 10, charEnd: k * 10 + 9)
            }
            func actor() -> Actor { Actor(word(), kind: maybe(ActorKind.allCases.randomElement(using: &g)!)) }
            let category = i % 13 == 0 ? EventCategory(.statement)
                : (i % 7 == 0 ? EventCategory(unspecified: EventType.allCases.randomElement(using: &g)!)
                    : EventCategory(SubEventType.allCases.randomElement(using: &g)!))
            return Event(id: "e\(i)", category: category,
                         start: start, end: end, datePrecision: start == nil ? .unknown : (span == 0 ? .day : .span),
                         place: word(), placeID: maybe("pm:\(i)"), coordinate: i % 31 == 0 ? nil : Coordinate(lon: lon, lat: lat),
                         geoPrecision: Int.random(in: 1...3, using: &g), direction: maybe(word()), country: maybe("SY"),
                         admin1: maybe(word()), admin2: maybe(word()), admin3: maybe(word()), actor1: maybe(actor()),
                         assocActor1: (0..<Int.random(in: 0...2, using: &g)).map { _ in actor() }, actor2: maybe(actor()),
                         assocActor2: (0..<Int.random(in: 0...2, using: &g)).map { _ in actor() },
                         fatalities: maybe(Int.random(in: 0...500, using: &g)), fatalitiesClaimed: maybe(Int.random(in: 0...90, using: &g)),
                         fatalitiesDetail: maybe(word()), claimed: Bool.random(using: &g),
                         displaced: maybe(Int.random(in: 0...900_000, using: &g)),
                         unresolvedPlace: maybe(word()), sources: sources, notes: maybe(word()))
        }
    }
}
