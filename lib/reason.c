/*
 * reason.c: why promises break.  As the Last Planner System records a
 * reason for every promise not kept as promised, a register's deviations
 * (renegotiated, late, overdue) may carry one in their reason column: any
 * text, and chain(5) suggests a short standard list, in English and
 * Dutch, that a chain may extend.  chain-agree reasons reads them as a
 * Pareto: per partner and period when asked, the reasons counted, largest
 * first, each with its share of the deviations that carry a reason and
 * the cumulative share, so that the chain meeting fixes the causes that
 * matter most.  Reasons are the same reason without regard to case, to
 * blanks around them, and to a blank, hyphen or underscore inside, and a
 * standard reason is one in either language; a standard reason is written
 * as the list writes it (in the language first met), any other as it was
 * first written.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chain_priv.h"

/* The standard list of chain(5), in the order of enum chain_reason. */
static const char *const standard[CHAIN_NREASONS][2] = {
	{ "information late", "informatie te laat" },
	{ "capacity", "capaciteit" },
	{ "predecessor", "voorganger" },
	{ "priorities changed", "prioriteit gewijzigd" },
	{ "decision pending", "besluit ontbreekt" },
	{ "underestimated", "onderschat" },
	{ "external", "extern" },
	{ "other", "anders" },
};

/*
 * The reason folded to its key: blanks around it dropped, ASCII letters in
 * lower case, every run of blanks, hyphens and underscores one blank.
 */
static char *
fold(const char *text)
{
	char *key = chain_malloc(strlen(text) + 1), *k = key;
	const char *p = text;
	int gap = 0;

	while (*p == ' ' || *p == '\t')
		p++;
	for (; *p != '\0'; p++) {
		unsigned char c = (unsigned char)*p;

		if (c == ' ' || c == '\t' || c == '-' || c == '_') {
			gap = 1;
			continue;
		}
		if (gap && k > key)
			*k++ = ' ';
		gap = 0;
		*k++ = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
	}
	*k = '\0';
	return key;
}

/*
 * A reason's key: two texts with the same key are the same reason.  A
 * standard reason is one in either language (capacity is capaciteit).
 */
char *
chain_reason_key(const char *text)
{
	int i = chain_reason_standard(text, NULL);
	char *key;

	if (i < 0)
		return fold(text);
	_Static_assert(CHAIN_NREASONS < 10, "a standard reason's key is a digit");
	key = chain_malloc(3);
	key[0] = '\x01';
	key[1] = (char)('0' + i);
	key[2] = '\0';
	return key;
}

/*
 * The standard reason a text is (in either language), or -1; *dutch says
 * in which.
 */
int
chain_reason_standard(const char *text, int *dutch)
{
	char *key = fold(text);
	int i, lang;

	for (i = 0; i < CHAIN_NREASONS; i++)
		for (lang = 0; lang < 2; lang++)
			if (strcmp(key, standard[i][lang]) == 0) {
				free(key);
				if (dutch != NULL)
					*dutch = lang;
				return i;
			}
	free(key);
	return -1;
}

/* A standard reason's name, in English or Dutch. */
const char *
chain_reason_name(enum chain_reason reason, int dutch)
{
	return standard[reason][dutch != 0];
}

/*
 * A reason as it is shown: the standard spelling of a standard reason,
 * else the text without the blanks around it; the caller frees it.
 */
char *
chain_reason_display(const char *text)
{
	int dutch, i = chain_reason_standard(text, &dutch);
	const char *p = text, *end;

	if (i >= 0)
		return chain_strdup(standard[i][dutch]);
	while (*p == ' ' || *p == '\t')
		p++;
	end = p + strlen(p);
	while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
		end--;
	return chain_strndup(p, (size_t)(end - p));
}

struct entry {
	char *partner, *reason;
	struct chain_period period;
	long count;
};

struct chain_reasons {
	struct chain_map *entries;	/* partner, period, folded reason */
	struct chain_grouping by;
	long with, without;		/* deviations with and without one */
};

struct chain_reasons *
chain_reasons_new(const struct chain_grouping *g)
{
	struct chain_reasons *p = chain_calloc(1, sizeof(*p));

	p->entries = chain_map_new();
	p->by = *g;
	return p;
}

static void
free_entry(void *v)
{
	struct entry *e = v;

	free(e->partner);
	free(e->reason);
	free(e);
}

void
chain_reasons_free(struct chain_reasons *p)
{
	chain_map_free(p->entries, free_entry);
	free(p);
}

/* One agreement: a deviation counted under its reason (a chain_judged_fn). */
void
chain_reasons_add(struct chain_csv *r, const struct chain_judged *j,
    void *reasons)
{
	struct chain_reasons *p = reasons;
	const char *text = chain_field(j->row, j->columns->reason);
	const char *partner = "";
	struct chain_period period = { CHAIN_DAY, 0 };
	char *folded, *key;
	size_t n;
	void **slot;

	(void)r;
	if (!chain_state_deviation(j->v.state))
		return;
	folded = chain_reason_key(text);
	if (*folded == '\0') {
		free(folded);
		p->without++;
		return;
	}
	p->with++;
	if (p->by.by_given)
		partner = p->by.by_counterpart ? chain_register_partner(j->row,
		    j->columns->counterpart) : chain_field(j->row,
		    j->columns->owner);
	if (p->by.per)
		period = chain_period_of(p->by.kind, j->a.due);
	n = strlen(partner) + strlen(folded) + 16;
	key = chain_malloc(n);
	snprintf(key, n, "%s\x1f%08x\x1f%s", partner, (unsigned)period.start,
	    folded);
	free(folded);
	slot = chain_map_slot(p->entries, key, NULL);
	free(key);
	if (*slot == NULL) {
		struct entry *e = chain_calloc(1, sizeof(*e));

		e->partner = chain_strdup(partner);
		e->reason = chain_reason_display(text);
		e->period = period;
		*slot = e;
	}
	((struct entry *)*slot)->count++;
}

static int
same_group(const struct entry *x, const struct entry *y)
{
	return strcmp(x->partner, y->partner) == 0 &&
	    chain_period_cmp(x->period, y->period) == 0;
}

/* By partner and period; within a group the largest count first. */
static int
compare_entries(const void *a, const void *b)
{
	const struct entry *x = *(const struct entry *const *)a;
	const struct entry *y = *(const struct entry *const *)b;
	int c = strcmp(x->partner, y->partner);

	if (c != 0)
		return c;
	if ((c = chain_period_cmp(x->period, y->period)) != 0)
		return c;
	if (x->count != y->count)
		return x->count < y->count ? 1 : -1;
	return strcmp(x->reason, y->reason);
}

static void
write_group(const struct chain_reasons *p, struct entry **e, size_t n,
    struct chain_out *w)
{
	long total = 0, cumulative = 0;
	size_t i;

	for (i = 0; i < n; i++)
		total += e[i]->count;
	for (i = 0; i < n; i++) {
		cumulative += e[i]->count;
		chain_out_text(w, e[i]->partner);
		if (p->by.per)
			chain_out_period(w, e[i]->period);
		else
			chain_out_empty(w);
		chain_out_text(w, e[i]->reason);
		chain_out_int(w, e[i]->count);
		chain_out_number(w, (double)e[i]->count / (double)total);
		chain_out_number(w, (double)cumulative / (double)total);
		chain_out_end(w);
	}
}

/*
 * The Pareto, header first: per group (partner and period, when asked
 * for) its reasons, largest count first (a tie by name), with their share
 * of the group's deviations that carry a reason and the cumulative share.
 * The deviations without a reason are counted in a warning.
 */
void
chain_reasons_write(const struct chain_reasons *p, struct chain_out *w,
    int quiet)
{
	const char **keys = chain_map_keys(p->entries, 0);
	size_t i, from, n = chain_map_count(p->entries);
	struct entry **list = chain_calloc(n + 1, sizeof(*list));

	for (i = 0; i < n; i++)
		list[i] = chain_map_get(p->entries, keys[i]);
	free(keys);
	qsort(list, n, sizeof(*list), compare_entries);
	chain_out_header(w, chain_format_header(CHAIN_FORMAT_AGREE_REASONS));
	for (from = 0; from < n; from = i) {
		for (i = from + 1; i < n && same_group(list[from], list[i]); i++)
			;
		write_group(p, list + from, i - from, w);
	}
	free(list);
	if (quiet || p->without == 0)
		return;
	/* whole sentences, each count with its own plural */
	if (p->with == 0 && p->without == 1)
		chain_warnx("warning: the one deviation carries no reason");
	else if (p->with == 0)
		chain_warnx("warning: none of the %ld deviations carries a reason",
		    p->without);
	else if (p->with == 1)
		chain_warnx(dngettext(CHAIN_DOMAIN, "warning: %ld of %ld "
		    "deviations carries no reason; the shares are of the %ld "
		    "that does", "warning: %ld of %ld deviations carry no reason; "
		    "the shares are of the %ld that does", p->without),
		    p->without, p->with + p->without, p->with);
	else
		chain_warnx(dngettext(CHAIN_DOMAIN, "warning: %ld of %ld "
		    "deviations carries no reason; the shares are of the %ld "
		    "that do", "warning: %ld of %ld deviations carry no reason; "
		    "the shares are of the %ld that do", p->without),
		    p->without, p->with + p->without, p->with);
}
