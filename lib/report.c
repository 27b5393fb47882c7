/*
 * report.c: the reader of the weekly report.  It reads the outputs of
 * chain-agree, chain-kpi and chain-survey (and a plan or partner list),
 * each recognised by its header, into one model of the chain's week
 * (report_priv.h), as they are: what the figures derived from them are is
 * figures.c's business, and nothing here calls a later stage.  A
 * register's journal is recognised too, and left to chain-agree log.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_priv.h"

/* A report as of a date, of the week of that date. */
struct chain_report *
chain_report_new(int as_of, const char *chain, enum chain_lang lang)
{
	struct chain_period week = chain_period_of(CHAIN_WEEK, as_of);
	struct chain_report *r = chain_calloc(1, sizeof(*r));

	r->chain = chain;
	r->lang = lang;
	r->as_of = as_of;
	r->week_start = week.start;
	r->week_end = chain_period_end(week);
	r->partner_names = chain_map_new();
	r->hard = r->soft = r->hard_before = r->soft_before = NAN;
	r->reliability = r->reliability_before = NAN;
	r->trust_index = r->trust_before = NAN;
	return r;
}

/* Field readers: text copied, numbers NAN when empty (and when bad, after
 * the reader has reported it). */
static char *
text(const struct chain_row *row, int col)
{
	return chain_strdup(chain_field(row, col));
}

static double
number(struct chain_csv *in, const struct chain_row *row, int col)
{
	double v;

	if (col < 0 || chain_csv_number(in, row, col, &v) != 1)
		return NAN;
	return v;
}

/* A count: a whole number from 0 (an error when it is none). */
static long
count(struct chain_csv *in, const struct chain_row *row, int col)
{
	double v = number(in, row, col);

	if (isnan(v))
		return 0;
	if (v < 0 || v > 1e9 || v != floor(v)) {
		chain_csv_error(in, row->line, chain_csv_column_name(in,
		    (size_t)col), "'%s' is not a count", chain_field(row, col));
		return 0;
	}
	return (long)v;
}

static int
flag(struct chain_csv *in, const struct chain_row *row, int col)
{
	double v = number(in, row, col);

	return isnan(v) ? -1 : v != 0;
}

static struct chain_kpi_series *
find_kpi(struct chain_report *r, const char *code)
{
	size_t i;
	struct chain_kpi_series *k;

	for (i = 0; i < r->nkpis; i++)
		if (strcmp(r->kpis[i].code, code) == 0)
			return &r->kpis[i];
	k = CHAIN_APPEND(r->kpis, r->nkpis);
	k->code = chain_strdup(code);
	k->target = k->baseline = NAN;
	k->value = k->change = NAN;
	k->met = -1;
	k->lead_stat = -1;
	return k;
}

static int
col(struct chain_csv *in, const char *name)
{
	return chain_csv_column(in, name);
}

static void
read_kpi_check(struct chain_report *r, struct chain_csv *in,
    const struct chain_row *row)
{
	struct chain_kpi_series *k = find_kpi(r, chain_field(row, col(in, "kpi")));
	struct chain_kpi_point *p;
	struct chain_period period;

	if (chain_csv_period(in, row, col(in, "period"), &period) != 1)
		return;
	if (k->npoints == k->cap) {
		k->cap = k->cap ? 2 * k->cap : 16;
		k->points = chain_reallocarray(k->points, k->cap,
		    sizeof(*k->points));
	}
	p = &k->points[k->npoints++];
	p->period = period;
	p->value = number(in, row, col(in, "value"));
	p->target = number(in, row, col(in, "target"));
	p->met = flag(in, row, col(in, "met"));
	p->mean = number(in, row, col(in, "mean"));
	p->lower = number(in, row, col(in, "lower"));
	p->upper = number(in, row, col(in, "upper"));
	chain_report_word(p->signal, sizeof(p->signal), chain_field(row,
	    col(in, "signal")));
	chain_report_word(p->rule, sizeof(p->rule), chain_field(row, col(in, "rule")));
	if (!isnan(p->target))
		k->target = p->target;
}

static void
read_kpi_summary(struct chain_report *r, struct chain_csv *in,
    const struct chain_row *row)
{
	struct chain_kpi_series *k = find_kpi(r, chain_field(row, col(in, "kpi")));

	k->has_summary = 1;
	if (k->name == NULL && *chain_field(row, col(in, "name")) != '\0')
		k->name = text(row, col(in, "name"));
	free(k->period);
	k->period = text(row, col(in, "period"));
	k->value = number(in, row, col(in, "value"));
	if (!isnan(number(in, row, col(in, "target"))))
		k->target = number(in, row, col(in, "target"));
	k->met = flag(in, row, col(in, "met"));
	k->change = number(in, row, col(in, "change"));
	chain_report_word(k->variation, sizeof(k->variation), chain_field(row,
	    col(in, "variation")));
	chain_report_word(k->assurance, sizeof(k->assurance), chain_field(row,
	    col(in, "assurance")));
	chain_report_word(k->recalc, sizeof(k->recalc), chain_field(row,
	    col(in, "recalc")));
}

static void
read_plan(struct chain_report *r, struct chain_csv *in,
    const struct chain_row *row)
{
	struct chain_kpi_series *k = find_kpi(r, chain_field(row, col(in, "kpi")));
	const char *better = chain_field(row, col(in, "better"));
	double target = number(in, row, col(in, "target"));

	k->planned = 1;
	if (*chain_field(row, col(in, "name")) != '\0') {
		free(k->name);
		k->name = text(row, col(in, "name"));
	}
	if (col(in, "unit") >= 0) {
		free(k->unit);
		k->unit = text(row, col(in, "unit"));
	}
	if (col(in, "owner") >= 0) {
		free(k->owner);
		k->owner = text(row, col(in, "owner"));
	}
	if (chain_better_parse(better, &k->better) != 0)
		k->better = CHAIN_BETTER_NONE;
	if (!isnan(target))
		k->target = target;
	k->baseline = number(in, row, col(in, "baseline"));
}

/*
 * A status row names the date it was judged as of; the report judges every
 * agreement again as of its own date, from the row's dates, and warns once
 * per file when the file was made as of another day.
 */
static void
check_as_of(struct chain_report *r, struct chain_csv *in,
    const struct chain_row *row, int *warned)
{
	char was[CHAIN_DATE_LEN], now[CHAIN_DATE_LEN];
	int as_of;

	if (*warned || col(in, "as_of") < 0 ||
	    chain_csv_date(in, row, col(in, "as_of"), &as_of) != 1 ||
	    as_of == r->as_of)
		return;
	*warned = 1;
	chain_date_format(as_of, was);
	chain_date_format(r->as_of, now);
	chain_csv_warning(in, row->line, "as_of", "made as of %s, the report "
	    "is as of %s: every agreement is judged again as of %s", was, now,
	    now);
}

static void
read_status(struct chain_report *r, struct chain_csv *in,
    const struct chain_row *row, const struct chain_register *c,
    int *warned)
{
	struct chain_deal *d;
	struct chain_agreement a;
	struct chain_verdict v;
	enum chain_state state;

	if (chain_register_row(in, row, c, &a) != 0)
		return;
	if (chain_state_parse(chain_field(row, col(in, "state")), &state) != 0) {
		chain_csv_error(in, row->line, "state", "'%s' is not a state",
		    chain_field(row, col(in, "state")));
		return;
	}
	check_as_of(r, in, row, warned);
	chain_agreement_judge(&a, r->as_of, CHAIN_DUE_SOON_DAYS, &v);
	if (v.state == CHAIN_NOT_MADE)	/* not an agreement yet */
		return;
	d = CHAIN_APPEND(r->deals, r->ndeals);
	d->id = text(row, c->id);
	d->owner = text(row, c->owner);
	d->counterpart = chain_strdup(chain_register_partner(row,
	    c->counterpart));
	d->title = text(row, c->title);
	d->plan = text(row, c->plan);
	d->a = a;
	d->state = v.state;
	d->effective_due = v.effective_due;
	d->days_late = v.days_late;
	d->surprise = v.surprise;
}

static void
read_score(struct chain_report *r, struct chain_csv *in,
    const struct chain_row *row)
{
	struct chain_partner_score *s = CHAIN_APPEND(r->scores, r->nscores);
	int i;

	s->partner = text(row, col(in, "partner"));
	s->period = text(row, col(in, "period"));
	s->tally.total = count(in, row, col(in, "total"));
	/* a state's column is found by its name (due-soon as due_soon) */
	for (i = 0; i < CHAIN_NTALLIED; i++)
		s->tally.state[i] = count(in, row, col(in,
		    chain_state_names[i]));
	s->tally.surprises = count(in, row, col(in, "surprises"));
	s->reliability = number(in, row, col(in, "reliability"));
	s->predictability = number(in, row, col(in, "predictability"));
}

static void
read_matrix(struct chain_report *r, struct chain_csv *in,
    const struct chain_row *row)
{
	struct chain_deal_pair *p = CHAIN_APPEND(r->pairs, r->npairs);

	p->owner = text(row, col(in, "owner"));
	p->counterpart = text(row, col(in, "counterpart"));
	p->agreements = count(in, row, col(in, "agreements"));
	p->reverse = count(in, row, col(in, "reverse_agreements"));
	p->reliability = number(in, row, col(in, "reliability"));
	p->balance = number(in, row, col(in, "balance"));
}

static void
read_reason(struct chain_report *r, struct chain_csv *in,
    const struct chain_row *row)
{
	struct chain_reason_row *p = CHAIN_APPEND(r->reason_rows,
	    r->nreason_rows);

	p->partner = text(row, col(in, "partner"));
	p->period = text(row, col(in, "period"));
	p->reason = text(row, col(in, "reason"));
	p->count = count(in, row, col(in, "count"));
}

/*
 * A row of chain-agree attendance, added to its partner's: its periods
 * added up, unless a row without a period (the whole) is read too.
 */
static void
read_attendance(struct chain_report *r, struct chain_csv *in,
    const struct chain_row *row)
{
	const char *partner = chain_field(row, col(in, "partner"));
	int whole = *chain_field(row, col(in, "period")) == '\0';
	struct chain_attendance_row *a = NULL;
	size_t i;

	for (i = 0; i < r->nattendance && a == NULL; i++)
		if (strcmp(r->attendance[i].partner, partner) == 0)
			a = &r->attendance[i];
	if (a == NULL) {
		a = CHAIN_APPEND(r->attendance, r->nattendance);
		a->partner = chain_strdup(partner);
	}
	if (a->whole && !whole)
		return;		/* the whole row says it already */
	if (whole && !a->whole) {
		a->meetings = a->attended = a->in_time = a->late = 0;
		a->no_shows = 0;
		a->whole = 1;
	}
	a->meetings += count(in, row, col(in, "meetings"));
	a->attended += count(in, row, col(in, "attended"));
	a->in_time += count(in, row, col(in, "regrets_in_time"));
	a->late += count(in, row, col(in, "regrets_late"));
	a->no_shows += count(in, row, col(in, "no_shows"));
}

static void
read_trust(struct chain_report *r, struct chain_csv *in,
    const struct chain_row *row)
{
	struct chain_trust *t = CHAIN_APPEND(r->trust, r->ntrust);

	t->wave = text(row, col(in, "wave"));
	t->partner = text(row, col(in, "partner"));
	t->about = text(row, col(in, "about"));
	t->dimension = text(row, col(in, "dimension"));
	t->n = count(in, row, col(in, "n"));
	t->mean = number(in, row, col(in, "mean"));
	t->sd = number(in, row, col(in, "sd"));
	t->index = number(in, row, col(in, "index"));
	t->suppressed = flag(in, row, col(in, "suppressed")) == 1;
}

static void
read_trust_pair(struct chain_report *r, struct chain_csv *in,
    const struct chain_row *row)
{
	struct chain_trust_pair *p = CHAIN_APPEND(r->trust_pairs, r->ntrust_pairs);

	p->partner = text(row, col(in, "partner"));
	p->about = text(row, col(in, "about"));
	p->n = count(in, row, col(in, "n"));
	p->mean = number(in, row, col(in, "mean"));
	p->index = number(in, row, col(in, "index"));
	p->reverse_mean = number(in, row, col(in, "reverse_mean"));
	p->gap = number(in, row, col(in, "gap"));
}

/* A row of the trust network: the chain's (partner empty) or a partner's. */
static void
read_node(struct chain_report *r, struct chain_csv *in,
    const struct chain_row *row)
{
	struct chain_trust_node *x = CHAIN_APPEND(r->nodes, r->nnodes);

	x->partner = text(row, col(in, "partner"));
	x->partners = count(in, row, col(in, "partners"));
	x->ties = count(in, row, col(in, "ties"));
	x->density = number(in, row, col(in, "density"));
	x->reciprocity = number(in, row, col(in, "reciprocity"));
	x->centralisation = number(in, row, col(in, "centralisation"));
	x->in = count(in, row, col(in, "in_degree"));
	x->out = count(in, row, col(in, "out_degree"));
	x->given = number(in, row, col(in, "trust_given"));
	x->received = number(in, row, col(in, "trust_received"));
}

static void
read_change(struct chain_report *r, struct chain_csv *in,
    const struct chain_row *row)
{
	struct chain_trust_change *c = CHAIN_APPEND(r->changes, r->nchanges);

	c->partner = text(row, col(in, "partner"));
	c->about = text(row, col(in, "about"));
	c->dimension = text(row, col(in, "dimension"));
	c->n_from = count(in, row, col(in, "n_from"));
	c->n_to = count(in, row, col(in, "n_to"));
	c->mean_from = number(in, row, col(in, "mean_from"));
	c->mean_to = number(in, row, col(in, "mean_to"));
	c->change = number(in, row, col(in, "change"));
	c->p = number(in, row, col(in, "p"));
	c->d = number(in, row, col(in, "d"));
}

static void
read_handoff(struct chain_report *r, struct chain_csv *in,
    const struct chain_row *row)
{
	struct chain_handoff *h = CHAIN_APPEND(r->handoffs, r->nhandoffs);

	h->from = text(row, col(in, "from"));
	h->to = text(row, col(in, "to"));
	h->n = count(in, row, col(in, "handoffs"));
	h->median = number(in, row, col(in, "median_wait"));
	h->p90 = number(in, row, col(in, "p90_wait"));
	h->mean = number(in, row, col(in, "mean_wait"));
	h->returns = col(in, "returns") < 0 ? -1 :
	    count(in, row, col(in, "returns"));
}

/* A case's end as written: its date, before any offset is applied. */
static void
read_case(struct chain_report *r, struct chain_csv *in,
    const struct chain_row *row)
{
	const char *end = chain_field(row, col(in, "end"));
	char date[11];
	struct chain_case_time *c;
	int day;

	snprintf(date, sizeof(date), "%s", end);
	if (chain_date_parse(date, &day) != 0) {
		chain_csv_error(in, row->line, "end", "'%s' is not a valid "
		    "time", end);
		return;
	}
	c = CHAIN_APPEND(r->cases, r->ncases);
	c->end = day;
	c->lead_time = number(in, row, col(in, "lead_time"));
}

/* A dimension's row of alpha; the item rows are for the instrument's maker. */
static void
read_alpha(struct chain_report *r, struct chain_csv *in,
    const struct chain_row *row)
{
	struct chain_alpha *a;

	if (*chain_field(row, col(in, "item")) != '\0')
		return;
	a = CHAIN_APPEND(r->alphas, r->nalphas);
	a->dimension = text(row, col(in, "dimension"));
	a->items = count(in, row, col(in, "items"));
	a->n = count(in, row, col(in, "n"));
	a->alpha = number(in, row, col(in, "alpha"));
}

/*
 * A point of an earlier Act list.  The file's week is that of its latest
 * `since`: a point first listed that week stood on it.
 */
static void
read_prior(struct chain_report *r, struct chain_csv *in,
    const struct chain_row *row)
{
	struct chain_prior *p = CHAIN_APPEND(r->priors, r->npriors);
	struct chain_period week;
	int *file = &r->prior_weeks[r->nprior_files - 1];

	p->area = text(row, col(in, "area"));
	p->subject = text(row, col(in, "subject"));
	p->message = text(row, col(in, "message"));
	p->since = text(row, col(in, "since"));
	p->file = r->nprior_files - 1;
	if (*p->since == '\0')
		return;
	if (chain_period_parse(p->since, &week) != 0 ||
	    week.kind != CHAIN_WEEK) {
		chain_csv_error(in, row->line, "since", "'%s' is not an ISO "
		    "week (YYYY-Www)", p->since);
		return;
	}
	if (week.start > *file)
		*file = week.start;
}

/* A week of the history; a later row of the same week replaces it. */
static void
read_history(struct chain_report *r, struct chain_csv *in,
    const struct chain_row *row)
{
	struct chain_period week;
	struct chain_history_row *h = NULL;
	size_t i;

	if (chain_csv_period(in, row, col(in, "week"), &week) != 1)
		return;
	if (week.kind != CHAIN_WEEK) {
		chain_csv_error(in, row->line, "week", "'%s' is not an ISO "
		    "week (YYYY-Www)", chain_field(row, col(in, "week")));
		return;
	}
	for (i = 0; i < r->nhistory; i++)
		if (r->history[i].week == week.start)
			h = &r->history[i];
	if (h == NULL)
		h = CHAIN_APPEND(r->history, r->nhistory);
	h->week = week.start;
	h->hard = number(in, row, col(in, "hard"));
	h->soft = number(in, row, col(in, "soft"));
	h->reliability = number(in, row, col(in, "reliability"));
	h->trust_index = number(in, row, col(in, "trust_index"));
	h->kpis = count(in, row, col(in, "kpis"));
	h->kpis_met = count(in, row, col(in, "kpis_met"));
	h->overdue = count(in, row, col(in, "overdue"));
	h->actions = count(in, row, col(in, "actions"));
	r->has_history = 1;
}

/* A signature of the chain plan; an empty date is one still to come. */
static void
read_signature(struct chain_report *r, struct chain_csv *in,
    const struct chain_row *row)
{
	struct chain_signature *s = CHAIN_APPEND(r->signatures, r->nsignatures);

	s->partner = chain_strdup(chain_field(row, col(in, "partner")));
	s->name = text(row, col(in, "name"));
	s->role = text(row, col(in, "role"));
	if (chain_csv_date(in, row, col(in, "signed"), &s->signed_on) != 1)
		s->signed_on = CHAIN_NO_DATE;
}

/* A process change, for the chart of its KPI (or of every KPI). */
static void
read_process_change(struct chain_report *r, struct chain_csv *in,
    const struct chain_row *row, const int cols[3])
{
	struct chain_process_change c;

	if (chain_process_change_read(in, row, cols, &c) == 0)
		*CHAIN_APPEND(r->process_changes, r->nprocess_changes) = c;
}

static void
read_partner(struct chain_report *r, struct chain_csv *in,
    const struct chain_row *row)
{
	void **slot = chain_map_slot(r->partner_names,
	    chain_field(row, col(in, "partner")), NULL);

	free(*slot);
	*slot = text(row, col(in, "name"));
}

static int
recognise(struct chain_csv *in)
{
	int k;

	for (k = 0; k < CHAIN_IN_NKINDS; k++)
		if (chain_csv_is(in, chain_report_formats[k]))
			return k;
	return -1;
}

/*
 * Reads one input into the report.  Returns -1 (status 3 raised) when its
 * header matches none of the outputs the report knows.
 */
int
chain_report_read(struct chain_report *r, struct chain_csv *in)
{
	const struct chain_row *row;
	struct chain_register c;
	int kind, warned = 0, change_cols[3];

	if (chain_csv_ncolumns(in) == 0)
		return -1;
	if ((kind = recognise(in)) < 0) {
		chain_csv_error(in, chain_csv_header_line(in), NULL,
		    "not an output of chain-agree, chain-kpi, chain-survey or "
		    "chain-report (nor a plan, partner list, signatures or "
		    "changes file); its header is not known");
		return -1;
	}
	r->inputs |= 1U << kind;
	chain_csv_keys(in, chain_report_formats[kind]);
	if (kind == CHAIN_IN_AGREE_STATUS && chain_register_columns(in, &c) != 0)
		return -1;
	if (kind == CHAIN_IN_CHANGES &&
	    chain_process_change_columns(in, change_cols) != 0)
		return -1;
	if (kind == CHAIN_IN_ACTIONS) {
		r->prior_weeks = chain_reallocarray(r->prior_weeks,
		    (size_t)r->nprior_files + 1, sizeof(*r->prior_weeks));
		r->prior_weeks[r->nprior_files++] = -1;
	}
	while ((row = chain_csv_read(in)) != NULL) {
		switch (kind) {
		case CHAIN_IN_KPI_CHECK: read_kpi_check(r, in, row); break;
		case CHAIN_IN_KPI_SUMMARY: read_kpi_summary(r, in, row); break;
		case CHAIN_IN_AGREE_STATUS:
			read_status(r, in, row, &c, &warned);
			break;
		case CHAIN_IN_AGREE_SCORE: read_score(r, in, row); break;
		case CHAIN_IN_AGREE_MATRIX: read_matrix(r, in, row); break;
		case CHAIN_IN_AGREE_REASONS: read_reason(r, in, row); break;
		case CHAIN_IN_JOURNAL: break;	/* the history, for people */
		case CHAIN_IN_SURVEY_SCORE: read_trust(r, in, row); break;
		case CHAIN_IN_SURVEY_MATRIX: read_trust_pair(r, in, row); break;
		case CHAIN_IN_SURVEY_NETWORK: read_node(r, in, row); break;
		case CHAIN_IN_SURVEY_COMPARE: read_change(r, in, row); break;
		case CHAIN_IN_PLAN: read_plan(r, in, row); break;
		case CHAIN_IN_LEADTIME: read_case(r, in, row); break;
		case CHAIN_IN_HANDOFFS: read_handoff(r, in, row); break;
		case CHAIN_IN_ALPHA: read_alpha(r, in, row); break;
		case CHAIN_IN_ACTIONS: read_prior(r, in, row); break;
		case CHAIN_IN_HISTORY: read_history(r, in, row); break;
		case CHAIN_IN_SIGNATURES: read_signature(r, in, row); break;
		case CHAIN_IN_CHANGES:
			read_process_change(r, in, row, change_cols);
			break;
		case CHAIN_IN_ATTENDANCE: read_attendance(r, in, row); break;
		default: read_partner(r, in, row); break;
		}
	}
	return 0;
}

static void
free_value(void *p)
{
	free(p);
}

static void
free_series(struct chain_kpi_series *k)
{
	free(k->code);
	free(k->name);
	free(k->unit);
	free(k->owner);
	free(k->points);
	free(k->period);
	free(k->changes);
}

void
chain_report_free(struct chain_report *r)
{
	size_t i;

	for (i = 0; i < r->nkpis; i++)
		free_series(&r->kpis[i]);
	for (i = 0; i < r->nlead; i++)
		free_series(&r->lead[i]);
	for (i = 0; i < r->nprocess_changes; i++)
		chain_process_change_free(&r->process_changes[i]);
	free(r->process_changes);
	for (i = 0; i < r->ndeals; i++) {
		free(r->deals[i].id);
		free(r->deals[i].owner);
		free(r->deals[i].counterpart);
		free(r->deals[i].title);
		free(r->deals[i].plan);
	}
	for (i = 0; i < r->nscores; i++) {
		free(r->scores[i].partner);
		free(r->scores[i].period);
	}
	for (i = 0; i < r->npairs; i++) {
		free(r->pairs[i].owner);
		free(r->pairs[i].counterpart);
	}
	for (i = 0; i < r->nreason_rows; i++) {
		free(r->reason_rows[i].partner);
		free(r->reason_rows[i].period);
		free(r->reason_rows[i].reason);
	}
	for (i = 0; i < r->nreasons; i++)
		free(r->reasons[i].key);
	for (i = 0; i < r->nattendance; i++)
		free(r->attendance[i].partner);
	free(r->attendance);
	free(r->reason_rows);
	free(r->reasons);
	for (i = 0; i < r->ntrust; i++) {
		free(r->trust[i].wave);
		free(r->trust[i].partner);
		free(r->trust[i].about);
		free(r->trust[i].dimension);
	}
	for (i = 0; i < r->ntrust_pairs; i++) {
		free(r->trust_pairs[i].partner);
		free(r->trust_pairs[i].about);
	}
	for (i = 0; i < r->nnodes; i++)
		free(r->nodes[i].partner);
	for (i = 0; i < r->nchanges; i++) {
		free(r->changes[i].partner);
		free(r->changes[i].about);
		free(r->changes[i].dimension);
	}
	for (i = 0; i < r->nactions; i++) {
		free(r->actions[i].subject);
		free(r->actions[i].owner);
		free(r->actions[i].message);
		free(r->actions[i].question);
	}
	for (i = 0; i < r->nhandoffs; i++) {
		free(r->handoffs[i].from);
		free(r->handoffs[i].to);
	}
	for (i = 0; i < r->nalphas; i++)
		free(r->alphas[i].dimension);
	for (i = 0; i < r->npriors; i++) {
		free(r->priors[i].area);
		free(r->priors[i].subject);
		free(r->priors[i].message);
		free(r->priors[i].since);
	}
	free(r->handoffs);
	free(r->cases);
	free(r->alphas);
	free(r->priors);
	free(r->prior_weeks);
	free(r->resolved);
	free(r->history);
	for (i = 0; i < r->nsignatures; i++) {
		free(r->signatures[i].partner);
		free(r->signatures[i].name);
		free(r->signatures[i].role);
	}
	free(r->signatures);
	free(r->unsigned_partners);
	free(r->kpis);
	free(r->lead);
	free(r->deals);
	free(r->scores);
	free(r->pairs);
	free(r->trust);
	free(r->trust_pairs);
	free(r->nodes);
	free(r->changes);
	free(r->actions);
	free(r->wave);
	free(r->previous_wave);
	chain_map_free(r->partner_names, free_value);
	free(r);
}
