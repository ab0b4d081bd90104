import Testing
import TextMineCore
import TextMineYAML

@Test("YAML scalars become typed JSON values by the core schema")
func yamlToJSON() throws {
    let node = try YAMLParser.parse("""
        n: 3
        f: 1.5
        b: true
        y: yes
        q: "3"
        t: !!str 4
        i: !!int "5"
        z: ~
        l: [a, {k: v}]
        """, file: "x.yaml")
    #expect(JSONValue(yaml: node) == [
        "n": 3, "f": 1.5, "b": true, "y": "yes", "q": "3", "t": "4", "i": 5, "z": .null,
        "l": ["a", ["k": "v"]],
    ])
}

@Test("JSON values round-trip through YAML text")
func jsonToYAMLRoundTrip() throws {
    let value: JSONValue = [
        "text": "Le « chat »\nl’ami\n", "count": 3, "ratio": 0.25, "flag": false, "none": .null,
        "tricky": ["true", "3", "null", "", "a: b", "#c"], "nested": ["inner": [1, 2]],
    ]
    let text = value.yamlString
    #expect(JSONValue(yaml: try YAMLParser.parse(text, file: "x.yaml")) == value)
    #expect(JSONValue.object(["b": 1, "a": "x"]).yamlString == "a: x\nb: 1\n")
}
