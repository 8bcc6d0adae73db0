<?php
// bench-common.php: what the two PHP benchmarks share: calibration, the
// median of five runs, and the command line.
//
// SPDX-License-Identifier: LGPL-2.1-or-later

// Runs $run($k) (which returns elapsed ns for $k events) with $k grown
// until one run lasts $seconds; returns the median ns per event of five.
function median_ns_per_event($run, $seconds)
{
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
function bench_main($script, $argv, $modes, $measures)
{
    $seconds = 0.1;
    $max = 1000;
    for ($i = 1; $i < count($argv); $i++) {
        $mode = substr($argv[$i], 0, 2) === '--' ? substr($argv[$i], 2) : null;
        if ($mode !== null && isset($modes[$mode])) {
            exit($modes[$mode]());
        } elseif ($argv[$i] === '--seconds' && $i + 1 < count($argv)) {
            $seconds = (float) $argv[++$i];
        } elseif ($argv[$i] === '--max-listeners' && $i + 1 < count($argv)) {
            $max = (int) $argv[++$i];
        } else {
            fwrite(STDERR, "usage: php $script [--seconds S] [--max-listeners N] | --"
                . implode(' | --', array_keys($modes)) . "\n");
            exit(1);
        }
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
