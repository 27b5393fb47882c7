/*
 * act.c: the Act list of the weekly report.  Every signal that needs the
 * chain meeting's attention (a KPI in concern or failing its assurance, an
 * overdue agreement, a partner that surprises, the reason given most why
 * promises broke, low or falling trust, a wide gap in how two partners see
 * each other, a one-sided pair) becomes an item
 * with a weight, so that the list can be ranked, and with an open question:
 * the report asks, it does not accuse.
 *
 * Weights: a KPI concern 90; falling trust 80 plus 10 per point of the
 * fall; limits to recalculate 78; an assurance fail 75; a low trust index 65; an overdue agreement
 * 50, plus a day per day late (at most 30), plus 15 when it came without an
 * announcement; a partner that announced too few deviations 60 plus 20
 * times its share of surprises; the reason given most for the deviations
 * as much, 60 plus 20 times its share (from 3 deviations with a reason); a
 * perception gap 55; a partner that has not signed the chain plan 45; a
 * one-sided pair 40.
 * Trust is low at the survey's level "concern" (score.c), a fall counts at
 * the significance level of the survey's comparison (welch.c).  The
 * ranking reads the model and its figures; it calls nothing of the reader.
 *
 * The list remembers: a point that an earlier --actions file listed (the
 * same area and subject) keeps the week it was first listed in (since),
 * and the points of the latest earlier file that this week's list no
 * longer has are resolved.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "report_priv.h"

const char *const chain_action_kinds[] = { "concern", "recalculate",
	"assurance", "overdue", "surprise", "reason", "trust", "gap", "balance",
	"signature", "attendance", NULL };

/* Thresholds for the soft signals. */
#define GAP_WIDE 1.0		/* points on the 1-5 scale */
#define BALANCE_ONE_SIDED 0.6
#define BALANCE_MIN_AGREEMENTS 4
#define SURPRISE_MIN_DEVIATIONS 2
#define REASON_MIN_DEVIATIONS 3	/* fewer make no Pareto */
#define ATTENDANCE_MIN_MEETINGS 3	/* fewer say little of a partner */
#define ATTENDANCE_LOW 0.5	/* a partner that stays away: rate below */
#define NO_SHOWS_MANY 2		/* or as many absences without notice */
#define LATE_DAYS_MAX 30	/* days late that add to an overdue's weight */
#define P_SHOWN_MIN 0.001	/* a smaller p is written as p < 0.001 */

static struct chain_action *
add(struct chain_report *r, const char *kind, double score,
    const char *subject, const char *owner)
{
	struct chain_action *a;

	r->actions = chain_reallocarray(r->actions, r->nactions + 1,
	    sizeof(*r->actions));
	a = &r->actions[r->nactions++];
	memset(a, 0, sizeof(*a));
	a->kind = kind;
	a->score = score;
	a->subject = chain_text_clean(subject, 0);
	a->owner = chain_text_clean(owner != NULL ? owner : "", 0);
	return a;
}

/* A subject of two names: built whole, never cut inside a character. */
static char *
join(const char *a, const char *sep, const char *b)
{
	size_t na = strlen(a), ns = strlen(sep), nb = strlen(b);
	char *s = chain_malloc(na + ns + nb + 1);

	memcpy(s, a, na);
	memcpy(s + na, sep, ns);
	memcpy(s + na + ns, b, nb + 1);
	return s;
}

static void
kpi_actions(struct chain_report *r)
{
	char v[32], t[32], lo[32], hi[32];
	size_t i;

	for (i = 0; i < r->nkpis; i++) {
		const struct chain_kpi_series *k = &r->kpis[i];
		const struct chain_kpi_point *p = chain_kpi_latest(r, k, NULL);
		struct chain_action *a;

		chain_report_kpi_value(r, k->unit, k->value, 0, v, sizeof(v));
		chain_report_kpi_value(r, k->unit, k->target, 0, t, sizeof(t));
		if (strcmp(k->variation, "concern") == 0) {
			a = add(r, "concern", 90, k->name, k->owner);
			a->message = isnan(k->target) ?
			    chain_trf(r, "%s: a special-cause concern in %s (%s).",
			    k->name, k->period, v) :
			    chain_trf(r, "%s: a special-cause concern in %s, %s "
			    "against a target of %s.", k->name, k->period, v, t);
			a->question = chain_trf(r, "What changed in the process "
			    "behind %s, and who will look into it with us?", k->name);
		}
		if (strcmp(k->assurance, "recalculate") == 0) {
			a = add(r, "recalculate", 78, k->name, k->owner);
			a->message = chain_trf(r, "%s has run differently since "
			    "%s, after its limits were fixed: the limits describe "
			    "a process that no longer runs.", k->name,
			    *k->recalc ? k->recalc : k->period);
			a->question = chain_trf(r, "Does the chain confirm that "
			    "the process behind %s changed in %s? Then record the "
			    "change with its reason (--changes: %s,%s,reason), "
			    "and its limits start anew there.", k->name,
			    *k->recalc ? k->recalc : k->period, k->code,
			    *k->recalc ? k->recalc : k->period);
		}
		if (strcmp(k->assurance, "fail") == 0) {
			a = add(r, "assurance", 75, k->name, k->owner);
			if (p != NULL && !isnan(p->lower))
				a->message = chain_trf(r, "%s will not meet its "
				    "target of %s without a change to the process: "
				    "it varies between %s and %s.", k->name, t,
				    chain_report_kpi_value(r, k->unit, p->lower, 0,
				    lo, sizeof(lo)),
				    chain_report_kpi_value(r, k->unit, p->upper, 0,
				    hi, sizeof(hi)));
			else
				a->message = chain_trf(r, "%s will not meet its "
				    "target of %s without a change to the process.",
				    k->name, t);
			a->question = chain_trf(r, "Which change to the process "
			    "would bring %s within reach of %s, and who takes it "
			    "up?", k->name, t);
		}
	}
}

static void
deal_actions(struct chain_report *r)
{
	char due[32], *subject;
	size_t i;

	for (i = 0; i < r->ndeals; i++) {
		const struct chain_deal *d = &r->deals[i];
		const char *owner = chain_report_who(r, d->owner);
		const char *to = chain_report_who(r, d->counterpart);
		struct chain_action *a;
		int late = d->days_late < LATE_DAYS_MAX ? d->days_late :
		    LATE_DAYS_MAX;

		if (d->state != CHAIN_OVERDUE)
			continue;
		chain_report_date(r, d->effective_due, 1, due, sizeof(due));
		subject = join(d->id, " ", d->title);
		a = add(r, "overdue", 50 + late + (d->surprise ? 15 : 0), subject,
		    d->owner);
		free(subject);
		a->message = chain_trf(r, d->surprise ?
		    "%s promised '%s' to %s by %s; it is %d days overdue and was "
		    "not announced." :
		    "%s promised '%s' to %s by %s; it is %d days overdue.",
		    owner, *d->title ? d->title : d->id, to, due, d->days_late);
		a->question = chain_trf(r, "What would help %s complete '%s', "
		    "and which new date can %s and %s agree on?", owner,
		    *d->title ? d->title : d->id, owner, to);
	}
}

/* Partners that announced fewer than half of their deviations in time. */
static void
surprise_actions(struct chain_report *r)
{
	size_t i;

	for (i = 0; i < r->nscores; i++) {
		const struct chain_partner_score *s = &r->scores[i];
		long deviations = chain_tally_deviations(&s->tally);
		long announced = deviations - s->tally.surprises;
		struct chain_action *a;

		if (*s->period != '\0' || deviations < SURPRISE_MIN_DEVIATIONS ||
		    2 * announced >= deviations)
			continue;
		a = add(r, "surprise", 60 + 20.0 * (double)s->tally.surprises /
		    (double)deviations, chain_report_who(r, s->partner), s->partner);
		a->message = chain_trf(r, "%s announced %ld of %ld deviations in "
		    "time.", chain_report_who(r, s->partner), announced, deviations);
		a->question = chain_trf(r, "What would help %s announce delays "
		    "before the due date?", chain_report_who(r, s->partner));
	}
}

/*
 * The question for the reason given most, by the standard reason it is;
 * any other reason gets the general one.  %s is the partner whose
 * deviations carry it most, or the chain.
 */
static const char *const reason_questions[CHAIN_NREASONS] = {
	[CHAIN_REASON_INFORMATION] = "What would it take for the information "
	    "needed by %s to arrive in time, and who sends it?",
	[CHAIN_REASON_CAPACITY] = "Which promises fit the capacity of %s, and "
	    "what would free more of it?",
	[CHAIN_REASON_PREDECESSOR] = "At which handoff does the work of %s "
	    "stand still, and what would the partner before that handoff need "
	    "to deliver in time?",
	[CHAIN_REASON_PRIORITIES] = "Who changes the priorities behind the "
	    "promises of %s, and how does the chain hear of it before a "
	    "promise breaks?",
	[CHAIN_REASON_DECISION] = "Whose decision do the promises of %s wait "
	    "for, and how can it be taken in time?",
	[CHAIN_REASON_UNDERESTIMATED] = "How is the work behind the promises "
	    "of %s estimated, and what would make the estimates better?",
	[CHAIN_REASON_EXTERNAL] = "Which events from outside the chain keep "
	    "hitting the promises of %s, and how can the chain allow for them "
	    "when it agrees on a date?",
	[CHAIN_REASON_OTHER] = NULL,
};

/* The reason given most for the promises not kept, as a question. */
static void
reason_actions(struct chain_report *r)
{
	const struct chain_reason_total *t = r->reasons;
	const char *name, *who;
	struct chain_action *a;
	char pct[32];
	double share;

	if (r->nreasons == 0 || r->reasons_total < REASON_MIN_DEVIATIONS)
		return;
	share = (double)t->count / (double)r->reasons_total;
	name = chain_report_reason(r, t);
	who = t->partner != NULL ? chain_report_who(r, t->partner) :
	    chain_tr(r, "the chain");
	chain_report_num(r, 100 * share, 0, pct, sizeof(pct));
	strcat(pct, "%");
	a = add(r, "reason", 60 + 20 * share, name, t->partner);
	a->message = t->partner != NULL ?
	    chain_trf(r, "'%s' is the reason given most for promises not kept: "
	    "%ld of %ld deviations with a reason (%s), %ld of them by %s.", name,
	    t->count, r->reasons_total, pct, t->partner_count, who) :
	    chain_trf(r, "'%s' is the reason given most for promises not kept: "
	    "%ld of %ld deviations with a reason (%s).", name, t->count,
	    r->reasons_total, pct);
	a->question = t->standard >= 0 && reason_questions[t->standard] != NULL ?
	    chain_trf(r, reason_questions[t->standard], who) :
	    chain_trf(r, "What lies behind '%s', the reason given most for the "
	    "promises of %s not kept, and what would take it away?", name, who);
}

/*
 * A partner that stays away from the chain meeting: over at least
 * ATTENDANCE_MIN_MEETINGS meetings it attended fewer than half, or was
 * absent NO_SHOWS_MANY times without notice (each a surprise).  Weighed
 * 50 to 60, the more so the less it came.
 */
static void
attendance_actions(struct chain_report *r)
{
	size_t i;

	for (i = 0; i < r->nattendance; i++) {
		const struct chain_attendance_row *x = &r->attendance[i];
		const char *who = chain_report_who(r, x->partner);
		struct chain_action *a;
		double rate;

		if (x->meetings < ATTENDANCE_MIN_MEETINGS)
			continue;
		rate = (double)x->attended / (double)x->meetings;
		if (rate >= ATTENDANCE_LOW && x->no_shows < NO_SHOWS_MANY)
			continue;
		a = add(r, "attendance", 50 + 10 * (1 - rate), who,
		    x->partner);
		a->message = chain_trf(r, "%s attended %ld of %ld chain "
		    "meetings and stayed away %ld times without notice (each "
		    "counts as a surprise).", who, x->attended, x->meetings,
		    x->no_shows);
		a->question = chain_trf(r, "What would help %s take part in "
		    "the chain meeting?", who);
	}
}

static int
overall(const char *dimension, int any)
{
	return strcmp(dimension, "*") == 0 || any;
}

static int
has_overall_changes(const struct chain_report *r)
{
	size_t i;

	for (i = 0; i < r->nchanges; i++)
		if (strcmp(r->changes[i].dimension, "*") == 0)
			return 1;
	return 0;
}

static void
trust_actions(struct chain_report *r)
{
	char from[32], to[32], p[32], idx[32], *subject;
	int any = !has_overall_changes(r);
	size_t i;

	for (i = 0; i < r->nchanges; i++) {
		const struct chain_trust_change *c = &r->changes[i];
		const char *who = chain_report_who(r, c->partner);
		const char *whom = chain_report_who(r, c->about);
		struct chain_action *a;

		if (!overall(c->dimension, any) ||
		    !chain_declines(c->change, c->p))
			continue;
		subject = join(who, " \xe2\x86\x92 ", whom);
		a = add(r, "trust", 80 + 10 * fabs(c->change), subject, c->about);
		free(subject);
		a->message = chain_trf(r, c->p < P_SHOWN_MIN ?
		    "Trust of %s in %s fell from %s to %s (p < %s)." :
		    "Trust of %s in %s fell from %s to %s (p = %s).", who, whom,
		    chain_report_num(r, c->mean_from, 1, from, sizeof(from)),
		    chain_report_num(r, c->mean_to, 1, to, sizeof(to)),
		    chain_report_num(r, c->p < P_SHOWN_MIN ? P_SHOWN_MIN : c->p, 3,
		    p, sizeof(p)));
		a->question = chain_trf(r, "What has %s experienced in working "
		    "with %s lately, and what would restore confidence?", who,
		    whom);
	}
	for (i = 0; i < r->ntrust && r->wave != NULL; i++) {
		const struct chain_trust *t = &r->trust[i];
		const char *who = chain_report_who(r, t->partner);
		const char *whom = chain_report_who(r, t->about);
		struct chain_action *a;

		if (strcmp(t->wave, r->wave) != 0 || strcmp(t->dimension, "*") ||
		    t->suppressed || isnan(t->index) ||
		    strcmp(chain_survey_level(t->index), "concern") != 0)
			continue;
		subject = join(who, " \xe2\x86\x92 ", whom);
		a = add(r, "trust", 65, subject, t->about);
		free(subject);
		a->message = chain_trf(r, "%s rates trust in %s at %s of 100, a "
		    "concern.", who, whom,
		    chain_report_num(r, t->index, 0, idx, sizeof(idx)));
		a->question = chain_trf(r, "What would %s need from %s to work "
		    "together with more confidence?", who, whom);
	}
}

static void
gap_actions(struct chain_report *r)
{
	char m1[32], m2[32], *subject;
	size_t i;

	for (i = 0; i < r->ntrust_pairs; i++) {
		const struct chain_trust_pair *t = &r->trust_pairs[i];
		const char *a_name = chain_report_who(r, t->partner);
		const char *b_name = chain_report_who(r, t->about);
		struct chain_action *a;

		if (isnan(t->gap) || t->gap < GAP_WIDE)
			continue;
		subject = join(a_name, " \xe2\x86\x94 ", b_name);
		a = add(r, "gap", 55, subject, "");
		free(subject);
		a->message = chain_trf(r, "%s rates %s at %s, while %s rates %s at "
		    "%s.", a_name, b_name,
		    chain_report_num(r, t->mean, 1, m1, sizeof(m1)), b_name,
		    a_name, chain_report_num(r, t->reverse_mean, 1, m2,
		    sizeof(m2)));
		a->question = chain_trf(r, "How do %s and %s each see their "
		    "working relation, and where do their views differ?", a_name,
		    b_name);
	}
}

static void
balance_actions(struct chain_report *r)
{
	char *subject;
	size_t i;

	for (i = 0; i < r->npairs; i++) {
		const struct chain_deal_pair *p = &r->pairs[i];
		const char *a_name = chain_report_who(r, p->owner);
		const char *b_name = chain_report_who(r, p->counterpart);
		struct chain_action *a;

		if (isnan(p->balance) || p->balance < BALANCE_ONE_SIDED ||
		    p->agreements + p->reverse < BALANCE_MIN_AGREEMENTS)
			continue;
		subject = join(a_name, " \xe2\x86\x94 ", b_name);
		a = add(r, "balance", 40, subject, "");
		free(subject);
		a->message = chain_trf(r, "%s made %ld promises to %s and received "
		    "%ld in return.", a_name, p->agreements, b_name, p->reverse);
		a->question = chain_trf(r, "Is the work between %s and %s shared "
		    "the way both want it?", a_name, b_name);
	}
}

/* Partners that have not signed the chain plan (figures.c knows which). */
static void
signature_actions(struct chain_report *r)
{
	size_t i;

	for (i = 0; i < r->nunsigned; i++) {
		const char *who = chain_report_who(r, r->unsigned_partners[i]);
		struct chain_action *a;

		a = add(r, "signature", 45, who, r->unsigned_partners[i]);
		a->message = chain_trf(r, "%s has not signed the chain plan yet.",
		    who);
		a->question = chain_trf(r, "What does %s need to sign the chain "
		    "plan?", who);
	}
}

static int
kind_rank(const char *kind)
{
	int i;

	for (i = 0; chain_action_kinds[i] != NULL; i++)
		if (strcmp(kind, chain_action_kinds[i]) == 0)
			return i;
	return i;
}

static int
compare_actions(const void *x, const void *y)
{
	const struct chain_action *a = x, *b = y;

	if (a->score != b->score)
		return a->score < b->score ? 1 : -1;
	if (kind_rank(a->kind) != kind_rank(b->kind))
		return kind_rank(a->kind) - kind_rank(b->kind);
	return strcmp(a->subject, b->subject);
}

static int
same_point(const struct chain_prior *p, const struct chain_action *a)
{
	return strcmp(p->area, a->kind) == 0 && strcmp(p->subject, a->subject) == 0;
}

/* The week a point was first listed: the earliest since of the earlier
 * lists up to this week that have it, else this week. */
static void
since(struct chain_report *r, struct chain_action *a)
{
	struct chain_period first = chain_period_of(CHAIN_WEEK, r->week_start);
	struct chain_period p;
	size_t i;

	for (i = 0; i < r->npriors; i++)
		if (same_point(&r->priors[i], a) &&
		    chain_period_parse(r->priors[i].since, &p) == 0 &&
		    p.kind == CHAIN_WEEK && p.start < first.start)
			first = p;
	chain_period_format(first, a->since);
}

/* The latest of the earlier lists (before this week), -1 when none. */
static int
last_week_file(const struct chain_report *r)
{
	int f, best = -1;

	for (f = 0; f < r->nprior_files; f++)
		if (r->prior_weeks[f] >= 0 && r->prior_weeks[f] < r->week_start &&
		    (best < 0 || r->prior_weeks[f] >= r->prior_weeks[best]))
			best = f;
	return best;
}

static void
resolved(struct chain_report *r)
{
	int file = last_week_file(r);
	size_t i, j;

	for (i = 0; i < r->npriors && file >= 0; i++) {
		const struct chain_prior *p = &r->priors[i];

		if (p->file != file)
			continue;
		for (j = 0; j < r->nactions && !same_point(p, &r->actions[j]); j++)
			;
		if (j < r->nactions)
			continue;
		r->resolved = chain_reallocarray(r->resolved, r->nresolved + 1,
		    sizeof(*r->resolved));
		r->resolved[r->nresolved++] = p;
	}
}

/* Builds the Act list, most pressing first. */
void
chain_report_act(struct chain_report *r)
{
	size_t i;

	kpi_actions(r);
	deal_actions(r);
	surprise_actions(r);
	reason_actions(r);
	trust_actions(r);
	gap_actions(r);
	balance_actions(r);
	signature_actions(r);
	attendance_actions(r);
	if (r->nactions > 0)
		qsort(r->actions, r->nactions, sizeof(*r->actions),
		    compare_actions);
	for (i = 0; i < r->nactions; i++) {
		r->actions[i].priority = (int)i + 1;
		since(r, &r->actions[i]);
	}
	resolved(r);
}

/* A sentence in the CSV: cleaned, without the marks around its names. */
static void
text(struct chain_out *w, const char *sentence)
{
	char *s = chain_text_clean(sentence, 0);

	chain_out_text(w, s);
	free(s);
}

/*
 * The Act list as CSV: priority,area,subject,owner,message,question,since;
 * text
 * from the inputs cleaned as in the report (utf8.c).
 */
void
chain_report_actions_csv(const struct chain_report *r, struct chain_out *w)
{
	size_t i;

	chain_out_header(w, chain_format_header(CHAIN_FORMAT_ACTIONS));
	for (i = 0; i < r->nactions; i++) {
		const struct chain_action *a = &r->actions[i];

		chain_out_int(w, a->priority);
		chain_out_text(w, a->kind);
		chain_out_text(w, a->subject);
		chain_out_text(w, a->owner);
		text(w, a->message);
		text(w, a->question);
		chain_out_text(w, a->since);
		chain_out_end(w);
	}
}

/* Whether the Act list has an item of one of the kinds (or any at all). */
int
chain_report_failing(const struct chain_report *r, const char *kinds)
{
	size_t i;

	if (kinds == NULL)
		return 0;
	for (i = 0; i < r->nactions; i++)
		if (chain_list_has(kinds, "any") ||
		    chain_list_has(kinds, r->actions[i].kind))
			return 1;
	return 0;
}

static int
is_word(const char *w, size_t len, const char *word)
{
	return strlen(word) == len && strncasecmp(w, word, len) == 0;
}

static int
is_kind(const char *w, size_t len)
{
	int i;

	for (i = 0; chain_action_kinds[i] != NULL; i++)
		if (is_word(w, len, chain_action_kinds[i]))
			return 1;
	return is_word(w, len, "any");
}

/* The kinds --fail-on takes, for its message: "concern, ..., any". */
static void
kinds_known(char *buf, size_t size)
{
	size_t n = 0;
	int i;

	for (i = 0; chain_action_kinds[i] != NULL && n < size; i++)
		n += (size_t)snprintf(buf + n, size - n, "%s, ",
		    chain_action_kinds[i]);
	if (n < size)
		snprintf(buf + n, size - n, "any");
}

/* A list of kinds for --fail-on: action kinds, or any; else a usage error. */
void
chain_action_kinds_check(const char *option, const char *list)
{
	const char *p = list, *w;
	char known[256];
	size_t len;

	while (chain_words_next(&p, &w, &len))
		if (!is_kind(w, len)) {
			kinds_known(known, sizeof(known));
			chain_usage_error("%s: unknown kind '%.*s' (one of %s)",
			    option, (int)len, w, known);
		}
}
