/*
 * network.c: the trust network, how the trust matrix hangs together.  A
 * partner has a tie to a partner it rates when that group of the matrix
 * (matrix.c, the same groups and the same pattern of shown and hidden
 * ones) is shown and its mean is at least the scale's middle, an index of
 * 50.  A partner's view of itself is no tie, and a hidden group counts as
 * none, so the network tells no more than the matrix shows.
 *
 * Over the n partners the matrix lists (those that rate or are rated):
 * density = ties / (n (n - 1)); reciprocity = the share of ties whose
 * reverse is a tie too; centralisation = Freeman's degree centralisation
 * of the in-degrees, sum(max - in_i) / (n - 1)^2, 0 when every partner is
 * trusted by as many, 1 when all trust one and no other.  Per partner:
 * its in- and out-degree, and the mean of the means shown of how it sees
 * the others (trust given) and of how they see it (trust received), each
 * rated partner counting once however many respondents rated it.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chain_priv.h"

#define MIDDLE 50.0		/* the scale's middle, as an index */

struct node {
	long in, out;			/* ties to it, ties from it */
	struct chain_moments given, received;	/* means shown */
};

struct network {
	struct chain_map *nodes;	/* partner -> struct node */
	long ties, reciprocated;
};

static struct node *
node(struct network *net, const char *partner)
{
	void **slot = chain_map_slot(net->nodes, partner, NULL);

	if (*slot == NULL)
		*slot = chain_calloc(1, sizeof(struct node));
	return *slot;
}

/* A tie: a group shown whose mean is at least the scale's middle. */
static int
tie(const struct chain_cell *c)
{
	return !c->suppressed && chain_index_at_least(c->index, MIDDLE);
}

static void
add_pair(const char *partner, const char *about, const struct chain_cell *c,
    const struct chain_cell *back, void *arg)
{
	struct network *net = arg;
	struct node *from = node(net, partner), *to;

	if (strcmp(partner, about) == 0)	/* its own organisation */
		return;
	to = node(net, about);
	if (!isnan(c->mean)) {
		chain_moments_add(&from->given, c->mean);
		chain_moments_add(&to->received, c->mean);
	}
	if (!tie(c))
		return;
	net->ties++;
	net->reciprocated += tie(back);
	from->out++;
	to->in++;
}

static double
share(double part, double whole)
{
	return whole > 0 ? part / whole : NAN;
}

static double
mean_of(const struct chain_moments *m)
{
	return m->n > 0 ? m->mean : NAN;
}

static void
network_row(struct chain_out *w, const struct network *net,
    const char *const *names, size_t n)
{
	double pairs = (double)n * ((double)n - 1), spread = 0;
	long max = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		const struct node *x = chain_map_get(net->nodes, names[i]);

		if (x->in > max)
			max = x->in;
	}
	for (i = 0; i < n; i++) {
		const struct node *x = chain_map_get(net->nodes, names[i]);

		spread += (double)(max - x->in);
	}
	chain_out_text(w, "");
	chain_out_int(w, (long long)n);
	chain_out_int(w, net->ties);
	chain_out_number(w, share((double)net->ties, pairs));
	chain_out_number(w, share((double)net->reciprocated,
	    (double)net->ties));
	chain_out_number(w, n > 1 ? share(spread, ((double)n - 1) *
	    ((double)n - 1)) : NAN);
	for (i = 0; i < 4; i++)
		chain_out_empty(w);
	chain_out_end(w);
}

static void
partner_row(struct chain_out *w, const char *name, const struct node *x)
{
	int i;

	chain_out_text(w, name);
	for (i = 0; i < 5; i++)
		chain_out_empty(w);
	chain_out_int(w, x->in);
	chain_out_int(w, x->out);
	chain_out_number(w, mean_of(&x->given));
	chain_out_number(w, mean_of(&x->received));
	chain_out_end(w);
}

static void
free_node(void *x)
{
	free(x);
}

/*
 * network: the chain's row (partner empty: the partners, ties, density,
 * reciprocity, centralisation), then a row per partner in order of its
 * code (in- and out-degree, trust given and received).
 */
void
chain_network_write(struct chain_out *w, struct chain_matrix *m, int quiet)
{
	struct network net;
	const char **names;
	size_t i, n;

	memset(&net, 0, sizeof(net));
	net.nodes = chain_map_new();
	chain_matrix_each(m, "network", quiet, add_pair, &net);
	names = chain_map_keys(net.nodes, 1);
	n = chain_map_count(net.nodes);
	network_row(w, &net, names, n);
	for (i = 0; i < n; i++)
		partner_row(w, names[i], chain_map_get(net.nodes, names[i]));
	free(names);
	chain_map_free(net.nodes, free_node);
}
