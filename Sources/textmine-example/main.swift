// An example command line of a package that adds its own stages to TextMine: every `textmine`
// command, with `common-lines` and `strip-lines` registered next to the built-in stages.
import TextMineCLI
import TextMineExampleStages

TextMineCommand.main(registering: [CommonLines.self, StripLines.self])
