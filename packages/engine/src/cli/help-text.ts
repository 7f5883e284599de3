/** The `playroom-train --help` text, generated from the flag table. */
import { PRESETS } from '../presets';
import { FLAGS } from './cli-flags';

const SECTIONS: readonly { title: string; from: string }[] = [
  { title: 'Presets', from: '--preset' },
  { title: 'Data', from: '--dataset' },
  { title: 'Network', from: '--features' },
  { title: 'Training', from: '--learning-rate' },
  { title: 'Run', from: '--epochs' },
];

/** The full help text, one aligned line per flag. */
export function helpText(): string {
  const lines = [
    'playroom-train: train a Playroom network headless and print its losses.',
    '',
    'Usage: npx playroom-train [--flag value | --flag=value ...]',
    'Example: npx playroom-train --dataset spiral --features playground --shape 8,8,8 --epochs 300 --every 50',
    'Example: npx playroom-train --preset vanishing-gradients --json',
    'Example: npx playroom-train --preset xor-tanh --epochs 50 --save lesson.json   (open it in the browser, or carry on:)',
    '         npx playroom-train --from lesson.json --epochs 100 --save lesson.json',
  ];
  const left = FLAGS.map((flag) => (flag.value === undefined ? flag.name : `${flag.name} <${flag.value}>`));
  const width = Math.min(48, Math.max(...left.map((text) => text.length)));
  FLAGS.forEach((flag, i) => {
    const section = SECTIONS.find((s) => s.from === flag.name);
    if (section !== undefined) lines.push('', `${section.title}:`);
    const text = left[i]!;
    const pad = text.length > width ? `\n  ${' '.repeat(width)}` : ' '.repeat(width - text.length);
    lines.push(`  ${text}${pad}  ${flag.help}`);
  });
  const idWidth = Math.max(...PRESETS.map((preset) => preset.id.length));
  lines.push('', 'Presets (--preset ID; --json adds per-layer gradient norms, input side first, to every history entry):');
  for (const preset of PRESETS) lines.push(`  ${preset.id.padEnd(idWidth)}  ${preset.epochs} epochs: ${preset.summary}`);
  lines.push(
    '',
    'Unset flags take the playground defaults (circle, x1,x2, 4,2 tanh, rate 0.03, batch 10).',
    'Exit codes: 0 done, 1 training failed or a file not read or written, 2 bad flags.',
  );
  return lines.join('\n');
}
