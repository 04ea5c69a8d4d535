#!/bin/sh
# The command line of the real binary, with no display at all.
set -u
backcare="$1"
n=0
failed=0

ok () {
  n=$((n + 1))
  if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=1; fi
}

out=$("$backcare" --version 2>&1); rc=$?
[ "$rc" = 0 ] && [ "$out" = "BackCare 0.1.0" ]; ok $? "--version prints the version (got '$out', rc $rc)"

out=$("$backcare" --help 2>&1); rc=$?
echo "$out" | grep -q -- "--data-dir=DIR"; ok $? "--help lists --data-dir (rc $rc)"
[ "$rc" = 0 ]; ok $? "--help exits 0"

err=$("$backcare" --no-such-option 2>&1 >/dev/null); rc=$?
[ "$rc" = 2 ]; ok $? "an unknown option is a usage error, exit 2 (got $rc)"
[ "$(printf '%s\n' "$err" | wc -l)" = 1 ] && echo "$err" | grep -q "no-such-option"; ok $? "one line names the bad option: $err"

err=$("$backcare" --data-dir= 2>&1 >/dev/null); rc=$?
[ "$rc" = 2 ]; ok $? "an empty --data-dir is a usage error, exit 2 (got $rc: $err)"

err=$("$backcare" --data-dir 2>&1 >/dev/null); rc=$?
[ "$rc" = 2 ]; ok $? "--data-dir without a folder is a usage error, exit 2 (got $rc)"

[ ! -e "$XDG_DATA_HOME/backcare" ]; ok $? "none of that created a data folder"

echo "1..$n"
exit $failed
