// audit-embed --version VERSION OUTPUT RULE-FILE...: writes OUTPUT, a Swift file holding the
// version the build is stamped with and each rule file as a
// string literal, byte for byte, with its SHA-256. Run by the EmbedRules build plugin on every
// build, so the binary always carries the rules/ of its sources and `audit` works from any
// folder, and does not hash them again on every start.
import AuditCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

func fail(_ message: String) -> Never {
    let bytes = Array("audit-embed: error: \(message)\n".utf8)
    _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    exit(1)
}

func read(_ path: String) -> [UInt8] {
    guard let file = fopen(path, "rb") else { fail("\(path): cannot read") }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let n = fread(&buffer, 1, buffer.count, file)
        if n <= 0 { break }
        bytes.append(contentsOf: buffer[0..<n])
    }
    return bytes
}

/// A Swift string literal whose UTF-8 is exactly `text`'s.
func literal(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": out += "\\\\"
        case "\"": out += "\\\""
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if scalar.value < 0x20 || scalar.value == 0x7F {
                out += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out + "\""
}

var arguments = Array(CommandLine.arguments.dropFirst())
let usage = "usage: audit-embed --version VERSION OUTPUT RULE-FILE..."
guard arguments.count >= 3, arguments[0] == "--version" else { fail(usage) }
let version = arguments[1]
arguments.removeFirst(2)
guard let output = arguments.first else { fail(usage) }
var swift = """
    // GENERATED FILE. DO NOT EDIT! Written on every build by the EmbedRules plugin (audit-embed)
    // from rules/*.yaml.

    /// What was built.
    public enum BuildInfo {
        /// `git describe` of the sources (`0.2.0`, `0.2.0-3-g1a2b3c4`, `…-dirty`), leading `v` dropped.
        public static let version = \(literal(version))
    }

    /// The shipped rule files, embedded so the binary works from any folder: their bytes as
    /// they are in rules/, so the rules digest is the same as for `--rules rules`.
    public enum BundledRules {
        /// (path relative to the repository, contents, SHA-256 of the contents), sorted by path.
        public static let files: [(path: String, text: String, sha256: String)] = [

    """
let inputs = arguments.dropFirst().sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
for path in inputs {
    let bytes = read(path)
    guard let text = String(validating: bytes, as: UTF8.self) else { fail("\(path): not UTF-8") }
    let name = path.split(separator: "/").last.map(String.init) ?? path
    swift += "        (\(literal("rules/" + name)), \(literal(text)), \(literal(SHA256.hex(bytes)))),\n"
}
swift += "    ]\n}\n"
// Written only when it changed, so an unchanged rules/ does not rebuild AuditRules.
if access(output, F_OK) != 0 || read(output) != Array(swift.utf8) {
    guard let file = fopen(output, "wb") else { fail("\(output): cannot write") }
    let bytes = Array(swift.utf8)
    guard fwrite(bytes, 1, bytes.count, file) == bytes.count, fclose(file) == 0 else { fail("\(output): cannot write") }
}
