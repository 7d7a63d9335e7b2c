/*
 * test_output.c: atomic output: new files 0600, existing files keep their
 * mode, an aborted or failed output leaves the target exactly as it was and
 * no temporary file behind.
 */
#include <check.h>
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/output.h"
#include "core/xalloc.h"

Suite *make_suite_output(void);

static char dir[64];

static void
setup(void)
{
	strcpy(dir, "/tmp/ci-output-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
}

static void
teardown(void)
{
	char *cmd = xasprintf("rm -rf %s", dir);

	ck_assert_int_eq(system(cmd), 0);
	free(cmd);
}

/* Number of entries in dir other than . and .. */
static int
entries(void)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	ck_assert_ptr_nonnull(d);
	while ((e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			n++;
	closedir(d);
	return n;
}

static char *
slurp(const char *path)
{
	FILE *fp = fopen(path, "r");
	char *buf = xcalloc(1, 4096);

	ck_assert_ptr_nonnull(fp);
	ck_assert_uint_lt(fread(buf, 1, 4095, fp), 4095);
	fclose(fp);
	return buf;
}

START_TEST(new_file_is_0600)
{
	char err[256], *path = xasprintf("%s/out.csv", dir), *got;
	struct output *o;
	struct stat st;

	umask(022);
	o = output_open(path, err, sizeof err);
	ck_assert_ptr_nonnull(o);
	fputs("a,b\n", output_stream(o));
	ck_assert_int_eq(entries(), 1); /* only the temporary file */
	ck_assert_int_eq(access(path, F_OK), -1);
	ck_assert_int_eq(output_commit(o, err, sizeof err), 0);
	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert_int_eq(st.st_mode & 07777, 0600);
	got = slurp(path);
	ck_assert_str_eq(got, "a,b\n");
	ck_assert_int_eq(entries(), 1);
	free(got);
	free(path);
}
END_TEST

START_TEST(existing_file_keeps_mode)
{
	char err[256], *path = xasprintf("%s/out.csv", dir), *got;
	struct output *o;
	struct stat st;
	FILE *fp = fopen(path, "w");

	fputs("old\n", fp);
	fclose(fp);
	ck_assert_int_eq(chmod(path, 0640), 0);
	o = output_open(path, err, sizeof err);
	fputs("new\n", output_stream(o));
	ck_assert_int_eq(output_commit(o, err, sizeof err), 0);
	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert_int_eq(st.st_mode & 07777, 0640);
	got = slurp(path);
	ck_assert_str_eq(got, "new\n");
	free(got);
	free(path);
}
END_TEST

START_TEST(abort_leaves_target)
{
	char err[256], *path = xasprintf("%s/out.csv", dir), *got;
	struct output *o;
	FILE *fp = fopen(path, "w");

	fputs("precious\n", fp);
	fclose(fp);
	o = output_open(path, err, sizeof err);
	fputs("half-writ", output_stream(o));
	output_abort(o);
	got = slurp(path);
	ck_assert_str_eq(got, "precious\n");
	ck_assert_int_eq(entries(), 1);
	free(got);
	free(path);
}
END_TEST

START_TEST(unwritable_folder)
{
	char err[256];
	struct output *o = output_open("/nonexistent-folder/x.csv", err, sizeof err);

	ck_assert_ptr_null(o);
	ck_assert_ptr_nonnull(strstr(err, "/nonexistent-folder/x.csv"));
}
END_TEST

START_TEST(directory_target)
{
	char err[256];
	struct output *o = output_open(dir, err, sizeof err);

	ck_assert_ptr_null(o);
	ck_assert_ptr_nonnull(strstr(err, "is a directory"));
}
END_TEST

START_TEST(stdout_full_disk_fails)
{
	char err[256];
	struct output *o;
	int saved = dup(STDOUT_FILENO), full = open("/dev/full", O_WRONLY);

	/* Point stdout at a full disk, and put it back afterwards (CK_FORK=no runs). */
	ck_assert_int_ge(saved, 0);
	ck_assert_int_ge(full, 0);
	fflush(stdout);
	ck_assert_int_ge(dup2(full, STDOUT_FILENO), 0);
	close(full);
	o = output_open(NULL, err, sizeof err);
	ck_assert_ptr_nonnull(o);
	ck_assert_str_eq(output_name(o), "<stdout>");
	fputs("data that cannot be written\n", output_stream(o));
	ck_assert_int_eq(output_commit(o, err, sizeof err), -1);
	clearerr(stdout);
	ck_assert_int_ge(dup2(saved, STDOUT_FILENO), 0);
	close(saved);
	ck_assert_ptr_nonnull(strstr(err, "write error"));
}
END_TEST

Suite *
make_suite_output(void)
{
	Suite *s = suite_create("output");
	TCase *tc = tcase_create("atomic");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, new_file_is_0600);
	tcase_add_test(tc, existing_file_keeps_mode);
	tcase_add_test(tc, abort_leaves_target);
	tcase_add_test(tc, unwritable_folder);
	tcase_add_test(tc, directory_target);
	tcase_add_test(tc, stdout_full_disk_fails);
	suite_add_tcase(s, tc);
	return s;
}
