"""One event per happening per document: when two mentions in different sentences are the same event.

News tells a happening over several sentences ("Iraqi troops attacked Arbil ... The assault on Arbil
began at dawn"; "the talks in Germany ... Germany hosted the talks"; "Iran and China agreed ... The two
agreed to ...").  Two mentions of one type in one document are one event when

- they share an entity (in any role) and no core role conflicts: two attacks on different targets, two
  appointments of different people, two happenings in different places, or two different explicit times
  stay apart; or
- they are named by the same word ("the talks" ... "talks", "agreed" ... "agreement") and neither has a
  party the other lacks a match for (no conflicting core role either).

Statements have their own rule (one speaker, one Statement) in :func:`mergeable` below.

A killing told in the clause of the attack that caused it is that attack (:func:`attack_of_death`): "a suicide
bomber attacked a police station in Kabul, killing 12 people", "the building was shattered by an explosion,
killing 168", "seven militants were killed in two explosions". The Attack keeps the dead as its targets.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Final, Protocol, TypeVar

from graphbuild.extract.event_statements import same_statement
from graphbuild.gazetteer import gazetteer

if TYPE_CHECKING:
    from spacy.tokens import Token

    from graphbuild.extract.events import Candidate
    from graphbuild.model import DocEntity

#: Roles whose fillers tell two happenings of a type apart when both are named and disjoint.
_CORE: Final[dict[str, tuple[str, ...]]] = {
    "Attack": ("target",),
    "Death": ("target",),
    "Personnel": ("target",),
    "Transfer": ("target",),
    "Sanction": ("target",),
    "Support": ("target",),
    "Request": ("target",),
    "Travel": ("destination",),
}
#: Where it happened: two mentions in disjoint places are two happenings.
_WHERE: Final = ("place", "destination")


def _word(c: Candidate) -> str:
    """The trigger's word, noun and verb forms folded ("agreed"/"agreement", "talks"/"talk"), and a repeat told as
    the thing itself ("re-election"/"election")."""
    tok = c.trigger
    word = tok.lemma_.lower()
    if word.startswith("re-") and len(word) > 6:
        word = word[3:]
    elif word == "re" and tok.i + 2 < len(tok.doc) and tok.nbor(1).text == "-":
        word = tok.nbor(2).lemma_.lower()  # "re - election" split by the tokenizer
    for suffix in ("ment", "ing", "ion"):
        if word.endswith(suffix) and len(word) > len(suffix) + 3:
            return word[: -len(suffix)]
    return word


class _Told(Protocol):
    """What the merge rule reads of a mention: a Candidate here, an Event record across a long text's pieces."""

    @property
    def event_type(self) -> str: ...

    @property
    def time_text(self) -> str | None: ...


_T = TypeVar("_T", bound=_Told)


def conflicts(a: _T, b: _T, keys: Callable[..., set[str]], nested: Callable[[_T, _T], bool] | None = None) -> bool:
    """Whether a core role, the place or an explicit time of ``a`` and ``b`` are both named and disjoint;
    ``keys(x, *roles)`` gives the entity keys of ``x`` in those roles (all roles when none). ``nested(a, b)``, when
    given, tells places that lie one in the other ("Dublin" in "Ireland"): they are no conflict. Two times conflict
    unless one is written in the other ("2001" and "August 2001")."""
    for role in (*_CORE.get(a.event_type, ()), _WHERE):
        roles = (role,) if isinstance(role, str) else role
        ka, kb = keys(a, *roles), keys(b, *roles)
        if ka and kb and not ka & kb and not (set(roles) <= set(_WHERE) and nested is not None and nested(a, b)):
            return True
    return _times_apart(a.time_text, b.time_text)


def _times_apart(ta: str | None, tb: str | None) -> bool:
    """Whether two explicit times are different: "2001" is within "August 2001", "May" and "June" are apart."""
    if not ta or not tb:
        return False
    wa, wb = set(ta.lower().split()), set(tb.lower().split())
    return not (wa <= wb or wb <= wa)


def same_happening_by(
    a: _T, b: _T, keys: Callable[..., set[str]], word: Callable[[_T], str],
    nested: Callable[[_T, _T], bool] | None = None,
) -> bool:
    """Whether ``b`` (told later) names the happening ``a`` of the same type, reading arguments by ``keys``
    and the trigger's folded word by ``word`` (``nested``: see :func:`conflicts`)."""
    if a.event_type == "Statement" or conflicts(a, b, keys, nested):
        return False
    if keys(a) & keys(b):
        return True
    if keys(a, "agent") and keys(b, "agent"):
        return False  # two parties doing the same thing, with nothing shared: two happenings
    return word(a)[:5] == word(b)[:5]


def _candidate_keys(c: Candidate, *roles: str) -> set[str]:
    return c.keys(*roles)


def same_happening(a: Candidate, b: Candidate) -> bool:
    """Whether ``b`` (told in a later sentence) names the happening ``a`` of the same type."""
    return same_happening_by(a, b, _candidate_keys, _word, _nested_places if _word(a) == _word(b) else None)


#: Types whose one happening may be named by a country and by a place in it ("a trip to Ireland" ... "the trip
#: to Dublin"; "the summit in Belgium" ... "the summit in Brussels"), when told by the same word.
_NESTING_TYPES: Final = frozenset({"Travel", "Meet"})


def _nested_places(a: Candidate, b: Candidate) -> bool:
    """Whether every place of ``a`` and ``b`` lies in a country the other names: a town the place table puts in
    that country, or a site the table does not know at all (a ground, a hall, a street), whose country the text
    gives by the other mention. Two towns, or two countries, are never nested."""
    if a.event_type not in _NESTING_TYPES:
        return False
    pa = [h.entity for r in _WHERE for h in a.args.get(r, [])]
    pb = [h.entity for r in _WHERE for h in b.args.get(r, [])]
    return bool(pa and pb) and (_inside(pa, pb) or _inside(pb, pa))


def _inside(small: list[DocEntity], large: list[DocEntity]) -> bool:
    gz = gazetteer()
    codes = {e.code for e in (gz.country(x.label) for x in large if x.type == "Country") if e is not None and e.code}
    if not codes or len(codes) != len(large):
        return False
    for x in small:
        if x.type == "Country":
            return False
        where = gz.place_country(x.label)
        if where is not None and where[0] not in codes:
            return False
        if where is None and gz.lookup(x.label) is not None:
            return False  # a place the table knows by name but not in a country of the other
    return True


#: Prepositions by which a killing names the attack it happened in ("killed in a car bombing", "died in the
#: attacks", "killed by an explosion").
_CAUSE_PREPS: Final = frozenset({"in", "by", "during"})
#: Nouns that count attacks ("a series of attacks"): the attack under them is the one meant.
_COUNTING: Final = frozenset({"series", "wave", "spate", "string", "number", "round", "barrage", "volley"})


def _attack_at(tok: Token, attacks: dict[int, Candidate]) -> Candidate | None:
    """The Attack whose trigger is ``tok``, or is counted by it ("a series of attacks")."""
    if tok.i in attacks:
        return attacks[tok.i]
    if tok.lemma_.lower() in _COUNTING:
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and pobj.i in attacks:
                        return attacks[pobj.i]
    return None


def attack_of_death(death: Candidate, attacks: dict[int, Candidate]) -> Candidate | None:
    """The Attack a Death verb is the outcome of in one clause (``attacks``: Attack candidates by trigger
    token), or None: "attacked a police station, killing 12" and "launched a series of attacks, killing 130"
    (the participle on the attack's clause), "was shattered by an explosion, killing 168", "were killed in
    two explosions" (the attack in the killing's own phrase). Two clauses joined by "and" ("attacked the
    town and killed five") stay two events, as do a killing and an attack in different clauses."""
    tok = death.trigger
    if tok.pos_ != "VERB":
        return None
    if tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.head.i != tok.i:
        head = tok.head
        found = _attack_at(head, attacks)
        if found is not None:
            return found
        for c in head.children:
            objs = [c] if c.dep_ in ("dobj", "nsubj", "nsubjpass") else []
            if c.dep_ == "agent":
                objs = [p for p in c.children if p.dep_ == "pobj"]
            for o in objs:
                found = _attack_at(o, attacks)
                if found is not None:
                    return found
    for prep in tok.children:
        if prep.dep_ in ("prep", "agent") and prep.lower_ in _CAUSE_PREPS:
            for pobj in prep.children:
                found = _attack_at(pobj, attacks) if pobj.dep_ == "pobj" else None
                if found is not None:
                    return found
    return None


def fold_killings(cands: list[Candidate]) -> list[Candidate]:
    """A killing told as the outcome of an attack in its clause joins that Attack (see :func:`attack_of_death`):
    the dead are its targets, the place its place. The killing's subject is not carried over: in "was
    shattered by an explosion, killing 168" it is what was hit."""
    attacks = {c.trigger.i: c for c in cands if c.event_type == "Attack"}
    if not attacks:
        return cands
    kept: list[Candidate] = []
    for cand in cands:
        attack = attack_of_death(cand, attacks) if cand.event_type == "Death" else None
        if attack is None or attack.status != cand.status:
            kept.append(cand)
            continue
        for role in ("target", "place"):
            for h in cand.args.get(role, []):
                attack.add(role, h)
        attack.mentions.append((cand.start, cand.end, cand.label))
    return kept


def mergeable(a: Candidate, b: Candidate) -> bool:
    if a.event_type != b.event_type:
        return False
    if a.status != b.status and a.event_type != "Statement" and not told_again(a, b) and not (
        b.rule == "event.noun" and b.status == "reported" and not _set_apart(b)
        and (_one_word(a, b) or a.event_type == "Travel" or not _agents_alone(a, b))
    ):
        return False  # a planned meeting and one that was held are told apart; "the visit" names either, "the
        # agreement the ministers reached in May" (its own party or time) only its own; a bare noun of another word
        # with at most a party in common ("a takeover by P" ... "P's purchase") names another happening, but a
        # traveller's trip goes by many words ("will visit Bonn" ... "his arrival"); "P's last purchase" is another
    a_agents, b_agents = a.keys("agent"), b.keys("agent")
    if _sale_sides(a, b) and a_agents & b_agents and (
        (a.trigger.lemma_.lower() in _BUY) != (b.trigger.lemma_.lower() in _BUY)
    ):
        return False  # one party buying one thing and selling another: two deals
    same_sentence = a.sent.start == b.sent.start
    if a.event_type == "Statement" and not same_sentence:
        return same_statement(a, b)  # one speaker's words in one article, unless set apart (event_statements)
    if not same_sentence and a.event_type == "Meet" and _other_parties(a, b):
        return False
    if not same_sentence and same_happening(a, b):
        return True  # one happening told over several sentences (see event_merge)
    if not same_sentence and _sale_sides(a, b) and _one_sale(a, b):
        return True
    if same_sentence:
        if a.event_type == "Statement":
            return bool(a_agents & b_agents)
        ta, tb = a.keys("target"), b.keys("target")
        if a.event_type == "Attack" and ta and tb and not ta & tb:
            return False
        return not a_agents or not b_agents or bool(a_agents & b_agents)
    if b.rule == "event.noun" and b.args and set(b.args) <= {"place"} and (
        a.keys("place", "destination") & b.keys() or not a.keys("place", "destination")
    ):
        return True  # "the negotiations in Geneva" after "talks in Geneva": named again by where it happens
    if a.event_type in ("Travel", "Meet"):
        dest_a, dest_b = a.keys("destination", "place"), b.keys("destination", "place")
        if dest_a and dest_b and not dest_a & dest_b:
            return False
        return bool((a_agents | a.keys("participant")) & (b_agents | b.keys("participant"))) and bool(
            dest_a & dest_b or not dest_a or not dest_b
        )
    if a.event_type == "Attack" and bool(a_agents & b_agents) and not a.keys("target", "destination", "place") and not b.keys(
        "target", "destination", "place"
    ):
        return True
    if b.context and b.rule == "event.noun" and a.trigger.lemma_.lower() == b.trigger.lemma_.lower():
        return True  # "the election" said again with only a guessed argument: the same election
    # an event noun with no agent of its own ("the war", "the blast") names an earlier happening of its
    # type that shares one of its entities
    if b.rule != "event.noun" or b_agents or b.keys("participant"):
        return False
    # ... or, when it names only where it happened ("the bombing in Paris"), the happening of its type told before
    # ("killings in Belfast" after "died in New York" names its own: a place of its own sentence, not the other's)
    if bool(a.keys() & b.keys()):
        return True
    return set(b.args) <= {"place"} and (bool(b.context) or not _places_apart(a, b))


#: Verbs of one sale told from the buyer's and from the seller's side.
_BUY: Final = frozenset({"buy", "purchase", "acquire", "acquisition", "purchaser", "buyer", "takeover"})
_SELL: Final = frozenset({"sell", "sale", "auction", "seller", "dispose", "disposal", "offload"})


def _sale_sides(a: Candidate, b: Candidate) -> bool:
    """Whether ``a`` and ``b`` are told by words of one sale, from either side: "A bought X" ... "B sold X (to
    A)", "the auction of X" ... "X was sold"."""
    trade = _BUY | _SELL
    return a.event_type == "Transfer" and a.trigger.lemma_.lower() in trade and b.trigger.lemma_.lower() in trade


def _one_sale(a: Candidate, b: Candidate, near: bool = True) -> bool:
    """Whether a purchase and a sale (see :func:`_sale_sides`) are one: no two things sold, no two times, no party
    both buying and selling, and the same thing sold, or the buyer of one on the other side of the other ("A bought
    X from B" ... "B sold X to A"), or (``near``) the thing sold unnamed in a passive clause a few sentences from
    the other ("B has sold X to a US group" ... "the label was bought by A")."""
    if conflicts(a, b, _candidate_keys):
        return False
    buy_a, buy_b = a.trigger.lemma_.lower() in _BUY, b.trigger.lemma_.lower() in _BUY
    if buy_a != buy_b and a.keys("agent") & b.keys("agent"):
        return False  # one party buying and selling: two deals
    if a.keys("target") & b.keys("target"):
        return True
    if buy_a == buy_b:
        return False  # told from one side with nothing sold in common
    others = ("destination", "origin", "participant")
    if a.keys("agent") & b.keys(*others) or b.keys("agent") & a.keys(*others):
        return True
    unnamed = [c for c in (a, b) if not c.keys("target")]
    return near and len(unnamed) == 1 and _passive(unnamed[0].trigger) and abs(a.trigger.i - b.trigger.i) <= CROSS_WINDOW // 2


def _passive(tok: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)


#: Words by which a mention sets itself apart from one told before ("five other deaths", "another attack").
_APART: Final = frozenset({"other", "another", "second", "further", "separate", "previous", "earlier", "last"})


def _set_apart(c: Candidate) -> bool:
    return any(t.dep_ in ("amod", "det") and t.lower_ in _APART for t in c.trigger.children)


def _one_word(a: Candidate, b: Candidate) -> bool:
    """Whether ``a`` and ``b`` are told by one word, or by words of one side of a sale ("auction" and "sale",
    "takeover" and "purchase")."""
    if _word(a)[:5] == _word(b)[:5]:
        return True
    la, lb = a.trigger.lemma_.lower(), b.trigger.lemma_.lower()
    return (la in _BUY and lb in _BUY) or (la in _SELL and lb in _SELL)


def _agents_alone(a: Candidate, b: Candidate) -> bool:
    """Whether all ``a`` and ``b`` have in common is the agent of both (not the thing bought, nor the place)."""
    shared = a.keys() & b.keys()
    return bool(shared) and shared <= a.keys("agent") & b.keys("agent")


def _role(c: Candidate, key: str) -> str:
    return next((r for r, hits in c.args.items() if any(h.entity.key == key for h in hits)), "")


def _shared_parties(a: Candidate, b: Candidate) -> set[str]:
    """The entities both name outside where it happened, but not one's agent as the other's target ("A imports
    from V" ... "V will import": two trades)."""
    where = a.keys(*_WHERE) | b.keys(*_WHERE)
    return {k for k in (a.keys() & b.keys()) - where if {_role(a, k), _role(b, k)} != {"agent", "target"}}


def told_again(a: Candidate, b: Candidate) -> bool:
    """Whether ``b``, told with another status than ``a``, is the same happening said again by the same word, or
    by the two sides of a sale, with a party in common (or, with no party named, the same place or a place within
    the other): "next week's trip to Ireland" (planned) ... "a trip to Dublin", "the pact the court upheld" ...
    "left the pact in tatters". Told with two explicit times, a planned happening and one done at a time of its own
    ("will visit Paris" ... "visited Paris in 2003"), two parties' visits, or one set apart ("five other deaths"),
    they are two happenings."""
    if a.event_type == "Statement" or not (_word(a)[:5] == _word(b)[:5] or _sale_sides(a, b)):
        return False
    if (a.time_text and b.time_text) or _set_apart(a) or _set_apart(b):
        return False
    if "planned" in (a.status, b.status) and any(c.time_text and c.status != "planned" for c in (a, b)):
        return False
    if a.keys("agent") and b.keys("agent") and not a.keys("agent") & b.keys("agent"):
        return False  # two parties' visits, two parties' bans
    if _sale_sides(a, b) and (a.trigger.lemma_.lower() in _BUY) != (b.trigger.lemma_.lower() in _BUY):
        return _one_sale(a, b, near=False)
    if not _shared_parties(a, b):
        where = a.keys(*_WHERE) | b.keys(*_WHERE)
        if a.keys() - where or b.keys() - where or not (_nested_places(a, b) or a.keys(*_WHERE) & b.keys(*_WHERE)):
            return False
    return not conflicts(a, b, _candidate_keys, _nested_places)


def _status_weight(c: Candidate) -> int:
    """How sure a mention's status is: a clause telling what happened, then a time of its own or a word of plan
    ("next week's", "planned"), then another word (a modal, a negation); a bare noun is reported by default."""
    if c.rule != "event.noun" and c.status == "reported":
        return 3
    if c.time_text or c.status == "planned":
        return 2
    return 0 if c.status == "reported" else 1


def _other_parties(a: Candidate, b: Candidate) -> bool:
    """Whether two meetings each name a party the other does not: "A met B" and, later, "a meeting of A with
    C" are two meetings of A, not one."""
    pa, pb = a.keys("agent", "participant"), b.keys("agent", "participant")
    return len(pa) > 1 and len(pb) > 1 and bool(pa - pb) and bool(pb - pa)


def _places_apart(a: Candidate, b: Candidate) -> bool:
    """Whether ``a`` and ``b`` both name where they happened and no place of one is named in a place of the other
    ("London" and "London Bridge" are one place here; "New York" and "Belfast" two)."""
    wa = [set(h.entity.label.lower().split()) for r in _WHERE for h in a.args.get(r, [])]
    wb = [set(h.entity.label.lower().split()) for r in _WHERE for h in b.args.get(r, [])]
    return bool(wa and wb) and not any(x <= y or y <= x for x in wa for y in wb)


def absorb(into: Candidate, other: Candidate) -> None:
    if into.event_type != "Statement" and other.status != into.status and _status_weight(other) > _status_weight(into):
        into.status = other.status  # one happening has one status: the surest mention's
    for role, hits in other.args.items():
        for h in hits:
            into.add(role, h)
    into.mentions.append((other.start, other.end, other.label))
    into.mentions.extend(other.mentions)
    if other.quote and into.quote and other.quote not in into.quote and into.quote.count(" … ") < 2:
        into.quote = f"{into.quote} … {other.quote}"  # a speaker's Statement carries its quotes
    into.quote = into.quote or other.quote
    into.time_text = into.time_text or other.time_text


#: An event merges only with one whose trigger is at most this many characters away (the length of a long news
#: article, :data:`graphbuild.longdoc.DEFAULT_MAX_CHARS`): any article up to this length merges as before, and
#: merging a 5 MB document's thousands of events is linear, not a comparison of every pair.
MERGE_SPAN = 20_000


class Merged(list["Candidate"]):
    """The merged events in order, with those of each type indexed by place in the text."""

    def __init__(self) -> None:
        super().__init__()
        self.last: dict[str, Candidate] = {}  # the latest event of each type
        self._near: dict[tuple[str, int], list[tuple[int, Candidate]]] = {}

    def append(self, cand: Candidate) -> None:
        self._near.setdefault((cand.event_type, cand.start // MERGE_SPAN), []).append((len(self), cand))
        self.last[cand.event_type] = cand
        super().append(cand)

    def near(self, cand: Candidate) -> list[Candidate]:
        """The events of ``cand``'s type within :data:`MERGE_SPAN` characters of it, in the order they were added."""
        b = cand.start // MERGE_SPAN
        found = sorted((x for k in (b - 1, b, b + 1) for x in self._near.get((cand.event_type, k), ())),
                       key=lambda x: x[0])
        return [m for _, m in found if abs(m.start - cand.start) <= MERGE_SPAN]


def merge_into(merged: Merged, secondary: list[tuple[Candidate, Candidate]], cand: Candidate) -> None:
    """Merge ``cand`` into the first event of ``merged`` it describes, else add it as a new event."""
    cand.own = cand.keys()
    target = next((m for m in merged.near(cand) if mergeable(m, cand)), None)
    if target is None:
        merged.append(cand)
    else:
        absorb(target, cand)
        secondary.append((target, cand))


#: Pairs of types one happening is told in, with the more specific type it keeps: a takeover told as a "deal"
#: (Agreement) and as the "acquisition" (Transfer); a post "offered" (Request) and the "nomination" (Personnel).
_SPECIFIC: Final[dict[tuple[str, str], str]] = {
    ("Agreement", "Transfer"): "Transfer",
    ("Request", "Personnel"): "Personnel",
}
#: The generic mention's roles the specific event takes over (an Agreement's other party is not a buyer).
_CARRIED: Final[dict[str, tuple[str, ...]]] = {
    "Transfer": ("agent", "place"),
    "Personnel": ("agent", "target", "place"),
}
#: Words by which the generic mention names a deal or an offer (not "agreed it was wrong", "urged restraint").
_GENERIC_WORDS: Final[dict[str, frozenset[str]]] = {
    "Agreement": frozenset({"deal", "agreement", "agree", "accord", "pact", "contract", "bid", "offer"}),
    "Request": frozenset({"offer", "invite", "invitation", "ask", "approach", "bid", "proposal", "propose"}),
}
#: Dependencies that join two clauses or two things rather than one happening's words.
_LOOSE: Final = frozenset({"conj", "cc", "parataxis", "advcl", "ccomp", "punct", "mark", "dep"})
#: How many tokens apart two mentions of one happening across types may be (about three sentences).
CROSS_WINDOW: Final = 80


def _path(a: Token, b: Token) -> int | None:
    """The number of dependency edges between ``a`` and ``b`` in one sentence, or None when the path takes a
    loose edge (a second clause, a coordinated item) or is longer than three."""
    up_a = [a, *a.ancestors]
    at = {t.i: n for n, t in enumerate(up_a)}
    for n_b, t in enumerate([b, *b.ancestors]):
        if t.i in at:
            n_a = at[t.i]
            steps = up_a[:n_a] + [b, *b.ancestors][:n_b]
            if n_a + n_b > 3 or any(s.dep_ in _LOOSE for s in steps):
                return None
            return n_a + n_b
    return None


def _across(generic: Candidate, specific: Candidate, told: Sequence[Candidate] = ()) -> bool:
    """Whether the ``generic`` mention (Agreement, Request) names the happening ``specific`` (Transfer, Personnel)
    names: a word for a deal or an offer, a compatible status and time, no party the other contradicts, and
    either one phrase ("the deal will be the biggest takeover", "a deal to buy the firm"), a shared party
    beyond the place (the bought firm, the offered person, or two entities), or "the deal" naming it again.
    ``told``: the further mentions merged into ``generic``, each of which may be the one in the phrase."""
    if generic.trigger.lemma_.lower() not in _GENERIC_WORDS[generic.event_type]:
        return False
    if generic.status != specific.status and not any(
        c.rule == "event.noun" and c.status == "reported" for c in (generic, specific)
    ):
        return False  # a deal that fell through and a purchase that was made are two things
    if generic.time_text and specific.time_text and generic.time_text.lower() != specific.time_text.lower():
        return False
    g_agents, s_agents = generic.keys("agent"), specific.keys("agent")
    if g_agents and s_agents and not g_agents & s_agents:
        return False
    g_where, s_where = generic.keys(*_WHERE), specific.keys(*_WHERE)
    if g_where and s_where and not g_where & s_where:
        return False
    g_who = generic.keys() - g_where
    s_who = specific.keys() - s_where
    if specific.event_type == "Personnel":
        g_t, s_t = generic.keys("target"), specific.keys("target")
        if g_t and s_t and not g_t & s_t:
            return False  # a post offered to one person, another appointed
    if any(c.sent.start == specific.sent.start and _path(c.trigger, specific.trigger) is not None
           for c in (generic, *told)):
        return True
    if abs(generic.trigger.i - specific.trigger.i) > CROSS_WINDOW:
        return False
    shared = g_who & s_who
    if shared & specific.keys("target") or len(shared) >= 2:
        return True
    # "the deal" with no party of its own names the nearest takeover before it
    return generic.definite and not g_who and generic.rule == "event.noun" and generic.start > specific.start


def fold_across_types(merged: list[Candidate], secondary: list[tuple[Candidate, Candidate]]) -> None:
    """Fold a generic mention into the event of a more specific type that names the same happening (see
    :func:`_across`), in place: the specific event keeps its type and gains the generic one's mentions,
    sentences and the roles it can take (:data:`_CARRIED`). Each event folds at most once, into the nearest
    match."""
    by_type: dict[str, list[Candidate]] = {}
    for m in merged:
        by_type.setdefault(m.event_type, []).append(m)
    told = told_with(secondary)
    into: dict[int, Candidate] = {}
    for (generic_type, specific_type), _kept in _SPECIFIC.items():
        specifics = by_type.get(specific_type, [])
        if not specifics:
            continue
        for g in by_type.get(generic_type, []):
            found = [s for s in specifics if id(s) not in into and _across(g, s, told.get(id(g), ()))]
            if found:
                into[id(g)] = min(found, key=lambda s: abs(s.trigger.i - g.trigger.i))
    if not into:
        return

    def carry(s: Candidate, g: Candidate) -> None:
        for role in _CARRIED[s.event_type]:
            for h in g.args.get(role, []):
                s.add(role, h)
        s.time_text = s.time_text or g.time_text

    by_id = {id(m): m for m in merged}
    fold_pairs(merged, secondary, [(by_id[g_id], s) for g_id, s in into.items()], carry)


def told_with(secondary: Sequence[tuple[Candidate, Candidate]]) -> dict[int, list[Candidate]]:
    """The mentions merged into each event so far, by the event's ``id``."""
    told: dict[int, list[Candidate]] = {}
    for t, c in secondary:
        told.setdefault(id(t), []).append(c)
    return told


def fold_pairs(
    merged: list[Candidate],
    secondary: list[tuple[Candidate, Candidate]],
    pairs: Sequence[tuple[Candidate, Candidate]],
    carry: Callable[[Candidate, Candidate], None],
) -> None:
    """Fold each ``(event, into)`` of ``pairs`` in that order, in place: ``carry(into, event)`` moves the roles (and
    anything else) ``into`` takes from ``event``; ``into`` gains the event's mentions and the mentions merged into
    it, and the event leaves ``merged``."""
    for m, s in pairs:
        carry(s, m)
        s.mentions.append((m.start, m.end, m.label))
        s.mentions.extend(m.mentions)
        secondary[:] = [(s if t is m else t, c) for t, c in secondary]
        secondary.append((s, m))
    gone = {id(m) for m, _ in pairs}
    merged[:] = [m for m in merged if id(m) not in gone]
