#!/usr/bin/env bats
# Generated from the man pages and the README by tests/man-examples.sh: do
# not edit; make writes it anew when a page changes.  Each test runs the
# example on that line of that page, read from the page itself.

load test_helper/common
load test_helper/man-examples

@test "man-examples.bats is generated from the current man pages" {
	cd "$CHAIN_ROOT"
	run -0 sh tests/man-examples.sh
	[ "$output" = "$(cat tests/man-examples.bats)" ] ||
	    fail "tests/man-examples.bats is stale: run make tests/man-examples.bats"
}

@test "chain-agree.1:454: chain-agree list --state overdue --fail-on surprise examples/..." {
	man_example chain-agree.1 454
}

@test "chain-agree.1:460: chain-agree score --per month --as-of 2026-11-20 examples/agr..." {
	man_example chain-agree.1 460
}

@test "chain-agree.1:466: chain-agree matrix --excel -o matrix.csv examples/agreements.csv" {
	man_example chain-agree.1 466
}

@test "chain-agree.1:471: chain-agree add -f agreements.csv --owner OM --counterpart PO..." {
	man_example chain-agree.1 471
}

@test "chain-agree.1:475: chain-agree set -f agreements.csv A044 --announce 2026-11-27 ..." {
	man_example chain-agree.1 475
}

@test "chain-agree.1:482: chain-agree set -f agreements.csv A001 --done 2026-06-10 --co..." {
	man_example chain-agree.1 482
}

@test "chain-agree.1:483: chain-agree set -f agreements.csv A003 --announce 2026-06-18 ..." {
	man_example chain-agree.1 483
}

@test "chain-agree.1:490: chain-agree list --state not-made --as-of 2026-11-01 examples..." {
	man_example chain-agree.1 490
}

@test "chain-agree.1:499: chain-agree check --partners examples/partners.csv examples/a..." {
	man_example chain-agree.1 499
}

@test "chain-kpi.1:537: chain-kpi summary --plan examples/plan.csv --baseline 12 --ch..." {
	man_example chain-kpi.1 537
}

@test "chain-kpi.1:562: chain-kpi check --plan examples/plan.csv --baseline 12 --chan..." {
	man_example chain-kpi.1 562
}

@test "chain-kpi.1:569: chain-kpi leadtime --per week --from Report --to Close --kpi ..." {
	man_example chain-kpi.1 569
}

@test "chain-kpi.1:576: chain-kpi leadtime --from Report --to Close --norm 60d --exce..." {
	man_example chain-kpi.1 576
}

@test "chain-kpi.1:582: chain-kpi handoffs examples/events.csv" {
	man_example chain-kpi.1 582
}

@test "chain-kpi.1:599: chain-kpi handoffs --partner concept:name roadtraffic.csv" {
	skip 'an event log from a process-mining tool, not shipped in examples/'
}

@test "chain-report.1:427: cd examples" {
	man_example chain-report.1 427
}

@test "chain-report.1:428: chain-agree status --as-of 2026-11-20 agreements.csv > status..." {
	man_example chain-report.1 428
}

@test "chain-report.1:429: chain-agree score --as-of 2026-11-20 agreements.csv > score.csv" {
	man_example chain-report.1 429
}

@test "chain-report.1:430: chain-report --chain 'Safety chain Oosterveld' --as-of 2026-1..." {
	man_example chain-report.1 430
}

@test "chain-report.1:438: chain-report --format md --lang nl -o report.md status.csv sc..." {
	man_example chain-report.1 438
}

@test "chain-report.1:440: chain-report --format txt --fail-on overdue status.csv > week..." {
	man_example chain-report.1 440
}

@test "chain-survey.1:695: chain-survey items" {
	man_example chain-survey.1 695
}

@test "chain-survey.1:696: chain-survey items --instrument trust --lang nl -o vragenlijs..." {
	man_example chain-survey.1 696
}

@test "chain-survey.1:701: chain-survey score --instrument trust examples/survey-2026-05..." {
	man_example chain-survey.1 701
}

@test "chain-survey.1:707: chain-survey matrix --instrument trust --wave 2026-11 --excel..." {
	man_example chain-survey.1 707
}

@test "chain-survey.1:714: chain-survey network --instrument trust --wave 2026-11 exampl..." {
	man_example chain-survey.1 714
}

@test "chain-survey.1:725: chain-survey compare --instrument trust --from 2026-05 --to 2..." {
	man_example chain-survey.1 725
}

@test "chain-survey.1:732: chain-survey alpha --instrument trust examples/survey-2026-05..." {
	man_example chain-survey.1 732
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

@test "chain.7:129: chain-survey network --instrument trust --wave 2026-11 survey..." {
	man_example chain.7 129
}

@test "chain.7:131: chain-survey compare --instrument trust --from 2026-05 --to 2..." {
	man_example chain.7 131
}

@test "chain.7:133: chain-report --chain 'Safety chain' -o report.html --actions ..." {
	man_example chain.7 133
}

@test "chain.7:149: chain-kpi leadtime --per week events.csv | chain-kpi check" {
	man_example chain.7 149
}

@test "chain.7:154: chain-agree score --per month --excel -o score.csv agreements..." {
	man_example chain.7 154
}

@test "chain.7:159: chain-survey compare --instrument trust --from 2026-05 --to 2..." {
	man_example chain.7 159
}

@test "README:37: make demo" {
	man_example README 37
}

@test "README:38: make check" {
	skip 'the test suite itself'
}

@test "README:46: make install PREFIX=/usr/local" {
	skip 'installs outside the test directory'
}

@test "README:47: make uninstall" {
	skip 'removes what make install put outside the test directory'
}

@test "README:48: make sanitize" {
	skip 'the test suite itself, on another build'
}

@test "README:49: make valgrind" {
	skip 'the test suite itself, under valgrind'
}

@test "README:50: make fuzz FUZZ_SECONDS=600" {
	skip 'minutes of fuzzing; .ci/run runs it'
}

@test "README:51: make bench" {
	skip 'the benchmark: minutes of work and peer tools'
}

@test "README:74: chain-agree list --state overdue,late examples/agreements.csv..." {
	man_example README 74
}

@test "README:79: chain-agree score --per month examples/agreements.csv" {
	man_example README 79
}

@test "README:84: chain-agree add -f agreements.csv --owner OM --counterpart PO..." {
	man_example README 84
}

@test "README:86: chain-agree set -f agreements.csv A044 --announce 2026-11-27 ..." {
	man_example README 86
}

@test "README:98: chain-agree score --as-of 2026-06-01 examples/agreements.csv" {
	man_example README 98
}

@test "README:106: printf 'nr;wie;uiterlijkrnA1;OM;1-12-2026rn' > register.csv" {
	man_example README 106
}

@test "README:107: chain-agree status --column owner=wie --column due=uiterlijk ..." {
	man_example README 107
}

@test "README:118: chain-kpi summary --plan examples/plan.csv --baseline 12 --ch..." {
	man_example README 118
}

@test "README:124: chain-kpi leadtime --per week --from Report --to Close --kpi ..." {
	man_example README 124
}

@test "README:126: chain-kpi handoffs examples/events.csv" {
	man_example README 126
}

@test "README:131: 0 7 * * MON  cd /srv/chain && chain-agree list --state overdu..." {
	man_example README 131
}

@test "README:138: chain-survey compare --instrument trust --from 2026-05 --to 2..." {
	man_example README 138
}

@test "README:146: chain-survey matrix --instrument trust --wave 2026-11 --excel..." {
	man_example README 146
}

@test "README:148: chain-survey network --instrument trust --wave 2026-11 exampl..." {
	man_example README 148
}

@test "README:150: chain-survey items --instrument trust --lang nl -o vragenlijs..." {
	man_example README 150
}

@test "README:158: chain-agree status --as-of 2026-11-20 agreements.csv > status..." {
	man_example README 158
}

@test "README:159: chain-kpi summary --plan plan.csv --changes changes.csv measu..." {
	man_example README 159
}

@test "README:161: chain-survey compare --instrument trust --from 2026-05 --to 2..." {
	man_example README 161
}

@test "README:163: chain-report --chain 'Safety and care chain Oosterveld' --as-..." {
	man_example README 163
}

@test "README:177: 0 7 * * MON  cd /srv/chain && sh weekly.sh && chain-report --..." {
	man_example README 177
}

@test "README:182: chromium --headless --no-sandbox --print-to-pdf=report.pdf --..." {
	skip 'tests/browser.bats prints the report with Chromium'
}
