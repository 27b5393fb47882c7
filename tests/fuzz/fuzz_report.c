/*
 * fuzz_report: chain-report, through the library, in every format and
 * language, on any input.  Each configuration is one command line, FILE
 * the input.
 */
#include <stddef.h>
#include <stdlib.h>

#include "input.h"

enum format { FORMAT_HTML, FORMAT_MD, FORMAT_TXT };

struct config {
	const char *as_of;		/* NULL: today */
	const char *week;		/* --week, instead of --as-of */
	enum format format;
	enum chain_lang lang;
	const char *fail_on;		/* --fail-on KINDS */
	const char *actions;		/* --actions FILE */
	int excel;
	const char *chain;		/* --chain NAME */
};

static const struct config configs[] = {
	/* --as-of 2026-11-20 FILE */
	{ .as_of = "2026-11-20" },
	/* --format md --lang nl FILE */
	{ .format = FORMAT_MD, .lang = CHAIN_NL },
	/* --format txt --week 2020-W53 --fail-on any FILE */
	{ .format = FORMAT_TXT, .week = "2020-W53", .fail_on = "any" },
	/* --actions /dev/null --excel --chain '<b>&' FILE */
	{ .actions = "/dev/null", .excel = 1, .chain = "<b>&" },
};

/* --week YYYY-Www: the report is as of the last day of that week. */
static int
report_date(const struct config *c, const struct chain_opts *o)
{
	struct chain_period p;

	if (c->week == NULL)
		return o->as_of;
	if (chain_period_parse(c->week, &p) != 0 || p.kind != CHAIN_WEEK)
		abort();
	return chain_period_end(p);
}

static void
read_input(struct chain_csv *in, void *r)
{
	chain_report_read(r, in);
}

static void
write_actions(const struct chain_report *r, const struct config *c,
    const struct chain_opts *o)
{
	struct chain_opts csv = *o;
	struct chain_out *w;

	csv.output = c->actions;
	w = chain_out_open(&csv);
	chain_report_actions_csv(r, w);
	chain_out_close(w, 1);
}

static void
render(struct chain_report *r, const struct config *c,
    const struct chain_opts *o)
{
	struct chain_opts plain = *o;
	struct chain_out *w;

	chain_report_finish(r);
	chain_report_act(r);
	plain.excel = 0;
	w = chain_out_open(&plain);
	if (c->format == FORMAT_HTML)
		chain_render_html(r, chain_out_file(w));
	else
		chain_render_text(r, chain_out_file(w), c->format == FORMAT_MD);
	if (c->actions != NULL)
		write_actions(r, c, o);
	if (chain_report_failing(r, c->fail_on))
		chain_raise_status(CHAIN_EXIT_FOUND);
	chain_out_close(w, chain_exit_status() <= CHAIN_EXIT_FOUND);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	input_init("chain-report");
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct config *c;
	struct chain_report *r;
	struct chain_opts o;
	int n;

	if ((n = input_config(data, size, sizeof(configs) /
	    sizeof(configs[0]))) < 0)
		return 0;
	c = &configs[n];
	chain_opts_init(&o);
	if (c->as_of != NULL)
		o.as_of = input_date(c->as_of);
	o.excel = c->excel;
	r = chain_report_new(report_date(c, &o), c->chain, c->lang);
	chain_csv_each(1, input_files, &o, read_input, r);
	if (chain_exit_status() < CHAIN_EXIT_DATA)
		render(r, c, &o);
	chain_report_free(r);
	input_done();
	return 0;
}
