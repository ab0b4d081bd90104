#!/usr/bin/env python3
"""Writes an evaluation file for `textmine eval language` from the translations that Debian's
packages install (gettext catalogues, /usr/share/locale/LANG/LC_MESSAGES/*.mo): the translated
messages of a fixed list of GNU and system programs, one `{"lang", "source", "text"}` line each.

It measures what the language identifier does on real text of other languages (it must say `und`,
never a confident wrong label) and, for its own languages, on another domain than its training
text. Each catalogue keeps the licence of its package (GPL, LGPL: see
/usr/share/doc/PACKAGE/copyright); use the file for evaluation, do not ship it.

    python3 make-unseen-eval.py > unseen.jsonl              # every language found
    python3 make-unseen-eval.py --per-language 300 fi sv uk > some.jsonl
"""
import argparse
import gettext
import hashlib
import json
import os
import re
import sys

# Catalogues of programs installed on most Debian systems (coreutils, apt, glib…): prose messages
# (help texts, errors), translated by each project's translation team.
DOMAINS = [
    "coreutils", "bash", "grep", "sed", "tar", "findutils", "diffutils", "make", "wget", "apt",
    "libapt-pkg6.0", "dpkg", "adduser", "shadow", "Linux-PAM", "glib20", "gtk30", "gtk20",
    "systemd", "gnupg2", "gettext-tools", "gettext-runtime", "binutils", "ld", "bfd", "gas",
    "gprof", "libc", "man-db", "psmisc", "popt", "xz", "appstream", "PackageKit", "polkit-1",
    "software-properties", "system-config-printer", "python-apt", "psql-15", "postgres-15",
    "git", "gnutls30", "avahi", "libsecret", "shared-mime-info", "xkeyboard-config",
]
LOCALE = "/usr/share/locale"

FORMAT = re.compile(r"%(\d+\$)?[-+ #0']*(\d+|\*)?(\.(\d+|\*))?(hh|h|ll|l|L|q|j|z|t)?[a-zA-Z%]"
                    r"|\$\{?\w+\}?|\{\w*\}|<[^>]*>|&\w+;|`[^`']*'|--?[a-zA-Z][\w-]*|\b\w+\.\w+\b|[\w/.-]*/[\w/.-]+")
LETTER = re.compile(r"[^\W\d_]")


def clean(message):
    """The message as prose: format directives, options, paths, markup removed; one line."""
    text = message.replace("_", "") if message.count("_") == 1 else message
    text = FORMAT.sub(" ", text)
    text = re.sub(r"\s+", " ", text).strip(" :;,-")
    return text


def messages(language):
    """(domain, text) of every translated message of the language's catalogues."""
    folder = os.path.join(LOCALE, language, "LC_MESSAGES")
    for domain in DOMAINS:
        path = os.path.join(folder, domain + ".mo")
        if not os.path.exists(path):
            continue
        with open(path, "rb") as handle:
            try:
                catalogue = gettext.GNUTranslations(handle)._catalog
            except Exception:
                continue
        for key, value in catalogue.items():
            original = key[0] if isinstance(key, tuple) else key
            if not original or not isinstance(value, str) or value == original:
                continue
            yield domain, clean(value)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--per-language", type=int, default=400)
    parser.add_argument("--min-letters", type=int, default=25)
    parser.add_argument("languages", nargs="*")
    arguments = parser.parse_args()
    languages = arguments.languages or sorted(
        name for name in os.listdir(LOCALE)
        if re.fullmatch(r"[a-z]{2,3}", name) and os.path.isdir(os.path.join(LOCALE, name, "LC_MESSAGES")))
    for language in languages:
        seen = set()
        chosen = []
        for domain, text in messages(language):
            if len(LETTER.findall(text)) < arguments.min_letters or len(text) > 400 or text in seen:
                continue
            seen.add(text)
            # A stable pseudo-random order: the same file on every machine with the same packages.
            chosen.append((hashlib.sha1(text.encode()).hexdigest(), domain, text))
        chosen.sort()
        if len(chosen) < 50:
            continue
        for _, domain, text in chosen[:arguments.per_language]:
            sys.stdout.write(json.dumps({"lang": language, "source": domain, "text": text}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
