/*
 * score.c: survey scores.  A respondent's score on a dimension is the mean
 * of their answers to its items (the reader sums them as it goes), when they
 * answered at least half of them; their overall score (dimension '*') is
 * the mean of their dimension scores.  Responses are grouped by any of
 * wave, partner and about; a group keeps, per dimension, only the running
 * moments (Welford's) of its responses' scores, so memory grows with the
 * groups and never with the rows.  A group's mean is
 * also read as an index from 0 to 100 on the scale, and that index as a
 * level the way the Wilder inventory reads a 1-5 mean: a strength from 75
 * (4.0), to discuss from 50 (3.0), else a concern.
 *
 * A cell (a group's dimension) of fewer than min-n respondents is never
 * shown.  Respondents, not responses: one who answered about three partners
 * gives three responses to a group that takes those partners together, and
 * counts once.  To know that, a cell keeps the fingerprints of its first
 * respondents, and drops them once there are min-n: the memory stays with
 * the groups.  Suppression then marks the cells over all groups at once,
 * complementary suppression included (see chain_groups_suppress).
 *
 * Score, matrix and compare gather the responses of their inputs in groups
 * here (compare only those of its two waves); score writes a row per group
 * and cell, and --fail-on concern or discuss looks for a cell shown at
 * that level.
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

/* The first respondents of a cell, until there are min-n of them. */
struct chain_count {
	uint64_t *person;
	long n;
};

/* Recent groups, by fingerprint: most rows need no map lookup. */
#define RECENT 256

struct chain_groups {
	const struct chain_instrument *in;
	int by;
	long min_n;
	size_t ncells;
	struct chain_map *map;
	struct chain_group *recent[RECENT];
	char *key;
	size_t keycap;
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
chain_groups_new(const struct chain_instrument *in, int by, long min_n)
{
	struct chain_groups *gs = chain_calloc(1, sizeof(*gs));

	gs->in = in;
	gs->by = by;
	gs->min_n = min_n;
	gs->ncells = in->ndims + 1;
	gs->map = chain_map_new();
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
	free(g);
}

void
chain_groups_free(struct chain_groups *gs)
{
	if (gs == NULL)
		return;
	chain_map_free(gs->map, free_group);
	free(gs->key);
	free(gs);
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

/* A group, made (empty) when it is new. */
struct chain_group *
chain_groups_slot(struct chain_groups *gs, const char *wave,
    const char *partner, const char *about)
{
	void **slot = chain_map_slot(gs->map, group_key(gs, wave, partner,
	    about), NULL);
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

struct chain_group *
chain_groups_find(struct chain_groups *gs, const char *wave,
    const char *partner, const char *about)
{
	return chain_map_get(gs->map, group_key(gs, wave, partner, about));
}

/* Whether g is the group of these names (those grouped by are given). */
static int
same_group(const struct chain_group *g, const char *const name[3])
{
	return g != NULL &&
	    (name[1] == NULL || strcmp(g->partner, name[1]) == 0) &&
	    (name[2] == NULL || strcmp(g->about, name[2]) == 0) &&
	    (name[0] == NULL || strcmp(g->wave, name[0]) == 0);
}

/* Counts a respondent in a cell of fewer than min-n, unless they count. */
static void
count_person(const struct chain_groups *gs, struct chain_count *k,
    uint64_t person)
{
	long i;

	for (i = 0; i < k->n; i++)
		if (k->person[i] == person)
			return;
	if (k->person == NULL)
		k->person = chain_calloc((size_t)gs->min_n,
		    sizeof(*k->person));
	k->person[k->n++] = person;
	if (k->n == gs->min_n) {
		free(k->person);
		k->person = NULL;
	}
}

static struct chain_group *
group_of(struct chain_groups *gs, const struct chain_response *r)
{
	const char *name[3], *key[3];
	struct chain_group **recent;
	size_t c, n = 0;

	name[0] = gs->by & CHAIN_BY_WAVE ? r->wave : NULL;
	name[1] = gs->by & CHAIN_BY_PARTNER ? r->partner : NULL;
	name[2] = gs->by & CHAIN_BY_ABOUT ? r->about : NULL;
	for (c = 0; c < 3; c++)
		if (name[c] != NULL)
			key[n++] = name[c];
	recent = &gs->recent[chain_seen_hash(key, n) % RECENT];
	if (!same_group(*recent, name))
		*recent = chain_groups_slot(gs, name[0] ? name[0] : "",
		    name[1] ? name[1] : "", name[2] ? name[2] : "");
	return *recent;
}

/* A respondent's scores join the moments of their group. */
void
chain_groups_add(struct chain_groups *gs, const struct chain_response *r,
    const double *score)
{
	struct chain_group *g = group_of(gs, r);
	size_t c;

	for (c = 0; c < gs->ncells; c++)
		if (!isnan(score[c])) {
			chain_moments_add(&g->cell[c], score[c]);
			if (g->counted[c].n < gs->min_n)
				count_person(gs, &g->counted[c], r->person);
		}
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

/* The groups by wave, partner and about; the caller frees the array. */
struct chain_group **
chain_groups_sorted(const struct chain_groups *gs, size_t *n)
{
	const char **keys = chain_map_keys(gs->map, 0);
	struct chain_group **list;
	size_t i;

	*n = chain_map_count(gs->map);
	list = chain_calloc(*n + 1, sizeof(*list));
	for (i = 0; i < *n; i++)
		list[i] = chain_map_get(gs->map, keys[i]);
	free(keys);
	qsort(list, *n, sizeof(*list), compare_groups);
	return list;
}

/* Whether two groups differ in field alone (of the fields grouped by). */
static int
same_split(const struct chain_groups *gs, const struct chain_group *a,
    const struct chain_group *b, int field)
{
	if ((gs->by & CHAIN_BY_WAVE) && field != CHAIN_BY_WAVE &&
	    strcmp(a->wave, b->wave) != 0)
		return 0;
	if ((gs->by & CHAIN_BY_PARTNER) && field != CHAIN_BY_PARTNER &&
	    strcmp(a->partner, b->partner) != 0)
		return 0;
	if ((gs->by & CHAIN_BY_ABOUT) && field != CHAIN_BY_ABOUT &&
	    strcmp(a->about, b->about) != 0)
		return 0;
	return 1;
}

/*
 * Complementary suppression in one split: the groups that together make up
 * a coarser group (the same but in field).  When exactly one of them is
 * suppressed, the total of the split less the groups shown would give it
 * away, so the shown group with the fewest responses is suppressed too.
 * Returns whether anything changed.
 */
static int
complement(const struct chain_groups *gs, struct chain_group **list, size_t n,
    size_t first, int field, size_t c, unsigned char *seen)
{
	size_t j, suppressed = 0, members = 0, smallest = n;

	for (j = first; j < n; j++) {
		if (seen[j] || !same_split(gs, list[first], list[j], field))
			continue;
		seen[j] = 1;
		members++;
		/* a group without responses has nothing to give away */
		if (list[j]->suppressed[c] && list[j]->cell[c].n > 0)
			suppressed++;
		else if (!list[j]->suppressed[c] && (smallest == n ||
		    list[j]->cell[c].n < list[smallest]->cell[c].n))
			smallest = j;
	}
	if (suppressed != 1 || smallest == n)
		return 0;
	list[smallest]->suppressed[c] = 1;
	return members > 1;
}

static int
complement_all(const struct chain_groups *gs, struct chain_group **list,
    size_t n, unsigned char *seen)
{
	static const int fields[] = { CHAIN_BY_WAVE, CHAIN_BY_PARTNER,
	    CHAIN_BY_ABOUT };
	size_t f, c, i;
	int changed = 0;

	for (f = 0; f < 3; f++) {
		if (!(gs->by & fields[f]))
			continue;
		for (c = 0; c < gs->ncells; c++) {
			memset(seen, 0, n);
			for (i = 0; i < n; i++)
				if (!seen[i])
					changed |= complement(gs, list, n, i,
					    fields[f], c, seen);
		}
	}
	return changed;
}

/*
 * Marks every cell of fewer than min-n respondents, then, until nothing
 * changes, applies complementary suppression along each field grouped by:
 * no suppressed group can be recovered by subtracting the shown groups of
 * its split from their total.
 */
void
chain_groups_suppress(struct chain_groups *gs)
{
	struct chain_group **list;
	unsigned char *seen;
	size_t i, c, n;

	list = chain_groups_sorted(gs, &n);
	for (i = 0; i < n; i++)
		for (c = 0; c < gs->ncells; c++)
			list[i]->suppressed[c] =
			    list[i]->counted[c].n < gs->min_n;
	seen = chain_malloc(n + 1);
	while (complement_all(gs, list, n, seen))
		;
	free(seen);
	free(list);
}

double
chain_survey_index(double mean, double min, double max)
{
	return (mean - min) / (max - min) * 100;
}

const char *
chain_survey_level(double index)
{
	if (isnan(index))
		return "";
	if (index + LEVEL_SLACK >= STRENGTH)
		return strength;
	if (index + LEVEL_SLACK >= DISCUSS)
		return discuss;
	return concern;
}

/*
 * A group's figures on one dimension (ndims is the overall score); those of
 * a suppressed cell are NAN, and its level "", all written empty.
 */
void
chain_group_cell(const struct chain_instrument *in,
    const struct chain_group *g, size_t cell, struct chain_cell *c)
{
	const struct chain_moments *m = &g->cell[cell];
	const struct chain_dimension *d =
	    &in->dims[cell < in->ndims ? cell : 0];

	c->suppressed = g->suppressed[cell];
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

struct gather {
	const struct chain_instrument *in;
	struct chain_groups *groups;
	double *score;
	const char *const *waves;
	int *several;
	char *first_wave;
};

static void
gather_response(const struct chain_response *r, void *arg)
{
	struct gather *g = arg;

	if (g->waves != NULL && strcmp(r->wave, g->waves[0]) != 0 &&
	    strcmp(r->wave, g->waves[1]) != 0)
		return;
	chain_score_respondent(g->in, r, g->score);
	chain_groups_add(g->groups, r, g->score);
	if (g->several == NULL || *g->several)
		return;
	if (g->first_wave == NULL)
		g->first_wave = chain_strdup(r->wave);
	else if (strcmp(g->first_wave, r->wave) != 0)
		*g->several = 1;
}

/*
 * The respondents' scores of the inputs in groups, the cells too small to
 * show marked.  waves: only the responses of these two count (compare), or
 * NULL for all.  several_waves, unless NULL, tells whether responses of
 * more than one wave were taken together.
 */
struct chain_groups *
chain_groups_gather(const struct chain_survey_input *si, int by, long min_n,
    const char *const *waves, int *several_waves)
{
	struct gather g;

	memset(&g, 0, sizeof(g));
	g.in = si->in;
	g.groups = chain_groups_new(si->in, by, min_n);
	g.score = chain_calloc(si->in->ndims + 1, sizeof(*g.score));
	g.waves = waves;
	g.several = several_waves;
	if (several_waves != NULL)
		*several_waves = 0;
	chain_survey_each(si, waves, waves != NULL ? 2 : 0, gather_response,
	    &g);
	chain_groups_suppress(g.groups);
	free(g.score);
	free(g.first_wave);
	return g.groups;
}

/*
 * score: a row per group and cell shown (the one chosen, else all).
 * Returns whether a cell is at a level that --fail-on names.
 */
int
chain_score_write(struct chain_out *w, const struct chain_groups *gs,
    int chosen, int fail_on)
{
	struct chain_group **list;
	struct chain_cell c;
	size_t i, d, n;
	int found = 0;

	list = chain_groups_sorted(gs, &n);
	for (i = 0; i < n; i++)
		for (d = 0; d < gs->ncells; d++) {
			if (!chain_cell_shown(gs->in, chosen, d))
				continue;
			chain_group_cell(gs->in, list[i], d, &c);
			chain_out_text(w, list[i]->wave);
			chain_out_text(w, list[i]->partner);
			chain_out_text(w, list[i]->about);
			chain_out_text(w, chain_cell_name(gs->in, d));
			chain_out_number(w, chain_cell_n(&c));
			chain_out_number(w, c.mean);
			chain_out_number(w, c.sd);
			chain_out_number(w, c.index);
			chain_out_text(w, c.level);
			chain_out_int(w, c.suppressed);
			chain_out_end(w);
			found |= cell_fails(&c, fail_on);
		}
	free(list);
	return found;
}
