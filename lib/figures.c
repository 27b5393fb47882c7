/*
 * figures.c: the figures the weekly report derives from what it read, the
 * ones that tie hard and soft together: a KPI's summary from its points
 * (by the rules of summary.c, when no chain-kpi summary row was read), the
 * hard score (KPIs meeting their targets, and whether they will), the soft
 * score (trust and agreements kept), both now and a week before, the
 * sentence that places the chain in the quadrant of the two, and the
 * reasons why promises broke over the whole chain.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_priv.h"

#define WEEK_DAYS 7		/* "a week before" */
#define STRONG 50.0		/* a side of the quadrant is strong above it */
#define STALE_PERIODS 2		/* a KPI this many periods behind is not current */
#define ALPHA_LOW 0.7		/* an instrument's dimension measures poorly below */
#define LEAD_WEEKS 8		/* the weeks of lead time the report shows */

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

		chain_agreement_judge(&r->deals[i].a, as_of, CHAIN_DUE_SOON_DAYS,
		    &v);
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
	else if (strcmp(assurance, "fail") == 0 ||
	    strcmp(assurance, "recalculate") == 0)
		a = 0;	/* limits of a process that no longer runs assure nothing */
	else
		return 100.0 * met;
	return 50.0 * met + 50.0 * a;
}

/* Whether a KPI's limits say it will meet its target; "" when unknown. */
static const char *
assurance_of(const struct chain_kpi_series *k, const struct chain_kpi_point *p)
{
	const char *a = chain_xmr_assurance(p->lower, p->upper, k->target,
	    k->better);

	return a != NULL ? a : "";
}

/*
 * Fills a KPI's summary from its points when no summary row was read, by
 * the rules chain-kpi summary follows: the change is against the period
 * just before, none when that period has no point.
 */
static void
summarise_kpi(const struct chain_report *r, struct chain_kpi_series *k)
{
	const struct chain_kpi_point *p, *before;
	char buf[CHAIN_PERIOD_LEN];
	size_t at;

	if ((p = chain_kpi_latest(r, k, &at)) == NULL)
		return;
	if (k->has_summary) {
		/* a summary row wins; the chart's latest point fills its gaps */
		if (*k->variation == '\0')
			chain_report_word(k->variation, sizeof(k->variation),
			    chain_kpi_variation(p->signal));
		if (*k->assurance == '\0')
			chain_report_word(k->assurance, sizeof(k->assurance),
			    assurance_of(k, p));
		return;
	}
	before = at > 0 ? &k->points[at - 1] : NULL;
	chain_period_format(p->period, buf);
	k->period = chain_strdup(buf);
	k->value = p->value;
	k->met = p->met >= 0 ? p->met : chain_kpi_met(k->better, k->target,
	    p->value);
	k->change = chain_kpi_change(before ? &before->period : NULL,
	    before ? before->value : NAN, p->period, p->value);
	chain_report_word(k->variation, sizeof(k->variation),
	    chain_kpi_variation(p->signal));
	chain_report_word(k->assurance, sizeof(k->assurance), assurance_of(k, p));
}

/*
 * The hard score now and a week before.  A KPI's value a week before is
 * its value less the change; without a change (no point in the period
 * before, or a single point) it has no part in the score a week before,
 * and without any such part the score a week before is the score now.
 */
static void
hard_scores(struct chain_report *r)
{
	double now = 0, before = 0;
	int n = 0, nb = 0;
	size_t i;

	for (i = 0; i < r->nkpis; i++) {
		struct chain_kpi_series *k = &r->kpis[i];
		double a = kpi_attainment(k->met >= 0 ? k->met :
		    chain_kpi_met(k->better, k->target, k->value), k->assurance);
		double b = kpi_attainment(chain_kpi_met(k->better, k->target,
		    k->value - k->change), k->assurance);

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
	r->hard_before = nb == n && n > 0 ? before / nb : NAN;
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
		r->reliability_before = deals_reliability(r, r->as_of - WEEK_DAYS);
	} else if (r->nscores > 0)
		r->reliability = scores_reliability(r);	/* a week before unknown */
	r->trust_index = trust_index(r, r->wave);
	r->trust_before = r->previous_wave ? trust_index(r, r->previous_wave) :
	    r->trust_index;
	r->soft = mean_of_two(r->trust_index, 100 * r->reliability);
	/* a week before is known only when each part of now is */
	if (isnan(r->trust_index) == isnan(r->trust_before) &&
	    isnan(r->reliability) == isnan(r->reliability_before))
		r->soft_before = mean_of_two(r->trust_before,
		    100 * r->reliability_before);
}

/*
 * Where the chain stands in the quadrant, as the sentence that says it: a
 * side is strong when its score is above STRONG.
 */
const char *
chain_report_verdict(const struct chain_report *r)
{
	if (isnan(r->hard) || isnan(r->soft))
		return "Not enough data to place the chain.";
	if (r->hard > STRONG && r->soft > STRONG)
		return "The chain delivers and its partners trust each other.";
	if (r->hard > STRONG)
		return "Results are met, but the relay team may drop the baton.";
	if (r->soft > STRONG)
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
			s = CHAIN_APPEND(r->scores, r->nscores);
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

/*
 * A KPI whose latest period ended more than STALE_PERIODS periods of its
 * kind before the report's week began is not current: marked, and warned
 * about.
 */
static void
mark_stale(const struct chain_report *r, struct chain_kpi_series *k)
{
	struct chain_period p, next;
	char *marked;
	int n;

	if (k->period == NULL || chain_period_parse(k->period, &p) != 0)
		return;
	for (n = 0, next = p; n < STALE_PERIODS; n++)
		next = chain_period_next(next);
	if (chain_period_end(next) >= r->week_start)
		return;
	k->stale = 1;
	if (!r->quiet)
		chain_warnx("warning: kpi %s: its latest period %s lies well "
		    "before the report's week; shown as not current", k->code,
		    k->period);
	marked = chain_trf(r, "%s (not current)", k->period);
	free(k->period);
	k->period = marked;
}

/* The row of the history for the week that starts on day week, or NULL. */
static const struct chain_history_row *
history_week(const struct chain_report *r, int week)
{
	size_t i;

	for (i = 0; i < r->nhistory; i++)
		if (r->history[i].week == week)
			return &r->history[i];
	return NULL;
}

static int
compare_history(const void *a, const void *b)
{
	const struct chain_history_row *x = a, *y = b;

	return (x->week > y->week) - (x->week < y->week);
}

/*
 * With a history, the week before is what it remembers of that week, not
 * recomputed from this week's files; a week it lacks is unknown.
 */
static void
remember(struct chain_report *r)
{
	const struct chain_history_row *h;

	if (!r->has_history)
		return;
	if (r->nhistory > 0)
		qsort(r->history, r->nhistory, sizeof(*r->history),
		    compare_history);
	h = history_week(r, r->week_start - WEEK_DAYS);
	r->hard_before = h != NULL ? h->hard : NAN;
	r->soft_before = h != NULL ? h->soft : NAN;
}

/* The relay view: the longest p90 wait first, then the longest median. */
static int
compare_handoffs(const void *a, const void *b)
{
	const struct chain_handoff *x = a, *y = b;

	if (x->p90 != y->p90)
		return x->p90 < y->p90 ? 1 : -1;
	if (x->median != y->median)
		return x->median < y->median ? 1 : -1;
	return strcmp(x->from, y->from) ? strcmp(x->from, y->from) :
	    strcmp(x->to, y->to);
}

/* The lead-time series in the order leadtime writes them, then by code. */
static int
compare_lead(const void *a, const void *b)
{
	const struct chain_kpi_series *x = a, *y = b;

	if (x->lead_stat != y->lead_stat)
		return x->lead_stat - y->lead_stat;
	return strcmp(x->code, y->code);
}

/*
 * The chain's lead time from leadtime --per, once through chain-kpi check,
 * is no KPI of the plan: its series (the median and its siblings of one
 * prefix, when the plan does not have them) move to the lead-time section,
 * out of the plan, the KPI table, the hard score and Act.
 */
static void
part_lead_series(struct chain_report *r)
{
	static const char *const labels[] = { "Median lead time",
	    "90th percentile of lead time", "Mean lead time", "Cases ended",
	    "Share within the norm", "Share of cases with rework" };
	size_t i, j, n, prefix, other;
	char *median;

	for (i = 0, n = 0; i < r->nkpis; i++) {
		struct chain_kpi_series *k = &r->kpis[i];
		int s = k->planned ? -1 : chain_leadtime_stat(k->code, &prefix);

		if ((size_t)(s + 1) > sizeof(labels) / sizeof(labels[0]))
			s = -1;	/* a statistic without a label stays a KPI */
		if (s >= 0) {
			median = chain_malloc(prefix + strlen(chain_leadtime_stats[0]) + 1);
			memcpy(median, k->code, prefix);
			strcpy(median + prefix, chain_leadtime_stats[0]);
			for (j = 0; j < r->nkpis; j++)
				if (strcmp(r->kpis[j].code, median) == 0 &&
				    chain_leadtime_stat(median, &other) == 0)
					break;
			free(median);
			if (j == r->nkpis)
				s = -1;
		}
		if (s < 0) {
			r->kpis[n++] = *k;
			continue;
		}
		k->lead_stat = s;
		free(k->name);
		k->name = chain_strdup(chain_tr(r, labels[s]));
		free(k->unit);	/* as leadtime writes them, in days */
		k->unit = s == 3 ? NULL : chain_strdup(chain_tr(r, s >= 4 ?
		    "share" : "days"));
		*CHAIN_APPEND(r->lead, r->nlead) = *k;
	}
	r->nkpis = n;
	if (r->nlead > 0)
		qsort(r->lead, r->nlead, sizeof(*r->lead), compare_lead);
}

/* Signatures by partner, the earliest first, those still to come last. */
static int
compare_signatures(const void *a, const void *b)
{
	const struct chain_signature *x = a, *y = b;
	int c = strcmp(x->partner, y->partner);

	if (c != 0)
		return c;
	if (x->signed_on != y->signed_on)
		return x->signed_on == CHAIN_NO_DATE ? 1 :
		    y->signed_on == CHAIN_NO_DATE ? -1 :
		    x->signed_on < y->signed_on ? -1 : 1;
	return strcmp(x->name, y->name);
}

/* Whether a partner signed the chain plan on or before the report's date. */
int
chain_report_signed(const struct chain_report *r, const char *partner)
{
	size_t i;

	for (i = 0; i < r->nsignatures; i++)
		if (strcmp(r->signatures[i].partner, partner) == 0 &&
		    chain_report_signed_row(r, &r->signatures[i]))
			return 1;
	return 0;
}

/* Whether a signature counts: dated on or before the report's date. */
int
chain_report_signed_row(const struct chain_report *r,
    const struct chain_signature *s)
{
	return s->signed_on != CHAIN_NO_DATE && s->signed_on <= r->as_of;
}

/*
 * The partners that have not signed the chain plan as of the report's
 * date: of the partner list and of the signatures file, by code.  Only
 * with a signatures file: without one the report knows nothing of it.
 */
static void
find_unsigned(struct chain_report *r)
{
	const char **codes;
	size_t i, n;

	if (!chain_report_has(r, CHAIN_IN_SIGNATURES))
		return;
	if (r->nsignatures > 0)
		qsort(r->signatures, r->nsignatures, sizeof(*r->signatures),
		    compare_signatures);
	codes = chain_map_keys(r->partner_names, 1);
	n = chain_map_count(r->partner_names);
	r->unsigned_partners = chain_calloc(n + r->nsignatures + 1,
	    sizeof(*r->unsigned_partners));
	for (i = 0; i < n; i++)
		if (!chain_report_signed(r, codes[i]))
			r->unsigned_partners[r->nunsigned++] = codes[i];
	free(codes);
	for (i = 0; i < r->nsignatures; i++) {
		const char *p = r->signatures[i].partner;

		if (chain_map_get(r->partner_names, p) == NULL &&
		    !chain_report_signed(r, p) && (r->nunsigned == 0 ||
		    strcmp(r->unsigned_partners[r->nunsigned - 1], p) != 0))
			r->unsigned_partners[r->nunsigned++] = p;
		if (chain_report_signed_row(r, &r->signatures[i]) && (i == 0 ||
		    strcmp(r->signatures[i - 1].partner, p) != 0 ||
		    !chain_report_signed_row(r, &r->signatures[i - 1])))
			r->nsigned++;
	}
}

static int
compare_changes(const void *a, const void *b)
{
	return chain_period_cmp(((const struct chain_kpi_change *)a)->period,
	    ((const struct chain_kpi_change *)b)->period);
}

/* Gives a change to each of n series it applies to; whether any. */
static int
attach_change(const struct chain_process_change *c,
    struct chain_kpi_series *series, size_t n)
{
	struct chain_kpi_change *kc;
	size_t j;
	int found = 0;

	for (j = 0; j < n; j++) {
		if (c->kpi != NULL && strcmp(c->kpi, series[j].code) != 0)
			continue;
		kc = CHAIN_APPEND(series[j].changes, series[j].nchanges);
		kc->period = c->period;
		kc->note = c->note;
		kc->every = c->kpi == NULL;
		found = 1;
	}
	return found;
}

static void
sort_changes(struct chain_kpi_series *series, size_t n)
{
	size_t j;

	for (j = 0; j < n; j++)
		if (series[j].nchanges > 1)
			qsort(series[j].changes, series[j].nchanges,
			    sizeof(*series[j].changes), compare_changes);
}

/*
 * Each process change read goes to the chart of its KPI (of the plan's or
 * the chain's lead time), or of every KPI when it names none; one that
 * names a KPI the report has not is warned about (a typo would hide it),
 * one after the report's date has not happened yet.
 */
static void
attach_changes(struct chain_report *r)
{
	char period[CHAIN_PERIOD_LEN];
	size_t i;
	int found;

	for (i = 0; i < r->nprocess_changes; i++) {
		const struct chain_process_change *c = &r->process_changes[i];

		if (c->period.start > r->as_of)
			continue;
		found = attach_change(c, r->kpis, r->nkpis);
		found |= attach_change(c, r->lead, r->nlead);
		chain_period_format(c->period, period);
		if (!found && c->kpi != NULL && !r->quiet)
			chain_warnx("warning: %s: kpi '%s' is in none of the "
			    "report's inputs: its change of %s is not shown",
			    c->where, c->kpi, period);
	}
	sort_changes(r->kpis, r->nkpis);
	sort_changes(r->lead, r->nlead);
}

/* The total of a reason over the rows, made when first met (create). */
static struct chain_reason_total *
reason_total(struct chain_report *r, const struct chain_reason_row *row,
    int create)
{
	char *key = chain_reason_key(row->reason);
	struct chain_reason_total *t;
	size_t i;

	for (i = 0; i < r->nreasons; i++)
		if (strcmp(r->reasons[i].key, key) == 0) {
			free(key);
			return &r->reasons[i];
		}
	if (!create) {
		free(key);
		return NULL;
	}
	t = CHAIN_APPEND(r->reasons, r->nreasons);
	t->key = key;
	t->reason = row->reason;
	t->standard = chain_reason_standard(row->reason, NULL);
	return t;
}

/*
 * Which rows of chain-agree reasons count, when files of several
 * groupings were read: those of the whole period when there are any (else
 * every period), and for the totals those of the whole chain when there
 * are any (else every partner's); the partners' rows tell whose
 * deviations carry a reason most.
 */
struct reason_rows {
	int whole_period, whole_chain;
};

static int
reason_row_counts(const struct reason_rows *use,
    const struct chain_reason_row *row, int for_partner)
{
	if (row->count <= 0 || *row->reason == '\0' ||
	    (use->whole_period && *row->period != '\0'))
		return 0;
	if (for_partner)
		return *row->partner != '\0';
	return !use->whole_chain || *row->partner == '\0';
}

/* The count of a reason's rows of one partner. */
static long
partner_count(const struct chain_report *r, const struct reason_rows *use,
    const char *key, const char *partner)
{
	long n = 0;
	size_t i;

	for (i = 0; i < r->nreason_rows; i++) {
		const struct chain_reason_row *row = &r->reason_rows[i];
		char *k;

		if (!reason_row_counts(use, row, 1) ||
		    strcmp(row->partner, partner) != 0)
			continue;
		k = chain_reason_key(row->reason);
		if (strcmp(k, key) == 0)
			n += row->count;
		free(k);
	}
	return n;
}

static int
compare_reasons(const void *a, const void *b)
{
	const struct chain_reason_total *x = a, *y = b;

	if (x->count != y->count)
		return x->count < y->count ? 1 : -1;
	return strcmp(x->reason, y->reason);
}

/*
 * The reasons why promises broke over the whole chain: the rows of
 * chain-agree reasons summed per reason (over partners and periods),
 * largest first, each with the partner whose deviations carry it most.
 */
static void
reasons(struct chain_report *r)
{
	struct reason_rows use = { 0, 0 };
	size_t i;

	for (i = 0; i < r->nreason_rows; i++)
		use.whole_period |= *r->reason_rows[i].period == '\0';
	for (i = 0; i < r->nreason_rows; i++)
		use.whole_chain |= *r->reason_rows[i].partner == '\0' &&
		    (!use.whole_period || *r->reason_rows[i].period == '\0');
	for (i = 0; i < r->nreason_rows; i++) {
		const struct chain_reason_row *row = &r->reason_rows[i];
		struct chain_reason_total *t;

		if (!reason_row_counts(&use, row, 0))
			continue;
		t = reason_total(r, row, 1);
		t->count += row->count;
		r->reasons_total += row->count;
	}
	for (i = 0; i < r->nreason_rows; i++) {
		const struct chain_reason_row *row = &r->reason_rows[i];
		struct chain_reason_total *t;
		long n;

		if (!reason_row_counts(&use, row, 1) ||
		    (t = reason_total(r, row, 0)) == NULL)
			continue;
		n = partner_count(r, &use, t->key, row->partner);
		if (n > t->partner_count || (n == t->partner_count &&
		    strcmp(row->partner, t->partner) < 0)) {
			t->partner = row->partner;
			t->partner_count = n;
		}
	}
	if (r->nreasons > 0)
		qsort(r->reasons, r->nreasons, sizeof(*r->reasons),
		    compare_reasons);
}

/* Orders what was read and derives the figures of the report. */
void
chain_report_finish(struct chain_report *r)
{
	size_t i;

	part_lead_series(r);
	for (i = 0; i < r->nlead; i++) {
		struct chain_kpi_series *k = &r->lead[i];

		if (k->npoints > 0)
			qsort(k->points, k->npoints, sizeof(*k->points),
			    compare_points);
		summarise_kpi(r, k);
		mark_stale(r, k);
	}
	for (i = 0; i < r->nkpis; i++) {
		struct chain_kpi_series *k = &r->kpis[i];

		if (k->npoints > 0)
			qsort(k->points, k->npoints, sizeof(*k->points),
			    compare_points);
		summarise_kpi(r, k);
		mark_stale(r, k);
		if (k->name == NULL)
			k->name = chain_strdup(k->code);
	}
	attach_changes(r);
	if (r->nhandoffs > 0)
		qsort(r->handoffs, r->nhandoffs, sizeof(*r->handoffs),
		    compare_handoffs);
	find_waves(r);
	find_unsigned(r);
	reasons(r);
	derive_scores(r);
	hard_scores(r);
	soft_scores(r);
	remember(r);
}

static int
compare_doubles(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/*
 * The chain's lead time per week of the cases' ends, the latest LEAD_WEEKS
 * weeks up to the report's (fewer when max is smaller), oldest first: the
 * cases that ended, their median and p90 lead time.
 */
size_t
chain_report_lead_weeks(const struct chain_report *r,
    struct chain_lead_week *w, size_t max)
{
	size_t n = max < LEAD_WEEKS ? max : LEAD_WEEKS, i, k, m;
	double *x = chain_calloc(r->ncases + 1, sizeof(*x));

	for (k = 0; k < n; k++) {
		w[k].week = r->week_start - (int)(n - 1 - k) * WEEK_DAYS;
		for (i = 0, m = 0; i < r->ncases; i++)
			if (r->cases[i].end >= w[k].week &&
			    r->cases[i].end < w[k].week + WEEK_DAYS &&
			    !isnan(r->cases[i].lead_time))
				x[m++] = r->cases[i].lead_time;
		qsort(x, m, sizeof(*x), compare_doubles);
		w[k].cases = (long)m;
		w[k].median = m > 0 ? chain_quantile_sorted(x, m, 0.5) : NAN;
		w[k].p90 = m > 0 ? chain_quantile_sorted(x, m, 0.9) : NAN;
	}
	free(x);
	return n;
}

/* Whether an instrument's dimension measures too unreliably to read. */
int
chain_report_alpha_low(double alpha)
{
	return !isnan(alpha) && alpha < ALPHA_LOW;
}
