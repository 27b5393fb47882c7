/*
 * matrix.c: the trust matrix, how each partner sees each other partner on
 * one dimension, beside how that partner sees it back.  The groups are
 * those of partner and about, whatever their wave (a warning says when
 * several waves are taken together), or of one wave (--wave), shown as the
 * pattern of the whole input says (score.c); the pair table (pairs.c) gives every
 * pair its reverse, so that both directions are listed even when only one
 * was answered.  The reverse mean is the mean shown for the reverse pair,
 * none when that group is too small to show, and the gap is the mean less
 * the reverse mean.  The cell is --dimension, else the overall score.
 * The trust network (network.c) walks the same pairs.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chain_priv.h"

struct chain_matrix {
	const struct chain_instrument *in;
	size_t cell;
	int by;				/* the grouping shown */
	const char *wave;		/* --wave, normalised, or NULL */
	char wave_buf[CHAIN_DATE_LEN];
	struct chain_groups *groups;
	struct chain_pairs *pairs;	/* (partner, about) -> its group */
	int several_waves;
};

/*
 * The dimension of the matrix: the one chosen, else the overall score; -1
 * when none is chosen and the instrument has no overall score.
 */
static int
matrix_cell(const struct chain_instrument *in, int chosen)
{
	return chosen >= 0 ? chosen : chain_instrument_dimension(in,
	    CHAIN_OVERALL);
}

/*
 * NULL when no dimension is chosen and the instrument has no overall score
 * (its dimensions are on different scales): the program asks for one.
 */
struct chain_matrix *
chain_matrix_gather(const struct chain_survey_input *si, long min_n,
    int chosen)
{
	int cell = matrix_cell(si->in, chosen);
	struct chain_matrix *m;

	if (cell < 0)
		return NULL;
	m = chain_calloc(1, sizeof(*m));
	m->in = si->in;
	m->cell = (size_t)cell;
	m->by = CHAIN_BY_PARTNER | CHAIN_BY_ABOUT;
	if (si->wave != NULL) {
		m->wave = chain_wave_normalize(si->wave, m->wave_buf);
		m->by |= CHAIN_BY_WAVE;
	}
	m->groups = chain_groups_gather(si, min_n, NULL, 0);
	m->several_waves = chain_groups_several_waves(m->groups);
	return m;
}

void
chain_matrix_free(struct chain_matrix *m)
{
	if (m == NULL)
		return;
	chain_pairs_free(m->pairs);
	chain_groups_free(m->groups);
	free(m);
}

/* A pair's group; none (NULL) for a reverse pair answered by no one. */
static void *
pair_group(const char *partner, const char *about, void *arg)
{
	struct chain_matrix *m = arg;

	return chain_groups_find(m->groups, m->by, m->wave, partner, about);
}

/* Every pair of a partner and the partner it is about, both ways. */
static struct chain_pairs *
both_ways(struct chain_matrix *m)
{
	struct chain_pairs *t = chain_pairs_new(pair_group, NULL, m);
	struct chain_group *const *list;
	size_t i, n;

	list = chain_groups_sorted(m->groups, m->by, &n);
	for (i = 0; i < n; i++)
		if (*list[i]->about != '\0' && (m->wave == NULL ||
		    strcmp(list[i]->wave, m->wave) == 0))
			chain_pairs_slot(t, list[i]->partner, list[i]->about);
	chain_pairs_complete(t);
	return t;
}

/*
 * Every pair, by partner and then about, with its cell and its reverse's
 * as shown (the figures of a hidden group NAN), for the matrix and for
 * the trust network (network.c) alike; command names the command in the
 * warning about several waves.
 */
void
chain_matrix_each(struct chain_matrix *m, const char *command, int quiet,
    chain_matrix_fn *fn, void *ctx)
{
	struct chain_pair **list;
	struct chain_cell c, back;
	size_t i, n;

	if (m->several_waves && m->wave == NULL && !quiet)
		chain_warnx("%s: the responses of several waves are taken "
		    "together; --wave chooses one", command);
	if (m->pairs == NULL)
		m->pairs = both_ways(m);
	list = chain_pairs_sorted(m->pairs, &n);
	for (i = 0; i < n; i++) {
		chain_group_cell(m->in, list[i]->value, m->cell, &c);
		chain_group_cell(m->in, chain_pairs_get(m->pairs, list[i]->b,
		    list[i]->a), m->cell, &back);
		fn(list[i]->a, list[i]->b, &c, &back, ctx);
	}
	free(list);
}

static void
matrix_row(const char *partner, const char *about, const struct chain_cell *c,
    const struct chain_cell *back, void *out)
{
	struct chain_out *w = out;

	chain_out_text(w, partner);
	chain_out_text(w, about);
	chain_out_number(w, chain_cell_n(c));
	chain_out_number(w, c->mean);
	chain_out_number(w, c->index);
	chain_out_number(w, back->mean);
	chain_out_number(w, c->mean - back->mean);
	chain_out_end(w);
}

/* matrix: a row per pair, by partner and then about. */
void
chain_matrix_write(struct chain_out *w, struct chain_matrix *m, int quiet)
{
	chain_matrix_each(m, "matrix", quiet, matrix_row, w);
}
