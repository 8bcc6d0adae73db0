<?php
/*
 * mibew-events PHP harness: a stand-in for the Canteen HTML5 library's
 * class (mibew/html5 in Mibew), reduced to what a button needs.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

namespace Canteen\HTML5;

/**
 * A node of markup.
 */
class Node
{
    protected $_tag;

    public function __construct($tag = null)
    {
        if ($tag === null || (is_string($tag) && trim($tag) === '')) {
            throw new \InvalidArgumentException('The node tag is empty');
        }
        $this->_tag = $tag;
    }

    public function __toString()
    {
        return '<' . $this->_tag . ' />';
    }
}
