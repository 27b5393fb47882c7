/*
 * fuzz_survey: the commands of chain-survey, through the library, on any
 * responses, or any instrument.  Each configuration is one command line,
 * FILE the input; a built-in instrument is read once, from the source tree.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "input.h"

struct config {
	void (*run)(const struct config *c,
	    const struct chain_survey_input *si);
	const char *instrument;		/* --instrument NAME; NULL: --items FILE */
	int excel;
	int by;				/* --by; -1: the command's own */
	long min_n;			/* --min-n; 0: CHAIN_MIN_N */
	const char *ignore;		/* --ignore */
	int fail_on;			/* --fail-on */
	const char *from, *to;		/* compare */
};

static struct chain_out *
output(const struct chain_opts *o, enum chain_format format)
{
	struct chain_out *w = chain_out_open(o);

	chain_out_header(w, chain_format_header(format));
	return w;
}

static void
finish(int found, struct chain_out *w)
{
	if (found)
		chain_raise_status(CHAIN_EXIT_FOUND);
	chain_out_close(w, chain_exit_status() <= CHAIN_EXIT_FOUND);
}

static long
min_n(const struct config *c)
{
	return c->min_n > 0 ? c->min_n : CHAIN_MIN_N;
}

static void
run_score(const struct config *c, const struct chain_survey_input *si)
{
	struct chain_groups *gs = chain_groups_gather(si, min_n(c), NULL, 0);
	struct chain_out *w = output(si->opts, CHAIN_FORMAT_SURVEY_SCORE);
	int found = chain_score_write(w, gs, c->by < 0 ? CHAIN_SCORE_BY :
	    c->by, NULL, -1, c->fail_on);

	chain_groups_free(gs);
	finish(found, w);
}

static void
run_alpha(const struct config *c, const struct chain_survey_input *si)
{
	struct chain_reliability *a = chain_reliability_gather(si, min_n(c));
	struct chain_out *w = output(si->opts, CHAIN_FORMAT_ALPHA);

	chain_alpha_write(w, a, NULL);
	chain_reliability_free(a);
	finish(0, w);
}

static void
run_matrix(const struct config *c, const struct chain_survey_input *si)
{
	struct chain_matrix *m;
	struct chain_out *w;

	/* without an overall score, chain-survey stops with a usage error */
	if ((m = chain_matrix_gather(si, min_n(c), -1)) == NULL)
		return;
	w = output(si->opts, CHAIN_FORMAT_SURVEY_MATRIX);
	chain_matrix_write(w, m, si->opts->quiet);
	chain_matrix_free(m);
	finish(0, w);
}

static void
run_network(const struct config *c, const struct chain_survey_input *si)
{
	struct chain_matrix *m;
	struct chain_out *w;

	if ((m = chain_matrix_gather(si, min_n(c), -1)) == NULL)
		return;
	w = output(si->opts, CHAIN_FORMAT_SURVEY_NETWORK);
	chain_network_write(w, m, si->opts->quiet);
	chain_matrix_free(m);
	finish(0, w);
}

static void
run_compare(const struct config *c, const struct chain_survey_input *si)
{
	struct chain_waves *cmp = chain_compare_gather(si,
	    chain_compare_by(c->by), min_n(c), c->from, c->to);
	struct chain_out *w = output(si->opts, CHAIN_FORMAT_COMPARE);
	int found = chain_compare_write(w, cmp, -1, c->fail_on);

	chain_compare_free(cmp);
	finish(found, w);
}

static const struct config configs[] = {
	/* score --instrument trust FILE */
	{ .run = run_score, .instrument = "trust", .by = -1 },
	/* score --instrument chain --by partner,about,wave --min-n 1 FILE */
	{ .run = run_score, .instrument = "chain", .by = CHAIN_BY_PARTNER |
	    CHAIN_BY_ABOUT | CHAIN_BY_WAVE, .min_n = 1 },
	/* alpha --instrument trust FILE */
	{ .run = run_alpha, .instrument = "trust", .by = -1 },
	/* matrix --instrument trust FILE */
	{ .run = run_matrix, .instrument = "trust", .by = -1 },
	/* compare --instrument trust --from 2026-05 --to 2026-11 FILE */
	{ .run = run_compare, .instrument = "trust", .by = -1,
	    .from = "2026-05", .to = "2026-11" },
	/* score --items FILE FILE */
	{ .run = run_score, .by = -1 },
	/* alpha --items FILE --excel FILE */
	{ .run = run_alpha, .by = -1, .excel = 1 },
	/* score --instrument pillars --ignore timestamp --fail-on concern FILE */
	{ .run = run_score, .instrument = "pillars", .by = -1,
	    .ignore = "timestamp", .fail_on = CHAIN_FAIL_CONCERN },
	/* network --instrument trust --min-n 1 FILE */
	{ .run = run_network, .instrument = "trust", .by = -1, .min_n = 1 },
};

#define NCONFIGS (sizeof(configs) / sizeof(configs[0]))

/* The built-in instrument of each configuration that has one. */
static struct chain_instrument *builtin[NCONFIGS];

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct chain_opts o;
	char *dir, *path;
	size_t i;

	(void)argc;
	(void)argv;
	input_init("chain-survey");
	chain_opts_init(&o);
	if ((dir = chain_instrument_dir(NULL)) == NULL)
		abort();
	for (i = 0; i < NCONFIGS; i++) {
		if (configs[i].instrument == NULL)
			continue;
		if ((path = chain_instrument_path(dir,
		    configs[i].instrument)) == NULL ||
		    (builtin[i] = chain_instrument_read(path, &o,
		    CHAIN_SCALE_MIN, CHAIN_SCALE_MAX)) == NULL)
			abort();
		free(path);
	}
	free(dir);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct chain_instrument *items = NULL;
	struct chain_survey_input si;
	const struct config *c;
	struct chain_opts o;
	int n;

	if ((n = input_config(data, size, NCONFIGS)) < 0)
		return 0;
	c = &configs[n];
	chain_opts_init(&o);
	o.excel = c->excel;
	memset(&si, 0, sizeof(si));
	if (c->instrument == NULL)
		items = chain_instrument_read(input_path, &o, CHAIN_SCALE_MIN,
		    CHAIN_SCALE_MAX);
	si.in = c->instrument != NULL ? builtin[n] : items;
	si.opts = &o;
	si.ignore = c->ignore;
	si.argc = 1;
	si.argv = input_files;
	if (si.in != NULL)
		c->run(c, &si);
	chain_instrument_free(items);
	input_done();
	return 0;
}
