/*
 * casename.h: does a case name read as a person's full name ("Sarah
 * Thompson", "THOMPSON, Sarah") rather than a court reference ("Re A (A
 * Child)", "Kent County Council v M")? The heuristic strips the court style
 * (a leading "Re" / "In the matter of", parenthesised parts), splits the
 * parties at "v", "vs", "and", "&", and calls a party a full name when it is
 * two to four words of letters, none of them court vocabulary, initials or
 * titles, and either one word is a known first name or every word is written
 * in Title case. The word lists are data: share/annexa/first-names.txt and
 * share/annexa/court-words.txt (one lower-case word a line, '#' comments).
 *
 * Ownership: a struct casename owns its lists; casename_identifying() only
 * reads its argument and never keeps it.
 */
#ifndef CASENAME_H
#define CASENAME_H

#include <stddef.h>

struct casename;

/* Load both lists from the data folder; NULL with "PATH: reason" in err. */
struct casename *casename_load(char *err, size_t errsz);
/* Load from two named files (tests). */
struct casename *casename_load_files(const char *first_names, const char *court_words, char *err,
                                     size_t errsz);
void casename_free(struct casename *);
/* 1 when the case name s reads as a person's full name, else 0. */
int casename_identifying(const struct casename *, const char *s);

#endif
