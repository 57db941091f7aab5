import EventModel
import GeoModel
import Geodesy
import Places

/// The layers that are not events: the places the events name, highways, borders and governorates,
/// and the footprints of region-level events. Every polygon is wound right-handed (RFC 7946 §3.1.6).
public enum BaseLayers {
    /// One Point per distinct place of `events` (by gazetteer id, else by name and position), with the
    /// gazetteer's `id`, `name`, `kind`, `admin1` when known, and `event_count`; sorted by name, then id.
    public static func places(of events: [Event], gazetteer: Gazetteer?) -> FeatureCollection {
        var byKey: [String: (feature: Feature, count: Int)] = [:]
        for e in events {
            guard let c = e.coordinate else { continue }
            let key = e.placeID ?? "\(e.place)@\(FixedDecimal.string(c.lon)),\(FixedDecimal.string(c.lat))"
            if let entry = byKey[key] { byKey[key] = (entry.feature, entry.count + 1); continue }
            var props: [String: JSONValue] = ["id": .string(e.placeID), "name": .string(e.place)]
            var point = c
            if let id = e.placeID, let p = gazetteer?.place(id: id) {
                props = ["id": .string(p.id), "name": .string(p.name), "kind": .string(p.kind.rawValue),
                         "admin1": .string(p.admin1), "source": .string(p.source)]
                point = p.coordinate
            } else if e.geoPrecision == 2 {
                continue  // near a place the gazetteer lacks: no point of its own to show
            }
            byKey[key] = (Feature(id: .string(key), geometry: .point(point), properties: props), 1)
        }
        let features = byKey.values.map { entry -> Feature in
            var f = entry.feature
            f.properties?["event_count"] = .int(entry.count)
            return f
        }.sorted { a, b in
            let na = a[property: "name"]?.stringValue ?? "", nb = b[property: "name"]?.stringValue ?? ""
            return na != nb ? na < nb : (a.id?.stringValue ?? "") < (b.id?.stringValue ?? "")
        }
        return collection(features, name: "places", attribution: Attribution.text(for: gazetteer))
    }

    /// The gazetteer's highways as LineStrings with `id`, `name`, `via` (joined by "; "), `known_error_km`, their geodesic
    /// `length_km` (three decimals) and `source`.
    public static func highways(_ gazetteer: Gazetteer) -> FeatureCollection {
        let features = gazetteer.highways.map { h -> Feature in
            Feature(id: .string(h.id), geometry: .lineString(h.line), properties: [
                "id": .string(h.id), "name": .string(h.name), "via": .string(h.via.joined(separator: FlatText.listSeparator)),
                "known_error_km": .number(h.knownErrorKm), "length_km": km(Geodesic.wgs84.length(of: h.line)),
                "source": .string(h.source),
            ])
        }
        return collection(features, name: "highways", attribution: Attribution.text(for: gazetteer))
    }

    /// The gazetteer's borders (Syria's outline, the Syria–Turkey border: `kind` "country_outline" and
    /// "border") followed by the governorates (`kind` "governorate"), with `id`, `name`, `kind`, `source`.
    public static func borders(_ gazetteer: Gazetteer) -> FeatureCollection {
        var features: [Feature] = gazetteer.borders.features.map { f in
            let p = f.properties ?? [:]
            return Feature(id: p["id"], geometry: f.geometry?.rightHanded, properties: [
                "id": p["id"] ?? .null, "name": p["name"] ?? .null, "kind": p["kind"] ?? .null,
                "source": p["source"] ?? .null,
            ])
        }
        features += gazetteer.regions.map { r in
            Feature(id: .string(r.id), geometry: r.geometry.rightHanded, properties: [
                "id": .string(r.id), "name": .string(r.name), "kind": "governorate",
                "label_lon": .number(r.label.lon), "label_lat": .number(r.label.lat),
                "boundary": .string(r.boundary), "source": .string(r.source),
            ])
        }
        return collection(features, name: "borders", attribution: Attribution.text(for: gazetteer))
    }

    /// The polygons of the regions that region-level events (precision 3) stand for, one feature per
    /// region with the `event_ids` (joined by "; ") placed at its label point; sorted by region id.
    public static func footprints(of events: [Event], gazetteer: Gazetteer?) -> FeatureCollection {
        var ids: [String: [String]] = [:]
        for e in events where e.geoPrecision == 3 {
            guard let id = e.placeID, gazetteer?.region(id: id) != nil else { continue }
            ids[id, default: []].append(e.id)
        }
        let features = ids.keys.sorted().compactMap { id -> Feature? in
            guard let r = gazetteer?.region(id: id) else { return nil }
            return Feature(id: .string(id), geometry: r.geometry.rightHanded, properties: [
                "id": .string(id), "name": .string(r.name), "kind": "footprint",
                "event_ids": .string(ids[id]!.joined(separator: FlatText.listSeparator)), "boundary": .string(r.boundary),
            ])
        }
        return collection(features, name: "footprints", attribution: Attribution.text(for: gazetteer))
    }

    /// A FeatureCollection with its bbox and the `attribution` and `name` members.
    public static func collection(_ features: [Feature], name: String, attribution: String = Attribution.text) -> FeatureCollection {
        FeatureCollection(features: features, foreignMembers: Attribution.members(name: name, text: attribution))
            .withComputedBoundingBox()
    }

    /// Kilometres rounded to metres, for stable output.
    static func km(_ metres: Double) -> JSONValue { .number(metres.rounded() / 1000) }
}
