/*
 * lang.c: every label and sentence of the report, in English and Dutch.
 * A text is looked up by its English form; sentences with values are printf
 * formats whose arguments come in the same order in both languages.  Numbers
 * in running text get a decimal comma in Dutch.  A sentence's text values
 * come cleaned and, when not plain ASCII, isolated (put_argument).
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_priv.h"

static const char *const texts[][2] = {
	/* titles and sections */
	{ "Weekly chain report", "Wekelijkse ketenrapportage" },
	{ "week %d of %d", "week %d van %d" },
	{ "%s to %s", "%s t/m %s" },
	{ "At a glance", "In \xc3\xa9\xc3\xa9n oogopslag" },
	{ "Plan: the chain plan", "Plan: het ketenplan" },
	{ "Do: agreements this week", "Do: afspraken deze week" },
	{ "Check: results and relations", "Check: resultaten en relaties" },
	{ "Act: what needs attention", "Act: wat aandacht vraagt" },
	{ "Sources", "Bronnen" },
	{ "Partners", "Partners" },
	/* at a glance */
	{ "hard: results", "hard: resultaten" },
	{ "soft: relations", "zacht: relaties" },
	{ "now", "nu" },
	{ "a week before", "een week eerder" },
	{ "Together on track", "Samen op koers" },
	{ "Results without relations", "Resultaat zonder relatie" },
	{ "Relations without results", "Relatie zonder resultaat" },
	{ "Neither yet", "Nog geen van beide" },
	{ "The chain delivers and its partners trust each other.",
	  "De keten levert en de partners vertrouwen elkaar." },
	{ "Results are met, but the relay team may drop the baton.",
	  "De resultaten worden gehaald, maar het estafetteteam kan het "
	  "stokje laten vallen." },
	{ "Partners trust each other but results lag: beware of a talking shop.",
	  "De partners vertrouwen elkaar, maar de resultaten blijven achter: "
	  "waak voor een praatclub." },
	{ "Neither results nor relations are where the chain wants them.",
	  "De resultaten en de relaties zijn allebei nog niet waar de keten "
	  "ze wil hebben." },
	{ "Not enough data to place the chain.",
	  "Te weinig gegevens om de keten te plaatsen." },
	{ "Hard score %s (a week before %s), soft score %s (%s).",
	  "Harde score %s (een week eerder %s), zachte score %s (%s)." },
	{ "KPIs on target", "KPI's op streefwaarde" },
	{ "agreements overdue", "afspraken over tijd" },
	{ "surprises", "niet vooraf gemeld" },
	{ "reliability", "betrouwbaarheid" },
	{ "predictability", "voorspelbaarheid" },
	{ "trust index", "vertrouwensindex" },
	{ "points for attention", "aandachtspunten" },
	{ " pt", " %-punt" },
	/* plan */
	{ "KPI", "KPI" },
	{ "name", "naam" },
	{ "unit", "eenheid" },
	{ "better", "beter bij" },
	{ "target", "streefwaarde" },
	{ "baseline", "nulmeting" },
	{ "owner", "eigenaar" },
	{ "up", "hoger" },
	{ "down", "lager" },
	{ "No chain plan was given.", "Er is geen ketenplan aangeleverd." },
	/* do */
	{ "Due this week", "Deze week af te ronden" },
	{ "Done this week", "Deze week afgerond" },
	{ "Coming up", "Binnenkort" },
	{ "Overdue", "Over tijd" },
	{ "agreement", "afspraak" },
	{ "to", "voor" },
	{ "due", "uiterlijk" },
	{ "done", "gereed" },
	{ "state", "status" },
	{ "days late", "dagen te laat" },
	{ "the chain", "de keten" },
	{ "announced", "gemeld" },
	{ "surprise", "niet gemeld" },
	{ "trust", "vertrouwen" },
	{ "gap", "verschil in beeld" },
	{ "Nothing.", "Niets." },
	{ "No agreements register was given.",
	  "Er is geen afsprakenregister aangeleverd." },
	{ "kept", "nagekomen" },
	{ "renegotiated", "opnieuw afgesproken" },
	{ "late", "te laat" },
	{ "overdue", "over tijd" },
	{ "due-soon", "binnenkort" },
	{ "open", "open" },
	{ "cancelled", "vervallen" },
	/* check */
	{ "KPIs", "KPI's" },
	{ "period", "periode" },
	{ "value", "waarde" },
	{ "met", "gehaald" },
	{ "change", "verandering" },
	{ "variation", "variatie" },
	{ "assurance", "haalbaarheid" },
	{ "yes", "ja" },
	{ "no", "nee" },
	{ "common", "gewone variatie" },
	{ "improvement", "verbetering" },
	{ "concern", "zorgelijk" },
	{ "special", "bijzondere oorzaak" },
	{ "pass", "haalbaar" },
	{ "fail", "niet haalbaar" },
	{ "hit-and-miss", "soms wel, soms niet" },
	{ "Control charts", "Regelkaarten" },
	{ "mean", "gemiddelde" },
	{ "limits", "regelgrenzen" },
	{ "common cause", "gewone oorzaak" },
	{ "No KPI results were given.", "Er zijn geen KPI-resultaten aangeleverd." },
	{ "Agreements per partner", "Afspraken per partner" },
	{ "partner", "partner" },
	{ "agreements", "afspraken" },
	{ "Who carries the chain", "Wie draagt de keten" },
	{ "promises made", "toezeggingen gedaan" },
	{ "promises received", "toezeggingen ontvangen" },
	{ "balance", "balans" },
	{ "signature", "ondertekening" },
	{ "%s has not signed the chain plan yet.",
	  "%s heeft het ketenplan nog niet ondertekend." },
	{ "What does %s need to sign the chain plan?",
	  "Wat heeft %s nodig om het ketenplan te ondertekenen?" },
	{ "Signed by the partners", "Ondertekening door de partners" },
	{ "%ld of %ld partners have signed the chain plan.",
	  "%ld van de %ld partners hebben het ketenplan ondertekend." },
	{ "signed by", "ondertekend door" },
	{ "role", "functie" },
	{ "signed", "ondertekend" },
	{ "not yet", "nog niet" },
	{ "Trust per partner and dimension", "Vertrouwen per partner en dimensie" },
	{ "wave %s, change since %s", "meting %s, verandering sinds %s" },
	{ "wave %s", "meting %s" },
	{ "overall", "totaal" },
	{ "about", "over" },
	{ "dimension", "dimensie" },
	{ "index", "index" },
	{ "respondents", "respondenten" },
	{ "too few respondents to show", "te weinig respondenten om te tonen" },
	{ "No survey results were given.",
	  "Er zijn geen enqu\xc3\xaate-uitkomsten aangeleverd." },
	{ "Mutual trust", "Wederzijds vertrouwen" },
	{ "each row rates the partner of its column (1 to 5)",
	  "elke rij geeft haar oordeel over de partner in de kolom "
	  "(schaal 1 t/m 5)" },
	{ "rates", "beoordeelt" },
	{ "strength (4.0 or more)", "sterk punt (4,0 of hoger)" },
	{ "to discuss (3.0 to 4.0)", "bespreken (3,0 tot 4,0)" },
	{ "concern (below 3.0)", "zorgelijk (onder 3,0)" },
	{ "no answers, or too few to show",
	  "geen antwoorden, of te weinig om te tonen" },
	{ "itself", "eigen organisatie" },
	{ "Trust network", "Vertrouwensnetwerk" },
	{ "a tie where a partner's trust in another partner is at least the "
	  "middle of the scale",
	  "een verbinding waar het vertrouwen van een partner in een andere "
	  "partner minstens het midden van de schaal haalt" },
	{ "%s partners and %s ties: density %s, reciprocity %s, "
	  "centralisation %s.",
	  "%s partners en %s verbindingen: dichtheid %s, wederkerigheid %s, "
	  "centralisatie %s." },
	{ "density: the share of all possible ties; reciprocity: the share of "
	  "ties returned; centralisation: how far trust gathers on one partner "
	  "(0% evenly spread, 100% all on one)",
	  "dichtheid: het deel van alle mogelijke verbindingen; "
	  "wederkerigheid: het deel van de verbindingen dat wederzijds is; "
	  "centralisatie: hoe sterk het vertrouwen bij \xc3\xa9\xc3\xa9n partner "
	  "samenkomt (0% gelijk verdeeld, 100% alles bij \xc3\xa9\xc3\xa9n)" },
	{ "trusted by", "vertrouwd door" },
	{ "trusts", "vertrouwt" },
	{ "trust given", "gegeven vertrouwen" },
	{ "trust received", "ontvangen vertrouwen" },
	/* act */
	{ "Questions for the chain meeting", "Vragen voor het ketenoverleg" },
	{ "question", "vraag" },
	{ "%d more points are not shown here; the Act list as CSV (--actions) "
	  "has them all.",
	  "Nog %d punten staan hier niet; de actielijst als CSV (--actions) "
	  "bevat ze allemaal." },
	{ "1 more point is not shown here; the Act list as CSV (--actions) "
	  "has them all.",
	  "Nog 1 punt staat hier niet; de actielijst als CSV (--actions) "
	  "bevat ze allemaal." },
	{ "Nothing needs special attention this week.",
	  "Deze week vraagt niets bijzondere aandacht." },
	{ "%s: a special-cause concern in %s, %s against a target of %s.",
	  "%s: een zorgelijk signaal in %s: %s, tegenover een streefwaarde "
	  "van %s." },
	{ "%s: a special-cause concern in %s (%s).",
	  "%s: een zorgelijk signaal in %s (%s)." },
	{ "What changed in the process behind %s, and who will look into it "
	  "with us?",
	  "Wat is er veranderd in het proces achter %s, en wie zoekt dat samen "
	  "met ons uit?" },
	{ "%s will not meet its target of %s without a change to the process: "
	  "it varies between %s and %s.",
	  "%s haalt de streefwaarde van %s niet zonder een verandering in "
	  "het proces: de waarde schommelt tussen %s en %s." },
	{ "%s will not meet its target of %s without a change to the process.",
	  "%s haalt de streefwaarde van %s niet zonder een verandering in "
	  "het proces." },
	{ "Which change to the process would bring %s within reach of %s, and "
	  "who takes it up?",
	  "Met welke verandering in het proces komt %s binnen bereik van %s, "
	  "en wie pakt die op?" },
	{ "%s promised '%s' to %s by %s; it is %d days overdue.",
	  "%s heeft '%s' toegezegd aan %s, uiterlijk %s; dat is %d dagen "
	  "over tijd." },
	{ "%s promised '%s' to %s by %s; it is %d days overdue and was not "
	  "announced.",
	  "%s heeft '%s' toegezegd aan %s, uiterlijk %s; dat is %d dagen "
	  "over tijd en is niet vooraf gemeld." },
	{ "What would help %s complete '%s', and which new date can %s and %s "
	  "agree on?",
	  "Wat heeft %s nodig om '%s' af te ronden, en welke nieuwe datum "
	  "spreken %s en %s af?" },
	{ "%s announced %ld of %ld deviations in time.",
	  "%s heeft %ld van de %ld afwijkingen op tijd gemeld." },
	{ "What would help %s announce delays before the due date?",
	  "Wat helpt %s om een vertraging te melden voordat de termijn "
	  "verstrijkt?" },
	{ "Trust of %s in %s fell from %s to %s (p = %s).",
	  "Het vertrouwen van %s in %s is gedaald van %s naar %s (p = %s)." },
	{ "Trust of %s in %s fell from %s to %s (p < %s).",
	  "Het vertrouwen van %s in %s is gedaald van %s naar %s (p < %s)." },
	{ "What has %s experienced in working with %s lately, and what would "
	  "restore confidence?",
	  "Wat heeft %s de laatste tijd ervaren in de samenwerking met %s, en "
	  "wat is er nodig om het vertrouwen te herstellen?" },
	{ "%s rates trust in %s at %s of 100, a concern.",
	  "%s geeft het vertrouwen in %s een %s op 100; dat is zorgelijk." },
	{ "What would %s need from %s to work together with more confidence?",
	  "Wat heeft %s nodig van %s om met meer vertrouwen samen te werken?" },
	{ "%s rates %s at %s, while %s rates %s at %s.",
	  "%s geeft %s een %s, terwijl %s %s een %s geeft." },
	{ "How do %s and %s each see their working relation, and where do "
	  "their views differ?",
	  "Hoe kijken %s en %s elk naar hun samenwerking, en waar verschilt "
	  "hun beeld?" },
	{ "%s made %ld promises to %s and received %ld in return.",
	  "%s deed %ld toezeggingen aan %s en kreeg er %ld terug." },
	{ "Is the work between %s and %s shared the way both want it?",
	  "Is het werk tussen %s en %s verdeeld zoals beide partijen willen?" },
	/* why promises break */
	{ "Why promises break", "Waarom afspraken niet worden nagekomen" },
	{ "Who comes to the table", "Wie schuift aan" },
	{ "attendance at the chain meetings; an absence without notice "
	  "counts as a surprise", "aanwezigheid bij het ketenoverleg; wie "
	  "zonder bericht wegblijft, telt als niet vooraf gemeld" },
	{ "meetings", "overleggen" },
	{ "attended", "aanwezig" },
	{ "attendance", "aanwezigheid" },
	{ "regrets in time", "tijdig afgemeld" },
	{ "regrets late", "te laat afgemeld" },
	{ "absent without notice", "zonder bericht weg" },
	{ "%s attended %ld of %ld chain meetings and stayed away %ld times "
	  "without notice (each counts as a surprise).",
	  "%s was bij %ld van de %ld ketenoverleggen en bleef %ld keer zonder "
	  "bericht weg (telt elk als niet vooraf gemeld)." },
	{ "What would help %s take part in the chain meeting?",
	  "Wat heeft %s nodig om aan het ketenoverleg deel te nemen?" },
	{ "the reasons given for the deviations (renegotiated, late, overdue), "
	  "the most frequent first",
	  "de redenen die bij de afwijkingen zijn gegeven (opnieuw afgesproken, "
	  "te laat, over tijd), de meest gegeven eerst" },
	{ "reason", "reden" },
	{ "deviations", "afwijkingen" },
	{ "share", "aandeel" },
	{ "cumulative", "cumulatief" },
	{ "mostly by", "vooral bij" },
	{ "share of the deviations with a reason",
	  "aandeel van de afwijkingen met een reden" },
	{ "'%s' is the reason given most for promises not kept: %ld of %ld "
	  "deviations with a reason (%s).",
	  "'%s' is de reden die het vaakst is gegeven voor afspraken die niet "
	  "zijn nagekomen: %ld van de %ld afwijkingen met een reden (%s)." },
	{ "'%s' is the reason given most for promises not kept: %ld of %ld "
	  "deviations with a reason (%s), %ld of them by %s.",
	  "'%s' is de reden die het vaakst is gegeven voor afspraken die niet "
	  "zijn nagekomen: %ld van de %ld afwijkingen met een reden (%s), "
	  "waarvan %ld bij %s." },
	{ "What would it take for the information needed by %s to arrive in "
	  "time, and who sends it?",
	  "Wat is er nodig om de informatie voor %s op tijd te laten komen, en "
	  "wie levert die aan?" },
	{ "Which promises fit the capacity of %s, and what would free more of "
	  "it?",
	  "Welke afspraken passen bij de capaciteit van %s, en wat maakt meer "
	  "capaciteit vrij?" },
	{ "At which handoff does the work of %s stand still, and what would the "
	  "partner before that handoff need to deliver in time?",
	  "Bij welke overdracht staat het werk van %s stil, en wat heeft de "
	  "partner v\xc3\xb3\xc3\xb3r die overdracht nodig om op tijd te "
	  "leveren?" },
	{ "Who changes the priorities behind the promises of %s, and how does "
	  "the chain hear of it before a promise breaks?",
	  "Wie verandert de prioriteiten achter de afspraken van %s, en hoe "
	  "hoort de keten dat voordat een afspraak niet wordt nagekomen?" },
	{ "Whose decision do the promises of %s wait for, and how can it be "
	  "taken in time?",
	  "Op wiens besluit wachten de afspraken van %s, en hoe kan dat besluit "
	  "op tijd worden genomen?" },
	{ "How is the work behind the promises of %s estimated, and what would "
	  "make the estimates better?",
	  "Hoe wordt het werk achter de afspraken van %s ingeschat, en hoe "
	  "wordt die inschatting beter?" },
	{ "Which events from outside the chain keep hitting the promises of %s, "
	  "and how can the chain allow for them when it agrees on a date?",
	  "Welke gebeurtenissen van buiten de keten raken steeds de afspraken "
	  "van %s, en hoe houdt de keten daar rekening mee bij het afspreken "
	  "van een datum?" },
	{ "What lies behind '%s', the reason given most for the promises of %s "
	  "not kept, and what would take it away?",
	  "Wat zit er achter '%s', de reden die het vaakst is gegeven voor de "
	  "afspraken van %s die niet zijn nagekomen, en wat neemt die oorzaak "
	  "weg?" },
	/* the relay view, lead time, reliability over time, alpha, memory */
	{ "Relay: where cases wait", "Estafette: waar zaken wachten" },
	{ "per handoff between two partners, the worst first",
	  "per overdracht tussen twee partners, de langste wachttijd eerst" },
	{ "from", "van" },
	{ "to whom", "naar" },
	{ "handoffs", "overdrachten" },
	{ "median wait (days)", "mediane wachttijd (dagen)" },
	{ "p90 wait (days)", "p90-wachttijd (dagen)" },
	{ "sent back", "teruggestuurd" },
	{ "sent back: handed to a partner that had the case before",
	  "teruggestuurd: overgedragen aan een partner die de zaak al eerder "
	  "had" },
	{ "median", "mediaan" },
	{ "Lead time across the chain", "Doorlooptijd door de keten" },
	{ "cases that ended per week, lead time in days from the case events",
	  "afgesloten zaken per week, doorlooptijd in dagen uit de "
	  "gebeurtenissen van de zaken" },
	{ "per period of the cases' ends, on its control chart",
	  "per periode waarin de zaken zijn afgesloten, op de regelkaart" },
	{ "Median lead time", "Mediane doorlooptijd" },
	{ "90th percentile of lead time", "Doorlooptijd, 90e percentiel" },
	{ "Mean lead time", "Gemiddelde doorlooptijd" },
	{ "Cases ended", "Afgesloten zaken" },
	{ "Share within the norm", "Aandeel binnen de norm" },
	{ "Share of cases with rework", "Aandeel zaken met herhaalde stappen" },
	{ "days", "dagen" },
	{ "share", "aandeel" },
	{ "week", "week" },
	{ "cases", "zaken" },
	{ "median (days)", "mediaan (dagen)" },
	{ "p90 (days)", "p90 (dagen)" },
	{ "Agreement reliability over time", "Betrouwbaarheid van afspraken door de tijd" },
	{ "per partner and period of the due date",
	  "per partner en periode van de deadline" },
	{ "latest", "laatste" },
	{ "Reliability of the instrument", "Betrouwbaarheid van de vragenlijst" },
	{ "items", "vragen" },
	{ "alpha", "alfa" },
	{ "below 0.7: this dimension does not measure reliably",
	  "onder 0,7: deze dimensie meet niet betrouwbaar" },
	{ "below 0.7", "onder 0,7" },
	{ "Resolved since last week", "Opgelost sinds vorige week" },
	{ "since %s", "sinds %s" },
	{ "%s (not current)", "%s (niet actueel)" },
	{ "recalculate", "herberekenen" },
	{ "the weeks before", "de weken ervoor" },
	{ "%s has run differently since %s, after its limits were fixed: the "
	  "limits describe a process that no longer runs.",
	  "%s verloopt anders sinds %s, nadat de grenzen waren vastgesteld: de "
	  "grenzen beschrijven een proces dat niet meer zo loopt." },
	{ "Does the chain confirm that the process behind %s changed in %s? "
	  "Then record the change with its reason (--changes: %s,%s,reason), "
	  "and its limits start anew there.",
	  "Bevestigt de keten dat het proces achter %s in %s is veranderd? Leg "
	  "de wijziging dan vast met de reden (--changes: %s,%s,toelichting); "
	  "de grenzen beginnen daar opnieuw." },
	{ "process change", "proceswijziging" },
	{ "Process change of %s in %s: %s", "Proceswijziging bij %s in %s: %s" },
	{ "Process change of every KPI in %s: %s",
	  "Proceswijziging bij alle KPI's in %s: %s" },
	{ "a process change: the limits start anew (numbered, its reason under "
	  "the chart)",
	  "een proceswijziging: de grenzen beginnen opnieuw (genummerd, de "
	  "reden onder de grafiek)" },
};

#define NTEXTS (sizeof(texts) / sizeof(texts[0]))

/* A label or sentence in the report's language (the key itself if none). */
const char *
chain_tr(const struct chain_report *r, const char *key)
{
	size_t i;

	for (i = 0; i < NTEXTS; i++)
		if (strcmp(texts[i][0], key) == 0)
			return texts[i][r->lang == CHAIN_NL];
	return key;
}

/*
 * Writes one %s argument of a sentence: cleaned (utf8.c), and isolated
 * between U+2068 and U+2069 unless it is plain ASCII, so that a name in
 * Arabic or Hebrew cannot turn the words around it; html.c makes the marks
 * <bdi>, every other format drops them.
 */
static void
put_argument(FILE *fp, const char *s)
{
	char *clean = chain_text_clean(s, 0);

	if (chain_text_ascii(clean))
		fputs(clean, fp);
	else
		fprintf(fp, CHAIN_FSI "%s" CHAIN_PDI, clean);
	free(clean);
}

/*
 * A sentence with values, in the report's language; the caller frees it.
 * The formats of texts[] use %s, %d, %ld and %% only.
 */
char *
chain_trf(const struct chain_report *r, const char *key, ...)
{
	const char *p;
	char *s = NULL;
	size_t size = 0;
	FILE *fp = open_memstream(&s, &size);
	va_list ap;

	if (fp == NULL)
		chain_errx(CHAIN_EXIT_IO, "out of memory");
	va_start(ap, key);
	for (p = chain_tr(r, key); *p != '\0'; p++) {
		if (*p != '%') {
			fputc(*p, fp);
			continue;
		}
		if (p[1] == 's')
			put_argument(fp, va_arg(ap, const char *));
		else if (p[1] == 'd')
			fprintf(fp, "%d", va_arg(ap, int));
		else if (p[1] == 'l' && p[2] == 'd')
			fprintf(fp, "%ld", va_arg(ap, long)), p++;
		else
			fputc(p[1], fp);
		if (p[1] != '\0')
			p++;
	}
	va_end(ap);
	if (fclose(fp) != 0)
		chain_errx(CHAIN_EXIT_IO, "out of memory");
	return s;
}

static double
round_to(double v, int decimals)
{
	double scale = pow(10, decimals);

	return round(v * scale) / scale;
}

/*
 * A number for running text or a table: a fixed number of decimals, a
 * decimal comma in Dutch, an en dash when there is none.
 */
const char *
chain_report_num(const struct chain_report *r, double v, int decimals,
    char *buf, size_t size)
{
	char *point;

	if (isnan(v) || isinf(v)) {
		snprintf(buf, size, "\xe2\x80\x93");
		return buf;
	}
	if (fabs(v) < 0.5 * pow(10, -decimals))
		v = 0;
	snprintf(buf, size, "%.*f", decimals, v);
	if (r->lang == CHAIN_NL && (point = strchr(buf, '.')) != NULL)
		*point = ',';
	return buf;
}

/* A share (0..1) as a whole percentage, "50%"; an en dash for none. */
/* The line under the Act list for the points it leaves out, or NULL. */
char *
chain_report_more(const struct chain_report *r, size_t shown)
{
	size_t n = r->nactions - shown;

	if (shown >= r->nactions)
		return NULL;
	if (n == 1)
		return chain_trf(r, "1 more point is not shown here; the Act list "
		    "as CSV (--actions) has them all.");
	return chain_trf(r, "%d more points are not shown here; the Act list "
	    "as CSV (--actions) has them all.", (int)n);
}

/* The chain's trust network in one sentence, in the report's language. */
char *
chain_report_network_line(const struct chain_report *r,
    const struct chain_trust_node *x)
{
	char a[32], b[32], c[32], d[32], e[32];

	snprintf(a, sizeof(a), "%ld", x->partners);
	snprintf(b, sizeof(b), "%ld", x->ties);
	return chain_trf(r, "%s partners and %s ties: density %s, "
	    "reciprocity %s, centralisation %s.", a, b,
	    chain_report_share(r, x->density, c, sizeof(c)),
	    chain_report_share(r, x->reciprocity, d, sizeof(d)),
	    chain_report_share(r, x->centralisation, e, sizeof(e)));
}

const char *
chain_report_share(const struct chain_report *r, double v, char *buf,
    size_t size)
{
	chain_report_num(r, 100 * v, 0, buf, size);
	if (!isnan(v) && !isinf(v) && strlen(buf) + 1 < size)
		strcat(buf, "%");
	return buf;
}

/* A number rounded to decimals, without trailing zeros: 31, 4.5. */
static const char *
rounded(const struct chain_report *r, double v, int decimals, char *buf,
    size_t size)
{
	char *point;

	v = round_to(v, decimals);
	if (v == 0)
		v = 0;	/* no "-0" */
	chain_number_format(v, 0, buf, size);
	if (r->lang == CHAIN_NL && (point = strchr(buf, '.')) != NULL)
		*point = ',';
	return buf;
}

/* Whether a KPI's unit, as a plan writes it, is one of the words. */
static int
unit_is(const char *unit, const char *const *words)
{
	size_t i;

	for (i = 0; unit != NULL && words[i] != NULL; i++)
		if (chain_strcasecmp(unit, words[i]) == 0)
			return 1;
	return 0;
}

/*
 * A KPI's value (or, with change, its change) rounded for people by its
 * unit: days to 0.1 day, a share as a whole percentage (a change of one in
 * percentage points), a percentage whole, anything else to three
 * significant digits; a decimal comma in Dutch, an en dash when none.
 */
const char *
chain_report_kpi_value(const struct chain_report *r, const char *unit,
    double v, int change, char *buf, size_t size)
{
	static const char *const days[] = { "d", "day", "days", "dag",
	    "dagen", "werkdagen", "working days", NULL };
	static const char *const shares[] = { "share", "fraction", "ratio",
	    "aandeel", "fractie", NULL };
	static const char *const percents[] = { "%", "percent", "procent",
	    "percentage", NULL };
	double a = fabs(v);
	size_t len;

	if (isnan(v) || isinf(v))
		return chain_report_num(r, v, 0, buf, size);
	if (unit_is(unit, days))
		return rounded(r, v, 1, buf, size);
	if (unit_is(unit, percents))
		return rounded(r, v, 0, buf, size);
	if (!unit_is(unit, shares))
		return rounded(r, v, a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 :
		    a > 0 ? 2 - (int)floor(log10(a)) : 0, buf, size);
	chain_report_num(r, 100 * v, 0, buf, size);
	len = strlen(buf);
	snprintf(buf + len, size - len, "%s", change ?
	    chain_tr(r, " pt") : "%");
	return buf;
}

/*
 * The Dutch labels of the built-in instruments' dimensions
 * (examples/instruments/ has them as dimension_nl too): the report knows
 * a dimension only by the name in chain-survey score's rows.
 */
static const char *const dimension_labels[][2] = {
	{ "agreements", "afspraken" },
	{ "predictability", "voorspelbaarheid" },
	{ "transparency", "openheid" },
	{ "attention", "aandacht" },
	{ "raising-issues", "bespreekbaar maken" },
	{ "joint-interest", "gezamenlijk belang" },
	{ "trust", "vertrouwen" },
	{ "collaboration", "samenwerking" },
	{ "community", "gemeenschap" },
	{ "attitude", "houding" },
	{ "governance", "sturing" },
	{ "vision", "visie" },
	{ "goals", "doelen" },
	{ "roles", "rollen" },
	{ "processes", "processen" },
	{ "meaning", "betekenis" },
	{ "practice", "praktijk" },
	{ "identity", "identiteit" },
	{ "cultural", "cultureel" },
	{ "relational", "relationeel" },
	{ "procedural", "procedureel" },
	{ "substantive", "inhoudelijk" },
	{ "i", "ik" },
	{ "we", "wij" },
	{ "others", "anderen" },
	{ "process", "proces" },
};

/* A survey dimension's name in the report's language ('*' is overall). */
const char *
chain_report_dimension(const struct chain_report *r, const char *name)
{
	size_t i;

	if (strcmp(name, "*") == 0)
		return chain_tr(r, "overall");
	for (i = 0; r->lang == CHAIN_NL && i < sizeof(dimension_labels) /
	    sizeof(dimension_labels[0]); i++)
		if (strcmp(dimension_labels[i][0], name) == 0)
			return dimension_labels[i][1];
	return name;
}

/*
 * A date as the report's reader writes it: ISO 8601 in English; in Dutch
 * 23 oktober 2026 in running text (long) and 23-10-2026 in a table.
 */
const char *
chain_report_date(const struct chain_report *r, int day, int long_form,
    char *buf, size_t size)
{
	static const char *const months[] = { "januari", "februari", "maart",
	    "april", "mei", "juni", "juli", "augustus", "september", "oktober",
	    "november", "december" };
	char iso[CHAIN_DATE_LEN];
	int y, m, d;

	if (r->lang != CHAIN_NL || day == CHAIN_NO_DATE) {
		chain_date_format(day, iso);
		snprintf(buf, size, "%s", iso);
		return buf;
	}
	chain_civil_from_days(day, &y, &m, &d);
	if (long_form)
		snprintf(buf, size, "%d %s %d", d, months[m - 1], y);
	else
		snprintf(buf, size, "%02d-%02d-%d", d, m, y);
	return buf;
}
