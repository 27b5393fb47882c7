/* test_stats.c: moments, percentiles and Student's t (lib/stats.c). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chain_priv.h"
#include "unit.h"

#define CHECK_NEAR(got, want, eps) CHECK(fabs((got) - (want)) < (eps))

/*
 * Selection gives what sorting gives, on random values, on many equal
 * ones, on sorted and reversed input, for every size up to 300 and for a
 * large one.
 */
static void
test_quantile_select(void)
{
	static const double ps[] = { 0, 0.1, 0.25, 0.5, 0.9, 0.99, 1 };
	unsigned long long s = 88172645463325252ULL;
	size_t n, i, k, shape, bad = 0;
	double *x = malloc(100000 * sizeof(*x)), *y = malloc(100000 *
	    sizeof(*y));

	for (n = 1; n <= 100000; n = n < 300 ? n + 1 : n * 10 + 7)
		for (shape = 0; shape < 4; shape++)
			for (k = 0; k < sizeof(ps) / sizeof(ps[0]); k++) {
				for (i = 0; i < n; i++) {
					s ^= s << 13;
					s ^= s >> 7;
					s ^= s << 17;
					x[i] = shape == 0 ? (double)(s % 1000000) /
					    7 : shape == 1 ? (double)(s % 3) :
					    shape == 2 ? (double)i : (double)(n - i);
				}
				memcpy(y, x, n * sizeof(*x));
				chain_sort_doubles(y, n);
				if (chain_quantile(x, n, ps[k]) !=
				    chain_quantile_sorted(y, n, ps[k]))
					bad++;
			}
	CHECK_INT(bad, 0);
	CHECK(isnan(chain_quantile(x, 0, 0.5)));
	free(x);
	free(y);
}

int
main(void)
{
	struct chain_moments m = { 0, 0, 0 };
	double v[] = { 2, 4, 4, 4, 5, 5, 7, 9 };
	double ten[] = { 7, 3, 10, 1, 2, 9, 4, 8, 6, 5 };
	size_t i;

	for (i = 0; i < 8; i++)
		chain_moments_add(&m, v[i]);
	CHECK_INT(m.n, 8);
	CHECK_NEAR(m.mean, 5, 1e-12);
	CHECK_NEAR(chain_moments_var(&m), 32.0 / 7.0, 1e-12);
	m.n = 1;
	CHECK(isnan(chain_moments_sd(&m)));

	/* type 7: quantile(1:10, c(.5, .9, .25)) in R is 5.5, 9.1, 3.25 */
	chain_sort_doubles(ten, 10);
	CHECK_NEAR(chain_quantile_sorted(ten, 10, 0.5), 5.5, 1e-12);
	CHECK_NEAR(chain_quantile_sorted(ten, 10, 0.9), 9.1, 1e-12);
	CHECK_NEAR(chain_quantile_sorted(ten, 10, 0.25), 3.25, 1e-12);
	CHECK_NEAR(chain_quantile_sorted(ten, 10, 0), 1, 1e-12);
	CHECK_NEAR(chain_quantile_sorted(ten, 10, 1), 10, 1e-12);
	CHECK_NEAR(chain_quantile_sorted(ten, 1, 0.9), 1, 1e-12);
	CHECK(isnan(chain_quantile_sorted(ten, 0, 0.5)));
	test_quantile_select();
	{
		double odd[] = { 3, 1, 2 };

		CHECK_NEAR(chain_median(odd, 3), 2, 1e-12);
	}

	/* closed forms: df 1 is Cauchy, df 2 has p = 1 - t / sqrt(2 + t^2) */
	CHECK_NEAR(chain_t_two_sided(2, 1), 1 - 2 / M_PI * atan(2), 1e-10);
	CHECK_NEAR(chain_t_two_sided(-2, 1), 1 - 2 / M_PI * atan(2), 1e-10);
	CHECK_NEAR(chain_t_two_sided(1, 2), 1 - 1 / sqrt(3), 1e-10);
	/* tables: t(0.975; 10) = 2.228, t(0.995; 20) = 2.845 */
	CHECK_NEAR(chain_t_two_sided(2.228139, 10), 0.05, 1e-6);
	CHECK_NEAR(chain_t_two_sided(2.845340, 20), 0.01, 1e-6);
	CHECK_NEAR(chain_t_two_sided(1.959964, 1e7), 0.05, 1e-6);
	CHECK_NEAR(chain_t_two_sided(0, 5), 1, 1e-12);
	CHECK_NEAR(chain_beta_inc(2, 3, 0.4), 0.5248, 1e-12);
	UNIT_DONE();
}
