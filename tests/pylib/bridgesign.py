# bridgesign.py: signing requests to the bridge, for every Python test (the
# one copy of the protocol in Python; docs/bridge.md describes it)
#
# X-Mibew-Signature: sha256=<hex HMAC-SHA256(secret,
#     timestamp + "\n" + METHOD + " " + path + "\n" + body)>
#
# The path is the request's, without its query string.
#
# SPDX-License-Identifier: LGPL-2.1-or-later

import hashlib
import hmac
import time


def signature(secret, method, target, body, timestamp):
    """'sha256=<hex>' for a request to @target (a path, maybe with a query,
    which is not signed) with @body (bytes) at @timestamp (a string)."""
    if isinstance(secret, str):
        secret = secret.encode('utf-8')
    path = target.split('?', 1)[0]
    message = b'%s\n%s %s\n' % (timestamp.encode('ascii'), method.encode('ascii'), path.encode('utf-8'))
    return 'sha256=' + hmac.new(secret, message + (body or b''), hashlib.sha256).hexdigest()


def headers(secret, method, target, body, timestamp=None):
    """The two signature headers, for now unless @timestamp is given."""
    ts = timestamp or '%.6f' % time.time()
    return {'X-Mibew-Timestamp': ts, 'X-Mibew-Signature': signature(secret, method, target, body, ts)}
