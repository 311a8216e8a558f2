import { describe, expect, it } from 'vitest';
import { ImportFileError, readHistoryCsv } from './csv.ts';

const opts = { unit: 'kg' as const, timeZone: 'UTC' };

// Strong's newer export (comma, no unit column: the app's unit), its older semicolon export
// (units per row, decimal commas), Hevy in kg and in lb, and Spotter's own sets export.
const strongComma = `Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE
2024-03-26 08:12:05,"Push Day",1h 5m,"Bench Press (Barbell)",W,40,10,0,0,"","Felt good",
2024-03-26 08:12:05,"Push Day",1h 5m,"Bench Press (Barbell)",1,60,8,0,0,"","Felt good",8
2024-03-26 08:12:05,"Push Day",1h 5m,"Plank",1,0,0,0,60,"","Felt good",
`;
const strongSemicolon = `Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;Distance Unit;Seconds;Notes;Workout Notes
2019-01-11 12:31:54;"Leg";"Deadlift (Barbell)";1;132,5;lbs;5;;;;0;"";""
2019-01-11 12:31:54;"Leg";"Deadlift (Barbell)";2;135;lbs;4;8,5;;;0;;
2019-01-12 07:00:00;"Run";"Running";1;0;lbs;0;;5;km;1500;;
`;
const hevyKg = `"title","start_time","end_time","description","exercise_title","superset_id","exercise_notes","set_index","set_type","weight_kg","reps","distance_km","duration_seconds","rpe"
"Morning workout","22 Dec 2025, 08:00","22 Dec 2025, 08:37","","Pull Up (Assisted)",,"",0,"warmup",21,10,,0,
"Morning workout","22 Dec 2025, 08:00","22 Dec 2025, 08:37","","Pull Up (Assisted)",,"",1,"normal",21,10,,0,8.5
"Evening","22 Dec 2025, 18:00","22 Dec 2025, 18:30","","Squat (Barbell)",,"",0,"normal",100,5,,,
`;
const hevyLb = `title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,set_index,set_type,weight_lbs,reps,distance_miles,duration_seconds,rpe
Legs,"1 Feb 2025, 09:30","1 Feb 2025, 10:30",,Squat (Barbell),,,0,normal,225,5,,,
Legs,"1 Feb 2025, 09:30","1 Feb 2025, 10:30",,Treadmill,,,0,normal,,,2,1200,
`;
const spotterCsv = `date,session_id,session_title,exercise_id,exercise_name,set_number,warmup,done,reps,load,load_unit,seconds,distance_m,rpe,target_reps,target_weight,logged_at
2026-11-02,s1,Upper A,ex.bench,Bench press,1,false,true,8,60,kg,,,7.5,8,60 kg,2026-11-02T09:00:00.000Z
2026-11-02,s1,Upper A,ex.bench,Bench press,2,false,false,,,kg,,,,8,60 kg,2026-11-02T09:00:00.000Z
`;

describe('readHistoryCsv', () => {
  it.each([
    ['Strong, comma, unit from the app', strongComma, 'strong', 1, [2, 1], { warmup: true, load: 40, reps: 10 }, 'kg'],
    ['Strong, semicolon, lb per row, decimal comma', strongSemicolon, 'strong', 2, [2], { warmup: false, load: 132.5, reps: 5 }, 'lb'],
    ['Hevy in kg', hevyKg, 'hevy', 2, [2], { warmup: true, load: 21, reps: 10 }, 'kg'],
    ['Hevy in lb', hevyLb, 'hevy', 1, [1, 1], { warmup: false, load: 225, reps: 5 }, 'lb'],
    ['Spotter sets export', spotterCsv, 'spotter', 1, [2], { warmup: false, load: 60, reps: 8, rpe: 7.5 }, 'kg'],
  ])('%s', (_name, text, source, workouts, setsPerExercise, firstSet, unit) => {
    const h = readHistoryCsv(text, opts);
    expect(h.source).toBe(source);
    expect(h.workouts).toHaveLength(workouts);
    expect(h.workouts[0]!.exercises.map((e) => e.sets.length)).toEqual(setsPerExercise);
    expect(h.workouts[0]!.exercises[0]!.sets[0]).toMatchObject(firstSet);
    expect(h.workouts[0]!.exercises[0]!.unit).toBe(unit);
  });

  it.each([
    // A file without a unit column is read in the unit the person chose.
    ['Strong newer export in lb', strongComma, 'lb', 'lb'],
    ['Strong older export names its unit', strongSemicolon, 'kg', 'lb'],
  ])('%s', (_name, text, chosen, unit) => {
    expect(readHistoryCsv(text, { ...opts, unit: chosen as 'kg' | 'lb' }).workouts[0]!.exercises[0]!.unit).toBe(unit);
  });

  it('reads times in the device zone, durations, timed sets, distances and RPE', () => {
    const strong = readHistoryCsv(strongComma, { unit: 'kg', timeZone: 'Europe/Berlin' }).workouts[0]!;
    expect(strong).toMatchObject({ date: '2024-03-26', startedAt: '2024-03-26T07:12:05.000Z', endedAt: '2024-03-26T08:17:05.000Z', title: 'Push Day', notes: 'Felt good' });
    expect(strong.exercises[0]!.sets[1]).toMatchObject({ rpe: 8, targetReps: '8', targetWeight: '60 kg', order: 1 });
    expect(strong.exercises[1]!.sets[0]).toMatchObject({ seconds: 60, load: null, reps: null, targetReps: '60 s' });
    const run = readHistoryCsv(strongSemicolon, opts).workouts[1]!.exercises[0]!.sets[0]!;
    expect(run).toMatchObject({ distanceM: 5000, seconds: 1500 });
    expect(readHistoryCsv(strongSemicolon, opts).workouts[0]!.exercises[0]!.sets[1]!.rpe).toBe(8.5);
    const treadmill = readHistoryCsv(hevyLb, opts).workouts[0]!.exercises[1]!.sets[0]!;
    expect(treadmill.distanceM).toBeCloseTo(3218.688);
    expect(readHistoryCsv(hevyKg, opts).workouts[0]).toMatchObject({ startedAt: '2025-12-22T08:00:00.000Z', endedAt: '2025-12-22T08:37:00.000Z' });
  });

  it.each([
    ['an unknown header', 'a,b,c\n1,2,3\n', 1, /not a Strong, Hevy or Spotter export/],
    ['an empty file', '', null, /empty/],
    ['a header alone', strongComma.split('\n')[0]!, 2, /no sets/],
    ['a weight that is no number', strongComma.replace(',60,8,', ',sixty,8,'), 3, /"sixty" in column weight is not a number/],
    ['a bad date', hevyKg.replace('"22 Dec 2025, 18:00"', '"31 Feb 2025, 18:00"'), 4, /is not a date and time/],
    ['a missing field', spotterCsv.replace(',2026-11-02T09:00:00.000Z\n', '\n'), 2, /expected 17 fields but found 16/],
    ['a quote never closed', strongComma.replace('"Plank"', '"Plank'), 4, /never closed/],
    ['a Spotter flag that is not a boolean', spotterCsv.replace('false,true', 'maybe,true'), 2, /column warmup/],
  ])('refuses %s, naming the line', (_name, text, line, message) => {
    try {
      readHistoryCsv(text, opts);
      expect.unreachable('should have thrown');
    } catch (e) {
      expect(e).toBeInstanceOf(ImportFileError);
      expect((e as ImportFileError).line).toBe(line);
      expect((e as Error).message).toMatch(message);
    }
  });
});
