/*
 * datadir.h: where the reference data (share/) is. In order:
 * $CAFCASS_INSPECT_DATA; the source tree's share/ when the tool runs from
 * bin/; <prefix>/share/cafcass-inspect beside the installed binary; the
 * compiled-in DATADIR. A candidate counts only if it holds the file VERSION.
 */
#ifndef DATADIR_H
#define DATADIR_H

/* The data folder (static storage). Never NULL: the last candidate. */
const char *datadir(void);
/* A new string: the data folder joined with rel ("vocab/gender.json"). */
char *datadir_path(const char *rel);
/* A new string: the data folder's DIR/NAME.EXT ("vocab", "gender", "json"). */
char *datadir_named(const char *dir, const char *name, const char *ext);

#endif
