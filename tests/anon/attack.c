/*
 * attack: what a reader can work out from everything chain-survey shows.
 * attack MIN_N TRUTH FACTS
 *
 * FACTS holds what the outputs show, one group a line,
 * wave,partner,about,dimension,n,sum ('*' for a field not grouped by);
 * TRUTH the finest cells, wave,partner,about,dimension,n,sum,respondents
 * (the respondents' ids separated by spaces).  Every shown group is a sum
 * of finest cells, so the reader solves the linear system (Gaussian
 * elimination in doubles) for every set of up to four cells with fewer
 * than MIN_N respondents, prints each set whose sum it pins down to the
 * true value, and exits 1 when there is one, else 0; a last line counts
 * the figures, the sets tried and those recovered.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_CELLS 4096
#define MAX_FACTS 65536
#define MAX_UNION 4
#define FIELD 64

struct cell {
	char f[4][FIELD];	/* wave, partner, about, dimension */
	double n, sum;
	char ids[1024];
};

struct fact {
	char f[4][FIELD];
	double n, sum;
};

static struct cell cells[MAX_CELLS];
static struct fact facts[MAX_FACTS];
static size_t ncells, nfacts;
static long min_n;
static int leaks;
static long tried;

/* the basis of one dimension, reduced echelon form over its cells */
static double *row[MAX_FACTS], rhs[MAX_FACTS];
static size_t pivot[MAX_FACTS], nrows, dcell[MAX_CELLS], nd;

static int
split(char *line, char **field, int max)
{
	int n = 0;
	char *p = line;

	line[strcspn(line, "\r\n")] = '\0';
	while (n < max) {
		field[n++] = p;
		if ((p = strchr(p, ',')) == NULL)
			break;
		*p++ = '\0';
	}
	return n;
}

static FILE *
open_file(const char *path)
{
	FILE *fp = fopen(path, "r");

	if (fp == NULL) {
		perror(path);
		exit(2);
	}
	return fp;
}

static void
read_truth(const char *path)
{
	FILE *fp = open_file(path);
	char line[4096], *f[7];
	int i;

	while (fgets(line, sizeof(line), fp) != NULL && ncells < MAX_CELLS) {
		if (split(line, f, 7) < 7)
			continue;
		for (i = 0; i < 4; i++)
			snprintf(cells[ncells].f[i], FIELD, "%s", f[i]);
		cells[ncells].n = atof(f[4]);
		cells[ncells].sum = atof(f[5]);
		snprintf(cells[ncells].ids, sizeof(cells[ncells].ids), "%s",
		    f[6]);
		ncells++;
	}
	fclose(fp);
}

static void
read_facts(const char *path)
{
	FILE *fp = open_file(path);
	char line[4096], *f[6];
	int i;

	while (fgets(line, sizeof(line), fp) != NULL && nfacts < MAX_FACTS) {
		if (split(line, f, 6) < 6 || *f[4] == '\0' || *f[5] == '\0')
			continue;
		for (i = 0; i < 4; i++)
			snprintf(facts[nfacts].f[i], FIELD, "%s", f[i]);
		facts[nfacts].n = atof(f[4]);
		facts[nfacts].sum = atof(f[5]);
		nfacts++;
	}
	fclose(fp);
}

static int
matches(const struct fact *x, const struct cell *c)
{
	int i;

	for (i = 0; i < 3; i++)
		if (strcmp(x->f[i], "*") != 0 && strcmp(x->f[i], c->f[i]) != 0)
			return 0;
	return 1;
}

/* v (with its value *val) less the basis rows at its pivots */
static void
reduce(double *v, double *val)
{
	size_t i, j;

	for (i = 0; i < nrows; i++) {
		double f = v[pivot[i]];

		if (fabs(f) < 1e-12)
			continue;
		for (j = 0; j < nd; j++)
			v[j] -= f * row[i][j];
		*val -= f * rhs[i];
	}
}

static void
add_fact(const struct fact *x)
{
	double *v = calloc(nd + 1, sizeof(*v)), val = x->sum, best = 0;
	size_t i, j, p = nd;

	for (j = 0; j < nd; j++)
		v[j] = matches(x, &cells[dcell[j]]);
	reduce(v, &val);
	for (j = 0; j < nd; j++)
		if (fabs(v[j]) > 1e-9 && fabs(v[j]) > best) {
			best = fabs(v[j]);
			p = j;
		}
	if (p == nd) {
		free(v);
		return;
	}
	val /= v[p];
	for (j = 0; j < nd; j++)
		if (j != p)
			v[j] /= v[p];
	v[p] = 1;
	for (i = 0; i < nrows; i++) {
		double f = row[i][p];

		if (fabs(f) < 1e-12)
			continue;
		for (j = 0; j < nd; j++)
			row[i][j] -= f * v[j];
		rhs[i] -= f * val;
	}
	row[nrows] = v;
	rhs[nrows] = val;
	pivot[nrows++] = p;
}

/* The distinct respondents of a set of cells, up to min-n. */
static long
respondents(const size_t *set, size_t n)
{
	static char all[256][FIELD];
	size_t i, k;
	long distinct = 0;
	char ids[1024], *id, *save;

	for (i = 0; i < n; i++) {
		snprintf(ids, sizeof(ids), "%s", cells[dcell[set[i]]].ids);
		for (id = strtok_r(ids, " ", &save); id != NULL;
		    id = strtok_r(NULL, " ", &save)) {
			for (k = 0; k < (size_t)distinct; k++)
				if (strcmp(all[k], id) == 0)
					break;
			if (k == (size_t)distinct && distinct < 256)
				snprintf(all[distinct++], FIELD, "%s", id);
		}
	}
	return distinct;
}

static void
try_set(const size_t *set, size_t n)
{
	double *t = calloc(nd + 1, sizeof(*t)), val = 0, truth = 0;
	size_t i, j;
	long r = respondents(set, n);

	if (r == 0 || r >= min_n) {
		free(t);
		return;
	}
	tried++;
	for (i = 0; i < n; i++) {
		t[set[i]] = 1;
		truth += cells[dcell[set[i]]].sum;
	}
	/* the value of the set is the sum over the basis rows used */
	for (i = 0; i < nrows; i++) {
		double f = t[pivot[i]];

		if (fabs(f) < 1e-12)
			continue;
		for (j = 0; j < nd; j++)
			t[j] -= f * row[i][j];
		val += f * rhs[i];
	}
	for (j = 0; j < nd && fabs(t[j]) < 1e-6; j++)
		;
	if (j == nd && fabs(val - truth) < 1e-3 * (1 + fabs(truth))) {
		printf("recovered %s: the sum of", cells[dcell[set[0]]].f[3]);
		for (i = 0; i < n; i++)
			printf(" %s/%s/%s", cells[dcell[set[i]]].f[0],
			    cells[dcell[set[i]]].f[1], cells[dcell[set[i]]].f[2]);
		printf(" (%ld respondents) is %.4f\n", r, val);
		leaks++;
	}
	free(t);
}

static void
unions(size_t from, size_t *set, size_t depth)
{
	size_t i;

	for (i = from; i < nd; i++) {
		if (cells[dcell[i]].n == 0)
			continue;
		set[depth] = i;
		if (respondents(set, depth + 1) >= min_n)
			continue;
		try_set(set, depth + 1);
		if (depth + 1 < MAX_UNION)
			unions(i + 1, set, depth + 1);
	}
}

static void
attack_dimension(const char *dim)
{
	size_t i, set[MAX_UNION];

	nd = nrows = 0;
	for (i = 0; i < ncells; i++)
		if (strcmp(cells[i].f[3], dim) == 0)
			dcell[nd++] = i;
	for (i = 0; i < nfacts; i++)
		if (strcmp(facts[i].f[3], dim) == 0)
			add_fact(&facts[i]);
	unions(0, set, 0);
	for (i = 0; i < nrows; i++)
		free(row[i]);
}

int
main(int argc, char *argv[])
{
	size_t i, j;

	if (argc != 4) {
		fprintf(stderr, "usage: attack MIN_N TRUTH FACTS\n");
		return 2;
	}
	min_n = atol(argv[1]);
	read_truth(argv[2]);
	read_facts(argv[3]);
	for (i = 0; i < ncells; i++) {
		for (j = 0; j < i; j++)
			if (strcmp(cells[j].f[3], cells[i].f[3]) == 0)
				break;
		if (j == i)
			attack_dimension(cells[i].f[3]);
	}
	printf("%zu figures shown, %ld sets of fewer than %ld respondents "
	    "tried, %d recovered\n", nfacts, tried, min_n, leaks);
	return leaks > 0;
}
