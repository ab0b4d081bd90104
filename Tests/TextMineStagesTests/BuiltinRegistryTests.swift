import Testing
import TextMineCore
import TextMineStages

@Test("every built-in stage is registered under its own id with a summary")
func builtInStagesAreRegistered() {
    let registry = StageRegistry.builtIn
    #expect(registry.ids.contains("pass"))
    for stage in registry.stages {
        #expect(registry[stage.id] != nil)
        #expect(!stage.abstract.isEmpty, "stage \(stage.id) has no abstract")
    }
}
