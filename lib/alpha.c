/*
 * alpha.c: the reliability of a scale, Cronbach's alpha.  Over the
 * respondents who answered all k items of a dimension it needs only the
 * item covariances, and those follow from n, the k sums and the k x k sums
 * of products: the raw answers are never kept.  Written as
 * (n Sij - Si Sj) / (n (n - 1)), a covariance of whole-number answers is
 * exact in double precision up to millions of respondents.  Each item also
 * gets its corrected item-total correlation (with the sum of the other
 * items) and the alpha of the scale without it.
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

/* Per dimension, the sums and cross-products of the complete answers. */
struct chain_reliability {
	const struct chain_instrument *in;
	struct chain_cov *cov;
	double *x;
};

/* A respondent counts for a dimension when they answered all its items. */
static void
reliability_add(const struct chain_response *r, void *arg)
{
	struct chain_reliability *a = arg;
	size_t d, j;

	for (d = 0; d < a->in->ndims; d++) {
		const struct chain_dimension *dim = &a->in->dims[d];

		for (j = 0; j < dim->nitems; j++)
			if (isnan(a->x[j] = r->value[dim->items[j]]))
				break;
		if (j == dim->nitems)
			chain_cov_add(&a->cov[d], a->x);
	}
}

/* The reliability of every dimension, over the responses of the inputs. */
struct chain_reliability *
chain_reliability_gather(const struct chain_survey_input *si)
{
	struct chain_reliability *a = chain_calloc(1, sizeof(*a));
	size_t d;

	a->in = si->in;
	a->cov = chain_calloc(si->in->ndims, sizeof(*a->cov));
	a->x = chain_calloc(si->in->nitems, sizeof(*a->x));
	for (d = 0; d < si->in->ndims; d++)
		chain_cov_init(&a->cov[d], si->in->dims[d].nitems);
	chain_survey_each(si, NULL, 0, reliability_add, a);
	return a;
}

void
chain_reliability_free(struct chain_reliability *a)
{
	size_t d;

	if (a == NULL)
		return;
	for (d = 0; d < a->in->ndims; d++)
		chain_cov_free(&a->cov[d]);
	free(a->cov);
	free(a->x);
	free(a);
}

/* A dimension's row (k, n, alpha), then a row per item. */
static void
alpha_rows(struct chain_out *w, const struct chain_instrument *in, size_t d,
    const struct chain_cov *c)
{
	size_t j;

	chain_out_text(w, in->dims[d].name);
	chain_out_empty(w);
	chain_out_int(w, (long long)c->k);
	chain_out_int(w, c->n);
	chain_out_number(w, chain_alpha(c, -1));
	chain_out_empty(w);
	chain_out_empty(w);
	chain_out_end(w);
	for (j = 0; j < c->k; j++) {
		chain_out_text(w, in->dims[d].name);
		chain_out_text(w, in->items[in->dims[d].items[j]].id);
		chain_out_empty(w);
		chain_out_int(w, c->n);
		chain_out_empty(w);
		chain_out_number(w, chain_r_drop(c, j));
		chain_out_number(w, chain_alpha(c, (long)j));
		chain_out_end(w);
	}
}

/* alpha: the rows of every dimension and its items. */
void
chain_alpha_write(struct chain_out *w, const struct chain_reliability *a)
{
	size_t d;

	for (d = 0; d < a->in->ndims; d++)
		alpha_rows(w, a->in, d, &a->cov[d]);
}
