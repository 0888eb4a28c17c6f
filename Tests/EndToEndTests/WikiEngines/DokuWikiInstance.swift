import Foundation

/// Debian's DokuWiki (`/usr/share/dokuwiki`) with its local settings and its whole data folder
/// (pages, media, caches, locks) in one temporary folder (never /etc/dokuwiki or
/// /var/lib/dokuwiki), served by `php -S`.
final class DokuWikiInstance {
    static let code = "/usr/share/dokuwiki"
    /// The folders DokuWiki expects under its `savedir`.
    static let dataFolders = ["pages", "media", "meta", "media_meta", "attic", "media_attic", "cache", "index", "locks", "tmp", "log"]

    let folder: URL
    private(set) var server: PHPServer?

    init() throws {
        try PHPServer.requireExecutable(PHPServer.php, package: "php-cli")
        try PHPServer.requireExecutable(Self.code + "/doku.php", package: "Debian's dokuwiki")
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("crossroads-dokuwiki-\(UUID().uuidString)")
        for name in Self.dataFolders {
            try FileManager.default.createDirectory(at: data.appendingPathComponent(name), withIntermediateDirectories: true)
        }
        let conf = folder.appendingPathComponent("conf")
        try FileManager.default.createDirectory(at: conf, withIntermediateDirectories: true)
        try Data(Self.localSettings(data: data).utf8).write(to: conf.appendingPathComponent("local.php"))
        // Debian ships DokuWiki's own test plugin enabled, which puts a warning on every page.
        try Data("<?php\n$plugins['testing'] = 0;\n".utf8).write(to: conf.appendingPathComponent("plugins.local.php"))
        try Data(Self.router(conf: conf).utf8).write(to: folder.appendingPathComponent("router.php"))
    }

    deinit {
        server?.stop()
        try? FileManager.default.removeItem(at: folder)
    }

    var data: URL { folder.appendingPathComponent("data") }

    /// Open to every reader (no ACL), plain `doku.php?id=` addresses, data in the temporary folder.
    private static func localSettings(data: URL) -> String {
        """
        <?php
        // Written by Crossroads' wiki engine tests.
        $conf['savedir'] = '\(data.path)';
        $conf['title'] = 'Crossroads wiki test';
        $conf['useacl'] = 0;
        $conf['userewrite'] = 0;
        $conf['basedir'] = '/';

        """
    }

    /// Debian's preload.php takes the configuration folder from DOKU_CONF when it is already
    /// defined, so every PHP entry point (doku.php, lib/exe/fetch.php, css.php, ...) runs through
    /// this router with DOKU_CONF set to the temporary folder; other files are served as they are.
    private static func router(conf: URL) -> String {
        """
        <?php
        $path = rawurldecode(parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH));
        if ($path === '/') $path = '/doku.php';
        $file = realpath('\(code)' . $path);
        if ($file === false || strncmp($file, '\(code)/', \(code.utf8.count + 1)) !== 0 || !str_ends_with($file, '.php')) return false;
        define('DOKU_CONF', '\(conf.path)/');
        $_SERVER['SCRIPT_NAME'] = $path;
        $_SERVER['PHP_SELF'] = $path;
        $_SERVER['SCRIPT_FILENAME'] = $file;
        chdir(dirname($file));
        require $file;
        """
    }

    /// Puts an export's `data/pages` and `data/media` in place of the wiki's (empty) ones, as a
    /// user copies them into theirs.
    func importExport(_ export: URL) throws {
        for name in ["pages", "media"] {
            let source = export.appendingPathComponent("data").appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: source.path) else {
                if name == "pages" { throw SupportError("the DokuWiki export has no data/pages folder: \(export.path)") }
                continue
            }
            let target = data.appendingPathComponent(name)
            try FileManager.default.removeItem(at: target)
            try FileManager.default.copyItem(at: source, to: target)
        }
    }

    func start() async throws {
        let server = try PHPServer(root: Self.code, router: folder.appendingPathComponent("router.php"),
                                   environment: [:], log: folder.appendingPathComponent("php-server.log"))
        self.server = server
        try await server.waitUntilServing()
    }

    /// Every page id in the wiki's data folder (`pitfalls:no-training` for pages/pitfalls/no-training.txt).
    func pageIDs() throws -> [String] {
        let pages = data.appendingPathComponent("pages")
        let files = FileManager.default.enumerator(atPath: pages.path)?.compactMap { $0 as? String } ?? []
        return files.filter { $0.hasSuffix(".txt") }.map { String($0.dropLast(4)).replacingOccurrences(of: "/", with: ":") }.sorted()
    }

    func pageAddress(_ id: String) -> String {
        "/doku.php?id=" + MediaWikiInstance.encode(id)
    }
}
