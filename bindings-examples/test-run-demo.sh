#!/bin/sh
# test-run-demo.sh RUN-DEMO MODE [LANGUAGE...]: the 'integration' tests of the demo
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Runs the generated run-demo script and checks that it exits with status 0
# and that its output proves what the demo claims (how long it took is
# printed, not asserted: meson's timeout bounds it; speed is bench/'s). MODE is
#
#   bridge       run-demo (the default path): mibew-events serve with the
#                example plugins, driven by php-cli. Every event of the
#                session must be triggered; the forwarded ones must show the
#                plugins' effects, attributed to the right plugin and
#                language; the others must be reported as not forwarded;
#                the server must exit with status 0 after SIGTERM.
#   in-process   run-demo --in-process: the listeners of each LANGUAGE (C,
#                Python, GJS) must have reacted to the session's events.

set -u

run_demo=$1
mode=$2
shift 2
out=$(mktemp)
trap 'rm -f "$out"' EXIT

ms () {
  echo $(( $(date +%s%N) / 1000000 ))
}

case $mode in
  bridge) args= ;;
  in-process) args=--in-process ;;
  *) echo "test-run-demo.sh: unknown mode $mode"; exit 2 ;;
esac

start=$(ms)
"$run_demo" $args >"$out" 2>&1
status=$?
elapsed=$(( $(ms) - start ))
cat "$out"
echo "--- run-demo $args exited with status $status after ${elapsed} ms"

failed=0
fail () {
  echo "FAIL: $*"
  failed=1
}

[ "$status" -eq 0 ] || fail "run-demo exited with status $status"
echo "run-demo took ${elapsed} ms"

# marker: an extended regular expression that must match a line
expect () {
  grep -Eq -- "$1" "$out" || fail "no line matching: $1"
}
# the number of lines matching an extended regular expression
count () {
  grep -Ec -- "$1" "$out"
}
expect_count () {
  n=$(count "$2")
  [ "$n" -eq "$1" ] || fail "$n lines (not $1) matching: $2"
}

expect '^demo OK$'

if [ "$mode" = bridge ]; then
  # the server, its secret and its plugins
  expect '^run-demo: starting mibew-events serve on unix:/.*/bridge\.sock$'
  expect '--secret-file /.*/secret \(mode 600\), --plugin-dir /.*/bindings-examples/plugins$'
  expect '^run-demo: the server answers GET /v1/health: \{"status":"ok",.*"signed":true'
  expect '^The server \(mibew-events serve\) logged: 3 plugins active: Demo:Filter, Demo:Microtime, Demo:Waiting$'
  expect '^  GET /v1/events: listeners on threadFunctionCall \(1\), threadPostMessage \(1\), usersUpdateThreadsAlter \(1\), widgetResponseAlter \(1\)$'
  # one plugin per language, JavaScript in the server's main context
  expect '^  Demo:Filter +C +libdemo-filter\.so +listens to threadPostMessage \(documented\)$'
  expect '^  Demo:Microtime +Python +demo_microtime\.py +listens to threadFunctionCall, widgetResponseAlter \(documented\)$'
  expect '^  Demo:Waiting +JavaScript +demo_waiting\.js +listens to usersUpdateThreadsAlter \(documented\)$'
  expect '"dispatch":"main-context"'
  grep -q 'NOT ACTIVE' "$out" && fail "a plugin is not active"

  # every event of the session, in order
  session=$(grep -Eo '^  \[[A-Za-z]+\]' "$out" | tr -d ' []' | tr '\n' ' ')
  [ "$session" = "visitorCreate visitorTrack widgetResponseAlter threadCreate threadUserIsReady \
threadPostMessage threadPostMessage threadPostMessage threadPostMessage usersUpdateThreadsAlter \
threadFunctionCall widgetResponseAlter threadClose " ] || fail "the session's events: $session"
  # 5 events are not forwarded, 8 are
  expect_count 5 '^    not forwarded: no listener on the bridge'
  expect_count 8 '^    forwarded: POST /v1/events/[A-Za-z]+ \(1 request\), 1 listener\(s\) on the bridge$'

  # Demo:Filter (C): the bad words masked, the other messages left alone
  expect '^    C +Demo:Filter  message_body: "What the heck, it is a darn birthday present!" → "What the \*\*\*\*, it is a \*\*\*\* birthday present!"$'
  expect '^    => stored as message #3: “What the \*\*\*\*, it is a \*\*\*\* birthday present!”$'
  expect_count 3 '^    came back unchanged$'
  expect_count 1 'Demo:Filter  message_body:'
  # Demo:Microtime (Python): results.time, and usefulFunc on both polls
  expect '^    Python +Demo:Microtime  results\.time: \+ [0-9]+\.[0-9]+$'
  expect '^    => the chat window gets serverTime = [0-9]+\.[0-9]+$'
  expect_count 2 '^    Python +Demo:Microtime  response\.handlers: \[("updateUserId")?\] → \[("updateUserId",)?"usefulFunc"\]$'
  expect_count 2 '^    Python +Demo:Microtime  response\.dependencies\.usefulFunc: \+ \["the_lib","the_func"\]$'
  expect_count 2 '^    Python +Demo:Microtime  response\.load\.the_func: \+ "https://.*/plugins/Demo/Microtime/js/func\.js"$'
  expect_count 2 '^    Python +Demo:Microtime  response\.data\.usefulFunc: \+ \{"time":[0-9.]+\}$'
  # Demo:Waiting (JavaScript): the thread in the queue labelled, the chatting one not
  expect '^    JavaScript Demo:Waiting  threads\.1\.waitingLabel: \+ "waiting since 22:15:40 UTC"$'
  expect '^    => the operators see: #42 \(no label\), #43 waiting since 22:15:40 UTC$'
  expect_count 1 'Demo:Waiting  threads'
  # no change attributed to anyone else, nothing missing
  n=$(grep -Ec '^    (C|Python|JavaScript) +Demo:' "$out")
  [ "$n" -eq 13 ] || fail "$n changes attributed (not 13)"
  grep -Eq 'MISSING|FAILED' "$out" && fail "the output reports a failure"
  expect '^6 of 6 expected effects present$'
  # what the server saw, and how it stopped
  expect '^Mibew:GnomeBridge made 9 requests to the bridge \(GET /v1/events, then 8 events\) on 1 connection\(s\)$'
  expect "^The server's /metrics: events served threadFunctionCall 200 ×1, threadPostMessage 200 ×4, usersUpdateThreadsAlter 200 ×1, widgetResponseAlter 200 ×2; 0 listener failure\\(s\\)$"
  expect '^run-demo: stopping the server \(SIGTERM\)$'
  expect '^run-demo: the server exited with status 0$'
  exit $failed
fi

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
