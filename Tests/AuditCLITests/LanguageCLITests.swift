import AuditTestSupport
import Foundation
import Testing

/// Item 1 and 6 of "Chinese first": every subcommand speaks the run's language (usage errors
/// included), and the command line has Unix manners (stdin, NO_COLOR, several outputs, help).
@Suite(.serialized) struct LanguageCLITests {
    static let subcommands = ["check", "batch", "diff", "lint", "test", "explain", "rules", "template", "schema"]

    @Test func everySubcommandTakesLang() throws {
        for name in Self.subcommands {
            let help = try audit(["help", name])
            #expect(help.status == 0, "\(name)")
            #expect(help.stdout.contains("--lang <lang>"), "audit \(name) has no --lang")
        }
    }

    @Test func usageErrorsSpeakChineseWithTheSubcommandsUsage() throws {
        let expected = "错误：未知选项 '--bogus'\n用法：audit check [<options>] <report> ...\n  详见 'audit check --help'。\n"
        let byOption = try audit(["check", "--bogus", "x", "--lang", "zh"])
        #expect(byOption.status == 64)
        #expect(byOption.stderr == expected)
        // LC_ALL first, then LC_MESSAGES, then LANG.
        let byEnvironment = try audit(["check", "--bogus", "x"], environment: ["LC_MESSAGES": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"])
        #expect(byEnvironment.stderr == expected)
        let english = try audit(["check", "--bogus", "x"], environment: ["LC_ALL": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"])
        #expect(english.stderr == "Error: Unknown option '--bogus'\nUsage: audit check [<options>] <report> ...\n  See 'audit check --help' for more information.\n")
    }

    @Test func argumentParsersMessagesAreTranslated() throws {
        let value = try audit(["lint", "--format", "bogus", "--lang=zh"])
        #expect(value.status == 64)
        #expect(value.stderr.hasPrefix("错误：'--format <format>' 的值 'bogus' 无效，请从 'text'、'json'、'sarif'、'github' 中选一个\n用法：audit lint "))
        #expect(!value.stderr.contains("Help:"), "the options' help is English: left out of a Chinese message")
        let missing = try audit(["batch", "--lang", "zh"])
        #expect(missing.stderr.hasPrefix("错误：缺少参数 '<path> ...'\n用法：audit batch"))
        let timestamp = try audit(["check", "x.yaml", "--as-of", "2026-13-01", "--lang", "zh"])
        #expect(timestamp.status == 64)
        #expect(timestamp.stderr.hasPrefix("错误：'--as-of <timestamp>' 的值 '2026-13-01' 无效："))
        #expect(timestamp.stderr.unicodeScalars.contains { $0.properties.isIdeographic })
        let ours = try audit(["check", "x.yaml", "--min-score", "101", "--lang", "zh"])
        #expect(ours.stderr.hasPrefix("错误：--min-score 须在 0 到 100 之间\n用法：audit check"))
    }

    @Test func anErrorFoundWhileASubcommandRunsShowsThatSubcommandsUsage() throws {
        let run = try audit(["explain", "NO-SUCH-RULE"])
        #expect(run.status == 64)
        #expect(run.stderr.hasPrefix("Error: unknown rule 'NO-SUCH-RULE'\nUsage: audit explain <rule-id>"))
        #expect(run.stderr.hasSuffix("  See 'audit explain --help' for more information.\n"))
        let zh = try audit(["explain", "ETQ-ON-TMIE", "--lang", "zh"])
        #expect(zh.stderr.hasPrefix("错误：没有规则 'ETQ-ON-TMIE'（是否应为 'ETQ-ON-TIME'？）\n用法：audit explain"))
    }

    @Test func helpOnAnUnknownTopicIsAUsageError() throws {
        let bogus = try audit(["help", "bogus"])
        #expect(bogus.status == 64)
        #expect(bogus.stderr.hasPrefix("Error: no subcommand 'bogus'; the subcommands are check, batch, diff, lint, test, explain, rules, template, schema"))
        #expect(bogus.stdout.isEmpty)
        let close = try audit(["help", "lnit", "--lang", "zh"])
        #expect(close.status == 64)
        #expect(close.stderr.hasPrefix("错误：没有子命令 'lnit'（是否应为 'lint'？）"))
        let known = try audit(["help", "lint"])
        #expect(known.status == 0)
        #expect(known.stdout.contains("USAGE: audit lint"))
    }

    @Test func ruleIdsAreCaseInsensitiveInExplain() throws {
        let lower = try audit(["explain", "etq-on-time"])
        let upper = try audit(["explain", "ETQ-ON-TIME"])
        #expect(lower.status == 0)
        #expect(lower.stdout.hasPrefix("ETQ-ON-TIME "))
        #expect(lower.stdout == upper.stdout)
    }

    @Test func aReportFromStandardInput() throws {
        let piped = try run(["/bin/sh", "-c", "\"$0\" - --format json < fixtures/example-report.yaml", auditBinary],
                            environment: ["PATH": "/usr/bin:/bin"], cwd: repositoryRoot)
        let named = try audit(["fixtures/example-report.yaml", "--format", "json"])
        #expect(piped.status == named.status)
        #expect(piped.stdout.contains("\"file\": \"<stdin>\""))
        #expect(piped.stdout.replacingOccurrences(of: "<stdin>", with: "fixtures/example-report.yaml") == named.stdout)
        // A broken report on standard input gets its snippet like a file.
        let broken = try run(["/bin/sh", "-c", "printf 'schema: 2\\n' | \"$0\" - --lang zh", auditBinary],
                             environment: ["PATH": "/usr/bin:/bin"], cwd: repositoryRoot)
        #expect(broken.status == 2)
        #expect(broken.stderr.hasSuffix("<stdin>:1:9: 错误: 不支持的报告格式 '2'，应为 'outlet-report/1'\n  schema: 2\n          ^\n"),
                "the snippet shows the line from standard input")
        let twice = try audit(["-", "-"])
        #expect(twice.status == 64)
        #expect(twice.stderr.hasPrefix("Error: '-' (standard input) can be given once"))
    }

    @Test func noColorTurnsAutomaticColourOff() throws {
        // `script` gives the run a terminal, where `--color auto` colours.
        func onTerminal(_ environment: String) throws -> String {
            try run(["/usr/bin/script", "-qec", "env \(environment) \(auditBinary) fixtures/example-report.yaml", "/dev/null"],
                    environment: ["PATH": "/usr/bin:/bin", "TERM": "xterm"], cwd: repositoryRoot).stdout
        }
        #expect(try onTerminal("A=1").contains("\u{1B}["), "colour on a terminal")
        #expect(!(try onTerminal("NO_COLOR=1")).contains("\u{1B}["), "NO_COLOR: none")
        #expect(try onTerminal("NO_COLOR=").contains("\u{1B}["), "an empty NO_COLOR is not set")
        let always = try audit(["fixtures/example-report.yaml", "--color", "always"], environment: ["NO_COLOR": "1"])
        #expect(always.stdout.contains("\u{1B}["), "--color always wins over NO_COLOR")
    }

    @Test func severalOutputsInOneRun() throws {
        let dir = try temporaryFolder("lang")
        let run = try audit(["fixtures/example-report.yaml", "--report", "json:\(dir)/out.json", "--report", "markdown:\(dir)/out.md"])
        #expect(run.status == 0)
        #expect(run.stdout == (try audit(["fixtures/example-report.yaml"])).stdout, "standard output keeps --format")
        #expect(try String(contentsOfFile: dir + "/out.json", encoding: .utf8) == (try audit(["fixtures/example-report.yaml", "--format", "json"])).stdout)
        #expect(try String(contentsOfFile: dir + "/out.md", encoding: .utf8) == (try audit(["fixtures/example-report.yaml", "--format", "markdown"])).stdout)

        let bad = try audit(["fixtures/example-report.yaml", "--report", "pdf:x.pdf"])
        #expect(bad.status == 64)
        #expect(bad.stderr.hasPrefix("Error: --report 'pdf:x.pdf': write FORMAT:FILE, FORMAT one of text, json,"))
        let twice = try audit(["fixtures/example-report.yaml", "--report", "json:\(dir)/a", "--output", "\(dir)/a"])
        #expect(twice.status == 64)

        // One output that cannot be written: none replaces its target.
        try "before\n".write(toFile: dir + "/keep.json", atomically: true, encoding: .utf8)
        let failing = try audit(["fixtures/example-report.yaml", "--report", "json:\(dir)/keep.json", "--report", "markdown:\(dir)/no/such/folder.md"])
        #expect(failing.status == 2)
        #expect(try String(contentsOfFile: dir + "/keep.json", encoding: .utf8) == "before\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["keep.json", "out.json", "out.md"], "no temporary left")
    }

    @Test func lintAndTestSpeakTheRunsLanguage() throws {
        let lint = try audit(["lint", "fixtures/broken-rules", "--as-of", "2026-06-01", "--lang", "zh"])
        #expect(lint.status == 1)
        #expect(lint.stdout.contains(": 错误: "))
        #expect(!lint.stdout.contains(": error: "))
        #expect(lint.stdout.contains(" 个文件中共 "))
        let json = try audit(["lint", "fixtures/broken-rules", "--as-of", "2026-06-01", "--lang", "zh", "--format", "json"])
        #expect(json.stdout.contains("\"code\": \"expression.unknown-parameter\""))
        #expect(json.stdout.contains("\"message\": \"规则缺少必填的键 'check'\""), "messages in Chinese")
        let test = try audit(["test", "--lang", "zh"])
        #expect(test.status == 0)
        #expect(test.stdout.hasPrefix("通过 ") && test.stdout.hasSuffix("，失败 0\n"))
    }

    @Test func aMissingFileIsExplainedInChinese() throws {
        let run = try audit(["no-such-report.yaml", "--lang", "zh"])
        #expect(run.status == 2)
        #expect(run.stderr == "no-such-report.yaml: 错误: 无法打开文件：文件或文件夹不存在\n")
        let output = try audit(["fixtures/example-report.yaml", "--output", "/no/such/folder/x.txt", "--lang", "zh"])
        #expect(output.status == 2)
        #expect(output.stderr.hasPrefix("错误：/no/such/folder/x.txt：无法写入："))
        #expect(output.stderr.hasSuffix("文件或文件夹不存在\n"))
    }

    @Test func batchErrorsCarryACodeAndAMessageInTheRunsLanguage() throws {
        let dir = try temporaryFolder("lang")
        let run = try audit(["batch", "fixtures/broken-reports", "--out", dir + "/out", "--lang", "zh", "--jobs", "1"])
        #expect(run.status == 2)
        #expect(run.stdout.hasPrefix("已评分 ") && run.stdout.contains("，错误 "))
        let lines = try String(contentsOfFile: dir + "/out/errors.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(!lines.isEmpty)
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
            let code = object["code"] as? String ?? ""
            #expect(code.contains("."), "a stable dotted code: \(line)")
            #expect((object["message"] as? String ?? "").unicodeScalars.contains { $0.properties.isIdeographic }, "\(line)")
            #expect(!(object["reason"] as? String ?? "").isEmpty, "the English reason stays: \(line)")
        }
    }
}
