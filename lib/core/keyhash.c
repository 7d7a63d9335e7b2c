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

/* Read 8 bytes as a little-endian 64-bit number. */
static uint64_t
load_le64(const unsigned char *p)
{
	uint64_t v = 0;
	int i;

	for (i = 7; i >= 0; i--)
		v = (v << 8) | p[i];
	return v;
}

/* One SipRound over the four state words. */
static void
sipround(uint64_t v[4])
{
	v[0] += v[1];
	v[1] = ROTL(v[1], 13);
	v[1] ^= v[0];
	v[0] = ROTL(v[0], 32);
	v[2] += v[3];
	v[3] = ROTL(v[3], 16);
	v[3] ^= v[2];
	v[0] += v[3];
	v[3] = ROTL(v[3], 21);
	v[3] ^= v[0];
	v[2] += v[1];
	v[1] = ROTL(v[1], 17);
	v[1] ^= v[2];
	v[2] = ROTL(v[2], 32);
}

/* The state of SipHash under key, before the first block. */
static void
sip_init(const struct keyhash_key *key, uint64_t v[4])
{
	v[0] = key->k0 ^ UINT64_C(0x736f6d6570736575);
	v[1] = key->k1 ^ UINT64_C(0x646f72616e646f6d);
	v[2] = key->k0 ^ UINT64_C(0x6c7967656e657261);
	v[3] = key->k1 ^ UINT64_C(0x7465646279746573);
}

/* Compress one block m with c SipRounds. */
static void
sip_block(uint64_t v[4], uint64_t m, int c)
{
	v[3] ^= m;
	while (c-- > 0)
		sipround(v);
	v[0] ^= m;
}

/* Finish with d SipRounds. */
static uint64_t
sip_final(uint64_t v[4], int d)
{
	v[2] ^= 0xff;
	while (d-- > 0)
		sipround(v);
	return v[0] ^ v[1] ^ v[2] ^ v[3];
}

/* SipHash-c-d of len bytes at p under key. */
static uint64_t
sip(const struct keyhash_key *key, const void *p, size_t len, int c, int d)
{
	const unsigned char *in = p;
	unsigned char last[8];
	uint64_t v[4];
	size_t i, full = len - len % 8;

	sip_init(key, v);
	for (i = 0; i < full; i += 8)
		sip_block(v, load_le64(in + i), c);
	memset(last, 0, sizeof last);
	if (len > full)
		memcpy(last, in + full, len - full);
	last[7] = (unsigned char)len;
	sip_block(v, load_le64(last), c);
	return sip_final(v, d);
}

uint64_t
keyhash_sip(const struct keyhash_key *key, const void *p, size_t len)
{
	return sip(key, p, len, 2, 4);
}

uint64_t
keyhash_sip13(const struct keyhash_key *key, const void *p, size_t len)
{
	return sip(key, p, len, 1, 3);
}

uint64_t
keyhash_sip13_word(const struct keyhash_key *key, uint64_t w)
{
	uint64_t v[4];

	sip_init(key, v);
	sip_block(v, w, 1);
	sip_block(v, (uint64_t)8 << 56, 1);
	return sip_final(v, 3);
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
