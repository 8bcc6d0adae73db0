/* mibew-event-args.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-event-args.h"

/**
 * MibewEventArgs:
 *
 * The arguments of one event emission: Mibew's `$args` array, passed by
 * reference.
 *
 * Every event signal has exactly one parameter, a #MibewEventArgs
 * subclass. It is a GObject, so every listener — C, Python, GJS or Vala —
 * receives the same instance: a change one listener makes is seen by the
 * next listener and by the code that emitted the event, exactly like
 * Mibew's by-reference array.
 *
 * `cronRun` and `operatorLogout` carry no arguments; their signals get a
 * plain #MibewEventArgs.
 *
 * ## Lifetime
 *
 * The emitter owns the arguments and may reuse them for a later emission
 * (that keeps the emit path free of heap allocations). A listener that
 * wants to keep a value past its own invocation takes a reference to that
 * value (or copies it); holding the arguments object itself is safe — it
 * stays alive — but it may show a later emission's values.
 */

G_DEFINE_TYPE (MibewEventArgs, mibew_event_args, G_TYPE_OBJECT)

static void
mibew_event_args_class_init (MibewEventArgsClass *klass)
{
  klass->return_type = G_TYPE_NONE;
}

static void
mibew_event_args_init (MibewEventArgs *self)
{
}

/**
 * mibew_event_args_new:
 *
 * Creates the empty arguments of `cronRun` and `operatorLogout`.
 *
 * Returns: (transfer full): new, empty arguments
 */
MibewEventArgs *
mibew_event_args_new (void)
{
  return g_object_new (MIBEW_TYPE_EVENT_ARGS, NULL);
}
