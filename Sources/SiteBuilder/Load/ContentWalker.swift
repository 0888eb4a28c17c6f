import Foundation

/// Lists the files under `content/` in a stable order, skipping hidden files and refusing to
/// follow symbolic links out of the folder or around in a loop.
enum ContentWalker {
    struct File: Sendable {
        var url: URL
        /// Relative to the content folder, with `/`.
        var relativePath: String
    }

    static func files(in folder: URL, errors: inout ErrorCollector) -> [File] {
        var result: [File] = []
        var visited: Set<String> = []
        walk(folder, prefix: "", visited: &visited, result: &result, errors: &errors)
        return result.sorted { $0.relativePath < $1.relativePath }
    }

    private static func walk(_ folder: URL, prefix: String, visited: inout Set<String>, result: inout [File], errors: inout ErrorCollector) {
        let real = folder.resolvingSymlinksInPath().path
        guard visited.insert(real).inserted else {
            errors.add(SiteError(file: "content/" + prefix, message: "symbolic link loop: this folder leads back to a folder already read",
                                 fix: "remove the symbolic link that points back up the tree"))
            return
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        } catch {
            errors.add(SiteError(file: "content/" + prefix, message: "cannot list this folder",
                                 fix: "check that it exists and that you have permission to read it"))
            return
        }
        for name in names where !name.hasPrefix(".") {
            let url = folder.appendingPathComponent(name)
            let relative = prefix + name
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
                errors.add(SiteError(file: "content/" + relative, message: "broken symbolic link", fix: "point it at an existing file or delete it"))
                continue
            }
            if isFolder.boolValue {
                walk(url, prefix: relative + "/", visited: &visited, result: &result, errors: &errors)
            } else {
                result.append(File(url: url, relativePath: relative))
            }
        }
    }
}
