<?php
// bench-common.php: what the two PHP benchmarks share: calibration, the
// median of five runs, and the command line.
//
// SPDX-License-Identifier: LGPL-2.1-or-later

// --iterations K (see bench_main): run exactly K events, once, untimed
$bench_iterations = null;

// Runs $run($k) (which returns elapsed ns for $k events) with $k grown
// until one run lasts $seconds; returns the median ns per event of five.
// With --iterations K, runs $run(K) once and returns 0: the set-up before
// it and the process around it are the same for every K, so that
// valgrind --tool=callgrind with K and with 0 counts what K events cost.
function median_ns_per_event($run, $seconds)
{
    global $bench_iterations;

    if ($bench_iterations !== null) {
        $run($bench_iterations);
        return 0.0;
    }
    $target = (int) ($seconds * 1e9);
    $k = 1;
    for (;;) {
        $t = $run($k);
        if ($t >= $target) {
            break;
        }
        $scale = $t < $target / 100 ? 10.0 : 1.05 * $target / max($t, 1);
        $k = (int) ($k * max($scale, 1.1)) + 1;
    }

    $samples = array();
    for ($r = 0; $r < 5; $r++) {
        $samples[] = $run($k) / $k;
    }
    sort($samples);
    return $samples[2];
}

// [--seconds S] [--max-listeners N] | --MODE where $modes maps each MODE
// (smoke, memory) to a function returning the exit status; $measures maps
// each row's name to function ($n, $seconds) returning ns per event; prints
// {"row": {"0": ns, "1": ns, "10": ns, "100": ns, "1000": ns}, ...}.
// --row ROW --listeners N --iterations K runs K events of that row, after
// its set-up, and prints nothing (for callgrind).
function bench_main($script, $argv, $modes, $measures)
{
    global $bench_iterations;

    $seconds = 0.1;
    $max = 1000;
    $row = null;
    $listeners = 1;
    for ($i = 1; $i < count($argv); $i++) {
        $mode = substr($argv[$i], 0, 2) === '--' ? substr($argv[$i], 2) : null;
        if ($mode !== null && isset($modes[$mode])) {
            exit($modes[$mode]());
        } elseif ($argv[$i] === '--seconds' && $i + 1 < count($argv)) {
            $seconds = (float) $argv[++$i];
        } elseif ($argv[$i] === '--max-listeners' && $i + 1 < count($argv)) {
            $max = (int) $argv[++$i];
        } elseif ($argv[$i] === '--row' && $i + 1 < count($argv) && isset($measures[$argv[$i + 1]])) {
            $row = $argv[++$i];
        } elseif ($argv[$i] === '--listeners' && $i + 1 < count($argv)) {
            $listeners = (int) $argv[++$i];
        } elseif ($argv[$i] === '--iterations' && $i + 1 < count($argv)) {
            $bench_iterations = max((int) $argv[++$i], 0);
        } else {
            fwrite(STDERR, "usage: php $script [--seconds S] [--max-listeners N] | --row "
                . implode('|', array_keys($measures)) . " --listeners N --iterations K | --"
                . implode(' | --', array_keys($modes)) . "\n");
            exit(1);
        }
    }
    if (($row === null) !== ($bench_iterations === null)) {
        fwrite(STDERR, "$script: --row and --iterations go together\n");
        exit(1);
    }
    if ($row !== null) {
        $measures[$row]($listeners, 0.0);
        return;
    }

    $result = array();
    foreach ($measures as $row => $measure) {
        $result[$row] = array();
        foreach (array(0, 1, 10, 100, 1000) as $n) {
            if ($n <= $max) {
                $result[$row][(string) $n] = round($measure($n, $seconds), 3);
            }
        }
    }
    echo json_encode($result, JSON_FORCE_OBJECT), "\n";
}
