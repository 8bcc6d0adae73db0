<?php
/*
 * A Mibew plugin for the tests: listens to events after (or before) the
 * GnomeBridge plugin and records what it sees, as a PHP plugin would.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

namespace Test\Mibew\Plugin\Observer;

use Mibew\EventDispatcher\EventDispatcher;
use Mibew\Mibew\Plugin\GnomeBridge\Codec;
use Mibew\Mibew\Plugin\GnomeBridge\EventTable;

/**
 * Configuration: "events" (the events to listen to; all 41 by default),
 * "weight" (AbstractPlugin's: higher than GnomeBridge's means after it).
 */
class Plugin extends \Mibew\Plugin\AbstractPlugin implements \Mibew\Plugin\PluginInterface
{
    /** @var array What each call saw: event, JSON form, PHP types. */
    public static $seen = array();

    protected $initialized = true;

    public function run()
    {
        $events = isset($this->config['events']) ? $this->config['events'] : array_keys(EventTable::EVENTS);
        foreach ($events as $event) {
            EventDispatcher::getInstance()->attachListener($event, $this, 'on' . ucfirst($event));
        }
    }

    public function record($event, array &$args)
    {
        $types = array();
        $ids = array();
        foreach ($args as $key => $value) {
            $types[$key] = is_object($value) ? get_class($value) : gettype($value);
            if (is_object($value)) {
                $ids[$key] = spl_object_id($value);
            }
        }
        self::$seen[] = array(
            'event' => $event,
            'args' => Codec::toJson($event, $args),
            'types' => $types,
            'ids' => $ids,
        );
    }

    public static function getVersion()
    {
        return '1.0.0';
    }

    public static function getDependencies()
    {
        return array('Mibew:GnomeBridge' => '0.x');
    }

    public function onBanCreate(&$args)
    {
        $this->record('banCreate', $args);
    }

    public function onBanUpdate(&$args)
    {
        $this->record('banUpdate', $args);
    }

    public function onBanDelete(&$args)
    {
        $this->record('banDelete', $args);
    }

    public function onButtonGenerate(&$args)
    {
        $this->record('buttonGenerate', $args);
    }

    public function onCronRun(&$args)
    {
        $this->record('cronRun', $args);
    }

    public function onGroupCreate(&$args)
    {
        $this->record('groupCreate', $args);
    }

    public function onGroupUpdate(&$args)
    {
        $this->record('groupUpdate', $args);
    }

    public function onGroupDelete(&$args)
    {
        $this->record('groupDelete', $args);
    }

    public function onGroupUpdateOperators(&$args)
    {
        $this->record('groupUpdateOperators', $args);
    }

    public function onInvitationCreate(&$args)
    {
        $this->record('invitationCreate', $args);
    }

    public function onInvitationAccept(&$args)
    {
        $this->record('invitationAccept', $args);
    }

    public function onInvitationReject(&$args)
    {
        $this->record('invitationReject', $args);
    }

    public function onInvitationIgnore(&$args)
    {
        $this->record('invitationIgnore', $args);
    }

    public function onOperatorAuthenticate(&$args)
    {
        $this->record('operatorAuthenticate', $args);
    }

    public function onOperatorLogin(&$args)
    {
        $this->record('operatorLogin', $args);
    }

    public function onOperatorLogout(&$args)
    {
        $this->record('operatorLogout', $args);
    }

    public function onOperatorCreate(&$args)
    {
        $this->record('operatorCreate', $args);
    }

    public function onOperatorUpdate(&$args)
    {
        $this->record('operatorUpdate', $args);
    }

    public function onOperatorDelete(&$args)
    {
        $this->record('operatorDelete', $args);
    }

    public function onPageAddCss(&$args)
    {
        $this->record('pageAddCss', $args);
    }

    public function onPageAddJs(&$args)
    {
        $this->record('pageAddJs', $args);
    }

    public function onPageAddJsPluginOptions(&$args)
    {
        $this->record('pageAddJsPluginOptions', $args);
    }

    public function onResourceAccessDenied(&$args)
    {
        $this->record('resourceAccessDenied', $args);
    }

    public function onResourceNotFound(&$args)
    {
        $this->record('resourceNotFound', $args);
    }

    public function onRoutesAlter(&$args)
    {
        $this->record('routesAlter', $args);
    }

    public function onThreadFunctionCall(&$args)
    {
        $this->record('threadFunctionCall', $args);
    }

    public function onThreadCreate(&$args)
    {
        $this->record('threadCreate', $args);
    }

    public function onThreadUpdate(&$args)
    {
        $this->record('threadUpdate', $args);
    }

    public function onThreadDelete(&$args)
    {
        $this->record('threadDelete', $args);
    }

    public function onThreadClose(&$args)
    {
        $this->record('threadClose', $args);
    }

    public function onThreadPostMessage(&$args)
    {
        $this->record('threadPostMessage', $args);
    }

    public function onThreadGetMessagesAlter(&$args)
    {
        $this->record('threadGetMessagesAlter', $args);
    }

    public function onThreadUserIsReady(&$args)
    {
        $this->record('threadUserIsReady', $args);
    }

    public function onUsersUpdateThreadsAlter(&$args)
    {
        $this->record('usersUpdateThreadsAlter', $args);
    }

    public function onUsersUpdateVisitorsLoad(&$args)
    {
        $this->record('usersUpdateVisitorsLoad', $args);
    }

    public function onUsersUpdateVisitorsAlter(&$args)
    {
        $this->record('usersUpdateVisitorsAlter', $args);
    }

    public function onUsersFunctionCall(&$args)
    {
        $this->record('usersFunctionCall', $args);
    }

    public function onVisitorCreate(&$args)
    {
        $this->record('visitorCreate', $args);
    }

    public function onVisitorTrack(&$args)
    {
        $this->record('visitorTrack', $args);
    }

    public function onVisitorDeleteOld(&$args)
    {
        $this->record('visitorDeleteOld', $args);
    }

    public function onWidgetResponseAlter(&$args)
    {
        $this->record('widgetResponseAlter', $args);
    }
}
