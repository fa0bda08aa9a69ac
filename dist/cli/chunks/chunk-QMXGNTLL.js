// core/fs/cleanup.ts
import { rmSync } from "node:fs";
function createTempRegistry() {
  const paths = /* @__PURE__ */ new Set();
  return {
    add: (p) => void paths.add(p),
    delete: (p) => void paths.delete(p),
    removeAll() {
      for (const p of paths) {
        try {
          rmSync(p, { recursive: true, force: true });
        } catch {
        }
      }
      paths.clear();
    },
    get size() {
      return paths.size;
    }
  };
}
var tempPaths = createTempRegistry();
var SIGNALS = ["SIGINT", "SIGTERM"];
function onInterrupt(target, registry = tempPaths) {
  const handler = (signal) => {
    registry.removeAll();
    uninstall();
    target.kill(target.pid, signal);
  };
  const uninstall = () => {
    for (const s of SIGNALS) target.off(s, handler);
  };
  for (const s of SIGNALS) target.on(s, handler);
  return uninstall;
}

export {
  createTempRegistry,
  tempPaths,
  onInterrupt
};
