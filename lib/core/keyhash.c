/*
 * keyhash.c: SipHash-2-4 and -1-3 and the splitmix64 seed expansion (see keyhash.h).
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include "core/keyhash.h"

#define ROTL(x, b) (uint64_t)(((x) << (b)) | ((x) >> (64 - (b))))

uint64_t
keyhash_splitmix64(uint64_t *state)
{
	uint64_t z;

	z = (*state += UINT64_C(0x9e3779b97f4a7c15));
	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

void
keyhash_from_seed(uint64_t seed, struct keyhash_key *out)
{
	uint64_t state = seed;

	out->k0 = keyhash_splitmix64(&state);
	out->k1 = keyhash_splitmix64(&state);
}

/* Read 8 bytes as a little-endian 64-bit number (one load on a little-endian machine). */
static inline uint64_t
load_le64(const unsigned char *p)
{
	uint64_t v;

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	memcpy(&v, p, 8);
#else
	int i;

	v = 0;
	for (i = 7; i >= 0; i--)
		v = (v << 8) | p[i];
#endif
	return v;
}

/*
 * One SipRound over the state words v0..v3 (a macro on locals, so that the
 * compiler keeps them in registers: the hash tables hash every key they see).
 */
#define SIPROUND                                                                                   \
	do {                                                                                       \
		v0 += v1;                                                                          \
		v1 = ROTL(v1, 13);                                                                 \
		v1 ^= v0;                                                                          \
		v0 = ROTL(v0, 32);                                                                 \
		v2 += v3;                                                                          \
		v3 = ROTL(v3, 16);                                                                 \
		v3 ^= v2;                                                                          \
		v0 += v3;                                                                          \
		v3 = ROTL(v3, 21);                                                                 \
		v3 ^= v0;                                                                          \
		v2 += v1;                                                                          \
		v1 = ROTL(v1, 17);                                                                 \
		v1 ^= v2;                                                                          \
		v2 = ROTL(v2, 32);                                                                 \
	} while (0)

/*
 * SipHash-c-d of len bytes at p under key, and (with p NULL) of the 8 bytes
 * of w: inlined into each caller with c and d constant.
 */
static inline __attribute__((always_inline)) uint64_t
sip(const struct keyhash_key *key, const void *p, size_t len, uint64_t w, int c, int d)
{
	const unsigned char *in = p;
	uint64_t v0 = key->k0 ^ UINT64_C(0x736f6d6570736575);
	uint64_t v1 = key->k1 ^ UINT64_C(0x646f72616e646f6d);
	uint64_t v2 = key->k0 ^ UINT64_C(0x6c7967656e657261);
	uint64_t v3 = key->k1 ^ UINT64_C(0x7465646279746573);
	uint64_t m;
	size_t i, full = len - len % 8;
	int r;

	for (i = 0; i < full; i += 8) {
		m = p != NULL ? load_le64(in + i) : w;
		v3 ^= m;
		for (r = 0; r < c; r++)
			SIPROUND;
		v0 ^= m;
	}
	m = (uint64_t)len << 56;
	switch (len - full) { /* the last bytes, little-endian, under the length */
	case 7:
		m |= (uint64_t)in[full + 6] << 48;
		/* fall through */
	case 6:
		m |= (uint64_t)in[full + 5] << 40;
		/* fall through */
	case 5:
		m |= (uint64_t)in[full + 4] << 32;
		/* fall through */
	case 4:
		m |= (uint64_t)in[full + 3] << 24;
		/* fall through */
	case 3:
		m |= (uint64_t)in[full + 2] << 16;
		/* fall through */
	case 2:
		m |= (uint64_t)in[full + 1] << 8;
		/* fall through */
	case 1:
		m |= (uint64_t)in[full];
		break;
	default:
		break;
	}
	v3 ^= m;
	for (r = 0; r < c; r++)
		SIPROUND;
	v0 ^= m;
	v2 ^= 0xff;
	for (r = 0; r < d; r++)
		SIPROUND;
	return v0 ^ v1 ^ v2 ^ v3;
}

uint64_t
keyhash_sip(const struct keyhash_key *key, const void *p, size_t len)
{
	return sip(key, p, len, 0, 2, 4);
}

uint64_t
keyhash_sip13(const struct keyhash_key *key, const void *p, size_t len)
{
	return sip(key, p, len, 0, 1, 3);
}

uint64_t
keyhash_sip13_word(const struct keyhash_key *key, uint64_t w)
{
	return sip(key, NULL, 8, w, 1, 3);
}

uint64_t
keyhash_fnv1a(uint64_t h, const void *p, size_t len)
{
	const unsigned char *b = p;
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= b[i];
		h *= 1099511628211ULL;
	}
	return h;
}

/* Fill b with n random bytes; 0, or -1 when the system gives none. */
static int
random_bytes(unsigned char *b, size_t n)
{
	ssize_t got;
	int fd;

	do
		got = getrandom(b, n, 0);
	while (got < 0 && errno == EINTR);
	if (got == (ssize_t)n)
		return 0;
	if ((fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC)) < 0)
		return -1;
	got = read(fd, b, n);
	close(fd);
	return got == (ssize_t)n ? 0 : -1;
}

const struct keyhash_key *
keyhash_run_key(void)
{
	static struct keyhash_key key;
	static int drawn;
	unsigned char b[16];
	struct timespec ts;

	if (drawn)
		return &key;
	if (random_bytes(b, sizeof b) == 0) {
		memcpy(&key.k0, b, 8);
		memcpy(&key.k1, b + 8, 8);
	} else {
		clock_gettime(CLOCK_MONOTONIC, &ts);
		keyhash_from_seed(
		    (uint64_t)ts.tv_nsec ^ (uint64_t)ts.tv_sec << 30 ^ (uint64_t)getpid(), &key);
	}
	drawn = 1;
	return &key;
}
