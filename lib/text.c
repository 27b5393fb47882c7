/*
 * text.c: the weekly report as Markdown (for wikis and mail) and as plain
 * text for a terminal, where sparklines stand in for the control charts.
 * Both are built from the same tables; only the escaping and the table
 * drawing differ.  Text from the inputs is cleaned (utf8.c: U+FFFD for
 * bytes that are not UTF-8 and for control characters, bidirectional
 * controls removed) and in Markdown escaped too, so that no input can
 * forge markup, send escape sequences to a terminal or turn a line around.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_priv.h"

#define SPARK_POINTS 26	/* a sparkline shows the latest half year of weeks */

struct table {
	char **cells;		/* rows x cols, row-major */
	size_t rows, cols, cap;
	int *right;		/* right-aligned columns */
};

static void
table_init(struct table *t, size_t cols)
{
	memset(t, 0, sizeof(*t));
	t->cols = cols;
	t->right = chain_calloc(cols, sizeof(*t->right));
}

static void
table_cell(struct table *t, const char *s)
{
	t->cells = chain_reallocarray(t->cells, t->cap + 1, sizeof(*t->cells));
	t->cells[t->cap++] = chain_text_clean(s != NULL ? s : "", 0);
	t->rows = (t->cap + t->cols - 1) / t->cols;
}

static void
table_free(struct table *t)
{
	size_t i;

	for (i = 0; i < t->cap; i++)
		free(t->cells[i]);
	free(t->cells);
	free(t->right);
}

/* Display width: code points, a fair measure for the scripts used here. */
static size_t
width(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* Writes input text cleaned, and Markdown-escaped for Markdown. */
static void
put_text(FILE *fp, const char *text, int markdown)
{
	char *clean = chain_text_clean(text, 0), *s;

	for (s = clean; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (!markdown) {
			fputc(c, fp);
			continue;
		}
		switch (c) {
		case '<': fputs("&lt;", fp); break;
		case '>': fputs("&gt;", fp); break;
		case '&': fputs("&amp;", fp); break;
		case '\\': case '`': case '*': case '_': case '[': case ']':
		case '|': case '#': case '~':
			fputc('\\', fp);
			fputc(c, fp);
			break;
		default:
			fputc(c, fp);
		}
	}
	free(clean);
}

/* The width of a cell as put_text writes it: cleaned, and escaped in Markdown. */
static size_t
text_width(const char *text, int markdown)
{
	char *clean = chain_text_clean(text, 0);
	size_t n = width(clean);
	const char *s;

	for (s = clean; markdown && *s != '\0'; s++)
		n += strchr("\\`*_[]|#~", *s) != NULL ? 1 :
		    *s == '<' || *s == '>' ? 3 : *s == '&' ? 4 : 0;
	free(clean);
	return n;
}

static void
pad(FILE *fp, size_t n)
{
	while (n-- > 0)
		fputc(' ', fp);
}

/* Ends a line of a table, without the blanks that padding left at its end. */
static void
flush_line(FILE *fp, char **buf, size_t *len, FILE **line)
{
	size_t n;

	fclose(*line);
	n = *len;
	while (n > 0 && (*buf)[n - 1] == ' ')
		n--;
	fwrite(*buf, 1, n, fp);
	fputc('\n', fp);
	free(*buf);
	*line = open_memstream(buf, len);
}

static void
table_print(const struct table *t, FILE *fp, int markdown)
{
	size_t *w = chain_calloc(t->cols, sizeof(*w)), r, c, len;
	char *buf;
	FILE *out = open_memstream(&buf, &len);

	for (c = 0; c < t->cols; c++)
		w[c] = markdown ? 3 : 0;	/* Markdown wants --- at least */
	for (r = 0; r < t->rows; r++)
		for (c = 0; c < t->cols && r * t->cols + c < t->cap; c++)
			if (text_width(t->cells[r * t->cols + c], markdown) > w[c])
				w[c] = text_width(t->cells[r * t->cols + c],
				    markdown);
	for (r = 0; r < t->rows; r++) {
		for (c = 0; c < t->cols; c++) {
			const char *s = r * t->cols + c < t->cap ?
			    t->cells[r * t->cols + c] : "";
			size_t gap = w[c] - text_width(s, markdown);

			fputs(markdown ? (c == 0 ? "| " : " | ") : (c ? "  " : ""),
			    out);
			if (t->right[c])
				pad(out, gap);
			put_text(out, s, markdown);
			if (!t->right[c])
				pad(out, gap);
		}
		if (markdown)
			fputs(" |", out);
		flush_line(fp, &buf, &len, &out);
		if (r > 0)
			continue;
		for (c = 0; c < t->cols; c++) {
			size_t k;

			fputs(markdown ? (c == 0 ? "| " : " | ") : (c ? "  " : ""),
			    out);
			for (k = 0; k < w[c]; k++)
				fputc(markdown && t->right[c] && k + 1 == w[c] ?
				    ':' : '-', out);
		}
		if (markdown)
			fputs(" |", out);
		flush_line(fp, &buf, &len, &out);
	}
	fclose(out);
	free(buf);
	free(w);
}

static const char *
T(const struct chain_report *r, const char *key)
{
	return chain_tr(r, key);
}

static void
heading(FILE *fp, const char *title, int level, int markdown)
{
	char *clean;
	size_t n;

	if (markdown) {
		fprintf(fp, "\n%.*s ", level + 1, "####");
		put_text(fp, title, 1);
		fputs("\n\n", fp);
		return;
	}
	fputc('\n', fp);
	put_text(fp, title, 0);
	fputc('\n', fp);
	clean = chain_text_clean(title, 0);
	n = width(clean);
	free(clean);
	for (; n > 0; n--)
		fputc(level == 1 ? '=' : '-', fp);
	fputs("\n\n", fp);
}

static void
line(FILE *fp, const char *s, int markdown)
{
	put_text(fp, s, markdown);
	fputs("\n", fp);
}

/* A sparkline of a KPI's values: eight levels between its min and max. */
static void
sparkline(const struct chain_kpi_series *k, char *buf, size_t size)
{
	static const char *const bars[] = { "\xe2\x96\x81", "\xe2\x96\x82",
	    "\xe2\x96\x83", "\xe2\x96\x84", "\xe2\x96\x85", "\xe2\x96\x86",
	    "\xe2\x96\x87", "\xe2\x96\x88" };
	double lo = INFINITY, hi = -INFINITY;
	size_t i, from = k->npoints > SPARK_POINTS ?
	    k->npoints - SPARK_POINTS : 0, n = 0;

	buf[0] = '\0';
	for (i = from; i < k->npoints; i++) {
		if (k->points[i].value < lo)
			lo = k->points[i].value;
		if (k->points[i].value > hi)
			hi = k->points[i].value;
	}
	for (i = from; i < k->npoints && n + 4 < size; i++) {
		int level;

		if (isnan(k->points[i].value))
			continue;
		level = hi > lo ? (int)floor((k->points[i].value - lo) /
		    (hi - lo) * 7.999) : 3;
		memcpy(buf + n, bars[level < 0 ? 0 : level > 7 ? 7 : level], 3);
		n += 3;
		buf[n] = '\0';
	}
}

static void
glance(const struct chain_report *r, FILE *fp, int md)
{
	char a[32], b[32], c[32], d[32], buf[128];
	char *s;

	heading(fp, T(r, "At a glance"), 2, md);
	line(fp, T(r, chain_report_verdict(r)), md);
	s = chain_trf(r, "Hard score %s (a week before %s), soft score %s (%s).",
	    chain_report_num(r, r->hard, 0, a, 32),
	    chain_report_num(r, r->hard_before, 0, b, 32),
	    chain_report_num(r, r->soft, 0, c, 32),
	    chain_report_num(r, r->soft_before, 0, d, 32));
	fputs("\n", fp);
	line(fp, s, md);
	free(s);
	fputs("\n", fp);
	snprintf(buf, sizeof(buf), "- %s: %s%s", T(r, "reliability"),
	    chain_report_num(r, 100 * r->reliability, 0, a, 32),
	    isnan(r->reliability) ? "" : "%");
	line(fp, buf, 0);
	snprintf(buf, sizeof(buf), "- %s: %s", T(r, "trust index"),
	    chain_report_num(r, r->trust_index, 0, a, 32));
	line(fp, buf, 0);
	snprintf(buf, sizeof(buf), "- %s: %zu", T(r, "points for attention"),
	    r->nactions);
	line(fp, buf, 0);
}

/* Who signed the chain plan, and who has not yet. */
static void
signatures(const struct chain_report *r, FILE *fp, int md)
{
	struct table t;
	char day[32], *s;
	size_t i, j;

	if (!chain_report_has(r, CHAIN_IN_SIGNATURES))
		return;
	heading(fp, T(r, "Signed by the partners"), 3, md);
	s = chain_trf(r, "%ld of %ld partners have signed the chain plan.",
	    (long)r->nsigned, (long)(r->nsigned + r->nunsigned));
	line(fp, s, md);
	free(s);
	fputs("\n", fp);
	table_init(&t, 4);
	table_cell(&t, T(r, "partner"));
	table_cell(&t, T(r, "signed by"));
	table_cell(&t, T(r, "role"));
	table_cell(&t, T(r, "signed"));
	for (i = 0; i < r->nsignatures; i++) {
		const struct chain_signature *g = &r->signatures[i];

		table_cell(&t, chain_report_who(r, g->partner));
		table_cell(&t, g->name);
		table_cell(&t, g->role);
		table_cell(&t, chain_report_signed_row(r, g) ?
		    chain_report_date(r, g->signed_on, 0, day, sizeof(day)) :
		    T(r, "not yet"));
	}
	for (i = 0; i < r->nunsigned; i++) {
		for (j = 0; j < r->nsignatures &&
		    strcmp(r->signatures[j].partner, r->unsigned_partners[i]);
		    j++)
			;
		if (j < r->nsignatures)
			continue;	/* its rows are above */
		table_cell(&t, chain_report_who(r, r->unsigned_partners[i]));
		table_cell(&t, "");
		table_cell(&t, "");
		table_cell(&t, T(r, "not yet"));
	}
	table_print(&t, fp, md);
	table_free(&t);
}

static void
plan(const struct chain_report *r, FILE *fp, int md)
{
	struct table t;
	char v[32];
	size_t i;

	heading(fp, T(r, "Plan: the chain plan"), 2, md);
	if (r->nkpis == 0) {
		line(fp, T(r, "No chain plan was given."), md);
		signatures(r, fp, md);
		return;
	}
	table_init(&t, 5);
	t.right[3] = 1;
	table_cell(&t, T(r, "KPI"));
	table_cell(&t, T(r, "name"));
	table_cell(&t, T(r, "better"));
	table_cell(&t, T(r, "target"));
	table_cell(&t, T(r, "owner"));
	for (i = 0; i < r->nkpis; i++) {
		const struct chain_kpi_series *k = &r->kpis[i];

		table_cell(&t, k->code);
		table_cell(&t, k->name);
		table_cell(&t, T(r, chain_better_name(k->better)));
		table_cell(&t, chain_report_kpi_value(r, k->unit, k->target, 0,
		    v, 32));
		table_cell(&t, k->owner ? k->owner : "");
	}
	table_print(&t, fp, md);
	table_free(&t);
	signatures(r, fp, md);
}

static void
deals(const struct chain_report *r, FILE *fp, int md, const char *title,
    enum chain_deal_list which)
{
	struct table t;
	char due[32], late[16];
	size_t i;

	heading(fp, T(r, title), 3, md);
	table_init(&t, 7);
	t.right[6] = 1;
	table_cell(&t, "id");
	table_cell(&t, T(r, "agreement"));
	table_cell(&t, T(r, "owner"));
	table_cell(&t, T(r, "to"));
	table_cell(&t, T(r, "due"));
	table_cell(&t, T(r, "state"));
	table_cell(&t, T(r, "days late"));
	for (i = 0; i < r->ndeals; i++) {
		const struct chain_deal *d = &r->deals[i];
		if (!chain_report_deal_in(r, d, which))
			continue;
		chain_report_date(r, d->effective_due, 0, due, sizeof(due));
		snprintf(late, sizeof(late), "%d", d->days_late);
		table_cell(&t, d->id);
		table_cell(&t, d->title);
		table_cell(&t, chain_report_who(r, d->owner));
		table_cell(&t, chain_report_who(r, d->counterpart));
		table_cell(&t, due);
		table_cell(&t, T(r, chain_state_names[d->state]));
		table_cell(&t, d->days_late ? late : "");
	}
	if (t.rows <= 1)
		line(fp, T(r, "Nothing."), md);
	else
		table_print(&t, fp, md);
	table_free(&t);
}

static void
do_section(const struct chain_report *r, FILE *fp, int md)
{
	heading(fp, T(r, "Do: agreements this week"), 2, md);
	if (r->ndeals == 0) {
		line(fp, T(r, "No agreements register was given."), md);
		return;
	}
	deals(r, fp, md, "Due this week", CHAIN_DEALS_DUE);
	deals(r, fp, md, "Done this week", CHAIN_DEALS_DONE);
	deals(r, fp, md, "Coming up", CHAIN_DEALS_COMING);
	deals(r, fp, md, "Overdue", CHAIN_DEALS_OVERDUE);
}

static void
change_line(const struct chain_report *r, FILE *fp, int md, const char *kpi,
    const struct chain_kpi_change *c, int *any)
{
	char period[CHAIN_PERIOD_LEN], *s;

	chain_period_format(c->period, period);
	s = kpi != NULL ? chain_trf(r, "Process change of %s in %s: %s", kpi,
	    period, c->note) : chain_trf(r, "Process change of every KPI in %s: "
	    "%s", period, c->note);
	fputs(*any ? (md ? "  \n" : "\n") : "\n", fp);
	put_text(fp, s, md);
	free(s);
	*any = 1;
}

/*
 * Under a table of n series, a line per process change: of each series'
 * KPI, then of every KPI (once), with its period, where the limits start
 * anew, and its note.
 */
static void
kpi_changes(const struct chain_report *r, FILE *fp, int md,
    const struct chain_kpi_series *series, size_t n)
{
	const struct chain_kpi_series *k;
	size_t i, j;
	int any = 0;

	for (i = 0; i < n; i++)
		for (j = 0, k = &series[i]; j < k->nchanges; j++)
			if (!k->changes[j].every)
				change_line(r, fp, md, k->name, &k->changes[j],
				    &any);
	for (j = 0, k = n > 0 ? &series[0] : NULL; k != NULL &&
	    j < k->nchanges; j++)
		if (k->changes[j].every)
			change_line(r, fp, md, NULL, &k->changes[j], &any);
	if (any)
		fputs("\n", fp);
}

static void
kpis(const struct chain_report *r, FILE *fp, int md)
{
	struct table t;
	char v[32], g[32], c[32], spark[128];
	size_t i;

	heading(fp, T(r, "KPIs"), 3, md);
	if (r->nkpis == 0) {
		line(fp, T(r, "No KPI results were given."), md);
		return;
	}
	table_init(&t, 8);
	t.right[2] = t.right[3] = t.right[4] = 1;
	table_cell(&t, T(r, "KPI"));
	table_cell(&t, T(r, "period"));
	table_cell(&t, T(r, "value"));
	table_cell(&t, T(r, "target"));
	table_cell(&t, T(r, "change"));
	table_cell(&t, T(r, "variation"));
	table_cell(&t, T(r, "assurance"));
	table_cell(&t, "");
	for (i = 0; i < r->nkpis; i++) {
		const struct chain_kpi_series *k = &r->kpis[i];

		sparkline(k, spark, sizeof(spark));
		table_cell(&t, k->name);
		table_cell(&t, k->period ? k->period : "");
		table_cell(&t, chain_report_kpi_value(r, k->unit, k->value, 0,
		    v, 32));
		table_cell(&t, chain_report_kpi_value(r, k->unit, k->target, 0,
		    g, 32));
		table_cell(&t, chain_report_kpi_value(r, k->unit, k->change, 1,
		    c, 32));
		table_cell(&t, *k->variation ? T(r, k->variation) : "");
		table_cell(&t, *k->assurance ? T(r, k->assurance) : "");
		table_cell(&t, spark);
	}
	table_print(&t, fp, md);
	table_free(&t);
	kpi_changes(r, fp, md, r->kpis, r->nkpis);
}

static void
partners(const struct chain_report *r, FILE *fp, int md)
{
	struct table t;
	char a[32], b[32], n[32];
	size_t i;

	table_init(&t, 4);
	t.right[1] = t.right[2] = t.right[3] = 1;
	table_cell(&t, T(r, "partner"));
	table_cell(&t, T(r, "agreements"));
	table_cell(&t, T(r, "reliability"));
	table_cell(&t, T(r, "predictability"));
	for (i = 0; i < r->nscores; i++) {
		const struct chain_partner_score *s = &r->scores[i];

		if (*s->period != '\0')
			continue;
		snprintf(n, sizeof(n), "%ld", s->tally.total);
		table_cell(&t, chain_report_who(r, s->partner));
		table_cell(&t, n);
		table_cell(&t, chain_report_num(r, 100 * s->reliability, 0, a, 32));
		table_cell(&t, chain_report_num(r, 100 * s->predictability, 0, b,
		    32));
	}
	if (t.rows > 1) {
		heading(fp, T(r, "Agreements per partner"), 3, md);
		table_print(&t, fp, md);
	}
	table_free(&t);
}

static void
trust(const struct chain_report *r, FILE *fp, int md)
{
	struct table t;
	char idx[64], ch[32];
	size_t i, j;

	heading(fp, T(r, "Trust per partner and dimension"), 3, md);
	if (r->wave == NULL) {
		line(fp, T(r, "No survey results were given."), md);
		return;
	}
	table_init(&t, 5);
	t.right[3] = t.right[4] = 1;
	table_cell(&t, T(r, "partner"));
	table_cell(&t, T(r, "about"));
	table_cell(&t, T(r, "dimension"));
	table_cell(&t, T(r, "index"));
	table_cell(&t, T(r, "change"));
	for (i = 0; i < r->ntrust; i++) {
		const struct chain_trust *c = &r->trust[i];
		const struct chain_trust *b = NULL;

		if (strcmp(c->wave, r->wave) != 0)
			continue;
		for (j = 0; j < r->ntrust && r->previous_wave != NULL; j++)
			if (strcmp(r->trust[j].wave, r->previous_wave) == 0 &&
			    strcmp(r->trust[j].partner, c->partner) == 0 &&
			    strcmp(r->trust[j].about, c->about) == 0 &&
			    strcmp(r->trust[j].dimension, c->dimension) == 0)
				b = &r->trust[j];
		table_cell(&t, chain_report_who(r, c->partner));
		table_cell(&t, *c->about ? chain_report_who(r, c->about) : "");
		table_cell(&t, chain_report_dimension(r, c->dimension));
		table_cell(&t, c->suppressed ? "\xe2\x80\x93" :
		    chain_report_num(r, c->index, 0, idx, 32));
		table_cell(&t, b == NULL || b->suppressed || c->suppressed ? "" :
		    chain_report_num(r, c->index - b->index, 0, ch, 32));
	}
	table_print(&t, fp, md);
	table_free(&t);
}

/* Since when a point of the Act list has stood on it, when before now. */
static void
since_note(const struct chain_report *r, FILE *fp, const struct chain_action *a,
    int md)
{
	char week[CHAIN_PERIOD_LEN], *s;

	chain_period_format(chain_period_of(CHAIN_WEEK, r->week_start), week);
	if (*a->since == '\0' || strcmp(a->since, week) == 0)
		return;
	s = chain_trf(r, "since %s", a->since);
	fputs(" (", fp);
	put_text(fp, s, md);
	fputs(")", fp);
	free(s);
}

static void
act(const struct chain_report *r, FILE *fp, int md)
{
	size_t i;
	char *more;

	heading(fp, T(r, "Act: what needs attention"), 2, md);
	if (r->nactions == 0) {
		line(fp, T(r, "Nothing needs special attention this week."), md);
		return;
	}
	for (i = 0; i < chain_report_shown(r); i++) {
		const struct chain_action *a = &r->actions[i];

		fprintf(fp, "%zu. ", i + 1);
		fputs(md ? "**" : "[", fp);
		put_text(fp, T(r, a->kind), md);
		since_note(r, fp, a, md);
		fputs(md ? "** " : "] ", fp);
		put_text(fp, a->message, md);
		fputs(md ? "  \n   *" : "\n   ", fp);
		put_text(fp, a->question, md);
		fputs(md ? "*\n" : "\n", fp);
	}
	if ((more = chain_report_more(r, chain_report_shown(r))) != NULL) {
		fputs("\n", fp);
		line(fp, more, md);
		free(more);
	}
}

/* A sparkline of any values: eight levels between their min and max. */
static void
spark_values(const double *v, size_t n, char *buf, size_t size)
{
	struct chain_kpi_series k;
	struct chain_kpi_point *p = chain_calloc(n + 1, sizeof(*p));
	size_t i;

	memset(&k, 0, sizeof(k));
	for (i = 0; i < n; i++)
		p[i].value = v[i];
	k.points = p;
	k.npoints = n;
	sparkline(&k, buf, size);
	free(p);
}

/* Where cases wait between partners, the longest p90 wait first. */
static void
relay(const struct chain_report *r, FILE *fp, int md)
{
	struct table t;
	char n[32], a[32], b[32];
	size_t i;
	int back = chain_report_returns(r);

	if (r->nhandoffs == 0)
		return;
	heading(fp, T(r, "Relay: where cases wait"), 3, md);
	put_text(fp, T(r, "per handoff between two partners, the worst first"),
	    md);
	if (back) {
		fputs("; ", fp);
		put_text(fp, T(r, "sent back: handed to a partner that had the "
		    "case before"), md);
	}
	fputs("\n\n", fp);
	table_init(&t, 5 + (size_t)back);
	t.right[2] = t.right[3] = t.right[4] = 1;
	t.right[4 + back] = 1;
	table_cell(&t, T(r, "from"));
	table_cell(&t, T(r, "to whom"));
	table_cell(&t, T(r, "handoffs"));
	table_cell(&t, T(r, "median wait (days)"));
	table_cell(&t, T(r, "p90 wait (days)"));
	if (back)
		table_cell(&t, T(r, "sent back"));
	for (i = 0; i < r->nhandoffs; i++) {
		const struct chain_handoff *h = &r->handoffs[i];

		snprintf(n, sizeof(n), "%ld", h->n);
		table_cell(&t, chain_report_who(r, h->from));
		table_cell(&t, chain_report_who(r, h->to));
		table_cell(&t, n);
		table_cell(&t, chain_report_num(r, h->median, 1, a, 32));
		table_cell(&t, chain_report_num(r, h->p90, 1, b, 32));
		snprintf(n, sizeof(n), "%ld", h->returns);
		if (back)
			table_cell(&t, h->returns < 0 ? "\xe2\x80\x93" : n);
	}
	table_print(&t, fp, md);
	table_free(&t);
}

/* The chain's lead time from chain-kpi check: the latest of each, a sparkline. */
static void
lead_series(const struct chain_report *r, FILE *fp, int md)
{
	struct table t;
	char v[32], c[32], spark[128];
	size_t i;

	table_init(&t, 6);
	t.right[2] = t.right[3] = 1;
	table_cell(&t, "");
	table_cell(&t, T(r, "period"));
	table_cell(&t, T(r, "value"));
	table_cell(&t, T(r, "change"));
	table_cell(&t, T(r, "variation"));
	table_cell(&t, "");
	for (i = 0; i < r->nlead; i++) {
		const struct chain_kpi_series *k = &r->lead[i];

		sparkline(k, spark, sizeof(spark));
		table_cell(&t, k->name);
		table_cell(&t, k->period ? k->period : "");
		table_cell(&t, chain_report_kpi_value(r, k->unit, k->value, 0,
		    v, 32));
		table_cell(&t, chain_report_kpi_value(r, k->unit, k->change, 1,
		    c, 32));
		table_cell(&t, *k->variation ? T(r, k->variation) : "");
		table_cell(&t, spark);
	}
	table_print(&t, fp, md);
	table_free(&t);
	kpi_changes(r, fp, md, r->lead, r->nlead);
	fputs("\n", fp);
}

/* The chain's lead time per week, from the per-case rows. */
static void
lead_time(const struct chain_report *r, FILE *fp, int md)
{
	struct chain_lead_week w[16];
	struct table t;
	char c[32], a[32], b[32];
	size_t n, i;

	if (r->ncases == 0 && r->nlead == 0)
		return;
	heading(fp, T(r, "Lead time across the chain"), 3, md);
	if (r->nlead > 0) {
		line(fp, T(r, "per period of the cases' ends, on its control "
		    "chart"), md);
		fputs("\n", fp);
		lead_series(r, fp, md);
	}
	if (r->ncases == 0)
		return;
	n = chain_report_lead_weeks(r, w, 16);
	line(fp, T(r, "cases that ended per week, lead time in days from the "
	    "case events"), md);
	fputs("\n", fp);
	table_init(&t, 4);
	t.right[1] = t.right[2] = t.right[3] = 1;
	table_cell(&t, T(r, "week"));
	table_cell(&t, T(r, "cases"));
	table_cell(&t, T(r, "median (days)"));
	table_cell(&t, T(r, "p90 (days)"));
	for (i = 0; i < n; i++) {
		char week[CHAIN_PERIOD_LEN];

		chain_period_format(chain_period_of(CHAIN_WEEK, w[i].week), week);
		snprintf(c, sizeof(c), "%ld", w[i].cases);
		table_cell(&t, week);
		table_cell(&t, c);
		table_cell(&t, chain_report_num(r, w[i].median, 1, a, 32));
		table_cell(&t, chain_report_num(r, w[i].p90, 1, b, 32));
	}
	table_print(&t, fp, md);
	table_free(&t);
}

/* Reliability per partner over the periods of score --per, a sparkline each. */
static void
reliability_trend(const struct chain_report *r, FILE *fp, int md)
{
	struct table t;
	double v[64];
	char spark[256], a[32];
	size_t i, j, n;

	for (i = 0; i < r->nscores && *r->scores[i].period == '\0'; i++)
		;
	if (i == r->nscores)
		return;
	heading(fp, T(r, "Agreement reliability over time"), 3, md);
	line(fp, T(r, "per partner and period of the due date"), md);
	fputs("\n", fp);
	table_init(&t, 4);
	t.right[2] = 1;
	table_cell(&t, T(r, "partner"));
	table_cell(&t, T(r, "period"));
	table_cell(&t, T(r, "latest"));
	table_cell(&t, "");
	for (i = 0; i < r->nscores; i++) {
		const struct chain_partner_score *s = &r->scores[i], *last = NULL;

		if (*s->period == '\0' || (i > 0 && *r->scores[i - 1].period &&
		    strcmp(r->scores[i - 1].partner, s->partner) == 0))
			continue;
		for (j = i, n = 0; j < r->nscores && n < 64 &&
		    strcmp(r->scores[j].partner, s->partner) == 0 &&
		    *r->scores[j].period; j++) {
			if (isnan(r->scores[j].reliability))
				continue;
			v[n++] = r->scores[j].reliability;
			last = &r->scores[j];
		}
		if (last == NULL)
			continue;
		spark_values(v, n, spark, sizeof(spark));
		table_cell(&t, chain_report_who(r, s->partner));
		table_cell(&t, last->period);
		table_cell(&t, chain_report_num(r, 100 * last->reliability, 0, a,
		    32));
		table_cell(&t, spark);
	}
	table_print(&t, fp, md);
	table_free(&t);
}

/* Why promises break: the reasons of the deviations, largest first. */
static void
reasons(const struct chain_report *r, FILE *fp, int md)
{
	struct table t;
	char n[32], a[32], b[32], *who;
	long cumulative = 0;
	size_t i;
	int by = 0;

	if (r->nreasons == 0)
		return;
	for (i = 0; i < r->nreasons; i++)
		by |= r->reasons[i].partner != NULL;
	heading(fp, T(r, "Why promises break"), 3, md);
	line(fp, T(r, "the reasons given for the deviations (renegotiated, "
	    "late, overdue), the most frequent first"), md);
	fputs("\n", fp);
	table_init(&t, by ? 5 : 4);
	t.right[1] = t.right[2] = t.right[3] = 1;
	table_cell(&t, T(r, "reason"));
	table_cell(&t, T(r, "deviations"));
	table_cell(&t, T(r, "share"));
	table_cell(&t, T(r, "cumulative"));
	if (by)
		table_cell(&t, T(r, "mostly by"));
	for (i = 0; i < r->nreasons; i++) {
		const struct chain_reason_total *x = &r->reasons[i];

		cumulative += x->count;
		snprintf(n, sizeof(n), "%ld", x->count);
		table_cell(&t, chain_report_reason(r, x));
		table_cell(&t, n);
		chain_report_num(r, 100 * (double)x->count /
		    (double)r->reasons_total, 0, a, 31);
		chain_report_num(r, 100 * (double)cumulative /
		    (double)r->reasons_total, 0, b, 31);
		table_cell(&t, strcat(a, "%"));
		table_cell(&t, strcat(b, "%"));
		if (!by)
			continue;
		if (x->partner == NULL) {
			table_cell(&t, "");
			continue;
		}
		who = chain_malloc(strlen(x->partner) + 32);
		sprintf(who, "%s (%ld)", chain_report_who(r, x->partner),
		    x->partner_count);
		table_cell(&t, who);
		free(who);
	}
	table_print(&t, fp, md);
	table_free(&t);
}

/*
 * Who comes to the table: per partner the chain meetings, those attended,
 * the regrets in time and late, and the absences without notice, which
 * count as surprises: beside them the surprises of its agreements.
 */
static void
attendance(const struct chain_report *r, FILE *fp, int md)
{
	struct table t;
	char n[6][32];
	size_t i, k;
	int scores = r->nscores > 0;

	if (r->nattendance == 0)
		return;
	heading(fp, T(r, "Who comes to the table"), 3, md);
	line(fp, T(r, "attendance at the chain meetings; an absence without "
	    "notice counts as a surprise"), md);
	fputs("\n", fp);
	table_init(&t, scores ? 8 : 7);
	for (k = 1; k < t.cols; k++)
		t.right[k] = 1;
	table_cell(&t, T(r, "partner"));
	table_cell(&t, T(r, "meetings"));
	table_cell(&t, T(r, "attended"));
	table_cell(&t, T(r, "attendance"));
	table_cell(&t, T(r, "regrets in time"));
	table_cell(&t, T(r, "regrets late"));
	table_cell(&t, T(r, "absent without notice"));
	if (scores)
		table_cell(&t, T(r, "surprises"));
	for (i = 0; i < r->nattendance; i++) {
		const struct chain_attendance_row *a = &r->attendance[i];
		long s = chain_report_surprises(r, a->partner);

		snprintf(n[0], sizeof(n[0]), "%ld", a->meetings);
		snprintf(n[1], sizeof(n[1]), "%ld", a->attended);
		chain_report_share(r, a->meetings > 0 ? (double)a->attended /
		    (double)a->meetings : NAN, n[2], sizeof(n[2]));
		snprintf(n[3], sizeof(n[3]), "%ld", a->in_time);
		snprintf(n[4], sizeof(n[4]), "%ld", a->late);
		snprintf(n[5], sizeof(n[5]), "%ld", a->no_shows);
		table_cell(&t, chain_report_who(r, a->partner));
		for (k = 0; k < 6; k++)
			table_cell(&t, n[k]);
		if (!scores)
			continue;
		snprintf(n[0], sizeof(n[0]), "%ld", s);
		table_cell(&t, s < 0 ? "" : n[0]);
	}
	table_print(&t, fp, md);
	table_free(&t);
}

/* Cronbach's alpha per dimension of the instrument, low ones marked. */
static void
instrument(const struct chain_report *r, FILE *fp, int md)
{
	struct table t;
	char a[32], k[32], n[32];
	size_t i;

	if (r->nalphas == 0)
		return;
	heading(fp, T(r, "Reliability of the instrument"), 3, md);
	table_init(&t, 5);
	t.right[1] = t.right[2] = t.right[3] = 1;
	table_cell(&t, T(r, "dimension"));
	table_cell(&t, T(r, "items"));
	table_cell(&t, T(r, "respondents"));
	table_cell(&t, T(r, "alpha"));
	table_cell(&t, "");
	for (i = 0; i < r->nalphas; i++) {
		const struct chain_alpha *x = &r->alphas[i];

		snprintf(k, sizeof(k), "%ld", x->items);
		snprintf(n, sizeof(n), "%ld", x->n);
		table_cell(&t, chain_report_dimension(r, x->dimension));
		table_cell(&t, k);
		table_cell(&t, n);
		table_cell(&t, chain_report_num(r, x->alpha, 2, a, 32));
		table_cell(&t, chain_report_alpha_low(x->alpha) ?
		    T(r, "below 0.7") : "");
	}
	table_print(&t, fp, md);
	table_free(&t);
}

static int
text_names(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The mutual-trust matrix: each row rates the partner of its column. */
static void
trust_matrix(const struct chain_report *r, FILE *fp, int md)
{
	const char **names;
	struct table t;
	char m[32];
	size_t n = 0, i, j, k, side;

	if (r->ntrust_pairs == 0)
		return;
	names = chain_calloc(2 * r->ntrust_pairs, sizeof(*names));
	for (i = 0; i < r->ntrust_pairs; i++)
		for (side = 0; side < 2; side++) {
			const char *p = side ? r->trust_pairs[i].about :
			    r->trust_pairs[i].partner;

			for (j = 0; j < n && strcmp(names[j], p) != 0; j++)
				;
			if (j == n)
				names[n++] = p;
		}
	qsort(names, n, sizeof(*names), text_names);
	heading(fp, T(r, "Mutual trust"), 3, md);
	line(fp, T(r, "each row rates the partner of its column (1 to 5)"), md);
	fputs("\n", fp);
	table_init(&t, n + 1);
	table_cell(&t, "");
	for (j = 0; j < n; j++) {
		t.right[j + 1] = 1;
		table_cell(&t, chain_report_who(r, names[j]));
	}
	for (i = 0; i < n; i++) {
		table_cell(&t, chain_report_who(r, names[i]));
		for (j = 0; j < n; j++) {
			const struct chain_trust_pair *c = NULL;

			for (k = 0; k < r->ntrust_pairs; k++)
				if (strcmp(r->trust_pairs[k].partner, names[i]) == 0 &&
				    strcmp(r->trust_pairs[k].about, names[j]) == 0)
					c = &r->trust_pairs[k];
			table_cell(&t, i == j ? "" : c != NULL ?
			    chain_report_num(r, c->mean, 1, m, 32) : "\xe2\x80\x93");
		}
	}
	table_print(&t, fp, md);
	table_free(&t);
	free(names);
}

/*
 * The trust network under the matrix: the chain's figures in a sentence,
 * then a row per partner.
 */
static void
trust_network(const struct chain_report *r, FILE *fp, int md)
{
	struct table t;
	char a[32], b[32], c[32], d[32];
	size_t i;
	char *s;

	if (r->nnodes == 0)
		return;
	heading(fp, T(r, "Trust network"), 3, md);
	line(fp, T(r, "a tie where a partner's trust in another partner is at "
	    "least the middle of the scale"), md);
	fputs("\n", fp);
	for (i = 0; i < r->nnodes; i++) {
		const struct chain_trust_node *x = &r->nodes[i];

		if (*x->partner != '\0')
			continue;
		s = chain_report_network_line(r, x);
		line(fp, s, md);
		fputs("\n", fp);
		free(s);
	}
	line(fp, T(r, "density: the share of all possible ties; reciprocity: "
	    "the share of ties returned; centralisation: how far trust gathers "
	    "on one partner (0% evenly spread, 100% all on one)"), md);
	fputs("\n", fp);
	table_init(&t, 5);
	t.right[1] = t.right[2] = t.right[3] = t.right[4] = 1;
	table_cell(&t, T(r, "partner"));
	table_cell(&t, T(r, "trusted by"));
	table_cell(&t, T(r, "trusts"));
	table_cell(&t, T(r, "trust given"));
	table_cell(&t, T(r, "trust received"));
	for (i = 0; i < r->nnodes; i++) {
		const struct chain_trust_node *x = &r->nodes[i];

		if (*x->partner == '\0')
			continue;
		snprintf(a, sizeof(a), "%ld", x->in);
		snprintf(b, sizeof(b), "%ld", x->out);
		table_cell(&t, chain_report_who(r, x->partner));
		table_cell(&t, a);
		table_cell(&t, b);
		table_cell(&t, chain_report_num(r, x->given, 1, c, sizeof(c)));
		table_cell(&t, chain_report_num(r, x->received, 1, d, sizeof(d)));
	}
	table_print(&t, fp, md);
	table_free(&t);
}

/* The points of last week's list that this week's no longer has. */
static void
resolved_list(const struct chain_report *r, FILE *fp, int md)
{
	size_t i;

	if (r->nresolved == 0)
		return;
	heading(fp, T(r, "Resolved since last week"), 3, md);
	for (i = 0; i < r->nresolved; i++) {
		const struct chain_prior *p = r->resolved[i];

		fputs("- ", fp);
		fputs(md ? "**" : "[", fp);
		put_text(fp, T(r, p->area), md);
		fputs(md ? "** " : "] ", fp);
		put_text(fp, p->message, md);
		fputs("\n", fp);
	}
}

void
chain_render_text(const struct chain_report *r, FILE *fp, int markdown)
{
	char from[32], to[32], *when, *range;
	int year, week;

	chain_iso_week(r->week_start, &year, &week);
	chain_report_date(r, r->week_start, 1, from, sizeof(from));
	chain_report_date(r, r->week_end, 1, to, sizeof(to));
	when = chain_trf(r, "week %d of %d", week, year);
	range = chain_trf(r, "%s to %s", from, to);
	if (markdown)
		fputs("# ", fp);
	put_text(fp, r->chain ? r->chain : T(r, "Weekly chain report"),
	    markdown);
	fputs("\n", fp);
	if (!markdown)
		fputs("\n", fp);
	if (r->chain != NULL)
		fprintf(fp, "%s \xc2\xb7 ", T(r, "Weekly chain report"));
	put_text(fp, when, markdown);
	fputs(" \xc2\xb7 ", fp);
	line(fp, range, markdown);
	free(when);
	free(range);
	glance(r, fp, markdown);
	plan(r, fp, markdown);
	do_section(r, fp, markdown);
	heading(fp, T(r, "Check: results and relations"), 2, markdown);
	kpis(r, fp, markdown);
	lead_time(r, fp, markdown);
	relay(r, fp, markdown);
	partners(r, fp, markdown);
	reliability_trend(r, fp, markdown);
	attendance(r, fp, markdown);
	reasons(r, fp, markdown);
	trust(r, fp, markdown);
	trust_matrix(r, fp, markdown);
	trust_network(r, fp, markdown);
	instrument(r, fp, markdown);
	act(r, fp, markdown);
	resolved_list(r, fp, markdown);
}
