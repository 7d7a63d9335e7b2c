/*
 * bytes.h: whether two short byte strings are the same, inlined: the
 * per-field lookups of a million-row check compare a dozen short strings
 * a row, where a call to memcmp() costs more than the comparison.
 */
#ifndef BYTES_H
#define BYTES_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Load 8 bytes at p (any alignment). */
static inline uint64_t
bytes_load8(const char *p)
{
	uint64_t w;

	memcpy(&w, p, 8);
	return w;
}

/* Load 4 bytes at p (any alignment). */
static inline uint32_t
bytes_load4(const char *p)
{
	uint32_t w;

	memcpy(&w, p, 4);
	return w;
}

/*
 * 1 when a[0..len) and b[0..len) are the same bytes. Reads only those bytes
 * (the last word of each overlaps the one before it).
 */
static inline int
bytes_same(const char *a, const char *b, size_t len)
{
	size_t i;

	if (len >= 8) {
		for (i = 0; i + 8 < len; i += 8)
			if (bytes_load8(a + i) != bytes_load8(b + i))
				return 0;
		return bytes_load8(a + len - 8) == bytes_load8(b + len - 8);
	}
	if (len >= 4)
		return bytes_load4(a) == bytes_load4(b) &&
		       bytes_load4(a + len - 4) == bytes_load4(b + len - 4);
	for (i = 0; i < len; i++)
		if (a[i] != b[i])
			return 0;
	return 1;
}

#endif
