/*
 * chain-kpi: the hard results of a chain.  Checks the chain plan's KPIs on
 * XmR control charts (real change or noise, and will the target be met),
 * and measures lead times and handoffs from case event logs, as measurement
 * rows that pipe straight back into the check.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chain.h"

enum {
	OPT_PLAN = CHAIN_OPT_PROGRAM, OPT_BASELINE, OPT_RECALC, OPT_CHANGES,
	OPT_SCREEN,
	OPT_FAIL_ON, OPT_FROM, OPT_TO, OPT_UNIT, OPT_NORM, OPT_PER, OPT_KPI,
	OPT_CASE, OPT_STEP, OPT_TIME, OPT_PARTNER, OPT_HOLIDAYS
};

static const struct option longopts[] = {
	CHAIN_LONGOPTS,
	{ "plan", required_argument, NULL, OPT_PLAN },
	{ "baseline", required_argument, NULL, OPT_BASELINE },
	{ "recalc", required_argument, NULL, OPT_RECALC },
	{ "changes", required_argument, NULL, OPT_CHANGES },
	{ "screen", no_argument, NULL, OPT_SCREEN },
	{ "fail-on", required_argument, NULL, OPT_FAIL_ON },
	{ "from", required_argument, NULL, OPT_FROM },
	{ "to", required_argument, NULL, OPT_TO },
	{ "unit", required_argument, NULL, OPT_UNIT },
	{ "holidays", required_argument, NULL, OPT_HOLIDAYS },
	{ "norm", required_argument, NULL, OPT_NORM },
	{ "per", required_argument, NULL, OPT_PER },
	{ "kpi", required_argument, NULL, OPT_KPI },
	{ "case", required_argument, NULL, OPT_CASE },
	{ "step", required_argument, NULL, OPT_STEP },
	{ "time", required_argument, NULL, OPT_TIME },
	{ "partner", required_argument, NULL, OPT_PARTNER },
	{ NULL, 0, NULL, 0 }
};

/* Which commands each of the program's own options goes with. */
static const struct chain_option_use option_commands[] = {
	{ OPT_PLAN, "--plan", "check,summary" },
	{ OPT_BASELINE, "--baseline", "check,summary" },
	{ OPT_RECALC, "--recalc", "check,summary" },
	{ OPT_CHANGES, "--changes", "check,summary" },
	{ OPT_SCREEN, "--screen", "check,summary" },
	{ OPT_FAIL_ON, "--fail-on", "check,summary" },
	{ OPT_FROM, "--from", "leadtime,handoffs" },
	{ OPT_TO, "--to", "leadtime,handoffs" },
	{ OPT_UNIT, "--unit", "leadtime,handoffs" },
	{ OPT_HOLIDAYS, "--holidays", "leadtime,handoffs" },
	{ OPT_NORM, "--norm", "leadtime" },
	{ OPT_PER, "--per", "leadtime" },
	{ OPT_KPI, "--kpi", "leadtime" },
	{ OPT_CASE, "--case", "leadtime,handoffs" },
	{ OPT_STEP, "--step", "leadtime,handoffs" },
	{ OPT_TIME, "--time", "leadtime,handoffs" },
	{ OPT_PARTNER, "--partner", "leadtime,handoffs" },
};

#define NOPTIONS (sizeof(option_commands) / sizeof(option_commands[0]))

struct kpi {
	struct chain_opts opts;
	const char *plan;
	struct chain_check_opts check;
	int fail_on_concern;
	struct chain_leadtime_opts lo;
	const char *norm;
	uint64_t given;
};

static void
usage(int status)
{
	if (status != CHAIN_EXIT_OK)
		chain_usage_error("a command is required");
	fputs(_("usage: chain-kpi [options] check|summary [--plan FILE] [FILE...]\n"
	    "       chain-kpi [options] leadtime|handoffs [FILE...]\n"), stdout);
	putchar('\n');
	fputs(_("Commands:\n"
	    "  check     per KPI and period: value, target, XmR limits, signal, rule\n"
	    "  summary   per KPI its latest period: change, variation, assurance\n"
	    "  leadtime  per case of an event log: lead time, events, partners,\n"
	    "            handoffs; with --per, measurement rows per period\n"
	    "  handoffs  per ordered pair of partners: handoffs and waits\n"),
	    stdout);
	putchar('\n');
	printf(_("Options of check and summary (FILE: measurements kpi,period,value):\n"
	    "  --plan FILE         the chain plan: direction, target, combine\n"
	    "  --baseline N        limits from the first N points (N >= %d)\n"
	    "  --changes FILE      process changes (kpi,period,note): new limits\n"
	    "                      for that KPI (every KPI: kpi empty or *)\n"
	    "  --recalc P[,P..]    new limits for every KPI from period P\n"
	    "  --screen            leave out moving ranges above %s x mean\n"
	    "  --fail-on concern   exit 1 when a latest point is a concern\n"
	    "                      (summary: or its assurance is fail)\n"),
	    CHAIN_BASELINE_MIN, CHAIN_STRING(CHAIN_SCREEN_FACTOR));
	fputs(_("Options of leadtime and handoffs (FILE: events case,step,time):\n"
	    "  --from STEP, --to STEP   measure from STEP to the first later TO\n"
	    "  --unit UNIT         of durations: days (default), hours or\n"
	    "                      workdays (Monday to Friday, no holidays)\n"
	    "  --holidays FILE     days off besides the general holidays\n"
	    "                      (date[,name]; with --unit workdays)\n"
	    "  --norm DURATION     share of cases within it (2d, 36h; leadtime)\n"
	    "  --per week|month    measurement rows per period of the end\n"
	    "  --kpi NAME          prefix of the measurement kpi names\n"
	    "  --case COL, --step COL, --time COL, --partner COL   columns\n"),
	    stdout);
	fputs(_("Common options:\n"
	    "  --as-of DATE        leave out what comes after DATE\n"), stdout);
	chain_help_common();
	exit(CHAIN_EXIT_OK);
}

static void
parse_recalc(struct chain_check_opts *o, const char *arg)
{
	const char *p = arg, *w;
	size_t len;

	while (chain_words_next(&p, &w, &len)) {
		char *word = chain_strndup(w, len);

		o->recalc = chain_reallocarray(o->recalc, o->nrecalc + 1,
		    sizeof(*o->recalc));
		if (chain_period_parse(word, &o->recalc[o->nrecalc++]) != 0)
			chain_usage_error("--recalc: '%s' is not a period", word);
		free(word);
	}
}

static void
program_option(void *program, int c, const char *arg)
{
	struct kpi *k = program;

	if (!chain_option_note(option_commands, NOPTIONS, c, &k->given))
		usage(CHAIN_EXIT_USAGE);
	switch (c) {
	case OPT_PLAN: k->plan = arg; break;
	case OPT_BASELINE:
		k->check.xmr.baseline = (int)chain_parse_count("--baseline", arg,
		    CHAIN_BASELINE_MIN, CHAIN_BASELINE_MAX);
		break;
	case OPT_RECALC: parse_recalc(&k->check, arg); break;
	case OPT_CHANGES: k->check.changes = arg; break;
	case OPT_SCREEN: k->check.xmr.screen = 1; break;
	case OPT_FAIL_ON:
		if (chain_strcasecmp(arg, "concern") != 0)
			chain_usage_error("--fail-on: unknown condition '%s' "
			    "(only 'concern')", arg);
		k->fail_on_concern = 1;
		break;
	case OPT_FROM: k->lo.from = arg; break;
	case OPT_TO: k->lo.to = arg; break;
	case OPT_UNIT:
		if (chain_duration_unit_parse(arg, &k->lo.unit,
		    &k->lo.workdays) != 0)
			chain_usage_error("--unit: '%s' is not hours, days or "
			    "workdays", arg);
		break;
	case OPT_HOLIDAYS: k->lo.holidays = arg; break;
	case OPT_NORM: k->norm = arg; break;
	case OPT_PER:
		if (chain_period_kind_parse(arg, &k->lo.kind) != 0)
			chain_usage_error("--per: '%s' is not day, week, month, "
			    "quarter or year", arg);
		k->lo.per = 1;
		break;
	case OPT_KPI: k->lo.kpi = arg; break;
	case OPT_CASE: k->lo.columns.case_col = arg; break;
	case OPT_STEP: k->lo.columns.step_col = arg; break;
	case OPT_TIME: k->lo.columns.time_col = arg; break;
	case OPT_PARTNER: k->lo.columns.partner_col = arg; break;
	}
}

static void
check_options(void *program, const char *command)
{
	const struct kpi *k = program;

	chain_option_check(option_commands, NOPTIONS, k->given, command);
	if (k->lo.kpi != NULL && !k->lo.per)
		chain_usage_error("--kpi goes with --per");
	if (k->lo.holidays != NULL && !k->lo.workdays)
		chain_usage_error("--holidays goes with --unit workdays");
}

static void
run_check(void *program, int argc, char **argv)
{
	struct kpi *kp = program;
	struct chain_plan *plan = chain_plan_inputs(kp->plan, argc, argv,
	    &kp->opts);
	struct chain_out *w;

	if (plan == NULL)
		return;
	w = chain_out_open(&kp->opts);
	kp->check.quiet = kp->opts.quiet;
	kp->check.opts = &kp->opts;
	if (chain_kpi_check(plan, &kp->check, w) && kp->fail_on_concern)
		chain_raise_status(CHAIN_EXIT_FOUND);
	chain_plan_free(plan);
	chain_out_close(w, chain_exit_status() <= CHAIN_EXIT_FOUND);
}

static void
run_summary(void *program, int argc, char **argv)
{
	struct kpi *kp = program;

	kp->check.summary = 1;
	run_check(kp, argc, argv);
}

static void
read_events(const char *path, void *lt)
{
	chain_leadtime_read(lt, path);
}

static void
run_events(struct kpi *kp, int argc, char **argv)
{
	struct chain_out *w = chain_out_open(&kp->opts);
	struct chain_leadtime *lt;

	if (kp->norm != NULL && chain_duration_parse(kp->norm, kp->lo.unit,
	    &kp->lo.norm) != 0)
		chain_usage_error("--norm: '%s' is not a duration (2d, 36h)",
		    kp->norm);
	if ((lt = chain_leadtime_new(&kp->lo, &kp->opts, w)) == NULL) {
		chain_out_close(w, 0);
		return;
	}
	chain_inputs(argc, argv, read_events, lt);
	chain_leadtime_finish(lt, kp->opts.quiet);
	chain_leadtime_free(lt);
	chain_out_close(w, chain_exit_status() <= CHAIN_EXIT_FOUND);
}

static void
run_leadtime(void *program, int argc, char **argv)
{
	run_events(program, argc, argv);
}

static void
run_handoffs(void *program, int argc, char **argv)
{
	struct kpi *kp = program;

	kp->lo.handoffs = 1;
	run_events(kp, argc, argv);
}

static const struct chain_command commands[] = {
	{ "check", run_check },
	{ "summary", run_summary },
	{ "leadtime", run_leadtime },
	{ "handoffs", run_handoffs },
};

int
main(int argc, char *argv[])
{
	struct kpi kp;
	struct chain_program p = { NULL, longopts, &kp.opts, usage,
	    program_option, check_options, commands,
	    sizeof(commands) / sizeof(commands[0]), 0, &kp };
	int status;

	memset(&kp, 0, sizeof(kp));
	chain_opts_init(&kp.opts);
	chain_leadtime_opts_init(&kp.lo);
	status = chain_run(&p, argc, argv);
	free(kp.check.recalc);
	return status;
}
