/*
 * test_survey.c: the arithmetic of chain-survey (lib/alpha.c, lib/welch.c,
 * lib/score.c, lib/seen.c, lib/once.c): covariances from sums and
 * cross-products, Cronbach's alpha, the corrected item-total correlation,
 * Welch's test and Cohen's d, the at-least-half rule, index and level,
 * fingerprints, the order of ids and the once-per-wave check.
 */
#include <math.h>

#include "chain_priv.h"
#include "unit.h"

#define CHECK_NEAR(got, want, eps) CHECK(fabs((got) - (want)) < (eps))

/* Four items, six respondents; the fractions are worked out by hand. */
static void
test_alpha(void)
{
	static const double x[6][4] = {
		{ 4, 4, 3, 5 }, { 2, 3, 2, 2 }, { 5, 5, 4, 4 },
		{ 3, 2, 3, 3 }, { 4, 5, 5, 4 }, { 1, 2, 1, 2 }
	};
	struct chain_cov c;
	size_t i;

	chain_cov_init(&c, 4);
	CHECK(isnan(chain_alpha(&c, -1)));
	chain_cov_add(&c, x[0]);
	CHECK(isnan(chain_cov_get(&c, 0, 0)));
	for (i = 1; i < 6; i++)
		chain_cov_add(&c, x[i]);
	CHECK_INT(c.n, 6);
	CHECK_NEAR(chain_cov_get(&c, 0, 0), 13.0 / 6, 1e-12);
	CHECK_NEAR(chain_cov_get(&c, 3, 3), 22.0 / 15, 1e-12);
	/* Q2 with Q3: 8/5, either way round */
	CHECK_NEAR(chain_cov_get(&c, 1, 2), 8.0 / 5, 1e-12);
	CHECK_NEAR(chain_cov_get(&c, 2, 1), 8.0 / 5, 1e-12);
	CHECK_NEAR(chain_alpha(&c, -1), 271.0 / 288, 1e-12);
	CHECK_NEAR(chain_alpha(&c, 0), 360.0 / 401, 1e-12);
	CHECK_NEAR(chain_alpha(&c, 3), 459.0 / 488, 1e-12);
	CHECK_NEAR(chain_r_drop(&c, 0), (151.0 / 30) / sqrt(13.0 / 6 *
	    401.0 / 30), 1e-12);
	CHECK_NEAR(chain_r_drop(&c, 1), 4.5 / sqrt(1.9 * 14.7), 1e-12);
	chain_cov_free(&c);
}

/* Items that never vary, and a scale of two items. */
static void
test_alpha_edges(void)
{
	static const double flat[3][2] = { { 3, 1 }, { 3, 2 }, { 3, 3 } };
	static const double same[3][2] = { { 1, 1 }, { 2, 2 }, { 4, 4 } };
	struct chain_cov c;
	size_t i;

	chain_cov_init(&c, 2);
	for (i = 0; i < 3; i++)
		chain_cov_add(&c, flat[i]);
	/* the first item never varies: no correlation; alpha is
	   2 (1 - 1 / 1) = 0 */
	CHECK(isnan(chain_r_drop(&c, 0)));
	CHECK_NEAR(chain_alpha(&c, -1), 0, 1e-12);
	CHECK(isnan(chain_alpha(&c, 0)));
	chain_cov_free(&c);
	chain_cov_init(&c, 2);
	for (i = 0; i < 3; i++)
		chain_cov_add(&c, same[i]);
	CHECK_NEAR(chain_alpha(&c, -1), 1, 1e-12);
	CHECK_NEAR(chain_r_drop(&c, 1), 1, 1e-12);
	chain_cov_free(&c);
}

static void
moments(struct chain_moments *m, const double *x, size_t n)
{
	size_t i;

	m->n = 0;
	m->mean = m->m2 = 0;
	for (i = 0; i < n; i++)
		chain_moments_add(m, x[i]);
}

static void
test_welch(void)
{
	static const double a[] = { 2, 3, 4 }, b[] = { 4, 5, 6 };
	static const double c[] = { 3, 4, 5 }, d[] = { 1, 2, 3, 3, 1 };
	struct chain_moments from, to;
	struct chain_comparison r;

	moments(&from, a, 3);
	moments(&to, b, 3);
	chain_compare(&from, &to, &r);
	CHECK_NEAR(r.change, 2, 1e-12);
	CHECK_NEAR(r.t, sqrt(6), 1e-12);
	CHECK_NEAR(r.df, 4, 1e-12);
	/* 4 degrees of freedom: p = 1 - 0.6 sqrt(2.4) */
	CHECK_NEAR(r.p, 1 - 0.6 * sqrt(2.4), 1e-9);
	CHECK_NEAR(r.d, 2, 1e-12);
	moments(&from, c, 3);
	moments(&to, d, 5);
	chain_compare(&from, &to, &r);
	CHECK_NEAR(r.t, -2 / sqrt(8.0 / 15), 1e-12);
	CHECK_NEAR(r.df, (64.0 / 225) / (1.0 / 18 + 1.0 / 100), 1e-12);
	CHECK_NEAR(r.p, 0.0475720568, 1e-7);
	CHECK_NEAR(r.d, -2, 1e-12);
	/* one respondent: a change, nothing to test it with */
	moments(&to, d, 1);
	chain_compare(&from, &to, &r);
	CHECK_NEAR(r.change, -3, 1e-12);
	CHECK(isnan(r.p) && isnan(r.d) && isnan(r.t));
	/* no variance on either side: 3, 3, 3 to 1, 1: certain, p 0, no d */
	moments(&from, c, 1);
	from.n = 3;
	from.m2 = 0;
	to.n = 2;
	to.m2 = 0;
	chain_compare(&from, &to, &r);
	CHECK_NEAR(r.change, -2, 1e-12);
	CHECK(r.p == 0 && isnan(r.d) && isnan(r.t));
	CHECK(chain_declines(r.change, r.p));
	/* the same score in both: no change, and certainly none: p 1 */
	to = from;
	chain_compare(&from, &to, &r);
	CHECK(r.change == 0 && r.p == 1 && isnan(r.d));
	CHECK(!chain_declines(r.change, r.p));
	/* no variance on one side only, 3, 3, 3 to 1, 2, 3: Welch as ever,
	 * t = -1 / sqrt(0 + 1/3), df = (1/3)^2 / ((1/3)^2 / 2) = 2, and for
	 * 2 degrees of freedom p = 1 - |t| / sqrt(2 + t^2) = 1 - sqrt(3/5);
	 * d = -1 / sqrt((0 + 2 x 1) / 4) = -sqrt(2) */
	moments(&to, d, 3);
	chain_compare(&from, &to, &r);
	CHECK_NEAR(r.t, -sqrt(3), 1e-12);
	CHECK_NEAR(r.df, 2, 1e-12);
	CHECK_NEAR(r.p, 1 - sqrt(0.6), 1e-9);
	CHECK_NEAR(r.d, -sqrt(2), 1e-12);
	/* one respondent in each wave, the same score: no spread known,
	 * nothing certain */
	moments(&from, c, 1);
	moments(&to, c, 1);
	chain_compare(&from, &to, &r);
	CHECK(r.change == 0 && isnan(r.p) && isnan(r.d));
}

static void
test_score(void)
{
	struct chain_item items[5];
	size_t d4[] = { 0, 1, 2, 3 }, d1[] = { 4 };
	struct chain_dimension dims[2] = {
		{ "four", 4, d4, 1, 5, NULL }, { "one", 1, d1, 1, 5, NULL }
	};
	struct chain_instrument in = { "t", items, 5, dims, 2, 1 };
	struct chain_response r;
	double sum[2], score[3];
	unsigned answered[2];

	r.sum = sum;
	r.answered = answered;
	/* half of four answered: scored; none of one: missing */
	sum[0] = 7;
	answered[0] = 2;
	sum[1] = 0;
	answered[1] = 0;
	chain_score_respondent(&in, &r, score);
	CHECK_NEAR(score[0], 3.5, 1e-12);
	CHECK(isnan(score[1]));
	CHECK_NEAR(score[2], 3.5, 1e-12);
	/* below half: missing; overall from the other dimension */
	answered[0] = 1;
	sum[1] = 2;
	answered[1] = 1;
	chain_score_respondent(&in, &r, score);
	CHECK(isnan(score[0]));
	CHECK_NEAR(score[2], 2, 1e-12);
	in.overall = 0;
	chain_score_respondent(&in, &r, score);
	CHECK(isnan(score[2]));
}

static void
test_level(void)
{
	CHECK_NEAR(chain_survey_index(4, 1, 5), 75, 1e-12);
	CHECK_NEAR(chain_survey_index(7.5, 0, 10), 75, 1e-12);
	CHECK_STR(chain_survey_level(75), "strength");
	/* a mean of 4 that arithmetic left a hair below */
	CHECK_STR(chain_survey_level(chain_survey_index(4 - 1e-13, 1, 5)),
	    "strength");
	CHECK_STR(chain_survey_level(74.99), "discuss");
	CHECK_STR(chain_survey_level(50), "discuss");
	CHECK_STR(chain_survey_level(49.99), "concern");
	CHECK_STR(chain_survey_level(NAN), "");
}

static void
test_seen(void)
{
	const char *a[] = { "r1", "2026-05", "OM" };
	const char *b[] = { "r1", "2026-05O", "M" };
	const char *c[] = { "r1", "2026-05", "OM" };
	const char *longer[] = { "respondent-000000001", "", "" };
	const char *other[] = { "respondent-000000002", "", "" };
	struct chain_seen *s = chain_seen_new(), *t = chain_seen_new();
	char id[16];
	const char *key[1] = { id };
	size_t i;
	int again = 0, known = 1;

	CHECK(chain_seen_hash(a, 3) == chain_seen_hash(c, 3));
	CHECK(chain_seen_hash(a, 3) != chain_seen_hash(b, 3));
	CHECK(chain_seen_hash(longer, 3) != chain_seen_hash(other, 3));
	CHECK(chain_seen_hash(a, 2) != chain_seen_hash(a, 3));
	CHECK_INT(chain_seen_add(s, chain_seen_hash(a, 3)), 0);
	CHECK_INT(chain_seen_add(s, chain_seen_hash(b, 3)), 0);
	CHECK_INT(chain_seen_add(s, chain_seen_hash(c, 3)), 1);
	/* many keys, through growing, or room made at once */
	chain_seen_reserve(t, 100000);
	for (i = 0; i < 100000; i++) {
		snprintf(id, sizeof(id), "r%zu", i);
		again |= chain_seen_add(s, chain_seen_hash(key, 1));
		again |= chain_seen_add(t, chain_seen_hash(key, 1));
	}
	for (i = 0; i < 100000; i += 997) {
		snprintf(id, sizeof(id), "r%zu", i);
		known &= chain_seen_add(s, chain_seen_hash(key, 1));
		known &= chain_seen_add(t, chain_seen_hash(key, 1));
	}
	CHECK_INT(again, 0);
	CHECK_INT(known, 1);
	chain_seen_free(s);
	chain_seen_free(t);
}

static int
sign(int x)
{
	return (x > 0) - (x < 0);
}

static void
random_id(char *id, unsigned *seed)
{
	static const char letters[] = "0019a";
	int i, n;

	*seed = *seed * 1103515245 + 12345;
	n = 1 + (int)(*seed >> 16) % 5;
	for (i = 0; i < n; i++) {
		*seed = *seed * 1103515245 + 12345;
		id[i] = letters[(*seed >> 16) % 5];
	}
	id[n] = '\0';
}

/* The order of ids is a total order: only equal ids are equal. */
static void
test_id_order(void)
{
	char a[8], b[8], c[8];
	unsigned seed = 1;
	int i, bad = 0, ab, bc, ac;

	for (i = 0; i < 100000; i++) {
		random_id(a, &seed);
		random_id(b, &seed);
		random_id(c, &seed);
		ab = sign(chain_id_compare(a, b));
		bc = sign(chain_id_compare(b, c));
		ac = sign(chain_id_compare(a, c));
		bad |= ab != -sign(chain_id_compare(b, a));
		bad |= (ab == 0) != (strcmp(a, b) == 0);
		bad |= ab == bc && ab != 0 && ac != ab;
	}
	CHECK_INT(bad, 0);
}

static void
test_once(void)
{
	struct chain_once *o = chain_once_new();
	const char *id[] = { "r8", "r9", "r10", "r10", "r11", "r2", "r10",
		"r12" };
	const char *about[] = { "", "", "OM", "POL", "", "", "POL", "" };
	int want[] = { 0, 0, 0, 0, 0, 0, 1, 0 };
	const char *one[1];
	size_t i;

	CHECK(chain_id_compare("r9", "r10") < 0);
	CHECK(chain_id_compare("r10", "r9") > 0);
	CHECK(chain_id_compare("9", "10") < 0);
	CHECK(chain_id_compare("a9b", "a10a") < 0);
	CHECK(chain_id_compare("r10", "r10") == 0);
	CHECK(chain_id_compare("r010", "r10") < 0);
	CHECK(chain_id_compare("r10", "r010") > 0);
	CHECK(chain_id_compare("r1", "r1x") < 0);
	CHECK(chain_id_compare("B", "a") < 0);
	CHECK(chain_id_compare("r0012", "r0102") < 0);
	CHECK(chain_id_compare("x9y", "x10") < 0);
	CHECK(chain_id_compare("12a", "123") < 0);
	CHECK(chain_id_compare("a1b2", "a1b10") < 0);
	CHECK(chain_id_compare("r007", "r0010") < 0);
	CHECK(chain_id_compare("0012", "012") < 0);
	CHECK(chain_id_compare("012", "0012") > 0);
	test_id_order();
	/* in order, then r2 out of order: the keys go to a set, and the
	   repeat of r10 about POL is still found */
	chain_once_reserve(o, 4);
	for (i = 0; i < 8; i++) {
		one[0] = id[i];
		CHECK_INT(chain_once_add(o, id[i], chain_once_key(o,
		    chain_seen_hash(one, 1), "may", about[i])), want[i]);
	}
	chain_once_free(o);
}

int
main(void)
{
	test_alpha();
	test_alpha_edges();
	test_welch();
	test_score();
	test_level();
	test_seen();
	test_once();
	UNIT_DONE();
}
