<?php
/*
 * mibew-events PHP harness: a stand-in for Mibew's own class
 * (src/mibew/libs/classes/Mibew/Plugin/AbstractPlugin.php), same behaviour.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

namespace Mibew\Plugin;

/**
 * The base of Mibew's plugins: keeps the configuration, takes the weight
 * from $config['weight'], finds the plugin's files.
 */
abstract class AbstractPlugin
{
    /** @var array */
    protected $config = array();

    /** @var bool */
    protected $initialized = false;

    /** @var int */
    protected $weight = 0;

    /** @var string */
    private $path = '';

    public function __construct($config)
    {
        if (isset($config['weight'])) {
            $this->weight = $config['weight'];
        }
        $this->config = $config;
    }

    public function getFilesPath()
    {
        if ($this->path === '') {
            $file = (new \ReflectionClass($this))->getFileName();
            if (strpos($file, MIBEW_FS_ROOT) === 0) {
                $file = substr($file, strlen(MIBEW_FS_ROOT));
            }
            $parts = explode(DIRECTORY_SEPARATOR, trim($file, DIRECTORY_SEPARATOR));
            array_pop($parts);
            $this->path = implode(DIRECTORY_SEPARATOR, $parts);
        }

        return $this->path;
    }

    public function getWeight()
    {
        return $this->weight;
    }

    public function initialized()
    {
        return $this->initialized;
    }

    public static function getDependencies()
    {
        return array();
    }

    public static function getSystemRequirements()
    {
        return array();
    }

    public static function getInfo()
    {
        return array();
    }

    public static function install()
    {
        return true;
    }

    public static function uninstall()
    {
        return true;
    }
}
