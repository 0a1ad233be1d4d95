"""Whether an event happened: ``reported``, ``planned``, ``negated`` or ``hypothetical``.

Read from the trigger's own clause and the verbs that govern it, the way a reader does:

- ``negated``: a negation on the trigger or a governing verb ("did not meet", "no talks"), or a verb
  of refusal above it ("refused to hold direct talks", "denied attacking", "called off the visit").
- ``hypothetical``: a modal ("would", "could", "may", "should"), a condition ("if they invade"), or a
  verb of wanting or asking above it ("called for protests", "urged them to sign", "threatened to
  strike", "plans" that are only proposed).
- ``planned``: a process under way ("in the process of finalising the funding", "is buying", "are
  working on a deal"), a future ("will meet", "is to visit", "is going to", "is due to", "is set to"), a verb of
  planning above it ("plans to travel", "scheduled talks"), a planning adjective on an event noun
  ("the planned visit", "an upcoming summit"), a time word that points ahead ("next week", "tomorrow") or
  a headline's infinitive ("Blair to meet Bush").
- ``reported`` otherwise.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from spacy.tokens import Token

STATUSES: Final = ("reported", "planned", "negated", "hypothetical")

_NEG_VERBS: Final = frozenset(
    {"refuse", "deny", "reject", "decline", "fail", "cancel", "abandon", "postpone", "rule", "scrap",
     "avoid", "halt", "suspend", "block", "prevent", "stop", "veto"}
)
#: Verbs that stop a happening: what they govern is negated only when the stopping itself happened
#: ("the court halted the auction"), not when it was only tried, wished or failed ("sought to halt the
#: auction", "failed to stop the sale", "would not halt the deal"): then the happening is reported.
_PREVENT_VERBS: Final = frozenset(
    {"halt", "block", "prevent", "stop", "veto", "suspend", "cancel", "postpone", "scrap", "abandon", "avoid"}
)
#: Requests a refusal answers: "rejected the demand", "the appeal was denied" -- the request was made.
_ASKED: Final = frozenset({"demand", "request", "appeal", "plea", "call", "petition", "ultimatum"})
#: Adjectives whose infinitive is only possible ("ready to slap a tax on", "willing to meet").
_HYPO_ADJ_GOV: Final = frozenset(
    {"ready", "willing", "able", "prepared", "likely", "unlikely", "eager", "keen", "reluctant", "free", "happy",
     "determined", "anxious", "desperate"}
)
#: Verbs whose present-tense subject is a scheduled happening: "the conference takes place this week".
_SCHEDULED: Final = frozenset({"take", "begin", "start", "open", "run", "get", "kick", "resume", "close", "end"})
#: "called off", "ruled out": a particle that makes a verb negate what it governs.
_NEG_PARTICLE: Final = {("call", "off"), ("rule", "out")}
_HYPO_VERBS: Final = frozenset(
    {"call", "urge", "demand", "want", "seek", "threaten", "hope", "consider", "propose", "ask", "wish",
     "push", "press", "suggest", "recommend", "request", "appeal", "need", "warn", "offer", "try",
     "attempt", "risk", "fear", "aim", "favour", "favor", "advocate", "encourage", "invite", "tell", "order",
     "plead", "insist"}
)
#: Verbs whose "that" clause is only wished for, not reported ("hoped that they would", "demanded that").
_HYPO_CCOMP: Final = frozenset(
    {"hope", "want", "demand", "propose", "suggest", "recommend", "fear", "wish", "urge", "insist", "ask"}
)
_PLAN_VERBS: Final = frozenset(
    {"plan", "schedule", "intend", "expect", "prepare", "arrange", "set", "due", "announce", "agree",
     "decide", "organise", "organize", "book", "vow", "pledge", "promise", "commit"}
)
_HYPO_MODALS: Final = frozenset({"would", "could", "might", "may", "should", "can", "must", "ought", "'d"})
_FUTURE_MODALS: Final = frozenset({"will", "shall", "'ll", "wo"})
_PLAN_ADJ: Final = frozenset(
    {"planned", "upcoming", "forthcoming", "scheduled", "proposed", "future", "expected", "next",
     "possible", "potential", "prospective", "impending", "imminent", "likely", "looming", "approaching",
     "coming", "pending"}
)
_HYPO_ADJ: Final = frozenset({"possible", "potential", "proposed", "prospective", "likely", "would-be"})
_AHEAD: Final = frozenset({"next", "tomorrow", "upcoming", "coming", "later"})


#: Nouns whose "of" names what is under way, not done: "in the process of selling", "in the midst of talks".
_UNDER_WAY: Final = frozenset({"process", "midst", "middle", "course", "verge", "brink", "throe"})
#: Verbs that are finished only when they end: "is buying", "are finalising a deal" are under way.
_COMPLETING: Final = frozenset(
    {"buy", "sell", "acquire", "purchase", "merge", "finalise", "finalize", "negotiate", "sign", "settle",
     "appoint", "hire", "recruit", "fund", "finance", "agree", "take"}
)
#: Verbs whose progressive puts what they govern under way: "working on a deal", "negotiating a sale".
_WORKING: Final = frozenset({"work", "negotiate", "finalise", "finalize", "seek", "arrange", "thrash", "hammer"})


def _in_progress(tok: Token) -> bool:
    """A present progressive: "is buying", "are working" (not "was buying", "has been buying")."""
    return tok.tag_ == "VBG" and any(
        c.dep_ == "aux" and c.lower_ in ("is", "are", "am", "'s", "'re") for c in tok.children
    )


def _own(tok: Token) -> str | None:
    """Status marked on the word itself (auxiliaries, negation, modifiers of an event noun)."""
    kids = list(tok.children)
    lows = [c.lower_ for c in kids]
    deps = [c.dep_ for c in kids]
    for low, dep in zip(lows, deps, strict=True):
        if dep == "neg" or (dep == "det" and low == "no"):
            return "negated"
    for low, dep in zip(lows, deps, strict=True):
        if dep in ("aux", "auxpass") and low in _FUTURE_MODALS:
            return "planned"
        if dep in ("aux", "auxpass") and low in _HYPO_MODALS:
            return "hypothetical"
    for c, low, dep in zip(kids, lows, deps, strict=True):
        if dep == "mark" and low in ("if", "unless", "whether"):
            return "hypothetical"
        if dep == "amod" and low in _HYPO_ADJ:
            return "hypothetical"
        if dep in ("amod", "compound") and low in _PLAN_ADJ:
            return "planned"
        if dep in ("npadvmod", "advmod", "prep", "nmod", "poss") and (low in _AHEAD or any(
            g.lower_ in _AHEAD for g in c.children
        )):
            return "planned"
    if tok.dep_ == "pobj" and tok.head.lower_ == "without":
        return "negated"
    if _headline_infinitive(tok, lows, deps):
        return "planned"
    if tok.lemma_.lower() in _COMPLETING and _in_progress(tok):
        return "planned"  # "Acme is buying Zenith": the purchase is under way
    return None


def _headline_infinitive(tok: Token, lows: list[str], deps: list[str]) -> bool:
    """A headline's "to" + verb with no verb above it: "Polish Foreign Minister to visit Yugoslavia",
    "Blair to meet Bush" announce what is to happen."""
    if tok.pos_ != "VERB" or not any(d == "aux" and low == "to" for low, d in zip(lows, deps, strict=True)):
        return False
    if tok.dep_ == "ROOT":
        return True
    return tok.dep_ in ("relcl", "acl") and tok.head.dep_ == "ROOT" and tok.head.pos_ in ("PROPN", "NOUN")


#: Forms the tagger's lemmatiser gets wrong ("hopes" -> "hop").
_LEMMA_FIXES: Final = {"hopes": "hope", "hoped": "hope", "hoping": "hope"}


def _governor_status(gov: Token, via: Token) -> str | None:
    """Status a governing word gives to what it governs (``via`` = the child on the path)."""
    lemma = _LEMMA_FIXES.get(gov.lower_) or gov.lemma_.lower()
    if any((lemma, c.lower_) in _NEG_PARTICLE for c in gov.children if c.dep_ == "prt"):
        return "negated"
    if lemma in _NEG_VERBS and via.dep_ != "advcl":
        if via.dep_ in ("dobj", "nsubjpass") and via.lemma_.lower() in _ASKED and via.i != gov.i:
            return "reported"  # "Ford rejected the unions' demand": the demand was made
        if lemma in _PREVENT_VERBS and gov.pos_ == "VERB" and event_status(gov) != "reported":
            return "reported"  # "sought unsuccessfully to halt the auction": the auction went ahead
        return "negated"
    if gov.pos_ == "ADJ" and via.dep_ == "xcomp":
        if lemma == "unable":
            return "negated"  # "was unable to attend the meeting"
        if lemma in _HYPO_ADJ_GOV:
            return "hypothetical"  # "ready to slap a tax on", "willing to meet"
    if via.dep_ == "ccomp":
        return "hypothetical" if lemma in _HYPO_CCOMP else None
    if lemma == "be" and any(c.dep_ == "aux" and c.lower_ == "to" for c in via.children) and via.dep_ == "xcomp":
        return "planned"  # "is to visit"
    if lemma == "go" and gov.tag_ == "VBG" and via.dep_ == "xcomp":
        return "planned"  # "is going to meet"
    if lemma in _PLAN_VERBS and (via.dep_ in ("xcomp", "dobj", "ccomp", "nsubjpass") or gov.dep_ == "amod"):
        if lemma in ("announce", "agree", "decide") and via.dep_ == "dobj":
            return None  # "announced its withdrawal": the thing happened
        return "planned"
    if lemma in _HYPO_VERBS and via.dep_ in ("xcomp", "dobj", "ccomp", "pobj", "pcomp", "advcl"):
        if lemma == "call" and via.dep_ == "dobj":
            return None
        return "hypothetical"
    return None


def event_status(trigger: Token) -> str:
    """The status of the event ``trigger`` names (one of :data:`STATUSES`)."""
    if trigger.dep_ == "pcomp" and trigger.head.lower_ == "without":
        return "negated"  # "without asking people to pay more" (not what "without understanding" governs)
    own = _own(trigger)
    if own in ("negated", "hypothetical"):
        return own
    above = _governed(trigger)
    if own == "planned" and above != "negated":
        return own  # "the planned visit", unless it was called off
    return above


def _governed(trigger: Token) -> str:
    """Status the words governing ``trigger`` give it."""
    tok = trigger
    for _ in range(4):
        head = tok.head
        if head.i == tok.i:
            break
        dep = tok.dep_
        if dep in ("conj", "appos"):
            tok = head
            continue
        if dep == "pobj" and head.dep_ in ("prep", "agent"):
            # "called for protests": the preposition's governor decides
            gov = head.head
            if head.lower_ == "of" and gov.lower_ == "ahead":
                return "planned"  # "ahead of the summit", "ahead of the start of the conference"
            found = _governor_status(gov, tok) if gov.i != head.i else None
            if found is not None:
                return found
            tok = head
            continue
        if dep == "nsubj" and tok.i == trigger.i and _scheduled(head):
            return "planned"  # "the conference takes place in Cannes this week"
        if dep == "advcl" and tok.i == trigger.i and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
            if any(c.dep_ == "dobj" for c in head.children):
                break  # "called a press conference to announce it": a purpose, read as told
            # "called on Mr Dorsey to quit": the infinitive is what the verb asks for
        elif dep not in ("xcomp", "ccomp", "dobj", "nsubjpass", "pcomp", "prep", "acl", "amod", "attr"):
            break
        if dep == "prep" and tok.lower_ == "of" and head.lemma_.lower() in _UNDER_WAY:
            return "planned"  # "in the process of finalising the funding": not yet done
        found = _governor_status(head, tok)
        if found is not None:
            return found
        if _in_progress(head) and head.lemma_.lower() in _WORKING and dep in ("dobj", "prep", "xcomp"):
            return "planned"  # "are working on a deal", "is negotiating a takeover": under way, not done
        if head.pos_ in ("VERB", "AUX") and dep in ("xcomp", "dobj", "nsubjpass", "attr"):
            own = _own(head)  # "will hold talks", "did not try to meet"
            if own is not None:
                return own
        tok = head
    return "reported"


def _scheduled(verb: Token) -> bool:
    """A present simple verb of taking place or starting, with no auxiliary: "takes place", "opens on
    Monday", "begins next week" (a past or perfect one, "took place", "has begun", is reported)."""
    if verb.lemma_.lower() not in _SCHEDULED or verb.tag_ not in ("VBZ", "VBP"):
        return False
    if any(c.dep_ in ("aux", "auxpass", "neg") for c in verb.children):
        return False
    if verb.lemma_.lower() in ("take", "get", "kick"):
        return any(c.dep_ in ("dobj", "prt", "acomp", "advmod") and c.lower_ in ("place", "off", "under", "underway")
                   for c in verb.children)
    return True
