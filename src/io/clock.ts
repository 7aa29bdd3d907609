/** Today's date where the user is, as YYYY-MM-DD: what a new answers file and a tally are dated. */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
