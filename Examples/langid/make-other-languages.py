#!/usr/bin/env python3
"""Writes text in languages the built-in language model does not identify, for
`textmine train language --others FILE`: the model learns what these languages look like so that
it says `und` for them instead of a confident wrong label (Galician is not Spanish, Afrikaans is
not Dutch, Ukrainian is not Russian).

All sources are permissively licensed, so the model's licence stays that of its main training
text (see docs/models/langid.md):
- the translations that three Python packages ship in their `locale` folders, "distributed under the
  same license as the package": Django (https://www.djangoproject.com, `pip install django==5.2.19`,
  BSD-3-Clause), Wagtail (https://wagtail.org, `pip install wagtail==8.0.1`, BSD-3-Clause) and Sphinx
  (https://www.sphinx-doc.org, `pip install sphinx==9.0.4`, BSD-2-Clause): their user-interface
  messages, one line each, formatting directives and markup removed;
- the locale data of the Unicode CLDR as the Babel library ships it (https://babel.pocoo.org,
  `pip install babel==2.19.0`; Babel BSD-3-Clause, CLDR data under the Unicode License v3): names
  of languages, countries, scripts, currencies, units, months and days, calendar and number words,
  written as lines of 4 to 12 items;
- the word lists of Tesseract's OCR models for a language (tessdata_fast, Apache-2.0; Debian's
  `tesseract-ocr-LANG` packages, read with `combine_tessdata` and `dawg2wordlist` of the
  `tesseract-ocr` package), about 100,000 words per language (news words included:
  `goberno`, `prezos`), written as lines of 6 to 14 words drawn at random. Languages whose package
  is not installed are skipped (`--no-tesseract` skips them all).

`--english-share` mixes English words (from Django's English messages) into the CLDR and word-list
lines, as the names and terms that real text quotes; the built-in model uses 0 (with discriminative
passes, English words in the other classes taught them English). One `{"lang", "group", "text"}`
line each; `group` is the model's class (languages of one group share one class: the model has 16
lanes, 9 of them for its own languages).

    pip install --no-deps django==5.2.19 wagtail==8.0.1 sphinx==9.0.4 babel==2.19.0
    apt-get install tesseract-ocr tesseract-ocr-glg tesseract-ocr-afr …   # see TESSERACT below
    python3 make-other-languages.py > others.jsonl
    python3 make-other-languages.py --leave-out gl,af > others-without-gl-af.jsonl   # to measure unseen languages
    python3 make-other-languages.py --own de,en,es,fr,it,nl,pl,pt,ru > own.jsonl

`--own` writes the same kinds of text in the model's own languages instead (`{"lang", "text"}`, to
train with the main text): without them, interface messages and lists of names would look like
"another language" to a model that saw them only there.
"""
import argparse
import glob
import importlib.util
import os
import random
import re
import subprocess
import sys
import json
import tempfile

# Classes of the built-in model, by family and script. Latin and Cyrillic only: text in other
# scripts is `und` because the model's training text never uses their letters.
GROUPS = {
    "iberian-occitan": ["gl", "ast", "an", "ca", "oc"],
    "italic": ["la", "ia", "io", "eo", "fur", "sc", "co", "ro", "wa"],
    "low-germanic": ["af", "fy", "li", "nds", "lb"],
    "nordic": ["sv", "da", "nb", "nn", "is", "fo"],
    "slavic": ["cs", "sk", "sl", "hr", "bs", "sr_Latn", "hsb", "dsb"],
    "cyrillic": ["uk", "bg", "mk", "sr", "be", "kk", "ky", "mn", "tg", "tt", "os", "ba", "cv", "sah"],
    "latin-script": ["fi", "et", "hu", "lt", "lv", "se", "tr", "az", "uz", "tk", "crh", "sq", "eu", "ku",
                     "id", "ms", "tl", "fil", "vi", "mg", "mi", "sw", "cy", "ga", "gd", "br", "kw", "gv",
                     "mt", "ha", "yo", "ig", "zu", "xh", "nso", "tn", "st", "lg", "rw", "so", "om", "wo"],
}

# Tesseract's code for each language that has a Debian package (tesseract-ocr-CODE).
TESSERACT = {
    "de": "deu", "en": "eng", "es": "spa", "fr": "fra", "it": "ita", "nl": "nld", "pl": "pol", "pt": "por",
    "ru": "rus", "gl": "glg", "ca": "cat", "oc": "oci", "la": "lat", "eo": "epo", "ro": "ron", "co": "cos",
    "af": "afr", "fy": "fry", "lb": "ltz", "sv": "swe", "da": "dan", "nb": "nor", "is": "isl", "fo": "fao",
    "cs": "ces", "sk": "slk", "sl": "slv", "hr": "hrv", "bs": "bos", "sr_Latn": "srp_latn", "uk": "ukr",
    "bg": "bul", "mk": "mkd", "sr": "srp", "be": "bel", "kk": "kaz", "ky": "kir", "mn": "mon", "tg": "tgk",
    "tt": "tat", "fi": "fin", "et": "est", "hu": "hun", "lt": "lit", "lv": "lav", "tr": "tur", "az": "aze",
    "uz": "uzb", "sq": "sqi", "eu": "eus", "ku": "kmr", "id": "ind", "ms": "msa", "fil": "fil", "vi": "vie",
    "mi": "mri", "sw": "swa", "cy": "cym", "ga": "gle", "gd": "gla", "mt": "mlt", "yo": "yor",
}
TESSDATA = "/usr/share/tesseract-ocr/*/tessdata"

DIRECTIVE = re.compile(r"%\(\w+\)[sdifr]|%[sdifr]|\{\w*\}|<[^>]*>|&\w+;|https?://\S+")
LETTER = re.compile(r"[^\W\d_]")
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


# The packages whose translations are read.
PACKAGES = ["django", "wagtail", "sphinx"]


def package_folder(name):
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        sys.exit(f"make-other-languages.py: install {name} first (see the top of this file)")
    return spec.submodule_search_locations[0]


def locale_language(name):
    """The language of a locale folder (`sk_SK` → sk, `sr@latin` → sr_Latn, `nb_NO` → nb)."""
    if name in ("sr_Latn", "sr@latin"):
        return "sr_Latn"
    if "@" in name:
        return None
    return {"no": "nb"}.get(name.split("_")[0], name.split("_")[0])


def po_entries(path):
    """(msgid, [msgstr…]) of a gettext .po file."""
    entries = []
    msgid, strings, current = [], [], None
    def flush():
        if current is not None:
            entries.append(("".join(msgid), ["".join(s) for s in strings]))
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.strip()
            if line.startswith("msgid ") or line == "" or line.startswith("#"):
                if line.startswith("msgid "):
                    flush()
                    msgid, strings, current = [json.loads(line[6:])], [], "id"
                continue
            if line.startswith("msgid_plural"):
                current = "plural"
            elif line.startswith("msgstr"):
                strings.append([json.loads(line.split(" ", 1)[1])])
                current = "str"
            elif line.startswith('"'):
                value = json.loads(line)
                if current == "id":
                    msgid.append(value)
                elif current == "str":
                    strings[-1].append(value)
    flush()
    return [(key, values) for key, values in entries if key]


def clean(message):
    return re.sub(r"\s+", " ", DIRECTIVE.sub(" ", message)).strip(" :;,-")


def translated_messages(folders, language):
    """The translated messages of the packages' catalogues in a language."""
    texts = []
    for folder in folders:
        for path in sorted(glob.glob(os.path.join(folder, "**", "locale", "*", "LC_MESSAGES", "*.po"), recursive=True)):
            if locale_language(path.split(os.sep + "locale" + os.sep)[-1].split(os.sep)[0]) != language:
                continue
            for key, values in po_entries(path):
                for value in values:
                    text = clean(value)
                    if len(LETTER.findall(text)) >= 3 and value != key:
                        texts.append(text)
    return texts


def english_messages(folder):
    """The English messages (msgids) of a package's catalogues."""
    return [clean(key) for path in sorted(glob.glob(os.path.join(folder, "**", "locale", "fr", "LC_MESSAGES", "*.po"), recursive=True))
            for key, _ in po_entries(path)]


def cldr_strings(language):
    """The distinct strings with letters of a CLDR locale (Babel's data, without its parents')."""
    from babel import localedata
    if not localedata.exists(language):
        return []
    strings = []
    def walk(value):
        if isinstance(value, str):
            text = clean(re.sub(r"\{\d\}", " ", value))
            if len(LETTER.findall(text)) >= 2:
                strings.append(text)
        elif isinstance(value, dict) or hasattr(value, "items"):
            for item in value.values():
                walk(item)
        elif isinstance(value, (list, tuple)):
            for item in value:
                walk(item)
    walk(localedata.load(language, merge_inherited=False))
    return sorted(set(strings))


def tesseract_words(language):
    """The words of the Tesseract model's word list for a language (none when not installed)."""
    code = TESSERACT.get(language)
    paths = sorted(glob.glob(os.path.join(TESSDATA, f"{code}.traineddata"))) if code else []
    if not paths:
        return []
    with tempfile.TemporaryDirectory() as folder:
        prefix = os.path.join(folder, code + ".")
        subprocess.run(["combine_tessdata", "-u", paths[-1], prefix], check=True, capture_output=True)
        if not os.path.exists(prefix + "lstm-word-dawg"):
            return []
        subprocess.run(["dawg2wordlist", prefix + "lstm-unicharset", prefix + "lstm-word-dawg", prefix + "words"],
                       check=True, capture_output=True)
        with open(prefix + "words", encoding="utf-8") as handle:
            return sorted({word for word in handle.read().split() if len(LETTER.findall(word)) >= 2})


def word_lines(words, english_words, generator, english_share, count):
    for _ in range(count if words else 0):
        line = [generator.choice(english_words) if english_words and generator.random() < english_share
                else generator.choice(words) for _ in range(generator.randint(6, 14))]
        yield " ".join(line)


def cldr_lines(strings, english_words, generator, english_share):
    strings = list(strings)
    generator.shuffle(strings)
    position = 0
    while position < len(strings):
        count = generator.randint(4, 12)
        words = " ".join(strings[position:position + count]).split(" ")
        position += count
        words = [generator.choice(english_words) if english_words and generator.random() < english_share else word
                 for word in words]
        yield " ".join(words)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--english-share", type=float, default=0.0, help="share of English words in the CLDR and word-list lines")
    parser.add_argument("--own", default="", help="comma-separated languages of the model: write their text instead")
    parser.add_argument("--word-lines", type=int, default=1500, help="lines drawn from each Tesseract word list")
    parser.add_argument("--no-tesseract", action="store_true", help="leave the Tesseract word lists out")
    parser.add_argument("--leave-out", default="", help="comma-separated languages to leave out (to measure unseen languages)")
    arguments = parser.parse_args()
    left_out = set(filter(None, arguments.leave_out.split(",")))
    folders = [package_folder(name) for name in PACKAGES]
    package_folder("babel")
    english_words = sorted({word for text in english_messages(folders[0]) for word in WORD.findall(text)})
    own = list(filter(None, arguments.own.split(",")))
    for group, languages in ({None: own} if own else GROUPS).items():
        for language in languages:
            if language in left_out:
                continue
            generator = random.Random("textmine-langid-" + language)
            texts = [text for folder in folders for text in english_messages(folder)] if language == "en" \
                else translated_messages(folders, language)
            english = [] if language == "en" else english_words
            texts += cldr_lines(cldr_strings(language), english, generator, arguments.english_share)
            if not arguments.no_tesseract:
                texts += word_lines(tesseract_words(language), english, generator, arguments.english_share,
                                    arguments.word_lines)
            code = language.split("_")[0]
            for text in dict.fromkeys(text for text in texts if len(LETTER.findall(text)) >= 3):
                line = {"lang": code, "group": group, "text": text} if group else {"lang": code, "text": text}
                sys.stdout.write(json.dumps(line, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
