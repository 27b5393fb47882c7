/*
 * once.c: a respondent answers once per wave and about a partner.  The
 * check keeps a 64-bit fingerprint of every (respondent, wave, about) key.
 * Survey tools export their responses in the order of the respondents' ids,
 * and while the ids come in order a key can only repeat among the rows of
 * the current respondent: the fingerprints are then appended to a list, and
 * only that respondent's few are compared.  Ids compare as people read
 * them, digits by their value (r9 before r10).  When an id comes out of
 * order, the list becomes a hash set (seen.c), and every key from then on
 * is looked up there.
 */
#include <stdlib.h>
#include <string.h>

#include "chain_priv.h"

struct chain_once {
	uint64_t *key;			/* in order: every key so far */
	size_t n, cap;
	size_t first;			/* the current respondent's first key */
	char *last;			/* the current respondent */
	size_t lastcap;
	struct chain_seen *seen;	/* out of order: the keys */
	size_t expected;
};

struct chain_once *
chain_once_new(void)
{
	return chain_calloc(1, sizeof(struct chain_once));
}

void
chain_once_free(struct chain_once *o)
{
	if (o == NULL)
		return;
	free(o->key);
	free(o->last);
	chain_seen_free(o->seen);
	free(o);
}

/* Whether the ids came in order so far: no key needs a lookup at random. */
int
chain_once_in_order(const struct chain_once *o)
{
	return o->seen == NULL;
}

/* Room for about n more keys. */
void
chain_once_reserve(struct chain_once *o, size_t n)
{
	o->expected = o->n + n;
	if (o->seen != NULL)
		chain_seen_reserve(o->seen, o->expected);
	else if (o->expected > o->cap) {
		o->cap = o->expected;
		o->key = chain_reallocarray(o->key, o->cap, sizeof(*o->key));
	}
}

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* The end of the digits at s. */
static const char *
digits_end(const char *s)
{
	while (is_digit(*s))
		s++;
	return s;
}

/*
 * Compares two ids as people order them: a run of digits by its value
 * (leading zeros aside), anything else byte by byte.  Ids that differ only
 * in leading zeros are told apart byte by byte, so that only equal ids are
 * equal.
 */
static int
natural_compare(const char *a, const char *b)
{
	const char *p = a, *q = b;

	while (*p != '\0' && *q != '\0') {
		if (is_digit(*p) && is_digit(*q)) {
			const char *ep, *eq;
			int c;

			while (*p == '0' && is_digit(p[1]))
				p++;
			while (*q == '0' && is_digit(q[1]))
				q++;
			ep = digits_end(p);
			eq = digits_end(q);
			if (ep - p != eq - q)
				return ep - p < eq - q ? -1 : 1;
			if ((c = memcmp(p, q, (size_t)(ep - p))) != 0)
				return c;
			p = ep;
			q = eq;
		} else if (*p != *q)
			return (unsigned char)*p < (unsigned char)*q ? -1 : 1;
		else {
			p++;
			q++;
		}
	}
	if (*p != *q)
		return *p == '\0' ? -1 : 1;
	return strcmp(a, b);
}

static int
byte_compare(char a, char b)
{
	return (unsigned char)a < (unsigned char)b ? -1 : 1;
}

/*
 * The same order, quickly where bytes tell: ids mostly differ in a digit
 * of runs of the same width (r0041, r0042), whose order is the bytes'.
 */
int
chain_id_compare(const char *a, const char *b)
{
	size_t i = 0;

	while (a[i] == b[i] && a[i] != '\0')
		i++;
	if (a[i] == b[i])
		return 0;
	if (!is_digit(a[i]) && !is_digit(b[i]))
		return byte_compare(a[i], b[i]);
	if (is_digit(a[i]) && is_digit(b[i])) {
		if (digits_end(a + i) - a == digits_end(b + i) - b)
			return byte_compare(a[i], b[i]);
	} else if (i == 0 || !is_digit(a[i - 1]))
		return byte_compare(a[i], b[i]);
	return natural_compare(a, b);
}

/*
 * The fingerprint of a key, from the respondent's (person) and the wave and
 * about; its slot is prefetched once the keys are in a set.
 */
uint64_t
chain_once_key(const struct chain_once *o, uint64_t person, const char *wave,
    const char *about)
{
	const char *parts[2];
	uint64_t h;

	parts[0] = wave;
	parts[1] = about;
	h = chain_seen_rehash(person, parts, 2);
	if (o->seen != NULL)
		chain_seen_prefetch(o->seen, h);
	return h;
}

static void
append(struct chain_once *o, uint64_t key)
{
	if (o->n == o->cap) {
		o->cap = o->cap ? o->cap * 2 : 1024;
		o->key = chain_reallocarray(o->key, o->cap, sizeof(*o->key));
	}
	o->key[o->n++] = key;
}

static void
to_set(struct chain_once *o)
{
	size_t i;

	o->seen = chain_seen_new();
	chain_seen_reserve(o->seen, o->expected > o->n * 2 ? o->expected :
	    o->n * 2);
	for (i = 0; i < o->n; i++)
		chain_seen_add(o->seen, o->key[i]);
	free(o->key);
	o->key = NULL;
	o->n = o->cap = 0;
}

/* Adds the key of a response: 0 when it is new, 1 when it came before. */
int
chain_once_add(struct chain_once *o, const char *respondent, uint64_t key)
{
	size_t i, len;
	int c;

	if (o->seen != NULL)
		return chain_seen_add(o->seen, key);
	c = o->last != NULL ? chain_id_compare(respondent, o->last) : 1;
	if (c < 0) {
		to_set(o);
		return chain_seen_add(o->seen, key);
	}
	if (c > 0) {
		if ((len = strlen(respondent) + 1) > o->lastcap) {
			o->lastcap = len + 32;
			o->last = chain_realloc(o->last, o->lastcap);
		}
		memcpy(o->last, respondent, len);
		o->first = o->n;
	} else
		for (i = o->first; i < o->n; i++)
			if (o->key[i] == key)
				return 1;
	append(o, key);
	return 0;
}
