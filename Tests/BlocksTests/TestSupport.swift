import Foundation
import XCTest
@testable import Blocks

/// Every match of the first capture group of `pattern` in `text`.
func captures(_ pattern: String, in text: String) throws -> [String] {
    let regex = try NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
    let range = NSRange(text.startIndex..., in: text)
    return regex.matches(in: text, range: range).compactMap { match in
        Range(match.range(at: 1), in: text).map { String(text[$0]) }
    }
}

/// The error a throwing call raised, failing the test when it did not throw a `BlockError`.
func blockError(
    file: StaticString = #filePath, line: UInt = #line, _ body: () throws -> Void
) -> BlockError? {
    do {
        try body()
        XCTFail("expected a BlockError, but the call succeeded", file: file, line: line)
    } catch let error as BlockError {
        return error
    } catch {
        XCTFail("expected a BlockError, got \(error)", file: file, line: line)
    }
    return nil
}
