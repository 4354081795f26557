import AuditFuzzing

/// `make fuzz`'s target for reading a previous batch round (FuzzHarness); in an ordinary build, its replayer.
@main struct Fuzz {
    static func main() { FuzzMain.run(.previousRound) }
}
