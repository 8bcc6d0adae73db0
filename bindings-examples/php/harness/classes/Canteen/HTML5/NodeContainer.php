<?php
/*
 * mibew-events PHP harness: a stand-in for the Canteen HTML5 library's
 * class.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

namespace Canteen\HTML5;

/**
 * A node with children; strings and numbers become Text nodes.
 */
class NodeContainer extends Node
{
    private $_children = array();

    public function __construct($tag = null, $children = null)
    {
        parent::__construct($tag);
        if ($children !== null && $children !== array()) {
            foreach (is_array($children) ? $children : array($children) as $child) {
                $this->addChild($child);
            }
        }
    }

    public function addChild($childNode)
    {
        $this->_children[] = $this->prepareChild($childNode);

        return $this;
    }

    public function removeChildren()
    {
        $this->_children = array();

        return $this;
    }

    public function getChildren()
    {
        return $this->_children;
    }

    protected function prepareChild($childNode)
    {
        if (is_bool($childNode)) {
            $childNode = new Text($childNode ? 'true' : 'false');
        } elseif (is_string($childNode) || is_numeric($childNode)) {
            $childNode = new Text($childNode);
        }
        if (!($childNode instanceof Node)) {
            throw new \InvalidArgumentException('Not a node');
        }

        return $childNode;
    }

    public function __toString()
    {
        $buffer = '<' . $this->_tag . '>';
        foreach ($this->_children as $child) {
            $buffer .= $child->__toString();
        }

        return $buffer . '</' . $this->_tag . '>';
    }
}
