"""detect: find event mentions in sentences and type them with ACLED (sub-)event types.

The typing model is an object passed in (``EventTyper``). ``RuleTyper`` is a trigger lexicon per
sub-type; the default typer, ``typing_model.LearnedTyper``, combines it with a learned classifier.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Protocol

from ..records import Annotated, EventMention, Sentence, Span
from .arrest_acts import committed_acts
from .roles import subject

log = logging.getLogger(__name__)

# ACLED's 25 sub-event types and the event type each belongs to.
SUB_EVENT_TYPES: dict[str, str] = {
    "Armed clash": "Battles",
    "Government regains territory": "Battles",
    "Non-state actor overtakes territory": "Battles",
    "Chemical weapon": "Explosions/Remote violence",
    "Air/drone strike": "Explosions/Remote violence",
    "Suicide bomb": "Explosions/Remote violence",
    "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Remote explosive/landmine/IED": "Explosions/Remote violence",
    "Grenade": "Explosions/Remote violence",
    "Sexual violence": "Violence against civilians",
    "Attack": "Violence against civilians",
    "Abduction/forced disappearance": "Violence against civilians",
    "Peaceful protest": "Protests",
    "Protest with intervention": "Protests",
    "Excessive force against protesters": "Protests",
    "Violent demonstration": "Riots",
    "Mob violence": "Riots",
    "Agreement": "Strategic developments",
    "Arrests": "Strategic developments",
    "Change to group/activity": "Strategic developments",
    "Disrupted weapons use": "Strategic developments",
    "Headquarters or base established": "Strategic developments",
    "Looting/property destruction": "Strategic developments",
    "Non-violent transfer of territory": "Strategic developments",
    "Other": "Strategic developments",
}
# Territory changes are typed by who took it; the lexicon marks them with this placeholder.
TERRITORY = "territory"
TERRITORY_SUBS = ("Government regains territory", "Non-state actor overtakes territory")
# A sentence is typed with this many sentences either side as its passage (``EventTyper`` context).
PASSAGE_WINDOW = 1


@dataclass(frozen=True, slots=True)
class TypedSpan:
    """A typer's answer for one sentence: a sub-type, its trigger (sentence-relative) and a confidence."""

    sub_event_type: str
    start: int
    end: int
    confidence: float


class EventTyper(Protocol):
    """Anything that types a sentence. ``context`` carries the sentence's neighbours if needed."""

    def type_sentence(self, sentence: str, context: str | None = None) -> list[TypedSpan]: ...


_TERRITORY_OBJECT = r"(?:\s+(?:\w+[\s-]){0,5}?(?:territory|ground|control|towns?|villages?|city|hills?|hilltops?|positions?|areas?|neighbou?rhoods?|districts?|base)\b)"
# (sub-type, pattern, confidence). Patterns are matched case-insensitively on the sentence; a match
# that starts with a capital letter mid-sentence is taken as part of a name ("al-Yarmouk Battle").
_LEXICON: tuple[tuple[str, str, float], ...] = (
    # Disrupted weapons use comes first: seized grenades or a defused bomb are no grenade attack or blast.
    ("Disrupted weapons use", (r"defus(?:ed|ing)|dismantled\s+(?:\w+\s+){0,2}(?:bombs?|ieds?|explosives?)|intercept(?:ed|ing)\s+(?:\w+\s+){0,2}(?:missiles?|rockets?|drones?|packages?|shipments?)|(?:shot|brought)\s+down\s+(?:\w+\s+){0,2}(?:drones?|uavs?|missiles?|rockets?)|downed\s+(?:\w+\s+){0,2}(?:drones?|uavs?|missiles?)"
     r"|(?:drones?|uavs?|missiles?|rockets?|packages?|parcels?)\s+(?:\w+\s+){0,2}(?:were|was|has\s+been|have\s+been|had\s+been)\s+(?:intercepted|shot\s+down|downed|neutrali[sz]ed|jammed)"
     r"|(?:bombs?|explosives?|explosive\s+devices?|ieds?)\s+(?:\w+\s+){0,2}(?:were|was|has\s+been|have\s+been|had\s+been)\s+(?:defused|discovered|found|seized|recovered|neutrali[sz]ed)|neutrali[sz](?:ed|ing)\s+(?:\w+\s+){0,3}(?:bombs?|ieds?|explosives?|explosive\s+devices?|mines?)"
     r"|(?:seiz(?:ed|es|ing|ure\s+of)|recovered|confiscat(?:ed|ing)|found|discovered|uncovered|unearthed)\s+(?:\w+[\s,-]+){0,8}?(?:weapons|arms|firearms|guns|rifles|pistols|ammunition|ammunitions|explosives|rounds|grenades|mines|landmines|ieds?|rockets|munitions|bomb-making)"
     r"|(?:arms|weapons|ammunition|explosives?)\s+(?:cache|depot|dump|stash|haul)s?|(?:cache|depot|dump|stash|haul)s?\s+of\s+(?:[\w-]+\s+){0,3}?(?:weapons|arms|firearms|guns|ammunition|explosives|munitions|projectiles|rockets|mortars|chemicals?)"
     r"|(?:weapons|arms|firearms|guns|ammunition|explosives|grenades|munitions)\s+(?:[\w,.'-]+\s+){0,12}?(?:were|was|has\s+been|have\s+been|had\s+been)\s+(?:seized|recovered|confiscated|found|discovered)"
     r"|(?:accidentally|prematurely)\s+(?:\w+\s+){0,2}?(?:detonat(?:ed|ing)|exploded|activated|triggered|went\s+off)|(?:detonated|exploded|went\s+off|blew\s+up)\s+prematurely|while\s+(?:making|assembling|planting|handling|manufacturing)\s+(?:\w+\s+){0,2}(?:bombs?|explosives?|ieds?|devices?)"
     r"|bomb\s+(?:squad|disposal)|foiled|thwarted|(?:cleared|removed|destroyed|detonated)\s+(?:[\w-]+\s+){0,3}(?:mines|landmines|ieds?|explosive\s+devices?|unexploded)"), 0.7),
    ("Chemical weapon", r"chemical\s+(?:weapons?|attacks?|munitions?)|chlorine|sarin|mustard\s+gas|toxic\s+gas|nerve\s+agent|poison(?:ous)?\s+gas(?:es)?(?!\s+leak)|toxic\s+chemicals", 0.85),
    ("Suicide bomb", r"suicide\s+(?:bomb(?:er|ers|ing|ings)?|attack(?:er|ers)?|car\s+bomb|vest)|blew\s+(?:him|her|them)sel(?:f|ves)\s+up", 0.85),
    ("Air/drone strike", r"air\s*-?\s*strikes?|air\s*raids?|warplanes?|war\s+planes|(?:jets?|warplanes?|aircraft|fighter\s+planes|helicopters?|drones?|air\s+force)\s+(?:\w+\s+){0,2}?(?:struck|bombed|hit|destroyed|pounded|targeted|attacked|raided|fired\s+on)|(?:attacks?|strikes?|raids?)\s+by\s+(?:\w+\s+){0,2}(?:jets|warplanes|aircraft|planes|drones|helicopters)|drone\s+(?:strikes?|attacks?)|barrel\s+bombs?|helicopter\s+gunships?|bombed\s+from\s+the\s+air|aerial\s+(?:bombardment|attacks?)", 0.8),
    ("Shelling/artillery/missile attack", r"shell(?:ed|ing|s)|artillery\s+(?:fire|attacks?|strikes?)|mortars?(?:\s+(?:rounds?|shells?|fire))?|rockets?\s+(?:fire|attacks?|hit|struck|landed)|missiles?\s+(?:attacks?|strikes?|hit|struck)|fired\s+(?:rockets?|missiles?|mortars?)|bombard(?:ed|ment)", 0.75),
    ("Remote explosive/landmine/IED", r"\bieds?\b|improvised\s+explosive|roadside\s+bombs?|land\s*mines?|(?:ground|anti-tank|anti-personnel|anti-vehicle)\s+mines?|(?:hit|struck|stepped\s+on)\s+a\s+mine|mine\s+(?:blast|explosion)|limpet|(?:sticky|magnetic)\s+bombs?|car\s+bombs?|explosive\s+devices?|bomb\s+(?:exploded|went\s+off|blast)|booby[- ]trap", 0.8),
    ("Grenade", r"grenades?", 0.8),
    ("Sexual violence", r"rap(?:ed|e|es|ing)\b|sexual(?:ly)?\s+(?:assault(?:ed|s)?|violence|abuse[ds]?)", 0.8),
    ("Abduction/forced disappearance", r"abduct(?:ed|ion|ions|s|ing)?|kidnap(?:ped|ping|pings|s)?|taken\s+hostage|forcibly\s+disappeared", 0.8),
    ("Attack", r"massacred?|executed|(?:killed|shot|murdered)\s+(?:\w+\s+){0,4}(?:civilians|villagers|worshippers|passengers|farmers|herders|pupils|students)|civilians\s+(?:were\s+)?(?:killed|shot)|shot\s+dead|gunned\s+down|stabbed", 0.6),
    # ACLED's violent demonstration: the demonstrators' own violence (stones, arson, vandalism, clashes with
    # police), whatever the police did. "Non-violent" is no violence, and a passive ("protesters were
    # attacked") is violence against them, not by them.
    ("Violent demonstration", (r"riot(?:s|ed|ing|ers)?(?!\s+(?:police|policemen|gear|squads?|control|units?|officers?|troops|forces|shields?|cops|act)\b)|(?<!non-)(?<!non\s)violent\s+(?:protests?|demonstrations?|clashes)|(?:protests?|demonstrations?|rall(?:y|ies)|march(?:es)?)\s+(?:\w+\s+){0,3}(?:turned|turn|turns|turning)\s+(?:\w+\s+)?(?:violent|ugly)"
     r"|(?:protesters|demonstrators|crowds?|youths|rioters)\s+(?:(?!(?:were|was|been|being|are|is|got|had)\b)\w+\s+){0,4}?(?:torched|set\s+fire|set\s+ablaze|stormed|hurled|threw|pelted|clashed|vandali[sz]ed|smashed|burn(?:ed|t)|looted|attacked|blocked)"
     r"|(?:threw|hurled|throwing|hurling|pelted|pelting)\s+(?:\w+\s+){0,3}(?:stones|rocks|bricks|bottles|petrol\s+bombs|firebombs|molotov)|stone[- ]?(?:pelting|throwing)|(?:erected|set\s+up|put\s+up)\s+(?:\w+\s+){0,2}barricades|petrol\s+bombs|molotov\s+cocktails|burn(?:ing|ed|t)\s+(?:of\s+)?(?:tyres|tires)"
     r"|clash(?:ed|es)?\s+with\s+(?:\w+\s+){0,3}(?:protesters|demonstrators|rioters|stone-throwing)|clash(?:ed|es)?\s+(?:\w+\s+){0,2}between\s+(?:\w+\s+){0,4}?(?:protesters|demonstrators|rioters)"
     r"|(?:protesters|demonstrators)\s+and\s+(?:\w+\s+){0,2}(?:police|security\s+forces|troops)\s+clashed|(?:protests?|demonstrations?|rall(?:y|ies))\s+and\s+clashes"
     r"|clash(?:ed|es)?\s+(?:\w+\s+){0,3}?(?:during|at|amid)\s+(?:\w+\s+){0,3}?(?:protests?|demonstrations?|rall(?:y|ies)|marches)"), 0.75),
    # ACLED's excessive force: peaceful protesters killed or seriously injured (live fire, a deadly crackdown).
    ("Excessive force against protesters", (r"(?:opened\s+fire|fired\s+live\s+ammunition)\s+on\s+(?:\w+\s+)?(?:protesters|demonstrators)|(?:killed|shot|wounded|injured|beat|beaten|beating)\s+(?:\w+[\s-]+){0,3}?(?:protesters?|demonstrators?|(?:peaceful|unarmed)\s+(?:\w+\s+){0,2}(?:protests?|demonstrations?|march(?:es)?|rall(?:y|ies)|sit-ins?|gatherings?))"
     r"|(?:protesters?|demonstrators?)\s+(?:\w+\s+){0,3}(?:were\s+|was\s+)?(?:killed|shot\s+dead|died|seriously\s+injured)|(?:protesters?|demonstrators?)\s+(?:\w+\s+){0,3}(?:were|was|been)\s+(?:\w+\s+)?(?:injured|wounded|shot)"
     r"|live\s+(?:ammunition|bullets|rounds|fire)|(?:excessive|lethal|deadly)\s+force|serious(?:ly)?\s+injur(?:ed|ies)\s+(?:\w+\s+){0,2}(?:among|to|of)\s+(?:\w+\s+){0,2}(?:protesters|demonstrators)|(?:crackdown|crack\s+down)\s+on\s+(?:\w+\s+){0,2}(?:protest|protesters|demonstrat)|protests?\s+crackdown"), 0.8),
    # ACLED's protest with intervention: a peaceful protest that police try to disperse or suppress
    # (arrests, tear gas, water cannon, rubber bullets, batons) without killing or seriously injuring anyone.
    ("Protest with intervention", (r"(?:dispers(?:ed|e|ing)|broke\s+up|break\s+up|tear\s*-?gas(?:sed)?|water\s+cannons?|rubber\s+bullets|pepper[\s-]spray(?:ed)?|stun\s+grenades|baton[- ]charged?|lathi[- ]?charged?|batons)(?:\s+\w+){0,6}?\s+(?:protests?|protesters|demonstrators|demonstrations?|rall(?:y|ies)|crowds?|marchers|gatherings?|sit-ins?)"
     r"|(?:protesters|demonstrators|marchers)\s+(?:\w+\s+){0,6}?(?:tear\s*-?gas|water\s+cannons?|rubber\s+bullets|pepper[\s-]spray(?:ed)?|batons)|(?:protesters|demonstrators|marchers)\s+(?:were\s+)?(?:dispersed|arrested|detained|rounded\s+up)"
     r"|(?:arrested|detained|rounded\s+up)\s+(?:\w+\s+){0,3}(?:protesters|demonstrators|marchers)|suppress(?:ed|ing)?\s+(?:\w+\s+){0,2}(?:protests?|demonstrations?|protesters|rall(?:y|ies)|march(?:es)?|sit-ins?)"
     r"|police\s+(?:\w+\s+){0,2}intervened|(?:arrested|detained|detaining|arresting)\s+(?:\w+\s+){0,6}?(?:while|during|at|for)\s+(?:\w+\s+){0,3}?(?:protests?|demonstrations?|rall(?:y|ies)|march(?:es)?|sit-ins?|pickets?)"
     r"|(?:detaining|arresting)\s+(?:\w+\s+){0,3}(?:participants|protesters|demonstrators|activists)|(?:blocked|stopped|prevented)\s+(?:\w+\s+){0,2}(?:march|rally|protest|demonstration)"), 0.75),
    ("Mob violence", r"\bmob\b|mobs\b|vigilantes?|lynch(?:ed|ing|ings)?|(?:mob|jungle|street|instant)\s+justice", 0.7),
    ("Peaceful protest", r"protest(?:ed|ers|ing|s)?|demonstrat(?:ion|ions|ors|ed)|rall(?:y|ies|ied)|sit-ins?|die-ins?|marched|vigils?|hunger\s+strikes?|general\s+strike|(?:went|go|going|gone)\s+on\s+strike|took\s+to\s+the\s+streets|chant(?:ed|ing)\s+(?:\w+\s+){0,2}slogans|(?:carr(?:ied|ying)|held\s+up|holding\s+up|waved|waving)\s+(?:\w+\s+){0,2}(?:placards|banners|signs)", 0.65),
    # People captured are arrested (or abducted, which the model tells apart), not ground taken: this comes
    # before the territory trigger, whose "captured <anything>" would claim the words.
    ("Arrests", r"(?:captured|caught|apprehended|nabbed)\s+(?:\w+[\s-]+){0,4}?(?:commanders?|leaders?|militants?|suspects?|members?|fighters?|terrorists?|insurgents?|rebels?|gunmen|chiefs?|kingpins?|operatives?|jihadists?)\b", 0.7),
    (TERRITORY, (rf"(?!(?:took|take|taking|takes)\s+(?:place|effect|part|office|over\s+as)\b)(?:re)?(?:took|take|taking|takes|captured?|capturing|seized?|seizing|recaptured?|recapturing|retook|retake|retaking|gained|gaining|overran|overrun|stormed|liberated?|liberating)(?:{_TERRITORY_OBJECT}|(?=\s+(?:the\s+)?(?:strategic\s+|key\s+|northern\s+|southern\s+)?(?:town|village|city|hill|district|area|province|base|[a-z])))|(?:took|taken|seized|gained|regained|wrested|retook|retaken|assumed)\s+(?:full\s+|complete\s+)?control|advanced\s+(?:into|on)|entered\s+the\s+(?:town|village|city)"
     r"|(?:drove|driven|pushed|forced|expelled|ousted|flushed|kicked|chased)\s+(?:\w+[\s-]+){0,5}?out\s+of|(?:recovered|occupied)\s+(?:\w+[\s-]+){0,4}?(?:areas?|territory|towns?|villages?|regions?|hills?|posts?|positions?|camps?|bases?)|fell\s+(?:in)?to\s+(?:the\s+)?(?:hands|control|rebels|militants|insurgents|government|army|troops|forces)"), 0.7),
    ("Non-violent transfer of territory", r"withdr(?:ew|awn|awal|aw|awing)\s+(?:\w+\s+){0,3}from|handed\s+(?:\w+\s+){0,3}over|hand(?:ed|ing)?\s+over|hand-?over\s+of|pulled\s+out|abandoned\s+(?:\w+\s+){0,3}(?:positions?|bases?|posts?|towns?|villages?|areas?)|(?:without|no)\s+(?:a\s+)?(?:fight|resistance|fighting)|evacuated\s+(?:\w+\s+){0,3}(?:positions?|bases?|posts?)", 0.6),
    ("Armed clash", r"clash(?:es|ed)?|fighting|fought|battles?|firefights?|gun\s*battles?|exchanged?\s+fire|ambush(?:ed|es)?|engaged\s+(?:in\s+)?combat|skirmish(?:es)?|attacked\s+(?:\w+\s+){0,3}positions", 0.65),
    ("Arrests", r"arrest(?:ed|s)|detain(?:ed|s)|rounded\s+up|taken\s+into\s+custody", 0.7),
    ("Agreement", (r"(?:signed|reached|agreed(?:\s+on|\s+to)?|brokered|announced|declared)\s+(?:\w+[\s-]+){0,3}(?:ceasefire|cease-fire|truce|deal|agreement|accord)|(?:ceasefire|truce|peace)\s+(?:deal|agreement)\s+(?:was\s+)?(?:signed|reached|agreed)"
     r"|peace\s+(?:talks|deal|agreement|accord|negotiations)|(?:prisoners?|detainees|captives|bodies)\s+(?:exchange|swap)|(?:exchanged|swapped)\s+(?:\w+\s+){0,2}(?:prisoners|detainees|captives|bodies)|exchange\s+(?:\w+\s+){0,2}?of\s+(?:prisoners|detainees|bodies|captives)|agreed\s+to\s+(?:\w+\s+){0,3}(?:withdraw|release|hand\s+over|lay\s+down|evacuate|cease)"
     r"|(?:ceasefire|cease-fire|truce)\s+(?:\w+\s+){0,2}(?:took\s+effect|came\s+into\s+(?:force|effect)|was\s+(?:declared|extended|agreed))|(?:signed|inked)\s+(?:\w+[\s-]+){0,3}(?:memorandum|pact|protocol)|evacuation\s+(?:deal|agreement)"), 0.6),
    ("Headquarters or base established", (r"(?:established|establish|establishing|set\s+up|setting\s+up|opened|built|erected|installed)\s+(?:\w+[\s-]+){0,3}?(?:base|bases|headquarters|outposts?|camps?|military\s+posts?|checkpoints?|command\s+cent(?:er|re)|observation\s+(?:posts?|points?|towers?)|(?:military|army)\s+(?:points?|positions?))"
     r"|(?:base|bases|headquarters|outposts?|camps?|military\s+posts?|observation\s+(?:posts?|points?))\s+(?:\w+\s+){0,3}(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:established|set\s+up|opened|built|erected|installed)|(?:moved|relocated|shifted)\s+(?:its|their|his)\s+(?:\w+\s+)?(?:headquarters|base)"), 0.7),
    ("Change to group/activity", (r"surrender(?:ed|s|ing)?\b|defect(?:ed|ion|ions|ors?)\b|pledged\s+allegiance|(?:recruit(?:ed|s|ing|ment)|disband(?:ed|s)?|merg(?:ed|er)|split\s+from|relocat(?:ed|ion))\b"
     r"|laid\s+down\s+(?:their|his|her|its)\s+(?:arms|weapons)|renounced\s+(?:\w+\s+)?violence|(?:formation|formed|launched|creation)\s+(?:of\s+)?(?:a|an)\s+(?:new\s+)?(?:armed|militant|rebel|militia|jihadist|insurgent)"
     r"|(?:deploy(?:ed|ing|ment\s+of)|dispatched|sent|mobili[sz](?:ed|ing|ation\s+of))\s+(?:\w+[\s-]+){0,4}?(?:troops|soldiers|forces|reinforcements|fighters|militiamen|units)|reinforcements\s+(?:arrived|were\s+sent)"
     r"|redeploy(?:ed|ing|ment|s)?\b|fortif(?:y|ied|ies|ying|ications?)\b|reinforc(?:ed|ing)\s+(?:\w+\s+){0,3}(?:troops|forces|positions|units|presence)"
     r"|(?:formed|created|founded)\s+(?:\w+\s+){0,3}(?:new\s+)?(?:units?|brigades?|battalions?|wings?|forces?|militias?|organi[sz]ations?|groups?)\b"), 0.55),
    ("Looting/property destruction", (r"loot(?:ed|ing)|torch(?:ed|ing)|burn(?:ed|t)\s+(?:down\s+)?(?:\w+\s+){0,2}(?:houses|homes|shops|buildings)|demolish(?:ed|ing)|destroyed\s+(?:\w+\s+){0,2}(?:houses|homes|property|shops)|ransack(?:ed|ing)|plunder(?:ed|ing)|pillag(?:ed|ing)|razed"
     r"|set\s+(?:\w+\s+){0,3}(?:houses|homes|shops|vehicles|cars|buildings|property|offices|schools)(?:,?\s+(?:and\s+)?[\w-]+){0,5}?\s+(?:on\s+fire|ablaze|alight)|set\s+fire\s+to\s+(?:\w+\s+){0,3}(?:houses|homes|shops|vehicles|cars|buildings|property|offices|schools)"
     r"|(?:houses|homes|shops|stores|buildings|vehicles|cars|property|offices|churches|mosques|schools|markets?)\s+(?:\w+\s+){0,2}(?:were|was|have\s+been|has\s+been|had\s+been)\s+(?:burned|burnt|torched|looted|ransacked|vandali[sz]ed|set\s+(?:on\s+fire|ablaze)|razed|demolished)"), 0.6),
    # ACLED's "Other" strategic development, as its notes use it: civilians displaced or fleeing the conflict,
    # and mass graves found. Last, so that any other trigger in the sentence claims its words first.
    ("Other", (r"mass\s+graves?|(?:civilians|residents|villagers|families|people|inhabitants|refugees|households|thousands|hundreds|\d[\d,.]*\s+(?:\w+\s+)?\w+s)\s+(?:\w+\s+){0,2}?"
     r"(?:have\s+|had\s+|were\s+|are\s+|been\s+)?(?:fled|fleeing|displaced|forced\s+to\s+(?:flee|leave))\b|(?:displaced|uprooted|forced\s+(?:\w+\s+){0,3}to\s+flee)\s+(?:\w+\s+){0,3}?(?:civilians|residents|villagers|families|people|thousands|hundreds)"
     r"|displacement\s+of\s+(?:\w+\s+){0,2}(?:civilians|residents|villagers|families|people|thousands|hundreds)"), 0.5),
)


class RuleTyper:
    """Trigger-lexicon typing: one sub-type per trigger, several triggers per sentence allowed."""

    def __init__(self, lexicon: tuple[tuple[str, str, float], ...] = _LEXICON) -> None:
        # Matching a lower-cased copy is about twice as fast as re.IGNORECASE; the case-blind patterns
        # serve the rare text whose lower-casing changes its length (offsets would shift).
        self._patterns = [(sub, re.compile(rf"\b(?:{pattern})"), conf) for sub, pattern, conf in lexicon]
        self._caseless = [(sub, re.compile(rf"\b(?:{pattern})", re.IGNORECASE), conf) for sub, pattern, conf in lexicon]

    def type_sentence(self, sentence: str, context: str | None = None) -> list[TypedSpan]:
        """Every trigger in the sentence; ``context`` is not used."""
        found: list[TypedSpan] = []
        taken: list[tuple[int, int]] = []
        shouting = sentence.isupper()  # all-caps wire text: capitals say nothing about names
        lowered = sentence.lower()
        text, patterns = (lowered, self._patterns) if len(lowered) == len(sentence) else (sentence, self._caseless)
        for sub, pattern, confidence in patterns:
            for m in pattern.finditer(text):
                start, end = m.span()
                if not shouting and start > 0 and sentence[start].isupper() and not _sentence_start(sentence, start):
                    continue  # part of a name, e.g. "al-Yarmouk Battle"
                if any(s < end and start < e for s, e in taken):
                    continue
                taken.append((start, end))
                found.append(TypedSpan(sub, start, end, confidence))
        return sorted(found, key=lambda t: t.start)


# A question, asked as one: it opens on a question word or an inverted auxiliary (after any speaker's tag
# such as "[STUDIO REPORTER]") and ends on a question mark: an interviewer's or a commentator's question
# tells of no event ("WHO ARE THE OTHER 15 PEOPLE KILLED?"). A sentence that only ends on one is not asked
# so: a scraped page runs a subheading into it ("... was targeted by airstrikes End to the ceasefire?").
_QUESTION = re.compile(
    r"\s*(?:\[[^\]]{0,60}\]\s*)*[\"'\u2018\u201c]?(?:(?:and|but|or|so)\s+)?(?:who|whom|whose|what|which|why|how|when|where|is|are|was|were"
    r"|do|does|did|can|could|will|would|shall|should|has|have|had|may|might|must)\b",
    re.IGNORECASE,
)
_QUESTION_END = re.compile(r"\?[\"'\u2019\u201d)\]\s]*$")


def _sentence_start(sentence: str, index: int) -> bool:
    return not sentence[:index].strip(" \"'‘“(-–—")


def detect(annotated: Annotated, typer: EventTyper) -> tuple[EventMention, ...]:
    """Typed event mentions, one per sentence and sub-type, in text order.

    Territory changes are typed by their taker: state forces regain, anyone else overtakes.
    """
    mentions: list[EventMention] = []
    text = annotated.document.article.text
    sentences = annotated.sentences
    for sentence in sentences:
        if _QUESTION.match(sentence.text) and _QUESTION_END.search(sentence.text):
            continue  # a question reports nothing ("CAN YOU CONFIRM THE ARRIVAL OF THE POLICE'S BOMB SQUAD?")
        seen: set[str] = set()
        window = sentences[max(0, sentence.index - PASSAGE_WINDOW) : sentence.index + PASSAGE_WINDOW + 1]
        context = text[window[0].start : window[-1].end]
        for typed in typer.type_sentence(sentence.text, context):
            sub = typed.sub_event_type
            start, end = sentence.start + typed.start, sentence.start + typed.end
            if sub == TERRITORY or sub in TERRITORY_SUBS:
                # The taker decides when the sentence names one; else the typer's own choice stands.
                taker = _territory_type(annotated, sentence.index, start)
                sub = taker or (sub if sub != TERRITORY else "Non-state actor overtakes territory")
            if sub in seen or sub not in SUB_EVENT_TYPES:
                continue
            seen.add(sub)
            if _elaborates(mentions, sentence, sub, typed):
                continue
            trigger = Span(start, end, annotated.document.article.text[start:end])
            mentions.append(EventMention(sentence.index, SUB_EVENT_TYPES[sub], sub, trigger, typed.confidence))
        arrest = next((m for m in mentions if m.sentence == sentence.index and m.sub_event_type == "Arrests"), None)
        if arrest is not None:
            mentions.extend(_acts_of_arrested(annotated, sentence, typer, context, seen, arrest.confidence))
        # ACLED's codebook: a chemical attack is a Chemical weapon event whatever delivered it, a suicide
        # attack a Suicide bomb: "fired rockets filled with Sarin gas" is one event, not a shelling too.
        here = {m.sub_event_type for m in mentions if m.sentence == sentence.index}
        drop = {sub for key, subs in _SUBSUMES.items() if key in here for sub in subs}
        if drop:
            mentions = [m for m in mentions if m.sentence != sentence.index or m.sub_event_type not in drop]
    return tuple(mentions)


# Event types of the violent act an arrest sentence tells as what the arrested did (``arrest_acts``).
_ACT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
# The act's confidence is below the arrest's: the arrest is the sentence's main event.
_ACT_SHARE = 0.9


def _acts_of_arrested(
    annotated: Annotated, sentence: Sentence, typer: EventTyper, context: str, seen: set[str], arrest_confidence: float
) -> list[EventMention]:
    """The violent acts an arrest sentence tells as what the arrested did ("arrested on 9 December after
    having participated in an attack on a bus"): each act clause typed on its own, a mention of its own."""
    found = []
    text = annotated.document.article.text
    for a, b in committed_acts(sentence.text):
        for typed in typer.type_sentence(sentence.text[a:b], context):
            sub = typed.sub_event_type
            if sub in seen or SUB_EVENT_TYPES.get(sub) not in _ACT_TYPES:
                continue
            seen.add(sub)
            start, end = sentence.start + a + typed.start, sentence.start + a + typed.end
            confidence = _ACT_SHARE * min(typed.confidence, arrest_confidence)
            found.append(EventMention(sentence.index, SUB_EVENT_TYPES[sub], sub, Span(start, end, text[start:end]), confidence))
    return found


# Sub-types whose mention in a sentence makes another one there its means, not a second event.
_SUBSUMES = {
    "Chemical weapon": ("Shelling/artillery/missile attack", "Air/drone strike"),
    "Suicide bomb": ("Remote explosive/landmine/IED",),
}


# How many sentences back an event may be that a sentence without its own trigger word goes on about.
ELABORATION_WINDOW = 2


def _elaborates(mentions: list[EventMention], sentence: Sentence, sub: str, typed: TypedSpan) -> bool:
    """A sentence typed without any trigger word (the model read the whole sentence) that follows an
    event of the same sub-type tells more about that event ("hospitals have been flooded with dead
    and wounded soldiers" after the battle's toll); it is not an event of its own."""
    body = sentence.text.strip()
    untriggered = typed.end - typed.start >= len(body)
    return untriggered and any(
        m.sub_event_type == sub and 0 < sentence.index - m.sentence <= ELABORATION_WINDOW for m in mentions
    )


def _territory_type(annotated: Annotated, sentence: int, trigger_start: int) -> str | None:
    """Who took the ground decides the sub-type: state forces regain, anyone else overtakes. Only an actor
    before the trigger can be the taker: one after it is mostly the side that lost the ground ("retook the
    town from the rebels"); with none before, None (the typer's own choice stands)."""
    before = tuple(a for a in annotated.in_sentence("actors", sentence) if a.span.end <= trigger_start)
    taker = subject(before, annotated.sentences[sentence].start, trigger_start)
    if taker is None:
        return None
    if taker.inter == 1:
        return "Government regains territory"
    return "Non-state actor overtakes territory"
