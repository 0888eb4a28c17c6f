/// The one place the version is defined: `crossroads --version` prints it, and `make deb` and the
/// man page read it from the built binary, so they can never disagree with it.
enum CrossroadsVersion {
    static let current = "0.1.0"
}
