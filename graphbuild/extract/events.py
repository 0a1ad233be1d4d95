"""Events as nodes: triggers (verbs and nominalisations), arguments by role, coreference.

Pipeline per document:

1. ``find_triggers``: verbs and nouns from :mod:`lexicon` (plus "take the
   train" style travel), each a candidate event.
2. ``arguments``: subject/object/prepositions over the dependency parse, with
   subjects inherited through participles, light verbs ("launched a
   counter-offensive") and prepositional frames ("At talks..., Blinken said"); what a role may take
   and who "she said" is are checked in :mod:`event_args`.
3. ``merge``: candidates of one type that describe one happening become one
   event (same sentence and agent; a trip and "his visit to Kyiv"); an
   argument-less definite mention ("the trip") joins the latest event of its
   type.  Events with no entity argument are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from graphbuild.extract.common import EntityIndex, Hit, evidence, sentence_of, span_text, token_table
from graphbuild.extract.dates import resolve_time
from graphbuild.extract.event_args import (
    appositive_names,
    governor_role,
    nationality_modifier,
    nested_places,
    object_role,
    org_antecedent,
    passive_target,
    prune_arguments,
    purpose_of_trip,
    quantity_anchor,
    relative_subject,
    subject_modifier_names,
)
from graphbuild.extract.event_context import context_argument
from graphbuild.extract.event_folds import fold_speech_settings
from graphbuild.extract.event_label import event_label, gist
from graphbuild.extract.event_lexicon import EXTRA_NOUNS, EXTRA_VERBS, cameo_phrases, cameo_verbs
from graphbuild.extract.event_merge import Merged as _Merged
from graphbuild.extract.event_merge import absorb as _absorb
from graphbuild.extract.event_merge import fold_across_types, fold_killings
from graphbuild.extract.event_merge import merge_into as _merge_into
from graphbuild.extract.event_merge import mergeable as _mergeable
from graphbuild.extract.event_parties import (
    capital_metonymy,
    displaced_parties,
    intention_of,
    no_place_speakers,
    possessor_role,
    request_addressee,
)
from graphbuild.extract.event_recall import (
    OTHER_NOUNS,
    OTHER_VERBS,
    fix_other_roles,
    keeps_other,
    other_class,
    other_noun,
    other_trigger,
)
from graphbuild.extract.event_sense import NO_QUOTES, QuoteMask, guessed_argument_wrong, sanity, unsaid
from graphbuild.extract.event_speakers import resolve_speakers
from graphbuild.extract.event_statements import drop_reported_speech, fix_quoted_speakers, speaker_outside_words
from graphbuild.extract.event_status import event_status
from graphbuild.extract.event_time import is_future, time_of
from graphbuild.extract.lexicon import LIGHT_VERBS, NOUN_TRIGGERS, PREP_ROLES, VEHICLES, VERB_TRIGGERS
from graphbuild.model import Argument, Document, Event

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: A quotation: an opening quote before a word and a closing one after a word (a stray closing quote followed
#: by a space opens nothing: the narration after it is not quoted words).
_QUOTE = re.compile(r"[“\"](?=[^\s”\"])([^”\"]{3,}?)(?<=\S)[”\"]")
_OBJ_ROLE = {
    "Travel": "destination", "Meet": "participant", "Statement": "participant", "Request": "target",
    "Attack": "target", "Support": "target", "Agreement": "participant", "Sanction": "target",
    "Transfer": "target", "Personnel": "target", "Death": "target", "Protest": "target", "Other": "target",
}
_SPEECH_OBJECTS = frozenset(
    {"speech", "message", "lecture", "address", "verdict", "promise", "warning", "statement", "report",
     "blow", "result", "ultimatum", "sermon", "budget", "apology", "rebuke", "judgment", "judgement"}
)
_UNDERGOER_VERBS = frozenset({"die", "resign", "quit", "retire", "pass"})  # "pass": only "passed away" triggers
#: Verbs whose object, not their subject, does what "of ...ing" names ("accused X of ordering").
_ACCUSING = frozenset({"accuse", "suspect", "charge", "convict", "acquit", "blame", "credit", "clear"})
_NEG_SUBJ = frozenset({"it", "this", "that", "there", "which", "what"})


@dataclass
class Candidate:
    """An event being assembled (mutable until merged)."""

    event_type: str
    trigger: Token
    label: str
    start: int
    end: int
    sent: Span
    rule: str
    surface: str = ""
    args: dict[str, list[Hit]] = field(default_factory=dict)
    time_text: str | None = None
    quote: str | None = None
    mentions: list[tuple[int, int, str]] = field(default_factory=list)
    definite: bool = False
    own: set[str] = field(default_factory=set)  # entity keys found in its own sentence, before merging
    status: str = "reported"
    context: dict[str, tuple[Span, str]] = field(default_factory=dict)  # entity key -> (sentence, rule suffix)

    def add(self, role: str, hit: Hit | None) -> None:
        """Add an argument once (an entity keeps its first role)."""
        if hit is None:
            return
        for hits in self.args.values():
            if any(h.entity.key == hit.entity.key for h in hits):
                return
        self.args.setdefault(role, []).append(hit)

    def keys(self, *roles: str) -> set[str]:
        """Entity keys in the given roles (all roles when none given)."""
        pick = roles or tuple(self.args)
        return {h.entity.key for r in pick for h in self.args.get(r, [])}


def _hyphen_compound(tok: Token) -> str | None:
    """"counter - offensive" read as one word when written without spaces."""
    doc = tok.doc
    i = tok.i
    if i + 2 < len(doc) and doc[i + 1].text == "-" and not tok.whitespace_ and not doc[i + 1].whitespace_:
        return f"{tok.lower_}-{doc[i + 2].lower_}"
    return None


#: Every verb trigger: the hand lexicon first, then extra verbs, then CAMEO's (rule, type) per lemma.
_VERBS: dict[str, tuple[str, str]] = {
    **{v: (t, f"event.cameo.{code}") for v, (t, code) in cameo_verbs().items()},
    **{v: (t, "event.verb.extra") for v, t in EXTRA_VERBS.items()},
    **{v: (t, "event.verb") for v, t in VERB_TRIGGERS.items()},
}
#: Every noun trigger (hand lexicon over the extra nouns).
_NOUNS: dict[str, str] = {**EXTRA_NOUNS, **NOUN_TRIGGERS}
#: Lemmas :func:`_trigger_type` looks at by themselves (besides hyphen compounds and lowercased noun forms).
_TRIGGER_WORDS: frozenset[str] = frozenset(_VERBS) | frozenset(_NOUNS) | frozenset(OTHER_VERBS) | OTHER_NOUNS | {
    "take", "call", "add", "deliver", "ask", "pass"}
_EVENT_NOUNS: frozenset[str] = frozenset(_NOUNS) | OTHER_NOUNS


def _phrase_sense(tok: Token, etype: str, rule: str) -> tuple[str, str] | None:
    """CAMEO's phrase patterns on the verb's object or prepositional phrase: "strike a deal" is an
    Agreement, "attacked the plans" a Statement, "fight corruption" no event."""
    phrases = cameo_phrases()
    lemma = tok.lemma_.lower()
    for c in tok.children:
        keys: list[str] = []
        if c.dep_ in ("dobj", "attr", "acomp", "advmod"):
            keys.append(c.lemma_.lower())
            keys.append(c.lower_)
        elif c.dep_ == "prep":
            keys.extend(f"{c.lower_}:{p.lower_}" for p in c.children if p.dep_ == "pobj")
            keys.extend(f"{c.lower_}:{p.lemma_.lower()}" for p in c.children if p.dep_ == "pobj")
        for key in keys:
            found = phrases.get((lemma, key))
            if found is not None:
                ptype, code = found
                if code.startswith("036") and etype in ("Meet", "Travel"):
                    return etype, rule  # "will meet X for talks": CAMEO's intent to meet is the meeting, planned
                return None if ptype == "-" else (ptype, f"event.cameo_phrase.{code}")
    return etype, rule


def _trigger_type(tok: Token) -> tuple[str, str] | None:
    """(event type, rule) when ``tok`` triggers an event."""
    lemma = tok.lemma_.lower()
    compound = _hyphen_compound(tok)
    if compound is not None and compound in _NOUNS and not tok.ent_type_:
        return _NOUNS[compound], "event.noun"
    if tok.i >= 2 and tok.doc[tok.i - 1].text == "-" and _hyphen_compound(tok.doc[tok.i - 2]) in _NOUNS:
        return None  # the second half of a compound trigger already taken
    if tok.pos_ == "VERB":
        if lemma == "take" and any(c.dep_ == "dobj" and c.lemma_.lower() in VEHICLES for c in tok.children):
            return "Travel", "event.take_vehicle"
        if lemma == "call":
            if any(c.dep_ == "prep" and c.lower_ == "for" for c in tok.children):
                return "Request", "event.call_for"
            if not any(c.dep_ in ("oprd", "ccomp", "dobj") for c in tok.children):
                return None
        if lemma == "pass":  # "passed away" is a death; "passed the bill" no trigger
            return ("Death", "event.verb.extra") if any(c.lower_ == "away" for c in tok.children) else None
        if lemma == "add" and not any(c.dep_ == "ccomp" for c in tok.children):
            return None
        if lemma == "deliver" and any(c.dep_ == "dobj" and c.lemma_.lower() in _SPEECH_OBJECTS for c in tok.children):
            return "Statement", "event.deliver_speech"
        if lemma == "ask" and _is_passive_participle(tok):
            return None  # "Biden, asked in Washington, said": a question put to him, part of his statement
        if lemma in OTHER_VERBS and (other := other_trigger(tok, _EVENT_NOUNS)) is not None:
            return other  # a court's act, a vote, an award, a launch, an investment
        found = _VERBS.get(lemma)
        if found is None or (found[1].startswith("event.cameo") and not tok.text.isalpha()):
            return None  # "state-sponsored" is no sponsoring
        return _phrase_sense(tok, *found)
    if tok.pos_ in ("NOUN", "PROPN") and not tok.ent_type_:
        etype = _NOUNS.get(lemma) or _NOUNS.get(tok.lower_)
        if etype == "Request" and lemma == "call" and not any(c.dep_ == "prep" and c.lower_ == "for" for c in tok.children):
            return None  # "a phone call"; "calls for a ceasefire" is a Request
        if etype is None and (lemma in OTHER_NOUNS or tok.lower_ in OTHER_NOUNS) and other_noun(tok):
            return "Other", "event.noun"  # "the court's ruling", "a vote on the bill", "the referendum"
        return (etype, "event.noun") if etype else None
    return None


def _label(tok: Token) -> tuple[str, int, int]:
    """Trigger label and char offsets, joining hyphenated compounds ("counter-offensive")."""
    doc = tok.doc
    i = tok.i
    first = i
    if i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_:
        first = i - 2
    # a Span's text, not doc.text: spaCy rebuilds doc.text from every token on each access
    return doc[first : i + 1].text, doc[first].idx, tok.idx + len(tok.text)


def _conjuncts(tok: Token) -> list[Token]:
    return [tok, *[c for c in tok.conjuncts if c.i > tok.i]]


def _hits_of(tok: Token, index: EntityIndex) -> list[Hit]:
    """Entities a noun phrase headed by ``tok`` names (itself, its conjuncts, or modifiers)."""
    out: list[Hit] = []
    for t in _conjuncts(tok):
        hit = index.resolve(t) or (org_antecedent(t, index) if t.pos_ == "NOUN" else None)  # "barred the company"
        if hit is not None:
            out.append(hit)
        out.extend(appositive_names(t, hit, index))
    return out


def _np_hits(tok: Token, index: EntityIndex, deep: bool = False) -> list[Hit]:
    """Entities a noun phrase names: its head and conjuncts, else close modifiers ("Iranian missiles"), else
    the head of an "of" phrase, down a chain ("executed hundreds of thousands of Iraqis"); a modifier inside
    such a phrase names no one taking part ("for the sake of the Vienna process")."""
    out = _hits_of(tok, index)
    if out:
        return out
    for c in tok.children:
        if not deep and c.dep_ in ("compound", "amod", "nmod", "poss", "appos") and (h := index.resolve(c)) is not None:
            out.append(h)
        elif c.dep_ == "prep" and c.lower_ == "of":
            for p in c.children:
                if p.dep_ == "pobj":
                    out.extend(_np_hits(p, index, deep=True))
    return out


def _is_passive_participle(verb: Token) -> bool:
    """"asked in Washington", "Asked how ...": a past participle with no auxiliary of its own."""
    return verb.tag_ in ("VBN", "VBD") and verb.dep_ in ("acl", "advcl") and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in verb.children
    ) and not any(
        c.dep_ in ("aux", "auxpass") for c in verb.children
    )


def _subject_hits(verb: Token, index: EntityIndex, depth: int = 0) -> list[Hit]:
    for child in verb.children:
        if child.dep_ == "nsubj" or (child.dep_ == "nsubjpass" and depth > 0):
            if child.lower_ == "which" and verb.dep_ == "relcl":
                return relative_subject(child, index)  # "Russia, which will not stop bombing"
            if not child.conjuncts and (org := org_antecedent(child, index)) is not None:
                return [org]  # "Acme said it would buy ...", "the firm bought ..."
            if child.lower_ in _NEG_SUBJ:
                return []
            return _hits_of(child, index) or subject_modifier_names(child, index)
    if depth < 3 and verb.head.i != verb.i:
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        inherits = verb.dep_ in ("xcomp", "conj") or (verb.dep_ == "advcl" and not infinitive) or purpose_of_trip(verb) or (
            verb.dep_ == "acomp" and verb.pos_ == "ADJ")  # "is ready to meet", "went to Oslo to meet"
        if inherits and (verb.head.pos_ in ("VERB", "AUX") or (verb.dep_ == "xcomp" and verb.head.pos_ == "ADJ")):
            return _subject_hits(verb.head, index, depth + 1)
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ in ("VERB", "AUX", "ADJ"):
            gov = verb.head.head
            accused = [c for c in gov.children if c.dep_ == "dobj"] if gov.lemma_.lower() in _ACCUSING else []
            if accused:  # "prosecutors accused Fallahiyan of ordering the killing": he ordered it
                return _hits_of(accused[0], index)
            return _subject_hits(gov, index, depth + 1)
        if verb.dep_ == "acl" and verb.tag_ == "VBG":  # "Blinken, speaking in London"
            return _hits_of(verb.head, index)
        if (held := intention_of(verb)) is not None:  # "has no plans to quit", "Brown's ambition to replace"
            poss = [c for c in held.children if c.dep_ == "poss"]
            if poss:
                return _hits_of(poss[0], index)
            if held.dep_ == "dobj" and held.head.pos_ in ("VERB", "AUX"):
                return _subject_hits(held.head, index, depth + 1)
    return []


def _prep_args(cand: Candidate, head: Token, index: EntityIndex) -> None:
    roles = PREP_ROLES.get(cand.event_type, {})
    default = PREP_ROLES["*"]
    for child in head.children:
        if child.dep_ not in ("prep", "agent"):
            continue
        prep = child.lower_
        role = roles.get(prep) or default.get(prep)
        if role is None:
            continue
        pobjs = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
        # what is appealed against is no party, nor whose it is ("appealed against his ban")
        deep = cand.event_type == "Request" and prep == "against"
        for pobj in pobjs:
            hits = _np_hits(pobj, index, deep=deep)
            for hit in hits:
                r = role
                if hit.entity.type in ("Place", "Country") and role == "participant" and prep in ("in", "at"):
                    r = "place"
                if hit.entity.type == "Person" and role in ("place", "destination", "origin"):
                    r = "participant"
                cand.add(r, hit)


def _quote(sent: Span) -> str | None:
    m = _QUOTE.search(span_text(sent))
    return m.group(1).strip() if m else None


def _verb_candidate(tok: Token, etype: str, rule: str, index: EntityIndex) -> Candidate:
    label, start, end = _label(tok)
    cand = Candidate(etype, tok, tok.lemma_.lower(), start, end, tok.sent, rule, surface=label)
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children) or (
        tok.dep_ == "acl" and tok.tag_ == "VBN"
    )
    if passive:
        for c in tok.children:
            if c.dep_ == "nsubjpass":
                for h in _hits_of(c, index):
                    cand.add("target", h)
        if tok.dep_ == "acl" and tok.tag_ == "VBN":
            for h in _hits_of(tok.head, index):
                cand.add("target", h)
    else:
        # the one who dies is not an agent: "Lord Scarman died aged 93"
        subj_role = "target" if tok.lemma_.lower() in _UNDERGOER_VERBS else "agent"
        for h in _subject_hits(tok, index):
            cand.add(subj_role, h)
    obj_role = object_role(tok, etype, _OBJ_ROLE.get(etype, "target"))
    for c in tok.children:
        if c.dep_ in ("dobj", "dative", "attr") and c.lemma_.lower() not in VEHICLES:
            # who is convicted, told or sued is the object itself ("convicted a friend of X": not X)
            for h in _hits_of(c, index) if etype in ("Statement", "Other") else _np_hits(c, index):
                role = obj_role
                if h.entity.type == "Person" and role in ("destination", "place", "origin"):
                    role = "participant"  # "visited Sue Essex"
                cand.add(role, h)
        if c.dep_ == "dobj" and c.lemma_.lower() in VEHICLES:
            _prep_args(cand, c, index)
        if c.dep_ == "dobj":
            displaced_parties(cand, c, index)  # "agreed a deal worth $5m with Acme"
    _prep_args(cand, tok, index)
    nested_places(cand, tok, index)
    if etype == "Statement":
        cand.quote = _quote(tok.sent)
        # "Biden, asked in Washington ..., said": the participle on the speaker sets the scene
        for c in tok.children:
            if c.dep_ == "nsubj":
                for acl in c.children:
                    if acl.dep_ == "acl" and acl.tag_ in ("VBN", "VBG"):
                        _prep_args(cand, acl, index)
                        cand.time_text = cand.time_text or time_of(acl)
    cand.time_text = time_of(tok)
    return cand


def _noun_candidate(tok: Token, etype: str, rule: str, index: EntityIndex) -> Candidate:
    label, start, end = _label(tok)
    compound = _hyphen_compound(tok)
    if compound is not None and compound in _NOUNS:
        end = tok.doc[tok.i + 2].idx + len(tok.doc[tok.i + 2].text)
        first = tok.i - 2 if start < tok.idx else tok.i
        label = tok.doc[first : tok.i + 3].text
    cand = Candidate(etype, tok, label.lower(), start, end, tok.sent, rule, surface=label)
    cand.definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children) or any(
        c.dep_ == "poss" and c.lower_ in ("his", "her", "their", "its") for c in tok.children
    )
    for c in tok.children:
        if c.dep_ == "poss":
            for h in _hits_of(c, index) or [h for h in [org_antecedent(c, index)] if h is not None]:
                cand.add(possessor_role(tok, etype, h.entity.type), h)
        elif c.dep_ in ("amod", "compound", "nmod") and (mod := index.at(c)) is not None:
            if mod.entity.type == "Place":  # "a Middle East trip", "the London conference"
                cand.add("destination" if etype == "Travel" else "place", mod)
            elif etype != "Death" or not nationality_modifier(c):  # "the Armenian genocide": who died, not who killed
                cand.add("agent", mod)
    _prep_args(cand, tok, index)
    nested_places(cand, tok, index)
    displaced_parties(cand, tok, index)
    # the noun governed by a verb: "Kyiv launched a counter-offensive into ...", "Paying his fifth visit"
    anchor = quantity_anchor(tok)  # "launched a series of attacks": the series is what was launched
    head = anchor.head
    if anchor.dep_ in ("dobj", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
        role = governor_role(head, etype)  # "X launched an attack"; not "X condemned the attack"
        if role is not None and (not cand.args.get(role) or (etype == "Support" and role == "target")):
            for h in _subject_hits(head, index):
                cand.add(role, h)
        if head.lemma_.lower() in LIGHT_VERBS:
            _prep_args(cand, head, index)
        cand.time_text = time_of(head)
    elif anchor.dep_ == "pobj" and head.dep_ == "agent" and etype in ("Attack", "Sanction"):
        passive_target(cand, head.head, index)  # "The building was destroyed by an explosion"
    elif anchor.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
        # "At three-way talks with ..., Blinken said": the clause's subject takes part
        verb = head.head
        role = "participant" if etype in ("Meet", "Other") else "agent"  # "won the title at the ceremony"
        # who acts after or before a meeting or an interview took part in it; after a sale or a strike, not
        stage = head.lower_ in ("at", "in", "during") or (
            etype in ("Meet", "Statement") and head.lower_ in ("after", "before"))
        if stage and not cand.args.get("agent") and (
            etype not in _HARM  # "After the explosion, the minister sent ...": he did not bomb
        ):
            for h in _subject_hits(verb, index):
                cand.add(role, h)
    if etype == "Request":
        request_addressee(cand, tok, index)
    # a relative clause on the noun: "attacks that have killed Ukrainians"
    for c in tok.children:
        if c.dep_ == "relcl":
            for cc in c.children:
                if cc.dep_ in ("dobj", "npadvmod"):
                    for h in _hits_of(cc, index):
                        cand.add("target", h)
    return cand


_HARM = frozenset({"Attack", "Death"})
def extract_events(
    doc: Doc,
    document: Document,
    index: EntityIndex,
    anchor: date | None = None,
) -> tuple[Event, ...]:
    """The events of one document, merged, each with its evidence sentence(s)."""
    cands: list[Candidate] = []
    table = token_table(doc)
    words, lowers, lemmas = table.text, table.lower, table.lemma
    n = len(words)
    for i in range(n):
        # only a trigger word, a special verb or a hyphen compound can trigger (see _trigger_type)
        if not (
            lemmas[i] in _TRIGGER_WORDS
            or lowers[i] in _NOUNS
            or (i + 1 < n and words[i + 1] == "-")
            or (i >= 1 and words[i - 1] == "-")
        ):
            continue
        tok = doc[i]
        found = _trigger_type(tok)
        if found is None:
            continue
        etype, rule = found
        if rule != "event.noun" and tok.pos_ == "VERB":
            cands.append(_verb_candidate(tok, etype, rule, index))
        else:
            cands.append(_noun_candidate(tok, etype, rule, index))
    for cand in cands:
        prune_arguments(cand, doc)
        if cand.event_type == "Other":
            fix_other_roles(cand.trigger, cand.args)
    cands = [c for c in cands if keeps_other(c.rule, len(c.args.get("agent", ())))]
    cands = [c for c in (sanity(c) for c in cands) if c is not None]
    for cand in cands:
        cand.status = event_status(cand.trigger)
    cands = fold_killings(cands)
    sents_of = sentence_of(doc) if cands else []
    resolve_speakers(cands, index, sents_of)
    fix_quoted_speakers(cands, index)
    speaker_outside_words(cands, index)
    cands = drop_reported_speech(cands)
    # the document's own text: doc.text would rebuild it from every token
    quoted = QuoteMask(document.text) if any(c.event_type == "Statement" for c in cands) else NO_QUOTES
    cands = [c for c in cands if not unsaid(c, quoted)]
    for cand in cands:
        capital_metonymy(cand, index)
        no_place_speakers(cand)
    for cand in cands:  # an Other event merges only with mentions of its kind ("the trial" is not "the vote")
        if cand.event_type == "Other":
            cand.event_type = f"Other:{other_class(cand.rule, cand.trigger)}"
    merged = _Merged()
    secondary: list[tuple[Candidate, Candidate]] = []  # (merged into, absorbed)
    later: list[Candidate] = []  # candidates whose only arguments come from the context
    bare: list[Candidate] = []  # candidates with no argument at all
    trigger_at = {c.trigger.i for c in cands}
    for cand in cands:
        if not cand.args:
            if cand.trigger.dep_ in ("relcl", "acl") and cand.trigger.head.i in trigger_at:
                continue  # "attacks that have killed ...": part of the event it qualifies
            prior = merged.last.get(cand.event_type)
            if cand.definite and prior is not None:
                prior.mentions.append((cand.start, cand.end, cand.label))
                continue
            prev = sents_of[cand.sent.start - 1] if cand.sent.start > 0 else None
            found_ctx = context_argument(cand.trigger, cand.sent, prev, cand.event_type, index)
            if found_ctx is not None and not guessed_argument_wrong(cand, *found_ctx[:2], quoted):
                role, hit, where, suffix = found_ctx
                cand.add(role, hit)
                cand.context[hit.entity.key] = (where, suffix)
                later.append(cand)
            else:
                bare.append(cand)
            continue
        _merge_into(merged, secondary, cand)
    # context-only mentions join an event read from a parse before they stand alone
    for cand in later:
        _merge_into(merged, secondary, cand)
    # a mention that names no one ("the attacks", "were killed") is a further mention of an event it may join,
    # never an event of its own: who took part is not guessed from a name that is only near it
    for cand in bare:
        target = next((m for m in merged.near(cand) if _mergeable(m, cand)), None)
        if target is not None:
            _absorb(target, cand)
            secondary.append((target, cand))
    for cand in cands:
        cand.event_type = cand.event_type.split(":")[0]
    fold_across_types(merged, secondary)  # "the deal" and "the takeover" of one happening are one event
    fold_speech_settings(merged, secondary)  # a speaker's own press conference is where a Statement was made
    # words nobody is named as saying ("told the BBC" after an unresolved "it") tell a reader nothing
    kept = [m for m in merged if m.event_type != "Statement" or m.args.get("agent")]
    kept.sort(key=lambda c: c.start)
    absorbed: dict[int, list[Candidate]] = {}  # by id of the event merged into, in order (linear, not a scan per event)
    for t, c in secondary:
        absorbed.setdefault(id(t), []).append(c)
    events: list[Event] = []
    for n, cand in enumerate(kept):
        sents = [cand, *absorbed.get(id(cand), ())]
        evs = []
        for c in sents:
            # the first argument named in the mention's own sentence, else one read from its context (the
            # evidence then spans both sentences): each record holds both of its surfaces
            lo, hi = c.sent.start_char, c.sent.end_char
            hits = [h for hs in c.args.values() for h in hs]
            first = next((h for h in hits if lo <= h.mention.start and h.mention.end <= hi), None)
            span = c.sent
            if first is None and hits:
                first = hits[0]
                ctx_sent = c.context.get(first.entity.key, (None, ""))[0]
                if ctx_sent is not None:
                    span = doc[min(ctx_sent.start, c.sent.start):max(ctx_sent.end, c.sent.end)]
                else:
                    first = None
            evs.append(evidence(document.id, span, c.surface, first.mention.text if first else "",
                                c.rule, 0.6 if c.rule == "event.noun" else 0.7))
        uniq = {(e.sentence_start, e.subject_text): e for e in evs}
        arguments = []
        for role, hits in sorted(cand.args.items()):
            for h in hits:
                src = next((c for c in sents if h.entity.key in c.own), cand)
                ctx = src.context.get(h.entity.key)
                if ctx is not None:  # an argument read from the context, not the trigger's parse
                    # the evidence spans both sentences, so it holds the trigger and the argument
                    both = doc[min(ctx[0].start, src.sent.start):max(ctx[0].end, src.sent.end)]
                    arg_ev = evidence(document.id, both, src.surface, h.mention.text, src.rule + ctx[1], 0.5)
                else:
                    arg_ev = evidence(document.id, src.sent, src.surface, h.mention.text, src.rule,
                                      0.6 if src.rule == "event.noun" else 0.7)
                arguments.append(Argument(role=role, entity=h.entity.key, text=h.mention.text, evidence=arg_ev))
        time_iso = resolve_time(cand.time_text, anchor, is_future(cand.trigger)) if cand.time_text else None
        names: dict[str, list[str]] = {}
        for role, hits in cand.args.items():
            names[role] = list(dict.fromkeys(h.entity.label for h in hits))
        said = gist(cand.trigger) if cand.event_type == "Statement" else None
        label = event_label(cand.event_type, names, cand.surface or cand.label, cand.status, cand.quote, said,
                            noun=cand.rule == "event.noun")
        events.append(
            Event(
                key=f"v{n}",
                event_type=cand.event_type,
                trigger=cand.surface or cand.label,
                start=cand.start,
                end=cand.end,
                arguments=tuple(arguments),
                evidence=tuple(uniq[k] for k in sorted(uniq)),
                time=time_iso,
                time_text=cand.time_text,
                quote=cand.quote,
                rule=cand.rule,
                confidence=0.6 if cand.rule == "event.noun" else 0.7,
                mentions=tuple(sorted(set(cand.mentions))),
                status=cand.status,
                label=label,
            )
        )
    return tuple(events)
