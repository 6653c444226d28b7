"""Hand-written training sentences: ACLED's codebook definitions and news-style templates.

The ACLED notes we have hold almost no chemical-weapon or suicide-bomb events, few sexual-violence,
headquarters or non-violent transfer events, and no "no event" news at all. These templates fill the gap.
They are written from ACLED's codebook definitions of each sub-type and from general knowledge of how
wire reports phrase such events; none comes from an evaluation set. Expanding them is deterministic.
"""

from __future__ import annotations

import random

# ACLED codebook definitions (paraphrased, ACLED Codebook 2019+).
DEFINITIONS: dict[str, str] = {
    "Armed clash": "Armed, organised groups engage in a battle with each other and no major change in territory occurs.",
    "Government regains territory": "Government forces or their affiliates regain control of a location held by a non-state group after fighting.",
    "Non-state actor overtakes territory": "A non-state armed group or militia takes control of a location from the government or another group after fighting.",
    "Chemical weapon": "Chemical weapons such as chlorine or sarin gas are used in warfare against an enemy or civilians.",
    "Air/drone strike": "Air or drone strikes: aircraft, helicopters or drones bomb or fire on a target from the air.",
    "Suicide bomb": "A suicide bomber detonates explosives on his body or in a vehicle, killing himself in the attack.",
    "Shelling/artillery/missile attack": "Long-range artillery, mortars, rockets or missiles are fired at a target from a distance.",
    "Remote explosive/landmine/IED": "Remotely detonated explosives, landmines, roadside bombs and improvised explosive devices explode.",
    "Grenade": "A grenade or hand grenade is thrown at a target and explodes.",
    "Sexual violence": "Rape, sexual assault and other sexual violence against civilians.",
    "Attack": "An armed group attacks unarmed civilians, killing or wounding them.",
    "Abduction/forced disappearance": "People are abducted, kidnapped, taken hostage or forcibly disappeared by an armed group.",
    "Peaceful protest": "Demonstrators gather peacefully for a protest, rally, march or strike without violence or intervention.",
    "Protest with intervention": "A peaceful protest is dispersed or met with arrests or force by police without serious injury.",
    "Excessive force against protesters": "Security forces use lethal or excessive force against peaceful protesters, killing or seriously injuring them.",
    "Violent demonstration": "Demonstrators riot, throw stones, burn tyres and clash with police or damage property.",
    "Mob violence": "A violent mob or vigilantes attack people or property, for example lynching a suspected thief.",
    "Agreement": "Conflict parties sign a ceasefire, peace agreement, truce or prisoner exchange deal.",
    "Arrests": "Security forces arrest or detain political figures, activists or members of armed groups.",
    "Change to group/activity": "An armed group changes: it splits, merges, recruits, trains, moves weapons or announces a new activity.",
    "Disrupted weapons use": "Security forces defuse or seize explosives, or intercept missiles, drones or bombs before they hit.",
    "Headquarters or base established": "An armed group establishes a new headquarters, base or permanent camp in a location.",
    "Looting/property destruction": "Armed actors loot, burn or destroy property, homes and crops without other violence.",
    "Non-violent transfer of territory": "Control of territory is handed over without fighting after one side withdraws or pulls out.",
    "Other": "A significant event of the conflict that fits no other category, such as a coup or an exchange of prisoners' bodies.",
}

_STATE = ["government forces", "the army", "troops", "security forces", "soldiers", "the military", "regime forces", "police"]
_REBELS = ["rebels", "militants", "insurgents", "Islamic State fighters", "Taliban fighters", "al-Shabaab militants", "jihadists", "gunmen", "separatist fighters", "armed men"]
_PLACES = ["the town", "the village", "the city", "the district", "the northern province", "the border area", "the capital", "a market", "the outskirts of the city"]
_TIMES = ["on Monday", "on Tuesday", "on Wednesday", "overnight", "on Friday", "early on Sunday", "last week", "yesterday", ""]
_VICTIMS = ["civilians", "people", "villagers", "residents", "children", "worshippers", "passengers"]

# Templates per sub-type: {s} state actor, {r} rebel actor, {p} place, {t} time, {v} victims, {n} a number.
TEMPLATES: dict[str, list[str]] = {
    "Chemical weapon": [
        "{s} used chlorine gas against {r} in {p} {t}, residents said.",
        "A suspected sarin attack killed {n} {v} in {p} {t}.",
        "Dozens of {v} suffered breathing problems after a chemical attack on {p}.",
        "Helicopters dropped barrel bombs filled with chlorine on {p} {t}.",
        "Doctors treated {n} patients showing symptoms of exposure to a nerve agent after shells hit {p}.",
        "Activists accused {s} of a poison gas attack that killed {n} {v} in {p}.",
        "Rockets loaded with toxic chemicals struck {p} {t}, choking {v}.",
        "{r} fired mortar shells containing mustard gas at {s} positions near {p}.",
    ],
    "Suicide bomb": [
        "A suicide bomber blew himself up in {p} {t}, killing {n} {v}.",
        "A suicide car bomb exploded at a checkpoint in {p} {t}, killing {n} soldiers.",
        "{r} claimed a suicide attack on a military base in {p} that killed {n} people.",
        "A bomber wearing an explosive vest detonated himself among {v} at a mosque in {p}.",
        "Two suicide bombers attacked a police station in {p} {t}.",
        "A suicide truck bomb struck a government building in {p}, wounding {n}.",
        "A female suicide bomber killed {n} {v} at a crowded market {t}.",
        "The attacker detonated his suicide vest when guards stopped him at the gate.",
    ],
    "Grenade": [
        "Unknown attackers threw a grenade at a police post in {p} {t}, wounding {n}.",
        "A hand grenade was hurled into a crowded bar in {p}, injuring {n} {v}.",
        "{n} people were hurt when a grenade exploded near a bus stop {t}.",
        "Suspected militants lobbed a grenade at security forces in {p} {t}.",
        "A grenade attack on a shop in {p} killed the owner.",
        "Assailants on a motorcycle tossed a grenade into the house of a local official.",
    ],
    "Sexual violence": [
        "{n} women were raped by armed men in {p} {t}.",
        "Soldiers were accused of raping a girl in {p}.",
        "A woman was gang-raped by militiamen while collecting firewood near {p}.",
        "Human rights groups documented cases of sexual violence by {s} in {p}.",
        "Fighters sexually assaulted {v} during a raid on {p}.",
        "Militants abducted and raped a teenage girl in {p} {t}.",
    ],
    "Headquarters or base established": [
        "{r} established a new base in {p} {t}.",
        "{s} set up a military headquarters in {p}.",
        "The militants have established a camp on the outskirts of {p}.",
        "{r} opened a new headquarters in {p} after moving their fighters there.",
        "{s} established a forward operating base near {p} {t}.",
        "The group set up a training camp in {p}, residents said.",
        "{r} have set up checkpoints and a command post in {p}, residents said.",
        "A new military base was built near {p} to secure the border.",
    ],
    "Non-violent transfer of territory": [
        "{s} withdrew from {p} and handed control to {r} without a fight.",
        "{r} pulled out of {p} {t}, leaving it to government troops.",
        "{r} took over {p} after {s} withdrew from the area.",
        "{s} handed over the base in {p} to local forces {t}.",
        "{r} entered {p} unopposed after {s} abandoned their positions.",
        "Control of {p} was transferred to the army under a deal, with no fighting reported.",
    ],
    "Government regains territory": [
        "{s} recaptured {p} from {r} {t}.",
        "{s} retook control of {p} after days of fighting with {r}.",
        "{s} regained control of {p}, driving out {r}.",
        "{s} liberated {p} from {r} {t}, the defence ministry said.",
        "{r} were driven out of {p} as {s} seized the area.",
    ],
    "Non-state actor overtakes territory": [
        "{r} captured {p} from {s} {t}.",
        "{r} seized control of {p} after {s} retreated.",
        "{r} overran {p} and raised their flag over the police station.",
        "{r} took over {p} following clashes with {s}.",
        "{r} stormed and seized {p} {t}, residents said.",
    ],
    "Excessive force against protesters": [
        "Police opened fire on protesters in {p} {t}, killing {n}.",
        "Security forces shot dead {n} demonstrators during a rally in {p}.",
        "{n} protesters were killed when troops fired live ammunition at a peaceful march.",
        "Police beat peaceful demonstrators with batons, seriously injuring {n}, in {p}.",
        "{n} protesters died after security forces fired on a peaceful march in {p} {t}.",
        "Soldiers killed {n} unarmed demonstrators in {p}, rights groups said.",
        "Police used live rounds against protesters, leaving {n} dead in {p} {t}.",
        "A student was shot dead by police during a peaceful protest in {p}.",
    ],
    "Protest with intervention": [
        "Police fired tear gas to disperse protesters in {p} {t}.",
        "Riot police broke up a demonstration in {p} and arrested {n} protesters.",
        "Police used water cannon against demonstrators marching in {p}.",
        "Security forces dispersed a peaceful sit-in in {p} {t}.",
        "Police fired rubber bullets to disperse demonstrators in {p} {t}.",
        "Police arrested {n} protesters who had gathered outside parliament in {p}.",
        "Security forces used batons to break up a peaceful march in {p}.",
        "Protesters demanding the release of detainees were dispersed by police {t}.",
        "Police detained {n} activists during a rally in {p}, witnesses said.",
    ],
    # Violent demonstration: the demonstrators' own violence (stones, arson, vandalism, barricades of
    # burning tyres, clashes with police) decides, whatever the police did.
    "Violent demonstration": [
        "Protesters threw stones at police and set tyres on fire in {p} {t}.",
        "Demonstrators blocked the main road with burning tyres and barricades in {p}.",
        "Angry protesters stormed the district office and smashed windows in {p}.",
        "A protest over fuel prices turned violent when demonstrators attacked shops in {p}.",
        "Students clashed with police during a protest in {p}, injuring {n} officers.",
        "Protesters vandalised government vehicles in {p} {t}, police said.",
        "Opposition supporters torched a police post during demonstrations in {p}.",
        "Police fired tear gas at stone-throwing protesters in {p} {t}.",
        "Hundreds of people protested in {p} {t}, and some of them set fire to tyres and attacked shops.",
        "A march against the government in {p} ended in clashes with police, who said {n} officers were hurt.",
    ],
    "Disrupted weapons use": [
        "{s} defused a roadside bomb planted on the main road in {p} {t}.",
        "Air defences intercepted {n} missiles fired at {p} {t}.",
        "Bomb disposal experts dismantled an explosive device found near {p}.",
        "{s} shot down a drone over {p} {t}.",
        "{s} seized a cache of weapons and explosives in {p}.",
        "Police foiled a bomb plot and recovered explosives in {p}.",
        "Police recovered a large haul of rifles and ammunition in {p} {t}.",
        "The army said it had intercepted a drone carrying explosives over {p}.",
        "{s} found and destroyed an arms depot belonging to {r} near {p}.",
        "An explosive device was defused near a school in {p} {t}.",
    ],
    "Agreement": [
        "{s} and {r} signed a ceasefire agreement {t}.",
        "The warring parties agreed to a truce in {p}.",
        "The two sides exchanged prisoners under a deal brokered by mediators.",
        "Rival factions reached a peace deal to end fighting in {p}.",
        "{s} released {n} prisoners as part of a deal with {r} {t}.",
        "Leaders of the two communities signed a peace accord in {p} {t}.",
        "A ceasefire between {s} and {r} came into effect {t}.",
        "Clan elders brokered a deal to end the dispute over land in {p}.",
    ],
    # The codebook's changes to a group or its activity: surrender, defection, formation, merger,
    # recruitment, and the movement of forces (ACLED's coders label these "Movement of forces").
    "Change to group/activity": [
        "{n} {r} fighters surrendered to {s} in {p} {t}.",
        "Dozens of {r} members defected to the government side, officials said.",
        "{r} announced the formation of a new armed wing in {p}.",
        "Two rebel factions merged to form a single armed group {t}.",
        "{s} deployed hundreds of troops and armoured vehicles to {p} {t}.",
        "Reinforcements were sent to {p} as tensions rose, the military said.",
        "{r} launched a recruitment drive among young men in {p}.",
        "{r} moved their fighters from {p} to the border area {t}.",
    ],
    "Looting/property destruction": [
        "Armed men looted shops and houses in {p} {t}.",
        "{r} burned down dozens of homes in {p}, residents said.",
        "Militants destroyed a telecommunications mast in {p} {t}.",
        "Unknown assailants set fire to a school in {p}.",
        "Gunmen ransacked the offices of an aid agency in {p}.",
        "{s} demolished houses belonging to suspected militants in {p}.",
    ],
    "Arrests": [
        "Police arrested {n} suspected members of {r} in {p} {t}.",
        "{s} detained a journalist at his home in {p}.",
        "An opposition leader was taken into custody in {p} {t}, his party said.",
    ],
    # "Other" as ACLED's notes use it: civilians displaced by the fighting or fleeing it, evacuations from a
    # war zone, and mass graves found. Written from the codebook's examples and the notes' themes.
    "Other": [
        "Thousands of civilians fled {p} {t} as fighting between {s} and {r} drew closer.",
        "More than {n} families were displaced from {p} by the violence, aid agencies said.",
        "{n} residents were evacuated from {p} {t} as the front line moved closer.",
        "Villagers abandoned their homes in {p} after {r} threatened to attack them.",
        "A mass grave containing the bodies of {n} {v} was discovered near {p} {t}.",
        "Investigators exhumed bodies from mass graves found outside {p}.",
        "{n} people have fled the conflict across the border since {r} advanced on {p}, the UN said.",
        "{r} ordered residents of {p} to leave their homes {t}.",
    ],
    # Mob violence: an unorganised crowd's violence, not a demonstration.
    "Mob violence": [
        "A mob beat a man to death in {p} after accusing him of theft.",
        "Angry villagers lynched a suspected kidnapper in {p} {t}.",
        "Residents attacked and burned the house of a man accused of witchcraft in {p}.",
        "Rival groups of villagers clashed with sticks and stones over a land dispute in {p} {t}.",
        "Rioters attacked passing cars and beat a driver in {p}, police said.",
    ],
}

# "No event" sentences in news style: disasters, accidents, crime, politics, economy, health.
NO_EVENT: list[str] = [
    "A magnitude 6.1 earthquake struck {p} {t}, damaging hundreds of homes.",
    "Floods triggered by heavy rain killed {n} people and displaced thousands in {p}.",
    "A cyclone made landfall near {p}, forcing the evacuation of coastal villages.",
    "Health officials reported {n} new coronavirus cases {t}.",
    "The number of people infected with the virus rose again this week.",
    "A fire broke out at a garment factory in {p}, killing {n} workers.",
    "{n} people died when a bus plunged into a river near {p} {t}.",
    "A gas cylinder explosion at a restaurant in {p} injured {n} people.",
    "A passenger train derailed near {p}, injuring dozens.",
    "A building collapsed in {p} after days of heavy rain.",
    "A plane crashed shortly after take-off, killing all {n} on board.",
    "An oil tanker caught fire on the highway, killing {n}.",
    "Wildfires destroyed thousands of hectares of forest {t}.",
    "A landslide buried {n} houses in {p}.",
    "Drought has left millions facing hunger, aid agencies said.",
    "The foreign minister met his counterpart to discuss trade and security ties {t}.",
    "The president held talks with visiting leaders on regional cooperation.",
    "The two countries agreed to restore diplomatic relations and reopen embassies.",
    "The ambassador was summoned over remarks made by the prime minister.",
    "The United Nations called on all parties to show restraint.",
    "The government condemned the attack and vowed to bring those responsible to justice.",
    "Officials blamed the opposition for the unrest, which they said was planned abroad.",
    "The ministry said an investigation into the incident was under way.",
    "Police seized {n} kilograms of cocaine hidden in a shipment of bananas.",
    "Drug traffickers were smuggling methamphetamine across the border, officials said.",
    "A court sentenced the former minister to {n} years in prison for corruption.",
    "The central bank raised interest rates to curb inflation.",
    "The election commission announced the results of the vote {t}.",
    "Parliament passed a new budget after a lengthy debate.",
    "The company reported higher profits for the third quarter.",
    "Thousands of migrants crossed the border in search of work, the UN migration agency said.",
    "Aid agencies delivered food and medicine to families in {p}.",
    "The minister resigned {t}, citing personal reasons.",
    "The team won the championship after a dramatic final.",
    "Scientists warned that rising temperatures threaten food production.",
    "A cholera outbreak has killed {n} people in {p}, health officials said.",
    "The hospital said it was running out of oxygen and beds.",
    "Experts said the talks could pave the way for a lasting settlement.",
    "The spokesman said the claims were baseless and politically motivated.",
    "Analysts expect the economy to grow by 3 percent this year.",
    "A gang was accused of extortion and money laundering.",
    "The cartel controls drug routes along the coast, according to investigators.",
    "{n} migrants drowned when their boat capsized off {p}.",
    "A chemical leak at a plant forced residents to leave their homes.",
    "A blast at a fireworks factory killed {n} workers in {p}.",
    "A mine collapse trapped {n} miners underground.",
    "A storage tank exploded at a chemical plant in {p}, injuring {n} workers.",
    "{n} people were killed in a multi-vehicle crash on the highway {t}.",
    "A ship collided with a tanker, spilling oil into the sea.",
    "A gas leak at a hospital forced patients to be evacuated.",
    "Rescuers searched the debris of the crashed airliner for survivors.",
    "A boiler explosion at a factory in {p} killed {n} workers.",
    "Toxic fumes from a chemical spill sent dozens of residents to hospital.",
    "{n} people died after drinking adulterated alcohol in {p}.",
    "An electrical short circuit caused a fire that gutted a market in {p}.",
    "A suspect was detained after police found counterfeit money and drugs in his car.",
    "Members of a car theft gang were caught by police in {p}.",
    "A robbery suspect was beaten by passers-by after trying to snatch a phone.",
    "Thousands of migrants tried to cross the border fence by swimming around it.",
    "Prosecutors charged the man with fraud and money laundering.",
]


def expand(templates: list[str], per_template: int, seed: int) -> list[str]:
    """Fill each template ``per_template`` times with actors, places, times and numbers (seeded)."""
    rng = random.Random(seed)
    out: list[str] = []
    for template in templates:
        for _ in range(per_template):
            text = template.format(
                s=rng.choice(_STATE), r=rng.choice(_REBELS), p=rng.choice(_PLACES), t=rng.choice(_TIMES),
                v=rng.choice(_VICTIMS), n=rng.choice(["two", "three", "five", "12", "20", "dozens of"]),
            )
            text = " ".join(text.split())
            out.append(text[0].upper() + text[1:])
    return sorted(set(out))


def synthetic_examples(per_template: int = 6, seed: int = 13) -> list[tuple[str, str]]:
    """(text, label) pairs: definitions, filled templates, and ``NO_EVENT`` sentences."""
    examples: list[tuple[str, str]] = [(text, sub) for sub, text in DEFINITIONS.items()]
    for sub, templates in sorted(TEMPLATES.items()):
        examples += [(text, sub) for text in expand(templates, per_template, seed)]
    examples += [(text, "NO_EVENT") for text in expand(NO_EVENT, per_template, seed)]
    return examples

