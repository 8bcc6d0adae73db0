#!/usr/bin/python3
# demo_listeners.py: the demo's Python plugins
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Listeners written the way a Python plugin would: plain functions attached
# to the default dispatcher by Mibew's event names and priorities (through
# the `listen` decorator, which also reports them to the demo). They read
# and change the arguments objects with the MibewEvents override's
# attribute access (thread.user_name, args.message_body = ...).
#
# The demo's C host (mibew-demo) starts this script as a plugin host and
# forwards the events listed here; see mibew_plugin_host.py. Run
# `_build/bindings-examples/run-demo` to see them react.

import collections
import re
import sys

from mibew_plugin_host import PluginHost

host = PluginHost('Python')
listen = host.listen
say = host.say


# --- a visitor is tracked by the widget (notification) ----------------------

visits = collections.Counter()


@listen('visitorTrack', 0, 'visit-counter')
def count_visit(events, args):
    visitor = args.visitor
    visits[visitor.visitorid] += 1
    say('visitor #%d (%s) is on %s: page view %d' % (visitor.visitorid, visitor.username, visitor.entry,
                                                     visits[visitor.visitorid]))


# --- a Slack notifier (notifications: it only reads thread.userName) --------

@listen('threadCreate', 0, 'slack-notifier')
def notify_new_chat(events, args):
    thread = args.thread
    say('→ #support: "New chat #%d from %s (%s)"' % (thread.id, thread.user_name, thread.remote))


@listen('threadClose', 10, 'slack-notifier')
def notify_closed_chat(events, args):
    thread = args.thread
    say('→ #support: "Chat #%d with %s closed by %s, %d messages"'
        % (thread.id, thread.user_name, thread.agent_name, thread.message_count))


# --- mask e-mail addresses and card numbers (alters message_body) -----------

EMAIL = re.compile(r'\b([A-Za-z0-9])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+\.[A-Za-z]{2,})\b')
CARD = re.compile(r'\b(?:\d[ -]?){12,15}(\d{4})\b')


@listen('threadPostMessage', 0, 'mask-contacts')
def mask_contacts(events, args):
    body = args.message_body
    masked = EMAIL.sub(lambda m: '%s***@%s' % (m.group(1), m.group(2)), body)
    masked = CARD.sub(lambda m: '**** **** **** ' + m.group(1), masked)
    if masked == body:
        say('unchanged')
        return None
    say('body: “%s” → “%s”' % (body, masked))
    args.message_body = masked     # the next listener and the core see it


# --- a custom key on every message sent to a chat window --------------------

POSITIVE = {'thanks', 'thank', 'good', 'great', 'free', 'glad'}
NEGATIVE = {'not', 'problem', 'broken', 'late', 'wrong', 'missing', 'never'}


@listen('threadGetMessagesAlter', 0, 'sentiment')
def add_sentiment(events, args):
    labels = []
    for message in args.messages:                 # a Gio.ListStore of Message
        words = set(re.findall(r"[a-z']+", message.message.lower()))
        score = len(words & POSITIVE) - len(words & NEGATIVE)
        label = 'positive' if score > 0 else 'negative' if score < 0 else 'neutral'
        message.set_string('sentiment', label)    # a key Mibew does not know
        labels.append('#%d %s' % (message.id, label))
    say('+sentiment on %d messages: %s' % (len(labels), ', '.join(labels)))


# --- "real ban": banned visitors' threads leave the operators' list ---------

@listen('usersUpdateThreadsAlter', 0, 'real-ban')
def drop_banned_threads(events, args):
    threads = args.threads                        # a Gio.ListStore of ListThread
    before = ['#%d %s' % (t.id, t.user_name) for t in threads]
    removed = []
    for i in reversed(range(threads.get_n_items())):
        thread = threads.get_item(i)
        if not thread.is_null('ban'):             # `ban` is false or {id, reason}
            removed.append('#%d banned: %s' % (thread.id, thread.get_object('ban').get_string_member('reason')))
            threads.remove(i)
    after = ['#%d %s' % (t.id, t.user_name) for t in threads]
    say('threads: [%s] → [%s]%s' % (', '.join(before), ', '.join(after),
                                    ' (%s)' % '; '.join(removed) if removed else ''))


if __name__ == '__main__':
    sys.exit(host.serve())
