<?php
/*
 * mibew-events PHP harness: a stand-in for Mibew's \Mibew\Thread, with its
 * public properties, constants and defaults, and no database.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

namespace Mibew;

use Mibew\EventDispatcher\EventDispatcher;
use Mibew\EventDispatcher\Events;

/**
 * A chat thread.
 */
class Thread
{
    const STATE_QUEUE = 0;
    const STATE_WAITING = 1;
    const STATE_CHATTING = 2;
    const STATE_CLOSED = 3;
    const STATE_LOADING = 4;
    const STATE_LEFT = 5;
    const STATE_INVITED = 6;

    const INVITATION_NOT_INVITED = 0;
    const INVITATION_WAIT = 1;
    const INVITATION_ACCEPTED = 2;
    const INVITATION_REJECTED = 3;
    const INVITATION_IGNORED = 4;

    const KIND_USER = 1;
    const KIND_AGENT = 2;
    const KIND_FOR_AGENT = 3;
    const KIND_INFO = 4;
    const KIND_CONN = 5;
    const KIND_EVENTS = 6;
    const KIND_PLUGIN = 7;

    public $id;
    public $lastRevision;
    public $state;
    public $invitationState;
    public $lastToken;
    public $nextAgent;
    public $groupId;
    public $shownMessageId;
    public $messageCount;
    public $created;
    public $modified;
    public $closed;
    public $chatStarted;
    public $agentId;
    public $agentName;
    public $agentTyping;
    public $lastPingAgent;
    public $locale;
    public $userId;
    public $userName;
    public $userTyping;
    public $lastPingUser;
    public $remote;
    public $referer;
    public $userAgent;

    /** Mibew's defaults for a new thread (its id is false until saved). */
    public function __construct()
    {
        $this->id = false;
        $this->userName = '';
        $this->agentId = 0;
        $this->created = time();
        $this->modified = time();
        $this->chatStarted = 0;
        $this->closed = 0;
        $this->lastRevision = 0;
        $this->state = self::STATE_QUEUE;
        $this->invitationState = self::INVITATION_NOT_INVITED;
        $this->lastToken = self::nextToken();
        $this->nextAgent = 0;
        $this->lastPingAgent = 0;
        $this->lastPingUser = 0;
        $this->userTyping = 0;
        $this->agentTyping = 0;
        $this->shownMessageId = 0;
        $this->messageCount = 0;
        $this->groupId = 0;
    }

    public static function nextToken()
    {
        return rand(99999, 99999999);
    }

    /**
     * What Mibew's Thread::postMessage() does before it stores the message:
     * triggers threadPostMessage and takes kind, body and options from the
     * arguments the listeners left. Returns them instead of storing.
     *
     * @return array [kind, body, options]
     */
    public function postMessage($kind, $message, $options = array())
    {
        $args = array(
            'thread' => $this,
            'message_kind' => $kind,
            'message_body' => $message,
            'message_options' => (is_array($options) ? $options : array()),
        );
        EventDispatcher::getInstance()->triggerEvent(Events::THREAD_POST_MESSAGE, $args);

        return array($args['message_kind'], $args['message_body'], $args['message_options']);
    }
}
