#if canImport(Glibc)
import Glibc
#endif
import AuditFuzzing

// One input through the harness. `make fuzz` builds this target with -sanitize=fuzzer,address
// and -DFUZZING: main hands control to libFuzzer. In an ordinary build it is a replayer: each
// path argument is one input, run once — how a saved crash is reproduced.
let fuzzOne: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32 = { data, size in
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    FuzzHarness.expression(bytes)
    return 0
}

@main struct Fuzz {
    static func main() {
        #if FUZZING
        exit(FuzzDriver.run(fuzzOne))
        #else
        for path in CommandLine.arguments.dropFirst() {
            let bytes = FuzzInput.read(path)
            bytes.withUnsafeBufferPointer { _ = fuzzOne($0.baseAddress, $0.count) }
        }
        #endif
    }
}
