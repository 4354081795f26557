import AuditCore

// What the command line itself says, zh and en side by side.

extension Message {
    static let maxFileSizePositive = Message("usage.max-file-size", en: "--max-file-size must be positive", zh: "--max-file-size 须为正数")

    static func maxFileSizeCeiling(_ ceiling: Int, got: Int) -> Message {
        Message("usage.max-file-size", en: "--max-file-size must be at most \(ceiling) (1 GiB), got \(got)",
                zh: "--max-file-size 最大为 \(ceiling)（1 GiB），现为 \(got)")
    }

    static let minScoreRange = Message("usage.min-score", en: "--min-score must be between 0 and 100", zh: "--min-score 须在 0 到 100 之间")
    static let jobsRange = Message("usage.jobs", en: "--jobs must be between 1 and 256", zh: "--jobs 须在 1 到 256 之间")

    static func diffTakesTwo(_ count: Int) -> Message {
        Message("usage.diff", en: "--diff takes two paths, OLD and NEW; got \(count)", zh: "--diff 需要两个路径 OLD 和 NEW，现有 \(count) 个")
    }

    static let diffNamesBoth = Message(
        "usage.diff", en: "--diff names both rule sets itself: it takes no --rules, --param, --profile, --no-shipped-rules or --require-digest",
        zh: "--diff 自己给出两套规则：不能再用 --rules、--param、--profile、--no-shipped-rules 或 --require-digest")

    static func unknownRule(_ id: String, hint: Label) -> Message {
        Message("usage.unknown-rule", en: "unknown rule '\(id)'\(hint.en)", zh: "没有规则 '\(id)'\(hint.zh)")
    }

    static func unknownHelpTopic(_ topic: String, among names: [String], hint: Label) -> Message {
        Message("usage.help-topic", en: "no subcommand '\(topic)'\(hint.en); the subcommands are \(names.joined(separator: ", "))",
                zh: "没有子命令 '\(topic)'\(hint.zh)；子命令有 \(names.joined(separator: "、"))")
    }

    static let notADate = Message("usage.date", en: "not a date YYYY-MM-DD", zh: "不是 YYYY-MM-DD 格式的日期")

    static func batchDone(scored: Int, errors: Int, total: Int) -> Message {
        Message("batch.done", en: "scored \(scored), errors \(errors), total \(total)", zh: "已评分 \(scored)，错误 \(errors)，共 \(total)")
    }

    static func batchUnreadable(_ n: Int) -> Message {
        Message("batch.summary-unreadable", en: "could not be scored (\(n), listed in errors.jsonl):",
                zh: "无法评分的文件（\(n) 个，详见 errors.jsonl）：")
    }

    static func batchMore(_ n: Int) -> Message {
        Message("batch.summary-more", en: "  … and \(n) more (errors.jsonl)", zh: "  ……另有 \(n) 个（见 errors.jsonl）")
    }

    static func batchSuperseded(_ n: Int) -> Message {
        Message("batch.summary-superseded",
                en: "superseded (\(n), the same outlet inspected again later; not counted, listed in errors.jsonl):",
                zh: "已被取代（\(n) 份，同一网点后来又检查过；不计入统计，详见 errors.jsonl）：")
    }

    static func batchSupersededBy(_ path: String, _ later: String) -> Message {
        Message("batch.summary-superseded-by", en: "\(path): superseded by \(later)", zh: "\(path)：已被 \(later) 取代")
    }

    static func batchExcluded(_ n: Int) -> Message {
        Message("batch.summary-excluded", en: "left out by --exclude: \(n)", zh: "按 --exclude 排除：\(n) 个")
    }

    static func batchTrends(_ folder: String, matched: Int, new: Int, gone: Int) -> Message {
        Message("batch.summary-trends", en: "compared with \(folder): \(matched) outlets in both rounds, \(new) new, \(gone) gone (trends.jsonl)",
                zh: "与 \(folder) 对比：两轮均有 \(matched) 家，新增 \(new) 家，本轮未见 \(gone) 家（trends.jsonl）")
    }

    static func batchOutputs(_ folder: String, dashboard: String) -> Message {
        Message("batch.summary-outputs", en: "outputs: \(folder) (dashboard: \(dashboard))",
                zh: "输出：\(folder)（看板：\(dashboard)）")
    }

    static func batchInterrupted(scored: Int, errors: Int, total: Int) -> Message {
        Message("batch.interrupted",
                en: "interrupted: no output written (scored \(scored), errors \(errors) of \(total) before the stop)",
                zh: "已中断：未写入任何输出（停止前共 \(total) 份，已评分 \(scored)，错误 \(errors)）")
    }

    static func badReportOutput(_ text: String, formats: [String]) -> Message {
        Message("usage.report", en: "--report '\(text)': write FORMAT:FILE, FORMAT one of \(formats.joined(separator: ", "))",
                zh: "--report '\(text)'：应写作 '格式:文件'，格式为 \(formats.joined(separator: "、")) 之一")
    }

    static let reportWithOutput = Message(
        "usage.report", en: "--report names its own files: it takes no --output or --format",
        zh: "--report 自己给出输出文件：不能再用 --output 或 --format")

    static func sameOutputTwice(_ path: String) -> Message {
        Message("usage.report", en: "--report: '\(path)' is given twice", zh: "--report：'\(path)' 出现了两次")
    }

    static let stdinTwice = Message("usage.stdin", en: "'-' (standard input) can be given once", zh: "'-'（标准输入）只能给出一次")
}
