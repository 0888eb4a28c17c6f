// The preview server (`crossroads serve`) lands with the preview issue; this target holds its code.
public enum PreviewServerInfo {
    public static let defaultPort = 1313
}
