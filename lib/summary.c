/*
 * summary.c: what a KPI's chart says, the one rule behind chain-kpi check
 * and summary and behind the report's reading of their rows.  A point met
 * the target or not, in the KPI's direction; a chart shows signals only
 * from a minimum number of points on, before that a signal would be noise
 * read as news; the latest point's variation is common cause or the signal
 * of its special cause; the change is the latest value minus that of the
 * period before, and there is none when that period has no value (a gap
 * is not a week); a latest point in concern, and for a summary an
 * assurance that fails, is what --fail-on concern reports.  The chart of a
 * KPI is written here as check rows, its latest point as a summary row.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chain_priv.h"

#define MIN_POINTS 6		/* a chart shows signals from six points on */

/* 1 or 0 against the target in the KPI's direction; -1 when unknown. */
int
chain_kpi_met(enum chain_better better, double target, double value)
{
	if (better == CHAIN_BETTER_NONE || isnan(target) || isnan(value))
		return -1;
	return better == CHAIN_BETTER_UP ? value >= target : value <= target;
}

/* A point's signal on a chart of npoints; "" while the chart is too short. */
const char *
chain_kpi_signal(const struct chain_xmr_point *x, enum chain_better better,
    size_t npoints)
{
	return npoints < MIN_POINTS ? "" : chain_xmr_signal(x, better);
}

/* The rule that flags a point on a chart of npoints, as chain_kpi_signal. */
const char *
chain_kpi_rule(const struct chain_xmr_point *x, size_t npoints)
{
	return npoints < MIN_POINTS ? "" : chain_rule_names[x->rule];
}

/* The variation a signal stands for: "none" is common cause. */
const char *
chain_kpi_variation(const char *signal)
{
	return strcmp(signal, "none") == 0 ? "common" : signal;
}

/*
 * The latest value minus the previous point's, when that point is of the
 * period just before; NAN without one (previous NULL: a single point).
 */
double
chain_kpi_change(const struct chain_period *previous, double before,
    struct chain_period latest, double now)
{
	if (previous == NULL || chain_period_next(*previous).start !=
	    latest.start)
		return NAN;
	return now - before;
}

/* Whether a latest point is what --fail-on concern is for. */
int
chain_kpi_failing(const char *variation, const char *assurance)
{
	return strcmp(variation, "concern") == 0 ||
	    strcmp(assurance, "fail") == 0;
}

/*
 * Whether the latest point belongs to a shift or trend that started after
 * the limits of its segment were fixed (on the first --baseline points):
 * then the limits describe a process that no longer runs, and new limits
 * should start where the run did.
 */
static int
stale_limits(const struct chain_chart *c, const struct chain_xmr_opts *xmr,
    struct chain_period *from)
{
	size_t s = c->n - 1, fixed;
	long start;

	while (s > 0 && !c->point[s].new_segment)
		s--;
	fixed = c->n - s;
	if (xmr != NULL && xmr->baseline > 0 && (size_t)xmr->baseline < fixed)
		fixed = (size_t)xmr->baseline;
	start = chain_xmr_run_start(c->point, s, c->n);
	if (c->n < MIN_POINTS || start < 0 || (size_t)start < s + fixed)
		return 0;
	*from = c->period[start];
	return 1;
}

/* Fills s with what the chart c of KPI k says about its latest point. */
void
chain_kpi_summarise(const struct chain_kpi *k, const struct chain_chart *c,
    const struct chain_xmr_opts *xmr, struct chain_kpi_summary *s)
{
	const struct chain_xmr_point *x;
	const char *assurance;

	memset(s, 0, sizeof(*s));
	s->value = s->change = NAN;
	s->met = -1;
	s->variation = s->assurance = "";
	if (c->n == 0)
		return;
	x = &c->point[c->n - 1];
	s->period = c->period[c->n - 1];
	s->value = x->value;
	s->met = chain_kpi_met(k->better, k->target, x->value);
	s->change = chain_kpi_change(c->n > 1 ? &c->period[c->n - 2] : NULL,
	    c->n > 1 ? c->point[c->n - 2].value : NAN, s->period, x->value);
	s->variation = chain_kpi_variation(chain_kpi_signal(x, k->better, c->n));
	assurance = chain_xmr_assurance(x->lower, x->upper, k->target,
	    k->better);
	s->assurance = assurance != NULL ? assurance : "";
	if (*s->assurance != '\0' && stale_limits(c, xmr, &s->recalc)) {
		s->assurance = "recalculate";
		s->has_recalc = 1;
	}
}

static void
out_optional(struct chain_out *w, double v)
{
	if (isnan(v))
		chain_out_empty(w);
	else
		chain_out_number(w, v);
}

static void
out_met(struct chain_out *w, int m)
{
	if (m < 0)
		chain_out_empty(w);
	else
		chain_out_int(w, m);
}

/* The rows of chain-kpi check: a KPI's chart, a row per period. */
static void
check_rows(struct chain_out *w, const struct chain_kpi *k,
    const struct chain_chart *c)
{
	size_t i;

	for (i = 0; i < c->n; i++) {
		const struct chain_xmr_point *x = &c->point[i];

		chain_out_text(w, k->code);
		chain_out_period(w, c->period[i]);
		chain_out_number(w, x->value);
		out_optional(w, k->target);
		out_met(w, chain_kpi_met(k->better, k->target, x->value));
		chain_out_number(w, x->mean);
		out_optional(w, x->lower);
		out_optional(w, x->upper);
		chain_out_text(w, chain_kpi_signal(x, k->better, c->n));
		chain_out_text(w, chain_kpi_rule(x, c->n));
		chain_out_end(w);
	}
}

/* The row of chain-kpi summary: a KPI's latest point. */
static void
summary_row(struct chain_out *w, const struct chain_kpi *k,
    const struct chain_kpi_summary *s, int any)
{
	chain_out_text(w, k->code);
	chain_out_text(w, k->name);
	if (any)
		chain_out_period(w, s->period);
	else
		chain_out_empty(w);
	out_optional(w, s->value);
	out_optional(w, k->target);
	out_met(w, s->met);
	out_optional(w, s->change);
	chain_out_text(w, s->variation);
	chain_out_text(w, s->assurance);
	if (s->has_recalc)
		chain_out_period(w, s->recalc);
	else
		chain_out_empty(w);
	chain_out_end(w);
}

/*
 * Limits that rest on fewer than CHAIN_BASELINE_MIN points are trial
 * limits (Making Data Count, and NHSRplotthedots' warning): each segment
 * whose limits do is named by its first period.
 */
static void
warn_trial(const struct chain_kpi *k, const struct chain_chart *c,
    const struct chain_xmr_opts *xmr)
{
	char from[CHAIN_PERIOD_LEN];
	size_t s, e, basis;

	for (s = 0; s < c->n; s = e) {
		e = chain_xmr_segment(c->point, c->n, s, xmr, &basis);
		if (basis >= CHAIN_BASELINE_MIN)
			continue;
		chain_period_format(c->period[s], from);
		if (basis < 2)
			chain_warnx("warning: kpi %s: the limits from %s rest on "
			    "1 point: none until a second point, trial limits "
			    "until %d", k->code, from, CHAIN_BASELINE_MIN);
		else
			chain_warnx("warning: kpi %s: the limits from %s rest on "
			    "%zu points, fewer than %d: trial limits, which "
			    "each new point will revise", k->code, from, basis,
			    CHAIN_BASELINE_MIN);
	}
}

static void
warn_chart(const struct chain_kpi *k, const struct chain_chart *c,
    const struct chain_xmr_opts *xmr)
{
	if (c->n == 0)
		chain_warnx("warning: kpi %s: no measurements", k->code);
	if (c->missing != NULL)
		chain_warnx("warning: kpi %s: no value for %s", k->code,
		    c->missing);
	warn_trial(k, c, xmr);
}

/* The periods the measurements run over, for a message. */
struct span {
	int any;
	struct chain_period first, last;
};

/*
 * A period that starts new limits for every KPI: of --recalc (where NULL)
 * or of a change of every KPI in a changes file (where its file:line).
 */
struct every {
	struct chain_period period;
	const char *where;
	int used;		/* it starts new limits in some KPI's chart */
};

/* The --recalc periods, then the changes of every KPI; n set. */
static struct every *
every_kpi(const struct chain_check_opts *o,
    const struct chain_process_changes *cs, size_t *n)
{
	struct every *e = chain_calloc(o->nrecalc + (cs ? cs->n : 0) + 1,
	    sizeof(*e));
	size_t i;

	for (*n = 0; *n < o->nrecalc; (*n)++)
		e[*n].period = o->recalc[*n];
	for (i = 0; cs != NULL && i < cs->n; i++)
		if (cs->c[i].kpi == NULL) {
			e[*n].period = cs->c[i].period;
			e[(*n)++].where = cs->c[i].where;
		}
	return e;
}

/*
 * Which of them start new limits in a chart: one that falls after its
 * first point and on or before its last.
 */
static void
note_every(struct every *e, size_t ne, const struct chain_chart *c,
    struct span *span)
{
	size_t i, j;

	if (c->n == 0)
		return;
	if (!span->any || chain_period_cmp(c->period[0], span->first) < 0)
		span->first = c->period[0];
	if (!span->any || chain_period_cmp(c->period[c->n - 1], span->last) > 0)
		span->last = c->period[c->n - 1];
	span->any = 1;
	for (j = 0; j < ne; j++)
		for (i = 1; i < c->n && !e[j].used; i++)
			e[j].used = c->period[i - 1].start < e[j].period.start &&
			    c->period[i].start >= e[j].period.start;
}

/*
 * A period for every KPI that starts new limits in none (after the data,
 * or before it) asks a wrong question: an error (exit 3) that names the
 * periods the measurements run over.
 */
static void
check_every(const struct every *e, size_t ne, const struct span *span)
{
	char p[CHAIN_PERIOD_LEN], a[CHAIN_PERIOD_LEN], b[CHAIN_PERIOD_LEN];
	char what[256];
	size_t j;

	for (j = 0; j < ne; j++) {
		if (e[j].used)
			continue;
		chain_period_format(e[j].period, p);
		if (e[j].where != NULL)
			snprintf(what, sizeof(what), "%s: period", e[j].where);
		else
			snprintf(what, sizeof(what), "--recalc");
		if (span->any) {
			chain_period_format(span->first, a);
			chain_period_format(span->last, b);
			chain_warnx("%s: %s starts new limits for no KPI: the "
			    "measurements run from %s to %s", what, p, a, b);
		} else
			chain_warnx("%s: %s starts new limits for no KPI: there "
			    "are no measurements", what, p);
		chain_raise_status(CHAIN_EXIT_DATA);
	}
}

/*
 * chain-kpi check (or summary) of every KPI of the plan, written to w, with
 * new limits from each --recalc period and each change of --changes that
 * applies to the KPI.  Returns whether a latest point is what --fail-on
 * concern is for.
 */
int
chain_kpi_check(struct chain_plan *plan, const struct chain_check_opts *o,
    struct chain_out *w)
{
	struct chain_process_changes *cs = NULL;
	struct chain_kpi **list;
	struct chain_kpi_summary s;
	struct chain_period *starts;
	struct chain_chart c;
	struct span span;
	struct every *every;
	size_t i, n, ne, nstarts;
	int found = 0;

	if (o->changes != NULL &&
	    (cs = chain_process_changes_load(o->changes, o->opts)) == NULL)
		return 0;
	chain_out_header(w, chain_format_header(o->summary ?
	    CHAIN_FORMAT_KPI_SUMMARY : CHAIN_FORMAT_KPI_CHECK));
	list = chain_plan_kpis(plan, &n);
	chain_process_changes_check(cs, list, n);
	memset(&span, 0, sizeof(span));
	every = every_kpi(o, cs, &ne);
	for (i = 0; i < n; i++) {
		nstarts = chain_process_changes_for(cs, list[i]->code, o->recalc,
		    o->nrecalc, &starts);
		chain_kpi_chart(list[i], &o->xmr, starts, nstarts, &c);
		free(starts);
		note_every(every, ne, &c, &span);
		if (!o->quiet)
			warn_chart(list[i], &c, &o->xmr);
		chain_kpi_summarise(list[i], &c, &o->xmr, &s);
		/* check rows carry no assurance: only a concern counts */
		if (chain_kpi_failing(s.variation, o->summary ? s.assurance : ""))
			found = 1;
		if (o->summary)
			summary_row(w, list[i], &s, c.n > 0);
		else
			check_rows(w, list[i], &c);
		chain_chart_free(&c);
	}
	check_every(every, ne, &span);
	free(every);
	chain_process_changes_free(cs);
	return found;
}
