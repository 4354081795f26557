import AuditFuzzing

// libFuzzer's entry point (`make fuzz` builds this target with -sanitize=fuzzer,address and
// -DFUZZING, and libFuzzer supplies main). In an ordinary build it is a replayer: each path
// argument is one input, run once — how a saved crash is reproduced.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    FuzzHarness.ruleFile(bytes)
    return 0
}

#if !FUZZING
@main struct Replay {
    static func main() {
        for path in CommandLine.arguments.dropFirst() {
            let bytes = FuzzInput.read(path)
            bytes.withUnsafeBufferPointer { _ = fuzzOne($0.baseAddress, $0.count) }
        }
    }
}
#endif
