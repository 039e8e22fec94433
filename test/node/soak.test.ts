// The soak (scripts/soak.ts) at full size: four receiver processes on one PostgreSQL take
// 2,000 requests with storms of 200 on one key, same-key-different-body pairs and replayed
// captcha solutions, while one process is SIGKILLed and PostgreSQL restarts as after a crash.
// Asserts what the database holds, not how fast.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatSummary, soak } from '../../scripts/soak.js';

describe('soak: four receivers share one PostgreSQL', { timeout: 115_000 }, () => {
  it('stores each key once, keeps every acknowledged request, and accepts no replayed solution', async (t) => {
    const summary = await soak();
    for (const line of formatSummary(summary).split('\n')) t.diagnostic(line);

    assert.deepEqual(summary.requests, {
      sent: 2000,
      ordinary: 1100,
      withPhoto: 105,
      storm: 600,
      pairFirst: 100,
      pairSecond: 100,
      replayRacing: 50,
      replayAfter: 50,
    });
    assert.ok(summary.events.some((e) => e.event.startsWith('SIGKILL')), 'a receiver was SIGKILLed mid-burst');
    assert.ok(summary.events.some((e) => e.event.startsWith('PostgreSQL accepting')), 'PostgreSQL restarted mid-burst');

    // Every figure that must be 0, at once, so a failure shows them all.
    assert.deepEqual(
      {
        duplicates: summary.duplicates,
        lostAcknowledged: summary.lostAcknowledged,
        referenceMismatches: summary.referenceMismatches,
        missingRows: summary.missingRows,
        strayRows: summary.strayRows,
        replayedSolutionsAccepted: summary.replayedSolutionsAccepted,
        racesWithoutOneWinner: summary.racesWithoutOneWinner,
        mismatchedBodiesStored: summary.mismatchedBodiesStored,
        puzzleMismatches: summary.puzzleMismatches,
        imageMismatches: summary.imageMismatches,
        inconsistentStorms: summary.inconsistentStorms,
        unexpectedOutcomes: summary.unexpectedOutcomes,
        gaveUp: summary.gaveUp,
        crashes: summary.crashes,
      },
      {
        duplicates: 0,
        lostAcknowledged: 0,
        referenceMismatches: 0,
        missingRows: 0,
        strayRows: 0,
        replayedSolutionsAccepted: 0,
        racesWithoutOneWinner: 0,
        mismatchedBodiesStored: 0,
        puzzleMismatches: 0,
        imageMismatches: 0,
        inconsistentStorms: 0,
        unexpectedOutcomes: 0,
        gaveUp: 0,
        crashes: 0,
      },
      summary.failures.join('\n'),
    );

    // One row per key: each stored key was acknowledged, and each acknowledged key stored once.
    // 1,100 ordinary + 100 first bodies + 3 storm keys, each racing replay pair counted once.
    assert.equal(summary.acknowledgedKeys, 1203);
    assert.equal(summary.rows, summary.acknowledgedKeys);
    assert.equal(summary.puzzleRows, summary.rows, 'rx_puzzles holds one row per accepted solution');
    assert.equal(summary.imageRows, 105);
    assert.equal(summary.readApiRows, summary.rows);
    assert.equal(summary.finalOutcomes['201'], 1800);
    assert.equal(summary.finalOutcomes['422'], 200);
    assert.deepEqual(summary.failures, []);
    assert.equal(summary.ok, true);
  });
});
