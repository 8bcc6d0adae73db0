<?php
/*
 * mibew-events PHP harness: runs Mibew plugins under php-cli, without a
 * Mibew installation.
 *
 * require this file, then load plugins with the harness's PluginManager as
 * Mibew does, and trigger events through the harness's EventDispatcher:
 *
 *     require 'bindings-examples/php/harness/bootstrap.php';
 *     \Mibew\Plugin\PluginManager::getInstance()->loadPlugins(array(
 *         'Mibew:GnomeBridge' => array('url' => 'http://127.0.0.1:8931'),
 *     ));
 *     $args = \Mibew\Mibew\Plugin\GnomeBridge\Codec::fromJson('threadPostMessage', $json);
 *     \Mibew\EventDispatcher\EventDispatcher::getInstance()->triggerEvent('threadPostMessage', $args);
 *
 * What it provides:
 *  - MIBEW_FS_ROOT (bindings-examples/php: the folder that holds plugins/)
 *    and MIBEW_VERSION;
 *  - Mibew's plugin autoloading: PSR-4 with an empty prefix rooted at
 *    plugins/, so "Vendor:Name" is plugins/Vendor/Mibew/Plugin/Name/Plugin.php
 *    (MIBEW_HARNESS_PLUGIN_DIRS adds more roots, separated by ":");
 *  - Symfony's HttpFoundation and Routing from Debian's php-symfony-*
 *    packages;
 *  - stand-ins for the Mibew classes the events carry (classes/): the
 *    EventDispatcher with Mibew's exact contract, the plugin interface,
 *    base class and manager, Thread, Ban, the button and URL generators,
 *    the request processors and Canteen's HTML5 Fragment. A real class of
 *    the same name, loaded first, wins.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

if (!defined('MIBEW_FS_ROOT')) {
    define('MIBEW_FS_ROOT', dirname(__DIR__));
}
if (!defined('MIBEW_VERSION')) {
    define('MIBEW_VERSION', '3.6.0');
}

foreach (array('Symfony/Component/HttpFoundation/autoload.php', 'Symfony/Component/Routing/autoload.php') as $file) {
    if (stream_resolve_include_path($file) !== false) {
        require_once $file;
    }
}

spl_autoload_register(function ($class) {
    // Harness classes: Mibew's own and Canteen's, by PSR-4 under classes/.
    foreach (array('Mibew\\', 'Canteen\\HTML5\\') as $prefix) {
        if (strpos($class, $prefix) === 0) {
            $file = __DIR__ . '/classes/' . str_replace('\\', '/', $class) . '.php';
            if (is_file($file)) {
                require $file;

                return;
            }
        }
    }

    // Plugins: PSR-4 with the empty prefix, as Mibew's
    // $loader->addPsr4('', MIBEW_FS_ROOT . '/plugins/').
    $roots = array(MIBEW_FS_ROOT . '/plugins');
    $extra = getenv('MIBEW_HARNESS_PLUGIN_DIRS');
    if ($extra !== false && $extra !== '') {
        $roots = array_merge($roots, explode(PATH_SEPARATOR, $extra));
    }
    foreach ($roots as $root) {
        $file = rtrim($root, '/') . '/' . str_replace('\\', '/', $class) . '.php';
        if (is_file($file)) {
            require $file;

            return;
        }
    }
});
