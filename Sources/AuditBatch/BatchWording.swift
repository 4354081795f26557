import AuditCore

// What a batch run says about its output folder, zh and en side by side.

extension Message {
    public static let emptyOutputFolder = Message(
        "batch.out-empty", en: "--out must name a folder (it is empty)", zh: "--out 须给出文件夹（现为空）")

    static let unreadableReport = Message("batch.unreadable", en: "cannot be read", zh: "无法读取")

    static func notAFolder(_ path: String) -> Message {
        Message("batch.not-folder", en: "\(path): not a folder", zh: "\(path)：不是文件夹")
    }

    static func linkToNoFolder(_ path: String) -> Message {
        Message("batch.dangling-link", en: "\(path): a link to a missing folder", zh: "\(path)：链接指向的文件夹不存在")
    }

    static func cannotCreateFolder(_ path: String, reason: Label) -> Message {
        Message("batch.mkdir", en: "\(path): cannot create the output folder: \(reason.en)", zh: "\(path)：无法创建输出文件夹：\(reason.zh)")
    }

    static func foreignEntries(_ path: String, _ names: [String]) -> Message {
        let shown = names.prefix(5).joined(separator: ", ") + (names.count > 5 ? ", … (\(names.count) in all)" : "")
        let shownZh = names.prefix(5).joined(separator: "、") + (names.count > 5 ? "……（共 \(names.count) 项）" : "")
        return Message("batch.foreign",
                       en: "\(path): holds files that are not batch outputs (\(shown)); the folder is replaced as a whole, so give --out a folder of its own",
                       zh: "\(path)：含有非批量输出的文件（\(shownZh)）；输出文件夹会整体替换，请为 --out 指定专用文件夹")
    }

    static func cannotReplace(_ path: String, reason: Label) -> Message {
        Message("batch.replace", en: "\(path): cannot replace the previous outputs: \(reason.en); they are unchanged",
                zh: "\(path)：无法替换原有输出：\(reason.zh)；原有输出未改动")
    }

    /// errors.jsonl's line for a report superseded by a later inspection of the same outlet.
    static func superseded(by later: String) -> Message {
        Message("batch.superseded",
                en: "superseded by \(later) (the same outlet inspected later); not counted",
                zh: "已被 \(later) 取代（同一网点的更晚一次检查）；不计入统计")
    }
}

extension Message {
    static func branchOrderNotAList(_ found: Label) -> Message {
        Message("batch.branches-not-list", en: "--branches: the file must be a YAML list of branch names, not \(found.en)",
                zh: "--branches：文件应为分公司名称的 YAML 列表，而不是\(found.zh)")
    }

    static func branchOrderNotAName(_ found: Label) -> Message {
        Message("batch.branches-not-name", en: "--branches: each item must be a branch name (text), not \(found.en)",
                zh: "--branches：每一项应为分公司名称（文本），而不是\(found.zh)")
    }
}

// `--previous DIR`: the previous round's output folder.
extension Message {
    static func previousNotAFolder(_ path: String) -> Message {
        Message("batch.previous-not-folder", en: "--previous: \(path) is not a folder (give a previous batch's output folder)",
                zh: "--previous：\(path) 不是文件夹（请给出上一轮批量检查的输出文件夹）")
    }

    static func previousNotBatchOutput(_ path: String) -> Message {
        Message("batch.previous-not-output", en: "--previous: \(path) holds no results.jsonl, so it is not a batch output folder",
                zh: "--previous：\(path) 中没有 results.jsonl，不是批量检查的输出文件夹")
    }

    static func previousUnreadable(_ path: String, reason: Label) -> Message {
        Message("batch.previous-unreadable", en: "--previous: cannot read \(path): \(reason.en)", zh: "--previous：无法读取 \(path)：\(reason.zh)")
    }

    static let previousNotResults = Message(
        "batch.previous-results", en: "--previous: this line is not a results line of audit batch (JSON object expected)",
        zh: "--previous：此行不是 audit batch 的结果行（应为 JSON 对象）")

    static let previousNotActions = Message(
        "batch.previous-actions", en: "--previous: this line is not a corrective action of audit batch (JSON object with outlet_id, rule and severity expected)",
        zh: "--previous：此行不是 audit batch 的整改项（应为含 outlet_id、rule 和 severity 的 JSON 对象）")
}
