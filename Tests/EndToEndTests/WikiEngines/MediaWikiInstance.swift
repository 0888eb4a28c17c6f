import Foundation

/// Debian's MediaWiki 1.39 (`/usr/share/mediawiki`) installed afresh with SQLite, its settings,
/// database, uploads and caches all in one temporary folder (never /etc/mediawiki or
/// /var/lib/mediawiki), served by `php -S`.
final class MediaWikiInstance {
    static let code = "/usr/share/mediawiki"

    let folder: URL
    private(set) var server: PHPServer?
    private let environment: [String: String]

    /// Installs the wiki; call `start()` to serve it.
    init() throws {
        try PHPServer.requireExecutable(PHPServer.php, package: "php-cli")
        try PHPServer.requireExecutable(Self.code + "/maintenance/install.php", package: "Debian's mediawiki")
        try PHPServer.requireExecutable("/usr/bin/rsvg-convert", package: "librsvg2-bin")
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("crossroads-mediawiki-\(UUID().uuidString)")
        for name in ["db", "images", "cache"] {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(name), withIntermediateDirectories: true)
        }
        // MW_CONFIG_FILE points every entry point and maintenance script at our settings file.
        environment = ["MW_INSTALL_PATH": Self.code, "MW_CONFIG_FILE": folder.appendingPathComponent("LocalSettings.php").path]
        try maintenance("install.php", [
            "--dbtype", "sqlite", "--dbpath", folder.appendingPathComponent("db").path, "--dbname", "wiki",
            "--confpath", folder.path, "--server", "http://127.0.0.1", "--scriptpath", "",
            "--lang", "en", "--pass", "crossroads-wiki-test", "Crossroads wiki test", "Admin",
        ])
        let settings = folder.appendingPathComponent("LocalSettings.php")
        let installed = try String(contentsOf: settings, encoding: .utf8)
        try Data((installed + Self.settings(folder: folder)).utf8).write(to: settings)
        try Data(Self.router(folder: folder).utf8).write(to: folder.appendingPathComponent("router.php"))
    }

    deinit {
        server?.stop()
        try? FileManager.default.removeItem(at: folder)
    }

    /// The address the request came to (the server's port is chosen when it starts), SVG uploads
    /// rendered by rsvg (MediaWiki 1.39 has no native SVG rendering), uploads and caches in the
    /// temporary folder. The parser cache stays on, as in a real wiki.
    private static func settings(folder: URL) -> String {
        """

        # Added by Crossroads' wiki engine tests.
        $wgServer = WebRequest::detectServer();
        $wgEnableUploads = true;
        $wgFileExtensions[] = 'svg';
        $wgSVGConverter = 'rsvg';
        $wgSVGConverterPath = '/usr/bin';
        $wgUseImageMagick = false;
        $wgUploadDirectory = '\(folder.appendingPathComponent("images").path)';
        $wgUploadPath = '/images';
        $wgCacheDirectory = '\(folder.appendingPathComponent("cache").path)';

        """
    }

    /// Serves /images/ from the temporary uploads; everything else is MediaWiki's own code.
    private static func router(folder: URL) -> String {
        let images = folder.appendingPathComponent("images").path + "/"
        return """
        <?php
        $path = rawurldecode(parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH));
        if (strncmp($path, '/images/', 8) !== 0) return false;
        $file = realpath('\(images)' . substr($path, 8));
        if ($file === false || strncmp($file, '\(images)', \(images.utf8.count)) !== 0 || !is_file($file)) {
            http_response_code(404);
            return true;
        }
        header('Content-Type: ' . (str_ends_with($file, '.svg') ? 'image/svg+xml' : (str_ends_with($file, '.png') ? 'image/png' : 'application/octet-stream')));
        readfile($file);
        return true;
        """
    }

    /// Runs `php maintenance/<script> <arguments>`; throws with its output when it fails.
    @discardableResult
    func maintenance(_ script: String, _ arguments: [String]) throws -> String {
        let result = try ProcessRunner.run(URL(fileURLWithPath: PHPServer.php), [Self.code + "/maintenance/" + script] + arguments,
                                           environment: ProcessInfo.processInfo.environment.merging(environment) { $1 })
        guard result.exitCode == 0 else {
            throw SupportError("php maintenance/\(script) failed (exit \(result.exitCode)):\n\(result.stderr)\(result.stdout)")
        }
        return result.stdout + result.stderr
    }

    /// Loads an export as docs/embedding.md tells a wiki's admin: the images, the dump without
    /// link updates, then the links worked out once every page exists (a page rendered during the
    /// import keeps a red link to a later page when the purge lands in the same second).
    func importExport(_ export: URL) throws {
        let images = export.appendingPathComponent("images")
        if FileManager.default.fileExists(atPath: images.path) {
            let output = try maintenance("importImages.php", ["--extensions=svg", images.path])
            guard !output.contains("Failed:") || output.contains("Failed: 0") else { throw SupportError("importImages.php:\n\(output)") }
        }
        try maintenance("importDump.php", ["--no-updates", export.appendingPathComponent("dump.xml").path])
        try maintenance("refreshLinks.php", [])
        try maintenance("runJobs.php", [])
        try maintenance("rebuildrecentchanges.php", [])
    }

    func start() async throws {
        let server = try PHPServer(root: Self.code, router: folder.appendingPathComponent("router.php"),
                                   environment: environment, log: folder.appendingPathComponent("php-server.log"))
        self.server = server
        try await server.waitUntilServing()
    }

    /// The address of a page as the wiki links it.
    func pageAddress(_ title: String) -> String {
        "/index.php?title=" + Self.encode(title.replacingOccurrences(of: " ", with: "_"))
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~/:_()")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
