#!/usr/bin/env python3
"""Writes pseudo-sentences in languages the built-in language model does not identify, for
`textmine train language --others FILE`: the model learns what these languages look like so that
it says `und` for them instead of a confident wrong label (Swedish is not Dutch, Ukrainian is not
Russian).

The words come from wordfreq (https://github.com/rspeer/wordfreq, `pip install wordfreq==3.1.1`;
code Apache-2.0, word lists CC BY-SA 4.0, built from Wikipedia, subtitles, news, books, the web and
Twitter): each sentence is 6 to 24 words drawn by their frequency, so that letter n-grams, word
boundaries and common words have their real frequencies, and 1 word in 20 is English, as the
names, titles and terms that real text quotes are (Wikipedia sentences of the model's own languages
are full of them: without these the model would take any text quoting English for one of its own
languages). One `{"lang", "group", "text"}` line
each; `group` is the model's class (languages of one group share one class: the model has 16
lanes, 9 of them for its own languages).

    python3 make-other-languages.py > others.jsonl
"""
import argparse
import bisect
import itertools
import json
import random
import sys

import wordfreq

# Classes of the built-in model, by family and script: the languages closest to the nine that
# wordfreq has lists for.
GROUPS = {
    "nordic": ["sv", "da", "nb", "is"],
    "uralic": ["fi", "hu"],
    "slavic": ["cs", "sk", "sl", "sh"],
    "cyrillic": ["uk", "bg", "mk"],
    "romance": ["ro", "ca"],
    "baltic-turkic": ["lt", "lv", "tr"],
    "austronesian-vietnamese": ["id", "ms", "fil", "vi"],
}


class Vocabulary:
    """The `size` most frequent words of a language (with a letter), drawn by frequency."""

    def __init__(self, language, size):
        frequencies = wordfreq.get_frequency_dict(language, wordlist="small")
        self.words = [word for word in frequencies if any(character.isalpha() for character in word)][:size]
        self.cumulative = list(itertools.accumulate(frequencies[word] for word in self.words))

    def draw(self, generator):
        return self.words[bisect.bisect(self.cumulative, generator.random() * self.cumulative[-1])]


def sentences(language, count, words, english, english_share):
    """`count` pseudo-sentences of the language's `words` most frequent words, with English words
    mixed in at `english_share`."""
    vocabulary = Vocabulary(language, words)
    generator = random.Random("textmine-langid-" + language)
    for _ in range(count):
        length = generator.randint(6, 24)
        picked = [english.draw(generator).capitalize() if generator.random() < english_share else vocabulary.draw(generator)
                  for _ in range(length)]
        text = " ".join(picked)
        yield text[0].upper() + text[1:] + "."


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--per-group", type=int, default=12000, help="sentences per group, shared by its languages")
    parser.add_argument("--words", type=int, default=30000, help="most frequent words used per language")
    parser.add_argument("--english-share", type=float, default=0.05, help="share of English words (names, terms)")
    arguments = parser.parse_args()
    english = Vocabulary("en", arguments.words)
    for group, languages in GROUPS.items():
        for language in languages:
            for text in sentences(language, arguments.per_group // len(languages), arguments.words, english,
                                  arguments.english_share):
                sys.stdout.write(json.dumps({"lang": language, "group": group, "text": text}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
