/*
 * format.c: every CSV format of chain(5), once.  A format is the header its
 * writer writes (the columns in order) and, for a format that chain-report
 * reads, the columns by which the report knows it: all of them unless the
 * table names fewer, and none of the columns it names as forbidden.  The
 * columns of the agreement states are not written out here but derived
 * from the state names, so that a new state is a new column everywhere.
 * A writer asks for its header here, the reader its columns' Dutch names
 * and keys, and the report recognises its inputs by it (csvin.c,
 * chain_csv_is); nothing else spells a header.
 */
#include <stdio.h>
#include <string.h>

#include "chain_priv.h"

/* "@states" in a header stands for a column per state a tally counts. */
#define STATES "@states"

/* name, header, the columns that tell it, those that rule it out, keys */
static const struct chain_format_def formats[CHAIN_NFORMATS] = {
	[CHAIN_FORMAT_REGISTER] = { "agreements register",
	    "id,owner,counterpart,title,made,due,done,announced,new_due,plan,"
	    "reason,cancelled", "id,owner,due", NULL,
	    "id,owner,counterpart" },
	[CHAIN_FORMAT_STATUS] = { "chain-agree status",
	    "state,effective_due,days_late,surprise,as_of,renegotiations",
	    "id,owner,due,state,effective_due,days_late,surprise", NULL,
	    "id,owner,counterpart" },
	[CHAIN_FORMAT_AGREE_SCORE] = { "chain-agree score",
	    "partner,period,total," STATES ",surprises,reliability,"
	    "predictability", NULL, NULL,
	    "partner,period" },
	[CHAIN_FORMAT_AGREE_MATRIX] = { "chain-agree matrix",
	    "owner,counterpart,agreements,reliability,reverse_agreements,"
	    "balance", NULL, NULL,
	    "owner,counterpart" },
	[CHAIN_FORMAT_AGREE_REASONS] = { "chain-agree reasons",
	    "partner,period,reason,count,share,cumulative_share", NULL, NULL,
	    "partner,period" },
	[CHAIN_FORMAT_JOURNAL] = { "chain-agree log",
	    "time,user,id,column,old,new,kind", "time,user,id,column,old,new",
	    NULL, "id,column,kind" },
	[CHAIN_FORMAT_PARTNERS] = { "partners",
	    "partner,name", NULL, "about,wave,dimension,period,total",
	    "partner" },
	[CHAIN_FORMAT_PLAN] = { "plan",
	    "kpi,name,unit,better,target,baseline,owner,combine", "kpi",
	    "period,value",
	    "kpi" },
	[CHAIN_FORMAT_MEASUREMENTS] = { "measurements",
	    "kpi,period,value", NULL, NULL,
	    "kpi,period,partner" },
	[CHAIN_FORMAT_KPI_CHECK] = { "chain-kpi check",
	    "kpi,period,value,target,met,mean,lower,upper,signal,rule", NULL,
	    NULL,
	    "kpi,period" },
	[CHAIN_FORMAT_KPI_SUMMARY] = { "chain-kpi summary",
	    "kpi,name,period,value,target,met,change,variation,assurance,recalc",
	    "kpi,name,period,value,target,met,change,variation,assurance", NULL,
	    "kpi,period" },
	[CHAIN_FORMAT_EVENTS] = { "events",
	    "case,step,time,partner", "case,step,time", NULL,
	    "case,step,partner" },
	[CHAIN_FORMAT_LEADTIME] = { "chain-kpi leadtime",
	    "case,start,end,lead_time,events,partners,handoffs,within_norm,"
	    "rework,returns",
	    "case,start,end,lead_time,events,partners,handoffs", NULL,
	    "case" },
	[CHAIN_FORMAT_HANDOFFS] = { "chain-kpi handoffs",
	    "from,to,handoffs,median_wait,p90_wait,mean_wait,returns",
	    "from,to,handoffs,median_wait,p90_wait,mean_wait", NULL,
	    "from,to" },
	[CHAIN_FORMAT_ITEMS] = { "instrument",
	    "item,dimension,text,reverse,min,max", "item,dimension,text",
	    NULL,
	    "item,dimension" },
	[CHAIN_FORMAT_INSTRUMENTS] = { "chain-survey items",
	    "instrument,items,dimensions", NULL, NULL, "instrument" },
	[CHAIN_FORMAT_RESPONSES] = { "responses",
	    "respondent,partner,about,wave", "respondent,partner", NULL,
	    "respondent,partner,about,wave" },
	[CHAIN_FORMAT_SURVEY_SCORE] = { "chain-survey score",
	    "wave,partner,about,dimension,n,mean,sd,index,level,suppressed",
	    NULL, NULL,
	    "wave,partner,about,dimension" },
	[CHAIN_FORMAT_ALPHA] = { "chain-survey alpha",
	    "dimension,item,items,n,alpha,r_drop,alpha_if_dropped", NULL,
	    NULL, "dimension,item" },
	[CHAIN_FORMAT_SURVEY_MATRIX] = { "chain-survey matrix",
	    "partner,about,n,mean,index,reverse_mean,gap", NULL, NULL,
	    "partner,about" },
	[CHAIN_FORMAT_SURVEY_NETWORK] = { "chain-survey network",
	    "partner,partners,ties,density,reciprocity,centralisation,"
	    "in_degree,out_degree,trust_given,trust_received", NULL, NULL,
	    "partner" },
	[CHAIN_FORMAT_COMPARE] = { "chain-survey compare",
	    "partner,about,dimension,n_from,mean_from,n_to,mean_to,change,p,d",
	    NULL, NULL,
	    "partner,about,dimension" },
	[CHAIN_FORMAT_ACTIONS] = { "chain-report actions",
	    "priority,area,subject,owner,message,question,since",
	    "priority,area,subject,owner,message,question", NULL,
	    "area,owner,since" },
	[CHAIN_FORMAT_HISTORY] = { "chain-report history",
	    "week,hard,soft,reliability,trust_index,kpis,kpis_met,overdue,"
	    "actions", "week,hard,soft", NULL,
	    "week" },
	[CHAIN_FORMAT_SIGNATURES] = { "signatures",
	    "partner,name,role,signed", "partner,signed", NULL,
	    "partner" },
	[CHAIN_FORMAT_CHANGES] = { "process changes",
	    "kpi,period,note", NULL, "value",
	    "kpi,period" },
	[CHAIN_FORMAT_HOLIDAYS] = { "holidays",
	    "date,name", "date", NULL, "" },
	[CHAIN_FORMAT_MEETINGS] = { "meetings",
	    "meeting,date,partner,attended,regrets", NULL, NULL,
	    "meeting,partner" },
	[CHAIN_FORMAT_ATTENDANCE] = { "chain-agree attendance",
	    "partner,period,meetings,attended,rate,regrets_in_time,"
	    "regrets_late,no_shows", NULL, NULL,
	    "partner,period" },
};

/* The headers with their state columns written out, made on first use. */
static char expanded[CHAIN_NFORMATS][512];

/* A state's column: its name with '-' as '_' (due-soon is due_soon). */
static size_t
state_columns(char *p, size_t size)
{
	size_t n = 0, i;
	int s;

	for (s = 0; s < CHAIN_NTALLIED; s++) {
		const char *name = chain_state_names[s];

		for (i = 0; name[i] != '\0' && n + 2 < size; i++)
			p[n++] = name[i] == '-' ? '_' : name[i];
		if (s + 1 < CHAIN_NTALLIED && n + 2 < size)
			p[n++] = ',';
	}
	p[n] = '\0';
	return n;
}

static const char *
expand(enum chain_format f, const char *columns)
{
	char *out = expanded[f];
	const char *at = strstr(columns, STATES);
	size_t n;

	if (at == NULL)
		return columns;
	if (*out != '\0')
		return out;
	n = (size_t)(at - columns);
	memcpy(out, columns, n);
	n += state_columns(out + n, sizeof(expanded[f]) - n);
	snprintf(out + n, sizeof(expanded[f]) - n, "%s", at + strlen(STATES));
	return out;
}

const struct chain_format_def *
chain_format(enum chain_format f)
{
	return &formats[f];
}

/* The header a format is written with, comma-separated. */
const char *
chain_format_header(enum chain_format f)
{
	return expand(f, formats[f].columns);
}

/*
 * The header of a format less one of its columns (one that is written only
 * when asked for), into buf; the whole header when column is NULL.
 */
const char *
chain_format_header_without(enum chain_format f, const char *column,
    char *buf, size_t size)
{
	const char *p = chain_format_header(f), *w;
	size_t n, len = 0;

	buf[0] = '\0';
	while (chain_words_next(&p, &w, &n) && len + n + 2 <= size) {
		if (column != NULL && strlen(column) == n &&
		    strncmp(w, column, n) == 0)
			continue;
		if (len > 0)
			buf[len++] = ',';
		memcpy(buf + len, w, n);
		buf[len += n] = '\0';
	}
	return buf;
}

/*
 * The Dutch name of every column of every format, as Dutch coordinators'
 * sheets head them (chain(5) lists them).  One table for all formats: a
 * column means the same wherever it stands.
 */
static const char *const dutch[][2] = {
	{ "id", "nr" }, { "owner", "eigenaar" }, { "counterpart", "aan" },
	{ "title", "omschrijving" }, { "made", "afgesproken" },
	{ "due", "deadline" }, { "done", "gereed" }, { "announced", "gemeld" },
	{ "new_due", "nieuwe_deadline" }, { "cancelled", "vervallen" },
	{ "reason", "reden" }, { "state", "stand" },
	{ "effective_due", "geldende_deadline" },
	{ "days_late", "dagen_te_laat" }, { "surprise", "verrassing" },
	{ "as_of", "peildatum" }, { "period", "periode" },
	{ "total", "totaal" }, { "kept", "nagekomen" },
	{ "renegotiated", "heronderhandeld" }, { "late", "te_laat" },
	{ "overdue", "over_tijd" }, { "due_soon", "binnenkort" },
	{ "surprises", "verrassingen" }, { "reliability", "betrouwbaarheid" },
	{ "predictability", "voorspelbaarheid" }, { "agreements", "afspraken" },
	{ "reverse_agreements", "afspraken_terug" }, { "balance", "balans" },
	{ "name", "naam" }, { "unit", "eenheid" }, { "better", "beter" },
	{ "target", "norm" }, { "baseline", "nulmeting" },
	{ "combine", "samenvoegen" }, { "value", "waarde" },
	{ "met", "gehaald" }, { "mean", "gemiddelde" },
	{ "lower", "ondergrens" }, { "upper", "bovengrens" },
	{ "signal", "signaal" }, { "rule", "regel" },
	{ "change", "verandering" }, { "variation", "variatie" },
	{ "assurance", "zekerheid" }, { "recalc", "herberekenen" }, { "case", "zaak" }, { "step", "stap" },
	{ "time", "tijd" }, { "start", "begin" }, { "end", "einde" },
	{ "lead_time", "doorlooptijd" }, { "events", "gebeurtenissen" },
	{ "handoffs", "overdrachten" }, { "within_norm", "binnen_norm" },
	{ "from", "van" }, { "to", "naar" },
	{ "median_wait", "mediaan_wachttijd" }, { "p90_wait", "p90_wachttijd" },
	{ "mean_wait", "gemiddelde_wachttijd" }, { "dimension", "dimensie" },
	{ "text", "tekst" }, { "reverse", "omgekeerd" },
	{ "dimensions", "dimensies" }, { "about", "over" },
	{ "wave", "meting" }, { "level", "niveau" },
	{ "suppressed", "verborgen" }, { "reverse_mean", "gemiddelde_terug" },
	{ "gap", "verschil" }, { "ties", "verbindingen" },
	{ "density", "dichtheid" }, { "reciprocity", "wederkerigheid" },
	{ "centralisation", "centralisatie" }, { "in_degree", "ingraad" },
	{ "out_degree", "uitgraad" }, { "trust_given", "vertrouwen_gegeven" },
	{ "trust_received", "vertrouwen_ontvangen" }, { "n_from", "n_van" },
	{ "mean_from", "gemiddelde_van" }, { "n_to", "n_naar" },
	{ "mean_to", "gemiddelde_naar" }, { "priority", "prioriteit" },
	{ "area", "gebied" }, { "subject", "onderwerp" },
	{ "message", "bericht" }, { "question", "vraag" }, { "since", "sinds" },
	{ "soft", "zacht" }, { "trust_index", "vertrouwensindex" },
	{ "kpis_met", "kpis_gehaald" }, { "actions", "aandachtspunten" },
	{ "role", "rol" }, { "signed", "ondertekend" },
	{ "note", "toelichting" },
	{ "renegotiations", "heronderhandelingen" }, { "count", "aantal" },
	{ "share", "aandeel" }, { "cumulative_share", "cumulatief_aandeel" },
	{ "user", "gebruiker" }, { "column", "kolom" }, { "old", "oud" },
	{ "new", "nieuw" }, { "kind", "soort" },
	{ "rework", "herhalingen" }, { "returns", "retouren" },
	{ "date", "datum" }, { "meeting", "overleg" },
	{ "attended", "aanwezig" }, { "regrets", "afmelding" },
	{ "meetings", "overleggen" }, { "rate", "aanwezigheid" },
	{ "regrets_in_time", "tijdig_afgemeld" },
	{ "regrets_late", "te_laat_afgemeld" },
	{ "no_shows", "zonder_bericht" },
};

#define NDUTCH (sizeof(dutch) / sizeof(dutch[0]))

/* The Dutch name of a column, or NULL. */
const char *
chain_column_dutch(const char *name)
{
	size_t i;

	for (i = 0; i < NDUTCH; i++)
		if (chain_name_same(name, dutch[i][0]))
			return dutch[i][1];
	return NULL;
}

/*
 * Whether a name is a column of some format (or an optional column a
 * reader takes: an instrument's Dutch texts), as --column NAME must be.
 */
int
chain_format_column(const char *name, size_t len)
{
	static const char *const optional[] = { "text_nl", NULL };
	const char *p, *w;
	size_t n;
	int f, i;

	for (f = 0; f < CHAIN_NFORMATS; f++)
		for (p = chain_format_header((enum chain_format)f);
		    chain_words_next(&p, &w, &n); )
			if (n == len && strncmp(w, name, n) == 0)
				return 1;
	for (i = 0; optional[i] != NULL; i++)
		if (strlen(optional[i]) == len &&
		    strncmp(optional[i], name, len) == 0)
			return 1;
	return 0;
}
