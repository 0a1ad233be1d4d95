"""Posts: a title before, after or around a person's name (holds_position), with its organisation or country."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from graphbuild.extract.common import Hit, token_table
from graphbuild.extract.entity_steps.works import GENERIC_WORDS, is_generic
from graphbuild.extract.lexicon import (
    COUNTRY_NAMES,
    FORMER_WORDS,
    IMPLIED_COUNTRY,
    PARTY_POSTS,
    POST_HEADS,
    TITLES,
    WEAK_TITLES,
)
from graphbuild.extract.relation_rules.base import (
    _FIRM_NOUNS,
    _MAX_TITLE_WORDS,
    _POSS,
    _RANKS,
    Context,
    _person,
    _pobj_hits,
    _tokens,
    counterfactual,
    is_party,
    quoted,
)
from graphbuild.model import Relation

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


def _is_title(text: str) -> bool:
    """A post in the title table, written with spaces or hyphens ("chief-of-staff" is "chief of staff")."""
    return text in TITLES or ("-" in text and text.replace("-", " ") in TITLES)


def _title_before(doc: Doc, end: int) -> tuple[int, str] | None:
    """The longest title ending at token ``end`` (exclusive): (start token, title text)."""
    best: tuple[int, str] | None = None
    for n in range(1, _MAX_TITLE_WORDS + 3):
        start = end - n
        if start < 0:
            break
        words = [t.lower_ for t in doc[start:end]]
        text = " ".join(words).replace(" - ", "-")
        if _is_title(text):
            best = (start, doc[start:end].text)
    return best


def _title_after(doc: Doc, start: int, stop: int) -> tuple[int, str] | None:
    """The longest title starting at token ``start`` and ending before ``stop``: (end token, text)."""
    best: tuple[int, str] | None = None
    for n in range(1, _MAX_TITLE_WORDS + 3):
        end = start + n
        if end > stop:
            break
        text = " ".join(t.lower_ for t in doc[start:end]).replace(" - ", "-")
        if _is_title(text):
            best = (end, doc[start:end].text)
    return best


def _org_before(ctx: Context, i: int) -> Hit | None:
    """An Organization/Country mention ending right before token ``i`` (allowing a possessive)."""
    doc = ctx.doc
    j = i
    if j > 0 and doc[j - 1].text in _POSS:
        j -= 1
    if j > 0 and doc[j - 1].lower_ in ("the",):
        return None
    hit = ctx.index.end_at.get(j)
    if hit is None:
        return None
    h = hit[2]
    if h.entity.type in ("Organization", "Country"):
        return h
    return None


def _post_relations(
    ctx: Context, person: Hit, title: str, org: Hit | None, sent: Span, rule: str
) -> Iterator[Relation]:
    weak = title.lower() in WEAK_TITLES
    former = _former_before(ctx, sent, person, title)
    if org is not None and _department_words(org):
        org = None  # "National Security Advisor X", "Home Minister X": the "organisation" is part of the post
    if org is not None and is_party(org.entity) and title.lower() not in PARTY_POSTS:
        # "Labour MP Jane Doe": the party is her affiliation, "MP" not a post of the party
        yield ctx.rel(person, "affiliated_with", org, sent, rule, 0.8, former=former)
        if not weak:
            yield ctx.rel(person, "holds_position", person, sent, rule, 0.8, title=_clean_title(title),
                          object_text=person.mention.text, former=former)
        return
    if org is not None and org.entity.type == "Country" and nationality_only(title):
        # "British director X": a nationality and an occupation, not a post of the state; "X, founder of India 's
        # Percept Films", "UK managing director of Y": the country is the firm's or the branch's, so nothing
        if rule == "title.prefix" and org.mention.kind == "demonym":
            yield ctx.rel(person, "lives_in", org, sent, "lives_in.nationality", 0.6)
        return
    if org is not None:
        yield ctx.rel(person, "holds_position", org, sent, rule, 0.85, title=_clean_title(title), former=former)
        yield ctx.rel(person, "affiliated_with", org, sent, rule, 0.8, former=former)
        return
    if weak:
        return
    implied = IMPLIED_COUNTRY.get(title.lower())
    # an opposition post ("Shadow Home Secretary X") is no post of the state: the post stays without organisation
    if implied is not None and title[:1].isupper() and not title.lower().startswith("shadow "):
        names = COUNTRY_NAMES.get(implied, frozenset({implied.lower()}))
        country = next((e for e in ctx.index.entities if e.type == "Country"
                        and (e.label == implied or e.label.lower() in names)), None)
        if country is not None:
            yield ctx.rel(person, "holds_position", country, sent, "title.implied_country", 0.6,
                          title=_clean_title(title), object_text=title, former=former)
            yield ctx.rel(person, "affiliated_with", country, sent, "title.implied_country", 0.6, object_text=title,
                          former=former)
            return
    yield ctx.rel(person, "holds_position", person, sent, rule, 0.8, title=_clean_title(title),
                  object_text=person.mention.text, former=former)


#: Last words of titles that name an occupation, never a post a country gives: after a nationality ("British
#: director X", "US economist Y") they say where the person is from, not whom they act for.
_OCCUPATIONS = frozenset(
    {"director", "editor", "founder", "co-founder", "owner", "executive", "ceo", "cfo", "coo", "economist", "analyst",
     "correspondent", "lawyer", "chairman", "chairwoman", "chairperson", "chair", "producer"})


def nationality_only(title: str) -> bool:
    """Whether a title after a country or nationality word names an occupation, not a post of the state:
    "director", "chief executive", "film producer" (not "foreign minister", "ambassador", "director general")."""
    words = title.lower().replace("-", " - ").split()
    return bool(words) and (words[-1] in _OCCUPATIONS or (words[-1] == "officer" and bool(
        {"executive", "operating", "financial", "technology"} & set(words))))


#: Words before a post that only date it ("New Home Secretary X", "Ex-Home Secretary Y"): the entity layer may
#: take them into a "name" made of department words.
_POST_DATING = FORMER_WORDS | frozenset({"new", "acting", "interim", "incoming"})
#: Portfolio words outside :data:`GENERIC_WORDS` ("Transportation Secretary", "Monetary Affairs Commissioner").
_PORTFOLIO_WORDS = GENERIC_WORDS | frozenset({"transportation", "communication", "monetary", "fiscal",
                                              "equality", "equalities", "environmental", "constitutional", "rural",
                                              "digital", "media", "arts", "sport", "competition", "enterprise"})
#: Department words that name a body, not a portfolio: "Treasury spokesman X" works for the Treasury.
_BODY_WORDS = frozenset({"treasury", "cabinet", "parliament", "senate", "army", "navy", "government", "ministry",
                         "department", "court", "assembly", "police", "judiciary", "bank", "force", "forces"})


def label_words(org: Hit) -> list[str]:
    """The lower-case words of an organisation's label without a leading "new", "former" or "ex-"."""
    words = org.entity.label.lower().split()
    if words and words[0].startswith("ex-"):
        words[0] = words[0][3:]
    while words and words[0] in _POST_DATING:
        words = words[1:]
    return [w for w in words if w]


def _department_words(org: Hit) -> bool:
    """An Organization mention made only of a post's department words ("National Security", "Home", "New Home")."""
    words = label_words(org)
    return org.entity.type == "Organization" and bool(words) and all(w in _PORTFOLIO_WORDS for w in words) \
        and not is_generic(org.entity.label) and not is_party(org.entity) and org.mention.rule != "gazetteer"


def portfolio(org: Hit) -> bool:
    """An Organization "name" that is a portfolio or a generic word before a post, no body: "Health spokesman X",
    "Home Affairs spokesman Y", "Communications director Z", "Party leader W" (but "Treasury spokesman X")."""
    words = label_words(org)
    if org.entity.type != "Organization" or not words or org.mention.rule == "gazetteer":
        return False
    if words == ["party"]:
        return True
    return all(w in _PORTFOLIO_WORDS for w in words) and words[-1] not in _BODY_WORDS and not is_party(org.entity)


def _former_before(ctx: Context, sent: Span, person: Hit, title: str) -> bool:
    """Whether "former", "ex-", "outgoing" or "then" qualifies the title near the person in ``sent``:
    "former chief executive X", "X, the former chief executive of Y", "ex-Labour MP X"."""
    doc = ctx.doc
    low = title.lower().split()
    words = [t.lower_ for t in doc[sent.start:sent.end]]
    n = len(low)
    for k in range(len(words) - n + 1):
        if words[k:k + n] != low:
            continue
        back = [w for w in words[max(0, k - 4):k] if w != "-"]
        if any(w in FORMER_WORDS or w in ("ex", "ex-") for w in back[-3:]):
            return True
    return False


def _clean_title(title: str) -> str:
    words = title.split()
    if title.isupper() and len(title) > 4:  # "FOREIGN MINISTER" in a headline; "MP", "CEO" stay
        title = " ".join(w if w.lower() in ("of", "the", "and", "for") else w.capitalize() for w in words)
    return post_case(title)


#: Title words that are names or name parts, written as they stand ("Welsh secretary", "Labour leader").
_NAME_WORDS = frozenset({"europe", "ireland", "northern", "scottish", "welsh", "christian", "muslim", "hindu",
                         "buddhist", "islamic", "labour", "labor", "democratic", "exchequer"})
#: Words a post is made of: lower-case in :func:`post_case`.
_POST_CASE_WORDS = (frozenset(w for t in TITLES for w in t.replace("-", " ").split()) | POST_HEADS | _PORTFOLIO_WORDS
                    | frozenset({"vice", "deputy", "assistant", "acting", "interim", "shadow", "junior", "senior",
                                 "chief", "general", "executive", "managing", "principal", "special", "policy",
                                 "press", "communications", "operating", "financial", "technology", "affairs",
                                 "secretary", "minister", "commissioner", "spokesman", "spokeswoman", "manager",
                                 "economist", "analyst", "correspondent", "officer", "director", "editor"})) \
    - _NAME_WORDS


def post_case(title: str) -> str:
    """One spelling of a post whatever its case in the sentence: the post's own words in lower case, so "US
    President X" and "US president X", "Shadow Foreign Secretary" and "shadow foreign secretary" are one post;
    abbreviations ("MP", "CEO") and names ("Asia director", "Welsh secretary") stay as written."""
    out = []
    for word in title.split(" "):
        parts = word.split("-")
        out.append("-".join(p.lower() if p.lower() in _POST_CASE_WORDS and not (p.isupper() and len(p) > 1) else p
                            for p in parts))
    return " ".join(out)


def _after_party_tag(doc: Doc, e: int, stop: int) -> int:
    """The comma closing a party-and-state tag after a name ("Riegle , D-Mich. , chairman"), else ``e``."""
    if e + 4 < stop and doc[e].text == "," and doc[e + 1].text in ("D", "R", "I") and doc[e + 2].text == "-":
        k = e + 3
        while k < min(stop, e + 7) and doc[k].text != ",":
            k += 1
        if k < stop and doc[k].text == "," and k > e + 3:
            return k
    return e


def rule_title_prefix(ctx: Context) -> Iterator[Relation]:
    """``[ORG|Country ('s)] TITLE PERSON``: "Kremlin spokesman Dmitry Peskov", "US President Joe Biden"."""
    doc = ctx.doc
    for s, _e, hit in ctx.index.spans:
        if hit.entity.type != "Person" or hit.mention.text.lower().rstrip(".") in _RANKS:
            continue
        t = s  # "Coast Guard spokesman Lt. Pat Philbin": a rank between the title and the name
        while t > 0 and (doc[t - 1].lower_.rstrip(".") in _RANKS or (doc[t - 1].text == "." and t > 1
                                                                      and doc[t - 2].lower_ in _RANKS)):
            t -= 1
        found = _title_before(doc, t)
        comma = False
        if found is None and t > 2 and doc[t - 1].text == "," and (found := _title_before(doc, t - 1)) is not None:
            comma = True  # "Vodafone 's chief executive , Arun Sarin ,": only with the organisation before the title
        if found is None:
            continue
        tstart, title = found
        org = _org_before(ctx, tstart)
        if comma and org is None:
            continue
        k = tstart  # "CNEN Radioprotection Director Laercio Vinhas": a department between the body and the title
        while org is None and k > max(ctx.sent_of[s].start, tstart - 2) and doc[k - 1].is_title and doc[k - 1].is_alpha \
                and ctx.index.at(doc[k - 1]) is None:
            k -= 1
            org = _org_before(ctx, k)
        # "Secretary of State" style titles may hide an organisation mention inside them
        yield from _post_relations(ctx, hit, title, org, ctx.sent_of[s], "title.prefix")


def rule_title_appos(ctx: Context) -> Iterator[Relation]:
    """``PERSON, (the|a) [ORG|Country ('s)] TITLE (of|at|for ORG)``: "Dmitry Peskov, the Kremlin spokesman"."""
    doc = ctx.doc
    for _s, e, hit in ctx.index.spans:
        if hit.entity.type != "Person" or e >= len(doc) or doc[e].text != ",":
            continue
        sent = ctx.sent_of[e]
        e = _after_party_tag(doc, e, sent.end)
        i = e + 1
        while i < sent.end and doc[i].lower_ in ("the", "a", "an", "now", "then", "former", "current", "new"):
            i += 1
        org: Hit | None = None
        nxt = ctx.index.start_at.get(i)
        if nxt is not None and nxt[2].entity.type in ("Organization", "Country"):
            org = nxt[2]
            i = nxt[1]
            if i < sent.end and doc[i].text in _POSS:
                i += 1
        found = _title_after(doc, i, min(sent.end, i + _MAX_TITLE_WORDS + 2))  # "chief executive" is one title
        rank_start = i
        while found is None and i < sent.end and doc[i].lower_ in ("deputy", "senior", "chief", "former", "acting",
                                                                   "interim"):
            i += 1
            found = _title_after(doc, i, min(sent.end, i + _MAX_TITLE_WORDS + 2))
            if doc[i - 1].lower_ == "former":
                rank_start = i
        if found is None:
            continue
        tend, title = found
        if rank_start < i:  # the rank is part of the post: "deputy chairman", "senior vice president"
            title = doc[rank_start:tend].text
        nxt_name = ctx.index.start_at.get(tend)
        if nxt_name is not None and nxt_name[2].entity.type == "Person":
            continue  # "A chairman X , B chairman Y": the post is the next name's
        if tend < sent.end and doc[tend].pos_ == "NOUN" and doc[tend].is_lower and doc[tend - 1].head.i == tend:
            # the title word only qualifies the noun after it: "chief economist", "general manager"
            title = doc[rank_start if rank_start < i else tend - len(title.split()):tend + 1].text
            tend += 1
        # "X , Welsh secretary of the BMA", "X , US head of Y": the country before the post is the branch's, the
        # body after it the employer
        branch = org is not None and org.entity.type == "Country"
        if (org is None or branch) and tend + 1 < sent.end and doc[tend].lower_ in ("of", "at", "for", "with"):
            nxt = ctx.index.start_at.get(tend + 1) or ctx.index.start_at.get(tend + 2) \
                or _after_descriptor(ctx, tend + 1, sent.end)
            if nxt is not None and (later := _after_descriptor(ctx, nxt[1], sent.end)) is not None:
                nxt = later  # "head of MMS firm Zentrix": the first name only says what the firm does
            if branch and (nxt is None or nxt[2].entity.type != "Organization" or _department_words(nxt[2])):
                nxt = None  # "Australia 's Minister for Trade": a post of the state after all
            if nxt is not None and nxt[2].entity.type in ("Organization", "Country"):
                org = nxt[2]
                after = ctx.index.start_at.get(nxt[1])
                if after is not None and after[2].entity.type == "Person":
                    continue  # "X , head of the Federal Service Viktor Ivanov": the post is Ivanov's
        yield from _post_relations(ctx, hit, title, org, sent, "title.appos")


#: Nouns that say what kind of body the name after them is ("software firm Zentrix", "online bank Y").
_DESCRIPTOR_NOUNS = _FIRM_NOUNS | frozenset({"giant", "outfit", "operator", "consultancy", "charity", "watchdog",
                                             "regulator", "body", "organisation", "organization", "association",
                                             "lobby", "club", "label", "studio", "publisher", "developer"})


def _after_descriptor(ctx: Context, i: int, stop: int) -> tuple[int, int, Hit] | None:
    """The Organization named after a descriptor starting at token ``i`` ("the software firm Zentrix", "online
    bank Y"): up to four lower-case words ending in a noun for a body, then the name."""
    doc = ctx.doc
    k = i
    if k < stop and doc[k].lower_ == "the":
        k += 1
    start = k
    while k < min(stop, start + 4) and doc[k].is_lower and doc[k].pos_ in ("NOUN", "ADJ", "PROPN"):
        k += 1
    if k == start or doc[k - 1].lower_ not in _DESCRIPTOR_NOUNS:
        return None
    found = ctx.index.start_at.get(k)
    return found if found is not None and found[2].entity.type == "Organization" else None


def rule_title_copula(ctx: Context) -> Iterator[Relation]:
    """``PERSON is (the) TITLE of ORG|Country``: "Fernandez de Cevallos would be the next president of Mexico"."""
    index = ctx.index
    for tok in _tokens(ctx.doc, [i for i, lem in enumerate(token_table(ctx.doc).lemma) if lem == "be"]):
        if tok.lemma_ != "be":
            continue
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        person = _person(index, subj)
        if person is None or counterfactual(tok) or (subj is not None and subj.pos_ == "PRON" and quoted(tok)):
            continue
        for attr in tok.children:
            if attr.dep_ != "attr" or attr.pos_ != "NOUN":
                continue
            words = [c for c in attr.children if c.dep_ == "compound" and c.i < attr.i] + [attr]
            title = " ".join(t.text for t in words)
            if title.lower() not in TITLES or title.lower() in WEAK_TITLES:
                continue
            orgs = [h for _, h in _pobj_hits(attr, index, ("of",)) if h.entity.type in ("Organization", "Country")]
            for org in orgs[:1]:
                yield from _post_relations(ctx, person, title, org, tok.sent, "title.copula")


def rule_title_of_org(ctx: Context) -> Iterator[Relation]:
    """``TITLE of ORG, PERSON`` / ``TITLE of ORG PERSON``: "chief executive of Vodafone, Arun Sarin"."""
    doc = ctx.doc
    for s, e, hit in ctx.index.spans:
        if hit.entity.type not in ("Organization", "Country") or s < 2:
            continue
        # "the chairman of the United Djibouti Opposition Front , X" (an organisation after "of the")
        of = s - 2 if doc[s - 1].lower_ == "the" and hit.entity.type == "Organization" else s - 1
        if of < 1 or doc[of].lower_ != "of":
            continue
        found = _title_before(doc, of)
        if found is None:
            continue
        tstart, title = found
        if " ".join(t.lower_ for t in doc[tstart:e]) in TITLES:  # "Secretary of State" is one title
            continue
        j = e
        if j < len(doc) and doc[j].text == ",":
            j += 1
        nxt = ctx.index.start_at.get(j)
        if nxt is None or nxt[2].entity.type != "Person":
            continue
        yield from _post_relations(ctx, nxt[2], title, hit, ctx.sent_of[s], "title.of_org")


_LEAD_PREPS = ("of", "at", "for", "to", "in")
_LEAD_OPENERS = ("the", "a", "an")


def _lead_start_ok(ctx: Context, sent: Span, i: int) -> tuple[bool, Hit | None]:
    """Whether a leading post may start at token ``i``, and the organisation or country right before it."""
    doc = ctx.doc
    pre = ctx.index.end_at.get(i)
    org = pre[2] if pre is not None and pre[2].entity.type in ("Organization", "Country") else None
    j = pre[0] if org is not None and pre is not None else i
    if org is not None and j > sent.start and doc[j - 1].text in _POSS:
        return False, None  # "Vodafone 's chief executive , X" is title.prefix's
    ok = j == sent.start or doc[j - 1].lower_ in _LEAD_OPENERS or doc[j - 1].is_punct or doc[j - 1].pos_ == "ADP"
    return ok, org


def rule_title_lead(ctx: Context) -> Iterator[Relation]:
    """``(the) [ORG|Country] TITLE (of|at|for|to ...) , PERSON``: a post heading a noun phrase that the name
    follows after a comma: "the U.S. special envoy to Burundi , Howard Wolpe"; "the head of the infectious
    diseases department at the Hospital X , Maria Y". The organisation is the one before the post, else the
    last one closing the phrase after "of"/"at"/"for"; without one, nothing ("The foreign minister , John
    Smith , and Tom Hart" is a list as often as a post)."""
    doc = ctx.doc
    for s, e, hit in ctx.index.spans:
        if hit.entity.type != "Person" or s < 2 or doc[s - 1].text != ",":
            continue
        if e < len(doc) and not (doc[e].is_punct or doc[e].pos_ in ("VERB", "AUX")):
            continue
        sent = ctx.sent_of[s]
        comma = s - 1
        for i in range(max(sent.start, comma - 16), comma):
            if doc[i].text == "," or not doc[i].text[:1].isalpha():
                continue
            ok, org = _lead_start_ok(ctx, sent, i)
            if not ok:
                continue
            found = _title_after(doc, i, comma)
            if found is None:
                continue
            tend, title = found
            if tend < comma:
                tail = doc[tend + 1:comma]
                if doc[tend].lower_ not in _LEAD_PREPS or not 0 < len(tail) <= 12 \
                        or any(t.is_punct or t.pos_ in ("VERB", "AUX", "PRON") for t in tail):
                    continue
                last = ctx.index.end_at.get(comma)
                if org is None and doc[tend].lower_ != "to" and last is not None \
                        and last[2].entity.type in ("Organization", "Country"):
                    if last[0] in (tend + 1, tend + 2) and doc[tend].lower_ == "of":
                        break  # "chief executive of Vodafone , X" is title.of_org's
                    org = last[2]
            if org is None:
                break  # "The foreign minister , John Smith , and Tom Hart": a list as often as a post
            yield from _post_relations(ctx, hit, title, org, sent, "title.lead")
            break
