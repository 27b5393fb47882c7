/*
 * xmr.c: XmR control charts the way the NHS "Making Data Count" method draws
 * them.  A series of points is cut into segments at each process change;
 * each segment has its own centre (the mean of its baseline points) and its
 * own limits (the centre plus or minus 2.66 times the mean moving range of
 * the baseline).  Four special-cause rules, in their order of precedence,
 * tell real change from noise: a point outside the limits, a trend of seven
 * points, two of three points in the outer third, a shift of seven points on
 * one side of the centre.  Every point of a trend or shift is flagged, of
 * two of three only the points in the outer third; each with the first
 * rule that holds for it and the side (or direction) of the run.
 */
#include <math.h>
#include <stdlib.h>

#include "chain_priv.h"

#define MR_FACTOR 2.66		/* 3 / 1.128: from mean moving range to 3 sigma */
#define RUN_LENGTH 7		/* points of a trend or a shift */

const char *const chain_rule_names[] = { "", "outside", "trend",
	"two-of-three", "shift" };

/* The mean moving range over points [s, s + n), screened when asked. */
static double
mean_moving_range(const struct chain_xmr_point *p, size_t s, size_t n,
    int screen)
{
	double sum = 0, mean, kept = 0;
	size_t i, count = 0;

	for (i = s + 1; i < s + n; i++, count++)
		sum += fabs(p[i].value - p[i - 1].value);
	mean = sum / (double)count;
	if (!screen)
		return mean;
	sum = 0;
	for (i = s + 1; i < s + n; i++) {
		double mr = fabs(p[i].value - p[i - 1].value);

		if (mr <= CHAIN_SCREEN_FACTOR * mean) {
			sum += mr;
			kept++;
		}
	}
	return kept > 0 ? sum / kept : mean;
}

/*
 * The end of the segment that starts at point s of n (a new segment starts
 * at each point marked new_segment), and in *basis the number of its
 * points the limits rest on: the first --baseline points, or all.
 */
size_t
chain_xmr_segment(const struct chain_xmr_point *p, size_t n, size_t s,
    const struct chain_xmr_opts *o, size_t *basis)
{
	size_t e;

	for (e = s + 1; e < n && !p[e].new_segment; e++)
		;
	*basis = e - s;
	if (o->baseline > 0 && (size_t)o->baseline < *basis)
		*basis = (size_t)o->baseline;
	return e;
}

/* Centre and limits of the segment [s, e), resting on nb points. */
static void
segment_limits(struct chain_xmr_point *p, size_t s, size_t e, size_t nb,
    const struct chain_xmr_opts *o)
{
	size_t i;
	double sum = 0, centre, lower = NAN, upper = NAN;

	for (i = s; i < s + nb; i++)
		sum += p[i].value;
	centre = sum / (double)nb;
	if (nb >= 2) {
		double mr = mean_moving_range(p, s, nb, o->screen);

		lower = centre - MR_FACTOR * mr;
		upper = centre + MR_FACTOR * mr;
	}
	for (i = s; i < e; i++) {
		p[i].mean = centre;
		p[i].lower = lower;
		p[i].upper = upper;
		p[i].rule = CHAIN_RULE_NONE;
		p[i].direction = 0;
	}
}

static void
flag(struct chain_xmr_point *p, size_t from, size_t to, enum chain_rule rule,
    int direction)
{
	size_t i;

	for (i = from; i < to; i++)
		if (p[i].rule == CHAIN_RULE_NONE) {
			p[i].rule = rule;
			p[i].direction = direction;
		}
}

static int
side(const struct chain_xmr_point *x)
{
	return (x->value > x->mean) - (x->value < x->mean);
}

static void
rule_outside(struct chain_xmr_point *p, size_t s, size_t e)
{
	size_t i;

	for (i = s; i < e; i++)
		if (p[i].value > p[i].upper)
			flag(p, i, i + 1, CHAIN_RULE_OUTSIDE, 1);
		else if (p[i].value < p[i].lower)
			flag(p, i, i + 1, CHAIN_RULE_OUTSIDE, -1);
}

/* Seven points, each strictly higher (or lower) than the one before. */
static void
rule_trend(struct chain_xmr_point *p, size_t s, size_t e)
{
	int dir;

	for (dir = 1; dir >= -1; dir -= 2) {
		size_t start = s, i;

		for (i = s + 1; i <= e; i++) {
			if (i < e && (p[i].value - p[i - 1].value) * dir > 0)
				continue;
			if (i - start >= RUN_LENGTH)
				flag(p, start, i, CHAIN_RULE_TREND, dir);
			start = i;
		}
	}
}

/*
 * Near a limit: beyond two thirds of the way from the centre to the limit
 * on its side, up to that limit (on it included); a point outside is not.
 */
static int
near_limit(const struct chain_xmr_point *x)
{
	if (x->value > x->upper || x->value < x->lower)
		return 0;
	if (x->value > x->mean)
		return x->value - x->mean > (x->upper - x->mean) * 2 / 3;
	return x->mean - x->value > (x->mean - x->lower) * 2 / 3;
}

/*
 * Two of three consecutive points near a limit, all three on one side of
 * the centre: the points near the limit are flagged, the third is not
 * (as NHSRplotthedots' ptd_part_of_two_in_three has it).
 */
static void
rule_two_of_three(struct chain_xmr_point *p, size_t s, size_t e)
{
	size_t i, j;

	for (i = s; i + 3 <= e; i++) {
		int d = side(&p[i]);

		if (d == 0 || side(&p[i + 1]) != d || side(&p[i + 2]) != d)
			continue;
		if (near_limit(&p[i]) + near_limit(&p[i + 1]) +
		    near_limit(&p[i + 2]) < 2)
			continue;
		for (j = i; j < i + 3; j++)
			if (near_limit(&p[j]))
				flag(p, j, j + 1, CHAIN_RULE_TWO_OF_THREE, d);
	}
}

/* Seven or more points on one side of the centre; on it breaks the run. */
static void
rule_shift(struct chain_xmr_point *p, size_t s, size_t e)
{
	size_t start = s, i;

	for (i = s + 1; i <= e; i++) {
		if (i < e && side(&p[i]) == side(&p[start]))
			continue;
		if (side(&p[start]) != 0 && i - start >= RUN_LENGTH)
			flag(p, start, i, CHAIN_RULE_SHIFT, side(&p[start]));
		start = i;
	}
}

/*
 * Computes the chart of n points: p[i].value and p[i].new_segment are read
 * (a new segment also starts at the first point), the rest is written.
 */
void
chain_xmr(struct chain_xmr_point *p, size_t n, const struct chain_xmr_opts *o)
{
	size_t s = 0, e, nb;

	while (s < n) {
		e = chain_xmr_segment(p, n, s, o, &nb);
		/* without limits (a single point) the comparisons are false */
		segment_limits(p, s, e, nb, o);
		rule_outside(p, s, e);
		rule_trend(p, s, e);
		rule_two_of_three(p, s, e);
		rule_shift(p, s, e);
		s = e;
	}
}

/*
 * The first point of the run the last of n points belongs to: seven or
 * more on one side of the centre (a shift) or rising or falling at each
 * step (a trend), within the segment that starts at s; of both, the one
 * that starts first.  -1 when the last point belongs to no such run,
 * whatever rule flags it.
 */
long
chain_xmr_run_start(const struct chain_xmr_point *p, size_t s, size_t n)
{
	size_t last = n - 1, start;
	long first = -1;
	int dir, d = side(&p[last]);

	if (n == 0 || last < s)
		return -1;
	if (d != 0) {
		for (start = last; start > s && side(&p[start - 1]) == d; start--)
			;
		if (last - start + 1 >= RUN_LENGTH)
			first = (long)start;
	}
	for (dir = 1; dir >= -1; dir -= 2) {
		for (start = last; start > s &&
		    (p[start].value - p[start - 1].value) * dir > 0; start--)
			;
		if (last - start + 1 >= RUN_LENGTH &&
		    (first < 0 || (long)start < first))
			first = (long)start;
	}
	return first;
}

/* improvement or concern by the KPI's direction, special without one. */
const char *
chain_xmr_signal(const struct chain_xmr_point *x, enum chain_better better)
{
	if (x->rule == CHAIN_RULE_NONE)
		return "none";
	if (better == CHAIN_BETTER_NONE)
		return "special";
	return (x->direction > 0) == (better == CHAIN_BETTER_UP) ?
	    "improvement" : "concern";
}

/*
 * Whether the process as its limits describe it meets the target: pass when
 * the whole band is on the good side, fail when it is all on the bad side, a
 * target on or between the limits is hit and miss.  NULL when it cannot be
 * said (no target, direction or limits).
 */
const char *
chain_xmr_assurance(double lower, double upper, double target,
    enum chain_better better)
{
	if (better == CHAIN_BETTER_NONE || isnan(target) || isnan(lower) ||
	    isnan(upper))
		return NULL;
	if (better == CHAIN_BETTER_DOWN) {
		double t = lower;

		lower = -upper;
		upper = -t;
		target = -target;
	}
	if (lower > target)
		return "pass";
	if (upper < target)
		return "fail";
	return "hit-and-miss";
}
