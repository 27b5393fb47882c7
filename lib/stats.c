/*
 * stats.c: the statistics the programs share.  Running moments (Welford's
 * update, so a mean and a sample standard deviation need no second pass and
 * no stored rows), percentiles that interpolate linearly between the closest
 * ranks (R's default type 7, numpy's default), and Student's t distribution
 * through the regularized incomplete beta function, for two-sided p-values.
 */
#include <math.h>
#include <stddef.h>
#include <stdlib.h>

#include "chain_priv.h"

void
chain_moments_add(struct chain_moments *m, double x)
{
	double delta = x - m->mean;

	m->n++;
	m->mean += delta / (double)m->n;
	m->m2 += delta * (x - m->mean);
}

/* The sample variance (divisor n - 1); NAN below two values. */
double
chain_moments_var(const struct chain_moments *m)
{
	if (m->n < 2)
		return NAN;
	return m->m2 > 0 ? m->m2 / (double)(m->n - 1) : 0;
}

double
chain_moments_sd(const struct chain_moments *m)
{
	return sqrt(chain_moments_var(m));
}

static int
compare_doubles(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

void
chain_sort_doubles(double *x, size_t n)
{
	qsort(x, n, sizeof(*x), compare_doubles);
}

/*
 * The p-quantile (0 <= p <= 1) of n sorted values: the value at rank
 * (n - 1) p, interpolated between the two closest ranks.  NAN for n = 0.
 */
double
chain_quantile_sorted(const double *x, size_t n, double p)
{
	double h, lo;
	size_t i;

	if (n == 0)
		return NAN;
	if (p <= 0)
		return x[0];
	if (p >= 1)
		return x[n - 1];
	h = (double)(n - 1) * p;
	lo = floor(h);
	i = (size_t)lo;
	if (i + 1 >= n)
		return x[n - 1];
	return x[i] + (h - lo) * (x[i + 1] - x[i]);
}

static void
swap(double *x, ptrdiff_t i, ptrdiff_t j)
{
	double t = x[i];

	x[i] = x[j];
	x[j] = t;
}

/*
 * Puts the k-th smallest of n values at x[k], none larger before it and
 * none smaller after (Hoare's selection, the pivot the median of three).
 * When the range does not shrink as fast as it should, as on a hostile
 * order, what is left is sorted, so the cost stays below that of a sort.
 */
static void
select_rank(double *x, size_t n, size_t rank)
{
	ptrdiff_t lo = 0, hi = (ptrdiff_t)n - 1, k = (ptrdiff_t)rank, i, j;
	unsigned budget = 16;
	double pivot;
	size_t m;

	for (m = n; m > 1; m >>= 1)
		budget += 3;
	while (hi - lo > 16 && budget-- > 0) {
		i = lo + (hi - lo) / 2;
		if (x[i] < x[lo])
			swap(x, i, lo);
		if (x[hi] < x[lo])
			swap(x, hi, lo);
		if (x[hi] < x[i])
			swap(x, hi, i);
		pivot = x[i];
		for (i = lo, j = hi; i <= j; i++, j--) {
			while (x[i] < pivot)
				i++;
			while (pivot < x[j])
				j--;
			if (i > j)
				break;
			swap(x, i, j);
		}
		/* x[lo..j] <= pivot <= x[i..hi], and pivot between them */
		if (k <= j)
			hi = j;
		else if (k >= i)
			lo = i;
		else
			return;
	}
	chain_sort_doubles(x + lo, (size_t)(hi - lo + 1));
}

/*
 * The p-quantile of n values as chain_quantile_sorted gives it, without
 * sorting them: the two closest ranks found by selection, which reorders
 * x.  For a few percentiles of many values, such as the waits of a pair
 * of partners, this is several times faster than a sort.
 */
double
chain_quantile(double *x, size_t n, double p)
{
	double h, lo, next;
	size_t i, j;

	if (n == 0)
		return NAN;
	h = p <= 0 ? 0 : p >= 1 ? (double)(n - 1) : (double)(n - 1) * p;
	lo = floor(h);
	i = (size_t)lo;
	select_rank(x, n, i);
	if (i + 1 >= n || h == lo)
		return x[i];
	for (next = x[i + 1], j = i + 2; j < n; j++)
		if (x[j] < next)
			next = x[j];
	return x[i] + (h - lo) * (next - x[i]);
}

/* The median of n values, sorting them in place. */
double
chain_median(double *x, size_t n)
{
	chain_sort_doubles(x, n);
	return chain_quantile_sorted(x, n, 0.5);
}

/* One step of the modified Lentz method: the factor h is multiplied by. */
static double
lentz_step(double num, double *c, double *d)
{
	const double tiny = 1e-300;

	*d = 1 + num * *d;
	*c = 1 + num / *c;
	if (fabs(*d) < tiny)
		*d = tiny;
	if (fabs(*c) < tiny)
		*c = tiny;
	*d = 1 / *d;
	return *d * *c;
}

/*
 * The continued fraction of the incomplete beta function, evaluated with
 * the modified Lentz method; converges quickly for x < (a + 1) / (a + b + 2).
 */
static double
beta_fraction(double a, double b, double x)
{
	const double tiny = 1e-300, eps = 1e-15;
	double c = 1, d = 1 - (a + b) * x / (a + 1), h;
	int m;

	if (fabs(d) < tiny)
		d = tiny;
	d = 1 / d;
	h = d;
	for (m = 1; m <= 500; m++) {
		double m2 = 2.0 * m, delta;

		h *= lentz_step(m * (b - m) * x / ((a + m2 - 1) * (a + m2)),
		    &c, &d);
		delta = lentz_step(-(a + m) * (a + b + m) * x /
		    ((a + m2) * (a + m2 + 1)), &c, &d);
		h *= delta;
		if (fabs(delta - 1) < eps)
			break;
	}
	return h;
}

/* The regularized incomplete beta function I_x(a, b). */
double
chain_beta_inc(double a, double b, double x)
{
	double front;

	if (x <= 0)
		return 0;
	if (x >= 1)
		return 1;
	front = exp(lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) +
	    b * log1p(-x));
	if (x < (a + 1) / (a + b + 2))
		return front * beta_fraction(a, b, x) / a;
	return 1 - front * beta_fraction(b, a, 1 - x) / b;
}

/* P(|T| >= |t|) for Student's t with df degrees of freedom. */
double
chain_t_two_sided(double t, double df)
{
	if (isnan(t) || isnan(df) || df <= 0)
		return NAN;
	if (isinf(t))
		return 0;
	return chain_beta_inc(df / 2, 0.5, df / (df + t * t));
}
