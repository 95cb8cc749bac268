"""Integrity of the real-filing corpus in tests/data/corpus (issue 15).

Each document is a verbatim excerpt of a public filing with its source on line 1; its gold
file lists the facts the excerpt states, each with the quote that states it. These tests
check the corpus is what its README says, not how well any reader does on it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

CORPUS = Path(__file__).resolve().parent / "data" / "corpus"

KINDS = frozenset(
    {
        "8-K",
        "8-A",
        "EX-4 agreement",
        "EX-4 amendment",
        "EX-99 press release",
        "10-Q note",
        "10-K note",
        "proxy",
        "other",
    }
)
DECADES = ("1990s", "2000s", "2010s", "2020s")

# Kept aside for an independent evaluation (issues 15 and 16), or already the seeds.
EXCLUDED_NAMES = (
    "selectica",
    "enzon",
    "sotheby",
    "southwest airlines",
    "airgas",
    "candela",
    "footstar",
    "natus",
    "usec",
    "wisdomtree",
    "hanger",
    "hometrust",
    "lightpath",
    "lone star steakhouse",
    "computer sciences",
    "waters instruments",
    "nn inc",
    "vanda",
    "farmers & merchants bank",
    "williams companies",
    "innotrac",
)
# The CIKs issue 15 keeps aside, and those of kept-aside companies that stored pages have shown
# (Enzon 727510, WisdomTree 880631, Southwest Airlines 92380: an XBRL note by CIK never names them).
EXCLUDED_CIKS = frozenset({1085706, 1724965, 34067, 793524, 799698, 727510, 880631, 92380})
# Ticker paths of the mirrors, for the excluded companies whose names a URL may not carry.
EXCLUDED_URL_PARTS = ("-enzn", "/enzn/", "-fmcb", "-vnda", "-nnbr", "-wt-8k", "/luv/", "-htbi")

# Kinds a half lacks because no document of that kind was found for it, said in the README (the
# seventh test half had no proxy; the tenth had no 10-Q note, 10-K note or proxy; the eleventh
# had no 10-Q note or proxy; the twelfth and the thirteenth had no proxy; the fourteenth has no
# proxy: the stored proxies of new companies give their covers only).
KINDS_NOT_FOUND: dict[str, frozenset[str]] = {"test": frozenset({"proxy"})}

# The companies in the corpus on 2026-12-03, before the fourteenth test set: the reader was
# written against them (and the thirteen former test halves were scored once each and their
# errors read), so they stay in the development half for good. A company never moves from
# development to test.
SEEN = frozenset(
    [
        "3d-systems",
        "abraxas-petroleum",
        "acacia-research",
        "acnielsen",
        "actel",
        "acxiom",
        "adam",
        "adma-biologics",
        "adolor",
        "advanced-emissions-solutions",
        "aeterna-zentaris",
        "agile-software",
        "agouron-pharmaceuticals",
        "agribrands-international",
        "aim-immunotech",
        "ak-steel-holding",
        "aksys",
        "alaska-communications-systems-group",
        "albany-molecular-research",
        "alco-stores",
        "allergan",
        "alliance-financial",
        "allied-defense-group",
        "allos-therapeutics",
        "alpha-1-biomedicals",
        "alpha-beta-technology",
        "altair-international",
        "alteon",
        "amag-pharmaceuticals",
        "american-airlines-group",
        "american-bankers-insurance-group",
        "american-eco",
        "american-finance-trust",
        "american-international-group",
        "american-shared-hospital-services",
        "american-standard-companies",
        "american-superconductor",
        "amerigon",
        "ametek",
        "amgen",
        "amp",
        "ampco-pittsburgh",
        "amylin-pharmaceuticals",
        "analog-devices",
        "anchor-bancorp-wisconsin",
        "ancor-communications",
        "angelica",
        "apogee-enterprises",
        "applebees-international",
        "applied-microsystems",
        "aptevo-therapeutics",
        "arch-coal",
        "ari-network-services",
        "arlington-asset-investment",
        "ashford-hospitality-trust",
        "aspect-medical-systems",
        "astec-industries",
        "astrotech",
        "atlas-air-worldwide",
        "atmel",
        "autobytel",
        "autoimmune",
        "aviat-networks",
        "avista",
        "aztar",
        "badger-meter",
        "baldor-electric",
        "ball",
        "bancorpsouth",
        "bandag",
        "bank-of-boston",
        "bankers-trust-new-york",
        "bankworcester",
        "barnes-noble",
        "bassett-furniture-industries",
        "battle-mountain-gold",
        "bay-networks",
        "baybanks",
        "bea-systems",
        "beazer-homes-usa",
        "bebe-stores",
        "becton-dickinson",
        "belden",
        "beneficial",
        "berger-holdings",
        "bethlehem-steel",
        "biocryst",
        "biogen-idec",
        "biolase",
        "biosite-diagnostics",
        "bkf-capital-group",
        "bol-bancshares",
        "bone-care-international",
        "boston-life-sciences",
        "briggs-stratton",
        "broadwind",
        "brunswick",
        "brush-engineered-materials",
        "bryn-mawr-bank",
        "buffets",
        "california-independent-bancorp",
        "callidus-software",
        "canwest-petroleum",
        "canyon-resources",
        "capital-senior-living",
        "capitol-bancorp",
        "capstone-therapeutics",
        "capstone-turbine",
        "career-education-corporation",
        "carlisle-holdings",
        "carparts-com",
        "carpenter-technology",
        "carters",
        "caseys-general-stores",
        "catalyst-semiconductor",
        "cellular-communications-of-puerto-rico",
        "cenovus-energy",
        "central-pacific-financial",
        "centurylink",
        "cenveo",
        "cerus",
        "championship-auto-racing-teams",
        "chaparral-steel",
        "charming-shoppes",
        "chesapeake-energy",
        "chicos-fas",
        "christopher-banks",
        "chrysalis-international",
        "chrysler",
        "church-dwight",
        "cik-1000180",
        "cik-1001385",
        "cik-1017491",
        "cik-1031093",
        "cik-1031235",
        "cik-1038280",
        "cik-1040570",
        "cik-1044378",
        "cik-1044435",
        "cik-105076",
        "cik-1078099",
        "cik-1084226",
        "cik-1092662",
        "cik-1093082",
        "cik-1107332",
        "cik-1121142",
        "cik-1121702",
        "cik-1130310",
        "cik-1162194",
        "cik-1171014",
        "cik-1178711",
        "cik-1211583",
        "cik-1261888",
        "cik-1262104",
        "cik-1326190",
        "cik-1369868",
        "cik-1399935",
        "cik-1400810",
        "cik-1402388",
        "cik-1406587",
        "cik-1463361",
        "cik-1528837",
        "cik-1544227",
        "cik-1560672",
        "cik-1580063",
        "cik-1596993",
        "cik-1606366",
        "cik-1645666",
        "cik-1690585",
        "cik-2034",
        "cik-20639",
        "cik-29669",
        "cik-31347",
        "cik-316300",
        "cik-33769",
        "cik-353184",
        "cik-354950",
        "cik-354963",
        "cik-357173",
        "cik-36047",
        "cik-38264",
        "cik-49615",
        "cik-6314",
        "cik-700841",
        "cik-717605",
        "cik-719274",
        "cik-737468",
        "cik-749038",
        "cik-749935",
        "cik-757011",
        "cik-764401",
        "cik-772897",
        "cik-788885",
        "cik-792985",
        "cik-805264",
        "cik-811596",
        "cik-830122",
        "cik-831547",
        "cik-8411",
        "cik-844965",
        "cik-876437",
        "cik-879101",
        "cik-879526",
        "cik-881524",
        "cik-881695",
        "cik-883945",
        "cik-883984",
        "cik-885590",
        "cik-889428",
        "cik-894871",
        "cik-898437",
        "cik-901219",
        "cik-903129",
        "cik-908598",
        "cik-911115",
        "cik-920707",
        "cik-922612",
        "cik-928340",
        "cik-930553",
        "cik-934448",
        "cik-944739",
        "cik-948708",
        "cik-99359",
        "circuit-city-stores",
        "cirrus-logic",
        "citigroup",
        "cke-restaurants",
        "clarus",
        "clear-channel-outdoor-holdings",
        "cleco",
        "cleveland-cliffs",
        "clorox",
        "closure-medical",
        "cno-financial",
        "cns",
        "codorus-valley-bancorp",
        "cohen-company",
        "collagenex-pharmaceuticals",
        "comarco",
        "commercial-metals",
        "commonwealth-reit",
        "communications-systems",
        "community-bancorp-hudson",
        "commvault-systems",
        "compuware",
        "connacher-oil-and-gas",
        "conoco",
        "contango-oil-gas",
        "contango-ore",
        "continental-airlines",
        "cooper-tire-rubber",
        "copart",
        "cord-blood-america",
        "corning",
        "corvetteporsche",
        "cosine-communications",
        "costamare-bulkers-holdings",
        "cracker-barrel-old-country-store",
        "crompton-knowles",
        "crossroads-systems",
        "crown-cork-seal",
        "csx",
        "cti-biopharma",
        "cubic",
        "culp",
        "cummins-engine",
        "cumulus-media",
        "curtiss-wright",
        "cutco-industries",
        "cvr-energy",
        "cygnus",
        "cyprus-amax-minerals",
        "daktronics",
        "dallas-semiconductor",
        "damark-international",
        "data-critical",
        "dataware-technologies",
        "del-friscos-restaurant-group",
        "del-global-technologies",
        "delek-us-holdings",
        "delphax-technologies",
        "delta-woodside-industries",
        "depomed",
        "dhb-industries",
        "dillards",
        "ditech-networks",
        "dollar-thrifty-automotive-group",
        "dominion-bridge",
        "drive-shack",
        "dst-systems",
        "dura-products-international",
        "duramed-pharmaceuticals",
        "duriron",
        "dynabazaar",
        "dynamex",
        "dynamics-research",
        "dynegy",
        "e-systems",
        "e-w-scripps",
        "eagle-financial",
        "eagle-materials",
        "earthlink",
        "eastman-kodak",
        "ecc-international",
        "edgewater-technology",
        "edgio",
        "eft-canada",
        "electronic-clearing-house",
        "embrex",
        "emcore",
        "emulex",
        "enchira-biotechnology",
        "energy-xxi",
        "entercom-communications",
        "enterprise-diversified",
        "equidyne",
        "equifax",
        "essendant",
        "ethan-allen-interiors",
        "evans-sutherland-computer",
        "evolving-systems",
        "exact-sciences",
        "exchange-national-bancshares",
        "executive-telecard",
        "exigent-international",
        "express",
        "extreme-networks",
        "family-dollar-stores",
        "family-steak-houses-of-florida",
        "fargo-electronics",
        "federal-mogul",
        "federal-signal",
        "fidelity-bancorp",
        "financial-services-acquisition",
        "first-american",
        "first-bancorporation-of-ohio",
        "first-brands",
        "first-federal-financial-corporation-of-kentucky",
        "first-interstate-bancorp",
        "first-mid-illinois-bancshares",
        "first-oak-brook-bancshares",
        "first-security",
        "firstar",
        "firstfed-financial",
        "firstier-financial",
        "fleetboston-financial",
        "fleetwood-enterprises",
        "fluke",
        "ford-motor",
        "foremost-corporation-of-america",
        "forest-oil",
        "fort-james",
        "fortrea-holdings",
        "fortune-brands-home-and-security",
        "franklin-electric",
        "fremont-michigan-insuracorp",
        "fulton-financial",
        "furniture-brands-international",
        "gannett",
        "gartner",
        "gaylord-entertainment",
        "gcp-applied-technologies",
        "genco-shipping-trading",
        "gencorp",
        "genesco",
        "geon",
        "glen-burnie-bancorp",
        "graphic-packaging",
        "great-elm-capital-group",
        "greka-energy",
        "group-ten-metals",
        "gtr-group",
        "guaranty-financial-group",
        "gulfport-energy",
        "h-b-fuller",
        "h-r-block",
        "hampshire-group",
        "hancock-fabrics",
        "hannon-armstrong",
        "harley-davidson",
        "harsco",
        "hasbro",
        "hawaiian-airlines",
        "hc2-holdings",
        "health-risk-management",
        "healthcare-trust",
        "heartland-bancshares",
        "hercules",
        "heritage-commerce",
        "highbury-financial",
        "hilton-hotels",
        "hnc-software",
        "hollysys-automation-technologies",
        "hologic",
        "home-stake-oil-gas",
        "hooper-holmes",
        "hopto",
        "horizon-lines",
        "horizon-offshore",
        "hovnanian-enterprises",
        "hubbell",
        "hudson-global",
        "iec-electronics",
        "ies-holdings",
        "iheartmedia",
        "ikang-healthcare-group",
        "ilg",
        "illini-corporation",
        "illumina",
        "image-sensing-systems",
        "imatec",
        "imation",
        "immucell",
        "immucor",
        "immulogic-pharmaceutical",
        "impac-mortgage-holdings",
        "impax-laboratories",
        "imperial-sugar",
        "ims-health",
        "inmune-bio",
        "innodata",
        "insight-enterprises",
        "integ",
        "interface",
        "intergraph",
        "international-royalty",
        "internet-capital-group",
        "interphase",
        "intraware",
        "invacare",
        "investors-financial-services",
        "investors-title",
        "isolyser",
        "isoray",
        "iteris",
        "itt-corporation",
        "iwerks-entertainment",
        "j-c-penney",
        "jack-in-the-box",
        "jaguar-health",
        "jakks-pacific",
        "jo-ann-stores",
        "jos-a-bank-clothiers",
        "jostens",
        "jps-industries",
        "kash-n-karry-food-stores",
        "kaydon",
        "kb-home",
        "kellwood",
        "kennametal",
        "knight-ridder",
        "krispy-kreme-doughnuts",
        "kronos",
        "labrador-iron-ore-royalty",
        "ladish",
        "lawson-software",
        "layne-christensen",
        "leap-wireless-international",
        "lee-enterprises",
        "liberty-savings-bank",
        "liberty-technologies",
        "ligand-pharmaceuticals",
        "limestone-bancorp",
        "liveperson",
        "local-com",
        "loctite",
        "longs-drug-stores",
        "lsb-industries",
        "ltx",
        "lubrizol",
        "lubys",
        "lufkin-industries",
        "lydall",
        "macerich",
        "mack-cali-realty",
        "macropore-biosurgery",
        "magnachip-semiconductor",
        "manitex-international",
        "maple-leaf-foods",
        "massbank",
        "maxar-technologies",
        "maytag",
        "mds",
        "mechanical-technology",
        "medco-research",
        "medical-staffing-network",
        "medicis-pharmaceutical",
        "medifast",
        "mellon-bank",
        "mens-wearhouse",
        "mentor-graphics",
        "mercantile-bancorp",
        "merchants-bancorp",
        "mercury-interactive",
        "meritage-homes",
        "metasolv",
        "methode-electronics",
        "mgic-investment",
        "micrel",
        "micro-linear",
        "microchip-technology",
        "microsemi",
        "midway-games",
        "milacron",
        "millipore",
        "mitek-systems",
        "modine-manufacturing",
        "moduslink-global-solutions",
        "molecular-insight-pharmaceuticals",
        "monsanto",
        "mrv-communications",
        "msc-software",
        "mylan-laboratories",
        "myrexis",
        "mysoftware",
        "n2h2",
        "nabi",
        "nabors-industries",
        "nash-finch",
        "nashua",
        "nastech-pharmaceutical",
        "nathans-famous",
        "national-computer-systems",
        "national-fuel-gas",
        "national-gas-oil",
        "navistar-international",
        "netflix",
        "neurobiological-technologies",
        "new-dun-bradstreet",
        "new-home-company",
        "news-corporation",
        "nordson",
        "nordstrom",
        "norstan",
        "northern-trust",
        "northwest-airlines",
        "norwalk-savings-society",
        "norwest",
        "novation-companies",
        "novell",
        "novt",
        "ntl",
        "nurx-pharmaceuticals",
        "occidental-petroleum",
        "ocean-power-technologies",
        "office-depot",
        "olympic-steel",
        "olympus-pacific-minerals",
        "onbancorp",
        "one-valley-bancorp",
        "oneida",
        "onvia",
        "open-text",
        "openwave-systems",
        "optical-sensors",
        "oracle",
        "osi-pharmaceuticals",
        "otter-tail-power",
        "overture-services",
        "p-f-industries",
        "pain-therapeutics",
        "palm-harbor-homes",
        "papa-johns-international",
        "parkervision",
        "pathogenesis",
        "pendrell",
        "penn-virginia",
        "pennzoil",
        "pentair",
        "penwest-pharmaceuticals",
        "peoplesoft",
        "pep-boys",
        "perceptron",
        "peregrine-pharmaceuticals",
        "performance-technologies",
        "pericom-semiconductor",
        "periphonics",
        "petmed-express",
        "pharmaceutical-resources",
        "pharmos",
        "phelps-dodge",
        "photronics",
        "physician-reliance-network",
        "physicians-insurance-company-of-wisconsin",
        "piedmont-natural-gas",
        "pier-1-imports",
        "pinnacle-airlines",
        "pinnacle-systems",
        "pitney-bowes",
        "plug-power",
        "pmi-group",
        "polaroid",
        "polymedica",
        "potash-corporation-of-saskatchewan",
        "precision-castparts",
        "preview-travel",
        "prg-schultz-international",
        "printcafe-software",
        "programmers-paradise",
        "prophotonix",
        "ps-group",
        "puget-sound-power-light",
        "pulte-homes",
        "purple-innovation",
        "qcr-holdings",
        "quanex",
        "questar",
        "quickturn-design-systems",
        "quixote",
        "qumu",
        "quotient-technology",
        "radian-group",
        "rainforest-cafe",
        "rambus",
        "ramp",
        "rayonier-advanced-materials",
        "realnetworks",
        "recoton",
        "red-robin-gourmet-burgers",
        "reebok-international",
        "regal-beloit",
        "regis",
        "renaissance-worldwide",
        "rentech",
        "resolute-energy",
        "reynolds-and-reynolds",
        "ribapharm",
        "ricebran-technologies",
        "rite-aid",
        "rocky-mountain-chocolate-factory",
        "rr-donnelley-sons",
        "rubicon-technology",
        "ryans-restaurant-group",
        "ryerson",
        "ryland-group",
        "safety-fund",
        "safeway",
        "saks",
        "sandridge-energy",
        "santa-fe-energy-resources",
        "schnitzer-steel-industries",
        "seachange-international",
        "seagull-energy",
        "security-capital-group",
        "sei-investments",
        "semx",
        "servotronics",
        "sharper-image",
        "sheervision",
        "shorewood-packaging",
        "siebel-systems",
        "sierrawest-bancorp",
        "silverbow-resources",
        "sis-bancorp",
        "smithtown-bancorp",
        "snap-on",
        "sonus-pharmaceuticals",
        "southtrust",
        "southwest-gas-holdings",
        "southwestern-resources",
        "sovereign-bancorp",
        "span-america-medical-systems",
        "special-diversified-opportunities",
        "spirit-aerosystems-holdings",
        "sps-technologies",
        "spss",
        "staceys-buffet",
        "stamford-industrial-group",
        "standard-pacific",
        "stanley-works",
        "star-equity-holdings",
        "state-street",
        "steel-technologies",
        "sterling-financial-spokane",
        "sterling-house",
        "sterling-software",
        "stewart-enterprises",
        "stratasys",
        "stride-rite",
        "sun-microsystems",
        "sun-times-media-group",
        "superior-services",
        "support-com",
        "surewest-communications",
        "swift-transportation",
        "sylvamo",
        "synacor",
        "synalloy",
        "synovics-pharmaceuticals",
        "synovus-financial",
        "sysco",
        "tandy-brands-accessories",
        "tandycrafts",
        "tanger-factory-outlet-centers",
        "tapestry-pharmaceuticals",
        "taylor-devices",
        "team-inc",
        "technitrol",
        "tecumseh-products",
        "teekay",
        "tektronix",
        "telewest-global",
        "tenet-healthcare",
        "tengasco",
        "thomas-betts",
        "tidewater",
        "tlc-the-laser-center",
        "toro",
        "trans-financial-bancorp",
        "transcanada",
        "transport-corporation-of-america",
        "tredegar",
        "trenwick-group",
        "triad-guaranty",
        "triad-park",
        "tribune-publishing",
        "trico-marine-services",
        "tricord-systems",
        "tronc",
        "tutogen-medical",
        "twitter",
        "ultratech-stepper",
        "unisys",
        "united-community-banks",
        "united-rentals",
        "unnamed-advfn-36931134",
        "unnamed-financialreports-32287",
        "unnamed-lawinsider-1331nhpu9sn",
        "unnamed-lawinsider-1e9kaws9iwn",
        "unnamed-lawinsider-2bljnn6hnmo",
        "unnamed-lawinsider-3clvcyf2wc4",
        "unnamed-lawinsider-3ivuzvzb9pl",
        "unnamed-lawinsider-67ka0jvdfyi",
        "unnamed-lawinsider-6wyzdonmikh",
        "unnamed-lawinsider-7jen7oikrle",
        "unnamed-lawinsider-8brqzoowwju",
        "unnamed-lawinsider-8ziecoem96b",
        "unnamed-lawinsider-9b5axm9krym",
        "unnamed-lawinsider-9krdn11ozkt",
        "unnamed-lawinsider-a4wcrnkcdvi",
        "unnamed-lawinsider-bhqz8w0a7nb",
        "unnamed-lawinsider-ehi9wkvdh3",
        "unnamed-lawinsider-ewh89q6dpff",
        "unnamed-lawinsider-fb6tyr1qib8",
        "unnamed-lawinsider-ffbiypzbnyg",
        "unnamed-lawinsider-hd6janxr5zm",
        "unnamed-lawinsider-ht0cmjfa1u3",
        "unnamed-lawinsider-jde2fildih0",
        "unnamed-lawinsider-jyaczrbdocj",
        "unnamed-lawinsider-keee69vnufh",
        "unnamed-lawinsider-kk1cved5fw",
        "unnamed-lawinsider-lnm6bmy0nni",
        "unnamed-lawinsider-osnwhpvocl",
        "unnamed-lawinsider-uawmqhbbgq",
        "unnamed-lawinsider-xazcktwzke",
        "unocal",
        "us-facilities",
        "usa-technologies",
        "usf-corporation",
        "valassis-communications",
        "ventana-medical-systems",
        "veradigm",
        "versum-materials",
        "vicuron-pharmaceuticals",
        "vintage-petroleum",
        "vitesse-semiconductor",
        "wachovia",
        "waddell-reed-financial",
        "walgreen",
        "wallace-computer-services",
        "walter-investment-management",
        "warrior-met-coal",
        "webster-financial",
        "wendys-international",
        "west-coast-bancorp",
        "westmoreland-coal",
        "wet-seal",
        "wheeling-pittsburgh",
        "whirlpool",
        "whitestone-reit",
        "wilhelmina-international",
        "willamette-industries",
        "wilshire-enterprises",
        "wolverine-world-wide",
        "wps-resources",
        "wyman-gordon",
        "xbp-europe",
        "xerox",
        "xicor",
        "xplore-technologies",
        "xwell",
        "xytronyx",
        "yahoo",
        "youbet-com",
        "zimmer-holdings",
        "zymeworks",
    ]
)

# The evaluator's fact vocabulary (rightsplan.edgar.evaluate.facts).
_WHERE = r"(?:agreement|amendment\[(?:\d+|-)\])"
# A line with its comparison, or a percentage whose comparison the text does not state.
# Percentages as `format_percent` writes them: no trailing zero after a decimal point ("25%",
# not "25.0%"), since facts are compared as written.
_PERCENT = r"\d+(?:\.\d*[1-9])?%"
_LINE = rf"(?:more than )?{_PERCENT}(?: or more)?"
_UNSTATED = rf"{_PERCENT} \(comparison not stated\)"
_FACT = re.compile(
    r"event=(?:adoption|amendment|redemption|termination|expiration|none)"
    r"|company=.+"
    r"|agreement\.(?:dated=\d{4}-\d\d-\d\d|rights_agent=.+)"
    rf"|amendment\[(?:\d+|-)\]\.(?:authorized|executed)=\d{{4}}-\d\d-\d\d"
    rf"|{_WHERE}\.(?:set-threshold|set-passive-tier|set-grandfathering)={_LINE}"
    rf"|{_WHERE}\.(?:set-threshold|set-passive-tier)={_UNSTATED}"
    rf"|{_WHERE}\.set-grandfathering=no additional share"
    rf"|{_WHERE}\.(?:add|replace)-exception=.+: (?:{_LINE}|{_UNSTATED}).*"
    rf"|{_WHERE}\.(?:add-exempt-person=.+ made an Exempt Person|remove-exception=.+)"
    rf"|{_WHERE}\.set-expiration=\d{{4}}-\d\d-\d\d"
    rf"|{_WHERE}\.(?:redeem=\d+(?:\.\d+)?|appoint-rights-agent=.+|other-change|terminate.*)"
    r"|holding=.+"
)


def _normal(text: str) -> str:
    return " ".join(text.split())


def documents() -> list[Path]:
    return sorted(CORPUS.glob("*/*.txt"))


def gold(document: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        document.with_suffix(".gold.json").read_text(encoding="utf-8")
    )
    return data


def companies() -> list[str]:
    return sorted(p.name for p in CORPUS.iterdir() if p.is_dir())


def split() -> dict[str, list[str]]:
    data: dict[str, list[str]] = json.loads((CORPUS / "split.json").read_text("utf-8"))
    return data


def half_of(slug: str) -> str:
    """The half split.json puts a company in."""
    return "test" if slug in split()["test"] else "development"


def held_back_documents() -> list[Path]:
    return [d for d in documents() if half_of(d.parent.name) == "test"]


@pytest.mark.parametrize("document", documents(), ids=lambda p: f"{p.parent.name}/{p.name}")
class TestDocument:
    def test_source_line(self, document: Path) -> None:
        """Line 1 is `Source: <url>`, the same address as the gold file's source."""
        first = document.read_text(encoding="utf-8").split("\n", 1)[0]
        assert re.fullmatch(r"Source: https?://\S+", first)
        assert first.removeprefix("Source: ") == gold(document)["source"]

    def test_gold_file(self, document: Path) -> None:
        """The gold file names a known kind and decade, and every fact is in the vocabulary."""
        data = gold(document)
        assert data["document_kind"] in KINDS
        assert data["decade"] in DECADES
        assert isinstance(data.get("cik", 0), int)
        for fact in data["facts"]:
            assert _FACT.fullmatch(fact["fact"]), fact["fact"]

    def test_quotes_are_verbatim(self, document: Path) -> None:
        """Every fact's quote occurs in the document text (whitespace normalised)."""
        text = _normal(document.read_text(encoding="utf-8"))
        for fact in gold(document)["facts"]:
            assert fact["quote"].strip(), fact["fact"]
            assert _normal(fact["quote"]) in text, fact["fact"]

    def test_no_excluded_company(self, document: Path) -> None:
        """No document comes from a company kept aside for the independent evaluation."""
        data = gold(document)
        haystack = " ".join(
            (document.parent.name.replace("-", " "), data["company"], data["source"])
        ).lower()
        assert not any(re.search(rf"\b{re.escape(name)}\b", haystack) for name in EXCLUDED_NAMES)
        assert not any(part in data["source"].lower() for part in EXCLUDED_URL_PARTS)
        assert data.get("cik") not in EXCLUDED_CIKS
        assert not any(f"/data/{cik}/" in data["source"] for cik in EXCLUDED_CIKS)


class TestCorpus:
    def test_every_document_has_a_gold_file_and_back(self) -> None:
        """Each .txt has its .gold.json and each .gold.json its .txt; nothing else is there."""
        texts = {p.with_suffix("") for p in CORPUS.glob("*/*.txt")}
        golds = {p.with_suffix("").with_suffix("") for p in CORPUS.glob("*/*.gold.json")}
        assert texts == golds
        others = {p.name for p in CORPUS.glob("*/*")} - {
            p.name for p in (*CORPUS.glob("*/*.txt"), *CORPUS.glob("*/*.gold.json"))
        }
        assert not others

    def test_names_follow_the_layout(self) -> None:
        """Documents are <company-slug>/<NN>-<kind>.txt."""
        for document in documents():
            assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", document.parent.name)
            assert re.fullmatch(r"\d\d-[a-z0-9]+(?:-[a-z0-9]+)*\.txt", document.name)

    def test_size(self) -> None:
        """At least 80 documents from at least 40 companies."""
        assert len(documents()) >= 80
        assert len(companies()) >= 40

    def test_every_decade_since_the_1990s(self) -> None:
        """Documents from every decade since the 1990s."""
        assert {gold(d)["decade"] for d in documents()} == set(DECADES)

    def test_every_kind_present(self) -> None:
        """Every document kind the issue names is present."""
        assert {gold(d)["document_kind"] for d in documents()} >= KINDS - {"other"}

    def test_split_lists_every_company_once(self) -> None:
        """split.json lists every company once, in development or test, each list sorted."""
        halves = split()
        assert set(halves) == {"development", "test", "retired_from_test"}
        assert all(slugs == sorted(slugs) for slugs in halves.values())
        listed = halves["development"] + halves["test"]
        assert sorted(listed) == companies()
        assert len(set(listed)) == len(listed)

    def test_retired_companies_are_development(self) -> None:
        """The former test companies, scored once and their errors read, are now development."""
        halves = split()
        assert set(halves["retired_from_test"]) <= set(halves["development"])

    def test_no_company_moves_to_test(self) -> None:
        """Every company seen before the fresh test set stays in development; test is new."""
        halves = split()
        assert set(halves["development"]) >= SEEN
        assert not set(halves["test"]) & SEEN

    def test_test_half_size(self) -> None:
        """The test half holds at least 40 documents."""
        assert len(held_back_documents()) >= 40

    def test_kinds_in_both_halves(self) -> None:
        """Every document kind (but "other") has documents in both halves, but the known gaps."""
        kinds: dict[str, set[str]] = {"development": set(), "test": set()}
        for document in documents():
            kinds[half_of(document.parent.name)].add(gold(document)["document_kind"])
        for name, half in kinds.items():
            expected = KINDS - {"other"} - KINDS_NOT_FOUND.get(name, frozenset())
            assert half >= expected, sorted(expected - half)
        # A gap is listed only while it is one: once the half has the kind, drop it from the list.
        for name, missing in KINDS_NOT_FOUND.items():
            assert not kinds[name] & missing, sorted(kinds[name] & missing)


class TestReadme:
    def test_counts_are_the_corpus(self) -> None:
        """README.md states the numbers of documents and companies, per kind and per half."""
        text = (CORPUS / "README.md").read_text("utf-8")
        assert f"{len(documents())} documents from {len(companies())} companies." in text
        row = r"^\| ([^|(]+?) (?:\([^|]*\) )?\| (\d+) \| (\d+) \| (\d+) \|$"
        table = {kind: tuple(map(int, n)) for kind, *n in re.findall(row, text, re.MULTILINE)}
        counted: dict[str, list[int]] = {kind: [0, 0, 0] for kind in KINDS}
        for document in documents():
            counts = counted[gold(document)["document_kind"]]
            counts[0] += 1
            counts[1 if half_of(document.parent.name) == "development" else 2] += 1
        assert table == {kind: tuple(n) for kind, n in counted.items()}
