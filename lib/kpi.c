/*
 * kpi.c: the chain plan and its measurements.  The plan names each KPI with
 * its direction (better up or down), target and how several measurements of
 * one period are combined.  Measurements are read in one streaming pass into
 * one small state per KPI and period (a count, a sum, the extremes, the last
 * value; the values themselves only for a median), so memory grows with the
 * number of KPI-period groups, never with the rows.  A KPI's points are its
 * combined values in time order, ready for an XmR chart.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "chain_priv.h"

struct group {
	struct chain_period period;
	long n;
	double sum, min, max, last;
	double *values;		/* only for a median */
	size_t nvalues, cap;
};

/* The groups of one KPI, found by the first day of their period. */
struct chain_kpi_groups {
	struct group *g;
	size_t n, cap;
	int *slot;		/* index + 1 into g, 0 empty */
	size_t nslots;		/* a power of two */
};

struct chain_plan {
	struct chain_kpi **kpi;
	size_t n, cap;
	struct chain_map *by_code;
	struct chain_map *unknown;	/* codes not in the plan, reported */
	int given;
	/* the last row's KPI, period and group: rows come in runs */
	struct chain_kpi *last_kpi;
	char last_period[CHAIN_PERIOD_LEN + 8];
	struct chain_period period;
	long last_group;
	long after;			/* rows after --as-of, left out */
	struct chain_period latest;	/* the latest of them */
};

static const char *const better_names[] = { "", "up", "down", NULL };
static const char *const combine_names[] = { "mean", "sum", "median", "min",
	"max", "last", NULL };

struct chain_plan *
chain_plan_new(void)
{
	struct chain_plan *p = chain_calloc(1, sizeof(*p));

	p->by_code = chain_map_new();
	p->unknown = chain_map_new();
	p->last_group = -1;
	return p;
}

/* A KPI on its own: its measurements combined per period by how. */
struct chain_kpi *
chain_kpi_new(const char *code, enum chain_combine how)
{
	struct chain_kpi *k = chain_calloc(1, sizeof(*k));

	k->code = chain_strdup(code);
	k->name = chain_strdup("");
	k->target = NAN;
	k->baseline = NAN;
	k->combine = how;
	k->groups = chain_calloc(1, sizeof(*k->groups));
	return k;
}

static struct chain_kpi *
add_kpi(struct chain_plan *p, const char *code)
{
	struct chain_kpi *k = chain_kpi_new(code, CHAIN_COMBINE_MEAN);

	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 16;
		p->kpi = chain_reallocarray(p->kpi, p->cap, sizeof(*p->kpi));
	}
	p->kpi[p->n++] = k;
	*chain_map_slot(p->by_code, code, NULL) = k;
	return k;
}

static int
word_index(const char *const words[], const char *s)
{
	int i;

	for (i = 0; words[i] != NULL; i++)
		if (chain_strcasecmp(words[i], s) == 0)
			return i;
	return -1;
}

/*
 * A column of the plan that holds one of words[]; -1 after an error, whose
 * message names the words.
 */
static int
plan_word(struct chain_csv *r, const struct chain_row *row, int col,
    const char *const words[], const char *message)
{
	char *v = chain_strdup(chain_field(row, col));
	int i = word_index(words, chain_trim(v));

	if (i < 0)
		chain_csv_error(r, row->line, chain_csv_column_name(r,
		    (size_t)col), message, chain_field(row, col));
	free(v);
	return i;
}

static void
plan_row(struct chain_plan *p, struct chain_csv *r, const struct chain_row *row,
    const int cols[])
{
	char *dup = chain_strdup(chain_field(row, cols[0])), *code = chain_trim(dup);
	struct chain_kpi *k;
	double v;
	int i;

	if (*code == '\0')
		chain_csv_error(r, row->line, "kpi", "missing value");
	else if (chain_map_get(p->by_code, code) != NULL)
		chain_csv_error(r, row->line, "kpi", "'%s' is in the plan twice",
		    code);
	else {
		k = add_kpi(p, code);
		free(k->name);
		k->name = chain_strdup(chain_field(row, cols[1]));
		if (cols[2] >= 0 && (i = plan_word(r, row, cols[2], better_names,
		    N_("'%s' is not up or down"))) >= 0)
			k->better = (enum chain_better)i;
		if (cols[3] >= 0 && chain_csv_number(r, row, cols[3], &v) > 0)
			k->target = v;
		/* the value before the plan began: for the reader, not the chart */
		if (cols[4] >= 0 && chain_csv_number(r, row, cols[4], &v) > 0)
			k->baseline = v;
		if (cols[5] >= 0 && *chain_field(row, cols[5]) != '\0' &&
		    (i = plan_word(r, row, cols[5], combine_names,
		    N_("'%s' is not mean, sum, median, min, max or last"))) >= 0)
			k->combine = (enum chain_combine)i;
	}
	free(dup);
}

/* Reads plan.csv; returns -1 when it cannot be read or has a problem. */
int
chain_plan_load(struct chain_plan *p, const char *path,
    const struct chain_opts *o)
{
	static const char *const required[] = { "kpi", NULL };
	static const char *const optional[] = { "name", "better", "target",
		"baseline", "combine" };
	struct chain_csv *r = chain_csv_open(path, o);
	const struct chain_row *row;
	int cols[6], i;

	p->given = 1;
	if (r == NULL)
		return -1;
	chain_csv_keys(r, CHAIN_FORMAT_PLAN);
	if (chain_csv_require(r, required, cols) == 0) {
		for (i = 0; i < 5; i++)
			cols[i + 1] = chain_csv_column(r, optional[i]);
		while ((row = chain_csv_read(r)) != NULL)
			plan_row(p, r, row, cols);
	}
	return chain_csv_close(r);
}

int
chain_plan_given(const struct chain_plan *p)
{
	return p->given;
}

void
chain_kpi_free(struct chain_kpi *k)
{
	size_t i;

	for (i = 0; i < k->groups->n; i++)
		free(k->groups->g[i].values);
	free(k->groups->g);
	free(k->groups->slot);
	free(k->groups);
	free(k->code);
	free(k->name);
	free(k->kind_where);
	free(k);
}

void
chain_plan_free(struct chain_plan *p)
{
	size_t i;

	for (i = 0; i < p->n; i++)
		chain_kpi_free(p->kpi[i]);
	free(p->kpi);
	chain_map_free(p->by_code, NULL);
	chain_map_free(p->unknown, NULL);
	free(p);
}

static int
compare_codes(const void *a, const void *b)
{
	const struct chain_kpi *x = *(const struct chain_kpi *const *)a;
	const struct chain_kpi *y = *(const struct chain_kpi *const *)b;

	return strcmp(x->code, y->code);
}

/* The KPIs in plan order, or sorted by code when no plan was given. */
struct chain_kpi **
chain_plan_kpis(struct chain_plan *p, size_t *n)
{
	if (!p->given && p->n > 1)
		qsort(p->kpi, p->n, sizeof(*p->kpi), compare_codes);
	*n = p->n;
	return p->kpi;
}

static size_t
slot_of(int start, size_t nslots)
{
	unsigned h = (unsigned)start * 2654435761U;

	return (size_t)h & (nslots - 1);
}

/* Makes room for one more group and indexes the groups afresh. */
static void
grow_slots(struct chain_kpi_groups *gs)
{
	size_t i, j;

	free(gs->slot);
	for (gs->nslots = 64; gs->nslots < (gs->n + 1) * 2; gs->nslots *= 2)
		;
	gs->slot = chain_calloc(gs->nslots, sizeof(*gs->slot));
	for (i = 0; i < gs->n; i++) {
		j = slot_of(gs->g[i].period.start, gs->nslots);
		while (gs->slot[j] != 0)
			j = (j + 1) & (gs->nslots - 1);
		gs->slot[j] = (int)i + 1;
	}
}

/* The group of a period, made when it is new; returns its index. */
static long
group_of(struct chain_kpi_groups *gs, struct chain_period period)
{
	size_t j;
	struct group *g;

	if ((gs->n + 1) * 2 > gs->nslots)
		grow_slots(gs);
	j = slot_of(period.start, gs->nslots);
	for (; gs->slot[j] != 0; j = (j + 1) & (gs->nslots - 1))
		if (gs->g[gs->slot[j] - 1].period.start == period.start)
			return gs->slot[j] - 1;
	if (gs->n == gs->cap) {
		gs->cap = gs->cap ? gs->cap * 2 : 16;
		gs->g = chain_reallocarray(gs->g, gs->cap, sizeof(*gs->g));
	}
	g = &gs->g[gs->n];
	memset(g, 0, sizeof(*g));
	g->period = period;
	gs->slot[j] = (int)gs->n + 1;
	return (long)gs->n++;
}

static void
group_add(struct group *g, double v, enum chain_combine how)
{
	if (g->n == 0 || v < g->min)
		g->min = v;
	if (g->n == 0 || v > g->max)
		g->max = v;
	g->n++;
	g->sum += v;
	g->last = v;
	if (how != CHAIN_COMBINE_MEDIAN)
		return;
	if (g->nvalues == g->cap) {
		g->cap = g->cap ? g->cap * 2 : 8;
		g->values = chain_reallocarray(g->values, g->cap,
		    sizeof(*g->values));
	}
	g->values[g->nvalues++] = v;
}

static double
group_value(struct group *g, enum chain_combine how)
{
	switch (how) {
	case CHAIN_COMBINE_SUM:
		return g->sum;
	case CHAIN_COMBINE_MEDIAN:
		return chain_median(g->values, g->nvalues);
	case CHAIN_COMBINE_MIN:
		return g->min;
	case CHAIN_COMBINE_MAX:
		return g->max;
	case CHAIN_COMBINE_LAST:
		return g->last;
	default:
		return g->sum / (double)g->n;
	}
}

/* Whether two short strings are equal, without a call per row. */
static int
same_string(const char *a, const char *b)
{
	while (*a != '\0' && *a == *b)
		a++, b++;
	return *a == *b;
}

/* The KPI of a row; NULL (reported once per code) when it is unknown. */
static struct chain_kpi *
row_kpi(struct chain_plan *p, struct chain_csv *r, const struct chain_row *row,
    int col)
{
	const char *code = chain_field(row, col);
	struct chain_kpi *k;
	char *dup, *trimmed;
	int created;

	if (p->last_kpi != NULL && same_string(code, p->last_kpi->code))
		return p->last_kpi;
	dup = chain_strdup(code);
	trimmed = chain_trim(dup);
	k = chain_map_get(p->by_code, trimmed);
	if (k == NULL && *trimmed == '\0')
		chain_csv_error(r, row->line, chain_csv_column_name(r,
		    (size_t)col), "missing value");
	else if (k == NULL && p->given) {
		chain_map_slot(p->unknown, trimmed, &created);
		if (created)
			chain_csv_error(r, row->line, chain_csv_column_name(r,
			    (size_t)col), "'%s' is not a KPI of the plan",
			    trimmed);
	} else if (k == NULL)
		k = add_kpi(p, trimmed);
	free(dup);
	if (k != NULL && strcmp(code, k->code) == 0) {
		p->last_kpi = k;
		p->last_group = -1;
	}
	return k;
}

/* The period of a row, parsed once for a run of rows that share it. */
static int
row_period(struct chain_plan *p, struct chain_csv *r,
    const struct chain_row *row, int col)
{
	const char *s = chain_field(row, col);
	size_t len = chain_field_len(row, col);
	int rc;

	if (len > 0 && len < sizeof(p->last_period) &&
	    same_string(s, p->last_period))
		return 1;
	p->last_period[0] = '\0';
	p->last_group = -1;
	rc = chain_csv_period(r, row, col, &p->period);
	if (rc == 0)
		chain_csv_error(r, row->line, chain_csv_column_name(r,
		    (size_t)col), "missing value");
	if (rc <= 0)
		return 0;
	if (len < sizeof(p->last_period))
		memcpy(p->last_period, s, len + 1);
	return 1;
}

/* The kinds of period as a message names them. */
static const char *const kind_one[] = { N_("a day"), N_("a week"),
	N_("a month"), N_("a quarter"), N_("a year") };
static const char *const kind_plural[] = { N_("days"), N_("weeks"),
	N_("months"), N_("quarters"), N_("years") };

/* All periods of a KPI are of one kind: the first fixes it. */
static int
same_kind(struct chain_kpi *k, struct chain_csv *r, const struct chain_row *row,
    int col, struct chain_period period)
{
	size_t n;

	if (!k->has_kind) {
		k->has_kind = 1;
		k->kind = period.kind;
		n = strlen(chain_csv_name(r)) + 24;
		k->kind_where = chain_malloc(n);
		snprintf(k->kind_where, n, "%s:%ld", chain_csv_name(r),
		    row->line);
		return 1;
	}
	if (k->kind == period.kind)
		return 1;
	chain_csv_error(r, row->line, chain_csv_column_name(r, (size_t)col),
	    "'%s' is %s but kpi '%s' has %s (%s)", chain_field(row, col),
	    _(kind_one[period.kind]), k->code, _(kind_plural[k->kind]),
	    k->kind_where);
	return 0;
}

static int
row_value(struct chain_csv *r, const struct chain_row *row, int col, double *v)
{
	if (chain_number_plain(chain_field(row, col),
	    chain_csv_decimal_comma(r), v) == 0)
		return 1;
	return chain_csv_number(r, row, col, v);
}

/*
 * Reads measurements (kpi, period, value) into the groups of their KPIs.
 * Without a plan every KPI is new; with one, a KPI it lacks is an error.
 * Periods that start after as_of have not happened yet and are left out.
 */
void
chain_plan_read(struct chain_plan *p, struct chain_csv *r, int as_of)
{
	static const char *const required[] = { "kpi", "period", "value", NULL };
	const struct chain_row *row;
	struct chain_kpi *k;
	int cols[3];
	double v;

	p->last_kpi = NULL;
	p->last_period[0] = '\0';
	p->last_group = -1;
	chain_csv_keys(r, CHAIN_FORMAT_MEASUREMENTS);
	if (chain_csv_require(r, required, cols) != 0)
		return;
	while ((row = chain_csv_read(r)) != NULL) {
		if ((k = row_kpi(p, r, row, cols[0])) == NULL ||
		    !row_period(p, r, row, cols[1]) ||
		    row_value(r, row, cols[2], &v) <= 0)
			continue;
		if (p->period.start > as_of) {
			if (p->after++ == 0 || p->period.start > p->latest.start)
				p->latest = p->period;
			continue;
		}
		if (!same_kind(k, r, row, cols[1], p->period))
			continue;
		if (p->last_group < 0 || k != p->last_kpi) {
			p->last_group = group_of(k->groups, p->period);
			p->last_kpi = k;
		}
		group_add(&k->groups->g[p->last_group], v, k->combine);
	}
}

struct inputs {
	struct chain_plan *plan;
	int as_of;
};

static void
read_one(struct chain_csv *r, void *ctx)
{
	struct inputs *in = ctx;

	chain_plan_read(in->plan, r, in->as_of);
}

/*
 * The plan (when a path is given) and the measurements of every input;
 * NULL when the plan cannot be read.
 */
struct chain_plan *
chain_plan_inputs(const char *plan, int argc, char **argv,
    const struct chain_opts *o)
{
	struct inputs in;

	in.plan = chain_plan_new();
	in.as_of = o->as_of;
	if (plan != NULL && chain_plan_load(in.plan, plan, o) != 0) {
		chain_plan_free(in.plan);
		return NULL;
	}
	chain_csv_each(argc, argv, o, read_one, &in);
	if (in.plan->after > 0 && !o->quiet)
		chain_warn_after(in.plan->after, o->as_of, &in.plan->latest,
		    NULL);
	return in.plan;
}

/* A KPI's direction as the plan writes it: up, down or "" for none. */
const char *
chain_better_name(enum chain_better better)
{
	return better_names[better];
}

/* A KPI's direction as the plan writes it: up, down or empty. */
int
chain_better_parse(const char *s, enum chain_better *better)
{
	char *v = chain_strdup(s);
	int i = word_index(better_names, chain_trim(v));

	free(v);
	if (i < 0)
		return -1;
	*better = (enum chain_better)i;
	return 0;
}

void
chain_kpi_add(struct chain_kpi *k, struct chain_period period, double v)
{
	long i = group_of(k->groups, period);

	group_add(&k->groups->g[i], v, k->combine);
}

static int
compare_groups(const void *a, const void *b)
{
	const struct group *x = a, *y = b;

	return chain_period_cmp(x->period, y->period);
}

/* The periods between the first and the last that have no value. */
static char *
missing_periods(const struct chain_chart *c)
{
	struct chain_period q;
	char buf[CHAIN_PERIOD_LEN], *list = NULL;
	size_t i, len = 0;

	for (i = 1; i < c->n; i++)
		for (q = chain_period_next(c->period[i - 1]);
		    q.start < c->period[i].start; q = chain_period_next(q)) {
			chain_period_format(q, buf);
			list = chain_realloc(list, len + strlen(buf) + 3);
			len += (size_t)sprintf(list + len, "%s%s", len ? ", " : "",
			    buf);
		}
	return list;
}

/* Puts the groups of a KPI in time order; returns how many there are. */
size_t
chain_kpi_groups_sorted(struct chain_kpi *k)
{
	struct chain_kpi_groups *gs = k->groups;

	if (gs->n > 1)
		qsort(gs->g, gs->n, sizeof(*gs->g), compare_groups);
	grow_slots(gs);
	return gs->n;
}

/* The period of group i, and its values (kept for a median only). */
struct chain_period
chain_kpi_group(const struct chain_kpi *k, size_t i, double **values,
    size_t *n)
{
	*values = k->groups->g[i].values;
	*n = k->groups->g[i].nvalues;
	return k->groups->g[i].period;
}

/*
 * The chart of a KPI: its points in time order, a new segment at the first
 * point on or after each recalc period's first day, the limits and rules.
 */
void
chain_kpi_chart(struct chain_kpi *k, const struct chain_xmr_opts *o,
    const struct chain_period *recalc, size_t nrecalc, struct chain_chart *c)
{
	struct chain_kpi_groups *gs = k->groups;
	struct chain_xmr_opts ko = *o;
	size_t i, j;

	chain_kpi_groups_sorted(k);
	memset(c, 0, sizeof(*c));
	c->n = gs->n;
	c->period = chain_calloc(c->n, sizeof(*c->period));
	c->point = chain_calloc(c->n, sizeof(*c->point));
	for (i = 0; i < c->n; i++) {
		c->period[i] = gs->g[i].period;
		c->point[i].value = group_value(&gs->g[i], k->combine);
	}
	for (j = 0; j < nrecalc; j++)
		for (i = 1; i < c->n; i++)
			if (c->period[i].start >= recalc[j].start) {
				if (c->period[i - 1].start < recalc[j].start)
					c->point[i].new_segment = 1;
				break;
			}
	chain_xmr(c->point, c->n, &ko);
	c->missing = missing_periods(c);
}

void
chain_chart_free(struct chain_chart *c)
{
	free(c->period);
	free(c->point);
	free(c->missing);
}
