/*
 * collide-ids.c: Case IDs chosen to collide in the Case ID set as it was
 * before it was seeded (idset.c up to commit 8491de6: a packed ID's slot was
 * a fixed multiplicative hash of the ID), for the hostile suite's hash
 * flooding case: `collide-ids N` prints N valid IDs "CA" + 8 digits, one a
 * line, whose home slots under that hash all fall in a few hundred of its
 * 65,536 blocks of 16 slots, so that linear probing was quadratic in N.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* The old packed key of "CA" + 8 digits v, and the block of 16 slots it went to. */
static uint64_t
old_block(uint64_t v)
{
	uint64_t h = 1ULL << 63 | (uint64_t)(3 * 32 + 1) << 44 | 8ULL << 40 | v;

	return (((h >> 4) * 0x9E3779B97F4A7C15ULL) >> 20) & 0xFFFF;
}

int
main(int argc, char *argv[])
{
	unsigned long n, done = 0;
	uint64_t run, width, k;
	char *end;

	errno = 0;
	n = argc == 2 ? strtoul(argv[1], &end, 10) : 0;
	if (argc != 2 || errno != 0 || *end != '\0' || n == 0 || n > 5000000) {
		fprintf(stderr, "usage: collide-ids N (1 to 5,000,000)\n");
		return 2;
	}
	/* Blocks 0 to width-1 hold about 10^8 / 16 * width / 65536 runs of 16 IDs. */
	width = (uint64_t)n * 65536 / 80000000 + 1; /* a quarter more than enough */
	for (run = 0; run < 100000000 / 16 && done < n; run++) {
		if (old_block(run * 16) >= width)
			continue;
		for (k = 0; k < 16 && done < n; k++, done++)
			if (printf("CA%08llu\n", (unsigned long long)(run * 16 + k)) < 0)
				return 2;
	}
	if (done < n || fflush(stdout) != 0) {
		fprintf(stderr, "collide-ids: only %lu IDs\n", done);
		return 2;
	}
	return 0;
}
