/* tsan-glib.c: GLib's locks, made visible to ThreadSanitizer
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Debian's GLib is not built with -fsanitize=thread, and its GMutex,
 * GRWLock, GCond and g_once_init_*() are futexes and atomics inside
 * libglib that TSan never sees: every datum a GMutex guards would be
 * reported as a race. This library, preloaded by the `tsan` test setup
 * (tests/lanes/tsan), wraps them: it calls GLib's own function (found with
 * dlsym (RTLD_NEXT)) and tells TSan what it means (__tsan_acquire() after
 * a lock, __tsan_release() before an unlock), as TSan's own pthread
 * interceptors do. Calls into libglib from other libraries (ours,
 * libgobject, libgio, libsoup, libpeas) go through the PLT and reach these
 * wrappers; calls inside libglib do not, and tests/tsan.supp names what
 * that leaves.
 *
 * g_object_unref() gets the reference-count annotation: a release before
 * every unref and an acquire before the one that may free, so the thread
 * that finalizes an object has seen what others did to it before their
 * unref. (libgobject's atomics are as invisible as libglib's.)
 *
 * It is built without instrumentation and resolves the TSan interface
 * weakly, so that a process without TSan (an interpreter a test spawns)
 * may load it: the wrappers then only forward.
 */

#define _GNU_SOURCE
#include <dlfcn.h>
#include <glib-object.h>

void __tsan_acquire (void *addr) __attribute__ ((weak));
void __tsan_release (void *addr) __attribute__ ((weak));

#define ACQUIRE(addr) G_STMT_START { if (__tsan_acquire != NULL) __tsan_acquire ((void *) (addr)); } G_STMT_END
#define RELEASE(addr) G_STMT_START { if (__tsan_release != NULL) __tsan_release ((void *) (addr)); } G_STMT_END

/* TSan's annotations that make this thread's memory accesses, and the
 * allocations and frees its interceptors see, not count while they last
 * (a counter: they nest) */
void AnnotateIgnoreWritesBegin (const char *file, int line) __attribute__ ((weak));
void AnnotateIgnoreWritesEnd (const char *file, int line) __attribute__ ((weak));

static __thread int ignoring;

static void
ignore_begin (void)
{
  if (AnnotateIgnoreWritesBegin != NULL)
    AnnotateIgnoreWritesBegin (__FILE__, __LINE__);
  ignoring++;
}

static void
ignore_end (void)
{
  ignoring--;
  if (AnnotateIgnoreWritesEnd != NULL)
    AnnotateIgnoreWritesEnd (__FILE__, __LINE__);
}

/* GLib's function @name, looked up once */
#define REAL(ret, name, params)                                          \
  static ret (*real_##name) params;                                      \
  if (G_UNLIKELY (real_##name == NULL))                                  \
    real_##name = (ret (*) params) dlsym (RTLD_NEXT, #name)

/* One table row per kind of wrapper: lock-like functions acquire after
 * GLib's call returned (when it took the lock), unlock-like ones release
 * before it. */
#define WRAP_LOCK(type, name)                                            \
  void name (type *lock);                                                \
  void name (type *lock)                                                 \
  {                                                                      \
    REAL (void, name, (type *));                                         \
    real_##name (lock);                                                  \
    ACQUIRE (lock);                                                      \
  }
#define WRAP_TRYLOCK(type, name)                                         \
  gboolean name (type *lock);                                            \
  gboolean name (type *lock)                                             \
  {                                                                      \
    gboolean locked;                                                     \
    REAL (gboolean, name, (type *));                                     \
    locked = real_##name (lock);                                         \
    if (locked)                                                          \
      ACQUIRE (lock);                                                    \
    return locked;                                                       \
  }
#define WRAP_UNLOCK(type, name)                                          \
  void name (type *lock);                                                \
  void name (type *lock)                                                 \
  {                                                                      \
    REAL (void, name, (type *));                                         \
    RELEASE (lock);                                                      \
    real_##name (lock);                                                  \
  }

WRAP_LOCK (GMutex, g_mutex_lock)
WRAP_TRYLOCK (GMutex, g_mutex_trylock)
WRAP_UNLOCK (GMutex, g_mutex_unlock)
WRAP_LOCK (GRecMutex, g_rec_mutex_lock)
WRAP_TRYLOCK (GRecMutex, g_rec_mutex_trylock)
WRAP_UNLOCK (GRecMutex, g_rec_mutex_unlock)
WRAP_LOCK (GRWLock, g_rw_lock_writer_lock)
WRAP_TRYLOCK (GRWLock, g_rw_lock_writer_trylock)
WRAP_UNLOCK (GRWLock, g_rw_lock_writer_unlock)
WRAP_LOCK (GRWLock, g_rw_lock_reader_lock)
WRAP_TRYLOCK (GRWLock, g_rw_lock_reader_trylock)
WRAP_UNLOCK (GRWLock, g_rw_lock_reader_unlock)

void
g_cond_wait (GCond  *cond,
             GMutex *mutex)
{
  REAL (void, g_cond_wait, (GCond *, GMutex *));
  RELEASE (mutex);
  real_g_cond_wait (cond, mutex);
  ACQUIRE (mutex);
}

gboolean
g_cond_wait_until (GCond  *cond,
                   GMutex *mutex,
                   gint64  end_time)
{
  gboolean signalled;

  REAL (gboolean, g_cond_wait_until, (GCond *, GMutex *, gint64));
  RELEASE (mutex);
  signalled = real_g_cond_wait_until (cond, mutex, end_time);
  ACQUIRE (mutex);
  return signalled;
}

/* g_once_init_enter() is a macro whose fast path is an atomic load in the
 * caller; its slow path and g_once_init_leave() are GLib's. */
gboolean
(g_once_init_enter) (volatile void *location)
{
  gboolean enter;

  REAL (gboolean, g_once_init_enter, (volatile void *));
  enter = real_g_once_init_enter (location);
  if (!enter)
    ACQUIRE (location);
  return enter;
}

void
(g_once_init_leave) (volatile void *location,
                     gsize          result)
{
  REAL (void, g_once_init_leave, (volatile void *, gsize));
  RELEASE (location);
  real_g_once_init_leave (location, result);
}

void
g_object_unref (gpointer object)
{
  REAL (void, g_object_unref, (gpointer));
  RELEASE (object);
  /* any unref may be the last one: it must have seen every earlier one */
  ACQUIRE (object);
  real_g_object_unref (object);
}

/* Work handed to another thread inside libglib: a GThreadPool's queue and
 * a GMainContext's source list. The hand-over is shown as a release of
 * the item by the thread that hands it over and an acquire by the thread
 * that runs it, through trampolines around the functions that run them
 * (GTask's worker threads are a GThreadPool of libgio's, reached here
 * too). */

typedef struct
{
  GFunc func;
  gpointer user_data;
} PoolTrampoline;

static void
pool_trampoline (gpointer data,
                 gpointer user_data)
{
  PoolTrampoline *t = user_data;

  ACQUIRE (data);
  t->func (data, t->user_data);
  /* for g_thread_pool_free (..., wait_ = TRUE), which waits for it */
  RELEASE (t);
}

/* the trampoline lives as long as the pool: pools of the tests are few,
 * and g_thread_pool_free() does not say when its last job ended */
static PoolTrampoline *
pool_trampoline_new (GFunc    func,
                     gpointer user_data)
{
  PoolTrampoline *t = g_new (PoolTrampoline, 1);

  t->func = func;
  t->user_data = user_data;
  return t;
}

GThreadPool *
g_thread_pool_new (GFunc     func,
                   gpointer  user_data,
                   gint      max_threads,
                   gboolean  exclusive,
                   GError  **error)
{
  REAL (GThreadPool *, g_thread_pool_new, (GFunc, gpointer, gint, gboolean, GError **));
  return real_g_thread_pool_new (pool_trampoline, pool_trampoline_new (func, user_data),
                                 max_threads, exclusive, error);
}

GThreadPool *
g_thread_pool_new_full (GFunc           func,
                        gpointer        user_data,
                        GDestroyNotify  item_free_func,
                        gint            max_threads,
                        gboolean        exclusive,
                        GError        **error)
{
  REAL (GThreadPool *, g_thread_pool_new_full, (GFunc, gpointer, GDestroyNotify, gint, gboolean, GError **));
  return real_g_thread_pool_new_full (pool_trampoline, pool_trampoline_new (func, user_data),
                                      item_free_func, max_threads, exclusive, error);
}

/* Waiting for the pool's jobs (wait_) happens inside libglib: shown as an
 * acquire of what every job released when it ended. */
void
g_thread_pool_free (GThreadPool *pool,
                    gboolean     immediate,
                    gboolean     wait_)
{
  gpointer t = pool->func == pool_trampoline ? pool->user_data : NULL;

  REAL (void, g_thread_pool_free, (GThreadPool *, gboolean, gboolean));
  real_g_thread_pool_free (pool, immediate, wait_);
  if (wait_ && t != NULL)
    ACQUIRE (t);
}

gboolean
g_thread_pool_push (GThreadPool  *pool,
                    gpointer      data,
                    GError      **error)
{
  REAL (gboolean, g_thread_pool_push, (GThreadPool *, gpointer, GError **));
  RELEASE (data);
  return real_g_thread_pool_push (pool, data, error);
}

typedef struct
{
  GSourceFunc func;
  gpointer data;
  GDestroyNotify notify;
} SourceTrampoline;

/* Our code called from inside GLib's while ignore_begin() holds (GLib may
 * run an invoked function at once): counted again while it runs */
static int
unignore (void)
{
  int ignored = ignoring;

  while (ignoring > 0)
    ignore_end ();
  return ignored;
}

static void
reignore (int ignored)
{
  while (ignoring < ignored)
    ignore_begin ();
}

static gboolean
source_trampoline (gpointer data)
{
  SourceTrampoline *t = data;
  int ignored = unignore ();
  gboolean again;

  ACQUIRE (t);
  again = t->func (t->data);
  reignore (ignored);
  return again;
}

static void
source_trampoline_free (gpointer data)
{
  SourceTrampoline *t = data;
  int ignored = unignore ();

  if (t->notify != NULL)
    t->notify (t->data);
  g_free (t);
  reignore (ignored);
}

void
g_main_context_invoke_full (GMainContext   *context,
                            gint            priority,
                            GSourceFunc     function,
                            gpointer        data,
                            GDestroyNotify  notify)
{
  SourceTrampoline *t = g_new (SourceTrampoline, 1);

  REAL (void, g_main_context_invoke_full, (GMainContext *, gint, GSourceFunc, gpointer, GDestroyNotify));
  t->func = function;
  t->data = data;
  t->notify = notify;
  RELEASE (t);
  ignore_begin ();
  real_g_main_context_invoke_full (context, priority, source_trampoline, t, source_trampoline_free);
  ignore_end ();
}

/* A GMainContext's table of its sources (a GHashTable) changes under the
 * context's own lock, inside libglib, when a thread attaches a source
 * (g_main_context_invoke_full() above attaches one too, inside libglib)
 * and when the context's own thread dispatches and destroys them: TSan
 * sees only the table's reallocations (g_realloc() as it grows and
 * shrinks), on two threads, without the lock between them. The attach
 * of another thread is not counted: it touches nothing of ours (GLib's
 * g_source_attach() runs no code of its caller). */
guint
g_source_attach (GSource      *source,
                 GMainContext *context)
{
  guint id;

  REAL (guint, g_source_attach, (GSource *, GMainContext *));
  ignore_begin ();
  id = real_g_source_attach (source, context);
  ignore_end ();
  return id;
}
