/*
 * report_write.c: the report's outputs, the report itself (-o or standard
 * output) and the Act list as CSV (--actions), written both or neither: each
 * goes to a temporary file first, and neither replaces its file unless the
 * run succeeded and both were written whole.  A run that fails (bad input,
 * a full disk, an Act list that cannot be created) leaves last week's files
 * as they were.
 */
#include <stdio.h>
#include <stdlib.h>

#include "report_priv.h"

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
chain_report_write(const struct chain_report *r, const struct chain_opts *o,
    enum chain_report_format f, const char *actions)
{
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
	chain_out_close(w, ok);
}
