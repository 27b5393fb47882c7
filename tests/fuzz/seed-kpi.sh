# seed-kpi.sh: sourced by seed.sh; measurements for check and summary,
# event logs for leadtime and handoffs (see fuzz_kpi.c for the indexes).
head -200 "$root/examples/measurements.csv" > "$out/measurements.csv"
head -200 "$root/examples/events.csv" > "$out/events.csv"
seed kpi "$out/measurements.csv" 0 1 3
seed kpi "$root/examples/plan.csv" 2 9
seed kpi "$out/events.csv" 4 5 6 7 8 11
# measurements that are their own changes file: a note on every row
{
	echo kpi,period,value,note
	sed -n '2,30s/^\([^,]*\),\([^,]*\),[^,]*,\(.*\)$/\1,\2,\3,change/p' \
	    "$root/examples/measurements.csv"
} > "$out/changes.csv"
seed kpi "$out/changes.csv" 10
# an event log that is its own holidays file: a date column beside
{ sed -n '1s/$/,date/p' "$out/events.csv"; sed -n '2,100s/$/,2025-12-25/p' \
    "$out/events.csv"; } > "$out/events-holidays.csv"
seed kpi "$out/events-holidays.csv" 12
[ ! -f "$root/../shared/data/roadtraffic100traces.csv" ] ||
	seed kpi "$root/../shared/data/roadtraffic100traces.csv" 4 7
