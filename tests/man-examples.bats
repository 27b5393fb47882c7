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

@test "chain-agree.1:450: chain-agree list --state overdue --fail-on surprise examples/..." {
	man_example chain-agree.1 450
}

@test "chain-agree.1:456: chain-agree score --per month --as-of 2026-11-20 examples/agr..." {
	man_example chain-agree.1 456
}

@test "chain-agree.1:462: chain-agree matrix --excel -o matrix.csv examples/agreements.csv" {
	man_example chain-agree.1 462
}

@test "chain-agree.1:467: chain-agree add -f agreements.csv --owner OM --counterpart PO..." {
	man_example chain-agree.1 467
}

@test "chain-agree.1:471: chain-agree set -f agreements.csv A043 --announce 2026-11-27 ..." {
	man_example chain-agree.1 471
}

@test "chain-agree.1:478: chain-agree set -f agreements.csv A001 --done 2026-06-10 --co..." {
	man_example chain-agree.1 478
}

@test "chain-agree.1:479: chain-agree set -f agreements.csv A003 --announce 2026-06-18 ..." {
	man_example chain-agree.1 479
}

@test "chain-agree.1:486: chain-agree list --state not-made --as-of 2026-11-01 examples..." {
	man_example chain-agree.1 486
}

@test "chain-agree.1:495: chain-agree check --partners examples/partners.csv examples/a..." {
	man_example chain-agree.1 495
}

@test "chain-kpi.1:456: chain-kpi summary --plan examples/plan.csv --baseline 12 --re..." {
	man_example chain-kpi.1 456
}

@test "chain-kpi.1:474: chain-kpi check --plan examples/plan.csv --baseline 12 --reca..." {
	man_example chain-kpi.1 474
}

@test "chain-kpi.1:481: chain-kpi leadtime --per week --from Report --to Close --kpi ..." {
	man_example chain-kpi.1 481
}

@test "chain-kpi.1:488: chain-kpi leadtime --from Report --to Close --norm 60d --exce..." {
	man_example chain-kpi.1 488
}

@test "chain-kpi.1:494: chain-kpi handoffs examples/events.csv" {
	man_example chain-kpi.1 494
}

@test "chain-kpi.1:511: chain-kpi handoffs --partner concept:name roadtraffic.csv" {
	skip 'an event log from a process-mining tool, not shipped in examples/'
}

@test "chain-report.1:296: cd examples" {
	man_example chain-report.1 296
}

@test "chain-report.1:297: chain-agree status --as-of 2026-11-20 agreements.csv > status..." {
	man_example chain-report.1 297
}

@test "chain-report.1:298: chain-agree score --as-of 2026-11-20 agreements.csv > score.csv" {
	man_example chain-report.1 298
}

@test "chain-report.1:299: chain-report --chain 'Safety chain Oosterveld' --as-of 2026-1..." {
	man_example chain-report.1 299
}

@test "chain-report.1:307: chain-report --format md --lang nl -o report.md status.csv sc..." {
	man_example chain-report.1 307
}

@test "chain-report.1:309: chain-report --format txt --fail-on overdue status.csv > week..." {
	man_example chain-report.1 309
}

@test "chain-survey.1:514: chain-survey items" {
	man_example chain-survey.1 514
}

@test "chain-survey.1:515: chain-survey items --instrument trust --lang nl -o vragenlijs..." {
	man_example chain-survey.1 515
}

@test "chain-survey.1:520: chain-survey score --instrument trust examples/survey-2026-05..." {
	man_example chain-survey.1 520
}

@test "chain-survey.1:526: chain-survey matrix --instrument trust --wave 2026-11 --excel..." {
	man_example chain-survey.1 526
}

@test "chain-survey.1:533: chain-survey compare --instrument trust --from 2026-05 --to 2..." {
	man_example chain-survey.1 533
}

@test "chain-survey.1:540: chain-survey alpha --instrument trust examples/survey-2026-05..." {
	man_example chain-survey.1 540
}

@test "chain.7:122: chain-agree status agreements.csv > status.csv" {
	man_example chain.7 122
}

@test "chain.7:123: chain-agree score agreements.csv > score.csv" {
	man_example chain.7 123
}

@test "chain.7:124: chain-kpi check --plan plan.csv measurements.csv > check.csv" {
	man_example chain.7 124
}

@test "chain.7:125: chain-kpi summary --plan plan.csv measurements.csv > summary.csv" {
	man_example chain.7 125
}

@test "chain.7:126: chain-survey score --instrument trust survey-*.csv > trust.csv" {
	man_example chain.7 126
}

@test "chain.7:127: chain-survey matrix --instrument trust --wave 2026-11 survey-..." {
	man_example chain.7 127
}

@test "chain.7:129: chain-survey compare --instrument trust --from 2026-05 --to 2..." {
	man_example chain.7 129
}

@test "chain.7:131: chain-report --chain 'Safety chain' -o report.html --actions ..." {
	man_example chain.7 131
}

@test "chain.7:146: chain-kpi leadtime --per week events.csv | chain-kpi check" {
	man_example chain.7 146
}

@test "chain.7:151: chain-agree score --per month --excel -o score.csv agreements..." {
	man_example chain.7 151
}

@test "chain.7:156: chain-survey compare --instrument trust --from 2026-05 --to 2..." {
	man_example chain.7 156
}
