<?php
/*
 * A few TAP helpers for the PHP tests (meson's protocol: 'tap').
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

final class Tap
{
    private static $count = 0;
    private static $failed = 0;
    private static $prefix = '';

    public static function group($name)
    {
        self::$prefix = $name . ': ';
    }

    public static function ok($condition, $name, $diagnostics = null)
    {
        self::$count++;
        if ($condition) {
            echo 'ok ', self::$count, ' - ', self::$prefix, $name, "\n";
        } else {
            self::$failed++;
            echo 'not ok ', self::$count, ' - ', self::$prefix, $name, "\n";
            if ($diagnostics !== null) {
                foreach (explode("\n", is_string($diagnostics) ? $diagnostics : var_export($diagnostics, true)) as $line) {
                    echo '# ', $line, "\n";
                }
            }
        }

        return (bool)$condition;
    }

    /** Strict equality (===), with both values shown when they differ. */
    public static function is($got, $expected, $name)
    {
        return self::ok($got === $expected, $name, $got === $expected ? null
            : "got:      " . var_export($got, true) . "\nexpected: " . var_export($expected, true));
    }

    public static function done()
    {
        echo '1..', self::$count, "\n";
        exit(self::$failed ? 1 : 0);
    }
}

// Warnings, notices and deprecations are failures.
error_reporting(E_ALL);
set_error_handler(function ($severity, $message, $file, $line) {
    if (!(error_reporting() & $severity)) {
        return false;
    }
    if (isset($GLOBALS['TAP_EXPECTED_WARNINGS']) && is_array($GLOBALS['TAP_EXPECTED_WARNINGS'])) {
        $GLOBALS['TAP_EXPECTED_WARNINGS'][] = $message;

        return true;
    }
    Tap::ok(false, sprintf('no PHP error: %s at %s:%d', $message, $file, $line));

    return true;
});

/** Runs $code and returns the warnings it raised. */
function tap_warnings(callable $code)
{
    $GLOBALS['TAP_EXPECTED_WARNINGS'] = array();
    try {
        $code();
    } finally {
        $warnings = $GLOBALS['TAP_EXPECTED_WARNINGS'];
        unset($GLOBALS['TAP_EXPECTED_WARNINGS']);
    }

    return $warnings;
}
