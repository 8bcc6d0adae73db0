<?php
/*
 * mibew-events PHP harness: a stand-in for Mibew's class.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

namespace Mibew\Button\Generator;

use Mibew\Asset\Generator\UrlGeneratorInterface as AssetUrlGeneratorInterface;
use Mibew\EventDispatcher\EventDispatcher;
use Mibew\EventDispatcher\Events;
use Mibew\Routing\Generator\SecureUrlGeneratorInterface as RouteUrlGeneratorInterface;

/**
 * As Mibew's: options in $options (with a "unique_id" added), and
 * generate() builds a \Canteen\HTML5\Fragment, triggers buttonGenerate with
 * it and returns the markup of what the listeners left in "button".
 */
abstract class AbstractGenerator implements GeneratorInterface
{
    protected $routeUrlGenerator = null;

    protected $assetUrlGenerator = null;

    protected $options = array();

    public function __construct(
        RouteUrlGeneratorInterface $routeUrlGenerator,
        AssetUrlGeneratorInterface $assetUrlGenerator,
        $options = array()
    ) {
        $this->routeUrlGenerator = $routeUrlGenerator;
        $this->assetUrlGenerator = $assetUrlGenerator;
        $this->options = $options + array('unique_id' => uniqid() . dechex(rand(0, 4095)));
    }

    public function setOption($name, $value)
    {
        $this->options[$name] = $value;
    }

    public function getOption($name, $default = false)
    {
        return isset($this->options[$name]) ? $this->options[$name] : $default;
    }

    public function generate()
    {
        $args = array(
            'button' => $this->doGenerate(),
            'generator' => $this,
        );
        EventDispatcher::getInstance()->triggerEvent(Events::BUTTON_GENERATE, $args);

        return (string)$args['button'];
    }

    /** @return \Canteen\HTML5\Fragment */
    abstract protected function doGenerate();
}
