export function licenceProblems(lock: { packages?: Record<string, { dev?: boolean; license?: string }> }): Array<{ name: string; license: string }>;
