"""A definition ("Who is Keir Starmer?"): what a sentence says a name is, read from its parse, never the name itself
or a neighbouring name.

News says who someone is in a handful of ways, each a relation in spaCy's dependency parse:
- a title before the name: "UK Prime Minister Sir Keir Starmer", "NATO chief Mark Rutte" (compound modifiers);
- an apposition: "Dmitry Peskov, the Kremlin spokesperson," or "the Kremlin spokesperson, Dmitry Peskov,";
- a naming participle: "a summit of 35 countries dubbed the Coalition of the Willing";
- a copula: "NATO is a military alliance";
- a relative clause of "who is" or "who was": "Angela Cannings, who was wrongly convicted of killing…".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from assistant.answers import messages
from assistant.answers.citations import citations_for, cited_text
from assistant.answers.context import AnswerContext
from assistant.answers.fact import fact_from
from assistant.evidence.decision import Decision
from assistant.evidence.names import names_in
from assistant.evidence.select import Evidence
from assistant.question.names import refers_to
from assistant.question.nlp import nlp
from assistant.question.post import says_a_title
from assistant.question.read import Question
from assistant.retrieval.fusion import ScoredSentence
from assistant.types import Answer

if TYPE_CHECKING:  # spaCy itself loads with its pipeline (question/nlp.py)
    from spacy.tokens import Span, Token

_HONORIFICS = frozenset({"sir", "dame", "lord", "lady", "mr", "mrs", "ms", "dr", "prof", "mr.", "mrs.", "ms.", "dr."})
_TITLE_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod", "nummod", "poss", "case"})
_TITLE_POS = frozenset({"PROPN", "NOUN", "ADJ", "NUM", "PART"})  # the small model misparses some ("NATO" as subject)
_NAMING = frozenset(
    ["dub", "dubbed", "call", "called", "name", "named", "know", "known", "term", "termed", "label"]
    + ["codename", "codenamed"]
)
_EDGE = " ,;:“”\"‘’'()"
_NAME_WORDS = frozenset({"name", "nickname", "pseudonym", "alias", "moniker", "codename"})  # say only it is a name
_POST_OF = frozenset({"of", "for", "at"})  # "the spokesperson for the Kremlin": the post is of what it is for
_PRONOUNS = frozenset({"its", "his", "her", "their", "our", "my", "your", "this", "that", "these", "those"})


def answer(question: Question, decision: Decision, ranked: Sequence[ScoredSentence], context: AnswerContext) -> Answer:
    """What the first sentence naming the topic says it is (its title, apposition…), cited, unless it only says whose
    it is ("GM's Rick Wagoner") and a later one says what ("GM chairman Rick Wagoner"); if none says, the answer
    to it as a question of fact, unless its phrase is the topic or a person's name; else the sentences naming it,
    with no phrase picked out."""
    topic, evidence, limits = question.shape.topic, decision.evidence, context.limits
    seen = {e.sentence_id for e in evidence}
    more = context.selector.sentences([r for r in ranked if r.id not in seen][: 4 * limits.overview_sentences])
    naming = _one_person(topic, [e for e in [*evidence, *more] if topic and refers_to(topic, e.text)])
    roles = ((e, e.text[span[0] : span[1]]) for e in naming if (span := role_in(topic, e.text)) is not None)
    first = next(roles, None)
    if first is not None:  # or a later one that says what it is, where it only says whose ("GM's", "Its leader")
        e, role = first if says_what(first[1]) else next(((e, r) for e, r in roles if says_what(r)), first)
        owner = _owner_before(role, e)
        if owner is not None:  # "…said its chief executive, Sir Howard Newby" after "The Higher Education Funding…"
            before, role = owner
            text = f"{topic}: {role} [1] [2]\n\n{before.text} [1] {e.text} [2]"
            cited = citations_for([before, e])
            return Answer(question=question.text, text=text, short_answer=role, citations=cited, kind="definition")
        text = f"{topic}: {role} [1]\n\n{e.text} [1]"
        return Answer(
            question=question.text, text=text, short_answer=role, citations=citations_for([e]), kind="definition"
        )
    described = next(((e, after, role) for e in naming for after, role in [_described_next(topic, e)] if role), None)
    if described is not None:  # "…, Mary Robinson has said. The former UN commissioner … told Radio 4's Today…"
        e, after, role = described
        text = f"{topic}: {role} [2]\n\n{e.text} [1] {after.text} [2]"
        return Answer(
            question=question.text, text=text, short_answer=role, citations=citations_for([e, after]), kind="definition"
        )
    lead = next(((before, e, role) for e in naming for before, role in [_described_before(topic, e)] if role), None)
    if lead is not None:  # "A PR expert has told the … trial that… Ann Kite told the court…"
        before, e, role = lead
        text = f"{topic}: {role} [1]\n\n{before.text} [1] {e.text} [2]"
        return Answer(
            question=question.text,
            text=text,
            short_answer=role,
            citations=citations_for([before, e]),
            kind="definition",
        )
    fact = fact_from(question.text, naming[: len(evidence)] or evidence, limits.min_reading)  # sentences naming it
    phrase = fact.short_answer or ""
    if phrase and not set(_words(phrase)) <= set(_words(topic)) and not _only_a_name(question.text, phrase):
        return fact.model_copy(update={"kind": "definition"})
    citations = citations_for(naming[: limits.overview_sentences] or evidence)
    text = messages.NOT_DEFINED.format(topic=topic) + "\n\n" + cited_text(citations)
    return Answer(question=question.text, text=text, citations=citations, kind="definition")


_SAYING = frozenset({"say", "tell", "add", "warn", "insist", "argue", "explain", "write", "claim", "admit"})


def _owner_before(role: str, e: Evidence) -> tuple[Evidence, str] | None:
    """Where a role is "its chief executive", the sentence before naming the organisation it is of, and the role
    with it ("chief executive of the Higher Education Funding Council for England"); None where the role is no one's
    "its" or "their", or the sentence before names no organisation."""
    found = re.match(r"(?i:its|their)\s+(?P<post>.+)$", role)
    before = e.passage()[0]
    if found is None or before is e:
        return None
    org = next((ent for ent in nlp()(before.text).ents if ent.label_ == "ORG"), None)
    if org is None:
        return None
    name = re.sub(r"^[Tt]he\s+", "", org.text)
    return before, f"{found['post']} of the {name}" if org.text[:4].lower() == "the " else f"{found['post']} of {name}"


def _described_next(topic: str, e: Evidence) -> tuple[Evidence | None, str | None]:
    """The next sentence of a person's story and what it calls them, where a sentence naming them in full and no
    one else is followed by one whose speaker is a post with no name ("The former UN commissioner for human rights
    and Irish president told…"); (None, None) otherwise."""
    after = e.passage()[-1]
    if after is e or topic.lower() not in e.text.lower() or after.text[:4] != "The ":
        return None, None
    if any(n.name.lower() != topic.lower() for n in names_in([e.text], ("PERSON",))):
        return None, None
    doc = nlp()(after.text)
    subject = next((t for t in doc if t.dep_ == "nsubj" and t.head.dep_ == "ROOT"), None)
    if subject is None or subject.head.lemma_.lower() not in _SAYING or subject.left_edge.i != 0:
        return None, None
    phrase = doc[1 : subject.right_edge.i + 1]
    if any(t.ent_type_ == "PERSON" for t in phrase) or not says_a_title(phrase.text):
        return None, None
    return after, phrase.text


def _described_before(topic: str, e: Evidence) -> tuple[Evidence | None, str | None]:
    """The sentence before one opening with the person's name and what it calls them, where it opens with someone
    described, not named, doing what they do ("A PR expert has told the Michael Jackson child abuse trial… / Ann Kite
    told the court…"): news leads with the description and names them next; (None, None) otherwise."""
    before = e.passage()[0]
    if before is e or not re.match(rf"(?:(?:Mr|Mrs|Ms|Dr|Sir)\s+)?{re.escape(topic)}\b", e.text):
        return None, None
    opening = _DESCRIBED.match(before.text)
    if opening is None or names_in([opening["who"]], ("PERSON",)):
        return None, None
    verbs = [next((t.lemma_.lower() for t in doc if t.dep_ == "ROOT"), "") for doc in nlp().pipe([before.text, e.text])]
    who = opening["who"].strip()
    return (before, who[0].lower() + who[1:]) if verbs[0] and verbs[0] == verbs[1] else (None, None)


# A sentence opening with someone described: "A PR expert has told…", "A former executive of Merrill Lynch has lost…".
_DESCRIBED = re.compile(r"^(?P<who>(?:A|An)\s+(?:[\w'’-]+\s+){1,6}?)(?:has|have|had|is|was)\s+[a-z]+")


def _one_person(topic: str, naming: list[Evidence]) -> list[Evidence]:
    """The sentences naming the topic that are about the one asked about: where some name it in full ("Mary
    Robinson"), those that give the surname alone ("said Robinson") only from their stories (not Andy Robinson's)."""
    full = [e for e in naming if topic.lower() in e.text.lower()]
    stories = {e.sentence.article_id for e in full}
    return [e for e in naming if e in full or e.sentence.article_id in stories] if full else naming


def _only_a_name(question: str, phrase: str) -> bool:
    """Whether the phrase is a person's name, or for "Who is…?" a name of any kind ("Dundee University"): no answer
    to who or what something is."""
    kinds = ("PERSON", "ORG", "GPE", "LOC", "FAC") if question.lower().startswith("who") else ("PERSON",)
    names = names_in([phrase], kinds)
    bare = [w for w in _words(phrase) if w not in ("the", "a", "an")]  # "the Law Lords" is a name
    return any(n.label == "PERSON" for n in names) or any(_words(n.name) == bare for n in names)


def says_what(role: str) -> bool:
    """Whether a role says what something is, not only whose it is ("GM's") or whose by a pronoun the reader cannot
    follow ("Its leader")."""
    words = re.findall(r"[\w’']+", role.lower())
    return bool(words) and words[0] not in _PRONOUNS and not re.search(r"['’]s?$", words[-1])


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def role_in(name: str, sentence: str) -> tuple[int, int] | None:
    """Character offsets in ``sentence`` of what it says ``name`` is, or None when it says nothing of the kind."""
    doc = nlp()(sentence)
    mention = _mention(doc, name)
    if mention is None:
        return None
    for find in (_title, _apposition, _naming, _copula, _relative):
        span = find(mention)
        if span is not None:
            text = span.text
            start = span.start_char + (len(text) - len(text.lstrip(_EDGE)))
            end = span.end_char - (len(text) - len(text.rstrip(_EDGE)))
            if sentence[start:end].count("(") > sentence[start:end].count(")") and sentence[end : end + 1] == ")":
                end += 1  # the bracket it opened: "the Internet Engineering Task Force (IETF)"
            if sentence[start:end].count('"') % 2 and sentence[end : end + 1] == '"':
                end += 1  # the quotation it opened: 'known as an "aggregator"'
            if end > start and not _is_name(span):
                return start, end
    return None


def _mention(doc, name: str) -> Span | None:  # noqa: ANN001 - a spaCy Doc
    """Where the sentence names ``name``: in full, or a person by their surname ("Starmer" for "Keir Starmer")."""
    words = re.findall(r"\w+", re.sub(r"^(?:the|a|an)\s+", "", name.strip(), flags=re.IGNORECASE).lower())
    if not words:
        return None
    if len(words) > 1 and " " not in name.strip():  # one token with its dots: "latinohiphopradio.com"
        whole = next((t for t in doc if t.lower_ == name.strip().lower()), None)
        if whole is not None:
            return doc[whole.i : whole.i + 1]
    tokens = [t.lower_ for t in doc]
    for size in dict.fromkeys((len(words), 1)):
        wanted = words[-size:]
        for i in range(len(tokens) - size + 1):
            if tokens[i : i + size] == wanted and (size == len(words) or doc[i].ent_type_ == "PERSON"):
                start = i
                while start > 0 and doc[start].ent_iob_ == "I":
                    start -= 1  # the whole entity the word ends ("Keir Starmer" for "Starmer")
                if doc[start].lower_ in ("the",) and start + 1 < i + size:
                    start += 1
                return doc[start : i + size]
    return None


def _title(mention: Span) -> Span | None:
    """The run of modifiers just before the name that hang on it: "UK Prime Minister" (honorifics dropped)."""
    head = mention.root
    start = mention.start
    while start > 0:
        token = mention.doc[start - 1]
        if token.text == "-" and start > 1 and mention.doc[start - 2].lower_ == "ex":
            start -= 2  # "ex-finance chief": a former post is not the post
            continue
        hangs_on = _within(token, head) if token.dep_ in _TITLE_DEPS else start <= token.head.i < mention.end
        if token.dep_ in ("conj", "cc") and token.head.i < token.i and token.head.dep_ in _TITLE_DEPS:
            hangs_on = _within(token.head, head)  # "Edu's brother and representative Amadeo Fensao": both posts
        # "labour office chief Frank-Juergen Weise said", parsed as two subjects of "said": the title is the first
        beside = (
            start == mention.start
            and token.pos_ == "NOUN"
            and token.dep_ == head.dep_ in ("nsubj", "nsubjpass")
            and token.head.i == head.head.i != head.i
        )
        if token.is_punct or (token.pos_ not in _TITLE_POS and token.dep_ != "cc") or not (hangs_on or beside):
            break
        head = token if beside else head  # the title's own modifiers hang on it
        start -= 1
    start = _post_of(mention, start)
    end = mention.start
    while end > start and mention.doc[end - 1].lower_ in _HONORIFICS:
        end -= 1
    while start < end and mention.doc[start].dep_ == "case":
        start += 1
    return mention.doc[start:end] if end > start else None


def _post_of(mention: Span, start: int) -> int:
    """Where a title read as taking the name after its "of" begins ("Sale Sharks director of rugby Philippe
    Saint-Andre", parsed as the director of Saint-Andre): the post's own modifiers; ``start`` otherwise."""
    doc, of = mention.doc, mention.root.head
    if mention.root.dep_ != "pobj" or of.lower_ != "of" or of.i != start - 1 or of.i < 1 or start == mention.start:
        return start  # a name straight after "of" is what the noun is of: "The trial of Emilio Botin, the chairman…"
    post = doc[of.i - 1]
    if post.pos_ != "NOUN" or of.head.i != post.i or any(t.is_punct for t in doc[post.left_edge.i : post.i]):
        return start
    return post.left_edge.i


def _apposition(mention: Span) -> Span | None:
    """ "Peskov, the Kremlin spokesperson," or "the Kremlin spokesperson, Peskov,": the phrase in apposition."""
    head = mention.root
    for child in head.children:
        if child.dep_ == "appos":
            return _phrase(child)
    if head.dep_ == "appos":
        described = head.head
        while (
            described.dep_ == "pobj"
            and described.head.lower_ in _POST_OF
            and described.head.head.pos_ in ("NOUN", "PROPN")
        ):  # "the spokesperson for the Kremlin, Dmitry Peskov"; not "a meeting with his counterpart Hans Eichel"
            described = described.head.head
        goes = described.head.head if described.dep_ == "pobj" else None
        if described.lemma_.lower() in _NAME_WORDS and goes is not None and goes.dep_ == "relcl":
            return _phrase(goes.head, without=goes)  # "the man behind suprnova.org, who goes by the nickname Sloncek"
        return _phrase(described, without=head)
    return None


def _naming(mention: Span) -> Span | None:
    """ "a summit of 35 countries dubbed the Coalition of the Willing": the phrase the naming verb hangs on (or,
    parsed as its subject, "two versions of the operating system, codenamed Tiger")."""
    verb = mention.root.head
    if verb.lower_ in _NAMING and verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN"):
        return _phrase(verb.head, without=verb)
    named = next((c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"), None)
    if verb.lower_ in _NAMING and mention.root.dep_ == "dobj" and named is not None:
        return _phrase(named)  # "two versions of the operating system, codenamed Tiger, were…"
    return None


def _copula(mention: Span) -> Span | None:
    """ "NATO is a military alliance": the predicate of the name as a subject of "to be"."""
    head = mention.root
    if head.dep_ in ("nsubj", "nsubjpass") and head.head.lemma_ == "be":
        attr = next((c for c in head.head.children if c.dep_ == "attr"), None)  # not "is due to be shipped"
        return _phrase(attr) if attr is not None else None
    return None


def _relative(mention: Span) -> Span | None:
    """ "Angela Cannings, who was wrongly convicted of killing two of her babies": what the relative clause on the
    name says of them, a passive's or "who is a …" (not "who said…", what they did, nor "who was in the stands")."""
    clause = next((c for c in mention.root.children if c.dep_ == "relcl"), None)
    if clause is None or clause.i < mention.end:
        return None
    who = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ == "who"), None)
    if who is None:
        return None
    if clause.lemma_ == "be":  # "who is a former miner", not "who was in the stands to watch her final game"
        attr = next((c for c in clause.children if c.dep_ == "attr"), None)
        return clause.doc[clause.i + 1 : clause.right_edge.i + 1] if attr is not None else None
    passive = [c for c in clause.children if c.dep_ == "auxpass" and c.lemma_ == "be"]  # "who was … convicted of…"
    return clause.doc[passive[-1].i + 1 : clause.right_edge.i + 1] if passive else None


def _phrase(token: Token, without: Token | None = None) -> Span:
    """The phrase ``token`` heads, up to (not into) the part that ``without`` heads."""
    subtree = [t for t in token.subtree if without is None or not _within(t, without)]
    start = min(t.i for t in subtree)
    end = max(t.i for t in subtree) + 1
    if without is not None and start < without.left_edge.i < end:
        end = without.left_edge.i
    return token.doc[start:end]


def _within(token: Token, ancestor: Token) -> bool:
    return token == ancestor or ancestor in token.ancestors


def _is_name(span: Span) -> bool:
    """Whether the phrase is only another name ("Sir Keir Starmer" next to Mark Rutte), which is no definition."""
    words = [t for t in span if not t.is_punct and t.lower_ not in ("the", "a", "an")]
    return bool(words) and all(t.ent_type_ == "PERSON" for t in words)
