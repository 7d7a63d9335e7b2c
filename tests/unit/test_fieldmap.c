/*
 * test_fieldmap.c: the Annex A field definitions and header matching:
 * names that differ only in case, spaces and punctuation, aliases real
 * exports use, duplicate and missing columns, and load errors.
 */
#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/datadir.h"
#include "core/fieldmap.h"
#include "core/xalloc.h"

static struct fieldmap *fm;

static void
setup(void)
{
	char err[512] = "";

	fm = fieldmap_load_named("annexa", err, sizeof err);
	ck_assert_msg(fm != NULL, "annexa: %s", err);
}

static void
teardown(void)
{
	fieldmap_free(fm);
	fm = NULL;
}

static const struct {
	const char *key;
	const char *name;
	int required;
	int personal;
} annexa[] = {
    {"case_id", "Case ID", 1, 0},
    {"case_name", "Case name", 1, 1},
    {"gender", "Gender", 1, 1},
    {"ethnicity", "Ethnicity", 1, 1},
    {"disability", "Disability (Y/N)", 1, 1},
    {"date_of_birth", "Date of birth", 1, 1},
    {"lead_application", "Lead application", 1, 0},
    {"law_type", "Law type", 1, 0},
    {"case_type", "Case type", 1, 0},
    {"practitioner", "Practitioner", 1, 1},
    {"team", "Team", 1, 0},
    {"service_area", "Service area", 1, 0},
    {"local_authority", "Local authority (Public law)", 0, 0},
    {"court", "Court", 1, 0},
    {"file_location", "File location", 0, 1},
    /* added in September 2025, required only in that form (check-annexA) */
    {"child_id", "Child ID", 0, 0},
    {"case_start_date", "Case start date", 0, 0},
    {"case_end_date", "Case end date", 0, 0},
    {"seen_in_person", "Child seen in person (Y/N)", 0, 0},
    {"s7_filed", "Section 7 report filed (Y/N)", 0, 0},
    {"audit", "Audit (Y/N)", 0, 0},
};

START_TEST(test_fieldmap_annexa)
{
	ck_assert_uint_eq(fieldmap_count(fm), sizeof annexa / sizeof annexa[0]);
	ck_assert_int_eq(fieldmap_index(fm, annexa[_i].key), _i);
	ck_assert_str_eq(fieldmap_key(fm, (size_t)_i), annexa[_i].key);
	ck_assert_str_eq(fieldmap_name(fm, (size_t)_i), annexa[_i].name);
	ck_assert_int_eq(fieldmap_required(fm, (size_t)_i), annexa[_i].required);
	ck_assert_int_eq(fieldmap_personal(fm, (size_t)_i), annexa[_i].personal);
	ck_assert_int_eq(fieldmap_match(fm, annexa[_i].name), _i);
	ck_assert_int_eq(fieldmap_match(fm, annexa[_i].key), _i);
}
END_TEST

static const struct {
	const char *header;
	const char *key; /* NULL: no field */
} headers[] = {
    {"Disability (Y/N)", "disability"},
    {"disability", "disability"},
    {"DISABILITY_Y_N", "disability"},
    {"Disabled", "disability"},
    {"Case ID", "case_id"},
    {"CASE_ID", "case_id"},
    {"case id", "case_id"},
    {"\xef\xbb\xbf"
     "Case ID",
     "case_id"},
    {"Case\xc2\xa0ID", "case_id"},
    {"Case ref", "case_id"},
    {"Case Reference", "case_id"},
    {"Case number", "case_id"},
    {"Case No.", "case_id"},
    {"Case name", "case_name"},
    {"Sex", "gender"},
    {"Ethnic origin", "ethnicity"},
    {"  Date of birth  ", "date_of_birth"},
    {"date-of-birth", "date_of_birth"},
    {"DOB", "date_of_birth"},
    {"D.O.B.", "date_of_birth"},
    {"Birth date", "date_of_birth"},
    {"Lead app", "lead_application"},
    {"Lead applicant type", "lead_application"},
    {"Law", "law_type"},
    {"Proceedings", "law_type"},
    {"LawType", "law_type"},
    {"Order type", "case_type"},
    {"Application type", "case_type"},
    {"FCA", "practitioner"},
    {"Family Court Adviser", "practitioner"},
    {"Allocated worker", "practitioner"},
    {"Children's Guardian", "practitioner"},
    {"Team name", "team"},
    {"CSA", "service_area"},
    {"Service area name", "service_area"},
    {"Local authority (Public law)", "local_authority"},
    {"Local authority", "local_authority"},
    {"LA", "local_authority"},
    {"Court name", "court"},
    {"Court centre", "court"},
    {"File location (if not electronic)", "file_location"},
    {"File location", "file_location"},
    {"Date filed", "case_start_date"},
    {"Date opened", "case_start_date"},
    {"Date closed", "case_end_date"},
    {"Date case closed", "case_end_date"},
    {"CASE_END_DATE", "case_end_date"},
    {"Child ref", "child_id"},
    {"Child I.D.", "child_id"},
    {"Seen face to face", "seen_in_person"},
    {"Child seen in person?", "seen_in_person"},
    {"S7 filed", "s7_filed"},
    {"Section 7 report filed", "s7_filed"},
    {"Audited", "audit"},
    {"AUDIT_Y_N", "audit"},
    {"Child", NULL},
    {"Date", NULL},
    {"Notes", NULL},
    {"", NULL},
    {"  ", NULL},
    {"()", NULL},
    {"Case", NULL},
};

START_TEST(test_fieldmap_match)
{
	long f = fieldmap_match(fm, headers[_i].header);

	if (headers[_i].key == NULL) {
		ck_assert_msg(f == -1, "\"%s\" matched \"%s\"", headers[_i].header,
		              fieldmap_key(fm, (size_t)f));
		return;
	}
	ck_assert_msg(f >= 0, "\"%s\" matched nothing", headers[_i].header);
	ck_assert_str_eq(fieldmap_key(fm, (size_t)f), headers[_i].key);
}
END_TEST

START_TEST(test_fieldmap_bind_example)
{
	static const char *const header[] = {"Case ID",
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
	                                     "Date closed"};
	struct fieldmap_binding b;
	size_t i;

	fieldmap_bind(fm, header, 16, &b);
	ck_assert_uint_eq(b.nfields, 21);
	ck_assert_uint_eq(b.ncolumns, 16);
	ck_assert_uint_eq(b.nduplicates, 0);
	for (i = 0; i < 15; i++) {
		ck_assert_int_eq(b.column[i], (long)i);
		ck_assert_int_eq(b.field[i], (long)i);
	}
	/* Date closed is the 2025 form's Case end date; the other five are absent */
	ck_assert_int_eq(b.field[15], fieldmap_index(fm, "case_end_date"));
	for (i = 15; i < 21; i++)
		ck_assert_int_eq(b.column[i],
		                 (long)i == fieldmap_index(fm, "case_end_date") ? 15 : -1);
	fieldmap_unbind(&b);
	ck_assert_ptr_null(b.column);
	ck_assert_ptr_null(b.field);
	ck_assert_ptr_null(b.duplicates);
}
END_TEST

START_TEST(test_fieldmap_bind_duplicates_missing)
{
	static const char *const header[] = {"Notes",         "Case ref",    "CASE_ID", "dob",
	                                     "Date of birth", "Case number", "Sex",     NULL};
	struct fieldmap_binding b;
	size_t i, bound = 0;

	fieldmap_bind(fm, header, 8, &b);
	ck_assert_uint_eq(b.ncolumns, 8);
	ck_assert_int_eq(b.field[0], -1);
	ck_assert_int_eq(b.column[fieldmap_index(fm, "case_id")], 1); /* the first wins */
	ck_assert_int_eq(b.column[fieldmap_index(fm, "date_of_birth")], 3);
	ck_assert_int_eq(b.column[fieldmap_index(fm, "gender")], 6);
	ck_assert_int_eq(b.field[1], fieldmap_index(fm, "case_id"));
	ck_assert_int_eq(b.field[2], fieldmap_index(fm, "case_id")); /* a duplicate */
	ck_assert_int_eq(b.field[4], fieldmap_index(fm, "date_of_birth"));
	ck_assert_int_eq(b.field[5], fieldmap_index(fm, "case_id"));
	ck_assert_int_eq(b.field[7], -1);
	ck_assert_uint_eq(b.nduplicates, 3);
	ck_assert_uint_eq(b.duplicates[0], 2);
	ck_assert_uint_eq(b.duplicates[1], 4);
	ck_assert_uint_eq(b.duplicates[2], 5);
	for (i = 0; i < b.nfields; i++)
		if (b.column[i] >= 0)
			bound++;
	ck_assert_uint_eq(bound, 3);
	/* Every required field but those three is missing. */
	ck_assert_int_eq(b.column[fieldmap_index(fm, "case_type")], -1);
	ck_assert_int_eq(b.column[fieldmap_index(fm, "court")], -1);
	fieldmap_unbind(&b);
}
END_TEST

START_TEST(test_fieldmap_bind_empty)
{
	struct fieldmap_binding b;
	size_t i;

	fieldmap_bind(fm, NULL, 0, &b);
	ck_assert_uint_eq(b.ncolumns, 0);
	ck_assert_uint_eq(b.nduplicates, 0);
	for (i = 0; i < b.nfields; i++)
		ck_assert_int_eq(b.column[i], -1);
	fieldmap_unbind(&b);
}
END_TEST

static const struct {
	const char *json;
	const char *want;
} bad[] = {
    {"{\"fields\": [\n{\"key\": \"a\" \"name\": \"A\"}]}", ":2:"},
    {"{\"fields\": {}}", ": needs a \"fields\" array"},
    {"{\"fields\": [{\"key\": \"a\"}]}", ": field 1: needs \"key\" and \"name\""},
    {"{\"fields\": [{\"key\": \"a\", \"name\": \"A\"}, {\"key\": \"a\", \"name\": \"B\"}]}",
     ": fields 1 and 2 share the key \"a\""},
    {"{\"fields\": [{\"key\": \"a\", \"name\": \"Alpha\", \"aliases\": [\"Al\"]},"
     " {\"key\": \"b\", \"name\": \"Beta\", \"aliases\": [\"A.L.\"]}]}",
     ": fields \"a\" and \"b\" both answer to \"A.L.\""},
    {"{\"fields\": [{\"key\": \"a\", \"name\": \"Alpha\"}, {\"key\": \"b\", \"name\": \"ALPHA\"}]}",
     ": fields \"a\" and \"b\" both answer to \"ALPHA\""},
    {"{\"fields\": [{\"key\": \"a\", \"name\": \"A\", \"aliases\": \"x\"}]}",
     ": field \"a\": \"aliases\" must be an array"},
    {"{\"fields\": [{\"key\": \"a\", \"name\": \"A\", \"aliases\": [2]}]}",
     ": field \"a\": aliases must be strings"},
    {"{\"fields\": [{\"key\": \"a\", \"name\": \"(?)\"}]}", "has no letters or digits"},
};

START_TEST(test_fieldmap_bad)
{
	char path[] = "/tmp/test_fieldmap.XXXXXX";
	char err[512] = "";
	int fd = mkstemp(path);
	size_t n = strlen(bad[_i].json);

	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, bad[_i].json, n), (int)n);
	close(fd);
	ck_assert_ptr_null(fieldmap_load(path, err, sizeof err));
	ck_assert_msg(strncmp(err, path, strlen(path)) == 0, "\"%s\" does not name the file", err);
	ck_assert_msg(strstr(err, bad[_i].want) != NULL, "\"%s\" lacks \"%s\"", err, bad[_i].want);
	unlink(path);
}
END_TEST

/*
 * A list of fields with n names, keys and aliases in all (n a multiple of
 * 4: each field has a name, a key and two aliases), all distinct, in path.
 */
static void
write_many_forms(const char *path, size_t n)
{
	FILE *fp = fopen(path, "w");
	size_t i;

	ck_assert_ptr_nonnull(fp);
	fputs("{\"fields\": [", fp);
	for (i = 0; i < n / 4; i++)
		fprintf(fp,
		        "%s{\"key\": \"k%zu\", \"name\": \"Name %zu\", \"aliases\": [\"a%zu\", "
		        "\"b%zu\"]}",
		        i ? ", " : "", i, i, i, i);
	fputs("]}", fp);
	ck_assert_int_eq(fclose(fp), 0);
}

/* 4,096 names, keys and aliases in all load, each found; one field more is refused. */
START_TEST(test_fieldmap_most_forms)
{
	char path[] = "/tmp/test_fieldmap.XXXXXX";
	char err[512] = "", name[32];
	struct fieldmap *f;
	int fd = mkstemp(path);
	size_t i;

	ck_assert_int_ge(fd, 0);
	close(fd);
	write_many_forms(path, 4096);
	f = fieldmap_load(path, err, sizeof err);
	ck_assert_msg(f != NULL, "%s", err);
	ck_assert_uint_eq(fieldmap_count(f), 1024);
	for (i = 0; i < 1024; i++) {
		snprintf(name, sizeof name, "NAME-%zu", i);
		ck_assert_int_eq(fieldmap_match(f, name), (long)i);
		snprintf(name, sizeof name, "B%zu", i);
		ck_assert_int_eq(fieldmap_match(f, name), (long)i);
	}
	ck_assert_int_eq(fieldmap_match(f, "Name 1024"), -1);
	fieldmap_free(f);
	write_many_forms(path, 4100);
	ck_assert_ptr_null(fieldmap_load(path, err, sizeof err));
	ck_assert_msg(strstr(err, ": field \"k1024\": more than 4096 names in the list") != NULL,
	              "%s", err);
	unlink(path);
}
END_TEST

START_TEST(test_fieldmap_missing_file)
{
	char err[512] = "";

	ck_assert_ptr_null(fieldmap_load_named("no-such-fields", err, sizeof err));
	ck_assert_ptr_nonnull(strstr(err, "fields/no-such-fields.json: "));
}
END_TEST

/* Every field list shipped in share/fields loads, fields with unique keys. */
START_TEST(test_fieldmap_every_shipped_file)
{
	char *dir = datadir_path("fields"), *path, err[512];
	struct fieldmap *f;
	struct dirent *de;
	size_t n, files = 0, i;
	DIR *d;

	d = opendir(dir);
	ck_assert_msg(d != NULL, "%s", dir);
	while ((de = readdir(d)) != NULL) {
		n = strlen(de->d_name);
		if (n <= 5 || strcmp(de->d_name + n - 5, ".json") != 0)
			continue;
		files++;
		path = xasprintf("%s/%s", dir, de->d_name);
		f = fieldmap_load(path, err, sizeof err);
		ck_assert_msg(f != NULL, "%s", err);
		ck_assert_uint_gt(fieldmap_count(f), 0);
		for (i = 0; i < fieldmap_count(f); i++)
			ck_assert_int_eq(fieldmap_match(f, fieldmap_name(f, i)), (long)i);
		fieldmap_free(f);
		free(path);
	}
	closedir(d);
	free(dir);
	ck_assert_uint_ge(files, 1);
}
END_TEST

Suite *make_suite_fieldmap(void);

Suite *
make_suite_fieldmap(void)
{
	Suite *s = suite_create("fieldmap");
	TCase *tc = tcase_create("fieldmap");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_loop_test(tc, test_fieldmap_annexa, 0, sizeof annexa / sizeof annexa[0]);
	tcase_add_loop_test(tc, test_fieldmap_match, 0, sizeof headers / sizeof headers[0]);
	tcase_add_test(tc, test_fieldmap_bind_example);
	tcase_add_test(tc, test_fieldmap_bind_duplicates_missing);
	tcase_add_test(tc, test_fieldmap_bind_empty);
	tcase_add_loop_test(tc, test_fieldmap_bad, 0, sizeof bad / sizeof bad[0]);
	tcase_add_test(tc, test_fieldmap_missing_file);
	tcase_add_test(tc, test_fieldmap_most_forms);
	tcase_add_test(tc, test_fieldmap_every_shipped_file);
	suite_add_tcase(s, tc);
	return s;
}
