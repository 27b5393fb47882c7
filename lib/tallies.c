/*
 * tallies.c: the states of a partner's agreements, tallied (chain-agree
 * score).  A partner is the owner of an agreement or, by counterpart, the
 * one it is made to (empty or '*' is the whole chain); with a period kind
 * each partner gets a tally per period of the due date.  The tallies are
 * written sorted by partner and then period, as rows of the score format
 * of chain(5): the count per state, the surprises, reliability and
 * predictability.
 */
#include <stdlib.h>
#include <string.h>

#include "chain_priv.h"

struct group {
	char *partner;
	struct chain_period period;
	struct chain_tally tally;
};

struct chain_tallies {
	struct chain_map *groups;	/* key() -> struct group */
	struct chain_grouping by;
	char *key;
	size_t keycap;
};

struct chain_tallies *
chain_tallies_new(const struct chain_grouping *g)
{
	struct chain_tallies *t = chain_calloc(1, sizeof(*t));

	t->groups = chain_map_new();
	t->by = *g;
	return t;
}

static void
free_group(void *p)
{
	struct group *g = p;

	free(g->partner);
	free(g);
}

void
chain_tallies_free(struct chain_tallies *t)
{
	chain_map_free(t->groups, free_group);
	free(t->key);
	free(t);
}

/*
 * A group's key: the partner and, per period, a separator and the first
 * day of the period as eight hex digits.  It is made once per agreement, so
 * it is written by hand into a buffer kept from row to row.
 */
static const char *
key(struct chain_tallies *t, const char *partner, struct chain_period p)
{
	static const char hex[] = "0123456789abcdef";
	size_t n = strlen(partner);
	unsigned start = (unsigned)p.start;
	int i;

	if (n + 10 > t->keycap) {
		t->keycap = n + 64;
		t->key = chain_realloc(t->key, t->keycap);
	}
	memcpy(t->key, partner, n + 1);
	if (!t->by.per)
		return t->key;
	t->key[n] = '\x1f';
	for (i = 8; i > 0; i--, start >>= 4)
		t->key[n + (size_t)i] = hex[start & 0xf];
	t->key[n + 9] = '\0';
	return t->key;
}

/* One agreement into its partner's tally (a chain_judged_fn). */
void
chain_tallies_add(struct chain_csv *r, const struct chain_judged *j,
    void *tallies)
{
	struct chain_tallies *t = tallies;
	const char *partner = t->by.by_counterpart ?
	    chain_register_partner(j->row, j->columns->counterpart) :
	    chain_field(j->row, j->columns->owner);
	struct chain_period period = { CHAIN_DAY, 0 };
	void **slot;

	(void)r;
	if (t->by.per)
		period = chain_period_of(t->by.kind, j->a.due);
	slot = chain_map_slot(t->groups, key(t, partner, period), NULL);
	if (*slot == NULL) {
		struct group *g = chain_calloc(1, sizeof(*g));

		g->partner = chain_strdup(partner);
		g->period = period;
		*slot = g;
	}
	chain_tally_add(&((struct group *)*slot)->tally, &j->v);
}

static int
compare_groups(const void *a, const void *b)
{
	const struct group *x = *(const struct group *const *)a;
	const struct group *y = *(const struct group *const *)b;
	int c = strcmp(x->partner, y->partner);

	return c != 0 ? c : chain_period_cmp(x->period, y->period);
}

static void
write_group(const struct chain_tallies *t, const struct group *g,
    struct chain_out *w)
{
	int s;

	chain_out_text(w, g->partner);
	if (t->by.per)
		chain_out_period(w, g->period);
	else
		chain_out_empty(w);
	chain_out_int(w, g->tally.total);
	for (s = 0; s < CHAIN_NTALLIED; s++)
		chain_out_int(w, g->tally.state[s]);
	chain_out_int(w, g->tally.surprises);
	chain_out_number(w, chain_tally_reliability(&g->tally));
	chain_out_number(w, chain_tally_predictability(&g->tally));
	chain_out_end(w);
}

/* The score rows, header first, by partner and then period. */
void
chain_tallies_write(const struct chain_tallies *t, struct chain_out *w)
{
	const char **keys = chain_map_keys(t->groups, 0);
	struct group **list;
	size_t i, n = chain_map_count(t->groups);

	list = chain_calloc(n + 1, sizeof(*list));
	for (i = 0; i < n; i++)
		list[i] = chain_map_get(t->groups, keys[i]);
	free(keys);
	qsort(list, n, sizeof(*list), compare_groups);
	chain_out_header(w, chain_format_header(CHAIN_FORMAT_AGREE_SCORE));
	for (i = 0; i < n; i++)
		write_group(t, list[i], w);
	free(list);
}
