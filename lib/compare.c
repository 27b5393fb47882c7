/*
 * compare.c: a score in two waves compared.  The responses of the two
 * waves (--from and --to) are grouped by wave and by partner and about (or
 * --by, which cannot be wave); each group, whichever of the waves it was
 * answered in, gets a row per dimension with both sides, the change, its
 * Welch's p-value and Cohen's d (welch.c).  A side the pattern of the
 * whole input hides (score.c) is not shown, and then neither is the change.  A decline is
 * a fall whose p-value is below the significance level.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chain_priv.h"

struct chain_waves {
	const struct chain_instrument *in;
	char from_buf[CHAIN_DATE_LEN], to_buf[CHAIN_DATE_LEN];
	const char *wave[2];		/* from, to; normalised */
	int by;				/* the grouping, the wave included */
	struct chain_groups *groups;
};

/* compare's grouping: --by (-1 when not given) and the wave. */
int
chain_compare_by(int by)
{
	if (by < 0)
		return CHAIN_BY_WAVE | CHAIN_COMPARE_BY;
	if (by & CHAIN_BY_WAVE)
		chain_usage_error("--by wave does not go with compare (the "
		    "waves are --from and --to)");
	return CHAIN_BY_WAVE | by;
}

struct chain_waves *
chain_compare_gather(const struct chain_survey_input *si, int by,
    long min_n, const char *from, const char *to)
{
	struct chain_waves *c = chain_calloc(1, sizeof(*c));

	c->in = si->in;
	c->wave[0] = chain_wave_normalize(from, c->from_buf);
	c->wave[1] = chain_wave_normalize(to, c->to_buf);
	c->by = by & CHAIN_BY_ALL;
	c->groups = chain_groups_gather(si, min_n, c->wave, 2);
	return c;
}

void
chain_compare_free(struct chain_waves *c)
{
	if (c == NULL)
		return;
	chain_groups_free(c->groups);
	free(c);
}

/*
 * A fall with a p-value below the significance level: a certain one (no
 * spread in either wave, p 0) included.  The report's Act list asks the
 * same of the rows of compare it reads.
 */
int
chain_declines(double change, double p)
{
	return change < 0 && p < CHAIN_SIGNIFICANCE;
}

static const struct chain_moments no_moments;

/* One side of a pair: its moments, and whether they are shown. */
static const struct chain_moments *
side(const struct chain_waves *c, int wave, const struct chain_pair *p,
    size_t cell, int *shown)
{
	struct chain_group *g = chain_groups_find(c->groups, c->by,
	    c->wave[wave], p->a, p->b);

	*shown = g != NULL && !g->suppressed[cell];
	return g != NULL ? &g->cell[cell] : &no_moments;
}

static void
write_side(struct chain_out *w, const struct chain_moments *m, int shown)
{
	chain_out_number(w, shown ? (double)m->n : NAN);
	chain_out_number(w, shown ? m->mean : NAN);
}

/* A pair's row on one cell; returns whether it declines. */
static int
compare_row(struct chain_out *w, const struct chain_waves *c,
    const struct chain_pair *p, size_t cell)
{
	int shown_from, shown_to;
	const struct chain_moments *from = side(c, 0, p, cell, &shown_from);
	const struct chain_moments *to = side(c, 1, p, cell, &shown_to);
	struct chain_comparison cmp;

	chain_out_text(w, p->a);
	chain_out_text(w, p->b);
	chain_out_text(w, chain_cell_name(c->in, cell));
	write_side(w, from, shown_from);
	write_side(w, to, shown_to);
	cmp.change = cmp.p = cmp.d = NAN;
	if (shown_from && shown_to)
		chain_compare(from, to, &cmp);
	chain_out_number(w, cmp.change);
	chain_out_number(w, cmp.p);
	chain_out_number(w, cmp.d);
	chain_out_end(w);
	return shown_from && shown_to && chain_declines(cmp.change, cmp.p);
}

static void *
no_value(const char *partner, const char *about, void *ctx)
{
	(void)partner;
	(void)about;
	return ctx;
}

/* The pairs of partner and about, whichever of the two waves. */
static struct chain_pairs *
compared_pairs(const struct chain_waves *c)
{
	struct chain_pairs *t = chain_pairs_new(no_value, NULL, NULL);
	struct chain_group *const *list;
	size_t i, n;

	list = chain_groups_sorted(c->groups, c->by, &n);
	for (i = 0; i < n; i++)
		if (strcmp(list[i]->wave, c->wave[0]) == 0 ||
		    strcmp(list[i]->wave, c->wave[1]) == 0)
			chain_pairs_slot(t, list[i]->partner, list[i]->about);
	return t;
}

/*
 * compare: a row per pair and cell shown (the one chosen, else all).
 * Returns whether one declines, when --fail-on names decline.
 */
int
chain_compare_write(struct chain_out *w, const struct chain_waves *c,
    int chosen, int fail_on)
{
	struct chain_pairs *t = compared_pairs(c);
	struct chain_pair **list;
	size_t i, cell, n;
	int found = 0;

	list = chain_pairs_sorted(t, &n);
	for (i = 0; i < n; i++)
		for (cell = 0; cell <= c->in->ndims; cell++)
			if (chain_cell_shown(c->in, chosen, cell))
				found |= compare_row(w, c, list[i], cell);
	free(list);
	chain_pairs_free(t);
	return found && (fail_on & CHAIN_FAIL_DECLINE);
}
