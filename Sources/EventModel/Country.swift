/// A country as ACLED's columns name it: ISO 3166-1 codes, a short English name and ACLED's region.
public struct Country: Hashable, Sendable {
    /// ISO 3166-1 alpha-2 ("SY").
    public var code: String
    /// ISO 3166-1 numeric (760), ACLED's `iso` column.
    public var numeric: Int
    /// The short English name ("Syria").
    public var name: String
    /// ACLED's region ("Middle East").
    public var region: String

    /// The country of an alpha-2 code (any case), or nil.
    public static func code(_ alpha2: String) -> Country? { byCode[alpha2.uppercased()] }

    /// The country of a name as ACLED writes it (any case), or nil.
    public static func named(_ name: String) -> Country? { byName[name.lowercased()] }

    private static let byCode = Dictionary(uniqueKeysWithValues: table.map { ($0.code, $0) })
    private static let byName = Dictionary(table.map { ($0.name.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })
}
