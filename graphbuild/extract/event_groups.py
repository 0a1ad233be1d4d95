"""Unnamed groups of people as event arguments: "police fired on protesters", "two people died".

News often names who took part in an event only by a plural noun for people: "soldiers", "civilians",
"protesters", "police". Such a noun is no entity (it names no one in particular), but a reader of the graph
wants it: "Attack -> target: civilians", "Death -> target: soldiers". This module adds them to the events
already read, and only there:

- A *group noun* is a plural (or collective) common noun for people, from ``data/petrarch_groups.tsv``
  (the PETRARCH/Phoenix generic agents dictionary plus plain people nouns), written in lower case, tagged as
  a common noun and inside no entity mention ("Metropolitan Police" is an organisation, "US Marines" a name).
- Each event's trigger (and each further trigger mention merged into it) is read again by the very rules that
  found its named arguments (subject, object, passive subject and agent, prepositions, possessor), with group
  nouns standing where names would: a group gets the role a name in that position would get.
- Groups are added only as further arguments of existing events, in the roles where a party takes part
  (never place, origin, destination or time); no event is created, dropped or merged because of them, and an
  event's label is left as its named arguments made it.
- One ``Group`` DocEntity per document and noun (key ``g0``, ``g1``...; label the plural noun; each linked
  occurrence a mention whose text keeps its number or modifiers, "three Russian soldiers"). Groups are never
  relation endpoints and never joined across documents (see :mod:`graphbuild.resolve`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from graphbuild.extract.common import EntityIndex, Hit, evidence, token_table
from graphbuild.extract.event_args import prune_arguments
from graphbuild.gazetteer import _rows
from graphbuild.model import GROUP_TYPE, Argument, DocEntity, Event, Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: Plural noun -> CAMEO agent code ("-" for plain people nouns), from the PETRARCH/Phoenix agents dictionary.
GROUP_NOUNS: Final[dict[str, str]] = {r[0]: r[2] for r in _rows("petrarch_groups.tsv") if len(r) >= 3}
#: Roles a group of people can fill (not where or when something happened).
_PARTY_ROLES: Final = frozenset({"agent", "target", "participant"})
#: Speech verbs whose object is whom the words are addressed to ("told reporters", "warned police"); the
#: object of another ("blamed the security forces", "praised workers") is what is spoken of, no participant.
_TELLING: Final = frozenset({"tell", "warn", "inform", "brief", "assure", "reassure", "address", "remind",
                             "notify", "advise", "caution"})
#: Modifiers kept in a group mention's text: "three soldiers", "Russian soldiers", "riot police".
_KEPT_MODS: Final = frozenset({"nummod", "amod", "compound", "quantmod"})


def is_group_noun(tok: Token) -> bool:
    """A plural common noun for people, in lower case ("protesters", "police", "people")."""
    text = tok.text
    if not text.islower():  # a capital only where a sentence starts ("Protesters marched")
        if not (tok.is_sent_start and text[:1].isupper() and text[1:].islower()):
            return False
        text = text.lower()
    return tok.pos_ == "NOUN" and text in GROUP_NOUNS


class _GroupIndex(EntityIndex):
    """The document's entity index, with group nouns standing as entities where no name is."""

    def __init__(self, base: EntityIndex, doc: Doc) -> None:  # shares the base index's tables
        self.__dict__.update(base.__dict__)
        self._base = base
        self._doc = doc
        self.groups: dict[str, DocEntity] = {}
        self.hits: dict[int, Hit] = {}
        self.token_of: dict[Mention, int] = {}  # a group mention's noun

    def at(self, token: Token) -> Hit | None:
        hit = self.by_token.get(token.i)
        if hit is not None or not is_group_noun(token):
            return hit
        if token.i not in self.hits:
            left = token  # with its contiguous modifiers: "three Russian soldiers", "riot police"
            lefts = {c.i: c for c in token.lefts if c.dep_ in _KEPT_MODS}
            while left.i - 1 in lefts:
                left = lefts[left.i - 1]
            start, end = left.idx, token.idx + len(token.text)
            sent = token.sent
            text = self._doc.text[start:end]
            self.hits[token.i] = Hit(self._group(token.text.lower()), Mention(start, end, text, sent.start_char,
                                                                      sent.end_char, "group", "group"))
            self.token_of[self.hits[token.i].mention] = token.i
        return self.hits[token.i]

    def _group(self, noun: str) -> DocEntity:
        ent = self.groups.get(noun)
        if ent is None:
            ent = DocEntity(f"g{len(self.groups)}", noun, GROUP_TYPE, ())
            self.groups[noun] = ent
        return ent


def _speech_party(ev: Event, role: str, trigger: Token) -> bool:
    """A Statement is one speaker's words: a group speaks only where no one named does, and is spoken to only
    after a telling verb."""
    if role == "agent":
        return not any(a.role == "agent" for a in ev.arguments)
    return role == "participant" and trigger.lemma_.lower() in _TELLING


#: Prepositions that set a scene: "at the election, people will choose" makes no voter a party of it.
_SCENE: Final = frozenset({"at", "in", "during", "after", "before", "on", "since", "amid", "ahead"})
#: Prepositions before whom a request is made to ("appealed to fans", "called on police").
_ADDRESSED: Final = frozenset({"to", "on", "upon"})


def _close_enough(etype: str, role: str, trigger: Token, noun: Token) -> bool:
    """Whether the parse ties the group ``noun`` to the ``trigger`` as closely as a party of it.

    Names may be read further away (a name is one party wherever it stands); an unnamed group is taken only
    from the trigger's own phrase, as the subject a verb passes down ("wanted to attack"), as the noun a
    participle qualifies ("soldiers killed in ..."), or as the subject of the verb that governs an event noun
    as its object ("militants launched an attack"). Not: the subject of a clause an event noun only sets the
    scene for ("at the election, people ..."), the one who urges others to act ("ministers urged fans to
    boycott": the fans would boycott), nor what a request is for ("called for the release of inmates").
    """
    if etype == "Request" and role == "target":
        if noun.head.i == trigger.i:
            return noun.dep_ in ("dobj", "dative", "nsubjpass")
        return noun.dep_ == "pobj" and noun.head.lower_ in _ADDRESSED and noun.head.head.i == trigger.i
    if noun.i in {t.i for t in trigger.subtree}:
        return True
    if trigger.dep_ == "acl" and trigger.head.i == noun.i:
        return True
    if trigger.pos_ != "VERB":  # an event noun: only the subject of the verb whose object it is
        up = trigger
        while up.dep_ == "pobj" and up.head.lower_ == "of":  # "a series of attacks"
            up = up.head.head
        return up.dep_ in ("dobj", "nsubjpass") and noun.head.i == up.head.i
    up = trigger  # a verb: up the chain to the verb whose subject the group is
    while up.i != noun.head.i and up.head.i != up.i:
        if up.dep_ == "xcomp" and any(c.dep_ in ("dobj", "dative") for c in up.head.children):
            return False  # "urged fans to boycott": the fans would do it
        if up.dep_ == "pcomp" or (up.dep_ == "pobj" and up.head.lower_ in _SCENE):
            return False
        up = up.head
    return up.i == noun.head.i


def is_group_argument(arg: Argument) -> bool:
    """An argument this module added (its evidence rule ends ``+group``): merging events never reads it."""
    return arg.evidence is not None and arg.evidence.rule.endswith("+group")


def _trigger_token(doc: Doc, start: int, end: int) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def add_group_arguments(
    doc: Doc, document_id: str, index: EntityIndex, events: tuple[Event, ...]
) -> tuple[tuple[Event, ...], tuple[DocEntity, ...]]:
    """``events`` with the groups of people their triggers take as arguments, and those groups."""
    if not events or GROUP_NOUNS.keys().isdisjoint(token_table(doc).word_set):
        return events, ()
    lower = token_table(doc).lower
    from graphbuild.extract.events import _noun_candidate, _verb_candidate  # the rules that read names

    gindex = _GroupIndex(index, doc)
    found: list[list[tuple[str, Hit, str, str]]] = []
    for ev in events:
        links: list[tuple[str, Hit, str, str]] = []
        triggers = [(ev.start, ev.end, ev.rule)] + [(s, e, "") for s, e, _ in ev.mentions]
        seen: set[str] = set()
        for start, end, rule in triggers:
            tok = _trigger_token(doc, start, end)
            if tok is None:
                continue
            sent = tok.sent
            if GROUP_NOUNS.keys().isdisjoint(lower[sent.start : sent.end]):
                continue  # no group noun in the trigger's sentence
            as_verb = tok.pos_ == "VERB" and (rule or "event.verb") != "event.noun"
            make = _verb_candidate if as_verb else _noun_candidate
            cand = make(tok, ev.event_type, rule or ("event.verb" if as_verb else "event.noun"), gindex)
            prune_arguments(cand, doc)
            for role, hits in sorted(cand.args.items()):
                for h in hits:
                    if h.entity.type != GROUP_TYPE or role not in _PARTY_ROLES:
                        continue
                    if ev.event_type == "Statement" and not _speech_party(ev, role, tok):
                        continue
                    if not _close_enough(ev.event_type, role, tok, doc[gindex.token_of[h.mention]]):
                        continue
                    # every linked mention is the group's; the first one per event is its argument
                    links.append((role if h.entity.key not in seen else "", h, cand.surface, cand.rule))
                    seen.add(h.entity.key)
        found.append(links)
    if not any(found):
        return events, ()
    mentions: dict[str, dict[tuple[int, int], Mention]] = {}
    out: list[Event] = []
    for ev, links in zip(events, found, strict=True):
        if not links:
            out.append(ev)
            continue
        args = list(ev.arguments)
        for role, h, surface, rule in links:
            mentions.setdefault(h.entity.key, {})[(h.mention.start, h.mention.end)] = h.mention
            if not role:
                continue
            where = doc.char_span(h.mention.sentence_start, h.mention.sentence_end, alignment_mode="expand")
            ev_rec = evidence(document_id, where, surface, h.mention.text, f"{rule}+group", 0.6) if where else None
            args.append(Argument(role=role, entity=h.entity.key, text=h.mention.text, evidence=ev_rec))
        out.append(_with_arguments(ev, args))
    groups = tuple(
        DocEntity(g.key, g.label, GROUP_TYPE, tuple(sorted(mentions[g.key].values(), key=lambda m: (m.start, m.end))))
        for g in gindex.groups.values() if g.key in mentions
    )
    keys = {g.key: f"g{n}" for n, g in enumerate(groups)}  # keys without gaps, in order of first use
    groups = tuple(DocEntity(keys[g.key], g.label, g.type, g.mentions) for g in groups)
    out = [
        ev if not any(a.entity in keys for a in ev.arguments) else _with_arguments(
            ev, [a if a.entity not in keys else _rekey(a, keys[a.entity]) for a in ev.arguments])
        for ev in out
    ]
    return tuple(out), groups


def _rekey(arg: Argument, key: str) -> Argument:
    return Argument(role=arg.role, entity=key, text=arg.text, evidence=arg.evidence)


def _with_arguments(ev: Event, args: list[Argument]) -> Event:
    from dataclasses import replace

    return replace(ev, arguments=tuple(args))
