/** Collects a problem found at a line of the file being rendered. */
export type Report = (line: number | undefined, field: string, problem: string) => void;
