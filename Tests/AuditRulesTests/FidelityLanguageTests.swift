import AuditCore
import AuditReport
@testable import AuditRules
import AuditTestSupport
import AuditYAML
import Testing

/// The language pieces issue 8 added: numbers a clause states, fixed parameters, phrase
/// exceptions and invisible characters, periods excluded from a deadline.
@Suite struct NumeralTests {
    @Test func arabicAndChineseNumbersAreRead() {
        #expect(Numerals.numbers(in: "在2个工作日以内") == [2])
        #expect(Numerals.numbers(in: "应当在三十日内作出核定") == [30])
        #expect(Numerals.numbers(in: "协议后十日内") == [10])
        #expect(Numerals.numbers(in: "六十日内") == [60])
        #expect(Numerals.numbers(in: "十五日") == [15])
        #expect(Numerals.numbers(in: "两个工作日") == [2])
        #expect(Numerals.numbers(in: "一百零五") == [105])
        #expect(Numerals.numbers(in: "二〇二六年") == [2026])
        #expect(Numerals.numbers(in: "３０日") == [30])
        #expect(Numerals.numbers(in: "15日内作出处理决定,情况复杂的可以延长至30日") == [15, 30])
    }

    @Test func partsOfANumberAreNotNumbersOfTheirOwn() {
        // 三十 is 30: it does not also state 10 or 3; 300 does not state 30.
        #expect(!Numerals.numbers(in: "三十日").contains(10))
        #expect(!Numerals.numbers(in: "三十日").contains(3))
        #expect(!Numerals.numbers(in: "300日").contains(30))
        #expect(Numerals.numbers(in: "没有数字").isEmpty)
    }
}

@Suite struct FixedParameterTests {
    func pack(value: String, quote: String) -> String {
        """
        pack: test
        version: "1"
        rules:
          - id: T-1
            title: {zh: t, en: t}
            section: timeliness
            severity: major
            cite: {source: CP, document: X, clause: "1", quote: \(quote)}
            for_each: cases
            check: 'on_time(it.feedback_at, it.received_at, workdays: params.wd)'
            params:
              wd: \(value)
            message: {zh: m, en: m}
            examples: {pass: [{outlet: {}}], fail: [{outlet: {}}]}
        """
    }

    @Test func aFixedValueMustBeTheQuotesNumber() {
        for quote in ["在2个工作日以内反馈", "在两个工作日以内反馈", "在二个工作日以内反馈"] {
            #expect((try? compilePack(pack(value: "{value: 2, fixed: true}", quote: quote)).get()) != nil, "\(quote)")
        }
        guard case .failure(let list) = compilePack(pack(value: "{value: 3, fixed: true}", quote: "在2个工作日以内反馈")) else {
            Issue.record("a fixed 3 against a quote saying 2 must not load")
            return
        }
        #expect(render(list, source: "").contains("test.yaml:12:7: error: fixed parameter 'wd' is 3, which the quote does not state"))
        // Only numbers can be fixed; a tunable value needs nothing from the quote.
        guard case .failure(let text) = compilePack(pack(value: "{value: \"2\", fixed: true}", quote: "2个工作日")) else {
            Issue.record("a fixed string must not load")
            return
        }
        #expect(render(text, source: "").contains("fixed parameter 'wd' must be a whole number stated by the clause"))
        #expect((try? compilePack(pack(value: "5", quote: "及时")).get()) != nil)
        #expect((try? compilePack(pack(value: "{value: 5}", quote: "及时")).get()) != nil)
    }

    @Test func overridingAFixedValueNamesTheRuleAndClause() throws {
        let set = try RuleSet(schema: shippedRules.schema, calendar: shippedRules.calendar,
                              packs: [RulePack.parse(YAMLLoader.load(bytes: Array(pack(value: "{value: 2, fixed: true}", quote: "在2个工作日以内反馈").utf8), file: "t.yaml"))])
        guard case .failure(let error) = set.parseOverrides(["wd=3"]) else {
            Issue.record("a fixed parameter was overridden")
            return
        }
        #expect(error.description == "--param wd: fixed at 2 by T-1's clause, CP 1 (「在2个工作日以内反馈」); a value set by a law or the public commitment cannot be overridden")
        // Even a caller that skips parseOverrides cannot change it.
        let compiled = try set.compile(RuleConfiguration(profiles: [], params: ["T-1.wd": .int(3)]))
        #expect(compiled.first?.parameters["wd"].map(ParameterValue.text) == "2")
    }

    @Test func theDigestCoversTheAppliedParameters() {
        let plain = shippedRules.digest()
        let two = shippedRules.digest(params: ["ETQ-PHONE-RINGS.max_rings": .int(2)])
        let four = shippedRules.digest(params: ["ETQ-PHONE-RINGS.max_rings": .int(4)])
        #expect(Set([plain, two, four]).count == 3)
        // A value the rule declares anyway changes nothing.
        #expect(shippedRules.digest(params: ["ETQ-PHONE-RINGS.max_rings": .int(3)]) == plain)
        #expect(shippedRules.digest(params: ["a.x": .int(1), "b.x": .int(2)]) == shippedRules.digest(params: ["b.x": .int(2), "a.x": .int(1)]))
    }

    @Test func theDigestIsOfTheContentNotThePathsOrThePackOrder() throws {
        // The embedded copy and the same files read from disk, in another order and under
        // other names, are the same rules.
        let renamed = RuleSet.bundledFiles.reversed().map { RuleSet.SourceFile(path: "elsewhere/" + $0.path, bytes: $0.bytes) }
        #expect(try RuleSet.load(Array(renamed), shipped: .added).digest() == shippedRules.digest())
        // One byte more in a pack is another rule set.
        var edited = RuleSet.bundledFiles
        let i = try #require(edited.firstIndex { $0.path == "rules/etiquette.yaml" })
        edited[i] = RuleSet.SourceFile(path: edited[i].path, bytes: edited[i].bytes + Array("\n".utf8))
        #expect(try RuleSet.load(edited, shipped: .added).digest() != shippedRules.digest())
    }
}

@Suite struct PhraseFidelityTests {
    @Test func invisibleFormatCharactersAreIgnored() {
        let phrase = Phrase.normalize("这是规定")
        for text in ["这是\u{200B}规定", "这\u{200D}是规定", "\u{FEFF}这是规定", "这是\u{200E}规定", "这是\u{202E}规\u{2066}定", "这是\u{00AD}规定",
                     "这是\u{034F}规定", "这是\u{2060}规定"] {
            #expect(Phrase.contains(Phrase.normalize(text), phrase), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func pausesAreFoundByBinarySearch() {
        let pauses = [3, 9, 12]
        #expect(PhraseSet.pause(in: pauses, after: 2, before: 4))
        #expect(!PhraseSet.pause(in: pauses, after: 3, before: 9), "the ends do not count")
        #expect(PhraseSet.pause(in: pauses, after: 8, before: 10))
        #expect(!PhraseSet.pause(in: pauses, after: 12, before: 40))
        #expect(!PhraseSet.pause(in: [], after: 0, before: 10))
        // A long utterance full of excused hits: every hit is checked, none is slow.
        let long = String(repeating: "不知道您是否方便,", count: 20_000)
        #expect(PhraseSet(phrases: ["不知道"], exceptions: ["不知道您是否"]).found(in: [long]) == [])
    }

    @Test func aHitInsideAPoliteFormIsNotAHit() {
        let set = PhraseSet(phrases: ["不知道", "自己看"], exceptions: ["不知道您是否", "不知道您方便"])
        func found(_ text: String) -> [String] { set.found(in: [text]) }
        #expect(found("不知道您是否方便留个电话?") == [])
        #expect(found("不知道 您方便的话明天再来") == ["不知道"], "a space is a pause too")
        #expect(found("不知道\n您是否听明白了") == ["不知道"], "so is a line break")
        #expect(found("不知道～您方便吗") == ["不知道"], "and a fullwidth tilde")
        #expect(found("不知道\u{200B}您是否方便") == [], "an invisible character is not a pause")
        #expect(found("我不知道。") == ["不知道"])
        #expect(found("不知道您是否方便?不知道,你自己看吧。") == ["不知道", "自己看"], "one curt use is enough")
        #expect(PhraseSet(phrases: ["不知道"], exceptions: []).found(in: ["不知道您是否方便"]) == ["不知道"])
        // A polite form is said in one breath: it does not reach across punctuation.
        for curt in ["不知道!您是否还有别的事", "不知道。您对服务还有什么意见?", "我不知道,您是不是搞错了?", "不知道；您方便再说一遍吗",
                     "不知道,您是否方便"] {
            #expect(found(curt) == ["不知道"], "\(curt)")
        }
    }
}

@Suite struct PeriodTests {
    func errors(_ yaml: String) -> String { compileErrors(yaml) }

    @Test func excludingTakesPeriodsAndCalendarDays() {
        let ok = rulePack(check: "on_time(it.decided_at, it.received_at, days: 30, excluding: it.document_requests.periods(r, r.requested_at, r.supplied_at))",
                          forEach: "cases")
        #expect(errors(ok) == "")
        #expect(errors(rulePack(check: "on_time(it.decided_at, it.received_at, workdays: 3, excluding: it.document_requests.periods(r, r.requested_at, r.supplied_at))",
                                forEach: "cases")).contains("excluding: works with days: N (calendar days) only"))
        #expect(errors(rulePack(check: "on_time(it.decided_at, it.received_at, days: 30, excluding: it.document_requests)",
                                forEach: "cases")).contains("excluding: takes a list of periods"))
        #expect(errors(rulePack(check: "it.document_requests.periods(r, r.requested_at).is_empty()", forEach: "cases"))
            .contains("periods() takes a variable name, a start and an end"))
        // Never silently dropped: deadline() has no clock to stop, and one list is enough.
        #expect(errors(rulePack(check: "it.decided_at <= deadline(it.received_at, days: 30, excluding: it.document_requests.periods(r, r.requested_at, r.supplied_at))",
                                forEach: "cases")).contains("excluding: is for on_time() only"))
        #expect(errors(rulePack(check: "on_time(it.decided_at, it.received_at, days: 30, excluding: [], excluding: [])", forEach: "cases"))
            .contains("give excluding: once"))
    }

    @Test func aSumOfParametersIsKnownWhenTheRuleLoads() {
        let pack = rulePack(check: "on_time(it.decided_at, it.received_at, days: params.a + params.b)", forEach: "cases", params: "a: 30, b: 30")
        #expect(errors(pack) == "")
        #expect(errors(rulePack(check: "on_time(it.decided_at, it.received_at, days: params.a + it.document_requests.size())", forEach: "cases", params: "a: 30"))
            .contains("days: needs a whole number from 0 to 3650 known when the rule loads"))
    }
}

@Suite struct NumeralReferenceTests {
    @Test func articleNumbersAreNotQuantities() {
        #expect(Numerals.numbers(in: "保险法第二十二条规定的通知") == [])
        #expect(Numerals.numbers(in: "第3款:30日内") == [30])
        #expect(Numerals.numbers(in: "根据保险法第二十三条,三十日内") == [30])
    }

    @Test func aHugeFixedValueIsAnErrorNotACrash() {
        let yaml = """
            pack: test
            version: "1"
            rules:
              - id: T-1
                title: {zh: t, en: t}
                section: timeliness
                severity: major
                cite: {source: CP, document: X, clause: "1", quote: 第二十二条 30日}
                check: outlet.floor == 1
                params:
                  a: {value: 1e300, fixed: true}
                  b: {value: -2, fixed: true}
                  c: {value: 22, fixed: true}
                message: {zh: m, en: m}
                examples: {pass: [{outlet: {}}], fail: [{outlet: {}}]}
            """
        let out = compileErrors(yaml)
        #expect(out.contains("fixed parameter 'a' must be a whole number stated by the clause"))
        #expect(out.contains("fixed parameter 'b' must be a whole number stated by the clause"))
        #expect(out.contains("fixed parameter 'c' is 22, which the quote does not state"), "第二十二条 is an article, not 22 days")
    }
}
