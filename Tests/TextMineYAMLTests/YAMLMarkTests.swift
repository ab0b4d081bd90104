import Testing
import TextMineYAML

@Test("marks order by line, then column, and print as line:col")
func marksOrderAndPrint() {
    #expect(YAMLMark(line: 2, column: 1) > YAMLMark(line: 1, column: 9))
    #expect(YAMLMark(line: 3, column: 7).description == "3:7")
}
