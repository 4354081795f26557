import AuditCore
import AuditRules
import AuditYAML
import Testing

/// `corrective_actions.due_working_days` in the scoring file: optional, but when given every
/// severity has a whole number of working days from 1 to 250.
@Suite struct CorrectiveActionSettingsTests {
    func load(_ actions: String?) -> Result<ScoringSettings, DiagnosticList> {
        let text = """
            scoring: outlet-score/1
            points: {critical: 10, major: 5, minor: 2, advisory: 0}
            weights: {build: 40, etiquette: 30, timeliness: 30}
            grades:
              - {id: pass, min: 60, zh: 合格, en: pass}
              - {id: fail, min: 0, zh: 不合格, en: fail}
            red_line_grade: fail
            min_coverage: 0.8
            """ + (actions.map { "\ncorrective_actions:\n  due_working_days: \($0)" } ?? "")
        do throws(DiagnosticList) {
            return .success(try ScoringSettings.load(try YAMLLoader.load(bytes: Array(text.utf8), file: "s.yaml")))
        } catch {
            return .failure(error)
        }
    }

    func messages(_ actions: String) -> [String] {
        guard case .failure(let error) = load(actions) else { return [] }
        return error.diagnostics.map(\.message)
    }

    @Test func absentMeansTheStandardDays() throws {
        #expect(try load(nil).get().actionDueWorkingDays == [.critical: 5, .major: 10, .minor: 20, .advisory: 20])
        #expect(try load("{critical: 3, major: 7, minor: 15, advisory: 30}").get().actionDueWorkingDays
            == [.critical: 3, .major: 7, .minor: 15, .advisory: 30])
    }

    @Test func daysMustBeWholePositiveAndBounded() {
        #expect(messages("{critical: 0, major: 10, minor: 20, advisory: 20}")
            == ["corrective_actions.due_working_days.critical must be a whole number of working days from 1 to 250, found integer 0"])
        #expect(messages("{critical: 5, major: 2.5, minor: 20, advisory: 20}")
            == ["corrective_actions.due_working_days.major must be a whole number of working days from 1 to 250, found number 2.5"])
        #expect(messages("{critical: 5, major: 10, minor: 251, advisory: -1}") == [
            "corrective_actions.due_working_days.minor must be a whole number of working days from 1 to 250, found integer 251",
            "corrective_actions.due_working_days.advisory must be a whole number of working days from 1 to 250, found integer -1",
        ])
    }

    @Test func everySeverityIsRequired() throws {
        let found = messages("{critical: 5, major: 10, minor: 20}")
        #expect(found.count == 1)
        #expect(found.first?.contains("advisory") == true, "\(found)")
    }

    @Test func theMessageHasAChineseWordingWithACode() throws {
        guard case .failure(let error) = load("{critical: 0, major: 10, minor: 20, advisory: 20}") else {
            Issue.record("accepted")
            return
        }
        let diagnostic = try #require(error.diagnostics.first)
        #expect(diagnostic.wording.code == "scoring.action-days")
        #expect(diagnostic.wording.zh == "corrective_actions.due_working_days.critical 须为 1 至 250 之间的整数（工作日数），实际为整数 0")
    }
}
