<?php
/*
 * mibew-events PHP harness: a stand-in for Mibew's image button generator.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

namespace Mibew\Button\Generator;

use Canteen\HTML5\Fragment;

/**
 * An image button: a link to the chat around the button's image.
 */
class ImageGenerator extends AbstractGenerator
{
    protected function doGenerate()
    {
        $chat = $this->routeUrlGenerator->generate('chat_user_start', array());
        $image = $this->assetUrlGenerator->generate('b?i=' . $this->getOption('image', 'mibew'));

        return new Fragment(sprintf(
            '<!-- mibew button --><a id="mibew-agent-button" href="%s" target="_blank"><img src="%s" border="0" alt="%s" /></a><!-- / mibew button -->',
            htmlspecialchars($chat),
            htmlspecialchars($image),
            htmlspecialchars((string)$this->getOption('title', ''))
        ));
    }
}
