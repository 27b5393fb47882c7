/*
 * attendance.c: who comes to the table.  A chain works only when its
 * partners come to the chain meeting, and a partner that cannot come says
 * so in time.  A meetings file (meeting,date,partner,attended,regrets)
 * holds a row per partner per meeting: whether the partner attended (1/0,
 * yes/no, ja/nee) and, when it did not, the date its regrets were sent.
 * chain-agree attendance counts per partner (and period of the meeting
 * date, with --per) the meetings, those attended, the attendance rate, the
 * regrets sent in time (at least --notice working days before the
 * meeting), those sent later, and the absences without regrets (no-shows,
 * which the report counts beside the surprises of the agreements).
 * A partner that attended counts as attended even when regrets are
 * recorded; meetings after --as-of are left out, with a warning.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chain_priv.h"

struct group {
	char *partner;
	struct chain_period period;
	long meetings, attended, in_time, late, no_shows;
};

struct chain_attendance {
	struct chain_map *groups;	/* partner, period */
	struct chain_calendar *cal;
	const struct chain_opts *opts;
	struct chain_grouping by;
	int notice;
	long after;			/* meetings after --as-of */
	int latest;			/* the latest of them */
};

void chain_attendance_free(struct chain_attendance *a);

struct chain_attendance *
chain_attendance_new(const struct chain_opts *o, const struct chain_grouping *g,
    int notice, const char *holidays)
{
	struct chain_attendance *a = chain_calloc(1, sizeof(*a));

	a->groups = chain_map_new();
	a->cal = chain_calendar_new();
	a->opts = o;
	a->by = *g;
	a->notice = notice;
	if (holidays != NULL && chain_calendar_load(a->cal, holidays, o) != 0) {
		chain_attendance_free(a);
		return NULL;	/* reported; no count on a wrong calendar */
	}
	return a;
}

static void
free_group(void *v)
{
	struct group *g = v;

	free(g->partner);
	free(g);
}

void
chain_attendance_free(struct chain_attendance *a)
{
	chain_map_free(a->groups, free_group);
	chain_calendar_free(a->cal);
	free(a);
}

/*
 * Whether the partner attended: 1, 0, or -1 for a value that says neither
 * (1/0, yes/no, ja/nee, in any case).
 */
static int
attended_value(const char *s)
{
	static const char *const yes[] = { "1", "yes", "ja", NULL };
	static const char *const no[] = { "0", "no", "nee", NULL };
	int i;

	for (i = 0; yes[i] != NULL; i++)
		if (chain_name_same(s, yes[i]))
			return 1;
	for (i = 0; no[i] != NULL; i++)
		if (chain_name_same(s, no[i]))
			return 0;
	return -1;
}

static struct group *
group_of(struct chain_attendance *a, const char *partner, int date)
{
	struct chain_period period = { CHAIN_DAY, 0 };
	size_t n = strlen(partner) + 16;
	char *key = chain_malloc(n);
	void **slot;

	if (a->by.per)
		period = chain_period_of(a->by.kind, date);
	snprintf(key, n, "%s\x1f%08x", partner, (unsigned)period.start);
	slot = chain_map_slot(a->groups, key, NULL);
	free(key);
	if (*slot == NULL) {
		struct group *g = chain_calloc(1, sizeof(*g));

		g->partner = chain_strdup(partner);
		g->period = period;
		*slot = g;
	}
	return *slot;
}

static void
missing(struct chain_csv *r, long line, int col)
{
	chain_csv_error(r, line, chain_csv_column_name(r, (size_t)col),
	    "missing value");
}

/* One row of a meetings file counted; a bad cell is an error naming it. */
static void
add_row(struct chain_attendance *a, struct chain_csv *r,
    const struct chain_row *row, const int col[5])
{
	const char *partner = chain_field(row, col[2]);
	char *trimmed;
	int date, sent = 0, came, rc, rrc;
	struct group *g;

	rc = chain_csv_date(r, row, col[1], &date);
	if (rc == 0)
		missing(r, row->line, col[1]);
	trimmed = chain_strdup(chain_field(row, col[3]));
	came = attended_value(chain_trim(trimmed));
	if (*chain_trim(trimmed) == '\0')
		missing(r, row->line, col[3]);
	else if (came < 0)
		chain_csv_error(r, row->line, chain_csv_column_name(r,
		    (size_t)col[3]), "'%s' is not 1/0, yes/no or ja/nee",
		    chain_trim(trimmed));
	free(trimmed);
	rrc = chain_csv_date(r, row, col[4], &sent);
	if (*partner == '\0')
		missing(r, row->line, col[2]);
	if (rc <= 0 || came < 0 || rrc < 0 || *partner == '\0')
		return;
	if (date > a->opts->as_of) {
		if (a->after++ == 0 || date > a->latest)
			a->latest = date;
		return;
	}
	g = group_of(a, partner, date);
	g->meetings++;
	if (came)
		g->attended++;
	else if (rrc == 0)
		g->no_shows++;
	else if (sent <= chain_workday_add(a->cal, date, -(long)a->notice))
		g->in_time++;
	else
		g->late++;
}

/* A meetings file read (a chain_csv_fn). */
void
chain_attendance_read(struct chain_csv *r, void *attendance)
{
	static const char *const required[] = { "meeting", "date", "partner",
		"attended", "regrets", NULL };
	struct chain_attendance *a = attendance;
	const struct chain_row *row;
	int col[5];

	chain_csv_keys(r, CHAIN_FORMAT_MEETINGS);
	if (chain_csv_require(r, required, col) != 0)
		return;
	while ((row = chain_csv_read(r)) != NULL)
		add_row(a, r, row, col);
}

static int
compare_groups(const void *p, const void *q)
{
	const struct group *x = *(const struct group *const *)p;
	const struct group *y = *(const struct group *const *)q;
	int c = strcmp(x->partner, y->partner);

	return c != 0 ? c : chain_period_cmp(x->period, y->period);
}

/* The rows, header first, by partner and period. */
void
chain_attendance_write(const struct chain_attendance *a, struct chain_out *w)
{
	const char **keys = chain_map_keys(a->groups, 0);
	size_t i, n = chain_map_count(a->groups);
	struct group **list = chain_calloc(n + 1, sizeof(*list));
	char date[CHAIN_DATE_LEN];

	for (i = 0; i < n; i++)
		list[i] = chain_map_get(a->groups, keys[i]);
	free(keys);
	qsort(list, n, sizeof(*list), compare_groups);
	chain_out_header(w, chain_format_header(CHAIN_FORMAT_ATTENDANCE));
	for (i = 0; i < n; i++) {
		const struct group *g = list[i];

		chain_out_text(w, g->partner);
		if (a->by.per)
			chain_out_period(w, g->period);
		else
			chain_out_empty(w);
		chain_out_int(w, g->meetings);
		chain_out_int(w, g->attended);
		chain_out_number(w, (double)g->attended / (double)g->meetings);
		chain_out_int(w, g->in_time);
		chain_out_int(w, g->late);
		chain_out_int(w, g->no_shows);
		chain_out_end(w);
	}
	free(list);
	if (a->after > 0 && !a->opts->quiet) {
		chain_date_format(a->latest, date);
		chain_warn_after(a->after, a->opts->as_of, NULL, date);
	}
}
