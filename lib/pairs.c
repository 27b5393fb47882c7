/*
 * pairs.c: a table of ordered pairs of partners, each with the reverse
 * view beside it.  Who promises what to whom (chain-agree matrix) and who
 * trusts whom (chain-survey matrix) are both read per ordered pair (a, b)
 * next to its reverse (b, a): a pair that exists one way only still gets
 * its reverse, so that both directions are listed.  The table holds one
 * value per pair, made by the caller's function when the pair is new.
 * The balance of a pair says who carries it: (there - back) / (there +
 * back), from -1 to 1.
 */
#include <stdlib.h>
#include <string.h>

#include "chain_priv.h"

struct chain_pairs {
	struct chain_map *map;	/* "a\x1fb" -> struct chain_pair */
	chain_pair_make_fn *make;
	void (*free_value)(void *);
	void *ctx;
	char *key;
	size_t keycap;
};

struct chain_pairs *
chain_pairs_new(chain_pair_make_fn *make, void (*free_value)(void *),
    void *ctx)
{
	struct chain_pairs *t = chain_calloc(1, sizeof(*t));

	t->map = chain_map_new();
	t->make = make;
	t->free_value = free_value;
	t->ctx = ctx;
	return t;
}

static struct chain_pairs *free_table;	/* chain_map_free has no context */

static void
free_pair(void *p)
{
	struct chain_pair *x = p;

	if (free_table->free_value != NULL)
		free_table->free_value(x->value);
	free(x->a);
	free(x->b);
	free(x);
}

void
chain_pairs_free(struct chain_pairs *t)
{
	if (t == NULL)
		return;
	free_table = t;
	chain_map_free(t->map, free_pair);
	free_table = NULL;
	free(t->key);
	free(t);
}

static const char *
pair_key(struct chain_pairs *t, const char *a, const char *b)
{
	size_t na = strlen(a), nb = strlen(b);

	if (na + nb + 2 > t->keycap) {
		t->keycap = na + nb + 64;
		t->key = chain_realloc(t->key, t->keycap);
	}
	memcpy(t->key, a, na);
	t->key[na] = '\x1f';
	memcpy(t->key + na + 1, b, nb + 1);
	return t->key;
}

/* The value of pair (a, b), made when the pair is new. */
void *
chain_pairs_slot(struct chain_pairs *t, const char *a, const char *b)
{
	void **slot = chain_map_slot(t->map, pair_key(t, a, b), NULL);

	if (*slot == NULL) {
		struct chain_pair *x = chain_calloc(1, sizeof(*x));

		x->a = chain_strdup(a);
		x->b = chain_strdup(b);
		x->value = t->make(a, b, t->ctx);
		*slot = x;
	}
	return ((struct chain_pair *)*slot)->value;
}

/* The value of pair (a, b), or NULL when the table has no such pair. */
void *
chain_pairs_get(struct chain_pairs *t, const char *a, const char *b)
{
	struct chain_pair *x = chain_map_get(t->map, pair_key(t, a, b));

	return x != NULL ? x->value : NULL;
}

static int
compare_pairs(const void *p, const void *q)
{
	const struct chain_pair *x = *(const struct chain_pair *const *)p;
	const struct chain_pair *y = *(const struct chain_pair *const *)q;
	int c = strcmp(x->a, y->a);

	return c != 0 ? c : strcmp(x->b, y->b);
}

/* Every pair, by a and then b; the caller frees the array. */
struct chain_pair **
chain_pairs_sorted(const struct chain_pairs *t, size_t *n)
{
	const char **keys = chain_map_keys(t->map, 0);
	struct chain_pair **list;
	size_t i;

	*n = chain_map_count(t->map);
	list = chain_calloc(*n + 1, sizeof(*list));
	for (i = 0; i < *n; i++)
		list[i] = chain_map_get(t->map, keys[i]);
	free(keys);
	if (*n > 1)
		qsort(list, *n, sizeof(*list), compare_pairs);
	return list;
}

/* Every pair gets its reverse, made when it is missing. */
void
chain_pairs_complete(struct chain_pairs *t)
{
	struct chain_pair **list;
	size_t i, n;

	list = chain_pairs_sorted(t, &n);
	for (i = 0; i < n; i++)
		chain_pairs_slot(t, list[i]->b, list[i]->a);
	free(list);
}

/* Who carries a pair: (there - back) / (there + back); NAN for neither. */
double
chain_balance(long there, long back)
{
	return (double)(there - back) / (double)(there + back);
}
