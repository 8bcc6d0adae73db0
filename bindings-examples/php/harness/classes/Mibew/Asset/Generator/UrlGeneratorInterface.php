<?php
/*
 * mibew-events PHP harness: a stand-in for Mibew's interface.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

namespace Mibew\Asset\Generator;

/**
 * Generates the URLs of Mibew's assets (files under its root).
 */
interface UrlGeneratorInterface
{
    const ABSOLUTE_URL = true;

    const ABSOLUTE_PATH = false;

    public function generate($relative_path, $reference_type = self::ABSOLUTE_PATH);

    public function generateSecure($relative_path, $reference_type = self::ABSOLUTE_PATH);
}
