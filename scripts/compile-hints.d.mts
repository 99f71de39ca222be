/** Types of `compile-hints.mjs`. */

/** V8's explicit compile hint, the first line of a marked script. */
export const COMPILE_HINT: string;

/** The build's async scripts an exported page loads at start, as paths inside the export. */
export function startupScripts(html: string, basePath?: string): string[];

/** The script with the hint as its first line; unchanged if it already has it. */
export function withCompileHint(source: string): string;
