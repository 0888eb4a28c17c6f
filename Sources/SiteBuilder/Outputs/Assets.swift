import Foundation

/// The theme's static files (`templates/assets/`). Stylesheets and scripts get a content hash in
/// their name so browsers and CDNs can cache them forever; other files keep their names.
struct Assets: Sendable {
    struct File: Sendable {
        /// Site path written, e.g. `assets/site.3f2a9c1b.css`.
        var sitePath: String
        var data: Data
    }

    var files: [File]
    /// Template keys (`site_css`) -> site paths (`assets/site.3f2a9c1b.css`).
    var urls: [String: String]
    var combinedHash: UInt64

    static func load(from folder: URL) throws -> Assets {
        var files: [File] = []
        var urls: [String: String] = [:]
        var hashes: [String] = []
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else {
            return Assets(files: [], urls: [:], combinedHash: 0)
        }
        var paths: [String] = []
        for case let path as String in enumerator {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isFolder), !isFolder.boolValue,
               !(path as NSString).lastPathComponent.hasPrefix(".") {
                paths.append(path)
            }
        }
        for path in paths.sorted() {
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path) else {
                throw BuildFailure([SiteError(file: "templates/assets/" + path, message: "cannot read this asset", fix: "check its permissions")])
            }
            let hash = StableHash.of(bytes: data)
            let ext = (path as NSString).pathExtension
            let stem = (path as NSString).deletingPathExtension
            let hashed = ext == "css" || ext == "js"
            let sitePath = "assets/" + (hashed ? "\(stem).\(StableHash.hex(hash, digits: 10)).\(ext)" : path)
            files.append(File(sitePath: sitePath, data: data))
            urls[Self.key(for: path)] = sitePath
            hashes.append("\(path):\(hash)")
        }
        return Assets(files: files, urls: urls, combinedHash: StableHash.of(hashes.joined(separator: "\n")))
    }

    /// `site.css` -> `site_css`; `icons/logo.svg` -> `icons_logo_svg`.
    static func key(for path: String) -> String {
        String(path.map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }

    /// The asset as a `data:` URL, for self-contained pages (`image/svg+xml` for the favicon).
    func dataURL(forKey key: String, type: String) -> String? {
        guard let path = urls[key], let file = files.first(where: { $0.sitePath == path }) else { return nil }
        return "data:\(type);base64," + file.data.base64EncodedString()
    }

    /// The asset's text, for inlining into self-contained pages.
    func text(forKey key: String) -> String? {
        guard let path = urls[key], let file = files.first(where: { $0.sitePath == path }) else { return nil }
        return String(data: file.data, encoding: .utf8)
    }
}
