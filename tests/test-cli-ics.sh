#!/bin/sh
# Appointments as iCalendar from a shell: no display, real data folders,
# exit codes 0 / 1 (data) / 2 (usage) with one line on stderr.
set -u
backcare="$1"
fixtures="$(dirname "$0")/fixtures/ics"
n=0
failed=0
w="$BACKCARE_TEST_WORLD"

ok () {
  n=$((n + 1))
  if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=1; fi
}

out=$("$backcare" --data-dir "$w/a" --import "$fixtures/google.ics" 2>&1); rc=$?
[ "$rc" = 0 ] && echo "$out" | grep -q "Imported 4 new and 0 updated"; ok $? "--import FILE.ics exits 0: $out"

out=$("$backcare" --data-dir "$w/a" --export-appointments "$w/one.ics" 2>&1); rc=$?
[ "$rc" = 0 ] && grep -q "RRULE:FREQ=WEEKLY" "$w/one.ics"; ok $? "--export-appointments writes the file: $out"

"$backcare" --data-dir "$w/b" --import "$w/one.ics" >/dev/null 2>&1
"$backcare" --data-dir "$w/b" --export-appointments "$w/two.ics" >/dev/null 2>&1
cmp -s "$w/one.ics" "$w/two.ics"; ok $? "export → import elsewhere → export is byte-identical"

out=$("$backcare" --data-dir "$w/a" --import "$w/one.ics" 2>&1); rc=$?
[ "$rc" = 0 ] && echo "$out" | grep -q "0 new and 4 updated"; ok $? "importing again updates: $out"

before=$(sha256sum "$w/a/backcare.db" | cut -d' ' -f1)
printf 'not a calendar\n' > "$w/junk.ics"
err=$("$backcare" --data-dir "$w/a" --import "$w/junk.ics" 2>&1 >/dev/null); rc=$?
[ "$rc" = 1 ] && [ "$(printf '%s\n' "$err" | wc -l)" = 1 ]; ok $? "a junk .ics exits 1 with one line: $err"
[ "$before" = "$(sha256sum "$w/a/backcare.db" | cut -d' ' -f1)" ]; ok $? "and changes nothing"

err=$("$backcare" --data-dir "$w/a" --export-appointments "$w/x.txt" 2>&1 >/dev/null); rc=$?
[ "$rc" = 2 ] && [ "$(printf '%s\n' "$err" | wc -l)" = 1 ]; ok $? "a wrong extension exits 2: $err"

err=$("$backcare" --data-dir "$w/a" --export-appointments "$w/x.ics" --import "$w/one.ics" 2>&1 >/dev/null); rc=$?
[ "$rc" = 2 ]; ok $? "two commands exit 2: $err"

err=$("$backcare" --data-dir "$w/a" --export-appointments 2>&1 >/dev/null); rc=$?
[ "$rc" = 2 ]; ok $? "a missing FILE exits 2: $err"

echo "1..$n"
exit $failed
