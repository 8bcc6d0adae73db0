<?php
/*
 * mibew-events: the Mibew side of the HTTP bridge.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

namespace Mibew\Mibew\Plugin\GnomeBridge;

/**
 * The 41 events the bridge knows, with the type of each argument.
 *
 * The names are the values of Mibew's \Mibew\EventDispatcher\Events
 * constants; the types say how Codec turns a PHP value into its JSON form
 * (events.md, "Shapes") and back. Keys that are not listed (a plugin's own
 * top-level keys) travel as they are.
 *
 * Types:
 *  - Thread, Ban: \Mibew\Thread and \Mibew\Ban objects (updated in place);
 *  - Request, Response, RouteCollection: the Symfony objects;
 *  - Fragment: the button, a \Canteen\HTML5\Fragment (or a string);
 *  - ButtonGenerator, RouteUrlGenerator, AssetUrlGenerator, RequestProcessor:
 *    the objects Mibew passes along for reference;
 *  - everything else is an array or a scalar, replaced when it changed; the
 *    names say where JSON has objects ({}), which PHP's arrays cannot tell.
 */
final class EventTable
{
    /** Event name => [argument key => type]. */
    const EVENTS = array(
        'banCreate' => array('ban' => 'Ban'),
        'banUpdate' => array('ban' => 'Ban', 'original_ban' => 'Ban'),
        'banDelete' => array('id' => 'int'),
        'buttonGenerate' => array('button' => 'Fragment', 'generator' => 'ButtonGenerator'),
        'cronRun' => array(),
        'groupCreate' => array('group' => 'Group'),
        'groupUpdate' => array('group' => 'Group', 'original_group' => 'Group'),
        'groupDelete' => array('id' => 'int'),
        'groupUpdateOperators' => array(
            'group' => 'Group',
            'original_operators' => '[int]',
            'operators' => '[int]',
        ),
        'invitationCreate' => array('invitation' => 'Thread'),
        'invitationAccept' => array('invitation' => 'Thread'),
        'invitationReject' => array('invitation' => 'Thread'),
        'invitationIgnore' => array('invitation' => 'Thread'),
        'operatorAuthenticate' => array('operator' => 'Operator', 'request' => 'Request'),
        'operatorLogin' => array('operator' => 'Operator', 'remember' => 'bool'),
        'operatorLogout' => array(),
        'operatorCreate' => array('operator' => 'Operator'),
        'operatorUpdate' => array('operator' => 'Operator', 'original_operator' => 'Operator'),
        'operatorDelete' => array('id' => 'int'),
        'pageAddCss' => array('request' => 'Request', 'css' => '[Asset]'),
        'pageAddJs' => array('request' => 'Request', 'js' => '[Asset]'),
        'pageAddJsPluginOptions' => array('request' => 'Request', 'plugins' => 'dict'),
        'resourceAccessDenied' => array('request' => 'Request', 'response' => 'Response'),
        'resourceNotFound' => array('request' => 'Request', 'response' => 'Response'),
        'routesAlter' => array('routes' => 'RouteCollection'),
        'threadFunctionCall' => array(
            'request_processor' => 'RequestProcessor',
            'function' => 'string',
            'arguments' => 'FunctionArguments',
            'results' => 'dict',
        ),
        'threadCreate' => array('thread' => 'Thread'),
        'threadUpdate' => array('thread' => 'Thread', 'original_thread' => 'Thread'),
        'threadDelete' => array('id' => 'int'),
        'threadClose' => array('thread' => 'Thread'),
        'threadPostMessage' => array(
            'thread' => 'Thread',
            'message_kind' => 'int',
            'message_body' => 'string',
            'message_options' => 'MessageOptions',
        ),
        'threadGetMessagesAlter' => array('thread' => 'Thread', 'messages' => '[Message]'),
        'threadUserIsReady' => array('thread' => 'Thread'),
        'usersUpdateThreadsAlter' => array('threads' => '[ListThread]'),
        'usersUpdateVisitorsLoad' => array('visitors' => '[ListVisitor]'),
        'usersUpdateVisitorsAlter' => array('visitors' => '[ListVisitor]'),
        'usersFunctionCall' => array(
            'request_processor' => 'RequestProcessor',
            'function' => 'string',
            'arguments' => 'FunctionArguments',
            'results' => 'dict',
        ),
        'visitorCreate' => array('visitor' => 'SiteVisitor'),
        'visitorTrack' => array('visitor' => 'SiteVisitor'),
        'visitorDeleteOld' => array('visitors' => '[int]'),
        'widgetResponseAlter' => array(
            'visitor' => 'SiteVisitor',
            'request' => 'Request',
            'response' => 'WidgetResponse',
            'route_url_generator' => 'RouteUrlGenerator',
            'asset_url_generator' => 'AssetUrlGenerator',
        ),
    );

    /**
     * Where the JSON form has objects, per type: 'dict' is an object with
     * values of any shape, array('dict', SHAPE) an object whose values have
     * SHAPE, array('list', SHAPE) a list, array('fields', array(KEY =>
     * SHAPE)) an object some of whose members have a shape. Types that are
     * not listed have no object that PHP could lose.
     */
    const SHAPES = array(
        'Group' => 'dict',
        'Operator' => 'dict',
        'SiteVisitor' => array('fields', array('details' => 'dict')),
        'Request' => array('fields', array('query' => 'dict', 'headers' => 'dict', 'cookies' => 'dict')),
        'Response' => array('fields', array('headers' => 'dict')),
        'RouteCollection' => array('dict', array('fields', array('defaults' => 'dict', 'requirements' => 'dict'))),
        'ButtonGenerator' => array('fields', array('options' => 'dict')),
        'RequestProcessor' => 'dict',
        'dict' => 'dict',
        'FunctionArguments' => array('fields', array('return' => 'dict', 'references' => 'dict')),
        'MessageOptions' => array('fields', array('data' => 'dict')),
        '[Message]' => array('list', array('fields', array('data' => 'dict'))),
        '[ListThread]' => array('list', 'dict'),
        '[ListVisitor]' => array('list', 'dict'),
        'WidgetResponse' => array('fields', array(
            'load' => 'dict',
            'dependencies' => 'dict',
            'data' => 'dict',
        )),
        'Thread' => 'dict',
        'Ban' => 'dict',
        'RouteUrlGenerator' => 'dict',
        'AssetUrlGenerator' => 'dict',
    );

    /**
     * Tells whether the bridge knows the event.
     */
    public static function has($event)
    {
        return isset(self::EVENTS[$event]);
    }

    /**
     * The type of an event's argument, or null for a key nobody documents.
     */
    public static function type($event, $key)
    {
        return isset(self::EVENTS[$event][$key]) ? self::EVENTS[$event][$key] : null;
    }

    /**
     * The name of the plugin's listener method for an event:
     * "threadPostMessage" => "onThreadPostMessage".
     */
    public static function listenerMethod($event)
    {
        return 'on' . ucfirst($event);
    }
}
