#!/usr/bin/python3
# bridge_host.py: a real bridge server with Python listeners, for the PHP
# tests
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# A Python program hosting its own listeners and serving them over HTTP
# with the library's MibewBridgeServer, as design.md has it ("a Python or
# GJS program can host its own listeners and serve them without the C
# tool"):
#
#   bridge_host.py --listen 127.0.0.1:0 | --listen unix:PATH
#                  [--secret-file FILE] [--events a,b,...] [--no-listeners]
#                  [--dispatch serial|main-context]
#
# It attaches bridge_listeners.py's listeners (of the listed events only,
# with --events; none with --no-listeners), listens, and prints one line,
# "listening URL" (http://127.0.0.1:PORT or unix:PATH), once it accepts
# connections. It stops on SIGTERM or SIGINT, or when its stdin closes.

import argparse
import os
import signal
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import gi  # noqa: E402
gi.require_version('MibewEvents', '1.0')
gi.require_version('MibewBridge', '1.0')
from gi.repository import GLib, MibewBridge, MibewEvents  # noqa: E402

import bridge_listeners  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--listen', default='127.0.0.1:0')
    parser.add_argument('--secret-file')
    parser.add_argument('--events')
    parser.add_argument('--no-listeners', action='store_true')
    parser.add_argument('--dispatch', choices=['serial', 'main-context'], default='serial',
                        help="where the listeners run: the server's worker thread (the default) or its main context")
    options = parser.parse_args()

    dispatcher = MibewEvents.EventDispatcher.get_default()
    if not options.no_listeners:
        only = options.events.split(',') if options.events else None
        bridge_listeners.attach(dispatcher, only)

    server = MibewBridge.Server.new(dispatcher)
    if options.dispatch == 'main-context':
        server.set_dispatch_mode(MibewBridge.DispatchMode.MAIN_CONTEXT)
    if options.secret_file:
        server.load_secret_file(options.secret_file)
    if options.listen.startswith('unix:'):
        path = options.listen[len('unix:'):]
        server.listen_unix(path, 0o600, None, None)
        url = 'unix:' + path
    else:
        address, _, port = options.listen.rpartition(':')
        server.listen(address, int(port))
        url = 'http://%s:%d' % (address, server.get_port())

    loop = GLib.MainLoop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, signum, loop.quit)
    GLib.io_add_watch(GLib.IOChannel.unix_new(sys.stdin.fileno()), GLib.PRIORITY_DEFAULT,
                      GLib.IOCondition.HUP | GLib.IOCondition.IN | GLib.IOCondition.ERR,
                      lambda *a: (loop.quit(), False)[1])
    print('listening ' + url, flush=True)
    loop.run()
    return 0


if __name__ == '__main__':
    sys.exit(main())
