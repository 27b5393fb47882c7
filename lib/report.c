/*
 * report.c: the reader of the weekly report.  It reads the outputs of
 * chain-agree, chain-kpi and chain-survey (and a plan or partner list),
 * each recognised by its header, into one model of the chain's week
 * (report_priv.h), as they are: what the figures derived from them are is
 * figures.c's business, and nothing here calls a later stage.
 */
#include <math.h>
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
}

static void
read_plan(struct chain_report *r, struct chain_csv *in,
    const struct chain_row *row)
{
	struct chain_kpi_series *k = find_kpi(r, chain_field(row, col(in, "kpi")));
	const char *better = chain_field(row, col(in, "better"));
	double target = number(in, row, col(in, "target"));

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

static void
read_status(struct chain_report *r, struct chain_csv *in,
    const struct chain_row *row, const struct chain_register *c)
{
	struct chain_deal *d;
	struct chain_agreement a;
	enum chain_state state;
	int due;

	if (chain_register_row(in, row, c, &a) != 0)
		return;
	if (chain_state_parse(chain_field(row, col(in, "state")), &state) != 0) {
		chain_csv_error(in, row->line, "state", "'%s' is not a state",
		    chain_field(row, col(in, "state")));
		return;
	}
	if (state == CHAIN_NOT_MADE)	/* not an agreement yet */
		return;
	if (chain_csv_date(in, row, col(in, "effective_due"), &due) != 1)
		due = a.due;
	d = CHAIN_APPEND(r->deals, r->ndeals);
	d->id = text(row, c->id);
	d->owner = text(row, c->owner);
	d->counterpart = chain_strdup(chain_register_partner(row,
	    c->counterpart));
	d->title = text(row, c->title);
	d->plan = text(row, c->plan);
	d->a = a;
	d->state = state;
	d->effective_due = due;
	d->days_late = (int)count(in, row, col(in, "days_late"));
	d->surprise = flag(in, row, col(in, "surprise")) == 1;
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
	int kind;

	if (chain_csv_ncolumns(in) == 0)
		return -1;
	if ((kind = recognise(in)) < 0) {
		chain_csv_error(in, chain_csv_header_line(in), NULL,
		    "not an output of chain-agree, chain-kpi or chain-survey "
		    "(nor a plan or partner list); its header is not known");
		return -1;
	}
	r->inputs |= 1U << kind;
	chain_csv_keys(in, chain_report_formats[kind]);
	if (kind == CHAIN_IN_AGREE_STATUS && chain_register_columns(in, &c) != 0)
		return -1;
	while ((row = chain_csv_read(in)) != NULL) {
		switch (kind) {
		case CHAIN_IN_KPI_CHECK: read_kpi_check(r, in, row); break;
		case CHAIN_IN_KPI_SUMMARY: read_kpi_summary(r, in, row); break;
		case CHAIN_IN_AGREE_STATUS: read_status(r, in, row, &c); break;
		case CHAIN_IN_AGREE_SCORE: read_score(r, in, row); break;
		case CHAIN_IN_AGREE_MATRIX: read_matrix(r, in, row); break;
		case CHAIN_IN_SURVEY_SCORE: read_trust(r, in, row); break;
		case CHAIN_IN_SURVEY_MATRIX: read_trust_pair(r, in, row); break;
		case CHAIN_IN_SURVEY_COMPARE: read_change(r, in, row); break;
		case CHAIN_IN_PLAN: read_plan(r, in, row); break;
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

void
chain_report_free(struct chain_report *r)
{
	size_t i;

	for (i = 0; i < r->nkpis; i++) {
		free(r->kpis[i].code);
		free(r->kpis[i].name);
		free(r->kpis[i].unit);
		free(r->kpis[i].owner);
		free(r->kpis[i].points);
		free(r->kpis[i].period);
	}
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
	free(r->kpis);
	free(r->deals);
	free(r->scores);
	free(r->pairs);
	free(r->trust);
	free(r->trust_pairs);
	free(r->changes);
	free(r->actions);
	free(r->wave);
	free(r->previous_wave);
	chain_map_free(r->partner_names, free_value);
	free(r);
}
