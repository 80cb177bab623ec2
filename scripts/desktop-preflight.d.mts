export function buildDesktopPreflight(outfile: string): Promise<void>;
