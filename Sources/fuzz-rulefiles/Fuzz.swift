import AuditFuzzing

/// `make fuzz`'s target for the rulefiles path (FuzzHarness); in an ordinary build, its replayer.
@main struct Fuzz {
    static func main() { FuzzMain.run(.ruleFile) }
}
