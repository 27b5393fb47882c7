/*
 * html.c: the weekly report as one self-contained HTML page: inline CSS and
 * SVG only, no scripts and nothing fetched, readable on screen and printed on
 * A4 (each PDCA section starts a page).  The charts are drawn here: the
 * quadrant of hard against soft, an XmR chart per KPI, reliability and
 * predictability bars per partner, the Pareto of the reasons why promises
 * break and the mutual-trust heat map.  Every text
 * passes through put, which cleans and escapes it and isolates each text
 * from an input in its own <bdi> (in SVG, where <bdi> may not go, the
 * bidirectional controls are removed and each <text> is a run of its own).
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_priv.h"

/* Colours of Making Data Count: blue improvement, orange concern. */
#define C_IMPROVEMENT "#1f6fb4"
#define C_CONCERN "#e8730c"
#define C_SPECIAL "#7b3fa0"
#define C_COMMON "#8a94a3"
#define C_ACCENT "#17607d"
#define C_TARGET "#c0392b"
#define C_CHANGE "#17607d"	/* a process change: the accent */
#define CHART_WIDTH 560		/* px; every chart within A4's 718 px text width */
#define RELAY_MAX 12		/* the worst handoffs drawn */
#define MULTIPLE_W 140		/* px of one partner's small line chart */
#define MULTIPLE_H 70
#define BARS_ROOMY 12		/* partners whose bars get a roomy row */

static const char css[] =
"@page{size:A4;margin:14mm 12mm}"
"*{box-sizing:border-box}"
"body{font:10pt/1.45 'DejaVu Sans','Liberation Sans',Arial,sans-serif,"
"'Noto Color Emoji','Apple Color Emoji','Segoe UI Emoji';"
"color:#1d2733;max-width:190mm;margin:0 auto;padding:6mm 4mm;background:#fff}"
"header{border-bottom:3px solid " C_ACCENT ";padding-bottom:6px;margin-bottom:10px}"
"header h1{font-size:20pt;margin:0;color:" C_ACCENT "}"
"header p{margin:2px 0 0;color:#5b6675}"
"h2{font-size:14pt;color:" C_ACCENT ";border-bottom:1px solid #d9dee5;"
"margin:18px 0 8px;padding-bottom:3px}"
"h3{font-size:11pt;margin:14px 0 6px}"
"table{border-collapse:collapse;width:100%;font-size:9pt;margin:4px 0 8px}"
"thead{display:table-header-group}tr{break-inside:avoid}"
"td.t,li,p,figcaption{overflow-wrap:anywhere}"
"th{text-align:left;color:#5b6675;font-weight:600;border-bottom:1px solid #c9d0d8;"
"padding:3px 5px}"
"td{padding:3px 5px;border-bottom:1px solid #eef1f4;vertical-align:top}"
"td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}"
".muted{color:#5b6675}.nw{white-space:nowrap}"
".glance{display:flex;gap:14px;align-items:flex-start}"
".glance svg{flex:none}"
".tiles{display:grid;grid-template-columns:repeat(3,1fr);gap:8px;flex:1}"
".tile{border:1px solid #d9dee5;border-radius:6px;padding:6px 8px}"
".tile b{display:block;font-size:17pt;line-height:1.2}"
".tile span{color:#5b6675;font-size:8.5pt}"
".verdict{font-size:11pt;margin:8px 0 0}"
".charts{display:grid;grid-template-columns:1fr 1fr;gap:6px 14px}"
"figure{margin:0;break-inside:avoid}"
"figcaption{font-size:9pt;font-weight:600;margin-bottom:1px}"
".badge{display:inline-block;padding:0 6px;border-radius:8px;font-size:8pt;"
"white-space:nowrap}"
".improvement{background:#dbe9f6;color:#17507d}"
".concern{background:#fde3cf;color:#9a4a06}"
".special{background:#ece0f4;color:#5b2a78}"
".common{background:#eceff2;color:#4a5563}"
".pass{background:#daf0e2;color:#1d6b3a}"
".fail{background:#f9dada;color:#9b1c1c}"
".hit-and-miss{background:#fbefcf;color:#7a5a06}"
".up{color:#1d6b3a}.down{color:#9b1c1c}"
"ol.act{list-style:none;counter-reset:act;padding-left:0}"
"ol.act li{counter-increment:act;position:relative;padding-left:2.6em;"
"margin-bottom:9px;break-inside:avoid}"
"ol.act li::before{content:counter(act) \".\";position:absolute;left:0;"
"width:2.1em;text-align:right;font-variant-numeric:tabular-nums}"
".legend{font-size:8pt;color:#5b6675;margin:2px 0 6px}"
".legend svg{vertical-align:-1px}"
"p.change{font-size:8pt;color:#5b6675;margin:1px 0}"
"p.change b{color:" C_CHANGE "}"
"ol.act .q{display:block;font-style:italic;color:" C_ACCENT ";margin-top:2px}"
".kind{font-size:8pt;text-transform:uppercase;letter-spacing:.04em;color:#5b6675}"
"footer{margin-top:18px;border-top:1px solid #d9dee5;color:#5b6675;font-size:8pt}"
"@media print{body{padding:0;max-width:none}"
"section.page{break-before:page}h2,h3,h3+p,p.legend{break-after:avoid}"
"tr{break-inside:avoid}}";

/* Writes cleaned text escaped for HTML; with bdi, chain_trf's marks become
 * <bdi> elements, always balanced. */
static void
put_escaped(FILE *fp, const char *text, int bdi)
{
	char *clean = chain_text_clean(text, bdi ? CHAIN_KEEP_ISOLATES : 0);
	const char *p;
	int open = 0;

	for (p = clean; *p != '\0'; p++) {
		if (strncmp(p, CHAIN_FSI, 3) == 0) {
			fputs("<bdi>", fp);
			open++;
			p += 2;
			continue;
		}
		if (strncmp(p, CHAIN_PDI, 3) == 0) {
			if (open > 0)
				fputs("</bdi>", fp);
			open -= open > 0;
			p += 2;
			continue;
		}
		switch (*p) {
		case '&': fputs("&amp;", fp); break;
		case '<': fputs("&lt;", fp); break;
		case '>': fputs("&gt;", fp); break;
		case '"': fputs("&quot;", fp); break;
		case '\'': fputs("&#39;", fp); break;
		default: fputc(*p, fp);
		}
	}
	while (open-- > 0)
		fputs("</bdi>", fp);
	free(clean);
}

/*
 * Writes a format with three kinds of text argument: %s the report's own
 * (a label, a number, a sentence of chain_trf, whose input values come
 * marked), %i text from an input, isolated in <bdi>, and %p text from an
 * input where no element may go (SVG <text>, <title>, an attribute).  All
 * are cleaned (utf8.c) and escaped, so that no input can reorder or
 * restyle the page.
 */
static void
put(FILE *fp, const char *fmt, ...)
{
	va_list ap;
	const char *p;

	va_start(ap, fmt);
	for (p = fmt; *p != '\0'; p++) {
		if (*p != '%') {
			fputc(*p, fp);
			continue;
		}
		switch (*++p) {
		case 's': put_escaped(fp, va_arg(ap, const char *), 1); break;
		case 'i':
			fputs("<bdi>", fp);
			put_escaped(fp, va_arg(ap, const char *), 0);
			fputs("</bdi>", fp);
			break;
		case 'p': put_escaped(fp, va_arg(ap, const char *), 0); break;
		case 'd': fprintf(fp, "%d", va_arg(ap, int)); break;
		case 'f': fprintf(fp, "%.1f", va_arg(ap, double)); break;
		case '%': fputc('%', fp); break;
		default: fputc(*p, fp); break;
		}
	}
	va_end(ap);
}

static const char *
T(const struct chain_report *r, const char *key)
{
	return chain_tr(r, key);
}

static const char *
num(const struct chain_report *r, double v, int decimals, char *buf)
{
	return chain_report_num(r, v, decimals, buf, 32);
}

/* A share as a whole percentage, an en dash when there is none. */
static const char *
percent(const struct chain_report *r, double v, char *buf)
{
	return chain_report_share(r, v, buf, 32);
}

/* A KPI's value rounded for people by its unit (lang.c). */
static const char *
kpi_value(const struct chain_report *r, const struct chain_kpi_series *k,
    double v, char *buf)
{
	return chain_report_kpi_value(r, k->unit, v, 0, buf, 32);
}

/* The chain's path through the weeks the history holds, before this one. */
static void
history_path(const struct chain_report *r, FILE *fp, int x0, int y0, int side)
{
	const char *sep = "";
	size_t i;

	if (r->nhistory == 0)
		return;
	put(fp, "<polyline class=\"path\" fill=\"none\" stroke=\"#5b6675\" "
	    "stroke-dasharray=\"3 2\" points=\"");
	for (i = 0; i < r->nhistory; i++) {
		const struct chain_history_row *h = &r->history[i];

		if (h->week >= r->week_start || isnan(h->hard) || isnan(h->soft))
			continue;
		fprintf(fp, "%s%.1f,%.1f", sep, x0 + side * h->hard / 100,
		    y0 + side * (1 - h->soft / 100));
		sep = " ";
	}
	if (!isnan(r->hard) && !isnan(r->soft))
		fprintf(fp, "%s%.1f,%.1f", sep, x0 + side * r->hard / 100,
		    y0 + side * (1 - r->soft / 100));
	put(fp, "\"><title>%s</title></polyline>", T(r, "the weeks before"));
	for (i = 0; i < r->nhistory; i++) {
		const struct chain_history_row *h = &r->history[i];

		if (h->week >= r->week_start || isnan(h->hard) || isnan(h->soft))
			continue;
		fprintf(fp, "<circle class=\"week\" cx=\"%.1f\" cy=\"%.1f\" "
		    "r=\"2.5\" fill=\"#5b6675\"/>", x0 + side * h->hard / 100,
		    y0 + side * (1 - h->soft / 100));
	}
}

/* The quadrant: hard on x, soft on y, last week's place and an arrow. */
static void
quadrant(const struct chain_report *r, FILE *fp)
{
	const int x0 = 44, y0 = 12, side = 196;
	double x, y, bx, by;

	fprintf(fp, "<svg class=\"chart quadrant\" width=\"256\" height=\"250\" "
	    "viewBox=\"0 0 256 250\" role=\"img\">");
	fprintf(fp, "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" "
	    "refY=\"5\" markerWidth=\"6\" markerHeight=\"6\" orient=\"auto\">"
	    "<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#1d2733\"/></marker></defs>");
	fprintf(fp, "<rect x=\"%d\" y=\"%d\" width=\"98\" height=\"98\" "
	    "fill=\"#fdf3e1\"/>", x0, y0);
	fprintf(fp, "<rect x=\"%d\" y=\"%d\" width=\"98\" height=\"98\" "
	    "fill=\"#e3f2e8\"/>", x0 + 98, y0);
	fprintf(fp, "<rect x=\"%d\" y=\"%d\" width=\"98\" height=\"98\" "
	    "fill=\"#f9e1df\"/>", x0, y0 + 98);
	fprintf(fp, "<rect x=\"%d\" y=\"%d\" width=\"98\" height=\"98\" "
	    "fill=\"#fdf3e1\"/>", x0 + 98, y0 + 98);
	fprintf(fp, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" "
	    "fill=\"none\" stroke=\"#9aa5b1\"/>", x0, y0, side, side);
	put(fp, "<g font-size=\"8\" fill=\"#5b6675\" text-anchor=\"middle\">"
	    "<text x=\"%d\" y=\"%d\">%s</text><text x=\"%d\" y=\"%d\">%s</text>"
	    "<text x=\"%d\" y=\"%d\">%s</text><text x=\"%d\" y=\"%d\">%s</text>"
	    "</g>",
	    x0 + 49, y0 + 12, T(r, "Relations without results"),
	    x0 + 147, y0 + 12, T(r, "Together on track"),
	    x0 + 49, y0 + side - 5, T(r, "Neither yet"),
	    x0 + 147, y0 + side - 5, T(r, "Results without relations"));
	put(fp, "<text x=\"%d\" y=\"244\" font-size=\"9\" text-anchor=\"middle\">"
	    "%s \xe2\x86\x92</text>", x0 + side / 2, T(r, "hard: results"));
	put(fp, "<text transform=\"translate(14,%d) rotate(-90)\" font-size=\"9\" "
	    "text-anchor=\"middle\">%s \xe2\x86\x92</text>", y0 + side / 2,
	    T(r, "soft: relations"));
	fprintf(fp, "<g font-size=\"7\" fill=\"#5b6675\"><text x=\"%d\" y=\"%d\" "
	    "text-anchor=\"end\">100</text><text x=\"%d\" y=\"%d\" "
	    "text-anchor=\"end\">0</text><text x=\"%d\" y=\"%d\">100</text></g>",
	    x0 - 3, y0 + 7, x0 - 3, y0 + side, x0 + side - 12, y0 + side + 10);
	if (isnan(r->hard) || isnan(r->soft)) {
		put(fp, "<text x=\"%d\" y=\"%d\" font-size=\"9\" "
		    "text-anchor=\"middle\">%s</text>", x0 + side / 2,
		    y0 + side / 2, T(r, "Not enough data to place the chain."));
		fputs("</svg>", fp);
		return;
	}
	history_path(r, fp, x0, y0, side);
	x = x0 + side * r->hard / 100;
	y = y0 + side * (1 - r->soft / 100);
	bx = x0 + side * r->hard_before / 100;
	by = y0 + side * (1 - r->soft_before / 100);
	if (isnan(bx) || isnan(by)) {	/* the week before is not known */
		fprintf(fp, "<circle class=\"now\" cx=\"%.1f\" cy=\"%.1f\" "
		    "r=\"7\" fill=\"" C_ACCENT "\" stroke=\"#fff\" "
		    "stroke-width=\"1.5\"><title>%s</title></circle></svg>", x, y,
		    T(r, "now"));
		return;
	}
	if (fabs(bx - x) + fabs(by - y) > 4)
		fprintf(fp, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
		    "stroke=\"#1d2733\" stroke-width=\"1.5\" "
		    "marker-end=\"url(#arrow)\"/>", bx, by,
		    bx + (x - bx) * 0.86, by + (y - by) * 0.86);
	fprintf(fp, "<circle class=\"before\" cx=\"%.1f\" cy=\"%.1f\" r=\"5\" "
	    "fill=\"#fff\" stroke=\"#1d2733\" stroke-width=\"1.5\"><title>%s"
	    "</title></circle>", bx, by, T(r, "a week before"));
	fprintf(fp, "<circle class=\"now\" cx=\"%.1f\" cy=\"%.1f\" r=\"7\" "
	    "fill=\"" C_ACCENT "\" stroke=\"#fff\" stroke-width=\"1.5\"><title>%s"
	    "</title></circle>", x, y, T(r, "now"));
	fputs("</svg>", fp);
}

static void
tile(FILE *fp, const char *value, const char *label)
{
	put(fp, "<div class=\"tile\"><b>%s</b><span>%s</span></div>", value,
	    label);
}

static int
count_overdue(const struct chain_report *r, int surprises)
{
	size_t i;
	int n = 0;

	for (i = 0; i < r->ndeals; i++)
		if (surprises ? r->deals[i].surprise &&
		    chain_state_deviation(r->deals[i].state) :
		    r->deals[i].state == CHAIN_OVERDUE)
			n++;
	return n;
}

static void
glance(const struct chain_report *r, FILE *fp)
{
	char a[32], b[32], c[32], d[32], buf[64];
	size_t i;
	int met = 0, with_target = 0;
	char *s;

	put(fp, "<section id=\"glance\"><h2>%s</h2><div class=\"glance\">",
	    T(r, "At a glance"));
	fputs("<div>", fp);
	quadrant(r, fp);
	put(fp, "<p class=\"legend\"><svg width=\"10\" height=\"10\"><circle "
	    "cx=\"5\" cy=\"5\" r=\"4\" fill=\"" C_ACCENT "\"/></svg> %s &#160; "
	    "<svg width=\"10\" height=\"10\"><circle cx=\"5\" cy=\"5\" r=\"3.5\" "
	    "fill=\"#fff\" stroke=\"#1d2733\"/></svg> %s</p></div>",
	    T(r, "now"), T(r, "a week before"));
	fputs("<div class=\"tiles\">", fp);
	for (i = 0; i < r->nkpis; i++)
		if (r->kpis[i].met >= 0) {
			with_target++;
			met += r->kpis[i].met;
		}
	snprintf(buf, sizeof(buf), "%d / %d", met, with_target);
	tile(fp, with_target ? buf : "\xe2\x80\x93", T(r, "KPIs on target"));
	snprintf(buf, sizeof(buf), "%d", count_overdue(r, 0));
	tile(fp, r->ndeals ? buf : "\xe2\x80\x93", T(r, "agreements overdue"));
	snprintf(buf, sizeof(buf), "%d", count_overdue(r, 1));
	tile(fp, r->ndeals ? buf : "\xe2\x80\x93", T(r, "surprises"));
	tile(fp, percent(r, r->reliability, a), T(r, "reliability"));
	tile(fp, num(r, r->trust_index, 0, a), T(r, "trust index"));
	snprintf(buf, sizeof(buf), "%zu", r->nactions);
	tile(fp, buf, T(r, "points for attention"));
	fputs("</div></div>", fp);
	s = chain_trf(r, "Hard score %s (a week before %s), soft score %s (%s).",
	    num(r, r->hard, 0, a), num(r, r->hard_before, 0, b),
	    num(r, r->soft, 0, c), num(r, r->soft_before, 0, d));
	put(fp, "<p class=\"verdict\"><b>%s</b> %s</p></section>",
	    T(r, chain_report_verdict(r)), s);
	free(s);
}

/* The partners' codes, used in every table and chart, with their names. */
static void
partner_legend(const struct chain_report *r, FILE *fp)
{
	const char **codes;
	size_t i;

	if (chain_map_count(r->partner_names) == 0)
		return;
	codes = chain_map_keys(r->partner_names, 1);
	put(fp, "<p class=\"muted\">%s: ", T(r, "Partners"));
	for (i = 0; codes[i] != NULL; i++)
		put(fp, "%s<b>%i</b> %i", i ? " \xc2\xb7 " : "", codes[i],
		    chain_report_partner(r, codes[i]));
	fputs("</p>", fp);
	free(codes);
}

/* Who signed the chain plan, and who has not yet. */
static void
signatures(const struct chain_report *r, FILE *fp)
{
	char day[32], *s;
	size_t i, j;

	if (!chain_report_has(r, CHAIN_IN_SIGNATURES))
		return;
	s = chain_trf(r, "%ld of %ld partners have signed the chain plan.",
	    (long)r->nsigned, (long)(r->nsigned + r->nunsigned));
	put(fp, "<h3>%s</h3><p class=\"muted\">%s</p>",
	    T(r, "Signed by the partners"), s);
	free(s);
	put(fp, "<table class=\"signatures\"><thead><tr><th>%s</th><th>%s</th>"
	    "<th>%s</th><th>%s</th></tr></thead><tbody>", T(r, "partner"),
	    T(r, "signed by"), T(r, "role"), T(r, "signed"));
	for (i = 0; i < r->nsignatures; i++) {
		const struct chain_signature *g = &r->signatures[i];

		if (chain_report_signed_row(r, g))
			chain_report_date(r, g->signed_on, 0, day, sizeof(day));
		put(fp, "<tr><td>%i</td><td class=\"t\">%i</td><td class=\"t\">"
		    "%i</td><td class=\"nw\">%s</td></tr>",
		    chain_report_who(r, g->partner), g->name, g->role,
		    chain_report_signed_row(r, g) ? day : T(r, "not yet"));
	}
	for (i = 0; i < r->nunsigned; i++) {
		for (j = 0; j < r->nsignatures &&
		    strcmp(r->signatures[j].partner, r->unsigned_partners[i]);
		    j++)
			;
		if (j == r->nsignatures)
			put(fp, "<tr><td>%i</td><td></td><td></td><td>%s</td></tr>",
			    chain_report_who(r, r->unsigned_partners[i]),
			    T(r, "not yet"));
	}
	fputs("</tbody></table>", fp);
}

static void
plan(const struct chain_report *r, FILE *fp)
{
	char t[32], b[32];
	size_t i;

	put(fp, "<section id=\"plan\"><h2>%s</h2>", T(r, "Plan: the chain plan"));
	if (r->nkpis == 0) {
		put(fp, "<p class=\"muted\">%s</p>",
		    T(r, "No chain plan was given."));
		signatures(r, fp);
		partner_legend(r, fp);
		fputs("</section>", fp);
		return;
	}
	put(fp, "<table><thead><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th>"
	    "<th class=\"n\">%s</th><th class=\"n\">%s</th><th>%s</th></tr></thead><tbody>",
	    T(r, "KPI"), T(r, "name"), T(r, "unit"), T(r, "better"),
	    T(r, "baseline"), T(r, "target"), T(r, "owner"));
	for (i = 0; i < r->nkpis; i++) {
		const struct chain_kpi_series *k = &r->kpis[i];

		put(fp, "<tr><td>%i</td><td class=\"t\">%i</td><td>%i</td><td>%s</td>"
		    "<td class=\"n\">%s</td><td class=\"n\">%s</td><td>%i</td>"
		    "</tr>", k->code, k->name, k->unit ? k->unit : "",
		    T(r, chain_better_name(k->better)),
		    kpi_value(r, k, k->baseline, b), kpi_value(r, k, k->target, t),
		    k->owner ? k->owner : "");
	}
	fputs("</tbody></table>", fp);
	signatures(r, fp);
	partner_legend(r, fp);
	fputs("</section>", fp);
}

static void
deal_table(const struct chain_report *r, FILE *fp, enum chain_deal_list which,
    const char *title)
{
	char due[32], late[16];
	size_t i;
	int n = 0;

	put(fp, "<h3>%s</h3>", T(r, title));
	for (i = 0; i < r->ndeals; i++) {
		const struct chain_deal *d = &r->deals[i];

		if (!chain_report_deal_in(r, d, which))
			continue;
		if (n++ == 0)
			put(fp, "<table><thead><tr><th>id</th><th>%s</th><th>%s</th>"
			    "<th>%s</th><th class=\"n\">%s</th><th>%s</th>"
			    "<th class=\"n\">%s</th></tr></thead><tbody>",
			    T(r, "agreement"),
			    T(r, "owner"), T(r, "to"), T(r, "due"), T(r, "state"),
			    T(r, "days late"));
		chain_report_date(r, d->effective_due, 0, due, sizeof(due));
		snprintf(late, sizeof(late), "%d", d->days_late);
		put(fp, "<tr><td>%i</td><td class=\"t\">%i</td><td>%i</td><td>%i</td>"
		    "<td class=\"n\">%s</td><td class=\"nw\">%s", d->id, d->title,
		    chain_report_who(r, d->owner), chain_report_who(r, d->counterpart), due,
		    T(r, chain_state_names[d->state]));
		if (d->surprise && chain_state_deviation(d->state))
			put(fp, " <span class=\"badge concern\">%s</span>",
			    T(r, "surprise"));
		put(fp, "</td><td class=\"n\">%s</td></tr>",
		    d->days_late ? late : "");
	}
	if (n == 0)
		put(fp, "<p class=\"muted\">%s</p>", T(r, "Nothing."));
	else
		fputs("</tbody></table>", fp);
}

static void
do_section(const struct chain_report *r, FILE *fp)
{
	put(fp, "<section id=\"do\" class=\"page\"><h2>%s</h2>",
	    T(r, "Do: agreements this week"));
	if (r->ndeals == 0) {
		put(fp, "<p class=\"muted\">%s</p></section>",
		    T(r, "No agreements register was given."));
		return;
	}
	deal_table(r, fp, CHAIN_DEALS_DUE, "Due this week");
	deal_table(r, fp, CHAIN_DEALS_DONE, "Done this week");
	deal_table(r, fp, CHAIN_DEALS_COMING, "Coming up");
	deal_table(r, fp, CHAIN_DEALS_OVERDUE, "Overdue");
	fputs("</section>", fp);
}

/* A badge's class: one the style sheet knows, whatever the input says. */
static const char *
badge_class(const char *word)
{
	static const char *const known[] = { "improvement", "concern",
	    "special", "common", "pass", "fail", "hit-and-miss", NULL };
	const char *v = chain_kpi_variation(word);
	size_t i;

	for (i = 0; known[i] != NULL; i++)
		if (strcmp(v, known[i]) == 0)
			return v;
	return "common";
}

static void
badge(const struct chain_report *r, FILE *fp, const char *word)
{
	if (*word == '\0')
		return;
	put(fp, "<span class=\"badge %s\">%i</span>", badge_class(word),
	    T(r, word));
}

static void
kpi_table(const struct chain_report *r, FILE *fp)
{
	char v[32], t[32], c[32];
	size_t i;

	put(fp, "<table><thead><tr><th>%s</th><th>%s</th><th class=\"n\">%s</th>"
	    "<th class=\"n\">%s</th><th>%s</th><th class=\"n\">%s</th>"
	    "<th>%s</th><th>%s</th></tr></thead><tbody>", T(r, "KPI"),
	    T(r, "period"),
	    T(r, "value"), T(r, "target"), T(r, "met"), T(r, "change"),
	    T(r, "variation"), T(r, "assurance"));
	for (i = 0; i < r->nkpis; i++) {
		const struct chain_kpi_series *k = &r->kpis[i];

		put(fp, "<tr><td class=\"t\">%i</td><td class=\"nw\">%i</td>"
		    "<td class=\"n\">%s</td><td class=\"n\">%s</td><td>%s</td>"
		    "<td class=\"n\">%s</td><td>",
		    k->name, k->period ? k->period : "", kpi_value(r, k, k->value, v),
		    kpi_value(r, k, k->target, t), k->met < 0 ? "" :
		    k->met ? T(r, "yes") : T(r, "no"),
		    chain_report_kpi_value(r, k->unit, k->change, 1, c, 32));
		badge(r, fp, k->variation);
		fputs("</td><td>", fp);
		badge(r, fp, k->assurance);
		fputs("</td></tr>", fp);
	}
	fputs("</tbody></table>", fp);
}

static const char *
signal_colour(const char *signal)
{
	if (strcmp(signal, "improvement") == 0)
		return C_IMPROVEMENT;
	if (strcmp(signal, "concern") == 0)
		return C_CONCERN;
	if (strcmp(signal, "special") == 0)
		return C_SPECIAL;
	return C_COMMON;
}

struct scale {
	double lo, hi;
	int top, bottom;
};

static void
widen(struct scale *s, double v)
{
	if (isnan(v))
		return;
	if (v < s->lo)
		s->lo = v;
	if (v > s->hi)
		s->hi = v;
}

static double
ypos(const struct scale *s, double v)
{
	return s->bottom - (v - s->lo) / (s->hi - s->lo) * (s->bottom - s->top);
}

/* A step line through per-point values (limits change at a recalculation). */
static void
step_line(FILE *fp, const struct chain_kpi_series *k, const struct scale *s,
    double (*field)(const struct chain_kpi_point *), double x0, double x1,
    const char *style)
{
	double dx = k->npoints > 1 ? (x1 - x0) / (double)(k->npoints - 1) : 0;
	size_t i;
	int open = 0;

	for (i = 0; i < k->npoints; i++) {
		double v = field(&k->points[i]);

		if (isnan(v)) {
			if (open)
				fputs("\"/>", fp);
			open = 0;
			continue;
		}
		if (!open)
			fprintf(fp, "<polyline %s points=\"", style);
		fprintf(fp, "%.1f,%.1f %.1f,%.1f ",
		    fmax(x0 - 4, x0 + dx * ((double)i - 0.5)), ypos(s, v),
		    fmin(x1 + 4, x0 + dx * ((double)i + 0.5)), ypos(s, v));
		open = 1;
	}
	if (open)
		fputs("\"/>", fp);
}

static double
f_mean(const struct chain_kpi_point *p)
{
	return p->mean;
}

static double
f_lower(const struct chain_kpi_point *p)
{
	return p->lower;
}

static double
f_upper(const struct chain_kpi_point *p)
{
	return p->upper;
}


/* The first point on or after a change's period: where its limits start. */
static size_t
change_point(const struct chain_kpi_series *k, const struct chain_kpi_change *c)
{
	size_t i;

	for (i = 0; i < k->npoints; i++)
		if (k->points[i].period.start >= c->period.start)
			break;
	return i;
}

/*
 * The process changes of a KPI on its chart: a dashed vertical line where
 * the limits of each start anew (half a step before its first point, as
 * step_line steps), numbered at the top, the note as its title.
 */
static void
change_lines(FILE *fp, const struct chain_kpi_series *k, const struct scale *s,
    double x0, double dx)
{
	char label[CHAIN_PERIOD_LEN];
	size_t j, at;
	double x;

	for (j = 0; j < k->nchanges; j++) {
		const struct chain_kpi_change *c = &k->changes[j];

		if ((at = change_point(k, c)) >= k->npoints)
			continue;
		x = at > 0 ? x0 + dx * ((double)at - 0.5) : x0 - 4;
		chain_period_format(c->period, label);
		fprintf(fp, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" "
		    "stroke=\"" C_CHANGE "\" stroke-width=\"1\" "
		    "stroke-dasharray=\"3 2\">", x, x, s->top, s->bottom);
		put(fp, "<title>%p: %p</title></line>", label, c->note);
		fprintf(fp, "<text x=\"%.1f\" y=\"%d\" font-size=\"7\" "
		    "fill=\"" C_CHANGE "\">%zu</text>", x + 2, s->top + 7, j + 1);
	}
}

/* Under a chart, each process change of its KPI with its note in full. */
static void
change_notes(const struct chain_report *r, FILE *fp,
    const struct chain_kpi_series *k)
{
	char label[CHAIN_PERIOD_LEN];
	size_t j;

	for (j = 0; j < k->nchanges; j++) {
		chain_period_format(k->changes[j].period, label);
		put(fp, "<p class=\"change\"><b>%d</b> %s %p: %i</p>", (int)j + 1,
		    T(r, "process change"), label, k->changes[j].note);
	}
}

static void
xmr_chart(const struct chain_report *r, FILE *fp, const struct chain_kpi_series *k)
{
	const double x0 = 44, x1 = 344;
	struct scale s = { INFINITY, -INFINITY, 12, 128 };
	char a[32], b[32], label[CHAIN_PERIOD_LEN];
	double dx, pad;
	size_t i;

	for (i = 0; i < k->npoints; i++) {
		widen(&s, k->points[i].value);
		widen(&s, k->points[i].lower);
		widen(&s, k->points[i].upper);
	}
	widen(&s, k->target);
	if (!(s.hi > s.lo)) {
		s.lo -= 1;
		s.hi += 1;
	}
	pad = (s.hi - s.lo) * 0.06;
	s.lo -= pad;
	s.hi += pad;
	dx = k->npoints > 1 ? (x1 - x0) / (double)(k->npoints - 1) : 0;
	put(fp, "<figure><figcaption>%i", k->name);
	if (k->unit != NULL)
		put(fp, " (%i)", k->unit);
	fputs("</figcaption>", fp);
	fprintf(fp, "<svg class=\"chart xmr\" width=\"350\" height=\"150\" "
	    "viewBox=\"0 0 350 150\" role=\"img\" style=\"width:100%%;"
	    "height:auto\">");
	fprintf(fp, "<rect x=\"%.0f\" y=\"%d\" width=\"%.0f\" height=\"%d\" "
	    "fill=\"#fafbfc\" stroke=\"#e3e7ec\"/>", x0 - 4, s.top,
	    x1 - x0 + 8, s.bottom - s.top);
	step_line(fp, k, &s, f_upper, x0, x1, "fill=\"none\" stroke=\"#8a94a3\" "
	    "stroke-dasharray=\"4 3\"");
	step_line(fp, k, &s, f_lower, x0, x1, "fill=\"none\" stroke=\"#8a94a3\" "
	    "stroke-dasharray=\"4 3\"");
	step_line(fp, k, &s, f_mean, x0, x1, "fill=\"none\" stroke=\"#5b6675\"");
	change_lines(fp, k, &s, x0, dx);
	if (!isnan(k->target))
		fprintf(fp, "<line x1=\"%.0f\" x2=\"%.0f\" y1=\"%.1f\" y2=\"%.1f\" "
		    "stroke=\"" C_TARGET "\" stroke-width=\"1.2\" "
		    "stroke-dasharray=\"1 2\"/>", x0 - 4, x1 + 4,
		    ypos(&s, k->target), ypos(&s, k->target));
	fputs("<polyline fill=\"none\" stroke=\"#aab3bf\" points=\"", fp);
	for (i = 0; i < k->npoints; i++)
		if (!isnan(k->points[i].value))
			fprintf(fp, "%.1f,%.1f ", x0 + dx * (double)i,
			    ypos(&s, k->points[i].value));
	fputs("\"/>", fp);
	for (i = 0; i < k->npoints; i++) {
		const struct chain_kpi_point *p = &k->points[i];

		if (isnan(p->value))
			continue;
		chain_period_format(p->period, label);
		fprintf(fp, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.6\" fill=\"%s\">"
		    "<title>%s: %s</title></circle>", x0 + dx * (double)i,
		    ypos(&s, p->value), signal_colour(p->signal), label,
		    kpi_value(r, k, p->value, a));
	}
	fprintf(fp, "<g font-size=\"7\" fill=\"#5b6675\" text-anchor=\"end\">"
	    "<text x=\"%.0f\" y=\"%.1f\">%s</text><text x=\"%.0f\" y=\"%.1f\">%s"
	    "</text></g>", x0 - 6, (double)s.top + 6, kpi_value(r, k, s.hi - pad, a),
	    x0 - 6, (double)s.bottom, kpi_value(r, k, s.lo + pad, b));
	if (k->npoints > 0) {
		chain_period_format(k->points[0].period, label);
		fprintf(fp, "<g font-size=\"7\" fill=\"#5b6675\"><text x=\"%.0f\" "
		    "y=\"139\">%s</text>", x0 - 4, label);
		chain_period_format(k->points[k->npoints - 1].period, label);
		fprintf(fp, "<text x=\"%.0f\" y=\"139\" text-anchor=\"end\">%s"
		    "</text></g>", x1 + 4, label);
	}
	fputs("</svg>", fp);
	change_notes(r, fp, k);
	fputs("</figure>", fp);
}

static void
chart_legend(const struct chain_report *r, FILE *fp, int changes)
{
	put(fp, "<p class=\"legend\">"
	    "<svg width=\"10\" height=\"10\"><circle cx=\"5\" cy=\"5\" r=\"4\" "
	    "fill=\"" C_COMMON "\"/></svg> %s &#160; "
	    "<svg width=\"10\" height=\"10\"><circle cx=\"5\" cy=\"5\" r=\"4\" "
	    "fill=\"" C_IMPROVEMENT "\"/></svg> %s &#160; "
	    "<svg width=\"10\" height=\"10\"><circle cx=\"5\" cy=\"5\" r=\"4\" "
	    "fill=\"" C_CONCERN "\"/></svg> %s &#160; "
	    "<svg width=\"10\" height=\"10\"><circle cx=\"5\" cy=\"5\" r=\"4\" "
	    "fill=\"" C_SPECIAL "\"/></svg> %s &#160; "
	    "\xe2\x80\x94 %s &#160; - - %s &#160; "
	    "<span style=\"color:" C_TARGET "\">\xc2\xb7\xc2\xb7\xc2\xb7</span> %s</p>",
	    T(r, "common cause"), T(r, "improvement"), T(r, "concern"),
	    T(r, "special"), T(r, "mean"), T(r, "limits"), T(r, "target"));
	if (changes)
		put(fp, "<p class=\"legend\"><svg width=\"10\" height=\"10\">"
		    "<line x1=\"5\" x2=\"5\" y1=\"0\" y2=\"10\" stroke=\""
		    C_CHANGE "\" stroke-dasharray=\"3 2\"/></svg> %s</p>",
		    T(r, "a process change: the limits start anew (numbered, "
		    "its reason under the chart)"));
}

static void
kpi_section(const struct chain_report *r, FILE *fp)
{
	size_t i;
	int changes = 0;

	put(fp, "<h3>%s</h3>", T(r, "KPIs"));
	if (r->nkpis == 0) {
		put(fp, "<p class=\"muted\">%s</p>", T(r, "No KPI results were given."));
		return;
	}
	kpi_table(r, fp);
	if (!chain_report_has(r, CHAIN_IN_KPI_CHECK))
		return;
	put(fp, "<h3>%s</h3>", T(r, "Control charts"));
	for (i = 0; i < r->nkpis; i++)
		changes |= r->kpis[i].npoints > 0 && r->kpis[i].nchanges > 0;
	chart_legend(r, fp, changes);
	fputs("<div class=\"charts\">", fp);
	for (i = 0; i < r->nkpis; i++)
		if (r->kpis[i].npoints > 0)
			xmr_chart(r, fp, &r->kpis[i]);
	fputs("</div>", fp);
}

static void
bar(FILE *fp, double x, double y, double value, const char *colour)
{
	if (isnan(value))
		return;
	fprintf(fp, "<rect x=\"%.0f\" y=\"%.0f\" width=\"%.1f\" height=\"7\" "
	    "fill=\"%s\"/>", x, y, 150 * value, colour);
}

/* Reliability and predictability per partner (whole-period rows only). */
static void
partner_bars(const struct chain_report *r, FILE *fp)
{
	char a[32], b[32];
	size_t i, n = 0, step;
	int y = 22;

	for (i = 0; i < r->nscores; i++)
		n += *r->scores[i].period == '\0';
	if (n == 0)
		return;
	step = n > BARS_ROOMY ? 17 : 22;	/* a big chain's rows closer */
	put(fp, "<h3>%s</h3>", T(r, "Agreements per partner"));
	fprintf(fp, "<svg class=\"chart bars\" width=\"560\" height=\"%zu\" "
	    "viewBox=\"0 0 560 %zu\" role=\"img\">", 30 + step * n,
	    30 + step * n);
	put(fp, "<g font-size=\"8\"><rect x=\"170\" y=\"4\" width=\"10\" "
	    "height=\"7\" fill=\"" C_ACCENT "\"/><text x=\"184\" y=\"11\">%s</text>"
	    "<rect x=\"300\" y=\"4\" width=\"10\" height=\"7\" fill=\"#8cc0d6\"/>"
	    "<text x=\"314\" y=\"11\">%s</text></g>", T(r, "reliability"),
	    T(r, "predictability"));
	for (i = 0; i < r->nscores; i++) {
		const struct chain_partner_score *s = &r->scores[i];

		if (*s->period != '\0')
			continue;
		put(fp, "<text x=\"164\" y=\"%d\" font-size=\"8.5\" "
		    "text-anchor=\"end\">%p</text>", y + 12,
		    chain_report_who(r, s->partner));
		fprintf(fp, "<rect x=\"170\" y=\"%d\" width=\"150\" height=\"16\" "
		    "fill=\"#f3f5f7\"/>", y);
		bar(fp, 170, y, s->reliability, C_ACCENT);
		bar(fp, 170, y + 8, s->predictability, "#8cc0d6");
		fprintf(fp, "<text x=\"326\" y=\"%d\" font-size=\"8\">%s / %s "
		    "(%ld)</text>", y + 12, percent(r, s->reliability, a),
		    percent(r, s->predictability, b), s->tally.total);
		y += (int)step;
	}
	fputs("</svg>", fp);
}

/* A swatch of a colour scale's legend. */
static void
swatch(const struct chain_report *r, FILE *fp, const char *fill,
    const char *label)
{
	fprintf(fp, "<svg width=\"10\" height=\"10\"><rect width=\"10\" "
	    "height=\"10\" fill=\"%s\"/></svg> ", fill);
	put(fp, "%s &#160; ", T(r, label));
}

#define PARETO_MAX 10	/* the reasons a Pareto chart draws */

/*
 * Why promises break: a Pareto chart of the reasons, largest first, each a
 * bar of its share of the deviations with a reason, and a line through
 * the cumulative shares.
 */
static void
pareto_chart(const struct chain_report *r, FILE *fp, size_t n)
{
	const int left = 170, width = 330;
	const char *sep = "";
	long cumulative = 0;
	size_t i;
	int y;

	fputs("<p class=\"legend\">", fp);
	swatch(r, fp, C_ACCENT, "share of the deviations with a reason");
	fprintf(fp, "<svg width=\"16\" height=\"10\"><line x1=\"0\" y1=\"5\" "
	    "x2=\"16\" y2=\"5\" stroke=\"" C_CONCERN "\" stroke-width=\"1.5\"/>"
	    "</svg> ");
	put(fp, "%s</p>", T(r, "cumulative"));
	fprintf(fp, "<svg class=\"chart pareto\" width=\"%d\" height=\"%zu\" "
	    "viewBox=\"0 0 %d %zu\" role=\"img\">", CHART_WIDTH, 24 + 20 * n,
	    CHART_WIDTH, 24 + 20 * n);
	for (i = 0; i <= 4; i++)
		fprintf(fp, "<line x1=\"%.1f\" y1=\"14\" x2=\"%.1f\" y2=\"%zu\" "
		    "stroke=\"#e3e7ec\"/><text x=\"%.1f\" y=\"10\" "
		    "font-size=\"7.5\" text-anchor=\"middle\" fill=\"#5b6675\">"
		    "%zu%%</text>", left + width * (double)i / 4,
		    left + width * (double)i / 4, 16 + 20 * n,
		    left + width * (double)i / 4, 25 * i);
	for (i = 0, y = 18; i < n; i++, y += 20) {
		const struct chain_reason_total *t = &r->reasons[i];

		put(fp, "<text x=\"%d\" y=\"%d\" font-size=\"8.5\" "
		    "text-anchor=\"end\">%p</text>", left - 6, y + 10,
		    chain_report_reason(r, t));
		fprintf(fp, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" "
		    "height=\"13\" fill=\"" C_ACCENT "\"/>", left, y,
		    width * (double)t->count / (double)r->reasons_total);
	}
	fputs("<polyline fill=\"none\" stroke=\"" C_CONCERN "\" "
	    "stroke-width=\"1.5\" points=\"", fp);
	for (i = 0, y = 18; i < n; i++, y += 20) {
		cumulative += r->reasons[i].count;
		fprintf(fp, "%s%.1f,%d", sep, left + width * (double)cumulative /
		    (double)r->reasons_total, y + 6);
		sep = " ";
	}
	fputs("\"/></svg>", fp);
}

/* The reasons of the deviations, with their counts, shares and partner. */
static void
reasons_section(const struct chain_report *r, FILE *fp)
{
	char a[32], b[32];
	long cumulative = 0;
	size_t i;
	int by = 0;

	if (r->nreasons == 0)
		return;
	for (i = 0; i < r->nreasons; i++)
		by |= r->reasons[i].partner != NULL;
	put(fp, "<h3>%s</h3><p class=\"muted\">%s</p>", T(r, "Why promises break"),
	    T(r, "the reasons given for the deviations (renegotiated, late, "
	    "overdue), the most frequent first"));
	pareto_chart(r, fp, r->nreasons < PARETO_MAX ? r->nreasons : PARETO_MAX);
	put(fp, "<table class=\"reasons\"><tr><th>%s</th><th class=\"n\">%s</th>"
	    "<th class=\"n\">%s</th><th class=\"n\">%s</th>", T(r, "reason"),
	    T(r, "deviations"), T(r, "share"), T(r, "cumulative"));
	if (by)
		put(fp, "<th>%s</th>", T(r, "mostly by"));
	fputs("</tr>", fp);
	for (i = 0; i < r->nreasons; i++) {
		const struct chain_reason_total *t = &r->reasons[i];

		cumulative += t->count;
		put(fp, "<tr><td class=\"t\">%i</td><td class=\"n\">%d</td>"
		    "<td class=\"n\">%s</td><td class=\"n\">%s</td>",
		    chain_report_reason(r, t), (int)t->count,
		    percent(r, (double)t->count / (double)r->reasons_total, a),
		    percent(r, (double)cumulative / (double)r->reasons_total, b));
		if (by && t->partner != NULL)
			put(fp, "<td>%i (%d)</td>", chain_report_who(r, t->partner),
			    (int)t->partner_count);
		else if (by)
			fputs("<td></td>", fp);
		fputs("</tr>", fp);
	}
	fputs("</table>", fp);
}

/*
 * Who comes to the table: per partner the chain meetings, attended, the
 * regrets in time and late, the absences without notice (surprises) and,
 * beside them, the surprises of its agreements.
 */
static void
attendance_table(const struct chain_report *r, FILE *fp)
{
	char a[32];
	size_t i;
	int scores = r->nscores > 0;

	if (r->nattendance == 0)
		return;
	put(fp, "<h3>%s</h3><p class=\"muted\">%s</p>",
	    T(r, "Who comes to the table"), T(r, "attendance at the chain "
	    "meetings; an absence without notice counts as a surprise"));
	put(fp, "<table class=\"attendance\"><tr><th>%s</th>"
	    "<th class=\"n\">%s</th><th class=\"n\">%s</th>"
	    "<th class=\"n\">%s</th><th class=\"n\">%s</th>"
	    "<th class=\"n\">%s</th><th class=\"n\">%s</th>",
	    T(r, "partner"), T(r, "meetings"), T(r, "attended"),
	    T(r, "attendance"), T(r, "regrets in time"), T(r, "regrets late"),
	    T(r, "absent without notice"));
	if (scores)
		put(fp, "<th class=\"n\">%s</th>", T(r, "surprises"));
	fputs("</tr>", fp);
	for (i = 0; i < r->nattendance; i++) {
		const struct chain_attendance_row *x = &r->attendance[i];
		long s = chain_report_surprises(r, x->partner);

		put(fp, "<tr><td>%i</td><td class=\"n\">%d</td>"
		    "<td class=\"n\">%d</td><td class=\"n\">%s</td>"
		    "<td class=\"n\">%d</td><td class=\"n\">%d</td>"
		    "<td class=\"n\">%d</td>", chain_report_who(r, x->partner),
		    (int)x->meetings, (int)x->attended, percent(r,
		    x->meetings > 0 ? (double)x->attended / (double)x->meetings :
		    NAN, a), (int)x->in_time, (int)x->late, (int)x->no_shows);
		if (scores && s >= 0)
			put(fp, "<td class=\"n\">%d</td>", (int)s);
		else if (scores)
			fputs("<td></td>", fp);
		fputs("</tr>", fp);
	}
	fputs("</table>", fp);
}

/* Dimensions of the latest wave, in order of first appearance, * last. */
static size_t
dimensions(const struct chain_report *r, const char **dims, size_t max)
{
	size_t i, j, n = 0;
	int overall = 0;

	for (i = 0; i < r->ntrust; i++) {
		const char *d = r->trust[i].dimension;

		if (r->wave == NULL || strcmp(r->trust[i].wave, r->wave) != 0)
			continue;
		if (strcmp(d, "*") == 0) {
			overall = 1;
			continue;
		}
		for (j = 0; j < n && strcmp(dims[j], d) != 0; j++)
			;
		if (j == n && n + 1 < max)
			dims[n++] = d;
	}
	if (overall)
		dims[n++] = "*";
	return n;
}

static const struct chain_trust *
trust_cell(const struct chain_report *r, const char *wave, const char *p,
    const char *about, const char *dim)
{
	size_t i;

	for (i = 0; i < r->ntrust && wave != NULL; i++) {
		const struct chain_trust *t = &r->trust[i];

		if (strcmp(t->wave, wave) == 0 && strcmp(t->partner, p) == 0 &&
		    strcmp(t->about, about) == 0 && strcmp(t->dimension, dim) == 0)
			return t;
	}
	return NULL;
}

static void
trust_value(const struct chain_report *r, FILE *fp, const struct chain_trust *t,
    const struct chain_trust *before)
{
	char a[32], b[32];
	double change;

	if (t == NULL || t->suppressed || isnan(t->index)) {
		put(fp, "<td class=\"n muted\" title=\"%s\">\xe2\x80\x93</td>",
		    T(r, "too few respondents to show"));
		return;
	}
	fprintf(fp, "<td class=\"n\">%s", num(r, t->index, 0, a));
	if (before != NULL && !before->suppressed && !isnan(before->index)) {
		change = t->index - before->index;
		if (fabs(change) >= 0.5)
			fprintf(fp, " <span class=\"%s\">%s%s</span>",
			    change > 0 ? "up" : "down",
			    change > 0 ? "\xe2\x96\xb2" : "\xe2\x96\xbc",
			    num(r, fabs(change), 0, b));
	}
	fputs("</td>", fp);
}

static void
trust_table(const struct chain_report *r, FILE *fp)
{
	const char *dims[32];
	size_t ndims = dimensions(r, dims, 32), i, j;
	char *title;

	put(fp, "<h3>%s</h3>", T(r, "Trust per partner and dimension"));
	if (r->wave == NULL || ndims == 0) {
		put(fp, "<p class=\"muted\">%s</p>",
		    T(r, "No survey results were given."));
		return;
	}
	title = r->previous_wave ? chain_trf(r, "wave %s, change since %s",
	    r->wave, r->previous_wave) : chain_trf(r, "wave %s", r->wave);
	put(fp, "<p class=\"muted\">%s</p>", title);
	free(title);
	put(fp, "<table><thead><tr><th>%s</th>", T(r, "partner"));
	for (j = 0; j < ndims; j++)
		put(fp, "<th class=\"n\">%i</th>",
		    chain_report_dimension(r, dims[j]));
	fputs("</tr></thead><tbody>", fp);
	for (i = 0; i < r->ntrust; i++) {
		const struct chain_trust *t = &r->trust[i];

		if (strcmp(t->wave, r->wave) != 0 ||
		    strcmp(t->dimension, dims[0]) != 0)
			continue;
		put(fp, "<tr><td>%i", chain_report_who(r, t->partner));
		if (*t->about != '\0')
			put(fp, " \xe2\x86\x92 %i", chain_report_who(r, t->about));
		fputs("</td>", fp);
		for (j = 0; j < ndims; j++)
			trust_value(r, fp, trust_cell(r, r->wave, t->partner,
			    t->about, dims[j]), trust_cell(r, r->previous_wave,
			    t->partner, t->about, dims[j]));
		fputs("</tr>", fp);
	}
	fputs("</tbody></table>", fp);
}

static int
compare_names(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static size_t
heat_partners(const struct chain_report *r, const char **names, size_t max)
{
	size_t i, j, n = 0, side;

	for (i = 0; i < r->ntrust_pairs; i++)
		for (side = 0; side < 2; side++) {
			const char *p = side ? r->trust_pairs[i].about :
			    r->trust_pairs[i].partner;

			for (j = 0; j < n && strcmp(names[j], p) != 0; j++)
				;
			if (j == n && n < max)
				names[n++] = p;
		}
	qsort(names, n, sizeof(*names), compare_names);
	return n;
}

static const char *
level_colour(const char *level)
{
	if (strcmp(level, "strength") == 0)
		return "#8fd19e";
	return strcmp(level, "discuss") == 0 ? "#f7d774" : "#f19a8e";
}

static const struct chain_trust_pair *
heat_cell(const struct chain_report *r, const char *p, const char *about)
{
	size_t i;

	for (i = 0; i < r->ntrust_pairs; i++)
		if (strcmp(r->trust_pairs[i].partner, p) == 0 &&
		    strcmp(r->trust_pairs[i].about, about) == 0)
			return &r->trust_pairs[i];
	return NULL;
}

/* The width a chart may take: the 190 mm of A4's text width. */
#define PAGE_PX 718

/*
 * The mutual-trust heat map in the survey's levels: green a strength,
 * amber to discuss, red a concern.  Its cells shrink with the number of
 * partners so that it stays within the page; below 18 px a cell has no
 * room for its mean, which its tooltip still gives.
 */
static void
heat_map(const struct chain_report *r, FILE *fp)
{
	const char **names = chain_calloc(2 * r->ntrust_pairs + 1,
	    sizeof(*names));
	size_t n = heat_partners(r, names, 2 * r->ntrust_pairs), i, j;
	const int top = 56;
	int cell, font, width, left = 40;
	char a[32];

	if (n == 0) {
		free(names);
		return;
	}
	for (i = 0; i < n; i++)	/* room for the longest code, within reason */
		if (12 + 6 * (int)strlen(names[i]) > left)
			left = 12 + 6 * (int)strlen(names[i]);
	left = left > 150 ? 150 : left;
	cell = (PAGE_PX - left - 10) / (int)n;
	cell = cell > 46 ? 46 : cell;
	font = cell >= 40 ? 10 : cell >= 18 ? cell * 4 / 9 : 0;
	width = left + (int)n * cell + 10;
	put(fp, "<figure class=\"heat\"><h3>%s</h3><p class=\"muted\">%s</p>",
	    T(r, "Mutual trust"),
	    T(r, "each row rates the partner of its column (1 to 5)"));
	fputs("<p class=\"legend\">", fp);
	swatch(r, fp, level_colour("strength"), "strength (4.0 or more)");
	swatch(r, fp, level_colour("discuss"), "to discuss (3.0 to 4.0)");
	swatch(r, fp, level_colour("concern"), "concern (below 3.0)");
	swatch(r, fp, "#f0f2f5", "no answers, or too few to show");
	swatch(r, fp, "#d5dae1", "itself");
	fputs("</p>", fp);
	fprintf(fp, "<svg class=\"chart heatmap\" width=\"%d\" height=\"%d\" "
	    "viewBox=\"0 0 %d %d\" role=\"img\">", width,
	    top + (int)n * cell + 10, width, top + (int)n * cell + 10);
	for (j = 0; j < n; j++)
		put(fp, "<text transform=\"translate(%d,%d) rotate(-50)\" "
		    "font-size=\"8.5\">%p</text>", left + (int)j * cell +
		    cell / 2 + 2, top - 4, chain_report_who(r, names[j]));
	for (i = 0; i < n; i++) {
		put(fp, "<text x=\"%d\" y=\"%d\" font-size=\"8.5\" "
		    "text-anchor=\"end\">%p</text>", left - 6,
		    top + (int)i * cell + cell / 2 + 3, chain_report_who(r, names[i]));
		for (j = 0; j < n; j++) {
			const struct chain_trust_pair *c = heat_cell(r, names[i],
			    names[j]);
			int x = left + (int)j * cell, y = top + (int)i * cell;
			const char *fill = "#f0f2f5";
			const char *mean = c != NULL && !isnan(c->mean) ?
			    num(r, c->mean, 1, a) : "\xe2\x80\x93";

			if (i == j)
				fill = "#d5dae1";
			else if (c != NULL && !isnan(c->index))
				fill = level_colour(chain_survey_level(c->index));
			fprintf(fp, "<rect x=\"%d\" y=\"%d\" width=\"%d\" "
			    "height=\"%d\" fill=\"%s\" stroke=\"#fff\" "
			    "stroke-width=\"%d\">", x, y, cell, cell, fill,
			    cell >= 24 ? 2 : 1);
			if (i != j)
				put(fp, "<title>%p \xe2\x86\x92 %p: %s</title>",
				    chain_report_who(r, names[i]),
				    chain_report_who(r, names[j]), mean);
			fputs("</rect>", fp);
			if (i != j && font > 0)
				fprintf(fp, "<text x=\"%d\" y=\"%d\" font-size=\"%d\" "
				    "text-anchor=\"middle\">%s</text>", x + cell / 2,
				    y + cell / 2 + font * 2 / 5, font, mean);
		}
	}
	fputs("</svg></figure>", fp);
	free(names);
}

/*
 * The trust network under the heat map: the chain's density, reciprocity
 * and centralisation in a sentence, then per partner how many partners
 * trust it and it trusts, and the trust it gives and receives.
 */
static void
network_table(const struct chain_report *r, FILE *fp)
{
	char a[32], b[32];
	size_t i;
	char *s;

	if (r->nnodes == 0)
		return;
	put(fp, "<h3>%s</h3><p class=\"muted\">%s</p>", T(r, "Trust network"),
	    T(r, "a tie where a partner's trust in another partner is at least "
	    "the middle of the scale"));
	for (i = 0; i < r->nnodes; i++) {
		const struct chain_trust_node *x = &r->nodes[i];

		if (*x->partner != '\0')
			continue;
		s = chain_report_network_line(r, x);
		put(fp, "<p>%s</p>", s);
		free(s);
	}
	put(fp, "<p class=\"legend\">%s</p>", T(r, "density: the share of all "
	    "possible ties; reciprocity: the share of ties returned; "
	    "centralisation: how far trust gathers on one partner (0% evenly "
	    "spread, 100% all on one)"));
	put(fp, "<table class=\"network\"><thead><tr><th>%s</th>"
	    "<th class=\"n\">%s</th><th class=\"n\">%s</th>"
	    "<th class=\"n\">%s</th><th class=\"n\">%s</th></tr></thead><tbody>",
	    T(r, "partner"), T(r, "trusted by"), T(r, "trusts"),
	    T(r, "trust given"), T(r, "trust received"));
	for (i = 0; i < r->nnodes; i++) {
		const struct chain_trust_node *x = &r->nodes[i];

		if (*x->partner == '\0')
			continue;
		put(fp, "<tr><td>%i</td><td class=\"n\">%d</td>"
		    "<td class=\"n\">%d</td><td class=\"n\">%s</td>"
		    "<td class=\"n\">%s</td></tr>", chain_report_who(r,
		    x->partner), (int)x->in, (int)x->out, num(r, x->given, 1, a),
		    num(r, x->received, 1, b));
	}
	fputs("</tbody></table>", fp);
}

/* Median and p90 wait per handoff, the worst first, as horizontal bars. */
static void
relay_chart(const struct chain_report *r, FILE *fp)
{
	int back = chain_report_returns(r);
	const int left = 130, width = CHART_WIDTH - 130 - 60 - 60 * back;
	size_t n = r->nhandoffs < RELAY_MAX ? r->nhandoffs : RELAY_MAX, i;
	double max = 0;
	char a[32], b[32];
	int y;

	if (n == 0)
		return;
	for (i = 0; i < n; i++)
		if (r->handoffs[i].p90 > max)
			max = r->handoffs[i].p90;
	put(fp, "<h3>%s</h3><p class=\"muted\">%s", T(r, "Relay: where cases "
	    "wait"), T(r, "per handoff between two partners, the worst first"));
	if (back)
		put(fp, "; %s", T(r, "sent back: handed to a partner that had the "
		    "case before"));
	fputs("</p>", fp);
	fprintf(fp, "<svg class=\"chart relay\" width=\"%d\" height=\"%zu\" "
	    "viewBox=\"0 0 %d %zu\" role=\"img\">", CHART_WIDTH, 24 + 20 * n,
	    CHART_WIDTH, 24 + 20 * n);
	put(fp, "<g font-size=\"8\"><rect x=\"%d\" y=\"4\" width=\"10\" "
	    "height=\"7\" fill=\"" C_ACCENT "\"/><text x=\"%d\" y=\"11\">%s"
	    "</text><rect x=\"%d\" y=\"4\" width=\"10\" height=\"7\" "
	    "fill=\"#8cc0d6\"/><text x=\"%d\" y=\"11\">%s</text></g>", left,
	    left + 14, T(r, "median wait (days)"), left + 150, left + 164,
	    T(r, "p90 wait (days)"));
	if (back)
		put(fp, "<text x=\"%d\" y=\"11\" font-size=\"8\" "
		    "text-anchor=\"end\">%s</text>", CHART_WIDTH - 4,
		    T(r, "sent back"));
	for (i = 0, y = 20; i < n; i++, y += 20) {
		const struct chain_handoff *h = &r->handoffs[i];
		double wm = max > 0 && !isnan(h->median) ? width * h->median / max : 0;
		double wp = max > 0 && !isnan(h->p90) ? width * h->p90 / max : 0;

		put(fp, "<text x=\"%d\" y=\"%d\" font-size=\"8.5\" "
		    "text-anchor=\"end\">%p \xe2\x86\x92 %p</text>", left - 6,
		    y + 11, chain_report_who(r, h->from), chain_report_who(r, h->to));
		fprintf(fp, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"14\" "
		    "fill=\"#8cc0d6\"/><rect x=\"%d\" y=\"%d\" width=\"%.1f\" "
		    "height=\"14\" fill=\"" C_ACCENT "\"/>", left, y, wp, left, y, wm);
		fprintf(fp, "<text x=\"%.1f\" y=\"%d\" font-size=\"8\">%s / %s"
		    "</text>", left + wp + 4, y + 11, num(r, h->median, 1, a),
		    num(r, h->p90, 1, b));
		if (back && h->returns >= 0)
			fprintf(fp, "<text x=\"%d\" y=\"%d\" font-size=\"8.5\" "
			    "text-anchor=\"end\"%s>%ld</text>", CHART_WIDTH - 4,
			    y + 11, h->returns > 0 ? " font-weight=\"bold\"" : "",
			    h->returns);
	}
	fputs("</svg>", fp);
}

/* The chain's lead time per week from the case events, as a table. */
static void
lead_table(const struct chain_report *r, FILE *fp)
{
	struct chain_lead_week w[16];
	char week[CHAIN_PERIOD_LEN], a[32], b[32];
	size_t n, i;
	int changes = 0;

	if (r->ncases == 0 && r->nlead == 0)
		return;
	put(fp, "<h3>%s</h3>", T(r, "Lead time across the chain"));
	if (r->nlead > 0) {
		put(fp, "<p class=\"muted\">%s</p>", T(r, "per period of the "
		    "cases' ends, on its control chart"));
		for (i = 0; i < r->nlead; i++)
			changes |= r->lead[i].npoints > 0 &&
			    r->lead[i].nchanges > 0;
		chart_legend(r, fp, changes);
		fputs("<div class=\"charts\">", fp);
		for (i = 0; i < r->nlead; i++)
			if (r->lead[i].npoints > 0)
				xmr_chart(r, fp, &r->lead[i]);
		fputs("</div>", fp);
	}
	if (r->ncases == 0)
		return;
	n = chain_report_lead_weeks(r, w, 16);
	put(fp, "<p class=\"muted\">%s</p>", T(r, "cases that ended per week, "
	    "lead time in days from the case events"));
	put(fp, "<table class=\"lead\"><tr><th>%s</th><th class=\"n\">%s</th>"
	    "<th class=\"n\">%s</th><th class=\"n\">%s</th></tr>", T(r, "week"),
	    T(r, "cases"), T(r, "median (days)"), T(r, "p90 (days)"));
	for (i = 0; i < n; i++) {
		chain_period_format(chain_period_of(CHAIN_WEEK, w[i].week), week);
		fprintf(fp, "<tr><td>%s</td><td class=\"n\">%ld</td><td class=\"n\">"
		    "%s</td><td class=\"n\">%s</td></tr>", week, w[i].cases,
		    num(r, w[i].median, 1, a), num(r, w[i].p90, 1, b));
	}
	fputs("</table>", fp);
}

/* One partner's reliability over the periods, a small line chart. */
static void
multiple(const struct chain_report *r, FILE *fp, size_t from, size_t to,
    int x0, int y0)
{
	size_t i, n = to - from;
	double step = n > 1 ? (MULTIPLE_W - 20.0) / (double)(n - 1) : 0;
	const char *sep = "";
	char a[32];

	put(fp, "<text x=\"%d\" y=\"%d\" font-size=\"8.5\">%p</text>", x0,
	    y0 + 9, chain_report_who(r, r->scores[from].partner));
	fprintf(fp, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" "
	    "fill=\"#f3f5f7\"/><polyline fill=\"none\" stroke=\"" C_ACCENT "\" "
	    "stroke-width=\"1.5\" points=\"", x0, y0 + 14, MULTIPLE_W - 20,
	    MULTIPLE_H - 28);
	for (i = from; i < to; i++) {
		double v = r->scores[i].reliability;

		if (isnan(v))
			continue;
		fprintf(fp, "%s%.1f,%.1f", sep, x0 + step * (double)(i - from),
		    y0 + 14 + (MULTIPLE_H - 28) * (1 - v));
		sep = " ";
	}
	fputs("\"/>", fp);
	for (i = to; i > from && isnan(r->scores[i - 1].reliability); i--)
		;
	if (i > from)
		fprintf(fp, "<text x=\"%d\" y=\"%d\" font-size=\"7.5\" "
		    "fill=\"#5b6675\">%s %s%%</text>", x0, y0 + MULTIPLE_H - 4,
		    r->scores[i - 1].period, num(r, 100 *
		    r->scores[i - 1].reliability, 0, a));
}

/* Reliability per partner over the periods of score --per: small multiples. */
static void
reliability_multiples(const struct chain_report *r, FILE *fp)
{
	const int across = CHART_WIDTH / MULTIPLE_W;
	size_t i, j, n = 0;
	int k = 0;

	for (i = 0; i < r->nscores; i++)
		if (*r->scores[i].period != '\0' && (i == 0 ||
		    !*r->scores[i - 1].period ||
		    strcmp(r->scores[i - 1].partner, r->scores[i].partner) != 0))
			n++;
	if (n == 0)
		return;
	put(fp, "<h3>%s</h3><p class=\"muted\">%s</p>",
	    T(r, "Agreement reliability over time"),
	    T(r, "per partner and period of the due date"));
	fprintf(fp, "<svg class=\"chart multiples\" width=\"%d\" height=\"%zu\" "
	    "viewBox=\"0 0 %d %zu\" role=\"img\">", CHART_WIDTH,
	    MULTIPLE_H * ((n + (size_t)across - 1) / (size_t)across), CHART_WIDTH,
	    MULTIPLE_H * ((n + (size_t)across - 1) / (size_t)across));
	for (i = 0; i < r->nscores; i = j) {
		for (j = i + 1; j < r->nscores && *r->scores[j].period &&
		    strcmp(r->scores[j].partner, r->scores[i].partner) == 0; j++)
			;
		if (*r->scores[i].period == '\0')
			continue;
		multiple(r, fp, i, j, (k % across) * MULTIPLE_W,
		    (k / across) * MULTIPLE_H);
		k++;
	}
	fputs("</svg>", fp);
}

/* Cronbach's alpha per dimension; below 0.7 marked. */
static void
alpha_table(const struct chain_report *r, FILE *fp)
{
	char a[32];
	size_t i;

	if (r->nalphas == 0)
		return;
	put(fp, "<h3>%s</h3><p class=\"muted\">%s</p>",
	    T(r, "Reliability of the instrument"),
	    T(r, "below 0.7: this dimension does not measure reliably"));
	put(fp, "<table class=\"alpha\"><tr><th>%s</th><th class=\"n\">%s</th>"
	    "<th class=\"n\">%s</th><th class=\"n\">%s</th></tr>",
	    T(r, "dimension"), T(r, "items"), T(r, "respondents"), T(r, "alpha"));
	for (i = 0; i < r->nalphas; i++) {
		const struct chain_alpha *x = &r->alphas[i];
		int low = chain_report_alpha_low(x->alpha);

		put(fp, "<tr><td>%i</td><td class=\"n\">%d</td><td class=\"n\">%d"
		    "</td><td class=\"n%s\">%s%s</td></tr>",
		    chain_report_dimension(r, x->dimension),
		    (int)x->items, (int)x->n, low ? " low" : "",
		    num(r, x->alpha, 2, a), low ? " \xe2\x9a\xa0" : "");
	}
	fputs("</table>", fp);
}

/* Since which week a point has stood on the list, when before this one. */
static void
since_note(const struct chain_report *r, FILE *fp, const struct chain_action *a)
{
	char week[CHAIN_PERIOD_LEN], *s;

	chain_period_format(chain_period_of(CHAIN_WEEK, r->week_start), week);
	if (*a->since == '\0' || strcmp(a->since, week) == 0)
		return;
	s = chain_trf(r, "since %s", a->since);
	put(fp, " <span class=\"since\">%s</span>", s);
	free(s);
}

/* The points of last week's list that this week's no longer has. */
static void
resolved_list(const struct chain_report *r, FILE *fp)
{
	size_t i;

	if (r->nresolved == 0)
		return;
	put(fp, "<h3>%s</h3><ul class=\"resolved\">",
	    T(r, "Resolved since last week"));
	for (i = 0; i < r->nresolved; i++)
		put(fp, "<li><span class=\"kind\">%s</span> %i</li>",
		    T(r, r->resolved[i]->area), r->resolved[i]->message);
	fputs("</ul>", fp);
}

static void
check_section(const struct chain_report *r, FILE *fp)
{
	put(fp, "<section id=\"check\" class=\"page\"><h2>%s</h2>",
	    T(r, "Check: results and relations"));
	kpi_section(r, fp);
	lead_table(r, fp);
	relay_chart(r, fp);
	partner_bars(r, fp);
	reliability_multiples(r, fp);
	attendance_table(r, fp);
	reasons_section(r, fp);
	trust_table(r, fp);
	heat_map(r, fp);
	network_table(r, fp);
	alpha_table(r, fp);
	fputs("</section>", fp);
}

static void
act_section(const struct chain_report *r, FILE *fp)
{
	size_t i;
	char *more;

	put(fp, "<section id=\"act\" class=\"page\"><h2>%s</h2>",
	    T(r, "Act: what needs attention"));
	if (r->nactions == 0) {
		put(fp, "<p>%s</p></section>",
		    T(r, "Nothing needs special attention this week."));
		return;
	}
	put(fp, "<p class=\"muted\">%s</p><ol class=\"act\">",
	    T(r, "Questions for the chain meeting"));
	for (i = 0; i < chain_report_shown(r); i++) {
		const struct chain_action *a = &r->actions[i];

		put(fp, "<li><span class=\"kind\">%s</span>", T(r, a->kind));
		since_note(r, fp, a);
		put(fp, " %s<span class=\"q\">%s</span></li>", a->message,
		    a->question);
	}
	fputs("</ol>", fp);
	if ((more = chain_report_more(r, chain_report_shown(r))) != NULL) {
		put(fp, "<p class=\"muted\">%s</p>", more);
		free(more);
	}
	resolved_list(r, fp);
	fputs("</section>", fp);
}

static void
sources(const struct chain_report *r, FILE *fp)
{
	int k, first = 1;

	put(fp, "<footer><p>%s: ", T(r, "Sources"));
	for (k = 0; k < CHAIN_IN_NKINDS; k++)
		if (chain_report_has(r, (enum chain_input_kind)k)) {
			put(fp, "%s%s", first ? "" : ", ",
			    chain_format(chain_report_formats[k])->name);
			first = 0;
		}
	fputs(".</p></footer>", fp);
}

void
chain_render_html(const struct chain_report *r, FILE *fp)
{
	int year, week;
	char from[32], to[32];
	char *when, *range;

	chain_iso_week(r->week_start, &year, &week);
	chain_report_date(r, r->week_start, 1, from, sizeof(from));
	chain_report_date(r, r->week_end, 1, to, sizeof(to));
	when = chain_trf(r, "week %d of %d", week, year);
	range = chain_trf(r, "%s to %s", from, to);
	put(fp, "<!DOCTYPE html>\n<html lang=\"%s\"><head><meta charset=\"utf-8\">"
	    "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
	    "<title>%p \xe2\x80\x94 %s</title>",
	    r->lang == CHAIN_NL ? "nl" : "en", r->chain ? r->chain :
	    T(r, "Weekly chain report"), when);
	fputs("<style>", fp);
	fputs(css, fp);
	fputs("</style></head><body>\n", fp);
	put(fp, "<header><h1>%i</h1><p>%s \xc2\xb7 %s \xc2\xb7 %s</p></header>\n",
	    r->chain ? r->chain : T(r, "Weekly chain report"),
	    T(r, "Weekly chain report"), when, range);
	free(when);
	free(range);
	glance(r, fp);
	plan(r, fp);
	fputs("\n", fp);
	do_section(r, fp);
	fputs("\n", fp);
	check_section(r, fp);
	fputs("\n", fp);
	act_section(r, fp);
	sources(r, fp);
	fputs("\n</body></html>\n", fp);
}
