/** One route as Fastify's printed route tree shows it. */
export interface PrintedRoute {
  method: string;
  /** The full path with Fastify's `:param` names. */
  path: string;
}

/**
 * Every route in Fastify's `printRoutes({ commonPrefix: false })` tree, HEAD left out (Fastify
 * adds it to every GET). Reading the router back, rather than a list kept by hand, is what lets
 * a test notice a route nobody described.
 */
export function printedRoutes(tree: string): PrintedRoute[] {
  const out: PrintedRoute[] = [];
  const stack: { depth: number; path: string }[] = [];
  for (const line of tree.split('\n')) {
    const m = /^(.*?)[├└]── (\S+) \(([^)]+)\)$/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length;
    while (stack.length && stack[stack.length - 1]!.depth >= depth) stack.pop();
    const path = (stack[stack.length - 1]?.path ?? '') + m[2]!;
    stack.push({ depth, path });
    for (const method of m[3]!.split(', ')) if (method !== 'HEAD') out.push({ method, path });
  }
  return out;
}
