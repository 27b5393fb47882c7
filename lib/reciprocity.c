/*
 * reciprocity.c: who promises what to whom (chain-agree matrix).  The
 * agreements between two partners are tallied per ordered pair, owner to
 * counterpart; an agreement with the whole chain says nothing about a
 * pair and a cancelled one was never carried, so both are left out.  Each
 * pair is written next to its reverse (pairs.c): the agreements there, the
 * owner's reliability in them, the agreements back, and the balance.
 */
#include <stdlib.h>
#include <string.h>

#include "chain_priv.h"

struct chain_reciprocity {
	struct chain_pairs *pairs;	/* (owner, counterpart) -> tally */
};

static void *
new_tally(const char *a, const char *b, void *ctx)
{
	(void)a;
	(void)b;
	(void)ctx;
	return chain_calloc(1, sizeof(struct chain_tally));
}

struct chain_reciprocity *
chain_reciprocity_new(void)
{
	struct chain_reciprocity *m = chain_calloc(1, sizeof(*m));

	m->pairs = chain_pairs_new(new_tally, free, NULL);
	return m;
}

void
chain_reciprocity_free(struct chain_reciprocity *m)
{
	chain_pairs_free(m->pairs);
	free(m);
}

/* One agreement into its pair's tally (a chain_judged_fn). */
void
chain_reciprocity_add(struct chain_csv *r, const struct chain_judged *j,
    void *reciprocity)
{
	struct chain_reciprocity *m = reciprocity;
	const char *owner = chain_field(j->row, j->columns->owner);
	const char *counterpart = chain_register_partner(j->row,
	    j->columns->counterpart);

	(void)r;
	if (strcmp(counterpart, "*") == 0 || j->v.state == CHAIN_CANCELLED ||
	    j->v.state == CHAIN_NOT_MADE)
		return;
	chain_tally_add(chain_pairs_slot(m->pairs, owner, counterpart), &j->v);
}

/* The matrix rows, header first: every pair and its reverse, sorted. */
void
chain_reciprocity_write(struct chain_reciprocity *m, struct chain_out *w)
{
	struct chain_pair **list;
	size_t i, n;

	chain_pairs_complete(m->pairs);
	list = chain_pairs_sorted(m->pairs, &n);
	chain_out_header(w, chain_format_header(CHAIN_FORMAT_AGREE_MATRIX));
	for (i = 0; i < n; i++) {
		const struct chain_tally *there = list[i]->value;
		const struct chain_tally *back = chain_pairs_get(m->pairs,
		    list[i]->b, list[i]->a);

		chain_out_text(w, list[i]->a);
		chain_out_text(w, list[i]->b);
		chain_out_int(w, there->total);
		chain_out_number(w, chain_tally_reliability(there));
		chain_out_int(w, back->total);
		chain_out_number(w, chain_balance(there->total, back->total));
		chain_out_end(w);
	}
	free(list);
}
