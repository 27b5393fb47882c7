/*
 * seen.c: the keys already seen, for checks such as "a respondent answers
 * once per wave".  Such a check needs memory for every key, so the set
 * keeps only a 64-bit fingerprint of each (8 bytes in an open-addressed
 * table at most three quarters full), never the key itself.
 * Two different keys share a fingerprint with a chance of about n^2 / 2^65:
 * one in thirty million for a million keys.  A caller that knows a key
 * early can prefetch its slot and do other work while memory answers.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "chain_priv.h"

struct chain_seen {
	uint64_t *slot;		/* 0 is an empty slot */
	size_t size;		/* a power of two */
	size_t count;
};

/*
 * A large table is looked up at random: in 2 MiB pages (where the system
 * has them) each lookup costs one cache miss, which a prefetch hides,
 * instead of a walk through the page tables as well.
 */
#define HUGE_PAGE ((size_t)2 << 20)

static uint64_t *
table_new(size_t size)
{
	size_t bytes = size * sizeof(uint64_t);
	uint64_t *t;

	if (bytes < HUGE_PAGE)
		return chain_calloc(size, sizeof(uint64_t));
	if ((t = aligned_alloc(HUGE_PAGE, bytes)) == NULL)
		return chain_calloc(size, sizeof(uint64_t));
#ifdef MADV_HUGEPAGE
	madvise(t, bytes, MADV_HUGEPAGE);
#endif
	memset(t, 0, bytes);
	return t;
}

struct chain_seen *
chain_seen_new(void)
{
	struct chain_seen *s = chain_malloc(sizeof(*s));

	s->size = 1024;
	s->count = 0;
	s->slot = table_new(s->size);
	return s;
}

void
chain_seen_free(struct chain_seen *s)
{
	if (s == NULL)
		return;
	free(s->slot);
	free(s);
}

/* MurmurHash3's finalizer: every bit of the input moves every bit. */
static uint64_t
mix(uint64_t h)
{
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 33;
	return h != 0 ? h : 1;
}

/* The last 0 to 7 bytes of a string, told apart given their number. */
static uint64_t
tail(const unsigned char *p, size_t len)
{
	uint32_t a, b;

	if (len >= 4) {
		memcpy(&a, p, 4);
		memcpy(&b, p + len - 4, 4);
		return (uint64_t)a << 32 | b;
	}
	if (len > 0)
		return (uint64_t)p[0] << 16 | (uint64_t)p[len / 2] << 8 |
		    p[len - 1];
	return 0;
}

/*
 * The fingerprint of a key made of n strings, read eight bytes at a time;
 * each string's length goes in with its last bytes, so that the strings of
 * a key cannot run into each other.  chain_seen_rehash goes on from the
 * fingerprint of the key's first strings.
 */
uint64_t
chain_seen_rehash(uint64_t h, const char *const parts[], size_t n)
{
	const uint64_t k = 0x9e3779b97f4a7c15ULL;
	uint64_t w;
	size_t i, len;

	for (i = 0; i < n; i++) {
		const unsigned char *p = (const unsigned char *)parts[i];

		for (len = strlen(parts[i]); len >= 8; len -= 8, p += 8) {
			memcpy(&w, p, 8);
			h = (h ^ w) * k;
			h ^= h >> 29;
		}
		h = ((h ^ tail(p, len)) * k) ^ len;
		h ^= h >> 29;
	}
	return mix(h);
}

uint64_t
chain_seen_hash(const char *const parts[], size_t n)
{
	return chain_seen_rehash(0x9e3779b97f4a7c15ULL, parts, n);
}

void
chain_seen_prefetch(const struct chain_seen *s, uint64_t h)
{
#if defined(__GNUC__)
	__builtin_prefetch(&s->slot[h & (s->size - 1)]);
#else
	(void)s;
	(void)h;
#endif
}

/* The slot of h: where it is, or the empty slot where it would go. */
static size_t
find(const uint64_t *slot, size_t size, uint64_t h)
{
	size_t i = h & (size - 1);

	while (slot[i] != 0 && slot[i] != h)
		i = (i + 1) & (size - 1);
	return i;
}

static void
resize(struct chain_seen *s, size_t size)
{
	uint64_t *old = s->slot;
	size_t i, oldsize = s->size;

	s->size = size;
	s->slot = table_new(s->size);
	for (i = 0; i < oldsize; i++)
		if (old[i] != 0)
			s->slot[find(s->slot, s->size, old[i])] = old[i];
	free(old);
}

/*
 * Makes room for n keys at once, when their number is known in advance:
 * growing step by step copies every key again at each step.
 */
void
chain_seen_reserve(struct chain_seen *s, size_t n)
{
	size_t size = s->size;

	while (n * 4 > size * 3 && size < ((size_t)1 << 40))
		size *= 2;
	if (size > s->size)
		resize(s, size);
}

/* Whether a fingerprint is there; a set not made yet holds none. */
int
chain_seen_has(const struct chain_seen *s, uint64_t h)
{
	return s != NULL && s->slot[find(s->slot, s->size, h)] == h;
}

/* Adds a fingerprint; returns 0 when it is new, 1 when already seen. */
int
chain_seen_add(struct chain_seen *s, uint64_t h)
{
	size_t i = find(s->slot, s->size, h);

	if (s->slot[i] == h)
		return 1;
	if ((s->count + 1) * 4 > s->size * 3) {
		resize(s, s->size * 2);
		i = find(s->slot, s->size, h);
	}
	s->slot[i] = h;
	s->count++;
	return 0;
}
