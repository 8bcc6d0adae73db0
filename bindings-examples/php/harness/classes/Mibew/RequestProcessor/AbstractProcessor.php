<?php
/*
 * mibew-events PHP harness: a stand-in for Mibew's request processors,
 * reduced to what the events show of them.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

namespace Mibew\RequestProcessor;

use Mibew\EventDispatcher\EventDispatcher;

/**
 * A processor of the client side's API calls (the chat and the operators'
 * list). Mibew passes it as "request_processor" with the FunctionCall
 * events.
 */
abstract class AbstractProcessor
{
    /** @var string "thread" or "users": the prefix of its events. */
    protected $eventPrefix;

    protected function __construct()
    {
        $parts = explode('\\', get_class($this));
        $class = array_pop($parts);
        $this->eventPrefix = strtolower(substr($class, 0, 1)) . substr(preg_replace('/Processor$/', '', $class), 1);
    }

    /**
     * What Mibew's processFunction() does once the core has run a function:
     * triggers "<prefix>FunctionCall" with the processor in the arguments
     * and returns the results the listeners left.
     */
    public function callFunction($function, array $arguments, array $results = array())
    {
        $call_vars = array(
            'function' => $function,
            'arguments' => $arguments,
            'results' => $results,
        );
        $call_vars['request_processor'] = $this;
        EventDispatcher::getInstance()->triggerEvent($this->eventPrefix . 'FunctionCall', $call_vars);

        return $call_vars['results'];
    }
}
