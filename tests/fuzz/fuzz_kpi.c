/*
 * fuzz_kpi: the commands of chain-kpi, through the library, on any
 * measurements or event log.  Each configuration is one command line, FILE
 * the input; every one has --as-of 2027-01-01.
 */
#include <stddef.h>
#include <stdlib.h>

#include "input.h"

#define AS_OF "2027-01-01"
#define RECALC_MAX 2

struct config {
	void (*run)(const struct config *c, struct chain_opts *o);
	int excel;
	/* check and summary */
	int summary, plan;		/* --plan FILE: the input is the plan too */
	struct chain_xmr_opts xmr;	/* --baseline, --screen */
	const char *recalc[RECALC_MAX];	/* --recalc */
	int changes;			/* --changes FILE: the input is that too */
	int fail_on_concern;
	/* leadtime and handoffs */
	int handoffs;
	const char *from, *to, *unit, *norm, *kpi;
	int holidays;			/* --holidays FILE: the input too */
	int per;			/* --per kind */
	enum chain_period_kind kind;
};

static void
run_check(const struct config *c, struct chain_opts *o)
{
	struct chain_check_opts check = { c->xmr, NULL, 0, c->summary,
		o->quiet, c->changes ? input_path : NULL, o };
	struct chain_period recalc[RECALC_MAX];
	struct chain_plan *plan;
	struct chain_out *w;

	for (; check.nrecalc < RECALC_MAX && c->recalc[check.nrecalc] != NULL;
	    check.nrecalc++)
		if (chain_period_parse(c->recalc[check.nrecalc],
		    &recalc[check.nrecalc]) != 0)
			abort();
	check.recalc = recalc;
	if ((plan = chain_plan_inputs(c->plan ? input_path : NULL, 1,
	    input_files, o)) == NULL)
		return;
	w = chain_out_open(o);
	if (chain_kpi_check(plan, &check, w) && c->fail_on_concern)
		chain_raise_status(CHAIN_EXIT_FOUND);
	chain_plan_free(plan);
	chain_out_close(w, chain_exit_status() <= CHAIN_EXIT_FOUND);
}

static void
read_events(const char *path, void *lt)
{
	chain_leadtime_read(lt, path);
}

static void
run_events(const struct config *c, struct chain_opts *o)
{
	struct chain_leadtime_opts lo;
	struct chain_leadtime *lt;
	struct chain_out *w;

	chain_leadtime_opts_init(&lo);
	lo.from = c->from;
	lo.to = c->to;
	lo.kpi = c->kpi;
	lo.per = c->per;
	lo.kind = c->kind;
	lo.handoffs = c->handoffs;
	lo.holidays = c->holidays ? input_path : NULL;
	if ((c->unit != NULL && chain_duration_unit_parse(c->unit,
	    &lo.unit, &lo.workdays) != 0) || (c->norm != NULL &&
	    chain_duration_parse(c->norm, lo.unit, &lo.norm) != 0))
		abort();
	w = chain_out_open(o);
	if ((lt = chain_leadtime_new(&lo, o, w)) == NULL) {
		chain_out_close(w, 0);
		return;
	}
	chain_inputs(1, input_files, read_events, lt);
	chain_leadtime_finish(lt, o->quiet);
	chain_leadtime_free(lt);
	chain_out_close(w, chain_exit_status() <= CHAIN_EXIT_FOUND);
}

static const struct config configs[] = {
	/* check FILE */
	{ .run = run_check },
	/* summary FILE */
	{ .run = run_check, .summary = 1 },
	/* check --plan FILE FILE */
	{ .run = run_check, .plan = 1 },
	/* check --baseline 12 --screen --recalc 2026-W14,2026-03
	   --fail-on concern FILE */
	{ .run = run_check, .xmr = { 12, 1 },
	    .recalc = { "2026-W14", "2026-03" }, .fail_on_concern = 1 },
	/* leadtime FILE */
	{ .run = run_events },
	/* leadtime --per week --norm 30d --kpi lt --unit hours FILE */
	{ .run = run_events, .per = 1, .kind = CHAIN_WEEK, .norm = "30d",
	    .kpi = "lt", .unit = "hours" },
	/* leadtime --from Report --to Close --norm 12h FILE */
	{ .run = run_events, .from = "Report", .to = "Close",
	    .norm = "12h" },
	/* handoffs FILE */
	{ .run = run_events, .handoffs = 1 },
	/* leadtime --per month --excel FILE */
	{ .run = run_events, .per = 1, .kind = CHAIN_MONTH, .excel = 1 },
	/* summary --plan FILE --excel FILE */
	{ .run = run_check, .summary = 1, .plan = 1, .excel = 1 },
	/* summary --baseline 12 --changes FILE FILE (kpi,period,value,note) */
	{ .run = run_check, .summary = 1, .xmr = { 12, 0 }, .changes = 1 },
	/* leadtime --unit workdays --per week --norm 5d FILE */
	{ .run = run_events, .unit = "workdays", .per = 1, .kind = CHAIN_WEEK,
	    .norm = "5d" },
	/* handoffs --unit workdays --holidays FILE FILE */
	{ .run = run_events, .handoffs = 1, .unit = "workdays",
	    .holidays = 1 },
};

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	input_init("chain-kpi");
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct config *c;
	struct chain_opts o;
	int n;

	if ((n = input_config(data, size, sizeof(configs) /
	    sizeof(configs[0]))) < 0)
		return 0;
	c = &configs[n];
	chain_opts_init(&o);
	o.as_of = input_date(AS_OF);
	o.excel = c->excel;
	c->run(c, &o);
	input_done();
	return 0;
}
