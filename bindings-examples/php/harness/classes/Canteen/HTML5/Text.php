<?php
/*
 * mibew-events PHP harness: a stand-in for the Canteen HTML5 library's
 * class.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

namespace Canteen\HTML5;

/**
 * Text, printed as it is (Canteen does not escape it).
 */
class Text extends Node
{
    public function __construct($text)
    {
        parent::__construct($text);
    }

    public function __toString()
    {
        return (string)$this->_tag;
    }
}
