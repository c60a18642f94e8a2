export function layerOf(repoPath: string): string | null;
export function layeringViolation(fromFile: string, specifier: string): string | null;
