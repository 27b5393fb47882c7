/* test_date.c: dates, timestamps, ISO weeks and periods (lib/date.c). */
#include "chain_priv.h"
#include "unit.h"

static int
date(const char *s)
{
	int d = -1;

	if (chain_date_parse(s, &d) != 0)
		return -99999;
	return d;
}

static const char *
period_text(const char *s)
{
	static char buf[CHAIN_PERIOD_LEN];
	struct chain_period p;

	if (chain_period_parse(s, &p) != 0)
		return "invalid";
	chain_period_format(p, buf);
	return buf;
}

static const char *
next_text(const char *s)
{
	static char buf[CHAIN_PERIOD_LEN];
	struct chain_period p;

	if (chain_period_parse(s, &p) != 0)
		return "invalid";
	chain_period_format(chain_period_next(p), buf);
	return buf;
}

static const char *
week_of(const char *s)
{
	static char buf[CHAIN_PERIOD_LEN];

	chain_period_format(chain_period_of(CHAIN_WEEK, date(s)), buf);
	return buf;
}

static void
test_dates(void)
{
	char buf[CHAIN_DATE_LEN];

	CHECK_INT(date("1970-01-01"), 0);
	CHECK_INT(date("1970-01-02"), 1);
	CHECK_INT(date("1969-12-31"), -1);
	CHECK_INT(date("2026-11-23"), 20780);
	CHECK_INT(date("23-11-2026"), 20780);	/* Dutch Excel */
	CHECK_INT(date("01-03-2026"), date("2026-03-01"));
	CHECK_INT(date("1-3-2026"), date("2026-03-01"));
	CHECK_INT(date("  2026-11-23 "), 20780);	/* blanks around */
	CHECK_INT(date("2024-02-29"), date("2024-03-01") - 1);
	CHECK_INT(date("2000-02-29"), date("2000-03-01") - 1);
	CHECK_INT(date("2026-02-29"), -99999);
	CHECK_INT(date("1900-02-29"), -99999);
	CHECK_INT(date("31-02-2026"), -99999);
	CHECK_INT(date("2026-13-01"), -99999);
	CHECK_INT(date("2026-04-31"), -99999);
	CHECK_INT(date("2026-00-10"), -99999);
	CHECK_INT(date("2026/03/01"), -99999);
	CHECK_INT(date("2026-03-01x"), -99999);
	CHECK_INT(date("20260301"), -99999);
	CHECK_INT(date(""), -99999);
	CHECK_INT(date("26-03-01"), -99999);
	chain_date_format(20780, buf);
	CHECK_STR(buf, "2026-11-23");
	chain_date_format(-1, buf);
	CHECK_STR(buf, "1969-12-31");
	chain_date_format_dutch(date("2026-03-01"), buf);
	CHECK_STR(buf, "01-03-2026");
	CHECK(chain_date_dutch("1-3-2026"));
	CHECK(!chain_date_dutch("2026-03-01"));
}

static void
test_weeks(void)
{
	int y, w;

	chain_iso_week(date("2020-12-31"), &y, &w);
	CHECK_INT(y, 2020);
	CHECK_INT(w, 53);
	chain_iso_week(date("2021-01-03"), &y, &w);	/* a Sunday */
	CHECK_INT(y, 2020);
	CHECK_INT(w, 53);
	chain_iso_week(date("2021-01-04"), &y, &w);
	CHECK_INT(y, 2021);
	CHECK_INT(w, 1);
	/* 2026-W01 starts on Monday 29 December 2025 */
	CHECK_INT(chain_iso_week_start(2026, 1), date("2025-12-29"));
	CHECK_STR(week_of("2025-12-29"), "2026-W01");
	CHECK_STR(week_of("2025-12-28"), "2025-W52");
	CHECK_STR(week_of("2024-12-30"), "2025-W01");
	CHECK_STR(week_of("2010-01-03"), "2009-W53");
	CHECK_STR(week_of("2026-11-23"), "2026-W48");
	CHECK_STR(week_of("2027-01-03"), "2026-W53");	/* 2026 has 53 weeks */
	CHECK_INT(chain_iso_week_start(2020, 53), date("2020-12-28"));
	CHECK_INT(chain_iso_week_start(2026, 53), date("2026-12-28"));
	CHECK_INT(chain_iso_week_start(2025, 53), -1);	/* 2025 has 52 */
	CHECK_INT(chain_iso_week_start(2026, 0), -1);
	CHECK_INT(chain_iso_week_start(2026, 54), -1);
}

static void
test_periods(void)
{
	struct chain_period a, b;

	CHECK_STR(period_text("2026-W05"), "2026-W05");
	CHECK_STR(period_text("2026-w5"), "2026-W05");
	CHECK_STR(period_text("2020-W53"), "2020-W53");
	CHECK_STR(period_text("2025-W53"), "invalid");
	CHECK_STR(period_text("2026-03"), "2026-03");
	CHECK_STR(period_text("2026-3"), "2026-03");
	CHECK_STR(period_text("2026-13"), "invalid");
	CHECK_STR(period_text("2026-Q4"), "2026-Q4");
	CHECK_STR(period_text("2026-Q5"), "invalid");
	CHECK_STR(period_text("2026"), "2026");
	CHECK_STR(period_text("2026-03-01"), "2026-03-01");
	CHECK_STR(period_text("01-03-2026"), "2026-03-01");
	CHECK_STR(period_text("2026-02-30"), "invalid");
	CHECK_STR(period_text("week 5"), "invalid");
	CHECK_STR(period_text(""), "invalid");

	/* stepping across year boundaries */
	CHECK_STR(next_text("2020-W53"), "2021-W01");
	CHECK_STR(next_text("2026-W52"), "2026-W53");
	CHECK_STR(next_text("2026-W53"), "2027-W01");
	CHECK_STR(next_text("2025-W52"), "2026-W01");
	CHECK_STR(next_text("2026-12"), "2027-01");
	CHECK_STR(next_text("2026-Q4"), "2027-Q1");
	CHECK_STR(next_text("2026"), "2027");
	CHECK_STR(next_text("2026-12-31"), "2027-01-01");
	CHECK_STR(next_text("2024-02-28"), "2024-02-29");

	/* ordering in time, not as text */
	chain_period_parse("2025-W52", &a);
	chain_period_parse("2026-W01", &b);
	CHECK(chain_period_cmp(a, b) < 0);
	CHECK(chain_period_cmp(b, a) > 0);
	CHECK(chain_period_cmp(a, a) == 0);
	CHECK_INT(chain_period_end(b), date("2026-01-04"));
	chain_period_parse("2026-02", &a);
	CHECK_INT(chain_period_end(a), date("2026-02-28"));
	a = chain_period_of(CHAIN_QUARTER, date("2026-11-23"));
	CHECK_INT(a.start, date("2026-10-01"));
	a = chain_period_of(CHAIN_MONTH, date("2026-11-23"));
	CHECK_INT(a.start, date("2026-11-01"));
}

static void
test_times(void)
{
	struct chain_time t, u;

	CHECK_INT(chain_time_parse("2011-10-11 13:45:40.276+02:00", &t), 0);
	CHECK_INT(chain_time_parse("2011-10-11T11:45:40.276Z", &u), 0);
	CHECK_INT(t.utc_us, u.utc_us);
	CHECK_INT(t.local_days, date("2011-10-11"));
	CHECK_INT(t.utc_us % 1000000, 276000);
	/* late evening west of UTC: the UTC day is the next, the local not */
	CHECK_INT(chain_time_parse("2011-10-11T23:30:00-02:00", &t), 0);
	CHECK_INT(t.local_days, date("2011-10-11"));
	CHECK_INT(t.utc_us, ((int64_t)date("2011-10-12") * 86400 + 5400) *
	    1000000);
	/* across a daylight-saving change: 02:00+01:00 to 03:00+02:00 is 0 h */
	chain_time_parse("2026-03-29T02:00:00+01:00", &t);
	chain_time_parse("2026-03-29T03:00:00+02:00", &u);
	CHECK_INT(u.utc_us - t.utc_us, 0);
	CHECK_INT(chain_time_parse("2026-03-29", &t), 0);
	CHECK_INT(t.utc_us, (int64_t)date("2026-03-29") * 86400 * 1000000);
	CHECK_INT(chain_time_parse("2026-03-29 08:15", &t), 0);
	CHECK_INT(t.utc_us % (86400LL * 1000000), (8 * 3600 + 15 * 60) *
	    1000000LL);
	CHECK_INT(chain_time_parse("2026-03-29T08:15:00+0530", &t), 0);
	CHECK_INT(chain_time_parse("29-03-2026 08:15:00", &t), 0);
	CHECK_INT(chain_time_parse("2026-03-29T24:00:00", &t), -1);
	CHECK_INT(chain_time_parse("2026-03-29T08:61", &t), -1);
	CHECK_INT(chain_time_parse("2026-03-29T08:15:00+25:00", &t), -1);
	CHECK_INT(chain_time_parse("2026-03-29T08:15:00 CET", &t), -1);
	CHECK_INT(chain_time_parse("2026-03-29T", &t), -1);
	CHECK_INT(chain_time_parse("08:15", &t), -1);
}

int
main(void)
{
	test_dates();
	test_weeks();
	test_periods();
	test_times();
	UNIT_DONE();
}
