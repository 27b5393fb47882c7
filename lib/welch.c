/*
 * welch.c: two groups of respondents compared, as compare does between two
 * waves.  Welch's t-test does not assume equal variances: t is the change
 * in mean over sqrt(s1^2/n1 + s2^2/n2), with the Welch-Satterthwaite
 * degrees of freedom, and the p-value is two-sided.  Cohen's d is the
 * change over the pooled standard deviation
 * sqrt(((n1 - 1) s1^2 + (n2 - 1) s2^2) / (n1 + n2 - 2)).
 *
 * With no spread in either group (every respondent of each wave gave the
 * same score) there is nothing to test against and nothing to doubt: a
 * difference is certain, p is 0 when the means differ and 1 when they are
 * equal, and d, a change in standard deviations, stays undefined.  A
 * group of one respondent has no spread to speak of (its standard
 * deviation is undefined): then p and d stay undefined too.
 */
#include <math.h>

#include "chain_priv.h"

/* NAN in every field that the groups do not allow (n < 2; d without variance). */
void
chain_compare(const struct chain_moments *from, const struct chain_moments *to,
    struct chain_comparison *c)
{
	double n1 = (double)from->n, n2 = (double)to->n;
	double v1 = chain_moments_var(from), v2 = chain_moments_var(to);
	double a = v1 / n1, b = v2 / n2, pooled;

	c->change = from->n > 0 && to->n > 0 ? to->mean - from->mean : NAN;
	c->t = c->df = c->p = c->d = NAN;
	if (from->n < 2 || to->n < 2)
		return;
	if (a + b > 0) {
		c->t = c->change / sqrt(a + b);
		c->df = (a + b) * (a + b) /
		    (a * a / (n1 - 1) + b * b / (n2 - 1));
		c->p = chain_t_two_sided(c->t, c->df);
	} else
		c->p = c->change != 0 ? 0 : 1;	/* no spread: certain */
	pooled = sqrt(((n1 - 1) * v1 + (n2 - 1) * v2) / (n1 + n2 - 2));
	if (pooled > 0)
		c->d = c->change / pooled;
}
