/// Errors of the event model's values, each one line (the readers add the file and line).
public enum EventModelError: Error, Sendable, Equatable, CustomStringConvertible {
    /// An event type that is not one of ACLED's (or "Statement").
    case unknownType(String)
    /// A sub-event type no table row names.
    case unknownSubType(String)
    /// An event type that is not the sub-type's.
    case typeMismatch(type: String, subType: String)
    /// An actor type that is not one of ACLED's.
    case unknownActorKind(String)
    /// A value out of its range (a negative count, a span of centuries, an empty id).
    case outOfRange(field: String, message: String)

    public var description: String {
        switch self {
        case .unknownType(let t):
            return (t.isEmpty ? "no event type" : "unknown event type \"\(t)\"")
                + " (one of: \(EventType.allCases.map(\.rawValue).joined(separator: ", ")))"
        case .unknownSubType(let s):
            return "unknown sub-event type \"\(s)\" (one of: \(SubEventType.allCases.map(\.rawValue).joined(separator: ", ")))"
        case .typeMismatch(let t, let s): return "\"\(s)\" is not a sub-event type of \"\(t)\""
        case .unknownActorKind(let k):
            return "unknown actor type \"\(k)\" (one of: \(ActorKind.allCases.map(\.rawValue).joined(separator: ", ")))"
        case .outOfRange(let f, let m): return "\(f): \(m)"
        }
    }
}
