/** crypto.randomUUID exists in every context we run in (worker, pages, content scripts, Node 20). */
export function newId(): string {
  return crypto.randomUUID();
}
