# seed-kpi.sh: sourced by seed.sh; measurements for check and summary,
# event logs for leadtime and handoffs (see fuzz_kpi.c for the indexes).
head -200 "$root/examples/measurements.csv" > "$out/measurements.csv"
head -200 "$root/examples/events.csv" > "$out/events.csv"
seed kpi "$out/measurements.csv" 0 1 3
seed kpi "$root/examples/plan.csv" 2 9
seed kpi "$out/events.csv" 4 5 6 7 8
# measurements that are their own changes file: a note on every row
{
	echo kpi,period,value,note
	sed -n '2,30s/^\([^,]*\),\([^,]*\),[^,]*,\(.*\)$/\1,\2,\3,change/p' \
	    "$root/examples/measurements.csv"
} > "$out/changes.csv"
seed kpi "$out/changes.csv" 10
[ ! -f "$root/../shared/data/roadtraffic100traces.csv" ] ||
	seed kpi "$root/../shared/data/roadtraffic100traces.csv" 4 7
