import AuditCore

// What finding the inputs of a batch says, zh and en side by side. errors.jsonl keeps the
// English wording (a file for programs); the terminal may show either.

extension Message {
    static func cannotReadFolder(_ reason: String) -> Message {
        Message("input.folder", en: "cannot read folder: \(reason)", zh: "无法读取文件夹:\(reason)")
    }

    static func cannotReadInput(_ reason: String) -> Message {
        Message("input.unreadable", en: "cannot read: \(reason)", zh: "无法读取:\(reason)")
    }

    static let inputNotRegularFile = Message("input.not-regular", en: "not a regular file", zh: "不是普通文件")
}
