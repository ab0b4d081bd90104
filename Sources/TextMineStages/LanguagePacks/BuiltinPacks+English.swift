extension BuiltinPacks {
    /// The English pack: stopwords, metadata cues and boilerplate phrases of English news sites.
    static let english = #"""
        # TextMine language pack: English.
        language: en
        stopwords: [a, about, after, all, also, an, and, any, are, as, at, be, because, been, before,
          being, between, both, but, by, can, could, did, do, does, for, from, had, has, have, he, her,
          here, him, his, how, i, if, in, into, is, it, its, just, may, me, more, most, my, no, not, now,
          of, on, one, only, or, other, our, out, over, said, she, should, so, some, such, than, that,
          the, their, them, then, there, these, they, this, those, through, to, too, up, very, was, we,
          were, what, when, where, which, while, who, will, with, would, you, your]
        # Words summarize and keywords never count as terms (the stopwords above measure prose): function
        # words, auxiliary forms (having, doing), reporting verbs (said, told) and contraction parts (don, ll).
        term-stopwords: [a, about, above, after, again, against, all, also, am, an, and, any, are, as, at, be,
          because, been, before, being, below, between, both, but, by, can, could, did, do, does, doing, down,
          during, each, few, for, from, further, had, has, have, having, he, her, here, hers, herself, him,
          himself, his, how, i, if, in, into, is, it, its, itself, just, me, more, most, my, myself, no, nor,
          not, now, of, off, on, once, only, or, other, our, ours, ourselves, out, over, own, same, she, should,
          so, some, such, than, that, the, their, theirs, them, themselves, then, there, these, they, this,
          those, through, to, too, under, until, up, very, was, we, were, what, when, where, which, while, who,
          whom, why, will, with, would, you, your, yours, yourself, yourselves, s, t, said, says, say,
          ll, re, ve, d, m, don, didn, doesn, isn, wasn, weren, won, told, added, according]
        # Names one entity goes by, canonical name (its Wikidata label) first: keywords lists the entity
        # under its canonical name, so that every article gives the same key phrase.
        entity-aliases:
          - [North Atlantic Treaty Organization, NATO]
          - [United Nations, UN, U.N.]
          - [European Union, EU]
          - [Russia, Russian Federation]
          - [United States, United States of America, US, USA, U.S., U.S.A.]
          - [United Kingdom, UK, U.K., United Kingdom of Great Britain and Northern Ireland]
          - [China, People's Republic of China]
          - [North Korea, Democratic People's Republic of Korea, DPRK]
          - [South Korea, Republic of Korea]
          - [Soviet Union, USSR]
          - [United Arab Emirates, UAE]
          - [International Monetary Fund, IMF]
          - [World Health Organization, WHO]
          - [World Trade Organization, WTO]
          - [European Central Bank, ECB]
          - [Organization for Security and Co-operation in Europe, OSCE]
          - [International Atomic Energy Agency, IAEA]
          - [International Criminal Court, ICC]
          - [Organization of the Petroleum Exporting Countries, OPEC]
        # Words keywords never keeps as a key phrase on their own, though they count inside longer phrases:
        # calendar words (the months below join them), quantities, adverbs, adjectives that come before
        # their noun, the commonest verb forms of news.
        lone-words: [monday, tuesday, wednesday, thursday, friday, saturday, sunday, day, week, weekend, month,
          year, hour, minute, second, morning, afternoon, evening, night, today, yesterday, tomorrow, tonight,
          time, date, two, three, four, five, six, seven, eight, nine, ten, eleven, twelve, fifteen, twenty,
          thirty, forty, fifty, hundred, thousand, million, billion, trillion, dozen, half, percent, per, cent,
          number, also, still, already, never, ever, even, yet, however, just, only, now, later, earlier, ago,
          back, well, much, many, more, most, very, really, often, instead, new, old, first, third, last, next,
          former, latest, recent, own, same, other, big, small, great, good, bad, high, low, long, few, several,
          early, late, major, main, top, says, said, say, told, tell, added, according, made, make, get, got,
          take, took, going, go, come, came]
        metadata:
          byline: [by]
          name-joiners: [and]
          date-labels: ["date", "published", "published on", "posted", "posted on", "updated", "last updated"]
          update-labels: ["updated", "last updated", "updated on"]
          months: [january, february, march, april, may, june, july, august, september, october, november, december]
          credits:
            - "* contributed (to this|to the)? (report|reporting|story|article)$"
            - "^(reporting|additional reporting|writing|editing) by *"
            - "^(photo|photograph|image|picture) (credit|by|courtesy)"
            - "^(photo|photos|photograph|image|images|picture) ?:"
            - "^(image|photo|video|media) (source|credit) ?(,|:)"
        boilerplate:
          share:
            - "^share$"
            - "^share (this|on|via)"
            - "^share post ?:?$"
            - "^share (on|via) (facebook|twitter|linkedin|whatsapp|email|x)"
            - "^share (this|the) (article|story|page|post)"
            - "^(copy|copied) (the )?link$"
            - "^(email|print) (this|article)$"
          subscribe:
            - "^subscribe( now| today)?"
            - "^by subscribing"
            - "support (our|independent|quality) journalism"
            - "quality journalism is"
            - "^already a subscriber"
            - "this (article|content) is (only )?(for|available to) subscribers"
          newsletter:
            - "(sign up|subscribe|register) (for|to) (our|the) (newsletter|newsletters|daily|weekly)"
            - "^(sign up|subscribe|register) (for|to) (our|the) * newsletters?"
            - "^(get|receive) (our|the) * newsletters? *"
            - "^get (our|the) newsletter"
            - "^(newsletter|stay connected|stay informed|follow us)$"
          comments:
            - "^(leave|post|add|write) a (comment|reply)"
            - "^comments?$"
            - "^(view|show|hide|read|load|see) (all |the )?(#)? ?comments?"
            - "^# comments?$"
            - "^your email address will not be published"
            - "^required fields are marked"
          related:
            - "^(read|see) (also|more)"
            - "^read"
            - "^(related|related articles|related stories|more stories|more updates|more from|you may also like|recommended|most read|trending)"
            - "^you might also (like|enjoy)"
            - "^(more|more news|more stories) (on|about|from) (this|the) (story|topic|subject|issue)"
            - "^(related|more on this|more on these) (topics?|coverage|content|links)$"
          cookies:
            - "^(this site|this website|we) uses? cookies"
            - "^(accept|reject|manage) (all )?cookies"
            - "^by continuing to (use|browse)"
            - "^cookie (settings|policy|preferences)"
          gallery:
            - "^(image|photo|video|media) caption ?(,|:)"
            - "^(photo gallery|gallery|slideshow)"
            - "click to enlarge"
            - "^(view|see) (all )?(photos|images)"
          legal:
            - "all rights reserved"
            - "^copyright *"
            - "^(\\(c\\)|©) ?# "
            - "(may|must) not be (published|reproduced|redistributed|broadcast|rewritten)"
            - "^our standards ?:"
            - "trust principles$"
            - "^(privacy policy|terms of (use|service)|cookie policy)"
          navigation:
            - "^(home|menu|back to top|next|previous|skip to content|advertisement)$"
          dates:
            - "^(published|updated|posted) (on )?* (at )?#:#"
            - "^(published|updated|posted|last updated) (on )?(#|(january|february|march|april|may|june|july|august|september|october|november|december))"
        """#
}
