<?php
/*
 * Unit tests of the PHP harness (Mibew's EventDispatcher contract, the
 * plugin manager) and of the GnomeBridge plugin's fit to Mibew's plugin
 * interface, with no bridge running.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

require __DIR__ . '/tap.php';
putenv('MIBEW_HARNESS_PLUGIN_DIRS=' . __DIR__ . '/plugins');
require __DIR__ . '/../../bindings-examples/php/harness/bootstrap.php';

// The plugin logs with error_log(): into a file the tests read.
$log = tempnam(sys_get_temp_dir(), 'gnome-bridge-log');
ini_set('error_log', $log);

use Mibew\EventDispatcher\EventDispatcher;
use Mibew\Mibew\Plugin\GnomeBridge\Plugin as GnomeBridge;
use Mibew\Plugin\PluginManager;
use Mibew\Plugin\Utils;

/** A plugin whose listeners log "<name>" into $args['log']. */
function recorder($name, $weight = 0)
{
    return new class(array('weight' => $weight, 'name' => $name)) extends \Mibew\Plugin\AbstractPlugin implements \Mibew\Plugin\PluginInterface {
        protected $initialized = true;

        public function run()
        {
        }

        public function listen(&$args)
        {
            $args['log'][] = $this->config['name'];
        }

        public function again(&$args)
        {
            $args['log'][] = $this->config['name'] . '!';
        }

        public static function getVersion()
        {
            return '1.0.0';
        }
    };
}

function fresh_dispatcher()
{
    EventDispatcher::resetInstance();

    return EventDispatcher::getInstance();
}

// --------------------------------------------------------------------
Tap::group('dispatcher');

$d = fresh_dispatcher();
Tap::ok($d === EventDispatcher::getInstance(), 'a singleton');
$args = array('log' => array());
Tap::ok($d->triggerEvent('threadCreate', $args) === true && $args['log'] === array(), 'no listeners: nothing happens, true');

$a = recorder('a');
$b = recorder('b');
$c = recorder('c');
$d->attachListener('e', $a, 'listen', 10);
$d->attachListener('e', $b, 'listen');            // weight 0
$d->attachListener('e', $c, 'listen', 10);
$d->attachListener('e', $a, 'again', 5);
$args = array('log' => array());
$d->triggerEvent('e', $args);
Tap::is($args['log'], array('b', 'a!', 'a', 'c'), 'lower priority first, ties in attach order, weight by default');

$d = fresh_dispatcher();
$d->attachListener('e', recorder('minus10'), 'listen', -10);
$d->attachListener('e', recorder('minus5'), 'listen', -5);
$d->attachListener('e', recorder('zero'), 'listen', 0);
$args = array('log' => array());
$d->triggerEvent('e', $args);
Tap::is($args['log'], array('minus5', 'minus10', 'zero'), 'strnatcmp of "<priority>_<offset>": -5 before -10, as Mibew');

$d = fresh_dispatcher();
$d->attachListener('e', recorder('w3', 3), 'listen');
$d->attachListener('e', recorder('w1', 1), 'listen');
$args = array('log' => array());
$d->triggerEvent('e', $args);
Tap::is($args['log'], array('w1', 'w3'), 'the plugin weight is the default priority');

$d = fresh_dispatcher();
$a = recorder('a');
$d->attachListener('e', $a, 'listen', 1);
$d->attachListener('e', $a, 'listen', 2);
$args = array('log' => array());
$d->triggerEvent('e', $args);
Tap::is($args['log'], array('a', 'a'), 'the same listener attached twice runs twice');
Tap::ok($d->detachListener('e', $a, 'listen'), 'detach: true');
$args = array('log' => array());
$d->triggerEvent('e', $args);
Tap::is($args['log'], array('a'), 'detach removes one entry');
Tap::ok(!$d->detachListener('e', recorder('a'), 'listen'), 'another object with the same class is no match');
Tap::ok(!$d->detachListener('nothing', $a, 'listen'), 'detach from an unknown event: false');

$warnings = tap_warnings(function () use ($d, $a, &$attached) {
    $attached = $d->attachListener('e', $a, 'noSuchMethod');
});
Tap::ok($attached === false, 'a method that is not callable is refused');
Tap::is($warnings, array("Method 'noSuchMethod' is not callable!"), '... with Mibew\'s warning');

$d = fresh_dispatcher();
$changer = new class(array()) extends \Mibew\Plugin\AbstractPlugin implements \Mibew\Plugin\PluginInterface {
    public $late;

    public function run()
    {
    }

    public function change(&$args)
    {
        $args['value'] = 'changed';
        $args['added'] = true;
        EventDispatcher::getInstance()->attachListener('e', $this->late, 'listen', -100);
    }

    public static function getVersion()
    {
        return '1.0.0';
    }
};
$changer->late = recorder('late');
$reader = new class(array()) extends \Mibew\Plugin\AbstractPlugin implements \Mibew\Plugin\PluginInterface {
    public $saw;

    public function run()
    {
    }

    public function read(&$args)
    {
        $this->saw = $args;
    }

    public static function getVersion()
    {
        return '1.0.0';
    }
};
$d->attachListener('e', $changer, 'change', 1);
$d->attachListener('e', $reader, 'read', 2);
$args = array('value' => 'original', 'log' => array());
$d->triggerEvent('e', $args);
Tap::is($reader->saw['value'], 'changed', 'arguments by reference: the next listener sees the change');
Tap::is($args['added'], true, '... and so does the caller');
Tap::is($args['log'], array(), 'a listener attached while the event runs does not run in it');
$args = array('value' => 'original', 'log' => array());
$d->triggerEvent('e', $args);
Tap::is($args['log'], array('late'), '... but in the next trigger, at its priority');

// --------------------------------------------------------------------
Tap::group('plugin manager');

Tap::ok(Utils::isValidPluginName('Mibew:GnomeBridge'), '"Mibew:GnomeBridge" is a valid name');
Tap::ok(!Utils::isValidPluginName('mibew:gnome-bridge'), '"mibew:gnome-bridge" is not');
Tap::is(Utils::getPluginClassName('Mibew:GnomeBridge'), '\Mibew\Mibew\Plugin\GnomeBridge\Plugin', 'the class name');
Tap::ok(Utils::pluginExists('Mibew:GnomeBridge'), 'found through the PSR-4 autoloader at plugins/');
$file = (new \ReflectionClass(GnomeBridge::class))->getFileName();
Tap::is(substr($file, strlen(MIBEW_FS_ROOT)), '/plugins/Mibew/Mibew/Plugin/GnomeBridge/Plugin.php', 'in plugins/Vendor/Mibew/Plugin/Name/Plugin.php');
Tap::ok(in_array('Mibew\Plugin\PluginInterface', class_implements(GnomeBridge::class), true), 'implements PluginInterface');
Tap::ok(is_subclass_of(GnomeBridge::class, 'Mibew\Plugin\AbstractPlugin'), 'extends AbstractPlugin');
Tap::ok(preg_match('/^\d+\.\d+\.\d+$/', GnomeBridge::getVersion()) === 1, 'a semantic version');
Tap::is(GnomeBridge::getDependencies(), array(), 'no dependencies');
$met = true;
foreach (GnomeBridge::getSystemRequirements() as $name => $constraint) {
    $system = Utils::getSystemInfo();
    $met = $met && isset($system[$name]) && Utils::satisfies($system[$name], $constraint);
}
Tap::ok($met, 'its system requirements are met here (mibew, php, ext-curl, ext-json)');

foreach (array(
    array('1.2.3', '1.2.3', true), array('1.2.4', '1.2.3', false), array('1.2.4', '>1.2.3', true),
    array('1.2.3', '>=1.2.3', true), array('1.2.2', '<1.2.3', true), array('1.2.3', '<=1.2.3', true),
    array('2.0.0', '1.2.3 - 2.3.4', true), array('2.3.5', '1.2.3 - 2.3.4', false),
    array('1.2.9', '~1.2.3', true), array('1.3.0', '~1.2.3', false), array('1.9.0', '~1.2', true),
    array('1.9.0', '^1.2.3', true), array('2.0.0', '^1.2.3', false), array('0.1.5', '^0.1.2', true),
    array('0.2.0', '^0.1.2', false), array('1.2.7', '1.2.x', true), array('1.7.0', '1.x', true),
    array('2.0.0', '1.x', false), array('8.2.36-1~deb12u1', '>=8.0.0', true), array('0.1.0', '0.x', true),
) as $case) {
    Tap::is(Utils::satisfies($case[0], $case[1]), $case[2], sprintf('%s %s "%s"', $case[0], $case[2] ? 'satisfies' : 'does not satisfy', $case[1]));
}

// Test:Observer depends on Mibew:GnomeBridge: it is constructed after it
// whatever the configuration's order, and runs by weight.
EventDispatcher::resetInstance();
PluginManager::resetInstance();
$cache = tempnam(sys_get_temp_dir(), 'gnome-bridge-test');
$warnings = tap_warnings(function () use ($cache) {
    PluginManager::getInstance()->loadPlugins(array(
        'Test:Observer' => array('weight' => 10, 'events' => array('threadCreate')),
        // A closed port: the bridge is down.
        'Mibew:GnomeBridge' => array('url' => 'http://127.0.0.1:9', 'cache_file' => $cache, 'timeout' => 0.5, 'log_interval' => 3600),
        'Acme:Missing' => array(),
    ));
});
$manager = PluginManager::getInstance();
Tap::ok($manager->hasPlugin('Mibew:GnomeBridge') && $manager->hasPlugin('Test:Observer'), 'both plugins loaded');
Tap::ok(!$manager->hasPlugin('Acme:Missing'), 'a missing plugin is skipped');
Tap::ok(in_array('Plugin "Acme:Missing" is not found in file system!', $warnings, true), '... with a warning');
Tap::is(array_keys($manager->getAllPlugins()), array('Mibew:GnomeBridge', 'Test:Observer'), 'dependencies are constructed first');

EventDispatcher::resetInstance();
PluginManager::resetInstance();
$warnings = tap_warnings(function () {
    PluginManager::getInstance()->loadPlugins(array('Test:Observer' => array()));
});
Tap::ok(!PluginManager::getInstance()->hasPlugin('Test:Observer'), 'a plugin whose dependency is missing is skipped');

// --------------------------------------------------------------------
Tap::group('configuration');

foreach (array(
    array('url' => 'ftp://example.com'),
    array('url' => 'not a url'),
    array('timeout' => 0),
    array('timeout' => 'soon'),
    array('secret_file' => '/nonexistent/secret'),
    array('secret' => ''),
    array('socket' => ''),
) as $config) {
    $warnings = tap_warnings(function () use ($config, &$plugin) {
        $plugin = new GnomeBridge($config);
    });
    Tap::ok(!$plugin->initialized() && count($warnings) === 1 && strpos($warnings[0], 'Mibew:GnomeBridge: ') === 0,
        'refuses ' . json_encode($config) . ' with a warning', $warnings);
}
$plugin = new GnomeBridge(array());
Tap::ok($plugin->initialized(), 'the defaults are a valid configuration');
$options = $plugin->getOptions();
Tap::is($options['url'], 'http://127.0.0.1:8931', 'default URL: 127.0.0.1:8931');
Tap::is($plugin->getWeight(), 0, 'weight 0 by default');
$plugin = new GnomeBridge(array('url' => 'unix:/run/mibew-events/bridge.sock', 'weight' => -5, 'timeout' => '0.25'));
$options = $plugin->getOptions();
Tap::is($options['socket'], '/run/mibew-events/bridge.sock', '"unix:PATH" is a Unix-domain socket');
Tap::is($plugin->getWeight(), -5, 'the weight from the configuration');
Tap::is($options['timeout'], 0.25, 'timeout in seconds');
$secret_file = tempnam(sys_get_temp_dir(), 'gnome-bridge-secret');
file_put_contents($secret_file, "s3cret\n");
$plugin = new GnomeBridge(array('secret_file' => $secret_file));
Tap::is($plugin->getOptions()['secret'], '(set)', 'the secret from a file (and never shown)');
unlink($secret_file);

// --------------------------------------------------------------------
Tap::group('bridge down');

// The plugin loaded above, with a closed port: run() asked the bridge for
// its events and could not connect.
EventDispatcher::resetInstance();
PluginManager::resetInstance();
@unlink($cache);
file_put_contents($log, '');
$config = array('url' => 'http://127.0.0.1:9', 'cache_file' => $cache, 'timeout' => 0.5, 'log_interval' => 3600, 'retry_interval' => 3600);
$start = microtime(true);
PluginManager::getInstance()->loadPlugins(array('Mibew:GnomeBridge' => $config));
$elapsed = microtime(true) - $start;
$plugin = PluginManager::getInstance()->getPlugin('Mibew:GnomeBridge');
Tap::is($plugin->getAttachedEvents(), array(), 'no events attached');
Tap::ok($elapsed < 0.5, sprintf('within the timeout (%.1f ms)', $elapsed * 1000));
$lines = array_values(array_filter(explode("\n", file_get_contents($log))));
Tap::is(count($lines), 1, 'one line logged', $lines);
Tap::ok(strpos($lines[0], 'Mibew:GnomeBridge: GET /v1/events: ') !== false, 'naming the plugin and the call', $lines);

// A new request: the bridge counts as down, nothing is asked.
for ($i = 0; $i < 3; $i++) {
    EventDispatcher::resetInstance();
    PluginManager::resetInstance();
    \Mibew\Mibew\Plugin\GnomeBridge\BridgeState::forgetMemory();
    $start = microtime(true);
    PluginManager::getInstance()->loadPlugins(array('Mibew:GnomeBridge' => $config));
    $elapsed = microtime(true) - $start;
}
Tap::ok($elapsed < 0.05, sprintf('later requests do not try while it is down (%.2f ms)', $elapsed * 1000));
$lines = array_values(array_filter(explode("\n", file_get_contents($log))));
Tap::is(count($lines), 1, 'still one line logged');
$state = json_decode(file_get_contents($cache), true);
Tap::ok($state['down_until'] > microtime(true), 'the cache file says until when it is down');

// A trigger with the plugin attached but the bridge down: untouched.
$args = array('thread' => new \Mibew\Thread(), 'message_kind' => 1, 'message_body' => 'x', 'message_options' => array());
$before = $args;
$plugin->forward('threadPostMessage', $args);
Tap::ok($args === $before, 'forward() while down leaves the arguments');

unlink($log);
@unlink($cache);

Tap::done();
