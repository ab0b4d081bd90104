import TextMineCLI

TextMineCommand.main()
