/*
 * report_write.c: the report's outputs, the report itself (-o or standard
 * output) and the Act list as CSV (--actions), written both or neither: each
 * goes to a temporary file first, and neither replaces its file unless the
 * run succeeded and both were written whole.  A run that fails (bad input,
 * a full disk, an Act list that cannot be created) leaves last week's files
 * as they were.  The --history file is locked (flock) from the start of
 * the run, read, and replaced with this week's row put in after both were
 * written: a rerun of a week replaces that week's row.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "report_priv.h"

#define HISTORY_WAIT 30.0	/* seconds to wait for another run's lock */

static void
read_history(struct chain_csv *in, void *r)
{
	chain_report_read(r, in);
}

/*
 * Before the inputs are read: the options that apply to the report, and
 * the --history file locked and read (created, empty, when it is new).
 */
void
chain_report_begin(struct chain_report *r, const struct chain_opts *o,
    const char *history)
{
	struct chain_replace *x;
	struct chain_opts own = *o;
	char *argv[1];

	r->quiet = o->quiet;
	if (history == NULL)
		return;
	r->has_history = 1;
	x = chain_calloc(1, sizeof(*x));
	if (chain_replace_begin(x, history, 1, HISTORY_WAIT) != 0) {
		free(x);
		return;
	}
	r->history_out = x;
	if (x->size == 0)
		return;
	argv[0] = (char *)history;
	own.encoding = NULL;	/* the report's own file: UTF-8, as it wrote it */
	chain_csv_each(1, argv, &own, read_history, r);
}

static long
count_kpis(const struct chain_report *r, int met)
{
	long n = 0;
	size_t i;

	for (i = 0; i < r->nkpis; i++)
		if (r->kpis[i].met >= 0)
			n += met ? r->kpis[i].met : 1;
	return n;
}

static long
count_overdue(const struct chain_report *r)
{
	long n = 0;
	size_t i;

	for (i = 0; i < r->ndeals; i++)
		n += r->deals[i].state == CHAIN_OVERDUE;
	return n;
}

static void
history_row(struct chain_out *w, const struct chain_history_row *h)
{
	chain_out_period(w, chain_period_of(CHAIN_WEEK, h->week));
	chain_out_number(w, h->hard);
	chain_out_number(w, h->soft);
	chain_out_number(w, h->reliability);
	chain_out_number(w, h->trust_index);
	chain_out_int(w, h->kpis);
	chain_out_int(w, h->kpis_met);
	chain_out_int(w, h->overdue);
	chain_out_int(w, h->actions);
	chain_out_end(w);
}

static double
rounded(double v)
{
	return isnan(v) ? v : round(v * 100) / 100;
}

/* The history with this week's row in its place, weeks in order. */
static int
write_history(const struct chain_report *r, struct chain_replace *x)
{
	struct chain_out *w = chain_out_stream(x->tmp, ',', 0, 0);
	struct chain_history_row now;
	size_t i;
	int put = 0;

	now.week = r->week_start;
	now.hard = rounded(r->hard);
	now.soft = rounded(r->soft);
	now.reliability = r->reliability;
	now.trust_index = rounded(r->trust_index);
	now.kpis = count_kpis(r, 0);
	now.kpis_met = count_kpis(r, 1);
	now.overdue = count_overdue(r);
	now.actions = (long)r->nactions;
	chain_out_header(w, chain_format_header(CHAIN_FORMAT_HISTORY));
	for (i = 0; i < r->nhistory; i++) {
		if (!put && r->history[i].week >= now.week) {
			history_row(w, &now);
			put = 1;
		}
		if (r->history[i].week != now.week)
			history_row(w, &r->history[i]);
	}
	if (!put)
		history_row(w, &now);
	chain_out_free(w);
	return chain_replace_commit(x);
}

/* The report's output while the Act list's is opened, which may exit. */
static struct chain_out *pending;

static void
drop_pending(void)
{
	if (pending != NULL)
		chain_out_close(pending, 0);
	pending = NULL;
}

/* Whether everything written to w so far has reached its file. */
static int
written(struct chain_out *w)
{
	FILE *fp = chain_out_file(w);

	return fflush(fp) == 0 && !ferror(fp);
}

static void
render(const struct chain_report *r, FILE *fp, enum chain_report_format f)
{
	if (f == CHAIN_REPORT_HTML)
		chain_render_html(r, fp);
	else
		chain_render_text(r, fp, f == CHAIN_REPORT_MD);
}

/*
 * Writes the report in format f to o->output (standard output when NULL)
 * and, with actions, the Act list to that file; --excel applies to the Act
 * list only.  The status of the run so far decides, with the writing, what
 * is kept.
 */
void
chain_report_write(struct chain_report *r, const struct chain_opts *o,
    enum chain_report_format f, const char *actions)
{
	struct chain_replace *history = r->history_out;
	static int registered;
	struct chain_opts plain = *o, csv = *o;
	struct chain_out *w, *list = NULL;
	int ok;

	plain.excel = 0;
	w = chain_out_open(&plain);
	if (actions != NULL) {
		if (!registered && atexit(drop_pending) == 0)
			registered = 1;
		csv.output = actions;
		pending = w;
		list = chain_out_open(&csv);
		pending = NULL;
		chain_report_actions_csv(r, list);
	}
	render(r, chain_out_file(w), f);
	ok = chain_exit_status() <= CHAIN_EXIT_FOUND && written(w) &&
	    (list == NULL || written(list));
	if (list != NULL && chain_out_close(list, ok) != 0)
		ok = 0;
	if (history != NULL && ok && write_history(r, history) != 0)
		ok = 0;
	else if (history != NULL && !ok)
		chain_replace_abort(history);
	free(history);
	r->history_out = NULL;
	chain_out_close(w, ok);
}

/* A run that ends before writing leaves the history as it was. */
void
chain_report_drop_history(struct chain_report *r)
{
	if (r->history_out == NULL)
		return;
	chain_replace_abort(r->history_out);
	free(r->history_out);
	r->history_out = NULL;
}
