import Foundation
import Geodesy

/// Places that share a folding key: the price of folding spellings strongly.
public struct KeyCollision: Sendable {
    /// The shared key.
    public var key: String
    /// The distinct places reachable under it, in gazetteer order.
    public var places: [Place]
    /// True when the places also share a name before the vowel and consonant folding (same lower-cased
    /// name without diacritics, marks and articles): a real namesake, not an artefact of folding.
    public var sameName: Bool
    /// The largest geodesic distance between two of the places, in metres.
    public var spreadMetres: Double
}

extension Gazetteer {
    /// Every key that more than one place answers to, sorted by key. Collisions between a governorate
    /// and its own capital ("Idlib") count too; `sameName` tells namesakes from folding artefacts.
    public func keyCollisions() -> [KeyCollision] {
        let g = Geodesic.wgs84
        var out: [KeyCollision] = []
        for (key, entries) in index where entries.count > 1 {
            let ps = entries.map { places[$0.place] }
            var spread = 0.0
            for a in ps.indices { for b in ps.indices where b > a {
                spread = max(spread, g.distance(from: ps[a].coordinate, to: ps[b].coordinate))
            } }
            // The names of each place that fold to this key, folded lightly.
            let light = ps.map { p in Set(([p.name] + Gazetteer.derivedNames(of: p)
                                           + p.alternateNames.filter { !Gazetteer.isMachineTransliteration($0) })
                .filter { NameKey.fold($0) == key }.map(Gazetteer.lightKey)) }
            let shared = light.dropFirst().reduce(light.first ?? []) { $0.intersection($1) }
            out.append(KeyCollision(key: key, places: ps, sameName: !shared.isEmpty, spreadMetres: spread))
        }
        return out.sorted { $0.key < $1.key }
    }

    /// Lower case, letters and digits only, without diacritics and articles: "al-Nayrab" → "nayrab".
    static func lightKey(_ name: String) -> String {
        NameKey.scan(name).filter { !$0.isArticle }
            .map { String(name[$0.range(in: name)]).lowercased().decomposedLetters }.joined(separator: " ")
    }
}

extension String {
    /// The letters and digits of the string, without combining marks or apostrophes.
    var decomposedLetters: String {
        String(String.UnicodeScalarView(decomposedStringWithCanonicalMapping.unicodeScalars.filter {
            NameKey.isLetterOrDigit($0) && $0.properties.generalCategory != .nonspacingMark
        }))
    }
}
