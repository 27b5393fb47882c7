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

#include "chain.h"

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
