#!/usr/bin/env bats
# cycle.bats: the report as a weekly cycle: every output of the toolkit as
# input (the README's cron line), the memory of earlier weeks (since,
# resolved, --history), one date, and assurance recalculate.

load test_helper/common

weekly() {
	CHAIN_OUT=$PWD/out CHAIN_AS_OF=$1 sh "$EXAMPLES/weekly.sh" 2>/dev/null
}

@test "the README's cron line works on the demo's out/" {
	weekly 2026-11-20
	cd out
	run -1 --separate-stderr chain-report --as-of 2026-11-20 --format txt --fail-on concern,overdue *.csv
	assert_output --partial 'Relay: where cases wait'
	assert_output --partial 'Lead time across the chain'
	assert_output --partial 'Agreement reliability over time'
	assert_output --partial 'Reliability of the instrument'
	assert_output --partial 'Mutual trust'
	assert_line 'POL   OM           2912                19.5             33.4          0'
	# half of the handoffs from probation to the municipality bring the
	# case back there
	assert_line 'RECL  GEM           793                 2.9              4.6        386'
	printf 'a,b\n1,2\n' > other.csv
	run -3 chain-report --format txt other.csv
}

@test "three weeks: the history holds a row per week, points say since when" {
	weekly 2026-11-06
	weekly 2026-11-13
	weekly 2026-11-20
	run -0 cut -d, -f1 out/history.csv
	assert_output - <<'EOF2'
week
2026-W45
2026-W46
2026-W47
EOF2
	# the last column: since
	[ "$(sed -n 1p out/actions-2026-W47.csv | sed 's/.*,//')" = since ]
	[ "$(sed -n 2p out/actions-2026-W47.csv | sed 's/.*,//')" = 2026-W45 ]
	grep -q 'class="chart quadrant"' out/report.html
	grep -q 'class="path"' out/report.html
	# A043 was overdue in week 46 (due 2026-11-11, not announced) and done
	# on the 16th: week 47 lists it as resolved, with week 46's words
	grep -q '^[0-9]*,overdue,A043 Return the signed consent forms,ZORG,' out/actions-2026-W46.csv
	! grep -q 'A043' out/actions-2026-W47.csv
	run -0 grep -A2 'Resolved since last week' out/report.md
	assert_line "- **overdue** ZORG promised 'Return the signed consent forms' to POL by 2026-11-11; it is 2 days overdue and was not announced."
	# a rerun of a week replaces its row
	weekly 2026-11-13
	[ "$(grep -c '^2026-W46,' out/history.csv)" -eq 1 ]
	[ "$(wc -l < out/history.csv)" -eq 4 ]
}

@test "a point of last week's list that is gone is resolved; since is kept" {
	printf 'kpi,name,period,value,target,met,change,variation,assurance\nlt,Lead time,2026-W47,31,25,0,4,concern,\n' > summary.csv
	printf 'priority,area,subject,owner,message,question,since\n1,concern,Lead time,,old,q,2026-W44\n2,overdue,A9 Report,OM,OM promised a report.,q,2026-W46\n' > last.csv
	run -0 chain-report --as-of 2026-11-20 --format txt --actions a.csv summary.csv last.csv
	assert_output --partial '1. [concern (since 2026-W44)]'
	assert_output --partial 'Resolved since last week'
	assert_output --partial '- [overdue] OM promised a report.'
	run -0 chain-report --as-of 2026-11-20 --format md --lang nl summary.csv last.csv
	assert_output --partial 'Opgelost sinds vorige week'
	assert_output --partial '(sinds 2026-W44)'
	[ "$(sed -n 2p a.csv | sed 's/.*,//')" = 2026-W44 ]
}

@test "--history: the week before from the history, '–' when it lacks it" {
	printf 'kpi,name,period,value,target,met,change,variation,assurance\nlt,Lead time,2026-W47,31,25,0,4,concern,\n' > summary.csv
	printf 'week,hard,soft\n2026-W46,40,55\n' > h.csv
	run -0 chain-report --as-of 2026-11-20 --format txt --history h.csv summary.csv
	assert_line 'Hard score 0 (a week before 40), soft score – (55).'
	run -0 cat h.csv
	assert_output - <<'EOF2'
week,hard,soft,reliability,trust_index,kpis,kpis_met,overdue,actions
2026-W46,40,55,,,0,0,0,0
2026-W47,0,,,,1,0,0,1
EOF2
	run -0 chain-report --as-of 2026-11-27 --format txt --history h.csv summary.csv
	assert_line 'Hard score 0 (a week before 0), soft score – (–).'
	rm h.csv
	run -0 chain-report --as-of 2026-11-20 --format txt --history h.csv summary.csv
	assert_line 'Hard score 0 (a week before –), soft score – (–).'
}

@test "one date: a status of another day is judged again, with a warning naming both" {
	chain-agree status --as-of 2026-11-20 "$EXAMPLES/agreements.csv" > status.csv
	run -0 --separate-stderr chain-report --as-of 2026-11-16 --format txt status.csv
	assert_equal "$stderr" "chain-report: status.csv:2: as_of: warning: made as of 2026-11-20, the report is as of 2026-11-16: every agreement is judged again as of 2026-11-16"
	refute_output --partial 'A041  Provide school and care data (winter)     GEM    RvdK       2026-11-16  overdue'
	# a KPI seven weeks old is not current
	printf 'kpi,name,period,value,target,met,change,variation,assurance\nlt,Lead time,2026-W40,31,25,0,4,common,\n' > summary.csv
	run -0 --separate-stderr chain-report --as-of 2026-11-20 --format txt summary.csv
	assert_output --partial '2026-W40 (not current)'
	assert_equal "$stderr" "chain-report: warning: kpi lt: its latest period 2026-W40 lies well before the report's week; shown as not current"
}

@test "recalculate: no hard-score points and an Act point naming the change to record" {
	printf 'kpi,name,period,value,target,met,change,variation,assurance,recalc\nx,Cost,2026-W28,12,12,1,0,concern,recalculate,2026-W21\n' > summary.csv
	run -0 chain-report --as-of 2026-07-10 --format txt --actions a.csv summary.csv
	assert_line 'Hard score 50 (a week before –), soft score – (–).'
	assert_output --partial 'Cost has run differently since 2026-W21'
	# the row of the changes file that would start new limits there
	assert_output --partial 'record the change with its reason (--changes: x,2026-W21,reason)'
	run -0 cut -d, -f2 a.csv
	assert_line recalculate
	run -0 chain-report --as-of 2026-07-10 --format txt --lang nl summary.csv
	assert_output --partial 'Leg de wijziging dan vast met de reden (--changes: x,2026-W21,toelichting); de grenzen beginnen daar opnieuw.'
}

@test "the new sections in html and md" {
	weekly 2026-11-20
	cd out
	run -0 chain-report --as-of 2026-11-20 --format md --lang nl *.csv
	assert_output --partial '### Estafette: waar zaken wachten'
	assert_output --partial '### Doorlooptijd door de keten'
	assert_output --partial '### Betrouwbaarheid van de vragenlijst'
	assert_output --partial '### Wederzijds vertrouwen'
	assert_output --partial '### Waarom afspraken niet worden nagekomen'
	assert_output --partial '| informatie te laat   |           5 |     36% |        36% | OM (3)     |'
	run -0 chain-report --as-of 2026-11-20 -o r.html *.csv
	grep -q '<svg class="chart relay" width="560"' r.html
	grep -q '<svg class="chart pareto" width="560"' r.html
	grep -q '<svg class="chart multiples" width="560"' r.html
	grep -q '<table class="alpha">' r.html
}

@test "every new section in every format and both languages" {
	weekly 2026-11-20
	cd out
	printf 'priority,area,subject,owner,message,question,since\n1,overdue,A9 Report,OM,OM promised a report.,q,2026-W44\n2,overdue,A027 Assign case managers to the waiting list,GEM,m,q,2026-W44\n' > actions-2026-W46.csv
	for lang in en nl; do
		for format in html md txt; do
			chain-report --as-of 2026-11-20 --lang $lang --format $format \
			    --history history.csv *.csv > "r.$lang.$format"
		done
	done
	# heading, then a figure of the section, per language
	for format in html md txt; do
		f=r.en.$format
		grep -q 'Relay: where cases wait' $f
		grep -q '19.5' $f	# POL to OM, median wait
		grep -q 'Lead time across the chain' $f
		grep -q 'Median lead time' $f
		grep -q 'Agreement reliability over time' $f
		grep -q 'Reliability of the instrument' $f
		grep -q 'Mutual trust' $f
		grep -q 'Resolved since last week' $f
		grep -q 'OM promised a report.' $f
		grep -q 'since 2026-W44' $f
		f=r.nl.$format
		grep -q 'Estafette: waar zaken wachten' $f
		grep -q '19,5' $f
		grep -q 'Doorlooptijd door de keten' $f
		grep -q 'Mediane doorlooptijd' $f
		! grep -q '(days)\|(share)' $f
		grep -q 'Betrouwbaarheid van afspraken door de tijd' $f
		grep -q 'Betrouwbaarheid van de vragenlijst' $f
		# the instrument's dimensions by their Dutch labels, alpha's too
		! grep -q 'raising-issues\|joint-interest' $f
		grep -q 'Wederzijds vertrouwen' $f
		grep -q 'Opgelost sinds vorige week' $f
		grep -q 'sinds 2026-W44' $f
	done
	# the chain's lead time is no KPI of the plan: not in Plan or the KPI
	# table, not in the hard score, under its own heading only
	! grep -q 'chain_leadtime\|chain_cases\|chain_within\|chain_rework' r.en.md r.en.txt r.en.html
	grep -q 'Share of cases with rework' r.en.txt
	grep -q 'Aandeel zaken met herhaalde stappen' r.nl.txt
	# the plan's four KPIs, and the six series of leadtime --per --norm
	[ "$(grep -o '<svg class="chart xmr"' r.en.html | wc -l)" -eq $((4 + 6)) ]
}

@test "lead-time KPIs: in the lead-time section unless the plan has them" {
	cat > check.csv <<'EOF2'
kpi,period,value,target,met,mean,lower,upper,signal,rule
x_leadtime_median,2026-W46,30.25,,,31,20,42,none,
x_leadtime_median,2026-W47,33.75,,,31,20,42,none,
x_cases,2026-W46,12,,,11,2,20,none,
x_cases,2026-W47,10,,,11,2,20,none,
open_cases,2026-W46,5,,,5,1,9,none,
open_cases,2026-W47,6,,,5,1,9,none,
EOF2
	# x_cases has its median sibling: lead time; open_cases has none: a KPI
	run -0 chain-report --as-of 2026-11-20 --format txt check.csv
	assert_line --regexp '^open_cases +2026-W47 +6 +– +1 '
	assert_line --regexp '^Median lead time +2026-W47 +33.8 +3.5 +common '
	assert_line --regexp '^Cases ended +2026-W47 +10 +-2 +common '
	refute_output --partial 'x_leadtime_median'
	# in the plan, a lead-time KPI is a KPI like any other
	printf 'kpi,name,unit,better,target\nx_leadtime_median,Lead time,days,down,30\n' > plan.csv
	run -0 chain-report --as-of 2026-11-20 --format txt plan.csv check.csv
	assert_line --regexp '^Lead time +2026-W47 +33.8 +30 +3.5 +common '
	assert_line --regexp '^Cases ended +2026-W47 +10 +-2 '
	refute_output --partial 'Median lead time'
}
