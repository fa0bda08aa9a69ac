// Generated label data for the classifier tests: each topic has its own keywords, mixed into shared filler
// words, so a bag-of-n-grams model can separate them but no single filler word gives the label away.
import { seededRandom } from '../../../../core/util/random.ts';
import type { Example } from '../../../../core/runtime/types.ts';

const TOPICS: Record<string, string[]> = {
  weather: ['rain', 'sunny', 'forecast', 'storm', 'humid', 'snowfall', 'cloudy'],
  sports: ['match', 'goal', 'striker', 'league', 'referee', 'tournament', 'coach'],
  food: ['recipe', 'garlic', 'oven', 'noodles', 'dessert', 'spicy', 'bake'],
};
const FILLER = ['the', 'a', 'today', 'really', 'was', 'is', 'and', 'very', 'my', 'friend', 'said', 'about', 'again', 'so', 'this', 'that'];

export const TOPIC_LABELS = Object.keys(TOPICS).sort();

/** `n` examples; `noise` is the share whose label is drawn at random (label noise for calibration). */
export function generateTopics(n: number, seed: number, noise = 0): Example[] {
  const rand = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const out: Example[] = [];
  for (let i = 0; i < n; i++) {
    const label = pick(TOPIC_LABELS);
    const words: string[] = [];
    const len = 5 + Math.floor(rand() * 6);
    for (let j = 0; j < len; j++) words.push(rand() < 0.3 ? pick(TOPICS[label]!) : pick(FILLER));
    if (!words.some((w) => TOPICS[label]!.includes(w))) words[Math.floor(rand() * len)] = pick(TOPICS[label]!);
    const text = words.join(' ') + (rand() < 0.5 ? ' ?' : ' .');
    out.push({ input: text, output: rand() < noise ? pick(TOPIC_LABELS) : label });
  }
  return out;
}

/**
 * `n` examples over `classes` labels (any count): each label has four keywords of its own, mixed with shared
 * filler, and a row may carry a second label's keyword (so probabilities are spread, not all near 1).
 */
export function generateClasses(n: number, classes: number, seed: number): Example[] {
  const rand = seededRandom(seed);
  const labels = Array.from({ length: classes }, (_, c) => `class_${String.fromCharCode(97 + (c % 26))}${Math.floor(c / 26)}`);
  const keywords = labels.map((_, c) => Array.from({ length: 4 }, (_, j) => `kw${c}x${j}${'aeiou'[(c + j) % 5]}`));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  return Array.from({ length: n }, () => {
    const c = Math.floor(rand() * classes);
    const words = Array.from({ length: 4 + Math.floor(rand() * 8) }, () => pick(FILLER));
    words[Math.floor(rand() * words.length)] = pick(keywords[c]!);
    if (rand() < 0.3) words.push(pick(keywords[Math.floor(rand() * classes)]!));
    return { input: words.join(' '), output: labels[c]! };
  });
}
