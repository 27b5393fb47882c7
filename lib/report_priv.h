/*
 * report_priv.h: the model of the weekly report, shared by the report's own
 * files only (chain.h gives the programs an opaque struct chain_report).
 * Its data flows one way, each stage a file that calls only the ones
 * below it: report.c reads the inputs into the model, figures.c derives
 * the figures, act.c ranks the Act list and writes it as CSV, html.c and
 * text.c render, report_write.c writes the report and the Act list, both
 * or neither; report_model.c (what the model says about a partner, an
 * agreement or a KPI) and lang.c (texts and numbers) are below them all.
 */
#ifndef REPORT_PRIV_H
#define REPORT_PRIV_H

#include "chain_priv.h"

struct chain_kpi_point {
	struct chain_period period;
	double value, target, mean, lower, upper;
	int met;		/* 1, 0, or -1 when unknown */
	char signal[16], rule[16];
};

struct chain_kpi_change {	/* a process change, drawn on a KPI's chart */
	struct chain_period period;
	const char *note;	/* its reason, held by the report's changes */
	int every;		/* a change of every KPI */
};

struct chain_kpi_series {
	char *code, *name, *unit, *owner;
	enum chain_better better;
	double target, baseline;
	struct chain_kpi_point *points;
	size_t npoints, cap;
	int has_summary;	/* a row of chain-kpi summary was read */
	char *period;
	double value, change;
	int met;
	char variation[16], assurance[16];
	char recalc[CHAIN_PERIOD_LEN];	/* summary's recalc, or "" */
	int stale;		/* its latest period lies well before the week */
	int planned;		/* the chain plan has it */
	int lead_stat;		/* a KPI of leadtime --per not in the plan: its
				   index in chain_leadtime_stats, else -1 */
	struct chain_kpi_change *changes;	/* in time order */
	size_t nchanges;
};

struct chain_deal {		/* an agreement, from chain-agree status */
	char *id, *owner, *counterpart, *title, *plan;
	struct chain_agreement a;
	enum chain_state state;
	int effective_due, days_late, surprise;
};

struct chain_partner_score {	/* a row of chain-agree score */
	char *partner, *period;
	struct chain_tally tally;
	double reliability, predictability;
};

struct chain_deal_pair {	/* a row of chain-agree matrix */
	char *owner, *counterpart;
	long agreements, reverse;
	double reliability, balance;
};

struct chain_reason_row {	/* a row of chain-agree reasons */
	char *partner, *period, *reason;
	long count;
};

struct chain_attendance_row {	/* chain-agree attendance, a partner's */
	char *partner;		/* its periods added up, or its whole row */
	long meetings, attended, in_time, late, no_shows;
	int whole;		/* a row without a period was read */
};

struct chain_reason_total {	/* a reason over all the rows read */
	char *key;		/* chain_reason_key */
	const char *reason;	/* as the first row with it writes it */
	int standard;		/* its place in the standard list, or -1 */
	long count;
	const char *partner;	/* whose deviations carry it most, or NULL */
	long partner_count;
};

struct chain_trust {		/* a row of chain-survey score */
	char *wave, *partner, *about, *dimension;
	long n;
	double mean, sd, index;
	int suppressed;
};

struct chain_trust_pair {	/* a row of chain-survey matrix */
	char *partner, *about;
	long n;
	double mean, index, reverse_mean, gap;
};

struct chain_trust_node {	/* a row of chain-survey network */
	char *partner;		/* "" for the chain's row */
	long partners, ties;	/* the chain's row */
	double density, reciprocity, centralisation;
	long in, out;		/* a partner's row */
	double given, received;
};

struct chain_trust_change {	/* a row of chain-survey compare */
	char *partner, *about, *dimension;
	long n_from, n_to;
	double mean_from, mean_to, change, p, d;
};

struct chain_handoff {		/* a row of chain-kpi handoffs */
	char *from, *to;
	long n;
	double median, p90, mean;
	long returns;		/* -1: the input has no returns column */
};

struct chain_case_time {	/* a row of chain-kpi leadtime */
	int end;		/* the date of its last event, as written */
	double lead_time;
};

struct chain_alpha {		/* a dimension's row of chain-survey alpha */
	char *dimension;
	long items, n;
	double alpha;
};

struct chain_prior {		/* a point of an earlier --actions file */
	char *area, *subject, *message, *since;
	int file;		/* which of the files read, in order */
};

struct chain_signature {	/* a row of the signatures file */
	char *partner, *name, *role;
	int signed_on;		/* the day signed, CHAIN_NO_DATE when not */
};

struct chain_history_row {	/* a week of the --history file */
	int week;		/* the first day of its ISO week */
	double hard, soft, reliability, trust_index;
	long kpis, kpis_met, overdue, actions;
};

struct chain_action {
	double score;
	int priority;
	const char *kind;	/* one of chain_action_kinds */
	char *subject, *owner, *message, *question;
	char since[CHAIN_PERIOD_LEN];	/* the week it was first listed */
};

struct chain_report {
	const char *chain;	/* --chain NAME */
	enum chain_lang lang;
	int as_of, week_start, week_end;
	unsigned inputs;	/* the kinds of input read, as bits */
	struct chain_map *partner_names;
	struct chain_kpi_series *kpis;	/* the chain plan's and others */
	size_t nkpis;
	struct chain_kpi_series *lead;	/* the chain's lead time per period */
	size_t nlead;
	struct chain_deal *deals;
	size_t ndeals;
	struct chain_partner_score *scores;
	size_t nscores;
	struct chain_deal_pair *pairs;
	size_t npairs;
	struct chain_reason_row *reason_rows;
	size_t nreason_rows;
	struct chain_reason_total *reasons;	/* the largest count first */
	size_t nreasons;
	long reasons_total;	/* deviations with a reason */
	struct chain_attendance_row *attendance;	/* by partner */
	size_t nattendance;
	struct chain_trust *trust;
	size_t ntrust;
	struct chain_trust_pair *trust_pairs;
	size_t ntrust_pairs;
	struct chain_trust_node *nodes;	/* the trust network's rows */
	size_t nnodes;
	struct chain_trust_change *changes;
	size_t nchanges;
	struct chain_action *actions;
	size_t nactions;
	struct chain_handoff *handoffs;
	size_t nhandoffs;
	struct chain_case_time *cases;
	size_t ncases;
	struct chain_alpha *alphas;
	size_t nalphas;
	struct chain_prior *priors;	/* earlier Act lists */
	size_t npriors;
	int *prior_weeks;	/* per --actions file read: its week, or -1 */
	int nprior_files;
	const struct chain_prior **resolved;	/* gone since last week */
	size_t nresolved;
	struct chain_signature *signatures;	/* by partner, then date */
	size_t nsignatures;
	const char **unsigned_partners;	/* no signature as of the week */
	size_t nunsigned, nsigned;	/* partners without and with */
	struct chain_history_row *history;	/* by week */
	size_t nhistory;
	struct chain_process_change *process_changes;	/* as read */
	size_t nprocess_changes;
	int has_history;	/* a history was read or asked for */
	int quiet;		/* -q: no warnings */
	void *history_out;	/* the locked --history file being replaced */
	size_t top;		/* --top N: Act points shown; 0 is the default */
	char *wave, *previous_wave;	/* latest survey wave, the one before */
	double hard, soft, hard_before, soft_before;	/* 0..100; NAN unknown */
	double reliability, reliability_before;	/* the whole chain's */
	double trust_index, trust_before;
};

enum chain_input_kind {
	CHAIN_IN_KPI_CHECK, CHAIN_IN_KPI_SUMMARY, CHAIN_IN_AGREE_STATUS,
	CHAIN_IN_AGREE_SCORE, CHAIN_IN_AGREE_MATRIX, CHAIN_IN_AGREE_REASONS,
	CHAIN_IN_JOURNAL, CHAIN_IN_SURVEY_SCORE, CHAIN_IN_SURVEY_MATRIX,
	CHAIN_IN_SURVEY_NETWORK, CHAIN_IN_SURVEY_COMPARE, CHAIN_IN_PLAN,
	CHAIN_IN_LEADTIME, CHAIN_IN_HANDOFFS, CHAIN_IN_ALPHA, CHAIN_IN_ACTIONS,
	CHAIN_IN_HISTORY, CHAIN_IN_SIGNATURES, CHAIN_IN_CHANGES, CHAIN_IN_ATTENDANCE,
	CHAIN_IN_PARTNERS, CHAIN_IN_NKINDS
};

/* report_model.c: what the model says, for every stage above the reader */
extern const enum chain_format chain_report_formats[CHAIN_IN_NKINDS];
void *chain_report_grow(void *array, size_t *n, size_t size);
#define CHAIN_APPEND(array, n) ((array) = chain_report_grow((array), &(n), \
	sizeof(*(array))), &(array)[(n) - 1])
void chain_report_word(char *dst, size_t size, const char *src);
int chain_report_has(const struct chain_report *r, enum chain_input_kind k);
long chain_report_surprises(const struct chain_report *r, const char *code);
const char *chain_report_partner(const struct chain_report *r,
    const char *code);
const char *chain_report_who(const struct chain_report *r, const char *code);
const char *chain_report_reason(const struct chain_report *r,
    const struct chain_reason_total *t);
enum chain_deal_list {
	CHAIN_DEALS_DUE, CHAIN_DEALS_DONE, CHAIN_DEALS_COMING, CHAIN_DEALS_OVERDUE
};
int chain_report_deal_in(const struct chain_report *r,
    const struct chain_deal *d, enum chain_deal_list list);
size_t chain_report_shown(const struct chain_report *r);
int chain_report_returns(const struct chain_report *r);
const struct chain_kpi_point *chain_kpi_latest(const struct chain_report *r,
    const struct chain_kpi_series *k, size_t *at);

/* figures.c: the derived figures */
int chain_report_signed(const struct chain_report *r, const char *partner);
int chain_report_signed_row(const struct chain_report *r,
    const struct chain_signature *s);
const char *chain_report_verdict(const struct chain_report *r);
struct chain_lead_week {	/* the chain's lead time in one week */
	int week;		/* its first day */
	long cases;
	double median, p90;
};
size_t chain_report_lead_weeks(const struct chain_report *r,
    struct chain_lead_week *w, size_t max);
int chain_report_alpha_low(double alpha);

/* lang.c: texts in the report's language, numbers as it writes them */
const char *chain_tr(const struct chain_report *r, const char *key);
char *chain_trf(const struct chain_report *r, const char *key, ...);
const char *chain_report_num(const struct chain_report *r, double v,
    int decimals, char *buf, size_t size);
char *chain_report_more(const struct chain_report *r, size_t shown);
char *chain_report_network_line(const struct chain_report *r,
    const struct chain_trust_node *x);
const char *chain_report_share(const struct chain_report *r, double v,
    char *buf, size_t size);
const char *chain_report_kpi_value(const struct chain_report *r,
    const char *unit, double v, int change, char *buf, size_t size);
const char *chain_report_dimension(const struct chain_report *r,
    const char *name);
const char *chain_report_date(const struct chain_report *r, int day,
    int long_form, char *buf, size_t size);

#endif
