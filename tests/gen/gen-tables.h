/*
 * gen-tables.h: the reference lists gen-examples draws from. Everything here
 * is synthetic or public: service areas (the examples' own names), local
 * authorities and court centres (organisations), common first names and
 * surnames (combined at random, so the "people" are nobody in particular),
 * ONS 2021 census ethnic groups, case types and the inspection team.
 *
 * Included by gen-examples.c only. GEN_LIST lists (and gen_responses,
 * gen_views, gen_phones) end with NULL; the other arrays are counted.
 */
#ifndef GEN_TABLES_H
#define GEN_TABLES_H

#include <stddef.h>

/* A service area: its relative volume of closed cases and its partners. */
struct gen_area {
	const char *name;
	unsigned weight; /* relative share of closed cases */
	const char *town; /* where the main Cafcass office is */
	const char *const *las; /* local authorities (public law) */
	const char *const *courts; /* family court centres */
	const char *const *postcodes; /* valid-format postcodes for planted text */
};

#define GEN_LIST(...) ((const char *const[]){__VA_ARGS__, NULL})

static const struct gen_area gen_areas[] = {
    {"North East", 110, "Newcastle",
     GEN_LIST("Newcastle City Council", "Sunderland City Council", "Durham County Council",
              "Northumberland County Council", "Gateshead Council"),
     GEN_LIST("Family Court at Newcastle", "Family Court at Sunderland",
              "Family Court at Middlesbrough"),
     GEN_LIST("NE4 7PQ", "SR2 8JD", "DH1 3LE")},
    {"Cumbria and Lancashire", 120, "Preston",
     GEN_LIST("Lancashire County Council", "Blackpool Council",
              "Blackburn with Darwen Borough Council", "Cumberland Council"),
     GEN_LIST("Family Court at Preston", "Family Court at Carlisle", "Family Court at Blackburn",
              "Family Court at Lancaster"),
     GEN_LIST("PR1 2HE", "CA3 8NR", "BB2 1LZ")},
    {"Greater Manchester", 215, "Manchester",
     GEN_LIST("Manchester City Council", "Salford City Council",
              "Stockport Metropolitan Borough Council", "Wigan Council", "Bolton Council",
              "Oldham Council"),
     GEN_LIST("Family Court at Manchester", "Family Court at Bolton", "Family Court at Stockport",
              "Family Court at Wigan"),
     GEN_LIST("M14 5RB", "M1 1AE", "BL3 6PY", "SK4 1DS")},
    {"Merseyside and Cheshire", 140, "Liverpool",
     GEN_LIST("Liverpool City Council", "Wirral Council", "Sefton Council", "Cheshire East Council",
              "Cheshire West and Chester Council", "Warrington Borough Council"),
     GEN_LIST("Family Court at Liverpool", "Family Court at Chester", "Family Court at Warrington",
              "Family Court at Birkenhead"),
     GEN_LIST("L8 2UX", "CH41 5EZ", "WA1 2NT")},
    {"Yorkshire North and East", 90, "York",
     GEN_LIST("North Yorkshire Council", "Hull City Council", "East Riding of Yorkshire Council",
              "City of York Council"),
     GEN_LIST("Family Court at York", "Family Court at Hull", "Family Court at Scarborough"),
     GEN_LIST("YO31 8HS", "HU3 2PJ", "YO11 1UF")},
    {"West Yorkshire", 150, "Leeds",
     GEN_LIST("Leeds City Council", "City of Bradford Metropolitan District Council",
              "Kirklees Council", "Wakefield Council", "Calderdale Council"),
     GEN_LIST("Family Court at Leeds", "Family Court at Bradford", "Family Court at Huddersfield"),
     GEN_LIST("LS6 2QT", "BD5 7HN", "HD1 6RW")},
    {"South Yorkshire", 100, "Sheffield",
     GEN_LIST("Sheffield City Council", "Doncaster Council",
              "Rotherham Metropolitan Borough Council", "Barnsley Council"),
     GEN_LIST("Family Court at Sheffield", "Family Court at Doncaster"),
     GEN_LIST("S2 4QF", "DN4 8LT", "S60 1AE")},
    {"East Midlands", 150, "Nottingham",
     GEN_LIST("Nottingham City Council", "Derbyshire County Council", "Leicester City Council",
              "Lincolnshire County Council", "West Northamptonshire Council"),
     GEN_LIST("Family Court at Nottingham", "Family Court at Derby", "Family Court at Leicester",
              "Family Court at Lincoln", "Family Court at Northampton"),
     GEN_LIST("NG7 2RD", "DE1 3NT", "LE2 0JB")},
    {"West Midlands", 140, "Wolverhampton",
     GEN_LIST("Staffordshire County Council", "Stoke-on-Trent City Council",
              "City of Wolverhampton Council", "Walsall Council", "Coventry City Council",
              "Worcestershire County Council"),
     GEN_LIST("Family Court at Stoke-on-Trent", "Family Court at Wolverhampton",
              "Family Court at Coventry", "Family Court at Worcester"),
     GEN_LIST("ST4 7QB", "WV2 1HZ", "CV6 5DW")},
    {"Birmingham and Solihull", 125, "Birmingham",
     GEN_LIST("Birmingham City Council", "Solihull Metropolitan Borough Council"),
     GEN_LIST("Family Court at Birmingham", "Family Court at Solihull"),
     GEN_LIST("B33 8TH", "B11 3DR", "B91 3QB")},
    {"East of England", 170, "Chelmsford",
     GEN_LIST("Essex County Council", "Norfolk County Council", "Suffolk County Council",
              "Cambridgeshire County Council", "Hertfordshire County Council"),
     GEN_LIST("Family Court at Chelmsford", "Family Court at Norwich", "Family Court at Ipswich",
              "Family Court at Peterborough", "Family Court at Watford"),
     GEN_LIST("CM1 1QH", "NR3 1UB", "IP4 2EP")},
    {"London North", 235, "Islington",
     GEN_LIST("London Borough of Hackney", "London Borough of Islington",
              "London Borough of Camden", "London Borough of Barnet", "London Borough of Enfield",
              "London Borough of Haringey"),
     GEN_LIST("Central Family Court", "East London Family Court", "Family Court at Barnet",
              "Family Court at Edmonton"),
     GEN_LIST("N17 6HA", "E8 1DY", "NW5 2JT")},
    {"London South", 225, "Croydon",
     GEN_LIST("London Borough of Lambeth", "London Borough of Southwark",
              "London Borough of Croydon", "Royal Borough of Greenwich",
              "London Borough of Lewisham", "London Borough of Wandsworth"),
     GEN_LIST("Family Court at Croydon", "Family Court at Bromley",
              "Family Court at Kingston upon Thames", "Central Family Court"),
     GEN_LIST("SE15 3NR", "CR2 6XH", "SW9 8LE")},
    {"Thames Valley", 110, "Reading",
     GEN_LIST("Oxfordshire County Council", "Buckinghamshire Council", "Reading Borough Council",
              "Milton Keynes City Council", "Slough Borough Council"),
     GEN_LIST("Family Court at Oxford", "Family Court at Reading", "Family Court at Milton Keynes"),
     GEN_LIST("OX4 1DQ", "RG1 7TT", "MK9 2HP")},
    {"Kent and Sussex", 150, "Maidstone",
     GEN_LIST("Kent County Council", "Medway Council", "East Sussex County Council",
              "West Sussex County Council", "Brighton and Hove City Council"),
     GEN_LIST("Family Court at Canterbury", "Family Court at Medway", "Family Court at Brighton",
              "Family Court at Horsham"),
     GEN_LIST("ME14 1XQ", "CT1 2RB", "BN2 9SP")},
    {"South West", 140, "Bristol",
     GEN_LIST("Bristol City Council", "Devon County Council", "Cornwall Council",
              "Plymouth City Council", "Somerset Council", "Gloucestershire County Council"),
     GEN_LIST("Family Court at Bristol", "Family Court at Exeter", "Family Court at Plymouth",
              "Family Court at Truro", "Family Court at Gloucester", "Family Court at Taunton"),
     GEN_LIST("BS3 4DJ", "EX4 6PX", "PL4 8AA")},
    {"Wessex", 120, "Southampton",
     GEN_LIST("Hampshire County Council", "Southampton City Council", "Portsmouth City Council",
              "Dorset Council", "Wiltshire Council", "Isle of Wight Council"),
     GEN_LIST("Family Court at Winchester", "Family Court at Southampton",
              "Family Court at Portsmouth", "Family Court at Bournemouth",
              "Family Court at Swindon"),
     GEN_LIST("SO14 7LY", "PO1 3HE", "BH1 1BL")},
};

#define GEN_NAREAS (sizeof(gen_areas) / sizeof(gen_areas[0]))

/* A value with a relative weight. */
struct gen_weighted {
	const char *value;
	unsigned weight;
};

/* A canonical case type, how it is spelt in exports and what starts it. */
struct gen_casetype {
	const char *value; /* canonical name in share/vocab/case-types.json */
	unsigned weight; /* per thousand cases of its law type */
	const char *const *spellings; /* other real-export spellings, or NULL */
	const char *const *lead_apps;
};

static const struct gen_casetype gen_private_types[] = {
    {"safeguarding letter only", 450, NULL, GEN_LIST("C100")},
    {"s7", 250, GEN_LIST("Section 7", "Section 7", "S.7"), GEN_LIST("C100")},
    {"s8 child arrangements", 150, NULL, GEN_LIST("C100", "C100", "C1")},
    {"r16.4", 8, GEN_LIST("Rule 16.4"), GEN_LIST("C100")},
    {"enforcement", 60, NULL, GEN_LIST("C79")},
    {"leave to remove", 42, NULL, GEN_LIST("C100")},
    {"parental order", 20, NULL, GEN_LIST("C51")},
    {"step-parent adoption", 20, NULL, GEN_LIST("A58")},
};

static const struct gen_casetype gen_public_types[] = {
    {"s31", 700, GEN_LIST("care order"), GEN_LIST("C110A", "Care and supervision")},
    {"placement order", 90, NULL, GEN_LIST("A50")},
    {"s44", 60, GEN_LIST("EPO"), GEN_LIST("C110A")},
    {"discharge of care order", 50, NULL, GEN_LIST("C110A")},
    {"s34 contact", 40, NULL, GEN_LIST("C1")},
    {"deprivation of liberty", 35, NULL, GEN_LIST("C66")},
    {"s43", 18, NULL, GEN_LIST("C1")},
    {"s25", 7, NULL, GEN_LIST("Secure accommodation")},
};

/* Indexes used when a row is forced to a rare type. */
#define GEN_TYPE_R164 3
#define GEN_TYPE_S25 7

/*
 * ONS 2021 census ethnic groups (England) as exports spell them, weighted
 * roughly as children in family proceedings.
 */
static const struct gen_weighted gen_ethnicities[] = {
    {"White: English, Welsh, Scottish, Northern Irish or British", 690},
    {"White: Irish", 4},
    {"White: Gypsy or Irish Traveller", 6},
    {"White: Roma", 4},
    {"White: Other White", 55},
    {"Mixed or Multiple ethnic groups: White and Black Caribbean", 25},
    {"Mixed or Multiple ethnic groups: White and Black African", 10},
    {"Mixed or Multiple ethnic groups: White and Asian", 14},
    {"Mixed or Multiple ethnic groups: Other Mixed or Multiple ethnic groups", 22},
    {"Asian or Asian British: Indian", 20},
    {"Asian or Asian British: Pakistani", 40},
    {"Asian or Asian British: Bangladeshi", 15},
    {"Asian or Asian British: Chinese", 3},
    {"Asian or Asian British: Any other Asian background", 14},
    {"Black, Black British, Black Welsh, Caribbean or African: African", 38},
    {"Black, Black British, Black Welsh, Caribbean or African: Caribbean", 11},
    {"Black, Black British, Black Welsh, Caribbean or African: Other Black", 8},
    {"Other ethnic group: Arab", 8},
    {"Other ethnic group: Any other ethnic group", 13},
};

/*
 * First names and surnames for practitioners. Chosen so that none is also an
 * ordinary English word ("Young", "Hope", "Bell"): a redaction deny-list
 * built from them must not eat the rest of a sentence.
 */
static const char *const gen_first_names[] = {
    "Amelia",   "Olivia",      "Isla",     "Emily",    "Sophia",  "Charlotte", "Freya",   "Harriet",
    "Zara",     "Aisha",       "Fatima",   "Hannah",   "Laura",   "Rebecca",   "Claire",  "Nicola",
    "Joanne",   "Karen",       "Sarah",    "Gemma",    "Natalie", "Priyanka",  "Bethany", "Chloe",
    "Siobhan",  "Yasmin",      "James",    "Oliver",   "Thomas",  "Daniel",    "Samuel",  "Joseph",
    "Benjamin", "Adam",        "Mohammed", "Ibrahim",  "David",   "Andrew",    "Paul",    "Stephen",
    "Richard",  "Christopher", "Matthew",  "Jonathan", "Ryan",    "Liam",      "Connor",  "Kieran",
    "Tariq",    "Ravi",
};

static const char *const gen_surnames[] = {
    "Thompson",  "Robinson",   "Hughes",    "Clarke",     "Harrison",   "Davies",    "Evans",
    "Patel",     "Khan",       "Ahmed",     "Hussain",    "Begum",      "Kaur",      "Singh",
    "Okafor",    "Mensah",     "Osei",      "Nowak",      "Kowalski",   "Fletcher",  "Holloway",
    "Pemberton", "Ashworth",   "Whitfield", "Bradshaw",   "Cartwright", "Donnelly",  "Gallagher",
    "McKenzie",  "Fitzgerald", "Sutcliffe", "Hargreaves", "Lomax",      "Entwistle", "Rahman",
    "Chowdhury", "Adebayo",    "Nwosu",     "Kaminski",   "Jenkinson",  "Threlfall", "Ogunleye",
};

/* Letters used for children's initials in case names. */
static const char gen_initials[] = "ABCDEFGHJKLMNPRSTW";

/* The inspection team: one lead, three deputies, six inspectors (synthetic). */
struct gen_member {
	const char *name;
	const char *role;
	const char *conflicts; /* service areas, ';'-separated, or "" */
	const char *slug; /* evidence file name */
};

static const struct gen_member gen_team[] = {
    {"Catherine Ashdown", "lead", "", "catherine-ashdown"},
    {"Daniel Okonkwo", "deputy", "", "daniel-okonkwo"},
    {"Priya Raman", "deputy", "Birmingham and Solihull", "priya-raman"},
    {"Gareth Llewellyn", "deputy", "", "gareth-llewellyn"},
    {"Sophie Brennan", "inspector", "", "sophie-brennan"},
    {"Michael Adeyemi", "inspector", "", "michael-adeyemi"},
    {"Rachel Thornbury", "inspector", "", "rachel-thornbury"},
    {"Imran Siddiqui", "inspector", "", "imran-siddiqui"},
    {"Louise Fairclough", "inspector", "Greater Manchester", "louise-fairclough"},
    {"Owen Pritchard", "inspector", "South West;Wessex", "owen-pritchard"},
};

#define GEN_NTEAM (sizeof(gen_team) / sizeof(gen_team[0]))

static const char *const gen_complaint_categories[] = {
    "Delay",           "Quality of report",  "Staff conduct",        "Communication",
    "Data protection", "Bias or unfairness", "Contact arrangements", "Failure to listen to child",
};

/* Job titles that evidence text uses and redaction must leave alone. */
static const char *const gen_job_titles[] = {
    "family court adviser", "service manager",     "head of practice",
    "children's guardian",  "practice supervisor", "independent reviewing officer",
};

/* A row of the evaluation schedule (Annex E) and what inspectors write about it. */
struct gen_theme {
	const char *judgement;
	const char *criteria; /* ';'-separated, "" for leadership */
	const char *strength; /* what is written when practice is good, or a concern */
	const char *improvement;
};

#define GEN_NPRIVATE_THEMES 12
#define GEN_NPUBLIC_THEMES 14
#define GEN_NLEADERSHIP_THEMES 5

static const struct gen_theme gen_themes[] = {
    /* private law: Annex E rows, criteria 1-14 */
    {"private-law", "1;7;9",
     "the child's welfare was kept at the centre of the work and domestic abuse concerns were "
     "addressed before any recommendation was made.",
     "the analysis did not show how the child's welfare had been weighed when the parents' "
     "positions changed."},
    {"private-law", "2",
     "the recommendation to the court was clear, proportionate and followed from the evidence.",
     "the recommendation to the court was not clearly linked to the risks identified earlier."},
    {"private-law", "3",
     "parents were given clear written advice about what would happen next and how to raise "
     "concerns.",
     "parents were not told where to get help with contact arrangements after the hearing."},
    {"private-law", "4", "the report was filed on time and the case concluded without adjournment.",
     "the report was filed late, which led to an adjourned hearing and four more weeks of delay "
     "for the child."},
    {"private-law", "5",
     "safeguarding checks with police and the local authority were completed before the first "
     "hearing and risks were clearly analysed.",
     "police information arrived after the first hearing and the risk assessment was not "
     "revisited."},
    {"private-law", "6",
     "the child's wishes and feelings were gathered with age-appropriate tools and reported in "
     "the child's own words.",
     "the child's wishes and feelings were summarised in one line and did not inform the "
     "recommendation."},
    {"private-law", "7;9",
     "the child was seen alone twice, at school and at home, and the assessment took account of "
     "what they said.",
     "the child was seen only with a parent present and the reasons were not recorded."},
    {"private-law", "8",
     "the case plan set clear actions and timescales that the manager reviewed.",
     "there was no written plan for the work and tasks drifted between hearings."},
    {"private-law", "10",
     "court duty work was well organised and the court valued the succinct oral advice given.",
     "duty advisers were not always available when cases were listed at short notice."},
    {"private-law", "11;12",
     "the analysis was thorough and the recommendations flowed from the body of the report.",
     "the report described events at length but its analysis did not explain the "
     "recommendation."},
    {"private-law", "13",
     "case records were up to date and showed management oversight at key points.",
     "case recording was incomplete and management decisions were not written down."},
    {"private-law", "14",
     "information was shared promptly with the local authority when new concerns emerged.",
     "a referral to children's services was made nine days after new information was received."},
    /* public law: Annex E rows, criteria 15-32 */
    {"public-law", "15;16;21",
     "the guardian made sure the child's welfare needs were understood and met throughout "
     "proceedings.",
     "the guardian did not challenge the local authority when the placement became unstable."},
    {"public-law", "17;22",
     "the final analysis gave the court clear advice on the care plan and on contact.",
     "the position statement did not address the proposed reduction in sibling contact."},
    {"public-law", "19",
     "parents were helped to understand the proceedings and to get independent legal advice.",
     "the parents were not given information in their first language."},
    {"public-law", "18",
     "the child was well represented: the solicitor and the guardian worked closely together.",
     "the solicitor was not briefed by the guardian before the first hearing."},
    {"public-law", "23",
     "the child's views were clearly put to the court, including in a letter to the judge.",
     "the older child's views about returning home were not recorded or put to the court."},
    {"public-law", "20", "the guardian challenged drift and the case concluded within 26 weeks.",
     "proceedings went beyond 26 weeks and the late filing of assessments was not challenged."},
    {"public-law", "29",
     "independent analysis added value by identifying a relative who could care for the child.",
     "the guardian's work largely repeated the local authority's evidence."},
    {"public-law", "24;26",
     "the child was seen alone early in proceedings and again before the final hearing.",
     "the child was not seen by the guardian until eight weeks into proceedings."},
    {"public-law", "25", "the guardian's plan set out the work needed and was followed.",
     "no plan was recorded for the guardian's work."},
    {"public-law", "20;32",
     "the independent reviewing officer was consulted at the end of proceedings about the care "
     "plan.",
     "there was no consultation with the independent reviewing officer at the end of "
     "proceedings."},
    {"public-law", "27",
     "the local judiciary described guardians as well prepared and influential.",
     "guardians were not always allocated before the first hearing."},
    {"public-law", "28;29",
     "the final analysis was concise and its recommendations flowed from the evidence.",
     "the final analysis did not weigh each realistic option for the child."},
    {"public-law", "30", "the record showed a clear chronology and managers' oversight.",
     "visits were recorded several weeks after they took place."},
    {"public-law", "31",
     "information was shared appropriately with the local authority and the child's school.",
     "key information from health partners was not shared with the court."},
    /* leadership: no criteria numbered yet */
    {"leadership", "",
     "senior leaders understand the quality of practice from audit and performance data.",
     "management oversight is not consistent across service areas and audit actions are not "
     "always followed up."},
    {"leadership", "", "staff describe supervision as regular, reflective and helpful.",
     "supervision records seen were brief and did not challenge drift."},
    {"leadership", "", "learning from complaints is shared with teams in monthly practice notes.",
     "responses to complaints were late in a third of the cases reviewed."},
    {"leadership", "", "leaders work well with the local family justice board to reduce delay.",
     "commissioning of contact centres has not kept pace with demand."},
    {"leadership", "", "the young people's board has shaped the letters written to children.",
     "feedback from children is collected but not analysed to improve services."},
};

#define GEN_NTHEMES (sizeof(gen_themes) / sizeof(gen_themes[0]))

/* Serious issues referred back to Cafcass (Annex F), with the criteria they bear on. */
static const struct gen_theme gen_concerns[] = {
    {"private-law", "5",
     "the child remains with a parent where serious domestic abuse concerns have not been "
     "assessed; inspectors asked Cafcass for assurance that the local authority has been told.",
     NULL},
    {"public-law", "15;16;21",
     "the plan for the child's return home does not appear to be in their best interests given "
     "the parent's relapse; referred to Cafcass for a response.",
     NULL},
    {"private-law", "5;14",
     "recent police information suggests the child may be at risk of significant harm and there "
     "is no record that it was shared; referred to Cafcass for an urgent response.",
     NULL},
    {"public-law", "15;16;21",
     "the child's placement has broken down twice and the care plan has not been reviewed; "
     "referred to Cafcass for assurance.",
     NULL},
};

#define GEN_NCONCERNS (sizeof(gen_concerns) / sizeof(gen_concerns[0]))

/* What Cafcass did about a concern. */
static const char *const gen_responses[] = {
    "The service manager confirmed that the local authority was informed and a strategy meeting "
    "was held within two days.",
    "The head of practice arranged for the child to be seen the same week and shared the police "
    "information with the local authority.",
    "The case was returned to court and the guardian's revised analysis was filed.",
    "The practice supervisor reviewed the case and a safety plan is now in place.",
    NULL,
};

/* The inspectors' view of each response (Annex F's last column). */
static const char *const gen_views[] = {
    "Inspectors are assured by the prompt action taken.",
    "Inspectors are assured that the information is now shared and the child has been seen.",
    "Inspectors are partly assured: the outcome of the hearing is awaited.",
    "Inspectors are assured that the safety plan addresses the concern.",
    NULL,
};

/* Fictional phone numbers (Ofcom's ranges reserved for drama), printf with one %03u. */
static const char *const gen_phones[] = {
    "07700 900%03u", "0113 496 0%03u", "0161 496 0%03u", "020 7946 0%03u", NULL,
};

#endif
