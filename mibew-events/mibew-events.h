/* mibew-events.h: the single public include of mibew-events
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#define __MIBEW_EVENTS_INSIDE__

#include <glib-object.h>
#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "mibew-version.h"
#include "mibew-version-macros.h"
#include "mibew-enums.h"
#include "mibew-enum-types.h"
#include "mibew-error.h"
#include "mibew-json.h"

#include "mibew-record.h"
#include "mibew-thread.h"
#include "mibew-ban.h"
#include "mibew-group.h"
#include "mibew-operator.h"
#include "mibew-message.h"
#include "mibew-site-visitor.h"
#include "mibew-list-visitor.h"
#include "mibew-list-thread.h"
#include "mibew-request.h"
#include "mibew-response.h"
#include "mibew-request-processor.h"
#include "mibew-route-collection.h"
#include "mibew-widget-response.h"
#include "mibew-button-fragment.h"
#include "mibew-asset.h"
#include "mibew-asset-list.h"
#include "mibew-url-generator.h"
#include "mibew-base-url-generator.h"

#include "mibew-event-args.h"
#include "mibew-ban-args.h"
#include "mibew-id-args.h"
#include "mibew-button-args.h"
#include "mibew-group-args.h"
#include "mibew-group-operators-args.h"
#include "mibew-invitation-args.h"
#include "mibew-authenticate-args.h"
#include "mibew-login-args.h"
#include "mibew-operator-args.h"
#include "mibew-assets-args.h"
#include "mibew-plugin-options-args.h"
#include "mibew-resource-args.h"
#include "mibew-routes-args.h"
#include "mibew-function-call-args.h"
#include "mibew-thread-args.h"
#include "mibew-post-message-args.h"
#include "mibew-messages-args.h"
#include "mibew-list-threads-args.h"
#include "mibew-list-visitors-args.h"
#include "mibew-site-visitor-args.h"
#include "mibew-visitor-ids-args.h"
#include "mibew-widget-response-args.h"

#include "mibew-event-emitter.h"
#include "mibew-ban-events.h"
#include "mibew-button-events.h"
#include "mibew-cron-events.h"
#include "mibew-group-events.h"
#include "mibew-invitation-events.h"
#include "mibew-operator-events.h"
#include "mibew-page-events.h"
#include "mibew-resource-events.h"
#include "mibew-routing-events.h"
#include "mibew-thread-events.h"
#include "mibew-users-events.h"
#include "mibew-visitor-events.h"
#include "mibew-widget-events.h"
#include "mibew-event-dispatcher.h"

#undef __MIBEW_EVENTS_INSIDE__
