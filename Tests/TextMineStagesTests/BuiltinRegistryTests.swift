import Testing
import TextMineCore
import TextMineStages

@Test("every built-in stage is registered under its own id with a summary")
func builtInStagesAreRegistered() {
    let registry = StageRegistry.builtIn
    #expect(registry.ids.contains("pass"))
    for type in registry.types {
        #expect(registry[type.id] != nil)
        #expect(!type.summary.isEmpty, "stage \(type.id) has no summary")
    }
}
