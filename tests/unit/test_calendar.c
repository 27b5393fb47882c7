/*
 * test_calendar.c: the working-day calendar (lib/calendar.c): Easter by
 * the computus against published dates, the general holidays of the
 * Algemene termijnenwet (King's Day on a Sunday, Christmas on a weekend),
 * a holidays file, leap years, and every count checked day by day against
 * a plain walk over the calendar.
 */
#include <math.h>
#include <stdlib.h>
#include <unistd.h>

#include "chain_priv.h"
#include "unit.h"

#define US_PER_DAY ((int64_t)86400 * 1000000)
#define US_PER_HOUR ((int64_t)3600 * 1000000)

static int
day(int y, int m, int d)
{
	return chain_days_from_civil(y, m, d);
}

/* A local time, as microseconds since 1970-01-01T00:00 as written. */
static int64_t
at(int y, int m, int d, int hour)
{
	return (int64_t)day(y, m, d) * US_PER_DAY + hour * US_PER_HOUR;
}

static void
test_easter(void)
{
	/* the earliest and latest Easter, and the years around now */
	CHECK_INT(chain_easter(1818), day(1818, 3, 22));
	CHECK_INT(chain_easter(2285), day(2285, 3, 22));
	CHECK_INT(chain_easter(1943), day(1943, 4, 25));
	CHECK_INT(chain_easter(2038), day(2038, 4, 25));
	CHECK_INT(chain_easter(2000), day(2000, 4, 23));
	CHECK_INT(chain_easter(2024), day(2024, 3, 31));
	CHECK_INT(chain_easter(2025), day(2025, 4, 20));
	CHECK_INT(chain_easter(2026), day(2026, 4, 5));
	CHECK_INT(chain_easter(2027), day(2027, 3, 28));
	CHECK_INT(chain_weekday(chain_easter(1583)), 6);
	CHECK_INT(chain_weekday(chain_easter(9999)), 6);
}

static int
holiday(int y, int m, int d)
{
	int h[CHAIN_GENERAL_HOLIDAYS];
	size_t i, n = chain_general_holidays(y, h);

	for (i = 0; i < n; i++)
		if (h[i] == day(y, m, d))
			return 1;
	return 0;
}

static void
test_general_holidays(void)
{
	struct chain_calendar *c = chain_calendar_new();

	/* 2026: Easter 5 April */
	CHECK(holiday(2026, 1, 1));
	CHECK(holiday(2026, 4, 6));	/* Easter Monday */
	CHECK(!holiday(2026, 4, 3));	/* Good Friday is none */
	CHECK(holiday(2026, 4, 27));	/* King's Day, a Monday */
	CHECK(holiday(2026, 5, 5));
	CHECK(holiday(2026, 5, 14));	/* Ascension Day: Easter + 39 */
	CHECK(holiday(2026, 5, 25));	/* Whit Monday: Easter + 50 */
	CHECK(holiday(2026, 12, 25));
	CHECK(holiday(2026, 12, 26));
	/* King's Day on a Sunday moves to the Saturday before */
	CHECK_INT(chain_weekday(day(2025, 4, 27)), 6);
	CHECK(holiday(2025, 4, 26));
	CHECK(!holiday(2025, 4, 27));
	CHECK(!holiday(2025, 4, 28));
	CHECK(chain_calendar_workday(c, day(2025, 4, 25)));
	CHECK(chain_calendar_workday(c, day(2025, 4, 28)));
	CHECK(!chain_calendar_workday(c, day(2026, 4, 27)));
	/* Christmas on a weekend takes no Monday off */
	CHECK_INT(chain_weekday(day(2021, 12, 25)), 5);
	CHECK(chain_calendar_workday(c, day(2021, 12, 27)));
	CHECK(chain_calendar_workday(c, day(2021, 12, 24)));
	CHECK_INT(chain_workdays_between(c, day(2021, 12, 20),
	    day(2022, 1, 3)), 10);
	/* 5 May every year, not only every fifth */
	CHECK(!chain_calendar_workday(c, day(2027, 5, 5)));
	/* Easter week 2026: Thursday, Friday, (weekend, Easter Monday), Tuesday */
	CHECK_INT(chain_workdays_between(c, day(2026, 4, 2), day(2026, 4, 8)),
	    3);
	chain_calendar_free(c);
}

/* The plain answers, a day at a time. */
static int
plain_workday(int d)
{
	int y, m, dd;

	chain_civil_from_days(d, &y, &m, &dd);
	return chain_weekday(d) < 5 && !holiday(y, m, dd);
}

static long
plain_between(int a, int b)
{
	long n = 0;

	for (; a < b; a++)
		n += plain_workday(a);
	return n;
}

static double
plain_duration(int64_t from, int64_t to)
{
	int64_t d, lo, hi;
	double w = 0;

	for (d = from / US_PER_DAY; d * US_PER_DAY < to; d++) {
		lo = from > d * US_PER_DAY ? from : d * US_PER_DAY;
		hi = to < (d + 1) * US_PER_DAY ? to : (d + 1) * US_PER_DAY;
		if (plain_workday((int)d) && hi > lo)
			w += (double)(hi - lo) / (double)US_PER_DAY;
	}
	return w;
}

static void
test_against_plain(void)
{
	struct chain_calendar *c = chain_calendar_new();
	unsigned long long s = 88172645463325252ULL;
	int i, a, b, bad = 0;
	int64_t from, to;
	double w;

	for (i = 0; i < 20000; i++) {
		s ^= s << 13;
		s ^= s >> 7;
		s ^= s << 17;
		a = day(1995, 1, 1) + (int)(s % 15000);	/* 1995 to 2035 */
		b = a + (int)(s / 15000 % 800);
		if (chain_workdays_between(c, a, b) != plain_between(a, b) ||
		    chain_calendar_workday(c, b) != plain_workday(b) ||
		    chain_workdays_between(c, b, a) != -plain_between(a, b))
			bad++;
		from = (int64_t)a * US_PER_DAY + (int64_t)(s % US_PER_DAY);
		to = (int64_t)b * US_PER_DAY + (int64_t)(s / 7 % US_PER_DAY);
		w = chain_workdays_duration(c, from, to);
		if (to > from && (w - plain_duration(from, to) > 1e-9 ||
		    plain_duration(from, to) - w > 1e-9))
			bad++;
	}
	CHECK_INT(bad, 0);
	/* before 1970 the arithmetic holds as well */
	CHECK_INT(chain_workdays_between(c, day(1969, 12, 1), day(1970, 1, 12)),
	    plain_between(day(1969, 12, 1), day(1970, 1, 12)));
	chain_calendar_free(c);
}

static void
test_durations(void)
{
	struct chain_calendar *c = chain_calendar_new();

	/* Friday noon to Monday noon: half a day and half a day */
	CHECK(chain_workdays_duration(c, at(2026, 1, 9, 12),
	    at(2026, 1, 12, 12)) == 1);
	/* 9:00 to 17:00 on a Tuesday: a third of a working day */
	CHECK(fabs(chain_workdays_duration(c, at(2026, 1, 13, 9),
	    at(2026, 1, 13, 17)) - 1.0 / 3) < 1e-12);
	/* Easter: Thursday noon to Tuesday noon, .5 + 1 + .5 */
	CHECK(chain_workdays_duration(c, at(2026, 4, 2, 12),
	    at(2026, 4, 7, 12)) == 2);
	/* a Saturday, and a holiday, count nothing; nor does going back */
	CHECK(chain_workdays_duration(c, at(2026, 1, 10, 1),
	    at(2026, 1, 10, 23)) == 0);
	CHECK(chain_workdays_duration(c, at(2026, 12, 25, 0),
	    at(2026, 12, 26, 0)) == 0);
	CHECK(chain_workdays_duration(c, at(2026, 1, 13, 10),
	    at(2026, 1, 13, 9)) == 0);
	/* the leap day is a working day (a Thursday in 2024); 2026 has none:
	   Monday 26 February 2024 noon to Monday 4 March noon: .5 + 4 + .5;
	   Thursday 26 February 2026 noon to Tuesday 3 March noon: .5 + 1 +
	   1 + .5 */
	CHECK(chain_workdays_duration(c, at(2024, 2, 26, 12),
	    at(2024, 3, 4, 12)) == 5);
	CHECK(chain_workdays_duration(c, at(2026, 2, 26, 12),
	    at(2026, 3, 3, 12)) == 3);
	chain_calendar_free(c);
}

static void
test_add(void)
{
	struct chain_calendar *c = chain_calendar_new();

	/* two working days before Wednesday 14 January 2026: Monday */
	CHECK_INT(chain_workday_add(c, day(2026, 1, 14), -2), day(2026, 1, 12));
	/* before Tuesday 7 April 2026 lie Easter Monday and the weekend */
	CHECK_INT(chain_workday_add(c, day(2026, 4, 7), -1), day(2026, 4, 3));
	CHECK_INT(chain_workday_add(c, day(2026, 4, 7), -2), day(2026, 4, 2));
	CHECK_INT(chain_workday_add(c, day(2026, 4, 2), 2), day(2026, 4, 7));
	CHECK_INT(chain_workday_add(c, day(2026, 4, 4), 0), day(2026, 4, 4));
	/* across the new year: 31 December 2026 is a Thursday */
	CHECK_INT(chain_workday_add(c, day(2026, 12, 31), 1), day(2027, 1, 4));
	chain_calendar_free(c);
}

static void
test_file(void)
{
	char path[] = "/tmp/test_calendarXXXXXX";
	int fd = mkstemp(path);
	const char text[] = "datum;naam\n3-4-2026;Goede Vrijdag\n"
	    "2026-04-04;a Saturday\n2026-04-06;Easter Monday again\n";
	struct chain_opts o;
	struct chain_calendar *c = chain_calendar_new();

	CHECK(fd >= 0);
	if (fd < 0)
		return;
	CHECK(write(fd, text, sizeof(text) - 1) == (ssize_t)(sizeof(text) - 1));
	close(fd);
	/* a year asked for before the file is read is worked out again */
	CHECK(chain_calendar_workday(c, day(2026, 4, 3)));
	chain_opts_init(&o);
	CHECK_INT(chain_calendar_load(c, path, &o), 0);
	CHECK(!chain_calendar_workday(c, day(2026, 4, 3)));
	CHECK(chain_calendar_workday(c, day(2026, 4, 2)));
	CHECK(chain_calendar_workday(c, day(2025, 4, 18)));
	/* Thursday noon to Tuesday noon in Easter week, Good Friday off */
	CHECK(chain_workdays_duration(c, at(2026, 4, 2, 12),
	    at(2026, 4, 7, 12)) == 1);
	CHECK_INT(chain_workdays_between(c, day(2026, 1, 1), day(2027, 1, 1)),
	    plain_between(day(2026, 1, 1), day(2027, 1, 1)) - 1);
	chain_calendar_free(c);
	unlink(path);
}

int
main(void)
{
	test_easter();
	test_general_holidays();
	test_against_plain();
	test_durations();
	test_add();
	test_file();
	UNIT_DONE();
}
