/// PlaceMap's version, as `placemap --version` prints it.
public enum PlaceMapVersion {
    /// Semantic version of this source tree.
    public static let current = "0.9.0"
}
