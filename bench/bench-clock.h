/* bench-clock.h: the benchmarks' clock (bench-emit, bench-http-load)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * CLOCK_MONOTONIC in ns, read directly: g_get_monotonic_time() gives
 * microseconds only, too coarse for one emission.
 */

#pragma once

#include <time.h>

#include <glib.h>

static inline guint64
bench_now_ns (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (guint64) ts.tv_sec * G_GUINT64_CONSTANT (1000000000) + (guint64) ts.tv_nsec;
}
