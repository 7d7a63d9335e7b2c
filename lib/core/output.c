/*
 * output.c: all-or-nothing output to a named file (temporary file renamed
 * into place) or to standard output (buffered in an unnamed temporary file
 * and copied out only on commit).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/output.h"
#include "core/xalloc.h"

struct output {
	char *path; /* target, or NULL for standard output */
	char *tmp; /* temporary file beside the target */
	FILE *fp;
	int keep_mode;
	int device; /* target exists and is not a regular file: write into it */
	mode_t mode;
};

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

/* Copy the buffered output into the device or pipe named o->path. */
static int
copy_to_device(struct output *o)
{
	FILE *out;
	int rc;

	if ((out = fopen(o->path, "w")) == NULL)
		return -1;
	rc = copy_out(o->fp, out);
	if (fclose(out) != 0)
		rc = -1;
	return rc;
}

/* The temporary name for path: ".NAME.XXXXXX" in the same folder. */
static char *
temp_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		return xasprintf(".%s.XXXXXX", path);
	return xasprintf("%.*s/.%s.XXXXXX", (int)(slash - path), path, slash + 1);
}

struct output *
output_open(const char *path, char *err, size_t errsz)
{
	struct output *o = xcalloc(1, sizeof *o);
	struct stat st;
	int fd;

	if (path == NULL || strcmp(path, "-") == 0) {
		if ((o->fp = tmpfile()) == NULL) {
			snprintf(err, errsz, "temporary file: %s", strerror(errno));
			free(o);
			return NULL;
		}
		return o;
	}
	o->path = xstrdup(path);
	if (stat(path, &st) == 0) {
		if (S_ISDIR(st.st_mode)) {
			snprintf(err, errsz, "%s: is a directory", path);
			goto fail;
		}
		/*
		 * A device or a pipe (-o /dev/full, /dev/stdout) is written in
		 * place on commit: renaming a file over it would destroy it.
		 */
		if (!S_ISREG(st.st_mode)) {
			if ((o->fp = tmpfile()) == NULL) {
				snprintf(err, errsz, "temporary file: %s", strerror(errno));
				goto fail;
			}
			o->device = 1;
			return o;
		}
		o->keep_mode = 1;
		o->mode = st.st_mode & 07777;
	}
	o->tmp = temp_name(path);
	if ((fd = mkstemp(o->tmp)) == -1) { /* mkstemp creates mode 0600 */
		snprintf(err, errsz, "%s: cannot create a file there: %s", path, strerror(errno));
		goto fail;
	}
	if ((o->fp = fdopen(fd, "w")) == NULL) {
		snprintf(err, errsz, "%s: %s", path, strerror(errno));
		close(fd);
		unlink(o->tmp);
		goto fail;
	}
	return o;
fail:
	free(o->tmp);
	free(o->path);
	free(o);
	return NULL;
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

static void
output_free(struct output *o)
{
	free(o->tmp);
	free(o->path);
	free(o);
}

int
output_commit(struct output *o, char *err, size_t errsz)
{
	int rc = 0;

	if (o->path == NULL) {
		if (copy_out(o->fp, stdout) != 0) {
			snprintf(err, errsz, "<stdout>: write error: %s",
			         strerror(errno ? errno : EIO));
			rc = -1;
		}
		fclose(o->fp);
		output_free(o);
		return rc;
	}
	if (o->device) {
		if (copy_to_device(o) != 0) {
			snprintf(err, errsz, "%s: write error: %s", o->path,
			         strerror(errno ? errno : EIO));
			rc = -1;
		}
		fclose(o->fp);
		output_free(o);
		return rc;
	}
	if (fflush(o->fp) != 0 || ferror(o->fp) || fsync(fileno(o->fp)) != 0)
		rc = -1;
	if (o->keep_mode && rc == 0 && fchmod(fileno(o->fp), o->mode) != 0)
		rc = -1;
	if (fclose(o->fp) != 0)
		rc = -1;
	if (rc == 0 && rename(o->tmp, o->path) != 0)
		rc = -1;
	if (rc != 0) {
		snprintf(err, errsz, "%s: write error: %s", o->path, strerror(errno ? errno : EIO));
		unlink(o->tmp);
	}
	output_free(o);
	return rc;
}

void
output_abort(struct output *o)
{
	if (o == NULL)
		return;
	fclose(o->fp);
	if (o->tmp != NULL)
		unlink(o->tmp);
	output_free(o);
}
