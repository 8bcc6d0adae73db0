/* mibew-list-threads-args.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "mibew-list-threads-args.h"

/**
 * MibewListThreadsArgs:
 *
 * The arguments of `usersUpdateThreadsAlter`
 * ([signal@MibewEvents.UsersEvents::update-threads-alter]): the list of
 * threads about to be sent to the Users application.
 *
 * Listeners change the entries (custom keys included) or the list in
 * #MibewListThreadsArgs:threads, or return a new #GListStore of
 * #MibewListThread from the signal, which replaces it before the next listener
 * runs. The final list is sent.
 *
 * JSON form: `{"threads": [ListThread]}`.
 *
 * Lifetime: the arguments hold a reference on every object, list and
 * dictionary in them, and the getters return them without a new one. A
 * listener that keeps a value after it returns takes its own reference
 * (g_object_ref(), json_object_ref(); Python and GJS do this for you): it
 * then stays valid even when a later listener or the emitter replaces it.
 * See #MibewEventArgs for how long the arguments object itself is stable.
 */
struct _MibewListThreadsArgs
{
  MibewEventArgs parent_instance;

  GListStore *threads;
};

G_DEFINE_FINAL_TYPE (MibewListThreadsArgs, mibew_list_threads_args, MIBEW_TYPE_EVENT_ARGS)

enum {
  PROP_0,
  PROP_THREADS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
mibew_list_threads_args_fold_return (MibewEventArgs *args,
                                     gpointer        value)
{
  MibewListThreadsArgs *self = MIBEW_LIST_THREADS_ARGS (args);

  if (value == NULL)
    return;
  g_clear_object (&self->threads);
  self->threads = value;
}

static void
mibew_list_threads_args_finalize (GObject *object)
{
  MibewListThreadsArgs *self = MIBEW_LIST_THREADS_ARGS (object);

  g_clear_object (&self->threads);

  G_OBJECT_CLASS (mibew_list_threads_args_parent_class)->finalize (object);
}

static void
mibew_list_threads_args_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  MibewListThreadsArgs *self = MIBEW_LIST_THREADS_ARGS (object);

  switch (prop_id)
    {
    case PROP_THREADS:
      g_value_set_object (value, self->threads);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mibew_list_threads_args_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  MibewListThreadsArgs *self = MIBEW_LIST_THREADS_ARGS (object);

  switch (prop_id)
    {
    case PROP_THREADS:
      mibew_list_threads_args_set_threads (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mibew_list_threads_args_class_init (MibewListThreadsArgsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  MibewEventArgsClass *args_class = MIBEW_EVENT_ARGS_CLASS (klass);

  object_class->finalize = mibew_list_threads_args_finalize;
  object_class->get_property = mibew_list_threads_args_get_property;
  object_class->set_property = mibew_list_threads_args_set_property;

  args_class->return_type = G_TYPE_LIST_STORE;
  args_class->fold_return = mibew_list_threads_args_fold_return;

  /**
   * MibewListThreadsArgs:threads:
   *
   * The threads for the operators' list (`threads`), a #GListStore of
   * #MibewListThread, never %NULL. Listeners change the entries (custom keys
   * included) or the list in place, or replace it by returning a new
   * #GListStore from the signal.
   */
  properties[PROP_THREADS] =
    g_param_spec_object ("threads", NULL, NULL, G_TYPE_LIST_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mibew_list_threads_args_init (MibewListThreadsArgs *self)
{
  self->threads = g_list_store_new (MIBEW_TYPE_LIST_THREAD);
}

/**
 * mibew_list_threads_args_new:
 * @threads: (nullable): the threads (a #GListStore of #MibewListThread); %NULL
 *   for an empty list
 *
 * Creates the arguments of `usersUpdateThreadsAlter`.
 *
 * Returns: (transfer full): new arguments
 */
MibewListThreadsArgs *
mibew_list_threads_args_new (GListStore *threads)
{
  MibewListThreadsArgs *self = g_object_new (MIBEW_TYPE_LIST_THREADS_ARGS, NULL);

  if (threads != NULL)
    mibew_list_threads_args_set_threads (self, threads);
  return self;
}

/**
 * mibew_list_threads_args_get_threads:
 * @self: a #MibewListThreadsArgs
 *
 * Gets the threads, a live list: changes to it are seen by later listeners and
 * the emitter.
 *
 * Returns: (transfer none): the threads, a #GListStore of #MibewListThread
 */
GListStore *
mibew_list_threads_args_get_threads (MibewListThreadsArgs *self)
{
  g_return_val_if_fail (MIBEW_IS_LIST_THREADS_ARGS (self), NULL);

  return self->threads;
}

/**
 * mibew_list_threads_args_set_threads:
 * @self: a #MibewListThreadsArgs
 * @threads: (nullable): the new list of #MibewListThread, shared; %NULL for an
 *   empty list
 *
 * Replaces the threads.
 */
void
mibew_list_threads_args_set_threads (MibewListThreadsArgs *self,
                                     GListStore           *threads)
{
  g_return_if_fail (MIBEW_IS_LIST_THREADS_ARGS (self));
  g_return_if_fail (threads == NULL || G_IS_LIST_STORE (threads));

  if (threads != NULL)
    {
      g_set_object (&self->threads, threads);
      return;
    }
  g_clear_object (&self->threads);
  self->threads = g_list_store_new (MIBEW_TYPE_LIST_THREAD);
}
