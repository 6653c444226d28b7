#!/usr/bin/env python3
"""Regenerate ``frontline/data/actors.tsv``, the actor dictionary of ``frontline.text.actors``.

Sources, in order of precedence when two give the same pattern:

1. ``convention``: the hand-written section below (generic nouns such as "rebels" and
   "troops", and named groups the ACLED extracts lack or spell several ways);
2. ``acled``: actor1/actor2 names with their inter codes from the ACLED CSVs under
   ``<data>/acled`` (names seen at least twice). Only derived names and codes are written,
   never rows, in line with ``<data>/README.md``;
3. ``phoenix_mns``: armed-group names and aliases from ``Phoenix.MilNonState.actors.txt``
   (openeventdata/petrarch2, MIT);
4. ``phoenix_agent``: generic agent nouns from ``Phoenix.agents.txt`` (same repository),
   kept only when they name armed, state, civilian or protest actors.

Single-word patterns must be distinctive: a word that occurs in lower case at least three
times in the shared text corpora (``<data>/corpora``, ``<data>/geoparsing``, the PLOVER
synthetic stories) counts as common English; only the word counts are used.

Usage: python scripts/build_actor_dictionary.py [--data ../shared/data] [--out PATH]
"""

from __future__ import annotations

import argparse
import csv
import logging
import re
import sys
import unicodedata
import zipfile
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from frontline.text.actor_table import COLUMNS, is_acronym, pattern_key
from frontline.training.corpora.acled import FIELDS_HELDOUT

log = logging.getLogger("build_actor_dictionary")

DEFAULT_DATA = ROOT.parent / "shared" / "data"
DEFAULT_OUT = ROOT / "frontline" / "data" / "actors.tsv"
MIN_ACLED_COUNT = 2
# The field benchmark's held-out split (bench/fields.py): its actor names stay out of the
# dictionary, so the benchmark measures names and codes it has not seen.
HELD_OUT_ACLED = frozenset({FIELDS_HELDOUT})
ORIGIN_RANK = {"convention": 0, "acled": 1, "phoenix_mns": 2, "phoenix_agent": 3}

# ---------------------------------------------------------------------------------------
# Conventions (hand-written). One row per ACLED name:
#   name | inter | ISO2 or empty | generic |
#       pattern; pattern; ...        (indented lines hold the row's patterns, ';'-separated)
# generic: 0 named group, 1 generic mention, 2 generic that needs a nationality adjective.
# A pattern ending in "/cs" is case-sensitive; short all-caps acronyms are so anyway.
# ---------------------------------------------------------------------------------------
CONVENTIONS = """
# --- state forces, generic: {country} from an adjective ("Syrian army") or the document
Military Forces of {country} | 1 |  | 1 |
    army; armies; military; armed forces; military forces; soldiers; soldier; troops;
    security forces; government forces; government troops; government soldiers;
    pro-government forces; pro-government troops; pro-regime forces; regime; regime forces;
    regime troops; regime soldiers; regime army; loyalist forces; loyalist troops; govt forces;
    govt troops; government positions; governmental positions; governmental forces; army
    positions; military positions; security personnel; military personnel; national
    army; ground forces; ground troops; special forces; air force; navy; marines;
    paratroopers; commandos; commando forces; commando units; commando troops; servicemen; military personnel; aerospace forces; national
    security forces; army troops; army soldiers; army forces; security force; border forces; border
    troops; frontier forces
# bare "forces", "warplanes", "air power" say nothing about whose they are
Military Forces of {country} | 1 |  | 2 |
    forces; jets; warplanes; war planes; fighter jets; fighter planes; aircraft; planes;
    helicopters; gunships; helicopter gunships; drones; air power; airpower; airstrikes; air
    strikes; air raids; artillery; bombers
# ... nor do the strikes and positions a nationality names: "Russian positions", "a Russian
# airstrike", "Ukrainian shelling", "Russian missiles" are that country's forces
Military Forces of {country} | 1 |  | 2 |
    positions; position; airstrike; air strike; air raid; drone strike; drone strikes; missile
    strike; missile strikes; missiles; missile; rockets; rocket fire; shelling; shells;
    artillery fire; bombardment; bombardments; drone; warplane; jet; fighter jet;
    helicopter; helicopter gunship; bomber; military aircraft; cruise missile; ballistic missile;
    occupation forces; occupation troops; occupying forces; occupying troops; occupiers; invaders;
    invading forces; invading troops; occupation authorities
# Air defence is the defending country's own: "air defence shot down a missile over Vinnytsia"
Military Forces of {country} | 1 |  | 1 |
    air defence; air defense; air defences; air defenses; air defence forces; air defense forces;
    air defence systems; air defense systems; anti-aircraft defence; anti-aircraft defense
Police Forces of {country} | 1 |  | 1 |
    police; policemen; policeman; policewomen; police officers; police officer; police
    forces; police force; riot police; gendarmes; gendarmerie; cops; law enforcement; law
    enforcement officers; law enforcement agents; law enforcement agencies
# --- non-state, generic
Opposition Rebels ({country}) | 2 |  | 1 |
    rebels; rebel; rebel fighters; rebel forces; rebel groups; rebel group; rebel factions;
    rebel faction; insurgents; insurgent; insurgent groups; opposition fighters; opposition
    forces; opposition rebels; opposition militants; armed opposition; armed opposition
    groups; guerrillas; guerrilla; guerillas; guerrilla fighters
# ACLED codes unnamed militants and gunmen as an unidentified armed group (inter 3)
Unidentified Armed Group ({country}) | 3 |  | 1 |
    militants; militant; gunmen; gunman; unidentified gunmen; unknown gunmen; armed men;
    unidentified armed men; unknown armed men; armed group; armed groups; unidentified armed
    group; unidentified armed groups; assailants; unidentified assailants; unknown
    assailants; attackers; unidentified attackers; unknown attackers; fighters; militiamen;
    militia; militias; terrorists; terrorist group; terrorist groups; armed assailants;
    masked gunmen; suspected militants; armed individuals; armed persons; armed people; armed
    subjects; unidentified armed individuals; unknown armed individuals; unidentified men; unknown
    men; unidentified persons; unknown persons; unidentified individuals; unknown individuals;
    unidentified people; unknown people; masked men; unidentified perpetrators; unknown perpetrators
Islamist Militia ({country}) | 3 |  | 1 |
    jihadists; jihadist; jihadist fighters; jihadist group; jihadist groups; jihadist
    militants; Islamist militants; Islamist fighters; Islamist militia; Islamist militias;
    Islamist groups; Islamist insurgents
Unidentified Armed Group ({country}) | 3 |  | 1 |
    Shia militia; Shia militias; Shiite militia; Shiite militias; Shi'ite militia; Shi'ite
    militias; Sunni militia; Sunni militias
Militia (Pro-Government) | 3 |  | 1 |
    pro-government militia; pro-government militias; pro-government militiamen; pro-regime
    militia; pro-regime militias; shabiha
Unidentified Clan Militia ({country}) | 4 |  | 1 |
    clan militia; clan militias; clan militiamen; clan fighters; clansmen; inter-clan;
    intra-clan; clan members; rival clans; sub-clan militia; sub-clan militias
Unidentified Ethnic Militia ({country}) | 4 |  | 1 |
    ethnic militia; ethnic militias
Unidentified Communal Militia ({country}) | 4 |  | 1 |
    communal militia; communal militias
# Cattle raiders in East Africa: ACLED codes them as communal or ethnic militias
Unidentified Communal Militia ({country}) | 4 |  | 1 |
    raiders; armed raiders; cattle raiders; cattle rustlers; livestock raiders; rustlers
Unidentified Tribal Militia ({country}) | 4 |  | 1 |
    tribal militia; tribal militias; tribal fighters; tribesmen; armed tribesmen
Vigilante Militia ({country}) | 4 |  | 1 |
    vigilantes; vigilante group; vigilante groups
Unidentified Gang ({country}) | 3 |  | 1 |
    gangs; gang members; gangsters; armed gang; armed gangs; criminal gang; criminal gangs
Protesters ({country}) | 6 |  | 1 |
    protesters; protestors; protester; protestor; demonstrators; demonstrator
Rioters ({country}) | 5 |  | 1 |
    rioters; rioter; mob; mobs; angry mob; angry mobs; looters
Civilians ({country}) | 7 |  | 1 |
    civilians; civilian; residents; local residents; villagers; inhabitants; townspeople;
    non-combatants; noncombatants; worshippers
# The codebook: off-duty members of the forces are civilians
Civilians ({country}) | 7 |  | 1 |
    off-duty police; off-duty police officer; off-duty police officers; off-duty policeman;
    off-duty policemen; off-duty officer; off-duty officers; off-duty soldier; off-duty soldiers;
    off-duty agent; off-duty agents; off-duty guard; off-duty guards; off-duty cop; off-duty cops
# --- state forces known by their own names
Military Forces of Syria | 1 | SY | 1 |
    Syrian Arab Army; SAA; Assad forces; pro-Assad forces; Assad's forces; Assad troops;
    Assad regime; Assad loyalists; regime of Bashar al-Assad
Military Forces of Israel | 1 | IL | 1 |
    IDF; Israel Defense Forces; Israeli Defense Forces; Israel Defence Forces
Military Forces of Myanmar | 1 | MM | 1 |
    Tatmadaw
Military Forces of the United States | 1 | US | 1 |
    US forces/cs; U.S. forces; US troops/cs; U.S. troops; US military/cs; U.S. military; US
    army/cs; U.S. army; US soldiers/cs; U.S. soldiers; US warplanes/cs; U.S. warplanes; US
    airstrikes/cs; U.S. airstrikes; US airstrike/cs; U.S. airstrike; US drone strike/cs; US
    drone strikes/cs; U.S. drone strike; U.S. drone strikes
Military Forces of Iraq (2020-) Popular Mobilization Forces | 1 | IQ | 0 |
    Popular Mobilization Forces; Popular Mobilisation Forces; Popular Mobilization Units;
    PMF; PMU; Hashd al-Shaabi; al-Hashd al-Shaabi
# ACLED codes the Houthis as Yemen's de facto state forces since 2016
Military Forces of Yemen (2016-) Supreme Political Council | 1 | YE | 0 |
    Houthis; Houthi; Huthis; Huthi; Houthi rebels; Houthi movement; Houthi forces; Houthi
    militia; Houthi militias; Ansar Allah; Ansarullah
Military Forces of Libya (2014-) Haftar Faction | 1 | LY | 0 |
    LNA; Libyan National Army; LAAF; Libyan Arab Armed Forces; Haftar forces; Haftar's forces;
    pro-Haftar forces
Military Forces of Libya (2016-) Government of National Accord | 1 | LY | 0 |
    GNA; Government of National Accord; GNA forces; pro-GNA forces
Military Forces of Yemen (2012-) | 1 | YE | 0 |
    pro-Hadi forces; pro-Hadi; Hadi forces; pro-government Yemeni forces
# Puntland's paramilitary force, coded by ACLED as a unit of Somalia's forces
Military Forces of Somalia Puntland Dervish Force | 1 | SO | 0 |
    Puntland Dervish Force; Puntland Dervish forces; Dervish forces; Darawiish forces; Darawiish
# The Southern Transitional Council's Security Belt, coded by ACLED as a unit of Yemen's forces
Military Forces of Yemen Security Belt Forces | 1 | YE | 0 |
    Security Belt Forces; Security Belt forces; Security Belt; Al Hizam Al Amni
# Tareq Saleh's anti-Houthi forces on Yemen's west coast
National Resistance Forces | 3 | YE | 0 |
    National Resistance forces; anti-Houthi National Resistance forces; Tareq Saleh's forces;
    anti-Houthi National Resistance;
    Guards of the Republic
# Nagorno-Karabakh's de facto forces (coded in Azerbaijan, as state forces)
Military Forces of Artsakh | 1 | AZ | 0 |
    military forces of Artsakh; Artsakh forces; Artsakh Defense Army; Defense Army of Artsakh;
    Artsakh Defence Army; Defence Army of Artsakh; Nagorno-Karabakh Defense Army; Karabakh
    forces; Karabakh Armenian forces
# Afghanistan's intelligence service and the pro-government militias ("Arbaki")
Police Forces of Afghanistan National Directorate of Security | 1 | AF | 0 |
    NDS/cs; National Directorate of Security; NDS forces/cs; NDS members/cs; NDS officers/cs
Militia (Pro-Government) | 3 | AF | 0 |
    Arbaki; Arbakis; Arbakai; Arabaki; Arabakis
Police Forces of Russia Federal Security Service | 1 | RU | 0 |
    Federal Security Service; FSB/cs; Russian Federal Security Service
# Myanmar after the 2021 coup: the junta is the state; the resistance forces are rebels
Military Forces of Myanmar | 1 | MM | 0 |
    junta forces; junta troops; junta soldiers; junta army; military junta; junta's troops;
    junta's forces; regime troops of Myanmar
PDF: People's Defense Force | 2 | MM | 0 |
    People's Defense Force; People's Defence Force; Peoples Defense Force; People's Defense
    Forces; People's Defence Forces; PDF/cs; PDF fighters; PDF forces; PDF members; PDFs/cs
KIA: Kachin Independence Army | 2 | MM | 0 |
    Kachin Independence Army; KIA/cs
KNU/KNLA: Karen National Union/Karen National Liberation Army | 2 | MM | 0 |
    Karen National Liberation Army; KNLA/cs; Karen National Union; KNU/cs
ULA/AA: United League of Arakan/Arakan Army | 2 | MM | 0 |
    Arakan Army; United League of Arakan; AA/cs
TNLA: Ta'ang National Liberation Army | 2 | MM | 0 |
    Ta'ang National Liberation Army; Taang National Liberation Army; TNLA/cs
KNDF: Karenni Nationalities Defense Force | 2 | MM | 0 |
    Karenni Nationalities Defense Force; Karenni Nationalities Defence Force; KNDF/cs
CDF: Chinland Defense Force | 2 | MM | 0 |
    Chinland Defense Force; Chinland Defence Force
Pyu Saw Htee | 3 | MM | 0 |
    Pyu Saw Htee; Pyusawhtee
# Myanmar's ethnic armed organisations: rebel groups in ACLED's files of the 2020s (the 2015 files
# code most of them 3, the Arakan Army 4: frontline/dating.py gives those codes before 2019)
MNDAA: Myanmar National Democratic Alliance Army | 2 | MM | 0 |
    MNDAA/cs; Myanmar National Democratic Alliance Army; Kokang army
SSA-N: Shan State Army-North | 2 | MM | 0 |
    SSA-N/cs; Shan State Army-North; Shan State Army North; Shan State Progress Party; SSPP/cs;
    SSPP/SSA-N/cs
SSA-S: Shan State Army-South | 2 | MM | 0 |
    SSA-S/cs; Shan State Army-South; Shan State Army South; Restoration Council of Shan State;
    RCSS/cs; RCSS/SSA-S/cs
DKBA: Democratic Karen Benevolent Army | 2 | MM | 0 |
    DKBA/cs; Democratic Karen Benevolent Army; Democratic Karen Buddhist Army
CNF: Chin National Front | 2 | MM | 0 |
    CNF/cs; Chin National Front; Chin National Army; CNA/cs; CNF/CNA/cs
UWSA: United Wa State Army | 2 | MM | 0 |
    UWSA/cs; United Wa State Army
KNPP: Karenni National Progressive Party | 2 | MM | 0 |
    KNPP/cs; Karenni National Progressive Party; Karenni Army
ABSDF: All Burma Students' Democratic Front | 2 | MM | 0 |
    ABSDF/cs; All Burma Students' Democratic Front; All Burma Students Democratic Front
# Junta-aligned Border Guard Forces (former ceasefire groups under the military's command)
Military Forces of Myanmar Border Guard Force | 1 | MM | 0 |
    Karen Border Guard Force; Kayin State Border Guard Force; Karen BGF; BGF/cs
# Afghanistan after August 2021: the resistance to the Taliban state
NRF: National Resistance Front | 2 | AF | 0 |
    National Resistance Front; National Resistance Front of Afghanistan; NRF/cs
AFF: Afghanistan Freedom Front | 2 | AF | 0 |
    Afghanistan Freedom Front; Afghan Freedom Front; AFF/cs
NAF: United Armed Forces of Novorossiya | 2 | UA | 0 |
    Donbass People's Militia; Donbas People's Militia; NAF rebel forces; DPR forces; LPR
    forces; Russia-backed separatists; pro-Russian separatists; Luhansk People's Militia; Donetsk
    People's Militia; Luhansk People's Republic; Donetsk People's Republic; LPR militia; DPR
    militia; LNR forces; DNR forces; Russian-backed separatists; pro-Russian rebels; pro-Russia
    separatists
# --- state forces known by their own names or acronyms (the armies' official names; the
# country's period is added from the period table). Generic: "SNA" and "troops" are one side.
Military Forces of Afghanistan | 1 | AF | 1 |
    ANDSF/cs; ANSF/cs; ANA/cs; Afghan National Army; Afghan National Defense and Security
    Forces; Afghan National Defence and Security Forces; Afghan National Security Forces
Police Forces of Afghanistan | 1 | AF | 1 |
    ANP/cs; Afghan National Police; Afghan Local Police; ALP/cs
Military Forces of Ukraine | 1 | UA | 1 |
    Armed Forces of Ukraine; AFU/cs; ZSU/cs; Ukrainian Armed Forces; Territorial Defense
    Forces; Territorial Defence Forces
Military Forces of Ukraine Azov Regiment | 1 | UA | 0 |
    Azov Regiment; Azov Battalion; Azov regiment; Azov battalion
Police Forces of Russia National Guard | 1 | RU | 0 |
    Rosgvardia; Rosgvardiya; Russian National Guard; National Guard of Russia; Russian Guard
Military Forces of Russia Kadyrovtsy | 1 | RU | 0 |
    Kadyrovtsy; Kadyrovites; Kadyrov's forces; Kadyrov forces; Kadyrov's fighters
# South Asia's paramilitary and police forces by their names and acronyms (units of the state's
# forces in ACLED's files)
Police Forces of India Central Reserve Police Force | 1 | IN | 0 |
    CRPF/cs; Central Reserve Police Force; CRPF personnel/cs; CRPF jawans/cs
Police Forces of India Border Security Force | 1 | IN | 0 |
    BSF/cs; Border Security Force; BSF personnel/cs; BSF jawans/cs
Police Forces of India Indo-Tibetan Border Police | 1 | IN | 0 |
    ITBP/cs; Indo-Tibetan Border Police
Police Forces of India Sashastra Seema Bal | 1 | IN | 0 |
    Sashastra Seema Bal
Police Forces of India Central Industrial Security Force | 1 | IN | 0 |
    CISF/cs; Central Industrial Security Force
Police Forces of India District Reserve Guard | 1 | IN | 0 |
    District Reserve Guard; District Reserve Guards
Police Forces of India Commando Battalion for Resolute Action | 1 | IN | 0 |
    CoBRA/cs; Commando Battalion for Resolute Action; CoBRA commandos/cs
Military Forces of India Assam Rifles | 1 | IN | 0 |
    Assam Rifles
Police Forces of Pakistan Frontier Corps | 1 | PK | 0 |
    Frontier Corps
Police Forces of Pakistan Counter Terrorism Department | 1 | PK | 0 |
    CTD/cs; Counter Terrorism Department; Counter-Terrorism Department
Military Forces of Pakistan Rangers | 1 | PK | 0 |
    Pakistan Rangers; Sindh Rangers; Punjab Rangers
Police Forces of Pakistan Levies | 1 | PK | 0 |
    Levies Force; Balochistan Levies; Levies personnel
Police Forces of Bangladesh Rapid Action Battalion | 1 | BD | 0 |
    RAB/cs; Rapid Action Battalion
Military Forces of Bangladesh Border Guard Bangladesh | 1 | BD | 0 |
    BGB/cs; Border Guard Bangladesh
Military Forces of Mali | 1 | ML | 1 |
    FAMa/cs; FAMA/cs; Malian Armed Forces
Military Forces of Democratic Republic of Congo | 1 | CD | 1 |
    FARDC/cs; Armed Forces of the Democratic Republic of the Congo; Armed Forces of the DRC
Military Forces of Ethiopia | 1 | ET | 1 |
    ENDF/cs; Ethiopian National Defense Force; Ethiopian National Defence Force; Ethiopian
    National Defense Forces; Ethiopian National Defence Forces
Military Forces of Eritrea | 1 | ER | 1 |
    Eritrean Defence Forces; Eritrean Defense Forces
Military Forces of Somalia | 1 | SO | 1 |
    SNA/cs; Somali National Army; Somali National Armed Forces; SNAF/cs
Military Forces of Somalia Special Forces | 1 | SO | 1 |
    Danab; Danab forces; Danab special forces; Danab commandos
Military Forces of Somalia National Intelligence and Security Agency | 1 | SO | 1 |
    NISA/cs; National Intelligence and Security Agency
Military Forces of Sudan | 1 | SD | 1 |
    SAF/cs; Sudanese Armed Forces; Sudan Armed Forces
Military Forces of South Sudan | 1 | SS | 1 |
    SSPDF/cs; South Sudan People's Defence Forces; South Sudan People's Defense Forces
Military Forces of Cameroon Rapid Intervention Battalion | 1 | CM | 1 |
    BIR/cs; Rapid Intervention Battalion
Military Forces of Central African Republic | 1 | CF | 1 |
    FACA/cs; Central African Armed Forces
Military Forces of Mozambique | 1 | MZ | 1 |
    FADM/cs; Mozambique Defence Armed Forces; Mozambican Defence Armed Forces
Military Forces of Iraq | 1 | IQ | 1 |
    ISF/cs; Iraqi Security Forces
Military Forces of Myanmar | 1 | MM | 1 |
    SAC/cs; State Administration Council; military council; Myanmar junta
# A junta (Myanmar, Mali, Burkina Faso, Guinea, Sudan since their coups) is the state
Military Forces of {country} | 1 |  | 1 |
    junta; military junta; military regime; defense and security forces; defence and security
    forces; FDS/cs
# --- named groups of the 2020s, ACLED spelling
ATMIS: African Union Transition Mission in Somalia | 8 | SO | 0 |
    ATMIS/cs; African Union Transition Mission in Somalia
M23: March 23 Movement | 2 | CD | 0 |
    M23/cs; March 23 Movement; M23 rebels; Mouvement du 23 mars
TPLF: Tigray People's Liberation Front | 2 | ET | 0 |
    TPLF/cs; Tigray People's Liberation Front; Tigray Defense Forces; Tigray Defence Forces;
    TDF/cs; Tigrayan forces; TPLF forces; Tigrayan rebels
SPLM-In Opposition: Sudan People's Liberation Movement-In Opposition | 2 | SS | 0 |
    SPLA-IO/cs; SPLM-IO/cs; SPLM/A-IO/cs; SPLA-iO/cs; Sudan People's Liberation Army-In Opposition
Mayi Mayi Militia | 3 | CD | 0 |
    Mai-Mai; Mai Mai; Mayi-Mayi; Mayi Mayi; Mai-Mai militia; Mai Mai militia; Mayi-Mayi militia
# Armed resistance to a junta (Myanmar since 2021): rebels. Not bare "resistance forces",
# which in Yemen are the Popular and Southern Resistance militias (3).
Opposition Rebels ({country}) | 2 |  | 1 |
    anti-junta forces; anti-junta fighters; anti-coup forces; anti-coup fighters
PDF: People's Defense Force | 2 | MM | 0 |
    local defense forces; local defence forces; local defense force; local defence force;
    LDF/cs; LDFs/cs
Ambazonian Separatists (Cameroon) | 2 | CM | 0 |
    Amba fighters; Amba boys; Ambazonian fighters; Ambazonia separatists; Ambazonian
    militants; Amba separatists
Civilian JTF | 3 | NG | 0 |
    CJTF/cs; Civilian Joint Task Force
# Burkina Faso's civilian auxiliaries of the army (from 2020): a pro-government militia; Sahel jihadists
VDP: Volunteers for the Defense of the Homeland | 3 | BF | 0 |
    VDP/cs; Volunteers for the Defense of the Homeland; Volunteers for the Defence of the Homeland;
    Volontaires pour la Defense de la Patrie; Homeland Defense Volunteers; Homeland Defence Volunteers
JNIM: Group for Support of Islam and Muslims | 2 |  | 0 |
    Katiba Macina; Macina Liberation Front; Katiba Serma; Group to Support Islam and Muslims;
    Support Group for Islam and Muslims
Ansaroul Islam | 2 | BF | 0 |
    Ansaroul Islam; Ansarul Islam; Ansar ul Islam
# Ethiopia's regional special forces and Somali region's Liyu police: state forces
Police Forces of Ethiopia Regional Special Forces | 1 | ET | 0 |
    Amhara Special Forces; Amhara special forces; Amhara regional special forces; Oromia Special
    Forces; Oromia special forces; Oromia regional special forces; Afar Special Forces; Afar special
    forces; Afar regional special forces; Liyu Police; Liyu police; Somali Special Police
# Hunters' militias of Mali and Burkina Faso: communal militias
Dozo Communal Militia ({country}) | 4 |  | 1 |
    dozos; dozo; dozo hunters; dozo militia; dozo militiamen
Sinaloa Cartel | 3 | MX | 0 |
    Sinaloa Cartel; Sinaloa cartel members
Unidentified Gang ({country}) | 3 |  | 1 |
    cartel members; cartel gunmen; hitmen; sicarios
# Unnamed bandits, kidnappers and robbers: ACLED's unidentified armed group (Nigeria's
# north-west "bandits" included)
Unidentified Armed Group ({country}) | 3 |  | 1 |
    bandits; bandit; armed bandits; suspected bandits; kidnappers; abductors; armed robbers;
    robbers
# Herders who attack farming villages (Nigeria's middle belt): ACLED codes the Fulani militia
Fulani Ethnic Militia ({country}) | 4 |  | 1 |
    Fulani herdsmen; Fulani herders; Fulani gunmen; Fulani militia; Fulani militiamen
Unidentified Communal Militia ({country}) | 4 |  | 1 |
    armed herdsmen; armed herders
# Turkish-backed Syrian factions in the areas of Turkey's operations: ACLED's "Operation Peace Spring"
# in the north-east (a rebel coalition, 2)
Operation Peace Spring | 2 | SY | 0 |
    Turkish-backed factions; Turkish-backed fighters; Turkish-backed
    militants; Turkish-backed militias; Turkey-backed factions; Turkey-backed fighters; pro-Turkish
    factions; pro-Turkey factions; Turkish-backed opposition factions; Turkish-backed Syrian
    factions; rebels under OPS; factions under OPS
# --- coalitions (External/other forces)
# Foreign forces the text does not name: ACLED's "Unidentified Military Forces" (8)
Unidentified Military Forces | 8 |  | 0 |
    Unidentified Military Forces; international forces; international troops; international allies; foreign forces; foreign
    troops; foreign military forces
Global Coalition Against Daesh | 8 |  | 0 |
    Global Coalition Against Daesh; US-led coalition; U.S.-led coalition; anti-IS coalition;
    anti-ISIS coalition; anti-Daesh coalition; US-led air strikes; US-led airstrikes; U.S.-led
    air strikes; U.S.-led airstrikes; US-led strikes; coalition air strikes; coalition
    airstrikes; coalition warplanes; US-led international coalition; U.S.-led international
    coalition; international coalition against Daesh; international coalition against ISIS;
    international coalition against the Islamic State
Operation Restoring Hope | 8 |  | 0 |
    Operation Restoring Hope; Operation Decisive Storm; Saudi-led coalition; Saudi-led Arab
    coalition; Arab coalition; Saudi coalition; Saudi-led air strikes; Saudi-led airstrikes;
    Saudi-led coalition airstrikes; Saudi-led coalition air strikes
# --- named groups, ACLED spelling (checked against the ACLED files where present)
Jabhat al Nusra | 2 | SY | 0 |
    Nusra Front; al-Nusra Front; Jabhat al-Nusra; Jabhat al-Nusrah; Jabhat an-Nusra; Nusra;
    al-Nusra; Nusrah Front; al-Nusrah Front; Jabhat Fateh al-Sham; Jabhat Fatah al-Sham;
    Jabhat Fath al-Sham; Fateh al-Sham; JFS
HTS: Hayat Tahrir al Sham | 2 | SY | 0 |
    Hayat Tahrir al-Sham; Hay'at Tahrir al-Sham; Hayat Tahrir al-Cham; Tahrir al-Sham; HTS;
    Tahrir al-Sham Organisation
Islamic State ({country}) | 2 |  | 0 |
    Islamic State; Islamic State group; so-called Islamic State; IS; ISIS; ISIL; Daesh;
    Daish; Da'esh; Islamic State of Iraq and Syria; Islamic State of Iraq and the Levant;
    Islamic State of Iraq and Levant; Islamic State in Iraq and Syria; Islamic State in Iraq
    and the Levant; ISKP; IS-K; ISIS-K; Islamic State Khorasan; Islamic State Khorasan
    Province; Islamic State-Khorasan
Islamic State (West Africa) | 2 | NG | 0 |
    ISWAP; Islamic State West Africa Province; Islamic State in West Africa; Islamic State
    West Africa; Islamic State's West Africa Province
Islamic State (Greater Sahara) | 2 |  | 0 |
    ISGS; Islamic State in the Greater Sahara; Islamic State Greater Sahara
Islamic State (Sahel) | 2 |  | 0 |
    Islamic State Sahel Province; Islamic State Sahel
Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad | 2 | NG | 0 |
    Boko Haram
Al Qaeda | 2 |  | 0 |
    al Qaeda; al Qaida; al Qa'ida; al Qa'eda; alQaeda
AQAP: Al Qaeda in the Arabian Peninsula | 2 | YE | 0 |
    AQAP; al Qaeda in the Arabian Peninsula; al Qaida in the Arabian Peninsula
Taliban | 2 | AF | 0 |
    Taliban; Taleban; Afghan Taliban
TTP: Tehreek-i-Taliban Pakistan | 2 | PK | 0 |
    Pakistani Taliban; Tehreek-i-Taliban Pakistan; Tehrik-i-Taliban Pakistan;
    Tehreek-e-Taliban Pakistan; Tehrik-e-Taliban Pakistan; Tehrik-i-Taliban;
    Tehreek-e-Taliban; Tehrik-e-Taliban; TTP
Al Shabaab | 2 | SO | 0 |
    Al Shabaab; al Shabab; Shabaab; Shabab; Harakat al-Shabaab al-Mujahideen; Ash-Shabaab
QSD: Syrian Democratic Forces | 2 | SY | 0 |
    Syrian Democratic Forces; SDF; QSD
YPG: Peoples Protection Units | 2 | SY | 0 |
    YPG; People's Protection Units; Peoples Protection Units
# The PKK fights from Iraq and Syria too: no home country, so that Turkish strikes on it in Iraq
# stay external (8)
PKK: Kurdistan Workers Party | 2 |  | 0 |
    PKK; Kurdistan Workers Party; Kurdistan Workers' Party
Free Syrian Army | 2 | SY | 0 |
    Free Syrian Army; FSA
JWS: Syrian National Army | 2 | SY | 0 |
    Syrian National Army
Ahrar al Sham | 2 | SY | 0 |
    Ahrar al-Sham; Ahrar ash-Sham; Harakat Ahrar al-Sham; Harakat Ahrar ash-Sham
    al-Islamiyya
Jaish al Islam | 2 | SY | 0 |
    Jaish al-Islam; Jaysh al-Islam; Jeish al-Islam
Faylaq al Rahman | 2 | SY | 0 |
    Faylaq al-Rahman; Failaq al-Rahman
Faylaq al Sham | 2 | SY | 0 |
    Faylaq al-Sham; Failaq al-Sham
Jund al Aqsa | 2 | SY | 0 |
    Jund al-Aqsa
Jaish al Fateh | 2 | SY | 0 |
    Jaish al-Fateh; Jaish al-Fatah; Jaysh al-Fatah
Harakat Nour al Din al Zinki | 2 | SY | 0 |
    Nour al-Din al-Zenki; Nour al-Din al-Zinki; Nour al-Din al-Zenki Movement; Nour al-Din
    al-Zinki Movement; Harakat Nour al-Din al-Zinki
# Hezbollah is a party's armed wing: ACLED's political-militia category
Hezbollah | 3 | LB | 0 |
    Hezbollah; Hizbollah; Hizbullah; Hizballah; Hezbullah; Lebanese Hezbollah
Wagner Group | 8 | RU | 0 |
    Wagner Group; Wagner; PMC Wagner; Wagner PMC
Hamas Movement | 2 | PS | 0 |
    Hamas; Hamas Movement
FARC: Revolutionary Armed Forces of Colombia | 2 | CO | 0 |
    FARC; Revolutionary Armed Forces of Colombia; FARC-EP
QDW: National Defence Forces | 3 | SY | 0 |
    National Defence Forces/cs; National Defense Forces/cs; NDF; QDW
PIJ: Palestinian Islamic Jihad | 2 | PS | 0 |
    Palestinian Islamic Jihad; PIJ
"""

# Tokens too generic to make an ACLED name a pattern of its own ("National Police Forces").
GENERIC_VOCAB = frozenset(
    ["national", "police", "forces", "force", "military", "army", "armed", "security", "special", "government", "group", "groups", "militia", "militias", "unit", "units", "guard", "guards", "federal", "state", "local", "regional", "republican", "presidential", "border", "civil", "public", "defence", "defense", "service", "services", "intelligence", "directorate", "agency", "people", "peoples", "of", "the", "and", "for", "in", "rebels", "rebel", "opposition", "protesters", "rioters", "civilians", "unidentified", "gang", "gangs", "prison", "prisoners", "students", "student", "labour", "labor", "women", "men", "youth", "workers", "teachers", "journalists", "lawyers", "farmers", "pastoralists", "refugees", "idps", "health", "settlers", "vigilante", "vigilantes", "private", "islamist", "muslim", "christian", "hindu", "buddhist", "sikh", "jewish", "group", "clan", "ethnic", "communal", "tribal", "militiamen", "soldiers", "troops", "fighters", "air", "navy", "marine", "coast", "reserve", "criminal", "investigations", "investigation", "department", "division", "battalion", "brigade", "mobile", "intervention", "rapid", "reaction", "action", "order", "units"]
)
CALENDAR_WORDS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
# Acronyms that are something else in news text.
ACRONYM_BLOCK = frozenset(
    ["UN", "US", "UK", "EU", "AU", "AP", "AFP", "PM", "MP", "TV", "IT", "ID", "OK", "DA", "CEO", "NGO", "GDP", "FBI", "CIA", "ISI", "APC", "ETA", "ALF", "ELF", "AAP", "PRC", "ROK", "DPRK", "USA", "UAE", "RAF", "GMT", "BBC", "CNN", "MSF", "ICRC", "WHO", "WFP", "IMF", "ANA", "ICAC", "ISA", "ANP", "PDF"]
)
# Phoenix aliases that name something else in current news.
PHOENIX_BLOCK = frozenset(
    pattern_key(p)
    for p in (
        "Al-Aqsa",
        "Al Aksa",
        "Islamic Jihad",
        "Party of God",
        "The Foundation",
        "Yahweh",
        "The Cornerstone",
        "Islamic Resistance",
        "The Islamic Resistance",
        "Martyrs of Democracy",
        "Secret Warriors",
        "Masses and Soldiers",
        "The People and the Soldiers",
        "Citizen and Soldierc",
        "Order II",
        "Omega-7",
        "Black Star",
        "American Front",
        "Revolutionary Justice Organization",
        "Islamic Front",
        "Justice Commandos",
        "Hezb-e Islami",
        "Islamic Army",
        "Popular Army",
        "Red Army",
        "Armed Forces",
        "Muslim Brotherhood",
        "National Front",
        "Patriotic Front",
        "Liberation Front",
        "National Liberation Army",
        "Popular Front",
        "Hamas",
        "Zawahiri",
        "Al Zawahiri",
        "Ayman al Zawahiri",
        "Ernst Stavro Blofeld",
        "Brother Julian",
        "Anarchists, the",
        "The Avengers",
        "Emetic",
    )
)
PERSON_STARTS = frozenset(
    ["abu", "osama", "usama", "ayman", "sheikh", "sheik", "shaikh", "sayyid", "sayyed", "colonel", "commander", "brother", "mullah"]
)
MODIFIER_WORDS = frozenset(
    ["affiliated", "linked", "backed", "allied", "aligned", "led", "inspired"]
)
# Words of Arabic, Pashto, ... names that carry no meaning on their own.
PARTICLES = frozenset(
    ["al", "el", "ul", "e", "i", "a", "the", "of", "and", "for", "in", "de", "la", "le", "wa", "bin", "ibn", "ash", "as", "ad", "an", "at", "az", "ar", "des", "du", "del", "los"]
)
ORG_WORDS = frozenset(
    ["army", "armies", "front", "brigade", "brigades", "battalion", "battalions", "movement", "organization", "organisation", "group", "groups", "party", "forces", "force", "militia", "council", "jihad", "mujahideen", "mujahidin", "mujahedin", "mujahedeen", "liberation", "resistance", "revolutionary", "jamaat", "jamaa", "jemaah", "jamaah", "jamiat", "jemaah", "lashkar", "jaish", "jaysh", "jeish", "harakat", "harkat", "hizb", "hezb", "hizbul", "ansar", "ansaru", "kataib", "kataeb", "tanzim", "commando", "commandos", "cells", "cell", "faction", "union", "federation", "league", "network", "guard", "guards", "fighters", "tigers", "squad", "squads", "legion", "unit", "units", "command", "committee", "alliance", "coalition", "sipah", "tehrik", "tehreek", "fedayeen", "frente", "ejercito", "fuerzas", "comando", "brigadas", "qaeda", "qaida", "company", "mujahideen", "islamiyah", "islamiya", "islamiyya", "gamaa", "gama", "jund", "liwa", "katibat", "saraya"]
)
# Phoenix agents: code class -> (ACLED name template, inter); and the head nouns kept.
AGENT_CLASSES = {
    "MIL": ("Military Forces of {country}", 1),
    "COP": ("Police Forces of {country}", 1),
    "REB": ("Opposition Rebels ({country})", 2),
    "UAF": ("Unidentified Armed Group ({country})", 3),
    "ISL": ("Islamist Militia ({country})", 3),
    "CVL": ("Civilians ({country})", 7),
}
AGENT_CODES = {
    "~MIL": "MIL",
    "~MILCOP": "MIL",
    "~COP": "COP",
    "~REB": "REB",
    "~REBMUS": "REB",
    "~REBHIN": "REB",
    "~REBCHR": "REB",
    "~REBBUD": "REB",
    "~MUSREB": "REB",
    "~UAF": "UAF",
    "~UAFMUS": "ISL",
    "~MUSUAF": "ISL",
    "~OPPUAF": "REB",
    "~CVL": "CVL",
}
AGENT_HEADS = {
    "MIL": {"army", "armies", "military", "forces", "force", "troops", "troop", "soldier", "soldiers", "soldiery", "navy", "marines", "infantry", "paratroops", "paratroopers", "guard", "guards", "gendarmerie", "commandos", "personnel", "servicemen", "servicewomen", "paramilitary", "paramilitaries", "patrol", "patrols", "reservists", "corps"},
    "COP": {"police", "policeman", "policemen", "policewoman", "policewomen", "officer", "officers", "constable", "constables", "gendarmerie", "gendarmery", "patrol", "patrols", "trooper", "troopers", "force", "forces", "personnel", "agents", "enforcement", "lawmen"},
    "REB": {"rebel", "rebels", "insurgent", "insurgents", "guerrilla", "guerrillas", "guerilla", "guerillas", "separatist", "separatists", "insurrectionist", "insurrectionists", "fighter", "fighters", "army", "armies", "force", "forces", "group", "groups", "movement", "faction", "factions"},
    "UAF": {"gunman", "gunmen", "militant", "militants", "militia", "militias", "militiaman", "militiamen", "group", "groups", "gang", "gangs", "band", "bands", "men", "squad", "squads", "assailant", "assailants", "mercenary", "mercenaries", "hitman", "hitmen", "terrorist", "terrorists", "combatant", "combatants", "organization", "force", "forces", "army", "janjaweed"},
    "ISL": {"militant", "militants"},
    # plural only: "a tourist destination", "migrant shelter" name no one
    "CVL": {"civilians", "noncombatants", "residents", "villagers", "townspeople", "passengers", "mourners", "tourists", "migrants", "citizens", "shopkeepers", "travelers", "travellers", "hikers", "backpackers", "sightseers"},
}
# Words that make an agent noun a person or a thing rather than the actor ("army chief").
AGENT_STOP_WORDS = frozenset(
    ["chief", "chiefs", "commander", "commanders", "minister", "ministry", "secretary", "general", "adviser", "advisor", "spokesman", "spokesperson", "spokes", "official", "officials", "delegation", "representative", "intelligence", "base", "headquarters", "commission", "government", "leader", "leaders", "leadership", "staff", "office", "department", "source", "sources", "coup", "looter", "raider", "pillager", "plunderer", "suicide", "investigator", "detective", "expert", "prison", "jail", "authority", "authorities", "agency", "district", "post", "drug", "narcotics", "counter", "anti", "professional", "private", "death", "hit", "head", "heads", "student", "students", "violent"]
)
# "terrorist attack", "law enforcement tool": adjectives more often than actors.
AGENT_BLOCK = frozenset(
    """men|band|bands|group|groups|armed force|insurgency movement|terrorist|law enforcement|
    violent group|violent groups|security check""".replace("\n", "").split("|")
)
NO_PLURAL = frozenset(
    ["police", "military", "infantry", "personnel", "soldiery", "paratroops", "marines", "forces", "troops", "gendarmerie", "gendarmery", "townspeople", "men", "gunmen", "militiamen", "policemen", "enforcement", "hitmen", "lawmen", "paramilitary", "corps", "janjaweed"]
)
ACLED_INTER_TEXT = {
    "state forces": 1,
    "rebel group": 2,
    "rebel groups": 2,
    "political militia": 3,
    "political militias": 3,
    "identity militia": 4,
    "identity militias": 4,
    "rioters": 5,
    "protesters": 6,
    "civilians": 7,
    "external/other forces": 8,
}
ACLED_COUNTRY_ALIASES = {
    "democratic republic of congo": "CD",
    "republic of congo": "CG",
    "ivory coast": "CI",
    "palestine": "PS",
    "eswatini": "SZ",
    "swaziland": "SZ",
    "czech republic": "CZ",
    "cape verde": "CV",
    "bailiwick of guernsey": "GG",
    "bailiwick of jersey": "JE",
    "east timor": "TL",
    "macedonia": "MK",
    "north macedonia": "MK",
    "vatican city": "VA",
    "micronesia": "FM",
    "kosovo": "XK",
    "russia": "RU",
    "syria": "SY",
    "iran": "IR",
    "laos": "LA",
    "south korea": "KR",
    "north korea": "KP",
    "vietnam": "VN",
    "moldova": "MD",
    "tanzania": "TZ",
    "bolivia": "BO",
    "venezuela": "VE",
    "brunei": "BN",
    "myanmar": "MM",
    "turkey": "TR",
    "united states of america": "US",
    "gambia": "GM",
    "bahamas": "BS",
    "isle of man": "IM",
    "saint-martin": "MF",
    "caribbean netherlands": "BQ",
    "somaliland": "SO",
    "puntland": "SO",
    "jubaland": "SO",
    "artsakh": "AZ",
    "novorossiya": "UA",
}


@dataclass
class Row:
    pattern: str
    name: str
    inter: int
    country: str
    generic: int
    origin: str
    case: str  # "1" case-sensitive, "0" not
    weight: float = 0.0  # to settle clashes within one origin

    @property
    def key(self) -> str:
        return pattern_key(self.pattern)

    @property
    def dedupe_key(self) -> tuple[str, str | None]:
        return (self.key, self.pattern if self.case == "1" else None)


# ---------------------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------------------


def ascii_fold(s: str) -> str:
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode("ascii")


def tokens(pattern: str) -> list[str]:
    return pattern_key(pattern).split()


def auto_case(pattern: str) -> str:
    p = pattern.strip()
    if is_acronym(p) or (" " not in p and re.fullmatch(r"[A-Z0-9]+(?:-[A-Z0-9]+)+", p)):
        return "1"
    return "0"


def variants(pattern: str) -> list[str]:
    """The pattern, and spellings news text uses for it (no apostrophe, no diacritics)."""
    out = [pattern]
    for v in (pattern.replace("'", "").replace("\u2019", ""), ascii_fold(pattern)):
        if v and v not in out:
            out.append(v)
    return out


def load_countries(data: Path) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """(normalised name -> ISO2, ISO3 -> ISO2, numeric -> ISO2) from GeoNames countryInfo."""
    name2, iso3, num = {}, {}, {}
    with (data / "gazetteer" / "countryInfo.txt").open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            f = line.rstrip("\n").split("\t")
            if len(f) < 5 or not f[2].isdigit():
                continue  # the column header
            iso2, i3, n, cname = f[0], f[1], f[2], f[4]
            name2[cname.lower()] = iso2
            name2[re.sub(r"^the ", "", cname.lower())] = iso2
            iso3[i3] = iso2
            num[str(int(n))] = iso2
    name2.update(ACLED_COUNTRY_ALIASES)
    return name2, iso3, num


def load_common_words(data: Path, min_count: int = 3) -> set[str]:
    """Words the news corpora write in lower case: common English, not names."""
    counts: Counter[str] = Counter()

    def add(text: str) -> None:
        counts.update(t for t in re.findall(r"[a-z]+", text) if t.islower())

    def lower_only(text: str) -> str:
        # Keep words that are wholly lower case: drop tokens with any capital.
        return " ".join(w for w in re.findall(r"[A-Za-z]+", text) if w.islower())

    corpora = data / "corpora"
    fakes = corpora / "fakes_syria" / "FA-KES-Dataset.csv"
    if fakes.exists():
        with fakes.open(encoding="utf-8", errors="replace", newline="") as fh:
            for row in csv.DictReader(fh):
                add(lower_only(row.get("article_content") or ""))
    for folder in ("insightcrime", "satp"):
        for f in sorted((corpora / folder).glob("*.tsv")):
            add(lower_only(f.read_text(encoding="utf-8", errors="replace")))
    for xml in (data / "geoparsing" / "lgl.xml", data / "geoparsing" / "geovirus.xml"):
        if xml.exists():
            add(
                lower_only(
                    re.sub(
                        r"<[^>]+>",
                        " ",
                        xml.read_text(encoding="utf-8", errors="replace"),
                    )
                )
            )
    wiki = data / "geoparsing" / "wiktor_text.txt"
    if wiki.exists():
        add(lower_only(wiki.read_text(encoding="utf-8", errors="replace")))
    synthetic = data / "plover" / "gpt_synthetic_events_2023-10-19_19.csv.zip"
    if synthetic.exists():
        with zipfile.ZipFile(synthetic) as z:
            for member in z.namelist():
                add(lower_only(z.read(member).decode("utf-8", errors="replace")))
    common = {w for w, c in counts.items() if c >= min_count}
    # Capitalised, so never seen in lower case, but no less common: "Black September".
    common |= set(CALENDAR_WORDS)
    log.info("common words: %d", len(common))
    return common


def distinctive(tok: str, common: set[str]) -> bool:
    return (
        tok not in common
        and tok not in PARTICLES
        and not tok.isdigit()
        and len(tok) >= 3
    )


# ---------------------------------------------------------------------------------------
# conventions
# ---------------------------------------------------------------------------------------


def parse_conventions(table: str) -> list[tuple[str, int, str, int, list[str]]]:
    """The CONVENTIONS table as (name, inter, country, generic, patterns) rows."""
    heads: list[list[str]] = []  # [name, inter, country, generic, pattern text]
    for line in table.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line[0].isspace():  # pattern lines; a pattern may wrap onto the next line
            heads[-1][4] += " " + line.strip()
            continue
        heads.append([f.strip() for f in line.split("|")])
    return [
        (
            name,
            int(inter),
            country,
            int(generic),
            [p.strip() for p in pats.split(";") if p.strip()],
        )
        for name, inter, country, generic, pats in heads
    ]


def convention_rows() -> list[Row]:
    rows = []
    for name, inter, country, generic, pats in parse_conventions(CONVENTIONS):
        for p in pats:
            case = None
            if p.endswith("/cs"):
                p, case = p[:-3], "1"
            for v in variants(p):
                rows.append(
                    Row(
                        v,
                        name,
                        inter,
                        country,
                        generic,
                        "convention",
                        case or auto_case(v),
                        1e9,
                    )
                )
    return rows


# ---------------------------------------------------------------------------------------
# ACLED
# ---------------------------------------------------------------------------------------


def parse_inter(value: str) -> int | None:
    v = (value or "").strip().lower()
    if not v:
        return None
    if v in ACLED_INTER_TEXT:
        return ACLED_INTER_TEXT[v]
    try:
        n = int(float(v))
    except ValueError:
        return None
    return n if 1 <= n <= 8 else None


def read_acled(data: Path, num2iso: dict[str, str], name2iso: dict[str, str]):
    """actor name -> (count, Counter of inter codes, Counter of event countries)."""
    counts: Counter[str] = Counter()
    inters: dict[str, Counter[int]] = defaultdict(Counter)
    where: dict[str, Counter[str]] = defaultdict(Counter)
    for f in sorted((data / "acled").glob("acled_*.csv")):
        if any(s in f.name for s in ("codebook", "categories", "interaction_codes")) or f.name in HELD_OUT_ACLED:
            continue
        raw = f.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:  # the 2016 Africa extract is latin-1
            text = raw.decode("latin-1")
        for row in csv.DictReader(text.splitlines()):
            row = {(k or "").strip().lower(): (v or "") for k, v in row.items()}
            cname = row.get("country", "").strip()
            iso = row.get("iso", "").strip()
            if cname and iso and cname.lower() not in name2iso:
                try:
                    code = num2iso.get(str(int(float(iso))))
                except ValueError:
                    code = None
                if code:
                    name2iso[cname.lower()] = code
            for a, i in (("actor1", "inter1"), ("actor2", "inter2")):
                n = re.sub(r"\s+", " ", row.get(a, "")).strip()
                if not n:
                    continue
                counts[n] += 1
                code = parse_inter(row.get(i, ""))
                if code:
                    inters[n][code] += 1
                if cname:
                    where[n][cname] += 1
    return counts, inters, where


# ACLED's generic actor types; the conventions cover them.
GENERIC_ACLED = re.compile(
    r"^(Protesters|Rioters|Civilians|Students|Prisoners|Labou?r Group|Women|Refugees/IDPs|"
    r"Opposition Rebels|Islamist Militia|Vigilante (Militia|Group)|Private Security Forces|"
    r"Militia|Unidentified|Mutiny of)\b"
)


def split_acronyms(part: str) -> list[str]:
    """'KNU/KNLA' -> ['KNU', 'KNLA']; anything else stays whole (a '/' in a full name
    often joins a name and a fragment: 'Sudan Liberation Movement/Army (...)')."""
    pieces = [p.strip() for p in part.split("/")]
    if len(pieces) > 1 and all(
        re.fullmatch(r"[A-Z][A-Za-z0-9-]{1,7}", p) and sum(c.isupper() for c in p) >= 2
        for p in pieces
    ):
        return pieces
    return [part]


def acled_patterns(name: str, count: int, name2iso: dict[str, str], common: set[str]):
    """(patterns, country ISO2 or "", inter override or None) for one ACLED actor name,
    or None when conventions cover it or it is not a nameable group."""
    if " and/or " in name or GENERIC_ACLED.match(name):
        return None
    state = re.match(
        r"(Military|Police) Forces of (?:the )?(.+?) \(\d{4}-(?:\d{4})?\)\s*(.*)$", name
    )
    if state:
        faction = state.group(3).strip()
        if not faction:
            return None  # plain state forces: the conventions' business
        country = name2iso.get(state.group(2).lower(), "")
        pats = []
        for part in faction.split(": "):
            for p in split_acronyms(part):
                if any(
                    distinctive(t, common) and t not in GENERIC_VOCAB for t in tokens(p)
                ):
                    pats.append(p)
        return (pats, country, 1) if pats else None
    if re.match(r"(Military Forces|Police Forces|Government) of ", name):
        return None

    base, country = name, ""
    while True:  # peel "(2007-)", "(Kenya)", "(International)" off the end
        m = re.search(r"\s*\(([^()]*)\)$", base)
        if not m:
            break
        inner = m.group(1).strip()
        if re.fullmatch(r"\d{4}-(\d{4})?", inner) or inner == "International":
            base = base[: m.start()]
        elif inner.lower() in name2iso:
            country = country or name2iso[inner.lower()]
            base = base[: m.start()]
        else:
            break  # "(Nyatura)", "(Maoist)": part of the name
    base = base.strip()
    toks = tokens(base)
    if not toks:
        return None
    # "Protesters (India)", "Students (Kenya)", "Islamist Militia (Egypt)": generic types.
    if all(t in GENERIC_VOCAB or t in common for t in toks) and (
        country or len(toks) == 1
    ):
        return None
    if all(t in GENERIC_VOCAB for t in toks):
        return None

    pats: list[str] = []
    for part in base.split(": ", 1):
        for p in split_acronyms(part):
            p = p.strip()
            head = p.split("(", 1)[0]
            if " - " in head:
                # "Boko Haram - Wilayat Gharb Ifriqiyyah": the part after names the group;
                # "People's Defense Force - Kalay": a one-word place, not a name.
                after = p.split(" - ", 1)[1].strip()
                if len(after.split()) >= 2:
                    pats.append(after)
                continue
            pats.append(p)
    # How news names a militia ACLED codes often: "Pokot militia", "Abgal clan militia".
    m = re.fullmatch(
        r"(.+?) (Ethnic|Communal|Clan|Sub-Clan|Tribal|Regional) Militia", base
    )
    if m and count >= 5:
        last = m.group(1).split("-")[-1].strip()
        pats += [f"{last} militia", f"{last} militias"]
        if m.group(2) == "Sub-Clan":
            pats.append(f"{last} clan militia")
    m = re.fullmatch(r"(\S+) Militia", base)
    if m and count >= 10:
        pats += [m.group(1), f"{m.group(1)} militias"]
    return pats, country, None


def acled_rows(data: Path, name2iso: dict[str, str], common: set[str]) -> list[Row]:
    counts, inters, where = read_acled(data, NUM2ISO, name2iso)
    rows: list[Row] = []
    kept = 0
    for raw, n in counts.items():
        if n < MIN_ACLED_COUNT:
            continue
        derived = acled_patterns(raw, n, name2iso, common)
        if not derived:
            continue
        pats, country, inter = derived
        name = raw
        # "AMISOM: ... (2007-) (Kenya)": a multinational force, named per contributor;
        # the actor is the mission.
        m = re.fullmatch(r"(.*\(\d{4}-(?:\d{4})?\)) \(([^()]+)\)", raw)
        if m and m.group(2).lower() in name2iso:
            name, country = m.group(1), ""
        if inter is None:
            if not inters[raw]:
                continue
            inter = min(inters[raw].items(), key=lambda kv: (-kv[1], kv[0]))[0]
        if not country and where[raw] and inter != 8:
            top, c = where[raw].most_common(1)[0]
            if c >= 0.6 * sum(where[raw].values()):
                country = name2iso.get(top.lower(), "")
        added = False
        for p in pats:
            for v in variants(p):
                case = acled_case(v, common)
                if case is None:
                    continue
                rows.append(Row(v, name, inter, country, 0, "acled", case, n))
                added = True
        kept += added
    log.info(
        "acled: %d names seen >= %d times, %d kept",
        sum(1 for c in counts.values() if c >= MIN_ACLED_COUNT),
        MIN_ACLED_COUNT,
        kept,
    )
    return rows


def acled_case(p: str, common: set[str]) -> str | None:
    """Case mode for an ACLED-derived pattern, or None to drop it."""
    toks = tokens(p)
    if not toks:
        return None
    if auto_case(p) == "1":  # acronym: needs 3+ characters and no other common meaning
        return (
            "1"
            if len(pattern_key(p).replace(" ", "")) >= 3
            and p.upper() not in ACRONYM_BLOCK
            else None
        )
    meaningful = [t for t in toks if t not in PARTICLES]
    if not meaningful:
        return None
    if len(meaningful) == 1:
        t = meaningful[0]
        return (
            "0"
            if distinctive(t, common) and t not in GENERIC_VOCAB and len(t) >= 4
            else None
        )
    if all(t in GENERIC_VOCAB for t in meaningful):
        return None
    # "National Resistance Forces", "Children of Fire": all common words, so only as a title.
    return "0" if any(distinctive(t, common) for t in meaningful) else "1"


# ---------------------------------------------------------------------------------------
# Phoenix
# ---------------------------------------------------------------------------------------


def phoenix_display(raw: str) -> str:
    if " " not in raw and "-" not in raw and len(raw) <= 6:
        return raw.upper()  # "JKLF", "DHKP/C"
    words = []
    for w in raw.split():
        lw = w.lower()
        if lw in PARTICLES and words:
            words.append(lw)
        else:
            words.append("-".join(x[:1].upper() + x[1:].lower() for x in w.split("-")))
    return " ".join(words)


def phoenix_clean(raw: str) -> tuple[str, list[str]]:
    """'ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_' -> ('Aden Abyan Islamic Army', ['AAIA'])."""
    acronyms = []
    for m in re.finditer(r"\(([^()]*)\)", raw):
        inner = m.group(1).strip("_ ")
        if re.fullmatch(r"[A-Z]{3,6}", inner):
            acronyms.append(inner)
    s = re.sub(r"\([^()]*\)", " ", raw).replace("_", " ")
    s = re.sub(r"\s+", " ", s).strip(" ,")
    return s, acronyms


def read_phoenix_mns(path: Path) -> list[dict]:
    blocks: list[dict] = []
    cur: dict | None = None
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        s = line.split("#", 1)[0].rstrip()
        if not s.strip():
            continue
        if s.startswith("+"):
            if cur is not None:
                cur["aliases"] += [a.strip() for a in s[1:].split("+") if a.strip()]
            continue
        m = re.match(r"^\s*([^\s\[]+)\s*(?:\[([^\]]*)\])?", s)
        if not m:
            continue
        cur = {"name": m.group(1), "code": (m.group(2) or "").strip(), "aliases": []}
        blocks.append(cur)
    return blocks


def phoenix_mns_rows(
    data: Path,
    common: set[str],
    iso3: dict[str, str],
    nationality_words: set[str],
    known: dict[str, Row],
) -> list[Row]:
    rows: list[Row] = []
    for b in read_phoenix_mns(data / "actors" / "Phoenix.MilNonState.actors.txt"):
        person_list = b["name"].endswith(
            "__"
        )  # the KEDS section mixes people and groups
        main, main_acr = phoenix_clean(b["name"])
        if not main:
            continue
        main_key = pattern_key(main)
        cands: list[tuple[str, bool]] = [(main, True)] + [(a, True) for a in main_acr]
        for a in b["aliases"]:
            text, acr = phoenix_clean(a)
            cands += [(text, False)] + [(x, True) for x in acr]
        pats: list[tuple[str, str]] = []  # (pattern, case)
        for text, is_main in cands:
            if not text:
                continue
            key = pattern_key(text)
            toks = key.split()
            has_org = any(t in ORG_WORDS for t in toks)
            if (
                key in PHOENIX_BLOCK
                or not toks
                or any(t in MODIFIER_WORDS for t in toks)
            ):
                continue  # "Al Qaida-Affiliated" is no name
            if " " not in text and len(text) <= 5 and text.isupper():  # an acronym
                # Three-letter Phoenix acronyms collide too often ("ISA", "ANA").
                if len(text) >= 4 and text not in ACRONYM_BLOCK:
                    pats.append((text, "1"))
                continue
            if (person_list or toks[0] in PERSON_STARTS) and not has_org:
                continue  # "ABU_SAYYAF__", "OSAMA_BIN_LADIN": mostly people
            similar = is_main or fuzz.token_set_ratio(key, main_key) >= 70
            if not (has_org or similar):
                continue  # "HASSAN_NASRALLAH" listed under Hezbollah is a person
            meaningful = [t for t in toks if t not in PARTICLES]
            if not meaningful:
                continue
            if len(meaningful) == 1:
                t = meaningful[0]
                if (
                    distinctive(t, common)
                    and t not in nationality_words
                    and len(t) >= 5
                    and similar
                ):
                    pats.append((phoenix_display(text), "0"))
                continue
            proper = [
                t
                for t in meaningful
                if distinctive(t, common)
                and t not in nationality_words
                and t not in ORG_WORDS
            ]
            national = [t for t in meaningful if t in nationality_words]
            # "Irish Republican Army" is a name; "National Resistance", "Black Friday",
            # "Friendship Society" are not. Without an organisation word, ask for more.
            if has_org and (proper or (national and len(meaningful) >= 3)) or not has_org and len(proper) >= 2:
                pats.append((phoenix_display(text), "0"))
        if not pats:
            continue
        # A group ACLED or the conventions already know takes their name and code.
        target = next(
            (known[pattern_key(p)] for p, _ in pats if pattern_key(p) in known), None
        )
        if target is not None:
            name, inter, country = target.name, target.inter, target.country
        else:
            name = phoenix_display(main)
            code = b["code"]
            inter = 3 if "MIL" in code and "REB" not in code else 2
            country = iso3.get(code[:3], "") if code else ""
        for p, case in pats:
            for v in variants(p):
                rows.append(Row(v, name, inter, country, 0, "phoenix_mns", case, 1.0))
    return rows


def plural(phrase: str) -> list[str]:
    words = phrase.split()
    last = words[-1]
    if last in NO_PLURAL or last.endswith("s"):
        return []
    if last.endswith("man"):
        p = last[:-3] + "men"
    elif last.endswith(("x", "ch", "sh")):
        p = last + "es"
    elif last.endswith("y") and last[-2:-1] not in set("aeiou"):
        p = last[:-1] + "ies"
    else:
        p = last + "s"
    return [" ".join(words[:-1] + [p])]


def phoenix_agent_rows(data: Path) -> list[Row]:
    path = data / "actors" / "Phoenix.agents.txt"
    subs: dict[str, list[str]] = {}
    rows: list[Row] = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        s = line.split("#", 1)[0].strip()
        if not s:
            continue
        m = re.match(r"^!(\w+)!\s*=\s*(.+)$", s)
        if m:
            subs[m.group(1)] = [x.strip() for x in m.group(2).split(",")]
            continue
        m = re.match(r"^(.+?)\s*(\{[^}]*\})?\s*\[([^\]]*)\]", s)
        if not m:
            continue
        noun, braces, code = m.group(1).strip(), m.group(2), m.group(3).strip()
        cls = AGENT_CODES.get(code)
        if cls is None:
            continue
        forms: list[str] = []
        sm = re.search(r"!(\w+)!", noun)
        if sm and sm.group(1) in subs:
            forms = [noun.replace(sm.group(0), x) for x in subs[sm.group(1)]]
        else:
            forms = [noun]
            if braces is not None:
                forms += [x for x in braces.strip("{} ").split() if x]
        phrases = []
        for f in forms:
            ph = re.sub(r"\s+", " ", f.replace("_", " ")).strip().lower()
            if ph and re.fullmatch(r"[a-z' -]+", ph):
                phrases.append(ph)
        if braces is None and not sm:
            phrases += [p for ph in list(phrases) for p in plural(ph)]
        template, inter = AGENT_CLASSES[cls]
        for ph in phrases:
            words = ph.split()
            if words[-1] not in AGENT_HEADS[cls] or any(
                w in AGENT_STOP_WORDS for w in words
            ):
                continue
            if ph in AGENT_BLOCK:
                continue
            for v in variants(ph):
                rows.append(Row(v, template, inter, "", 1, "phoenix_agent", "0", 1.0))
    return rows


# ---------------------------------------------------------------------------------------
# assembly
# ---------------------------------------------------------------------------------------


def merge(groups: Iterable[list[Row]]) -> list[Row]:
    best: dict[tuple[str, str | None], Row] = {}
    for rows in groups:
        for r in rows:
            k = r.dedupe_key
            cur = best.get(k)
            if cur is None or (ORIGIN_RANK[r.origin], -r.weight) < (
                ORIGIN_RANK[cur.origin],
                -cur.weight,
            ):
                best[k] = r
    # A case-insensitive row shadows a case-sensitive one with the same key and origin rank
    # only if they name the same actor; otherwise both stay (JEM vs JeM).
    return sorted(best.values(), key=lambda r: (ORIGIN_RANK[r.origin], r.name, r.key))


HEADER = """\
# frontline actor dictionary: pattern -> ACLED-style actor name and inter code.
# GENERATED by scripts/build_actor_dictionary.py; edit that script, not this file.
# Built from (see the script for the rules):
#   convention    hand-written section of the script
#   acled         actor1/actor2 names seen >= {min_count} times in ACLED extracts, with their
#                 majority inter code (names and codes only; no ACLED rows are reproduced)
#   phoenix_mns   Phoenix.MilNonState.actors.txt, openeventdata/petrarch2 (MIT)
#   phoenix_agent Phoenix.agents.txt, openeventdata/petrarch2 (MIT)
# Columns: pattern, name ({{country}} is filled at match time), inter (ACLED 1-8, as a
# domestic actor), country (ISO2 or empty), generic (0 named, 1 generic, 2 generic that
# needs a nationality adjective), origin, case (1 case-sensitive, 0 not).
# Counts by origin: {counts}
"""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")

    global NUM2ISO
    name2iso, iso3, NUM2ISO = load_countries(args.data)
    common = load_common_words(args.data)
    nationality_words = set()
    nat = args.data / "gazetteer" / "nationality_to_iso3.csv"
    if nat.exists():
        with nat.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                nationality_words.update(pattern_key(row["nationality"]).split())
    nationality_words.update(k for k in name2iso if " " not in k)

    conv = convention_rows()
    acled = acled_rows(args.data, name2iso, common)
    known: dict[str, Row] = {}
    for r in sorted(acled, key=lambda r: -r.weight):
        known.setdefault(r.key, r)
    for r in conv:
        if not r.generic:
            known[r.key] = r
    mns = phoenix_mns_rows(args.data, common, iso3, nationality_words, known)
    agents = phoenix_agent_rows(args.data)
    rows = merge([conv, acled, mns, agents])

    counts = Counter(r.origin for r in rows)
    count_s = (
        ", ".join(f"{o} {counts[o]}" for o in ORIGIN_RANK) + f"; total {len(rows)}"
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8", newline="") as fh:
        fh.write(HEADER.format(min_count=MIN_ACLED_COUNT, counts=count_s))
        fh.write("\t".join(COLUMNS) + "\n")
        for r in rows:
            fields = [
                r.pattern,
                r.name,
                str(r.inter),
                r.country,
                str(r.generic),
                r.origin,
                r.case,
            ]
            if any("\t" in f or "\n" in f for f in fields):
                continue
            fh.write("\t".join(fields) + "\n")
    log.info("wrote %s: %s", args.out, count_s)
    periods_out = args.out.with_name("state_periods.tsv")
    write_state_periods(args.data, periods_out)
    return 0


# Periods that began after the newest non-held-out extract: a change of regime starts a new
# one (the Taliban's takeover in August 2021, Myanmar's coup in February 2021).
KNOWN_PERIODS: set[tuple[str, int, str]] = {
    ("Military Forces of Afghanistan", 2021, ""),
    ("Police Forces of Afghanistan", 2021, ""),
    ("Military Forces of Myanmar", 2021, ""),
    ("Police Forces of Myanmar", 2021, ""),
}
_PERIOD_NAME = re.compile(r"^((?:Military|Police) Forces of [^()]+?) \((\d{4})-(\d{4})?\)$")


def write_state_periods(data: Path, out: Path) -> None:
    """``state_periods.tsv``: the periods ACLED gives each state's forces ("Military Forces of
    Syria (2000-)"), from the actor names of the ACLED extracts (the held-out one excluded)."""
    periods: set[tuple[str, int, str]] = set()
    for f in sorted((data / "acled").glob("acled_*.csv")):
        if f.name in HELD_OUT_ACLED or any(s in f.name for s in ("codebook", "categories", "interaction_codes")):
            continue
        raw = f.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("latin-1")
        for row in csv.DictReader(text.splitlines()):
            for column in ("actor1", "actor2"):
                m = _PERIOD_NAME.match(re.sub(r"\s+", " ", row.get(column) or "").strip())
                if m:
                    periods.add((m.group(1), int(m.group(2)), m.group(3) or ""))
    periods |= KNOWN_PERIODS
    with out.open("w", encoding="utf-8", newline="") as fh:
        fh.write(
            "# The periods ACLED writes after state forces' names. GENERATED by\n"
            "# scripts/build_actor_dictionary.py from ACLED actor names (names only).\n"
            "# Columns: name, start year, end year (empty: open).\n"
        )
        for name, start, end in sorted(periods):
            fh.write(f"{name}\t{start}\t{end}\n")
    log.info("wrote %s: %d periods", out, len(periods))


NUM2ISO: dict[str, str] = {}

if __name__ == "__main__":
    raise SystemExit(main())
