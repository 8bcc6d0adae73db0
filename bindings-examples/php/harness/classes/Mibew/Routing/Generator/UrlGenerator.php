<?php
/*
 * mibew-events PHP harness: a stand-in for Mibew's class.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

namespace Mibew\Routing\Generator;

use Symfony\Component\Routing\Generator\UrlGenerator as BaseUrlGenerator;

/**
 * Symfony's URL generator with generateSecure().
 */
class UrlGenerator extends BaseUrlGenerator implements SecureUrlGeneratorInterface
{
    public function generateSecure($name, $parameters = array(), $referenceType = self::ABSOLUTE_PATH)
    {
        $context = $this->getContext();
        $scheme = $context->getScheme();
        $context->setScheme('https');
        try {
            return $this->generate($name, $parameters, $referenceType === self::ABSOLUTE_PATH ? self::ABSOLUTE_URL : $referenceType);
        } finally {
            $context->setScheme($scheme);
        }
    }
}
