/// One YAML file from `content/data/`, handed over by the site loader so blocks never touch disk.
public struct DataFile: Sendable, Equatable {
    /// The file name without `.yml`, e.g. "ladders"; blocks refer to it with `data: ladders`.
    public var name: String
    /// The path shown in error messages, e.g. "content/data/ladders.yml".
    public var path: String
    public var text: String
    /// The site's YAML limits, which the loader already checked this file against.
    public var yamlBounds: YAMLBounds

    public init(name: String, path: String, text: String, yamlBounds: YAMLBounds = .default) {
        self.name = name
        self.path = path
        self.text = text
        self.yamlBounds = yamlBounds
    }
}
