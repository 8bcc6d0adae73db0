/* mibew-event-list.h: the 41 events of Mibew — the one table
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Private. Every other description of the events (the id enum, the info
 * table, signal registration, name lookup, the docs generator) is expanded
 * from this list, so an event is spelled out exactly once in the code.
 *
 * MIBEW_EVENT (ID, name, CATEGORY, signal, KIND, args_type_func, "json key of the
 *              altered/out argument or NULL", "the optional argument this event
 *              carries, or NULL")
 *
 * The arguments classes of create and update events are shared; the
 * optional argument (MIBEW_ARG_OPTIONAL in the class's field table, the
 * state before the update) belongs to the events that name it here, and
 * is required there.
 */

MIBEW_EVENT (BAN_CREATE,                 "banCreate",                BAN,        "create",                NOTIFY, mibew_ban_args_get_type,                NULL, NULL)
MIBEW_EVENT (BAN_UPDATE,                 "banUpdate",                BAN,        "update",                NOTIFY, mibew_ban_args_get_type,                NULL, "original_ban")
MIBEW_EVENT (BAN_DELETE,                 "banDelete",                BAN,        "delete",                NOTIFY, mibew_id_args_get_type,                 NULL, NULL)
MIBEW_EVENT (BUTTON_GENERATE,            "buttonGenerate",           BUTTON,     "generate",              ALTER,  mibew_button_args_get_type,             "button", NULL)
MIBEW_EVENT (CRON_RUN,                   "cronRun",                  CRON,       "run",                   NOTIFY, mibew_event_args_get_type,              NULL, NULL)
MIBEW_EVENT (GROUP_CREATE,               "groupCreate",              GROUP,      "create",                NOTIFY, mibew_group_args_get_type,              NULL, NULL)
MIBEW_EVENT (GROUP_UPDATE,               "groupUpdate",              GROUP,      "update",                NOTIFY, mibew_group_args_get_type,              NULL, "original_group")
MIBEW_EVENT (GROUP_DELETE,               "groupDelete",              GROUP,      "delete",                NOTIFY, mibew_id_args_get_type,                 NULL, NULL)
MIBEW_EVENT (GROUP_UPDATE_OPERATORS,     "groupUpdateOperators",     GROUP,      "update-operators",      NOTIFY, mibew_group_operators_args_get_type,    NULL, NULL)
MIBEW_EVENT (INVITATION_CREATE,          "invitationCreate",         INVITATION, "create",                NOTIFY, mibew_invitation_args_get_type,         NULL, NULL)
MIBEW_EVENT (INVITATION_ACCEPT,          "invitationAccept",         INVITATION, "accept",                NOTIFY, mibew_invitation_args_get_type,         NULL, NULL)
MIBEW_EVENT (INVITATION_REJECT,          "invitationReject",         INVITATION, "reject",                NOTIFY, mibew_invitation_args_get_type,         NULL, NULL)
MIBEW_EVENT (INVITATION_IGNORE,          "invitationIgnore",         INVITATION, "ignore",                NOTIFY, mibew_invitation_args_get_type,         NULL, NULL)
MIBEW_EVENT (OPERATOR_AUTHENTICATE,      "operatorAuthenticate",     OPERATOR,   "authenticate",          OUT,    mibew_authenticate_args_get_type,       "operator", NULL)
MIBEW_EVENT (OPERATOR_LOGIN,             "operatorLogin",            OPERATOR,   "login",                 NOTIFY, mibew_login_args_get_type,              NULL, NULL)
MIBEW_EVENT (OPERATOR_LOGOUT,            "operatorLogout",           OPERATOR,   "logout",                NOTIFY, mibew_event_args_get_type,              NULL, NULL)
MIBEW_EVENT (OPERATOR_CREATE,            "operatorCreate",           OPERATOR,   "create",                NOTIFY, mibew_operator_args_get_type,           NULL, NULL)
MIBEW_EVENT (OPERATOR_UPDATE,            "operatorUpdate",           OPERATOR,   "update",                NOTIFY, mibew_operator_args_get_type,           NULL, "original_operator")
MIBEW_EVENT (OPERATOR_DELETE,            "operatorDelete",           OPERATOR,   "delete",                NOTIFY, mibew_id_args_get_type,                 NULL, NULL)
MIBEW_EVENT (PAGE_ADD_CSS,               "pageAddCss",               PAGE,       "add-css",               ALTER,  mibew_assets_args_get_type,             "css", NULL)
MIBEW_EVENT (PAGE_ADD_JS,                "pageAddJs",                PAGE,       "add-js",                ALTER,  mibew_assets_args_get_type,             "js", NULL)
MIBEW_EVENT (PAGE_ADD_JS_PLUGIN_OPTIONS, "pageAddJsPluginOptions",   PAGE,       "add-js-plugin-options", ALTER,  mibew_plugin_options_args_get_type,     "plugins", NULL)
MIBEW_EVENT (RESOURCE_ACCESS_DENIED,     "resourceAccessDenied",     RESOURCE,   "access-denied",         OUT,    mibew_resource_args_get_type,           "response", NULL)
MIBEW_EVENT (RESOURCE_NOT_FOUND,         "resourceNotFound",         RESOURCE,   "not-found",             OUT,    mibew_resource_args_get_type,           "response", NULL)
MIBEW_EVENT (ROUTES_ALTER,               "routesAlter",              ROUTING,    "routes-alter",          ALTER,  mibew_routes_args_get_type,             "routes", NULL)
MIBEW_EVENT (THREAD_FUNCTION_CALL,       "threadFunctionCall",       THREAD,     "function-call",         CALL,   mibew_function_call_args_get_type,      "results", NULL)
MIBEW_EVENT (THREAD_CREATE,              "threadCreate",             THREAD,     "create",                NOTIFY, mibew_thread_args_get_type,             NULL, NULL)
MIBEW_EVENT (THREAD_UPDATE,              "threadUpdate",             THREAD,     "update",                NOTIFY, mibew_thread_args_get_type,             NULL, "original_thread")
MIBEW_EVENT (THREAD_DELETE,              "threadDelete",             THREAD,     "delete",                NOTIFY, mibew_id_args_get_type,                 NULL, NULL)
MIBEW_EVENT (THREAD_CLOSE,               "threadClose",              THREAD,     "close",                 NOTIFY, mibew_thread_args_get_type,             NULL, NULL)
MIBEW_EVENT (THREAD_POST_MESSAGE,        "threadPostMessage",        THREAD,     "post-message",          ALTER,  mibew_post_message_args_get_type,       "message_body", NULL)
MIBEW_EVENT (THREAD_GET_MESSAGES_ALTER,  "threadGetMessagesAlter",   THREAD,     "get-messages-alter",    ALTER,  mibew_messages_args_get_type,           "messages", NULL)
MIBEW_EVENT (THREAD_USER_IS_READY,       "threadUserIsReady",        THREAD,     "user-is-ready",         NOTIFY, mibew_thread_args_get_type,             NULL, NULL)
MIBEW_EVENT (USERS_UPDATE_THREADS_ALTER, "usersUpdateThreadsAlter",  USERS,      "update-threads-alter",  ALTER,  mibew_list_threads_args_get_type,       "threads", NULL)
MIBEW_EVENT (USERS_UPDATE_VISITORS_LOAD, "usersUpdateVisitorsLoad",  USERS,      "update-visitors-load",  OUT,    mibew_list_visitors_args_get_type,      "visitors", NULL)
MIBEW_EVENT (USERS_UPDATE_VISITORS_ALTER,"usersUpdateVisitorsAlter", USERS,      "update-visitors-alter", ALTER,  mibew_list_visitors_args_get_type,      "visitors", NULL)
MIBEW_EVENT (USERS_FUNCTION_CALL,        "usersFunctionCall",        USERS,      "function-call",         CALL,   mibew_function_call_args_get_type,      "results", NULL)
MIBEW_EVENT (VISITOR_CREATE,             "visitorCreate",            VISITOR,    "create",                NOTIFY, mibew_site_visitor_args_get_type,       NULL, NULL)
MIBEW_EVENT (VISITOR_TRACK,              "visitorTrack",             VISITOR,    "track",                 NOTIFY, mibew_site_visitor_args_get_type,       NULL, NULL)
MIBEW_EVENT (VISITOR_DELETE_OLD,         "visitorDeleteOld",         VISITOR,    "delete-old",            NOTIFY, mibew_visitor_ids_args_get_type,        NULL, NULL)
MIBEW_EVENT (WIDGET_RESPONSE_ALTER,      "widgetResponseAlter",      WIDGET,     "response-alter",        ALTER,  mibew_widget_response_args_get_type,    "response", NULL)
