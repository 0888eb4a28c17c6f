import Foundation

extension SiteLoader {
    /// One document of `content/` read and checked alone, for a command that needs only it
    /// (`crossroads score`, `crossroads plan`, exports), with the limits of site.yml (the defaults
    /// when site.yml does not read).
    func loadAlone<Document>(
        _ display: String, _ load: (_ text: String, _ file: String, _ limits: SiteLimits, _ errors: inout ErrorCollector) -> Document?
    ) throws -> Document {
        var loader = self
        var configErrors = ErrorCollector()
        loader.limits = loadConfig(&configErrors).limits
        var errors = ErrorCollector()
        guard let text = loader.readText(sourceFolder.appendingPathComponent(display), display: display, errors: &errors),
              let document = load(text, display, loader.limits, &errors) else {
            throw BuildFailure(errors.errors)
        }
        return document
    }
}
