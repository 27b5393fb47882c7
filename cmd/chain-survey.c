/*
 * chain-survey: the soft side of a chain, surveyed.  Reads the responses to
 * an instrument (trust, collaboration, community, attitude, the eight
 * pillars, or the user's own) and scores them per wave, partner and the
 * partner the answers are about, never showing a group too small to stay
 * anonymous; checks the reliability of each dimension; shows how partners
 * see each other; and tests whether a score changed between two waves.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chain.h"

enum {
	OPT_ITEMS = CHAIN_OPT_PROGRAM, OPT_INSTRUMENT, OPT_LANG, OPT_SCALE,
	OPT_BY, OPT_MIN_N, OPT_DIMENSION, OPT_FROM, OPT_TO, OPT_WAVE,
	OPT_IGNORE, OPT_FAIL_ON
};

static const struct option longopts[] = {
	CHAIN_LONGOPTS,
	{ "items", required_argument, NULL, OPT_ITEMS },
	{ "instrument", required_argument, NULL, OPT_INSTRUMENT },
	{ "lang", required_argument, NULL, OPT_LANG },
	{ "scale", required_argument, NULL, OPT_SCALE },
	{ "by", required_argument, NULL, OPT_BY },
	{ "min-n", required_argument, NULL, OPT_MIN_N },
	{ "dimension", required_argument, NULL, OPT_DIMENSION },
	{ "from", required_argument, NULL, OPT_FROM },
	{ "to", required_argument, NULL, OPT_TO },
	{ "wave", required_argument, NULL, OPT_WAVE },
	{ "ignore", required_argument, NULL, OPT_IGNORE },
	{ "fail-on", required_argument, NULL, OPT_FAIL_ON },
	{ NULL, 0, NULL, 0 }
};

#define ALL "items,score,alpha,matrix,network,compare"

/* Which commands each of the program's own options goes with. */
static const struct chain_option_use option_commands[] = {
	{ OPT_ITEMS, "--items", ALL },
	{ OPT_INSTRUMENT, "--instrument", ALL },
	{ OPT_SCALE, "--scale", ALL },
	{ OPT_LANG, "--lang", "items" },
	{ OPT_BY, "--by", "score,compare" },
	{ OPT_MIN_N, "--min-n", "score,alpha,matrix,network,compare" },
	{ OPT_DIMENSION, "--dimension", "score,matrix,network,compare" },
	{ OPT_FROM, "--from", "compare" },
	{ OPT_TO, "--to", "compare" },
	{ OPT_WAVE, "--wave", "score,alpha,matrix,network" },
	{ OPT_IGNORE, "--ignore", "score,alpha,matrix,network,compare" },
	{ OPT_FAIL_ON, "--fail-on", "score,compare" },
};

#define NOPTIONS (sizeof(option_commands) / sizeof(option_commands[0]))

struct survey {
	struct chain_opts opts;
	const char *argv0, *command;
	const char *items, *instrument, *dimension, *from, *to;
	double scale_min, scale_max;
	int dutch, by, fail_on, found;
	long min_n;
	uint64_t given;
	struct chain_instrument *in;
	int cell;			/* --dimension, or -1 for all */
	struct chain_survey_input input;
};

static void
usage(int status)
{
	if (status != CHAIN_EXIT_OK)
		chain_usage_error("a command is required");
	fputs(_("usage: chain-survey [options] "
	    "items|score|alpha|matrix|network|compare [FILE...]\n"), stdout);
	putchar('\n');
	fputs(_("Commands:\n"
	    "  items    list the built-in instruments, or print one (--instrument)\n"
	    "  score    per group and dimension: n, mean, sd, index, level\n"
	    "  alpha    per dimension: Cronbach's alpha; per item: r_drop and\n"
	    "           alpha if the item is dropped\n"
	    "  matrix   how each partner sees each other partner, and the reverse\n"
	    "  network  the trust network of the matrix: density, reciprocity,\n"
	    "           centralisation; per partner in- and out-degree\n"
	    "  compare  the change between two waves: Welch's p-value, Cohen's d\n"),
	    stdout);
	putchar('\n');
	printf(_("Options:\n"
	    "  --items FILE        the instrument: item,dimension,text[,reverse,min,max]\n"
	    "  --instrument NAME   a built-in instrument (trust, collaboration,\n"
	    "                      community, attitude, pillars, chain)\n"
	    "  --lang en|nl        the language of the item texts (items)\n"
	    "  --scale MIN-MAX     the scale of items that give none (default %d-%d)\n"
	    "  --by LIST           group by wave,partner,about or none\n"
	    "                      (score: wave,partner; compare: partner,about)\n"
	    "  --min-n N           show no group of fewer respondents (default %d)\n"),
	    CHAIN_SCALE_MIN, CHAIN_SCALE_MAX, CHAIN_MIN_N);
	printf(_("  --dimension D       one dimension ('*' the overall score; matrix and\n"
	    "                      network default)\n"
	    "  --from WAVE --to WAVE   the waves compared (compare)\n"
	    "  --wave WAVE         only the responses of that wave\n"
	    "  --ignore COL[,COL..]    columns (or items) of the responses to skip\n"
	    "  --fail-on LIST      exit 1 on a group at level concern or discuss\n"
	    "                      (score), or on a decline with p < %s (compare)\n"),
	    CHAIN_STRING(CHAIN_SIGNIFICANCE));
	chain_help_common();
	exit(CHAIN_EXIT_OK);
}

static void
program_option(void *program, int c, const char *arg)
{
	struct survey *sv = program;

	if (!chain_option_note(option_commands, NOPTIONS, c, &sv->given))
		usage(CHAIN_EXIT_USAGE);
	switch (c) {
	case OPT_ITEMS: sv->items = arg; break;
	case OPT_INSTRUMENT: sv->instrument = arg; break;
	case OPT_DIMENSION: sv->dimension = arg; break;
	case OPT_FROM: sv->from = arg; break;
	case OPT_TO: sv->to = arg; break;
	case OPT_WAVE: sv->input.wave = arg; break;
	case OPT_IGNORE: sv->input.ignore = arg; break;
	case OPT_SCALE:
		chain_scale_parse(arg, &sv->scale_min, &sv->scale_max);
		break;
	case OPT_BY: sv->by = chain_by_parse(arg); break;
	case OPT_FAIL_ON: sv->fail_on = chain_fail_parse(arg); break;
	case OPT_MIN_N:
		sv->min_n = chain_parse_count("--min-n", arg, 1,
		    CHAIN_MIN_N_MAX);
		break;
	case OPT_LANG:
		sv->dutch = chain_lang_parse(arg) == CHAIN_NL;
		break;
	}
}

static void
check_options(void *program, const char *command)
{
	struct survey *sv = program;
	int compare;

	sv->command = command;
	compare = strcmp(sv->command, "compare") == 0;

	chain_option_check(option_commands, NOPTIONS, sv->given, sv->command);
	if (sv->items != NULL && sv->instrument != NULL)
		chain_usage_error("--items and --instrument: give one");
	if (compare && (sv->from == NULL || sv->to == NULL))
		chain_usage_error("compare needs --from WAVE and --to WAVE");
	if (compare)
		sv->by = chain_compare_by(sv->by);
	else if (sv->by < 0)
		sv->by = CHAIN_SCORE_BY;
	if ((sv->fail_on & CHAIN_FAIL_DECLINE) && !compare)
		chain_usage_error("--fail-on decline goes with compare");
	if ((sv->fail_on & (CHAIN_FAIL_CONCERN | CHAIN_FAIL_DISCUSS)) &&
	    strcmp(sv->command, "score") != 0)
		chain_usage_error("--fail-on concern and discuss go with "
		    "score");
}

/* The instrument of --items or --instrument; -1 when it cannot be read. */
static int
load_instrument(struct survey *sv)
{
	char *path;

	if (sv->items == NULL && sv->instrument == NULL)
		chain_usage_error("%s needs an instrument: --items FILE or "
		    "--instrument NAME", sv->command);
	path = sv->items != NULL ? chain_strdup(sv->items) :
	    chain_instrument_builtin(sv->argv0, sv->instrument);
	sv->in = chain_instrument_read(path, &sv->opts, sv->scale_min,
	    sv->scale_max);
	free(path);
	if (sv->in == NULL)
		return -1;
	sv->cell = chain_instrument_cell(sv->in, sv->dimension);
	return 0;
}

/* The responses a command reads; NULL when there is no instrument. */
static const struct chain_survey_input *
inputs(struct survey *sv, int argc, char **argv)
{
	if (load_instrument(sv) != 0)
		return NULL;
	sv->input.in = sv->in;
	sv->input.opts = &sv->opts;
	sv->input.argc = argc;
	sv->input.argv = argv;
	return &sv->input;
}

static struct chain_out *
output(struct survey *sv, enum chain_format format)
{
	struct chain_out *w = chain_out_open(&sv->opts);

	chain_out_header(w, chain_format_header(format));
	return w;
}

static void
finish(struct survey *sv, struct chain_out *w)
{
	if (sv->found)
		chain_raise_status(CHAIN_EXIT_FOUND);
	chain_out_close(w, chain_exit_status() <= CHAIN_EXIT_FOUND);
}

/* items: one instrument as CSV, or the list of the built-in ones. */
static void
run_items(void *arg, int argc, char **argv)
{
	struct survey *sv = arg;
	struct chain_out *w;

	(void)argv;
	if (argc > 0)
		chain_usage_error("items takes no file operands");
	if (sv->items != NULL || sv->instrument != NULL)
		load_instrument(sv);
	w = chain_out_open(&sv->opts);
	if (sv->in != NULL)
		chain_instrument_write(w, sv->in, sv->dutch);
	else
		chain_instrument_list(w, sv->argv0, &sv->opts, sv->scale_min,
		    sv->scale_max);
	finish(sv, w);
}

static void
run_score(void *arg, int argc, char **argv)
{
	struct survey *sv = arg;
	const struct chain_survey_input *si = inputs(sv, argc, argv);
	struct chain_groups *gs;
	struct chain_out *w;

	if (si == NULL)
		return;
	gs = chain_groups_gather(si, sv->min_n, NULL, 0);
	w = output(sv, CHAIN_FORMAT_SURVEY_SCORE);
	sv->found = chain_score_write(w, gs, sv->by, si->wave, sv->cell,
	    sv->fail_on);
	chain_groups_free(gs);
	finish(sv, w);
}

static void
run_alpha(void *arg, int argc, char **argv)
{
	struct survey *sv = arg;
	const struct chain_survey_input *si = inputs(sv, argc, argv);
	struct chain_reliability *a;
	struct chain_out *w;

	if (si == NULL)
		return;
	a = chain_reliability_gather(si, sv->min_n);
	w = output(sv, CHAIN_FORMAT_ALPHA);
	chain_alpha_write(w, a, si->wave);
	chain_reliability_free(a);
	finish(sv, w);
}

/* matrix, and the network of its ties (network). */
static void
run_matrix(void *arg, int argc, char **argv)
{
	struct survey *sv = arg;
	const struct chain_survey_input *si = inputs(sv, argc, argv);
	int network = strcmp(sv->command, "network") == 0;
	struct chain_matrix *m;
	struct chain_out *w;

	if (si == NULL)
		return;
	if ((m = chain_matrix_gather(si, sv->min_n, sv->cell)) == NULL)
		chain_usage_error("%s: instrument '%s' has no overall "
		    "score (its dimensions are on different scales): give "
		    "--dimension", sv->command, chain_instrument_name(sv->in));
	w = output(sv, network ? CHAIN_FORMAT_SURVEY_NETWORK :
	    CHAIN_FORMAT_SURVEY_MATRIX);
	if (network)
		chain_network_write(w, m, sv->opts.quiet);
	else
		chain_matrix_write(w, m, sv->opts.quiet);
	chain_matrix_free(m);
	finish(sv, w);
}

static void
run_compare(void *arg, int argc, char **argv)
{
	struct survey *sv = arg;
	const struct chain_survey_input *si = inputs(sv, argc, argv);
	struct chain_waves *c;
	struct chain_out *w;

	if (si == NULL)
		return;
	c = chain_compare_gather(si, sv->by, sv->min_n, sv->from, sv->to);
	w = output(sv, CHAIN_FORMAT_COMPARE);
	sv->found = chain_compare_write(w, c, sv->cell, sv->fail_on);
	chain_compare_free(c);
	finish(sv, w);
}

static const struct chain_command commands[] = {
	{ "items", run_items },
	{ "score", run_score },
	{ "alpha", run_alpha },
	{ "matrix", run_matrix },
	{ "network", run_matrix },
	{ "compare", run_compare },
};

#define NCOMMANDS (sizeof(commands) / sizeof(commands[0]))

int
main(int argc, char *argv[])
{
	struct survey sv;
	struct chain_program p = { NULL, longopts, &sv.opts, usage,
	    program_option, check_options, commands, NCOMMANDS, 0, &sv };
	int status;

	memset(&sv, 0, sizeof(sv));
	chain_opts_init(&sv.opts);
	sv.argv0 = argv[0];
	sv.scale_min = CHAIN_SCALE_MIN;
	sv.scale_max = CHAIN_SCALE_MAX;
	sv.min_n = CHAIN_MIN_N;
	sv.by = -1;			/* not given */
	sv.cell = -1;
	status = chain_run(&p, argc, argv);
	chain_instrument_free(sv.in);
	return status;
}
