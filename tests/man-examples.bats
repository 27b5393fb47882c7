#!/usr/bin/env bats
# Generated from the man pages by tests/man-examples.sh: do not edit; make
# writes it anew when a page changes.  Each test runs the example on that
# line of that page, read from the page itself.

load test_helper/common
load test_helper/man-examples

@test "man-examples.bats is generated from the current man pages" {
	cd "$CHAIN_ROOT"
	run -0 sh tests/man-examples.sh
	[ "$output" = "$(cat tests/man-examples.bats)" ] ||
	    fail "tests/man-examples.bats is stale: run make tests/man-examples.bats"
}

@test "chain-agree.1:276: chain-agree list --state overdue --fail-on surprise examples/..." {
	man_example chain-agree.1 276
}

@test "chain-agree.1:282: chain-agree score --per month --as-of 2026-11-20 examples/agr..." {
	man_example chain-agree.1 282
}

@test "chain-agree.1:288: chain-agree matrix --excel -o matrix.csv examples/agreements.csv" {
	man_example chain-agree.1 288
}

@test "chain-agree.1:293: chain-agree add -f agreements.csv --owner OM --counterpart PO..." {
	man_example chain-agree.1 293
}

@test "chain-agree.1:296: chain-agree set -f agreements.csv A043 --announce 2026-12-10 ..." {
	man_example chain-agree.1 296
}

@test "chain-agree.1:302: chain-agree check --partners examples/partners.csv examples/a..." {
	man_example chain-agree.1 302
}

@test "chain-kpi.1:372: chain-kpi summary --plan examples/plan.csv --baseline 12 --re..." {
	man_example chain-kpi.1 372
}

@test "chain-kpi.1:390: chain-kpi check --plan examples/plan.csv --baseline 12 --reca..." {
	man_example chain-kpi.1 390
}

@test "chain-kpi.1:397: chain-kpi leadtime --per week --from Report --to Close --kpi ..." {
	man_example chain-kpi.1 397
}

@test "chain-kpi.1:404: chain-kpi leadtime --from Report --to Close --norm 60d --exce..." {
	man_example chain-kpi.1 404
}

@test "chain-kpi.1:410: chain-kpi handoffs examples/events.csv" {
	man_example chain-kpi.1 410
}

@test "chain-kpi.1:427: chain-kpi handoffs --partner concept:name roadtraffic.csv" {
	skip 'an event log from a process-mining tool, not shipped in examples/'
}

@test "chain-report.1:225: cd examples" {
	man_example chain-report.1 225
}

@test "chain-report.1:226: chain-agree status --as-of 2026-11-20 agreements.csv > status..." {
	man_example chain-report.1 226
}

@test "chain-report.1:227: chain-agree score --as-of 2026-11-20 agreements.csv > score.csv" {
	man_example chain-report.1 227
}

@test "chain-report.1:228: chain-report --chain 'Safety chain Oosterveld' --as-of 2026-1..." {
	man_example chain-report.1 228
}

@test "chain-report.1:236: chain-report --format md --lang nl -o report.md status.csv sc..." {
	man_example chain-report.1 236
}

@test "chain-report.1:238: chain-report --format txt --fail-on overdue status.csv > week..." {
	man_example chain-report.1 238
}

@test "chain-survey.1:530: chain-survey items" {
	man_example chain-survey.1 530
}

@test "chain-survey.1:531: chain-survey items --instrument trust --lang nl -o vragenlijs..." {
	man_example chain-survey.1 531
}

@test "chain-survey.1:536: chain-survey score --instrument trust examples/survey-2026-05..." {
	man_example chain-survey.1 536
}

@test "chain-survey.1:542: chain-survey matrix --instrument trust --wave 2026-11 --excel..." {
	man_example chain-survey.1 542
}

@test "chain-survey.1:549: chain-survey compare --instrument trust --from 2026-05 --to 2..." {
	man_example chain-survey.1 549
}

@test "chain-survey.1:556: chain-survey alpha --instrument trust examples/survey-2026-05..." {
	man_example chain-survey.1 556
}

@test "chain.7:112: chain-agree status agreements.csv > status.csv" {
	man_example chain.7 112
}

@test "chain.7:113: chain-agree score agreements.csv > score.csv" {
	man_example chain.7 113
}

@test "chain.7:114: chain-kpi check --plan plan.csv measurements.csv > check.csv" {
	man_example chain.7 114
}

@test "chain.7:115: chain-kpi summary --plan plan.csv measurements.csv > summary.csv" {
	man_example chain.7 115
}

@test "chain.7:116: chain-survey score --instrument trust survey-*.csv > trust.csv" {
	man_example chain.7 116
}

@test "chain.7:117: chain-survey matrix --instrument trust --wave 2026-11 survey-..." {
	man_example chain.7 117
}

@test "chain.7:119: chain-survey compare --instrument trust --from 2026-05 --to 2..." {
	man_example chain.7 119
}

@test "chain.7:121: chain-report --chain 'Safety chain' -o report.html --actions ..." {
	man_example chain.7 121
}

@test "chain.7:136: chain-kpi leadtime --per week events.csv | chain-kpi check" {
	man_example chain.7 136
}

@test "chain.7:141: chain-agree score --per month --excel -o score.csv agreements..." {
	man_example chain.7 141
}

@test "chain.7:146: chain-survey compare --instrument trust --from 2026-05 --to 2..." {
	man_example chain.7 146
}
