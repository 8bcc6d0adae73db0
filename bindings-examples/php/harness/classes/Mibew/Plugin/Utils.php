<?php
/*
 * mibew-events PHP harness: a stand-in for Mibew's own class
 * (src/mibew/libs/classes/Mibew/Plugin/Utils.php).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

namespace Mibew\Plugin;

/**
 * Plugin names and versions, as Mibew has them.
 */
class Utils
{
    /** "Vendor:Name", each part a capital letter then letters or digits. */
    const PLUGIN_NAME_REG_EXP = "/^([A-Z][0-9A-Za-z]+):([A-Z][0-9A-Za-z]+)$/";

    public static function isValidPluginName($name)
    {
        return preg_match(self::PLUGIN_NAME_REG_EXP, $name) === 1;
    }

    /**
     * "Vendor:Name" => "\Vendor\Mibew\Plugin\Name\Plugin", found by the
     * PSR-4 autoloader rooted at <Mibew root>/plugins/, that is in
     * plugins/Vendor/Mibew/Plugin/Name/Plugin.php.
     */
    public static function getPluginClassName($plugin_name)
    {
        if (!self::isValidPluginName($plugin_name)) {
            throw new \InvalidArgumentException('Wrong formatted plugin name');
        }
        list($vendor, $name) = explode(':', $plugin_name, 2);

        return '\\' . $vendor . '\\Mibew\\Plugin\\' . $name . '\\Plugin';
    }

    public static function pluginExists($plugin_name)
    {
        if (!self::isValidPluginName($plugin_name)) {
            return false;
        }
        $class = self::getPluginClassName($plugin_name);

        return class_exists($class) && in_array('Mibew\\Plugin\\PluginInterface', class_implements($class), true);
    }

    /**
     * "mibew", "php" and "ext-NAME" => version, for system requirements.
     */
    public static function getSystemInfo()
    {
        $system = array('php' => phpversion(), 'mibew' => MIBEW_VERSION);
        foreach (get_loaded_extensions() as $extension) {
            $system['ext-' . str_replace(' ', '-', $extension)] = phpversion($extension) ?: '0.0.0';
        }

        return $system;
    }

    /**
     * Tells whether a version satisfies a constraint in the forms Mibew's
     * PluginInterface documents: "1.2.3", ">1.2.3", ">=1.2", "<1.2.3",
     * "<=1.2.3", "1.2.3 - 2.3.4", "~1.2.3", "~1.2", "^1.2.3", "^0.1.2",
     * "1.2.x", "1.x", "*"; several separated by spaces must all hold, "||"
     * separates alternatives.
     */
    public static function satisfies($version, $constraint)
    {
        $version = self::normalize($version);
        foreach (explode('||', $constraint) as $alternative) {
            $alternative = trim($alternative);
            if (preg_match('/^(\S+)\s+-\s+(\S+)$/', $alternative, $m)) {
                $alternative = '>=' . $m[1] . ' <=' . $m[2];
            }
            $ok = true;
            foreach (preg_split('/\s+/', $alternative) as $part) {
                if ($part !== '' && !self::satisfiesOne($version, $part)) {
                    $ok = false;
                    break;
                }
            }
            if ($ok) {
                return true;
            }
        }

        return false;
    }

    private static function satisfiesOne($version, $part)
    {
        if ($part === '*' || $part === 'x') {
            return true;
        }
        if (preg_match('/^(>=|<=|>|<|=|~|\^)?v?([0-9xX*.]+.*)$/', $part, $m) !== 1) {
            return false;
        }
        $op = $m[1];
        $target = $m[2];
        $numbers = explode('.', preg_replace('/-.*$/', '', $target));
        $wild = null;
        foreach ($numbers as $i => $number) {
            if ($number === 'x' || $number === '*' || $number === 'X') {
                $wild = $i;
                break;
            }
        }
        if ($op === '' || $op === '=') {
            if ($wild !== null || count($numbers) < 3) {
                // "1.2.x", "1.x", "1.2": everything that starts so (semver's
                // meaning: "1.2.x" is ">=1.2.0 <1.3.0").
                $fixed = array_slice($numbers, 0, $wild === null ? count($numbers) : $wild);
                if (!$fixed) {
                    return true;
                }
                $low = implode('.', array_pad($fixed, 3, '0'));
                $high = $fixed;
                $high[count($high) - 1]++;
                $high = implode('.', array_pad($high, 3, '0'));

                return version_compare($version, $low, '>=') && version_compare($version, $high, '<');
            }

            return version_compare($version, self::normalize($target), '==');
        }
        $target = self::normalize(str_replace(array('x', '*'), '0', $target));
        $t = array_map('intval', explode('.', $target));
        switch ($op) {
            case '>':
            case '>=':
            case '<':
            case '<=':
                return version_compare($version, $target, $op);
            case '~':
                $high = (count($numbers) >= 3) ? array($t[0], $t[1] + 1, 0) : array($t[0] + 1, 0, 0);
                break;
            case '^':
                if ($t[0] > 0) {
                    $high = array($t[0] + 1, 0, 0);
                } elseif ($t[1] > 0) {
                    $high = array(0, $t[1] + 1, 0);
                } else {
                    $high = array(0, 0, $t[2] + 1);
                }
                break;
            default:
                return false;
        }

        return version_compare($version, $target, '>=') && version_compare($version, implode('.', $high), '<');
    }

    private static function normalize($version)
    {
        $version = preg_replace('/[~+].*$/', '', (string)$version);
        $parts = explode('-', $version, 2);
        $numbers = array_pad(array_slice(explode('.', $parts[0]), 0, 3), 3, '0');

        return implode('.', $numbers) . (isset($parts[1]) ? '-' . $parts[1] : '');
    }
}
