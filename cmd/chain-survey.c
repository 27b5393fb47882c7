/*
 * chain-survey: the soft side of a chain, surveyed.  Reads the responses to
 * an instrument (trust, collaboration, community, attitude, the eight
 * pillars, or the user's own) and scores them per wave, partner and the
 * partner the answers are about, never showing a group too small to stay
 * anonymous; checks the reliability of each dimension; shows how partners
 * see each other; and tests whether a score changed between two waves.
 */
#include <getopt.h>
#include <math.h>
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

#define ALL "items,score,alpha,matrix,compare"

/* Which commands each of the program's own options goes with. */
static const struct chain_option_use option_commands[] = {
	{ OPT_ITEMS, "--items", ALL },
	{ OPT_INSTRUMENT, "--instrument", ALL },
	{ OPT_SCALE, "--scale", ALL },
	{ OPT_LANG, "--lang", "items" },
	{ OPT_BY, "--by", "score,compare" },
	{ OPT_MIN_N, "--min-n", "score,matrix,compare" },
	{ OPT_DIMENSION, "--dimension", "score,matrix,compare" },
	{ OPT_FROM, "--from", "compare" },
	{ OPT_TO, "--to", "compare" },
	{ OPT_WAVE, "--wave", "score,alpha,matrix" },
	{ OPT_IGNORE, "--ignore", "score,alpha,matrix,compare" },
	{ OPT_FAIL_ON, "--fail-on", "score,compare" },
};

#define NOPTIONS (sizeof(option_commands) / sizeof(option_commands[0]))

/* compare --fail-on decline: a fall with a p-value below this */
#define DECLINE_P 0.05

struct survey {
	struct chain_opts opts;
	const char *argv0;
	const char *items, *instrument, *dimension, *from, *to, *wave, *ignore;
	double scale_min, scale_max;
	int dutch, by, by_given;
	long min_n;
	int fail_concern, fail_discuss, fail_decline, found;
	uint64_t given;
	struct chain_instrument *in;
	int cell;			/* --dimension, or -1 for all */
};

static void
usage(int status)
{
	if (status != CHAIN_EXIT_OK)
		chain_usage_error("a command is required");
	printf("usage: chain-survey [options] items|score|alpha|matrix|compare [FILE...]\n"
	    "\n"
	    "Commands:\n"
	    "  items    list the built-in instruments, or print one (--instrument)\n"
	    "  score    per group and dimension: n, mean, sd, index, level\n"
	    "  alpha    per dimension: Cronbach's alpha; per item: r_drop and\n"
	    "           alpha if the item is dropped\n"
	    "  matrix   how each partner sees each other partner, and the reverse\n"
	    "  compare  the change between two waves: Welch's p-value, Cohen's d\n"
	    "\n"
	    "Options:\n"
	    "  --items FILE        the instrument: item,dimension,text[,reverse,min,max]\n"
	    "  --instrument NAME   a built-in instrument (trust, collaboration,\n"
	    "                      community, attitude, pillars, chain)\n"
	    "  --lang en|nl        the language of the item texts (items)\n"
	    "  --scale MIN-MAX     the scale of items that give none (default 1-5)\n"
	    "  --by LIST           group by wave,partner,about or none\n"
	    "                      (score: wave,partner; compare: partner,about)\n"
	    "  --min-n N           show no group of fewer respondents (default 3)\n"
	    "  --dimension D       one dimension ('*' the overall score; matrix default)\n"
	    "  --from WAVE --to WAVE   the waves compared (compare)\n"
	    "  --wave WAVE         only the responses of that wave\n"
	    "  --ignore COL[,COL..]    columns (or items) of the responses to skip\n"
	    "  --fail-on LIST      exit 1 on a group at level concern or discuss\n"
	    "                      (score), or on a decline with p < 0.05 (compare)\n"
	    CHAIN_HELP_COMMON);
	exit(CHAIN_EXIT_OK);
}

static void
parse_scale(struct survey *sv, const char *arg)
{
	const char *dash = arg[0] != '\0' ? strchr(arg + 1, '-') : NULL;
	char *lo;
	int ok;

	if (dash == NULL)
		chain_usage_error("--scale: '%s' is not MIN-MAX", arg);
	lo = chain_strndup(arg, (size_t)(dash - arg));
	ok = chain_number_parse(lo, 0, &sv->scale_min) == 0 &&
	    chain_number_parse(dash + 1, 0, &sv->scale_max) == 0 &&
	    sv->scale_min < sv->scale_max;
	free(lo);
	if (!ok)
		chain_usage_error("--scale: '%s' is not MIN-MAX with MIN below "
		    "MAX", arg);
}

static void
parse_by(struct survey *sv, const char *arg)
{
	static const char *const words[] = { "wave", "partner", "about",
		"none", NULL };
	const char *bad;

	if (chain_list_check(arg, words, &bad) != 0)
		chain_usage_error("--by: '%s' is not wave, partner, about or "
		    "none", bad);
	sv->by = (chain_list_has(arg, "wave") ? CHAIN_BY_WAVE : 0) |
	    (chain_list_has(arg, "partner") ? CHAIN_BY_PARTNER : 0) |
	    (chain_list_has(arg, "about") ? CHAIN_BY_ABOUT : 0);
	if (chain_list_has(arg, "none") && sv->by != 0)
		chain_usage_error("--by: 'none' goes alone");
	sv->by_given = 1;
}

static void
parse_fail_on(struct survey *sv, const char *arg)
{
	static const char *const words[] = { "concern", "discuss", "decline",
		NULL };
	const char *bad;

	if (chain_list_check(arg, words, &bad) != 0)
		chain_usage_error("--fail-on: '%s' is not concern, discuss or "
		    "decline", bad);
	sv->fail_concern = chain_list_has(arg, "concern");
	sv->fail_discuss = chain_list_has(arg, "discuss");
	sv->fail_decline = chain_list_has(arg, "decline");
}

static void
program_option(struct survey *sv, int c, const char *arg)
{
	if (!chain_option_note(option_commands, NOPTIONS, c, &sv->given))
		usage(CHAIN_EXIT_USAGE);
	switch (c) {
	case OPT_ITEMS: sv->items = arg; break;
	case OPT_INSTRUMENT: sv->instrument = arg; break;
	case OPT_DIMENSION: sv->dimension = arg; break;
	case OPT_FROM: sv->from = arg; break;
	case OPT_TO: sv->to = arg; break;
	case OPT_WAVE: sv->wave = arg; break;
	case OPT_IGNORE: sv->ignore = arg; break;
	case OPT_SCALE: parse_scale(sv, arg); break;
	case OPT_BY: parse_by(sv, arg); break;
	case OPT_FAIL_ON: parse_fail_on(sv, arg); break;
	case OPT_MIN_N:
		sv->min_n = chain_parse_count("--min-n", arg, 1, 1000);
		break;
	case OPT_LANG:
		if (strcmp(arg, "en") != 0 && strcmp(arg, "nl") != 0)
			chain_usage_error("--lang: '%s' is not en or nl", arg);
		sv->dutch = strcmp(arg, "nl") == 0;
		break;
	}
}

static void
check_options(struct survey *sv, const char *command)
{
	chain_option_check(option_commands, NOPTIONS, sv->given, command);
	if (sv->items != NULL && sv->instrument != NULL)
		chain_usage_error("--items and --instrument: give one");
	if (strcmp(command, "compare") == 0) {
		if (sv->from == NULL || sv->to == NULL)
			chain_usage_error("compare needs --from WAVE and "
			    "--to WAVE");
		if (sv->by_given && (sv->by & CHAIN_BY_WAVE))
			chain_usage_error("--by wave does not go with compare "
			    "(the waves are --from and --to)");
	}
	if (sv->fail_decline && strcmp(command, "compare") != 0)
		chain_usage_error("--fail-on decline goes with compare");
	if ((sv->fail_concern || sv->fail_discuss) &&
	    strcmp(command, "score") != 0)
		chain_usage_error("--fail-on concern and discuss go with "
		    "score");
}

/* n words, with sep between them. */
static char *
joined(const char *const *words, size_t n, const char *sep)
{
	size_t i, len = 0, nsep = strlen(sep);
	char *s = chain_strdup("");

	for (i = 0; i < n; i++) {
		size_t add = strlen(words[i]);

		s = chain_realloc(s, len + nsep + add + 1);
		if (i > 0) {
			memcpy(s + len, sep, nsep);
			len += nsep;
		}
		memcpy(s + len, words[i], add + 1);
		len += add;
	}
	return s;
}

/* The names of the built-in instruments, for a message. */
static char *
builtin_list(const char *dir)
{
	size_t i, n;
	char **names = chain_instrument_names(dir, &n);
	char *list = joined((const char *const *)names, n, ", ");

	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return list;
}

/* An instrument's dimensions, separated by spaces. */
static char *
dimension_list(const struct chain_instrument *in)
{
	const char **names = chain_calloc(in->ndims, sizeof(*names));
	char *list;
	size_t i;

	for (i = 0; i < in->ndims; i++)
		names[i] = in->dims[i].name;
	list = joined(names, in->ndims, " ");
	free(names);
	return list;
}

static char *
builtin_path(const struct survey *sv)
{
	char *dir = chain_instrument_dir(sv->argv0);
	char *path = chain_instrument_path(dir, sv->instrument), *list;

	if (path != NULL) {
		free(dir);
		return path;
	}
	list = builtin_list(dir);
	if (*list == '\0')
		chain_errx(CHAIN_EXIT_IO, "no built-in instruments in %s "
		    "(set CHAIN_DATA_DIR)", dir != NULL ? dir : "the data "
		    "directory");
	chain_usage_error("--instrument: unknown instrument '%s' (built in: "
	    "%s)", sv->instrument, list);
}

/* The instrument of --items or --instrument; -1 when it cannot be read. */
static int
load_instrument(struct survey *sv, const char *command)
{
	char *path;

	if (sv->items == NULL && sv->instrument == NULL)
		chain_usage_error("%s needs an instrument: --items FILE or "
		    "--instrument NAME", command);
	path = sv->items != NULL ? chain_strdup(sv->items) : builtin_path(sv);
	sv->in = chain_instrument_read(path, &sv->opts, sv->scale_min,
	    sv->scale_max);
	free(path);
	if (sv->in == NULL)
		return -1;
	sv->cell = -1;
	if (sv->dimension != NULL &&
	    (sv->cell = chain_instrument_dimension(sv->in, sv->dimension)) < 0)
		chain_usage_error("--dimension: instrument '%s' has no "
		    "dimension '%s'%s", sv->in->name, sv->dimension,
		    strcmp(sv->dimension, CHAIN_OVERALL) == 0 ? " (its "
		    "dimensions are on different scales)" : "");
	return 0;
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
list_instruments(struct survey *sv, struct chain_out *w)
{
	char *dir = chain_instrument_dir(sv->argv0);
	size_t i, n;
	char **names = chain_instrument_names(dir, &n);

	if (n == 0)
		chain_warnx("no built-in instruments in %s (set "
		    "CHAIN_DATA_DIR)", dir != NULL ? dir : "the data directory");
	chain_out_header(w, chain_format_header(CHAIN_FORMAT_INSTRUMENTS));
	for (i = 0; i < n; i++) {
		char *path = chain_instrument_path(dir, names[i]);
		struct chain_instrument *in = chain_instrument_read(path,
		    &sv->opts, sv->scale_min, sv->scale_max);

		if (in != NULL) {
			char *dims = dimension_list(in);

			chain_out_text(w, names[i]);
			chain_out_int(w, (long long)in->nitems);
			chain_out_text(w, dims);
			chain_out_end(w);
			free(dims);
		}
		chain_instrument_free(in);
		free(path);
		free(names[i]);
	}
	free(names);
	free(dir);
}

static void
run_items(struct survey *sv, int nfiles)
{
	struct chain_out *w;

	if (nfiles > 0)
		chain_usage_error("items takes no file operands");
	if (sv->items != NULL || sv->instrument != NULL)
		load_instrument(sv, "items");
	w = chain_out_open(&sv->opts);
	if (sv->in != NULL)
		chain_instrument_write(w, sv->in, sv->dutch);
	else
		list_instruments(sv, w);
	finish(sv, w);
}

/* Every response of every input goes to fn. */
static struct chain_responses *
each_response(struct survey *sv, int nfiles, char **files,
    chain_response_fn *fn, void *ctx)
{
	struct chain_responses *rs = chain_responses_new(sv->in, &sv->opts);
	int i;

	chain_responses_ignore(rs, sv->ignore);
	chain_responses_only_wave(rs, sv->wave);
	for (i = 0; i < (nfiles ? nfiles : 1); i++)
		chain_responses_read(rs, nfiles ? files[i] : "-", fn, ctx);
	return rs;
}

/* score, matrix and compare: respondents' scores gathered in groups. */
struct scoring {
	const struct chain_instrument *in;
	struct chain_groups *groups;
	double *score;
	const char *from, *to;	/* compare: only these waves */
	int track_waves;	/* matrix: whether waves are taken together */
	char *first_wave;
	int several_waves;
};

static void
score_response(const struct chain_response *r, void *arg)
{
	struct scoring *s = arg;

	if (s->from != NULL && strcmp(r->wave, s->from) != 0 &&
	    strcmp(r->wave, s->to) != 0)
		return;
	chain_score_respondent(s->in, r, s->score);
	chain_groups_add(s->groups, r, s->score);
	if (!s->track_waves || s->several_waves)
		return;
	if (s->first_wave == NULL)
		s->first_wave = chain_strdup(r->wave);
	else if (strcmp(s->first_wave, r->wave) != 0)
		s->several_waves = 1;
}

/*
 * Reads every input into groups, marks those too small to show, and opens
 * the output with its header.
 */
static struct chain_out *
gather(struct survey *sv, int nfiles, char **files, struct scoring *s, int by,
    enum chain_format format)
{
	struct chain_out *w;

	s->in = sv->in;
	s->groups = chain_groups_new(sv->in, by, sv->min_n);
	s->score = chain_calloc(sv->in->ndims + 1, sizeof(*s->score));
	chain_responses_free(each_response(sv, nfiles, files, score_response,
	    s));
	chain_groups_suppress(s->groups);
	w = chain_out_open(&sv->opts);
	chain_out_header(w, chain_format_header(format));
	return w;
}

static void
scoring_free(struct scoring *s)
{
	chain_groups_free(s->groups);
	free(s->score);
	free(s->first_wave);
}

/* The cells a command shows: every dimension and '*', or --dimension. */
static int
shown_cell(const struct survey *sv, size_t c)
{
	if (sv->cell >= 0)
		return (int)c == sv->cell;
	return c < sv->in->ndims || sv->in->overall;
}

static const char *
cell_name(const struct chain_instrument *in, size_t c)
{
	return c < in->ndims ? in->dims[c].name : CHAIN_OVERALL;
}

static void
empty_fields(struct chain_out *w, int n)
{
	while (n-- > 0)
		chain_out_empty(w);
}

static void
score_cell(struct survey *sv, struct chain_out *w, const struct chain_cell *c)
{
	if (c->suppressed) {
		empty_fields(w, 5);
		chain_out_int(w, 1);
		chain_out_end(w);
		return;
	}
	chain_out_int(w, c->n);
	chain_out_number(w, c->mean);
	chain_out_number(w, c->sd);
	chain_out_number(w, c->index);
	chain_out_text(w, c->level);
	chain_out_int(w, 0);
	chain_out_end(w);
	if ((sv->fail_concern && strcmp(c->level, "concern") == 0) ||
	    (sv->fail_discuss && strcmp(c->level, "discuss") == 0))
		sv->found = 1;
}

static void
run_score(struct survey *sv, int nfiles, char **files)
{
	struct scoring s;
	struct chain_group **list;
	struct chain_out *w;
	size_t i, c, n;

	memset(&s, 0, sizeof(s));
	w = gather(sv, nfiles, files, &s, sv->by,
	    CHAIN_FORMAT_SURVEY_SCORE);
	list = chain_groups_sorted(s.groups, &n);
	for (i = 0; i < n; i++)
		for (c = 0; c <= sv->in->ndims; c++) {
			struct chain_cell cell;

			if (!shown_cell(sv, c))
				continue;
			chain_group_cell(sv->in, list[i], c, &cell);
			chain_out_text(w, list[i]->wave);
			chain_out_text(w, list[i]->partner);
			chain_out_text(w, list[i]->about);
			chain_out_text(w, cell_name(sv->in, c));
			score_cell(sv, w, &cell);
		}
	free(list);
	scoring_free(&s);
	finish(sv, w);
}

/* alpha: per dimension, the sums and cross-products of complete answers. */
struct reliability {
	const struct chain_instrument *in;
	struct chain_cov *cov;
	double *x;
};

static void
alpha_response(const struct chain_response *r, void *arg)
{
	struct reliability *a = arg;
	size_t d, j;

	for (d = 0; d < a->in->ndims; d++) {
		const struct chain_dimension *dim = &a->in->dims[d];

		for (j = 0; j < dim->nitems; j++)
			if (isnan(a->x[j] = r->value[dim->items[j]]))
				break;
		if (j == dim->nitems)
			chain_cov_add(&a->cov[d], a->x);
	}
}

static void
alpha_rows(struct chain_out *w, const struct chain_instrument *in, size_t d,
    const struct chain_cov *c)
{
	size_t j;

	chain_out_text(w, in->dims[d].name);
	chain_out_empty(w);
	chain_out_int(w, (long long)c->k);
	chain_out_int(w, c->n);
	chain_out_number(w, chain_alpha(c, -1));
	empty_fields(w, 2);
	chain_out_end(w);
	for (j = 0; j < c->k; j++) {
		chain_out_text(w, in->dims[d].name);
		chain_out_text(w, in->items[in->dims[d].items[j]].id);
		chain_out_empty(w);
		chain_out_int(w, c->n);
		chain_out_empty(w);
		chain_out_number(w, chain_r_drop(c, j));
		chain_out_number(w, chain_alpha(c, (long)j));
		chain_out_end(w);
	}
}

static void
run_alpha(struct survey *sv, int nfiles, char **files)
{
	struct reliability a;
	struct chain_out *w;
	size_t d;

	a.in = sv->in;
	a.cov = chain_calloc(sv->in->ndims, sizeof(*a.cov));
	a.x = chain_calloc(sv->in->nitems, sizeof(*a.x));
	for (d = 0; d < sv->in->ndims; d++)
		chain_cov_init(&a.cov[d], sv->in->dims[d].nitems);
	chain_responses_free(each_response(sv, nfiles, files, alpha_response,
	    &a));
	w = chain_out_open(&sv->opts);
	chain_out_header(w, chain_format_header(CHAIN_FORMAT_ALPHA));
	for (d = 0; d < sv->in->ndims; d++) {
		alpha_rows(w, sv->in, d, &a.cov[d]);
		chain_cov_free(&a.cov[d]);
	}
	free(a.cov);
	free(a.x);
	finish(sv, w);
}

/*
 * matrix: how each partner sees each other partner on one dimension, beside
 * how that partner sees it back.  Every pair gets its reverse, so that both
 * directions are listed.
 */
static void
add_reverse_pairs(struct chain_groups *gs)
{
	size_t i, n;
	struct chain_group **list = chain_groups_sorted(gs, &n);

	for (i = 0; i < n; i++)
		if (*list[i]->about != '\0')
			chain_groups_slot(gs, "", list[i]->about,
			    list[i]->partner);
	free(list);
}

/* The shown mean of a cell, NAN when suppressed or absent. */
static double
shown_mean(const struct survey *sv, const struct chain_group *g)
{
	struct chain_cell c;

	if (g == NULL)
		return NAN;
	chain_group_cell(sv->in, g, (size_t)sv->cell, &c);
	return c.suppressed ? NAN : c.mean;
}

static void
matrix_row(struct survey *sv, struct chain_out *w, struct chain_groups *gs,
    const struct chain_group *g)
{
	struct chain_cell c;
	double back = shown_mean(sv, chain_groups_find(gs, "", g->about,
	    g->partner));

	chain_group_cell(sv->in, g, (size_t)sv->cell, &c);
	chain_out_text(w, g->partner);
	chain_out_text(w, g->about);
	if (c.suppressed)
		empty_fields(w, 3);
	else {
		chain_out_int(w, c.n);
		chain_out_number(w, c.mean);
		chain_out_number(w, c.index);
	}
	chain_out_number(w, back);
	chain_out_number(w, c.suppressed ? NAN : c.mean - back);
	chain_out_end(w);
}

static void
run_matrix(struct survey *sv, int nfiles, char **files)
{
	struct scoring s;
	struct chain_group **list;
	struct chain_out *w;
	size_t i, n;

	memset(&s, 0, sizeof(s));
	if (sv->cell < 0 && (sv->cell = chain_instrument_dimension(sv->in,
	    CHAIN_OVERALL)) < 0)
		chain_usage_error("matrix: instrument '%s' has no overall "
		    "score (its dimensions are on different scales): give "
		    "--dimension", sv->in->name);
	s.track_waves = 1;
	w = gather(sv, nfiles, files, &s, CHAIN_BY_PARTNER | CHAIN_BY_ABOUT,
	    CHAIN_FORMAT_SURVEY_MATRIX);
	if (s.several_waves && !sv->opts.quiet)
		chain_warnx("matrix: the responses of several waves are taken "
		    "together; --wave chooses one");
	add_reverse_pairs(s.groups);
	chain_groups_suppress(s.groups);
	list = chain_groups_sorted(s.groups, &n);
	for (i = 0; i < n; i++)
		if (*list[i]->about != '\0')
			matrix_row(sv, w, s.groups, list[i]);
	free(list);
	scoring_free(&s);
	finish(sv, w);
}

/*
 * compare: each group (by partner and about, or --by) in two waves, per
 * dimension.  A side of fewer than min-n respondents is not shown, and then
 * neither is the change.
 */
static const struct chain_moments no_moments;

static const struct chain_moments *
side(struct chain_groups *gs, const char *wave, const struct chain_group *g,
    size_t c, int *shown)
{
	struct chain_group *x = chain_groups_find(gs, wave, g->partner,
	    g->about);

	*shown = x != NULL && !x->suppressed[c];
	return x != NULL ? &x->cell[c] : &no_moments;
}

static void
compare_cell(struct survey *sv, struct chain_out *w, struct chain_groups *gs,
    const struct chain_group *g, size_t c)
{
	int shown_from, shown_to;
	const struct chain_moments *from = side(gs, sv->from, g, c,
	    &shown_from);
	const struct chain_moments *to = side(gs, sv->to, g, c, &shown_to);
	struct chain_comparison cmp;

	chain_out_text(w, g->partner);
	chain_out_text(w, g->about);
	chain_out_text(w, cell_name(sv->in, c));
	if (shown_from) {
		chain_out_int(w, from->n);
		chain_out_number(w, from->mean);
	} else
		empty_fields(w, 2);
	if (shown_to) {
		chain_out_int(w, to->n);
		chain_out_number(w, to->mean);
	} else
		empty_fields(w, 2);
	if (shown_from && shown_to) {
		chain_compare(from, to, &cmp);
		chain_out_number(w, cmp.change);
		chain_out_number(w, cmp.p);
		chain_out_number(w, cmp.d);
		if (sv->fail_decline && cmp.change < 0 && cmp.p < DECLINE_P)
			sv->found = 1;
	} else
		empty_fields(w, 3);
	chain_out_end(w);
}

static int
compare_pairs(const void *a, const void *b)
{
	const struct chain_group *x = *(const struct chain_group *const *)a;
	const struct chain_group *y = *(const struct chain_group *const *)b;
	int c = strcmp(x->partner, y->partner);

	return c != 0 ? c : strcmp(x->about, y->about);
}

/* One group of each partner and about, whichever wave it is from. */
static struct chain_group **
compared_pairs(struct chain_groups *gs, size_t *n)
{
	struct chain_group **list = chain_groups_sorted(gs, n);
	size_t i, m = 0;

	qsort(list, *n, sizeof(*list), compare_pairs);
	for (i = 0; i < *n; i++)
		if (m == 0 || compare_pairs(&list[m - 1], &list[i]) != 0)
			list[m++] = list[i];
	*n = m;
	return list;
}

static void
run_compare(struct survey *sv, int nfiles, char **files)
{
	char from[CHAIN_DATE_LEN], to[CHAIN_DATE_LEN];
	struct scoring s;
	struct chain_group **list;
	struct chain_out *w;
	size_t i, c, n;

	memset(&s, 0, sizeof(s));
	sv->from = s.from = chain_wave_normalize(sv->from, from);
	sv->to = s.to = chain_wave_normalize(sv->to, to);
	w = gather(sv, nfiles, files, &s, CHAIN_BY_WAVE | (sv->by_given ?
	    sv->by : CHAIN_BY_PARTNER | CHAIN_BY_ABOUT), CHAIN_FORMAT_COMPARE);
	list = compared_pairs(s.groups, &n);
	for (i = 0; i < n; i++)
		for (c = 0; c <= sv->in->ndims; c++)
			if (shown_cell(sv, c))
				compare_cell(sv, w, s.groups, list[i], c);
	free(list);
	scoring_free(&s);
	finish(sv, w);
}

static int
is_command(const char *command)
{
	static const char *const commands[] = { "items", "score", "alpha",
		"matrix", "compare", NULL };
	size_t i;

	for (i = 0; commands[i] != NULL; i++)
		if (strcmp(command, commands[i]) == 0)
			return 1;
	return 0;
}

int
main(int argc, char *argv[])
{
	struct survey sv;
	const char *command;
	int c;

	chain_setprogname(argv[0]);
	memset(&sv, 0, sizeof(sv));
	chain_opts_init(&sv.opts);
	sv.argv0 = argv[0];
	sv.scale_min = 1;
	sv.scale_max = 5;
	sv.min_n = 3;
	sv.by = CHAIN_BY_WAVE | CHAIN_BY_PARTNER;
	while ((c = getopt_long(argc, argv, CHAIN_SHORTOPTS, longopts,
	    NULL)) != -1) {
		if (c == 'h')
			usage(CHAIN_EXIT_OK);
		if (c == '?')
			chain_usage_error("unknown or incomplete option");
		if (!chain_opts_common(&sv.opts, c, optarg))
			program_option(&sv, c, optarg);
	}
	if (optind >= argc)
		usage(CHAIN_EXIT_USAGE);
	command = argv[optind++];
	if (!is_command(command))
		chain_usage_error("unknown command '%s'", command);
	check_options(&sv, command);
	argc -= optind;
	argv += optind;
	if (strcmp(command, "items") == 0)
		run_items(&sv, argc);
	else if (load_instrument(&sv, command) == 0) {
		if (strcmp(command, "score") == 0)
			run_score(&sv, argc, argv);
		else if (strcmp(command, "alpha") == 0)
			run_alpha(&sv, argc, argv);
		else if (strcmp(command, "matrix") == 0)
			run_matrix(&sv, argc, argv);
		else
			run_compare(&sv, argc, argv);
	}
	chain_instrument_free(sv.in);
	if (fflush(stdout) != 0 || ferror(stdout))
		chain_err(CHAIN_EXIT_IO, "standard output: write error");
	return chain_exit_status();
}
