import type { Exercise, MovementPattern } from '@spotter/shared';

type Type = Exercise['type'];
const video = (name: string) => `https://www.youtube.com/results?search_query=${encodeURIComponent(`${name} exercise form`)}`;

// [name, type, pattern, muscle groups, description]
const library: [string, Type, MovementPattern, string[], string][] = [
  ['Barbell Back Squat', 'strength', 'squat', ['quadriceps', 'glutes', 'core'], 'Bar on the upper back, feet shoulder-width; sit down between the hips until thighs are parallel, drive up through the whole foot.'],
  ['Goblet Squat', 'strength', 'squat', ['quadriceps', 'glutes'], 'Hold a dumbbell or kettlebell at the chest, elbows inside the knees; squat deep with an upright torso.'],
  ['Front Squat', 'strength', 'squat', ['quadriceps', 'core'], 'Bar resting on the front delts, elbows high; squat keeping the chest up.'],
  ['Bulgarian Split Squat', 'strength', 'squat', ['quadriceps', 'glutes'], 'Rear foot on a bench; lower the back knee toward the floor, front shin near vertical.'],
  ['Walking Lunge', 'strength', 'squat', ['quadriceps', 'glutes', 'hamstrings'], 'Long steps forward, back knee just above the floor, torso tall.'],
  ['Conventional Deadlift', 'strength', 'hinge', ['hamstrings', 'glutes', 'back'], 'Bar over mid-foot, flat back; push the floor away and stand tall, lower under control.'],
  ['Romanian Deadlift', 'strength', 'hinge', ['hamstrings', 'glutes'], 'Soft knees, push the hips back until the hamstrings stretch, bar close to the legs.'],
  ['Hip Thrust', 'strength', 'hinge', ['glutes', 'hamstrings'], 'Upper back on a bench, bar over the hips; drive the hips up and squeeze at the top.'],
  ['Kettlebell Swing', 'strength', 'hinge', ['glutes', 'hamstrings', 'core'], 'Hike the bell back, snap the hips forward; arms guide, hips power.'],
  ['Bench Press', 'strength', 'push', ['chest', 'triceps', 'shoulders'], 'Shoulder blades pinched, feet planted; lower to the mid-chest and press up.'],
  ['Incline Dumbbell Press', 'strength', 'push', ['chest', 'shoulders'], 'Bench at 30°; press the dumbbells up and slightly together.'],
  ['Overhead Press', 'strength', 'push', ['shoulders', 'triceps'], 'Standing, glutes tight; press the bar overhead and move the head through at the top.'],
  ['Push-up', 'strength', 'push', ['chest', 'triceps', 'core'], 'Body in one line, hands under the shoulders; chest to the floor and back.'],
  ['Dip', 'strength', 'push', ['chest', 'triceps'], 'On parallel bars, lower until the shoulders are below the elbows, press back up.'],
  ['Pull-up', 'strength', 'pull', ['back', 'biceps'], 'From a dead hang, pull the chest toward the bar; lower all the way.'],
  ['Lat Pulldown', 'strength', 'pull', ['back', 'biceps'], 'Pull the bar to the upper chest leading with the elbows; control the return.'],
  ['Barbell Row', 'strength', 'pull', ['back', 'biceps'], 'Hinged over, flat back; row the bar to the lower ribs.'],
  ['Seated Cable Row', 'strength', 'pull', ['back', 'biceps'], 'Tall torso, pull the handle to the stomach, squeeze the shoulder blades.'],
  ['Face Pull', 'strength', 'pull', ['rear delts', 'upper back'], 'Rope at eye height; pull toward the face with the elbows high and rotate out.'],
  ["Farmer's Carry", 'strength', 'carry', ['grip', 'core', 'traps'], 'Heavy weights at the sides; walk tall with short quick steps.'],
  ['Suitcase Carry', 'strength', 'carry', ['core', 'grip'], 'One heavy weight on one side; walk without leaning.'],
  ['Plank', 'strength', 'core', ['core'], 'Forearms under the shoulders, body in one line; brace and breathe.'],
  ['Dead Bug', 'strength', 'core', ['core'], 'On the back, lower the opposite arm and leg while the lower back stays flat.'],
  ['Pallof Press', 'strength', 'core', ['core', 'obliques'], 'Side-on to a cable; press the handle out and resist the rotation.'],
  ['Hanging Knee Raise', 'strength', 'core', ['core', 'hip flexors'], 'Hanging from a bar, raise the knees to the chest without swinging.'],
  ['Rowing Machine', 'cardio', 'cardio', ['full body'], 'Legs, then body, then arms; reverse on the way back. Steady pace.'],
  ['Treadmill Run', 'cardio', 'cardio', ['legs'], 'Easy conversational pace unless prescribed otherwise.'],
  ['Assault Bike Intervals', 'cardio', 'cardio', ['full body'], 'Hard efforts followed by easy spinning for the prescribed times.'],
  ['Jump Rope', 'cardio', 'cardio', ['calves', 'shoulders'], 'Small hops on the balls of the feet, wrists turning the rope.'],
  ["World's Greatest Stretch", 'flexibility', 'mobility', ['hips', 'thoracic spine'], 'Lunge, elbow to the instep, then rotate the arm to the ceiling.'],
  ['Hip Flexor Stretch', 'flexibility', 'mobility', ['hip flexors'], 'Half-kneeling, tuck the pelvis and shift forward gently.'],
  ['Cat-Cow', 'flexibility', 'mobility', ['spine'], 'On hands and knees, alternate arching and rounding the back with the breath.'],
];

/** The shared library (no owner), with stable ids so demo sessions can refer to them. */
export function demoExercises(updatedAt: string): Exercise[] {
  return library.map(([name, type, pattern, muscleGroups, description], i) => ({
    id: `ex-${String(i + 1).padStart(2, '0')}-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/-$/, '')}`,
    ownerId: null,
    name,
    description,
    videoUrl: video(name),
    type,
    pattern,
    muscleGroups,
    updatedAt,
  }));
}
