/*
 * chain-kpi: the hard results of a chain.  Checks the chain plan's KPIs on
 * XmR control charts (real change or noise, and will the target be met),
 * and measures lead times and handoffs from case event logs, as measurement
 * rows that pipe straight back into the check.
 */
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chain.h"

enum {
	OPT_PLAN = CHAIN_OPT_PROGRAM, OPT_BASELINE, OPT_RECALC, OPT_SCREEN,
	OPT_FAIL_ON, OPT_FROM, OPT_TO, OPT_UNIT, OPT_NORM, OPT_PER, OPT_KPI,
	OPT_CASE, OPT_STEP, OPT_TIME, OPT_PARTNER
};

static const struct option longopts[] = {
	CHAIN_LONGOPTS,
	{ "plan", required_argument, NULL, OPT_PLAN },
	{ "baseline", required_argument, NULL, OPT_BASELINE },
	{ "recalc", required_argument, NULL, OPT_RECALC },
	{ "screen", no_argument, NULL, OPT_SCREEN },
	{ "fail-on", required_argument, NULL, OPT_FAIL_ON },
	{ "from", required_argument, NULL, OPT_FROM },
	{ "to", required_argument, NULL, OPT_TO },
	{ "unit", required_argument, NULL, OPT_UNIT },
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
	{ OPT_SCREEN, "--screen", "check,summary" },
	{ OPT_FAIL_ON, "--fail-on", "check,summary" },
	{ OPT_FROM, "--from", "leadtime,handoffs" },
	{ OPT_TO, "--to", "leadtime,handoffs" },
	{ OPT_UNIT, "--unit", "leadtime,handoffs" },
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
	struct chain_xmr_opts xmr;
	struct chain_period *recalc;
	size_t nrecalc;
	int fail_on_concern, found;
	struct chain_leadtime_opts lo;
	const char *norm;
	uint64_t given;
};

static void
usage(int status)
{
	if (status != CHAIN_EXIT_OK)
		chain_usage_error("a command is required");
	printf("usage: chain-kpi [options] check|summary [--plan FILE] [FILE...]\n"
	    "       chain-kpi [options] leadtime|handoffs [FILE...]\n"
	    "\n"
	    "Commands:\n"
	    "  check     per KPI and period: value, target, XmR limits, signal, rule\n"
	    "  summary   per KPI its latest period: change, variation, assurance\n"
	    "  leadtime  per case of an event log: lead time, events, partners,\n"
	    "            handoffs; with --per, measurement rows per period\n"
	    "  handoffs  per ordered pair of partners: handoffs and waits\n"
	    "\n"
	    "Options of check and summary (FILE: measurements kpi,period,value):\n"
	    "  --plan FILE         the chain plan: direction, target, combine\n"
	    "  --baseline N        limits from the first N points (N >= 12)\n"
	    "  --recalc P[,P..]    new limits from period P (a process change)\n"
	    "  --screen            leave out moving ranges above 3.267 x mean\n"
	    "  --fail-on concern   exit 1 when a latest point is a concern\n"
	    "                      (summary: or its assurance is fail)\n"
	    "Options of leadtime and handoffs (FILE: events case,step,time):\n"
	    "  --from STEP, --to STEP   measure from STEP to the first later TO\n"
	    "  --unit hours|days   unit of durations (default days)\n"
	    "  --norm DURATION     share of cases within it (2d, 36h; leadtime)\n"
	    "  --per week|month    measurement rows per period of the end\n"
	    "  --kpi NAME          prefix of the measurement kpi names\n"
	    "  --case COL, --step COL, --time COL, --partner COL   columns\n"
	    "Common options:\n"
	    "  --as-of DATE        leave out what comes after DATE\n"
	    CHAIN_HELP_COMMON);
	exit(CHAIN_EXIT_OK);
}

static void
parse_recalc(struct kpi *k, const char *arg)
{
	const char *p = arg;

	while (p != NULL) {
		const char *comma = strchr(p, ',');
		char *word = chain_strndup(p, comma ? (size_t)(comma - p) :
		    strlen(p));

		k->recalc = chain_reallocarray(k->recalc, k->nrecalc + 1,
		    sizeof(*k->recalc));
		if (chain_period_parse(word, &k->recalc[k->nrecalc++]) != 0)
			chain_usage_error("--recalc: '%s' is not a period", word);
		free(word);
		p = comma ? comma + 1 : NULL;
	}
}

/* A duration: a number with an optional unit d or h (default --unit). */
static double
parse_norm(const char *arg, double unit)
{
	char *s = chain_strdup(arg), *t = chain_trim(s);
	size_t n = strlen(t);
	double v, seconds = unit;

	if (n > 0 && (t[n - 1] == 'd' || t[n - 1] == 'h')) {
		seconds = t[n - 1] == 'd' ? 86400 : 3600;
		t[n - 1] = '\0';
	}
	if (chain_number_parse(t, 0, &v) != 0 || v < 0)
		chain_usage_error("--norm: '%s' is not a duration (2d, 36h)",
		    arg);
	free(s);
	return v * seconds / unit;
}

static void
program_option(struct kpi *k, int c, const char *arg)
{
	if (!chain_option_note(option_commands, NOPTIONS, c, &k->given))
		usage(CHAIN_EXIT_USAGE);
	switch (c) {
	case OPT_PLAN: k->plan = arg; break;
	case OPT_BASELINE:
		k->xmr.baseline = (int)chain_parse_count("--baseline", arg, 12,
		    1000000);
		break;
	case OPT_RECALC: parse_recalc(k, arg); break;
	case OPT_SCREEN: k->xmr.screen = 1; break;
	case OPT_FAIL_ON:
		if (chain_strcasecmp(arg, "concern") != 0)
			chain_usage_error("--fail-on: unknown condition '%s' "
			    "(only 'concern')", arg);
		k->fail_on_concern = 1;
		break;
	case OPT_FROM: k->lo.from = arg; break;
	case OPT_TO: k->lo.to = arg; break;
	case OPT_UNIT:
		if (strcmp(arg, "days") != 0 && strcmp(arg, "hours") != 0)
			chain_usage_error("--unit: '%s' is not hours or days",
			    arg);
		k->lo.unit = strcmp(arg, "days") == 0 ? 86400 : 3600;
		break;
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
check_options(const struct kpi *k, const char *command)
{
	chain_option_check(option_commands, NOPTIONS, k->given, command);
	if (k->lo.kpi != NULL && !k->lo.per)
		chain_usage_error("--kpi goes with --per");
}

static void
out_optional(struct chain_out *w, double v)
{
	if (isnan(v))
		chain_out_empty(w);
	else
		chain_out_number(w, v);
}

/* met: 1 or 0 against the target in the KPI's direction; -1 unknown. */
static int
met(const struct chain_kpi *k, double v)
{
	if (k->better == CHAIN_BETTER_NONE || isnan(k->target))
		return -1;
	return k->better == CHAIN_BETTER_UP ? v >= k->target : v <= k->target;
}

static void
out_met(struct chain_out *w, int m)
{
	if (m < 0)
		chain_out_empty(w);
	else
		chain_out_int(w, m);
}

/* A chart shows signals from six points on. */
#define MIN_POINTS 6

static void
check_rows(struct chain_out *w, const struct chain_kpi *k,
    const struct chain_chart *c)
{
	size_t i;

	for (i = 0; i < c->n; i++) {
		const struct chain_xmr_point *x = &c->point[i];

		chain_out_text(w, k->code);
		chain_out_period(w, c->period[i]);
		chain_out_number(w, x->value);
		out_optional(w, k->target);
		out_met(w, met(k, x->value));
		chain_out_number(w, x->mean);
		out_optional(w, x->lower);
		out_optional(w, x->upper);
		chain_out_text(w, c->n < MIN_POINTS ? "" :
		    chain_xmr_signal(x, k->better));
		chain_out_text(w, c->n < MIN_POINTS ? "" :
		    chain_rule_names[x->rule]);
		chain_out_end(w);
	}
}

/* The latest point's variation: common, improvement, concern, special. */
static const char *
variation(const struct chain_kpi *k, const struct chain_chart *c)
{
	const struct chain_xmr_point *x = &c->point[c->n - 1];

	if (c->n < MIN_POINTS)
		return "";
	return x->rule == CHAIN_RULE_NONE ? "common" :
	    chain_xmr_signal(x, k->better);
}

/* The latest value minus that of the period before; NAN without one. */
static double
change(const struct chain_chart *c)
{
	if (c->n < 2 || chain_period_next(c->period[c->n - 2]).start !=
	    c->period[c->n - 1].start)
		return NAN;
	return c->point[c->n - 1].value - c->point[c->n - 2].value;
}

static void
summary_row(struct kpi *kp, struct chain_out *w, const struct chain_kpi *k,
    const struct chain_chart *c)
{
	const struct chain_xmr_point *x = c->n ? &c->point[c->n - 1] : NULL;
	const char *assurance = x ? chain_xmr_assurance(x->lower, x->upper,
	    k->target, k->better) : NULL;

	chain_out_text(w, k->code);
	chain_out_text(w, k->name);
	if (x == NULL) {
		chain_out_empty(w);
		chain_out_empty(w);
		out_optional(w, k->target);
		chain_out_empty(w);
		chain_out_empty(w);
		chain_out_empty(w);
		chain_out_empty(w);
		chain_out_end(w);
		return;
	}
	chain_out_period(w, c->period[c->n - 1]);
	chain_out_number(w, x->value);
	out_optional(w, k->target);
	out_met(w, met(k, x->value));
	out_optional(w, change(c));
	chain_out_text(w, variation(k, c));
	chain_out_text(w, assurance ? assurance : "");
	chain_out_end(w);
	if (assurance != NULL && strcmp(assurance, "fail") == 0)
		kp->found = 1;
}

/* The plan (when given) and every measurement; NULL when the plan fails. */
static struct chain_plan *
read_measurements(struct kpi *kp, int nfiles, char **files)
{
	struct chain_plan *plan = chain_plan_new();
	struct chain_csv *r;
	int f;

	if (kp->plan != NULL && chain_plan_load(plan, kp->plan, &kp->opts) != 0) {
		chain_plan_free(plan);
		return NULL;
	}
	for (f = 0; f < (nfiles ? nfiles : 1); f++) {
		if ((r = chain_csv_open(nfiles ? files[f] : "-", &kp->opts)) ==
		    NULL)
			continue;
		chain_plan_read(plan, r, kp->opts.as_of);
		chain_csv_close(r);
	}
	return plan;
}

static void
warn_chart(const struct kpi *kp, const struct chain_kpi *k,
    const struct chain_chart *c)
{
	if (kp->opts.quiet)
		return;
	if (c->n == 0)
		chain_warnx("warning: kpi %s: no measurements", k->code);
	if (c->missing != NULL)
		chain_warnx("warning: kpi %s: no value for %s", k->code,
		    c->missing);
}

static void
run_check(struct kpi *kp, int nfiles, char **files, int summary)
{
	struct chain_plan *plan = read_measurements(kp, nfiles, files);
	struct chain_out *w;
	struct chain_kpi **list;
	struct chain_chart c;
	size_t i, n;

	if (plan == NULL)
		return;
	w = chain_out_open(&kp->opts);
	chain_out_header(w, chain_format_header(summary ?
	    CHAIN_FORMAT_KPI_SUMMARY : CHAIN_FORMAT_KPI_CHECK));
	list = chain_plan_kpis(plan, &n);
	for (i = 0; i < n; i++) {
		chain_kpi_chart(list[i], &kp->xmr, kp->recalc, kp->nrecalc, &c);
		warn_chart(kp, list[i], &c);
		if (c.n > 0 && strcmp(variation(list[i], &c), "concern") == 0)
			kp->found = 1;
		if (summary)
			summary_row(kp, w, list[i], &c);
		else
			check_rows(w, list[i], &c);
		chain_chart_free(&c);
	}
	chain_plan_free(plan);
	if (kp->found && kp->fail_on_concern)
		chain_raise_status(CHAIN_EXIT_FOUND);
	chain_out_close(w, chain_exit_status() <= CHAIN_EXIT_FOUND);
}

static void
run_events(struct kpi *kp, int nfiles, char **files, int handoffs)
{
	struct chain_out *w = chain_out_open(&kp->opts);
	struct chain_leadtime *lt;
	int f;

	kp->lo.handoffs = handoffs;
	kp->lo.norm = kp->norm ? parse_norm(kp->norm, kp->lo.unit) : NAN;
	lt = chain_leadtime_new(&kp->lo, &kp->opts, w);
	for (f = 0; f < (nfiles ? nfiles : 1); f++)
		chain_leadtime_read(lt, nfiles ? files[f] : "-");
	chain_leadtime_finish(lt, kp->opts.quiet);
	chain_leadtime_free(lt);
	chain_out_close(w, chain_exit_status() <= CHAIN_EXIT_FOUND);
}

int
main(int argc, char *argv[])
{
	struct kpi kp;
	const char *command;
	int c;

	chain_setprogname(argv[0]);
	memset(&kp, 0, sizeof(kp));
	chain_opts_init(&kp.opts);
	kp.lo.unit = 86400;
	while ((c = getopt_long(argc, argv, CHAIN_SHORTOPTS, longopts,
	    NULL)) != -1) {
		if (c == 'h')
			usage(CHAIN_EXIT_OK);
		if (c == '?')
			chain_usage_error("unknown or incomplete option");
		if (!chain_opts_common(&kp.opts, c, optarg))
			program_option(&kp, c, optarg);
	}
	if (optind >= argc)
		usage(CHAIN_EXIT_USAGE);
	command = argv[optind++];
	if (strcmp(command, "check") != 0 && strcmp(command, "summary") != 0 &&
	    strcmp(command, "leadtime") != 0 && strcmp(command, "handoffs") != 0)
		chain_usage_error("unknown command '%s'", command);
	check_options(&kp, command);
	argc -= optind;
	argv += optind;
	if (strcmp(command, "check") == 0 || strcmp(command, "summary") == 0)
		run_check(&kp, argc, argv, strcmp(command, "summary") == 0);
	else
		run_events(&kp, argc, argv, strcmp(command, "handoffs") == 0);
	free(kp.recalc);
	if (fflush(stdout) != 0 || ferror(stdout))
		chain_err(CHAIN_EXIT_IO, "standard output: write error");
	return chain_exit_status();
}
