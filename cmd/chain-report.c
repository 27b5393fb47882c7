/*
 * chain-report: the weekly PDCA report of a chain.  Reads any mix of the
 * outputs of chain-agree, chain-kpi and chain-survey (each recognised by its
 * header), and writes one report, hard and soft side by side: at a glance,
 * Plan, Do, Check and Act, as HTML, Markdown or plain text.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chain.h"

enum {
	OPT_CHAIN = CHAIN_OPT_PROGRAM, OPT_WEEK, OPT_FORMAT, OPT_LANG,
	OPT_ACTIONS, OPT_FAIL_ON, OPT_HISTORY, OPT_TOP
};

static const struct option longopts[] = {
	CHAIN_LONGOPTS,
	{ "chain", required_argument, NULL, OPT_CHAIN },
	{ "week", required_argument, NULL, OPT_WEEK },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "lang", required_argument, NULL, OPT_LANG },
	{ "actions", required_argument, NULL, OPT_ACTIONS },
	{ "fail-on", required_argument, NULL, OPT_FAIL_ON },
	{ "history", required_argument, NULL, OPT_HISTORY },
	{ "top", required_argument, NULL, OPT_TOP },
	{ NULL, 0, NULL, 0 }
};

struct options {
	struct chain_opts opts;
	const char *chain, *week, *actions, *fail_on, *history;
	enum chain_report_format format;
	enum chain_lang lang;
	long top;
};

static void
usage(int status)
{
	if (status != CHAIN_EXIT_OK)
		chain_usage_error("unknown or incomplete option");
	fputs(_("usage: chain-report [--chain NAME] [--week YYYY-Www | --as-of DATE]\n"
	    "                    [--format html|md|txt] [--lang en|nl] [-o FILE]\n"
	    "                    [--actions FILE] [--history FILE] [--top N]\n"
	    "                    [--fail-on KIND[,KIND..]] [FILE...]\n"), stdout);
	putchar('\n');
	fputs(_("Reads every CSV the toolkit writes (chain-agree status|score|matrix,\n"
	    "chain-kpi check|summary|leadtime|handoffs, chain-survey score|matrix|\n"
	    "compare|alpha, earlier --actions and --history files, a plan or\n"
	    "partner list), each recognised by its header, and writes the weekly\n"
	    "PDCA report: at a glance, Plan, Do, Check, Act.\n"), stdout);
	putchar('\n');
	printf(_("Options:\n"
	    "  --chain NAME        the chain's name, in the title\n"
	    "  --week YYYY-Www     the week the report covers\n"
	    "  --as-of DATE        the week of DATE (default today)\n"
	    "  --format F          html (default), md or txt\n"
	    "  --lang L            en (default) or nl\n"
	    "  --actions FILE      also write the Act list as CSV to FILE\n"
	    "  --history FILE      the weeks' figures, read and updated in place\n"
	    "  --top N             show the first N Act points (default %d);\n"
	    "                      --actions has them all\n"), CHAIN_REPORT_TOP);
	fputs(_("  --fail-on KINDS     exit 1 when the Act list has an item of a kind:\n"
	    "                      concern, recalculate, assurance, overdue,\n"
	    "                      surprise, reason, trust, gap, balance,\n"
	    "                      signature, attendance, or any\n"
	    "  -o, --output FILE   write the report to FILE\n"
	    "  -d, --delimiter C   input delimiter (default: detected)\n"
	    "  --excel             the --actions CSV for Dutch Excel\n"
	    "  --allow-ragged      pad short rows instead of rejecting them\n"
	    "  --column NAME=HEADER  read column NAME from the column HEADER\n"
	    "  --encoding NAME     input encoding (default: UTF-8, UTF-16 by its\n"
	    "                      byte-order mark, else Windows-1252)\n"
	    "  -q, --quiet         no warnings\n"
	    "  -h, --help          this help;  -V, --version  the version\n"),
	    stdout);
	putchar('\n');
	chain_help_exit_status();
	exit(CHAIN_EXIT_OK);
}

static void
program_option(void *program, int c, const char *arg)
{
	struct options *o = program;

	switch (c) {
	case OPT_CHAIN:
		o->chain = arg;
		break;
	case OPT_WEEK:
		o->week = arg;
		break;
	case OPT_FORMAT:
		if (strcmp(arg, "html") == 0)
			o->format = CHAIN_REPORT_HTML;
		else if (strcmp(arg, "md") == 0)
			o->format = CHAIN_REPORT_MD;
		else if (strcmp(arg, "txt") == 0)
			o->format = CHAIN_REPORT_TXT;
		else
			chain_usage_error("--format: '%s' is not html, md or "
			    "txt", arg);
		break;
	case OPT_LANG:
		o->lang = chain_lang_parse(arg);
		break;
	case OPT_ACTIONS:
		o->actions = arg;
		break;
	case OPT_HISTORY:
		o->history = arg;
		break;
	case OPT_TOP:
		o->top = chain_parse_count("--top", arg, 1, 1000000);
		break;
	case OPT_FAIL_ON:
		chain_action_kinds_check("--fail-on", arg);
		o->fail_on = arg;
		break;
	default:
		chain_usage_error("unknown or incomplete option");
	}
}

static void
check_options(void *program, const char *command)
{
	const struct options *o = program;

	(void)command;
	if (o->week != NULL && o->opts.as_of_given)
		chain_usage_error("--week and --as-of choose the week both; give "
		    "one");
}

/* --week YYYY-Www: the report is as of the last day of that week. */
static int
report_date(const struct options *o)
{
	struct chain_period p;

	if (o->week == NULL)
		return o->opts.as_of;
	if (chain_period_parse(o->week, &p) != 0 || p.kind != CHAIN_WEEK)
		chain_usage_error("--week: '%s' is not an ISO week (YYYY-Www)",
		    o->week);
	return chain_period_end(p);
}

static void
read_input(struct chain_csv *in, void *r)
{
	chain_report_read(r, in);
}

static void
run_report(void *program, int argc, char **argv)
{
	const struct options *o = program;
	struct chain_report *r;

	r = chain_report_new(report_date(o), o->chain, o->lang);
	chain_report_begin(r, &o->opts, o->history);
	chain_csv_each(argc, argv, &o->opts, read_input, r);
	if (chain_exit_status() < CHAIN_EXIT_DATA) {
		chain_report_finish(r);
		chain_report_act(r);
		chain_report_set_top(r, (size_t)o->top);
		if (chain_report_failing(r, o->fail_on))
			chain_raise_status(CHAIN_EXIT_FOUND);
		chain_report_write(r, &o->opts, o->format, o->actions);
	}
	chain_report_drop_history(r);
	chain_report_free(r);
}

static const struct chain_command report[] = { { "report", run_report } };

int
main(int argc, char *argv[])
{
	struct options o;
	struct chain_program p = { NULL, longopts, &o.opts, usage,
	    program_option, check_options, report, 1, 1, &o };

	memset(&o, 0, sizeof(o));
	o.top = CHAIN_REPORT_TOP;
	chain_opts_init(&o.opts);
	return chain_run(&p, argc, argv);
}
