/*
 * test_output.c: atomic output: new files 0600, existing files keep their
 * mode only when not wider than 0600, an aborted or failed output leaves the
 * target exactly as it was and no temporary file behind (signals and exit
 * included); a target that is not a regular file or absent, a read-only
 * file, a hard-linked file or one of the run's inputs is refused.
 */
#include <check.h>
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
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

/* Write "old\n" to a new file dir/name with the given mode; its path. */
static char *
old_file(const char *name, mode_t mode)
{
	char *path = xasprintf("%s/%s", dir, name);
	FILE *fp = fopen(path, "w");

	ck_assert_ptr_nonnull(fp);
	fputs("old\n", fp);
	fclose(fp);
	ck_assert_int_eq(chmod(path, mode), 0);
	return path;
}

/*
 * output_open(path) must fail with a message holding want, nothing left
 * behind in the folder; return the message.
 */
static const char *
refused(const char *path, const char *want)
{
	static char err[512];
	int before = entries();

	ck_assert_ptr_null(output_open(path, err, sizeof err));
	ck_assert_msg(strstr(err, want) != NULL, "want '%s', got '%s'", want, err);
	ck_assert_msg(strstr(err, path) != NULL, "the message does not name %s: %s", path, err);
	ck_assert_int_eq(entries(), before);
	return err;
}

START_TEST(existing_0600_kept)
{
	char err[256], *path = old_file("out.csv", 0600), *got;
	struct output *o;
	struct stat st;

	o = output_open(path, err, sizeof err);
	ck_assert_ptr_nonnull(o);
	fputs("new\n", output_stream(o));
	ck_assert_int_eq(output_commit(o, err, sizeof err), 0);
	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert_int_eq(st.st_mode & 07777, 0600);
	got = slurp(path);
	ck_assert_str_eq(got, "new\n");
	free(got);
	free(path);
}
END_TEST

START_TEST(existing_file_keeps_mode)
{
	char err[256], *path = old_file("out.csv", 0640), *got;
	struct output *o;
	struct stat st;

	/* Wider than 0600: narrowed (with a warning), never kept. */
	o = output_open(path, err, sizeof err);
	fputs("new\n", output_stream(o));
	ck_assert_int_eq(output_commit(o, err, sizeof err), 0);
	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert_int_eq(st.st_mode & 07777, 0600);
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

START_TEST(fifo_refused)
{
	char *path = xasprintf("%s/fifo", dir);

	ck_assert_int_eq(mkfifo(path, 0666), 0);
	refused(path, "named pipe");
	free(path);
}
END_TEST

START_TEST(socket_refused)
{
	struct sockaddr_un sa;
	int fd = socket(AF_UNIX, SOCK_STREAM, 0);

	ck_assert_int_ge(fd, 0);
	memset(&sa, 0, sizeof sa);
	sa.sun_family = AF_UNIX;
	snprintf(sa.sun_path, sizeof sa.sun_path, "%s/sock", dir);
	ck_assert_int_eq(bind(fd, (struct sockaddr *)&sa, sizeof sa), 0);
	refused(sa.sun_path, "socket");
	close(fd);
}
END_TEST

START_TEST(device_refused)
{
	ck_assert_str_eq(
	    refused("/dev/full", "device"),
	    "/dev/full: is a device; -o writes regular files only (and /dev/stdout, /dev/null)");
	ck_assert_ptr_nonnull(strstr(refused("/dev/zero", "device"), "device"));
}
END_TEST

START_TEST(symlink_refused)
{
	char *target = old_file("real.csv", 0666), *link = xasprintf("%s/link.csv", dir), *got;

	ck_assert_int_eq(symlink(target, link), 0);
	refused(link, "symbolic link");
	got = slurp(target);
	ck_assert_str_eq(got, "old\n");
	free(got);
	free(target);
	free(link);
}
END_TEST

/* A symbolic link put at the target during the run: the commit refuses it. */
START_TEST(symlink_swapped_in)
{
	char err[512], *other = old_file("other.csv", 0666), *path = xasprintf("%s/out.csv", dir);
	char *got;
	struct output *o = output_open(path, err, sizeof err);

	ck_assert_ptr_nonnull(o);
	fputs("secret\n", output_stream(o));
	ck_assert_int_eq(symlink(other, path), 0);
	ck_assert_int_eq(output_commit(o, err, sizeof err), -1);
	ck_assert_ptr_nonnull(strstr(err, "symbolic link"));
	got = slurp(other);
	ck_assert_str_eq(got, "old\n");
	ck_assert_int_eq(entries(), 2); /* other.csv and the link: no temporary */
	free(got);
	free(other);
	free(path);
}
END_TEST

START_TEST(read_only_refused)
{
	char *path = old_file("ro.csv", 0444), *got;

	refused(path, "read-only");
	got = slurp(path);
	ck_assert_str_eq(got, "old\n");
	free(got);
	free(path);
}
END_TEST

START_TEST(hard_link_refused)
{
	char *path = old_file("a.csv", 0600), *other = xasprintf("%s/b.csv", dir);

	ck_assert_int_eq(link(path, other), 0);
	refused(path, "hard link");
	free(path);
	free(other);
}
END_TEST

/* In a child: name an input (through a symbolic link to it) and write over it. */
START_TEST(input_refused)
{
	char *in = old_file("in.csv", 0600), *alias = xasprintf("%s/alias.csv", dir), *got;
	int status;
	pid_t pid;

	ck_assert_int_eq(symlink(in, alias), 0);
	pid = fork();
	ck_assert_int_ne(pid, -1);
	if (pid == 0) {
		char err[512];

		output_input(NULL); /* an option not given: nothing */
		output_input(alias);
		_exit(output_open(in, err, sizeof err) == NULL && strstr(err, "input") != NULL ? 0
		                                                                               : 1);
	}
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	got = slurp(in);
	ck_assert_str_eq(got, "old\n");
	free(got);
	free(in);
	free(alias);
}
END_TEST

/* A target name of NAME_MAX bytes: the temporary's name must fit too. */
START_TEST(longest_name)
{
	char err[256], name[NAME_MAX + 1], *path, *got;
	struct output *o;

	memset(name, 'x', NAME_MAX);
	memcpy(name + NAME_MAX - 4, ".csv", 5);
	path = xasprintf("%s/%s", dir, name);
	o = output_open(path, err, sizeof err);
	ck_assert_msg(o != NULL, "%s", err);
	fputs("a\n", output_stream(o));
	ck_assert_int_eq(output_commit(o, err, sizeof err), 0);
	got = slurp(path);
	ck_assert_str_eq(got, "a\n");
	ck_assert_int_eq(entries(), 1);
	free(got);
	free(path);
}
END_TEST

START_TEST(dev_null_discards)
{
	char err[256];
	struct output *o = output_open("/dev/null", err, sizeof err);
	struct stat st;

	ck_assert_ptr_nonnull(o);
	fputs("nothing\n", output_stream(o));
	ck_assert_int_eq(output_commit(o, err, sizeof err), 0);
	ck_assert_int_eq(stat("/dev/null", &st), 0);
	ck_assert(S_ISCHR(st.st_mode));
}
END_TEST

/* -o /dev/stdout with standard output closed: refused, nothing created. */
START_TEST(stdout_closed_refused)
{
	int status;
	pid_t pid = fork();

	ck_assert_int_ne(pid, -1);
	if (pid == 0) {
		char err[256];

		close(STDOUT_FILENO);
		_exit(output_open("/dev/stdout", err, sizeof err) == NULL &&
		              output_open(NULL, err, sizeof err) == NULL && strstr(err, "closed")
		          ? 0
		          : 1);
	}
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}
END_TEST

#ifndef __SANITIZE_ADDRESS__
static const int deadly[] = {SIGTERM, SIGINT, SIGHUP, SIGPIPE, 0};

/* A run killed by a signal (or ending in exit) half way leaves no temporary. */
START_TEST(signal_removes_temporary)
{
	char *path = old_file("out.csv", 0600), *got;
	int status, sig = deadly[_i];
	pid_t pid = fork();

	ck_assert_int_ne(pid, -1);
	if (pid == 0) {
		char err[256];
		struct output *o;

		signal(sig != 0 ? sig : SIGTERM, SIG_DFL);
		if ((o = output_open(path, err, sizeof err)) == NULL)
			_exit(3);
		fputs("half-writ", output_stream(o));
		fflush(output_stream(o));
		if (sig != 0)
			raise(sig);
		exit(2); /* as xalloc does on out of memory */
	}
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	if (sig != 0)
		ck_assert_msg(WIFSIGNALED(status) && WTERMSIG(status) == sig,
		              "did not die of signal %d", sig);
	else
		ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 2);
	ck_assert_int_eq(entries(), 1);
	got = slurp(path);
	ck_assert_str_eq(got, "old\n");
	free(got);
	free(path);
}
END_TEST
#endif

Suite *
make_suite_output(void)
{
	Suite *s = suite_create("output");
	TCase *tc = tcase_create("atomic");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, new_file_is_0600);
	tcase_add_test(tc, existing_file_keeps_mode);
	tcase_add_test(tc, existing_0600_kept);
	tcase_add_test(tc, fifo_refused);
	tcase_add_test(tc, socket_refused);
	tcase_add_test(tc, device_refused);
	tcase_add_test(tc, symlink_refused);
	tcase_add_test(tc, read_only_refused);
	tcase_add_test(tc, symlink_swapped_in);
	tcase_add_test(tc, hard_link_refused);
	tcase_add_test(tc, input_refused);
	tcase_add_test(tc, longest_name);
	tcase_add_test(tc, dev_null_discards);
	tcase_add_test(tc, stdout_closed_refused);
#ifndef __SANITIZE_ADDRESS__
	/*
	 * A child killed by a signal under AddressSanitizer runs its leak check
	 * with everything the parent's earlier tests hold (CK_FORK=no in .ci/run's
	 * sanitizer pass): the plain build runs this test in every make check.
	 */
	tcase_add_loop_test(tc, signal_removes_temporary, 0, 5);
#endif
	tcase_add_test(tc, abort_leaves_target);
	tcase_add_test(tc, unwritable_folder);
	tcase_add_test(tc, directory_target);
	tcase_add_test(tc, stdout_full_disk_fails);
	suite_add_tcase(s, tc);
	return s;
}
