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

@test "chain-survey.1:595: chain-survey items" {
	man_example chain-survey.1 595
}

@test "chain-survey.1:596: chain-survey items --instrument trust --lang nl -o vragenlijs..." {
	man_example chain-survey.1 596
}

@test "chain-survey.1:601: chain-survey score --instrument trust examples/survey-2026-05..." {
	man_example chain-survey.1 601
}

@test "chain-survey.1:607: chain-survey matrix --instrument trust --wave 2026-11 --excel..." {
	man_example chain-survey.1 607
}

@test "chain-survey.1:614: chain-survey compare --instrument trust --from 2026-05 --to 2..." {
	man_example chain-survey.1 614
}

@test "chain-survey.1:621: chain-survey alpha --instrument trust examples/survey-2026-05..." {
	man_example chain-survey.1 621
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

@test "README:36: make demo" {
	man_example README 36
}

@test "README:37: make check" {
	skip 'the test suite itself'
}

@test "README:45: make install PREFIX=/usr/local" {
	skip 'installs outside the test directory'
}

@test "README:46: make uninstall" {
	skip 'removes what make install put outside the test directory'
}

@test "README:47: make sanitize" {
	skip 'the test suite itself, on another build'
}

@test "README:48: make valgrind" {
	skip 'the test suite itself, under valgrind'
}

@test "README:49: make fuzz FUZZ_SECONDS=600" {
	skip 'minutes of fuzzing; .ci/run runs it'
}

@test "README:50: make bench" {
	skip 'the benchmark: minutes of work and peer tools'
}

@test "README:70: chain-agree list --state overdue,late examples/agreements.csv..." {
	man_example README 70
}

@test "README:75: chain-agree score --per month examples/agreements.csv" {
	man_example README 75
}

@test "README:80: chain-agree add -f agreements.csv --owner OM --counterpart PO..." {
	man_example README 80
}

@test "README:82: chain-agree set -f agreements.csv A043 --announce 2026-11-27 ..." {
	man_example README 82
}

@test "README:94: chain-agree score --as-of 2026-06-01 examples/agreements.csv" {
	man_example README 94
}

@test "README:102: printf 'nr;wie;uiterlijkrnA1;OM;1-12-2026rn' > register.csv" {
	man_example README 102
}

@test "README:103: chain-agree status --column owner=wie --column due=uiterlijk ..." {
	man_example README 103
}

@test "README:108: chain-kpi summary --plan examples/plan.csv --baseline 12 --re..." {
	man_example README 108
}

@test "README:114: chain-kpi leadtime --per week --from Report --to Close --kpi ..." {
	man_example README 114
}

@test "README:116: chain-kpi handoffs examples/events.csv" {
	man_example README 116
}

@test "README:121: 0 7 * * MON  cd /srv/chain && chain-agree list --state overdu..." {
	man_example README 121
}

@test "README:127: chain-survey compare --instrument trust --from 2026-05 --to 2..." {
	man_example README 127
}

@test "README:133: chain-survey matrix --instrument trust --wave 2026-11 --excel..." {
	man_example README 133
}

@test "README:135: chain-survey items --instrument trust --lang nl -o vragenlijs..." {
	man_example README 135
}

@test "README:143: chain-agree status --as-of 2026-11-20 agreements.csv > status..." {
	man_example README 143
}

@test "README:144: chain-kpi summary --plan plan.csv measurements.csv > summary.csv" {
	man_example README 144
}

@test "README:145: chain-survey compare --instrument trust --from 2026-05 --to 2..." {
	man_example README 145
}

@test "README:147: chain-report --chain 'Safety and care chain Oosterveld' --as-..." {
	man_example README 147
}

@test "README:156: 0 7 * * MON  cd /srv/chain && sh weekly.sh && chain-report --..." {
	skip 'chain-report does not yet read every file weekly.sh writes'
}

@test "README:161: chromium --headless --no-sandbox --print-to-pdf=report.pdf --..." {
	skip 'tests/browser.bats prints the report with Chromium'
}
