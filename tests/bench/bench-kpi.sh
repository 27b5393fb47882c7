# bench-kpi.sh: chain-kpi on BENCH_MEASUREMENTS measurements (default
# 10,000,000: 50 KPIs by 8 partners over 104 weeks) against Miller, datamash
# and sqlite grouping the same file, and on BENCH_EVENTS case events
# (default 10,000,000 of 2,000,000 cases, grouped by case), in days and in
# working days; every per-case row has its rework and returns, every pair
# of handoffs its returns.  BENCH_PART=check or BENCH_PART=leadtime runs
# one of the two (the csvkit sample goes with check).
PART=${BENCH_PART:-all}
N_MEASUREMENTS=${BENCH_MEASUREMENTS:-10000000}
N_EVENTS=${BENCH_EVENTS:-10000000}
measurements=$D/measurements-$N_MEASUREMENTS.csv
small=$D/measurements-1000000.csv
plan=$D/plan-50.csv
if [ "$PART" != leadtime ]; then
[ -s "$measurements" ] || "$B/gen-kpi" measurements "$N_MEASUREMENTS" > "$measurements"
[ -s "$small" ] || "$B/gen-kpi" measurements 1000000 > "$small"
[ -s "$plan" ] || "$B/gen-kpi" plan > "$plan"

size=$(du -m "$measurements" | cut -f1)
header "chain-kpi check: $N_MEASUREMENTS measurements ($size MB), 5,200 KPI-weeks"
measure "libcsv read-only pass" "$B/csvpass $measurements"
measure "chain-kpi check --plan" "$BIN/chain-kpi check --plan $plan --as-of 2026-12-31 $measurements"
measure "chain-kpi check (no plan: every mean)" "$BIN/chain-kpi check --as-of 2026-12-31 $measurements"
measure "chain-kpi summary --plan" "$BIN/chain-kpi summary --plan $plan --as-of 2026-12-31 $measurements"
measure "chain-kpi check (1,000,000 rows: memory)" "$BIN/chain-kpi check --plan $plan --as-of 2026-12-31 $small"
if command -v mlr > /dev/null; then
	measure "mlr stats1 count,mean,min,max -g kpi,period" "mlr --icsv --ocsv stats1 -a count,mean,min,max -f value -g kpi,period $measurements"
fi
if command -v datamash > /dev/null; then
	measure "datamash -s -g kpi,period count,mean,min,max" "datamash -t, --header-in -s -g 1,2 count 4 mean 4 min 4 max 4 < $measurements"
fi
if command -v sqlite3 > /dev/null; then
	measure "sqlite3 import, GROUP BY kpi, period" "sqlite3 :memory: -cmd '.mode csv' -cmd '.import $measurements m' 'SELECT kpi, period, count(*), avg(value), min(value), max(value) FROM m GROUP BY kpi, period'"
fi
fi

if [ "$PART" != check ]; then
events=$D/events-$N_EVENTS.csv
[ -s "$events" ] || "$B/gen-kpi" events "$N_EVENTS" > "$events"
events_small=$D/events-1000000.csv
[ -s "$events_small" ] || "$B/gen-kpi" events 1000000 > "$events_small"
# the same events as a case system writes them: sorted by time
by_time=$D/events-1000000-by-time.csv
[ -s "$by_time" ] || { head -1 "$events_small"; tail -n +2 "$events_small" |
	sort -t, -k3,3; } > "$by_time"
size=$(du -m "$events" | cut -f1)
header "chain-kpi leadtime: $N_EVENTS events of $((N_EVENTS / 5)) cases ($size MB), grouped by case"
measure "libcsv read-only pass" "$B/csvpass $events"
measure "chain-kpi leadtime" "$BIN/chain-kpi leadtime --as-of 2026-12-31 $events"
measure "chain-kpi leadtime --per week --norm 30d" "$BIN/chain-kpi leadtime --per week --norm 30d --as-of 2026-12-31 $events"
measure "chain-kpi leadtime --from Assess --to Close" "$BIN/chain-kpi leadtime --from Assess --to Close --as-of 2026-12-31 $events"
measure "chain-kpi handoffs" "$BIN/chain-kpi handoffs --as-of 2026-12-31 $events"
measure "chain-kpi leadtime --unit workdays --holidays" "$BIN/chain-kpi leadtime --unit workdays --holidays examples/holidays.csv --as-of 2026-12-31 $events"
measure "chain-kpi leadtime --per week --unit workdays" "$BIN/chain-kpi leadtime --per week --norm 5d --unit workdays --as-of 2026-12-31 $events"
measure "chain-kpi handoffs --unit workdays --holidays" "$BIN/chain-kpi handoffs --unit workdays --holidays examples/holidays.csv --as-of 2026-12-31 $events"
measure "chain-kpi leadtime (1,000,000 events: memory)" "$BIN/chain-kpi leadtime --as-of 2026-12-31 $events_small"
measure "chain-kpi leadtime (1,000,000, sorted by time)" "$BIN/chain-kpi leadtime --as-of 2026-12-31 $by_time"
if command -v mlr > /dev/null; then
	measure "mlr stats1 min,max,count -g case" "mlr --icsv --ocsv stats1 -a min,max,count -f time -g case $events"
fi
if command -v sqlite3 > /dev/null; then
	measure "sqlite3 import, min/max time GROUP BY case" "sqlite3 :memory: -cmd '.mode csv' -cmd '.import $events e' 'SELECT \"case\", min(time), max(time), count(*) FROM e GROUP BY \"case\"'"
fi
fi

[ "$PART" = leadtime ] || {
sample=$D/measurements-100000.csv
[ -s "$sample" ] || head -n 100001 "$small" > "$sample"
header "chain-kpi check: 100,000 measurements, against csvkit"
measure "libcsv read-only pass" "$B/csvpass $sample"
measure "chain-kpi check --plan" "$BIN/chain-kpi check --plan $plan --as-of 2026-12-31 $sample"
if command -v csvsql > /dev/null; then
	measure_once "csvsql (one run) GROUP BY kpi, period" "csvsql --tables m --query 'SELECT kpi, period, count(*), avg(value), min(value), max(value) FROM m GROUP BY kpi, period' $sample"
fi
}
