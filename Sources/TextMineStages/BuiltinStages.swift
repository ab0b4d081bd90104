import TextMineCore

extension StageRegistry {
    /// Every stage that ships with TextMine; keep this list sorted by id.
    public static var builtIn: StageRegistry {
        StageRegistry([
            BoilerplateStage.self,
            CleanStage.self,
            EntitiesStage.self,
            ExtractStage.self,
            KeywordsStage.self,
            LanguageStage.self,
            MetadataStage.self,
            PassStage.self,
            SentencesStage.self,
            SummarizeStage.self,
            TokensStage.self,
        ])
    }
}
