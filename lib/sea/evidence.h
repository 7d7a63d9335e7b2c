/*
 * evidence.h: inspectors' evidence records (contract section 6) read from
 * CSV (columns matched through share/fields/evidence.json) or NDJSON (one
 * object a line with the same keys), normalised and validated against the
 * evaluation schedule. A record that breaks a rule is not kept: each
 * problem is listed as a rejection naming the file, line, rule and field,
 * never the value. An input file larger than EVIDENCE_MAX_INPUT (128 MB) is
 * refused with a message naming it.
 *
 * Ownership: an evidence_set owns its records, their values, rejections
 * and file names; evidence_set_free() releases them. The reader borrows the schedule.
 */
#ifndef EVIDENCE_H
#define EVIDENCE_H

#include <stddef.h>
#include <stdint.h>

#define EVIDENCE_MAX_INPUT ((size_t)128 << 20) /* bytes in one evidence file */

struct schedule;

/* The keys of a record, in contract order, then the optional Annex F keys. */
enum evidence_key {
	EV_INSPECTOR,
	EV_DATE,
	EV_TIME,
	EV_SOURCE,
	EV_CASE_REF,
	EV_SERVICE_AREA,
	EV_JUDGEMENT,
	EV_CRITERIA,
	EV_FINDING,
	EV_SUMMARY,
	EV_TEAM,
	EV_RESPONSE,
	EV_RESPONSE_DATE,
	EV_VIEW,
	EV_NKEYS
};

#define EV_NCONTRACT (EV_SUMMARY + 1) /* keys the contract fixes */

/*
 * A record is small: its own text (case_ref, summary, response, view) lies
 * in the set's arena, one value after another, and every other value is an
 * id in the set's table of values, where each distinct value is kept once
 * (an inspection has few inspectors, dates, areas, judgements...). Read
 * values with evidence_value(); replace free text with evidence_replace().
 */
#define EV_NSHARED 10 /* keys whose values are ids in the set's table */

struct evidence_record {
	const char *text; /* case_ref, summary, response, view: each NUL-ended, in turn */
	uint32_t val[EV_NSHARED]; /* the other keys' value ids, in key order */
	uint32_t file; /* index into the set's files */
	uint32_t line; /* physical line where the record starts */
};

struct evidence_store;

struct evidence_reject {
	size_t file;
	unsigned long line;
	const char *rule; /* static: "bad-date", "unknown-criterion"... */
	const char *field; /* static key name, or "" */
	const char *why; /* bad-json: jsonio_error_kind()'s static phrase; else NULL */
	int column; /* bad-json: where on the line (from 1), or 0 */
};

struct evidence_set {
	char **files;
	size_t nfiles;
	struct evidence_record *rec;
	size_t nrec, reccap;
	struct evidence_reject *rej;
	size_t nrej, rejcap;
	size_t nrejected; /* records rejected (a record may break several rules) */
	size_t nread; /* records read, kept or not */
	struct evidence_store *store; /* the records' values (NULL before the first) */
};

struct evidence_reader;

/* The key name of k ("inspector", ..., "view"). */
const char *evidence_key_name(enum evidence_key k);
/* Allowed values of source, judgement, finding (NULL-terminated lists). */
extern const char *const evidence_sources[];
extern const char *const evidence_findings[];

/* A reader checking records against sched; NULL with err set. */
struct evidence_reader *evidence_reader_new(const struct schedule *sched, char *err, size_t errsz);
void evidence_reader_free(struct evidence_reader *);
/*
 * Read every record of path ("-" = standard input) into set. CSV unless the
 * name ends in .ndjson, .jsonl or .json or the first byte is "{".
 * csv_flags as for csvio_open(). 0, or -1 with "FILE:LINE: reason" in err
 * when the file cannot be read at all (unreadable, no header, a required
 * column missing).
 */
int evidence_read(struct evidence_reader *, const char *path, unsigned csv_flags,
                  struct evidence_set *set, char *err, size_t errsz);
/*
 * Normalise and check one record whose raw values are in v (NULL = absent);
 * on success fill rec (its values kept in set) and return 0; else return -1
 * and add each problem to set as a rejection of (file, line).
 */
int evidence_check(struct evidence_reader *, const char *const *v, size_t file, unsigned long line,
                   struct evidence_set *set, struct evidence_record *rec);

void evidence_set_init(struct evidence_set *);
void evidence_set_free(struct evidence_set *);
/* Value k of a record of set ("" when absent). */
const char *evidence_value(const struct evidence_set *, const struct evidence_record *,
                           enum evidence_key k);
/* The criterion numbers of a record of set, ascending, no repeats; their count in *n. */
const long *evidence_criteria(const struct evidence_set *, const struct evidence_record *,
                              size_t *n);
/* Replace free-text value k (case_ref, summary, response, view) of a record of set with s. */
void evidence_replace(struct evidence_set *, struct evidence_record *, enum evidence_key k,
                      const char *s);
/*
 * The number of distinct values in set's table, and each one's place in
 * strcmp order (*rank, n entries, to free): records compare by the ranks of
 * their shared values as by the values.
 */
size_t evidence_ranks(const struct evidence_set *, uint32_t **rank);
/* The value of id in set's table. */
const char *evidence_shared(const struct evidence_set *, uint32_t id);

#endif
