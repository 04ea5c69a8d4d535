#!/bin/sh
# The real binary on a private display and bus: one instance per data
# folder, private permissions on what it creates, and a clean quit.
set -u
backcare="$1"
n=0
failed=0

ok () {
  n=$((n + 1))
  if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=1; fi
}

count_windows () {
  xdotool search --onlyvisible --name '^BackCare$' 2>/dev/null | wc -l
}

wait_for_windows () {
  i=0
  while [ "$(count_windows)" -lt "$1" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
}

data="$XDG_DATA_HOME/backcare"

"$backcare" >"$BACKCARE_TEST_WORLD/first.log" 2>&1 &
first=$!
wait_for_windows 1
[ "$(count_windows)" = 1 ]; ok $? "the first launch opens one window"

timeout 20 "$backcare"; rc=$?
[ "$rc" = 0 ]; ok $? "a second launch hands over to the first and exits 0 (rc $rc)"
sleep 0.5
[ "$(count_windows)" = 1 ]; ok $? "still exactly one window"
kill -0 "$first" 2>/dev/null; ok $? "the first instance is still running"

[ "$(stat -c %a "$data")" = 700 ]; ok $? "data folder is 0700 ($(stat -c %a "$data"))"
[ "$(stat -c %a "$data/backcare.db")" = 600 ]; ok $? "database is 0600"
[ "$(stat -c %a "$data/backcare.db-wal")" = 600 ]; ok $? "its -wal file is 0600"

other="$BACKCARE_TEST_WORLD/other-data"
"$backcare" --data-dir "$other" >"$BACKCARE_TEST_WORLD/other.log" 2>&1 &
second=$!
wait_for_windows 2
[ "$(count_windows)" = 2 ]; ok $? "another --data-dir runs as its own instance with its own window"
[ -f "$other/backcare.db" ]; ok $? "and keeps its data in that folder"
kill "$second"; wait "$second" 2>/dev/null

gdbus call --session --dest org.example.BackCare --object-path /org/example/BackCare \
  --method org.gtk.Actions.Activate quit '[]' '{}' >/dev/null; ok $? "app.quit is reachable on the bus"
i=0
while kill -0 "$first" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
wait "$first"; rc=$?
[ "$rc" = 0 ]; ok $? "quit ends the process with 0 (rc $rc)"
! grep -q -i -E "critical|warning" "$BACKCARE_TEST_WORLD/first.log"; ok $? "no warnings on stderr: $(head -c 300 "$BACKCARE_TEST_WORLD/first.log")"

echo "1..$n"
exit $failed
