/**
 * WCAG 2.x contrast for the console's colour tokens: parse the token file's light and dark `:root`
 * blocks, resolve `var()` aliases, composite translucent colours over what they sit on, and compute
 * the contrast ratio (https://www.w3.org/TR/WCAG22/#dfn-contrast-ratio). Test support only.
 */

export type Rgba = readonly [r: number, g: number, b: number, a: number];
export type Theme = 'light' | 'dark';
export type TokenSet = Record<Theme, Map<string, string>>;

const hexColour = /^#([0-9a-f]{3}|[0-9a-f]{4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
const rgbColour = /^rgba?\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*(?:,\s*([\d.]+)\s*)?\)$/i;

/** `#rgb`, `#rgba`, `#rrggbb`, `#rrggbbaa`, `rgb()` or `rgba()` as 0–255 channels and 0–1 alpha; null otherwise. */
export function parseColour(text: string): Rgba | null {
  const value = text.trim();
  const hex = hexColour.exec(value);
  if (hex) {
    const digits = hex[1]!.length <= 4 ? [...hex[1]!].map((d) => d + d) : hex[1]!.match(/../g)!;
    const [r, g, b, a = 'ff'] = digits.map((d) => d);
    return [parseInt(r!, 16), parseInt(g!, 16), parseInt(b!, 16), parseInt(a, 16) / 255];
  }
  const rgb = rgbColour.exec(value);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3]), rgb[4] === undefined ? 1 : Number(rgb[4])];
  return null;
}

/** A translucent colour as it shows over an opaque one (source-over). */
export function over(top: Rgba, under: Rgba): Rgba {
  const a = top[3];
  const mix = (i: 0 | 1 | 2) => top[i] * a + under[i] * (1 - a);
  return [mix(0), mix(1), mix(2), 1];
}

function luminance([r, g, b]: Rgba): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** The contrast ratio of two opaque colours, 1 to 21. */
export function contrastRatio(a: Rgba, b: Rgba): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The text between the brace after `start` and its matching close. */
function blockAfter(css: string, start: number): string {
  const open = css.indexOf('{', start);
  let depth = 0;
  for (let i = open; i < css.length; i++) {
    if (css[i] === '{') depth++;
    else if (css[i] === '}' && --depth === 0) return css.slice(open + 1, i);
  }
  throw new Error(`unbalanced braces after offset ${start}`);
}

function declarations(block: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of block.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)) out.set(m[1]!, m[2]!.trim());
  return out;
}

/**
 * The custom properties of the first top-level `:root` block (light) and of the `:root` inside
 * `@media (prefers-color-scheme: dark)` (dark). Dark starts from light, so a token the dark block
 * leaves out is visible as one with the same value in both (the tests require every token to be set).
 */
export function parseTokens(css: string): TokenSet & { darkDeclared: Set<string> } {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const media = text.search(/@media\s*\(\s*prefers-color-scheme\s*:\s*dark\s*\)/);
  if (media < 0) throw new Error('the token file has no @media (prefers-color-scheme: dark) block');
  const lightAt = text.search(/:root\s*\{/);
  if (lightAt < 0 || lightAt > media) throw new Error('the token file must start with the light :root block');
  const mediaBlock = blockAfter(text, media);
  const darkAt = mediaBlock.search(/:root\s*\{/);
  if (darkAt < 0) throw new Error('the dark @media block has no :root');
  const light = declarations(blockAfter(text, lightAt));
  const darkOwn = declarations(blockAfter(mediaBlock, darkAt));
  return { light, dark: new Map([...light, ...darkOwn]), darkDeclared: new Set(darkOwn.keys()) };
}

/** A token's colour in a theme, following `var(--other)` aliases; throws when it is not a colour. */
export function tokenColour(tokens: TokenSet, theme: Theme, name: string, seen: string[] = []): Rgba {
  const value = tokens[theme].get(name);
  if (value === undefined) throw new Error(`${name} is not defined in the ${theme} theme`);
  const alias = /^var\(\s*(--[\w-]+)\s*\)$/.exec(value);
  if (alias) {
    if (seen.includes(name)) throw new Error(`${[...seen, name].join(' → ')} is a cycle`);
    return tokenColour(tokens, theme, alias[1]!, [...seen, name]);
  }
  const colour = parseColour(value);
  if (!colour) throw new Error(`${name} is "${value}" in the ${theme} theme, not a colour this check reads`);
  return colour;
}
