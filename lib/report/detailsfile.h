/*
 * detailsfile.h: the typed reader of the details JSON that fills the
 * letters of the handbook's Annexes B, C and D
 * (share/schemas/details.schema.json, contract section 7). Each key is
 * named once, in the table of detailsfile.c. Annex C lists the inspectors
 * with their mobile numbers and Annex D gives a telephone number and an
 * e-mail address, so the lead inspector and each inspector carry both.
 *
 * Ownership: detailsfile_read() fills a struct the caller releases with
 * detailsfile_free(); its strings are its own copies.
 */
#ifndef DETAILSFILE_H
#define DETAILSFILE_H

#include <stddef.h>

#include <jansson.h>

struct detailsfile_person {
	char *name, *phone, *email;
};

struct detailsfile {
	char *chief_executive;
	char *lead_inspector, *lead_inspector_phone, *lead_inspector_email;
	char *lead_inspector_contact; /* older files: one contact, phone or e-mail */
	char *qa_manager, *qa_manager_contact;
	char *service_area;
	char *inspection_start; /* ISO date, checked */
	char *spoken_to;
	struct detailsfile_person *inspectors;
	size_t ninspectors;
};

/*
 * Read a details document. 0, or -1 with "key: what" in err (never a
 * value); d is then empty. An unknown key is an error naming it.
 */
int detailsfile_read(const json_t *, struct detailsfile *d, char *err, size_t errsz);
void detailsfile_free(struct detailsfile *d);

#endif
