import AuditCore

// What the engine says besides findings (which the formatters word): zh and en side by side.

extension Message {
    static func waiverNotApplied(_ rule: String, expired date: String) -> Message {
        Message("waiver.expired", en: "waiver for \(rule) expired on \(date); not applied", zh: "豁免已于 \(date) 到期，未适用于 \(rule)")
    }
}
