#!/bin/sh
# weekly.sh: the weekly run of the example chain, as a crontab line starts it.
# Reads the chain's files from the directory it is in and writes the week's
# results to out/ in the directory it is run from (CHAIN_OUT names another),
# so that "cd /srv/chain && sh weekly.sh" fills /srv/chain/out and make demo
# fills out/ at the top of the tree.  CHAIN_AS_OF replays a week (default: the week the example files
# describe); CHAIN_BIN says where the programs are (default: on PATH).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out=${CHAIN_OUT:-$PWD/out}
as_of=${CHAIN_AS_OF:-2026-11-20}
if [ -n "${CHAIN_BIN:-}" ]; then
	PATH=$CHAIN_BIN:$PATH
fi
mkdir -p "$out"
cd "$here"

# The agreements register: a problem in it stops the run (exit 3).
chain-agree check --partners partners.csv agreements.csv
chain-agree status --as-of "$as_of" -o "$out/agreements-status.csv" agreements.csv
chain-agree score --as-of "$as_of" -o "$out/agreements-score.csv" agreements.csv
chain-agree score --per month --as-of "$as_of" -o "$out/agreements-trend.csv" agreements.csv
chain-agree matrix --as-of "$as_of" -o "$out/agreements-matrix.csv" agreements.csv
# Why promises break: the reasons of the deviations, per partner who promised.
chain-agree reasons --by owner --as-of "$as_of" -o "$out/reasons.csv" agreements.csv
# Who comes to the chain meeting: attendance, regrets in time (two working
# days ahead, the holidays counted) and absences without notice.
chain-agree attendance --holidays holidays.csv --as-of "$as_of" -o "$out/attendance.csv" meetings.csv

# The chain plan's KPIs: real change or noise, and will the targets be met?
# changes.csv records where the process behind a KPI changed, and why: the
# joint intake desk that opened in 2026-W14 changed the lead time (new
# limits from there), not the cost per case.  The report draws each change.
chain-kpi check --plan plan.csv --baseline 12 --changes changes.csv --as-of "$as_of" -o "$out/kpi-check.csv" measurements.csv
chain-kpi summary --plan plan.csv --baseline 12 --changes changes.csv --as-of "$as_of" -o "$out/kpi-summary.csv" measurements.csv

# Lead times from report to close, per case and per week, and where cases
# wait; the weekly lead times go straight into a control chart.
chain-kpi leadtime --from Report --to Close --norm 60d --as-of "$as_of" -o "$out/leadtime-cases.csv" events.csv
chain-kpi leadtime -q --per week --from Report --to Close --norm 60d --kpi chain --as-of "$as_of" events.csv |
	chain-kpi check --as-of "$as_of" -o "$out/leadtime-check.csv"
chain-kpi handoffs --as-of "$as_of" -o "$out/handoffs.csv" events.csv

# The survey of the partners' trust in each other, twice a year: scores per
# partner and wave, who trusts whom and how that hangs together as a
# network, the change between the last two waves, and the reliability of
# the instrument.  A bad answer stops the run (exit 3).
waves="survey-2026-05.csv survey-2026-11.csv"
chain-survey score --instrument trust -o "$out/survey-score.csv" $waves
chain-survey matrix --instrument trust --wave 2026-11 -o "$out/survey-matrix.csv" $waves
chain-survey network --instrument trust --wave 2026-11 -o "$out/survey-network.csv" $waves
chain-survey compare --instrument trust --from 2026-05 --to 2026-11 -o "$out/survey-compare.csv" $waves
chain-survey alpha --instrument trust -o "$out/survey-alpha.csv" $waves

# The weekly PDCA report, hard and soft side by side, for the chain meeting,
# from everything above (each file recognised by its header): HTML to print
# or mail, Markdown for the wiki, the Act list for a sheet.  The Act lists
# of earlier weeks are kept (actions-YYYY-Www.csv) and read back, so that
# each point says since when it stands and what was resolved shows; the
# history keeps the week's figures, a rerun of a week replacing its row.
# The plan, the partner list, who signed the plan and the process changes
# go along with them.
cp plan.csv partners.csv signatures.csv changes.csv "$out/"
week=$(date -d "$as_of" +%G-W%V)
set -- "$out"/*.csv
chain-report --chain "Safety and care chain Oosterveld" --as-of "$as_of" \
    --history "$out/history.csv" -o "$out/report.html" \
    --actions "$out/actions-$week.csv" "$@"
chain-report --chain "Safety and care chain Oosterveld" --as-of "$as_of" \
    --format md -o "$out/report.md" "$@"
echo "weekly: the report of the week of $as_of is $out/report.html"
