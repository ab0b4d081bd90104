# Build and install the textmine command.
#   make                      release build (.build/release/textmine)
#   make install              installs it into $(PREFIX)/bin (default /usr/local/bin)
#   make install PREFIX=~/.local
#   make test                 the test suite (the README's test command)
PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin

.PHONY: all build install uninstall test

all: build

build:
	swift build -c release --product textmine

install: build
	install -d "$(DESTDIR)$(BINDIR)"
	install -m 755 "$$(swift build -c release --show-bin-path)/textmine" "$(DESTDIR)$(BINDIR)/textmine"
	@# The built-in models and gazetteers are a resource bundle next to the executable.
	cp -R "$$(swift build -c release --show-bin-path)/TextMine_TextMineStages.resources" "$(DESTDIR)$(BINDIR)/"

uninstall:
	rm -rf "$(DESTDIR)$(BINDIR)/textmine" "$(DESTDIR)$(BINDIR)/TextMine_TextMineStages.resources"

test:
	swift test
