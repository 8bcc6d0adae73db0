<?php
/*
 * mibew-events PHP harness: a stand-in for the Canteen HTML5 library's
 * class.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

namespace Canteen\HTML5;

/**
 * Children without an element around them: prints only the children.
 */
class Fragment extends NodeContainer
{
    public function __construct($children = null)
    {
        parent::__construct('fragment', $children);
    }

    public function __toString()
    {
        $buffer = '';
        foreach ($this->getChildren() as $child) {
            $buffer .= $child->__toString();
        }

        return $buffer;
    }
}
