/*
 * fuzz_agree: the commands of chain-agree, through the library, on any
 * register.  Each configuration is one command line, FILE the input.
 */
#include <stddef.h>
#include <stdlib.h>

#include "input.h"

struct config;

/* One run, as chain-agree holds it. */
struct agree {
	const struct config *c;
	struct chain_opts opts;
	struct chain_judge_opts judge;
};

struct config {
	void (*run)(struct agree *ag);
	const char *as_of;		/* NULL: today */
	int excel, allow_ragged;
	struct chain_grouping grouping;	/* --by, --per (score) */
	const char *states, *fail_on;	/* --state, --fail-on */
	const char *id;			/* set */
	const char *owner, *title, *plan;	/* add and set */
	const char *due, *done, *announced, *new_due;
	const char *reason;		/* set */
	int again;			/* set */
};

/* The output kept unless the run failed worse than --fail-on. */
static void
finish(struct chain_out *w)
{
	chain_out_close(w, chain_exit_status() <= CHAIN_EXIT_FOUND);
}

static void
run_status(struct agree *ag)
{
	struct chain_out *w = chain_out_open(&ag->opts);
	struct chain_status *s = chain_status_new(w, &ag->opts);

	chain_judge_each(1, input_files, &ag->opts, &ag->judge,
	    chain_status_begin, chain_status_row, s);
	chain_status_free(s);
	finish(w);
}

static void
run_score(struct agree *ag)
{
	struct chain_out *w = chain_out_open(&ag->opts);
	struct chain_tallies *t = chain_tallies_new(&ag->c->grouping);

	chain_judge_each(1, input_files, &ag->opts, &ag->judge, NULL,
	    chain_tallies_add, t);
	chain_tallies_write(t, w);
	chain_tallies_free(t);
	finish(w);
}

static void
run_matrix(struct agree *ag)
{
	struct chain_out *w = chain_out_open(&ag->opts);
	struct chain_reciprocity *m = chain_reciprocity_new();

	chain_judge_each(1, input_files, &ag->opts, &ag->judge, NULL,
	    chain_reciprocity_add, m);
	chain_reciprocity_write(m, w);
	chain_reciprocity_free(m);
	finish(w);
}

static void
run_reasons(struct agree *ag)
{
	struct chain_out *w = chain_out_open(&ag->opts);
	struct chain_reasons *r = chain_reasons_new(&ag->c->grouping);

	chain_judge_each(1, input_files, &ag->opts, &ag->judge, NULL,
	    chain_reasons_add, r);
	chain_reasons_write(r, w, 1);
	chain_reasons_free(r);
	finish(w);
}

/* The input as the journal of itself: status counts it, log prints it. */
static void
as_journal(void)
{
	char *journal = chain_journal_path(input_path);
	FILE *in = fopen(input_path, "r"), *out = fopen(journal, "w");
	char buf[4096];
	size_t n;

	if (in == NULL || out == NULL)
		abort();
	while ((n = fread(buf, 1, sizeof(buf), in)) > 0)
		fwrite(buf, 1, n, out);
	if (fclose(in) != 0 || fclose(out) != 0)
		abort();
	free(journal);
}

static void
run_journal_status(struct agree *ag)
{
	as_journal();
	run_status(ag);
}

static void
run_log(struct agree *ag)
{
	as_journal();
	chain_journal_log(input_path, ag->c->id, &ag->opts);
}

static void
run_check(struct agree *ag)
{
	chain_register_check(1, input_files, NULL, &ag->opts);
}

/* The change of add or set: CHAIN_NO_DATE for every date not given. */
static void
change_of(const struct config *c, struct chain_change *ch)
{
	ch->id = NULL;
	ch->owner = c->owner;
	ch->counterpart = NULL;
	ch->title = c->title;
	ch->plan = c->plan;
	ch->dates.made = CHAIN_NO_DATE;
	ch->dates.due = input_date(c->due);
	ch->dates.done = input_date(c->done);
	ch->dates.announced = input_date(c->announced);
	ch->dates.new_due = input_date(c->new_due);
	ch->dates.cancelled = CHAIN_NO_DATE;
	ch->reason = c->reason;
	ch->correct = 0;
	ch->again = c->again;
}

static void
run_add(struct agree *ag)
{
	struct chain_change ch;
	char *id;

	change_of(ag->c, &ch);
	if ((id = chain_record_add(input_path, &ag->opts, &ch)) != NULL)
		printf("%s\n", id);
	free(id);
}

static void
run_set(struct agree *ag)
{
	struct chain_change ch;

	change_of(ag->c, &ch);
	chain_record_set(input_path, &ag->opts, ag->c->id, &ch);
}

static const struct config configs[] = {
	/* status --as-of 2026-11-20 FILE */
	{ .run = run_status, .as_of = "2026-11-20" },
	/* score --per month FILE */
	{ .run = run_score, .grouping = { 0, 1, CHAIN_MONTH, 0 } },
	/* score --by counterpart --per week --excel FILE */
	{ .run = run_score, .grouping = { 1, 1, CHAIN_WEEK, 1 }, .excel = 1 },
	/* matrix --as-of 2026-11-20 FILE */
	{ .run = run_matrix, .as_of = "2026-11-20" },
	/* list --state overdue,late --fail-on surprise FILE */
	{ .run = run_status, .states = "overdue,late",
	    .fail_on = "surprise" },
	/* check FILE */
	{ .run = run_check },
	/* status --allow-ragged --excel FILE */
	{ .run = run_status, .allow_ragged = 1, .excel = 1 },
	/* add -f FILE --owner X --due 2026-12-01 --title 't,"q"' */
	{ .run = run_add, .owner = "X", .due = "2026-12-01",
	    .title = "t,\"q\"" },
	/* set -f FILE A1 --announce 2026-11-01 --new-due 2026-12-01 --plan p */
	{ .run = run_set, .id = "A1", .announced = "2026-11-01",
	    .new_due = "2026-12-01", .plan = "p" },
	/* set -f FILE 1 --done 2026-11-01 */
	{ .run = run_set, .id = "1", .done = "2026-11-01" },
	/* reasons --by owner --per month FILE */
	{ .run = run_reasons, .grouping = { 0, 1, CHAIN_MONTH, 1 } },
	/* set -f FILE A1 --announce 2026-11-01 --new-due 2026-12-01 --again
	   --reason capacity */
	{ .run = run_set, .id = "A1", .announced = "2026-11-01",
	    .new_due = "2026-12-01", .again = 1, .reason = "capacity" },
	/* status FILE, FILE its own journal */
	{ .run = run_journal_status, .as_of = "2026-11-20" },
	/* log -f FILE A1, FILE its own journal */
	{ .run = run_log, .id = "A1" },
};

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	input_init("chain-agree");
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct agree ag;
	const char *bad;
	size_t len;
	int n;

	if ((n = input_config(data, size, sizeof(configs) /
	    sizeof(configs[0]))) < 0)
		return 0;
	ag.c = &configs[n];
	chain_opts_init(&ag.opts);
	if (ag.c->as_of != NULL)
		ag.opts.as_of = input_date(ag.c->as_of);
	ag.opts.excel = ag.c->excel;
	ag.opts.allow_ragged = ag.c->allow_ragged;
	chain_judge_opts_init(&ag.judge);
	if ((ag.c->states != NULL && chain_judge_states(&ag.judge,
	    ag.c->states, &bad, &len) != 0) || (ag.c->fail_on != NULL &&
	    chain_judge_fail_on(&ag.judge, ag.c->fail_on, &bad, &len) != 0))
		abort();
	ag.c->run(&ag);
	input_done();
	return 0;
}
