import EventModel
import GeoModel
import Geodesy
import Places

/// The layers that are not events: the places the events name, highways, borders and governorates,
/// and the footprints of region-level events. Every polygon is wound right-handed (RFC 7946 §3.1.6).
public enum BaseLayers {
    /// One Point per place of `events`: keyed by gazetteer id, or by name when the event carries no id, with
    /// the gazetteer's `id`, `name`, `kind`, `admin1` and `source` when known, the place's `event_count`, and
    /// the `first_day` and `last_day` of its dated events (null when none is dated); sorted by name, then key.
    /// A place the gazetteer knows stands at its own point; one it lacks at its first event's point (events
    /// in the order given). Events near a place the gazetteer lacks (precision 2 without an id) have no
    /// point of their own and are left out, as are events without a coordinate.
    /// One pass over the events with an integer slot per place; only the places are sorted.
    public static func places(of events: [Event], gazetteer: Gazetteer?) -> FeatureCollection {
        var slots: [PlaceKey: Int] = [:]
        var tallies: [PlaceTally] = []
        events.withUnsafeBufferPointer { all in  // read in place: no copy of each event's strings
            for i in all.indices {
                guard let c = all[i].coordinate else { continue }
                let key: PlaceKey = all[i].placeID.map(PlaceKey.id) ?? .name(all[i].place)
                if all[i].placeID == nil, all[i].geoPrecision == 2 { continue }
                if let slot = slots[key] {
                    tallies[slot].add(start: all[i].start, end: all[i].end)
                } else {
                    slots[key] = tallies.count
                    tallies.append(PlaceTally(key: key, first: all[i], coordinate: c))
                }
            }
        }
        let features = tallies.map { $0.feature(gazetteer: gazetteer) }.sorted { a, b in
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
        events.withUnsafeBufferPointer { all in
            for i in all.indices where all[i].geoPrecision == 3 {
                guard let id = all[i].placeID, gazetteer?.region(id: id) != nil else { continue }
                ids[id, default: []].append(all[i].id)
            }
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
