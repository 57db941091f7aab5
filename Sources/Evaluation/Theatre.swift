import GeoModel
import Places

/// The theatre of an article (Syria, Ukraine, …), for the per-theatre scores.
///
/// Rule, in order:
/// 1. the gazetteer: each gold point of the article (its gold rows' points and its event-location mentions'
///    points) takes the country of the nearest gazetteer settlement or governorate within 50 km (geodesic);
///    the article takes the country most of its points have (ties: the first in alphabetical order of
///    code), named by the gazetteer's country place of that code when it has one (else the code);
/// 2. else the gold toponyms: the country mentioned most often in the article (mentions of kind `country`,
///    by gold place name; ties: the first mentioned);
/// 3. else `Theatre.unplaced`.
/// So the theatres follow what the gazetteer knows: a country imported into it is recognised from its
/// places, with no list of theatres in the code.
public enum Theatre {
    /// The name of an article whose theatre neither the gazetteer nor the mentions tell.
    public static let unplaced = "unplaced"
    /// How far the nearest gazetteer place may lie from a gold point: 50 km.
    public static let searchMetres = 50_000.0

    /// The theatre of one article from its gold rows and mentions.
    public static func of(gold: [GoldEvent], toponyms: [GoldToponym], gazetteer: Gazetteer) -> String {
        let points = gold.compactMap(\.coordinate) + toponyms.filter { $0.role == .eventLocation }.compactMap(\.coordinate)
        var counts: [String: Int] = [:]
        let kinds: Set<PlaceKind> = [.city, .town, .village, .capital, .governorate, .airbase, .observationPost, .crossing]
        for p in points {
            guard let nearest = gazetteer.nearest(to: p, limit: 1, kinds: kinds).first,
                  nearest.metres <= searchMetres else { continue }
            counts[nearest.place.country, default: 0] += 1
        }
        if let code = counts.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }).first?.key {
            return gazetteer.places.first { $0.kind == .country && $0.country == code }?.name ?? code
        }
        var named: [(name: String, count: Int, first: Int)] = []
        for t in toponyms.sorted(by: { $0.charOffset < $1.charOffset }) where t.kind == .country {
            if let k = named.firstIndex(where: { $0.name == t.placeName }) { named[k].count += 1 } else {
                named.append((t.placeName, 1, named.count))
            }
        }
        return named.min { $0.count != $1.count ? $0.count > $1.count : $0.first < $1.first }?.name ?? unplaced
    }
}
