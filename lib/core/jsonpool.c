/*
 * jsonpool.c: a bump allocator under Jansson (json_set_alloc_funcs()), on
 * while a reference file's tree is read. Once installed, the hooks stay: a
 * block freed outside the pool goes to free(), one inside it is left to
 * jsonpool_end(), which frees the pool's blocks.
 */
#include <stdint.h>
#include <stdlib.h>

#include "core/jsonpool.h"
#include "core/xalloc.h"

#if defined(__SANITIZE_ADDRESS__)
#define JSONPOOL_OFF 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define JSONPOOL_OFF 1
#endif
#endif
#ifndef JSONPOOL_OFF
#define JSONPOOL_OFF 0
#endif

#define FIRST_BLOCK ((size_t)16 << 10) /* a small vocabulary's tree fits */
#define ALIGN 16 /* as malloc() aligns */

/* A block of the pool: its size, the next block, then the memory handed out. */
struct block {
	struct block *next;
	size_t size, used;
	_Alignas(ALIGN) unsigned char mem[];
};

static struct block *blocks; /* the newest first; NULL when the pool is off */
static int on, hooked;

static void *pool_malloc(size_t);
static void pool_free(void *);

/* A new block of at least need bytes, twice the newest's size, in front. */
static struct block *
block_new(size_t need)
{
	size_t size = blocks != NULL ? 2 * blocks->size : FIRST_BLOCK;
	struct block *b;

	while (size < need)
		size *= 2;
	b = xmalloc(sizeof *b + size);
	b->size = size;
	b->used = 0;
	b->next = blocks;
	blocks = b;
	return b;
}

static void *
pool_malloc(size_t n)
{
	struct block *b = blocks;
	void *p;

	if (!on)
		return malloc(n);
	n = (n + ALIGN - 1) & ~(size_t)(ALIGN - 1);
	if (b == NULL || b->size - b->used < n)
		b = block_new(n);
	p = b->mem + b->used;
	b->used += n;
	return p;
}

/* 1 when p lies in a block of the pool. */
static int
in_pool(const void *p)
{
	const struct block *b;
	uintptr_t a = (uintptr_t)p;

	for (b = blocks; b != NULL; b = b->next)
		if (a >= (uintptr_t)b->mem && a < (uintptr_t)b->mem + b->size)
			return 1;
	return 0;
}

static void
pool_free(void *p)
{
	if (p != NULL && !in_pool(p))
		free(p);
}

int
jsonpool_begin(void)
{
	/* under AddressSanitizer the pool stays off (compiled, never used) */
	if (JSONPOOL_OFF || on)
		return 0;
	if (!hooked) {
		json_set_alloc_funcs(pool_malloc, pool_free);
		hooked = 1;
	}
	on = 1;
	return 1;
}

void
jsonpool_end(int started, json_t *root)
{
	struct block *b, *keep;

	if (!started) {
		json_decref(root);
		return;
	}
	on = 0;
	/*
	 * Every value of the tree is in the pool: emptying it frees them all.
	 * The largest block is kept for the next tree, whose pages are then
	 * touched already (a tool reads several files in turn).
	 */
	for (keep = b = blocks; b != NULL; b = b->next)
		if (b->size > keep->size)
			keep = b;
	while ((b = blocks) != NULL) {
		blocks = b->next;
		if (b != keep)
			free(b);
	}
	if (keep != NULL) {
		keep->next = NULL;
		keep->used = 0;
	}
	blocks = keep;
}
