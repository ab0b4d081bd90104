#!/usr/bin/env python3
"""Writes synthetic sports-results lines in IOB2 TSV, for training an English news NER model.

News agencies print results, standings and fixtures as terse lines in which a place names a team
(`CHICAGO 5 Houston 3`, `Surrey 312 and 145-3`: the clubs are ORG), a country in brackets follows
an athlete (`Ernie Els ( South Africa ) 69 70`: PER, then LOC), a dateline puts a place in
capitals before the date (`KHASAVYURT , Russia 1996-08-31`: LOC), and a heading is in capitals
after the name of its sport (`SOCCER - JAPAN BEAT SYRIA`: the sport is no entity).
Encyclopaedic training text has almost none of them. This script writes such lines from the
built-in gazetteers (places, clubs, first names) and a list of surnames written here, with a fixed
seed, so the same file comes out every time:

    python3 Examples/ner/make-results-lines.py > results-lines.tsv

Everything here was written for TextMine (CC0).
"""
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
GAZETTEERS = os.path.join(HERE, "..", "..", "Sources", "TextMineStages", "Entities", "Resources", "gazetteers")


def names(file, category):
    out = []
    with open(os.path.join(GAZETTEERS, file), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or "\t" not in line:
                continue
            name, cat = line.rstrip("\n").split("\t")
            if cat == category and all(ch.isascii() for ch in name):
                out.append(name)
    return out


SURNAMES = """Smith Jones Taylor Brown Williams Wilson Johnson Davies Robinson Wright Thompson Evans Walker
White Roberts Green Hall Wood Jackson Clarke Patel Khan Lewis James Phillips Mason Mitchell Rose Davis
Rodriguez Martinez Hernandez Lopez Gonzalez Perez Sanchez Ramirez Torres Flores Rivera Gomez Diaz Cruz
Muller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Rossi Russo Ferrari Esposito
Bianchi Romano Colombo Ricci Marino Greco Dubois Martin Bernard Durand Leroy Moreau Laurent Lefebvre
Ivanov Petrov Sidorov Smirnov Kuznetsov Popov Novak Horvat Kovac Nagy Szabo Kowalski Nowak Wisniewski
Jansen Visser Smit Bakker Janssens Peeters Andersson Johansson Karlsson Nilsson Hansen Larsen Nielsen
Silva Santos Oliveira Souza Pereira Costa Ferreira Almeida Kim Lee Park Choi Jung Kang Cho Yoon Jang
Tanaka Suzuki Takahashi Watanabe Ito Yamamoto Nakamura Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou
Singh Kumar Sharma Gupta Ali Hussain Ahmed Rahman Hassan Ibrahim Mohamed Okafor Mensah Kamau Otieno
Mutola Gebrselassie Kiptanui Bekele Tergat Ngugi Boulmerka Morceli Hollioake Stewart Atherton Gough
Thorpe Hussain Crawley Cork Lara Ambrose Walsh Tendulkar Dravid Kumble Akram Younis Warne McGrath
Waugh Taylor Healy Donald Pollock Kirsten Cronje Fleming Cairns Astle Jayasuriya Ranatunga Muralitharan""".split()

CRICKET_SIDES = """Surrey Kent Essex Sussex Middlesex Yorkshire Lancashire Durham Somerset Glamorgan Hampshire
Derbyshire Warwickshire Worcestershire Nottinghamshire Leicestershire Northamptonshire Gloucestershire""".split()


def main():
    rng = random.Random(1)
    places = names("places-en.tsv", "LOC") + names("cities.tsv", "LOC")
    countries = names("countries.tsv", "LOC")
    organizations = names("organizations-en.tsv", "ORG")
    clubs = organizations[:organizations.index("FIFA")]  # the file lists sports clubs first
    firsts = names("first-names.tsv", "FIRST")
    landmarks = ("Sea", "Ocean", "River", "Gulf", "Street", "Hill", "Valley", "Heights", "Coast", "Pacific", "Atlantic", "Mediterranean",
                 "Himalayas", "Alps", "Andes", "Rockies", "Everest", "Nile", "Danube", "Rhine", "Thames", "Sinai", "Arctic")
    teams = [p for p in places if len(p.split()) <= 2 and not any(w in p for w in landmarks)] + [c for c in clubs if len(c.split()) <= 3]
    sides = CRICKET_SIDES + teams

    def person():
        if rng.random() < 0.3:
            return [rng.choice(firsts)[0] + ".", rng.choice(SURNAMES)]
        return [rng.choice(firsts), rng.choice(SURNAMES)]

    def span(words, label):
        return [(w, ("B-" if i == 0 else "I-") + label) for i, w in enumerate(words)]

    def o(*words):
        return [(w, "O") for w in words]

    def team(pool=None):
        return span(rng.choice(pool or teams).split(), "ORG")

    def n(low=0, high=9):
        return str(rng.randint(low, high))

    def score():
        return f"{rng.randint(0, 5)}-{rng.randint(0, 5)}"

    def country():
        return o("(") + span(rng.choice(countries).split(), "LOC") + o(")")

    def place():
        # A known place, or an unknown name: the dateline's position, not the name, makes it a place.
        if rng.random() < 0.5:
            return span(rng.choice(places + countries).split(), "LOC")
        return span([rng.choice(SURNAMES) + rng.choice(["", "a", "i", "o", "ville", "burg", "abad", "sk"])], "LOC")

    def date():
        months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        short = ["Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"]
        if rng.random() < 0.5:
            return o(f"{rng.randint(1990, 2030)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}")
        return o(rng.choice(months + short), str(rng.randint(1, 28)))

    def dateline():
        head = [(w.upper(), t) for w, t in place()]
        if rng.random() < 0.4:
            head += o(",") + span(rng.choice(countries).split(), "LOC")
        return head

    sports = ["SOCCER", "CRICKET", "TENNIS", "GOLF", "BASEBALL", "RUGBY UNION", "RUGBY LEAGUE", "SQUASH", "ATHLETICS",
              "CYCLING", "BOXING", "MOTOR RACING", "BASKETBALL", "ICE HOCKEY", "SWIMMING", "ROWING", "HORSE RACING"]
    verbs = ["BEAT", "DRAW WITH", "LOSE TO", "HOLD", "THRASH", "EDGE PAST", "TAKE OVER AT TOP", "WIN", "SIGN", "SACK COACH"]

    def heading():
        words = o(*rng.choice(sports).split()) + o("-")
        first = rng.choice([team, lambda: span(rng.choice(countries).split(), "LOC"), lambda: span(person()[-1:], "PER")])()
        words += [(w.upper(), t) for w, t in first] + o(*rng.choice(verbs).split())
        if rng.random() < 0.6:
            words += [(w.upper(), t) for w, t in rng.choice([team, lambda: span(rng.choice(countries).split(), "LOC")])()]
        return words

    templates = [
        heading,
        lambda: dateline() + date(),
        lambda: dateline() + o(",") + date() + o("(") + span([rng.choice(["Reuters", "AFP", "AP", "dpa", "Xinhua", "Interfax"])], "ORG") + o(")", "-"),
        lambda: team() + o(n()) + team() + o(n()),
        lambda: team() + o(n(), n(), n(), n(), n(), n(), n(10, 40)),
        lambda: team() + o("at") + team(),
        lambda: team() + o(score()) + team(),
        lambda: team() + o(n(), "(") + span(person(), "PER") + o(n(), ")") + team() + o(n(), "(") + span(person(), "PER") + o(n(), ")"),
        lambda: team(sides) + o(n(100, 450), "and", f"{rng.randint(50, 300)}-{rng.randint(1, 9)}", "(") + span(person(), "PER") + o(n(20, 150), ")"),
        lambda: team(sides) + o(n(100, 450)) + o(";") + team(sides) + o(n(100, 450), "for", n(1, 9)),
        lambda: o(n(1, 20) + ".") + span(person(), "PER") + country() + o(f"{rng.randint(1, 59)}:{rng.randint(10, 59)}.{rng.randint(10, 99)}"),
        lambda: span(person(), "PER") + country() + o(n(64, 75), n(64, 75), n(64, 75)),
        lambda: span(person(), "PER") + country() + o("beat") + span(person(), "PER") + country() + o(f"6-{n(0, 4)}", f"{n(6, 7)}-{n(3, 5)}"),
        lambda: o("Scorers", ":") + span(person()[-1:], "PER") + o("(", n(1, 89), ")", ",") + span(person()[-1:], "PER") + o("(", n(1, 89), ")"),
        lambda: team() + o(n(1, 4), "(") + span(person()[-1:], "PER") + o(n(1, 89), ")") + team() + o(n(0, 3)),
    ]
    out = sys.stdout
    for _ in range(3000):
        tokens = rng.choice(templates)()
        if rng.random() < 0.3:
            tokens = [(w.upper(), t) for w, t in tokens]
        for w, t in tokens:
            out.write(f"{w}\t{t}\n")
        out.write("\n")


if __name__ == "__main__":
    main()
