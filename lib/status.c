/*
 * status.c: the register as of a date.  Every agreement of every input is
 * judged (agree.c); the ones a command looks at are those the filter of
 * list lets through (states, an owner, a counterpart where empty or '*' is
 * the whole chain), and each of those is held against the --fail-on
 * conditions (states, or being a surprise), which make the run end in
 * status 1.  A status row is the input row with the judged columns of
 * chain(5) after it; the columns are those of the first input, and a row
 * written as the output will be is copied byte for byte.  How many times
 * a row's deviation was announced (renegotiations) comes from the
 * register's journal when it has one; without it (standard input, a
 * register never written by add or set) from the input's own column, as
 * an earlier status passes it on, else it is 1 for a row announced once.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chain_priv.h"

void
chain_judge_opts_init(struct chain_judge_opts *j)
{
	memset(j, 0, sizeof(*j));
	j->window = CHAIN_DUE_SOON_DAYS;
}

/*
 * The states of a comma-separated list, marked in state[]; "surprise" too
 * when surprise is not NULL.  On an unknown word returns -1 with *bad and
 * *len the word.
 */
static int
states(const char *list, int state[CHAIN_NSTATES], int *surprise,
    const char **bad, size_t *len)
{
	const char *p = list;
	enum chain_state s;
	int rc = 0;

	while (rc == 0 && chain_words_next(&p, bad, len)) {
		char *word = chain_strndup(*bad, *len);

		if (surprise != NULL && (chain_strcasecmp(word, "surprise") == 0 ||
		    chain_strcasecmp(word, "surprises") == 0))
			*surprise = 1;
		else if (chain_state_parse(word, &s) == 0)
			state[s] = 1;
		else
			rc = -1;
		free(word);
	}
	return rc;
}

/* --state: the states that list shows. */
int
chain_judge_states(struct chain_judge_opts *j, const char *list,
    const char **bad, size_t *len)
{
	j->only_states = 1;
	return states(list, j->state, NULL, bad, len);
}

/* --fail-on: states, or 'surprise' for any surprise. */
int
chain_judge_fail_on(struct chain_judge_opts *j, const char *list,
    const char **bad, size_t *len)
{
	return states(list, j->fail_state, &j->fail_surprise, bad, len);
}

static int
listed(const struct chain_judge_opts *o, const struct chain_judged *j)
{
	const struct chain_register *c = j->columns;

	if (o->only_states && !o->state[j->v.state])
		return 0;
	if (o->owner != NULL && strcmp(chain_field(j->row, c->owner),
	    o->owner) != 0)
		return 0;
	if (o->counterpart != NULL &&
	    strcmp(chain_register_partner(j->row, c->counterpart),
	    strcmp(o->counterpart, "") == 0 ? "*" : o->counterpart) != 0)
		return 0;
	return 1;
}

struct judge_loop {
	const struct chain_opts *opts;
	struct chain_judge_opts *judge;
	chain_judge_begin_fn *begin;
	const char *path;		/* the input's; NULL: standard input */
	chain_judged_fn *fn;
	void *ctx;
	struct chain_map *owners, *counterparts;	/* those the rows have */
};

/* The partners of the rows, when --owner or --counterpart names one. */
static void
note_partners(struct judge_loop *l, const struct chain_judged *j)
{
	if (l->owners != NULL)
		*chain_map_slot(l->owners, chain_field(j->row,
		    j->columns->owner), NULL) = l;
	if (l->counterparts != NULL)
		*chain_map_slot(l->counterparts, chain_register_partner(j->row,
		    j->columns->counterpart), NULL) = l;
}

/*
 * A partner no agreement has is a wrong question, not an empty list: an
 * error (exit 3) that names the partners the register does have.
 */
static void
check_partner(const char *option, const char *code, struct chain_map *seen)
{
	const char **keys;
	char *list;

	if (seen == NULL || chain_map_get(seen, code) != NULL ||
	    chain_map_count(seen) == 0)
		return;
	keys = chain_map_keys(seen, 1);
	list = chain_join(keys, chain_map_count(seen), ", ");
	chain_warnx("%s: no agreement has '%s' (the register has %s)", option,
	    code, list);
	chain_raise_status(CHAIN_EXIT_DATA);
	free(keys);
	free(list);
}

static void
judge_file(struct chain_csv *r, void *arg)
{
	struct judge_loop *l = arg;
	struct chain_judge_opts *o = l->judge;
	struct chain_register c;
	struct chain_judged j;

	if (chain_register_columns(r, &c) != 0)
		return;
	if (l->begin != NULL)
		l->begin(r, l->path, l->ctx);
	j.columns = &c;
	while ((j.row = chain_csv_read(r)) != NULL) {
		if (chain_register_row(r, j.row, &c, &j.a) != 0)
			continue;
		chain_agreement_judge(&j.a, l->opts->as_of, o->window, &j.v);
		j.as_of = l->opts->as_of;
		note_partners(l, &j);
		if (!listed(o, &j))
			continue;
		if (o->fail_state[j.v.state] || (o->fail_surprise &&
		    j.v.surprise))
			o->found = 1;
		l->fn(r, &j, l->ctx);
	}
}

static void
judge_path(const char *path, void *arg)
{
	struct judge_loop *l = arg;
	struct chain_csv *r = chain_csv_open(path, l->opts);

	if (r == NULL)
		return;
	l->path = strcmp(path, "-") == 0 ? NULL : path;
	judge_file(r, l);
	chain_csv_close(r);
}

/*
 * Every agreement of every input, judged as of --as-of and filtered; begin
 * gets each input whose register columns are there (with its path, NULL
 * for standard input), fn each agreement.  A row with a bad value is
 * reported and left out.  An agreement that meets a --fail-on condition
 * makes the status 1.
 */
void
chain_judge_each(int argc, char **argv, const struct chain_opts *o,
    struct chain_judge_opts *j, chain_judge_begin_fn *begin,
    chain_judged_fn *fn, void *ctx)
{
	struct judge_loop l;

	l.opts = o;
	l.judge = j;
	l.begin = begin;
	l.fn = fn;
	l.ctx = ctx;
	l.owners = j->owner != NULL ? chain_map_new() : NULL;
	l.counterparts = j->counterpart != NULL ? chain_map_new() : NULL;
	chain_inputs(argc, argv, judge_path, &l);
	check_partner("--owner", j->owner != NULL ? j->owner : "", l.owners);
	check_partner("--counterpart", j->counterpart == NULL ||
	    *j->counterpart == '\0' ? "*" : j->counterpart, l.counterparts);
	chain_map_free(l.owners, NULL);
	chain_map_free(l.counterparts, NULL);
	if (j->found)
		chain_raise_status(CHAIN_EXIT_FOUND);
}

struct chain_status {
	struct chain_out *w;
	const struct chain_opts *opts;
	struct chain_map *announcements;	/* the input's journal, or NULL */
	int excel;
	char **names;		/* the output columns */
	size_t n, njudged;
	int *source;		/* input column of each output column, or -1 */
	int *judged;		/* judged column of each output column, or -1 */
	int started;
	int verbatim;		/* rows can be copied as the input wrote them */
};

struct chain_status *
chain_status_new(struct chain_out *w, const struct chain_opts *o)
{
	struct chain_status *s = chain_calloc(1, sizeof(*s));

	s->w = w;
	s->opts = o;
	s->excel = o->excel;
	return s;
}

void
chain_status_free(struct chain_status *s)
{
	size_t i;

	chain_journal_counts_free(s->announcements);
	for (i = 0; i < s->n; i++)
		free(s->names[i]);
	free(s->names);
	free(s->source);
	free(s->judged);
	free(s);
}

/*
 * The output columns: those of the first input, then each judged column
 * it does not have already; the header is written.
 */
static void
start(struct chain_status *s, struct chain_csv *r)
{
	const char *judged = chain_format_header(CHAIN_FORMAT_STATUS);
	const char *p = judged, *word;
	size_t i, len, max;

	while (chain_words_next(&p, &word, &len))
		s->njudged++;
	s->n = chain_csv_ncolumns(r);
	max = s->n + s->njudged;
	s->names = chain_calloc(max, sizeof(*s->names));
	s->judged = chain_calloc(max, sizeof(*s->judged));
	s->source = chain_calloc(max, sizeof(*s->source));
	for (i = 0; i < max; i++)
		s->judged[i] = -1;
	/* a register column by its name in chain(5), whatever the header */
	for (i = 0; i < s->n; i++)
		s->names[i] = chain_strdup(chain_csv_column_as(r, i,
		    CHAIN_FORMAT_REGISTER));
	for (p = judged, i = 0; chain_words_next(&p, &word, &len); i++) {
		char *name = chain_strndup(word, len);
		int at = chain_csv_column(r, name);

		if (at < 0) {
			at = (int)s->n;
			s->names[s->n++] = name;
		} else
			free(name);
		s->judged[at] = (int)i;
	}
	for (i = 0; i < s->n; i++)
		chain_out_text(s->w, s->names[i]);
	chain_out_end(s->w);
}

/*
 * The columns of the next input, matched by name to the output's, and the
 * announcements its journal counts.
 */
void
chain_status_begin(struct chain_csv *r, const char *path, void *status)
{
	struct chain_status *s = status;
	size_t i, j, ncolumns = chain_csv_ncolumns(r);

	chain_journal_counts_free(s->announcements);
	s->announcements = path != NULL ?
	    chain_journal_announcements(path, s->opts) : NULL;
	chain_csv_keep_raw(r);
	chain_out_source(s->w, chain_csv_decimal_comma(r));
	if (!s->started) {
		s->started = 1;
		start(s, r);
	}
	for (i = 0; i < s->n; i++)
		s->source[i] = chain_csv_column(r, s->names[i]);
	/*
	 * When the input is written as the output will be and its columns come
	 * first in the same order, each row is copied byte for byte.
	 */
	s->verbatim = !s->excel && chain_csv_delimiter(r) == ',' &&
	    ncolumns + s->njudged == s->n;
	for (i = 0; i < ncolumns && s->verbatim; i++)
		s->verbatim = s->source[i] == (int)i;
	for (i = 0; i < ncolumns; i++) {
		const char *name = chain_csv_column_name(r, i);

		for (j = 0; j < s->n; j++)
			if (s->source[j] == (int)i ||
			    chain_strcasecmp(name, s->names[j]) == 0)
				break;
		if (j == s->n)
			chain_csv_warning(r, chain_csv_header_line(r), name,
			    "column not in the first input; left out");
	}
}

/*
 * How many announcements a row has had by the date it is judged as of:
 * none before the first; then as the journal counts them, or the input's
 * own column says (an earlier status), else one.
 */
static long
renegotiations(struct chain_status *s, struct chain_csv *r,
    const struct chain_judged *j)
{
	const char *id = chain_field(j->row, j->columns->id);
	int col = j->columns->renegotiations;
	const char *given = chain_field(j->row, col);
	char *end;
	long n;

	if (j->a.announced == CHAIN_NO_DATE || j->a.announced > j->as_of)
		return 0;
	if (s->announcements != NULL) {
		n = chain_journal_count(s->announcements, id);
		return n > 1 ? n : 1;
	}
	given += strspn(given, " \t");
	if (*given == '\0')
		return 1;
	n = strtol(given, &end, 10);
	end += strspn(end, " \t");
	if (*end != '\0' || n < 1 || n > 1000000) {
		chain_csv_error(r, j->row->line, chain_csv_column_name(r,
		    (size_t)col), "'%s' is not a count of announcements "
		    "(1 or more)", chain_field(j->row, col));
		return 1;
	}
	return n;
}

/* The judged columns, in the order of CHAIN_FORMAT_STATUS's. */
static void
write_judged(struct chain_status *s, struct chain_csv *r, int k,
    const struct chain_judged *j)
{
	struct chain_out *w = s->w;
	const struct chain_verdict *v = &j->v;

	switch (k) {
	case 0:
		chain_out_text(w, chain_state_names[v->state]);
		break;
	case 1:
		chain_out_date(w, v->effective_due);
		break;
	case 2:
		chain_out_int(w, v->days_late);
		break;
	case 3:
		chain_out_int(w, v->surprise);
		break;
	case 4:
		chain_out_date(w, j->as_of);
		break;
	default:
		chain_out_int(w, renegotiations(s, r, j));
		break;
	}
}

void
chain_status_row(struct chain_csv *r, const struct chain_judged *j,
    void *status)
{
	struct chain_status *s = status;
	const struct chain_row *row = j->row;
	size_t i = 0;

	if (s->verbatim && row->raw != NULL &&
	    row->nfields == s->n - s->njudged) {
		chain_out_raw(s->w, row->raw, row->rawlen, row->nfields);
		i = row->nfields;
	}
	for (; i < s->n; i++) {
		if (s->judged[i] >= 0)
			write_judged(s, r, s->judged[i], j);
		else
			chain_out_fieldn(s->w, chain_field(row, s->source[i]),
			    chain_field_len(row, s->source[i]));
	}
	chain_out_end(s->w);
}
