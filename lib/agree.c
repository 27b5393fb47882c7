/*
 * agree.c: an agreement's state.  Its state as of a date D follows SPEC
 * section 2 (one made after D is not made yet): a promise is kept when done by its due date, and
 * a deviation (renegotiated, late, overdue) is a surprise unless it was
 * announced to the counterpart by the due date.  Every date after D counts
 * as not yet happened, so any run can replay the past.  A tally counts the
 * states of a partner's agreements and gives its reliability (promises met,
 * on time or as renegotiated) and predictability (deviations announced).
 */
#include <math.h>
#include <string.h>

#include "chain_priv.h"

const char *const chain_state_names[] = { "kept", "renegotiated", "late",
	"overdue", "due-soon", "open", "cancelled", "not-made", NULL };

static int
happened(int date, int as_of)
{
	return date != CHAIN_NO_DATE && date <= as_of;
}

void
chain_agreement_judge(const struct chain_agreement *a, int as_of, int window,
    struct chain_verdict *v)
{
	int in_time = happened(a->announced, as_of) && a->announced <= a->due;
	int done = happened(a->done, as_of) ? a->done : CHAIN_NO_DATE;

	v->effective_due = in_time && a->new_due != CHAIN_NO_DATE ?
	    a->new_due : a->due;
	v->days_late = 0;
	if (a->made != CHAIN_NO_DATE && a->made > as_of)
		v->state = CHAIN_NOT_MADE;
	else if (happened(a->cancelled, as_of))
		v->state = CHAIN_CANCELLED;
	else if (done != CHAIN_NO_DATE) {
		if (done <= a->due)
			v->state = CHAIN_KEPT;
		else if (done <= v->effective_due)
			v->state = CHAIN_RENEGOTIATED;
		else {
			v->state = CHAIN_LATE;
			v->days_late = done - v->effective_due;
		}
	} else if (as_of > v->effective_due) {
		v->state = CHAIN_OVERDUE;
		v->days_late = as_of - v->effective_due;
	} else if (v->effective_due <= as_of + window)
		v->state = CHAIN_DUE_SOON;
	else
		v->state = CHAIN_OPEN;
	v->surprise = chain_state_deviation(v->state) && !in_time;
}

int
chain_state_deviation(enum chain_state s)
{
	return s == CHAIN_RENEGOTIATED || s == CHAIN_LATE || s == CHAIN_OVERDUE;
}

int
chain_state_parse(const char *name, enum chain_state *s)
{
	int i;

	/* due-soon is due_soon too, as its column in a score is headed */
	for (i = 0; chain_state_names[i] != NULL; i++)
		if (chain_name_same(name, chain_state_names[i])) {
			*s = (enum chain_state)i;
			return 0;
		}
	return -1;
}

/* An agreement not made yet is no agreement: it is not counted. */
void
chain_tally_add(struct chain_tally *t, const struct chain_verdict *v)
{
	if ((int)v->state >= CHAIN_NTALLIED)
		return;
	t->total++;
	t->state[v->state]++;
	t->surprises += v->surprise;
}

double
chain_tally_reliability(const struct chain_tally *t)
{
	long met = t->state[CHAIN_KEPT] + t->state[CHAIN_RENEGOTIATED];
	long missed = t->state[CHAIN_LATE] + t->state[CHAIN_OVERDUE];

	return met + missed > 0 ? (double)met / (double)(met + missed) : NAN;
}

/* Renegotiated, late and overdue: the promises not kept as made. */
long
chain_tally_deviations(const struct chain_tally *t)
{
	long n = 0;
	int s;

	for (s = 0; s < CHAIN_NSTATES; s++)
		if (chain_state_deviation((enum chain_state)s))
			n += t->state[s];
	return n;
}

double
chain_tally_predictability(const struct chain_tally *t)
{
	long deviations = chain_tally_deviations(t);

	return deviations > 0 ?
	    (double)(deviations - t->surprises) / (double)deviations : NAN;
}
