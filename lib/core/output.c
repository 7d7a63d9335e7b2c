/*
 * output.c: all-or-nothing output to a named file (a temporary file in the
 * target's folder, renamed into place) or to standard output (buffered in an
 * unnamed temporary file and copied out only on commit).
 *
 * The target's folder is opened once and every later step is relative to it
 * (openat, fstatat, renameat), so a folder or link swapped during the run
 * cannot redirect the write. The final component is never followed: a
 * symbolic link there is refused, as open(O_NOFOLLOW) would. The temporaries
 * being written are listed in a table that a signal handler and an atexit
 * handler read, so that no temporary survives SIGTERM, SIGINT, SIGHUP,
 * SIGPIPE or an exit() from anywhere (out of memory, a usage error).
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/diag.h"
#include "core/output.h"
#include "core/xalloc.h"

#define OUTPUT_SLOTS 8 /* named outputs open at once (a tool has one) */
#define OUTPUT_TMP_TAIL 8 /* "." before the name, "." and 6 random characters after */

struct output {
	char *path; /* target as given, NULL for standard output */
	const char *base; /* its final component, inside path */
	int dirfd; /* the target's folder, -1 for standard output, /dev/null */
	char tmp[NAME_MAX + 1]; /* the temporary's name in dirfd */
	int slot; /* its entry in pending[], -1 when none */
	int fd; /* the temporary's descriptor, written through fp */
	int werr; /* errno of the first failed write, or 0 */
	FILE *fp;
	int discard; /* -o /dev/null */
	mode_t mode; /* mode of the result */
	mode_t narrowed; /* the existing file's wider mode, or 0 */
	int chown; /* run as root over another user's file: keep its owner */
	uid_t uid;
	gid_t gid;
};

/* The temporaries to remove on a signal or at exit; read by the handler. */
static struct {
	volatile sig_atomic_t used;
	int dirfd;
	char name[NAME_MAX + 1];
} pending[OUTPUT_SLOTS];

static const int caught[] = {SIGTERM, SIGINT, SIGHUP, SIGPIPE};
static int handlers_set;

/* The run's input files by device and inode (output_input). */
static struct fileid {
	dev_t dev;
	ino_t ino;
} * inputs;
static size_t ninputs;

/* Remove every pending temporary: only async-signal-safe calls. */
static void
remove_pending(void)
{
	size_t i;

	for (i = 0; i < OUTPUT_SLOTS; i++)
		if (pending[i].used) {
			unlinkat(pending[i].dirfd, pending[i].name, 0);
			pending[i].used = 0;
		}
}

/* A fatal signal: remove the temporaries, then die of the signal. */
static void
on_signal(int sig)
{
	int saved = errno;

	remove_pending();
	signal(sig, SIG_DFL);
	raise(sig); /* delivered when the handler returns */
	errno = saved;
}

static void
on_exit_remove(void)
{
	remove_pending();
	free(inputs);
	inputs = NULL;
	ninputs = 0;
}

/* Catch the signals that end a run (those not ignored or handled already). */
static void
install_handlers(void)
{
	struct sigaction sa, old;
	size_t i;

	if (handlers_set)
		return;
	handlers_set = 1;
	atexit(on_exit_remove);
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigfillset(&sa.sa_mask);
	for (i = 0; i < sizeof caught / sizeof caught[0]; i++)
		if (sigaction(caught[i], NULL, &old) == 0 && old.sa_handler == SIG_DFL)
			sigaction(caught[i], &sa, NULL);
}

/* Block (how = SIG_BLOCK) or restore the caught signals around a change to pending[]. */
static void
hold_signals(int how, sigset_t *saved)
{
	sigset_t set;
	size_t i;

	if (how == SIG_BLOCK) {
		sigemptyset(&set);
		for (i = 0; i < sizeof caught / sizeof caught[0]; i++)
			sigaddset(&set, caught[i]);
		sigprocmask(SIG_BLOCK, &set, saved);
	} else
		sigprocmask(SIG_SETMASK, saved, NULL);
}

/* Take the temporary off the pending list (renamed or removed). */
static void
forget_temp(struct output *o)
{
	sigset_t saved;

	if (o->slot < 0)
		return;
	hold_signals(SIG_BLOCK, &saved);
	pending[o->slot].used = 0;
	hold_signals(SIG_SETMASK, &saved);
	o->slot = -1;
}

/* Add the file of st to the run's inputs. */
static void
input_add(const struct stat *st)
{
	inputs = xreallocarray(inputs, ninputs + 1, sizeof *inputs);
	inputs[ninputs].dev = st->st_dev;
	inputs[ninputs].ino = st->st_ino;
	ninputs++;
	install_handlers(); /* for the atexit that frees the list */
}

void
output_input(const char *path)
{
	struct stat st;

	if (path == NULL)
		return;
	if (strcmp(path, "-") == 0) {
		if (fstat(STDIN_FILENO, &st) != 0 || !S_ISREG(st.st_mode))
			return;
	} else if (stat(path, &st) != 0)
		return;
	input_add(&st);
}

FILE *
output_input_open(const char *path)
{
	FILE *fp = fopen(path, "rb");
	struct stat st;

	if (fp != NULL && fstat(fileno(fp), &st) == 0 && S_ISREG(st.st_mode))
		input_add(&st);
	return fp;
}

static int
is_input(const struct stat *st)
{
	size_t i;

	for (i = 0; i < ninputs; i++)
		if (inputs[i].dev == st->st_dev && inputs[i].ino == st->st_ino)
			return 1;
	return 0;
}

/*
 * Check what is at the target now: absent, or a regular file that may be
 * replaced; set the result's mode (and owner). 0, or -1 with err set.
 */
static int
check_target(struct output *o, char *err, size_t errsz)
{
	struct stat st;
	const char *why = NULL;

	o->mode = 0600;
	o->narrowed = 0;
	o->chown = 0;
	if (fstatat(o->dirfd, o->base, &st, AT_SYMLINK_NOFOLLOW) == -1) {
		if (errno == ENOENT)
			return 0;
		snprintf(err, errsz, "%s: %s", o->path, strerror(errno));
		return -1;
	}
	if (S_ISLNK(st.st_mode))
		why = "is a symbolic link; -o never follows one (name the file it points to)";
	else if (S_ISDIR(st.st_mode))
		why = "is a directory";
	else if (S_ISFIFO(st.st_mode))
		why = "is a named pipe (FIFO); -o writes regular files only";
	else if (S_ISSOCK(st.st_mode))
		why = "is a socket; -o writes regular files only";
	else if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode))
		why = "is a device; -o writes regular files only (and /dev/stdout, /dev/null)";
	else if (!S_ISREG(st.st_mode))
		why = "is not a regular file";
	else if (is_input(&st))
		why = "is one of this run's input files; writing it would destroy the input";
	else if (!(st.st_mode & S_IWUSR) || faccessat(o->dirfd, o->base, W_OK, AT_EACCESS) != 0)
		why = "is read-only; -o does not replace a protected file (make it writable or "
		      "remove "
		      "it first)";
	else if (st.st_uid != geteuid() && geteuid() != 0)
		why = "belongs to another user; replacing it would change its owner";
	else if (st.st_nlink > 1)
		why = "has other hard links; replacing it would leave them with the old content";
	if (why != NULL) {
		snprintf(err, errsz, "%s: %s", o->path, why);
		return -1;
	}
	o->mode = st.st_mode & 0600;
	if ((st.st_mode & 07777 & ~(mode_t)0600) != 0)
		o->narrowed = st.st_mode & 07777;
	o->chown = st.st_uid != geteuid() || st.st_gid != getegid();
	o->uid = st.st_uid;
	o->gid = st.st_gid;
	return 0;
}

/* Six random characters for a temporary's name. */
static void
random_tail(char *out)
{
	static const char chars[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
	static unsigned long counter;
	unsigned char r[6];
	size_t i;

	if (getrandom(r, sizeof r, GRND_NONBLOCK) != (ssize_t)sizeof r) {
		unsigned long x = (unsigned long)getpid() * 2654435761UL + ++counter * 40503UL;

		for (i = 0; i < sizeof r; i++, x >>= 5)
			r[i] = (unsigned char)x;
	}
	for (i = 0; i < sizeof r; i++)
		out[i] = chars[r[i] % (sizeof chars - 1)];
	out[sizeof r] = '\0';
}

/*
 * Create the temporary ".NAME.XXXXXX" beside the target, mode 0600, listed
 * for removal. NAME is cut (at a character boundary) so that the temporary's
 * name fits whenever the target's does. The descriptor, or -1 with err set.
 */
static int
make_temp(struct output *o, char *err, size_t errsz)
{
	size_t keep = strlen(o->base);
	char tail[7];
	sigset_t saved;
	int fd = -1, slot, tries;

	if (keep > NAME_MAX - OUTPUT_TMP_TAIL) {
		keep = NAME_MAX - OUTPUT_TMP_TAIL;
		while (keep > 0 && ((unsigned char)o->base[keep] & 0xC0) == 0x80)
			keep--;
	}
	for (slot = 0; slot < OUTPUT_SLOTS && pending[slot].used; slot++)
		;
	if (slot == OUTPUT_SLOTS) {
		snprintf(err, errsz, "%s: too many output files open at once", o->path);
		return -1;
	}
	install_handlers();
	for (tries = 0; tries < 100; tries++) {
		random_tail(tail);
		snprintf(o->tmp, sizeof o->tmp, ".%.*s.%s", (int)keep, o->base, tail);
		hold_signals(SIG_BLOCK, &saved);
		fd = openat(o->dirfd, o->tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
		            0600);
		if (fd >= 0) {
			pending[slot].dirfd = o->dirfd;
			memcpy(pending[slot].name, o->tmp, sizeof o->tmp);
			pending[slot].used = 1;
			o->slot = slot;
		}
		hold_signals(SIG_SETMASK, &saved);
		if (fd >= 0 || errno != EEXIST)
			break;
	}
	if (fd < 0)
		snprintf(err, errsz, "%s: cannot create a file there: %s", o->path,
		         strerror(errno));
	return fd;
}

/* Open the folder of o->path and find its final component. 0 or -1. */
static int
open_folder(struct output *o, char *err, size_t errsz)
{
	const char *slash = strrchr(o->path, '/');
	char *dir;

	if (slash == NULL) {
		dir = xstrdup(".");
		o->base = o->path;
	} else {
		dir =
		    slash == o->path ? xstrdup("/") : xstrndup(o->path, (size_t)(slash - o->path));
		o->base = slash + 1;
	}
	if (*o->base == '\0') {
		snprintf(err, errsz, "%s: names a folder, not a file", o->path);
		free(dir);
		return -1;
	}
	o->dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (o->dirfd == -1 && errno == EACCES) /* a write-only drop folder */
		o->dirfd = open(dir, O_PATH | O_DIRECTORY | O_CLOEXEC);
	free(dir);
	if (o->dirfd == -1) {
		snprintf(err, errsz, "%s: cannot create a file there: %s", o->path,
		         strerror(errno));
		return -1;
	}
	return 0;
}

static void
output_free(struct output *o)
{
	forget_temp(o);
	if (o->dirfd >= 0)
		close(o->dirfd);
	free(o->path);
	free(o);
}

/* Standard output (buffered) or /dev/null (discarded). */
static struct output *
open_stream(struct output *o, int discard, char *err, size_t errsz)
{
	if (discard) {
		o->discard = 1;
		o->path = xstrdup("/dev/null");
		o->fp = fopen("/dev/null", "w");
	} else if (diag_stdout_closed()) {
		snprintf(err, errsz, "<stdout>: standard output is closed");
		output_free(o);
		return NULL;
	} else
		o->fp = tmpfile();
	if (o->fp == NULL) {
		snprintf(err, errsz, "temporary file: %s", strerror(errno));
		output_free(o);
		return NULL;
	}
	return o;
}

/*
 * fp writes through this, so that the reason of a failed write (a full disk,
 * a file size limit) is kept for the message even when stdio reports the
 * failure later, at the flush.
 */
static ssize_t
write_temp(void *cookie, const char *buf, size_t n)
{
	struct output *o = cookie;
	size_t done = 0;
	ssize_t w;

	while (done < n) {
		if ((w = write(o->fd, buf + done, n - done)) < 0) {
			if (errno == EINTR)
				continue;
			if (o->werr == 0)
				o->werr = errno;
			return done > 0 ? (ssize_t)done : -1;
		}
		done += (size_t)w;
	}
	return (ssize_t)n;
}

static int
close_temp(void *cookie)
{
	struct output *o = cookie;
	int rc = close(o->fd);

	o->fd = -1;
	return rc;
}

struct output *
output_open(const char *path, char *err, size_t errsz)
{
	static const cookie_io_functions_t io = {NULL, write_temp, NULL, close_temp};
	struct output *o = xcalloc(1, sizeof *o);
	int fd;

	o->dirfd = -1;
	o->slot = -1;
	o->fd = -1;
	if (path == NULL || strcmp(path, "-") == 0 || strcmp(path, "/dev/stdout") == 0)
		return open_stream(o, 0, err, errsz);
	if (strcmp(path, "/dev/null") == 0)
		return open_stream(o, 1, err, errsz);
	o->path = xstrdup(path);
	if (open_folder(o, err, errsz) == -1 || check_target(o, err, errsz) == -1 ||
	    (fd = make_temp(o, err, errsz)) == -1) {
		output_free(o);
		return NULL;
	}
	o->fd = fd;
	if ((o->fp = fopencookie(o, "w", io)) == NULL) {
		snprintf(err, errsz, "%s: %s", path, strerror(errno));
		close(fd);
		unlinkat(o->dirfd, o->tmp, 0);
		output_free(o);
		return NULL;
	}
	return o;
}

FILE *
output_stream(struct output *o)
{
	return o->fp;
}

const char *
output_name(const struct output *o)
{
	return o->path != NULL ? o->path : "<stdout>";
}

/* Copy everything written to fp (an unnamed temporary file) to out. */
static int
copy_out(FILE *fp, FILE *out)
{
	char buf[65536];
	size_t n;

	if (fflush(fp) != 0 || fseek(fp, 0, SEEK_SET) != 0)
		return -1;
	while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
		if (fwrite(buf, 1, n, out) != n)
			return -1;
	if (ferror(fp))
		return -1;
	if (fflush(out) != 0 || ferror(out))
		return -1;
	return 0;
}

/* Commit standard output or /dev/null. */
static int
commit_stream(struct output *o, char *err, size_t errsz)
{
	int rc = 0;

	errno = 0;
	if (o->discard)
		rc = fflush(o->fp) != 0 ? -1 : 0;
	else if (copy_out(o->fp, stdout) != 0)
		rc = -1;
	if (rc != 0)
		snprintf(err, errsz, "%s: write error: %s", output_name(o),
		         strerror(errno ? errno : EIO));
	fclose(o->fp);
	output_free(o);
	return rc;
}

int
output_commit(struct output *o, char *err, size_t errsz)
{
	int fd = o->fd, rc = 0, e = 0;

	if (o->dirfd < 0)
		return commit_stream(o, err, errsz);
	errno = 0;
	if (fflush(o->fp) != 0 || ferror(o->fp))
		rc = -1, e = o->werr ? o->werr : errno ? errno : EIO;
	else if (fsync(fd) != 0)
		rc = -1, e = errno;
	/* What is at the target now (a link or a pipe put there during the run?). */
	if (rc == 0 && check_target(o, err, errsz) != 0)
		rc = -2;
	if (rc == 0 && o->chown && fchown(fd, o->uid, o->gid) != 0 && geteuid() == 0)
		rc = -1, e = errno;
	if (rc == 0 && fchmod(fd, o->mode) != 0)
		rc = -1, e = errno;
	if (fclose(o->fp) != 0 && rc == 0)
		rc = -1, e = o->werr ? o->werr : errno ? errno : EIO;
	if (rc == 0 && renameat(o->dirfd, o->tmp, o->dirfd, o->base) != 0)
		rc = -1, e = errno;
	if (rc == 0) {
		forget_temp(o);
		(void)fsync(o->dirfd); /* the rename, durable (EBADF on an O_PATH folder) */
		if (o->narrowed)
			diag_warn(
			    o->path, 0,
			    "its mode %04o was narrowed to %04o (the output holds personal data)",
			    (unsigned)o->narrowed, (unsigned)o->mode);
	} else {
		if (rc == -1)
			snprintf(err, errsz, "%s: write error: %s", o->path, strerror(e));
		unlinkat(o->dirfd, o->tmp, 0);
	}
	output_free(o);
	return rc == 0 ? 0 : -1;
}

void
output_abort(struct output *o)
{
	if (o == NULL)
		return;
	fclose(o->fp);
	if (o->slot >= 0)
		unlinkat(o->dirfd, o->tmp, 0);
	output_free(o);
}
