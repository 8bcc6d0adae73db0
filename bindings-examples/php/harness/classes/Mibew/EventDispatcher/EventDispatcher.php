<?php
/*
 * mibew-events PHP harness: a stand-in for Mibew's own class, so that Mibew
 * plugins run under php-cli without a Mibew installation.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

namespace Mibew\EventDispatcher;

use Mibew\Plugin\PluginInterface;

/**
 * Mibew's event dispatcher, with Mibew 3.x's contract kept exactly
 * (src/mibew/libs/classes/Mibew/EventDispatcher/EventDispatcher.php):
 *
 *  - a singleton (getInstance());
 *  - a listener is a plugin object and the name of one of its methods; a
 *    method that is not callable is refused with an E_USER_WARNING;
 *  - without a priority, the plugin's weight is the priority;
 *  - listeners are stored under "<priority>_<offset>" keys, the offset
 *    counting every attach, and sorted with strnatcmp on every trigger:
 *    lower priorities first, equal priorities in attach order (and, as in
 *    Mibew, "-5_1" sorts before "-10_0");
 *  - the arguments array is passed by reference to each listener in turn,
 *    so each sees what the previous ones changed; return values are ignored;
 *  - detachListener() removes the first matching entry (same plugin object,
 *    same method name; the priority plays no part);
 *  - triggering an event with no listeners does nothing.
 */
class EventDispatcher
{
    /** @var EventDispatcher|null */
    protected static $instance = null;

    /** @var array Event name => ("<priority>_<offset>" => listener). */
    protected $events = array();

    /** @var int Counts attaches: ties keep the attach order. */
    protected $offset = 0;

    public static function getInstance()
    {
        if (self::$instance === null) {
            self::$instance = new self();
        }

        return self::$instance;
    }

    /**
     * Harness only: a new, empty dispatcher (a new Mibew request).
     */
    public static function resetInstance()
    {
        self::$instance = null;
    }

    /**
     * @return bool
     */
    public function attachListener($event_name, PluginInterface $plugin, $listener, $priority = null)
    {
        if (!is_callable(array($plugin, $listener))) {
            trigger_error("Method '{$listener}' is not callable!", E_USER_WARNING);

            return false;
        }
        if (!array_key_exists($event_name, $this->events)) {
            $this->events[$event_name] = array();
        }
        if ($priority === null) {
            $priority = $plugin->getWeight();
        }
        $this->events[$event_name][$priority . '_' . $this->offset] = array(
            'plugin' => $plugin,
            'listener' => $listener,
        );
        $this->offset++;

        return true;
    }

    /**
     * @return bool
     */
    public function detachListener($event_name, PluginInterface $plugin, $listener)
    {
        if (!array_key_exists($event_name, $this->events)) {
            return false;
        }
        foreach ($this->events[$event_name] as $key => $entry) {
            if ($entry['plugin'] === $plugin && $entry['listener'] == $listener) {
                unset($this->events[$event_name][$key]);

                return true;
            }
        }

        return false;
    }

    /**
     * @return bool
     */
    public function triggerEvent($event_name, &$arguments = array())
    {
        if (!array_key_exists($event_name, $this->events)) {
            return true;
        }
        uksort($this->events[$event_name], 'strnatcmp');
        // foreach works on the array as it is now: listeners attached or
        // detached by a running listener take part from the next trigger on.
        foreach ($this->events[$event_name] as $entry) {
            $plugin = $entry['plugin'];
            $listener = $entry['listener'];
            $plugin->$listener($arguments);
        }

        return true;
    }

    /**
     * Harness only: the listeners of an event in the order they run, as
     * "Class::method" strings.
     *
     * @return string[]
     */
    public function getListeners($event_name)
    {
        if (!array_key_exists($event_name, $this->events)) {
            return array();
        }
        $listeners = $this->events[$event_name];
        uksort($listeners, 'strnatcmp');
        $out = array();
        foreach ($listeners as $entry) {
            $out[] = get_class($entry['plugin']) . '::' . $entry['listener'];
        }

        return $out;
    }
}
