import AuditFuzzing

/// `make fuzz`'s target for the report path (FuzzHarness); in an ordinary build, its replayer.
@main struct Fuzz {
    static func main() { FuzzMain.run(.report) }
}
