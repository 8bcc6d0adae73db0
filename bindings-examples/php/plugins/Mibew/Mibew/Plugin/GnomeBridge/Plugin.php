<?php
/*
 * mibew-events: the Mibew side of the HTTP bridge.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/**
 * @file The "Mibew:GnomeBridge" plugin: Mibew's events, forwarded to the
 * listeners of a mibew-events bridge (C, Python, GJS and Vala code on the
 * GNOME stack).
 */

namespace Mibew\Mibew\Plugin\GnomeBridge;

use Mibew\EventDispatcher\EventDispatcher;

/**
 * Forwards Mibew's events to `mibew-events serve` (or any MibewBridgeServer)
 * and writes the listeners' changes back into Mibew's arguments.
 *
 * Only the events that have a listener on the bridge are attached to
 * (GET /v1/events, cached); the others cost Mibew nothing. Each forwarded
 * event is one signed POST /v1/events/{eventName} over a kept-alive
 * connection. If the bridge is down, hung or answers an error, the
 * arguments are left as they are, the failure is logged (error_log, once
 * per log interval) and no event is forwarded for the retry interval:
 * Mibew keeps working.
 *
 * Configuration, in the "plugins" section of Mibew's configs/config.yml:
 *
 *     plugins:
 *         "Mibew:GnomeBridge":
 *             url: "http://127.0.0.1:8931"   # or socket: "/run/mibew-events/bridge.sock"
 *             secret_file: "/etc/mibew-events/secret"   # or secret: "..."
 *             timeout: 0.5             # seconds a call may take
 *             refresh_interval: 30     # seconds the list of listened events is kept
 *
 * See bindings-examples/php/README.md for every option.
 */
class Plugin extends \Mibew\Plugin\AbstractPlugin implements \Mibew\Plugin\PluginInterface
{
    use EventListeners;

    const NAME = 'Mibew:GnomeBridge';

    const DEFAULTS = array(
        'url' => 'http://127.0.0.1:8931',
        'socket' => null,
        'secret' => null,
        'secret_file' => null,
        'timeout' => 1.0,
        'connect_timeout' => null,
        'refresh_interval' => 30.0,
        'retry_interval' => 5.0,
        'log_interval' => 60.0,
        'cache_file' => null,
    );

    /** @var array The options, checked and completed. */
    protected $options = array();

    /** @var BridgeClient|null */
    protected $client = null;

    /** @var BridgeState|null */
    protected $state = null;

    /** @var array Event name => true, for the events we are attached to. */
    protected $attached = array();

    /** @var float When the list of listened events goes stale. */
    protected $staleAt = 0.0;

    /**
     * Checks the configuration; the plugin stays uninitialised (and Mibew
     * skips it) when it is wrong. Nothing is asked from the bridge here.
     *
     * @param array $config The plugin's configuration from config.yml.
     */
    public function __construct($config)
    {
        parent::__construct(is_array($config) ? $config : array());

        try {
            $this->options = self::checkOptions($this->config);
        } catch (\InvalidArgumentException $e) {
            trigger_error(self::NAME . ': ' . $e->getMessage(), E_USER_WARNING);

            return;
        }
        $this->client = new BridgeClient($this->options);
        $this->state = new BridgeState($this->options['cache_file'], $this->options['refresh_interval']);
        $this->initialized = true;
    }

    /**
     * Attaches to the events that have listeners on the bridge.
     */
    public function run()
    {
        $this->synchronize();
    }

    /**
     * Forwards an event to the bridge and writes the listeners' changes into
     * $args. Never throws: whatever goes wrong is logged and leaves $args.
     *
     * @param string $event Mibew's event name.
     * @param array $args The arguments Mibew passed to its listeners.
     */
    public function forward($event, array &$args)
    {
        if ($this->state->isDown()) {
            return;
        }
        if (microtime(true) >= $this->staleAt) {
            // The list of listened events is refreshed on a timer (checked
            // here, PHP has no other).
            $this->synchronize();
            if (!isset($this->attached[$event]) || $this->state->isDown()) {
                return;
            }
        }

        try {
            $sent = Codec::toJson($event, $args);
            $answer = $this->client->trigger($event, Codec::encode($event, $sent));
        } catch (BridgeException $e) {
            $this->failed($e);

            return;
        } catch (\JsonException $e) {
            $this->log(sprintf('%s: the arguments cannot be written as JSON: %s', $event, $e->getMessage()));

            return;
        }

        try {
            Codec::apply($event, $args, $sent, $answer);
        } catch (\Throwable $e) {
            $this->log(sprintf(
                '%s: the answer could not be written back (%s: %s)',
                $event,
                get_class($e),
                $e->getMessage()
            ));
        }
    }

    /**
     * The events this plugin is attached to now.
     *
     * @return string[]
     */
    public function getAttachedEvents()
    {
        return array_keys($this->attached);
    }

    /**
     * Requests made to the bridge by this process and connections opened
     * for them.
     *
     * @return array ['requests' => int, 'connections' => int]
     */
    public function getCounts()
    {
        return $this->client->getCounts();
    }

    /**
     * The options in use (the secret left out).
     *
     * @return array
     */
    public function getOptions()
    {
        $options = $this->options;
        $options['secret'] = $options['secret'] === null ? null : '(set)';

        return $options;
    }

    public static function getVersion()
    {
        return '0.1.0';
    }

    public static function getDependencies()
    {
        return array();
    }

    public static function getSystemRequirements()
    {
        // WeakMap and curl's CURLOPT_UNIX_SOCKET_PATH; Mibew 3 is the first
        // with this plugin interface.
        return array(
            'mibew' => '>=3.0.0',
            'php' => '>=8.0.0',
            'ext-curl' => '>=7.0.0',
            'ext-json' => '>=7.0.0',
        );
    }

    public static function getInfo()
    {
        return array(
            'name' => 'GNOME bridge',
            'description' => 'Forwards Mibew\'s events to C, Python, GJS and Vala listeners of a mibew-events bridge.',
        );
    }

    /**
     * Asks for the list of listened events (from the cache while it is
     * fresh) and attaches to or detaches from Mibew's events to match it.
     */
    protected function synchronize()
    {
        $events = $this->state->events();
        if ($events === null) {
            if ($this->state->isDown()) {
                $events = array_keys($this->attached);
            } else {
                try {
                    $events = $this->client->listenedEvents();
                    $this->state->storeEvents($events);
                } catch (BridgeException $e) {
                    $this->failed($e);
                    $events = array();
                }
            }
        }
        $this->staleAt = max($this->state->staleAt(), microtime(true) + min(1.0, $this->options['refresh_interval']));

        $wanted = array();
        foreach ($events as $event) {
            // Events this Mibew plugin does not know (a newer bridge) are
            // left alone.
            if (EventTable::has($event)) {
                $wanted[$event] = true;
            }
        }
        $dispatcher = EventDispatcher::getInstance();
        foreach (array_keys($this->attached) as $event) {
            if (!isset($wanted[$event])) {
                $dispatcher->detachListener($event, $this, EventTable::listenerMethod($event));
                unset($this->attached[$event]);
            }
        }
        foreach (array_keys($wanted) as $event) {
            if (!isset($this->attached[$event])) {
                // No priority: the plugin's weight, as for any Mibew plugin.
                if ($dispatcher->attachListener($event, $this, EventTable::listenerMethod($event))) {
                    $this->attached[$event] = true;
                }
            }
        }
    }

    protected function failed(BridgeException $e)
    {
        if ($e->bridgeUnavailable()) {
            $this->state->markDown($this->options['retry_interval']);
            $this->staleAt = 0.0;
        } elseif ($e->getStatus() === 404) {
            // The bridge does not know an event its list had: ask again.
            $this->state->invalidate();
            $this->staleAt = 0.0;
        }
        $this->log($e->getMessage());
    }

    protected function log($message)
    {
        list($log, $suppressed) = $this->state->logNow($this->options['log_interval']);
        if ($log) {
            error_log(sprintf(
                '%s: %s%s; the event goes on without the bridge',
                self::NAME,
                $message,
                $suppressed ? sprintf(' (and %d more failures since the last report)', $suppressed) : ''
            ));
        }
    }

    /**
     * The configuration, checked, with defaults.
     *
     * @throws \InvalidArgumentException
     */
    public static function checkOptions(array $config)
    {
        $options = array_intersect_key($config, self::DEFAULTS) + self::DEFAULTS;

        $url = (string)$options['url'];
        if (strpos($url, 'unix:') === 0) {
            // url: "unix:/run/mibew-events/bridge.sock", as `serve --listen`.
            $options['socket'] = substr($url, 5);
            $url = 'http://localhost';
        }
        $parts = parse_url($url);
        if ($parts === false || !isset($parts['scheme'], $parts['host'])
            || !in_array(strtolower($parts['scheme']), array('http', 'https'), true)) {
            throw new \InvalidArgumentException(sprintf('"url" must be an http:// URL, not "%s"', $url));
        }
        $options['url'] = rtrim($url, '/');
        if ($options['socket'] !== null && (!is_string($options['socket']) || $options['socket'] === '')) {
            throw new \InvalidArgumentException('"socket" must be the path of a Unix-domain socket');
        }

        if ($options['secret_file'] !== null) {
            $secret = @file_get_contents((string)$options['secret_file']);
            if ($secret === false) {
                throw new \InvalidArgumentException(sprintf(
                    'cannot read the secret file "%s"',
                    $options['secret_file']
                ));
            }
            $options['secret'] = rtrim($secret, "\r\n");
        }
        if ($options['secret'] !== null) {
            $options['secret'] = (string)$options['secret'];
            if ($options['secret'] === '') {
                throw new \InvalidArgumentException('the secret is empty');
            }
        }

        foreach (array('timeout', 'refresh_interval', 'retry_interval', 'log_interval') as $name) {
            if (!is_numeric($options[$name]) || $options[$name] < 0
                || ($name === 'timeout' && $options[$name] <= 0)) {
                throw new \InvalidArgumentException(sprintf('"%s" must be a positive number of seconds', $name));
            }
            $options[$name] = (float)$options[$name];
        }
        $options['connect_timeout'] = ($options['connect_timeout'] === null)
            ? $options['timeout']
            : min((float)$options['connect_timeout'], $options['timeout']);

        if ($options['cache_file'] === null) {
            $options['cache_file'] = rtrim(sys_get_temp_dir(), DIRECTORY_SEPARATOR) . DIRECTORY_SEPARATOR
                . 'mibew-gnome-bridge-' . substr(sha1($options['url'] . '|' . $options['socket']), 0, 12) . '.json';
        }
        unset($options['secret_file']);

        return $options;
    }
}
