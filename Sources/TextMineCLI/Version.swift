/// The version `textmine --version` prints.
public enum TextMineVersion {
    /// Semantic version of the package (major.minor.patch).
    public static let string = "0.1.0"
}
