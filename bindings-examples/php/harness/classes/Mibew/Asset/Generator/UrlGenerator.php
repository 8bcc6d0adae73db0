<?php
/*
 * mibew-events PHP harness: a stand-in for Mibew's class, with its
 * constructor, getters and setters.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

namespace Mibew\Asset\Generator;

/**
 * Asset URLs below a base: scheme, host, ports and the path Mibew lives in.
 */
class UrlGenerator implements UrlGeneratorInterface
{
    protected $scheme;
    protected $host;
    protected $httpPort;
    protected $httpsPort;
    protected $basePath;

    public function __construct($host = 'localhost', $base_path = '', $scheme = 'http', $http_port = 80, $https_port = 443)
    {
        $this->scheme = strtolower($scheme);
        $this->host = $host;
        $this->httpPort = $http_port;
        $this->httpsPort = $https_port;
        $this->basePath = $base_path;
    }

    public function getScheme()
    {
        return $this->scheme;
    }

    public function setScheme($scheme)
    {
        $this->scheme = $scheme;
    }

    public function getHost()
    {
        return $this->host;
    }

    public function setHost($host)
    {
        $this->host = $host;
    }

    public function getHttpPort()
    {
        return $this->httpPort;
    }

    public function setHttpPort($port)
    {
        $this->httpPort = $port;
    }

    public function getHttpsPort()
    {
        return $this->httpsPort;
    }

    public function setHttpsPort($port)
    {
        $this->httpsPort = $port;
    }

    public function getBasePath()
    {
        return $this->basePath;
    }

    public function setBasePath($base_path)
    {
        $this->basePath = $base_path;
    }

    public function generate($relative_path, $reference_type = self::ABSOLUTE_PATH)
    {
        return $this->build($relative_path, $reference_type, false);
    }

    public function generateSecure($relative_path, $reference_type = self::ABSOLUTE_PATH)
    {
        return $this->build($relative_path, $reference_type, true);
    }

    protected function build($relative_path, $reference_type, $secure)
    {
        $scheme = $secure ? 'https' : $this->scheme;
        $port = false;
        if ($scheme === 'http' && $this->httpPort != 80) {
            $port = $this->httpPort;
        } elseif ($scheme === 'https' && $this->httpsPort != 443) {
            $port = $this->httpsPort;
        }
        $host = '';
        if ($reference_type === self::ABSOLUTE_URL || $scheme !== $this->scheme || $port) {
            $host = $scheme . '://' . $this->host . ($port ? ':' . $port : '');
        }
        $path = implode('/', array_map('rawurlencode', explode('/', $relative_path)));

        return $host . $this->basePath . '/' . ltrim($path, '/');
    }
}
