import EventModel
import GeoModel

/// The words and ranking a map's title and labels share (map.svg and index.html).
public enum MapTitle {
    /// "Idlib: conflict events, 3–6 February 2020" (region and dates each left out when unknown).
    public static func text(region: String?, dates: String?) -> String {
        (region.map { "\($0): " } ?? "") + "conflict events" + (dates.map { ", \($0)" } ?? "")
    }

    /// The governorate most events' places lie in (by `admin1` and `event_count` of the places layer);
    /// ties go to the name first in order. Nil when no place says.
    public static func commonRegion(_ places: FeatureCollection) -> String? {
        var counts: [String: Int] = [:]
        for f in places.features {
            guard let props = f.properties, let a = props["admin1"]?.stringValue, !a.isEmpty else { continue }
            counts[a, default: 0] += props["event_count"]?.intValue ?? 1
        }
        return counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
    }

    /// The first `limit` point places worth a label (not governorates or countries), most-named first,
    /// then by id. Reads each feature's properties once and sorts small keys, not features.
    public static func rankedPlaces(_ places: FeatureCollection, limit: Int) -> [Feature] {
        typealias Key = (count: Int, id: String, index: Int)
        func before(_ a: Key, _ b: Key) -> Bool { a.count != b.count ? a.count > b.count : a.id < b.id }
        // The best `limit` so far, in order: a place enters only when it beats the last (a bounded
        // insertion, so that a million places cost a million comparisons, not a sort).
        var best: [Key] = []
        guard limit > 0 else { return [] }
        for (i, f) in places.features.enumerated() {
            guard case .point? = f.geometry, let props = f.properties else { continue }
            let kind = props["kind"]?.stringValue
            guard kind != "governorate" && kind != "country" else { continue }
            let key: Key = (props["event_count"]?.intValue ?? 0, f.id?.stringValue ?? "", i)
            if best.count == limit {
                guard before(key, best[limit - 1]) else { continue }
                best.removeLast()
            }
            var lo = 0, hi = best.count
            while lo < hi { let mid = (lo + hi) / 2; if before(best[mid], key) { lo = mid + 1 } else { hi = mid } }
            best.insert(key, at: lo)
        }
        return best.map { places.features[$0.index] }
    }
}

/// English date text for map titles.
public enum DateText {
    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                         "October", "November", "December"]

    /// "6 February 2020".
    public static func day(_ d: Day) -> String {
        let c = d.components
        return "\(c.day) \(months[c.month - 1]) \(c.year)"
    }

    /// "3–6 February 2020", "30 January – 2 February 2020", "30 December 2019 – 2 January 2020".
    public static func range(_ a: Day, _ b: Day) -> String {
        let x = a.components, y = b.components
        if a == b { return day(a) }
        if x.year == y.year && x.month == y.month { return "\(x.day)–\(y.day) \(months[y.month - 1]) \(y.year)" }
        if x.year == y.year { return "\(x.day) \(months[x.month - 1]) – \(y.day) \(months[y.month - 1]) \(y.year)" }
        return "\(day(a)) – \(day(b))"
    }
}
