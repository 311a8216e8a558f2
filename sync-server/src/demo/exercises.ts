import type { Exercise, MovementPattern } from '@spotter/shared';

type Type = Exercise['type'];
const video = (name: string) => `https://www.youtube.com/results?search_query=${encodeURIComponent(`${name} exercise form`)}`;

// [name, type, pattern, muscle groups, description (the project's own coaching cues), catalogue entry
// for the photos and muscles (docs/DESIGN.md "Exercise catalogue")]
const library: [string, Type, MovementPattern, string[], string, string | null][] = [
  ['Barbell Back Squat', 'strength', 'squat', ['quadriceps', 'glutes', 'core'], 'Bar on the upper back, feet shoulder-width; sit down between the hips until thighs are parallel, drive up through the whole foot.', 'Barbell_Squat'],
  ['Goblet Squat', 'strength', 'squat', ['quadriceps', 'glutes'], 'Hold a dumbbell or kettlebell at the chest, elbows inside the knees; squat deep with an upright torso.', 'Goblet_Squat'],
  ['Front Squat', 'strength', 'squat', ['quadriceps', 'core'], 'Bar resting on the front delts, elbows high; squat keeping the chest up.', 'Front_Squat_Clean_Grip'],
  ['Bulgarian Split Squat', 'strength', 'squat', ['quadriceps', 'glutes'], 'Rear foot on a bench; lower the back knee toward the floor, front shin near vertical.', 'Split_Squat_with_Dumbbells'],
  ['Walking Lunge', 'strength', 'squat', ['quadriceps', 'glutes', 'hamstrings'], 'Long steps forward, back knee just above the floor, torso tall.', 'Bodyweight_Walking_Lunge'],
  ['Conventional Deadlift', 'strength', 'hinge', ['hamstrings', 'glutes', 'back'], 'Bar over mid-foot, flat back; push the floor away and stand tall, lower under control.', 'Barbell_Deadlift'],
  ['Romanian Deadlift', 'strength', 'hinge', ['hamstrings', 'glutes'], 'Soft knees, push the hips back until the hamstrings stretch, bar close to the legs.', 'Romanian_Deadlift'],
  ['Hip Thrust', 'strength', 'hinge', ['glutes', 'hamstrings'], 'Upper back on a bench, bar over the hips; drive the hips up and squeeze at the top.', 'Barbell_Hip_Thrust'],
  ['Kettlebell Swing', 'strength', 'hinge', ['glutes', 'hamstrings', 'core'], 'Hike the bell back, snap the hips forward; arms guide, hips power.', 'One-Arm_Kettlebell_Swings'],
  ['Bench Press', 'strength', 'push', ['chest', 'triceps', 'shoulders'], 'Shoulder blades pinched, feet planted; lower to the mid-chest and press up.', 'Barbell_Bench_Press_-_Medium_Grip'],
  ['Incline Dumbbell Press', 'strength', 'push', ['chest', 'shoulders'], 'Bench at 30°; press the dumbbells up and slightly together.', 'Incline_Dumbbell_Press'],
  ['Overhead Press', 'strength', 'push', ['shoulders', 'triceps'], 'Standing, glutes tight; press the bar overhead and move the head through at the top.', 'Standing_Military_Press'],
  ['Push-up', 'strength', 'push', ['chest', 'triceps', 'core'], 'Body in one line, hands under the shoulders; chest to the floor and back.', 'Pushups'],
  ['Dip', 'strength', 'push', ['chest', 'triceps'], 'On parallel bars, lower until the shoulders are below the elbows, press back up.', 'Dips_-_Chest_Version'],
  ['Pull-up', 'strength', 'pull', ['back', 'biceps'], 'From a dead hang, pull the chest toward the bar; lower all the way.', 'Pullups'],
  ['Lat Pulldown', 'strength', 'pull', ['back', 'biceps'], 'Pull the bar to the upper chest leading with the elbows; control the return.', 'Wide-Grip_Lat_Pulldown'],
  ['Barbell Row', 'strength', 'pull', ['back', 'biceps'], 'Hinged over, flat back; row the bar to the lower ribs.', 'Bent_Over_Barbell_Row'],
  ['Seated Cable Row', 'strength', 'pull', ['back', 'biceps'], 'Tall torso, pull the handle to the stomach, squeeze the shoulder blades.', 'Seated_Cable_Rows'],
  ['Face Pull', 'strength', 'pull', ['rear delts', 'upper back'], 'Rope at eye height; pull toward the face with the elbows high and rotate out.', 'Face_Pull'],
  ["Farmer's Carry", 'strength', 'carry', ['grip', 'core', 'traps'], 'Heavy weights at the sides; walk tall with short quick steps.', 'Farmers_Walk'],
  ['Suitcase Carry', 'strength', 'carry', ['core', 'grip'], 'One heavy weight on one side; walk without leaning.', null],
  ['Plank', 'strength', 'core', ['core'], 'Forearms under the shoulders, body in one line; brace and breathe.', 'Plank'],
  ['Dead Bug', 'strength', 'core', ['core'], 'On the back, lower the opposite arm and leg while the lower back stays flat.', 'Dead_Bug'],
  ['Pallof Press', 'strength', 'core', ['core', 'obliques'], 'Side-on to a cable; press the handle out and resist the rotation.', 'Pallof_Press'],
  ['Hanging Knee Raise', 'strength', 'core', ['core', 'hip flexors'], 'Hanging from a bar, raise the knees to the chest without swinging.', 'Hanging_Leg_Raise'],
  ['Rowing Machine', 'cardio', 'cardio', ['full body'], 'Legs, then body, then arms; reverse on the way back. Steady pace.', 'Rowing_Stationary'],
  ['Treadmill Run', 'cardio', 'cardio', ['legs'], 'Easy conversational pace unless prescribed otherwise.', 'Running_Treadmill'],
  ['Assault Bike Intervals', 'cardio', 'cardio', ['full body'], 'Hard efforts followed by easy spinning for the prescribed times.', 'Bicycling_Stationary'],
  ['Jump Rope', 'cardio', 'cardio', ['calves', 'shoulders'], 'Small hops on the balls of the feet, wrists turning the rope.', 'Rope_Jumping'],
  ["World's Greatest Stretch", 'flexibility', 'mobility', ['hips', 'thoracic spine'], 'Lunge, elbow to the instep, then rotate the arm to the ceiling.', 'Worlds_Greatest_Stretch'],
  ['Hip Flexor Stretch', 'flexibility', 'mobility', ['hip flexors'], 'Half-kneeling, tuck the pelvis and shift forward gently.', 'Kneeling_Hip_Flexor'],
  ['Cat-Cow', 'flexibility', 'mobility', ['spine'], 'On hands and knees, alternate arching and rounding the back with the breath.', 'Cat_Stretch'],
];

/** The shared library (no owner), with stable ids so demo sessions can refer to them. */
export function demoExercises(updatedAt: string): Exercise[] {
  return library.map(([name, type, pattern, muscleGroups, description, catalogueId], i) => ({
    id: `ex-${String(i + 1).padStart(2, '0')}-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/-$/, '')}`,
    ownerId: null,
    name,
    description,
    videoUrl: video(name),
    type,
    pattern,
    muscleGroups,
    catalogueId,
    updatedAt,
  }));
}
