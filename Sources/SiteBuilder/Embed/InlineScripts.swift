import ByteText
import Crypto
import Foundation

/// Finds the inline `<script>` elements of a finished HTML document and builds the
/// Content-Security-Policy that allows exactly those scripts by hash and nothing from elsewhere.
enum InlineScripts {
    /// Text a self-contained template prints where the policy goes; replaced after rendering,
    /// because the hashes can only be taken from the final script text. Random per process, so
    /// no title or body can contain it and be rewritten with it (as with `RootPlaceholder`).
    static let policyMarker = "crossroads-content-security-policy-" + UUID().uuidString.lowercased()

    /// The text of every `<script>` without a `src` attribute, in document order, exactly as the
    /// browser hashes it (everything between `>` and `</script>`).
    static func bodies(in html: String) -> [String] {
        var bodies: [String] = []
        var rest = html[...]
        while let open = ByteSearch.range(of: "<script", in: rest, ignoringASCIICase: true) {
            guard let tagEnd = ByteSearch.range(of: ">", in: rest[open.upperBound...])?.lowerBound else { break }
            let attributes = rest[open.upperBound..<tagEnd]
            let contentStart = rest.index(after: tagEnd)
            guard let close = ByteSearch.range(of: "</script", in: rest[contentStart...], ignoringASCIICase: true) else { break }
            if !hasSourceAttribute(attributes) { bodies.append(String(rest[contentStart..<close.lowerBound])) }
            rest = rest[close.upperBound...]
        }
        return bodies
    }

    /// Every executable resource must be one of the inline scripts; styles may only be inline;
    /// images only `data:`; no connections, frames, fonts, forms or `<base>` to anywhere.
    static func policy(for html: String) -> String {
        let hashes = Set(bodies(in: html).map(hashSource)).sorted()
        let scripts = hashes.isEmpty ? "'none'" : hashes.joined(separator: " ")
        return "default-src 'none'; script-src \(scripts); style-src 'unsafe-inline'; img-src data:; "
            + "base-uri 'none'; form-action 'none'"
    }

    /// Replaces the marker with the policy computed from the document itself.
    static func applyPolicy(to html: String) -> String {
        ByteSearch.replacing(policyMarker, with: policy(for: html), in: html)
    }

    /// Text a template may print in its own `script-src` directive (the 404 page does); replaced
    /// after rendering by the hashes of the document's inline scripts, so a page whose policy is
    /// `script-src 'self'` can still run the scripts it carries.
    static let hashesMarker = "crossroads-inline-script-hashes"

    /// Replaces the hashes marker, when the document has it, by the hashes of its inline scripts.
    static func applyHashes(to html: String) -> String {
        guard ByteSearch.range(of: hashesMarker, in: html[...]) != nil else { return html }
        let hashes = Set(bodies(in: html).map(hashSource)).sorted()
        return ByteSearch.replacing(hashesMarker, with: hashes.joined(separator: " "), in: html)
    }

    /// The CSP source for an inline script or style with exactly this text: `'sha256-<base64>'`.
    static func hashSource(_ text: String) -> String {
        "'sha256-" + Data(SHA256.hash(data: Data(text.utf8))).base64EncodedString() + "'"
    }

    /// Makes text safe to place inside `<script>`: `</` cannot end the element early.
    static func scriptSafe(_ text: String) -> String {
        ByteSearch.replacing("</", with: "<\\/", in: text)
    }

    private static func hasSourceAttribute(_ attributes: Substring) -> Bool {
        var previous: Character = " "
        var index = attributes.startIndex
        while index < attributes.endIndex {
            if previous.isWhitespace, attributes[index...].lowercased().hasPrefix("src") {
                let after = attributes[attributes.index(index, offsetBy: 3)...].drop(while: \.isWhitespace)
                if after.first == "=" { return true }
            }
            previous = attributes[index]
            index = attributes.index(after: index)
        }
        return false
    }
}
