/*
 * date.c: dates, timestamps and periods.  A date is a count of days since
 * 1970-01-01 (proleptic Gregorian), so that comparing and subtracting dates
 * is integer arithmetic.  A timestamp keeps both its exact instant (UTC, in
 * microseconds) and the date as written, because durations need the one and
 * "which week did this happen in" the other.  A period is a kind (day, ISO
 * week, month, quarter, year) and its first day, which orders periods of a
 * kind in time and steps from one to the next across year boundaries.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "chain_priv.h"

static int
floor_div(int a, int b)
{
	return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

/* Days since 1970-01-01 of a civil date (H. Hinnant's algorithm). */
int
chain_days_from_civil(int y, int m, int d)
{
	int era, yoe, doy, doe;

	y -= m <= 2;
	era = floor_div(y, 400);
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void
chain_civil_from_days(int days, int *y, int *m, int *d)
{
	int z = days + 719468;
	int era = floor_div(z, 146097);
	int doe = z - era * 146097;
	int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int mp = (5 * doy + 2) / 153;

	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = yoe + era * 400 + (*m <= 2);
}

static int
leap_year(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int
chain_valid_civil(int y, int m, int d)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };

	if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1)
		return 0;
	return d <= mdays[m - 1] + (m == 2 && leap_year(y));
}

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Reads 1 to max digits; returns how many were read. */
static int
digits(const char *s, int max, int *v)
{
	int n = 0;

	*v = 0;
	while (n < max && s[n] >= '0' && s[n] <= '9') {
		*v = *v * 10 + (s[n] - '0');
		n++;
	}
	return n;
}

static const char *
skip_blanks(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return s;
}

static int
only_blanks(const char *s)
{
	return *skip_blanks(s) == '\0';
}

/*
 * Parses the date at the start of s: YYYY-MM-DD, or DD-MM-YYYY as Dutch
 * Excel writes it (day and month may have one digit).  Returns the number of
 * characters read, 0 when there is no valid date.
 */
static int
date_prefix(const char *s, int *days)
{
	int a, b, c, na, nb, nc;

	na = digits(s, 4, &a);
	if (na == 0 || s[na] != '-')
		return 0;
	nb = digits(s + na + 1, 2, &b);
	if (nb == 0 || s[na + 1 + nb] != '-')
		return 0;
	nc = digits(s + na + nb + 2, 4, &c);
	if (na == 4 && nc >= 1 && nc <= 2) {
		if (!chain_valid_civil(a, b, c))
			return 0;
		*days = chain_days_from_civil(a, b, c);
	} else if (na <= 2 && nc == 4) {
		if (!chain_valid_civil(c, b, a))
			return 0;
		*days = chain_days_from_civil(c, b, a);
	} else
		return 0;
	return na + nb + nc + 2;
}

int
chain_date_parse(const char *s, int *days)
{
	int n;

	/* the common case, exactly YYYY-MM-DD, without the general scan */
	if (is_digit(s[0]) && is_digit(s[1]) && is_digit(s[2]) &&
	    is_digit(s[3]) && s[4] == '-' && is_digit(s[5]) && is_digit(s[6]) &&
	    s[7] == '-' && is_digit(s[8]) && is_digit(s[9]) && s[10] == '\0') {
		int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 +
		    (s[2] - '0') * 10 + (s[3] - '0');
		int m = (s[5] - '0') * 10 + (s[6] - '0');
		int d = (s[8] - '0') * 10 + (s[9] - '0');

		if (!chain_valid_civil(y, m, d))
			return -1;
		*days = chain_days_from_civil(y, m, d);
		return 0;
	}
	s = skip_blanks(s);
	n = date_prefix(s, days);
	if (n == 0 || !only_blanks(s + n))
		return -1;
	return 0;
}

/* Whether a date is written day first, as Dutch Excel does. */
int
chain_date_dutch(const char *s)
{
	int v;

	s = skip_blanks(s);
	return digits(s, 4, &v) <= 2 && s[0] != '\0';
}

/* Writes v as exactly width digits; returns the end. */
static char *
put_digits(char *p, int v, int width)
{
	int i;

	if (v < 0)
		v = 0;
	for (i = width - 1; i >= 0; i--) {
		p[i] = (char)('0' + v % 10);
		v /= 10;
	}
	return p + width;
}

/* A date as YYYY-MM-DD, or the Dutch way as DD-MM-YYYY. */
static void
format_date(int days, int dutch, char buf[CHAIN_DATE_LEN])
{
	int y, m, d;
	char *p;

	chain_civil_from_days(days, &y, &m, &d);
	p = put_digits(buf, dutch ? d : y, dutch ? 2 : 4);
	*p++ = '-';
	p = put_digits(p, m, 2);
	*p++ = '-';
	p = put_digits(p, dutch ? y : d, dutch ? 4 : 2);
	*p = '\0';
}

void
chain_date_format(int days, char buf[CHAIN_DATE_LEN])
{
	format_date(days, 0, buf);
}

void
chain_date_format_dutch(int days, char buf[CHAIN_DATE_LEN])
{
	format_date(days, 1, buf);
}

int
chain_today(void)
{
	time_t now = time(NULL);
	struct tm tm;

	if (localtime_r(&now, &tm) == NULL)
		return (int)(now / 86400);
	return chain_days_from_civil(tm.tm_year + 1900, tm.tm_mon + 1,
	    tm.tm_mday);
}

/* Reads HH:MM[:SS[.fraction]] into microseconds since midnight. */
static int
clock_part(const char *s, int64_t *us)
{
	int h, m, sec = 0, n = 0, k;
	int64_t frac = 0, scale = 100000;

	if ((k = digits(s, 2, &h)) == 0 || h > 23 || s[k] != ':')
		return 0;
	n = k + 1;
	if (digits(s + n, 2, &m) != 2 || m > 59)
		return 0;
	n += 2;
	if (s[n] == ':') {
		if (digits(s + n + 1, 2, &sec) != 2 || sec > 60)
			return 0;
		n += 3;
		if (s[n] == '.' || s[n] == ',') {
			n++;
			if (s[n] < '0' || s[n] > '9')
				return 0;
			for (; s[n] >= '0' && s[n] <= '9'; n++) {
				frac += (s[n] - '0') * scale;
				scale /= 10;
			}
		}
	}
	*us = ((int64_t)h * 3600 + m * 60 + sec) * 1000000 + frac;
	return n;
}

/* Reads Z, +HH, +HHMM or +HH:MM into seconds east of UTC. */
static int
offset_part(const char *s, int *seconds)
{
	int h, m = 0, n, sign;

	if (*s == 'Z' || *s == 'z') {
		*seconds = 0;
		return 1;
	}
	if (*s != '+' && *s != '-')
		return 0;
	sign = *s == '-' ? -1 : 1;
	if (digits(s + 1, 2, &h) != 2 || h > 18)
		return 0;
	n = 3;
	if (s[n] == ':')
		n++;
	if (s[n] >= '0' && s[n] <= '9') {
		if (digits(s + n, 2, &m) != 2 || m > 59)
			return 0;
		n += 2;
	} else if (s[n - 1] == ':')
		return 0;
	*seconds = sign * (h * 3600 + m * 60);
	return n;
}

/*
 * A timestamp: a date, 'T' or a space, HH:MM[:SS[.frac]], and an optional
 * Z or UTC offset; a date alone is midnight.  Without an offset the time is
 * taken as it is written (as if UTC), so durations between such times are
 * wall-clock differences.
 */
int
chain_time_parse(const char *s, struct chain_time *t)
{
	int days, n, k, offset = 0;
	int64_t us = 0;

	s = skip_blanks(s);
	if ((n = date_prefix(s, &days)) == 0)
		return -1;
	s += n;
	if (*s == 'T' || *s == 't' || (*s == ' ' && s[1] >= '0' &&
	    s[1] <= '9')) {
		if ((k = clock_part(s + 1, &us)) == 0)
			return -1;
		s += 1 + k;
		s = skip_blanks(s);
		if (*s != '\0') {
			if ((k = offset_part(s, &offset)) == 0)
				return -1;
			s += k;
		}
	}
	if (!only_blanks(s))
		return -1;
	t->local_days = days;
	t->utc_us = (int64_t)days * 86400 * 1000000 + us -
	    (int64_t)offset * 1000000;
	return 0;
}

/* The day of the week, Monday 0 to Sunday 6. */
int
chain_weekday(int days)
{
	int wd = (days + 3) % 7;	/* 1970-01-01 was a Thursday */

	return wd < 0 ? wd + 7 : wd;
}

/* The ISO 8601 week: the year of its Thursday, and the week number. */
void
chain_iso_week(int days, int *year, int *week)
{
	int thursday = days - chain_weekday(days) + 3;
	int y, m, d;

	chain_civil_from_days(thursday, &y, &m, &d);
	*year = y;
	*week = (thursday - chain_days_from_civil(y, 1, 1)) / 7 + 1;
}

/* The Monday of ISO week (year, week), or -1 when there is no such week. */
int
chain_iso_week_start(int year, int week)
{
	int jan4, start, y, w;

	if (year < 1 || year > 9999 || week < 1 || week > 53)
		return -1;
	jan4 = chain_days_from_civil(year, 1, 4);
	start = jan4 - chain_weekday(jan4) + 7 * (week - 1);
	chain_iso_week(start, &y, &w);
	return y == year && w == week ? start : -1;
}

static const char *const kind_names[] = { "day", "week", "month", "quarter",
	"year", NULL };

const char *
chain_period_kind_name(enum chain_period_kind kind)
{
	return kind_names[kind];
}

int
chain_period_kind_parse(const char *s, enum chain_period_kind *kind)
{
	int i;

	for (i = 0; kind_names[i] != NULL; i++)
		if (chain_strcasecmp(s, kind_names[i]) == 0) {
			*kind = (enum chain_period_kind)i;
			return 0;
		}
	return -1;
}

/* Parses YYYY-MM-DD (or DD-MM-YYYY), YYYY-Www, YYYY-MM, YYYY-Qn or YYYY. */
int
chain_period_parse(const char *s, struct chain_period *p)
{
	int y, v, n;

	s = skip_blanks(s);
	if (date_prefix(s, &v) > 0 && chain_date_parse(s, &v) == 0) {
		p->kind = CHAIN_DAY;
		p->start = v;
		return 0;
	}
	if (digits(s, 4, &y) != 4 || y < 1)
		return -1;
	s += 4;
	if (only_blanks(s)) {
		p->kind = CHAIN_YEAR;
		p->start = chain_days_from_civil(y, 1, 1);
		return 0;
	}
	if (*s++ != '-')
		return -1;
	if (*s == 'W' || *s == 'w') {
		n = digits(s + 1, 2, &v);
		if (n == 0 || !only_blanks(s + 1 + n) ||
		    (p->start = chain_iso_week_start(y, v)) < 0)
			return -1;
		p->kind = CHAIN_WEEK;
		return 0;
	}
	if (*s == 'Q' || *s == 'q') {
		n = digits(s + 1, 1, &v);
		if (n == 0 || v < 1 || v > 4 || !only_blanks(s + 1 + n))
			return -1;
		p->kind = CHAIN_QUARTER;
		p->start = chain_days_from_civil(y, 3 * (v - 1) + 1, 1);
		return 0;
	}
	n = digits(s, 2, &v);
	if (n == 0 || v < 1 || v > 12 || !only_blanks(s + n))
		return -1;
	p->kind = CHAIN_MONTH;
	p->start = chain_days_from_civil(y, v, 1);
	return 0;
}

struct chain_period
chain_period_of(enum chain_period_kind kind, int days)
{
	struct chain_period p;
	int y, m, d, w;

	p.kind = kind;
	chain_civil_from_days(days, &y, &m, &d);
	switch (kind) {
	case CHAIN_DAY:
		p.start = days;
		break;
	case CHAIN_WEEK:
		chain_iso_week(days, &y, &w);
		p.start = days - chain_weekday(days);
		break;
	case CHAIN_MONTH:
		p.start = chain_days_from_civil(y, m, 1);
		break;
	case CHAIN_QUARTER:
		p.start = chain_days_from_civil(y, (m - 1) / 3 * 3 + 1, 1);
		break;
	default:
		p.start = chain_days_from_civil(y, 1, 1);
		break;
	}
	return p;
}

struct chain_period
chain_period_next(struct chain_period p)
{
	int y, m, d, months = 0;

	switch (p.kind) {
	case CHAIN_DAY:
		p.start += 1;
		return p;
	case CHAIN_WEEK:
		p.start += 7;
		return p;
	case CHAIN_MONTH:
		months = 1;
		break;
	case CHAIN_QUARTER:
		months = 3;
		break;
	default:
		months = 12;
		break;
	}
	chain_civil_from_days(p.start, &y, &m, &d);
	m += months;
	y += (m - 1) / 12;
	m = (m - 1) % 12 + 1;
	p.start = chain_days_from_civil(y, m, 1);
	return p;
}

int
chain_period_end(struct chain_period p)
{
	return chain_period_next(p).start - 1;
}

void
chain_period_format(struct chain_period p, char buf[CHAIN_PERIOD_LEN])
{
	int y, m, d, w = 0;
	char *q;

	chain_civil_from_days(p.start, &y, &m, &d);
	if (p.kind == CHAIN_DAY) {
		chain_date_format(p.start, buf);
		return;
	}
	if (p.kind == CHAIN_WEEK)
		chain_iso_week(p.start, &y, &w);
	q = put_digits(buf, y, 4);
	switch (p.kind) {
	case CHAIN_WEEK:
		*q++ = '-';
		*q++ = 'W';
		q = put_digits(q, w, 2);
		break;
	case CHAIN_MONTH:
		*q++ = '-';
		q = put_digits(q, m, 2);
		break;
	case CHAIN_QUARTER:
		*q++ = '-';
		*q++ = 'Q';
		q = put_digits(q, (m - 1) / 3 + 1, 1);
		break;
	default:
		break;
	}
	*q = '\0';
}

/* Orders periods by kind, then in time. */
int
chain_period_cmp(struct chain_period a, struct chain_period b)
{
	if (a.kind != b.kind)
		return a.kind < b.kind ? -1 : 1;
	return (a.start > b.start) - (a.start < b.start);
}

/*
 * The rows dated after --as-of, left out (a replay of the past, or a typo
 * like 2062-W05): one warning that counts them and names the latest, a
 * period or a date.
 */
void
chain_warn_after(long n, int as_of, const struct chain_period *latest,
    const char *latest_text)
{
	char date[CHAIN_DATE_LEN], last[CHAIN_PERIOD_LEN];

	chain_date_format(as_of, date);
	if (latest != NULL)
		chain_period_format(*latest, last);
	chain_warnx(dngettext(CHAIN_DOMAIN,
	    "warning: %ld row after %s left out, up to %s",
	    "warning: %ld rows after %s left out, up to %s", n), n, date,
	    latest != NULL ? last : latest_text);
}
