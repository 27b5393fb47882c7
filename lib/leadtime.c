/*
 * leadtime.c: how long a case takes across the chain, and where it waits.
 * For each complete case (events.c hands them on in time order) the stretch
 * measured runs from its first event (or the first event of --from) to its
 * last (or the first later event of --to); its lead time, events, partners,
 * handoffs (changes of partner along events that name one), rework (events
 * of a step the stretch already had) and returns (handoffs back to a
 * partner it already passed) become a row, or a value in the period of the
 * stretch's end, whose median, 90th percentile, mean, count, share within a
 * norm and share with rework become measurement rows.  The relay view
 * gathers the wait between consecutive events of a case at different
 * partners, and how many of those handoffs were returns, per ordered pair
 * of partners.  Durations are exact, or in working days (calendar.c).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "chain_priv.h"

#define MEDIAN 0.5
#define P90 0.9		/* the 90th percentile: the long waits */

struct pair {
	int from, to;
	const char *from_name, *to_name;	/* set for sorting */
	double *wait;
	size_t n, cap;
	long returns;		/* handoffs to a partner the case had before */
};

/* The pairs of the first partners by their ids, without a look-up. */
#define GRID 32

/*
 * Which steps or partners the case at hand has had: the stamp of the case
 * where it was last seen, per id, so that nothing is cleared between cases.
 */
struct stamps {
	unsigned *at;
	size_t n;
};

/* What the stretch of a case holds beyond its times. */
struct tally {
	long partners, handoffs, rework, returns;
};

struct chain_leadtime {
	struct chain_leadtime_opts lo;
	struct chain_cases *cases;
	struct chain_out *out, *rows;	/* rows: the per-case spool */
	FILE *spool;
	int from, to;			/* step ids, -1 when not given */
	int has_from, has_to;		/* an event of that step was read */
	struct chain_kpi *bins;		/* lead times per period */
	struct chain_kpi *reworked;	/* per period, a 1 per case with rework */
	struct chain_calendar *cal;	/* working days; NULL for exact time */
	struct chain_map *pairs;
	struct pair *grid[GRID][GRID];
	struct stamps steps, partners;
	unsigned stamp;			/* the case at hand */
	long complete, incomplete;
};

static void
reset(void *arg)
{
	struct chain_leadtime *lt = arg;

	if (lt->rows != NULL) {
		chain_out_flush(lt->rows);
		if (fflush(lt->spool) != 0 || ftruncate(fileno(lt->spool), 0) != 0)
			chain_err(CHAIN_EXIT_IO, "temporary file");
		rewind(lt->spool);
	}
	if (lt->bins != NULL) {
		chain_kpi_free(lt->bins);
		chain_kpi_free(lt->reworked);
		lt->bins = chain_kpi_new("", CHAIN_COMBINE_MEDIAN);
		lt->reworked = chain_kpi_new("", CHAIN_COMBINE_MEDIAN);
	}
	lt->complete = lt->incomplete = 0;
}

static void
free_pair(void *p)
{
	struct pair *x = p;

	free(x->wait);
	free(x);
}

static void
reset_pairs(void *arg)
{
	struct chain_leadtime *lt = arg;

	chain_map_free(lt->pairs, free_pair);
	lt->pairs = chain_map_new();
	memset(lt->grid, 0, sizeof(lt->grid));
}

/*
 * The stretch of a case: first and last event measured.  Returns -1 when
 * the case never reaches --from, or --to after it.
 */
static int
stretch(const struct chain_leadtime *lt, const struct chain_event *ev,
    size_t n, size_t *first, size_t *last)
{
	size_t i = 0;

	if (lt->lo.from != NULL)
		for (; i < n && ev[i].step != lt->from; i++)
			;
	if (i == n)
		return -1;
	*first = i;
	if (lt->lo.to == NULL) {
		*last = n - 1;
		return 0;
	}
	for (i++; i < n && ev[i].step != lt->to; i++)
		;
	if (i == n)
		return -1;
	*last = i;
	return 0;
}

/* Whether the steps --from and --to name are steps of the log at all. */
static void
note_steps(struct chain_leadtime *lt, const struct chain_event *ev, size_t n)
{
	size_t i;

	if ((lt->from < 0 || lt->has_from) && (lt->to < 0 || lt->has_to))
		return;
	for (i = 0; i < n; i++) {
		lt->has_from |= ev[i].step == lt->from;
		lt->has_to |= ev[i].step == lt->to;
	}
}

static int
compare_names(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/*
 * A step no event has is a wrong question, not a lead time of no cases:
 * an error (exit 3) that names the steps the log does have.
 */
static void
check_step(const struct chain_leadtime *lt, const char *option,
    const char *step, int has)
{
	const struct chain_names *steps = chain_cases_steps(lt->cases);
	size_t i, n = chain_names_count(steps), m = 0;
	const char **names;
	char *list;

	if (step == NULL || has)
		return;
	names = chain_calloc(n, sizeof(*names));
	for (i = 0; i < n; i++)
		if (!((int)i == lt->from && !lt->has_from) &&
		    !((int)i == lt->to && !lt->has_to))
			names[m++] = chain_names_name(steps, (int)i);
	qsort(names, m, sizeof(*names), compare_names);
	list = chain_join(names, m, ", ");
	chain_warnx("%s: no event has step '%s' (the steps are %s)", option,
	    step, m ? list : _("none"));
	chain_raise_status(CHAIN_EXIT_DATA);
	free(names);
	free(list);
}

/* The stamps of as many ids as there are names, the new ones unseen. */
static void
stamps_fit(struct stamps *s, size_t n)
{
	if (n <= s->n)
		return;
	s->at = chain_reallocarray(s->at, n, sizeof(*s->at));
	memset(s->at + s->n, 0, (n - s->n) * sizeof(*s->at));
	s->n = n;
}

/* A new case: nothing seen yet (every stamp cleared once in 4e9 cases). */
static void
next_case(struct chain_leadtime *lt)
{
	if (++lt->stamp == 0) {
		memset(lt->steps.at, 0, lt->steps.n * sizeof(*lt->steps.at));
		memset(lt->partners.at, 0,
		    lt->partners.n * sizeof(*lt->partners.at));
		lt->stamp = 1;
	}
	stamps_fit(&lt->steps, chain_names_count(chain_cases_steps(lt->cases)));
	stamps_fit(&lt->partners,
	    chain_names_count(chain_cases_partners(lt->cases)));
}

/* Whether the case at hand had id before; it has now. */
static int
seen(struct chain_leadtime *lt, struct stamps *s, int id)
{
	int before = s->at[id] == lt->stamp;

	s->at[id] = lt->stamp;
	return before;
}

/*
 * Distinct partners, changes of partner and returns to a partner had
 * before (events without a partner skipped), and events of a step had
 * before, along a stretch.
 */
static void
tally(struct chain_leadtime *lt, const struct chain_event *ev, size_t n,
    struct tally *t)
{
	size_t i;
	int prev = -1, again;

	memset(t, 0, sizeof(*t));
	next_case(lt);
	for (i = 0; i < n; i++) {
		t->rework += seen(lt, &lt->steps, ev[i].step);
		if (ev[i].partner < 0)
			continue;
		again = seen(lt, &lt->partners, ev[i].partner);
		t->partners += !again;
		if (prev >= 0 && ev[i].partner != prev) {
			t->handoffs++;
			t->returns += again;
		}
		prev = ev[i].partner;
	}
}

static int64_t
local_us(const struct chain_event *e)
{
	return e->utc_us + (int64_t)e->offset_min * 60000000;
}

/* From one event to another: exact, or in working days as written. */
static double
duration(const struct chain_leadtime *lt, const struct chain_event *a,
    const struct chain_event *b)
{
	if (lt->cal != NULL)
		return chain_workdays_duration(lt->cal, local_us(a),
		    local_us(b));
	return (double)(b->utc_us - a->utc_us) / 1e6 / lt->lo.unit;
}

static void
out_time(struct chain_out *w, const struct chain_event *e)
{
	char buf[CHAIN_TIME_LEN];

	chain_event_format(e, buf);
	chain_out_text(w, buf);
}

static void
lead_case(void *arg, const char *id, const struct chain_event *ev, size_t n)
{
	struct chain_leadtime *lt = arg;
	struct chain_period period;
	struct tally t;
	size_t first, last;
	double lead;

	note_steps(lt, ev, n);
	if (stretch(lt, ev, n, &first, &last) != 0) {
		lt->incomplete++;
		return;
	}
	lt->complete++;
	lead = duration(lt, &ev[first], &ev[last]);
	tally(lt, ev + first, last - first + 1, &t);
	if (lt->bins != NULL) {
		period = chain_period_of(lt->lo.kind,
		    chain_event_local_days(&ev[last]));
		chain_kpi_add(lt->bins, period, lead);
		if (t.rework > 0)
			chain_kpi_add(lt->reworked, period, 1);
		return;
	}
	chain_out_text(lt->rows, id);
	out_time(lt->rows, &ev[first]);
	out_time(lt->rows, &ev[last]);
	chain_out_number(lt->rows, lead);
	chain_out_int(lt->rows, (long long)(last - first + 1));
	chain_out_int(lt->rows, t.partners);
	chain_out_int(lt->rows, t.handoffs);
	if (!isnan(lt->lo.norm))
		chain_out_int(lt->rows, lead <= lt->lo.norm);
	chain_out_int(lt->rows, t.rework);
	chain_out_int(lt->rows, t.returns);
	chain_out_end(lt->rows);
}

/* The key of a pair in the map: both ids in hex. */
static void
pair_key(int from, int to, char key[20])
{
	static const char hex[] = "0123456789abcdef";
	unsigned v[2] = { (unsigned)from, (unsigned)to };
	int i, k = 0;

	for (i = 0; i < 2; i++) {
		do
			key[k++] = hex[v[i] & 15];
		while ((v[i] >>= 4) != 0);
		key[k++] = i == 0 ? ' ' : '\0';
	}
}

static struct pair *
pair_of(struct chain_leadtime *lt, int from, int to)
{
	int small = from < GRID && to < GRID;
	char key[20];
	void **slot;

	if (small && lt->grid[from][to] != NULL)
		return lt->grid[from][to];
	pair_key(from, to, key);
	slot = chain_map_slot(lt->pairs, key, NULL);
	if (*slot == NULL) {
		struct pair *x = chain_calloc(1, sizeof(*x));

		x->from = from;
		x->to = to;
		*slot = x;
	}
	if (small)
		lt->grid[from][to] = *slot;
	return *slot;
}

static void
handoff_case(void *arg, const char *id, const struct chain_event *ev, size_t n)
{
	struct chain_leadtime *lt = arg;
	const struct chain_event *prev = NULL;
	size_t first, last, i;
	struct pair *x;
	int again;

	(void)id;
	note_steps(lt, ev, n);
	if (stretch(lt, ev, n, &first, &last) != 0) {
		lt->incomplete++;
		return;
	}
	lt->complete++;
	next_case(lt);
	for (i = first; i <= last; i++) {
		if (ev[i].partner < 0)
			continue;
		again = seen(lt, &lt->partners, ev[i].partner);
		if (prev != NULL && prev->partner != ev[i].partner) {
			x = pair_of(lt, prev->partner, ev[i].partner);
			if (x->n == x->cap) {
				x->cap = x->cap ? x->cap * 2 : 16;
				x->wait = chain_reallocarray(x->wait, x->cap,
				    sizeof(*x->wait));
			}
			x->wait[x->n++] = duration(lt, prev, &ev[i]);
			x->returns += again;
		}
		prev = &ev[i];
	}
}

static void
restart_handoffs(void *arg)
{
	struct chain_leadtime *lt = arg;

	reset_pairs(lt);
	lt->complete = lt->incomplete = 0;
}

struct chain_leadtime *
chain_leadtime_new(const struct chain_leadtime_opts *lo,
    const struct chain_opts *o, struct chain_out *w)
{
	struct chain_leadtime *lt = chain_calloc(1, sizeof(*lt));
	char header[256];

	lt->lo = *lo;
	lt->out = w;
	if (lo->workdays) {
		lt->cal = chain_calendar_new();
		if (lo->holidays != NULL &&
		    chain_calendar_load(lt->cal, lo->holidays, o) != 0) {
			chain_calendar_free(lt->cal);
			free(lt);
			return NULL;
		}
	}
	if (lo->handoffs) {
		lt->pairs = chain_map_new();
		lt->cases = chain_cases_new(o, &lo->columns, handoff_case,
		    restart_handoffs, lt);
	} else
		lt->cases = chain_cases_new(o, &lo->columns, lead_case, reset,
		    lt);
	lt->from = lo->from ? chain_names_id(chain_cases_steps(lt->cases),
	    lo->from) : -1;
	lt->to = lo->to ? chain_names_id(chain_cases_steps(lt->cases),
	    lo->to) : -1;
	if (lo->handoffs)
		chain_out_header(w, chain_format_header(CHAIN_FORMAT_HANDOFFS));
	else if (lo->per) {
		lt->bins = chain_kpi_new("", CHAIN_COMBINE_MEDIAN);
		lt->reworked = chain_kpi_new("", CHAIN_COMBINE_MEDIAN);
		chain_out_header(w,
		    chain_format_header(CHAIN_FORMAT_MEASUREMENTS));
	} else {
		lt->spool = chain_spool_open();
		lt->rows = chain_out_stream(lt->spool, o->excel ? ';' : ',',
		    o->excel, o->excel);
		/* within_norm only with a norm */
		chain_out_header(w, chain_format_header_without(
		    CHAIN_FORMAT_LEADTIME, isnan(lo->norm) ? "within_norm" : NULL,
		    header, sizeof(header)));
	}
	return lt;
}

void
chain_leadtime_read(struct chain_leadtime *lt, const char *path)
{
	chain_cases_read(lt->cases, path);
}

/* Copies the per-case rows from the spool to the output. */
static void
copy_rows(struct chain_leadtime *lt)
{
	char buf[64 * 1024];
	FILE *to = chain_out_file(lt->out);
	size_t n;

	chain_out_flush(lt->rows);
	if (fflush(lt->spool) != 0)
		chain_err(CHAIN_EXIT_IO, "temporary file");
	rewind(lt->spool);
	while ((n = fread(buf, 1, sizeof(buf), lt->spool)) > 0)
		fwrite(buf, 1, n, to);
}

static void
measurement(struct chain_leadtime *lt, const char *name,
    struct chain_period period, double v)
{
	char kpi[256];

	snprintf(kpi, sizeof(kpi), "%s%s%s", lt->lo.kpi ? lt->lo.kpi : "",
	    lt->lo.kpi ? "_" : "", name);
	chain_out_text(lt->out, kpi);
	chain_out_period(lt->out, period);
	chain_out_number(lt->out, v);
	chain_out_end(lt->out);
}

static double
share_within(const double *x, size_t n, double norm)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++)
		k += x[i] <= norm;
	return (double)k / (double)n;
}

/* The KPIs of leadtime --per, in the order it writes them. */
const char *const chain_leadtime_stats[] = { "leadtime_median",
	"leadtime_p90", "leadtime_mean", "cases", "within_norm", "rework_share",
	NULL };

/*
 * Which KPI of leadtime --per a code names, as it wrote it (with a --kpi
 * prefix: chain_leadtime_median): its index in chain_leadtime_stats, -1
 * when none; *prefix gets the length of the prefix with its '_'.
 */
int
chain_leadtime_stat(const char *code, size_t *prefix)
{
	size_t n = strlen(code), m;
	int i;

	for (i = 0; chain_leadtime_stats[i] != NULL; i++) {
		m = strlen(chain_leadtime_stats[i]);
		if (n >= m && strcmp(code + n - m, chain_leadtime_stats[i]) == 0 &&
		    (n == m || (n > m + 1 && code[n - m - 1] == '_'))) {
			*prefix = n - m;
			return i;
		}
	}
	return -1;
}

/* The same, by index; within_norm is written only with a norm. */
enum statistic {
	STAT_MEDIAN, STAT_P90, STAT_MEAN, STAT_CASES, STAT_WITHIN_NORM,
	STAT_REWORK_SHARE, NSTATS
};

/* The periods of the cases with rework, walked in time order. */
struct walk {
	const struct chain_kpi *k;
	size_t i, n;
};

/* The cases with rework in period p, which comes after those asked for. */
static size_t
reworked_in(struct walk *w, struct chain_period p)
{
	struct chain_period q;
	double *x;
	size_t n;

	for (; w->i < w->n; w->i++) {
		q = chain_kpi_group(w->k, w->i, &x, &n);
		if (q.start == p.start)
			return n;
		if (q.start > p.start)
			break;
	}
	return 0;
}

static double
statistic(const struct chain_leadtime *lt, enum statistic s, double *x,
    size_t n, struct chain_period p, struct walk *w)
{
	double sum = 0;
	size_t i;

	switch (s) {
	case STAT_MEDIAN: return chain_quantile(x, n, MEDIAN);
	case STAT_P90: return chain_quantile(x, n, P90);
	case STAT_MEAN:
		for (i = 0; i < n; i++)
			sum += x[i];
		return sum / (double)n;
	case STAT_CASES: return (double)n;
	case STAT_WITHIN_NORM: return share_within(x, n, lt->lo.norm);
	default: return (double)reworked_in(w, p) / (double)n;
	}
}

/*
 * The measurement rows: per statistic, per period in time order; an empty
 * period between the first and the last has a count of 0 and no others.
 */
static void
write_periods(struct chain_leadtime *lt)
{
	size_t ng = chain_kpi_groups_sorted(lt->bins), i, n;
	struct chain_period p, q, prev = { CHAIN_DAY, 0 };
	struct walk w = { lt->reworked, 0, 0 };
	enum statistic s;
	double *x;

	w.n = chain_kpi_groups_sorted(lt->reworked);
	for (s = 0; s < NSTATS; s++) {
		if (s == STAT_WITHIN_NORM && isnan(lt->lo.norm))
			continue;
		for (i = w.i = 0; i < ng; i++) {
			p = chain_kpi_group(lt->bins, i, &x, &n);
			if (s == STAT_CASES && i > 0)
				for (q = chain_period_next(prev);
				    q.start < p.start; q = chain_period_next(q))
					measurement(lt, chain_leadtime_stats[s], q, 0);
			prev = p;
			measurement(lt, chain_leadtime_stats[s], p,
			    statistic(lt, s, x, n, p, &w));
		}
	}
}

static int
pair_order(const void *a, const void *b)
{
	const struct pair *x = *(const struct pair *const *)a;
	const struct pair *y = *(const struct pair *const *)b;
	int c = strcmp(x->from_name, y->from_name);

	return c != 0 ? c : strcmp(x->to_name, y->to_name);
}

/* One row per ordered pair of partners, by the partners' names. */
static void
write_pairs(struct chain_leadtime *lt)
{
	const char **keys = chain_map_keys(lt->pairs, 0);
	size_t i, n = chain_map_count(lt->pairs);
	struct pair **list = chain_calloc(n + 1, sizeof(*list));
	const struct chain_names *names = chain_cases_partners(lt->cases);
	double sum;
	size_t j;

	for (i = 0; i < n; i++) {
		list[i] = chain_map_get(lt->pairs, keys[i]);
		list[i]->from_name = chain_names_name(names, list[i]->from);
		list[i]->to_name = chain_names_name(names, list[i]->to);
	}
	free(keys);
	qsort(list, n, sizeof(*list), pair_order);
	for (i = 0; i < n; i++) {
		struct pair *x = list[i];

		for (sum = 0, j = 0; j < x->n; j++)
			sum += x->wait[j];
		chain_out_text(lt->out, x->from_name);
		chain_out_text(lt->out, x->to_name);
		chain_out_int(lt->out, (long long)x->n);
		chain_out_number(lt->out, chain_quantile(x->wait, x->n, MEDIAN));
		chain_out_number(lt->out, chain_quantile(x->wait, x->n, P90));
		chain_out_number(lt->out, sum / (double)x->n);
		chain_out_int(lt->out, x->returns);
		chain_out_end(lt->out);
	}
	free(list);
}

static void
warn_incomplete(const struct chain_leadtime *lt, int quiet)
{
	long total = lt->complete + lt->incomplete;

	if (lt->incomplete == 0 || quiet)
		return;
	if (lt->lo.from != NULL && lt->lo.to != NULL)
		chain_warnx("warning: %ld of %ld cases never reach '%s' after "
		    "'%s'; left out", lt->incomplete, total, lt->lo.to,
		    lt->lo.from);
	else
		chain_warnx("warning: %ld of %ld cases never reach '%s'; left "
		    "out", lt->incomplete, total, lt->lo.to ? lt->lo.to :
		    lt->lo.from);
}

/* The end of the input: the remaining cases, then the output. */
void
chain_leadtime_finish(struct chain_leadtime *lt, int quiet)
{
	chain_cases_finish(lt->cases);
	check_step(lt, "--from", lt->lo.from, lt->has_from);
	check_step(lt, "--to", lt->lo.to, lt->has_to);
	if (chain_exit_status() < CHAIN_EXIT_DATA)
		warn_incomplete(lt, quiet);
	if (lt->pairs != NULL)
		write_pairs(lt);
	else if (lt->bins != NULL)
		write_periods(lt);
	else
		copy_rows(lt);
}

void
chain_leadtime_free(struct chain_leadtime *lt)
{
	chain_cases_free(lt->cases);
	if (lt->rows != NULL)
		chain_out_free(lt->rows);
	if (lt->spool != NULL)
		fclose(lt->spool);
	if (lt->bins != NULL) {
		chain_kpi_free(lt->bins);
		chain_kpi_free(lt->reworked);
	}
	chain_map_free(lt->pairs, free_pair);
	chain_calendar_free(lt->cal);
	free(lt->steps.at);
	free(lt->partners.at);
	free(lt);
}

#define DAY_SECONDS 86400
#define HOUR_SECONDS 3600

/* Lead times in days unless --unit says hours or working days. */
void
chain_leadtime_opts_init(struct chain_leadtime_opts *lo)
{
	memset(lo, 0, sizeof(*lo));
	lo->unit = DAY_SECONDS;
	lo->norm = NAN;
}

/*
 * The unit of durations: days, hours or working days, as seconds (a
 * working day counts its 24 hours); -1 for another word.
 */
int
chain_duration_unit_parse(const char *s, double *seconds, int *workdays)
{
	*workdays = strcmp(s, "workdays") == 0;
	if (strcmp(s, "days") == 0 || *workdays)
		*seconds = DAY_SECONDS;
	else if (strcmp(s, "hours") == 0)
		*seconds = HOUR_SECONDS;
	else
		return -1;
	return 0;
}

/*
 * A duration: a number from 0 with an optional unit d or h (without one, in
 * unit), as a number of unit (seconds in it); -1 when it is none.
 */
int
chain_duration_parse(const char *s, double unit, double *v)
{
	char *dup = chain_strdup(s), *t = chain_trim(dup);
	size_t n = strlen(t);
	double seconds = unit;
	int bad;

	if (n > 0 && (t[n - 1] == 'd' || t[n - 1] == 'h')) {
		seconds = t[n - 1] == 'd' ? DAY_SECONDS : HOUR_SECONDS;
		t[n - 1] = '\0';
	}
	bad = chain_number_parse(t, 0, v) != 0 || *v < 0;
	free(dup);
	if (bad)
		return -1;
	*v = *v * seconds / unit;
	return 0;
}
