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

@test "chain-agree.1:647: chain-agree list --state overdue --fail-on surprise examples/..." {
	man_example chain-agree.1 647
}

@test "chain-agree.1:653: chain-agree score --per month --as-of 2026-11-20 examples/agr..." {
	man_example chain-agree.1 653
}

@test "chain-agree.1:659: chain-agree matrix --excel -o matrix.csv examples/agreements.csv" {
	man_example chain-agree.1 659
}

@test "chain-agree.1:664: chain-agree add -f agreements.csv --owner OM --counterpart PO..." {
	man_example chain-agree.1 664
}

@test "chain-agree.1:668: chain-agree set -f agreements.csv A044 --announce 2026-11-27 ..." {
	man_example chain-agree.1 668
}

@test "chain-agree.1:675: chain-agree set -f agreements.csv A001 --done 2026-06-10 --co..." {
	man_example chain-agree.1 675
}

@test "chain-agree.1:676: chain-agree set -f agreements.csv A003 --announce 2026-06-18 ..." {
	man_example chain-agree.1 676
}

@test "chain-agree.1:682: chain-agree log -f agreements.csv A003 | cut -d, -f3-" {
	man_example chain-agree.1 682
}

@test "chain-agree.1:691: chain-agree reasons --by owner --as-of 2026-11-20 examples/ag..." {
	man_example chain-agree.1 691
}

@test "chain-agree.1:709: chain-agree list --state not-made --as-of 2026-11-01 examples..." {
	man_example chain-agree.1 709
}

@test "chain-agree.1:718: chain-agree check --partners examples/partners.csv examples/a..." {
	man_example chain-agree.1 718
}

@test "chain-kpi.1:606: chain-kpi summary --plan examples/plan.csv --baseline 12 --ch..." {
	man_example chain-kpi.1 606
}

@test "chain-kpi.1:631: chain-kpi check --plan examples/plan.csv --baseline 12 --chan..." {
	man_example chain-kpi.1 631
}

@test "chain-kpi.1:638: chain-kpi leadtime --per week --from Report --to Close --kpi ..." {
	man_example chain-kpi.1 638
}

@test "chain-kpi.1:645: chain-kpi leadtime --from Report --to Close --norm 60d --exce..." {
	man_example chain-kpi.1 645
}

@test "chain-kpi.1:652: chain-kpi handoffs examples/events.csv" {
	man_example chain-kpi.1 652
}

@test "chain-kpi.1:670: chain-kpi leadtime -q --from 'Police file' --to 'Prosecution ..." {
	man_example chain-kpi.1 670
}

@test "chain-kpi.1:684: chain-kpi handoffs --partner concept:name roadtraffic.csv" {
	skip 'an event log from a process-mining tool, not shipped in examples/'
}

@test "chain-report.1:462: cd examples" {
	man_example chain-report.1 462
}

@test "chain-report.1:463: chain-agree status --as-of 2026-11-20 agreements.csv > status..." {
	man_example chain-report.1 463
}

@test "chain-report.1:464: chain-agree score --as-of 2026-11-20 agreements.csv > score.csv" {
	man_example chain-report.1 464
}

@test "chain-report.1:465: chain-report --chain 'Safety chain Oosterveld' --as-of 2026-1..." {
	man_example chain-report.1 465
}

@test "chain-report.1:473: chain-report --format md --lang nl -o report.md status.csv sc..." {
	man_example chain-report.1 473
}

@test "chain-report.1:475: chain-report --format txt --fail-on overdue status.csv > week..." {
	man_example chain-report.1 475
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

@test "chain.7:126: chain-agree status agreements.csv > status.csv" {
	man_example chain.7 126
}

@test "chain.7:127: chain-agree score agreements.csv > score.csv" {
	man_example chain.7 127
}

@test "chain.7:128: chain-kpi check --plan plan.csv measurements.csv > check.csv" {
	man_example chain.7 128
}

@test "chain.7:129: chain-kpi summary --plan plan.csv measurements.csv > summary.csv" {
	man_example chain.7 129
}

@test "chain.7:130: chain-survey score --instrument trust survey-*.csv > trust.csv" {
	man_example chain.7 130
}

@test "chain.7:131: chain-survey matrix --instrument trust --wave 2026-11 survey-..." {
	man_example chain.7 131
}

@test "chain.7:133: chain-survey network --instrument trust --wave 2026-11 survey..." {
	man_example chain.7 133
}

@test "chain.7:135: chain-survey compare --instrument trust --from 2026-05 --to 2..." {
	man_example chain.7 135
}

@test "chain.7:137: chain-report --chain 'Safety chain' -o report.html --actions ..." {
	man_example chain.7 137
}

@test "chain.7:153: chain-kpi leadtime --per week events.csv | chain-kpi check" {
	man_example chain.7 153
}

@test "chain.7:158: chain-agree score --per month --excel -o score.csv agreements..." {
	man_example chain.7 158
}

@test "chain.7:163: chain-survey compare --instrument trust --from 2026-05 --to 2..." {
	man_example chain.7 163
}

@test "README:39: make demo" {
	man_example README 39
}

@test "README:40: make check" {
	skip 'the test suite itself'
}

@test "README:48: make install PREFIX=/usr/local" {
	skip 'installs outside the test directory'
}

@test "README:49: make uninstall" {
	skip 'removes what make install put outside the test directory'
}

@test "README:50: make sanitize" {
	skip 'the test suite itself, on another build'
}

@test "README:51: make valgrind" {
	skip 'the test suite itself, under valgrind'
}

@test "README:52: make fuzz FUZZ_SECONDS=600" {
	skip 'minutes of fuzzing; .ci/run runs it'
}

@test "README:53: make bench" {
	skip 'the benchmark: minutes of work and peer tools'
}

@test "README:76: chain-agree list --state overdue,late examples/agreements.csv..." {
	man_example README 76
}

@test "README:81: chain-agree score --per month examples/agreements.csv" {
	man_example README 81
}

@test "README:86: chain-agree add -f agreements.csv --owner OM --counterpart PO..." {
	man_example README 86
}

@test "README:88: chain-agree set -f agreements.csv A044 --announce 2026-11-27 ..." {
	man_example README 88
}

@test "README:105: chain-agree set -f agreements.csv A044 --announce 2026-11-30 ..." {
	man_example README 105
}

@test "README:111: chain-agree reasons --by owner --as-of 2026-11-20 examples/ag..." {
	man_example README 111
}

@test "README:120: chain-agree log -f agreements.csv A044" {
	man_example README 120
}

@test "README:128: chain-agree score --as-of 2026-06-01 examples/agreements.csv" {
	man_example README 128
}

@test "README:136: printf 'nr;wie;uiterlijkrnA1;OM;1-12-2026rn' > register.csv" {
	man_example README 136
}

@test "README:137: chain-agree status --column owner=wie --column due=uiterlijk ..." {
	man_example README 137
}

@test "README:148: chain-kpi summary --plan examples/plan.csv --baseline 12 --ch..." {
	man_example README 148
}

@test "README:154: chain-kpi leadtime --per week --from Report --to Close --kpi ..." {
	man_example README 154
}

@test "README:156: chain-kpi handoffs examples/events.csv" {
	man_example README 156
}

@test "README:166: chain-kpi leadtime --unit workdays --holidays examples/holida..." {
	man_example README 166
}

@test "README:173: 0 7 * * MON  cd /srv/chain && chain-agree list --state overdu..." {
	man_example README 173
}

@test "README:180: chain-survey compare --instrument trust --from 2026-05 --to 2..." {
	man_example README 180
}

@test "README:188: chain-survey matrix --instrument trust --wave 2026-11 --excel..." {
	man_example README 188
}

@test "README:190: chain-survey network --instrument trust --wave 2026-11 exampl..." {
	man_example README 190
}

@test "README:192: chain-survey items --instrument trust --lang nl -o vragenlijs..." {
	man_example README 192
}

@test "README:200: chain-agree status --as-of 2026-11-20 agreements.csv > status..." {
	man_example README 200
}

@test "README:201: chain-agree reasons --by owner --as-of 2026-11-20 agreements...." {
	man_example README 201
}

@test "README:202: chain-kpi summary --plan plan.csv --changes changes.csv measu..." {
	man_example README 202
}

@test "README:204: chain-survey compare --instrument trust --from 2026-05 --to 2..." {
	man_example README 204
}

@test "README:206: chain-report --chain 'Safety and care chain Oosterveld' --as-..." {
	man_example README 206
}

@test "README:220: 0 7 * * MON  cd /srv/chain && sh weekly.sh && chain-report --..." {
	man_example README 220
}

@test "README:225: chromium --headless --no-sandbox --print-to-pdf=report.pdf --..." {
	skip 'tests/browser.bats prints the report with Chromium'
}
