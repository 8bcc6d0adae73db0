<?php
/*
 * mibew-events: the Mibew side of the HTTP bridge.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

namespace Mibew\Mibew\Plugin\GnomeBridge;

/**
 * Mibew's event arguments to and from their JSON form.
 *
 * The JSON form is the one the bridge speaks (events.md, "Shapes"): Mibew's
 * array keys, with Mibew's objects as JSON objects. Three directions:
 *
 *  - toJson(): a PHP arguments array as Mibew passes it to its listeners
 *    (objects and all) => the JSON form, as PHP arrays;
 *  - apply(): writes the bridge's answer back into that arguments array, the
 *    way a PHP listener would have changed it: objects Mibew passes (a
 *    Thread, a Request, the RouteCollection, the button's Fragment, ...) are
 *    updated in place, so whoever holds them sees the change; arrays and
 *    scalars are replaced. Only what changed is touched: a value that comes
 *    back as it went keeps its PHP form (a numeric string from MySQL stays a
 *    string, a `false` placeholder stays `false`, 1.0 stays a float);
 *  - fromJson(): builds the PHP arguments from a JSON document, with the
 *    objects Mibew would have passed (the harness and the tests use it).
 *
 * encode() writes the JSON text, with {} wherever the JSON form has an
 * object that PHP keeps as an empty array.
 */
final class Codec
{
    /** Thread's properties, in the JSON form's order (mibew-model.md). */
    const THREAD_FIELDS = array(
        'id', 'lastRevision', 'state', 'invitationState', 'lastToken', 'nextAgent', 'groupId',
        'shownMessageId', 'messageCount', 'created', 'modified', 'closed', 'chatStarted',
        'agentId', 'agentName', 'agentTyping', 'lastPingAgent', 'locale', 'userId', 'userName',
        'userTyping', 'lastPingUser', 'remote', 'referer', 'userAgent',
    );

    /** Ban's properties, in the JSON form's order. */
    const BAN_FIELDS = array('id', 'created', 'till', 'address', 'comment');

    const JSON_FLAGS = JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES | JSON_PRESERVE_ZERO_FRACTION
        | JSON_INVALID_UTF8_SUBSTITUTE;

    /**
     * Members of an object's JSON form that its PHP class has no place for
     * (a key a C or Python listener added to a thread, a request
     * processor's extra keys): kept beside the object, so that they survive
     * the next conversion.
     *
     * @var \WeakMap|null
     */
    private static $extras = null;

    // ------------------------------------------------------------------
    // PHP => JSON form

    /**
     * The JSON form of an event's arguments, as PHP arrays.
     *
     * @param string $event Mibew's event name.
     * @param array $args The arguments as Mibew passes them.
     * @return array
     */
    public static function toJson($event, array $args)
    {
        $json = array();
        foreach ($args as $key => $value) {
            $json[$key] = self::valueToJson($event, EventTable::type($event, $key), $value);
        }

        return $json;
    }

    /**
     * The JSON text of an event's arguments in their JSON form (toJson()'s
     * result): the arguments are an object, and so is every empty array
     * that stands where the JSON form has an object.
     *
     * @return string
     * @throws \JsonException if the arguments cannot be written as JSON.
     */
    public static function encode($event, array $json)
    {
        $shaped = array();
        foreach ($json as $key => $value) {
            $type = EventTable::type($event, $key);
            $shaped[$key] = ($type !== null && isset(EventTable::SHAPES[$type]))
                ? self::shape($value, EventTable::SHAPES[$type])
                : $value;
        }

        return json_encode((object)$shaped, self::JSON_FLAGS | JSON_THROW_ON_ERROR);
    }

    private static function valueToJson($event, $type, $value)
    {
        if (!is_object($value)) {
            return $value;
        }

        switch ($type) {
            case 'RouteUrlGenerator':
                return self::routeUrlGeneratorToJson($value);
            case 'AssetUrlGenerator':
                return self::assetUrlGeneratorToJson($value);
            case 'RequestProcessor':
                return self::requestProcessorToJson($event, $value);
        }

        if ($value instanceof \Mibew\Thread) {
            return self::recordToJson($value, self::THREAD_FIELDS);
        }
        if ($value instanceof \Mibew\Ban) {
            return self::recordToJson($value, self::BAN_FIELDS);
        }
        if ($value instanceof \Symfony\Component\HttpFoundation\Request) {
            return self::requestToJson($value);
        }
        if ($value instanceof \Symfony\Component\HttpFoundation\Response) {
            return self::responseToJson($value);
        }
        if ($value instanceof \Symfony\Component\Routing\RouteCollection) {
            return self::routesToJson($value);
        }
        if ($value instanceof \Mibew\Button\Generator\GeneratorInterface) {
            return self::generatorToJson($value);
        }
        if ($value instanceof \JsonSerializable) {
            return $value->jsonSerialize();
        }
        if (method_exists($value, '__toString')) {
            // The button's \Canteen\HTML5\Fragment, or any markup object.
            return (string)$value;
        }

        return get_object_vars($value);
    }

    private static function recordToJson($object, array $fields)
    {
        $json = array();
        foreach ($fields as $field) {
            $json[$field] = $object->$field;
        }

        return $json + self::extrasOf($object);
    }

    private static function requestToJson(\Symfony\Component\HttpFoundation\Request $request)
    {
        $headers = array();
        foreach ($request->headers->all() as $name => $values) {
            $headers[$name] = is_array($values) ? implode(', ', $values) : (string)$values;
        }
        $content = $request->getContent();

        return array(
            'method' => $request->getMethod(),
            // The URL as the client sent it (Request::getUri() would sort
            // and re-encode the query).
            'uri' => $request->getSchemeAndHttpHost() . $request->getRequestUri(),
            'path' => $request->getPathInfo(),
            'query' => $request->query->all(),
            'headers' => $headers,
            'cookies' => $request->cookies->all(),
            'body' => ($content === '' || $content === false) ? null : $content,
        ) + self::extrasOf($request);
    }

    private static function responseToJson(\Symfony\Component\HttpFoundation\Response $response)
    {
        $headers = array();
        foreach ($response->headers->all() as $name => $values) {
            $headers[$name] = is_array($values) ? implode(', ', $values) : (string)$values;
        }
        $content = $response->getContent();

        return array(
            'status' => $response->getStatusCode(),
            'headers' => $headers,
            'content' => $content === false ? '' : $content,
        ) + self::extrasOf($response);
    }

    private static function routesToJson(\Symfony\Component\Routing\RouteCollection $routes)
    {
        $json = array();
        foreach ($routes->all() as $name => $route) {
            $json[$name] = array(
                'path' => $route->getPath(),
                'defaults' => $route->getDefaults(),
                'requirements' => $route->getRequirements(),
                'methods' => $route->getMethods(),
            );
        }

        return $json;
    }

    private static function generatorToJson($generator)
    {
        return array(
            'class' => get_class($generator),
            'options' => self::generatorOptions($generator),
        ) + self::extrasOf($generator);
    }

    /**
     * A button generator's options: GeneratorInterface only reads them one
     * by one, so the array is read from AbstractGenerator's $options.
     */
    private static function generatorOptions($generator)
    {
        if (method_exists($generator, 'getOptions')) {
            return (array)$generator->getOptions();
        }
        for ($class = new \ReflectionClass($generator); $class; $class = $class->getParentClass()) {
            if ($class->hasProperty('options')) {
                $property = $class->getProperty('options');
                $property->setAccessible(true);

                return (array)$property->getValue($generator);
            }
        }

        return array();
    }

    private static function routeUrlGeneratorToJson($generator)
    {
        if (method_exists($generator, 'getContext')) {
            $context = $generator->getContext();
            $scheme = $context->getScheme();
            $port = ($scheme === 'https') ? $context->getHttpsPort() : $context->getHttpPort();
            $default = ($scheme === 'https') ? 443 : 80;

            return array(
                'base_url' => $scheme . '://' . $context->getHost()
                    . ($port != $default ? ':' . $port : '') . $context->getBaseUrl(),
            ) + self::extrasOf($generator);
        }

        return self::assetUrlGeneratorToJson($generator);
    }

    private static function assetUrlGeneratorToJson($generator)
    {
        if (method_exists($generator, 'getScheme') && method_exists($generator, 'getHost')
            && method_exists($generator, 'getBasePath')) {
            // Mibew's \Mibew\Asset\Generator\UrlGenerator.
            $scheme = $generator->getScheme();
            $port = ($scheme === 'https') ? $generator->getHttpsPort() : $generator->getHttpPort();
            $default = ($scheme === 'https') ? 443 : 80;
            $base = $scheme . '://' . $generator->getHost() . ($port != $default ? ':' . $port : '')
                . $generator->getBasePath();
        } elseif (method_exists($generator, 'generate')) {
            // Any UrlGeneratorInterface: the absolute URL of the root.
            $base = rtrim($generator->generate('', true), '/');
        } else {
            $base = '';
        }

        return array('base_url' => $base) + self::extrasOf($generator);
    }

    private static function requestProcessorToJson($event, $processor)
    {
        if ($processor instanceof \Mibew\RequestProcessor\ThreadProcessor) {
            $kind = 'thread';
        } elseif ($processor instanceof \Mibew\RequestProcessor\UsersProcessor) {
            $kind = 'users';
        } else {
            $kind = (strpos($event, 'users') === 0) ? 'users' : 'thread';
        }

        return array('kind' => $kind) + self::extrasOf($processor);
    }

    private static function shape($value, $shape)
    {
        if (!is_array($value)) {
            return $value;
        }
        if ($shape === 'dict') {
            return (object)$value;
        }
        switch ($shape[0]) {
            case 'dict':
                foreach ($value as $key => $item) {
                    $value[$key] = self::shape($item, $shape[1]);
                }

                return (object)$value;
            case 'list':
                foreach ($value as $key => $item) {
                    $value[$key] = self::shape($item, $shape[1]);
                }

                return $value;
            case 'fields':
                foreach ($shape[1] as $key => $member) {
                    if (array_key_exists($key, $value)) {
                        $value[$key] = self::shape($value[$key], $member);
                    }
                }

                return (object)$value;
        }

        return $value;
    }

    // ------------------------------------------------------------------
    // JSON form => PHP, into the arguments Mibew passed

    /**
     * Writes the bridge's answer into the arguments.
     *
     * @param string $event Mibew's event name.
     * @param array $args The arguments Mibew passed (by reference).
     * @param array $sent What was sent: toJson($event, $args) before the call.
     * @param array $answer The bridge's answer, decoded (JSON objects as
     *   arrays).
     * @return string[] The keys that changed.
     */
    public static function apply($event, array &$args, array $sent, array $answer)
    {
        $changed = array();
        foreach ($answer as $key => $value) {
            $type = EventTable::type($event, $key);
            if ($type === '[Asset]' && is_array($value)) {
                $value = self::shortAssets(array_key_exists($key, $sent) ? $sent[$key] : null, $value);
            }
            if (array_key_exists($key, $sent)) {
                if (self::same($sent[$key], $value)) {
                    continue;
                }
                $current = array_key_exists($key, $args) ? $args[$key] : null;
                $args[$key] = self::applyValue($type, $current, $sent[$key], $value);
            } else {
                // A key a listener added.
                $args[$key] = self::valueFromJson($event, $type, $value);
            }
            $changed[] = $key;
        }

        return $changed;
    }

    private static function applyValue($type, $current, $sent, $answer)
    {
        if (is_object($current)) {
            if ($answer === null || $answer === false) {
                // No one can take an object back (a Response once set, the
                // request): null or false leaves it.
                return $current;
            }
            switch ($type) {
                case 'RouteUrlGenerator':
                    return self::updateRouteUrlGenerator($current, $answer);
                case 'AssetUrlGenerator':
                    return self::updateAssetUrlGenerator($current, $answer);
                case 'RequestProcessor':
                    return self::updateExtras($current, array('kind'), $sent, $answer);
            }
            if ($current instanceof \Mibew\Thread) {
                return self::updateRecord($current, self::THREAD_FIELDS, $sent, $answer);
            }
            if ($current instanceof \Mibew\Ban) {
                return self::updateRecord($current, self::BAN_FIELDS, $sent, $answer);
            }
            if ($current instanceof \Symfony\Component\HttpFoundation\Request && is_array($answer)) {
                return self::requestFromJson($answer, $current, $sent);
            }
            if ($current instanceof \Symfony\Component\HttpFoundation\Response && is_array($answer)) {
                return self::responseFromJson($answer, $current);
            }
            if ($current instanceof \Symfony\Component\Routing\RouteCollection && is_array($answer)) {
                return self::updateRoutes($current, $sent, $answer);
            }
            if ($current instanceof \Mibew\Button\Generator\GeneratorInterface) {
                return self::updateGenerator($current, $sent, $answer);
            }
            if ($current instanceof \Canteen\HTML5\NodeContainer && is_string($answer)) {
                return self::updateFragment($current, $answer);
            }

            return self::valueFromJson('', $type, $answer);
        }

        if (($current === false || $current === null) && is_array($answer)) {
            // An out slot a listener filled ("response" => false becomes a
            // Response; "operator" and "visitors" become arrays).
            return self::valueFromJson('', $type, $answer);
        }

        return self::merge($current, $answer);
    }

    /**
     * Assets in the short form a PHP plugin writes (`$args['css'][] =
     * 'path/to.css'`) where the answer has the long form that means the
     * same, {"content": URL, "type": "relative", "weight": 500}: the
     * bridge's listeners see every asset in the long form. An asset that
     * was sent in the long form stays in it.
     */
    private static function shortAssets($sent, array $assets)
    {
        $long = array();
        if (is_array($sent)) {
            foreach ($sent as $asset) {
                if (is_array($asset) && isset($asset['content']) && is_string($asset['content'])) {
                    $long[$asset['content']] = true;
                }
            }
        }
        foreach ($assets as $i => $asset) {
            if (is_array($asset) && count($asset) === 3 && isset($asset['content'], $asset['type'], $asset['weight'])
                && is_string($asset['content']) && $asset['type'] === 'relative' && $asset['weight'] === 500
                && !isset($long[$asset['content']])) {
                $assets[$i] = $asset['content'];
            }
        }

        return $assets;
    }

    private static function updateRecord($object, array $fields, $sent, $answer)
    {
        if (!is_array($answer)) {
            return $object;
        }
        $extras = self::extrasOf($object);
        foreach ($answer as $field => $value) {
            if ($sent === null) {
                // A new object: every value as the JSON form has it.
                if (in_array($field, $fields, true)) {
                    $object->$field = $value;
                } else {
                    $extras[$field] = $value;
                }
                continue;
            }
            if (is_array($sent) && array_key_exists($field, $sent) && self::same($sent[$field], $value)) {
                continue;
            }
            if (in_array($field, $fields, true)) {
                $object->$field = self::merge($object->$field, $value);
            } else {
                $extras[$field] = $value;
            }
        }
        if (is_array($sent)) {
            foreach (array_keys($extras) as $field) {
                if (!array_key_exists($field, $answer) && array_key_exists($field, $sent)) {
                    unset($extras[$field]);
                }
            }
        }
        self::setExtras($object, $extras);

        return $object;
    }

    private static function updateExtras($object, array $fields, $sent, $answer)
    {
        if (!is_array($answer)) {
            return $object;
        }
        $extras = array();
        foreach ($answer as $field => $value) {
            if (!in_array($field, $fields, true)) {
                $extras[$field] = $value;
            }
        }
        self::setExtras($object, $extras);

        return $object;
    }

    private static function updateRoutes(\Symfony\Component\Routing\RouteCollection $routes, $sent, array $answer)
    {
        foreach ($answer as $name => $route) {
            if (!is_array($route)) {
                continue;
            }
            $existing = $routes->get($name);
            if ($existing === null) {
                $routes->add($name, self::routeFromJson($route));
                continue;
            }
            $before = is_array($sent) && isset($sent[$name]) ? $sent[$name] : array();
            foreach (array('path', 'defaults', 'requirements', 'methods') as $member) {
                if (!array_key_exists($member, $route)) {
                    continue;
                }
                if (array_key_exists($member, $before) && self::same($before[$member], $route[$member])) {
                    continue;
                }
                $value = $route[$member];
                switch ($member) {
                    case 'path':
                        $existing->setPath((string)$value);
                        break;
                    case 'defaults':
                        $existing->setDefaults((array)$value);
                        break;
                    case 'requirements':
                        $existing->setRequirements((array)$value);
                        break;
                    case 'methods':
                        $existing->setMethods((array)$value);
                        break;
                }
            }
        }
        foreach (array_keys($routes->all()) as $name) {
            if (!array_key_exists($name, $answer)) {
                $routes->remove($name);
            }
        }
        if (array_keys($routes->all()) !== array_map('strval', array_keys($answer))) {
            // The order changed: RouteCollection::add() moves a route to the
            // end, so adding them all again in the answer's order restores it.
            foreach (array_keys($answer) as $name) {
                $route = $routes->get($name);
                if ($route !== null) {
                    $routes->add($name, $route);
                }
            }
        }

        return $routes;
    }

    private static function updateGenerator($generator, $sent, $answer)
    {
        if (!is_array($answer) || !isset($answer['options']) || !is_array($answer['options'])) {
            return $generator;
        }
        $before = (is_array($sent) && isset($sent['options']) && is_array($sent['options']))
            ? $sent['options'] : array();
        foreach ($answer['options'] as $name => $value) {
            if (array_key_exists($name, $before) && self::same($before[$name], $value)) {
                continue;
            }
            $generator->setOption($name, array_key_exists($name, $before) ? self::merge($before[$name], $value) : $value);
        }
        $extras = $answer;
        unset($extras['class'], $extras['options']);
        self::setExtras($generator, $extras);

        return $generator;
    }

    private static function updateFragment(\Canteen\HTML5\NodeContainer $fragment, $html)
    {
        // Canteen's Text nodes print their text as it is: the fragment
        // prints exactly the markup the listener left.
        $fragment->removeChildren();
        if (trim($html) !== '') {
            $fragment->addChild($html);
        }

        return $fragment;
    }

    private static function updateRouteUrlGenerator($generator, $answer)
    {
        if (!is_array($answer) || !isset($answer['base_url']) || !method_exists($generator, 'getContext')) {
            return $generator;
        }
        $url = self::parseBaseUrl($answer['base_url']);
        $context = $generator->getContext();
        $context->setScheme($url['scheme']);
        $context->setHost($url['host']);
        $context->setHttpPort($url['http_port']);
        $context->setHttpsPort($url['https_port']);
        $context->setBaseUrl($url['path']);
        $extras = $answer;
        unset($extras['base_url']);
        self::setExtras($generator, $extras);

        return $generator;
    }

    private static function updateAssetUrlGenerator($generator, $answer)
    {
        if (!is_array($answer) || !isset($answer['base_url'])) {
            return $generator;
        }
        $url = self::parseBaseUrl($answer['base_url']);
        foreach (array(
            'setScheme' => $url['scheme'],
            'setHost' => $url['host'],
            'setHttpPort' => $url['http_port'],
            'setHttpsPort' => $url['https_port'],
            'setBasePath' => $url['path'],
        ) as $setter => $value) {
            if (method_exists($generator, $setter)) {
                $generator->$setter($value);
            }
        }
        $extras = $answer;
        unset($extras['base_url']);
        self::setExtras($generator, $extras);

        return $generator;
    }

    // ------------------------------------------------------------------
    // JSON form => new PHP values

    /**
     * An event's arguments built from their JSON form, with the objects
     * Mibew would pass (\Mibew\Thread, Symfony's Request, ...).
     *
     * @param string $event Mibew's event name.
     * @param array $json The JSON form, decoded with JSON objects as arrays.
     * @return array
     */
    public static function fromJson($event, array $json)
    {
        $args = array();
        foreach ($json as $key => $value) {
            $args[$key] = self::valueFromJson($event, EventTable::type($event, $key), $value);
        }

        return $args;
    }

    private static function valueFromJson($event, $type, $value)
    {
        if (!is_array($value)) {
            if ($type === 'Fragment' && is_string($value) && class_exists('Canteen\HTML5\Fragment')) {
                $fragment = new \Canteen\HTML5\Fragment();

                return self::updateFragment($fragment, $value);
            }

            return $value;
        }

        switch ($type) {
            case 'Thread':
                return class_exists('Mibew\Thread')
                    ? self::updateRecord(new \Mibew\Thread(), self::THREAD_FIELDS, null, $value)
                    : $value;
            case 'Ban':
                return class_exists('Mibew\Ban')
                    ? self::updateRecord(new \Mibew\Ban(), self::BAN_FIELDS, null, $value)
                    : $value;
            case 'Request':
                return self::requestFromJson($value, null, null);
            case 'Response':
                return self::responseFromJson($value, null);
            case 'RouteCollection':
                $routes = new \Symfony\Component\Routing\RouteCollection();
                foreach ($value as $name => $route) {
                    $routes->add($name, self::routeFromJson((array)$route));
                }

                return $routes;
            case 'ButtonGenerator':
                return self::generatorFromJson($value);
            case 'RouteUrlGenerator':
                return self::routeUrlGeneratorFromJson($value);
            case 'AssetUrlGenerator':
                return self::assetUrlGeneratorFromJson($value);
            case 'RequestProcessor':
                return self::requestProcessorFromJson($event, $value);
        }

        return $value;
    }

    /**
     * A Symfony Request from its JSON form; with $into, that Request is
     * re-initialised in place (its attributes, such as "_route", and files
     * stay).
     */
    private static function requestFromJson(array $json, $into, $sent)
    {
        $json += array(
            'method' => 'GET',
            'uri' => '/',
            'path' => null,
            'query' => array(),
            'headers' => array(),
            'cookies' => array(),
            'body' => null,
        );
        $method = strtoupper((string)$json['method']);
        $url = parse_url((string)$json['uri']);
        if ($url === false) {
            $url = array();
        }
        $path = isset($url['path']) ? $url['path'] : '/';
        $raw_query = isset($url['query']) ? $url['query'] : '';
        $https = isset($url['scheme']) && strtolower($url['scheme']) === 'https';

        $server = array();
        if ($into !== null) {
            foreach ($into->server->all() as $name => $value) {
                if (strpos($name, 'HTTP_') !== 0
                    && !in_array($name, array('CONTENT_TYPE', 'CONTENT_LENGTH', 'CONTENT_MD5', 'HTTPS'), true)) {
                    $server[$name] = $value;
                }
            }
        } else {
            // Where Mibew is installed: the part of the URL's path before
            // the route's path.
            $base = '';
            if (is_string($json['path']) && $json['path'] !== ''
                && substr($path, -strlen($json['path'])) === $json['path']) {
                $base = rtrim(substr($path, 0, strlen($path) - strlen($json['path'])), '/');
            }
            $server = array(
                'SERVER_PROTOCOL' => 'HTTP/1.1',
                'SCRIPT_NAME' => $base . '/index.php',
                'PHP_SELF' => $base . '/index.php',
                'SCRIPT_FILENAME' => '/index.php',
                'REQUEST_TIME' => time(),
            );
        }
        $server['REQUEST_METHOD'] = $method;
        $server['REQUEST_URI'] = $path . ($raw_query !== '' ? '?' . $raw_query : '');
        $server['QUERY_STRING'] = $raw_query;
        if (isset($url['host'])) {
            $server['SERVER_NAME'] = $url['host'];
        }
        $server['SERVER_PORT'] = isset($url['port']) ? $url['port'] : ($https ? 443 : 80);
        if ($https) {
            $server['HTTPS'] = 'on';
        }
        $headers = array();
        foreach ((array)$json['headers'] as $name => $value) {
            $headers[$name] = $value;
            $key = strtoupper(strtr($name, '-', '_'));
            if (in_array($key, array('CONTENT_TYPE', 'CONTENT_LENGTH', 'CONTENT_MD5'), true)) {
                $server[$key] = $value;
            } else {
                $server['HTTP_' . $key] = $value;
            }
        }

        $body = $json['body'];
        $post = array();
        $body_changed = $into === null || !is_array($sent) || !array_key_exists('body', $sent)
            || !self::same($sent['body'], $body);
        if ($into !== null && !$body_changed) {
            $post = $into->request->all();
        } elseif (is_string($body) && in_array($method, array('POST', 'PUT', 'DELETE', 'PATCH'), true)
            && isset($server['CONTENT_TYPE'])
            && stripos($server['CONTENT_TYPE'], 'application/x-www-form-urlencoded') === 0) {
            parse_str($body, $post);
        }

        $query = (array)$json['query'];
        $cookies = (array)$json['cookies'];
        $content = is_string($body) ? $body : '';
        if ($into !== null) {
            $into->initialize($query, $post, $into->attributes->all(), $cookies, $into->files->all(), $server, $content);
            $request = $into;
        } else {
            $request = new \Symfony\Component\HttpFoundation\Request($query, $post, array(), $cookies, array(), $server, $content);
        }
        // The headers exactly as the JSON form has them (the server bag
        // would add an Authorization header for PHP_AUTH_*, for one).
        $request->headers->replace($headers);

        $extras = $json;
        unset($extras['method'], $extras['uri'], $extras['path'], $extras['query'], $extras['headers'],
            $extras['cookies'], $extras['body']);
        self::setExtras($request, $extras);

        return $request;
    }

    private static function responseFromJson(array $json, $into)
    {
        $status = isset($json['status']) ? (int)$json['status'] : 200;
        $content = isset($json['content']) ? (string)$json['content'] : '';
        $headers = isset($json['headers']) ? (array)$json['headers'] : array();
        if ($into === null) {
            // What a PHP plugin would do: new Response(...). Symfony adds
            // Cache-Control and Date headers where they are missing.
            $response = new \Symfony\Component\HttpFoundation\Response($content, $status, $headers);
        } else {
            $response = $into;
            $response->setStatusCode($status);
            $response->setContent($content);
            $response->headers->replace($headers);
        }
        $extras = $json;
        unset($extras['status'], $extras['content'], $extras['headers']);
        self::setExtras($response, $extras);

        return $response;
    }

    private static function routeFromJson(array $json)
    {
        return new \Symfony\Component\Routing\Route(
            isset($json['path']) ? (string)$json['path'] : '/',
            isset($json['defaults']) ? (array)$json['defaults'] : array(),
            isset($json['requirements']) ? (array)$json['requirements'] : array(),
            array(),
            '',
            array(),
            isset($json['methods']) ? (array)$json['methods'] : array()
        );
    }

    private static function generatorFromJson(array $json)
    {
        $class = isset($json['class']) ? (string)$json['class'] : '';
        if ($class === '' || !class_exists($class)
            || !is_subclass_of($class, 'Mibew\Button\Generator\GeneratorInterface')) {
            return $json;
        }
        // A generator is only described, never rebuilt: no URL generators
        // are at hand here, so its constructor is skipped.
        $reflection = new \ReflectionClass($class);
        $generator = $reflection->newInstanceWithoutConstructor();
        $options = isset($json['options']) ? (array)$json['options'] : array();
        $set = false;
        for ($c = $reflection; $c; $c = $c->getParentClass()) {
            if ($c->hasProperty('options')) {
                $property = $c->getProperty('options');
                $property->setAccessible(true);
                $property->setValue($generator, $options);
                $set = true;
                break;
            }
        }
        if (!$set) {
            foreach ($options as $name => $value) {
                $generator->setOption($name, $value);
            }
        }
        $extras = $json;
        unset($extras['class'], $extras['options']);
        self::setExtras($generator, $extras);

        return $generator;
    }

    private static function routeUrlGeneratorFromJson(array $json)
    {
        if (!isset($json['base_url']) || !class_exists('Mibew\Routing\Generator\UrlGenerator')) {
            return $json;
        }
        $url = self::parseBaseUrl($json['base_url']);
        $generator = new \Mibew\Routing\Generator\UrlGenerator(
            new \Symfony\Component\Routing\RouteCollection(),
            new \Symfony\Component\Routing\RequestContext(
                $url['path'],
                'GET',
                $url['host'],
                $url['scheme'],
                $url['http_port'],
                $url['https_port']
            )
        );
        $extras = $json;
        unset($extras['base_url']);
        self::setExtras($generator, $extras);

        return $generator;
    }

    private static function assetUrlGeneratorFromJson(array $json)
    {
        if (!isset($json['base_url']) || !class_exists('Mibew\Asset\Generator\UrlGenerator')) {
            return $json;
        }
        $url = self::parseBaseUrl($json['base_url']);
        $generator = new \Mibew\Asset\Generator\UrlGenerator(
            $url['host'],
            $url['path'],
            $url['scheme'],
            $url['http_port'],
            $url['https_port']
        );
        $extras = $json;
        unset($extras['base_url']);
        self::setExtras($generator, $extras);

        return $generator;
    }

    private static function requestProcessorFromJson($event, array $json)
    {
        $kind = isset($json['kind']) ? $json['kind'] : ((strpos($event, 'users') === 0) ? 'users' : 'thread');
        $class = ($kind === 'users') ? 'Mibew\RequestProcessor\UsersProcessor' : 'Mibew\RequestProcessor\ThreadProcessor';
        if (!class_exists($class) || !method_exists($class, 'getInstance')) {
            return $json;
        }
        $processor = $class::getInstance();
        $extras = $json;
        unset($extras['kind']);
        self::setExtras($processor, $extras);

        return $processor;
    }

    private static function parseBaseUrl($base_url)
    {
        $url = parse_url((string)$base_url);
        if ($url === false) {
            $url = array();
        }
        $scheme = isset($url['scheme']) ? strtolower($url['scheme']) : 'http';
        $port = isset($url['port']) ? (int)$url['port'] : null;

        return array(
            'scheme' => $scheme,
            'host' => isset($url['host']) ? $url['host'] : 'localhost',
            'http_port' => ($scheme === 'http' && $port !== null) ? $port : 80,
            'https_port' => ($scheme === 'https' && $port !== null) ? $port : 443,
            'path' => isset($url['path']) ? rtrim($url['path'], '/') : '',
        );
    }

    // ------------------------------------------------------------------
    // Comparing and merging JSON values

    /**
     * Tells whether two JSON values mean the same to Mibew: equal, or equal
     * but for the forms PHP and MySQL give them (the numeric string "17" and
     * 17, 0/1 and false/true, 1.0 and 1, the placeholder false and null).
     * Arrays are the same when their keys come in the same order and their
     * values are the same.
     */
    public static function same($a, $b)
    {
        if ($a === $b) {
            return true;
        }
        if (is_array($a)) {
            if (!is_array($b) || count($a) !== count($b) || array_keys($a) !== array_keys($b)) {
                return false;
            }
            foreach ($a as $key => $value) {
                if (!self::same($value, $b[$key])) {
                    return false;
                }
            }

            return true;
        }
        if (is_array($b)) {
            return false;
        }
        if (is_string($a) && (is_int($b) || is_float($b))) {
            return is_numeric($a) && $a == $b;
        }
        if ((is_int($a) || is_float($a)) && (is_int($b) || is_float($b))) {
            return $a == $b;
        }
        if ((is_int($a) && is_bool($b)) || (is_bool($a) && is_int($b))) {
            $int = is_int($a) ? $a : $b;
            $bool = is_bool($a) ? $a : $b;

            return ($int === 0 || $int === 1) && (bool)$int === $bool;
        }
        if (($a === false && $b === null) || ($a === null && $b === false)) {
            return true;
        }

        return false;
    }

    /**
     * The answer, with every part that is the same as before kept in its PHP
     * form. Lists of records with an "id" (messages, the operators' lists)
     * are matched by id, so that removing or sorting entries does not mix up
     * their values.
     */
    public static function merge($before, $answer)
    {
        if (self::same($before, $answer)) {
            return $before;
        }
        if (!is_array($before) || !is_array($answer)) {
            return $answer;
        }
        $out = array();
        if (self::isList($answer) && self::isList($before)) {
            $index = self::idIndex($before);
            foreach ($answer as $position => $item) {
                if ($index !== null && is_array($item) && isset($item['id']) && is_scalar($item['id'])) {
                    $at = isset($index[(string)$item['id']]) ? $index[(string)$item['id']] : null;
                } else {
                    $at = ($index === null && $position < count($before)) ? $position : null;
                }
                $out[] = ($at === null) ? $item : self::merge($before[$at], $item);
            }

            return $out;
        }
        foreach ($answer as $key => $value) {
            $out[$key] = array_key_exists($key, $before) ? self::merge($before[$key], $value) : $value;
        }

        return $out;
    }

    private static function idIndex(array $list)
    {
        if (!$list) {
            return null;
        }
        $index = array();
        foreach ($list as $position => $item) {
            if (!is_array($item) || !isset($item['id']) || !is_scalar($item['id'])
                || isset($index[(string)$item['id']])) {
                return null;
            }
            $index[(string)$item['id']] = $position;
        }

        return $index;
    }

    private static function isList(array $array)
    {
        return $array === array() || array_keys($array) === range(0, count($array) - 1);
    }

    // ------------------------------------------------------------------

    private static function extrasOf($object)
    {
        if (self::$extras === null || !isset(self::$extras[$object])) {
            return array();
        }

        return self::$extras[$object];
    }

    private static function setExtras($object, array $extras)
    {
        if (self::$extras === null) {
            if (!$extras) {
                return;
            }
            self::$extras = new \WeakMap();
        }
        if ($extras) {
            self::$extras[$object] = $extras;
        } else {
            unset(self::$extras[$object]);
        }
    }
}
