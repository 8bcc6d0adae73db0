<?php
/*
 * mibew-events: the Mibew side of the HTTP bridge.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

namespace Mibew\Mibew\Plugin\GnomeBridge;

/**
 * One listener method per event.
 *
 * Mibew's EventDispatcher calls `$plugin->$listener($arguments)` with the
 * arguments array only, by reference, and checks the method with
 * is_callable(). One method per event tells the event apart; __call() could
 * not do it, since PHP passes its arguments by value and the changes would
 * not reach Mibew.
 */
trait EventListeners
{
    /**
     * Forwards an event to the bridge and writes the answer into $args.
     */
    abstract public function forward($event, array &$args);

    public function onBanCreate(&$args)
    {
        $this->forward('banCreate', $args);
    }

    public function onBanUpdate(&$args)
    {
        $this->forward('banUpdate', $args);
    }

    public function onBanDelete(&$args)
    {
        $this->forward('banDelete', $args);
    }

    public function onButtonGenerate(&$args)
    {
        $this->forward('buttonGenerate', $args);
    }

    public function onCronRun(&$args)
    {
        $this->forward('cronRun', $args);
    }

    public function onGroupCreate(&$args)
    {
        $this->forward('groupCreate', $args);
    }

    public function onGroupUpdate(&$args)
    {
        $this->forward('groupUpdate', $args);
    }

    public function onGroupDelete(&$args)
    {
        $this->forward('groupDelete', $args);
    }

    public function onGroupUpdateOperators(&$args)
    {
        $this->forward('groupUpdateOperators', $args);
    }

    public function onInvitationCreate(&$args)
    {
        $this->forward('invitationCreate', $args);
    }

    public function onInvitationAccept(&$args)
    {
        $this->forward('invitationAccept', $args);
    }

    public function onInvitationReject(&$args)
    {
        $this->forward('invitationReject', $args);
    }

    public function onInvitationIgnore(&$args)
    {
        $this->forward('invitationIgnore', $args);
    }

    public function onOperatorAuthenticate(&$args)
    {
        $this->forward('operatorAuthenticate', $args);
    }

    public function onOperatorLogin(&$args)
    {
        $this->forward('operatorLogin', $args);
    }

    public function onOperatorLogout(&$args)
    {
        $this->forward('operatorLogout', $args);
    }

    public function onOperatorCreate(&$args)
    {
        $this->forward('operatorCreate', $args);
    }

    public function onOperatorUpdate(&$args)
    {
        $this->forward('operatorUpdate', $args);
    }

    public function onOperatorDelete(&$args)
    {
        $this->forward('operatorDelete', $args);
    }

    public function onPageAddCss(&$args)
    {
        $this->forward('pageAddCss', $args);
    }

    public function onPageAddJs(&$args)
    {
        $this->forward('pageAddJs', $args);
    }

    public function onPageAddJsPluginOptions(&$args)
    {
        $this->forward('pageAddJsPluginOptions', $args);
    }

    public function onResourceAccessDenied(&$args)
    {
        $this->forward('resourceAccessDenied', $args);
    }

    public function onResourceNotFound(&$args)
    {
        $this->forward('resourceNotFound', $args);
    }

    public function onRoutesAlter(&$args)
    {
        $this->forward('routesAlter', $args);
    }

    public function onThreadFunctionCall(&$args)
    {
        $this->forward('threadFunctionCall', $args);
    }

    public function onThreadCreate(&$args)
    {
        $this->forward('threadCreate', $args);
    }

    public function onThreadUpdate(&$args)
    {
        $this->forward('threadUpdate', $args);
    }

    public function onThreadDelete(&$args)
    {
        $this->forward('threadDelete', $args);
    }

    public function onThreadClose(&$args)
    {
        $this->forward('threadClose', $args);
    }

    public function onThreadPostMessage(&$args)
    {
        $this->forward('threadPostMessage', $args);
    }

    public function onThreadGetMessagesAlter(&$args)
    {
        $this->forward('threadGetMessagesAlter', $args);
    }

    public function onThreadUserIsReady(&$args)
    {
        $this->forward('threadUserIsReady', $args);
    }

    public function onUsersUpdateThreadsAlter(&$args)
    {
        $this->forward('usersUpdateThreadsAlter', $args);
    }

    public function onUsersUpdateVisitorsLoad(&$args)
    {
        $this->forward('usersUpdateVisitorsLoad', $args);
    }

    public function onUsersUpdateVisitorsAlter(&$args)
    {
        $this->forward('usersUpdateVisitorsAlter', $args);
    }

    public function onUsersFunctionCall(&$args)
    {
        $this->forward('usersFunctionCall', $args);
    }

    public function onVisitorCreate(&$args)
    {
        $this->forward('visitorCreate', $args);
    }

    public function onVisitorTrack(&$args)
    {
        $this->forward('visitorTrack', $args);
    }

    public function onVisitorDeleteOld(&$args)
    {
        $this->forward('visitorDeleteOld', $args);
    }

    public function onWidgetResponseAlter(&$args)
    {
        $this->forward('widgetResponseAlter', $args);
    }
}
