/// ACLED's actor types (the `inter1`/`inter2` codes, written as ACLED's current files write them).
public enum ActorKind: String, Sendable, Hashable, CaseIterable, Comparable {
    case stateForces = "State forces"
    case rebelGroup = "Rebel group"
    case politicalMilitia = "Political militia"
    case identityMilitia = "Identity militia"
    case rioters = "Rioters"
    case protesters = "Protesters"
    case civilians = "Civilians"
    /// International forces, foreign state forces acting outside their own country, private contractors.
    case external = "External/Other forces"

    /// ACLED's numeric inter code, 1 (state forces) to 8 (external/other forces).
    public var code: Int { ActorKind.allCases.firstIndex(of: self)! + 1 }

    /// The kind named by `text` (its name, ignoring case, or its numeric code 1–8), or nil.
    public init?(named text: String) {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let n = Int(t), (1...8).contains(n) { self = ActorKind.allCases[n - 1]; return }
        guard let k = ActorKind.allCases.first(where: { $0.rawValue.lowercased() == t }) else { return nil }
        self = k
    }

    /// ACLED's `interaction` of two kinds: "State forces-Rebel group" (the lower code first), or
    /// "Rebel group only" when there is no second actor.
    public static func interaction(_ a: ActorKind?, _ b: ActorKind?) -> String? {
        switch (a, b) {
        case (nil, nil): return nil
        case let (x?, nil), let (nil, x?): return "\(x.rawValue) only"
        case let (x?, y?): return x <= y ? "\(x.rawValue)-\(y.rawValue)" : "\(y.rawValue)-\(x.rawValue)"
        }
    }

    public static func < (a: ActorKind, b: ActorKind) -> Bool { a.code < b.code }
}

/// A party to an event: its display name and, when known, its ACLED actor type.
public struct Actor: Hashable, Sendable, CustomStringConvertible {
    /// The display name ("Syrian government forces", "Turkish military", "Civilians").
    public var name: String
    /// The ACLED actor type, or nil when the source does not say (an associate read from a file).
    public var kind: ActorKind?

    /// An actor.
    public init(_ name: String, kind: ActorKind? = nil) { self.name = name; self.kind = kind }

    /// The actor named when a report names victims but no one who acted (ACLED: an unidentified armed group,
    /// coded as a political militia).
    public static let unidentified = Actor("Unidentified armed group", kind: .politicalMilitia)

    /// True for the unidentified placeholder.
    public var isUnidentified: Bool { name == Actor.unidentified.name }

    public var description: String { name }
}

import Foundation
