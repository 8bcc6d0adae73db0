<?php
/*
 * mibew-events PHP harness: a stand-in for Mibew's own class.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

namespace Mibew\EventDispatcher;

/**
 * The names of Mibew's 41 documented events (events.md).
 */
final class Events
{
    const BAN_CREATE = 'banCreate';
    const BAN_UPDATE = 'banUpdate';
    const BAN_DELETE = 'banDelete';
    const BUTTON_GENERATE = 'buttonGenerate';
    const CRON_RUN = 'cronRun';
    const GROUP_CREATE = 'groupCreate';
    const GROUP_UPDATE = 'groupUpdate';
    const GROUP_DELETE = 'groupDelete';
    const GROUP_UPDATE_OPERATORS = 'groupUpdateOperators';
    const INVITATION_CREATE = 'invitationCreate';
    const INVITATION_ACCEPT = 'invitationAccept';
    const INVITATION_REJECT = 'invitationReject';
    const INVITATION_IGNORE = 'invitationIgnore';
    const OPERATOR_AUTHENTICATE = 'operatorAuthenticate';
    const OPERATOR_LOGIN = 'operatorLogin';
    const OPERATOR_LOGOUT = 'operatorLogout';
    const OPERATOR_CREATE = 'operatorCreate';
    const OPERATOR_UPDATE = 'operatorUpdate';
    const OPERATOR_DELETE = 'operatorDelete';
    const PAGE_ADD_CSS = 'pageAddCss';
    const PAGE_ADD_JS = 'pageAddJs';
    const PAGE_ADD_JS_PLUGIN_OPTIONS = 'pageAddJsPluginOptions';
    const RESOURCE_ACCESS_DENIED = 'resourceAccessDenied';
    const RESOURCE_NOT_FOUND = 'resourceNotFound';
    const ROUTES_ALTER = 'routesAlter';
    const THREAD_FUNCTION_CALL = 'threadFunctionCall';
    const THREAD_CREATE = 'threadCreate';
    const THREAD_UPDATE = 'threadUpdate';
    const THREAD_DELETE = 'threadDelete';
    const THREAD_CLOSE = 'threadClose';
    const THREAD_POST_MESSAGE = 'threadPostMessage';
    const THREAD_GET_MESSAGES_ALTER = 'threadGetMessagesAlter';
    const THREAD_USER_IS_READY = 'threadUserIsReady';
    const USERS_UPDATE_THREADS_ALTER = 'usersUpdateThreadsAlter';
    const USERS_UPDATE_VISITORS_LOAD = 'usersUpdateVisitorsLoad';
    const USERS_UPDATE_VISITORS_ALTER = 'usersUpdateVisitorsAlter';
    const USERS_FUNCTION_CALL = 'usersFunctionCall';
    const VISITOR_CREATE = 'visitorCreate';
    const VISITOR_TRACK = 'visitorTrack';
    const VISITOR_DELETE_OLD = 'visitorDeleteOld';
    const WIDGET_RESPONSE_ALTER = 'widgetResponseAlter';
}
