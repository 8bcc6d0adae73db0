# servelog.py: a child process that logs into a file, and waiting for a
# line of that log; shared by the tests that run `mibew-events serve`
# (tests/integration/test_serve.py, tests/e2e/test_e2e.py and, through it,
# tests/reliability)
#
# SPDX-License-Identifier: LGPL-2.1-or-later

import re
import time


class LoggedProcess:
    """A mixin for a class with `proc` (a subprocess.Popen) and `log_path`
    (the file its standard output and error go to)."""

    TIMEOUT = 20        # seconds: any one wait

    def text(self):
        """The log so far."""
        with open(self.log_path, 'rb') as f:
            return f.read().decode('utf-8', 'replace')

    def wait_for(self, pattern, start=0, timeout=None):
        """The first match of @pattern (a string or a compiled regex; a
        string is compiled with re.M) in the log after offset @start. Fails
        when the process exits first or @timeout seconds pass."""
        timeout = self.TIMEOUT if timeout is None else timeout
        regex = re.compile(pattern, re.M) if isinstance(pattern, str) else pattern
        deadline = time.monotonic() + timeout
        while True:
            text = self.text()
            m = regex.search(text, start)
            if m:
                return m
            if self.proc.poll() is not None:
                raise AssertionError('serve exited with %s before logging %r:\n%s'
                                     % (self.proc.returncode, regex.pattern, text))
            if time.monotonic() > deadline:
                raise AssertionError('serve did not log %r within %d s:\n%s'
                                     % (regex.pattern, timeout, text))
            time.sleep(0.02)
