/** Whether what csq prints is coloured: decided here, without loading chalk. */

let override: boolean | undefined;

/** `--no-color`: no colour, whatever the environment says. */
export function setColor(enabled: boolean): void {
  override = enabled;
}

/** --no-color and NO_COLOR win; FORCE_COLOR forces (0 and false turn it off); otherwise colour only on a terminal. */
export function colorEnabled(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (override !== undefined) return override;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return !['0', 'false'].includes(env.FORCE_COLOR.toLowerCase());
  return stream.isTTY === true && env.TERM !== 'dumb';
}
