/*
 * alpha.c: the reliability of a scale, Cronbach's alpha.  Over the
 * respondents who answered all k items of a dimension it needs only the
 * item covariances, and those follow from n, the k sums and the k x k sums
 * of products: the raw answers are never kept.  Written as
 * (n Sij - Si Sj) / (n (n - 1)), a covariance of whole-number answers is
 * exact in double precision up to millions of respondents.  Each item also
 * gets its corrected item-total correlation (with the sum of the other
 * items) and the alpha of the scale without it.
 *
 * Alpha obeys min-n and the pattern of the scores (score.c, audit.c): a
 * set of fewer than min-n respondents who answered all items, or one the
 * pattern hides, has its rows left empty.
 */
#include <math.h>
#include <stdlib.h>

#include "chain_priv.h"

void
chain_cov_init(struct chain_cov *c, size_t k)
{
	c->k = k;
	c->n = 0;
	c->sum = chain_calloc(k, sizeof(*c->sum));
	c->cross = chain_calloc(k * k, sizeof(*c->cross));
}

void
chain_cov_free(struct chain_cov *c)
{
	free(c->sum);
	free(c->cross);
	c->sum = c->cross = NULL;
}

/* One respondent's k answers; only the upper triangle is summed. */
void
chain_cov_add(struct chain_cov *c, const double *x)
{
	size_t i, j, k = c->k;

	c->n++;
	for (i = 0; i < k; i++) {
		double *row = c->cross + i * k;

		c->sum[i] += x[i];
		for (j = i; j < k; j++)
			row[j] += x[i] * x[j];
	}
}

/* The sample covariance of items i and j; NAN below two respondents. */
double
chain_cov_get(const struct chain_cov *c, size_t i, size_t j)
{
	double n = (double)c->n;

	if (c->n < 2)
		return NAN;
	if (i > j) {
		size_t t = i;

		i = j;
		j = t;
	}
	return (n * c->cross[i * c->k + j] - c->sum[i] * c->sum[j]) /
	    (n * (n - 1));
}

/* The variance of the sum of all items but drop (-1 drops none). */
static double
total_variance(const struct chain_cov *c, long drop)
{
	double v = 0;
	size_t i, j;

	for (i = 0; i < c->k; i++)
		for (j = 0; j < c->k; j++)
			if ((long)i != drop && (long)j != drop)
				v += chain_cov_get(c, i, j);
	return v;
}

/*
 * Cronbach's alpha of the items but drop (-1 drops none):
 * k / (k - 1) (1 - sum of the item variances / variance of the sum).
 * NAN with fewer than two items or respondents, or a sum that never varies.
 */
double
chain_alpha(const struct chain_cov *c, long drop)
{
	double k = (double)c->k - (drop >= 0), items = 0, total;
	size_t i;

	if (k < 2 || c->n < 2)
		return NAN;
	for (i = 0; i < c->k; i++)
		if ((long)i != drop)
			items += chain_cov_get(c, i, i);
	total = total_variance(c, drop);
	if (!(total > 0))
		return NAN;
	return k / (k - 1) * (1 - items / total);
}

/*
 * The corrected item-total correlation of item i: its correlation with the
 * sum of the other items.  NAN when either never varies.
 */
double
chain_r_drop(const struct chain_cov *c, size_t i)
{
	double vi, rest, with = 0;
	size_t j;

	if (c->k < 2 || c->n < 2)
		return NAN;
	vi = chain_cov_get(c, i, i);
	rest = total_variance(c, (long)i);
	for (j = 0; j < c->k; j++)
		if (j != i)
			with += chain_cov_get(c, i, j);
	if (!(vi > 0) || !(rest > 0))
		return NAN;
	return with / sqrt(vi * rest);
}

/* The sums and cross-products of a set's complete answers, per dimension. */
struct answers {
	struct chain_cov *cov;
	struct chain_count *counted;	/* its respondents, up to min-n */
};

/*
 * The answers per wave, and the groups of the scores for the pattern of
 * what may be shown (score.c): alpha's sets are the whole input and one
 * wave (--wave), the groups of no grouping and of the wave.
 */
struct chain_reliability {
	const struct chain_instrument *in;
	long min_n;
	struct chain_map *waves;	/* wave -> struct answers */
	struct chain_groups *groups;
	double *x;
};

static struct answers *
answers_new(const struct chain_instrument *in)
{
	struct answers *s = chain_calloc(1, sizeof(*s));
	size_t d;

	s->cov = chain_calloc(in->ndims, sizeof(*s->cov));
	s->counted = chain_calloc(in->ndims, sizeof(*s->counted));
	for (d = 0; d < in->ndims; d++)
		chain_cov_init(&s->cov[d], in->dims[d].nitems);
	return s;
}

static void
answers_free(struct answers *s, size_t ndims)
{
	size_t d;

	if (s == NULL)
		return;
	for (d = 0; d < ndims; d++) {
		chain_cov_free(&s->cov[d]);
		free(s->counted[d].person);
	}
	free(s->cov);
	free(s->counted);
	free(s);
}

/* A respondent counts for a dimension when they answered all its items. */
static void
reliability_add(const struct chain_response *r, void *arg)
{
	struct chain_reliability *a = arg;
	void **slot = chain_map_slot(a->waves, r->wave, NULL);
	struct answers *s;
	size_t d, j;

	chain_groups_response(r, a->groups);
	if (*slot == NULL)
		*slot = answers_new(a->in);
	s = *slot;
	for (d = 0; d < a->in->ndims; d++) {
		const struct chain_dimension *dim = &a->in->dims[d];

		for (j = 0; j < dim->nitems; j++)
			if (isnan(a->x[j] = r->value[dim->items[j]]))
				break;
		if (j == dim->nitems) {
			chain_cov_add(&s->cov[d], a->x);
			chain_count_add(&s->counted[d], a->min_n, r->person);
		}
	}
}

/* The reliability of every dimension, over the responses of the inputs. */
struct chain_reliability *
chain_reliability_gather(const struct chain_survey_input *si, long min_n)
{
	struct chain_reliability *a = chain_calloc(1, sizeof(*a));

	a->in = si->in;
	a->min_n = min_n;
	a->waves = chain_map_new();
	a->groups = chain_groups_new(si->in, min_n);
	a->x = chain_calloc(si->in->nitems, sizeof(*a->x));
	chain_survey_each(si, NULL, 0, reliability_add, a);
	chain_groups_finish(a->groups);
	return a;
}

void
chain_reliability_free(struct chain_reliability *a)
{
	const char **keys;
	size_t i, n;

	if (a == NULL)
		return;
	keys = chain_map_keys(a->waves, 0);
	n = chain_map_count(a->waves);
	for (i = 0; i < n; i++)
		answers_free(chain_map_get(a->waves, keys[i]), a->in->ndims);
	free(keys);
	chain_map_free(a->waves, NULL);
	chain_groups_free(a->groups);
	free(a->x);
	free(a);
}

/* A dimension's row (k, n, alpha), then a row per item; empty if hidden. */
static void
alpha_rows(struct chain_out *w, const struct chain_instrument *in, size_t d,
    const struct chain_cov *c, int shown)
{
	size_t j;

	chain_out_text(w, in->dims[d].name);
	chain_out_empty(w);
	chain_out_int(w, (long long)c->k);
	chain_out_number(w, shown ? (double)c->n : NAN);
	chain_out_number(w, shown ? chain_alpha(c, -1) : NAN);
	chain_out_empty(w);
	chain_out_empty(w);
	chain_out_end(w);
	for (j = 0; j < c->k; j++) {
		chain_out_text(w, in->dims[d].name);
		chain_out_text(w, in->items[in->dims[d].items[j]].id);
		chain_out_empty(w);
		chain_out_number(w, shown ? (double)c->n : NAN);
		chain_out_empty(w);
		chain_out_number(w, shown ? chain_r_drop(c, j) : NAN);
		chain_out_number(w, shown ? chain_alpha(c, (long)j) : NAN);
		chain_out_end(w);
	}
}

/* to += from: the answers of two sets taken together. */
static void
cov_merge(struct chain_cov *to, const struct chain_cov *from)
{
	size_t i;

	to->n += from->n;
	for (i = 0; i < to->k; i++)
		to->sum[i] += from->sum[i];
	for (i = 0; i < to->k * to->k; i++)
		to->cross[i] += from->cross[i];
}

/* Whether the set of a wave (the pattern shows it, min-n answered all). */
static int
wave_shown(const struct chain_reliability *a, const char *wave,
    const struct answers *s, size_t d)
{
	struct chain_group *g = chain_groups_find(a->groups, CHAIN_BY_WAVE,
	    wave, "", "");

	return g != NULL && !g->hidden && s->counted[d].n >= a->min_n;
}

/*
 * The whole input's answers on each dimension, and whether they may be
 * shown: the pattern shows the whole, min-n answered all items, and the
 * whole less the waves shown does not leave the answers of fewer than
 * min-n in the waves hidden.
 */
static struct answers *
whole(const struct chain_reliability *a, unsigned char *shown)
{
	struct answers *all = answers_new(a->in), *hidden = answers_new(a->in);
	struct chain_group *g = chain_groups_find(a->groups, 0, "", "", "");
	const char **keys = chain_map_keys(a->waves, 0);
	size_t i, d, n = chain_map_count(a->waves);

	for (i = 0; i < n; i++) {
		const struct answers *s = chain_map_get(a->waves, keys[i]);

		for (d = 0; d < a->in->ndims; d++) {
			cov_merge(&all->cov[d], &s->cov[d]);
			chain_count_merge(&all->counted[d], &s->counted[d],
			    a->min_n);
			if (!wave_shown(a, keys[i], s, d))
				chain_count_merge(&hidden->counted[d],
				    &s->counted[d], a->min_n);
		}
	}
	for (d = 0; d < a->in->ndims; d++)
		shown[d] = g != NULL && !g->hidden &&
		    all->counted[d].n >= a->min_n &&
		    (hidden->counted[d].n == 0 ||
		    hidden->counted[d].n >= a->min_n);
	answers_free(hidden, a->in->ndims);
	free(keys);
	return all;
}

/* alpha: the rows of every dimension and its items (of one wave, or all). */
void
chain_alpha_write(struct chain_out *w, const struct chain_reliability *a,
    const char *wave)
{
	char buf[CHAIN_DATE_LEN];
	unsigned char *shown = chain_calloc(a->in->ndims + 1, 1);
	struct answers *s = NULL, *all = NULL;
	size_t d;

	if (wave != NULL) {
		wave = chain_wave_normalize(wave, buf);
		s = chain_map_get(a->waves, wave);
		for (d = 0; s != NULL && d < a->in->ndims; d++)
			shown[d] = wave_shown(a, wave, s, d);
	}
	if (s == NULL)
		s = all = wave != NULL ? answers_new(a->in) : whole(a, shown);
	for (d = 0; d < a->in->ndims; d++)
		alpha_rows(w, a->in, d, &s->cov[d], shown[d]);
	answers_free(all, a->in->ndims);
	free(shown);
}
