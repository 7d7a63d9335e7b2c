/*
 * redact_index.h: the prebuilt word index of the redaction detector
 * (share/redact/lexicon.idx). Building the table of the ~290,000 words of
 * the English word lists and the lists of share/redact costs each run
 * about 100 million instructions; the index holds that table, built once
 * by `make` (build/gen/lexicon-index), and a run maps it read-only.
 *
 * The index holds only public words (the word lists named by
 * share/redact/lexicon.json and the lists of share/redact), never a
 * user's: the names and allowed words a run adds stay in the run's own
 * table, keyed by the run's secret key (redact_lexicon.c), which is looked
 * up first. A word the run changes gets its own entry there, starting as
 * the index's.
 *
 * The file names every file the table was built from (a word list, each
 * candidate before it that did not exist, the lists of share/redact) with
 * its size, modification time, inode and a hash of its contents. Opening
 * checks the format (magic, format number, the package version, the
 * sizes and offsets of every part) and that each source is unchanged: the
 * same size, and the same time and inode or else the same contents. A
 * missing, stale, truncated or damaged index is not used: the run builds
 * the table from the lists as it always did, with the same results. A
 * look-up is bounded by the file's sizes (no read outside it, at most the
 * longest probe recorded), so a hostile file cannot crash a tool.
 */
#ifndef REDACT_INDEX_H
#define REDACT_INDEX_H

#include <stddef.h>

struct redact;
struct redact_word;
struct redact_index;

/* The index's place under the data folder (core/datadir). */
#define REDACT_INDEX_FILE "redact/lexicon.idx"

/*
 * The index held in buf[0..len) (borrowed: buf must outlive it and be
 * 4-byte aligned), its structure checked, its sources not; NULL with the
 * reason in why.
 */
struct redact_index *redact_index_parse(const void *buf, size_t len, char *why, size_t whysz);
/*
 * Map the index at path and check it and its sources; NULL with the reason
 * in why, which is empty when the file does not exist.
 */
struct redact_index *redact_index_open(const char *path, char *why, size_t whysz);
/* The entry of key[0..len), or NULL. */
const struct redact_word *redact_index_find(const struct redact_index *, const char *key,
                                            size_t len);
/* The words the index holds. */
size_t redact_index_words(const struct redact_index *);
void redact_index_close(struct redact_index *);

/*
 * Note a file the word table is being built from (path under the data
 * folder when relative, else as given), or a candidate that does not
 * exist (present 0): the index records each.
 */
void redact_index_source(struct redact *r, const char *path, int relative, int present);
/*
 * Write the index of r's words to path (a temporary file renamed into
 * place, mode 0644): r from redact_new_index(NULL, ...), before any name
 * or allowed word is added. 0, or -1 with err set.
 */
int redact_index_write(const struct redact *r, const char *path, char *err, size_t errsz);
/*
 * The words whose look-ups differ between built (a table built whole) and
 * other (the same, or one reading an index): every word of either table
 * is looked up in both. 0 when they agree.
 */
size_t redact_index_verify(const struct redact *built, const struct redact *other);

#endif
