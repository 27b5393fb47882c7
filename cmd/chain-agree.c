/*
 * chain-agree: the agreements register.  Reads agreements.csv and tells, as
 * of a date, which promises are kept, renegotiated, late, overdue, due soon
 * or open; scores partners on reliability and predictability; shows who
 * promises what to whom and why promises break; checks a register; adds or
 * changes agreements under a lock, so that concurrent writers and crashes
 * lose nothing, and journals every change beside the register.
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
	OPT_CORRECT, OPT_AGAIN, OPT_WAIT, OPT_REASON, OPT_NOTICE, OPT_HOLIDAYS,
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
	{ "correct", no_argument, NULL, OPT_CORRECT },
	{ "again", no_argument, NULL, OPT_AGAIN },
	{ "wait", required_argument, NULL, OPT_WAIT },
	{ "reason", required_argument, NULL, OPT_REASON },
	{ "notice", required_argument, NULL, OPT_NOTICE },
	{ "holidays", required_argument, NULL, OPT_HOLIDAYS },
	{ NULL, 0, NULL, 0 }
};

/* Which commands each of the program's own options goes with. */
static const struct chain_option_use option_commands[] = {
	{ OPT_WINDOW, "--window", "status,list,score,matrix" },
	{ OPT_FAIL_ON, "--fail-on", "status,list,score,matrix" },
	{ OPT_BY, "--by", "score,reasons" },
	{ OPT_PER, "--per", "score,reasons,attendance" },
	{ OPT_STATE, "--state", "list" },
	{ OPT_OWNER, "--owner", "list,add" },
	{ OPT_COUNTERPART, "--counterpart", "list,add" },
	{ OPT_PARTNERS, "--partners", "check" },
	{ OPT_FILE, "-f", "add,set,log" },
	{ OPT_DUE, "--due", "add" },
	{ OPT_TITLE, "--title", "add" },
	{ OPT_MADE, "--made", "add" },
	{ OPT_ID, "--id", "add" },
	{ OPT_DONE, "--done", "set" },
	{ OPT_ANNOUNCE, "--announce", "set" },
	{ OPT_NEW_DUE, "--new-due", "set" },
	{ OPT_PLAN, "--plan", "set" },
	{ OPT_CANCEL, "--cancel", "set" },
	{ OPT_CORRECT, "--correct", "set" },
	{ OPT_AGAIN, "--again", "set" },
	{ OPT_WAIT, "--wait", "add,set" },
	{ OPT_REASON, "--reason", "set" },
	{ OPT_NOTICE, "--notice", "attendance" },
	{ OPT_HOLIDAYS, "--holidays", "attendance" },
};

#define NOPTIONS (sizeof(option_commands) / sizeof(option_commands[0]))

/* A number in the help, as its constant says. */

struct agree {
	struct chain_opts opts;
	struct chain_judge_opts judge;
	struct chain_grouping grouping;
	struct chain_change change;
	const char *partners, *file, *holidays;
	uint64_t given;
	int notice;
};

static void
usage(int status)
{
	if (status != CHAIN_EXIT_OK)
		chain_usage_error("a command is required");
	fputs(_("usage: chain-agree [options] status|list|score|matrix|reasons|check\n"
	    "                   [FILE...]\n"
	    "       chain-agree [options] attendance [--notice N] [--holidays FILE]\n"
	    "                   [--per P] [FILE...]\n"
	    "       chain-agree [options] add -f FILE --owner P --due D [--counterpart P]\n"
	    "                   [--title T] [--made D] [--id ID]\n"
	    "       chain-agree [options] set -f FILE ID (--done D | --announce D\n"
	    "                   [--new-due D] [--plan T] [--again] | --cancel D)\n"
	    "                   [--reason T] [--correct]\n"
	    "       chain-agree [options] log [-f FILE] [ID]\n"), stdout);
	putchar('\n');
	fputs(_("Commands:\n"
	    "  status   every agreement with state,effective_due,days_late,surprise,\n"
	    "           renegotiations\n"
	    "  list     status rows filtered by --state, --owner, --counterpart\n"
	    "  score    per partner: states, surprises, reliability, predictability\n"
	    "  matrix   per ordered pair of partners: agreements and their balance\n"
	    "  reasons  why promises break: the deviations' reasons, a Pareto\n"
	    "  attendance  per partner: meetings attended, regrets in time and\n"
	    "           late, absences without notice (a meetings file)\n"
	    "  check    validate a register; every problem as file:line: message\n"
	    "  add      append an agreement to a register (locked, atomic)\n"
	    "  set      record done, an announced deviation, or a cancellation\n"
	    "  log      the journal of every add and set (of agreement ID)\n"),
	    stdout);
	putchar('\n');
	printf(_("Options:\n"
	    "  --as-of DATE        judge as of DATE (default today)\n"
	    "  --window DAYS       due-soon window (default %d)\n"),
	    CHAIN_DUE_SOON_DAYS);
	printf(_("  --fail-on LIST      exit 1 when a row is in a state of LIST\n"
	    "                      (overdue,surprise,due-soon,late,...)\n"
	    "  --by owner|counterpart, --per week|month|quarter\n"
	    "                      (score, reasons, attendance)\n"
	    "  --notice N          regrets in time: N working days before the\n"
	    "                      meeting (attendance; default %d)\n"), CHAIN_NOTICE_DAYS);
	fputs(_("  --holidays FILE     days off besides the general holidays\n"
	    "                      (attendance)\n"
	    "  --state S[,S..], --owner P, --counterpart P        (list)\n"
	    "  --partners FILE     known partner codes (check)\n"
	    "  -f, --file FILE     the register to change (add, set), or whose\n"
	    "                      journal to show (log)\n"
	    "  --reason TEXT       why the promise breaks (set, with --announce\n"
	    "                      or --done)\n"
	    "  --correct           put a recorded date or reason right (set)\n"
	    "  --again             a new announcement after an earlier one (set)\n"),
	    stdout);
	printf(_("  --wait SECONDS      wait at most so long for the register's lock\n"
	    "                      (add, set; default %d)\n"), CHAIN_LOCK_WAIT);
	chain_help_common();
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
program_option(void *program, int c, const char *arg)
{
	struct agree *ag = program;

	struct chain_change *ch = &ag->change;
	const char *bad;
	size_t len;

	if (!chain_option_note(option_commands, NOPTIONS, c, &ag->given))
		usage(CHAIN_EXIT_USAGE);
	switch (c) {
	case OPT_WINDOW:
		ag->judge.window = (int)chain_parse_count("--window", arg, 0,
		    CHAIN_WINDOW_MAX);
		break;
	case OPT_FAIL_ON:
		if (chain_judge_fail_on(&ag->judge, arg, &bad, &len) != 0)
			chain_usage_error("--fail-on: unknown condition '%.*s' "
			    "(a state or 'surprise')", (int)len, bad);
		break;
	case OPT_BY:
		ag->grouping.by_given = 1;
		if (strcmp(arg, "owner") == 0)
			ag->grouping.by_counterpart = 0;
		else if (strcmp(arg, "counterpart") == 0)
			ag->grouping.by_counterpart = 1;
		else
			chain_usage_error("--by: '%s' is not owner or counterpart",
			    arg);
		break;
	case OPT_PER:
		if (chain_period_kind_parse(arg, &ag->grouping.kind) != 0)
			chain_usage_error("--per: '%s' is not day, week, month, "
			    "quarter or year", arg);
		ag->grouping.per = 1;
		break;
	case OPT_STATE:
		if (chain_judge_states(&ag->judge, arg, &bad, &len) != 0)
			chain_usage_error("--state: unknown state '%.*s'",
			    (int)len, bad);
		break;
	case OPT_OWNER: ag->judge.owner = ch->owner = arg; break;
	case OPT_COUNTERPART:
		ag->judge.counterpart = ch->counterpart = arg;
		break;
	case OPT_PARTNERS: ag->partners = arg; break;
	case OPT_FILE: ag->file = arg; break;
	case OPT_TITLE: ch->title = arg; break;
	case OPT_ID:
		if (!chain_record_id_ok(arg))
			chain_usage_error("--id: an id is text without control "
			    "characters, not empty");
		ch->id = arg;
		break;
	case OPT_PLAN: ch->plan = arg; break;
	case OPT_REASON:
		if (*arg == '\0')
			chain_usage_error("--reason: a reason is text, not empty");
		ch->reason = arg;
		break;
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
	case OPT_CORRECT: ch->correct = 1; break;
	case OPT_AGAIN: ch->again = 1; break;
	case OPT_NOTICE:
		ag->notice = (int)chain_parse_count("--notice", arg, 0,
		    CHAIN_NOTICE_MAX);
		break;
	case OPT_HOLIDAYS: ag->holidays = arg; break;
	case OPT_WAIT:
		ag->opts.lock_wait = (double)chain_parse_count("--wait", arg, 0,
		    CHAIN_LOCK_WAIT_MAX);
		break;
	}
}

/* The output kept unless the run failed worse than --fail-on. */
static void
finish(struct chain_out *w)
{
	chain_out_close(w, chain_exit_status() <= CHAIN_EXIT_FOUND);
}

/* status and list (list has the filter of --state, --owner, ...) */
static void
run_status(void *p, int argc, char **argv)
{
	struct agree *ag = p;
	struct chain_out *w = chain_out_open(&ag->opts);
	struct chain_status *s = chain_status_new(w, &ag->opts);

	chain_judge_each(argc, argv, &ag->opts, &ag->judge, chain_status_begin,
	    chain_status_row, s);
	chain_status_free(s);
	finish(w);
}

static void
run_score(void *p, int argc, char **argv)
{
	struct agree *ag = p;
	struct chain_out *w = chain_out_open(&ag->opts);
	struct chain_tallies *t = chain_tallies_new(&ag->grouping);

	chain_judge_each(argc, argv, &ag->opts, &ag->judge, NULL,
	    chain_tallies_add, t);
	chain_tallies_write(t, w);
	chain_tallies_free(t);
	finish(w);
}

static void
run_matrix(void *p, int argc, char **argv)
{
	struct agree *ag = p;
	struct chain_out *w = chain_out_open(&ag->opts);
	struct chain_reciprocity *m = chain_reciprocity_new();

	chain_judge_each(argc, argv, &ag->opts, &ag->judge, NULL,
	    chain_reciprocity_add, m);
	chain_reciprocity_write(m, w);
	chain_reciprocity_free(m);
	finish(w);
}

static void
run_reasons(void *p, int argc, char **argv)
{
	struct agree *ag = p;
	struct chain_out *w = chain_out_open(&ag->opts);
	struct chain_reasons *r = chain_reasons_new(&ag->grouping);

	chain_judge_each(argc, argv, &ag->opts, &ag->judge, NULL,
	    chain_reasons_add, r);
	chain_reasons_write(r, w, ag->opts.quiet);
	chain_reasons_free(r);
	finish(w);
}

static void
run_attendance(void *p, int argc, char **argv)
{
	struct agree *ag = p;
	struct chain_attendance *a = chain_attendance_new(&ag->opts,
	    &ag->grouping, ag->notice, ag->holidays);
	struct chain_out *w;

	if (a == NULL)
		return;
	w = chain_out_open(&ag->opts);
	chain_csv_each(argc, argv, &ag->opts, chain_attendance_read, a);
	chain_attendance_write(a, w);
	chain_attendance_free(a);
	finish(w);
}

static void
run_log(void *p, int argc, char **argv)
{
	struct agree *ag = p;

	if (argc > 1)
		chain_usage_error("log takes at most one ID; the register is "
		    "-f FILE");
	chain_journal_log(ag->file, argc == 1 ? argv[0] : NULL, &ag->opts);
}

static void
run_check(void *p, int argc, char **argv)
{
	struct agree *ag = p;

	chain_register_check(argc, argv, ag->partners, &ag->opts);
}

static void
run_add(void *p, int argc, char **argv)
{
	struct agree *ag = p;
	char *id;

	(void)argv;
	if (argc > 0)
		chain_usage_error("add takes no file operands; use -f FILE");
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
run_set(void *p, int argc, char **argv)
{
	struct agree *ag = p;
	const struct chain_agreement *d = &ag->change.dates;

	if (ag->file == NULL || argc != 1)
		chain_usage_error("set needs -f FILE and one ID");
	if ((d->done != CHAIN_NO_DATE) + (d->announced != CHAIN_NO_DATE) +
	    (d->cancelled != CHAIN_NO_DATE) != 1)
		chain_usage_error("set needs one of --done, --announce, --cancel");
	if ((d->new_due != CHAIN_NO_DATE || ag->change.plan != NULL ||
	    ag->change.again) && d->announced == CHAIN_NO_DATE)
		chain_usage_error("--new-due, --plan and --again go with "
		    "--announce");
	if (ag->change.reason != NULL && d->cancelled != CHAIN_NO_DATE)
		chain_usage_error("--reason goes with --announce or --done");
	if (ag->change.again && ag->change.correct)
		chain_usage_error("--again records a new announcement, "
		    "--correct puts a recorded one right: not both");
	chain_record_set(ag->file, &ag->opts, argv[0], &ag->change);
}

static const struct chain_command commands[] = {
	{ "status", run_status },
	{ "list", run_status },
	{ "score", run_score },
	{ "matrix", run_matrix },
	{ "reasons", run_reasons },
	{ "attendance", run_attendance },
	{ "check", run_check },
	{ "add", run_add },
	{ "set", run_set },
	{ "log", run_log },
};

static void
check_options(void *program, const char *command)
{
	const struct agree *ag = program;

	chain_option_check(option_commands, NOPTIONS, ag->given, command);
}

int
main(int argc, char *argv[])
{
	static const struct chain_agreement no_dates = { CHAIN_NO_DATE,
		CHAIN_NO_DATE, CHAIN_NO_DATE, CHAIN_NO_DATE, CHAIN_NO_DATE,
		CHAIN_NO_DATE };
	struct agree ag;
	struct chain_program p = { "f:", longopts, &ag.opts, usage,
	    program_option, check_options, commands,
	    sizeof(commands) / sizeof(commands[0]), 0, &ag };

	memset(&ag, 0, sizeof(ag));
	chain_opts_init(&ag.opts);
	chain_judge_opts_init(&ag.judge);
	ag.change.dates = no_dates;
	ag.notice = CHAIN_NOTICE_DAYS;
	return chain_run(&p, argc, argv);
}
