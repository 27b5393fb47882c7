/* test_xmr.c: XmR limits, the four rules and their precedence (lib/xmr.c). */
#include <math.h>

#include "chain_priv.h"
#include "unit.h"

#define CHECK_NEAR(got, want) CHECK(fabs((got) - (want)) < 1e-9)

static struct chain_xmr_point p[32];

/* Twelve baseline points alternating 11 and 9, then the points given. */
static size_t
series(const double *tail, size_t n)
{
	size_t i;

	for (i = 0; i < 12 + n; i++) {
		p[i].value = i < 12 ? (i % 2 ? 9 : 11) : tail[i - 12];
		p[i].new_segment = 0;
	}
	return 12 + n;
}

static void
rules(const double *tail, size_t n, const char *want)
{
	struct chain_xmr_opts o = { 12, 0 };
	char got[32];
	size_t i, k = series(tail, n);

	chain_xmr(p, k, &o);
	for (i = 12; i < k; i++)
		got[i - 12] = "-OT2S"[p[i].rule];
	got[k - 12] = '\0';
	CHECK_STR(got, want);
}

int
main(void)
{
	struct chain_xmr_opts all = { 0, 0 }, screen = { 0, 1 };
	const double shift[] = { 11, 11.5, 11, 12, 11, 11.5, 11 };
	const double centre[] = { 11, 11.5, 11, 10, 11, 11.5, 11 };
	const double trend[] = { 7, 8, 9, 10, 11, 12, 13 };
	const double equal[] = { 7, 8, 9, 9, 10, 11, 12 };
	const double falling[] = { 13, 12, 11, 10, 9, 8, 7, 9 };
	const double three[] = { 14, 12, 14, 9, 11 };
	const double opposite[] = { 14, 9, 14, 9 };
	const double edge[] = { 15.32, 4.68, 13.5, 13.5, 11 };
	const double first[] = { 16, 14, 10.5, 9 };
	/* NHSRplotthedots' own cases of ptd_part_of_two_in_three */
	const double nhsr_f[] = { 11, 11, 14, 11, 14, 11, 9 };
	const double nhsr_h[] = { 14, 11, 11, 14, 9 };
	const double nhsr_i[] = { 14, 11, 11, 14, 14, 9 };
	const double in_shift[] = { 11, 11.5, 14, 14, 11, 11.5, 11 };
	const double below[] = { 6, 6, 9, 11 };
	size_t n;

	/* limits: centre 10, moving range 2, 10 -/+ 5.32 */
	n = series(NULL, 0);
	chain_xmr(p, n, &all);
	CHECK_NEAR(p[0].mean, 10);
	CHECK_NEAR(p[0].lower, 4.68);
	CHECK_NEAR(p[0].upper, 15.32);
	CHECK_INT(p[5].rule, CHAIN_RULE_NONE);

	rules(shift, 7, "SSSSSSS");
	rules(centre, 7, "-------");
	rules(trend, 7, "TTTTTTT");
	CHECK_INT(p[13].direction, 1);
	rules(equal, 7, "-------");
	/* the fall from the last baseline point (9) to 13 is not a fall */
	rules(falling, 8, "TTTTTTT-");
	CHECK_INT(p[12].direction, -1);
	/*
	 * two of three: only the points beyond 13.5467 (or below 6.4533) are
	 * flagged, never the third point of the window; a point outside the
	 * limits does not count towards one.
	 */
	rules(three, 5, "2-2--");
	rules(opposite, 4, "----");
	/* on a limit is not outside; 13.5 is short of 13.5467 */
	rules(edge, 5, "-----");
	/* 16 is outside: with 14 it is not two of three */
	rules(first, 4, "O---");
	/* near, common, near (f); too far apart (h); near twice at the end (i) */
	rules(nhsr_f, 7, "--2-2--");
	rules(nhsr_h, 5, "-----");
	rules(nhsr_i, 6, "---22-");
	/* within a shift of seven, the points not near the limit are a shift */
	rules(in_shift, 7, "SS22SSS");
	rules(below, 4, "22--");
	CHECK_INT(p[12].direction, -1);
	CHECK_INT(p[14].direction, 0);

	/* two points: limits from one moving range; one point: none */
	p[0].value = 1;
	p[1].value = 3;
	p[1].new_segment = 0;
	chain_xmr(p, 2, &all);
	CHECK_NEAR(p[1].upper, 2 + 2.66 * 2);
	chain_xmr(p, 1, &all);
	CHECK(isnan(p[0].lower) && isnan(p[0].upper));
	CHECK_NEAR(p[0].mean, 1);

	/* a new segment has its own centre; screening drops a wild range */
	n = series(NULL, 0);
	p[6].new_segment = 1;
	chain_xmr(p, n, &all);
	CHECK_NEAR(p[5].mean, 10);
	CHECK_NEAR(p[6].mean, 10);
	CHECK_NEAR(p[6].upper, 15.32);
	p[6].new_segment = 0;
	p[11].value = 100;	/* ranges 2 x 10 and 89: mean 109 / 11 */
	chain_xmr(p, n, &screen);
	CHECK_NEAR(p[0].upper - p[0].mean, 2.66 * 2);
	chain_xmr(p, n, &all);
	CHECK_NEAR(p[0].upper - p[0].mean, 2.66 * 109 / 11);

	/* signal and assurance */
	p[0].rule = CHAIN_RULE_SHIFT;
	p[0].direction = -1;
	CHECK_STR(chain_xmr_signal(&p[0], CHAIN_BETTER_DOWN), "improvement");
	CHECK_STR(chain_xmr_signal(&p[0], CHAIN_BETTER_UP), "concern");
	CHECK_STR(chain_xmr_signal(&p[0], CHAIN_BETTER_NONE), "special");
	p[0].rule = CHAIN_RULE_NONE;
	CHECK_STR(chain_xmr_signal(&p[0], CHAIN_BETTER_UP), "none");
	CHECK_STR(chain_xmr_assurance(5, 15, 4, CHAIN_BETTER_UP), "pass");
	CHECK_STR(chain_xmr_assurance(5, 15, 5, CHAIN_BETTER_UP), "hit-and-miss");
	CHECK_STR(chain_xmr_assurance(5, 15, 16, CHAIN_BETTER_UP), "fail");
	CHECK_STR(chain_xmr_assurance(5, 15, 16, CHAIN_BETTER_DOWN), "pass");
	CHECK_STR(chain_xmr_assurance(5, 15, 15, CHAIN_BETTER_DOWN),
	    "hit-and-miss");
	CHECK_STR(chain_xmr_assurance(5, 15, 4, CHAIN_BETTER_DOWN), "fail");
	CHECK(chain_xmr_assurance(5, 15, NAN, CHAIN_BETTER_DOWN) == NULL);
	CHECK(chain_xmr_assurance(NAN, NAN, 4, CHAIN_BETTER_UP) == NULL);
	CHECK(chain_xmr_assurance(5, 15, 4, CHAIN_BETTER_NONE) == NULL);
	UNIT_DONE();
}
