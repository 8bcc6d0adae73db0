#!/bin/sh
# test-run-demo.sh RUN-DEMO [LANGUAGE...]: the 'integration' test of the demo
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Runs the generated run-demo script and checks that it exits with status 0,
# that it finishes within 5 seconds, and that its output proves that the
# listeners of each LANGUAGE (C, Python, GJS) reacted to the session's
# events.

set -u

run_demo=$1
shift
out=$(mktemp)
trap 'rm -f "$out"' EXIT

ms () {
  echo $(( $(date +%s%N) / 1000000 ))
}

start=$(ms)
"$run_demo" >"$out" 2>&1
status=$?
elapsed=$(( $(ms) - start ))
cat "$out"
echo "--- run-demo exited with status $status after ${elapsed} ms"

failed=0
fail () {
  echo "FAIL: $*"
  failed=1
}

[ "$status" -eq 0 ] || fail "run-demo exited with status $status"
[ "$elapsed" -le 5000 ] || fail "run-demo took ${elapsed} ms (more than 5 s)"

# marker: an extended regular expression that must match a line
expect () {
  grep -Eq -- "$1" "$out" || fail "no line matching: $1"
}

expect '^demo OK$'
expect '^[0-9]+ of [0-9]+ expected effects present$'
for event in visitorCreate visitorTrack widgetResponseAlter threadCreate threadUserIsReady \
             threadPostMessage threadGetMessagesAlter usersUpdateVisitorsAlter \
             usersUpdateThreadsAlter threadFunctionCall threadClose; do
  expect "^ *\\[$event\\] "
done

for language in "$@"; do
  case $language in
    C)
      expect '^ +C +useful-func +handlers: \[\] '           # the seed's widget handler
      expect '^ +C +microtime +results: \{\} '              # the seed's microtime
      expect '^ +C +tidy-whitespace +body: '
      expect '^ +C +first-message +posts a greeting'
      expect '^ +C +geoip +#17 \+geo '
      ;;
    Python)
      expect '^ +Python +visit-counter +visitor #17 '
      expect '^ +Python +slack-notifier +.*New chat #42 from Ann Smith'
      expect '^ +Python +mask-contacts +body: .*a\*\*\*@example\.com'
      expect '^ +Python +sentiment +\+sentiment on 6 messages'
      expect '^ +Python +real-ban +threads: '
      expect 'listeners run: .*Python [1-9]'
      ;;
    GJS)
      expect '^ +GJS +greeter +handlers: '
      expect '^ +GJS +agent-notes +kind: AGENT '
      expect '^ +GJS +api-audit +microtime'
      expect '^ +GJS +waiting-badge +#42 \+waitingLabel'
      expect 'listeners run: .*GJS [1-9]'
      ;;
    *)
      fail "unknown language $language"
      ;;
  esac
done

exit $failed
