/*
 * gen-kpi: the generated files of make bench for chain-kpi, the same on
 * every run (a fixed pseudo-random sequence).
 *   gen-kpi plan              a plan of 50 KPIs (every way to combine)
 *   gen-kpi measurements N    N measurements of 50 KPIs by 8 partners over
 *                             104 ISO weeks (2025-W01 to 2026-W52), written
 *                             week by week as a register grows
 *   gen-kpi events N          N events of N / 5 cases (five steps at up to
 *                             five partners), grouped by case, with UTC
 *                             offsets that change with daylight saving time
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen.h"

static const char *const combine[] = { "mean", "sum", "median", "min", "max",
	"last" };
static const char *const steps[] = { "Register", "Assess", "Decide",
	"Execute", "Close" };

static void
plan(void)
{
	int k;

	printf("kpi,name,unit,better,target,baseline,owner,combine\n");
	for (k = 0; k < 50; k++)
		printf("k%02d,KPI number %d,days,%s,%d,,%s,%s\n", k, k,
		    k % 3 == 0 ? "up" : k % 3 == 1 ? "down" : "", 40 + k,
		    partners[k % 8], k == 7 ? "median" : combine[k % 6 == 2 ?
		    0 : k % 6]);
}

static void
measurements(long n)
{
	long per = n / (50 * 8 * 104), extra = n % (50 * 8 * 104), i = 0;
	int w, k, p, y, wk;
	long r;

	printf("kpi,period,partner,value\n");
	for (w = 0; w < 104; w++) {
		y = w < 52 ? 2025 : 2026;
		wk = w % 52 + 1;
		for (k = 0; k < 50; k++)
			for (p = 0; p < 8; p++, i++)
				for (r = 0; r < per + (i < extra); r++)
					printf("k%02d,%d-W%02d,%s,%u.%02u\n", k, y,
					    wk, partners[p], 20 + k + next(40),
					    next(100));
	}
}

/* Days since 1970-01-01 to a civil date (H. Hinnant's algorithm). */
static void
civil(long z, int *y, int *m, int *d)
{
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = z / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

static void
event(long c, int step, long minutes, const char *partner)
{
	int y, m, d, off;
	long day = minutes / 1440, min = minutes % 1440;

	civil(day, &y, &m, &d);
	off = m >= 4 && m <= 10 ? 2 : 1;
	printf("C%07ld,%s,%04d-%02d-%02dT%02ld:%02ld:00+%02d:00,%s\n", c,
	    steps[step], y, m, d, min / 60, min % 60, off, partner);
}

static void
events(long n)
{
	long cases = n / 5, c, t;
	int s;

	printf("case,step,time,partner\n");
	for (c = 1; c <= cases; c++) {
		/* starts spread over 2025 and 2026 (20089 is 2025-01-01) */
		t = (20089 + (long)next(700)) * 1440 + 480 + next(600);
		for (s = 0; s < 5; s++) {
			event(c, s, t, partners[s == 0 ? 0 : next(5)]);
			t += 60 + next(s == 2 ? 20000 : 4000);
		}
	}
}

int
main(int argc, char *argv[])
{
	long n = argc > 2 ? atol(argv[2]) : 0;

	if (argc > 1 && strcmp(argv[1], "plan") == 0)
		plan();
	else if (argc > 2 && strcmp(argv[1], "measurements") == 0)
		measurements(n);
	else if (argc > 2 && strcmp(argv[1], "events") == 0)
		events(n);
	else {
		fprintf(stderr, "usage: gen-kpi plan | measurements N | events N\n");
		return 2;
	}
	return 0;
}
