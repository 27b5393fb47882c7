/*
 * calendar.c: the working-day calendar.  A working day is a Monday to
 * Friday that is none of the general holidays of the Dutch Algemene
 * termijnenwet (New Year's Day, Easter Monday, King's Day, 5 May,
 * Ascension Day, Whit Monday, Christmas Day and Boxing Day), computed for
 * any year from Easter by the anonymous Gregorian computus, and none of
 * the dates of a holidays file (Good Friday where a chain's partners take
 * it off, a local day).  A holiday on a Saturday or Sunday takes no other
 * day off.  A stretch of time in working days counts, of every working
 * day it touches, the share of that day's 24 hours it covers (local time
 * as written).  Whole weeks are counted by arithmetic and each year's
 * holidays are worked out once and kept, so a duration costs a few
 * operations however long it is.  The same calendar says how many working
 * days lie between two dates and which date lies N working days before
 * another (in time when sent at least N working days before a meeting).
 */
#include <stdlib.h>
#include <string.h>

#include "chain_priv.h"

#define YEAR_FIRST 0		/* a local date can lie a day beyond 1..9999 */
#define YEAR_LAST 10000
#define NYEARS (YEAR_LAST - YEAR_FIRST + 1)
#define US_PER_DAY ((int64_t)86400 * 1000000)
#define A_MONDAY 4		/* 1970-01-05 */
#define WEEKEND 5		/* Saturday, Monday 0 */

struct year {
	int filled, year;
	int first, next;	/* its 1 January, and the next year's */
	int *day;		/* its holidays on Monday to Friday, sorted */
	size_t n;
};

struct chain_calendar {
	int *file;		/* the dates of the holidays files, sorted */
	size_t nfile, cap;
	struct year *years;	/* by year, filled on first use */
	struct year *last, *before;	/* the years asked for last */
	struct year outside;	/* a year beyond those kept */
};

struct chain_calendar *
chain_calendar_new(void)
{
	return chain_calloc(1, sizeof(struct chain_calendar));
}

/* Easter Sunday of a year (the anonymous Gregorian computus). */
int
chain_easter(int y)
{
	int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
	int f = (b + 8) / 25, g = (b - f + 1) / 3;
	int h = (19 * a + b - d - g + 15) % 30;
	int i = c / 4, k = c % 4;
	int l = (32 + 2 * e + 2 * i - h - k) % 7;
	int m = (a + 11 * h + 22 * l) / 451;
	int n = h + l - 7 * m + 114;

	return chain_days_from_civil(y, n / 31, n % 31 + 1);
}

/*
 * The general holidays of the Algemene termijnenwet in a year, in the
 * order the law lists them; King's Day is the 26th of April when the 27th
 * is a Sunday.
 */
size_t
chain_general_holidays(int y, int day[CHAIN_GENERAL_HOLIDAYS])
{
	int easter = chain_easter(y), kings = chain_days_from_civil(y, 4, 27);

	if (chain_weekday(kings) == 6)
		kings--;
	day[0] = chain_days_from_civil(y, 1, 1);
	day[1] = easter + 1;		/* Easter Monday */
	day[2] = easter + 39;		/* Ascension Day */
	day[3] = easter + 50;		/* Whit Monday */
	day[4] = chain_days_from_civil(y, 12, 25);
	day[5] = chain_days_from_civil(y, 12, 26);
	day[6] = kings;
	day[7] = chain_days_from_civil(y, 5, 5);
	return CHAIN_GENERAL_HOLIDAYS;
}

static int
compare_ints(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

/* The first of n sorted days that is on or after day. */
static size_t
lower_bound(const int *x, size_t n, int day)
{
	size_t lo = 0, hi = n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (x[mid] < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* A year's holidays on weekdays: the general ones and the file's. */
static void
fill(const struct chain_calendar *c, struct year *t, int y)
{
	int general[CHAIN_GENERAL_HOLIDAYS];
	size_t i, n = 0, lo, hi, k;

	t->year = y;
	t->first = chain_days_from_civil(y, 1, 1);
	t->next = chain_days_from_civil(y + 1, 1, 1);
	lo = lower_bound(c->file, c->nfile, t->first);
	hi = lower_bound(c->file, c->nfile, t->next);
	t->day = chain_reallocarray(t->day, CHAIN_GENERAL_HOLIDAYS + hi - lo,
	    sizeof(*t->day));
	chain_general_holidays(y, general);
	for (i = 0; i < CHAIN_GENERAL_HOLIDAYS; i++)
		if (chain_weekday(general[i]) < WEEKEND)
			t->day[n++] = general[i];
	for (i = lo; i < hi; i++)
		if (chain_weekday(c->file[i]) < WEEKEND)
			t->day[n++] = c->file[i];
	qsort(t->day, n, sizeof(*t->day), compare_ints);
	for (i = k = 0; i < n; i++)
		if (k == 0 || t->day[k - 1] != t->day[i])
			t->day[k++] = t->day[i];
	t->n = k;
	t->filled = 1;
}

/* The year of a day: cases alternate between a year or two, so the last
   two asked for are tried first. */
static struct year *
year_of(struct chain_calendar *c, int day)
{
	struct year *t = c->last;
	int y, m, d;

	if (t != NULL && day >= t->first && day < t->next)
		return t;
	if ((t = c->before) != NULL && day >= t->first && day < t->next) {
		c->before = c->last;
		return c->last = t;
	}
	chain_civil_from_days(day, &y, &m, &d);
	if (y >= YEAR_FIRST && y <= YEAR_LAST) {
		if (c->years == NULL)
			c->years = chain_calloc(NYEARS, sizeof(*c->years));
		t = &c->years[y - YEAR_FIRST];
	} else {
		t = &c->outside;
		t->filled &= t->year == y;
	}
	if (!t->filled)
		fill(c, t, y);
	c->before = c->last == &c->outside ? NULL : c->last;
	return c->last = t;
}

/* Whether a day is a working day. */
int
chain_calendar_workday(struct chain_calendar *c, int day)
{
	struct year *t;
	size_t i;

	if (chain_weekday(day) >= WEEKEND)
		return 0;
	t = year_of(c, day);
	i = lower_bound(t->day, t->n, day);
	return i == t->n || t->day[i] != day;
}

static int
floor_div(int a, int b)
{
	return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

/* Mondays to Fridays from a Monday of 1970 up to day, negative before. */
static long
weekdays_before(int day)
{
	int t = day - A_MONDAY, w = floor_div(t, 7), r = t - 7 * w;

	return 5L * w + (r < WEEKEND ? r : WEEKEND);
}

/* Holidays on Monday to Friday from day a up to b (a <= b). */
static long
holidays_between(struct chain_calendar *c, int a, int b)
{
	long n = 0;
	struct year *t;
	int end;

	while (a < b) {
		t = year_of(c, a);
		end = b < t->next ? b : t->next;
		n += (long)(lower_bound(t->day, t->n, end) -
		    lower_bound(t->day, t->n, a));
		a = end;
	}
	return n;
}

/*
 * The working days from date a up to date b: a counted, b not (from a
 * Monday to the Wednesday after it, two).  Negative when b is before a.
 */
long
chain_workdays_between(struct chain_calendar *c, int a, int b)
{
	if (b < a)
		return -chain_workdays_between(c, b, a);
	return weekdays_before(b) - weekdays_before(a) -
	    holidays_between(c, a, b);
}

/*
 * The date n working days after day (n > 0) or before it (n < 0); day
 * itself for 0.  A regret is sent at least N working days before a
 * meeting when it is sent on or before chain_workday_add(c, meeting, -N).
 */
int
chain_workday_add(struct chain_calendar *c, int day, long n)
{
	int step = n < 0 ? -1 : 1;

	while (n != 0) {
		day += step;
		if (chain_calendar_workday(c, day))
			n -= step;
	}
	return day;
}

static int64_t
floor_div64(int64_t a, int64_t b)
{
	return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

/*
 * The working days between two local times (microseconds since 1970 as
 * written, offsets not applied): the whole working days between their
 * dates, less the part of the first day before from and plus the part of
 * the last day before to, each only when a working day.  0 when to is not
 * after from (a clock put back an hour can make it so).
 */
double
chain_workdays_duration(struct chain_calendar *c, int64_t from, int64_t to)
{
	int64_t a, b;
	double w;

	if (to <= from)
		return 0;
	a = floor_div64(from, US_PER_DAY);
	b = floor_div64(to, US_PER_DAY);
	w = (double)chain_workdays_between(c, (int)a, (int)b);
	if (chain_calendar_workday(c, (int)a))
		w -= (double)(from - a * US_PER_DAY) / (double)US_PER_DAY;
	if (chain_calendar_workday(c, (int)b))
		w += (double)(to - b * US_PER_DAY) / (double)US_PER_DAY;
	return w;
}

static void
add_date(struct chain_calendar *c, int day)
{
	if (c->nfile == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 32;
		c->file = chain_reallocarray(c->file, c->cap, sizeof(*c->file));
	}
	c->file[c->nfile++] = day;
}

/* The years worked out so far are worked out again, with the new dates. */
static void
forget_years(struct chain_calendar *c)
{
	size_t i;

	if (c->years != NULL)
		for (i = 0; i < NYEARS; i++)
			c->years[i].filled = 0;
	c->outside.filled = 0;
	c->last = c->before = NULL;
}

/*
 * Reads a holidays file (date, and a name for the reader): its dates are
 * days off besides the general holidays.  Returns -1 when it cannot be
 * read or has a bad or missing date (every one reported).
 */
int
chain_calendar_load(struct chain_calendar *c, const char *path,
    const struct chain_opts *o)
{
	static const char *const required[] = { "date", NULL };
	struct chain_csv *r = chain_csv_open(path, o);
	const struct chain_row *row;
	int col[1], day, rc;

	if (r == NULL)
		return -1;
	chain_csv_keys(r, CHAIN_FORMAT_HOLIDAYS);
	if (chain_csv_require(r, required, col) == 0)
		while ((row = chain_csv_read(r)) != NULL) {
			rc = chain_csv_date(r, row, col[0], &day);
			if (rc > 0)
				add_date(c, day);
			else if (rc == 0)
				chain_csv_error(r, row->line,
				    chain_csv_column_name(r, (size_t)col[0]),
				    "missing value");
		}
	rc = chain_csv_close(r);
	if (c->nfile > 1)
		qsort(c->file, c->nfile, sizeof(*c->file), compare_ints);
	forget_years(c);
	return rc;
}

void
chain_calendar_free(struct chain_calendar *c)
{
	size_t i;

	if (c == NULL)
		return;
	if (c->years != NULL)
		for (i = 0; i < NYEARS; i++)
			free(c->years[i].day);
	free(c->years);
	free(c->outside.day);
	free(c->file);
	free(c);
}
