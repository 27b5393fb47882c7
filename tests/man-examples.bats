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

@test "chain-agree.1:669: chain-agree list --state overdue --fail-on surprise examples/..." {
	man_example chain-agree.1 669
}

@test "chain-agree.1:675: chain-agree score --per month --as-of 2026-11-20 examples/agr..." {
	man_example chain-agree.1 675
}

@test "chain-agree.1:681: chain-agree matrix --excel -o matrix.csv examples/agreements.csv" {
	man_example chain-agree.1 681
}

@test "chain-agree.1:686: chain-agree add -f agreements.csv --owner OM --counterpart PO..." {
	man_example chain-agree.1 686
}

@test "chain-agree.1:690: chain-agree set -f agreements.csv A044 --announce 2026-11-27 ..." {
	man_example chain-agree.1 690
}

@test "chain-agree.1:697: chain-agree set -f agreements.csv A001 --done 2026-06-10 --co..." {
	man_example chain-agree.1 697
}

@test "chain-agree.1:698: chain-agree set -f agreements.csv A003 --announce 2026-06-18 ..." {
	man_example chain-agree.1 698
}

@test "chain-agree.1:704: chain-agree log -f agreements.csv A003 | cut -d, -f3-" {
	man_example chain-agree.1 704
}

@test "chain-agree.1:713: chain-agree reasons --by owner --as-of 2026-11-20 examples/ag..." {
	man_example chain-agree.1 713
}

@test "chain-agree.1:731: chain-agree list --state not-made --as-of 2026-11-01 examples..." {
	man_example chain-agree.1 731
}

@test "chain-agree.1:740: chain-agree check --partners examples/partners.csv examples/a..." {
	man_example chain-agree.1 740
}

@test "chain-kpi.1:553: chain-kpi summary --plan examples/plan.csv --baseline 12 --ch..." {
	man_example chain-kpi.1 553
}

@test "chain-kpi.1:578: chain-kpi check --plan examples/plan.csv --baseline 12 --chan..." {
	man_example chain-kpi.1 578
}

@test "chain-kpi.1:585: chain-kpi leadtime --per week --from Report --to Close --kpi ..." {
	man_example chain-kpi.1 585
}

@test "chain-kpi.1:592: chain-kpi leadtime --from Report --to Close --norm 60d --exce..." {
	man_example chain-kpi.1 592
}

@test "chain-kpi.1:598: chain-kpi handoffs examples/events.csv" {
	man_example chain-kpi.1 598
}

@test "chain-kpi.1:615: chain-kpi handoffs --partner concept:name roadtraffic.csv" {
	skip 'an event log from a process-mining tool, not shipped in examples/'
}

@test "chain-report.1:479: cd examples" {
	man_example chain-report.1 479
}

@test "chain-report.1:480: chain-agree status --as-of 2026-11-20 agreements.csv > status..." {
	man_example chain-report.1 480
}

@test "chain-report.1:481: chain-agree score --as-of 2026-11-20 agreements.csv > score.csv" {
	man_example chain-report.1 481
}

@test "chain-report.1:482: chain-report --chain 'Safety chain Oosterveld' --as-of 2026-1..." {
	man_example chain-report.1 482
}

@test "chain-report.1:490: chain-report --format md --lang nl -o report.md status.csv sc..." {
	man_example chain-report.1 490
}

@test "chain-report.1:492: chain-report --format txt --fail-on overdue status.csv > week..." {
	man_example chain-report.1 492
}

@test "chain-survey.1:712: chain-survey items" {
	man_example chain-survey.1 712
}

@test "chain-survey.1:713: chain-survey items --instrument trust --lang nl -o vragenlijs..." {
	man_example chain-survey.1 713
}

@test "chain-survey.1:718: chain-survey score --instrument trust examples/survey-2026-05..." {
	man_example chain-survey.1 718
}

@test "chain-survey.1:724: chain-survey matrix --instrument trust --wave 2026-11 --excel..." {
	man_example chain-survey.1 724
}

@test "chain-survey.1:731: chain-survey network --instrument trust --wave 2026-11 exampl..." {
	man_example chain-survey.1 731
}

@test "chain-survey.1:742: chain-survey compare --instrument trust --from 2026-05 --to 2..." {
	man_example chain-survey.1 742
}

@test "chain-survey.1:749: chain-survey alpha --instrument trust examples/survey-2026-05..." {
	man_example chain-survey.1 749
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

@test "README:38: make demo" {
	man_example README 38
}

@test "README:39: make check" {
	skip 'the test suite itself'
}

@test "README:47: make install PREFIX=/usr/local" {
	skip 'installs outside the test directory'
}

@test "README:48: make uninstall" {
	skip 'removes what make install put outside the test directory'
}

@test "README:49: make sanitize" {
	skip 'the test suite itself, on another build'
}

@test "README:50: make valgrind" {
	skip 'the test suite itself, under valgrind'
}

@test "README:51: make fuzz FUZZ_SECONDS=600" {
	skip 'minutes of fuzzing; .ci/run runs it'
}

@test "README:52: make bench" {
	skip 'the benchmark: minutes of work and peer tools'
}

@test "README:75: chain-agree list --state overdue,late examples/agreements.csv..." {
	man_example README 75
}

@test "README:80: chain-agree score --per month examples/agreements.csv" {
	man_example README 80
}

@test "README:85: chain-agree add -f agreements.csv --owner OM --counterpart PO..." {
	man_example README 85
}

@test "README:87: chain-agree set -f agreements.csv A044 --announce 2026-11-27 ..." {
	man_example README 87
}

@test "README:104: chain-agree set -f agreements.csv A044 --announce 2026-11-30 ..." {
	man_example README 104
}

@test "README:110: chain-agree reasons --by owner --as-of 2026-11-20 examples/ag..." {
	man_example README 110
}

@test "README:119: chain-agree log -f agreements.csv A044" {
	man_example README 119
}

@test "README:127: chain-agree score --as-of 2026-06-01 examples/agreements.csv" {
	man_example README 127
}

@test "README:135: printf 'nr;wie;uiterlijkrnA1;OM;1-12-2026rn' > register.csv" {
	man_example README 135
}

@test "README:136: chain-agree status --column owner=wie --column due=uiterlijk ..." {
	man_example README 136
}

@test "README:145: printf 'nr;eigenaar;omschrijving;deadlinernA1;GEM;Overleg met..." {
	man_example README 145
}

@test "README:146: chain-agree status --as-of 2026-11-20 excel.csv" {
	man_example README 146
}

@test "README:147: chain-agree add -f excel.csv --owner OM --due 2026-12-18 --ti..." {
	man_example README 147
}

@test "README:158: chain-kpi summary --plan examples/plan.csv --baseline 12 --ch..." {
	man_example README 158
}

@test "README:164: chain-kpi leadtime --per week --from Report --to Close --kpi ..." {
	man_example README 164
}

@test "README:166: chain-kpi handoffs examples/events.csv" {
	man_example README 166
}

@test "README:171: 0 7 * * MON  cd /srv/chain && chain-agree list --state overdu..." {
	man_example README 171
}

@test "README:178: chain-survey compare --instrument trust --from 2026-05 --to 2..." {
	man_example README 178
}

@test "README:186: chain-survey matrix --instrument trust --wave 2026-11 --excel..." {
	man_example README 186
}

@test "README:188: chain-survey network --instrument trust --wave 2026-11 exampl..." {
	man_example README 188
}

@test "README:190: chain-survey items --instrument trust --lang nl -o vragenlijs..." {
	man_example README 190
}

@test "README:198: chain-agree status --as-of 2026-11-20 agreements.csv > status..." {
	man_example README 198
}

@test "README:199: chain-agree reasons --by owner --as-of 2026-11-20 agreements...." {
	man_example README 199
}

@test "README:200: chain-kpi summary --plan plan.csv --changes changes.csv measu..." {
	man_example README 200
}

@test "README:202: chain-survey compare --instrument trust --from 2026-05 --to 2..." {
	man_example README 202
}

@test "README:204: chain-report --chain 'Safety and care chain Oosterveld' --as-..." {
	man_example README 204
}

@test "README:218: 0 7 * * MON  cd /srv/chain && sh weekly.sh && chain-report --..." {
	man_example README 218
}

@test "README:223: chromium --headless --no-sandbox --print-to-pdf=report.pdf --..." {
	skip 'tests/browser.bats prints the report with Chromium'
}
