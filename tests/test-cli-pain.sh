#!/bin/sh
# The pain log as CSV from a shell: no display, real data folders, exit
# codes 0 / 1 (data) / 2 (usage) with one line on stderr, nothing changed
# on error.
set -u
backcare="$1"
n=0
failed=0
w="$BACKCARE_TEST_WORLD"

ok () {
  n=$((n + 1))
  if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=1; fi
}

one_line () {
  [ "$(printf '%s\n' "$1" | wc -l)" = 1 ]
}

[ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; ok $? "no display is available"

# Three rows as BackCare writes them: sorted by time, LF line ends,
# quotes only where needed, a note over two lines, non-Latin text.
printf '%s\n' \
  'time,intensity,areas,quality,numbness,tingling,radiating,sleep,helped,note' \
  '2026-11-23T08:15:00+01:00,5,lower-back-left;neck,aching;sharp,0,0,0,poor,heat;rest,"Said ""ouch"", then rested"' \
  '2026-11-24T07:30:00+01:00,7,buttock-left,sharp,1,1,1,fair,massage,"Pain down the leg' \
  'after gardening"' \
  '2026-11-25T21:00:00-05:00,3,,,0,0,0,good,,腰痛が少し良くなった' > "$w/log.csv"

out=$("$backcare" --data-dir "$w/a" --import "$w/log.csv" 2>&1); rc=$?
[ "$rc" = 0 ] && echo "$out" | grep -q "Imported 3 pain log entries"; ok $? "--import FILE.csv exits 0: $out"

out=$("$backcare" --data-dir "$w/a" --export-pain-log "$w/one.csv" 2>&1); rc=$?
[ "$rc" = 0 ] && echo "$out" | grep -q "Exported 3 pain log entries"; ok $? "--export-pain-log writes the file: $out"

cmp -s "$w/log.csv" "$w/one.csv"; ok $? "the export is the imported file, byte for byte"

out=$("$backcare" --data-dir "$w/a" --import "$w/one.csv" 2>&1); rc=$?
[ "$rc" = 0 ] && echo "$out" | grep -q "Imported 0 pain log entries" &&
  echo "$out" | grep -q "3 were already there"; ok $? "importing it again adds nothing: $out"

out=$("$backcare" --data-dir "$w/b" --profile "Ana Souza" --import "$w/one.csv" 2>&1); rc=$?
[ "$rc" = 0 ] && echo "$out" | grep -q "new profile"; ok $? "--import into an unknown profile creates it: $out"

"$backcare" --data-dir "$w/b" --profile "Ana Souza" --export-pain-log "$w/two.csv" >/dev/null 2>&1
cmp -s "$w/one.csv" "$w/two.csv"; ok $? "export → import elsewhere → export is byte-identical"

out=$("$backcare" --data-dir "$w/b" --profile "Me" --export-pain-log "$w/empty.csv" 2>&1); rc=$?
[ "$rc" = 0 ] && [ "$(cat "$w/empty.csv")" = "time,intensity,areas,quality,numbness,tingling,radiating,sleep,helped,note" ]
ok $? "an empty log exports the header alone: $out"

printf 'time,intensity,areas,quality,numbness,tingling,radiating,sleep,helped,note\r\n2026-12-01T09:00:00+01:00,4,,,0,0,0,,,crlf\r\n' > "$w/crlf.CSV"
out=$("$backcare" --data-dir "$w/b" --profile "Ana Souza" --import "$w/crlf.CSV" 2>&1); rc=$?
[ "$rc" = 0 ] && echo "$out" | grep -q "Imported 1 pain log entry"; ok $? "CRLF and an upper-case extension are read: $out"

before=$(sha256sum "$w/b/backcare.db" | cut -d' ' -f1)

{
  printf '%s\n' 'time,intensity,areas,quality,numbness,tingling,radiating,sleep,helped,note'
  printf '%s\n' '2026-12-02T09:00:00+01:00,4,,,0,0,0,,,good row'
  printf '%s\n' '2026-12-03T09:00:00+01:00,11,,,0,0,0,,,bad row'
} > "$w/bad.csv"
err=$("$backcare" --data-dir "$w/b" --profile "Nobody Yet" --import "$w/bad.csv" 2>&1 >/dev/null); rc=$?
[ "$rc" = 1 ] && one_line "$err" && echo "$err" | grep -q "Line 3: The intensity"
ok $? "a malformed row is a data error naming its line (rc $rc): $err"

err=$("$backcare" --data-dir "$w/b" --profile "Nobody Yet" --export-pain-log "$w/nobody.csv" 2>&1 >/dev/null); rc=$?
[ "$rc" = 1 ] && [ ! -e "$w/nobody.csv" ]; ok $? "and the profile it named was not created (rc $rc): $err"

printf 'time,intensity\n2026-12-03T09:00:00+01:00,"open\n' > "$w/quote.csv"
err=$("$backcare" --data-dir "$w/b" --import "$w/quote.csv" 2>&1 >/dev/null); rc=$?
[ "$rc" = 1 ] && one_line "$err"; ok $? "a bad header is a data error (rc $rc): $err"

printf 'time,intensity,areas,quality,numbness,tingling,radiating,sleep,helped,note\n2026-12-03T09:00:00+01:00,4,,,0,0,0,,,"open\n' > "$w/quote.csv"
err=$("$backcare" --data-dir "$w/b" --import "$w/quote.csv" 2>&1 >/dev/null); rc=$?
[ "$rc" = 1 ] && one_line "$err" && echo "$err" | grep -q "Line 2: A quoted field is not closed"
ok $? "an unclosed quote is a data error (rc $rc): $err"

truncate -s 65M "$w/huge.csv"
err=$("$backcare" --data-dir "$w/b" --import "$w/huge.csv" 2>&1 >/dev/null); rc=$?
[ "$rc" = 1 ] && one_line "$err" && echo "$err" | grep -q "64 MiB"; ok $? "a file over 64 MiB is refused unread (rc $rc): $err"

err=$("$backcare" --data-dir "$w/b" --import "$w/missing.csv" 2>&1 >/dev/null); rc=$?
[ "$rc" = 1 ] && one_line "$err"; ok $? "a missing file is a data error (rc $rc): $err"

err=$("$backcare" --data-dir "$w/b" --import "$w/log.txt" 2>&1 >/dev/null); rc=$?
[ "$rc" = 2 ] && one_line "$err"; ok $? "another extension is a usage error (rc $rc): $err"

err=$("$backcare" --data-dir "$w/b" --export-pain-log "$w/log.txt" 2>&1 >/dev/null); rc=$?
[ "$rc" = 2 ] && one_line "$err" && [ ! -e "$w/log.txt" ]; ok $? "exporting to another extension is a usage error (rc $rc): $err"

err=$("$backcare" --data-dir "$w/b" --export-pain-log 2>&1 >/dev/null); rc=$?
[ "$rc" = 2 ] && one_line "$err"; ok $? "--export-pain-log without a file is a usage error (rc $rc): $err"

err=$("$backcare" --data-dir "$w/b" --import "$w/one.csv" --export-pain-log "$w/q.csv" 2>&1 >/dev/null); rc=$?
[ "$rc" = 2 ] && one_line "$err" && [ ! -e "$w/q.csv" ]; ok $? "import and export together is a usage error (rc $rc): $err"

err=$("$backcare" --data-dir "$w/b" --export-plan "$w/p.backcare-plan" --export-pain-log "$w/q.csv" 2>&1 >/dev/null); rc=$?
[ "$rc" = 2 ] && [ ! -e "$w/q.csv" ]; ok $? "two exports together is a usage error (rc $rc): $err"

err=$("$backcare" --data-dir "$w/b" --export-pain-log "$w/p.csv" --paper a4 2>&1 >/dev/null); rc=$?
[ "$rc" = 2 ] && [ ! -e "$w/p.csv" ]; ok $? "--paper with the pain log is a usage error (rc $rc): $err"

printf 'x' > "$w/blocker"
err=$("$backcare" --data-dir "$w/b" --profile "Ana Souza" --export-pain-log "$w/blocker/z.csv" 2>&1 >/dev/null); rc=$?
[ "$rc" = 1 ] && one_line "$err"; ok $? "an unwritable path is a data error (rc $rc): $err"

after=$(sha256sum "$w/b/backcare.db" | cut -d' ' -f1)
[ "$before" = "$after" ]; ok $? "none of the failures changed the database"

echo "1..$n"
exit $failed
