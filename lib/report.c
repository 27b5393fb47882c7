/*
 * report.c: what the weekly report knows.  It reads the outputs of
 * chain-agree, chain-kpi and chain-survey (and a plan or partner list),
 * each recognised by its header, into one model of the chain's week, then
 * derives the figures that tie hard and soft together: the hard score (KPIs
 * meeting their targets, and whether they will), the soft score (trust and
 * agreements kept), both now and a period before.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chain.h"

/*
 * The formats the report reads, in the order they are tried (each of the
 * input kinds, CHAIN_IN_*, in turn), recognised by their headers.
 */
static const enum chain_format kinds[CHAIN_IN_NKINDS] = {
	CHAIN_FORMAT_KPI_CHECK, CHAIN_FORMAT_KPI_SUMMARY, CHAIN_FORMAT_STATUS,
	CHAIN_FORMAT_AGREE_SCORE, CHAIN_FORMAT_AGREE_MATRIX,
	CHAIN_FORMAT_SURVEY_SCORE, CHAIN_FORMAT_SURVEY_MATRIX,
	CHAIN_FORMAT_COMPARE, CHAIN_FORMAT_PLAN, CHAIN_FORMAT_PARTNERS,
};

static int
recognise(struct chain_csv *in)
{
	int k;

	for (k = 0; k < CHAIN_IN_NKINDS; k++)
		if (chain_format_is(in, kinds[k]))
			return k;
	return -1;
}

void
chain_report_init(struct chain_report *r, int as_of)
{
	struct chain_period week = chain_period_of(CHAIN_WEEK, as_of);

	memset(r, 0, sizeof(*r));
	r->as_of = as_of;
	r->week_start = week.start;
	r->week_end = week.start + 6;
	r->partner_names = chain_map_new();
	r->hard = r->soft = r->hard_before = r->soft_before = NAN;
	r->reliability = r->reliability_before = NAN;
	r->trust_index = r->trust_before = NAN;
}

int
chain_report_has(const struct chain_report *r, enum chain_input_kind k)
{
	return (r->inputs >> k) & 1;
}

/* Grows an array by one element and returns the new element, zeroed. */
static void *
grow(void *array, size_t *n, size_t size)
{
	char *p = chain_reallocarray(array, *n + 1, size);

	memset(p + *n * size, 0, size);
	(*n)++;
	return p;
}

#define APPEND(array, n) \
	((array) = grow((array), &(n), sizeof(*(array))), &(array)[(n) - 1])

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

static void
copy_word(char *dst, size_t size, const char *src)
{
	snprintf(dst, size, "%s", src);
}

static struct chain_kpi_series *
find_kpi(struct chain_report *r, const char *code)
{
	size_t i;
	struct chain_kpi_series *k;

	for (i = 0; i < r->nkpis; i++)
		if (strcmp(r->kpis[i].code, code) == 0)
			return &r->kpis[i];
	k = APPEND(r->kpis, r->nkpis);
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
	copy_word(p->signal, sizeof(p->signal), chain_field(row,
	    col(in, "signal")));
	copy_word(p->rule, sizeof(p->rule), chain_field(row, col(in, "rule")));
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
	copy_word(k->variation, sizeof(k->variation), chain_field(row,
	    col(in, "variation")));
	copy_word(k->assurance, sizeof(k->assurance), chain_field(row,
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
	k->better = chain_strcasecmp(better, "up") == 0 ? 1 :
	    chain_strcasecmp(better, "down") == 0 ? -1 : 0;
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
	if (chain_csv_date(in, row, col(in, "effective_due"), &due) != 1)
		due = a.due;
	d = APPEND(r->deals, r->ndeals);
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
	static const char *const columns[CHAIN_NSTATES] = { "kept",
	    "renegotiated", "late", "overdue", "due_soon", "open", "cancelled" };
	struct chain_partner_score *s = APPEND(r->scores, r->nscores);
	int i;

	s->partner = text(row, col(in, "partner"));
	s->period = text(row, col(in, "period"));
	s->tally.total = count(in, row, col(in, "total"));
	for (i = 0; i < CHAIN_NSTATES; i++)
		s->tally.state[i] = count(in, row, col(in, columns[i]));
	s->tally.surprises = count(in, row, col(in, "surprises"));
	s->reliability = number(in, row, col(in, "reliability"));
	s->predictability = number(in, row, col(in, "predictability"));
}

static void
read_matrix(struct chain_report *r, struct chain_csv *in,
    const struct chain_row *row)
{
	struct chain_deal_pair *p = APPEND(r->pairs, r->npairs);

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
	struct chain_trust *t = APPEND(r->trust, r->ntrust);

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
	struct chain_trust_pair *p = APPEND(r->trust_pairs, r->ntrust_pairs);

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
	struct chain_trust_change *c = APPEND(r->changes, r->nchanges);

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

const char *
chain_report_partner(const struct chain_report *r, const char *code)
{
	const char *name = chain_map_get(r->partner_names, code);

	return name != NULL && *name != '\0' ? name : code;
}

/* A partner as the report names it: its code, or "the chain" for '*'. */
const char *
chain_report_who(const struct chain_report *r, const char *code)
{
	if (*code == '\0' || strcmp(code, "*") == 0)
		return chain_tr(r, "the chain");
	return code;
}

/* Whether an agreement belongs in one of the lists of the Do section. */
int
chain_report_deal_in(const struct chain_report *r, const struct chain_deal *d,
    enum chain_deal_list list)
{
	int done = d->a.done != CHAIN_NO_DATE && d->a.done <= r->as_of;

	switch (list) {
	case CHAIN_DEALS_DUE:
		return d->state != CHAIN_CANCELLED &&
		    d->effective_due >= r->week_start &&
		    d->effective_due <= r->week_end;
	case CHAIN_DEALS_DONE:
		return done && d->a.done >= r->week_start &&
		    d->a.done <= r->week_end;
	case CHAIN_DEALS_COMING:
		return d->state == CHAIN_DUE_SOON &&
		    d->effective_due > r->week_end;
	default:
		return d->state == CHAIN_OVERDUE;
	}
}

static int
compare_points(const void *a, const void *b)
{
	return chain_period_cmp(((const struct chain_kpi_point *)a)->period,
	    ((const struct chain_kpi_point *)b)->period);
}

/*
 * Waves are labels or dates; dates and periods order in time, other labels
 * as text.  A wave dated after the report's date has not happened yet.
 */
static int
compare_waves(const char *a, const char *b)
{
	struct chain_period pa, pb;

	if (chain_period_parse(a, &pa) == 0 && chain_period_parse(b, &pb) == 0)
		return (pa.start > pb.start) - (pa.start < pb.start);
	return strcmp(a, b);
}

static int
wave_happened(const struct chain_report *r, const char *wave)
{
	struct chain_period p;

	return chain_period_parse(wave, &p) != 0 || p.start <= r->as_of;
}

static void
find_waves(struct chain_report *r)
{
	const char *latest = NULL, *before = NULL;
	size_t i;

	for (i = 0; i < r->ntrust; i++) {
		const char *w = r->trust[i].wave;

		if (wave_happened(r, w) &&
		    (latest == NULL || compare_waves(w, latest) > 0))
			latest = w;
	}
	for (i = 0; i < r->ntrust && latest != NULL; i++) {
		const char *w = r->trust[i].wave;

		if (compare_waves(w, latest) < 0 &&
		    (before == NULL || compare_waves(w, before) > 0))
			before = w;
	}
	r->wave = latest ? chain_strdup(latest) : NULL;
	r->previous_wave = before ? chain_strdup(before) : NULL;
}

/* The chain's trust index in a wave: respondent-weighted, groups shown. */
static double
trust_index(const struct chain_report *r, const char *wave)
{
	double sum = 0;
	long n = 0;
	size_t i;

	if (wave == NULL)
		return NAN;
	for (i = 0; i < r->ntrust; i++) {
		const struct chain_trust *t = &r->trust[i];

		if (strcmp(t->wave, wave) != 0 || strcmp(t->dimension, "*") != 0 ||
		    t->suppressed || isnan(t->index) || t->n <= 0)
			continue;
		sum += t->index * (double)t->n;
		n += t->n;
	}
	return n > 0 ? sum / (double)n : NAN;
}

/* The chain's reliability as of a date, judged again from the register. */
static double
deals_reliability(const struct chain_report *r, int as_of)
{
	struct chain_tally t;
	size_t i;

	memset(&t, 0, sizeof(t));
	for (i = 0; i < r->ndeals; i++) {
		struct chain_verdict v;

		chain_agreement_judge(&r->deals[i].a, as_of, 7, &v);
		chain_tally_add(&t, &v);
	}
	return chain_tally_reliability(&t);
}

static double
scores_reliability(const struct chain_report *r)
{
	struct chain_tally t;
	size_t i;
	int s;

	memset(&t, 0, sizeof(t));
	for (i = 0; i < r->nscores; i++)
		for (s = 0; s < CHAIN_NSTATES; s++)
			t.state[s] += r->scores[i].tally.state[s];
	return chain_tally_reliability(&t);
}

/*
 * A KPI's part of the hard score, 0..100: half for meeting the target now,
 * half for the assurance that it will (pass 1, hit-and-miss 0.5, fail 0);
 * the whole for meeting it when there is no assurance.  NAN when the KPI
 * has no target or direction.
 */
static double
kpi_attainment(int met, const char *assurance)
{
	double a;

	if (met < 0)
		return NAN;
	if (strcmp(assurance, "pass") == 0)
		a = 1;
	else if (strcmp(assurance, "hit-and-miss") == 0)
		a = 0.5;
	else if (strcmp(assurance, "fail") == 0)
		a = 0;
	else
		return 100.0 * met;
	return 50.0 * met + 50.0 * a;
}

static const char *
assurance_of(int better, double target, double lower, double upper)
{
	if (better == 0 || isnan(target) || isnan(lower) || isnan(upper))
		return "";
	if (target == lower || target == upper)
		return "hit-and-miss";
	if ((better > 0 && lower > target) || (better < 0 && upper < target))
		return "pass";
	if ((better > 0 && upper < target) || (better < 0 && lower > target))
		return "fail";
	return "hit-and-miss";
}

/* The latest point of a KPI in or before the report's week, or NULL. */
const struct chain_kpi_point *
chain_kpi_latest(const struct chain_report *r, const struct chain_kpi_series *k,
    size_t *at)
{
	size_t i;

	for (i = k->npoints; i > 0; i--)
		if (k->points[i - 1].period.start <= r->week_end) {
			if (at != NULL)
				*at = i - 1;
			return &k->points[i - 1];
		}
	return NULL;
}

static int
met_of(const struct chain_kpi_series *k, double value)
{
	if (k->better == 0 || isnan(k->target) || isnan(value))
		return -1;
	return k->better > 0 ? value >= k->target : value <= k->target;
}

/* Fills a KPI's summary from its points when no summary row was read. */
static void
summarise_kpi(const struct chain_report *r, struct chain_kpi_series *k)
{
	const struct chain_kpi_point *p;
	char buf[CHAIN_PERIOD_LEN];
	size_t at;

	if ((p = chain_kpi_latest(r, k, &at)) == NULL)
		return;
	if (k->has_summary) {
		/* a summary row wins; the chart's latest point fills its gaps */
		if (*k->variation == '\0')
			copy_word(k->variation, sizeof(k->variation),
			    strcmp(p->signal, "none") == 0 ? "common" : p->signal);
		if (*k->assurance == '\0')
			copy_word(k->assurance, sizeof(k->assurance),
			    assurance_of(k->better, k->target, p->lower, p->upper));
		return;
	}
	chain_period_format(p->period, buf);
	k->period = chain_strdup(buf);
	k->value = p->value;
	k->met = p->met >= 0 ? p->met : met_of(k, p->value);
	k->change = at > 0 ? p->value - k->points[at - 1].value : NAN;
	if (strcmp(p->signal, "none") == 0)
		copy_word(k->variation, sizeof(k->variation), "common");
	else
		copy_word(k->variation, sizeof(k->variation), p->signal);
	copy_word(k->assurance, sizeof(k->assurance),
	    assurance_of(k->better, k->target, p->lower, p->upper));
}

static void
hard_scores(struct chain_report *r)
{
	double now = 0, before = 0;
	int n = 0, nb = 0;
	size_t i;

	for (i = 0; i < r->nkpis; i++) {
		struct chain_kpi_series *k = &r->kpis[i];
		double a = kpi_attainment(k->met >= 0 ? k->met :
		    met_of(k, k->value), k->assurance);
		double b = kpi_attainment(met_of(k, k->value - k->change),
		    k->assurance);

		if (isnan(a))
			continue;
		now += a;
		n++;
		if (!isnan(b)) {
			before += b;
			nb++;
		}
	}
	r->hard = n > 0 ? now / n : NAN;
	r->hard_before = nb > 0 ? before / nb : r->hard;
}

static double
mean_of_two(double a, double b)
{
	if (isnan(a))
		return b;
	if (isnan(b))
		return a;
	return (a + b) / 2;
}

static void
soft_scores(struct chain_report *r)
{
	if (r->ndeals > 0) {
		r->reliability = deals_reliability(r, r->as_of);
		r->reliability_before = deals_reliability(r, r->as_of - 7);
	} else if (r->nscores > 0)
		r->reliability = r->reliability_before = scores_reliability(r);
	r->trust_index = trust_index(r, r->wave);
	r->trust_before = r->previous_wave ? trust_index(r, r->previous_wave) :
	    r->trust_index;
	r->soft = mean_of_two(r->trust_index, 100 * r->reliability);
	r->soft_before = mean_of_two(r->trust_before,
	    100 * r->reliability_before);
}

/*
 * Where the chain stands in the quadrant, as the sentence that says it: a
 * side is strong when its score is above 50.
 */
const char *
chain_report_verdict(const struct chain_report *r)
{
	if (isnan(r->hard) || isnan(r->soft))
		return "Not enough data to place the chain.";
	if (r->hard > 50 && r->soft > 50)
		return "The chain delivers and its partners trust each other.";
	if (r->hard > 50)
		return "Results are met, but the relay team may drop the baton.";
	if (r->soft > 50)
		return "Partners trust each other but results lag: beware of a "
		    "talking shop.";
	return "Neither results nor relations are where the chain wants them.";
}

static int
compare_scores(const void *a, const void *b)
{
	return strcmp(((const struct chain_partner_score *)a)->partner,
	    ((const struct chain_partner_score *)b)->partner);
}

/*
 * Without chain-agree score, the scores per partner (owner) come from the
 * agreements of chain-agree status, in the states those rows give.
 */
static void
derive_scores(struct chain_report *r)
{
	size_t i, j;

	if (r->nscores > 0)
		return;
	for (i = 0; i < r->ndeals; i++) {
		const struct chain_deal *d = &r->deals[i];
		struct chain_partner_score *s = NULL;
		struct chain_verdict v;

		for (j = 0; j < r->nscores; j++)
			if (strcmp(r->scores[j].partner, d->owner) == 0)
				s = &r->scores[j];
		if (s == NULL) {
			s = APPEND(r->scores, r->nscores);
			s->partner = chain_strdup(d->owner);
			s->period = chain_strdup("");
		}
		v.state = d->state;
		v.surprise = d->surprise;
		chain_tally_add(&s->tally, &v);
	}
	for (j = 0; j < r->nscores; j++) {
		r->scores[j].reliability =
		    chain_tally_reliability(&r->scores[j].tally);
		r->scores[j].predictability =
		    chain_tally_predictability(&r->scores[j].tally);
	}
	if (r->nscores > 0)
		qsort(r->scores, r->nscores, sizeof(*r->scores),
		    compare_scores);
}

/* Orders what was read and derives the figures of the report. */
void
chain_report_finish(struct chain_report *r)
{
	size_t i;

	for (i = 0; i < r->nkpis; i++) {
		struct chain_kpi_series *k = &r->kpis[i];

		if (k->npoints > 0)
			qsort(k->points, k->npoints, sizeof(*k->points),
			    compare_points);
		summarise_kpi(r, k);
		if (k->name == NULL)
			k->name = chain_strdup(k->code);
	}
	find_waves(r);
	derive_scores(r);
	hard_scores(r);
	soft_scores(r);
	chain_report_act(r);
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
}
