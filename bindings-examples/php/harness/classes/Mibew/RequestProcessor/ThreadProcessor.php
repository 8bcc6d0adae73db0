<?php
/*
 * mibew-events PHP harness: a stand-in for Mibew's ThreadProcessor (a
 * singleton).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

namespace Mibew\RequestProcessor;

class ThreadProcessor extends AbstractProcessor
{
    /** @var ThreadProcessor|null */
    protected static $instance = null;

    public static function getInstance()
    {
        if (is_null(static::$instance)) {
            static::$instance = new static();
        }

        return static::$instance;
    }
}
