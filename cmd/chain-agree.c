/*
 * chain-agree: the agreements register.  Reads agreements.csv and tells, as
 * of a date, which promises are kept, renegotiated, late, overdue, due soon
 * or open; scores partners on reliability and predictability; shows who
 * promises what to whom; checks a register; and adds or changes agreements
 * under a lock, so that concurrent writers and crashes lose nothing.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chain.h"

enum {
	OPT_WINDOW = CHAIN_OPT_PROGRAM, OPT_FAIL_ON, OPT_BY, OPT_PER, OPT_STATE,
	OPT_OWNER, OPT_COUNTERPART, OPT_PARTNERS, OPT_DUE, OPT_TITLE, OPT_MADE,
	OPT_ID, OPT_DONE, OPT_ANNOUNCE, OPT_NEW_DUE, OPT_PLAN, OPT_CANCEL,
	OPT_FILE = 'f'
};

static const struct option longopts[] = {
	CHAIN_LONGOPTS,
	{ "window", required_argument, NULL, OPT_WINDOW },
	{ "fail-on", required_argument, NULL, OPT_FAIL_ON },
	{ "by", required_argument, NULL, OPT_BY },
	{ "per", required_argument, NULL, OPT_PER },
	{ "state", required_argument, NULL, OPT_STATE },
	{ "owner", required_argument, NULL, OPT_OWNER },
	{ "counterpart", required_argument, NULL, OPT_COUNTERPART },
	{ "partners", required_argument, NULL, OPT_PARTNERS },
	{ "file", required_argument, NULL, OPT_FILE },
	{ "due", required_argument, NULL, OPT_DUE },
	{ "title", required_argument, NULL, OPT_TITLE },
	{ "made", required_argument, NULL, OPT_MADE },
	{ "id", required_argument, NULL, OPT_ID },
	{ "done", required_argument, NULL, OPT_DONE },
	{ "announce", required_argument, NULL, OPT_ANNOUNCE },
	{ "new-due", required_argument, NULL, OPT_NEW_DUE },
	{ "plan", required_argument, NULL, OPT_PLAN },
	{ "cancel", required_argument, NULL, OPT_CANCEL },
	{ NULL, 0, NULL, 0 }
};

/* Which commands each of the program's own options goes with. */
static const struct chain_option_use option_commands[] = {
	{ OPT_WINDOW, "--window", "status,list,score,matrix" },
	{ OPT_FAIL_ON, "--fail-on", "status,list,score,matrix" },
	{ OPT_BY, "--by", "score" },
	{ OPT_PER, "--per", "score" },
	{ OPT_STATE, "--state", "list" },
	{ OPT_OWNER, "--owner", "list,add" },
	{ OPT_COUNTERPART, "--counterpart", "list,add" },
	{ OPT_PARTNERS, "--partners", "check" },
	{ OPT_FILE, "-f", "add,set" },
	{ OPT_DUE, "--due", "add" },
	{ OPT_TITLE, "--title", "add" },
	{ OPT_MADE, "--made", "add" },
	{ OPT_ID, "--id", "add" },
	{ OPT_DONE, "--done", "set" },
	{ OPT_ANNOUNCE, "--announce", "set" },
	{ OPT_NEW_DUE, "--new-due", "set" },
	{ OPT_PLAN, "--plan", "set" },
	{ OPT_CANCEL, "--cancel", "set" },
};

#define NOPTIONS (sizeof(option_commands) / sizeof(option_commands[0]))

struct agree {
	struct chain_opts opts;
	int window;
	int fail_state[CHAIN_NSTATES], fail_surprise, found;
	int by_counterpart, per;
	enum chain_period_kind per_kind;
	int list_state[CHAIN_NSTATES], filter_state;
	const char *owner, *counterpart, *partners, *file;
	struct chain_change change;
	uint64_t given;
};

static void
usage(int status)
{
	if (status != CHAIN_EXIT_OK)
		chain_usage_error("a command is required");
	printf("usage: chain-agree [options] status|list|score|matrix|check [FILE...]\n"
	    "       chain-agree [options] add -f FILE --owner P --due D [--counterpart P]\n"
	    "                   [--title T] [--made D] [--id ID]\n"
	    "       chain-agree [options] set -f FILE ID (--done D | --announce D\n"
	    "                   [--new-due D] [--plan T] | --cancel D)\n"
	    "\n"
	    "Commands:\n"
	    "  status   every agreement with state,effective_due,days_late,surprise\n"
	    "  list     status rows filtered by --state, --owner, --counterpart\n"
	    "  score    per partner: states, surprises, reliability, predictability\n"
	    "  matrix   per ordered pair of partners: agreements and their balance\n"
	    "  check    validate a register; every problem as file:line: message\n"
	    "  add      append an agreement to a register (locked, atomic)\n"
	    "  set      record done, an announced deviation, or a cancellation\n"
	    "\n"
	    "Options:\n"
	    "  --as-of DATE        judge as of DATE (default today)\n"
	    "  --window DAYS       due-soon window (default 7)\n"
	    "  --fail-on LIST      exit 1 when a row is in a state of LIST\n"
	    "                      (overdue,surprise,due-soon,late,...)\n"
	    "  --by owner|counterpart, --per week|month|quarter   (score)\n"
	    "  --state S[,S..], --owner P, --counterpart P        (list)\n"
	    "  --partners FILE     known partner codes (check)\n"
	    "  -f, --file FILE     the register to change (add, set)\n"
	    CHAIN_HELP_COMMON);
	exit(CHAIN_EXIT_OK);
}

static int
parse_date_option(const char *opt, const char *arg)
{
	int days;

	if (chain_date_parse(arg, &days) != 0)
		chain_usage_error("%s: '%s' is not a valid date", opt, arg);
	return days;
}

static void
parse_fail_on(struct agree *ag, const char *arg)
{
	const char *p = arg;
	enum chain_state s;

	while (p != NULL) {
		const char *comma = strchr(p, ',');
		char *word = chain_strndup(p, comma ? (size_t)(comma - p) :
		    strlen(p));

		if (chain_strcasecmp(word, "surprise") == 0 ||
		    chain_strcasecmp(word, "surprises") == 0)
			ag->fail_surprise = 1;
		else if (chain_state_parse(word, &s) == 0)
			ag->fail_state[s] = 1;
		else
			chain_usage_error("--fail-on: unknown condition '%s' "
			    "(a state or 'surprise')", word);
		free(word);
		p = comma ? comma + 1 : NULL;
	}
}

static void
parse_states(struct agree *ag, const char *arg)
{
	const char *p = arg;
	enum chain_state s;

	ag->filter_state = 1;
	while (p != NULL) {
		const char *comma = strchr(p, ',');
		char *word = chain_strndup(p, comma ? (size_t)(comma - p) :
		    strlen(p));

		if (chain_state_parse(word, &s) != 0)
			chain_usage_error("--state: unknown state '%s'", word);
		ag->list_state[s] = 1;
		free(word);
		p = comma ? comma + 1 : NULL;
	}
}

static void
program_option(struct agree *ag, int c, const char *arg)
{
	struct chain_change *ch = &ag->change;

	if (!chain_option_note(option_commands, NOPTIONS, c, &ag->given))
		usage(CHAIN_EXIT_USAGE);
	switch (c) {
	case OPT_WINDOW:
		ag->window = (int)chain_parse_count("--window", arg, 0, 36500);
		break;
	case OPT_FAIL_ON:
		parse_fail_on(ag, arg);
		break;
	case OPT_BY:
		if (strcmp(arg, "owner") == 0)
			ag->by_counterpart = 0;
		else if (strcmp(arg, "counterpart") == 0)
			ag->by_counterpart = 1;
		else
			chain_usage_error("--by: '%s' is not owner or counterpart",
			    arg);
		break;
	case OPT_PER:
		if (chain_period_kind_parse(arg, &ag->per_kind) != 0)
			chain_usage_error("--per: '%s' is not day, week, month, "
			    "quarter or year", arg);
		ag->per = 1;
		break;
	case OPT_STATE:
		parse_states(ag, arg);
		break;
	case OPT_OWNER: ag->owner = ch->owner = arg; break;
	case OPT_COUNTERPART: ag->counterpart = ch->counterpart = arg; break;
	case OPT_PARTNERS: ag->partners = arg; break;
	case OPT_FILE: ag->file = arg; break;
	case OPT_TITLE: ch->title = arg; break;
	case OPT_ID: ch->id = arg; break;
	case OPT_PLAN: ch->plan = arg; break;
	case OPT_DUE: ch->dates.due = parse_date_option("--due", arg); break;
	case OPT_MADE: ch->dates.made = parse_date_option("--made", arg); break;
	case OPT_DONE: ch->dates.done = parse_date_option("--done", arg); break;
	case OPT_ANNOUNCE:
		ch->dates.announced = parse_date_option("--announce", arg);
		break;
	case OPT_NEW_DUE:
		ch->dates.new_due = parse_date_option("--new-due", arg);
		break;
	case OPT_CANCEL:
		ch->dates.cancelled = parse_date_option("--cancel", arg);
		break;
	}
}

/* Notes a --fail-on finding. */
static void
note_found(struct agree *ag, const struct chain_verdict *v)
{
	if (ag->fail_state[v->state] || (ag->fail_surprise && v->surprise))
		ag->found = 1;
}

/*
 * Every agreement of every input, judged as of --as-of; fn gets each.  A row
 * with a bad value is reported and left out.
 */
typedef void row_fn(struct agree *ag, struct chain_csv *r,
    const struct chain_row *row, const struct chain_register *c,
    const struct chain_verdict *v, void *ctx);
typedef void file_fn(struct agree *ag, struct chain_csv *r, void *ctx);

static void
each_agreement(struct agree *ag, int nfiles, char **files, file_fn *begin,
    row_fn *fn, void *ctx)
{
	int i;

	for (i = 0; i < (nfiles ? nfiles : 1); i++) {
		struct chain_csv *r = chain_csv_open(nfiles ? files[i] : "-",
		    &ag->opts);
		struct chain_register c;
		const struct chain_row *row;

		if (r == NULL)
			continue;
		if (chain_register_columns(r, &c) != 0) {
			chain_csv_close(r);
			continue;
		}
		if (begin != NULL)
			begin(ag, r, ctx);
		while ((row = chain_csv_read(r)) != NULL) {
			struct chain_agreement a;
			struct chain_verdict v;

			if (chain_register_row(r, row, &c, &a) != 0)
				continue;
			chain_agreement_judge(&a, ag->opts.as_of, ag->window, &v);
			fn(ag, r, row, &c, &v, ctx);
		}
		chain_csv_close(r);
	}
}

/* status and list: every input column, then the four judged ones. */
static const char *const judged[] = { "state", "effective_due", "days_late",
	"surprise", NULL };

struct status_ctx {
	struct chain_out *w;
	char **names;
	size_t n;
	int *source;		/* input column of each output column, or -1 */
	int judged_at[4];
	int started, listing;
	int verbatim;		/* rows can be copied as the input wrote them */
};

static void
status_begin(struct agree *ag, struct chain_csv *r, void *arg)
{
	struct status_ctx *s = arg;
	size_t i, j;

	(void)ag;
	chain_csv_keep_raw(r);
	if (!s->started) {
		s->started = 1;
		s->n = chain_csv_ncolumns(r);
		s->names = chain_calloc(s->n + 4, sizeof(*s->names));
		for (i = 0; i < s->n; i++)
			s->names[i] = chain_strdup(chain_csv_column_name(r, i));
		for (j = 0; judged[j] != NULL; j++) {
			int at = chain_csv_column(r, judged[j]);

			if (at < 0) {
				at = (int)s->n;
				s->names[s->n++] = chain_strdup(judged[j]);
			}
			s->judged_at[j] = at;
		}
		s->source = chain_calloc(s->n, sizeof(*s->source));
		for (i = 0; i < s->n; i++)
			chain_out_text(s->w, s->names[i]);
		chain_out_end(s->w);
	}
	for (i = 0; i < s->n; i++)
		s->source[i] = chain_csv_column(r, s->names[i]);
	/*
	 * When the input is written as the output will be and its columns come
	 * first in the same order, each row is copied byte for byte.
	 */
	s->verbatim = !ag->opts.excel && chain_csv_delimiter(r) == ',' &&
	    chain_csv_ncolumns(r) + 4 == s->n;
	for (i = 0; i < chain_csv_ncolumns(r) && s->verbatim; i++)
		s->verbatim = s->source[i] == (int)i;
	for (i = 0; i < chain_csv_ncolumns(r); i++) {
		const char *name = chain_csv_column_name(r, i);

		for (j = 0; j < s->n; j++)
			if (chain_strcasecmp(name, s->names[j]) == 0)
				break;
		if (j == s->n)
			chain_csv_warning(r, chain_csv_header_line(r), name,
			    "column not in the first input; left out");
	}
}

static int
listed(const struct agree *ag, const struct chain_row *row,
    const struct chain_register *c, const struct chain_verdict *v)
{
	if (ag->filter_state && !ag->list_state[v->state])
		return 0;
	if (ag->owner != NULL && strcmp(chain_field(row, c->owner),
	    ag->owner) != 0)
		return 0;
	if (ag->counterpart != NULL &&
	    strcmp(chain_register_partner(row, c->counterpart),
	    strcmp(ag->counterpart, "") == 0 ? "*" : ag->counterpart) != 0)
		return 0;
	return 1;
}

static void
status_row(struct agree *ag, struct chain_csv *r, const struct chain_row *row,
    const struct chain_register *c, const struct chain_verdict *v, void *arg)
{
	struct status_ctx *s = arg;
	size_t i;

	(void)r;
	if (s->listing && !listed(ag, row, c, v))
		return;
	note_found(ag, v);
	i = 0;
	if (s->verbatim && row->raw != NULL && row->nfields == s->n - 4) {
		chain_out_raw(s->w, row->raw, row->rawlen, row->nfields);
		i = row->nfields;
	}
	for (; i < s->n; i++) {
		if ((int)i == s->judged_at[0])
			chain_out_text(s->w, chain_state_names[v->state]);
		else if ((int)i == s->judged_at[1])
			chain_out_date(s->w, v->effective_due);
		else if ((int)i == s->judged_at[2])
			chain_out_int(s->w, v->days_late);
		else if ((int)i == s->judged_at[3])
			chain_out_int(s->w, v->surprise);
		else
			chain_out_fieldn(s->w, chain_field(row, s->source[i]),
			    chain_field_len(row, s->source[i]));
	}
	chain_out_end(s->w);
}

static void
run_status(struct agree *ag, int nfiles, char **files, int listing)
{
	struct status_ctx s;
	size_t i;

	memset(&s, 0, sizeof(s));
	s.listing = listing;
	s.w = chain_out_open(&ag->opts);
	each_agreement(ag, nfiles, files, status_begin, status_row, &s);
	for (i = 0; i < s.n; i++)
		free(s.names[i]);
	free(s.names);
	free(s.source);
	if (ag->found)
		chain_raise_status(CHAIN_EXIT_FOUND);
	chain_out_close(s.w, chain_exit_status() <= CHAIN_EXIT_FOUND);
}

/* score: one tally per partner (and period of the due date). */
struct group {
	char *partner;
	struct chain_period period;
	struct chain_tally tally;
};

static void
free_group(void *p)
{
	struct group *g = p;

	free(g->partner);
	free(g);
}

/* Writes v in decimal, NUL-terminated (a map key made without printf). */
static void
format_int(char *p, int v)
{
	char digits[12];
	unsigned u = v < 0 ? 0U - (unsigned)v : (unsigned)v;
	int n = 0;

	do {
		digits[n++] = (char)('0' + u % 10);
		u /= 10;
	} while (u != 0);
	if (v < 0)
		*p++ = '-';
	while (n > 0)
		*p++ = digits[--n];
	*p = '\0';
}

static void
score_row(struct agree *ag, struct chain_csv *r, const struct chain_row *row,
    const struct chain_register *c, const struct chain_verdict *v, void *arg)
{
	struct chain_map *groups = arg;
	const char *partner = ag->by_counterpart ?
	    chain_register_partner(row, c->counterpart) :
	    chain_field(row, c->owner);
	struct chain_period period = { CHAIN_DAY, 0 };
	char key[256];
	size_t n = strlen(partner);
	void **slot;
	int due;

	(void)r;
	note_found(ag, v);
	if (ag->per) {
		chain_date_parse(chain_field(row, c->due), &due);
		period = chain_period_of(ag->per_kind, due);
	}
	/* the key: the partner, a separator and the period's first day */
	if (n + 16 > sizeof(key)) {
		char *big = chain_malloc(n + 16);

		snprintf(big, n + 16, "%s\x1f%d", partner, period.start);
		slot = chain_map_slot(groups, big, NULL);
		free(big);
	} else {
		memcpy(key, partner, n);
		key[n] = '\x1f';
		format_int(key + n + 1, period.start);
		slot = chain_map_slot(groups, key, NULL);
	}
	if (*slot == NULL) {
		struct group *g = chain_calloc(1, sizeof(*g));

		g->partner = chain_strdup(partner);
		g->period = period;
		*slot = g;
	}
	chain_tally_add(&((struct group *)*slot)->tally, v);
}

static int
compare_groups(const void *a, const void *b)
{
	const struct group *x = *(const struct group *const *)a;
	const struct group *y = *(const struct group *const *)b;
	int c = strcmp(x->partner, y->partner);

	return c != 0 ? c : chain_period_cmp(x->period, y->period);
}

static struct group **
sorted_groups(struct chain_map *groups, size_t *n)
{
	const char **keys = chain_map_keys(groups, 0);
	struct group **list;
	size_t i;

	*n = chain_map_count(groups);
	list = chain_calloc(*n + 1, sizeof(*list));
	for (i = 0; i < *n; i++)
		list[i] = chain_map_get(groups, keys[i]);
	free(keys);
	qsort(list, *n, sizeof(*list), compare_groups);
	return list;
}

static void
run_score(struct agree *ag, int nfiles, char **files)
{
	struct chain_map *groups = chain_map_new();
	struct chain_out *w = chain_out_open(&ag->opts);
	struct group **list;
	size_t i, n;
	int s;

	each_agreement(ag, nfiles, files, NULL, score_row, groups);
	chain_out_header(w, chain_format_header(CHAIN_FORMAT_AGREE_SCORE));
	list = sorted_groups(groups, &n);
	for (i = 0; i < n; i++) {
		const struct group *g = list[i];

		chain_out_text(w, g->partner);
		if (ag->per)
			chain_out_period(w, g->period);
		else
			chain_out_empty(w);
		chain_out_int(w, g->tally.total);
		for (s = 0; s < CHAIN_NSTATES; s++)
			chain_out_int(w, g->tally.state[s]);
		chain_out_int(w, g->tally.surprises);
		chain_out_number(w, chain_tally_reliability(&g->tally));
		chain_out_number(w, chain_tally_predictability(&g->tally));
		chain_out_end(w);
	}
	free(list);
	chain_map_free(groups, free_group);
	if (ag->found)
		chain_raise_status(CHAIN_EXIT_FOUND);
	chain_out_close(w, chain_exit_status() <= CHAIN_EXIT_FOUND);
}

/*
 * matrix: agreements per ordered pair between partners (agreements with the
 * whole chain and cancelled ones left out), with the reverse direction.
 */
struct pair {
	char *owner, *counterpart;
	struct chain_tally tally;
};

static void
free_pair(void *p)
{
	struct pair *x = p;

	free(x->owner);
	free(x->counterpart);
	free(x);
}

static char *
pair_key(const char *a, const char *b)
{
	size_t na = strlen(a), nb = strlen(b);
	char *key = chain_malloc(na + nb + 2);

	memcpy(key, a, na);
	key[na] = '\x1f';
	memcpy(key + na + 1, b, nb + 1);
	return key;
}

static struct pair *
pair_slot(struct chain_map *pairs, const char *owner, const char *counterpart)
{
	char small[256], *key = small;
	size_t na = strlen(owner), nb = strlen(counterpart);
	void **slot;

	if (na + nb + 2 > sizeof(small))
		key = chain_malloc(na + nb + 2);
	memcpy(key, owner, na);
	key[na] = '\x1f';
	memcpy(key + na + 1, counterpart, nb + 1);
	slot = chain_map_slot(pairs, key, NULL);
	if (key != small)
		free(key);
	if (*slot == NULL) {
		struct pair *x = chain_calloc(1, sizeof(*x));

		x->owner = chain_strdup(owner);
		x->counterpart = chain_strdup(counterpart);
		*slot = x;
	}
	return *slot;
}

static void
matrix_row(struct agree *ag, struct chain_csv *r, const struct chain_row *row,
    const struct chain_register *c, const struct chain_verdict *v, void *arg)
{
	const char *owner = chain_field(row, c->owner);
	const char *counterpart = chain_register_partner(row, c->counterpart);

	(void)r;
	note_found(ag, v);
	if (strcmp(counterpart, "*") == 0 || v->state == CHAIN_CANCELLED)
		return;
	chain_tally_add(&pair_slot(arg, owner, counterpart)->tally, v);
}

static int
compare_pairs(const void *a, const void *b)
{
	const struct pair *x = *(const struct pair *const *)a;
	const struct pair *y = *(const struct pair *const *)b;
	int c = strcmp(x->owner, y->owner);

	return c != 0 ? c : strcmp(x->counterpart, y->counterpart);
}

static void
run_matrix(struct agree *ag, int nfiles, char **files)
{
	struct chain_map *pairs = chain_map_new();
	struct chain_out *w = chain_out_open(&ag->opts);
	const char **keys;
	struct pair **list;
	size_t i, n;

	each_agreement(ag, nfiles, files, NULL, matrix_row, pairs);
	/* every pair gets its reverse, so both directions are shown */
	keys = chain_map_keys(pairs, 0);
	n = chain_map_count(pairs);
	list = chain_calloc(n + 1, sizeof(*list));
	for (i = 0; i < n; i++)
		list[i] = chain_map_get(pairs, keys[i]);
	free(keys);
	for (i = 0; i < n; i++)
		pair_slot(pairs, list[i]->counterpart, list[i]->owner);
	free(list);
	keys = chain_map_keys(pairs, 0);
	n = chain_map_count(pairs);
	list = chain_calloc(n + 1, sizeof(*list));
	for (i = 0; i < n; i++)
		list[i] = chain_map_get(pairs, keys[i]);
	free(keys);
	qsort(list, n, sizeof(*list), compare_pairs);

	chain_out_header(w, chain_format_header(CHAIN_FORMAT_AGREE_MATRIX));
	for (i = 0; i < n; i++) {
		const struct pair *x = list[i];
		char *key = pair_key(x->counterpart, x->owner);
		const struct pair *back = chain_map_get(pairs, key);
		long there = x->tally.total, back_n = back->tally.total;

		free(key);
		chain_out_text(w, x->owner);
		chain_out_text(w, x->counterpart);
		chain_out_int(w, there);
		chain_out_number(w, chain_tally_reliability(&x->tally));
		chain_out_int(w, back_n);
		chain_out_number(w, (double)(there - back_n) /
		    (double)(there + back_n));
		chain_out_end(w);
	}
	free(list);
	chain_map_free(pairs, free_pair);
	if (ag->found)
		chain_raise_status(CHAIN_EXIT_FOUND);
	chain_out_close(w, chain_exit_status() <= CHAIN_EXIT_FOUND);
}

static void
run_check(struct agree *ag, int nfiles, char **files)
{
	chain_register_check(nfiles, files, ag->partners, &ag->opts);
}

/* add and set: a locked change to the register -f FILE. */
static void
run_add(struct agree *ag)
{
	char *id;

	if (ag->file == NULL || ag->change.owner == NULL ||
	    ag->change.dates.due == CHAIN_NO_DATE)
		chain_usage_error("add needs -f FILE, --owner P and --due D");
	if (*ag->change.owner == '\0')
		chain_usage_error("--owner: a partner code is required");
	if ((id = chain_record_add(ag->file, &ag->opts, &ag->change)) != NULL)
		printf("%s\n", id);
	free(id);
}

static void
run_set(struct agree *ag, int argc, char **argv)
{
	const struct chain_agreement *d = &ag->change.dates;

	if (ag->file == NULL || argc != 1)
		chain_usage_error("set needs -f FILE and one ID");
	if ((d->done != CHAIN_NO_DATE) + (d->announced != CHAIN_NO_DATE) +
	    (d->cancelled != CHAIN_NO_DATE) != 1)
		chain_usage_error("set needs one of --done, --announce, --cancel");
	if ((d->new_due != CHAIN_NO_DATE || ag->change.plan != NULL) &&
	    d->announced == CHAIN_NO_DATE)
		chain_usage_error("--new-due and --plan go with --announce");
	chain_record_set(ag->file, &ag->opts, argv[0], &ag->change);
}

int
main(int argc, char *argv[])
{
	static const struct chain_agreement no_dates = { CHAIN_NO_DATE,
		CHAIN_NO_DATE, CHAIN_NO_DATE, CHAIN_NO_DATE, CHAIN_NO_DATE,
		CHAIN_NO_DATE };
	struct agree ag;
	const char *command;
	int c;

	chain_setprogname(argv[0]);
	memset(&ag, 0, sizeof(ag));
	chain_opts_init(&ag.opts);
	ag.change.dates = no_dates;
	ag.window = 7;
	while ((c = getopt_long(argc, argv, CHAIN_SHORTOPTS "f:", longopts,
	    NULL)) != -1) {
		if (c == 'h')
			usage(CHAIN_EXIT_OK);
		if (c == '?')
			chain_usage_error("unknown or incomplete option");
		if (!chain_opts_common(&ag.opts, c, optarg))
			program_option(&ag, c, optarg);
	}
	if (optind >= argc)
		usage(CHAIN_EXIT_USAGE);
	command = argv[optind++];
	if (strcmp(command, "status") != 0 && strcmp(command, "list") != 0 &&
	    strcmp(command, "score") != 0 && strcmp(command, "matrix") != 0 &&
	    strcmp(command, "check") != 0 && strcmp(command, "add") != 0 &&
	    strcmp(command, "set") != 0)
		chain_usage_error("unknown command '%s'", command);
	chain_option_check(option_commands, NOPTIONS, ag.given, command);
	argc -= optind;
	argv += optind;
	if (strcmp(command, "status") == 0)
		run_status(&ag, argc, argv, 0);
	else if (strcmp(command, "list") == 0)
		run_status(&ag, argc, argv, 1);
	else if (strcmp(command, "score") == 0)
		run_score(&ag, argc, argv);
	else if (strcmp(command, "matrix") == 0)
		run_matrix(&ag, argc, argv);
	else if (strcmp(command, "check") == 0)
		run_check(&ag, argc, argv);
	else if (strcmp(command, "add") == 0) {
		if (argc > 0)
			chain_usage_error("add takes no file operands; use -f FILE");
		run_add(&ag);
	} else
		run_set(&ag, argc, argv);
	if (fflush(stdout) != 0 || ferror(stdout))
		chain_err(CHAIN_EXIT_IO, "standard output: write error");
	return chain_exit_status();
}
