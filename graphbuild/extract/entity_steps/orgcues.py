"""Rules ``org-cue`` and ``generic-word``: the text says a name is a company, band or club, not a person.

spaCy guesses PERSON for many unseen company and band names ("Kellerman Vance", "Velvet Owls").
The words around a name often say what it is:

- a premodifying head noun: "Italian wine maker X", "New York band X", "rival bank X", "insurer X";
- an appositive head noun: "X, Norway's biggest bank", "X, a London band";
- ownership words: "shares in X", "a stake in X", "X shares", "X's board", "X's shareholders", "X boss";
- a plural name after "the": "the Velvet Owls", "the Jonas Brothers" (people take no article).

One cue retypes every occurrence of that name in the document ("a name typed once is that type
everywhere").  A lone legal or generic word ("Re", "Inc", "Group", "Festival", "Royal") is never an
entity by itself: it is the cut-off end or start of a longer name.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Final

from graphbuild.extract.common import token_table
from graphbuild.extract.entity_steps.base import COMPANY_SUFFIXES, HONORIFICS, _Cand, _gaz_lookup, _span_text, _words
from graphbuild.extract.entity_steps.sexes import is_given_name
from graphbuild.gazetteer import fold

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["LONE_GENERIC_WORDS", "generic_word_filter", "nobody_filter", "org_cues", "plural_names", "pronoun_orgs"]

#: Lowercase head nouns that name an organisation when they premodify or stand in apposition to a name.
ORG_HEADS: Final = frozenset(
    {"bank", "firm", "company", "band", "group", "club", "insurer", "reinsurer", "lender", "carmaker", "automaker",
     "drugmaker", "chipmaker", "airline", "retailer", "supermarket", "brewer", "conglomerate", "manufacturer",
     "winery", "multinational", "stadium", "maker", "charity", "watchdog", "regulator", "organisation",
     "organization", "association", "agency", "broadcaster", "publisher", "label", "operator"}
)

#: "X maker" is a person for these X ("film maker", "policy maker").
_PERSON_MAKERS: Final = frozenset(
    {"film", "movie", "policy", "peace", "play", "trouble", "match", "decision", "king", "money", "dress", "law",
     "programme", "program", "documentary", "mischief", "rule", "deal"}
)

#: Words after "X 's" or "X" that only an organisation has ("Yukos shareholders", "the firm's board").
_OWNED_AFTER: Final = frozenset(
    {"board", "shareholders", "shares", "share", "profits", "profit", "directors", "subsidiary", "subsidiaries",
     "headquarters", "stock", "revenues", "turnover", "chairman", "workforce", "bosses"}
)

#: Words that follow a name without a possessive and make it an organisation ("Pompey boss", "Yukos executives").
_OWNED_BARE: Final = _OWNED_AFTER | frozenset({"boss", "executives", "employees", "staff", "members", "president"})

#: Words after a name without a possessive that make it the body a spokesperson speaks for ("Orvak spokesman").
_SPOKES: Final = frozenset({"spokesman", "spokeswoman", "spokesperson", "spokesmen", "spokeswomen"})

#: Words before "in"/"of" that make the name after them a company ("shares in X", "a stake in X").
_STAKE_WORDS: Final = frozenset({"shares", "stake", "stakes", "shareholding", "shareholders"})

#: Words that are never an entity on their own: legal suffixes and generic heads of longer names.
LONE_GENERIC_WORDS: Final = frozenset(
    {"Re", "Inc", "Inc.", "Corp", "Corp.", "Co", "Co.", "Ltd", "Ltd.", "plc", "Plc", "PLC", "AG", "SA", "NV", "GmbH",
     "LLC", "Group", "Holdings", "Corporation", "Incorporated", "Limited", "Industries", "Festival", "Council",
     "Royal", "Company", "Club", "Society", "Association", "Foundation", "Trust", "Partners"}
)


def _head_noun(doc: Doc, i: int) -> bool:
    """Token ``i`` is a lowercase organisation head noun ("bank", "wine maker", not "film maker")."""
    if i < 0:
        return False
    t = doc[i]
    w = t.text.lower()
    if not t.text.islower():
        return False
    if w == "maker" or (w.endswith("maker") and w[:-5].rstrip("-") in _PERSON_MAKERS):
        return w == "maker" and i > 0 and doc[i - 1].text.isalpha() and doc[i - 1].text.lower() not in _PERSON_MAKERS \
            and doc[i - 1].text.islower()
    return w in ORG_HEADS


def _org_head(t: Token) -> bool:
    """An appositive head that names an organisation: "bank", or "one of" them ("one of Norway's biggest banks")."""
    if t.text.islower() and t.lemma_.lower() in ORG_HEADS - {"maker"}:
        return True
    return t.lower_ == "one" and any(
        p.lower_ == "of" and any(o.dep_ == "pobj" and o.text.islower() and o.lemma_.lower() in ORG_HEADS - {"maker"}
                                 for o in p.children)
        for p in t.children
    )


def _cued(doc: Doc, c: _Cand) -> str | None:
    """The cue that makes ``c`` an organisation, or None."""
    s, e = c.start, c.end
    n = len(doc)
    b = s - 1
    if b >= 0 and doc[b].text in {"the", "The"}:
        b -= 1
    root = doc[s:e].root
    if root.dep_ in {"nsubj", "nsubjpass"} and root.head.dep_ in {"relcl", "acl"}:
        return None  # "the company Richard Branson founded": the name is the subject of a relative clause
    # "the company Richard Branson founded" (a relative clause), not "the charity X said"
    relative = e < n and doc[e].pos_ == "VERB" and b > 0 and doc[b - 1].pos_ == "DET" \
        and doc[e].lemma_ not in {"say", "tell", "add", "warn", "announce", "claim", "argue"}
    if _head_noun(doc, b) and b >= 0 and not doc[b].is_sent_start and not relative:
        return f"premodifier {doc[b].text!r}"
    if s >= 2 and doc[s - 1].text in {"in", "of"} and doc[s - 2].text.lower() in _STAKE_WORDS:
        return f"{doc[s - 2].text} {doc[s - 1].text}"
    if e < n:
        poss = doc[e].text in {"'s", "’s"}
        k = e + 1 if poss else e
        if k < n and doc[k].text.islower():
            word = doc[k].text
            two = f"{word} {doc[k + 1].text}" if k + 1 < n else ""
            if (word in (_OWNED_AFTER if poss else _OWNED_BARE) or two == "chief executive") \
                    and (poss or doc[k].pos_ == "NOUN"):  # not the verb of "Laura Finch shares her view"
                return f"{'possessive ' if poss else ''}{word!r}"
            if not poss and word in _SPOKES and not (s > 0 and doc[s - 1].text in HONORIFICS):
                return f"spokes {word!r}"  # "Orvak spokesman Mike Lane" (a person's is "Mr Lane's spokesman")
    # appositive: "X, Norway's biggest bank" / "Norway's biggest bank, X"
    span = doc[s:e]
    # right after the name ("X, a bank", "X - a bank"), not "X of the Y Council, a group": that is the council
    adjacent = e < n and doc[e].text in {",", "-", "–", "—", "("}
    for t in root.children:  # the appositive's phrase starts right there: not "X, founder of Y, one of the groups"
        if t.dep_ == "appos" and t.i >= e and adjacent and t.left_edge.i == e + 1 and _org_head(t):
            return f"appositive {t.text!r}"
    if root.dep_ == "appos" and root.head.i < s and not relative and _org_head(root.head):
        return f"appositive {root.head.text!r}"
    # "the Velvet Owls": a plural name after the article
    words = [t.text for t in span]
    if (s > 0 and doc[s - 1].text in {"the", "The"} and len(words) >= 2 and words[0] not in HONORIFICS
            and words[-1].isalpha() and words[-1][:1].isupper() and words[-1].endswith("s")
            and not words[-1].endswith("ss")):
        return "plural name after 'the'"
    return None


#: Capitalised words that make "Given Word" an institution, not a person ("Clare College", "Anna Motors").
_INSTITUTION_WORDS: Final = frozenset(
    {"College", "University", "School", "Academy", "Institute", "Hospital", "Museum", "Gallery", "Theatre",
     "Theater", "Centre", "Center", "Motors", "Records", "Films", "Pictures", "Studios", "Media", "Music",
     "Entertainment", "Capital", "Associates", "Brothers", "Sons", "Foods", "Homes", "Stores", "Fund"}
)
_ORG_NAME_WORDS: Final = COMPANY_SUFFIXES | LONE_GENERIC_WORDS | _INSTITUTION_WORDS \
    | frozenset(w.capitalize() for w in ORG_HEADS)


def _pronoun_cue(doc: Doc, c: _Cand, person: bool = False) -> str | None:
    """A pronoun only an organisation takes: "X made its call" (X the subject, "its" in the verb's object),
    "X, which ..." (people take "who").  With ``person``, the pronouns of a person instead ("X made his call",
    "X, who ...")."""
    s, e = c.start, c.end
    rel, poss = ({"who", "whom"}, {"his", "her"}) if person else ({"which"}, {"its"})
    # "..., said Kim Lee, which means": after a speech verb "which" takes the whole clause
    speech = s > 0 and doc[s - 1].lemma_ in {"say", "tell", "add", "according"}
    # "a bid by Malcolm Glazer, which values the club": after a full name "which" may take the phrase around it
    if e + 1 < len(doc) and doc[e].text == "," and doc[e + 1].lower_ in rel and (person or (not speech and e - s == 1)):
        return f"relative {doc[e + 1].lower_!r}"
    root = doc[s:e].root
    if root.dep_ != "nsubj" or root.head.pos_ not in {"VERB", "AUX"}:
        return None
    verb = root.head
    for child in verb.children:
        if child.dep_ in {"dobj", "attr"} and any(t.lower_ in poss and t.dep_ == "poss" for t in child.children):
            return f"possessive {next(t.lower_ for t in child.children if t.lower_ in poss)!r} of its subject"
    return None


def given_name_people(doc: Doc, cands: list[_Cand]) -> list[_Cand]:
    """Rule ``person.given-name``: an organisation spaCy alone guessed, named "Given Surname", is a Person.

    Not when the second word is an organisation word, the next token is "&", a table knows the name, or
    any mention of the name has an organisation cue (:func:`_cued`): "Christian Dior" stays a firm only
    when the text says so ("shares in ...", "fashion house ..." as an appositive head).
    """
    def form(c: _Cand) -> bool:
        if c.type != "Organization" or c.rule != "ner" or c.authority != 0 or c.label is not None \
                or c.end - c.start != 2:
            return False
        first, second = doc[c.start].text, doc[c.end - 1].text
        return (is_given_name(first) and second.isalpha() and second[:1].isupper() and not second.isupper()
                and second not in _ORG_NAME_WORDS
                and (c.end >= len(doc) or doc[c.end].text != "&"))

    keys = {fold(_span_text(doc, c.start, c.end)) for c in cands if form(c)}
    if not keys:
        return cands
    cued = {key for c in cands if (key := fold(_span_text(doc, c.start, c.end))) in keys and _cued(doc, c)}
    people = {k for k in keys - cued if _gaz_lookup(k, True) is None}
    out = []
    for c in cands:
        if form(c) and fold(_span_text(doc, c.start, c.end)) in people:
            c = replace(c, type="Person", rule="person.given-name", notes=[*c.notes, "given name, no organisation cue"])
        out.append(c)
    return out


def _surname_elsewhere(doc: Doc, c: _Cand, cands: list[_Cand]) -> bool:
    """The last word of ``c`` ends another, longer person's name in the document ("Kerry" of "John Kerry")."""
    last = fold(doc[c.end - 1].text)
    return any(o.type == "Person" and o.end - o.start > c.end - c.start and fold(doc[o.end - 1].text) == last
               for o in cands)


def org_cues(doc: Doc, cands: list[_Cand], people_only: bool = False) -> list[_Cand]:
    """Rule ``org-cue``: a Person (or untabled Place) the text calls a company, band or club is an Organization.

    Rule ``person.given-name`` (:func:`given_name_people`) runs first.  With ``people_only`` (the second pass, on
    the mentions consistency added) only people are retyped.
    """
    if not people_only:
        cands = given_name_people(doc, cands)
    retype: dict[str, str] = {}
    # "Baoshan" beside "Baoshan Iron and Steel Co": a town's name that leads a company's name may be the company
    leads = {doc[c.start].text for c in cands if c.type == "Organization" and c.end - c.start > 2
             and doc[c.end - 1].text in COMPANY_SUFFIXES}
    for c in cands:
        town = c.type == "Place" and c.end - c.start == 1 and doc[c.start].text in leads
        if c.type not in {"Person", "Place"} or ((c.authority >= 2 or c.label is not None) and not town):
            continue
        if people_only and c.type != "Person":
            continue
        cue = _cued(doc, c)
        if cue is None or (c.type == "Place" and cue.startswith("plural")):
            continue
        if cue.startswith("spokes") and (_surname_elsewhere(doc, c, cands) or is_given_name(doc[c.start].text)):
            continue  # "a Kerry spokesman" beside "John Kerry", "Peter Dunmore spokesman": a person's
        retype.setdefault(fold(_span_text(doc, c.start, c.end)), cue)
    if not retype:
        return cands
    out = []
    for c in cands:
        key = fold(_span_text(doc, c.start, c.end))
        town = c.type == "Place" and c.end - c.start == 1 and doc[c.start].text in leads
        kinds = {"Person", ""} if people_only else {"Person", "Place", ""}
        if key in retype and c.type in kinds and ((c.authority < 2 and c.label is None) or town):
            note = f"org-cue: {retype[key]}"
            c = replace(c, type="Organization", rule="org-cue", label=None, code=None, wikidata=None, authority=1,
                        notes=[*c.notes, note])
        out.append(c)
    return out


#: Adjectives before a given name that make it an idiom for anybody ("the average Joe", "an ordinary Joe").
_ANYBODY: Final = frozenset({"average", "ordinary", "regular", "typical", "everyday"})


def _common_noun(doc: Doc, c: _Cand, lower: frozenset[str], starts: dict[str, bool]) -> bool:
    """"Auction spokesman Ann Lee": a one-word name capitalised only where a sentence starts, whose lowercase
    form the document also uses ("the auction"), is a common noun."""
    if c.end - c.start != 1 or c.type not in {"Person", "Organization"} or c.label is not None:
        return False
    word = doc[c.start].text
    if c.rule not in {"post-cue", "said"} and doc[c.start].pos_ == "PROPN":
        return False  # spaCy's own proper noun ("Next said sales rose" beside "next year") stays
    return word.lower() in lower and starts.get(word, False) and word.isalpha() and not word.isupper()


def _idiom_name(doc: Doc, c: _Cand) -> bool:
    """"an average American Joe": a lone given name after "average"/"ordinary" (and a demonym) is nobody."""
    if c.type != "Person" or c.end - c.start != 1:
        return False
    k = c.start - 1
    if k > 0 and doc[k].text[:1].isupper():
        k -= 1
    return k >= 0 and doc[k].text in _ANYBODY


#: Tokens after which a capitalised word starts a line or a quotation, like a sentence start.
_OPENERS: Final = frozenset({"\n", '"', "'", "“", "("})


def generic_word_filter(doc: Doc, cands: list[_Cand]) -> list[_Cand]:
    """Rule ``generic-word``: a lone legal or generic word ("Re", "Festival", "Royal") is no entity, nor is a
    common noun capitalised at a sentence start (:func:`_common_noun`) or the "average Joe" idiom."""
    text = token_table(doc).text
    lower = frozenset(w for w in text if w.islower())
    sent_starts = {s.start for s in doc.sents} if doc.has_annotation("SENT_START") else set()
    starts: dict[str, bool] = {}  # capitalised word -> whether every occurrence starts a sentence
    for i, w in enumerate(text):
        if w[:1].isupper() and starts.get(w, True):
            starts[w] = i == 0 or i in sent_starts or text[i - 1] in _OPENERS or text[i - 1].isspace()
    return [c for c in cands if not (c.end - c.start == 1 and doc[c.start].text in LONE_GENERIC_WORDS
                                     and c.type != "Country")
            and not _common_noun(doc, c, lower, starts) and not _idiom_name(doc, c)]


def nobody_filter(doc: Doc, cands: list[_Cand]) -> list[_Cand]:
    """The "average Joe" idiom (:func:`_idiom_name`) again, after the steps that add uncovered mentions."""
    return [c for c in cands if not _idiom_name(doc, c)]


def pronoun_orgs(doc: Doc, cands: list[_Cand]) -> list[_Cand]:
    """Rule ``org-cue`` (pronouns): a name guessed a person that the text refers to with "its" or "which" is an
    Organization in every mention ("Tepra made its call", "Tepra, which campaigns ...").  Runs after
    :func:`~graphbuild.extract.entity_steps.consistency.consistency`, which adds the uncovered mentions."""
    cued: dict[str, str] = {}
    # words of a person named in full ("Buyoya" of "Pierre Buyoya") and names that start with a given name stay
    named = {fold(doc[k].text) for c in cands if c.type == "Person" and c.end - c.start > 1 for k in range(c.start, c.end)}
    for c in cands:
        if c.type == "Person" and c.authority < 2 and c.label is None and not is_given_name(doc[c.start].text) \
                and not (c.end - c.start == 1 and fold(doc[c.start].text) in named):
            cue = _pronoun_cue(doc, c)
            if cue is not None:
                cued.setdefault(fold(_span_text(doc, c.start, c.end)), cue)
    if not cued:
        return cands
    # "X, who ...", "X made his call": the pronouns of a person elsewhere outweigh the cue
    for c in cands:
        key = fold(_span_text(doc, c.start, c.end))
        if key in cued and (_pronoun_cue(doc, c, person=True) or (c.start > 0 and doc[c.start - 1].text in HONORIFICS)):
            del cued[key]
    out = []
    for c in cands:
        key = fold(_span_text(doc, c.start, c.end))
        if key in cued and c.type == "Person" and c.authority < 2 and c.label is None:
            c = replace(c, type="Organization", rule="org-cue", authority=1, notes=[*c.notes, f"org-cue: {cued[key]}"])
        out.append(c)
    return out


#: Nouns after "the Xs" that make the plural a family or a set of people ("the Jones family", "the Kelly twins").
_KIN_NOUNS: Final = frozenset(
    {"family", "families", "sisters", "brothers", "twins", "couple", "clan", "household", "children", "siblings",
     "boys", "girls", "parents", "dynasty"}
)


def _plural_of(word: str, singulars: set[str]) -> bool:
    """``word`` is the plural of one of ``singulars`` (folded): "Osbournes" of "osbourne", "Joneses" of "jones"."""
    w = fold(word)
    return (w.endswith("s") and w[:-1] in singulars) or (w.endswith("es") and w[:-2] in singulars)


def plural_names(doc: Doc, cands: list[_Cand]) -> list[_Cand]:
    """Rules ``org-cue`` (plural) and ``family``: one capitalised plural word after "the" is no person.

    "the Velvetones", "the Harwicks": people take no article and no plural.  When the word is the plural of
    the surname of a person named in full in the document ("the Harwicks" beside "Ann Harwick"), it is the
    family: no entity (and never that person).  Otherwise it is a band, team or firm: an Organization, in every
    one-word mention.  Not before a kin noun ("the Harwick sisters"), nor for a name that is itself a named
    person's surname ("the Williams" beside "Serena Williams"), a table name, or a name a stronger rule typed.
    """
    words = _words(doc)
    n = len(words)
    surnames = {fold(words[c.end - 1]) for c in cands if c.type == "Person" and c.end - c.start >= 2}
    plural: set[str] = set()
    for c in cands:
        if c.type != "Person" or c.end - c.start != 1 or c.authority >= 2 or c.label is not None:
            continue
        w, s = words[c.start], c.start
        if s == 0 or words[s - 1] not in {"the", "The"}:
            continue
        if not (len(w) >= 4 and w.isalpha() and w[0].isupper() and not w.isupper() and w.endswith("s")
                and not w.endswith("ss")):
            continue
        if s + 1 < n and (words[s + 1][:1].isupper() or words[s + 1].lower() in _KIN_NOUNS):
            continue
        if s + 2 < n and words[s + 1] in {"and", "&"} and words[s + 2][:1].isupper():
            continue  # "the Rogers and Hart songbook": two people's names before a noun
        if (s + 1 < n and doc[s + 1].pos_ == "NOUN" and words[s + 1].islower()) or is_given_name(w):
            continue  # "the Hastings report", "the Atkins diet": a person's name before a noun; "the James"
        if fold(w) in surnames or _gaz_lookup(w, False) is not None:
            continue
        plural.add(fold(w))
    if not plural:
        return cands
    family = {w for w in plural if _plural_of(w, surnames)}
    out = []
    for c in cands:
        key = fold(words[c.start]) if c.end - c.start == 1 else ""
        if key in plural and c.type == "Person" and c.authority < 2 and c.label is None:
            if key in family:
                continue  # "the Harwicks": the family of a person the document names, nobody's name
            c = replace(c, type="Organization", rule="org-cue", authority=1,
                        notes=[*c.notes, "org-cue: plural name after 'the'"])
        out.append(c)
    return out
