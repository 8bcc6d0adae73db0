<?php
/*
 * mibew-events: the Mibew side of the HTTP bridge.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

namespace Mibew\Mibew\Plugin\GnomeBridge;

/**
 * What the plugin remembers about the bridge between events and between
 * Mibew's requests: which events have listeners (with the time they were
 * asked for), until when the bridge counts as down, and when a failure was
 * last logged.
 *
 * Mibew runs its plugins anew for every HTTP request, so this lives in a
 * small JSON file (written atomically: a temporary file renamed over it)
 * as well as in memory for the rest of the process.
 */
final class BridgeState
{
    /** @var array File path => state, for the whole process. */
    private static $memory = array();

    /** @var string */
    private $path;

    /** @var float Seconds a list of events stays fresh. */
    private $ttl;

    /**
     * @param string $path The cache file.
     * @param float $ttl Seconds the list of listened events stays fresh.
     */
    public function __construct($path, $ttl)
    {
        $this->path = $path;
        $this->ttl = (float)$ttl;
    }

    /**
     * The events with listeners, or null when the list is missing or stale
     * (then ask the bridge again).
     *
     * @return string[]|null
     */
    public function events()
    {
        $state = $this->load();
        if (!$this->listFresh($state)) {
            // Another process may have asked the bridge meanwhile.
            $state = $this->load(true);
        }

        return $this->listFresh($state) ? $state['events'] : null;
    }

    /**
     * When the list of events goes stale (unix time, float).
     */
    public function staleAt()
    {
        $state = $this->load();

        return $state['events'] === null ? 0.0 : $state['fetched_at'] + $this->ttl;
    }

    public function storeEvents(array $events)
    {
        $this->update(function (array $state) use ($events) {
            $state['events'] = array_values($events);
            $state['fetched_at'] = $this->now();
            $state['down_until'] = 0.0;

            return $state;
        });
    }

    /**
     * Forgets the list of events: it is asked for again before the next
     * event (after a failure, or a 404 for an event the list had).
     */
    public function invalidate()
    {
        $this->update(function (array $state) {
            $state['events'] = null;

            return $state;
        });
    }

    /**
     * Tells whether the bridge counts as down: no event is forwarded then.
     */
    public function isDown()
    {
        $state = $this->load();

        return $this->now() < $state['down_until'];
    }

    /**
     * The bridge counts as down for $seconds (and its list of events is
     * asked for again after that).
     */
    public function markDown($seconds)
    {
        $this->update(function (array $state) use ($seconds) {
            $state['down_until'] = $this->now() + (float)$seconds;
            $state['events'] = null;

            return $state;
        });
    }

    /**
     * Tells whether a failure is to be logged now (at most once per
     * $interval seconds, across processes), and how many were not logged
     * since the last one.
     *
     * @return array [bool $log, int $suppressed]
     */
    public function logNow($interval)
    {
        $decision = array(false, 0);
        $this->update(function (array $state) use ($interval, &$decision) {
            $now = $this->now();
            if ($now >= $state['logged_at'] + (float)$interval) {
                $decision = array(true, $state['suppressed']);
                $state['logged_at'] = $now;
                $state['suppressed'] = 0;
            } else {
                $state['suppressed']++;
            }

            return $state;
        });

        return $decision;
    }

    /**
     * Forgets everything, in memory (the file stays): for tests that start
     * "a new request" in the same process.
     */
    public static function forgetMemory()
    {
        self::$memory = array();
    }

    private function now()
    {
        return microtime(true);
    }

    private function listFresh(array $state)
    {
        return $state['events'] !== null && $this->now() < $state['fetched_at'] + $this->ttl;
    }

    private function load($from_file = false)
    {
        if (!$from_file && isset(self::$memory[$this->path])) {
            return self::$memory[$this->path];
        }
        $state = null;
        $text = is_readable($this->path) ? @file_get_contents($this->path) : false;
        if ($text !== false) {
            $state = json_decode($text, true);
        }
        if (!is_array($state)) {
            $state = array();
        }
        $state += array(
            'events' => null,
            'fetched_at' => 0.0,
            'down_until' => 0.0,
            'logged_at' => 0.0,
            'suppressed' => 0,
        );
        if ($state['events'] !== null && !is_array($state['events'])) {
            $state['events'] = null;
        }
        self::$memory[$this->path] = $state;

        return $state;
    }

    private function update(callable $change)
    {
        // From the file: other processes write it too.
        $state = $change($this->load(true));
        $text = json_encode($state, JSON_UNESCAPED_SLASHES | JSON_PRESERVE_ZERO_FRACTION);
        $temporary = $this->path . '.' . getmypid() . '.tmp';
        if (@file_put_contents($temporary, $text) === false || !@rename($temporary, $this->path)) {
            @unlink($temporary);
        }
        self::$memory[$this->path] = $state;
    }
}
