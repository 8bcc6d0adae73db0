<?php
/*
 * mibew-events PHP harness: a stand-in for Mibew's own class
 * (src/mibew/libs/classes/Mibew/Plugin/PluginManager.php), without the
 * database: the plugins named in the configuration are the enabled ones.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

namespace Mibew\Plugin;

/**
 * Loads plugins the way Mibew's PluginManager::loadPlugins() does:
 *
 *  - a plugin whose class is missing, or whose system requirements are not
 *    met, is skipped with a warning;
 *  - dependencies are constructed first (topological order); a plugin whose
 *    dependency is missing, skipped, or of a version outside the
 *    constraint is skipped with a warning; a dependency cycle skips the
 *    plugins in it;
 *  - each plugin is constructed with its configuration (`new $class($config)`,
 *    as PluginInfo::getInstance() does); one that is not initialized()
 *    afterwards is skipped with a warning;
 *  - then run() is called on each, ordered by strnatcmp of
 *    "<weight>_<offset>": by weight, ties in loading order.
 */
class PluginManager
{
    /** @var PluginManager|null */
    protected static $instance = null;

    /** @var array Name => plugin. */
    protected $loadedPlugins = array();

    public static function getInstance()
    {
        if (self::$instance === null) {
            self::$instance = new self();
        }

        return self::$instance;
    }

    /**
     * Harness only: forgets the loaded plugins (a new Mibew request).
     */
    public static function resetInstance()
    {
        self::$instance = null;
    }

    public function getPlugin($plugin_name)
    {
        if (empty($this->loadedPlugins[$plugin_name])) {
            trigger_error("Plugin '{$plugin_name}' does not initialized!", E_USER_WARNING);

            return false;
        }

        return $this->loadedPlugins[$plugin_name];
    }

    public function hasPlugin($plugin_name)
    {
        return isset($this->loadedPlugins[$plugin_name]);
    }

    public function getAllPlugins()
    {
        return $this->loadedPlugins;
    }

    /**
     * @param array $configs Plugin name => configuration array (the
     *   "plugins" section of Mibew's config.yml); every plugin named is
     *   enabled.
     */
    public function loadPlugins($configs)
    {
        $available = array();
        foreach (array_keys($configs) as $name) {
            if (!Utils::pluginExists($name)) {
                trigger_error(sprintf('Plugin "%s" is not found in file system!', $name), E_USER_WARNING);
                continue;
            }
            $class = Utils::getPluginClassName($name);
            if (!$this->systemRequirementsMet($class)) {
                trigger_error(sprintf('Plugin "%s" has unsatisfied system requirements!', $name), E_USER_WARNING);
                continue;
            }
            $available[$name] = $class;
        }

        $offset = 0;
        $queue = array();
        foreach ($this->loadingOrder($available) as $name) {
            $class = $available[$name];
            foreach ($class::getDependencies() as $dependency => $constraint) {
                if (!isset($this->loadedPlugins[$dependency])) {
                    trigger_error(sprintf(
                        'Plugin "%s" was not loaded yet, but exists in "%s" dependencies list!',
                        $dependency,
                        $name
                    ), E_USER_WARNING);
                    continue 2;
                }
                $dependency_class = get_class($this->loadedPlugins[$dependency]);
                if (!Utils::satisfies($dependency_class::getVersion(), $constraint)) {
                    trigger_error(sprintf(
                        'Plugin "%s" needs "%s" %s, not %s!',
                        $name,
                        $dependency,
                        $constraint,
                        $dependency_class::getVersion()
                    ), E_USER_WARNING);
                    continue 2;
                }
            }

            $config = isset($configs[$name]) && is_array($configs[$name]) ? $configs[$name] : array();
            $instance = new $class($config);
            if ($instance->initialized()) {
                $this->loadedPlugins[$name] = $instance;
                $queue[$instance->getWeight() . '_' . $offset] = $instance;
                $offset++;
            } else {
                trigger_error("Plugin '{$name}' was not initialized correctly!", E_USER_WARNING);
            }
        }

        uksort($queue, 'strnatcmp');
        foreach ($queue as $plugin) {
            $plugin->run();
        }
    }

    protected function systemRequirementsMet($class)
    {
        $system = Utils::getSystemInfo();
        foreach ($class::getSystemRequirements() as $name => $constraint) {
            if (!isset($system[$name]) || !Utils::satisfies($system[$name], $constraint)) {
                return false;
            }
        }

        return true;
    }

    /**
     * Dependencies before the plugins that need them; otherwise the order
     * of the configuration. Plugins in a cycle are left out, with a warning.
     */
    protected function loadingOrder(array $available)
    {
        $order = array();
        $state = array();
        $visit = function ($name, array $path) use (&$visit, &$order, &$state, $available) {
            if (isset($state[$name])) {
                if ($state[$name] === 'visiting') {
                    trigger_error(sprintf(
                        'Plugins %s depend on each other!',
                        implode(' -> ', array_merge($path, array($name)))
                    ), E_USER_WARNING);

                    return false;
                }

                return $state[$name] === 'done';
            }
            $state[$name] = 'visiting';
            $class = $available[$name];
            foreach (array_keys($class::getDependencies()) as $dependency) {
                if (isset($available[$dependency]) && !$visit($dependency, array_merge($path, array($name)))) {
                    $state[$name] = 'cycle';

                    return false;
                }
            }
            $state[$name] = 'done';
            $order[] = $name;

            return true;
        };
        foreach (array_keys($available) as $name) {
            $visit($name, array());
        }

        return $order;
    }
}
