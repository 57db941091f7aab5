/// What name folding asks of a Unicode scalar (letter or digit, combining mark, capital, Latin base letters),
/// answered from tables for the scripts of the gazetteer's names (U+0000–U+06FF: Latin, Greek, Cyrillic, Armenian,
/// Hebrew, Arabic; U+1E00–U+1EFF: Latin Extended Additional) and from the Unicode properties elsewhere.
///
/// The tables are filled once per process from the same `Unicode.Scalar.Properties` the slow path asks, so both
/// paths give the same answers; they only spare the property lookups that dominated loading 11,000 names.
enum ScalarClass {
    /// Bit 0: letter or digit; bit 1: non-spacing (combining) mark; bit 2: upper case or a letter without case.
    private static let low: [UInt8] = (0..<0x700).map { flags(Unicode.Scalar(UInt32($0))) }
    private static let additional: [UInt8] = (0x1E00..<0x1F00).map { flags(Unicode.Scalar(UInt32($0))) }
    /// `latinBase` as arrays over the same two ranges (nil: no Latin base letters).
    private static let lowBase: [String?] = (0..<0x700).map { Places.latinBase[UInt32($0)] }
    private static let additionalBase: [String?] = (0x1E00..<0x1F00).map { Places.latinBase[UInt32($0)] }

    private static func flags(_ s: Unicode.Scalar?) -> UInt8 {
        guard let s else { return 0 }
        let p = s.properties
        var f: UInt8 = 0
        if p.isAlphabetic || p.numericType != nil { f |= 1 }
        if p.generalCategory == .nonspacingMark { f |= 2 }
        if p.isUppercase || !p.changesWhenCaseMapped { f |= 4 }
        return f
    }

    @inline(__always) private static func table(_ v: UInt32) -> UInt8? {
        if v < 0x700 { return low[Int(v)] }
        if v >= 0x1E00, v < 0x1F00 { return additional[Int(v - 0x1E00)] }
        return nil
    }

    /// True for a letter or digit of any script (Unicode `Alphabetic` or a numeric type).
    @inline(__always) static func isLetterOrDigit(_ s: Unicode.Scalar) -> Bool {
        if let f = table(s.value) { return f & 1 != 0 }
        return s.properties.isAlphabetic || s.properties.numericType != nil
    }

    /// True for a non-spacing combining mark (a diacritic, an Arabic haraka or shadda).
    @inline(__always) static func isNonspacingMark(_ s: Unicode.Scalar) -> Bool {
        if let f = table(s.value) { return f & 2 != 0 }
        return s.properties.generalCategory == .nonspacingMark
    }

    /// True for an upper-case letter or a letter without case (Arabic): a word that may start a name.
    @inline(__always) static func isCapitalOrCaseless(_ s: Unicode.Scalar) -> Bool {
        if let f = table(s.value) { return f & 4 != 0 }
        return s.properties.isUppercase || !s.properties.changesWhenCaseMapped
    }

    /// The lower-case ASCII base letters of a Latin letter with diacritics (`latinBase`), or nil.
    @inline(__always) static func latinBase(of s: Unicode.Scalar) -> String? {
        let v = s.value
        if v < 0x700 { return lowBase[Int(v)] }
        if v >= 0x1E00, v < 0x1F00 { return additionalBase[Int(v - 0x1E00)] }
        return Places.latinBase[v]
    }
}
