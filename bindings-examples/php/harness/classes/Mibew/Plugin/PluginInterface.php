<?php
/*
 * mibew-events PHP harness: a stand-in for Mibew's own interface, with the
 * same methods (src/mibew/libs/classes/Mibew/Plugin/PluginInterface.php).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

namespace Mibew\Plugin;

/**
 * What every Mibew plugin implements.
 */
interface PluginInterface
{
    /** The plugin's weight: its run order and its listeners' default priority. */
    public function getWeight();

    /** The plugin's folder, relative to Mibew's root, without slashes at the ends. */
    public function getFilesPath();

    /** False when the plugin cannot work (bad configuration): Mibew skips it. */
    public function initialized();

    /** Called once every plugin is constructed, in weight order. */
    public function run();

    /** array("Vendor:Name" => version constraint). */
    public static function getDependencies();

    /** array("mibew"|"php"|"ext-NAME" => version constraint). */
    public static function getSystemRequirements();

    public static function getInfo();

    /** A semantic version. */
    public static function getVersion();

    public static function install();

    public static function uninstall();
}
