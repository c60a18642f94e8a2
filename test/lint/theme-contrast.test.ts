/**
 * The console's colours live in one token file with a light and a dark value each; these tests read
 * that file, check every text/background pair for WCAG AA and every meaningful mark for 3:1 in both
 * themes, and keep colours out of every other style sheet and component so a theme cannot drift.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { themePairs, type TokenPair } from './theme-pairs';
import { contrastRatio, over, parseColour, parseTokens, tokenColour, type Theme, type TokenSet } from './wcag-contrast';

const root = path.resolve(import.meta.dirname, '../..');
const tokenFile = path.join(root, 'renderer/styles/tokens.css');
const tokens = parseTokens(readFileSync(tokenFile, 'utf8'));
const themes: Theme[] = ['light', 'dark'];

function filesUnder(dir: string, ext: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(p, ext) : ext.test(e.name) ? [p] : [];
  });
}
const styleSheets = filesUnder(path.join(root, 'renderer'), /\.css$/);
const rel = (p: string) => path.relative(root, p);

/** The ratio a pair reaches in a theme (a translucent background composited over what it sits on). */
function ratioOf(set: TokenSet, theme: Theme, pair: TokenPair): number {
  const base = tokenColour(set, theme, pair.under ?? '--surface');
  const bg = over(tokenColour(set, theme, pair.bg), over(base, [255, 255, 255, 1]));
  return contrastRatio(over(tokenColour(set, theme, pair.fg), bg), bg);
}

/** Every pair below its minimum, in words. */
function failures(set: TokenSet): string[] {
  return themes.flatMap((theme) =>
    themePairs
      .map((pair) => ({ pair, ratio: ratioOf(set, theme, pair) }))
      .filter(({ pair, ratio }) => ratio < pair.min)
      .map(({ pair, ratio }) => `${theme}: ${pair.fg} on ${pair.bg} (${pair.what}) is ${ratio.toFixed(2)}:1`),
  );
}

describe('WCAG contrast arithmetic', () => {
  it('reads hex and rgb colours and computes the ratios WCAG publishes', () => {
    expect(parseColour('#fff')).toEqual([255, 255, 255, 1]);
    expect(parseColour('rgba(15, 23, 42, 0.5)')).toEqual([15, 23, 42, 0.5]);
    expect(parseColour('var(--fg)')).toBeNull();
    expect(contrastRatio(parseColour('#000')!, parseColour('#ffffff')!)).toBeCloseTo(21, 5);
    expect(contrastRatio(parseColour('#123456')!, parseColour('#123456')!)).toBe(1);
    // #767676 is the well-known lightest grey that passes AA on white; #777777 just fails.
    expect(contrastRatio(parseColour('#767676')!, parseColour('#fff')!)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(parseColour('#777777')!, parseColour('#fff')!)).toBeLessThan(4.5);
    // Half-transparent black over white is mid grey.
    expect(over([0, 0, 0, 0.5], [255, 255, 255, 1])).toEqual([127.5, 127.5, 127.5, 1]);
  });
});

describe('the colour tokens', () => {
  it('give every token a dark value of its own and a colour in both themes', () => {
    const names = [...tokens.light.keys()];
    expect(names.length).toBeGreaterThan(40);
    expect(names.filter((n) => !tokens.darkDeclared.has(n))).toEqual([]);
    expect([...tokens.darkDeclared].filter((n) => !tokens.light.has(n))).toEqual([]);
    for (const theme of themes) for (const n of names) expect(() => tokenColour(tokens, theme, n)).not.toThrow();
  });

  it('follow the OS: the page declares both schemes', () => {
    expect(readFileSync(tokenFile, 'utf8')).toMatch(/:root\s*\{[^}]*color-scheme:\s*light dark/);
  });

  it('meet AA for text and 3:1 for marks in light and dark', () => {
    expect(failures(tokens)).toEqual([]);
  });

  it('catch a bad choice: muted text as light as its background fails, in the theme where it was picked', () => {
    const bad: TokenSet = { light: new Map(tokens.light), dark: new Map(tokens.dark) };
    bad.dark.set('--muted', tokens.dark.get('--surface-raised')!);
    bad.light.set('--tl-shift-label-bg', 'rgba(255, 255, 255, 0)');
    bad.light.set('--activity-on-queue', '#1e3a8a');
    const found = failures(bad);
    expect(found.some((f) => f.startsWith('dark: --muted on --surface-raised'))).toBe(true);
    expect(found.some((f) => f.startsWith('light: --tl-shift-label-fg on --tl-shift-label-bg'))).toBe(true);
    expect(found.every((f) => !f.startsWith('light: --muted'))).toBe(true);
  });

  it('name only tokens the file defines, in every pair', () => {
    const used = themePairs.flatMap((p) => [p.fg, p.bg, ...(p.under ? [p.under] : [])]);
    expect(used.filter((n) => !tokens.light.has(n))).toEqual([]);
  });
});

describe('the style sheets and components', () => {
  const colourLiteral = /#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?)\(|(?<![\w-])(?:white|black)(?![\w-])/gi;

  it('write no colour outside the token file', () => {
    expect(styleSheets.length).toBeGreaterThan(3);
    const found = styleSheets
      .filter((f) => f !== tokenFile)
      .flatMap((f) =>
        readFileSync(f, 'utf8')
          .replace(/\/\*[\s\S]*?\*\//g, '')
          .split('\n')
          .flatMap((line, i) => (line.match(colourLiteral) ? [`${rel(f)}:${i + 1}: ${line.trim()}`] : [])),
      );
    expect(found).toEqual([]);
  });

  it('use only tokens that exist (a misspelt one silently draws nothing)', () => {
    const defined = new Set(tokens.light.keys());
    const missing = styleSheets.flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/var\(\s*(--[\w-]+)/g)]
        .map((m) => m[1]!)
        .filter((n) => !defined.has(n))
        .map((n) => `${rel(f)}: ${n}`),
    );
    const components = filesUnder(path.join(root, 'renderer'), /\.tsx?$/).filter((f) => !/\.test\.tsx?$/.test(f));
    const fromCode = components.flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/var\((--[\w-]+)\)/g)]
        .map((m) => m[1]!)
        .filter((n) => !defined.has(n))
        .map((n) => `${rel(f)}: ${n}`),
    );
    expect([...missing, ...fromCode]).toEqual([]);
  });

  it('keep colour literals out of components, so inline styles follow the theme too', () => {
    const components = filesUnder(path.join(root, 'renderer'), /\.tsx?$/).filter((f) => !/\.test\.tsx?$/.test(f));
    const found = components.flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .flatMap((line, i) => (/['"`]#[0-9a-f]{3,8}['"`]|\brgba?\(/i.test(line) ? [`${rel(f)}:${i + 1}`] : [])),
    );
    expect(found).toEqual([]);
  });
});
