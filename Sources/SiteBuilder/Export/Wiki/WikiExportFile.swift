/// One file of a wiki export, relative to the output folder; `page` is the exported GFM file it
/// was written from, so an error about it can name the content file.
struct WikiExportFile {
    var path: String
    var text: String
    var page: String?
}
