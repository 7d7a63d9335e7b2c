/*
 * redact_index.c: the prebuilt word index (see redact_index.h).
 *
 * The file, in the byte order of the machine that wrote it (the header
 * says which; another is refused):
 *   header (128 bytes): magic, format, the package version, the table's
 *     size (2^slotbits slots) and longest probe, the words and sources,
 *     and where each part starts and how long it is;
 *   sources: one 320-byte record a file the table was built from;
 *   slots: 2^slotbits of 12 bytes: the key's offset in the keys + 1 (0:
 *     empty) and its struct redact_word (the byte "owned" holds the top
 *     byte of the key's hash, to skip most keys unread);
 *   keys: the lowered words, each ended by a NUL.
 * A key's slot is FNV-1a of its bytes, mixed, modulo the slots, then the
 * next ones (linear probing). The words are public, so the hash needs no
 * secret: a look-up ends at an empty slot or after the longest probe any
 * word of the index took, whatever the key.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/datadir.h"
#include "core/keyhash.h"
#include "core/output.h"
#include "core/xalloc.h"
#include "redact/redact-impl.h"
#include "redact/redact_index.h"

#ifndef VERSION
#define VERSION "0"
#endif

#define IDX_MAGIC "CIREDIDX"
#define IDX_FORMAT 1u
#define IDX_ENDIAN 0x01020304u
#define IDX_PATH_MAX 256
#define IDX_SOURCES_MAX 64

struct idx_head {
	char magic[8];
	uint32_t format, endian;
	char version[32]; /* the package's, NUL-padded */
	uint32_t slotbits, maxprobe, nwords, nsources;
	uint32_t slotsize, wordsize;
	uint64_t sources_off, slots_off, keys_off, keys_len, file_size;
	char pad[16];
};

struct idx_source {
	char path[IDX_PATH_MAX]; /* NUL-terminated */
	uint32_t relative, present;
	uint64_t size, ino;
	int64_t mtime_sec, mtime_nsec;
	uint64_t hash; /* of the contents */
	char pad[320 - IDX_PATH_MAX - 48];
};

struct idx_slot {
	uint32_t key; /* offset in the keys + 1; 0: empty */
	struct redact_word w;
};

_Static_assert(sizeof(struct idx_head) == 128, "index header");
_Static_assert(sizeof(struct idx_source) == 320, "index source");
_Static_assert(sizeof(struct idx_slot) == 12, "index slot");

struct redact_index {
	const unsigned char *base;
	size_t len;
	int mapped;
	const struct idx_source *src;
	uint32_t nsrc;
	const struct idx_slot *slots;
	uint32_t mask, maxprobe, nwords;
	const char *keys;
	size_t keys_len;
};

/* The hash of a key in the index: FNV-1a, mixed (murmur3's finaliser). */
static uint64_t
idx_hash(const char *key, size_t len)
{
	uint64_t h = keyhash_fnv1a(KEYHASH_FNV_BASIS, key, len);

	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 33;
	return h;
}

/* The top byte of a hash, kept in a slot. */
#define IDX_TAG(h) ((unsigned char)((h) >> 56))

static void
say(char *why, size_t whysz, const char *what)
{
	snprintf(why, whysz, "%s", what);
}

struct redact_index *
redact_index_parse(const void *buf, size_t len, char *why, size_t whysz)
{
	const unsigned char *b = buf;
	struct idx_head h;
	struct redact_index *x;
	uint64_t nslots;

	if (len < sizeof(h) || ((uintptr_t)b & 3) != 0) {
		say(why, whysz, "truncated");
		return NULL;
	}
	memcpy(&h, b, sizeof(h));
	if (memcmp(h.magic, IDX_MAGIC, 8) != 0) {
		say(why, whysz, "not a word index");
		return NULL;
	}
	if (h.endian != IDX_ENDIAN || h.format != IDX_FORMAT ||
	    h.slotsize != sizeof(struct idx_slot) || h.wordsize != sizeof(struct redact_word) ||
	    h.version[sizeof(h.version) - 1] != '\0' || strcmp(h.version, VERSION) != 0) {
		say(why, whysz, "written by another version");
		return NULL;
	}
	if (h.file_size != len) {
		say(why, whysz, "truncated or extended");
		return NULL;
	}
	nslots = h.slotbits >= 4 && h.slotbits <= 28 ? (uint64_t)1 << h.slotbits : 0;
	if (nslots == 0 || h.maxprobe == 0 || h.maxprobe > nslots || h.nwords >= nslots ||
	    h.nsources > IDX_SOURCES_MAX || h.sources_off % 8 != 0 || h.slots_off % 4 != 0 ||
	    h.sources_off > len || h.nsources > (len - h.sources_off) / sizeof(struct idx_source) ||
	    h.slots_off > len || nslots > (len - h.slots_off) / sizeof(struct idx_slot) ||
	    h.keys_off > len || h.keys_len > len - h.keys_off || h.keys_len == 0 ||
	    h.keys_len > UINT32_MAX || b[h.keys_off + h.keys_len - 1] != '\0') {
		say(why, whysz, "damaged (sizes out of bounds)");
		return NULL;
	}
	x = xcalloc(1, sizeof(*x));
	x->base = b;
	x->len = len;
	x->src = (const struct idx_source *)(b + h.sources_off);
	x->nsrc = h.nsources;
	x->slots = (const struct idx_slot *)(b + h.slots_off);
	x->mask = (uint32_t)(nslots - 1);
	x->maxprobe = h.maxprobe;
	x->nwords = h.nwords;
	x->keys = (const char *)(b + h.keys_off);
	x->keys_len = (size_t)h.keys_len;
	return x;
}

const struct redact_word *
redact_index_find(const struct redact_index *x, const char *key, size_t len)
{
	uint64_t h = idx_hash(key, len);
	uint32_t i = (uint32_t)h & x->mask, n;
	unsigned char tag = IDX_TAG(h);

	for (n = 0; n < x->maxprobe; n++, i = (i + 1) & x->mask) {
		const struct idx_slot *s = &x->slots[i];
		size_t off;

		if (s->key == 0)
			return NULL;
		off = (size_t)s->key - 1;
		if (s->w.owned == tag && off < x->keys_len && len < x->keys_len - off &&
		    memcmp(x->keys + off, key, len) == 0 && x->keys[off + len] == '\0')
			return &s->w;
	}
	return NULL;
}

size_t
redact_index_words(const struct redact_index *x)
{
	return x->nwords;
}

void
redact_index_close(struct redact_index *x)
{
	if (x == NULL)
		return;
	if (x->mapped)
		munmap((void *)x->base, x->len);
	free(x);
}

/* The hash of the contents of fd; 0 with *ok 0 when it cannot be read. */
static uint64_t
file_hash(int fd, int *ok)
{
	static const struct keyhash_key k = {0x6c6578696e646578ULL, 0x7265646163743031ULL};
	unsigned char *buf;
	size_t cap = (size_t)1 << 16, n = 0;
	ssize_t got;
	uint64_t h = 0;

	/* SipHash is over one buffer: hash each 64 KiB block, chaining the results */
	buf = xmalloc(cap + sizeof(h));
	*ok = 1;
	for (;;) {
		got = read(fd, buf + sizeof(h), cap);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			*ok = 0;
			break;
		}
		if (got == 0)
			break;
		memcpy(buf, &h, sizeof(h));
		h = keyhash_sip(&k, buf, sizeof(h) + (size_t)got);
		n += (size_t)got;
	}
	free(buf);
	return h ^ n;
}

/* The full path of a source (a new string). */
static char *
source_path(const char *path, int relative)
{
	return relative ? datadir_path(path) : xstrdup(path);
}

/* 1 when path can be opened for reading, as the word lists are. */
static int
can_open(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return 0;
	close(fd);
	return 1;
}

/* 1 when the source is as recorded. */
static int
source_same(const struct idx_source *s)
{
	char *path;
	struct stat st;
	int fd, ok = 0, read_ok;

	if (memchr(s->path, '\0', sizeof(s->path)) == NULL)
		return 0;
	path = source_path(s->path, (int)s->relative);
	if (!s->present)
		ok = !can_open(path);
	else if ((fd = open(path, O_RDONLY | O_CLOEXEC)) >= 0) {
		if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && (uint64_t)st.st_size == s->size)
			ok = ((uint64_t)st.st_ino == s->ino && st.st_mtim.tv_sec == s->mtime_sec &&
			      st.st_mtim.tv_nsec == s->mtime_nsec) ||
			     (file_hash(fd, &read_ok) == s->hash && read_ok);
		close(fd);
		if (ok)
			output_input(path); /* read by this run, as the lists are when built */
	}
	free(path);
	return ok;
}

struct redact_index *
redact_index_open(const char *path, char *why, size_t whysz)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct stat st;
	void *p;
	struct redact_index *x;
	uint32_t i;

	why[0] = '\0';
	if (fd < 0) {
		if (errno != ENOENT)
			say(why, whysz, "cannot be opened");
		return NULL;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size < 1) {
		close(fd);
		say(why, whysz, "not a word index");
		return NULL;
	}
	p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (p == MAP_FAILED) {
		say(why, whysz, "cannot be mapped");
		return NULL;
	}
	if ((x = redact_index_parse(p, (size_t)st.st_size, why, whysz)) == NULL) {
		munmap(p, (size_t)st.st_size);
		return NULL;
	}
	x->mapped = 1;
	for (i = 0; i < x->nsrc; i++)
		if (!source_same(&x->src[i])) {
			snprintf(why, whysz, "out of date (%.*s changed)", IDX_PATH_MAX,
			         x->src[i].path);
			redact_index_close(x);
			return NULL;
		}
	output_input(path);
	return x;
}

void
redact_index_source(struct redact *r, const char *path, int relative, int present)
{
	r->src = xreallocarray(r->src, r->nsrc + 1, sizeof(*r->src));
	r->src[r->nsrc].path = xstrdup(path);
	r->src[r->nsrc].relative = relative;
	r->src[r->nsrc++].present = present;
}

/* Fill a source's record from the file now; -1 with err set. */
static int
source_record(const struct redact_source *from, struct idx_source *s, char *err, size_t errsz)
{
	char *path;
	struct stat st;
	int fd, ok;

	memset(s, 0, sizeof(*s));
	if (strlen(from->path) >= sizeof(s->path)) {
		snprintf(err, errsz, "%s: path too long for the index", from->path);
		return -1;
	}
	memcpy(s->path, from->path, strlen(from->path));
	s->relative = (uint32_t)from->relative;
	s->present = (uint32_t)from->present;
	if (!from->present)
		return 0;
	path = source_path(from->path, from->relative);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		snprintf(err, errsz, "%s: not a regular file that can be read", path);
		if (fd >= 0)
			close(fd);
		free(path);
		return -1;
	}
	s->size = (uint64_t)st.st_size;
	s->ino = (uint64_t)st.st_ino;
	s->mtime_sec = st.st_mtim.tv_sec;
	s->mtime_nsec = st.st_mtim.tv_nsec;
	s->hash = file_hash(fd, &ok);
	close(fd);
	if (!ok)
		snprintf(err, errsz, "%s: cannot be read", path);
	free(path);
	return ok ? 0 : -1;
}

/* Write all of buf to fd; -1 on error. */
static int
write_all(int fd, const void *buf, size_t len)
{
	const char *p = buf;
	ssize_t n;

	while (len > 0) {
		if ((n = write(fd, p, len)) < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

/* The image of the index of r's words: head, sources, slots, keys; its length in *len. */
static unsigned char *
index_image(const struct redact *r, size_t *len, char *err, size_t errsz)
{
	struct idx_head h;
	struct idx_slot *slots;
	unsigned char *img;
	size_t i, keys_len = 0, nslots, at;
	uint32_t bits = 4, probe, maxprobe = 1;
	char *keys;

	for (i = 0; i < r->wcap; i++)
		if (r->words[i].key != NULL)
			keys_len += strlen(r->words[i].key) + 1;
	while (((size_t)1 << bits) / 8 * 5 < r->wcount + 1)
		bits++;
	nslots = (size_t)1 << bits;
	if (r->nsrc > IDX_SOURCES_MAX || bits > 28 || keys_len + 1 > UINT32_MAX) {
		snprintf(err, errsz, "too many words or sources for an index");
		return NULL;
	}
	memset(&h, 0, sizeof(h));
	memcpy(h.magic, IDX_MAGIC, 8);
	h.format = IDX_FORMAT;
	h.endian = IDX_ENDIAN;
	snprintf(h.version, sizeof(h.version), "%s", VERSION);
	h.slotbits = bits;
	h.nwords = (uint32_t)r->wcount;
	h.nsources = (uint32_t)r->nsrc;
	h.slotsize = sizeof(struct idx_slot);
	h.wordsize = sizeof(struct redact_word);
	h.sources_off = sizeof(h);
	h.slots_off = h.sources_off + r->nsrc * sizeof(struct idx_source);
	h.keys_off = h.slots_off + nslots * sizeof(struct idx_slot);
	h.keys_len = keys_len + 1; /* a NUL first: no slot's offset is 0 */
	h.file_size = h.keys_off + h.keys_len;
	*len = (size_t)h.file_size;
	img = xcalloc(1, *len);
	for (i = 0; i < r->nsrc; i++)
		if (source_record(&r->src[i], (struct idx_source *)(img + h.sources_off) + i, err,
		                  errsz) == -1) {
			free(img);
			return NULL;
		}
	slots = (struct idx_slot *)(img + h.slots_off);
	keys = (char *)(img + h.keys_off);
	at = 1;
	for (i = 0; i < r->wcap; i++) {
		const struct redact_slot *w = &r->words[i];
		size_t klen;
		uint64_t hh;
		uint32_t k;

		if (w->key == NULL)
			continue;
		klen = strlen(w->key);
		hh = idx_hash(w->key, klen);
		for (k = (uint32_t)hh & (uint32_t)(nslots - 1), probe = 1; slots[k].key != 0;
		     k = (k + 1) & (uint32_t)(nslots - 1))
			probe++;
		if (probe > maxprobe)
			maxprobe = probe;
		memcpy(keys + at, w->key, klen + 1);
		slots[k].key = (uint32_t)at + 1;
		slots[k].w = w->w;
		slots[k].w.owned = IDX_TAG(hh);
		at += klen + 1;
	}
	h.maxprobe = maxprobe;
	memcpy(img, &h, sizeof(h));
	return img;
}

int
redact_index_write(const struct redact *r, const char *path, char *err, size_t errsz)
{
	unsigned char *img;
	size_t len;
	char *tmp;
	int fd, rc;

	if (r->index != NULL || r->nnames > 0) {
		snprintf(err, errsz, "the table was not built whole from the lists");
		return -1;
	}
	if ((img = index_image(r, &len, err, errsz)) == NULL)
		return -1;
	tmp = xasprintf("%s.XXXXXX", path);
	if ((fd = mkstemp(tmp)) < 0) {
		snprintf(err, errsz, "%s: cannot create a temporary file beside it", path);
		free(tmp);
		free(img);
		return -1;
	}
	rc = fchmod(fd, 0644) == 0 && write_all(fd, img, len) == 0 ? 0 : -1;
	if (close(fd) != 0)
		rc = -1;
	if (rc == 0 && rename(tmp, path) != 0)
		rc = -1;
	if (rc != 0) {
		snprintf(err, errsz, "%s: cannot be written", path);
		unlink(tmp);
	}
	free(tmp);
	free(img);
	return rc;
}

/* 1 when two look-ups agree (both absent, or the same entry). */
static int
same_word(const struct redact_word *a, const struct redact_word *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return a->flags == b->flags && a->maxfull == b->maxfull && a->maxphrase == b->maxphrase &&
	       a->phrasekind == b->phrasekind;
}

/* The words of t's own table whose look-ups differ between a and b. */
static size_t
differ_over(const struct redact *t, const struct redact *a, const struct redact *b)
{
	size_t i, n = 0;

	for (i = 0; i < t->wcap; i++)
		if (t->words[i].key != NULL) {
			size_t len = strlen(t->words[i].key);

			n += !same_word(redact_word_findn(a, t->words[i].key, len),
			                redact_word_findn(b, t->words[i].key, len));
		}
	return n;
}

size_t
redact_index_verify(const struct redact *built, const struct redact *other)
{
	size_t n = differ_over(built, built, other) + differ_over(other, built, other);
	const struct redact_index *x = other->index;
	uint32_t i;

	for (i = 0; x != NULL && i <= x->mask; i++)
		if (x->slots[i].key != 0) {
			size_t off = x->slots[i].key - 1;

			if (off >= x->keys_len)
				n++;
			else
				n += !same_word(redact_word_find(built, x->keys + off),
				                redact_word_find(other, x->keys + off));
		}
	return n;
}
