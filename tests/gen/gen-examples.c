/*
 * gen-examples.c: the deterministic generator of the synthetic example data
 * in share/examples/ (and of the large extracts the benchmark uses).
 *
 *	gen-examples [--seed N] [--rows N] [--records N] [--as-of DATE] WHAT [-o FILE]
 *
 * WHAT is annexa, annexa-2025 (the same cases in the September 2025 form:
 * a row per child, with Child ID, case dates and the Y/N fields), recent-filed, recent-closed,
 *areas, team, complaints, opportunities, evidence (-o DIR: one CSV per inspector), judgements,
 * details, or all (-o DIR: every file under its share/examples name).
 * --rows sizes the Annex A extract (1,000,000 rows stream out in seconds, in
 * constant memory); --records sizes the evidence (300 by default, 100,000
 * for the build-sea benchmark).
 *
 * Randomness comes from its own PRNG (splitmix64 seeding xoshiro256**),
 * never rand() or the clock, so the same flags give the same bytes. Every
 * Annex A row is a pure function of (seed, row number): rows stream out in
 * constant memory, and the evidence generator can re-create any row to cite
 * its Case ID and practitioner. Nobody in the output is a real person:
 * children appear only as initials, practitioners are random pairings of
 * common first names and surnames.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <jansson.h>

#include "core/cli.h"
#include "core/csvio.h"
#include "core/dates.h"
#include "core/diag.h"
#include "core/jsonio.h"
#include "core/output.h"
#include "core/strbuf.h"
#include "core/xalloc.h"

#include "gen-tables.h"

#define DEFAULT_SEED 20270115ULL
#define DEFAULT_ROWS 2300UL
#define MAX_ROWS 50000000UL /* below the first recent-case index */
#define ID_SPACE 100000000U /* Case IDs are CA + 8 digits */
#define FILED_BASE 60000000U /* row numbers of recently filed cases */
#define CLOSED_BASE 70000000U /* row numbers of recently closed cases */
#define DEFAULT_RECORDS 300UL /* evidence records, across the team */
#define MIN_RECORDS 100UL /* enough for every criterion and the concerns */
#define MAX_RECORDS 2000000UL

/* Independent random streams, one per kind of thing generated. */
enum stream {
	STREAM_CASE = 1,
	STREAM_PRACTITIONER,
	STREAM_RECENT_DATE,
	STREAM_AREAS,
	STREAM_COMPLAINTS,
	STREAM_OPPORTUNITIES,
	STREAM_EVIDENCE,
	STREAM_FORM2025, /* the 2025 form's case dates and flags */
	STREAM_CHILD, /* a case's further children (2025 form) */
};

/* The generator's settings. */
struct gen {
	uint64_t seed;
	unsigned long rows;
	unsigned long records; /* evidence records in all */
	date_t as_of;
	size_t member; /* the team member whose evidence is being written */
};

/* xoshiro256** state. */
struct rng {
	uint64_t s[4];
};

/* One Annex A case, as generated. */
struct gen_case {
	char id[16];
	char name[128];
	const char *gender;
	const char *ethnicity;
	const char *disability;
	date_t dob;
	char dob_uk[16];
	const char *lead_app;
	const char *law_type;
	const char *case_type;
	char practitioner[64];
	char team[64];
	size_t area;
	const char *la;
	const char *court;
	char file_location[32];
	int public_law;
};

/* One evidence record. */
struct evidence {
	date_t date;
	int minutes;
	const char *source;
	char case_ref[16];
	const char *area;
	const char *judgement;
	const char *criteria;
	const char *finding;
	char *summary;
	/* Annex F columns, only on concerns and the records answering them: */
	char team[64]; /* the Cafcass team of the case */
	const char *response; /* what Cafcass did */
	const char *view; /* the inspectors' view of it */
	unsigned order; /* generation order, the last sort key */
};

static const char *const annexa_header[] = {
    "Case ID",
    "Case name",
    "Gender",
    "Ethnicity",
    "Disability (Y/N)",
    "Date of birth",
    "Lead application",
    "Law type",
    "Case type",
    "Practitioner",
    "Team",
    "Service area",
    "Local authority (Public law)",
    "Court",
    "File location",
};
#define ANNEXA_NCOLS (sizeof(annexa_header) / sizeof(annexa_header[0]))

/* ---- randomness ---- */

/* One step of splitmix64. */
static uint64_t
splitmix64(uint64_t *x)
{
	uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* Seed r for item index of a stream: independent of every other item. */
static void
rng_init(struct rng *r, const struct gen *g, enum stream stream, uint64_t index)
{
	uint64_t x = g->seed * 0xd1342543de82ef95ULL + (uint64_t)stream * 0xaf251af3b0f025b5ULL +
	             index * 0x9e3779b97f4a7c15ULL;
	int i;

	for (i = 0; i < 4; i++)
		r->s[i] = splitmix64(&x);
}

/* Rotate left. */
static uint64_t
rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

/* Next 64 random bits (xoshiro256**). */
static uint64_t
rng_next(struct rng *r)
{
	uint64_t *s = r->s;
	uint64_t out = rotl(s[1] * 5, 7) * 9;
	uint64_t t = s[1] << 17;

	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return out;
}

/* A number in [0, n) (multiply-shift; n is small, the bias negligible). */
static unsigned
rng_below(struct rng *r, unsigned n)
{
	return (unsigned)(((rng_next(r) >> 32) * n) >> 32);
}

/* 1 with probability per/1000. */
static int
rng_permille(struct rng *r, unsigned per)
{
	return rng_below(r, 1000) < per;
}

/* Pick from a NULL-terminated list. */
static const char *
rng_pick(struct rng *r, const char *const *list)
{
	unsigned n = 0;

	while (list[n] != NULL)
		n++;
	return list[rng_below(r, n)];
}

/* Index of a weighted choice among n weights spaced stride bytes apart. */
static size_t
rng_weighted(struct rng *r, const void *base, size_t n, size_t stride, size_t offset)
{
	const char *p = base;
	unsigned total = 0, x;
	size_t i;

	for (i = 0; i < n; i++)
		total += *(const unsigned *)(const void *)(p + i * stride + offset);
	x = rng_below(r, total);
	for (i = 0; i < n; i++) {
		unsigned w = *(const unsigned *)(const void *)(p + i * stride + offset);
		if (x < w)
			return i;
		x -= w;
	}
	return n - 1;
}

#define RNG_WEIGHTED(r, arr)                                                                       \
	rng_weighted((r), (arr), sizeof(arr) / sizeof((arr)[0]), sizeof((arr)[0]),                 \
	             (size_t)((const char *)&(arr)[0].weight - (const char *)&(arr)[0]))

/* ---- Case IDs: a keyed permutation of 0..10^8-1, so IDs never repeat ---- */

/* Four Feistel rounds over 28 bits. */
static uint32_t
feistel28(uint32_t x, uint64_t key)
{
	uint32_t l = x >> 14, r = x & 0x3fff, t;
	uint64_t k;
	int i;

	for (i = 0; i < 4; i++) {
		k = key + (uint64_t)i * 0x9e3779b97f4a7c15ULL + r;
		t = l ^ (uint32_t)(splitmix64(&k) & 0x3fff);
		l = r;
		r = t;
	}
	return (l << 14) | r;
}

/* The Case ID of row number index (cycle-walking keeps it under 10^8). */
static void
case_id(const struct gen *g, uint32_t index, char *buf, size_t size)
{
	uint64_t key = g->seed ^ 0x5ca1ab1e0ddba11ULL;
	uint32_t x = index;

	do
		x = feistel28(x, key);
	while (x >= ID_SPACE);
	snprintf(buf, size, "CA%08u", (unsigned)x);
}

/* ---- areas, practitioners, teams ---- */

/* Number of teams in area a. */
static unsigned
area_teams(size_t a)
{
	return 2 + gen_areas[a].weight / 60;
}

/* Number of practitioners in area a. */
static unsigned
area_practitioners(size_t a)
{
	return 6 + gen_areas[a].weight / 8;
}

/* Practitioner k of area a: a fixed pairing of a first name and a surname. */
static void
practitioner_name(const struct gen *g, size_t a, unsigned k, char *buf, size_t size)
{
	struct rng r;
	unsigned nf = sizeof(gen_first_names) / sizeof(gen_first_names[0]);
	unsigned ns = sizeof(gen_surnames) / sizeof(gen_surnames[0]);
	const char *first, *last;

	rng_init(&r, g, STREAM_PRACTITIONER, a * 1000 + k);
	first = gen_first_names[rng_below(&r, nf)];
	last = gen_surnames[rng_below(&r, ns)];
	snprintf(buf, size, "%s %s", first, last);
}

/* Surname of a "First Last" name. */
static const char *
surname_of(const char *full)
{
	const char *sp = strrchr(full, ' ');

	return sp != NULL ? sp + 1 : full;
}

/* ---- one Annex A case ---- */

/* A random initial letter of a child's name. */
static char
initial(struct rng *r)
{
	return gen_initials[rng_below(r, sizeof(gen_initials) - 1)];
}

/* Court-style case name: initials only, never a person's name. */
static void
case_name(struct rng *r, const struct gen_case *c, char *buf, size_t size)
{
	unsigned x = rng_below(r, 100);
	char a = initial(r), b = initial(r);

	if (!c->public_law) {
		if (x < 55)
			snprintf(buf, size, "Re %c (A Child)", a);
		else if (x < 80)
			snprintf(buf, size, "Re %c%c (Children)", a, b);
		else if (x < 92)
			snprintf(buf, size, "Re %c (Children)", a);
		else
			snprintf(buf, size, "Re %c and %c (Minors)", a, b);
	} else {
		if (x < 45)
			snprintf(buf, size, "%s v %c", c->la, a);
		else if (x < 60)
			snprintf(buf, size, "%s v %c and %c", c->la, a, b);
		else if (x < 80)
			snprintf(buf, size, "Re %c (Care Proceedings)", a);
		else
			snprintf(buf, size, "Re %c%c (Children)", a, b);
	}
}

/* Date of birth: every child 0-17 on the as-of date; older for secure accommodation. */
static date_t
case_dob(struct rng *r, const struct gen *g, const struct gen_case *c, int secure)
{
	unsigned days;

	if (secure)
		days = 10 * 365 + rng_below(r, 7 * 365);
	else if (c->public_law && rng_permille(r, 250))
		days = 14 + rng_below(r, 350);
	else if (c->public_law)
		days = 365 + rng_below(r, 16 * 365);
	else
		days = 365 + rng_below(r, 15 * 365);
	return g->as_of - (date_t)days;
}

/* Choose the law type and case type; index forces the rare sub-quotas. */
static const struct gen_casetype *
case_type(struct rng *r, uint64_t index, int law, struct gen_case *c)
{
	const struct gen_casetype *t;
	int respell = rng_permille(r, 110);
	size_t i;

	if (law < 0 && index % 100 == 37) {
		c->public_law = 0;
		t = &gen_private_types[GEN_TYPE_R164];
	} else if (law < 0 && index % 250 == 99) {
		c->public_law = 1;
		t = &gen_public_types[GEN_TYPE_S25];
	} else {
		c->public_law = law >= 0 ? law : rng_permille(r, 300);
		if (c->public_law) {
			i = RNG_WEIGHTED(r, gen_public_types);
			t = &gen_public_types[i];
		} else {
			i = RNG_WEIGHTED(r, gen_private_types);
			t = &gen_private_types[i];
		}
	}
	c->law_type = c->public_law ? "Public" : "Private";
	c->case_type = t->value;
	if (t->spellings != NULL && respell)
		c->case_type = rng_pick(r, t->spellings);
	c->lead_app = rng_pick(r, t->lead_apps);
	return t;
}

/* Everything about a child: gender, ethnicity, disability. */
static void
case_child(struct rng *r, struct gen_case *c)
{
	unsigned x = rng_below(r, 1000);

	c->gender = x < 492 ? "Female" : x < 985 ? "Male" : "Not known";
	c->ethnicity = gen_ethnicities[RNG_WEIGHTED(r, gen_ethnicities)].value;
	c->disability = rng_permille(r, 80) ? "Y" : "N";
}

/*
 * Case number index of a stream, in area (or any when < 0) and law type
 * law (0 private, 1 public, or any when < 0).
 */
static void
case_make(const struct gen *g, uint64_t index, long area, int law, struct gen_case *c)
{
	const struct gen_area *ga;
	struct rng r;
	unsigned k;
	int y, m, d, secure;
	const struct gen_casetype *t;

	memset(c, 0, sizeof(*c));
	rng_init(&r, g, STREAM_CASE, index);
	case_id(g, (uint32_t)index, c->id, sizeof(c->id));
	c->area = area >= 0 ? (size_t)area : RNG_WEIGHTED(&r, gen_areas);
	ga = &gen_areas[c->area];
	t = case_type(&r, index, law, c);
	secure = t == &gen_public_types[GEN_TYPE_S25];
	case_child(&r, c);
	c->la = c->public_law ? rng_pick(&r, ga->las) : "";
	c->court = rng_pick(&r, ga->courts);
	case_name(&r, c, c->name, sizeof(c->name));
	c->dob = case_dob(&r, g, c, secure);
	dates_to_ymd(c->dob, &y, &m, &d);
	snprintf(c->dob_uk, sizeof(c->dob_uk), "%02d/%02d/%04d", d, m, y);
	k = rng_below(&r, area_practitioners(c->area));
	practitioner_name(g, c->area, k, c->practitioner, sizeof(c->practitioner));
	snprintf(c->team, sizeof(c->team), "%s Team %u", ga->name, 1 + k % area_teams(c->area));
	if (rng_permille(&r, 12))
		snprintf(c->file_location, sizeof(c->file_location), "Archive box %u",
		         rng_permille(&r, 500) ? 12 : 1 + rng_below(&r, 40));
}

/* The 15 Annex A cells of c, plus extra (NULL for none). */
static void
case_write(FILE *fp, const struct gen_case *c, const char *extra)
{
	const char *f[ANNEXA_NCOLS + 1] = {
	    c->id,         c->name,         c->gender,        c->ethnicity,
	    c->disability, c->dob_uk,       c->lead_app,      c->law_type,
	    c->case_type,  c->practitioner, c->team,          gen_areas[c->area].name,
	    c->la,         c->court,        c->file_location, extra,
	};

	csvio_write_row(fp, f, extra != NULL ? ANNEXA_NCOLS + 1 : ANNEXA_NCOLS);
}

/* The Annex A header, plus extra (NULL for none). */
static void
annexa_write_header(FILE *fp, const char *extra)
{
	const char *f[ANNEXA_NCOLS + 1];

	memcpy(f, annexa_header, sizeof(annexa_header));
	f[ANNEXA_NCOLS] = extra;
	csvio_write_row(fp, f, extra != NULL ? ANNEXA_NCOLS + 1 : ANNEXA_NCOLS);
}

/* ---- WHAT: annexa ---- */

/* The national extract of cases closed in the past two weeks. */
static int
gen_annexa(const struct gen *g, FILE *fp)
{
	struct gen_case c;
	unsigned long i;

	annexa_write_header(fp, NULL);
	for (i = 0; i < g->rows; i++) {
		case_make(g, i, -1, -1, &c);
		case_write(fp, &c, NULL);
	}
	return 0;
}

/* ---- WHAT: annexa-2025 ---- */

/* The 2025 form: the 15 fields with Child ID second, then the five others at the end. */
static const char *const added2025_header[] = {
    "Case start date",
    "Case end date",
    "Child seen in person (Y/N)",
    "Section 7 report filed (Y/N)",
    "Audit (Y/N)",
};
#define ANNEXA2025_NCOLS (ANNEXA_NCOLS + 6)

/* What a case has in the 2025 form: its children, dates and flags. */
struct form2025 {
	unsigned children;
	char start[DATES_ISO_LEN], end[DATES_ISO_LEN];
	const char *s7, *audit;
};

/*
 * Case index's 2025 fields: 1 child in 4 cases of 5, else 2 or 3; closed in
 * the two weeks before as-of (UK dates in one case in ten, as exports mix
 * them), opened 4 weeks to 2 years before; a section 7 report filed in most
 * s7 cases and some other private law cases, never in public law; 1 in 20
 * cases audited by Cafcass.
 */
static void
form2025_make(const struct gen *g, uint64_t index, const struct gen_case *c, struct form2025 *f)
{
	struct rng r;
	unsigned x;
	date_t end, start;
	int y, m, d;

	rng_init(&r, g, STREAM_FORM2025, index);
	x = rng_below(&r, 100);
	f->children = x < 80 ? 1 : x < 96 ? 2 : 3;
	end = g->as_of - 1 - (date_t)rng_below(&r, 14);
	start = end - 28 - (date_t)rng_below(&r, c->public_law ? 400 : 700);
	dates_format(start, f->start);
	dates_format(end, f->end);
	if (rng_permille(&r, 100)) {
		dates_to_ymd(end, &y, &m, &d);
		snprintf(f->end, sizeof(f->end), "%02d/%02d/%04d", d, m, y);
	}
	x = rng_below(&r, 100);
	f->s7 = c->public_law ? "N"
	        : strcmp(c->case_type, "s7") == 0 || strcmp(c->case_type, "Section 7") == 0 ||
	                strcmp(c->case_type, "S.7") == 0
	            ? (x < 85 ? "Y" : "N")
	            : (x < 10 ? "Y" : "N");
	f->audit = rng_permille(&r, 50) ? "Y" : "N";
}

/* Child k (0: the case's own) of case c: gender, ethnicity, disability, date of birth. */
static void
child_make(const struct gen *g, uint64_t index, unsigned k, struct gen_case *c)
{
	struct rng r;
	int y, m, d;

	if (k == 0)
		return;
	rng_init(&r, g, STREAM_CHILD, index * 4 + k);
	case_child(&r, c);
	c->dob = case_dob(&r, g, c, 0);
	dates_to_ymd(c->dob, &y, &m, &d);
	snprintf(c->dob_uk, sizeof(c->dob_uk), "%02d/%02d/%04d", d, m, y);
}

/* The national extract in the 2025 form: --rows child rows, a case's children together. */
static int
gen_annexa_2025(const struct gen *g, FILE *fp)
{
	struct gen_case c;
	struct form2025 f;
	char child[16];
	unsigned long i, n = 0;
	unsigned k;

	const char *head[ANNEXA2025_NCOLS];

	head[0] = annexa_header[0];
	head[1] = "Child ID";
	for (k = 1; k < ANNEXA_NCOLS; k++)
		head[k + 1] = annexa_header[k];
	for (k = 0; k < 5; k++)
		head[ANNEXA_NCOLS + 1 + k] = added2025_header[k];
	csvio_write_row(fp, head, ANNEXA2025_NCOLS);
	for (i = 0; n < g->rows; i++) {
		case_make(g, i, -1, -1, &c);
		form2025_make(g, i, &c, &f);
		for (k = 0; k < f.children && n < g->rows; k++, n++) {
			const char *row[ANNEXA2025_NCOLS];

			child_make(g, i, k, &c);
			snprintf(child, sizeof(child), "CH%08lu", (i * 4 + k) % 100000000UL);
			row[0] = c.id;
			row[1] = child;
			row[2] = c.name;
			row[3] = c.gender;
			row[4] = c.ethnicity;
			row[5] = c.disability;
			row[6] = c.dob_uk;
			row[7] = c.lead_app;
			row[8] = c.law_type;
			row[9] = c.case_type;
			row[10] = c.practitioner;
			row[11] = c.team;
			row[12] = gen_areas[c.area].name;
			row[13] = c.la;
			row[14] = c.court;
			row[15] = c.file_location;
			row[16] = f.start;
			row[17] = f.end;
			row[18] = (k + (unsigned)i) % 11 == 3 ? "N" : "Y";
			row[19] = f.s7;
			row[20] = f.audit;
			csvio_write_row(fp, row, ANNEXA2025_NCOLS);
		}
	}
	return 0;
}

/* ---- WHAT: recent-filed, recent-closed ---- */

/* The idx-th weekday counting back from d (idx 0: d itself, or the Friday before a weekend). */
static date_t
working_day_back(date_t d, unsigned idx)
{
	for (;;) {
		if (dates_weekday(d) < SAT) {
			if (idx == 0)
				return d;
			idx--;
		}
		d--;
	}
}

/* A list of recent cases: where its row numbers start, its size and its date column. */
struct recent {
	uint32_t base; /* first row number (disjoint from the national extract's) */
	unsigned min; /* cases in the smallest area */
	unsigned per_extra; /* one more case per this much area weight */
	const char *column;
};

static const struct recent recent_filed = {FILED_BASE, 25, 12, "Date filed"};
static const struct recent recent_closed = {CLOSED_BASE, 12, 25, "Date closed"};

/*
 * Recent cases of every area, one in three public law, each dated in the
 * two weeks before the list is due (as-of + 7: the Friday before week 3).
 */
static int
gen_recent(const struct gen *g, FILE *fp, const struct recent *rs)
{
	struct gen_case c;
	struct rng r;
	char iso[DATES_ISO_LEN];
	uint32_t index;
	unsigned n, j;
	size_t a;

	annexa_write_header(fp, rs->column);
	for (a = 0; a < GEN_NAREAS; a++) {
		n = rs->min + gen_areas[a].weight / rs->per_extra;
		for (j = 0; j < n; j++) {
			index = rs->base + (uint32_t)a * 10000 + j;
			case_make(g, index, (long)a, j % 3 == 1, &c);
			rng_init(&r, g, STREAM_RECENT_DATE, index);
			dates_format(working_day_back(g->as_of + 7, rng_below(&r, 10)), iso);
			case_write(fp, &c, iso);
		}
	}
	return 0;
}

/* Recently filed cases, every area (for the local samples). */
static int
gen_recent_filed(const struct gen *g, FILE *fp)
{
	return gen_recent(g, fp, &recent_filed);
}

/* Recently closed cases, every area (for the local audits). */
static int
gen_recent_closed(const struct gen *g, FILE *fp)
{
	return gen_recent(g, fp, &recent_closed);
}

/* ---- WHAT: areas ---- */

/* Performance, yearly volume, last inspection and intelligence per area. */
static int
gen_area_table(const struct gen *g, FILE *fp)
{
	static const char *const header[] = {"service_area", "performance", "volume",
	                                     "last_inspected", "intelligence"};
	char perf[8], vol[16], last[DATES_ISO_LEN], intel[8];
	const char *f[5];
	struct rng r;
	size_t a;

	csvio_write_row(fp, header, 5);
	for (a = 0; a < GEN_NAREAS; a++) {
		rng_init(&r, g, STREAM_AREAS, a);
		snprintf(perf, sizeof(perf), "%u", 30 + rng_below(&r, 66));
		snprintf(vol, sizeof(vol), "%u", gen_areas[a].weight * 52 + rng_below(&r, 900));
		last[0] = '\0';
		if (a % 7 != 4)
			dates_format(g->as_of - 400 - (date_t)rng_below(&r, 6 * 365), last);
		snprintf(intel, sizeof(intel), "%u",
		         rng_permille(&r, 300) ? 3 + rng_below(&r, 7) : rng_below(&r, 3));
		f[0] = gen_areas[a].name;
		f[1] = perf;
		f[2] = vol;
		f[3] = last;
		f[4] = intel;
		csvio_write_row(fp, f, 5);
	}
	return 0;
}

/* ---- WHAT: team ---- */

/* The ten inspectors, their roles and conflicts of interest. */
static int
gen_team_table(const struct gen *g, FILE *fp)
{
	static const char *const header[] = {"name", "role", "conflicts"};
	const char *f[3];
	size_t i;

	(void)g;
	csvio_write_row(fp, header, 3);
	for (i = 0; i < GEN_NTEAM; i++) {
		f[0] = gen_team[i].name;
		f[1] = gen_team[i].role;
		f[2] = gen_team[i].conflicts;
		csvio_write_row(fp, f, 3);
	}
	return 0;
}

/* ---- WHAT: complaints ---- */

/* About 40 complaints received in the six months before as-of. */
static int
gen_complaints(const struct gen *g, FILE *fp)
{
	static const char *const header[] = {"ID", "Service area", "Received", "Completed",
	                                     "Category"};
	const unsigned ncat =
	    sizeof(gen_complaint_categories) / sizeof(gen_complaint_categories[0]);
	const unsigned n = 40;
	char id[16], recv[DATES_ISO_LEN], done[DATES_ISO_LEN];
	const char *f[5];
	struct rng r;
	date_t received, completed;
	unsigned i, serial = 30412;

	csvio_write_row(fp, header, 5);
	for (i = 0; i < n; i++) {
		rng_init(&r, g, STREAM_COMPLAINTS, i);
		received = working_day_back(g->as_of - 180 + i * 4 + rng_below(&r, 4), 0);
		serial += 1 + rng_below(&r, 9);
		snprintf(id, sizeof(id), "CMP-%05u", serial);
		dates_format(received, recv);
		completed = working_day_back(received + 14 + rng_below(&r, 30), 0);
		done[0] = '\0';
		if (completed < g->as_of && !rng_permille(&r, 120))
			dates_format(completed, done);
		f[0] = id;
		f[1] = gen_areas[RNG_WEIGHTED(&r, gen_areas)].name;
		f[2] = recv;
		f[3] = done;
		f[4] = gen_complaint_categories[rng_below(&r, ncat)];
		csvio_write_row(fp, f, 5);
	}
	return 0;
}

/* ---- WHAT: opportunities ---- */

/* The on-site days of weeks 3-5, as offsets from day 1 (a Friday). */
static const int onsite_days[] = {11, 12, 13, 18, 19, 20, 25, 26};
#define NONSITE (sizeof(onsite_days) / sizeof(onsite_days[0]))

/* Kinds of practice observation, with times and travel. */
struct opportunity_kind {
	const char *type;
	unsigned weight;
	const char *const *slots; /* "HH:MM-HH:MM" */
	unsigned travel_min, travel_max;
};

static const struct opportunity_kind opportunity_kinds[] = {
    {"court-duty", 15, GEN_LIST("09:30-12:30", "10:00-13:00", "14:00-16:30"), 5, 40},
    {"office-appointment", 40, GEN_LIST("10:00-11:00", "11:30-12:30", "13:30-14:30", "15:00-16:00"),
     0, 20},
    {"home-visit", 25, GEN_LIST("09:30-11:00", "14:00-15:30", "16:00-17:00"), 15, 90},
    {"meeting", 20, GEN_LIST("11:00-12:30", "13:00-14:30"), 10, 50},
};

/* Where an opportunity of kind k takes place in area a. */
static void
opportunity_location(struct rng *r, size_t a, const struct opportunity_kind *k, char *buf,
                     size_t size)
{
	const struct gen_area *ga = &gen_areas[a];

	if (strcmp(k->type, "court-duty") == 0)
		snprintf(buf, size, "%s", rng_pick(r, ga->courts));
	else if (strcmp(k->type, "office-appointment") == 0)
		snprintf(buf, size, "Cafcass office, %s", ga->town);
	else if (strcmp(k->type, "home-visit") == 0)
		snprintf(buf, size, "Family home (%s area)", rng_pick(r, ga->las));
	else
		snprintf(buf, size, "%s offices", rng_pick(r, ga->las));
}

/* One opportunity row; the first of each area-day is a consented court duty. */
static void
opportunity_write(FILE *fp, const struct gen *g, size_t a, size_t day, unsigned j, unsigned *serial)
{
	const struct opportunity_kind *k;
	char id[16], date[DATES_ISO_LEN], start[8], end[8], where[128], travel[8];
	const char *slot, *f[9];
	struct rng r;

	rng_init(&r, g, STREAM_OPPORTUNITIES, (a * NONSITE + day) * 16 + j);
	k = j == 0 ? &opportunity_kinds[0]
	           : &opportunity_kinds[RNG_WEIGHTED(&r, opportunity_kinds)];
	slot = rng_pick(&r, k->slots);
	snprintf(id, sizeof(id), "OPP-%04u", ++*serial);
	dates_format(g->as_of + onsite_days[day], date);
	snprintf(start, sizeof(start), "%.5s", slot);
	snprintf(end, sizeof(end), "%.5s", slot + 6);
	opportunity_location(&r, a, k, where, sizeof(where));
	snprintf(travel, sizeof(travel), "%u",
	         k->travel_min + rng_below(&r, k->travel_max - k->travel_min + 1));
	f[0] = id;
	f[1] = gen_areas[a].name;
	f[2] = date;
	f[3] = start;
	f[4] = end;
	f[5] = k->type;
	f[6] = where;
	f[7] = travel;
	f[8] = j == 0 || rng_permille(&r, 850) ? "Y" : "N";
	csvio_write_row(fp, f, 9);
}

/* Practice observation opportunities for every area on each on-site day. */
static int
gen_opportunities(const struct gen *g, FILE *fp)
{
	static const char *const header[] = {"id",     "service_area", "date",     "start",
	                                     "end",    "type",         "location", "travel_minutes",
	                                     "consent"};
	struct rng r;
	unsigned serial = 0, j, n;
	size_t a, day;

	csvio_write_row(fp, header, 9);
	for (day = 0; day < NONSITE; day++)
		for (a = 0; a < GEN_NAREAS; a++) {
			rng_init(&r, g, STREAM_OPPORTUNITIES, a * NONSITE + day);
			n = 5 + rng_below(&r, 3);
			for (j = 0; j < n; j++)
				opportunity_write(fp, g, a, day, j, &serial);
		}
	return 0;
}

/* ---- WHAT: judgements, details ---- */

/* A JSON array of strings. */
static json_t *
string_array(const char *const *list)
{
	json_t *a = json_array();

	for (; *list != NULL; list++)
		json_array_append_new(a, json_string(*list));
	return a;
}

/* An object {"grade": grade}. */
static json_t *
grade(const char *g)
{
	json_t *o = json_object();

	json_object_set_new(o, "grade", json_string(g));
	return o;
}

/* The provisional judgements of the demo inspection (no personal data). */
static int
gen_judgements(const struct gen *g, FILE *fp)
{
	json_t *j = json_object();
	int rc;

	(void)g;
	json_object_set_new(j, "private-law", grade("good"));
	json_object_set_new(j, "public-law", grade("good"));
	json_object_set_new(j, "leadership", grade("requires-improvement"));
	json_object_set_new(
	    j, "summary_for_children",
	    json_string("Cafcass helps children when their family goes to the family court. "
	                "We checked how well Cafcass workers listen to children. "
	                "Most children were seen on their own and were listened to. "
	                "Workers told the judge what children wanted. "
	                "Some children waited too long for their case to be finished. "
	                "Managers need to check the work more often."));
	json_object_set_new(
	    j, "key_findings",
	    string_array(GEN_LIST(
	        "Children are seen, and seen alone, in most cases, and their wishes and feelings "
	        "are clearly reported to the court.",
	        "Safeguarding checks before the first hearing are timely and risks are well "
	        "analysed.",
	        "Children's guardians add value in public law proceedings and challenge drift.",
	        "Leaders know their strengths and weaknesses, but management oversight is not yet "
	        "consistent across service areas.")));
	json_object_set_new(
	    j, "areas_for_improvement",
	    string_array(GEN_LIST(
	        "The consistency and quality of management oversight and supervision.",
	        "The timeliness of section 7 reports in the busiest service areas.",
	        "Consultation with independent reviewing officers at the end of proceedings.",
	        "The use of feedback from children to improve services.")));
	json_object_set_new(j, "priority_actions", json_array());
	rc = jsonio_dump(j, fp);
	json_decref(j);
	return rc;
}

/* The names and contacts the letters need (synthetic people). */
static int
gen_details(const struct gen *g, FILE *fp)
{
	json_t *j = json_object(), *team = json_array();
	char iso[DATES_ISO_LEN], phone[32], email[96], *p;
	size_t i;
	int rc;

	json_object_set_new(j, "chief_executive", json_string("Margaret Ellison"));
	json_object_set_new(j, "lead_inspector", json_string(gen_team[0].name));
	json_object_set_new(j, "lead_inspector_phone", json_string("0300 123 4666"));
	json_object_set_new(j, "lead_inspector_email",
	                    json_string("catherine.ashdown@ofsted.gov.uk"));
	json_object_set_new(j, "qa_manager", json_string("Jonathan Breckley"));
	json_object_set_new(j, "qa_manager_contact",
	                    json_string("jonathan.breckley@ofsted.gov.uk"));
	json_object_set_new(j, "service_area", json_string("West Yorkshire"));
	json_object_set_new(j, "inspection_start", json_string(dates_format(g->as_of, iso)));
	/* the inspectors and their mobiles (Ofcom's range for drama, 07700 900000-900999) */
	for (i = 1; i < sizeof gen_team / sizeof gen_team[0]; i++) {
		snprintf(phone, sizeof phone, "07700 900%03zu", 100 + i);
		snprintf(email, sizeof email, "%s@ofsted.gov.uk", gen_team[i].name);
		for (p = email; *p != '@'; p++)
			*p = *p == ' ' ? '.'
			               : (char)((*p >= 'A' && *p <= 'Z') ? *p - 'A' + 'a' : *p);
		json_array_append_new(team, json_pack("{s:s, s:s, s:s}", "name", gen_team[i].name,
		                                      "phone", phone, "email", email));
	}
	json_object_set_new(j, "inspectors", team);
	rc = jsonio_dump(j, fp);
	json_decref(j);
	return rc;
}

/* ---- driver ---- */

typedef int (*gen_fn)(const struct gen *, FILE *);

/* A file-producing WHAT and its name in share/examples. */
struct what {
	const char *name;
	const char *file;
	gen_fn fn;
};

static const struct what whats[] = {
    {"annexa", "annexa-national.csv", gen_annexa},
    {"annexa-2025", "annexa-national-2025.csv", gen_annexa_2025},
    {"recent-filed", "recent-filed.csv", gen_recent_filed},
    {"recent-closed", "recent-closed.csv", gen_recent_closed},
    {"areas", "areas.csv", gen_area_table},
    {"team", "team.csv", gen_team_table},
    {"complaints", "complaints.csv", gen_complaints},
    {"opportunities", "opportunities.csv", gen_opportunities},
    {"judgements", "judgements.json", gen_judgements},
    {"details", "details.json", gen_details},
};
#define NWHATS (sizeof(whats) / sizeof(whats[0]))

/* Run fn into path (NULL for standard output), all or nothing; 0 or -1. */
static int
write_one(const struct gen *g, gen_fn fn, const char *path)
{
	struct output *out;
	char err[512];

	if ((out = output_open(path, err, sizeof(err))) == NULL) {
		diag_error(NULL, 0, "%s", err);
		return -1;
	}
	if (fn(g, output_stream(out)) != 0) {
		diag_error(output_name(out), 0, "write error");
		output_abort(out);
		return -1;
	}
	if (output_commit(out, err, sizeof(err)) != 0) {
		diag_error(NULL, 0, "%s", err);
		return -1;
	}
	return 0;
}

/* Create folder dir unless it exists; 0 or -1. */
static int
make_dir(const char *dir)
{
	if (mkdir(dir, 0755) == 0 || errno == EEXIST)
		return 0;
	diag_error(dir, 0, "cannot create folder: %s", strerror(errno));
	return -1;
}

/* ---- WHAT: evidence ---- */

/* Kinds of personal data planted in about one summary in ten. */
enum plant {
	PLANT_FULL_NAME,
	PLANT_SURNAME,
	PLANT_PHONE,
	PLANT_POSTCODE,
	PLANT_EMAIL,
	PLANT_NHS,
	PLANT_BORN,
	NPLANTS
};

/* Day offsets from day 1 (a Friday) of the working days of weeks 2-5. */
static date_t
fieldwork_day(struct rng *r, const char *source, int before_week5)
{
	unsigned w, d;

	if (strcmp(source, "observation") == 0)
		return onsite_days[rng_below(r, before_week5 ? 6 : NONSITE)];
	if (strcmp(source, "audit") == 0)
		return 5 + rng_below(r, 3);
	w = rng_below(r, before_week5 ? 3 : 4);
	d = rng_below(r, 5);
	return 3 + w * 7 + d;
}

/* A source of evidence suited to the judgement. */
static const char *
evidence_source(struct rng *r, const char *judgement)
{
	static const struct gen_weighted casework[] = {
	    {"case-file", 40}, {"audit", 15},  {"observation", 25},
	    {"interview", 12}, {"meeting", 4}, {"document", 4},
	};
	static const struct gen_weighted leadership[] = {
	    {"interview", 35},
	    {"meeting", 25},
	    {"document", 25},
	    {"survey", 15},
	};

	if (strcmp(judgement, "leadership") == 0)
		return leadership[RNG_WEIGHTED(r, leadership)].value;
	return casework[RNG_WEIGHTED(r, casework)].value;
}

/* 1 when a source is about one case (and so cites its Case ID). */
static int
source_cites_case(const char *source)
{
	return strcmp(source, "case-file") == 0 || strcmp(source, "audit") == 0 ||
	       strcmp(source, "observation") == 0;
}

/* A case from the national extract (g->rows > 0), of law type law when it has one. */
static void
evidence_case(const struct gen *g, struct rng *r, int law, struct gen_case *c)
{
	int tries;

	for (tries = 0; tries < 64; tries++) {
		case_make(g, rng_below(r, (unsigned)g->rows), -1, -1, c);
		if (law < 0 || c->public_law == law)
			break;
	}
}

/* How the summary opens, by source. */
static void
summary_opening(struct strbuf *sb, struct rng *r, const struct evidence *e,
                const struct gen_case *c)
{
	const unsigned ntitles = sizeof(gen_job_titles) / sizeof(gen_job_titles[0]);

	if (strcmp(e->source, "case-file") == 0)
		strbuf_printf(sb, "Case file %s (%s): ", e->case_ref, c->case_type);
	else if (strcmp(e->source, "audit") == 0)
		strbuf_printf(sb, "Cafcass audit of %s, moderated by the inspector, found that ",
		              e->case_ref);
	else if (strcmp(e->source, "observation") == 0)
		strbuf_printf(sb, "Observed %s work on %s: ",
		              c->public_law ? "the children's guardian's" : "court duty",
		              e->case_ref);
	else if (strcmp(e->source, "interview") == 0)
		strbuf_printf(sb, "Interview with a %s: ", gen_job_titles[rng_below(r, ntitles)]);
	else if (strcmp(e->source, "meeting") == 0)
		strbuf_adds(sb, "Meeting with the head of service and team managers: ");
	else if (strcmp(e->source, "document") == 0)
		strbuf_adds(sb, "Local performance information shows that ");
	else
		strbuf_adds(sb, "Survey returns from children and families show that ");
}

/* An NHS number in the test range 999 with a valid modulus 11 check digit. */
static void
nhs_number(struct rng *r, char *buf, size_t size)
{
	unsigned d[10], sum, i, check;

	do {
		d[0] = d[1] = d[2] = 9;
		for (i = 3; i < 9; i++)
			d[i] = rng_below(r, 10);
		for (sum = 0, i = 0; i < 9; i++)
			sum += d[i] * (10 - i);
		check = 11 - sum % 11;
		if (check == 11)
			check = 0;
	} while (check == 10);
	d[9] = check;
	snprintf(buf, size, "%u%u%u %u%u%u %u%u%u%u", d[0], d[1], d[2], d[3], d[4], d[5], d[6],
	         d[7], d[8], d[9]);
}

/* A sentence that holds one item of personal data build-sea must redact. */
static void
summary_plant(struct strbuf *sb, struct rng *r, enum plant kind, const struct gen_case *c)
{
	const unsigned nf = sizeof(gen_first_names) / sizeof(gen_first_names[0]);
	const unsigned ns = sizeof(gen_surnames) / sizeof(gen_surnames[0]);
	char buf[64], *p;

	switch (kind) {
	case PLANT_FULL_NAME:
		strbuf_printf(sb, " %s, the family court adviser, explained the plan clearly.",
		              c->practitioner);
		break;
	case PLANT_SURNAME:
		strbuf_printf(sb,
		              " Supervision notes show that %s's analysis was challenged by the "
		              "service manager.",
		              surname_of(c->practitioner));
		break;
	case PLANT_PHONE:
		snprintf(buf, sizeof(buf), rng_pick(r, gen_phones), rng_below(r, 1000));
		strbuf_printf(sb, " The mother asked to be called on %s after the hearing.", buf);
		break;
	case PLANT_POSTCODE:
		strbuf_printf(sb, " The family have since moved to an address near %s.",
		              rng_pick(r, gen_areas[c->area].postcodes));
		break;
	case PLANT_EMAIL:
		snprintf(buf, sizeof(buf), "%s.%s@example.com", gen_first_names[rng_below(r, nf)],
		         gen_surnames[rng_below(r, ns)]);
		for (p = buf; *p != '\0'; p++)
			if (*p >= 'A' && *p <= 'Z')
				*p = (char)(*p - 'A' + 'a');
		strbuf_printf(sb, " The father sent further information from %s.", buf);
		break;
	case PLANT_NHS:
		nhs_number(r, buf, sizeof(buf));
		strbuf_printf(
		    sb, " The health visitor's letter gives the child's NHS number as %s.", buf);
		break;
	default:
		strbuf_printf(sb, " The younger sibling, born %s, was not seen.", c->dob_uk);
		break;
	}
}

/* A sentence with initials and a job title, both of which must survive redaction. */
static void
summary_survivor(struct strbuf *sb, struct rng *r)
{
	const unsigned ntitles = sizeof(gen_job_titles) / sizeof(gen_job_titles[0]);
	char a = initial(r), b = initial(r);

	strbuf_printf(sb, " %c.%c. spoke with the %s about what happens next.", a, b,
	              gen_job_titles[rng_below(r, ntitles)]);
}

/* Capitalise the first letter of a sentence fragment appended at from. */
static void
capitalise_at(struct strbuf *sb, size_t from)
{
	if (from < sb->len && sb->buf[from] >= 'a' && sb->buf[from] <= 'z')
		sb->buf[from] = (char)(sb->buf[from] - 'a' + 'A');
}

_Static_assert(GEN_NTHEMES == GEN_NPRIVATE_THEMES + GEN_NPUBLIC_THEMES + GEN_NLEADERSHIP_THEMES,
               "the themes table and its counts disagree");
_Static_assert(GEN_NTEAM * 3 >= GEN_NPRIVATE_THEMES + GEN_NPUBLIC_THEMES &&
                   GEN_NTEAM * 3 <= GEN_NTHEMES,
               "the first three records of each member must cover every Annex E row");

/* The theme of record j of team member m: the first three cover every Annex E row. */
static size_t
evidence_theme(struct rng *r, size_t m, unsigned j)
{
	unsigned x;

	if (j < 3)
		return m * 3 + j;
	x = rng_below(r, 10);
	if (x < 4)
		return rng_below(r, GEN_NPRIVATE_THEMES);
	if (x < 8)
		return GEN_NPRIVATE_THEMES + rng_below(r, GEN_NPUBLIC_THEMES);
	return GEN_NPRIVATE_THEMES + GEN_NPUBLIC_THEMES + rng_below(r, GEN_NLEADERSHIP_THEMES);
}

/* The law type a judgement's cases have: 0 private, 1 public, -1 either. */
static int
judgement_law(const char *judgement)
{
	if (strcmp(judgement, "public-law") == 0)
		return 1;
	return strcmp(judgement, "private-law") == 0 ? 0 : -1;
}

/* The summary: an opening by source, the finding, maybe initials and planted data. */
static char *
evidence_summary(struct rng *r, const struct evidence *e, const char *finding_text,
                 const struct gen_case *c, unsigned serial)
{
	struct strbuf sb;
	size_t from;
	char *s;

	strbuf_init(&sb);
	summary_opening(&sb, r, e, c);
	from = sb.len;
	strbuf_adds(&sb, finding_text);
	if (from >= 2 && sb.buf[from - 2] == ':')
		capitalise_at(&sb, from);
	if (serial % 5 == 1 && e->case_ref[0] != '\0')
		summary_survivor(&sb, r);
	if (serial % 10 == 3)
		summary_plant(&sb, r, (enum plant)(serial / 10 % NPLANTS), c);
	s = strbuf_steal(&sb);
	strbuf_free(&sb);
	return s;
}

/* Turn concern record e into Cafcass's answer to it, three days later. */
static void
evidence_answer(struct evidence *e, size_t m, unsigned serial)
{
	char iso[DATES_ISO_LEN];
	struct strbuf sb;

	strbuf_init(&sb);
	strbuf_printf(&sb, "Cafcass response to the concern about %s referred on %s: %s",
	              e->case_ref, dates_format(e->date, iso), gen_responses[(m - 1) % 4]);
	free(e->summary);
	e->summary = strbuf_steal(&sb);
	strbuf_free(&sb);
	e->date = working_day_back(e->date + 3, 0);
	e->minutes += 60;
	e->source = "document";
	e->finding = "improvement";
	e->response = gen_responses[(m - 1) % 4];
	e->view = gen_views[(m - 1) % 4];
	e->order = serial;
}

/*
 * Record j of team member m. Records 5 of members 1-6 are concerns (Annex F);
 * records 6 of members 1-4 are Cafcass's answers to them.
 */
static void
evidence_make(const struct gen *g, size_t m, unsigned j, struct evidence *e)
{
	const struct gen_theme *t;
	struct gen_case c;
	struct rng r;
	unsigned serial = (unsigned)(m * (g->records / GEN_NTEAM)) + j;
	int concern = j == 5 && m >= 1 && m <= 6;

	if (j == 6 && m >= 1 && m <= 4) {
		evidence_make(g, m, 5, e);
		evidence_answer(e, m, serial);
		return;
	}
	memset(e, 0, sizeof(*e));
	rng_init(&r, g, STREAM_EVIDENCE, serial);
	t = &gen_themes[evidence_theme(&r, m, j)];
	e->order = serial;
	e->source = concern ? "case-file" : evidence_source(&r, t->judgement);
	if (concern)
		t = &gen_concerns[(m - 1) % GEN_NCONCERNS];
	e->judgement = t->judgement;
	e->criteria = t->criteria;
	evidence_case(g, &r, judgement_law(e->judgement), &c);
	e->area = gen_areas[c.area].name;
	if (source_cites_case(e->source))
		snprintf(e->case_ref, sizeof(e->case_ref), "%s", c.id);
	if (concern)
		snprintf(e->team, sizeof(e->team), "%s", c.team);
	e->date = g->as_of + fieldwork_day(&r, e->source, concern);
	e->minutes = 9 * 60 + 30 * (int)rng_below(&r, 16);
	e->finding = concern ? "concern" : rng_permille(&r, 550) ? "strength" : "improvement";
	e->summary = evidence_summary(
	    &r, e, strcmp(e->finding, "improvement") == 0 ? t->improvement : t->strength, &c,
	    serial);
}

/* qsort order: date, time, then generation order. */
static int
evidence_cmp(const void *pa, const void *pb)
{
	const struct evidence *a = pa, *b = pb;

	if (a->date != b->date)
		return a->date < b->date ? -1 : 1;
	if (a->minutes != b->minutes)
		return a->minutes < b->minutes ? -1 : 1;
	return a->order < b->order ? -1 : a->order > b->order;
}

/*
 * The contract's ten evidence columns, then the optional Annex F ones
 * build-sea uses for the concerns register.
 */
static const char *const evidence_header[] = {
    "inspector", "date",    "time",    "source", "case_ref", "service_area",  "judgement",
    "criteria",  "finding", "summary", "team",   "response", "response_date", "view",
};
#define EVIDENCE_NCOLS (sizeof(evidence_header) / sizeof(evidence_header[0]))

/* One evidence row. */
static void
evidence_write(FILE *fp, const char *inspector, const struct evidence *e)
{
	char date[DATES_ISO_LEN], hhmm[16];
	const char *f[EVIDENCE_NCOLS];

	snprintf(hhmm, sizeof(hhmm), "%02d:%02d", e->minutes / 60, e->minutes % 60);
	f[0] = inspector;
	f[1] = dates_format(e->date, date);
	f[2] = hhmm;
	f[3] = e->source;
	f[4] = e->case_ref;
	f[5] = e->area;
	f[6] = e->judgement;
	f[7] = e->criteria;
	f[8] = e->finding;
	f[9] = e->summary;
	f[10] = e->team;
	f[11] = e->response != NULL ? e->response : "";
	f[12] = e->response != NULL ? date : "";
	f[13] = e->view != NULL ? e->view : "";
	csvio_write_row(fp, f, EVIDENCE_NCOLS);
}

/* One inspector's evidence, in date and time order. */
static int
gen_member_evidence(const struct gen *g, FILE *fp)
{
	unsigned n = (unsigned)(g->records / GEN_NTEAM), j;
	struct evidence *e = xreallocarray(NULL, n, sizeof(*e));

	for (j = 0; j < n; j++)
		evidence_make(g, g->member, j, &e[j]);
	qsort(e, n, sizeof(e[0]), evidence_cmp);
	csvio_write_row(fp, evidence_header, EVIDENCE_NCOLS);
	for (j = 0; j < n; j++) {
		evidence_write(fp, gen_team[g->member].name, &e[j]);
		free(e[j].summary);
	}
	free(e);
	return 0;
}

/* Every team member's evidence file into folder dir. */
static int
write_evidence(const struct gen *g, const char *dir)
{
	struct gen gm = *g;
	char *path;
	int rc = 0;

	if (make_dir(dir) != 0)
		return -1;
	for (gm.member = 0; gm.member < GEN_NTEAM && rc == 0; gm.member++) {
		path = xasprintf("%s/%s.csv", dir, gen_team[gm.member].slug);
		rc = write_one(&gm, gen_member_evidence, path);
		free(path);
	}
	return rc;
}

/* Every file into dir under its share/examples name. */
static int
write_all(const struct gen *g, const char *dir)
{
	char *path;
	size_t i;
	int rc = 0;

	if (make_dir(dir) != 0)
		return -1;
	for (i = 0; i < NWHATS && rc == 0; i++) {
		path = xasprintf("%s/%s", dir, whats[i].file);
		rc = write_one(g, whats[i].fn, path);
		free(path);
	}
	if (rc == 0) {
		path = xasprintf("%s/evidence", dir);
		rc = write_evidence(g, path);
		free(path);
	}
	return rc;
}

/* Print usage to stdout (status 0) or stderr, and exit. */
static void __attribute__((noreturn)) usage(int status)
{
	FILE *fp = status == 0 ? stdout : stderr;

	fputs("usage: gen-examples [--seed N] [--rows N] [--records N] [--as-of DATE] WHAT [-o "
	      "FILE]\n"
	      "WHAT: annexa annexa-2025 recent-filed recent-closed areas team complaints "
	      "opportunities\n"
	      "      judgements details | evidence -o DIR | all -o DIR\n"
	      "  --seed N      random seed (default 20270115)\n"
	      "  --rows N      Annex A rows (default 2300; evidence cites these rows)\n"
	      "  --records N   evidence records across the team (default 300)\n"
	      "  --as-of DATE  day 1 of the inspection (default 2027-01-15)\n"
	      "  -o, --output  output file (folder for evidence and all)\n",
	      fp);
	exit(status);
}

enum { OPT_SEED = CLI_OPT_FIRST_TOOL_OPT, OPT_ROWS, OPT_RECORDS };

/* Parse options into g; returns the index of WHAT in argv. */
static int
parse_options(int argc, char **argv, struct gen *g, const char **output)
{
	static const struct option opts[] = {
	    {"seed", required_argument, NULL, OPT_SEED},
	    {"rows", required_argument, NULL, OPT_ROWS},
	    {"records", required_argument, NULL, OPT_RECORDS},
	    {"as-of", required_argument, NULL, CLI_OPT_AS_OF},
	    {"output", required_argument, NULL, 'o'},
	    {"help", no_argument, NULL, 'h'},
	    {"version", no_argument, NULL, CLI_OPT_VERSION},
	    {NULL, 0, NULL, 0},
	};
	uint64_t v;
	int ch;

	while ((ch = getopt_long(argc, argv, "ho:", opts, NULL)) != -1) {
		switch (ch) {
		case OPT_SEED:
			if (cli_parse_u64(optarg, 0, UINT64_MAX, &g->seed) != 0) {
				diag_error(NULL, 0, "--seed: not an unsigned 64-bit number");
				exit(EXIT_TROUBLE);
			}
			break;
		case OPT_ROWS:
			if (cli_parse_u64(optarg, 0, MAX_ROWS, &v) != 0) {
				diag_error(NULL, 0, "--rows: a number from 0 to %lu", MAX_ROWS);
				exit(EXIT_TROUBLE);
			}
			g->rows = (unsigned long)v;
			break;
		case OPT_RECORDS:
			if (cli_parse_u64(optarg, MIN_RECORDS, MAX_RECORDS, &v) != 0) {
				diag_error(NULL, 0, "--records: a number from %lu to %lu",
				           MIN_RECORDS, MAX_RECORDS);
				exit(EXIT_TROUBLE);
			}
			g->records = (unsigned long)v;
			break;
		case CLI_OPT_AS_OF:
			if (cli_parse_date("--as-of", optarg, &g->as_of) != 0)
				exit(EXIT_TROUBLE);
			break;
		case 'o':
			*output = optarg;
			break;
		case 'h':
			usage(EXIT_OK);
		case CLI_OPT_VERSION:
			cli_version("gen-examples");
			exit(EXIT_OK);
		default:
			usage(EXIT_TROUBLE);
		}
	}
	return optind;
}

int
main(int argc, char **argv)
{
	struct gen g = {DEFAULT_SEED, DEFAULT_ROWS, DEFAULT_RECORDS, 0, 0};
	const char *output = NULL, *what;
	size_t i;
	int rc;

	diag_init("gen-examples");
	dates_from_ymd(2027, 1, 15, &g.as_of);
	i = (size_t)parse_options(argc, argv, &g, &output);
	if (argc - (int)i != 1)
		usage(EXIT_TROUBLE);
	what = argv[i];
	if (strcmp(what, "all") == 0 || strcmp(what, "evidence") == 0) {
		if (output == NULL || strcmp(output, "-") == 0) {
			diag_error(NULL, 0, "%s: needs -o DIR", what);
			return EXIT_TROUBLE;
		}
		if (g.rows == 0) {
			diag_error(NULL, 0, "%s: evidence cites the national extract: --rows 0",
			           what);
			return EXIT_TROUBLE;
		}
		rc = strcmp(what, "all") == 0 ? write_all(&g, output) : write_evidence(&g, output);
		return rc == 0 ? EXIT_OK : EXIT_TROUBLE;
	}
	for (i = 0; i < NWHATS; i++)
		if (strcmp(what, whats[i].name) == 0)
			return write_one(&g, whats[i].fn, output) == 0 ? EXIT_OK : EXIT_TROUBLE;
	diag_error(NULL, 0, "%s: unknown WHAT", what);
	usage(EXIT_TROUBLE);
}
