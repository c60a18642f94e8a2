export function makeStubElectronDist(dir: string): string;
