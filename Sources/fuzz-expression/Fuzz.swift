import AuditFuzzing

/// `make fuzz`'s target for the expression path (FuzzHarness); in an ordinary build, its replayer.
@main struct Fuzz {
    static func main() { FuzzMain.run(.expression) }
}
