// @peculiar/x509 loads tsyringe, which refuses to start without `Reflect.getMetadata`. The
// usual polyfill (reflect-metadata) is not installed and tsyringe needs only these three calls,
// so a WeakMap store does (same approach as hardware-mocks' id-card shim; kept separate so the
// packages stay independent). Import before '@peculiar/x509'.

type ReflectWithMetadata = typeof Reflect & {
  getMetadata?: (key: unknown, target: object) => unknown;
  getOwnMetadata?: (key: unknown, target: object) => unknown;
  defineMetadata?: (key: unknown, value: unknown, target: object) => void;
};

const R = Reflect as ReflectWithMetadata;

if (typeof R.getMetadata !== 'function') {
  const store = new WeakMap<object, Map<unknown, unknown>>();
  R.getOwnMetadata = (key, target) => store.get(target)?.get(key);
  R.getMetadata = (key, target) => {
    for (let t: object | null = target; t; t = Object.getPrototypeOf(t) as object | null) {
      const own = store.get(t);
      if (own?.has(key)) return own.get(key);
    }
    return undefined;
  };
  R.defineMetadata = (key, value, target) => {
    const own = store.get(target) ?? new Map<unknown, unknown>();
    own.set(key, value);
    store.set(target, own);
  };
}

export {};
