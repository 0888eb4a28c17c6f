import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An element reference handed out by the browser.
struct WebElement: Sendable, Hashable {
    let id: String
}

/// A small W3C WebDriver client for headless Chromium through Debian's `chromedriver`, over
/// `LocalHTTP` (see there for why not URLSession).
///
/// Use `WebDriver.withSession { driver in … }`: it starts chromedriver on a free port, opens a
/// headless session, runs the body, and always ends the session and stops chromedriver, even
/// when the body throws.
final class WebDriver {
    static let chromedriverPath = "/usr/bin/chromedriver"
    static let chromiumPath = "/usr/bin/chromium"
    /// The W3C key that marks an element reference in JSON.
    private static let elementKey = "element-6066-11e4-a52e-4f735466cecf"

    /// CROSSROADS_WEBDRIVER_TRACE=1 prints every command and answer to stderr.
    private static let tracing = ProcessInfo.processInfo.environment["CROSSROADS_WEBDRIVER_TRACE"] == "1"

    private let process: Process
    private let port: Int
    private var sessionID: String = ""

    /// Fails, never skips, when the browser is missing, so a machine without it cannot pass quietly.
    static func requireBrowser() throws {
        for path in [chromedriverPath, chromiumPath] where !FileManager.default.isExecutableFile(atPath: path) {
            throw SupportError("\(path) is missing: run `make test`, which installs chromium and chromium-driver (or `make browser-deps`)")
        }
    }

    static func withSession<T>(width: Int = 1280, height: Int = 900,
                               _ body: (WebDriver) async throws -> T) async throws -> T {
        let driver = try await WebDriver.start(width: width, height: height)
        do {
            let value = try await body(driver)
            await driver.quit()
            return value
        } catch {
            await driver.quit()
            throw error
        }
    }

    private init(process: Process, port: Int) {
        self.process = process
        self.port = port
    }

    /// Starts chromedriver and a headless session; call `quit()` when done (or use `withSession`).
    static func start(width: Int = 1280, height: Int = 900) async throws -> WebDriver {
        try requireBrowser()
        let port = try FreePort.find()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromedriverPath)
        process.arguments = ["--port=\(port)"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let driver = WebDriver(process: process, port: port)
        do {
            try await driver.waitUntilReady()
            let created = try await driver.send("POST", "session", [
                "capabilities": ["alwaysMatch": [
                    "browserName": "chrome",
                    "goog:chromeOptions": [
                        "binary": chromiumPath,
                        "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=\(width),\(height)",
                                 "--allow-file-access-from-files", "--no-first-run", "--no-default-browser-check",
                                 // The theme scrolls smoothly unless motion is reduced; a click
                                 // aimed mid-animation lands on the wrong spot.
                                 "--force-prefers-reduced-motion"],
                    ] as [String: Any],
                    "goog:loggingPrefs": ["performance": "ALL"],
                ] as [String: Any]],
            ])
            guard let value = created as? [String: Any], let id = value["sessionId"] as? String else {
                throw SupportError("chromedriver did not return a session: \(String(describing: created))")
            }
            driver.sessionID = id
            return driver
        } catch {
            await driver.quit()
            throw error
        }
    }

    /// Waits (up to about 15 s) for chromedriver to answer /status; readiness, not a timed assertion.
    private func waitUntilReady() async throws {
        for _ in 0..<150 {
            if let ready = try? await send("GET", "status") as? [String: Any], ready["ready"] as? Bool == true { return }
            guard process.isRunning else { throw SupportError("chromedriver exited with status \(process.terminationStatus)") }
            try await Task.sleep(nanoseconds: 100_000_000)
        }
        throw SupportError("chromedriver did not become ready on port \(port)")
    }

    /// Ends the session (closing Chromium) and stops chromedriver.
    func quit() async {
        if !sessionID.isEmpty {
            _ = try? await send("DELETE", "session/\(sessionID)")
            sessionID = ""
        }
        guard process.isRunning else { return }
        // chromedriver ignores SIGTERM here; it exits on /shutdown, and SIGKILL is the last resort.
        _ = try? LocalHTTP.send("GET", port: port, path: "/shutdown", timeoutSeconds: 5)
        for _ in 0..<50 where process.isRunning {
            try? await Task.sleep(nanoseconds: 100_000_000)
        }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    // MARK: Navigation

    func navigate(to url: URL) async throws {
        _ = try await session("POST", "url", ["url": url.absoluteString])
    }

    func navigate(to url: String) async throws {
        _ = try await session("POST", "url", ["url": url])
    }

    func currentURL() async throws -> String {
        try await session("GET", "url") as? String ?? ""
    }

    func refresh() async throws {
        _ = try await session("POST", "refresh", [:])
    }

    func setWindowSize(width: Int, height: Int) async throws {
        _ = try await session("POST", "window/rect", ["width": width, "height": height])
    }

    /// Sends a Chrome DevTools Protocol command through chromedriver (e.g.
    /// `Page.addScriptToEvaluateOnNewDocument` to change the page's world before its scripts run).
    func executeCDP(_ command: String, parameters: [String: Any] = [:]) async throws {
        _ = try await session("POST", "goog/cdp/execute", ["cmd": command, "params": parameters])
    }

    /// Lays pages out as a phone of this width does: overlay scroll bars that take no width, and
    /// the page's `<meta name="viewport">` honoured. Lasts for the session.
    func emulatePhone(width: Int, height: Int) async throws {
        try await executeCDP("Emulation.setDeviceMetricsOverride",
                             parameters: ["width": width, "height": height, "deviceScaleFactor": 1, "mobile": true])
    }

    /// Moves into the given `<iframe>`, or back to the top document when `nil`.
    func switchToFrame(_ frame: WebElement?) async throws {
        let id: Any = frame.map { [Self.elementKey: $0.id] as [String: Any] } ?? NSNull()
        _ = try await session("POST", "frame", ["id": id])
    }

    // MARK: Elements

    func findElement(css selector: String) async throws -> WebElement {
        let value = try await session("POST", "element", ["using": "css selector", "value": selector])
        guard let reference = value as? [String: Any], let id = reference[Self.elementKey] as? String else {
            throw SupportError("no element for \(selector)")
        }
        return WebElement(id: id)
    }

    func findElements(css selector: String) async throws -> [WebElement] {
        let value = try await session("POST", "elements", ["using": "css selector", "value": selector])
        return (value as? [[String: Any]] ?? []).compactMap { ($0[Self.elementKey] as? String).map(WebElement.init(id:)) }
    }

    func click(_ element: WebElement) async throws {
        _ = try await session("POST", "element/\(element.id)/click", [:])
    }

    /// Types into the element (`WebDriver.Key.enter` etc. for special keys).
    func sendKeys(_ text: String, to element: WebElement) async throws {
        _ = try await session("POST", "element/\(element.id)/value", ["text": text])
    }

    /// Presses keys in whatever has focus, through the actions API.
    func pressKeys(_ text: String) async throws {
        var actions: [[String: Any]] = []
        for character in text.unicodeScalars.map(String.init) {
            actions.append(["type": "keyDown", "value": character])
            actions.append(["type": "keyUp", "value": character])
        }
        _ = try await session("POST", "actions", ["actions": [["type": "key", "id": "keyboard", "actions": actions]]])
    }

    enum Key {
        static let enter = "\u{E007}"
        static let tab = "\u{E004}"
        static let arrowRight = "\u{E014}"
    }

    func text(of element: WebElement) async throws -> String {
        try await session("GET", "element/\(element.id)/text") as? String ?? ""
    }

    /// A DOM property (`checked`, `value`, `hidden` …) as JSON-decoded into `T`.
    func property<T: Decodable>(_ name: String, of element: WebElement, as type: T.Type) async throws -> T {
        try await decode(session("GET", "element/\(element.id)/property/\(name)"), as: type)
    }

    func isDisplayed(_ element: WebElement) async throws -> Bool {
        try await session("GET", "element/\(element.id)/displayed") as? Bool ?? false
    }

    // MARK: Scripts, logs, screenshots

    /// Runs `script` as a function body (`return …`) with string arguments and decodes its result.
    func execute<T: Decodable>(_ script: String, arguments: [String] = [], as type: T.Type) async throws -> T {
        try await decode(session("POST", "execute/sync", ["script": script, "args": arguments]), as: type)
    }

    /// Runs `script` for its effect.
    func execute(_ script: String, arguments: [String] = []) async throws {
        _ = try await session("POST", "execute/sync", ["script": script, "args": arguments])
    }

    /// Every URL the browser asked for since the last call (Chromium's performance log:
    /// `Network.requestWillBeSent`), in order. Reading the log empties it.
    func requestedURLs() async throws -> [String] {
        let entries = try await session("POST", "se/log", ["type": "performance"]) as? [[String: Any]] ?? []
        return entries.compactMap { entry in
            guard let message = entry["message"] as? String,
                  let object = try? JSONSerialization.jsonObject(with: Data(message.utf8)) as? [String: Any],
                  let inner = object["message"] as? [String: Any],
                  inner["method"] as? String == "Network.requestWillBeSent",
                  let params = inner["params"] as? [String: Any],
                  let request = params["request"] as? [String: Any] else { return nil }
            return request["url"] as? String
        }
    }

    /// The page's own record of what it loaded (navigation plus resources), from the Resource Timing API.
    func resourceURLs() async throws -> [String] {
        try await execute("return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource')).map(e => e.name)", as: [String].self)
    }

    /// PNG of the viewport.
    func screenshot() async throws -> Data {
        guard let text = try await session("GET", "screenshot") as? String, let data = Data(base64Encoded: text) else {
            throw SupportError("screenshot returned no image")
        }
        return data
    }

    /// The current page printed to PDF on paper of the given size (A4 by default), with the
    /// browser's default margins and without backgrounds, as a reader's "Print" does.
    func printPDF(widthCentimetres: Double = 21, heightCentimetres: Double = 29.7) async throws -> Data {
        guard let text = try await session("POST", "print", ["page": ["width": widthCentimetres, "height": heightCentimetres]]) as? String,
              let data = Data(base64Encoded: text) else {
            throw SupportError("print returned no PDF")
        }
        return data
    }

    // MARK: Wire

    private func session(_ method: String, _ path: String, _ body: [String: Any]? = nil) async throws -> Any? {
        guard !sessionID.isEmpty else { throw SupportError("no WebDriver session") }
        return try await send(method, "session/\(sessionID)/\(path)", body)
    }

    private func send(_ method: String, _ path: String, _ body: [String: Any]? = nil) async throws -> Any? {
        let payload = try body.map { try JSONSerialization.data(withJSONObject: $0) }
        if Self.tracing { FileHandle.standardError.write(Data("webdriver -> \(method) /\(path)\n".utf8)) }
        let response = try LocalHTTP.send(method, port: port, path: "/" + path, body: payload)
        if Self.tracing { FileHandle.standardError.write(Data("webdriver <- \(response.status) \(response.body.count) bytes\n".utf8)) }
        let object = try JSONSerialization.jsonObject(with: response.body, options: [.fragmentsAllowed]) as? [String: Any]
        let value = object?["value"]
        if response.status >= 400 {
            let detail = value as? [String: Any]
            throw SupportError("WebDriver \(method) /\(path): \(detail?["error"] as? String ?? "HTTP \(response.status)"): \(detail?["message"] as? String ?? "")")
        }
        return value
    }

    private func decode<T: Decodable>(_ value: Any?, as type: T.Type) throws -> T {
        let data = try JSONSerialization.data(withJSONObject: ["value": value ?? NSNull()])
        return try JSONDecoder().decode(Wrapper<T>.self, from: data).value
    }

    private struct Wrapper<T: Decodable>: Decodable { let value: T }
}
