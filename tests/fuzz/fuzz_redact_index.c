/*
 * fuzz_redact_index.c: a damaged or hostile word index (lib/redact/redact_index.h).
 * The input patches a copy of the index make wrote (share/redact/lexicon.idx):
 * its first two bytes pick a length to cut it to (0xffff: uncut), then each
 * 5 bytes are an offset (4 bytes, little-endian, modulo the length; the
 * first byte's top bits aim at the header, the sources, the slots or the
 * keys) and a byte written there. The patched index is parsed and, when
 * taken, every word of a small list and the input's own text are looked
 * up: nothing may be read outside the file (ASan), nothing may hang.
 */
#include <fcntl.h>
#include <sys/stat.h>

#include "fuzz.h"
#include "redact/redact_index.h"

static unsigned char *image, *work;
static size_t image_len;

static void
fuzz_init(void)
{
	struct stat st;
	int fd;

	setenv("CAFCASS_INSPECT_DATA", "share", 0);
	fd = open("share/redact/lexicon.idx", O_RDONLY);
	if (fd < 0 || fstat(fd, &st) != 0 || st.st_size < 1) {
		fprintf(stderr, "fuzz_redact_index: no share/redact/lexicon.idx (run make)\n");
		abort();
	}
	image_len = (size_t)st.st_size;
	image = malloc(image_len);
	work = malloc(image_len);
	if (image == NULL || work == NULL || read(fd, image, image_len) != (ssize_t)image_len)
		abort();
	close(fd);
	memcpy(work, image, image_len);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const words[] = {
	    "the", "court", "family court",        "sarah", "khan", "zorblax", "",
	    "a",   "mr",    "preston family court"};
	char why[256];
	struct redact_index *x;
	size_t len, i, off, end;

	if (image == NULL)
		fuzz_init();
	if (size < 2)
		return 0;
	len = (size_t)data[0] | (size_t)data[1] << 8;
	len = len == 0xffff ? image_len : len * (image_len / 0xffff + 1) % (image_len + 1);
	for (i = 2, end = 2; i + 5 <= size; i += 5, end = i) {
		uint32_t o;

		memcpy(&o, data + i, 4);
		switch (data[i] >> 6) {
		case 0:
			off = o % 128; /* the header */
			break;
		case 1:
			off = 128 + o % 8192; /* the sources and the first slots */
			break;
		default:
			off = o;
		}
		work[off % image_len] = data[i + 4];
	}
	if ((x = redact_index_parse(work, len, why, sizeof(why))) != NULL) {
		for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
			(void)redact_index_find(x, words[i], strlen(words[i]));
		(void)redact_index_find(x, (const char *)data + end, size - end);
		redact_index_close(x);
	}
	/* undo the patches for the next input */
	for (i = 2; i + 5 <= size; i += 5) {
		uint32_t o;

		memcpy(&o, data + i, 4);
		off = (data[i] >> 6) == 0 ? o % 128 : (data[i] >> 6) == 1 ? 128 + o % 8192 : o;
		work[off % image_len] = image[off % image_len];
	}
	return 0;
}
