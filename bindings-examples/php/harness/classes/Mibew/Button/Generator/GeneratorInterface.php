<?php
/*
 * mibew-events PHP harness: a stand-in for Mibew's interface.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

namespace Mibew\Button\Generator;

/**
 * Generates the markup of a chat button.
 */
interface GeneratorInterface
{
    public function setOption($name, $value);

    public function getOption($name, $default = false);

    /** @return string The button's markup. */
    public function generate();
}
