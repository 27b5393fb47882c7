#!/usr/bin/env bats
# Generated from the man pages by tests/man-examples.sh: do not edit; make
# writes it anew when a page changes.  "+ " lines are the page's earlier
# commands, run first; "$ " is the example; "> " what the page shows it
# printing.

load test_helper/common
load test_helper/man-examples

@test "man-examples.bats is generated from the current man pages" {
	cd "$CHAIN_ROOT"
	run -0 sh tests/man-examples.sh
	[ "$output" = "$(cat tests/man-examples.bats)" ] ||
	    fail "tests/man-examples.bats is stale: run make tests/man-examples.bats"
}

@test "chain-agree.1:276: chain-agree list --state overdue --fail-on surprise examples/..." {
	man_example <<'MAN_EXAMPLE'
$ chain-agree list --state overdue --fail-on surprise examples/agreements.csv
MAN_EXAMPLE
}

@test "chain-agree.1:282: chain-agree score --per month --as-of 2026-11-20 examples/agr..." {
	man_example <<'MAN_EXAMPLE'
+ chain-agree list --state overdue --fail-on surprise examples/agreements.csv
$ chain-agree score --per month --as-of 2026-11-20 examples/agreements.csv
MAN_EXAMPLE
}

@test "chain-agree.1:288: chain-agree matrix --excel -o matrix.csv examples/agreements.csv" {
	man_example <<'MAN_EXAMPLE'
+ chain-agree list --state overdue --fail-on surprise examples/agreements.csv
+ chain-agree score --per month --as-of 2026-11-20 examples/agreements.csv
$ chain-agree matrix --excel -o matrix.csv examples/agreements.csv
MAN_EXAMPLE
}

@test "chain-agree.1:293: chain-agree add -f agreements.csv --owner OM --counterpart PO..." {
	man_example <<'MAN_EXAMPLE'
+ chain-agree list --state overdue --fail-on surprise examples/agreements.csv
+ chain-agree score --per month --as-of 2026-11-20 examples/agreements.csv
+ chain-agree matrix --excel -o matrix.csv examples/agreements.csv
$ chain-agree add -f agreements.csv --owner OM --counterpart POL --due 2026-12-18 --title 'Decide on November cases'
> A043
MAN_EXAMPLE
}

@test "chain-agree.1:296: chain-agree set -f agreements.csv A043 --announce 2026-12-10 ..." {
	man_example <<'MAN_EXAMPLE'
+ chain-agree list --state overdue --fail-on surprise examples/agreements.csv
+ chain-agree score --per month --as-of 2026-11-20 examples/agreements.csv
+ chain-agree matrix --excel -o matrix.csv examples/agreements.csv
+ chain-agree add -f agreements.csv --owner OM --counterpart POL --due 2026-12-18 --title 'Decide on November cases'
$ chain-agree set -f agreements.csv A043 --announce 2026-12-10 --new-due 2027-01-08 --plan 'Two prosecutors on leave'
MAN_EXAMPLE
}

@test "chain-agree.1:302: chain-agree check --partners examples/partners.csv examples/a..." {
	man_example <<'MAN_EXAMPLE'
+ chain-agree list --state overdue --fail-on surprise examples/agreements.csv
+ chain-agree score --per month --as-of 2026-11-20 examples/agreements.csv
+ chain-agree matrix --excel -o matrix.csv examples/agreements.csv
+ chain-agree add -f agreements.csv --owner OM --counterpart POL --due 2026-12-18 --title 'Decide on November cases'
+ chain-agree set -f agreements.csv A043 --announce 2026-12-10 --new-due 2027-01-08 --plan 'Two prosecutors on leave'
$ chain-agree check --partners examples/partners.csv examples/agreements.csv
MAN_EXAMPLE
}

@test "chain-kpi.1:372: chain-kpi summary --plan examples/plan.csv --baseline 12 --re..." {
	man_example <<'MAN_EXAMPLE'
$ chain-kpi summary --plan examples/plan.csv --baseline 12 --recalc 2026-W14 --as-of 2026-11-20 examples/measurements.csv
> kpi,name,period,value,target,met,change,variation,assurance
> leadtime,Lead time from report to decision,2026-W47,31.2333,30,0,-0.2667,common,hit-and-miss
> ftr,First-time-right case files,2026-W47,0.871,0.95,0,-0.014,common,fail
> cost,Cost per case across the chain,2026-W47,1862.1,1500,0,106.84,concern,pass
> inflow,New cases reported,2026-W47,42,,,-5,common,
MAN_EXAMPLE
}

@test "chain-kpi.1:390: chain-kpi check --plan examples/plan.csv --baseline 12 --reca..." {
	man_example <<'MAN_EXAMPLE'
+ chain-kpi summary --plan examples/plan.csv --baseline 12 --recalc 2026-W14 --as-of 2026-11-20 examples/measurements.csv
$ chain-kpi check --plan examples/plan.csv --baseline 12 --recalc 2026-W14 --fail-on concern examples/measurements.csv > check.csv || echo 'a KPI needs attention'
MAN_EXAMPLE
}

@test "chain-kpi.1:397: chain-kpi leadtime --per week --from Report --to Close --kpi ..." {
	man_example <<'MAN_EXAMPLE'
+ chain-kpi summary --plan examples/plan.csv --baseline 12 --recalc 2026-W14 --as-of 2026-11-20 examples/measurements.csv
+ chain-kpi check --plan examples/plan.csv --baseline 12 --recalc 2026-W14 --fail-on concern examples/measurements.csv > check.csv || echo 'a KPI needs attention'
$ chain-kpi leadtime --per week --from Report --to Close --kpi chain examples/events.csv | chain-kpi check -q
MAN_EXAMPLE
}

@test "chain-kpi.1:404: chain-kpi leadtime --from Report --to Close --norm 60d --exce..." {
	man_example <<'MAN_EXAMPLE'
+ chain-kpi summary --plan examples/plan.csv --baseline 12 --recalc 2026-W14 --as-of 2026-11-20 examples/measurements.csv
+ chain-kpi check --plan examples/plan.csv --baseline 12 --recalc 2026-W14 --fail-on concern examples/measurements.csv > check.csv || echo 'a KPI needs attention'
+ chain-kpi leadtime --per week --from Report --to Close --kpi chain examples/events.csv | chain-kpi check -q
$ chain-kpi leadtime --from Report --to Close --norm 60d --excel -o leadtime.csv examples/events.csv
MAN_EXAMPLE
}

@test "chain-kpi.1:410: chain-kpi handoffs examples/events.csv" {
	man_example <<'MAN_EXAMPLE'
+ chain-kpi summary --plan examples/plan.csv --baseline 12 --recalc 2026-W14 --as-of 2026-11-20 examples/measurements.csv
+ chain-kpi check --plan examples/plan.csv --baseline 12 --recalc 2026-W14 --fail-on concern examples/measurements.csv > check.csv || echo 'a KPI needs attention'
+ chain-kpi leadtime --per week --from Report --to Close --kpi chain examples/events.csv | chain-kpi check -q
+ chain-kpi leadtime --from Report --to Close --norm 60d --excel -o leadtime.csv examples/events.csv
$ chain-kpi handoffs examples/events.csv
> from,to,handoffs,median_wait,p90_wait,mean_wait
> GEM,RECL,404,6.4632,9.2449,6.4617
> OM,GEM,839,6.8646,11.0529,6.9624
> OM,RvdK,1116,12.5177,18.4448,12.555
> OM,ZORG,823,7.116,10.8544,7.0255
> POL,OM,2912,19.5073,33.3733,20.7917
> RECL,GEM,793,2.9257,4.5782,2.9583
> RvdK,GEM,520,6.8788,10.914,6.8858
> RvdK,ZORG,555,7.0444,10.7861,6.9077
> ZORG,GEM,908,3.0222,4.6412,3.0123
> ZORG,RECL,421,6.2347,9.2785,6.3627
MAN_EXAMPLE
}

@test "chain-kpi.1:427: chain-kpi handoffs --partner concept:name roadtraffic.csv" {
	skip 'an event log from a process-mining tool, not shipped in examples/'
}

@test "chain-report.1:225: cd examples" {
	man_example <<'MAN_EXAMPLE'
$ cd examples
MAN_EXAMPLE
}

@test "chain-report.1:226: chain-agree status --as-of 2026-11-20 agreements.csv > status..." {
	man_example <<'MAN_EXAMPLE'
+ cd examples
$ chain-agree status --as-of 2026-11-20 agreements.csv > status.csv
MAN_EXAMPLE
}

@test "chain-report.1:227: chain-agree score --as-of 2026-11-20 agreements.csv > score.csv" {
	man_example <<'MAN_EXAMPLE'
+ cd examples
+ chain-agree status --as-of 2026-11-20 agreements.csv > status.csv
$ chain-agree score --as-of 2026-11-20 agreements.csv > score.csv
MAN_EXAMPLE
}

@test "chain-report.1:228: chain-report --chain 'Safety chain Oosterveld' --as-of 2026-1..." {
	man_example <<'MAN_EXAMPLE'
+ cd examples
+ chain-agree status --as-of 2026-11-20 agreements.csv > status.csv
+ chain-agree score --as-of 2026-11-20 agreements.csv > score.csv
$ chain-report --chain 'Safety chain Oosterveld' --as-of 2026-11-20 -o report.html --actions actions.csv status.csv score.csv partners.csv
MAN_EXAMPLE
}

@test "chain-report.1:236: chain-report --format md --lang nl -o report.md status.csv sc..." {
	man_example <<'MAN_EXAMPLE'
+ cd examples
+ chain-agree status --as-of 2026-11-20 agreements.csv > status.csv
+ chain-agree score --as-of 2026-11-20 agreements.csv > score.csv
+ chain-report --chain 'Safety chain Oosterveld' --as-of 2026-11-20 -o report.html --actions actions.csv status.csv score.csv partners.csv
$ chain-report --format md --lang nl -o report.md status.csv score.csv partners.csv
MAN_EXAMPLE
}

@test "chain-report.1:238: chain-report --format txt --fail-on overdue status.csv > week..." {
	man_example <<'MAN_EXAMPLE'
+ cd examples
+ chain-agree status --as-of 2026-11-20 agreements.csv > status.csv
+ chain-agree score --as-of 2026-11-20 agreements.csv > score.csv
+ chain-report --chain 'Safety chain Oosterveld' --as-of 2026-11-20 -o report.html --actions actions.csv status.csv score.csv partners.csv
+ chain-report --format md --lang nl -o report.md status.csv score.csv partners.csv
$ chain-report --format txt --fail-on overdue status.csv > week.txt || mail -s 'Overdue agreements' coordinator@example.org < week.txt
MAN_EXAMPLE
}

@test "chain-survey.1:449: chain-survey items" {
	man_example <<'MAN_EXAMPLE'
$ chain-survey items
MAN_EXAMPLE
}

@test "chain-survey.1:450: chain-survey items --instrument trust --lang nl -o vragenlijs..." {
	man_example <<'MAN_EXAMPLE'
+ chain-survey items
$ chain-survey items --instrument trust --lang nl -o vragenlijst.csv
MAN_EXAMPLE
}

@test "chain-survey.1:455: chain-survey score --instrument trust examples/survey-2026-05..." {
	man_example <<'MAN_EXAMPLE'
+ chain-survey items
+ chain-survey items --instrument trust --lang nl -o vragenlijst.csv
$ chain-survey score --instrument trust examples/survey-2026-05.csv examples/survey-2026-11.csv
MAN_EXAMPLE
}

@test "chain-survey.1:461: chain-survey matrix --instrument trust --wave 2026-11 --excel..." {
	man_example <<'MAN_EXAMPLE'
+ chain-survey items
+ chain-survey items --instrument trust --lang nl -o vragenlijst.csv
+ chain-survey score --instrument trust examples/survey-2026-05.csv examples/survey-2026-11.csv
$ chain-survey matrix --instrument trust --wave 2026-11 --excel -o matrix.csv examples/survey-2026-05.csv examples/survey-2026-11.csv
MAN_EXAMPLE
}

@test "chain-survey.1:468: chain-survey compare --instrument trust --from 2026-05 --to 2..." {
	man_example <<'MAN_EXAMPLE'
+ chain-survey items
+ chain-survey items --instrument trust --lang nl -o vragenlijst.csv
+ chain-survey score --instrument trust examples/survey-2026-05.csv examples/survey-2026-11.csv
+ chain-survey matrix --instrument trust --wave 2026-11 --excel -o matrix.csv examples/survey-2026-05.csv examples/survey-2026-11.csv
$ chain-survey compare --instrument trust --from 2026-05 --to 2026-11 --dimension '*' --fail-on decline examples/survey-2026-05.csv examples/survey-2026-11.csv
MAN_EXAMPLE
}

@test "chain-survey.1:475: chain-survey alpha --instrument trust examples/survey-2026-05..." {
	man_example <<'MAN_EXAMPLE'
+ chain-survey items
+ chain-survey items --instrument trust --lang nl -o vragenlijst.csv
+ chain-survey score --instrument trust examples/survey-2026-05.csv examples/survey-2026-11.csv
+ chain-survey matrix --instrument trust --wave 2026-11 --excel -o matrix.csv examples/survey-2026-05.csv examples/survey-2026-11.csv
+ chain-survey compare --instrument trust --from 2026-05 --to 2026-11 --dimension '*' --fail-on decline examples/survey-2026-05.csv examples/survey-2026-11.csv
$ chain-survey alpha --instrument trust examples/survey-2026-05.csv
MAN_EXAMPLE
}

@test "chain.7:112: chain-agree status agreements.csv > status.csv" {
	man_example <<'MAN_EXAMPLE'
$ chain-agree status agreements.csv > status.csv
MAN_EXAMPLE
}

@test "chain.7:113: chain-agree score agreements.csv > score.csv" {
	man_example <<'MAN_EXAMPLE'
+ chain-agree status agreements.csv > status.csv
$ chain-agree score agreements.csv > score.csv
MAN_EXAMPLE
}

@test "chain.7:114: chain-kpi check --plan plan.csv measurements.csv > check.csv" {
	man_example <<'MAN_EXAMPLE'
+ chain-agree status agreements.csv > status.csv
+ chain-agree score agreements.csv > score.csv
$ chain-kpi check --plan plan.csv measurements.csv > check.csv
MAN_EXAMPLE
}

@test "chain.7:115: chain-kpi summary --plan plan.csv measurements.csv > summary.csv" {
	man_example <<'MAN_EXAMPLE'
+ chain-agree status agreements.csv > status.csv
+ chain-agree score agreements.csv > score.csv
+ chain-kpi check --plan plan.csv measurements.csv > check.csv
$ chain-kpi summary --plan plan.csv measurements.csv > summary.csv
MAN_EXAMPLE
}

@test "chain.7:116: chain-survey score --instrument trust survey-*.csv > trust.csv" {
	man_example <<'MAN_EXAMPLE'
+ chain-agree status agreements.csv > status.csv
+ chain-agree score agreements.csv > score.csv
+ chain-kpi check --plan plan.csv measurements.csv > check.csv
+ chain-kpi summary --plan plan.csv measurements.csv > summary.csv
$ chain-survey score --instrument trust survey-*.csv > trust.csv
MAN_EXAMPLE
}

@test "chain.7:117: chain-survey matrix --instrument trust --wave 2026-11 survey-..." {
	man_example <<'MAN_EXAMPLE'
+ chain-agree status agreements.csv > status.csv
+ chain-agree score agreements.csv > score.csv
+ chain-kpi check --plan plan.csv measurements.csv > check.csv
+ chain-kpi summary --plan plan.csv measurements.csv > summary.csv
+ chain-survey score --instrument trust survey-*.csv > trust.csv
$ chain-survey matrix --instrument trust --wave 2026-11 survey-*.csv > mutual.csv
MAN_EXAMPLE
}

@test "chain.7:119: chain-survey compare --instrument trust --from 2026-05 --to 2..." {
	man_example <<'MAN_EXAMPLE'
+ chain-agree status agreements.csv > status.csv
+ chain-agree score agreements.csv > score.csv
+ chain-kpi check --plan plan.csv measurements.csv > check.csv
+ chain-kpi summary --plan plan.csv measurements.csv > summary.csv
+ chain-survey score --instrument trust survey-*.csv > trust.csv
+ chain-survey matrix --instrument trust --wave 2026-11 survey-*.csv > mutual.csv
$ chain-survey compare --instrument trust --from 2026-05 --to 2026-11 survey-*.csv > change.csv
MAN_EXAMPLE
}

@test "chain.7:121: chain-report --chain 'Safety chain' -o report.html --actions ..." {
	man_example <<'MAN_EXAMPLE'
+ chain-agree status agreements.csv > status.csv
+ chain-agree score agreements.csv > score.csv
+ chain-kpi check --plan plan.csv measurements.csv > check.csv
+ chain-kpi summary --plan plan.csv measurements.csv > summary.csv
+ chain-survey score --instrument trust survey-*.csv > trust.csv
+ chain-survey matrix --instrument trust --wave 2026-11 survey-*.csv > mutual.csv
+ chain-survey compare --instrument trust --from 2026-05 --to 2026-11 survey-*.csv > change.csv
$ chain-report --chain 'Safety chain' -o report.html --actions actions.csv status.csv score.csv check.csv summary.csv trust.csv mutual.csv change.csv plan.csv partners.csv
MAN_EXAMPLE
}

@test "chain.7:136: chain-kpi leadtime --per week events.csv | chain-kpi check" {
	man_example <<'MAN_EXAMPLE'
+ chain-agree status agreements.csv > status.csv
+ chain-agree score agreements.csv > score.csv
+ chain-kpi check --plan plan.csv measurements.csv > check.csv
+ chain-kpi summary --plan plan.csv measurements.csv > summary.csv
+ chain-survey score --instrument trust survey-*.csv > trust.csv
+ chain-survey matrix --instrument trust --wave 2026-11 survey-*.csv > mutual.csv
+ chain-survey compare --instrument trust --from 2026-05 --to 2026-11 survey-*.csv > change.csv
+ chain-report --chain 'Safety chain' -o report.html --actions actions.csv status.csv score.csv check.csv summary.csv trust.csv mutual.csv change.csv plan.csv partners.csv
$ chain-kpi leadtime --per week events.csv | chain-kpi check
MAN_EXAMPLE
}

@test "chain.7:141: chain-agree score --per month --excel -o score.csv agreements..." {
	man_example <<'MAN_EXAMPLE'
+ chain-agree status agreements.csv > status.csv
+ chain-agree score agreements.csv > score.csv
+ chain-kpi check --plan plan.csv measurements.csv > check.csv
+ chain-kpi summary --plan plan.csv measurements.csv > summary.csv
+ chain-survey score --instrument trust survey-*.csv > trust.csv
+ chain-survey matrix --instrument trust --wave 2026-11 survey-*.csv > mutual.csv
+ chain-survey compare --instrument trust --from 2026-05 --to 2026-11 survey-*.csv > change.csv
+ chain-report --chain 'Safety chain' -o report.html --actions actions.csv status.csv score.csv check.csv summary.csv trust.csv mutual.csv change.csv plan.csv partners.csv
+ chain-kpi leadtime --per week events.csv | chain-kpi check
$ chain-agree score --per month --excel -o score.csv agreements.csv
MAN_EXAMPLE
}

@test "chain.7:146: chain-survey compare --instrument trust --from 2026-05 --to 2..." {
	man_example <<'MAN_EXAMPLE'
+ chain-agree status agreements.csv > status.csv
+ chain-agree score agreements.csv > score.csv
+ chain-kpi check --plan plan.csv measurements.csv > check.csv
+ chain-kpi summary --plan plan.csv measurements.csv > summary.csv
+ chain-survey score --instrument trust survey-*.csv > trust.csv
+ chain-survey matrix --instrument trust --wave 2026-11 survey-*.csv > mutual.csv
+ chain-survey compare --instrument trust --from 2026-05 --to 2026-11 survey-*.csv > change.csv
+ chain-report --chain 'Safety chain' -o report.html --actions actions.csv status.csv score.csv check.csv summary.csv trust.csv mutual.csv change.csv plan.csv partners.csv
+ chain-kpi leadtime --per week events.csv | chain-kpi check
+ chain-agree score --per month --excel -o score.csv agreements.csv
$ chain-survey compare --instrument trust --from 2026-05 --to 2026-11 --fail-on decline survey-*.csv
MAN_EXAMPLE
}
