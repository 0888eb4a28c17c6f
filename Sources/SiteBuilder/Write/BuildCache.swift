import Foundation

/// The persisted build cache: the key of every page of the last successful build, kept in
/// `.crossroads-cache/` inside the site (delete it at any time; git ignores it). A page whose key
/// is unchanged is hard-linked from the previous output instead of rendered again.
struct BuildCache {
    static let folderName = ".crossroads-cache"
    static let format = 3

    let file: URL
    let output: URL
    /// Options that change every page when they change.
    let fingerprint: String

    init(source: URL, output: URL, options: BuildOptions) {
        file = source.appendingPathComponent(Self.folderName).appendingPathComponent("build-manifest.json")
        self.output = output
        fingerprint = "format=\(Self.format);output=\(output.path);base=\(options.baseURL ?? "");drafts=\(options.includeDrafts)"
    }

    private struct Manifest: Codable {
        var fingerprint: String
        var keys: [String: String]
    }

    /// What the previous build can lend, or nil when there is nothing trustworthy to reuse.
    func load() -> SiteRenderer.Reuse? {
        guard let data = FileManager.default.contents(atPath: file.path),
              let manifest = try? JSONDecoder().decode(Manifest.self, from: data),
              manifest.fingerprint == fingerprint else { return nil }
        var keys: [String: UInt64] = [:]
        for (path, hex) in manifest.keys { if let key = UInt64(hex, radix: 16) { keys[path] = key } }
        return SiteRenderer.Reuse(keys: keys, searchLines: PreviousSearchLines(output: output))
    }

    /// Called before the output is replaced: a build killed between the swap and `save` must not
    /// leave a manifest that describes an older output.
    func invalidate() { try? FileManager.default.removeItem(at: file) }

    func save(keys: [String: UInt64]) {
        let manifest = Manifest(fingerprint: fingerprint, keys: keys.mapValues { String($0, radix: 16) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(manifest) else { return }
        try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? data.write(to: file, options: .atomic)
    }
}
