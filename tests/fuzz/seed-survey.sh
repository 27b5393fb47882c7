# seed-survey.sh: sourced by seed.sh; a wave of answers for every command
# (see fuzz_survey.c), an instrument for --items.
head -40 "$root/examples/survey-2026-05.csv" > "$out/survey.csv"
seed survey "$out/survey.csv" 0 1 2 3 4 7 8
seed survey "$root/examples/instruments/trust.csv" 5 6
