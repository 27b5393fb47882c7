/*
 * changes.c: process changes, where the process behind a KPI changed and
 * why.  Making Data Count asks for new limits only where a change to the
 * process is understood, and for the change to be recorded with its
 * reason, so that the chart keeps the story with the data.  A changes file
 * (kpi,period,note) records each change: for one KPI, or for every KPI
 * when kpi is empty or '*' (what --recalc says for a period).  chain-kpi
 * starts new limits at each change of a KPI, after checking that the
 * change names a KPI and one of its periods that the measurements hold;
 * the report draws each change on its KPI's chart, with its note.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chain_priv.h"

/* The columns of a changes file, found (and its keys set); -1 without. */
int
chain_process_change_columns(struct chain_csv *r, int cols[3])
{
	static const char *const required[] = { "kpi", "period", "note",
		NULL };

	chain_csv_keys(r, CHAIN_FORMAT_CHANGES);
	return chain_csv_require(r, required, cols);
}

/* Whether a kpi cell names every KPI: empty or '*'. */
static int
every_kpi(const char *code)
{
	return *code == '\0' || strcmp(code, "*") == 0;
}

/*
 * A row of a changes file read into c (its strings copied); -1 after an
 * error, which names the cell: a missing period or note (a change is
 * recorded with its reason), a bad period.
 */
int
chain_process_change_read(struct chain_csv *r, const struct chain_row *row,
    const int cols[3], struct chain_process_change *c)
{
	char *kpi = chain_strdup(chain_field(row, cols[0]));
	char *note = chain_strdup(chain_field(row, cols[2]));
	const char *name = chain_csv_name(r);
	size_t len;
	int rc = chain_csv_period(r, row, cols[1], &c->period), empty;

	if (rc == 0)
		chain_csv_error(r, row->line, chain_csv_column_name(r,
		    (size_t)cols[1]), "missing value");
	empty = *chain_trim(note) == '\0';
	free(note);
	note = chain_strdup(chain_field(row, cols[2]));	/* as written */
	if (empty) {
		chain_csv_error(r, row->line, chain_csv_column_name(r,
		    (size_t)cols[2]), "missing value: a process change is "
		    "recorded with its reason");
		rc = -1;
	}
	if (rc <= 0) {
		free(kpi);
		free(note);
		return -1;
	}
	c->kpi = every_kpi(chain_trim(kpi)) ? NULL : chain_strdup(chain_trim(kpi));
	free(kpi);
	c->note = note;
	len = strlen(name) + 24;
	c->where = chain_malloc(len);
	snprintf(c->where, len, "%s:%ld", name, row->line);
	return 0;
}

void
chain_process_change_free(struct chain_process_change *c)
{
	free(c->kpi);
	free(c->note);
	free(c->where);
}

/* As the measurements after --as-of are warned about, naming the file. */
static void
warn_after(const char *path, long n, int as_of, struct chain_period latest)
{
	char date[CHAIN_DATE_LEN], last[CHAIN_PERIOD_LEN];

	chain_date_format(as_of, date);
	chain_period_format(latest, last);
	chain_warnx(dngettext(CHAIN_DOMAIN,
	    "warning: %s: %ld change after %s left out, up to %s",
	    "warning: %s: %ld changes after %s left out, up to %s", n), path,
	    n, date, last);
}

/*
 * Reads a changes file; changes of periods that start after as_of have not
 * happened yet and are left out, with one warning (unless quiet).  NULL
 * when it cannot be opened; problems in it raise status 3.
 */
struct chain_process_changes *
chain_process_changes_load(const char *path, const struct chain_opts *o)
{
	struct chain_csv *r = chain_csv_open(path, o);
	struct chain_process_changes *cs;
	struct chain_process_change c;
	struct chain_period latest = { CHAIN_DAY, 0 };
	const struct chain_row *row;
	long after = 0;
	int cols[3];

	if (r == NULL)
		return NULL;
	cs = chain_calloc(1, sizeof(*cs));
	if (chain_process_change_columns(r, cols) == 0)
		while ((row = chain_csv_read(r)) != NULL) {
			if (chain_process_change_read(r, row, cols, &c) != 0)
				continue;
			if (c.period.start > o->as_of) {
				if (after++ == 0 || c.period.start > latest.start)
					latest = c.period;
				chain_process_change_free(&c);
				continue;
			}
			cs->c = chain_reallocarray(cs->c, cs->n + 1,
			    sizeof(*cs->c));
			cs->c[cs->n++] = c;
		}
	chain_csv_close(r);
	if (after > 0 && !o->quiet)
		warn_after(path, after, o->as_of, latest);
	return cs;
}

void
chain_process_changes_free(struct chain_process_changes *cs)
{
	size_t i;

	if (cs == NULL)
		return;
	for (i = 0; i < cs->n; i++)
		chain_process_change_free(&cs->c[i]);
	free(cs->c);
	free(cs);
}

/* The KPI of that code among n, or NULL. */
static struct chain_kpi *
kpi_of(struct chain_kpi **list, size_t n, const char *code)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(list[i]->code, code) == 0)
			return list[i];
	return NULL;
}

/* The codes of the KPIs that have measurements, for a message. */
static char *
measured(struct chain_kpi **list, size_t n)
{
	const char **codes = chain_calloc(n + 1, sizeof(*codes));
	char *joined;
	size_t i, m = 0;

	for (i = 0; i < n; i++)
		if (chain_kpi_groups_sorted(list[i]) > 0)
			codes[m++] = list[i]->code;
	joined = m > 0 ? chain_join(codes, m, ", ") : chain_strdup("none");
	free(codes);
	return joined;
}

/* Whether a KPI (its groups in time order) has a value for period p. */
static int
has_period(const struct chain_kpi *k, size_t ngroups, struct chain_period p,
    struct chain_period *first, struct chain_period *last)
{
	double *values;
	size_t i, nv;
	int found = 0;

	for (i = 0; i < ngroups; i++) {
		struct chain_period q = chain_kpi_group(k, i, &values, &nv);

		if (i == 0)
			*first = q;
		*last = q;
		if (q.kind == p.kind && q.start == p.start)
			found = 1;
	}
	return found;
}

/*
 * Whether a change of one KPI names a KPI of the measurements and one of
 * its periods; else an error (status 3) that names the change and what the
 * measurements hold.
 */
static int
change_ok(const struct chain_process_change *c, struct chain_kpi **list,
    size_t n)
{
	char p[CHAIN_PERIOD_LEN], a[CHAIN_PERIOD_LEN], b[CHAIN_PERIOD_LEN];
	struct chain_period first, last;
	struct chain_kpi *k = kpi_of(list, n, c->kpi);
	size_t ng = k != NULL ? chain_kpi_groups_sorted(k) : 0;
	char *codes;

	chain_period_format(c->period, p);
	if (ng > 0 && has_period(k, ng, c->period, &first, &last))
		return 1;
	if (ng > 0) {
		chain_period_format(first, a);
		chain_period_format(last, b);
		chain_warnx("%s: period: kpi %s has no value for %s (its periods "
		    "run from %s to %s)", c->where, c->kpi, p, a, b);
	} else {
		codes = measured(list, n);
		chain_warnx("%s: kpi: '%s' is not a KPI of the measurements (they "
		    "have: %s)", c->where, c->kpi, codes);
		free(codes);
	}
	chain_raise_status(CHAIN_EXIT_DATA);
	return 0;
}

/*
 * Checks each change of one KPI against the n KPIs of the measurements and
 * leaves out those in error, so that no wrong change starts new limits.
 * Changes of every KPI are checked as --recalc periods are, by the check.
 */
void
chain_process_changes_check(struct chain_process_changes *cs,
    struct chain_kpi **list, size_t n)
{
	size_t i, kept = 0;

	for (i = 0; cs != NULL && i < cs->n; i++)
		if (cs->c[i].kpi == NULL || change_ok(&cs->c[i], list, n))
			cs->c[kept++] = cs->c[i];
		else
			chain_process_change_free(&cs->c[i]);
	if (cs != NULL)
		cs->n = kept;
}

/*
 * The periods that start new limits for the KPI of that code: the n given
 * for every KPI (--recalc), then the changes of every KPI and of that one.
 * Returns how many there are in *out (to be freed).
 */
size_t
chain_process_changes_for(const struct chain_process_changes *cs,
    const char *code, const struct chain_period *every, size_t n,
    struct chain_period **out)
{
	size_t i, m = n;

	*out = chain_calloc(n + (cs != NULL ? cs->n : 0) + 1, sizeof(**out));
	if (n > 0)
		memcpy(*out, every, n * sizeof(**out));
	for (i = 0; cs != NULL && i < cs->n; i++)
		if (cs->c[i].kpi == NULL || strcmp(cs->c[i].kpi, code) == 0)
			(*out)[m++] = cs->c[i].period;
	return m;
}
