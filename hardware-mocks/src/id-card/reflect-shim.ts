// @peculiar/x509 registers its algorithms through tsyringe, which refuses to load unless
// `Reflect.getMetadata` exists. The usual polyfill (reflect-metadata) is not among our
// installed packages, and tsyringe only needs these three calls, so a WeakMap store does.
// Import this module before '@peculiar/x509'.

type MetaStore = WeakMap<object, Map<unknown, unknown>>;
type ReflectWithMetadata = typeof Reflect & {
  getMetadata?: (key: unknown, target: object) => unknown;
  getOwnMetadata?: (key: unknown, target: object) => unknown;
  defineMetadata?: (key: unknown, value: unknown, target: object) => void;
};

const R = Reflect as ReflectWithMetadata;

if (typeof R.getMetadata !== 'function') {
  const store: MetaStore = new WeakMap();
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
