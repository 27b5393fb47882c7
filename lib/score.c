/*
 * score.c: survey scores.  A respondent's score on a dimension is the mean
 * of their answers to its items (the reader sums them as it goes), when they
 * answered at least half of them; their overall score (dimension '*') is
 * the mean of their dimension scores.  A group's mean is also read as an
 * index from 0 to 100 on the scale, and that index as a level the way the
 * Wilder inventory reads a 1-5 mean: a strength from 75 (4.0), to discuss
 * from 50 (3.0), else a concern.
 *
 * Whatever a run shows, the responses are kept in the finest cells, one per
 * wave, partner and about, each with only the running moments (Welford's)
 * of its scores per dimension: memory grows with the cells, never with the
 * rows.  Every group any command can show (every grouping of wave, partner
 * and about, none included) is then an exact merge of its cells, so that
 * one pattern of shown and hidden groups, decided over the whole input
 * (audit.c), serves every --by, --wave, --dimension and command alike.
 *
 * Respondents, not responses, decide: one who answered about three
 * partners gives three responses to a group that takes those partners
 * together, and counts once.  To know that, a cell keeps the fingerprints
 * of its first respondents, and drops them once there are min-n; a group's
 * respondents are the union of its cells' lists while each has fewer.
 *
 * score writes a row per group and cell of one grouping, and --fail-on
 * concern or discuss looks for a cell shown at that level.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chain_priv.h"

#define STRENGTH 75.0
#define DISCUSS 50.0
/* the levels' names, which --fail-on takes too */
static const char concern[] = "concern", discuss[] = "discuss",
    strength[] = "strength";
/* an index computed as 74.99999999 from a mean of 4 is still 75 */
#define LEVEL_SLACK 1e-9

/* Recent cells, by fingerprint: most rows need no map lookup. */
#define RECENT 256

/* The groups of one grouping (CHAIN_BY_* bits), sorted once finished. */
struct view {
	struct chain_map *map;
	struct chain_group **list;
	size_t n;
};

struct chain_groups {
	const struct chain_instrument *in;
	long min_n;
	size_t ncells;
	struct view view[CHAIN_VIEWS];	/* [CHAIN_BY_ALL]: the finest cells */
	struct chain_group *recent[RECENT];
	double *score;
	char *key;
	size_t keycap;
	char *first_wave;
	int several_waves;
};

/* score[] gets ndims dimension scores, then the overall score; NAN is none. */
void
chain_score_respondent(const struct chain_instrument *in,
    const struct chain_response *r, double *score)
{
	const struct chain_dimension *dim = in->dims;
	double total = 0;
	size_t d, ndims = in->ndims;
	unsigned scored = 0;

	for (d = 0; d < ndims; d++) {
		unsigned answered = r->answered[d];

		if (answered * 2 >= dim[d].nitems) {
			score[d] = r->sum[d] / answered;
			total += score[d];
			scored++;
		} else
			score[d] = NAN;
	}
	score[ndims] = in->overall && scored > 0 ? total / scored : NAN;
}

struct chain_groups *
chain_groups_new(const struct chain_instrument *in, long min_n)
{
	struct chain_groups *gs = chain_calloc(1, sizeof(*gs));
	size_t v;

	gs->in = in;
	gs->min_n = min_n;
	gs->ncells = in->ndims + 1;
	gs->score = chain_calloc(gs->ncells, sizeof(*gs->score));
	for (v = 0; v < CHAIN_VIEWS; v++)
		gs->view[v].map = chain_map_new();
	return gs;
}

static void
free_group(void *p)
{
	struct chain_group *g = p;
	size_t c;

	for (c = 0; g->counted[c].n >= 0; c++)
		free(g->counted[c].person);
	free(g->counted);
	free(g->wave);
	free(g->partner);
	free(g->about);
	free(g->cell);
	free(g->suppressed);
	free(g->member);
	free(g);
}

void
chain_groups_free(struct chain_groups *gs)
{
	size_t v;

	if (gs == NULL)
		return;
	for (v = 0; v < CHAIN_VIEWS; v++) {
		chain_map_free(gs->view[v].map, free_group);
		free(gs->view[v].list);
	}
	free(gs->score);
	free(gs->key);
	free(gs->first_wave);
	free(gs);
}

long
chain_groups_min_n(const struct chain_groups *gs)
{
	return gs->min_n;
}

int
chain_groups_several_waves(const struct chain_groups *gs)
{
	return gs->several_waves;
}

/* The map key of a group: its three names with a separator between. */
static const char *
group_key(struct chain_groups *gs, const char *wave, const char *partner,
    const char *about)
{
	size_t nw = strlen(wave), np = strlen(partner), na = strlen(about);

	if (nw + np + na + 3 > gs->keycap) {
		gs->keycap = nw + np + na + 64;
		gs->key = chain_realloc(gs->key, gs->keycap);
	}
	memcpy(gs->key, wave, nw);
	gs->key[nw] = '\x1f';
	memcpy(gs->key + nw + 1, partner, np);
	gs->key[nw + 1 + np] = '\x1f';
	memcpy(gs->key + nw + np + 2, about, na + 1);
	return gs->key;
}

/* A group of grouping by, made (empty) when it is new. */
static struct chain_group *
group_slot(struct chain_groups *gs, int by, const char *wave,
    const char *partner, const char *about)
{
	void **slot = chain_map_slot(gs->view[by].map, group_key(gs, wave,
	    partner, about), NULL);
	struct chain_group *g = *slot;

	if (g == NULL) {
		g = chain_calloc(1, sizeof(*g));
		g->wave = chain_strdup(wave);
		g->partner = chain_strdup(partner);
		g->about = chain_strdup(about);
		g->cell = chain_calloc(gs->ncells, sizeof(*g->cell));
		/* one more, marked -1, ends the list */
		g->counted = chain_calloc(gs->ncells + 1, sizeof(*g->counted));
		g->counted[gs->ncells].n = -1;
		g->suppressed = chain_calloc(gs->ncells, 1);
		*slot = g;
	}
	return g;
}

/* The group of grouping by and these names, or NULL when none answered. */
struct chain_group *
chain_groups_find(struct chain_groups *gs, int by, const char *wave,
    const char *partner, const char *about)
{
	return chain_map_get(gs->view[by].map, group_key(gs,
	    by & CHAIN_BY_WAVE ? wave : "", by & CHAIN_BY_PARTNER ? partner : "",
	    by & CHAIN_BY_ABOUT ? about : ""));
}

/* The groups of grouping by, by wave, partner and about. */
struct chain_group *const *
chain_groups_sorted(const struct chain_groups *gs, int by, size_t *n)
{
	*n = gs->view[by].n;
	return gs->view[by].list;
}

/* Counts a respondent in a list of fewer than min-n, unless they count. */
void
chain_count_add(struct chain_count *k, long min_n, uint64_t person)
{
	long i;

	if (k->n >= min_n)
		return;
	for (i = 0; i < k->n; i++)
		if (k->person[i] == person)
			return;
	if (k->person == NULL)
		k->person = chain_calloc((size_t)min_n, sizeof(*k->person));
	k->person[k->n++] = person;
	if (k->n == min_n) {
		free(k->person);
		k->person = NULL;
	}
}

static struct chain_group *
cell_of(struct chain_groups *gs, const struct chain_response *r)
{
	const char *key[3] = { r->wave, r->partner, r->about };
	struct chain_group **recent;

	recent = &gs->recent[chain_seen_hash(key, 3) % RECENT];
	if (*recent == NULL || strcmp((*recent)->partner, r->partner) != 0 ||
	    strcmp((*recent)->about, r->about) != 0 ||
	    strcmp((*recent)->wave, r->wave) != 0)
		*recent = group_slot(gs, CHAIN_BY_ALL, r->wave, r->partner,
		    r->about);
	return *recent;
}

/* A response's scores join the moments of its cell (chain_response_fn). */
void
chain_groups_response(const struct chain_response *r, void *arg)
{
	struct chain_groups *gs = arg;
	struct chain_group *g = cell_of(gs, r);
	size_t c;

	chain_score_respondent(gs->in, r, gs->score);
	for (c = 0; c < gs->ncells; c++)
		if (!isnan(gs->score[c])) {
			chain_moments_add(&g->cell[c], gs->score[c]);
			chain_count_add(&g->counted[c], gs->min_n, r->person);
		}
	if (gs->several_waves)
		return;
	if (gs->first_wave == NULL)
		gs->first_wave = chain_strdup(r->wave);
	else if (strcmp(gs->first_wave, r->wave) != 0)
		gs->several_waves = 1;
}

/* Chan's merge of running moments: exact, as if added one by one. */
static void
moments_merge(struct chain_moments *to, const struct chain_moments *from)
{
	double n, delta;

	if (from->n == 0)
		return;
	if (to->n == 0) {
		*to = *from;
		return;
	}
	n = (double)(to->n + from->n);
	delta = from->mean - to->mean;
	to->mean += delta * (double)from->n / n;
	to->m2 += from->m2 + delta * delta * (double)to->n *
	    (double)from->n / n;
	to->n += from->n;
}

/* The respondents of from counted in to too (as chain_count_add). */
void
chain_count_merge(struct chain_count *to, const struct chain_count *from,
    long min_n)
{
	long i;

	if (from->n >= min_n && to->n < min_n) {
		free(to->person);
		to->person = NULL;
		to->n = min_n;
	}
	for (i = 0; i < from->n && to->n < min_n; i++)
		chain_count_add(to, min_n, from->person[i]);
}

/* Cell i joins the group of grouping by that takes it in. */
static void
join(struct chain_groups *gs, int by, const struct chain_group *cell,
    size_t i)
{
	struct chain_group *g = group_slot(gs, by,
	    by & CHAIN_BY_WAVE ? cell->wave : "",
	    by & CHAIN_BY_PARTNER ? cell->partner : "",
	    by & CHAIN_BY_ABOUT ? cell->about : "");
	size_t c;

	for (c = 0; c < gs->ncells; c++) {
		moments_merge(&g->cell[c], &cell->cell[c]);
		chain_count_merge(&g->counted[c], &cell->counted[c], gs->min_n);
	}
	/* a power of two: the list doubles */
	if ((g->nmember & (g->nmember - 1)) == 0)
		g->member = chain_realloc(g->member, (g->nmember ? 2 *
		    g->nmember : 1) * sizeof(*g->member));
	g->member[g->nmember++] = i;
}

static int
compare_groups(const void *a, const void *b)
{
	const struct chain_group *x = *(const struct chain_group *const *)a;
	const struct chain_group *y = *(const struct chain_group *const *)b;
	int c = strcmp(x->wave, y->wave);

	if (c == 0)
		c = strcmp(x->partner, y->partner);
	return c != 0 ? c : strcmp(x->about, y->about);
}

static void
sort_view(struct view *v)
{
	const char **keys = chain_map_keys(v->map, 0);
	size_t i;

	v->n = chain_map_count(v->map);
	v->list = chain_calloc(v->n + 1, sizeof(*v->list));
	for (i = 0; i < v->n; i++)
		v->list[i] = chain_map_get(v->map, keys[i]);
	free(keys);
	qsort(v->list, v->n, sizeof(*v->list), compare_groups);
}

/* Every coarser group, merged from the finest cells. */
static void
derive(struct chain_groups *gs)
{
	struct view *finest = &gs->view[CHAIN_BY_ALL];
	size_t i;
	int by;

	sort_view(finest);
	for (i = 0; i < finest->n; i++) {
		struct chain_group *cell = finest->list[i];

		cell->member = chain_malloc(sizeof(*cell->member));
		cell->member[0] = i;
		cell->nmember = 1;
		for (by = 0; by < CHAIN_BY_ALL; by++)
			join(gs, by, cell, i);
	}
	for (by = 0; by < CHAIN_BY_ALL; by++)
		sort_view(&gs->view[by]);
}

/*
 * The pattern, decided over the whole input: a group is hidden when one of
 * its cells has fewer than min-n respondents (and more than none), then
 * wherever the audit finds that shown groups give away hidden answers.  A
 * cell without a score is not shown either.
 */
static void
suppress(struct chain_groups *gs)
{
	struct chain_group **all;
	size_t i, c, n = 0;
	int by;

	for (by = 0; by < CHAIN_VIEWS; by++)
		n += gs->view[by].n;
	all = chain_calloc(n + 1, sizeof(*all));
	n = 0;
	for (by = 0; by < CHAIN_VIEWS; by++)
		for (i = 0; i < gs->view[by].n; i++) {
			struct chain_group *g = gs->view[by].list[i];
			int some = 0;

			g->hidden = 0;
			for (c = 0; c < gs->ncells; c++) {
				if (g->counted[c].n > 0 &&
				    g->counted[c].n < gs->min_n)
					g->hidden = 1;
				some |= g->counted[c].n > 0;
			}
			g->hidden |= !some;
			all[n++] = g;
		}
	chain_anonymity_audit(gs->view[CHAIN_BY_ALL].list,
	    gs->view[CHAIN_BY_ALL].n, all, n, gs->ncells, gs->min_n);
	for (i = 0; i < n; i++)
		for (c = 0; c < gs->ncells; c++)
			all[i]->suppressed[c] = all[i]->hidden ||
			    all[i]->counted[c].n == 0;
	free(all);
}

/*
 * The respondents' scores of the inputs in every group, with the pattern
 * of what may be shown.  Every wave is read, whatever --wave says; named
 * (nnamed of them: --from, --to) are the waves the responses must hold.
 */
struct chain_groups *
chain_groups_gather(const struct chain_survey_input *si, long min_n,
    const char *const *named, size_t nnamed)
{
	struct chain_groups *gs = chain_groups_new(si->in, min_n);

	chain_survey_each(si, named, nnamed, chain_groups_response, gs);
	chain_groups_finish(gs);
	return gs;
}

void
chain_groups_finish(struct chain_groups *gs)
{
	derive(gs);
	suppress(gs);
}

double
chain_survey_index(double mean, double min, double max)
{
	return (mean - min) / (max - min) * 100;
}

/*
 * Whether an index is at least a threshold on it (a level, the scale's
 * middle), one computed a hair below (74.99999999 from a mean of 4)
 * counting as on it; never for no index.
 */
int
chain_index_at_least(double index, double threshold)
{
	return !isnan(index) && index + LEVEL_SLACK >= threshold;
}

const char *
chain_survey_level(double index)
{
	if (isnan(index))
		return "";
	if (chain_index_at_least(index, STRENGTH))
		return strength;
	if (chain_index_at_least(index, DISCUSS))
		return discuss;
	return concern;
}

/*
 * A group's figures on one dimension (ndims is the overall score); those of
 * a suppressed cell, or of no group (NULL), are NAN, and its level "", all
 * written empty.
 */
void
chain_group_cell(const struct chain_instrument *in,
    const struct chain_group *g, size_t cell, struct chain_cell *c)
{
	static const struct chain_moments none;
	const struct chain_moments *m = g != NULL ? &g->cell[cell] : &none;
	const struct chain_dimension *d =
	    &in->dims[cell < in->ndims ? cell : 0];

	c->suppressed = g == NULL || g->suppressed[cell];
	c->n = m->n;
	c->mean = m->n > 0 && !c->suppressed ? m->mean : NAN;
	c->sd = c->suppressed ? NAN : chain_moments_sd(m);
	c->index = chain_survey_index(c->mean, d->min, d->max);
	c->level = chain_survey_level(c->index);
}

/* The cell's respondents as written: none when it is suppressed. */
double
chain_cell_n(const struct chain_cell *c)
{
	return c->suppressed ? NAN : (double)c->n;
}

/* --by LIST: the fields grouped by, CHAIN_BY_* bits ("none" is 0). */
int
chain_by_parse(const char *arg)
{
	static const char *const words[] = { "wave", "partner", "about",
		"none", NULL };
	const char *bad;
	int by;

	if (chain_list_check(arg, words, &bad) != 0)
		chain_usage_error("--by: '%s' is not wave, partner, about or "
		    "none", bad);
	by = (chain_list_has(arg, "wave") ? CHAIN_BY_WAVE : 0) |
	    (chain_list_has(arg, "partner") ? CHAIN_BY_PARTNER : 0) |
	    (chain_list_has(arg, "about") ? CHAIN_BY_ABOUT : 0);
	if (chain_list_has(arg, "none") && by != 0)
		chain_usage_error("--by: 'none' goes alone");
	return by;
}

/* --fail-on LIST: CHAIN_FAIL_* bits. */
int
chain_fail_parse(const char *arg)
{
	static const char *const words[] = { concern, discuss, "decline",
		NULL };
	const char *bad;

	if (chain_list_check(arg, words, &bad) != 0)
		chain_usage_error("--fail-on: '%s' is not concern, discuss or "
		    "decline", bad);
	return (chain_list_has(arg, concern) ? CHAIN_FAIL_CONCERN : 0) |
	    (chain_list_has(arg, discuss) ? CHAIN_FAIL_DISCUSS : 0) |
	    (chain_list_has(arg, "decline") ? CHAIN_FAIL_DECLINE : 0);
}

/* Whether a cell shown is at a level that --fail-on names. */
static int
cell_fails(const struct chain_cell *c, int fail_on)
{
	return ((fail_on & CHAIN_FAIL_CONCERN) &&
	    strcmp(c->level, concern) == 0) ||
	    ((fail_on & CHAIN_FAIL_DISCUSS) && strcmp(c->level, discuss) == 0);
}

static void
score_row(struct chain_out *w, const struct chain_instrument *in, int by,
    const struct chain_group *g, size_t d, const struct chain_cell *c)
{
	chain_out_text(w, by & CHAIN_BY_WAVE ? g->wave : "");
	chain_out_text(w, g->partner);
	chain_out_text(w, g->about);
	chain_out_text(w, chain_cell_name(in, d));
	chain_out_number(w, chain_cell_n(c));
	chain_out_number(w, c->mean);
	chain_out_number(w, c->sd);
	chain_out_number(w, c->index);
	chain_out_text(w, c->level);
	chain_out_int(w, c->suppressed);
	chain_out_end(w);
}

/*
 * score: a row per group of --by and cell shown (the one chosen, else
 * all); with --wave (wave, not NULL), the groups of that wave alone.
 * Returns whether a cell is at a level that --fail-on names.
 */
int
chain_score_write(struct chain_out *w, const struct chain_groups *gs,
    int by, const char *wave, int chosen, int fail_on)
{
	char buf[CHAIN_DATE_LEN];
	struct chain_group *const *list;
	struct chain_cell c;
	size_t i, d, n;
	int found = 0;

	if (wave != NULL)
		wave = chain_wave_normalize(wave, buf);
	list = chain_groups_sorted(gs, wave != NULL ? by | CHAIN_BY_WAVE : by,
	    &n);
	for (i = 0; i < n; i++) {
		if (wave != NULL && strcmp(list[i]->wave, wave) != 0)
			continue;
		for (d = 0; d < gs->ncells; d++) {
			if (!chain_cell_shown(gs->in, chosen, d))
				continue;
			chain_group_cell(gs->in, list[i], d, &c);
			score_row(w, gs->in, by, list[i], d, &c);
			found |= cell_fails(&c, fail_on);
		}
	}
	return found;
}
