/*
 * report_model.c: what the model of the weekly report says, for every
 * stage above the reader: the inputs it had, a partner's name and how the
 * report names a partner ("the chain" for '*') and a reason (a standard
 * one in the report's language), which agreements belong in which list of
 * the week, a KPI's latest point in the week.  It calls nothing of the
 * report but the texts of lang.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_priv.h"

/*
 * The formats the report reads, in the order they are tried (each of the
 * input kinds, CHAIN_IN_*, in turn), recognised by their headers.
 */
const enum chain_format chain_report_formats[CHAIN_IN_NKINDS] = {
	CHAIN_FORMAT_KPI_CHECK, CHAIN_FORMAT_KPI_SUMMARY, CHAIN_FORMAT_STATUS,
	CHAIN_FORMAT_AGREE_SCORE, CHAIN_FORMAT_AGREE_MATRIX,
	CHAIN_FORMAT_AGREE_REASONS, CHAIN_FORMAT_JOURNAL,
	CHAIN_FORMAT_SURVEY_SCORE, CHAIN_FORMAT_SURVEY_MATRIX,
	CHAIN_FORMAT_SURVEY_NETWORK, CHAIN_FORMAT_COMPARE, CHAIN_FORMAT_PLAN, CHAIN_FORMAT_LEADTIME,
	CHAIN_FORMAT_HANDOFFS, CHAIN_FORMAT_ALPHA, CHAIN_FORMAT_ACTIONS,
	CHAIN_FORMAT_HISTORY, CHAIN_FORMAT_SIGNATURES, CHAIN_FORMAT_CHANGES,
	CHAIN_FORMAT_ATTENDANCE, CHAIN_FORMAT_PARTNERS,
};

/* Grows an array by one element and returns the new element, zeroed. */
void *
chain_report_grow(void *array, size_t *n, size_t size)
{
	char *p = chain_reallocarray(array, *n + 1, size);

	memset(p + *n * size, 0, size);
	(*n)++;
	return p;
}

/*
 * A short word (a signal, a variation) copied into its field, cut to fit
 * between two characters.
 */
void
chain_report_word(char *dst, size_t size, const char *src)
{
	size_t n = chain_utf8_cut(src, size - 1);

	memcpy(dst, src, n);
	dst[n] = '\0';
}

int
chain_report_has(const struct chain_report *r, enum chain_input_kind k)
{
	return (r->inputs >> k) & 1;
}

/*
 * A partner's surprises in its agreements (chain-agree score: its row
 * without a period, else its periods added up), shown beside its absences
 * without notice; -1 without a score.
 */
long
chain_report_surprises(const struct chain_report *r, const char *code)
{
	long whole = -1, periods = -1;
	size_t i;

	for (i = 0; i < r->nscores; i++) {
		const struct chain_partner_score *s = &r->scores[i];

		if (strcmp(s->partner, code) != 0)
			continue;
		if (*s->period == '\0')
			whole = (whole < 0 ? 0 : whole) + s->tally.surprises;
		else
			periods = (periods < 0 ? 0 : periods) +
			    s->tally.surprises;
	}
	return whole >= 0 ? whole : periods;
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

/* A reason as the report names it: a standard one in its language. */
const char *
chain_report_reason(const struct chain_report *r,
    const struct chain_reason_total *t)
{
	if (t->standard >= 0)
		return chain_reason_name((enum chain_reason)t->standard,
		    r->lang == CHAIN_NL);
	return t->reason;
}

/*
 * Whether the relay view knows the returns: a handoffs file written before
 * the column came has none.
 */
int
chain_report_returns(const struct chain_report *r)
{
	size_t i;

	for (i = 0; i < r->nhandoffs; i++)
		if (r->handoffs[i].returns >= 0)
			return 1;
	return 0;
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

/* --top N: how many Act points the report shows (--actions has them all). */
void
chain_report_set_top(struct chain_report *r, size_t top)
{
	r->top = top;
}

size_t
chain_report_shown(const struct chain_report *r)
{
	size_t top = r->top ? r->top : CHAIN_REPORT_TOP;

	return r->nactions < top ? r->nactions : top;
}
