/*
 * audit.c: the anonymity audit.  Every number a survey command shows is a
 * count, a mean or a standard deviation of a group, so a reader who holds
 * all of them holds the counts, sums and sums of squares of the shown
 * groups; each group is a union of finest cells (wave, partner, about), so
 * each shown group is a 0/1 vector over the cells, and whatever a reader
 * can work out by adding and subtracting shown groups is a vector in their
 * span.  The answers of a set of cells are given away exactly when the set's
 * 0/1 vector lies in that span.  The audit looks, per dimension and '*',
 * for such a set among the hidden cells with fewer than min-n respondents
 * in all (every single cell and every union of up to MAX_UNION of them),
 * and while it finds one hides a shown group the set depends on, the one
 * with the fewest responses, until it finds none.
 *
 * The cells shown on their own are known, so only the hidden ones count:
 * each shown group is cut down to its hidden cells, the same cut-down
 * vectors counted once.  The span is an echelon basis in arithmetic modulo
 * a prime (exact, no rounding: the vectors are 0/1), each basis row
 * remembering the shown groups it came from, so that a set found in the
 * span names the groups it depends on.  A set is in the span when its
 * vector reduces to zero; a random weight per free column turns that test
 * into one sum per cell, checked exactly when it is zero.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chain_priv.h"

#define PRIME 2147483647u		/* 2^31 - 1: products fit 64 bits */
#define MAX_UNION 6			/* the most cells in a set tried */
#define MAX_NODES 4000000L		/* the sets tried per search */
#define MAX_TRIES 8			/* the cells shown tried for hiding */

/* A distinct cut-down vector of shown groups, and those groups. */
struct row {
	char *bits;			/* '0'/'1' per hidden cell */
	struct chain_group **group;
	size_t ngroups;
	double cost;			/* their responses, to hide them */
	int dropped;
};

struct audit {
	struct chain_group *const *finest;
	size_t ncell;			/* the cell (dimension) audited */
	long min_n;
	size_t h;			/* hidden cells with responses */
	size_t *hidden;			/* their places among the finest */
	long *at;			/* a finest cell's place among them */
	struct row *row;
	size_t nrows;
	/* the basis: r rows of h columns, pivots, and their origins */
	uint64_t **basis, **origin;
	size_t *pivot, r;
	uint64_t *weight;		/* per hidden cell: its test sum */
	uint64_t *v, *comb;		/* work vectors */
	size_t *small, nsmall;		/* hidden cells of fewer than min-n */
	size_t set[MAX_UNION];
	uint64_t *persons[MAX_UNION + 1];
	long nodes;
	uint64_t seed;
};

static uint64_t
mulmod(uint64_t a, uint64_t b)
{
	return a * b % PRIME;
}

static uint64_t
inverse(uint64_t a)
{
	uint64_t result = 1, e = PRIME - 2;

	while (e > 0) {
		if (e & 1)
			result = mulmod(result, a);
		a = mulmod(a, a);
		e >>= 1;
	}
	return result;
}

/* x -= f y over n columns */
static void
sub_scaled(uint64_t *x, const uint64_t *y, uint64_t f, size_t n)
{
	size_t j;

	for (j = 0; j < n; j++)
		if (y[j] != 0)
			x[j] = (x[j] + PRIME - mulmod(f, y[j])) % PRIME;
}

/* v (and its origin comb) less the basis rows at its pivots. */
static void
reduce(const struct audit *a, uint64_t *v, uint64_t *comb)
{
	size_t i;

	for (i = 0; i < a->r; i++) {
		uint64_t f = v[a->pivot[i]];

		if (f == 0)
			continue;
		sub_scaled(v, a->basis[i], f, a->h);
		sub_scaled(comb, a->origin[i], f, a->nrows);
	}
}

/* Row k joins the basis unless it is in the span already. */
static void
basis_add(struct audit *a, size_t k)
{
	uint64_t *v = chain_calloc(a->h, sizeof(*v));
	uint64_t *comb = chain_calloc(a->nrows, sizeof(*comb));
	uint64_t inv;
	size_t j, i, p = a->h;

	for (j = 0; j < a->h; j++)
		v[j] = a->row[k].bits[j] == '1';
	comb[k] = 1;
	reduce(a, v, comb);
	for (j = 0; j < a->h && p == a->h; j++)
		if (v[j] != 0)
			p = j;
	if (p == a->h) {
		free(v);
		free(comb);
		return;
	}
	inv = inverse(v[p]);
	for (j = 0; j < a->h; j++)
		v[j] = mulmod(v[j], inv);
	for (j = 0; j < a->nrows; j++)
		comb[j] = mulmod(comb[j], inv);
	/* reduced echelon form: no other row has this pivot's column */
	for (i = 0; i < a->r; i++) {
		uint64_t f = a->basis[i][p];

		if (f == 0)
			continue;
		sub_scaled(a->basis[i], v, f, a->h);
		sub_scaled(a->origin[i], comb, f, a->nrows);
	}
	a->basis[a->r] = v;
	a->origin[a->r] = comb;
	a->pivot[a->r++] = p;
}

static void
basis_free(struct audit *a)
{
	size_t i;

	for (i = 0; i < a->r; i++) {
		free(a->basis[i]);
		free(a->origin[i]);
	}
	a->r = 0;
}

static uint64_t
next_random(struct audit *a)
{
	a->seed = a->seed * 6364136223846793005ULL + 1442695040888963407ULL;
	return (a->seed >> 33) % PRIME;
}

/*
 * The basis of the rows not dropped, and each hidden cell's test sum: a
 * set's vector reduces to zero exactly when, on every free column f, the
 * set holds f as often as the basis rows of its pivots do; with a random
 * weight per free column, the sum of its cells' weights is then zero.
 */
static void
basis_build(struct audit *a)
{
	uint64_t *w = chain_calloc(a->h, sizeof(*w));
	unsigned char *free_column = chain_malloc(a->h + 1);
	size_t i, j;

	basis_free(a);
	for (i = 0; i < a->nrows; i++)
		if (!a->row[i].dropped)
			basis_add(a, i);
	memset(free_column, 1, a->h);
	for (i = 0; i < a->r; i++)
		free_column[a->pivot[i]] = 0;
	for (j = 0; j < a->h; j++)
		if (free_column[j])
			w[j] = a->weight[j] = 1 + next_random(a) % (PRIME - 1);
	for (i = 0; i < a->r; i++) {
		uint64_t s = 0;

		for (j = 0; j < a->h; j++)
			if (free_column[j] && a->basis[i][j] != 0)
				s = (s + mulmod(a->basis[i][j], w[j])) % PRIME;
		a->weight[a->pivot[i]] = (PRIME - s) % PRIME;
	}
	free(w);
	free(free_column);
}

/* Whether the set's vector is in the span: its origin left in a->comb. */
static int
in_span(struct audit *a, size_t n)
{
	size_t j;

	memset(a->v, 0, a->h * sizeof(*a->v));
	memset(a->comb, 0, a->nrows * sizeof(*a->comb));
	for (j = 0; j < n; j++)
		a->v[a->set[j]] = 1;
	/* the set is the sum of the basis rows of its pivots, if anything */
	for (j = 0; j < a->r; j++) {
		uint64_t f = a->v[a->pivot[j]];

		if (f == 0)
			continue;
		sub_scaled(a->v, a->basis[j], f, a->h);
		sub_scaled(a->comb, a->origin[j], PRIME - f, a->nrows);
	}
	for (j = 0; j < a->h; j++)
		if (a->v[j] != 0)
			return 0;
	return 1;
}

/* The union of the respondents so far and those of cell c, if < min-n. */
static long
persons_join(const struct audit *a, size_t depth, long n, size_t c)
{
	const struct chain_count *k = &a->finest[a->hidden[c]]->counted[
	    a->ncell];
	uint64_t *to = a->persons[depth + 1];
	long i, j, m = n;

	memcpy(to, a->persons[depth], (size_t)n * sizeof(*to));
	for (i = 0; i < k->n; i++) {
		for (j = 0; j < n && to[j] != k->person[i]; j++)
			;
		if (j < n)
			continue;
		if (m + 1 >= a->min_n)
			return -1;
		to[m++] = k->person[i];
	}
	return m;
}

/*
 * Every union of small hidden cells, up to MAX_UNION of them with fewer
 * than min-n respondents together, from small[from] on; returns the size
 * of one whose vector is in the span (its cells in a->set), else 0.
 */
static size_t
search(struct audit *a, size_t from, size_t depth, uint64_t sum, long n)
{
	size_t i, found;

	for (i = from; i < a->nsmall && a->nodes < MAX_NODES; i++) {
		size_t c = a->small[i];
		uint64_t s = (sum + a->weight[c]) % PRIME;
		long m = persons_join(a, depth, n, c);

		a->nodes++;
		if (m < 0)
			continue;
		a->set[depth] = c;
		if (s == 0 && in_span(a, depth + 1))
			return depth + 1;
		if (depth + 1 < MAX_UNION &&
		    (found = search(a, i + 1, depth + 1, s, m)) > 0)
			return found;
	}
	return 0;
}

/* Hides (or shows again) a group and every other of the same cells. */
static void
set_hidden(struct chain_group *g, int hidden)
{
	struct chain_group *t = g;

	do {
		t->hidden = hidden;
		t = t->twin;
	} while (t != g);
}

/* The groups of the same cells (one group by several names), in rings. */
static void
link_twins(struct chain_group *const *group, size_t ngroups)
{
	struct chain_map *seen = chain_map_new();
	char *key = NULL;
	size_t i, j, cap = 0;

	for (i = 0; i < ngroups; i++) {
		struct chain_group *g = group[i];
		size_t len = 0;
		void **slot;

		if (cap < 21 * g->nmember + 1) {
			cap = 21 * g->nmember + 64;
			key = chain_realloc(key, cap);
		}
		for (j = 0; j < g->nmember; j++)
			len += (size_t)snprintf(key + len, cap - len, "%zu,",
			    g->member[j]);
		key[len] = '\0';
		slot = chain_map_slot(seen, key, NULL);
		if (*slot == NULL) {
			g->twin = g;
			*slot = g;
		} else {
			struct chain_group *first = *slot;

			g->twin = first->twin;
			first->twin = g;
			g->hidden |= first->hidden;
		}
	}
	for (i = 0; i < ngroups; i++)
		if (group[i]->hidden)
			set_hidden(group[i], 1);
	free(key);
	chain_map_free(seen, NULL);
}

/* Hides the cheapest groups the set found depends on. */
static void
hide_one(struct audit *a)
{
	size_t i, best = a->nrows;

	for (i = 0; i < a->nrows; i++)
		if (!a->row[i].dropped && a->comb[i] != 0 && (best == a->nrows ||
		    a->row[i].cost < a->row[best].cost))
			best = i;
	if (best == a->nrows)
		abort();	/* a set in the span depends on some row */
	a->row[best].dropped = 1;
	for (i = 0; i < a->row[best].ngroups; i++)
		set_hidden(a->row[best].group[i], 1);
}

/* The hidden cells with responses on this dimension, and the small ones. */
static void
hidden_cells(struct audit *a, size_t nfinest)
{
	size_t i;

	a->h = a->nsmall = 0;
	for (i = 0; i < nfinest; i++) {
		const struct chain_group *g = a->finest[i];

		a->at[i] = -1;
		if (!g->hidden || g->cell[a->ncell].n == 0)
			continue;
		a->at[i] = (long)a->h;
		if (g->counted[a->ncell].n < a->min_n)
			a->small[a->nsmall++] = a->h;
		a->hidden[a->h++] = i;
	}
}

/* The shown groups cut down to the hidden cells, each vector once. */
static void
shown_rows(struct audit *a, struct chain_group *const *group, size_t ngroups)
{
	struct chain_map *seen = chain_map_new();
	char *bits = chain_malloc(a->h + 1);
	size_t i, j;

	a->nrows = 0;
	for (i = 0; i < ngroups; i++) {
		const struct chain_group *g = group[i];
		struct row *row;
		void **slot;
		int some = 0;

		if (g->hidden)
			continue;
		memset(bits, '0', a->h);
		bits[a->h] = '\0';
		for (j = 0; j < g->nmember; j++)
			if (a->at[g->member[j]] >= 0) {
				bits[a->at[g->member[j]]] = '1';
				some = 1;
			}
		if (!some)
			continue;
		slot = chain_map_slot(seen, bits, NULL);
		if (*slot == NULL) {
			row = &a->row[a->nrows++];
			memset(row, 0, sizeof(*row));
			row->bits = chain_strdup(bits);
			*slot = row;
		}
		row = *slot;
		/* a power of two: the list doubles */
		if ((row->ngroups & (row->ngroups - 1)) == 0)
			row->group = chain_realloc(row->group, (row->ngroups ?
			    2 * row->ngroups : 1) * sizeof(*row->group));
		row->group[row->ngroups++] = group[i];
		row->cost += (double)g->cell[a->ncell].n;
	}
	free(bits);
	chain_map_free(seen, NULL);
}

/* The cut-down rows and the work space of one look at the hidden cells. */
static void
prepare(struct audit *a, size_t nfinest, struct chain_group *const *group,
    size_t ngroups)
{
	size_t i;

	hidden_cells(a, nfinest);
	shown_rows(a, group, ngroups);
	a->basis = chain_calloc(a->nrows + 1, sizeof(*a->basis));
	a->origin = chain_calloc(a->nrows + 1, sizeof(*a->origin));
	a->pivot = chain_calloc(a->nrows + 1, sizeof(*a->pivot));
	a->weight = chain_calloc(a->h + 1, sizeof(*a->weight));
	a->v = chain_calloc(a->h + 1, sizeof(*a->v));
	a->comb = chain_calloc(a->nrows + 1, sizeof(*a->comb));
	for (i = 0; i <= MAX_UNION; i++)
		a->persons[i] = chain_calloc((size_t)a->min_n,
		    sizeof(*a->persons[i]));
	basis_build(a);
}

static void
release(struct audit *a)
{
	size_t i;

	basis_free(a);
	for (i = 0; i <= MAX_UNION; i++)
		free(a->persons[i]);
	for (i = 0; i < a->nrows; i++) {
		free(a->row[i].bits);
		free(a->row[i].group);
	}
	free(a->basis);
	free(a->origin);
	free(a->pivot);
	free(a->weight);
	free(a->v);
	free(a->comb);
}

/* Whether the finest cells of set[] are still given away. */
static int
still_given_away(struct audit *a, const size_t *set, size_t n, size_t nfinest,
    struct chain_group *const *group, size_t ngroups)
{
	size_t j;
	int given;

	prepare(a, nfinest, group, ngroups);
	for (j = 0; j < n; j++)
		a->set[j] = (size_t)a->at[set[j]];
	given = in_span(a, n);
	release(a);
	return given;
}

/* A cell shown on its own, and its responses on the dimension audited. */
struct part {
	struct chain_group *cell;
	long n;
};

static int
by_responses(const void *x, const void *y)
{
	const struct part *a = x, *b = y;

	return (a->n > b->n) - (a->n < b->n);
}

/*
 * A set is given away: rather than a group it depends on, a cell shown on
 * its own that the groups hold may be hidden, when it has fewer responses
 * and hiding it is enough (as complementary suppression hides the smallest
 * part shown).  Returns whether one was.
 */
static int
hide_part(struct audit *a, size_t n, size_t nfinest,
    struct chain_group *const *group, size_t ngroups)
{
	struct part *part = chain_calloc(nfinest + 1, sizeof(*part));
	size_t set[MAX_UNION], i, j, k, nparts = 0, tries = 0;
	double cheapest = -1;
	int done = 0;

	for (i = 0; i < n; i++)
		set[i] = a->hidden[a->set[i]];
	for (i = 0; i < a->nrows; i++) {
		if (a->row[i].dropped || a->comb[i] == 0)
			continue;
		if (cheapest < 0 || a->row[i].cost < cheapest)
			cheapest = a->row[i].cost;
		for (j = 0; j < a->row[i].ngroups; j++)
			for (k = 0; k < a->row[i].group[j]->nmember; k++) {
				struct chain_group *f =
				    a->finest[a->row[i].group[j]->member[k]];

				if (!f->hidden && (double)f->cell[a->ncell].n <
				    cheapest && nparts < nfinest) {
					f->hidden = 2;	/* listed */
					part[nparts].cell = f;
					part[nparts++].n = f->cell[a->ncell].n;
				}
			}
	}
	for (i = 0; i < nparts; i++)
		part[i].cell->hidden = 0;
	release(a);
	qsort(part, nparts, sizeof(*part), by_responses);
	for (i = 0; i < nparts && tries < MAX_TRIES && !done; i++) {
		if ((double)part[i].n >= cheapest)
			break;
		tries++;
		set_hidden(part[i].cell, 1);
		if (!(done = !still_given_away(a, set, n, nfinest, group,
		    ngroups)))
			set_hidden(part[i].cell, 0);
	}
	free(part);
	return done;
}

static void
audit_cell(struct audit *a, size_t nfinest, struct chain_group *const *group,
    size_t ngroups)
{
	size_t found;

	do {
		prepare(a, nfinest, group, ngroups);
		a->nodes = 0;
		found = a->nsmall > 0 ? search(a, 0, 0, 0, 0) : 0;
		if (found == 0)
			release(a);
		else if (!hide_part(a, found, nfinest, group, ngroups)) {
			/* hide_part released the rows: look again */
			prepare(a, nfinest, group, ngroups);
			if ((found = search(a, 0, 0, 0, 0)) > 0)
				hide_one(a);
			release(a);
		}
	} while (found > 0);
}

/*
 * Hides more groups (group[], the finest cells among them) until no set of
 * hidden cells with fewer than min-n respondents can be worked out from
 * the groups shown, on any of the ncells dimensions.
 */
void
chain_anonymity_audit(struct chain_group *const *finest, size_t nfinest,
    struct chain_group *const *group, size_t ngroups, size_t ncells,
    long min_n)
{
	struct audit a;

	memset(&a, 0, sizeof(a));
	a.finest = finest;
	a.min_n = min_n;
	a.seed = 0x9e3779b97f4a7c15ULL;
	a.hidden = chain_calloc(nfinest + 1, sizeof(*a.hidden));
	a.small = chain_calloc(nfinest + 1, sizeof(*a.small));
	a.at = chain_calloc(nfinest + 1, sizeof(*a.at));
	a.row = chain_calloc(ngroups + 1, sizeof(*a.row));
	link_twins(group, ngroups);
	for (a.ncell = 0; a.ncell < ncells; a.ncell++)
		audit_cell(&a, nfinest, group, ngroups);
	free(a.hidden);
	free(a.small);
	free(a.at);
	free(a.row);
}
