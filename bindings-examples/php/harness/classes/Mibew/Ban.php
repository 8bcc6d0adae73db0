<?php
/*
 * mibew-events PHP harness: a stand-in for Mibew's \Mibew\Ban, with its
 * public properties and defaults, and no database.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

namespace Mibew;

/**
 * A ban of an address.
 */
class Ban
{
    public $id;
    public $created;
    public $till;
    public $address;
    public $comment;

    public function __construct()
    {
        $this->id = false;
        $this->created = time();
        $this->till = $this->created + 24 * 60 * 60;
    }
}
